package window

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"kefucost/assets"
)

// kefuTheme is Fyne's default theme with the embedded CJK font, so Chinese
// renders on a machine that has no Chinese fonts installed. Colours, sizes
// and icons are the default theme's, so light/dark still follows the system
// (Fyne passes the variant to Color).
type kefuTheme struct {
	fyne.Theme
	// mode is "light" or "dark" to use that variant whatever the system
	// says, "" (system) to follow it.
	mode string
}

// NewTheme returns kefucost's theme, following the system's variant.
func NewTheme() fyne.Theme {
	return &kefuTheme{Theme: theme.DefaultTheme()}
}

// Theme modes the View menu offers; "" is the system's.
var themeModes = []string{"", "light", "dark"}

// prefTheme is the preference key of the theme mode the user chose.
const prefTheme = "theme"

// NewThemeMode is kefucost's theme in mode ("light", "dark", or anything
// else for the system's variant).
func NewThemeMode(mode string) fyne.Theme {
	if mode != "light" && mode != "dark" {
		mode = ""
	}
	return &kefuTheme{Theme: theme.DefaultTheme(), mode: mode}
}

// Color is the default theme's colour in the variant chosen.
func (t *kefuTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// Font returns the embedded WenQuanYi Micro Hei for every text style,
// monospace included (Fyne's bundled monospace font has no CJK glyphs, and
// Fyne falls back only to system fonts, which a fresh machine may lack).
// The font has a single weight, so bold and italic text render upright and
// regular. Symbol text keeps the default theme's symbol font.
func (t *kefuTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Symbol {
		return t.Theme.Font(style)
	}
	return assets.FontResource()
}
