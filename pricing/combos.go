package pricing

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// MaxCombinations is how many complete combinations a comparison lists.
const MaxCombinations = 10

// Combination assigns each service group the scenario needs to one vendor
// (pricing-rules §7.10). Its total is the sum of its parts, each vendor
// priced by the engine on its own groups' needs alone, the buyer's own
// lines for that vendor included once.
type Combination struct {
	// Parts are the vendors taking part, in the order of their first group
	// (Groups order).
	Parts []CombinationPart
	Total decimal.Decimal
	// Monthly is the cash paid in each horizon month (the parts' sum).
	Monthly []decimal.Decimal
	// Complete is true when every part is priced; an incomplete
	// combination's total lacks its unpriced items and is never ranked.
	Complete bool
}

// CombinationPart is one vendor of a combination and the groups it takes.
type CombinationPart struct {
	Vendor string
	Groups []string // Groups ids, in Groups order
	// Result is the vendor priced on these groups' needs alone (the
	// vendor's own comparison result when it takes every group).
	Result *Result
}

// VendorFor is the vendor a group is given to ("" when the group is not
// needed).
func (c *Combination) VendorFor(group string) string {
	for _, p := range c.Parts {
		if slices.Contains(p.Groups, group) {
			return p.Vendor
		}
	}
	return ""
}

// GroupMap is the combination as group → vendor id (the JSON "groups").
func (c *Combination) GroupMap() map[string]string {
	out := map[string]string{}
	for _, p := range c.Parts {
		for _, g := range p.Groups {
			out[g] = p.Vendor
		}
	}
	return out
}

// GroupGap says why a needed group has no vendor, so that no complete
// combination exists.
type GroupGap struct {
	Group string
	// Lacks are, for each vendor that could have served it (enabled and
	// not left out), the group's needs it does not cover.
	Lacks []VendorLack
	// Excluded are vendors that serve the group but were left out by
	// combine.exclude; Disabled those switched off (enabled: false).
	Excluded []string
	Disabled []string
	// Unpriced are, when every vendor that could take the group lacks
	// prices for it, each such vendor and its unpriced items: then there
	// is no complete combination either.
	Unpriced []VendorLack
	// PinnedTo is the vendor the buyer pinned the group to, when that
	// vendor cannot take it; PinWhy says why: "excluded", "disabled" or
	// "uncovered" (then Lacks has its missing needs).
	PinnedTo string
	PinWhy   string
	// Why says it in English, naming fields as in the scenario file; front
	// ends word it from the fields above.
	Why string
}

// VendorLack is a vendor and the needs of a group it does not cover (or,
// in GroupGap.Unpriced, the catalog items it lacks prices for).
type VendorLack struct {
	Vendor string
	Fields []string
}

// combinations fills c's Groups, the vendors' Serves, Combinations,
// PartlyPriced and Gaps. s is the valid scenario c was computed from.
func combinations(s *scenarios.Scenario, c *Comparison, cat *Catalog) error {
	t := newTimeline(s)
	ask := asked(t)
	needed := neededGroups(ask)
	c.Groups = needed.ids()
	byID := map[string]*Result{}
	for _, r := range c.Vendors {
		byID[r.Vendor] = r
	}
	vendorIdx := map[string]int{}
	var cand []*Vendor // enabled, not left out, in display order
	serving := map[string]groupSet{}
	for i, v := range cat.Vendors {
		vendorIdx[v.ID] = i
		if r := byID[v.ID]; r != nil {
			sv := serves(v, ask, needed)
			r.Serves = sv.ids()
			serving[v.ID] = sv
			if !s.Combine.Excludes(v.ID) {
				cand = append(cand, v)
			}
		}
	}
	for _, g := range sortedKeys(s.Combine.Pin) {
		gi := groupIndex(g)
		if gi >= 0 && !needed.has(gi) {
			c.CombineNotes = append(c.CombineNotes, Note{ID: "combine.pin-unneeded",
				Text: fmt.Sprintf("已将“%s”指定给 %s，但本方案不需要该服务：此项指定未使用。", Groups[gi].Name, cat.Vendor(s.Combine.Pin[g]).Name),
				EN:   fmt.Sprintf("The %s group is pinned to %s, but this scenario needs nothing of it: the pin is not used.", Groups[gi].NameEN, cat.Vendor(s.Combine.Pin[g]).NameEN)})
		}
	}
	if needed == 0 {
		return nil
	}
	// Candidates per needed group.
	var gis []int
	choices := map[int][]*Vendor{}
	for gi := range Groups {
		if !needed.has(gi) {
			continue
		}
		gis = append(gis, gi)
		g := Groups[gi].ID
		pin := s.Combine.Pin[g]
		var list []*Vendor
		for _, v := range cand {
			if serving[v.ID].has(gi) && (pin == "" || pin == v.ID) {
				list = append(list, v)
			}
		}
		if len(list) == 0 {
			c.Gaps = append(c.Gaps, groupGap(s, cat, t, ask, gi, byID, serving))
		}
		choices[gi] = list
	}
	if len(c.Gaps) > 0 {
		return nil
	}
	// Every assignment, and the group sets each vendor is priced on.
	var assigns [][]*Vendor // per gis index
	cur := make([]*Vendor, len(gis))
	var walk func(k int)
	walk = func(k int) {
		if k == len(gis) {
			assigns = append(assigns, slices.Clone(cur))
			return
		}
		for _, v := range choices[gis[k]] {
			cur[k] = v
			walk(k + 1)
		}
	}
	walk(0)
	want := map[groupSet]map[string]bool{} // group set → vendors priced on it
	setsOf := func(a []*Vendor) map[string]groupSet {
		m := map[string]groupSet{}
		for k, v := range a {
			m[v.ID] |= 1 << gis[k]
		}
		return m
	}
	for _, a := range assigns {
		for id, set := range setsOf(a) {
			if set == needed {
				continue
			}
			if want[set] == nil {
				want[set] = map[string]bool{}
			}
			want[set][id] = true
		}
	}
	// Price each vendor once per group set, every set at the same time.
	priced := map[groupSet]map[string]*Result{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for set, only := range want {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs := reduced(s, set)
			if m := c.parts.get(set, rs, only); m != nil {
				mu.Lock()
				defer mu.Unlock()
				priced[set] = m
				return
			}
			rc, err := compare(rs, !c.totalsOnly, only)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				firstErr = err
				return
			}
			m := map[string]*Result{}
			for _, r := range rc.Vendors {
				m[r.Vendor] = r
			}
			priced[set] = m
			c.parts.put(set, rs, m)
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	var whole, partly []Combination
	for _, a := range assigns {
		sets := setsOf(a)
		var parts []CombinationPart
		for _, v := range a {
			if slices.ContainsFunc(parts, func(p CombinationPart) bool { return p.Vendor == v.ID }) {
				continue
			}
			set := sets[v.ID]
			r := byID[v.ID]
			if set != needed {
				r = priced[set][v.ID]
			}
			parts = append(parts, CombinationPart{Vendor: v.ID, Groups: set.ids(), Result: r})
		}
		// A part past MaxAmount has no amount: the combination is not
		// computed, and cannot be the cheapest (R21).
		if slices.ContainsFunc(parts, func(p CombinationPart) bool { return p.Result.PastLimit != nil }) {
			continue
		}
		cb := Combination{Parts: parts, Complete: true, Monthly: make([]decimal.Decimal, s.Months)}
		var fen int64
		for _, p := range parts {
			// Each part is at most MaxAmount (compare refuses more), and
			// a combination has at most one part per group: no wrap.
			fen = addFen(fen, toFenExact(p.Result.Total))
			cb.Complete = cb.Complete && p.Result.Complete
			for i, m := range p.Result.Monthly {
				cb.Monthly[i] = cb.Monthly[i].Add(m)
			}
		}
		cb.Total = fromFen(fen)
		if cb.Complete {
			whole = append(whole, cb)
		} else {
			partly = append(partly, cb)
		}
	}
	if len(whole) == 0 {
		c.Gaps = unpricedGaps(partly, gis, cat)
	}
	if len(partly) > MaxCombinations {
		partly = partly[:MaxCombinations]
	}
	// Cheapest first; a tie goes to fewer vendors (§7.10), then to the
	// vendors' display order group by group (the order of assignments).
	slices.SortStableFunc(whole, func(a, b Combination) int {
		if d := a.Total.Cmp(b.Total); d != 0 {
			return d
		}
		return len(a.Parts) - len(b.Parts)
	})
	if len(whole) > MaxCombinations {
		whole = whole[:MaxCombinations]
	}
	c.Combinations = whole
	c.PartlyPriced = partly
	return nil
}

// unpricedGaps names the groups whose every possible part lacks prices,
// when no combination is complete: "no vendor can take online at a known
// price" is the reason there is none.
func unpricedGaps(partly []Combination, gis []int, cat *Catalog) []GroupGap {
	var gaps []GroupGap
	for _, gi := range gis {
		g := Groups[gi]
		all := true
		var lacks []VendorLack
		for _, cb := range partly {
			for _, p := range cb.Parts {
				if !slices.Contains(p.Groups, g.ID) {
					continue
				}
				if p.Result.Complete {
					all = false
					break
				}
				i := slices.IndexFunc(lacks, func(l VendorLack) bool { return l.Vendor == p.Vendor })
				if i < 0 {
					lacks = append(lacks, VendorLack{Vendor: p.Vendor})
					i = len(lacks) - 1
				}
				for _, u := range p.Result.Unpriced {
					if !slices.Contains(lacks[i].Fields, u) {
						lacks[i].Fields = append(lacks[i].Fields, u)
					}
				}
			}
			if !all {
				break
			}
		}
		if !all || len(lacks) == 0 {
			continue
		}
		var why []string
		for _, l := range lacks {
			why = append(why, fmt.Sprintf("%s (%s)", cat.Vendor(l.Vendor).NameEN, strings.Join(l.Fields, ", ")))
		}
		gaps = append(gaps, GroupGap{Group: g.ID, Unpriced: lacks,
			Why: fmt.Sprintf("no vendor takes %s at a known price: unpriced at %s; enter a quote", g.NameEN, strings.Join(why, "; "))})
	}
	return gaps
}

// groupGap explains why group gi has no vendor.
func groupGap(s *scenarios.Scenario, cat *Catalog, t *timeline, ask map[string]bool, gi int, byID map[string]*Result, serving map[string]groupSet) GroupGap {
	g := Groups[gi]
	gap := GroupGap{Group: g.ID}
	var why []string
	if pin := s.Combine.Pin[g.ID]; pin != "" {
		gap.PinnedTo = pin
		name := cat.Vendor(pin).NameEN
		switch {
		case byID[pin] == nil:
			gap.PinWhy = "disabled"
			why = append(why, fmt.Sprintf("it is pinned to %s, which is switched off", name))
		case s.Combine.Excludes(pin):
			gap.PinWhy = "excluded"
			why = append(why, fmt.Sprintf("it is pinned to %s, which is left out of combinations", name))
		default:
			gap.PinWhy = "uncovered"
			why = append(why, fmt.Sprintf("it is pinned to %s, which does not cover %s", name, strings.Join(lacking(cat.Vendor(pin), g, ask), ", ")))
		}
		if gap.PinWhy == "uncovered" {
			gap.Lacks = append(gap.Lacks, VendorLack{Vendor: pin, Fields: lacking(cat.Vendor(pin), g, ask)})
		}
		gap.Why = fmt.Sprintf("no vendor for %s: %s", g.NameEN, strings.Join(why, "; "))
		return gap
	}
	for _, v := range cat.Vendors {
		switch {
		case byID[v.ID] == nil:
			if len(lacking(v, g, ask)) == 0 {
				gap.Disabled = append(gap.Disabled, v.ID)
				why = append(why, v.NameEN+" serves it but is switched off")
			}
		case s.Combine.Excludes(v.ID):
			if serving[v.ID].has(gi) {
				gap.Excluded = append(gap.Excluded, v.ID)
				why = append(why, v.NameEN+" serves it but is left out of combinations")
			}
		default:
			l := lacking(v, g, ask)
			gap.Lacks = append(gap.Lacks, VendorLack{Vendor: v.ID, Fields: l})
			why = append(why, v.NameEN+" does not cover "+strings.Join(l, ", "))
		}
	}
	gap.Why = fmt.Sprintf("no vendor serves all of %s: %s", g.NameEN, strings.Join(why, "; "))
	return gap
}
