package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// aliyunPlan: number rent per calendar month (a started month in full);
// agent and robot minutes at all-units monthly tiers; recording per
// minute; seats at the tier of the total seat count, monthly or prepaid
// for a term at the term's discount.
func aliyunPlan(pc *planCtx) {
	pc.shared(pc.ed.ID+"/usage", func() { aliyunUsage(pc) })
	aliyunSeats(pc, "seat.human.month", func(l *level) int64 { return l.phone })
	aliyunSeats(pc, "seat.ai.month", func(l *level) int64 { return l.ai })
}

// aliyunUsage charges what does not depend on the seat plan: numbers,
// minutes, robot fees and recording.
func aliyunUsage(pc *planCtx) {
	t := pc.t
	for i := range t.naturals {
		nt := &t.naturals[i]
		if n := t.monthMax(nt, func(l *level) int64 { return l.numbers }); n > 0 {
			pc.chargeWhole(nt.month, "number.month", variant{}, n,
				"numbers × months; a started month counts in full", "号码数 × 月数；不满一月按一月")
		}
		human, robot := t.billed(i).agent, t.billed(i).robot
		pc.tiered(nt, "voice.minute", human, "agent call minutes (in + out, each call rounded up)", "人工通话分钟（呼入 + 呼出，每通向上取整）")
		pc.tiered(nt, "robot.voice.minute", robot, "robot call minutes (each call rounded up)", "机器人通话分钟（每通向上取整）")
		if robot.IsPositive() && pc.option("aliyun.ai-interaction-fee") {
			id := "robot.ai.outbound.minute"
			if pc.option("aliyun.robot-inbound") {
				id = "robot.ai.inbound.minute"
			}
			pc.chargeWhole(nt.month, id, variant{}, robot.IntPart(), "every robot minute", "全部机器人分钟")
		}
		share := t.segs[nt.segTo-1].l.recorded
		if share.IsPositive() {
			if rec := human.Add(robot).Mul(share).Round(0); rec.IsPositive() {
				pc.chargeWhole(nt.month, "recording.minute", variant{}, rec.IntPart(),
					fmt.Sprintf("recorded share %s of billed minutes", share), fmt.Sprintf("计费分钟的录音比例 %s", share))
			}
		}
	}
	if t.peak.robotMin > 0 && pc.option("aliyun.ai-interaction-fee") {
		pc.note(Note{ID: "aliyun.ai-fee", Option: "aliyun.ai-interaction-fee",
			Text: "机器人分钟另收 AI 交互费（对价格表“分钟数 < 1分钟”一行的解读），可在选项中关闭。",
			EN:   "Robot minutes also pay an AI interaction fee (our reading of the table's '< 1 minute' row); it can be switched off."})
	}
}

// tiered charges a month's minutes at an all-units tier table (or at the
// buyer's flat quoted price), and hints when a few more minutes would reach
// a cheaper tier and cost less in total.
func (pc *planCtx) tiered(nt *natural, id string, minutes decimal.Decimal, how, howZH string) {
	if !minutes.IsPositive() {
		return
	}
	it := pc.ed.Item(id)
	if p, ok := pc.vs.Prices[id]; ok {
		pc.b.charge(pc, nt.month, it, minutes, &p, true, Cents(minutes.Mul(p)), how, howZH)
		return
	}
	tier := pc.tierPrice(it, minutes)
	amount := fromFen(tier.up.fen(minutes.IntPart()))
	pc.b.chargeFen(nt.month, it, variant{}, minutes.IntPart(), tier.p, false, tier.up.fen(minutes.IntPart()),
		how+"; all the month's minutes at the tier the month reaches", howZH+"；当月全部分钟按所达阶梯单价")
	for _, tier := range it.Tiers {
		if tier.Upto == nil || tier.Upto.LessThan(minutes) {
			continue
		}
		next := tier.Upto.Add(one)
		nextAmount := fromFen(pc.tierPrice(it, next).up.fen(next.IntPart()))
		if nextAmount.LessThan(amount) {
			month, less := pc.t.monthStarts[nt.month].String()[:7], amount.Sub(nextAmount).StringFixed(2)
			pc.hints = append(pc.hints, Note{
				EN: fmt.Sprintf("%s %s: %s more minutes (%s) would cost %s less (all-units tier cliff)",
					month, id, next.Sub(minutes), next, less),
				Text: fmt.Sprintf("%s %s：再多 %s 分钟（共 %s）反而便宜 %s 元（全量阶梯价的断崖）",
					month, id, next.Sub(minutes), next, less),
			})
		}
		break
	}
}

// tierPrice returns the (discounted) all-units price for qty, prepared for
// fast multiplication and kept per tier.
func (pc *planCtx) tierPrice(it *Item, qty decimal.Decimal) *resolved {
	for i, t := range it.Tiers {
		if t.Upto == nil || qty.LessThanOrEqual(*t.Upto) {
			key := it.ID + "#tier" + string(rune('0'+i))
			if r, ok := pc.prices[key]; ok {
				return r
			}
			p := pc.list(t.Price)
			r := &resolved{p: &p, it: it, up: newUnitPrice(p)}
			pc.prices[key] = r
			return r
		}
	}
	panic("tiers end open-ended")
}

// aliyunSeats charges one seat kind: monthly, every calendar month at the
// month's largest count (a seat added mid-month pays the month); or
// prepaid terms of the plan's length from the start date, additions paying
// the remaining months of the term at the term's discount.
func aliyunSeats(pc *planCtx, id string, get func(*level) int64) {
	t := pc.t
	if t.peak.maxOf(get) == 0 {
		return
	}
	it := pc.ed.Item(id)
	over, quoted := pc.vs.Prices[id]
	tierPrice := func(n int64) decimal.Decimal {
		if quoted {
			return over
		}
		return pc.list(SeatTierPrice(n, it.Tiers))
	}
	T := pc.plan.TermMonths
	if T <= 1 {
		for i := range t.naturals {
			nt := &t.naturals[i]
			n := t.monthMax(nt, get)
			if n == 0 {
				continue
			}
			p := tierPrice(n)
			pc.b.chargeFen(nt.month, it, variant{}, n, &p, quoted, newUnitPrice(p).fen(n),
				"seats × the tier price for the total seat count, every month", "坐席数 × 总坐席数所在阶梯单价，按月")
		}
		pc.b.assume(id, "月中增加的坐席按整月计。A seat added mid-month pays the whole month.")
		return
	}
	rate := TermRate(T, it.Discounts)
	for k := 0; k*T < t.months; k++ {
		termStart, termEnd := t.start.AddMonths(k*T), t.start.AddMonths((k+1)*T)
		paid := get(t.levelOn(termStart))
		if paid > 0 {
			p := tierPrice(paid)
			q := decimal.NewFromInt(paid * int64(T))
			pc.b.chargeAs(pc, k*T, it, variant{key: "term", label: fmt.Sprintf("（预付 %d 个月）", T), labelEN: fmt.Sprintf(" (%d months prepaid)", T)},
				q, &p, quoted, Cents(q.Mul(p).Mul(rate)),
				fmt.Sprintf("seats × %d months × tier price × term discount %s, paid at the term start", T, rate),
				fmt.Sprintf("坐席数 × %d 个月 × 阶梯单价 × 包年折扣 %s，期初付款", T, rate))
		}
		for i := range t.segs {
			sg := &t.segs[i]
			if !sg.from.After(termStart) || !sg.from.Before(termEnd) {
				continue
			}
			need := get(&sg.l)
			if need <= paid {
				continue
			}
			add := need - paid
			paid = need
			y, m := RemainingYearsMonths(sg.from, termEnd)
			months := int64(12*y + m)
			p := tierPrice(need)
			q := decimal.NewFromInt(add * months)
			pc.b.chargeAs(pc, sg.month, it, variant{key: "add", label: "（期中增购）", labelEN: " (added mid-term)"},
				q, &p, quoted, Cents(q.Mul(p).Mul(rate)),
				fmt.Sprintf("added seats × remaining months × tier price × term discount %s; same expiry as the term", rate),
				fmt.Sprintf("增购坐席数 × 剩余月数 × 阶梯单价 × 折扣 %s；到期时间与原坐席一致", rate))
			pc.b.assume(id, "增购按剩余整月（不足一月按一月）和同一折扣计价。Additions pay the remaining months (a started month in full) at the same discount.")
		}
	}
	pc.b.assume(id, "包年折扣（PDF 表格错乱）解读为：1 年 8.5 折，2 年 7.5 折，3 年 6.5 折。Term discounts (garbled in the PDF) read as 1 year 0.85, 2 years 0.75, 3 years 0.65.")
	if rest := t.months % T; rest != 0 {
		pc.note(Note{ID: "aliyun.last-term", Text: fmt.Sprintf("最后一个预付期只用到 %d 个月，但按整期付款。", rest),
			EN: fmt.Sprintf("The last prepaid term is used for %s only but paid in full.", monthsEN(rest))})
	}
}
