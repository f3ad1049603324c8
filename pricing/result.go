package pricing

import (
	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// Currency is the only currency the vendors quote.
const Currency = "CNY"

// Comparison is the answer to "what would each vendor cost us over the
// horizon?": one Result per enabled vendor, in display order.
type Comparison struct {
	Scenario string
	Start    scenarios.Date
	Months   int
	// MonthStarts[i] is the first day of horizon month i (labels for charts).
	MonthStarts []scenarios.Date
	Vendors     []*Result
	// Cheapest is the vendor id with the lowest total among vendors that are
	// complete and cover every requirement; "" if none.
	Cheapest string
	// PriceDate is the day whose editions were used (the latest when the
	// scenario left it empty, shown as "").
	PriceDate scenarios.Date
	// Assumptions shared by every vendor (call length model, growth rounding).
	Assumptions []Note

	// Groups are the service groups the scenario needs (Groups ids, in
	// order); §7.10.
	Groups []string
	// Combinations are the complete ways to give every needed group to a
	// vendor, every part priced, cheapest first (a tie goes to fewer
	// vendors), at most MaxCombinations. A single vendor serving every
	// group is one of them. Empty when there is none (see Gaps).
	Combinations []Combination
	// PartlyPriced are combinations with a part that lacks prices: their
	// totals are too low by the unpriced items, so they are listed apart
	// and never ranked against Combinations (at most MaxCombinations).
	PartlyPriced []Combination
	// Gaps say, per needed group no vendor can take, why: then there is no
	// combination at all; or, when every combination lacks prices, the
	// groups no vendor takes at a known price (GroupGap.Unpriced).
	Gaps []GroupGap
	// CombineNotes are remarks on the buyer's combine settings (a pin on a
	// group not needed).
	CombineNotes []Note
	// ExcludesVAT is set on the view net of VAT (WithoutVAT): amounts are
	// the published ones ÷ 1.06. Every output that shows it says so.
	ExcludesVAT bool

	// totalsOnly: priced without detail (compare's detail false); its
	// combinations' parts are priced the same way.
	totalsOnly bool
	// parts, when set, keeps or gives the parts combinations price per
	// group set (the tornado's sides reuse the base's).
	parts *partCache
}

// BestCombination is the cheapest complete combination, or nil.
func (c *Comparison) BestCombination() *Combination {
	if len(c.Combinations) == 0 {
		return nil
	}
	return &c.Combinations[0]
}

// Result is one vendor's cost for the scenario under one plan.
type Result struct {
	Vendor   string // vendor id
	Name     string // display name, Chinese
	NameEN   string // display name, English
	Plan     string // plan id used
	PlanName string
	// Auto is true when the optimizer chose the plan.
	Auto bool
	// Editions maps each catalog edition used to its id, e.g. "2023-12".
	Editions []string
	// Total is the cash paid over the horizon for the priced items; when the
	// result is not Complete the true total is higher by the unpriced items.
	Total   decimal.Decimal
	Monthly []decimal.Decimal
	// Complete is true when no needed item lacks a price.
	Complete bool
	// Covers is true when the vendor serves every requirement of the scenario.
	Covers bool
	// Uncovered lists demand field names the vendor cannot serve.
	Uncovered []string
	// Unpriced lists catalog item ids the scenario needs whose price is unknown.
	Unpriced []string
	Lines    []*Line
	// Alternatives are the other plans evaluated, cheapest first (for auto);
	// the first is the runner-up.
	Alternatives []PlanTotal
	// Notes are the interpretations and assumptions this result rests on,
	// each also flagged on the lines it affects.
	Notes []Note
	// Hints point out cheaper nearby choices (tier cliffs, plan switches).
	Hints []string
	// HintsZH are the same hints in Chinese, in the same order.
	HintsZH []string
	// PresentValue of the monthly cash at the scenario's discount rate; nil
	// when the rate is 0.
	PresentValue *decimal.Decimal
	// Schedule is the buyer's action plan: what to buy, when, how many and
	// for how much, in date order (pricing-rules §7.5). Usage billed after
	// the fact (minutes, on-demand days) is in Lines only.
	Schedule []Purchase
	// AfterHorizon is cash paid after the horizon for use within it (an
	// on-demand month settled on the 1st after the end); it is in Total but
	// in no month of Monthly.
	AfterHorizon decimal.Decimal
	// EditionRefs describe the editions used: their dates show the prices'
	// age.
	EditionRefs []EditionRef
	// OtherSources name the documents, other than the editions, that
	// priced lines of this result (Huawei's numbers and calls, from its
	// FAQ), with their dates: their age counts as much as the edition's.
	OtherSources []EditionRef
	// ExtrasTotal is the part of Total that is the buyer's own lines.
	ExtrasTotal decimal.Decimal
	// Serves lists the scenario's service groups (Groups ids) the vendor
	// serves whole; a vendor that does not cover everything serves only
	// these (shown as "仅覆盖：机器人").
	Serves []string

	// PastLimit, when set, says the vendor's amounts would be more than
	// MaxAmount: nothing of it was computed — Total is no amount (0),
	// Monthly and Lines are empty, Complete is false — so it is never
	// ranked nor part of a combination, and the other vendors are compared
	// without it. Its text says why, naming PastLimitField (the quote,
	// the buyer's own lines or the vendor) to check. A comparison whose
	// every vendor is past the limit is refused instead.
	PastLimit      *Note
	PastLimitField string

	outage       string
	pc           *planCtx // until finishResult
	pastLimitErr *scenarios.FieldError
}

// Purchase is one step of a purchase schedule: buy Quantity of Item on
// Date for Amount, covering through Until.
type Purchase struct {
	Date     scenarios.Date
	Item     string // catalog item id
	Label    string // Chinese
	LabelEN  string
	Quantity decimal.Decimal
	Unit     string
	// Amount is nil when the item is unpriced.
	Amount *decimal.Decimal
	// Until is the last day the purchase covers (zero when it has no term).
	Until scenarios.Date
	// Why says why this purchase, in English and Chinese.
	Why   string
	WhyZH string
}

// EditionRef names a price edition a result used, with its date.
type EditionRef struct {
	ID         string
	From       scenarios.Date
	Source     string
	SourceDate string
	// Title, TitleEN and URL name the vendor's public price page.
	Title, TitleEN, URL string
}

// PlanTotal is what another plan would have cost.
type PlanTotal struct {
	Plan     string
	PlanName string
	Total    decimal.Decimal
	Complete bool
	// Why the plan was not chosen, when not simply dearer.
	Reason string
}

// Line is one item of a breakdown: Quantity × UnitPrice = Amount, with how
// it was computed and where the price comes from.
type Line struct {
	Item      string // catalog item id, e.g. "voice.minute"
	Label     string // what it is, Chinese
	LabelEN   string
	Quantity  decimal.Decimal
	Unit      string
	UnitPrice *decimal.Decimal // nil: unpriced
	Amount    *decimal.Decimal // nil: unpriced
	// Formula says how the amount was computed, in numbers (English), and
	// FormulaZH the same in Chinese.
	Formula   string
	FormulaZH string
	// How and HowZH are the formula's explanation alone (what the billing
	// rule did), without the arithmetic; "" when there is none.
	How, HowZH string
	// Source is the document the price comes from, SourceDate its date.
	Source     string
	SourceDate string
	// Overridden is set when the unit price is the buyer's quote, not the list.
	Overridden bool
	// Assumption is set when the line rests on an interpretation or
	// assumption; Note says which.
	Assumption bool
	Note       string
	// Buyer is set on the buyer's own lines (vendors.<id>.extras): amounts
	// the buyer entered, not a vendor's price (item ExtraItem).
	Buyer bool
	// ListPrice is the published price per unit before Rates; nil when the
	// unit price is used as it is (no rate applies, or the buyer's quote).
	ListPrice *decimal.Decimal
	// Rates multiply ListPrice into UnitPrice, in order: the negotiated
	// discount, a term discount.
	Rates []Rate
	// Product is set when Amount is exactly Quantity × UnitPrice (that is,
	// Quantity × ListPrice × every rate), rounded to the fen: a
	// spreadsheet may recompute it. Amounts billed per day, per bill or
	// by tier, or prorated, are not a product of the line's figures.
	Product bool
	// Gross is the line as published (VAT included) on the view net of
	// VAT (WithoutVAT), nil otherwise: a spreadsheet may recompute a net
	// amount from the published figures.
	Gross *Line

	monthlyFen []int64
}

// Rate is one multiplier of a line's list price.
type Rate struct {
	Value   decimal.Decimal
	Label   string // Chinese, e.g. "3 年期折扣"
	LabelEN string
}

// EffectiveUnitPrice is what one unit actually cost: Amount ÷ Quantity to
// 4 places; nil when unpriced or the quantity is 0.
func (l *Line) EffectiveUnitPrice() *decimal.Decimal {
	if l.Amount == nil || l.Quantity.IsZero() {
		return nil
	}
	p := l.Amount.DivRound(l.Quantity, 4)
	return &p
}

// Note is one interpretation or assumption, shown next to what it affects.
type Note struct {
	ID   string // stable id, e.g. "tencent.sessions-from-packs"
	Text string // Chinese
	EN   string
	// Option, when set, is the scenario option id that switches it.
	Option string
}

// Priced reports whether the line has a known amount.
func (l *Line) Priced() bool { return l.Amount != nil }

// MonthlyCash is this line's cash in each horizon month (nil when
// unpriced); computed on demand, as few views need it.
func (l *Line) MonthlyCash() []decimal.Decimal {
	if l.Amount == nil || l.monthlyFen == nil {
		return nil
	}
	out := make([]decimal.Decimal, len(l.monthlyFen))
	for i, f := range l.monthlyFen {
		out[i] = fromFen(f)
	}
	return out
}
