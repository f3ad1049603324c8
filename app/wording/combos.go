package wording

import (
	"strings"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
)

// Combinations of vendors by service group (pricing-rules §7.10) and the
// ranking words that follow from them, the same in the window, the
// command line, the charts and the report.

// GroupName is a service group in lang's words: "机器人", "bot".
func GroupName(lang, id string) string {
	g := pricing.GroupByID(id)
	if g == nil {
		return id
	}
	if lang == "en" {
		return g.NameEN
	}
	return g.Name
}

// GroupNames lists groups in lang's words: "机器人、电话".
func GroupNames(lang string, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = GroupName(lang, id)
	}
	return strings.Join(out, Text(lang, "list.sep"))
}

// ShortVendorName is the vendor's short name ("腾讯企点", "Tencent"), for
// combinations, where the full names would not fit a line.
func ShortVendorName(lang, id string) string {
	if t, ok := Lookup(langKey(lang), "vendor.short."+id); ok {
		return t
	}
	return id
}

func langKey(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "zh"
}

// CombinationIDs writes which vendor takes which group of a combination
// by their ids, for programs and spreadsheets (the CSVs): "bot=chatopera
// online=tencent-qidian".
func CombinationIDs(cb *pricing.Combination) string {
	var parts []string
	for _, g := range pricing.Groups {
		if v := cb.VendorFor(g.ID); v != "" {
			parts = append(parts, g.ID+"="+v)
		}
	}
	return strings.Join(parts, " ")
}

// CombinationText names a combination's parts with their groups:
// "Chatopera（机器人）+ 腾讯企点（在线客服、电话）".
func CombinationText(lang string, cb *pricing.Combination) string {
	parts := make([]string, len(cb.Parts))
	for i, p := range cb.Parts {
		parts[i] = Text(lang, "combo.part", ShortVendorName(lang, p.Vendor), GroupNames(lang, p.Groups))
	}
	return strings.Join(parts, " + ")
}

// Gap words the difference of total to best: "+5,298.00 元（+25.0%）";
// "" when they are equal.
func Gap(lang string, total, best decimal.Decimal) string {
	d := total.Sub(best)
	if d.IsZero() {
		return ""
	}
	pct := "—"
	if best.IsPositive() {
		pct = d.Mul(decimal.NewFromInt(100)).DivRound(best, 1).StringFixed(1)
		if d.IsPositive() {
			pct = "+" + pct
		}
	}
	sign := ""
	if d.IsPositive() {
		sign = "+"
	}
	return Text(lang, "combo.gap", sign+Money(d), pct)
}

// Answer is the first thing a buyer reads: the cheapest way to cover
// everything, "最便宜的全覆盖方式：Chatopera（机器人）+ 腾讯企点（在线客服、
// 电话）= 21,195.00 元", or why there is none.
func Answer(lang string, c *pricing.Comparison) string {
	if best := c.BestCombination(); best != nil {
		a := Text(lang, "combo.answer", CombinationText(lang, best), Money(best.Total))
		if best.Total.IsZero() {
			// Nothing to pay (Aliyun's IVR, included in its service, is
			// all that is asked): 0.00 alone reads as "free".
			a += Text(lang, "combo.answer.free")
		}
		return a
	}
	if len(c.Groups) == 0 {
		return Text(lang, "combo.nothing_needed")
	}
	if len(c.Gaps) > 0 {
		whys := make([]string, len(c.Gaps))
		for i, g := range c.Gaps {
			whys[i] = GapText(lang, g)
		}
		return Text(lang, "combo.none", strings.Join(whys, Text(lang, "status.sep")))
	}
	return Text(lang, "combo.none_priced", len(c.PartlyPriced))
}

// GapText says why no vendor takes a group: "电话：阿里云 智能联络中心已停用；
// 腾讯企点不覆盖 AI 语音坐席 …".
func GapText(lang string, g pricing.GroupGap) string {
	var whys []string
	if g.PinnedTo != "" {
		name := ShortVendorName(lang, g.PinnedTo)
		switch g.PinWhy {
		case "disabled":
			whys = append(whys, Text(lang, "combo.gap.pinned_disabled", name))
		case "excluded":
			whys = append(whys, Text(lang, "combo.gap.pinned_excluded", name))
		default:
			var lacks []string
			for _, l := range g.Lacks {
				lacks = append(lacks, FieldLabels(lang, l.Fields))
			}
			whys = append(whys, Text(lang, "combo.gap.pinned_uncovered", name, strings.Join(lacks, Text(lang, "list.sep"))))
		}
	} else {
		for _, l := range g.Lacks {
			whys = append(whys, Text(lang, "combo.gap.lacks", ShortVendorName(lang, l.Vendor), FieldLabels(lang, l.Fields)))
		}
		for _, id := range g.Disabled {
			whys = append(whys, Text(lang, "combo.gap.disabled", ShortVendorName(lang, id)))
		}
		for _, id := range g.Excluded {
			whys = append(whys, Text(lang, "combo.gap.excluded", ShortVendorName(lang, id)))
		}
		for _, u := range g.Unpriced {
			whys = append(whys, Text(lang, "combo.gap.unpriced", ShortVendorName(lang, u.Vendor), ItemNames(lang, u.Vendor, u.Fields)))
		}
	}
	return Text(lang, "combo.gap.group", GroupName(lang, g.Group), strings.Join(whys, Text(lang, "list.sep")))
}

// FieldLabels lists demand fields by their labels.
func FieldLabels(lang string, fields []string) string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = FieldLabel(lang, f)
	}
	return strings.Join(out, Text(lang, "list.sep"))
}

// CheapestWhole is the vendor that may be called the cheapest: the single
// vendor that is complete, covers everything and is also the cheapest way
// to cover everything (the first combination); "" otherwise. A vendor that
// merely is the only one covering everything is not "the cheapest".
func CheapestWhole(c *pricing.Comparison) string {
	best := c.BestCombination()
	if best == nil || len(best.Parts) != 1 || best.Parts[0].Vendor != c.Cheapest {
		return ""
	}
	return c.Cheapest
}

// Rank is what a vendor's total is in the ranking.
type Rank int

const (
	// RankNone: serves none of the needs ("不适用").
	RankNone Rank = iota
	// RankPartial: covers only part of the needs; its total is a partial
	// amount, never a competitor ("仅覆盖：机器人").
	RankPartial
	// RankUnpriced: covers everything but lacks prices: not ranked.
	RankUnpriced
	// RankPastLimit: its amounts would pass 10^15 元: not computed, never
	// ranked ("未计算").
	RankPastLimit
	// RankCheapest: the cheapest way to cover everything ("★ 最便宜").
	RankCheapest
	// RankOnlyWhole: the only vendor covering everything, but a
	// combination costs less ("唯一全覆盖").
	RankOnlyWhole
	// RankWhole: covers everything, not the cheapest ("全覆盖").
	RankWhole
)

// RankOf places r in c's ranking.
func RankOf(c *pricing.Comparison, r *pricing.Result) Rank {
	switch {
	case r.PastLimit != nil:
		return RankPastLimit
	case ServesNone(r):
		return RankNone
	case !r.Covers:
		return RankPartial
	case !r.Complete:
		return RankUnpriced
	case CheapestWhole(c) == r.Vendor:
		return RankCheapest
	}
	for _, o := range c.Vendors {
		if o != r && o.Covers && o.Complete {
			return RankWhole
		}
	}
	return RankOnlyWhole
}

// Ranked reports whether the vendor's total competes (is whole and priced).
func (k Rank) Ranked() bool { return k >= RankCheapest }

// Badge is the ranking word on a vendor's card, in the table and the
// report: "★ 最便宜", "唯一全覆盖", "全覆盖", "仅覆盖：机器人", "全覆盖（有未定价
// 项目）", "不适用".
func Badge(lang string, c *pricing.Comparison, r *pricing.Result) string {
	switch RankOf(c, r) {
	case RankNone:
		return Text(lang, "amount.na")
	case RankPartial:
		if len(r.Serves) == 0 {
			return Text(lang, "rank.partial_fields")
		}
		return Text(lang, "rank.partial", GroupNames(lang, r.Serves))
	case RankUnpriced:
		return Text(lang, "rank.unpriced")
	case RankPastLimit:
		return Text(lang, "amount.notcomputed")
	case RankCheapest:
		return CheapestOf(lang, r)
	case RankOnlyWhole:
		return Text(lang, "rank.only_whole")
	}
	return Text(lang, "rank.whole")
}
