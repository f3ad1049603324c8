package chart

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

const typicalScenario = "../../pricing/testdata/typical-contact-centre.kefucost.json"

func breakevenTexts(t *testing.T, s *scenarios.Scenario, field string, values []int64, o Options) []string {
	t.Helper()
	var b bytes.Buffer
	if err := RenderBreakeven(&b, "svg", s, field, values, o); err != nil {
		t.Fatal(err)
	}
	return svgTexts(t, b.Bytes())
}

func crossingLabels(texts []string) []string {
	var out []string
	for _, x := range texts {
		if strings.HasPrefix(x, "≈ ") {
			out = append(out, x)
		}
	}
	return out
}

// A partial total (unpriced items, or not covering every need) crossing
// another line is no break-even: no dot, no "≈" label. In the typical
// contact centre no vendor alone is whole, yet Chatopera's line crosses
// Huawei's near 7,500 chats a day and Tencent's crosses Aliyun's near
// 12,500: those were drawn as break-evens.
func TestBreakevenMarksNoCrossingOfPartialTotals(t *testing.T) {
	s, _ := compareFile(t, typicalScenario)
	values := pricing.SweepValues(0, 18000, 50)
	pts, err := pricing.Sweep(s, "chats_per_day", values)
	if err != nil {
		t.Fatal(err)
	}
	var all []chartSeries
	for _, v := range pts[0].Vendors {
		sr := chartSeries{id: v.Vendor}
		for _, p := range pts {
			for _, x := range p.Vendors {
				if x.Vendor == v.Vendor {
					sr.exact = append(sr.exact, x.Total)
					sr.partialAt = append(sr.partialAt, !x.Complete || !x.Covers)
				}
			}
		}
		all = append(all, sr)
	}
	exact := make([][]decimal.Decimal, len(all))
	for i := range all {
		exact[i] = all[i].exact
	}
	if len(crossings(exact)) == 0 {
		t.Fatal("the partial lines do not cross: the test shows nothing")
	}
	texts := breakevenTexts(t, s, "chats_per_day", values, Options{})
	if got := crossingLabels(texts); len(got) > 0 {
		t.Errorf("crossings of partial totals marked as break-evens: %v", got)
	}
	joined := strings.Join(texts, "\n")
	if !strings.Contains(joined, "与它的交叉不标圆点") || strings.Contains(joined, "圆点 = ") {
		t.Errorf("the key must say partial crossings are not marked, and have no dot entry:\n%s", joined)
	}
}

// Two whole totals crossing are a break-even and keep their mark: three
// phone agents, Tencent (at least 3 users) against Aliyun (per seat).
func TestBreakevenMarksWholeCrossings(t *testing.T) {
	s, _ := decodeScenario(t, flipScenario)
	texts := breakevenTexts(t, s, "phone_agents", pricing.SweepValues(1, 9, 9), Options{})
	if len(crossingLabels(texts)) == 0 {
		t.Errorf("no break-even between Tencent and Aliyun marked:\n%s", strings.Join(texts, "\n"))
	}
}

// wholeCrossings keeps a crossing only when both lines are whole at both
// points around it.
func TestWholeCrossingsNeedBothWhole(t *testing.T) {
	a := chartSeries{exact: decs("0", "10", "20"), partialAt: []bool{false, false, false}}
	b := chartSeries{exact: decs("15", "12", "9"), partialAt: []bool{false, false, false}}
	if got := wholeCrossings([]chartSeries{a, b}); len(got) != 1 {
		t.Fatalf("whole lines: %d crossings, want 1", len(got))
	}
	b.partialAt = []bool{false, false, true}
	if got := wholeCrossings([]chartSeries{a, b}); len(got) != 0 {
		t.Errorf("partial at the crossing's far point: %d crossings, want 0", len(got))
	}
	b.partialAt, b.dashed = nil, true
	if got := wholeCrossings([]chartSeries{a, b}); len(got) != 0 {
		t.Errorf("dashed line: %d crossings, want 0", len(got))
	}
}

// The Chinese axis names the field in words (no "(chats_per_day)"; the
// English keeps the id --field takes), and a
// break-even net of VAT says so and draws the net totals.
func TestBreakevenAxisWordsAndVAT(t *testing.T) {
	s, _ := compareFile(t, exampleScenario)
	values := pricing.SweepValues(0, 300, 4)
	zh := strings.Join(breakevenTexts(t, s, "chats_per_day", values, Options{}), "\n")
	if strings.Contains(zh, "chats_per_day") || !strings.Contains(zh, "\n每日机器人对话\n") {
		t.Errorf("the Chinese break-even's axis is not in words:\n%s", zh)
	}
	gross := strings.Join(breakevenTexts(t, s, "chats_per_day", values, Options{}), "\n")
	net := strings.Join(breakevenTexts(t, s, "chats_per_day", values, Options{NetOfVAT: true}), "\n")
	if strings.Contains(gross, "不含税") || !strings.Contains(net, "不含税（÷ 1.06）") {
		t.Errorf("net of VAT not said (or said on the gross chart):\n%s\n---\n%s", gross, net)
	}
	en := strings.Join(breakevenTexts(t, s, "chats_per_day", values, Options{Lang: "en", NetOfVAT: true}), "\n")
	if !strings.Contains(en, "net of VAT (÷ 1.06)") {
		t.Errorf("en net of VAT not said:\n%s", en)
	}
}

// The exported cumulative chart carries the leads sentence the window
// shows under its chart (who has paid least so far, from when another
// way is cheaper); the window's own live chart leaves it to its label.
func TestCumulativeChartCaptionSaysTheLeads(t *testing.T) {
	_, c := decodeScenario(t, flipScenario)
	for _, lang := range []string{"zh", "en"} {
		want := wording.LeadsText(lang, c)
		if want == "" {
			t.Fatal("the test scenario has no leads")
		}
		var b bytes.Buffer
		if err := Render(&b, "svg", c, Cumulative, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		// The caption may wrap: compare without the line breaks.
		if all := strings.Join(svgTexts(t, b.Bytes()), ""); !strings.Contains(all, want) {
			t.Errorf("%s: the cumulative chart lacks %q:\n%s", lang, want, all)
		}
		b.Reset()
		if err := Render(&b, "svg", c, Cumulative, Options{Lang: lang, NoLeads: true}); err != nil {
			t.Fatal(err)
		}
		if all := strings.Join(svgTexts(t, b.Bytes()), ""); strings.Contains(all, want) {
			t.Errorf("%s: NoLeads still draws the caption", lang)
		}
	}
}

// hugeMinuteQuote: Tencent's minute quoted at 10,000 元, fixed 1-minute
// calls, 12 months: past 8,333,333,333 inbound minutes a month the
// minutes alone pass 10¹⁵ 元 and the engine refuses them.
func hugeMinuteQuote() *scenarios.Scenario {
	s := scenarios.New("huge", scenarios.NewDate(2027, 1, 1))
	s.Months = 12
	s.Demand = scenarios.DefaultDemand()
	s.Demand.ChatsPerDay, s.Demand.OnlineAgents, s.Demand.Bots = 0, 0, 0
	s.Demand.PhoneAgents, s.Demand.InboundMinutesPerMonth = 1000, 8_000_000_000
	s.Demand.AvgCallMinutes, s.Demand.CallLength = decimal.NewFromInt(1), scenarios.CallFixed
	s.Vendors = map[string]scenarios.VendorSettings{scenarios.Tencent: {Prices: map[string]decimal.Decimal{
		"phone.minute": decimal.NewFromInt(10_000), "phone.number.month": decimal.NewFromInt(30)}}}
	return s
}

// A break-even point or a tornado side the engine refuses (past 10¹⁵ 元)
// is left out and said with its reason; the rest of the chart is drawn
// (review B3/B3b: the whole chart was refused).
func TestChartsKeepTheRestWhenOnePointIsRefused(t *testing.T) {
	s := hugeMinuteQuote()
	for _, lang := range []string{"zh", "en"} {
		o := Options{Lang: lang}
		texts := strings.Join(breakevenTexts(t, s, "inbound_minutes_per_month", []int64{0, 5_000_000_000, 9_000_000_000, 10_000_000_000}, o), "\n")
		want := map[string]string{"zh": "无法计算（未画出）的取值：9,000,000,000、10,000,000,000。原因：腾讯企点客服 通话分钟 报价：",
			"en": "Not computable (not drawn) at 9,000,000,000, 10,000,000,000. Why: at this quote, Tencent Qidian's amount"}[lang]
		if !strings.Contains(strings.ReplaceAll(texts, "\n", ""), want) {
			t.Errorf("%s break-even texts:\n%s\nwant %q", lang, texts, want)
		}
		tr, err := pricing.ComputeTornado(s, pricing.TornadoOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := RenderTornado(&b, "svg", tr, o); err != nil {
			t.Fatal(err)
		}
		tt := strings.Join(svgTexts(t, b.Bytes()), "\n")
		for _, w := range map[string][]string{"zh": {"无法计算 ‡", "‡ 无法计算：腾讯企点客服 通话分钟 报价", "−1,689,600,000.00"},
			"en": {"not computable ‡", "‡ Not computable: at this quote, Tencent Qidian's amount", "−1,689,600,000.00"}}[lang] {
			if !strings.Contains(tt, w) {
				t.Errorf("%s tornado texts:\n%s\nwant %q", lang, tt, w)
			}
		}
	}
}

// Words beside the zero line of a tornado (unchanged, not computable) fit
// in the chart even when every bar falls: room was kept on the right
// only for rises, and "取整后不变" / "无法计算 ‡" ran off the edge.
func TestTornadoWordsFitWhenEveryBarFalls(t *testing.T) {
	s := scenarios.New("falls", scenarios.NewDate(2027, 1, 1))
	s.Months = 120
	s.Demand = scenarios.DefaultDemand()
	s.Demand.OnlineAgents = 0
	s.Demand.ChatsPerDay, s.Demand.Bots = 1_000_000, 1
	s.Demand.GrowthPerMonth = decimal.RequireFromString("0.038") // +20 % passes 10⁸ chats a day
	tr, err := pricing.ComputeTornado(s, pricing.TornadoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Lang: "zh"}
	var b bytes.Buffer
	if err := RenderTornado(&b, "svg", tr, o); err != nil {
		t.Fatal(err)
	}
	cv, err := newCanvas("svg", o)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	var x float64
	seen := 0
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			for _, a := range tk.Attr {
				if a.Name.Local == "x" {
					x, _ = strconv.ParseFloat(a.Value, 64)
				}
			}
		case xml.CharData:
			if w := string(tk); w == "取整后不变" || w == "无法计算 ‡" {
				seen++
				if end := x + cv.textWidth(w, cv.base*0.9); end > float64(cv.w) {
					t.Errorf("%q from x %.0f to %.0f: past the chart's width %d", w, x, end, cv.w)
				}
			}
		}
	}
	if seen < 3 {
		t.Errorf("%d words beside the zero line, want the growth and chats sides not computable and the bots unchanged", seen)
	}
}

// The break-even's x tick labels stay inside the chart and apart: swept to
// 10,000,000,000 the last one ("10,000,000,000", centred on the right
// end of the axis) ran past the right edge and was cut.
func TestBreakevenTickLabelsFitTheWidth(t *testing.T) {
	s, _ := compareFile(t, exampleScenario)
	values := pricing.SweepValues(0, 10_000_000_000, 21)
	number := regexp.MustCompile(`^[0-9][0-9,.]*$`)
	size := regexp.MustCompile(`font-size:([0-9.]+)px`)
	for _, o := range []Options{{}, {Lang: "en"}, {Width: 900, Height: 400}, {Lang: "en", Width: 700, Height: 400}} {
		var b bytes.Buffer
		if err := RenderBreakeven(&b, "svg", s, "chats_per_day", values, o); err != nil {
			t.Fatal(err)
		}
		cv, err := newCanvas("svg", o)
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
		var x, fs, prevEnd float64
		var last string
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			switch tk := tok.(type) {
			case xml.StartElement:
				for _, a := range tk.Attr {
					switch a.Name.Local {
					case "x":
						x, _ = strconv.ParseFloat(a.Value, 64)
					case "style":
						if m := size.FindStringSubmatch(a.Value); m != nil {
							fs, _ = strconv.ParseFloat(m[1], 64)
						}
					}
				}
			case xml.CharData:
				w := string(tk)
				if !number.MatchString(w) {
					continue
				}
				last = w
				if x < prevEnd {
					t.Errorf("%+v: label %q at x %.0f overlaps the one before (ends at %.0f)", o, w, x, prevEnd)
				}
				prevEnd = x + cv.textWidth(w, fs)
				if end := x + cv.textWidth(w, fs); x < 0 || end > float64(cv.w) {
					t.Errorf("%+v: label %q from x %.0f to %.0f: outside the chart's width %d", o, w, x, end, cv.w)
				}
			}
		}
		if last != "10,000,000,000" {
			t.Errorf("%+v: the last tick label is %q, want 10,000,000,000", o, last)
		}

	}
}

// The reason a swept value was refused is in the chart's language: with
// Lang "" (Chinese, the default) it was the engine's English ("每日机器人
// 对话：must be from 0 to 100,000,000, not 500000000").
func TestBreakevenRefusalReasonInChinese(t *testing.T) {
	s, _ := compareFile(t, exampleScenario)
	values := pricing.SweepValues(0, 10_000_000_000, 21)
	for _, lang := range []string{"", "zh"} {
		all := strings.Join(breakevenTexts(t, s, "chats_per_day", values, Options{Lang: lang}), "\n")
		if strings.Contains(all, "must be") || !strings.Contains(all, "原因：每日机器人对话：") {
			t.Errorf("Lang %q: the reason for the refused values is not in Chinese:\n%s", lang, all)
		}
	}
}

// The break-even sweep moves only the swept field's starting value; its
// dated changes stay as planned (the tornado moves them). At "电话坐席 40"
// a scenario that drops to 20 agents in 2028 costs less than 40 agents
// throughout: the subtitle says the changes are kept, with their dates
// and values, and says nothing of a field without changes.
func TestBreakevenSaysTheFieldsDatedChangesStay(t *testing.T) {
	s := scenarios.New("t", scenarios.NewDate(2027, 1, 1))
	s.Demand.PhoneAgents = 12
	twenty := int64(20)
	s.Changes = []scenarios.Change{{Date: scenarios.NewDate(2028, 1, 1), PhoneAgents: &twenty}}
	values := pricing.SweepValues(0, 40, 4)
	for _, lang := range []string{"zh", "en"} {
		want := wording.SweepKeepsChanges(lang, s, "phone_agents")
		if want == "" {
			t.Fatalf("%s: no words for the kept change", lang)
		}
		texts := breakevenTexts(t, s, "phone_agents", values, Options{Lang: lang})
		joined := strings.Join(texts, "")
		if lang == "en" {
			joined = strings.Join(texts, " ")
		}
		if !strings.Contains(joined, want) {
			t.Errorf("%s: the subtitle does not say %q:\n%s", lang, want, strings.Join(texts, "\n"))
		}
		other := strings.Join(breakevenTexts(t, s, "online_agents", pricing.SweepValues(0, 10, 3), Options{Lang: lang}), "\n")
		if strings.Contains(other, "2028-01-01") {
			t.Errorf("%s: a field without changes speaks of one:\n%s", lang, other)
		}
	}
}
