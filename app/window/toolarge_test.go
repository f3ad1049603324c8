package window

import (
	"strings"
	"testing"
)

// Tencent's minute quoted at 999,999,999 元 for 10,000,000 minutes a month
// passes 10¹⁵ 元. It was only marked out of date, silently; then refused
// at the quote's field. Since R21 the other vendors are compared: the
// results are current, Tencent is not computed (never a wrapped total,
// never ranked), and the quote's field says why, in Chinese.
func TestHugeQuoteRefusedAtItsField(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(f.field("demand.chats_per_day").Entry, "0")
	typeInto(f.field("demand.bots").Entry, "0")
	typeInto(f.field("demand.phone_agents").Entry, "1000")
	typeInto(f.field("demand.inbound_minutes_per_month").Entry, "10000000")
	card := u.vendors.Cards["tencent-qidian"]
	e := card.Prices["phone.minute"]
	if e == nil {
		t.Fatal("no quote field for Tencent's phone.minute")
	}
	typeInto(e, "999999999")
	path := `vendors.tencent-qidian.prices["phone.minute"]`
	lbl := card.Errs[path]
	if lbl == nil || !lbl.Visible() || !strings.Contains(lbl.Text, "超过 1,000,000,000,000,000 元") || !strings.Contains(lbl.Text, "其余供应商照常比较") {
		t.Fatalf("quote field message %v, want the vendor past the limit said in Chinese", lbl)
	}
	if u.stale || u.result == nil {
		t.Fatal("results out of date: the other vendors are compared")
	}
	for _, r := range u.result.Vendors {
		if r.Total.IsNegative() || r.Vendor == "tencent-qidian" && (r.PastLimit == nil || u.result.Cheapest == r.Vendor) {
			t.Errorf("%s shown at %s (past the limit %v, cheapest %q)", r.Vendor, r.Total, r.PastLimit != nil, u.result.Cheapest)
		}
	}
	// A quote within reach clears the message and prices it again.
	typeInto(e, "1")
	if lbl.Visible() || u.stale {
		t.Errorf("after a quote of 1: message visible %v (%q), stale %v", lbl.Visible(), lbl.Text, u.stale)
	}
}
