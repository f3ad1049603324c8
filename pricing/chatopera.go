package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
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
// seconds, 1 second = 1 call) is served only from packs; with no quota the
// service stops, so the plan buys packs that never run out, at the least
// cost. Packs are bought at the start of a horizon month and cover a window
// of whole months no longer than their validity; quota left at the end of
// a window is counted as expired (interpretation: it may in fact carry on
// until the pack's own expiry, so the true cost can only be lower).
func chatoperaPacks(pc *planCtx) {
	t := pc.t
	var items []*Item
	var prices []*decimal.Decimal
	var overs []bool
	maxV := 0
	for _, it := range pc.ed.Items {
		if it.Quota > 0 && it.ValidityMonths > 0 {
			p, _, o := pc.price(it.ID)
			if p == nil {
				continue
			}
			items = append(items, it)
			prices = append(prices, p)
			overs = append(overs, o)
			maxV = max(maxV, it.ValidityMonths)
		}
	}
	use := make([]int64, t.months+1) // use[m]: calls before horizon month m
	for i := range t.segs {
		sg := &t.segs[i]
		use[sg.month+1] += (sg.l.requests + sg.l.asrSec) * int64(sg.days)
	}
	for m := 1; m <= t.months; m++ {
		use[m] += use[m-1]
	}
	if use[t.months] == 0 {
		return
	}
	M := t.months
	cost := make([]int64, M+1)
	choice := make([]int, M+1)
	counts := make([][]int64, M+1)
	offersFor := make([][]packOffer, maxV+1)
	idxFor := make([][]int, maxV+1)
	solvers := make([]*coverSolver, maxV+1)
	for w := 1; w <= maxV; w++ {
		for i, it := range items {
			if it.ValidityMonths >= w {
				offersFor[w] = append(offersFor[w], packOffer{quota: it.Quota, price: prices[i].Shift(4).Ceil().IntPart()})
				idxFor[w] = append(idxFor[w], i)
			}
		}
		solvers[w] = newCoverSolver(offersFor[w])
	}
	scratch := make([]int64, len(items))
	for m := M - 1; m >= 0; m-- {
		cost[m] = -1
		for w := 1; w <= maxV && m+w <= M; w++ {
			need := use[m+w] - use[m]
			c := cost[m+w]
			if need > 0 {
				c += solvers[w].solve(need, scratch[:len(offersFor[w])])
			}
			if cost[m] < 0 || c < cost[m] {
				cost[m], choice[m] = c, w
				counts[m] = append(counts[m][:0], scratch[:len(offersFor[w])]...)
				if need == 0 {
					counts[m] = counts[m][:0]
				}
			}
			if need == 0 {
				break // nothing used yet: buy later
			}
		}
	}
	var bought, used int64
	for m := 0; m < M; m += choice[m] {
		w := choice[m]
		for k, n := range counts[m] {
			if n == 0 {
				continue
			}
			i := idxFor[w][k]
			it := items[i]
			bought += n * it.Quota
			pc.b.charge(pc, m, it, decimal.NewFromInt(n), prices[i], overs[i], Cents(decimal.NewFromInt(n).Mul(*prices[i])),
				fmt.Sprintf("%s calls each, valid %d months; bought at the start of a window of whole months", group(it.Quota), it.ValidityMonths),
				fmt.Sprintf("每包 %s 次，有效期 %d 个月；在整月窗口开始时购买", group(it.Quota), it.ValidityMonths))
		}
		used += use[min(m+w, M)] - use[m]
	}
	for _, it := range items {
		pc.b.assume(it.ID, "在整月窗口开始时购买，窗口结束时余量计为作废。Bought at window starts; quota left at a window's end counted as expired.")
	}
	if bought > used {
		pc.hints = append(pc.hints, Note{
			EN:   fmt.Sprintf("%s of %s calls bought expire unused", group(bought-used), group(bought)),
			Text: fmt.Sprintf("购买的 %s 次中有 %s 次到期未用", group(bought), group(bought-used)),
		})
	}
	pc.note(Note{ID: "chatopera.packs", Text: "资源包：用量（对话请求 + ASR 秒数）只从资源包扣除，无配额即停服；所选购买方案保证全程不停服且总价最低。",
		EN: "Resource packs: usage (chat requests + ASR seconds) is served only from packs and stops when they run out; the purchases chosen never run out and cost the least."})
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
