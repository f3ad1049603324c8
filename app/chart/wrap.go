package chart

import (
	"strings"
	"unicode"
)

// Lines too long for the chart's width wrap instead of ending in "…": at
// 1280 px the window's cumulative chart is about 440 px wide, and its
// subtitle (horizon, price dates of every vendor) was cut in the middle of
// a vendor's date.

// maxWrapLines bounds a wrapped text: past it the last line ends in "…"
// (the chart keeps room for its plot).
const maxWrapLines = 3

// wrap breaks s into lines at most width pixels wide at size: at spaces,
// or between two Chinese characters (Chinese has no spaces), never inside
// a Latin word or a number unless that word alone is too wide (then it is
// cut with "…"). At most maxLines lines; the last one ends in "…" if text
// is left over.
func (cv *chartCanvas) wrap(s string, size, width float64, maxLines int) []string {
	if s == "" {
		return nil
	}
	if cv.textWidth(s, size) <= width {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, tok := range wrapTokens(s) {
		next := line + tok
		if line == "" {
			next = strings.TrimLeft(tok, " ")
		}
		if line != "" && cv.textWidth(strings.TrimRight(next, " "), size) > width {
			lines = append(lines, strings.TrimRight(line, " "))
			next = strings.TrimLeft(tok, " ")
		}
		line = next
	}
	if line = strings.TrimRight(line, " "); line != "" {
		lines = append(lines, line)
	}
	if len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], "")
		lines = append(lines[:maxLines-1], cv.fit(rest+"…", size, width))
	}
	for i, l := range lines {
		lines[i] = cv.fit(l, size, width) // a single word wider than the chart
	}
	return lines
}

// wrapTokens splits s where a line may break: each Chinese character (or
// full-width punctuation) is a token, a Latin word or number is one token
// with the spaces before it.
func wrapTokens(s string) []string {
	var out []string
	cur := ""
	flush := func() {
		if cur != "" {
			out = append(out, cur)
			cur = ""
		}
	}
	for _, r := range s {
		switch {
		case wide(r):
			flush()
			out = append(out, string(r))
		case r == ' ':
			if strings.TrimLeft(cur, " ") != "" {
				flush()
			}
			cur += " "
		default:
			cur += string(r)
		}
	}
	flush()
	return out
}

// wide reports a character of Chinese text: a line may break before or
// after it.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
