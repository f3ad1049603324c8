package pricing

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// huaweiPlan: every seat and channel is bought, per unit of need, by the
// cheapest sequence of the ways the plan allows (§7.5): on demand (seats
// only, per seat-day, settled on the 1st of the next month) and periodic
// cycles of a month, half a year or a year, each ending at the first 00:00
// after its duration (§7.4). Numbers and calls are the same in every plan.
func huaweiPlan(pc *planCtx) {
	t := pc.t
	seatWays, channelWays := huaweiWaysOf(pc.plan.Mode)
	for _, s := range []struct {
		base string
		get  func(*level) int64
	}{
		{"seat.basic", func(l *level) int64 { return l.phone }},
		{"seat.online", func(l *level) int64 { return l.online }},
	} {
		if t.peak.maxOf(s.get) > 0 {
			huaweiBuy(pc, s.base, s.get, seatWays)
		}
	}
	if t.peak.robotMin > 0 {
		// Voice robots need smart IVR (IVR + ASR) channels: the IVR
		// channels asked for, and at least the lines the robot minutes
		// need (linesFor: at least 1).
		huaweiBuy(pc, "ivr.smart", func(l *level) int64 {
			if l.robotMin > 0 {
				return max(l.ivr, l.robotLines)
			}
			return 0
		}, channelWays)
		pc.b.assume("ivr.smart.month", "机器人通话需智能 IVR 并发路数：取 IVR 路数，至少 1 路。Robot calls need smart IVR channels: the IVR channels asked for, at least 1.")
		channelFloor(pc, "ivr.smart.month", func(l *level) (int64, int64) { return l.ivr, l.robotLines }, func(sg *segment) (string, string) {
			days := sg.from.DaysInMonth()
			return fmt.Sprintf("%s 机器人 %s 分钟 ÷ %s 分钟（%d 天 × 1,440）", sg.from.String()[:7], group(sg.l.robotMin), group(int64(days)*minutesPerLineDay), days),
				fmt.Sprintf("%s robot minutes in %s ÷ %s (%d days × 1,440)", group(sg.l.robotMin), sg.from.String()[:7], group(int64(days)*minutesPerLineDay), days)
		}, "一路一天最多通话 1,440 分钟，所以智能 IVR 至少为当月机器人分钟 ÷（当月天数 × 1,440），向上取整",
			"a channel carries at most 1,440 minutes a day, so there are at least the month's robot minutes ÷ (days × 1,440), rounded up", " IVR 路数", "ivr_channels")
	} else if t.peak.ivr > 0 {
		// Each basic seat includes one IVR channel.
		huaweiBuy(pc, "ivr.basic", func(l *level) int64 { return max(0, l.ivr-l.phone) }, channelWays)
		pc.b.assume("ivr.basic.month", "每个基础型座席含 1 路 IVR，只购买超出部分。Each basic seat includes 1 IVR channel; only the rest is bought.")
	}
	if t.peak.asrCh > 0 || t.peak.asrSec > 0 {
		// ASR channels: those asked for, and at least the lines the ASR
		// minutes need when there are any (linesFor: at least 1).
		huaweiBuy(pc, "asr", func(l *level) int64 {
			if l.asrSec > 0 {
				return max(l.asrCh, l.asrLines)
			}
			return l.asrCh
		}, channelWays)
		pc.b.assume("asr.month", "ASR 按并发路数计费：取 ASR 路数，有识别时长时至少 1 路。ASR is sold per concurrent channel: the channels asked for, at least 1 when there are ASR minutes.")
		channelFloor(pc, "asr.month", func(l *level) (int64, int64) { return l.asrCh, l.asrLines }, func(sg *segment) (string, string) {
			return fmt.Sprintf("%s 每天识别 %s 分钟 ÷ 1,440", sg.from.String()[:7], group(sg.l.asrSec/60)),
				fmt.Sprintf("%s ASR minutes a day in %s ÷ 1,440", group(sg.l.asrSec/60), sg.from.String()[:7])
		}, "一路一天最多识别 1,440 分钟，所以 ASR 至少为每天识别分钟 ÷ 1,440，向上取整",
			"a channel carries at most 1,440 minutes a day, so there are at least the ASR minutes a day ÷ 1,440, rounded up", " ASR 路数", "asr_channels")
	}
	if pc.plan.Mode == "ondemand" && (t.peak.robotMin > 0 || t.peak.ivr > 0 || t.peak.asrCh > 0 || t.peak.asrSec > 0) {
		pc.note(Note{ID: "huawei.channels-periodic", Text: "IVR/TTS/ASR 只能包年包月：按需方案中按包月购买。",
			EN: "IVR, TTS and ASR are sold periodic only: bought monthly even in the on-demand plan."})
	}
	pc.shared(pc.ed.ID+"/calls", func() { huaweiNumbersAndCalls(pc) })
	if t.peak.phone > 0 && t.peak.recorded.IsPositive() {
		pc.note(Note{ID: "huawei.recording", Text: "录音包含在基础型座席中，不另收费。", EN: "Recording is included in the basic seats, not charged separately."})
	}
}

// channelFloor marks a channel item's lines when the minutes need more
// channels than one and than the scenario asks for (a channel carries at
// most 1,440 minutes a day, linesFor): the channels then bought are a
// lower bound the minutes set [A], as §7.7's "calls need a number: 1
// assumed"; the buyer's own count, when higher, wins. get gives a level's
// channels asked for and needed; calc words the need of the period needing
// the most; rule and ruleEN say the rule, asked and field name the count
// asked for.
func channelFloor(pc *planCtx, item string, get func(*level) (int64, int64), calc func(*segment) (string, string), rule, ruleEN, asked, field string) {
	fs := pc.t.floorBinds(get, 1)
	if fs == nil {
		return
	}
	zh, en := calc(fs.most)
	pc.b.assume(item, fmt.Sprintf("%s，且至少 1 路（下限：通话集中在忙时需要更多）。%s 至 %s 所填%s低于此数，按 %s 路购买（最多时：%s，向上取整为 %d 路）。"+
		"Also, %s, and at least 1 (a lower bound: calls bunched in busy hours need more). From %s to %s %s is lower: %s bought (the most: %s, rounded up to %d).",
		rule, fs.first, fs.last, asked, fs.countZH(), zh, fs.hi, ruleEN, fs.first, fs.last, field, fs.count(), en, fs.hi))
}

// huaweiWays are the ways a plan may buy an item: on demand (seats only)
// and the lengths of periodic cycles in months.
type huaweiWays struct {
	onDemand bool
	cycles   []int
	key      string // names the ways, for the memo
}

// huaweiWaysOf gives a plan mode's ways for seats and for channels (IVR,
// TTS, ASR are sold periodic only).
func huaweiWaysOf(mode string) (seats, channels huaweiWays) {
	switch mode {
	case "ondemand":
		return huaweiWays{onDemand: true, key: "od"}, huaweiWays{cycles: []int{1}, key: "1"}
	case "monthly":
		return huaweiWays{cycles: []int{1}, key: "1"}, huaweiWays{cycles: []int{1}, key: "1"}
	case "yearly":
		return huaweiWays{cycles: []int{12}, key: "12"}, huaweiWays{cycles: []int{12}, key: "12"}
	case "mixed":
		return huaweiWays{onDemand: true, cycles: []int{1, 6, 12}, key: "od,1,6,12"}, huaweiWays{cycles: []int{1, 6, 12}, key: "1,6,12"}
	}
	panic("huawei plan mode " + mode)
}

// HuaweiCycleEnd is the day at whose 00:00 (UTC+8) a Huawei periodic cycle
// bought on day d for a number of months ends: "终点是指定使用时长后的第一个
// 00:00:00", the first 00:00 strictly after activation + the duration.
// Whatever the time of activation on day d (to the second), that is 00:00
// of the day after d + months, a month shorter than d's day being clamped
// to its last day. Read literally, so a monthly cycle is a month and a day
// (§7.4) and 35 monthly cycles cover 36 months.
//
// Seed checks (003): 1 month from 2020-01-04 13:23:56 ends 2020-02-05
// 00:00:00; a 1-year renewal from 2020-02-02 00:00:00 ends 2021-02-03
// 00:00:00.
func HuaweiCycleEnd(d scenarios.Date, months int) scenarios.Date {
	return d.AddDays(huaweiCycleEnd(newDayMonths(d), 0, months))
}

// huaweiCycleEnd is HuaweiCycleEnd on day indices: the cycle bought on day
// s ends at 00:00 of the returned day.
func huaweiCycleEnd(dm dayMonths, s, months int) int { return dm.add(s, months) + 1 }

// huaweiDays is the horizon laid out by day for the search, built once
// per comparison and shared by Huawei's plans.
type huaweiDays struct {
	n      int   // days in the horizon
	segOff []int // first day of each segment
	natOff []int // first day in the horizon of each calendar month
	// weight is S / days of the day's calendar month: on demand, a day of
	// a seat costs the monthly price × weight / S.
	weight []uint64
	first  []bool          // the day is the 1st of a month
	ends   map[int][]int32 // cycle months → day its cycle ends, per start day
	// settle is the horizon month in which each calendar month's on-demand
	// use is paid (the 1st of the next month; t.months: after the horizon).
	settle []int
}

// huaweiScale is a common multiple of the days of every month (28, 29,
// 30, 31): on-demand costs are whole multiples of price / huaweiScale.
const huaweiScale = 377580

func (pc *planCtx) huaweiDays() *huaweiDays {
	if hd, ok := pc.memo["huawei/days"].(*huaweiDays); ok {
		return hd
	}
	t := pc.t
	hd := &huaweiDays{n: t.days, segOff: make([]int, len(t.segs)), natOff: make([]int, len(t.naturals)),
		weight: make([]uint64, t.days), first: make([]bool, t.days), ends: map[int][]int32{}, settle: make([]int, len(t.naturals))}
	off := 0
	for i := range t.segs {
		sg := &t.segs[i]
		hd.segOff[i] = off
		w := uint64(huaweiScale / t.naturals[sg.nat].days)
		for d := off; d < off+sg.days; d++ {
			hd.weight[d] = w
		}
		if sg.from.Day() == 1 {
			hd.first[off] = true // segments start on every 1st
		}
		off += sg.days
	}
	for i := range t.naturals {
		nt := &t.naturals[i]
		hd.natOff[i] = hd.segOff[nt.segFrom]
		hd.settle[i] = t.cashMonth(nt.first.AddMonths(1))
	}
	pc.memo["huawei/days"] = hd
	return hd
}

// cycleEnds is the day each cycle of months bought on day i ends (may be
// past the horizon).
func (hd *huaweiDays) cycleEnds(t *timeline, months int) []int32 {
	if e, ok := hd.ends[months]; ok {
		return e
	}
	e := make([]int32, hd.n)
	dm := newDayMonths(t.start)
	for j := range t.segs {
		sg := &t.segs[j]
		day, off := sg.from.Day(), hd.segOff[j]
		for k := 0; k < sg.days; k++ {
			// Up to the 28th no month clamps the day: a day later, a
			// cycle ends a day later.
			if k > 0 && day+k <= 28 {
				e[off+k] = e[off+k-1] + 1
			} else {
				e[off+k] = int32(huaweiCycleEnd(dm, off+k, months))
			}
		}
	}
	hd.ends[months] = e
	return e
}

// cashMonth is the horizon month in which cash paid on day d falls;
// t.months when d is after the horizon.
func (t *timeline) cashMonth(d scenarios.Date) int {
	if !d.Before(t.end) {
		return t.months
	}
	return t.monthOf(d)
}

// u128 is a non-negative 128-bit integer: search costs in units of
// price / (huaweiScale × 10^k) never overflow it.
type u128 struct{ hi, lo uint64 }

func (a u128) add(b u128) u128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	hi, _ := bits.Add64(a.hi, b.hi, c)
	return u128{hi, lo}
}

func (a u128) less(b u128) bool { return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo }

func mul64(a, b uint64) u128 {
	hi, lo := bits.Mul64(a, b)
	return u128{hi, lo}
}

// huaweiTerm is one way of buying a unit for the search: a periodic cycle
// (cost per cycle, in search units; end day per start day).
type huaweiTerm struct {
	cost u128
	ends []int32
}

// huaweiAction is one step of a unit's schedule: on demand (term −1) over
// days [from, to), or a cycle of terms[term] bought on day from, ending at
// to (possibly past the horizon).
type huaweiAction struct {
	term     int
	from, to int
}

// huaweiSearch finds the cheapest way to cover every needed day of one
// unit: on demand at onDemand × weight[d] a day (when onDemand ≥ 0), or
// cycles of the terms, started on any day; days not needed cost nothing.
// A unit on demand the day before may start a cycle only on the 1st of a
// month (first[d]): on-demand billing cycles are calendar months and the
// mode cannot change within a cycle (seed 003: "计费周期内不支持计费方式
// 更改"); a cycle that ends may be followed by on demand any day.
//
// It is exact: a backward pass over the days computes, for each day d and
// whether the unit was on demand the day before, the least cost of the
// needed days from d on, trying on demand for day d and each cycle from d.
// Ties go to on demand (paid later, no commitment), then to the shorter
// cycle.
func huaweiSearch(need, first []bool, weight []uint64, onDemand int64, terms []huaweiTerm, sc *huaweiScratch) []huaweiAction {
	n := len(need)
	var out []huaweiAction
	if len(terms) == 0 {
		// On demand only: every run of needed days.
		for d := 0; d < n; d++ {
			if need[d] {
				from := d
				for d < n && need[d] {
					d++
				}
				out = append(out, huaweiAction{-1, from, d})
			}
		}
		return out
	}
	if onDemand < 0 && len(terms) == 1 {
		// One cycle length and nothing else: a cycle from each first
		// uncovered needed day (interval covering; the pass would agree).
		// A cycle is at least 28 days.
		out = make([]huaweiAction, 0, n/28+1)
		for d := 0; d < n; {
			if !need[d] {
				d++
				continue
			}
			e := int(terms[0].ends[d])
			out = append(out, huaweiAction{0, d, e})
			d = e
		}
		return out
	}
	// f[2d+s]: least cost from day d on, s = 1 when on demand the day
	// before; choice likewise (−1 on demand, k a cycle of terms[k]).
	if sc == nil {
		sc = &huaweiScratch{}
	}
	if cap(sc.f) < 2*n+2 {
		sc.f, sc.choice = make([]u128, 2*n+2), make([]int8, 2*n)
	}
	f, choice := sc.f[:2*n+2], sc.choice[:2*n]
	f[2*n], f[2*n+1] = u128{}, u128{}
	for d := n - 1; d >= 0; d-- {
		if !need[d] {
			f[2*d], f[2*d+1] = f[2*d+2], f[2*d+2]
			continue
		}
		var odCost u128
		if onDemand >= 0 {
			odCost = mul64(uint64(onDemand), weight[d]).add(f[2*d+3])
		}
		best, c := odCost, int8(-1)
		if onDemand < 0 {
			c = -2
		}
		// On demand the day before leaves only on demand, except on a 1st.
		f[2*d+1], choice[2*d+1] = best, c
		for k := range terms {
			v := terms[k].cost.add(f[2*min(n, int(terms[k].ends[d]))])
			if c == -2 || v.less(best) {
				best, c = v, int8(k)
			}
		}
		f[2*d], choice[2*d] = best, c
		if first[d] {
			f[2*d+1], choice[2*d+1] = best, c
		}
	}
	// Count the actions first: the schedule is made once, at its size.
	count := 0
	for d, s := 0, 0; d < n; {
		switch c := choice[2*d+s]; {
		case !need[d]:
			d, s = d+1, 0
		case c == -1:
			if s == 0 {
				count++
			}
			d, s = d+1, 1
		default:
			count++
			d, s = min(n, int(terms[c].ends[d])), 0
		}
	}
	out = make([]huaweiAction, 0, count)
	for d, s := 0, 0; d < n; {
		switch c := choice[2*d+s]; {
		case !need[d]:
			d, s = d+1, 0
		case c == -1:
			if s == 1 {
				out[len(out)-1].to = d + 1
			} else {
				out = append(out, huaweiAction{-1, d, d + 1})
			}
			d, s = d+1, 1
		default:
			e := int(terms[c].ends[d])
			out = append(out, huaweiAction{int(c), d, e})
			d, s = min(n, e), 0
		}
	}
	return out
}

// huaweiScratch is the search's working memory, reused across searches
// and comparisons.
type huaweiScratch struct {
	f      []u128
	choice []int8
	need   []bool
	levels []int64
}

var huaweiScratchPool = sync.Pool{New: func() any { return &huaweiScratch{} }}

// huaweiOffer is one way of buying an item, priced.
type huaweiOffer struct {
	months int // 0: on demand
	it     *Item
	price  *decimal.Decimal // per cycle, or per month on demand; nil: unpriced
	over   bool
	how    string // how the price was found, when not simply the list
	howZH  string
}

// huaweiOffers lists the ways allowed for base (e.g. "seat.basic") with
// their prices: on demand and monthly at the monthly price; half a year
// only where a price is known (list or quote); a year at the yearly price
// if one is known, else 12 × the monthly price (pricing-rules §3).
func huaweiOffers(pc *planCtx, base string, ways huaweiWays) []huaweiOffer {
	month := pc.resolve(base + ".month")
	var out []huaweiOffer
	if ways.onDemand {
		out = append(out, huaweiOffer{months: 0, it: month.it, price: month.p, over: month.over})
	}
	for _, m := range ways.cycles {
		switch m {
		case 1:
			out = append(out, huaweiOffer{months: 1, it: month.it, price: month.p, over: month.over})
		case 6:
			if pc.ed.Item(base+".halfyear") == nil {
				continue
			}
			if r := pc.resolve(base + ".halfyear"); r.p != nil {
				out = append(out, huaweiOffer{months: 6, it: r.it, price: r.p, over: r.over})
			}
		case 12:
			r := pc.resolve(base + ".year")
			o := huaweiOffer{months: 12, it: r.it, price: r.p, over: r.over}
			if r.p == nil && month.p != nil {
				y := month.p.Mul(decimal.NewFromInt(12))
				o.price, o.over = &y, month.over
				o.how, o.howZH = "yearly price = 12 × monthly", "年价 = 12 × 月价"
			}
			out = append(out, o)
		}
	}
	return out
}

// huaweiUnitPlan is the search's answer for one group of units with the
// same need: size units, each bought by actions.
type huaweiUnitPlan struct {
	size    int64
	actions []huaweiAction
}

// huaweiBuy buys base's units for the horizon: units are grouped by the
// days they are needed (unit k is needed while the need is at least k),
// each group searched once; the bill gets one line per way of buying, the
// schedule one purchase per cycle bought and per run on demand.
func huaweiBuy(pc *planCtx, base string, get func(*level) int64, ways huaweiWays) {
	hd := pc.huaweiDays()
	offers := huaweiOffers(pc, base, ways)
	// Only priced ways compete; with none priced the choice does not
	// depend on the unknown price when every way is a multiple of the
	// monthly price, so it is made at a monthly price of 1 and the need
	// shown unpriced.
	var priced []huaweiOffer
	for _, o := range offers {
		if o.price != nil {
			priced = append(priced, o)
		}
	}
	proxy := len(priced) == 0
	if proxy {
		for _, o := range offers {
			if o.months != 6 {
				priced = append(priced, o)
			}
		}
	} else if len(priced) < len(offers) {
		var missing, missingZH []string
		for _, o := range offers {
			if o.price == nil {
				en, zh := huaweiWayName(o.months)
				missing, missingZH = append(missing, en), append(missingZH, zh)
			}
		}
		it := offers[0].it
		pc.note(Note{ID: "huawei.unpriced-ways." + base,
			Text: fmt.Sprintf("%s：%s 无价格，只比较已定价的购买方式（可输入报价）。", it.Name, strings.Join(missingZH, "、")),
			EN:   fmt.Sprintf("%s: no price for %s; only the priced ways of buying are compared (enter a quote to add them).", it.NameEN, strings.Join(missing, ", "))})
	}
	key := "huawei/" + base + "/" + ways.key
	if proxy {
		key += "/unpriced"
	}
	plans, ok := pc.memo[key].([]huaweiUnitPlan)
	if !ok {
		plans = huaweiPlanUnits(pc, hd, get, priced, proxy)
		pc.memo[key] = plans
	}
	huaweiCharge(pc, hd, priced, plans)
}

// huaweiPlanUnits runs the search for every group of units.
func huaweiPlanUnits(pc *planCtx, hd *huaweiDays, get func(*level) int64, offers []huaweiOffer, proxy bool) []huaweiUnitPlan {
	t := pc.t
	// Prices as whole multiples of 10^-k 元, k ≤ 9 (the search rounds
	// anything finer; the bill never does), each below 2^63.
	prices := make([]uint64, len(offers))
	k := int32(0)
	for _, o := range offers {
		if !proxy {
			k = max(k, min(9, -o.price.Exponent()))
		}
	}
	for fits := false; !fits; k-- {
		fits = true
		for i, o := range offers {
			if proxy {
				prices[i] = uint64(max(1, o.months))
				continue
			}
			v := o.price.Shift(k).Round(0).BigInt()
			if !v.IsUint64() || v.Uint64() >= 1<<63 {
				fits = k == 0 // prices are at most 10^9 × 12: never at k = 0
				break
			}
			prices[i] = v.Uint64()
		}
	}
	onDemand := int64(-1)
	var terms []huaweiTerm
	for i, o := range offers {
		if o.months == 0 {
			onDemand = int64(prices[i])
			continue
		}
		terms = append(terms, huaweiTerm{cost: mul64(prices[i], huaweiScale), ends: hd.cycleEnds(t, o.months)})
	}
	sc := huaweiScratchPool.Get().(*huaweiScratch)
	defer huaweiScratchPool.Put(sc)
	// Groups: the distinct levels of need, lowest first.
	levels := sc.levels[:0]
	for i := range t.segs {
		if n := get(&t.segs[i].l); n > 0 {
			levels = append(levels, n)
		}
	}
	sc.levels = levels
	slices.Sort(levels)
	if cap(sc.need) < hd.n {
		sc.need = make([]bool, hd.n)
	}
	need := sc.need[:hd.n]
	var plans []huaweiUnitPlan
	prev := int64(0)
	for _, v := range levels {
		if v == prev {
			continue
		}
		for i := range t.segs {
			on := get(&t.segs[i].l) >= v
			for d := hd.segOff[i]; d < hd.segOff[i]+t.segs[i].days; d++ {
				need[d] = on
			}
		}
		plans = append(plans, huaweiUnitPlan{size: v - prev, actions: huaweiSearch(need, hd.first, hd.weight, onDemand, terms, sc)})
		prev = v
	}
	return plans
}

// huaweiCharge bills the searched plans: cycles paid the day bought, on
// demand settled per calendar month on the 1st of the next. The schedule
// (one purchase per cycle bought and per run on demand, units with the
// same purchase together) is written only for the plan shown.
func huaweiCharge(pc *planCtx, hd *huaweiDays, offers []huaweiOffer, plans []huaweiUnitPlan) {
	t := pc.t
	// Action term k is offers[k+shift]; on demand (−1) is offers[0].
	shift := 0
	if offers[0].months == 0 {
		shift = 1
	}
	count := 0
	for _, p := range plans {
		count += len(p.actions)
	}
	type buy struct {
		huaweiAction
		q int64
	}
	buys := make([]buy, 0, count)
	odDays := make([]int64, len(t.naturals))
	for _, p := range plans {
		for _, a := range p.actions {
			buys = append(buys, buy{a, p.size})
			if offers[a.term+shift].months != 0 {
				continue
			}
			// On-demand days, by calendar month.
			i := sort.Search(len(hd.natOff), func(i int) bool { return hd.natOff[i] > a.from }) - 1
			for ; i < len(t.naturals) && hd.natOff[i] < a.to; i++ {
				lo, hi := hd.natOff[i], hd.natOff[i]+t.naturals[i].inDays
				if n := min(hi, a.to) - max(lo, a.from); n > 0 {
					odDays[i] += p.size * int64(n)
				}
			}
		}
	}
	// Units bought the same way on the same days are one purchase.
	slices.SortFunc(buys, func(a, b buy) int {
		if a.from != b.from {
			return a.from - b.from
		}
		if a.term != b.term {
			return a.term - b.term
		}
		return a.to - b.to
	})
	n := 0
	for _, b := range buys {
		if n > 0 && buys[n-1].huaweiAction == b.huaweiAction {
			buys[n-1].q += b.q
			continue
		}
		buys[n] = b
		n++
	}
	buys = buys[:n]
	ups := make([]unitPrice, len(offers))
	for i, o := range offers {
		if o.price != nil {
			ups[i] = newUnitPrice(*o.price)
			ups[i].it = o.it
		}
	}
	// Cycles are paid the day bought, each purchase a bill: summed per
	// way and horizon month onto the lines (purchases are in date order,
	// so a way's months come in order).
	used := make([]bool, len(offers))
	for k := range offers {
		o := &offers[k]
		if o.months == 0 {
			continue
		}
		var acc *fenAcc // the line, found at its first charge
		month, q, fen := -1, int64(0), int64(0)
		book := func() {
			if q > 0 {
				if acc == nil {
					how, howZH := huaweiCycleHow(o)
					_, acc = pc.b.line(o.it, huaweiCycleVariant(o.months), o.price, o.over, how, howZH)
				}
				acc.book(month, q, o.price != nil, fen)
			}
			q, fen = 0, 0
		}
		for _, b := range buys {
			if b.term+shift != k {
				continue
			}
			used[k] = true
			if m := hd.month(t, b.from); m != month {
				book()
				month = m
			}
			q += b.q
			if o.price != nil {
				fen = addFenOf(fen, ups[k].fen(b.q), o.it)
			}
		}
		book()
	}
	for i, o := range offers {
		if used[i] {
			pc.b.assumeVariant(o.it, huaweiCycleVariant(o.months).key, huaweiCycleNote)
		}
	}
	if od := &offers[0]; shift == 1 {
		var seatMonths int64 // in 1/huaweiScale of a seat-month
		for i, days := range odDays {
			if days == 0 {
				continue
			}
			nt := &t.naturals[i]
			seatMonths += days * (huaweiScale / int64(nt.days))
			var fen int64
			if od.price != nil {
				fen = huaweiDayFen(ups[0], days, nt.days)
			}
			pc.b.chargeFen(hd.settle[i], od.it, huaweiOnDemand, 0, od.price, od.over, fen,
				"seat-days × monthly price / calendar days of the month, settled on the 1st of the next month",
				"座席天数 × 月价 / 当月日历天数，次月 1 日结算")
		}
		if seatMonths > 0 {
			pc.b.addQuantity(od.it, huaweiOnDemand.key, od.price, decimal.NewFromInt(seatMonths).DivRound(decimal.NewFromInt(huaweiScale), 6))
		}
		if len(offers) > 1 {
			pc.b.assumeVariant(od.it, huaweiOnDemand.key, "按需转包周期只在每月 1 日（按需以自然月为计费周期，周期内不能更改计费方式）。On demand turns into a cycle only on the 1st of a month (on-demand billing cycles are calendar months, and the mode cannot change within a cycle).")
		}
	}
	pc.laterBuys += len(buys)
	pc.later = append(pc.later, func() {
		// Units come in few group sizes: one quantity per size.
		var qs []decimal.Decimal
		var qn []int64
		amounts := make([]decimal.Decimal, len(buys))
		for bi, b := range buys {
			o := &offers[b.term+shift]
			k := slices.Index(qn, b.q)
			if k < 0 {
				k = len(qn)
				qn, qs = append(qn, b.q), append(qs, decimal.NewFromInt(b.q))
			}
			q := qs[k]
			var amount *decimal.Decimal
			if o.months == 0 {
				// A run on demand costs its days in each calendar month.
				if o.price != nil {
					var fen int64
					i := sort.Search(len(hd.natOff), func(i int) bool { return hd.natOff[i] > b.from }) - 1
					for ; i < len(t.naturals) && hd.natOff[i] < b.to; i++ {
						lo, hi := hd.natOff[i], hd.natOff[i]+t.naturals[i].inDays
						if n := min(hi, b.to) - max(lo, b.from); n > 0 {
							fen = addFenOf(fen, huaweiDayFen(ups[0], mulFenOf(b.q, int64(n), o.it), t.naturals[i].days), o.it)
						}
					}
					amounts[bi] = fromFen(fen)
					amount = &amounts[bi]
				}
				pc.buy(t.start.AddDays(b.from), o.it, q, amount, t.start.AddDays(b.to-1),
					"on demand: paid per day of use (monthly price / days of the month), settled on the 1st of the next month",
					"按需：按使用天数计费（月价 / 当月天数），次月 1 日结算")
				continue
			}
			if o.price != nil {
				amounts[bi] = fromFen(ups[b.term+shift].fen(b.q))
				amount = &amounts[bi]
			}
			why, whyZH := huaweiCycleWhy(o.months)
			pc.buy(t.start.AddDays(b.from), o.it, q, amount, t.start.AddDays(b.to-1), why, whyZH)
		}
	})
}

// month is the horizon month of day d.
func (hd *huaweiDays) month(t *timeline, d int) int {
	i := sort.Search(len(hd.segOff), func(i int) bool { return hd.segOff[i] > d }) - 1
	return t.segs[i].month
}

var huaweiOnDemand = variant{key: "ondemand", label: "（按需）", labelEN: " (on demand)"}

func huaweiCycleVariant(months int) variant {
	switch months {
	case 1:
		return variant{key: "cycle1", label: "（包月）", labelEN: " (monthly)"}
	case 6:
		return variant{key: "cycle6"}
	}
	return variant{key: "cycle12"}
}

const huaweiCycleNote = "周期终点为时长后的第一个 00:00（按页面示例字面理解）：一个月的周期实为一个月零一天，35 个包月周期覆盖 36 个月。" +
	"A cycle ends at the first 00:00 after its duration (the price page's example read literally): a monthly cycle is a month and a day, so 35 monthly cycles cover 36 months."

// huaweiDayFen is seat-days × monthly price / days of the month, rounded
// to the fen (seed 003: "每坐席每天费用=每坐席每月价格/当月实际日历天数").
func huaweiDayFen(up unitPrice, seatDays int64, days int) int64 {
	if f, ok := up.fenOfRatio(seatDays, int64(days)); ok {
		return f
	}
	return toFenOf(Cents(decimal.NewFromInt(seatDays).Mul(up.d).DivRound(decimal.NewFromInt(int64(days)), 8)), up.it)
}

func huaweiCycleHow(o *huaweiOffer) (string, string) {
	m := strconv.Itoa(o.months)
	how := m + "-month cycles bought on the day needed, each ending at the first 00:00 after its duration (UTC+8)"
	howZH := m + " 个月周期，需要之日购买，终点为时长后的第一个 00:00（UTC+8）"
	if o.how != "" {
		how += "; " + o.how
		howZH += "；" + o.howZH
	}
	return how, howZH
}

// huaweiWayName names a way of buying, in English and Chinese.
func huaweiWayName(months int) (string, string) {
	switch months {
	case 0:
		return "on demand", "按需"
	case 1:
		return "monthly cycles", "包月"
	case 6:
		return "half-year cycles", "半年"
	}
	return "yearly cycles", "包年"
}

func huaweiCycleWhy(months int) (string, string) {
	switch months {
	case 1:
		return "monthly cycle: a month and a day (ends at the first 00:00 after a month)", "包月周期：一个月零一天（终点为一个月后的第一个 00:00）"
	case 6:
		return "half-year cycle: ends at the first 00:00 after six months", "半年周期：终点为六个月后的第一个 00:00"
	}
	return "yearly cycle: ends at the first 00:00 after a year", "包年周期：终点为一年后的第一个 00:00"
}

// assumeVariant marks the lines of one variant of an item as resting on an
// assumption (assume marks every line of the item).
func (b *bill) assumeVariant(it *Item, key, text string) {
	for _, l := range b.byItem[lineKey{it, key}] {
		l.Assumption = true
		if l.Note == "" {
			l.Note = text
		} else if l.Note != text {
			l.Note += " " + text
		}
	}
}

// addQuantity adds a fractional quantity to a line made by chargeFen.
func (b *bill) addQuantity(it *Item, key string, unitPrice *decimal.Decimal, q decimal.Decimal) {
	for _, l := range b.byItem[lineKey{it, key}] {
		if (l.UnitPrice == nil) == (unitPrice == nil) && (unitPrice == nil || l.UnitPrice.Equal(*unitPrice)) {
			l.Quantity = l.Quantity.Add(q)
			return
		}
	}
}

// huaweiNumbersAndCalls: number rent per calendar month, a started month in
// full, paid on the 1st of the next; outbound minutes of fixed numbers
// (agents' and robots' outbound share) billed per minute, each call rounded
// up, paid the next day; inbound free. Calls need a number: with call
// minutes and no numbers, one is assumed (§7.7). A number's type is chosen
// when it is applied for, from its outbound minutes in a full month: under
// 50, the inbound-only type (rent includes 500 outbound minutes).
func huaweiNumbersAndCalls(pc *planCtx) {
	t := pc.t
	hd := pc.huaweiDays()
	types := huaweiNumberTypes(t)
	assumed := false
	fixed, inbound := pc.ed.Item("number.fixed.month"), pc.ed.Item("number.inbound.month")
	for i := range t.naturals {
		nt := &t.naturals[i]
		bm := t.billed(i)
		numbers := t.monthMax(nt, func(l *level) int64 { return l.numbers })
		calls := bm.agent.IsPositive() || bm.robot.IsPositive()
		if numbers == 0 && calls {
			numbers, assumed = 1, true
		}
		free := zero
		if numbers > 0 {
			ty := types[i]
			how, howZH := ty.how, ty.howZH
			it := fixed
			if ty.inbound {
				it = inbound
				free = decimal.NewFromInt(numbers * it.IncludedMinutes)
			}
			pc.chargeWhole(hd.settle[i], it.ID, variant{}, numbers, how, howZH)
			pc.b.assume(it.ID, "号码月租：页面未给出按天规则，不满一月按一月。Number rent: the page gives no day rule; a started month counts in full.")
		}
		r := pc.resolve("call.fixed.outbound.minute")
		q, fen, lastFen := huaweiCallFees(pc, r, nt, free)
		if !q.IsPositive() {
			continue
		}
		// Each day's bill is taken the next day: the month's last day in
		// the horizon is paid on the 1st (or after the horizon).
		last := &t.segs[nt.segTo-1]
		how := "outbound minutes (agents' and robots' outbound share, each call rounded up) beyond those included, billed daily (the month's minutes spread over its days, each day's bill rounded) and paid the next day; inbound free"
		howZH := "外呼分钟（人工外呼与机器人外呼部分，每通向上取整）扣除所含分钟，按日计费（当月分钟均摊到各天，每日账单取整到分），次日扣费；呼入免费"
		pc.b.chargeQtyFen(nt.month, r.it, variant{}, q, r.p, r.over, fen-lastFen, how, howZH)
		if lastFen > 0 {
			pc.b.chargeFen(t.cashMonth(last.from.AddDays(last.days)), r.it, variant{}, 0, r.p, r.over, lastFen, how, howZH)
		}
		pc.b.assume(r.it.ID, "按每通电话向上取整（页面也可理解为按当天总分钟取整），每通计费分钟取期望值；当月分钟均摊到各天，按日账单取整到分。Rounded up per call (the page could also mean per day's total), at the expected billed minutes per call; the month's minutes spread evenly over its days, each daily bill rounded to the fen (CNY 0.01).")
	}
	if t.peak.robotMin > 0 {
		pc.note(Note{ID: "huawei.robot-direction", Text: "机器人通话：按“机器人外呼占比”拆分，外呼部分按外呼计费，呼入部分免费。",
			EN: "Robot calls: the outbound share (robot_outbound_share) pays the outbound call fee; the inbound share is free."})
	}
	if assumed {
		for _, it := range []*Item{fixed, inbound} {
			pc.b.assume(it.ID, "通话需要号码：未填号码数，假定 1 个。Calls need a number: 1 assumed.")
		}
	}
}

// huaweiOutRate is a level's outbound minutes a month on the numbers:
// agents' outbound plus the robots' outbound share.
func huaweiOutRate(l *level) decimal.Decimal {
	out := decimal.NewFromInt(l.outMin)
	if l.robotMin > 0 && l.robotOut.IsPositive() {
		out = out.Add(decimal.NewFromInt(l.robotMin).Mul(l.robotOut))
	}
	return out
}

// huaweiCallFees bills a calendar month's outbound minutes on the numbers
// as Huawei does, daily ("通话费用：按天收取"): each day's expected billed
// minutes (the month's rate / days of the month, × billed minutes per
// minute of talk) at the minute price, each day's bill rounded to the fen;
// the minutes included with the numbers (free) are used from the month's
// first day. It returns the billable minutes, the month's fees and the
// fee of its last day in the horizon, all in fen.
func huaweiCallFees(pc *planCtx, r *resolved, nt *natural, free decimal.Decimal) (q decimal.Decimal, fen, lastFen int64) {
	t := pc.t
	days := decimal.NewFromInt(int64(nt.days))
	q = zero
	var micro int64 // the common case's minutes, in millionths
	for j := nt.segFrom; j < nt.segTo; j++ {
		sg := &t.segs[j]
		l := &sg.l
		if l.outMin == 0 && (l.robotMin == 0 || l.robotOut.IsZero()) {
			if j == nt.segTo-1 {
				lastFen = 0
			}
			continue
		}
		n := int64(sg.days)
		var dayFen int64 // one whole day's bill
		var perDay decimal.Decimal
		whole := l.robotMin == 0 || l.robotOut.IsZero()
		if r.p != nil && whole && free.IsZero() {
			// The common case in integers: talk minutes × (billed per
			// talk minute × price) / days, rounded.
			if f, ok := huaweiDayPrice(pc, r).fenOfRatio(l.outMin, int64(nt.days)); ok {
				dayFen = f
				// Billed minutes: outMin × n × factor / days to 6 places.
				m, ok := int64(0), false
				if l.outMin < 1<<40 && micro < 1<<56 { // n ≤ 31 days: no overflow
					m, ok = t.minuteUP.ratioAt(l.outMin*n, int64(nt.days), 6)
				}
				if ok && m < 1<<56 {
					micro += m
				} else {
					q = q.Add(decimal.NewFromInt(l.outMin*n).Mul(t.minuteFactor).DivRound(days, 6))
				}
				fen = addFenOf(fen, mulFenOf(dayFen, n, r.it), r.it)
				if j == nt.segTo-1 {
					lastFen = dayFen
				}
				continue
			}
		}
		perDay = huaweiOutRate(l).Mul(t.minuteFactor).DivRound(days, 12)
		dayBill := func(minutes decimal.Decimal) int64 {
			if r.p == nil || !minutes.IsPositive() {
				return 0
			}
			return toFenOf(Cents(minutes.Mul(*r.p)), r.it)
		}
		dayFen = dayBill(perDay)
		// Included minutes first: whole free days, then a part-free day.
		paidFrom := int64(0)
		if free.IsPositive() {
			k := free.Div(perDay).IntPart()
			if k >= n {
				free = free.Sub(perDay.Mul(decimal.NewFromInt(n)))
				if j == nt.segTo-1 {
					lastFen = 0
				}
				continue
			}
			free = free.Sub(perDay.Mul(decimal.NewFromInt(k)))
			part := perDay.Sub(free)
			q = q.Add(part)
			f := dayBill(part)
			fen = addFenOf(fen, f, r.it)
			free = zero
			paidFrom = k + 1
			if paidFrom == n && j == nt.segTo-1 {
				lastFen = f
				continue
			}
		}
		rest := n - paidFrom
		q = q.Add(perDay.Mul(decimal.NewFromInt(rest)))
		fen = addFenOf(fen, mulFenOf(dayFen, rest, r.it), r.it)
		if j == nt.segTo-1 {
			lastFen = dayFen
		}
	}
	if micro > 0 {
		q = q.Add(decimal.New(micro, -6))
	}
	return q.Round(6), fen, lastFen
}

// huaweiDayPrice is the price of one talk minute's billed minutes (billed
// minutes per talk minute × the minute price), kept for the comparison.
func huaweiDayPrice(pc *planCtx, r *resolved) unitPrice {
	if up, ok := pc.memo["huawei/call-day-price"].(unitPrice); ok {
		return up
	}
	up := newUnitPrice(pc.t.minuteFactor.Mul(*r.p))
	pc.memo["huawei/call-day-price"] = up
	return up
}

// huaweiNumberType is the type of a calendar month's numbers and why.
type huaweiNumberType struct {
	inbound    bool
	how, howZH string
}

// huaweiNumberTypes decides each calendar month's number type: when
// numbers are applied for (the first day they are needed) and again on
// each dated change, from the outbound minutes per number in a full month
// at the demand of that day. Part months at the horizon's edges and
// monthly growth never change it. A month takes the type in force on its
// first day with numbers.
func huaweiNumberTypes(t *timeline) []huaweiNumberType {
	// A dated change renews the type (a few changes: a scan, not a map).
	changed := func(d scenarios.Date) bool {
		return slices.ContainsFunc(t.s.Changes, func(c scenarios.Change) bool { return c.Date == d })
	}
	out := make([]huaweiNumberType, len(t.naturals))
	var cur *huaweiNumberType
	for i := range t.naturals {
		nt := &t.naturals[i]
		set := false
		for j := nt.segFrom; j < nt.segTo; j++ {
			sg := &t.segs[j]
			n := sg.l.numbers
			if n == 0 && (sg.l.inMin > 0 || sg.l.outMin > 0 || sg.l.robotMin > 0) {
				n = 1
			}
			if n == 0 {
				cur = nil
				continue
			}
			if cur == nil || changed(sg.from) {
				rate := huaweiOutRate(&sg.l)
				ty := huaweiNumberType{inbound: rate.LessThan(decimal.NewFromInt(50 * n))}
				per := rate.DivRound(decimal.NewFromInt(n), 2)
				const rent, rentZH = "numbers × months, a started month in full, paid on the 1st of the next month; ", "号码数 × 月数，不满一月按一月，次月 1 日结算；"
				if ty.inbound {
					ty.how = fmt.Sprintf(rent+"type set when applied for (%s): %s outbound minutes per number in a full month, under 50: inbound-only, 500 outbound minutes included", sg.from, per)
					ty.howZH = fmt.Sprintf(rentZH+"申请号码时（%s）定类型：每号整月外呼 %s 分钟，少于 50：仅呼入类型，含 500 分钟外呼", sg.from, per)
				} else {
					ty.how = fmt.Sprintf(rent+"type set when applied for (%s): %s outbound minutes per number in a full month, 50 or more: ordinary fixed number", sg.from, per)
					ty.howZH = fmt.Sprintf(rentZH+"申请号码时（%s）定类型：每号整月外呼 %s 分钟，不少于 50：普通固话号码", sg.from, per)
				}
				cur = &ty
			}
			if !set {
				out[i], set = *cur, true
			}
		}
	}
	return out
}
