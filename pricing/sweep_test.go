package pricing

import (
	"testing"

	"kefucost/scenarios"
)

// Every sweep point must equal a full Compare of the same scenario, for
// every field the window's break-even picker offers (messages_per_chat,
// a need of no vendor's own, was priced once and drawn flat).
func TestSweepMatchesCompare(t *testing.T) {
	base := loadBench(t)
	for _, field := range scenarios.CountFieldNames() {
		values := []int64{0, 1, 250, 5000}
		if field == "messages_per_chat" {
			values = []int64{1, 2, 5, 40}
		}
		pts, err := Sweep(base, field, values)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range values {
			s := *base
			s.Demand.SetCount(field, v)
			c, err := Compare(&s)
			if err != nil {
				t.Fatal(err)
			}
			if pts[i].Cheapest != c.Cheapest || len(pts[i].Vendors) != len(c.Vendors) {
				t.Fatalf("%s=%d: cheapest %q vs %q", field, v, pts[i].Cheapest, c.Cheapest)
			}
			for j, r := range c.Vendors {
				st := pts[i].Vendors[j]
				if st.Vendor != r.Vendor || !st.Total.Equal(r.Total) || st.Plan != r.Plan || st.Complete != r.Complete || st.Covers != r.Covers {
					t.Errorf("%s=%d %s: sweep %+v, compare %s %s %v %v", field, v, r.Vendor, st, r.Plan, r.Total, r.Complete, r.Covers)
				}
			}
		}
	}
}

func TestSweepRejectsUnknownField(t *testing.T) {
	if _, err := Sweep(loadBench(t), "avg_call_minutes", []int64{1}); err == nil {
		t.Fatal("want an error for a field that is not a whole-number count")
	}
	if _, err := Sweep(loadBench(t), "chats_per_day", []int64{-5}); err == nil {
		t.Fatal("want an error for a negative value")
	}
	if got := SweepValues(0, 10, 3); len(got) != 3 || got[0] != 0 || got[1] != 5 || got[2] != 10 {
		t.Fatalf("SweepValues = %v", got)
	}
	_ = scenarios.Chatopera
}

// A vendor that cannot serve the swept field does not cover a point whose
// value is 0 when a dated change asks for the field later: Chatopera
// (bots only) swept over phone_agents 0 with 5 phone agents from
// 2027-07-01 was shown as covering, and could be named cheapest.
func TestSweepCoverageFollowsDatedChanges(t *testing.T) {
	s := scenario(12, func(s *scenarios.Scenario) {
		s.Demand.Bots = 1
		s.Demand.ChatsPerDay = 100
		five := int64(5)
		s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, 7, 1), PhoneAgents: &five}}
	})
	pts, err := Sweep(s, "phone_agents", []int64{0, 3})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []int64{0, 3} {
		sc := *s
		sc.Demand.PhoneAgents = v
		c, err := Compare(&sc)
		if err != nil {
			t.Fatal(err)
		}
		for j, r := range c.Vendors {
			st := pts[i].Vendors[j]
			if st.Covers != r.Covers || st.Complete != r.Complete || !st.Total.Equal(r.Total) {
				t.Errorf("phone_agents=%d %s: sweep covers %v complete %v %s; compare %v %v %s", v, r.Vendor, st.Covers, st.Complete, st.Total, r.Covers, r.Complete, r.Total)
			}
			if r.Vendor == scenarios.Chatopera && st.Covers {
				t.Errorf("phone_agents=%d: Chatopera shown covering phone agents needed from 2027-07-01", v)
			}
		}
		if pts[i].Cheapest != c.Cheapest {
			t.Errorf("phone_agents=%d: sweep cheapest %q, compare %q", v, pts[i].Cheapest, c.Cheapest)
		}
	}
}
