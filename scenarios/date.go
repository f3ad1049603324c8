package scenarios

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day in Asia/Shanghai, the zone every vendor bills in.
// It is kept as midnight UTC so that day arithmetic never meets a zone offset;
// China has had no daylight saving since 1991, so days in UTC+8 and in this
// representation are the same length.
type Date struct{ t time.Time }

const dateLayout = "2006-01-02"

// NewDate returns the day y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads a day written as 2027-01-31; nothing else is accepted.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date of the form 2027-01-31", s)
	}
	return Date{t}, nil
}

func (d Date) IsZero() bool         { return d.t.IsZero() }
func (d Date) Time() time.Time      { return d.t }
func (d Date) Year() int            { return d.t.Year() }
func (d Date) Month() time.Month    { return d.t.Month() }
func (d Date) Day() int             { return d.t.Day() }
func (d Date) Before(o Date) bool   { return d.t.Before(o.t) }
func (d Date) After(o Date) bool    { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool    { return d.t.Equal(o.t) }
func (d Date) AddDays(n int) Date   { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// AddMonths moves by whole calendar months; a day that does not exist in the
// target month is clamped to its last day (Jan 31 + 1 month = Feb 28/29), the
// way subscriptions count months, not time.AddDate's overflow into March.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if day > last {
		day = last
	}
	return Date{time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, time.UTC)}
}

// FirstOfMonth is the first day of d's calendar month.
func (d Date) FirstOfMonth() Date { return NewDate(d.Year(), d.Month(), 1) }

// DaysInMonth is the number of calendar days in d's month.
func (d Date) DaysInMonth() int {
	return time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func (d Date) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("must be a date string like \"2027-01-31\"")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
