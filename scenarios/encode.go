package scenarios

import (
	"bytes"
	"encoding/json"
)

// Encode writes the scenario as a format v1 file: UTF-8, two-space indent,
// fields always in the same order and every demand field present, so that
// files diff well in version control and re-encoding is byte-stable.
func Encode(s *Scenario) ([]byte, error) {
	var b bytes.Buffer
	w := &objWriter{b: &b}
	w.open(0)
	w.field(1, "format", FormatName)
	w.field(1, "version", Version)
	w.field(1, "name", s.Name)
	w.field(1, "start", s.Start.String())
	w.field(1, "months", s.Months)
	w.key(1, "demand")
	w.open(1)
	dm := s.Demand
	for _, name := range CountFieldNames() {
		v, _ := dm.Count(name)
		w.field(2, name, v)
	}
	w.field(2, "avg_call_minutes", dm.AvgCallMinutes.String())
	w.field(2, "call_length", dm.CallLength)
	w.field(2, "recorded_share", dm.RecordedShare.String())
	w.field(2, "growth_per_month", dm.GrowthPerMonth.String())
	for _, f := range changeDecimals[1:] {
		if v := *f.value(&dm); !v.Equal(f.def) {
			w.field(2, f.name, v.String())
		}
	}
	w.close(1)
	w.key(1, "changes")
	if len(s.Changes) == 0 {
		b.WriteString("[]")
	} else {
		b.WriteString("[")
		for i, ch := range s.Changes {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    ")
			w.open(2)
			w.field(3, "date", ch.Date.String())
			for _, name := range CountFieldNames() {
				if p, _ := ch.Count(name); p != nil {
					w.field(3, name, *p)
				}
			}
			for _, f := range changeDecimals {
				if p := *f.get(&ch); p != nil {
					w.field(3, f.name, p.String())
				}
			}
			w.close(2)
		}
		b.WriteString("\n  ]")
	}
	w.first = false
	w.key(1, "vendors")
	w.open(1)
	for _, id := range sortedVendorIDs(s.Vendors) {
		v := s.Vendors[id]
		w.key(2, id)
		w.open(2)
		if v.Enabled != nil {
			w.field(3, "enabled", *v.Enabled)
		}
		w.field(3, "plan", v.PlanOrAuto())
		if v.Discount != nil {
			w.field(3, "discount", v.Discount.String())
		}
		if len(v.Prices) > 0 {
			w.key(3, "prices")
			w.open(3)
			for _, k := range sortedKeys(v.Prices) {
				w.field(4, k, v.Prices[k].String())
			}
			w.close(3)
		}
		if len(v.Options) > 0 {
			w.key(3, "options")
			w.open(3)
			for _, k := range sortedKeys(v.Options) {
				w.field(4, k, v.Options[k])
			}
			w.close(3)
		}
		if len(v.Gifts) > 0 {
			w.key(3, "gifts")
			b.WriteString("[")
			for i, g := range v.Gifts {
				if i > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n        ")
				w.open(4)
				w.field(5, "item", g.Item)
				w.field(5, "date", g.Date.String())
				w.close(4)
			}
			b.WriteString("\n      ]")
		}
		if len(v.Extras) > 0 {
			w.key(3, "extras")
			b.WriteString("[")
			for i, x := range v.Extras {
				if i > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n        ")
				w.open(4)
				w.field(5, "name", x.Name)
				w.field(5, "amount", x.Amount.String())
				w.field(5, "when", x.When)
				if !x.Date.IsZero() {
					w.field(5, "date", x.Date.String())
				}
				w.close(4)
			}
			b.WriteString("\n      ]")
		}
		w.close(2)
	}
	w.close(1)
	w.field(1, "price_date", s.PriceDate.String())
	w.field(1, "discount_rate", s.DiscountRate.String())
	// Only when the buyer decided something, so that older files stay
	// byte-stable.
	if !s.Combine.IsZero() {
		w.key(1, "combine")
		w.open(1)
		if len(s.Combine.Pin) > 0 {
			w.key(2, "pin")
			w.open(2)
			for _, g := range sortedKeys(s.Combine.Pin) {
				w.field(3, g, s.Combine.Pin[g])
			}
			w.close(2)
		}
		if len(s.Combine.Exclude) > 0 {
			w.field(2, "exclude", s.Combine.Exclude)
		}
		w.close(1)
	}
	w.close(0)
	b.WriteString("\n")
	return b.Bytes(), w.err
}

// sortedVendorIDs puts known vendors in display order, then any others.
func sortedVendorIDs(m map[string]VendorSettings) []string {
	var out []string
	for _, id := range VendorIDs {
		if _, ok := m[id]; ok {
			out = append(out, id)
		}
	}
	var rest []string
	for id := range m {
		if !contains(VendorIDs, id) {
			rest = append(rest, id)
		}
	}
	return append(out, sortStrings(rest)...)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return sortStrings(out)
}

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

type objWriter struct {
	b     *bytes.Buffer
	first bool
	err   error
}

func (w *objWriter) indent(level int) {
	w.b.WriteByte('\n')
	for i := 0; i < level; i++ {
		w.b.WriteString("  ")
	}
}

func (w *objWriter) open(level int) { w.b.WriteByte('{'); w.first = true }

func (w *objWriter) close(level int) {
	if !w.first {
		w.indent(level)
	}
	w.b.WriteByte('}')
	w.first = false
}

func (w *objWriter) key(level int, k string) {
	if !w.first {
		w.b.WriteByte(',')
	}
	w.first = false
	w.indent(level)
	w.value(k)
	w.b.WriteString(": ")
}

func (w *objWriter) field(level int, k string, v any) {
	w.key(level, k)
	w.value(v)
}

func (w *objWriter) value(v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil && w.err == nil {
		w.err = err
	}
	w.b.Write(bytes.TrimRight(buf.Bytes(), "\n"))
}
