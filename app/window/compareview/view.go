// Package compareview shows two priced scenarios side by side (package
// diff): two saved scenarios, or a revision and the scenario being
// edited. A is the base, B the other; every difference is B − A.
package compareview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	Inputs []*kit.Para
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
			widget.NewLabel(diff.VendorName(lang, vd)),
			amount(lang, vd.A), amount(lang, vd.B),
		}
		dl, pl := changeLabels(lang, vd.Change, vd.NoChange)
		row = append(row, dl, pl)
		v.Totals = append(v.Totals, row)
		add(totals, row)
	}
	best := []*widget.Label{widget.NewLabel(l.T("compare.best")), right(diff.BestTotalText(lang, d.BestA)), right(diff.BestTotalText(lang, d.BestB))}
	dl, pl := changeLabels(lang, d.BestChange, diff.Off)
	best = append(best, dl, pl)
	best[0].TextStyle.Bold = true
	v.Totals = append(v.Totals, best)
	add(totals, best)
	ways := container.NewVBox(
		wrappedSmall(l.T("compare.way", l.T("compare.side.a"), diff.WayText(lang, d.A, d.BestA))),
		wrappedSmall(l.T("compare.way", l.T("compare.side.b"), diff.WayText(lang, d.B, d.BestB))),
	)

	lines := container.NewVBox()
	for _, vd := range d.Vendors {
		if len(vd.Lines) == 0 {
			continue
		}
		lines.Add(widget.NewLabelWithStyle(diff.VendorName(lang, vd), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		g := container.NewGridWithColumns(4, heads(l, "compare.col.line", "compare.col.a", "compare.col.b", "compare.col.diff")...)
		for _, ld := range vd.Lines {
			name := widget.NewLabel(diff.LineName(lang, ld))
			name.Wrapping = fyne.TextWrapWord
			row := []*widget.Label{name, right(diff.LineText(lang, ld.A)), right(diff.LineText(lang, ld.B)), right(diff.LineChangeText(lang, ld.Change))}
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

func wrapped(s string) *kit.Para {
	return kit.NewPara(s) // Chinese breaks between characters
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

func wrappedSmall(s string) *kit.Para {
	lb := kit.NewPara(s) // a reason may be long: wrap it
	lb.SizeName = theme.SizeNameCaptionText
	return lb
}

func right(s string) *widget.Label {
	lb := widget.NewLabel(s)
	lb.Alignment = fyne.TextAlignTrailing
	return lb
}

// amount is a vendor's total as the results show it ("至少 …" when items
// lack prices); "not compared" when the vendor is switched off there.
func amount(lang string, r *pricing.Result) *widget.Label { return right(diff.TotalText(lang, r)) }

// changeLabels are the difference and its share, or why there is none
// (diff.ChangeText).
func changeLabels(lang string, c *diff.Change, why diff.Why) (*widget.Label, *widget.Label) {
	d, p := diff.ChangeText(lang, c, why)
	return right(d), right(p)
}

// Title is the dialog's title.
func Title(l kit.Lang, nameA, nameB string) string {
	return l.T("compare.title", nameA, nameB)
}
