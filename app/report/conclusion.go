package report

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"kefucost/app/chart"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// totalRef writes a vendor's total as a reference to the sum of its
// breakdown (its vendor sheet), so that it follows a changed unit price.
func (b *reportBook) totalRef(sheet string, col, row int, r *pricing.Result, bold bool) {
	ref, ok := b.totals[r.Vendor]
	if !ok {
		b.money(sheet, col, row, r.Total, !r.Complete, bold)
		return
	}
	st := b.st.money
	switch {
	case !r.Complete && bold:
		st = b.st.moneyLowerBold
	case !r.Complete:
		st = b.st.moneyLower
	case bold:
		st = b.st.moneyBold
	}
	b.formula(sheet, col, row, ref, st)
}

// long writes text across columns c0..c1 (merged), wrapped in their
// total width.
func (b *reportBook) long(sheet string, c0, c1, row int, text string, width float64) {
	if b.err != nil || text == "" {
		return
	}
	if c1 > c0 {
		b.fail(b.f.MergeCell(sheet, b.cell(c0, row), b.cell(c1, row)))
	}
	b.wrapped(sheet, c0, row, text, width)
}

// reportEditionDate is an edition's date for a reader, with the check
// request when it is old at the scenario's start.
func reportEditionDate(e pricing.EditionRef, o Options) string {
	return wording.EditionDate(o.Lang, e)
}

// reportEditionWords says a vendor's price editions and their age.
func reportEditionWords(r *pricing.Result, c *pricing.Comparison, o Options) string {
	return wording.PriceAgeNote(o.Lang, r, c.Start)
}

// reportRanked orders the vendors as the conclusion ranks them: complete
// vendors that cover everything by total, then the others in display
// order (a partial total is never ranked against a whole one).
func reportRanked(c *pricing.Comparison) (ranked, rest []*pricing.Result) {
	for _, r := range c.Vendors {
		if r.Complete && r.Covers && !reportServesNone(r) {
			ranked = append(ranked, r)
		} else {
			rest = append(rest, r)
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].Total.LessThan(ranked[j].Total) })
	return ranked, rest
}

// Conclusion page columns: rank, vendor (with its plan), total, more than
// the cheapest, per month, status; their widths (characters) add up to
// reportConclusionWidth, the width of an A4 portrait page at about 75 %.
var reportConclusionCols = []float64{8, 28, 16, 16, 14, 50}

const reportConclusionWidth = 132

// reportVendorPlan names a vendor with its plan, as the conclusion's
// ranking lists it (and its answer sentence repeats it).
func reportVendorPlan(r *pricing.Result, o Options) string {
	if r.Plan == "" || reportServesNone(r) {
		return reportVendorName(r, o)
	}
	plan := wording.PlanName(o.Lang, r.Vendor, r.Plan)
	return reportVendorName(r, o) + o.t("（方案 "+plan+"）", " (plan "+plan+")")
}

// reportAnswer is the answer sentence as the engine's totals give it: what
// the conclusion's answer formula computes in an unedited workbook.
func reportAnswer(c *pricing.Comparison, o Options) string {
	ranked, _ := reportRanked(c)
	if len(ranked) == 0 {
		return reportNoAnswer(o)
	}
	r := ranked[0]
	s := o.t(fmt.Sprintf("最便宜的完整供应商：%s，%d 个月共 %s 元。", reportVendorPlan(r, o), c.Months, wording.Money(r.Total)),
		fmt.Sprintf("Cheapest complete vendor: %s, %s CNY over %s.", reportVendorPlan(r, o), wording.Money(r.Total), wording.CountEN(c.Months, "month")))
	if len(ranked) > 1 {
		gap := ranked[1].Total.Sub(r.Total)
		s += o.t(fmt.Sprintf("比第二名 %s 便宜 %s 元。", reportVendorPlan(ranked[1], o), wording.Money(gap)),
			fmt.Sprintf(" %s CNY less than the second, %s.", wording.Money(gap), reportVendorPlan(ranked[1], o)))
	}
	return s
}

func reportNoAnswer(o Options) string {
	return o.t("没有供应商既完整（全部有价格）又覆盖全部需求：无法给出最便宜的单一供应商；见下方缺口。",
		"No vendor is both complete (every item priced) and covers every requirement: there is no cheapest single vendor; see the gaps below.")
}

// reportExcelString quotes s as a string in a formula.
func reportExcelString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// reportMoneyText is a formula's amount as text, as wording.Money writes it.
func reportMoneyText(x string) string { return `TEXT(` + x + `,"#,##0.00")` }

// answerFormula is reportAnswer as a formula over the ranking's rank (R),
// vendor (V) and total (T) ranges: the vendor ranked 1 and its total, the
// second and the difference, so that the sentence follows an edited unit
// price (and names another vendor when the order changes).
func (b *reportBook) answerFormula(c *pricing.Comparison, n int, rk, vn, tt string) string {
	o := b.o
	at := func(col string, rank int) string { return fmt.Sprintf("INDEX(%s,MATCH(%d,%s,0))", col, rank, rk) }
	q := reportExcelString
	var f string
	if o.en() {
		f = q("Cheapest complete vendor: ") + "&" + at(vn, 1) + "&" + q(", ") + "&" + reportMoneyText(at(tt, 1)) + "&" + q(" CNY over "+wording.CountEN(c.Months, "month")+".")
		if n > 1 {
			f += "&" + q(" ") + "&" + reportMoneyText(at(tt, 2)+"-"+at(tt, 1)) + "&" + q(" CNY less than the second, ") + "&" + at(vn, 2) + "&" + q(".")
		}
		return f
	}
	f = q("最便宜的完整供应商：") + "&" + at(vn, 1) + "&" + q(fmt.Sprintf("，%d 个月共 ", c.Months)) + "&" + reportMoneyText(at(tt, 1)) + "&" + q(" 元。")
	if n > 1 {
		f += "&" + q("比第二名 ") + "&" + at(vn, 2) + "&" + q(" 便宜 ") + "&" + reportMoneyText(at(tt, 2)+"-"+at(tt, 1)) + "&" + q(" 元。")
	}
	return f
}

// reportComboAnswer is the cheapest combination's sentence as the
// engine gives it: what the conclusion's formula computes unedited, with
// the note when a part is the engine's number (live: every part refers
// to the vendor sheets).
func reportComboAnswer(c *pricing.Comparison, o Options, live bool) string {
	s := reportCombination(c, o)
	if !live {
		s += o.t("（只按部分服务计价的组合部分：", " (parts priced on some groups alone: ") + reportAsComputed(o) + o.t("）", ")")
	}
	return s
}

// combosLive says whether every part of every listed combination refers
// to the vendor sheets' cells alone.
func (b *reportBook) combosLive(c *pricing.Comparison) bool {
	vendors := map[string]*pricing.Result{}
	own := map[*pricing.Result]bool{}
	for _, r := range c.Vendors {
		vendors[r.Vendor], own[r] = r, true
	}
	for i := range c.Combinations {
		for _, p := range c.Combinations[i].Parts {
			if _, _, all := b.partAmount(p, vendors[p.Vendor], own[p.Result]); !all {
				return false
			}
		}
	}
	return true
}

// comboAnswerFormula is reportComboAnswer as a formula over the
// combinations sheet: the combination ranked 1 there and its total (the
// sheet's layout: combinations from row 4, rank in column A, total after
// the groups, the combination in words 4 columns further).
func (b *reportBook) comboAnswerFormula(c *pricing.Comparison, live bool) string {
	o := b.o
	col := 1 + len(c.Groups)
	first, last := 4, 3+len(c.Combinations)
	ref := func(k int) string {
		return fmt.Sprintf("%s!%s:%s", reportSheetRef(sheetCombinations), b.absCell(k, first), b.absCell(k, last))
	}
	at := func(k int) string { return fmt.Sprintf("INDEX(%s,MATCH(1,%s,0))", ref(k), ref(1)) }
	tpl := wording.Text(o.Lang, "combo.answer", "\x00", "\x01")
	before, rest, _ := strings.Cut(tpl, "\x00")
	mid, after, _ := strings.Cut(rest, "\x01")
	q := reportExcelString
	f := q(before) + "&" + at(col+5) + "&" + q(mid) + "&" + reportMoneyText(at(col+1)) + "&" + q(after)
	if !live {
		f += "&" + q(o.t("（只按部分服务计价的组合部分：", " (parts priced on some groups alone: ")+reportAsComputed(o)+o.t("）", ")"))
	}
	return f
}

// reportStaleWords is what the check cell says once a total no longer is
// the engine's: what follows the edit and what does not.
func reportStaleWords(o Options) string {
	return o.t("注意：单价已改，总额已变。总额、名次、“比最便宜多”、最便宜的供应商和引用明细的组合金额已按修改后的单价重算；方案与组合的选择、现值和按计费规则计算的金额仍按生成时的价格，请在 kefucost 中重新计算。",
		"Note: a unit price was changed and a total moved. Totals, ranks, “more than the cheapest”, the cheapest vendor and combination amounts that refer to the breakdowns follow the edit; the choice of plans and combinations, present values and rule-computed amounts are as computed when the report was made: recompute in kefucost.")
}

// reportAsComputed says beside a number that it does not follow an edit.
func reportAsComputed(o Options) string {
	return o.t("按生成时的价格计算；修改单价后不随之重算", "as computed when the report was made; does not follow an edited price")
}

// staleFormula is true (as a formula) once any vendor's total cell no
// longer holds the engine's total.
func (b *reportBook) staleFormula(c *pricing.Comparison) string {
	var terms []string
	for _, r := range c.Vendors {
		if ref, ok := b.totals[r.Vendor]; ok {
			terms = append(terms, fmt.Sprintf("ABS(%s-%s)>0.004", ref, r.Total.StringFixed(2)))
		}
	}
	if len(terms) == 0 {
		return "FALSE"
	}
	return "OR(" + strings.Join(terms, ",") + ")"
}

// conclusionSheet is the page for the boss, on one printed A4 page: the
// answer, the ranking with the gaps between, what each vendor lacks, the
// price dates, the interpretations that move the answer, and the
// cumulative chart under them. The answer, ranks and differences are
// formulas over the totals (which refer to the breakdowns); what only the
// engine can choose (the combination) says it is as computed, and a
// check cell says when a total no longer is the engine's.
func (b *reportBook) conclusionSheet(s *scenarios.Scenario, c *pricing.Comparison) {
	o, sh := b.o, sheetConclusion
	portrait, a4, one := "portrait", 9, 1
	b.fail(b.f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &portrait, FitToWidth: &one, FitToHeight: &one}))
	margin, edge, center := 0.4, 0.2, true
	b.fail(b.f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge, Horizontally: &center}))
	fit := true
	b.fail(b.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}))
	for col, w := range reportConclusionCols {
		name, _ := excelize.ColumnNumberToName(col + 1)
		b.fail(b.f.SetColWidth(sh, name, name, w))
	}
	const full = reportConclusionWidth
	from := func(col int) float64 { // the width of columns col..6
		w := 0.0
		for _, x := range reportConclusionCols[col-1:] {
			w += x
		}
		return w
	}
	name := c.Scenario
	if name == "" {
		name = o.t("（未命名方案）", "(unnamed scenario)")
	}
	row := 1
	b.long(sh, 1, 6, row, name+o.t(" — 客服云成本对比结论", " — customer-service cloud: conclusion"), full*12/11)
	b.style(sh, 1, row, 1, row, b.st.title)
	b.fail(b.f.SetRowHeight(sh, row, 24))
	row++
	line := o.t("期间：", "Horizon: ") + reportHorizon(c, o) + o.t("；人民币元；", "; CNY; ") + reportVATWords(c, o)
	if g := reportGenerated(o.Generated); g != "" {
		line += o.t("；生成于 ", "; made ") + g
	}
	b.long(sh, 1, 6, row, line, full)
	row += 2

	ranked, rest := reportRanked(c)
	head := func(text string) {
		b.str(sh, 1, row, text)
		b.fail(b.f.MergeCell(sh, b.cell(1, row), b.cell(6, row)))
		b.style(sh, 1, row, 6, row, b.st.section)
		row++
	}
	text := func(col, row int, s string) {
		b.str(sh, col, row, s)
		b.style(sh, col, row, col, row, b.st.wrap)
	}
	head(o.t("结论", "Answer"))
	answerRow := row // written once the ranking's rows are known
	b.fail(b.f.MergeCell(sh, b.cell(1, row), b.cell(6, row)))
	b.lines[sh] = mapWith(b.lines[sh], row, reportLinesOf(reportAnswer(c, o), full))
	row++
	// The cheapest combination of vendors, one per service group: the
	// engine's choice, said to be as computed.
	if len(c.Combinations) > 0 {
		// The combination ranked 1 on the combinations sheet, whose totals
		// are sums of parts that refer to the vendor sheets (where a part
		// is priced on some groups alone, as computed: said so).
		live := b.combosLive(c)
		b.fail(b.f.MergeCell(sh, b.cell(1, row), b.cell(6, row)))
		b.lines[sh] = mapWith(b.lines[sh], row, reportLinesOf(reportComboAnswer(c, o, live), full))
		// Bold as the single vendor's answer above: the cheapest way is
		// often the combination, and the boss's eye goes to the bold.
		b.formula(sh, 1, row, b.comboAnswerFormula(c, live), b.st.boldWrap)
	} else {
		b.long(sh, 1, 6, row, reportCombination(c, o), full)
	}
	row++
	// Who has paid least so far, month by month (as under the chart).
	if l := wording.LeadsText(o.Lang, c); l != "" {
		b.long(sh, 1, 6, row, l+o.t("（", " (")+reportAsComputed(o)+o.t("）", ")"), full)
		row++
	}
	// The check cell: empty while every total is the engine's.
	b.staleRef = reportSheetRef(sh) + "!" + b.absCell(1, row)
	b.fail(b.f.MergeCell(sh, b.cell(1, row), b.cell(6, row)))
	b.formula(sh, 1, row, fmt.Sprintf("IF(%s,%s,\"\")", b.staleFormula(c), reportExcelString(reportStaleWords(o))), b.st.alert)
	b.lines[sh] = mapWith(b.lines[sh], row, reportLinesOf(reportStaleWords(o), full))
	row += 2

	head(o.t("排名", "Ranking"))
	b.header(sh, row, []string{o.t("名次", "Rank"), o.t("供应商（方案）", "Vendor (plan)"), o.t("总额（元）", "Total (CNY)"),
		o.t("比最便宜多（元）", "More than the cheapest"), o.t("月均（元）", "Per month (CNY)"), o.t("状态", "Status")}, nil)
	row++
	first, last := row, row+len(ranked)-1
	rk := fmt.Sprintf("%s:%s", b.absCell(1, first), b.absCell(1, last))
	vn := fmt.Sprintf("%s:%s", b.absCell(2, first), b.absCell(2, last))
	tt := fmt.Sprintf("%s:%s", b.absCell(3, first), b.absCell(3, last))
	for _, r := range ranked {
		// Ranked by the totals as they stand (ties in listing order, as
		// the engine breaks them); only complete totals are in the range.
		b.formula(sh, 1, row, fmt.Sprintf("RANK(%s,%s,1)+COUNTIF(%s:%s,%s)-1", b.cell(3, row), tt, b.absCell(3, first), b.cell(3, row), b.cell(3, row)), b.st.count)
		b.wrapped(sh, 2, row, reportVendorPlan(r, o), reportConclusionCols[1])
		b.totalRef(sh, 3, row, r, false)
		b.formula(sh, 4, row, fmt.Sprintf("%s-MIN(%s)", b.cell(3, row), tt), b.st.money)
		b.formula(sh, 5, row, fmt.Sprintf("ROUND(%s/%d,2)", b.cell(3, row), c.Months), b.st.money)
		b.wrapped(sh, 6, row, reportStatus(r, o), reportConclusionCols[5])
		b.rankRef[r.Vendor] = reportSheetRef(sh) + "!" + b.absCell(1, row)
		row++
	}
	if len(ranked) > 0 {
		b.formula(sh, 1, answerRow, b.answerFormula(c, len(ranked), rk, vn, tt), b.st.boldWrap)
		b.winnerRef = fmt.Sprintf("INDEX(%s!%s,MATCH(1,%s!%s,0))", reportSheetRef(sh), vn, reportSheetRef(sh), rk)
	} else {
		b.str(sh, 1, answerRow, reportNoAnswer(o))
		b.style(sh, 1, answerRow, 1, answerRow, b.st.boldWrap)
	}
	for _, r := range rest {
		text(1, row, o.t("不排名", "unranked"))
		b.wrapped(sh, 2, row, reportVendorPlan(r, o), reportConclusionCols[1])
		if reportServesNone(r) {
			text(3, row, o.noAmount(r))
		} else {
			b.totalRef(sh, 3, row, r, false)
		}
		b.wrapped(sh, 6, row, reportStatus(r, o), reportConclusionCols[5])
		row++
	}
	b.long(sh, 2, 6, row, o.t("“至少 …”为下限：有未定价项目未计入；不完整或未覆盖全部需求的供应商不参与排名。名次与差额按表中总额计算，修改单价后随之变化。",
		"“at least …” is a lower bound: unpriced items are not in it; a vendor that is incomplete or does not cover everything is not ranked. Ranks and differences are computed from the totals shown and follow an edited price."), from(2))
	b.style(sh, 2, row, 2, row, b.st.note)
	row += 2

	head(o.t("缺口：不提供的服务与没有价格的项目", "Gaps: what a vendor does not serve or has no price for"))
	gaps := 0
	for _, r := range c.Vendors {
		if len(r.Uncovered) > 0 {
			b.wrapped(sh, 2, row, reportVendorName(r, o), reportConclusionCols[1])
			b.long(sh, 3, 6, row, o.t("不提供：", "does not serve: ")+wording.FieldLabels(o.Lang, r.Uncovered), from(3))
			row++
			gaps++
		}
		if len(r.Unpriced) > 0 {
			b.wrapped(sh, 2, row, reportVendorName(r, o), reportConclusionCols[1])
			b.long(sh, 3, 6, row, o.t("没有已知价格（请询价）：", "no known price (ask for a quote): ")+strings.Join(reportItemLabels(r, r.Unpriced, o), o.t("、", ", ")), from(3))
			row++
			gaps++
		}
	}
	if gaps == 0 {
		b.long(sh, 2, 6, row, o.t("无：每个供应商都覆盖全部需求，且所有项目都有价格。", "None: every vendor covers every requirement and every item has a price."), from(2))
		row++
	}
	row++

	head(o.t("价格日期与来源", "Price dates and sources"))
	for _, r := range c.Vendors {
		for _, e := range slices.Concat(r.EditionRefs, r.OtherSources) {
			a := wording.AgeOf(e, c.Start)
			b.wrapped(sh, 2, row, reportVendorName(r, o), reportConclusionCols[1])
			text(3, row, wording.EditionDate(o.Lang, e))
			if a.Stale {
				b.str(sh, 4, row, o.t("请核实最新价格", "check current prices"))
				b.style(sh, 4, row, 4, row, b.st.boldWrap)
			}
			b.long(sh, 5, 6, row, reportEditionSource(e, o), from(5))
			row++
		}
	}
	b.long(sh, 2, 6, row, o.t(fmt.Sprintf("价格在方案开始时已超过 %d 个月或未注明日期的，请到厂商页面核实最新价格。", wording.StaleAfterMonths),
		fmt.Sprintf("Prices more than %d months old at the start, or undated: check the vendor's page for current prices.", wording.StaleAfterMonths)), from(2))
	b.style(sh, 2, row, 2, row, b.st.note)
	row += 2

	head(o.t("影响结论的解释与假设", "Interpretations and assumptions that affect the answer"))
	for _, m := range reportMovers(s, c, o) {
		b.wrapped(sh, 2, row, m.vendor, reportConclusionCols[1])
		b.long(sh, 3, 6, row, m.text, from(3))
		if m.moves {
			b.str(sh, 1, row, o.t("★ 改变结论", "★ changes it"))
			b.style(sh, 1, row, 1, row, b.st.boldWrap)
			b.lines[sh] = mapWith(b.lines[sh], row, 2)
		}
		row++
	}
	row++

	// The cumulative chart below the text, as wide as it.
	png, err := reportChartPNG(c, o)
	if err != nil {
		b.str(sh, 1, row, o.t("（累计成本图无法绘制：", "(cumulative chart could not be drawn: ")+err.Error()+o.t("）", ")"))
		return
	}
	b.str(sh, 1, row, o.t("累计现金支出（元，", "Cumulative cash paid (CNY, ")+reportAsComputed(o)+o.t("）", ")"))
	b.style(sh, 1, row, 1, row, b.st.bold)
	row++
	scale := reportChartScale()
	b.fail(b.f.AddPictureFromBytes(sh, b.cell(1, row), &excelize.Picture{Extension: ".png", File: png,
		Format: &excelize.GraphicOptions{AltText: o.t("累计成本图", "cumulative cost chart"), ScaleX: scale, ScaleY: scale, LockAspectRatio: true}}))
}

// reportChartScale fits the chart picture to the conclusion's columns
// (a column of width w is about 7w + 5 pixels).
func reportChartScale() float64 {
	px := 0.0
	for _, w := range reportConclusionCols {
		px += 7*w + 5
	}
	return math.Floor(px/reportChartWidth*100) / 100
}

// reportLinesOf is how many lines bold text s takes in a width (bold is
// about a tenth wider).
func reportLinesOf(s string, width float64) int {
	return max(1, int(math.Ceil(float64(wording.DisplayWidth(s))*1.1/(width-1))))
}

func mapWith(m map[int]int, row, n int) map[int]int {
	if m == nil {
		m = map[int]int{}
	}
	m[row] = max(m[row], n)
	return m
}

// Size of the chart in the workbook, in pixels (shown as wide as the
// conclusion's columns: reportChartScale).
const reportChartWidth, reportChartHeight = 1200, 500

func reportChartPNG(c *pricing.Comparison, o Options) ([]byte, error) {
	img, err := chart.Image(c, chart.Cumulative, chart.Options{Width: reportChartWidth, Height: reportChartHeight, Lang: o.Lang})
	if err != nil {
		return nil, err
	}
	// Fast compression: the workbook is zipped again anyway.
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// reportCombination says the cheapest way to cover everything with one
// or more vendors (one per service group), or why there is none.
func reportCombination(c *pricing.Comparison, o Options) string {
	return wording.Answer(o.Lang, c)
}

// reportVATWords says which amounts the report shows: as published (VAT
// included) or net of VAT.
func reportVATWords(c *pricing.Comparison, o Options) string {
	return wording.VATWords(o.Lang, c)
}

type reportMover struct {
	vendor, text string
	moves        bool
}

// reportMovers lists the interpretations and assumptions a buyer can
// switch, and says of each whether switching it changes the cheapest
// vendor: the engine prices the scenario again with the switch turned.
func reportMovers(s *scenarios.Scenario, c *pricing.Comparison, o Options) []reportMover {
	var out []reportMover
	seen := map[string]bool{}
	for _, n := range c.Assumptions {
		out = append(out, reportMover{vendor: o.t("全部供应商", "every vendor"), text: o.t(n.Text, n.EN)})
	}
	for _, r := range c.Vendors {
		for _, n := range r.Notes {
			if n.Option == "" || seen[r.Vendor+n.Option] {
				continue
			}
			seen[r.Vendor+n.Option] = true
			m := reportMover{vendor: reportVendorName(r, o), text: o.t(n.Text, n.EN)}
			if cheapest, ok := reportFlipped(s, r.Vendor, n.Option); ok && cheapest != c.Cheapest {
				m.moves = true
				m.text += o.t(fmt.Sprintf("（改变此解释后最便宜的是：%s）", reportVendorWord(c, cheapest, o)),
					fmt.Sprintf(" (switched, the cheapest is: %s)", reportVendorWord(c, cheapest, o)))
			}
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		out = append(out, reportMover{text: o.t("无可切换的解释。", "No interpretation to switch.")})
	}
	return out
}

func reportVendorWord(c *pricing.Comparison, id string, o Options) string {
	if id == "" {
		return o.t("无", "none")
	}
	for _, r := range c.Vendors {
		if r.Vendor == id {
			return reportVendorName(r, o)
		}
	}
	return id
}

// reportFlipped prices s again with vendor's option switched the other
// way and returns the cheapest vendor then.
func reportFlipped(s *scenarios.Scenario, vendor, option string) (string, bool) {
	t := s.Clone()
	v := t.Vendor(vendor)
	on, set := v.Options[option]
	if !set {
		if cv := pricing.MustCatalog().Vendor(vendor); cv != nil {
			if opt := cv.Option(option); opt != nil {
				on = opt.Default
			}
		}
	}
	opts := map[string]bool{}
	for k, x := range v.Options {
		opts[k] = x
	}
	opts[option] = !on
	v.Options = opts
	if t.Vendors == nil {
		t.Vendors = map[string]scenarios.VendorSettings{}
	}
	t.Vendors[vendor] = v
	c, err := pricing.Compare(t)
	if err != nil {
		return "", false
	}
	return c.Cheapest, true
}

// yearlySheet: 年度预算, each vendor's cash per year of the horizon as
// sums over the Monthly sheet, and its cash up front (bought on the first
// day) against the rest.
func (b *reportBook) yearlySheet(c *pricing.Comparison) {
	o, sh := b.o, sheetYearly
	heads := []string{o.t("年度", "Year")}
	widths := []float64{38}
	for _, r := range c.Vendors {
		heads = append(heads, reportVendorName(r, o)+o.t("（元）", " (CNY)"))
		widths = append(widths, 22)
	}
	b.header(sh, 1, heads, widths)
	b.freeze(sh, 1, 1)
	labels := wording.MonthLabels(c)
	row := 2
	for y := 0; y*12 < c.Months; y++ {
		from, to := y*12, min(c.Months, y*12+12)-1
		b.str(sh, 1, row, o.t(fmt.Sprintf("第 %d 年（%s 至 %s）", y+1, labels[from], labels[to]),
			fmt.Sprintf("Year %d (%s to %s)", y+1, labels[from], labels[to])))
		for j, r := range c.Vendors {
			col, ok := b.monthCol[r.Vendor]
			if !ok {
				b.str(sh, 2+j, row, o.noAmount(r))
				continue
			}
			b.formula(sh, 2+j, row, fmt.Sprintf("SUM(%s!%s:%s)", reportSheetRef(sheetMonthly), b.absCell(col, from+2), b.absCell(col, to+2)), b.st.money)
		}
		row++
	}
	b.str(sh, 1, row, o.t("期后支付（期内用量）", "Paid after the horizon (use within it)"))
	for j, r := range c.Vendors {
		if col, ok := b.monthCol[r.Vendor]; ok {
			b.formula(sh, 2+j, row, fmt.Sprintf("%s!%s", reportSheetRef(sheetMonthly), b.absCell(col, c.Months+2)), b.st.money)
		}
	}
	row++
	b.str(sh, 1, row, o.t("合计", "Total"))
	b.style(sh, 1, row, 1, row, b.st.bold)
	totalRow := row
	for j, r := range c.Vendors {
		if _, ok := b.monthCol[r.Vendor]; ok {
			st := b.st.moneyBold
			if !r.Complete {
				st = b.st.moneyLowerBold
			}
			b.formula(sh, 2+j, row, fmt.Sprintf("SUM(%s:%s)", b.cell(2+j, 2), b.cell(2+j, row-1)), st)
		} else {
			b.str(sh, 2+j, row, o.noAmount(r))
		}
	}
	row += 2
	b.str(sh, 1, row, o.t("首付与其后", "Up front and after"))
	b.style(sh, 1, row, len(c.Vendors)+1, row, b.st.header)
	row++
	upRow := row
	b.str(sh, 1, row, o.t("首日购买（"+c.Start.String()+"）", "Bought on the first day ("+c.Start.String()+")"))
	b.str(sh, 1, row+1, o.t("其后合计", "After the first day"))
	b.str(sh, 1, row+2, o.t("其后月均", "After the first day, per month"))
	for j, r := range c.Vendors {
		if _, ok := b.monthCol[r.Vendor]; !ok {
			continue
		}
		// The first day's purchases are the vendor's first rows on the
		// schedule sheet (date order): a SUM over their amount cells, so
		// an amount changed there follows.
		if first, last := reportFirstDayRows(c, r); first > 0 {
			b.formula(sh, 2+j, upRow, fmt.Sprintf("SUM(%s!%s:%s)", reportSheetRef(sheetSchedule), b.absCell(6, first), b.absCell(6, last)), b.st.money)
		} else {
			b.money(sh, 2+j, upRow, decimal.Zero, false, false)
		}
		b.formula(sh, 2+j, upRow+1, fmt.Sprintf("%s-%s", b.cell(2+j, totalRow), b.cell(2+j, upRow)), b.st.money)
		b.formula(sh, 2+j, upRow+2, fmt.Sprintf("ROUND(%s/%d,2)", b.cell(2+j, upRow+1), c.Months), b.st.money)
	}
	row += 4
	b.long(sh, 1, 1+len(c.Vendors), row, o.t("年度小计是逐月现金之和（逐月表下方说明哪些月份引用明细表的金额单元格、哪些是计费引擎的数值）；首日购买是购买计划表中首日各笔金额单元格之和。",
		"Yearly subtotals sum the monthly cash (the note under the monthly sheet says which months refer to the breakdown's amount cells and which are the pricing engine's numbers); bought on the first day sums the schedule sheet's first-day amount cells."), 38+22*float64(len(c.Vendors)))
	b.style(sh, 1, row, 1, row, b.st.note)
}

// reportFirstDayRows are the schedule sheet's rows (as scheduleSheet
// writes them: vendor by vendor, each purchase in date order, then its
// cash paid after the horizon) of r's priced purchases on the first day;
// 0, 0 when it has none. They are contiguous: the first rows of r.
func reportFirstDayRows(c *pricing.Comparison, r *pricing.Result) (first, last int) {
	row := 2
	for _, v := range c.Vendors {
		if v == r {
			for i, p := range r.Schedule {
				if !p.Date.Equal(c.Start) {
					break
				}
				if p.Amount == nil { // unpriced: text in the cell, not in the sum
					continue
				}
				if first == 0 {
					first = row + i
				}
				last = row + i
			}
			return first, last
		}
		row += len(v.Schedule)
		if !v.AfterHorizon.IsZero() {
			row++
		}
	}
	return 0, 0
}
