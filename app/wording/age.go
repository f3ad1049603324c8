package wording

import (
	"fmt"
	"slices"
	"strings"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// StaleAfterMonths: prices published longer ago than this at the
// scenario's start may have changed; the reader is asked to check them.
const StaleAfterMonths = 12

// PriceAge is how old an edition's prices are at day: months, whether the
// edition is dated at all, and whether the reader should check them (older
// than StaleAfterMonths, or undated).
type PriceAge struct {
	Date   scenarios.Date // zero when undated
	Months int
	Stale  bool
}

// AgeOf measures an edition's age at day (the scenario's start).
func AgeOf(e pricing.EditionRef, day scenarios.Date) PriceAge {
	d, err := scenarios.ParseDate(e.SourceDate)
	if err != nil {
		return PriceAge{Stale: true}
	}
	m := (day.Year()-d.Year())*12 + int(day.Month()) - int(d.Month())
	if day.Day() < d.Day() {
		m--
	}
	return PriceAge{Date: d, Months: max(m, 0), Stale: d.AddMonths(StaleAfterMonths).Before(day)}
}

// EditionDate is an edition's date as a reader sees it: "2021-12-20", or
// "未注明日期" / "undated".
func EditionDate(lang string, e pricing.EditionRef) string {
	if d, err := scenarios.ParseDate(e.SourceDate); err == nil {
		return d.String()
	}
	if lang == "en" {
		return "undated"
	}
	return "未注明日期"
}

// PriceAgeNote says a vendor's price date and, when stale, asks to check
// the current prices on the vendor's page:
// "价格 2021-12-20（开始时已 60 个月）：请核实最新价格 https://…".
func PriceAgeNote(lang string, r *pricing.Result, start scenarios.Date) string {
	var parts []string
	for _, e := range r.EditionRefs {
		a := AgeOf(e, start)
		var s string
		switch {
		case lang == "en" && a.Date.IsZero():
			s = "prices undated: check current prices " + e.URL
		case a.Date.IsZero():
			s = "价格未注明日期：请核实最新价格 " + e.URL
		case lang == "en" && a.Stale:
			s = fmt.Sprintf("prices of %s (%s old at the start): check current prices %s", a.Date, CountEN(a.Months, "month"), e.URL)
		case a.Stale:
			s = fmt.Sprintf("价格 %s（开始时已 %d 个月）：请核实最新价格 %s", a.Date, a.Months, e.URL)
		case lang == "en":
			s = "prices of " + a.Date.String()
		default:
			s = "价格 " + a.Date.String()
		}
		parts = append(parts, s)
	}
	// A document other than the edition priced some lines (Huawei's
	// numbers and calls): its age is said too, with its page.
	for _, e := range r.OtherSources {
		a := AgeOf(e, start)
		title := e.Title
		if lang == "en" {
			title = e.TitleEN
		}
		switch {
		case lang == "en" && a.Date.IsZero():
			parts = append(parts, fmt.Sprintf("prices from %s undated: check current prices %s", title, e.URL))
		case a.Date.IsZero():
			parts = append(parts, fmt.Sprintf("%s的价格未注明日期：请核实最新价格 %s", title, e.URL))
		case lang == "en" && a.Stale:
			parts = append(parts, fmt.Sprintf("prices from %s of %s (%s old at the start): check current prices %s", title, a.Date, CountEN(a.Months, "month"), e.URL))
		case a.Stale:
			parts = append(parts, fmt.Sprintf("%s的价格 %s（开始时已 %d 个月）：请核实最新价格 %s", title, a.Date, a.Months, e.URL))
		}
	}
	if lang == "en" {
		return strings.Join(parts, "; ")
	}
	return strings.Join(parts, "；")
}

// AnyStale reports whether any vendor's prices should be checked.
func AnyStale(c *pricing.Comparison) bool {
	for _, r := range c.Vendors {
		for _, e := range slices.Concat(r.EditionRefs, r.OtherSources) {
			if AgeOf(e, c.Start).Stale {
				return true
			}
		}
	}
	return false
}

// PriceDates is one short line of every vendor's price date for a chart
// subtitle or a results header: "价格日期：Chatopera 2023-12-15，腾讯企点
// 未注明日期…；请核实最新价格" (the request only when some are old).
func PriceDates(lang string, c *pricing.Comparison) string {
	var parts []string
	for _, r := range c.Vendors {
		for _, e := range r.EditionRefs {
			parts = append(parts, ShortVendorName(lang, r.Vendor)+" "+EditionDate(lang, e))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if lang == "en" {
		s := "prices of " + strings.Join(parts, ", ")
		if AnyStale(c) {
			s += ": check current prices"
		}
		return s
	}
	s := "价格日期：" + strings.Join(parts, "，")
	if AnyStale(c) {
		s += "；请核实最新价格"
	}
	return s
}

// VATKey is "included" or "excluded" (the JSON's "vat").
func VATKey(c *pricing.Comparison) string {
	if c.ExcludesVAT {
		return "excluded"
	}
	return "included"
}

// VATWords says which amounts every output shows: the published ones (VAT
// included) or net of VAT (÷ 1.06).
func VATWords(lang string, c *pricing.Comparison) string {
	if c.ExcludesVAT {
		return Text(lang, "vat.excluded")
	}
	return Text(lang, "vat.included")
}
