package window

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"kefucost/scenarios"
)

// The window's texts live in translations/<lang>.json (flat key → text,
// printf verbs for arguments), one file per language, so a translator
// edits data, not code. The language can change while the window is open,
// which Fyne's own lang package cannot do (it reads the system locale
// once), so the window keeps its own catalog.

//go:embed translations/*.json
var translationFS embed.FS

// Languages the window speaks, in the order the menu offers them.
var Languages = []string{"zh", "en"}

// languageFiles maps a language to its file; zh_Hans is the name Fyne and
// translators expect for Simplified Chinese.
var languageFiles = map[string]string{"zh": "zh_Hans.json", "en": "en.json"}

var messages = loadMessages()

func loadMessages() map[string]map[string]string {
	out := map[string]map[string]string{}
	for l, f := range languageFiles {
		data, err := translationFS.ReadFile(path.Join("translations", f))
		if err != nil {
			panic(err) // embedded: a build defect, caught by TestTranslations
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			panic(fmt.Sprintf("translations/%s: %v", f, err))
		}
		out[l] = m
	}
	return out
}

// tr is one language's catalog.
type tr string

// T returns the text for key, formatted with args. A missing key shows
// itself (so a gap is visible, and TestTranslations fails on it).
func (l tr) T(key string, args ...any) string {
	s, ok := messages[string(l)][key]
	if !ok {
		s, ok = messages["en"][key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

func (l tr) en() bool { return l == "en" }

// SystemLanguage picks zh or en from the system locale: Chinese of any
// region reads the Simplified Chinese texts, everything else English.
func SystemLanguage() string {
	loc := strings.ToLower(string(lang.SystemLocale()))
	if strings.HasPrefix(loc, "zh") {
		return "zh"
	}
	if loc == "" {
		return "zh"
	}
	return "en"
}

// validLanguage returns l when the window speaks it, else "".
func validLanguage(l string) string {
	for _, x := range Languages {
		if x == l {
			return l
		}
	}
	return ""
}

// fieldError says what is wrong with a field, in the window's language.
// The scenario package gives each error a message key and arguments; an
// unknown key falls back to its English message.
func (l tr) fieldError(e *scenarios.FieldError) string {
	if e.Key == "" {
		return e.Msg
	}
	if l.en() && e.Msg != "" {
		// The scenario package's English messages are already specific
		// (they name the value and the limits).
		return e.Msg
	}
	key := "fielderr." + strings.TrimPrefix(e.Key, "err.")
	tmpl, ok := messages[string(l)][key]
	if !ok || countVerbs(tmpl) != len(e.Args) {
		// Some keys come with fewer arguments (a plan out of range names
		// only the plan): the generic text of the key still helps.
		if g, ok := messages[string(l)][key+".generic"]; ok {
			return g
		}
		return e.Msg
	}
	return fmt.Sprintf(tmpl, e.Args...)
}

// countVerbs counts the printf verbs of a template: a % followed by a
// letter ("%s", "%d", "%v"); "%%" and a % before a space ("15 % off") are
// text.
func countVerbs(s string) int {
	n := 0
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			c := s[i+1]
			if c == '%' {
				i++
				continue
			}
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				n++
			}
		}
	}
	return n
}

// fieldLabelKey is the translation key of a demand or scenario field.
func fieldLabelKey(field string) string { return "field." + field }

// typed is text in a field that is not a value: the key of the message
// that says why, and the text as typed.
type typed struct {
	msg  string
	text string
}

// typedMsg is the message for the text typed at path, "" if it is fine.
func (l tr) typedMsg(m map[string]typed, path string) string {
	if t, ok := m[path]; ok {
		if t.msg == "err.name_long" {
			return l.T(t.msg, scenarios.MaxNameLen)
		}
		return l.T(t.msg)
	}
	return ""
}

// unitText is a catalog unit ("seat·month") in the window's language; a
// unit the texts do not know shows as the catalog writes it.
func (l tr) unitText(u string) string {
	if t, ok := messages[string(l)]["cunit."+u]; ok {
		return t
	}
	return u
}

// summaryRules turn a revision summary (written by the store in English,
// with field names as in the file) into Chinese. Scenario and file names
// in it are taken out first (see summary) and never translated.
var summaryRules = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`^created$`), "新建"},
	{regexp.MustCompile(`^created \((.*)\)$`), "新建（$1）"},
	{regexp.MustCompile(`\bno changes\b`), "无改动"},
	{regexp.MustCompile(`restored revision (\d+)`), "恢复自版本 $1"},
	{regexp.MustCompile(`imported from (\x00\d+\x00)`), "从 $1 导入"},
	{regexp.MustCompile(`\bimported\b`), "导入"},
	{regexp.MustCompile(`copy of (\x00\d+\x00) revision (\d+)`), "复制自${1}版本 ${2}"},
	{regexp.MustCompile(`upgraded from database schema \d+`), "从旧版方案库升级"},
	{regexp.MustCompile(`prices of (\S+): edition (\S+)→(\S+)`), "$1 价格版本 $2→$3"},
	{regexp.MustCompile(`prices of (\S+): edition (\S+)`), "$1 价格版本 $2"},
	{regexp.MustCompile(`; … and (\d+) more`), "；另有 $1 项"},
	{regexp.MustCompile(`\blatest\b`), "最新"},
	{regexp.MustCompile(`; `), "；"},
}

var (
	summaryField  = regexp.MustCompile(`\b(demand\.[a-z_]+|months|start|price_date|discount_rate|name)\b`)
	summaryQuoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	// A file name runs to the closing parenthesis of "created (…)" or to
	// the ": " that starts the list of changes.
	summaryFile = regexp.MustCompile(`imported from (.+?)(\)$|: |$)`)
	summaryHole = regexp.MustCompile(`\x00(\d+)\x00`)
)

// summary is a revision's summary in the window's language.
func (l tr) summary(s string) string {
	if l.en() {
		return s
	}
	var kept []string
	hole := func(text string) string {
		kept = append(kept, text)
		return fmt.Sprintf("\x00%d\x00", len(kept)-1)
	}
	s = summaryFile.ReplaceAllStringFunc(s, func(m string) string {
		g := summaryFile.FindStringSubmatch(m)
		return "imported from " + hole(g[1]) + g[2]
	})
	s = summaryQuoted.ReplaceAllStringFunc(s, func(q string) string {
		if u, err := strconv.Unquote(q); err == nil {
			q = u
		}
		return hole("“" + q + "”")
	})
	for _, r := range summaryRules {
		s = r.re.ReplaceAllString(s, r.with)
	}
	s = summaryField.ReplaceAllStringFunc(s, func(f string) string { return fieldName(l, f) })
	return summaryHole.ReplaceAllStringFunc(s, func(h string) string {
		i, _ := strconv.Atoi(summaryHole.FindStringSubmatch(h)[1])
		return kept[i]
	})
}
