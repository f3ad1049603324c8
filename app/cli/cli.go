// Package cli is kefucost's command line: the headless subcommands
// (compare, plans, chart, report, scenarios).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"kefucost/app"
	"kefucost/app/wording"
	"kefucost/scenarios"
)

// Env is what a subcommand may touch: its streams and the environment, so
// that tests run subcommands in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string

	// lang is the language of what the subcommand prints for people:
	// "zh" or "en" (Run sets it: --lang, else the locale). JSON keys,
	// ids and CSV headers do not change with it.
	lang string
}

// T is the text for key in the output language.
func (env *Env) T(key string, args ...any) string { return wording.Text(env.Lang(), key, args...) }

// Lang is the language people read the output in ("en" unless Run chose
// Chinese).
func (env *Env) Lang() string {
	if env.lang == "zh" {
		return "zh"
	}
	return "en"
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
	// --lang before the command is for every command; after it, compare,
	// plans and scenarios take it here, chart and report in their own flags
	// (it also chooses the language of the file they write).
	var flagLang string
	for len(args) > 0 && isLangFlag(args[0]) {
		var ok bool
		if args, flagLang, ok = takeLang(env, args, 1); !ok {
			return ExitUsage
		}
	}
	if len(args) > 0 && (args[0] == "chart" || args[0] == "report") {
		if flagLang != "" {
			args = append([]string{args[0], "--lang", flagLang}, args[1:]...)
		}
		flagLang = peekLang(args[1:])
	} else if len(args) > 0 {
		rest, l, ok := takeLang(env, args[1:], len(args))
		if !ok {
			return ExitUsage
		}
		if l != "" {
			flagLang = l
		}
		args = append(args[:1:1], rest...)
	}
	env.lang = textLang(env.Getenv, flagLang)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env)
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintf(env.Stdout, "kefucost %s\n", app.Version)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintln(env.Stderr, env.T("cli.unknown_command", args[0]))
		return ExitUsage
	}
	if flagLang != "" && (args[0] == "chart" || args[0] == "report") {
		// Their --lang also chooses the language of the file they write.
		args = append([]string{args[0], "--lang", flagLang}, args[1:]...)
	}
	return c.run(env, args[1:])
}

func isLangFlag(a string) bool {
	name, _, _ := strings.Cut(a, "=")
	return name == "--lang" || name == "-lang"
}

// takeLang takes up to n --lang VALUE (or --lang=VALUE, -lang) out of
// args, before "--", and checks the value; the last one counts.
func takeLang(env *Env, args []string, n int) (rest []string, lang string, ok bool) {
	rest = make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if n == 0 || !isLangFlag(a) {
			rest = append(rest, a)
			continue
		}
		n--
		_, value, hasValue := strings.Cut(a, "=")
		if !hasValue {
			if i+1 >= len(args) {
				fmt.Fprintln(env.Stderr, "kefucost: --lang needs a value: zh or en (--lang 需要取值：zh 或 en)")
				return nil, "", false
			}
			i++
			value = args[i]
		}
		if err := wording.CheckLang(value); err != nil || value == "" {
			if value == "" {
				err = wording.CheckLang(`""`)
			}
			// Both languages: the one asked for is not known.
			fmt.Fprintf(env.Stderr, "kefucost: --lang: %v (--lang 只能是 zh 或 en)\n", err)
			return nil, "", false
		}
		lang = value
	}
	return rest, lang, true
}

// peekLang is the last valid --lang value in args ("" if none): chart
// and report check it themselves.
func peekLang(args []string) string {
	lang := ""
	for i, a := range args {
		if a == "--" {
			break
		}
		if !isLangFlag(a) {
			continue
		}
		_, v, has := strings.Cut(a, "=")
		if !has && i+1 < len(args) {
			v = args[i+1]
		}
		if v == "zh" || v == "en" {
			lang = v
		}
	}
	return lang
}

// textLang is the language of the text a subcommand prints: the flag when
// given, else Chinese when the locale (LC_ALL, then LC_MESSAGES, then
// LANG: the first that is set, as POSIX reads them) is Chinese, else
// English. (The files chart and report write default to Chinese unless the
// locale is English: see cliLang.)
func textLang(getenv func(string) string, flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	if strings.HasPrefix(strings.ToLower(systemLocale()), "zh") {
		return "zh"
	}
	return "en"
}

// systemLocale is the user's locale where the system keeps it outside the
// environment (Windows: syslocale_windows.go), else "". It is consulted only
// when none of LC_ALL, LC_MESSAGES, LANG is set.
var systemLocale = func() string { return "" }

func usage(env *Env) {
	w := env.Stdout
	fmt.Fprintln(w, env.T("cli.usage.title"))
	fmt.Fprintln(w, env.T("cli.usage"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	rows := [][]string{}
	for _, n := range names {
		summary := commands[n].summary
		if t, ok := wording.Lookup(env.Lang(), "cli.cmd."+n); ok {
			summary = t
		}
		rows = append(rows, []string{"  " + n, summary})
	}
	fmt.Fprint(w, wording.Table(rows, nil))
	fmt.Fprintln(w, "\n"+env.T("cli.usage.more"))
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
			fmt.Fprintln(env.Stdout, env.T("cli.flags_usage", fs.Name()))
			printFlags(env, fs, strings.TrimPrefix(fs.Name(), "kefucost "))
			return false, ExitOK
		}
		fmt.Fprintf(env.Stderr, "%s: %s\n", fs.Name(), flagError(env, err))
		return false, ExitUsage
	}
	return true, ExitOK
}

// fail writes one error line for a subcommand and returns ExitError.
func fail(env *Env, name string, err error) int {
	var oe *outError
	if errors.As(err, &oe) && env.Lang() != "en" {
		err = errors.New(env.T("cli.err.out_write", oe.path, wording.OSReason(env.Lang(), oe.err)))
	}
	msg := strings.TrimSpace(wording.FileError(env.Lang(), err).Error())
	fmt.Fprintf(env.Stderr, "kefucost %s: %s\n", name, msg)
	return ExitError
}

// inFile names file in the engine's refusal of a scenario read from it
// (an amount past 10^15 元, growth past a field's limit, calls too
// short): the engine names the field only, and every refusal names the
// file, the field and the problem.
func inFile(err error, file string) error {
	fe, ok := err.(*scenarios.FieldError)
	if fes, many := err.(scenarios.FieldErrors); many && len(fes) > 0 {
		fe, ok = fes[0], true // the first, as every message says
	}
	if !ok || file == "" || fe.File != "" {
		return err
	}
	named := *fe
	named.File = file
	return &named
}
