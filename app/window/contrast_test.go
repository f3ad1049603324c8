package window

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/scenarios"
)

// A partial vendor's total and its rank word ("仅覆盖：机器人") are greyed
// on the cards, and still readable: in both themes the text as drawn is
// at least 4.5:1 against the background (WCAG AA). In the light theme
// they were drawn #E3E3E3 on white, 1.3:1 (the trial's 12.2).
func TestPartialTotalOnCardIsReadable(t *testing.T) {
	for _, mode := range []string{"light", "dark"} {
		lang := "zh" // the colours are the language's either way
		f := newUIFixture(t, lang)
		u := f.u
		f.app.Settings().SetTheme(NewThemeMode(mode))
		u.loadScenario(uiBenchScenario(t), "", nil)
		size := fyne.NewSize(1280, 800)
		u.win.Resize(size.SubtractWidthHeight(1, 0)) // the test canvas lays out on resize
		u.win.Resize(size)
		v := u.results.CardViews[scenarios.Chatopera]
		if v == nil || v.Total.Importance != widget.LowImportance || v.Rank.Importance != widget.LowImportance {
			t.Fatalf("%s %s: precondition: Chatopera's card greyed (covers only the bot)", mode, lang)
		}
		img := u.win.Canvas().Capture()
		bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, u.app.Settings().ThemeVariant())
		// The rank word is a kit.Para (a Label that breaks Chinese).
		for _, x := range []struct {
			o  fyne.Widget
			lb *widget.Label
		}{{v.Total, v.Total}, {v.Rank, &v.Rank.Label}} {
			o, lb := x.o, x.lb
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
			sc := u.win.Canvas().Scale()
			// The text's own box: as wide as the text (no
			// neighbour's glyphs or borders).
			size := theme.SizeForWidget(lb.SizeName, o)
			if lb.SizeName == "" {
				size = theme.SizeForWidget(theme.SizeNameText, o)
			}
			w := fyne.MeasureText(lb.Text, size, lb.TextStyle).Width
			h := o.Size().Height
			r := image.Rect(int(pos.X*sc), int(pos.Y*sc), int((pos.X+w+theme.InnerPadding())*sc), int((pos.Y+h)*sc))
			if c := inkContrast(img, r, bg); c < 4.5 {
				t.Errorf("%s %s: %q drawn at contrast %.2f:1 against the background (want ≥ 4.5)", mode, lang, lb.Text, c)
			}
		}
	}
}

// inkContrast is the contrast ratio against bg of the text's colour in
// r: of the colours at least 4 pixels have (the glyphs' solid strokes;
// antialiased edges spread over many shades), the one furthest from bg.
func inkContrast(img image.Image, r image.Rectangle, bg color.Color) float64 {
	count := map[color.RGBA]int{}
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			count[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	best, lb := 1.0, luminance(bg)
	for c, n := range count {
		if n >= 4 {
			l := luminance(c)
			best = math.Max(best, (math.Max(l, lb)+0.05)/(math.Min(l, lb)+0.05))
		}
	}
	return best
}

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	ch := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}
