package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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

// Hand-computed totals, each through the command line (compare --format
// json). The arithmetic is in the comments; the amounts are exact.
func TestCompareHandComputed(t *testing.T) {
	cases := []struct {
		file, vendor, plan, total string
		complete, covers          bool
		cheapest                  string // checked when not empty
		runnerUp, runnerUpTotal   string // checked when not empty
	}{
		// Daily free quota boundary: exactly 1,000 requests a day are free.
		{file: "chatopera-daily-boundary", vendor: "chatopera", plan: "chatopera-2020-daily", total: "0.00", complete: true, covers: true},
		// 1,500 a day: (1,500 − 1,000) × 0.01 = 5.00 a day × 31 days.
		{file: "chatopera-daily-1500", vendor: "chatopera", plan: "chatopera-2020-daily", total: "155.00", complete: true, covers: true},
		// 3,000 a day through 2027 (365 days): daily (3,000 − 1,000) × 0.01 × 365
		// = 7,300; daily billing for 32 days (640) then the 1M package on
		// 2027-02-02 (6,000, its year holding the other 999,000 requests)
		// = 6,640 (the package from the first day: 6,950).
		{file: "chatopera-annual-vs-daily", vendor: "chatopera", plan: "chatopera-2020-annual-1m", total: "6640.00", complete: true, covers: true,
			runnerUp: "chatopera-2020-daily", runnerUpTotal: "7300.00"},
		// Packs, 2023-12 edition (100 元 pack: 5,000 calls, valid 1 month): 200
		// a day for 90 days is 18,000 calls; each pack, bought the day the one
		// before runs out, serves 25 days (01-01, 01-26, 02-20, 03-17): 400
		// (buying at month starts, two a month, cost 600; one 1,000 元 pack
		// 1,000).
		{file: "chatopera-packs-2023-12", vendor: "chatopera", plan: "chatopera-2023-packs", total: "400.00", complete: true, covers: true},
		// Same demand, 2023-02 edition (100 元 pack valid 3 months): 18,000
		// calls in one 3-month window = four packs = 400.
		{file: "chatopera-packs-2023-02", vendor: "chatopera", plan: "chatopera-2023-packs", total: "400.00", complete: true, covers: true},
		// ASR: 30 minutes a day = 1,800 s, 600 s free: 1,200 × 0.01 = 12 × 31.
		{file: "chatopera-asr", vendor: "chatopera", plan: "chatopera-2020-daily", total: "372.00", complete: true, covers: true},
		// 2 online users are sold as 3: 3 × 999 = 2,997; on Mar 1, 5 users:
		// 2 more with 10 months left, 10 × 99.9 capped at 999 each: 1,998.
		{file: "tencent-minimum-cap", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "4995.00", complete: true, covers: true},
		// 1,000 chats a day: one standard robot 5,800 + sessions 365,000:
		// one 360k pack + one 120k pack = 5,200.
		{file: "tencent-robot-sessions", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "11000.00", complete: true, covers: true},
		// 2 numbers × 35 + 55,000 minutes (fixed 2-minute calls bill as they
		// are), past the 50,000 cliff: all at 0.108 = 5,940. Pinned to an
		// older plan id, which still loads; the mix of terms is the runner-up.
		{file: "aliyun-numbers-tiers", vendor: "aliyun-icc", plan: "aliyun-icc-monthly", total: "6010.00", complete: true, covers: true,
			runnerUp: "aliyun-icc", runnerUpTotal: "6010.00"},
		// 120 human seats (tier 159) + 60 AI seats (tier 599) = 55,020 a month.
		// 36 months: the cheapest terms for every seat are 3 years up front,
		// 55,020 × 36 × 0.65 = 1,287,468 (monthly 1,980,720; 1-year terms
		// 55,020 × 12 × 0.85 × 3 = 1,683,612).
		{file: "aliyun-seats-36m", vendor: "aliyun-icc", plan: "aliyun-icc", total: "1287468.00", complete: true, covers: true},
		// 12 months: 1 year at 0.85 = 561,204 (monthly 660,240; a 3-year term
		// would still cost 1,287,468).
		{file: "aliyun-seats-12m", vendor: "aliyun-icc", plan: "aliyun-icc", total: "561204.00", complete: true, covers: true},
		// The seed's seat-days: 10 seats Jan 4–15 (12 days) + 12 seats Jan
		// 16–27 (12) + 11 seats Jan 28–31 (4) = 308 seat-days × 310 / 31.
		{file: "huawei-ondemand-seatdays", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "3080.00", complete: true, covers: true},
		// 60 outbound minutes on 2 numbers = 30 each, under 50: inbound-only
		// numbers at 120 each, 500 outbound minutes included: 240.
		{file: "huawei-inbound-numbers", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "240.00", complete: true, covers: true},
		// 1,000 outbound minutes in fixed 2.5-minute calls = 400 calls billed
		// 3 minutes each = 1,200 minutes, billed daily: 1,200 / 31 × 0.22 =
		// 8.516 → 8.52 a day × 31 = 264.12, + one fixed number 30.
		{file: "huawei-outbound-calls", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "294.12", complete: true, covers: true},
		// Tencent at discount 0.8: 5 × 999 × 0.8 = 3,996.
		{file: "discount-override", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "3996.00", complete: true, covers: true},
		// A quoted Huawei price is final, not discounted again: 5 × 100 × 12.
		{file: "discount-override", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "6000.00", complete: true, covers: true, cheapest: "tencent-qidian"},
		// The spec's example: Tencent is the only vendor that covers bot chats
		// and online agents. Online 5 users 2027 + 8 users 2028 and 2029 =
		// 20,979 + 3 added Jul 2027 with 6 months left 3 × 6 × 99.9 = 1,798.20;
		// 3 robot-years 17,400; 3,288,000 sessions: 3 × 960k + 360k + 120k =
		// 28,000. Total 68,177.20.
		{file: "mixed-spec-example", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "68177.20", complete: true, covers: true, cheapest: "tencent-qidian"},
		// Chatopera serves the chats only, from resource packs (the 2020
		// plans ended in 2023, pricing-rules §7.1): 3,000 calls a day is
		// 1,095,000 / 1,098,000 / 1,095,000 a year; a 10,000 元 pack (2M
		// calls, 12 months) a year beats eleven 1,000 元 packs (11,000) and
		// cannot serve past its year: 3 × 10,000.
		{file: "mixed-spec-example", vendor: "chatopera", plan: "chatopera-2023-packs", total: "30000.00", complete: true, covers: false},
		// Huawei serves the online seats only, at the quoted 150. Monthly
		// cycles end at the first 00:00 after a month, so each lasts a day
		// longer: monthly only, 35 cycles × 5 seats + 30 × 3 = 265
		// seat-months = 39,750. The cheapest mix chains cycles (5 seats: 25
		// from 2027-01-01 to 2029-02-25; 3 seats: 19 from 2027-07-01 to
		// 2029-02-19), goes on demand to the end of February 2029 (5 × 3 + 3
		// × 9 = 42 seat-days × 150 / 28 = 225.00) so that 8 seats start 9
		// cycles on 2029-03-01 (to 2029-12-09), and ends on demand (8 × 22
		// seat-days × 150 / 31 = 851.61): (5 × 34 + 3 × 28) × 150 = 38,100 +
		// 1,076.61 = 39,176.61.
		{file: "mixed-spec-example", vendor: "huawei-cec", plan: "huawei-cec-mixed", total: "39176.61", complete: true, covers: false,
			runnerUp: "huawei-cec-monthly", runnerUpTotal: "39750.00"},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.vendor, func(t *testing.T) {
			out, errOut, code := runCLI(t, "compare", "--scenario", filepath.Join("testdata", "scenarios", c.file+".kefucost.json"), "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var got struct {
				Cheapest string `json:"cheapest"`
				Vendors  []struct {
					Vendor, Plan, Total string
					Complete, Covers    bool
					Alternatives        []struct{ Plan, Total string }
					Monthly             []string
				}
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if c.cheapest != "" && got.Cheapest != c.cheapest {
				t.Errorf("cheapest = %q, want %q", got.Cheapest, c.cheapest)
			}
			for _, v := range got.Vendors {
				if v.Vendor != c.vendor {
					continue
				}
				if v.Plan != c.plan || v.Total != c.total || v.Complete != c.complete || v.Covers != c.covers {
					t.Errorf("got plan %s total %s complete %v covers %v; want %s %s %v %v", v.Plan, v.Total, v.Complete, v.Covers, c.plan, c.total, c.complete, c.covers)
				}
				if c.runnerUp != "" && (len(v.Alternatives) == 0 || v.Alternatives[0].Plan != c.runnerUp || v.Alternatives[0].Total != c.runnerUpTotal) {
					t.Errorf("runner-up %v, want %s %s", v.Alternatives, c.runnerUp, c.runnerUpTotal)
				}
				return
			}
			t.Fatalf("vendor %s missing", c.vendor)
		})
	}
}

// Golden outputs of the three formats; go test ./app/cli -run Golden -update
// rewrites them after a deliberate change.
func TestCompareGolden(t *testing.T) {
	for _, name := range []string{"mixed-spec-example", "aliyun-numbers-tiers"} {
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
	for _, name := range []string{"mixed-spec-example", "aliyun-numbers-tiers"} {
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
		for _, format := range []string{"json", "csv"} {
			a, _, _ := runCLIEnv(t, zh, "compare", "--scenario", sc, "--format", format)
			b, _, _ := runCLIEnv(t, nil, "compare", "--scenario", sc, "--format", format)
			if a != b || a == "" {
				t.Errorf("%s --format %s differs under a Chinese locale", name, format)
			}
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
	data, err := ComparisonCSV(c)
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
