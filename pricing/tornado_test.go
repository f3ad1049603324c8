package pricing

import (
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// totalsOf compares a scenario edited by hand and returns each vendor's
// total and the cheapest way's.
func totalsOf(t *testing.T, s *scenarios.Scenario) (map[string]decimal.Decimal, decimal.Decimal) {
	t.Helper()
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]decimal.Decimal{}
	for _, r := range c.Vendors {
		out[r.Vendor] = r.Total
	}
	return out, c.BestCombination().Total
}

func swingOf(t *testing.T, tr *Tornado, in string) Swing {
	t.Helper()
	for _, sw := range tr.Swings {
		if sw.Input == in {
			return sw
		}
	}
	t.Fatalf("no swing for %s (left out: %v)", in, tr.LeftOut)
	return Swing{}
}

// checkSide: every vendor's delta on a side is the edited comparison's
// total minus the base's, and so is the cheapest way's.
func checkSide(t *testing.T, what string, side Side, base, edited map[string]decimal.Decimal, baseBest, editedBest decimal.Decimal) {
	t.Helper()
	for id, b := range base {
		st := side.Vendor(id)
		if st == nil {
			t.Fatalf("%s: no %s", what, id)
		}
		if want := edited[id].Sub(b); !st.Delta.Equal(want) || !st.Total.Equal(edited[id]) {
			t.Errorf("%s: %s delta %s (total %s), want %s (total %s)", what, id, st.Delta, st.Total, want, edited[id])
		}
	}
	if side.AnswerDelta == nil || !side.AnswerDelta.Equal(editedBest.Sub(baseBest)) {
		t.Errorf("%s: cheapest way's delta %v, want %s", what, side.AnswerDelta, editedBest.Sub(baseBest))
	}
}

// A tornado's deltas are the differences of two comparisons: the scenario
// and a copy edited by hand (the starting value and the dated change of
// the input, rounded as a buyer would).
func TestTornadoDeltaIsDifferenceOfTwoCompares(t *testing.T) {
	s := loadBench(t)
	tr, err := ComputeTornado(s, TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	base, baseBest := totalsOf(t, s)

	// chats_per_day 4000 (6000 from 2028-03-01): −20 % is 3200 (4800).
	low := s.Clone()
	low.Demand.ChatsPerDay = 3200
	v := int64(4800)
	low.Changes[1].ChatsPerDay = &v
	edited, best := totalsOf(t, low)
	sw := swingOf(t, tr, "chats_per_day")
	if !sw.Low.Value.Equal(decimal.NewFromInt(3200)) || !sw.High.Value.Equal(decimal.NewFromInt(4800)) {
		t.Errorf("chats_per_day sides %s and %s, want 3200 and 4800", sw.Low.Value, sw.High.Value)
	}
	checkSide(t, "chats −20 %", sw.Low, base, edited, baseBest, best)

	// phone_agents 40 (55 from 2027-07-15): +20 % is 48 (66).
	high := s.Clone()
	high.Demand.PhoneAgents = 48
	v = 66
	high.Changes[0].PhoneAgents = &v
	edited, best = totalsOf(t, high)
	checkSide(t, "phone agents +20 %", swingOf(t, tr, "phone_agents").High, base, edited, baseBest, best)

	// recorded_share 0.5: +20 % is 0.6 exactly.
	rec := s.Clone()
	rec.Demand.RecordedShare = decimal.RequireFromString("0.6")
	edited, best = totalsOf(t, rec)
	checkSide(t, "recorded +20 %", swingOf(t, tr, "recorded_share").High, base, edited, baseBest, best)
}

// Growth moves by ±5 points of its annual rate, converted to the monthly
// rate the file holds (not ±5 points a month, which is ±80 % a year): the
// bench's 0.02 a month is 26.82 % a year; 21.82 % and 31.82 % a year are
// 0.0165867805 and 0.0232920256 a month (12th roots to 10 places).
func TestTornadoGrowthFivePointsAYear(t *testing.T) {
	s := loadBench(t)
	tr, err := ComputeTornado(s, TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	base, baseBest := totalsOf(t, s)
	sw := swingOf(t, tr, GrowthField)
	for _, c := range []struct {
		side         Side
		want, annual string
	}{{sw.Low, "0.0165867805", "21.82"}, {sw.High, "0.0232920256", "31.82"}} {
		if !c.side.Value.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("growth side %s, want %s", c.side.Value, c.want)
		}
		if got := AnnualGrowth(c.side.Value).Shift(2).Round(2); !got.Equal(decimal.RequireFromString(c.annual)) {
			t.Errorf("growth side %s is %s %% a year, want %s", c.side.Value, got, c.annual)
		}
		e := s.Clone()
		e.Demand.GrowthPerMonth = decimal.RequireFromString(c.want)
		edited, best := totalsOf(t, e)
		checkSide(t, "growth "+c.want, c.side, base, edited, baseBest, best)
	}
	// At 0 growth is still varied: −5 % and +5 % a year.
	z := s.Clone()
	z.Demand.GrowthPerMonth = decimal.Zero
	tr, err = ComputeTornado(z, TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sw = swingOf(t, tr, GrowthField)
	if !sw.Low.Value.Equal(decimal.RequireFromString("-0.0042653188")) || !sw.High.Value.Equal(decimal.RequireFromString("0.0040741238")) {
		t.Errorf("growth from 0: sides %s and %s, want -0.0042653188 and 0.0040741238", sw.Low.Value, sw.High.Value)
	}
	// Other points: ±10 a year from 0.
	tr, err = ComputeTornado(z, TornadoOptions{GrowthPoints: decimal.RequireFromString("0.1")})
	if err != nil {
		t.Fatal(err)
	}
	sw = swingOf(t, tr, GrowthField)
	if !sw.Low.Value.Equal(decimal.RequireFromString("-0.0087416110")) || !sw.High.Value.Equal(decimal.RequireFromString("0.0079741404")) {
		t.Errorf("growth ±10 points from 0: sides %s and %s, want -0.0087416110 and 0.0079741404", sw.Low.Value, sw.High.Value)
	}
}

// The conversion is the exact compound rate both ways, and stays within
// the file's range −0.5 … 1 a month.
func TestMonthlyGrowthIsTheTwelfthRoot(t *testing.T) {
	for _, c := range []struct{ annual, monthly string }{
		{"0", "0"},
		{"0.05", "0.0040741238"},
		{"-0.05", "-0.0042653188"},
		{"0.2682417946", "0.02"}, // (1.02)¹² − 1 to 10 places
		{"-1", "-0.5"},           // no monthly rate reaches −100 % a year
		{"-0.9999", "-0.5"},      // below (0.5)¹² − 1 = −99.9756 %
		{"5000", "1"},            // above 2¹² − 1
	} {
		if got := MonthlyGrowth(decimal.RequireFromString(c.annual)); !got.Equal(decimal.RequireFromString(c.monthly)) {
			t.Errorf("MonthlyGrowth(%s) = %s, want %s", c.annual, got, c.monthly)
		}
	}
	if got := AnnualGrowth(decimal.RequireFromString("0.02")); !got.Equal(decimal.RequireFromString("0.268241794562545318301696")) {
		t.Errorf("AnnualGrowth(0.02) = %s, want 1.02¹² − 1 exactly", got)
	}
}

// flipScenario: 3 phone agents for 12 months, nothing else. Tencent bills
// at least 3 users (3 × 1,500 = 4,500.00); Aliyun's 1-year term seat is
// 199 × 12 × 0.85 = 2,029.80 a seat (6,089.40). At −20 % (2.4 → 2 agents)
// Tencent still bills 3 users, 4,500.00, and Aliyun costs 4,059.60: the
// ranking flips. At +20 % (3.6 → 4) Tencent 6,000.00 < Aliyun 8,119.20.
func flipScenario() *scenarios.Scenario {
	s := scenarios.New("flip", scenarios.NewDate(2027, 1, 1))
	s.Months = 12
	for _, f := range scenarios.CountFieldNames() {
		if f != "messages_per_chat" {
			s.Demand.SetCount(f, 0)
		}
	}
	s.Demand.PhoneAgents = 3
	return s
}

func TestTornadoMarksRankingFlip(t *testing.T) {
	s := flipScenario()
	tr, err := ComputeTornado(s, TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Base.Cheapest != Tencent || !tr.Base.BestCombination().Total.Equal(decimal.RequireFromString("4500")) {
		t.Fatalf("base: cheapest %s, want Tencent at 4,500.00", tr.Base.Cheapest)
	}
	sw := swingOf(t, tr, "phone_agents")
	if !sw.Low.Value.Equal(decimal.NewFromInt(2)) || !sw.High.Value.Equal(decimal.NewFromInt(4)) {
		t.Errorf("sides %s and %s, want 2 and 4 (3 × 0.8 = 2.4, 3 × 1.2 = 3.6, rounded)", sw.Low.Value, sw.High.Value)
	}
	if !sw.Low.RankChanged || sw.High.RankChanged {
		t.Errorf("ranking changed: low %v (want true), high %v (want false)", sw.Low.RankChanged, sw.High.RankChanged)
	}
	if a := sw.Low.Answer; a == nil || len(a.Parts) != 1 || a.Parts[0].Vendor != Aliyun || !a.Total.Equal(decimal.RequireFromString("4059.6")) {
		t.Errorf("−20 %%: cheapest way %+v, want Aliyun alone at 4,059.60", a)
	}
	want := map[string]string{Tencent: "0", Aliyun: "-2029.8"}
	for id, d := range want {
		st := sw.Low.Vendor(id)
		if st == nil || !st.Delta.Equal(decimal.RequireFromString(d)) || !st.Whole {
			t.Errorf("−20 %%: %s %+v, want whole delta %s", id, st, d)
		}
	}
	if d := sw.Low.AnswerDelta; d == nil || !d.Equal(decimal.RequireFromString("-440.4")) {
		t.Errorf("−20 %%: cheapest way's delta %v, want −440.40 (4,059.60 − 4,500.00)", d)
	}
	// The same flip by hand: the edited scenario's cheapest is Aliyun.
	e := flipScenario()
	e.Demand.PhoneAgents = 2
	c, err := Compare(e)
	if err != nil {
		t.Fatal(err)
	}
	if c.Cheapest != Aliyun {
		t.Errorf("2 agents by hand: cheapest %s, want Aliyun", c.Cheapest)
	}
}

// Inputs at 0 everywhere are left out (±20 % of 0 is 0), as are those
// qualifying volumes that are 0 (the call length without minutes); an
// input that is 0 at the start but set by a dated change is varied. A
// side rounding leaves as it was is not compared again.
func TestTornadoLeavesOutZeroInputs(t *testing.T) {
	s := flipScenario()
	v := int64(5)
	s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, 6, 1), OnlineAgents: &v}}
	tr, err := ComputeTornado(s, TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]string{}
	for _, l := range tr.LeftOut {
		why[l.Input] = l.Why
	}
	for in, want := range map[string]string{"chats_per_day": "zero", "bots": "zero", "recorded_share": "unused",
		"avg_call_minutes": "unused", "messages_per_chat": "unused", "asr_seconds_per_request": "unused"} {
		if why[in] != want {
			t.Errorf("%s left out as %q, want %q", in, why[in], want)
		}
	}
	var varied []string
	for _, sw := range tr.Swings {
		varied = append(varied, sw.Input)
	}
	if len(varied) != 3 || varied[0] != "online_agents" || varied[1] != "phone_agents" || varied[2] != GrowthField {
		t.Errorf("varied %v, want online_agents (set by a change), phone_agents, growth", varied)
	}
	// online_agents: 0 at the start, 5 from 2027-06-01: shown as the
	// dated value moved, 5 → 4 / 6 from 2027-06-01 (read "0 → 0 / 0").
	sw := swingOf(t, tr, "online_agents")
	if !sw.From.Equal(scenarios.NewDate(2027, 6, 1)) || !sw.Base.Equal(decimal.NewFromInt(5)) ||
		!sw.Low.Value.Equal(decimal.NewFromInt(4)) || !sw.High.Value.Equal(decimal.NewFromInt(6)) || sw.Low.Unchanged {
		t.Errorf("online agents: %s → %s / %s from %s (unchanged %v), want 5 → 4 / 6 from 2027-06-01", sw.Base, sw.Low.Value, sw.High.Value, sw.From, sw.Low.Unchanged)
	}
	// Two bots: 1.6 and 2.4 both round to 2: nothing compared, no delta.
	b := flipScenario()
	b.Demand.Bots = 2
	b.Demand.ChatsPerDay = 100
	tr, err = ComputeTornado(b, TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sw = swingOf(t, tr, "bots")
	for _, side := range []Side{sw.Low, sw.High} {
		if !side.Unchanged || side.RankChanged {
			t.Errorf("bots 2 ±20 %%: unchanged %v, rank changed %v", side.Unchanged, side.RankChanged)
		}
		for _, st := range side.Vendors {
			if !st.Delta.IsZero() {
				t.Errorf("bots 2 ±20 %%: %s delta %s", st.Vendor, st.Delta)
			}
		}
	}
}

// A vendor that does not cover everything has its delta marked: not
// Whole, never a ranked change.
func TestTornadoPartialNotWhole(t *testing.T) {
	s := flipScenario()
	s.Demand.ChatsPerDay = 300
	s.Demand.Bots = 1
	tr, err := ComputeTornado(s, TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sw := range tr.Swings {
		for _, side := range []Side{sw.Low, sw.High} {
			for _, st := range side.Vendors {
				var b *Result
				for _, r := range tr.Base.Vendors {
					if r.Vendor == st.Vendor {
						b = r
					}
				}
				if want := b.Complete && b.Covers && st.Complete && st.Covers; st.Whole != want {
					t.Errorf("%s %s: whole %v, want %v", sw.Input, st.Vendor, st.Whole, want)
				}
				if st.Vendor == Chatopera && st.Whole {
					t.Errorf("Chatopera serves no phone: its delta cannot be whole")
				}
			}
		}
	}
}

// BenchmarkTornado36Months: every input of the 36-month busy scenario
// down and up (33 comparisons with combinations), as the sensitivity
// view asks. Budget (issue 11): 100 ms.
func BenchmarkTornado36Months(b *testing.B) {
	s := loadBench(b)
	b.ReportAllocs()
	for b.Loop() {
		tr, err := ComputeTornado(s, TornadoOptions{})
		if err != nil || len(tr.Swings) < 15 {
			b.Fatal(err, len(tr.Swings))
		}
	}
}

// Every side's totals are those of a full Compare of the moved scenario:
// the tornado reuses the base's results for vendors and parts the input
// does not reach, and this guards that reuse (and the totals-only
// pricing) on every input of the busy scenario, net of VAT too.
func TestTornadoSidesEqualFullCompare(t *testing.T) {
	s := loadBench(t)
	nets := []bool{false, true}
	if testing.Short() { // make race: one tornado is enough to see races
		nets = nets[:1]
	}
	for _, net := range nets {
		tr, err := ComputeTornado(s, TornadoOptions{NetOfVAT: net})
		if err != nil {
			t.Fatal(err)
		}
		for _, sw := range tr.Swings {
			for k, side := range []Side{sw.Low, sw.High} {
				if side.Unchanged {
					continue
				}
				e := s.Clone()
				if sw.Input == GrowthField {
					e.Demand.GrowthPerMonth = side.Value
				} else {
					f := decimal.RequireFromString([]string{"0.8", "1.2"}[k])
					e, _, _ = moved(s, sw.Input, scaler(sw.Input, f))
				}
				c, err := Compare(e)
				if err != nil {
					t.Fatal(err)
				}
				if net {
					c = c.WithoutVAT()
				}
				for _, r := range c.Vendors {
					if st := side.Vendor(r.Vendor); st == nil || !st.Total.Equal(r.Total) || st.Complete != r.Complete || st.Covers != r.Covers {
						t.Errorf("net %v %s side %d: %s %+v, full Compare %s", net, sw.Input, k, r.Vendor, st, r.Total)
					}
				}
				if side.RankChanged != (rankKey(c) != rankKey(tr.Base)) {
					t.Errorf("net %v %s side %d: ranking changed %v, full Compare says %v", net, sw.Input, k, side.RankChanged, !side.RankChanged)
				}
				if !side.Answer.Total.Equal(c.BestCombination().Total) {
					t.Errorf("net %v %s side %d: cheapest way %s, full Compare %s", net, sw.Input, k, side.Answer.Total, c.BestCombination().Total)
				}
			}
		}
	}
}

// recordedFrom is 2 months of 10,000 inbound minutes a month in fixed
// 1-minute calls (billed as talked), one phone agent, recorded_share 0
// and then share from 2027-02-01 (a dated decimal change).
func recordedFrom(share string) *scenarios.Scenario {
	s := flipScenario()
	s.Months = 2
	s.Demand.PhoneAgents = 1
	s.Demand.InboundMinutesPerMonth = 10_000
	s.Demand.AvgCallMinutes, s.Demand.CallLength = decimal.NewFromInt(1), scenarios.CallFixed
	v := decimal.RequireFromString(share)
	s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, 2, 1), RecordedShare: &v}}
	return s
}

// aliyunDelta is Aliyun's delta on a side.
func aliyunDelta(t *testing.T, side Side) decimal.Decimal {
	t.Helper()
	st := side.Vendor(scenarios.Aliyun)
	if st == nil {
		t.Fatal("no Aliyun on the side")
	}
	return st.Delta
}

// A dated decimal change is moved like the starting value: recorded_share
// 0.5 from February, ±20 % = 0.4 / 0.6. Aliyun records at 0.05 元 a
// minute: February's 10,000 minutes × 0.5 × 0.05 = 250.00; × 0.4 = 200.00
// (−50.00), × 0.6 = 300.00 (+50.00). Were the change left as it was, both
// deltas would be 0.
func TestTornadoMovesADatedDecimalChange(t *testing.T) {
	tr, err := ComputeTornado(recordedFrom("0.5"), TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sw := swingOf(t, tr, "recorded_share")
	if !sw.From.Equal(scenarios.NewDate(2027, 2, 1)) || sw.Base.String() != "0.5" || sw.Low.Value.String() != "0.4" || sw.High.Value.String() != "0.6" {
		t.Errorf("recorded_share %s → %s / %s from %s, want 0.5 → 0.4 / 0.6 from 2027-02-01", sw.Base, sw.Low.Value, sw.High.Value, sw.From)
	}
	if lo, hi := aliyunDelta(t, sw.Low), aliyunDelta(t, sw.High); lo.String() != "-50" || hi.String() != "50" {
		t.Errorf("Aliyun's deltas %s / %s, want -50.00 / +50.00", lo, hi)
	}
}

// A share moved past 1 is held at 1, and the side says so: 0.9 from
// February + 20 % = 1.08 → 1 (Clamped): 10,000 × 1 × 0.05 = 500.00 against
// 450.00, +50.00 (not +90.00); −20 % = 0.72: 360.00, −90.00.
func TestTornadoCapsAShareAtOne(t *testing.T) {
	tr, err := ComputeTornado(recordedFrom("0.9"), TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sw := swingOf(t, tr, "recorded_share")
	if sw.High.Value.String() != "1" || !sw.High.Clamped || sw.Low.Clamped || sw.Low.Value.String() != "0.72" {
		t.Errorf("recorded_share 0.9: high %s (clamped %v), low %s (clamped %v); want 1 clamped, 0.72", sw.High.Value, sw.High.Clamped, sw.Low.Value, sw.Low.Clamped)
	}
	if lo, hi := aliyunDelta(t, sw.Low), aliyunDelta(t, sw.High); lo.String() != "-90" || hi.String() != "50" {
		t.Errorf("Aliyun's deltas %s / %s, want -90.00 / +50.00", lo, hi)
	}
}

// avg_call_minutes 550 + 20 % = 660 is past the 600 a scenario may state:
// held at 600 (Clamped) instead of failing the whole tornado.
func TestTornadoHoldsCallLengthToItsLimit(t *testing.T) {
	s := recordedFrom("0.5")
	s.Demand.AvgCallMinutes = decimal.NewFromInt(550)
	tr, err := ComputeTornado(s, TornadoOptions{})
	if err != nil {
		t.Fatalf("tornado failed: %v", err)
	}
	sw := swingOf(t, tr, "avg_call_minutes")
	if sw.High.Value.String() != "600" || !sw.High.Clamped || sw.Low.Value.String() != "440" || sw.Low.Clamped {
		t.Errorf("avg_call_minutes 550: %s (clamped %v) / %s (clamped %v), want 440 / 600 clamped", sw.Low.Value, sw.Low.Clamped, sw.High.Value, sw.High.Clamped)
	}
}

// With a share over 0.5 a need of 1 moves to 0 (1 × 0.4 → 0): a vendor
// that cannot serve it (kept from the base, not priced again) covers that
// side. The side must equal a full Compare (it kept the base's "does not
// cover").
func TestTornadoLargeShareCoverageEqualsCompare(t *testing.T) {
	s := flipScenario()
	s.Demand.PhoneAgents = 1
	s.Demand.Bots, s.Demand.ChatsPerDay = 1, 100
	f := decimal.RequireFromString("0.6")
	tr, err := ComputeTornado(s, TornadoOptions{Share: f})
	if err != nil {
		t.Fatal(err)
	}
	sw := swingOf(t, tr, "phone_agents")
	if !sw.Low.Value.IsZero() {
		t.Fatalf("phone_agents 1 − 60 %% = %s, want 0", sw.Low.Value)
	}
	e, _, _ := moved(s, "phone_agents", scaler("phone_agents", decimal.NewFromInt(1).Sub(f)))
	c, err := Compare(e)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Vendors {
		if st := sw.Low.Vendor(r.Vendor); st == nil || st.Covers != r.Covers || st.Complete != r.Complete || !st.Total.Equal(r.Total) {
			t.Errorf("%s: side %+v, Compare covers %v complete %v %s", r.Vendor, st, r.Covers, r.Complete, r.Total)
		}
	}
	if sw.Low.RankChanged != (rankKey(c) != rankKey(tr.Base)) {
		t.Errorf("ranking changed %v, full Compare says otherwise", sw.Low.RankChanged)
	}
}

// A side whose amounts would pass MaxAmount is that side's, not the
// chart's (review B3): the side is marked Refused with the field error
// naming the quote (translated where shown: wording.FileError), every
// other side and input is kept and computed. 8·10⁹ minutes a month × 12 ×
// 10,000 元 is 960,000,000,000,000 元; 20 % more minutes pass 10¹⁵, and so
// do calls of 0.8 or 1.2 minutes (each billed as 1 or 2 whole minutes:
// 1.25 and 1.67 times the minutes).
func TestTornadoSideTooLargeIsMarkedTheRestKept(t *testing.T) {
	s := hugeQuote()
	s.Demand.InboundMinutesPerMonth = 8_000_000_000
	s.Demand.AvgCallMinutes, s.Demand.CallLength = decimal.NewFromInt(1), scenarios.CallFixed
	s.Vendors[scenarios.Tencent].Prices["phone.minute"] = decimal.NewFromInt(10_000)
	tr, err := ComputeTornado(s, TornadoOptions{})
	if err != nil {
		t.Fatalf("tornado refused whole: %v", err)
	}
	refused, computed := 0, 0
	for _, sw := range tr.Swings {
		for k, side := range []Side{sw.Low, sw.High} {
			switch {
			case side.Refused != nil:
				refused++
				if (sw.Input != "inbound_minutes_per_month" || k != 1) && sw.Input != "avg_call_minutes" {
					t.Errorf("%s side %d refused: %v", sw.Input, k, side.Refused)
				}
				if fe := side.Refused; fe.Field != `vendors.tencent-qidian.prices["phone.minute"]` || fe.Key != scenarios.ErrAmountTooLarge {
					t.Errorf("refused side: %+v, want the minute quote's field error", fe)
				}
				if len(side.Vendors) != 0 || side.Answer != nil || side.RankChanged {
					t.Errorf("refused side carries totals: %+v", side)
				}
			case !side.Unchanged:
				computed++
				if side.Vendor(scenarios.Tencent) == nil {
					t.Errorf("%s side %d: no Tencent total", sw.Input, k)
				}
			}
		}
	}
	if refused != 3 || computed == 0 {
		t.Errorf("%d sides refused, %d computed: want the three sides past the limit refused, the rest computed", refused, computed)
	}
	// The low side of the same input is an ordinary comparison.
	for _, sw := range tr.Swings {
		if sw.Input == "inbound_minutes_per_month" {
			c := *s
			c.Demand.InboundMinutesPerMonth = 6_400_000_000
			want, err := Compare(&c)
			if err != nil {
				t.Fatal(err)
			}
			if got := sw.Low.Vendor(scenarios.Tencent); got == nil || !got.Total.Equal(vendor(t, want, scenarios.Tencent).Total) {
				t.Errorf("low side %+v, Compare %s", got, vendor(t, want, scenarios.Tencent).Total)
			}
		}
	}
}

// A break-even point past a limit is that point's (review B3b): marked
// Refused with the field error, the other points computed as Compare
// computes them; only when no point is left is the sweep refused.
func TestSweepPointTooLargeIsMarkedTheRestKept(t *testing.T) {
	s := hugeQuote()
	s.Demand.AvgCallMinutes, s.Demand.CallLength = decimal.NewFromInt(1), scenarios.CallFixed
	s.Vendors[scenarios.Tencent].Prices["phone.minute"] = decimal.NewFromInt(10_000)
	// 12 months × 10,000 元: past 8,333,333,333 minutes a month the
	// minutes alone pass 10¹⁵ 元.
	values := []int64{1_000_000, 5_000_000_000, 9_000_000_000}
	pts, err := Sweep(s, "inbound_minutes_per_month", values)
	if err != nil {
		t.Fatalf("sweep refused whole: %v", err)
	}
	for i, p := range pts {
		if p.Value != values[i] {
			t.Errorf("point %d: value %d, want %d", i, p.Value, values[i])
		}
		if i == 2 {
			if p.Refused == nil || p.Refused.Field != `vendors.tencent-qidian.prices["phone.minute"]` || p.Refused.Key != scenarios.ErrAmountTooLarge || len(p.Vendors) != 0 {
				t.Errorf("point past the limit: %+v, want it refused naming the minute quote", p)
			}
			continue
		}
		c := *s
		c.Demand.InboundMinutesPerMonth = p.Value
		want, err := Compare(&c)
		if err != nil {
			t.Fatal(err)
		}
		var got *SweepTotal
		for j := range p.Vendors {
			if p.Vendors[j].Vendor == scenarios.Tencent {
				got = &p.Vendors[j]
			}
		}
		if p.Refused != nil || got == nil || !got.Total.Equal(vendor(t, want, scenarios.Tencent).Total) {
			t.Errorf("point %d: %+v, Compare %s", p.Value, p, vendor(t, want, scenarios.Tencent).Total)
		}
	}
	if _, err := Sweep(s, "inbound_minutes_per_month", values[2:]); err == nil {
		t.Errorf("a sweep with every point past the limit: no error")
	}
}
