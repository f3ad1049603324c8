package results

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"kefucost/app/window/kit"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// benchPanel is a results panel in a 1280×800 test window showing the
// 36-month busy scenario (every demand field; Aliyun's term discounts,
// Tencent's mid-term purchases) with the breakdown tab open.
func benchPanel(t *testing.T, lang string) (*Panel, *pricing.Comparison, *scenarios.Scenario) {
	t.Helper()
	a := test.NewTempApp(t)
	data, err := os.ReadFile("../../../pricing/testdata/bench-36m.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenarios.Decode(data, "bench-36m.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	p := New(kit.Lang(lang), pricing.MustCatalog(), w.Canvas(), a.Settings().Theme())
	w.SetContent(p.Content)
	w.Resize(fyne.NewSize(1280, 800))
	p.Show(View{Cmp: c, Scenario: s})
	p.Tabs.SelectIndex(BreakdownTab)
	return p, c, s
}

// number reads a figure as the breakdown writes it ("1,980 坐席·月",
// "256,113.00", "× 0.65"): its first number.
func number(t *testing.T, cell string) decimal.Decimal {
	t.Helper()
	f := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(cell), "× "), "≈"))
	if len(f) == 0 {
		t.Fatalf("no number in %q", cell)
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(f[0], ",", ""))
	if err != nil {
		t.Fatalf("%q: %v", cell, err)
	}
	return d
}

// A breakdown line adds up on sight (issue 11 point 4): quantity × unit
// price as published × every discount shown = the amount, to the fen, for
// every line whose amount is that product; the unit price column holds
// the published price (199), not the discounted one (129.35), and the
// discount stands in its own column; the effective unit price is the
// amount ÷ the quantity. A line billed by the vendor's rule says so
// instead of a product that would not add up (Tencent's mid-term
// purchase: 5 × 999 ≠ 2,997.00).
func TestBreakdownColumnsMultiplyOutToTheAmount(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		p, c, _ := benchPanel(t, lang)
		products, discounted, byRule := 0, 0, 0
		for i, r := range c.Vendors {
			p.VendorSel.SetSelectedIndex(i)
			for row, ln := range r.Lines {
				cell := func(col int) string { return p.CellText(row, col) }
				if ln.Amount == nil {
					continue
				}
				if number(t, cell(colAmount)).Cmp(*ln.Amount) != 0 {
					t.Errorf("%s %s %s: amount %q, the engine's %s", lang, r.Vendor, ln.Item, cell(colAmount), ln.Amount)
				}
				if e := ln.EffectiveUnitPrice(); e == nil || number(t, cell(colEffective)).Cmp(*e) != 0 {
					t.Errorf("%s %s %s: effective unit price %q, amount ÷ quantity %v", lang, r.Vendor, ln.Item, cell(colEffective), e)
				}
				if !ln.Product {
					byRule++
					if !strings.Contains(cell(colFactors), p.lang.T("breakdown.by_rule")) {
						t.Errorf("%s %s %s: billed by rule, factors %q do not say so", lang, r.Vendor, ln.Item, cell(colFactors))
					}
					continue
				}
				products++
				if rounded := strings.HasPrefix(cell(colQuantity), "≈"); rounded != !ln.Quantity.Equal(ln.Quantity.Round(4)) {
					t.Errorf("%s %s %s: quantity %q, the engine's %s", lang, r.Vendor, ln.Item, cell(colQuantity), ln.Quantity)
				} else if rounded {
					continue // said to be rounded: it need not multiply out
				}
				product := number(t, cell(colQuantity)).Mul(number(t, cell(colPrice)))
				factors := cell(colFactors)
				for _, f := range strings.Split(factors, "×")[1:] {
					product = product.Mul(number(t, f))
					discounted++
				}
				if amount := number(t, cell(colAmount)); !product.Round(2).Equal(amount) {
					t.Errorf("%s %s %s: %s × %s %s = %s, the amount shown is %s", lang, r.Vendor, ln.Item,
						cell(colQuantity), cell(colPrice), factors, product.Round(2), amount)
				}
				if ln.ListPrice != nil && number(t, cell(colPrice)).Cmp(*ln.ListPrice) != 0 {
					t.Errorf("%s %s %s: unit price %q, the published price is %s", lang, r.Vendor, ln.Item, cell(colPrice), ln.ListPrice)
				}
			}
		}
		if products == 0 || discounted == 0 || byRule == 0 {
			t.Errorf("%s: %d products, %d discounts, %d lines by rule: the scenario no longer checks each kind", lang, products, discounted, byRule)
		}
	}
}

// The breakdown ends with a total row equal to the vendor's total (the
// cards' amount), worded as the cards word it: a total that leaves out
// unpriced items is "at least", or unknown when nothing needed is priced.
func TestBreakdownTotalRowIsTheVendorsTotal(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		p, c, s := benchPanel(t, lang)
		total := func(what string, r *pricing.Result, want string) {
			t.Helper()
			last := p.Rows() - 1
			if last != len(r.Lines) {
				t.Fatalf("%s %s %s: %d rows for %d lines", lang, r.Vendor, what, p.Rows(), len(r.Lines))
			}
			if got := p.CellText(last, colItem); got != p.lang.T("breakdown.total") {
				t.Errorf("%s %s %s: last row is %q", lang, r.Vendor, what, got)
			}
			if got := p.CellText(last, colAmount); got != want {
				t.Errorf("%s %s %s: total row %q, want %q", lang, r.Vendor, what, got, want)
			}
			if !p.RowStyle(last).Bold {
				t.Errorf("%s %s %s: the total row is not bold", lang, r.Vendor, what)
			}
		}
		for i, r := range c.Vendors {
			p.VendorSel.SetSelectedIndex(i)
			// The lines shown add up to the total (every line is there).
			sum := decimal.Zero
			for _, ln := range r.Lines {
				if ln.Amount != nil {
					sum = sum.Add(*ln.Amount)
				}
			}
			if !sum.Equal(r.Total) {
				t.Errorf("%s %s: the lines add up to %s, the total is %s", lang, r.Vendor, sum, r.Total)
			}
			want := wording.Money(r.Total)
			if !r.Complete {
				want = wording.Figure(lang, r.Total, wording.AtLeast)
			}
			total("as priced", r, want)
		}
		// The same vendor with an item unpriced: "at least"; with
		// nothing needed priced: unknown.
		for _, tc := range []struct {
			what  string
			total string
			want  string
		}{
			{"partial", "1000.00", map[string]string{"zh": "至少 1,000.00", "en": "at least 1,000.00"}[lang]},
			{"unknown", "0", map[string]string{"zh": "未知", "en": "unknown"}[lang]},
		} {
			cc := *c
			cc.Vendors = append([]*pricing.Result(nil), c.Vendors...)
			r := *c.Vendors[0]
			r.Complete = false
			r.Total = decimal.RequireFromString(tc.total)
			cc.Vendors[0] = &r
			p.Show(View{Cmp: &cc, Scenario: s})
			p.VendorSel.SetSelectedIndex(0)
			total(tc.what, &r, tc.want)
		}
	}
}

// The breakdown says the shown vendor's price date above its lines, as
// its card does ("价格 2021-12-20" and "请核实最新价格" linked to the
// vendor's page when older than 12 months at the start).
func TestBreakdownSaysThePricesDate(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		p, c, _ := benchPanel(t, lang)
		for i, r := range c.Vendors {
			p.VendorSel.SetSelectedIndex(i)
			card := NewCardView()
			card.Show(p.lang, pricing.MustCatalog(), c, r)
			if p.PriceAge.Text == "" || p.PriceAge.Text != card.Age.Text {
				t.Errorf("%s %s: breakdown says %q, the card %q", lang, r.Vendor, p.PriceAge.Text, card.Age.Text)
			}
			if p.CheckPrices.Visible() != card.Check.Visible() || p.CheckPrices.Text != card.Check.Text ||
				(card.Check.URL != nil && p.CheckPrices.URL.String() != card.Check.URL.String()) {
				t.Errorf("%s %s: breakdown link %q %v, the card's %q %v", lang, r.Vendor, p.CheckPrices.Text, p.CheckPrices.URL, card.Check.Text, card.Check.URL)
			}
			if r.Vendor == scenarios.Aliyun && (!strings.Contains(p.PriceAge.Text, "2021-12-20") || !p.CheckPrices.Visible()) {
				t.Errorf("%s aliyun: %q, link shown %v", lang, p.PriceAge.Text, p.CheckPrices.Visible())
			}
		}
	}
}

// A quantity shown rounded does not multiply out on sight (Huawei's
// on-demand seat: 19.76496… seat·months × 300 = 5,929.49, shown as 19.76
// × 300): it is marked "≈"; an exact one is not. It is rounded to what a
// buyer reads, not to four decimals: Aliyun's 5,452,459.2337… minutes
// wrapped in the window at 1280 px.
func TestBreakdownMarksARoundedQuantity(t *testing.T) {
	p, c, s := benchPanel(t, "zh")
	d := decimal.RequireFromString
	price, amount := d("300"), d("5929.49")
	rounded := &pricing.Line{Item: "x", Label: "基础型座席（按需）", Quantity: d("19.764966"), Unit: "seat·month", UnitPrice: &price, Amount: &amount, Product: true}
	exact := &pricing.Line{Item: "y", Label: "号码", Quantity: d("19.765"), Unit: "seat·month", UnitPrice: &price, Amount: &amount}
	cc := *c
	cc.Vendors = append([]*pricing.Result(nil), c.Vendors...)
	r := *c.Vendors[0]
	r.Lines = []*pricing.Line{rounded, exact}
	cc.Vendors[0] = &r
	p.Show(View{Cmp: &cc, Scenario: s})
	p.VendorSel.SetSelectedIndex(0)
	if got := p.CellText(0, colQuantity); got != "≈19.76 坐席·月" {
		t.Errorf("rounded quantity shown %q", got)
	}
	if got := p.CellText(1, colQuantity); got != "19.765 坐席·月" {
		t.Errorf("exact quantity shown %q", got)
	}
}
