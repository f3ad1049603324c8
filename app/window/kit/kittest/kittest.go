// Package kittest is what the window's tests share to look into a drawn
// widget tree (Fyne's test driver): walking it, and the lines of text it
// draws. Only tests import it (it needs fyne.io/fyne/v2/test), so it is
// never linked into the program.
package kittest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// Walk calls visit on o and on everything under it: a container's
// objects, a widget's renderer's objects. visit returning true skips what
// is under that object.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || visit(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			Walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			Walk(c, visit)
		}
	}
}

// Rows are the lines of text o draws (each canvas.Text under it), in
// order.
func Rows(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
			return true
		}
		return false
	})
	return out
}
