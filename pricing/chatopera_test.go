package pricing

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// legacy switches the 2020 Chatopera plans back on (pricing-rules §7.1).
var legacy = map[string]bool{"chatopera.legacy-plans": true}

// At the latest prices Chatopera sells resource packs only: its 2020 daily
// billing and annual packages ended when the 2023-02-10 page replaced them
// (pricing-rules §7.1). 300 chats a day × 10 requests, one bot, 2027:
//   - Chatopera: 3,000 requests a day × 365 = 1,095,000; one 10,000 元 pack
//     (2,000,000 calls, 12 months) on 2027-01-01 = 10,000.00 (eleven
//     1,000 元 packs would cost 11,000);
//   - Tencent: robot 5,800 + a 120,000-session pack 1,600 (109,500
//     sessions) = 7,400.00: the cheaper vendor.
//   - With the legacy option, the 2020 plans mix (§7.5): daily billing
//     (3,000 − 1,000) × 0.01 = 20.00 a day for 32 days, 2027-01-01..02-01
//     = 640.00, then the 1M package on 2027-02-02 for 6,000.00, whose year
//     holds the other 333 days (999,000 requests, no overage): 6,640.00
//     (the independent checker's case 1c). k days of daily billing, then
//     the package: up to k = 31 the rest of the year holds more than
//     1,000,000 requests and the overage makes 20k + 6,000 + (95,000 −
//     3,000k) × 0.01 = 6,950 − 10k; from k = 32 there is none: 6,000 + 20k.
//     31 and 32 tie at 6,640; daily billing is kept on the tie. The package
//     from the first day costs 6,000 + 95,000 × 0.01 = 6,950.00.
func TestChatoperaEditionsEnd(t *testing.T) {
	base := func(s *scenarios.Scenario) {
		s.Demand.ChatsPerDay, s.Demand.MessagesPerChat, s.Demand.Bots = 300, 10, 1
	}
	c, err := Compare(scenario(12, base))
	if err != nil {
		t.Fatal(err)
	}
	ch := vendor(t, c, scenarios.Chatopera)
	if ch.Plan != "chatopera-2023-packs" || ch.Total.StringFixed(2) != "10000.00" {
		t.Fatalf("latest prices: %s %s", ch.Plan, ch.Total)
	}
	for _, a := range ch.Alternatives {
		if strings.HasPrefix(a.Plan, "chatopera-2020") {
			t.Errorf("a 2020 plan is offered at the latest prices: %+v", a)
		}
	}
	if joined := strings.Join(ch.Hints, " "); strings.Contains(joined, "2020") {
		t.Errorf("hints name a 2020 plan: %s", joined)
	}
	if got := vendor(t, c, scenarios.Tencent).Total.StringFixed(2); got != "7400.00" {
		t.Errorf("Tencent %s, want 7400.00", got)
	}
	if c.Cheapest != scenarios.Tencent {
		t.Errorf("cheapest %q, want Tencent", c.Cheapest)
	}

	c, err = Compare(scenario(12, func(s *scenarios.Scenario) {
		base(s)
		s.Vendors[scenarios.Chatopera] = scenarios.VendorSettings{Options: legacy}
	}))
	if err != nil {
		t.Fatal(err)
	}
	ch = vendor(t, c, scenarios.Chatopera)
	if ch.Plan != "chatopera-2020-annual-1m" || ch.Total.StringFixed(2) != "6640.00" {
		t.Fatalf("legacy option: %s %s", ch.Plan, ch.Total)
	}
	if len(ch.Schedule) != 1 || ch.Schedule[0].Date.String() != "2027-02-02" || ch.Schedule[0].Until.String() != "2028-02-01" || ch.Schedule[0].Amount.StringFixed(2) != "6000.00" {
		t.Errorf("schedule %+v, want the 1M package on 2027-02-02 until 2028-02-01 for 6,000.00", ch.Schedule)
	}
	for _, l := range ch.Lines {
		if l.Item == "chat.request.daily" && (l.Amount.StringFixed(2) != "640.00" || l.Quantity.String() != "64000") {
			t.Errorf("daily billing line %s × %s = %s, want 64,000 requests beyond the free ones, 640.00", l.Quantity, l.Unit, l.Amount)
		}
		if l.Item == "chat.request.overage" {
			t.Errorf("overage charged: %+v", l)
		}
	}
	found := false
	for _, n := range ch.Notes {
		found = found || n.ID == "legacy-plan"
	}
	if !found {
		t.Errorf("no note says the legacy plan rests on the option: %+v", ch.Notes)
	}
}

// A plan pinned in a file but no longer sold is refused with the way back.
func TestChatoperaLegacyPlanPinnedNeedsOption(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.ChatsPerDay = 300
		s.Vendors[scenarios.Chatopera] = scenarios.VendorSettings{Plan: "chatopera-2020-daily"}
	})
	_, err := Compare(s)
	if err == nil || !strings.Contains(err.Error(), "no longer sold") || !strings.Contains(err.Error(), "chatopera.legacy-plans") {
		t.Fatalf("err = %v", err)
	}
}

// A price date before a vendor's first edition uses the first edition and
// says so (pricing-rules §7.1), instead of refusing the scenario.
func TestPriceDateBeforeFirstEdition(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.ChatsPerDay = 300
		s.PriceDate = scenarios.NewDate(2019, 6, 1)
	})
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	ch := vendor(t, c, scenarios.Chatopera)
	if ch.Editions[0] != "2020" {
		t.Errorf("edition %v, want the first, 2020", ch.Editions)
	}
	var note string
	for _, n := range ch.Notes {
		if n.ID == "price-date-before-editions" {
			note = n.EN
		}
	}
	if !strings.Contains(note, "2019-06-01") || !strings.Contains(note, "2020") {
		t.Errorf("note %q", note)
	}
}

// Packs are bought on the day quota is needed and their quota is kept
// until it expires (pricing-rules §7.2). 300 calls a day through 2027
// (109,500):
//   - 2027-01-01 one 1,000 元 pack (100,000 calls, to 2027-12-31): it serves
//     333 days (99,900) and 100 calls of 2027-11-30;
//   - 2027-11-30 a 100 元 pack (5,000, a month): 200 + 4,800 = 16 days' use,
//     to the 100 calls of 2027-12-16; 2027-12-16 another for the last 16
//     days (4,800).
//
// 1,200.00 (buying at month starts and dropping quota at window ends cost
// 1,400). Other plans cost the same (the two 100 元 packs drawn first in
// January, the 1,000 元 pack then lasting to the end); any of them will do,
// so the test checks what was bought and replays the schedule day by day:
// no call is refused.
func TestChatoperaPacksBoughtWhenNeeded(t *testing.T) {
	c, err := Compare(scenario(12, func(s *scenarios.Scenario) { s.Demand.ChatsPerDay = 300 }))
	if err != nil {
		t.Fatal(err)
	}
	ch := vendor(t, c, scenarios.Chatopera)
	if ch.Total.StringFixed(2) != "1200.00" {
		t.Fatalf("total %s, want 1200.00", ch.Total)
	}
	bought := map[string]int64{}
	for _, p := range ch.Schedule {
		bought[p.Item] += p.Quantity.IntPart()
		months := map[string]int{"pack.100": 1, "pack.1000": 12}[p.Item]
		if want := p.Date.AddMonths(months).AddDays(-1); !p.Until.Equal(want) {
			t.Errorf("%s bought %s valid until %s, want %s", p.Item, p.Date, p.Until, want)
		}
	}
	if bought["pack.1000"] != 1 || bought["pack.100"] != 2 || len(bought) != 2 {
		t.Errorf("bought %v, want one 1,000 元 pack and two 100 元 packs: %+v", bought, ch.Schedule)
	}
	assertServesEveryDay(t, 300, ch.Schedule, scenarios.NewDate(2027, 1, 1), 365)
}

// TestChatoperaPacksOnATieBoughtWhenNeeded guards §7.2 "resource packs are
// bought on the day they are needed" where two plans cost the same: 2,700
// calls a day for 2027 (985,500 calls) take ten 1,000 元 packs or one
// 10,000 元 pack, 10,000.00 either way. The plan shown buys one 1,000 元
// pack on 2027-01-01 and the next on the day the one before runs out
// (call 100,001 falls on day 37: 2027-02-07), not ten on 01-01: same
// total, but cash paid as the quota is needed (reviewer R23, scen D07).
func TestChatoperaPacksOnATieBoughtWhenNeeded(t *testing.T) {
	c, err := Compare(scenario(12, func(s *scenarios.Scenario) { s.Demand.ChatsPerDay = 2700 }))
	if err != nil {
		t.Fatal(err)
	}
	ch := vendor(t, c, scenarios.Chatopera)
	if ch.Total.StringFixed(2) != "10000.00" {
		t.Fatalf("total %s, want 10000.00", ch.Total)
	}
	start := scenarios.NewDate(2027, 1, 1)
	if len(ch.Schedule) != 10 {
		t.Fatalf("%d purchases, want ten of one pack each: %+v", len(ch.Schedule), ch.Schedule)
	}
	for i, p := range ch.Schedule {
		want := start.AddDays(i * 100000 / 2700)
		if p.Item != "pack.1000" || p.Quantity.IntPart() != 1 || !p.Date.Equal(want) {
			t.Errorf("purchase %d: %s × %s on %s, want pack.1000 × 1 on %s", i+1, p.Item, p.Quantity, p.Date, want)
		}
	}
	assertServesEveryDay(t, 2700, ch.Schedule, start, 365)
}

// assertServesEveryDay replays a schedule of packs day by day in the
// vendor's order (the pack expiring first) with perDay calls a day: no day
// may be refused, and no balance may go negative.
func assertServesEveryDay(t *testing.T, perDay int64, sched []Purchase, start scenarios.Date, days int) {
	t.Helper()
	cat := MustCatalog().Vendor(scenarios.Chatopera)
	ed := cat.Plan("chatopera-2023-packs").Edition(scenarios.Date{})
	type held struct {
		left  int64
		until scenarios.Date
	}
	var packs []*held
	for d := 0; d < days; d++ {
		day := start.AddDays(d)
		for _, p := range sched {
			if p.Date.Equal(day) {
				it := ed.Item(p.Item)
				for j := int64(0); j < p.Quantity.IntPart(); j++ {
					packs = append(packs, &held{left: it.Quota, until: p.Until})
				}
			}
		}
		need := perDay
		for need > 0 {
			var next *held
			for _, h := range packs {
				if h.left > 0 && !day.After(h.until) && (next == nil || h.until.Before(next.until)) {
					next = h
				}
			}
			if next == nil {
				t.Fatalf("%s: %d calls refused: no quota", day, need)
			}
			take := min(need, next.left)
			next.left -= take
			need -= take
			if next.left < 0 {
				t.Fatalf("%s: negative balance", day)
			}
		}
	}
}

// A gift pack is drawn before anything bought (seed 001: 赠送资源包 >
// 购买资源包). With a 100,000-call pack given on 2027-01-01, 300 calls a day
// through 2027 leave 9,500 calls for bought packs after 333 days and 100
// calls: 100 元 packs on 2027-11-30 and 2027-12-16, as above: 200.00.
func TestChatoperaGiftDrawnFirst(t *testing.T) {
	c, err := Compare(scenario(12, func(s *scenarios.Scenario) {
		s.Demand.ChatsPerDay = 300
		s.Vendors[scenarios.Chatopera] = scenarios.VendorSettings{Gifts: []scenarios.Gift{{Item: "pack.1000", Date: scenarios.NewDate(2027, 1, 1)}}}
	}))
	if err != nil {
		t.Fatal(err)
	}
	ch := vendor(t, c, scenarios.Chatopera)
	if ch.Total.StringFixed(2) != "200.00" || len(ch.Schedule) != 2 || ch.Schedule[0].Date.String() != "2027-11-30" {
		t.Fatalf("total %s schedule %+v", ch.Total, ch.Schedule)
	}
}

// ASR in the 2023 edition bills each request's remainder under a second
// as a whole second (pricing-rules §7.2). 1 minute a day in 5-second
// requests: 12 requests × 5.516655… s = 66.19… → 67 calls a day; 31 days
// of January: 2,077 calls, one 100 元 pack.
func TestChatoperaASRRoundedPerRequest(t *testing.T) {
	if got := asrBilledSeconds(60, decimal.NewFromInt(5), asrSecondsPerRequest(decimal.NewFromInt(5))); got != 67 {
		t.Fatalf("billed seconds %d, want 67", got)
	}
	if got := asrBilledSeconds(3600, decimal.NewFromInt(5), asrSecondsPerRequest(decimal.NewFromInt(5))); got != 3972 {
		t.Fatalf("billed seconds %d, want 3972", got)
	}
	c, err := Compare(scenario(1, func(s *scenarios.Scenario) { s.Demand.ASRMinutesPerDay = 1 }))
	if err != nil {
		t.Fatal(err)
	}
	ch := vendor(t, c, scenarios.Chatopera)
	if ch.Total.StringFixed(2) != "100.00" || len(ch.Schedule) != 1 {
		t.Fatalf("total %s schedule %+v", ch.Total, ch.Schedule)
	}
}

// The pack search is exact at volume too (pricing-rules §7.2: "the
// cheapest such plan ... found by an exact search"): every total below is
// the independent checker's (handcalc case 3 and the spec example, each
// proven there by a full search or a lower bound met by a plan), and the
// engine must prove it too, never fall back to "a cheaper way to buy may
// exist". 2023-12 packs: 100 元 5,000 calls 1 month; 1,000 元 100,000
// calls 12 months; 10,000 元 2,000,000 calls 12 months. From 2027-01-01,
// one request per chat:
//   - 12 months (365 days): 100 a day: one 1,000 元 pack (36,500 calls);
//     1,000: four 1,000 元 packs (365,000; three and thirteen 100 元 packs
//     cost 4,300); 2,000: seven 1,000 元 and six 100 元 packs hold
//     exactly 730,000, 7,600; 3,000 and 5,000: one 10,000 元 pack;
//     6,000: 2,190,000 = a 10,000 元 pack and two 1,000 元 packs, 12,000.
//   - 24 months (731 days): 2,000 / 7,700 (seven 1,000 元 and seven 100 元
//     packs: 735,000 ≥ 731,000) / 15,000 / 20,000 / 20,000 / 24,000.
//   - 36 months at 3,000 a day (the spec example, 3,288,000 calls): a
//     10,000 元 pack serves at most a year (1,098,000 calls in the leap
//     year), so three: 30,000.00.
func TestChatoperaPackSearchExactAtVolume(t *testing.T) {
	for _, c := range []struct {
		months int
		perDay int64
		want   string
	}{
		{12, 100, "1000.00"}, {12, 1000, "4000.00"}, {12, 2000, "7600.00"},
		{12, 3000, "10000.00"}, {12, 5000, "10000.00"}, {12, 6000, "12000.00"},
		{24, 100, "2000.00"}, {24, 1000, "7700.00"}, {24, 2000, "15000.00"},
		{24, 3000, "20000.00"}, {24, 5000, "20000.00"}, {24, 6000, "24000.00"},
		{36, 3000, "30000.00"},
	} {
		cmp, err := Compare(scenario(c.months, func(s *scenarios.Scenario) { s.Demand.ChatsPerDay = c.perDay }))
		if err != nil {
			t.Fatal(err)
		}
		ch := vendor(t, cmp, scenarios.Chatopera)
		if got := ch.Total.StringFixed(2); got != c.want {
			t.Errorf("%d months at %d a day: %s, want %s", c.months, c.perDay, got, c.want)
		}
		for _, n := range ch.Notes {
			if strings.Contains(n.EN, "may exist") {
				t.Errorf("%d months at %d a day: not proven: %s", c.months, c.perDay, n.EN)
			}
		}
		days := scenarios.NewDate(2027, 1, 1).DaysUntil(scenarios.NewDate(2027, 1, 1).AddMonths(c.months))
		assertServesEveryDay(t, c.perDay, ch.Schedule, scenarios.NewDate(2027, 1, 1), days)
	}
}

// The annual schedule (pricing-rules §7.5) is the cheapest of every way to
// mix daily billing and packages bought on any day, one at a time: on
// small random horizons (a package valid a few days) it matches trying
// every schedule, each priced by replaying it day by day.
func TestAnnualScheduleMatchesExhaustiveSearch(t *testing.T) {
	seed := testSeed(t, 20261203)
	rng := rand.New(rand.NewSource(seed))
	for c := 0; c < 400; c++ {
		n := 3 + rng.Intn(12)
		use := make([]int64, n)
		for d := range use {
			use[d] = int64(rng.Intn(12))
		}
		valid := 1 + rng.Intn(6)
		expires := make([]int, n+1)
		for d := range expires {
			expires[d] = d + valid
		}
		free, pkg, quota := int64(rng.Intn(4)), int64(5+rng.Intn(30)), int64(5+rng.Intn(40))
		dayPrice, overPrice := int64(1+rng.Intn(3)), int64(1+rng.Intn(3))
		daily := func(q int64) int64 { return max(0, q-free) * dayPrice }
		over := func(q int64) int64 { return q * overPrice }
		// cost replays a schedule day by day.
		cost := func(runs []annualRun) int64 {
			var fen int64
			for _, r := range runs {
				left := quota
				if r.pkg {
					fen += pkg
				}
				for d := r.from; d < r.to; d++ {
					switch {
					case !r.pkg:
						fen += daily(use[d])
					case left >= use[d]:
						left -= use[d]
					default:
						fen += over(use[d] - left)
						left = 0
					}
				}
			}
			return fen
		}
		best := int64(-1)
		var try func(d int, runs []annualRun)
		try = func(d int, runs []annualRun) {
			if d >= n {
				if c := cost(runs); best < 0 || c < best {
					best = c
				}
				return
			}
			try(d+1, append(runs, annualRun{from: d, to: d + 1}))
			try(min(d+valid, n), append(runs, annualRun{from: d, to: min(d+valid, n), pkg: true}))
		}
		try(0, nil)
		runs := annualSchedule(use, expires, pkg, quota, daily, over)
		covered := 0
		for _, r := range runs {
			if r.from != covered || r.to <= r.from {
				t.Fatalf("seed %d case %d: runs %+v leave a gap or overlap at day %d", seed, c, runs, covered)
			}
			covered = r.to
		}
		if covered != n {
			t.Fatalf("seed %d case %d: runs %+v end at day %d of %d", seed, c, runs, covered, n)
		}
		if got := cost(runs); got != best {
			t.Fatalf("seed %d case %d: use %v valid %d free %d pkg %d quota %d day %d over %d: schedule %+v costs %d, cheapest %d",
				seed, c, use, valid, free, pkg, quota, dayPrice, overPrice, runs, got, best)
		}
	}
}

// Every vendor's editions carry the date their document gives (pricing-
// rules §7.1): Aliyun's 文档版本 20211220, Huawei's 更新时间 2023-12-01
// (Chatopera's 2020 page and Tencent's page are undated: 2020-01-01 stands
// for "before anything dated"). A price date the day before a vendor's
// first edition uses that edition and says so on the vendor's result; on
// the day itself nothing is said.
func TestPriceDateBeforeEachVendorsFirstEdition(t *testing.T) {
	first := map[string]struct{ from, edition string }{
		scenarios.Chatopera: {"2020-01-01", "2020"},
		scenarios.Tencent:   {"2020-01-01", "2023"},
		scenarios.Huawei:    {"2023-12-01", "2023-12-01"},
		scenarios.Aliyun:    {"2021-12-20", "2021-12-20"},
	}
	for id, want := range first {
		from, err := scenarios.ParseDate(want.from)
		if err != nil {
			t.Fatal(err)
		}
		for _, day := range []scenarios.Date{from.AddDays(-1), from} {
			s := scenario(12, func(s *scenarios.Scenario) {
				s.Demand.ChatsPerDay, s.Demand.OnlineAgents, s.Demand.PhoneAgents, s.Demand.PhoneNumbers = 300, 5, 2, 1
				s.Demand.InboundMinutesPerMonth = 1000
				s.PriceDate = day
				if id == scenarios.Chatopera {
					s.Vendors[id] = scenarios.VendorSettings{Options: legacy}
				}
			})
			c, err := Compare(s)
			if err != nil {
				t.Fatal(err)
			}
			r := vendor(t, c, id)
			var note string
			for _, n := range r.Notes {
				if n.ID == "price-date-before-editions" {
					note = n.EN + " " + n.Text
				}
			}
			before := day.Before(from)
			if got := r.EditionRefs[0]; got.ID != want.edition || got.From.String() != want.from {
				t.Errorf("%s on %s: edition %s from %s, want %s from %s", id, day, got.ID, got.From, want.edition, want.from)
			}
			switch {
			case before && (!strings.Contains(note, day.String()) || !strings.Contains(note, want.from) || !strings.Contains(note, want.edition)):
				t.Errorf("%s, price date %s: note %q should name the date, the first edition %s and its day %s", id, day, note, want.edition, want.from)
			case !before && note != "":
				t.Errorf("%s, price date %s (its first edition's day): note %q", id, day, note)
			}
		}
	}
}

// The packs note says how the plan is known to cost the least: by the
// day-by-day search, or by meeting the lower bound with no search at all
// (issue 8: it said "an exact search over days" for both). 36 months at
// 3,000 a day meets the bound (three 10,000 元 packs); 6 months at 300 a
// day falling to 20 on 2027-03-10 needs the search (800.00).
func TestChatoperaPackNoteSaysHowProven(t *testing.T) {
	low := int64(20)
	for _, c := range []struct {
		name       string
		s          *scenarios.Scenario
		want, zh   string
		notWant    string
		wantAmount string
	}{
		{"volume", scenario(36, func(s *scenarios.Scenario) { s.Demand.ChatsPerDay = 3000 }),
			"lower bound no plan can beat, so no search over days was needed", "无需逐日搜索", "exact search", "30000.00"},
		{"falling use", scenario(6, func(s *scenarios.Scenario) {
			s.Demand.ChatsPerDay = 300
			s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, 3, 10), ChatsPerDay: &low}}
		}), "(an exact search over days)", "逐日精确搜索", "lower bound", "800.00"},
	} {
		cmp, err := Compare(c.s)
		if err != nil {
			t.Fatal(err)
		}
		ch := vendor(t, cmp, scenarios.Chatopera)
		if got := ch.Total.StringFixed(2); got != c.wantAmount {
			t.Errorf("%s: total %s, want %s", c.name, got, c.wantAmount)
		}
		found := false
		for _, n := range ch.Notes {
			if n.ID != "chatopera.packs" {
				continue
			}
			found = true
			if !strings.Contains(n.EN, c.want) || strings.Contains(n.EN, c.notWant) || !strings.Contains(n.Text, c.zh) {
				t.Errorf("%s: note %q / %q", c.name, n.EN, n.Text)
			}
		}
		if !found {
			t.Errorf("%s: no packs note", c.name)
		}
	}
}
