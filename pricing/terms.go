package pricing

import "sort"

// span is a run of days [from, to), counted from the horizon start.
type span struct{ from, to int }

// termOffer is a term on sale: bought on day start it covers the days up
// to end(start) (exclusive) and costs cost(start) per unit, in 0.0001 元
// (the price may depend on the day: a tier in force then).
type termOffer struct {
	end  func(start int) int
	cost func(start int) int64
}

// termBuy is one term of a sequence: offer bought on day start, covering
// [start, end).
type termBuy struct{ start, offer, end int }

// cheapestTerms finds, for one unit needed on the days of need (sorted,
// disjoint spans), the cheapest sequence of terms that covers every needed
// day (pricing-rules §7.5). A term is bought on the first needed day not yet
// covered: nothing is bought for days without need, and a term may run past
// the last needed day (paid in full). The search is exact: every sequence
// of that form is considered, memoised on the day the next term starts.
// Equal costs keep the offer listed first.
func cheapestTerms(need []span, offers []termOffer) (int64, []termBuy) {
	if len(need) == 0 || len(offers) == 0 {
		return 0, nil
	}
	// next is the first needed day on or after d, or -1.
	next := func(d int) int {
		i := sort.Search(len(need), func(i int) bool { return need[i].to > d })
		if i == len(need) {
			return -1
		}
		return max(d, need[i].from)
	}
	type best struct {
		cost       int64
		offer, end int
	}
	memo := make(map[int]best, 16)
	var solve func(s int) int64
	solve = func(s int) int64 {
		if s < 0 {
			return 0
		}
		if b, ok := memo[s]; ok {
			return b.cost
		}
		b := best{cost: -1}
		for i, o := range offers {
			e := o.end(s)
			c := o.cost(s) + solve(next(e))
			if b.cost < 0 || c < b.cost {
				b = best{cost: c, offer: i, end: e}
			}
		}
		memo[s] = b
		return b.cost
	}
	first := next(need[0].from)
	total := solve(first)
	var seq []termBuy
	for s := first; s >= 0; {
		b := memo[s]
		seq = append(seq, termBuy{start: s, offer: b.offer, end: b.end})
		s = next(b.end)
	}
	return total, seq
}
