package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// tencentPlan: every item is a yearly per-unit subscription. Terms run a
// year at a time from the start date (buying several years at once costs
// the same under Tencent's addition rule); units added during a term pay
// TencentAddition up to the term's end; removed units are not refunded.
func tencentPlan(pc *planCtx) {
	t := pc.t
	terms := (t.months + 11) / 12
	yearly := false
	seat := func(id string, get func(*level) int64, kind, kindZH string) {
		if id == "" || t.peak.maxOf(get) == 0 {
			return
		}
		price, it, over := pc.price(id)
		for k := 0; k < terms; k++ {
			termStart, termEnd := t.start.AddMonths(12*k), t.start.AddMonths(12*(k+1))
			paid := MinUnits(get(t.levelOn(termStart)), it.Min)
			if paid > 0 {
				yearly = true
				q := decimal.NewFromInt(paid)
				amount := zero
				if price != nil {
					amount = Cents(q.Mul(*price))
				}
				pc.b.charge(pc, 12*k, it, q, price, over, amount,
					fmt.Sprintf("yearly terms from %s, at least %d %s", t.start, it.Min, kind),
					fmt.Sprintf("自 %s 起按年订购，最少 %d 个%s", t.start, it.Min, kindZH))
			}
			for i := range t.segs {
				sg := &t.segs[i]
				if !sg.from.After(termStart) || !sg.from.Before(termEnd) {
					continue
				}
				need := MinUnits(get(&sg.l), it.Min)
				if need <= paid {
					continue
				}
				add := need - paid
				paid = need
				years, months := RemainingYearsMonths(sg.from, termEnd)
				amount := zero
				if price != nil {
					amount = Cents(TencentAddition(*price, add, years, months))
				}
				pc.b.chargeAs(pc, sg.month, it, variant{key: "add", label: "（期中增购）", labelEN: " (added mid-term)", unit: kind},
					decimal.NewFromInt(add), price, over, amount,
					fmt.Sprintf("added %s with %d years %d months left: annual × whole years + annual / 10 × months (capped at a year) per %s", sg.from, years, months, kind),
					fmt.Sprintf("%s 增购，剩余 %d 年 %d 个月：年费 × 整年数 + 年费 / 10 × 月数（不超过一年），按%s计", sg.from, years, months, kindZH))
				pc.b.assume(it.ID, "剩余月数不足一月按一月计。A started month counts in full.")
			}
		}
	}
	seat(pc.plan.Online, func(l *level) int64 { return l.online }, "user", "用户")
	seat(pc.plan.Phone, func(l *level) int64 { return l.phone }, "user", "用户")
	// A robot licence is needed as soon as there are bot chats.
	seat(pc.plan.Robot, func(l *level) int64 {
		if l.chats > 0 {
			return max(l.bots, 1)
		}
		return l.bots
	}, "bot", "机器人")
	if yearly && t.months%12 != 0 {
		pc.note(Note{ID: "tencent.last-term", Text: fmt.Sprintf("包年订购：最后一年只用到 %d 个月，但按整年付款。", t.months%12),
			EN: fmt.Sprintf("Yearly subscriptions: the last year is used for %s only but paid in full.", monthsEN(t.months%12))})
	}
	if pc.option("tencent.knowledge-cloud") {
		price, it, over := pc.price("knowledge.cloud.year")
		for k := 0; k < terms; k++ {
			pc.b.charge(pc, 12*k, it, one, price, over, Cents(*price), "one set per year (optional add-on)", "每年一套（可选）")
		}
	}
	pc.shared(pc.ed.ID+"/sessions", func() { tencentSessions(pc) })
	pc.shared(pc.ed.ID+"/phone", func() { tencentPhone(pc) })
}

// tencentSessions buys the cheapest mix of session packs covering every bot
// conversation of the horizon, at the start (interpretation: a robot
// includes no sessions; packs do not expire within the horizon).
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
	var bought int64
	for i, n := range counts {
		if n == 0 {
			continue
		}
		price, it, over := pc.price(items[i].ID)
		bought += n * it.Quota
		pc.b.charge(pc, 0, it, decimal.NewFromInt(n), price, over, Cents(decimal.NewFromInt(n).Mul(*price)),
			fmt.Sprintf("cheapest mix of packs covering all %s conversations of the horizon, bought at the start", group(total)),
			fmt.Sprintf("覆盖全部 %s 次会话的最省组合，期初购买", group(total)))
		pc.b.assume(it.ID, "机器人不含会话额度，会话从充值包扣除；充值包在期内不过期。A robot includes no sessions; packs do not expire within the horizon.")
	}
	pc.note(Note{ID: "tencent.sessions", Text: fmt.Sprintf("会话充值包：机器人不含会话额度（解读），期初购买覆盖 %s 次会话的最省组合，共 %s 次额度；假定充值包期内不过期。", group(total), group(bought)),
		EN: fmt.Sprintf("Session packs: a robot includes no sessions (interpretation); the cheapest mix covering %s conversations (%s bought) is paid at the start; packs assumed not to expire within the horizon.", group(total), group(bought))})
}

// tencentPhone: numbers and call minutes are not on Tencent's page, so they
// are unpriced unless the buyer enters a quote.
func tencentPhone(pc *planCtx) {
	t := pc.t
	for i := range t.naturals {
		nt := &t.naturals[i]
		if n := t.monthMax(nt, func(l *level) int64 { return l.numbers }); n > 0 {
			price, it, over := pc.price("phone.number.month")
			q := decimal.NewFromInt(n)
			amount := zero
			if price != nil {
				amount = Cents(q.Mul(*price))
			}
			pc.b.charge(pc, nt.month, it, q, price, over, amount, "numbers × months", "号码数 × 月数")
		}
		if billed := t.billed(i).agent; billed.IsPositive() {
			price, it, over := pc.price("phone.minute")
			amount := zero
			if price != nil {
				amount = Cents(billed.Mul(*price))
			}
			pc.b.charge(pc, nt.month, it, billed, price, over, amount, "agent call minutes, in and out, each call rounded up", "人工通话分钟（呼入 + 呼出），每通向上取整")
		}
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
