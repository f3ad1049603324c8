package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"kefucost/app"
	"kefucost/app/chart"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

func init() {
	commands["chart"] = command{summary: "write a chart of a scenario file's comparison as PNG or SVG", run: runChart}
}

// Break-even sweeps: how many points, and the upper end when --to is not
// given (a multiple of the scenario's current value, as the chart tests use).
const (
	breakevenPoints   = 50
	breakevenDefMult  = 3
	breakevenDefField = "chats_per_day"
)

func runChart(env *Env, args []string) int {
	const name = "chart"
	fs := newFlags(env, name)
	file := fs.String("scenario", "", "scenario file (*.kefucost.json)")
	out := fs.String("out", "", "output file; the extension picks the format: .png or .svg")
	kind := fs.String("kind", string(chart.Cumulative), "chart: "+chart.KindList())
	vat := vatFlag(fs)
	lang := fs.String("lang", "", "language of the texts: zh or en (default: en when LC_ALL/LANG starts with \"en\", else zh)")
	width := fs.Int("width", chart.DefaultWidth, "width in pixels")
	height := fs.Int("height", chart.DefaultHeight, "height in pixels")
	vendor := fs.String("vendor", "", "breakdown, tornado: the vendor id to show (default: breakdown the cheapest, else the first; tornado the cheapest way to cover everything)")
	field := fs.String("field", "", "breakeven: the whole-number demand field to sweep (default "+breakevenDefField+")")
	from := fs.Int64("from", 0, "breakeven: lowest value of the field")
	to := fs.Int64("to", 0, fmt.Sprintf("breakeven: highest value of the field (default %d × the scenario's value)", breakevenDefMult))
	dark := fs.Bool("dark", false, "dark background, as the window's dark theme")
	if ok, code := parseFlags(env, fs, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "kefucost %s: %s\n", name, fmt.Sprintf(format, a...))
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q (flags are --scenario, --out, --kind, …)", fs.Arg(0))
	}
	if *file == "" {
		return usageErr("--scenario FILE is required")
	}
	if *out == "" {
		return usageErr("--out FILE.png|FILE.svg is required")
	}
	format, ok := outFormat(*out, "png", "svg")
	if !ok {
		return usageErr("--out must end in .png or .svg, not %q", filepath.Base(*out))
	}
	k := chart.Kind(*kind)
	known := false
	for _, c := range chart.Kinds {
		known = known || c == k
	}
	if !known {
		return usageErr("--kind must be one of %s, not %q", chart.KindList(), *kind)
	}
	l, err := cliLang(env, *lang)
	if err != nil {
		return usageErr("--lang: %v", err)
	}
	o := chart.Options{Width: *width, Height: *height, Lang: l, Vendor: *vendor, Dark: *dark}
	if _, _, err := o.Size(); err != nil {
		return usageErr("--width/--height: %v", err)
	}
	if *vendor != "" {
		if k != chart.Breakdown && k != chart.Tornado {
			return usageErr("%s", env.T("cli.chart.vendor_kind"))
		}
		if !slices.Contains(scenarios.VendorIDs, *vendor) {
			return usageErr("--vendor: unknown vendor %q (known: %s)", *vendor, strings.Join(scenarios.VendorIDs, ", "))
		}
	}
	setFlags := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { setFlags[f.Name] = true })
	if k != chart.Breakeven {
		for _, f := range []string{"field", "from", "to"} {
			if setFlags[f] {
				return usageErr("%s", env.T("cli.chart.breakeven_only", f))
			}
		}
	}
	sweepField := *field
	if sweepField == "" {
		sweepField = breakevenDefField
	}
	if k == chart.Breakeven && !slices.Contains(scenarios.CountFieldNames(), sweepField) {
		return usageErr("--field: %q is not a whole-number demand field (one of: %s)", sweepField, strings.Join(scenarios.CountFieldNames(), ", "))
	}

	s, err := app.LoadScenario(*file)
	if err != nil {
		return fail(env, name, err)
	}
	var b bytes.Buffer
	if k == chart.Tornado {
		if *vat != "included" && *vat != "excluded" {
			return usageErr("--vat must be included or excluded, not %q", *vat)
		}
		var t *pricing.Tornado
		t, err = pricing.ComputeTornado(s, pricing.TornadoOptions{NetOfVAT: *vat == "excluded"})
		if err != nil {
			return fail(env, name, err)
		}
		if *vendor != "" {
			if _, verr := chart.BreakdownVendor(t.Base, *vendor); verr != nil {
				return fail(env, name, errors.New(env.T("cli.chart.vendor_disabled", *vendor, *file, *vendor)))
			}
		}
		err = chart.RenderTornado(&b, format, t, o)
	} else if k == chart.Breakeven {
		cur, _ := s.Demand.Count(sweepField)
		hi := *to
		if !setFlags["to"] {
			hi = breakevenDefMult * cur
			if hi <= *from {
				return fail(env, name, fmt.Errorf("--to: %s is %d in %s, so there is no default range to sweep: give --to N", sweepField, cur, *file))
			}
		}
		if *from < 0 || hi <= *from {
			return usageErr("--from/--to: the sweep needs 0 ≤ from < to, not %d..%d", *from, hi)
		}
		err = chart.RenderBreakeven(&b, format, s, sweepField, pricing.SweepValues(*from, hi, breakevenPoints), o)
	} else {
		var c *pricing.Comparison
		c, err = pricing.Compare(s)
		if err != nil {
			return fail(env, name, err)
		}
		if c, err = withVAT(c, *vat); err != nil {
			return usageErr("%v", err)
		}
		if k == chart.Breakdown && *vendor != "" {
			if _, verr := chart.BreakdownVendor(c, *vendor); verr != nil {
				return fail(env, name, fmt.Errorf("--vendor: %s is disabled in %s (vendors.%s.enabled is false)", *vendor, *file, *vendor))
			}
		}
		err = chart.Render(&b, format, c, k, o)
	}
	if err != nil {
		return fail(env, name, err)
	}
	if err := writeOutput(*out, b.Bytes()); err != nil {
		return fail(env, name, err)
	}
	return ExitOK
}

// writeOutput writes a subcommand's --out file atomically (a temporary
// file in the same folder, synced, renamed over the target), so a failure
// leaves no half-written file and an existing file as it was. The error
// names the file the user gave, not the temporary one.
func writeOutput(path string, data []byte) error {
	err := scenarios.WriteFileAtomic(path, data)
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("--out: cannot write %s: %v", path, err)
}

// outFormat is the format an output file's extension names, when it is
// one of formats (case-insensitive).
func outFormat(path string, formats ...string) (string, bool) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	for _, f := range formats {
		if ext == f {
			return f, true
		}
	}
	return "", false
}

// cliLang is the language of a subcommand's output: the flag when given,
// else "en" when the locale (LC_ALL, then LC_MESSAGES, then LANG: the
// first that is set, as POSIX reads them) is English, else "zh".
func cliLang(env *Env, flagValue string) (string, error) {
	if flagValue != "" {
		if err := wording.CheckLang(flagValue); err != nil {
			return "", err
		}
		return flagValue, nil
	}
	getenv := env.Getenv
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return "en", nil
			}
			return "zh", nil
		}
	}
	return "zh", nil
}
