package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// huaweiPlan: seats on demand (per seat-day) or periodic (monthly or
// yearly cycles that end at the first 00:00 after the duration); IVR, TTS
// and ASR channels are periodic only; number rent per calendar month;
// outbound minutes of fixed numbers billed, inbound free.
func huaweiPlan(pc *planCtx) {
	t := pc.t
	seats := []struct {
		kind string
		get  func(*level) int64
	}{
		{"basic", func(l *level) int64 { return l.phone }},
		{"online", func(l *level) int64 { return l.online }},
	}
	for _, s := range seats {
		if t.peak.maxOf(s.get) == 0 {
			continue
		}
		switch pc.plan.Mode {
		case "ondemand":
			huaweiOnDemand(pc, "seat."+s.kind+".month", s.get)
		case "monthly":
			huaweiPeriodic(pc, "seat."+s.kind+".month", "", 1, s.get)
		case "yearly":
			huaweiPeriodic(pc, "seat."+s.kind+".month", "seat."+s.kind+".year", 12, s.get)
		}
	}
	// Channels are sold periodic only: monthly cycles unless the plan is yearly.
	cycle := 1
	if pc.plan.Mode == "yearly" {
		cycle = 12
	}
	if t.peak.robotMin > 0 {
		// Voice robots need smart IVR (IVR + ASR) channels; a scenario
		// that names no IVR channels gets one.
		huaweiPeriodic(pc, "ivr.smart.month", "", cycle, func(l *level) int64 {
			if l.robotMin > 0 {
				return max(l.ivr, 1)
			}
			return 0
		})
		pc.b.assume("ivr.smart.month", "机器人通话需智能 IVR 并发路数：取 IVR 路数，至少 1 路。Robot calls need smart IVR channels: the IVR channels asked for, at least 1.")
	} else if t.peak.ivr > 0 {
		// Each basic seat includes one IVR channel.
		huaweiPeriodic(pc, "ivr.basic.month", "", cycle, func(l *level) int64 { return max(0, l.ivr-l.phone) })
		pc.b.assume("ivr.basic.month", "每个基础型座席含 1 路 IVR，只购买超出部分。Each basic seat includes 1 IVR channel; only the rest is bought.")
	}
	if t.peak.asrCh > 0 || t.peak.asrSec > 0 {
		huaweiPeriodic(pc, "asr.month", "", cycle, func(l *level) int64 {
			if l.asrSec > 0 {
				return max(l.asrCh, 1)
			}
			return l.asrCh
		})
		pc.b.assume("asr.month", "ASR 按并发路数计费：取 ASR 路数，有识别时长时至少 1 路。ASR is sold per concurrent channel: the channels asked for, at least 1 when there are ASR minutes.")
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

// huaweiOnDemand charges seats per seat-day, each calendar month settled at
// seat-days × monthly price / days of that month.
func huaweiOnDemand(pc *planCtx, id string, get func(*level) int64) {
	t := pc.t
	price, it, over := pc.price(id)
	for i := range t.naturals {
		nt := &t.naturals[i]
		var seatDays int64
		for j := nt.segFrom; j < nt.segTo; j++ {
			seatDays += get(&t.segs[j].l) * int64(t.segs[j].days)
		}
		if seatDays == 0 {
			continue
		}
		days := decimal.NewFromInt(int64(nt.days))
		q := decimal.NewFromInt(seatDays)
		if nt.days != 1 {
			q = q.DivRound(days, 6)
		}
		amount := zero
		if price != nil {
			if f, ok := newUnitPrice(*price).fenOfRatio(seatDays, int64(nt.days)); ok {
				amount = fromFen(f)
			} else {
				amount = Cents(decimal.NewFromInt(seatDays).Mul(*price).DivRound(days, 8))
			}
		}
		pc.b.chargeAs(pc, nt.month, it, variant{key: "ondemand", label: "（按需）", labelEN: " (on demand)"}, q, price, over, amount,
			"seat-days × monthly price / calendar days of the month, settled monthly",
			"座席天数 × 月价 / 当月日历天数，按月结算")
	}
}

// lot is a batch of periodic units bought together, renewed together.
type lot struct {
	units int64
	end   scenarios.Date // the cycle ends at 00:00 of this day
}

// huaweiPeriodic buys units in cycles of cycleMonths. Units are bought when
// first needed (at 00:00 of that day), renewed at each cycle end while
// still needed, and not renewed once no longer needed (no refunds inside a
// cycle). A yearly price, when the buyer entered one as yearID, replaces
// 12 × the monthly price.
func huaweiPeriodic(pc *planCtx, id, yearID string, cycleMonths int, get func(*level) int64) {
	t := pc.t
	price, it, over := pc.price(id)
	unitPrice := price
	how := fmt.Sprintf("%d-month cycles ending at the first 00:00 after the duration (UTC+8), renewed while needed", cycleMonths)
	howZH := fmt.Sprintf("%d 个月周期，终点为时长后的第一个 00:00（UTC+8），需要时续费", cycleMonths)
	va := variant{key: "monthly", label: "（包月）", labelEN: " (monthly)", unit: it.Unit}
	if cycleMonths == 12 {
		va = variant{key: "yearly", label: "（包年）", labelEN: " (yearly)", unit: "unit·year"}
		if yearID != "" {
			if yp, ok := pc.vs.Prices[yearID]; ok {
				unitPrice, over = &yp, true
			}
		}
		if unitPrice == price && price != nil {
			y := price.Mul(decimal.NewFromInt(12))
			unitPrice = &y
			how += "; yearly price = 12 × monthly"
			howZH += "；年价 = 12 × 月价"
		}
	}
	type cost struct{ q, amount decimal.Decimal }
	costs := map[int64]cost{} // the same count renews every cycle
	buy := func(d scenarios.Date, n int64) {
		c, ok := costs[n]
		if !ok {
			c = cost{decimal.NewFromInt(n), zero}
			if unitPrice != nil {
				c.amount = Cents(c.q.Mul(*unitPrice))
			}
			costs[n] = c
		}
		pc.b.chargeAs(pc, t.monthOf(d), it, va, c.q, unitPrice, over, c.amount, how, howZH)
	}
	var lots []*lot
	active := func(d scenarios.Date, skip *lot) int64 {
		var n int64
		for _, l := range lots {
			if l != skip && l.end.After(d) {
				n += l.units
			}
		}
		return n
	}
	renew := func(until scenarios.Date) {
		// Renew every lot whose cycle ends before until, in time order.
		for {
			var next *lot
			for _, l := range lots {
				if l.units > 0 && l.end.Before(until) && l.end.Before(t.end) && (next == nil || l.end.Before(next.end)) {
					next = l
				}
			}
			if next == nil {
				return
			}
			at := next.end
			keep := min(next.units, max(0, get(t.levelOn(at))-active(at, next)))
			next.units = keep
			if keep > 0 {
				buy(at, keep)
				next.end = HuaweiCycleEndDay(at, cycleMonths)
			}
		}
	}
	for i := range t.segs {
		sg := &t.segs[i]
		renew(sg.from.AddDays(1))
		if need, have := get(&sg.l), active(sg.from, nil); need > have {
			lots = append(lots, &lot{units: need - have, end: HuaweiCycleEndDay(sg.from, cycleMonths)})
			buy(sg.from, need-have)
		}
	}
	renew(t.end)
}

// HuaweiCycleEndDay is HuaweiCycleEnd for a cycle activated at 00:00 of day
// d: the cycle ends at 00:00 of the returned day (1 month from 2027-01-01
// ends 2027-02-02 00:00).
func HuaweiCycleEndDay(d scenarios.Date, months int) scenarios.Date {
	return d.AddMonths(months).AddDays(1)
}

// huaweiNumbersAndCalls: rent per number per calendar month (a number with
// under 50 outbound minutes a month must be the inbound-only type, whose
// rent includes 500 outbound minutes); outbound minutes of fixed numbers
// billed per minute, each call rounded up; inbound free.
func huaweiNumbersAndCalls(pc *planCtx) {
	t := pc.t
	for i := range t.naturals {
		nt := &t.naturals[i]
		numbers := t.monthMax(nt, func(l *level) int64 { return l.numbers })
		out, billed := t.billed(i).outRaw, t.billed(i).outbound
		free := zero
		if numbers > 0 {
			perNumber := out.DivRound(decimal.NewFromInt(numbers), 6)
			rentID := "number.fixed.month"
			if perNumber.LessThan(decimal.NewFromInt(50)) {
				rentID = "number.inbound.month"
			}
			it := pc.ed.Item(rentID)
			how, howZH := "numbers × months", "号码数 × 月数"
			if rentID == "number.inbound.month" {
				free = decimal.NewFromInt(numbers * it.IncludedMinutes)
				how = fmt.Sprintf("under 50 outbound minutes per number a month: inbound-only type, %d outbound minutes included", it.IncludedMinutes)
				howZH = fmt.Sprintf("每号每月外呼少于 50 分钟：须用仅呼入类型，含 %d 分钟外呼", it.IncludedMinutes)
			}
			pc.chargeWhole(nt.month, rentID, variant{}, numbers, how, howZH)
		}
		if billable := billed.Sub(free); billable.IsPositive() {
			it := pc.ed.Item("call.fixed.outbound.minute")
			pc.chargeWhole(nt.month, it.ID, variant{}, billable.IntPart(),
				"outbound minutes (each call rounded up) beyond those included; inbound free; summed per month",
				"外呼分钟（每通向上取整）扣除所含分钟；呼入免费；按月汇总")
			pc.b.assume(it.ID, "按每通电话向上取整（页面也可理解为按当天总分钟取整）；按月汇总后取整到分。Rounded up per call (the page could also mean per day's total); rounded to 0.01 元 per month, not per day.")
		}
	}
	if t.peak.robotMin > 0 {
		pc.note(Note{ID: "huawei.robot-inbound", Text: "机器人通话按呼入计（普通固话呼入免费）。", EN: "Robot calls taken as inbound (free on fixed numbers)."})
	}
	if t.peak.numbers == 0 && t.peak.inMin+t.peak.outMin+t.peak.robotMin > 0 {
		pc.note(Note{ID: "huawei.no-numbers", Text: "有通话分钟但未填号码数：号码月租未计入。", EN: "Call minutes but no phone numbers entered: no number rent counted."})
	}
}
