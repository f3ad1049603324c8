package results

import (
	"strings"
	"unicode"

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

// breakdownCols are the breakdown's column titles. A line adds up on
// sight, left to right: quantity × unit price (as published, or the
// buyer's quote) × discounts = amount; the effective unit price is the
// amount ÷ the quantity (issue 11 point 4). A line billed by the vendor's
// rule (per day, per bill, by tier, prorated) says so where the
// discounts are; selecting it shows the rule.
var breakdownCols = []string{"breakdown.item", "breakdown.quantity", "breakdown.unit_price", "breakdown.factors", "breakdown.effective", "breakdown.amount"}

// The breakdown's columns by what they hold.
const (
	colItem = iota
	colQuantity
	colPrice
	colFactors
	colEffective
	colAmount
)

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
	if col == colAmount {
		return fyne.TextWrapOff
	}
	return fyne.TextWrapWord
}

// Columns are the breakdown's column titles (translation keys), in order
// (tests).
func Columns() []string { return append([]string(nil), breakdownCols...) }

// AmountColumn is the index of the amount column, the one never wrapped.
const AmountColumn = colAmount

// Rows is the number of the breakdown's rows, the total included (tests).
func (p *Panel) Rows() int { return p.rowCount() }

// CellText is what the breakdown's cell (row, col) shows (tests).
func (p *Panel) CellText(row, col int) string { return p.cellText(row, col) }

// RowStyle is the style of the breakdown's row (tests).
func (p *Panel) RowStyle(row int) fyne.TextStyle { return p.rowStyle(row) }

// rowCount is the number of rows: the lines, then the total row when a
// vendor is shown.
func (p *Panel) rowCount() int {
	if p.shownResult == nil {
		return len(p.lines)
	}
	return len(p.lines) + 1
}

// isTotalRow: row is the total under the lines.
func (p *Panel) isTotalRow(row int) bool { return p.shownResult != nil && row == len(p.lines) }

// rowStyle is the style of row's texts: the total is bold.
func (p *Panel) rowStyle(row int) fyne.TextStyle {
	return fyne.TextStyle{Bold: p.isTotalRow(row)}
}

// cellText is what cell (row, col) shows.
func (p *Panel) cellText(row, col int) string {
	l := p.lang
	if p.isTotalRow(row) {
		// The vendor's total, worded as the cards word it: a total
		// leaving out unpriced items is "at least", or unknown.
		r := p.shownResult
		switch col {
		case colItem:
			return l.T("breakdown.total")
		case colAmount:
			return wording.Figure(string(l), r.Total, wording.BoundOf(r))
		}
		return ""
	}
	ln := p.lines[row]
	switch col {
	case colItem:
		name := kit.NameIn(l, ln.Label, ln.LabelEN)
		if ln.Assumption {
			name += " ※"
		}
		if ln.Overridden {
			name += " ✎"
		}
		return name
	case colQuantity:
		// A quantity shown rounded (19.764966… as 19.76) does not
		// multiply out to the fen: it says it is rounded.
		return wording.ShownQuantity(ln.Quantity) + " " + l.UnitText(ln.Unit)
	case colPrice:
		if price := wording.LinePrice(ln); price != nil {
			return wording.Price(*price)
		}
		return l.T("unpriced")
	case colFactors:
		f := wording.LineFactors(ln)
		if ln.Amount != nil && !ln.Product {
			// Not quantity × price × discounts: the vendor's rule.
			if f != "" {
				f += l.T("breakdown.factors_sep")
			}
			f += l.T("breakdown.by_rule")
		}
		return f
	case colEffective:
		if e := ln.EffectiveUnitPrice(); e != nil {
			return wording.Price(*e)
		}
		return ""
	case colAmount:
		if ln.Amount == nil {
			return l.T("unpriced")
		}
		return wording.Money(*ln.Amount)
	}
	return ""
}

// WrapUnits are the pieces a line break may fall between in an item's
// name: words at spaces, and in Chinese between any two characters
// ("人工坐席（3 年期）" wraps as Chinese text does, not only at the space);
// a run of Latin letters and digits stays whole ("10,000"). An item
// column as narrow as its widest unit shows every name whole, on more
// lines.
func WrapUnits(text string) []string {
	var out []string
	for _, word := range strings.Fields(text) {
		run := ""
		for _, r := range word {
			if unicode.Is(unicode.Han, r) || isCJKPunct(r) {
				if run != "" {
					out = append(out, run)
					run = ""
				}
				out = append(out, string(r))
				continue
			}
			run += string(r)
		}
		if run != "" {
			out = append(out, run)
		}
	}
	return out
}

// isCJKPunct: full-width punctuation (（）、，：) sits with the characters.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// fitKey is what the columns were last fitted for.
type fitKey struct {
	width float32
	first *pricing.Line
	n     int
	total *pricing.Result
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
	key := fitKey{width, first, len(p.lines), p.shownResult}
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
		styles := []fyne.TextStyle{bold}
		for r := range p.rowCount() {
			texts = append(texts, p.cellText(r, c))
			styles = append(styles, p.rowStyle(r))
		}
		w := float32(0)
		for i, t := range texts {
			style := styles[i]
			parts := []string{t}
			if words && cellWrapping(c) == fyne.TextWrapWord {
				parts = strings.Fields(t)
				if c == colItem {
					parts = WrapUnits(t)
				}
			}
			for _, part := range parts {
				w = max(w, fyne.MeasureText(part, size, style).Width)
			}
		}
		return w + pad
	}
	// The last column, the amount, keeps clear of the vertical scroll bar
	// as it widens under the pointer.
	avail := width - th.Size(theme.SizeNameScrollBar) - 2 - float32(len(breakdownCols)-1)*sep
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
	heights := make([]float32, p.rowCount())
	for r := range heights {
		for c := range breakdownCols {
			heights[r] = max(heights[r], wrapped(p.cellText(r, c), c, p.rowStyle(r)))
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
