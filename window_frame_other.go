//go:build !windows

package main

// The window manager places the frame on Linux; see window_frame_windows.go.
const frameAllowanceW, frameAllowanceH = 0, 0
