package window

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// The saved scenarios: the list on the left (search, newest first),
// save and save as, rename, duplicate, delete to the trash with undo,
// history with restore, and the draft that survives a crash.

type listPanel struct {
	u       *ui
	content fyne.CanvasObject
	search  *widget.Entry
	list    *widget.List
	infos   []store.Info
	undoBar *fyne.Container
	undoMsg *widget.Label
	problem *widget.Label
	// selecting suppresses OnSelected while the list follows the editor.
	selecting bool
}

func (u *ui) newListPanel() *listPanel {
	l := u.lang
	p := &listPanel{u: u}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(l.T("list.search"))
	p.search.OnChanged = func(string) { p.refresh() }
	p.list = widget.NewList(
		func() int { return len(p.infos) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, small(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.infos) {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(p.infos[i].Name)
			box.Objects[1].(*widget.Label).SetText(l.T("list.updated",
				p.infos[i].Updated.Local().Format("2006-01-02 15:04"), p.infos[i].Revisions))
		},
	)
	p.list.OnSelected = p.onSelected
	p.undoMsg = widget.NewLabel("")
	p.undoMsg.Wrapping = fyne.TextWrapWord
	undo := widget.NewButtonWithIcon(l.T("action.undo"), theme.ContentUndoIcon(), u.onUndoDelete)
	p.undoBar = container.NewVBox(p.undoMsg, undo)
	p.undoBar.Hide()
	if u.lastDeleted != "" { // still undoable after a language switch
		p.undoMsg.SetText(l.T("delete.done", u.lastDeleted))
		p.undoBar.Show()
	}
	p.problem = widget.NewLabel("")
	p.problem.Wrapping = fyne.TextWrapWord
	p.problem.Importance = widget.WarningImportance
	p.problem.Hide()
	if u.store == nil {
		msg := l.T("store.unavailable", u.storeProblem)
		if u.storeProblem == "locked" {
			msg = l.T("store.locked")
		}
		p.problem.SetText(msg)
		p.problem.Show()
	}
	buttons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon(l.T("action.duplicate"), theme.ContentCopyIcon(), u.onDuplicate),
		widget.NewButtonWithIcon(l.T("action.rename"), theme.DocumentCreateIcon(), u.onRename),
		widget.NewButtonWithIcon(l.T("action.history"), theme.HistoryIcon(), u.onHistory),
		widget.NewButtonWithIcon(l.T("action.delete"), theme.DeleteIcon(), u.onDelete),
	)
	title := widget.NewLabelWithStyle(l.T("list.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(title, p.search, p.problem)
	bottom := container.NewVBox(p.undoBar, buttons)
	p.content = container.NewBorder(top, bottom, nil, nil, p.list)
	p.refresh()
	return p
}

// refresh re-reads the list from the store. When the store cannot answer
// (another program holds the file), the list stays as it was and says why.
func (p *listPanel) refresh() {
	u := p.u
	if u.store == nil {
		p.infos = nil
	} else {
		var (
			infos []store.Info
			err   error
		)
		if q := strings.TrimSpace(p.search.Text); q != "" {
			infos, err = u.store.Find(q)
		} else {
			infos, err = u.store.List()
		}
		if err != nil {
			p.problem.SetText(u.storeErrorText(err, ""))
			p.problem.Show()
		} else {
			p.infos = infos
			p.problem.Hide()
		}
	}
	p.list.Refresh()
	p.follow()
}

// follow selects the scenario being edited, if it is in the list.
func (p *listPanel) follow() {
	p.selecting = true
	defer func() { p.selecting = false }()
	for i, in := range p.infos {
		if in.Name == p.u.savedName && p.u.savedName != "" {
			p.list.Select(i)
			return
		}
	}
	p.list.UnselectAll()
}

func (p *listPanel) onSelected(i widget.ListItemID) {
	if p.selecting || i >= len(p.infos) {
		return
	}
	name := p.infos[i].Name
	if name == p.u.savedName {
		return
	}
	p.u.confirmDiscard(func() { p.u.openSaved(name, 0) })
	// Until the user decided, the list keeps showing what is open.
	p.follow()
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
	u.list.refresh()
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
			u.list.problem.Hide()
			u.list.refresh()
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
	for k := range u.parseErrs {
		if k != "name" {
			u.showInfo(u.lang.T("save.invalid.title"), u.lang.T("save.invalid"))
			return false
		}
	}
	for _, e := range validateForSave(u.cur) {
		if e.Field != "name" {
			u.showInfo(u.lang.T("save.invalid.title"), u.lang.T("save.invalid"))
			return false
		}
	}
	return true
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
	u.savedBytes, _ = scenarios.Encode(u.cur)
	u.savedEditions = rev.Editions
	u.clearDraft()
	u.setName(name)
	u.list.refresh()
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

// askName asks for a scenario name; a name the store refuses is said
// next to the field and the dialog stays open.
func (u *ui) askName(title, initial string, done func(string)) {
	l := u.lang
	e := widget.NewEntry()
	e.SetText(initial)
	msg := errorLabel()
	var d dialog.Dialog
	submit := func() {
		name, err := store.CleanName(e.Text)
		if err != nil {
			setErrorLabel(msg, u.nameError(e.Text))
			return
		}
		d.Hide()
		done(name)
	}
	e.OnSubmitted = func(string) { submit() }
	content := container.NewVBox(widget.NewLabel(l.T("field.name")), e, msg)
	ok := widget.NewButtonWithIcon(l.T("action.ok"), theme.ConfirmIcon(), submit)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(l.T("action.cancel"), theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(cancel, ok), nil, nil, content), u.win)
	d.Resize(fyne.NewSize(420, 200))
	d.Show()
	u.win.Canvas().Focus(e)
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
		u.cur.Name = name
		u.setName(name)
		u.list.refresh()
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
	u.list.undoMsg.SetText(u.lang.T("delete.done", name))
	u.list.undoBar.Show()
	u.list.refresh()
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
		u.list.refresh()
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
	u.list.refresh()
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
	l := u.lang
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(revs) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, nil,
				container.NewHBox(widget.NewButton(l.T("action.open"), nil), widget.NewButton(l.T("action.restore"), nil)), lb)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := revs[i] // newest first, as History gives them
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("#%d  %s  %s", r.Number, r.Time.Local().Format("2006-01-02 15:04:05"), l.summary(r.Summary)))
			btns := box.Objects[1].(*fyne.Container)
			btns.Objects[0].(*widget.Button).OnTapped = func() {
				d.Hide()
				u.confirmDiscard(func() { u.openSaved(name, r.Number) })
			}
			btns.Objects[1].(*widget.Button).OnTapped = func() {
				d.Hide()
				u.confirmDiscard(func() {
					if _, _, err := u.store.Restore(name, r.Number); err != nil {
						u.showStoreError(err, name)
						return
					}
					u.openSaved(name, 0)
				})
			}
		})
	d = dialog.NewCustom(l.T("history.title", name), l.T("action.close"), list, u.win)
	d.Resize(fyne.NewSize(760, 460))
	d.Show()
}

// onShowTrash lists deleted scenarios with restore, and empties the trash
// only when asked twice.
func (u *ui) onShowTrash() {
	if !u.needStore() {
		return
	}
	l := u.lang
	infos, err := u.store.Trash()
	if err != nil {
		u.showStoreError(err, "")
		return
	}
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(infos) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButton(l.T("action.restore"), nil), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			in := infos[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s  (%s)", in.Name, in.TrashedAt.Local().Format("2006-01-02 15:04")))
			box.Objects[1].(*widget.Button).OnTapped = func() {
				if _, err := u.store.UndeleteID(in.ID); err != nil {
					u.showStoreError(err, in.Name)
					return
				}
				if in.ID == u.lastDeletedID {
					u.forgetUndo()
				}
				d.Hide()
				u.list.refresh()
			}
		})
	empty := widget.NewButtonWithIcon(l.T("trash.empty"), theme.DeleteIcon(), func() {
		u.confirm(l.T("trash.empty"), l.T("trash.empty.confirm", len(infos)), l.T("trash.empty"), func() {
			if _, err := u.store.EmptyTrash(); err != nil {
				u.showStoreError(err, "")
				return
			}
			u.forgetUndo()
			d.Hide()
		})
	})
	if len(infos) == 0 {
		empty.Disable()
	}
	body := container.NewBorder(nil, empty, nil, nil, list)
	d = dialog.NewCustom(l.T("trash.title"), l.T("action.close"), body, u.win)
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
}

// onNew starts a new scenario with the defaults.
func (u *ui) onNew() {
	u.confirmDiscard(func() {
		u.loadScenario(newScenario(u.lang), "", nil)
		u.list.refresh()
	})
}

// saveDraft keeps the unsaved editor state in the store.
func (u *ui) saveDraft() {
	if u.store == nil || !u.dirty() || u.isPristineNew() {
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
	d := dialog.NewConfirm(l.T("draft.title"), l.T("draft.offer", shown, when.Local().Format("2006-01-02 15:04")), func(ok bool) {
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
		u.list.refresh()
	}, u.win)
	d.SetConfirmText(l.T("draft.recover"))
	d.SetDismissText(l.T("draft.discard"))
	d.Show()
}

// confirm asks a yes/no question with buttons in the window's language
// (Fyne's own dialogs follow the system's).
func (u *ui) confirm(title, msg, yes string, then func()) {
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if ok {
			then()
		}
	}, u.win)
	d.SetConfirmText(yes)
	d.SetDismissText(u.lang.T("action.cancel"))
	d.Show()
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
	u.form.name.SetText(name)
	u.loading = false
	delete(u.parseErrs, "name")
	u.updateTitle()
	u.recompute()
}

// nameError says in the window's language why the store refuses a name.
func (u *ui) nameError(name string) string {
	if k := nameErrKey(name); k != "err.name_long" {
		return u.lang.T(k)
	}
	return u.lang.T("err.name_long", scenarios.MaxNameLen)
}

// nameErrKey is the message key of why the store refuses a name.
func nameErrKey(name string) string {
	t := strings.TrimSpace(name)
	switch {
	case t == "":
		return "err.name_empty"
	case utf8.RuneCountInString(t) > scenarios.MaxNameLen:
		return "err.name_long"
	}
	return "err.name_control"
}

// showStoreError says what the store refused, in the window's language;
// name is the scenario the action was about. Whatever it was, the editor
// keeps what the user typed.
func (u *ui) showStoreError(err error, name string) {
	u.showError(errors.New(u.storeErrorText(err, name)))
}

// storeErrorText is showStoreError's message.
func (u *ui) storeErrorText(err error, name string) string {
	l := u.lang
	var e *store.Error
	switch {
	case errors.Is(err, store.ErrExists):
		return l.T("store.err.exists", name)
	case errors.Is(err, store.ErrNotFound):
		return l.T("store.err.notfound", name)
	case errors.Is(err, store.ErrInvalidName):
		return u.nameError(name)
	case errors.Is(err, store.ErrLocked):
		return l.T("store.busy")
	case errors.Is(err, store.ErrReadOnly), errors.Is(err, store.ErrClosed):
		return l.T("store.cannot_save")
	case errors.Is(err, store.ErrNewerSchema):
		return l.T("store.newer")
	case errors.Is(err, store.ErrDamaged) && errors.As(err, &e) && e.Recovered != "":
		return l.T("store.recovered.now", e.Recovered)
	case errors.Is(err, store.ErrDamaged):
		return l.T("store.damaged")
	}
	return l.T("store.failed", err.Error())
}

// forgetUndo hides the undo bar: its scenario is back or gone for good.
func (u *ui) forgetUndo() {
	u.lastDeleted = ""
	u.lastDeletedID = 0
	u.list.undoBar.Hide()
}
