package window

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
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

// fyneLocales are the locales Fyne's own texts (its dialogs' buttons, a
// Select's "(Select one)", the file dialog) are read in for each language
// of the window; Fyne ships zh_Hans.
var fyneLocales = map[string]string{"zh": "zh_CN.UTF-8", "en": "en_US.UTF-8"}

// fyneOwnWords replace some of Fyne's own translations.
var fyneOwnWords = map[string]string{
	"zh": `{"No": "否", "OK": "确定"}`,
	"en": `{}`,
}

// useFyneLanguage makes Fyne's own texts follow the window's language,
// which may differ from the system's (the language menu). Fyne has no
// setter: it reads LANGUAGE (honoured unless LC_ALL/LC_MESSAGES/LANG is
// "C"), then LC_ALL, LC_MESSAGES, LANG, each time its translations are
// loaded. LANGUAGE only names message catalogs, so setting it changes no
// character set or number format; LC_MESSAGES is set only when none of
// the three is, or the first set one is "C"/"POSIX".
func useFyneLanguage(code string) {
	loc, ok := fyneLocales[code]
	if !ok {
		return
	}
	os.Setenv("LANGUAGE", strings.TrimSuffix(loc, ".UTF-8"))
	first := ""
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			first = v
			break
		}
	}
	if base, _, _ := strings.Cut(first, "."); first == "" || base == "C" || base == "POSIX" {
		if os.Getenv("LC_ALL") == "" {
			os.Setenv("LC_MESSAGES", loc)
		}
	}
	// Loading translations is what makes Fyne read the locale again. A
	// set under the tag of Fyne's own file adds to it (under another tag,
	// "zh-CN", it would be the closer match, and nearly empty): for
	// Chinese, the words a Chinese dialog's buttons use where Fyne's
	// are not (its "No" is 不, its "OK" 好).
	tag := map[string]fyne.Locale{"zh": "zh-Hans", "en": "en"}[code]
	if err := lang.AddTranslationsForLocale([]byte(fyneOwnWords[code]), tag); err != nil {
		fyne.LogError("loading Fyne's translations", err)
	}
}
