package window

import (
	"strings"
	"testing"
)

// A scenario the engine refuses though every field is valid (Tencent's
// minute quoted at 999,999,999 元 for 10,000,000 minutes a month: the
// amount passes 10¹⁵ 元) was only marked out of date, silently. The
// refusal is now said at the quote's field, in Chinese, and the results
// stay marked out of date (never a wrapped total).
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
	if lbl == nil || !lbl.Visible() || !strings.Contains(lbl.Text, "超过 1,000,000,000,000,000 元") {
		t.Fatalf("quote field message %v, want the refusal in Chinese", lbl)
	}
	if !u.stale {
		t.Error("results not marked out of date")
	}
	for _, r := range u.result.Vendors {
		if r.Total.IsNegative() {
			t.Errorf("%s shown at %s", r.Vendor, r.Total)
		}
	}
	// A quote within reach clears the message and prices again.
	typeInto(e, "1")
	if lbl.Visible() || u.stale {
		t.Errorf("after a quote of 1: message visible %v (%q), stale %v", lbl.Visible(), lbl.Text, u.stale)
	}
}
