package window

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"kefucost/app/window/kit"
	"kefucost/app/wording"
)

// tr is the window's language (kit.Lang: the panels share it).
type tr = kit.Lang

// typed is text in a field that is not a value (kit.Typed).
type typed = kit.Typed

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
