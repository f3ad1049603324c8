package wording

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"kefucost/pricing"
)

// Names from the price catalog in the reader's language: vendors, items,
// plans, options, sources and their dates, and the half of a bilingual
// note that the reader reads.

func catalogVendor(id string) *pricing.Vendor {
	c, err := pricing.LoadCatalog()
	if err != nil {
		return nil
	}
	return c.Vendor(id)
}

func pick(lang, zh, en string) string {
	if lang == "en" && en != "" {
		return en
	}
	if zh == "" {
		return en
	}
	return zh
}

// VendorNameByID is a vendor's name in lang; the id when the catalog does
// not know it.
func VendorNameByID(lang, id string) string {
	if v := catalogVendor(id); v != nil {
		return pick(lang, v.Name, v.NameEN)
	}
	return id
}

// ItemName is a catalog item's name in lang (the newest edition that has
// it); the id when the catalog does not know it.
func ItemName(lang, vendor, item string) string {
	v := catalogVendor(vendor)
	if v == nil {
		return item
	}
	for i := len(v.Editions) - 1; i >= 0; i-- {
		if it := v.Editions[i].Item(item); it != nil {
			return pick(lang, it.Name, it.NameEN)
		}
	}
	return item
}

// ItemNames names items with ItemName, joined as lang lists things.
func ItemNames(lang, vendor string, items []string) string {
	out := make([]string, len(items))
	for i, id := range items {
		out[i] = ItemName(lang, vendor, id)
	}
	return strings.Join(out, Text(lang, "list.sep"))
}

// PlanName is a plan's name in lang; "auto" is the automatic choice.
func PlanName(lang, vendor, plan string) string {
	if plan == "" || plan == "auto" {
		return Text(lang, "plan.auto")
	}
	if v := catalogVendor(vendor); v != nil {
		if p := v.Plan(plan); p != nil {
			return pick(lang, p.Name, p.NameEN)
		}
	}
	return plan
}

// OptionName is an interpretation option's name in lang.
func OptionName(lang, vendor, option string) string {
	if v := catalogVendor(vendor); v != nil {
		if o := v.Option(option); o != nil {
			return pick(lang, o.Name, o.NameEN)
		}
	}
	return option
}

// sourceTitles name the catalog's documents for a Chinese reader; the
// catalog's own text (with its seed file names) stays the English and
// machine-readable reference.
var sourceTitles = map[string]string{
	"腾讯企点客服 定价详情 (seed 002_1ee3d66ff13db041.txt)":                                                                                                                   "腾讯企点客服《定价详情》",
	"华为云 云客服 计费方式 (更新时间 2023-12-01; seed 003_58d4e8e1321b630f.txt)":                                                                                                 "华为云 云客服《计费方式》（更新时间 2023-12-01）",
	"华为云 云客服 FAQ (support.huaweicloud.com, topic 284714)":                                                                                                           "华为云 云客服 常见问题（华为云支持中心，问题 284714）",
	"阿里云 智能联络中心 产品定价, 文档版本 20211220 (seed 004_534b913bf48143e3.txt)":                                                                                                "阿里云 智能联络中心《产品定价》（文档版本 20211220）",
	"Chatopera 计费及发票 (older page: 按天计费, 按年计费; seed 000_99932459f08f03a8.txt)":                                                                                       "Chatopera《计费及发票》（旧版页面：按天计费、按年计费）",
	"chatopera/docs docfx_project/products/chatbot-platform/contract/billing.md and its price image (version 2023-02-10); rules from seed 001_50ade7c980513d54.txt": "Chatopera 文档《计费》及其价格图（2023-02-10 版）",
	"chatopera/docs docfx_project/products/chatbot-platform/contract/billing.md and its price image (version 2023-12-15); rules from seed 001_50ade7c980513d54.txt": "Chatopera 文档《计费》及其价格图（2023-12-15 版）",
	"your quote (scenario price override)": "您的报价（方案中填写）",
}

var seedRef = regexp.MustCompile(`\s*[(;,]?\s*seed \d+_[0-9a-f]+\.txt\)?`)

// SourceTitle names a price's source document in lang: in English as the
// catalog writes it, in Chinese by its title (a source the titles do not
// know loses its seed file name).
func SourceTitle(lang, src string) string {
	if lang == "en" {
		return src
	}
	if t, ok := sourceTitles[src]; ok {
		return t
	}
	return strings.TrimSpace(seedRef.ReplaceAllString(src, ""))
}

// SourceName names where a line's price comes from, for a reader, in
// lang: its title and public address (SourceOf), "title address".
func SourceName(lang string, r *pricing.Result, l *pricing.Line) string {
	title, url := SourceOf(lang, r, l)
	if url == "" {
		return title
	}
	return title + " " + url
}

// SourceOf names where a line's price comes from: the buyer's own quote
// or line (no address), or the vendor's public page by its title and
// address (the catalog edition's), never a file name. A source no edition
// names (an item's own, as Huawei's FAQ) is its title, without any seed
// file name.
func SourceOf(lang string, r *pricing.Result, l *pricing.Line) (title, url string) {
	switch {
	case l.Buyer:
		return Text(lang, "source.buyer"), ""
	case l.Overridden:
		return Text(lang, "source.quote"), ""
	}
	for _, e := range slices.Concat(r.EditionRefs, r.OtherSources) {
		if e.Source == l.Source && e.URL != "" {
			title := e.Title
			if lang == "en" && e.TitleEN != "" {
				title = e.TitleEN
			}
			return title, e.URL
		}
	}
	if lang == "en" {
		return strings.TrimSpace(seedRef.ReplaceAllString(l.Source, "")), ""
	}
	return SourceTitle(lang, l.Source), ""
}

var (
	undatedSupplied = regexp.MustCompile(`^undated \(supplied (\d{4})\)$`)
	undatedBefore   = regexp.MustCompile(`^undated \(before (\d{4}-\d{2}-\d{2})\)$`)
)

// SourceDate is a source's date in lang ("undated (supplied 2026)" →
// "未注明日期，2026 年提供"): it is often written in brackets already.
func SourceDate(lang, d string) string {
	if d == "scenario" {
		return "" // the title says it: your quote (entered in the scenario)
	}
	if lang == "en" {
		return d
	}
	switch {
	case undatedSupplied.MatchString(d):
		return undatedSupplied.ReplaceAllString(d, "未注明日期，$1 年提供")
	case undatedBefore.MatchString(d):
		return undatedBefore.ReplaceAllString(d, "未注明日期，早于 $1")
	case d == "as published":
		return "按发布时"
	}
	return d
}

// NoteIn is the part of a bilingual note (Chinese sentences, each
// followed by its English: "剩余月数不足一月按一月计。A started month
// counts in full.") that lang reads. A note in one language only is
// returned whole.
func NoteIn(lang, note string) string {
	zh, en := SplitNote(note)
	if lang == "en" {
		if en == "" {
			return note
		}
		return en
	}
	if zh == "" {
		return note
	}
	return zh
}

// SplitNote splits a bilingual note into its Chinese and English
// sentences. A piece ends after "。"; within a piece, English written
// before the first Han character (up to the ". " that ends it) belongs to
// the previous pair.
func SplitNote(note string) (zh, en string) {
	var zs, es []string
	rest := note
	for rest != "" {
		piece := rest
		if i := strings.Index(rest, "。"); i >= 0 {
			piece, rest = rest[:i+len("。")], rest[i+len("。"):]
			// A closing bracket or quote after 。 belongs to the sentence.
			for _, c := range []string{"）", "”", "」"} {
				if strings.HasPrefix(rest, c) {
					piece += c
					rest = rest[len(c):]
				}
			}
		} else {
			rest = ""
		}
		h := strings.IndexFunc(piece, func(r rune) bool { return unicode.Is(unicode.Han, r) })
		if h < 0 {
			es = append(es, strings.TrimSpace(piece))
			continue
		}
		// The Chinese sentence starts after the last ". " before its first
		// Han character (it may start with Latin: "ASR 按…").
		cut := 0
		if j := strings.LastIndex(piece[:h], ". "); j >= 0 {
			cut = j + 1
		} else if j := strings.LastIndex(piece[:h], "."); j >= 0 && j == len(strings.TrimRight(piece[:h], " "))-1 {
			cut = j + 1
		}
		if e := strings.TrimSpace(piece[:cut]); e != "" {
			es = append(es, e)
		}
		zs = append(zs, strings.TrimSpace(piece[cut:]))
	}
	return strings.Join(nonEmpty(zs), ""), strings.Join(nonEmpty(es), " ")
}

func nonEmpty(s []string) []string {
	out := s[:0:0]
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// unitWord finds a catalog unit written after a number ("21 user·year").
var unitWord = regexp.MustCompile(`(\d) ([a-z]+(?:·[a-z-]+)?)\b`)

// askQuote is where the engine's Chinese formula of an unpriced line
// names the item id to quote (vendors.<id>.prices[item] in the file).
var askQuote = regexp.MustCompile(`请输入报价 [a-z0-9.\-]+）`)

// FormulaInWindow is Formula for the window, where a quote is entered on
// the Vendors tab (the item is named by the line), not by its id.
func FormulaInWindow(lang string, l *pricing.Line) string {
	return askQuote.ReplaceAllString(Formula(lang, l), Text(lang, "formula.ask_quote"))
}

// Formula is how a line's amount was computed, in lang: for a priced
// line every factor and what the billing rule did (LineFormula); for an
// unpriced one the engine's formula (which says how to give a quote),
// with its units in lang.
func Formula(lang string, l *pricing.Line) string {
	if l.Amount != nil && l.UnitPrice != nil {
		return LineFormula(lang, l)
	}
	if lang == "en" || l.FormulaZH == "" {
		return l.Formula
	}
	return unitWord.ReplaceAllStringFunc(l.FormulaZH, func(m string) string {
		g := unitWord.FindStringSubmatch(m)
		return g[1] + " " + UnitText(lang, g[2])
	})
}
