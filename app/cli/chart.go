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

	"github.com/shopspring/decimal"

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
	from := fs.Int64("from", 0, "breakeven: lowest value of the field (default 0; 1 for messages_per_chat)")
	to := fs.Int64("to", 0, fmt.Sprintf("breakeven: highest value of the field (default %d × the scenario's value)", breakevenDefMult))
	dark := fs.Bool("dark", false, "dark background, as the window's dark theme")
	growth := fs.String("growth-points", "5", "tornado: how far growth moves, in percentage points of its annual rate (5: 20 % a year → 15 % / 25 %)")
	if ok, code := parseFlags(env, fs, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "kefucost %s: %s\n", name, fmt.Sprintf(format, a...))
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return usageErr("%s", env.T("cli.chart.unexpected", fs.Arg(0)))
	}
	if *file == "" {
		return usageErr("%s", env.T("cli.err.scenario_required"))
	}
	if *out == "" {
		return usageErr("%s", env.T("cli.err.out_required", ".png", ".svg"))
	}
	format, ok := outFormat(*out, "png", "svg")
	if !ok {
		return usageErr("%s", env.T("cli.err.out_ext", ".png", ".svg", filepath.Base(*out)))
	}
	k := chart.Kind(*kind)
	known := false
	for _, c := range chart.Kinds {
		known = known || c == k
	}
	if !known {
		return usageErr("%s", env.T("cli.chart.bad_kind", chart.KindList(), *kind))
	}
	l, err := cliLang(env, *lang)
	if err != nil {
		return usageErr("%s", env.T("cli.err.lang", *lang))
	}
	o := chart.Options{Width: *width, Height: *height, Lang: l, Vendor: *vendor, Dark: *dark}
	if _, _, err := o.Size(); err != nil {
		return usageErr("%s", sizeError(env, *width, *height, err))
	}
	if *vendor != "" {
		if k != chart.Breakdown && k != chart.Tornado {
			return usageErr("%s", env.T("cli.chart.vendor_kind"))
		}
		if !slices.Contains(scenarios.VendorIDs, *vendor) {
			return usageErr("%s", env.T("cli.err.vendor", *vendor, strings.Join(scenarios.VendorIDs, ", ")))
		}
	}
	setFlags := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { setFlags[f.Name] = true })
	// --vat applies to every kind (the break-even sweeps net totals too).
	if *vat != "included" && *vat != "excluded" {
		return usageErr("%s", env.T("cli.err.vat", *vat))
	}
	points, ok := growthPoints(*growth)
	if !ok {
		return usageErr("%s", env.T("cli.chart.bad_growth", *growth))
	}
	if setFlags["growth-points"] && k != chart.Tornado {
		return usageErr("%s", env.T("cli.chart.tornado_only", "growth-points"))
	}
	o.NetOfVAT = *vat == "excluded"
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
		return usageErr("%s", env.T("cli.chart.bad_field", sweepField, strings.Join(scenarios.CountFieldNames(), ", ")))
	}

	s, err := app.LoadScenario(*file)
	if err != nil {
		return fail(env, name, err)
	}
	var b bytes.Buffer
	if k == chart.Tornado {
		var t *pricing.Tornado
		t, err = pricing.ComputeTornado(s, pricing.TornadoOptions{NetOfVAT: *vat == "excluded", GrowthPoints: points})
		if err != nil {
			return fail(env, name, inFile(err, *file))
		}
		if *vendor != "" {
			if _, verr := chart.BreakdownVendor(t.Base, *vendor); verr != nil {
				return fail(env, name, errors.New(env.T("cli.chart.vendor_disabled", *vendor, *file, *vendor)))
			}
		}
		err = chart.RenderTornado(&b, format, t, o)
	} else if k == chart.Breakeven {
		// The sweep sets the field to each value: a value the field may
		// not take is refused naming the flag that asked for it (typed, or
		// by default), not demand.<field>, which the user never wrote.
		cur, _ := s.Demand.Count(sweepField)
		least, lim := scenarios.CountLeast(sweepField), scenarios.CountLimit(sweepField)
		lo := *from
		if !setFlags["from"] {
			lo = least // 0; 1 request a chat for messages_per_chat
		}
		if lo < least {
			return usageErr("%s", env.T("cli.chart.from_least", lo, wording.FieldRef(env.Lang(), sweepField), least))
		}
		hi := *to
		if !setFlags["to"] {
			hi = breakevenDefMult * cur
			if hi <= lo {
				return fail(env, name, errors.New(env.T("cli.chart.no_range", sweepField, cur, *file)))
			}
		}
		if hi <= lo {
			return usageErr("%s", env.T("cli.chart.bad_range", lo, hi))
		}
		if hi > lim {
			if setFlags["to"] {
				return usageErr("%s", env.T("cli.chart.to_limit", hi, wording.FieldRef(env.Lang(), sweepField), wording.Quantity(decimal.NewFromInt(lim))))
			}
			return fail(env, name, errors.New(env.T("cli.chart.default_to_limit", breakevenDefMult, wording.FieldRef(env.Lang(), sweepField), cur, *file, hi, wording.Quantity(decimal.NewFromInt(lim)))))
		}
		err = chart.RenderBreakeven(&b, format, s, sweepField, pricing.SweepValues(lo, hi, breakevenPoints), o)
	} else {
		var c *pricing.Comparison
		c, err = pricing.Compare(s)
		if err != nil {
			return fail(env, name, inFile(err, *file))
		}
		if c, err = withVAT(c, *vat); err != nil {
			return usageErr("%s", env.T("cli.err.vat", *vat))
		}
		if k == chart.Breakdown && *vendor != "" {
			if _, verr := chart.BreakdownVendor(c, *vendor); verr != nil {
				return fail(env, name, errors.New(env.T("cli.chart.vendor_disabled", *vendor, *file, *vendor)))
			}
		}
		err = chart.Render(&b, format, c, k, o)
	}
	if err != nil {
		return fail(env, name, inFile(err, *file))
	}
	if err := writeOutput(*out, b.Bytes()); err != nil {
		return fail(env, name, err)
	}
	return ExitOK
}

// growthPoints reads --growth-points: percentage points of the annual
// growth rate, more than 0 and at most 100, as the fraction the tornado
// takes (5 → 0.05).
func growthPoints(v string) (decimal.Decimal, bool) {
	d, err := decimal.NewFromString(strings.TrimSpace(v))
	if err != nil || !d.IsPositive() || d.GreaterThan(decimal.NewFromInt(100)) {
		return decimal.Zero, false
	}
	return d.Shift(-2), true
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
	return &outError{path: path, err: err}
}

// sizeError is why a chart cannot be drawn width × height.
func sizeError(env *Env, width, height int, err error) string {
	if env.Lang() == "en" {
		return "--width/--height: " + err.Error()
	}
	return env.T("cli.chart.bad_size", width, height, chart.MinWidth, chart.MinHeight)
}

// outError is a --out file that could not be written.
type outError struct {
	path string
	err  error
}

func (e *outError) Error() string { return fmt.Sprintf("--out: cannot write %s: %v", e.path, e.err) }

func (e *outError) Unwrap() error { return e.err }

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
	if strings.HasPrefix(strings.ToLower(systemLocale()), "en") {
		return "en", nil
	}
	return "zh", nil
}
