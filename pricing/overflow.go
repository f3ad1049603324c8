package pricing

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// Amounts are summed in whole fen in int64 (bill), which holds at most
// 92,233,720,368,547,758.07 元. The scenario's limits allow far more: a
// quote up to 10⁹ 元 a minute × 10¹⁰ minutes a month × 120 months. A wrapped
// sum is negative or small and would rank as the cheapest, so every
// multiplication and addition of fen is checked, and a comparison whose
// amounts go beyond MaxAmount is refused with one error naming the quote
// (or the vendor, or the demand field) responsible: never a wrong total.

// maxYuan is the most any vendor's total (or line, or month) may be, in
// 元: 10¹⁵, a thousand times the yearly turnover of the largest
// companies. Below it every sum the comparison forms (a vendor's lines,
// its months, the buyer's own lines, combinations of vendors, VAT) stays
// inside int64 fen with room to spare. It is the one place the limit is
// written: MaxAmount, maxFen and the messages follow from it.
const maxYuan int64 = 1_000_000_000_000_000

// MaxAmount is maxYuan as an amount.
var MaxAmount = decimal.NewFromInt(maxYuan)

// maxFen is maxYuan in fen.
const maxFen = maxYuan * 100

// maxAmountText is maxYuan as people read it ("1,000,000,000,000,000").
var maxAmountText = group(maxYuan)

// tooLarge is the panic of a checked operation that would leave int64 fen
// (or an amount past MaxAmount): compare recovers it per vendor and turns
// it into an error (amountError). item is the catalog item whose amount
// grew too large, when known; field the scenario field, when known.
type tooLarge struct {
	item  *Item
	field string
}

// addFen is a + b, panicking with tooLarge instead of wrapping.
func addFen(a, b int64) int64 {
	s := a + b
	if (s^a)&(s^b) < 0 {
		panic(tooLarge{})
	}
	return s
}

// mulFen is a × b for a, b ≥ 0, panicking with tooLarge instead of
// wrapping (or on a negative operand: amounts and quantities here never
// are, so one is a wrapped value).
func mulFen(a, b int64) int64 {
	if a < 0 || b < 0 {
		panic(tooLarge{})
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > math.MaxInt64 {
		panic(tooLarge{})
	}
	return int64(lo)
}

// mulFenOf is mulFen naming the item whose amount it is.
func mulFenOf(a, b int64, it *Item) int64 {
	if hi, lo := bits.Mul64(uint64(a), uint64(b)); a < 0 || b < 0 || hi != 0 || lo > math.MaxInt64 {
		panic(tooLarge{item: it})
	}
	return a * b
}

// addFenOf is addFen naming the item whose amount it is.
func addFenOf(a, b int64, it *Item) int64 {
	s := a + b
	if (s^a)&(s^b) < 0 {
		panic(tooLarge{item: it})
	}
	return s
}

// satAdd and satMul are a + b and a × b for a, b ≥ 0, saturating at
// MaxInt64: for searches that only compare costs (a cost that large is
// never the cheapest, and the bill of a choice is computed checked).
func satAdd(a, b int64) int64 {
	if s, c := bits.Add64(uint64(a), uint64(b), 0); c == 0 && s <= math.MaxInt64 {
		return int64(s)
	}
	return math.MaxInt64
}

func satMul(a, b int64) int64 {
	if hi, lo := bits.Mul64(uint64(a), uint64(b)); hi == 0 && lo <= math.MaxInt64 {
		return int64(lo)
	}
	return math.MaxInt64
}

var (
	maxInt64Dec = decimal.NewFromInt(math.MaxInt64)
	minInt64Dec = decimal.NewFromInt(math.MinInt64)
)

// fenOf is a whole number of fen held in a decimal (an amount shifted by
// two places) as int64, panicking with tooLarge (naming it) when it does
// not fit.
func fenOf(f decimal.Decimal, it *Item) int64 {
	if f.GreaterThan(maxInt64Dec) || f.LessThan(minInt64Dec) {
		panic(tooLarge{item: it})
	}
	return f.IntPart()
}

// amountError is the one error a comparison gives when an amount of vendor
// v would go beyond MaxAmount: it names the buyer's quote when the item
// is quoted, the buyer's own lines, or the vendor, and says what to check.
func amountError(v *Vendor, vs scenarios.VendorSettings, o tooLarge) *scenarios.FieldError {
	e := &scenarios.FieldError{Key: scenarios.ErrAmountTooLarge, Args: []any{maxAmountText}}
	what := v.NameEN + "'s amounts"
	switch {
	case o.field != "":
		e.Field = o.field
		what = "the amount"
	case o.item != nil && o.item.ID == ExtraItem:
		e.Field = "vendors." + v.ID + ".extras"
		what = "with your own lines, " + v.NameEN + "'s total"
	case o.item != nil && hasQuote(vs, o.item.ID):
		e.Field = fmt.Sprintf("vendors.%s.prices[%q]", v.ID, o.item.ID)
		what = fmt.Sprintf("at this quote, %s's amount for %s (%s)", v.NameEN, o.item.NameEN, o.item.ID)
	case o.item != nil:
		e.Field = "vendors." + v.ID
		what = fmt.Sprintf("for this demand, %s's amount for %s (%s)", v.NameEN, o.item.NameEN, o.item.ID)
	default:
		e.Field = "vendors." + v.ID
	}
	e.Msg = fmt.Sprintf("%s would be more than %s CNY, beyond what kefucost computes exactly: check the quoted prices and the demand (nothing was compared)", what, maxAmountText)
	return e
}

func hasQuote(vs scenarios.VendorSettings, item string) bool {
	_, ok := vs.Prices[item]
	return ok
}
