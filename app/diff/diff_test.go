package diff

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
	"kefucost/scenarios"
)

func load(t *testing.T) *scenarios.Scenario {
	t.Helper()
	s, err := scenarios.ReadFile("../../pricing/testdata/typical-contact-centre.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func compare(t *testing.T, s *scenarios.Scenario) *pricing.Comparison {
	t.Helper()
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// twoScenarios is the typical contact centre (A) and the same with more
// phone agents, a longer horizon and a quoted Aliyun minute (B).
func twoScenarios(t *testing.T) (a, b *scenarios.Scenario, ca, cb *pricing.Comparison) {
	a = load(t)
	b = a.Clone()
	b.Demand.SetCount("phone_agents", 12)
	b.Months = 24
	v := b.Vendor("aliyun-icc")
	v.Prices = map[string]decimal.Decimal{"voice.minute": decimal.RequireFromString("0.10")}
	b.Vendors = map[string]scenarios.VendorSettings{"aliyun-icc": v}
	return a, b, compare(t, a), compare(t, b)
}

// The difference per vendor is the difference of its two totals, and the
// lines it comes from add up to it: a buyer can trace every yuan.
func TestVendorDifferenceIsDifferenceOfTotalsAndOfLines(t *testing.T) {
	a, b, ca, cb := twoScenarios(t)
	d := Of(a, b, ca, cb)
	if len(d.Vendors) != len(ca.Vendors) {
		t.Fatalf("%d vendors, want %d", len(d.Vendors), len(ca.Vendors))
	}
	whole := 0
	for _, v := range d.Vendors {
		if v.A == nil || v.B == nil {
			t.Fatalf("%s: missing a side", v.ID)
		}
		if !v.A.Complete || !v.B.Complete {
			if v.Change != nil {
				t.Errorf("%s: a partial total set against another: %v", v.ID, v.Change.Amount)
			}
			continue
		}
		whole++
		if want := v.B.Total.Sub(v.A.Total); v.Change == nil || !v.Change.Amount.Equal(want) {
			t.Errorf("%s: change %v, want %s − %s = %s", v.ID, v.Change, v.B.Total, v.A.Total, want)
			continue
		}
		sum := decimal.Zero
		for _, l := range v.Lines {
			if l.Change == nil {
				t.Errorf("%s: line %s without an amount in a whole result", v.ID, l.Item)
				continue
			}
			sum = sum.Add(*l.Change)
		}
		if !sum.Equal(v.Change.Amount) {
			t.Errorf("%s: lines add up to %s, the totals differ by %s", v.ID, sum, v.Change.Amount)
		}
		if !v.A.Total.IsZero() {
			p := v.Change.Amount.Mul(decimal.NewFromInt(100)).DivRound(v.A.Total, 1)
			if v.Change.Percent == nil || !v.Change.Percent.Equal(p) {
				t.Errorf("%s: percent %v, want %s", v.ID, v.Change.Percent, p)
			}
		}
	}
	if whole < 2 {
		t.Fatalf("only %d vendors whole on both sides: the test scenario no longer tests this", whole)
	}
}

// The lines are sorted by the size of their difference, largest first,
// whichever its sign; lines without an amount come last.
func TestLinesLargestDifferenceFirst(t *testing.T) {
	a, b, ca, cb := twoScenarios(t)
	d := Of(a, b, ca, cb)
	n := 0
	for _, v := range d.Vendors {
		n += len(v.Lines)
		last := (*decimal.Decimal)(nil)
		for i, l := range v.Lines {
			if l.Change == nil {
				last = nil
				for _, r := range v.Lines[i:] {
					if r.Change != nil {
						t.Errorf("%s: a line with an amount after one without", v.ID)
					}
				}
				break
			}
			x := l.Change.Abs()
			if last != nil && x.GreaterThan(*last) {
				t.Errorf("%s: line %s (%s) after a smaller difference %s", v.ID, l.Item, l.Change, last)
			}
			last = &x
		}
	}
	if n == 0 {
		t.Fatal("no line differs")
	}
}

// The inputs that differ are scenarios.Differences: every one of them,
// the same words as the history.
func TestInputsThatDiffer(t *testing.T) {
	a, b, ca, cb := twoScenarios(t)
	d := Of(a, b, ca, cb)
	for _, want := range []string{"months 36→24", "demand.phone_agents 8→12", "vendors.aliyun-icc.prices[voice.minute] set 0.1"} {
		if !slices.Contains(d.Inputs, want) {
			t.Errorf("inputs %q lack %q", d.Inputs, want)
		}
	}
	if sum := scenarios.Summarize(a, b); sum != strings.Join(d.Inputs, "; ") {
		t.Errorf("Summarize %q differs from the inputs listed %q", sum, d.Inputs)
	}
	same := Of(a, a, ca, ca)
	if len(same.Inputs) != 0 || same.BestChange == nil || !same.BestChange.Amount.IsZero() {
		t.Errorf("a scenario against itself: inputs %q, best change %v", same.Inputs, same.BestChange)
	}
	for _, v := range same.Vendors {
		if len(v.Lines) != 0 {
			t.Errorf("a scenario against itself: %s lines %d differ", v.ID, len(v.Lines))
		}
	}
}

// A vendor switched off on one side is listed with no difference.
func TestVendorOnOneSideOnly(t *testing.T) {
	a := load(t)
	b := a.Clone()
	off := false
	v := b.Vendor("huawei-cec")
	v.Enabled = &off
	b.Vendors = map[string]scenarios.VendorSettings{"huawei-cec": v}
	d := Of(a, b, compare(t, a), compare(t, b))
	for _, v := range d.Vendors {
		if v.ID == "huawei-cec" {
			if v.A == nil || v.B != nil || v.Change != nil {
				t.Errorf("huawei switched off in B: A %v B %v change %v", v.A != nil, v.B != nil, v.Change)
			}
			return
		}
	}
	t.Error("huawei, priced in A, not listed")
}
