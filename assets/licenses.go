package assets

import (
	_ "embed"
	"regexp"
	"strings"
)

// LicensesZH is LICENSES.md in Chinese (Markdown).
//
//go:embed LICENSES.zh.md
var LicensesZH string

var (
	mdCode  = regexp.MustCompile("`([^`]*)`")
	mdRule  = regexp.MustCompile(`^\|[-| ]+\|$`)
	mdBlank = regexp.MustCompile(`\n{3,}`)
)

// LicensesText is the licences as a person reads them in a dialog, in
// lang ("en", else Chinese): no Markdown marks; each table row a line
// "• work — use — licence" under its heading.
func LicensesText(lang string) string {
	md := LicensesZH
	if lang == "en" {
		md = Licenses
	}
	var b strings.Builder
	var para []string // the lines of a paragraph, joined (a code span may wrap)
	flush := func() {
		if len(para) > 0 {
			b.WriteString(mdCode.ReplaceAllString(strings.Join(para, " "), "$1") + "\n")
			para = nil
		}
	}
	header := true // the first row of a table names its columns
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
			b.WriteString("\n")
		case strings.HasPrefix(line, "#"):
			flush()
			b.WriteString("\n" + strings.TrimSpace(strings.TrimLeft(line, "#")) + "\n")
			header = true
		case mdRule.MatchString(line):
		case strings.HasPrefix(line, "|"):
			flush()
			if header {
				header = false
				continue
			}
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
				cells = append(cells, strings.TrimSpace(mdCode.ReplaceAllString(c, "$1")))
			}
			b.WriteString("• " + strings.Join(cells, " — ") + "\n")
		default:
			para = append(para, line)
		}
	}
	flush()
	return strings.TrimSpace(mdBlank.ReplaceAllString(b.String(), "\n\n"))
}
