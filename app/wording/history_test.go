package wording

import (
	"strings"
	"testing"
)

// History entries read as sentences, in one place for every front end.
func TestHistoryAsSentences(t *testing.T) {
	qidian, minute := VendorNameByID("zh", "tencent-qidian"), ItemName("zh", "tencent-qidian", "phone.minute")
	if minute == "phone.minute" || qidian == "tencent-qidian" {
		t.Fatalf("catalog names missing: %q %q", qidian, minute)
	}
	for in, want := range map[string]string{
		"vendors.tencent-qidian.prices[phone.minute] set 0.12":           qidian + " " + minute + " 报价改为 0.12 元",
		"vendors.tencent-qidian.prices[phone.minute] 0.12→0.1":           qidian + " " + minute + " 报价 0.12 元→0.1 元",
		"vendors.tencent-qidian.prices[phone.minute] removed (was 0.12)": qidian + " " + minute + " 报价已删除（原为 0.12 元）",
		"vendors.tencent-qidian.enabled true→false":                      qidian + " 不参与比较",
		"vendors.tencent-qidian.discount set 0.85":                       qidian + " 折扣设为 0.85",
		"months 36→24; vendors.tencent-qidian.enabled false→true":        "期间 36→24；" + qidian + " 参与比较",
		"changes[0] added (from 2027-07-01, online_agents 8)":            "新增计划变更 1：2027-07-01 起，在线客服坐席 8",
		"changes[1].online_agents 8→12":                                  "计划变更 2 在线客服坐席 8→12",
		"changes[0].date 2027-07-01→2027-08-01":                          "计划变更 1 日期 2027-07-01→2027-08-01",
		"demand.call_length fixed→exponential":                           "通话时长分布 固定时长→指数分布（长短不一）",
	} {
		got := Summary("zh", in)
		if got != want {
			t.Errorf("Summary(zh, %q) = %q, want %q", in, got, want)
		}
		if latinWords.MatchString(got) {
			t.Errorf("Summary(zh, %q) = %q has Latin words", in, got)
		}
	}
	if got, want := Summary("en", "vendors.tencent-qidian.prices[phone.minute] set 0.12"), VendorNameByID("en", "tencent-qidian")+" "+ItemName("en", "tencent-qidian", "phone.minute")+" quote set to ¥0.12"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	// Other fields by their names, as in the window (not "months 36→24").
	if got := Summary("en", "months 36→24"); got != FieldName("en", "months")+" 36→24" || strings.Contains(got, "months") {
		t.Errorf("en other fields: %q", got)
	}
}

// A date or discount that is refused says how to write it.
func TestMistakesSayHowToFix(t *testing.T) {
	for in, want := range map[string]string{
		"2027-02-30": "2027-02-30：2 月只有 28 天",
		"2028-02-30": "2028-02-30：2 月只有 29 天",
		"2027-04-31": "2027-04-31：4 月只有 30 天",
		"2027-13-01": "2027-13-01：月份只能是 1 到 12，不能是 13",
		"2027/2/3":   "请写成 2027-02-03",
		"明天":         "请输入日期，格式如 2027-01-31",
	} {
		if got := DateHint("zh", in); got != want {
			t.Errorf("DateHint(%q) = %q, want %q", in, got, want)
		}
	}
	if got := DateHint("en", "2027-02-30"); got != "2027-02-30: February has 28 days" {
		t.Errorf("en: %q", got)
	}
	for in, want := range map[string]string{"8.5": "0.85", "85": "0.85", "9": "0.9", "0.85": "", "abc": ""} {
		got := DiscountHint("zh", in)
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("DiscountHint(%q) = %q, want it to suggest %q", in, got, want)
		}
	}
}
