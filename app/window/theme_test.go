package window

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"kefucost/assets"
)

func TestThemeUsesEmbeddedFont(t *testing.T) {
	th := NewTheme()
	for _, style := range []fyne.TextStyle{
		{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true},
	} {
		if got := th.Font(style); got != assets.FontResource() {
			t.Errorf("Font(%+v) = %v, want the embedded %s", style, got.Name(), assets.FontFileName)
		}
	}
	if got, want := th.Font(fyne.TextStyle{Symbol: true}), theme.DefaultTheme().Font(fyne.TextStyle{Symbol: true}); got != want {
		t.Errorf("Font(Symbol) = %v, want the default symbol font %v", got.Name(), want.Name())
	}

	a := test.NewTempApp(t)
	a.Settings().SetTheme(th)
	if got := theme.TextFont(); got != assets.FontResource() {
		t.Errorf("with the theme set, theme.TextFont() = %v, want the embedded font", got.Name())
	}
	if got := theme.TextMonospaceFont(); got != assets.FontResource() {
		t.Errorf("with the theme set, theme.TextMonospaceFont() = %v, want the embedded font", got.Name())
	}
}

func TestThemeFollowsVariant(t *testing.T) {
	th, def := NewTheme(), theme.DefaultTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, name := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameForeground, theme.ColorNamePrimary} {
			if got, want := th.Color(name, v), def.Color(name, v); got != want {
				t.Errorf("Color(%s, %d) = %v, want the default %v", name, v, got, want)
			}
		}
	}
	if th.Color(theme.ColorNameBackground, theme.VariantLight) == th.Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("light and dark backgrounds are the same: the variant is ignored")
	}
	if th.Size(theme.SizeNameText) != def.Size(theme.SizeNameText) {
		t.Error("text size differs from the default theme")
	}
	if th.Icon(theme.IconNameHome) == nil {
		t.Error("no icon from the theme")
	}
}

// TestThemeDrawsChinese renders with the theme in Fyne's software painter:
// text must be measured with the embedded font (its line height differs from
// Fyne's bundled Noto Sans, so this proves the .ttf loads) and Chinese must
// leave ink.
func TestThemeDrawsChinese(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	defSize := fyne.MeasureText("Cost 成本", 32, fyne.TextStyle{})
	a.Settings().SetTheme(NewTheme())
	ourSize := fyne.MeasureText("Cost 成本", 32, fyne.TextStyle{})
	if ourSize.Height == defSize.Height {
		t.Errorf("text measures %v with the theme, as with the default fonts: embedded font not used", ourSize)
	}

	txt := canvas.NewText("累计成本", theme.Color(theme.ColorNameForeground))
	txt.TextSize = 32
	w := test.NewWindow(txt)
	defer w.Close()
	w.Resize(fyne.NewSize(200, 60))
	if n := inked(w.Canvas().Capture()); n < 500 {
		t.Fatalf("only %d pixels drawn for 累计成本: CJK glyphs missing", n)
	}
}

// inked counts the pixels that differ from the background (the top-left
// pixel).
func inked(img image.Image) int {
	b := img.Bounds()
	bg := color.RGBAModel.Convert(img.At(b.Min.X, b.Min.Y))
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.RGBAModel.Convert(img.At(x, y)) != bg {
				n++
			}
		}
	}
	return n
}
