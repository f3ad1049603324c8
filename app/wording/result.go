package wording

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
)

// What a vendor's amounts mean, worded the same in the window, the
// command line, the charts and the reports.

// Bound says how far an amount of a vendor's result can be trusted.
type Bound int

const (
	// Exact: every item is priced; the amount is the cost.
	Exact Bound = iota
	// AtLeast: some items are unpriced; the real cost is higher.
	AtLeast
	// Unknown: nothing that is needed is priced: there is no amount.
	Unknown
	// NotApplicable: the vendor serves none of the needs; its 0 is no price.
	NotApplicable
	// NotComputed: the vendor's amounts would pass 10^15 元 (Result.PastLimit):
	// its 0 is no amount.
	NotComputed
)

// ServesNone says the vendor has nothing to sell for this scenario: no
// line, and needs it does not cover.
func ServesNone(r *pricing.Result) bool {
	return len(r.Lines) == 0 && !r.Covers && r.PastLimit == nil
}

// NoAmount says r's total is no amount at all: it serves none of the
// needs, or was not computed (past 10^15 元): its 0s must never be shown.
func NoAmount(r *pricing.Result) bool { return ServesNone(r) || r.PastLimit != nil }

// BoundOf says what r's total (and every amount derived from it) is.
func BoundOf(r *pricing.Result) Bound {
	switch {
	case r.PastLimit != nil:
		return NotComputed
	case ServesNone(r):
		return NotApplicable
	case r.Complete:
		return Exact
	case r.Total.IsZero():
		return Unknown
	}
	return AtLeast
}

// PlanBound is what the total of another plan a of r's vendor is.
func PlanBound(r *pricing.Result, a pricing.PlanTotal) Bound {
	switch {
	case r.PastLimit != nil:
		return NotComputed
	case ServesNone(r):
		return NotApplicable
	case a.Complete:
		return Exact
	case a.Total.IsZero():
		return Unknown
	}
	return AtLeast
}

// Bounded words a figure already written out (with or without its
// currency) by what it is: the figure itself when exact, "至少 …" /
// "at least …" for a lower bound, "不适用" / "not applicable" for a vendor
// serving none of the needs, "未知" / "unknown" when nothing needed is
// priced. Every amount a person or a spreadsheet reads goes through it.
func Bounded(lang string, b Bound, figure string) string {
	switch b {
	case NotApplicable:
		return Text(lang, "amount.na")
	case NotComputed:
		return Text(lang, "amount.notcomputed")
	case Unknown:
		return Text(lang, "amount.unknown")
	case AtLeast:
		return Text(lang, "amount.atleast", figure)
	}
	return figure
}

// Amount words an amount with its currency: "1,234.00 元",
// "at least ¥1,234.00", "不适用", "unknown" (Bounded).
func Amount(lang string, d decimal.Decimal, b Bound) string {
	return Bounded(lang, b, Text(lang, "money", Money(d)))
}

// Figure words an amount in a column whose header names the currency:
// "1,234.00", "at least 1,234.00", "not applicable", "unknown" (Bounded).
func Figure(lang string, d decimal.Decimal, b Bound) string {
	return Bounded(lang, b, Money(d))
}

// The short phrases of a vendor's status, for badges and chart legends
// (Status is the long one, for tables and reports).

// Cheapest is "★ 最便宜" / "★ cheapest": complete, covers every need,
// and the cheapest way to cover everything (CheapestWhole). It is the
// ranking's word (Badge), the one phrasing of it.
func Cheapest(lang string) string { return Text(lang, "rank.cheapest") }

// CheapestOf is Cheapest for r, the cheapest: at 0.00 (nothing to pay:
// Aliyun's IVR, included in its service, is all it is asked for; gifts
// cover every need) it says nothing is charged and points to the notes,
// which say why: a star on 0.00 alone reads as "free and best".
func CheapestOf(lang string, r *pricing.Result) string {
	if r.Total.IsZero() {
		return Text(lang, "rank.cheapest_free")
	}
	return Cheapest(lang)
}

// Incomplete says a total leaves out unpriced items (n of them; 0 when
// not counted): "不完整：2 项未定价" / "incomplete: 2 unpriced".
func Incomplete(lang string, n int) string {
	if n <= 0 {
		return Text(lang, "status.incomplete")
	}
	return Text(lang, "status.incomplete.n", n)
}

// NotCovering names the needs a vendor does not serve, by their labels,
// the first two and how many more: "不覆盖：在线客服坐席" / "does not
// cover: Online agents +2 more"; no field named: "does not cover every
// need".
func NotCovering(lang string, fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = FieldLabel(lang, f)
	}
	switch {
	case len(names) == 0:
		return Text(lang, "status.uncovered.all")
	case len(names) > 2:
		return Text(lang, "status.uncovered.more", strings.Join(names[:2], Text(lang, "list.sep")), len(names)-2)
	}
	return Text(lang, "status.uncovered", strings.Join(names, Text(lang, "list.sep")))
}

// Sentence starts a phrase with a capital letter (English; Chinese is
// unchanged), for a phrase that stands alone, as on a badge.
func Sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// FieldRef names a demand field so a reader can find it in the scenario
// file: "在线客服坐席 (online_agents)" in Chinese, the id in English.
func FieldRef(lang, field string) string {
	if lang == "en" {
		return field
	}
	if l := FieldLabel(lang, field); l != field {
		return l + " (" + field + ")"
	}
	return field
}

// FieldRefs lists fields with FieldRef, joined as lang lists things.
func FieldRefs(lang string, fields []string) string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = FieldRef(lang, f)
	}
	return strings.Join(out, Text(lang, "list.sep"))
}

// Status says in one phrase whether a vendor's total can be trusted:
// "does not cover: …", "incomplete: 2 unpriced (…), the total is a lower
// bound", "complete, covers every requirement", or "serves none of this
// scenario's requirements: …". Whether it is the cheapest is the
// ranking's to say (Badge), in its one phrasing: a status beside it that
// said "cheapest" again said it twice, in two words.
func Status(lang string, r *pricing.Result) string {
	return status(lang, r, FieldRefs, func(string, *pricing.Result) []string { return r.Unpriced })
}

// StatusWords is Status naming the fields by their labels only, for
// pages a person reads without the scenario file (the workbook: its ids
// are in their own columns): "不覆盖：在线客服坐席", not "在线客服坐席
// (online_agents)"; "2 项未定价（电话号码月租、通话分钟）", not their item ids.
func StatusWords(lang string, r *pricing.Result) string {
	return status(lang, r, FieldLabels, unpricedNames)
}

// unpricedNames names r's unpriced items by their labels in lang.
func unpricedNames(lang string, r *pricing.Result) []string {
	out := make([]string, len(r.Unpriced))
	for i, id := range r.Unpriced {
		out[i] = ItemName(lang, r.Vendor, id)
		for _, l := range r.Lines {
			if l.Item == id {
				out[i] = pick(lang, l.Label, l.LabelEN)
				break
			}
		}
	}
	return out
}

func status(lang string, r *pricing.Result, fields func(string, []string) string, items func(string, *pricing.Result) []string) string {
	if r.PastLimit != nil {
		field := r.PastLimitField
		if lang != "en" {
			field = FieldName(lang, field) // ids are for the English
		}
		return Text(lang, "status.past_limit", pricing.MaxAmountText(), field)
	}
	if ServesNone(r) {
		return Text(lang, "status.serves_none", fields(lang, r.Uncovered))
	}
	var parts []string
	if !r.Covers {
		parts = append(parts, Text(lang, "status.uncovered", fields(lang, r.Uncovered)))
	}
	if !r.Complete {
		parts = append(parts, Text(lang, "status.unpriced", len(r.Unpriced), strings.Join(items(lang, r), Text(lang, "list.sep"))))
	}
	if len(parts) == 0 {
		return Text(lang, "status.complete")
	}
	return strings.Join(parts, Text(lang, "status.sep"))
}
