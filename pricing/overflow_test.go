package pricing

import (
	"errors"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// fenOrTooLarge runs f and reports whether it returned (true) or refused
// an amount too large for int64 fen (false, the tooLarge panic).
func fenOrTooLarge(f func() int64) (v int64, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			if _, is := p.(tooLarge); !is {
				panic(p)
			}
			v, ok = 0, false
		}
	}()
	return f(), true
}

// The checked operations at the edge of int64 fen: the largest result is
// given exactly, one fen more is refused (tooLarge), never wrapped.
func TestFenArithmeticRefusesPastInt64(t *testing.T) {
	const max = math.MaxInt64
	cases := []struct {
		name string
		f    func() int64
		want int64 // -1: refused
	}{
		{"addFen max", func() int64 { return addFen(max-1, 1) }, max},
		{"addFen max+1", func() int64 { return addFen(max, 1) }, -1},
		{"addFen min-1", func() int64 { return addFen(math.MinInt64, -1) }, -1},
		{"mulFen max", func() int64 { return mulFen(max/7, 7) }, max / 7 * 7},
		{"mulFen max+", func() int64 { return mulFen(max/7+1, 7) }, -1},
		{"mulFen 2^32 squared", func() int64 { return mulFen(1<<32, 1<<32) }, -1},
		{"mulFen negative", func() int64 { return mulFen(-1, 1) }, -1},
		{"toFen max", func() int64 { return toFen(decimal.New(max, -2)) }, max},
		{"toFen max+1 fen", func() int64 { return toFen(decimal.New(max, -2).Add(decimal.New(1, -2))) }, -1},
		{"toFen 9.3e16 元", func() int64 { return toFen(decimal.RequireFromString("93000000000000000.00")) }, -1},
		{"toFenExact max", func() int64 { return toFenExact(decimal.New(max, -2)) }, max},
		{"toFenExact max+1 fen", func() int64 { return toFenExact(decimal.New(max, -2).Add(decimal.New(1, -2))) }, -1},
		// 999,999,999 元 a minute: 9,223,372 minutes fit, one more does not.
		{"unitPrice.fen below", func() int64 { return newUnitPrice(d("1000000000")).fen(max / 100_000_000_000) }, max / 100_000_000_000 * 100_000_000_000},
		{"unitPrice.fen above", func() int64 { return newUnitPrice(d("1000000000")).fen(max/100_000_000_000 + 1) }, -1},
		{"unitPrice.fen slow path above", func() int64 { return newUnitPrice(d("123456789012345678901")).fen(1) }, -1},
		{"satAdd", func() int64 { return satAdd(max, 1) }, max},
		{"satMul", func() int64 { return satMul(max/2, 3) }, max},
	}
	for _, c := range cases {
		got, ok := fenOrTooLarge(c.f)
		switch {
		case c.want < 0 && ok:
			t.Errorf("%s = %d, want it refused (tooLarge)", c.name, got)
		case c.want >= 0 && (!ok || got != c.want):
			t.Errorf("%s = %d (ok %v), want %d", c.name, got, ok, c.want)
		}
	}
}

// A line's total may reach maxFen (MaxAmount) exactly; one fen more, or a
// negative charge (a wrapped amount), is refused naming the line's item.
func TestLineTotalStopsAtMaxAmount(t *testing.T) {
	it := &Item{ID: "phone.minute"}
	b := newBill(2)
	_, acc := b.line(it, variant{}, &one, true, "", "")
	acc.add(0, maxFen-1)
	acc.add(1, 1)
	if acc.total != maxFen || acc.monthly[0]+acc.monthly[1] != maxFen {
		t.Fatalf("total %d, months %v: want %d", acc.total, acc.monthly, maxFen)
	}
	for _, fen := range []int64{1, -1} {
		func() {
			defer func() {
				p, _ := recover().(tooLarge)
				if p.item != it {
					t.Errorf("charge of %d fen past maxFen: panic %v, want tooLarge naming %s", fen, p, it.ID)
				}
			}()
			acc.add(1, fen)
		}()
	}
	if acc.total != maxFen {
		t.Errorf("a refused charge changed the total: %d", acc.total)
	}
}

// hugeQuote is the reviewers' reproduction: 12 months, 1,000 phone agents,
// 10,000,000 inbound minutes a month of 3-minute calls, Tencent's minute
// quoted at 999,999,999 元. Tencent was shown at
// −43,358,384,876,704,212.16 and ranked cheapest.
func hugeQuote() *scenarios.Scenario {
	return scenario(12, func(s *scenarios.Scenario) {
		s.Demand.PhoneAgents = 1000
		s.Demand.InboundMinutesPerMonth = 10_000_000
		s.Demand.AvgCallMinutes = d("3")
		s.Vendors = map[string]scenarios.VendorSettings{scenarios.Tencent: {Prices: map[string]decimal.Decimal{
			"phone.minute": d("999999999"), "phone.number.month": d("30")}}}
	})
}

// oneFieldError is err as the single field error a refused scenario gives.
func oneFieldError(t *testing.T, err error) *scenarios.FieldError {
	t.Helper()
	var fes scenarios.FieldErrors
	if !errors.As(err, &fes) || len(fes) != 1 {
		t.Fatalf("error %v (%T): want exactly one field error", err, err)
	}
	return fes[0]
}

// pastLimitOf is the refusal vendor id's result keeps when its amounts
// pass MaxAmount (R21): it must be not computed — no line, no total,
// never ranked nor part of a combination — with its reason noted.
func pastLimitOf(t *testing.T, c *Comparison, id string) *scenarios.FieldError {
	t.Helper()
	r := vendor(t, c, id)
	if r.PastLimit == nil || r.pastLimitErr == nil {
		t.Fatalf("%s computed: %s (complete %v); want it past the limit", id, r.Total, r.Complete)
	}
	if r.Complete || !r.Total.IsZero() || len(r.Lines) > 0 || c.Cheapest == id || len(r.Notes) != 1 || r.Notes[0].ID != "vendor-too-large" ||
		r.PastLimitField != r.pastLimitErr.Field || !strings.Contains(r.PastLimit.EN, r.PastLimitField) || !strings.Contains(r.PastLimit.Text, "1,000,000,000,000,000 元") {
		t.Errorf("%s past the limit: %+v", id, r)
	}
	for _, cb := range append(c.Combinations, c.PartlyPriced...) {
		for _, p := range cb.Parts {
			if p.Result.PastLimit != nil {
				t.Errorf("combination %v has a part past the limit", cb.GroupMap())
			}
		}
	}
	return r.pastLimitErr
}

// alone switches off every vendor but id.
func alone(s *scenarios.Scenario, id string) *scenarios.Scenario {
	off := false
	for _, v := range scenarios.VendorIDs {
		if v != id {
			vs := s.Vendors[v]
			vs.Enabled = &off
			s.Vendors[v] = vs
		}
	}
	return s
}

// Tencent past the limit is not computed, the others compared (Aliyun
// the cheapest); alone, it refuses the comparison naming the quote.
func TestHugeQuoteNeverWrapsToNegative(t *testing.T) {
	c, err := Compare(hugeQuote())
	if err != nil {
		t.Fatal(err)
	}
	if fe := pastLimitOf(t, c, scenarios.Tencent); fe.Field != `vendors.tencent-qidian.prices["phone.minute"]` || c.Cheapest != scenarios.Aliyun {
		t.Errorf("past the limit %+v, cheapest %q; want the minute quote named and Aliyun the cheapest", fe, c.Cheapest)
	}
	_, err = Compare(alone(hugeQuote(), scenarios.Tencent))
	if err == nil {
		t.Fatal("Tencent alone compared: want the quote refused")
	}
	fe := oneFieldError(t, err)
	if fe.Field != `vendors.tencent-qidian.prices["phone.minute"]` || fe.Key != scenarios.ErrAmountTooLarge ||
		!strings.Contains(fe.Msg, "phone.minute") || !strings.Contains(fe.Msg, "1,000,000,000,000,000 CNY") {
		t.Errorf("error %+v: want the Tencent minute quote named, over 1,000,000,000,000,000 CNY", fe)
	}
	// The same through WithoutVAT's and the combinations' sums: nothing
	// gets that far (one error, from Compare).
}

// Just below MaxAmount the amount is exact; just above it is refused.
// Fixed 1-minute calls bill what is talked: 10¹⁰ minutes a month × 12 ×
// 8,000 元 = 960,000,000,000,000.00 元 for minutes, + 1,000 seats ×
// 1,500 + 12 months × 30 for the number = 960,000,001,500,360.00.
func TestAmountsUpToMaxAmountAreExact(t *testing.T) {
	s := hugeQuote()
	s.Demand.InboundMinutesPerMonth = 10_000_000_000
	s.Demand.AvgCallMinutes, s.Demand.CallLength = d("1"), scenarios.CallFixed
	s.Vendors[scenarios.Tencent].Prices["phone.minute"] = d("8000")
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	r := vendor(t, c, scenarios.Tencent)
	if want := d("960000001500360"); !r.Total.Equal(want) || !r.Complete {
		t.Errorf("Tencent total %s (complete %v), want %s", r.Total, r.Complete, want)
	}
	for _, l := range r.Lines {
		if l.Item == "phone.minute" && !l.Amount.Equal(d("960000000000000")) {
			t.Errorf("minutes line %s × %s = %s, want 960,000,000,000,000.00", l.Quantity, l.UnitPrice, l.Amount)
		}
	}
	for i, m := range r.Monthly {
		if m.LessThan(d("80000000000000")) {
			t.Errorf("month %d: %s, want at least 80,000,000,000,000.00", i, m)
		}
	}
	// 9,000 元 a minute: 1,080,000,000,000,000 元, past MaxAmount: not
	// computed (the others are within it).
	s.Vendors[scenarios.Tencent].Prices["phone.minute"] = d("9000")
	c, err = Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	if fe := pastLimitOf(t, c, scenarios.Tencent); fe.Field != `vendors.tencent-qidian.prices["phone.minute"]` {
		t.Errorf("at 9,000 元 a minute: %v, want the minute quote named", err)
	}
}

// A volume grown past what its field may state is refused naming
// growth_per_month, not wrapped (10,000 minutes doubling monthly for 120
// months was priced at a wrapped 7,438,719,266,732.82).
func TestGrowthPastTheLimitIsRefused(t *testing.T) {
	s := scenario(120, func(s *scenarios.Scenario) {
		s.Demand.PhoneAgents = 10
		s.Demand.InboundMinutesPerMonth = 10_000
		s.Demand.GrowthPerMonth = d("1")
	})
	_, err := Compare(s)
	fe := oneFieldError(t, err)
	if fe.Field != "demand.growth_per_month" || fe.Key != scenarios.ErrGrowthTooLarge || !strings.Contains(fe.Msg, "inbound_minutes_per_month passes 10,000,000,000") || !strings.Contains(fe.Msg, "by 2028-09-01") {
		t.Errorf("error %+v: want growth named, inbound minutes past 10,000,000,000 in 2028-09", fe)
	}
	// 20 months of doubling: 10,000 × 2^19 = 5,242,880,000 stays under.
	s.Months = 20
	if _, err := Compare(s); err != nil {
		t.Errorf("20 months: %v", err)
	}
}

// Calls of 10⁻¹⁰ minutes are billed 10¹⁰ times their length: refused
// naming avg_call_minutes, at once (the exponential model took minutes of
// CPU working out e^-10000000000 term by term, then wrapped).
func TestCallsTooShortAreRefusedQuickly(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.PhoneAgents = 10
		s.Demand.InboundMinutesPerMonth = 10_000_000_000
		s.Demand.AvgCallMinutes = d("0.0000000001")
	})
	start := time.Now()
	_, err := Compare(s)
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %s", el)
	}
	if fe := oneFieldError(t, err); fe.Field != "demand.avg_call_minutes" || fe.Key != scenarios.ErrCallsTooShort {
		t.Errorf("error %+v: want avg_call_minutes named", fe)
	}
	// Below e^-200 the billed minutes per call are 1 exactly, as the
	// series gives them.
	for _, avg := range []string{"0.001", "0.0049", "0.0000000001"} {
		if got := BilledMinutesPerCall(d(avg), scenarios.CallExponential); !got.Equal(one) {
			t.Errorf("billed per call of %s minutes: %s, want 1", avg, got)
		}
	}
}

// netFen (VAT) past 4.6×10¹⁶ fen: 200f wrapped; the quotient is exact.
func TestNetOfVATExactForLargeAmounts(t *testing.T) {
	for _, f := range []int64{0, 1, 105, 106, 159, 212, 1e17, math.MaxInt64 / 2, math.MaxInt64} {
		want := decimal.NewFromInt(f).Mul(decimal.NewFromInt(200)).Add(decimal.NewFromInt(106)).Div(decimal.NewFromInt(212)).Floor()
		if got := netFen(f); !want.Equal(decimal.NewFromInt(got)) {
			t.Errorf("netFen(%d) = %d, want %s", f, got, want)
		}
	}
}

// Packs of a quoted price past int64 in 0.0001 元 × quota still order by
// price per unit (the comparison wrapped).
func TestPackOrderExactForLargePrices(t *testing.T) {
	if !lessProduct(1e13, 1e7, 1e13, 1e7+1) || lessProduct(math.MaxInt64, 3, math.MaxInt64, 2) {
		t.Error("lessProduct wrong past int64")
	}
	// 10¹³ (10⁹ 元) for 10⁷ requests against 1 for 1: the second is dearer
	// per unit only by the exact comparison.
	cover := CheapestCover(10_000_000, []packOffer{{quota: 1, price: 1_000_001}, {quota: 10_000_000, price: 10_000_000_000_000}})
	if cover[1] != 1 || cover[0] != 0 {
		t.Errorf("cover %v, want one large pack", cover)
	}
}

// Random huge quotes and demands (the seed is printed; KEFUCOST_SEED
// repeats a run): every comparison either refuses the input with one
// field error, or gives every vendor a total ≥ 0 that is the sum of its
// lines and months; and raising a quote never lowers that vendor's total.
func TestHugeInputsNeverGiveNegativeOrFallingTotals(t *testing.T) {
	seed := randomSeed(t)
	rng := rand.New(rand.NewSource(seed))
	cat, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	logUniform := func(most float64) int64 { return int64(math.Pow(most, rng.Float64())) }
	deadline := time.Now().Add(3 * time.Second)
	refused, compared := 0, 0
	for n := 0; time.Now().Before(deadline) && n < 300; n++ {
		s := scenario(1+rng.Intn(36), func(s *scenarios.Scenario) {
			for _, f := range scenarios.CountFieldNames() {
				if rng.Intn(3) == 0 {
					lo := int64(0)
					if f == "messages_per_chat" {
						lo = 1
					}
					s.Demand.SetCount(f, max(lo, logUniform(float64(scenarios.CountLimit(f)))))
				}
			}
			s.Demand.AvgCallMinutes = decimal.NewFromInt(1 + rng.Int63n(10))
			v := cat.Vendors[rng.Intn(len(cat.Vendors))]
			ids := v.ItemIDs()
			prices := map[string]decimal.Decimal{}
			for k := 0; k < 3; k++ {
				q := logUniform(1e9)
				if rng.Intn(2) == 0 {
					q = 1e8 + rng.Int63n(9e8) // near the most a quote may be
				}
				prices[ids[rng.Intn(len(ids))]] = decimal.NewFromInt(q)
			}
			s.Vendors = map[string]scenarios.VendorSettings{v.ID: {Prices: prices}}
		})
		c, err := Compare(s)
		if err != nil {
			oneFieldError(t, err)
			refused++
			continue
		}
		compared++
		checkTotals(t, n, c)
		// Raise every quote tenfold: no vendor's total falls.
		up := s.Clone()
		for id, vs := range up.Vendors {
			for item, p := range vs.Prices {
				vs.Prices[item] = decimal.Min(p.Mul(decimal.NewFromInt(10)), scenarios.MaxPrice)
			}
			up.Vendors[id] = vs
		}
		c2, err := Compare(up)
		if err != nil {
			oneFieldError(t, err)
			continue
		}
		checkTotals(t, n, c2)
		for i, r := range c.Vendors {
			if r2 := c2.Vendors[i]; r.Complete && r2.Complete && r2.Total.LessThan(r.Total) {
				t.Errorf("run %d: %s fell from %s to %s when its quotes rose tenfold", n, r.Vendor, r.Total, r2.Total)
			}
		}
	}
	t.Logf("%d compared, %d refused", compared, refused)
}

func checkTotals(t *testing.T, n int, c *Comparison) {
	t.Helper()
	for _, r := range c.Vendors {
		sum, months := zero, zero
		for _, l := range r.Lines {
			if l.Amount != nil {
				if l.Amount.IsNegative() {
					t.Errorf("run %d: %s line %s = %s", n, r.Vendor, l.Item, l.Amount)
				}
				sum = sum.Add(*l.Amount)
			}
		}
		for _, m := range r.Monthly {
			months = months.Add(m)
		}
		if r.Total.IsNegative() || !sum.Equal(r.Total) || !months.Add(r.AfterHorizon).Equal(r.Total) || r.Total.GreaterThan(MaxAmount) {
			t.Errorf("run %d: %s total %s, lines %s, months %s + after %s", n, r.Vendor, r.Total, sum, months, r.AfterHorizon)
		}
	}
}

// The vendor's total is held to MaxAmount as its lines are (review B12:
// the check on the sum could be removed with no test failing). Tencent's
// basic plan pinned, online and phone users quoted at 10⁹ 元 a year:
// 600,000 of each are 600,000,000,000,000 元 a line, within the limit,
// 1,200,000,000,000,000 元 together, past it: refused, naming the larger
// line's quote (the first of equals), and not computed (R21).
func TestVendorTotalPastMaxAmountIsNotComputed(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents, s.Demand.PhoneAgents = 600_000, 600_000
		s.Vendors = map[string]scenarios.VendorSettings{scenarios.Tencent: {Plan: "tencent-qidian-basic", Prices: map[string]decimal.Decimal{
			"online.basic.year": d("1000000000"), "phone.standard.year": d("1000000000")}}}
	})
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	fe := pastLimitOf(t, c, scenarios.Tencent)
	if fe.Key != scenarios.ErrAmountTooLarge || !strings.HasPrefix(fe.Field, `vendors.tencent-qidian.prices["`) || !strings.Contains(fe.Msg, "1,000,000,000,000,000 CNY") {
		t.Errorf("error %+v: want a Tencent quote named, over 1,000,000,000,000,000 CNY", fe)
	}
	// One line fewer: 600,000,000,000,000 + the minimum robot-free rest.
	s.Demand.PhoneAgents = 0
	c, err = Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	if r := vendor(t, c, scenarios.Tencent); !r.Total.Equal(d("600000000000000")) {
		t.Errorf("Tencent %s, want 600,000,000,000,000.00", r.Total)
	}
}

// The limit is written once (maxYuan): the amount, the fen and the words
// follow from it, and the English refusal says CNY, as the rest of the
// English output, never 元.
func TestMaxAmountWrittenOnce(t *testing.T) {
	if !MaxAmount.Equal(d("1000000000000000")) || maxFen != 100*maxYuan || !fromFen(maxFen).Equal(MaxAmount) || maxAmountText != "1,000,000,000,000,000" {
		t.Errorf("MaxAmount %s, maxFen %d, text %q: not the same limit", MaxAmount, maxFen, maxAmountText)
	}
	_, err := Compare(alone(hugeQuote(), scenarios.Tencent))
	if fe := oneFieldError(t, err); strings.Contains(fe.Msg, "元") {
		t.Errorf("English refusal %q says 元", fe.Msg)
	}
}

// A plan not chosen whose amounts pass MaxAmount is left out as a
// candidate, not the whole comparison (review B4). Tencent's pro online
// users quoted at 10⁹ 元 a year, 1,000,000 users for two years: 2·10¹⁵ 元
// for the pro plans; the basic plan costs 1,000,000 × 999 × 2 =
// 1,998,000,000.00 and is chosen, with a note on the plans left out.
// Pinned, the pro plan leaves Tencent not computed, naming the quote.
func TestDearerPlanPastMaxAmountIsLeftOut(t *testing.T) {
	s := scenario(24, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 1_000_000
		s.Vendors = map[string]scenarios.VendorSettings{scenarios.Tencent: {Prices: map[string]decimal.Decimal{"online.pro.year": d("1000000000")}}}
	})
	c, err := Compare(s)
	if err != nil {
		t.Fatalf("refused whole: %v", err)
	}
	r := vendor(t, c, scenarios.Tencent)
	if r.Plan != "tencent-qidian-basic" || !r.Total.Equal(d("1998000000")) || !r.Complete {
		t.Errorf("Tencent %s %s (complete %v), want tencent-qidian-basic 1,998,000,000.00", r.Plan, r.Total, r.Complete)
	}
	noted := false
	for _, n := range r.Notes {
		if n.ID == "plan-too-large.tencent-qidian-pro" && strings.Contains(n.EN, "1,000,000,000,000,000 CNY") && strings.Contains(n.Text, "1,000,000,000,000,000 元") {
			noted = true
		}
	}
	if !noted {
		t.Errorf("notes %+v: want the pro plan said to be left out", r.Notes)
	}
	for _, a := range r.Alternatives {
		if a.Plan == "tencent-qidian-pro" {
			t.Errorf("alternative %+v: a plan not computed has no total to show", a)
		}
	}
	vs := s.Vendors[scenarios.Tencent]
	vs.Plan = "tencent-qidian-pro"
	s.Vendors[scenarios.Tencent] = vs
	c, err = Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	if fe := pastLimitOf(t, c, scenarios.Tencent); fe.Field != `vendors.tencent-qidian.prices["online.pro.year"]` || fe.Key != scenarios.ErrAmountTooLarge || vendor(t, c, scenarios.Tencent).Plan != "tencent-qidian-pro" {
		t.Errorf("pinned: %+v, want the pro quote named", fe)
	}
}

// R21: a vendor whose amounts pass MaxAmount no longer refuses the whole
// comparison (a4d3b15 left out only a plan): it is not computed and never
// ranked, the others are compared as if it were not there, and a
// comparison of vendors all past the limit is still refused. 12 months,
// 3,000 chats a day (1 message each), 1 bot, 1,000,000 online agents,
// Huawei's online seat quoted at 10⁹ 元 a month: Huawei 1,000,000 × 10⁹ ×
// 12 = 1.2·10¹⁶ 元, past 10¹⁵. By hand: Tencent 1,000,000 × 999 =
// 999,000,000.00 + a robot 5,800.00 + sessions for 3,000 × 365 =
// 1,095,000 chats: 960,000 (7,600) + 2 × 120,000 (3,200) = 10,800.00:
// 999,016,600.00, the only vendor covering everything; Chatopera's bot
// part: 1,095,000 requests in one 2,000,000-call pack 10,000.00; the
// cheapest combination Chatopera (bot) + Tencent (online) = 10,000.00 +
// 999,000,000.00 = 999,010,000.00. Without the fix Compare refused.
func TestVendorPastMaxAmountNotComputedOthersCompared(t *testing.T) {
	s := func() *scenarios.Scenario {
		return scenario(12, func(s *scenarios.Scenario) {
			s.Demand.ChatsPerDay, s.Demand.Bots, s.Demand.OnlineAgents = 3000, 1, 1_000_000
			s.Vendors = map[string]scenarios.VendorSettings{scenarios.Huawei: {Prices: map[string]decimal.Decimal{"seat.online.month": d("1000000000")}}}
		})
	}
	c, err := Compare(s())
	if err != nil {
		t.Fatalf("refused whole: %v", err)
	}
	if fe := pastLimitOf(t, c, scenarios.Huawei); fe.Field != `vendors.huawei-cec.prices["seat.online.month"]` || fe.Key != scenarios.ErrAmountTooLarge {
		t.Errorf("Huawei: %+v, want its online seat quote named", fe)
	}
	if r := vendor(t, c, scenarios.Tencent); !r.Total.Equal(d("999016600")) || !r.Complete || !r.Covers {
		t.Errorf("Tencent %s (complete %v, covers %v), want 999,016,600.00 whole", r.Total, r.Complete, r.Covers)
	}
	if b := c.BestCombination(); b == nil || !b.Total.Equal(d("999010000")) || b.VendorFor("bot") != scenarios.Chatopera || b.VendorFor("online") != scenarios.Tencent {
		t.Errorf("best combination %+v, want Chatopera + Tencent 999,010,000.00", b)
	}
	if c.Cheapest != scenarios.Tencent {
		t.Errorf("cheapest %q, want Tencent (the only whole one)", c.Cheapest)
	}
	// Every vendor past the limit: refused, naming Huawei's quote.
	_, err = Compare(alone(s(), scenarios.Huawei))
	if fe := oneFieldError(t, err); fe.Field != `vendors.huawei-cec.prices["seat.online.month"]` || fe.Key != scenarios.ErrAmountTooLarge {
		t.Errorf("Huawei alone: %+v, want the quote named", fe)
	}
}
