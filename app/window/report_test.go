package window

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/xuri/excelize/v2"

	"kefucost/app/wording"
	"kefucost/pricing"
)

// Ctrl+E exports the Excel report of what the window shows: the save
// dialog proposes "<name>-report.xlsx", the report is built off the UI
// goroutine (the window takes typing while it is held back), then the
// same "saved" message as the chart export shows, and the workbook opens
// with the conclusion first and the totals the window shows. The File
// menu has both the Excel and the CSV report, in the window's language.
func TestExportReportFromTheWindow(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newUIFixture(t, lang)
		u := f.u
		dir := t.TempDir()
		var proposed string
		u.savePathHook = func(name string, then func(string)) {
			proposed = name
			then(filepath.Join(dir, name))
		}
		gate := make(chan struct{})
		u.exportGate = gate
		loop := make(chan func(), 4)
		u.do = func(fn func()) { loop <- fn }
		saved := make(chan string, 1)
		u.onExported = func(p string) { saved <- p }

		u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
		if proposed != "2027 客服中心采购-report.xlsx" && !strings.HasSuffix(proposed, "-report.xlsx") {
			t.Fatalf("%s: proposed name %q", lang, proposed)
		}
		// The report is of what was shown when Ctrl+E was pressed.
		want := f.expected()
		// Held back before it builds: the UI goroutine is free to type.
		e := f.field("demand.online_agents").Entry
		typeInto(e, "7")
		if e.Text != "7" {
			t.Errorf("%s: typing while the report is built gave %q", lang, e.Text)
		}
		close(gate)
		var path string
		deadline := time.After(30 * time.Second)
		for path == "" {
			select {
			case fn := <-loop:
				fn() // the UI goroutine's work, the export's message among it
			case path = <-saved:
			case <-deadline:
				t.Fatalf("%s: the report was never saved", lang)
			}
		}
		msg := labelsText(u.win.Canvas().Overlays().Top())
		if want := u.lang.T("export.done", filepath.Base(path)); !strings.Contains(msg, want) {
			t.Errorf("%s: message %q, want %q", lang, msg, want)
		}
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatalf("%s: the saved report does not open: %v", lang, err)
		}
		if first := x.GetSheetList()[0]; first != "结论 Conclusion" {
			t.Errorf("%s: first sheet %q", lang, first)
		}
		all := conclusionText(t, x)
		x.Close()
		if len(want.Vendors) == 0 || !strings.Contains(all, wording.Answer(lang, want)) {
			t.Errorf("%s: conclusion lacks the answer %q", lang, wording.Answer(lang, want))
		}

		var items []string
		for _, it := range u.menu().Items[0].Items {
			items = append(items, it.Label)
		}
		for _, k := range []string{"menu.export.xlsx", "menu.export.csv"} {
			if !strings.Contains(strings.Join(items, "|"), u.lang.T(k)) {
				t.Errorf("%s: File menu %q lacks %q", lang, items, u.lang.T(k))
			}
		}
		if _, err := os.Stat(path); err != nil {
			t.Error(err)
		}
	}
}

// The switch 不含税 shows every amount net of VAT (the engine's
// WithoutVAT): the cards' totals, the words beside the switch, and the
// report exported then; switched back, the published amounts return.
func TestVATSwitch(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newUIFixture(t, lang)
		u := f.u
		want := f.expected()
		net := want.WithoutVAT()
		total := func(c *pricing.Comparison, id string) string {
			return wording.Amount(lang, resultFor(c, id).Total, wording.BoundOf(resultFor(c, id)))
		}
		if got := u.results.VATWords.Text; got != wording.VATWords(lang, want) {
			t.Errorf("%s: words %q before switching", lang, got)
		}
		u.results.VAT.SetChecked(true) // as a tap does (the test canvas may not lay the row out)
		if !u.netOfVAT || u.result == nil || !u.result.ExcludesVAT {
			t.Fatalf("%s: the switch did not take (net %v, stale %v, loading %v, result %v)", lang, u.netOfVAT, u.stale, u.loading, u.result != nil)
		}
		if got := u.results.Totals["tencent-qidian"].Text; !strings.Contains(got, total(net, "tencent-qidian")) {
			t.Errorf("%s: Tencent card %q, want the net %s", lang, got, total(net, "tencent-qidian"))
		}
		if got := u.results.VATWords.Text; got != wording.VATWords(lang, net) {
			t.Errorf("%s: words %q, want %q", lang, got, wording.VATWords(lang, net))
		}
		data, err := buildReport(u.reportJob("csv"))
		if err != nil || !strings.Contains(string(data), "金额不含税") {
			t.Errorf("%s: the exported report does not say net of VAT (%v)", lang, err)
		}
		u.results.VAT.SetChecked(false)
		if got := u.results.Totals["tencent-qidian"].Text; u.netOfVAT || !strings.Contains(got, total(want, "tencent-qidian")) {
			t.Errorf("%s: switched back, Tencent card %q, want %s", lang, got, total(want, "tencent-qidian"))
		}
	}
}

// A report exported right after an edit, before the results have followed
// the typing, is of the scenario as typed: its amounts are the engine's
// for the new value, never the comparison still on screen from before
// (the trial's workbook said 45 agents on 需求 and priced 40).
func TestExportReportRightAfterAnEditPricesTheNewValue(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newUIFixture(t, lang)
		u := f.u
		before := f.expected()
		dir := t.TempDir()
		u.savePathHook = func(name string, then func(string)) { then(filepath.Join(dir, name)) }
		loop := make(chan func(), 16)
		u.do = func(fn func()) { loop <- fn }
		saved := make(chan string, 1)
		u.onExported = func(p string) { saved <- p }

		// Results follow typing through the live worker from here on; its
		// result reaches the window only when this test runs the UI loop.
		u.sync = false
		typeInto(f.field("demand.online_agents").Entry, "7")
		after := f.expected()
		if wording.Answer(lang, before) == wording.Answer(lang, after) {
			t.Fatalf("%s: 7 online agents should change the answer (%q)", lang, wording.Answer(lang, after))
		}
		if u.result == nil || wording.Answer(lang, u.result) != wording.Answer(lang, before) {
			t.Fatalf("%s: the results on screen should still be those before the edit", lang)
		}
		u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
		var path string
		deadline := time.After(30 * time.Second)
		for path == "" {
			select {
			case fn := <-loop:
				fn()
			case path = <-saved:
			case <-deadline:
				t.Fatalf("%s: the report was never saved", lang)
			}
		}
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		all := conclusionText(t, x)
		x.Close()
		if !strings.Contains(all, wording.Answer(lang, after)) {
			t.Errorf("%s: the report's answer is not the engine's for 7 agents %q:\n%s", lang, wording.Answer(lang, after), all)
		}
	}
}

// conclusionText is the first sheet's text as a spreadsheet shows it: the
// answer and the cheapest combination are formulas (they follow an
// edited price), computed here by excelize.
func conclusionText(t *testing.T, x *excelize.File) string {
	t.Helper()
	sh := x.GetSheetList()[0]
	rows, err := x.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for i, r := range rows {
		for j := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			v := r[j]
			if fm, _ := x.GetCellFormula(sh, cell); fm != "" {
				if v, err = x.CalcCellValue(sh, cell); err != nil {
					t.Fatalf("%s!%s: %v", sh, cell, err)
				}
			}
			all.WriteString(v + " ")
		}
		all.WriteString("\n")
	}
	return all.String()
}
