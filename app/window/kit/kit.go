// Package kit holds what every part of the window shares: the window's
// language, text typed into a field that is not yet a value, the small
// widgets the panels are built from, and how typed numbers are read.
// It knows no panel; the panels (saved, vendors, results) and the window
// build on it.
package kit

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/wording"
	"kefucost/scenarios"
)

// Lang is one language's catalog ("zh" or "en").
type Lang string

// T returns the text for key, formatted with args (wording.Text).
func (l Lang) T(key string, args ...any) string { return wording.Text(string(l), key, args...) }

// EN reports whether the window speaks English.
func (l Lang) EN() bool { return l == "en" }

// Typed is text in a field that is not a value: the key of the message
// that says why, and the text as typed.
type Typed struct {
	Msg  string
	Text string
}

// TypedMsg is the message for the text typed at path, "" if it is fine.
func (l Lang) TypedMsg(m map[string]Typed, path string) string {
	if t, ok := m[path]; ok {
		switch t.Msg {
		case "err.name_long":
			return l.T(t.Msg, scenarios.MaxNameLen)
		case "err.not_date":
			return wording.DateHint(string(l), t.Text) // how to write it
		}
		return l.T(t.Msg)
	}
	return ""
}

// FieldError says what is wrong with a field, in the window's language.
func (l Lang) FieldError(e *scenarios.FieldError) string { return wording.FieldError(string(l), e) }

// FileError says what is wrong with a scenario file the window was given
// (opened or dropped), in the window's language (wording.FileError).
func (l Lang) FileError(err error) error { return wording.FileError(string(l), err) }

// UnitText is a catalog unit in the window's language.
func (l Lang) UnitText(u string) string { return wording.UnitText(string(l), u) }

// Summary is a revision's summary in the window's language.
func (l Lang) Summary(s string) string { return wording.Summary(string(l), s) }

// FieldName is a field path in the user's words, for messages: known
// fields by their label, others (vendors.…) as written in the file.
func (l Lang) FieldName(path string) string { return wording.FieldName(string(l), path) }

// NameIn picks the Chinese or English name.
func NameIn(l Lang, zh, en string) string {
	if l.EN() && en != "" {
		return en
	}
	return zh
}

// IndexOf is the position of s in list, -1 if absent.
func IndexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// ErrorLabel is a hidden red label for a field's message, or the form's
// message no field shows: a Para, so a Chinese message breaks between
// characters, not only at its spaces ("…按 1 / 秒计费", "超出 / kefucost").
func ErrorLabel() *Para {
	l := NewPara("")
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// SetErrorLabel shows msg, or hides the label when msg is "".
func SetErrorLabel(l *Para, msg string) {
	if msg == "" {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	if l.Text != msg {
		l.SetText(msg)
	}
	l.Show()
}

// SetText changes a label's text only when it differs: every edit shows
// new results, and a label given its own text again is measured and laid
// out again for nothing (most of what a keystroke would cost).
// l is a *widget.Label or a *Para.
func SetText(l interface{ SetText(string) }, text string) {
	cur := ""
	switch x := l.(type) {
	case *widget.Label:
		cur = x.Text
	case *Para:
		cur = x.Text
	default:
		l.SetText(text)
		return
	}
	if cur != text {
		l.SetText(text)
	}
}

// HintLabel is a caption-size explanation under a field (a Para: its
// Chinese breaks between characters).
func HintLabel(text string) *Para {
	l := NewPara(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// Small is a one-line caption; what does not fit ends in "…" (cards
// stay compact; the tabs below carry the full text).
func Small(text string) *widget.Label {
	lb := widget.NewLabel(text)
	lb.SizeName = theme.SizeNameCaptionText
	lb.Truncation = fyne.TextTruncateEllipsis
	return lb
}

// Badge is a bold one-line label in the importance's colour.
func Badge(text string, imp widget.Importance) *widget.Label {
	lb := widget.NewLabel(text)
	lb.Importance = imp
	lb.Truncation = fyne.TextTruncateEllipsis
	lb.TextStyle = fyne.TextStyle{Bold: true}
	return lb
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

// Shrink lets o be as narrow as minW.
func Shrink(o fyne.CanvasObject, minW float32) fyne.CanvasObject {
	return container.New(shrinkLayout{minW}, o)
}

// ParseCount reads a whole number as people type it: "3,000", "3 000"
// and "3000" are the same. Empty means 0.
func ParseCount(text string) (int64, bool) {
	t := strings.NewReplacer(",", "", "，", "", " ", "", "_", "").Replace(strings.TrimSpace(text))
	if t == "" {
		return 0, true
	}
	v, err := strconv.ParseInt(t, 10, 64)
	return v, err == nil
}

// ParseDecimal reads a decimal; a trailing % divides by 100, so "5%" and
// "0.05" are the same growth. Empty means 0.
func ParseDecimal(text string) (decimal.Decimal, bool) {
	t := strings.NewReplacer(",", "", "，", "", " ", "").Replace(strings.TrimSpace(text))
	pct := false
	if strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％") {
		t = strings.TrimSuffix(strings.TrimSuffix(t, "%"), "％")
		pct = true
	}
	if t == "" {
		return decimal.Zero, !pct
	}
	d, err := decimal.NewFromString(t)
	if err != nil || strings.ContainsAny(t, "eE") {
		return decimal.Zero, false
	}
	if pct {
		d = d.Shift(-2)
	}
	return d, true
}
