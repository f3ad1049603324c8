package pricing

import (
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// Net of VAT (÷ 1.06, each month's bill of each line rounded to the fen):
// every line's months sum to its amount, the lines to the total, the
// months and what is paid after the horizon to the total again, and the
// combinations to their parts; each total is within a fen per bill of
// the published total ÷ 1.06. Worked example: Aliyun 3-year seats,
// 37,252.80 paid on one day, is 35,144.15 net (37,252.80 / 1.06 =
// 35,144.1509…).
func TestWithoutVATAddsUp(t *testing.T) {
	s := scenario(36, func(s *scenarios.Scenario) {
		s.Demand.PhoneAgents = 8
		s.Demand.OnlineAgents = 5
		s.Demand.ChatsPerDay = 3000
		s.Demand.Bots = 1
		s.Demand.InboundMinutesPerMonth = 20000
		s.Demand.PhoneNumbers = 2
		v := s.Vendor(scenarios.Aliyun)
		v.Plan = "aliyun-icc-3y"
		s.Vendors[scenarios.Aliyun] = v
	})
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	n := c.WithoutVAT()
	if !n.ExcludesVAT || c.ExcludesVAT {
		t.Fatal("the net view is not marked, or the original was changed")
	}
	for i, r := range n.Vendors {
		orig := c.Vendors[i]
		if orig.Total.Equal(r.Total) && !orig.Total.IsZero() {
			t.Errorf("%s: total unchanged %s", r.Vendor, r.Total)
		}
		lines, months := decimal.Zero, r.AfterHorizon
		for _, l := range r.Lines {
			if l.Amount == nil {
				continue
			}
			lines = lines.Add(*l.Amount)
			sum := decimal.Zero
			for _, m := range l.MonthlyCash() {
				sum = sum.Add(m)
			}
			if sum.GreaterThan(*l.Amount) {
				t.Errorf("%s %s: months %s exceed the amount %s", r.Vendor, l.Item, sum, l.Amount)
			}
		}
		for _, m := range r.Monthly {
			months = months.Add(m)
		}
		if !lines.Equal(r.Total) || !months.Equal(r.Total) {
			t.Errorf("%s: lines %s, months + after %s, total %s", r.Vendor, lines, months, r.Total)
		}
		exact := orig.Total.DivRound(decimal.RequireFromString("1.06"), 6)
		bills := int64(len(r.Lines) * (c.Months + 1))
		if exact.Sub(r.Total).Abs().GreaterThan(decimal.New(bills, -2)) {
			t.Errorf("%s: net total %s, published %s ÷ 1.06 = %s", r.Vendor, r.Total, orig.Total, exact)
		}
		if r.Vendor == scenarios.Aliyun {
			for _, l := range r.Lines {
				if l.Item == "seat.human.month" && l.Amount.String() != "35144.15" {
					t.Errorf("Aliyun seats net %s, want 35144.15", l.Amount)
				}
			}
		}
	}
	for _, cb := range n.Combinations {
		sum := decimal.Zero
		for _, p := range cb.Parts {
			sum = sum.Add(p.Result.Total)
		}
		if !sum.Equal(cb.Total) {
			t.Errorf("combination %v: parts %s, total %s", cb.GroupMap(), sum, cb.Total)
		}
	}
	if len(n.Combinations) != len(c.Combinations) {
		t.Errorf("%d combinations net, %d published", len(n.Combinations), len(c.Combinations))
	}
}
