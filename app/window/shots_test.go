package window

import (
	"fmt"
	"image/png"
	"kefucost/app/window/results"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestUIScreens draws the window's main views with the software painter
// into $KEFUCOST_SHOTS (skipped when unset), for looking at without a
// display: every tab, both languages.
func TestUIScreens(t *testing.T) {
	dir := os.Getenv("KEFUCOST_SHOTS")
	if dir == "" {
		t.Skip("set KEFUCOST_SHOTS=DIR to write screenshots")
	}
	sizes := []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}}
	if os.Getenv("KEFUCOST_SHOTS_ALL") == "" {
		sizes = sizes[:1]
	}
	for _, size := range sizes {
		for _, mode := range []string{"light", "dark"} {
			for _, lang := range []string{"zh", "en"} {
				screens(t, dir, fmt.Sprintf("%s-%dx%d-%s-", lang, int(size.Width), int(size.Height), mode), lang, mode, size)
			}
		}
	}
}

func screens(t *testing.T, dir, prefix, lang, mode string, size fyne.Size) {
	f := newChartsFixture(t, lang)
	u := f.u
	f.app.Settings().SetTheme(NewThemeMode(mode))
	u.app.Preferences().SetString(prefTheme, mode)
	u.win.Resize(size)
	u.loadScenario(uiBenchScenario(t), "", nil)
	shot := func(name string) {
		// The test canvas lays out only on resize (the real driver
		// re-lays out whatever changed size each frame).
		u.win.Resize(size.SubtractWidthHeight(1, 0))
		u.win.Resize(size)
		img := u.win.Canvas().Capture()
		out, err := os.Create(filepath.Join(dir, prefix+name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
	}
	shot("main")
	for i := range u.results.Tabs.Items {
		u.results.Tabs.SelectIndex(i)
		shot("results-" + string(rune('0'+i)))
	}
	u.results.Tabs.SelectIndex(0)
	u.results.Tabs.SelectIndex(results.BreakdownTab)
	u.results.Table.Select(widget.TableCellID{Row: 1, Col: 0})
	shot("breakdown-selected")
	u.inputs.SelectIndex(1)
	shot("vendors")
	u.inputs.SelectIndex(0)
	typeInto(f.field("months").Entry, "0")
	shot("invalid")
}
