package chart

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// At the width the window gives its charts at 1280 px (about 440 px), the
// cumulative and monthly charts' subtitle and notes wrap: no text ends in
// "…" and the subtitle's lines put together are the whole subtitle. The
// typical contact centre's subtitle names every vendor's price date.
func TestChartTextsWrapNotCut(t *testing.T) {
	_, c := compareFile(t, "../../pricing/testdata/typical-contact-centre.kefucost.json")
	for _, lang := range []string{"zh", "en"} {
		for _, kind := range []Kind{Cumulative, Monthly} {
			for _, width := range []int{440, 600, 1200} {
				t.Run(fmt.Sprint(lang, kind, width), func(t *testing.T) {
					var b bytes.Buffer
					o := Options{Lang: lang, Width: width, Height: 380}
					if err := Render(&b, "svg", c, kind, o); err != nil {
						t.Fatal(err)
					}
					texts := svgTexts(t, b.Bytes())
					for _, s := range texts {
						if strings.Contains(s, "…") {
							t.Errorf("cut: %q", s)
						}
					}
					sub := horizonText(c, o)
					if all := strings.Join(texts, ""); !strings.Contains(strings.ReplaceAll(all, " ", ""), strings.ReplaceAll(sub, " ", "")) {
						t.Errorf("the subtitle %q is not drawn whole: %q", sub, texts)
					}
				})
			}
		}
	}
}

// Lines break at spaces or between Chinese characters, never inside a
// number or a Latin word.
func TestWrapBreaksBetweenWords(t *testing.T) {
	cv, err := newCanvas("svg", Options{Width: 400, Height: 300})
	if err != nil {
		t.Fatal(err)
	}
	s := "价格日期：Chatopera 2023-12-15，腾讯企点 未注明日期，华为云 2025-03-01，阿里云 2025-06-30"
	lines := cv.wrap(s, 12, 160, 10)
	if len(lines) < 2 || strings.Join(lines, "") != strings.ReplaceAll(s, " ", "") && strings.Join(lines, " ") != s {
		joined := strings.Join(lines, "")
		if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Fatalf("wrap lost text: %q", lines)
		}
	}
	for _, l := range lines {
		if cv.textWidth(l, 12) > 160 {
			t.Errorf("line %q is %.0f px, more than 160", l, cv.textWidth(l, 12))
		}
		for _, word := range []string{"2023-12-15", "2025-03-01", "2025-06-30", "Chatopera"} {
			for i := 1; i < len(word); i++ {
				if strings.HasSuffix(l, word[:i]) && !strings.HasSuffix(l, word) && strings.Contains(s, l[len(l)-i:]+word[i:]) {
					t.Errorf("line %q breaks inside %q", l, word)
				}
			}
		}
	}
	if got := cv.wrap(s, 12, 160, 2); len(got) != 2 || !strings.HasSuffix(got[1], "…") {
		t.Errorf("two lines at most: %q", got)
	}
}

// The tornado's and the combination chart's head (title with the
// scenario's name, whose total, the horizon with the price dates) wraps
// at the window's widths instead of ending in "…" (the tornado's title
// was cut after "…, 36" at 1280 px).
func TestTornadoAndCombinationHeadsWrapNotCut(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	for _, lang := range []string{"zh", "en"} {
		for _, width := range []int{440, 660} {
			o := Options{Lang: lang, Width: width, Height: 400}
			var tb, cb bytes.Buffer
			if err := renderTornado(t, &tb, "svg", s, o); err != nil {
				t.Fatal(err)
			}
			if err := Render(&cb, "svg", c, Combination, o); err != nil {
				t.Fatal(err)
			}
			for kind, data := range map[string][]byte{"tornado": tb.Bytes(), "combination": cb.Bytes()} {
				texts := svgTexts(t, data)
				head := strings.Join(texts[:min(len(texts), 6)], "")
				for _, want := range []string{c.Scenario, horizonText(c, o)} {
					if !strings.Contains(strings.ReplaceAll(head, " ", ""), strings.ReplaceAll(want, " ", "")) {
						t.Errorf("%s %s %d: %q not drawn whole in %q", kind, lang, width, want, texts[:min(len(texts), 6)])
					}
				}
			}
		}
	}
}

// No text of any chart ends in "…", at the window's widths (440 and 666 px
// wide; the tornado as tall as TornadoFit makes it, as the window draws
// it) and at the export size: the break-even's and breakdown's titles,
// the breakdown's subtitle and a bar's label ("每月呼入 8,000,000,000 →
// 6,400,000,000 / 9,600,000,…" even at 1600 px) were cut. Texts too long
// wrap onto a second line.
func TestEveryChartTextWrapsNotCut(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	huge := hugeMinuteQuote()
	var tornados []*pricing.Tornado
	for _, sc := range []*scenarios.Scenario{s, huge} {
		tr, err := pricing.ComputeTornado(sc, pricing.TornadoOptions{})
		if err != nil {
			t.Fatal(err)
		}
		tornados = append(tornados, tr)
	}
	for _, size := range [][2]int{{440, 300}, {666, 282}, {1600, 900}} {
		for _, lang := range []string{"zh", "en"} {
			o := Options{Width: size[0], Height: size[1], Lang: lang}
			charts := map[string]func(*bytes.Buffer) error{
				"breakeven": func(b *bytes.Buffer) error {
					return RenderBreakeven(b, "svg", s, "chats_per_day", pricing.SweepValues(0, 12000, 20), o)
				},
				"breakeven refused": func(b *bytes.Buffer) error {
					return RenderBreakeven(b, "svg", huge, "inbound_minutes_per_month", []int64{0, 5_000_000_000, 9_000_000_000, 10_000_000_000}, o)
				},
			}
			for _, k := range []Kind{Cumulative, Monthly, Breakdown, Combination} {
				charts[string(k)] = func(b *bytes.Buffer) error { return Render(b, "svg", c, k, o) }
			}
			for i, tr := range tornados {
				charts[fmt.Sprint("tornado ", i)] = func(b *bytes.Buffer) error {
					fit, err := TornadoFit(tr, o)
					if err != nil {
						return err
					}
					return RenderTornado(b, "svg", tr, fit)
				}
			}
			for name, draw := range charts {
				var b bytes.Buffer
				if err := draw(&b); err != nil {
					t.Fatalf("%s %s %v: %v", name, lang, size, err)
				}
				for _, x := range svgTexts(t, b.Bytes()) {
					if strings.Contains(x, "…") {
						t.Errorf("%s %s %v: cut: %q", name, lang, size, x)
					}
				}
			}
		}
	}
}

// A one-month scenario's English charts say "1 month", not "1 months".
func TestOneMonthChartsSayMonthSingular(t *testing.T) {
	s, c := decodeScenario(t, scenarioJSON("one", 1, `"chats_per_day": 0, "online_agents": 0, "bots": 0, "phone_agents": 3`, ``))
	o := Options{Lang: "en", Width: 900, Height: 500}
	var b, be bytes.Buffer
	if err := Render(&b, "svg", c, Cumulative, o); err != nil {
		t.Fatal(err)
	}
	if err := RenderBreakeven(&be, "svg", s, "phone_agents", []int64{0, 3, 6}, o); err != nil {
		t.Fatal(err)
	}
	texts := strings.Join(append(svgTexts(t, b.Bytes()), svgTexts(t, be.Bytes())...), "\n")
	if strings.Contains(texts, "1 months") || !strings.Contains(texts, "1 month,") || !strings.Contains(texts, "over 1 month (CNY)") {
		t.Errorf("texts of a one-month scenario:\n%s", texts)
	}
}
