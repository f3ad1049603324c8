//go:build windows

package main

// On Windows the size Fyne sets is the client area: the title bar and the
// borders come on top of it, and Fyne centres the client area on the whole
// monitor (taskbar included). A window as large as the work area then has
// its title bar above the screen and its bottom under the taskbar (seen
// under wine at 1366×768, and at 1920×1080 with 150 % scaling). frameAllowance
// is what the frame needs, in pixels at 100 %; screenArea takes it off.
const frameAllowanceW, frameAllowanceH = 16, 48
