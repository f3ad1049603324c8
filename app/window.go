package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// RunWindow opens the main window on a and blocks until it closes.
func RunWindow(a fyne.App, args []string) int {
	w := a.NewWindow("kefucost 客服云成本对比")
	w.SetContent(widget.NewLabel("kefucost"))
	w.ShowAndRun()
	return 0
}
