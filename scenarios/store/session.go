package store

import (
	"encoding/binary"
	"math/rand/v2"
	"os"
	"sync"
)

// Which draft slots belong to a program still running: a slot written by
// this process is live while its Store is open; one written by another
// process on this machine, while that process runs. A slot written on
// another machine (a database on a shared folder) is left alone: this
// program cannot tell.

var (
	sessionsMu sync.Mutex
	sessions   = map[uint64]bool{} // the open Stores of this process
)

func newSession() uint64 {
	sessionsMu.Lock()
	defer sessionsMu.Unlock()
	for {
		id := rand.Uint64()
		if id != 0 && !sessions[id] {
			sessions[id] = true
			return id
		}
	}
}

func endSession(id uint64) {
	sessionsMu.Lock()
	defer sessionsMu.Unlock()
	delete(sessions, id)
}

var hostname = sync.OnceValue(func() string {
	h, err := os.Hostname()
	if err != nil {
		return "?"
	}
	return h
})

// running reports whether the program that wrote the draft with header h
// into the slot of session (8 bytes) still runs.
func (h draftHeader) running(session []byte) bool {
	switch {
	case h.Host == "" || h.PID <= 0:
		return false // not recorded: written before slots had owners
	case h.Host != hostname():
		return true // cannot tell: leave it to that machine
	case h.PID == os.Getpid():
		if len(session) != 8 {
			return false
		}
		sessionsMu.Lock()
		defer sessionsMu.Unlock()
		return sessions[binary.BigEndian.Uint64(session)]
	}
	return processRunning(h.PID)
}
