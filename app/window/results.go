package window

import (
	"fmt"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// The results: a card per vendor, the cumulative and monthly charts, the
// breakdown with every line's formula and source, the coverage matrix and
// every assumption the amounts rest on.

type resultsPanel struct {
	u       *ui
	content fyne.CanvasObject

	staleBar  *widget.Label
	pricesBar *widget.Label
	cards     *fyne.Container
	cardViews map[string]*cardView
	noneLabel *widget.Label
	// totals are the amounts on the cards by vendor id (tests read them).
	totals map[string]*widget.Label

	cumulative *chartView
	monthly    *chartView
	tabs       *container.AppTabs

	vendorSel      *widget.Select
	breakdownDirty bool
	vendorIDs      []string
	lines          []*pricing.Line
	table          *widget.Table
	detail         *widget.Label

	coverage    *fyne.Container
	coverageKey string
	notes       *widget.Label
}

func (u *ui) newResultsPanel() *resultsPanel {
	l := u.lang
	p := &resultsPanel{u: u, totals: map[string]*widget.Label{}, cardViews: map[string]*cardView{}}
	p.staleBar = widget.NewLabel(l.T("results.stale"))
	p.staleBar.Importance = widget.DangerImportance
	p.staleBar.Wrapping = fyne.TextWrapWord
	p.staleBar.Hide()
	p.pricesBar = widget.NewLabel("")
	p.pricesBar.Importance = widget.WarningImportance
	p.pricesBar.Wrapping = fyne.TextWrapWord
	p.pricesBar.Hide()
	p.cards = container.NewGridWithColumns(2)

	p.cumulative = newChartView(u.onChartResized)
	p.monthly = newChartView(u.onChartResized)

	p.vendorSel = widget.NewSelect(nil, func(string) {
		if i := p.vendorSel.SelectedIndex(); i >= 0 && i < len(p.vendorIDs) && !p.u.loading {
			p.u.breakdownVendor = p.vendorIDs[i]
		}
		p.showBreakdown()
	})
	p.detail = widget.NewLabel(l.T("breakdown.select"))
	p.detail.Wrapping = fyne.TextWrapWord
	p.table = widget.NewTable(p.tableSize, func() fyne.CanvasObject {
		lb := widget.NewLabel("")
		lb.Truncation = fyne.TextTruncateEllipsis
		return lb
	}, p.tableCell)
	p.table.ShowHeaderRow = true
	p.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row == -1 && id.Col >= 0 && id.Col < len(breakdownCols) {
			o.(*widget.Label).SetText(l.T(breakdownCols[id.Col]))
		}
	}
	for i, w := range []float32{210, 100, 90, 110, 40} {
		p.table.SetColumnWidth(i, w)
	}
	p.table.OnSelected = p.onLineSelected
	detail := container.NewVSplit(p.table, container.NewVScroll(p.detail))
	detail.Offset = 0.68
	breakdown := container.NewBorder(p.vendorSel, nil, nil, nil, detail)

	p.coverage = container.NewGridWithColumns(1)
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord

	p.tabs = container.NewAppTabs(
		container.NewTabItem(l.T("tab.cumulative"), p.cumulative),
		container.NewTabItem(l.T("tab.monthly"), p.monthly),
		container.NewTabItem(l.T("tab.breakdown"), breakdown),
		container.NewTabItem(l.T("tab.coverage"), container.NewScroll(p.coverage)),
		container.NewTabItem(l.T("tab.notes"), container.NewVScroll(p.notes)),
	)
	p.tabs.OnSelected = func(*container.TabItem) {
		if p.tabs.SelectedIndex() == breakdownTab {
			p.refreshBreakdown()
		}
	}
	top := container.NewVBox(p.staleBar, p.pricesBar)
	split := container.NewVSplit(container.NewVScroll(container.NewThemeOverride(p.cards, compactTheme{u.app.Settings().Theme()})), p.tabs)
	split.Offset = 0.42
	p.content = container.NewBorder(top, nil, nil, nil, split)
	return p
}

var breakdownCols = []string{"breakdown.item", "breakdown.quantity", "breakdown.unit_price", "breakdown.amount", "breakdown.flags"}

// chartSize is the size the live charts are drawn at: the chart area as
// laid out, in pixels.
func (p *resultsPanel) chartSize() fyne.Size {
	s := p.cumulative.Size()
	if s.Width < 10 {
		s = p.monthly.Size()
	}
	scale := float32(1)
	if c := p.u.win.Canvas(); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	return fyne.NewSize(s.Width*scale, s.Height*scale)
}

// clear empties the results: nothing computed for this scenario yet.
func (p *resultsPanel) clear() {
	p.cards.Objects = nil
	p.cards.Refresh()
	p.totals = map[string]*widget.Label{}
	p.cumulative.set(nil)
	p.monthly.set(nil)
	p.lines = nil
	p.table.Refresh()
	p.coverage.RemoveAll()
	p.coverageKey = ""
	p.notes.SetText("")
	p.pricesBar.Hide()
	p.vendorIDs = nil
	p.vendorSel.Options = nil
	p.vendorSel.ClearSelected()
	p.detail.SetText(p.u.lang.T("breakdown.select"))
	p.u.vendors.clearStatus()
}

func (p *resultsPanel) setStale(stale bool) {
	if stale {
		p.staleBar.Show()
	} else {
		p.staleBar.Hide()
	}
}

// show puts a new comparison on screen.
func (p *resultsPanel) show(r *liveResult) {
	c := r.cmp
	p.showCards(c)
	p.cumulative.set(r.cumulative)
	p.monthly.set(r.monthly)

	l := p.u.lang
	var names []string
	p.vendorIDs = nil
	for _, v := range c.Vendors {
		names = append(names, nameIn(l, v.Name, v.NameEN))
		p.vendorIDs = append(p.vendorIDs, v.Vendor)
	}
	// The breakdown keeps showing the vendor it showed, wherever that
	// vendor now is in the list.
	sel := indexOf(p.vendorIDs, p.u.breakdownVendor)
	p.vendorSel.Options = names
	p.u.loading = true
	if sel < 0 {
		sel = 0
	}
	if len(names) > 0 {
		p.vendorSel.SetSelectedIndex(sel)
	} else {
		p.vendorSel.ClearSelected()
	}
	p.u.loading = false
	p.showBreakdown()
	p.showCoverage(c)
	p.showNotes(c)
	p.showPricesChanged(c)
}

// showCards updates the vendor cards in place: the same widgets for every
// edit (nothing is created per keystroke), shown for the vendors compared.
func (p *resultsPanel) showCards(c *pricing.Comparison) {
	l := p.u.lang
	var objs []fyne.CanvasObject
	for _, r := range c.Vendors {
		v := p.cardViews[r.Vendor]
		if v == nil {
			v = newCardView()
			p.cardViews[r.Vendor] = v
		}
		v.show(p.u, c, r)
		p.totals[r.Vendor] = v.total
		objs = append(objs, v.card)
	}
	if len(objs) == 0 {
		if p.noneLabel == nil {
			p.noneLabel = widget.NewLabel(l.T("results.none"))
		}
		objs = append(objs, p.noneLabel)
	}
	if !sameObjects(p.cards.Objects, objs) {
		p.cards.Objects = objs
		p.cards.Refresh()
	}
}

func sameObjects(a, b []fyne.CanvasObject) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// cardView is one vendor's summary card.
type cardView struct {
	card                          *widget.Card
	name, total, plan, sub        *widget.Label
	cheapest, uncovered, unpriced *widget.Label
}

func newCardView() *cardView {
	v := &cardView{
		name:      widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		total:     widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		plan:      small(""),
		sub:       small(""),
		cheapest:  badge("", widget.SuccessImportance),
		uncovered: badge("", widget.DangerImportance),
		unpriced:  badge("", widget.WarningImportance),
	}
	v.name.Truncation = fyne.TextTruncateEllipsis
	v.total.SizeName = theme.SizeNameSubHeadingText
	v.card = widget.NewCard("", "", container.NewVBox(v.name, v.total, v.plan, v.sub, v.cheapest, v.uncovered, v.unpriced))
	return v
}

func setShown(lb *widget.Label, text string) {
	if text == "" {
		lb.Hide()
		return
	}
	lb.SetText(text)
	lb.Show()
}

func (v *cardView) show(u *ui, c *pricing.Comparison, r *pricing.Result) {
	l := u.lang
	v.name.SetText(nameIn(l, r.Name, r.NameEN))
	bound := wording.BoundOf(r)
	if bound == wording.Unknown {
		v.total.SetText(l.T("money.unknown")) // the card's headline says why
	} else {
		v.total.SetText(wording.Amount(string(l), r.Total, bound))
	}
	plan := r.PlanName
	if l.en() {
		plan = planNameEN(u.cat, r)
	}
	if r.Auto {
		plan = l.T("card.plan.auto", plan)
	}
	v.plan.SetText(plan)
	// An incomplete total is a lower bound, and so is everything derived
	// from it: never shown as an exact amount.
	avg := r.Total.Div(decimal.NewFromInt(int64(max(1, c.Months)))).Round(2)
	sub := l.T("card.avg", wording.Amount(string(l), avg, bound))
	if len(r.Alternatives) > 0 {
		a := r.Alternatives[0]
		an := a.PlanName
		if l.en() {
			if pl := u.cat.Vendor(r.Vendor).Plan(a.Plan); pl != nil && pl.NameEN != "" {
				an = pl.NameEN
			}
		}
		sub += " · " + l.T("card.runnerup", an, wording.Amount(string(l), a.Total, wording.PlanBound(r, a)))
	}
	if r.PresentValue != nil {
		sub += " · " + l.T("card.pv", wording.Amount(string(l), *r.PresentValue, bound))
	}
	if bound == wording.NotApplicable {
		sub = "" // no amount to average: the badge says what it does not cover
	}
	v.sub.SetText(sub)
	cheapest, uncovered, unpriced := "", "", ""
	if c.Cheapest == r.Vendor {
		cheapest = l.T("badge.cheapest")
	}
	if !r.Covers {
		var names []string
		for _, f := range r.Uncovered {
			names = append(names, fieldName(l, f))
		}
		uncovered = l.T("badge.uncovered", strings.Join(names, l.T("list.sep")))
	}
	if !r.Complete {
		unpriced = l.T("badge.unpriced", len(r.Unpriced))
	}
	was := [3]bool{v.cheapest.Visible(), v.uncovered.Visible(), v.unpriced.Visible()}
	setShown(v.cheapest, cheapest)
	setShown(v.uncovered, uncovered)
	setShown(v.unpriced, unpriced)
	if was != [3]bool{v.cheapest.Visible(), v.uncovered.Visible(), v.unpriced.Visible()} {
		v.card.Refresh() // a badge came or went: lay the card out again
	}
}

// compactTheme tightens the padding inside the vendor cards, so four
// cards fit above the charts at 1280×800.
type compactTheme struct{ fyne.Theme }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInnerPadding:
		return 2
	case theme.SizeNamePadding:
		return 2
	}
	return t.Theme.Size(n)
}

func planNameEN(cat *pricing.Catalog, r *pricing.Result) string {
	if v := cat.Vendor(r.Vendor); v != nil {
		if pl := v.Plan(r.Plan); pl != nil && pl.NameEN != "" {
			return pl.NameEN
		}
	}
	return r.PlanName
}

// small is a one-line caption; what does not fit ends in "…" (cards
// stay compact; the tabs below carry the full text).
func small(text string) *widget.Label {
	lb := widget.NewLabel(text)
	lb.SizeName = theme.SizeNameCaptionText
	lb.Truncation = fyne.TextTruncateEllipsis
	return lb
}

func badge(text string, imp widget.Importance) *widget.Label {
	lb := widget.NewLabel(text)
	lb.Importance = imp
	lb.Truncation = fyne.TextTruncateEllipsis
	lb.TextStyle = fyne.TextStyle{Bold: true}
	return lb
}

// chartView shows a live chart and asks for a redraw at its new size when
// the window is resized, so the chart is drawn at the pixels it fills
// instead of being scaled.
type chartView struct {
	widget.BaseWidget
	img      *canvas.Image
	onResize func()
}

func newChartView(onResize func()) *chartView {
	v := &chartView{img: canvas.NewImageFromImage(nil), onResize: onResize}
	v.img.FillMode = canvas.ImageFillContain
	v.img.ScaleMode = canvas.ImageScaleSmooth
	v.img.SetMinSize(fyne.NewSize(320, 160))
	v.ExtendBaseWidget(v)
	return v
}

func (v *chartView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.img) }

func (v *chartView) Resize(s fyne.Size) {
	old := v.Size()
	v.BaseWidget.Resize(s)
	if v.onResize != nil && (abs32(old.Width-s.Width) > 24 || abs32(old.Height-s.Height) > 24) {
		v.onResize()
	}
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

func (v *chartView) set(img *image.RGBA) {
	v.img.Image = nil
	if img != nil { // a nil *RGBA in the interface would be drawn
		v.img.Image = img
	}
	v.img.Refresh()
}

// selectedResult is the vendor the breakdown shows.
func (p *resultsPanel) selectedResult() *pricing.Result {
	c := p.u.result
	i := p.vendorSel.SelectedIndex()
	if c == nil || i < 0 || i >= len(c.Vendors) {
		return nil
	}
	return c.Vendors[i]
}

// showBreakdown shows the selected vendor's lines. The table is refreshed
// only while its tab is open (a refresh measures a new template cell, and
// most edits happen with the charts in view).
func (p *resultsPanel) showBreakdown() {
	r := p.selectedResult()
	p.lines = nil
	if r != nil {
		p.lines = r.Lines
	}
	p.breakdownDirty = true
	if p.tabs != nil && p.tabs.Selected() == p.tabs.Items[breakdownTab] {
		p.refreshBreakdown()
	}
}

func (p *resultsPanel) refreshBreakdown() {
	if !p.breakdownDirty {
		return
	}
	p.breakdownDirty = false
	p.table.UnselectAll()
	p.table.Refresh()
	p.detail.SetText(p.u.lang.T("breakdown.select"))
}

// breakdownTab is the index of the breakdown in the results tabs.
const breakdownTab = 2

func (p *resultsPanel) tableSize() (int, int) { return len(p.lines), len(breakdownCols) }

func (p *resultsPanel) tableCell(id widget.TableCellID, o fyne.CanvasObject) {
	lb := o.(*widget.Label)
	if id.Row >= len(p.lines) {
		lb.SetText("")
		return
	}
	ln := p.lines[id.Row]
	l := p.u.lang
	switch id.Col {
	case 0:
		lb.SetText(nameIn(l, ln.Label, ln.LabelEN))
	case 1:
		lb.SetText(ln.Quantity.String() + " " + l.unitText(ln.Unit))
	case 2:
		if ln.UnitPrice == nil {
			lb.SetText(l.T("unpriced"))
		} else {
			lb.SetText(ln.UnitPrice.String())
		}
	case 3:
		if ln.Amount == nil {
			lb.SetText(l.T("unpriced"))
		} else {
			lb.SetText(wording.Money(*ln.Amount))
		}
	case 4:
		var f []string
		if ln.Assumption {
			f = append(f, "※")
		}
		if ln.Overridden {
			f = append(f, "✎")
		}
		lb.SetText(strings.Join(f, " "))
	}
}

func (p *resultsPanel) onLineSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(p.lines) {
		return
	}
	p.detail.SetText(lineExplanation(p.u.lang, p.lines[id.Row]))
}

// lineExplanation is everything known about one breakdown line.
func lineExplanation(l tr, ln *pricing.Line) string {
	var b strings.Builder
	b.WriteString(nameIn(l, ln.Label, ln.LabelEN))
	b.WriteString("\n")
	formula := ln.FormulaZH
	if l.en() || formula == "" {
		formula = ln.Formula
	}
	if formula != "" {
		fmt.Fprintf(&b, "%s: %s\n", l.T("breakdown.formula"), formula)
	}
	if ln.Amount == nil {
		fmt.Fprintf(&b, "%s\n", l.T("breakdown.unpriced"))
	}
	if ln.Source != "" {
		fmt.Fprintf(&b, "%s: %s", l.T("breakdown.source"), ln.Source)
		if ln.SourceDate != "" {
			fmt.Fprintf(&b, " (%s)", ln.SourceDate)
		}
		b.WriteString("\n")
	}
	if ln.Overridden {
		fmt.Fprintf(&b, "%s\n", l.T("breakdown.overridden"))
	}
	if ln.Assumption || ln.Note != "" {
		fmt.Fprintf(&b, "※ %s: %s\n", l.T("breakdown.assumption"), ln.Note)
	}
	return strings.TrimSpace(b.String())
}

// coverageFields are the requirements the coverage matrix shows: the
// demand fields this scenario uses.
func coverageFields(s *scenarios.Scenario) []string {
	var out []string
	for _, name := range scenarios.CountFieldNames() {
		used := false
		if v, _ := s.Demand.Count(name); v > 0 {
			used = true
		}
		for _, ch := range s.Changes {
			if v, _ := ch.Count(name); v != nil && *v > 0 {
				used = true
			}
		}
		if used {
			out = append(out, name)
		}
	}
	return out
}

func (p *resultsPanel) showCoverage(c *pricing.Comparison) {
	l := p.u.lang
	// The matrix changes only when the requirements used, the vendors or
	// their coverage change: not on most keystrokes.
	var key strings.Builder
	for _, f := range coverageFields(p.u.cur) {
		key.WriteString(f + ",")
	}
	for _, r := range c.Vendors {
		key.WriteString(r.Vendor + ":" + strings.Join(r.Uncovered, ",") + ";")
	}
	if key.String() == p.coverageKey {
		return
	}
	p.coverageKey = key.String()
	p.coverage.RemoveAll()
	cols := 1 + len(c.Vendors)
	grid := container.NewGridWithColumns(cols)
	header := func(text string) *widget.Label {
		lb := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		lb.Truncation = fyne.TextTruncateEllipsis
		return lb
	}
	grid.Add(header(l.T("coverage.requirement")))
	for _, r := range c.Vendors {
		grid.Add(header(nameIn(l, r.Name, r.NameEN)))
	}
	fields := coverageFields(p.u.cur)
	for _, f := range fields {
		grid.Add(widget.NewLabel(fieldName(l, f)))
		for _, r := range c.Vendors {
			if indexOf(r.Uncovered, f) >= 0 {
				grid.Add(badge("✗ "+l.T("coverage.no"), widget.DangerImportance))
			} else {
				grid.Add(badge("✓ "+l.T("coverage.yes"), widget.SuccessImportance))
			}
		}
	}
	p.coverage.Add(grid)
	if len(fields) == 0 {
		p.coverage.Add(widget.NewLabel(l.T("coverage.none")))
	}
	p.coverage.Add(layout.NewSpacer())
}

func (p *resultsPanel) showNotes(c *pricing.Comparison) {
	l := p.u.lang
	var b strings.Builder
	note := func(n pricing.Note) string {
		if l.en() && n.EN != "" {
			return n.EN
		}
		return n.Text
	}
	for _, n := range c.Assumptions {
		fmt.Fprintf(&b, "• %s\n", note(n))
	}
	for _, r := range c.Vendors {
		if len(r.Notes) == 0 && len(r.Hints) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", nameIn(l, r.Name, r.NameEN))
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "  ※ %s\n", note(n))
		}
		hints := r.HintsZH
		if l.en() || len(hints) != len(r.Hints) {
			hints = r.Hints
		}
		for _, h := range hints {
			fmt.Fprintf(&b, "  → %s\n", h)
		}
	}
	p.notes.SetText(strings.TrimSpace(b.String()))
}

// showPricesChanged says so when a saved scenario was computed with other
// price editions than the ones in force now.
func (p *resultsPanel) showPricesChanged(c *pricing.Comparison) {
	saved := p.u.savedEditions
	if len(saved) == 0 {
		p.pricesBar.Hide()
		return
	}
	diff := app.EditionsDiff(saved, app.EditionsOf(c))
	if diff == "" {
		p.pricesBar.Hide()
		return
	}
	p.pricesBar.SetText(p.u.lang.T("results.prices_changed", diff))
	p.pricesBar.Show()
}

// shrinkLayout lets a wide widget (a Select whose longest option is a long
// plan name) shrink with the window instead of forcing its width on it:
// its minimum width is minW, its height the child's.
type shrinkLayout struct{ minW float32 }

func (s shrinkLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(s.minW, h)
}

func (s shrinkLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func shrink(o fyne.CanvasObject, minW float32) fyne.CanvasObject {
	return container.New(shrinkLayout{minW}, o)
}
