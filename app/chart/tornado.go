package chart

import (
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// The tornado (issue 11 point 6): what each demand input, moved down and
// up (pricing.ComputeTornado), does to one total. By default the total is
// the cheapest way to cover everything (what the buyer would pay; it may
// be another way on a side); Options.Vendor shows one vendor's instead.
// Inputs that change the ranking carry ★.

// Tornado colours: the lower and the higher side (Okabe–Ito sky blue and
// orange, apart from the vendors' colours).
var (
	tornadoLow  = drawing.ColorFromHex("56B4E9")
	tornadoHigh = drawing.ColorFromHex("E69F00")
)

// RenderTornado draws a tornado as "png" or "svg" to w.
func RenderTornado(w io.Writer, format string, t *pricing.Tornado, o Options) error {
	cv, err := newCanvas(format, o)
	if err != nil {
		return err
	}
	if err := drawTornado(cv, t, o, nil); err != nil {
		return err
	}
	return cv.save(w)
}

// TornadoImage draws a tornado into an image (the window's view).
func TornadoImage(t *pricing.Tornado, o Options) (*image.RGBA, error) {
	cv, err := newCanvas("png", o)
	if err != nil {
		return nil, err
	}
	if err := drawTornado(cv, t, o, nil); err != nil {
		return nil, err
	}
	return cv.image()
}

// TornadoFit is o made tall enough for every input of t to have a row
// of its own, at the text size o's own size gives (TextScale): a window
// whose chart area is short (1280×800) shows the chart taller than its
// area and scrolls it, instead of lumping all inputs but two into "15
// more". The height never shrinks below o's, nor grows past the largest
// chart drawn.
func TornadoFit(t *pricing.Tornado, o Options) (Options, error) {
	cv, err := newCanvas("png", o)
	if err != nil {
		return o, err
	}
	o.TextScale = cv.scale
	var need float64
	if err := drawTornado(cv, t, o, &need); err != nil {
		return o, err
	}
	_, h, _ := o.Size()
	o.Height = max(h, min(maxSide, int(math.Ceil(need))))
	return o, nil
}

// tornadoSide is one bar: the change on one side, as drawn.
type tornadoSide struct {
	delta     float64
	text      string
	drawn     bool // a bar (false: unchanged by rounding, or no total)
	partial   bool // not a whole total: pale, dashed
	rankMoved bool
	short     string // text without the new cheapest way's name
}

type tornadoRow struct {
	label     string
	low, high tornadoSide
	size      float64
	star      bool
}

// TornadoInput words an input's value: counts with digit groups, growth
// and shares in per cent, call length in minutes, ASR requests in seconds.
func TornadoInput(lang string, input string, v decimal.Decimal) string {
	if v.IsNegative() {
		return "−" + TornadoInput(lang, input, v.Neg())
	}
	en := lang == "en"
	switch {
	case input == pricing.GrowthField || strings.HasSuffix(input, "_share"):
		return v.Mul(decimal.NewFromInt(100)).Round(4).String() + "%"
	case input == "avg_call_minutes":
		if en {
			return v.String() + " min"
		}
		return v.String() + " 分钟"
	case input == "asr_seconds_per_request":
		if en {
			return v.String() + " s"
		}
		return v.String() + " 秒"
	}
	return wording.GroupDigits(v.String())
}

// AnnualPercent words a monthly growth rate as its annual rate, to 0.01 %
// ("26.82%"; pricing.AnnualGrowth).
func AnnualPercent(monthly decimal.Decimal) string {
	a := pricing.AnnualGrowth(monthly).Shift(2).Round(2)
	if a.IsNegative() {
		return "−" + a.Neg().String() + "%"
	}
	return a.String() + "%"
}

// monthlyPercent: a converted monthly rate to 0.0001 % ("0.4074%").
func monthlyPercent(g decimal.Decimal) string {
	p := g.Shift(2).Round(4)
	if p.IsNegative() {
		return "−" + p.Neg().String() + "%"
	}
	return p.String() + "%"
}

// signedMoney: "+51,222.60" / "−51,222.60" / "0.00".
func signedMoney(d decimal.Decimal) string {
	switch d.Sign() {
	case 1:
		return "+" + wording.Money(d)
	case -1:
		return "−" + wording.Money(d.Neg())
	}
	return wording.Money(d)
}

// drawTornado draws t on cv; with measure set it draws nothing and sets
// *measure to the height in pixels that gives every row room (TornadoFit).
func drawTornado(cv *chartCanvas, t *pricing.Tornado, o Options, measure *float64) error {
	if t == nil || t.Base == nil {
		return errors.New("tornado: nothing computed")
	}
	W, H := float64(cv.w), float64(cv.h)
	ts, bs, ss := cv.base*1.35, cv.base, cv.base*0.9
	pad := math.Round(12 * cv.scale)
	c := t.Base
	pct := t.Share.Mul(decimal.NewFromInt(100)).String()
	pts := t.GrowthPoints.Mul(decimal.NewFromInt(100)).String()

	// Whose total.
	var target *pricing.Result
	if o.Vendor != "" {
		var err error
		if target, err = BreakdownVendor(c, o.Vendor); err != nil {
			return fmt.Errorf("tornado: %w", err)
		}
	}
	best := c.BestCombination()
	var who string
	switch {
	case target != nil:
		who = ctr(o, "供应商：", "Vendor: ") + wording.VendorName(target, o.Lang) + ctr(o, "，合计 ", ", total ") +
			wording.Bounded(o.Lang, wording.BoundOf(target), wording.Money(target.Total)+ctr(o, " 元", " CNY")) +
			statusSuffix(target.Complete, target.Covers, target.Unpriced, target.Uncovered, o)
	case best != nil:
		who = ctr(o, "最便宜的全覆盖方式：", "Cheapest way to cover everything: ") + wording.CombinationText(o.Lang, best) +
			" = " + wording.Money(best.Total) + ctr(o, " 元", " CNY")
	default:
		who = ctr(o, "没有全覆盖且全部定价的方式：请选择一个供应商查看它的合计", "No way covers everything at known prices: choose a vendor to see its total")
	}
	title := ctr(o, fmt.Sprintf("敏感性：每项需求 ±%s%%、增长率 ±%s 个百分点/年时总成本的变化", pct, pts),
		fmt.Sprintf("Sensitivity: change in total with each need ±%s %% and growth ±%s points a year", pct, pts))
	if c.Scenario != "" {
		title += " — " + c.Scenario
	}
	// Title, whose total, the horizon (net of VAT or not, the prices'
	// age): each wraps rather than ending in "…" in a narrow chart.
	y := pad + ts
	for i, l := range cv.wrap(title, ts, W-2*pad, 2) {
		if i > 0 {
			y += ts * 1.25
		}
		cv.text(l, W/2, y, ts, cv.th.text, alignCenter)
	}
	y += ss * 0.2
	for _, l := range append(cv.wrap(who, ss, W-2*pad, maxWrapLines), cv.wrap(horizonText(c, o), ss, W-2*pad, maxWrapLines)...) {
		y += ss * 1.5
		cv.text(l, W/2, y, ss, cv.th.subtle, alignCenter)
	}
	y += ss * 1.8
	if target != nil {
		if b := wording.BoundOf(target); b == wording.Unknown || b == wording.NotApplicable || b == wording.NotComputed {
			// No known amount: a change of it is no amount either.
			if measure != nil {
				*measure = H
				return nil
			}
			cv.message([]string{wording.VendorName(target, o.Lang) + ctr(o, "：", ": ") + wording.Amount(o.Lang, target.Total, b) +
				ctr(o, "，没有已知金额，也就没有可画的变化", " — no known amount, so no change to draw")}, pad, y, W-pad, H-pad)
			return nil
		}
	}

	// Rows, largest change first.
	var rows []tornadoRow
	var growth *pricing.Swing
	anyPartial, anyStar := false, false
	var refused *scenarios.FieldError // the first side not computed
	for _, sw := range t.Swings {
		r := tornadoRow{label: fieldLabel(sw.Input, o) + "  " + TornadoInput(o.Lang, sw.Input, sw.Base) + " → " +
			TornadoInput(o.Lang, sw.Input, sw.Low.Value) + " / " + TornadoInput(o.Lang, sw.Input, sw.High.Value)}
		if !sw.From.IsZero() {
			// 0 at the start: the values are its first dated change's.
			r.label += ctr(o, "（自 "+sw.From.String()+" 起）", " (from "+sw.From.String()+")")
		}
		if sw.Input == pricing.GrowthField {
			// Growth is moved by points of its annual rate: the row says
			// the annual rates (the monthly ones are in the notes).
			r.label = ctr(o, "增长率（年化）", "Growth a year") + "  " + AnnualPercent(sw.Base) + " → " +
				AnnualPercent(sw.Low.Value) + " / " + AnnualPercent(sw.High.Value)
			growth = &sw
		}
		for k, side := range []pricing.Side{sw.Low, sw.High} {
			ts := tornadoSide{rankMoved: side.RankChanged}
			switch {
			case side.Refused != nil:
				// Past a limit: this side is not computed, the rest
				// of the chart is (the reason is in the notes).
				ts.text = ctr(o, "无法计算 ‡", "not computable ‡")
				if refused == nil {
					refused = side.Refused
				}
			case side.Unchanged && side.Clamped:
				// Already at its limit: the move was held there, no
				// rounding involved (recorded_share 1 + 20 % → 1).
				ts.text = ctr(o, "受取值范围限制，不变", "held to the field's range: unchanged")
			case side.Unchanged:
				ts.text = ctr(o, "取整后不变", "unchanged after rounding")
			case target != nil:
				st := side.Vendor(target.Vendor)
				if st == nil {
					ts.text = "—"
					break
				}
				ts.drawn, ts.delta, ts.partial = true, st.Delta.InexactFloat64(), !st.Whole
				ts.text = signedMoney(st.Delta)
				if ts.partial {
					ts.text += ctr(o, "（部分金额）", " (partial)")
				}
			case best != nil && side.AnswerDelta != nil:
				ts.drawn, ts.delta = true, side.AnswerDelta.InexactFloat64()
				ts.text = signedMoney(*side.AnswerDelta)
			default:
				ts.text = ctr(o, "无全覆盖方式", "no way covers everything")
			}
			if side.Clamped && !side.Unchanged {
				// Moved less than the share: held to what the field allows.
				ts.text += ctr(o, "（受取值范围限制）", " (held to the field's range)")
			}
			if side.RankChanged {
				r.star = true
				ts.text += " ★"
			}
			ts.short = ts.text
			if a := side.Answer; side.RankChanged && a != nil && (best == nil || !sameWay(a, best)) {
				ts.text += " " + wording.CombinationText(o.Lang, a)
			}
			anyPartial = anyPartial || ts.partial
			r.size = math.Max(r.size, math.Abs(ts.delta))
			if k == 0 {
				r.low = ts
			} else {
				r.high = ts
			}
		}
		// Nothing to draw on either side: one word for the row, not two
		// texts on top of each other.
		if !r.star && r.low.delta == 0 && r.high.delta == 0 && r.low.text == r.high.text {
			if r.low.drawn {
				r.low.text = ctr(o, "不变", "no change") + strings.TrimPrefix(r.low.text, "0.00")
			}
			r.high.text = ""
			r.low.short, r.high.short = r.low.text, ""
		}
		if r.star {
			r.label = "★ " + r.label
			anyStar = true
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].size > rows[j].size })

	// Key and notes.
	key := []chartLegendItem{
		{label: ctr(o, fmt.Sprintf("减少 %s%%（增长率 −%s 个百分点/年）", pct, pts), fmt.Sprintf("%s %% lower (growth −%s points a year)", pct, pts)), color: tornadoLow},
		{label: ctr(o, fmt.Sprintf("增加 %s%%（增长率 +%s 个百分点/年）", pct, pts), fmt.Sprintf("%s %% higher (growth +%s points a year)", pct, pts)), color: tornadoHigh},
	}
	var notes []string
	if anyStar {
		notes = append(notes, ctr(o, "★ = 改变排名：最便宜的全覆盖方式或全覆盖供应商的先后变了（★ 后为新的最便宜方式）",
			"★ = changes the ranking: the cheapest way to cover everything, or the order of the vendors covering everything (after ★: the new cheapest way)"))
	}
	if anyPartial {
		notes = append(notes, ctr(o, "浅色虚框 = 部分金额（不完整或不覆盖全部需求），不能与全覆盖的金额比较",
			"pale dashed = partial total (unpriced items or not covering every need); not comparable with whole ones"))
	}
	if refused != nil {
		notes = append(notes, ctr(o, "‡ 无法计算：", "‡ Not computable: ")+refusalText(o, refused))
	}
	notes = append(notes, ctr(o, "每项需求连同它的计划变更一起变动；整数四舍五入（不低于 0），比例不超过 100%；其他需求不变",
		"Each need moves with its dated changes; whole numbers rounded half up (never below 0), shares at most 100 %; every other need unchanged"))
	if growth != nil {
		notes = append(notes, ctr(o,
			fmt.Sprintf("增长率按年化变动 ±%s 个百分点，再换算为每月复合增长率：%s → %s / %s（每月）", pts,
				TornadoInput(o.Lang, growth.Input, growth.Base), monthlyPercent(growth.Low.Value), monthlyPercent(growth.High.Value)),
			fmt.Sprintf("Growth moves by ±%s points of its annual rate, converted to compound monthly growth: %s → %s / %s a month", pts,
				TornadoInput(o.Lang, growth.Input, growth.Base), monthlyPercent(growth.Low.Value), monthlyPercent(growth.High.Value))))
	}
	if len(t.LeftOut) > 0 {
		var names []string
		for _, l := range t.LeftOut {
			names = append(names, fieldLabel(l.Input, o))
		}
		notes = append(notes, ctr(o, "未列出（为 0 或不适用）：", "Not shown (0 or not used): ")+strings.Join(names, ctr(o, "、", ", ")))
	}
	f := &chartFrame{cv: cv, o: o, legend: key}
	legendRows := f.layoutLegend(pad, W-pad, bs)
	var noteLines []string
	for _, n := range notes {
		noteLines = append(noteLines, cv.wrap(n, ss, W-2*pad, maxWrapLines)...)
	}
	bottom := H - pad - float64(len(noteLines))*ss*1.5
	for _, row := range legendRows {
		for _, p := range row {
			sw := bs * 2.2
			cv.rect(p.x, y-bs*0.75, p.x+sw, y-bs*0.05, p.item.color)
			cv.text(p.item.label, p.x+sw+bs*0.5, y, bs, cv.th.text, alignLeft)
		}
		y += bs * 1.7
	}
	top := y
	if measure != nil {
		// Room for every row at the least height a row is given
		// below (1.5 × the text), the rule that lumps rows when short;
		// 2.4 × when a label is wider than its column, for two lines.
		rh := bs * 1.5
		for _, r := range rows {
			if cv.textWidth(r.label, bs) > W*0.34 {
				rh = bs * 2.4
			}
		}
		*measure = top + float64(max(1, len(rows)))*rh + bs*0.5 + (H - bottom) + 1
		return nil
	}
	ny := bottom + ss*1.1
	for _, n := range noteLines {
		cv.text(n, W/2, ny, ss, cv.th.subtle, alignCenter)
		ny += ss * 1.5
	}
	if len(rows) == 0 {
		cv.message([]string{ctr(o, "没有可变动的需求（都为 0）", "No need to vary (all are 0)")}, pad, top, W-pad, bottom)
		return nil
	}
	avail := bottom - top - bs*0.5
	if maxRows := max(2, int(avail/(bs*1.5))); len(rows) > maxRows {
		// The smallest changes go, named by their number.
		n := len(rows) - (maxRows - 1)
		rows = append(rows[:maxRows-1], tornadoRow{label: ctr(o, fmt.Sprintf("其他 %d 项（变化更小）", n), fmt.Sprintf("%d more (smaller changes)", n))})
	}
	rowH := math.Min(bs*3, avail/float64(len(rows)))

	labelW := 0.0
	for _, r := range rows {
		labelW = math.Max(labelW, cv.textWidth(r.label, bs))
	}
	labelW = math.Min(labelW, W*0.34)
	lo, hi := 0.0, 0.0
	for _, r := range rows {
		for _, s := range []tornadoSide{r.low, r.high} {
			lo, hi = math.Min(lo, s.delta), math.Max(hi, s.delta)
		}
	}
	// Room for the texts beside the bars on the side they grow to; in a
	// narrow chart the new cheapest way's name goes (the ★ and the key
	// stay), then the labels narrow.
	widths := func() (neg, pos float64) {
		for _, r := range rows {
			for _, s := range []tornadoSide{r.low, r.high} {
				if s.text == "" {
					continue
				}
				w := cv.textWidth(s.text, ss) + ss
				if s.delta < 0 {
					neg = math.Max(neg, w)
				} else {
					pos = math.Max(pos, w)
				}
			}
		}
		return
	}
	neg, pos := widths()
	left := pad + labelW + bs
	right := W - pad
	if right-left-neg-pos < W*0.2 {
		for i := range rows {
			for _, s := range []*tornadoSide{&rows[i].low, &rows[i].high} {
				s.text = s.short
			}
		}
		neg, pos = widths()
		if right-left-neg-pos < W*0.2 {
			labelW = math.Max(W*0.2, right-neg-pos-W*0.2-pad-bs)
			labelW = math.Min(labelW, W*0.34)
			left = pad + labelW + bs
		}
	}
	plotL, plotR := left, right
	if lo < 0 {
		plotL += neg
	}
	if pos > 0 {
		// Room on the right for texts there: rises, and words with no
		// bar (unchanged, not computable) beside the zero line.
		plotR -= pos
	}
	if plotR-plotL < W*0.1 {
		plotL, plotR = left, right
	}
	span := hi - lo
	if span == 0 {
		span = 1
	}
	X := func(v float64) float64 { return plotL + (v-lo)/span*(plotR-plotL) }
	zero := X(0)
	lw := math.Max(1, cv.scale)
	cv.line(zero, top, zero, top+rowH*float64(len(rows)), cv.th.axis, lw, nil)
	for i, r := range rows {
		cy := top + rowH*(float64(i)+0.5)
		lc := cv.th.text
		cv.rowLabel(r.label, bs, labelW, left-bs*0.6, cy, rowH, lc)
		bh := rowH * 0.36
		for k, s := range []tornadoSide{r.low, r.high} {
			col := tornadoLow
			y0, y1 := cy-bh, cy
			if k == 1 {
				col = tornadoHigh
				y0, y1 = cy, cy+bh
			}
			x1 := X(s.delta)
			if s.drawn && s.delta != 0 {
				if math.Abs(x1-zero) < 2 {
					x1 = zero + math.Copysign(2, s.delta)
				}
				a, b := math.Min(zero, x1), math.Max(zero, x1)
				if s.partial {
					pale := col
					pale.A = 80
					cv.rect(a, y0+1, b, y1-1, pale)
					cv.outline(a, y0+1, b, y1-1, col, 1, []float64{3, 2})
				} else {
					cv.rect(a, y0+1, b, y1-1, col)
				}
			}
			ty := (y0+y1)/2 + ss*0.36
			if r.high.text == "" {
				ty = cy + ss*0.36 // the row's one text, centred
			}
			if s.text == "" {
				continue
			}
			if s.delta < 0 {
				cv.text(s.text, math.Min(x1, zero)-ss*0.4, ty, ss, cv.th.text, alignRight)
			} else {
				cv.text(s.text, math.Max(x1, zero)+ss*0.4, ty, ss, cv.th.text, alignLeft)
			}
		}
	}
	return nil
}

// refusalText says why the engine refused a side or point, in the
// chart's language: in Chinese the field and the problem; in English the
// engine's message, which names what it is about.
func refusalText(o Options, fe *scenarios.FieldError) string {
	if o.en() {
		return wording.FieldError("en", fe)
	}
	// "zh", not o.Lang: Lang "" is Chinese here, and wording's catalog
	// has no "" (the reason came out in the engine's English).
	return wording.FileError("zh", scenarios.FieldErrors{fe}).Error()
}

// sameWay: the two combinations give the same groups to the same vendors.
func sameWay(a, b *pricing.Combination) bool {
	if len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		if a.Parts[i].Vendor != b.Parts[i].Vendor || strings.Join(a.Parts[i].Groups, "+") != strings.Join(b.Parts[i].Groups, "+") {
			return false
		}
	}
	return true
}
