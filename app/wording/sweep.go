package wording

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"kefucost/scenarios"
)

// sweepChangesShown is how many of a field's dated changes SweepKeepsChanges
// lists before "等 N 条" / "N more".
const sweepChangesShown = 3

// SweepKeepsChangesLine is SweepKeepsChanges as a line of its own (the
// window, above the chart): an English one starts with a capital.
func SweepKeepsChangesLine(lang string, s *scenarios.Scenario, field string) string {
	t := SweepKeepsChanges(lang, s, field)
	if lang == "en" && t != "" {
		r, n := utf8.DecodeRuneInString(t)
		t = string(unicode.ToUpper(r)) + t[n:]
	}
	return t
}

// SweepKeepsChanges says, beside a break-even chart over field, what the
// sweep moves: only the field's starting value; its dated changes stay as
// planned (pricing.Sweep), unlike the tornado, which moves them with the
// input. "横轴只改电话坐席的起始值，它的计划变更照旧（2028-01-01 起 20）" /
// "the axis moves only the starting value of phone agents; its planned
// changes stay as planned (20 from 2028-01-01)". "" when no dated change
// sets the field: then the chart's values are the field's all along.
func SweepKeepsChanges(lang string, s *scenarios.Scenario, field string) string {
	if s == nil {
		return ""
	}
	changes := countChanges(s, field)
	if len(changes) == 0 {
		return ""
	}
	var parts []string
	for _, i := range changes[:min(len(changes), sweepChangesShown)] {
		v, _ := s.Changes[i].Count(field)
		parts = append(parts, Text(lang, "sweep.change", s.Changes[i].Date.String(), GroupDigits(strconv.FormatInt(*v, 10))))
	}
	list := strings.Join(parts, Text(lang, "list.sep"))
	if more := len(changes) - len(parts); more > 0 {
		list += Text(lang, "sweep.changes.more", more)
	}
	name := FieldLabel(lang, field)
	if lang == "en" {
		name = lowerFirst(name)
	}
	return Text(lang, "sweep.keeps_changes", name, list)
}

// countChanges are the dated changes that set field.
func countChanges(s *scenarios.Scenario, field string) []int {
	var out []int
	for i := range s.Changes {
		if v, ok := s.Changes[i].Count(field); ok && v != nil {
			out = append(out, i)
		}
	}
	return out
}

// lowerFirst puts a label in lower case inside an English sentence
// ("Phone agents" → "phone agents"), leaving an acronym ("IVR channels").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(r) && !unicode.IsUpper(next) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}
