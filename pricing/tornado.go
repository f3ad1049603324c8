package pricing

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// Sensitivity (issue 11 point 6): how much each vendor's total, and the
// cheapest way to cover everything, move when one demand input is off by
// ±20 % (growth by ±5 percentage points of its annual rate: growth.go),
// and whether the ranking changes. Every side is a full Compare of an edited copy of the scenario:
// no billing rule here, only which scenarios to price.

// GrowthField is the name of the growth input in a tornado (as in the file).
const GrowthField = "growth_per_month"

// TornadoOptions say how far each input is moved.
type TornadoOptions struct {
	// Share is the relative change of each demand input (0.2: ±20 %);
	// zero means 0.2.
	Share decimal.Decimal
	// GrowthPoints is the change of the annual growth rate (0.05: ±5
	// percentage points a year, 20 % → 15 % / 25 %), converted to
	// growth_per_month (compound monthly: MonthlyGrowth); zero means 0.05.
	// Not points a month: ±5 points a month is ±80 % a year.
	GrowthPoints decimal.Decimal
	// NetOfVAT prices every side net of VAT (Comparison.WithoutVAT).
	NetOfVAT bool
}

var (
	defaultTornadoShare  = decimal.RequireFromString("0.2")
	defaultTornadoGrowth = decimal.RequireFromString("0.05")
	minGrowthPerMonth    = decimal.RequireFromString("-0.5") // scenarios.Validate's range
)

// Tornado is the sensitivity of a comparison to its demand inputs.
type Tornado struct {
	// Base is the comparison of the scenario as it is.
	Base                *Comparison
	Share, GrowthPoints decimal.Decimal
	// Swings are the inputs varied, in the order of the file's demand
	// fields, growth last.
	Swings []Swing
	// LeftOut are inputs not varied, and why.
	LeftOut []LeftOut
}

// LeftOut is a demand input the tornado does not vary.
type LeftOut struct {
	Input string
	// Why: "zero" (0 everywhere: ±20 % of 0 is 0) or "unused" (it only
	// qualifies volumes that are 0 everywhere, e.g. the call length
	// without call minutes).
	Why string
}

// Swing is one input moved down and up.
type Swing struct {
	// Input is the demand field's name as in the file.
	Input string
	// Base is the input's starting value (its dated changes are moved by
	// the same share; growth is moved by points of its annual rate, and
	// Base and the sides' Value are still growth_per_month).
	Base      decimal.Decimal
	Low, High Side
	// From is the date of the values shown when the input is 0 at the
	// start and first set by a dated change (zero: the start): Base and
	// the sides' Value are then that change's value, moved (online
	// agents 0, 30 from 2028-01-01: 30 → 24 / 36 from 2028-01-01, not
	// 0 → 0 / 0). Every dated value is moved either way.
	From scenarios.Date
}

// Side is the comparison with one input moved one way.
type Side struct {
	// Value is the input's starting value on this side, rounded as a
	// buyer would (whole numbers half up; see Tornado's doc).
	Value decimal.Decimal
	// Unchanged: rounding left every value of the input as it was, so
	// nothing was compared again and every delta is 0 (e.g. 2 seats
	// −20 % = 1.6 → 2).
	Unchanged bool
	// Clamped: a value moved past what the field allows was held to its
	// limit (avg_call_minutes 550 + 20 % = 660 → 600): the side moves
	// the input less than the share.
	Clamped bool
	// Vendors are the enabled vendors in display order.
	Vendors []SideTotal
	// Answer is the cheapest complete way to cover everything on this
	// side (nil when there is none); AnswerDelta its total minus the
	// base answer's, nil when either has none.
	Answer      *Combination
	AnswerDelta *decimal.Decimal
	// RankChanged: the cheapest way (its vendors and groups), or the
	// order or set of the complete vendors that cover everything, is not
	// the base's.
	RankChanged bool
	// Refused, when set, says why this side could not be computed: the
	// comparison of the moved scenario is refused (an amount past
	// MaxAmount, a volume grown past its field's limit, calls too short),
	// with the field error Compare gives, for the front ends to word.
	// Vendors and Answer are then empty and the side changes no ranking;
	// the other sides are kept.
	Refused *scenarios.FieldError
}

// SideTotal is one vendor's total on a side and its change.
type SideTotal struct {
	Vendor string
	Total  decimal.Decimal
	// Delta is Total minus the vendor's base total.
	Delta decimal.Decimal
	// Whole: complete and covering every need on this side and in the
	// base. A delta that is not Whole is the change of a partial or
	// unpriced total: shown marked, never ranked.
	Whole bool
	// Complete and Covers on this side.
	Complete, Covers bool
}

// Vendor is the vendor's total on the side, nil when it is not there.
func (s *Side) Vendor(id string) *SideTotal {
	for i := range s.Vendors {
		if s.Vendors[i].Vendor == id {
			return &s.Vendors[i]
		}
	}
	return nil
}

// TornadoInputs are the inputs a tornado may vary, in order: the
// whole-number demand fields, the decimal ones (avg_call_minutes and
// those a dated change may set), growth.
func TornadoInputs() []string {
	out := append([]string{}, scenarios.CountFieldNames()...)
	out = append(out, "avg_call_minutes")
	out = append(out, scenarios.DecimalFieldNames()...)
	return append(out, GrowthField)
}

// qualifies: inputs that only describe volumes named here (left out when
// those are 0 everywhere).
var qualifies = map[string][]string{
	"avg_call_minutes":        {"inbound_minutes_per_month", "outbound_minutes_per_month", "robot_minutes_per_month"},
	"messages_per_chat":       {"chats_per_day"},
	"recorded_share":          {"inbound_minutes_per_month", "outbound_minutes_per_month", "robot_minutes_per_month"},
	"robot_outbound_share":    {"robot_minutes_per_month"},
	"asr_seconds_per_request": {"asr_minutes_per_day"},
}

// ComputeTornado compares the scenario with each input moved down and up
// (opts; default ±20 %, growth ±5 points a year). How values are moved:
//   - an input is moved everywhere it is set: the starting value and every
//     dated change of it (the estimate is off, not one month of it);
//   - whole numbers (seats, chats, minutes) are rounded half up, never
//     below 0 (messages_per_chat never below 1), never above the field's
//     limit; a side rounding leaves as it was is marked Unchanged;
//   - decimals (avg_call_minutes, shares, ASR seconds) are moved exactly,
//     held to the range the field allows (shares at most 1, a call at
//     most 600 minutes); a side held short of the move is Clamped;
//   - an input 0 at the start and set by dated changes is shown at its
//     first dated value (Swing.From), moved like every other value;
//   - growth_per_month moves by points of its annual rate and back to a
//     monthly rate (MonthlyGrowth, 10 places): 0 → ±5 % a year is
//     −0.0042653188 and 0.0040741238 a month; within −0.5 … 1; it is
//     varied even at 0.
//
// The sides are priced in parallel; the scenario is not modified.
func ComputeTornado(s *scenarios.Scenario, opts TornadoOptions) (*Tornado, error) {
	if errs := Validate(s); len(errs) > 0 {
		return nil, errs
	}
	share, points := opts.Share, opts.GrowthPoints
	if share.IsZero() {
		share = defaultTornadoShare
	}
	if points.IsZero() {
		points = defaultTornadoGrowth
	}
	if !share.IsPositive() || share.GreaterThanOrEqual(decimal.NewFromInt(1)) || !points.IsPositive() {
		// A caller's mistake (the window and the command line use the
		// defaults), not the buyer's input.
		return nil, fmt.Errorf("tornado: share must be in (0, 1) and growth points positive, not %s and %s", share, points)
	}
	out := &Tornado{Share: share, GrowthPoints: points}
	one := decimal.NewFromInt(1)
	jobs := []*tornadoJob{{s: s}}
	type pending struct {
		sw        Swing
		low, high *tornadoJob
	}
	var pend []*pending
	for _, in := range TornadoInputs() {
		if why := leftOut(s, in); why != "" {
			out.LeftOut = append(out.LeftOut, LeftOut{Input: in, Why: why})
			continue
		}
		base, _ := inputValue(&s.Demand, in)
		p := &pending{sw: Swing{Input: in, Base: base}}
		// An input 0 at the start and set by a dated change is shown
		// at its first dated value (every value is moved either way).
		var from *scenarios.Change
		if base.IsZero() && in != GrowthField {
			from = firstSet(s, in)
		}
		if from != nil {
			p.sw.From = from.Date
			p.sw.Base, _ = changeValue(from, in)
		}
		for k, side := range []*Side{&p.sw.Low, &p.sw.High} {
			var mv mover
			if in == GrowthField {
				d := points
				if k == 0 {
					d = d.Neg()
				}
				mv = func(v decimal.Decimal) (decimal.Decimal, bool) { return growthMoved(v, d), false }
			} else {
				f := one.Sub(share)
				if k == 1 {
					f = one.Add(share)
				}
				mv = scaler(in, f)
			}
			c, changed, clamped := moved(s, in, mv)
			side.Value, _ = inputValue(&c.Demand, in)
			if from != nil {
				side.Value, _ = changeValue(changeOn(c, from.Date, in), in)
			}
			side.Unchanged = !changed
			side.Clamped = clamped
			if changed {
				j := &tornadoJob{s: c, input: in}
				jobs = append(jobs, j)
				if k == 0 {
					p.low = j
				} else {
					p.high = j
				}
			}
		}
		pend = append(pend, p)
	}
	// The base first (its parts are kept for the sides), then every side
	// at once, a worker per processor (each Compare prices its vendors in
	// parallel too). The sides need totals only (net of VAT needs the
	// lines' monthly cash); the base is shown in full.
	errs := make([]error, len(jobs))
	cache := &partCache{fill: true, sets: map[groupSet]cachedParts{}}
	jobs[0].c, errs[0] = compareWays(s, true, "", nil, cache)
	if errs[0] != nil {
		return nil, errs[0]
	}
	cache.fill = false
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				jobs[i].c, errs[i] = compareWays(jobs[i].s, opts.NetOfVAT, jobs[i].input, jobs[0].c, cache)
			}
		}()
	}
	for i := 1; i < len(jobs); i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if opts.NetOfVAT {
		for _, j := range jobs {
			if j.c != nil {
				j.c = j.c.WithoutVAT()
			}
		}
	}
	for i, err := range errs {
		if err != nil {
			if i == 0 {
				return nil, err
			}
			// A side past a limit is that side's, not the chart's: it
			// is marked, the others kept.
			var fes scenarios.FieldErrors
			if !errors.As(err, &fes) || len(fes) == 0 {
				return nil, fmt.Errorf("tornado: comparing with %s moved: %w", jobs[i].input, err)
			}
			jobs[i].refused = fes[0]
		}
	}
	out.Base = jobs[0].c
	baseKey := rankKey(out.Base)
	for _, p := range pend {
		fillSide(&p.sw.Low, out.Base, baseKey, p.low)
		fillSide(&p.sw.High, out.Base, baseKey, p.high)
		out.Swings = append(out.Swings, p.sw)
	}
	return out, nil
}

// compareWays is Compare for one side of a tornado, with or without
// detail. With a base (the comparison of the scenario the side moves one
// input of), vendors that cannot bill the input keep their base result
// (as Sweep does: a vendor never bills a need it does not serve), and
// combinations reuse the base's parts for group sets whose needs the
// input does not reach (cache).
func compareWays(s *scenarios.Scenario, detail bool, input string, base *Comparison, cache *partCache) (*Comparison, error) {
	if errs := Validate(s); len(errs) > 0 {
		return nil, errs
	}
	cat, err := LoadCatalog()
	if err != nil {
		return nil, err
	}
	var only map[string]bool
	if base != nil {
		only = map[string]bool{}
		for _, v := range cat.Vendors {
			if v.covers(input) {
				only[v.ID] = true
			}
		}
		if len(only) == 0 { // billed by everyone or through others (ratios, shares, growth)
			only = nil
		}
	}
	c, err := compare(s, detail, only)
	if err == nil {
		err = c.pastLimitError() // a side with a vendor past the limit is refused, as before
	}
	if err != nil {
		return nil, err
	}
	if only != nil {
		var t *timeline
		priced := c.Vendors
		c.Vendors = nil
		for _, b := range base.Vendors {
			r := b
			if only[b.Vendor] {
				for _, p := range priced {
					if p.Vendor == b.Vendor {
						r = p
					}
				}
			} else {
				cp := *b // combinations sets its Serves: not the base's
				// A vendor that cannot bill the input keeps its bill, but
				// whether it covers depends on the side: an input moved
				// to 0 (a share over 0.5 takes 1 to 0.4 → 0) is no longer
				// a need it lacks. Values moved stay above 0 otherwise
				// (and so does the need): only then is it asked again.
				if zeroSomewhere(s, input) {
					if t == nil {
						t = newTimeline(s)
					}
					cp.Uncovered = uncovered(t, cat.Vendor(b.Vendor))
					cp.Covers = len(cp.Uncovered) == 0
				}
				r = &cp
			}
			c.Vendors = append(c.Vendors, r)
		}
		c.Cheapest = ""
		var best *Result
		for _, r := range c.Vendors {
			if r.Complete && r.Covers && (best == nil || r.Total.LessThan(best.Total)) {
				best = r
			}
		}
		if best != nil {
			c.Cheapest = best.Vendor
		}
	}
	c.parts = cache
	err = combinations(s, c, cat)
	c.parts = nil
	return c, err
}

// partCache keeps the parts the base's combinations priced per group set;
// a side whose reduced scenario for a set is the base's (the moved input
// belongs to another group) takes them instead of pricing them again.
type partCache struct {
	mu   sync.Mutex
	fill bool // the base: record
	sets map[groupSet]cachedParts
}

type cachedParts struct {
	s       *scenarios.Scenario
	results map[string]*Result
}

func (pc *partCache) get(set groupSet, rs *scenarios.Scenario, only map[string]bool) map[string]*Result {
	if pc == nil || pc.fill {
		return nil
	}
	pc.mu.Lock()
	e, ok := pc.sets[set]
	pc.mu.Unlock()
	if !ok || !reflect.DeepEqual(e.s, rs) {
		return nil
	}
	out := map[string]*Result{}
	for id := range only {
		r := e.results[id]
		if r == nil {
			return nil
		}
		out[id] = r
	}
	return out
}

func (pc *partCache) put(set groupSet, rs *scenarios.Scenario, m map[string]*Result) {
	if pc == nil || !pc.fill {
		return
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.sets[set] = cachedParts{s: rs, results: m}
}

// tornadoJob is one scenario to compare and its comparison (or why it
// is refused).
type tornadoJob struct {
	s       *scenarios.Scenario
	input   string
	c       *Comparison
	refused *scenarios.FieldError
}

// fillSide compares one side with the base (j nil: unchanged, the base).
func fillSide(side *Side, base *Comparison, baseKey string, j *tornadoJob) {
	c := base
	if j != nil {
		if j.refused != nil {
			side.Refused = j.refused
			return
		}
		c = j.c
	}
	for _, r := range c.Vendors {
		st := SideTotal{Vendor: r.Vendor, Total: r.Total, Complete: r.Complete, Covers: r.Covers}
		for _, b := range base.Vendors {
			if b.Vendor == r.Vendor {
				st.Delta = r.Total.Sub(b.Total)
				st.Whole = r.Complete && r.Covers && b.Complete && b.Covers
			}
		}
		side.Vendors = append(side.Vendors, st)
	}
	side.Answer = c.BestCombination()
	if bb := base.BestCombination(); bb != nil && side.Answer != nil {
		d := side.Answer.Total.Sub(bb.Total)
		side.AnswerDelta = &d
	}
	side.RankChanged = rankKey(c) != baseKey
}

// rankKey writes what the ranking is: the cheapest way (vendors and
// groups) and the complete vendors covering everything, cheapest first
// (a tie in display order). Partial and unpriced vendors are not ranked.
func rankKey(c *Comparison) string {
	var b strings.Builder
	if cb := c.BestCombination(); cb != nil {
		for _, p := range cb.Parts {
			b.WriteString(p.Vendor + ":" + strings.Join(p.Groups, "+") + ";")
		}
	}
	b.WriteString("|")
	var whole []*Result
	for _, r := range c.Vendors {
		if r.Complete && r.Covers {
			whole = append(whole, r)
		}
	}
	slices.SortStableFunc(whole, func(x, y *Result) int { return x.Total.Cmp(y.Total) })
	for _, r := range whole {
		b.WriteString(r.Vendor + ";")
	}
	return b.String()
}

// mover moves one value of an input; clamped reports that the value was
// held to the field's range (Validate's), short of the move.
type mover func(decimal.Decimal) (n decimal.Decimal, clamped bool)

// scaler multiplies an input by f, rounded as the field needs and held
// to the range the field allows: a side is a scenario the buyer could
// have written (avg_call_minutes 550 × 1.2 = 660 failed Validate and
// with it the whole tornado).
func scaler(in string, f decimal.Decimal) mover {
	if lim, ok := countLimit(in); ok {
		lo := decimal.Zero
		if in == "messages_per_chat" {
			lo = decimal.NewFromInt(1)
		}
		return func(v decimal.Decimal) (decimal.Decimal, bool) {
			// decimal's Round is half away from zero: half up for these
			// non-negative counts.
			n := v.Mul(f).Round(0)
			h := decimal.Min(decimal.Max(n, lo), lim)
			return h, !h.Equal(n)
		}
	}
	lo, hi, loOpen, _ := scenarios.DecimalRange(in)
	least := lo
	if loOpen {
		least = lo.Add(decimal.New(1, -10)) // the finest value a field holds
	}
	return func(v decimal.Decimal) (decimal.Decimal, bool) {
		n := v.Mul(f).Round(10)
		h := decimal.Min(decimal.Max(n, least), hi)
		if v.IsZero() {
			return n, false // 0 stays 0 (left out, or a share not set)
		}
		return h, !h.Equal(n)
	}
}

// countLimit is a whole-number field's upper limit (scenarios.Validate's).
func countLimit(in string) (decimal.Decimal, bool) {
	if !slices.Contains(scenarios.CountFieldNames(), in) {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(scenarios.CountLimit(in)), true
}

// inputValue reads an input of the demand by name.
func inputValue(d *scenarios.Demand, in string) (decimal.Decimal, bool) {
	if v, ok := d.Count(in); ok {
		return decimal.NewFromInt(v), true
	}
	switch in {
	case "avg_call_minutes":
		return d.AvgCallMinutes, true
	case GrowthField:
		return d.GrowthPerMonth, true
	}
	return d.Decimal(in)
}

// moved is a copy of s with the input moved by mv where it is set (the
// demand and every dated change of it); changed reports whether any value
// moved.
func moved(s *scenarios.Scenario, in string, mv mover) (c *scenarios.Scenario, changed, clamped bool) {
	c = s.Clone()
	set := func(old decimal.Decimal, put func(decimal.Decimal)) {
		n, cl := mv(old)
		clamped = clamped || cl
		if !n.Equal(old) {
			changed = true
			put(n)
		}
	}
	d := &c.Demand
	if v, ok := d.Count(in); ok {
		set(decimal.NewFromInt(v), func(n decimal.Decimal) { d.SetCount(in, n.IntPart()) })
		for i := range c.Changes {
			ch := &c.Changes[i]
			if p, _ := ch.Count(in); p != nil {
				set(decimal.NewFromInt(*p), func(n decimal.Decimal) { v := n.IntPart(); ch.SetCount(in, &v) })
			}
		}
		return c, changed, clamped
	}
	switch in {
	case "avg_call_minutes":
		set(d.AvgCallMinutes, func(n decimal.Decimal) { d.AvgCallMinutes = n })
	case GrowthField:
		set(d.GrowthPerMonth, func(n decimal.Decimal) { d.GrowthPerMonth = n })
	default:
		v, _ := d.Decimal(in)
		set(v, func(n decimal.Decimal) { d.SetDecimal(in, n) })
		for i := range c.Changes {
			ch := &c.Changes[i]
			if p, _ := ch.Decimal(in); p != nil {
				set(*p, func(n decimal.Decimal) { ch.SetDecimal(in, &n) })
			}
		}
	}
	return c, changed, clamped
}

// zeroSomewhere: the input is 0 at the start or in a dated change.
func zeroSomewhere(s *scenarios.Scenario, in string) bool {
	if v, _ := inputValue(&s.Demand, in); v.IsZero() {
		return true
	}
	for i := range s.Changes {
		if v, ok := changeValue(&s.Changes[i], in); ok && v.IsZero() {
			return true
		}
	}
	return false
}

// firstSet is the earliest dated change setting the input to other than
// 0, nil when none does.
func firstSet(s *scenarios.Scenario, in string) *scenarios.Change {
	var first *scenarios.Change
	for i := range s.Changes {
		ch := &s.Changes[i]
		if v, ok := changeValue(ch, in); ok && !v.IsZero() && (first == nil || ch.Date.Before(first.Date)) {
			first = ch
		}
	}
	return first
}

// changeOn is c's change on date d that sets the input (the same change
// as in the scenario c was copied from: copies keep the order).
func changeOn(c *scenarios.Scenario, d scenarios.Date, in string) *scenarios.Change {
	for i := range c.Changes {
		if _, ok := changeValue(&c.Changes[i], in); ok && c.Changes[i].Date.Equal(d) {
			return &c.Changes[i]
		}
	}
	return nil
}

// changeValue is the value a dated change sets the input to; ok is false
// when it does not set it.
func changeValue(ch *scenarios.Change, in string) (decimal.Decimal, bool) {
	if ch == nil {
		return decimal.Zero, false
	}
	if p, ok := ch.Count(in); ok && p != nil {
		return decimal.NewFromInt(*p), true
	}
	if p, ok := ch.Decimal(in); ok && p != nil {
		return *p, true
	}
	return decimal.Zero, false
}

// leftOut says why an input is not varied ("" when it is).
func leftOut(s *scenarios.Scenario, in string) string {
	if in == GrowthField {
		return ""
	}
	if vols, ok := qualifies[in]; ok {
		used := false
		for _, v := range vols {
			used = used || !everywhereZero(s, v)
		}
		if !used {
			return "unused"
		}
	}
	if in != "avg_call_minutes" && everywhereZero(s, in) {
		return "zero"
	}
	return ""
}

// everywhereZero: the input is 0 at the start and in every dated change.
func everywhereZero(s *scenarios.Scenario, in string) bool {
	if v, _ := inputValue(&s.Demand, in); !v.IsZero() {
		return false
	}
	for i := range s.Changes {
		ch := &s.Changes[i]
		if p, ok := ch.Count(in); ok && p != nil && *p != 0 {
			return false
		}
		if p, ok := ch.Decimal(in); ok && p != nil && !p.IsZero() {
			return false
		}
	}
	return true
}
