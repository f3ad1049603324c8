package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kefucost/app/window/demand"
	"kefucost/app/window/kit"
	"kefucost/scenarios"
)

// The requirements form: names and dated changes.

// A name that is too long is refused as too long, not as missing.
func TestLongNameMessageSaysWhy(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	long := strings.Repeat("x", scenarios.MaxNameLen+5)
	u.form.Name.SetText(long)
	if got := u.form.NameErr.Text; got == u.lang.T("err.name_empty") {
		t.Errorf("name of %d chars: form says %q", len(long), got)
	}
}

// Text typed in a dated change stays when another change is added.
func TestChangeRowKeepsTypedTextWhenARowIsAdded(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	test.Tap(findButton(t, u.form.Changes.Content, "Add a change"))
	typeInto(u.form.Changes.Rows[0].Value, "8x")
	test.Tap(findButton(t, u.form.Changes.Content, "Add a change"))
	if got := u.form.Changes.Rows[0].Value.Text; got != "8x" {
		t.Errorf("typed 8x, row now shows %q", got)
	}
}

// Moving a dated change to another field keeps its value.
func TestChangeFieldSwitchKeepsTheValue(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	test.Tap(findButton(t, u.form.Changes.Content, "Add a change"))
	typeInto(u.form.Changes.Rows[0].Value, "20")
	r := u.form.Changes.Rows[0]
	r.Sel.SetSelectedIndex(kit.IndexOf(demand.ChangeFields(), "phone_agents"))
	r = u.form.Changes.Rows[0]
	if r.Value.Text != "20" {
		t.Errorf("typed 20 for online agents, moved to phone agents it is %q", r.Value.Text)
	}
}

// A change row moved to a count field starts from that field's value on
// that day, found in date order (as the engine applies changes), not file
// order.
func TestMovedChangeStartsFromValueOnThatDay(t *testing.T) {
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
	var row *demand.ChangeRow
	for _, r := range u.form.Changes.Rows {
		if r.Field == "recorded_share" {
			row = r
		}
	}
	row.Sel.SetSelectedIndex(kit.IndexOf(demand.ChangeFields(), "online_agents"))
	last := u.cur.Changes[len(u.cur.Changes)-1]
	v, _ := last.Count("online_agents")
	if v == nil || *v != 10 {
		t.Errorf("online agents on %s are 10 (set that day; 3 was set earlier), the moved row starts at %s", d2, demand.ValueText(&last, "online_agents"))
	}
}

// Whatever a buyer can set in a file's demand or dated changes, the
// window offers too: every demand field is a form field, every field a
// change may set a change row's choice (robot_outbound_share and
// asr_seconds_per_request were file-only until 2026-12-03).
func TestEveryFileFieldIsInTheForm(t *testing.T) {
	paths := demand.Paths()
	for _, name := range scenarios.DemandFieldNames() {
		if kit.IndexOf(paths, "demand."+name) < 0 {
			t.Errorf("demand.%s can be set in a file but not in the window", name)
		}
	}
	for _, name := range scenarios.ChangeFieldNames() {
		if kit.IndexOf(demand.ChangeFields(), name) < 0 {
			t.Errorf("a dated change can set %s in a file but not in the window", name)
		}
	}
}
