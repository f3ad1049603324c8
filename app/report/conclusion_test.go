package report

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// phoneScenario is a phone-only call centre (the trial's what-if): Aliyun
// and Huawei both cover it at known prices, Aliyun 26,029.32 cheaper.
func phoneScenario(t testing.TB) (*scenarios.Scenario, *pricing.Comparison) {
	return decodeScenario(t, `{"format": "kefucost.scenario", "version": 1, "name": "电话中心 2027", "start": "2027-01-01", "months": 36,
"demand": {"phone_agents": 12, "phone_numbers": 4, "inbound_minutes_per_month": 20000, "outbound_minutes_per_month": 5000, "avg_call_minutes": "3"},
"changes": [{"date": "2028-01-01", "phone_agents": 20}],
"vendors": {"huawei-cec": {"prices": {"seat.basic.month": "300"}}}}`)
}

// conclusionRows finds the conclusion's answer row and its ranked rows
// (the rows whose rank cell is a formula).
func conclusionRows(t *testing.T, f *excelize.File) (answer int, ranked []int) {
	t.Helper()
	rows, err := f.GetRows(sheetConclusion)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		fm, _ := f.GetCellFormula(sheetConclusion, cellName(1, i+1))
		switch {
		case strings.HasPrefix(fm, "RANK("):
			ranked = append(ranked, i+1)
		case strings.Contains(fm, "INDEX(") && answer == 0:
			answer = i + 1
		}
	}
	if answer == 0 {
		t.Fatal("no answer formula on the conclusion")
	}
	return answer, ranked
}

// priceToOvertake is a unit price for a product line of the cheapest
// vendor, paid whole in one month, that makes its total pass the
// second's: its sheet, the line, the new price (the price cell's: the list
// price when the line has rates) and how much the line's amount moves.
func priceToOvertake(t testing.TB, c *pricing.Comparison, o Options) (sheet string, line int, price, delta decimal.Decimal) {
	t.Helper()
	ranked, _ := reportRanked(c)
	if len(ranked) < 2 {
		t.Fatal("fewer than two ranked vendors")
	}
	win := ranked[0]
	gap := ranked[1].Total.Sub(win.Total)
	whole := map[int]bool{}
	for _, lines := range reportWholeLines(win) {
		for _, li := range lines {
			whole[li] = true
		}
	}
	for i, l := range win.Lines {
		if !l.Product || !whole[i] || l.Quantity.IsZero() || l.UnitPrice == nil {
			continue
		}
		p, rate := *l.UnitPrice, decimal.NewFromInt(1)
		if l.ListPrice != nil {
			p = *l.ListPrice
			for _, x := range l.Rates {
				rate = rate.Mul(x.Value)
			}
		}
		step := gap.Add(decimal.NewFromInt(100)).Div(l.Quantity.Mul(rate)).Ceil()
		price = p.Add(step)
		delta = l.Quantity.Mul(price).Mul(rate).Round(2).Sub(*l.Amount)
		return reportVendorSheets(c, o)[win.Vendor], i, price, delta
	}
	t.Fatalf("%s has no product line paid whole to edit", win.Vendor)
	return "", 0, decimal.Zero, decimal.Zero
}

// The conclusion's answer, ranks and differences are formulas over the
// totals: unedited they say what the engine says (the sentence the same,
// ranks 1, 2 in its order, the check cell empty); after a unit price
// edit that makes the cheapest vendor the dearer, the sentence names the
// other vendor, the ranks swap, "more than the cheapest" is counted from
// the new cheapest (never negative), the check cell warns, and the vendor
// sheet's ranking word gives the new rank. Computed by excelize here (by
// LibreOffice in TestWorkbookRecalculatedByLibreOffice).
func TestConclusionAnswerFollowsEditedPrice(t *testing.T) {
	s, c := phoneScenario(t)
	ranked, _ := reportRanked(c)
	for _, o := range []Options{{Lang: "zh"}, {Lang: "en"}} {
		f := openReport(t, s, c, o)
		answer, rows := conclusionRows(t, f)
		if len(rows) != len(ranked) {
			t.Fatalf("%s: %d ranked rows, want %d", o.Lang, len(rows), len(ranked))
		}
		if got, want := calcText(t, f, sheetConclusion, 1, answer), reportAnswer(c, o); got != want {
			t.Errorf("%s: answer computes to\n%q, the engine's\n%q", o.Lang, got, want)
		}
		for i, row := range rows {
			if got := calcText(t, f, sheetConclusion, 1, row); got != []string{"1", "2", "3", "4"}[i] {
				t.Errorf("%s: row %d rank %q, want %d", o.Lang, row, got, i+1)
			}
			if got, want := cellMoney(t, f, sheetConclusion, 4, row), ranked[i].Total.Sub(ranked[0].Total); !got.Equal(want) {
				t.Errorf("%s: %s more than the cheapest %s, want %s", o.Lang, ranked[i].Vendor, got, want)
			}
		}
		stale := findStale(t, f)
		if got := calcText(t, f, sheetConclusion, 1, stale); got != "" {
			t.Errorf("%s: check cell says %q in an unedited workbook", o.Lang, got)
		}

		sh, line, price, _ := priceToOvertake(t, c, o)
		if err := f.SetCellFloat(sh, cellName(rvUnitPrice, 3+line), price.InexactFloat64(), -1, 64); err != nil {
			t.Fatal(err)
		}
		got := calcText(t, f, sheetConclusion, 1, answer)
		second := reportVendorPlan(ranked[1], o)
		if want := o.t("最便宜的完整供应商："+second, "Cheapest complete vendor: "+second); !strings.HasPrefix(got, want) {
			t.Errorf("%s: after the edit the answer reads %q, want it to start %q", o.Lang, got, want)
		}
		if calcText(t, f, sheetConclusion, 1, rows[0]) != "2" || calcText(t, f, sheetConclusion, 1, rows[1]) != "1" {
			t.Errorf("%s: ranks after the edit %s, %s; want 2, 1", o.Lang, calcText(t, f, sheetConclusion, 1, rows[0]), calcText(t, f, sheetConclusion, 1, rows[1]))
		}
		for _, r := range rows {
			if cellMoney(t, f, sheetConclusion, 4, r).IsNegative() {
				t.Errorf("%s: row %d is %s more than the cheapest", o.Lang, r, cellMoney(t, f, sheetConclusion, 4, r))
			}
		}
		if got := calcText(t, f, sheetConclusion, 1, stale); got != reportStaleWords(o) {
			t.Errorf("%s: check cell after the edit %q", o.Lang, got)
		}
		badgeRow := findRow(t, f, sh, rvLabel, 3, o.t("排名", "Rank"))
		if got := calcText(t, f, sh, rvQuantity, badgeRow); !strings.HasPrefix(got, o.t("第 2 名", "rank 2")) {
			t.Errorf("%s: the vendor sheet's ranking word after the edit %q, want rank 2", o.Lang, got)
		}
	}
}

func findStale(t *testing.T, f *excelize.File) int {
	t.Helper()
	rows, _ := f.GetRows(sheetConclusion)
	for i := range rows {
		if fm, _ := f.GetCellFormula(sheetConclusion, cellName(1, i+1)); strings.HasPrefix(fm, "IF(OR(ABS(") {
			return i + 1
		}
	}
	t.Fatal("no check cell on the conclusion")
	return 0
}
