package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"kefucost/app/wording"
	"kefucost/scenarios/store"
)

// What the command line says about its own use (flags, usage, the
// scenario database) in the user's language. English keeps the words it
// always had (scripts and tests read them); Chinese comes from the same
// keys in zh_Hans.json.

// flagError is the flag package's complaint in the user's language:
// "flag provided but not defined: -x", "flag needs an argument: -x",
// "invalid value "v" for flag -x: …".
func flagError(env *Env, err error) string {
	msg := err.Error()
	if env.Lang() == "en" {
		return msg
	}
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return env.T("cli.flag.undefined", f)
	}
	if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return env.T("cli.flag.needs_value", f)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		// invalid value "abc" for flag -width: parse error
		if v, f, ok := strings.Cut(rest, " for flag "); ok {
			f, _, _ = strings.Cut(f, ":")
			return env.T("cli.flag.bad_value", f, strings.Trim(v, `"`))
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		if v, f, ok := strings.Cut(rest, " for "); ok {
			f, _, _ = strings.Cut(f, ":")
			return env.T("cli.flag.bad_value", f, strings.Trim(v, `"`))
		}
	}
	return msg
}

// printFlags lists fs's flags, each with what it does: in Chinese from
// the keys cli.flag.<cmd>.<flag> (else cli.flag.<flag>), in English as
// the flag package prints them.
func printFlags(env *Env, fs *flag.FlagSet, cmd string) {
	if env.Lang() == "en" {
		fs.SetOutput(env.Stdout)
		fs.PrintDefaults()
		return
	}
	fs.VisitAll(func(f *flag.Flag) {
		usage := f.Usage
		t, ok := wording.Lookup(env.Lang(), "cli.flag."+cmd+"."+f.Name)
		if !ok {
			t, ok = wording.Lookup(env.Lang(), "cli.flag."+f.Name)
		}
		if ok {
			usage = t
			if wording.CountVerbs(t) == 1 {
				// "chart: cumulative, monthly, …": the list stays as the
				// code gives it.
				_, list, _ := strings.Cut(f.Usage, ": ")
				usage = fmt.Sprintf(t, list)
			}
		}
		line := "  -" + f.Name
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool {
			line += " " + env.T("cli.flag.value")
		}
		fmt.Fprintln(env.Stdout, line)
		fmt.Fprintf(env.Stdout, "    \t%s", usage)
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			fmt.Fprint(env.Stdout, env.T("cli.flag.default", f.DefValue))
		}
		fmt.Fprintln(env.Stdout)
	})
}

// scStoreError is what the scenario database refused, in the user's
// language. names are the scenarios the command is about, in the order
// given (rename OLD NEW: a missing one is OLD, a taken one NEW); path the
// database file; inTrash that names were looked for in the trash.
func scStoreError(env *Env, err error, names []string, path string, inTrash bool) error {
	var e *store.Error
	if env.Lang() == "en" || !errors.As(err, &e) {
		return err
	}
	first, last := "", ""
	if len(names) > 0 {
		first, last = names[0], names[len(names)-1]
	}
	if path == "" {
		path = e.Path
	}
	var msg string
	switch {
	case errors.Is(err, store.ErrNoRevision):
		msg = env.T("cli.sc.err.no_revision", first)
	case errors.Is(err, store.ErrNotFound) && inTrash:
		msg = env.T("cli.sc.err.not_in_trash", first, path)
	case errors.Is(err, store.ErrNotFound):
		msg = env.T("cli.sc.err.not_found", first, path)
	case errors.Is(err, store.ErrExists):
		msg = env.T("cli.sc.err.exists", last, path)
	case errors.Is(err, store.ErrInvalidName):
		msg = env.T("cli.sc.err.name")
	case errors.Is(err, store.ErrLocked):
		msg = env.T("cli.sc.err.locked", path)
	case errors.Is(err, store.ErrNewerSchema):
		msg = env.T("cli.sc.err.newer", path)
	case errors.Is(err, store.ErrDamaged):
		msg = env.T("cli.sc.err.damaged", path)
	default:
		msg = env.T("cli.sc.err.failed", path, err.Error())
	}
	return errors.New(msg)
}

// revisions is "1 revision" / "3 revisions" (Chinese: "3 个版本").
func revisions(env *Env, n int) string {
	if n == 1 {
		return env.T("cli.sc.revisions.one")
	}
	return env.T("cli.sc.revisions.many", n)
}
