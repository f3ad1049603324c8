package cli

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kefucost/app/chart"
)

// runCLIEnv runs a subcommand with the given environment variables.
func runCLIEnv(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(&Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}, args)
	return out.String(), errb.String(), code
}

// svgInfo parses a whole SVG document and returns its viewBox and the
// text of every <text> element.
func svgInfo(t *testing.T, data []byte) (viewBox, texts string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var root string
	var b strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = e.Name.Local
				for _, a := range e.Attr {
					if a.Name.Local == "viewBox" {
						viewBox = a.Value
					}
				}
			}
			inText = e.Name.Local == "text"
		case xml.EndElement:
			if inText {
				b.WriteString("\n")
			}
			inText = false
		case xml.CharData:
			if inText {
				b.Write(e)
			}
		}
	}
	if root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	return viewBox, b.String()
}

func TestChartCLIEveryKindAndFormat(t *testing.T) {
	dir := t.TempDir()
	for _, k := range chart.Kinds {
		for _, format := range []string{"png", "svg"} {
			t.Run(string(k)+"."+format, func(t *testing.T) {
				out := filepath.Join(dir, string(k)+"."+format)
				args := []string{"chart", "--scenario", exampleScenario, "--out", out, "--kind", string(k)}
				if k == chart.Breakeven {
					args = append(args, "--field", "online_agents", "--to", "20")
				}
				stdout, stderr, code := runCLI(t, args...)
				if code != 0 || stderr != "" || stdout != "" {
					t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
				}
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if format == "png" {
					img, err := png.Decode(bytes.NewReader(data))
					if err != nil {
						t.Fatalf("not a PNG: %v", err)
					}
					// Print size by default: at least 1600 pixels wide.
					if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 900 {
						t.Errorf("PNG is %d×%d, want 1600×900", b.Dx(), b.Dy())
					}
					return
				}
				vb, texts := svgInfo(t, data)
				if vb != "0 0 1600 900" {
					t.Errorf("SVG viewBox %q, want 0 0 1600 900", vb)
				}
				// Default language with no locale set: Chinese.
				if !strings.Contains(texts, "元") {
					t.Errorf("zh SVG has no 元 in its texts:\n%s", texts)
				}
			})
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2*len(chart.Kinds) {
		t.Errorf("%d files in the output folder, want %d (no temporary files left)", len(entries), 2*len(chart.Kinds))
	}
}

func TestChartCLIOptions(t *testing.T) {
	dir := t.TempDir()
	read := func(name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	run := func(env map[string]string, args ...string) {
		t.Helper()
		if _, stderr, code := runCLIEnv(t, env, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	// Size, upper-case extension.
	run(nil, "chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "small.PNG"), "--width", "800", "--height", "500", "--kind", "monthly")
	img, err := png.Decode(bytes.NewReader(read("small.PNG")))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 500 {
		t.Errorf("--width 800 --height 500 gave %d×%d", b.Dx(), b.Dy())
	}

	// Language: from the locale, LC_ALL before LANG, and --lang over both.
	for _, tc := range []struct {
		env     map[string]string
		flag    string
		want    string
		notWant string
	}{
		{nil, "", "累计现金支出", "Cumulative cash paid"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "", "Cumulative cash paid", "累计现金支出"},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "", "累计现金支出", "Cumulative cash paid"},
		{map[string]string{"LC_ALL": "en_GB.UTF-8"}, "", "Cumulative cash paid", "累计现金支出"},
		{map[string]string{"LANG": "C.UTF-8"}, "", "累计现金支出", "Cumulative cash paid"},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, "en", "Cumulative cash paid", "累计现金支出"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "zh", "累计现金支出", "Cumulative cash paid"},
	} {
		args := []string{"chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "lang.svg")}
		if tc.flag != "" {
			args = append(args, "--lang", tc.flag)
		}
		run(tc.env, args...)
		_, texts := svgInfo(t, read("lang.svg"))
		if !strings.Contains(texts, tc.want) || strings.Contains(texts, tc.notWant) {
			t.Errorf("env %v --lang %q: texts lack %q or have %q:\n%s", tc.env, tc.flag, tc.want, tc.notWant, texts)
		}
	}

	// Breakdown of a chosen vendor: its name and its line labels.
	run(nil, "chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "bd.svg"), "--kind", "breakdown", "--vendor", "huawei-cec", "--lang", "en")
	_, texts := svgInfo(t, read("bd.svg"))
	if !strings.Contains(texts, "Huawei") || strings.Contains(texts, "Tencent") {
		t.Errorf("breakdown --vendor huawei-cec does not show Huawei only:\n%s", texts)
	}
	// Default breakdown: the cheapest (Tencent for the spec example).
	run(nil, "chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "bd.svg"), "--kind", "breakdown", "--lang", "en")
	if _, texts := svgInfo(t, read("bd.svg")); !strings.Contains(texts, "Tencent") {
		t.Errorf("default breakdown does not show the cheapest (Tencent):\n%s", texts)
	}

	// Break-even: default field chats_per_day, swept 0..3× the scenario's
	// 3,000 — the axis reaches past 8,000 and marks "now 3,000".
	run(nil, "chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "be.svg"), "--kind", "breakeven", "--lang", "en")
	_, texts = svgInfo(t, read("be.svg"))
	for _, want := range []string{"chats per day (chats_per_day)", "8,000", "now 3,000"} {
		if !strings.Contains(texts, want) {
			t.Errorf("default breakeven chart lacks %q:\n%s", want, texts)
		}
	}
	run(nil, "chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "be.svg"), "--kind", "breakeven", "--field", "online_agents", "--from", "2", "--to", "40", "--lang", "en")
	_, texts = svgInfo(t, read("be.svg"))
	for _, want := range []string{"Online agents (online_agents)", "40", "now 5"} {
		if !strings.Contains(texts, want) {
			t.Errorf("breakeven --field online_agents --from 2 --to 40 lacks %q:\n%s", want, texts)
		}
	}

	// Dark: a different background from light.
	run(nil, "chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "dark.png"), "--dark", "--width", "400", "--height", "300")
	run(nil, "chart", "--scenario", exampleScenario, "--out", filepath.Join(dir, "light.png"), "--width", "400", "--height", "300")
	di, err := png.Decode(bytes.NewReader(read("dark.png")))
	if err != nil {
		t.Fatal(err)
	}
	li, _ := png.Decode(bytes.NewReader(read("light.png")))
	dr, _, _, _ := di.At(1, 1).RGBA()
	lr, _, _, _ := li.At(1, 1).RGBA()
	if dr >= lr {
		t.Errorf("--dark corner red %d is not darker than the light one %d", dr, lr)
	}
}

// Every bad command line or input: non-zero exit, one line on stderr that
// names the problem, nothing on stdout, and no output file (an existing
// one untouched).
func TestChartCLIErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	syntax := write("syntax.kefucost.json", "{\n  \"format\": \"kefucost.scenario\",\n  \"version\": 1,\n  \"months\": 12,,\n}")
	noVendor := write("disabled.kefucost.json", scenarioJSON("off", 12, `"chats_per_day": 100`, `"aliyun-icc": {"enabled": false}`))
	plan := write("plan.kefucost.json", `{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"vendors":{"aliyun-icc":{"plan":"aliyun-5y"}}}`)
	aFile := write("a-file", "x")
	if err := os.MkdirAll(filepath.Join(dir, "taken.png", "x"), 0o755); err != nil { // a folder where the file should go
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "out")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(outDir, "c.png")
	sc := exampleScenario
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--out", out}, ExitUsage, "--scenario FILE is required"},
		{[]string{"--scenario", sc}, ExitUsage, "--out FILE.png|FILE.svg is required"},
		{[]string{"--scenario", sc, "--out", filepath.Join(outDir, "c.jpg")}, ExitUsage, "--out must end in .png or .svg, not \"c.jpg\""},
		{[]string{"--scenario", sc, "--out", filepath.Join(outDir, "c")}, ExitUsage, "--out must end in .png or .svg"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "pie"}, ExitUsage, "--kind must be one of cumulative, monthly, breakdown, breakeven, combination, tornado, not \"pie\""},
		{[]string{"--scenario", sc, "--out", out, "--lang", "fr"}, ExitUsage, "--lang: language must be zh or en"},
		{[]string{"--scenario", sc, "--out", out, "--width", "100"}, ExitUsage, "--width/--height: chart size 100×900 is out of range"},
		{[]string{"--scenario", sc, "--out", out, "--height", "9000"}, ExitUsage, "--width/--height"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakdown", "--vendor", "acme"}, ExitUsage, "--vendor: unknown vendor \"acme\""},
		{[]string{"--scenario", sc, "--out", out, "--vendor", "chatopera"}, ExitUsage, "--vendor is only for --kind breakdown or tornado"},
		{[]string{"--scenario", noVendor, "--out", out, "--kind", "tornado", "--vendor", "aliyun-icc"}, ExitError, "--vendor: aliyun-icc is disabled"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "tornado", "--vendor", "acme"}, ExitUsage, "--vendor: unknown vendor \"acme\""},
		{[]string{"--scenario", sc, "--out", out, "--kind", "tornado", "--field", "bots"}, ExitUsage, "--field is only for --kind breakeven"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "tornado", "--vat", "both"}, ExitUsage, "--vat must be included or excluded, not \"both\""},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakeven", "--vat", "net"}, ExitUsage, "--vat must be included or excluded, not \"net\""},
		{[]string{"--scenario", sc, "--out", out, "--kind", "monthly", "--vat", "net"}, ExitUsage, "--vat must be included or excluded, not \"net\""},
		{[]string{"--scenario", sc, "--out", out, "--kind", "tornado", "--growth-points", "0"}, ExitUsage, "--growth-points: must be a number above 0 and at most 100"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "tornado", "--growth-points", "five"}, ExitUsage, "--growth-points: must be a number above 0 and at most 100"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakeven", "--growth-points", "5"}, ExitUsage, "--growth-points is only for --kind tornado"},
		{[]string{"--scenario", noVendor, "--out", out, "--kind", "breakdown", "--vendor", "aliyun-icc"}, ExitError, "--vendor: aliyun-icc is disabled"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakeven", "--field", "agents"}, ExitUsage, "--field: \"agents\" is not a whole-number demand field"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakeven", "--field", "avg_call_minutes"}, ExitUsage, "--field: \"avg_call_minutes\" is not a whole-number demand field"},
		{[]string{"--scenario", sc, "--out", out, "--field", "bots"}, ExitUsage, "--field is only for --kind breakeven"},
		{[]string{"--scenario", sc, "--out", out, "--to", "9"}, ExitUsage, "--to is only for --kind breakeven"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakeven", "--field", "phone_agents"}, ExitError, "--to: phone_agents is 0 in"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakeven", "--from", "50", "--to", "10"}, ExitUsage, "--from/--to: the sweep needs 0 ≤ from < to, not 50..10"},
		{[]string{"--scenario", sc, "--out", out, "--kind", "breakeven", "--from", "-1", "--to", "10"}, ExitUsage, "--from -1: chats_per_day is at least 0"},
		{[]string{"--scenario", sc, "--out", out, "--widht", "10"}, ExitUsage, "flag provided but not defined: -widht"},
		{[]string{"--scenario", sc, "--out", out, "extra"}, ExitUsage, "unexpected argument \"extra\""},
		{[]string{"--scenario", syntax, "--out", out}, ExitError, "syntax.kefucost.json:4:"},
		{[]string{"--scenario", filepath.Join(dir, "missing.kefucost.json"), "--out", out}, ExitError, "no such file"},
		{[]string{"--scenario", plan, "--out", out}, ExitError, "vendors.aliyun-icc.plan: unknown plan \"aliyun-5y\""},
		{[]string{"--scenario", sc, "--out", filepath.Join(dir, "no-such-dir", "c.png")}, ExitError, "--out: cannot write " + filepath.Join(dir, "no-such-dir", "c.png") + ": no such file or directory"},
		{[]string{"--scenario", sc, "--out", filepath.Join(aFile, "c.svg")}, ExitError, "--out: cannot write " + filepath.Join(aFile, "c.svg") + ": not a directory"},
		{[]string{"--scenario", sc, "--out", outDir + "/"}, ExitUsage, "--out must end in .png or .svg"},
		{[]string{"--scenario", sc, "--out", filepath.Join(dir, "taken.png")}, ExitError, "--out: cannot write " + filepath.Join(dir, "taken.png") + ": file exists"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"chart"}, c.args...)...)
			checkCLIError(t, stdout, stderr, code, c.code, "kefucost chart: ", c.msg)
			if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
				t.Errorf("left files behind: %v", entries)
			}
		})
	}

	// An existing output stays as it was when the command fails.
	old := filepath.Join(outDir, "keep.png")
	if err := os.WriteFile(old, []byte("old chart"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, code := runCLI(t, "chart", "--scenario", syntax, "--out", old)
	if got, _ := os.ReadFile(old); code == 0 || string(got) != "old chart" {
		t.Errorf("exit %d; existing output now %q, want it untouched", code, got)
	}
}

// checkCLIError asserts the shape of a failed subcommand's output.
func checkCLIError(t *testing.T, stdout, stderr string, code, wantCode int, prefix, msg string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit %d, want %d (stderr %q)", code, wantCode, stderr)
	}
	if !strings.HasPrefix(stderr, prefix) || !strings.Contains(stderr, msg) {
		t.Errorf("stderr %q, want %q…%q", stderr, prefix, msg)
	}
	if n := strings.Count(strings.TrimRight(stderr, "\n"), "\n"); n > 0 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is %d lines, want one line: %q", n+1, stderr)
	}
	if stdout != "" {
		t.Errorf("wrote to stdout on error: %q", stdout)
	}
}

func ExampleRun_chart() {
	dir, _ := os.MkdirTemp("", "kefucost-chart-")
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "cost.png")
	code := Run(&Env{Stdout: os.Stdout, Stderr: os.Stdout, Getenv: func(string) string { return "" }},
		[]string{"chart", "--scenario", exampleScenario, "--out", out, "--kind", "cumulative"})
	f, _ := os.Open(out)
	defer f.Close()
	cfg, _ := png.DecodeConfig(f)
	fmt.Println(code, cfg.Width, cfg.Height)
	// Output: 0 1600 900
}

// The tornado's usage errors in the user's language: Chinese under a
// Chinese locale.
func TestChartCLITornadoErrorsInChinese(t *testing.T) {
	out := filepath.Join(t.TempDir(), "t.svg")
	zh := map[string]string{"LANG": "zh_CN.UTF-8"}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "monthly", "--vendor", "chatopera"}, "--vendor 只用于 --kind breakdown 或 tornado"},
		{[]string{"--kind", "tornado", "--from", "3"}, "--from 只用于 --kind breakeven"},
		{[]string{"--kind", "cumulative", "--growth-points", "3"}, "--growth-points 只用于 --kind tornado"},
		{[]string{"--kind", "tornado", "--growth-points", "-1"}, "--growth-points：须为大于 0、不超过 100 的数"},
	} {
		args := append([]string{"chart", "--scenario", exampleScenario, "--out", out}, c.args...)
		_, stderr, code := runCLIEnv(t, zh, args...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, stderr, c.want)
		}
	}
}

// kefucost chart --kind tornado: the cheapest way's total by default, one
// vendor's with --vendor, net of VAT with --vat excluded.
func TestChartCLITornado(t *testing.T) {
	dir := t.TempDir()
	texts := func(args ...string) string {
		t.Helper()
		out := filepath.Join(dir, "t.svg")
		if _, stderr, code := runCLI(t, append([]string{"chart", "--scenario", exampleScenario, "--out", out, "--kind", "tornado"}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		_, tx := svgInfo(t, data)
		return tx
	}
	if tx := texts("--lang", "en"); !strings.Contains(tx, "Cheapest way to cover everything: Chatopera (bot) + Tencent (online chat) = 52,777.20 CNY") || !strings.Contains(tx, "Online agents  5 → 4 / 6") {
		t.Errorf("default tornado:\n%s", tx)
	}
	if tx := texts("--lang", "en", "--vendor", "tencent-qidian"); !strings.Contains(tx, "Vendor: Tencent Qidian, total 68,177.20 CNY") {
		t.Errorf("--vendor tencent-qidian:\n%s", tx)
	}
	// 52,777.20 ÷ 1.06, each line's month rounded: less than the published.
	if tx := texts("--lang", "en", "--vat", "excluded"); strings.Contains(tx, "52,777.20") || !strings.Contains(tx, "net of VAT (÷ 1.06)") || !strings.Contains(tx, "Cheapest way to cover everything: Chatopera (bot) + Tencent (online chat) = 49,") {
		t.Errorf("--vat excluded:\n%s", tx)
	}
}

// Every chart kind follows --vat: the break-even sweeps net totals and
// says so (it used to ignore the switch silently), the others say it in
// their subtitle.
func TestChartCLIEveryKindFollowsVAT(t *testing.T) {
	dir := t.TempDir()
	for _, k := range []string{"cumulative", "monthly", "breakdown", "breakeven", "combination", "tornado"} {
		texts := map[string]string{}
		for _, vat := range []string{"included", "excluded"} {
			out := filepath.Join(dir, k+"-"+vat+".svg")
			if _, stderr, code := runCLI(t, "chart", "--scenario", exampleScenario, "--out", out, "--kind", k, "--vat", vat, "--lang", "zh"); code != 0 {
				t.Fatalf("%s --vat %s: exit %d: %s", k, vat, code, stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			_, texts[vat] = svgInfo(t, data)
		}
		if strings.Contains(texts["included"], "不含税") || !strings.Contains(texts["excluded"], "不含税（÷ 1.06）") {
			t.Errorf("%s: --vat excluded not said (or said when included):\n%s", k, texts["excluded"])
		}
	}
}

// --growth-points moves growth by that many points of its annual rate,
// and the chart says how far.
func TestChartCLITornadoGrowthPoints(t *testing.T) {
	out := filepath.Join(t.TempDir(), "t.svg")
	if _, stderr, code := runCLI(t, "chart", "--scenario", exampleScenario, "--out", out, "--kind", "tornado", "--growth-points", "10", "--lang", "zh"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, tx := svgInfo(t, data)
	for _, want := range []string{"增长率 ±10 个百分点/年", "增长率（年化）  0% → −10% / 10%"} {
		if !strings.Contains(tx, want) {
			t.Errorf("--growth-points 10: lacks %q:\n%s", want, tx)
		}
	}
}
