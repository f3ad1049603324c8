package pricing

import (
	"sort"

	"kefucost/scenarios"
)

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

// dayMonths answers "which day is n months after day s" for day indices
// from a start date, in integer arithmetic (the term search asks it
// thousands of times): the same day of the month n months later, or that
// month's last day when it is shorter, as scenarios.Date.AddMonths.
type dayMonths struct{ base int } // days from 1970-01-01 to the start

func newDayMonths(start scenarios.Date) dayMonths {
	return dayMonths{base: daysFromCivil(start.Year(), int(start.Month()), start.Day())}
}

func (dm dayMonths) add(s, n int) int {
	y, m, d := civilFromDays(dm.base + s)
	m0 := m - 1 + n
	y, m = y+m0/12, m0%12+1
	d = min(d, daysIn(y, m))
	return daysFromCivil(y, m, d) - dm.base
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil and civilFromDays convert between proleptic Gregorian dates
// (years after 0) and days from 1970-01-01 (H. Hinnant's algorithms).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}
