package chart

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

func renderTornado(t testing.TB, w io.Writer, format string, s *scenarios.Scenario, o Options) error {
	t.Helper()
	tr, err := pricing.ComputeTornado(s, pricing.TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return RenderTornado(w, format, tr, o)
}

func tornadoTexts(t *testing.T, s *scenarios.Scenario, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := renderTornado(t, &b, "svg", s, o); err != nil {
		t.Fatal(err)
	}
	return strings.Join(svgTexts(t, b.Bytes()), "\n")
}

// flipScenario: 3 phone agents for 12 months. Tencent bills at least 3
// users (4,500.00); at −20 % (2 agents) Aliyun's 2 × 2,029.80 = 4,059.60
// is cheaper: the ranking flips (pricing's TestTornadoMarksRankingFlip).
const flipScenario = `{"format": "kefucost.scenario", "version": 1, "name": "三个电话坐席", "start": "2027-01-01", "months": 12,
"demand": {"chats_per_day": 0, "online_agents": 0, "bots": 0, "phone_agents": 3}}`

// The input that flips the ranking is starred, with the new cheapest way
// beside its bar, and the key says what ★ means; the rows are labelled in
// the chart's language with the input's values on both sides.
func TestTornadoChartMarksRankingChange(t *testing.T) {
	s, _ := decodeScenario(t, flipScenario)
	zh := tornadoTexts(t, s, Options{})
	for _, want := range []string{
		"敏感性：每项需求 ±20%、增长率 ±5 个百分点/年时总成本的变化 — 三个电话坐席",
		// The key: growth moves by points of its annual rate.
		"减少 20%（增长率 −5 个百分点/年）",
		"增加 20%（增长率 +5 个百分点/年）",
		"最便宜的全覆盖方式：腾讯企点（电话） = 4,500.00 元",
		"★ 电话坐席  3 → 2 / 4",
		"−440.40 ★ 阿里云（电话）",
		"+1,500.00",
		"★ = 改变排名",
		"增长率（年化）  0% → −5% / 5%",
		"增长率按年化变动 ±5 个百分点，再换算为每月复合增长率：0% → −0.4265% / 0.4074%（每月）",
		"未列出（为 0 或不适用）：每日机器人对话",
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh tornado lacks %q:\n%s", want, zh)
		}
	}
	en := tornadoTexts(t, s, Options{Lang: "en"})
	for _, want := range []string{
		"Sensitivity: change in total with each need ±20 % and growth ±5 points a year",
		"Cheapest way to cover everything: Tencent (phone) = 4,500.00 CNY",
		"★ Phone agents  3 → 2 / 4",
		"★ = changes the ranking",
		"Not shown (0 or not used): ",
		"20 % lower (growth −5 points a year)",
		"20 % higher (growth +5 points a year)",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("en tornado lacks %q:\n%s", want, en)
		}
	}
	for _, zhOnly := range []string{"元", "敏感性", "最便宜"} {
		if strings.Contains(en, zhOnly) {
			t.Errorf("en tornado has Chinese %q", zhOnly)
		}
	}
}

// One vendor's tornado: its own changes, and a partial total marked as
// such (Chatopera serves no phone in the busy scenario).
func TestTornadoChartVendorPartial(t *testing.T) {
	s, _ := compareFile(t, benchScenario)
	zh := tornadoTexts(t, s, Options{Vendor: scenarios.Chatopera})
	for _, want := range []string{"供应商：Chatopera", "（部分金额）", "浅色虚框 = 部分金额", "每次对话请求数  3 → 2 / 4", "−35,000.00（部分金额）"} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chatopera's tornado lacks %q:\n%s", want, zh)
		}
	}
	if strings.Contains(zh, "★") {
		t.Errorf("no input changes the busy scenario's ranking, yet a ★:\n%s", zh)
	}
	// Rows sorted by the size of the change: messages per chat (−35,000),
	// chats per day (±20,000), then growth ±5 points a year (−10,000;
	// moved ±5 points a month it was +190,000 and came first).
	iM, iC, iG := strings.Index(zh, "每次对话请求数"), strings.Index(zh, "每日机器人对话"), strings.Index(zh, "增长率（年化）  26.82% → 21.82% / 31.82%")
	if iG < 0 || iM < 0 || iC < 0 || !(iM < iC && iC < iG) {
		t.Errorf("rows not sorted by the change's size (messages %d, chats %d, growth %d)", iM, iC, iG)
	}
	if !strings.Contains(zh, "−10,000.00（部分金额）") {
		t.Errorf("growth −5 points a year: want −10,000.00 for Chatopera:\n%s", zh)
	}
	var b bytes.Buffer
	tr, err := pricing.ComputeTornado(s, pricing.TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := RenderTornado(&b, "svg", tr, Options{Vendor: "nobody"}); err == nil || !strings.Contains(err.Error(), `"nobody" is not in the comparison`) {
		t.Errorf("unknown vendor: %v", err)
	}
}

// A tornado small enough for the window still names the rows it leaves
// out.
func TestTornadoChartSmallKeepsCount(t *testing.T) {
	s, _ := compareFile(t, benchScenario)
	zh := tornadoTexts(t, s, Options{Width: 600, Height: 300})
	if !strings.Contains(zh, "项（变化更小）") {
		t.Errorf("a 600×300 tornado of 17 inputs does not say how many rows it left out:\n%s", zh)
	}
}

func BenchmarkRenderTornado(b *testing.B) {
	s, _ := compareFile(b, benchScenario)
	tr, err := pricing.ComputeTornado(s, pricing.TornadoOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := TornadoImage(tr, Options{Width: 900, Height: 400}); err != nil {
			b.Fatal(err)
		}
	}
}

// A narrow tornado keeps its texts inside the image: the new cheapest
// way's name goes, the ★ stays.
func TestTornadoChartNarrow(t *testing.T) {
	s, _ := decodeScenario(t, flipScenario)
	zh := tornadoTexts(t, s, Options{Width: 300, Height: 200})
	if !strings.Contains(zh, "−440.40 ★") || strings.Contains(zh, "−440.40 ★ 阿里云") {
		t.Errorf("narrow tornado: want the ★ without the way's name:\n%s", zh)
	}
}

// A value already at its field's limit cannot move up: recorded_share 1
// + 20 % is held at 1. The side says it was held to the field's range,
// not "unchanged after rounding" (nothing was rounded).
func TestTornadoValueAtLimitSaysHeldNotRounded(t *testing.T) {
	s, _ := decodeScenario(t, `{"format": "kefucost.scenario", "version": 1, "name": "全部录音", "start": "2027-01-01", "months": 12,
"demand": {"chats_per_day": 0, "online_agents": 0, "bots": 0, "phone_agents": 3, "phone_numbers": 1, "inbound_minutes_per_month": 10000, "recorded_share": "1"}}`)
	for lang, want := range map[string]string{"zh": "受取值范围限制，不变", "en": "held to the field's range: unchanged"} {
		texts := tornadoTexts(t, s, Options{Lang: lang})
		if !strings.Contains(texts, want) {
			t.Errorf("%s: the side held at recorded_share's limit does not say %q:\n%s", lang, want, texts)
		}
		for _, bad := range []string{"取整后不变（受取值范围限制）", "unchanged after rounding (held"} {
			if strings.Contains(texts, bad) {
				t.Errorf("%s: %q: the value was held at its limit, not rounded", lang, bad)
			}
		}
	}
}

// In a short chart (the window's area at 1280×800, about 670×230 px)
// TornadoFit makes the tornado tall enough for every input of the busy
// scenario to have its own row at the area's text size: no "其他 15 项".
// Drawn at the short size itself, inputs are lumped (the chart the window
// showed before it scrolled).
func TestTornadoFitGivesEveryInputARow(t *testing.T) {
	s, _ := compareFile(t, "../../pricing/testdata/bench-36m.kefucost.json")
	tr, err := pricing.ComputeTornado(s, pricing.TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	texts := func(o Options) string {
		var b bytes.Buffer
		if err := RenderTornado(&b, "svg", tr, o); err != nil {
			t.Fatal(err)
		}
		return strings.Join(svgTexts(t, b.Bytes()), "\n")
	}
	for _, lang := range []string{"zh", "en"} {
		short := Options{Width: 670, Height: 230, Lang: lang}
		lumped := regexp.MustCompile(`其他 \d+ 项|\d+ more \(smaller changes\)`)
		if all := texts(short); !lumped.MatchString(all) {
			t.Errorf("%s: precondition: at 670×230 the inputs should be lumped: %q", lang, all)
		}
		o, err := TornadoFit(tr, short)
		if err != nil {
			t.Fatal(err)
		}
		if o.Height <= short.Height || o.Width != short.Width || o.TextScale != 0.75 {
			t.Errorf("%s: fit %d×%d text scale %v, want taller than 230, 670 wide, the short chart's text scale 0.75", lang, o.Width, o.Height, o.TextScale)
		}
		all := texts(o)
		if lumped.MatchString(all) {
			t.Errorf("%s: at %d×%d inputs are still lumped: %q", lang, o.Width, o.Height, all)
		}
		for _, sw := range tr.Swings {
			if label := fieldLabel(sw.Input, o); sw.Input != pricing.GrowthField && !strings.Contains(all, label+"  ") {
				t.Errorf("%s: input %s (%s) has no row: %q", lang, sw.Input, label, all)
			}
		}
		// The title wraps, never "…" (English was cut at 1280).
		if strings.Contains(all, "…") {
			t.Errorf("%s: a text is cut: %q", lang, all)
		}
		// A chart that fits stays as it is.
		if big, _ := TornadoFit(tr, Options{Lang: lang}); big.Height != DefaultHeight {
			t.Errorf("%s: a 1600×900 tornado fitted to height %d", lang, big.Height)
		}
	}
}

// A vendor whose total is unknown (nothing needed priced) or not
// applicable has no change to show: no bars, and the chart says why.
func TestTornadoOfVendorWithNoKnownAmountHasNoBars(t *testing.T) {
	s, c := decodeScenario(t, scenarioJSON("unpriced", 12, `"chats_per_day": 3000, "online_agents": 5, "bots": 1`, ""))
	for _, id := range []string{scenarios.Huawei, scenarios.Aliyun} {
		r := resultOf(c, id)
		if b := wording.BoundOf(r); b != wording.Unknown && b != wording.NotApplicable {
			t.Fatalf("test scenario: %s should have no known amount (%v)", id, b)
		}
		for _, lang := range []string{"zh", "en"} {
			var buf bytes.Buffer
			if err := renderTornado(t, &buf, "svg", s, Options{Lang: lang, Vendor: id}); err != nil {
				t.Fatal(err)
			}
			svg := buf.String()
			for _, col := range []string{fmt.Sprintf("(%d,%d,%d,", tornadoLow.R, tornadoLow.G, tornadoLow.B), fmt.Sprintf("(%d,%d,%d,", tornadoHigh.R, tornadoHigh.G, tornadoHigh.B)} {
				if strings.Contains(svg, col) {
					t.Errorf("%s %s: bars drawn for a vendor with no known amount", lang, id)
				}
			}
			if all := strings.Join(svgTexts(t, buf.Bytes()), "\n"); !strings.Contains(all, ctr(Options{Lang: lang}, "没有已知金额", "no known amount")) {
				t.Errorf("%s %s: the chart does not say why it has no bars: %q", lang, id, all)
			}
		}
	}
}
