package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Switching the window's language keeps what the user typed and saw.

// A language switch keeps no parse error of a field that no longer exists
// (a quote row the user added), so the results are not out of date forever.
func TestLanguageSwitchKeepsNoMessageWithoutItsField(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	card := u.vendors.Cards["aliyun-icc"]
	u.vendors.EnsurePriceRow(card, "voice.minute") // via "add a quote for…"
	card.Prices["voice.minute"].SetText("¥0.12")   // pasted from the quote
	if !u.stale {
		t.Fatal("precondition")
	}
	u.setLanguage("en")
	c2 := u.vendors.Cards["aliyun-icc"]
	// The row is there again with what was pasted and its message: the
	// results are out of date because of a field the user can see.
	e := c2.Prices["voice.minute"]
	if e == nil || e.Text != "¥0.12" {
		t.Fatalf("after the switch the quote row is %v; want it showing %q", e, "¥0.12")
	}
	if !u.stale {
		t.Error("a quote that is not a number no longer holds the results out of date")
	}
	// Every text held as not a value has its field on screen.
	for path := range u.parseErrs {
		if path != `vendors.aliyun-icc.prices["voice.minute"]` {
			t.Errorf("parse error %s has no field", path)
		}
	}
	typeInto(e, "0.12")
	if u.stale || len(u.parseErrs) != 0 {
		t.Errorf("a number in the row: still out of date (%v)", u.parseErrs)
	}
}

// A language switch keeps a bad value as typed, and its message follows
// the new language.
func TestLanguageSwitchKeepsTypedTextAndTranslatesItsMessage(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(f.field("demand.online_agents").Entry, "12a")
	u.setLanguage("en")
	ff := u.form.Fields["demand.online_agents"]
	if ff.Entry.Text != "12a" {
		t.Errorf("typed %q, after switch the field shows %q", "12a", ff.Entry.Text)
	}
	if strings.ContainsAny(ff.Message(), "请整数") {
		t.Errorf("English window shows %q", ff.Message())
	}
}

// An untouched new scenario stays untouched across a language switch:
// closing does not ask about unsaved changes.
func TestUntouchedNewScenarioClosesWithoutAskingAfterLanguageSwitch(t *testing.T) {
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

// A language switch while a field is invalid keeps the last good results
// on screen (marked out of date), in the new language.
func TestLanguageSwitchWhileInvalidKeepsLastResults(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	f.field("months").Entry.SetText("500")
	before := u.results.Totals["tencent-qidian"].Text
	u.setLanguage("en")
	lb := u.results.Totals["tencent-qidian"]
	after := ""
	if lb != nil {
		after = lb.Text
	}
	t.Logf("cards: %d objects; chart image nil: %v", len(u.results.Cards.Objects), u.results.Cumulative.Image() == nil)
	if after == "" {
		t.Errorf("card total was %q; after switching language while out of date: nothing shown", before)
	}
}

// Store errors (here: rename onto an existing name) are in the window's
// language.
func TestStoreErrorsInWindowLanguage(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "A")
	u.onSave()
	u.onNew()
	typeInto(u.form.Name, "B")
	u.onSave()
	u.onRename()
	dlg := u.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, dlg), "A")
	test.Tap(findButtons(dlg, "确定")[0])
	if txt := labelsText(u.win.Canvas().Overlays().Top()); strings.Contains(txt, "already exists") {
		t.Errorf("Chinese window says %q", txt)
	}
}

// The undo bar of a delete stays across a language switch.
func TestUndoBarSurvivesLanguageSwitch(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "A")
	u.onSave()
	u.onDelete()
	u.setLanguage("en")
	if !u.list.UndoBar.Visible() {
		t.Errorf("undo bar gone after language switch (lastDeleted %q)", u.lastDeleted)
	}
}

// Translating a revision summary leaves scenario and file names in it as
// they are.
func TestSummaryTranslationKeepsNames(t *testing.T) {
	zh := tr("zh")
	for in, keep := range map[string]string{
		`created (copy of "latest start; name" revision 2)`: "latest start; name",
		`created (imported from start.kefucost.json)`:       "start.kefucost.json",
		`created (imported from a:b.json)`:                  "a:b.json",
		`created (copy of "say \"hi\"" revision 1)`:         `say "hi"`,
	} {
		if got := zh.Summary(in); !strings.Contains(got, keep) {
			t.Errorf("summary(%q) = %q: the name %q is altered", in, got, keep)
		}
	}
	// Untranslated forms the store writes.
	for _, in := range []string{"prices of chatopera: edition 2023-12", "created (imported)"} {
		if got := zh.Summary(in); strings.Contains(got, "edition") || strings.Contains(got, "imported") {
			t.Errorf("summary(%q) = %q", in, got)
		}
	}
}

// The breakdown keeps showing its vendor across a language switch.
func TestBreakdownKeepsItsVendorAcrossLanguageSwitch(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.results.VendorSel.SetSelectedIndex(2)
	before := u.results.Selected().Vendor
	u.setLanguage("zh")
	if after := u.results.Selected(); after == nil || after.Vendor != before {
		t.Errorf("breakdown showed %s; after a language switch it shows %v", before, after.Vendor)
	}
}
