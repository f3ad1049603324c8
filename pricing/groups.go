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
	if i := groupIndex(id); i >= 0 {
		return &Groups[i]
	}
	return nil
}

// groupIndex is the index in Groups of the group with id, or -1.
func groupIndex(id string) int {
	for i := range Groups {
		if Groups[i].ID == id {
			return i
		}
	}
	return -1
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

// lacks is the one coverage rule: the vendor lacks a need the scenario
// asks for (peak above 0) that its catalog does not cover. Uncovered
// (uncovered), the groups a vendor serves (serves) and why a group has
// no vendor (lacking) all follow from it.
func (v *Vendor) lacks(field string, asked bool) bool {
	return asked && !v.covers(field)
}

// covers: the vendor's catalog serves the demand field (it can bill it).
func (v *Vendor) covers(field string) bool { return contains(v.Covers, field) }

// lacking lists the needs of group g the vendor does not cover.
func lacking(v *Vendor, g Group, ask map[string]bool) []string {
	var out []string
	for _, f := range g.Fields {
		if v.lacks(f, ask[f]) {
			out = append(out, f)
		}
	}
	return out
}

// serves is the set of needed groups the vendor serves: it lacks none of
// the group's needs the scenario asks for.
func serves(v *Vendor, ask map[string]bool, needed groupSet) groupSet {
	var g groupSet
	for i, gr := range Groups {
		if needed.has(i) && len(lacking(v, gr, ask)) == 0 {
			g |= 1 << i
		}
	}
	return g
}

// uncovered lists the needs the vendor lacks, in the order of needs.
func uncovered(t *timeline, v *Vendor) []string {
	var out []string
	for _, n := range needs(t) {
		if v.lacks(n.field, n.v > 0) {
			out = append(out, n.field)
		}
	}
	return out
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
