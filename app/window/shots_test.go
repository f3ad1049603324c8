package window

import (
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
	for _, lang := range []string{"zh", "en"} {
		f := newChartsFixture(t, lang)
		u := f.u
		u.win.Resize(fyne.NewSize(1280, 800))
		u.loadScenario(uiBenchScenario(t), "", nil)
		shot := func(name string) {
			// The test canvas lays out only on resize (the real driver
			// re-lays out whatever changed size each frame).
			u.win.Resize(fyne.NewSize(1279, 800))
			u.win.Resize(fyne.NewSize(1280, 800))
			img := u.win.Canvas().Capture()
			out, err := os.Create(filepath.Join(dir, lang+"-"+name+".png"))
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
}
