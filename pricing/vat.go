package pricing

import (
	"github.com/shopspring/decimal"
)

// VATRate is the value-added tax on these services in China (6 %): the
// vendors publish prices with it included.
var VATRate = decimal.RequireFromString("0.06")

// vatDivisor is 1 + VATRate.
var vatDivisor = decimal.RequireFromString("1.06")

// netFen is an amount in fen net of VAT: ÷ 1.06, rounded half up to the
// fen (half away from zero for a negative amount).
func netFen(f int64) int64 {
	if f < 0 {
		return -netFen(-f)
	}
	// (200f + 106) / 212 without 200f, which wraps past 4.6×10¹⁶ fen:
	// f = 212a + b gives 200a + (200b + 106) / 212, the same quotient.
	return f/212*200 + (f%212*200+106)/212
}

func netAmount(d decimal.Decimal) decimal.Decimal {
	return fromFen(netFen(toFenExact(d)))
}

// WithoutVAT is the comparison with every amount net of VAT (the
// published amount ÷ 1.06). Each breakdown line's cash in each month (and
// after the horizon) is divided and rounded to the fen, as the net of that
// month's bill; line amounts, vendor totals, monthly cash and combinations
// are the sums of those, so everything still adds up. Unit prices are
// divided to 6 places, so a line is rarely a plain product any more
// (Product is checked again). Other plans' totals, present values and
// purchases are divided as a whole. c is not changed; ExcludesVAT is set.
func (c *Comparison) WithoutVAT() *Comparison {
	out := *c
	out.ExcludesVAT = true
	out.Assumptions = make([]Note, len(c.Assumptions))
	for i, n := range c.Assumptions {
		if n.ID == "vat" {
			n.Text = "金额不含税：厂商公布的目录价（此类服务的中国目录价通常含税）÷ 1.06（增值税 6%），每行每月账单四舍五入到分；实际税率以发票为准。"
			n.EN = "Amounts net of VAT: the vendors' published list prices (normally tax-inclusive in China) ÷ 1.06 (6 % VAT), each line's monthly bill rounded to the fen; the invoice's rate is what counts."
		}
		out.Assumptions[i] = n
	}
	done := map[*Result]*Result{}
	conv := func(r *Result) *Result {
		if x, ok := done[r]; ok {
			return x
		}
		x := r.withoutVAT(len(c.MonthStarts))
		done[r] = x
		return x
	}
	out.Vendors = make([]*Result, len(c.Vendors))
	for i, r := range c.Vendors {
		out.Vendors[i] = conv(r)
	}
	combos := func(in []Combination) []Combination {
		if in == nil {
			return nil
		}
		res := make([]Combination, len(in))
		for i, cb := range in {
			n := Combination{Complete: cb.Complete, Monthly: make([]decimal.Decimal, len(cb.Monthly))}
			var fen int64
			for _, p := range cb.Parts {
				x := conv(p.Result)
				n.Parts = append(n.Parts, CombinationPart{Vendor: p.Vendor, Groups: p.Groups, Result: x})
				fen = addFen(fen, toFenExact(x.Total)) // parts ≤ MaxAmount: no wrap
				for j := range n.Monthly {
					if j < len(x.Monthly) {
						n.Monthly[j] = n.Monthly[j].Add(x.Monthly[j])
					}
				}
			}
			n.Total = fromFen(fen)
			res[i] = n
		}
		return res
	}
	out.Combinations = combos(c.Combinations)
	out.PartlyPriced = combos(c.PartlyPriced)
	return &out
}

func (r *Result) withoutVAT(months int) *Result {
	x := *r
	x.Lines = make([]*Line, len(r.Lines))
	monthly := make([]int64, len(r.Monthly))
	var total, after, extras int64
	for i, l := range r.Lines {
		n := *l
		n.Gross = l
		x.Lines[i] = &n
		if l.UnitPrice != nil {
			p := l.UnitPrice.DivRound(vatDivisor, 6)
			n.UnitPrice = &p
		}
		if l.ListPrice != nil {
			p := l.ListPrice.DivRound(vatDivisor, 6)
			n.ListPrice = &p
		}
		if l.Amount == nil {
			continue
		}
		var lineFen, inMonths int64
		if l.monthlyFen != nil {
			n.monthlyFen = make([]int64, len(l.monthlyFen))
			for j, f := range l.monthlyFen {
				n.monthlyFen[j] = netFen(f)
				lineFen += n.monthlyFen[j]
				inMonths += f
				if j < len(monthly) {
					monthly[j] += n.monthlyFen[j]
				}
			}
		}
		rest := netFen(toFenExact(*l.Amount) - inMonths) // paid after the horizon
		lineFen += rest
		a := fromFen(lineFen)
		n.Amount = &a
		total += lineFen
		if l.Buyer {
			extras += lineFen
		} else {
			after += rest
		}
		n.Product = n.UnitPrice != nil && len(n.Quantity.Coefficient().String()) <= 15 &&
			n.Quantity.Mul(*n.UnitPrice).Round(2).Equal(a)
		if n.Product && n.ListPrice != nil {
			p := n.Quantity.Mul(*n.ListPrice)
			for _, rt := range n.Rates {
				p = p.Mul(rt.Value)
			}
			n.Product = p.Round(2).Equal(a)
		}
	}
	x.Total = fromFen(total)
	x.AfterHorizon = fromFen(after)
	x.ExtrasTotal = fromFen(extras)
	if r.Monthly != nil {
		x.Monthly = make([]decimal.Decimal, len(monthly))
		for j, f := range monthly {
			x.Monthly[j] = fromFen(f)
		}
	}
	if len(r.Lines) == 0 {
		x.Total = netAmount(r.Total)
	}
	x.Alternatives = make([]PlanTotal, len(r.Alternatives))
	for i, a := range r.Alternatives {
		a.Total = netAmount(a.Total)
		x.Alternatives[i] = a
	}
	if r.PresentValue != nil {
		pv := r.PresentValue.DivRound(vatDivisor, 2)
		x.PresentValue = &pv
	}
	x.Schedule = make([]Purchase, len(r.Schedule))
	for i, p := range r.Schedule {
		if p.Amount != nil {
			a := netAmount(*p.Amount)
			p.Amount = &a
		}
		x.Schedule[i] = p
	}
	return &x
}
