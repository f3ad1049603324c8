package window

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"kefucost/app/wording"
	"kefucost/scenarios"
)

// tr is one language's catalog.
type tr string

// T returns the text for key, formatted with args (wording.Text).
func (l tr) T(key string, args ...any) string { return wording.Text(string(l), key, args...) }

func (l tr) en() bool { return l == "en" }

// SystemLanguage picks zh or en from the system locale: Chinese of any
// region reads the Simplified Chinese texts, everything else English.
func SystemLanguage() string {
	loc := strings.ToLower(string(lang.SystemLocale()))
	if strings.HasPrefix(loc, "zh") {
		return "zh"
	}
	if loc == "" {
		return "zh"
	}
	return "en"
}

// validLanguage returns l when the window speaks it, else "".
func validLanguage(l string) string {
	for _, x := range wording.Languages {
		if x == l {
			return l
		}
	}
	return ""
}

// fieldLabelKey is the translation key of a demand or scenario field.
func fieldLabelKey(field string) string { return "field." + field }

// typed is text in a field that is not a value: the key of the message
// that says why, and the text as typed.
type typed struct {
	msg  string
	text string
}

// typedMsg is the message for the text typed at path, "" if it is fine.
func (l tr) typedMsg(m map[string]typed, path string) string {
	if t, ok := m[path]; ok {
		if t.msg == "err.name_long" {
			return l.T(t.msg, scenarios.MaxNameLen)
		}
		return l.T(t.msg)
	}
	return ""
}

// fieldError says what is wrong with a field, in the window's language.
func (l tr) fieldError(e *scenarios.FieldError) string { return wording.FieldError(string(l), e) }

// fileError says what is wrong with a scenario file the window was given
// (opened or dropped), in the window's language (wording.FileError).
func (l tr) fileError(err error) error { return wording.FileError(string(l), err) }

// unitText is a catalog unit in the window's language.
func (l tr) unitText(u string) string { return wording.UnitText(string(l), u) }

// summary is a revision's summary in the window's language.
func (l tr) summary(s string) string { return wording.Summary(string(l), s) }
