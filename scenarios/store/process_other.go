//go:build !unix && !windows

package store

// processRunning cannot tell on this system: a draft of another process
// counts as that process's, never taken.
func processRunning(pid int) bool { return true }
