// Package app holds kefucost's front ends: the desktop window and the
// headless subcommands. It holds no billing rule: every amount comes from
// package pricing.
package app

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// AppID is the application id Fyne keys its storage folder by; FyneApp.toml
// carries the same value.
const AppID = "cn.kefucost.app"

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

// RunCLI runs one subcommand (args without the program name) and returns
// the exit code. Every error is one clear line on stderr.
func RunCLI(env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintf(env.Stdout, "kefucost %s\n", Version)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "kefucost: unknown command %q (try: kefucost help)\n", args[0])
		return ExitUsage
	}
	return c.run(env, args[1:])
}

// Version is set at build time with -ldflags "-X kefucost/app.Version=…".
var Version = "0.1.0"

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

// DBPath is where the scenario store lives: --db wins, then KEFUCOST_DB,
// then the app's storage folder (the one Fyne gives AppID:
// ~/.config/fyne/<AppID> on Linux). The configuration folder is found as
// os.UserConfigDir finds it on Linux and the BSDs ($XDG_CONFIG_HOME, which
// must be absolute, else $HOME/.config) but read through getenv, so that
// a caller's environment (a test's Env) decides; os.UserConfigDir itself
// is asked only when neither is set, and on Windows, macOS, iOS and Plan 9.
func DBPath(flagValue string, getenv func(string) string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := getenv("KEFUCOST_DB"); p != "" {
		return p, nil
	}
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		// os.UserConfigDir uses other variables there.
	default:
		if x := getenv("XDG_CONFIG_HOME"); x != "" {
			if !filepath.IsAbs(x) {
				return "", fmt.Errorf("cannot find a folder for the database ($XDG_CONFIG_HOME is %q, a relative path); use --db PATH or KEFUCOST_DB", x)
			}
			dir = x
		} else if h := getenv("HOME"); h != "" {
			dir = filepath.Join(h, ".config")
		}
	}
	if dir == "" {
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("cannot find a folder for the database (%v); use --db PATH or KEFUCOST_DB", err)
		}
		dir = d
	}
	return filepath.Join(dir, "fyne", AppID, "scenarios.db"), nil
}
