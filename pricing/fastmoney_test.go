package pricing

import (
	"math"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// randomPrice is a non-negative price with 0 to 18 places, and digits up
// to the largest int64, so that the integer paths meet their limits.
func randomPrice(rng *rand.Rand) decimal.Decimal {
	limits := []int64{1000, 1e6, 1e12, 1e17, math.MaxInt64}
	return decimal.New(rng.Int63n(limits[rng.Intn(len(limits))]), -int32(rng.Intn(19)))
}

// ratioAt (fenOfRatio, minutesFen, the ASR seconds) is
// round_half_up(n × price / d) at the places asked, exactly as decimal
// computes it, or it steps aside (ok false): never a wrapped number.
func TestRatioAtIsDecimalHalfUp(t *testing.T) {
	seed := randomSeed(t)
	rng := rand.New(rand.NewSource(seed))
	exact := 0
	for i := 0; i < 20000; i++ {
		p := randomPrice(rng)
		n := rng.Int63n([]int64{100, 1e6, 1e12, math.MaxInt64}[rng.Intn(4)])
		d := 1 + rng.Int63n([]int64{31, 1e6, 1e12, math.MaxInt64 - 1}[rng.Intn(4)])
		places := rng.Intn(12)
		got, ok := newUnitPrice(p).ratioAt(n, d, places)
		if !ok {
			continue
		}
		exact++
		want := decimal.NewFromInt(n).Mul(p).Shift(int32(places)).DivRound(decimal.NewFromInt(d), 0)
		if !want.Equal(decimal.NewFromInt(got)) {
			t.Fatalf("seed %d: %d × %s / %d at %d places = %d, decimal %s", seed, n, p, d, places, got, want)
		}
	}
	if exact < 5000 {
		t.Fatalf("seed %d: only %d of 20000 cases took the integer path", seed, exact)
	}
}

// A day's ASR seconds as billed: sec × seconds billed per request / mean
// length, to 8 places, then up to a whole second, the same whether the
// integer path or decimal computes it.
func TestASRBilledSecondsRoundsUpTheDay(t *testing.T) {
	seed := randomSeed(t)
	rng := rand.New(rand.NewSource(seed))
	for i := 0; i < 5000; i++ {
		meanLen := decimal.New(1+rng.Int63n(600), -int32(rng.Intn(3)))
		per := asrSecondsPerRequest(meanLen)
		if rng.Intn(4) == 0 {
			per = randomPrice(rng)
		}
		sec := 1 + rng.Int63n([]int64{100, 1e6, 1e10, 1e15}[rng.Intn(4)])
		want := decimal.NewFromInt(sec).Mul(per).DivRound(meanLen, 8).Ceil().IntPart()
		if got := asrBilledSeconds(sec, meanLen, per); got != want {
			t.Fatalf("seed %d: %d s at %s s a request billed %s: %d, decimal %d", seed, sec, meanLen, per, got, want)
		}
	}
}

// A calendar month's minutes are each rate prorated by the days it was in
// force, to 6 places half up; then billed minutes (× billed per actual
// minute, to whole minutes). The integer paths agree with decimal on
// random months (seed printed).
func TestMonthMinutesProratedByDays(t *testing.T) {
	seed := randomSeed(t)
	rng := rand.New(rand.NewSource(seed))
	for i := 0; i < 3000; i++ {
		days := 28 + rng.Intn(4)
		tl := &timeline{}
		factor := BilledMinutesPerCall(decimal.New(1+rng.Int63n(600), -int32(rng.Intn(3))), scenarios.CallExponential)
		tl.minuteFactor = factor.DivRound(decimal.NewFromInt(1), 12)
		tl.minuteUP = newUnitPrice(tl.minuteFactor)
		total := zero
		for left := days; left > 0; {
			n := 1 + rng.Intn(left)
			v := rng.Int63n([]int64{1000, 1e6, 1e9, 1 << 33}[rng.Intn(4)])
			tl.segs = append(tl.segs, segment{days: n, l: level{outMin: v}})
			total = total.Add(decimal.NewFromInt(v * int64(n)))
			left -= n
		}
		nt := &natural{days: days, segFrom: 0, segTo: len(tl.segs), whole: true}
		want := total.DivRound(decimal.NewFromInt(int64(days)), 6)
		if len(tl.segs) == 1 {
			want = decimal.NewFromInt(tl.segs[0].l.outMin)
		}
		got := tl.monthMinutes(nt, func(l *level) int64 { return l.outMin })
		if !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("seed %d: month minutes %s, decimal %s", seed, got, want)
		}
		if b, w := tl.billedMinutes(got), got.Mul(tl.minuteFactor).Round(0); !b.Equal(w) {
			t.Fatalf("seed %d: billed minutes of %s: %s, decimal %s", seed, got, b, w)
		}
	}
}
