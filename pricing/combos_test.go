package pricing

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"kefucost/scenarios"
)

const (
	Chatopera = scenarios.Chatopera
	Tencent   = scenarios.Tencent
	Huawei    = scenarios.Huawei
	Aliyun    = scenarios.Aliyun
)

// The parts used below, each from 2027-01-01 for 12 months, list prices
// (pricing-rules §1, §2, §4; the first three are the independent checker's
// cases in /work/helpers/handcalc.md):
//
//	bot, 300 chats a day × 1 message, 1 bot:
//	  Chatopera 2023-12 packs: 109,500 requests → pack.1000 + 2 × pack.100
//	    = 1,000 + 200 = 1,200.00 (handcalc 2a)
//	  Tencent: robot standard 5,800 + one 120k session pack 1,600 = 7,400.00
//	    (handcalc 1b; 109,500 sessions ≤ 120,000)
//	bot, 300 chats × 10 messages, 1 bot: Chatopera 3,000 requests a day,
//	  1,095,000 → 1 × pack.10000 = 10,000.00 (handcalc 1a); Tencent bills
//	  sessions, not messages: 7,400.00
//	online, 5 agents: Tencent basic 5 × 999 = 4,995.00 (minimum 3 users met);
//	  Huawei: seat.online.month unpriced
//	phone, 10 agents, no minutes, no numbers: Tencent phone standard
//	  10 × 1,500 = 15,000.00; Aliyun 10 seats × 1-year term 199 × 12 × 0.85
//	  = 2,029.80 each = 20,298.00 (12 monthly terms would be 23,880.00);
//	  Huawei: seat.basic.month unpriced
//	phone, 1 agent: Tencent minimum 3 users 3 × 1,500 = 4,500.00; Aliyun
//	  1 × 2,029.80 (handcalc 6a's term)
//	Tencent's robot bought with the online users on 2027-01-01 aligns with
//	  their term to 2027-12-31: 12 months = one whole year, 5,800.00 still.

func compareFile(t *testing.T, name string) *Comparison {
	t.Helper()
	c, err := Compare(loadBenchFile(t, "combos/"+name+".kefucost.json"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// combo writes a combination as "12395.00 bot=tencent-qidian online=tencent-qidian".
func combo(c Combination) string {
	var b strings.Builder
	b.WriteString(c.Total.StringFixed(2))
	for _, g := range Groups {
		if v := c.VendorFor(g.ID); v != "" {
			fmt.Fprintf(&b, " %s=%s", g.ID, v)
		}
	}
	return b.String()
}

func wantCombos(t *testing.T, c *Comparison, want ...string) {
	t.Helper()
	var got []string
	for _, cb := range c.Combinations {
		got = append(got, combo(cb))
	}
	if !slices.Equal(got, want) {
		t.Errorf("combinations:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// Two vendors needed: Chatopera for the bot, Tencent for online and phone.
func TestCombinationTwoVendorsCheapest(t *testing.T) {
	c := compareFile(t, "two-vendors")
	if !slices.Equal(c.Groups, []string{"bot", "online", "phone"}) {
		t.Errorf("groups %v", c.Groups)
	}
	wantCombos(t, c,
		"21195.00 bot=chatopera online=tencent-qidian phone=tencent-qidian",      // 1,200 + (4,995 + 15,000)
		"26493.00 bot=chatopera online=tencent-qidian phone=aliyun-icc",          // 1,200 + 4,995 + 20,298
		"27395.00 bot=tencent-qidian online=tencent-qidian phone=tencent-qidian", // 7,400 + 4,995 + 15,000
		"32693.00 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc",     // (7,400 + 4,995) + 20,298
	)
	// Cheapest single vendor keeps its meaning: Tencent, the only one that
	// covers everything, 27,395.00 — not the cheapest way to cover it.
	if c.Cheapest != Tencent {
		t.Errorf("cheapest %q", c.Cheapest)
	}
	best := c.BestCombination()
	if p := best.Parts[1]; p.Vendor != Tencent || !slices.Equal(p.Groups, []string{"online", "phone"}) || p.Result.Total.StringFixed(2) != "19995.00" {
		t.Errorf("Tencent's part: %s %v %s", p.Vendor, p.Groups, p.Result.Total)
	}
	// Tencent priced on online and phone alone buys no robot.
	for _, l := range best.Parts[1].Result.Lines {
		if strings.Contains(l.Item, "robot") || strings.Contains(l.Item, "session") {
			t.Errorf("Tencent's online+phone part bills %s", l.Item)
		}
	}
	// The part that takes every group is the vendor's own result.
	for _, cb := range c.Combinations {
		if len(cb.Parts) == 1 && cb.Parts[0].Result != c.vendor(Tencent) {
			t.Error("the single-vendor combination was priced again")
		}
	}
	// Huawei's seats are unpriced: every combination with Huawei is listed
	// apart, never ranked.
	for _, cb := range c.Combinations {
		for _, p := range cb.Parts {
			if p.Vendor == Huawei {
				t.Errorf("ranked with an unpriced part: %s", combo(cb))
			}
		}
	}
	if len(c.PartlyPriced) == 0 {
		t.Error("no partly priced combination (Huawei online/phone)")
	}
	for _, cb := range c.PartlyPriced {
		if cb.Complete || cb.VendorFor("online") != Huawei && cb.VendorFor("phone") != Huawei {
			t.Errorf("partly priced %s complete=%v", combo(cb), cb.Complete)
		}
	}
	// Monthly cash of the best: Chatopera's packs and Tencent's annual terms
	// are all paid in the first month here (pack.1000 lasts the year; the
	// two pack.100 are bought when needed).
	sum := best.Monthly[0]
	for _, m := range best.Monthly[1:] {
		sum = sum.Add(m)
	}
	if !sum.Equal(best.Total) {
		t.Errorf("monthly cash sums to %s, total %s", sum, best.Total)
	}
}

func (c *Comparison) vendor(id string) *Result {
	for _, r := range c.Vendors {
		if r.Vendor == id {
			return r
		}
	}
	return nil
}

// Three vendors needed: one phone agent is cheaper at Aliyun (1 seat) than
// at Tencent (3 users minimum).
func TestCombinationThreeVendors(t *testing.T) {
	c := compareFile(t, "three-vendors")
	wantCombos(t, c,
		"8224.80 bot=chatopera online=tencent-qidian phone=aliyun-icc",           // 1,200 + 4,995 + 2,029.80
		"10695.00 bot=chatopera online=tencent-qidian phone=tencent-qidian",      // 1,200 + (4,995 + 4,500)
		"14424.80 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc",     // (7,400 + 4,995) + 2,029.80
		"16895.00 bot=tencent-qidian online=tencent-qidian phone=tencent-qidian", // 7,400 + 4,995 + 4,500
	)
	if n := len(c.BestCombination().Parts); n != 3 {
		t.Errorf("best has %d parts", n)
	}
}

// A single vendor is the cheapest way: at 10 messages a chat Chatopera's
// bot costs 10,000.00 against Tencent's 7,400.00.
func TestCombinationSingleVendorCheapest(t *testing.T) {
	c := compareFile(t, "single-vendor")
	wantCombos(t, c,
		"12395.00 bot=tencent-qidian online=tencent-qidian", // 7,400 + 4,995
		"14995.00 bot=chatopera online=tencent-qidian",      // 10,000 + 4,995
	)
	if c.Cheapest != Tencent || c.BestCombination().Parts[0].Vendor != Tencent {
		t.Errorf("cheapest %q, best %s", c.Cheapest, combo(*c.BestCombination()))
	}
	// Aliyun serves none of the needs: it is in no combination.
	if r := c.vendor(Aliyun); len(r.Serves) != 0 || r.Covers {
		t.Errorf("Aliyun serves %v", r.Serves)
	}
}

// A tie goes to fewer vendors: Chatopera's 6,200.00 integration line makes
// its bot 1,200 + 6,200 = 7,400.00, the same as Tencent's.
func TestCombinationTieGoesToFewerVendors(t *testing.T) {
	c := compareFile(t, "tie")
	wantCombos(t, c,
		"12395.00 bot=tencent-qidian online=tencent-qidian", // 7,400 + 4,995, one vendor
		"12395.00 bot=chatopera online=tencent-qidian",      // (1,200 + 6,200) + 4,995, two
	)
}

// Equal totals: fewer vendors first; among as many vendors, the vendors'
// display order group by group (Chatopera, Tencent, Huawei, Aliyun), the
// order assignments are made in.
func TestCombinationTieStableOrder(t *testing.T) {
	s := loadBenchFile(t, "combos/three-vendors.kefucost.json")
	// A 2,470.20 own line on Aliyun makes its phone 2,029.80 + 2,470.20 =
	// 4,500.00, the same as Tencent's 3 × 1,500.
	s.Vendors = map[string]scenarios.VendorSettings{Aliyun: {Extras: []scenarios.Extra{{Name: "x", Amount: d("2470.20"), When: scenarios.ExtraOnce, Date: s.Start}}}}
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	wantCombos(t, c,
		"10695.00 bot=chatopera online=tencent-qidian phone=tencent-qidian",      // 1,200 + (4,995 + 4,500): 2 vendors
		"10695.00 bot=chatopera online=tencent-qidian phone=aliyun-icc",          // 1,200 + 4,995 + 4,500: 3 vendors
		"16895.00 bot=tencent-qidian online=tencent-qidian phone=tencent-qidian", // 7,400 + 4,995 + 4,500: 1 vendor
		"16895.00 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc",     // 12,395 + 4,500: 2 vendors
	)
}

// A pinned group: the buyer has decided on Tencent for the phones.
func TestCombinationPinnedGroup(t *testing.T) {
	c := compareFile(t, "pinned")
	wantCombos(t, c,
		"10695.00 bot=chatopera online=tencent-qidian phone=tencent-qidian", // 1,200 + (4,995 + 4,500)
		"16895.00 bot=tencent-qidian online=tencent-qidian phone=tencent-qidian",
	)
}

// A vendor left out of combinations is still compared on its own.
func TestCombinationVendorLeftOut(t *testing.T) {
	c := compareFile(t, "excluded")
	wantCombos(t, c,
		"14424.80 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc", // (7,400 + 4,995) + 2,029.80
		"16895.00 bot=tencent-qidian online=tencent-qidian phone=tencent-qidian",
	)
	if r := c.vendor(Chatopera); r == nil || r.Total.StringFixed(2) != "1200.00" {
		t.Errorf("Chatopera not compared on its own: %v", r)
	}
}

// The buyer's own lines change the winner: Chatopera's 1,000.00 once and
// 600.00 a month from 2027-02-15 (11 payments: 02-15 … 12-15 = 6,600.00)
// make its bot 1,200 + 1,000 + 6,600 = 8,800.00.
func TestCombinationExtrasChangeTheWinner(t *testing.T) {
	c := compareFile(t, "extras-change-winner")
	wantCombos(t, c,
		"27395.00 bot=tencent-qidian online=tencent-qidian phone=tencent-qidian", // 7,400 + 4,995 + 15,000
		"28795.00 bot=chatopera online=tencent-qidian phone=tencent-qidian",      // 8,800 + 19,995 (was 21,195 the winner)
		"32693.00 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc",     // 12,395 + 20,298
		"34093.00 bot=chatopera online=tencent-qidian phone=aliyun-icc",          // 8,800 + 4,995 + 20,298
	)
	r := c.vendor(Chatopera)
	if r.Total.StringFixed(2) != "8800.00" || r.ExtrasTotal.StringFixed(2) != "7600.00" {
		t.Errorf("Chatopera total %s, own lines %s", r.Total, r.ExtrasTotal)
	}
	var own []*Line
	for _, l := range r.Lines {
		if l.Buyer {
			own = append(own, l)
		}
	}
	if len(own) != 2 || own[0].Item != ExtraItem || own[0].Label != "实施费" || own[0].Amount.StringFixed(2) != "1000.00" ||
		own[1].Amount.StringFixed(2) != "6600.00" || own[1].Quantity.String() != "11" {
		t.Fatalf("own lines: %+v", own)
	}
	// Cash: 1,000 in January; 600 in each month from February.
	m := own[1].MonthlyCash()
	if !own[0].MonthlyCash()[0].Equal(d("1000")) || !m[0].IsZero() || !m[1].Equal(d("600")) || !m[11].Equal(d("600")) {
		t.Errorf("cash: %v %v", own[0].MonthlyCash(), m)
	}
	// The own lines are in the vendor's part of every combination, once.
	for _, cb := range c.Combinations {
		for _, p := range cb.Parts {
			if p.Vendor == Chatopera && p.Result.ExtrasTotal.StringFixed(2) != "7600.00" {
				t.Errorf("%s: Chatopera's part has own lines %s", combo(cb), p.Result.ExtrasTotal)
			}
		}
	}
}

// A group no vendor can serve leaves no combination and says why: AI voice
// seats only Aliyun sells, and Aliyun is switched off.
func TestCombinationGroupNoVendorServes(t *testing.T) {
	c := compareFile(t, "no-vendor")
	if len(c.Combinations) != 0 || len(c.PartlyPriced) != 0 || c.BestCombination() != nil {
		t.Errorf("combinations %d", len(c.Combinations))
	}
	if len(c.Gaps) != 1 {
		t.Fatalf("gaps %+v", c.Gaps)
	}
	g := c.Gaps[0]
	if g.Group != "phone" || !slices.Equal(g.Disabled, []string{Aliyun}) || len(g.Lacks) != 3 ||
		!slices.Equal(g.Lacks[0].Fields, []string{"ai_voice_seats"}) {
		t.Errorf("gap %+v", g)
	}
	if !strings.Contains(g.Why, "phone") || !strings.Contains(g.Why, "ai_voice_seats") || !strings.Contains(g.Why, "switched off") {
		t.Errorf("why: %s", g.Why)
	}
	// Left out instead of switched off, and pinned elsewhere.
	s := loadBenchFile(t, "combos/no-vendor.kefucost.json")
	s.Vendors = nil
	s.Combine.Exclude = []string{Aliyun}
	c2, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(c2.Gaps) != 1 || !slices.Equal(c2.Gaps[0].Excluded, []string{Aliyun}) || len(c2.Combinations) != 0 {
		t.Errorf("excluded: %+v", c2.Gaps)
	}
	s.Combine = scenarios.Combine{Pin: map[string]string{"phone": Huawei}}
	c3, _ := Compare(s)
	if len(c3.Gaps) != 1 || c3.Gaps[0].PinnedTo != Huawei || c3.Gaps[0].PinWhy != "uncovered" || !strings.Contains(c3.Gaps[0].Why, "pinned to Huawei") {
		t.Errorf("pinned: %+v", c3.Gaps)
	}
}

// Every demand need belongs to exactly one service group, and the groups
// are §7.10's.
func TestEveryNeedInOneGroup(t *testing.T) {
	in := map[string]int{}
	for _, g := range Groups {
		for _, f := range g.Fields {
			in[f]++
		}
	}
	for _, n := range needs(newTimeline(scenarios.New("x", scenarios.NewDate(2027, 1, 1)))) {
		if in[n.field] != 1 {
			t.Errorf("%s is in %d groups", n.field, in[n.field])
		}
	}
	if len(in) != 12 {
		t.Errorf("groups name %d fields", len(in))
	}
}

// A scenario reduced to some groups keeps only their needs, in the demand
// and in dated changes; the original is untouched.
func TestReducedScenarioKeepsOnlyItsGroups(t *testing.T) {
	s := loadBench(t)
	r := reduced(s, 1<<groupIndex("online"))
	if r.Demand.OnlineAgents != 25 || r.Demand.ChatsPerDay != 0 || r.Demand.PhoneAgents != 0 || r.Demand.MessagesPerChat != 3 {
		t.Errorf("demand %+v", r.Demand)
	}
	if len(r.Changes) != 1 || r.Changes[0].OnlineAgents == nil || r.Changes[0].PhoneAgents != nil {
		t.Errorf("changes %+v", r.Changes)
	}
	if s.Changes[0].PhoneAgents == nil || s.Demand.ChatsPerDay != 4000 || len(s.Changes) != 3 {
		t.Error("the original changed")
	}
}

// A pin names a known group (pricing's); a pin on a group the scenario
// does not need is said, not silently used.
func TestCombinePinGroups(t *testing.T) {
	s := loadBenchFile(t, "combos/single-vendor.kefucost.json")
	s.Combine.Pin = map[string]string{"voice": Aliyun}
	errs := Validate(s)
	if e := errs.For("combine.pin.voice"); e == nil || e.Key != scenarios.ErrChoice {
		t.Errorf("unknown group: %v", errs)
	}
	s.Combine.Pin = map[string]string{"phone": Aliyun}
	c, err := Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.CombineNotes) != 1 || !strings.Contains(c.CombineNotes[0].EN, "not used") || len(c.Combinations) != 2 {
		t.Errorf("notes %+v, %d combinations", c.CombineNotes, len(c.Combinations))
	}
}
