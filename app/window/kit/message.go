package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's information, error and confirm dialogs wrap their message with
// its own label, which breaks only at spaces: a Chinese refusal broke at
// its one space and left "kefucost" alone on a line, or wherever the width
// ran out ("）" alone on the last line). These dialogs show the message
// in a Para, as wide as Fyne's would be.

// maxMessageWidth is Fyne's widest text dialog (dialog/text.go).
const maxMessageWidth = 600

// MessageDialog is a dialog showing msg with one button, dismiss.
func MessageDialog(title, dismiss, msg string, win fyne.Window) dialog.Dialog {
	p := NewPara(msg)
	d := dialog.NewCustom(title, dismiss, p, win)
	return sized(d, msg, win)
}

// ConfirmDialog asks msg with buttons yes and no; then gets the answer.
func ConfirmDialog(title, yes, no, msg string, then func(bool), win fyne.Window) dialog.Dialog {
	p := NewPara(msg)
	d := dialog.NewCustomConfirm(title, yes, no, p, then, win)
	return sized(d, msg, win)
}

// sized shows d as wide as its message without wrapping, up to Fyne's
// text dialogs' width (600 px, 90 % of the window), and as tall as the
// lines the message then takes.
func sized(d dialog.Dialog, msg string, win fyne.Window) dialog.Dialog {
	return &sizedDialog{Dialog: d, msg: msg, win: win}
}

type sizedDialog struct {
	dialog.Dialog
	msg string
	win fyne.Window
}

// Show shows the dialog at its width, then gives it the height of the
// lines its message takes at that width.
func (d *sizedDialog) Show() {
	w := widget.NewLabel(d.msg).MinSize().Width + 32 + 2*theme.Padding() // Fyne's padWidth
	w = min(w, maxMessageWidth)
	if cw := d.win.Canvas().Size().Width; cw > 0 {
		w = min(w, cw*0.9)
	}
	w = max(w, d.Dialog.MinSize().Width)
	d.Dialog.Resize(fyne.NewSize(w, d.Dialog.MinSize().Height))
	d.Dialog.Show()
	d.Dialog.Resize(fyne.NewSize(w, d.Dialog.MinSize().Height))
}
