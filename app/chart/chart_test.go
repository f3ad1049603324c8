package chart

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"kefucost/app"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

const (
	benchScenario   = "../../pricing/testdata/bench-36m.kefucost.json"
	exampleScenario = "../../scenarios/testdata/spec-example.kefucost.json"
)

func compareFile(t testing.TB, path string) (*scenarios.Scenario, *pricing.Comparison) {
	t.Helper()
	s, err := app.LoadScenario(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// TestChartExamples writes every chart kind in both languages as PNG (and
// SVG) to $KEFUCOST_CHART_OUT, for looking at them; skipped without it.
func TestChartExamples(t *testing.T) {
	dir := os.Getenv("KEFUCOST_CHART_OUT")
	if dir == "" {
		t.Skip("set KEFUCOST_CHART_OUT=DIR to write example charts")
	}
	for _, file := range []string{benchScenario, exampleScenario} {
		s, c := compareFile(t, file)
		base := strings.TrimSuffix(filepath.Base(file), ".kefucost.json")
		for _, lang := range []string{"zh", "en"} {
			for _, size := range [][2]int{{0, 0}, {900, 400}} {
				for _, dark := range []bool{false, true} {
					if dark && size[0] == 0 {
						continue
					}
					o := Options{Lang: lang, Width: size[0], Height: size[1], Dark: dark}
					for _, k := range Kinds {
						name := base + "-" + string(k) + "-" + lang
						if size[0] != 0 {
							name += "-small"
						}
						if dark {
							name += "-dark"
						}
						var b bytes.Buffer
						var err error
						switch k {
						case Breakeven:
							cur, _ := s.Demand.Count("chats_per_day")
							err = RenderBreakeven(&b, "png", s, "chats_per_day", pricing.SweepValues(0, 3*cur, 50), o)
						case Tornado:
							err = renderTornado(t, &b, "png", s, o)
						default:
							err = Render(&b, "png", c, k, o)
						}
						if err != nil {
							t.Fatalf("%s: %v", name, err)
						}
						if err := os.WriteFile(filepath.Join(dir, name+".png"), b.Bytes(), 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
	}
}

// scenarioJSON is a small scenario file with the given name, months and
// demand/vendors JSON bodies.
func scenarioJSON(name string, months int, demand, vendors string) string {
	nameJSON, _ := json.Marshal(name)
	return fmt.Sprintf(`{"format": "kefucost.scenario", "version": 1, "name": %s, "start": "2027-01-01", "months": %d,
"demand": {%s}, "vendors": {%s}}`, nameJSON, months, demand, vendors)
}

func decodeScenario(t testing.TB, text string) (*scenarios.Scenario, *pricing.Comparison) {
	t.Helper()
	s, err := scenarios.Decode([]byte(text), "test.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestAxisMoney(t *testing.T) {
	zh, en := Options{}, Options{Lang: "en"}
	for _, tc := range []struct {
		v, step float64
		o       Options
		want    string
	}{
		{53000, 10000, zh, "53,000 元"},
		{53000, 10000, en, "¥53,000"},
		{0, 20000, zh, "0 元"},
		{1234567, 500000, zh, "1,234,567 元"},
		{2000000, 500000, en, "¥2,000,000"},
		{0.5, 0.25, zh, "0.50 元"},
		{1.5, 0.5, en, "¥1.5"},
		{-20000, 10000, en, "-¥20,000"},
		{-20000, 10000, zh, "-20,000 元"},
		{999, 1, zh, "999 元"},
		{1000, 250, zh, "1,000 元"},
	} {
		if got := axisMoney(tc.v, tc.step, tc.o); got != tc.want {
			t.Errorf("axisMoney(%v, %v, %q) = %q, want %q", tc.v, tc.step, tc.o.Lang, got, tc.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi   float64
		n        int
		want     []float64
		wantStep float64
	}{
		{0, 68177.2, 5, []float64{0, 20000, 40000, 60000, 80000}, 20000},
		{0, 1587164.39, 5, []float64{0, 500000, 1000000, 1500000, 2000000}, 500000},
		{0, 0, 5, []float64{0, 0.25, 0.5, 0.75, 1}, 0.25},
		{0, 9000, 10, []float64{0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000}, 1000},
		{0, 1, 3, []float64{0, 0.5, 1}, 0.5},
		{-15000, 40000, 4, []float64{-20000, 0, 20000, 40000}, 20000},
		{0, 0.3, 4, []float64{0, 0.1, 0.2, 0.3}, 0.1},
		{5, 5, 3, []float64{0, 2.5, 5}, 2.5},
	} {
		got, step := niceTicks(tc.lo, tc.hi, tc.n)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) || step != tc.wantStep {
			t.Errorf("niceTicks(%v, %v, %d) = %v step %v, want %v step %v", tc.lo, tc.hi, tc.n, got, step, tc.want, tc.wantStep)
		}
	}
}

func months(start string, n int) []scenarios.Date {
	d, err := scenarios.ParseDate(start)
	if err != nil {
		panic(err)
	}
	out := make([]scenarios.Date, n)
	for i := range out {
		out[i] = d.AddMonths(i)
	}
	return out
}

func tickLabels(ts []chartMonthTick) string {
	var s []string
	for _, t := range ts {
		s = append(s, fmt.Sprintf("%d:%s", t.Index, t.Label))
	}
	return strings.Join(s, " ")
}

func TestMonthTicks(t *testing.T) {
	for _, tc := range []struct {
		start string
		n     int
		step  int
		want  string
	}{
		{"2027-01-01", 3, 1, "0:2027-01 1:2027-02 2:2027-03"},
		{"2027-01-01", 1, 1, "0:2027-01"},
		{"2027-01-01", 36, 6, "0:2027-01 6:2027-07 12:2028-01 18:2028-07 24:2029-01 30:2029-07"},
		{"2027-01-01", 12, 3, "0:2027-01 3:2027-04 6:2027-07 9:2027-10"},
		{"2027-03-15", 12, 3, "1:2027-04 4:2027-07 7:2027-10 10:2028-01"},
		{"2027-01-01", 36, 12, "0:2027-01 12:2028-01 24:2029-01"},
		{"2027-05-01", 60, 24, "8:2028-01 32:2030-01 56:2032-01"},
		{"2027-01-01", 120, 36, "0:2027-01 36:2030-01 72:2033-01 108:2036-01"},
		// No January in a short horizon: every step-th month from the start.
		{"2027-02-01", 6, 12, "0:2027-02"},
		{"2027-01-01", 0, 1, ""},
	} {
		got := tickLabels(monthTicks(months(tc.start, tc.n), tc.step))
		if got != tc.want {
			t.Errorf("monthTicks(%s, %d months, step %d)\n got %s\nwant %s", tc.start, tc.n, tc.step, got, tc.want)
		}
	}
	// Labels never repeat, whatever the step.
	for _, n := range []int{1, 2, 7, 13, 36, 61, 120} {
		for _, step := range []int{1, 2, 3, 6, 12, 24, 36, 60, 120} {
			seen := map[string]bool{}
			ts := monthTicks(months("2027-11-30", n), step)
			if len(ts) == 0 {
				t.Errorf("%d months, step %d: no label", n, step)
			}
			for _, tk := range ts {
				if seen[tk.Label] {
					t.Errorf("%d months, step %d: %s twice", n, step, tk.Label)
				}
				seen[tk.Label] = true
			}
		}
	}
}

func TestMonthStep(t *testing.T) {
	for _, tc := range []struct {
		n             int
		width, labelW float64
		want          int
	}{
		{12, 1400, 60, 1},
		{36, 1400, 60, 3},
		{36, 760, 60, 6},
		{120, 760, 60, 24},
		{120, 1400, 80, 12},
		{1, 100, 60, 1},
	} {
		if got := monthStep(tc.n, tc.width, tc.labelW); got != tc.want {
			t.Errorf("monthStep(%d, %v, %v) = %d, want %d", tc.n, tc.width, tc.labelW, got, tc.want)
		}
	}
}

func decs(vs ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(vs))
	for i, v := range vs {
		out[i] = decimal.RequireFromString(v)
	}
	return out
}

func TestCrossings(t *testing.T) {
	for _, tc := range []struct {
		name   string
		series [][]decimal.Decimal
		want   string
	}{
		{"none", [][]decimal.Decimal{decs("1", "2", "3"), decs("0", "1", "2")}, ""},
		{"equal lines", [][]decimal.Decimal{decs("1", "2"), decs("1", "2")}, ""},
		{"simple", [][]decimal.Decimal{decs("0", "10", "20"), decs("10", "10", "10")}, "0-1@0→2 0.50"},
		{"touch and back", [][]decimal.Decimal{decs("0", "10", "0"), decs("10", "10", "10")}, ""},
		{"twice", [][]decimal.Decimal{decs("1", "0", "3"), decs("0", "5", "1")}, "0-1@0→1 0.17 0-1@1→2 0.71"},
		{"exact decimals", [][]decimal.Decimal{decs("0.10", "0.30"), decs("0.20", "0.20")}, "0-1@0→1 0.50"},
		{"three series, ordered by position", [][]decimal.Decimal{
			decs("0", "4", "8"), decs("3", "3", "3"), decs("6", "6", "6")},
			"0-1@0→1 0.75 0-2@1→2 0.50"},
		{"single point", [][]decimal.Decimal{decs("1"), decs("2")}, ""},
	} {
		var got []string
		for _, c := range crossings(tc.series) {
			got = append(got, fmt.Sprintf("%d-%d@%d→%d %.2f", c.A, c.B, c.From, c.To, c.Frac))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s: crossings = %q, want %q", tc.name, strings.Join(got, " "), tc.want)
		}
	}
}

func TestSVGEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain 文字":    "plain 文字",
		"A&B <x>":     "A&amp;B &lt;x&gt;",
		`"q" 'a'`:     "&#34;q&#34; &#39;a&#39;",
		"bell\x07end": "bell\uFFFDend",
		"":            "",
	} {
		if got := svgEscape(in); got != want {
			t.Errorf("svgEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVendorColors(t *testing.T) {
	seen := map[string]string{}
	for _, id := range scenarios.VendorIDs {
		c := VendorColor(id).String()
		if other, ok := seen[c]; ok {
			t.Errorf("%s and %s share colour %s", id, other, c)
		}
		seen[c] = id
	}
	// A vendor the palette does not know gets a colour none of the four has.
	for _, id := range []string{"someone-else", "x", "另一家"} {
		if c := VendorColor(id).String(); seen[c] != "" {
			t.Errorf("unknown vendor %q has %s's colour %s", id, seen[c], c)
		}
	}
}

// decodePNG checks the size and that the picture is not blank; it returns
// the set of colours used.
func decodePNG(t *testing.T, data []byte, w, h int) map[color.RGBA]int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return checkImage(t, img, w, h)
}

func checkImage(t *testing.T, img image.Image, w, h int) map[color.RGBA]int {
	t.Helper()
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Fatalf("size %dx%d, want %dx%d", b.Dx(), b.Dy(), w, h)
	}
	colors := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, a := img.At(x, y).RGBA()
			colors[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bb >> 8), uint8(a >> 8)}]++
		}
	}
	if len(colors) < 20 {
		t.Errorf("only %d distinct colours: blank?", len(colors))
	}
	// The background is opaque: no transparent pixel anywhere.
	for c := range colors {
		if c.A != 255 {
			t.Fatalf("transparent pixel %v", c)
		}
	}
	return colors
}

// hasColor reports whether the picture has at least n pixels of about the
// vendor's colour.
func hasColor(colors map[color.RGBA]int, id string, n int) bool {
	want := VendorColor(id)
	count := 0
	for c, k := range colors {
		if absDiff(c.R, want.R) <= 2 && absDiff(c.G, want.G) <= 2 && absDiff(c.B, want.B) <= 2 {
			count += k
		}
	}
	return count >= n
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func TestRenderChartPNG(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	for _, size := range [][2]int{{0, 0}, {900, 400}} {
		for _, dark := range []bool{false, true} {
			for _, lang := range []string{"zh", "en"} {
				o := Options{Width: size[0], Height: size[1], Dark: dark, Lang: lang}
				w, h := size[0], size[1]
				if w == 0 {
					w, h = DefaultWidth, DefaultHeight
				}
				for _, k := range Kinds {
					t.Run(fmt.Sprintf("%s-%dx%d-dark=%v-%s", k, w, h, dark, lang), func(t *testing.T) {
						var b bytes.Buffer
						var err error
						switch k {
						case Breakeven:
							err = RenderBreakeven(&b, "png", s, "chats_per_day", pricing.SweepValues(0, 9000, 20), o)
						case Tornado:
							err = renderTornado(t, &b, "png", s, o)
						default:
							err = Render(&b, "png", c, k, o)
						}
						if err != nil {
							t.Fatal(err)
						}
						colors := decodePNG(t, b.Bytes(), w, h)
						bg := lightTheme.bg
						if dark {
							bg = darkTheme.bg
						}
						if colors[color.RGBA{bg.R, bg.G, bg.B, 255}] < w*h/3 {
							t.Errorf("background colour %v covers less than a third", bg)
						}
						if k == Tornado { // the two sides' colours, no vendor's
							for _, col := range []drawing.Color{tornadoLow, tornadoHigh} {
								if colors[color.RGBA{col.R, col.G, col.B, 255}] < 50 {
									t.Errorf("no pixels of the side colour %v", col)
								}
							}
							return
						}
						// Tencent (the cheapest) is drawn in its colour in every kind.
						if !hasColor(colors, scenarios.Tencent, 50) {
							t.Errorf("no pixels of Tencent's colour")
						}
						if k == Cumulative { // dashed lines too; pale bars are blended
							for _, id := range []string{scenarios.Chatopera, scenarios.Huawei} {
								if !hasColor(colors, id, 20) {
									t.Errorf("no pixels of %s's colour", id)
								}
							}
						}
					})
				}
			}
		}
	}
}

func TestChartImage(t *testing.T) {
	_, c := compareFile(t, exampleScenario)
	for _, k := range []Kind{Cumulative, Monthly, Breakdown} {
		img, err := Image(c, k, Options{Width: 900, Height: 400})
		if err != nil {
			t.Fatal(err)
		}
		checkImage(t, img, 900, 400)
	}
	if _, err := Image(c, Breakeven, Options{}); err == nil {
		t.Error("Image drew a breakeven chart without the scenario")
	}
}

// svgTexts parses an SVG document strictly and returns the text of its
// <text> elements.
func svgTexts(t *testing.T, data []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var texts []string
	inText := false
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse as XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tk.Name.Local
			}
			inText = tk.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tk))
			}
		}
	}
	if root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	return texts
}

func TestRenderChartSVGEscapes(t *testing.T) {
	const nasty = `A&B <客服> "q"`
	s, c := decodeScenario(t, scenarioJSON(nasty, 12, `"chats_per_day": 3000, "online_agents": 5, "bots": 1`, ""))
	c.Vendors[0].Name = "Vendor <&> 甲"
	c.Vendors[0].NameEN = "Vendor <&> A"
	c.Vendors[0].Lines[0].Label = "line & <label>"
	c.Vendors[0].Lines[0].LabelEN = "line & <label>"
	for _, lang := range []string{"zh", "en"} {
		for _, k := range Kinds {
			var b bytes.Buffer
			var err error
			o := Options{Lang: lang, Vendor: c.Vendors[0].Vendor}
			switch k {
			case Breakeven:
				err = RenderBreakeven(&b, "svg", s, "online_agents", pricing.SweepValues(0, 20, 5), o)
			case Tornado:
				tr, terr := pricing.ComputeTornado(s, pricing.TornadoOptions{})
				if terr != nil {
					t.Fatal(terr)
				}
				tr.Base = c // the nasty names
				err = RenderTornado(&b, "svg", tr, o)
			default:
				err = Render(&b, "svg", c, k, o)
			}
			if err != nil {
				t.Fatalf("%s %s: %v", k, lang, err)
			}
			texts := strings.Join(svgTexts(t, b.Bytes()), "\n")
			if !strings.Contains(texts, nasty) {
				t.Errorf("%s %s: title with the scenario name missing from %q", k, lang, texts)
			}
			// The combination chart names vendors by their short names.
			if k != Breakeven && k != Combination && !strings.Contains(texts, "Vendor <&>") {
				t.Errorf("%s %s: escaped vendor name missing", k, lang)
			}
			if k == Breakdown && !strings.Contains(texts, "line & <label>") {
				t.Errorf("%s %s: escaped line label missing", k, lang)
			}
			if !bytes.Contains(b.Bytes(), []byte("A&amp;B &lt;客服&gt;")) {
				t.Errorf("%s %s: name not escaped in the SVG source", k, lang)
			}
		}
	}
}

func TestRenderChartSVGLabels(t *testing.T) {
	_, c := compareFile(t, exampleScenario)
	var b bytes.Buffer
	if err := Render(&b, "svg", c, Cumulative, Options{}); err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(t, b.Bytes())
	all := strings.Join(texts, "\n")
	for _, want := range []string{"累计现金支出 — 2027 客服中心采购", "2027-01", "2028-01", "腾讯企点客服 · 68,177.20 元", "20,000 元", "（不覆盖：在线客服坐席）",
		// Tencent alone is not the cheapest way: Chatopera's bot and Tencent's
		// online agents cost 30,000.00 + 22,777.20, and that is a line too.
		"最便宜组合：Chatopera（机器人） + 腾讯企点（在线客服） · 52,777.20 元"} {
		if !strings.Contains(all, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if strings.Contains(all, "（最低）") {
		t.Errorf("a vendor is called cheapest while a combination costs less:\n%s", all)
	}
	// Each month label appears once (go-chart's own ticks repeat them); the
	// monthly chart has no crossing labels that could repeat a month.
	b.Reset()
	if err := Render(&b, "svg", c, Monthly, Options{}); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, s := range svgTexts(t, b.Bytes()) {
		count[s]++
	}
	for s, n := range count {
		if len(s) == 7 && s[4] == '-' && n > 1 {
			t.Errorf("month label %s appears %d times", s, n)
		}
	}
	// Money never appears as a bare float such as 53000.00.
	for _, s := range texts {
		if ok, _ := regexpMatch(`^\d{4,}\.\d\d`, s); ok {
			t.Errorf("unformatted amount %q", s)
		}
	}
	// The vendor that does not cover the scenario is dashed.
	b.Reset()
	if err := Render(&b, "svg", c, Cumulative, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("stroke-dasharray")) {
		t.Error("no dashed line in a chart with vendors that do not cover the scenario")
	}
}

func regexpMatch(pattern, s string) (bool, error) { return regexp.MatchString(pattern, s) }

func TestRenderChartEnglish(t *testing.T) {
	_, c := compareFile(t, exampleScenario)
	var b bytes.Buffer
	if err := Render(&b, "svg", c, Monthly, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(svgTexts(t, b.Bytes()), "\n")
	for _, want := range []string{"Cash paid per month", "Tencent Qidian\n", "Cheapest combination: Chatopera (bot) + Tencent (online chat)", "¥10,000", "(does not cover: Online agents)"} {
		if !strings.Contains(all, want) {
			t.Errorf("SVG lacks %q in %q", want, all)
		}
	}
}

func TestRenderBreakdownUnpriced(t *testing.T) {
	// Tencent's pro robot plan has no known price: its line is unpriced.
	_, c := decodeScenario(t, scenarioJSON("unpriced", 12, `"chats_per_day": 3000, "online_agents": 5, "bots": 1`,
		`"tencent-qidian": {"plan": "tencent-qidian-pro-robot"}`))
	var r *pricing.Result
	for _, v := range c.Vendors {
		if v.Vendor == scenarios.Tencent {
			r = v
		}
	}
	if r == nil || r.Complete {
		t.Fatalf("test scenario: Tencent should be incomplete: %+v", r)
	}
	for _, lang := range []string{"zh", "en"} {
		var b bytes.Buffer
		if err := Render(&b, "svg", c, Breakdown, Options{Vendor: scenarios.Tencent, Lang: lang}); err != nil {
			t.Fatal(err)
		}
		all := strings.Join(svgTexts(t, b.Bytes()), "\n")
		// The total and the status as app/wording words them.
		want := []string{"未定价", wording.Amount(lang, r.Total, wording.AtLeast) + "（", wording.Incomplete(lang, len(r.Unpriced))}
		if lang == "en" {
			want = []string{"unpriced", wording.Bounded(lang, wording.AtLeast, wording.Money(r.Total)+" CNY"), wording.Incomplete(lang, len(r.Unpriced))}
		}
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: breakdown lacks %q: %q", lang, w, all)
			}
		}
	}
	// In the cumulative chart the incomplete vendor is marked in the legend.
	var b bytes.Buffer
	if err := Render(&b, "svg", c, Cumulative, Options{}); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(svgTexts(t, b.Bytes()), "\n")
	if !strings.Contains(all, "腾讯企点客服 · "+wording.Amount("zh", r.Total, wording.AtLeast)+"（"+wording.Incomplete("zh", len(r.Unpriced))+"）") {
		t.Errorf("incomplete vendor not marked: %q", all)
	}
	// A vendor serving none of the needs is "不适用" in the legend, never 0.
	none := 0
	for _, v := range c.Vendors {
		if wording.ServesNone(v) {
			none++
			if !strings.Contains(all, wording.VendorName(v, "zh")+" · 不适用（") {
				t.Errorf("%s serves none; legend: %q", v.Vendor, all)
			}
		}
	}
	if none == 0 {
		t.Fatal("test scenario: a vendor should serve none of the needs")
	}
}

func TestRenderDegenerate(t *testing.T) {
	for _, tc := range []struct {
		name, scenario string
		want           string // text the cumulative chart must show, "" for none
	}{
		{"one month", scenarioJSON("one month", 1, `"chats_per_day": 3000, "online_agents": 5, "bots": 1`, ""), ""},
		{"all zero", scenarioJSON("nothing", 12, `"chats_per_day": 0, "online_agents": 0, "bots": 0`, ""), "都是 0 元"},
		{"no vendor", scenarioJSON("none", 12, `"chats_per_day": 10`,
			`"chatopera": {"enabled": false}, "tencent-qidian": {"enabled": false}, "huawei-cec": {"enabled": false}, "aliyun-icc": {"enabled": false}`), "没有启用的供应商"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, c := decodeScenario(t, tc.scenario)
			for _, k := range Kinds {
				for _, format := range []string{"png", "svg"} {
					var b bytes.Buffer
					var err error
					switch k {
					case Breakeven:
						err = RenderBreakeven(&b, format, s, "chats_per_day", []int64{7}, Options{Width: 900, Height: 400})
					case Tornado:
						err = renderTornado(t, &b, format, s, Options{Width: 900, Height: 400})
					default:
						err = Render(&b, format, c, k, Options{Width: 900, Height: 400})
					}
					if k == Breakdown && len(c.Vendors) == 0 {
						if err == nil {
							t.Errorf("breakdown without vendors: no error")
						}
						continue
					}
					if err != nil {
						t.Fatalf("%s %s: %v", k, format, err)
					}
					if format == "png" {
						decodePNG(t, b.Bytes(), 900, 400)
						continue
					}
					texts := strings.Join(svgTexts(t, b.Bytes()), "\n")
					if k == Cumulative && tc.want != "" && !strings.Contains(texts, tc.want) {
						t.Errorf("cumulative chart lacks %q: %q", tc.want, texts)
					}
				}
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	var b bytes.Buffer
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"format", Render(&b, "jpg", c, Cumulative, Options{}), `unknown chart format "jpg"`},
		{"kind", Render(&b, "png", c, "pie", Options{}), `unknown chart kind "pie"`},
		{"breakeven via Render", Render(&b, "png", c, Breakeven, Options{}), "needs the scenario"},
		{"tornado via Render", Render(&b, "png", c, Tornado, Options{}), "needs the scenario"},
		{"vendor", Render(&b, "png", c, Breakdown, Options{Vendor: "nobody"}), `vendor "nobody" is not in the comparison`},
		{"small", Render(&b, "png", c, Cumulative, Options{Width: 10, Height: 10}), "out of range"},
		{"huge", Render(&b, "png", c, Cumulative, Options{Width: 100000, Height: 900}), "out of range"},
		{"lang", Render(&b, "png", c, Cumulative, Options{Lang: "fr"}), `language must be zh or en`},
		{"field", RenderBreakeven(&b, "png", s, "avg_call_minutes", []int64{1, 2}, Options{}), "not a whole-number demand field"},
		{"unknown field", RenderBreakeven(&b, "png", s, "nope", []int64{1, 2}, Options{}), "cannot sweep"},
		{"no values", RenderBreakeven(&b, "png", s, "bots", nil, Options{}), "no values"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, tc.err, tc.want)
		}
	}
	if b.Len() != 0 {
		t.Errorf("failed renders wrote %d bytes", b.Len())
	}
}

// Benchmarks: what the window pays per edit (Image at window size,
// no PNG encoding) and what an export pays (PNG 1600×900).
func benchChart(b *testing.B, kind Kind) {
	_, c := compareFile(b, benchScenario)
	if len(c.Vendors) != 4 || c.Months != 36 {
		b.Fatalf("bench scenario: %d vendors, %d months", len(c.Vendors), c.Months)
	}
	b.Run("window-900x400", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Image(c, kind, Options{Width: 900, Height: 400}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("png-900x400", func(b *testing.B) {
		for b.Loop() {
			if err := Render(io.Discard, "png", c, kind, Options{Width: 900, Height: 400}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("png-1600x900", func(b *testing.B) {
		for b.Loop() {
			if err := Render(io.Discard, "png", c, kind, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("svg-1600x900", func(b *testing.B) {
		for b.Loop() {
			if err := Render(io.Discard, "svg", c, kind, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkRenderCumulative(b *testing.B) { benchChart(b, Cumulative) }
func BenchmarkRenderMonthly(b *testing.B)    { benchChart(b, Monthly) }
func BenchmarkRenderBreakdown(b *testing.B)  { benchChart(b, Breakdown) }

// The cumulative chart's legend words each total as every front end does:
// a vendor serving none of the needs is "not applicable", not 0.
func TestLegendTotalsWordedAsEverywhere(t *testing.T) {
	_, c := compareFile(t, exampleScenario)
	for _, tc := range []struct{ lang, want string }{
		{"zh", "阿里云 智能联络中心 · 不适用（不覆盖："},
		{"en", "Aliyun Intelligent Contact Center · not applicable (does not cover:"},
		// Tencent covers everything alone, but a combination costs less: no
		// "(cheapest)" on it; the combination's line has its total.
		{"en", "Tencent Qidian · ¥68,177.20\n"},
		{"en", "Cheapest combination: Chatopera (bot) + Tencent (online chat) · ¥52,777.20"},
	} {
		var b bytes.Buffer
		if err := Render(&b, "svg", c, Cumulative, Options{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		if all := strings.Join(svgTexts(t, b.Bytes()), "\n"); !strings.Contains(all, tc.want) {
			t.Errorf("%s legend lacks %q in %q", tc.lang, tc.want, all)
		}
	}
}

// The combination chart shows the best few combinations, each part's share
// of its total, and the answer line.
func TestRenderCombinationChart(t *testing.T) {
	_, c := compareFile(t, "../../pricing/testdata/typical-contact-centre.kefucost.json")
	var b bytes.Buffer
	if err := Render(&b, "svg", c, Combination, Options{}); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(svgTexts(t, b.Bytes()), "\n")
	// 79,920.00 / 352,036.80 = 22.7 %; 236,116.80 / 352,036.80 = 67.1 %;
	// Tencent 157,520.00 / 393,636.80 = 40.0 %.
	for _, want := range []string{"最便宜的全覆盖方式：Chatopera（机器人） + 腾讯企点（在线客服） + 阿里云（电话） = 352,036.80 元",
		"1. Chatopera（机器人） + 腾讯企点（在线客服） + 阿里云（电话）", "腾讯企点 23%", "阿里云 67%", "腾讯企点 40%",
		"393,636.80 元  +41,600.00 元（+11.8%）"} {
		if !strings.Contains(all, want) {
			t.Errorf("combination chart lacks %q:\n%s", want, all)
		}
	}
	// Every part of every combination drawn is named with its share, in
	// the bar or, too narrow for it, in a key under the bar: Chatopera's
	// 36,000.00 / 352,036.80 = 10 % was drawn nowhere. In both languages,
	// at the window's width at 1280 px and at the default size.
	for _, o := range []Options{{}, {Lang: "en"}, {Width: 440, Height: 300}} {
		b.Reset()
		if err := Render(&b, "svg", c, Combination, o); err != nil {
			t.Fatal(err)
		}
		texts := svgTexts(t, b.Bytes())
		for i, cb := range c.Combinations[:min(len(c.Combinations), maxChartCombinations)] {
			for _, p := range cb.Parts {
				share := p.Result.Total.Div(cb.Total).Mul(decimal.NewFromInt(100)).StringFixed(0) + "%"
				want := wording.ShortVendorName(o.Lang, p.Vendor) + " " + share
				if !slices.Contains(texts, want) {
					t.Errorf("%+v: combination %d: part %q not named:\n%s", o, i+1, want, strings.Join(texts, "\n"))
				}
			}
		}
	}
	// No complete combination: said, not an empty picture.
	_, none := compareFile(t, "../../pricing/testdata/combos/no-vendor.kefucost.json")
	b.Reset()
	if err := Render(&b, "svg", none, Combination, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if all := strings.Join(svgTexts(t, b.Bytes()), "\n"); !strings.Contains(all, "No combination of vendors covers everything at known prices") ||
		!strings.Contains(all, "phone — ") {
		t.Errorf("no-combination chart:\n%s", all)
	}
}

// Unpriced is not 0 and uncovered is not free: a vendor with no known
// amount (Huawei: nothing needed priced, 未知; Aliyun: serves none of the
// needs, 不适用) gets no line, no bars and no swatch in any chart, only
// its legend entry saying so ("· 不画线"); a lower bound (Tencent, 至少)
// keeps its dashed line. Colours are the vendors' (VendorColor).
func TestVendorWithNoKnownAmountHasNoSeries(t *testing.T) {
	s, c := decodeScenario(t, scenarioJSON("unpriced", 12, `"chats_per_day": 3000, "online_agents": 5, "bots": 1`,
		`"tencent-qidian": {"plan": "tencent-qidian-pro-robot"}`))
	bounds := map[string]wording.Bound{}
	for _, r := range c.Vendors {
		bounds[r.Vendor] = wording.BoundOf(r)
	}
	if bounds[scenarios.Huawei] != wording.Unknown || bounds[scenarios.Aliyun] != wording.NotApplicable || bounds[scenarios.Tencent] != wording.AtLeast {
		t.Fatalf("test scenario: want Huawei unknown, Aliyun not applicable, Tencent at least; got %v", bounds)
	}
	// The colour as the SVG writer spells it in a stroke or a fill.
	rgba := func(id string) string {
		col := VendorColor(id)
		return fmt.Sprintf("(%d,%d,%d,", col.R, col.G, col.B)
	}
	for _, lang := range []string{"zh", "en"} {
		for _, kind := range []Kind{Cumulative, Monthly, Breakeven} {
			var b bytes.Buffer
			var err error
			if kind == Breakeven {
				err = RenderBreakeven(&b, "svg", s, "chats_per_day", pricing.SweepValues(1000, 5000, 5), Options{Lang: lang})
			} else {
				err = Render(&b, "svg", c, kind, Options{Lang: lang})
			}
			if err != nil {
				t.Fatal(err)
			}
			svg := b.String()
			for _, id := range []string{scenarios.Huawei, scenarios.Aliyun} {
				if strings.Contains(svg, rgba(id)) {
					t.Errorf("%s %s: %s (%v) is drawn in its colour %s: a line or bars at 0 for a vendor with no known amount", lang, kind, id, bounds[id], rgba(id))
				}
			}
			if !strings.Contains(svg, rgba(scenarios.Tencent)) || !strings.Contains(svg, "stroke-dasharray") {
				t.Errorf("%s %s: Tencent's lower bound is not drawn dashed", lang, kind)
			}
			all := strings.Join(svgTexts(t, b.Bytes()), "\n")
			word := notDrawn(Options{Lang: lang}, kind != Monthly)
			for _, id := range []string{scenarios.Huawei, scenarios.Aliyun} {
				name := wording.VendorNameByID(lang, id)
				if !regexp.MustCompile(regexp.QuoteMeta(name) + `[^\n]*· ` + regexp.QuoteMeta(word)).MatchString(all) {
					t.Errorf("%s %s: legend does not keep %s with %q: %q", lang, kind, name, word, all)
				}
			}
			if kind == Cumulative && !strings.Contains(all, wording.Amount(lang, resultOf(c, scenarios.Tencent).Total, wording.AtLeast)) {
				t.Errorf("%s: Tencent's line is not labelled as a lower bound: %q", lang, all)
			}
		}
	}
}

func resultOf(c *pricing.Comparison, id string) *pricing.Result {
	for _, r := range c.Vendors {
		if r.Vendor == id {
			return r
		}
	}
	return nil
}

// A break-even where only one value could be computed (growth 95 % a
// month: every value but 0 is past the engine's limit) says so and that
// there is nothing to compare, never that every vendor costs 0 at these
// values (reviewer R18: the one point drawn was 0, read as "free").
func TestBreakevenWithOneComputedValueSaysNothingToCompare(t *testing.T) {
	s, _ := decodeScenario(t, scenarioJSON("one point", 12, `"chats_per_day": 60000, "growth_per_month": "0.95"`, ""))
	for _, lang := range []string{"zh", "en"} {
		var b bytes.Buffer
		if err := RenderBreakeven(&b, "svg", s, "chats_per_day", []int64{0, 100000000}, Options{Width: 900, Height: 400, Lang: lang}); err != nil {
			t.Fatal(err)
		}
		texts := strings.Join(svgTexts(t, b.Bytes()), "\n")
		want := map[string]string{"zh": "只算出了 0 这一个取值：无从比较", "en": "Only one value could be computed (0): nothing to compare"}[lang]
		if !strings.Contains(texts, want) || strings.Contains(texts, "都是 0 元") || strings.Contains(texts, "total is 0") {
			t.Errorf("%s: want %q, not \"all cost 0\": %q", lang, want, texts)
		}
	}
}
