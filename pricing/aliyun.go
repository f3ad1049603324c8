package pricing

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// aliyunPlan: number rent per calendar month (a started month in full; one
// number assumed when there are calls and none is asked for); agent and
// robot minutes at all-units monthly tiers, the robots' AI fee by
// direction; recording per minute; seats bought in terms from the day they
// are needed, the cheapest sequence of terms for every seat.
func aliyunPlan(pc *planCtx) {
	pc.shared(pc.ed.ID+"/usage", func() { aliyunUsage(pc) })
	aliyunSeats(pc, "seat.human.month", func(l *level) int64 { return l.phone })
	// AI seats are the outbound robot calls' concurrency: at least the
	// lines the outbound robot minutes need (aiSeatsForOutbound).
	aliyunSeats(pc, "seat.ai.month", func(l *level) int64 { return max(l.ai, l.robotOutLines) })
	aiSeatsForOutbound(pc)
}

// aiSeatsForOutbound marks the AI seat lines when outbound robot calls
// need more AI seats than the scenario asks for. Seed 004: "一个AI坐席同时
// 仅支持一通电话外呼", "AI坐席的购买数量，即AI坐席发起呼叫任务时的呼叫并发数";
// robot minutes dialled out (robot_outbound_share, §7.8) run on AI seats,
// and a seat carries at most 1,440 minutes a day. So a period with
// outbound robot minutes has at least linesFor(its month's outbound robot
// minutes, the month's days) AI seats, and at least 1 — a lower bound,
// as §7.7's "calls need a number: 1 assumed" [A]. Where ai_voice_seats is
// higher it wins. The seats so added are bought by aliyunSeats like the
// buyer's own: they count toward the seat tier (and a cheaper larger
// count), each gets the cheapest sequence of terms (term discounts)
// covering the days it is needed, and they follow dated changes and
// growth period by period.
func aiSeatsForOutbound(pc *planCtx) {
	fs := pc.t.floorBinds(func(l *level) (int64, int64) { return l.ai, l.robotOutLines }, 0)
	if fs == nil {
		return
	}
	l := &fs.most.l
	days := fs.most.from.DaysInMonth()
	outEN, outZH := group(l.robotMin), group(l.robotMin)
	if !l.robotOut.Equal(one) {
		out := groupDec(decimal.NewFromInt(l.robotMin).Mul(l.robotOut))
		outEN = fmt.Sprintf("%s × outbound share %s = %s", group(l.robotMin), l.robotOut, out)
		outZH = fmt.Sprintf("%s × 外呼比例 %s = %s", group(l.robotMin), l.robotOut, out)
	}
	month, cap := fs.most.from.String()[:7], group(int64(days)*minutesPerLineDay)
	pc.b.assume("seat.ai.month", fmt.Sprintf("外呼机器人通话需要 AI 坐席：价格页说 AI 坐席的购买数量即外呼并发数，一个 AI 坐席同时只能外呼一通电话；"+
		"一个坐席一天最多通话 1,440 分钟，所以 AI 坐席至少为当月外呼机器人分钟 ÷（当月天数 × 1,440），向上取整，且至少 1 个（下限：通话集中在忙时需要更多）。"+
		"%s 至 %s 所填 AI 坐席数低于此数，至少需要 %s 个，与所填 AI 坐席一样按阶梯价（买更多反而更省时多买）和最省的期限组合购买（最多时：%s 外呼 %s 分钟 ÷ %s 分钟（%d 天 × 1,440），向上取整为 %d 个）。"+
		"Outbound robot calls need AI seats: the price page says the AI seats bought are the outbound call concurrency, one AI seat dialling one call at a time; "+
		"a seat carries at most 1,440 minutes a day, so there are at least the month's outbound robot minutes ÷ (days × 1,440), rounded up, and at least 1 (a lower bound: calls bunched in busy hours need more). "+
		"From %s to %s ai_voice_seats is lower: %s needed, bought like the buyer's AI seats at the tier price (more when more costs less) and the cheapest terms (the most: %s outbound minutes in %s ÷ %s (%d days × 1,440), rounded up to %d).",
		fs.first, fs.last, fs.countZH(), month, outZH, cap, days, fs.hi,
		fs.first, fs.last, fs.count(), outEN, month, cap, days, fs.hi))
}

// groupDec writes a decimal with thousands separators in its whole part:
// 21,000.5.
func groupDec(d decimal.Decimal) string {
	s := d.String()
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// aliyunUsage charges what does not depend on the seat plan: numbers,
// minutes, robot fees and recording.
func aliyunUsage(pc *planCtx) {
	t := pc.t
	aiFee := pc.option("aliyun.ai-interaction-fee")
	// An older file's aliyun.robot-inbound (retired by §7.8) still says
	// which way Aliyun's robots call: it overrides the demand's share for
	// the AI fee, and the result says so.
	allIn, retired := pc.vs.Options["aliyun.robot-inbound"]
	// The outbound share, said on the fee lines when one share holds
	// throughout.
	var share *decimal.Decimal
	single, dialled := true, false // one share throughout; any robot minute out
	for i := range t.segs {
		if l := &t.segs[i].l; l.robotMin > 0 {
			single = single && (share == nil || share.Equal(l.robotOut))
			share = &l.robotOut
			dialled = dialled || l.robotOut.IsPositive()
		}
	}
	inHow, inHowZH := "robot minutes × (1 − outbound share by period), billed", "机器人分钟 × (1 − 各时段外呼比例)，计费分钟"
	outHow, outHowZH := "robot minutes × outbound share by period, billed", "机器人分钟 × 各时段外呼比例，计费分钟"
	if single && share != nil {
		inHow, inHowZH = fmt.Sprintf("robot minutes × (1 − outbound share %s), billed", *share), fmt.Sprintf("机器人分钟 × (1 − 外呼比例 %s)，计费分钟", *share)
		outHow, outHowZH = fmt.Sprintf("robot minutes × outbound share %s, billed", *share), fmt.Sprintf("机器人分钟 × 外呼比例 %s，计费分钟", *share)
	}
	if retired {
		inHow, inHowZH = "every robot minute (older option aliyun.robot-inbound)", "全部机器人分钟（已停用的选项“机器人通话按呼入计”）"
		outHow, outHowZH = inHow, inHowZH
	}
	for i := range t.naturals {
		nt := &t.naturals[i]
		human := t.expected(t.monthMinutes(nt, func(l *level) int64 { return l.inMin + l.outMin }))
		robot := t.expected(t.monthMinutes(nt, func(l *level) int64 { return l.robotMin }))
		calls := human > 0 || robot > 0
		if n := t.monthMax(nt, func(l *level) int64 { return l.numbers }); n > 0 {
			pc.chargeWhole(nt.month, "number.month", variant{}, n,
				"numbers × months; a started month counts in full", "号码数 × 月数；不满一月按一月")
		} else if calls {
			// §7.7: "语音通信前，需购买专属号码".
			pc.chargeWhole(nt.month, "number.month", numberAssumed, 1,
				"1 number × months with calls; a started month counts in full",
				"1 个号码 × 有通话的月数；不满一月按一月")
		}
		pc.voiceMinutes(nt, human, robot)
		if robot > 0 && aiFee {
			var out int64
			if dialled {
				out = min(t.expected(t.robotOutMinutes(nt)), robot)
			}
			switch {
			case retired && allIn:
				out = 0
			case retired:
				out = robot
			}
			if in := robot - out; in > 0 {
				pc.chargeMinutes(nt.month, "robot.ai.inbound.minute", in,
					"robot minutes answered: "+inHow, "机器人呼入分钟："+inHowZH)
			}
			if out > 0 {
				pc.chargeMinutes(nt.month, "robot.ai.outbound.minute", out,
					"robot minutes dialled out: "+outHow, "机器人外呼分钟："+outHowZH)
			}
		}
		share := t.segs[nt.segTo-1].l.recorded
		if share.IsPositive() && calls {
			pc.chargeRecorded(nt.month, human+robot, share)
		}
	}
	for _, l := range pc.b.lines {
		if l.Item == "number.month" && strings.Contains(l.LabelEN, numberAssumed.labelEN) {
			l.Assumption = true
			l.Note = "有通话但未设号码：通话需要号码，假设 1 个。Calls need a number: 1 assumed (phone_numbers is 0)."
		}
	}
	if t.peak.robotMin > 0 && t.peak.inMin+t.peak.outMin > 0 {
		pc.b.assume("voice.minute", pc.ed.Item("robot.voice.minute").Interpretation)
	}
	if t.peak.robotMin > 0 && aiFee {
		pc.note(Note{ID: "aliyun.ai-fee", Option: "aliyun.ai-interaction-fee",
			Text: "机器人分钟另收 AI 交互费（对价格表“分钟数 < 1分钟”一行的解读）：呼入 0.100、外呼 0.150 元/分钟，按“机器人外呼占比”拆分；可在选项中关闭。",
			EN:   "Robot minutes also pay an AI interaction fee (our reading of the table's '< 1 minute' row): 0.100 inbound, 0.150 outbound a minute, split by robot_outbound_share; it can be switched off."})
		if retired {
			dir, dirZH, onZH := "outbound (0.150)", "外呼（0.150）", "否"
			if allIn {
				dir, dirZH, onZH = "inbound (0.100)", "呼入（0.100）", "是"
			}
			// AI seats follow robot_outbound_share only: with the option
			// saying "outbound" and no share, the fee is outbound but no
			// seat dials (review R25) — said, not left silent.
			seatsZH, seatsEN := "", ""
			if !allIn && !dialled {
				seatsZH = "AI 坐席只按“机器人外呼占比”计算（本文件为 0），所以这些外呼分钟未计入 AI 坐席，总额偏低。"
				seatsEN = " AI seats follow robot_outbound_share only (0 in this file), so no AI seat is priced for these outbound minutes: the total is too low."
			}
			pc.note(Note{ID: "aliyun.robot-inbound", Option: "aliyun.robot-inbound",
				Text: fmt.Sprintf("本文件设置了已停用的选项“机器人通话按呼入计”（%s）：阿里云 AI 交互费把全部机器人分钟按%s计，不用“机器人外呼占比”。%s请删除该选项并填写“机器人外呼占比”。", onZH, dirZH, seatsZH),
				EN:   fmt.Sprintf("This file sets the retired option aliyun.robot-inbound = %v: Aliyun's AI fee takes every robot minute as %s instead of robot_outbound_share.%s Remove the option and set demand.robot_outbound_share.", allIn, dir, seatsEN)})
		}
	}
	if t.peak.ivr > 0 {
		// §5: IVR is included, not priced separately. Said, so that an
		// IVR served with no line (and a 0.00 total when it is all the
		// scenario asks) is not read as a free product of its own.
		pc.note(Note{ID: "aliyun.ivr-included",
			Text: "IVR 并发：阿里云的 IVR 包含在服务内，价格表中没有 IVR 计费项，因此不另计费用；它不是单独的免费产品，使用 IVR 仍需号码和通话，这些按各自的价格计费。",
			EN:   "IVR channels: Aliyun includes IVR in its service; its price list has no IVR item, so none is charged. It is not a free product on its own: IVR still needs numbers and calls, charged at their own prices."})
	}
}

// numberAssumed is the line of a number the scenario did not ask for but
// its calls need (§7.7).
var numberAssumed = variant{key: "assumed", label: "（通话所需，假设 1 个）", labelEN: " (calls need a number: 1 assumed)"}

// Minutes are carried in millionths of a minute (µmin), in int64, and tier
// bounds compared in millionths of a unit: the expectation of billed
// minutes is not whole, and a bill rounds money, not minutes; integers
// spare a big-number allocation per line and month.
const millionths = 1_000_000

// expected is a month's expected billed minutes in µmin: actual minutes ×
// billed minutes per actual minute (each call rounded up, §6), to the µmin
// (which also absorbs the factor's own rounding: 700 fixed 0.7-minute calls
// are 1,000 minutes, not 999.9999999997).
func (t *timeline) expected(actual decimal.Decimal) int64 {
	if actual.IsZero() {
		return 0
	}
	// In µmin the coefficient gains e+6 digits: at most 18 in all (int64).
	if e := actual.Exponent(); e >= -6 && e <= 6 && actual.NumDigits()+int(e)+6 <= 18 {
		if v, ok := mulRound(actual.CoefficientInt64()*pow10[e+6], t.minuteUP); ok {
			return v
		}
	}
	return actual.Mul(t.minuteFactor).Round(6).Shift(6).IntPart()
}

// minutesFen is µmin × price in fen, half up: one month's bill.
func minutesFen(up unitPrice, micro int64) int64 {
	if f, ok := up.fenOfRatio(micro, millionths); ok {
		return f
	}
	return toFenOf(Cents(decimal.New(micro, -6).Mul(up.d)), up.it)
}

// chargeMinutesAt books µmin of it at unit price p as one month's bill.
func (pc *planCtx) chargeMinutesAt(month int, it *Item, micro int64, up unitPrice, over bool, how, howZH string) int64 {
	p := up.d
	l, acc := pc.b.line(it, variant{}, &p, over, how, howZH)
	acc.addMicro(l, micro)
	f := minutesFen(up, micro)
	acc.add(month, f)
	return f
}

// chargeMinutes charges µmin of item id at its resolved price.
func (pc *planCtx) chargeMinutes(month int, id string, micro int64, how, howZH string) {
	r := pc.resolve(id)
	if r.p == nil {
		pc.b.charge(pc, month, r.it, decimal.New(micro, -6), nil, false, zero, how, howZH)
		return
	}
	pc.chargeMinutesAt(month, r.it, micro, r.up, r.over, how, howZH)
}

// chargeRecorded charges the recorded share of a month's µmin at the
// recording price (share × price in one factor, so the bill is exact).
func (pc *planCtx) chargeRecorded(month int, micro int64, share decimal.Decimal) {
	r := pc.resolve("recording.minute")
	// The share is the same month after month: its words and price are
	// kept while it does not change.
	rp := pc.recorded
	if rp == nil || rp.r != r || !rp.share.Equal(share) {
		rp = &recordedPrice{r: r, share: share,
			how: fmt.Sprintf("recorded share %s of billed minutes", share), howZH: fmt.Sprintf("计费分钟的录音比例 %s", share)}
		if r.p != nil {
			rp.up = newUnitPrice(r.p.Mul(share))
		}
		pc.recorded = rp
	}
	rec := decimal.New(micro, -6).Mul(share)
	if r.p == nil {
		pc.b.charge(pc, month, r.it, rec, nil, false, zero, rp.how, rp.howZH)
		return
	}
	pc.b.chargeQtyFen(month, r.it, variant{}, rec, r.p, r.over, minutesFen(rp.up, micro), rp.how, rp.howZH)
}

// recordedPrice is the recording price × a recorded share, and its words.
type recordedPrice struct {
	r          *resolved
	share      decimal.Decimal
	up         unitPrice
	how, howZH string
}

// voiceMinutes charges a month's agent and robot minutes (µmin) at the
// all-units tier their total reaches (pricing-rules §4 "the same tiered
// per-minute voice fee", §7.10 "Aliyun's tiers over human + robot
// minutes"), or at the buyer's flat quoted price, and hints when a few
// more minutes would reach a cheaper tier and cost less in total: minute
// tiers are reached, not bought, so this stays a hint (§7.6).
func (pc *planCtx) voiceMinutes(nt *natural, human, robot int64) {
	total := human + robot
	var now, next int64 // the month's fees (fen) at its tier and just past it
	var extra int64     // µmin to the next tier
	cliff := true
	for k, q := range [2]int64{human, robot} {
		c := &voiceKinds[k]
		if q <= 0 {
			continue
		}
		it := pc.ed.Item(c.id)
		if _, ok := pc.vs.Prices[c.id]; ok {
			r := pc.resolve(c.id)
			pc.chargeMinutesAt(nt.month, it, q, r.up, true, c.how, c.howZH)
			cliff = false
			continue
		}
		i := tierIndex(it.Tiers, total)
		now += pc.chargeMinutesAt(nt.month, it, q, pc.tierPrice(it, i).up, false, c.tierHow, c.tierHowZH)
		if i+1 >= len(it.Tiers) {
			cliff = false
			continue
		}
		// Just past the tier, the minutes added to the agent minutes (or
		// to the robot minutes when there are no agent minutes).
		extra = (it.Tiers[i].Upto.IntPart()+1)*millionths - total
		if c.id == "voice.minute" || human <= 0 {
			q += extra
		}
		// Only compared with now (a hint): a sum too large for int64
		// is simply not cheaper.
		next = satAdd(next, minutesFen(pc.tierPrice(it, i+1).up, q))
	}
	if !cliff || now <= next || total <= 0 {
		return
	}
	month := pc.t.monthStarts[nt.month].String()[:7]
	id := "voice.minute"
	nameZH := pc.ed.Item(id).Name
	switch {
	case human <= 0:
		id = "robot.voice.minute"
		nameZH = pc.ed.Item(id).Name
	case robot > 0:
		id = "voice.minute + robot.voice.minute"
		nameZH = pc.ed.Item("voice.minute").Name + "与" + pc.ed.Item("robot.voice.minute").Name
	}
	less := fromFen(now - next).StringFixed(2)
	more, up := qtyString(decimal.New(extra, -6)), decimal.New(total+extra, -6).String()
	pc.hints = append(pc.hints, Note{
		EN:   fmt.Sprintf("%s %s: %s more minutes (%s) would cost %s less (all-units tier cliff)", month, id, more, up, less),
		Text: fmt.Sprintf("%s %s：再多 %s 分钟（共 %s）反而便宜 %s 元（全量阶梯价的断崖）", month, nameZH, more, up, less),
	})
}

// voiceKinds are the agent and robot minutes voiceMinutes charges, with
// the words of their lines (at a quoted price, at the tier reached).
var voiceKinds = [2]struct {
	id                             string
	how, howZH, tierHow, tierHowZH string
}{
	{"voice.minute", agentHow, agentHowZH, agentHow + tierHow, agentHowZH + tierHowZH},
	{"robot.voice.minute", robotHow, robotHowZH, robotHow + tierHow, robotHowZH + tierHowZH},
}

const (
	agentHow, agentHowZH = "agent call minutes (in + out, each call rounded up)", "人工通话分钟（呼入 + 呼出，每通向上取整）"
	robotHow, robotHowZH = "robot call minutes (in + out, each call rounded up)", "机器人通话分钟（呼入 + 呼出，每通向上取整）"
	tierHow, tierHowZH   = "; all the month's minutes at the tier reached by its agent and robot minutes together", "；当月全部分钟按人工与机器人分钟合计所达阶梯单价"
)

// tierIndex is the tier an all-units table charges micro millionths of a
// unit at: the first whose upper bound they do not pass. Every unit is
// charged at that tier's price: 50,000 Aliyun minutes at 0.110
// (5,500.00), 50,001 at 0.108 (5,400.11); 99 human seats at 199, 100 at
// 159. Tier bounds are whole units.
func tierIndex(tiers []Tier, micro int64) int {
	for i, t := range tiers {
		if t.Upto == nil || t.Upto.IntPart()*millionths >= micro {
			return i
		}
	}
	return len(tiers) - 1
}

// tierPrice returns tier i's (discounted) price, prepared for fast
// multiplication and kept per plan.
func (pc *planCtx) tierPrice(it *Item, i int) *resolved {
	key := tierKey{it, i}
	if r, ok := pc.tiers[key]; ok {
		return r
	}
	p := pc.list(it.Tiers[i].Price)
	r := &resolved{p: &p, it: it, up: newUnitPrice(p)}
	if pc.tiers == nil {
		pc.tiers = map[tierKey]*resolved{}
	}
	pc.tiers[key] = r
	return r
}

type tierKey struct {
	it   *Item
	tier int
}

// seatTerm is a term seats are sold in: months at rate × the monthly price.
type seatTerm struct {
	months int
	rate   decimal.Decimal
}

func (st seatTerm) en() string {
	switch {
	case st.months == 1:
		return "1 month"
	case st.months%12 == 0 && st.months == 12:
		return "1 year"
	case st.months%12 == 0:
		return strconv.Itoa(st.months/12) + " years"
	}
	return strconv.Itoa(st.months) + " months"
}

// adj is the term as a modifier: "1-month", "3-year".
func (st seatTerm) adj() string {
	if st.months%12 == 0 {
		return strconv.Itoa(st.months/12) + "-year"
	}
	return strconv.Itoa(st.months) + "-month"
}

func (st seatTerm) zh() string {
	if st.months%12 == 0 {
		return strconv.Itoa(st.months/12) + " 年"
	}
	return strconv.Itoa(st.months) + " 个月"
}

// seatRun is a run of days with the same seats needed and held, and the
// tier (index into the seat prices) the held count reaches.
type seatRun struct {
	from, to   int
	need, held int64
	tier       int
}

// seatBuy is one purchase of the schedule before it is charged: seats of
// one term bought on one day at one tier, and for whom.
type seatBuy struct {
	start, end, term, tier int
	qty                    int64
	whom                   []string
	whomZH                 []string
}

// aliyunSeats buys one seat kind (pricing-rules §7.4–7.6).
//
// Terms run from the day they are bought ("购买时长即为产品有效期": a
// month bought on 01-15 runs to 02-14); seats needed only from a later day
// are bought that day. Every seat needed (a unit of need: the k-th seat is
// needed on the days at least k are) gets the cheapest sequence of terms
// — 1 month, or 1, 2, 3 years at the term discount — covering exactly the
// days it is needed (cheapestTerms); seats needed on the same days share a
// search. Where more seats cost less at the tier they reach (99 → 100
// human seats), that many are held, unless the option says not to.
//
// Reading shipped [A]: a purchase is priced at the tier of the seats held
// on the day it is bought (seats needed that day, or the cheaper larger
// count), and that price holds for the whole term it pays for: a seat
// bought at the 159 tier keeps 159 for its term if the count drops, and one
// bought at 199 is not repriced when it rises. Seats still running from a
// longer term than their need are not counted toward a later purchase's
// tier (never an understated price).
func aliyunSeats(pc *planCtx, id string, get func(*level) int64) {
	t := pc.t
	if t.peak.maxOf(get) == 0 {
		return
	}
	it := pc.ed.Item(id)
	quote, quoted := pc.vs.Prices[id]
	prices := []decimal.Decimal{quote}
	tierOf := func(int64) int { return 0 }
	if !quoted {
		tierOf = func(n int64) int { return tierIndex(it.Tiers, n*millionths) }
	}
	if !quoted {
		prices = prices[:0]
		for _, tr := range it.Tiers {
			prices = append(prices, pc.list(tr.Price))
		}
	}
	var terms []seatTerm
	if T := pc.plan.TermMonths; T > 0 {
		terms = append(terms, seatTerm{T, termRate(it, T)})
	} else {
		// Longest first: of equal costs the schedule keeps the longer term
		// first (13 months: 1 year + 1 month).
		for i := len(it.Discounts) - 1; i >= 0; i-- {
			terms = append(terms, seatTerm{it.Discounts[i].Months, it.Discounts[i].Rate})
		}
		terms = append(terms, seatTerm{1, one})
	}
	cliff := !quoted && pc.option("aliyun.buy-at-tier-cliff")

	// The seats needed and held, run by run.
	var runs []seatRun
	for i := range t.segs {
		sg := &t.segs[i]
		n := get(&sg.l)
		h := n
		if cliff {
			h = cheapestCount(n, it.Tiers, prices)
		}
		from := t.dayIndex(sg.from)
		if k := len(runs); k > 0 && runs[k-1].need == n && runs[k-1].held == h {
			runs[k-1].to = from + sg.days
			continue
		}
		runs = append(runs, seatRun{from: from, to: from + sg.days, need: n, held: h, tier: tierOf(h)})
	}
	tierOn := func(day int) int {
		i := sort.Search(len(runs), func(i int) bool { return runs[i].to > day })
		return runs[i].tier
	}

	// Per-seat cost of each term at each tier, in 0.0001 元, for the search.
	cost := make([][]int64, len(prices))
	for i, p := range prices {
		cost[i] = make([]int64, len(terms))
		for j, st := range terms {
			cost[i][j] = p.Mul(decimal.NewFromInt(int64(st.months))).Mul(st.rate).Shift(4).Round(0).IntPart()
		}
	}
	offers := make([]termOffer, len(terms))
	dm := newDayMonths(t.start)
	for j, st := range terms {
		offers[j] = termOffer{
			end:  func(s int) int { return dm.add(s, st.months) },
			cost: func(s int) int64 { return cost[tierOn(s)][j] },
		}
	}

	// Seats needed on the same days share one search: the k-th seat for k
	// in (levels[i-1], levels[i]].
	var levels []int64
	for _, r := range runs {
		if r.held > 0 && !containsInt(levels, r.held) {
			levels = append(levels, r.held)
		}
	}
	sort.Slice(levels, func(i, j int) bool { return levels[i] < levels[j] })
	buys := map[[3]int]*seatBuy{}
	prev := int64(0)
	for _, lv := range levels {
		var need []span
		for _, r := range runs {
			if r.held < lv {
				continue
			}
			if k := len(need); k > 0 && need[k-1].to == r.from {
				need[k-1].to = r.to
			} else {
				need = append(need, span{r.from, r.to})
			}
		}
		_, seq := cheapestTerms(need, offers)
		qty := lv - prev
		prev = lv
		extra := false // some of these seats are only held for a cheaper tier
		for _, r := range runs {
			extra = extra || r.held >= lv && r.need < lv
		}
		whom, whomZH := seatsWhom(t, qty, need, seq, terms, extra)
		for _, b := range seq {
			tier := tierOn(b.start)
			key := [3]int{b.start, b.offer, tier}
			sb := buys[key]
			if sb == nil {
				sb = &seatBuy{start: b.start, end: b.end, term: b.offer, tier: tier}
				buys[key] = sb
			}
			sb.qty += qty
			if !contains(sb.whom, whom) {
				sb.whom = append(sb.whom, whom)
				sb.whomZH = append(sb.whomZH, whomZH)
			}
		}
	}
	list := make([]*seatBuy, 0, len(buys))
	for _, b := range buys {
		list = append(list, b)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.term != b.term {
			return a.term > b.term
		}
		return a.tier < b.tier
	})

	// Charge and schedule every purchase; each line says how its amount
	// follows from seats, months, tier price and term rate.
	type lineUse struct {
		seats  int64
		term   seatTerm
		tier   int
		starts []int
	}
	uses := map[*Line]*lineUse{}
	var order []*Line
	pastEnd := 0
	for _, b := range list {
		st := terms[b.term]
		p := prices[b.tier]
		unit := p.Mul(st.rate)
		amount := Cents(unit.Mul(decimal.NewFromInt(b.qty * int64(st.months))))
		va := variant{key: fmt.Sprintf("term%d", st.months), label: "（" + st.zh() + "期）", labelEN: " (" + st.adj() + " terms)"}
		l, acc := pc.b.line(it, va, &unit, quoted, "", "")
		acc.whole += b.qty * int64(st.months)
		day := t.start.AddDays(b.start)
		acc.add(t.monthOf(day), toFenOf(amount, it))
		u := uses[l]
		if u == nil {
			u = &lineUse{term: st, tier: b.tier}
			uses[l] = u
			order = append(order, l)
		}
		u.seats += b.qty
		u.starts = append(u.starts, b.start)
		if b.end > t.days {
			pastEnd++
		}
		calc := fmt.Sprintf("%d × %d × %s", b.qty, st.months, p)
		if st.months > 1 || !st.rate.Equal(one) {
			calc += " × " + st.rate.String()
		}
		// English amounts as the window and the command line write them
		// ("¥46,566.00"; the line under the purchase read "46,566.00 CNY").
		pc.buy(day, it, decimal.NewFromInt(b.qty), &amount, t.start.AddDays(b.end-1),
			fmt.Sprintf("%d seats for %s: %s = ¥%s; for %s", b.qty, st.en(), calc, money(amount), strings.Join(b.whom, "; ")),
			fmt.Sprintf("%d 个坐席，%s期：%s = %s 元；用于%s", b.qty, st.zh(), calc, money(amount), strings.Join(b.whomZH, "；")))
		ps := &pc.schedule[len(pc.schedule)-1]
		ps.Label, ps.LabelEN, ps.Unit = it.Name+"（"+st.zh()+"期）", it.NameEN+" ("+st.adj()+" term)", "seat"
	}
	for _, l := range order {
		u := uses[l]
		tierEN, tierZH := tierWords(it, u.tier, quoted)
		months := fmt.Sprintf("%d months", u.term.months)
		if u.term.months == 1 {
			months = "1 month"
		}
		l.Formula = fmt.Sprintf("%d seats bought × %s × %s (%s)", u.seats, months, prices[u.tier], tierEN)
		l.FormulaZH = fmt.Sprintf("购买 %d 个坐席 × %d 个月 × %s（%s）", u.seats, u.term.months, prices[u.tier], tierZH)
		if u.term.months > 1 || !u.term.rate.Equal(one) {
			list := prices[u.tier]
			l.ListPrice = &list
			l.Rates = []Rate{{Value: u.term.rate, Label: u.term.zh() + "期折扣", LabelEN: u.term.adj() + " term discount"}}
			l.Formula += fmt.Sprintf(" × %s (%s term discount [A])", u.term.rate, u.term.adj())
			l.FormulaZH += fmt.Sprintf(" × %s（%s期折扣 ※）", u.term.rate, u.term.zh())
			pc.b.assumeLine(l, "包年折扣（PDF 表格错乱）解读为：1 年 8.5 折，2 年 7.5 折，3 年 6.5 折。Term discounts (garbled in the PDF) read as 1 year 0.85, 2 years 0.75, 3 years 0.65.")
		}
		l.Formula += "; each term runs from the day it is bought and is paid that day (see the schedule)"
		l.FormulaZH += "；每期自购买日起算，购买当日付款（见采购计划）"
	}
	starts := map[*Line][]int{}
	for l, u := range uses {
		starts[l] = u.starts
	}
	aliyunCliffs(pc, it, runs, prices, quoted, cliff, order, starts)
	if pastEnd > 0 {
		pc.note(Note{ID: "aliyun.past-end",
			Text: "部分坐席期限超出分析期末：每期整期购买、整期付款；到期日见采购计划。",
			EN:   "Some seat terms run past the end of the horizon: a term is bought whole and paid in full; the schedule shows when each ends."})
	}
}

// aliyunCliffs says, on the seat lines bought while more seats were held
// than needed because more cost less (§7.6), how much less; with that
// switched off, a hint says what it would save.
func aliyunCliffs(pc *planCtx, it *Item, runs []seatRun, prices []decimal.Decimal, quoted, on bool, lines []*Line, starts map[*Line][]int) {
	if quoted {
		return
	}
	seen := map[[2]int64]bool{}
	for _, r := range runs {
		better := cheapestCount(r.need, it.Tiers, prices)
		if better == r.need {
			continue
		}
		less := fromFen(newUnitPrice(prices[tierIndex(it.Tiers, r.need*millionths)]).fen(r.need) - newUnitPrice(prices[tierIndex(it.Tiers, better*millionths)]).fen(better))
		if on {
			en := fmt.Sprintf("%d seats bought for %d needed: %s less a month", better, r.need, money(less))
			zh := fmt.Sprintf("需要 %d 个坐席，购买 %d 个：每月便宜 %s 元", r.need, better, money(less))
			for _, l := range lines {
				bought := false
				for _, s := range starts[l] {
					bought = bought || s >= r.from && s < r.to
				}
				if bought && !strings.Contains(l.Formula, en) {
					l.Formula += "; " + en
					l.FormulaZH += "；" + zh
				}
			}
			continue
		}
		if seen[[2]int64{r.need, better}] {
			continue
		}
		seen[[2]int64{r.need, better}] = true
		pc.hints = append(pc.hints, Note{
			EN:   fmt.Sprintf("%s: %d seats would cost %s less a month than the %d needed (all seats at the tier the count reaches); option aliyun.buy-at-tier-cliff is off", it.NameEN, better, money(less), r.need),
			Text: fmt.Sprintf("%s：购买 %d 个坐席比所需的 %d 个每月便宜 %s 元（全部坐席按总数所在阶梯计价）；选项“多买坐席更便宜时多买”已关闭", it.Name, better, r.need, money(less)),
		})
	}
}

// cheapestCount is the number of seats at least n that costs least a month
// when all seats are at the tier the count reaches: n itself, or the first
// count of a higher tier (99 human seats at 199 cost 19,701.00, 100 at 159
// cost 15,900.00). Equal costs keep fewer seats.
func cheapestCount(n int64, tiers []Tier, prices []decimal.Decimal) int64 {
	if n <= 0 {
		return n
	}
	i := tierIndex(tiers, n*millionths)
	best, bestFen := n, newUnitPrice(prices[i]).fen(n)
	for j := i; j+1 < len(tiers); j++ {
		q := tiers[j].Upto.IntPart() + 1
		if f := newUnitPrice(prices[j+1]).fen(q); f < bestFen {
			best, bestFen = q, f
		}
	}
	return best
}

// termRate is the multiplier for paying months up front: the item's
// discount for that term, else 1.
func termRate(it *Item, months int) decimal.Decimal {
	for _, d := range it.Discounts {
		if d.Months == months {
			return d.Rate
		}
	}
	return one
}

// seatsWhom says which seats a sequence of terms is for: how many, the days
// they are needed and the sequence chosen.
func seatsWhom(t *timeline, qty int64, need []span, seq []termBuy, terms []seatTerm, extra bool) (string, string) {
	var days []string
	for _, s := range need {
		days = append(days, t.start.AddDays(s.from).String()+"–"+t.start.AddDays(s.to-1).String())
	}
	var en, zh []string
	for _, b := range seq {
		en = append(en, terms[b.offer].en())
		zh = append(zh, terms[b.offer].zh())
	}
	held, heldZH := "needed", "需要"
	if extra {
		held, heldZH = "held (needed, or bought up to a cheaper tier)", "持有（所需，或为更便宜的阶梯多买）"
	}
	return fmt.Sprintf("%d seats %s %s, cheapest terms %s", qty, held, strings.Join(days, ", "), strings.Join(en, " + ")),
		fmt.Sprintf("%s %s的 %d 个坐席，最省的期限组合 %s", strings.Join(days, "、"), heldZH, qty, strings.Join(zh, " + "))
}

// tierWords names a seat tier: "tier price for 1–99 seats held".
func tierWords(it *Item, i int, quoted bool) (string, string) {
	if quoted {
		return "your quoted price", "您的报价"
	}
	lo := int64(1)
	if i > 0 {
		lo = it.Tiers[i-1].Upto.IntPart() + 1
	}
	if up := it.Tiers[i].Upto; up != nil {
		return fmt.Sprintf("tier price for %d–%d seats held on the day bought", lo, up.IntPart()),
			fmt.Sprintf("购买当日持有 %d–%d 个坐席的阶梯单价", lo, up.IntPart())
	}
	return fmt.Sprintf("tier price for %d or more seats held on the day bought", lo),
		fmt.Sprintf("购买当日持有 %d 个及以上坐席的阶梯单价", lo)
}

// money writes an amount with thousands separators: 46,566.00.
func money(d decimal.Decimal) string {
	s := d.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := s[:len(s)-3], s[len(s)-3:]
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String() + frac
	}
	return b.String() + frac
}

func containsInt(list []int64, v int64) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// assumeLine marks one line as resting on an assumption, adding text to its
// note once.
func (b *bill) assumeLine(l *Line, text string) {
	l.Assumption = true
	if !strings.Contains(l.Note, text) {
		if l.Note != "" {
			l.Note += " "
		}
		l.Note += text
	}
}
