package pricing

import (
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// A breakdown line shows every factor of its amount: Aliyun's 3-year seats
// are quantity × tier price × term rate (8 seats × 36 months × 199 × 0.65
// = 37,252.80), and with a negotiated discount the discount is a factor of
// its own, before the term rate. Product says the spreadsheet may
// recompute the amount; a prorated Tencent addition is not a product.
func TestLineFactorsMultiplyToTheAmount(t *testing.T) {
	for _, c := range []struct {
		discount string
		rates    []string
		list     string
		amount   string
	}{
		{"", []string{"0.65"}, "199", "37252.80"},
		{"0.9", []string{"0.9", "0.65"}, "199", "33527.52"},
	} {
		s := scenario(36, func(s *scenarios.Scenario) {
			s.Demand.PhoneAgents = 8
			v := s.Vendor(scenarios.Aliyun)
			v.Plan = "aliyun-icc-3y"
			if c.discount != "" {
				d := decimal.RequireFromString(c.discount)
				v.Discount = &d
			}
			s.Vendors[scenarios.Aliyun] = v
		})
		cmp, err := Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		r := vendor(t, cmp, scenarios.Aliyun)
		var found bool
		for _, l := range r.Lines {
			if len(l.Rates) == 0 || l.Item != "seat.human.month" {
				continue
			}
			found = true
			if l.ListPrice == nil || l.ListPrice.String() != c.list {
				t.Errorf("discount %q: list price %v, want %s", c.discount, l.ListPrice, c.list)
			}
			var got []string
			p := l.Quantity.Mul(*l.ListPrice)
			for _, r := range l.Rates {
				got = append(got, r.Value.String())
				p = p.Mul(r.Value)
			}
			if len(got) != len(c.rates) || got[0] != c.rates[0] || got[len(got)-1] != c.rates[len(c.rates)-1] {
				t.Errorf("discount %q: rates %v, want %v", c.discount, got, c.rates)
			}
			if l.Amount.StringFixed(2) != c.amount || !l.Product || !p.Round(2).Equal(*l.Amount) {
				t.Errorf("discount %q: %s × %s × %v = %s, product %v; want %s", c.discount, l.Quantity, l.ListPrice, got, l.Amount, l.Product, c.amount)
			}
		}
		if !found {
			t.Errorf("discount %q: no seat line with a term rate in %d lines", c.discount, len(r.Lines))
		}
	}

	// Tencent: 3 users added 2027-07-01 pay 999 / 10 × 6 months each:
	// 1,798.20, not 3 × 999.
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 5
		n := int64(8)
		s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, 7, 1), OnlineAgents: &n}}
	})
	cmp, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	var prorated int
	for _, l := range vendor(t, cmp, scenarios.Tencent).Lines {
		if l.Amount == nil {
			continue
		}
		simple := l.Quantity.Mul(*l.UnitPrice).Round(2).Equal(*l.Amount)
		if l.Product != simple {
			t.Errorf("%s: product %v, but %s × %s vs %s", l.Item, l.Product, l.Quantity, l.UnitPrice, l.Amount)
		}
		if !simple {
			prorated++
			if e := l.EffectiveUnitPrice(); e == nil || e.String() != "599.4" {
				t.Errorf("%s: effective unit price %v, want 599.4 (1,798.20 / 3)", l.Item, e)
			}
		}
	}
	if prorated != 1 {
		t.Errorf("%d lines not a product, want 1 (the prorated addition)", prorated)
	}
}
