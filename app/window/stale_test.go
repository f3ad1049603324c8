package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"kefucost/app/chart"
)

// Results and exports while the form is invalid or the results are out of date.

// A result requested before the form turned invalid and applied after it
// leaves the results marked out of date while a field is red.
func TestResultsStayOutOfDateWhileAFieldIsInvalid(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	asyncUI(f)
	months := f.field("months")
	months.Entry.SetText("24")   // valid: a job is pending
	test.Type(months.Entry, "x") // "24x": invalid, no new job
	if !u.stale {
		t.Fatal("precondition: not stale after a bad value")
	}
	u.live.fire() // the worker's debounce timer fires
	if !u.stale || !u.results.StaleBar.Visible() {
		t.Errorf("months shows %q but results are marked current (stale=%v)", months.Message(), u.stale)
	}
}

// A chart resize while a field is invalid computes nothing: no error result
// is applied (it used to panic).
func TestResizeWhileInvalidAppliesNoErrorResult(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	asyncUI(f)
	months := f.field("months")
	months.Entry.SetText("50")  // valid: job pending
	months.Entry.SetText("500") // invalid (1..120): no job
	u.live.fire()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("panic: %v", r)
		}
	}()
	u.onChartResized() // the user resizes the window
	u.live.fire()
}

// After opening an invalid scenario, the previous scenario's charts are not
// exported under the new name.
func TestChartExportRefusedWhileOutOfDate(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	s := newScenario(u.lang)
	s.Name = "other"
	s.Months = 500
	u.loadScenario(s, "", nil)
	if !u.stale {
		t.Fatal("precondition: an invalid scenario is out of date")
	}
	if _, err := u.chartFile("png", chart.Cumulative); err == nil {
		t.Errorf("exports a chart of the previous scenario as %q while out of date", safeFileName(u.cur.Name))
	}
	if u.result != nil || len(u.results.Cards.Objects) != 0 {
		t.Errorf("the previous scenario's results are still shown for %q", u.cur.Name)
	}
}

// A language switch before an opened scenario's first result arrives never
// shows the previous scenario's results as this one's, even after it turns
// invalid.
func TestLanguageSwitchBeforeFirstResultShowsNoOtherScenarioResults(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.noDraft = true
	loop := make(chan func(), 10)
	u.do = func(fn func()) { loop <- fn }
	u.sync = false
	s := newScenario(u.lang)
	s.Name = "B"
	s.Demand.OnlineAgents = 99
	u.loadScenario(s, "", nil) // valid: computed in the background
	u.setLanguage("zh")        // before the result is back
	typeInto(u.form.Fields["months"].Entry, "500")
	// Whatever the worker still delivers is applied (or dropped) first.
	u.live.fire()
	for len(loop) > 0 {
		(<-loop)()
	}
	// B is invalid now and never had a result: nothing may be shown as
	// its results, neither the previous scenario's nor B's old ones.
	if u.result != nil {
		t.Errorf("scenario %q (invalid) shows the results of %q", u.cur.Name, u.result.Scenario)
	}
	if !u.stale {
		t.Error("an invalid scenario's results are not marked out of date")
	}
}

// Opening an invalid scenario clears the vendor cards' status too: it
// would describe the previous scenario.
func TestOpeningInvalidScenarioClearsVendorStatus(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	s := newScenario(u.lang)
	s.Name = "other"
	s.Months = 500
	for id := range u.vendors.Cards {
		u.vendors.Cards[id].Include.SetChecked(id != "chatopera") // previous scenario: chatopera left out
	}
	u.loadScenario(s, "", nil)
	if u.result != nil {
		t.Fatal("precondition")
	}
	for id, c := range u.vendors.Cards {
		if c.Status.Text != "" {
			t.Errorf("%s card says %q about a scenario that has no results", id, c.Status.Text)
		}
	}
}

// With a field red, an export is refused naming what was asked for: the
// report (Ctrl+E) as the report, the chart as the chart (the report's
// refusal used to say "导出图表").
func TestExportRefusalNamesTheReportOrTheChart(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newUIFixture(t, lang)
		u := f.u
		test.Type(f.field("months").Entry, "x")
		if !u.stale || u.result == nil {
			t.Fatalf("%s: precondition: results shown and out of date (stale %v)", lang, u.stale)
		}
		u.savePathHook = func(name string, then func(string)) {
			t.Errorf("%s: %s offered for saving while out of date", lang, name)
		}
		u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
		msg := labelsText(u.win.Canvas().Overlays().Top())
		words := map[string][2]string{"zh": {"报告", "图表"}, "en": {"the report", "chart"}}[lang]
		report, chartWord := words[0], words[1]
		if !strings.Contains(msg, u.lang.T("export.stale.report")) || !strings.Contains(msg, report) || strings.Contains(msg, chartWord) {
			t.Errorf("%s: Ctrl+E (report) refused with %q", lang, msg)
		}
		u.onExportChart("png")
		msg = labelsText(u.win.Canvas().Overlays().Top())
		if !strings.Contains(msg, u.lang.T("export.stale.chart")) || !strings.Contains(msg, chartWord) {
			t.Errorf("%s: chart export refused with %q", lang, msg)
		}
	}
}
