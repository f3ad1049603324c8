package window

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"kefucost/app/window/kit/kittest"
)

// The window fits a 1280 px screen: its content's minimum width (which the
// window cannot be narrower than) stays under 1280 in both languages, with
// either input tab open and the typical contact centre's quote rows shown.
// A check box's text that did not wrap made it 1,509 px in English, so the
// window mapped wider than the screen.
func TestWindowFitsA1280Screen(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			f := newUIFixture(t, lang)
			u := f.u
			u.app.Settings().SetTheme(NewThemeMode("dark")) // the program's font
			u.build()
			loadTypical(t, f)
			for i := range u.inputs.Items {
				u.inputs.SelectIndex(i)
				if w := u.win.Content().MinSize().Width; w > 1280-40 {
					t.Errorf("tab %q: the window is at least %.0f px wide", u.inputs.Items[i].Text, w)
				}
			}
		})
	}
}

// A size remembered on a larger screen is made to fit the screen the
// window opens on (at its scale); never smaller than the least useful size.
func TestRememberedSizeFitsTheScreen(t *testing.T) {
	for _, c := range []struct {
		size, px fyne.Size
		scale    float32
		want     fyne.Size
	}{
		{fyne.NewSize(1920, 1080), fyne.NewSize(1280, 776), 1, fyne.NewSize(1280, 776)},
		{fyne.NewSize(1280, 800), fyne.NewSize(1920, 1050), 1, fyne.NewSize(1280, 800)},
		{fyne.NewSize(1920, 1080), fyne.NewSize(2560, 1400), 2, fyne.NewSize(1280, 700)},
		{fyne.NewSize(1280, 800), fyne.NewSize(640, 480), 1, fyne.NewSize(800, 560)},
		{fyne.NewSize(1280, 800), fyne.Size{}, 1, fyne.NewSize(1280, 800)}, // unknown screen
	} {
		if got := fitScreen(c.size, c.px, c.scale); got != c.want {
			t.Errorf("fitScreen(%v, %v, %v) = %v, want %v", c.size, c.px, c.scale, got, c.want)
		}
	}
}

// The title marks unsaved changes, not an untouched sample or new
// scenario (nothing would be lost by closing it).
func TestTitleMarksOnlyWorkThatCanBeLost(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	mark := func() bool { return strings.HasPrefix(u.win.Title(), "●") }
	if mark() {
		t.Errorf("the untouched sample: title %q", u.win.Title())
	}
	typeInto(f.field("demand.online_agents").Entry, "9")
	if !mark() {
		t.Errorf("after an edit: title %q", u.win.Title())
	}
	u.loadScenario(newScenario(u.lang), "", nil) // New, after discarding the edit
	if mark() {
		t.Errorf("an untouched new scenario: title %q", u.win.Title())
	}
	u.setLanguage("en")
	if mark() {
		t.Errorf("an untouched new scenario after a language switch: title %q", u.win.Title())
	}
}

// At 1280×800 every results tab shows its name in the tab bar, in both
// languages, whichever input tab is open: none is hidden behind Fyne's
// "•••" overflow menu (in English four of eight were).
func TestResultTabsAllShownAt1280(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			f := newUIFixture(t, lang)
			u := f.u
			u.app.Settings().SetTheme(NewThemeMode("dark")) // the program's font
			u.build()
			loadTypical(t, f)
			for i := range u.inputs.Items {
				u.inputs.SelectIndex(i)
				u.win.Resize(fyne.NewSize(1279, 800))
				u.win.Resize(fyne.NewSize(1280, 800))
				var shown []string
				kittest.Walk(u.results.Tabs, func(o fyne.CanvasObject) bool {
					if fmt.Sprintf("%T", o) == "*container.tabButton" && o.Visible() {
						shown = append(shown, readTexts(o)...)
						return true
					}
					return false
				})
				if len(shown) != len(u.results.Tabs.Items) {
					t.Errorf("with %q open, the results (%.0f px wide) show %d of %d tabs: %q", u.inputs.Items[i].Text, u.results.Tabs.Size().Width, len(shown), len(u.results.Tabs.Items), shown)
				}
			}
		})
	}
}

// The fields above the what-if charts keep off the pane's right edge as
// far as a label's text is from its left one: at 1280×800 in English the
// break-even's "To" field touched the edge. Both sizes, both languages.
func TestWhatIfFieldsKeepOffThePaneEdge(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newUIFixture(t, lang)
		u := f.u
		u.app.Settings().SetTheme(NewThemeMode("dark")) // the program's font
		u.build()
		loadTypical(t, f)
		d := fyne.CurrentApp().Driver()
		for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
			for _, c := range []struct {
				tab   string
				field fyne.CanvasObject
			}{{u.lang.T("tab.breakeven"), u.sense.To}, {u.lang.T("tab.sensitivity"), u.sense.Whose}} {
				u.results.Tabs.SelectIndex(tabIndex(t, u, c.tab))
				u.win.Resize(size.SubtractWidthHeight(1, 0))
				u.win.Resize(size)
				pane := u.results.Tabs
				right := d.AbsolutePositionForObject(pane).X + pane.Size().Width
				end := d.AbsolutePositionForObject(c.field).X + c.field.Size().Width
				if gap := right - end; gap < theme.InnerPadding()-0.5 {
					t.Errorf("%s %v %s: the field ends %.1f px from the pane's edge, want at least %.0f", lang, size, c.tab, gap, theme.InnerPadding())
				}
			}
		}
	}
}
