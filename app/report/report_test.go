package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

var reportTime = time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)

func openReport(t *testing.T, s *scenarios.Scenario, c *pricing.Comparison, o Options) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := XLSX(&b, s, c, o); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// calcText is a cell's value as excelize computes its formula.
func calcText(t *testing.T, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	v, err := f.CalcCellValue(sheet, cellName(col, row))
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cellName(col, row), err)
	}
	return v
}

func cellText(t *testing.T, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cellName(col, row), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// cellMoney reads a number cell's stored text as an exact decimal; it
// fails when the cell holds text instead of a number.
func cellMoney(t *testing.T, f *excelize.File, sheet string, col, row int) decimal.Decimal {
	t.Helper()
	if fm, _ := f.GetCellFormula(sheet, cellName(col, row)); fm != "" {
		// A formula: excelize computes it as a spreadsheet would; its
		// float result is the amount to the fen.
		v, err := f.CalcCellValue(sheet, cellName(col, row), excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s!%s = %s: %v", sheet, cellName(col, row), fm, err)
		}
		d, err := decimal.NewFromString(v)
		if err != nil {
			t.Fatalf("%s!%s = %s = %q: %v", sheet, cellName(col, row), fm, v, err)
		}
		return d.Round(2)
	}
	typ, err := f.GetCellType(sheet, cellName(col, row))
	if err != nil {
		t.Fatal(err)
	}
	v := cellText(t, f, sheet, col, row)
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || v == "" {
		t.Fatalf("%s!%s is %q (type %d), want a number", sheet, cellName(col, row), v, typ)
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		t.Fatalf("%s!%s = %q: %v", sheet, cellName(col, row), v, err)
	}
	return d
}

func cellNumFmt(t *testing.T, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cellName(col, row))
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// findRow is the first row from `from` whose column col reads want.
func findRow(t *testing.T, f *excelize.File, sheet string, col, from int, want string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i := from - 1; i < len(rows); i++ {
		if col-1 < len(rows[i]) && rows[i][col-1] == want {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %q in column %d", sheet, want, col)
	return 0
}

func sheetNames(c *pricing.Comparison, o Options) []string {
	names := []string{sheetConclusion, sheetSummary, sheetYearly, sheetMonthly, sheetSchedule, sheetCombinations}
	for _, r := range c.Vendors {
		names = append(names, reportVendorName(r, o))
	}
	return append(names, sheetAssumptions, sheetDemand)
}

// Totals written by hand from `kefucost compare` (and, for the spec
// example, computed by hand in cli_compare_test.go): the workbook must
// carry exactly these, as numbers.
func TestReportXLSXTotals(t *testing.T) {
	for _, tc := range []struct {
		file     string
		totals   map[string]string // vendor name → total; "不适用": serves none
		cheapest string
		perMonth map[string]string
		pv       map[string]string
	}{
		// Tencent alone covers everything, but Chatopera's bot and Tencent's
		// online agents cost 30,000.00 + 22,777.20 = 52,777.20 < 68,177.20:
		// no vendor is the cheapest way (the combinations sheet says it).
		{file: exampleScenario, cheapest: "",
			totals:   map[string]string{"Chatopera 机器人平台": "30000.00", "腾讯企点客服": "68177.20", "华为云 云客服 CEC": "39176.61", "阿里云 智能联络中心": "不适用"},
			perMonth: map[string]string{"腾讯企点客服": "1893.81", "华为云 云客服 CEC": "1088.24"}},
		{file: benchScenario,
			totals:   map[string]string{"Chatopera 机器人平台": "170000.00", "腾讯企点客服": "1082507.44", "华为云 云客服 CEC": "1374760.34", "阿里云 智能联络中心": "1556190.76"},
			perMonth: map[string]string{"腾讯企点客服": "30069.65", "阿里云 智能联络中心": "43227.52"},
			pv:       map[string]string{"Chatopera 机器人平台": "154747.89", "腾讯企点客服": "997624.06"}},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			s, c := compareFile(t, tc.file)
			o := Options{Generated: reportTime}
			f := openReport(t, s, c, o)
			if got, want := f.GetSheetList(), sheetNames(c, o); !slices.Equal(got, want) {
				t.Errorf("sheets %q, want %q", got, want)
			}
			sh := sheetSummary
			if v := cellText(t, f, sh, rsTotal, 2); v != "总额（元）" {
				t.Errorf("summary total header %q", v)
			}
			for name, want := range tc.totals {
				row := findRow(t, f, sh, rsVendor, 3, name)
				if want == "不适用" {
					if v := cellText(t, f, sh, rsTotal, row); v != "不适用" {
						t.Errorf("%s total %q, want 不适用 (serves none of the requirements)", name, v)
					}
					continue
				}
				if got := cellMoney(t, f, sh, rsTotal, row); got.StringFixed(2) != want {
					t.Errorf("%s total %s, want exactly %s", name, got, want)
				}
				if fm := cellNumFmt(t, f, sh, rsTotal, row); fm != "#,##0.00" {
					t.Errorf("%s total format %q, want #,##0.00", name, fm)
				}
				if pm, ok := tc.perMonth[name]; ok && cellMoney(t, f, sh, rsPerMonth, row).StringFixed(2) != pm {
					t.Errorf("%s per month %s, want %s", name, cellMoney(t, f, sh, rsPerMonth, row), pm)
				}
				if pv, ok := tc.pv[name]; ok && cellText(t, f, sh, rsPresentValue, row) != pv {
					t.Errorf("%s present value %q, want %s", name, cellText(t, f, sh, rsPresentValue, row), pv)
				}
				marked := cellText(t, f, sh, rsCheapest, row) == "★ 最便宜"
				if marked != (name == tc.cheapest) {
					t.Errorf("%s cheapest marker %v, want %v", name, marked, name == tc.cheapest)
				}
			}
			for _, r := range c.Vendors {
				row := findRow(t, f, sh, rsVendor, 3, r.Name)
				if got := cellText(t, f, sh, rsPlan, row); got != r.Plan {
					t.Errorf("%s plan %q, want %s", r.Vendor, got, r.Plan)
				}
				// Words where a person reads; the ids in their own column.
				if got, want := cellText(t, f, sh, rsUncovered, row), wording.FieldLabels(o.Lang, r.Uncovered); got != want {
					t.Errorf("%s uncovered %q, want %q", r.Vendor, got, want)
				}
				if got, want := cellText(t, f, sh, rsUncoveredIDs, row), strings.Join(r.Uncovered, ", "); got != want {
					t.Errorf("%s uncovered ids %q, want %q", r.Vendor, got, want)
				}
				if len(r.Alternatives) > 0 && reportServesNone(r) {
					if v := cellText(t, f, sh, rsRunnerUpTotal, row); v != "不适用" {
						t.Errorf("%s serves none, but its runner-up costs %q", r.Vendor, v)
					}
				} else if len(r.Alternatives) > 0 {
					a := r.Alternatives[0]
					if cellText(t, f, sh, rsRunnerUp, row) != wording.PlanName(o.Lang, r.Vendor, a.Plan) || cellText(t, f, sh, rsRunnerUpID, row) != a.Plan || !cellMoney(t, f, sh, rsRunnerUpTotal, row).Equal(a.Total) {
						t.Errorf("%s runner-up %q %q, want %s %s", r.Vendor, cellText(t, f, sh, rsRunnerUp, row),
							cellText(t, f, sh, rsRunnerUpTotal, row), a.Plan, wording.Fixed(a.Total))
					}
				}
			}
			// The facts under the table: name, horizon, prices, generated
			// time, and the list-price/VAT note the comparison carries.
			all := sheetText(t, f, sh)
			for _, want := range []string{s.Name, "2027-01-01 至 2029-12-31（36 个月）", "已知最新的价格版本", "请核实最新价格", "2026-11-23 16:00:00 (UTC+8)",
				"增值税一般为 6%"} {
				if !strings.Contains(all, want) {
					t.Errorf("summary lacks %q", want)
				}
			}
			// The notes in the report's language only.
			if strings.Contains(all, "VAT on these services is usually 6 %") {
				t.Error("the Chinese summary has the English note")
			}
			if p, _ := f.GetPanes(sh); !p.Freeze || p.YSplit != 2 {
				t.Errorf("summary panes %+v, want the header rows frozen", p)
			}
			checkVendorSheets(t, f, c, o)
			checkMonthlySheet(t, f, c)
			checkAssumptionsSheet(t, f, c)
		})
	}
}

func sheetText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// Every vendor sheet: one row per breakdown line with the exact amount
// (or "未定价 unpriced"), the amounts summing to the total row, which is
// the vendor's total.
func checkVendorSheets(t *testing.T, f *excelize.File, c *pricing.Comparison, o Options) {
	t.Helper()
	for _, r := range c.Vendors {
		sh := reportVendorName(r, o)
		if p, _ := f.GetPanes(sh); !p.Freeze || p.YSplit != 2 {
			t.Errorf("%s: panes %+v, want the header rows frozen", sh, p)
		}
		totalRow := findRow(t, f, sh, rvLabel, 3, "合计")
		if len(r.Lines) > 0 && totalRow != 3+len(r.Lines) {
			t.Errorf("%s: total in row %d, want %d (one row per line)", sh, totalRow, 3+len(r.Lines))
		}
		sum := decimal.Zero
		for i, l := range r.Lines {
			row := 3 + i
			if got := cellText(t, f, sh, rvItem, row); got != l.Item {
				t.Errorf("%s row %d: item %q, want %s", sh, row, got, l.Item)
			}
			if !l.Priced() {
				for _, col := range []int{rvUnitPrice, rvAmount} {
					if got := cellText(t, f, sh, col, row); got != "未定价" {
						t.Errorf("%s row %d: unpriced line shows %q", sh, row, got)
					}
				}
				continue
			}
			a := cellMoney(t, f, sh, rvAmount, row)
			if !a.Equal(*l.Amount) {
				t.Errorf("%s row %d: amount %s, want %s", sh, row, a, l.Amount)
			}
			if p := cellMoney(t, f, sh, rvUnitPrice, row); l.ListPrice == nil && !p.Equal(*l.UnitPrice) || l.ListPrice != nil && !p.Equal(*l.ListPrice) {
				t.Errorf("%s row %d: unit price %s, want %s (list %v)", sh, row, p, l.UnitPrice, l.ListPrice)
			}
			if q := cellMoney(t, f, sh, rvQuantity, row); !q.Equal(l.Quantity) {
				t.Errorf("%s row %d: quantity %s, want %s", sh, row, q, l.Quantity)
			}
			if got, want := cellText(t, f, sh, rvFormula, row), wording.LineFormula(o.Lang, l); !strings.HasPrefix(got, want) {
				t.Errorf("%s row %d: formula %q, want %q", sh, row, got, want)
			}
			// The quote, the edition's page by title and address, or an
			// item's own document by title; never a seed file.
			src := cellText(t, f, sh, rvSource, row)
			switch {
			case l.Overridden && src != o.t("您的报价（方案中填写）", "your quote (entered in the scenario)"),
				!l.Overridden && l.Source == r.EditionRefs[0].Source && !strings.Contains(src, r.EditionRefs[0].URL),
				strings.Contains(src, "seed"), strings.Contains(src, ".txt"), src == "":
				t.Errorf("%s row %d: source %q, want the quote or the page %s", sh, row, src, r.EditionRefs[0].URL)
			}
			// The amount is quantity × unit price × rate in the sheet
			// wherever the engine's amount is that product.
			fm, _ := f.GetCellFormula(sh, cellName(rvAmount, row))
			if want := fmt.Sprintf("ROUND(%s*%s*%s,2)", cellName(rvQuantity, row), cellName(rvUnitPrice, row), cellName(rvRate, row)); l.Product != (fm == want) {
				t.Errorf("%s row %d: amount formula %q, product %v", sh, row, fm, l.Product)
			}
			if l.Assumption && (cellText(t, f, sh, rvAssumption, row) != o.t("※", "[A]") || cellText(t, f, sh, rvNote, row) != wording.NoteIn(o.Lang, l.Note)) {
				t.Errorf("%s row %d: assumption not shown next to the amount", sh, row)
			}
			sum = sum.Add(a)
		}
		if reportServesNone(r) {
			if v := cellText(t, f, sh, rvAmount, totalRow); v != "不适用" {
				t.Errorf("%s: total %q, want 不适用", sh, v)
			}
			continue
		}
		total := cellMoney(t, f, sh, rvAmount, totalRow)
		if !total.Equal(r.Total) || !sum.Equal(total) {
			t.Errorf("%s: lines sum to %s, total row %s, comparison total %s", sh, sum, total, r.Total)
		}
	}
}

// Monthly: each vendor's months sum to its total; cumulative ends there.
func checkMonthlySheet(t *testing.T, f *excelize.File, c *pricing.Comparison) {
	t.Helper()
	sh, n := sheetMonthly, len(c.Vendors)
	if got := cellText(t, f, sh, 1, 2); got != "2027-01" {
		t.Errorf("first month %q, want 2027-01", got)
	}
	if got := cellText(t, f, sh, 1, c.Months+1); got != c.MonthStarts[c.Months-1].String()[:7] {
		t.Errorf("last month %q", got)
	}
	if p, _ := f.GetPanes(sh); !p.Freeze || p.YSplit != 1 || p.XSplit != 1 {
		t.Errorf("monthly panes %+v, want the header row and month column frozen", p)
	}
	for j, r := range c.Vendors {
		if reportServesNone(r) {
			if v := cellText(t, f, sh, 2+j, 2); v != "不适用" {
				t.Errorf("%s serves none but month 1 shows %q", r.Vendor, v)
			}
			continue
		}
		sum := decimal.Zero
		for i := 0; i < c.Months; i++ {
			m := cellMoney(t, f, sh, 2+j, i+2)
			if !m.Equal(r.Monthly[i]) {
				t.Errorf("%s month %d: %s, want %s", r.Vendor, i+1, m, r.Monthly[i])
			}
			sum = sum.Add(m)
			if cum := cellMoney(t, f, sh, 2+n+j, i+2); !cum.Equal(sum) {
				t.Errorf("%s month %d: cumulative %s, want %s", r.Vendor, i+1, cum, sum)
			}
		}
		if after := cellMoney(t, f, sh, 2+j, c.Months+2); !after.Equal(r.AfterHorizon) {
			t.Errorf("%s: paid after the horizon %s, want %s", r.Vendor, after, r.AfterHorizon)
		}
		sum = sum.Add(r.AfterHorizon)
		if !sum.Equal(r.Total) || !cellMoney(t, f, sh, 2+j, c.Months+3).Equal(r.Total) {
			t.Errorf("%s: months and after the horizon sum to %s, total row %s, want %s", r.Vendor, sum, cellText(t, f, sh, 2+j, c.Months+3), r.Total)
		}
	}
}

// Assumptions: every shared and vendor note, and every line
// interpretation with the vendor and the lines it affects.
func checkAssumptionsSheet(t *testing.T, f *excelize.File, c *pricing.Comparison) {
	t.Helper()
	rows, err := f.GetRows(sheetAssumptions)
	if err != nil {
		t.Fatal(err)
	}
	// affects: the words (column 2) or the ids (column 4) name it.
	has := func(vendor, affects, zh string) bool {
		for _, r := range rows {
			r = append(r, make([]string, 7)...)
			if r[0] == vendor && (strings.Contains(r[1], affects) || strings.Contains(r[3], affects)) && r[4] == zh {
				return true
			}
		}
		return false
	}
	for _, n := range c.Assumptions {
		if !has("全部供应商", "所有金额", n.Text) {
			t.Errorf("assumptions lack the shared note %s", n.ID)
		}
	}
	for _, r := range c.Vendors {
		for _, n := range r.Notes {
			if !has(r.Name, r.PlanName, n.Text) {
				t.Errorf("assumptions lack %s's note %s", r.Vendor, n.ID)
			}
		}
		for _, l := range r.Lines {
			zh, _ := wording.SplitNote(l.Note) // the 中文 column; English beside it
			if zh == "" {
				zh = l.Note
			}
			if l.Assumption && l.Note != "" && !has(r.Name, l.Item, zh) {
				t.Errorf("assumptions lack %s's interpretation on %s", r.Vendor, l.Item)
			}
		}
		for _, h := range r.Hints {
			found := false
			for _, row := range rows {
				found = found || slices.Contains(row, h)
			}
			if !found {
				t.Errorf("assumptions lack %s's hint %q", r.Vendor, h)
			}
		}
	}
}

// A vendor with unpriced items: "未定价 unpriced" in its lines (never 0),
// its total marked as a lower bound, the ids listed in the summary, and
// the assumptions sheet saying what to enter.
func TestReportUnpriced(t *testing.T) {
	s, c := decodeScenario(t, scenarioJSON("phone", 12, `"phone_agents": 5, "phone_numbers": 2, "outbound_minutes_per_month": 1000`, ""))
	var hw *pricing.Result
	for _, r := range c.Vendors {
		if r.Vendor == scenarios.Huawei {
			hw = r
		}
	}
	if hw == nil || hw.Complete || len(hw.Unpriced) == 0 {
		t.Fatalf("test scenario should leave Huawei incomplete: %+v", hw)
	}
	o := Options{}
	f := openReport(t, s, c, o)
	sh := reportVendorName(hw, o)
	unpriced := 0
	for i, l := range hw.Lines {
		if l.Priced() {
			continue
		}
		unpriced++
		for _, col := range []int{rvUnitPrice, rvAmount} {
			if got := cellText(t, f, sh, col, 3+i); got != "未定价" {
				t.Errorf("unpriced %s shows %q", l.Item, got)
			}
		}
		if got := cellText(t, f, sh, rvPriceKind, 3+i); got != "无已知价格" {
			t.Errorf("unpriced %s price kind %q", l.Item, got)
		}
	}
	if unpriced == 0 {
		t.Fatal("no unpriced line in Huawei's breakdown")
	}
	totalRow := findRow(t, f, sh, rvLabel, 3, "合计")
	if fm := cellNumFmt(t, f, sh, rvAmount, totalRow); fm != `"至少 "#,##0.00` {
		t.Errorf("incomplete total format %q, want a lower bound 至少 …", fm)
	}
	row := findRow(t, f, sheetSummary, rsVendor, 3, hw.Name)
	if got := cellText(t, f, sheetSummary, rsUnpricedIDs, row); got != strings.Join(hw.Unpriced, ", ") {
		t.Errorf("summary unpriced ids %q, want %v", got, hw.Unpriced)
	}
	if got := cellText(t, f, sheetSummary, rsUnpriced, row); got != "基础型座席（包月）" || strings.Contains(got, ".") {
		t.Errorf("summary unpriced %q, want the item's name", got)
	}
	if got := cellText(t, f, sheetSummary, rsComplete, row); got != "否" {
		t.Errorf("summary complete %q, want 否", got)
	}
	if fm := cellNumFmt(t, f, sheetSummary, rsTotal, row); fm != `"至少 "#,##0.00` {
		t.Errorf("summary incomplete total format %q", fm)
	}
	if got := cellText(t, f, sheetSummary, rsCheapest, row); strings.Contains(got, "★") || strings.Contains(got, "最便宜") {
		t.Errorf("an incomplete vendor is marked %q", got)
	}
	all := sheetText(t, f, sheetAssumptions)
	for _, id := range hw.Unpriced {
		if !strings.Contains(all, "vendors.huawei-cec.prices."+id) {
			t.Errorf("assumptions do not say where to enter a price for %s", id)
		}
	}
}

func TestReportXLSXEnglishAndInputs(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	o := Options{Lang: "en"}
	f := openReport(t, s, c, o)
	if got := f.GetSheetList(); !slices.Contains(got, "Tencent Qidian") {
		t.Errorf("English sheets %q lack Tencent Qidian", got)
	}
	if v := cellText(t, f, "Tencent Qidian", rvLabel, 3); v != "Online CS, basic" && !strings.Contains(v, "Online") {
		t.Errorf("English label %q", v)
	}
	if strings.Contains(sheetText(t, f, sheetSummary), "Generated / ") {
		t.Error("a report without a generated time shows one")
	}
	// Demand: every input, changes with their dates, the quoted price.
	rows, err := f.GetRows(sheetDemand, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"demand", "", "", "chats_per_day", "Bot chats per day", "3000"},
		{"demand", "", "", "online_agents", "Online agents", "5"},
		{"change", "", "2027-07-01", "online_agents", "Online agents", "8"},
		{"vendor setting", "Huawei", "", "prices.seat.online.month", "your quote (CNY per unit)", "150"},
		{"vendor setting", "Aliyun", "", "enabled", "enabled", "true"},
		{"scenario", "", "", "name", "scenario name", "2027 客服中心采购"},
		{"demand", "", "", "call_length", "Call length model", "exponential"},
	}
	for _, w := range want {
		found := false
		for _, r := range rows {
			found = found || slices.Equal(r, w)
		}
		if !found {
			t.Errorf("demand sheet lacks %q", w)
		}
	}
	if err := XLSX(&bytes.Buffer{}, s, c, Options{Lang: "fr"}); err == nil {
		t.Error("language fr accepted")
	}
}

func TestReportSheetName(t *testing.T) {
	taken := map[string]bool{sheetSummary: true, "tencent-qidian": true}
	for _, tc := range []struct{ name, id, want string }{
		{"腾讯企点客服", "tencent-qidian", "腾讯企点客服"},
		{"A/B: [x]*?", "ab", "A B   x"},
		{strings.Repeat("长", 40), "x", strings.Repeat("长", 31)},
		{"Aliyun Intelligent Contact Center", "aliyun-icc", "Aliyun Intelligent Contact"},
		{sheetSummary, "summary", "summary"},
		{"", "tencent-qidian", "tencent-qidian 2"},
	} {
		if got := reportSheetName(tc.name, tc.id, taken); got != tc.want {
			t.Errorf("reportSheetName(%q, %q) = %q, want %q", tc.name, tc.id, got, tc.want)
		}
	}
}

// The CSV: a BOM, one header, every row the same width; breakdown lines
// sum to the summary totals; monthly rows to the same; unpriced lines say
// so; every assumption is there.
func TestReportCSVContents(t *testing.T) {
	for _, file := range []string{exampleScenario, benchScenario} {
		s, c := compareFile(t, file)
		data, err := CSV(s, c, Options{Generated: reportTime})
		if err != nil {
			t.Fatal(err)
		}
		checkReportCSV(t, data, c)
	}
	s, c := decodeScenario(t, scenarioJSON("phone", 12, `"phone_agents": 5, "phone_numbers": 2, "outbound_minutes_per_month": 1000`, ""))
	data, err := CSV(s, c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReportCSV(t, data, c)
}

func checkReportCSV(t *testing.T, data []byte, c *pricing.Comparison) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Fatal("no UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll() // fails on ragged rows
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	get := func(r []string, name string) string { return r[col[name]] }
	complete := map[string]bool{}
	for _, r := range c.Vendors {
		complete[r.Vendor] = r.Complete
	}
	lineSum, monthSum, lastCum, totals := map[string]decimal.Decimal{}, map[string]decimal.Decimal{}, map[string]string{}, map[string]string{}
	assumptions := map[string]bool{}
	for _, r := range rows[1:] {
		v := get(r, "vendor")
		switch get(r, "section") {
		case "line":
			if get(r, "amount") == "未定价 unpriced" {
				if get(r, "unit_price") != "未定价 unpriced" {
					t.Errorf("unpriced line %s has unit price %q", get(r, "key"), get(r, "unit_price"))
				}
				continue
			}
			lineSum[v] = lineSum[v].Add(decimal.RequireFromString(get(r, "amount")))
		case "monthly":
			monthSum[v] = monthSum[v].Add(decimal.RequireFromString(get(r, "amount")))
			lastCum[v] = get(r, "cumulative")
			// A month's cash of an incomplete vendor is its priced part, a
			// lower bound as its total is.
			if k := get(r, "key"); k != "after_horizon" && (k == "known_cash") == complete[v] {
				t.Errorf("%s %s: monthly key %q (complete %v): an incomplete vendor's month is known_cash", v, get(r, "date"), k, complete[v])
			}
		case "summary":
			if k := get(r, "key"); k == "total" || k == "known_total" {
				totals[v] = get(r, "amount")
				if partial := k == "known_total"; partial == complete[v] || partial && !strings.Contains(get(r, "text_en"), "lower bound") {
					t.Errorf("%s: summary key %s (complete %v), text %q: an incomplete total is known_total, a lower bound", v, k, complete[v], get(r, "text_en"))
				}
			}
		case "alternative":
			// Another plan's total that lacks prices is keyed known_…, as
			// the summary's: a lower bound, never a plain total.
			if k := get(r, "key"); get(r, "amount") != "" && strings.HasPrefix(k, "known_") != strings.Contains(get(r, "text_en"), "lower bound") {
				t.Errorf("%s alternative %s: key %q, text %q", v, get(r, "plan"), k, get(r, "text_en"))
			}
		case "assumption":
			assumptions[v+"|"+get(r, "text")+get(r, "text_en")] = true
		}
	}
	for _, r := range c.Vendors {
		if reportServesNone(r) {
			if totals[r.Vendor] != "" {
				t.Errorf("%s serves none but has total %q", r.Vendor, totals[r.Vendor])
			}
			continue
		}
		want := wording.Fixed(r.Total)
		if totals[r.Vendor] != want || wording.Fixed(lineSum[r.Vendor]) != want || wording.Fixed(monthSum[r.Vendor]) != want || lastCum[r.Vendor] != want {
			t.Errorf("%s: summary %s, lines %s, months %s, cumulative %s; want %s", r.Vendor, totals[r.Vendor],
				lineSum[r.Vendor], monthSum[r.Vendor], lastCum[r.Vendor], want)
		}
		for _, n := range r.Notes {
			if !assumptions[r.Vendor+"|"+n.Text+n.EN] {
				t.Errorf("CSV lacks %s's note %s", r.Vendor, n.ID)
			}
		}
		for _, l := range r.Lines {
			// A bilingual note is split into text and text_en.
			zh, en := wording.SplitNote(l.Note)
			if l.Assumption && l.Note != "" && !assumptions[r.Vendor+"|"+zh+en] {
				t.Errorf("CSV lacks %s's interpretation on %s", r.Vendor, l.Item)
			}
		}
	}
	for _, n := range c.Assumptions {
		if !assumptions["|"+n.Text+n.EN] {
			t.Errorf("CSV lacks the shared note %s", n.ID)
		}
	}
}

// TestReportExamples writes reports of the test scenarios to
// $KEFUCOST_REPORT_OUT with a plain-text dump of every sheet, for looking
// at them; skipped without it.
func TestReportExamples(t *testing.T) {
	dir := os.Getenv("KEFUCOST_REPORT_OUT")
	if dir == "" {
		t.Skip("set KEFUCOST_REPORT_OUT=DIR to write example reports")
	}
	for _, file := range []string{benchScenario, exampleScenario} {
		s, c := compareFile(t, file)
		base := strings.TrimSuffix(filepath.Base(file), ".kefucost.json")
		for _, lang := range []string{"zh", "en"} {
			o := Options{Lang: lang, Generated: time.Now()}
			var b bytes.Buffer
			if err := XLSX(&b, s, c, o); err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, base+"-"+lang)
			if err := os.WriteFile(name+".xlsx", b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			var dump strings.Builder
			for _, sh := range f.GetSheetList() {
				rows, _ := f.GetRows(sh)
				fmt.Fprintf(&dump, "===== %s\n", sh)
				for i, r := range rows {
					fmt.Fprintf(&dump, "%3d | %s\n", i+1, strings.Join(r, " | "))
				}
			}
			f.Close()
			if err := os.WriteFile(name+".txt", []byte(dump.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The workbook carries the purchase schedule (pricing-rules §7.5), each
// purchase with its date, amount and end, in the buyer's language.
func TestReportScheduleSheet(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	f := openReport(t, s, c, Options{Generated: reportTime})
	rows, err := f.GetRows(sheetSchedule)
	if err != nil {
		t.Fatal(err)
	}
	var chatopera [][]string
	for _, r := range rows[1:] {
		if len(r) > 0 && r[0] == "Chatopera 机器人平台" {
			chatopera = append(chatopera, r)
		}
	}
	// Three 10,000 元 packs, one a year from 2027-01-01 (compare_test.go).
	if len(chatopera) != 3 || chatopera[0][1] != "2027-01-01" || chatopera[0][6] != "2027-12-31" || chatopera[2][1] != "2029-01-01" {
		t.Fatalf("schedule rows %q", chatopera)
	}
	if v, _ := f.GetCellValue(sheetSchedule, "F2"); v != "10000.00" && v != "10,000.00" {
		t.Errorf("amount cell %q", v)
	}
	if unit := chatopera[0][4]; unit == "pack" {
		t.Errorf("unit %q is not worded in Chinese", unit)
	}
}

// The conclusion is the first sheet and reads on one page: the answer, the
// ranking, the gaps, the price dates with the vendors' public pages and a
// check request for old prices, the chart as a PNG picture; in Chinese no
// English unit, no file name.
func TestWorkbookConclusion(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	for _, o := range []Options{{Lang: "zh", Generated: reportTime}, {Lang: "en", Generated: reportTime}} {
		f := openReport(t, s, c, o)
		if got := f.GetSheetList()[0]; got != sheetConclusion {
			t.Errorf("%s: first sheet %q, want %s", o.Lang, got, sheetConclusion)
		}
		answer, _ := conclusionRows(t, f)
		if got := calcText(t, f, sheetConclusion, 1, answer); !strings.HasPrefix(got, o.t("最便宜的完整供应商：腾讯企点客服", "Cheapest complete vendor: Tencent Qidian")) {
			t.Errorf("%s: the answer computes to %q", o.Lang, got)
		}
		all := sheetText(t, f, sheetConclusion)
		// The cheapest combination: a formula over the combinations sheet.
		comboFound := false
		for row := 1; row < answer+5; row++ {
			if fm, _ := f.GetCellFormula(sheetConclusion, cellName(1, row)); strings.Contains(fm, sheetCombinations) {
				comboFound = true
				if got := calcText(t, f, sheetConclusion, 1, row); got != wording.Answer(o.Lang, c) {
					t.Errorf("%s: the combination computes to %q, want %q", o.Lang, got, wording.Answer(o.Lang, c))
				}
				// As bold as the single vendor's answer: here the combination
				// is the cheaper way (52,777.20 against 68,177.20).
				for _, r := range []int{answer, row} {
					id, _ := f.GetCellStyle(sheetConclusion, cellName(1, r))
					if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
						t.Errorf("%s: answer row %d is not bold", o.Lang, r)
					}
				}
			}
		}
		if !comboFound {
			t.Errorf("%s: no combination formula under the answer", o.Lang)
		}
		want := []string{
			o.t("不提供：", "does not serve: "), o.t("请核实最新价格", "check current prices"), "2021-12-20",
			"https://help.aliyun.com/zh/aiccs/", "https://qidian.qq.com/", "https://support.huaweicloud.com/price-cec/cec_03_0003.html"}
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: the conclusion lacks %q", o.Lang, w)
			}
		}
		for _, sh := range f.GetSheetList() {
			text := sheetText(t, f, sh)
			for _, bad := range []string{"seed ", ".txt", "docfx_project"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s: sheet %s names a file (%q) instead of a public page", o.Lang, sh, bad)
				}
			}
		}
		if o.Lang == "zh" {
			for _, sh := range []string{sheetConclusion, reportVendorSheets(c, o)["tencent-qidian"], reportVendorSheets(c, o)["huawei-cec"]} {
				text := sheetText(t, f, sh)
				for _, bad := range []string{"seat·month", "user·year", "pack ", "your quote", "undated"} {
					if strings.Contains(text, bad) {
						t.Errorf("zh: sheet %s reads %q in English", sh, bad)
					}
				}
			}
		}
		pics, err := f.GetPictures(sheetConclusion, findPictureCell(t, f))
		if err != nil || len(pics) != 1 || pics[0].Extension != ".png" || !bytes.HasPrefix(pics[0].File, []byte("\x89PNG")) {
			t.Errorf("%s: conclusion picture %d (%v), want one PNG chart", o.Lang, len(pics), err)
		}
		ps, err := f.GetPageLayout(sheetConclusion)
		if err != nil || ps.FitToHeight == nil || *ps.FitToHeight != 1 || ps.FitToWidth == nil || *ps.FitToWidth != 1 {
			t.Errorf("%s: conclusion page layout %+v (%v), want fitted to one page", o.Lang, ps, err)
		}
	}
}

// The report says which amounts it shows: as published (VAT included) or
// net of VAT (÷ 1.06), on the conclusion and the summary.
func TestWorkbookStatesVAT(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	for _, tc := range []struct {
		c    *pricing.Comparison
		want string
	}{{c, "金额为厂商公布价（含税）"}, {c.WithoutVAT(), "金额不含税：厂商公布价 ÷ 1.06"}} {
		f := openReport(t, s, tc.c, Options{})
		for _, sh := range []string{sheetConclusion, sheetSummary} {
			if !strings.Contains(sheetText(t, f, sh), tc.want) {
				t.Errorf("%s does not say %q", sh, tc.want)
			}
		}
	}
}

func findPictureCell(t *testing.T, f *excelize.File) string {
	t.Helper()
	cells, err := f.GetPictureCells(sheetConclusion)
	if err != nil || len(cells) == 0 {
		t.Fatalf("no picture on the conclusion (%v)", err)
	}
	return cells[0]
}

// Formulas: every formula cell has no stored value (a program computes it
// on opening, and the workbook asks for a full calculation on load), the
// yearly subtotals sum the monthly sheet, and the totals refer to the sums
// of the breakdowns; number formats are money formats.
func TestWorkbookFormulas(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	var buf bytes.Buffer
	if err := XLSX(&buf, s, c, Options{}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	formulas := 0
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == "xl/workbook.xml" && !bytes.Contains(data, []byte(`fullCalcOnLoad="1"`)) && !bytes.Contains(data, []byte(`fullCalcOnLoad="true"`)) {
			t.Errorf("workbook.xml does not ask for a full calculation on load")
		}
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		formulas += bytes.Count(data, []byte("<f>"))
		if cached := regexp.MustCompile(`</f><v>`).FindIndex(data); cached != nil {
			t.Errorf("%s: a formula cell stores a value: %q", zf.Name, data[max(0, cached[0]-80):cached[1]+20])
		}
	}
	if formulas < 100 {
		t.Errorf("%d formulas, want every amount, total and subtotal", formulas)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fm, _ := f.GetCellFormula(sheetYearly, "B2")
	if !strings.HasPrefix(fm, "SUM('逐月 Monthly'!$B$2:$B$13") {
		t.Errorf("first yearly subtotal %q, want the sum of the first 12 months", fm)
	}
	fm, _ = f.GetCellFormula(sheetSummary, cellName(rsTotal, 3))
	if !strings.HasPrefix(fm, "'Chatopera 机器人平台'!$F$") {
		t.Errorf("summary total %q, want a reference to the vendor sheet's sum", fm)
	}
	for j, r := range c.Vendors {
		row := findRow(t, f, sheetYearly, 1, 2, "合计")
		if got := cellMoney(t, f, sheetYearly, 2+j, row); !got.Equal(r.Total) {
			t.Errorf("%s: yearly subtotals sum to %s, want %s", r.Vendor, got, r.Total)
		}
		if fmt := cellNumFmt(t, f, sheetYearly, 2+j, row); fmt != xlFmtMoney && fmt != reportLowerFmt("") {
			t.Errorf("%s: yearly total format %q", r.Vendor, fmt)
		}
	}
}

// Monthly cash over the breakdown: a month in which a line is paid whole
// refers to that line's amount cell (so a changed unit price moves the
// month and the yearly budget), the rest of the month added as the
// engine's number; every month computes to the engine's cash to the fen.
func TestMonthlyCashRefersToTheBreakdown(t *testing.T) {
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
	refs, splits := 0, 0
	for j, r := range c.Vendors {
		if reportServesNone(r) {
			continue
		}
		whole := reportWholeLines(r)
		for m := range r.Monthly {
			fm, _ := f.GetCellFormula(sheetMonthly, cellName(2+j, 2+m))
			for _, li := range whole[m] {
				ref := reportSheetRef(sheets[r.Vendor]) + "!$F$" + fmt.Sprint(3+li)
				if !strings.Contains(fm, ref) {
					t.Errorf("%s month %d: %q does not refer to line %d's amount %s", r.Vendor, m+1, fm, li+1, ref)
				}
				refs++
			}
			if len(whole[m]) == 0 && fm != "" && !strings.Contains(fm, "ROUND(") {
				t.Errorf("%s month %d: formula %q where no line is paid whole nor split by month", r.Vendor, m+1, fm)
			}
			if strings.Contains(fm, "ROUND(") {
				splits++
			}
			if got := cellMoney(t, f, sheetMonthly, 2+j, 2+m); !got.Equal(r.Monthly[m]) {
				t.Errorf("%s month %d: %s (%q), the engine %s", r.Vendor, m+1, got, fm, r.Monthly[m])
			}
		}
	}
	if refs < 3 {
		t.Errorf("only %d months refer to a line paid whole: the bench scenario no longer tests this", refs)
	}
	if splits < 3 {
		t.Errorf("only %d months split a line paid over several months into formulas", splits)
	}
}

// BenchmarkReportBusy36: the full workbook from the scenario (the
// comparison, the conclusion with its chart and switched interpretations,
// every sheet) for the 36-month busy scenario; the budget is 500 ms.
func BenchmarkReportBusy36(b *testing.B) {
	s, _ := compareFile(b, benchScenario)
	for b.Loop() {
		c, err := pricing.Compare(s)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := XLSX(&buf, s, c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The combinations sheet: the answer first, the combinations cheapest
// first with the difference, each part with its share, as numbers.
// mixed-spec-example (the spec's example): Chatopera's bot 30,000.00 +
// Tencent's online 22,777.20 = 52,777.20; Tencent alone 68,177.20, 15,400.00
// (29.2 %) more.
func TestReportCombinationsSheet(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	f := openReport(t, s, c, Options{Generated: reportTime})
	sh := sheetCombinations
	if got := calcText(t, f, sh, 1, 1); got != "最便宜的全覆盖方式：Chatopera（机器人） + 腾讯企点（在线客服） = 52,777.20 元" {
		t.Errorf("answer %q", got)
	}
	// Ranks, totals, differences and shares are formulas (excelize
	// computes them here, LibreOffice in TestWorkbookRecalculatedByLibreOffice).
	for _, cell := range [][2]int{{1, 4}, {1, 5}, {4, 4}, {4, 5}, {5, 5}, {6, 5}} {
		if fm, _ := f.GetCellFormula(sh, cellName(cell[0], cell[1])); fm == "" {
			t.Errorf("%s is no formula", cellName(cell[0], cell[1]))
		}
	}
	if calcText(t, f, sh, 1, 4) != "1" || calcText(t, f, sh, 1, 5) != "2" {
		t.Errorf("ranks %q %q, want 1 2", calcText(t, f, sh, 1, 4), calcText(t, f, sh, 1, 5))
	}
	// Rank, bot, online, total, difference, %, vendors, combination.
	if cellText(t, f, sh, 2, 4) != "Chatopera" || cellText(t, f, sh, 3, 4) != "腾讯企点" || cellMoney(t, f, sh, 4, 4).StringFixed(2) != "52777.20" {
		t.Errorf("first row: %q %q %q", cellText(t, f, sh, 2, 4), cellText(t, f, sh, 3, 4), cellText(t, f, sh, 4, 4))
	}
	if cellMoney(t, f, sh, 4, 5).StringFixed(2) != "68177.20" || cellMoney(t, f, sh, 5, 5).StringFixed(2) != "15400.00" || calcText(t, f, sh, 6, 5) != "29.2" {
		t.Errorf("second row: %s %s %q", cellMoney(t, f, sh, 4, 5), cellMoney(t, f, sh, 5, 5), calcText(t, f, sh, 6, 5))
	}
	// Tencent alone takes every group: its part is the Tencent sheet's
	// total cell; the parts priced on some groups alone are numbers, said
	// to be as computed. Plan names where a person reads, ids beside.
	tencentAlone := findRow(t, f, sh, 3, 7, "机器人、在线客服")
	if fm, _ := f.GetCellFormula(sh, cellName(5, tencentAlone)); !strings.Contains(fm, reportVendorSheets(c, Options{})["tencent-qidian"]) {
		t.Errorf("Tencent's whole part %q does not refer to its sheet's total", fm)
	}
	if got := cellText(t, f, sh, 4, tencentAlone); strings.Contains(got, "tencent-") || cellText(t, f, sh, 9, tencentAlone) != "tencent-qidian-basic" {
		t.Errorf("part plan %q, id %q: want the plan's name, the id in its own column", got, cellText(t, f, sh, 9, tencentAlone))
	}
	if chatopera := findRow(t, f, sh, 2, 10, "Chatopera"); calcText(t, f, sh, 7, chatopera) != "56.8" { // 30,000 / 52,777.20
		t.Errorf("Chatopera's share %q, want 56.8", calcText(t, f, sh, 7, chatopera))
	}
	if got := calcText(t, f, sheetSummary, rsCheapest, findRow(t, f, sheetSummary, rsVendor, 3, "腾讯企点客服")); got != "唯一全覆盖" {
		t.Errorf("Tencent's rank %q", got)
	}
	all := sheetText(t, f, sh)
	// Chatopera's bot part: every line is one of Chatopera's sheet, so
	// the part refers to their amount cells.
	if fm, _ := f.GetCellFormula(sh, cellName(5, findRow(t, f, sh, 2, 10, "Chatopera"))); !strings.Contains(fm, "Chatopera") {
		t.Errorf("Chatopera's part %q does not refer to its sheet", fm)
	}
	for _, want := range []string{"每一行都是该厂商表中的明细行", "在线客服"} {
		if !strings.Contains(all, want) {
			t.Errorf("sheet lacks %q:\n%s", want, all)
		}
	}
}

// A lower bound reads as the words every output uses, "至少 …" / "at
// least …", not a "≥" a boss must guess: in the number format of
// incomplete totals and in the notes, in both languages.
func TestLowerBoundInWords(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	for _, tc := range []struct{ lang, want string }{{"zh", `"至少 "#,##0.00`}, {"en", `"at least "#,##0.00`}} {
		if got := reportLowerFmt(tc.lang); got != tc.want {
			t.Errorf("%s: lower bound format %q, want %q", tc.lang, got, tc.want)
		}
		var buf bytes.Buffer
		if err := XLSX(&buf, s, c, Options{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(rc)
			rc.Close()
			if bytes.Contains(data, []byte("≥")) {
				t.Errorf("%s: %s still says ≥", tc.lang, zf.Name)
			}
			if zf.Name == "xl/styles.xml" {
				found = bytes.Contains(data, []byte(strings.ReplaceAll(tc.want, `"`, "&#34;"))) || bytes.Contains(data, []byte(strings.ReplaceAll(tc.want, `"`, "&quot;")))
			}
		}
		if !found {
			t.Errorf("%s: no %s number format in the workbook", tc.lang, tc.want)
		}
	}
}

// Net of VAT, a breakdown line paid in one bill is a formula over the
// published figures as the engine makes the net, ROUND(ROUND(q × p ×
// rate, 2) / 1.06, 2), and computes to the engine's net amount to the fen;
// the unit price column is the published price, and says so.
func TestNetOfVATLinesAreFormulas(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	net := c.WithoutVAT()
	var buf bytes.Buffer
	if err := XLSX(&buf, s, net, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := reportVendorSheets(net, Options{})
	formulas := 0
	for _, r := range net.Vendors {
		sh := sheets[r.Vendor]
		if h := cellText(t, f, sh, rvUnitPrice, 2); h != "单价\n（含税，元）" {
			t.Errorf("%s: unit price header %q", r.Vendor, h)
		}
		whole := map[int]bool{}
		for _, lines := range reportWholeLines(r) {
			for _, li := range lines {
				whole[li] = true
			}
		}
		for i, l := range r.Lines {
			if !l.Priced() {
				continue
			}
			fm, _ := f.GetCellFormula(sh, cellName(rvAmount, 3+i))
			if l.Gross.Product && whole[i] {
				if !strings.HasPrefix(fm, "ROUND(ROUND(") || !strings.HasSuffix(fm, "/1.06,2)") {
					t.Errorf("%s line %d: %q, want ROUND(ROUND(q*p*rate,2)/1.06,2)", r.Vendor, i+1, fm)
				}
				formulas++
			}
			if got := cellMoney(t, f, sh, rvAmount, 3+i); !got.Equal(*l.Amount) {
				t.Errorf("%s line %d: %s (%q), the engine's net %s", r.Vendor, i+1, got, fm, l.Amount)
			}
		}
	}
	if formulas < 3 {
		t.Errorf("only %d net lines are formulas", formulas)
	}
}

// The conclusion says, as the window does under its chart, who has paid
// least so far and from when another way is cheaper; the chart picture
// carries the same sentence (chart's caption). Three phone agents:
// Tencent and Aliyun both cover everything.
func TestConclusionSaysTheLeads(t *testing.T) {
	s, c := decodeScenario(t, scenarioJSON("三个电话坐席", 24, `"chats_per_day": 0, "online_agents": 0, "bots": 0, "phone_agents": 3`, ""))
	for _, lang := range []string{"zh", "en"} {
		want := wording.LeadsText(lang, c)
		if want == "" {
			t.Fatal("the test scenario has no leads")
		}
		f := openReport(t, s, c, Options{Lang: lang, Generated: reportTime})
		if all := sheetText(t, f, sheetConclusion); !strings.Contains(all, want) {
			t.Errorf("%s: the conclusion lacks %q:\n%s", lang, want, all)
		}
	}
}
