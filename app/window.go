package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"kefucost/assets"
)

// RunWindow opens the main window on a and blocks until it closes.
func RunWindow(a fyne.App, args []string) int {
	a.Settings().SetTheme(NewTheme())
	a.SetIcon(assets.IconResource())
	w := a.NewWindow("kefucost 客服云成本对比")
	w.SetIcon(assets.IconResource())
	w.SetContent(widget.NewLabel("kefucost"))
	w.ShowAndRun()
	return 0
}
