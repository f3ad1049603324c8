package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// A line paid over several months (Aliyun's monthly seats in the bench
// scenario) is split into its months as ROUND(n × unit price × rate, 2)
// over the vendor sheet's cells, each month equal to the engine's bill to
// the fen; a unit price changed on the vendor sheet moves those months
// (they were the engine's numbers).
func TestMultiBillLinesAreFormulasByMonth(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	var buf bytes.Buffer
	if err := XLSX(&buf, s, c, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := reportVendorSheets(c, Options{})
	found := false
	for j, r := range c.Vendors {
		for m := range r.Monthly {
			cell := cellName(2+j, 2+m)
			fm, _ := f.GetCellFormula(sheetMonthly, cell)
			ref := reportSheetRef(sheets[r.Vendor]) + "!$D$"
			i := strings.Index(fm, "ROUND(")
			if i < 0 || !strings.Contains(fm[i:], ref) {
				continue
			}
			// The unit price cell the split refers to, raised by 1.
			j0 := strings.Index(fm[i:], ref) + i + len(ref)
			k := j0
			for k < len(fm) && fm[k] >= '0' && fm[k] <= '9' {
				k++
			}
			priceCell := "D" + fm[j0:k]
			before := cellMoney(t, f, sheetMonthly, 2+j, 2+m)
			if !before.Equal(r.Monthly[m]) {
				t.Fatalf("%s month %d: %s, the engine %s", r.Vendor, m+1, before, r.Monthly[m])
			}
			old, err := f.GetCellValue(sheets[r.Vendor], priceCell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			p := decimal.RequireFromString(old).Add(decimal.NewFromInt(1))
			if err := f.SetCellValue(sheets[r.Vendor], priceCell, p.InexactFloat64()); err != nil {
				t.Fatal(err)
			}
			after := cellMoney(t, f, sheetMonthly, 2+j, 2+m)
			if !after.GreaterThan(before) {
				t.Errorf("%s month %d: unit price %s → %s left the month at %s (%q)", r.Vendor, m+1, old, p, after, fm)
			}
			found = true
			break
		}
		if found {
			break
		}
	}
	if !found {
		t.Fatal("no month splits a line into a formula")
	}
}
