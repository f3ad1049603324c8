// Package diff sets two priced scenarios side by side: two saved
// scenarios, or two revisions of one. It says what each vendor costs in
// both, how much and what share more or less, which breakdown lines that
// difference comes from (largest first), the cheapest way to cover
// everything in both, and which inputs differ (scenarios.Differences,
// the same words as a revision's history). It is pure: the window shows
// it, the command line may print it.
package diff

import (
	"sort"

	"github.com/shopspring/decimal"

	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Diff is B compared with A: every difference is B − A, every share is of
// A (the base: the earlier revision, or the scenario picked to compare
// with).
type Diff struct {
	A, B *pricing.Comparison
	// Vendors are every vendor priced on either side, A's order first.
	Vendors []Vendor
	// BestA and BestB are the cheapest complete ways to cover everything
	// (nil when there is none); BestChange is BestB − BestA when both
	// exist.
	BestA, BestB *pricing.Combination
	BestChange   *Change
	// Inputs are the inputs that differ, in scenarios.Summarize's words
	// ("months 36→24"); wording.Summary says them in the user's language.
	Inputs []string
}

// Vendor is one vendor on both sides.
type Vendor struct {
	ID string
	// A and B are the vendor's results; nil when it is not compared on
	// that side (switched off).
	A, B *pricing.Result
	// Change is B − A of the totals, nil unless both totals are whole
	// (every needed item priced) and both are a price (the vendor serves
	// something on each side): a partial total is never set against
	// another, and a vendor serving none of the needs has no price, not 0.
	Change *Change
	// NoChange says why Change is nil: Off (switched off on a side),
	// Unpriced (a side lacks prices), ServesNone (a side serves none of
	// the needs).
	NoChange Why
	// Lines are the breakdown lines whose amounts differ, the largest
	// difference first.
	Lines []Line
}

// Why says why a vendor's totals are not set against each other.
type Why int

const (
	Compared   Why = iota // Change is set
	Off                   // the vendor is switched off on a side
	Unpriced              // a side's total lacks unpriced items
	ServesNone            // a side serves none of the needs: no price
	PastLimit             // a side was not computed (past 10^15 元): no amount
)

// Change is an amount's difference and its share of the base.
type Change struct {
	Amount decimal.Decimal // B − A
	// Percent is Amount ÷ A × 100 to one place; nil when A is 0.
	Percent *decimal.Decimal
}

// Line is one breakdown line that differs: matched on both sides by item
// and label (the n-th such line with the n-th).
type Line struct {
	Item           string
	Label, LabelEN string
	// A and B are the line on each side; nil when absent there.
	A, B *pricing.Line
	// Change is B − A of the amounts (an absent line counts 0); nil when
	// a side's line is unpriced.
	Change *decimal.Decimal
}

// Of compares cb (scenario b) with ca (scenario a). The comparisons must
// be in the same VAT view.
func Of(a, b *scenarios.Scenario, ca, cb *pricing.Comparison) *Diff {
	d := &Diff{A: ca, B: cb, BestA: ca.BestCombination(), BestB: cb.BestCombination()}
	if a != nil && b != nil {
		d.Inputs = scenarios.Differences(a, b)
	}
	if d.BestA != nil && d.BestB != nil {
		d.BestChange = change(d.BestA.Total, d.BestB.Total)
	}
	inB := map[string]*pricing.Result{}
	for _, r := range cb.Vendors {
		inB[r.Vendor] = r
	}
	seen := map[string]bool{}
	for _, r := range ca.Vendors {
		seen[r.Vendor] = true
		d.Vendors = append(d.Vendors, vendor(r.Vendor, r, inB[r.Vendor]))
	}
	for _, r := range cb.Vendors {
		if !seen[r.Vendor] {
			d.Vendors = append(d.Vendors, vendor(r.Vendor, nil, r))
		}
	}
	return d
}

func change(a, b decimal.Decimal) *Change {
	c := &Change{Amount: b.Sub(a)}
	if !a.IsZero() {
		p := c.Amount.Mul(decimal.NewFromInt(100)).DivRound(a, 1)
		c.Percent = &p
	}
	return c
}

func vendor(id string, a, b *pricing.Result) Vendor {
	v := Vendor{ID: id, A: a, B: b}
	switch {
	case a == nil || b == nil:
		v.NoChange = Off
	case a.PastLimit != nil || b.PastLimit != nil:
		v.NoChange = PastLimit
	case servesNone(a) || servesNone(b):
		v.NoChange = ServesNone
	case !a.Complete || !b.Complete:
		v.NoChange = Unpriced
	default:
		v.Change = change(a.Total, b.Total)
	}
	v.Lines = lines(a, b)
	return v
}

// servesNone: nothing to sell for the scenario (as wording.ServesNone):
// its 0 is no price.
func servesNone(r *pricing.Result) bool { return wording.ServesNone(r) }

// lineKey matches a line on both sides: the n-th line of an item and
// label with the n-th (a vendor may bill one item on two lines, as
// Huawei's monthly and on-demand seats).
type lineKey struct {
	item, label string
	n           int
}

func keyed(r *pricing.Result) ([]lineKey, map[lineKey]*pricing.Line) {
	if r == nil {
		return nil, nil
	}
	count := map[[2]string]int{}
	keys := make([]lineKey, len(r.Lines))
	m := make(map[lineKey]*pricing.Line, len(r.Lines))
	for i, l := range r.Lines {
		k := [2]string{l.Item, l.Label}
		keys[i] = lineKey{l.Item, l.Label, count[k]}
		count[k]++
		m[keys[i]] = l
	}
	return keys, m
}

func lines(a, b *pricing.Result) []Line {
	ka, ma := keyed(a)
	kb, mb := keyed(b)
	order := append(append([]lineKey{}, ka...), kb...)
	done := map[lineKey]bool{}
	var out []Line
	for _, k := range order {
		if done[k] {
			continue
		}
		done[k] = true
		la, lb := ma[k], mb[k]
		l := Line{Item: k.item, A: la, B: lb}
		if la != nil {
			l.Label, l.LabelEN = la.Label, la.LabelEN
		} else {
			l.Label, l.LabelEN = lb.Label, lb.LabelEN
		}
		if (la != nil && la.Amount == nil) || (lb != nil && lb.Amount == nil) {
			// Unpriced on a side: listed when the other side differs in
			// being there or being priced, without an amount.
			if la == nil || lb == nil || (la.Amount == nil) != (lb.Amount == nil) || !la.Quantity.Equal(lb.Quantity) {
				out = append(out, l)
			}
			continue
		}
		var x, y decimal.Decimal
		if la != nil {
			x = *la.Amount
		}
		if lb != nil {
			y = *lb.Amount
		}
		c := y.Sub(x)
		if c.IsZero() && (la == nil) == (lb == nil) {
			continue
		}
		l.Change = &c
		out = append(out, l)
	}
	// Largest difference first; lines without an amount last, in order.
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := out[i].Change, out[j].Change
		if ci == nil || cj == nil {
			return ci != nil && cj == nil
		}
		return ci.Abs().GreaterThan(cj.Abs())
	})
	return out
}

// Price prices both scenarios (net of VAT when netOfVAT: both sides in
// the same view) and sets b beside a: the window's comparison dialog and
// kefucost scenarios compare --with.
func Price(a, b *scenarios.Scenario, netOfVAT bool) (*Diff, error) {
	ca, err := pricing.Compare(a)
	if err != nil {
		return nil, err
	}
	cb, err := pricing.Compare(b)
	if err != nil {
		return nil, err
	}
	if netOfVAT {
		ca, cb = ca.WithoutVAT(), cb.WithoutVAT()
	}
	return Of(a, b, ca, cb), nil
}
