package wording

import (
	"strings"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
)

// WayName names a complete way: the vendor's short name, or the
// combination's parts ("Chatopera（机器人） + 腾讯企点（在线客服）").
func WayName(lang string, w pricing.Way) string {
	if w.Combination != nil {
		return CombinationText(lang, w.Combination)
	}
	return ShortVendorName(lang, w.Vendor)
}

// LeadsText is break-even over time in words, under the cumulative chart:
// who has paid least so far and from which month another way is cheaper
// ("累计支出：起初腾讯企点最低；从 2028-03 起阿里云比腾讯企点便宜。"). One
// sentence; more than two takeovers are counted and only the last is
// named. "" when fewer than two complete ways exist.
func LeadsText(lang string, c *pricing.Comparison) string {
	leads := pricing.CumulativeLeads(c)
	if len(leads) == 0 {
		return ""
	}
	month := func(m int) string {
		if m < len(c.MonthStarts) {
			return c.MonthStarts[m].String()[:7]
		}
		return ""
	}
	first := WayName(lang, leads[0].Way)
	named := []pricing.Way{leads[0].Way}
	var s string
	if len(leads) == 1 {
		s = Text(lang, "leads.throughout", first)
	} else {
		parts := []string{Text(lang, "leads.first", first)}
		if changes := leads[1:]; len(changes) <= 2 {
			for _, l := range changes {
				parts = append(parts, Text(lang, "leads.takeover", month(l.Month), WayName(lang, l.Way), WayName(lang, l.Over)))
				named = append(named, l.Way, l.Over)
			}
		} else {
			last := changes[len(changes)-1]
			parts = append(parts, Text(lang, "leads.many", len(changes), month(last.Month), WayName(lang, last.Way)))
			named = append(named, last.Way)
		}
		s = strings.Join(parts, Text(lang, "leads.sep")) + Text(lang, "leads.end")
	}
	if after := leadsAfter(lang, c, named); after != "" {
		end := Text(lang, "leads.end")
		s = strings.TrimSuffix(s, end) + Text(lang, "leads.after", after) + end
	}
	return s
}

// leadsAfter names the cash the ways named pay after the horizon for use
// within it ("腾讯企点 3,080.00 元"): in their totals but in no month, so
// the cumulative lead leaves it out; "" when they pay none.
func leadsAfter(lang string, c *pricing.Comparison, named []pricing.Way) string {
	var out []string
	seen := map[string]bool{}
	for _, w := range named {
		name := WayName(lang, w)
		if seen[name] {
			continue
		}
		seen[name] = true
		after := decimal.Zero
		if w.Combination != nil {
			for _, p := range w.Combination.Parts {
				if p.Result != nil {
					after = after.Add(p.Result.AfterHorizon)
				}
			}
		} else {
			for _, r := range c.Vendors {
				if r.Vendor == w.Vendor {
					after = r.AfterHorizon
				}
			}
		}
		if !after.IsZero() {
			out = append(out, name+" "+Text(lang, "money", Money(after)))
		}
	}
	return strings.Join(out, Text(lang, "list.sep"))
}
