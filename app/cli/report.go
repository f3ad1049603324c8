package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"kefucost/app"
	"kefucost/app/report"
	"kefucost/pricing"
)

func init() {
	commands["report"] = command{summary: "write the full comparison of a scenario file as .xlsx or .csv", run: runReport}
}

// reportNow is the clock of `kefucost report`'s "generated" time.
var reportNow = time.Now

func runReport(env *Env, args []string) int {
	const name = "report"
	fs := newFlags(env, name)
	file := fs.String("scenario", "", "scenario file (*.kefucost.json)")
	out := fs.String("out", "", "output file; the extension picks the format: .xlsx (workbook) or .csv (one long table)")
	vat := vatFlag(fs)
	lang := fs.String("lang", "", "language of names, labels and formulas: zh or en (default: en when LC_ALL/LANG starts with \"en\", else zh); headers are bilingual")
	if ok, code := parseFlags(env, fs, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "kefucost %s: %s\n", name, fmt.Sprintf(format, a...))
		return ExitUsage
	}
	if fs.NArg() > 0 {
		return usageErr("%s", env.T("cli.report.unexpected", fs.Arg(0)))
	}
	if *file == "" {
		return usageErr("%s", env.T("cli.err.scenario_required"))
	}
	if *out == "" {
		return usageErr("%s", env.T("cli.err.out_required", ".xlsx", ".csv"))
	}
	format, ok := outFormat(*out, "xlsx", "csv")
	if !ok {
		return usageErr("%s", env.T("cli.err.out_ext", ".xlsx", ".csv", filepath.Base(*out)))
	}
	l, err := cliLang(env, *lang)
	if err != nil {
		return usageErr("%s", env.T("cli.err.lang", *lang))
	}
	// SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
	// convention) fixes the "generated" time, for reports that must be
	// byte-identical.
	now := reportNow()
	if v := env.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil || sec < 0 {
			return usageErr("%s", env.T("cli.report.epoch", v))
		}
		now = time.Unix(sec, 0)
	}
	s, err := app.LoadScenario(*file)
	if err != nil {
		return fail(env, name, err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		return fail(env, name, inFile(err, *file))
	}
	if c, err = withVAT(c, *vat); err != nil {
		return usageErr("%s", env.T("cli.err.vat", *vat))
	}
	o := report.Options{Lang: l, Generated: now}
	var data []byte
	if format == "xlsx" {
		var b bytes.Buffer
		err = report.XLSX(&b, s, c, o)
		data = b.Bytes()
	} else {
		data, err = report.CSV(s, c, o)
	}
	if err != nil {
		return fail(env, name, err)
	}
	if err := writeOutput(*out, data); err != nil {
		return fail(env, name, err)
	}
	return ExitOK
}
