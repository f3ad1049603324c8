package window

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"kefucost/app/internal/testscenarios"
	"kefucost/app/window/results"
)

// halfWidthAroundChinese is a Chinese text in half-width brackets after
// Chinese ("在线客服座席 (坐席·月)"): Chinese writes （）.
var halfWidthAroundChinese = regexp.MustCompile(`\p{Han} ?\([^()]*\p{Han}[^()]*\)`)

// In Chinese every word the window shows is Chinese for every test
// scenario of the project, not only the sample: each scenario's inputs
// and vendor panels, every results tab (cards, answer, coverage, schedule,
// 假设与说明), each vendor's breakdown and each of its lines' explanation.
// What the buyer wrote (the scenario's name, their own lines' names) is
// replaced by Chinese before loading, so no user text is read.
func TestEveryWordChineseOnEveryScenario(t *testing.T) {
	start := time.Now()
	files, err := testscenarios.Valid("../..")
	if err != nil {
		t.Fatal(err)
	}
	f := newUIFixture(t, "zh")
	u := f.u
	u.noDraft = true
	bd := u.results.Tabs.Items[results.BreakdownTab].Content
	selected := false // a line selected for real, once
	for _, file := range files {
		u.loadScenario(testscenarios.WithoutUserData(file.Scenario), "", nil)
		texts := readTexts(u.win.Content())
		u.results.Tabs.SelectIndex(results.BreakdownTab)
		for i := range u.results.VendorSel.Options {
			u.results.VendorSel.SetSelectedIndex(i)
			texts = append(texts, readTexts(bd)...)
			// Every line's explanation, as selecting the line shows it
			// below the table (selecting each one for real lays out a
			// long text again: a second a line under the test driver).
			expl := u.results.LineExplanations()
			texts = append(texts, expl...)
			if !selected && len(expl) > 0 {
				selected = true
				u.results.Table.Select(widget.TableCellID{Row: len(expl) - 1, Col: 0})
				if got := strings.Join(readTexts(bd), "\n"); !strings.Contains(got, expl[len(expl)-1]) {
					t.Errorf("the selected line shows something else than its explanation %q:\n%s", expl[len(expl)-1], got)
				}
			}
		}
		if bad := latinWords(texts); len(bad) > 0 {
			t.Errorf("%s: %d Latin words in the Chinese window:\n%s", file.Path, len(bad), strings.Join(dedupe(bad), "\n"))
		}
		for _, s := range texts {
			if m := halfWidthAroundChinese.FindString(s); m != "" {
				t.Errorf("%s: half-width brackets around Chinese: %q in %q", file.Path, m, s)
			}
		}
	}
	t.Logf("%d scenarios walked in %v", len(files), time.Since(start))
}
