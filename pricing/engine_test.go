package pricing

import (
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

func scenario(months int, edit func(*scenarios.Scenario)) *scenarios.Scenario {
	s := scenarios.New("t", scenarios.NewDate(2027, 1, 1))
	s.Months = months
	s.Demand = scenarios.DefaultDemand()
	s.Demand.ChatsPerDay, s.Demand.OnlineAgents, s.Demand.Bots = 0, 0, 0
	edit(s)
	return s
}

func vendor(t *testing.T, c *Comparison, id string) *Result {
	t.Helper()
	for _, r := range c.Vendors {
		if r.Vendor == id {
			return r
		}
	}
	t.Fatalf("no result for %s", id)
	return nil
}

// The cliff hint names the month and the saving, for a tier far up too:
// 490,000 minutes at 0.104 = 50,960 but 500,001 at 0.100 = 50,000.10.
func TestAliyunCliffHint(t *testing.T) {
	for _, c := range []struct {
		minutes int64
		hint    string
	}{
		{49_500, "501 more minutes (50001) would cost 44.89 less"},
		{490_000, "10001 more minutes (500001) would cost 959.90 less"},
		{40_000, ""},
	} {
		s := scenario(1, func(s *scenarios.Scenario) {
			s.Demand.InboundMinutesPerMonth = c.minutes
			s.Demand.CallLength, s.Demand.AvgCallMinutes = "fixed", decimal.NewFromInt(1)
		})
		cmp, err := Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		hints := strings.Join(vendor(t, cmp, scenarios.Aliyun).Hints, " | ")
		if c.hint == "" && hints != "" || c.hint != "" && !strings.Contains(hints, c.hint) {
			t.Errorf("%d minutes: hints %q, want %q", c.minutes, hints, c.hint)
		}
	}
}

// Unpriced is never 0: Huawei seats without a quote make the total
// incomplete and keep Huawei out of "cheapest"; a quote completes it.
func TestUnpricedIsNeverZero(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) { s.Demand.PhoneAgents = 10 })
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	hw := vendor(t, c, scenarios.Huawei)
	if hw.Complete || len(hw.Unpriced) == 0 || hw.Unpriced[0] != "seat.basic.month" {
		t.Fatalf("Huawei without a seat price: complete %v unpriced %v", hw.Complete, hw.Unpriced)
	}
	for _, l := range hw.Lines {
		if l.Item == "seat.basic.month" && (l.Amount != nil || l.UnitPrice != nil) {
			t.Fatalf("unpriced line has an amount: %+v", l)
		}
	}
	if c.Cheapest == scenarios.Huawei {
		t.Fatal("an incomplete vendor was named cheapest")
	}
	s.Vendors[scenarios.Huawei] = scenarios.VendorSettings{Prices: map[string]decimal.Decimal{"seat.basic.month": decimal.NewFromInt(100)}}
	c, _ = Compare(s)
	hw = vendor(t, c, scenarios.Huawei)
	if !hw.Complete || hw.Total.StringFixed(2) == "0.00" {
		t.Fatalf("with a quote Huawei should be complete: %v %s", hw.Unpriced, hw.Total)
	}
	if c.Cheapest != scenarios.Huawei { // 10 × 100 × 12 = 12,000 < Aliyun's 10 × 199 × 12 × 0.85
		t.Errorf("cheapest = %s (huawei %s)", c.Cheapest, hw.Total)
	}
}

// Monthly cash and the cash paid after the horizon add up to the total,
// and every priced line's monthly cash adds up to its amount less what it
// pays after the horizon, for every vendor of a busy scenario.
func TestMonthlyAddsUp(t *testing.T) {
	c, err := Compare(loadBench(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Vendors {
		sum := r.AfterHorizon
		for _, m := range r.Monthly {
			sum = sum.Add(m)
		}
		if !sum.Equal(r.Total) || len(r.Monthly) != 36 {
			t.Errorf("%s: monthly sum + after the horizon %s != total %s", r.Vendor, sum, r.Total)
		}
		after := decimal.Zero
		for _, l := range r.Lines {
			if l.Amount == nil {
				continue
			}
			ls := decimal.Zero
			for _, m := range l.MonthlyCash() {
				ls = ls.Add(m)
			}
			if ls.GreaterThan(*l.Amount) || ls.IsNegative() {
				t.Errorf("%s %s: monthly %s, amount %s", r.Vendor, l.Item, ls, l.Amount)
			}
			after = after.Add(l.Amount.Sub(ls))
			if l.Formula == "" || l.FormulaZH == "" || l.Source == "" {
				t.Errorf("%s %s: no formula or source", r.Vendor, l.Item)
			}
		}
		if !after.Equal(r.AfterHorizon) {
			t.Errorf("%s: lines pay %s after the horizon, result says %s", r.Vendor, after, r.AfterHorizon)
		}
	}
}

// A vendor that is switched off is left out; a pinned plan is used even
// when dearer, and auto names the cheaper one as an alternative.
func TestEnabledAndPinned(t *testing.T) {
	no := false
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.ChatsPerDay = 3000
		s.Vendors[scenarios.Tencent] = scenarios.VendorSettings{Enabled: &no}
		s.Vendors[scenarios.Chatopera] = scenarios.VendorSettings{Plan: "chatopera-2020-daily", Options: legacy}
	})
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Vendors {
		if r.Vendor == scenarios.Tencent {
			t.Fatal("disabled vendor compared")
		}
	}
	ch := vendor(t, c, scenarios.Chatopera)
	if ch.Plan != "chatopera-2020-daily" || ch.Auto || ch.Total.StringFixed(2) != "7300.00" {
		t.Fatalf("pinned: %s %v %s", ch.Plan, ch.Auto, ch.Total)
	}
	if !strings.Contains(strings.Join(ch.Hints, " "), "chatopera-2020-annual-1m would cost 660.00 less") {
		t.Errorf("hints: %v", ch.Hints)
	}
}

// Growth compounds monthly from the base and restarts from a change.
func TestGrowthAndChanges(t *testing.T) {
	s := scenario(3, func(s *scenarios.Scenario) {
		s.Demand.ChatsPerDay = 2000
		s.Demand.GrowthPerMonth = decimal.RequireFromString("0.1")
		v := int64(5000)
		s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, 3, 1), ChatsPerDay: &v}}
		s.Vendors[scenarios.Chatopera] = scenarios.VendorSettings{Plan: "chatopera-2020-daily", Options: legacy}
	})
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	ch := vendor(t, c, scenarios.Chatopera)
	// Jan 2,000/day: 10.00 × 31; Feb 2,200/day: 12.00 × 28; Mar 5,000/day
	// (the change restarts growth): 40.00 × 31.
	want := []string{"310.00", "336.00", "1240.00"}
	for i, w := range want {
		if ch.Monthly[i].StringFixed(2) != w {
			t.Errorf("month %d = %s, want %s", i, ch.Monthly[i].StringFixed(2), w)
		}
	}
}

// A Huawei monthly periodic seat bought at 00:00 on Jan 1 is renewed at the
// first 00:00 after each month: Feb 2, Mar 3, … so 12 months need 12
// cycles but 36 months only 35.
func TestHuaweiMonthlyCycles(t *testing.T) {
	for _, c := range []struct {
		months int
		cycles int64
	}{{1, 1}, {3, 3}, {12, 12}, {36, 35}} {
		s := scenario(c.months, func(s *scenarios.Scenario) {
			s.Demand.OnlineAgents = 1
			s.Vendors[scenarios.Huawei] = scenarios.VendorSettings{Plan: "huawei-cec-monthly",
				Prices: map[string]decimal.Decimal{"seat.online.month": decimal.NewFromInt(100)}}
		})
		cmp, err := Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := vendor(t, cmp, scenarios.Huawei).Total; !got.Equal(decimal.NewFromInt(100 * c.cycles)) {
			t.Errorf("%d months: %s, want %d cycles", c.months, got, c.cycles)
		}
	}
}

func TestPresentValue(t *testing.T) {
	s := scenario(2, func(s *scenarios.Scenario) {
		s.Demand.PhoneNumbers = 10
		s.DiscountRate = decimal.RequireFromString("0.12")
		s.Vendors[scenarios.Aliyun] = scenarios.VendorSettings{Plan: "aliyun-icc-monthly"}
	})
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	// 350 now + 350 / 1.01 = 696.53.
	if pv := vendor(t, c, scenarios.Aliyun).PresentValue; pv == nil || pv.StringFixed(2) != "696.53" {
		t.Fatalf("present value %v", pv)
	}
}

// Every hint is said in both languages, in the same order.
func TestHintsBilingual(t *testing.T) {
	s := loadBench(t)
	total := 0
	for _, chats := range []int64{0, 4000, 90000} {
		s.Demand.ChatsPerDay = chats
		c, err := Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.Vendors {
			if len(r.HintsZH) != len(r.Hints) {
				t.Fatalf("%s: %d hints, %d in Chinese", r.Vendor, len(r.Hints), len(r.HintsZH))
			}
			for i, h := range r.HintsZH {
				total++
				if h == "" || h == r.Hints[i] || !strings.ContainsFunc(h, func(c rune) bool { return c >= 0x4e00 && c <= 0x9fff }) {
					t.Errorf("%s hint %d: zh %q en %q", r.Vendor, i, h, r.Hints[i])
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no hints produced: the test checks nothing")
	}
}

// The present value is the exact sum of cash × factor rounded half up to
// the fen, however it is computed: the integer path (presentValueFen) and
// the decimal sum agree on random cash, rates and horizons, up to the
// largest amounts the integer path takes (then it steps aside).
func TestPresentValueExactSum(t *testing.T) {
	seed := randomSeed(t)
	rng := rand.New(rand.NewSource(seed))
	decimalSum := func(monthly, factors []decimal.Decimal) decimal.Decimal {
		pv := zero
		for i, m := range monthly {
			pv = pv.Add(m.Mul(factors[i]))
		}
		return pv.Round(2)
	}
	fast := 0
	for n := 0; n < 400; n++ {
		months := 1 + rng.Intn(150)
		rate := decimal.New(rng.Int63n(3000), -4) // 0 to 30 %
		factors := discountFactors(rate, months)
		monthly := make([]decimal.Decimal, months)
		scale := []int64{100, 1e6, 1e12, 1e17, math.MaxInt64}[rng.Intn(5)]
		for i := range monthly {
			if rng.Intn(4) > 0 {
				monthly[i] = decimal.New(rng.Int63n(scale), -int32(rng.Intn(3)))
			}
		}
		if n%50 == 0 {
			monthly[0] = decimal.RequireFromString("123456789012345678901234567.5")
		}
		want := decimalSum(monthly, factors)
		if got := presentValue(monthly, factors); !got.Equal(want) {
			t.Fatalf("seed %d case %d: present value %s, exact sum %s", seed, n, got, want)
		}
		if _, ok := presentValueFen(monthly, factors); ok {
			fast++
		}
	}
	if fast == 0 {
		t.Fatalf("seed %d: the integer path never ran", seed)
	}
}
