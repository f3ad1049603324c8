package report

import (
	"bytes"
	"testing"
)

// TestWorkbookIsTheSameBytesEveryTime: a report made twice from the same
// scenario is the same file (test-windows compares the Windows build's
// workbooks with Linux's byte for byte; excelize adds the picture's content
// types in map order, which XLSX sorts).
func TestWorkbookIsTheSameBytesEveryTime(t *testing.T) {
	s, c := compareFile(t, exampleScenario)
	var first []byte
	for i := range 8 {
		var b bytes.Buffer
		if err := XLSX(&b, s, c, Options{Lang: "zh", Generated: reportTime}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.Bytes()
			if !bytes.Contains(first, []byte("xl/media/")) {
				t.Fatal("the workbook has no picture: this test checks nothing")
			}
			continue
		}
		if !bytes.Equal(first, b.Bytes()) {
			t.Fatalf("run %d wrote other bytes than run 1", i+1)
		}
	}
}
