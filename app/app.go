// Package app holds kefucost's front ends: the desktop window (app/window)
// and the headless subcommands (app/cli), with the charts (app/chart) and
// reports (app/report) both draw, and how a result is worded (app/wording).
// It holds no billing rule: every amount comes from package pricing. This
// package itself is what the front ends share: the program's identity, where
// its database lives, how a scenario file is read.
package app

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// AppID is the application id Fyne keys its storage folder by; FyneApp.toml
// carries the same value.
const AppID = "cn.kefucost.app"

// Version is set at build time with -ldflags "-X kefucost/app.Version=…".
var Version = "0.1.0"

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

// LoadScenario reads and checks a scenario file, including its catalog ids.
func LoadScenario(path string) (*scenarios.Scenario, error) {
	s, err := scenarios.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if errs := pricing.Validate(s); len(errs) > 0 {
		errs[0].File = path
		return nil, errs[0]
	}
	return s, nil
}

// EditionsOf is what a saved revision records: vendor id → the price
// editions its result was computed with, joined by "+".
func EditionsOf(c *pricing.Comparison) map[string]string {
	out := map[string]string{}
	for _, r := range c.Vendors {
		out[r.Vendor] = strings.Join(r.Editions, "+")
	}
	return out
}

// EditionsDiff lists the vendors whose recorded edition differs from now.
func EditionsDiff(saved, now map[string]string) string {
	var diffs []string
	for _, id := range slices.Sorted(maps.Keys(now)) {
		if old, ok := saved[id]; ok && old != now[id] {
			diffs = append(diffs, fmt.Sprintf("%s %s → %s", id, old, now[id]))
		}
	}
	return strings.Join(diffs, "; ")
}
