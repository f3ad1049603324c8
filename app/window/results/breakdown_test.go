package results

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// shownPanel is a results panel in a test window of the given size,
// showing the sample scenario's comparison with the breakdown tab open.
func shownPanel(t *testing.T, lang string, size fyne.Size) (*Panel, *pricing.Comparison, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	s := scenarios.New("t", scenarios.NewDate(2027, time.January, 1))
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	p := New(kit.Lang(lang), pricing.MustCatalog(), w.Canvas(), a.Settings().Theme())
	w.SetContent(p.Content)
	w.Resize(size)
	p.Show(View{Cmp: c, Scenario: s})
	p.Tabs.SelectIndex(BreakdownTab)
	return p, c, w
}

// tableTexts are the texts of the breakdown cells drawn now.
func tableTexts(p *Panel) map[string]bool {
	out := map[string]bool{}
	for _, o := range test.LaidOutObjects(p.Table) {
		// The cells are the objects of the table's cell area (which
		// LaidOutObjects does not walk): only those in view are there.
		if fmt.Sprintf("%T", o) != "*widget.tableCells" {
			continue
		}
		for _, c := range test.WidgetRenderer(o.(fyne.Widget)).Objects() {
			if lb, ok := c.(*widget.Label); ok && c.Visible() && lb.Text != "" {
				// An item's name with its flags after it (※ ✎).
				out[strings.TrimRight(lb.Text, " ※✎")] = true
			}
		}
	}
	return out
}

// The breakdown keeps every row whatever the scrolling and switching: a
// vendor's breakdown scrolled down, then another vendor with fewer lines
// chosen, showed its top rows blank (the table kept its scroll offset past
// the new, shorter content). Every line's name must be drawn.
// Sizes: the window's usual and a small one (fewer rows in view).
func TestBreakdownKeepsEveryRowAfterScrollAndSwitch(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 900, Height: 560}} {
		t.Run(fmt.Sprint(size), func(t *testing.T) { breakdownScrollAndSwitch(t, size) })
	}
}

func breakdownScrollAndSwitch(t *testing.T, size fyne.Size) {
	p, c, _ := shownPanel(t, "zh", size)
	long, short := -1, -1
	for i, r := range c.Vendors {
		if long < 0 || len(r.Lines) > len(c.Vendors[long].Lines) {
			long = i
		}
	}
	for i, r := range c.Vendors {
		if len(r.Lines) > 0 && len(r.Lines) < len(c.Vendors[long].Lines) && (short < 0 || len(r.Lines) < len(c.Vendors[short].Lines)) {
			short = i
		}
	}
	if long < 0 || short < 0 {
		t.Fatalf("the sample needs two vendors with different line counts")
	}
	for _, order := range [][2]int{{long, short}, {short, long}} {
		for _, from := range order[:1] {
			p.VendorSel.SetSelectedIndex(from)
			p.Table.ScrollToBottom()
			to := order[1]
			p.VendorSel.SetSelectedIndex(to)
			shown := tableTexts(p)
			r := c.Vendors[to]
			visible := 0
			for _, ln := range r.Lines {
				if shown[ln.Label] {
					visible++
				}
			}
			// The first line is drawn, and as many as fit (all of a short
			// breakdown).
			if !shown[r.Lines[0].Label] || (len(r.Lines) <= 3 && visible != len(r.Lines)) {
				t.Errorf("%s after scrolling %s to the bottom: drawn %d of %d lines, first %q drawn %v; cells %v",
					r.Vendor, c.Vendors[from].Vendor, visible, len(r.Lines), r.Lines[0].Label, shown[r.Lines[0].Label], keys(shown))
			}
		}
	}
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, " | ")
}

// The breakdown writes unit prices and quantities grouped by thousands,
// as it writes amounts (10,000, not 10000), in both languages; decimals
// stay as the catalog has them (0.0395).
func TestBreakdownFiguresGroupedByThousands(t *testing.T) {
	ungrouped := regexp.MustCompile(`(^|[^\d.,])\d{4,}`)
	for _, lang := range []string{"zh", "en"} {
		p, c, _ := shownPanel(t, lang, fyne.NewSize(1280, 800))
		grouped := 0
		for i, r := range c.Vendors {
			p.VendorSel.SetSelectedIndex(i)
			for row := range p.lines {
				for col := 1; col < len(breakdownCols); col++ {
					s := p.cellText(row, col)
					if ungrouped.MatchString(s) {
						t.Errorf("%s %s line %d column %d: %q is not grouped by thousands", lang, r.Vendor, row, col, s)
					}
					if col >= 2 && strings.Contains(s, ",") {
						grouped++
					}
				}
			}
		}
		if grouped == 0 {
			t.Errorf("%s: no unit price or quantity of 1,000 or more in the sample: the test checks nothing", lang)
		}
	}
}
