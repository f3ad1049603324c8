package pricing

import (
	"fmt"
	"slices"
	"sort"

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
		fen = r.up.fen(over1) * int64(sg.days)
	}
	pc.b.chargeFen(sg.month, it, variant{}, over1*int64(sg.days), price, over, fen, how, howZH)
}

// chatoperaAnnual: a chat package per package year (from the start date),
// paid at the start of each year; requests beyond the year's quota at the
// overage price, billed daily; ASR stays daily.
func chatoperaAnnual(pc *planCtx) {
	t := pc.t
	pkgPrice, pkg, pkgOver := pc.price(pc.plan.Package)
	overR := pc.resolve("chat.request.overage")
	overPrice, overItem, overOver := overR.p, overR.it, overR.over
	years := (t.months + 11) / 12
	if t.peak.requests > 0 {
		for y := 0; y < years; y++ {
			pc.b.charge(pc, y*12, pkg, one, pkgPrice, pkgOver, Cents(*pkgPrice),
				fmt.Sprintf("one package per package year from %s, paid up front", t.start),
				fmt.Sprintf("自 %s 起每个套餐年一份，年初付款", t.start))
		}
		if rest := t.months % 12; rest != 0 {
			pc.note(Note{ID: "chatopera.last-year", Text: fmt.Sprintf("最后一个套餐年只用到 %d 个月，但按整年付款。", rest),
				EN: fmt.Sprintf("The last package year is used for %s only but paid in full.", monthsEN(rest))})
		}
	}
	left := make([]int64, years)
	for y := range left {
		left[y] = pkg.Quota
	}
	for i := range t.segs {
		sg := &t.segs[i]
		r := sg.l.requests
		if r == 0 {
			continue
		}
		y := sg.month / 12
		use := r * int64(sg.days)
		if left[y] >= use {
			left[y] -= use
			continue
		}
		// The quota runs out during this segment: the day it does pays for
		// its remainder, every later day in full.
		full := left[y] / r
		partial := r - (left[y] - full*r)
		rest := int64(sg.days) - full - 1
		fen := overR.up.fen(partial) + overR.up.fen(r)*rest
		pc.b.chargeFen(sg.month, overItem, variant{}, use-left[y], overPrice, overOver, fen,
			fmt.Sprintf("requests beyond the %s-a-year package, billed daily", group(pkg.Quota)),
			fmt.Sprintf("超出套餐 %s 条/年的请求，按日结算", group(pkg.Quota)))
		left[y] = 0
	}
	chatoperaASR(pc)
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
	ok, proven, searched, windows := false, false, false, false
	budget := -1 // bounds only: prove the plan at volume or fall back
	if total <= packSearchCalls*minQuota {
		searched, budget = true, packBudget
	}
	buys, cost, ok, proven = packSearch(t.start, use, kinds, budget)
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
		pc.b.assume(it.ID, "同时持有多个已购资源包时先扣除最早到期的（种子未说明已购资源包之间的顺序）。Among bought packs the one expiring first is drawn first (the seed gives no order).")
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
	if proven {
		text += "，且是所有这样的计划中总价最低的（逐日精确搜索）。"
		en += ", and cost the least of all such plans (an exact search over days)."
	} else {
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
	for _, g := range pc.vs.Gifts {
		it := pc.ed.Item(g.Item)
		if it == nil || it.Quota == 0 {
			continue // Validate names an unknown gift item
		}
		from, to := t.dayIndex(g.Date), t.dayIndex(g.Date.AddMonths(it.ValidityMonths))
		gifts = append(gifts, &gift{from: max(from, 0), to: min(to, len(use)), left: it.Quota})
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

// asrSecondsPerRequest is what one ASR request of mean length L seconds
// bills when its remainder under a second counts as a whole second:
// lengths exponential, 1 / (1 − e^(−1/L)) seconds on average.
func asrSecondsPerRequest(meanLen decimal.Decimal) decimal.Decimal {
	if !meanLen.IsPositive() {
		meanLen = scenarios.DefaultASRSecondsPerRequest
	}
	return BilledMinutesPerCall(meanLen, scenarios.CallExponential)
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
	return decimal.NewFromInt(sec).Mul(per).DivRound(meanLen, 8).Ceil().IntPart()
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
