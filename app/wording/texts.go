package wording

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
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
// line, charts and reports take "" for Chinese), formatted with args. A
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
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
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
