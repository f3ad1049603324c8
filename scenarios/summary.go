package scenarios

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// maxSummaryParts is how many changes a summary lists before "… and N more".
const maxSummaryParts = 8

// Summarize says what changed from old to new, in the scenario file's field
// names, e.g. "months 36→24; demand.online_agents 5→8;
// vendors.huawei-cec.prices[seat.online.month] set 150". It is "created"
// when old is nil and "no changes" when nothing differs.
func Summarize(old, new *Scenario) string {
	if old == nil {
		return "created"
	}
	if new == nil {
		return "deleted"
	}
	d := differ{parts: Differences(old, new)}
	return d.String()
}

// Differences lists every field that differs from a to b, in Summarize's
// words ("months 36→24"), all of them (no "… and N more"): what two
// scenarios or two revisions compared side by side differ in. Nil when
// nothing differs.
func Differences(old, new *Scenario) []string {
	var d differ
	if old.Name != new.Name {
		d.add("name %s→%s", strconv.Quote(old.Name), strconv.Quote(new.Name))
	}
	d.str("start", old.Start.String(), new.Start.String())
	d.num("months", int64(old.Months), int64(new.Months))
	for _, f := range changeCounts {
		d.num("demand."+f.name, *f.value(&old.Demand), *f.value(&new.Demand))
	}
	d.dec("demand.avg_call_minutes", old.Demand.AvgCallMinutes, new.Demand.AvgCallMinutes)
	d.str("demand.call_length", old.Demand.CallLength, new.Demand.CallLength)
	d.dec("demand.recorded_share", old.Demand.RecordedShare, new.Demand.RecordedShare)
	d.dec("demand.growth_per_month", old.Demand.GrowthPerMonth, new.Demand.GrowthPerMonth)
	for _, f := range changeDecimals[1:] {
		d.dec("demand."+f.name, *f.value(&old.Demand), *f.value(&new.Demand))
	}
	d.changes(old.Changes, new.Changes)
	for _, id := range sortedVendorIDs(mergeVendors(old.Vendors, new.Vendors)) {
		d.vendor("vendors."+id, old.Vendor(id), new.Vendor(id))
	}
	d.str("price_date", orLatest(old.PriceDate), orLatest(new.PriceDate))
	d.dec("discount_rate", old.DiscountRate, new.DiscountRate)
	for _, g := range unionKeys(old.Combine.Pin, new.Combine.Pin) {
		d.optional("combine.pin["+g+"]", mapGet(old.Combine.Pin, g, func(v string) string { return v }), mapGet(new.Combine.Pin, g, func(v string) string { return v }))
	}
	if a, b := strings.Join(old.Combine.Exclude, ", "), strings.Join(new.Combine.Exclude, ", "); a != b {
		d.add("combine.exclude [%s]→[%s]", a, b)
	}
	return d.parts
}

func orLatest(d Date) string {
	if d.IsZero() {
		return "latest"
	}
	return d.String()
}

func mergeVendors(a, b map[string]VendorSettings) map[string]VendorSettings {
	m := make(map[string]VendorSettings, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

type differ struct{ parts []string }

func (d *differ) add(format string, args ...any) {
	d.parts = append(d.parts, fmt.Sprintf(format, args...))
}

func (d *differ) String() string {
	switch n := len(d.parts); {
	case n == 0:
		return "no changes"
	case n > maxSummaryParts:
		return strings.Join(d.parts[:maxSummaryParts], "; ") + fmt.Sprintf("; … and %d more", n-maxSummaryParts)
	}
	return strings.Join(d.parts, "; ")
}

func (d *differ) str(field, a, b string) {
	if a != b {
		d.add("%s %s→%s", field, shown(a), shown(b))
	}
}

// shown writes a text value, quoting it when it is empty or has spaces.
func shown(s string) string {
	if s == "" || strings.ContainsAny(s, " ;→\"") {
		return quoteShort(s)
	}
	return s
}

func (d *differ) num(field string, a, b int64) {
	if a != b {
		d.add("%s %d→%d", field, a, b)
	}
}

func (d *differ) dec(field string, a, b decimal.Decimal) {
	if !a.Equal(b) {
		d.add("%s %s→%s", field, a, b)
	}
}

// optional compares values that may be absent (nil): "set", "→", "removed".
func (d *differ) optional(field string, a, b *string) {
	switch {
	case a == nil && b != nil:
		d.add("%s set %s", field, shown(*b))
	case a != nil && b == nil:
		d.add("%s removed (was %s)", field, shown(*a))
	case a != nil && *a != *b:
		d.add("%s %s→%s", field, shown(*a), shown(*b))
	}
}

func strp[T any](p *T, f func(T) string) *string {
	if p == nil {
		return nil
	}
	s := f(*p)
	return &s
}

func (d *differ) changes(a, b []Change) {
	for i := 0; i < max(len(a), len(b)); i++ {
		p := fmt.Sprintf("changes[%d]", i)
		switch {
		case i >= len(a):
			d.add("%s added (%s)", p, describeChange(&b[i]))
		case i >= len(b):
			d.add("%s removed (was %s)", p, describeChange(&a[i]))
		default:
			ca, cb := &a[i], &b[i]
			d.str(p+".date", ca.Date.String(), cb.Date.String())
			for _, f := range changeCounts {
				d.optional(p+"."+f.name, strp(*f.get(ca), itoa), strp(*f.get(cb), itoa))
			}
			for _, f := range changeDecimals {
				d.optional(p+"."+f.name, strp(*f.get(ca), decimal.Decimal.String), strp(*f.get(cb), decimal.Decimal.String))
			}
		}
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// describeChange writes a dated change briefly: "from 2027-07-01 online_agents 8".
func describeChange(c *Change) string {
	parts := []string{"from " + c.Date.String()}
	for _, f := range changeCounts {
		if p := *f.get(c); p != nil {
			parts = append(parts, fmt.Sprintf("%s %d", f.name, *p))
		}
	}
	for _, f := range changeDecimals {
		if p := *f.get(c); p != nil {
			parts = append(parts, f.name+" "+p.String())
		}
	}
	return strings.Join(parts, ", ")
}

func (d *differ) vendor(p string, a, b VendorSettings) {
	bools := func(v bool) string { return strconv.FormatBool(v) }
	if a.IsEnabled() != b.IsEnabled() {
		d.add("%s.enabled %t→%t", p, a.IsEnabled(), b.IsEnabled())
	}
	d.str(p+".plan", a.PlanOrAuto(), b.PlanOrAuto())
	d.optional(p+".discount", strp(a.Discount, decimal.Decimal.String), strp(b.Discount, decimal.Decimal.String))
	for _, k := range unionKeys(a.Prices, b.Prices) {
		d.optional(p+".prices["+k+"]", mapGet(a.Prices, k, decimal.Decimal.String), mapGet(b.Prices, k, decimal.Decimal.String))
	}
	for _, k := range unionKeys(a.Options, b.Options) {
		d.optional(p+".options["+k+"]", mapGet(a.Options, k, bools), mapGet(b.Options, k, bools))
	}
	gifts := func(gs []Gift) string {
		parts := make([]string, len(gs))
		for i, g := range gs {
			parts[i] = g.Item + " " + g.Date.String()
		}
		return strings.Join(parts, ", ")
	}
	if ga, gb := gifts(a.Gifts), gifts(b.Gifts); ga != gb {
		d.add("%s.gifts [%s]→[%s]", p, ga, gb)
	}
	extras := func(xs []Extra) string {
		parts := make([]string, len(xs))
		for i, x := range xs {
			parts[i] = strconv.Quote(x.Name) + " " + x.Amount.String() + " " + x.When
			if !x.Date.IsZero() {
				parts[i] += " " + x.Date.String()
			}
		}
		return strings.Join(parts, ", ")
	}
	if xa, xb := extras(a.Extras), extras(b.Extras); xa != xb {
		d.add("%s.extras [%s]→[%s]", p, xa, xb)
	}
}

func mapGet[V any](m map[string]V, k string, f func(V) string) *string {
	v, ok := m[k]
	if !ok {
		return nil
	}
	s := f(v)
	return &s
}

func unionKeys[V any](a, b map[string]V) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]V{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}
