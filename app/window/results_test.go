package window

import (
	"strings"
	"testing"
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
