//go:build windows

package cli

import locale "github.com/jeandeaual/go-locale"

// Windows keeps the user's language in its settings (Region → Regional
// format), not in LC_ALL/LANG, which are normally unset there: without this
// a Chinese Windows got English text from every subcommand while the window
// (Fyne reads the same setting) spoke Chinese.
func init() {
	systemLocale = func() string {
		l, err := locale.GetLocale() // GetUserDefaultLocaleName, e.g. "zh-CN"
		if err != nil {
			return ""
		}
		return l
	}
}
