package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// ExtraItem is the item id of the buyer's own lines (vendors.<id>.extras)
// in a breakdown; such lines also have Line.Buyer set.
const ExtraItem = "buyer.extra"

// extraPayments are the days an own line is paid inside the horizon: its
// date once, or monthly from its date (or the start) to the end. Each
// monthly day is counted from the first (the 31st clamps in shorter months
// without drifting to the 28th for good).
func extraPayments(t *timeline, x scenarios.Extra) []scenarios.Date {
	first := x.Date
	if first.IsZero() {
		first = t.start
	}
	if x.When != scenarios.ExtraMonthly {
		if first.Before(t.start) || !first.Before(t.end) {
			return nil
		}
		return []scenarios.Date{first}
	}
	var out []scenarios.Date
	for k := 0; ; k++ {
		d := first.AddMonths(k)
		if !d.Before(t.end) {
			return out
		}
		if !d.Before(t.start) {
			out = append(out, d)
		}
	}
}

// addExtras adds the buyer's own lines for the vendor to its chosen result:
// one breakdown line each, marked as the buyer's (Buyer), its cash in the
// months it is paid, counted in Total. They are the same for every plan, so
// they do not take part in choosing one.
func addExtras(t *timeline, r *Result, xs []scenarios.Extra, detail bool) {
	if len(xs) == 0 {
		return
	}
	total := toFenExact(r.Total)
	for _, x := range xs {
		pays := extraPayments(t, x)
		fen := toFenExact(x.Amount)
		p := x.Amount
		// At most 10¹⁰ 元 × 120 months × 50 lines: the product fits; the
		// total with the vendor's may pass MaxAmount (refused, naming
		// the buyer's lines).
		own := &Item{ID: ExtraItem}
		amount := fromFen(mulFenOf(fen, int64(len(pays)), own))
		total = addFenOf(total, mulFenOf(fen, int64(len(pays)), own), own)
		if total > maxFen {
			panic(tooLarge{item: own})
		}
		l := &Line{Item: ExtraItem, Label: x.Name, LabelEN: x.Name, Quantity: decimal.NewFromInt(int64(len(pays))),
			UnitPrice: &p, Amount: &amount, Buyer: true,
			Source: "your own line (scenario vendors." + r.Vendor + ".extras)", SourceDate: "scenario"}
		if x.When == scenarios.ExtraMonthly {
			l.Unit = "month"
			l.How = fmt.Sprintf("your own line, paid monthly from %s", firstOr(pays, t.start))
			l.HowZH = fmt.Sprintf("您自己录入的费用，自 %s 起每月支付", firstOr(pays, t.start))
			l.Formula = fmt.Sprintf("%s × %s = %s; %s", monthsEN(len(pays)), p, amount.StringFixed(2), l.How)
			l.FormulaZH = fmt.Sprintf("%d 个月 × %s = %s；%s", len(pays), p, amount.StringFixed(2), l.HowZH)
		} else {
			l.Unit = "once"
			l.How = fmt.Sprintf("paid once on %s; your own line", x.Date)
			l.HowZH = fmt.Sprintf("于 %s 一次性支付；您自己录入的费用", x.Date)
			l.Formula = fmt.Sprintf("%s, %s", amount.StringFixed(2), l.How)
			l.FormulaZH = fmt.Sprintf("%s，%s", amount.StringFixed(2), l.HowZH)
		}
		// The buyer's amount × the times it is paid: a plain product.
		l.Product = true
		if detail {
			l.monthlyFen = make([]int64, t.months)
			for _, d := range pays {
				m := t.monthOf(d)
				l.monthlyFen[m] += fen
				if r.Monthly != nil {
					r.Monthly[m] = r.Monthly[m].Add(fromFen(fen))
				}
			}
		}
		r.Lines = append(r.Lines, l)
		r.ExtrasTotal = r.ExtrasTotal.Add(amount)
	}
	r.Total = fromFen(total)
}

func firstOr(ds []scenarios.Date, d scenarios.Date) scenarios.Date {
	if len(ds) > 0 {
		return ds[0]
	}
	return d
}

// toFenExact turns an amount with at most 2 decimal places (a total, or an
// own line's amount, which Validate holds to the fen) into whole fen.
func toFenExact(a decimal.Decimal) int64 {
	return fenOf(a.Shift(2), nil)
}
