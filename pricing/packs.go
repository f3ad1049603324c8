package pricing

import (
	"container/heap"
	"math"
	"sort"
	"sync"

	"kefucost/scenarios"
)

// packKind is one resource pack on offer to the pack search: its price in
// 0.0001 元 (exact for any price with up to four decimals), the calls it
// holds and its validity in months from the purchase day.
type packKind struct {
	cost   int64
	quota  int64
	months int
}

// packBuy is one day's purchase in a pack plan: counts[k] packs of kind k.
type packBuy struct {
	day    int // index from the horizon start
	counts []int64
	// ends says how the quota bought that day ends: run out on endDay, or
	// expired (the packs' validity ended with quota left).
	endDay  int
	expired bool
}

// Search costs are in 0.0001 元 and only compared: a quoted pack price
// (to 10⁹ 元) × many packs may pass int64, so they saturate (satAdd): such
// a plan is never the cheapest, and the bill of the plan chosen is
// computed checked.

// packPlan is the cheapest purchase of resource packs that serves every
// day's use in full (pricing-rules §7.2: no quota means the service stops,
// so no day may be left without it). Packs are bought on any day, valid
// from that day for their months (the last day of the target month when it
// is shorter), and drawn down in the vendor's order: the pack that expires
// first. Quota left when a pack expires is lost.
//
// The search is exact. A plan is a sequence of purchase days; on each, the
// quota held before is used up (bought earlier, it would only expire
// earlier: delaying a purchase to the day its quota is first needed never
// costs more). So the state between purchases is just how much use has
// been served, and the cost to serve the rest can only fall as that grows.
// The search expands states cheapest first (Dijkstra) and drops a state
// once a cheaper one has served as much; the first state that serves all
// use is the cheapest plan. Several kinds bought the same day are drawn
// down shortest validity first, as the vendor deducts them.
//
// Example (2023-12 packs: 100 元 5,000 calls 1 month; 1,000 元 100,000
// calls 12 months; 10,000 元 2,000,000 calls 12 months), 300 calls a day
// from 2027-01-01 for 365 days (109,500 calls): one 1,000 元 pack on
// 2027-01-01 serves 333 days; on 2027-11-30 the 100 元 pack serves 16 days
// (5,000 calls, 200 left over on the day it runs out), and a second on
// 2027-12-16 serves to the end: 1,200 元 (buying at month starts only and
// throwing quota away at each window's end cost 1,400 元).
func packPlan(start scenarios.Date, use []int64, kinds []packKind) (buys []packBuy, cost int64, ok bool) {
	buys, cost, ok, _ = packSearch(start, use, kinds, 0)
	return buys, cost, ok
}

// packProof says how a plan is known to cost the least, if it is.
type packProof int

const (
	unproven       packProof = iota
	provenByBound            // it costs the lower bound: no plan can cost less, no search needed
	provenBySearch           // the day-by-day search found it
)

// packSearch is packPlan with a bound on the work: after budget mixes
// (0: none) it returns the cheapest whole plan found so far, unproven;
// budget < 0 runs no search, only the bounds (a plan that meets the
// lower bound is still proven). The search ends far sooner on most
// scenarios; very large volumes with many pack sizes reach the bound.
func packSearch(start scenarios.Date, use []int64, kinds []packKind, budget int) (buys []packBuy, cost int64, ok bool, proof packProof) {
	n := len(use)
	sc := packScratchPool.Get().(*packScratch)
	defer func() { sc.used = 0; packScratchPool.Put(sc) }()
	cum := sc.slice(n + 1)
	cum[0] = 0
	for d, u := range use {
		cum[d+1] = cum[d] + u
	}
	total := cum[n]
	if total == 0 {
		return nil, 0, true, provenByBound
	}
	if len(kinds) == 0 {
		return nil, 0, false, provenByBound
	}
	// Kinds in the order the vendor draws them down on their purchase day.
	order := make([]int, len(kinds))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return kinds[order[a]].months < kinds[order[b]].months })

	// expiry[m][day] is the first day a pack of m months bought on day
	// is no longer valid.
	maxMonths := 0
	for _, kd := range kinds {
		maxMonths = max(maxMonths, kd.months)
	}
	expiry := make([][]int, maxMonths+1)
	expires := func(day, months int) int {
		e := expiry[months]
		if e == nil {
			e = expiryDays(start, n, months)
			expiry[months] = e
		}
		return e[day]
	}
	served := func(day int) int64 { // use served by the end of day-1
		if day >= n {
			return total
		}
		return cum[day]
	}
	dayOf := func(pos int64) int { return sort.Search(n, func(d int) bool { return cum[d+1] > pos }) }

	// Bounds: no plan serves the rest for less than lb, and ub is the
	// cheapest whole plan known so far. A mix or state whose cost plus lb
	// exceeds ub cannot be part of a cheapest plan.
	//
	// lb counts validity: a pack bought on or after the day the rest starts
	// serves at most the calls that fall within its validity from its
	// purchase day, so each kind counts as the lesser of its quota and the
	// busiest such window still ahead (win). The cheapest cover of the rest
	// with those quotas is a bound no plan beats; a pack bought adds at
	// least as much to the cost as it takes off lb, so A* may use it. At
	// volume, where validity binds only at the horizon's end, it is exact,
	// and a plan that costs lb is proven cheapest without a search.
	win := make([][]int64, len(kinds))
	for k, kd := range kinds {
		e := expiryDays(start, n, kd.months)
		expiry[kd.months] = e
		w := sc.slice(n + 1)
		w[n] = 0
		for d := n - 1; d >= 0; d-- {
			w[d] = max(w[d+1], served(e[d])-cum[d])
		}
		win[k] = w
	}
	type coverKey [maxPackKinds]int64
	solvers := map[coverKey]*coverSolver{}
	scratch := make([]int64, len(kinds))
	// coverAt is the cheapest cover of need with each kind's quota taken as
	// at most the calls it could serve from pos on; counts (by kind) into out.
	coverAt := func(pos, need int64, out []int64) int64 {
		d0 := dayOf(pos)
		var key coverKey
		var offers []packOffer
		var idx []int
		for k, kd := range kinds {
			q := min(kd.quota, max(served(expires(d0, kd.months))-pos, win[k][d0+1]))
			if k < maxPackKinds {
				key[k] = q
			}
			if q > 0 {
				offers = append(offers, packOffer{quota: q, price: kd.cost})
				idx = append(idx, k)
			}
		}
		if len(offers) == 0 {
			return math.MaxInt64 / 4 // nothing can serve the rest
		}
		cs := solvers[key]
		if cs == nil || len(kinds) > maxPackKinds {
			cs = newCoverSolver(offers)
			solvers[key] = cs
		}
		c := cs.solve(need, scratch[:len(offers)])
		if out != nil {
			clear(out)
			for j, k := range idx {
				out[k] = scratch[j]
			}
		}
		return c
	}
	lbMemo := map[int64]int64{}
	lb := func(pos int64) int64 {
		if pos >= total {
			return 0
		}
		if v, ok := lbMemo[pos]; ok {
			return v
		}
		v := coverAt(pos, total-pos, nil)
		lbMemo[pos] = v
		return v
	}
	ub := int64(math.MaxInt64 / 2)
	var ubBuys []packBuy
	var ubCost int64 // what ubBuys costs (the search may lower ub below it)
	// One kind alone, one pack at a time, bought when the quota held runs
	// out (§7.2): all those bought on one day at once, until the day's use
	// is served. Buying the packs of the whole validity at once costs no
	// less and pays earlier. The plan is written out only when its cost
	// makes it a candidate.
	single := func(k int, plan *[]packBuy) (pos, cost int64) {
		kd := kinds[k]
		for pos < total && cost <= ub {
			day := dayOf(pos)
			limit := served(expires(day, kd.months))
			if limit <= pos {
				return pos, ub // expires the day it is bought: this kind alone cannot serve
			}
			c := max((min(served(day+1), limit)-pos+kd.quota-1)/kd.quota, 1)
			cost = satAdd(cost, satMul(c, kd.cost))
			pos = min(pos+c*kd.quota, limit)
			if plan != nil {
				counts := make([]int64, len(kinds))
				counts[k] = c
				*plan = append(*plan, packBuy{day: day, counts: counts, endDay: sort.Search(n, func(d int) bool { return cum[d+1] >= pos }), expired: pos == limit})
			}
		}
		return pos, cost
	}
	singleCost := make([]int64, len(kinds))
	for k := range kinds {
		singleCost[k] = -1
		if pos, cost := single(k, nil); pos >= total && cost <= ub {
			ub, singleCost[k] = cost, cost
		}
	}
	for k := range kinds {
		if singleCost[k] != ub {
			continue // dearer, or does not serve
		}
		var plan []packBuy
		single(k, &plan)
		if ubBuys == nil || paysLater(plan, ubBuys, kinds) {
			ubBuys, ubCost = plan, ub
		}
	}
	// The cheapest cover of all use, each kind counted at what it could
	// serve, bought one pack at a time on the day the quota held runs out,
	// longest validity and largest first: at volume no quota expires before
	// the horizon ends, and the plan costs lb(0).
	if want := make([]int64, len(kinds)); coverAt(0, total, want) < ub {
		seq := append([]int(nil), order...)
		sort.SliceStable(seq, func(a, b int) bool {
			ka, kb := kinds[seq[a]], kinds[seq[b]]
			if ka.months != kb.months {
				return ka.months > kb.months
			}
			return ka.quota > kb.quota
		})
		var pos, cost int64
		var plan []packBuy
	buying:
		for _, k := range seq {
			kd := kinds[k]
			// The packs one at a time, as their quota runs out: all
			// those bought on one day at once (c of them: until the
			// day's use is served), so that the work follows the
			// purchase days, not the number of packs (10¹¹ calls a day
			// are 50,000 packs a day).
			for j := int64(0); j < want[k] && pos < total; {
				day := dayOf(pos)
				limit := served(expires(day, kd.months))
				if limit <= pos {
					break buying
				}
				c := min((min(served(day+1), limit)-pos+kd.quota-1)/kd.quota, want[k]-j)
				c = max(c, 1)
				j += c
				cost = satAdd(cost, satMul(c, kd.cost))
				pos = min(pos+c*kd.quota, limit)
				end := sort.Search(n, func(d int) bool { return cum[d+1] >= pos })
				if last := len(plan) - 1; last >= 0 && plan[last].day == day {
					plan[last].counts[k] += c
					plan[last].endDay, plan[last].expired = end, pos == limit
					continue
				}
				counts := make([]int64, len(kinds))
				counts[k] = c
				plan = append(plan, packBuy{day: day, counts: counts, endDay: end, expired: pos == limit})
			}
		}
		if pos >= total && cost < ub && refusedDay(start, use, kinds, plan) < 0 {
			ub, ubBuys, ubCost = cost, plan, cost
		}
	}
	if ubBuys != nil && ub <= lb(0) {
		return ubBuys, ub, true, provenByBound // no plan costs less than lb
	}
	if budget < 0 {
		return ubBuys, ub, ubBuys != nil, unproven // bounds only: no search
	}
	mixes := 0
	// Kinds of one validity are bought as a mix; only mixes that no other
	// mix of the same validity beats (more calls for no more money) count,
	// up to the most one purchase of that validity could ever use.
	type mix struct {
		quota, cost int64
		counts      []int64 // per kind of the group
	}
	type group struct {
		months int
		kinds  []int
		mixes  []mix
	}
	var groups []*group
	for _, k := range order {
		if len(groups) == 0 || groups[len(groups)-1].months != kinds[k].months {
			groups = append(groups, &group{months: kinds[k].months})
		}
		g := groups[len(groups)-1]
		g.kinds = append(g.kinds, k)
	}
	for _, g := range groups {
		var window int64
		for d := 0; d < n; d++ {
			if use[d] > 0 {
				window = max(window, served(expires(d, g.months))-cum[d])
			}
		}
		var all []mix
		cnt := make([]int64, len(g.kinds))
		var rec func(j int, quota, cost int64)
		rec = func(j int, quota, cost int64) {
			if j == len(g.kinds) {
				if quota > 0 {
					all = append(all, mix{quota, cost, append([]int64(nil), cnt...)})
				}
				return
			}
			kd := kinds[g.kinds[j]]
			for c := int64(0); ; c++ {
				cnt[j] = c
				rec(j+1, quota+c*kd.quota, satAdd(cost, satMul(c, kd.cost)))
				if quota+c*kd.quota >= window {
					break
				}
			}
			cnt[j] = 0
		}
		rec(0, 0, 0)
		sort.Slice(all, func(a, b int) bool {
			if all[a].quota != all[b].quota {
				return all[a].quota < all[b].quota
			}
			return all[a].cost < all[b].cost
		})
		least := int64(math.MaxInt64)
		for i := len(all) - 1; i >= 0; i-- {
			if all[i].cost < least {
				least = all[i].cost
				g.mixes = append(g.mixes, all[i])
			}
		}
		for a, b := 0, len(g.mixes)-1; a < b; a, b = a+1, b-1 {
			g.mixes[a], g.mixes[b] = g.mixes[b], g.mixes[a]
		}
	}
	over := func(pos, cost int64) bool { return cost > ub || satAdd(cost, lb(pos)) > ub }

	// topRef names the top-ups of a mix: the first m+1 of the chain of
	// kind k from position from (m < 0: none); the purchases are spelled
	// out only for the plan returned.
	type topRef struct {
		k, m, months, day int
		from              int64
	}
	type node struct {
		pos, cost int64
		parent    int // index into nodes
		main      packBuy
		top       topRef
	}
	// chains[k] are the ends of top-ups of kind k bought one after
	// another from a position (each fully drawn before it expires),
	// the same for every mix bought this day that starts there.
	type chainKey struct {
		from              int64
		kind, months, day int
	}
	chains := map[chainKey][]int64{}
	chain := func(day int, from int64, k, longMonths int) []int64 {
		key := chainKey{from, k, longMonths, day}
		if c, ok := chains[key]; ok {
			return c
		}
		kd := kinds[k]
		longExp := expires(day, longMonths)
		longLimit := served(longExp)
		var ends []int64
		at := from
		for at < longLimit && len(ends) < maxTopUps {
			t := sort.Search(n, func(d int) bool { return cum[d+1] > at })
			e := expires(t, kd.months)
			if e >= longExp {
				break // no longer drawn before the long pack
			}
			if at+kd.quota > served(e) {
				at = cum[t+1] // too quiet here: the long pack serves this day
				continue
			}
			at += kd.quota
			ends = append(ends, at)
		}
		chains[key] = ends
		return ends
	}
	nodes := []node{{pos: 0, parent: -1}}
	// spell writes out a node's purchases.
	spell := func(nd *node) []packBuy {
		out := []packBuy{nd.main}
		if nd.top.m < 0 {
			return out
		}
		kd := kinds[nd.top.k]
		prev := nd.top.from
		for _, e := range chain(nd.top.day, nd.top.from, nd.top.k, nd.top.months)[:nd.top.m+1] {
			first := max(prev, e-kd.quota)
			t := sort.Search(n, func(d int) bool { return cum[d+1] > first })
			tc := make([]int64, len(kinds))
			tc[nd.top.k] = 1
			out = append(out, packBuy{day: t, counts: tc, endDay: sort.Search(n, func(d int) bool { return cum[d+1] >= e })})
			prev = e
		}
		return out
	}
	h := &posHeap{}
	heap.Push(h, posItem{0, 0, lb(0), 0})
	// frontier holds the states reached that no other beats: by cost
	// ascending, each serving more than the one before. A state that has
	// served no more than another, for no less, is dropped (from further
	// on, the rest can only cost less).
	type reached struct{ cost, pos int64 }
	frontier := []reached{{0, 0}}
	beaten := func(pos, cost int64, strict bool) bool {
		i := sort.Search(len(frontier), func(i int) bool { return frontier[i].cost > cost }) - 1
		if i < 0 {
			return false
		}
		f := frontier[i]
		if strict {
			return f.pos > pos || f.pos == pos && f.cost < cost
		}
		return f.pos >= pos
	}
	reach := func(pos, cost int64) {
		i := sort.Search(len(frontier), func(i int) bool { return frontier[i].cost >= cost })
		j := i
		for j < len(frontier) && frontier[j].pos <= pos {
			j++
		}
		frontier = append(frontier[:i], append([]reached{{cost, pos}}, frontier[j:]...)...)
	}
	counts := make([]int64, len(kinds))
	for h.Len() > 0 {
		it := heap.Pop(h).(posItem)
		nd := nodes[it.node]
		if beaten(nd.pos, nd.cost, true) || over(nd.pos, nd.cost) {
			continue // a state no dearer has served as much, or too dear
		}
		if nd.pos >= total {
			for i := it.node; nodes[i].parent >= 0; i = nodes[i].parent {
				buys = append(buys, spell(&nodes[i])...)
			}
			sort.SliceStable(buys, func(i, j int) bool { return buys[i].day < buys[j].day })
			if ubBuys != nil && ubCost == nd.cost && paysLater(ubBuys, buys, kinds) {
				return ubBuys, ubCost, true, provenBySearch // as cheap, and paid later
			}
			return buys, nd.cost, true, provenBySearch
		}
		if budget > 0 && mixes > budget {
			break
		}
		// The day the next call falls on: quota is bought that day.
		day := sort.Search(n, func(d int) bool { return cum[d+1] > nd.pos })
		// Every mix of kinds that makes progress, each count up to what its
		// validity could ever use.
		// longStart is where the longest kind in the mix starts drawing
		// (after the shorter ones bought the same day), longMonths its
		// validity and longEnd its quota's end.
		// fullMonths is the validity of a shorter mix drawn in full before
		// the longer one: top-ups bought one after another do that too,
		// and better, so such a mix is left to them.
		var walk func(i int, pos, cost int64, expired bool, longStart int64, longMonths, fullMonths int)
		walk = func(i int, pos, cost int64, expired bool, longStart int64, longMonths, fullMonths int) {
			if budget > 0 && mixes > budget {
				return
			}
			if i == len(groups) {
				if pos <= nd.pos || fullMonths > 0 && longMonths > fullMonths {
					return
				}
				c := make([]int64, len(counts))
				copy(c, counts)
				end := sort.Search(n, func(d int) bool { return cum[d+1] >= pos })
				mixes++
				add := func(pos, cost int64, main packBuy, top topRef) {
					if beaten(pos, cost, false) {
						return
					}
					reach(pos, cost)
					nodes = append(nodes, node{pos: pos, cost: cost, parent: it.node, main: main, top: top})
					heap.Push(h, posItem{pos, cost, satAdd(cost, lb(pos)), len(nodes) - 1})
				}
				main := packBuy{day: day, counts: c, endDay: end, expired: expired}
				if pos >= total {
					ub = min(ub, cost)
				}
				if !over(pos, cost) {
					add(pos, cost, main, topRef{m: -1})
				}
				if !expired && longMonths > 0 {
					// Top-ups: shorter packs bought on busy days while the
					// long quota lasts are drawn first and stretch it.
					longLimit := served(expires(day, longMonths))
					for k, kd := range kinds {
						if kd.months >= longMonths {
							continue
						}
						top, extra := pos, cost
						for m, at := range chain(day, longStart, k, longMonths) {
							top = min(top+kd.quota, longLimit)
							extra = satAdd(extra, kd.cost)
							if at > top || over(top, extra) {
								break // past the quota they stretch, or dearer than a plan known
							}
							if top >= total {
								ub = min(ub, extra)
							}
							if top < total && top < longLimit || beaten(top, extra, false) {
								// Top-ups that stop short of the horizon's end or
								// the long pack's expiry do no better than a short
								// pack bought when the long one runs out.
								continue
							}
							m2 := main
							m2.endDay = sort.Search(n, func(d int) bool { return cum[d+1] >= top })
							m2.expired = top == longLimit
							add(top, extra, m2, topRef{k: k, m: m, months: longMonths, day: day, from: longStart})
						}
					}
				}
				return
			}
			g := groups[i]
			limit := served(expires(day, g.months))
			walk(i+1, pos, cost, expired, longStart, longMonths, fullMonths)
			if limit <= pos {
				return // expires before it could serve a call
			}
			for _, mx := range g.mixes {
				p := pos + mx.quota
				ex := false
				if p >= limit {
					p, ex = limit, p > limit
				}
				if !over(p, satAdd(cost, mx.cost)) {
					for j, k := range g.kinds {
						counts[k] = mx.counts[j]
					}
					fm := fullMonths
					if !ex && p < limit {
						fm = g.months
					}
					walk(i+1, p, satAdd(cost, mx.cost), ex, pos, g.months, fm)
				}
				if p == limit {
					break
				}
			}
			for _, k := range g.kinds {
				counts[k] = 0
			}
		}
		walk(0, nd.pos, nd.cost, false, nd.pos, 0, 0)
	}
	// Out of budget: the cheapest whole plan met on the way.
	bestNode := -1
	for i := range nodes {
		if nodes[i].pos >= total && (bestNode < 0 || nodes[i].cost < nodes[bestNode].cost) {
			bestNode = i
		}
	}
	if bestNode >= 0 && nodes[bestNode].cost <= ub {
		for i := bestNode; nodes[i].parent >= 0; i = nodes[i].parent {
			buys = append(buys, spell(&nodes[i])...)
		}
		sort.SliceStable(buys, func(i, j int) bool { return buys[i].day < buys[j].day })
		if !(ubBuys != nil && ubCost == nodes[bestNode].cost && paysLater(ubBuys, buys, kinds)) {
			return buys, nodes[bestNode].cost, true, unproven
		}
	}
	if ubBuys == nil {
		return nil, 0, false, provenBySearch
	}
	return ubBuys, ubCost, true, unproven
}

// paysLater says whether plan a, of the same total as plan b, pays later
// (§7.2: packs are bought on the day they are needed): by the first day
// on which the two have paid different sums, a has paid less. A plan that
// buys a year's packs on its first day is not chosen over one that buys
// them as their quota is needed for the same money. Both list their
// purchases by day; b nil: a pays later.
func paysLater(a, b []packBuy, kinds []packKind) bool {
	if b == nil {
		return a != nil
	}
	var paidA, paidB int64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		day := math.MaxInt
		if i < len(a) {
			day = a[i].day
		}
		if j < len(b) {
			day = min(day, b[j].day)
		}
		for ; i < len(a) && a[i].day == day; i++ {
			for k, c := range a[i].counts {
				paidA = satAdd(paidA, satMul(c, kinds[k].cost))
			}
		}
		for ; j < len(b) && b[j].day == day; j++ {
			for k, c := range b[j].counts {
				paidB = satAdd(paidB, satMul(c, kinds[k].cost))
			}
		}
		if paidA != paidB {
			return paidA < paidB
		}
	}
	return false
}

type posItem struct {
	pos, cost int64
	f         int64 // cost + the lower bound of the rest
	node      int
}

// posHeap orders states by the least a whole plan through them could cost
// (A*: the bound never overstates, and a pack never costs less than its
// calls at the best price, so the first whole plan taken is the cheapest),
// then the one that served more.
type posHeap []posItem

func (h posHeap) Len() int { return len(h) }
func (h posHeap) Less(i, j int) bool {
	if h[i].f != h[j].f {
		return h[i].f < h[j].f
	}
	return h[i].pos > h[j].pos
}
func (h posHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *posHeap) Push(x any)   { *h = append(*h, x.(posItem)) }
func (h *posHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// maxPackKinds is the most pack kinds whose bounds are kept apart by the
// quotas they count (an edition has three).
const maxPackKinds = 6

// expiryDays lists, for every day index d from 0 to n, the first day index
// at which a pack of months bought on day d is no longer valid: valid from
// the purchase day for its months, to the day before the same day number
// months later, or before the last day of the target month when that is
// shorter (2027-01-31 + 1 month: valid until 2027-02-27). The same as
// start.DaysUntil(start.AddDays(d).AddMonths(months)), without a date
// computation per day.
//
// The lists are kept for the process (read only): sweeps and combinations
// ask for the same horizon's again and again.
// packScratch is packSearch's per-day working memory (use served, busiest
// windows), reused across searches and comparisons: nothing of it outlives
// the search.
type packScratch struct {
	buf  []int64
	used int
}

var packScratchPool = sync.Pool{New: func() any { return &packScratch{} }}

// slice hands out n int64s of the scratch, not cleared; the scratch
// starts over when put back.
func (sc *packScratch) slice(n int) []int64 {
	if sc.used+n > len(sc.buf) {
		// Too small: a fresh buffer for this search (the slices handed out
		// so far keep the old one), kept for the next.
		sc.buf, sc.used = make([]int64, max(2*len(sc.buf), 8*n)), 0
	}
	s := sc.buf[sc.used : sc.used+n : sc.used+n]
	sc.used += n
	return s
}

func expiryDays(start scenarios.Date, n, months int) []int {
	key := expiryKey{start.Time().Unix(), n, months}
	expiryMu.Lock()
	e, ok := expiryMemo[key]
	expiryMu.Unlock()
	if ok {
		return e
	}
	e = computeExpiryDays(start, n, months)
	expiryMu.Lock()
	if len(expiryMemo) >= 512 {
		clear(expiryMemo) // a long session's many horizons: start again
	}
	expiryMemo[key] = e
	expiryMu.Unlock()
	return e
}

type expiryKey struct {
	start     int64 // seconds since 1970 of the start day's midnight
	n, months int
}

var (
	expiryMu   sync.Mutex
	expiryMemo = map[expiryKey][]int{}
)

func computeExpiryDays(start scenarios.Date, n, months int) []int {
	first := start.FirstOfMonth()
	// firstIdx[i] is the day index of the first of calendar month i from
	// start's month (negative for start's own month unless it is the 1st).
	count := n/28 + months + 3
	firstIdx := make([]int, count+1)
	for i := range firstIdx {
		firstIdx[i] = start.DaysUntil(first.AddMonths(i))
	}
	out := make([]int, n+1)
	ci, dom := 0, start.Day()
	for d := 0; d <= n; d++ {
		if d > 0 {
			dom++
			if d == firstIdx[ci+1] {
				ci, dom = ci+1, 1
			}
		}
		t := ci + months
		length := firstIdx[t+1] - firstIdx[t]
		out[d] = firstIdx[t] + min(dom, length) - 1
	}
	return out
}

// maxTopUps bounds the short packs one long pack's quota is stretched by.
const maxTopUps = 400

// windowPlan is the fallback when the search runs out of budget: packs
// bought at horizon month starts, each purchase covering a window of whole
// months no longer than the packs' validity, quota left at a window's end
// counted as lost (it may in fact serve on until the pack expires, so the
// true cost of serving the horizon can only be lower). It is exact for that
// narrower way of buying (dynamic programming over months) and always
// serves every day.
func windowPlan(start scenarios.Date, months int, use []int64, kinds []packKind) ([]packBuy, int64) {
	monthStart := make([]int, months+1)
	for m := range monthStart {
		monthStart[m] = start.DaysUntil(start.AddMonths(m))
	}
	cum := make([]int64, months+1) // use before horizon month m
	for m := 0; m < months; m++ {
		cum[m+1] = cum[m]
		for d := monthStart[m]; d < monthStart[m+1] && d < len(use); d++ {
			cum[m+1] += use[d]
		}
	}
	maxV := 0
	for _, k := range kinds {
		maxV = max(maxV, k.months)
	}
	// A kind may serve a window only if a pack bought on its first day is
	// still valid on its last: months clamp (a start on the 31st has
	// windows from 04-30, whose one-month pack ends 05-29), so this is
	// checked day by day, not by counting months.
	type offerSet struct {
		idx    []int
		solver *coverSolver
	}
	sets := map[uint64]*offerSet{}
	eligible := func(m, w int) *offerSet {
		var mask uint64
		for i, k := range kinds {
			if start.DaysUntil(start.AddDays(monthStart[m]).AddMonths(k.months)) >= monthStart[m+w] {
				mask |= 1 << i
			}
		}
		if set, ok := sets[mask]; ok {
			return set
		}
		set := &offerSet{}
		var offers []packOffer
		for i, k := range kinds {
			if mask&(1<<i) != 0 {
				set.idx = append(set.idx, i)
				offers = append(offers, packOffer{quota: k.quota, price: k.cost})
			}
		}
		set.solver = newCoverSolver(offers)
		sets[mask] = set
		return set
	}
	cost := make([]int64, months+1)
	choice := make([]int, months+1)
	counts := make([][]int64, months+1)
	scratch := make([]int64, len(kinds))
	for m := months - 1; m >= 0; m-- {
		cost[m] = -1
		for w := 1; w <= maxV && m+w <= months; w++ {
			need := cum[m+w] - cum[m]
			if cost[m+w] < 0 {
				continue
			}
			c := cost[m+w]
			var set *offerSet
			if need > 0 {
				set = eligible(m, w)
				if len(set.idx) == 0 {
					continue
				}
				// Saturating: a cost past int64 (huge quotes) is never
				// the cheaper; the bill of the plan is computed checked.
				c = satAdd(c, set.solver.solve(need, scratch[:len(set.idx)]))
			}
			if cost[m] < 0 || c < cost[m] {
				cost[m], choice[m] = c, w
				counts[m] = counts[m][:0]
				if need > 0 {
					full := make([]int64, len(kinds))
					for j, i := range set.idx {
						full[i] = scratch[j]
					}
					counts[m] = full
				}
			}
			if need == 0 {
				break // nothing used yet: buy later
			}
		}
	}
	if cost[0] < 0 {
		return nil, -1
	}
	var buys []packBuy
	for m := 0; m < months; m += choice[m] {
		if len(counts[m]) > 0 {
			buys = append(buys, packBuy{day: monthStart[m], counts: counts[m], endDay: monthStart[m+choice[m]] - 1, expired: true})
		}
		if choice[m] == 0 {
			break
		}
	}
	return buys, cost[0]
}
