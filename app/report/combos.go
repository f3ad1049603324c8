package report

import (
	"fmt"
	"strings"

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
// those not ranked because a part lacks prices. A combination's total is
// the SUM of its parts' amount cells, ranks and differences are formulas
// over the totals; a part that is the vendor's own result (it takes every
// group) refers to the vendor sheet's total, so it follows an edited
// price; a part priced on its groups' needs alone is the engine's amount,
// said to be as computed (the engine prices it; no breakdown of it is in
// the workbook).
func (b *reportBook) combinationsSheet(c *pricing.Comparison) {
	o, sh := b.o, sheetCombinations
	if len(c.Combinations) > 0 { // the combination ranked 1 below, as on the conclusion
		b.formula(sh, 1, 1, b.comboAnswerFormula(c, b.combosLive(c)), b.st.title)
	} else {
		b.str(sh, 1, 1, wording.Answer(o.Lang, c))
		b.style(sh, 1, 1, 1, 1, b.st.title)
	}
	if b.staleRef != "" && len(c.Combinations) > 0 {
		b.formula(sh, 1, 2, fmt.Sprintf(`IF(%s="","",%s)`, b.staleRef, reportExcelString(o.t(
			"注意：单价已改。下表中引用供应商表合计的部分、各组合总额、排名与差额已随之重算；只按部分服务计价的部分仍按生成时的价格，组合的选择请在 kefucost 中重新计算。",
			"Note: a unit price was changed. Parts that refer to a vendor sheet's total, the combinations' totals, ranks and differences follow; parts priced on some groups alone are as computed: recompute the combinations in kefucost."))), b.st.alert)
	}
	heads := []string{o.t("排名", "Rank")}
	widths := []float64{8}
	for _, g := range c.Groups {
		heads = append(heads, wording.GroupName(o.Lang, g))
		widths = append(widths, 16)
	}
	heads = append(heads, o.t("总额（元）", "Total (CNY)"), o.t("差额（元）", "Difference (CNY)"), o.t("差额 %", "Difference %"),
		o.t("厂商数", "Vendors"), o.t("组合", "Combination"))
	widths = append(widths, 16, 16, 12, 10, 60)
	// The parts' table below shares the columns: its plan (4) and note
	// (8) columns wide enough to read.
	for len(widths) < 9 {
		widths = append(widths, 24)
	}
	widths[3] = max(widths[3], 28)
	widths[7] = max(widths[7], 36)
	// Every cell at the top of its row, as the wrapped texts are.
	b.fail(b.f.SetColStyle(sh, "A:Z", b.st.top))
	b.header(sh, 3, heads, widths)
	b.freeze(sh, 3, 0)
	// Rows: the combinations from 4, a blank row, the parts' header, the
	// parts (each combination's together, in its order).
	n := len(c.Combinations)
	partRow := 4 + max(n, 1) + 2
	first, last := 4, 3+n
	col := 1 + len(c.Groups)
	totals := fmt.Sprintf("%s:%s", b.absCell(col+1, first), b.absCell(col+1, last))
	row, pr := 4, partRow
	for i := range c.Combinations {
		cb := &c.Combinations[i]
		b.formula(sh, 1, row, fmt.Sprintf("RANK(%s,%s,1)+COUNTIF(%s:%s,%s)-1", b.cell(col+1, row), totals, b.absCell(col+1, first), b.cell(col+1, row), b.cell(col+1, row)), b.st.count)
		for j, g := range c.Groups {
			b.str(sh, 2+j, row, wording.ShortVendorName(o.Lang, cb.VendorFor(g)))
		}
		b.formula(sh, col+1, row, fmt.Sprintf("SUM(%s:%s)", b.cell(5, pr), b.cell(5, pr+len(cb.Parts)-1)), b.st.money)
		b.formula(sh, col+2, row, fmt.Sprintf("%s-MIN(%s)", b.cell(col+1, row), totals), b.st.money)
		b.formula(sh, col+3, row, fmt.Sprintf(`IF(MIN(%s)>0,ROUND(%s/MIN(%s)*100,1),"")`, totals, b.cell(col+2, row), totals), b.st.decimal)
		b.number(sh, col+4, row, decimal.NewFromInt(int64(len(cb.Parts))), -1, b.st.count)
		b.wrapped(sh, col+5, row, wording.CombinationText(o.Lang, cb), widths[col+4])
		row++
		pr += len(cb.Parts)
	}
	if n == 0 {
		b.str(sh, 1, row, o.t("没有完整定价、覆盖全部需求的厂商组合。", "No combination of vendors covers everything at known prices."))
		row++
	}
	// Each part: the vendor priced on its groups' needs alone.
	row++
	b.header(sh, row, []string{o.t("排名", "Rank"), o.t("厂商", "Vendor"), o.t("承担的服务", "Groups"), o.t("方案", "Plan"),
		o.t("金额（元）", "Amount (CNY)"), o.t("其中自己录入的费用（元）", "Of which your own lines (CNY)"), o.t("占比 %", "Share %"), o.t("说明", "Note"),
		o.t("方案编号", "Plan id")}, nil)
	row++
	own, vendors := map[*pricing.Result]bool{}, map[string]*pricing.Result{}
	for _, r := range c.Vendors {
		own[r] = true
		vendors[r.Vendor] = r
	}
	for i := range c.Combinations {
		cb := &c.Combinations[i]
		totalCell := b.absCell(col+1, 4+i)
		for _, p := range cb.Parts {
			b.formula(sh, 1, row, b.absCell(1, 4+i), b.st.count) // its combination's rank
			b.str(sh, 2, row, wording.ShortVendorName(o.Lang, p.Vendor))
			b.str(sh, 3, row, wording.GroupNames(o.Lang, p.Groups))
			b.wrapped(sh, 4, row, wording.PlanName(o.Lang, p.Vendor, p.Result.Plan), widths[3])
			f, matched, all := b.partAmount(p, vendors[p.Vendor], own[p.Result])
			switch {
			case f != "" && own[p.Result]:
				b.formula(sh, 5, row, f, b.st.money)
				b.wrapped(sh, 8, row, o.t("承担全部服务：引用该厂商表的合计，随单价变化", "takes every group: refers to the vendor sheet's total, follows an edited price"), widths[7])
			case f != "" && all:
				b.formula(sh, 5, row, f, b.st.money)
				b.wrapped(sh, 8, row, o.t("每一行都是该厂商表中的明细行：引用其金额单元格，随单价变化", "every line is one of the vendor sheet's: refers to their amount cells, follows an edited price"), widths[7])
			case f != "":
				b.formula(sh, 5, row, f, b.st.money)
				b.wrapped(sh, 8, row, o.t(fmt.Sprintf("只按其承担的服务的需求计价；%d 行与该厂商表的明细相同，引用其金额单元格，随单价变化；其余为生成时的数值", matched),
					fmt.Sprintf("priced on these groups' needs alone; %s the vendor sheet's, referred to and follow an edited price; the rest is as computed", linesAre(matched))), widths[7])
			default:
				b.money(sh, 5, row, p.Result.Total, false, false)
				b.wrapped(sh, 8, row, o.t("只按其承担的服务的需求计价；", "priced on these groups' needs alone; ")+reportAsComputed(o), widths[7])
			}
			b.money(sh, 6, row, p.Result.ExtrasTotal, false, false)
			b.formula(sh, 7, row, fmt.Sprintf(`IF(%s>0,ROUND(%s/%s*100,1),"")`, totalCell, b.cell(5, row), totalCell), b.st.decimal)
			b.str(sh, 9, row, p.Result.Plan)
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
			for j, g := range c.Groups {
				b.str(sh, 2+j, row, wording.ShortVendorName(o.Lang, cb.VendorFor(g)))
			}
			b.money(sh, col+1, row, cb.Total, true, false)
			var unpriced []string
			for _, p := range cb.Parts {
				if len(p.Result.Unpriced) > 0 {
					unpriced = append(unpriced, wording.ShortVendorName(o.Lang, p.Vendor)+o.t("：", ": ")+joinList(o.Lang, reportItemLabels(p.Result, p.Result.Unpriced, o)))
				}
			}
			b.wrapped(sh, col+5, row, wording.CombinationText(o.Lang, cb)+o.t("；未定价：", "; unpriced: ")+strings.Join(unpriced, o.t("；", "; ")), 60)
			row++
		}
		for _, g := range c.Gaps {
			b.wrapped(sh, 1, row, wording.GapText(o.Lang, g), 60)
			row++
		}
	}
}

// partAmount is a combination part's amount as a formula over the vendor
// sheet: the vendor's total cell when the part is the vendor's own result;
// else the amount cells of the vendor's lines the part has too (the same
// item, quantity, unit price and amount: a changed unit price moves both
// alike), plus the rest of the part's amount as the engine's number.
// matched counts the lines referred to, all says every line is; "" when
// none is.
func (b *reportBook) partAmount(p pricing.CombinationPart, r *pricing.Result, own bool) (f string, matched int, all bool) {
	if ref, ok := b.totals[p.Vendor]; ok && own {
		return ref, len(p.Result.Lines), true
	}
	if r == nil || len(p.Result.Lines) == 0 {
		return "", 0, false
	}
	cells := b.lineCells[r.Vendor]
	used := map[int]bool{}
	var refs []string
	rest := p.Result.Total
	for _, l := range p.Result.Lines {
		if !l.Priced() {
			continue
		}
		for li, v := range r.Lines {
			if used[li] || li >= len(cells) || cells[li] == "" || !v.Priced() || v.Item != l.Item ||
				!v.Quantity.Equal(l.Quantity) || !v.UnitPrice.Equal(*l.UnitPrice) || !v.Amount.Equal(*l.Amount) || v.Product != l.Product {
				continue
			}
			used[li] = true
			refs = append(refs, cells[li])
			rest = rest.Sub(*l.Amount)
			break
		}
	}
	if len(refs) == 0 {
		return "", 0, false
	}
	f = strings.Join(refs, "+")
	switch {
	case rest.IsPositive():
		f += "+" + rest.StringFixed(2)
	case rest.IsNegative():
		f += "-" + rest.Neg().StringFixed(2)
	}
	return f, len(refs), len(refs) == len(p.Result.Lines) && rest.IsZero()
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

// linesAre is "1 line is" / "3 lines are".
func linesAre(n int) string {
	if n == 1 {
		return "1 line is"
	}
	return wording.CountEN(n, "line") + " are"
}
