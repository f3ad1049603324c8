package diff

import (
	"github.com/shopspring/decimal"

	"kefucost/app/wording"
	"kefucost/pricing"
)

// The words of a diff's cells, in the user's language: the window's view
// (package compareview) and the command line (kefucost scenarios compare
// --with) show the same.

// TotalText is a vendor's total on a side as the results show it
// ("至少 …" when items lack prices), or that it is switched off there.
func TotalText(lang string, r *pricing.Result) string {
	if r == nil {
		return wording.Text(lang, "compare.off")
	}
	return wording.Figure(lang, r.Total, wording.BoundOf(r))
}

// ChangeText is a difference and its share ("+1,234.00", "+5.2%"); when
// there is none, why, in the amount's place: a side's total lacks prices
// (a partial total is never set against another), a side serves none of
// the needs (no price, not 0); "—" when the vendor is off on a side (its
// total says so) or A is 0 (no share).
func ChangeText(lang string, c *Change, why Why) (amount, share string) {
	amount, share = "—", "—"
	switch {
	case c != nil:
		amount = Signed(c.Amount)
		if c.Percent != nil {
			share = SignedPercent(*c.Percent)
		}
	case why == Unpriced:
		amount = wording.Text(lang, "compare.partial")
	case why == ServesNone:
		amount = wording.Text(lang, "compare.na")
	case why == PastLimit:
		amount = wording.Text(lang, "amount.notcomputed")
	}
	return amount, share
}

// BestTotalText is the cheapest way's total, or "无" when there is none
// (WayText says why).
func BestTotalText(lang string, cb *pricing.Combination) string {
	if cb == nil {
		return wording.Text(lang, "compare.best.none")
	}
	return wording.Money(cb.Total)
}

// WayText names the cheapest way to cover everything on a side, or says
// why there is none ("无——能覆盖全部需求的组合都有未定价项目（3 种）：请输入
// 厂商报价。"): a bare "无" left the reader guessing.
func WayText(lang string, c *pricing.Comparison, cb *pricing.Combination) string {
	if cb != nil {
		return wording.CombinationText(lang, cb)
	}
	if c == nil {
		return wording.Text(lang, "compare.best.none")
	}
	return wording.Text(lang, "compare.way.none", wording.Answer(lang, c))
}

// LineText is a breakdown line's amount on a side: the amount, "unpriced",
// or that the side has no such line.
func LineText(lang string, l *pricing.Line) string {
	switch {
	case l == nil:
		return wording.Text(lang, "compare.absent")
	case l.Amount == nil:
		return wording.Text(lang, "unpriced")
	}
	return wording.Money(*l.Amount)
}

// LineChangeText is a line's difference, or that it is unknown (a side
// lacks its price).
func LineChangeText(lang string, c *decimal.Decimal) string {
	if c == nil {
		return wording.Text(lang, "compare.unknown")
	}
	return Signed(*c)
}

// LineName is a line's label in the user's language.
func LineName(lang string, l Line) string {
	if lang == "en" && l.LabelEN != "" {
		return l.LabelEN
	}
	return l.Label
}

// VendorName names a vendor of the diff as its results do.
func VendorName(lang string, v Vendor) string {
	switch {
	case v.A != nil:
		return wording.VendorName(v.A, lang)
	case v.B != nil:
		return wording.VendorName(v.B, lang)
	}
	return wording.VendorNameByID(lang, v.ID)
}

// Signed writes a difference with its sign: "+1,234.00", "-56.00", "0.00".
func Signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + wording.Money(d)
	}
	return wording.Money(d)
}

// SignedPercent writes a share to one place with its sign: "+5.2%".
func SignedPercent(p decimal.Decimal) string {
	s := p.StringFixed(1) + "%"
	if p.IsPositive() {
		return "+" + s
	}
	return s
}
