package pricing

import (
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// monthly writes a month's cash as whole 元: first for month 0, then each
// later month rest.
func monthly(n int, first, rest int64) []decimal.Decimal {
	out := make([]decimal.Decimal, n)
	for i := range out {
		out[i] = decimal.NewFromInt(rest)
	}
	out[0] = decimal.NewFromInt(first)
	return out
}

func leadsComparison(months int, rs ...*Result) *Comparison {
	c := &Comparison{Months: months, Vendors: rs}
	for m := 0; m < months; m++ {
		c.MonthStarts = append(c.MonthStarts, scenarios.NewDate(2027, 1, 1).AddMonths(m))
	}
	return c
}

func whole(id string, m []decimal.Decimal) *Result {
	return &Result{Vendor: id, Complete: true, Covers: true, Monthly: m}
}

// Tencent pays 1,000 up front then 10 a month; Aliyun 100 a month. After
// month m (from 0) Aliyun has paid 100(m+1), Tencent 1,000 + 10m: equal at
// m = 10 (1,100 each: the leader keeps the lead), Tencent cheaper from m =
// 11 (1,200 > 1,110), that is 2027-12.
func TestCumulativeLeadsTakeover(t *testing.T) {
	c := leadsComparison(12, whole(Tencent, monthly(12, 1000, 10)), whole(Aliyun, monthly(12, 100, 100)))
	got := CumulativeLeads(c)
	if len(got) != 2 || got[0].Month != 0 || got[0].Way.Vendor != Aliyun || got[0].Over.Vendor != "" ||
		got[1].Month != 11 || got[1].Way.Vendor != Tencent || got[1].Over.Vendor != Aliyun {
		t.Fatalf("leads %+v, want Aliyun from month 0, Tencent over Aliyun from month 11", got)
	}
	if d := c.MonthStarts[got[1].Month].String(); d != "2027-12-01" {
		t.Errorf("takeover month %s, want 2027-12-01", d)
	}
}

// Partial and unpriced totals are never compared: a vendor that does not
// cover everything, however cheap, never leads; with one complete way
// left there is nothing to compare.
func TestCumulativeLeadsOnlyWholeWays(t *testing.T) {
	partial := &Result{Vendor: Chatopera, Complete: true, Covers: false, Monthly: monthly(12, 1, 1)}
	unpriced := &Result{Vendor: Huawei, Complete: false, Covers: true, Monthly: monthly(12, 2, 2)}
	c := leadsComparison(12, partial, whole(Tencent, monthly(12, 1000, 10)), unpriced, whole(Aliyun, monthly(12, 100, 100)))
	got := CumulativeLeads(c)
	for _, l := range got {
		if l.Way.Vendor == Chatopera || l.Way.Vendor == Huawei {
			t.Errorf("a partial or unpriced total leads: %+v", l)
		}
	}
	if len(got) != 2 {
		t.Errorf("leads %+v, want Aliyun then Tencent", got)
	}
	if got := CumulativeLeads(leadsComparison(12, partial, whole(Tencent, monthly(12, 1000, 10)), unpriced)); got != nil {
		t.Errorf("one complete way: leads %+v, want none", got)
	}
}

// The cheapest combination is a way of its own: Chatopera's bot and
// Tencent's online chat, 100 a month together (1,200), against Tencent
// alone at 10 in the first month and 120 after (1,330). After month m
// Tencent has paid 10 + 120m, the combination 100(m+1): Tencent less while
// 20m < 90, months 0 to 4; from month 5 (2027-06: 610 > 600) the
// combination.
func TestCumulativeLeadsCombination(t *testing.T) {
	cb := Combination{Complete: true, Total: decimal.NewFromInt(1200), Monthly: monthly(12, 100, 100),
		Parts: []CombinationPart{{Vendor: Chatopera, Groups: []string{GroupBot}}, {Vendor: Tencent, Groups: []string{GroupOnline}}}}
	c := leadsComparison(12, &Result{Vendor: Chatopera, Complete: true, Monthly: monthly(12, 50, 50)}, whole(Tencent, monthly(12, 10, 120)))
	c.Combinations = []Combination{cb}
	got := CumulativeLeads(c)
	if len(got) != 2 || got[0].Way.Vendor != Tencent || got[1].Month != 5 || got[1].Way.Combination == nil || got[1].Over.Vendor != Tencent {
		t.Fatalf("leads %+v, want Tencent at month 0, the combination from month 5", got)
	}
}
