package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kefucost/app/report"
	"kefucost/pricing"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// namedScenario is a scenario file of the spec example's demand under
// name, with extra top-level fields.
func namedScenario(name, fields string) []byte {
	n, _ := json.Marshal(name)
	return []byte(`{"format":"kefucost.scenario","version":1,"name":` + string(n) + `,"start":"2027-01-01","months":120,` +
		`"demand":{"chats_per_day":3000,"online_agents":5,"bots":1}` + fields + `}`)
}

func limitChangesJSON(n int) string {
	var b strings.Builder
	b.WriteString(`,"changes":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"date":%q,"online_agents":%d}`, scenarios.NewDate(2027, 1, 1).AddDays(i), 5+i%50)
	}
	return b.String() + "]"
}

// Every command that reads a scenario file refuses one over a limit with
// one line naming the file, the field and the limit, and writes nothing:
// no output, no report or chart file, no change to the database. At each
// limit the file is accepted.
func TestEveryCommandRefusesFilesOverTheLimits(t *testing.T) {
	pad := func(data []byte, n int) []byte { return append(data, bytes.Repeat([]byte(" "), n-len(data))...) }
	name := strings.Repeat("名", scenarios.MaxNameLen)
	num := strings.Repeat("0", scenarios.MaxNumberText-3) + "0.5"
	cases := []struct {
		what     string
		at, over []byte
		want     []string // the message says these (besides the file)
	}{
		{"size", pad(namedScenario("size", ""), scenarios.MaxFileSize), pad(namedScenario("size", ""), scenarios.MaxFileSize+1),
			[]string{"larger than 1 MiB (1,048,576 bytes)", "not read"}},
		{"name", namedScenario(name, ""), namedScenario(name+"名", ""),
			[]string{":1:", "name: is 201 characters long; at most 200 are allowed"}},
		{"changes", namedScenario("changes", limitChangesJSON(scenarios.MaxChanges)), namedScenario("changes", limitChangesJSON(scenarios.MaxChanges+1)),
			[]string{":1:", "changes: has 501 dated changes; at most 500 are allowed"}},
		{"number", namedScenario("number", `,"discount_rate":"`+num+`"`), namedScenario("number", `,"discount_rate":"0`+num+`"`),
			[]string{":1:", "discount_rate: is a number 41 characters long", "at most 40 characters"}},
		{"price", namedScenario("price", `,"vendors":{"huawei-cec":{"prices":{"seat.online.month":"1000000000"}}}`),
			namedScenario("price", `,"vendors":{"huawei-cec":{"prices":{"seat.online.month":"1000000000.01"}}}`),
			[]string{":1:", `vendors.huawei-cec.prices["seat.online.month"]: must be from 0 to 1000000000, not 1000000000.01`}},
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "scenarios.db")
	scOK(t, db, "scenarios", "import", specFile)
	before := snapshot(t, db)
	for _, c := range cases {
		file := c.what + ".kefucost.json"
		path := filepath.Join(dir, file)
		if err := os.WriteFile(path, c.over, 0o644); err != nil {
			t.Fatal(err)
		}
		want := append([]string{file + ":"}, c.want...)
		out := filepath.Join(dir, "out")
		for _, args := range [][]string{
			{"compare", "--scenario", path},
			{"compare", "--scenario", path, "--format", "csv"},
			{"compare", "--scenario", path, "--format", "json"},
			{"report", "--scenario", path, "--out", out + ".csv"},
			{"report", "--scenario", path, "--out", out + ".xlsx"},
			{"chart", "--scenario", path, "--out", out + ".svg"},
			{"scenarios", "import", path},
			{"scenarios", "import", path, "--name", specName},
		} {
			scFail(t, db, ExitError, args, want...)
		}
		// From standard input, the file is named stdin.
		stdout, stderr, code := scRun(t, db, string(c.over), "scenarios", "import", "-", "--name", "piped")
		if code != ExitError || stdout != "" || !strings.HasPrefix(stderr, "kefucost scenarios import: stdin:") {
			t.Errorf("%s from stdin: exit %d, %q %q", c.what, code, stdout, stderr)
		}
		for _, w := range c.want[1:] {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s from stdin: %q lacks %q", c.what, stderr, w)
			}
		}
		if m, _ := filepath.Glob(out + "*"); len(m) > 0 {
			t.Errorf("%s: refused commands wrote %v", c.what, m)
		}

		// At the limit every command takes it.
		if err := os.WriteFile(path, c.at, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, stderr, code := scRun(t, "", "", "compare", "--scenario", path, "--format", "json"); code != 0 {
			t.Errorf("%s at the limit: compare exit %d: %s", c.what, code, stderr)
		}
		if _, stderr, code := scRun(t, "", "", "report", "--scenario", path, "--out", out+".csv"); code != 0 {
			t.Errorf("%s at the limit: report exit %d: %s", c.what, code, stderr)
		}
		os.Remove(out + ".csv")
		atDB := filepath.Join(t.TempDir(), "at.db")
		scOK(t, atDB, "scenarios", "import", path, "--name", "at the limit")
	}
	if after := snapshot(t, db); after != before {
		t.Fatal("a refused import changed the database")
	}
}

// sheetOutputs runs every command that writes a CSV for a scenario named
// name and returns each output by what made it; text is the name as the
// output carries it ("" when it carries no scenario text).
func sheetOutputs(t *testing.T, name string) map[string]struct {
	data []byte
	text string
} {
	t.Helper()
	out := map[string]struct {
		data []byte
		text string
	}{}
	dir := t.TempDir()
	path := filepath.Join(dir, "s.kefucost.json")
	if err := os.WriteFile(path, namedScenario(name, ""), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "compare", "--scenario", path, "--format", "csv")
	if code != 0 {
		t.Fatalf("compare: %s", stderr)
	}
	out["compare --format csv"] = struct {
		data []byte
		text string
	}{[]byte(stdout), ""}
	for _, ext := range []string{".csv", ".xlsx"} {
		r := filepath.Join(dir, "r"+ext)
		if _, stderr, code := runCLI(t, "report", "--scenario", path, "--out", r); code != 0 {
			t.Fatalf("report %s: %s", ext, stderr)
		}
		data, err := os.ReadFile(r)
		if err != nil {
			t.Fatal(err)
		}
		out["report "+ext] = struct {
			data []byte
			text string
		}{data, name}
	}
	// The store keeps names trimmed of white space (a tab or carriage
	// return in front is gone; the = after it is not).
	stored, err := store.CleanName(name)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "scenarios.db")
	scOK(t, db, "scenarios", "import", path)
	scOK(t, db, "scenarios", "duplicate", "--", stored, stored+" 2")
	scOK(t, db, "scenarios", "delete", "--", stored+" 2")
	for _, args := range [][]string{{"list"}, {"trash"}, {"compare", "--", stored}} {
		text := stored
		if args[0] == "trash" {
			text += " 2"
		}
		if args[0] == "compare" {
			text = ""
		}
		out["scenarios "+args[0]+" --format csv"] = struct {
			data []byte
			text string
		}{[]byte(scOK(t, db, append([]string{"scenarios", args[0], "--format", "csv"}, args[1:]...)...)), text}
	}
	return out
}

// Every CSV the program writes, for a scenario named after each character
// that starts a formula: the name is in it (behind a single quote) and no
// cell is a formula; the report's .xlsx keeps the name as text.
func TestEveryOutputKeepsFormulaStartsText(t *testing.T) {
	for _, c := range formulaStarts {
		name := c + injection
		outs := sheetOutputs(t, name)
		if len(outs) != 6 {
			t.Fatalf("%d outputs", len(outs))
		}
		for what, o := range outs {
			if strings.HasSuffix(what, ".xlsx") {
				if p := xlsxProblem(o.data, o.text); p != "" {
					t.Errorf("%q: %s: %s", c, what, p)
				}
				continue
			}
			if p := csvProblem(o.data, o.text); p != "" {
				t.Errorf("%q: %s: %s", c, what, p)
			}
		}
	}
}

// The comparison CSV carries no scenario text today, but every text in it
// goes through the same writer: a label, note, formula or status starting
// like a formula stays text, and amounts stay numbers.
func TestComparisonCSVKeepsFormulaStartsText(t *testing.T) {
	s, err := scenarios.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range formulaStarts {
		cmp, err := pricing.Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		r := cmp.Vendors[0]
		r.Name = c + "vendor"
		l := r.Lines[0]
		l.Label, l.Note, l.Formula, l.Source = c+injection, c+"note", c+"1+1", c+"source"
		data, err := ComparisonCSV(cmp, "en")
		if err != nil {
			t.Fatal(err)
		}
		if p := csvProblem(data, c+injection); p != "" {
			t.Errorf("%q: %s", c, p)
		}
	}
}

// LibreOffice opens each CSV the program writes, with formulas evaluated
// as a spreadsheet does on opening, and finds no formula cell: the CSVs
// are converted to .xlsx by soffice and read back. A CSV written without
// neutralising shows that LibreOffice would have made a formula of it.
func TestCSVOpenedInLibreOfficeHasNoFormula(t *testing.T) {
	if os.Getenv("KEFUCOST_LIBREOFFICE") == "" {
		t.Skip("LibreOffice takes half a minute: make test runs it (KEFUCOST_LIBREOFFICE=1)")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice Calc) is not installed, so the CSVs cannot be opened as a spreadsheet would: make deps installs it")
	}
	dir := t.TempDir()
	var files []string
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	for i, c := range formulaStarts {
		for what, o := range sheetOutputs(t, c+injection) {
			if !strings.HasSuffix(what, ".xlsx") {
				write(fmt.Sprintf("%d-%s.csv", i, fileWord.ReplaceAllString(what, "-")), o.data)
			}
		}
	}
	var raw bytes.Buffer
	w := csv.NewWriter(&raw)
	w.Write([]string{"name"})
	w.Write([]string{"=" + injection})
	w.Flush()
	write("control-unneutralised.csv", raw.Bytes())

	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Field separator, text delimiter, UTF-8, from line 1, standard
	// columns, default language, quoted cells not forced to text, special
	// numbers detected, ..., and (the 13th) formulas evaluated.
	args := append([]string{"--headless", "--norestore", "--calc",
		"--infilter=Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1,true",
		"--convert-to", "xlsx", "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	start := time.Now()
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	t.Logf("soffice converted %d CSVs in %v", len(files), time.Since(start).Round(time.Millisecond))
	if want := len(formulaStarts)*5 + 1; len(files) != want {
		t.Fatalf("%d CSVs, want %d (5 outputs per character and the control)", len(files), want)
	}
	for _, f := range files {
		x := filepath.Join(out, strings.TrimSuffix(filepath.Base(f), ".csv")+".xlsx")
		formulas, texts := sheetFormulas(t, x)
		control := strings.HasPrefix(filepath.Base(f), "control")
		switch {
		case control && len(formulas) == 0:
			t.Errorf("%s: LibreOffice made no formula of an unneutralised =HYPERLINK: this test cannot see formulas", filepath.Base(f))
		case !control && len(formulas) > 0:
			t.Errorf("%s: LibreOffice made formulas: %q", filepath.Base(f), formulas)
		}
		if !control && !strings.Contains(filepath.Base(f), "compare") && !strings.Contains(texts, injection) {
			t.Errorf("%s: the name is not in any cell as text", filepath.Base(f))
		}
	}
}

var fileWord = regexp.MustCompile(`[^a-z0-9]+`)

// sheetFormulas returns every formula in the workbook at path, and all
// its text.
func sheetFormulas(t *testing.T, path string) (formulas []string, text string) {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				b.WriteString(v + "\n")
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if f, _ := x.GetCellFormula(sheet, cell); f != "" {
					formulas = append(formulas, sheet+"!"+cell+": "+f)
				}
			}
		}
	}
	return formulas, b.String()
}

// fuzzSetup decodes name as a scenario file's name and returns it as the
// file gives it, with the scenario and comparison the writers get (one
// comparison, computed once: the writers are what is fuzzed); ok is false
// when the file is refused (a name over the limit), and nothing is written.
type fuzzBase struct {
	s   *scenarios.Scenario
	cmp *pricing.Comparison
}

func newFuzzBase(f *testing.F) fuzzBase {
	for _, c := range formulaStarts {
		f.Add(c + injection)
	}
	for _, s := range []string{"", "-12.50", "12", "2027 客服中心采购", "'=1+1", " =1+1", "＝1+1", `a"b,c`, "a\r\nb", "\n=1", "=1\x00",
		"@", "-", "=", "\t", "\r\n", `=cmd|' /C calc'!A0`, "=WEBSERVICE(\"http://x\")", "\u202e=1+1", "\uFEFF=1+1", "]]></t><f>1+1</f><t>"} {
		f.Add(s)
	}
	base, err := scenarios.Decode(namedScenario("base", ""), "base.kefucost.json")
	if err != nil {
		f.Fatal(err)
	}
	base.Months = 12
	cmp, err := pricing.Compare(base)
	if err != nil {
		f.Fatal(err)
	}
	return fuzzBase{base, cmp}
}

// with is the scenario and comparison under the name a file gives.
func (b fuzzBase) with(name string) (*scenarios.Scenario, *pricing.Comparison, bool) {
	n, _ := json.Marshal(name)
	s, err := scenarios.Decode([]byte(`{"format":"kefucost.scenario","version":1,"name":`+string(n)+`,"start":"2027-01-01","months":12}`), "fuzz.kefucost.json")
	if err != nil {
		return nil, nil, false
	}
	s2 := b.s.Clone()
	s2.Name = s.Name
	c := *b.cmp
	c.Scenario = s.Name
	return s2, &c, true
}

// The CSV writers never make a formula of scenario text, and never a
// malformed file: any name, through the scenario file's decoder, into the
// report CSV (both languages), the saved-scenario list and the comparison
// CSV's labels and notes. The seeds run in go test; make fuzz explores.
func FuzzCSVWritersMakeNoFormula(f *testing.F) {
	b := newFuzzBase(f)
	f.Fuzz(func(t *testing.T, name string) {
		s, c, ok := b.with(name)
		if !ok {
			return
		}
		text := s.Name
		for _, lang := range []string{"zh", "en"} {
			data, err := report.CSV(s, c, report.Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			if p := csvProblem(data, text); p != "" {
				t.Fatalf("report CSV (%s): %s", lang, p)
			}
		}
		list, err := scenarioListCSV([]store.Info{{ID: 1, Name: text, Revisions: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if p := csvProblem(list, text); p != "" {
			t.Fatalf("scenarios list CSV: %s", p)
		}
		// The text as a line's label and note (copies: the comparison is
		// shared).
		r := *c.Vendors[0]
		l := *r.Lines[0]
		l.Label, l.Note = text, text
		r.Lines = append([]*pricing.Line{&l}, r.Lines[1:]...)
		c.Vendors = append([]*pricing.Result{&r}, c.Vendors[1:]...)
		data, err := ComparisonCSV(c, "en")
		if err != nil {
			t.Fatal(err)
		}
		if p := csvProblem(data, text); p != "" {
			t.Fatalf("comparison CSV: %s", p)
		}
	})
}

// The report workbook keeps any scenario name as text, never a formula,
// and is always a well-formed workbook. The seeds run in go test; make
// fuzz explores.
func FuzzXLSXKeepsTextAsText(f *testing.F) {
	b := newFuzzBase(f)
	f.Fuzz(func(t *testing.T, name string) {
		s, c, ok := b.with(name)
		if !ok {
			return
		}
		var x bytes.Buffer
		if err := report.XLSX(&x, s, c, report.Options{Lang: "zh"}); err != nil {
			t.Fatal(err)
		}
		if p := xlsxProblem(x.Bytes(), s.Name); p != "" {
			t.Fatalf("report xlsx: %s", p)
		}
	})
}
