package window

import (
	"strings"
	"testing"

	"kefucost/app"
	"kefucost/app/window/kit"
	"kefucost/app/wording"
)

// The result cards and the breakdown.

// An incomplete total makes its average and runner-up lower bounds or
// unknown, never exact amounts.
func TestIncompleteAmountsAreNeverExact(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	incomplete := 0
	for _, r := range u.result.Vendors {
		if !r.Complete {
			incomplete++
			v := u.results.CardViews[r.Vendor]
			t.Logf("%s total %q sub %q", r.Vendor, v.Total.Text, v.Sub.Text)
			if !strings.Contains(v.Sub.Text, "at least ") && !strings.Contains(v.Sub.Text, "unknown") || strings.Contains(v.Sub.Text, "¥0.00") {
				t.Errorf("%s: incomplete, yet average shown as exact: %q", r.Vendor, v.Sub.Text)
			}
		}
	}
	if incomplete == 0 {
		t.Fatal("the new scenario should have an incomplete vendor: nothing was checked")
	}
}

// The card's badges are app/wording's short phrases, the same the chart
// legend shows: cheapest, what it does not cover, how many are unpriced.
func TestCardBadgesAreTheWordingOfTheStatus(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			f := newUIFixture(t, lang)
			u := f.u
			seen := map[string]bool{}
			check := func() {
				for _, r := range u.result.Vendors {
					v := u.results.CardViews[r.Vendor]
					badge := func(what string, lb *kit.Para, on bool, want string) {
						if lb.Visible() != on || on && lb.Text != want {
							t.Errorf("%s %s badge: shown %v %q; want shown %v %q", r.Vendor, what, lb.Visible(), lb.Text, on, want)
						}
						seen[what] = seen[what] || on
					}
					// The rank word replaces the cheapest badge: ★ only for the
					// cheapest way to cover everything (combos_test.go).
					badge("rank", v.Rank, true, wording.Badge(lang, u.result, r))
					seen["cheapest"] = seen["cheapest"] || strings.HasPrefix(v.Rank.Text, "★")
					badge("uncovered", v.UncoveredBadge, !r.Covers, wording.Sentence(wording.NotCovering(lang, r.Uncovered)))
					badge("unpriced", v.UnpricedBadge, !r.Complete, wording.Sentence(wording.Incomplete(lang, len(r.Unpriced))))
				}
			}
			check() // the new scenario: an incomplete vendor
			s, err := app.LoadScenario("../cli/testdata/scenarios/mixed-spec-example.kefucost.json")
			if err != nil {
				t.Fatal(err)
			}
			u.loadScenario(s, "", nil)
			check() // vendors that do not cover everything
			// Tencent alone is the cheapest way to cover everything here.
			s, err = app.LoadScenario("../../pricing/testdata/combos/single-vendor.kefucost.json")
			if err != nil {
				t.Fatal(err)
			}
			u.loadScenario(s, "", nil)
			check()
			if !seen["cheapest"] || !seen["uncovered"] || !seen["unpriced"] {
				t.Errorf("the scenario shows only the badges %v: each should show on some card", seen)
			}
		})
	}
}

// The breakdown follows its vendor, not a position, when another vendor is
// left out.
func TestBreakdownKeepsItsVendorWhenVendorsChange(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.results.VendorSel.SetSelectedIndex(2)
	before := u.results.Selected().Vendor
	first := u.result.Vendors[0].Vendor
	u.vendors.Cards[first].Include.SetChecked(false)
	after := u.results.Selected()
	if after == nil || after.Vendor != before {
		t.Errorf("breakdown showed %s; after leaving out %s it shows %v", before, first, after.Vendor)
	}
}

// A vendor serving none of the needs has no amount: its card says "not
// applicable", never "0.00 元", and its settings say why.
func TestVendorServingNoneIsNotApplicable(t *testing.T) {
	for _, c := range []struct{ lang, total, status string }{
		{"zh", "不适用", "不提供本方案所需的任何服务"},
		{"en", "not applicable", "Serves none of this scenario's requirements"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			f := newUIFixture(t, c.lang)
			u := f.u
			s, err := app.LoadScenario("../cli/testdata/scenarios/mixed-spec-example.kefucost.json")
			if err != nil {
				t.Fatal(err)
			}
			u.loadScenario(s, "", nil)
			if r := resultFor(u.result, "aliyun-icc"); r == nil || !wording.ServesNone(r) {
				t.Fatalf("precondition: Aliyun serves part of %s", s.Name)
			}
			v := u.results.CardViews["aliyun-icc"]
			if v.Total.Text != c.total || v.Sub.Text != "" {
				t.Errorf("card total %q, sub %q; want %q and nothing", v.Total.Text, v.Sub.Text, c.total)
			}
			if got := u.vendors.Cards["aliyun-icc"].Status.Text; got != c.status {
				t.Errorf("vendor status %q, want %q", got, c.status)
			}
		})
	}
}
