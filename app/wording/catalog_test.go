package wording

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"kefucost/pricing"
)

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// latinWords are runs of Latin letters a Chinese reader meets; brand
// names and abbreviations the buyer's documents use are allowed.
var latinWords = regexp.MustCompile(`[A-Za-z]{2,}`)

var allowedLatin = map[string]bool{"Chatopera": true, "CEC": true, "ICC": true, "ASR": true, "IVR": true, "AI": true, "API": true, "FAQ": true, "IM": true}

// A bilingual note shows one language: the Chinese half holds every
// Chinese sentence and no English one, the English half no Chinese, and
// nothing is lost. Every interpretation of the catalog is checked.
func TestNoteShowsOneLanguage(t *testing.T) {
	notes := []string{
		"剩余月数不足一月按一月计。A started month counts in full.",
		"逐日搜索超出计算预算：搜索找到的最省计划，可能还有更省的买法。The day-by-day search ran past its budget: the best plan the search found; a cheaper way to buy may exist. 同时持有多个已购资源包时先扣除最早到期的（价格页未说明已购资源包之间的顺序）。Among bought packs the one expiring first is drawn first (the price page gives no order).",
		"ASR 按并发路数计费：取 ASR 路数，有识别时长时至少 1 路。ASR is sold per concurrent channel: the channels asked for, at least 1 when there are ASR minutes.",
		"有通话但未设号码：通话需要号码，假设 1 个。Calls need a number: 1 assumed (phone_numbers is 0).",
	}
	for _, v := range pricing.MustCatalog().Vendors {
		for _, e := range v.Editions {
			for _, it := range e.Items {
				if it.Interpretation != "" {
					notes = append(notes, it.Interpretation)
				}
			}
		}
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, n := range notes {
		zh, en := SplitNote(n)
		if !hasHan(zh) || en == "" || hasHan(en) {
			t.Errorf("SplitNote(%q):\n zh %q\n en %q", n, zh, en)
			continue
		}
		for _, w := range latinWords.FindAllString(zh, -1) {
			if !allowedLatin[w] && !strings.Contains(w, "_") && !strings.Contains(n, w+"_") && !strings.Contains(n, "_"+w) {
				t.Errorf("Chinese half of %q has %q: %q", n, w, zh)
			}
		}
		if len(squash(zh))+len(squash(en)) != len(squash(n)) {
			t.Errorf("SplitNote(%q) lost text:\n zh %q\n en %q", n, zh, en)
		}
		if NoteIn("zh", n) != zh || NoteIn("en", n) != en {
			t.Errorf("NoteIn(%q) differs from SplitNote", n)
		}
	}
	if got := NoteIn("zh", "English only."); got != "English only." {
		t.Errorf("a note in one language is shown whole: %q", got)
	}
}

// Every source of the catalog has a Chinese title without seed file names
// or English words, and its date reads in Chinese.
func TestSourcesByTitle(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range pricing.MustCatalog().Vendors {
		for _, e := range v.Editions {
			srcs := [][2]string{{e.Source, e.SourceDate}}
			for _, it := range e.Items {
				srcs = append(srcs, [2]string{it.Source, it.SourceDate})
			}
			for _, s := range srcs {
				if seen[s[0]+s[1]] {
					continue
				}
				seen[s[0]+s[1]] = true
				title, date := SourceTitle("zh", s[0]), SourceDate("zh", s[1])
				if _, ok := sourceTitles[s[0]]; !ok {
					t.Errorf("no Chinese title for source %q (got %q)", s[0], title)
				}
				for _, w := range latinWords.FindAllString(title+" "+date, -1) {
					if !allowedLatin[w] {
						t.Errorf("source %q (%s) in Chinese: %q (%q)", s[0], s[1], title+" "+date, w)
					}
				}
				if SourceTitle("en", s[0]) != s[0] || SourceDate("en", s[1]) != s[1] {
					t.Errorf("English source changed: %q", s[0])
				}
			}
		}
	}
	if got := SourceDate("zh", "undated (supplied 2026)"); got != "未注明日期，2026 年提供" {
		t.Errorf("undated: %q", got)
	}
	if got := SourceTitle("zh", "your quote (scenario price override)"); got != "您的报价（方案中填写）" {
		t.Errorf("quote source: %q", got)
	}
}

// Every unit the catalog uses reads in Chinese.
func TestUnitsInChinese(t *testing.T) {
	units := map[string]bool{"seat": true, "user": true, "bot": true}
	for _, v := range pricing.MustCatalog().Vendors {
		for _, e := range v.Editions {
			for _, it := range e.Items {
				units[it.Unit] = true
			}
		}
	}
	for u := range units {
		got := UnitText("zh", u)
		if latinWords.MatchString(got) {
			t.Errorf("unit %q in Chinese: %q", u, got)
		}
	}
	for u, want := range map[string]string{"seat·month": "坐席·月", "minute": "分钟", "user·year": "用户·年"} {
		if got := UnitText("zh", u); got != want {
			t.Errorf("UnitText(zh, %q) = %q, want %q", u, got, want)
		}
	}
}
