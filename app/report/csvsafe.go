package report

import (
	"encoding/csv"
	"io"
	"regexp"
)

// Every CSV kefucost writes is opened in a spreadsheet, often by someone
// other than the person who typed the scenario: scenario files are mailed
// between buyers and vendors' sales staff. A spreadsheet takes a cell that
// starts with =, +, - or @ (or a tab or carriage return before one) as a
// formula, and a formula can fetch a web address with the sheet's contents
// in it (CSV or formula injection). So every CSV goes through CSVWriter,
// which neutralises such cells the way OWASP's CSV-injection guidance
// recommends: a single quote in front makes the spreadsheet show the cell as
// text. Numbers the program writes (amounts such as -12.50) are left as
// they are, so that they stay numbers; a number is not a formula.

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (OWASP: equals, plus, minus, at, tab, carriage return).
const formulaStarts = "=+-@\t\r"

// plainNumber is a number as the program writes amounts, quantities and
// prices: an optional minus, digits, optionally a point and digits.
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// SafeCell returns s as a CSV cell that no spreadsheet takes as a formula:
// text starting with one of = + - @ tab or carriage return gets a single
// quote in front; a plain number ("-12.50") and any other text are
// returned as they are.
func SafeCell(s string) string {
	if s == "" || !isFormulaStart(s[0]) || plainNumber.MatchString(s) {
		return s
	}
	return "'" + s
}

func isFormulaStart(c byte) bool {
	for i := 0; i < len(formulaStarts); i++ {
		if formulaStarts[i] == c {
			return true
		}
	}
	return false
}

// CSVWriter writes a CSV for spreadsheets: UTF-8 with a byte-order mark
// (without one Excel reads Chinese as garbage) and every cell through
// SafeCell. Every CSV the program writes is written with it.
type CSVWriter struct {
	w   *csv.Writer
	err error
}

// NewCSVWriter starts a CSV on w with the byte-order mark.
func NewCSVWriter(w io.Writer) *CSVWriter {
	c := &CSVWriter{w: csv.NewWriter(w)}
	_, c.err = io.WriteString(w, "\uFEFF")
	return c
}

// Write writes one row; the first error is kept and returned by Flush.
func (c *CSVWriter) Write(row []string) error {
	if c.err != nil {
		return c.err
	}
	safe := make([]string, len(row))
	for i, s := range row {
		safe[i] = SafeCell(s)
	}
	c.err = c.w.Write(safe)
	return c.err
}

// Flush writes what is buffered and returns the first error of the CSV.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	if c.err != nil {
		return c.err
	}
	return c.w.Error()
}
