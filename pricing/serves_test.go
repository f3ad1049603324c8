package pricing

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// Every item the engine leaves unpriced for a scenario is bought for a
// demand that scenario asks for, as ItemDemand says: the vendors panel's
// "电话坐席 8 人 → 基础型座席" names a real need, never one the scenario
// does not have.
func TestItemDemandIsWhatTheEngineBuysFor(t *testing.T) {
	files := []string{"testdata/typical-contact-centre.kefucost.json", "testdata/bench-36m.kefucost.json"}
	for _, name := range []string{"mixed-spec-example", "aliyun-numbers-tiers", "huawei-inbound-numbers", "huawei-outbound-calls", "tencent-robot-sessions", "chatopera-asr", "aliyun-seats-12m"} {
		files = append(files, "../app/cli/testdata/scenarios/"+name+".kefucost.json")
	}
	checked := 0
	for _, file := range files {
		s, err := scenarios.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.Vendors {
			for _, item := range r.Unpriced {
				fields := ItemDemand(item)
				used := false
				for _, f := range fields {
					if v, ok := s.Demand.Count(f); ok && v > 0 {
						used = true
					}
					if v, ok := s.Demand.Decimal(f); ok && v.IsPositive() {
						used = true
					}
				}
				if !used {
					t.Errorf("%s: %s %s serves %v, none of which the scenario asks for", file, r.Vendor, item, fields)
				}
				checked++
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d unpriced items checked: the scenarios no longer leave items unpriced", checked)
	}
}

// Aliyun's robot call minutes and their AI interaction fee are bought for
// robot minutes, not for bots (the "robot." start of Tencent's robots);
// each item of every catalog names the demand it is bought for.
func TestItemDemandByItem(t *testing.T) {
	for item, want := range map[string]string{
		"robot.voice.minute":       "robot_minutes_per_month",
		"robot.ai.inbound.minute":  "robot_minutes_per_month",
		"robot.ai.outbound.minute": "robot_minutes_per_month",
		"robot.standard.year":      "bots",
		"seat.human.month":         "phone_agents",
		"seat.ai.month":            "ai_voice_seats",
		"seat.online.month":        "online_agents",
		"voice.minute":             "inbound_minutes_per_month",
		"number.month":             "phone_numbers",
	} {
		if got := ItemDemand(item); len(got) == 0 || got[0] != want {
			t.Errorf("ItemDemand(%q) = %v, want %s first", item, got, want)
		}
	}
}

// PeakDemand is the engine's: chats grow 10 % a month from 1,000 a day,
// so month 12 of a 12-month horizon has round(1000 × 1.1^11) = 2,853, and
// ASR round(120 × 1.1^11) = 342 minutes a day; a dated change to 12
// phone agents is the phone agents' peak; seats do not grow.
func TestPeakDemandGrowsAndChanges(t *testing.T) {
	s := scenarios.New("t", scenarios.NewDate(2027, time.January, 1))
	s.Months = 12
	d := &s.Demand
	d.ChatsPerDay, d.ASRMinutesPerDay, d.PhoneAgents = 1000, 120, 8
	d.GrowthPerMonth = decimal.RequireFromString("0.1")
	d.OnlineAgents, d.Bots, d.AIVoiceSeats, d.PhoneNumbers, d.IVRChannels, d.ASRChannels = 0, 0, 0, 0, 0, 0
	d.InboundMinutesPerMonth, d.OutboundMinutesPerMonth, d.RobotMinutesPerMonth = 0, 0, 0
	twelve := int64(12)
	s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2027, time.June, 1), PhoneAgents: &twelve}}
	got := PeakDemand(s)
	want := map[string]int64{"chats_per_day": 2853, "asr_minutes_per_day": 342, "phone_agents": 12}
	if len(got) != len(want) {
		t.Errorf("peaks %v, want %v", got, want)
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("peak %s = %d, want %d", f, got[f], w)
		}
	}
}
