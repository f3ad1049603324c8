// Package clilocale keeps Fyne from printing a locale error on every
// headless subcommand when the system locale is C.UTF-8 (the default on
// many servers and CI machines): Fyne's lang package parses the locale in
// its init, and "C" with an encoding suffix is not a language tag.
//
// Go initializes packages in import-path order among those whose imports
// are ready; this package's path sorts before "fyne.io/…" and needs only
// os, so its init runs first. It is a separate module only to have such a
// path; kefucost's go.mod points at this folder with a replace directive.
package clilocale

import (
	"os"
	"strings"
)

func init() {
	// Only for subcommands: the window keeps the environment untouched.
	if len(os.Args) < 2 || strings.HasPrefix(os.Args[1], "-") {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if base, _, _ := strings.Cut(v, "."); base == "C" || base == "POSIX" {
			os.Setenv(k, "C")
		}
		return // the first one set is the one that counts
	}
}
