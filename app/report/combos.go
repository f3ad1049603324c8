package report

import (
	"fmt"

	"github.com/shopspring/decimal"

	"kefucost/app/wording"
	"kefucost/pricing"
)

// sheetCombinations lists the combinations of vendors by service group
// (pricing-rules §7.10).
const sheetCombinations = "组合 Combinations"

// combinationsSheet writes the answer (the cheapest way to cover
// everything, or why there is none), the combinations cheapest first with
// the difference to the cheapest, each part of each with its share, and
// those not ranked because a part lacks prices.
func (b *reportBook) combinationsSheet(c *pricing.Comparison) {
	o, sh := b.o, sheetCombinations
	b.str(sh, 1, 1, wording.Answer(o.Lang, c))
	b.style(sh, 1, 1, 1, 1, b.st.title)
	heads := []string{o.t("排名", "Rank")}
	widths := []float64{8}
	for _, g := range c.Groups {
		heads = append(heads, wording.GroupName(o.Lang, g))
		widths = append(widths, 16)
	}
	heads = append(heads, o.t("总额（元）", "Total (CNY)"), o.t("差额（元）", "Difference (CNY)"), o.t("差额 %", "Difference %"),
		o.t("厂商数", "Vendors"), o.t("组合", "Combination"))
	widths = append(widths, 16, 16, 12, 10, 60)
	b.header(sh, 3, heads, widths)
	b.freeze(sh, 3, 0)
	row := 4
	best := c.BestCombination()
	for i := range c.Combinations {
		cb := &c.Combinations[i]
		col := 1
		b.number(sh, col, row, decimal.NewFromInt(int64(i+1)), -1, b.st.count)
		for _, g := range c.Groups {
			col++
			b.str(sh, col, row, wording.ShortVendorName(o.Lang, cb.VendorFor(g)))
		}
		b.money(sh, col+1, row, cb.Total, false, i == 0)
		diff := cb.Total.Sub(best.Total)
		b.money(sh, col+2, row, diff, false, false)
		if best.Total.IsPositive() {
			b.number(sh, col+3, row, diff.Mul(decimal.NewFromInt(100)).DivRound(best.Total, 1), 1, b.st.decimal)
		}
		b.number(sh, col+4, row, decimal.NewFromInt(int64(len(cb.Parts))), -1, b.st.count)
		b.wrapped(sh, col+5, row, wording.CombinationText(o.Lang, cb), 60)
		row++
	}
	if len(c.Combinations) == 0 {
		b.str(sh, 1, row, o.t("没有完整定价、覆盖全部需求的厂商组合。", "No combination of vendors covers everything at known prices."))
		row++
	}
	// Each part: the vendor priced on its groups' needs alone.
	row++
	b.header(sh, row, []string{o.t("排名", "Rank"), o.t("厂商", "Vendor"), o.t("承担的服务", "Groups"), o.t("方案", "Plan"),
		o.t("金额（元）", "Amount (CNY)"), o.t("其中自己录入的费用（元）", "Of which your own lines (CNY)"), o.t("占比 %", "Share %"), o.t("说明", "Note")}, nil)
	row++
	for i := range c.Combinations {
		cb := &c.Combinations[i]
		for _, p := range cb.Parts {
			b.number(sh, 1, row, decimal.NewFromInt(int64(i+1)), -1, b.st.count)
			b.str(sh, 2, row, wording.ShortVendorName(o.Lang, p.Vendor))
			b.str(sh, 3, row, wording.GroupNames(o.Lang, p.Groups))
			b.str(sh, 4, row, p.Result.Plan)
			b.money(sh, 5, row, p.Result.Total, false, false)
			b.money(sh, 6, row, p.Result.ExtrasTotal, false, false)
			if cb.Total.IsPositive() {
				b.number(sh, 7, row, p.Result.Total.Mul(decimal.NewFromInt(100)).DivRound(cb.Total, 1), 1, b.st.decimal)
			}
			b.wrapped(sh, 8, row, o.t("只按其承担的服务的需求计价", "priced on these groups' needs alone"), 40)
			row++
		}
	}
	if len(c.PartlyPriced) > 0 || len(c.Gaps) > 0 {
		row++
		b.str(sh, 1, row, o.t("不参与排名：部分项目未定价（金额只含已定价部分，实际更高）", "Not ranked: a part lacks prices (the amount is what is priced; the real cost is higher)"))
		b.style(sh, 1, row, 1, row, b.st.bold)
		row++
		for i := range c.PartlyPriced {
			cb := &c.PartlyPriced[i]
			col := 1
			for _, g := range c.Groups {
				col++
				b.str(sh, col, row, wording.ShortVendorName(o.Lang, cb.VendorFor(g)))
			}
			b.money(sh, col+1, row, cb.Total, true, false)
			var unpriced []string
			for _, p := range cb.Parts {
				for _, u := range p.Result.Unpriced {
					unpriced = append(unpriced, fmt.Sprintf("%s %s", p.Vendor, u))
				}
			}
			b.wrapped(sh, col+5, row, wording.CombinationText(o.Lang, cb)+o.t("；未定价：", "; unpriced: ")+joinList(o.Lang, unpriced), 60)
			row++
		}
		for _, g := range c.Gaps {
			b.wrapped(sh, 1, row, wording.GapText(o.Lang, g), 60)
			row++
		}
	}
}

func joinList(lang string, s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += wording.Text(lang, "list.sep")
		}
		out += x
	}
	return out
}
