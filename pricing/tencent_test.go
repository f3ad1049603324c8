package pricing

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// tencentBasic prices s at Tencent's basic plan and returns the result.
func tencentBasic(t *testing.T, s *scenarios.Scenario) *Result {
	t.Helper()
	vs := s.Vendors[scenarios.Tencent]
	vs.Plan = "tencent-qidian-basic"
	s.Vendors[scenarios.Tencent] = vs
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	return vendor(t, c, scenarios.Tencent)
}

// purchase is one expected schedule entry: "date item qty amount until".
type purchase struct{ date, item, qty, amount, until string }

func checkPurchases(t *testing.T, r *Result, want []purchase) {
	t.Helper()
	var got []purchase
	for _, p := range r.Schedule {
		a := "unpriced"
		if p.Amount != nil {
			a = p.Amount.StringFixed(2)
		}
		got = append(got, purchase{p.Date.String(), p.Item, p.Quantity.String(), a, p.Until.String()})
		if p.Why == "" || p.WhyZH == "" {
			t.Errorf("%+v: no reason given", p)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("schedule:\n got %v\nwant %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("purchase %d: got %v, want %v", i, got[i], want[i])
		}
	}
}

func checkTotal(t *testing.T, r *Result, want string) {
	t.Helper()
	if r.Total.StringFixed(2) != want {
		t.Errorf("%s total = %s, want %s", r.Vendor, r.Total.StringFixed(2), want)
	}
	sum := r.AfterHorizon
	for _, m := range r.Monthly {
		sum = sum.Add(m)
	}
	if !sum.Equal(r.Total) {
		t.Errorf("%s: monthly cash + after the horizon = %s, total %s", r.Vendor, sum, r.Total)
	}
}

// §7.3: online agents that start in July are a first purchase, a whole
// year from that day, paid that day: 5 × 999 = 4,995 (not 5 × 6 × 99.9 =
// 2,997 prorated to a term that never ran).
func TestTencentFirstPurchaseIsWholeYear(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Changes = []scenarios.Change{change("2027-07-01", func(c *scenarios.Change) { c.OnlineAgents = n64(5) })}
	})
	r := tencentBasic(t, s)
	checkTotal(t, r, "4995.00")
	checkPurchases(t, r, []purchase{{"2027-07-01", "online.basic.year", "5", "4995.00", "2028-06-30"}})
	if !r.Monthly[6].Equal(d("4995")) {
		t.Errorf("paid in %v, want July", r.Monthly)
	}
	if !strings.Contains(notesEN(r), "run past the horizon are paid in full") {
		t.Errorf("notes: %s", notesEN(r))
	}
}

// Seed 002's example: 5 users for 2 years = 9,990; 3 more with 1 year 6
// months left = 3 × 999 + 3 × 6 × 99.9 = 4,795.20; together 14,785.20.
// Bought a year at a time it costs the same: 5 × 999 = 4,995 on
// 2027-01-01; 3 added on 2027-07-01 with 6 months left = 3 × 6 × 99.9 =
// 1,798.20; 8 renewed on 2028-01-01 = 7,992: 14,785.20.
func TestTencentSeedExample(t *testing.T) {
	s := scenario(24, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 5
		s.Changes = []scenarios.Change{change("2027-07-01", func(c *scenarios.Change) { c.OnlineAgents = n64(8) })}
	})
	r := tencentBasic(t, s)
	checkTotal(t, r, "14785.20")
	checkPurchases(t, r, []purchase{
		{"2027-01-01", "online.basic.year", "5", "4995.00", "2027-12-31"},
		{"2027-07-01", "online.basic.year", "3", "1798.20", "2027-12-31"},
		{"2028-01-01", "online.basic.year", "8", "7992.00", "2028-12-31"},
	})
}

// Handcalc case 5(b), the seed's addition over one year: 5 users (4,995)
// and 3 added on 2027-07-01 with 6 months left (1,798.20): 6,793.20.
func TestTencentAdditionWithinAYear(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 5
		s.Changes = []scenarios.Change{change("2027-07-01", func(c *scenarios.Change) { c.OnlineAgents = n64(8) })}
	})
	checkTotal(t, tencentBasic(t, s), "6793.20")
}

// The seed's cap: 10 or 11 months left cost a full year. 2 users are
// sold as 3 (2,997); 5 from Mar 1 adds 2 with 10 months left: 2 × min(10 ×
// 99.9, 999) = 1,998. Total 4,995.
func TestTencentAdditionCapAndMinimum(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 2
		s.Changes = []scenarios.Change{change("2027-03-01", func(c *scenarios.Change) { c.OnlineAgents = n64(5) })}
	})
	r := tencentBasic(t, s)
	checkTotal(t, r, "4995.00")
	checkPurchases(t, r, []purchase{
		{"2027-01-01", "online.basic.year", "3", "2997.00", "2027-12-31"},
		{"2027-03-01", "online.basic.year", "2", "1998.00", "2027-12-31"},
	})
}

// §7.3: a robot bought alone is a full year (5,800), not prorated.
func TestTencentRobotAloneIsWholeYear(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Changes = []scenarios.Change{change("2027-07-01", func(c *scenarios.Change) { c.Bots = n64(1) })}
	})
	r := tencentBasic(t, s)
	checkTotal(t, r, "5800.00")
	checkPurchases(t, r, []purchase{{"2027-07-01", "robot.standard.year", "1", "5800.00", "2028-06-30"}})
}

// §7.3: a robot bought while online CS runs ends with it: 6 months left
// = 6 × 580 = 3,480; online 5 × 999 = 4,995; 12 months 8,475. Over 24
// months both renew together on 2028-01-01: + 4,995 + 5,800 = 19,270.
func TestTencentRobotAlignedWithOnline(t *testing.T) {
	for _, c := range []struct {
		months int
		total  string
		more   []purchase
	}{
		{12, "8475.00", nil},
		{24, "19270.00", []purchase{
			{"2028-01-01", "online.basic.year", "5", "4995.00", "2028-12-31"},
			{"2028-01-01", "robot.standard.year", "1", "5800.00", "2028-12-31"},
		}},
	} {
		s := scenario(c.months, func(s *scenarios.Scenario) {
			s.Demand.OnlineAgents = 5
			s.Changes = []scenarios.Change{change("2027-07-01", func(c *scenarios.Change) { c.Bots = n64(1) })}
		})
		r := tencentBasic(t, s)
		checkTotal(t, r, c.total)
		checkPurchases(t, r, append([]purchase{
			{"2027-01-01", "online.basic.year", "5", "4995.00", "2027-12-31"},
			{"2027-07-01", "robot.standard.year", "1", "3480.00", "2027-12-31"},
		}, c.more...))
	}
}

// Renewal when the need drops: only the units needed on the renewal day
// are renewed. 8 users (7,992), 4 from 2027-07-01 (no refund), renewed
// for 4 on 2028-01-01 (3,996); back to 8 on 2028-07-01: 4 added with 6
// months left = 4 × 6 × 99.9 = 2,397.60. Total 14,385.60.
func TestTencentRenewalAfterNeedDrops(t *testing.T) {
	s := scenario(24, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 8
		s.Changes = []scenarios.Change{
			change("2027-07-01", func(c *scenarios.Change) { c.OnlineAgents = n64(4) }),
			change("2028-07-01", func(c *scenarios.Change) { c.OnlineAgents = n64(8) }),
		}
	})
	r := tencentBasic(t, s)
	checkTotal(t, r, "14385.60")
	if l := r.Lines[0]; !l.Assumption || !strings.Contains(l.Note, "none refunded inside a term") {
		t.Errorf("line %s: note %q", l.Item, l.Note)
	}
	checkPurchases(t, r, []purchase{
		{"2027-01-01", "online.basic.year", "8", "7992.00", "2027-12-31"},
		{"2028-01-01", "online.basic.year", "4", "3996.00", "2028-12-31"},
		{"2028-07-01", "online.basic.year", "4", "2397.60", "2028-12-31"},
	})
}

// Nothing needed on the renewal day: the subscription lapses, and the
// need on 2028-03-01 is a first purchase again, a whole year: 4,995 × 2.
// A need that returns inside a paid term buys nothing.
func TestTencentLapseAndNewPurchase(t *testing.T) {
	s := scenario(24, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 5
		s.Changes = []scenarios.Change{
			change("2027-04-01", func(c *scenarios.Change) { c.OnlineAgents = n64(0) }),
			change("2027-10-01", func(c *scenarios.Change) { c.OnlineAgents = n64(5) }),
			change("2027-12-01", func(c *scenarios.Change) { c.OnlineAgents = n64(0) }),
			change("2028-03-01", func(c *scenarios.Change) { c.OnlineAgents = n64(5) }),
		}
	})
	r := tencentBasic(t, s)
	checkTotal(t, r, "9990.00")
	checkPurchases(t, r, []purchase{
		{"2027-01-01", "online.basic.year", "5", "4995.00", "2027-12-31"},
		{"2028-03-01", "online.basic.year", "5", "4995.00", "2029-02-28"},
	})
}

// §7.7: agent calls with no numbers need one; Tencent does not price it,
// so the need shows unpriced (never 0) until a quote is entered.
func TestTencentCallsNeedANumber(t *testing.T) {
	s := scenario(3, func(s *scenarios.Scenario) {
		s.Demand.PhoneAgents = 3
		s.Demand.InboundMinutesPerMonth = 1000
	})
	r := tencentBasic(t, s)
	if r.Complete || !contains(r.Unpriced, "phone.number.month") {
		t.Fatalf("unpriced %v, complete %v", r.Unpriced, r.Complete)
	}
	var num *Line
	for _, l := range r.Lines {
		if l.Item == "phone.number.month" {
			num = l
		}
	}
	if num == nil || num.Amount != nil || !num.Quantity.Equal(d("3")) || !num.Assumption || !strings.Contains(num.Note, "1 assumed") {
		t.Fatalf("number line %+v", num)
	}
	// Quoted at 30 a month: 3 number-months = 90; users 3 × 1,500 = 4,500;
	// minutes stay unpriced.
	s.Vendors[scenarios.Tencent] = scenarios.VendorSettings{Prices: map[string]decimal.Decimal{"phone.number.month": d("30")}}
	r = tencentBasic(t, s)
	for _, l := range r.Lines {
		if l.Item == "phone.number.month" && (l.Amount == nil || !l.Amount.Equal(d("90"))) {
			t.Errorf("quoted number line %v", l.Amount)
		}
	}
	checkTotal(t, r, "4590.00")
	if r.Complete || !contains(r.Unpriced, "phone.minute") {
		t.Errorf("minutes should stay unpriced: %v", r.Unpriced)
	}
}

// The addition formula on the seed's own numbers: 3 users with 1 year 6
// months left = 3 × 999 + 3 × 6 × 99.9 = 4,795.20 元.
func TestTencentAdditionFormula(t *testing.T) {
	eq(t, "addition", TencentAddition(d("999"), 3, 1, 6), d("4795.20"))
	y, m := RemainingYearsMonths(day("2027-07-01"), day("2029-01-01"))
	if y != 1 || m != 6 {
		t.Errorf("remaining = %d y %d m, want 1 y 6 m", y, m)
	}
}

func TestTencentAdditionCap(t *testing.T) {
	for _, c := range []struct {
		years, months int
		want          string
	}{
		{0, 0, "0"}, {0, 1, "99.9"}, {0, 9, "899.1"}, {0, 10, "999"}, {0, 11, "999"}, {1, 11, "1998"}, {2, 3, "2297.7"},
	} {
		eq(t, "addition", TencentAddition(d("999"), 1, c.years, c.months), d(c.want))
	}
}

func TestRemainingYearsMonths(t *testing.T) {
	for _, c := range []struct {
		from, to      string
		years, months int
	}{
		{"2027-01-01", "2028-01-01", 1, 0},
		{"2027-07-01", "2028-01-01", 0, 6},
		{"2027-07-15", "2028-01-01", 0, 6}, // 5 months 17 days: a started month counts
		{"2027-12-31", "2028-01-01", 0, 1},
		{"2028-01-01", "2028-01-01", 0, 0},
		{"2027-01-31", "2027-03-01", 0, 2}, // Jan 31 + 1 month = Feb 28, then 1 day more
		{"2027-01-01", "2030-01-01", 3, 0},
	} {
		y, m := RemainingYearsMonths(day(c.from), day(c.to))
		if y != c.years || m != c.months {
			t.Errorf("%s→%s = %dy%dm, want %dy%dm", c.from, c.to, y, m, c.years, c.months)
		}
	}
}

func notesEN(r *Result) string {
	var b strings.Builder
	for _, n := range r.Notes {
		b.WriteString(n.EN + " | ")
	}
	return b.String()
}

// 1,000 chats a day through 2027 need one standard robot (5,800) and
// 365,000 sessions: one 360k pack + one 120k pack = 3,600 + 1,600 = 5,200
// (three 120k packs would be 4,800 but cover only 360,000). Total 11,000.
// Packs are bought as the quota runs out, smallest first: the 120k pack on
// Jan 1 lasts 120 days, the 360k pack is bought on May 1.
func TestTencentRobotAndSessionPacks(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) { s.Demand.ChatsPerDay = 1000 })
	r := tencentBasic(t, s)
	checkTotal(t, r, "11000.00")
	checkPurchases(t, r, []purchase{
		{"2027-01-01", "sessions.120k", "1", "1600.00", ""},
		{"2027-01-01", "robot.standard.year", "1", "5800.00", "2027-12-31"},
		{"2027-05-01", "sessions.360k", "1", "3600.00", ""},
	})
}

// Handcalc case 5(c): a robot and 300 chats a day only from Apr 1, no
// online CS: the robot alone is a whole year (5,800, to 2028-03-31) and
// 275 × 300 = 82,500 sessions one 120k pack (1,600), both bought Apr 1.
func TestTencentRobotAloneFromApril(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Changes = []scenarios.Change{change("2027-04-01", func(c *scenarios.Change) { c.Bots, c.ChatsPerDay = n64(1), n64(300) })}
	})
	r := tencentBasic(t, s)
	checkTotal(t, r, "7400.00")
	checkPurchases(t, r, []purchase{
		{"2027-04-01", "sessions.120k", "1", "1600.00", ""},
		{"2027-04-01", "robot.standard.year", "1", "5800.00", "2028-03-31"},
	})
}

// A negotiated discount multiplies list prices: 5 users × 999 × 0.8 =
// 3,996.00.
func TestTencentDiscount(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.OnlineAgents = 5
		disc := d("0.8")
		s.Vendors[scenarios.Tencent] = scenarios.VendorSettings{Discount: &disc}
	})
	checkTotal(t, tencentBasic(t, s), "3996.00")
}

// The industry knowledge cloud (option) goes with the robot: one set a
// year while a robot is needed, 5,800 + 15,000 = 20,800 for 2027; without
// a robot none is bought, and the result says why.
func TestTencentKnowledgeCloudWithRobot(t *testing.T) {
	for _, c := range []struct {
		bots  int64
		total string
	}{{1, "25795.00"}, {0, "4995.00"}} {
		s := scenario(12, func(s *scenarios.Scenario) {
			s.Demand.Bots, s.Demand.OnlineAgents = c.bots, 5
			s.Vendors[scenarios.Tencent] = scenarios.VendorSettings{Options: map[string]bool{"tencent.knowledge-cloud": true}}
		})
		r := tencentBasic(t, s)
		checkTotal(t, r, c.total)
		if c.bots == 0 && !strings.Contains(notesEN(r), "no robot is needed here") {
			t.Errorf("notes: %s", notesEN(r))
		}
	}
}
