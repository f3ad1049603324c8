package window

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit/kittest"
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
			if c := drawnContrast(u, img, bg, x.o, x.lb); c < 4.5 {
				t.Errorf("%s %s: %q drawn at contrast %.2f:1 against the background (want ≥ 4.5)", mode, lang, x.lb.Text, c)
			}
		}
	}
}

// The hints under the fields, their units and the vendors' explanations
// are greyed, and readable: in both themes at least 4.5:1 against the
// background as drawn. They were widget.LowImportance in the theme's
// "disabled" colour, #E3E3E3 on white (1.3:1) and #39393A on the dark
// background (1.6:1).
func TestHintsAreReadable(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	for _, mode := range []string{"light", "dark"} {
		f.app.Settings().SetTheme(NewThemeMode(mode))
		size := fyne.NewSize(1280, 800)
		u.win.Resize(size.SubtractWidthHeight(1, 0)) // the test canvas lays out on resize
		u.win.Resize(size)
		bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, u.app.Settings().ThemeVariant())
		hint := f.field("demand.chats_per_day").Note
		unit := findLabel(t, u.form.Content, u.lang.T("unit.asr_minutes_per_day")) // 分钟: "次" alone has too few solid pixels to measure
		u.inputs.SelectIndex(0)
		img := u.win.Canvas().Capture()
		for _, x := range []struct {
			o  fyne.Widget
			lb *widget.Label
		}{{hint, &hint.Label}, {unit, unit}} {
			if x.lb.Importance != widget.LowImportance {
				t.Fatalf("precondition: %q is greyed (LowImportance)", x.lb.Text)
			}
			if c := drawnContrast(u, img, bg, x.o, x.lb); c < 4.5 {
				t.Errorf("%s: %q drawn at contrast %.2f:1 against the background (want ≥ 4.5)", mode, x.lb.Text, c)
			}
		}
		u.inputs.SelectIndex(1)
		intro := u.vendors.Intro
		img = u.win.Canvas().Capture()
		if c := drawnContrast(u, img, bg, intro, &intro.Label); c < 4.5 {
			t.Errorf("%s: the vendors' explanation %q drawn at contrast %.2f:1 against the background (want ≥ 4.5)", mode, intro.Text, c)
		}
		u.inputs.SelectIndex(0)
	}
}

// findLabel is the label in o whose text is text.
func findLabel(t *testing.T, o fyne.CanvasObject, text string) *widget.Label {
	t.Helper()
	var found *widget.Label
	kittest.Walk(o, func(o fyne.CanvasObject) bool {
		if lb, ok := o.(*widget.Label); ok && found == nil && lb.Text == text {
			found = lb
		}
		return found != nil
	})
	if found == nil {
		t.Fatalf("no label %q", text)
	}
	return found
}

// drawnContrast is the contrast against bg of the text of label lb (the
// widget o shows it) in the window's capture img: in the text's own box,
// as wide as its first line (no neighbour's glyphs, borders or scroll
// bar).
func drawnContrast(u *ui, img image.Image, bg color.Color, o fyne.Widget, lb *widget.Label) float64 {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	sc := u.win.Canvas().Scale()
	size := theme.SizeForWidget(lb.SizeName, o)
	if lb.SizeName == "" {
		size = theme.SizeForWidget(theme.SizeNameText, o)
	}
	first, _, _ := strings.Cut(lb.Text, "\n")
	// A text that fills its width ends at the scroll bar: left out.
	w := min(fyne.MeasureText(first, size, lb.TextStyle).Width+theme.InnerPadding(), o.Size().Width*0.8)
	h := o.Size().Height
	// Inset from the top and bottom: the glyphs are (a tab bar's line
	// may touch a text at the top of its tab).
	in := theme.InnerPadding() / 2
	r := image.Rect(int(pos.X*sc), int((pos.Y+in)*sc), int((pos.X+w)*sc), int((pos.Y+h-in)*sc))
	return inkContrast(img, r, bg)
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
