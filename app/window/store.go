package window

import (
	"errors"
	"sort"
	"strings"

	"kefucost/app"
	"kefucost/app/window/kit"
	"kefucost/app/window/saved"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// The saved scenarios: the list on the left (search, newest first),
// save and save as, rename, duplicate, delete to the trash with undo,
// history with restore, and the draft that survives a crash.

// newListPanel builds the saved-scenarios list around the window.
func (u *ui) newListPanel() *saved.List {
	p := saved.NewList(u.lang, u.lastDeleted, u.store == nil, u.storeProblem)
	p.Store = func() *store.Store { return u.store }
	p.Current = func() string { return u.savedName }
	p.OnSelect = func(name string) { u.confirmDiscard(func() { u.openSaved(name, 0) }) }
	p.OnDuplicate, p.OnRename, p.OnHistory, p.OnDelete, p.OnUndo = u.onDuplicate, u.onRename, u.onHistory, u.onDelete, u.onUndoDelete
	p.OnCompare = u.onCompareSaved
	p.Refresh()
	return p
}

// openSaved loads a saved scenario (rev 0: the latest) into the editor.
func (u *ui) openSaved(name string, rev int) {
	var (
		s   *scenarios.Scenario
		r   store.Revision
		err error
	)
	if rev == 0 {
		s, r, err = u.store.Load(name)
	} else {
		s, r, err = u.store.LoadRevision(name, rev)
	}
	if err != nil {
		u.showStoreError(err, name)
		return
	}
	s.Name = name
	u.loadScenario(s, name, &r)
	if rev != 0 {
		// An older revision opened for reading: saving it makes it the
		// newest, so it counts as a change.
		u.savedBytes = nil
		u.updateTitle()
	}
	u.list.Refresh()
}

// needStore reports whether the database can be used; if it could not be
// opened because another program held it, it tries again first.
func (u *ui) needStore() bool {
	if u.store == nil && u.storeProblem == "locked" && u.storePath != "" {
		if st, err := store.Open(store.Options{Path: u.storePath}); err == nil {
			u.store, u.storeProblem = st, ""
			if st.Recovered != "" {
				u.showInfo(u.lang.T("store.title"), u.lang.T("store.recovered", st.Recovered))
			}
			u.list.Problem.Hide()
			u.list.Refresh()
		}
	}
	if u.store == nil {
		msg := u.lang.T("store.cannot_save")
		if u.storeProblem == "locked" {
			msg = u.lang.T("store.busy")
		}
		u.showInfo(u.lang.T("store.title"), msg)
		return false
	}
	return true
}

// free reports whether no saved scenario is called name; when the
// database cannot say, it tells the user and reports false.
func (u *ui) free(name string) (free bool, ok bool) {
	_, err := u.store.Lookup(name)
	switch {
	case err == nil:
		return false, true
	case errors.Is(err, store.ErrNotFound):
		return true, true
	}
	u.showStoreError(err, name)
	return false, false
}

// onSave saves a new revision under the scenario's name (Ctrl+S).
func (u *ui) onSave() { u.saveThen(nil) }

func (u *ui) saveThen(then func()) {
	if !u.needStore() {
		return
	}
	if !u.savable() {
		return
	}
	name, err := store.CleanName(u.cur.Name)
	if err != nil {
		u.saveAsThen(then)
		return
	}
	// A new scenario, or one renamed in the form, must not silently add
	// a revision to another scenario of that name.
	if name != u.savedName {
		free, ok := u.free(name)
		if !ok {
			return
		}
		if !free {
			u.confirmOverwrite(name, then)
			return
		}
	}
	u.saveAs(name, then)
}

// savable reports whether the scenario may be saved (a missing name is
// asked for); if not it says why.
func (u *ui) savable() bool {
	path, msg := u.firstProblem(true)
	if path == "" {
		return true
	}
	u.refuse(path, msg)
	return false
}

// firstProblem is the first field that is not a value or not valid (text
// typed first, then the checks, in the order of the file), with the
// message shown next to it; "" when there is none. The name is left out
// when skipName (Save asks for a name itself).
func (u *ui) firstProblem(skipName bool) (path, msg string) {
	paths := make([]string, 0, len(u.parseErrs))
	for k := range u.parseErrs {
		if !(skipName && k == "name") {
			paths = append(paths, k)
		}
	}
	sort.Strings(paths)
	if len(paths) > 0 {
		return paths[0], u.lang.TypedMsg(u.parseErrs, paths[0])
	}
	for _, e := range validateForSave(u.cur) {
		if skipName && e.Field == "name" {
			continue
		}
		return e.Field, u.lang.FieldError(e)
	}
	return "", ""
}

// inputTab is the tab of the inputs where the field at path is.
func inputTab(path string) int {
	if strings.HasPrefix(path, "vendors.") {
		return 1
	}
	return 0
}

// refuse says why the scenario cannot be saved or exported, naming the
// field and its tab, and opens that tab.
func (u *ui) refuse(path, msg string) {
	tab := inputTab(path)
	u.inputs.SelectIndex(tab)
	base := []string{"tab.requirements", "tab.vendors"}[tab]
	u.showInfo(u.lang.T("save.invalid.title"), u.lang.T("save.invalid.field", u.lang.FieldName(path), msg, u.lang.T(base)))
}

func (u *ui) confirmOverwrite(name string, then func()) {
	l := u.lang
	u.confirm(l.T("save.exists.title"), l.T("save.exists", name), l.T("action.save"), func() { u.saveAs(name, then) })
}

// saveAs saves u.cur as name (a new revision if name exists).
func (u *ui) saveAs(name string, then func()) {
	s := u.cur.Clone()
	s.Name = name
	meta := store.SaveMeta{}
	if u.result != nil && !u.stale {
		meta.Editions = app.EditionsOf(u.result)
	}
	rev, _, err := u.store.Save(name, s, meta)
	if err != nil {
		u.showStoreError(err, name)
		return
	}
	u.cur.Name = name
	u.savedName = name
	u.rememberLast(name)
	u.savedBytes, _ = scenarios.Encode(u.cur)
	u.savedEditions = rev.Editions
	u.clearDraft()
	u.setName(name)
	u.list.Refresh()
	if then != nil {
		then()
	}
}

// onSaveAs asks for a name and saves under it ("save as" for what-ifs).
func (u *ui) onSaveAs() { u.saveAsThen(nil) }

// saveAsThen asks for a name, saves, then goes on with then (what the
// user was doing when asked to save: New, Open, Close).
func (u *ui) saveAsThen(then func()) {
	if !u.needStore() {
		return
	}
	if !u.savable() {
		return
	}
	l := u.lang
	u.askName(l.T("saveas.title"), u.cur.Name, func(name string) {
		if name != u.savedName {
			free, ok := u.free(name)
			if !ok {
				return
			}
			if !free {
				u.confirmOverwrite(name, then)
				return
			}
		}
		u.saveAs(name, then)
	})
}

// askName asks for a scenario name (saved.AskName).
func (u *ui) askName(title, initial string, done func(string)) {
	saved.AskName(u.win, u.lang, title, initial, done)
}

func (u *ui) requireSaved() (string, bool) {
	if !u.needStore() {
		return "", false
	}
	if u.savedName == "" {
		u.showInfo(u.lang.T("store.title"), u.lang.T("store.not_saved"))
		return "", false
	}
	return u.savedName, true
}

func (u *ui) onRename() {
	old, ok := u.requireSaved()
	if !ok {
		return
	}
	u.askName(u.lang.T("rename.title"), old, func(name string) {
		if err := u.store.Rename(old, name); err != nil {
			u.showStoreError(err, name)
			return
		}
		// What was saved now carries the new name; edits stay edits.
		if saved, err := scenarios.Decode(u.savedBytes, ""); err == nil {
			saved.Name = name
			u.savedBytes, _ = scenarios.Encode(saved)
		}
		u.savedName = name
		u.rememberLast(name)
		u.cur.Name = name
		u.setName(name)
		u.list.Refresh()
	})
}

func (u *ui) onDuplicate() {
	src, ok := u.requireSaved()
	if !ok {
		return
	}
	u.askName(u.lang.T("duplicate.title"), u.lang.T("duplicate.name", src), func(name string) {
		if _, err := u.store.Duplicate(src, name); err != nil {
			u.showStoreError(err, name)
			return
		}
		u.confirmDiscard(func() { u.openSaved(name, 0) })
	})
}

// onDelete moves the open scenario to the trash; the undo bar brings it
// back.
func (u *ui) onDelete() {
	name, ok := u.requireSaved()
	if !ok {
		return
	}
	info, err := u.store.Lookup(name)
	if err == nil {
		err = u.store.Delete(name)
	}
	if err != nil {
		u.showStoreError(err, name)
		return
	}
	u.lastDeleted = name
	u.lastDeletedID = info.ID
	u.editorIsDeleted = true
	// What was on screen stays in the editor as an unsaved scenario, so
	// nothing typed is lost either.
	u.savedName = ""
	u.savedBytes = nil
	u.savedEditions = nil
	u.updateTitle()
	u.list.Deleted(name)
	u.list.Refresh()
}

func (u *ui) onUndoDelete() {
	name := u.lastDeleted
	if name == "" || u.store == nil {
		return
	}
	_, err := u.store.UndeleteID(u.lastDeletedID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		u.showStoreError(err, name)
		return
	}
	u.forgetUndo()
	if err != nil { // restored from the trash dialog meanwhile, or emptied
		u.showStoreError(err, name)
		u.list.Refresh()
		return
	}
	if u.editorIsDeleted && u.savedName == "" {
		// The editor is that scenario again, with whatever was typed
		// since the delete kept as unsaved changes.
		if s, rev, err := u.store.Load(name); err == nil {
			s.Name = name
			u.savedName = name
			u.savedBytes, _ = scenarios.Encode(s)
			u.savedEditions = rev.Editions
			u.updateTitle()
		}
	}
	u.list.Refresh()
}

// onHistory lists the open scenario's revisions, newest first, each with
// what changed; one can be opened or restored (restore adds a revision).
func (u *ui) onHistory() {
	name, ok := u.requireSaved()
	if !ok {
		return
	}
	revs, err := u.store.History(name)
	if err != nil {
		u.showStoreError(err, name)
		return
	}
	saved.ShowHistory(u.win, u.lang, name, revs, func(rev int) {
		u.confirmDiscard(func() { u.openSaved(name, rev) })
	}, func(rev int) {
		u.confirmDiscard(func() {
			if _, _, err := u.store.Restore(name, rev); err != nil {
				u.showStoreError(err, name)
				return
			}
			u.openSaved(name, 0)
		})
	}, func(rev int) { u.onCompareRevision(name, rev) })
}

// onShowTrash lists deleted scenarios with restore, and empties the trash
// only when asked twice.
func (u *ui) onShowTrash() {
	if !u.needStore() {
		return
	}
	infos, err := u.store.Trash()
	if err != nil {
		u.showStoreError(err, "")
		return
	}
	saved.ShowTrash(u.win, u.lang, infos, func(in store.Info) bool {
		if _, err := u.store.UndeleteID(in.ID); err != nil {
			u.showStoreError(err, in.Name)
			return false
		}
		if in.ID == u.lastDeletedID {
			u.forgetUndo()
		}
		u.list.Refresh()
		return true
	}, func() bool {
		if _, err := u.store.EmptyTrash(); err != nil {
			u.showStoreError(err, "")
			return false
		}
		u.forgetUndo()
		return true
	})
}

// onNew starts a new scenario with the defaults.
// onSample opens the sample scenario (Help menu), as a new one.
func (u *ui) onSample() {
	u.confirmDiscard(func() {
		u.loadScenario(sampleScenario(u.lang), "", nil)
		u.list.Refresh()
	})
}

func (u *ui) onNew() {
	u.confirmDiscard(func() {
		u.loadScenario(newScenario(u.lang), "", nil)
		u.list.Refresh()
	})
}

// saveDraft keeps the unsaved editor state in the store.
func (u *ui) saveDraft() {
	if u.store == nil {
		return
	}
	if !u.dirty() || u.isPristineNew() {
		// Edits undone back to what is saved (or to the untouched sample):
		// a draft written on the way is an older state, and offered at
		// the next start it would bring back what the buyer had undone.
		u.clearDraft()
		return
	}
	u.live.writeDraft(draftOp{name: u.savedName, s: u.cur.Clone()})
}

// clearDraft forgets the draft (saved, or discarded on purpose), after
// any draft write still queued.
func (u *ui) clearDraft() {
	if u.store == nil {
		return
	}
	u.live.cancelDraft()
	u.live.writeDraft(draftOp{clear: true})
}

// offerDraft offers back what was being typed when the program last
// stopped without saving.
func (u *ui) offerDraft() {
	if u.store == nil {
		return
	}
	name, s, when, ok := u.store.Draft()
	if !ok || s == nil {
		return
	}
	l := u.lang
	shown := s.Name
	if shown == "" {
		shown = l.T("scenario.untitled")
	}
	kit.ConfirmDialog(l.T("draft.title"), l.T("draft.recover"), l.T("draft.discard"), l.T("draft.offer", shown, when.Local().Format("2006-01-02 15:04")), func(ok bool) {
		if !ok {
			u.clearDraft()
			return
		}
		u.loadScenario(s, "", nil)
		if name != "" {
			if _, _, err := u.store.Load(name); err == nil {
				u.savedName = name
				u.updateTitle()
			}
		}
		u.list.Refresh()
	}, u.win).Show()
}

// confirm asks a yes/no question (saved.Confirm).
func (u *ui) confirm(title, msg, yes string, then func()) {
	saved.Confirm(u.win, u.lang, title, msg, yes, then)
}

// storeNotice is what the user must hear about the database at start.
func (u *ui) storeNotice(so storeOpen) []func() {
	l := u.lang
	switch {
	case so.locked:
		return []func(){func() { u.showInfo(l.T("store.title"), l.T("store.locked")) }}
	case so.store == nil && so.problem != "":
		return []func(){func() { u.showInfo(l.T("store.title"), l.T("store.unavailable", so.problem)) }}
	case so.recovered != "":
		return []func(){func() { u.showInfo(l.T("store.title"), l.T("store.recovered", so.recovered)) }}
	}
	return nil
}

// setName shows the scenario's (new) name in the form; a name now valid
// clears its message.
func (u *ui) setName(name string) {
	u.loading = true
	u.form.Name.SetText(name)
	u.loading = false
	delete(u.parseErrs, "name")
	u.updateTitle()
	u.recompute()
}

// showStoreError says what the store refused, in the window's language;
// name is the scenario the action was about. Whatever it was, the editor
// keeps what the user typed.
func (u *ui) showStoreError(err error, name string) {
	u.showError(errors.New(saved.ErrorText(u.lang, err, name)))
}

// forgetUndo hides the undo bar: its scenario is back or gone for good.
func (u *ui) forgetUndo() {
	u.lastDeleted = ""
	u.lastDeletedID = 0
	u.list.UndoBar.Hide()
}
