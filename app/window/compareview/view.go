// Package compareview shows two priced scenarios side by side (package
// diff): two saved scenarios, or a revision and the scenario being
// edited. A is the base, B the other; every difference is B − A.
package compareview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/diff"
	"kefucost/app/window/kit"
	"kefucost/app/wording"
	"kefucost/pricing"
)

// View is the comparison's content; its parts are exported for tests.
type View struct {
	Content fyne.CanvasObject
	// Totals are the rows of the totals table, a row a vendor then the
	// cheapest way to cover everything, each vendor, A, B, difference, %.
	Totals [][]*widget.Label
	// Lines are, per vendor id, the rows of the lines that differ: line,
	// A, B, difference.
	Lines map[string][][]*widget.Label
	// Inputs are the inputs that differ, one label each.
	Inputs []*widget.Label
}

// New lays out d in language l; nameA and nameB say what A and B are
// ("方案甲 第 3 版", "当前编辑的方案").
func New(l kit.Lang, d *diff.Diff, nameA, nameB string) *View {
	lang := string(l)
	v := &View{Lines: map[string][][]*widget.Label{}}
	head := container.NewVBox(
		wrapped(l.T("compare.a", nameA)),
		wrapped(l.T("compare.b", nameB)),
		kit.Small(l.T("compare.how")),
		kit.Small(wording.VATWords(lang, d.B)),
	)

	totals := container.NewGridWithColumns(5, heads(l, "compare.col.vendor", "compare.col.a", "compare.col.b", "compare.col.diff", "compare.col.pct")...)
	for _, vd := range d.Vendors {
		row := []*widget.Label{
			widget.NewLabel(vendorName(lang, vd)),
			amount(lang, vd.A), amount(lang, vd.B),
		}
		dl, pl := changeLabels(l, vd.Change, vd.NoChange)
		row = append(row, dl, pl)
		v.Totals = append(v.Totals, row)
		add(totals, row)
	}
	best := []*widget.Label{widget.NewLabel(l.T("compare.best")), bestLabel(lang, l, d.BestA), bestLabel(lang, l, d.BestB)}
	dl, pl := changeLabels(l, d.BestChange, diff.Off)
	best = append(best, dl, pl)
	best[0].TextStyle.Bold = true
	v.Totals = append(v.Totals, best)
	add(totals, best)
	ways := container.NewVBox(
		kit.Small(l.T("compare.way", l.T("compare.side.a"), combination(lang, l, d.BestA))),
		kit.Small(l.T("compare.way", l.T("compare.side.b"), combination(lang, l, d.BestB))),
	)

	lines := container.NewVBox()
	for _, vd := range d.Vendors {
		if len(vd.Lines) == 0 {
			continue
		}
		lines.Add(widget.NewLabelWithStyle(vendorName(lang, vd), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		g := container.NewGridWithColumns(4, heads(l, "compare.col.line", "compare.col.a", "compare.col.b", "compare.col.diff")...)
		for _, ld := range vd.Lines {
			name := widget.NewLabel(kit.NameIn(l, ld.Label, ld.LabelEN))
			name.Wrapping = fyne.TextWrapWord
			c := widget.NewLabel(l.T("compare.unknown"))
			if ld.Change != nil {
				c.SetText(signed(*ld.Change))
			}
			c.Alignment = fyne.TextAlignTrailing
			row := []*widget.Label{name, lineAmount(l, ld.A), lineAmount(l, ld.B), c}
			v.Lines[vd.ID] = append(v.Lines[vd.ID], row)
			add(g, row)
		}
		lines.Add(g)
	}
	if len(lines.Objects) == 0 {
		lines.Add(widget.NewLabel(l.T("compare.lines.none")))
	}

	inputs := container.NewVBox()
	for _, in := range d.Inputs {
		lb := wrapped(l.Summary(in))
		v.Inputs = append(v.Inputs, lb)
		inputs.Add(lb)
	}
	if len(d.Inputs) == 0 {
		inputs.Add(widget.NewLabel(l.T("compare.inputs.none")))
	}

	v.Content = container.NewVScroll(container.NewVBox(
		head,
		section(l.T("compare.totals")), totals, ways,
		section(l.T("compare.lines")), lines,
		section(l.T("compare.inputs")), inputs,
	))
	return v
}

func wrapped(s string) *widget.Label {
	lb := widget.NewLabel(s)
	lb.Wrapping = fyne.TextWrapWord
	return lb
}

func section(title string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

func heads(l kit.Lang, keys ...string) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(keys))
	for i, k := range keys {
		lb := widget.NewLabelWithStyle(l.T(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if i > 0 {
			lb.Alignment = fyne.TextAlignTrailing
		}
		out[i] = lb
	}
	return out
}

func add(g *fyne.Container, row []*widget.Label) {
	for _, lb := range row {
		g.Add(lb)
	}
}

func vendorName(lang string, vd diff.Vendor) string {
	if vd.A != nil {
		return wording.VendorName(vd.A, lang)
	}
	if vd.B != nil {
		return wording.VendorName(vd.B, lang)
	}
	return wording.VendorNameByID(lang, vd.ID)
}

// amount is a vendor's total as the results show it ("至少 …" when items
// lack prices); "not compared" when the vendor is switched off there.
func amount(lang string, r *pricing.Result) *widget.Label {
	s := wording.Text(lang, "compare.off")
	if r != nil {
		s = wording.Figure(lang, r.Total, wording.BoundOf(r))
	}
	lb := widget.NewLabel(s)
	lb.Alignment = fyne.TextAlignTrailing
	return lb
}

func bestLabel(lang string, l kit.Lang, cb *pricing.Combination) *widget.Label {
	s := l.T("compare.best.none")
	if cb != nil {
		s = wording.Money(cb.Total)
	}
	lb := widget.NewLabel(s)
	lb.Alignment = fyne.TextAlignTrailing
	return lb
}

func combination(lang string, l kit.Lang, cb *pricing.Combination) string {
	if cb == nil {
		return l.T("compare.best.none")
	}
	return wording.CombinationText(lang, cb)
}

// changeLabels are the difference and its share; when there is none,
// why: a total that lacks prices (a partial total is never set against
// another), a vendor serving none of the needs on a side (no price, not
// 0); a vendor off on a side has none, said in its total.
func changeLabels(l kit.Lang, c *diff.Change, why diff.Why) (*widget.Label, *widget.Label) {
	d, p := widget.NewLabel("—"), widget.NewLabel("—")
	d.Alignment, p.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
	switch {
	case c != nil:
		d.SetText(signed(c.Amount))
		if c.Percent != nil {
			p.SetText(signedPct(*c.Percent))
		}
	case why == diff.Unpriced:
		d.SetText(l.T("compare.partial"))
	case why == diff.ServesNone:
		d.SetText(l.T("compare.na"))
	}
	return d, p
}

func lineAmount(l kit.Lang, ln *pricing.Line) *widget.Label {
	s := l.T("compare.absent")
	switch {
	case ln != nil && ln.Amount == nil:
		s = l.T("unpriced")
	case ln != nil:
		s = wording.Money(*ln.Amount)
	}
	lb := widget.NewLabel(s)
	lb.Alignment = fyne.TextAlignTrailing
	return lb
}

// signed writes a difference with its sign: "+1,234.00", "-56.00", "0.00".
func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + wording.Money(d)
	}
	return wording.Money(d)
}

func signedPct(p decimal.Decimal) string {
	s := p.StringFixed(1) + "%"
	if p.IsPositive() {
		return "+" + s
	}
	return s
}

// Title is the dialog's title.
func Title(l kit.Lang, nameA, nameB string) string {
	return l.T("compare.title", nameA, nameB)
}
