package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
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

// NewTipButton is an icon button that names itself when pointed at.
func NewTipButton(icon fyne.Resource, tip string, on func()) *TipButton {
	b := &TipButton{Tip: tip}
	b.Icon = icon
	b.OnTapped = on
	b.ExtendBaseWidget(b)
	return b
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
	tip *tipLayer
}

// MouseIn shows the tooltip below the button.
func (b *TipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.hideTip()
	b.tip = showTip(b, b.Tip, b.Tapped, b.Button.MouseIn, b.MouseOut)
}

// MouseOut hides the tooltip, unless the pointer only moved onto it
// (the tooltip's layer then says whether it left the icon).
func (b *TipButton) MouseOut() {
	b.Button.MouseOut()
	if b.tip.onTop() {
		return
	}
	b.hideTip()
}

// Tapped hides the tooltip and acts.
func (b *TipButton) Tapped(e *fyne.PointEvent) {
	b.hideTip()
	b.Button.Tapped(e)
}

func (b *TipButton) hideTip() {
	b.tip.hide()
	b.tip = nil
}

// WithTip puts a tooltip over a button made elsewhere (Fyne's file
// dialog's icon buttons): the button stays where it is, its owner may
// still change it, and a transparent area over it shows tip while the
// pointer is there, passing the pointer on to the button (its hover
// colour). Taps go to the button: the area takes none.
func WithTip(b *widget.Button, tip string) fyne.CanvasObject {
	a := &TipArea{Target: b, Tip: tip}
	a.ExtendBaseWidget(a)
	return container.NewStack(b, a)
}

// TipArea is the transparent area of WithTip.
type TipArea struct {
	widget.BaseWidget
	Target *widget.Button
	Tip    string
	tip    *tipLayer
}

// CreateRenderer draws nothing.
func (a *TipArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// MouseIn shows the tooltip below the button.
func (a *TipArea) MouseIn(e *desktop.MouseEvent) {
	a.Target.MouseIn(e)
	a.tip.hide()
	a.tip = showTip(a, a.Tip, a.Target.Tapped, a.Target.MouseIn, a.MouseOut)
}

// MouseMoved passes the pointer on.
func (a *TipArea) MouseMoved(e *desktop.MouseEvent) { a.Target.MouseMoved(e) }

// MouseOut hides the tooltip, unless the pointer only moved onto it.
func (a *TipArea) MouseOut() {
	a.Target.MouseOut()
	if a.tip.onTop() {
		return
	}
	a.tip.hide()
	a.tip = nil
}

// A tooltip is an overlay, and Fyne sends every pointer event to the top
// overlay: shown as a PopUp, it took the click meant for the icon (the
// first click only hid the tooltip: "open" opened nothing) and kept the
// icon from hearing the pointer leave (the tooltip stayed). tipLayer
// covers the window without drawing, shows the tip under the icon, and
// hands the pointer back: a tap on the icon is the icon's, anywhere else
// it only hides the tip; over the icon the icon keeps its hover colour;
// the pointer leaving the icon hides the tip.
type tipLayer struct {
	widget.BaseWidget
	canvas fyne.Canvas
	at     fyne.CanvasObject // where the tip points (the button or its area)
	tapped func(*fyne.PointEvent)
	in     func(*desktop.MouseEvent)
	out    func()
	bubble *fyne.Container
}

// showTip shows tip under o; a tap on o goes to tapped, the pointer over
// it to in, the pointer leaving it to out. Nil when o is on no canvas.
func showTip(o fyne.CanvasObject, tip string, tapped func(*fyne.PointEvent), in func(*desktop.MouseEvent), out func()) *tipLayer {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(o)
	if c == nil || tip == "" {
		return nil
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	bg.StrokeWidth = 1
	l := &tipLayer{canvas: c, at: o, tapped: tapped, in: in, out: out, bubble: container.NewStack(bg, widget.NewLabel(tip))}
	l.ExtendBaseWidget(l)
	size := l.bubble.MinSize()
	pos := d.AbsolutePositionForObject(o).Add(fyne.NewPos(0, o.Size().Height+2))
	// Kept inside the window.
	if cs := c.Size(); cs.Width > 0 {
		pos.X = max(0, min(pos.X, cs.Width-size.Width))
		if pos.Y+size.Height > cs.Height {
			pos.Y = max(0, d.AbsolutePositionForObject(o).Y-size.Height-2)
		}
	}
	l.bubble.Resize(size)
	l.bubble.Move(pos)
	l.Resize(c.Size())
	c.Overlays().Add(l)
	return l
}

func (l *tipLayer) hide() {
	if l == nil {
		return
	}
	l.canvas.Overlays().Remove(l)
}

// onTop reports whether the tip is shown, over everything else.
func (l *tipLayer) onTop() bool { return l != nil && l.canvas.Overlays().Top() == l }

// over reports whether the absolute position p is on the icon.
func (l *tipLayer) over(p fyne.Position) bool {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.at)
	s := l.at.Size()
	return p.X >= at.X && p.Y >= at.Y && p.X < at.X+s.Width && p.Y < at.Y+s.Height
}

// CreateRenderer draws the bubble only.
func (l *tipLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout(l.bubble))
}

// Tapped hides the tip; on the icon, the icon acts.
func (l *tipLayer) Tapped(e *fyne.PointEvent) {
	l.hide()
	if l.over(e.AbsolutePosition) {
		l.tapped(e)
	}
}

// MouseIn: the pointer moved from the icon onto the layer (Fyne told the
// icon it left): still over it, the icon is hovered again.
func (l *tipLayer) MouseIn(e *desktop.MouseEvent) {
	if l.over(e.AbsolutePosition) {
		l.in(e)
		return
	}
	l.MouseMoved(e)
}

// MouseMoved hides the tip once the pointer leaves the icon.
func (l *tipLayer) MouseMoved(e *desktop.MouseEvent) {
	if !l.over(e.AbsolutePosition) {
		l.hide()
		l.out()
	}
}

// MouseOut hides the tip (the pointer left the window).
func (l *tipLayer) MouseOut() {
	l.hide()
	l.out()
}
