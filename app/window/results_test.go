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
			v := u.results.cardViews[r.Vendor]
			t.Logf("%s total %q sub %q", r.Vendor, v.total.Text, v.sub.Text)
			if !strings.Contains(v.sub.Text, "≥") && !strings.Contains(v.sub.Text, "unknown") || strings.Contains(v.sub.Text, "¥0.00") {
				t.Errorf("%s: incomplete, yet average shown as exact: %q", r.Vendor, v.sub.Text)
			}
		}
	}
}

// An incomplete vendor with a small known total: the average that rounds
// to 0.00 is a lower bound, not "unknown".
func TestSmallIncompleteAverageIsALowerBound(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	c := *u.result
	c.Months = 36
	r := *c.Vendors[0]
	r.Complete = false
	r.Total = mustDec("0.10")
	r.Alternatives = nil
	r.PresentValue = nil
	v := newCardView()
	v.show(u, &c, &r)
	if strings.Contains(v.sub.Text, "unknown") {
		t.Errorf("total %q, average %q", v.total.Text, v.sub.Text)
	}
}

// The breakdown follows its vendor, not a position, when another vendor is
// left out.
func TestBreakdownKeepsItsVendorWhenVendorsChange(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.results.vendorSel.SetSelectedIndex(2)
	before := u.results.selectedResult().Vendor
	first := u.result.Vendors[0].Vendor
	u.vendors.cards[first].include.SetChecked(false)
	after := u.results.selectedResult()
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
			v := u.results.cardViews["aliyun-icc"]
			if v.total.Text != c.total || v.sub.Text != "" {
				t.Errorf("card total %q, sub %q; want %q and nothing", v.total.Text, v.sub.Text, c.total)
			}
			if got := u.vendors.cards["aliyun-icc"].status.Text; got != c.status {
				t.Errorf("vendor status %q, want %q", got, c.status)
			}
		})
	}
}
