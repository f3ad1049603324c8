package wording

import (
	"regexp"
	"strconv"
	"strings"
)

// A revision summary is written by the store in the scenario file's terms
// ("vendors.tencent-qidian.prices[phone.minute] set 0.12"); a person reads
// each change to a vendor or to a dated change as a sentence, here, in
// one place, for the window and the command line.

var (
	sumVendor  = regexp.MustCompile(`^vendors\.([a-z0-9-]+)\.(prices|options)\[([^\]]+)\] (.+)$`)
	sumVField  = regexp.MustCompile(`^vendors\.([a-z0-9-]+)\.(enabled|plan|discount|gifts) (.+)$`)
	sumChange  = regexp.MustCompile(`^changes\[(\d+)\](?:\.([a-z_]+))? (.+)$`)
	sumSet     = regexp.MustCompile(`^set (\S+)$`)
	sumFromTo  = regexp.MustCompile(`^(\S+|\[.*\])→(\S+|\[.*\])$`)
	sumGone    = regexp.MustCompile(`^removed \(was (.+)\)$`)
	sumAdded   = regexp.MustCompile(`^added \((.+)\)$`)
	sumCall    = regexp.MustCompile(`^(demand\.call_length) (\S+)→(\S+)$`)
	sumGift    = regexp.MustCompile(`([a-z0-9.\-]+) (\d{4}-\d{2}-\d{2})`)
	sumEdition = regexp.MustCompile(`^prices of ([a-z0-9-]+): edition (\S+)$`)
	sumDescr   = regexp.MustCompile(`^from (\d{4}-\d{2}-\d{2})((?:, [a-z_]+ -?[0-9.]+)*)$`)
)

// sentences rewrites the parts of a summary that name vendors' settings or
// dated changes; the rest is left to the caller. Parts are separated by
// "; " (quoted names are already taken out by the caller in Chinese).
func sentences(lang, s string) string {
	parts := strings.Split(s, "; ")
	for i, p := range parts {
		if out, ok := sentence(lang, p); ok {
			parts[i] = out
		}
	}
	return strings.Join(parts, "; ")
}

func sentence(lang, p string) (string, bool) {
	en := lang == "en"
	if m := sumVendor.FindStringSubmatch(p); m != nil {
		vendor := VendorNameByID(lang, m[1])
		if m[2] == "prices" {
			item := ItemName(lang, m[1], m[3])
			return change(lang, "hist.price", vendor+" "+item, m[4], yuan(lang))
		}
		opt := OptionName(lang, m[1], m[3])
		return change(lang, "hist.option", vendor+" "+quoteName(lang, opt), m[4], onOff(lang))
	}
	if m := sumVField.FindStringSubmatch(p); m != nil {
		vendor := VendorNameByID(lang, m[1])
		switch m[2] {
		case "enabled":
			if f := sumFromTo.FindStringSubmatch(m[3]); f != nil {
				if f[2] == "true" {
					return Text(lang, "hist.enabled", vendor), true
				}
				return Text(lang, "hist.disabled", vendor), true
			}
		case "plan":
			if f := sumFromTo.FindStringSubmatch(m[3]); f != nil {
				return Text(lang, "hist.plan", vendor, PlanName(lang, m[1], f[1]), PlanName(lang, m[1], f[2])), true
			}
		case "discount":
			return change(lang, "hist.discount", vendor, m[3], func(v string) string { return v })
		case "gifts":
			gifts := sumGift.ReplaceAllStringFunc(m[3], func(g string) string {
				x := sumGift.FindStringSubmatch(g)
				return ItemName(lang, m[1], x[1]) + " " + x[2]
			})
			if !en {
				gifts = strings.ReplaceAll(gifts, "[]", "（无）")
			}
			return Text(lang, "hist.gifts", vendor, gifts), true
		}
		return p, false
	}
	if m := sumChange.FindStringSubmatch(p); m != nil {
		n, _ := strconv.Atoi(m[1])
		which := Text(lang, "hist.change.n", n+1)
		switch {
		case m[2] == "" && sumAdded.MatchString(m[3]):
			return Text(lang, "hist.change.added", which, describe(lang, sumAdded.FindStringSubmatch(m[3])[1])), true
		case m[2] == "" && sumGone.MatchString(m[3]):
			return Text(lang, "hist.change.removed", which, describe(lang, sumGone.FindStringSubmatch(m[3])[1])), true
		case m[2] == "date":
			return change(lang, "hist.change.field", which+" "+Text(lang, "hist.change.date"), m[3], func(v string) string { return v })
		case m[2] != "":
			return change(lang, "hist.change.field", which+" "+FieldLabel(lang, m[2]), m[3], func(v string) string { return v })
		}
		return p, false
	}
	if m := sumEdition.FindStringSubmatch(p); m != nil {
		return Text(lang, "hist.edition", VendorNameByID(lang, m[1]), m[2]), true
	}
	if m := sumCall.FindStringSubmatch(p); m != nil {
		return FieldName(lang, m[1]) + " " + Text(lang, "call_length."+m[2]) + "→" + Text(lang, "call_length."+m[3]), true
	}
	return p, false
}

// change words "set V", "A→B" and "removed (was V)" for what, with value
// written by val.
func change(lang, key, what, how string, val func(string) string) (string, bool) {
	if m := sumSet.FindStringSubmatch(how); m != nil {
		return Text(lang, key+".set", what, val(m[1])), true
	}
	if m := sumFromTo.FindStringSubmatch(how); m != nil {
		return Text(lang, key+".changed", what, val(m[1]), val(m[2])), true
	}
	if m := sumGone.FindStringSubmatch(how); m != nil {
		return Text(lang, key+".removed", what, val(m[1])), true
	}
	return what + " " + how, true
}

func yuan(lang string) func(string) string {
	return func(v string) string { return Text(lang, "money", v) }
}

func onOff(lang string) func(string) string {
	return func(v string) string {
		switch v {
		case "true":
			return Text(lang, "hist.on")
		case "false":
			return Text(lang, "hist.off")
		}
		return v
	}
}

func quoteName(lang, s string) string { return "“" + s + "”" }

// describe words a dated change ("from 2027-07-01, online_agents 8").
func describe(lang, d string) string {
	m := sumDescr.FindStringSubmatch(d)
	if m == nil {
		return d
	}
	var parts []string
	for _, f := range strings.Split(strings.TrimPrefix(m[2], ", "), ", ") {
		if f == "" {
			continue
		}
		name, v, _ := strings.Cut(f, " ")
		parts = append(parts, FieldLabel(lang, name)+" "+v)
	}
	return Text(lang, "hist.from", m[1], strings.Join(parts, Text(lang, "list.sep")))
}
