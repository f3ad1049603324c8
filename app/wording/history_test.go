package wording

import "testing"

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
	if got := Summary("en", "months 36→24"); got != "months 36→24" {
		t.Errorf("en other fields: %q", got)
	}
}
