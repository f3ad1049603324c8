package scenarios

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

var (
	decOne     = decimal.NewFromInt(1)
	maxCallLen = decimal.NewFromInt(600)
	minGrowth  = decimal.RequireFromString("-0.5")
)

// Validate checks every field of the scenario that does not depend on the
// vendors' catalogs (pricing checks plan and item ids). It returns every
// problem found, each naming its field as written in the file.
func (s *Scenario) Validate() FieldErrors {
	var errs FieldErrors
	add := func(e *FieldError) {
		if e != nil {
			errs = append(errs, e)
		}
	}
	add(nameTooLong(s.Name))
	if s.Start.IsZero() {
		add(fieldErr("start", ErrRequired, "is missing: the first day of the horizon, like \"2027-01-01\""))
	}
	add(intRange("months", int64(s.Months), 1, MaxMonths))
	d := &s.Demand
	for _, f := range changeCounts {
		add(intRange("demand."+f.name, *f.value(d), CountLeast(f.name), f.max))
	}
	if !d.AvgCallMinutes.IsPositive() || d.AvgCallMinutes.GreaterThan(maxCallLen) {
		add(fieldErr("demand.avg_call_minutes", ErrRange, fmt.Sprintf("must be more than 0 and at most 600 minutes, not %s", d.AvgCallMinutes), "0", "600"))
	} else {
		add(places("demand.avg_call_minutes", d.AvgCallMinutes))
	}
	if d.CallLength != CallFixed && d.CallLength != CallExponential {
		add(fieldErr("demand.call_length", ErrChoice, fmt.Sprintf("must be %q or %q, not %q", CallFixed, CallExponential, d.CallLength), CallFixed+", "+CallExponential))
	}
	for _, f := range changeDecimals {
		add(f.check("demand."+f.name, *f.value(d)))
	}
	add(decRange("demand.growth_per_month", d.GrowthPerMonth, minGrowth, decOne))
	add(tooManyChanges(len(s.Changes)))
	end := s.End()
	for i, ch := range s.Changes {
		p := fmt.Sprintf("changes[%d]", i)
		switch {
		case ch.Date.IsZero():
			add(fieldErr(p+".date", ErrRequired, "is missing: the day the change takes effect"))
		case !s.Start.IsZero() && s.Months >= 1 && s.Months <= MaxMonths && (ch.Date.Before(s.Start) || !ch.Date.Before(end)):
			add(fieldErr(p+".date", ErrOutside, fmt.Sprintf("%s is outside the horizon %s to %s", ch.Date, s.Start, end.AddDays(-1)), ch.Date.String(), s.Start.String(), end.AddDays(-1).String()))
		}
		for _, f := range changeCounts {
			if v := *f.get(&ch); v != nil {
				add(intRange(p+"."+f.name, *v, CountLeast(f.name), f.max))
			}
		}
		for _, f := range changeDecimals {
			if v := *f.get(&ch); v != nil {
				add(f.check(p+"."+f.name, *v))
			}
		}
	}
	for _, id := range sortedVendorIDs(s.Vendors) {
		v := s.Vendors[id]
		p := "vendors." + id
		if !contains(VendorIDs, id) {
			add(fieldErr(p, ErrUnknownID, fmt.Sprintf("unknown vendor %q (known: chatopera, tencent-qidian, huawei-cec, aliyun-icc)", id), id))
			continue
		}
		if v.Discount != nil {
			if !v.Discount.IsPositive() || v.Discount.GreaterThan(decOne) {
				e := fieldErr(p+".discount", ErrRange, fmt.Sprintf("must be more than 0 and at most 1 (0.85 = 15 %% off), not %s", v.Discount), "0", "1")
				e.Value = v.Discount.String()
				add(e)
			} else {
				add(places(p+".discount", *v.Discount))
			}
		}
		for _, k := range sortedKeys(v.Prices) {
			add(decRange(join(p+".prices", k), v.Prices[k], decimal.Zero, MaxPrice))
		}
		for i, g := range v.Gifts {
			gp := fmt.Sprintf("%s.gifts[%d]", p, i)
			if g.Item == "" {
				add(fieldErr(gp+".item", ErrRequired, "is missing: the catalog id of the pack received, like \"pack.1000\""))
			}
			// A pack received before the start may still serve (valid from
			// its day); one received on or after the end serves none of the
			// horizon: refused as a change or extra dated there is.
			switch end := s.End(); {
			case g.Date.IsZero():
				add(fieldErr(gp+".date", ErrRequired, "is missing: the day the pack was received"))
			case !s.Start.IsZero() && s.Months >= 1 && s.Months <= MaxMonths && !g.Date.Before(end):
				add(fieldErr(gp+".date", ErrOutside, fmt.Sprintf("%s is outside the horizon %s to %s (after its end: the pack would serve none of it)", g.Date, s.Start, end.AddDays(-1)), g.Date.String(), s.Start.String(), end.AddDays(-1).String()))
			}
		}
		if len(v.Extras) > MaxExtras {
			add(tooMany(p+".extras", len(v.Extras), MaxExtras))
		}
		for i, x := range v.Extras {
			for _, e := range s.checkExtra(fmt.Sprintf("%s.extras[%d]", p, i), x) {
				add(e)
			}
		}
	}
	for _, g := range sortedKeys(s.Combine.Pin) {
		if id := s.Combine.Pin[g]; !contains(VendorIDs, id) {
			add(fieldErr(join("combine.pin", g), ErrUnknownID, fmt.Sprintf("unknown vendor %q (known: chatopera, tencent-qidian, huawei-cec, aliyun-icc)", id), id))
		}
	}
	for i, id := range s.Combine.Exclude {
		p := fmt.Sprintf("combine.exclude[%d]", i)
		switch {
		case !contains(VendorIDs, id):
			add(fieldErr(p, ErrUnknownID, fmt.Sprintf("unknown vendor %q (known: chatopera, tencent-qidian, huawei-cec, aliyun-icc)", id), id))
		case contains(s.Combine.Exclude[:i], id):
			add(fieldErr(p, ErrDuplicate, fmt.Sprintf("%q is already left out", id)))
		}
	}
	add(decRange("discount_rate", s.DiscountRate, decimal.Zero, decOne))
	return errs
}

// checkExtra checks one of the buyer's own lines at path p: every problem,
// one message per field.
func (s *Scenario) checkExtra(p string, x Extra) []*FieldError {
	var errs []*FieldError
	add := func(e *FieldError) {
		if e != nil {
			errs = append(errs, e)
		}
	}
	name := strings.TrimSpace(x.Name)
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		add(fieldErr(p+".name", ErrRequired, "is missing: what the amount is for, like \"实施费\""))
	case n > MaxExtraNameLen:
		add(fieldErr(p+".name", ErrTooLong, fmt.Sprintf("is %d characters long; at most %d are allowed", n, MaxExtraNameLen), n, MaxExtraNameLen))
	}
	switch {
	case x.Amount.IsNegative():
		add(fieldErr(p+".amount", ErrNegative, fmt.Sprintf("must not be negative, not %s", x.Amount)))
	case x.Amount.IsZero():
		// A line left without its amount decodes as 0: saved like that, the
		// buyer's cost would be lost for good.
		add(fieldErr(p+".amount", ErrNotPositive, "must be more than 0 CNY: enter the amount (a line of 0 CNY changes nothing; delete it)"))
	case x.Amount.GreaterThan(MaxExtraAmount):
		add(fieldErr(p+".amount", ErrTooLarge, fmt.Sprintf("must be at most %s CNY, not %s", group(MaxExtraAmount.IntPart()), x.Amount), group(MaxExtraAmount.IntPart())))
	case !x.Amount.Equal(x.Amount.Round(2)):
		add(fieldErr(p+".amount", ErrCents, fmt.Sprintf("is an amount in CNY with at most 2 decimal places (fen), not %s", x.Amount)))
	}
	switch x.When {
	case ExtraOnce, ExtraMonthly:
	case "":
		add(fieldErr(p+".when", ErrRequired, fmt.Sprintf("is missing: %q (paid once on date) or %q (every month from date, or the start, to the end)", ExtraOnce, ExtraMonthly)))
	default:
		add(fieldErr(p+".when", ErrChoice, fmt.Sprintf("must be %q or %q, not %s", ExtraOnce, ExtraMonthly, quoteShort(x.When)), ExtraOnce+", "+ExtraMonthly))
	}
	end := s.End()
	switch {
	case x.Date.IsZero():
		if x.When == ExtraOnce {
			add(fieldErr(p+".date", ErrRequired, "is missing: the day the amount is paid"))
		}
	case !s.Start.IsZero() && s.Months >= 1 && s.Months <= MaxMonths && (x.Date.Before(s.Start) || !x.Date.Before(end)):
		add(fieldErr(p+".date", ErrOutside, fmt.Sprintf("%s is outside the horizon %s to %s", x.Date, s.Start, end.AddDays(-1)), x.Date.String(), s.Start.String(), end.AddDays(-1).String()))
	}
	return errs
}

// check tests a value against the field's range.
func (f *decField) check(field string, v decimal.Decimal) *FieldError {
	if f.loOpen && (!v.GreaterThan(f.lo) || v.GreaterThan(f.hi)) {
		msg := fmt.Sprintf("must be more than %s and at most %s, not %s", f.lo, f.hi, v)
		// The key says which bound: "from 0 to 3600" would read as if 0
		// were allowed.
		switch {
		case f.lo.IsZero() && !v.IsPositive():
			return fieldErr(field, ErrNotPositive, msg)
		case v.GreaterThan(f.hi):
			return fieldErr(field, ErrTooLarge, msg, f.hi.String())
		}
		return fieldErr(field, ErrRange, msg, f.lo.String(), f.hi.String())
	}
	return decRange(field, v, f.lo, f.hi)
}

func intRange(field string, v, lo, hi int64) *FieldError {
	if v < 0 && lo == 0 {
		return fieldErr(field, ErrNegative, fmt.Sprintf("must not be negative, not %d", v))
	}
	if v < lo || v > hi {
		return fieldErr(field, ErrRange, fmt.Sprintf("must be from %d to %s, not %d", lo, group(hi), v), lo, hi)
	}
	return nil
}

func decRange(field string, v, lo, hi decimal.Decimal) *FieldError {
	if v.IsNegative() && lo.IsZero() {
		return fieldErr(field, ErrNegative, fmt.Sprintf("must not be negative, not %s", v))
	}
	if v.LessThan(lo) || v.GreaterThan(hi) {
		return fieldErr(field, ErrRange, fmt.Sprintf("must be from %s to %s, not %s", lo, hi, v), lo.String(), hi.String())
	}
	return places(field, v)
}

// places refuses more than 10 decimal places: no price or rate needs them,
// and they usually mean a pasted float.
func places(field string, v decimal.Decimal) *FieldError {
	if v.Exponent() < -10 && !v.Equal(v.Round(10)) {
		return fieldErr(field, ErrPlaces, fmt.Sprintf("has more than 10 decimal places: %s", v))
	}
	return nil
}

// group writes 1000000 as 1,000,000.
func group(v int64) string {
	s := strconv.FormatInt(v, 10)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
