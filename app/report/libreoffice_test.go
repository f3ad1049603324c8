package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// The workbook in a real spreadsheet program: LibreOffice opens each
// report, computes every formula (the workbook holds none of their
// values), and writes every sheet as CSV. The totals its formulas give —
// each vendor sheet's SUM of quantity × unit price × rate, the summary and
// conclusion totals that refer to them, the monthly and yearly sums —
// equal the engine's to the fen. A copy with one unit price changed shows
// the total move by exactly that line's change.
func TestWorkbookRecalculatedByLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice Calc) is not installed, so the workbook cannot be recalculated by a spreadsheet program: make deps installs it")
	}
	if os.Getenv("KEFUCOST_LIBREOFFICE") == "" {
		t.Skip("LibreOffice takes half a minute: make test runs it (KEFUCOST_LIBREOFFICE=1)")
	}
	dir := t.TempDir()
	type book struct {
		name string
		s    *scenarios.Scenario
		c    *pricing.Comparison
		o    Options
		// changed: the vendor, line and new unit price of an edited copy,
		// the month the line is paid in and the change of its amount.
		edited bool
		vendor string
		line   int
		price  decimal.Decimal
		month  int
		delta  decimal.Decimal
		// overtake: the edit makes the cheapest vendor the dearer.
		overtake bool
	}
	var books []book
	for _, tc := range []struct{ name, file, lang string }{
		{"example-zh", exampleScenario, "zh"},
		{"bench-zh", benchScenario, "zh"},
		{"bench-en", benchScenario, "en"},
		{"aliyun-3y-zh", "../cli/testdata/scenarios/aliyun-seats-36m.kefucost.json", "zh"},
		{"discount-zh", "../cli/testdata/scenarios/discount-override.kefucost.json", "zh"},
		{"bench-net-zh", benchScenario, "zh"},
	} {
		s, c := compareFile(t, tc.file)
		if strings.HasSuffix(tc.name, "-net-zh") {
			c = c.WithoutVAT() // net of VAT: the sheets add up to the net totals
		}
		books = append(books, book{name: tc.name, s: s, c: c, o: Options{Lang: tc.lang, Generated: reportTime}})
	}
	// The trial's what-if: a phone centre Aliyun serves cheapest, Huawei
	// second.
	for _, lang := range []string{"zh", "en"} {
		s, c := phoneScenario(t)
		books = append(books, book{name: "phone-" + lang, s: s, c: c, o: Options{Lang: lang, Generated: reportTime}})
	}
	var files []string
	for _, bk := range books {
		var buf bytes.Buffer
		if err := XLSX(&buf, bk.s, bk.c, bk.o); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, bk.name+".xlsx")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	// The edited copies: the bench scenario's first vendor line that is a
	// product paid whole in one month gets unit price + 1: its total, that
	// month, the yearly budget and the cumulative cash all move. Net of
	// VAT, the price is the published one and the amount its net,
	// ROUND(ROUND(q × p × rate, 2) / 1.06, 2).
	edit := func(src int, name string) {
		t.Helper()
		edited := books[src]
		edited.name, edited.edited = name, true
		f, err := excelize.OpenFile(files[src])
		if err != nil {
			t.Fatal(err)
		}
	find:
		for _, r := range edited.c.Vendors {
			whole := reportWholeLines(r)
			for i, l := range r.Lines {
				month := -1
				for m, lines := range whole {
					if slices.Contains(lines, i) {
						month = m
					}
				}
				g := l
				if edited.c.ExcludesVAT {
					g = l.Gross
				}
				if g == nil || !g.Product || month < 0 {
					continue
				}
				edited.vendor, edited.line, edited.month = r.Vendor, i, month
				price := *g.UnitPrice
				rate := decimal.NewFromInt(1)
				if g.ListPrice != nil {
					price = *g.ListPrice
					for _, x := range g.Rates {
						rate = rate.Mul(x.Value)
					}
				}
				edited.price = price.Add(decimal.NewFromInt(1))
				amount := l.Quantity.Mul(edited.price).Mul(rate).Round(2)
				if edited.c.ExcludesVAT {
					amount = amount.DivRound(decimal.RequireFromString("1.06"), 2)
				}
				edited.delta = amount.Sub(*l.Amount)
				sh := reportVendorSheets(edited.c, edited.o)[r.Vendor]
				if err := f.SetCellFloat(sh, cellName(rvUnitPrice, 3+i), edited.price.InexactFloat64(), -1, 64); err != nil {
					t.Fatal(err)
				}
				break find
			}
		}
		if edited.vendor == "" || edited.delta.IsZero() {
			t.Fatalf("%s: no product line paid whole in one month to edit", name)
		}
		p := filepath.Join(dir, edited.name+".xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		f.Close()
		files = append(files, p)
		books = append(books, edited)
	}
	edit(1, "bench-edited")
	edit(5, "bench-net-edited")
	// The phone centre with the cheapest vendor's line priced so that it
	// becomes the dearer: the answer, ranks and differences follow.
	overtake := func(src int, name string) {
		t.Helper()
		edited := books[src]
		edited.name, edited.edited, edited.overtake = name, true, true
		sh, line, price, delta := priceToOvertake(t, edited.c, edited.o)
		ranked, _ := reportRanked(edited.c)
		edited.vendor, edited.line, edited.price, edited.delta = ranked[0].Vendor, line, price, delta
		edited.month = -1
		for m, lines := range reportWholeLines(ranked[0]) {
			if slices.Contains(lines, line) {
				edited.month = m
			}
		}
		f, err := excelize.OpenFile(files[src])
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellFloat(sh, cellName(rvUnitPrice, 3+line), price.InexactFloat64(), -1, 64); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name+".xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		f.Close()
		files = append(files, p)
		books = append(books, edited)
	}
	overtake(6, "phone-zh-overtaken")
	overtake(7, "phone-en-overtaken")

	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// CSV of every sheet (the 12th token, -1), values as computed, not as
	// shown (the 9th, false).
	args := append([]string{"--headless", "--norestore", "--calc",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	start := time.Now()
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	t.Logf("soffice recalculated and converted %d workbooks in %v", len(files), time.Since(start).Round(time.Millisecond))

	for _, bk := range books {
		sheet := func(name string) [][]string {
			t.Helper()
			p := filepath.Join(out, bk.name+"-"+name+".csv")
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatalf("%s: LibreOffice wrote no sheet %q: %v", bk.name, name, err)
			}
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatalf("%s %s: %v", bk.name, name, err)
			}
			return rows
		}
		money := func(where, v string) decimal.Decimal {
			t.Helper()
			d, err := decimal.NewFromString(v)
			if err != nil {
				t.Fatalf("%s %s: %q is not a number LibreOffice computed", bk.name, where, v)
			}
			return d.Round(2)
		}
		engine := map[string]decimal.Decimal{}
		for _, r := range bk.c.Vendors {
			engine[r.Vendor] = r.Total
			if bk.edited && r.Vendor == bk.vendor {
				engine[r.Vendor] = r.Total.Add(bk.delta)
			}
		}
		checked := 0
		for j, r := range bk.c.Vendors {
			if reportServesNone(r) {
				continue
			}
			want := engine[r.Vendor]
			vs := sheet(reportVendorSheets(bk.c, bk.o)[r.Vendor])
			total := ""
			for _, row := range vs[2:] {
				if row[rvLabel-1] == bk.o.t("合计", "Total") {
					total = row[rvAmount-1]
					break
				}
			}
			if got := money(r.Vendor+" total", total); !got.Equal(want) {
				t.Errorf("%s %s: LibreOffice sums the breakdown to %s, the engine %s", bk.name, r.Vendor, got, want)
			}
			for _, row := range sheet(sheetSummary)[2:] {
				if row[rsVendor-1] == reportVendorName(r, bk.o) {
					if got := money("summary", row[rsTotal-1]); !got.Equal(want) {
						t.Errorf("%s %s: summary total %s, want %s", bk.name, r.Vendor, got, want)
					}
					checked++
				}
			}
			found := false
			for _, row := range sheet(sheetConclusion) {
				if len(row) > 2 && row[1] == reportVendorPlan(r, bk.o) && row[2] != "" {
					if got := money("conclusion", row[2]); !got.Equal(want) {
						t.Errorf("%s %s: conclusion total %s, want %s", bk.name, r.Vendor, got, want)
					}
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s %s: no total in the conclusion", bk.name, r.Vendor)
			}
			// Monthly: the total row (after the months and the after-horizon
			// row) sums the months; the yearly sheet's total row too. In the
			// edited copy, the edited line's month moved with its price.
			ms := sheet(sheetMonthly)
			if bk.edited && r.Vendor == bk.vendor && bk.month >= 0 {
				want := r.Monthly[bk.month].Add(bk.delta)
				if got := money("edited month", ms[1+bk.month][1+j]); !got.Equal(want) {
					t.Errorf("%s %s: month %d shows %s after the price change, want %s + %s = %s", bk.name, r.Vendor, bk.month+1, got, r.Monthly[bk.month], bk.delta, want)
				}
			}
			if got := money("monthly total", ms[bk.c.Months+2][1+j]); !got.Equal(want) {
				t.Errorf("%s %s: monthly sheet total %s, want %s", bk.name, r.Vendor, got, want)
			}
			if got := money("cumulative", ms[bk.c.Months+1][1+len(bk.c.Vendors)+j]); !got.Equal(want) {
				t.Errorf("%s %s: cumulative at the end %s, want %s", bk.name, r.Vendor, got, want)
			}
			ys := sheet(sheetYearly)
			for _, row := range ys {
				if row[0] == bk.o.t("合计", "Total") {
					if got := money("yearly total", row[1+j]); !got.Equal(want) {
						t.Errorf("%s %s: yearly subtotals sum to %s, want %s", bk.name, r.Vendor, got, want)
					}
					checked++
					break
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: nothing checked", bk.name)
		}
		checkConclusionComputed(t, bk.name, sheet(sheetConclusion), bk.c, bk.o, engine, bk.edited)
		// Unedited, the combinations' totals (sums of parts that refer to
		// the vendor sheets) are the engine's and the conclusion's
		// cheapest combination is its sentence.
		if bk.overtake {
			// The edited vendor alone as a combination (its own result)
			// moved with its sheet; its ranking word gives its new rank.
			cs := sheet(sheetCombinations)
			for i, cb := range bk.c.Combinations {
				if len(cb.Parts) == 1 && cb.Parts[0].Vendor == bk.vendor {
					if got, want := money("combination", cs[3+i][1+len(bk.c.Groups)]), cb.Total.Add(bk.delta); !got.Equal(want) {
						t.Errorf("%s: combination %d (%s alone) total %s after the edit, want %s", bk.name, i+1, bk.vendor, got, want)
					}
				}
			}
			vs := sheet(reportVendorSheets(bk.c, bk.o)[bk.vendor])
			word := ""
			for _, row := range vs {
				if row[rvLabel-1] == bk.o.t("排名", "Rank") {
					word = row[rvQuantity-1]
				}
			}
			if !strings.HasPrefix(word, bk.o.t("第 2 名", "rank 2")) {
				t.Errorf("%s: %s's ranking word after the edit %q, want rank 2", bk.name, bk.vendor, word)
			}
		}
		if !bk.edited && len(bk.c.Combinations) > 0 {
			cs := sheet(sheetCombinations)
			for i := range bk.c.Combinations {
				if got := money("combination", cs[3+i][1+len(bk.c.Groups)]); !got.Equal(bk.c.Combinations[i].Total) {
					t.Errorf("%s: combination %d total %s, want %s", bk.name, i+1, got, bk.c.Combinations[i].Total)
				}
			}
			found := false
			for _, row := range sheet(sheetConclusion) {
				found = found || strings.HasPrefix(row[0], wording.Answer(bk.o.Lang, bk.c))
			}
			if !found {
				t.Errorf("%s: the conclusion's combination does not compute to %q", bk.name, wording.Answer(bk.o.Lang, bk.c))
			}
		}
		// Bought on the first day: the schedule's first-day amounts, those
		// paying one breakdown line refer to it (the edited line moves it).
		ys := sheet(sheetYearly)
		for j, r := range bk.c.Vendors {
			if reportServesNone(r) {
				continue
			}
			want, lines := decimal.Zero, reportScheduleLines(r)
			for pi, p := range r.Schedule {
				if p.Date.Equal(bk.c.Start) && p.Amount != nil {
					want = want.Add(*p.Amount)
					if bk.edited && r.Vendor == bk.vendor && lines[pi] == bk.line {
						want = want.Add(bk.delta)
					}
				}
			}
			for _, row := range ys {
				if strings.HasPrefix(row[0], bk.o.t("首日购买", "Bought on the first day")) {
					if got := money("first day", row[1+j]); !got.Equal(want) {
						t.Errorf("%s %s: bought on the first day %s, want %s", bk.name, r.Vendor, got, want)
					}
				}
			}
		}
		if bk.edited {
			t.Logf("%s: %s line %d unit price → %s moved the total by %s", bk.name, bk.vendor, bk.line+1, bk.price, bk.delta)
		}
	}
	if !strings.Contains(strings.Join(files, " "), "overtaken") {
		t.Fatal("the overtaken copy was not converted")
	}
	if !strings.Contains(strings.Join(files, " "), "edited") {
		t.Fatal("the edited copy was not converted")
	}
}

// checkConclusionComputed checks the conclusion as LibreOffice computed
// it: unedited, the answer is the engine's sentence and the check cell is
// empty; the ranked rows' ranks and "more than the cheapest" follow the
// totals (engine: each vendor's expected total), so after an edit that
// changes the order the answer names the new cheapest, ranks follow the
// totals, no difference is negative, and the check cell warns.
func checkConclusionComputed(t *testing.T, name string, rows [][]string, c *pricing.Comparison, o Options, engine map[string]decimal.Decimal, edited bool) {
	t.Helper()
	ranked, _ := reportRanked(c)
	if len(ranked) == 0 {
		return
	}
	order := slices.Clone(ranked)
	slices.SortStableFunc(order, func(a, b *pricing.Result) int { return engine[a.Vendor].Cmp(engine[b.Vendor]) })
	answer := ""
	for _, row := range rows {
		if strings.HasPrefix(row[0], o.t("最便宜的完整供应商：", "Cheapest complete vendor: ")) {
			answer = row[0]
		}
	}
	if answer == "" {
		t.Errorf("%s: LibreOffice computed no answer", name)
		return
	}
	if !edited && answer != reportAnswer(c, o) {
		t.Errorf("%s: LibreOffice computes the answer\n%q, the engine says\n%q", name, answer, reportAnswer(c, o))
	}
	if want := o.t("最便宜的完整供应商："+reportVendorPlan(order[0], o), "Cheapest complete vendor: "+reportVendorPlan(order[0], o)); !strings.HasPrefix(answer, want) {
		t.Errorf("%s: answer %q, want it to start %q", name, answer, want)
	}
	if !strings.Contains(answer, wording.Money(engine[order[0].Vendor])) {
		t.Errorf("%s: answer %q lacks the cheapest total %s", name, answer, wording.Money(engine[order[0].Vendor]))
	}
	warned := false
	for _, row := range rows {
		warned = warned || row[0] == reportStaleWords(o)
	}
	if warned != edited {
		t.Errorf("%s: the check cell warns %v, want %v", name, warned, edited)
	}
	for _, row := range rows {
		for k, r := range order {
			if len(row) > 3 && row[1] == reportVendorPlan(r, o) && row[0] != o.t("不排名", "unranked") {
				if row[0] != strconv.Itoa(k+1) {
					t.Errorf("%s %s: rank %q, want %d", name, r.Vendor, row[0], k+1)
				}
				d, err := decimal.NewFromString(row[3])
				if err != nil || !d.Round(2).Equal(engine[r.Vendor].Sub(engine[order[0].Vendor])) {
					t.Errorf("%s %s: more than the cheapest %q, want %s", name, r.Vendor, row[3], engine[r.Vendor].Sub(engine[order[0].Vendor]))
				}
			}
		}
	}
}
