// Package results is the window's results side: a card per vendor, the
// cumulative and monthly charts, the breakdown with every line's formula
// and source, the coverage matrix and every assumption the amounts rest
// on. The panel shows what the window gives it (Show, Clear, SetStale) and
// tells the window what the user did through its On… handlers.
package results

import (
	"fmt"
	"image"
	"image/color"
	"net/url"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app"
	"kefucost/app/window/kit"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Panel is the results side of the window.
type Panel struct {
	Content fyne.CanvasObject

	StaleBar  *kit.Para
	pricesBar *kit.Para
	// Answer is the first thing a buyer reads: the cheapest way to cover
	// everything, or why there is none; Runners the next ways with the
	// difference to it.
	Answer    *kit.Para
	Runners   *kit.Para
	Cards     *fyne.Container
	CardViews map[string]*CardView
	noneLabel *widget.Label
	// cardsTheme holds the cards in compactTheme.
	cardsTheme *container.ThemeOverride
	// Totals are the amounts on the cards by vendor id (tests read them).
	Totals map[string]*widget.Label
	// Order is the vendors' order on the cards.
	Order []string

	Cumulative *ChartView
	Monthly    *ChartView
	// Leads is break-even over time in words, under the cumulative chart
	// ("从 2028-03 起阿里云比腾讯企点便宜").
	Leads *kit.Para
	Tabs  *container.AppTabs
	// VAT switches the amounts net of VAT (OnVAT is told); VATWords says
	// which amounts are shown.
	VAT      *widget.Check
	VATWords *kit.Para
	OnVAT    func(netOfVAT bool)

	VendorSel      *widget.Select
	breakdownDirty bool
	vendorIDs      []string
	lines          []*pricing.Line
	// shownResult is the vendor whose lines the table shows (its total
	// is the last row); nil: none.
	shownResult *pricing.Result
	// PriceAge and CheckPrices say the shown vendor's price date above
	// its lines, as its card says it.
	PriceAge    *widget.Label
	CheckPrices *widget.Hyperlink
	Table       *widget.Table
	detail      *kit.Para
	colWidths   []float32
	rowHeights  []float32
	tableWidth  float32 // the width the columns were fitted to
	headHeight  float32
	fitted      fitKey
	measure     *widget.Label // measures an item's wrapped height
	// tableVendor and tableRows are what the table last showed.
	tableVendor string
	tableRows   int

	coverage    *fyne.Container
	coverageKey string
	notes       *kit.Para
	// Schedule is every vendor's purchase schedule (pricing-rules §7.5):
	// the buyer's action plan, one sentence per purchase.
	Schedule *kit.Para

	lang   kit.Lang
	cat    *pricing.Catalog
	canvas fyne.Canvas
	cmp    *pricing.Comparison // shown
	// selecting: the panel itself moves the breakdown's vendor selection.
	selecting bool

	// OnResized asks for the charts again at their new size.
	OnResized func()
	// OnBreakdownVendor says which vendor the user chose for the
	// breakdown (the window keeps it across a language switch).
	OnBreakdownVendor func(id string)
}

// View is what the panel shows: a comparison with its two charts, for
// the scenario being edited.
type View struct {
	Cmp                 *pricing.Comparison
	Cumulative, Monthly *image.RGBA
	// Scenario holds the requirements the coverage matrix lists.
	Scenario *scenarios.Scenario
	// SavedEditions are the price editions of the revision opened, to
	// say "prices have changed since".
	SavedEditions map[string]string
	// BreakdownVendor is the vendor the breakdown showed; it stays
	// selected wherever it now is in the list.
	BreakdownVendor string
}

// New builds the panel in language l; canvas is the window's (the charts
// are drawn at its scale); theme is the app's (the cards tighten it).
func New(l kit.Lang, cat *pricing.Catalog, canvas fyne.Canvas, th fyne.Theme) *Panel {
	p := &Panel{lang: l, cat: cat, canvas: canvas, Totals: map[string]*widget.Label{}, CardViews: map[string]*CardView{}}
	onResized := func() {
		if p.OnResized != nil {
			p.OnResized()
		}
	}
	p.StaleBar = kit.NewPara(l.T("results.stale"))
	p.StaleBar.Importance = widget.DangerImportance
	p.StaleBar.Hide()
	p.pricesBar = kit.NewPara("")
	p.pricesBar.Importance = widget.WarningImportance
	p.pricesBar.Hide()
	p.Cards = container.NewGridWithColumns(2)
	p.Answer = kit.NewPara("")
	p.Answer.TextStyle = fyne.TextStyle{Bold: true}
	p.Answer.Importance = widget.SuccessImportance
	p.Answer.Hide()
	p.Runners = kit.NewPara("")
	p.Runners.SizeName = theme.SizeNameCaptionText
	p.Runners.Hide()

	p.Cumulative = newChartView(onResized)
	p.Monthly = newChartView(onResized)
	p.Leads = kit.NewPara("")
	p.Leads.SizeName = theme.SizeNameCaptionText

	p.VendorSel = widget.NewSelect(nil, func(string) {
		if i := p.VendorSel.SelectedIndex(); i >= 0 && i < len(p.vendorIDs) && !p.selecting && p.OnBreakdownVendor != nil {
			p.OnBreakdownVendor(p.vendorIDs[i])
		}
		p.showBreakdown()
	})
	p.VendorSel.PlaceHolder = l.T("select.placeholder")
	p.detail = kit.NewPara(l.T("breakdown.select"))
	p.Table = widget.NewTable(p.tableSize, func() fyne.CanvasObject {
		return widget.NewLabel("")
	}, p.tableCell)
	p.Table.ShowHeaderRow = true
	p.Table.CreateHeader = newHeader
	p.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row == -1 && id.Col >= 0 && id.Col < len(breakdownCols) {
			o.(*widget.Label).SetText(l.T(breakdownCols[id.Col]))
		}
	}
	p.measure = widget.NewLabel("")
	p.measure.Wrapping = fyne.TextWrapWord
	p.colWidths = make([]float32, len(breakdownCols))
	p.fitColumns(440)
	p.Table.OnSelected = p.onLineSelected
	detail := container.NewVSplit(container.New(fitLayout{p}, p.Table), container.NewVScroll(p.detail))
	detail.Offset = 0.68
	p.PriceAge = kit.Small("")
	p.PriceAge.Truncation = fyne.TextTruncateOff // a date is never cut
	p.CheckPrices = widget.NewHyperlink("", nil)
	p.CheckPrices.Hide()
	bdTop := container.NewBorder(nil, nil, nil, container.NewHBox(p.PriceAge, p.CheckPrices), p.VendorSel)
	breakdown := container.NewBorder(bdTop, nil, nil, nil, detail)

	p.coverage = container.NewGridWithColumns(1)
	p.notes = kit.NewPara("")
	p.Schedule = kit.NewPara("")

	p.Tabs = container.NewAppTabs(
		container.NewTabItem(l.T("tab.cumulative"), container.NewBorder(nil, p.Leads, nil, nil, p.Cumulative)),
		container.NewTabItem(l.T("tab.monthly"), p.Monthly),
		container.NewTabItem(l.T("tab.breakdown"), breakdown),
		container.NewTabItem(l.T("tab.schedule"), container.NewVScroll(p.Schedule)),
		container.NewTabItem(l.T("tab.coverage"), container.NewScroll(p.coverage)),
		container.NewTabItem(l.T("tab.notes"), container.NewVScroll(p.notes)),
	)
	p.Tabs.OnSelected = func(*container.TabItem) {
		if p.Tabs.SelectedIndex() == BreakdownTab {
			p.refreshBreakdown()
		}
	}
	p.VAT = widget.NewCheck(l.T("vat.switch"), func(on bool) {
		if p.OnVAT != nil {
			p.OnVAT(on)
		}
	})
	p.VATWords = kit.NewPara("")
	p.VATWords.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(p.StaleBar, p.pricesBar, container.NewBorder(nil, nil, p.VAT, nil, p.VATWords), p.Answer, p.Runners)
	p.cardsTheme = container.NewThemeOverride(p.Cards, compactTheme{th})
	split := container.NewVSplit(container.NewVScroll(p.cardsTheme), p.Tabs)
	split.Offset = 0.42
	p.Content = container.NewBorder(top, nil, nil, nil, split)
	return p
}

// ChartSize is the size the live charts are drawn at: the chart area as
// laid out, in pixels.
func (p *Panel) ChartSize() fyne.Size {
	s := p.Cumulative.Size()
	if s.Width < 10 {
		s = p.Monthly.Size()
	}
	scale := float32(1)
	if c := p.canvas; c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	return fyne.NewSize(s.Width*scale, s.Height*scale)
}

// Clear empties the results: nothing computed for this scenario yet.
func (p *Panel) Clear() {
	p.cmp = nil
	p.Cards.Objects = nil
	p.Cards.Refresh()
	p.Totals = map[string]*widget.Label{}
	p.Cumulative.set(nil)
	p.Monthly.set(nil)
	p.Leads.SetText("")
	p.Answer.Hide()
	p.Runners.Hide()
	p.lines = nil
	p.shownResult = nil
	showAge(p.lang, nil, nil, p.PriceAge, p.CheckPrices)
	p.Table.Refresh()
	p.coverage.RemoveAll()
	p.coverageKey = ""
	p.notes.SetText("")
	p.Schedule.SetText("")
	p.pricesBar.Hide()
	p.vendorIDs = nil
	p.VendorSel.Options = nil
	p.VendorSel.ClearSelected()
	p.detail.SetText(p.lang.T("breakdown.select"))
}

// SetStale shows or hides the "out of date" bar.
func (p *Panel) SetStale(stale bool) {
	if stale {
		p.StaleBar.Show()
	} else {
		p.StaleBar.Hide()
	}
}

// Show puts a new comparison on screen.
func (p *Panel) Show(r View) {
	c := r.Cmp
	p.cmp = c
	p.showAnswer(c)
	p.VATWords.SetText(wording.VATWords(string(p.lang), c))
	p.showCards(c)
	p.Cumulative.set(r.Cumulative)
	p.Monthly.set(r.Monthly)
	p.Leads.SetText(wording.LeadsText(string(p.lang), c))

	l := p.lang
	var names []string
	p.vendorIDs = nil
	for _, v := range c.Vendors {
		names = append(names, kit.NameIn(l, v.Name, v.NameEN))
		p.vendorIDs = append(p.vendorIDs, v.Vendor)
	}
	// The breakdown keeps showing the vendor it showed, wherever that
	// vendor now is in the list.
	sel := kit.IndexOf(p.vendorIDs, r.BreakdownVendor)
	p.VendorSel.Options = names
	p.selecting = true
	if sel < 0 {
		sel = 0
	}
	if len(names) > 0 {
		p.VendorSel.SetSelectedIndex(sel)
	} else {
		p.VendorSel.ClearSelected()
	}
	p.selecting = false
	p.showBreakdown()
	p.showCoverage(c, r.Scenario)
	p.showNotes(c)
	p.Schedule.SetText(ScheduleText(l, c))
	p.showPricesChanged(c, r.SavedEditions)
}

// ScheduleText is what to buy, when, for every vendor compared: one line
// per purchase in date order ("2027-01-01 购买 10 坐席：人工坐席（3 年期），
// 46,566.00 元，有效至 2029-12-31"; "2027-01-01: buy Human seat (3-year
// term) × 10 seat, 46,566.00 元, until 2029-12-31"), why under it, and what
// is paid after the horizon for use within it.
func ScheduleText(l kit.Lang, c *pricing.Comparison) string {
	var b strings.Builder
	for _, r := range c.Vendors {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(kit.NameIn(l, r.Name, r.NameEN) + "\n")
		for _, pu := range r.Schedule {
			amount := l.T("schedule.unpriced")
			if pu.Amount != nil {
				amount = l.T("schedule.amount", wording.Money(*pu.Amount))
			}
			qty := wording.Quantity(pu.Quantity) + " " + wording.UnitText(string(l), pu.Unit)
			label, why := pu.Label, pu.WhyZH
			if l.EN() {
				label, why = pu.LabelEN, pu.Why
			}
			if pu.Until.IsZero() {
				b.WriteString(l.T("schedule.buy", pu.Date.String(), label, qty, amount))
			} else {
				b.WriteString(l.T("schedule.buy_until", pu.Date.String(), label, qty, amount, pu.Until.String()))
			}
			b.WriteString("\n")
			if why != "" {
				b.WriteString("    " + why + "\n")
			}
		}
		if len(r.Schedule) == 0 {
			b.WriteString(l.T("schedule.nothing") + "\n")
		}
		if !r.AfterHorizon.IsZero() {
			b.WriteString(l.T("schedule.after", wording.Money(r.AfterHorizon)) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// showAnswer says the cheapest way to cover everything (or why there is
// none) and the next ways with their difference to it.
func (p *Panel) showAnswer(c *pricing.Comparison) {
	l := string(p.lang)
	p.Answer.SetText(wording.Answer(l, c))
	if c.BestCombination() == nil {
		p.Answer.Importance = widget.WarningImportance
	} else {
		p.Answer.Importance = widget.SuccessImportance
	}
	p.Answer.Show()
	p.Answer.Refresh()
	var runners []string
	if best := c.BestCombination(); best != nil {
		for i := 1; i < len(c.Combinations) && i <= 3; i++ {
			cb := &c.Combinations[i]
			runners = append(runners, p.lang.T("results.runner", wording.CombinationText(l, cb), wording.Money(cb.Total), wording.Gap(l, cb.Total, best.Total)))
		}
	}
	if n := len(c.PartlyPriced); n > 0 {
		runners = append(runners, p.lang.T("results.partly", n))
	}
	setShown(p.Runners, strings.Join(runners, "\n"))
}

// Sorted is the order the cards are in: vendors whose totals compete
// (cover everything, priced) by total, then those covering everything
// with prices missing, then those covering a part, then those serving
// none; display order within each.
func Sorted(c *pricing.Comparison) []*pricing.Result {
	out := append([]*pricing.Result(nil), c.Vendors...)
	class := func(r *pricing.Result) int {
		switch k := wording.RankOf(c, r); {
		case k.Ranked():
			return 0
		case k == wording.RankUnpriced:
			return 1
		case k == wording.RankPartial:
			return 2
		}
		return 3
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := class(out[i]), class(out[j])
		if ci != cj {
			return ci < cj
		}
		return ci == 0 && out[i].Total.LessThan(out[j].Total)
	})
	return out
}

// showCards updates the vendor cards in place: the same widgets for every
// edit (nothing is created per keystroke), shown for the vendors compared,
// sorted (Sorted).
func (p *Panel) showCards(c *pricing.Comparison) {
	l := p.lang
	var objs []fyne.CanvasObject
	p.Order = nil
	for _, r := range Sorted(c) {
		p.Order = append(p.Order, r.Vendor)
		v := p.CardViews[r.Vendor]
		if v == nil {
			v = NewCardView()
			p.CardViews[r.Vendor] = v
		}
		v.Show(p.lang, p.cat, c, r)
		p.Totals[r.Vendor] = v.Total
		objs = append(objs, v.card)
	}
	if len(objs) == 0 {
		if p.noneLabel == nil {
			p.noneLabel = widget.NewLabel(l.T("results.none"))
		}
		objs = append(objs, p.noneLabel)
	}
	if !sameObjects(p.Cards.Objects, objs) {
		p.Cards.Objects = objs
		// Cards new to the container take its theme (compactTheme's
		// padding) only when the override is refreshed, and their
		// texts keep the colours they were drawn in until they are
		// drawn again (a new card's greyed total stayed #E3E3E3 when
		// the grey was compactTheme's).
		p.cardsTheme.Refresh()
		for _, id := range p.Order {
			p.CardViews[id].restyle()
		}
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

// CardView is one vendor's summary card.
type CardView struct {
	card *widget.Card
	// Total is the amount, never broken; the texts around it are Paras
	// (Chinese breaks between characters, not only at spaces).
	Total           *widget.Label
	name, plan, Sub *kit.Para
	// Rank is the ranking word (★ 最便宜, 唯一全覆盖, 仅覆盖：机器人, 不适用);
	// Gap the difference to the cheapest way to cover everything.
	Rank, Gap                     *kit.Para
	UncoveredBadge, UnpricedBadge *kit.Para
	// Age is the prices' date; Check links to the vendor's page when they
	// are old at the start (or undated).
	Age   *kit.Para
	Check *widget.Hyperlink
}

// cardText is a wrapping caption-size text of a card.
func cardText() *kit.Para {
	p := kit.NewPara("")
	p.SizeName = theme.SizeNameCaptionText
	return p
}

// cardBadge is a bold wrapping text in the importance's colour.
func cardBadge(imp widget.Importance) *kit.Para {
	p := kit.NewPara("")
	p.Importance = imp
	p.TextStyle = fyne.TextStyle{Bold: true}
	return p
}

// NewCardView builds an empty card.
func NewCardView() *CardView {
	v := &CardView{
		name:           cardBadge(widget.MediumImportance),
		Total:          widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		plan:           cardText(),
		Sub:            cardText(),
		Rank:           cardBadge(widget.SuccessImportance),
		Gap:            cardText(),
		UncoveredBadge: cardBadge(widget.DangerImportance),
		UnpricedBadge:  cardBadge(widget.WarningImportance),
		Age:            cardText(),
		Check:          widget.NewHyperlink("", nil),
	}
	// Nothing on a card is cut off: its texts wrap (the cards scroll),
	// Chinese between characters (kit.Para), and an amount is never
	// shortened to "625,195…".
	v.Total.SizeName = theme.SizeNameSubHeadingText
	// The link is short and on its own line under the date: a wrapped
	// hyperlink does not tell the card its height, and its second line
	// was drawn over the next text on a narrow card.
	v.Check.Hide()
	v.card = widget.NewCard("", "", container.NewVBox(v.name, v.Total, v.Rank, v.Gap, v.plan, v.Sub, v.Age, v.Check, v.UncoveredBadge, v.UnpricedBadge))
	return v
}

// restyle draws the card's texts again in the theme they are under now.
func (v *CardView) restyle() {
	for _, lb := range []fyne.Widget{v.name, v.Total, v.plan, v.Sub, v.Rank, v.Gap, v.UncoveredBadge, v.UnpricedBadge, v.Age} {
		lb.Refresh()
	}
}

func setShown(lb interface {
	SetText(string)
	Show()
	Hide()
}, text string) {
	if text == "" {
		lb.Hide()
		return
	}
	kit.SetText(lb, text)
	lb.Show()
}

// Show fills the card with r, one vendor of comparison c.
func (v *CardView) Show(l kit.Lang, cat *pricing.Catalog, c *pricing.Comparison, r *pricing.Result) {
	kit.SetText(v.name, kit.NameIn(l, r.Name, r.NameEN))
	bound := wording.BoundOf(r)
	switch {
	case bound == wording.Unknown:
		kit.SetText(v.Total, l.T("money.unknown")) // the card's headline says why
	default:
		kit.SetText(v.Total, wording.Amount(string(l), r.Total, bound))
	}
	plan := r.PlanName
	if l.EN() {
		plan = planNameEN(cat, r)
	}
	if r.Auto && r.PastLimit == nil {
		plan = l.T("card.plan.auto", plan)
	}
	kit.SetText(v.plan, plan)
	// An incomplete total is a lower bound, and so is everything derived
	// from it: never shown as an exact amount.
	avg := r.Total.Div(decimal.NewFromInt(int64(max(1, c.Months)))).Round(2)
	sub := l.T("card.avg", wording.Amount(string(l), avg, bound))
	if len(r.Alternatives) > 0 {
		a := r.Alternatives[0]
		an := a.PlanName
		if l.EN() {
			if pl := cat.Vendor(r.Vendor).Plan(a.Plan); pl != nil && pl.NameEN != "" {
				an = pl.NameEN
			}
		}
		sub += " · " + l.T("card.runnerup", an, wording.Amount(string(l), a.Total, wording.PlanBound(r, a)))
	}
	if r.PresentValue != nil {
		sub += " · " + l.T("card.pv", wording.Amount(string(l), *r.PresentValue, bound))
	}
	switch bound {
	case wording.NotApplicable:
		sub = "" // no amount to average: the badge says what it does not cover
	case wording.NotComputed:
		sub = wording.Status(string(l), r) // why there is no amount, naming what to check
	}
	kit.SetText(v.Sub, sub)
	v.showAge(l, c, r)
	uncovered, unpriced := "", ""
	rank := wording.RankOf(c, r)
	// A partial total is not a competitor: greyed, and said to be partial.
	totalImp := widget.MediumImportance
	switch rank {
	case wording.RankPartial:
		// A partial total is not a competitor: greyed, under a rank word
		// that says what it covers ("仅覆盖：机器人").
		totalImp = widget.LowImportance
	case wording.RankNone, wording.RankPastLimit:
		totalImp = widget.LowImportance
	}
	if v.Total.Importance != totalImp {
		v.Total.Importance = totalImp
		v.Total.Refresh()
	}
	rankImp := widget.LowImportance
	switch rank {
	case wording.RankCheapest:
		rankImp = widget.SuccessImportance
	case wording.RankOnlyWhole, wording.RankWhole:
		rankImp = widget.HighImportance
	case wording.RankUnpriced:
		rankImp = widget.WarningImportance
	}
	if v.Rank.Importance != rankImp {
		v.Rank.Importance = rankImp
		v.Rank.Refresh()
	}
	wasRank := v.Rank.Text
	kit.SetText(v.Rank, wording.Badge(string(l), c, r))
	gap := ""
	if best := c.BestCombination(); best != nil && rank.Ranked() && rank != wording.RankCheapest {
		gap = l.T("card.gap", wording.Gap(string(l), r.Total, best.Total))
	}
	if !r.Covers {
		uncovered = wording.Sentence(wording.NotCovering(string(l), r.Uncovered))
	}
	if !r.Complete && r.PastLimit == nil { // not computed is not "incomplete": nothing is priced
		unpriced = wording.Sentence(wording.Incomplete(string(l), len(r.Unpriced)))
	}
	was := [3]bool{v.Gap.Visible(), v.UncoveredBadge.Visible(), v.UnpricedBadge.Visible()}
	setShown(v.Gap, gap)
	setShown(v.UncoveredBadge, uncovered)
	setShown(v.UnpricedBadge, unpriced)
	if was != [3]bool{v.Gap.Visible(), v.UncoveredBadge.Visible(), v.UnpricedBadge.Visible()} || wasRank != v.Rank.Text {
		v.card.Refresh() // a badge came or went: lay the card out again
	}
}

// showAge says the prices' date beside the total they make, and links to
// the vendor's page to check current prices when they are older than 12
// months at the start, or undated.
func (v *CardView) showAge(l kit.Lang, c *pricing.Comparison, r *pricing.Result) {
	showAge(l, c, r, v.Age, v.Check)
}

// showAge puts r's price date into age and, when the prices are old or
// undated, the request to check them, linked to the vendor's page, into
// check (hidden otherwise): the cards and the breakdown word it alike. A
// nil r empties both.
func showAge(l kit.Lang, c *pricing.Comparison, r *pricing.Result, age interface{ SetText(string) }, check *widget.Hyperlink) {
	text, link := "", ""
	if r != nil && c != nil {
		for _, e := range r.EditionRefs {
			text = l.T("card.age", wording.EditionDate(string(l), e))
			if wording.AgeOf(e, c.Start).Stale {
				link = e.URL
			}
		}
	}
	// Lines priced from another document (Huawei's FAQ): its age too.
	if r != nil && c != nil {
		for _, e := range r.OtherSources {
			if link == "" && wording.AgeOf(e, c.Start).Stale {
				link = e.URL
			}
		}
	}
	age.SetText(text)
	if link == "" {
		check.Hide()
		return
	}
	// Old prices: under the date, the request as a link to the page.
	if u, err := url.Parse(link); err == nil {
		check.SetURL(u)
	}
	check.SetText(l.T("card.check_prices"))
	check.Show()
}

// compactTheme tightens the padding inside the vendor cards, so four
// cards fit above the charts at 1280×800. Everything else is the app's
// theme as it is now (the user may switch light and dark while the cards
// are on screen); th is the fallback without an app.
type compactTheme struct{ th fyne.Theme }

func (t compactTheme) current() fyne.Theme {
	if a := fyne.CurrentApp(); a != nil && a.Settings().Theme() != nil {
		return a.Settings().Theme()
	}
	return t.th
}

func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(n, v) // greyed words: the app theme's readable grey (window/theme.go)
}

func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInnerPadding:
		return 2
	case theme.SizeNamePadding:
		return 2
	}
	return t.current().Size(n)
}

func planNameEN(cat *pricing.Catalog, r *pricing.Result) string {
	if v := cat.Vendor(r.Vendor); v != nil {
		if pl := v.Plan(r.Plan); pl != nil && pl.NameEN != "" {
			return pl.NameEN
		}
	}
	return r.PlanName
}

// ChartView shows a live chart and asks for a redraw at its new size when
// the window is resized, so the chart is drawn at the pixels it fills
// instead of being scaled.
type ChartView struct {
	widget.BaseWidget
	img      *canvas.Image
	onResize func()
}

func newChartView(onResize func()) *ChartView {
	v := &ChartView{img: canvas.NewImageFromImage(nil), onResize: onResize}
	v.img.FillMode = canvas.ImageFillContain
	v.img.ScaleMode = canvas.ImageScaleSmooth
	v.img.SetMinSize(fyne.NewSize(320, 160))
	v.ExtendBaseWidget(v)
	return v
}

func (v *ChartView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.img) }

func (v *ChartView) Resize(s fyne.Size) {
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

// Image is the chart shown, nil when none is.
func (v *ChartView) Image() image.Image { return v.img.Image }

func (v *ChartView) set(img *image.RGBA) {
	v.img.Image = nil
	if img != nil { // a nil *RGBA in the interface would be drawn
		v.img.Image = img
	}
	v.img.Refresh()
}

// Selected is the vendor the breakdown shows.
func (p *Panel) Selected() *pricing.Result {
	c := p.cmp
	i := p.VendorSel.SelectedIndex()
	if c == nil || i < 0 || i >= len(c.Vendors) {
		return nil
	}
	return c.Vendors[i]
}

// showBreakdown shows the selected vendor's lines. The table is refreshed
// only while its tab is open (a refresh measures a new template cell, and
// most edits happen with the charts in view).
func (p *Panel) showBreakdown() {
	r := p.Selected()
	p.lines = nil
	if r != nil {
		p.lines = r.Lines
	}
	p.shownResult = r
	showAge(p.lang, p.cmp, r, p.PriceAge, p.CheckPrices)
	p.breakdownDirty = true
	if p.Tabs != nil && p.Tabs.Selected() == p.Tabs.Items[BreakdownTab] {
		p.refreshBreakdown()
	}
}

func (p *Panel) refreshBreakdown() {
	if !p.breakdownDirty {
		return
	}
	p.breakdownDirty = false
	p.Table.UnselectAll()
	// Another vendor's breakdown (or fewer lines) starts at its top. The
	// table keeps its own scroll offset, which its scroller clamps without
	// telling it when the content shrinks: the cells were then laid out
	// from the old offset and the top rows drawn blank.
	vendor := ""
	if r := p.Selected(); r != nil {
		vendor = r.Vendor
	}
	if vendor != p.tableVendor || p.rowCount() < p.tableRows {
		p.Table.ScrollToTop()
	}
	p.tableVendor, p.tableRows = vendor, p.rowCount()
	p.fitted = fitKey{}
	p.fitColumns(p.tableWidth)
	p.Table.Refresh()
	p.detail.SetText(p.lang.T("breakdown.select"))
}

// ScheduleTab is the index of the purchase schedule in the results tabs.
const ScheduleTab = 3

// ColumnWidth is the width of the breakdown's column i (tests).
func (p *Panel) ColumnWidth(i int) float32 { return p.colWidths[i] }

// BreakdownTab is the index of the breakdown in the results tabs.
const BreakdownTab = 2

func (p *Panel) tableSize() (int, int) { return p.rowCount(), len(breakdownCols) }

func (p *Panel) tableCell(id widget.TableCellID, o fyne.CanvasObject) {
	lb := o.(*widget.Label)
	if id.Row >= p.rowCount() {
		lb.SetText("")
		return
	}
	if style := p.rowStyle(id.Row); lb.TextStyle != style {
		lb.TextStyle = style // the cells are reused: the total's bold goes
	}
	// The item wraps onto as many lines as its row was made tall for
	// (fitColumns); the other columns are as wide as their longest text.
	if wrap := cellWrapping(id.Col); lb.Wrapping != wrap {
		lb.Wrapping = wrap
	}
	lb.SetText(p.cellText(id.Row, id.Col))
}

func (p *Panel) onLineSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(p.lines) {
		return
	}
	p.detail.SetText(lineExplanation(p.lang, p.Selected(), p.lines[id.Row]))
}

// LineExplanations are the explanations of the selected vendor's lines,
// in table order: what selecting each line shows below the table.
func (p *Panel) LineExplanations() []string {
	out := make([]string, len(p.lines))
	for i, ln := range p.lines {
		out[i] = lineExplanation(p.lang, p.Selected(), ln)
	}
	return out
}

// lineExplanation is everything known about one breakdown line, in the
// window's language only (sources by title and address, the note's half
// in it); r is the line's result (nil: the source by its title alone).
func lineExplanation(l kit.Lang, r *pricing.Result, ln *pricing.Line) string {
	lang := string(l)
	colon := "："
	if l.EN() {
		colon = ": "
	}
	var b strings.Builder
	b.WriteString(kit.NameIn(l, ln.Label, ln.LabelEN))
	b.WriteString("\n")
	if formula := wording.FormulaInWindow(lang, ln); formula != "" {
		b.WriteString(l.T("breakdown.formula") + colon + formula + "\n")
	}
	if ln.Amount == nil {
		fmt.Fprintf(&b, "%s\n", l.T("breakdown.unpriced"))
	}
	if ln.Source != "" {
		src, url := wording.SourceTitle(lang, ln.Source), ""
		if r != nil {
			src, url = wording.SourceOf(lang, r, ln)
		}
		b.WriteString(l.T("breakdown.source") + colon + src)
		if d := wording.SourceDate(lang, ln.SourceDate); d != "" {
			if l.EN() {
				fmt.Fprintf(&b, " (%s)", d)
			} else {
				fmt.Fprintf(&b, "（%s）", d)
			}
		}
		if url != "" {
			b.WriteString(" " + url) // last, alone: an address to copy
		}
		b.WriteString("\n")
	}
	if ln.Overridden {
		fmt.Fprintf(&b, "%s\n", l.T("breakdown.overridden"))
	}
	if ln.Assumption || ln.Note != "" {
		b.WriteString("※ " + l.T("breakdown.assumption") + colon + wording.NoteIn(lang, ln.Note) + "\n")
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

func (p *Panel) showCoverage(c *pricing.Comparison, s *scenarios.Scenario) {
	l := p.lang
	// The matrix changes only when the requirements used, the vendors or
	// their coverage change: not on most keystrokes.
	var key strings.Builder
	for _, f := range coverageFields(s) {
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
		lb.Wrapping = fyne.TextWrapWord // a vendor's name in full ("Chatopera 机…" was cut)
		return lb
	}
	grid.Add(header(l.T("coverage.requirement")))
	for _, r := range c.Vendors {
		grid.Add(header(kit.NameIn(l, r.Name, r.NameEN)))
	}
	fields := coverageFields(s)
	for _, f := range fields {
		grid.Add(widget.NewLabel(l.FieldName(f)))
		for _, r := range c.Vendors {
			if kit.IndexOf(r.Uncovered, f) >= 0 {
				grid.Add(kit.Badge("✗ "+l.T("coverage.no"), widget.DangerImportance))
			} else {
				grid.Add(kit.Badge("✓ "+l.T("coverage.yes"), widget.SuccessImportance))
			}
		}
	}
	p.coverage.Add(grid)
	if len(fields) == 0 {
		p.coverage.Add(widget.NewLabel(l.T("coverage.none")))
	}
	p.coverage.Add(layout.NewSpacer())
}

func (p *Panel) showNotes(c *pricing.Comparison) {
	l := p.lang
	var b strings.Builder
	note := func(n pricing.Note) string {
		if l.EN() && n.EN != "" {
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
		fmt.Fprintf(&b, "\n%s\n", kit.NameIn(l, r.Name, r.NameEN))
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "  ※ %s\n", note(n))
		}
		hints := r.HintsZH
		if l.EN() || len(hints) != len(r.Hints) {
			hints = r.Hints
		}
		for _, h := range hints {
			fmt.Fprintf(&b, "  → %s\n", h)
		}
	}
	kit.SetText(p.notes, strings.TrimSpace(b.String()))
}

// showPricesChanged says so when a saved scenario was computed with other
// price editions than the ones in force now.
func (p *Panel) showPricesChanged(c *pricing.Comparison, saved map[string]string) {
	if len(saved) == 0 {
		p.pricesBar.Hide()
		return
	}
	diff := app.EditionsDiff(saved, app.EditionsOf(c))
	if diff == "" {
		p.pricesBar.Hide()
		return
	}
	kit.SetText(p.pricesBar, p.lang.T("results.prices_changed", diff))
	p.pricesBar.Show()
}
