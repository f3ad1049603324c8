package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"kefucost/app"
	"kefucost/app/window"
)

// runWindow is the only place that creates the GLFW driver (it needs cgo and
// a display); everything the window shows lives in package app/window and is
// tested with Fyne's test driver.
func runWindow() int {
	return window.Run(fyneapp.NewWithID(app.AppID), os.Args[1:])
}
