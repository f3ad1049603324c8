package window

import (
	"strings"
	"testing"

	"kefucost/app"
	"kefucost/app/wording"
)

// The result cards and the breakdown.

// An incomplete total makes its average and runner-up lower bounds or
// unknown, never exact amounts.
func TestIncompleteAmountsAreNeverExact(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	for _, r := range u.result.Vendors {
		if !r.Complete {
			v := u.results.CardViews[r.Vendor]
			t.Logf("%s total %q sub %q", r.Vendor, v.Total.Text, v.Sub.Text)
			if !strings.Contains(v.Sub.Text, "≥") && !strings.Contains(v.Sub.Text, "unknown") || strings.Contains(v.Sub.Text, "¥0.00") {
				t.Errorf("%s: incomplete, yet average shown as exact: %q", r.Vendor, v.Sub.Text)
			}
		}
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
