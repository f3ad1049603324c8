package pricing

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"sort"
	"sync"
	"time"
	_ "time/tzdata" // vendors bill in Asia/Shanghai; Windows has no zoneinfo

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

var (
	zero = decimal.Zero
	one  = decimal.NewFromInt(1)
	ten  = decimal.NewFromInt(10)
)

// Shanghai is the zone every vendor's bills and cycles are in (UTC+8).
var Shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("UTC+8", 8*3600)
	}
	return loc
}()

// Cents rounds an amount to a bill's 0.01 元, half up, as vendors round a
// bill. Amounts are never negative here, so Round's half-away-from-zero is
// half up.
func Cents(d decimal.Decimal) decimal.Decimal {
	exp := d.Exponent()
	if exp >= -2 {
		return d
	}
	// Fast path, same result: with the coefficient in int64, round it in
	// integer arithmetic instead of big-number division.
	if c, ok := coef64(d); ok && exp >= -18 {
		div := pow10[-exp-2]
		q, r := c/div, c%div
		if r < 0 {
			r = -r
		}
		if 2*r >= div {
			if c < 0 {
				q--
			} else {
				q++
			}
		}
		return decimal.New(q, -2)
	}
	return d.Round(2)
}

var pow10 = func() [17]int64 {
	var p [17]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// MinUnits applies a minimum purchase: nothing needed buys nothing, else at
// least min (Tencent: 1 or 2 online users are sold as 3).
func MinUnits(n, min int64) int64 {
	if n <= 0 {
		return 0
	}
	return max(n, min)
}

// RemainingYearsMonths splits the time from from to to into whole years and
// months, a started month counting in full (interpretation: Tencent bills
// "按月计算剩余时间").
//
// From 2027-07-15 to 2029-01-01: 1 year and 6 months (5 months 17 days → 6).
func RemainingYearsMonths(from, to scenarios.Date) (years, months int) {
	if !from.Before(to) {
		return 0, 0
	}
	n := 0
	for from.AddMonths(n+1).Before(to) || from.AddMonths(n+1).Equal(to) {
		n++
	}
	if from.AddMonths(n).Before(to) {
		n++
	}
	return n / 12, n % 12
}

// BilledMinutesPerCall is the expected minutes billed for one call when each
// call is rounded up to a whole minute. With a fixed length L every call
// bills ceil(L); with exponentially distributed lengths of mean L, a call
// bills k minutes with probability e^(−(k−1)/L) − e^(−k/L), so the
// expectation is 1 / (1 − e^(−1/L)).
//
// Fixed 2.5 minutes → 3; exponential with mean 3 → 3.5277… minutes.
func BilledMinutesPerCall(avg decimal.Decimal, model string) decimal.Decimal {
	if model == scenarios.CallFixed {
		return avg.Ceil()
	}
	// A 24-digit exponential is dear and every comparison of a sweep asks
	// for the same few means: each is worked out once per process.
	key := avg.String()
	if v, ok := perCallMemo.Load(key); ok {
		return v.(decimal.Decimal)
	}
	v := billedPerCallExp(avg)
	perCallMemo.Store(key, v)
	return v
}

var expFloor = decimal.NewFromInt(-200)

var perCallMemo sync.Map // mean length as written → billed minutes per call

func billedPerCallExp(avg decimal.Decimal) decimal.Decimal {
	x := one.Neg().DivRound(avg, 24)
	// Below e^-200 the value is 0 to 24 places; ExpTaylor works it out
	// from e^|x| term by term, which for a call of 10^-10 minutes
	// (x = -10^10) would take for ever.
	if x.LessThan(expFloor) {
		return one.DivRound(one.Sub(zero), 12)
	}
	e, err := x.ExpTaylor(24)
	if err != nil {
		panic(fmt.Sprintf("exp(%s): %v", x, err)) // x is in [-200, 0): cannot fail
	}
	return one.DivRound(one.Sub(e), 12)
}

// Pack is a quota pack on offer: price for quota units, in integer 0.0001 元
// for the optimizer's search (the bill itself is recomputed in decimal).
type packOffer struct {
	quota int64
	price int64 // 0.0001 元
}

// CheapestCover picks how many of each pack to buy so that their quotas
// together cover need at the least price (packs of unbounded supply). It
// returns the counts in the order of offers.
//
// Tencent session packs (120k 1,600; 360k 3,600; 960k 7,600; 6M 36,000):
// 1,080,000 sessions are covered cheapest by one 960k and one 120k pack,
// 9,200 元, not three 360k packs at 10,800 元.
func CheapestCover(need int64, offers []packOffer) []int64 {
	counts := make([]int64, len(offers))
	newCoverSolver(offers).solve(need, counts)
	return counts
}

// coverSolver answers CheapestCover for one set of offers many times
// without allocating (the Chatopera pack search asks about 1,000 times).
type coverSolver struct {
	offers []packOffer
	order  []int // offers by price per unit, best first
	// most[k] is the most of order[k] a cheapest cover needs, and rest[k]
	// the most quota the kinds after level k bring to one.
	most []int64
	rest []int64
	cur  []int64
	best int64
	out  []int64
}

// newCoverSolver orders the offers by price per unit and bounds each
// count. Some cheapest cover holds fewer than k of a pack j wherever k of
// j cost at least as much as the packs of a better pack i that hold as
// much (ceil(k·qj/qi) of i): swapping them never costs more, and each swap
// moves count towards the better packs, so the swaps end. That bounds
// what the worse packs add, and so how far below "all of the best pack"
// the search looks.
func newCoverSolver(offers []packOffer) *coverSolver {
	n := len(offers)
	s := &coverSolver{offers: offers, order: make([]int, n), most: make([]int64, n), rest: make([]int64, n), cur: make([]int64, n)}
	for i := range s.order {
		s.order[i] = i
	}
	sort.SliceStable(s.order, func(a, b int) bool {
		oa, ob := offers[s.order[a]], offers[s.order[b]]
		// In 128 bits: a quoted price (to 10⁹ 元, in 0.0001 元) × a
		// quota passes int64.
		return lessProduct(oa.price, ob.quota, ob.price, oa.quota)
	})
	for k := range s.most {
		s.most[k] = math.MaxInt64
	}
	for a, i := range s.order {
		for b := a + 1; b < n; b++ {
			j := s.order[b]
			s.most[b] = min(s.most[b], swapCount(offers[i], offers[j])-1)
		}
	}
	for k := n - 2; k >= 0; k-- {
		j := s.order[k+1]
		add := int64(math.MaxInt64 / 4)
		if s.most[k+1] < add/max(offers[j].quota, 1) {
			add = s.most[k+1] * offers[j].quota
		}
		s.rest[k] = min(s.rest[k+1]+add, math.MaxInt64/4)
	}
	return s
}

// swapCount is a number k of pack j that costs at least as much as the
// packs of i (the better per unit) holding as much: ceil(k·qj/qi) × pi ≤
// k × pj. k = qi / gcd(qi, qj) always is (the same quota, for no more);
// when j costs strictly more per unit, k ≥ pi·(qi−1) / (pj·qi − pi·qj)
// is too.
func swapCount(i, j packOffer) int64 {
	g := new(big.Int).GCD(nil, nil, big.NewInt(i.quota), big.NewInt(j.quota)).Int64()
	k := i.quota / g
	// d = pj·qi − pi·qj, in big numbers: prices and quotas may be large.
	d := new(big.Int).Sub(new(big.Int).Mul(big.NewInt(j.price), big.NewInt(i.quota)), new(big.Int).Mul(big.NewInt(i.price), big.NewInt(j.quota)))
	if d.Sign() > 0 {
		num := new(big.Int).Mul(big.NewInt(i.price), big.NewInt(i.quota-1))
		num.Add(num, d).Sub(num, big.NewInt(1))
		if k0 := num.Quo(num, d); k0.IsInt64() {
			k = min(k, max(k0.Int64(), 1))
		}
	}
	return k
}

// solve writes the cheapest counts for need into out and returns the cost.
func (s *coverSolver) solve(need int64, out []int64) int64 {
	for i := range out {
		out[i] = 0
	}
	if need <= 0 || len(s.offers) == 0 {
		return 0
	}
	s.best, s.out = -1, out
	s.rec(0, need, 0)
	return s.best
}

func (s *coverSolver) rec(k int, left, cost int64) {
	if s.best >= 0 && cost >= s.best {
		return
	}
	if left <= 0 {
		s.best = cost
		copy(s.out, s.cur)
		return
	}
	if k == len(s.order) {
		return
	}
	i := s.order[k]
	o := s.offers[i]
	full := (left + o.quota - 1) / o.quota
	// The later packs bring at most rest[k]: this one covers the others.
	least := max(0, (left-s.rest[k]+o.quota-1)/o.quota)
	for c := min(full, s.most[k]); c >= least; c-- {
		s.cur[i] = c
		// A cost past int64 is dearer than any cover found: saturate
		// (the bill of the cover chosen is computed checked).
		s.rec(k+1, left-c*o.quota, satAdd(cost, satMul(c, o.price)))
	}
	s.cur[i] = 0
}

// lessProduct is a×b < c×d for non-negative int64s, exactly.
func lessProduct(a, b, c, d int64) bool {
	h1, l1 := bits.Mul64(uint64(a), uint64(b))
	h2, l2 := bits.Mul64(uint64(c), uint64(d))
	return h1 < h2 || h1 == h2 && l1 < l2
}
