package wording

import (
	"strconv"
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

// ShownQuantity is a quantity as a reader sees it beside its amount: an
// exact one (at most four decimals) as Quantity writes it; another one
// (minutes expected from call lengths, on-demand seat·months) rounded for
// display only and marked "≈": whole above 1,000 (≈5,452,459, was
// 5,452,459.2337 and wrapped in the window at 1280 px), two decimals from
// 1, four below. The amount beside it is computed from the exact value.
func ShownQuantity(d decimal.Decimal) string {
	if d.Equal(d.Round(4)) {
		return Quantity(d)
	}
	places := int32(4)
	switch a := d.Abs(); {
	case a.GreaterThanOrEqual(decimal.NewFromInt(1000)):
		places = 0
	case a.GreaterThanOrEqual(decimal.NewFromInt(1)):
		places = 2
	}
	return "≈" + Price(d.Round(places))
}

// CountEN writes n with an English noun, singular for 1: "1 month",
// "36 months" (a regular plural: noun + "s").
func CountEN(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
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
