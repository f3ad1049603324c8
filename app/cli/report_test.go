package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"kefucost/app"
)

// summaryTotal is the total (column 5) on the summary sheet's row of vendor
// (column 1), as stored.
func summaryTotal(t *testing.T, f *excelize.File, vendor string) string {
	t.Helper()
	const sheet, vendorCol, totalCol = "汇总 Summary", 1, 5
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows[2:] {
		if len(r) >= vendorCol && r[vendorCol-1] == vendor {
			// The total refers to the sum of the vendor's breakdown: the
			// value a spreadsheet computes.
			cell, _ := excelize.CoordinatesToCellName(totalCol, i+3)
			v, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			d, err := decimal.NewFromString(v)
			if err != nil {
				t.Fatalf("%s!%s = %q", sheet, cell, v)
			}
			return d.StringFixed(2)
		}
	}
	t.Fatalf("%s: no row for %q", sheet, vendor)
	return ""
}

// Golden CSV reports through the command line, with a fixed generated
// time; go test ./app/cli -run ReportGolden -update rewrites them.
func TestReportGolden(t *testing.T) {
	defer func(v string) { app.Version = v }(app.Version)
	app.Version = "0.0.0-test" // the report names its generator; keep the golden files independent of releases
	for _, tc := range []struct{ name, file string }{
		{"mixed-spec-example", filepath.Join("testdata", "scenarios", "mixed-spec-example.kefucost.json")},
		{"bench-36m", benchScenario},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "r.csv")
			_, stderr, code := runCLIEnv(t, map[string]string{"SOURCE_DATE_EPOCH": "1795420800"}, "report", "--scenario", tc.file, "--out", out)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", "report-"+tc.name+".csv")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if string(got) != string(want) {
				t.Errorf("report differs from %s (rerun with -update if intended):\n%s", golden, firstDiff(string(got), string(want)))
			}
		})
	}
}

func TestReportCLI(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "comparison.XLSX")
	_, stderr, code := runCLIEnv(t, map[string]string{"LANG": "en_US.UTF-8"}, "report", "--scenario", benchScenario, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the written workbook does not open: %v", err)
	}
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), "Huawei Cloud CEC") {
		t.Errorf("LANG=en_US: sheets %q, want English vendor names", f.GetSheetList())
	}
	if got := summaryTotal(t, f, "Huawei Cloud CEC"); got != "1374760.34" {
		t.Errorf("Huawei total %q, want 1374760.34", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the output folder, want 1 (no temporary file left)", len(entries))
	}
	// The generated time: now, or SOURCE_DATE_EPOCH.
	reportNow = func() time.Time { return time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC) }
	defer func() { reportNow = time.Now }()
	csvOut := filepath.Join(dir, "r.csv")
	for _, tc := range []struct {
		epoch, want string
	}{{"", "2030-01-02 11:04:05 (UTC+8)"}, {"0", "1970-01-01 08:00:00 (UTC+8)"}} {
		if _, stderr, code := runCLIEnv(t, map[string]string{"SOURCE_DATE_EPOCH": tc.epoch}, "report", "--scenario", exampleScenario, "--out", csvOut); code != 0 {
			t.Fatal(stderr)
		}
		data, _ := os.ReadFile(csvOut)
		if !strings.Contains(string(data), "report,,,generated,,,,,,,,,,"+tc.want+",") {
			t.Errorf("SOURCE_DATE_EPOCH=%q: generated time is not %s", tc.epoch, tc.want)
		}
	}
}

func TestReportCLIErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	syntax := write("syntax.kefucost.json", "{\n  \"format\": \"kefucost.scenario\",\n  \"version\": 1,\n  \"months\": 12,,\n}")
	neg := write("neg.kefucost.json", `{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"phone_agents":-2}}`)
	aFile := write("a-file", "x")
	outDir := filepath.Join(dir, "out")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(outDir, "r.xlsx")
	sc := exampleScenario
	cases := []struct {
		env  map[string]string
		args []string
		code int
		msg  string
	}{
		{nil, []string{"--out", out}, ExitUsage, "--scenario FILE is required"},
		{nil, []string{"--scenario", sc}, ExitUsage, "--out FILE.xlsx|FILE.csv is required"},
		{nil, []string{"--scenario", sc, "--out", filepath.Join(outDir, "r.xls")}, ExitUsage, "--out must end in .xlsx or .csv, not \"r.xls\""},
		{nil, []string{"--scenario", sc, "--out", filepath.Join(outDir, "r.pdf")}, ExitUsage, "--out must end in .xlsx or .csv"},
		{nil, []string{"--scenario", sc, "--out", out, "--lang", "de"}, ExitUsage, "--lang: language must be zh or en, not \"de\""},
		{nil, []string{"--scenario", sc, "--out", out, "--format", "csv"}, ExitUsage, "flag provided but not defined: -format"},
		{nil, []string{"--scenario", sc, "--out", out, "more"}, ExitUsage, "unexpected argument \"more\""},
		{map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, []string{"--scenario", sc, "--out", out}, ExitUsage, "SOURCE_DATE_EPOCH must be whole seconds since 1970, not \"yesterday\""},
		{nil, []string{"--scenario", syntax, "--out", out}, ExitError, "syntax.kefucost.json:4:"},
		{nil, []string{"--scenario", neg, "--out", out}, ExitError, "demand.phone_agents: must not be negative"},
		{nil, []string{"--scenario", filepath.Join(dir, "missing.kefucost.json"), "--out", out}, ExitError, "no such file"},
		{nil, []string{"--scenario", sc, "--out", filepath.Join(dir, "nope", "r.csv")}, ExitError, "--out: cannot write " + filepath.Join(dir, "nope", "r.csv") + ": no such file or directory"},
		{nil, []string{"--scenario", sc, "--out", filepath.Join(aFile, "r.xlsx")}, ExitError, "--out: cannot write " + filepath.Join(aFile, "r.xlsx") + ": not a directory"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCLIEnv(t, c.env, append([]string{"report"}, c.args...)...)
			checkCLIError(t, stdout, stderr, code, c.code, "kefucost report: ", c.msg)
			if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
				t.Errorf("left files behind: %v", entries)
			}
		})
	}
	old := filepath.Join(outDir, "keep.csv")
	if err := os.WriteFile(old, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, code := runCLI(t, "report", "--scenario", neg, "--out", old)
	if got, _ := os.ReadFile(old); code == 0 || string(got) != "old report" {
		t.Errorf("exit %d; existing report now %q, want it untouched", code, got)
	}
}

// The report's CSV lists the combinations of vendors as compare --format
// csv does (it had none: the cheapest way to cover everything was in the
// workbook and compare only): each ranked combination with its rank,
// groups, total and monthly cash, those not ranked for lack of prices
// with their priced part keyed known_total, and the groups no vendor can
// take.
func TestReportCSVHasTheCombinationsCompareHas(t *testing.T) {
	// Every vendor but Chatopera off: no vendor takes the online agents.
	data, err := os.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	only := strings.Replace(string(data), `"tencent-qidian": { "plan": "auto", "discount": "1" }`, `"tencent-qidian": { "enabled": false }`, 1)
	only = strings.Replace(only, `"huawei-cec":     { "prices": { "seat.online.month": "150" } }`, `"huawei-cec": { "enabled": false }`, 1)
	noWay := filepath.Join(t.TempDir(), "only.kefucost.json")
	if err := os.WriteFile(noWay, []byte(only), 0o644); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, file := range []string{specFile, "../../pricing/testdata/typical-contact-centre.kefucost.json", noWay} {
		out, errOut, code := runCLI(t, "compare", "--scenario", file, "--format", "csv")
		if code != ExitOK {
			t.Fatalf("%s: compare exit %d: %s", file, code, errOut)
		}
		want := map[string]bool{} // what compare's CSV says of each combination, as report rows would
		cmp := readCSV(t, []byte(out))
		months := 0
		for i, h := range cmp[0] {
			if h == "status" {
				months = i - 8
			}
		}
		for _, r := range cmp[1:] {
			switch r[0] {
			case "COMBINATION":
				seen["ranked"] = true
				want["total|"+r[2]+"|"+r[1]+"|"+r[7]] = true
				for m := 0; m < months; m++ {
					want["monthly|"+r[2]+"|"+r[1]+"|"+cmp[0][8+m]+"|"+r[8+m]] = true
				}
			case "COMBINATION_PARTLY_PRICED":
				seen["partly priced"] = true
				priced := strings.TrimSuffix(strings.TrimPrefix(r[8+months], "not ranked: a part lacks prices; priced part "), " CNY")
				want["known_total|"+r[2]+"||"+priced] = true
			case "NO_COMBINATION":
				seen["no combination"] = true
				want["no_combination|"+r[2]] = true
			}
		}
		path := filepath.Join(t.TempDir(), "r.csv")
		if _, errOut, code := runCLI(t, "report", "--scenario", file, "--out", path); code != ExitOK {
			t.Fatalf("%s: report exit %d: %s", file, code, errOut)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, data)
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		got := map[string]bool{}
		for _, r := range rows[1:] {
			if r[col["section"]] != "combination" {
				continue
			}
			g, rank, amount := r[col["affects"]], r[col["quantity"]], r[col["amount"]]
			switch k := r[col["key"]]; k {
			case "total", "known_total":
				got[k+"|"+g+"|"+rank+"|"+amount] = true
			case "monthly":
				got["monthly|"+g+"|"+rank+"|"+r[col["date"]]+"|"+amount] = true
			case "no_combination":
				got["no_combination|"+g] = true
			}
		}
		for k := range want {
			if !got[k] {
				t.Errorf("%s: the report's CSV lacks compare's %s", file, k)
			}
		}
		for k := range got {
			if !want[k] {
				t.Errorf("%s: the report's CSV has %s, compare's does not", file, k)
			}
		}
	}
	for _, k := range []string{"ranked", "partly priced", "no combination"} {
		if !seen[k] {
			t.Errorf("no %s combination in the inputs: the test checks nothing for it", k)
		}
	}
}

// readCSV reads a CSV the program wrote (a byte-order mark first).
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("CSV: %v (%d rows)", err, len(rows))
	}
	return rows
}
