package wording

import (
	"strings"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
)

// Price writes a unit price as the catalog does, grouped by thousands:
// 199, 0.22, 10,000.
func Price(d decimal.Decimal) string {
	s := d.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, ok := strings.Cut(s, ".")
	out := GroupDigits(intPart)
	if ok {
		out += "." + frac
	}
	if neg {
		return "-" + out
	}
	return out
}

// LineArithmetic is a breakdown line's amount with every factor, as a
// reader checks it on sight: "288 座席·月 × 199 × 0.65 = 37,252.80". A line
// whose amount is not the plain product of its figures (billed per day, per
// bill or by tier, or prorated: pricing says which) gives its quantity,
// unit price and amount, and says the amount follows the billing rule;
// an unpriced line says so.
func LineArithmetic(lang string, l *pricing.Line) string {
	zh := lang != "en"
	qty := Quantity(l.Quantity) + " " + UnitText(lang, l.Unit)
	if l.Amount == nil {
		if zh {
			return qty + " × 未定价"
		}
		return qty + " × unpriced"
	}
	if !l.Product {
		if zh {
			return qty + "，单价 " + Price(*l.UnitPrice) + "，金额 " + Money(*l.Amount) + "（按计费规则逐笔计算，不是简单乘积）"
		}
		return qty + " at " + Price(*l.UnitPrice) + ", amount " + Money(*l.Amount) + " (billed by the vendor's rule, not a plain product)"
	}
	s := qty + " × " + Price(*LinePrice(l))
	if f := LineFactors(l); f != "" {
		s += " " + f
	}
	return s + " = " + Money(*l.Amount)
}

// LinePrice is the price a line's quantity is multiplied by before its
// rates: the published (list) price, or the buyer's quote when no rate
// applies; nil when unpriced. It differs from the unit price the rates
// make (Line.UnitPrice: 199 × 0.65 = 129.35) when a discount applies.
func LinePrice(l *pricing.Line) *decimal.Decimal {
	if l.ListPrice != nil {
		return l.ListPrice
	}
	return l.UnitPrice
}

// LineFactors are the rates that multiply a line's LinePrice, as they
// are written in its arithmetic: "× 0.9 × 0.65"; "" when none applies.
func LineFactors(l *pricing.Line) string {
	if l.ListPrice == nil {
		return ""
	}
	var parts []string
	for _, r := range l.Rates {
		parts = append(parts, "× "+r.Value.String())
	}
	return strings.Join(parts, " ")
}

// LineRates names a line's rates: "商务折扣 0.9，3 年期折扣 0.65".
func LineRates(lang string, l *pricing.Line) string {
	var parts []string
	for _, r := range l.Rates {
		if lang == "en" {
			parts = append(parts, r.LabelEN+" "+r.Value.String())
		} else {
			parts = append(parts, r.Label+" "+r.Value.String())
		}
	}
	if lang == "en" {
		return strings.Join(parts, ", ")
	}
	return strings.Join(parts, "，")
}

// LineFormula is the arithmetic followed by what the billing rule did.
func LineFormula(lang string, l *pricing.Line) string {
	how := l.HowZH
	sep := "；"
	if lang == "en" {
		how, sep = l.How, "; "
	}
	if how == "" {
		return LineArithmetic(lang, l)
	}
	return LineArithmetic(lang, l) + sep + how
}

// PlanReason is why another plan's total is not comparable, in lang: the
// engine writes it in English ("unpriced: phone.minute, …"); Chinese
// names the items and says the rest in Chinese. A reason it does not know
// is shown as the engine wrote it.
func PlanReason(lang, vendor, reason string) string {
	if lang == "en" {
		return reason
	}
	if ids, ok := strings.CutPrefix(reason, "unpriced: "); ok {
		return Text(lang, "cli.reason.unpriced", ItemNames(lang, vendor, strings.Split(ids, ", ")))
	}
	if reason == Text("en", "cli.reason.no_pack") {
		return Text(lang, "cli.reason.no_pack")
	}
	if day, ok := strings.CutPrefix(reason, "no purchase plan found that serves every day (first day without quota: "); ok {
		return Text(lang, "cli.reason.no_plan", strings.TrimSuffix(day, ")"))
	}
	return reason
}
