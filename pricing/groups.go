package pricing

import (
	"kefucost/scenarios"
)

// Group is a service group (pricing-rules §7.10): a part of the service a
// buyer may take from its own vendor. Fields are the demand fields (as in
// the scenario file) that belong to it; every demand need is in exactly
// one group.
type Group struct {
	ID     string
	Name   string // Chinese, as a buyer says it: "机器人"
	NameEN string
	Fields []string
}

// Group ids, as in the scenario file's combine.pin.
const (
	GroupBot    = "bot"
	GroupOnline = "online"
	GroupPhone  = "phone"
)

// Groups are the service groups, in the order combinations name them. This
// is the one place that says which need belongs to which group.
var Groups = []Group{
	{ID: GroupBot, Name: "机器人", NameEN: "bot", Fields: []string{"chats_per_day", "bots", "asr_minutes_per_day", "asr_channels"}},
	{ID: GroupOnline, Name: "在线客服", NameEN: "online chat", Fields: []string{"online_agents"}},
	{ID: GroupPhone, Name: "电话", NameEN: "phone", Fields: []string{"phone_agents", "ai_voice_seats", "phone_numbers",
		"inbound_minutes_per_month", "outbound_minutes_per_month", "robot_minutes_per_month", "ivr_channels"}},
}

// GroupByID returns the group with id, or nil.
func GroupByID(id string) *Group {
	for i := range Groups {
		if Groups[i].ID == id {
			return &Groups[i]
		}
	}
	return nil
}

// groupSet is a set of groups by their index in Groups.
type groupSet uint8

func (g groupSet) has(i int) bool { return g&(1<<i) != 0 }

// ids lists the set's group ids in Groups order.
func (g groupSet) ids() []string {
	var out []string
	for i := range Groups {
		if g.has(i) {
			out = append(out, Groups[i].ID)
		}
	}
	return out
}

// need is one demand requirement and its largest value over the horizon.
type need struct {
	field string
	v     int64
}

// needs are the scenario's requirements with their peaks; a requirement
// with a peak of 0 is not asked for.
func needs(t *timeline) []need {
	p := &t.peak
	return []need{
		{"chats_per_day", p.chats}, {"bots", p.bots}, {"asr_minutes_per_day", p.asrSec},
		{"online_agents", p.online}, {"phone_agents", p.phone}, {"ai_voice_seats", p.ai},
		{"phone_numbers", p.numbers}, {"inbound_minutes_per_month", p.inMin},
		{"outbound_minutes_per_month", p.outMin}, {"robot_minutes_per_month", p.robotMin},
		{"ivr_channels", p.ivr}, {"asr_channels", p.asrCh},
	}
}

// asked lists the scenario's fields asked for (peak > 0).
func asked(t *timeline) map[string]bool {
	out := map[string]bool{}
	for _, n := range needs(t) {
		if n.v > 0 {
			out[n.field] = true
		}
	}
	return out
}

// neededGroups is the set of groups the scenario asks for something of.
func neededGroups(ask map[string]bool) groupSet {
	var g groupSet
	for i, gr := range Groups {
		for _, f := range gr.Fields {
			if ask[f] {
				g |= 1 << i
				break
			}
		}
	}
	return g
}

// serves is the set of needed groups the vendor serves: it covers every
// field of the group the scenario asks for (from the catalog's coverage,
// the same that makes Uncovered).
func serves(v *Vendor, ask map[string]bool, needed groupSet) groupSet {
	var g groupSet
	for i, gr := range Groups {
		if !needed.has(i) {
			continue
		}
		ok := true
		for _, f := range gr.Fields {
			if ask[f] && !contains(v.Covers, f) {
				ok = false
				break
			}
		}
		if ok {
			g |= 1 << i
		}
	}
	return g
}

// reduced is the scenario with only the needs of the groups in keep: every
// other group's fields are 0, in the demand and in every dated change (a
// change left with nothing to set is dropped). Parameters that belong to no
// group (call lengths, shares, growth) stay. s is not modified.
func reduced(s *scenarios.Scenario, keep groupSet) *scenarios.Scenario {
	c := *s
	var drop []string
	for i, gr := range Groups {
		if !keep.has(i) {
			drop = append(drop, gr.Fields...)
		}
	}
	for _, f := range drop {
		c.Demand.SetCount(f, 0)
	}
	c.Changes = nil
	for _, ch := range s.Changes {
		for _, f := range drop {
			ch.SetCount(f, nil)
		}
		if len(ch.Fields()) > 0 {
			c.Changes = append(c.Changes, ch)
		}
	}
	return &c
}
