package wording

import "testing"

// In Chinese a value beside Chinese characters gets a space when it
// starts or ends with a Latin letter or digit, as the templates space
// numbers and dates ("从 %s 起"); a Chinese value does not. The leader
// sentence read "从 2027-02 起Chatopera（机器人）比腾讯企点便宜".
func TestChineseSpacesALatinValueFromChinese(t *testing.T) {
	for _, tc := range []struct {
		key  string
		args []any
		want string
	}{
		{"leads.takeover", []any{"2027-02", "Chatopera（机器人）", "腾讯企点"}, "从 2027-02 起 Chatopera（机器人）比腾讯企点便宜"},
		{"leads.takeover", []any{"2027-02", "腾讯企点", "Chatopera"}, "从 2027-02 起腾讯企点比 Chatopera 便宜"},
		{"leads.first", []any{"腾讯企点"}, "累计支出：起初腾讯企点最低"},
		{"leads.throughout", []any{"Chatopera（机器人） + 腾讯企点（在线客服）"}, "累计支出：Chatopera（机器人） + 腾讯企点（在线客服）每个月都最低。"},
		{"leads.first", []any{"Chatopera"}, "累计支出：起初 Chatopera 最低"},
		// Already spaced in the template, or beside punctuation: as is.
		{"status.uncovered.more", []any{"机器人", 3}, "不覆盖：机器人 等另 3 项"},
		{"hist.option.set", []any{"谈判折扣", "0.85"}, "谈判折扣 设为 0.85"},
	} {
		if got := Text("zh", tc.key, tc.args...); got != tc.want {
			t.Errorf("%s %q = %q, want %q", tc.key, tc.args, got, tc.want)
		}
	}
	// English is as formatted.
	if got, want := Text("en", "leads.first", "Chatopera"), "Cumulative cash: at first Chatopera has paid the least"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	// Verbs with flags, indexes and quotes are formatted as fmt does.
	if got, want := spacedSprintf("%[2]s与%[1]q、%5.1[3]f元", "甲", "Aliyun", 3.14159), "Aliyun 与\"甲\"、  3.1 元"; got != want {
		t.Errorf("spacedSprintf: %q, want %q", got, want)
	}
}
