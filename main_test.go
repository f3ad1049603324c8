package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain runs the program itself instead of the tests when asked, so a
// test can start it as a user does, in its own process and environment.
func TestMain(m *testing.M) {
	if os.Getenv("KEFUCOST_TEST_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// runProgram starts the program with args and the locale variables given
// (every other locale variable unset).
func runProgram(t *testing.T, locale []string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_CTYPE":
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, "KEFUCOST_TEST_RUN_MAIN=1", "KEFUCOST_DB="+t.TempDir()+"/scenarios.db")
	cmd.Env = append(cmd.Env, locale...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

// A subcommand under the C.UTF-8 locale (servers, CI) prints what it was
// asked and nothing about the locale.
func TestSubcommandUnderCLocalePrintsNoLocaleError(t *testing.T) {
	for _, locale := range [][]string{
		{"LANG=C.UTF-8"},
		{"LC_ALL=C.UTF-8"},
		{"LC_ALL=C.utf8", "LANG=zh_CN.UTF-8"},
		{"LC_MESSAGES=POSIX.UTF-8"},
		{"LANG=C"},
		{"LANG=zh_CN.UTF-8"},
		{"LANG=en_US.UTF-8"},
		{},
	} {
		t.Run(strings.Join(locale, " "), func(t *testing.T) {
			stdout, stderr, err := runProgram(t, locale, "version")
			if err != nil || !strings.HasPrefix(stdout, "kefucost ") {
				t.Fatalf("kefucost version: %v, stdout %q, stderr %q", err, stdout, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr %q, want nothing", stderr)
			}
			if len(locale) != 1 || locale[0] != "LANG=C.UTF-8" {
				return
			}
			// A flag before the subcommand is the command line too
			// (R10: "--lang en …" and "-h" printed Fyne's locale lines).
			for _, args := range [][]string{{"--lang", "en", "version"}, {"-h"}} {
				stdout, stderr, err := runProgram(t, locale, args...)
				if err != nil || stdout == "" || stderr != "" {
					t.Errorf("kefucost %s: %v, stderr %q, want only stdout", strings.Join(args, " "), err, stderr)
				}
			}
		})
	}
}
