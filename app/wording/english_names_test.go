package wording

import (
	"strings"
	"testing"
	"unicode"

	"kefucost/pricing"
)

// In English no name the catalog gives a person is Chinese: vendors,
// items (a resource pack read "Resource pack 10,000 元"), plans, options.
func TestCatalogEnglishNamesHaveNoChinese(t *testing.T) {
	cat, err := pricing.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	han := func(s string) bool {
		return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
	}
	check := func(what, en string) {
		if han(en) {
			t.Errorf("%s: English name %q has Chinese", what, en)
		}
	}
	for _, v := range cat.Vendors {
		check(v.ID, v.NameEN)
		for _, e := range v.Editions {
			for _, it := range e.Items {
				check(v.ID+" "+it.ID, it.NameEN)
			}
		}
		for _, p := range v.Plans {
			check(v.ID+" plan "+p.ID, p.NameEN)
		}
		for _, o := range v.Options {
			check(v.ID+" option "+o.ID, o.NameEN)
		}
	}
}

// An English revision summary names the fields, not their ids
// ("Online agents 5→8", not "demand.online_agents 5→8"); quoted names stay
// as written.
func TestEnglishSummaryNamesFields(t *testing.T) {
	got := Summary("en", `name "demand.bots"→"乙"; months 36→24; demand.online_agents 5→8; changes[0].online_agents 8→9`)
	want := `Scenario name "demand.bots"→"乙"; Horizon 36→24; Online agents 5→8; dated change 1 Online agents 8→9`
	if got != want {
		t.Errorf("en summary:\n%s\nwant\n%s", got, want)
	}
}
