// Package saved is the window's side of the saved scenarios: the list on
// the left (search, newest first, the undo bar of a delete), the dialogs
// that ask for a name, show a scenario's history and the trash, and how a
// store error is said. What an action does to the scenario being edited
// stays with the window, which the panel reaches through its On…
// handlers.
package saved

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
	"kefucost/scenarios/store"
)

// List is the saved-scenarios panel.
type List struct {
	Content fyne.CanvasObject
	Search  *widget.Entry
	List    *widget.List
	Infos   []store.Info
	UndoBar *fyne.Container
	UndoMsg *kit.Para
	Problem *kit.Para
	// selecting suppresses OnSelected while the list follows the editor.
	selecting bool
	lang      kit.Lang

	// Store is the database, nil when it could not be opened.
	Store func() *store.Store
	// Current is the saved name of the scenario being edited ("" when
	// it was never saved).
	Current func() string
	// OnSelect opens the scenario the user picked.
	OnSelect                                           func(name string)
	OnDuplicate, OnRename, OnHistory, OnDelete, OnUndo func()
	// OnCompare picks a saved scenario to compare with the one edited.
	OnCompare func()
}

// NewList builds the panel in language l. lastDeleted is a scenario
// still undoable (after a language switch); noStore says there is no
// database, and problem why ("locked": another program held it).
func NewList(l kit.Lang, lastDeleted string, noStore bool, problem string) *List {
	p := &List{lang: l}
	p.Search = widget.NewEntry()
	p.Search.SetPlaceHolder(l.T("list.search"))
	p.Search.OnChanged = func(string) { p.Refresh() }
	p.List = widget.NewList(
		func() int { return len(p.Infos) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, kit.Small(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(p.Infos) {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(p.Infos[i].Name)
			box.Objects[1].(*widget.Label).SetText(l.T("list.updated",
				p.Infos[i].Updated.Local().Format("2006-01-02 15:04"), p.Infos[i].Revisions))
		},
	)
	p.List.OnSelected = p.onSelected
	p.UndoMsg = kit.NewPara("")
	undo := widget.NewButtonWithIcon(l.T("action.undo"), theme.ContentUndoIcon(), func() { p.OnUndo() })
	p.UndoBar = container.NewVBox(p.UndoMsg, undo)
	p.UndoBar.Hide()
	if lastDeleted != "" { // still undoable after a language switch
		p.UndoMsg.SetText(l.T("delete.done", lastDeleted))
		p.UndoBar.Show()
	}
	p.Problem = kit.NewPara("")
	p.Problem.Importance = widget.WarningImportance
	p.Problem.Hide()
	if noStore {
		msg := l.T("store.unavailable", problem)
		if problem == "locked" {
			msg = l.T("store.locked")
		}
		p.Problem.SetText(msg)
		p.Problem.Show()
	}
	buttons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon(l.T("action.duplicate"), theme.ContentCopyIcon(), func() { p.OnDuplicate() }),
		widget.NewButtonWithIcon(l.T("action.rename"), theme.DocumentCreateIcon(), func() { p.OnRename() }),
		widget.NewButtonWithIcon(l.T("action.history"), theme.HistoryIcon(), func() { p.OnHistory() }),
		widget.NewButtonWithIcon(l.T("action.delete"), theme.DeleteIcon(), func() { p.OnDelete() }),
	)
	compare := widget.NewButtonWithIcon(l.T("action.compare"), theme.ViewRestoreIcon(), func() { p.OnCompare() })
	title := widget.NewLabelWithStyle(l.T("list.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(title, p.Search, p.Problem)
	bottom := container.NewVBox(p.UndoBar, buttons, compare)
	p.Content = container.NewBorder(top, bottom, nil, nil, p.List)
	return p
}

// Refresh re-reads the list from the store. When the store cannot answer
// (another program holds the file), the list stays as it was and says why.
func (p *List) Refresh() {
	st := p.Store()
	if st == nil {
		p.Infos = nil
	} else {
		var (
			infos []store.Info
			err   error
		)
		if q := strings.TrimSpace(p.Search.Text); q != "" {
			infos, err = st.Find(q)
		} else {
			infos, err = st.List()
		}
		if err != nil {
			p.Problem.SetText(ErrorText(p.lang, err, ""))
			p.Problem.Show()
		} else {
			p.Infos = infos
			p.Problem.Hide()
		}
	}
	p.List.Refresh()
	p.Follow()
}

// Follow selects the scenario being edited, if it is in the list.
func (p *List) Follow() {
	p.selecting = true
	defer func() { p.selecting = false }()
	cur := p.Current()
	for i, in := range p.Infos {
		if in.Name == cur && cur != "" {
			p.List.Select(i)
			return
		}
	}
	p.List.UnselectAll()
}

func (p *List) onSelected(i widget.ListItemID) {
	if p.selecting || i >= len(p.Infos) {
		return
	}
	name := p.Infos[i].Name
	if name == p.Current() {
		return
	}
	p.OnSelect(name)
	// Until the user decided, the list keeps showing what is open.
	p.Follow()
}

// Deleted shows the undo bar for the scenario just deleted.
func (p *List) Deleted(name string) {
	p.UndoMsg.SetText(p.lang.T("delete.done", name))
	p.UndoBar.Show()
}
