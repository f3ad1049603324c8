package scenarios

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// FileExt is the ending of scenario files.
const FileExt = ".kefucost.json"

// ReadFile decodes the scenario file at path; errors name the file.
func ReadFile(path string) (*Scenario, error) {
	data, err := ReadPath(path)
	if err != nil {
		return nil, err
	}
	return Decode(data, filepath.Base(path))
}

// Decode reads a scenario file's bytes strictly: unknown or repeated fields,
// wrong types, values out of range and newer format versions are errors.
// The error is a *FieldError naming file (as given), line, column and field;
// when validation finds several problems it is a FieldErrors, first first.
func Decode(data []byte, file string) (*Scenario, error) {
	if len(data) > MaxFileSize {
		return nil, errFileTooLarge(file)
	}
	d := &decoder{file: file, data: data, at: map[string]int64{}, written: map[string]written{}}
	s := d.scenario()
	if d.err != nil {
		return nil, d.err
	}
	if errs := s.Validate(); len(errs) > 0 {
		for _, e := range errs {
			e.File = file
			if w, ok := d.written[e.Field]; ok {
				e.Msg = strings.Replace(e.Msg, "not "+w.read, "not "+w.text, 1)
			}
			if off, ok := d.at[e.Field]; ok {
				e.Line, e.Col = lineCol(data, off)
			}
		}
		return nil, errs
	}
	return s, nil
}

type written struct{ read, text string }

type decoder struct {
	file string
	data []byte
	err  *FieldError
	at   map[string]int64 // field path → offset of its value
	// written: whole numbers past int64, read as the nearest int64, by
	// field path: validation's messages name them as written.
	written map[string]written
	// saved: bytes this program's store wrote (DecodeSaved), not a file
	// from others, so the limits of limits.go do not apply.
	saved bool
}

func (d *decoder) fail(off int64, field, key, msg string, args ...any) {
	if d.err != nil {
		return
	}
	e := fieldErr(field, key, msg, args...)
	e.File = d.file
	e.Line, e.Col = lineCol(d.data, off)
	d.err = e
}

// failWith records a ready error (a limit's) at off.
func (d *decoder) failWith(off int64, e *FieldError) {
	if d.err != nil || e == nil {
		return
	}
	e.File = d.file
	e.Line, e.Col = lineCol(d.data, off)
	d.err = e
}

// object walks an object's fields, refusing unknown and repeated names.
func (d *decoder) object(n *node, path string, known []string, each func(key string, v *node, p string)) {
	if d.err != nil || n == nil {
		return
	}
	if n.kind != '{' {
		d.fail(n.off, path, ErrType, fmt.Sprintf("must be an object {…}, not %s", n.kindName()))
		return
	}
	seen := make(map[string]bool, len(n.keys))
	for i, k := range n.keys {
		p := join(path, k)
		if seen[k] {
			d.fail(n.koff[i], p, ErrDuplicate, "appears twice")
			return
		}
		seen[k] = true
		if known != nil && !contains(known, k) {
			d.fail(n.koff[i], p, ErrUnknown, fmt.Sprintf("unknown field %q (%s)", k, suggest(k, known)), k)
			return
		}
		d.at[p] = n.vals[i].off
		each(k, n.vals[i], p)
		if d.err != nil {
			return
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	if strings.ContainsAny(key, ".[]\"") {
		return path + "[" + strconv.Quote(key) + "]"
	}
	return path + "." + key
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest names the closest known field, for typos.
func suggest(k string, known []string) string {
	best, bd := "", 1<<30
	for _, c := range known {
		if dd := editDistance(k, c); dd < bd {
			best, bd = c, dd
		}
	}
	// Only a near miss is worth suggesting: "mnths" → "months".
	if bd <= max(1, len([]rune(k))/4) {
		return "did you mean " + strconv.Quote(best) + "?"
	}
	return "known fields: " + strings.Join(known, ", ")
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func (d *decoder) str(n *node, path string) string {
	if n.kind != '"' {
		d.fail(n.off, path, ErrType, fmt.Sprintf("must be a string in quotes, not %s", n.kindName()))
		return ""
	}
	return n.str
}

func (d *decoder) whole(n *node, path string) int64 {
	text := n.str
	if n.kind != '0' && n.kind != '"' {
		d.fail(n.off, path, ErrWhole, fmt.Sprintf("must be a whole number, not %s", n.kindName()))
		return 0
	}
	if e := numberTooLong(path, strings.TrimSpace(text)); e != nil && !d.saved {
		d.failWith(n.off, e)
		return 0
	}
	v, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
	if err != nil {
		// 3.0 and 1e3 are whole numbers written another way.
		if dv, derr := decimal.NewFromString(strings.TrimSpace(text)); derr == nil && dv.IsInteger() {
			if dv.Abs().LessThan(decimal.NewFromInt(math.MaxInt64)) {
				return dv.IntPart()
			}
			// A whole number past int64: the largest (or least) there is,
			// so that validation says the field's range, naming the number
			// as written (reviewer R19: "must be a whole number" of
			// 9223372036854775808).
			v := int64(math.MaxInt64)
			if dv.IsNegative() {
				v = math.MinInt64
			}
			d.written[path] = written{strconv.FormatInt(v, 10), strings.TrimSpace(text)}
			return v
		}
		d.fail(n.off, path, ErrWhole, fmt.Sprintf("must be a whole number, not %s", quoteShort(text)))
		return 0
	}
	return v
}

func (d *decoder) dec(n *node, path string) decimal.Decimal {
	if n.kind != '0' && n.kind != '"' {
		d.fail(n.off, path, ErrDecimal, fmt.Sprintf("must be a decimal number in quotes like \"0.85\", not %s", n.kindName()))
		return decimal.Zero
	}
	t := strings.TrimSpace(n.str)
	if e := numberTooLong(path, t); e != nil && !d.saved {
		d.failWith(n.off, e)
		return decimal.Zero
	}
	v, err := decimal.NewFromString(t)
	// Exponents beyond this are typos, and would make exact arithmetic crawl.
	if err != nil || t == "" || strings.ContainsAny(t, "eE") && (v.Exponent() < -30 || v.Exponent() > 30) {
		d.fail(n.off, path, ErrDecimal, fmt.Sprintf("must be a decimal number like \"0.85\", not %s", quoteShort(n.str)))
		return decimal.Zero
	}
	return v
}

func (d *decoder) date(n *node, path string) Date {
	s := d.str(n, path)
	if d.err != nil || s == "" {
		return Date{}
	}
	v, err := ParseDate(s)
	if err != nil {
		d.fail(n.off, path, ErrDate, fmt.Sprintf("must be a date like \"2027-01-31\", not %s", quoteShort(s)))
		if d.err != nil && d.err.Key == ErrDate && d.err.Field == path {
			d.err.Value = s
		}
	}
	return v
}

func (d *decoder) boolean(n *node, path string) bool {
	if n.kind != 't' {
		d.fail(n.off, path, ErrType, fmt.Sprintf("must be true or false, not %s", n.kindName()))
	}
	return n.b
}

func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

var topFields = []string{"format", "version", "name", "start", "months", "demand", "changes", "vendors", "price_date", "discount_rate", "combine"}
var demandFields = func() []string {
	out := append([]string{}, CountFieldNames()...)
	out = append(out, "avg_call_minutes", "call_length", "growth_per_month")
	return append(out, DecimalFieldNames()...)
}()
var changeFields = append(append([]string{"date"}, CountFieldNames()...), DecimalFieldNames()...)

// DemandFieldNames lists every field a file's demand may set, by file
// name (the window offers each of them).
func DemandFieldNames() []string { return append([]string(nil), demandFields...) }

// ChangeFieldNames lists every field a dated change may set besides its
// date, by file name.
func ChangeFieldNames() []string { return append([]string(nil), changeFields[1:]...) }

var vendorFields = []string{"enabled", "plan", "discount", "prices", "options", "gifts", "extras"}
var giftFields = []string{"item", "date"}
var extraFields = []string{"name", "amount", "when", "date"}
var combineFields = []string{"pin", "exclude"}

func (d *decoder) scenario() *Scenario {
	if len(bytes.TrimSpace(d.data)) == 0 {
		d.fail(0, "", ErrSyntax, "the file is empty")
		return nil
	}
	root, err := parseTree(d.data)
	if err != nil {
		se := err.(*syntaxError)
		d.fail(se.off, "", ErrSyntax, "not valid JSON: "+se.msg)
		return nil
	}
	if root.kind != '{' {
		d.fail(root.off, "", ErrFormat, "not a kefucost scenario: the file must hold one JSON object {…}")
		return nil
	}
	// Format and version first: a newer file may well have fields this
	// program does not know, and "update kefucost" is the useful message.
	var format, version *node
	for i, k := range root.keys {
		switch k {
		case "format":
			format = root.vals[i]
		case "version":
			version = root.vals[i]
		}
	}
	if format == nil || format.kind != '"' || format.str != FormatName {
		off := root.off
		if format != nil {
			off = format.off
		}
		d.fail(off, "format", ErrFormat, fmt.Sprintf("not a kefucost scenario file (\"format\" must be %q)", FormatName))
		return nil
	}
	if version == nil {
		d.fail(root.off, "version", ErrRequired, "is missing (this program writes version 1)")
		return nil
	}
	v := d.whole(version, "version")
	if d.err != nil {
		return nil
	}
	if v > Version {
		d.fail(version.off, "version", ErrVersion, fmt.Sprintf("this file is format version %d, written by a newer kefucost; this program reads version %d: please update kefucost", v, Version), v)
		return nil
	}
	if v < 1 {
		d.fail(version.off, "version", ErrRange, fmt.Sprintf("must be %d, not %d", Version, v))
		return nil
	}

	s := &Scenario{Demand: DefaultDemand(), Vendors: map[string]VendorSettings{}, DiscountRate: decimal.Zero, Months: -1}
	s.Demand.ChatsPerDay, s.Demand.OnlineAgents, s.Demand.Bots = 0, 0, 0
	hasStart := false
	d.object(root, "", topFields, func(k string, n *node, p string) {
		switch k {
		case "name":
			s.Name = d.str(n, p)
		case "start":
			s.Start = d.date(n, p)
			hasStart = true
		case "months":
			s.Months = int(max(min(d.whole(n, p), 1<<20), -1<<20))
		case "demand":
			d.demand(n, p, &s.Demand)
		case "changes":
			if n.kind != '[' {
				d.fail(n.off, p, ErrType, "must be a list [ … ] of changes")
				return
			}
			if len(n.vals) > MaxChanges && !d.saved {
				// Refused before any change is read.
				d.failWith(n.vals[MaxChanges].off, tooManyChanges(len(n.vals)))
				return
			}
			for i, el := range n.vals {
				cp := fmt.Sprintf("%s[%d]", p, i)
				d.at[cp] = el.off
				s.Changes = append(s.Changes, d.change(el, cp))
			}
		case "vendors":
			d.object(n, p, nil, func(id string, vn *node, vp string) {
				s.Vendors[id] = d.vendor(vn, vp)
			})
		case "price_date":
			s.PriceDate = d.date(n, p)
		case "discount_rate":
			s.DiscountRate = d.dec(n, p)
		case "combine":
			s.Combine = d.combine(n, p)
		}
	})
	if d.err != nil {
		return nil
	}
	if !hasStart {
		d.fail(root.off, "start", ErrRequired, "is missing: the first day of the horizon, like \"2027-01-01\"")
	}
	if s.Months == -1 {
		d.fail(root.off, "months", ErrRequired, "is missing: the length of the horizon in months (1 to 120)")
	}
	return s
}

func (d *decoder) demand(n *node, path string, dm *Demand) {
	d.object(n, path, demandFields, func(k string, v *node, p string) {
		switch k {
		case "avg_call_minutes":
			dm.AvgCallMinutes = d.dec(v, p)
		case "call_length":
			dm.CallLength = d.str(v, p)
		case "growth_per_month":
			dm.GrowthPerMonth = d.dec(v, p)
		default:
			if _, ok := dm.Decimal(k); ok {
				dm.SetDecimal(k, d.dec(v, p))
				return
			}
			dm.SetCount(k, d.whole(v, p))
		}
	})
}

func (d *decoder) change(n *node, path string) Change {
	var ch Change
	hasDate := false
	d.object(n, path, changeFields, func(k string, v *node, p string) {
		switch k {
		case "date":
			ch.Date = d.date(v, p)
			hasDate = true
		default:
			if _, ok := ch.Decimal(k); ok {
				x := d.dec(v, p)
				ch.SetDecimal(k, &x)
				return
			}
			x := d.whole(v, p)
			ch.SetCount(k, &x)
		}
	})
	if d.err == nil && !hasDate {
		d.fail(n.off, path+".date", ErrRequired, "is missing: the day the change takes effect")
	}
	return ch
}

func (d *decoder) vendor(n *node, path string) VendorSettings {
	var vs VendorSettings
	d.object(n, path, vendorFields, func(k string, v *node, p string) {
		switch k {
		case "enabled":
			b := d.boolean(v, p)
			vs.Enabled = &b
		case "plan":
			vs.Plan = d.str(v, p)
		case "discount":
			x := d.dec(v, p)
			vs.Discount = &x
		case "prices":
			vs.Prices = map[string]decimal.Decimal{}
			d.object(v, p, nil, func(id string, pv *node, pp string) {
				vs.Prices[id] = d.dec(pv, pp)
			})
		case "options":
			vs.Options = map[string]bool{}
			d.object(v, p, nil, func(id string, ov *node, op string) {
				vs.Options[id] = d.boolean(ov, op)
			})
		case "gifts":
			if v.kind != '[' {
				d.fail(v.off, p, ErrType, "must be a list [ … ] of packs received, like {\"item\": \"pack.1000\", \"date\": \"2027-01-01\"}")
				return
			}
			vs.Gifts = []Gift{}
			for i, el := range v.vals {
				gp := fmt.Sprintf("%s[%d]", p, i)
				d.at[gp] = el.off
				var g Gift
				has := map[string]bool{}
				d.object(el, gp, giftFields, func(k string, gv *node, fp string) {
					has[k] = true
					switch k {
					case "item":
						g.Item = d.str(gv, fp)
					case "date":
						g.Date = d.date(gv, fp)
					}
				})
				for _, k := range giftFields {
					if d.err == nil && !has[k] {
						d.fail(el.off, gp+"."+k, ErrRequired, "is missing: a gift names its pack (item) and the day it was received (date)")
					}
				}
				vs.Gifts = append(vs.Gifts, g)
			}
		case "extras":
			vs.Extras = d.extras(v, p)
		}
	})
	return vs
}

// extras reads a vendor's own lines; a missing field is left zero for
// Validate to name (every problem of a line at once, in the window too).
func (d *decoder) extras(n *node, path string) []Extra {
	if n.kind != '[' {
		d.fail(n.off, path, ErrType, `must be a list [ … ] of your own lines, like {"name": "实施费", "amount": "20000", "when": "once", "date": "2027-01-01"}`)
		return nil
	}
	if len(n.vals) > MaxExtras && !d.saved {
		d.failWith(n.vals[MaxExtras].off, tooMany(path, len(n.vals), MaxExtras))
		return nil
	}
	out := []Extra{}
	for i, el := range n.vals {
		ep := fmt.Sprintf("%s[%d]", path, i)
		d.at[ep] = el.off
		var x Extra
		d.object(el, ep, extraFields, func(k string, v *node, fp string) {
			switch k {
			case "name":
				x.Name = d.str(v, fp)
			case "amount":
				x.Amount = d.dec(v, fp)
			case "when":
				x.When = d.str(v, fp)
			case "date":
				x.Date = d.date(v, fp)
			}
		})
		if d.err != nil {
			return nil
		}
		out = append(out, x)
	}
	return out
}

// combine reads the buyer's decisions on combinations; ids are checked by
// Validate (vendors) and pricing (groups).
func (d *decoder) combine(n *node, path string) Combine {
	var c Combine
	d.object(n, path, combineFields, func(k string, v *node, p string) {
		switch k {
		case "pin":
			c.Pin = map[string]string{}
			d.object(v, p, nil, func(g string, gv *node, gp string) {
				c.Pin[g] = d.str(gv, gp)
			})
		case "exclude":
			if v.kind != '[' {
				d.fail(v.off, p, ErrType, `must be a list [ … ] of vendor ids, like ["huawei-cec"]`)
				return
			}
			c.Exclude = []string{}
			for i, el := range v.vals {
				ip := fmt.Sprintf("%s[%d]", p, i)
				d.at[ip] = el.off
				c.Exclude = append(c.Exclude, d.str(el, ip))
			}
		}
	})
	return c
}
