package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne's toolbar icons say nothing about what they do: a TipAction is a
// toolbar icon that shows its name under the pointer.

// TipAction is a toolbar item: an icon with a tooltip.
type TipAction struct {
	Icon        fyne.Resource
	Tip         string
	OnActivated func()
}

// NewTipAction makes a toolbar icon that names itself when pointed at.
func NewTipAction(icon fyne.Resource, tip string, on func()) *TipAction {
	return &TipAction{Icon: icon, Tip: tip, OnActivated: on}
}

// ToolbarObject is the button the toolbar shows.
func (t *TipAction) ToolbarObject() fyne.CanvasObject {
	b := &TipButton{Tip: t.Tip}
	b.Icon = t.Icon
	b.Importance = widget.LowImportance
	b.OnTapped = t.OnActivated
	b.ExtendBaseWidget(b)
	return b
}

// TipButton is a button that shows Tip while the pointer is over it.
type TipButton struct {
	widget.Button
	Tip string
	pop *widget.PopUp
}

// MouseIn shows the tooltip below the button.
func (b *TipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil || b.Tip == "" {
		return
	}
	b.hideTip()
	lb := widget.NewLabel(b.Tip)
	b.pop = widget.NewPopUp(lb, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	b.pop.ShowAtPosition(pos.Add(fyne.NewPos(0, b.Size().Height+2)))
}

// MouseOut hides the tooltip.
func (b *TipButton) MouseOut() {
	b.Button.MouseOut()
	b.hideTip()
}

// Tapped hides the tooltip and acts.
func (b *TipButton) Tapped(e *fyne.PointEvent) {
	b.hideTip()
	b.Button.Tapped(e)
}

func (b *TipButton) hideTip() {
	if b.pop != nil {
		b.pop.Hide()
		b.pop = nil
	}
}
