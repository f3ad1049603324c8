package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"kefucost/app/report"
	"kefucost/app/wording"
	"kefucost/pricing"
)

// jsonComparison is the --format json contract of scenario-and-cli.md.
type jsonComparison struct {
	Scenario string `json:"scenario"`
	Currency string `json:"currency"`
	// VAT is "included" (the vendors' published amounts) or "excluded"
	// (÷ 1.06, --vat excluded).
	VAT         string        `json:"vat"`
	Start       string        `json:"start"`
	Months      int           `json:"months"`
	PriceDate   string        `json:"price_date"`
	MonthLabels []string      `json:"month_labels"`
	Vendors     []jsonVendor  `json:"vendors"`
	Cheapest    string        `json:"cheapest"`
	Assumptions []pricingNote `json:"assumptions"`
	// Combinations of vendors by service group (scenario-and-cli.md
	// "Additions", pricing-rules §7.10).
	Groups              []string      `json:"groups"`
	Combinations        []jsonCombo   `json:"combinations"`
	CheapestCombination *jsonCombo    `json:"cheapest_combination,omitempty"`
	PartlyPriced        []jsonCombo   `json:"combinations_partly_priced"`
	NoCombination       []jsonGap     `json:"no_combination,omitempty"`
	CombineNotes        []pricingNote `json:"combine_notes,omitempty"`
}

// jsonCombo is one combination: which vendor takes which group, its total
// and each part's.
type jsonCombo struct {
	// Total is null for a partly priced combination: KnownTotal is then
	// its priced part, a lower bound (unpriced is not 0).
	Total      *string           `json:"total"`
	KnownTotal *string           `json:"known_total,omitempty"`
	Groups     map[string]string `json:"groups"`
	Complete   bool              `json:"complete"`
	// Difference to the cheapest combination ("0.00" for it); absent for
	// partly priced ones, which are not ranked.
	Difference *string    `json:"difference,omitempty"`
	Parts      []jsonPart `json:"parts"`
	// Monthly is null for a partly priced combination, as its total:
	// KnownMonthly holds each month's priced cash.
	Monthly      []string `json:"monthly"`
	KnownMonthly []string `json:"known_monthly,omitempty"`
}

type jsonPart struct {
	Vendor     string   `json:"vendor"`
	Groups     []string `json:"groups"`
	Plan       string   `json:"plan"`
	Total      *string  `json:"total"`
	KnownTotal *string  `json:"known_total,omitempty"`
	Extras     string   `json:"extras"`
	Complete   bool     `json:"complete"`
	Unpriced   []string `json:"unpriced"`
}

// jsonGap says why a needed group has no vendor.
type jsonGap struct {
	Group    string              `json:"group"`
	Why      string              `json:"why"`
	WhyZH    string              `json:"why_zh"`
	Lacks    map[string][]string `json:"lacks,omitempty"`
	Disabled []string            `json:"disabled,omitempty"`
	Excluded []string            `json:"excluded,omitempty"`
	PinnedTo string              `json:"pinned_to,omitempty"`
}

func comboJSON(cb *pricing.Combination, best *pricing.Combination) jsonCombo {
	j := jsonCombo{Groups: cb.GroupMap(), Complete: cb.Complete, Parts: []jsonPart{}}
	j.Total, j.KnownTotal = totalJSON(cb.Total, cb.Complete)
	if cb.Complete && best != nil {
		d := wording.Fixed(cb.Total.Sub(best.Total))
		j.Difference = &d
	}
	for _, p := range cb.Parts {
		jp := jsonPart{Vendor: p.Vendor, Groups: p.Groups, Plan: p.Result.Plan,
			Extras: wording.Fixed(p.Result.ExtrasTotal), Complete: p.Result.Complete, Unpriced: nonNil(p.Result.Unpriced)}
		jp.Total, jp.KnownTotal = totalJSON(p.Result.Total, p.Result.Complete)
		j.Parts = append(j.Parts, jp)
	}
	j.Monthly, j.KnownMonthly = monthlyJSON(cb.Monthly, cb.Complete)
	return j
}

type jsonVendor struct {
	Vendor   string        `json:"vendor"`
	Name     string        `json:"name"`
	NameEN   string        `json:"name_en"`
	Plan     string        `json:"plan"`
	PlanName string        `json:"plan_name"`
	Auto     bool          `json:"auto"`
	Editions []jsonEdition `json:"editions"`
	// Total is null when the vendor is incomplete (complete false, items
	// unpriced): KnownTotal is then what the priced items sum to, a lower
	// bound, never a total to rank. The same for PresentValue
	// (KnownPresentValue) and Monthly (KnownMonthly: each month's priced
	// cash). A vendor that serves none of the needs (rank "none") has no
	// amount at all: total and monthly null, never 0.
	Total      *string `json:"total"`
	KnownTotal *string `json:"known_total,omitempty"`
	// AfterHorizon is null with Total for a vendor that has no amount.
	AfterHorizon      *string       `json:"after_horizon"`
	Schedule          []jsonBuy     `json:"schedule"`
	PresentValue      *string       `json:"present_value,omitempty"`
	KnownPresentValue *string       `json:"known_present_value,omitempty"`
	Monthly           []string      `json:"monthly"`
	KnownMonthly      []string      `json:"known_monthly,omitempty"`
	Complete          bool          `json:"complete"`
	Covers            bool          `json:"covers"`
	Uncovered         []string      `json:"uncovered"`
	Unpriced          []string      `json:"unpriced"`
	Lines             []jsonLine    `json:"lines"`
	Alternatives      []jsonAlt     `json:"alternatives"`
	Notes             []pricingNote `json:"notes"`
	Hints             []string      `json:"hints"`
	// Serves are the needed service groups the vendor serves whole; Rank
	// its place in the ranking (cheapest, only_whole, whole, unpriced,
	// partial, none); Extras the buyer's own lines in Total.
	Serves []string `json:"serves"`
	Rank   string   `json:"rank"`
	Extras string   `json:"extras"`
	// PastLimitField, with rank "past_limit", names what to check: the
	// vendor's amounts would pass 10^15 CNY, so nothing of it was computed
	// (total and monthly null, no lines; its note says why).
	PastLimitField string `json:"past_limit_field,omitempty"`
}

var rankNames = map[wording.Rank]string{wording.RankNone: "none", wording.RankPartial: "partial", wording.RankUnpriced: "unpriced",
	wording.RankPastLimit: "past_limit", wording.RankCheapest: "cheapest", wording.RankOnlyWhole: "only_whole", wording.RankWhole: "whole"}

type jsonLine struct {
	jsonItemName
	Quantity   string  `json:"quantity"`
	Unit       string  `json:"unit"`
	UnitPrice  *string `json:"unit_price"`
	Amount     *string `json:"amount"`
	Formula    string  `json:"formula"`
	FormulaZH  string  `json:"formula_zh"`
	Source     string  `json:"source"`
	SourceDate string  `json:"source_date"`
	Overridden bool    `json:"overridden"`
	Assumption bool    `json:"assumption"`
	Note       string  `json:"note,omitempty"`
	// Buyer marks the buyer's own lines (vendors.<id>.extras).
	Buyer bool `json:"buyer,omitempty"`
	// ListPrice and Rates: unit_price = list_price × every rate (the
	// negotiated discount, a term discount); absent when no rate applies.
	ListPrice *string    `json:"list_price,omitempty"`
	Rates     []jsonRate `json:"rates,omitempty"`
	// Product: amount = quantity × unit_price rounded to the fen; false
	// for amounts billed per day, per bill, by tier or prorated.
	Product bool `json:"product"`
	// EffectiveUnitPrice is amount ÷ quantity (4 places).
	EffectiveUnitPrice *string `json:"effective_unit_price,omitempty"`
}

type jsonRate struct {
	Rate    string `json:"rate"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en"`
}

// jsonEdition is a price edition used, with its date (scenario-and-cli.md
// "Additions").
type jsonEdition struct {
	ID         string `json:"id"`
	From       string `json:"from"`
	Source     string `json:"source"`
	SourceDate string `json:"source_date"`
	// Title and URL name the vendor's public price page; AgeMonths is the
	// prices' age at the start (absent when undated); CheckPrices is set
	// when they are older than 12 months then, or undated.
	Title       string `json:"title"`
	TitleEN     string `json:"title_en"`
	URL         string `json:"url"`
	AgeMonths   *int   `json:"age_months,omitempty"`
	CheckPrices bool   `json:"check_prices"`
}

// jsonBuy is one purchase of the schedule.
// jsonItemName names an item in the JSON outputs (a breakdown line, a
// purchase, a line that differs between two scenarios): its id and its
// Chinese and English labels.
type jsonItemName struct {
	Item    string `json:"item"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en"`
}

type jsonBuy struct {
	Date string `json:"date"`
	jsonItemName
	Quantity string  `json:"quantity"`
	Unit     string  `json:"unit"`
	Amount   *string `json:"amount"`
	Until    string  `json:"until"`
	Why      string  `json:"why"`
	WhyZH    string  `json:"why_zh"`
}

func scheduleJSON(ps []pricing.Purchase) []jsonBuy {
	out := make([]jsonBuy, 0, len(ps))
	for _, p := range ps {
		b := jsonBuy{Date: p.Date.String(), jsonItemName: jsonItemName{p.Item, p.Label, p.LabelEN}, Quantity: p.Quantity.String(),
			Unit: p.Unit, Until: p.Until.String(), Why: p.Why, WhyZH: p.WhyZH}
		if p.Amount != nil {
			a := wording.Fixed(*p.Amount)
			b.Amount = &a
		}
		out = append(out, b)
	}
	return out
}

type jsonAlt struct {
	Plan       string  `json:"plan"`
	PlanName   string  `json:"plan_name"`
	Total      *string `json:"total"`
	KnownTotal *string `json:"known_total,omitempty"`
	Complete   bool    `json:"complete"`
	Reason     string  `json:"reason,omitempty"`
}

type pricingNote struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	EN     string `json:"en"`
	Option string `json:"option,omitempty"`
}

func notesJSON(ns []pricing.Note) []pricingNote {
	out := make([]pricingNote, 0, len(ns))
	for _, n := range ns {
		out = append(out, pricingNote{ID: n.ID, Text: n.Text, EN: n.EN, Option: n.Option})
	}
	return out
}

// ComparisonJSON renders a comparison as the documented JSON.
func ComparisonJSON(c *pricing.Comparison) ([]byte, error) {
	j := jsonComparison{Scenario: c.Scenario, Currency: pricing.Currency, VAT: wording.VATKey(c), Start: c.Start.String(), Months: c.Months,
		PriceDate: c.PriceDate.String(), MonthLabels: wording.MonthLabels(c), Cheapest: c.Cheapest, Assumptions: notesJSON(c.Assumptions),
		Vendors: []jsonVendor{}}
	for _, r := range c.Vendors {
		v := jsonVendor{Vendor: r.Vendor, Name: r.Name, NameEN: r.NameEN, Plan: r.Plan, PlanName: r.PlanName, Auto: r.Auto,
			AfterHorizon: ptr(wording.Fixed(r.AfterHorizon)), Schedule: scheduleJSON(r.Schedule),
			Complete: r.Complete, Covers: r.Covers,
			Uncovered: nonNil(r.Uncovered), Unpriced: nonNil(r.Unpriced), Notes: notesJSON(r.Notes), Hints: nonNil(r.Hints),
			Lines: []jsonLine{}, Alternatives: []jsonAlt{},
			Serves: nonNil(r.Serves), Rank: rankNames[wording.RankOf(c, r)], Extras: wording.Fixed(r.ExtrasTotal), PastLimitField: r.PastLimitField}
		v.Total, v.KnownTotal = totalJSON(r.Total, r.Complete)
		v.Monthly, v.KnownMonthly = monthlyJSON(r.Monthly, r.Complete)
		if r.PresentValue != nil {
			v.PresentValue, v.KnownPresentValue = totalJSON(*r.PresentValue, r.Complete)
		}
		if wording.NoAmount(r) {
			// Nothing to sell for the scenario, or not computed (past
			// 10^15 CNY): its 0 is no price.
			v.Total, v.KnownTotal, v.Monthly, v.KnownMonthly, v.PresentValue, v.KnownPresentValue = nil, nil, nil, nil, nil, nil
			v.AfterHorizon = nil
		}
		for _, e := range r.EditionRefs {
			je := jsonEdition{ID: e.ID, From: e.From.String(), Source: e.Source, SourceDate: e.SourceDate, Title: e.Title, TitleEN: e.TitleEN, URL: e.URL}
			age := wording.AgeOf(e, c.Start)
			if !age.Date.IsZero() {
				je.AgeMonths = &age.Months
			}
			je.CheckPrices = age.Stale
			v.Editions = append(v.Editions, je)
		}
		for _, l := range r.Lines {
			jl := jsonLine{jsonItemName: jsonItemName{l.Item, l.Label, l.LabelEN}, Quantity: l.Quantity.String(), Unit: l.Unit,
				Formula: wording.Formula("en", l), FormulaZH: wording.Formula("zh", l), Source: l.Source, SourceDate: l.SourceDate,
				Overridden: l.Overridden, Assumption: l.Assumption, Note: l.Note, Buyer: l.Buyer, Product: l.Product}
			if l.ListPrice != nil {
				s := l.ListPrice.String()
				jl.ListPrice = &s
			}
			for _, x := range l.Rates {
				jl.Rates = append(jl.Rates, jsonRate{Rate: x.Value.String(), Label: x.Label, LabelEN: x.LabelEN})
			}
			if e := l.EffectiveUnitPrice(); e != nil {
				s := e.String()
				jl.EffectiveUnitPrice = &s
			}
			if l.UnitPrice != nil {
				s := l.UnitPrice.String()
				jl.UnitPrice = &s
			}
			if l.Amount != nil {
				s := wording.Fixed(*l.Amount)
				jl.Amount = &s
			}
			v.Lines = append(v.Lines, jl)
		}
		for _, a := range r.Alternatives {
			ja := jsonAlt{Plan: a.Plan, PlanName: a.PlanName, Complete: a.Complete, Reason: a.Reason}
			ja.Total, ja.KnownTotal = totalJSON(a.Total, a.Complete)
			if wording.NoAmount(r) {
				ja.Total, ja.KnownTotal = nil, nil // serves none under any plan: no price
			}
			v.Alternatives = append(v.Alternatives, ja)
		}
		j.Vendors = append(j.Vendors, v)
	}
	j.Groups = nonNil(c.Groups)
	best := c.BestCombination()
	j.Combinations, j.PartlyPriced = []jsonCombo{}, []jsonCombo{}
	for i := range c.Combinations {
		j.Combinations = append(j.Combinations, comboJSON(&c.Combinations[i], best))
	}
	if best != nil {
		first := j.Combinations[0]
		j.CheapestCombination = &first
	}
	for i := range c.PartlyPriced {
		j.PartlyPriced = append(j.PartlyPriced, comboJSON(&c.PartlyPriced[i], nil))
	}
	for _, g := range c.Gaps {
		jg := jsonGap{Group: g.Group, Why: g.Why, WhyZH: wording.GapText("zh", g), Disabled: g.Disabled, Excluded: g.Excluded, PinnedTo: g.PinnedTo}
		for _, l := range g.Lacks {
			if jg.Lacks == nil {
				jg.Lacks = map[string][]string{}
			}
			jg.Lacks[l.Vendor] = l.Fields
		}
		j.NoCombination = append(j.NoCombination, jg)
	}
	if len(c.CombineNotes) > 0 {
		j.CombineNotes = notesJSON(c.CombineNotes)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(j)
	return b.Bytes(), err
}

// totalJSON is a total as JSON: the amount when complete; when not (items
// unpriced), no total (null) and the priced part as known_total, a lower
// bound: unpriced is not 0, and a partial total never reads as whole.
func totalJSON(d decimal.Decimal, complete bool) (total, known *string) {
	s := wording.Fixed(d)
	if complete {
		return &s, nil
	}
	return nil, &s
}

// monthlyJSON is a monthly cash list as JSON, by totalJSON's rule: the
// amounts when complete; when not, null and the priced cash of each month
// as known (a month's cash would otherwise read as the whole month's).
func monthlyJSON(ms []decimal.Decimal, complete bool) (monthly, known []string) {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, wording.Fixed(m))
	}
	if complete {
		return out, nil
	}
	return nil, out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ComparisonCSV renders one row per breakdown line with its monthly cash,
// and a TOTAL row per vendor, for spreadsheets (report.CSVWriter: no cell
// is taken as a formula). The formula and a purchase's reason are in lang,
// the formula as the table and JSON give it (wording.Formula): a line that
// is not a plain product says so, never a false "a × b = c".
func ComparisonCSV(c *pricing.Comparison, lang string) ([]byte, error) {
	var b bytes.Buffer
	w := report.NewCSVWriter(&b)
	head := []string{"vendor", "plan", "item", "label", "quantity", "unit", "unit_price", "amount"}
	head = append(head, wording.MonthLabels(c)...)
	head = append(head, "status", "assumption", "note", "formula", "source", "source_date", "vat")
	// Every row says whether its amounts include VAT ("included": as
	// published; "excluded": ÷ 1.06), as the JSON's "vat" does: a row
	// copied elsewhere keeps it.
	vat := wording.VATKey(c)
	write := func(row []string) error { return w.Write(append(row, vat)) }
	if err := w.Write(head); err != nil {
		return nil, err
	}
	for _, r := range c.Vendors {
		for _, l := range r.Lines {
			row := []string{r.Vendor, r.Plan, l.Item, l.Label, l.Quantity.String(), l.Unit, "unpriced", "unpriced"}
			if l.UnitPrice != nil {
				row[6] = l.UnitPrice.String()
				row[7] = wording.Fixed(*l.Amount)
			}
			monthly := l.MonthlyCash()
			for i := range c.MonthStarts {
				if monthly == nil {
					row = append(row, "")
				} else {
					row = append(row, wording.Fixed(monthly[i]))
				}
			}
			row = append(row, "", wording.YesNo(l.Assumption), l.Note, wording.Formula(lang, l), wording.SourceName("en", r, l), l.SourceDate)
			if err := write(row); err != nil {
				return nil, err
			}
		}
		// The schedule: what to buy and when. Its amounts are the lines'
		// again, by purchase, so the month columns stay empty.
		for _, p := range r.Schedule {
			amount := "unpriced"
			if p.Amount != nil {
				amount = wording.Fixed(*p.Amount)
			}
			// The amount goes in the note, not the amount column: summing that
			// column must not count a purchase twice (its line has it).
			row := []string{r.Vendor, r.Plan, "PURCHASE " + p.Date.String(), p.Label, p.Quantity.String(), p.Unit, "", ""}
			for range c.MonthStarts {
				row = append(row, "")
			}
			why := p.Why
			if lang != "en" && p.WhyZH != "" {
				why = p.WhyZH
			}
			row = append(row, "purchase", "", fmt.Sprintf("%s CNY, covers until %s", amount, p.Until), why, "", "")
			if err := write(row); err != nil {
				return nil, err
			}
		}
		if !r.AfterHorizon.IsZero() {
			row := []string{r.Vendor, r.Plan, "AFTER_HORIZON", r.Name, "", "", "", wording.Fixed(r.AfterHorizon)}
			for range c.MonthStarts {
				row = append(row, "")
			}
			row = append(row, "paid after the horizon for use within it (in the total)", "", "", "", "", "")
			if err := write(row); err != nil {
				return nil, err
			}
		}
		// A total that is a lower bound, or no price at all (a vendor
		// serving none of the needs), says so in its cells: never a bare
		// figure a spreadsheet would rank against complete ones.
		bound := wording.BoundOf(r)
		row := []string{r.Vendor, r.Plan, "TOTAL", r.Name, "", "", "", wording.Bounded("en", bound, wording.Fixed(r.Total))}
		for _, m := range r.Monthly {
			row = append(row, wording.Bounded("en", bound, wording.Fixed(m)))
		}
		status := wording.Badge("en", c, r) + "; " + wording.Status("en", r)
		if r.PastLimit != nil {
			status = wording.Status("en", r) // says "not computed" itself
		}
		row = append(row, status, "", "", "", "", "")
		if err := write(row); err != nil {
			return nil, err
		}
	}
	// Combinations: one row each, its total and monthly cash (the parts'
	// sums: like TOTAL rows, not to be summed with the lines), then those
	// not ranked because a part lacks prices.
	best := c.BestCombination()
	for i := range c.Combinations {
		cb := &c.Combinations[i]
		status := "cheapest way to cover everything"
		if i > 0 {
			status = "more than the cheapest by " + wording.Gap("en", cb.Total, best.Total)
		}
		row := []string{"COMBINATION", fmt.Sprint(i + 1), wording.CombinationIDs(cb), wording.CombinationText("zh", cb), "", "", "", wording.Fixed(cb.Total)}
		for _, m := range cb.Monthly {
			row = append(row, wording.Fixed(m))
		}
		row = append(row, status, "", wording.CombinationText("en", cb), "", "", "")
		if err := write(row); err != nil {
			return nil, err
		}
	}
	for i := range c.PartlyPriced {
		cb := &c.PartlyPriced[i]
		row := []string{"COMBINATION_PARTLY_PRICED", "", wording.CombinationIDs(cb), wording.CombinationText("zh", cb), "", "", "", "unpriced"}
		for range c.MonthStarts {
			row = append(row, "")
		}
		row = append(row, "not ranked: a part lacks prices; priced part "+wording.Fixed(cb.Total)+" CNY", "", wording.CombinationText("en", cb), "", "", "")
		if err := write(row); err != nil {
			return nil, err
		}
	}
	for _, g := range c.Gaps {
		row := []string{"NO_COMBINATION", "", g.Group, wording.GapText("zh", g), "", "", "", ""}
		for range c.MonthStarts {
			row = append(row, "")
		}
		row = append(row, g.Why, "", "", "", "", "")
		if err := write(row); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ComparisonTable renders the comparison for people in lang ("zh" or
// "en"): a summary, then each vendor's breakdown with formulas, sources and
// assumption markers. Ids stay as the scenario file writes them.
func ComparisonTable(c *pricing.Comparison, lang string) string {
	t := func(key string, args ...any) string { return wording.Text(lang, key, args...) }
	zh := lang != "en"
	pickZH := func(zhText, en string) string {
		if zh && zhText != "" {
			return zhText
		}
		return en
	}
	var b strings.Builder
	prices := t("cli.table.latest")
	if !c.PriceDate.IsZero() {
		prices = t("cli.table.price_date", c.PriceDate.String())
	}
	name := c.Scenario
	if name == "" {
		name = t("cli.table.unnamed")
	}
	end := c.Start.AddMonths(c.Months).AddDays(-1)
	b.WriteString(t("cli.table.head", name, c.Months, c.Start, end, prices) + "\n")
	b.WriteString("  " + wording.VATWords(lang, c) + "\n")
	// The prices' age beside the totals they make: old or undated ones
	// carry the check request and the vendor's page.
	for _, r := range c.Vendors {
		b.WriteString("  " + t("cli.table.age", wording.VendorName(r, lang), wording.PriceAgeNote(lang, r, c.Start)) + "\n")
	}
	b.WriteString("\n")
	rows := [][]string{{t("cli.col.vendor"), t("cli.col.plan"), t("cli.col.total"), t("cli.col.per_month"), t("cli.col.rank"), t("cli.col.status")}}
	for _, r := range c.Vendors {
		bound := wording.BoundOf(r)
		total := wording.Figure(lang, r.Total, bound)
		per := wording.Figure(lang, r.Total.Div(decimal.NewFromInt(int64(c.Months))), bound)
		rows = append(rows, []string{wording.VendorName(r, lang), r.Plan, total, per, wording.Badge(lang, c, r), wording.Status(lang, r)})
	}
	b.WriteString(wording.Table(rows, map[int]bool{2: true, 3: true}))
	if c.Cheapest == "" {
		b.WriteString("\n" + t("cli.table.no_cheapest") + "\n")
	}
	b.WriteString("\n" + comboTable(c, lang))
	mark := t("cli.mark.assumption")
	for _, n := range c.Assumptions {
		fmt.Fprintf(&b, "\n%s %s", mark, pickZH(n.Text, n.EN))
	}
	if len(c.Assumptions) > 0 {
		b.WriteString("\n")
	}
	unpriced := t("unpriced")
	for _, r := range c.Vendors {
		how := t("cli.table.pinned")
		if r.Auto {
			how = t("cli.table.auto")
		}
		switch {
		case r.PastLimit != nil && r.Plan == "":
			// Not computed under auto: no plan was chosen.
			fmt.Fprintf(&b, "\n== %s\n", pickZH(r.Name, r.Name+" ("+r.NameEN+")"))
		case zh:
			plan := r.Plan
			if r.PlanName != "" {
				plan = r.PlanName + "（" + r.Plan + "）"
			}
			fmt.Fprintf(&b, "\n== %s — 方案 %s，%s；价格版本 %s\n", r.Name, plan, how, strings.Join(r.Editions, "、"))
		default:
			fmt.Fprintf(&b, "\n== %s (%s) — plan %s, %s; editions %s\n", r.Name, r.NameEN, r.Plan, how, strings.Join(r.Editions, ", "))
		}
		if r.PastLimit != nil {
			// Not computed: why (its one note, naming the item), what it
			// would not cover anyway, the prices' age; no line, no total.
			b.WriteString("   " + pickZH(r.PastLimit.Text, r.PastLimit.EN) + "\n")
			if !r.Covers {
				names := strings.Join(r.Uncovered, ", ")
				if zh {
					names = wording.FieldRefs(lang, r.Uncovered)
				}
				b.WriteString("   " + t("cli.table.uncovered", names) + "\n")
			}
			if len(r.EditionRefs) > 0 {
				b.WriteString("   " + wording.PriceAgeNote(lang, r, c.Start) + "\n")
			}
			continue
		}
		if len(r.Lines) == 0 {
			if !r.Covers {
				b.WriteString("   " + t("cli.table.serves_none", wording.FieldRefs(lang, r.Uncovered)) + "\n")
				continue
			}
			b.WriteString("   " + t("cli.table.nothing") + "\n")
		} else {
			// The window's breakdown columns, in its order: the unit price
			// as published (or the buyer's quote), the discounts that
			// multiply it, the effective unit price (amount ÷ quantity),
			// the amount. The 单价 column held the discounted price
			// (799.2 beside a formula saying 999 × 0.8).
			rows := [][]string{{"", t("cli.col.item"), t("cli.col.quantity"), t("cli.col.unit_price"), t("cli.col.factors"), t("cli.col.effective"), t("cli.col.amount"), t("cli.col.how")}}
			for _, l := range r.Lines {
				m := ""
				if l.Assumption {
					m = mark
				}
				price, amount, effective := unpriced, unpriced, ""
				if p := wording.LinePrice(l); p != nil && l.Amount != nil {
					price, amount = wording.Price(*p), wording.Money(*l.Amount)
				}
				if e := l.EffectiveUnitPrice(); e != nil {
					effective = wording.Price(*e)
				}
				// The item in the reader's language ("资源包 10,000 元" read
				// in English as "Resource pack CNY 10,000", as the schedule
				// below names it).
				label := l.LabelEN
				if zh || label == "" {
					label = l.Label
				}
				rows = append(rows, []string{m, label, wording.Quantity(l.Quantity) + " " + unitIn(lang, l.Unit), price, wording.LineFactors(l), effective, amount, wording.Formula(lang, l)})
			}
			b.WriteString(indent(wording.Table(rows, map[int]bool{2: true, 3: true, 5: true, 6: true}), "   "))
		}
		// An incomplete total is what the priced items sum to: "at
		// least", or unknown when nothing needed is priced (the lines
		// below say what is missing).
		bound := wording.BoundOf(r)
		if bound == wording.Unknown {
			b.WriteString("   " + t("cli.table.total.unknown"))
		} else {
			b.WriteString("   " + t("cli.table.total", wording.Bounded(lang, bound, wording.Money(r.Total))))
		}
		if r.PresentValue != nil && bound != wording.Unknown {
			b.WriteString(t("cli.table.pv", wording.Bounded(lang, bound, wording.Money(*r.PresentValue))))
		}
		b.WriteString("\n")
		if !r.AfterHorizon.IsZero() {
			b.WriteString("   " + t("cli.table.after", wording.Money(r.AfterHorizon)) + "\n")
		}
		if len(r.Schedule) > 0 {
			b.WriteString("   " + t("cli.table.schedule") + "\n")
			rows := [][]string{{t("cli.col.date"), t("cli.col.buy"), t("cli.col.quantity"), t("cli.col.amount"), t("cli.col.until"), t("cli.col.why")}}
			for _, p := range r.Schedule {
				amount := unpriced
				if p.Amount != nil {
					amount = wording.Money(*p.Amount)
				}
				until := p.Until.String()
				rows = append(rows, []string{p.Date.String(), pickZH(p.Label, p.LabelEN), wording.Quantity(p.Quantity) + " " + unitIn(lang, p.Unit), amount, until, pickZH(p.WhyZH, p.Why)})
			}
			b.WriteString(indent(wording.Table(rows, map[int]bool{2: true, 3: true}), "     "))
		}
		if !r.Complete {
			names := strings.Join(r.Unpriced, ", ")
			if zh {
				names = wording.ItemNames(lang, r.Vendor, r.Unpriced) + "（" + strings.Join(r.Unpriced, "、") + "）"
			}
			b.WriteString("   " + t("cli.table.incomplete", names, r.Vendor) + "\n")
		}
		if !r.Covers {
			names := strings.Join(r.Uncovered, ", ")
			if zh {
				names = wording.FieldRefs(lang, r.Uncovered)
			}
			b.WriteString("   " + t("cli.table.uncovered", names) + "\n")
		}
		for i, a := range r.Alternatives {
			label := t("cli.table.other_plan")
			if i == 0 {
				label = t("cli.table.runner_up")
			}
			// Another plan's total is worded by what it is: an incomplete
			// one is a lower bound or unknown, never a plain amount.
			status := wording.Figure(lang, a.Total, wording.PlanBound(r, a))
			if !a.Complete || a.Reason != "" {
				status += t("cli.table.reason", wording.PlanReason(lang, r.Vendor, a.Reason))
			}
			planName := a.Plan
			if zh && a.PlanName != "" {
				planName = a.PlanName + "（" + a.Plan + "）"
			}
			b.WriteString("   " + t("cli.table.alternative", label, planName, status) + "\n")
		}
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "   %s %s\n", mark, pickZH(n.Text, n.EN))
		}
		seen := map[string]bool{}
		for _, l := range r.Lines {
			if l.Assumption && !seen[l.Note] {
				seen[l.Note] = true
				what := l.Item
				if zh {
					what = l.Label
					fmt.Fprintf(&b, "   %s %s：%s\n", mark, what, wording.NoteIn(lang, l.Note))
				} else {
					fmt.Fprintf(&b, "   %s %s: %s\n", mark, what, wording.NoteIn(lang, l.Note))
				}
			}
		}
		hints := r.Hints
		if zh && len(r.HintsZH) == len(r.Hints) {
			hints = r.HintsZH
		}
		for _, h := range hints {
			b.WriteString("   " + t("cli.table.hint", h) + "\n")
		}
		seenSrc := map[string]bool{}
		for _, l := range r.Lines {
			// Title, date, then the address (a URL is best last, alone).
			src, url := wording.SourceOf(lang, r, l)
			if d := wording.SourceDate(lang, l.SourceDate); d != "" {
				src += t("cli.table.source_date", d)
			}
			if url != "" {
				src += " " + url
			}
			if !seenSrc[src] {
				seenSrc[src] = true
				b.WriteString("   " + t("cli.table.source", src) + "\n")
			}
		}
		if len(r.EditionRefs) > 0 {
			b.WriteString("   " + wording.PriceAgeNote(lang, r, c.Start) + "\n")
		}
	}
	return b.String()
}

// unitIn is a catalog unit in lang; English keeps the catalog's words.
func unitIn(lang, u string) string {
	if lang == "en" {
		return u
	}
	return wording.UnitText(lang, u)
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return prefix + strings.Join(lines, "\n"+prefix) + "\n"
}

// comboTable is the answer and the combinations, cheapest first, with the
// difference of each to the cheapest; those not ranked follow.
func comboTable(c *pricing.Comparison, lang string) string {
	t := func(key string, args ...any) string { return wording.Text(lang, key, args...) }
	var b strings.Builder
	b.WriteString(wording.Answer(lang, c) + "\n")
	best := c.BestCombination()
	if best != nil {
		head := []string{"#"}
		for _, g := range c.Groups {
			head = append(head, wording.GroupName(lang, g))
		}
		head = append(head, t("cli.col.total"), t("cli.col.difference"))
		rows := [][]string{head}
		for i := range c.Combinations {
			cb := &c.Combinations[i]
			row := []string{fmt.Sprint(i + 1)}
			for _, g := range c.Groups {
				row = append(row, wording.ShortVendorName(lang, cb.VendorFor(g)))
			}
			row = append(row, wording.Money(cb.Total), wording.Gap(lang, cb.Total, best.Total))
			rows = append(rows, row)
		}
		right := map[int]bool{len(head) - 2: true, len(head) - 1: true}
		b.WriteString("\n" + t("cli.combos.head") + "\n")
		b.WriteString(indent(wording.Table(rows, right), "  "))
	}
	if len(c.PartlyPriced) > 0 {
		b.WriteString("\n" + t("cli.combos.partly") + "\n")
		for i := range c.PartlyPriced {
			cb := &c.PartlyPriced[i]
			bound := wording.AtLeast
			if cb.Total.IsZero() {
				bound = wording.Unknown
			}
			fmt.Fprintf(&b, "  %s  %s\n", wording.CombinationText(lang, cb), wording.Figure(lang, cb.Total, bound))
		}
	}
	for _, n := range c.CombineNotes {
		text := n.EN
		if lang != "en" {
			text = n.Text
		}
		fmt.Fprintf(&b, "%s %s\n", t("cli.mark.assumption"), text)
	}
	return b.String()
}

func ptr(s string) *string { return &s }
