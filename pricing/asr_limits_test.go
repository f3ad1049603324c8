package pricing

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kefucost/scenarios"
)

// compareWithin is Compare that fails the test when it takes longer than
// limit (a hang is a failure, not a stuck test run).
func compareWithin(t *testing.T, s *scenarios.Scenario, limit time.Duration) (*Comparison, error) {
	t.Helper()
	type out struct {
		c   *Comparison
		err error
	}
	done := make(chan out, 1)
	go func() {
		c, err := Compare(s)
		done <- out{c, err}
	}()
	select {
	case o := <-done:
		return o.c, o.err
	case <-time.After(limit):
		t.Fatalf("Compare took more than %s", limit)
		return nil, nil
	}
}

// ASR requests of 10⁻⁹ s on average bill a whole second each (§7.2):
// 10⁹ times their length. 16 minutes a day are 960 s = 9.6·10¹¹ requests,
// 9.6·10¹¹ calls a day, 480,000 packs of 2,000,000 calls (10,000 元, the
// cheapest a call) each of the 1,096 days of 2027-01-01 … 2029-12-31:
// 526,080,000 packs, 5,260,800,000,000.00 元, bought on the day they are
// needed (§7.2): each day's 480,000 packs that day, not a year's worth on
// the first (same total, cash paid earlier; review R23). The computation
// follows the purchase days, whatever the volume (review B5).
func TestChatoperaTinyASRRequestsPricedInClosedForm(t *testing.T) {
	s := scenario(36, func(s *scenarios.Scenario) {
		s.Demand.ASRMinutesPerDay = 16
		s.Demand.ASRSecondsPerRequest = d("0.000000001")
	})
	c, err := compareWithin(t, s, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	r := vendor(t, c, scenarios.Chatopera)
	if want := d("5260800000000"); !r.Total.Equal(want) || !r.Complete {
		t.Errorf("Chatopera %s (complete %v), want %s", r.Total, r.Complete, want)
	}
	var packs int64
	for _, p := range r.Schedule {
		if p.Item != "pack.10000" {
			t.Errorf("bought %s %s on %s: want only 10,000 元 packs", p.Quantity, p.Item, p.Date)
		}
		packs += p.Quantity.IntPart()
	}
	if packs != 526_080_000 || len(r.Schedule) != 1096 {
		t.Errorf("%d packs in %d purchases, want 526,080,000 in 1,096 (each day's that day)", packs, len(r.Schedule))
	}
}

// Past 10¹² billed seconds a day (ASR requests of 10⁻⁹ s, an hour a day:
// 3.6·10¹² calls) the comparison is refused with one error naming the
// field that sets the request length, the demand's or a dated change's
// (review B5: it ran for ever, and past int64 the day's calls wrapped).
func TestTinyASRRequestsPastTheLimitAreRefusedNamingTheField(t *testing.T) {
	for _, tc := range []struct {
		name, field string
		edit        func(s *scenarios.Scenario)
	}{
		{"demand", "demand.asr_seconds_per_request", func(s *scenarios.Scenario) {
			s.Demand.ASRSecondsPerRequest = d("0.000000001")
		}},
		{"change", "changes[1].asr_seconds_per_request", func(s *scenarios.Scenario) {
			v, w := d("0.000000001"), int64(30)
			s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, 3, 1), ASRMinutesPerDay: &w}, {Date: scenarios.NewDate(2027, 6, 1), ASRSecondsPerRequest: &v}}
		}},
	} {
		s := scenario(120, func(s *scenarios.Scenario) {
			s.Demand.ASRMinutesPerDay = 60
			tc.edit(s)
		})
		_, err := compareWithin(t, s, 20*time.Second)
		var fes scenarios.FieldErrors
		if !errors.As(err, &fes) || len(fes) != 1 {
			t.Fatalf("%s: %v, want one field error", tc.name, err)
		}
		if fe := fes[0]; fe.Field != tc.field || fe.Key != scenarios.ErrASRTooShort || !strings.Contains(fe.Msg, "1,000,000,000,000 seconds a day") || len(fe.Args) != 2 {
			t.Errorf("%s: %+v, want %s refused as too short", tc.name, fe, tc.field)
		}
	}
	// The default length, at the most a scenario may state, is priced.
	s := scenario(120, func(s *scenarios.Scenario) { s.Demand.ASRMinutesPerDay = 100_000_000 })
	if _, err := compareWithin(t, s, 20*time.Second); err != nil {
		t.Errorf("10⁸ ASR minutes a day in 5 s requests: %v", err)
	}
}

// At volume the cheapest cover mixes pack kinds, bought as quota runs out:
// all the packs one day needs are bought at once, not one at a time
// (review B5: 10⁹ packs one by one ran for minutes). ASR requests of
// 0.01 s bill 1.000000000000 s each: 99,999,999 minutes a day are
// 599,999,994,000 calls a day, 2,191,799,978,082,000 over the 3,653 days
// of 2027-01-01 … 2036-12-31: 1,095,899,989 packs of 2,000,000 calls
// (10,000 元) and, for the last 82,000 calls, one of 100,000 (1,000 元):
// 10,958,999,891,000.00 元, the least any plan costs (the lower bound).
func TestChatoperaPacksAtVolumeBoughtADayAtATime(t *testing.T) {
	s := scenario(120, func(s *scenarios.Scenario) {
		s.Demand.ASRMinutesPerDay = 99_999_999
		s.Demand.ASRSecondsPerRequest = d("0.01")
	})
	c, err := compareWithin(t, s, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	r := vendor(t, c, scenarios.Chatopera)
	if want := d("10958999891000"); !r.Total.Equal(want) || !r.Complete {
		t.Errorf("Chatopera %s (complete %v), want %s", r.Total, r.Complete, want)
	}
	packs := map[string]int64{}
	for _, p := range r.Schedule {
		packs[p.Item] += p.Quantity.IntPart()
	}
	if packs["pack.10000"] != 1_095_899_989 || packs["pack.1000"] != 1 || len(packs) != 2 {
		t.Errorf("packs bought %v, want 1,095,899,989 of pack.10000 and 1 of pack.1000", packs)
	}
}
