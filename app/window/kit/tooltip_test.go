package kit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit/kittest"
)

// A tooltip never stands between the pointer and its icon. Shown as a
// PopUp, the tooltip (an overlay: Fyne gives the top overlay every
// pointer event) took the first click on the icon and hid itself, so
// "open" opened nothing, and it stayed after the pointer left. Moving
// over the icon shows the tip and keeps it while the pointer stays on the
// icon; a click on the icon acts at once; leaving the icon hides it; a
// click elsewhere hides it and does nothing. Both kinds: a toolbar
// TipButton and WithTip over a button made elsewhere.
func TestTooltipLetsTheClickThrough(t *testing.T) {
	test.NewTempApp(t)
	taps := map[string]int{}
	tb := NewTipButton(theme.FolderOpenIcon(), "打开方案文件", func() { taps["tip button"]++ })
	plain := widget.NewButtonWithIcon("", theme.FolderNewIcon(), func() { taps["with tip"]++ })
	w := test.NewWindow(container.NewVBox(container.NewHBox(tb, WithTip(plain, "新建文件夹")), widget.NewLabel("其他内容")))
	w.Resize(fyne.NewSize(400, 300))
	c := w.Canvas()
	d := fyne.CurrentApp().Driver()
	center := func(o fyne.CanvasObject) fyne.Position {
		return d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	tipShown := func(tip string) bool {
		top := c.Overlays().Top()
		if top == nil {
			return false
		}
		var texts []string
		kittest.Walk(top, func(o fyne.CanvasObject) bool {
			if l, ok := o.(*widget.Label); ok {
				texts = append(texts, l.Text)
				return true
			}
			return false
		})
		return strings.Contains(strings.Join(texts, "\n"), tip)
	}
	for _, c2 := range []struct {
		name, tip string
		icon      fyne.CanvasObject
	}{{"tip button", "打开方案文件", tb}, {"with tip", "新建文件夹", plain}} {
		at := center(c2.icon)
		test.MoveMouse(c, at)
		if !tipShown(c2.tip) {
			t.Fatalf("%s: pointing at the icon shows no tooltip", c2.name)
		}
		test.TapCanvas(c, at)
		if taps[c2.name] != 1 {
			t.Errorf("%s: a click on the icon with its tooltip shown acted %d times, want 1", c2.name, taps[c2.name])
		}
		if tipShown(c2.tip) {
			t.Errorf("%s: the tooltip stays after the click", c2.name)
		}
		// Pointing again and moving on the icon: the tip stays; leaving
		// the icon, it goes.
		test.MoveMouse(c, fyne.NewPos(390, 290))
		test.MoveMouse(c, at)
		test.MoveMouse(c, at.AddXY(1, 1))
		if !tipShown(c2.tip) {
			t.Errorf("%s: the tooltip went while the pointer stayed on the icon", c2.name)
		}
		test.MoveMouse(c, fyne.NewPos(390, 290))
		if c.Overlays().Top() != nil {
			t.Errorf("%s: the tooltip stays after the pointer left the icon", c2.name)
		}
		// A click elsewhere while it shows hides it and is nobody's.
		test.MoveMouse(c, at)
		test.TapCanvas(c, fyne.NewPos(390, 290))
		if c.Overlays().Top() != nil || taps[c2.name] != 1 {
			t.Errorf("%s: after a click elsewhere: tooltip %v, acted %d times", c2.name, c.Overlays().Top() != nil, taps[c2.name])
		}
		test.MoveMouse(c, fyne.NewPos(390, 290))
	}
}
