package window

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/window/kit/kittest"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Two scenarios side by side, as a buyer opens them: from the history
// (a revision against the scenario being edited) and from the saved list
// (another saved scenario). Both are priced off the UI goroutine.

// waitCompared runs the UI goroutine's work handed over by the
// comparison's goroutine until the comparison is shown; the comparison
// must arrive through it (never computed on the UI goroutine).
func waitCompared(t *testing.T, u *ui, start func()) {
	t.Helper()
	loop := make(chan func(), 4)
	u.do = func(fn func()) { loop <- fn }
	shown := false
	u.onCompared = func() { shown = true }
	u.compared = nil
	start()
	if u.compared != nil {
		t.Fatal("the comparison was shown before the UI goroutine was handed it: computed on the UI goroutine")
	}
	deadline := time.After(30 * time.Second)
	for !shown {
		select {
		case fn := <-loop:
			fn()
		case <-deadline:
			t.Fatal("the comparison never showed")
		}
	}
	u.do = nil
}

// checkComparison checks the view against the engine: each vendor's
// difference is the difference of its two totals (B − A), shown to the
// fen, and each vendor's lines are largest difference first.
func checkComparison(t *testing.T, u *ui, a, b *scenarios.Scenario) {
	t.Helper()
	ca, err := pricing.Compare(a)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := pricing.Compare(b)
	if err != nil {
		t.Fatal(err)
	}
	if u.netOfVAT { // the results' switch: both sides net of VAT
		ca, cb = ca.WithoutVAT(), cb.WithoutVAT()
	}
	v := u.compared
	if len(v.Totals) != len(ca.Vendors)+1 {
		t.Fatalf("%d rows of totals, want %d vendors and the cheapest way", len(v.Totals), len(ca.Vendors))
	}
	lang := string(u.lang)
	differ := 0
	for i, ra := range ca.Vendors {
		rb := cb.Vendors[i]
		row := v.Totals[i]
		if got, want := row[0].Text, wording.VendorName(ra, lang); got != want {
			t.Errorf("row %d is %q, want %q", i, got, want)
		}
		if got, want := row[1].Text, wording.Figure(lang, ra.Total, wording.BoundOf(ra)); got != want {
			t.Errorf("%s: A shows %q, want %q", ra.Vendor, got, want)
		}
		if got, want := row[2].Text, wording.Figure(lang, rb.Total, wording.BoundOf(rb)); got != want {
			t.Errorf("%s: B shows %q, want %q", ra.Vendor, got, want)
		}
		if wording.ServesNone(ra) || wording.ServesNone(rb) {
			if row[3].Text != u.lang.T("compare.na") {
				t.Errorf("%s: no price (serves none of the needs) set against a price: %q", ra.Vendor, row[3].Text)
			}
			continue
		}
		if !ra.Complete || !rb.Complete {
			if row[3].Text != u.lang.T("compare.partial") {
				t.Errorf("%s: a partial total set against another: %q", ra.Vendor, row[3].Text)
			}
			continue
		}
		want := rb.Total.Sub(ra.Total)
		got, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimPrefix(row[3].Text, "+"), ",", ""))
		if err != nil || !got.Equal(want) {
			t.Errorf("%s: difference shows %q, want %s − %s = %s", ra.Vendor, row[3].Text, rb.Total, ra.Total, want)
		}
		if !want.IsZero() {
			differ++
		}
		// The lines it comes from, largest first, add up to it.
		var last *decimal.Decimal
		sum := decimal.Zero
		for _, l := range v.Lines[ra.Vendor] {
			d, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimPrefix(l[3].Text, "+"), ",", ""))
			if err != nil {
				t.Errorf("%s: line %q difference %q", ra.Vendor, l[0].Text, l[3].Text)
				continue
			}
			sum = sum.Add(d)
			if last != nil && d.Abs().GreaterThan(*last) {
				t.Errorf("%s: line %q (%s) comes after a smaller difference %s", ra.Vendor, l[0].Text, d, last)
			}
			x := d.Abs()
			last = &x
		}
		if !sum.Equal(want) {
			t.Errorf("%s: the lines shown add up to %s, the totals differ by %s", ra.Vendor, sum, want)
		}
	}
	if differ == 0 {
		t.Error("no vendor's total differs: the test compares nothing")
	}
	if len(v.Inputs) == 0 {
		t.Error("no input listed as different")
	}
}

// History → Compare on an earlier revision: that revision is A, the
// scenario being edited (with its unsaved edits) is B.
func TestCompareRevisionFromHistory(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.Name, "Tender")
	u.onSave()
	rev1 := u.cur.Clone()
	typeInto(f.field("demand.online_agents").Entry, "9")
	u.onSave()
	typeInto(f.field("demand.phone_agents").Entry, "6") // unsaved
	u.onHistory()
	dlg := u.win.Canvas().Overlays().Top()
	btns := findButtons(dlg, "Compare")
	if len(btns) != 2 {
		t.Fatalf("history shows %d Compare buttons, want one a revision (2)", len(btns))
	}
	waitCompared(t, u, func() { test.Tap(btns[1]) }) // newest first: revision 1
	checkComparison(t, u, rev1, u.cur.Clone())
	text := labelsText(u.win.Canvas().Overlays().Top())
	// Inputs by their names in English too (not "phone_agents 0→6").
	if strings.Contains(text, "phone_agents") {
		t.Errorf("the comparison names a field by its id:\n%s", text)
	}
	for _, want := range []string{"“Tender” revision 1", "the scenario being edited (Tender)", "Online agents", "Phone agents 0→6", "Cheapest way to cover everything"} {
		if !strings.Contains(text, want) {
			t.Errorf("the comparison does not say %q:\n%s", want, text)
		}
	}
}

// The list's Compare button: pick another saved scenario; it is A.
func TestCompareSavedFromList(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "方案一")
	u.onSave()
	first := u.cur.Clone()
	typeInto(f.field("demand.online_agents").Entry, "12")
	typeInto(f.field("demand.bots").Entry, "3")
	u.saveAs("方案二", nil)
	compare := findButtons(u.list.Content, "对比")
	if len(compare) != 1 {
		t.Fatalf("the saved list has %d 对比 buttons", len(compare))
	}
	test.Tap(compare[0])
	pick := u.win.Canvas().Overlays().Top()
	if !strings.Contains(labelsText(pick), "方案一") {
		t.Fatalf("the picker does not list 方案一:\n%s", labelsText(pick))
	}
	btn := buttonBeside(pick, "方案一  ", "对比")
	if btn == nil {
		t.Fatal("no 对比 button next to 方案一")
	}
	waitCompared(t, u, func() { test.Tap(btn) })
	checkComparison(t, u, first, u.cur.Clone())
}

// buttonBeside is the button labelled text in the row (a container) whose
// label starts with label.
func buttonBeside(o fyne.CanvasObject, label, text string) *widget.Button {
	var found *widget.Button
	kittest.Walk(o, func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok || found != nil {
			return found != nil
		}
		var lb *widget.Label
		var b *widget.Button
		for _, x := range c.Objects {
			switch x := x.(type) {
			case *widget.Label:
				lb = x
			case *widget.Button:
				b = x
			}
		}
		if lb != nil && b != nil && b.Text == text && strings.HasPrefix(lb.Text, label) {
			found = b
		}
		return found != nil
	})
	return found
}

// With the results' switch 不含税 on, both sides are net of VAT, and the
// comparison says so.
func TestCompareFollowsTheVATSwitch(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "含税与否")
	u.onSave()
	rev1 := u.cur.Clone()
	typeInto(f.field("demand.online_agents").Entry, "9")
	u.results.VAT.SetChecked(true) // as a tap does
	if !u.netOfVAT {
		t.Fatal("the VAT switch did not take")
	}
	u.onHistory()
	waitCompared(t, u, func() { test.Tap(findButtons(u.win.Canvas().Overlays().Top(), "对比")[0]) })
	checkComparison(t, u, rev1, u.cur.Clone())
	if text := labelsText(u.win.Canvas().Overlays().Top()); !strings.Contains(text, "金额不含税") {
		t.Errorf("the comparison does not say its amounts are net of VAT:\n%s", text)
	}
}
