package pricing

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// chatoperaDaily: the 2020 daily billing, chat API and ASR each with a free
// allowance per day, every day's bill rounded to 0.01 元.
func chatoperaDaily(pc *planCtx) {
	for i := range pc.t.segs {
		sg := &pc.t.segs[i]
		pc.dailyFree(sg, "chat.request.daily", sg.l.requests)
	}
	chatoperaASR(pc)
}

// chatoperaASR bills ASR seconds daily (the 2020 page: ASR has daily
// billing only, also under an annual chat package).
func chatoperaASR(pc *planCtx) {
	pc.shared(pc.ed.ID+"/asr", func() {
		for i := range pc.t.segs {
			sg := &pc.t.segs[i]
			pc.dailyFree(sg, "asr.second.daily", sg.l.asrSec)
		}
	})
}

// dailyFree charges one segment of an item billed per day beyond a free
// daily allowance.
func (pc *planCtx) dailyFree(sg *segment, id string, perDay int64) {
	if perDay == 0 {
		return
	}
	r := pc.resolve(id)
	price, it, over := r.p, r.it, r.over
	over1 := max(0, perDay-it.FreePerDay)
	how := fmt.Sprintf("%d a day, the first %d free, billed daily", perDay, it.FreePerDay)
	howZH := fmt.Sprintf("每天 %d，前 %d 免费，按日结算", perDay, it.FreePerDay)
	fen := int64(0)
	if price != nil {
		// Each day's bill is rounded, then the segment's days add up.
		fen = mulFenOf(r.up.fen(over1), int64(sg.days), it)
	}
	pc.b.chargeFen(sg.month, it, variant{}, over1*int64(sg.days), price, over, fen, how, howZH)
}

// chatoperaAnnual: the 2020 annual package, bought where it pays and
// daily billing on the other days (pricing-rules §7.5: "an annual package
// for the busy year and daily billing for the rest"). A package is paid
// the day bought and holds its quota for 12 months from that day;
// requests beyond it in its year cost the overage price, billed daily; no
// daily free quota while a package runs. A package is bought when none is
// running [A]: the seed sells a package per year, not several at once. The
// schedule is the cheapest of all such (annualSchedule, exact); ASR stays
// daily.
//
// 3,000 requests a day through 2027: daily billing 20.00 a day for 32 days
// (2027-01-01..02-01, 640.00), then the 1M package on 2027-02-02 (6,000.00;
// its year holds the other 333 days' 999,000 requests): 6,640.00, where the
// package from the first day costs 6,000 + 95,000 × 0.01 = 6,950.00 and
// daily billing alone 7,300.00.
func chatoperaAnnual(pc *planCtx) {
	t := pc.t
	pkgPrice, pkg, pkgOver := pc.price(pc.plan.Package)
	overR := pc.resolve("chat.request.overage")
	dailyR := pc.resolve("chat.request.daily")
	if t.peak.requests > 0 {
		if pkgPrice == nil || overR.p == nil || dailyR.p == nil {
			chatoperaAnnualUnpriced(pc, pkg)
		} else {
			chatoperaAnnualSchedule(pc, pkgPrice, pkg, pkgOver, overR, dailyR)
		}
	}
	chatoperaASR(pc)
}

// chatoperaAnnualUnpriced records the need for a package per year when a
// price is missing: no schedule can be compared without it.
func chatoperaAnnualUnpriced(pc *planCtx, pkg *Item) {
	for y := 0; y < (pc.t.months+11)/12; y++ {
		pc.b.charge(pc, y*12, pkg, one, nil, false, zero, "one package per package year", "每个套餐年一份")
	}
}

func chatoperaAnnualSchedule(pc *planCtx, pkgPrice *decimal.Decimal, pkg *Item, pkgOver bool, overR, dailyR *resolved) {
	t := pc.t
	n := t.days
	use := make([]int64, n)
	month := make([]int, n) // horizon month of each day
	for i := range t.segs {
		sg := &t.segs[i]
		from := t.dayIndex(sg.from)
		for d := from; d < from+sg.days; d++ {
			use[d], month[d] = sg.l.requests, sg.month
		}
	}
	free := dailyR.it.FreePerDay
	daily := func(q int64) int64 { return dailyR.up.fen(max(0, q-free)) }
	amount := Cents(*pkgPrice)
	sched := annualSchedule(use, expiryDays(t.start, n, 12), toFenOf(amount, pkg), pkg.Quota, daily, overR.up.fen)

	type acc struct{ qty, fen int64 }
	dailyByMonth := make([]acc, t.months)
	overByMonth := make([]acc, t.months)
	past := false
	for _, run := range sched {
		if !run.pkg {
			for d := run.from; d < run.to; d++ {
				a := &dailyByMonth[month[d]]
				a.qty += max(0, use[d]-free)
				a.fen = addFenOf(a.fen, daily(use[d]), dailyR.it)
			}
			continue
		}
		day := t.start.AddDays(run.from)
		until := day.AddMonths(12).AddDays(-1)
		past = past || !until.Before(t.end)
		pc.b.charge(pc, month[run.from], pkg, one, pkgPrice, pkgOver, amount,
			"bought on the day it pays off, valid 12 months from that day; daily billing on the days no package runs",
			"在划算的当天购买，自购买日起有效 12 个月；未持有套餐的日子按天计费")
		why, whyZH := "a package costs less than daily billing from this day", "自此日起包年比按天计费更省"
		pc.buy(day, pkg, one, &amount, until, why, whyZH)
		left := pkg.Quota
		for d := run.from; d < run.to; d++ {
			if left >= use[d] {
				left -= use[d]
				continue
			}
			a := &overByMonth[month[d]]
			beyond := use[d] - left
			left = 0
			a.qty += beyond
			a.fen = addFenOf(a.fen, overR.up.fen(beyond), overR.it)
		}
	}
	for m := range dailyByMonth {
		if a := dailyByMonth[m]; a.qty > 0 {
			pc.b.chargeFen(m, dailyR.it, variant{}, a.qty, dailyR.p, dailyR.over, a.fen,
				fmt.Sprintf("days no package runs: the first %d a day free, billed daily", free),
				fmt.Sprintf("未持有套餐的日子：每天前 %d 次免费，按日结算", free))
		}
		if a := overByMonth[m]; a.qty > 0 {
			pc.b.chargeFen(m, overR.it, variant{}, a.qty, overR.p, overR.over, a.fen,
				fmt.Sprintf("requests beyond the %s-a-year package, billed daily", group(pkg.Quota)),
				fmt.Sprintf("超出套餐 %s 条/年的请求，按日结算", group(pkg.Quota)))
		}
	}
	pc.note(Note{ID: "chatopera.annual-schedule",
		Text: "包年套餐在划算的当天购买（自购买日起 12 个月），其余日子按天计费；同一时间只持有一份套餐（种子按年出售套餐）。所列购买计划是所有这样的买法中总价最低的（逐日精确计算）。",
		EN:   "The annual package is bought on the day it pays off (valid 12 months from then) and the other days are billed daily; one package runs at a time (the seed sells a package a year). The schedule listed costs the least of all such (an exact calculation over days)."})
	if past {
		pc.note(Note{ID: "chatopera.last-year", Text: "最后一份套餐的有效期超出比较期，但按整年付款。",
			EN: "The last package runs past the horizon but is paid in full."})
	}
}

// annualRun is a run of days of an annual schedule: daily billing, or one
// package bought on day from and running to day to (exclusive, the horizon's
// end at most).
type annualRun struct {
	from, to int
	pkg      bool
}

// annualSchedule is the cheapest way to serve use (requests per day) with
// daily billing (daily(q): a day's bill in fen) and packages (pkg fen,
// quota requests, valid to expires[d] when bought on day d; over(q): the
// fen for q requests beyond the quota on a day), one package at a time.
// best[i], the least cost of days i.. with no package running on day i, is
// the cheaper of billing day i daily and then best[i+1], or a package
// from i, its overage, and then best[j] from the day j it ends: every such
// schedule is one of these choices day after day, so the minimum is exact.
// On a tie daily billing is kept (the package bought later).
func annualSchedule(use []int64, expires []int, pkg, quota int64, daily, over func(int64) int64) []annualRun {
	n := len(use)
	cum := make([]int64, n+1)    // requests before day d
	dayFen := make([]int64, n+1) // daily bills before day d
	overFen := make([]int64, n+1)
	for d, u := range use {
		cum[d+1] = cum[d] + u
		// Checked: a quote large enough to wrap a sum is refused, never
		// ranked as the cheaper schedule.
		dayFen[d+1] = addFen(dayFen[d], daily(u))
		overFen[d+1] = addFen(overFen[d], over(u))
	}
	best := make([]int64, n+1)
	pkgAt := make([]bool, n)
	for i := n - 1; i >= 0; i-- {
		best[i] = addFen(dayFen[i+1]-dayFen[i], best[i+1])
		j := min(expires[i], n)
		c := addFen(pkg, best[j])
		if cum[j]-cum[i] > quota {
			// The day the quota runs out pays for its remainder beyond it,
			// every later day of the package's year in full.
			r := i + sort.Search(j-i, func(k int) bool { return cum[i+k+1]-cum[i] > quota })
			c = addFen(c, addFen(over(cum[r+1]-cum[i]-quota), overFen[j]-overFen[r+1]))
		}
		if c < best[i] {
			best[i], pkgAt[i] = c, true
		}
	}
	var runs []annualRun
	for i := 0; i < n; {
		if pkgAt[i] {
			j := min(expires[i], n)
			runs = append(runs, annualRun{from: i, to: j, pkg: true})
			i = j
			continue
		}
		if k := len(runs) - 1; k >= 0 && !runs[k].pkg {
			runs[k].to = i + 1
		} else {
			runs = append(runs, annualRun{from: i, to: i + 1})
		}
		i++
	}
	return runs
}

// chatoperaPacks: the 2023 resource packs. Usage (chat requests plus ASR
// seconds, 1 second = 1 call, each request rounded up to a whole second)
// is served only from packs; with no quota the service stops, so the plan
// buys, on the days they are needed, the packs that never run out at the
// least cost (packPlan). Gift packs are drawn first.
func chatoperaPacks(pc *planCtx) {
	t := pc.t
	var kinds []packKind
	var items []*Item
	var prices []*decimal.Decimal
	var overs []bool
	for _, it := range pc.ed.Items {
		if it.Quota > 0 && it.ValidityMonths > 0 {
			p, _, o := pc.price(it.ID)
			if p == nil {
				continue
			}
			items = append(items, it)
			prices = append(prices, p)
			overs = append(overs, o)
			kinds = append(kinds, packKind{cost: p.Shift(4).Ceil().IntPart(), quota: it.Quota, months: it.ValidityMonths})
		}
	}
	use := make([]int64, t.days)
	asrBilled := false
	perRequest := map[string]decimal.Decimal{} // billed seconds per request, by mean length
	for i := range t.segs {
		sg := &t.segs[i]
		u := sg.l.requests
		if sg.l.asrSec > 0 {
			key := sg.l.asrLen.String()
			per, ok := perRequest[key]
			if !ok {
				per = asrSecondsPerRequest(sg.l.asrLen)
				perRequest[key] = per
			}
			u += asrBilledSeconds(sg.l.asrSec, sg.l.asrLen, per)
			asrBilled = true
		}
		from := t.dayIndex(sg.from)
		for d := from; d < from+sg.days; d++ {
			use[d] = u
		}
	}
	var total int64
	for _, u := range use {
		total += u
	}
	if total == 0 {
		return
	}
	giftLeft := chatoperaGifts(pc, use)
	if len(kinds) == 0 {
		pc.outage = "no resource pack is priced: the service would stop (enter a quote for a pack)"
		return
	}
	minQuota := kinds[0].quota
	for _, k := range kinds {
		minQuota = min(minQuota, k.quota)
	}
	var buys []packBuy
	var cost int64
	ok, searched, windows := false, false, false
	budget := -1 // bounds only: prove the plan at volume or fall back
	if total <= packSearchCalls*minQuota {
		searched, budget = true, packBudget
	}
	buys, cost, ok, proof := packSearch(t.start, use, kinds, budget)
	proven := proof != unproven
	if !proven {
		// The better of the best plan found and whole-month windows.
		if wb, wc := windowPlan(t.start, t.months, use, kinds); wc >= 0 && (!ok || wc < cost) {
			buys, ok, windows = wb, true, true
		}
	}
	if day := refusedDay(t.start, use, kinds, buys); !ok || day >= 0 {
		// Never show a plan that stops the service as if it did not.
		pc.outage = fmt.Sprintf("no purchase plan found that serves every day (first day without quota: %s)", t.start.AddDays(max(day, 0)))
		return
	}
	var bought int64
	lineHow := make([][2]string, len(items))
	for k, it := range items {
		lineHow[k] = [2]string{
			fmt.Sprintf("%s calls each, valid %s from the day bought; bought on the day quota is needed", group(it.Quota), monthsEN(it.ValidityMonths)),
			fmt.Sprintf("每包 %s 次，自购买日起有效 %d 个月；在需要额度的当天购买", group(it.Quota), it.ValidityMonths),
		}
	}
	for bi, b := range buys {
		d := t.start.AddDays(b.day)
		month := t.monthOf(d)
		why, whyZH := "quota is needed from this day", "自此日起需要额度"
		if bi > 0 {
			prev := buys[bi-1]
			switch {
			case windows:
				why, whyZH = "a window of whole months starts", "新的整月购买窗口开始"
			case prev.day < b.day && b.day < prev.endDay:
				why, whyZH = "drawn first on busy days, it stretches the longer pack's quota", "业务繁忙时优先扣除，延长长期资源包的额度"
			case prev.expired:
				why, whyZH = "the packs held before expire", "此前的资源包到期"
			default:
				why, whyZH = "the quota held before runs out this day", "此前额度于当日用完"
			}
		}
		for k, n := range b.counts {
			if n == 0 {
				continue
			}
			it := items[k]
			q := decimal.NewFromInt(n)
			amount := Cents(q.Mul(*prices[k]))
			until := d.AddMonths(it.ValidityMonths).AddDays(-1)
			bought += n * it.Quota
			pc.b.chargeAs(pc, month, it, variant{}, q, prices[k], overs[k], amount, lineHow[k][0], lineHow[k][1])
			pc.buy(d, it, q, &amount, until, why, whyZH)
		}
	}
	// Why the plan may not be the cheapest of all, when it may not.
	var why, whyZH string
	switch {
	case proven:
	case !searched:
		why, whyZH = "At this volume the day-by-day search is not run", "用量较大，未做逐日搜索"
	default:
		why, whyZH = "The day-by-day search ran past its budget", "逐日搜索超出计算预算"
	}
	how, howZH := "the best plan the search found", "搜索找到的最省计划"
	if windows {
		how, howZH = "packs bought for windows of whole months, quota left at a window's end counted as lost", "按整月窗口购买，窗口结束时余量计为作废"
	}
	if !proven {
		for _, it := range items {
			pc.b.assume(it.ID, fmt.Sprintf("%s：%s，可能还有更省的买法。%s: %s; a cheaper way to buy may exist.", whyZH, howZH, why, how))
		}
	}
	for _, it := range items {
		pc.b.assume(it.ID, "同时持有多个已购资源包时先扣除最早到期的（价格页未说明已购资源包之间的顺序）。Among bought packs the one expiring first is drawn first (the price page gives no order).")
	}
	if asrBilled {
		pc.note(Note{ID: "chatopera.asr-rounding", Text: "语音识别：每次请求不足 1 秒按 1 秒计（请求时长按指数分布估计，平均时长见方案设置），每天向上取整到整次。",
			EN: "ASR: each request's remainder under a second counts as a whole second (request lengths taken as exponential with the scenario's mean); each day rounded up to whole calls."})
	}
	if used := total - giftLeft; bought > used {
		pc.hints = append(pc.hints, Note{
			EN:   fmt.Sprintf("%s of %s calls bought expire unused", group(bought-used), group(bought)),
			Text: fmt.Sprintf("购买的 %s 次中有 %s 次到期未用", group(bought), group(bought-used)),
		})
	}
	text := "资源包：用量（对话请求 + ASR 秒数）只从资源包扣除，无配额即停服；所列购买计划逐日核对，保证每天都有额度"
	en := "Resource packs: usage (chat requests + ASR seconds) is served only from packs and stops when they run out; the purchases listed are checked day by day to leave quota on every day"
	switch proof {
	case provenBySearch:
		text += "，且是所有这样的计划中总价最低的（逐日精确搜索）。"
		en += ", and cost the least of all such plans (an exact search over days)."
	case provenByBound:
		text += "，且是所有这样的计划中总价最低的（总价等于任何计划都不可能低于的下限，无需逐日搜索）。"
		en += ", and cost the least of all such plans (the total meets a lower bound no plan can beat, so no search over days was needed)."
	default:
		text += fmt.Sprintf("。%s：%s，可能还有更省的买法。", whyZH, howZH)
		en += fmt.Sprintf(". %s: %s; a cheaper way to buy may exist.", why, how)
	}
	pc.note(Note{ID: "chatopera.packs", Text: text, EN: en})
}

// At any volume a plan that costs the lower bound (each kind counted at
// the calls it could serve within its validity) is proven cheapest at
// once: at volume validity binds only at the horizon's end, so buying the
// cheapest cover one pack at a time as quota runs out meets it (the spec
// example, 3,000 calls a day for 36 months, and the benchmarks). Otherwise
// the day-by-day search runs when the horizon's use is at most
// packSearchCalls of the smallest pack (300 calls a day for three years
// with 5,000-call packs is 657), and at most packBudget mixes, so that
// results follow typing; within both it gives the proven cheapest plan.
// Past them, whole-month windows are the fallback, and the result says a
// cheaper way to buy may exist.
const (
	packSearchCalls = 1000
	packBudget      = 3000
)

// refusedDay replays a plan day by day in the vendor's order (the pack that
// expires first) and returns the first day a call would be refused, or -1.
func refusedDay(start scenarios.Date, use []int64, kinds []packKind, buys []packBuy) int {
	type held struct {
		left    int64
		expires int
	}
	expiry := map[int][]int{}
	expires := func(day, months int) int {
		e := expiry[months]
		if e == nil {
			e = expiryDays(start, len(use), months)
			expiry[months] = e
		}
		return e[day]
	}
	// packs are held by expiry, earliest first (bought the same day: in the
	// order bought); the ones before head are spent or expired.
	var packs []held
	head, b := 0, 0
	for day, u := range use {
		for ; b < len(buys) && buys[b].day == day; b++ {
			for k, n := range buys[b].counts {
				if n > 0 {
					h := held{left: n * kinds[k].quota, expires: expires(day, kinds[k].months)}
					i := head + sort.Search(len(packs)-head, func(i int) bool { return packs[head+i].expires > h.expires })
					packs = slices.Insert(packs, i, h)
				}
			}
		}
		for u > 0 && head < len(packs) {
			p := &packs[head]
			if p.left == 0 || p.expires <= day {
				head++
				continue
			}
			take := min(u, p.left)
			p.left -= take
			u -= take
		}
		if u > 0 {
			return day
		}
	}
	return -1
}

// chatoperaGifts draws the scenario's gift packs first ("赠送资源包 >
// 购买资源包"), the one expiring first among them, taking what they serve
// out of use; it returns the calls the gifts served.
func chatoperaGifts(pc *planCtx, use []int64) int64 {
	t := pc.t
	type gift struct {
		from, to int // days of the horizon it is valid on: [from, to)
		left     int64
	}
	var gifts []*gift
	var other []scenarios.Gift
	for _, g := range pc.vs.Gifts {
		it := pc.ed.Item(g.Item)
		if it == nil || it.Quota == 0 || it.ValidityMonths == 0 {
			// A pack of another edition (Validate refuses an item that
			// is no pack of the vendor's): said, never dropped silently.
			other = append(other, g)
			continue
		}
		from, to := t.dayIndex(g.Date), t.dayIndex(g.Date.AddMonths(it.ValidityMonths))
		gifts = append(gifts, &gift{from: max(from, 0), to: min(to, len(use)), left: it.Quota})
	}
	if len(other) > 0 {
		giftsNotApplied(pc, other, fmt.Sprintf("价格版本 %s 没有这种资源包", pc.ed.ID), fmt.Sprintf("the price edition %s has no such pack", pc.ed.ID))
	}
	if len(gifts) == 0 {
		return 0
	}
	sort.SliceStable(gifts, func(i, j int) bool { return gifts[i].to < gifts[j].to })
	var served int64
	for d := range use {
		for _, g := range gifts {
			if use[d] == 0 {
				break
			}
			if d < g.from || d >= g.to || g.left == 0 {
				continue
			}
			take := min(use[d], g.left)
			g.left -= take
			use[d] -= take
			served += take
		}
	}
	pc.note(Note{ID: "chatopera.gifts", Text: fmt.Sprintf("赠送资源包先于购买的资源包扣除，共抵扣 %s 次。", group(served)),
		EN: fmt.Sprintf("Gift packs are drawn before bought ones: they serve %s calls.", group(served))})
	return served
}

// giftsNotApplied notes on the plan that gifts the buyer listed
// (vendors.<id>.gifts) are not drawn, and why (whyZH, why; "": the plan
// does not bill usage from resource packs): a buyer who typed a gift is
// told it changed nothing (pricing-rules §7.2 draws gifts from
// Chatopera's resource packs only).
func giftsNotApplied(pc *planCtx, gifts []scenarios.Gift, whyZH, why string) {
	if why == "" {
		if pc.v.ID == scenarios.Chatopera {
			whyZH = fmt.Sprintf("方案“%s”不从资源包扣除用量", pc.plan.Name)
			why = fmt.Sprintf("the plan %s does not draw usage from resource packs", pc.plan.NameEN)
		} else {
			whyZH = fmt.Sprintf("kefucost 只从 Chatopera 的资源包扣除赠送额度，%s的用量全部按购买计价", pc.v.Name)
			why = fmt.Sprintf("kefucost draws gifts only from Chatopera's resource packs; %s's use is priced as bought", pc.v.NameEN)
		}
	}
	var list, listZH []string
	for _, g := range gifts {
		name, nameEN := g.Item, g.Item
		if it := pc.v.anyItem(g.Item); it != nil {
			name, nameEN = it.Name, it.NameEN+" ("+g.Item+")"
		}
		list = append(list, fmt.Sprintf("%s on %s", nameEN, g.Date))
		listZH = append(listZH, fmt.Sprintf("%s（%s）", name, g.Date))
	}
	pc.note(Note{ID: "gifts-not-applied",
		Text: fmt.Sprintf("赠送的%s未计入：%s。", strings.Join(listZH, "、"), whyZH),
		EN:   fmt.Sprintf("Gift packs not applied (%s): %s.", strings.Join(list, ", "), why)})
}

// asrSecondsPerRequest is what one ASR request of mean length L seconds
// bills when its remainder under a second counts as a whole second:
// lengths exponential, 1 / (1 − e^(−1/L)) seconds on average.
func asrSecondsPerRequest(meanLen decimal.Decimal) decimal.Decimal {
	return BilledMinutesPerCall(effectiveASRLen(meanLen), scenarios.CallExponential)
}

// effectiveASRLen is the mean ASR request length used: the default when
// none is given (0).
func effectiveASRLen(meanLen decimal.Decimal) decimal.Decimal {
	if !meanLen.IsPositive() {
		return scenarios.DefaultASRSecondsPerRequest
	}
	return meanLen
}

// asrBilledSeconds is a day's ASR seconds as billed: sec / L requests of
// mean length L, each billing per seconds (asrSecondsPerRequest); the day
// rounded up to whole calls.
//
// 3,600 seconds a day in requests of 5 s: 720 requests × 5.516655… s =
// 3,971.99… → 3,972 calls.
func asrBilledSeconds(sec int64, meanLen, per decimal.Decimal) int64 {
	if sec == 0 {
		return 0
	}
	if !meanLen.IsPositive() {
		meanLen = scenarios.DefaultASRSecondsPerRequest
	}
	// sec × per / (c × 10^e) to 8 places is sec × per / c to 8 − e
	// places; then up to a whole second.
	if c, ok := coef64(meanLen); ok && c > 0 && sec > 0 {
		if r, ok := newUnitPrice(per).ratioAt(sec, c, 8-int(meanLen.Exponent())); ok {
			return r/1e8 + btoi64(r%1e8 != 0)
		}
	}
	return decimal.NewFromInt(sec).Mul(per).DivRound(meanLen, 8).Ceil().IntPart()
}

func btoi64(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// group writes 1000000 as 1,000,000.
func group(v int64) string {
	s := fmt.Sprint(v)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
