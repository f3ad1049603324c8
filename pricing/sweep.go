package pricing

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// SweepPoint is one comparison of a sweep: the swept value and what each
// enabled vendor would cost there.
type SweepPoint struct {
	Value   int64
	Vendors []SweepTotal
	// Cheapest as in Comparison: complete, covering, lowest.
	Cheapest string
	// Refused, when set, says why this point could not be computed: the
	// comparison at this value is refused (an amount past MaxAmount, a
	// volume grown past its field's limit, a value past the field's
	// range), with the field error Compare gives, for the front ends to
	// word. Vendors is then empty; the other points are kept.
	Refused *scenarios.FieldError
}

// SweepTotal is one vendor's total at a sweep point.
type SweepTotal struct {
	Vendor   string
	Plan     string
	Total    decimal.Decimal
	Complete bool
	Covers   bool
}

// Sweep compares the scenario once per value of one whole-number demand
// field (its base value; dated changes still apply), for break-even
// charts: where does one vendor become cheaper than another? Points are
// computed in parallel and returned in the order of values.
func Sweep(s *scenarios.Scenario, field string, values []int64) ([]SweepPoint, error) {
	return SweepVAT(s, field, values, false)
}

// SweepVAT is Sweep with every total net of VAT when netOfVAT, as
// Comparison.WithoutVAT makes them (each line's monthly bill ÷ 1.06,
// rounded to the fen): the break-even chart under the --vat excluded
// switch. Net totals need each line's monthly cash: every point is priced
// in detail then.
func SweepVAT(s *scenarios.Scenario, field string, values []int64, netOfVAT bool) ([]SweepPoint, error) {
	if _, ok := s.Demand.Count(field); !ok {
		return nil, fmt.Errorf("cannot sweep %q: not a whole-number demand field (%v)", field, scenarios.CountFieldNames())
	}
	out := make([]SweepPoint, len(values))
	errs := make([]error, len(values))
	scs := make([]*scenarios.Scenario, len(values))
	first := -1 // the first point that is a valid scenario
	for i, v := range values {
		c := *s // the sweep changes only Demand, a value
		c.Demand.SetCount(field, v)
		if fes := Validate(&c); len(fes) > 0 {
			// A value past the field's range: that point's, not the
			// chart's.
			errs[i] = fmt.Errorf("%s = %d: %w", field, v, fes)
			continue
		}
		if first < 0 {
			first = i
		}
		scs[i] = &c
	}
	if first < 0 {
		return nil, errs[0]
	}
	// A vendor that does not serve the swept field never bills it: price it
	// once; only whether it covers the scenario changes with the value.
	cat, err := LoadCatalog()
	if err != nil {
		return nil, err
	}
	depends := map[string]bool{}
	for _, v := range cat.Vendors {
		if v.covers(field) {
			depends[v.ID] = true
		}
	}
	// A field no vendor serves as a need of its own (messages_per_chat
	// multiplies the chats) may change anyone's bill: price them all.
	if len(depends) == 0 {
		for _, v := range cat.Vendors {
			depends[v.ID] = true
		}
	}
	fixed := map[string]*Result{}
	if len(depends) < len(cat.Vendors) {
		rest := map[string]bool{}
		for _, v := range cat.Vendors {
			rest[v.ID] = !depends[v.ID]
		}
		base, err := compare(scs[first], netOfVAT, rest)
		if err == nil {
			err = base.pastLimitError() // a vendor past the limit refuses the sweep, as before
		}
		if err != nil {
			return nil, err
		}
		if netOfVAT {
			base = base.WithoutVAT()
		}
		for _, r := range base.Vendors {
			fixed[r.Vendor] = r
		}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c, err := compare(scs[i], netOfVAT, depends)
				if err == nil {
					err = c.pastLimitError() // the point is refused, as before
				}
				if err != nil {
					errs[i] = err
					continue
				}
				if netOfVAT {
					c = c.WithoutVAT()
				}
				// Whether the field is needed anywhere in the horizon at
				// this point: by its value, or by a dated change setting
				// it (vendors priced once cannot serve it).
				needed := false
				if len(fixed) > 0 {
					needed = asked(newTimeline(scs[i]))[field]
				}
				out[i] = sweepPoint(values[i], c, fixed, cat, field, needed)
			}
		}()
	}
	for i := range values {
		if scs[i] != nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	// A point past a limit is that point's, not the chart's: it is
	// marked, the others kept; with none left there is no chart.
	var firstErr error
	for i, err := range errs {
		if err == nil {
			continue
		}
		var fes scenarios.FieldErrors
		if !errors.As(err, &fes) || len(fes) == 0 {
			return nil, err
		}
		out[i] = SweepPoint{Value: values[i], Refused: fes[0]}
		if firstErr == nil {
			firstErr = err
		}
	}
	for _, p := range out {
		if p.Refused == nil {
			return out, nil
		}
	}
	return nil, firstErr
}

// SweepValues spreads n whole values evenly from lo to hi (both included).
func SweepValues(lo, hi int64, n int) []int64 {
	if n < 2 || hi <= lo {
		return []int64{lo}
	}
	out := make([]int64, 0, n)
	for i := 0; i < n; i++ {
		v := lo + (hi-lo)*int64(i)/int64(n-1)
		if len(out) == 0 || out[len(out)-1] != v {
			out = append(out, v)
		}
	}
	return out
}

// sweepPoint merges a point's priced vendors with the ones priced once,
// in catalog order, and names the cheapest as Compare would.
//
// A vendor priced once does not serve field: it covers the point only
// when nothing else is uncovered and field is not needed anywhere in the
// horizon (needed: by the point's value or by a dated change).
func sweepPoint(value int64, c *Comparison, fixed map[string]*Result, cat *Catalog, field string, needed bool) SweepPoint {
	p := SweepPoint{Value: value}
	byID := map[string]*Result{}
	for _, r := range c.Vendors {
		byID[r.Vendor] = r
	}
	var best *SweepTotal
	for _, v := range cat.Vendors {
		var st SweepTotal
		if r := byID[v.ID]; r != nil {
			st = SweepTotal{Vendor: r.Vendor, Plan: r.Plan, Total: r.Total, Complete: r.Complete, Covers: r.Covers}
		} else if r := fixed[v.ID]; r != nil {
			// Its uncovered list may gain or lose the swept field.
			others := 0
			for _, u := range r.Uncovered {
				if u != field {
					others++
				}
			}
			st = SweepTotal{Vendor: r.Vendor, Plan: r.Plan, Total: r.Total, Complete: r.Complete, Covers: others == 0 && !needed}
		} else {
			continue
		}
		p.Vendors = append(p.Vendors, st)
	}
	for i := range p.Vendors {
		st := &p.Vendors[i]
		if st.Complete && st.Covers && (best == nil || st.Total.LessThan(best.Total)) {
			best = st
		}
	}
	if best != nil {
		p.Cheapest = best.Vendor
	}
	return p
}
