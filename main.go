// kefucost compares what four customer-service clouds would really cost.
// With no arguments it opens the window; with a subcommand it runs headless.
package main

import (
	"os"

	"kefucost/app/cli"
	"kefucost/app/window"
)

func main() {
	if _, _, ok := window.Args(os.Args[1:]); !ok {
		os.Exit(cli.Run(&cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:]))
	}
	os.Exit(runWindow())
}
