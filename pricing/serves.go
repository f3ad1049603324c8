package pricing

import (
	"strings"

	"kefucost/scenarios"
)

// Which demand an item is bought for. The vendors panel lists the
// unpriced items a scenario needs with the need each serves ("电话坐席
// 8 人 → 基础型座席"): that knowledge is the engine's (each vendor's rules
// below buy seats for agents, minutes for call minutes, packs for chats),
// so it is kept here, next to the rules, and the wording only words it.
// TestItemDemandIsWhatTheEngineBuysFor checks it against the lines the
// engine leaves unpriced for real scenarios: every unpriced item names at
// least one demand the scenario asks for.

// itemDemand: by the start of an item's id (the catalogs name items by
// what they are: "seat.basic.month", "phone.minute", "pack.1000"), the
// demand fields it is bought for; the first match counts.
var itemDemand = []struct {
	prefix string
	fields []string
}{
	{"seat.online", []string{"online_agents"}},
	{"online.", []string{"online_agents"}},
	// Aliyun's AI seats also carry the outbound robot calls (at least
	// the lines their minutes need, aiSeatsForOutbound).
	{"seat.ai", []string{"ai_voice_seats", "robot_minutes_per_month"}},
	{"seat.", []string{"phone_agents"}},
	{"phone.standard", []string{"phone_agents"}},
	{"phone.enterprise", []string{"phone_agents"}},
	{"phone.number", []string{"phone_numbers"}},
	{"number.", []string{"phone_numbers"}},
	{"phone.minute", []string{"inbound_minutes_per_month", "outbound_minutes_per_month"}},
	{"call.", []string{"inbound_minutes_per_month", "outbound_minutes_per_month"}},
	{"voice.minute", []string{"inbound_minutes_per_month", "outbound_minutes_per_month"}},
	{"ivr.smart", []string{"robot_minutes_per_month", "ivr_channels"}},
	{"ivr.", []string{"ivr_channels"}},
	{"tts.", []string{"ivr_channels"}},
	{"asr.", []string{"asr_channels", "asr_minutes_per_day"}},
	// Aliyun's robot call minutes and their AI fee are robot minutes;
	// Tencent's robot.* are bots.
	{"robot.voice.", []string{"robot_minutes_per_month"}},
	{"robot.ai.", []string{"robot_minutes_per_month"}},
	{"robot.", []string{"bots"}},
	{"sessions.", []string{"chats_per_day"}},
	{"pack.", []string{"chats_per_day", "asr_minutes_per_day"}},
}

// ItemDemand lists the demand fields (scenario demand names, such as
// "phone_agents") item is bought for; nil for an item bought for no
// demand of its own (an option, a one-off fee).
func ItemDemand(item string) []string {
	for _, s := range itemDemand {
		if strings.HasPrefix(item, s.prefix) {
			return s.fields
		}
	}
	return nil
}

// PeakDemand is the largest value each demand field takes over s's
// horizon as the engine prices it: volumes grown month by month
// (growth_per_month) from the last value set, dated changes applied.
// Fields never above 0 are left out; ASR per day is in minutes. s must be
// valid (one Compare accepted).
func PeakDemand(s *scenarios.Scenario) map[string]int64 {
	out := map[string]int64{}
	for _, n := range needs(newTimeline(s)) {
		v := n.v
		if n.field == "asr_minutes_per_day" {
			v /= 60 // the timeline keeps seconds
		}
		if v > 0 {
			out[n.field] = v
		}
	}
	return out
}
