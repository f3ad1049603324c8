// Package cli is kefucost's command line: the headless subcommands
// (compare, plans, chart, report, scenarios).
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"kefucost/app"
)

// Env is what a subcommand may touch: its streams and the environment, so
// that tests run subcommands in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// command is one subcommand; it returns the exit code.
type command struct {
	summary string
	run     func(env *Env, args []string) int
}

// commands is filled by each subcommand's file in its init.
var commands = map[string]command{}

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // bad input or a failed operation; stderr says which
	ExitUsage = 2 // the command line itself is wrong
)

// Run runs one subcommand (args without the program name) and returns
// the exit code. Every error is one clear line on stderr.
func Run(env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintf(env.Stdout, "kefucost %s\n", app.Version)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "kefucost: unknown command %q (try: kefucost help)\n", args[0])
		return ExitUsage
	}
	return c.run(env, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "kefucost — 客服云成本对比: what Chatopera, Tencent Qidian, Huawei CEC and Aliyun ICC would really cost")
	fmt.Fprintln(w, "\nUsage:\n  kefucost                 open the window\n  kefucost COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'kefucost COMMAND -h' for a command's flags.")
}

// newFlags makes a flag set that reports problems as one line on stderr
// instead of printing the whole usage.
func newFlags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("kefucost "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses and, on error, writes one line; it returns false then
// (or when -h was asked, after printing the flags to stdout).
func parseFlags(env *Env, fs *flag.FlagSet, args []string) (ok bool, code int) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fs.SetOutput(env.Stdout)
			fmt.Fprintf(env.Stdout, "Usage of %s:\n", fs.Name())
			fs.PrintDefaults()
			return false, ExitOK
		}
		fmt.Fprintf(env.Stderr, "%s: %v\n", fs.Name(), err)
		return false, ExitUsage
	}
	return true, ExitOK
}

// fail writes one error line for a subcommand and returns ExitError.
func fail(env *Env, name string, err error) int {
	msg := strings.TrimSpace(err.Error())
	fmt.Fprintf(env.Stderr, "kefucost %s: %s\n", name, msg)
	return ExitError
}
