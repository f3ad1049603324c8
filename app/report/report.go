// Package report writes the full comparison as a document for procurement
// staff: a workbook (.xlsx) or one long CSV table, for `kefucost report`.
// Both carry every number the comparison has — totals, months, breakdown
// lines — and every assumption next to what it affects; an unpriced item is
// always written "未定价 unpriced", never 0.
package report

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"kefucost/app"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Options says how to write a report.
type Options struct {
	// Lang is "zh" (default) or "en": the language of vendor names, item
	// labels, formulas, status texts and column headers (the assumptions
	// sheet keeps a Chinese and an English column).
	Lang string
	// Generated is when the report was made (shown in it); zero leaves it out.
	Generated time.Time
}

func (o Options) en() bool { return o.Lang == "en" }

func (o Options) t(zh, en string) string {
	if o.en() {
		return en
	}
	return zh
}

// reportUnpriced stands where an unknown price or amount would be.
const reportUnpriced = "未定价 unpriced"

// reportZone is the buyer's time zone (dates in scenarios are UTC+8 days).
var reportZone = time.FixedZone("UTC+8", 8*3600)

func reportGenerated(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(reportZone).Format("2006-01-02 15:04:05") + " (UTC+8)"
}

// reportServesNone: the vendor has nothing to sell for this scenario, or
// its amounts were not computed (past 10^15 元): its 0 is not a price, so
// reports say "not applicable" or "not computed" (noAmount) as the table
// does.
func reportServesNone(r *pricing.Result) bool { return wording.NoAmount(r) }

// na is what stands where a vendor that serves none of the needs would
// have an amount.
func (o Options) na() string { return wording.Text(o.Lang, "amount.na") }

// noAmount is what stands for r's missing amounts: "未计算" / "not
// computed" past 10^15 元, else "不适用" / "not applicable".
func (o Options) noAmount(r *pricing.Result) string {
	if r.PastLimit != nil {
		return wording.Text(o.Lang, "amount.notcomputed")
	}
	return o.na()
}

func reportPerMonth(c *pricing.Comparison, r *pricing.Result) decimal.Decimal {
	return r.Total.DivRound(decimal.NewFromInt(int64(c.Months)), 2)
}

func reportVendorName(r *pricing.Result, o Options) string {
	return wording.VendorName(r, o.Lang)
}

func reportHorizon(c *pricing.Comparison, o Options) string {
	end := c.Start.AddMonths(c.Months).AddDays(-1)
	return o.t(fmt.Sprintf("%s 至 %s（%d 个月）", c.Start, end, c.Months),
		fmt.Sprintf("%s to %s (%s)", c.Start, end, wording.CountEN(c.Months, "month")))
}

// reportPrices says which editions were used and, per vendor, how old
// they are at the start: "the latest" alone would hide that a vendor's
// latest known prices are years old.
func reportPrices(c *pricing.Comparison, o Options) string {
	s := o.t("已知最新的价格版本", "the latest known price editions")
	if !c.PriceDate.IsZero() {
		s = o.t(c.PriceDate.String()+" 当日有效的价格版本", "the editions in force on "+c.PriceDate.String())
	}
	var parts []string
	for _, r := range c.Vendors {
		parts = append(parts, reportVendorName(r, o)+o.t("：", ": ")+wording.PriceAgeNote(o.Lang, r, c.Start))
	}
	if len(parts) == 0 {
		return s
	}
	return s + o.t("。", ". ") + strings.Join(parts, o.t("；", "; "))
}

func reportYesNo(b bool, o Options) string {
	if b {
		return o.t("是", "yes")
	}
	return o.t("否", "no")
}

// reportLowerBound says, in the CSV's text and text_en, that an amount
// is what the priced items sum to: unpriced lists what is not in it.
func reportLowerBound(unpriced []string) (zh, en string) {
	return "下限：未定价项目（" + strings.Join(unpriced, "、") + "）未计入",
		"lower bound: unpriced items (" + strings.Join(unpriced, ", ") + ") not included"
}

// reportStatus says in one phrase whether a vendor's total can be trusted
// (whether it is the cheapest is the rank's to say).
func reportStatus(r *pricing.Result, o Options) string {
	return wording.StatusWords(o.Lang, r)
}

// reportLineNote is one interpretation text of r's breakdown lines and the
// items of the lines that carry it; reportLineNotes lists them in line order.
type reportLineNote struct {
	text  string
	items []string
}

func reportLineNotes(r *pricing.Result) []reportLineNote {
	var out []reportLineNote
	at := map[string]int{}
	for _, l := range r.Lines {
		if !l.Assumption || l.Note == "" {
			continue
		}
		i, ok := at[l.Note]
		if !ok {
			i = len(out)
			at[l.Note] = i
			out = append(out, reportLineNote{text: l.Note})
		}
		if !slices.Contains(out[i].items, l.Item) {
			out[i].items = append(out[i].items, l.Item)
		}
	}
	return out
}

func reportOptionPath(vendor, option string) string {
	if option == "" {
		return ""
	}
	return "vendors." + vendor + ".options." + option
}

// reportCumulative is the running total of monthly cash.
func reportCumulative(monthly []decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(monthly))
	sum := decimal.Zero
	for i, m := range monthly {
		sum = sum.Add(m)
		out[i] = sum
	}
	return out
}

// reportVendorIDs lists the vendors a scenario has settings for: the
// known ones in display order, then any others sorted.
func reportVendorIDs(s *scenarios.Scenario) []string {
	var rest []string
	out := slices.Clone(scenarios.VendorIDs)
	for id := range s.Vendors {
		if !slices.Contains(scenarios.VendorIDs, id) {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func reportSortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// reportInput is one input of the scenario for the Demand sheet and CSV.
type reportInput struct {
	section string // scenario, demand, change, setting
	vendor  string
	date    string
	key     string
	labelZH string
	labelEN string
	num     *decimal.Decimal // a number, or
	text    string           // a word
}

func reportDec(d decimal.Decimal) *decimal.Decimal { return &d }

func reportInt(v int64) *decimal.Decimal { return reportDec(decimal.NewFromInt(v)) }

var reportInputLabels = map[string][2]string{
	"name":          {"方案名称", "scenario name"},
	"start":         {"开始日期", "start"},
	"months":        {"月数", "months"},
	"end":           {"结束日期（含）", "last day"},
	"price_date":    {"价格日期（空 = 最新）", "price date (empty: latest)"},
	"discount_rate": {"年贴现率（现值用）", "yearly discount rate (present value)"},
	"enabled":       {"参与比较", "enabled"},
	"plan":          {"方案（自动 = 选最便宜的）", "plan (auto: the cheapest)"},
	"discount":      {"商务折扣（乘以目录价）", "discount (multiplies list prices)"},
}

func reportLabel(key string) (string, string) {
	if l, ok := reportInputLabels[key]; ok {
		return l[0], l[1]
	}
	return wording.FieldLabel("zh", key), wording.FieldLabel("en", key)
}

// reportInputs lists every input of the scenario: its header, demand fields,
// dated changes and vendor settings.
func reportInputs(s *scenarios.Scenario) []reportInput {
	var out []reportInput
	add := func(r reportInput) {
		r.labelZH, r.labelEN = reportLabel(r.key)
		out = append(out, r)
	}
	add(reportInput{section: "scenario", key: "name", text: s.Name})
	add(reportInput{section: "scenario", key: "start", text: s.Start.String()})
	add(reportInput{section: "scenario", key: "months", num: reportInt(int64(s.Months))})
	add(reportInput{section: "scenario", key: "end", text: s.Start.AddMonths(s.Months).AddDays(-1).String()})
	add(reportInput{section: "scenario", key: "price_date", text: s.PriceDate.String()})
	add(reportInput{section: "scenario", key: "discount_rate", num: reportDec(s.DiscountRate)})
	d := s.Demand
	for _, name := range scenarios.CountFieldNames() {
		v, _ := d.Count(name)
		add(reportInput{section: "demand", key: name, num: reportInt(v)})
	}
	add(reportInput{section: "demand", key: "avg_call_minutes", num: reportDec(d.AvgCallMinutes)})
	add(reportInput{section: "demand", key: "call_length", text: d.CallLength})
	add(reportInput{section: "demand", key: "recorded_share", num: reportDec(d.RecordedShare)})
	add(reportInput{section: "demand", key: "growth_per_month", num: reportDec(d.GrowthPerMonth)})
	for _, ch := range s.Changes {
		for _, name := range scenarios.CountFieldNames() {
			if p, _ := ch.Count(name); p != nil {
				add(reportInput{section: "change", date: ch.Date.String(), key: name, num: reportInt(*p)})
			}
		}
		if ch.RecordedShare != nil {
			add(reportInput{section: "change", date: ch.Date.String(), key: "recorded_share", num: reportDec(*ch.RecordedShare)})
		}
	}
	for _, id := range reportVendorIDs(s) {
		v := s.Vendor(id)
		add(reportInput{section: "setting", vendor: id, key: "enabled", text: strconv.FormatBool(v.IsEnabled())})
		add(reportInput{section: "setting", vendor: id, key: "plan", text: v.PlanOrAuto()})
		if v.Discount != nil {
			add(reportInput{section: "setting", vendor: id, key: "discount", num: reportDec(*v.Discount)})
		}
		for _, k := range reportSortedKeys(v.Prices) {
			out = append(out, reportInput{section: "setting", vendor: id, key: "prices." + k, labelZH: "您的报价（元/单位）", labelEN: "your quote (CNY per unit)", num: reportDec(v.Prices[k])})
		}
		for _, k := range reportSortedKeys(v.Options) {
			out = append(out, reportInput{section: "setting", vendor: id, key: "options." + k, labelZH: "解释开关", labelEN: "interpretation switch", text: strconv.FormatBool(v.Options[k])})
		}
	}
	return out
}

// ------------------------------------------------------------------ xlsx

// Sheet names (Excel allows 31 characters; vendor sheets are named by the
// vendor's name in the report's language).
const (
	sheetConclusion  = "结论 Conclusion"
	sheetYearly      = "年度预算 Yearly"
	sheetSummary     = "汇总 Summary"
	sheetMonthly     = "逐月 Monthly"
	sheetSchedule    = "购买计划 Schedule"
	sheetAssumptions = "假设 Assumptions"
	sheetDemand      = "需求 Demand"
)

// Number formats. Money cells are numbers, so that a buyer can sum and
// chart them in Excel; a lower bound (a total missing unpriced items) is
// shown "至少 …" / "at least …" (reportLowerFmt) without turning it into
// text.
const (
	xlFmtMoney   = `#,##0.00`
	xlFmtPrice   = `#,##0.00##`
	xlFmtCount   = `#,##0`
	xlFmtDecimal = `#,##0.####`
)

type reportStyles struct {
	title, header, section, wrap, bold                 int
	money, moneyLower, moneyBold, moneyLowerBold, note int
	price, count, decimal, top                         int
	boldWrap, alert                                    int
}

// reportBook writes one workbook; the first error sticks and stops the rest.
type reportBook struct {
	f     *excelize.File
	o     Options
	st    reportStyles
	err   error
	lines map[string]map[int]int // sheet → row → lines of wrapped text
	// totals holds, per vendor id, the absolute reference of the cell
	// that sums its breakdown ('Sheet'!$F$12): other sheets refer to it,
	// so that a unit price changed in the workbook moves every total.
	totals map[string]string
	// months: per vendor id, the reference of its first monthly cash cell
	// on the Monthly sheet (column, first row) for yearly sums.
	monthCol map[string]int
	// lineCells holds, per vendor id, the absolute reference of each
	// breakdown line's amount cell ("" when unpriced): the monthly sheet
	// adds up the lines paid in one month by referring to them.
	lineCells map[string][]string
	// lineProduct holds, per vendor id, for each line whose amount is
	// quantity × unit price × rate in its sheet (the published view), the
	// references of its unit price and rate cells; nil otherwise. A line
	// paid over several months is split into months by quantity with them
	// (splitLine).
	lineProduct map[string][]*productCells
	// staleRef is the conclusion's check cell: empty while every total
	// cell holds the engine's total, a warning once an edit moved one.
	staleRef string
	// rankRef holds, per ranked vendor id, its rank cell on the
	// conclusion (a formula over the totals); winnerRef is a formula
	// naming the vendor ranked 1 ("" when none is ranked).
	rankRef   map[string]string
	winnerRef string
	// late are formulas over the conclusion's cells for sheets written
	// before it (ranking words, the single cheapest vendor), written once
	// it exists.
	late []func()
}

// productCells are a breakdown line's unit price and rate cells.
type productCells struct {
	price, rate string
	p, r        decimal.Decimal // their values
}

// reportLowerFmt is the number format of a lower bound in the report's
// language: the words every output uses ("至少 %s" / "at least %s")
// around the money format, `"至少 "#,##0.00`.
func reportLowerFmt(lang string) string {
	before, after, _ := strings.Cut(wording.Text(lang, "amount.atleast"), "%s")
	quote := func(s string) string {
		if s == "" {
			return ""
		}
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return quote(before) + xlFmtMoney + quote(after)
}

func (b *reportBook) unpriced() string { return b.o.t("未定价", "unpriced") }

func (b *reportBook) absCell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row, true)
	b.fail(err)
	return name
}

// reportSheetRef quotes a sheet name for a formula: 'name' (a quote inside
// doubled).
func reportSheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// formula writes a formula without a cached value: every spreadsheet
// program computes it on opening (the workbook asks for a full
// calculation on load), so no stale number can show.
func (b *reportBook) formula(sheet string, col, row int, f string, styleID int) {
	if b.err != nil {
		return
	}
	b.fail(b.f.SetCellFormula(sheet, b.cell(col, row), f))
	b.style(sheet, col, row, col, row, styleID)
}

func (b *reportBook) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *reportBook) cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	b.fail(err)
	return name
}

func (b *reportBook) str(sheet string, col, row int, s string) {
	if b.err != nil || s == "" {
		return
	}
	b.fail(b.f.SetCellStr(sheet, b.cell(col, row), s))
}

// wrapped writes text that wraps in a column of the given width and
// remembers how many lines it takes, so the row is made tall enough.
func (b *reportBook) wrapped(sheet string, col, row int, s string, width float64) {
	if s == "" {
		return
	}
	b.str(sheet, col, row, s)
	b.style(sheet, col, row, col, row, b.st.wrap)
	n := 0
	for _, part := range strings.Split(s, "\n") {
		n += max(1, int(math.Ceil(float64(wording.DisplayWidth(part))/(width-1))))
	}
	if b.lines[sheet] == nil {
		b.lines[sheet] = map[int]int{}
	}
	b.lines[sheet][row] = max(b.lines[sheet][row], n)
}

func (b *reportBook) style(sheet string, c0, r0, c1, r1, id int) {
	if b.err != nil {
		return
	}
	b.fail(b.f.SetCellStyle(sheet, b.cell(c0, r0), b.cell(c1, r1), id))
}

// number writes an exact decimal as a number cell. Money has 2 decimals
// and is written with precision 2: the cell's XML holds exactly the
// decimal's digits (a float64 carries 15 significant digits, so any amount
// below 10^13 元 comes back with the same 2 decimals), and Excel shows and
// sums those. Other decimals (quantities, unit prices, inputs) are written
// in the shortest form that reads back as the same float64: exact for
// every value with up to 15 significant digits, which prices and inputs
// are; a long fraction of a quantity is shown to 15 digits.
func (b *reportBook) number(sheet string, col, row int, d decimal.Decimal, precision, styleID int) {
	if b.err != nil {
		return
	}
	cell := b.cell(col, row)
	b.fail(b.f.SetCellFloat(sheet, cell, d.InexactFloat64(), precision, 64))
	b.style(sheet, col, row, col, row, styleID)
}

func (b *reportBook) money(sheet string, col, row int, d decimal.Decimal, lowerBound, bold bool) {
	id := b.st.money
	switch {
	case lowerBound && bold:
		id = b.st.moneyLowerBold
	case lowerBound:
		id = b.st.moneyLower
	case bold:
		id = b.st.moneyBold
	}
	b.number(sheet, col, row, d, 2, id)
}

// header writes a bold, shaded header row and sets the column widths.
func (b *reportBook) header(sheet string, row int, heads []string, widths []float64) {
	for i, h := range heads {
		b.str(sheet, i+1, row, h)
	}
	b.style(sheet, 1, row, len(heads), row, b.st.header)
	for i, w := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		b.fail(err)
		if b.err == nil {
			b.fail(b.f.SetColWidth(sheet, col, col, w))
		}
	}
	if b.err == nil {
		b.fail(b.f.SetRowHeight(sheet, row, 32))
	}
}

// freeze keeps the first rows (and columns) in view while scrolling.
func (b *reportBook) freeze(sheet string, rows, cols int) {
	if b.err != nil {
		return
	}
	pane := "bottomLeft"
	if cols > 0 {
		pane = "bottomRight"
	}
	if rows == 0 {
		pane = "topRight"
	}
	b.fail(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows,
		TopLeftCell: b.cell(cols+1, rows+1), ActivePane: pane}))
}

func (b *reportBook) newSheet(name string) {
	if b.err != nil {
		return
	}
	_, err := b.f.NewSheet(name)
	b.fail(err)
	// Printed landscape, as wide as the page, as many pages down as needed.
	landscape, one, any := "landscape", 1, 0
	b.fail(b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}))
	fit := true
	b.fail(b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}))
}

func (b *reportBook) finishRows() {
	for sheet, rows := range b.lines {
		for row, n := range rows {
			if n > 1 && b.err == nil {
				b.fail(b.f.SetRowHeight(sheet, row, math.Min(409, 15*float64(n)+2)))
			}
		}
	}
}

func newReportBook(o Options) (*reportBook, error) {
	b := &reportBook{f: excelize.NewFile(), o: o, lines: map[string]map[int]int{}, totals: map[string]string{}, monthCol: map[string]int{}, lineCells: map[string][]string{}, lineProduct: map[string][]*productCells{}, rankRef: map[string]string{}}
	custom := func(s excelize.Style, format string) int {
		if format != "" {
			s.CustomNumFmt = &format
		}
		id, err := b.f.NewStyle(&s)
		b.fail(err)
		return id
	}
	top := &excelize.Alignment{Vertical: "top"}
	bold := &excelize.Font{Bold: true}
	b.st = reportStyles{
		title: custom(excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}, ""),
		header: custom(excelize.Style{Font: bold, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}}}, ""),
		section: custom(excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: &excelize.Alignment{Vertical: "center"},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}}}, ""),
		wrap:           custom(excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}, ""),
		top:            custom(excelize.Style{Alignment: top}, ""),
		bold:           custom(excelize.Style{Font: bold, Alignment: top}, ""),
		money:          custom(excelize.Style{Alignment: top}, xlFmtMoney),
		moneyLower:     custom(excelize.Style{Alignment: top}, reportLowerFmt(o.Lang)),
		moneyBold:      custom(excelize.Style{Font: bold, Alignment: top}, xlFmtMoney),
		moneyLowerBold: custom(excelize.Style{Font: bold, Alignment: top}, reportLowerFmt(o.Lang)),
		note:           custom(excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}, ""),
		price:          custom(excelize.Style{Alignment: top}, xlFmtPrice),
		count:          custom(excelize.Style{Alignment: top}, xlFmtCount),
		decimal:        custom(excelize.Style{Alignment: top}, xlFmtDecimal),
		boldWrap:       custom(excelize.Style{Font: bold, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}, ""),
		alert:          custom(excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}, ""),
	}
	return b, b.err
}

// XLSX writes the comparison as a workbook: 汇总 Summary (one row
// per vendor and the scenario's facts), 逐月 Monthly (cash and cumulative
// cash per vendor and month), one sheet per vendor with its breakdown
// lines, 假设 Assumptions (every interpretation, assumption and hint with
// the vendor and lines it affects) and 需求 Demand (the scenario's inputs).
func XLSX(w io.Writer, s *scenarios.Scenario, c *pricing.Comparison, o Options) error {
	if err := wording.CheckLang(o.Lang); err != nil {
		return err
	}
	b, err := newReportBook(o)
	if err != nil {
		return err
	}
	defer b.f.Close()
	// Every sheet first, in reading order; then the vendor sheets, whose
	// total cells the other sheets' formulas refer to.
	b.fail(b.f.SetSheetName("Sheet1", sheetConclusion))
	vendorSheets := reportVendorSheets(c, o)
	for _, sh := range []string{sheetSummary, sheetYearly, sheetMonthly, sheetSchedule, sheetCombinations} {
		b.newSheet(sh)
	}
	for _, r := range c.Vendors {
		b.newSheet(vendorSheets[r.Vendor])
	}
	b.newSheet(sheetAssumptions)
	b.newSheet(sheetDemand)
	for _, r := range c.Vendors {
		b.vendorSheet(c, r, vendorSheets[r.Vendor])
	}
	b.monthlySheet(c)
	b.yearlySheet(c)
	b.summarySheet(c)
	b.conclusionSheet(s, c)
	for _, f := range b.late {
		f()
	}
	b.scheduleSheet(c)
	b.combinationsSheet(c)
	b.assumptionsSheet(c)
	b.demandSheet(s)
	b.finishRows()
	if b.err != nil {
		return b.err
	}
	props := &excelize.DocProperties{Title: s.Name, Subject: "客服云成本对比 / customer-service cloud cost comparison",
		Creator: "kefucost " + app.Version, Language: o.t("zh-CN", "en")}
	if !o.Generated.IsZero() {
		props.Created = o.Generated.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := b.f.SetDocProps(props); err != nil {
		return err
	}
	full := true
	if err := b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	// excelize adds the image content types from a map when a picture goes
	// in, in a random order: sorted, the same workbook is the same bytes on
	// every run and platform (test-windows compares them with Linux's).
	if ct := b.f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	return b.f.Write(w)
}

// reportVendorSheets names each vendor's sheet (vendor id → sheet name).
func reportVendorSheets(c *pricing.Comparison, o Options) map[string]string {
	out := map[string]string{}
	names := map[string]bool{sheetConclusion: true, sheetSummary: true, sheetMonthly: true, sheetYearly: true, sheetSchedule: true, sheetAssumptions: true, sheetDemand: true}
	for _, r := range c.Vendors {
		name := reportSheetName(reportVendorName(r, o), r.Vendor, names)
		names[name] = true
		out[r.Vendor] = name
	}
	return out
}

// reportSheetName makes a vendor's sheet name legal and unique: no []:*?/\,
// at most 31 characters.
func reportSheetName(name, id string, taken map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return ' '
		}
		return r
	}, name)
	clean = strings.Trim(strings.TrimSpace(clean), "'")
	if rs := []rune(clean); len(rs) > 31 {
		cut := 31
		if sp := strings.LastIndex(string(rs[:32]), " "); sp >= 10 { // at a word's end
			cut = len([]rune(string(rs[:32])[:sp]))
		}
		clean = strings.TrimSpace(string(rs[:cut]))
	}
	if clean == "" || taken[clean] {
		clean = id
		if rs := []rune(clean); len(rs) > 31 {
			clean = string(rs[:31])
		}
	}
	for i := 2; taken[clean]; i++ {
		suffix := fmt.Sprintf(" %d", i)
		rs := []rune(id)
		if len(rs)+len(suffix) > 31 {
			rs = rs[:31-len(suffix)]
		}
		clean = string(rs) + suffix
	}
	return clean
}

// Summary sheet columns.
const (
	rsVendor = iota + 1
	rsPlan
	rsPlanName
	rsChosen
	rsTotal
	rsPerMonth
	rsPresentValue
	rsComplete
	rsCovers
	rsUncovered
	rsUnpriced
	rsCheapest
	rsRunnerUp
	rsRunnerUpTotal
	rsRunnerUpNote
	rsStatus
	rsUncoveredIDs
	rsUnpricedIDs
	rsRunnerUpID
)

func (b *reportBook) summarySheet(c *pricing.Comparison) {
	o, sh := b.o, sheetSummary
	name := c.Scenario
	if name == "" {
		name = o.t("（未命名方案）", "(unnamed scenario)")
	}
	b.str(sh, 1, 1, name+o.t(" — 客服云成本对比，", " — customer-service cloud cost comparison, ")+reportHorizon(c, o)+o.t("，人民币元", ", CNY"))
	b.style(sh, 1, 1, 1, 1, b.st.title)
	b.fail(b.f.SetRowHeight(sh, 1, 24))
	b.header(sh, 2, []string{b.o.t("供应商", "Vendor"), b.o.t("方案编号", "Plan id"), b.o.t("方案名称", "Plan name"), b.o.t("选择", "Chosen"),
		b.o.t("总额（元）", "Total (CNY)"), b.o.t("月均（元）", "Per month (CNY)"), b.o.t("现值（元；按生成时的价格，改单价不重算）", "Present value (CNY; as computed, does not follow an edit)"),
		b.o.t("完整", "Complete"), b.o.t("覆盖全部需求", "Covers all"), b.o.t("未覆盖", "Uncovered"), b.o.t("未定价", "Unpriced"),
		b.o.t("排名", "Rank"), b.o.t("次优方案", "Runner-up plan"), b.o.t("次优总额（元）", "Runner-up total (CNY)"), b.o.t("次优说明", "Runner-up note"),
		b.o.t("状态", "Status"), b.o.t("未覆盖（字段编号）", "Uncovered (field ids)"), b.o.t("未定价（项目编号）", "Unpriced (item ids)"), b.o.t("次优方案编号", "Runner-up plan id")},
		[]float64{24, 26, 28, 12, 18, 16, 18, 10, 12, 36, 24, 12, 26, 18, 28, 60, 30, 30, 24})
	b.freeze(sh, 2, 1)
	row := 3
	for _, r := range c.Vendors {
		b.str(sh, rsVendor, row, reportVendorName(r, o))
		b.style(sh, rsVendor, row, rsVendor, row, b.st.bold)
		b.str(sh, rsPlan, row, r.Plan)
		b.str(sh, rsPlanName, row, r.PlanName)
		b.str(sh, rsChosen, row, o.t("指定", "pinned"))
		if r.Auto {
			b.str(sh, rsChosen, row, o.t("自动", "auto"))
		}
		if reportServesNone(r) {
			b.str(sh, rsTotal, row, o.noAmount(r))
			b.str(sh, rsPerMonth, row, o.noAmount(r))
		} else {
			b.totalRef(sh, rsTotal, row, r, true)
			st := b.st.money
			if !r.Complete {
				st = b.st.moneyLower
			}
			b.formula(sh, rsPerMonth, row, fmt.Sprintf("ROUND(%s/%d,2)", b.cell(rsTotal, row), c.Months), st)
			if r.PresentValue != nil {
				b.money(sh, rsPresentValue, row, *r.PresentValue, !r.Complete, false)
			}
		}
		b.str(sh, rsComplete, row, reportYesNo(r.Complete, o))
		b.str(sh, rsCovers, row, reportYesNo(r.Covers, o))
		// Words where a person reads, the ids in their own columns.
		b.wrapped(sh, rsUncovered, row, wording.FieldLabels(o.Lang, r.Uncovered), 36)
		b.wrapped(sh, rsUnpriced, row, strings.Join(reportItemLabels(r, r.Unpriced, o), o.t("、", ", ")), 24)
		b.wrapped(sh, rsUncoveredIDs, row, strings.Join(r.Uncovered, ", "), 30)
		b.wrapped(sh, rsUnpricedIDs, row, strings.Join(r.Unpriced, ", "), 30)
		// The ranking word (★ only for the cheapest way to cover everything).
		b.badge(sh, rsCheapest, row, c, r)
		if r.Vendor == wording.CheapestWhole(c) {
			b.style(sh, rsCheapest, row, rsCheapest, row, b.st.bold)
		}
		if len(r.Alternatives) > 0 {
			a := r.Alternatives[0]
			b.str(sh, rsRunnerUp, row, wording.PlanName(o.Lang, r.Vendor, a.Plan))
			b.str(sh, rsRunnerUpID, row, a.Plan)
			if reportServesNone(r) {
				b.str(sh, rsRunnerUpTotal, row, o.noAmount(r))
			} else {
				b.money(sh, rsRunnerUpTotal, row, a.Total, !a.Complete, false)
			}
			b.wrapped(sh, rsRunnerUpNote, row, reportAltNote(r.Vendor, pricing.PlanTotal{Complete: a.Complete, Reason: a.Reason}, o), 28) // its name is beside
		}
		b.wrapped(sh, rsStatus, row, reportStatus(r, o), 60)
		row++
	}
	row++
	kv := func(k, v string) {
		b.str(sh, 1, row, k)
		b.style(sh, 1, row, 1, row, b.st.bold)
		b.str(sh, 2, row, v)
		row++
	}
	kv(b.o.t("方案", "Scenario"), name)
	kv(b.o.t("期间", "Horizon"), reportHorizon(c, o))
	kv(b.o.t("价格", "Prices"), reportPrices(c, o))
	kv(b.o.t("货币", "Currency"), o.t("人民币元（CNY）", "CNY (Chinese yuan)"))
	kv(b.o.t("增值税", "VAT"), reportVATWords(c, o))
	cheapest := o.t("无：没有供应商既完整（全部有价格）又覆盖全部需求", "none: no vendor is both complete (every item priced) and covers every requirement")
	for _, r := range c.Vendors {
		if r.Vendor == c.Cheapest {
			cheapest = reportVendorName(r, o) + " — " + r.Plan
		}
	}
	kv(b.o.t("最便宜的全覆盖方式", "Cheapest way to cover everything"), wording.Answer(o.Lang, c))
	if ranked, _ := reportRanked(c); len(ranked) > 0 {
		// The vendor ranked 1 by the totals as they stand.
		singleRow := row
		b.str(sh, 1, row, b.o.t("单一厂商", "Single vendor"))
		b.style(sh, 1, row, 1, row, b.st.bold)
		row++
		b.late = append(b.late, func() {
			if b.winnerRef != "" {
				b.formula(sh, 2, singleRow, b.winnerRef, b.st.top)
			} else {
				b.str(sh, 2, singleRow, cheapest)
			}
		})
	} else {
		kv(b.o.t("单一厂商", "Single vendor"), cheapest)
	}
	if g := reportGenerated(o.Generated); g != "" {
		kv(b.o.t("生成时间", "Generated"), g)
	}
	kv(b.o.t("生成工具", "Generated by"), "kefucost "+app.Version)
	row++
	b.str(sh, 1, row, o.t("说明", "Notes"))
	b.style(sh, 1, row, 1, row, b.st.bold)
	notes := [][2]string{
		{"至少 …：不完整，有未定价项目未计入，实际总额更高。", "at least …: incomplete; unpriced items are not included and the real total is higher."},
		{"—：该供应商不提供本方案所需的任何服务。", "—: the vendor serves none of this scenario's requirements."},
		{"只有既完整又覆盖全部需求的供应商才能被评为最便宜。", "Only a vendor that is complete and covers every requirement can be the cheapest."},
	}
	for _, n := range c.Assumptions {
		notes = append(notes, [2]string{"※ " + n.Text, "[A] " + n.EN})
	}
	// In the report's language only (an English report read Chinese
	// here, a Chinese one English).
	for _, n := range notes {
		b.str(sh, 2, row, o.t(n[0], n[1]))
		row++
	}
}

// badge writes a vendor's ranking word. A ranked vendor's word is a
// formula: the word while every total is the engine's, its rank by the
// totals as they stand once an edit moved one (the words "cheapest way to
// cover everything" rest on the combinations, which only the engine
// computes).
func (b *reportBook) badge(sh string, col, row int, c *pricing.Comparison, r *pricing.Result) {
	word := wording.Badge(b.o.Lang, c, r)
	if !wording.RankOf(c, r).Ranked() {
		b.str(sh, col, row, word)
		return
	}
	b.late = append(b.late, func() {
		ref, ok := b.rankRef[r.Vendor]
		if !ok || b.staleRef == "" {
			b.str(sh, col, row, word)
			return
		}
		o := b.o
		b.fail(b.f.SetCellFormula(sh, b.cell(col, row), fmt.Sprintf(`IF(%s="",%s,%s&%s&%s)`, b.staleRef, reportExcelString(word),
			reportExcelString(o.t("第 ", "rank ")), ref, reportExcelString(o.t(" 名（按修改后的总额；组合请在 kefucost 中重新计算）", " (by the edited totals; recompute combinations in kefucost)")))))
	})
}

func reportAltNote(vendor string, a pricing.PlanTotal, o Options) string {
	var parts []string
	if a.PlanName != "" {
		parts = append(parts, a.PlanName)
	}
	if !a.Complete {
		parts = append(parts, o.t("不完整（总额为下限）", "incomplete (the total is a lower bound)"))
	}
	if a.Reason != "" {
		parts = append(parts, wording.PlanReason(o.Lang, vendor, a.Reason))
	}
	return strings.Join(parts, o.t("；", "; "))
}

func (b *reportBook) monthlySheet(c *pricing.Comparison) {
	o, sh := b.o, sheetMonthly
	n := len(c.Vendors)
	heads := []string{b.o.t("月份", "Month")}
	widths := []float64{12}
	for _, r := range c.Vendors {
		heads = append(heads, reportVendorName(r, o)+reportMonthlySuffix(r, o)+b.o.t("\n当月（元）", "\nmonth (CNY)"))
		widths = append(widths, 22)
	}
	for _, r := range c.Vendors {
		heads = append(heads, reportVendorName(r, o)+b.o.t("\n累计（元）", "\ncumulative (CNY)"))
		widths = append(widths, 22)
	}
	b.header(sh, 1, heads, widths)
	if b.err == nil {
		b.fail(b.f.SetRowHeight(sh, 1, 48))
	}
	b.freeze(sh, 1, 1)
	labels := wording.MonthLabels(c)
	for i, l := range labels {
		b.str(sh, 1, i+2, l)
	}
	for j, r := range c.Vendors {
		if reportServesNone(r) { // its 0s are no price: "not applicable" as in the summary
			for i := range r.Monthly {
				b.str(sh, 2+j, i+2, o.noAmount(r))
				b.str(sh, 2+n+j, i+2, o.noAmount(r))
			}
			b.str(sh, 2+j, len(labels)+2, o.noAmount(r))
			b.str(sh, 2+n+j, len(labels)+2, o.noAmount(r))
			b.str(sh, 2+j, len(labels)+3, o.noAmount(r))
			continue
		}
		b.monthCol[r.Vendor] = 2 + j
		whole := reportWholeLines(r)
		split := b.splitLines(r)
		for i := range r.Monthly {
			b.monthCash(sh, 2+j, i+2, r, r.Monthly[i], whole[i], split[i])
			b.formula(sh, 2+n+j, i+2, fmt.Sprintf("SUM(%s:%s)", b.absCell(2+j, 2), b.cell(2+j, i+2)), b.st.money)
		}
		// Use within the horizon settled after it (on-demand months, the
		// last day's calls): in the total, in no month.
		last := len(labels) + 2
		b.money(sh, 2+j, last, r.AfterHorizon, false, false)
		b.formula(sh, 2+n+j, last, fmt.Sprintf("SUM(%s:%s)", b.absCell(2+j, 2), b.cell(2+j, last)), b.st.money)
		st := b.st.moneyBold
		if !r.Complete {
			st = b.st.moneyLowerBold
		}
		b.formula(sh, 2+j, last+1, fmt.Sprintf("SUM(%s:%s)", b.cell(2+j, 2), b.cell(2+j, last)), st)
	}
	b.str(sh, 1, len(labels)+2, b.o.t("期后支付", "Paid after the horizon"))
	b.str(sh, 1, len(labels)+3, b.o.t("合计", "Total"))
	b.style(sh, 1, len(labels)+3, 1, len(labels)+3, b.st.bold)
	b.long(sh, 1, 1+2*n, len(labels)+5, o.t(
		"每月现金：一次付清的明细行（在一个月里全额支付，如年付、资源包、期限坐席）引用各供应商表中该行的金额单元格，改单价、数量或折扣，这里、年度预算和累计都会随之变化；"+
			"分月支付、每月账单恰为“当月数量 × 单价 × 折扣系数”的行（如按月的坐席）按月写成 ROUND(当月数量×单价×折扣系数,2)，引用明细表的单价与折扣系数，改单价也会随之变化；"+
			"其余分月或分次支付的行（按日结算、阶梯、按比例折算、多次购买）以计费引擎逐笔计算的金额（每笔四舍五入到分）作为数值加在公式里，改单价不会改变这些数值。",
		"Monthly cash: a breakdown line paid whole in one month (a yearly fee, a pack, a seat term) refers to that line's amount cell on the vendor's sheet, so a unit price, quantity or rate changed there moves this month, the yearly budget and the cumulative cash; "+
			"a line paid month by month whose every bill is that month's quantity × unit price × rate (a monthly seat) is written per month as ROUND(quantity×price×rate,2) over the breakdown's price and rate cells, so it follows a changed price too; "+
			"other lines paid over several months or purchases (billed daily, by tier, prorated, repeated purchases) are added as the pricing engine's amounts (each bill rounded to the fen), as numbers: a changed unit price does not move them."), 12+44*float64(n))
	b.style(sh, 1, len(labels)+5, 1, len(labels)+5, b.st.note)
}

// reportWholeLines lists, per horizon month, the breakdown lines of r
// paid whole in that month: all of the line's cash falls in it (none in
// another month or after the horizon).
func reportWholeLines(r *pricing.Result) [][]int {
	out := make([][]int, len(r.Monthly))
	for li, l := range r.Lines {
		if !l.Priced() || l.Amount.IsZero() {
			continue
		}
		month := -1
		for m, v := range l.MonthlyCash() {
			if v.IsZero() {
				continue
			}
			if month >= 0 || !v.Equal(*l.Amount) {
				month = -2
				break
			}
			month = m
		}
		if month >= 0 && month < len(out) {
			out[month] = append(out[month], li)
		}
	}
	return out
}

// monthCash writes a vendor's cash in one month: the amount cells of the
// lines paid whole in it, plus the rest of the month's cash (parts of
// lines paid over several months) as a number; the engine's amount alone
// when no line is paid whole in it.
func (b *reportBook) monthCash(sh string, col, row int, r *pricing.Result, cash decimal.Decimal, whole []int, split []monthPart) {
	if len(whole) == 0 && len(split) == 0 {
		b.money(sh, col, row, cash, false, false)
		return
	}
	refs := make([]string, 0, len(whole)+len(split)+1)
	rest := cash
	for _, li := range whole {
		refs = append(refs, b.lineCells[r.Vendor][li])
		rest = rest.Sub(*r.Lines[li].Amount)
	}
	for _, p := range split {
		refs = append(refs, p.formula)
		rest = rest.Sub(p.cash)
	}
	f := strings.Join(refs, "+")
	switch {
	case rest.IsPositive():
		f += "+" + rest.StringFixed(2)
	case rest.IsNegative():
		f += "-" + rest.Neg().StringFixed(2)
	}
	b.formula(sh, col, row, f, b.st.money)
}

// monthPart is one line's bill in one month as a formula over its cells.
type monthPart struct {
	formula string
	cash    decimal.Decimal
}

// splitLines writes, per horizon month, the bills of r's lines paid over
// several months as formulas over the line's unit price and rate cells:
// ROUND(n × price × rate, 2) where n is the month's share of the line's
// quantity (a monthly seat: that month's seats). A line is split only
// when every month's bill is exactly that, to the fen, and the months'
// quantities add up to the line's; otherwise its bills stay the engine's
// numbers. So a unit price changed on the vendor's sheet moves these
// months too.
func (b *reportBook) splitLines(r *pricing.Result) [][]monthPart {
	out := make([][]monthPart, len(r.Monthly))
	cells := b.lineProduct[r.Vendor]
	for li, l := range r.Lines {
		if li >= len(cells) || cells[li] == nil || !l.Priced() {
			continue
		}
		pc := cells[li]
		pr := pc.p.Mul(pc.r)
		if !pr.IsPositive() {
			continue
		}
		var parts []monthPart
		months, sum, paid, ok := []int{}, decimal.Zero, 0, true
		for m, v := range l.MonthlyCash() {
			if v.IsZero() {
				continue
			}
			paid++
			n := v.DivRound(pr, 4)
			if !n.IsPositive() || !n.Mul(pr).Round(2).Equal(v) {
				ok = false
				break
			}
			sum = sum.Add(n)
			months = append(months, m)
			parts = append(parts, monthPart{formula: fmt.Sprintf("ROUND(%s*%s*%s,2)", n.String(), pc.price, pc.rate), cash: v})
		}
		// Paid whole in one month: reportWholeLines refers to its amount.
		if !ok || paid < 2 || !sum.Equal(l.Quantity) {
			continue
		}
		for k, m := range months {
			if m < len(out) {
				out[m] = append(out[m], parts[k])
			}
		}
	}
	return out
}

// scheduleSheet is the buyer's action plan: every vendor's purchases in
// date order (pricing-rules §7.5), and what is paid after the horizon.
func (b *reportBook) scheduleSheet(c *pricing.Comparison) {
	o, sh := b.o, sheetSchedule
	b.header(sh, 1, []string{o.t("厂商", "Vendor"), o.t("购买日期", "Date"), o.t("购买", "Buy"), o.t("数量", "Quantity"), o.t("单位", "Unit"),
		o.t("金额（元）", "Amount (CNY)"), o.t("有效至", "Covers until"), o.t("原因", "Why"), o.t("项目编号", "Item id")},
		[]float64{22, 12, 36, 10, 12, 14, 12, 48, 22})
	b.freeze(sh, 1, 0)
	row := 2
	live, fixed := 0, 0
	for _, r := range c.Vendors {
		refs := b.scheduleLineRefs(r)
		for pi, p := range r.Schedule {
			b.str(sh, 1, row, reportVendorName(r, o))
			b.str(sh, 2, row, p.Date.String())
			b.str(sh, 3, row, o.t(p.Label, p.LabelEN))
			b.number(sh, 4, row, p.Quantity, -1, b.st.count)
			b.str(sh, 5, row, wording.UnitText(o.Lang, p.Unit))
			switch {
			case p.Amount != nil && refs[pi] != "":
				// The breakdown line it pays, in one bill: its amount cell.
				b.formula(sh, 6, row, refs[pi], b.st.money)
				live++
			case p.Amount != nil:
				b.money(sh, 6, row, *p.Amount, false, false)
				fixed++
			default:
				b.str(sh, 6, row, o.t("未定价", "unpriced"))
			}
			b.str(sh, 7, row, p.Until.String())
			b.str(sh, 8, row, o.t(p.WhyZH, p.Why))
			b.str(sh, 9, row, p.Item)
			row++
		}
		if !r.AfterHorizon.IsZero() {
			b.str(sh, 1, row, reportVendorName(r, o))
			b.str(sh, 3, row, o.t("期末之后支付（期内用量，已计入总额）", "Paid after the horizon for use within it (in the total)"))
			b.money(sh, 6, row, r.AfterHorizon, false, false)
			row++
		}
	}
	if row == 2 {
		b.str(sh, 1, row, o.t("本方案无需预先购买的项目（全部按用量结算）。", "Nothing to buy ahead for this scenario (all billed by use)."))
		return
	}
	if fixed > 0 {
		row++
		b.long(sh, 1, 8, row, o.t(fmt.Sprintf("金额：一次付清一个明细行的购买（%d 笔）引用供应商表中该行的金额单元格，修改单价后随之变化；其余 %d 笔（分批或按计费规则拆分的购买）是计费引擎计算的数值，%s。", live, fixed, reportAsComputed(o)),
			fmt.Sprintf("Amounts: a purchase that pays one breakdown line in one bill (%d) refers to that line's amount cell on the vendor's sheet and follows an edited price; the other %d (split or rule-computed purchases) are the pricing engine's amounts, %s.", live, fixed, reportAsComputed(o))), 160)
		b.style(sh, 1, row, 1, row, b.st.note)
	}
}

// scheduleLineRefs gives, for each purchase of r's schedule, the amount
// cell of the breakdown line it pays whole ("" when none; see
// reportScheduleLines).
func (b *reportBook) scheduleLineRefs(r *pricing.Result) []string {
	out := make([]string, len(r.Schedule))
	cells := b.lineCells[r.Vendor]
	for pi, li := range reportScheduleLines(r) {
		if li >= 0 && li < len(cells) {
			out[pi] = cells[li]
		}
	}
	return out
}

// reportScheduleLines gives, for each purchase of r's schedule, the
// breakdown line it pays whole, or -1: a purchase is that line's when it
// is the only purchase of the line's item, the line the only one of that
// item, priced, paid whole in one month, and their amounts are equal.
func reportScheduleLines(r *pricing.Result) []int {
	out := make([]int, len(r.Schedule))
	whole := map[int]bool{}
	for _, lines := range reportWholeLines(r) {
		for _, li := range lines {
			whole[li] = true
		}
	}
	purchases, lines, at := map[string]int{}, map[string]int{}, map[string]int{}
	for _, p := range r.Schedule {
		purchases[p.Item]++
	}
	for li, l := range r.Lines {
		lines[l.Item]++
		at[l.Item] = li
	}
	for pi, p := range r.Schedule {
		out[pi] = -1
		li, ok := at[p.Item]
		if !ok || p.Amount == nil || purchases[p.Item] != 1 || lines[p.Item] != 1 || !whole[li] {
			continue
		}
		if l := r.Lines[li]; l.Priced() && l.Amount.Equal(*p.Amount) {
			out[pi] = li
		}
	}
	return out
}

// reportMonthlySuffix marks a vendor's monthly columns that are not a full price.
func reportMonthlySuffix(r *pricing.Result, o Options) string {
	switch {
	case r.PastLimit != nil:
		return o.t("（未计算：金额超过上限）", " (not computed: past the limit)")
	case reportServesNone(r):
		return o.t("（不提供所需服务）", " (serves none)")
	case !r.Complete:
		return o.t("（不完整，未定价项目未计入）", " (incomplete: unpriced items not included)")
	}
	return ""
}

// Vendor sheet columns: the amount is quantity × unit price × rate, a
// formula over the cells beside it, wherever the engine's amount is that
// product (pricing.Line.Product); the total row sums the amounts.
const (
	rvLabel = iota + 1
	rvQuantity
	rvUnit
	rvUnitPrice
	rvRate
	rvAmount
	rvEffective
	rvPriceKind
	rvFormula
	rvSource
	rvSourceDate
	rvAssumption
	rvNote
	rvItem
)

func (b *reportBook) vendorSheet(c *pricing.Comparison, r *pricing.Result, sh string) {
	o := b.o
	how := o.t("自动选择", "chosen by auto")
	if !r.Auto {
		how = o.t("指定", "pinned")
	}
	title := o.t(fmt.Sprintf("%s — 方案 %s，%s；%s", r.Name, r.PlanName, how, reportEditionWords(r, c, o)),
		fmt.Sprintf("%s — plan %s, %s; %s", r.NameEN, wording.PlanName("en", r.Vendor, r.Plan), how, reportEditionWords(r, c, o)))
	b.str(sh, 1, 1, title)
	b.style(sh, 1, 1, 1, 1, b.st.title)
	b.fail(b.f.SetRowHeight(sh, 1, 24))
	widths := []float64{30, 16, 12, 15, 10, 16, 15, 12, 60, 40, 14, 8, 50, 22}
	// Two-line headers broken where a reader would (the column wrapped
	// "单价（含税，元" / "）"); the unit in its own line.
	priceHead, amountHead, effHead := o.t("单价（元）", "Unit price (CNY)"), o.t("金额（元）", "Amount (CNY)"), o.t("实际单价\n（元）", "Effective\nunit price")
	if c.ExcludesVAT { // published prices, amounts net of VAT
		priceHead, amountHead, effHead = o.t("单价\n（含税，元）", "Unit price\nincl. VAT (CNY)"), o.t("金额\n（不含税，元）", "Amount net\nof VAT (CNY)"), o.t("实际单价\n（不含税，元）", "Effective unit\nprice net of VAT")
	}
	// Every cell of the table at the top of its row, as the wrapped
	// texts are (a unit sat at the bottom of a tall row, beside the next
	// line's item).
	b.fail(b.f.SetColStyle(sh, "A:N", b.st.top))
	b.header(sh, 2, []string{o.t("项目", "Item"), o.t("数量", "Quantity"), o.t("单位", "Unit"), priceHead,
		o.t("折扣系数", "Rate"), amountHead, effHead, o.t("价格", "Price"),
		o.t("计算方式", "How computed"), o.t("来源", "Source"), o.t("价格日期", "Price date"),
		o.t("假设", "[A]"), o.t("假设或解释", "Assumption or interpretation"), o.t("项目编号", "Item id")}, widths)
	b.freeze(sh, 2, 0)
	row := 3
	if len(r.Lines) == 0 {
		msg := o.t("本方案无需购买任何项目", "nothing to buy for this scenario")
		if reportServesNone(r) {
			msg = reportStatus(r, o)
		}
		b.str(sh, rvLabel, row, msg)
		row++
	}
	first := row
	cells := make([]string, len(r.Lines))
	b.lineCells[r.Vendor] = cells
	products := make([]*productCells, len(r.Lines))
	b.lineProduct[r.Vendor] = products
	whole := map[int]bool{}
	for _, lines := range reportWholeLines(r) {
		for _, li := range lines {
			whole[li] = true
		}
	}
	for i, l := range r.Lines {
		netHow := "" // how a net amount follows from the published one
		if l.Priced() {
			cells[i] = reportSheetRef(sh) + "!" + b.absCell(rvAmount, row)
		}
		b.str(sh, rvItem, row, l.Item)
		b.wrapped(sh, rvLabel, row, o.t(l.Label, l.LabelEN), widths[rvLabel-1])
		qf := b.st.decimal
		if l.Quantity.IsInteger() {
			qf = b.st.count
		}
		b.number(sh, rvQuantity, row, l.Quantity, -1, qf)
		b.str(sh, rvUnit, row, wording.UnitText(o.Lang, l.Unit))
		switch {
		case !l.Priced():
			b.str(sh, rvUnitPrice, row, b.unpriced())
			b.str(sh, rvAmount, row, b.unpriced())
			b.style(sh, rvUnitPrice, row, rvAmount, row, b.st.bold)
		case c.ExcludesVAT && l.Gross != nil:
			// Net of VAT: the published (VAT-included) price, and the net
			// amount as the engine makes it, each bill ÷ 1.06 rounded to
			// the fen: a formula for a product paid in one bill.
			g := l.Gross
			price, rate := *g.UnitPrice, decimal.NewFromInt(1)
			if g.ListPrice != nil {
				price = *g.ListPrice
				for _, x := range g.Rates {
					rate = rate.Mul(x.Value)
				}
			}
			if g.Product && whole[i] {
				b.number(sh, rvUnitPrice, row, price, -1, b.st.price)
				b.number(sh, rvRate, row, rate, -1, b.st.decimal)
				b.formula(sh, rvAmount, row, fmt.Sprintf("ROUND(ROUND(%s*%s*%s,2)/1.06,2)", b.cell(rvQuantity, row), b.cell(rvUnitPrice, row), b.cell(rvRate, row)), b.st.money)
				netHow = o.t("；÷ 1.06 = "+wording.Money(*l.Amount)+"（不含税）", "; ÷ 1.06 = "+wording.Money(*l.Amount)+" net of VAT")
			} else {
				b.number(sh, rvUnitPrice, row, *g.UnitPrice, -1, b.st.price)
				b.money(sh, rvAmount, row, *l.Amount, false, false)
				netHow = o.t("；每笔账单 ÷ 1.06 四舍五入到分，合计 "+wording.Money(*l.Amount)+"（不含税，数值：不是单元格的乘积）",
					"; each bill ÷ 1.06 rounded to the fen, "+wording.Money(*l.Amount)+" net of VAT in all (a number: not a product of the cells)")
			}
		case l.Product:
			price, rate := *l.UnitPrice, decimal.NewFromInt(1)
			if l.ListPrice != nil {
				price = *l.ListPrice
				for _, x := range l.Rates {
					rate = rate.Mul(x.Value)
				}
			}
			b.number(sh, rvUnitPrice, row, price, -1, b.st.price)
			b.number(sh, rvRate, row, rate, -1, b.st.decimal)
			b.formula(sh, rvAmount, row, fmt.Sprintf("ROUND(%s*%s*%s,2)", b.cell(rvQuantity, row), b.cell(rvUnitPrice, row), b.cell(rvRate, row)), b.st.money)
			products[i] = &productCells{price: reportSheetRef(sh) + "!" + b.absCell(rvUnitPrice, row), rate: reportSheetRef(sh) + "!" + b.absCell(rvRate, row), p: price, r: rate}
		default:
			// Not a product of the figures beside it (billed per day, per
			// bill, by tier, prorated): the engine's amount, said so.
			b.number(sh, rvUnitPrice, row, *l.UnitPrice, -1, b.st.price)
			b.money(sh, rvAmount, row, *l.Amount, false, false)
		}
		if l.Priced() && !l.Quantity.IsZero() {
			b.formula(sh, rvEffective, row, fmt.Sprintf("ROUND(%s/%s,4)", b.cell(rvAmount, row), b.cell(rvQuantity, row)), b.st.price)
		}
		switch {
		case !l.Priced():
			b.str(sh, rvPriceKind, row, o.t("无已知价格", "no known price"))
		case l.Overridden:
			b.str(sh, rvPriceKind, row, o.t("您的报价", "your quote"))
		default:
			b.str(sh, rvPriceKind, row, o.t("目录价", "list price"))
		}
		formula := wording.LineFormula(o.Lang, l)
		if rates := wording.LineRates(o.Lang, l); rates != "" && l.Product {
			formula += o.t("（折扣系数 = "+rates+"）", " (rate = "+rates+")")
		}
		if netHow != "" { // the published arithmetic, then the net
			formula = wording.LineFormula(o.Lang, l.Gross) + netHow
		}
		b.wrapped(sh, rvFormula, row, formula, widths[rvFormula-1])
		src, date := reportLineSource(r, l, o)
		b.wrapped(sh, rvSource, row, src, widths[rvSource-1])
		b.str(sh, rvSourceDate, row, date)
		if l.Assumption {
			b.str(sh, rvAssumption, row, o.t("※", "[A]"))
		}
		// A line's note is bilingual: the report's language only.
		b.wrapped(sh, rvNote, row, wording.NoteIn(o.Lang, l.Note), widths[rvNote-1])
		row++
	}
	b.str(sh, rvLabel, row, o.t("合计", "Total"))
	b.style(sh, rvLabel, row, rvLabel, row, b.st.bold)
	if reportServesNone(r) {
		b.str(sh, rvAmount, row, o.noAmount(r))
	} else {
		st := b.st.moneyBold
		if !r.Complete {
			st = b.st.moneyLowerBold
		}
		if row > first {
			b.formula(sh, rvAmount, row, fmt.Sprintf("SUM(%s:%s)", b.cell(rvAmount, first), b.cell(rvAmount, row-1)), st)
		} else {
			b.money(sh, rvAmount, row, r.Total, !r.Complete, true)
		}
		b.totals[r.Vendor] = reportSheetRef(sh) + "!" + b.absCell(rvAmount, row)
	}
	row++
	if r.PresentValue != nil {
		b.str(sh, rvLabel, row, o.t("现值", "Present value"))
		b.money(sh, rvAmount, row, *r.PresentValue, !r.Complete, false)
		b.str(sh, rvFormula, row, o.t("按年贴现率折算的逐月现金之和；", "the monthly cash discounted at the yearly rate; ")+reportAsComputed(o))
		row++
	}
	row++
	kv := func(k, v string) {
		if v == "" {
			return
		}
		b.str(sh, rvLabel, row, k)
		b.style(sh, rvLabel, row, rvLabel, row, b.st.bold)
		b.str(sh, rvQuantity, row, v)
		row++
	}
	b.str(sh, rvLabel, row, o.t("排名", "Rank"))
	b.style(sh, rvLabel, row, rvLabel, row, b.st.bold)
	b.badge(sh, rvQuantity, row, c, r)
	row++
	kv(o.t("状态", "Status"), reportStatus(r, o))
	if !r.Complete {
		kv(o.t("未定价", "Unpriced"), o.t(fmt.Sprintf("%s 没有已知价格，未计入总额，总额为下限；请向厂商询价，并在方案中输入报价",
			strings.Join(reportItemLabels(r, r.Unpriced, o), "、")),
			fmt.Sprintf("no known price for %s, not in the total, which is a lower bound; ask the vendor and enter the quote in the scenario",
				strings.Join(reportItemLabels(r, r.Unpriced, o), ", "))))
	}
	if !r.Covers {
		kv(o.t("未覆盖", "Uncovered"), wording.FieldLabels(o.Lang, r.Uncovered)+o.t("：不能作为整个方案的候选", ": not a candidate for the whole scenario"))
	}
	kv(o.t("方案编号", "Plan id"), r.Plan)
	for i, a := range r.Alternatives {
		label := o.t("其他方案", "Other plan")
		if i == 0 {
			label = o.t("次优", "Runner-up")
		}
		b.str(sh, rvLabel, row, label)
		b.style(sh, rvLabel, row, rvLabel, row, b.st.bold)
		b.str(sh, rvQuantity, row, a.PlanName)
		if reportServesNone(r) {
			b.str(sh, rvAmount, row, o.noAmount(r))
		} else {
			b.money(sh, rvAmount, row, a.Total, !a.Complete, false)
		}
		b.str(sh, rvFormula, row, reportAltNote(r.Vendor, a, o))
		b.str(sh, rvItem, row, a.Plan)
		row++
	}
	for _, n := range r.Notes {
		kv(o.t("※", "[A]"), o.t(n.Text, n.EN))
	}
	for i, h := range r.Hints {
		if !o.en() && i < len(r.HintsZH) {
			h = r.HintsZH[i]
		}
		kv(o.t("提示", "Hint"), h)
	}
}

// reportItemLabels names catalog items by their label in the report's
// language only (for sentences; the ids are in the sheets' id columns).
func reportItemLabels(r *pricing.Result, ids []string, o Options) []string {
	var out []string
	for _, id := range ids {
		name := wording.ItemName(o.Lang, r.Vendor, id)
		for _, l := range r.Lines {
			if l.Item == id {
				name = o.t(l.Label, l.LabelEN)
				break
			}
		}
		out = append(out, name)
	}
	return out
}

// reportLineSource names where a line's price comes from: the vendor's
// public page by title and address, or the buyer's quote.
func reportLineSource(r *pricing.Result, l *pricing.Line, o Options) (string, string) {
	src := wording.SourceName(o.Lang, r, l)
	if l.Buyer || l.Overridden {
		return src, ""
	}
	for _, e := range slices.Concat(r.EditionRefs, r.OtherSources) {
		if e.Source == l.Source {
			return src, reportEditionDate(e, o)
		}
	}
	return src, wording.SourceDate(o.Lang, l.SourceDate)
}

func reportEditionSource(e pricing.EditionRef, o Options) string {
	return o.t(e.Title, e.TitleEN) + " " + e.URL
}

func (b *reportBook) assumptionsSheet(c *pricing.Comparison) {
	o, sh := b.o, sheetAssumptions
	widths := []float64{22, 30, 14, 26, 60, 60, 40}
	b.header(sh, 1, []string{"供应商 / Vendor", "影响 / Affects", "类型 / Kind", "编号 / ID", "中文", "English", "开关 / Switch (scenario)"}, widths)
	b.freeze(sh, 1, 0)
	row := 2
	put := func(vendor, affects, kind, id, zh, en, option string) {
		b.str(sh, 1, row, vendor)
		b.wrapped(sh, 2, row, affects, widths[1])
		b.str(sh, 3, row, kind)
		b.str(sh, 4, row, id)
		b.wrapped(sh, 5, row, zh, widths[4])
		b.wrapped(sh, 6, row, en, widths[5])
		b.str(sh, 7, row, option)
		row++
	}
	for _, n := range c.Assumptions {
		put(o.t("全部供应商", "every vendor"), o.t("所有金额", "every amount"), o.t("假设", "assumption"), n.ID, n.Text, n.EN, n.Option)
	}
	for _, a := range reportCaveatList(c, o) {
		put(a.vendor, a.words, a.kind, a.ids, a.zh, a.en, a.option)
	}
}

// reportCaveat is one thing a reader must know about a vendor's result.
// affects and id are ids (the CSV's columns, for a program); words says
// what it affects in the report's language and ids lists every id (the
// workbook's columns, for a person and for the one who needs the ids).
type reportCaveat struct {
	vendorID, vendor, affects, kind, id, zh, en, option string
	words, ids                                          string
}

// reportCaveatList lists, per vendor: its notes (interpretations and
// assumptions about the whole result), each line interpretation with the
// lines it affects, your quotes, unpriced items, uncovered requirements
// and hints.
func reportCaveatList(c *pricing.Comparison, o Options) []reportCaveat {
	var out []reportCaveat
	for _, r := range c.Vendors {
		v := reportVendorName(r, o)
		plan := o.t("方案 ", "plan ") + r.Plan
		planWords := o.t("方案 ", "plan ") + r.PlanName
		if r.PlanName == "" {
			planWords = plan
		}
		add := func(x reportCaveat, words, ids string) {
			x.vendorID, x.vendor, x.words, x.ids = r.Vendor, v, words, ids
			out = append(out, x)
		}
		for _, n := range r.Notes {
			add(reportCaveat{affects: plan, kind: o.t("假设", "assumption"), id: n.ID, zh: n.Text, en: n.EN, option: reportOptionPath(r.Vendor, n.Option)}, planWords, n.ID)
		}
		for _, ln := range reportLineNotes(r) {
			// A line's note holds both languages: each in its column (the
			// 中文 column read both, English none).
			zh, en := wording.SplitNote(ln.text)
			if zh == "" && en == "" {
				zh = ln.text
			}
			add(reportCaveat{affects: strings.Join(ln.items, ", "), kind: o.t("解释", "interpretation"), id: ln.items[0], zh: zh, en: en},
				strings.Join(reportItemLabels(r, ln.items, o), o.t("、", ", ")), strings.Join(ln.items, ", "))
		}
		for _, l := range r.Lines {
			if l.Overridden {
				add(reportCaveat{affects: l.Item, kind: o.t("您的报价", "your quote"), id: l.Item,
					zh:     "单价 " + wording.Price(*l.UnitPrice) + " 为您在方案中输入的报价（不再打折）",
					en:     "unit price " + wording.Price(*l.UnitPrice) + " is your quote from the scenario (not discounted again)",
					option: "vendors." + r.Vendor + ".prices." + l.Item}, o.t(l.Label, l.LabelEN), l.Item)
			}
		}
		for i, id := range r.Unpriced {
			add(reportCaveat{affects: id, kind: o.t("未定价", "unpriced"), id: id,
				zh:     "没有已知价格：未计入总额，总额为下限；请输入报价",
				en:     "no known price: not in the total, which is a lower bound; enter your quote",
				option: "vendors." + r.Vendor + ".prices." + id}, reportItemLabels(r, r.Unpriced, o)[i], id)
		}
		for _, f := range r.Uncovered {
			zh, en := reportLabel(f)
			add(reportCaveat{affects: f, kind: o.t("未覆盖", "uncovered"), id: f,
				zh: "不提供：" + zh + "（该供应商不能作为整个方案的候选）", en: "does not serve " + en + " (not a candidate for the whole scenario)"}, o.t(zh, en), f)
		}
		for i, h := range r.Hints {
			zh := ""
			if i < len(r.HintsZH) {
				zh = r.HintsZH[i]
			}
			add(reportCaveat{affects: plan, kind: o.t("提示", "hint"), zh: zh, en: h}, planWords, "")
		}
	}
	return out
}

func (b *reportBook) demandSheet(s *scenarios.Scenario) {
	sh := sheetDemand
	b.header(sh, 1, []string{b.o.t("部分", "Section"), b.o.t("供应商", "Vendor"), b.o.t("自", "From date"), b.o.t("字段", "Field"), b.o.t("说明", "Meaning"), b.o.t("值", "Value")},
		[]float64{22, 16, 12, 30, 34, 34})
	b.freeze(sh, 1, 0)
	row := 2
	sections := map[string]string{"scenario": b.o.t("方案", "scenario"), "demand": b.o.t("需求", "demand"), "change": b.o.t("变化", "change"), "setting": b.o.t("供应商设置", "vendor setting")}
	for _, d := range reportInputs(s) {
		b.str(sh, 1, row, sections[d.section])
		if d.vendor != "" {
			b.str(sh, 2, row, wording.ShortVendorName(b.o.Lang, d.vendor))
		}
		b.str(sh, 3, row, d.date)
		b.str(sh, 4, row, d.key)
		b.str(sh, 5, row, b.o.t(d.labelZH, d.labelEN))
		if d.num != nil {
			st := b.st.decimal
			if d.num.IsInteger() {
				st = b.st.count
			}
			b.number(sh, 6, row, *d.num, -1, st)
		} else {
			b.str(sh, 6, row, reportInputText(b.o, d))
		}
		row++
	}
}

// reportInputText is an input's value in words for a reader: the file's
// true/false, auto and call-length words in Chinese in a Chinese report
// (the CSV keeps the file's values, and the 字段 column the field id).
func reportInputText(o Options, d reportInput) string {
	if o.en() {
		return d.text
	}
	switch {
	case d.text == "true":
		return "是"
	case d.text == "false":
		return "否"
	case d.key == "plan" && d.text == "auto":
		return "自动（最便宜的方案）"
	case d.key == "call_length" && d.text != "":
		return wording.Text(o.Lang, "call_length."+d.text)
	}
	return d.text
}

// ------------------------------------------------------------------- csv

// CSV writes the report as one long table, one fact per row, so that
// a spreadsheet can filter and pivot it: UTF-8 with a byte-order mark (so
// that Excel opens the Chinese text correctly), a header row, then these
// columns (empty where they do not apply):
//
//	section      what the row is (see below)
//	vendor       vendor id; empty for the scenario and shared assumptions
//	plan         plan id
//	key          the field, item id or note id the row is about
//	affects      assumption rows: the lines (item ids) or plan it affects
//	date         a month (2027-01) or a day (2027-07-01)
//	label        what key is, in Chinese
//	label_en     the same in English
//	quantity     a number: an input's value, a line's quantity or a
//	             combination's rank
//	unit         the quantity's unit
//	unit_price   元 per unit, exact; "未定价 unpriced" when unknown
//	amount       元, exact with 2 decimals; "未定价 unpriced" when unknown
//	cumulative   元 paid from the start through this month
//	text         a value in words, or an explanation in Chinese
//	text_en      the explanation in English
//	source       where a price comes from; for assumptions, the scenario
//	             setting that switches or replaces it
//	source_date  that document's date
//	assumption   the interpretation a line rests on; empty when none
//
// Sections, in this order (within a section, vendors in display order):
//
//	report       key = scenario, horizon, prices, currency, cheapest,
//	             generated, generator; the value in text (text_en)
//	input        the scenario's inputs: key = the field as in the file
//	             (vendors.<id>.… for vendor settings), date = the day a
//	             change takes effect (empty for the base demand), value in
//	             quantity (numbers) or text (words)
//	summary      per vendor, label = its name: key = total, per_month,
//	             present_value in amount (when complete is "no" they are
//	             known_total, known_per_month, known_present_value: what
//	             the priced items sum to, a lower bound, said so in text;
//	             a vendor that serves none of the
//	             requirements has no amount), and complete, covers,
//	             uncovered, unpriced, cheapest, runner_up, rank (the
//	             ranking's word: ★ cheapest, covers everything, …), status
//	             in text
//	alternative  every other plan evaluated: key = runner_up or other,
//	             label = its name, amount = its total (none when the vendor
//	             serves none of the requirements; key = known_runner_up or
//	             known_other when the plan lacks prices: what is priced, a
//	             lower bound, as the summary's known_total), text = why not
//	             chosen
//	line         the breakdown: key = item id, label, quantity, unit,
//	             unit_price, amount, text = how computed (Chinese),
//	             text_en = (English), source, source_date, assumption
//	monthly      date = month, amount = cash paid that month, cumulative
//	             (none for a vendor that serves none of the requirements;
//	             key = known_cash when items are unpriced: the priced
//	             cash, a lower bound, said so in text);
//	             then key = after_horizon (when not 0): use within the
//	             horizon paid after it, cumulative = the total
//	combination  the combinations of vendors by service group, as
//	             compare --format csv lists them: affects = which vendor
//	             takes which group ("bot=chatopera online=tencent-qidian"),
//	             quantity = its rank (1 = the cheapest way to cover
//	             everything); key = total (label/label_en = the
//	             combination in words, amount, text = its difference to
//	             the cheapest), part (vendor, plan, label = its groups,
//	             amount = its share), monthly (date, amount, cumulative);
//	             not ranked for lack of prices: key = known_total and
//	             part/known_part, no rank, the amount a lower bound; a
//	             group no vendor can take: key = no_combination, affects =
//	             the group, text = why
//	assumption   every assumption, interpretation, quote, unpriced item,
//	             uncovered requirement and hint: key = its id, affects,
//	             label/label_en = its kind, text, text_en, source = the
//	             setting that changes it
func CSV(s *scenarios.Scenario, c *pricing.Comparison, o Options) ([]byte, error) {
	if err := wording.CheckLang(o.Lang); err != nil {
		return nil, err
	}
	zh, en := Options{Lang: "zh"}, Options{Lang: "en"}
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	head := []string{"section", "vendor", "plan", "key", "affects", "date", "label", "label_en", "quantity", "unit", "unit_price",
		"amount", "cumulative", "text", "text_en", "source", "source_date", "assumption"}
	w.Write(head)
	type row struct {
		section, vendor, plan, key, affects, date, label, labelEN, quantity, unit, unitPrice,
		amount, cumulative, text, textEN, source, sourceDate, assumption string
	}
	put := func(r row) {
		w.Write([]string{r.section, r.vendor, r.plan, r.key, r.affects, r.date, r.label, r.labelEN, r.quantity, r.unit, r.unitPrice,
			r.amount, r.cumulative, r.text, r.textEN, r.source, r.sourceDate, r.assumption})
	}
	cheapest, cheapestEN := "无：没有供应商既完整又覆盖全部需求", "none: no vendor is both complete and covers every requirement"
	for _, r := range c.Vendors {
		if r.Vendor == c.Cheapest {
			cheapest, cheapestEN = r.Vendor+" "+r.Plan, ""
		}
	}
	put(row{section: "report", key: "scenario", text: c.Scenario})
	put(row{section: "report", key: "horizon", text: reportHorizon(c, zh), textEN: reportHorizon(c, en)})
	put(row{section: "report", key: "prices", text: reportPrices(c, zh), textEN: reportPrices(c, en)})
	put(row{section: "report", key: "currency", text: pricing.Currency})
	put(row{section: "report", key: "vat", text: wording.VATWords("zh", c), textEN: wording.VATWords("en", c)})
	put(row{section: "report", key: "cheapest", text: cheapest, textEN: cheapestEN})
	put(row{section: "report", key: "generated", text: reportGenerated(o.Generated)})
	put(row{section: "report", key: "generator", text: "kefucost " + app.Version})

	for _, d := range reportInputs(s) {
		r := row{section: "input", vendor: d.vendor, key: d.key, date: d.date, label: d.labelZH, labelEN: d.labelEN, text: d.text}
		if d.section == "setting" {
			r.key = "vendors." + d.vendor + "." + d.key
		}
		if d.num != nil {
			r.quantity = d.num.String()
		}
		put(r)
	}

	for _, r := range c.Vendors {
		base := row{section: "summary", vendor: r.Vendor, plan: r.Plan, label: r.Name, labelEN: r.NameEN}
		// An incomplete vendor's amounts are what its priced items sum
		// to: keyed known_total, known_per_month, … (as the JSON's
		// known_total), said to be a lower bound, never a plain total.
		partial := wording.BoundOf(r) == wording.AtLeast || wording.BoundOf(r) == wording.Unknown
		money := func(key string, d decimal.Decimal) {
			x := base
			x.key = key
			if !reportServesNone(r) {
				x.amount = wording.Fixed(d)
			}
			if partial {
				x.key = "known_" + key
				x.text, x.textEN = reportLowerBound(r.Unpriced)
			}
			put(x)
		}
		word := func(key, zhText, enText string) {
			x := base
			x.key, x.text, x.textEN = key, zhText, enText
			put(x)
		}
		money("total", r.Total)
		money("per_month", reportPerMonth(c, r))
		if !r.AfterHorizon.IsZero() {
			money("after_horizon", r.AfterHorizon)
		}
		if r.PresentValue != nil {
			money("present_value", *r.PresentValue)
		}
		word("complete", wording.YesNo(r.Complete), "")
		word("covers", wording.YesNo(r.Covers), "")
		word("uncovered", strings.Join(r.Uncovered, ", "), "")
		word("unpriced", strings.Join(r.Unpriced, ", "), "")
		word("cheapest", wording.YesNo(r.Vendor == c.Cheapest), "")
		if len(r.Alternatives) > 0 {
			word("runner_up", r.Alternatives[0].Plan, "")
		}
		// The CSV keeps the ids beside the words (a program reads it).
		word("rank", wording.Badge("zh", c, r), wording.Badge("en", c, r))
		word("status", wording.Status("zh", r), wording.Status("en", r))
	}
	for _, r := range c.Vendors {
		for i, a := range r.Alternatives {
			key := "other"
			if i == 0 {
				key = "runner_up"
			}
			x := row{section: "alternative", vendor: r.Vendor, plan: a.Plan, key: key, label: a.PlanName, amount: wording.Fixed(a.Total),
				text: reportAltNote(r.Vendor, pricing.PlanTotal{Complete: a.Complete, Reason: a.Reason}, zh), textEN: reportAltNote(r.Vendor, pricing.PlanTotal{Complete: a.Complete, Reason: a.Reason}, en)}
			if reportServesNone(r) {
				x.amount = "" // serves none under any plan: no price
			} else if !a.Complete {
				x.key = "known_" + key // a lower bound (its text says so)
			}
			put(x)
		}
	}
	for _, r := range c.Vendors {
		for _, l := range r.Lines {
			x := row{section: "line", vendor: r.Vendor, plan: r.Plan, key: l.Item, label: l.Label, labelEN: l.LabelEN,
				quantity: l.Quantity.String(), unit: l.Unit, unitPrice: reportUnpriced, amount: reportUnpriced,
				text: wording.LineFormula("zh", l), textEN: wording.LineFormula("en", l)}
			x.source, x.sourceDate = reportLineSource(r, l, zh)
			if l.Priced() {
				x.unitPrice, x.amount = l.UnitPrice.String(), wording.Fixed(*l.Amount)
			}
			if l.Assumption {
				x.assumption = l.Note
				if x.assumption == "" {
					x.assumption = "[A]"
				}
			}
			put(x)
		}
	}
	labels := wording.MonthLabels(c)
	for _, r := range c.Vendors {
		if reportServesNone(r) {
			continue // no price to spread over months (see its summary status)
		}
		cum := reportCumulative(r.Monthly)
		for i, m := range r.Monthly {
			x := row{section: "monthly", vendor: r.Vendor, plan: r.Plan, date: labels[i], amount: wording.Fixed(m), cumulative: wording.Fixed(cum[i])}
			if !r.Complete {
				// A month's priced cash, a lower bound as the total is.
				x.key = "known_cash"
				x.text, x.textEN = reportLowerBound(r.Unpriced)
			}
			put(x)
		}
		if !r.AfterHorizon.IsZero() {
			put(row{section: "monthly", vendor: r.Vendor, plan: r.Plan, key: "after_horizon", label: "期后支付", labelEN: "paid after the horizon",
				amount: wording.Fixed(r.AfterHorizon), cumulative: wording.Fixed(r.Total)})
		}
	}
	// The combinations of vendors, as compare --format csv and the
	// workbook's 组合 sheet list them: each ranked one's total (quantity =
	// its rank, affects = which vendor takes which group), its parts and
	// its cash by month; then those not ranked for lack of prices (their
	// priced part, a lower bound, keyed known_…), then the groups no
	// vendor can take.
	best := c.BestCombination()
	comboParts := func(base row, cb *pricing.Combination) {
		for _, p := range cb.Parts {
			x := base
			x.key, x.vendor, x.plan = "part", p.Vendor, p.Result.Plan
			x.label, x.labelEN = wording.GroupNames("zh", p.Groups), wording.GroupNames("en", p.Groups)
			x.amount = wording.Fixed(p.Result.Total)
			if !p.Result.Complete {
				x.key = "known_part"
				x.text, x.textEN = reportLowerBound(p.Result.Unpriced)
			}
			put(x)
		}
	}
	for i := range c.Combinations {
		cb := &c.Combinations[i]
		base := row{section: "combination", affects: wording.CombinationIDs(cb), quantity: strconv.Itoa(i + 1)}
		x := base
		x.key, x.label, x.labelEN, x.amount = "total", wording.CombinationText("zh", cb), wording.CombinationText("en", cb), wording.Fixed(cb.Total)
		x.text, x.textEN = "最便宜的全覆盖方式", "cheapest way to cover everything"
		if i > 0 {
			x.text, x.textEN = "比最便宜的多 "+wording.Gap("zh", cb.Total, best.Total), "more than the cheapest by "+wording.Gap("en", cb.Total, best.Total)
		}
		put(x)
		comboParts(base, cb)
		cum := reportCumulative(cb.Monthly)
		for m, cash := range cb.Monthly {
			x := base
			x.key, x.date, x.amount, x.cumulative = "monthly", labels[m], wording.Fixed(cash), wording.Fixed(cum[m])
			put(x)
		}
	}
	for i := range c.PartlyPriced {
		cb := &c.PartlyPriced[i]
		base := row{section: "combination", affects: wording.CombinationIDs(cb)}
		x := base
		x.key, x.label, x.labelEN, x.amount = "known_total", wording.CombinationText("zh", cb), wording.CombinationText("en", cb), wording.Fixed(cb.Total)
		x.text, x.textEN = "不参与排名：部分项目未定价，金额只含已定价部分（下限）", "not ranked: a part lacks prices; the amount is what is priced (a lower bound)"
		put(x)
		comboParts(base, cb)
	}
	for _, g := range c.Gaps {
		put(row{section: "combination", key: "no_combination", affects: g.Group, label: wording.GroupName("zh", g.Group), labelEN: wording.GroupName("en", g.Group),
			text: wording.GapText("zh", g), textEN: wording.GapText("en", g)})
	}
	for _, n := range c.Assumptions {
		put(row{section: "assumption", key: n.ID, affects: "every amount", label: "假设", labelEN: "assumption", text: n.Text, textEN: n.EN, source: n.Option})
	}
	// The same caveats in both languages, in the same order: the kind in
	// label and label_en, "plan x" in English.
	zhCaveats, enCaveats := reportCaveatList(c, zh), reportCaveatList(c, en)
	for i, a := range zhCaveats {
		put(row{section: "assumption", vendor: a.vendorID, key: a.id, affects: enCaveats[i].affects, label: a.kind, labelEN: enCaveats[i].kind,
			text: a.zh, textEN: a.en, source: a.option})
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
