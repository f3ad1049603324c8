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

// Color is the default theme's colour in the variant chosen, but for
// greyed text (see mutedText).
func (t *kefuTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	}
	if n == theme.ColorNameDisabled {
		return mutedText(t.Theme.Color(theme.ColorNameBackground, v))
	}
	return t.Theme.Color(n, v)
}

// mutedText is the colour of greyed words: every field's hint and unit
// (kit.HintLabel), a vendor left out, a partial total on a result card
// ("仅覆盖：机器人"). widget.LowImportance draws them in the theme's
// "disabled" colour, which Fyne makes nearly invisible (#E3E3E3 on white,
// 1.3:1; #39393A on the dark background, 1.6:1). Here it is grey, apart
// from the text (#565656 on white, #F3F3F3 on dark), and readable: at
// least 4.5:1 on the background in both variants (#737373 on white
// 4.7:1, #8C8C8C on #171718 5.3:1). Fyne draws a disabled control's words
// in it too: readable as well, a shade lighter than enabled ones (the
// window disables only the trash's Empty button, when it is empty).
func mutedText(bg color.Color) color.Color {
	r, g, b, _ := bg.RGBA()
	if r+g+b > 3*0x8000 { // a light background
		return color.NRGBA{R: 0x73, G: 0x73, B: 0x73, A: 0xff}
	}
	return color.NRGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff}
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
