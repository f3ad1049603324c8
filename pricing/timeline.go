package pricing

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

// level is the demand in force during a segment, volumes already grown and
// rounded to whole units.
type level struct {
	chats    int64 // conversations a day
	requests int64 // bot API requests a day (chats × messages per chat)
	asrSec   int64 // ASR seconds a day
	online   int64
	phone    int64
	ai       int64
	bots     int64
	numbers  int64
	inMin    int64 // per month
	outMin   int64
	robotMin int64
	ivr      int64
	asrCh    int64
	recorded decimal.Decimal
	// robotOut is the share of robot minutes dialled out (§7.8); asrLen the
	// mean seconds of one ASR request (§7.2).
	robotOut decimal.Decimal
	asrLen   decimal.Decimal
	// The fewest lines (concurrent calls or channels) that can carry the
	// robot minutes, the outbound robot minutes and the ASR minutes of
	// the period (linesFor): physical lower bounds vendors that sell
	// concurrency use when the buyer's own count is lower.
	robotLines, robotOutLines, asrLines int64
}

// segment is a run of days with the same demand, inside one horizon month
// and one calendar month. Rules that are daily multiply by days instead of
// walking every day.
type segment struct {
	from  scenarios.Date
	days  int
	month int // horizon month index
	nat   int // index into timeline.naturals
	l     level
}

// natural is a calendar month touched by the horizon; monthly bills (tiers,
// number rent, on-demand settlement) are per calendar month.
type natural struct {
	first    scenarios.Date
	days     int // calendar days of the whole month
	segFrom  int
	segTo    int // exclusive
	month    int // horizon month its bill is counted in (its last day in the horizon)
	inDays   int // days of it inside the horizon
	whole    bool
	lastSeg  scenarios.Date
	lastDay  scenarios.Date // last calendar day of the month
	firstDay scenarios.Date // first day inside the horizon
}

// timeline is a scenario laid out in segments, shared by every vendor.
type timeline struct {
	s           *scenarios.Scenario
	start, end  scenarios.Date
	months      int
	monthStarts []scenarios.Date // months+1 entries; the last is end
	days        int
	segs        []segment
	naturals    []natural
	// perCall is the expected billed minutes per call, and minuteFactor the
	// billed minutes per actual minute (per-call rounding).
	perCall      decimal.Decimal
	minuteFactor decimal.Decimal
	minuteUP     unitPrice
	// peak is the largest value of each level field over the horizon (what
	// coverage asks about).
	peak level
	// err is the scenario's demand grown past what can be computed (by
	// growth, or by calls so short that per-call rounding multiplies
	// them): compare refuses the scenario with it.
	err *scenarios.FieldError
	// factors caches the present-value discount factors.
	factors []decimal.Decimal
	// minutes caches each calendar month's billed minutes.
	minutes []monthMinutes
}

// monthMinutes are a calendar month's minutes after per-call rounding,
// the same for every vendor that rounds each call up to a minute.
type monthMinutes struct {
	agent decimal.Decimal // inbound + outbound, billed
	robot decimal.Decimal // billed
}

// billed returns calendar month i's billed minutes, computed once.
func (t *timeline) billed(i int) *monthMinutes {
	if t.minutes == nil {
		t.minutes = make([]monthMinutes, len(t.naturals))
		for j := range t.naturals {
			nt := &t.naturals[j]
			m := &t.minutes[j]
			m.agent = t.billedMinutes(t.monthMinutes(nt, func(l *level) int64 { return l.inMin + l.outMin }))
			m.robot = t.billedMinutes(t.monthMinutes(nt, func(l *level) int64 { return l.robotMin }))
		}
	}
	return &t.minutes[i]
}

func newTimeline(s *scenarios.Scenario) *timeline {
	t := &timeline{s: s, start: s.Start, end: s.End(), months: s.Months}
	t.days = t.start.DaysUntil(t.end)
	t.monthStarts = make([]scenarios.Date, s.Months+1)
	for i := range t.monthStarts {
		t.monthStarts[i] = s.Start.AddMonths(i)
	}
	d := s.Demand
	t.perCall = BilledMinutesPerCall(d.AvgCallMinutes, d.CallLength)
	t.minuteFactor = t.perCall.DivRound(d.AvgCallMinutes, 12)
	t.minuteUP = newUnitPrice(t.minuteFactor)

	// Boundaries: horizon months, calendar months, change dates.
	bounds := make([]scenarios.Date, 0, 2*len(t.monthStarts)+len(s.Changes))
	bounds = append(bounds, t.monthStarts...)
	for m := t.start.FirstOfMonth().AddMonths(1); m.Before(t.end); m = m.AddMonths(1) {
		bounds = append(bounds, m)
	}
	changes := append([]scenarios.Change{}, s.Changes...)
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Date.Before(changes[j].Date) })
	for _, c := range changes {
		bounds = append(bounds, c.Date)
	}
	slices.SortFunc(bounds, func(a, b scenarios.Date) int { return a.Time().Compare(b.Time()) })
	bounds = slices.CompactFunc(bounds, scenarios.Date.Equal)
	// A segment is large (its level): make room for them all at once.
	t.segs = make([]segment, 0, len(bounds))

	// Growth compounds monthly from the month a volume was last set.
	var growth []unitPrice
	if !d.GrowthPerMonth.IsZero() {
		growth = growthFactors(d.GrowthPerMonth, s.Months+1)
	}
	grown := func(field string, base int64, from, m int) int64 {
		if base == 0 || growth == nil || m <= from {
			return base
		}
		v, ok := mulRound(base, growth[m-from])
		if !ok {
			g := decimal.NewFromInt(base).Mul(growth[m-from].d).Round(0)
			v = math.MaxInt64
			if g.LessThan(maxInt64Dec) {
				v = g.IntPart()
			}
		}
		// Grown past what the field may state, the volume is refused
		// (kept at the limit meanwhile: nothing is priced).
		if lim := scenarios.CountLimit(field); v > lim {
			if t.err == nil {
				t.err = growthTooLarge(field, lim, t.monthStarts[m])
			}
			return lim
		}
		return v
	}

	cur := d
	var setMonth [5]int // month each volume was last set: chats, asr, in, out, robot
	ci := 0
	month := 0
	for i := 0; i < len(bounds)-1; i++ {
		from, to := bounds[i], bounds[i+1]
		if !from.Before(to) || !from.Before(t.end) {
			continue
		}
		for month+1 < s.Months && !from.Before(t.monthStarts[month+1]) {
			month++
		}
		for ci < len(changes) && !changes[ci].Date.After(from) {
			c := &changes[ci]
			if c.ChatsPerDay != nil {
				setMonth[0] = month
			}
			if c.ASRMinutesPerDay != nil {
				setMonth[1] = month
			}
			if c.InboundMinutesPerMonth != nil {
				setMonth[2] = month
			}
			if c.OutboundMinutesPerMonth != nil {
				setMonth[3] = month
			}
			if c.RobotMinutesPerMonth != nil {
				setMonth[4] = month
			}
			cur = c.Apply(cur)
			ci++
		}
		chats := grown("chats_per_day", cur.ChatsPerDay, setMonth[0], month)
		l := level{
			chats:    chats,
			requests: chats * cur.MessagesPerChat,
			asrSec:   grown("asr_minutes_per_day", cur.ASRMinutesPerDay, setMonth[1], month) * 60,
			online:   cur.OnlineAgents,
			phone:    cur.PhoneAgents,
			ai:       cur.AIVoiceSeats,
			bots:     cur.Bots,
			numbers:  cur.PhoneNumbers,
			inMin:    grown("inbound_minutes_per_month", cur.InboundMinutesPerMonth, setMonth[2], month),
			outMin:   grown("outbound_minutes_per_month", cur.OutboundMinutesPerMonth, setMonth[3], month),
			robotMin: grown("robot_minutes_per_month", cur.RobotMinutesPerMonth, setMonth[4], month),
			ivr:      cur.IVRChannels,
			asrCh:    cur.ASRChannels,
			recorded: cur.RecordedShare,
			robotOut: cur.RobotOutboundShare,
			asrLen:   cur.ASRSecondsPerRequest,
		}
		l.setLines(from.DaysInMonth())
		// Merge with the previous segment when nothing splits them.
		if n := len(t.segs); n > 0 {
			p := &t.segs[n-1]
			if p.month == month && p.from.FirstOfMonth().Equal(from.FirstOfMonth()) && p.l.equal(&l) {
				p.days += from.DaysUntil(to)
				continue
			}
		}
		t.segs = append(t.segs, segment{from: from, days: from.DaysUntil(to), month: month, l: l})
		t.peak.maxWith(&l)
	}

	t.naturals = make([]natural, 0, s.Months+2)
	for i := range t.segs {
		sg := &t.segs[i]
		first := sg.from.FirstOfMonth()
		if n := len(t.naturals); n == 0 || !t.naturals[n-1].first.Equal(first) {
			t.naturals = append(t.naturals, natural{first: first, days: first.DaysInMonth(), segFrom: i, firstDay: sg.from,
				lastDay: first.AddMonths(1).AddDays(-1)})
		}
		nt := &t.naturals[len(t.naturals)-1]
		sg.nat = len(t.naturals) - 1
		nt.segTo = i + 1
		nt.month = sg.month
		nt.inDays += sg.days
		nt.lastSeg = sg.from
	}
	for i := range t.naturals {
		t.naturals[i].whole = t.naturals[i].inDays == t.naturals[i].days
	}
	if t.err == nil {
		most := decimal.NewFromInt(max(t.peak.inMin+t.peak.outMin, t.peak.robotMin)).Mul(t.minuteFactor)
		if most.GreaterThan(maxBilledMinutes) {
			t.err = callsTooShort(d.AvgCallMinutes, t.minuteFactor)
		}
	}
	if t.err == nil {
		t.err = asrTooShort(s, t.segs)
	}
	return t
}

// maxBilledASRSeconds is the most ASR seconds a day billed after
// per-request rounding (§7.2: a remainder under a second counts as a
// whole second): 10¹², about 170 times the most a scenario may state
// (10⁸ minutes a day). Requests of 10⁻⁹ s bill 10⁹ times their length:
// past it, the day's billed seconds leave int64 and the pack search
// (resource packs of 5,000 calls) has nothing a buyer could buy.
var maxBilledASRSeconds = decimal.New(1, 12)

// maxASRSecondsAtWhole is the most ASR seconds a day surely within
// maxBilledASRSeconds when requests last a whole number of seconds (at
// least 1: each bills less than one second more than its length).
const maxASRSecondsAtWhole = 500_000_000_000

// asrTooShort is the error for ASR requests so short that per-request
// rounding bills more than maxBilledASRSeconds on some day, naming the
// field that sets that length (the demand or a dated change); nil when
// every day stays within it.
func asrTooShort(s *scenarios.Scenario, segs []segment) *scenarios.FieldError {
	var last decimal.Decimal
	most := int64(-1) // the most ASR seconds a day within the limit at last
	for i := range segs {
		l := &segs[i].l
		if l.asrSec == 0 || l.asrLen.Exponent() >= 0 && l.asrSec <= maxASRSecondsAtWhole {
			// Requests of a whole second or more bill at most twice
			// their length: within the limit (no decimal work).
			continue
		}
		if most < 0 || !l.asrLen.Equal(last) {
			last = l.asrLen
			per := asrSecondsPerRequest(last)
			// sec × per / L ≤ limit ⇔ sec ≤ limit × L / per.
			most = maxBilledASRSeconds.Mul(effectiveASRLen(last)).Div(per).Floor().IntPart()
		}
		if l.asrSec <= most {
			continue
		}
		field := "demand.asr_seconds_per_request"
		if !s.Demand.ASRSecondsPerRequest.Equal(last) {
			for j := range s.Changes {
				if v := s.Changes[j].ASRSecondsPerRequest; v != nil && v.Equal(last) {
					field = fmt.Sprintf("changes[%d].asr_seconds_per_request", j)
					break
				}
			}
		}
		return &scenarios.FieldError{Field: field, Key: scenarios.ErrASRTooShort, Args: []any{last.String(), group(maxBilledASRSeconds.IntPart())},
			Msg: fmt.Sprintf("ASR requests of %s seconds on average are billed %s times their length (each request rounded up to a whole second): more than %s seconds a day, beyond what kefucost computes (nothing was compared)",
				last, asrSecondsPerRequest(last).DivRound(effectiveASRLen(last), 2), group(maxBilledASRSeconds.IntPart()))}
	}
	return nil
}

// maxBilledMinutes is the most minutes a month billed after per-call
// rounding: 10¹², a hundred times the most a scenario may state. Minutes
// are counted in millionths in int64 (9.2×10¹² minutes at most).
var maxBilledMinutes = decimal.New(1, 12)

// growthTooLarge is the error for a volume grown past its field's limit.
func growthTooLarge(field string, lim int64, when scenarios.Date) *scenarios.FieldError {
	return &scenarios.FieldError{Field: "demand.growth_per_month", Key: scenarios.ErrGrowthTooLarge, Args: []any{group(lim)},
		Msg: fmt.Sprintf("at this growth %s passes %s (the most a scenario may state) by %s: lower the growth or shorten the horizon (nothing was compared)", field, group(lim), when)}
}

// callsTooShort is the error for calls so short that per-call rounding
// bills more than maxBilledMinutes a month.
func callsTooShort(avg, factor decimal.Decimal) *scenarios.FieldError {
	return &scenarios.FieldError{Field: "demand.avg_call_minutes", Key: scenarios.ErrCallsTooShort, Args: []any{avg.String(), group(maxBilledMinutes.IntPart())},
		Msg: fmt.Sprintf("calls of %s minutes on average are billed %s times their length (each call rounded up to a whole minute): more than %s minutes a month, beyond what kefucost computes (nothing was compared)", avg, factor.Round(2), group(maxBilledMinutes.IntPart()))}
}

// growthFactors are (1 + g)^i for i < n, each step rounded to 12 places,
// kept per rate for the process: sweeps and combinations lay out the same
// scenario's timeline many times.
func growthFactors(g decimal.Decimal, n int) []unitPrice {
	key := g.String()
	if v, ok := growthMemo.Load(key); ok {
		if fs := v.([]unitPrice); len(fs) >= n {
			return fs[:n:n]
		}
	}
	fs := make([]unitPrice, n)
	f := one
	step := one.Add(g)
	for i := range fs {
		fs[i] = newUnitPrice(f)
		f = f.Mul(step).Round(12)
	}
	growthMemo.Store(key, fs)
	return fs[:n:n]
}

var growthMemo sync.Map // growth per month as written → factors

func (l *level) equal(o *level) bool {
	return l.chats == o.chats && l.requests == o.requests && l.asrSec == o.asrSec && l.online == o.online &&
		l.phone == o.phone && l.ai == o.ai && l.bots == o.bots && l.numbers == o.numbers && l.inMin == o.inMin &&
		l.outMin == o.outMin && l.robotMin == o.robotMin && l.ivr == o.ivr && l.asrCh == o.asrCh && l.recorded.Equal(o.recorded) &&
		l.robotOut.Equal(o.robotOut) && l.asrLen.Equal(o.asrLen) && l.robotLines == o.robotLines &&
		l.robotOutLines == o.robotOutLines && l.asrLines == o.asrLines
}

func (l *level) maxWith(o *level) {
	l.chats = max(l.chats, o.chats)
	l.requests = max(l.requests, o.requests)
	l.asrSec = max(l.asrSec, o.asrSec)
	l.online = max(l.online, o.online)
	l.phone = max(l.phone, o.phone)
	l.ai = max(l.ai, o.ai)
	l.bots = max(l.bots, o.bots)
	l.numbers = max(l.numbers, o.numbers)
	l.inMin = max(l.inMin, o.inMin)
	l.outMin = max(l.outMin, o.outMin)
	l.robotMin = max(l.robotMin, o.robotMin)
	l.ivr = max(l.ivr, o.ivr)
	l.asrCh = max(l.asrCh, o.asrCh)
	l.robotLines = max(l.robotLines, o.robotLines)
	l.robotOutLines = max(l.robotOutLines, o.robotOutLines)
	l.asrLines = max(l.asrLines, o.asrLines)
	if o.recorded.GreaterThan(l.recorded) {
		l.recorded = o.recorded
	}
	if o.robotOut.GreaterThan(l.robotOut) {
		l.robotOut = o.robotOut
	}
}

// minutesPerLineDay is the most minutes one line — a concurrent call, a
// channel, a seat dialling out — carries in a day: 24 × 60.
const minutesPerLineDay = 1440

// linesFor is the fewest lines that can carry minutes spread over days
// days: ceil(minutes / (days × 1,440)), and 1 for any minutes at all
// (0 for none). A physical lower bound, not a sizing: real calls bunch in
// busy hours and need more lines, so a buyer's own larger count wins.
// Minutes are the actual minutes (a line is busy while a call lasts, not
// for the minutes billed by per-call rounding).
func linesFor(minutes decimal.Decimal, days int) int64 {
	if !minutes.IsPositive() {
		return 0
	}
	q, r := minutes.QuoRem(decimal.NewFromInt(int64(days)*minutesPerLineDay), 0)
	n := q.IntPart()
	if r.IsPositive() {
		n++
	}
	return max(n, 1)
}

// setLines fills the level's lines (linesFor) from its volumes, for a
// period in a calendar month of monthDays days: robot minutes are a
// month's, ASR minutes a day's.
func (l *level) setLines(monthDays int) {
	l.robotLines, l.robotOutLines, l.asrLines = 0, 0, 0
	if l.robotMin > 0 {
		m := decimal.NewFromInt(l.robotMin)
		l.robotLines = linesFor(m, monthDays)
		l.robotOutLines = linesFor(m.Mul(l.robotOut), monthDays)
	}
	if l.asrSec > 0 {
		l.asrLines = linesFor(decimal.NewFromInt(l.asrSec/60), 1)
	}
}

// floorSpan is where a lower bound set by the minutes (linesFor) is above
// what the scenario asks for: from first to last (not necessarily every
// day between), lo to hi lines, most the first period needing hi.
type floorSpan struct {
	first, last scenarios.Date
	lo, hi      int64
	most        *segment
}

// floorBinds finds where get's need is above both its own count (the
// scenario's) and least (what a rule takes anyway); nil when nowhere.
func (t *timeline) floorBinds(get func(*level) (own, need int64), least int64) *floorSpan {
	var fs *floorSpan
	for i := range t.segs {
		sg := &t.segs[i]
		own, need := get(&sg.l)
		if need <= max(own, least) {
			continue
		}
		if fs == nil {
			fs = &floorSpan{first: sg.from, lo: need}
		}
		if need > fs.hi {
			fs.hi, fs.most = need, sg
		}
		fs.lo = min(fs.lo, need)
		fs.last = sg.from.AddDays(sg.days - 1)
	}
	return fs
}

// count is "2" or "2 to 5"; countZH "2" or "2 至 5".
func (fs *floorSpan) count() string {
	if fs.hi > fs.lo {
		return fmt.Sprintf("%d to %d", fs.lo, fs.hi)
	}
	return strconv.FormatInt(fs.lo, 10)
}

func (fs *floorSpan) countZH() string {
	if fs.hi > fs.lo {
		return fmt.Sprintf("%d 至 %d", fs.lo, fs.hi)
	}
	return strconv.FormatInt(fs.lo, 10)
}

// monthOf returns the horizon month holding day d.
func (t *timeline) monthOf(d scenarios.Date) int {
	i := sort.Search(t.months, func(i int) bool { return d.Before(t.monthStarts[i+1]) })
	return min(i, t.months-1)
}

// dayIndex is d's offset from the horizon start in days.
func (t *timeline) dayIndex(d scenarios.Date) int { return t.start.DaysUntil(d) }

// monthMinutes returns a calendar month's actual minutes of one kind: the
// per-month rate prorated by the days each rate was in force.
func (t *timeline) monthMinutes(nt *natural, get func(*level) int64) decimal.Decimal {
	if nt.segTo-nt.segFrom == 1 && nt.whole {
		return decimal.NewFromInt(get(&t.segs[nt.segFrom].l))
	}
	// In int64 while it fits: total × 10^6 / days, half up, is the
	// decimal division to 6 places (same value, same 6 places).
	var sum int64
	fits := true
	for i := nt.segFrom; i < nt.segTo && fits; i++ {
		v := get(&t.segs[i].l)
		fits = v >= 0 && v < 1<<32
		sum += v * int64(t.segs[i].days)
	}
	if fits && sum < 1<<42 { // × 2·10^6 stays below 2^63
		return decimal.New((sum*millionths*2+int64(nt.days))/(2*int64(nt.days)), -6)
	}
	total := zero
	for i := nt.segFrom; i < nt.segTo; i++ {
		sg := &t.segs[i]
		total = total.Add(decimal.NewFromInt(get(&sg.l) * int64(sg.days)))
	}
	return total.DivRound(decimal.NewFromInt(int64(nt.days)), 6)
}

// robotOutMinutes is a calendar month's actual robot minutes dialled out:
// each segment's robot minutes × its outbound share, prorated by days.
func (t *timeline) robotOutMinutes(nt *natural) decimal.Decimal {
	total := zero
	for i := nt.segFrom; i < nt.segTo; i++ {
		sg := &t.segs[i]
		if sg.l.robotMin == 0 || sg.l.robotOut.IsZero() {
			continue
		}
		total = total.Add(decimal.NewFromInt(sg.l.robotMin * int64(sg.days)).Mul(sg.l.robotOut))
	}
	return total.DivRound(decimal.NewFromInt(int64(nt.days)), 6)
}

// billedMinutes turns actual minutes into billed minutes under per-call
// rounding, to whole minutes.
func (t *timeline) billedMinutes(actual decimal.Decimal) decimal.Decimal {
	if actual.IsZero() {
		return zero
	}
	if actual.Exponent() >= 0 && actual.Exponent() < 3 {
		if v, ok := mulRound(actual.IntPart(), t.minuteUP); ok {
			return decimal.NewFromInt(v)
		}
	}
	// c × 10^e minutes (e < 0, a prorated month): c × factor / 10^-e.
	if e := actual.Exponent(); e < 0 && -e < int32(len(pow10)) {
		if c, ok := coef64(actual); ok && c >= 0 {
			if v, ok := t.minuteUP.ratioAt(c, pow10[-e], 0); ok {
				return decimal.NewFromInt(v)
			}
		}
	}
	return actual.Mul(t.minuteFactor).Round(0)
}

// monthMax is the largest value of a field during a calendar month.
func (t *timeline) monthMax(nt *natural, get func(*level) int64) int64 {
	var m int64
	for i := nt.segFrom; i < nt.segTo; i++ {
		m = max(m, get(&t.segs[i].l))
	}
	return m
}

// levelOn returns the level in force on day d (the last segment's level
// for days past the end).
func (t *timeline) levelOn(d scenarios.Date) *level {
	i := sort.Search(len(t.segs), func(i int) bool { return d.Before(t.segs[i].from) })
	if i == 0 {
		return &t.segs[0].l
	}
	return &t.segs[i-1].l
}
