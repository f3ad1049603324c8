package pricing

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

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

// MaxAmountText is MaxAmount as people read it: 1,000,000,000,000,000.
func MaxAmountText() string { return maxAmountText }

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

// amountWhat names what went past MaxAmount for vendor v, in English and
// Chinese, and the field to check: the buyer's quote when the item is
// quoted, the buyer's own lines, or the vendor. The Chinese says what to
// check in words (checkZH): ids are for the English and the field.
func amountWhat(v *Vendor, vs scenarios.VendorSettings, o tooLarge) (field, en, zh, checkZH string) {
	switch {
	case o.field != "":
		return o.field, "the amount", "金额", "请检查需求数量"
	case o.item != nil && o.item.ID == ExtraItem:
		return "vendors." + v.ID + ".extras", "with your own lines, " + v.NameEN + "'s total", "加上您自己的费用行，" + nameOf(v) + "的总额", "请检查您自己的费用行"
	case o.item != nil && hasQuote(vs, o.item.ID):
		return fmt.Sprintf("vendors.%s.prices[%q]", v.ID, o.item.ID),
			fmt.Sprintf("at this quote, %s's amount for %s (%s)", v.NameEN, o.item.NameEN, o.item.ID),
			fmt.Sprintf("按此报价，%s的%s金额", nameOf(v), o.item.Name), "请检查此报价"
	case o.item != nil:
		return "vendors." + v.ID, fmt.Sprintf("for this demand, %s's amount for %s (%s)", v.NameEN, o.item.NameEN, o.item.ID),
			fmt.Sprintf("按此需求，%s的%s金额", nameOf(v), o.item.Name), "请检查需求数量"
	}
	return "vendors." + v.ID, v.NameEN + "'s amounts", nameOf(v) + "的金额", "请检查报价和需求数量"
}

// PastLimitError is, for a vendor past MaxAmount (PastLimit), what the
// window says at the field to check: not a refusal (the others are
// compared), but that field's doing; nil otherwise.
func (r *Result) PastLimitError() *scenarios.FieldError {
	if r.PastLimit == nil {
		return nil
	}
	return &scenarios.FieldError{Field: r.PastLimitField, Key: scenarios.ErrVendorPastLimit, Args: []any{maxAmountText}, Msg: r.PastLimit.EN}
}

// nameOf is the vendor's Chinese name ready for Chinese to follow: a space
// after a Latin end ("华为云 云客服 CEC 的").
func nameOf(v *Vendor) string {
	if n := v.Name; n != "" && n[len(n)-1] < 0x80 {
		return n + " "
	}
	return v.Name
}

// amountError is the one error a comparison gives when the amounts of
// every vendor it prices would go beyond MaxAmount (pastLimit: one such
// vendor among others is left out, not refused): it names the first
// vendor's quote, own lines, or the vendor, and says what to check.
func amountError(v *Vendor, vs scenarios.VendorSettings, o tooLarge) *scenarios.FieldError {
	field, what, _, _ := amountWhat(v, vs, o)
	return &scenarios.FieldError{Field: field, Key: scenarios.ErrAmountTooLarge, Args: []any{maxAmountText},
		Msg: fmt.Sprintf("%s would be more than %s CNY, beyond what kefucost computes exactly: check the quoted prices and the demand (nothing was compared)", what, maxAmountText)}
}

// pastLimit is the result of a vendor whose amounts would go beyond
// MaxAmount: not computed (no line, no total, no month), never ranked
// nor part of a combination, its reason naming what to check. Such a
// vendor cannot be the cheapest (any other vendor's whole total is
// within MaxAmount), so the others are compared without it, as a4d3b15
// leaves out a plan past the limit.
func pastLimit(t *timeline, v *Vendor, vs scenarios.VendorSettings, o tooLarge) *Result {
	field, what, whatZH, checkZH := amountWhat(v, vs, o)
	// No plan was chosen under auto: the plan is the buyer's pin, or none.
	plan := vs.PlanOrAuto()
	if plan == "auto" {
		plan = ""
	}
	r := &Result{Vendor: v.ID, Name: v.Name, NameEN: v.NameEN, Plan: plan, Auto: plan == "",
		PastLimit: &Note{ID: "vendor-too-large",
			Text: fmt.Sprintf("%s将超过 %s 元，超出 kefucost 能精确计算的范围：未计算，不参与排名和组合，其余供应商照常比较（%s）。", whatZH, maxAmountText, checkZH),
			EN:   fmt.Sprintf("%s would be more than %s CNY, beyond what kefucost computes exactly: not computed, not ranked nor combined; the other vendors are compared without it (check %s).", strings.ToUpper(what[:1])+what[1:], maxAmountText, field)},
		PastLimitField: field, pastLimitErr: amountError(v, vs, o)}
	r.Notes = []Note{*r.PastLimit}
	r.Monthly = make([]decimal.Decimal, t.months) // no amount: every front end words them by PastLimit
	r.Uncovered = uncovered(t, v)
	r.Covers = len(r.Uncovered) == 0
	// The editions it would have been priced at: their age is still worth
	// reading beside a total not computed.
	for _, p := range v.PlansFor(t.s.PriceDate, vs.Options) {
		if p.PinnedOnly && p.ID != vs.Plan || plan != "" && p.ID != plan {
			continue
		}
		ed := p.EditionFor(t.s.PriceDate, vs.Options)
		if ed == nil || slices.Contains(r.Editions, ed.ID) {
			continue
		}
		r.Editions = append(r.Editions, ed.ID)
		r.EditionRefs = append(r.EditionRefs, EditionRef{ID: ed.ID, From: ed.From, Source: ed.Source, SourceDate: ed.SourceDate, Title: ed.Title, TitleEN: ed.TitleEN, URL: ed.URL})
	}
	return r
}

func hasQuote(vs scenarios.VendorSettings, item string) bool {
	_, ok := vs.Prices[item]
	return ok
}
