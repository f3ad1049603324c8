// Package wording says how a result is worded and formatted, once for every
// front end: amounts, quantities, names, status.
package wording

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Money writes an amount with two decimals and thousands separators:
// 1234567.8 → "1,234,567.80".
func Money(d decimal.Decimal) string {
	s := d.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	out := GroupDigits(intPart) + "." + frac
	if neg {
		return "-" + out
	}
	return out
}
