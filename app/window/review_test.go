package window

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kefucost/app/chart"
)

// asyncUI turns the fixture's window to the real, debounced worker, with
// the debounce timer parked so the test decides when the worker runs.
func asyncUI(f *uiFixture) {
	f.u.sync = false
	f.u.live.timer = time.AfterFunc(time.Hour, func() {}) // Reset() re-arms this no-op
}

// 1. A result requested before the form turned invalid is applied after it:
// the out-of-date mark disappears while a field is red.
func TestUIReviewStaleAppliedWhileInvalid(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	asyncUI(f)
	months := f.field("months")
	months.entry.SetText("24")   // valid: a job is pending
	test.Type(months.entry, "x") // "24x": invalid, no new job
	if !u.stale {
		t.Fatal("precondition: not stale after a bad value")
	}
	u.live.fire() // the worker's debounce timer fires
	if !u.stale || !u.results.staleBar.Visible() {
		t.Errorf("months shows %q but results are marked current (stale=%v)", months.message(), u.stale)
	}
}

// 1b. ... which then lets a chart resize compute an invalid scenario: the
// error result is applied and the window panics.
func TestUIReviewResizeAfterStaleClearedPanics(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	asyncUI(f)
	months := f.field("months")
	months.entry.SetText("50")  // valid: job pending
	months.entry.SetText("500") // invalid (1..120): no job
	u.live.fire()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("panic: %v", r)
		}
	}()
	u.onChartResized() // the user resizes the window
	u.live.fire()
}

// 2. Language switch with a bad quote in a price row the user added:
// the row is gone, its parse error stays: out of date and unsaved forever.
func TestUIReviewLanguageSwitchOrphanParseError(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	card := u.vendors.cards["aliyun-icc"]
	u.vendors.ensurePriceRow(card, "voice.minute") // via "add a quote for…"
	card.prices["voice.minute"].SetText("¥0.12")   // pasted from the quote
	if !u.stale {
		t.Fatal("precondition")
	}
	u.setLanguage("en")
	c2 := u.vendors.cards["aliyun-icc"]
	t.Logf("parseErrs after switch: %v; row exists: %v", u.parseErrs, c2.prices["voice.minute"] != nil)
	if c2.prices["voice.minute"] == nil && u.stale {
		t.Error("results stuck out of date; the field with the error no longer exists")
	}
}

// 2b. Language switch with a bad value in a form field: the typed text is
// replaced, and the message stays in the old language.
func TestUIReviewLanguageSwitchLosesTypedText(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(f.field("demand.online_agents").entry, "12a")
	u.setLanguage("en")
	ff := u.form.fields["demand.online_agents"]
	if ff.entry.Text != "12a" {
		t.Errorf("typed %q, after switch the field shows %q", "12a", ff.entry.Text)
	}
	if strings.ContainsAny(ff.message(), "请整数") {
		t.Errorf("English window shows %q", ff.message())
	}
}

// 3. A new untouched scenario, after a language switch: the title keeps
// the other language's name and closing asks about unsaved changes.
func TestUIReviewUntitledAfterLanguageSwitch(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	u.setLanguage("en")
	t.Logf("title %q", u.win.Title())
	closed := false
	u.confirmDiscard(func() { closed = true })
	if !closed {
		t.Error("untouched new scenario asks before closing after a language switch")
	}
}

// 4. Delete then Undo with an edit in between: the editor forgets it is
// that saved scenario.
func TestUIReviewUndoDeleteWithEdits(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.name, "A")
	u.onSave()
	typeInto(f.field("demand.bots").entry, "3")
	u.onDelete()
	u.onUndoDelete()
	if u.savedName != "A" {
		t.Errorf("after undo savedName %q; Ctrl+S then asks to overwrite its own scenario, History/Rename/Delete say not saved", u.savedName)
	}
	u.onSave()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Ctrl+S shows: %q", labelsText(top))
	}
}

// 5. Save as / Rename with the name field emptied: the name parse error is
// never cleared.
func TestUIReviewSaveAsClearsNameError(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.name, "")
	u.onSaveAs()
	dlg := u.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, dlg), "B")
	test.Tap(findButtons(dlg, "OK")[0])
	if u.savedName != "B" {
		t.Fatalf("not saved %q", u.savedName)
	}
	if u.dirty() || strings.HasPrefix(u.win.Title(), "●") || u.stale || u.form.nameErr.Visible() {
		t.Errorf("after Save as: parseErrs %v title %q stale %v nameErr %v", u.parseErrs, u.win.Title(), u.stale, u.form.nameErr.Visible())
	}
}

// 5b. Save as with a field in error refuses, in the window's language,
// and saves nothing.
func TestUIReviewSaveAsInvalidZh(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	f.field("months").entry.SetText("500")
	u.onSaveAs()
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsText(top), "有字段标红") {
		t.Fatalf("Save as with months 500: %q", labelsText(top))
	}
	if infos, _ := f.store.List(); len(infos) != 0 {
		t.Errorf("saved %v", infos)
	}
	// A missing name alone is asked for, not refused.
	top.Hide()
	f.field("months").entry.SetText("12")
	typeInto(u.form.name, "")
	u.onSave()
	dlg := u.win.Canvas().Overlays().Top()
	if dlg == nil || len(findButtons(dlg, "确定")) == 0 {
		t.Fatalf("Ctrl+S without a name: %q", labelsText(dlg))
	}
}

// 6. Incomplete totals: the average and runner-up show as exact amounts.
func TestUIReviewIncompleteAverage(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	for _, r := range u.result.Vendors {
		if !r.Complete {
			v := u.results.cardViews[r.Vendor]
			t.Logf("%s total %q sub %q", r.Vendor, v.total.Text, v.sub.Text)
			if !strings.Contains(v.sub.Text, "≥") && !strings.Contains(v.sub.Text, "unknown") || strings.Contains(v.sub.Text, "¥0.00") {
				t.Errorf("%s: incomplete, yet average shown as exact: %q", r.Vendor, v.sub.Text)
			}
		}
	}
}

// 7. Breakdown selection follows an index, not a vendor.
func TestUIReviewBreakdownSelectionFollowsIndex(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.results.vendorSel.SetSelectedIndex(2)
	before := u.results.selectedResult().Vendor
	first := u.result.Vendors[0].Vendor
	u.vendors.cards[first].include.SetChecked(false)
	after := u.results.selectedResult()
	if after == nil || after.Vendor != before {
		t.Errorf("breakdown showed %s; after leaving out %s it shows %v", before, first, after.Vendor)
	}
}

// 8. Text typed in a dated change is lost when another change is added.
func TestUIReviewChangeRowTextLostOnAdd(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	test.Tap(findButton(t, u.form.changes.content, "Add a change"))
	typeInto(u.form.changes.list[0].value, "8x")
	test.Tap(findButton(t, u.form.changes.content, "Add a change"))
	if got := u.form.changes.list[0].value.Text; got != "8x" {
		t.Errorf("typed 8x, row now shows %q", got)
	}
}

// 9. Open an invalid scenario file after a valid one: the old scenario's
// results are exported under the new name.
func TestUIReviewExportStale(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	s := newScenario(u.lang)
	s.Name = "other"
	s.Months = 500
	u.loadScenario(s, "", nil)
	if u.stale && u.result != nil {
		if _, err := u.chartFile("png", chart.Cumulative); err == nil {
			t.Errorf("exports a chart of the previous scenario as %q while out of date", safeFileName(u.cur.Name))
		}
	}
}

// 11. Language switch while a field is invalid: the last good results vanish.
func TestUIReviewLanguageSwitchWhileStaleBlanksResults(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	f.field("months").entry.SetText("500")
	before := u.results.totals["tencent-qidian"].Text
	u.setLanguage("en")
	lb := u.results.totals["tencent-qidian"]
	after := ""
	if lb != nil {
		after = lb.Text
	}
	t.Logf("cards: %d objects; chart image nil: %v", len(u.results.cards.Objects), u.results.cumulative.img.Image == nil)
	if after == "" {
		t.Errorf("card total was %q; after switching language while out of date: nothing shown", before)
	}
}

// 12. Changing a dated change's field throws its value away.
func TestUIReviewChangeFieldDropsValue(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	test.Tap(findButton(t, u.form.changes.content, "Add a change"))
	typeInto(u.form.changes.list[0].value, "20")
	r := u.form.changes.list[0]
	r.sel.SetSelectedIndex(indexOf(changeFields(), "phone_agents"))
	r = u.form.changes.list[0]
	if r.value.Text != "20" {
		t.Errorf("typed 20 for online agents, moved to phone agents it is %q", r.value.Text)
	}
}

// 13. Store errors show in English in the Chinese window.
func TestUIReviewRenameExistsZh(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.name, "A")
	u.onSave()
	u.onNew()
	typeInto(u.form.name, "B")
	u.onSave()
	u.onRename()
	dlg := u.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, dlg), "A")
	test.Tap(findButtons(dlg, "确定")[0])
	if txt := labelsText(u.win.Canvas().Overlays().Top()); strings.Contains(txt, "already exists") {
		t.Errorf("Chinese window says %q", txt)
	}
}

// 14. Undo bar lost on language switch.
func TestUIReviewUndoBarLanguage(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.name, "A")
	u.onSave()
	u.onDelete()
	u.setLanguage("en")
	if !u.list.undoBar.Visible() {
		t.Errorf("undo bar gone after language switch (lastDeleted %q)", u.lastDeleted)
	}
}

// 15. The draft written on its own goroutine can land after Save's ClearDraft.
func TestUIReviewDraftAfterSave(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	asyncUI(f)
	typeInto(u.form.name, "A")
	hits := 0
	for i := 0; i < 40; i++ {
		f.field("demand.bots").entry.SetText(fmt.Sprint(i + 1))
		u.saveDraft() // the draft timer fires (fyne.Do) ...
		u.onSave()    // ... and the user presses Ctrl+S
		time.Sleep(30 * time.Millisecond)
		if _, _, _, ok := f.store.Draft(); ok && !u.dirty() {
			hits++
			f.store.ClearDraft()
		}
	}
	if hits > 0 {
		t.Errorf("%d/40 saves left a draft behind (offered again at the next start)", hits)
	}
}

// 17. Trash: Restore on a row restores another scenario of the same name.
func TestUIReviewTrashRestoreSameName(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.name, "A")
	typeInto(f.field("demand.bots").entry, "1")
	u.onSave()
	u.onDelete() // first "A" (bots 1)
	u.onNew()
	u.confirmDiscardTopDiscard(t)
	typeInto(u.form.name, "A")
	typeInto(f.field("demand.bots").entry, "2")
	u.onSave()
	u.onDelete() // second "A" (bots 2), deleted later
	infos, _ := f.store.Trash()
	u.onShowTrash()
	dlg := u.win.Canvas().Overlays().Top()
	t.Logf("trash: %q", labelsText(dlg))
	// Trash lists newest first: the last row is the first "A" (bots 1).
	want := len(infos) - 1
	btns := findButtons(dlg, "Restore")
	test.Tap(btns[want])
	s, _, _ := f.store.Load("A")
	first := infos[want]
	if in, _ := f.store.Lookup("A"); in.ID != first.ID {
		t.Errorf("tapped Restore on id %d, restored id %d (bots %d)", first.ID, in.ID, s.Demand.Bots)
	}
}

func (u *ui) confirmDiscardTopDiscard(t *testing.T) {
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		if b := findButtons(top, "Discard"); len(b) > 0 {
			test.Tap(b[0])
		}
	}
}
