package window

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"kefucost/app/diff"
	"kefucost/app/window/compareview"
	"kefucost/app/window/saved"
	"kefucost/scenarios"
)

// Two scenarios side by side: the buyer picks a saved scenario (the
// list's Compare button) or a revision of the open one (History →
// Compare); it is A, the base, and the scenario being edited is B. Both
// are priced off the UI goroutine, in the VAT view the results show.

// onCompareSaved lists the saved scenarios to compare the editor with.
func (u *ui) onCompareSaved() {
	if !u.needStore() || !u.comparable() {
		return
	}
	infos, err := u.store.List()
	if err != nil {
		u.showStoreError(err, "")
		return
	}
	if len(infos) == 0 {
		u.showInfo(u.lang.T("action.compare"), u.lang.T("compare.pick.none"))
		return
	}
	saved.PickScenario(u.win, u.lang, infos, func(name string) {
		s, _, err := u.store.Load(name)
		if err != nil {
			u.showStoreError(err, name)
			return
		}
		s.Name = name
		u.compareWith(s, u.lang.T("compare.saved", name))
	})
}

// onCompareRevision compares revision rev of the saved scenario name with
// the editor.
func (u *ui) onCompareRevision(name string, rev int) {
	if !u.comparable() {
		return
	}
	s, r, err := u.store.LoadRevision(name, rev)
	if err != nil {
		u.showStoreError(err, name)
		return
	}
	s.Name = name
	u.compareWith(s, u.lang.T("compare.rev", name, r.Number))
}

// comparable says whether the editor's scenario can be priced; if not,
// why.
func (u *ui) comparable() bool {
	if u.stale || len(u.parseErrs) > 0 || u.result == nil {
		u.showInfo(u.lang.T("action.compare"), u.lang.T("compare.stale"))
		return false
	}
	return true
}

// compareWith prices a (the base) and a copy of the editor's scenario on
// their own goroutine, then shows them side by side.
func (u *ui) compareWith(a *scenarios.Scenario, nameA string) {
	b := u.cur.Clone()
	net := u.netOfVAT
	nameB := u.lang.T("compare.current")
	if u.savedName != "" {
		nameB = u.lang.T("compare.current.named", u.savedName)
	}
	go func() {
		d, err := priceBoth(a, b, net)
		u.onUI(func() {
			if err != nil {
				u.showError(fmt.Errorf("%s: %w", nameA, u.lang.FileError(err)))
				return
			}
			u.showComparison(d, nameA, nameB)
		})
	}()
}

// priceBoth prices both scenarios and sets them side by side (as the
// command line's scenarios compare --with).
func priceBoth(a, b *scenarios.Scenario, netOfVAT bool) (*diff.Diff, error) {
	return diff.Price(a, b, netOfVAT)
}

func (u *ui) showComparison(d *diff.Diff, nameA, nameB string) {
	v := compareview.New(u.lang, d, nameA, nameB)
	u.compared = v
	dlg := dialog.NewCustom(compareview.Title(u.lang, nameA, nameB), u.lang.T("action.close"), v.Content, u.win)
	size := u.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(size.Width*0.92, size.Height*0.9))
	dlg.Show()
	if u.onCompared != nil {
		u.onCompared()
	}
}
