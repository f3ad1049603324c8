//go:build unix

package store

import (
	"errors"
	"syscall"
)

// processRunning reports whether the process pid exists (signal 0 checks
// without sending anything; EPERM means it exists under another user).
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
