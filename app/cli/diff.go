package cli

import (
	"encoding/json"
	"strings"

	"kefucost/app/diff"
	"kefucost/app/wording"
	"kefucost/pricing"
)

// kefucost scenarios compare A --with B: two saved scenarios, or two
// revisions of one, side by side (package diff, as the window's
// comparison dialog shows them, in the same words). A is the base; every
// difference is B − A.

// DiffTable is the side-by-side as text for people: what A and B are, the
// totals per vendor with the difference and its share, the cheapest way
// on each side (or why there is none), the lines each difference comes
// from, and the inputs that differ.
func DiffTable(d *diff.Diff, nameA, nameB, lang string) string {
	t := func(key string, args ...any) string { return wording.Text(lang, key, args...) }
	var b strings.Builder
	b.WriteString(t("compare.title", nameA, nameB) + "\n")
	b.WriteString("  " + t("compare.a", nameA) + "\n")
	b.WriteString("  " + t("compare.b", nameB) + "\n")
	b.WriteString("  " + t("compare.how") + "\n")
	b.WriteString("  " + wording.VATWords(lang, d.B) + "\n\n")

	b.WriteString(t("compare.totals") + "\n")
	rows := [][]string{{"  " + t("compare.col.vendor"), t("compare.col.a"), t("compare.col.b"), t("compare.col.diff"), t("compare.col.pct")}}
	for _, v := range d.Vendors {
		amount, share := diff.ChangeText(lang, v.Change, v.NoChange)
		rows = append(rows, []string{"  " + diff.VendorName(lang, v), diff.TotalText(lang, v.A), diff.TotalText(lang, v.B), amount, share})
	}
	amount, share := diff.ChangeText(lang, d.BestChange, diff.Off)
	rows = append(rows, []string{"  " + t("compare.best"), diff.BestTotalText(lang, d.BestA), diff.BestTotalText(lang, d.BestB), amount, share})
	b.WriteString(wording.Table(rows, map[int]bool{1: true, 2: true, 3: true, 4: true}))
	b.WriteString("  " + t("compare.way", t("compare.side.a"), diff.WayText(lang, d.A, d.BestA)) + "\n")
	b.WriteString("  " + t("compare.way", t("compare.side.b"), diff.WayText(lang, d.B, d.BestB)) + "\n\n")

	b.WriteString(t("compare.lines") + "\n")
	some := false
	for _, v := range d.Vendors {
		if len(v.Lines) == 0 {
			continue
		}
		some = true
		b.WriteString("  " + diff.VendorName(lang, v) + "\n")
		rows := [][]string{{"    " + t("compare.col.line"), t("compare.col.a"), t("compare.col.b"), t("compare.col.diff")}}
		for _, l := range v.Lines {
			rows = append(rows, []string{"    " + diff.LineName(lang, l), diff.LineText(lang, l.A), diff.LineText(lang, l.B), diff.LineChangeText(lang, l.Change)})
		}
		b.WriteString(wording.Table(rows, map[int]bool{1: true, 2: true, 3: true}))
	}
	if !some {
		b.WriteString("  " + t("compare.lines.none") + "\n")
	}
	b.WriteString("\n" + t("compare.inputs") + "\n")
	for _, in := range d.Inputs {
		b.WriteString("  " + wording.Summary(lang, in) + "\n")
	}
	if len(d.Inputs) == 0 {
		b.WriteString("  " + t("compare.inputs.none") + "\n")
	}
	return b.String()
}

// JSON of a side-by-side: amounts as decimal strings with 2 places, null
// where a side has none; ids as in the files.
type jsonDiff struct {
	Sides       []jsonSide     `json:"sides"`
	NetOfVAT    bool           `json:"net_of_vat"`
	Vendors     []jsonDiffVend `json:"vendors"`
	Cheapest    jsonDiffBest   `json:"cheapest_combination"`
	Inputs      []string       `json:"inputs"`
	Explanation string         `json:"explanation"`
}

// jsonSide says what a side is: a saved scenario's revision.
type jsonSide struct {
	Side     string `json:"side"` // "a" (the base) or "b"
	Scenario string `json:"scenario"`
	Revision int    `json:"revision"`
}

type jsonDiffVend struct {
	Vendor string `json:"vendor"`
	// A and B are the totals on each side, as compare --format json
	// writes a vendor's total: a whole total only. They are null when
	// the vendor is switched off on that side, serves none of its needs
	// (no price, not 0) or lacks prices (unpriced is not 0): KnownA and
	// KnownB then hold what the priced items sum to, a lower bound.
	// StatusA and StatusB say which: "priced", "unpriced", "serves_none"
	// or "off"; complete_a/_b whether every needed item is priced (null:
	// off).
	A         *string `json:"a"`
	B         *string `json:"b"`
	KnownA    *string `json:"known_a,omitempty"`
	KnownB    *string `json:"known_b,omitempty"`
	StatusA   string  `json:"status_a"`
	StatusB   string  `json:"status_b"`
	CompleteA *bool   `json:"complete_a"`
	CompleteB *bool   `json:"complete_b"`
	// Change is B − A and Percent its share of A (null when A is 0);
	// both null when the totals are not set against each other, NoChange
	// says why: "off", "unpriced", "serves_none".
	Change   *string        `json:"change"`
	Percent  *string        `json:"percent"`
	NoChange string         `json:"no_change,omitempty"`
	Lines    []jsonDiffLine `json:"lines"`
}

// jsonDiffLine is a breakdown line that differs. A and B are its amounts:
// null when the side has no such line or, with unpriced_a/_b, when its
// price is unknown (never a word in place of an amount).
type jsonDiffLine struct {
	jsonItemName
	A         *string `json:"a"`
	B         *string `json:"b"`
	UnpricedA bool    `json:"unpriced_a,omitempty"`
	UnpricedB bool    `json:"unpriced_b,omitempty"`
	Change    *string `json:"change"` // null: a side lacks the price
}

type jsonDiffBest struct {
	A       *jsonCombo `json:"a"`
	B       *jsonCombo `json:"b"`
	Change  *string    `json:"change"`
	Percent *string    `json:"percent"`
}

// sideTotal is a vendor's total on a side as JSON (total, known part,
// status): the rule of compare --format json (totalJSON), with no amount
// for a vendor that serves none of the needs.
func sideTotal(r *pricing.Result) (total, known *string, status string) {
	switch {
	case r == nil:
		return nil, nil, "off"
	case r.PastLimit != nil:
		return nil, nil, "past_limit"
	case wording.ServesNone(r):
		return nil, nil, "serves_none"
	}
	total, known = totalJSON(r.Total, r.Complete)
	if !r.Complete {
		return total, known, "unpriced"
	}
	return total, known, "priced"
}

// lineAmount is a line's amount on a side; unpriced when the side has
// the line without a price.
func lineAmount(l *pricing.Line) (amount *string, unpriced bool) {
	switch {
	case l == nil:
		return nil, false
	case l.Amount == nil:
		return nil, true
	}
	s := wording.Fixed(*l.Amount)
	return &s, false
}

// DiffJSON is the side-by-side for programs.
func DiffJSON(d *diff.Diff, a, b jsonSide) ([]byte, error) {
	a.Side, b.Side = "a", "b"
	j := jsonDiff{Sides: []jsonSide{a, b}, NetOfVAT: d.B.ExcludesVAT, Vendors: []jsonDiffVend{}, Inputs: nonNil(d.Inputs),
		Explanation: "every change is b − a; percent is of a"}
	for _, v := range d.Vendors {
		jv := jsonDiffVend{Vendor: v.ID, Lines: []jsonDiffLine{}}
		jv.A, jv.KnownA, jv.StatusA = sideTotal(v.A)
		jv.B, jv.KnownB, jv.StatusB = sideTotal(v.B)
		if v.A != nil {
			jv.CompleteA = &v.A.Complete
		}
		if v.B != nil {
			jv.CompleteB = &v.B.Complete
		}
		if v.Change != nil {
			s := wording.Fixed(v.Change.Amount)
			jv.Change = &s
			if v.Change.Percent != nil {
				p := v.Change.Percent.StringFixed(1)
				jv.Percent = &p
			}
		} else {
			jv.NoChange = map[diff.Why]string{diff.Off: "off", diff.Unpriced: "unpriced", diff.ServesNone: "serves_none", diff.PastLimit: "past_limit"}[v.NoChange]
		}
		for _, l := range v.Lines {
			jl := jsonDiffLine{jsonItemName: jsonItemName{l.Item, l.Label, l.LabelEN}}
			jl.A, jl.UnpricedA = lineAmount(l.A)
			jl.B, jl.UnpricedB = lineAmount(l.B)
			if l.Change != nil {
				s := wording.Fixed(*l.Change)
				jl.Change = &s
			}
			jv.Lines = append(jv.Lines, jl)
		}
		j.Vendors = append(j.Vendors, jv)
	}
	if d.BestA != nil {
		c := comboJSON(d.BestA, nil)
		j.Cheapest.A = &c
	}
	if d.BestB != nil {
		c := comboJSON(d.BestB, nil)
		j.Cheapest.B = &c
	}
	if d.BestChange != nil {
		s := wording.Fixed(d.BestChange.Amount)
		j.Cheapest.Change = &s
		if d.BestChange.Percent != nil {
			p := d.BestChange.Percent.StringFixed(1)
			j.Cheapest.Percent = &p
		}
	}
	out, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
