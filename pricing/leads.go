package pricing

import "github.com/shopspring/decimal"

// Break-even over time (issue 11 point 6): who has paid least so far, month
// by month, and from when another way takes over. Arithmetic on a
// comparison's monthly cash, no billing rule. Only complete ways are
// compared: a vendor covering everything with every item priced, and the
// cheapest combination when it takes more than one vendor; partial and
// unpriced totals never are.

// Way is a complete way to cover everything: one vendor, or a combination
// of vendors (Combination set).
type Way struct {
	Vendor      string
	Combination *Combination
}

// Lead says that Way has paid the least, cumulatively, from horizon month
// Month on (until the next Lead); Over is the way it overtook (zero for
// the first lead, at month 0).
type Lead struct {
	Month int
	Way   Way
	Over  Way
}

// CumulativeLeads lists who leads in cumulative cash at the end of each
// month: the first leader at month 0, then each takeover. A way takes the
// lead only when strictly cheaper (a tie keeps the leader); at month 0 a
// tie goes to the cheapest way to cover everything, then to display
// order. Nil when fewer than two complete ways exist (nothing to compare).
// Cash paid after the horizon (Result.AfterHorizon) is in no month.
func CumulativeLeads(c *Comparison) []Lead {
	type cand struct {
		way     Way
		monthly []decimal.Decimal
	}
	var cs []cand
	if cb := c.BestCombination(); cb != nil && len(cb.Parts) > 1 {
		cs = append(cs, cand{Way{Combination: cb}, cb.Monthly})
	}
	// The single vendor that is the cheapest way goes first among ties.
	if cb := c.BestCombination(); cb != nil && len(cb.Parts) == 1 {
		for _, r := range c.Vendors {
			if r.Vendor == cb.Parts[0].Vendor && r.Complete && r.Covers {
				cs = append(cs, cand{Way{Vendor: r.Vendor}, r.Monthly})
			}
		}
	}
	for _, r := range c.Vendors {
		if r.Complete && r.Covers && (len(cs) == 0 || cs[0].way.Vendor != r.Vendor) {
			cs = append(cs, cand{Way{Vendor: r.Vendor}, r.Monthly})
		}
	}
	if len(cs) < 2 {
		return nil
	}
	sums := make([]decimal.Decimal, len(cs))
	var out []Lead
	leader := -1
	for m := 0; m < c.Months; m++ {
		best := leader
		for i, cd := range cs {
			if m < len(cd.monthly) {
				sums[i] = sums[i].Add(cd.monthly[m])
			}
		}
		for i := range cs {
			if best < 0 || sums[i].LessThan(sums[best]) {
				best = i
			}
		}
		if best != leader {
			l := Lead{Month: m, Way: cs[best].way}
			if leader >= 0 {
				l.Over = cs[leader].way
			}
			out = append(out, l)
			leader = best
		}
	}
	return out
}
