package wording

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
	"kefucost/scenarios"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// A vendor's amounts are worded by what they are: exact, a lower bound,
// unknown, or not applicable (it serves none of the needs: its 0 is no
// price), the same in every front end.
func TestAmountSaysWhatTheTotalIs(t *testing.T) {
	line := []*pricing.Line{{}}
	cases := []struct {
		name           string
		r              pricing.Result
		bound          Bound
		zh, en, figure string
	}{
		{"complete", pricing.Result{Total: dec("1234567.8"), Complete: true, Covers: true, Lines: line}, Exact, "1,234,567.80 元", "¥1,234,567.80", "1,234,567.80"},
		{"unpriced items", pricing.Result{Total: dec("1234.5"), Covers: true, Lines: line}, AtLeast, "至少 1,234.50 元", "at least ¥1,234.50", "at least 1,234.50"},
		{"nothing priced", pricing.Result{Covers: true, Lines: line}, Unknown, "未知", "unknown", "unknown"},
		{"serves none", pricing.Result{Complete: true, Uncovered: []string{"bots"}}, NotApplicable, "不适用", "not applicable", "not applicable"},
		{"covers part, complete", pricing.Result{Total: dec("10"), Complete: true, Lines: line, Uncovered: []string{"bots"}}, Exact, "10.00 元", "¥10.00", "10.00"},
		{"nothing to buy", pricing.Result{Complete: true, Covers: true}, Exact, "0.00 元", "¥0.00", "0.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := BoundOf(&c.r)
			if b != c.bound {
				t.Fatalf("BoundOf = %d, want %d", b, c.bound)
			}
			if got := Amount("zh", c.r.Total, b); got != c.zh {
				t.Errorf("zh %q, want %q", got, c.zh)
			}
			if got := Amount("", c.r.Total, b); got != c.zh {
				t.Errorf("\"\" (Chinese) %q, want %q", got, c.zh)
			}
			if got := Amount("en", c.r.Total, b); got != c.en {
				t.Errorf("en %q, want %q", got, c.en)
			}
			if got := Figure("en", c.r.Total, b); got != c.figure {
				t.Errorf("figure %q, want %q", got, c.figure)
			}
		})
	}
	// Another plan of a vendor that serves none is not applicable either.
	r := pricing.Result{Uncovered: []string{"bots"}}
	if b := PlanBound(&r, pricing.PlanTotal{Complete: true}); b != NotApplicable {
		t.Errorf("runner-up of a vendor serving none: %d", b)
	}
}

func TestStatusInOnePhrase(t *testing.T) {
	line := []*pricing.Line{{}}
	cases := []struct {
		r      pricing.Result
		zh, en string
	}{
		// The cheapest: its status is what any whole total's is; the rank
		// says cheapest (Badge), once.
		{pricing.Result{Vendor: "a", Complete: true, Covers: true, Lines: line}, "完整，覆盖全部需求", "complete, covers every requirement"},
		{pricing.Result{Vendor: "b", Complete: true, Covers: true, Lines: line}, "完整，覆盖全部需求", "complete, covers every requirement"},
		{pricing.Result{Vendor: "b", Lines: line, Covers: true, Unpriced: []string{"x.y", "z"}},
			"不完整：2 项未定价（x.y、z），总额为下限", "incomplete: 2 unpriced (x.y, z), the total is a lower bound"},
		{pricing.Result{Vendor: "b", Complete: true, Lines: line, Uncovered: []string{"online_agents", "bots"}},
			"不覆盖：在线客服坐席 (online_agents)、机器人 (bots)", "does not cover: online_agents, bots"},
		{pricing.Result{Vendor: "b", Complete: true, Uncovered: []string{"chats_per_day"}},
			"不提供本方案所需的任何服务：每日机器人对话 (chats_per_day)", "serves none of this scenario's requirements: chats_per_day"},
	}
	for _, c := range cases {
		if got := Status("zh", &c.r); got != c.zh {
			t.Errorf("zh %q, want %q", got, c.zh)
		}
		if got := Status("en", &c.r); got != c.en {
			t.Errorf("en %q, want %q", got, c.en)
		}
	}
}

// The short phrases (badges, chart legends) say each meaning once: what
// the window's cards and the charts show is exactly these.
func TestShortStatusPhrases(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Cheapest("zh"), "★ 最便宜"},
		{Cheapest("en"), "★ cheapest"},
		{Incomplete("zh", 2), "不完整：2 项未定价"},
		{Incomplete("en", 2), "incomplete: 2 unpriced"},
		{Incomplete("zh", 0), "不完整"},
		{Incomplete("en", 0), "incomplete"},
		{NotCovering("zh", []string{"online_agents"}), "不覆盖：在线客服坐席"},
		{NotCovering("en", []string{"online_agents", "bots"}), "does not cover: Online agents, Bots"},
		{NotCovering("zh", []string{"online_agents", "bots", "phone_agents"}), "不覆盖：在线客服坐席、机器人 等另 1 项"},
		{NotCovering("en", nil), "does not cover every need"},
		{Bounded("zh", AtLeast, "12.00"), "至少 12.00"},
		{Bounded("en", NotApplicable, "0.00"), "not applicable"},
		{Bounded("en", Unknown, "0.00"), "unknown"},
		{Bounded("en", Exact, "12.00"), "12.00"},
		{Sentence("cheapest"), "Cheapest"},
		{Sentence("最便宜"), "最便宜"},
		{Sentence(""), ""},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

// Field names come from the translation files, one wording per field:
// the window's labels are the ones everything uses.
func TestFieldLabelsFromTranslations(t *testing.T) {
	for _, c := range []struct{ lang, field, want string }{
		{"zh", "chats_per_day", "每日机器人对话"},
		{"", "online_agents", "在线客服坐席"},
		{"en", "online_agents", "Online agents"},
		{"en", "no_such_field", "no_such_field"},
	} {
		if got := FieldLabel(c.lang, c.field); got != c.want {
			t.Errorf("FieldLabel(%q, %q) = %q, want %q", c.lang, c.field, got, c.want)
		}
	}
	// One word for a seat: 坐席, as in every label of the window.
	for k, v := range Messages("zh") {
		if strings.Contains(v, "座席") {
			t.Errorf("%s = %q: the texts write 坐席", k, v)
		}
	}
}

func TestDigitGrouping(t *testing.T) {
	for in, want := range map[string]string{"": "", "1": "1", "123": "123", "1234": "1,234", "1234567": "1,234,567"} {
		if got := GroupDigits(in); got != want {
			t.Errorf("GroupDigits(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"0": "0.00", "-1234.5": "-1,234.50", "999.999": "1,000.00", "1000000": "1,000,000.00"} {
		if got := Money(dec(in)); got != want {
			t.Errorf("Money(%s) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"12000": "12,000", "0.123456": "0.1235", "1500.5": "1,500.5", "1784021.158768": "1,784,021.1588"} {
		if got := Quantity(dec(in)); got != want {
			t.Errorf("Quantity(%s) = %q, want %q", in, got, want)
		}
	}
}

// Break-even over time in words, with the hand-checked months of
// pricing's TestCumulativeLeads*: one takeover named, several counted.
func TestLeadsText(t *testing.T) {
	month := func(first, rest int64) []decimal.Decimal {
		out := make([]decimal.Decimal, 12)
		for i := range out {
			out[i] = decimal.NewFromInt(rest)
		}
		out[0] = decimal.NewFromInt(first)
		return out
	}
	c := &pricing.Comparison{Months: 12, Vendors: []*pricing.Result{
		{Vendor: scenarios.Tencent, Complete: true, Covers: true, Monthly: month(1000, 10)},
		{Vendor: scenarios.Aliyun, Complete: true, Covers: true, Monthly: month(100, 100)},
		{Vendor: scenarios.Chatopera, Complete: true, Covers: false, Monthly: month(1, 1)},
	}}
	for m := 0; m < 12; m++ {
		c.MonthStarts = append(c.MonthStarts, scenarios.NewDate(2027, 1, 1).AddMonths(m))
	}
	for lang, want := range map[string]string{
		"zh": "累计支出：起初阿里云最低；从 2027-12 起腾讯企点比阿里云便宜。",
		"en": "Cumulative cash: at first Aliyun has paid the least; from 2027-12 Tencent is cheaper than Aliyun.",
	} {
		if got := LeadsText(lang, c); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	// Aliyun alone whole: nothing to compare.
	c.Vendors[0].Covers = false
	if got := LeadsText("zh", c); got != "" {
		t.Errorf("one complete way: %q", got)
	}
	// Many takeovers: Tencent pays 290 every third month (months 0, 3, 6,
	// 9), Aliyun 100 a month. Aliyun leads at first; Tencent is ahead in
	// months 2, 5, 8 and 11 (290 < 300, 580 < 600, 870 < 900, 1,160 <
	// 1,200), Aliyun again in months 3, 6 and 9 (after Tencent pays):
	// seven takeovers, the last in month 11 (2027-12).
	c.Vendors[0].Covers = true
	saw := make([]decimal.Decimal, 12)
	for i := range saw {
		saw[i] = decimal.Zero
		if i%3 == 0 {
			saw[i] = decimal.NewFromInt(290)
		}
	}
	c.Vendors[0].Monthly = saw
	got := LeadsText("zh", c)
	if want := "累计支出：起初阿里云最低；领先者变换 7 次，从 2027-12 起腾讯企点一直最低。"; got != want {
		t.Errorf("many takeovers: %q", got)
	}
}

// A field path in a message is named in the words the window shows beside
// the field, never as the file writes it: an own cost's amount, a dated
// change's value, a combination choice.
func TestFieldNamesInChinese(t *testing.T) {
	for path, want := range map[string]string{
		"vendors.chatopera.extras[0].amount": "Chatopera 机器人平台 自己录入的费用第 1 笔 金额",
		"vendors.aliyun-icc.extras[2].date":  "阿里云 智能联络中心 自己录入的费用第 3 笔 日期",
		"vendors.aliyun-icc.extras[1]":       "阿里云 智能联络中心 自己录入的费用第 2 笔",
		"vendors.tencent-qidian.gifts[0]":    "腾讯企点客服 赠送的资源包第 1 个",
		"vendors.chatopera.gifts[1].date":    "Chatopera 机器人平台 赠送的资源包第 2 个 收到日期",
		"vendors.chatopera.gifts":            "Chatopera 机器人平台 赠送的资源包",
		"vendors.huawei-cec.options.x":       "华为云 云客服 CEC 解释选项",
		"vendors.chatopera.discount":         "Chatopera 机器人平台 谈判折扣",
		"changes[2].value":                   "计划变更第 3 条 数值",
		"changes[0].date":                    "计划变更第 1 条 日期",
		"combine.pin.phone":                  "厂商组合 电话",
		"combine.exclude[0]":                 "不参与组合的厂商",
		"demand.online_agents":               "在线客服坐席",
		"format":                             "文件格式",
	} {
		got := FieldName("zh", path)
		if got != want {
			t.Errorf("FieldName(zh, %q) = %q, want %q", path, got, want)
		}
	}
	if got := FieldName("en", "vendors.chatopera.extras[0].amount"); got != "Chatopera own cost 1 Amount" && !strings.Contains(got, "own cost 1") {
		t.Errorf("en: %q", got)
	}
}

// A count of 1 takes the singular in English ("⚠ 1 item unpriced", not
// "1 items"), whichever argument the count is; Chinese has no plural.
func TestOneTakesTheSingular(t *testing.T) {
	for _, c := range []struct {
		key  string
		args []any
		want string
	}{
		{"vendors.status.unpriced", []any{1, "Online seat"}, "⚠ 1 item unpriced: Online seat"},
		{"vendors.status.unpriced", []any{2, "a、b"}, "⚠ 2 items unpriced: a、b"},
		{"cli.table.head", []any{"x", 1, "2027-01-01", "2027-01-31", "p"}, "x — 1 month, 2027-01-01 to 2027-01-31"},
		{"results.partly", []any{1}, "1 more combination lacks prices"},
		{"trash.empty.confirm", []any{1}, "Delete the 1 scenario in the trash"},
		{"combo.none_priced", []any{1}, "(1 lacks prices)"},
	} {
		if got := Text("en", c.key, c.args...); !strings.Contains(got, c.want) {
			t.Errorf("%s %v: %q, want %q", c.key, c.args, got, c.want)
		}
	}
	if got := Text("zh", "vendors.status.unpriced", 1, "在线客服座席"); got != "⚠ 1 项未定价：在线客服座席" {
		t.Errorf("zh: %q", got)
	}
}

// A quantity not exact at four decimals is shown rounded to what a buyer
// reads, marked ≈ (whole above 1,000: the window's breakdown wrapped
// "≈5,452,459.2337 分钟" at 1280 px); an exact one is shown as it is.
func TestShownQuantityRoundsOnlyForDisplay(t *testing.T) {
	for in, want := range map[string]string{
		"5452459.23371234": "≈5,452,459",
		"5452459.2337":     "5,452,459.2337",
		"1980":             "1,980",
		"19.764966":        "≈19.76",
		"0.123456":         "≈0.1235",
		"999.99999":        "≈1,000",
	} {
		if got := ShownQuantity(decimal.RequireFromString(in)); got != want {
			t.Errorf("ShownQuantity(%s) = %q, want %q", in, got, want)
		}
	}
}

// English nouns after a count are singular for 1: "1 month", not "1
// months" (a one-month scenario's chart, workbook and conclusion).
func TestCountENSingularForOne(t *testing.T) {
	for n, want := range map[int]string{0: "0 months", 1: "1 month", 36: "36 months"} {
		if got := CountEN(n, "month"); got != want {
			t.Errorf("CountEN(%d) = %q, want %q", n, got, want)
		}
	}
}
