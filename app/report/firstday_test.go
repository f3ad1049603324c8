package report

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// 首日购买 on the yearly sheet is a SUM over the schedule sheet's
// first-day amount cells (it was a number), equal to the engine's sum of
// the first day's purchases, to the fen.
func TestFirstDayPurchasesAreAFormula(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	f := openReport(t, s, c, Options{Lang: "zh"})
	rows, err := f.GetRows(sheetYearly)
	if err != nil {
		t.Fatal(err)
	}
	upRow := 0
	for i, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "首日购买") {
			upRow = i + 1
		}
	}
	if upRow == 0 {
		t.Fatal("no 首日购买 row")
	}
	formulas := 0
	for j, r := range c.Vendors {
		want := decimal.Zero
		for _, p := range r.Schedule {
			if p.Date.Equal(c.Start) && p.Amount != nil {
				want = want.Add(*p.Amount)
			}
		}
		cell := cellName(2+j, upRow)
		fm, err := f.GetCellFormula(sheetYearly, cell)
		if err != nil {
			t.Fatal(err)
		}
		if want.IsZero() && fm == "" {
			continue
		}
		if !strings.HasPrefix(fm, "SUM(") || !strings.Contains(fm, "Schedule") {
			t.Errorf("%s: 首日购买 %s is %q, want a SUM over the schedule", r.Vendor, cell, fm)
			continue
		}
		formulas++
		got, err := f.CalcCellValue(sheetYearly, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if g, err := decimal.NewFromString(got); err != nil || !g.Round(2).Equal(want) {
			t.Errorf("%s: 首日购买 computes %s, the engine's first day is %s", r.Vendor, got, want)
		}
	}
	if formulas == 0 {
		t.Error("no vendor buys on the first day: the test shows nothing")
	}
}
