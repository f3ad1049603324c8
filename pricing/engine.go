package pricing

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// Compare computes what every enabled vendor would cost for the scenario,
// month by month over its horizon. The scenario must be valid (Validate);
// an invalid one returns the validation errors.
func Compare(s *scenarios.Scenario) (*Comparison, error) {
	if errs := Validate(s); len(errs) > 0 {
		return nil, errs
	}
	c, err := compare(s, true, nil)
	if err != nil {
		return nil, err
	}
	// Every vendor past the limit: nothing to compare, refused naming
	// the first (one among others is left out, R21).
	if c.allPastLimit() {
		return nil, c.pastLimitError()
	}
	cat, err := LoadCatalog()
	if err != nil {
		return nil, err
	}
	if err := combinations(s, c, cat); err != nil {
		return nil, err
	}
	return c, nil
}

// compare prices a valid scenario; without detail only totals are filled
// (no lines' monthly cash or formulas), for sweeps. With only, just those
// vendors are priced.
func compare(s *scenarios.Scenario, detail bool, only map[string]bool) (*Comparison, error) {
	cat, err := LoadCatalog()
	if err != nil {
		return nil, err
	}
	t := newTimeline(s)
	if t.err != nil {
		return nil, scenarios.FieldErrors{t.err}
	}
	c := &Comparison{
		Scenario:    s.Name,
		Start:       s.Start,
		Months:      s.Months,
		MonthStarts: t.monthStarts[:s.Months],
		PriceDate:   s.PriceDate,
		totalsOnly:  !detail,
	}
	c.Assumptions = sharedNotes(t)
	// Vendors are independent: price them in parallel (results must follow
	// typing). The timeline's caches are filled first so that it is only
	// read from here on.
	if len(t.naturals) > 0 {
		t.billed(0)
	}
	if !s.DiscountRate.IsZero() {
		t.discountFactors()
	}
	results := make([]*Result, len(cat.Vendors))
	price := func(i int) {
		v := cat.Vendors[i]
		vs := s.Vendor(v.ID)
		defer func() {
			if p := recover(); p != nil {
				o, ok := p.(tooLarge)
				if !ok {
					panic(p)
				}
				results[i] = pastLimit(t, v, vs, o)
			}
		}()
		results[i] = evaluateVendor(t, v, vs, detail)
	}
	var todo []int
	for i, v := range cat.Vendors {
		if vs := s.Vendor(v.ID); vs.IsEnabled() && (only == nil || only[v.ID]) {
			todo = append(todo, i)
		}
	}
	var wg sync.WaitGroup
	for k, i := range todo {
		if k == len(todo)-1 {
			// The last is priced here: this goroutine's stack has grown
			// already (a new one grows its stack again, every time).
			price(i)
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			price(i)
		}()
	}
	wg.Wait()
	// A vendor past MaxAmount is kept, marked (pastLimit); whether that
	// refuses the comparison is the caller's (Compare: when every vendor
	// is).
	for _, r := range results {
		if r != nil {
			c.Vendors = append(c.Vendors, r)
		}
	}
	var best *Result
	for _, r := range c.Vendors {
		if r.Complete && r.Covers && (best == nil || r.Total.LessThan(best.Total)) {
			best = r
		}
	}
	if best != nil {
		c.Cheapest = best.Vendor
	}
	return c, nil
}

// allPastLimit says every vendor priced is past MaxAmount (and there is
// at least one).
func (c *Comparison) allPastLimit() bool {
	for _, r := range c.Vendors {
		if r.PastLimit == nil {
			return false
		}
	}
	return len(c.Vendors) > 0
}

// pastLimitError is the refusal of the first vendor past MaxAmount, nil
// when none is: for the callers that cannot leave a vendor out (a
// sweep's point, a tornado's side are refused whole, as before).
func (c *Comparison) pastLimitError() error {
	for _, r := range c.Vendors {
		if r.pastLimitErr != nil {
			return scenarios.FieldErrors{r.pastLimitErr}
		}
	}
	return nil
}

// Validate checks the scenario and, against the catalog, its plan ids, price
// override ids, option ids and price date.
func Validate(s *scenarios.Scenario) scenarios.FieldErrors {
	errs := s.Validate()
	cat, err := LoadCatalog()
	if err != nil {
		return append(errs, &scenarios.FieldError{Msg: "price catalog: " + err.Error()})
	}
	for _, id := range scenarios.VendorIDs {
		vs, ok := s.Vendors[id]
		v := cat.Vendor(id)
		if !ok {
			continue
		}
		p := "vendors." + id
		if plan := vs.PlanOrAuto(); plan != "auto" {
			pl := v.Plan(plan)
			switch {
			case pl == nil:
				ids := make([]string, len(v.Plans))
				for i, p := range v.Plans {
					ids[i] = p.ID
				}
				errs = append(errs, &scenarios.FieldError{Field: p + ".plan", Key: scenarios.ErrUnknownID, Args: []any{plan},
					Msg: fmt.Sprintf("unknown plan %q (%s has: auto, %s)", plan, id, strings.Join(ids, ", "))})
			case pl.EditionFor(s.PriceDate, vs.Options) == nil:
				when := "at the latest prices"
				if !s.PriceDate.IsZero() {
					when = "on the price date " + s.PriceDate.String()
				}
				msg := fmt.Sprintf("plan %q is no longer sold %s", plan, when)
				if pl.LegacyOption != "" {
					msg += fmt.Sprintf(" (if you negotiated it, switch on the option %q)", pl.LegacyOption)
				}
				errs = append(errs, &scenarios.FieldError{Field: p + ".plan", Key: scenarios.ErrRange, Args: []any{plan}, Msg: msg})
			}
		}
		known := v.ItemIDs()
		for _, item := range sortedKeys(vs.Prices) {
			if !contains(known, item) {
				errs = append(errs, &scenarios.FieldError{Field: p + ".prices[\"" + item + "\"]", Key: scenarios.ErrUnknownID, Args: []any{item},
					Msg: fmt.Sprintf("unknown item %q for %s (see: kefucost plans --vendor %s)", item, id, id)})
			}
		}
		packs := v.PackIDs()
		for i, g := range vs.Gifts {
			if g.Item == "" || contains(packs, g.Item) {
				continue // a missing item is the scenario's error
			}
			e := &scenarios.FieldError{Field: fmt.Sprintf("%s.gifts[%d].item", p, i), Key: scenarios.ErrUnknownID, Args: []any{g.Item},
				Msg: fmt.Sprintf("unknown pack %q for %s (its packs: %s)", g.Item, id, strings.Join(packs, ", "))}
			switch {
			case len(packs) == 0:
				e.Key, e.Args = scenarios.ErrNoPacks, []any{g.Item}
				e.Msg = fmt.Sprintf("%s sells no packs, so %q cannot be a gift received from it", id, g.Item)
			case contains(known, g.Item):
				e.Key, e.Args = scenarios.ErrChoice, []any{strings.Join(packs, ", ")}
				e.Msg = fmt.Sprintf("%q is not a pack of %s (its packs: %s)", g.Item, id, strings.Join(packs, ", "))
			}
			errs = append(errs, e)
		}
		for _, o := range sortedKeys(vs.Options) {
			if v.Option(o) == nil {
				errs = append(errs, &scenarios.FieldError{Field: p + ".options[\"" + o + "\"]", Key: scenarios.ErrUnknownID, Args: []any{o},
					Msg: fmt.Sprintf("unknown option %q for %s", o, id)})
			}
		}
	}
	for _, g := range sortedKeys(s.Combine.Pin) {
		if GroupByID(g) == nil {
			errs = append(errs, &scenarios.FieldError{Field: "combine.pin." + g, Key: scenarios.ErrChoice, Args: []any{"bot, online, phone"},
				Msg: fmt.Sprintf("unknown service group %q (groups: bot, online, phone)", g)})
		}
	}
	return errs
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// planCtx is one plan being priced for one vendor.
type planCtx struct {
	t        *timeline
	v        *Vendor
	plan     *Plan
	ed       *Edition
	vs       scenarios.VendorSettings
	discount decimal.Decimal
	b        *bill
	notes    []Note
	hints    []Note // Text Chinese, EN English
	// outage, when set, says the plan cannot serve the whole horizon.
	outage string
	// schedule collects the plan's purchases (its action plan).
	schedule []Purchase
	// cache holds parts of the bill that do not depend on the plan, shared
	// by every plan of the vendor in one comparison.
	cache  map[string]*sharedPart
	prices map[string]*resolved
	tiers  map[tierKey]*resolved
	// memo holds plan-independent working data a vendor's rules keep
	// across its plans in one comparison (Huawei's day tables and searches).
	memo map[string]any
	// later holds work only the chosen plan's details need (writing its
	// purchase schedule), run by finishResult: the other plans, and
	// sweeps, need only totals. Not for use inside shared parts.
	later []func()
	// recorded keeps chargeRecorded's price for the share last charged.
	recorded *recordedPrice
	// laterBuys is how many purchases later will add to schedule: it is
	// grown once (a Purchase is large; a huge schedule grown step by step
	// was a fifth of the bytes a comparison allocated).
	laterBuys int
}

// sharedPart is a plan-independent piece of a vendor's bill.
type sharedPart struct {
	lines    []*Line
	schedule []Purchase
	fen      map[*Line]*fenAcc
	notes    []Note
	hints    []Note
}

// shared runs fn (which charges plan-independent items) once per vendor
// and comparison, and adds copies of its lines, notes and hints to this
// plan's bill: Aliyun's four seat plans share their minutes and numbers.
func (pc *planCtx) shared(key string, fn func()) {
	part := pc.cache[key]
	if part == nil {
		b, notes, hints, sched := pc.b, pc.notes, pc.hints, pc.schedule
		pc.b, pc.notes, pc.hints, pc.schedule = newBill(pc.t.months), nil, nil, nil
		fn()
		part = &sharedPart{lines: pc.b.lines, fen: pc.b.fen, notes: pc.notes, hints: pc.hints, schedule: pc.schedule}
		pc.b, pc.notes, pc.hints, pc.schedule = b, notes, hints, sched
		pc.cache[key] = part
	}
	for _, l := range part.lines {
		c := *l
		pc.b.lines = append(pc.b.lines, &c)
		// The copy is not in byItem: nothing charges it again, so it
		// shares the part's accumulator (only read from here on).
		pc.b.fen[&c] = part.fen[l]
	}
	pc.schedule = append(pc.schedule, part.schedule...)
	for _, n := range part.notes {
		pc.note(n)
	}
	pc.hints = append(pc.hints, part.hints...)
}

// price resolves an item's unit price: the buyer's override if given (taken
// as final), else the list price × the vendor discount; nil when unpriced.
func (pc *planCtx) price(id string) (*decimal.Decimal, *Item, bool) {
	r := pc.resolve(id)
	return r.p, r.it, r.over
}

// resolve is price with the result kept for the plan, ready for fast
// multiplication.
func (pc *planCtx) resolve(id string) *resolved {
	if r, ok := pc.prices[id]; ok {
		return r
	}
	p, it, over := pc.resolvePrice(id)
	r := &resolved{p: p, it: it, over: over}
	if p != nil {
		r.up = newUnitPrice(*p)
		r.up.it = it
	}
	pc.prices[id] = r
	return r
}

type resolved struct {
	p    *decimal.Decimal
	it   *Item
	over bool
	up   unitPrice
}

func (pc *planCtx) resolvePrice(id string) (*decimal.Decimal, *Item, bool) {
	it := pc.ed.Item(id)
	if it == nil {
		panic(fmt.Sprintf("catalog %s edition %s has no item %s", pc.v.ID, pc.ed.ID, id))
	}
	if p, ok := pc.vs.Prices[id]; ok {
		return &p, it, true
	}
	if it.Price == nil {
		return nil, it, false
	}
	p := pc.list(*it.Price)
	return &p, it, false
}

// list applies the negotiated discount to a list price or amount.
func (pc *planCtx) list(p decimal.Decimal) decimal.Decimal {
	if pc.discount.Equal(one) {
		return p
	}
	return p.Mul(pc.discount)
}

// option reads an interpretation switch, falling back to its default.
func (pc *planCtx) option(id string) bool {
	if v, ok := pc.vs.Options[id]; ok {
		return v
	}
	if o := pc.v.Option(id); o != nil {
		return o.Default
	}
	return false
}

func (pc *planCtx) note(n Note) {
	for _, x := range pc.notes {
		if x.ID == n.ID {
			return
		}
	}
	pc.notes = append(pc.notes, n)
}

// bill collects a plan's charges into breakdown lines, one per item and
// unit price, with their monthly cash.
//
// Amounts are summed as whole fen in int64: every amount charged is a bill
// the vendor has already rounded to 0.01 元, so the sum is exact, and it
// spares a big-number allocation per charge (the speed budget needs it).
// Lines get their decimal Amount and Monthly in finish.
type bill struct {
	months int
	lines  []*Line
	byItem map[lineKey][]*Line
	fen    map[*Line]*fenAcc
	// spare holds accumulators and monthly cash not yet handed to lines:
	// allocated a few lines at a time, not one by one.
	spare      []fenAcc
	spareMonth []int64
}

type lineKey struct {
	item    *Item
	variant string
}

type fenAcc struct {
	total   int64
	monthly []int64
	// after is cash paid after the horizon (month index == months).
	after int64
	// whole counts integer quantities without a big-number addition,
	// and micro quantities in millionths (µmin), when hasMicro.
	whole, micro int64
	hasMicro     bool
	// it is the line's item, named when an amount grows too large.
	it *Item
}

// addMicro adds micro millionths to the line's quantity: in int64 while
// it fits, else in the decimal quantity (the sum is the same; finish adds
// the int64 part as a quantity of 6 places, as each addition would have).
func (acc *fenAcc) addMicro(l *Line, micro int64) {
	if s, c := bits.Add64(uint64(acc.micro), uint64(micro), 0); micro < 0 || acc.micro < 0 || c != 0 || s >= 1<<62 {
		l.Quantity = l.Quantity.Add(decimal.New(micro, -6))
		return
	}
	acc.micro += micro
	acc.hasMicro = true
}

func newBill(months int) *bill {
	return &bill{months: months, byItem: map[lineKey][]*Line{}, fen: map[*Line]*fenAcc{}}
}

// charge adds qty of item at unitPrice costing amount (already rounded as
// the vendor rounds that bill) to horizon month. A nil unitPrice records an
// unpriced need. how says in words how the amount follows from the quantity.
func (b *bill) charge(pc *planCtx, month int, it *Item, qty decimal.Decimal, unitPrice *decimal.Decimal, overridden bool, amount decimal.Decimal, how, howZH string) {
	b.chargeAs(pc, month, it, variant{}, qty, unitPrice, overridden, amount, how, howZH)
}

// variant gives a charge its own line beside the item's plain one (a
// mid-term addition, a renewal), with words added to the label.
type variant struct {
	key, label, labelEN, unit string
}

func (b *bill) chargeAs(pc *planCtx, month int, it *Item, va variant, qty decimal.Decimal, unitPrice *decimal.Decimal, overridden bool, amount decimal.Decimal, how, howZH string) {
	var fen int64
	if unitPrice != nil {
		fen = toFenOf(amount, it)
	}
	b.chargeQtyFen(month, it, va, qty, unitPrice, overridden, fen, how, howZH)
}

// chargeQtyFen is chargeAs with the amount already in fen.
func (b *bill) chargeQtyFen(month int, it *Item, va variant, qty decimal.Decimal, unitPrice *decimal.Decimal, overridden bool, fen int64, how, howZH string) {
	l, acc := b.line(it, va, unitPrice, overridden, how, howZH)
	if qty.Exponent() >= 0 && qty.Exponent() < 3 {
		acc.whole += qty.IntPart()
	} else {
		l.Quantity = l.Quantity.Add(qty)
	}
	if unitPrice != nil {
		acc.add(month, fen)
	}
}

// add books fen as cash of horizon month; a month past the horizon is cash
// paid after it.
//
// A charge is never negative, and the line's total never past maxFen
// (its monthly cash and the cash after are parts of it): beyond, the
// comparison is refused, naming the item (tooLarge).
func (acc *fenAcc) add(month int, fen int64) {
	if t := acc.total + fen; fen >= 0 && t >= acc.total && t <= maxFen {
		acc.total = t
	} else {
		panic(tooLarge{item: acc.it})
	}
	if month >= len(acc.monthly) {
		acc.after += fen
		return
	}
	acc.monthly[month] += fen
}

// chargeFen is chargeAs for a whole quantity whose amount is already in fen.
func (b *bill) chargeFen(month int, it *Item, va variant, qty int64, unitPrice *decimal.Decimal, overridden bool, fen int64, how, howZH string) {
	_, acc := b.line(it, va, unitPrice, overridden, how, howZH)
	acc.book(month, qty, unitPrice != nil, fen)
}

// book is chargeFen on a line already found: many charges to one line
// (a month each) look it up once.
func (acc *fenAcc) book(month int, qty int64, priced bool, fen int64) {
	acc.whole += qty
	if priced {
		acc.add(month, fen)
	}
}

// line finds or makes the breakdown line for item, variant and unit price.
func (b *bill) line(it *Item, va variant, unitPrice *decimal.Decimal, overridden bool, how, howZH string) (*Line, *fenAcc) {
	key := lineKey{it, va.key}
	for _, c := range b.byItem[key] {
		if (c.UnitPrice == nil) == (unitPrice == nil) && (unitPrice == nil || c.UnitPrice.Equal(*unitPrice)) {
			return c, b.fen[c]
		}
	}
	l := &Line{Item: it.ID, Label: it.Name + va.label, LabelEN: it.NameEN + va.labelEN, Quantity: zero, Unit: it.Unit,
		Source: it.Source, SourceDate: it.SourceDate, Overridden: overridden}
	if va.unit != "" {
		l.Unit = va.unit
	}
	if overridden {
		l.Source, l.SourceDate = "your quote (scenario price override)", "scenario"
	}
	if unitPrice != nil {
		p := *unitPrice
		l.UnitPrice = &p
	}
	acc := b.newAcc()
	acc.it = it
	b.fen[l] = acc
	if it.Interpretation != "" {
		l.Assumption = true
		l.Note = it.Interpretation
	}
	l.Formula = how
	l.FormulaZH = howZH
	b.lines = append(b.lines, l)
	b.byItem[key] = append(b.byItem[key], l)
	return l, acc
}

// newAcc is a zero accumulator with its monthly cash.
func (b *bill) newAcc() *fenAcc {
	if len(b.spare) == 0 {
		// As many again as the bill has lines, 2 to 16: most bills
		// have a handful.
		chunk := min(max(len(b.lines), 2), 16)
		b.spare = make([]fenAcc, chunk)
		b.spareMonth = make([]int64, chunk*b.months)
	}
	acc := &b.spare[0]
	acc.monthly = b.spareMonth[:b.months:b.months]
	b.spare, b.spareMonth = b.spare[1:], b.spareMonth[b.months:]
	return acc
}

// buy records a purchase in the plan's schedule (the bill is charged
// separately, as the line it belongs to). The purchase keeps amount as
// given (several may share one): nothing may change it afterwards.
func (pc *planCtx) buy(d scenarios.Date, it *Item, qty decimal.Decimal, amount *decimal.Decimal, until scenarios.Date, why, whyZH string) {
	pc.schedule = append(pc.schedule, Purchase{Date: d, Item: it.ID, Label: it.Name, LabelEN: it.NameEN, Quantity: qty, Unit: it.Unit,
		Amount: amount, Until: until, Why: why, WhyZH: whyZH})
}

// chargeWhole charges qty whole units of item id at its resolved price (or
// records the need when it is unpriced), with the amount computed exactly
// in fen.
func (pc *planCtx) chargeWhole(month int, id string, va variant, qty int64, how, howZH string) {
	r := pc.resolve(id)
	fen := int64(0)
	if r.p != nil {
		fen = r.up.fen(qty)
	}
	pc.b.chargeFen(month, r.it, va, qty, r.p, r.over, fen, how, howZH)
}

// toFen turns an amount rounded to 0.01 元 into whole fen.
func toFen(amount decimal.Decimal) int64 {
	// In fen the coefficient gains 2+exp digits: at most 18 in all (int64).
	if exp := amount.Exponent(); exp <= 0 && exp >= -2 && amount.NumDigits()+2+int(exp) <= 18 {
		return amount.CoefficientInt64() * pow10[2+exp]
	}
	return toFenOf(amount, nil)
}

// toFenOf is toFen naming the item charged when the amount is too large
// for int64 fen.
func toFenOf(amount decimal.Decimal, it *Item) int64 {
	if exp := amount.Exponent(); exp <= 0 && exp >= -2 && amount.NumDigits()+2+int(exp) <= 18 {
		return amount.CoefficientInt64() * pow10[2+exp]
	}
	f := amount.Shift(2)
	if !f.IsInteger() {
		panic("pricing: charged amount " + amount.String() + " is not a rounded bill")
	}
	return fenOf(f, it)
}

func fromFen(f int64) decimal.Decimal { return decimal.New(f, -2) }

// finish gives every line its decimal quantity, and every priced line its
// decimal amount and monthly cash.
func (b *bill) finish() {
	for _, l := range b.lines {
		acc := b.fen[l]
		if acc.whole != 0 {
			l.Quantity = l.Quantity.Add(decimal.NewFromInt(acc.whole))
		}
		if acc.hasMicro {
			l.Quantity = l.Quantity.Add(decimal.New(acc.micro, -6))
		}
		if l.UnitPrice == nil {
			continue
		}
		a := fromFen(acc.total)
		l.Amount = &a
		l.monthlyFen = acc.monthly
	}
}

// assume marks the lines of item as resting on an assumption.
func (b *bill) assume(item, text string) {
	for _, l := range b.lines {
		if l.Item == item {
			l.Assumption = true
			if !strings.Contains(l.Note, text) {
				if l.Note != "" {
					l.Note += " "
				}
				l.Note += text
			}
		}
	}
}

// evaluateVendor prices the vendor's chosen plan (or, for auto, every plan
// in force, keeping the cheapest that serves the whole horizon).
func evaluateVendor(t *timeline, v *Vendor, vs scenarios.VendorSettings, detail bool) *Result {
	plans := v.PlansFor(t.s.PriceDate, vs.Options)
	pinned := vs.PlanOrAuto() != "auto"
	var results []*Result
	// overs are the plans whose amounts went past MaxAmount (tooLarge):
	// such a plan costs more than any plan within it, so it is left out
	// as a candidate while a whole plan is chosen (B4: a dearer
	// alternative refused the whole comparison); it is refused when it
	// could have been the choice (pinned, or the plan chosen instead is
	// not whole).
	var overs []tooLarge
	var overPlans []*Plan
	cache, memo := map[string]*sharedPart{}, map[string]any{}
	for _, p := range plans {
		if p.PinnedOnly && p.ID != vs.Plan {
			continue
		}
		r, over := evaluatePlanWithin(t, v, p, vs, cache, memo)
		if r == nil {
			if pinned && p.ID == vs.Plan {
				panic(*over)
			}
			overs, overPlans = append(overs, *over), append(overPlans, p)
			continue
		}
		r.Auto = !pinned
		results = append(results, r)
	}
	// Complete plans that serve the whole horizon first, then by total.
	rank := func(r *Result) int {
		switch {
		case r.outage != "":
			return 2
		case !r.Complete:
			return 1
		}
		return 0
	}
	sort.SliceStable(results, func(i, j int) bool {
		ri, rj := rank(results[i]), rank(results[j])
		if ri != rj {
			return ri < rj
		}
		if !results[i].Complete {
			// Among incomplete plans keep catalog order: totals that lack
			// unknown items do not rank.
			return false
		}
		return results[i].Total.LessThan(results[j].Total)
	})
	if len(overs) > 0 && (len(results) == 0 || !pinned && rank(results[0]) != 0) {
		// Every plan is too large, or one that is might have been the
		// only whole one.
		panic(overs[0])
	}
	chosen := results[0]
	if pinned {
		for _, r := range results {
			if r.Plan == vs.Plan {
				chosen = r
			}
		}
	}
	for _, r := range results {
		if r == chosen {
			continue
		}
		pt := PlanTotal{Plan: r.Plan, PlanName: r.PlanName, Total: r.Total, Complete: r.Complete, Reason: r.outage}
		if len(r.Unpriced) > 0 {
			pt.Reason = "unpriced: " + strings.Join(r.Unpriced, ", ")
		}
		chosen.Alternatives = append(chosen.Alternatives, pt)
	}
	for _, p := range overPlans {
		// The plan chosen costs less when its total is whole (it is
		// within the limit); a pinned plan may lack prices.
		less, lessZH := " (the plan chosen costs less)", "（所选方案更便宜）"
		if !chosen.Complete {
			less, lessZH = "", ""
		}
		chosen.Notes = append(chosen.Notes, Note{ID: "plan-too-large." + p.ID,
			Text: fmt.Sprintf("方案 %s 的金额将超过 %s 元，超出 kefucost 能精确计算的范围：未计算，不作为候选%s。", p.Name, maxAmountText, lessZH),
			EN:   fmt.Sprintf("Plan %s was left out: its amounts would be more than %s CNY, beyond what kefucost computes exactly%s.", p.NameEN, maxAmountText, less)})
	}
	if detail {
		finishResult(chosen)
	}
	for _, r := range results {
		r.pc = nil
	}
	if chosen.outage != "" {
		chosen.Hints = append(chosen.Hints, chosen.outage)
		chosen.HintsZH = append(chosen.HintsZH, chosen.outage)
	}
	if len(chosen.Alternatives) > 0 && chosen.Complete {
		alt := chosen.Alternatives[0]
		if alt.Complete && alt.Total.LessThan(chosen.Total) {
			less := Cents(chosen.Total.Sub(alt.Total)).StringFixed(2)
			chosen.Hints = append(chosen.Hints, fmt.Sprintf("plan %s would cost %s less", alt.Plan, less))
			chosen.HintsZH = append(chosen.HintsZH, fmt.Sprintf("方案 %s 可便宜 %s 元", alt.PlanName, less))
		}
	}
	addExtras(t, chosen, vs.Extras, detail)
	// The buyer's own lines are the vendor's whatever its plan: a runner-up
	// shown beside the chosen total must carry them too.
	for i := range chosen.Alternatives {
		chosen.Alternatives[i].Total = chosen.Alternatives[i].Total.Add(chosen.ExtrasTotal)
	}
	if detail && !t.s.DiscountRate.IsZero() {
		pv := presentValue(chosen.Monthly, t.discountFactors())
		chosen.PresentValue = &pv
	}
	return chosen
}

// evaluatePlanWithin is evaluatePlan, or, when the plan's amounts go past
// MaxAmount, nil and what went past it.
func evaluatePlanWithin(t *timeline, v *Vendor, p *Plan, vs scenarios.VendorSettings, cache map[string]*sharedPart, memo map[string]any) (r *Result, over *tooLarge) {
	defer func() {
		if x := recover(); x != nil {
			o, ok := x.(tooLarge)
			if !ok {
				panic(x)
			}
			r, over = nil, &o
		}
	}()
	return evaluatePlan(t, v, p, vs, cache, memo), nil
}

func evaluatePlan(t *timeline, v *Vendor, p *Plan, vs scenarios.VendorSettings, cache map[string]*sharedPart, memo map[string]any) *Result {
	pc := &planCtx{t: t, v: v, plan: p, ed: p.EditionFor(t.s.PriceDate, vs.Options), vs: vs, discount: one, b: newBill(t.months), cache: cache, memo: memo, prices: map[string]*resolved{}}
	if vs.Discount != nil {
		pc.discount = *vs.Discount
	}
	switch p.Kind {
	case "chatopera-daily":
		chatoperaDaily(pc)
	case "chatopera-annual":
		chatoperaAnnual(pc)
	case "chatopera-packs":
		chatoperaPacks(pc)
	case "tencent":
		tencentPlan(pc)
	case "huawei":
		huaweiPlan(pc)
	case "aliyun":
		aliyunPlan(pc)
	default:
		panic("catalog plan kind " + p.Kind + " has no billing model")
	}
	if p.Kind != "chatopera-packs" && len(vs.Gifts) > 0 {
		giftsNotApplied(pc, vs.Gifts, "", "")
	}
	r := &Result{Vendor: v.ID, Name: v.Name, NameEN: v.NameEN, Plan: p.ID, PlanName: p.Name,
		Editions:    []string{pc.ed.ID},
		EditionRefs: []EditionRef{{ID: pc.ed.ID, From: pc.ed.From, Source: pc.ed.Source, SourceDate: pc.ed.SourceDate, Title: pc.ed.Title, TitleEN: pc.ed.TitleEN, URL: pc.ed.URL}}, Lines: pc.b.lines, Notes: pc.notes, Hints: hintTexts(pc.hints, true), HintsZH: hintTexts(pc.hints, false), outage: pc.outage, pc: pc}
	r.OtherSources = otherSources(pc.ed, pc.b.lines)
	var total, after int64
	var largest *fenAcc
	seen := map[string]bool{}
	for _, l := range r.Lines {
		if l.UnitPrice == nil {
			if !seen[l.Item] {
				seen[l.Item] = true
				r.Unpriced = append(r.Unpriced, l.Item)
			}
			continue
		}
		acc := pc.b.fen[l]
		if largest == nil || acc.total > largest.total {
			largest = acc
		}
		total = addFen(total, acc.total)
		after += acc.after // part of the line's total
	}
	if total > maxFen {
		// Every line is at most maxFen (add); the sum is named by the
		// largest.
		panic(tooLarge{item: largest.it})
	}
	r.Total = fromFen(total)
	r.AfterHorizon = fromFen(after)
	// A plan that stops the service (outage) is no whole total, whatever
	// its prices: it must never rank as the cheapest.
	r.Complete = len(r.Unpriced) == 0 && r.outage == ""
	r.Uncovered = uncovered(t, v)
	r.Covers = len(r.Uncovered) == 0
	if d := t.s.PriceDate; !d.IsZero() && d.Before(v.Earliest()) {
		r.Notes = append(r.Notes, Note{ID: "price-date-before-editions",
			Text: fmt.Sprintf("价格日期 %s 早于%s已知最早的价格（%s 起）：按最早的价格版本 %s 计算。", d, v.Name, v.Earliest(), pc.ed.ID),
			EN:   fmt.Sprintf("The price date %s is before %s's earliest known prices (from %s): its first edition, %s, is used.", d, v.NameEN, v.Earliest(), pc.ed.ID)})
	}
	if !pc.ed.Until.IsZero() && (t.s.PriceDate.IsZero() || !t.s.PriceDate.Before(pc.ed.Until)) {
		r.Notes = append(r.Notes, Note{ID: "legacy-plan", Option: p.LegacyOption,
			Text: fmt.Sprintf("旧方案 %s（价格版本 %s 已于 %s 停止）：按您的选项计入，假定厂商仍按此方案为您服务。", p.Name, pc.ed.ID, pc.ed.Until),
			EN:   fmt.Sprintf("Legacy plan %s (edition %s, replaced on %s): included by your option, assuming the vendor still sells it to you.", p.NameEN, pc.ed.ID, pc.ed.Until)})
	}
	if pc.discount.LessThan(one) {
		r.Notes = append(r.Notes, Note{ID: "discount", Text: fmt.Sprintf("目录价 × 商务折扣 %s（您输入的报价不再打折）", pc.discount),
			EN: fmt.Sprintf("List prices × negotiated discount %s (your quoted prices are not discounted again)", pc.discount)})
	}
	return r
}

// finishResult fills in what only the chosen plan shows: decimal lines,
// monthly cash and formulas (alternatives need only their totals).
func finishResult(r *Result) {
	pc := r.pc
	pc.b.finish()
	pc.schedule = slices.Grow(pc.schedule, pc.laterBuys)
	for _, f := range pc.later {
		f()
	}
	r.Schedule = sortedSchedule(pc.schedule)
	monthly := make([]int64, pc.t.months)
	for _, l := range r.Lines {
		l.How, l.HowZH = l.Formula, l.FormulaZH
		if l.Amount == nil {
			l.Formula = fmt.Sprintf("%s %s × unpriced (no published price: enter your quote as %s)", qtyString(l.Quantity), l.Unit, l.Item)
			l.FormulaZH = fmt.Sprintf("%s %s × 未定价（厂商未公开价格：请输入报价 %s）", qtyString(l.Quantity), l.Unit, l.Item)
			continue
		}
		for i, f := range pc.b.fen[l].monthly {
			monthly[i] += f
		}
		l.Formula, l.FormulaZH = lineFormulas(l, pc)
		lineFactors(l, pc)
	}
	r.Monthly = make([]decimal.Decimal, len(monthly))
	for i, f := range monthly {
		r.Monthly[i] = fromFen(f)
	}
	r.pc = nil
}

// sortedSchedule puts purchases in date order, keeping the order of
// purchases on the same day, in place. Purchases are large: their indices
// are sorted, then each is moved once along its cycle of the permutation
// (a schedule runs to hundreds).
func sortedSchedule(ps []Purchase) []Purchase {
	if len(ps) == 0 {
		return nil
	}
	sorted := true
	for i := 1; i < len(ps) && sorted; i++ {
		sorted = !ps[i].Date.Before(ps[i-1].Date)
	}
	if sorted {
		return ps
	}
	idx := make([]int32, len(ps))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return ps[a].Date.Time().Compare(ps[b].Date.Time()) })
	// Position i takes ps[idx[i]]; a position done is marked idx[i] = i.
	for i := range idx {
		if int(idx[i]) == i {
			continue
		}
		tmp := ps[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = int32(j)
			if k == i {
				ps[j] = tmp
				break
			}
			ps[j] = ps[k]
			j = k
		}
	}
	return ps
}

// lineFormulas are the line's arithmetic in English and Chinese, each
// followed by its explanation (Formula, FormulaZH): the numbers are
// written once for both.
func lineFormulas(l *Line, pc *planCtx) (string, string) {
	head := qtyString(l.Quantity) + " " + l.Unit + " × " + l.UnitPrice.String()
	var disc, discZH string
	if !l.Overridden && !pc.discount.Equal(one) {
		d := pc.discount.String()
		disc, discZH = " (after discount "+d+")", "（含折扣 "+d+"）"
	}
	amount := " = " + l.Amount.StringFixed(2)
	formula := func(disc, how string) string {
		if how == "" {
			return head + disc + amount
		}
		return head + disc + amount + "; " + how
	}
	return formula(disc, l.Formula), formula(discZH, l.FormulaZH)
}

// lineFactors splits a line's unit price into the list price and the
// negotiated discount (before any rate the vendor's rules set, such as a
// term discount), and says whether the amount is the plain product of the
// line's figures, to the fen. A quantity a spreadsheet cannot hold exactly
// (more than 15 digits) is never a product.
func lineFactors(l *Line, pc *planCtx) {
	if !l.Overridden && !pc.discount.Equal(one) {
		base := l.UnitPrice
		if l.ListPrice != nil {
			base = l.ListPrice
		}
		list := base.DivRound(pc.discount, 8)
		if list.Mul(pc.discount).Equal(*base) {
			l.ListPrice = &list
			l.Rates = append([]Rate{{Value: pc.discount, Label: "商务折扣", LabelEN: "negotiated discount"}}, l.Rates...)
		}
	}
	if len(l.Quantity.Coefficient().String()) > 15 {
		return
	}
	p := l.Quantity.Mul(*l.UnitPrice)
	if l.ListPrice != nil {
		p = l.Quantity.Mul(*l.ListPrice)
		for _, r := range l.Rates {
			p = p.Mul(r.Value)
		}
	}
	l.Product = p.Round(2).Equal(*l.Amount)
}

func qtyString(q decimal.Decimal) string {
	if q.IsInteger() {
		return q.String()
	}
	return q.Round(4).String()
}

// presentValue sums monthly cash times each month's discount factor,
// exactly, and rounds the sum to the fen.
func presentValue(monthly, factors []decimal.Decimal) decimal.Decimal {
	if pv, ok := presentValueFen(monthly, factors); ok {
		return pv
	}
	pv := zero
	for i, m := range monthly {
		if !m.IsZero() {
			pv = pv.Add(m.Mul(factors[i]))
		}
	}
	return Cents(pv)
}

// presentValueFen is presentValue in 128-bit integers, in units of
// 10^-18 元 (fen × factors to 16 places), for non-negative cash in whole
// fen; ok is false when anything does not fit (presentValue then sums in
// decimal, the same amount).
func presentValueFen(monthly, factors []decimal.Decimal) (decimal.Decimal, bool) {
	var sum u128
	some := false
	for i, m := range monthly {
		if m.IsZero() {
			continue
		}
		f := factors[i]
		em, ef := m.Exponent(), f.Exponent()
		if m.Sign() < 0 || f.Sign() < 0 || em > 0 || em < -2 || ef > 0 || ef < -16 ||
			m.NumDigits()+2+int(em) > 18 || f.NumDigits()+16+int(ef) > 18 {
			return decimal.Decimal{}, false
		}
		fen := uint64(m.CoefficientInt64() * pow10[2+em])
		fc := uint64(f.CoefficientInt64() * pow10[16+ef])
		sum = sum.add(mul64(fen, fc))
		some = true
		if sum.hi >= 1<<62 {
			return decimal.Decimal{}, false
		}
	}
	if !some {
		return zero, true
	}
	// Half up to the fen: (sum + 10^16/2) / 10^16.
	const unit = uint64(1e16)
	sum = sum.add(u128{lo: unit / 2})
	if sum.hi >= unit {
		return decimal.Decimal{}, false
	}
	q, _ := bits.Div64(sum.hi, sum.lo, unit)
	if q >= 1<<63 {
		return decimal.Decimal{}, false
	}
	return decimal.New(int64(q), -2), true
}

// discountFactors are (1 + rate/12)^-i for each horizon month i, at the
// scenario's yearly discount rate (interpretation: simple monthly
// compounding), computed once per rate for the process (they do not
// depend on the scenario otherwise: sweeps and recomputes ask again and
// again).
func (t *timeline) discountFactors() []decimal.Decimal {
	if t.factors == nil {
		t.factors = discountFactors(t.s.DiscountRate, t.months)
	}
	return t.factors
}

func discountFactors(rate decimal.Decimal, months int) []decimal.Decimal {
	key := rate.String()
	discountMu.Lock()
	fs := discountMemo[key]
	discountMu.Unlock()
	if len(fs) >= months {
		return fs[:months:months]
	}
	f := one.Add(rate.DivRound(decimal.NewFromInt(12), 16))
	fs = make([]decimal.Decimal, months)
	disc := one
	for i := range fs {
		fs[i] = one.DivRound(disc, 16)
		disc = disc.Mul(f).Round(16)
	}
	discountMu.Lock()
	if len(discountMemo) >= 64 {
		clear(discountMemo) // a long session's many rates: start again
	}
	discountMemo[key] = fs
	discountMu.Unlock()
	return fs[:months:months]
}

var (
	discountMu   sync.Mutex
	discountMemo = map[string][]decimal.Decimal{}
)

// sharedNotes are the assumptions every vendor's numbers rest on.
func sharedNotes(t *timeline) []Note {
	d := t.s.Demand
	out := []Note{{ID: "vat",
		Text: "金额为厂商公布的目录价（此类服务的中国目录价通常含税，增值税一般为 6%），未另加或扣除增值税。",
		EN:   "Amounts are the vendors' published list prices (normally tax-inclusive in China; VAT on these services is usually 6 %); no VAT is added or removed."}}
	if t.peak.inMin+t.peak.outMin+t.peak.robotMin > 0 {
		if d.CallLength == scenarios.CallFixed {
			out = append(out, Note{ID: "call-length",
				Text: fmt.Sprintf("每通电话 %s 分钟，向上取整计费 %s 分钟。", d.AvgCallMinutes, t.perCall),
				EN:   fmt.Sprintf("Every call lasts %s minutes and is billed as %s whole minutes.", d.AvgCallMinutes, t.perCall)})
		} else {
			out = append(out, Note{ID: "call-length",
				Text: fmt.Sprintf("通话时长按指数分布（平均 %s 分钟）估计；每通向上取整后平均计费 %s 分钟（× %s）。", d.AvgCallMinutes, t.perCall.Round(4), t.minuteFactor.Round(4)),
				EN:   fmt.Sprintf("Call lengths taken as exponential with mean %s minutes; rounding each call up bills %s minutes a call on average (× %s).", d.AvgCallMinutes, t.perCall.Round(4), t.minuteFactor.Round(4))})
		}
	}
	if !d.GrowthPerMonth.IsZero() {
		out = append(out, Note{ID: "growth",
			Text: fmt.Sprintf("业务量每月复合增长 %s%%，取整到整数；变更日期设置的新值从该月起重新增长。", d.GrowthPerMonth.Mul(decimal.NewFromInt(100))),
			EN:   fmt.Sprintf("Volumes grow %s%% a month, compounded and rounded to whole units; a dated change restarts growth from its new value.", d.GrowthPerMonth.Mul(decimal.NewFromInt(100)))})
	}
	for _, c := range t.s.Changes {
		if c.Date.Day() != 1 {
			out = append(out, Note{ID: "mid-month",
				Text: "月中变更：按天计费的项目按天计算；按月计费的分钟数按天数折算。",
				EN:   "Mid-month changes: daily items change that day; monthly minutes are prorated by days."})
			break
		}
	}
	return out
}

// hintTexts is the English (en) or Chinese text of each hint.
func hintTexts(hs []Note, en bool) []string {
	if len(hs) == 0 {
		return nil
	}
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Text
		if en {
			out[i] = h.EN
		}
	}
	return out
}

// otherSources lists, once each and in the order first used, the documents
// other than the edition that priced the lines (a buyer's quote or own line
// is no document of the vendor's).
func otherSources(ed *Edition, lines []*Line) []EditionRef {
	var out []EditionRef
	for _, l := range lines {
		if l.Buyer || l.Overridden || l.Source == ed.Source {
			continue
		}
		it := ed.byID[l.Item]
		if it == nil || it.Source != l.Source || slices.ContainsFunc(out, func(e EditionRef) bool { return e.Source == l.Source }) {
			continue
		}
		out = append(out, EditionRef{ID: ed.ID, From: ed.From, Source: it.Source, SourceDate: it.SourceDate, Title: it.SourceTitle, TitleEN: it.SourceTitleEN, URL: it.SourceURL})
	}
	return out
}
