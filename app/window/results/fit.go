package results

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
	"kefucost/app/wording"
	"kefucost/pricing"
)

// The breakdown fits the pane it is in. At 1280 px the pane is about 450
// px wide, and fixed columns (540 px) put the unit price past its right
// edge and cut every item's name with "…". Now the amount is as wide as
// the widest amount (never cut, never wrapped); the quantity and unit
// price are as wide as their texts when the pane has room, else as their
// longest word, wrapping at spaces ("3337636.94 minute" on two lines);
// the item takes the rest and wraps, its flags (※ ✎) after its name. Each
// row is as tall as its tallest cell, the header as its tallest title.

// minItemWidth is the item column's least width: below it the table
// scrolls sideways rather than wrap a name one character a line.
const minItemWidth = 120

// breakdownCols are the breakdown's column titles.
var breakdownCols = []string{"breakdown.item", "breakdown.amount", "breakdown.quantity", "breakdown.unit_price"}

// fitLayout lays the table out at the size it is given and fits the
// columns to that width.
type fitLayout struct{ p *Panel }

func (f fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.p.fitColumns(size.Width)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// cellWrapping: the amount never wraps; the others wrap at spaces.
func cellWrapping(col int) fyne.TextWrap {
	if col == 1 {
		return fyne.TextWrapOff
	}
	return fyne.TextWrapWord
}

// cellText is what cell (row, col) shows.
func (p *Panel) cellText(row, col int) string {
	ln := p.lines[row]
	l := p.lang
	switch col {
	case 0:
		name := kit.NameIn(l, ln.Label, ln.LabelEN)
		if ln.Assumption {
			name += " ※"
		}
		if ln.Overridden {
			name += " ✎"
		}
		return name
	case 1:
		if ln.Amount == nil {
			return l.T("unpriced")
		}
		return wording.Money(*ln.Amount)
	case 2:
		return wording.Quantity(ln.Quantity) + " " + l.UnitText(ln.Unit)
	case 3:
		if ln.UnitPrice == nil {
			return l.T("unpriced")
		}
		return wording.Price(*ln.UnitPrice)
	}
	return ""
}

// fitKey is what the columns were last fitted for.
type fitKey struct {
	width float32
	first *pricing.Line
	n     int
}

// fitColumns sets the column widths for a table width, and each row's
// and the header's height for their wrapped texts.
func (p *Panel) fitColumns(width float32) {
	if width <= 0 {
		return
	}
	var first *pricing.Line
	if len(p.lines) > 0 {
		first = p.lines[0]
	}
	key := fitKey{width, first, len(p.lines)}
	if key == p.fitted {
		return
	}
	p.fitted = key
	p.tableWidth = width
	th := theme.Current()
	size := th.Size(theme.SizeNameText)
	pad := 2*th.Size(theme.SizeNameInnerPadding) + 2
	sep := th.Size(theme.SizeNameSeparatorThickness)
	bold := fyne.TextStyle{Bold: true}
	// widest is the width of the widest text (or, words, of its widest
	// word) of column c, title included.
	widest := func(c int, words bool) float32 {
		texts := []string{p.lang.T(breakdownCols[c])}
		for r := range p.lines {
			texts = append(texts, p.cellText(r, c))
		}
		w := float32(0)
		for i, t := range texts {
			style := fyne.TextStyle{}
			if i == 0 {
				style = bold
			}
			parts := []string{t}
			if words && cellWrapping(c) == fyne.TextWrapWord {
				parts = strings.Fields(t)
			}
			for _, part := range parts {
				w = max(w, fyne.MeasureText(part, size, style).Width)
			}
		}
		return w + pad
	}
	avail := width - th.Size(theme.SizeNameScrollBarSmall) - 2 - float32(len(breakdownCols)-1)*sep
	widths := make([]float32, len(breakdownCols))
	for _, words := range []bool{false, true} {
		rest := avail
		for c := 1; c < len(widths); c++ {
			widths[c] = widest(c, words)
			rest -= widths[c]
		}
		widths[0] = max(rest, minItemWidth, widest(0, true))
		if rest >= minItemWidth {
			break // room enough without wrapping the numbers' columns
		}
	}
	for c, w := range widths {
		if p.colWidths[c] != w {
			p.colWidths[c] = w
			p.Table.SetColumnWidth(c, w)
		}
	}
	// wrapped is the height of text wrapped in column c.
	wrapped := func(text string, c int, style fyne.TextStyle) float32 {
		p.measure.TextStyle = style
		p.measure.Wrapping = cellWrapping(c)
		p.measure.SetText(text)
		p.measure.Resize(fyne.NewSize(widths[c], 1))
		return p.measure.MinSize().Height
	}
	head := float32(0)
	for c, k := range breakdownCols {
		head = max(head, wrapped(p.lang.T(k), c, bold))
	}
	if head != p.headHeight {
		p.headHeight = head
		p.Table.SetRowHeight(-1, head)
	}
	heights := make([]float32, len(p.lines))
	for r := range p.lines {
		for c := range breakdownCols {
			heights[r] = max(heights[r], wrapped(p.cellText(r, c), c, fyne.TextStyle{}))
		}
	}
	for r, h := range heights {
		if r >= len(p.rowHeights) || p.rowHeights[r] != h {
			p.Table.SetRowHeight(r, h)
		}
	}
	p.rowHeights = heights
}

// newHeader is a column title; it wraps at spaces in a narrow column.
func newHeader() fyne.CanvasObject {
	lb := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lb.Wrapping = fyne.TextWrapWord
	return lb
}

// RowHeight is the height of the breakdown's row i (tests).
func (p *Panel) RowHeight(i int) float32 { return p.rowHeights[i] }

// HeaderHeight is the height of the breakdown's titles (tests).
func (p *Panel) HeaderHeight() float32 { return p.headHeight }
