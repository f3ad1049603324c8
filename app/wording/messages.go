package wording

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"kefucost/scenarios"
)

// Messages about a scenario in the reader's words: field errors, units,
// revision summaries.

// FieldName is a field path in lang's words, for messages: known fields by
// their label; a vendor's fields, own costs, dated changes and combination
// choices by the words the window shows beside them; "" the scenario.
// A path it does not know is shown as written in the file.
func FieldName(lang, path string) string {
	if path == "" {
		return Text(lang, "field.scenario")
	}
	if l := FieldLabel(lang, strings.TrimPrefix(path, "demand.")); l != strings.TrimPrefix(path, "demand.") {
		return l
	}
	if m := extraPath.FindStringSubmatch(path); m != nil {
		n, _ := strconv.Atoi(m[2])
		name := Text(lang, "fieldname.extra", VendorNameByID(lang, m[1]), n+1)
		if t, ok := Lookup(lang, "extras."+m[3]); ok && m[3] != "" {
			name += " " + t
		}
		return name
	}
	if m := giftPath.FindStringSubmatch(path); m != nil {
		n, _ := strconv.Atoi(m[2])
		name := Text(lang, "fieldname.gift", VendorNameByID(lang, m[1]), n+1)
		if t, ok := Lookup(lang, "gifts."+m[3]); ok && m[3] != "" {
			name += " " + t
		}
		return name
	}
	if m := vendorPath.FindStringSubmatch(path); m != nil {
		vendor := VendorNameByID(lang, m[1])
		switch m[2] {
		case "prices", "":
			if m[3] != "" {
				return Text(lang, "fieldname.price", vendor, ItemName(lang, m[1], m[3]))
			}
		case "discount":
			return vendor + " " + Text(lang, "vendors.discount")
		case "plan":
			return vendor + " " + Text(lang, "vendors.plan")
		case "options":
			return vendor + " " + Text(lang, "vendors.options")
		case "gifts":
			return vendor + " " + Text(lang, "fieldname.gifts")
		case "extras":
			return vendor + " " + Text(lang, "extras.title")
		}
		return vendor
	}
	if m := changePath.FindStringSubmatch(path); m != nil {
		n, _ := strconv.Atoi(m[1])
		name := Text(lang, "fieldname.change", n+1)
		if t, ok := Lookup(lang, "fieldname.change."+m[2]); ok && m[2] != "" {
			name += " " + t
		}
		return name
	}
	if g, ok := strings.CutPrefix(path, "combine.pin"); ok {
		if g = strings.Trim(g, ".[]\""); g != "" {
			return Text(lang, "combine.title") + " " + GroupName(lang, g)
		}
		return Text(lang, "combine.title")
	}
	if strings.HasPrefix(path, "combine.exclude") {
		return Text(lang, "fieldname.exclude")
	}
	if strings.HasPrefix(path, "combine") {
		return Text(lang, "combine.title")
	}
	return path
}

// vendorPath is a vendor's field path: vendors.<id>.discount, .plan, or
// .prices[item] (the item quoted or not).
var vendorPath = regexp.MustCompile(`^vendors\.([a-z0-9-]+)(?:\.([a-z]+))?(?:\["?([^"\]]+)"?\])?`)

// extraPath is one of a vendor's own costs: vendors.<id>.extras[i] and its
// fields (.name, .amount, .when, .date).
var extraPath = regexp.MustCompile(`^vendors\.([a-z0-9-]+)\.extras\[(\d+)\](?:\.([a-z]+))?`)

// giftPath is one of a vendor's gift packs: vendors.<id>.gifts[i] and
// its fields (.item, .date).
var giftPath = regexp.MustCompile(`^vendors\.([a-z0-9-]+)\.gifts\[(\d+)\](?:\.([a-z]+))?`)

// changePath is a dated change: changes[i] and its fields (.date, .field,
// .value).
var changePath = regexp.MustCompile(`^changes\[(\d+)\](?:\.([a-z_]+))?`)

// FieldError says what is wrong with a field in lang's words.
// The scenario package gives each error a message key and arguments; an
// unknown key falls back to its English message.
func FieldError(lang string, e *scenarios.FieldError) string {
	if e.Key == "" {
		return e.Msg
	}
	if lang == "en" && e.Msg != "" {
		// The scenario package's English messages are already specific
		// (they name the value and the limits).
		return e.Msg
	}
	// How to write the value, as the window says it under the field.
	if e.Key == scenarios.ErrDate && e.Value != "" {
		return DateHint(lang, e.Value)
	}
	if e.Key == scenarios.ErrRange && strings.HasSuffix(e.Field, ".discount") && e.Value != "" {
		if h := DiscountHint(lang, e.Value); h != "" {
			return Text(lang, "fielderr.range", e.Args...) + Text(lang, "status.sep") + h
		}
	}
	key := "fielderr." + strings.TrimPrefix(e.Key, "err.")
	tmpl, ok := Lookup(lang, key)
	args := e.Args
	if e.Key == scenarios.ErrGrowthTooLarge {
		args = growthArgs(lang, e)
	}
	if !ok || CountVerbs(tmpl) != len(args) {
		// Some keys come with fewer arguments (a plan out of range names
		// only the plan): the generic text of the key still helps.
		if g, ok := Lookup(lang, key+".generic"); ok {
			return g
		}
		return e.Msg
	}
	return fmt.Sprintf(tmpl, args...)
}

// growthMsg is the engine's English refusal of a growth that takes a
// field past its limit; its arguments name only the limit, the message
// also the field that passes it and the month.
var growthMsg = regexp.MustCompile(`^at this growth ([a-z_]+) passes (\S+) \(the most a scenario may state\) by (\S+):`)

// growthArgs are the words of a growth refusal: the field that would pass
// its limit (by its label), the limit and the month it would, read from
// the engine's message (its arguments hold the limit alone); the
// arguments as they are when the message does not say them.
func growthArgs(lang string, e *scenarios.FieldError) []any {
	m := growthMsg.FindStringSubmatch(e.Msg)
	if m == nil || len(e.Args) != 1 {
		return e.Args
	}
	return []any{FieldRef(lang, m[1]), e.Args[0], m[3]}
}

// FileError says what is wrong with a scenario file in lang's words: the
// file, line and column, the field (FieldName) and the problem
// (FieldError), as the command line says it in English (the error itself
// is returned for English). Errors that are not about a field (the disk's)
// are returned as they are.
func FileError(lang string, err error) error {
	var fe *scenarios.FieldError
	var fes scenarios.FieldErrors
	switch {
	case errors.As(err, &fes) && len(fes) > 0:
		fe = fes[0]
	case errors.As(err, &fe):
	default:
		return osError(lang, err)
	}
	if lang == "en" {
		return fe
	}
	var b strings.Builder
	if fe.File != "" {
		b.WriteString(fe.File)
		if fe.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", fe.Line, fe.Col)
		}
		b.WriteString("：")
	}
	if fe.Field != "" {
		b.WriteString(FieldName(lang, fe.Field))
		b.WriteString("：")
	}
	b.WriteString(FieldError(lang, fe))
	return errors.New(b.String())
}

// CountVerbs counts the printf verbs of a template: a % followed by a
// letter ("%s", "%d", "%v"), or by an argument index and a letter ("%[2]s":
// Chinese may put the words in another order); "%%" and a % before a space
// ("15 % off") are text.
func CountVerbs(s string) int {
	n := 0
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			c := s[i+1]
			if c == '%' {
				i++
				continue
			}
			if c == '[' {
				if j := strings.IndexByte(s[i:], ']'); j > 0 && i+j+1 < len(s) {
					c = s[i+j+1]
				}
			}
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				n++
			}
		}
	}
	return n
}

// UnitText is a catalog unit ("seat·month") in lang's words; a unit the
// texts do not know shows as the catalog writes it.
func UnitText(lang, u string) string {
	if lang != "en" {
		lang = "zh"
	}
	if t, ok := Lookup(lang, "cunit."+u); ok {
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

// Summary is a revision's summary in lang's words: each change to a
// vendor's settings or to a dated change as a sentence ("腾讯企点客服 通话
// 分钟 报价改为 0.12 元"), other fields by their names.
func Summary(lang, s string) string {
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
	if lang == "en" {
		// The store's own English, but the fields by their names, not
		// their ids ("Online agents 5→8", not "demand.online_agents 5→8").
		// Quoted names and file names are holes: never touched.
		for i, k := range kept {
			if strings.HasPrefix(k, "“") {
				kept[i] = strconv.Quote(strings.TrimSuffix(strings.TrimPrefix(k, "“"), "”"))
			}
		}
	}
	s = sentences(lang, s)
	if lang != "en" {
		for _, r := range summaryRules {
			s = r.re.ReplaceAllString(s, r.with)
		}
	}
	s = summaryField.ReplaceAllStringFunc(s, func(f string) string { return FieldName(lang, f) })
	return summaryHole.ReplaceAllStringFunc(s, func(h string) string {
		i, _ := strconv.Atoi(summaryHole.FindStringSubmatch(h)[1])
		return kept[i]
	})
}

var fieldID = regexp.MustCompile(`\b[a-z]+(?:_[a-z]+)+\b`)

// FieldIDsIn writes the scenario fields a text names by id
// ("robot_outbound_share") by their labels in lang; English keeps the ids.
func FieldIDsIn(lang, s string) string {
	if lang == "en" {
		return s
	}
	return fieldID.ReplaceAllStringFunc(s, func(id string) string { return FieldLabel(lang, id) })
}

var (
	dateLike  = regexp.MustCompile(`^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$`)
	dateParts = regexp.MustCompile(`^\s*(\d{4})-(\d{2})-(\d{2})\s*$`)
)

// DateHint says why text is not a date and how to write it:
// "2027-02-30：2 月只有 28 天", "请写成 2027-02-03".
func DateHint(lang, text string) string {
	m := dateLike.FindStringSubmatch(text)
	if m == nil {
		return Text(lang, "err.not_date")
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := strings.TrimSpace(text)
	if mo < 1 || mo > 12 {
		return Text(lang, "err.date_month", t, mo)
	}
	days := scenarios.NewDate(y, time.Month(mo), 1).DaysInMonth()
	if d < 1 || d > days {
		var month any = mo
		if lang == "en" {
			month = time.Month(mo).String()
		}
		return Text(lang, "err.date_day", t, month, days)
	}
	if !dateParts.MatchString(text) {
		return Text(lang, "err.date_write", fmt.Sprintf("%04d-%02d-%02d", y, mo, d))
	}
	return Text(lang, "err.not_date")
}

// DiscountHint suggests the multiplier a discount typed the way it is
// said was meant as: "8.5" (八五折) → 0.85, "85" (85 %) → 0.85; "" when
// text is no such number.
func DiscountHint(lang, text string) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "折")), 64)
	if err != nil {
		return ""
	}
	t := strings.TrimSpace(text)
	switch {
	case v > 1 && v < 10:
		return Text(lang, "err.discount_tenths", t, strconv.FormatFloat(v/10, 'f', -1, 64))
	case v >= 10 && v < 100:
		return Text(lang, "err.discount_percent", t, strconv.FormatFloat(v/100, 'f', -1, 64))
	}
	return ""
}

// osError is a file system's error in lang's words ("无法打开 a.json：文件
// 或文件夹不存在"); English, and errors that are not the file system's,
// are returned as they are.
func osError(lang string, err error) error {
	var pe *fs.PathError
	if lang == "en" || !errors.As(err, &pe) {
		return err
	}
	key := "oserr.other"
	switch pe.Op {
	case "open", "read", "write":
		key = "oserr." + pe.Op
	}
	return errors.New(Text(lang, key, pe.Path, OSReason(lang, pe.Err)))
}

// OSReason is why the file system refused, in lang's words when it is one
// a user can act on (missing, no permission, a folder, disk full or
// read-only); else the system's own words.
func OSReason(lang string, err error) string {
	if lang != "en" {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return Text(lang, "oserr.not_exist")
		case errors.Is(err, fs.ErrPermission):
			return Text(lang, "oserr.permission")
		case errors.Is(err, syscall.EISDIR):
			return Text(lang, "oserr.is_dir")
		case errors.Is(err, syscall.ENOTDIR):
			return Text(lang, "oserr.not_dir")
		case errors.Is(err, syscall.ENOSPC):
			return Text(lang, "oserr.no_space")
		case errors.Is(err, syscall.EROFS):
			return Text(lang, "oserr.read_only")
		}
	}
	return err.Error()
}
