package wording

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"unicode"
)

// The texts people read live in translations/<lang>.json (flat key → text,
// printf verbs for arguments), one file per language, so a translator edits
// data, not code. The language can change while the window is open, which
// Fyne's own lang package cannot do (it reads the system locale once), so
// kefucost keeps its own catalog.

//go:embed translations/*.json
var translationFS embed.FS

// Languages kefucost speaks, in the order the window's menu offers them.
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
			panic(err) // embedded: a build defect
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			panic(fmt.Sprintf("translations/%s: %v", f, err))
		}
		out[l] = m
	}
	return out
}

// Text returns the text for key in lang ("en", else Chinese: the command
// line, charts and reports take "" for Chinese), formatted with args; when
// the first whole-number argument is 1 and lang has a key+".one" text,
// that one (a noun in the singular). A
// key missing in Chinese falls back to English; a key missing in both shows
// itself (so a gap is visible, and the window's TestTranslations fails on
// it).
func Text(lang, key string, args ...any) string {
	if lang != "en" {
		lang = "zh"
	}
	s, ok := messages[lang][key]
	if !ok {
		s, ok = messages["en"][key]
	}
	if !ok {
		return key
	}
	if one, ok := messages[lang][key+".one"]; ok && firstCount(args) == 1 {
		s = one // "1 item", not "1 items"
	}
	if len(args) > 0 {
		if lang == "zh" {
			return spacedSprintf(s, args...)
		}
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Chinese text puts a space between a Chinese character and a Latin
// letter or digit ("从 %s 起", "不覆盖：%s 等另 %d 项"), and the catalog's
// templates do so around a value that is a number or a date. A value
// that may start or end either way — a vendor's name is 腾讯企点 or
// Chatopera — is written bare beside Chinese ("起初%s最低"); spacedSprintf
// adds the space where the value written there needs it: "起初
// Chatopera（机器人）最低", "起初腾讯企点最低".

// Marks around each formatted value (Unicode private use: in no text).
const (
	argOpen  = '\uE000'
	argClose = '\uE001'
)

// marked formats its value as the verb asks, between argOpen and argClose.
type marked struct{ v any }

func (m marked) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "%c"+fmt.FormatString(f, verb)+"%c", argOpen, m.v, argClose)
}

// spacedSprintf is fmt.Sprintf with a space added where a value meets the
// template's Chinese with a Latin letter or digit (or the other way
// round), and nowhere else.
func spacedSprintf(format string, args ...any) string {
	wrapped := make([]any, len(args))
	for i, a := range args {
		wrapped[i] = marked{a}
	}
	return spaceMixed(fmt.Sprintf(format, wrapped...))
}

// spaceMixed removes the value marks of spacedSprintf's output, with a
// space where a mark stood between Chinese and a Latin letter or digit.
func spaceMixed(s string) string {
	if !strings.ContainsAny(s, string([]rune{argOpen, argClose})) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	var prev rune // the last rune written
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != argOpen && r != argClose {
			b.WriteRune(r)
			prev = r
			continue
		}
		next := rune(0) // the next rune that is not a mark
		for j := i + 1; j < len(rs); j++ {
			if rs[j] != argOpen && rs[j] != argClose {
				next = rs[j]
				break
			}
		}
		if (isHan(prev) && isLatin(next)) || (isLatin(prev) && isHan(next)) {
			b.WriteByte(' ')
			prev = ' '
		}
	}
	return b.String()
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isLatin: an ASCII letter or digit.
func isLatin(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// firstCount is the first whole-number argument, the count a text's
// noun agrees with (its key.one form is for 1); -1 when there is none.
func firstCount(args []any) int64 {
	for _, a := range args {
		switch n := a.(type) {
		case int:
			return int64(n)
		case int64:
			return n
		}
	}
	return -1
}

// Lookup is the text for key in lang as written, without fallback.
func Lookup(lang, key string) (string, bool) {
	s, ok := messages[lang][key]
	return s, ok
}

// Messages is lang's whole catalog (key → text), for checks; read only.
func Messages(lang string) map[string]string { return messages[lang] }

// FieldLabel names a scenario or demand field ("online_agents") in lang's
// words: "在线客服坐席", "Online agents". Every front end names fields this
// way; a field the texts do not know shows as its id.
func FieldLabel(lang, field string) string {
	if lang != "en" {
		lang = "zh"
	}
	if s, ok := messages[lang]["field."+field]; ok {
		return s
	}
	return field
}
