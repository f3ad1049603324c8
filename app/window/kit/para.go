package kit

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Para is a wrapping label that breaks Chinese the way Chinese is set:
// between any two Chinese characters, never before a closing mark (，。）)
// or after an opening one (（), and never inside a number or a Latin
// word (37,252.80, Chatopera). Fyne's TextWrapWord breaks only at spaces
// (widget/richtext.go lineBounds): a Chinese sentence with a space in it
// ("期间从这一天 0:00（北京时间）开始") broke at that space and left the
// rest of the line empty, and without one it broke wherever the width
// ran out, numbers included. Para lays its text out for its width itself
// (BreakLines) and shows it in a Label whose lines then fit; Text stays
// the text as given. Text without Chinese is Fyne's to wrap, unchanged.
type Para struct {
	widget.Label
}

// NewPara is a Para wrapping at words (and Chinese characters).
func NewPara(text string) *Para {
	p := &Para{}
	p.Text = text
	p.Wrapping = fyne.TextWrapWord
	p.ExtendBaseWidget(p)
	return p
}

// SetText sets the text and lays it out again.
func (p *Para) SetText(text string) {
	p.Text = text
	p.Refresh()
}

// Refresh lays the text out again (Label's own Refresh would not: the
// embedded Label draws nothing of its own).
func (p *Para) Refresh() { p.BaseWidget.Refresh() }

// MinSize is the shown label's.
func (p *Para) MinSize() fyne.Size {
	p.ExtendBaseWidget(p)
	return p.BaseWidget.MinSize()
}

// CreateRenderer shows the text in a Label, broken into lines for the
// Para's width.
func (p *Para) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	r := &paraRenderer{p: p, shown: widget.NewLabel("")}
	r.sync(p.Size())
	return r
}

type paraRenderer struct {
	p     *Para
	shown *widget.Label
}

func (r *paraRenderer) Layout(size fyne.Size) {
	r.sync(size)
	r.shown.Refresh()
	r.shown.Resize(size)
}

func (r *paraRenderer) MinSize() fyne.Size           { return r.shown.MinSize() }
func (r *paraRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.shown} }
func (r *paraRenderer) Destroy()                     {}

func (r *paraRenderer) Refresh() {
	r.sync(r.p.Size())
	r.shown.Refresh()
}

// sync copies the Para's settings to the shown label, with the text
// broken into lines for width size.Width.
func (r *paraRenderer) sync(size fyne.Size) {
	p, s := r.p, r.shown
	s.Importance, s.TextStyle, s.Alignment, s.SizeName = p.Importance, p.TextStyle, p.Alignment, p.SizeName
	s.Wrapping, s.Truncation = p.Wrapping, p.Truncation
	s.Text = p.Text
	if p.Wrapping == fyne.TextWrapOff || size.Width <= 0 || !hasWide(p.Text) {
		return
	}
	th := p.Theme()
	name := p.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	textSize, style := th.Size(name), p.TextStyle
	width := size.Width - 2*th.Size(theme.SizeNameInnerPadding)
	s.Text = BreakLines(p.Text, width, func(t string) float32 { return fyne.MeasureText(t, textSize, style).Width })
}

// BreakLines breaks text into lines no wider than width (as measure
// measures), at spaces and between Chinese characters (breakBetween);
// a part wider than width alone keeps a line of its own. Existing line
// breaks stay.
func BreakLines(text string, width float32, measure func(string) float32) string {
	paras := strings.Split(text, "\n")
	for i, para := range paras {
		paras[i] = breakPara(para, width, measure)
	}
	return strings.Join(paras, "\n")
}

// part is a piece of text no line break may fall in, with the spaces
// before it.
type part struct{ space, text string }

func breakPara(para string, width float32, measure func(string) float32) string {
	var parts []part
	var cur, space strings.Builder
	var prev rune
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		text := cur.String()
		// A number keeps its unit: "1,814,102.76 元", "8 人".
		if n := len(parts); n > 0 && space.Len() > 0 && endsInDigit(parts[n-1].text) && startsWide(text) {
			parts[n-1].text += space.String() + text
		} else {
			parts = append(parts, part{space.String(), text})
		}
		cur.Reset()
		space.Reset()
	}
	for _, r := range para {
		if unicode.IsSpace(r) {
			flush()
			space.WriteRune(r)
			prev = 0
			continue
		}
		if cur.Len() > 0 && breakBetween(prev, r) {
			flush()
		}
		cur.WriteRune(r)
		prev = r
	}
	flush()
	trailing := space.String()

	// Each line is measured whole, as the label draws it (a sum of its
	// parts' widths is not its width in every font).
	var lines []string
	line := ""
	for i, pt := range parts {
		switch {
		case i == 0:
			line = pt.space + pt.text
		case measure(line+pt.space+pt.text) > width:
			lines = append(lines, line)
			line = pt.text
		default:
			line += pt.space + pt.text
		}
	}
	var b strings.Builder
	b.WriteString(strings.Join(append(lines, line), "\n"))
	b.WriteString(trailing)
	return b.String()
}

// noBreakBefore are marks a line may not start with; noBreakAfter marks
// a line may not end with.
const (
	noBreakBefore = "，。、；：！？）」』】》〉〕…·%％,.;:!?)]}”’"
	noBreakAfter  = "（「『【《〈〔“‘([{"
)

// breakBetween reports whether a line may break between a and b with no
// space between them: between two Chinese characters, after a Chinese
// mark that ends something (：，）) or before one that opens something
// (（), never before a closing mark or after an opening one.
func breakBetween(a, b rune) bool {
	if strings.ContainsRune(noBreakAfter, a) || strings.ContainsRune(noBreakBefore, b) {
		return false
	}
	wa, wb := wide(a), wide(b)
	switch {
	case wa && wb:
		return true
	case wa:
		return unicode.IsPunct(a)
	case wb:
		return unicode.IsPunct(b)
	}
	return false
}

// wide is a Chinese (or Japanese, Korean) character or a full-width mark.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

func hasWide(s string) bool {
	for _, r := range s {
		if wide(r) {
			return true
		}
	}
	return false
}

func endsInDigit(s string) bool {
	r := []rune(s)
	return len(r) > 0 && unicode.IsDigit(r[len(r)-1])
}

func startsWide(s string) bool {
	for _, r := range s {
		return wide(r)
	}
	return false
}
