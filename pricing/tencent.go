package pricing

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// tencentPlan: every item is a yearly per-unit subscription (pricing-rules
// §2, §7.3). Users and robots are bought when first needed, a whole year
// from that day; units added while a term runs pay TencentAddition up to
// its end; each term that ends inside the horizon is renewed for a year
// for the units still needed that day.
func tencentPlan(pc *planCtx) {
	var online []tencentTerm
	if pc.plan.Online != "" {
		online = tencentSubscription(pc, pc.plan.Online, func(l *level) int64 { return l.online }, nil, tencentUser)
	}
	if pc.plan.Phone != "" {
		tencentSubscription(pc, pc.plan.Phone, func(l *level) int64 { return l.phone }, nil, tencentUser)
	}
	// A robot licence is needed as soon as there are bot chats; bought
	// while online CS runs, it ends with it (seed 002: "到期时间需跟企点客服
	// 保持一致").
	robotNeed := func(l *level) int64 {
		if l.chats > 0 {
			return max(l.bots, 1)
		}
		return l.bots
	}
	var robot []tencentTerm
	if pc.plan.Robot != "" {
		robot = tencentSubscription(pc, pc.plan.Robot, robotNeed, online, tencentBot)
	}
	if pc.option("tencent.knowledge-cloud") {
		// The knowledge cloud is sold with the robot (the robot table of
		// seed 002): one set a year while a robot is needed.
		if len(robot) > 0 {
			tencentSubscription(pc, "knowledge.cloud.year", func(l *level) int64 { return min(robotNeed(l), 1) }, nil, tencentSet)
		} else {
			pc.note(Note{ID: "tencent.knowledge-cloud-unused", Text: "行业知识云随机器人使用：本场景不需要机器人，未购买。",
				EN: "The industry knowledge cloud goes with a robot: no robot is needed here, so none is bought."})
		}
	}
	pc.shared(pc.ed.ID+"/sessions", func() { tencentSessions(pc) })
	pc.shared(pc.ed.ID+"/phone", func() { tencentPhone(pc) })
}

// tencentTerm is a subscription term: from through the day before end.
type tencentTerm struct{ from, end scenarios.Date }

// tencentKind is how a subscription's units are named.
type tencentKind struct{ en, ens, zh string }

var (
	tencentUser = tencentKind{"user", "users", "用户"}
	tencentBot  = tencentKind{"bot", "bots", "机器人"}
	tencentSet  = tencentKind{"set", "sets", "套"}
)

func (k tencentKind) plural(n int64) string {
	if n == 1 {
		return k.en
	}
	return k.ens
}

// Line variants of a Tencent subscription.
var (
	tencentAdded   = variant{key: "add", label: "（期中增购）", labelEN: " (added mid-term)"}
	tencentAligned = variant{key: "aligned", label: "（随在线客服到期）", labelEN: " (ends with online CS)"}
)

// tencentSubscription buys one item for the horizon and returns its terms.
//
// The rules, in the order the days come:
//   - First purchase (nothing of the item running): whole annual terms
//     from that day, paid that day, even where the year runs past the
//     horizon (§7.3) — except a robot bought while an online-CS term runs
//     (alignTo), which ends with that term and pays TencentAddition for
//     the time left.
//   - Units added while a term runs: TencentAddition (whole remaining
//     years × annual + remaining months × annual / 10, capped at a year
//     per unit), ending with the term.
//   - Renewal: a term that ends inside the horizon is renewed for one year
//     for the units needed on the day it ends. When the need has dropped,
//     only those are renewed (no refund inside a term, §2; more units
//     later are cheaper as additions, which never cost more than a year).
//     When nothing is needed that day the subscription lapses, and a later
//     need is a first purchase again.
//
// Minimum purchases (3 users, 1 robot) apply to every purchase count.
func tencentSubscription(pc *planCtx, id string, get func(*level) int64, alignTo []tencentTerm, kind tencentKind) []tencentTerm {
	t := pc.t
	if t.peak.maxOf(get) == 0 {
		return nil
	}
	r := pc.resolve(id)
	price, it, over := r.p, r.it, r.over
	need := func(l *level) int64 { return MinUnits(get(l), it.Min) }
	var terms []tencentTerm
	var paid int64 // units held in the running term
	running := false
	var cur tencentTerm
	// The schedule is written only for the plan shown (pc.later); each
	// purchase is a bill, in fen.
	type buy struct {
		d, until   scenarios.Date
		n, fen     int64
		why, whyZH string
	}
	var buys []buy
	var yearHow, yearHowZH string
	year := func(d scenarios.Date, n int64, renewal bool) {
		cur = tencentTerm{d, d.AddMonths(12)}
		terms = append(terms, cur)
		running, paid = true, n
		var fen int64
		if price != nil {
			fen = r.up.fen(n)
		}
		if yearHow == "" {
			yearHow = fmt.Sprintf("annual terms from the day first needed (at least %d %s), renewed each year for the units still needed", it.Min, kind.plural(it.Min))
			yearHowZH = fmt.Sprintf("自首次需要之日起按年订购（最少 %d 个%s），每年到期时按仍需的数量续费", it.Min, kind.zh)
		}
		pc.b.chargeFen(t.monthOf(d), it, variant{}, n, price, over, fen, yearHow, yearHowZH)
		why, whyZH := "first purchase: a whole year from the day needed", "首次购买：自需要之日起整年"
		if renewal {
			why, whyZH = "renewal for a year: the units still needed when the term ends", "续费一年：到期当日仍需的数量"
		}
		buys = append(buys, buy{d, cur.end.AddDays(-1), n, fen, why, whyZH})
	}
	var described [2]bool // a line's formula is its first charge's (added, aligned)
	prorated := func(d scenarios.Date, n int64, va variant, why, whyZH string) {
		years, months := RemainingYearsMonths(d, cur.end)
		var fen int64
		if price != nil {
			fen = toFenOf(Cents(TencentAddition(*price, n, years, months)), it)
		}
		var how, howZH string
		if k := btoi(va.key == tencentAligned.key); !described[k] {
			described[k] = true
			how = fmt.Sprintf("added %s with %d years %d months left: annual × whole years + annual / 10 × months (capped at a year) per %s", d, years, months, kind.en)
			howZH = fmt.Sprintf("%s 增购，剩余 %d 年 %d 个月：年费 × 整年数 + 年费 / 10 × 月数（不超过一年），按%s计", d, years, months, kind.zh)
		}
		pc.b.chargeFen(t.monthOf(d), it, variant{key: va.key, label: va.label, labelEN: va.labelEN, unit: kind.en}, n, price, over, fen, how, howZH)
		pc.b.assume(it.ID, "剩余月数不足一月按一月计。A started month counts in full.")
		buys = append(buys, buy{d, cur.end.AddDays(-1), n, fen, why, whyZH})
	}
	dropped := false // fewer units needed than paid for, inside a term
	for i := 0; ; {
		// A term ending before the next change of need (or the horizon's
		// end) is renewed first.
		if running && cur.end.Before(t.end) && (i == len(t.segs) || !t.segs[i].from.Before(cur.end)) {
			if n := need(t.levelOn(cur.end)); n > 0 {
				dropped = dropped || n < paid
				year(cur.end, n, true)
			} else {
				running, paid = false, 0
			}
			continue
		}
		if i == len(t.segs) {
			break
		}
		sg := &t.segs[i]
		i++
		n := need(&sg.l)
		switch {
		case n == 0 || running && n <= paid:
			if running && n < paid {
				dropped = true
			}
		case running:
			add := n - paid
			paid = n
			prorated(sg.from, add, tencentAdded, "added while the term runs: prorated to its end", "期中增购：按剩余时间计费，与原订购同时到期")
		default:
			// Bought the day online CS starts, a whole year ends with it
			// anyway: a plain first purchase.
			if o := termOn(alignTo, sg.from); o != nil && o.from.Before(sg.from) {
				cur = tencentTerm{sg.from, o.end}
				terms = append(terms, cur)
				running, paid = true, n
				prorated(sg.from, n, tencentAligned, "bought while online CS runs: ends with it, prorated", "在线客服有效期内购买：与其同时到期，按剩余时间计费")
				continue
			}
			year(sg.from, n, false)
		}
	}
	pc.laterBuys += len(buys)
	pc.later = append(pc.later, func() {
		for _, b := range buys {
			var amount *decimal.Decimal
			if price != nil {
				a := fromFen(b.fen)
				amount = &a
			}
			pc.buy(b.d, it, decimal.NewFromInt(b.n), amount, b.until, b.why, b.whyZH)
		}
	})
	if dropped {
		pc.b.assume(it.ID, "需求减少：期内减少的用户不退费（页面未提退费），到期只续仍需的数量。Fewer units needed: none refunded inside a term (the page states no refund); only the units still needed are renewed.")
	}
	for _, tm := range terms {
		if tm.end.After(t.end) {
			pc.note(Note{ID: "tencent.past-horizon", Text: "包年订购：越过期末的年度也按整年付款（首次购买自需要之日起整年）。",
				EN: "Annual terms that run past the horizon are paid in full (a first purchase is a whole year from the day needed)."})
			break
		}
	}
	return terms
}

// TencentAddition is what Tencent charges for units added during a term:
// annual × whole remaining years × units, plus annual / 10 × units × the
// remaining non-whole months, the part-year part capped per unit at one
// annual fee (10 or 11 months cost a full year).
//
// Seed check: adding 3 basic users (999 元) with 1 year 6 months left costs
// 3 × 1 × 999 + 3 × 6 × 99.9 = 4,795.20 元.
func TencentAddition(annual decimal.Decimal, units int64, years, months int) decimal.Decimal {
	u := decimal.NewFromInt(units)
	whole := annual.Mul(decimal.NewFromInt(int64(years))).Mul(u)
	part := annual.Div(ten).Mul(decimal.NewFromInt(int64(months)))
	if part.GreaterThan(annual) {
		part = annual
	}
	return whole.Add(part.Mul(u))
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// termOn is the term of spans running on day d, or nil.
func termOn(spans []tencentTerm, d scenarios.Date) *tencentTerm {
	for i := range spans {
		if !d.Before(spans[i].from) && d.Before(spans[i].end) {
			return &spans[i]
		}
	}
	return nil
}

// tencentSessions buys the cheapest mix of session packs covering every bot
// conversation of the horizon (interpretation: a robot includes no
// sessions; packs do not expire within the horizon). Each pack of the mix
// is bought on the day the quota bought so far would run out, smallest
// first: the same total, paid as late as the sessions allow.
func tencentSessions(pc *planCtx) {
	t := pc.t
	var total int64
	for i := range t.segs {
		total += t.segs[i].l.chats * int64(t.segs[i].days)
	}
	if total == 0 {
		return
	}
	var items []*Item
	var offers []packOffer
	for _, it := range pc.ed.Items {
		if it.Quota > 0 {
			p, _, _ := pc.price(it.ID)
			if p == nil {
				continue
			}
			items = append(items, it)
			offers = append(offers, packOffer{quota: it.Quota, price: p.Shift(4).Ceil().IntPart()})
		}
	}
	counts := CheapestCover(total, offers)
	order := make([]int, 0, len(items))
	for i, n := range counts {
		if n > 0 {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return items[order[a]].Quota < items[order[b]].Quota })
	// Walk the days: buy the next pack when a day's sessions would exceed
	// the quota bought so far.
	type buy struct {
		day  scenarios.Date
		item int
		n    int64
	}
	var buys []buy
	var bought, used int64
	next := 0 // index into order
	for i := range t.segs {
		sg := &t.segs[i]
		c := sg.l.chats
		if c == 0 {
			continue
		}
		for next < len(order) && bought < used+c*int64(sg.days) {
			k := int64(0)
			if bought > used {
				k = (bought - used) / c // the first day whose sessions do not fit
			}
			d := sg.from.AddDays(int(k))
			it := order[next]
			if n := len(buys); n > 0 && buys[n-1].item == it && buys[n-1].day.Equal(d) {
				buys[n-1].n++
			} else {
				buys = append(buys, buy{d, it, 1})
			}
			bought += items[it].Quota
			if counts[it]--; counts[it] == 0 {
				next++
			}
		}
		used += c * int64(sg.days)
	}
	how := fmt.Sprintf("cheapest mix of packs covering all %s conversations of the horizon, each bought the day the quota would run out", group(total))
	howZH := fmt.Sprintf("覆盖全部 %s 次会话的最省组合，每个充值包在额度将用完之日购买", group(total))
	for _, b := range buys {
		price, it, over := pc.price(items[b.item].ID)
		q := decimal.NewFromInt(b.n)
		a := Cents(q.Mul(*price))
		pc.b.charge(pc, t.monthOf(b.day), it, q, price, over, a, how, howZH)
		pc.b.assume(it.ID, "机器人不含会话额度，会话从充值包扣除；充值包在期内不过期。A robot includes no sessions; packs do not expire within the horizon.")
		pc.buy(b.day, it, q, &a, scenarios.Date{}, "session packs, bought when the quota bought so far would run out (taken not to expire)", "会话充值包：在已购额度将用完之日购买（假定不过期）")
	}
	pc.note(Note{ID: "tencent.sessions", Text: fmt.Sprintf("会话充值包：机器人不含会话额度（解读），购买覆盖 %s 次会话的最省组合，共 %s 次额度，每包在额度将用完之日购买；假定充值包期内不过期。", group(total), group(bought)),
		EN: fmt.Sprintf("Session packs: a robot includes no sessions (interpretation); the cheapest mix covering %s conversations (%s bought), each pack bought the day the quota would run out; packs assumed not to expire within the horizon.", group(total), group(bought))})
}

// tencentPhone: numbers and call minutes are not on Tencent's page, so they
// are unpriced unless the buyer enters a quote. Calls need a number
// (§7.7): a month with agent call minutes and no numbers needs one.
func tencentPhone(pc *planCtx) {
	t := pc.t
	assumed := false
	for i := range t.naturals {
		nt := &t.naturals[i]
		billed := t.billed(i).agent
		n := t.monthMax(nt, func(l *level) int64 { return l.numbers })
		how, howZH := "numbers × months; a started month counts in full", "号码数 × 月数；不满一月按一月"
		if n == 0 && billed.IsPositive() {
			n, assumed = 1, true
			how, howZH = "calls need a number: 1 assumed", "通话需要号码：假定 1 个"
		}
		if n > 0 {
			pc.chargeWhole(nt.month, "phone.number.month", variant{}, n, how, howZH)
		}
		if billed.IsPositive() {
			price, it, over := pc.price("phone.minute")
			amount := zero
			if price != nil {
				amount = Cents(billed.Mul(*price))
			}
			pc.b.charge(pc, nt.month, it, billed, price, over, amount, "agent call minutes, in and out, each call rounded up", "人工通话分钟（呼入 + 呼出），每通向上取整")
		}
	}
	if assumed {
		pc.b.assume("phone.number.month", "通话需要号码：未填号码数，假定 1 个。Calls need a number: 1 assumed.")
	}
}

func (l *level) maxOf(get func(*level) int64) int64 { return get(l) }

// monthsEN writes "1 month", "5 months".
func monthsEN(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}
