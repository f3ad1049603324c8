package report

import (
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// A line's interpretation note is written in both languages; the report
// shows the part its reader reads: the vendor sheets' note column in the
// report's language, the Assumptions sheet's 中文 and English columns
// each in theirs (the 中文 column held both, English none), the summary's
// notes in the report's language only.
func TestReportNotesInTheReportsLanguage(t *testing.T) {
	s, c := compareFile(t, benchScenario)
	lines := 0
	for _, r := range c.Vendors {
		for _, l := range r.Lines {
			if l.Assumption && l.Note != "" && hasHan(l.Note) && strings.Contains(l.Note, " the ") {
				lines++
			}
		}
	}
	if lines == 0 {
		t.Fatal("no bilingual line note in the bench scenario: the test shows nothing")
	}
	for _, lang := range []string{"zh", "en"} {
		o := Options{Lang: lang}
		f := openReport(t, s, c, o)
		for id, sh := range reportVendorSheets(c, o) {
			rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range rows {
				if i == 0 || len(r) < int(rvNote) {
					continue
				}
				n := r[rvNote-1]
				if lang == "en" && hasHan(n) || lang == "zh" && strings.Contains(n, " the ") {
					t.Errorf("%s %s row %d: note %q is not in the report's language", lang, id, i+1, n)
				}
			}
		}
		rows, err := f.GetRows(sheetAssumptions)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows[1:] {
			r = append(r, make([]string, 7)...)
			if strings.Contains(r[4], " the ") || hasHan(r[5]) {
				t.Errorf("%s assumptions row %d: 中文 %q / English %q", lang, i+2, r[4], r[5])
			}
			if r[4] != "" && hasHan(r[4]) && r[5] == "" {
				t.Errorf("%s assumptions row %d: no English for %q", lang, i+2, r[4])
			}
		}
		sum := sheetText(t, f, sheetSummary)
		if lang == "en" && strings.Contains(sum, "至少 …：") || lang == "zh" && strings.Contains(sum, "at least …:") {
			t.Errorf("%s summary notes in the other language:\n%s", lang, sum)
		}
	}
}

// The workbook's statuses name the needs in words ("不覆盖：在线客服坐席"),
// not "在线客服坐席 (online_agents)": the ids have their own columns.
func TestWorkbookStatusInWords(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	for _, lang := range []string{"zh", "en"} {
		f := openReport(t, s, c, Options{Lang: lang})
		if all := sheetText(t, f, sheetConclusion); strings.Contains(all, "online_agents") {
			t.Errorf("%s: the conclusion names a field by its id:\n%s", lang, all)
		}
		// The summary's status column (its uncovered column keeps the ids).
		for row := 3; row < 3+len(c.Vendors); row++ {
			if st := cellText(t, f, sheetSummary, rsStatus, row); strings.Contains(st, "online_agents") {
				t.Errorf("%s: summary status %q names a field by its id", lang, st)
			}
		}
		if all := sheetText(t, f, sheetConclusion); lang == "zh" && !strings.Contains(all, "不覆盖：在线客服坐席") {
			t.Errorf("zh conclusion lacks 不覆盖：在线客服坐席:\n%s", all)
		}
	}
}

// Why another plan is not comparable is said in the report's language:
// a Chinese workbook and the CSV's text column read "未定价：电话号码月租、
// 通话分钟", not the engine's "unpriced: phone.number.month, phone.minute".
func TestPlanReasonInTheReportsLanguage(t *testing.T) {
	s, c := decodeScenario(t, scenarioJSON("phone", 1, `"phone_numbers": 2, "inbound_minutes_per_month": 30000`, ""))
	reasons := 0
	for _, r := range c.Vendors {
		for _, a := range r.Alternatives {
			if strings.HasPrefix(a.Reason, "unpriced: ") {
				reasons++
			}
		}
	}
	if reasons == 0 {
		t.Fatal("no other plan lacks prices: the test shows nothing")
	}
	f := openReport(t, s, c, Options{Lang: "zh"})
	for _, sh := range append([]string{sheetSummary}, mapValues(reportVendorSheets(c, Options{Lang: "zh"}))...) {
		if all := sheetText(t, f, sh); strings.Contains(all, "unpriced:") || !strings.Contains(all, "未定价：") && sh == sheetSummary {
			t.Errorf("zh %s: a plan's reason in English, or none in Chinese:\n%s", sh, all)
		}
	}
	data, err := CSV(s, c, Options{Lang: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "alternative,") && strings.Contains(line, "unpriced:") && !strings.Contains(line, "未定价：") {
			t.Errorf("CSV alternative without the Chinese reason: %s", line)
		}
	}
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
