package pricing

import (
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
	if _, ok := s.Demand.Count(field); !ok {
		return nil, fmt.Errorf("cannot sweep %q: not a whole-number demand field (%v)", field, scenarios.CountFieldNames())
	}
	scs := make([]*scenarios.Scenario, len(values))
	for i, v := range values {
		c := *s // the sweep changes only Demand, a value
		c.Demand.SetCount(field, v)
		if errs := Validate(&c); len(errs) > 0 {
			return nil, fmt.Errorf("%s = %d: %w", field, v, errs)
		}
		scs[i] = &c
	}
	out := make([]SweepPoint, len(values))
	errs := make([]error, len(values))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c, err := compare(scs[i], false)
				if err != nil {
					errs[i] = err
					continue
				}
				p := SweepPoint{Value: values[i], Cheapest: c.Cheapest}
				for _, r := range c.Vendors {
					p.Vendors = append(p.Vendors, SweepTotal{Vendor: r.Vendor, Plan: r.Plan, Total: r.Total, Complete: r.Complete, Covers: r.Covers})
				}
				out[i] = p
			}
		}()
	}
	for i := range values {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
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
