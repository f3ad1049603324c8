package wording

import (
	"strings"

	"golang.org/x/text/width"
)

// DisplayWidth is how many terminal columns s takes: CJK characters take two.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// PadRight pads s with spaces to w columns.
func PadRight(s string, w int) string {
	if d := w - DisplayWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// PadLeft right-aligns s in w columns (for amounts).
func PadLeft(s string, w int) string {
	if d := w - DisplayWidth(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// Table lays out rows in columns padded by display width; right lists the
// columns to right-align.
func Table(rows [][]string, right map[int]bool) string {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			if right[i] {
				line.WriteString(PadLeft(c, widths[i]))
			} else if i < len(r)-1 {
				line.WriteString(PadRight(c, widths[i]))
			} else {
				line.WriteString(c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
	return b.String()
}
