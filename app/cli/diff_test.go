package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// diffDB saves the spec example as "甲" and an edited copy (8 online
// agents from the start, 24 months) as "乙"; "甲" gets a second revision
// with 6 phone agents (no vendor alone covers everything then? Tencent
// does; its answer changes).
func diffDB(t *testing.T) (db, fileB string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "s.db")
	data, err := os.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	b := strings.Replace(string(data), `"months": 36`, `"months": 24`, 1)
	b = strings.Replace(b, `"online_agents": 5`, `"online_agents": 8`, 1)
	fileB = filepath.Join(dir, "b.kefucost.json")
	if err := os.WriteFile(fileB, []byte(b), 0o644); err != nil {
		t.Fatal(err)
	}
	scOK(t, db, "scenarios", "import", specFile, "--name", "甲")
	scOK(t, db, "scenarios", "import", fileB, "--name", "乙")
	scOK(t, db, "scenarios", "import", fileB, "--name", "甲") // revision 2
	return db, fileB
}

// kefucost scenarios compare A --with B sets two saved scenarios side by
// side as the window's comparison does (package diff): the totals, B − A
// and its share, the cheapest way on each side, the lines the difference
// comes from, the inputs that differ; in Chinese under --lang zh or a
// Chinese locale; as JSON for programs. Goldens: read the diff on -update.
func TestScenariosCompareWith(t *testing.T) {
	db, fileB := diffDB(t)
	checkGolden(t, "scenarios-compare-with.zh.table", scOK(t, db, "--lang", "zh", "scenarios", "compare", "甲", "--rev", "1", "--with", "乙"))
	checkGolden(t, "scenarios-compare-with.table", scOK(t, db, "scenarios", "compare", "甲", "--rev", "1", "--with", "乙", "--lang", "en"))
	js := scOK(t, db, "scenarios", "compare", "甲", "--rev", "1", "--with", "乙", "--format", "json")
	checkGolden(t, "scenarios-compare-with.json", js)

	// The JSON's differences are the two comparisons' totals subtracted.
	var d struct {
		Vendors []struct {
			Vendor       string
			A, B, Change *string
			NoChange     string `json:"no_change"`
		}
	}
	if err := json.Unmarshal([]byte(js), &d); err != nil {
		t.Fatal(err)
	}
	totals := func(file string) map[string]*string {
		var c struct {
			Vendors []struct {
				Vendor string
				Total  *string
			}
		}
		if err := json.Unmarshal([]byte(scOK(t, "", "compare", "--scenario", file, "--format", "json")), &c); err != nil {
			t.Fatal(err)
		}
		m := map[string]*string{}
		for _, v := range c.Vendors {
			m[v.Vendor] = v.Total
		}
		return m
	}
	ta, tb := totals(specFile), totals(fileB)
	same := func(x, y *string) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	compared := 0
	for _, v := range d.Vendors {
		// Each side's total is the one compare gives (null when it has
		// none: Aliyun serves none of the needs).
		if !same(v.A, ta[v.Vendor]) || !same(v.B, tb[v.Vendor]) {
			t.Errorf("%s: sides %v %v, compare says %v %v", v.Vendor, v.A, v.B, ta[v.Vendor], tb[v.Vendor])
			continue
		}
		if v.Change != nil {
			compared++
			want := decimal.RequireFromString(*tb[v.Vendor]).Sub(decimal.RequireFromString(*ta[v.Vendor]))
			if !decimal.RequireFromString(*v.Change).Equal(want) {
				t.Errorf("%s: change %s, want %s", v.Vendor, *v.Change, want)
			}
		} else if v.NoChange == "" {
			t.Errorf("%s: no change and no reason", v.Vendor)
		}
	}
	if compared == 0 {
		t.Error("no vendor's totals set against each other")
	}

	// Two revisions of one scenario: --with-rev alone; the same as --with
	// the scenario whose latest is that content.
	rev := scOK(t, db, "scenarios", "compare", "甲", "--rev", "1", "--with-rev", "2", "--format", "json")
	other := scOK(t, db, "scenarios", "compare", "甲", "--rev", "1", "--with", "乙", "--format", "json")
	// (The inputs differ by the name only.)
	if strip := func(s string) string { return s[strings.Index(s, `"net_of_vat"`):strings.Index(s, `"inputs"`)] }; strip(rev) != strip(other) {
		t.Errorf("revision 2 of 甲 (乙's content) differs from 乙:\n%s", firstDiff(strip(rev), strip(other)))
	}
	// Net of VAT: both sides, and said.
	if out := scOK(t, db, "--lang", "zh", "scenarios", "compare", "甲", "--with", "乙", "--vat", "excluded"); !strings.Contains(out, "不含税") {
		t.Errorf("--vat excluded not said:\n%s", out)
	}

	// Usage errors, in the user's language.
	scFail(t, db, ExitUsage, []string{"scenarios", "compare", "甲", "--with", "乙", "--format", "csv"}, "not csv")
	scFail(t, db, ExitUsage, []string{"--lang", "zh", "scenarios", "compare", "甲", "--with", "乙", "--format", "csv"}, "只能输出 table 或 json")
	scFail(t, db, ExitUsage, []string{"scenarios", "compare", "甲", "--with-rev", "0"}, "--rev")
	scFail(t, db, ExitError, []string{"scenarios", "compare", "甲", "--with", "丙"}, "丙")
	scFail(t, db, ExitUsage, []string{"scenarios", "compare", "甲", "--with", "乙", "--vat", "net"}, "--vat must be included or excluded")
}

// With no way to cover everything on a side, the comparison says why
// instead of a bare "无" (甲：无——没有能覆盖全部需求的厂商组合：…).
func TestScenariosCompareWithSaysWhyNoWay(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	data, err := os.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	// Every vendor but Chatopera off: nobody serves the online agents.
	only := strings.Replace(string(data), `"tencent-qidian": { "plan": "auto", "discount": "1" }`, `"tencent-qidian": { "enabled": false }`, 1)
	only = strings.Replace(only, `"huawei-cec":     { "prices": { "seat.online.month": "150" } }`, `"huawei-cec": { "enabled": false }`, 1)
	only = strings.Replace(only, `"aliyun-icc":     { "enabled": true }`, `"aliyun-icc": { "enabled": false }`, 1)
	f := filepath.Join(dir, "only.kefucost.json")
	if err := os.WriteFile(f, []byte(only), 0o644); err != nil {
		t.Fatal(err)
	}
	scOK(t, db, "scenarios", "import", f, "--name", "甲")
	scOK(t, db, "scenarios", "import", specFile, "--name", "乙")
	out := scOK(t, db, "--lang", "zh", "scenarios", "compare", "甲", "--with", "乙")
	if !strings.Contains(out, "甲：无——没有能覆盖全部需求的厂商组合：") {
		t.Errorf("no reason for the missing way:\n%s", out)
	}
}

// partialDiffDB saves aliyun-numbers-tiers as "甲" (Chatopera serves none
// of its needs; Tencent has no price for them: total unknown) and, as
// "乙", the same with a quote for Tencent's numbers only (its total a
// lower bound: at least 60.00).
func partialDiffDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	fileA := filepath.Join("testdata", "scenarios", "aliyun-numbers-tiers.kefucost.json")
	data, err := os.ReadFile(fileA)
	if err != nil {
		t.Fatal(err)
	}
	b := strings.Replace(string(data), `"vendors": {`, `"vendors": {"tencent-qidian": {"prices": {"phone.number.month": "30"}}, `, 1)
	fileB := filepath.Join(dir, "b.kefucost.json")
	if err := os.WriteFile(fileB, []byte(b), 0o644); err != nil {
		t.Fatal(err)
	}
	scOK(t, db, "scenarios", "import", fileA, "--name", "甲")
	scOK(t, db, "scenarios", "import", fileB, "--name", "乙")
	return db
}

// The rule of compare --format json (ec5dec3) holds for two saved
// scenarios side by side: a total that lacks prices is never a plain
// amount (null, its priced part as known_a/known_b, status "unpriced"),
// a vendor that serves none of the needs has no amount (null, status
// "serves_none"), never "0.00"; no difference is taken. The table says
// "at least", "unknown", "not applicable". Goldens: read the diff on
// -update.
func TestCompareWithPartialTotalNeverReadsAsWhole(t *testing.T) {
	db := partialDiffDB(t)
	js := scOK(t, db, "scenarios", "compare", "甲", "--with", "乙", "--format", "json")
	checkGolden(t, "scenarios-compare-with-partial.json", js)
	checkGolden(t, "scenarios-compare-with-partial.table", scOK(t, db, "--lang", "en", "scenarios", "compare", "甲", "--with", "乙"))
	checkGolden(t, "scenarios-compare-with-partial.zh.table", scOK(t, db, "--lang", "zh", "scenarios", "compare", "甲", "--with", "乙"))

	var d struct {
		Vendors []struct {
			Vendor   string
			A, B     *string
			KnownA   *string `json:"known_a"`
			KnownB   *string `json:"known_b"`
			StatusA  string  `json:"status_a"`
			StatusB  string  `json:"status_b"`
			Change   *string
			NoChange string `json:"no_change"`
		}
	}
	if err := json.Unmarshal([]byte(js), &d); err != nil {
		t.Fatal(err)
	}
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	want := map[string]string{
		"chatopera":      "a null known null serves_none; b null known null serves_none; change null serves_none",
		"tencent-qidian": "a null known 0.00 unpriced; b null known 60.00 unpriced; change null unpriced",
	}
	for _, v := range d.Vendors {
		got := fmt.Sprintf("a %s known %s %s; b %s known %s %s; change %s %s", str(v.A), str(v.KnownA), v.StatusA,
			str(v.B), str(v.KnownB), v.StatusB, str(v.Change), v.NoChange)
		w, ok := want[v.Vendor]
		if ok && got != w {
			t.Errorf("%s: %s\n want %s", v.Vendor, got, w)
		}
		if !ok && (v.StatusA != "priced" || v.A == nil || v.KnownA != nil || v.Change == nil) {
			t.Errorf("%s (whole on both sides): %s", v.Vendor, got)
		}
	}
	for lang, words := range map[string][]string{"en": {"unknown", "at least 60.00", "not applicable"}, "zh": {"未知", "至少 60.00", "不适用"}} {
		out := scOK(t, db, "--lang", lang, "scenarios", "compare", "甲", "--with", "乙")
		for _, w := range words {
			if !strings.Contains(out, w) {
				t.Errorf("%s table lacks %q:\n%s", lang, w, out)
			}
		}
	}
}
