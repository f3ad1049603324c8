package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"kefucost/app"
)

// runWindow is the only place that creates the GLFW driver (it needs cgo and
// a display); everything the window shows lives in package app and is tested
// with Fyne's test driver.
func runWindow() int {
	return app.RunWindow(fyneapp.NewWithID(app.AppID), os.Args[1:])
}
