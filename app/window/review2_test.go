package window

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// R1. Undo delete links ANY editor named like the deleted scenario: a new,
// unrelated scenario typed with that name then silently becomes a new
// revision of the restored one (no "exists, overwrite?" question).
func TestUIReview2UndoLinksUnrelatedScenario(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.name, "A")
	typeInto(f.field("demand.bots").entry, "1")
	u.onSave()
	u.onDelete()
	u.onNew()
	u.confirmDiscardTopDiscard(t) // editor: a fresh scenario
	typeInto(u.form.name, "A")    // the user names the new one "A" too
	typeInto(f.field("demand.bots").entry, "7")
	u.onUndoDelete() // brings back the old "A"
	u.onSave()
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelsText(top), "exists") {
		h, _ := f.store.History("A")
		t.Errorf("new scenario saved over restored \"A\" without asking (now %d revisions, savedName %q)", len(h), u.savedName)
	}
}

// R2. After the deleted scenario is restored from the trash dialog (or the
// trash emptied) the undo bar stays; Undo then fails and the bar never goes.
func TestUIReview2UndoBarAfterTrashRestore(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.name, "A")
	u.onSave()
	u.onDelete()
	u.onShowTrash()
	dlg := u.win.Canvas().Overlays().Top()
	test.Tap(findButtons(dlg, "Restore")[0])
	if u.list.undoBar.Visible() {
		u.onUndoDelete()
		top := u.win.Canvas().Overlays().Top()
		t.Errorf("undo bar still shown after restoring from the trash; Undo says %q; bar visible after: %v", labelsText(top), u.list.undoBar.Visible())
	}
}

// R3. Too-long name in the form: message says the name is missing.
func TestUIReview2LongNameMessage(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	long := strings.Repeat("x", scenarios.MaxNameLen+5)
	u.form.name.SetText(long)
	if got := u.form.nameErr.Text; got == u.lang.T("err.name_empty") {
		t.Errorf("name of %d chars: form says %q", len(long), got)
	}
}

// R4. Opening a scenario, then switching language before its first result
// arrives: the previous scenario's results are taken as this one's (fresh
// is cleared), and stay on screen after the new scenario turns invalid.
func TestUIReview2FreshLostOnLanguageSwitch(t *testing.T) {
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
	typeInto(u.form.fields["months"].entry, "500")
	select {
	case fn := <-loop:
		fn()
	case <-time.After(500 * time.Millisecond):
	}
	if u.result != nil && u.result.Scenario != u.cur.Name {
		t.Errorf("scenario %q shows the results of %q", u.cur.Name, u.result.Scenario)
	}
}

// R5. Summary translation rewrites scenario and file names.
func TestUIReview2SummaryNames(t *testing.T) {
	zh := tr("zh")
	for in, keep := range map[string]string{
		`created (copy of "latest start; name" revision 2)`: "latest start; name",
		`created (imported from start.kefucost.json)`:       "start.kefucost.json",
		`created (imported from a:b.json)`:                  "a:b.json",
		`created (copy of "say \"hi\"" revision 1)`:         `say "hi"`,
	} {
		if got := zh.summary(in); !strings.Contains(got, keep) {
			t.Errorf("summary(%q) = %q: the name %q is altered", in, got, keep)
		}
	}
	// Untranslated forms the store writes.
	for _, in := range []string{"prices of chatopera: edition 2023-12", "created (imported)"} {
		if got := zh.summary(in); strings.Contains(got, "edition") || strings.Contains(got, "imported") {
			t.Errorf("summary(%q) = %q", in, got)
		}
	}
}

// R6. The breakdown's vendor is forgotten on a language switch.
func TestUIReview2BreakdownVendorAcrossLanguage(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.results.vendorSel.SetSelectedIndex(2)
	before := u.results.selectedResult().Vendor
	u.setLanguage("zh")
	if after := u.results.selectedResult(); after == nil || after.Vendor != before {
		t.Errorf("breakdown showed %s; after a language switch it shows %v", before, after.Vendor)
	}
}

// R7. Moving a share row to a count field starts from the value "on that
// day" computed in file order, not date order (the engine sorts by date).
func TestUIReview2ChangeFieldValueOnDayOrder(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	s := u.cur.Clone()
	d1 := s.Start.AddMonths(2)
	d2 := s.Start.AddMonths(6)
	ten, three := int64(10), int64(3)
	half := mustDec("0.5")
	s.Changes = []scenarios.Change{{Date: d2}, {Date: d1}, {Date: d2}}
	s.Changes[0].SetCount("online_agents", &ten)
	s.Changes[1].SetCount("online_agents", &three)
	s.Changes[2].RecordedShare = &half
	u.loadScenario(s, "", nil)
	var row *changeRow
	for _, r := range u.form.changes.list {
		if r.field == "recorded_share" {
			row = r
		}
	}
	row.sel.SetSelectedIndex(indexOf(changeFields(), "online_agents"))
	last := u.cur.Changes[len(u.cur.Changes)-1]
	v, _ := last.Count("online_agents")
	if v == nil || *v != 10 {
		t.Errorf("online agents on %s are 10 (set that day; 3 was set earlier), the moved row starts at %v", d2, *v)
	}
}

// R8. Ctrl+N / close with unsaved changes and no name: Save asks for a
// name, saves, and then does not go on (the new scenario is never opened).
func TestUIReview2SaveThenViaSaveAs(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(f.field("demand.bots").entry, "3")
	typeInto(u.form.name, "")
	u.onNew()
	dlg := u.win.Canvas().Overlays().Top()
	test.Tap(findButtons(dlg, "Save")[0])
	dlg = u.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, dlg), "N")
	test.Tap(findButtons(dlg, "OK")[0])
	if u.savedName != "" || u.cur.Demand.Bots == 3 {
		t.Errorf("after Save in the New dialog: editor still %q (bots %d), no new scenario", u.savedName, u.cur.Demand.Bots)
	}
}

func mustDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestUIReview2RenameClean(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.name, "A")
	typeInto(f.field("demand.bots").entry, "2")
	u.onSave()
	u.onRename()
	dlg := u.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, dlg), "B")
	test.Tap(findButtons(dlg, "确定")[0])
	if u.dirty() || u.savedName != "B" {
		t.Errorf("after rename: dirty %v saved %q", u.dirty(), u.savedName)
	}
	typeInto(f.field("demand.bots").entry, "5")
	u.onRename()
	dlg = u.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, dlg), "C")
	test.Tap(findButtons(dlg, "确定")[0])
	if !u.dirty() {
		t.Errorf("edits lost their mark after rename")
	}
	typeInto(f.field("demand.bots").entry, "2")
	if u.dirty() {
		t.Errorf("back to saved content, still dirty")
	}
}

// R9. An incomplete vendor with a small known total: the card's average
// rounds to 0.00 and is shown as "unknown" although the total is known.
func TestUIReview2AvgUnknown(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	c := *u.result
	c.Months = 36
	r := *c.Vendors[0]
	r.Complete = false
	r.Total = mustDec("0.10")
	r.Alternatives = nil
	r.PresentValue = nil
	v := newCardView()
	v.show(u, &c, &r)
	if strings.Contains(v.sub.Text, "unknown") {
		t.Errorf("total %q, average %q", v.total.Text, v.sub.Text)
	}
}

// R10. Opening an invalid scenario clears the results, but the vendor
// cards keep the previous scenario's status ("complete", "2 unpriced: …").
func TestUIReview2FreshInvalidKeepsVendorStatus(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	s := newScenario(u.lang)
	s.Name = "other"
	s.Months = 500
	for id := range u.vendors.cards {
		u.vendors.cards[id].include.SetChecked(id != "chatopera") // previous scenario: chatopera left out
	}
	u.loadScenario(s, "", nil)
	if u.result != nil {
		t.Fatal("precondition")
	}
	for id, c := range u.vendors.cards {
		if c.status.Text != "" {
			t.Errorf("%s card says %q about a scenario that has no results", id, c.status.Text)
		}
	}
}
