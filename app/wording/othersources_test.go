package wording

import (
	"strings"
	"testing"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// A price taken from another document than its vendor's edition (Huawei's
// number rent and call minutes, 30 % of its total in the busy scenario,
// from its FAQ) is named by title and public address, and its age is said
// beside the total like the edition's: the FAQ gives no date, so it asks to
// check current prices (the trial found "按发布时" and no address).
func TestPricesFromAnotherDocumentCarryTheirAgeAndAddress(t *testing.T) {
	s, err := scenarios.ReadFile("../../pricing/testdata/bench-36m.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	var hw *pricing.Result
	for _, r := range c.Vendors {
		if r.Vendor == "huawei-cec" {
			hw = r
		}
	}
	if hw == nil || len(hw.OtherSources) != 1 {
		t.Fatalf("Huawei's FAQ should be its one other source: %+v", hw.OtherSources)
	}
	faq := hw.OtherSources[0]
	if !strings.HasPrefix(faq.URL, "https://") || !AgeOf(faq, c.Start).Stale {
		t.Errorf("FAQ source %+v: want a public address and an age that asks to check", faq)
	}
	for _, lang := range []string{"zh", "en"} {
		note := PriceAgeNote(lang, hw, c.Start)
		title := faq.Title
		if lang == "en" {
			title = faq.TitleEN
		}
		if !strings.Contains(note, title) || !strings.Contains(note, faq.URL) {
			t.Errorf("%s: price age note %q lacks the FAQ %q %s", lang, note, title, faq.URL)
		}
		for _, l := range hw.Lines {
			if l.Source != faq.Source {
				continue
			}
			if got, url := SourceOf(lang, hw, l); got != title || url != faq.URL {
				t.Errorf("%s: line %s source %q %q, want %q %q", lang, l.Item, got, url, title, faq.URL)
			}
		}
	}
	if got := SourceDate("zh", faq.SourceDate); strings.Contains(got, "按发布时") || !strings.Contains(got, "未注明日期") {
		t.Errorf("FAQ date in Chinese %q", got)
	}
}
