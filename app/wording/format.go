package wording

import (
	"strings"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
)

// Fixed writes an amount with exactly two decimals and no grouping (machine
// outputs: JSON, CSV).
func Fixed(d decimal.Decimal) string { return d.StringFixed(2) }

// MonthLabels names each month of a comparison "2027-01".
func MonthLabels(c *pricing.Comparison) []string {
	out := make([]string, len(c.MonthStarts))
	for i, m := range c.MonthStarts {
		out[i] = m.String()[:7]
	}
	return out
}

// YesNo is the machine outputs' boolean.
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Quantity writes a quantity grouped by thousands, as amounts are: whole
// numbers as they are, others to four decimals (5,452,459.2337).
func Quantity(d decimal.Decimal) string {
	return Price(d.Round(4))
}

// GroupDigits puts thousands separators into a string of digits.
func GroupDigits(s string) string {
	var b strings.Builder
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
