package pricing

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) scenarios.Date {
	v, err := scenarios.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func eq(t *testing.T, what string, got, want decimal.Decimal) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// Seed 000: "相对于按天计费的优惠" — 1,000,000 requests a year spread evenly
// over 365 days cost 6,350 元 under daily billing, so the 6,000 元 package
// saves 350 元. In whole requests, priced by the engine: 2,740 a day through
// 2027 (1,000,100 requests): daily (2,740 − 1,000) × 0.01 = 17.40 a day ×
// 365 = 6,351.00; the 1M package from the first day 6,000 + 100 × 0.01 =
// 6,001.00 (a later start costs at least a day's 17.40 more): 350.00 less.
func TestChatoperaSeedSavings(t *testing.T) {
	for plan, want := range map[string]string{"chatopera-2020-daily": "6351.00", "chatopera-2020-annual-1m": "6001.00"} {
		c, err := Compare(scenario(12, func(s *scenarios.Scenario) {
			s.Demand.ChatsPerDay = 2740
			s.Vendors[scenarios.Chatopera] = scenarios.VendorSettings{Plan: plan, Options: legacy}
		}))
		if err != nil {
			t.Fatal(err)
		}
		if got := vendor(t, c, scenarios.Chatopera).Total.StringFixed(2); got != want {
			t.Errorf("%s: %s, want %s", plan, got, want)
		}
	}
}

func TestMinUnits(t *testing.T) {
	for _, c := range []struct{ n, min, want int64 }{{0, 3, 0}, {1, 3, 3}, {3, 3, 3}, {7, 3, 7}, {0, 1, 0}} {
		if got := MinUnits(c.n, c.min); got != c.want {
			t.Errorf("MinUnits(%d,%d) = %d", c.n, c.min, got)
		}
	}
}

func TestBilledMinutesPerCall(t *testing.T) {
	eq(t, "fixed 3", BilledMinutesPerCall(d("3"), "fixed"), d("3"))
	eq(t, "fixed 2.5", BilledMinutesPerCall(d("2.5"), "fixed"), d("3"))
	eq(t, "fixed 0.2", BilledMinutesPerCall(d("0.2"), "fixed"), d("1"))
	// 1 / (1 − e^(−1/3)) = 3.5277264731…
	eq(t, "exp 3", BilledMinutesPerCall(d("3"), "exponential").Round(9), d("3.527726473"))
	// Very short calls bill one minute each; long ones about L + 1/2.
	eq(t, "exp 0.1", BilledMinutesPerCall(d("0.1"), "exponential").Round(4), d("1.0000"))
	eq(t, "exp 60", BilledMinutesPerCall(d("60"), "exponential").Round(2), d("60.50"))
}

func TestCheapestCoverMatchesBruteForce(t *testing.T) {
	tencent := []packOffer{{120000, 16000000}, {360000, 36000000}, {960000, 76000000}, {6000000, 360000000}}
	chatopera := []packOffer{{5000, 1000000}, {100000, 10000000}, {2000000, 100000000}}
	brute := func(need int64, offers []packOffer) int64 {
		best := int64(-1)
		var rec func(k int, left, cost int64)
		rec = func(k int, left, cost int64) {
			if left <= 0 {
				if best < 0 || cost < best {
					best = cost
				}
				return
			}
			if k == len(offers) {
				return
			}
			for c := int64(0); c <= (left+offers[k].quota-1)/offers[k].quota; c++ {
				rec(k+1, left-c*offers[k].quota, cost+c*offers[k].price)
			}
		}
		rec(0, need, 0)
		return best
	}
	cost := func(counts []int64, offers []packOffer) (q, c int64) {
		for i, n := range counts {
			q += n * offers[i].quota
			c += n * offers[i].price
		}
		return
	}
	for _, set := range [][]packOffer{tencent, chatopera} {
		for _, need := range []int64{1, 5000, 119999, 120000, 120001, 480000, 1080000, 3288000, 5999999, 6000001, 13000000, 2500000} {
			counts := CheapestCover(need, set)
			q, c := cost(counts, set)
			if q < need {
				t.Fatalf("need %d: covered only %d", need, q)
			}
			if want := brute(need, set); c != want {
				t.Errorf("need %d: cost %d, brute force %d (%v)", need, c, want, counts)
			}
		}
	}
	// Random offers, where a worse pack is bought many times over (found
	// by the pack search's tests: 88 calls with 27 for 20 and 16 for 12
	// cost 68 as one of the first and four of the second).
	seed := testSeed(t, 20261202)
	rng := rand.New(rand.NewSource(seed))
	for c := 0; c < 2000; c++ {
		set := make([]packOffer, 1+rng.Intn(3))
		for i := range set {
			set[i] = packOffer{quota: int64(1 + rng.Intn(40)), price: int64(1 + rng.Intn(40))}
		}
		need := int64(1 + rng.Intn(200))
		counts := CheapestCover(need, set)
		q, cst := cost(counts, set)
		if want := brute(need, set); q < need || cst != want {
			t.Fatalf("seed %d case %d: need %d offers %v: %v covers %d for %d, brute force %d", seed, c, need, set, counts, q, cst, want)
		}
	}
	if c := CheapestCover(88, []packOffer{{27, 20}, {16, 12}}); c[0] != 1 || c[1] != 4 {
		t.Errorf("88 from 27 for 20 and 16 for 12: %v, want 1 and 4 (68)", c)
	}
	// The doc comment's example.
	c := CheapestCover(1080000, tencent)
	if c[0] != 1 || c[2] != 1 || c[1] != 0 || c[3] != 0 {
		t.Errorf("1,080,000 sessions: %v, want one 120k and one 960k", c)
	}
}

// Cents has an integer fast path; it must agree with decimal's Round(2)
// (half away from zero) everywhere.
func TestCentsMatchesRound(t *testing.T) {
	for _, s := range []string{"0", "0.005", "0.004999", "1.005", "-1.005", "2.675", "5400.108", "123456789.123456789",
		"0.0000000000000000001", "99999999999999.995", "1e-20", "12345678901234567890.125", "-0.015", "7", "7.1", "7.12"} {
		v := d(s)
		if got, want := Cents(v), v.Round(2); !got.Equal(want) {
			t.Errorf("Cents(%s) = %s, want %s", s, got, want)
		}
	}
}

func FuzzCents(f *testing.F) {
	f.Add(int64(5400108), int32(-3))
	f.Add(int64(-1005), int32(-3))
	f.Fuzz(func(t *testing.T, c int64, exp int32) {
		if exp < -40 || exp > 10 {
			return
		}
		v := decimal.New(c, exp)
		if got, want := Cents(v), v.Round(2); !got.Equal(want) {
			t.Fatalf("Cents(%s) = %s, want %s", v, got, want)
		}
	})
}

func TestUnitPriceFenMatchesDecimal(t *testing.T) {
	prices := []string{"0", "35", "0.108", "0.22", "999", "99.9", "0.005", "0.0000001", "1234567.891", "0.15", "310", "123456789012345678"}
	qs := []int64{0, 1, 2, 3, 7, 55000, 50001, 1_000_000, 9_999_999_999, 1 << 40, 1<<62 + 5}
	for _, ps := range prices {
		p := newUnitPrice(d(ps))
		for _, q := range qs {
			// Exact, in decimal; past int64 fen the amount is refused
			// (tooLarge), never wrapped.
			want := Cents(decimal.NewFromInt(q).Mul(d(ps))).Shift(2)
			got, ok := fenOrTooLarge(func() int64 { return p.fen(q) })
			switch {
			case want.GreaterThan(maxInt64Dec):
				if ok {
					t.Errorf("%d × %s = %d fen, want tooLarge (exact: %s fen)", q, ps, got, want)
				}
			case !ok || got != want.IntPart():
				t.Errorf("%d × %s = %d fen (ok %v), want %s", q, ps, got, ok, want)
			}
		}
	}
}

func FuzzUnitPriceFen(f *testing.F) {
	f.Add(int64(50001), int64(108), int32(-3))
	f.Fuzz(func(t *testing.T, q, coef int64, exp int32) {
		if q < 0 || coef < 0 || exp < -20 || exp > 10 || q > 1<<50 || coef > 1<<50 {
			return
		}
		price := decimal.New(coef, exp)
		want := Cents(decimal.NewFromInt(q).Mul(price)).Shift(2)
		if !want.IsInteger() || want.GreaterThan(decimal.NewFromInt(1<<62)) {
			return
		}
		if got := newUnitPrice(price).fen(q); got != want.IntPart() {
			t.Fatalf("%d × %s = %d fen, want %s", q, price, got, want)
		}
	})
}

func TestMulRoundAndRatioMatchDecimal(t *testing.T) {
	for _, fs := range []string{"1", "1.02", "1.171157311", "3.527726473157", "0.5", "2.123456789012", "1.000000000001"} {
		f := newUnitPrice(d(fs))
		for _, q := range []int64{0, 1, 3, 4000, 60000, 123456789, 10_000_000_000} {
			want := decimal.NewFromInt(q).Mul(d(fs)).Round(0).IntPart()
			if got, ok := mulRound(q, f); !ok || got != want {
				t.Errorf("mulRound(%d, %s) = %d %v, want %d", q, fs, got, ok, want)
			}
		}
	}
	for _, c := range []struct {
		n, days int64
		price   string
	}{{308, 31, "310"}, {308, 31, "299.99"}, {1, 30, "0.01"}, {31, 31, "150"}, {1000000, 28, "1234.5678"}} {
		want := toFen(Cents(decimal.NewFromInt(c.n).Mul(d(c.price)).DivRound(decimal.NewFromInt(c.days), 8)))
		if got, ok := newUnitPrice(d(c.price)).fenOfRatio(c.n, c.days); !ok || got != want {
			t.Errorf("fenOfRatio(%d × %s / %d) = %d %v, want %d", c.n, c.price, c.days, got, ok, want)
		}
	}
}

func FuzzFenOfRatio(f *testing.F) {
	f.Add(int64(308), int64(31), int64(310), int32(0))
	f.Fuzz(func(t *testing.T, n, days, coef int64, exp int32) {
		if n < 0 || n > 1<<40 || days < 1 || days > 31 || coef < 0 || coef > 1<<40 || exp < -12 || exp > 4 {
			return
		}
		price := decimal.New(coef, exp)
		// The exact rational rounded half up, computed with big decimals.
		num := decimal.NewFromInt(n).Mul(price).Shift(2)
		q := num.Div(decimal.NewFromInt(days)).Floor()
		rem := num.Sub(q.Mul(decimal.NewFromInt(days)))
		if rem.Mul(decimal.NewFromInt(2)).GreaterThanOrEqual(decimal.NewFromInt(days)) {
			q = q.Add(one)
		}
		if got, ok := newUnitPrice(price).fenOfRatio(n, days); ok && got != q.IntPart() {
			t.Fatalf("%d × %s / %d = %d fen, want %s", n, price, days, got, q)
		}
	})
}
