package main

import (
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"github.com/go-gl/glfw/v3.3/glfw"

	"kefucost/app"
	"kefucost/app/window"
)

// runWindow is the only place that creates the GLFW driver (it needs cgo and
// a display); everything the window shows lives in package app/window and is
// tested with Fyne's test driver.
func runWindow() int {
	return window.Run(fyneapp.NewWithID(app.AppID), os.Args[1:], screenArea)
}

// screenArea is the primary monitor's work area in pixels (the screen
// less panels and docks), as GLFW reports it. Fyne does not say how large
// the screen is; the window uses this to open no larger than it. Called on
// the main thread (GLFW's rule) after the driver started GLFW.
func screenArea() (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := m.GetWorkarea()
	sx, sy := m.GetContentScale()
	w -= int(float32(frameAllowanceW) * max(sx, 1))
	h -= int(float32(frameAllowanceH) * max(sy, 1))
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w), float32(h)), true
}
