package pricing

import (
	"math/bits"

	"github.com/shopspring/decimal"
)

// unitPrice is a price prepared for exact multiplication by whole
// quantities in int64 arithmetic: coef × 10^exp. Most prices (35, 0.108,
// 0.22, 999) fit, and the result is the same as decimal's to the fen; when
// anything would overflow, fen falls back to decimal.
type unitPrice struct {
	d    decimal.Decimal
	coef int64
	exp  int32
	fast bool
	// it is the item priced, when known: named if an amount at this
	// price is too large (tooLarge).
	it *Item
}

func newUnitPrice(d decimal.Decimal) unitPrice {
	p := unitPrice{d: d, exp: d.Exponent()}
	if c, ok := coef64(d); ok && c >= 0 && p.exp >= -16 && p.exp <= 8 {
		p.coef, p.fast = c, true
	}
	return p
}

// coef64 is d's coefficient when it has at most 18 digits (so fits int64),
// read without the copy Coefficient makes (two allocations per call, in
// every bill).
func coef64(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// fen is q × price rounded half up to 0.01 元, in fen (q ≥ 0).
//
// 50,001 minutes × 0.108 = 5,400.108 元 → 540011 fen.
func (p unitPrice) fen(q int64) int64 {
	if p.fast && q >= 0 {
		shift := int(p.exp) + 2 // fen = q × coef × 10^shift
		hi, lo := bits.Mul64(uint64(q), uint64(p.coef))
		if hi == 0 && lo <= 1<<62 {
			n := int64(lo)
			switch {
			case shift >= 0 && shift < len(pow10):
				if m := pow10[shift]; n == 0 || n <= (1<<62)/m {
					return n * m
				}
			case shift < 0 && -shift < len(pow10):
				div := pow10[-shift]
				return (n + div/2) / div
			}
		}
	}
	return toFenOf(Cents(decimal.NewFromInt(q).Mul(p.d)), p.it)
}

// mulRound is round_half_up(q × f) for q ≥ 0 and a factor f ≥ 0 given as
// unitPrice (coef × 10^exp), exact in 128-bit integers when it fits; ok is
// false when it does not (the caller uses decimal then).
func mulRound(q int64, f unitPrice) (int64, bool) {
	if !f.fast || q < 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(q), uint64(f.coef))
	if f.exp >= 0 {
		if hi != 0 || f.exp >= int32(len(pow10)) || lo > uint64(1<<62)/uint64(pow10[f.exp]) {
			return 0, false
		}
		return int64(lo) * pow10[f.exp], true
	}
	if -f.exp >= int32(len(pow10)) {
		return 0, false
	}
	div := uint64(pow10[-f.exp])
	// Add half the divisor, then divide the 128-bit number.
	lo2, carry := bits.Add64(lo, div/2, 0)
	hi += carry
	if hi >= div {
		return 0, false
	}
	quo, _ := bits.Div64(hi, lo2, div)
	if quo > 1<<62 {
		return 0, false
	}
	return int64(quo), true
}

// fenOfRatio is round_half_up(n × price / d) in fen, for Huawei's
// seat-days × monthly price / days of the month; ok is false on overflow.
func (p unitPrice) fenOfRatio(n, d int64) (int64, bool) { return p.ratioAt(n, d, 2) }

// ratioAt is round_half_up(n × price / d × 10^places), exact in 128-bit
// integers; ok is false when anything would overflow (the caller uses
// decimal then).
func (p unitPrice) ratioAt(n, d int64, places int) (int64, bool) {
	if !p.fast || n < 0 || d <= 0 {
		return 0, false
	}
	shift := int(p.exp) + places
	hi, lo := bits.Mul64(uint64(n), uint64(p.coef))
	den := uint64(d)
	if shift >= 0 {
		if shift >= len(pow10) {
			return 0, false
		}
		var h2 uint64
		h2, lo = bits.Mul64(lo, uint64(pow10[shift]))
		if hi != 0 {
			return 0, false
		}
		hi = h2
	} else {
		if -shift >= len(pow10) {
			return 0, false
		}
		// The divisor must stay below 2^62: it is doubled below.
		h, l := bits.Mul64(den, uint64(pow10[-shift]))
		if h != 0 || l >= 1<<62 {
			return 0, false
		}
		den = l
	}
	// round half up: (2·num + den) / (2·den)
	hi2, lo2 := hi<<1|lo>>63, lo<<1
	lo3, c := bits.Add64(lo2, den, 0)
	hi2 += c
	if hi2 >= 2*den || hi>>63 != 0 {
		return 0, false
	}
	q, _ := bits.Div64(hi2, lo3, 2*den)
	if q >= 1<<63 {
		return 0, false
	}
	return int64(q), true
}
