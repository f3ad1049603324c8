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
	last  breakKey // what broken was broken for
	broke string
}

// breakKey is what a Para's lines depend on: a Para is laid out again on
// every refresh of the window around it, mostly unchanged.
type breakKey struct {
	text        string
	width, size float32
	style       fyne.TextStyle
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
	key := breakKey{p.Text, width, textSize, style}
	if key != r.last || r.broke == "" {
		r.broke = BreakLines(p.Text, width, func(t string) float32 { return fyne.MeasureText(t, textSize, style).Width })
		r.last = key
	}
	s.Text = r.broke
}

// BreakLines breaks text into lines no wider than width (as measure
// measures), at spaces and between Chinese characters (breakBetween).
// No line starts with a closing mark (，。）) or ends with an opening one
// (（), even across a space ("kefucost ）") or inside a part wider than
// the line, which is broken between its characters here rather than by
// the label (Fyne broke such a part wherever the width ran out and left
// "）" alone on a line). A short Latin word or number is not left alone
// on the last line: the part before it comes down with it ("另一个
// kefucost" / "打开" was "另一个" / "kefucost"). Existing line breaks
// stay.
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

// shortWord is how many letters or digits a Latin word or number may
// have and still be a word not left alone on the last line.
const shortWord = 12

func breakPara(para string, width float32, measure func(string) float32) string {
	parts, trailing := splitParts(para)

	// Each line is measured whole, as the label draws it (a sum of its
	// parts' widths is not its width in every font). The sum only
	// guesses how many parts fit (fit): measuring every longer prefix of
	// the line, as this did until 2026-12-03, took 87 % of the window's
	// time on a keystroke (each prefix a new string to shape).
	var lines [][]part
	var line []part
	for i := 0; i < len(parts); {
		pt := parts[i]
		if i == 0 {
			line = []part{{"", pt.space + pt.text}}
		} else {
			lines = append(lines, line)
			line = []part{{pt.space, pt.text}}
		}
		if measure(line[0].text) > width {
			// Too wide alone: broken between its characters.
			pieces := splitWide(line[0].text, width, measure)
			for _, pc := range pieces[:len(pieces)-1] {
				lines = append(lines, []part{{"", pc}})
			}
			line = []part{{line[0].space, pieces[len(pieces)-1]}}
		}
		i++
		n := fit(line, parts[i:], width, measure)
		line = append(line, parts[i:i+n]...)
		i += n
	}
	// A short Latin word alone on the last line takes the part before it
	// along, when the two fit and the line above keeps something.
	if n := len(lines); n > 0 && len(line) == 1 && shortLatin(line[0].text) {
		prev := lines[n-1]
		if k := len(prev); k >= 2 && measure(lineText([]part{prev[k-1], line[0]})) <= width {
			line = []part{prev[k-1], line[0]}
			lines[n-1] = prev[:k-1]
		}
	}
	var b strings.Builder
	for _, ln := range append(lines, line) {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(lineText(ln))
	}
	b.WriteString(trailing)
	return b.String()
}

// fit is how many of next fit on line after what it has: the most for
// which the whole line, measured, is no wider than width. The sum of
// the parts' own widths guesses the count; the line measured whole then
// moves it (a line is only wider with more parts, so the answer is the
// one adding parts one by one and measuring each time would give).
func fit(line, next []part, width float32, measure func(string) float32) int {
	with := func(n int) float32 { return measure(lineText(append(line[:len(line):len(line)], next[:n]...))) }
	sum, n := with(0), 0
	for n < len(next) {
		w := measure(next[n].space + next[n].text)
		if sum+w > width {
			break
		}
		sum += w
		n++
	}
	for n > 0 && with(n) > width {
		n--
	}
	for n < len(next) && with(n+1) <= width {
		n++
	}
	return n
}

// lineText is a line's parts as shown: the first without its space.
func lineText(ps []part) string {
	var b strings.Builder
	for i, pt := range ps {
		if i > 0 {
			b.WriteString(pt.space)
		}
		b.WriteString(pt.text)
	}
	return b.String()
}

// splitParts cuts a paragraph into the parts no line break may fall in,
// and the spaces it ends with.
func splitParts(para string) ([]part, string) {
	var parts []part
	var cur, space strings.Builder
	var prev rune
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		text := cur.String()
		n := len(parts)
		switch {
		// A number keeps its unit: "1,814,102.76 元", "8 人".
		case n > 0 && space.Len() > 0 && endsInDigit(parts[n-1].text) && startsWide(text),
			// A closing mark stays with what it closes, an opening one
			// with what it opens, a space between or not.
			n > 0 && (strings.ContainsRune(noBreakBefore, firstRune(text)) || strings.ContainsRune(noBreakAfter, lastRune(parts[n-1].text))):
			parts[n-1].text += space.String() + text
		default:
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
	return parts, space.String()
}

// splitWide breaks a part wider than width between its characters: as
// many as fit on each line, never a closing mark first on a line nor an
// opening one last (the character before comes down with it). A single
// character wider than width keeps a line of its own.
func splitWide(s string, width float32, measure func(string) float32) []string {
	var out []string
	rs := []rune(s)
	for len(rs) > 0 {
		// The most characters that fit, at least one (a longer run is
		// only wider: a binary search finds what counting up would).
		lo, hi := 1, len(rs)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if measure(string(rs[:mid])) <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		n := lo
		if n < len(rs) {
			k := n
			for k > 1 && (strings.ContainsRune(noBreakBefore, rs[k]) || strings.ContainsRune(noBreakAfter, rs[k-1])) {
				k--
			}
			if k > 1 || !strings.ContainsRune(noBreakBefore, rs[k]) {
				n = k
			}
		}
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return out
}

// shortLatin is a Latin word or number of at most shortWord characters.
func shortLatin(s string) bool {
	n := 0
	for _, r := range s {
		if wide(r) || unicode.IsSpace(r) {
			return false
		}
		n++
	}
	return n > 0 && n <= shortWord
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
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
