package window

import (
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
}

// NewTheme returns kefucost's theme.
func NewTheme() fyne.Theme {
	return &kefuTheme{Theme: theme.DefaultTheme()}
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
