package wording

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
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
		{pricing.Result{Vendor: "a", Complete: true, Covers: true, Lines: line}, "最便宜", "cheapest"},
		{pricing.Result{Vendor: "b", Complete: true, Covers: true, Lines: line}, "完整，覆盖全部需求", "complete, covers every requirement"},
		{pricing.Result{Vendor: "b", Lines: line, Covers: true, Unpriced: []string{"x.y", "z"}},
			"不完整：2 项未定价（x.y、z），总额为下限", "incomplete: 2 unpriced (x.y, z), the total is a lower bound"},
		{pricing.Result{Vendor: "b", Complete: true, Lines: line, Uncovered: []string{"online_agents", "bots"}},
			"不覆盖：在线客服坐席 (online_agents)、机器人 (bots)", "does not cover: online_agents, bots"},
		{pricing.Result{Vendor: "b", Complete: true, Uncovered: []string{"chats_per_day"}},
			"不提供本方案所需的任何服务：每日机器人对话 (chats_per_day)", "serves none of this scenario's requirements: chats_per_day"},
	}
	for _, c := range cases {
		if got := Status("zh", &c.r, "a"); got != c.zh {
			t.Errorf("zh %q, want %q", got, c.zh)
		}
		if got := Status("en", &c.r, "a"); got != c.en {
			t.Errorf("en %q, want %q", got, c.en)
		}
	}
}

// The short phrases (badges, chart legends) say each meaning once: what
// the window's cards and the charts show is exactly these.
func TestShortStatusPhrases(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Cheapest("zh"), "最便宜"},
		{Cheapest("en"), "cheapest"},
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
	for in, want := range map[string]string{"12000": "12,000", "0.123456": "0.1235", "1500.5": "1500.5"} {
		if got := Quantity(dec(in)); got != want {
			t.Errorf("Quantity(%s) = %q, want %q", in, got, want)
		}
	}
}
