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
	Scenario    string        `json:"scenario"`
	Currency    string        `json:"currency"`
	Start       string        `json:"start"`
	Months      int           `json:"months"`
	PriceDate   string        `json:"price_date"`
	MonthLabels []string      `json:"month_labels"`
	Vendors     []jsonVendor  `json:"vendors"`
	Cheapest    string        `json:"cheapest"`
	Assumptions []pricingNote `json:"assumptions"`
}

type jsonVendor struct {
	Vendor       string        `json:"vendor"`
	Name         string        `json:"name"`
	NameEN       string        `json:"name_en"`
	Plan         string        `json:"plan"`
	PlanName     string        `json:"plan_name"`
	Auto         bool          `json:"auto"`
	Editions     []jsonEdition `json:"editions"`
	Total        string        `json:"total"`
	AfterHorizon string        `json:"after_horizon"`
	Schedule     []jsonBuy     `json:"schedule"`
	PresentValue *string       `json:"present_value,omitempty"`
	Monthly      []string      `json:"monthly"`
	Complete     bool          `json:"complete"`
	Covers       bool          `json:"covers"`
	Uncovered    []string      `json:"uncovered"`
	Unpriced     []string      `json:"unpriced"`
	Lines        []jsonLine    `json:"lines"`
	Alternatives []jsonAlt     `json:"alternatives"`
	Notes        []pricingNote `json:"notes"`
	Hints        []string      `json:"hints"`
}

type jsonLine struct {
	Item       string  `json:"item"`
	Label      string  `json:"label"`
	LabelEN    string  `json:"label_en"`
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
}

// jsonEdition is a price edition used, with its date (scenario-and-cli.md
// "Additions").
type jsonEdition struct {
	ID         string `json:"id"`
	From       string `json:"from"`
	Source     string `json:"source"`
	SourceDate string `json:"source_date"`
}

// jsonBuy is one purchase of the schedule.
type jsonBuy struct {
	Date     string  `json:"date"`
	Item     string  `json:"item"`
	Label    string  `json:"label"`
	LabelEN  string  `json:"label_en"`
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
		b := jsonBuy{Date: p.Date.String(), Item: p.Item, Label: p.Label, LabelEN: p.LabelEN, Quantity: p.Quantity.String(),
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
	Plan     string `json:"plan"`
	PlanName string `json:"plan_name"`
	Total    string `json:"total"`
	Complete bool   `json:"complete"`
	Reason   string `json:"reason,omitempty"`
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
	j := jsonComparison{Scenario: c.Scenario, Currency: pricing.Currency, Start: c.Start.String(), Months: c.Months,
		PriceDate: c.PriceDate.String(), MonthLabels: wording.MonthLabels(c), Cheapest: c.Cheapest, Assumptions: notesJSON(c.Assumptions),
		Vendors: []jsonVendor{}}
	for _, r := range c.Vendors {
		v := jsonVendor{Vendor: r.Vendor, Name: r.Name, NameEN: r.NameEN, Plan: r.Plan, PlanName: r.PlanName, Auto: r.Auto,
			Total: wording.Fixed(r.Total), AfterHorizon: wording.Fixed(r.AfterHorizon), Schedule: scheduleJSON(r.Schedule),
			Complete: r.Complete, Covers: r.Covers,
			Uncovered: nonNil(r.Uncovered), Unpriced: nonNil(r.Unpriced), Notes: notesJSON(r.Notes), Hints: nonNil(r.Hints),
			Lines: []jsonLine{}, Alternatives: []jsonAlt{}}
		for _, e := range r.EditionRefs {
			v.Editions = append(v.Editions, jsonEdition{ID: e.ID, From: e.From.String(), Source: e.Source, SourceDate: e.SourceDate})
		}
		if r.PresentValue != nil {
			pv := wording.Fixed(*r.PresentValue)
			v.PresentValue = &pv
		}
		for _, m := range r.Monthly {
			v.Monthly = append(v.Monthly, wording.Fixed(m))
		}
		for _, l := range r.Lines {
			jl := jsonLine{Item: l.Item, Label: l.Label, LabelEN: l.LabelEN, Quantity: l.Quantity.String(), Unit: l.Unit,
				Formula: l.Formula, FormulaZH: l.FormulaZH, Source: l.Source, SourceDate: l.SourceDate,
				Overridden: l.Overridden, Assumption: l.Assumption, Note: l.Note}
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
			v.Alternatives = append(v.Alternatives, jsonAlt{Plan: a.Plan, PlanName: a.PlanName, Total: wording.Fixed(a.Total), Complete: a.Complete, Reason: a.Reason})
		}
		j.Vendors = append(j.Vendors, v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(j)
	return b.Bytes(), err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ComparisonCSV renders one row per breakdown line with its monthly cash,
// and a TOTAL row per vendor, for spreadsheets (report.CSVWriter: no cell
// is taken as a formula).
func ComparisonCSV(c *pricing.Comparison) ([]byte, error) {
	var b bytes.Buffer
	w := report.NewCSVWriter(&b)
	head := []string{"vendor", "plan", "item", "label", "quantity", "unit", "unit_price", "amount"}
	head = append(head, wording.MonthLabels(c)...)
	head = append(head, "status", "assumption", "note", "formula", "source", "source_date")
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
			row = append(row, "", wording.YesNo(l.Assumption), l.Note, l.Formula, l.Source, l.SourceDate)
			if err := w.Write(row); err != nil {
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
			row = append(row, "purchase", "", fmt.Sprintf("%s CNY, covers until %s", amount, p.Until), p.Why, "", "")
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
		if !r.AfterHorizon.IsZero() {
			row := []string{r.Vendor, r.Plan, "AFTER_HORIZON", r.Name, "", "", "", wording.Fixed(r.AfterHorizon)}
			for range c.MonthStarts {
				row = append(row, "")
			}
			row = append(row, "paid after the horizon for use within it (in the total)", "", "", "", "", "")
			if err := w.Write(row); err != nil {
				return nil, err
			}
		}
		row := []string{r.Vendor, r.Plan, "TOTAL", r.Name, "", "", "", wording.Fixed(r.Total)}
		for _, m := range r.Monthly {
			row = append(row, wording.Fixed(m))
		}
		row = append(row, wording.Status("en", r, c.Cheapest), "", "", "", "", "")
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ComparisonTable renders the comparison for people: a summary, then each
// vendor's breakdown with formulas, sources and assumption markers.
func ComparisonTable(c *pricing.Comparison) string {
	var b strings.Builder
	prices := "latest price editions"
	if !c.PriceDate.IsZero() {
		prices = "prices in force on " + c.PriceDate.String()
	}
	name := c.Scenario
	if name == "" {
		name = "(unnamed scenario)"
	}
	end := c.Start.AddMonths(c.Months).AddDays(-1)
	fmt.Fprintf(&b, "%s — %d months, %s to %s, CNY (元), %s\n\n", name, c.Months, c.Start, end, prices)
	rows := [][]string{{"Vendor", "Plan", "Total", "Per month", "Status"}}
	for _, r := range c.Vendors {
		bound := wording.BoundOf(r)
		total := wording.Figure("en", r.Total, bound)
		per := wording.Figure("en", r.Total.Div(decimal.NewFromInt(int64(c.Months))), bound)
		rows = append(rows, []string{r.Name, r.Plan, total, per, wording.Status("en", r, c.Cheapest)})
	}
	b.WriteString(wording.Table(rows, map[int]bool{2: true, 3: true}))
	if c.Cheapest == "" {
		b.WriteString("\nNo vendor is both complete and covers every requirement: no cheapest is named.\n")
	}
	for _, n := range c.Assumptions {
		fmt.Fprintf(&b, "\n[A] %s", n.EN)
	}
	if len(c.Assumptions) > 0 {
		b.WriteString("\n")
	}
	for _, r := range c.Vendors {
		how := "pinned"
		if r.Auto {
			how = "chosen by auto"
		}
		fmt.Fprintf(&b, "\n== %s (%s) — plan %s, %s; editions %s\n", r.Name, r.NameEN, r.Plan, how, strings.Join(r.Editions, ", "))
		if len(r.Lines) == 0 {
			if !r.Covers {
				fmt.Fprintf(&b, "   serves none of this scenario's requirements (%s)\n", strings.Join(r.Uncovered, ", "))
				continue
			}
			b.WriteString("   nothing to buy for this scenario\n")
		} else {
			rows := [][]string{{"", "Item", "Quantity", "Unit price", "Amount", "How"}}
			for _, l := range r.Lines {
				mark := ""
				if l.Assumption {
					mark = "[A]"
				}
				price, amount := "unpriced", "unpriced"
				if l.UnitPrice != nil {
					price, amount = l.UnitPrice.String(), wording.Money(*l.Amount)
				}
				rows = append(rows, []string{mark, l.Label, wording.Quantity(l.Quantity) + " " + l.Unit, price, amount, l.Formula})
			}
			b.WriteString(indent(wording.Table(rows, map[int]bool{2: true, 3: true, 4: true}), "   "))
		}
		fmt.Fprintf(&b, "   Total %s CNY", wording.Money(r.Total))
		if r.PresentValue != nil {
			fmt.Fprintf(&b, " (present value %s)", wording.Money(*r.PresentValue))
		}
		b.WriteString("\n")
		if !r.AfterHorizon.IsZero() {
			fmt.Fprintf(&b, "   of which paid after the horizon for use within it: %s CNY\n", wording.Money(r.AfterHorizon))
		}
		if len(r.Schedule) > 0 {
			b.WriteString("   What to buy, when:\n")
			rows := [][]string{{"Date", "Buy", "Quantity", "Amount", "Covers until", "Why"}}
			for _, p := range r.Schedule {
				amount := "unpriced"
				if p.Amount != nil {
					amount = wording.Money(*p.Amount)
				}
				rows = append(rows, []string{p.Date.String(), p.LabelEN, wording.Quantity(p.Quantity) + " " + p.Unit, amount, p.Until.String(), p.Why})
			}
			b.WriteString(indent(wording.Table(rows, map[int]bool{2: true, 3: true}), "     "))
		}
		if !r.Complete {
			fmt.Fprintf(&b, "   Incomplete: no known price for %s — enter a quote with vendors.%s.prices in the scenario.\n", strings.Join(r.Unpriced, ", "), r.Vendor)
		}
		if !r.Covers {
			fmt.Fprintf(&b, "   Does not cover: %s — not a candidate for the whole scenario.\n", strings.Join(r.Uncovered, ", "))
		}
		for i, a := range r.Alternatives {
			label := "Other plan"
			if i == 0 {
				label = "Runner-up"
			}
			status := wording.Money(a.Total)
			if !a.Complete || a.Reason != "" {
				status += " (" + a.Reason + ")"
			}
			fmt.Fprintf(&b, "   %s: %s %s\n", label, a.Plan, status)
		}
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "   [A] %s\n", n.EN)
		}
		seen := map[string]bool{}
		for _, l := range r.Lines {
			if l.Assumption && !seen[l.Note] {
				seen[l.Note] = true
				fmt.Fprintf(&b, "   [A] %s: %s\n", l.Item, l.Note)
			}
		}
		for _, h := range r.Hints {
			fmt.Fprintf(&b, "   Hint: %s\n", h)
		}
		seenSrc := map[string]bool{}
		for _, l := range r.Lines {
			src := l.Source + " (" + l.SourceDate + ")"
			if !seenSrc[src] {
				seenSrc[src] = true
				fmt.Fprintf(&b, "   Source: %s\n", src)
			}
		}
	}
	return b.String()
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return prefix + strings.Join(lines, "\n"+prefix) + "\n"
}
