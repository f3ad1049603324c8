package saved

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

	"kefucost/app/window/kit"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// AskName asks for a scenario name; a name the store refuses is said
// next to the field and the dialog stays open.
func AskName(win fyne.Window, l kit.Lang, title, initial string, done func(string)) {
	e := widget.NewEntry()
	e.SetText(initial)
	msg := kit.ErrorLabel()
	var d dialog.Dialog
	submit := func() {
		name, err := store.CleanName(e.Text)
		if err != nil {
			kit.SetErrorLabel(msg, NameError(l, e.Text))
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
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(cancel, ok), nil, nil, content), win)
	d.Resize(fyne.NewSize(420, 200))
	d.Show()
	win.Canvas().Focus(e)
}

// ShowHistory lists a scenario's revisions, newest first (as History
// gives them), each with what changed; one can be opened, restored, or
// compared with the scenario being edited. Rows are as tall as their
// summary wraps to (a list's rows are all one height: a long summary ran
// over the next row).
func ShowHistory(win fyne.Window, l kit.Lang, name string, revs []store.Revision, onOpen, onRestore, onCompare func(rev int)) {
	var d dialog.Dialog
	rows := container.NewVBox()
	for i, r := range revs {
		lb := kit.NewPara(fmt.Sprintf("#%d  %s  %s", r.Number, r.Time.Local().Format("2006-01-02 15:04:05"), l.Summary(r.Summary)))
		rev := r.Number
		act := func(f func(int)) func() {
			return func() {
				d.Hide()
				f(rev)
			}
		}
		btns := container.NewHBox(widget.NewButton(l.T("action.open"), act(onOpen)), widget.NewButton(l.T("action.restore"), act(onRestore)),
			widget.NewButton(l.T("action.compare"), act(onCompare)))
		if i > 0 {
			rows.Add(widget.NewSeparator())
		}
		rows.Add(container.NewBorder(nil, nil, nil, container.NewVBox(btns), lb))
	}
	d = dialog.NewCustom(l.T("history.title", name), l.T("action.close"), container.NewVScroll(rows), win)
	d.Resize(fyne.NewSize(760, 460))
	d.Show()
}

// PickScenario lists the saved scenarios, newest first, each with a
// button to compare it with the scenario being edited.
func PickScenario(win fyne.Window, l kit.Lang, infos []store.Info, onPick func(name string)) {
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(infos) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewButton(l.T("action.compare"), nil), name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			in := infos[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(in.Name + "  " + l.T("list.updated", in.Updated.Local().Format("2006-01-02 15:04"), in.Revisions))
			box.Objects[1].(*widget.Button).OnTapped = func() {
				d.Hide()
				onPick(in.Name)
			}
		})
	d = dialog.NewCustom(l.T("compare.pick.title"), l.T("action.close"), list, win)
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
}

// ShowTrash lists deleted scenarios with restore, and empties the trash
// only when asked twice. onRestore and onEmpty report whether they did it
// (the dialog then closes).
func ShowTrash(win fyne.Window, l kit.Lang, infos []store.Info, onRestore func(store.Info) bool, onEmpty func() bool) {
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
				if onRestore(in) {
					d.Hide()
				}
			}
		})
	empty := widget.NewButtonWithIcon(l.T("trash.empty"), theme.DeleteIcon(), func() {
		Confirm(win, l, l.T("trash.empty"), l.T("trash.empty.confirm", len(infos)), l.T("trash.empty"), func() {
			if onEmpty() {
				d.Hide()
			}
		})
	})
	if len(infos) == 0 {
		empty.Disable()
	}
	body := container.NewBorder(nil, empty, nil, nil, list)
	d = dialog.NewCustom(l.T("trash.title"), l.T("action.close"), body, win)
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
}

// Confirm asks a yes/no question with buttons in the window's language
// (Fyne's own dialogs follow the system's).
func Confirm(win fyne.Window, l kit.Lang, title, msg, yes string, then func()) {
	kit.ConfirmDialog(title, yes, l.T("action.cancel"), msg, func(ok bool) {
		if ok {
			then()
		}
	}, win).Show()
}

// NameError says in the window's language why the store refuses a name.
func NameError(l kit.Lang, name string) string {
	if k := NameErrKey(name); k != "err.name_long" {
		return l.T(k)
	}
	return l.T("err.name_long", scenarios.MaxNameLen)
}

// NameErrKey is the message key of why the store refuses a name.
func NameErrKey(name string) string {
	t := strings.TrimSpace(name)
	switch {
	case t == "":
		return "err.name_empty"
	case utf8.RuneCountInString(t) > scenarios.MaxNameLen:
		return "err.name_long"
	}
	return "err.name_control"
}

// ErrorText says what the store refused, in the window's language; name
// is the scenario the action was about.
func ErrorText(l kit.Lang, err error, name string) string {
	var e *store.Error
	switch {
	case errors.Is(err, store.ErrExists):
		return l.T("store.err.exists", name)
	case errors.Is(err, store.ErrNotFound):
		return l.T("store.err.notfound", name)
	case errors.Is(err, store.ErrInvalidName):
		return NameError(l, name)
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
