// Package scenarios holds what a buyer expects to need (a Scenario), its file
// format (*.kefucost.json, format v1) and how a change between two is
// summarized; the local store of saved scenarios is package store below it.
// It knows nothing of vendors' prices: pricing reads scenarios, never the
// other way round.
package scenarios

import (
	"github.com/shopspring/decimal"
)

// FormatName and Version identify the scenario file format this program
// reads and writes.
const (
	FormatName = "kefucost.scenario"
	Version    = 1
	// MaxMonths is the longest horizon a scenario may ask for (10 years).
	MaxMonths = 120
)

// Vendor ids, as used in scenario files and on the command line.
const (
	Chatopera = "chatopera"
	Tencent   = "tencent-qidian"
	Huawei    = "huawei-cec"
	Aliyun    = "aliyun-icc"
)

// VendorIDs lists every vendor in the order results are shown.
var VendorIDs = []string{Chatopera, Tencent, Huawei, Aliyun}

// Call length models: how per-call rounding to whole minutes is estimated.
const (
	CallFixed       = "fixed"
	CallExponential = "exponential"
)

// Scenario is one buyer's expected needs over a horizon, plus their
// negotiated terms per vendor.
type Scenario struct {
	Name   string
	Start  Date
	Months int
	Demand Demand
	// Changes apply from their date on, in date order (file order for ties).
	Changes []Change
	// Vendors holds per-vendor settings; a vendor with no entry uses defaults
	// (enabled, plan auto, list prices).
	Vendors map[string]VendorSettings
	// PriceDate picks the price editions in force on that day; zero means the
	// latest editions.
	PriceDate Date
	// DiscountRate is the buyer's yearly cost of money, used only for the
	// present-value figure; 0 means none is shown.
	DiscountRate decimal.Decimal
	// Combine is what the buyer has decided about combining vendors by
	// service group (pricing-rules §7.10).
	Combine Combine
}

// Combine holds the buyer's decisions for combinations of vendors: a
// service group already given to a vendor, and vendors left out of
// combinations (still compared on their own). The groups themselves are
// pricing's (pricing.Groups); pricing checks the group names.
type Combine struct {
	// Pin maps a service group ("bot", "online", "phone") to a vendor id.
	Pin map[string]string
	// Exclude lists vendor ids left out of combinations.
	Exclude []string
}

// IsZero reports whether the buyer decided nothing (the file then has no
// "combine" field).
func (c Combine) IsZero() bool { return len(c.Pin) == 0 && len(c.Exclude) == 0 }

// Excludes reports whether vendor id is left out of combinations.
func (c Combine) Excludes(id string) bool { return contains(c.Exclude, id) }

// Demand is what the buyer needs; volumes are per day or per month as named.
type Demand struct {
	ChatsPerDay             int64
	MessagesPerChat         int64
	ASRMinutesPerDay        int64
	OnlineAgents            int64
	PhoneAgents             int64
	AIVoiceSeats            int64
	Bots                    int64
	PhoneNumbers            int64
	InboundMinutesPerMonth  int64
	OutboundMinutesPerMonth int64
	RobotMinutesPerMonth    int64
	AvgCallMinutes          decimal.Decimal
	CallLength              string
	RecordedShare           decimal.Decimal
	IVRChannels             int64
	ASRChannels             int64
	GrowthPerMonth          decimal.Decimal
	// RobotOutboundShare is the part of robot minutes that robots dial out
	// (0: robots answer inbound calls), the same split for every vendor.
	RobotOutboundShare decimal.Decimal
	// ASRSecondsPerRequest is the mean length of one speech-recognition
	// request: vendors that round each request up to a second bill more
	// than the seconds spoken.
	ASRSecondsPerRequest decimal.Decimal
}

// Change sets some demand fields to new values from Date on. A nil field is
// left as it was.
type Change struct {
	Date                    Date
	ChatsPerDay             *int64
	MessagesPerChat         *int64
	ASRMinutesPerDay        *int64
	OnlineAgents            *int64
	PhoneAgents             *int64
	AIVoiceSeats            *int64
	Bots                    *int64
	PhoneNumbers            *int64
	InboundMinutesPerMonth  *int64
	OutboundMinutesPerMonth *int64
	RobotMinutesPerMonth    *int64
	IVRChannels             *int64
	ASRChannels             *int64
	RecordedShare           *decimal.Decimal
	RobotOutboundShare      *decimal.Decimal
	ASRSecondsPerRequest    *decimal.Decimal
}

// VendorSettings are the buyer's choices and negotiated terms for one vendor.
type VendorSettings struct {
	// Enabled nil means yes.
	Enabled *bool
	// Plan is "auto" (or empty) for the cheapest plan, or a catalog plan id.
	Plan string
	// Discount multiplies the vendor's list prices (0.85 = 15 % off); nil
	// means list price.
	Discount *decimal.Decimal
	// Prices overrides single items by catalog id, e.g. a quoted seat price.
	Prices map[string]decimal.Decimal
	// Options switch vendor interpretations on or off by catalog option id.
	Options map[string]bool
	// Gifts are packs the buyer was given (catalog item ids with the day
	// received): used before bought packs, at no cost.
	Gifts []Gift
	// Extras are the buyer's own lines for this vendor (implementation,
	// training, the cost of one more supplier), added to its total.
	Extras []Extra
}

// When an extra is paid.
const (
	ExtraOnce    = "once"    // Amount paid on Date
	ExtraMonthly = "monthly" // Amount paid on Date (or the start) and every month after, to the end
)

// Extra is one of the buyer's own lines for a vendor: an amount in 元 paid
// once on Date, or monthly from Date (zero: the start) to the end.
type Extra struct {
	Name   string
	Amount decimal.Decimal
	When   string
	Date   Date
}

// Gift is one pack received free on Date.
type Gift struct {
	Item string
	Date Date
}

// IsEnabled reports whether the vendor takes part in comparisons.
func (v VendorSettings) IsEnabled() bool { return v.Enabled == nil || *v.Enabled }

// PlanOrAuto is the plan id, with "" read as "auto".
func (v VendorSettings) PlanOrAuto() string {
	if v.Plan == "" {
		return "auto"
	}
	return v.Plan
}

// DefaultASRSecondsPerRequest is the mean speech-recognition request length
// a scenario assumes unless it says otherwise (pricing-rules §7.2).
var DefaultASRSecondsPerRequest = decimal.NewFromInt(5)

// DefaultDemand is what a new scenario starts with: a small web customer
// service with a bot, so that a first look shows something meaningful.
func DefaultDemand() Demand {
	return Demand{
		ChatsPerDay:     3000,
		MessagesPerChat: 1,
		OnlineAgents:    5,
		Bots:            1,
		AvgCallMinutes:  decimal.NewFromInt(3),
		CallLength:      CallExponential,
		RecordedShare:   decimal.Zero,
		GrowthPerMonth:  decimal.Zero,

		RobotOutboundShare:   decimal.Zero,
		ASRSecondsPerRequest: DefaultASRSecondsPerRequest,
	}
}

// New returns a scenario with reasonable defaults starting on start.
func New(name string, start Date) *Scenario {
	return &Scenario{
		Name:         name,
		Start:        start,
		Months:       36,
		Demand:       DefaultDemand(),
		Vendors:      map[string]VendorSettings{},
		DiscountRate: decimal.Zero,
	}
}

// End is the first day after the horizon.
func (s *Scenario) End() Date { return s.Start.AddMonths(s.Months) }

// Vendor returns the settings for id (defaults when absent).
func (s *Scenario) Vendor(id string) VendorSettings {
	if s.Vendors == nil {
		return VendorSettings{}
	}
	return s.Vendors[id]
}

// Clone returns a deep copy, so that the window can edit one while a
// background computation reads another.
func (s *Scenario) Clone() *Scenario {
	c := *s
	c.Changes = make([]Change, len(s.Changes))
	for i, ch := range s.Changes {
		c.Changes[i] = ch.clone()
	}
	c.Vendors = make(map[string]VendorSettings, len(s.Vendors))
	for id, v := range s.Vendors {
		nv := v
		if v.Enabled != nil {
			b := *v.Enabled
			nv.Enabled = &b
		}
		if v.Discount != nil {
			d := *v.Discount
			nv.Discount = &d
		}
		if v.Prices != nil {
			nv.Prices = make(map[string]decimal.Decimal, len(v.Prices))
			for k, p := range v.Prices {
				nv.Prices[k] = p
			}
		}
		if v.Options != nil {
			nv.Options = make(map[string]bool, len(v.Options))
			for k, o := range v.Options {
				nv.Options[k] = o
			}
		}
		if v.Gifts != nil {
			nv.Gifts = append([]Gift(nil), v.Gifts...)
		}
		if v.Extras != nil {
			nv.Extras = append([]Extra(nil), v.Extras...)
		}
		c.Vendors[id] = nv
	}
	if s.Combine.Pin != nil {
		c.Combine.Pin = make(map[string]string, len(s.Combine.Pin))
		for g, v := range s.Combine.Pin {
			c.Combine.Pin[g] = v
		}
	}
	if s.Combine.Exclude != nil {
		c.Combine.Exclude = append([]string(nil), s.Combine.Exclude...)
	}
	return &c
}

func (ch Change) clone() Change {
	c := ch
	for _, f := range changeCounts {
		if p := *f.get(&ch); p != nil {
			v := *p
			*f.get(&c) = &v
		}
	}
	for _, f := range changeDecimals {
		if p := *f.get(&ch); p != nil {
			v := *p
			*f.get(&c) = &v
		}
	}
	return c
}

// decField names one decimal demand field a dated change may set, as it is
// in the file, with its range; def is the value a file may leave out.
type decField struct {
	name        string
	lo, hi      decimal.Decimal
	loOpen      bool // lo itself is not allowed
	get         func(*Change) **decimal.Decimal
	value       func(*Demand) *decimal.Decimal
	omitDefault bool
	def         decimal.Decimal
}

// changeDecimals lists the decimal fields a dated change may set, in file
// order. recorded_share is always written; the later additions only when
// they differ from their default, so that older files stay byte-stable.
var changeDecimals = []decField{
	{name: "recorded_share", lo: decimal.Zero, hi: decimal.NewFromInt(1), def: decimal.Zero,
		get: func(c *Change) **decimal.Decimal { return &c.RecordedShare }, value: func(d *Demand) *decimal.Decimal { return &d.RecordedShare }},
	{name: "robot_outbound_share", lo: decimal.Zero, hi: decimal.NewFromInt(1), def: decimal.Zero, omitDefault: true,
		get: func(c *Change) **decimal.Decimal { return &c.RobotOutboundShare }, value: func(d *Demand) *decimal.Decimal { return &d.RobotOutboundShare }},
	{name: "asr_seconds_per_request", lo: decimal.Zero, loOpen: true, hi: decimal.NewFromInt(3600), def: DefaultASRSecondsPerRequest, omitDefault: true,
		get: func(c *Change) **decimal.Decimal { return &c.ASRSecondsPerRequest }, value: func(d *Demand) *decimal.Decimal { return &d.ASRSecondsPerRequest }},
}

// DecimalFieldNames lists the decimal demand fields a change may set, by
// file name, in file order.
func DecimalFieldNames() []string {
	out := make([]string, len(changeDecimals))
	for i, f := range changeDecimals {
		out[i] = f.name
	}
	return out
}

// DecimalRange is the range Validate allows a decimal demand field
// (avg_call_minutes or one a change may set): lo to hi, lo itself
// excluded when loOpen; ok is false for another name.
func DecimalRange(name string) (lo, hi decimal.Decimal, loOpen, ok bool) {
	if name == "avg_call_minutes" {
		return decimal.Zero, maxCallLen, true, true
	}
	for _, f := range changeDecimals {
		if f.name == name {
			return f.lo, f.hi, f.loOpen, true
		}
	}
	return decimal.Zero, decimal.Zero, false, false
}

// Decimal returns a decimal demand field a change may set, by file name.
func (d *Demand) Decimal(name string) (decimal.Decimal, bool) {
	for _, f := range changeDecimals {
		if f.name == name {
			return *f.value(d), true
		}
	}
	return decimal.Zero, false
}

// SetDecimal sets a decimal demand field a change may set, by file name.
func (d *Demand) SetDecimal(name string, v decimal.Decimal) bool {
	for _, f := range changeDecimals {
		if f.name == name {
			*f.value(d) = v
			return true
		}
	}
	return false
}

// ChangeDecimal reads a decimal field of a change by name.
func (ch *Change) Decimal(name string) (*decimal.Decimal, bool) {
	for _, f := range changeDecimals {
		if f.name == name {
			return *f.get(ch), true
		}
	}
	return nil, false
}

// SetDecimal sets (or with nil clears) a decimal field of a change by name.
func (ch *Change) SetDecimal(name string, v *decimal.Decimal) bool {
	for _, f := range changeDecimals {
		if f.name == name {
			*f.get(ch) = v
			return true
		}
	}
	return false
}

// countField names one whole-number demand field, as it is in the file.
type countField struct {
	name  string
	max   int64
	get   func(*Change) **int64
	value func(*Demand) *int64
}

// Limits keep arithmetic far from overflow and catch typos of many zeros;
// each is well beyond any contact centre.
const (
	maxPerDay   = 100_000_000
	maxPerMonth = 10_000_000_000
	maxSeats    = 1_000_000
)

// changeCounts lists the whole-number fields a dated change may set, in file
// order.
var changeCounts = []countField{
	{"chats_per_day", maxPerDay, func(c *Change) **int64 { return &c.ChatsPerDay }, func(d *Demand) *int64 { return &d.ChatsPerDay }},
	{"messages_per_chat", 1000, func(c *Change) **int64 { return &c.MessagesPerChat }, func(d *Demand) *int64 { return &d.MessagesPerChat }},
	{"asr_minutes_per_day", maxPerDay, func(c *Change) **int64 { return &c.ASRMinutesPerDay }, func(d *Demand) *int64 { return &d.ASRMinutesPerDay }},
	{"online_agents", maxSeats, func(c *Change) **int64 { return &c.OnlineAgents }, func(d *Demand) *int64 { return &d.OnlineAgents }},
	{"phone_agents", maxSeats, func(c *Change) **int64 { return &c.PhoneAgents }, func(d *Demand) *int64 { return &d.PhoneAgents }},
	{"ai_voice_seats", maxSeats, func(c *Change) **int64 { return &c.AIVoiceSeats }, func(d *Demand) *int64 { return &d.AIVoiceSeats }},
	{"bots", maxSeats, func(c *Change) **int64 { return &c.Bots }, func(d *Demand) *int64 { return &d.Bots }},
	{"phone_numbers", maxSeats, func(c *Change) **int64 { return &c.PhoneNumbers }, func(d *Demand) *int64 { return &d.PhoneNumbers }},
	{"inbound_minutes_per_month", maxPerMonth, func(c *Change) **int64 { return &c.InboundMinutesPerMonth }, func(d *Demand) *int64 { return &d.InboundMinutesPerMonth }},
	{"outbound_minutes_per_month", maxPerMonth, func(c *Change) **int64 { return &c.OutboundMinutesPerMonth }, func(d *Demand) *int64 { return &d.OutboundMinutesPerMonth }},
	{"robot_minutes_per_month", maxPerMonth, func(c *Change) **int64 { return &c.RobotMinutesPerMonth }, func(d *Demand) *int64 { return &d.RobotMinutesPerMonth }},
	{"ivr_channels", maxSeats, func(c *Change) **int64 { return &c.IVRChannels }, func(d *Demand) *int64 { return &d.IVRChannels }},
	{"asr_channels", maxSeats, func(c *Change) **int64 { return &c.ASRChannels }, func(d *Demand) *int64 { return &d.ASRChannels }},
}

// CountFieldNames lists the whole-number demand fields by file name, in
// file order; the window builds its form from it.
func CountFieldNames() []string {
	out := make([]string, len(changeCounts))
	for i, f := range changeCounts {
		out[i] = f.name
	}
	return out
}

// CountLimit is the largest value a whole-number demand field may take
// (0 for an unknown name).
func CountLimit(name string) int64 {
	for _, f := range changeCounts {
		if f.name == name {
			return f.max
		}
	}
	return 0
}

// CountLeast is the smallest value a whole-number demand field may take:
// 1 for messages_per_chat (a conversation is at least one request), else 0.
func CountLeast(name string) int64 {
	if name == "messages_per_chat" {
		return 1
	}
	return 0
}

// Count returns a whole-number demand field by its file name.
func (d *Demand) Count(name string) (int64, bool) {
	for _, f := range changeCounts {
		if f.name == name {
			return *f.value(d), true
		}
	}
	return 0, false
}

// SetCount sets a whole-number demand field by its file name.
func (d *Demand) SetCount(name string, v int64) bool {
	for _, f := range changeCounts {
		if f.name == name {
			*f.value(d) = v
			return true
		}
	}
	return false
}

// Apply returns d with the change's fields set.
func (ch *Change) Apply(d Demand) Demand {
	for _, f := range changeCounts {
		if p := *f.get(ch); p != nil {
			*f.value(&d) = *p
		}
	}
	for _, f := range changeDecimals {
		if p := *f.get(ch); p != nil {
			*f.value(&d) = *p
		}
	}
	return d
}

// Fields names the demand fields the change sets, in file order.
func (ch *Change) Fields() []string {
	var out []string
	for _, f := range changeCounts {
		if *f.get(ch) != nil {
			out = append(out, f.name)
		}
	}
	for _, f := range changeDecimals {
		if *f.get(ch) != nil {
			out = append(out, f.name)
		}
	}
	return out
}

// SetChangeCount sets (or with nil clears) a count field of a change by name.
func (ch *Change) SetCount(name string, v *int64) bool {
	for _, f := range changeCounts {
		if f.name == name {
			*f.get(ch) = v
			return true
		}
	}
	return false
}

// ChangeCount reads a count field of a change by name.
func (ch *Change) Count(name string) (*int64, bool) {
	for _, f := range changeCounts {
		if f.name == name {
			return *f.get(ch), true
		}
	}
	return nil, false
}
