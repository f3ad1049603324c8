package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/app"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

var update = flag.Bool("update", false, "rewrite golden files")

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(&Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}, args)
	return out.String(), errb.String(), code
}

// Golden outputs of the three formats; go test ./app/cli -run Golden -update
// rewrites them after a deliberate change.
func TestCompareGolden(t *testing.T) {
	for _, name := range []string{"mixed-spec-example", "aliyun-numbers-tiers", "vendor-past-limit"} {
		for _, format := range []string{"table", "json", "csv"} {
			t.Run(name+"."+format, func(t *testing.T) {
				out, errOut, code := runCLI(t, "compare", "--scenario", filepath.Join("testdata", "scenarios", name+".kefucost.json"), "--format", format)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				golden := filepath.Join("testdata", "golden", name+"."+format)
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create)", err)
				}
				if out != string(want) {
					t.Errorf("output differs from %s (rerun with -update if intended):\n%s", golden, firstDiff(out, string(want)))
				}
			})
		}
	}
}

// The table speaks the reader's language: Chinese under a Chinese locale
// (golden NAME.zh.table), English otherwise; --lang chooses. JSON and CSV
// (keys, ids, headers) are the same whatever the language.
func TestCompareSpeaksTheLocalesLanguage(t *testing.T) {
	for _, name := range []string{"mixed-spec-example", "aliyun-numbers-tiers", "vendor-past-limit"} {
		sc := filepath.Join("testdata", "scenarios", name+".kefucost.json")
		zh := map[string]string{"LANG": "zh_CN.UTF-8"}
		out, errOut, code := runCLIEnv(t, zh, "compare", "--scenario", sc)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		golden := filepath.Join("testdata", "golden", name+".zh.table")
		if *update {
			if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		if out != string(want) {
			t.Errorf("output differs from %s (rerun with -update if intended):\n%s", golden, firstDiff(out, string(want)))
		}
		for _, w := range []string{"Vendor", "Total", "Source:", "seat·month", "user·year", "undated", "seed ", "[A]"} {
			if strings.Contains(out, w) {
				t.Errorf("%s in Chinese has %q", name, w)
			}
		}
		en, _, _ := runCLIEnv(t, map[string]string{"LANG": "en_US.UTF-8"}, "compare", "--scenario", sc)
		en2, _, _ := runCLIEnv(t, zh, "--lang", "en", "compare", "--scenario", sc)
		en3, _, _ := runCLIEnv(t, zh, "compare", "--lang=en", "--scenario", sc)
		zh2, _, _ := runCLIEnv(t, map[string]string{"LANG": "C"}, "compare", "--scenario", sc, "--lang", "zh")
		if en != en2 || en != en3 || zh2 != out || !strings.Contains(en, "Vendor") {
			t.Errorf("%s: --lang does not choose the language", name)
		}
		// JSON carries both languages; the CSV's formula and purchase
		// reasons are in the language chosen (its columns are the same).
		a, _, _ := runCLIEnv(t, zh, "compare", "--scenario", sc, "--format", "json")
		b, _, _ := runCLIEnv(t, nil, "compare", "--scenario", sc, "--format", "json")
		if a != b || a == "" {
			t.Errorf("%s --format json differs under a Chinese locale", name)
		}
		a, _, _ = runCLIEnv(t, zh, "compare", "--scenario", sc, "--format", "csv")
		b, _, _ = runCLIEnv(t, map[string]string{"LANG": "C"}, "compare", "--scenario", sc, "--format", "csv", "--lang", "zh")
		if a != b || a == "" {
			t.Errorf("%s --format csv under a Chinese locale is not --lang zh's", name)
		}
	}
	plans, _, _ := runCLIEnv(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "plans", "--vendor", "tencent-qidian")
	for _, w := range []string{"edition", "source", "unpriced", "user·year", "undated", "seed "} {
		if strings.Contains(plans, w) {
			t.Errorf("plans in Chinese has %q", w)
		}
	}
	// Saved scenarios: tables and messages in Chinese, the history's
	// changes as sentences.
	db := map[string]string{"LANG": "zh_CN.UTF-8", "KEFUCOST_DB": filepath.Join(t.TempDir(), "s.db")}
	sc := filepath.Join("testdata", "scenarios", "mixed-spec-example.kefucost.json")
	if out, errOut, code := runCLIEnv(t, db, "scenarios", "import", sc, "--name", "甲"); code != 0 || !strings.Contains(out, "已保存") {
		t.Fatalf("import in Chinese: %d %q %q", code, out, errOut)
	}
	list, _, _ := runCLIEnv(t, db, "scenarios", "list")
	hist, _, _ := runCLIEnv(t, db, "scenarios", "history", "甲")
	for _, w := range []string{"Name", "Revisions", "Rev", "created", "prices:"} {
		if strings.Contains(list+hist, w) {
			t.Errorf("scenarios list/history in Chinese has %q:\n%s%s", w, list, hist)
		}
	}
	// Help and errors too.
	help, _, _ := runCLIEnv(t, map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "help")
	if !strings.Contains(help, "用法") || strings.Contains(help, "Usage") {
		t.Errorf("help under LC_ALL=zh_CN: %q", help)
	}
	_, errOut, code := runCLIEnv(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "nonsense")
	if code != ExitUsage || !strings.Contains(errOut, "没有") {
		t.Errorf("unknown command in Chinese: %d %q", code, errOut)
	}
	_, errOut, code = runCLIEnv(t, nil, "compare", "--lang", "fr", "--scenario", "x")
	if code != ExitUsage || !strings.Contains(errOut, "zh or en") {
		t.Errorf("--lang fr: %d %q", code, errOut)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + x + "\nwant: " + y
		}
	}
	return ""
}

func TestCompareErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	cases := []struct {
		args []string
		code int
		msg  string // must appear in stderr
	}{
		{[]string{"compare"}, ExitUsage, "--scenario FILE is required"},
		{[]string{"compare", "--scenario", "x", "--format", "xml"}, ExitUsage, "--format must be table, json or csv"},
		{[]string{"compare", "--scenario", filepath.Join(dir, "missing.kefucost.json")}, ExitError, "no such file"},
		{[]string{"compare", "--scenario", write("syntax.kefucost.json", "{\n  \"format\": \"kefucost.scenario\",\n  \"version\": 1,\n  \"months\": 12,,\n}")}, ExitError, "syntax.kefucost.json:4:"},
		{[]string{"compare", "--scenario", write("future.kefucost.json", `{"format":"kefucost.scenario","version":3,"start":"2027-01-01","months":1,"new_thing":1}`)}, ExitError, "newer kefucost"},
		{[]string{"compare", "--scenario", write("neg.kefucost.json", `{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"phone_agents":-2}}`)}, ExitError, "demand.phone_agents: must not be negative"},
		{[]string{"compare", "--scenario", write("plan.kefucost.json", `{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"vendors":{"aliyun-icc":{"plan":"aliyun-5y"}}}`)}, ExitError, "vendors.aliyun-icc.plan: unknown plan \"aliyun-5y\""},
		{[]string{"compare", "--scenario", write("item.kefucost.json", `{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"vendors":{"huawei-cec":{"prices":{"seat.gold.month":"1"}}}}`)}, ExitError, "unknown item \"seat.gold.month\""},
		{[]string{"plans", "--vendor", "acme"}, ExitUsage, "unknown vendor \"acme\""},
		{[]string{"nonsense"}, ExitUsage, "unknown command"},
	}
	for _, c := range cases {
		out, errOut, code := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d stderr %q; want exit %d containing %q", c.args, code, errOut, c.code, c.msg)
		}
		if out != "" {
			t.Errorf("%v: wrote to stdout on error: %q", c.args, out)
		}
		if n := strings.Count(strings.TrimSpace(errOut), "\n"); n > 0 {
			t.Errorf("%v: %d lines on stderr, want one: %q", c.args, n+1, errOut)
		}
	}
}

func TestPlansListsEveryRequiredPlan(t *testing.T) {
	out, errOut, code := runCLI(t, "plans")
	if code != 0 {
		t.Fatal(errOut)
	}
	for _, id := range []string{"chatopera-2020-daily", "chatopera-2020-annual-1m", "chatopera-2020-annual-5m", "chatopera-2023-packs",
		"seat.basic.month", "unpriced", "number.fixed.month", "tencent-qidian-basic", "aliyun-icc-3y", "2023-12"} {
		if !strings.Contains(out, id) {
			t.Errorf("plans output lacks %q", id)
		}
	}
	// Items by their names in the reader's language (in English the
	// Chinese name "资源包 10,000 元（2,000,000 次）" was printed).
	en, _, _ := runCLI(t, "plans", "--vendor", "chatopera", "--lang", "en")
	zh, _, _ := runCLI(t, "plans", "--vendor", "chatopera", "--lang", "zh")
	if !strings.Contains(en, "Resource pack CNY 10,000 (2,000,000 calls)") || strings.Contains(en, "资源包 10,000 元") ||
		!strings.Contains(zh, "资源包 10,000 元（2,000,000 次）") {
		t.Errorf("item names: en\n%s\nzh\n%s", en, zh)
	}
	old, _, _ := runCLI(t, "plans", "--vendor", "chatopera", "--price-date", "2023-06-01")
	if !strings.Contains(old, "edition 2023-02") || strings.Contains(old, "edition 2023-12") {
		t.Errorf("price date 2023-06-01 should show edition 2023-02 only:\n%s", old)
	}
}

// The CSV's TOTAL rows word each vendor's total as app/wording does: a
// vendor serving none of the needs is "not applicable" (never 0.00), a
// total missing unpriced items "at least …", the rest exact figures.
func TestComparisonCSVTotalsSayWhatTheyAre(t *testing.T) {
	s, err := scenarios.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	// One vendor serving none and one incomplete with a known part: the
	// cases this test is about.
	c.Vendors[1].Complete = false
	c.Vendors[1].Unpriced = []string{"x"}
	if !wording.ServesNone(resultOf(t, c, "aliyun-icc")) || wording.BoundOf(c.Vendors[1]) != wording.AtLeast {
		t.Fatalf("test scenario: want Aliyun serving none and %s a lower bound", c.Vendors[1].Vendor)
	}
	data, err := ComparisonCSV(c, "en")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	totals := 0
	for _, row := range rows {
		if len(row) < 9 || row[2] != "TOTAL" {
			continue
		}
		totals++
		r := resultOf(t, c, row[0])
		want := wording.Bounded("en", wording.BoundOf(r), wording.Fixed(r.Total))
		if row[7] != want || row[8] != wording.Bounded("en", wording.BoundOf(r), wording.Fixed(r.Monthly[0])) {
			t.Errorf("%s TOTAL %q, first month %q; want %q", r.Vendor, row[7], row[8], want)
		}
		switch wording.BoundOf(r) {
		case wording.NotApplicable:
			if row[7] != "not applicable" {
				t.Errorf("%s serves none: TOTAL %q", r.Vendor, row[7])
			}
		case wording.AtLeast:
			if !strings.HasPrefix(row[7], "at least ") {
				t.Errorf("%s is a lower bound: TOTAL %q", r.Vendor, row[7])
			}
		}
	}
	if totals != len(c.Vendors) {
		t.Errorf("%d TOTAL rows for %d vendors", totals, len(c.Vendors))
	}
}

func resultOf(t *testing.T, c *pricing.Comparison, id string) *pricing.Result {
	t.Helper()
	for _, r := range c.Vendors {
		if r.Vendor == id {
			return r
		}
	}
	t.Fatalf("no result for %s", id)
	return nil
}

// --vat excluded: every amount net of VAT, said above the table and in the
// JSON ("vat": "excluded"), the totals the engine's WithoutVAT; a bad value
// is a usage error naming the flag.
func TestCompareVATExcluded(t *testing.T) {
	file := filepath.Join("testdata", "scenarios", "mixed-spec-example.kefucost.json")
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if code := Run(env, []string{"compare", "--scenario", file, "--vat", "excluded", "--format", "json"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var j struct {
		VAT     string `json:"vat"`
		Vendors []struct {
			Vendor string  `json:"vendor"`
			Total  *string `json:"total"`
		} `json:"vendors"`
	}
	if err := json.Unmarshal(out.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	s, err := app.LoadScenario(file)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	net := c.WithoutVAT()
	if j.VAT != "excluded" || len(j.Vendors) != len(net.Vendors) {
		t.Fatalf("vat %q, %d vendors", j.VAT, len(j.Vendors))
	}
	for i, v := range j.Vendors {
		if wording.ServesNone(net.Vendors[i]) {
			if v.Total != nil {
				t.Errorf("%s serves none of the needs: total %s, want null", v.Vendor, *v.Total)
			}
			continue
		}
		if v.Total == nil || *v.Total != net.Vendors[i].Total.StringFixed(2) || *v.Total == c.Vendors[i].Total.StringFixed(2) && !c.Vendors[i].Total.IsZero() {
			t.Errorf("%s: total %v, net %s, published %s", v.Vendor, v.Total, net.Vendors[i].Total, c.Vendors[i].Total)
		}
	}
	out.Reset()
	if code := Run(env, []string{"compare", "--scenario", file, "--vat", "excluded", "--lang", "zh"}); code != ExitOK {
		t.Fatal(errb.String())
	}
	if !strings.Contains(out.String(), "金额不含税：厂商公布价 ÷ 1.06") {
		t.Errorf("the table does not say the amounts are net of VAT:\n%.400s", out.String())
	}
	// The CSV says it on every row (its last column, "vat"), as published
	// by default.
	for _, vat := range []string{"excluded", "included"} {
		out.Reset()
		if code := Run(env, []string{"compare", "--scenario", file, "--vat", vat, "--format", "csv"}); code != ExitOK {
			t.Fatal(errb.String())
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out.Bytes(), []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if h := rows[0]; h[len(h)-1] != "vat" {
			t.Errorf("CSV header ends %q, want the vat column", h[len(h)-1])
		}
		for _, r := range rows[1:] {
			if r[len(r)-1] != vat {
				t.Errorf("--vat %s: CSV row %q says vat %q", vat, r[:3], r[len(r)-1])
				break
			}
		}
	}
	errb.Reset()
	if code := Run(env, []string{"compare", "--scenario", file, "--vat", "net"}); code != ExitUsage || !strings.Contains(errb.String(), "--vat") {
		t.Errorf("--vat net: exit %d, %q", code, errb.String())
	}
}

// Sources are named by their title and public address, never by a file
// name, in both languages of the table and in the CSV; the buyer's quote
// says so in words.
func TestSourcesByTitleAndAddress(t *testing.T) {
	file := filepath.Join("testdata", "scenarios", "mixed-spec-example.kefucost.json")
	for _, args := range [][]string{{"--lang", "en"}, {"--lang", "zh"}, {"--format", "csv"}} {
		var out, errb bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
		if code := Run(env, append([]string{"compare", "--scenario", file}, args...)); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		text := out.String()
		for _, bad := range []string{"seed ", ".txt", ".md", "scenario price override"} {
			if strings.Contains(text, bad) {
				i := strings.Index(text, bad)
				t.Errorf("%v: a source names a file or an internal word %q: …%s…", args, bad, text[max(0, i-80):min(len(text), i+40)])
			}
		}
		for _, want := range []string{"https://qidian.qq.com/", "https://docs.chatopera.com/products/chatbot-platform/contract/billing.html"} {
			if !strings.Contains(text, want) {
				t.Errorf("%v: no source with the address %s", args, want)
			}
		}
	}
}

// A CSV formula cell never states a false product: a line billed by a rule
// (Aliyun's minute tiers, Tencent's prorated seats) says how it was
// computed, as the table and JSON do, not "18000 minute × 0.22 = 3959.93"
// (reviewer R17). In Chinese the formula and a purchase's reason are
// Chinese.
func TestComparisonCSVFormulaIsNoFalseProduct(t *testing.T) {
	s, err := scenarios.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	product := regexp.MustCompile(`^([0-9.,]+) [^×=]*× ([0-9.,]+) = ([0-9.,]+)$`)
	num := func(s string) decimal.Decimal { return decimal.RequireFromString(strings.ReplaceAll(s, ",", "")) }
	latin := regexp.MustCompile(`[A-Za-z]{3,}`)
	for _, lang := range []string{"en", "zh"} {
		data, err := ComparisonCSV(c, lang)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[strings.TrimPrefix(h, "\ufeff")] = i
		}
		rule, products, purchases := 0, 0, 0
		for _, row := range rows[1:] {
			f := row[col["formula"]]
			if m := product.FindStringSubmatch(strings.SplitN(strings.ReplaceAll(f, "；", ";"), ";", 2)[0]); m != nil {
				products++
				a, b, want := num(m[1]), num(m[2]), num(m[3])
				if !a.Mul(b).Equal(want) {
					t.Errorf("%s: formula %q: %s × %s is %s", lang, f, m[1], m[2], a.Mul(b).StringFixed(2))
				}
			}
			if strings.Contains(f, "not a plain product") || strings.Contains(f, "不是简单乘积") {
				rule++
			}
			if strings.HasPrefix(row[col["item"]], "PURCHASE ") {
				purchases++ // its reason is in the formula column
			}
			if w := latin.FindString(strings.NewReplacer("Chatopera", "", "UTC", "").Replace(f)); lang == "zh" && w != "" {
				t.Errorf("zh: %q has the English word %q", f, w)
			}
		}
		if rule == 0 || products == 0 || purchases == 0 {
			t.Errorf("%s: %d lines by rule, %d plain products, %d purchases: the test scenario no longer has what this test is about", lang, rule, products, purchases)
		}
	}
}

// The table's breakdown has the window's columns: the unit price as
// published (999), the discount that multiplies it (× 0.8), the effective
// unit price (799.2), the amount. 单价 held the discounted 799.2 beside a
// formula saying 999 × 0.8, where the window says 999 | × 0.8 | 799.2.
func TestCompareTableSaysListPriceDiscountAndEffectivePrice(t *testing.T) {
	sc := filepath.Join("testdata", "scenarios", "discount-override.kefucost.json")
	for lang, head := range map[string][]string{"zh": {"单价", "折扣", "实际单价", "金额"}, "en": {"Unit price", "Discount", "Effective unit price", "Amount"}} {
		out, errOut, code := runCLI(t, "compare", "--scenario", sc, "--lang", lang)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", lang, code, errOut)
		}
		found := false
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "999 × 0.8 = 3,996.00") && !found {
				found = true
				if !strings.Contains(line, "999  × 0.8") || !strings.Contains(line, "799.2  3,996.00") {
					t.Errorf("%s: Tencent's discounted line %q: want 999, × 0.8, 799.2, 3,996.00 in that order", lang, line)
				}
			}
			if strings.Contains(line, head[0]) && strings.Contains(line, head[1]) {
				i0, i1, i2, i3 := strings.Index(line, head[0]), strings.Index(line, head[1]), strings.Index(line, head[2]), strings.Index(line, head[3])
				if !(i0 < i1 && i1 < i2 && i2 < i3) {
					t.Errorf("%s: header %q: want %q in that order", lang, line, head)
				}
			}
		}
		if !found {
			t.Errorf("%s: no line of 3,996.00 in\n%s", lang, out)
		}
	}
}
