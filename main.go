// kefucost compares what four customer-service clouds would really cost.
// With no arguments it opens the window; with a subcommand it runs headless.
package main

import (
	"os"

	_ "a.kefucost/clilocale" // must initialize before Fyne: see its doc

	"kefucost/app"
)

func main() {
	if _, window := app.WindowArgs(os.Args[1:]); !window {
		os.Exit(app.RunCLI(&app.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:]))
	}
	os.Exit(runWindow())
}
