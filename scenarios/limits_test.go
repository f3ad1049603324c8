package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// scenarioWith is a valid scenario file with extra top-level fields
// (written as JSON) before the end.
func scenarioWith(fields string) []byte {
	if fields != "" {
		fields = "," + fields
	}
	return []byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":120` + fields + `}`)
}

// padTo pads a scenario file with white space to exactly n bytes.
func padTo(t *testing.T, data []byte, n int) []byte {
	t.Helper()
	if len(data) > n {
		t.Fatalf("file of %d bytes cannot be padded to %d", len(data), n)
	}
	return append(data, bytes.Repeat([]byte(" "), n-len(data))...)
}

// limitErr checks that err is the limit error key, naming file and field,
// on one line.
func limitErr(t *testing.T, err error, key, file, field string, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted; want a %s error", key)
	}
	var fe *FieldError
	var fes FieldErrors
	switch {
	case errors.As(err, &fe):
	case errors.As(err, &fes):
		fe = fes[0]
	default:
		t.Fatalf("%q is not a FieldError", err)
	}
	if fe.Key != key || fe.Field != field || fe.File != file {
		t.Fatalf("got key %q field %q file %q (%v); want %q %q %q", fe.Key, fe.Field, fe.File, err, key, field, file)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || len(msg) > 400 {
		t.Fatalf("message is not one short line: %q", msg)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Fatalf("message %q does not say %q", msg, w)
		}
	}
}

func TestFileOverOneMiBRefusedBeforeParsing(t *testing.T) {
	at := padTo(t, scenarioWith(""), MaxFileSize)
	if _, err := Decode(at, "big.kefucost.json"); err != nil {
		t.Fatalf("a file of exactly %d bytes: %v", MaxFileSize, err)
	}
	over := padTo(t, scenarioWith(""), MaxFileSize+1)
	_, err := Decode(over, "big.kefucost.json")
	limitErr(t, err, ErrFileTooLarge, "big.kefucost.json", "", "big.kefucost.json: ", "1 MiB", "1,048,576 bytes")
	// Refused before parsing: a file that is not even JSON says the same.
	_, err = Decode(bytes.Repeat([]byte("x"), MaxFileSize+1), "big.kefucost.json")
	limitErr(t, err, ErrFileTooLarge, "big.kefucost.json", "")

	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if _, err := ReadFile(write("at.kefucost.json", at)); err != nil {
		t.Fatalf("ReadFile at the limit: %v", err)
	}
	_, err = ReadFile(write("over.kefucost.json", over))
	limitErr(t, err, ErrFileTooLarge, "over.kefucost.json", "")
}

// countingReader is an endless stream that counts what was read of it.
type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += int64(len(p))
	return len(p), nil
}

func TestBigFileNeverReadWhole(t *testing.T) {
	r := &countingReader{}
	_, err := ReadLimited(r, "stdin")
	limitErr(t, err, ErrFileTooLarge, "stdin", "")
	if r.n > MaxFileSize+64<<10 {
		t.Fatalf("read %d bytes of an endless stream; the limit is %d", r.n, MaxFileSize)
	}
	// A 60 MB file (sparse: nothing is written) is refused from its size.
	p := filepath.Join(t.TempDir(), "huge.kefucost.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(60 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(p)
	limitErr(t, err, ErrFileTooLarge, "huge.kefucost.json", "")
	// A stream whose size is unknown (a pipe) stops one byte past the limit.
	pr, pw := io.Pipe()
	go func() {
		buf := bytes.Repeat([]byte(" "), 4096)
		for {
			if _, err := pw.Write(buf); err != nil {
				return
			}
		}
	}()
	_, err = ReadLimited(pr, "pipe")
	pr.Close()
	limitErr(t, err, ErrFileTooLarge, "pipe", "")
}

func TestNameOver200CharactersRefused(t *testing.T) {
	name := strings.Repeat("客", MaxNameLen)
	// Surrounding white space is not part of the name, as in the store.
	if _, err := Decode(scenarioWith(`"name":"  `+name+` "`), "n.kefucost.json"); err != nil {
		t.Fatalf("a name of %d characters: %v", MaxNameLen, err)
	}
	_, err := Decode(scenarioWith(`"name":"`+name+`x"`), "n.kefucost.json")
	limitErr(t, err, ErrTooLong, "n.kefucost.json", "name", "n.kefucost.json:1:", "name: is 201 characters long; at most 200 are allowed")
	// The window's editor validates through Validate too.
	s := New(name+"x", NewDate(2027, 1, 1))
	if e := s.Validate().For("name"); e == nil || e.Key != ErrTooLong {
		t.Fatalf("Validate of a 201-character name: %v", s.Validate())
	}
}

func changesJSON(n int) string {
	var b strings.Builder
	b.WriteString(`"changes":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		d := NewDate(2027, 1, 1).AddDays(i % 3000)
		fmt.Fprintf(&b, `{"date":%q,"online_agents":%d}`, d, i)
	}
	b.WriteString("]")
	return b.String()
}

func TestMoreThan500ChangesRefused(t *testing.T) {
	s, err := Decode(scenarioWith(changesJSON(MaxChanges)), "c.kefucost.json")
	if err != nil {
		t.Fatalf("%d changes: %v", MaxChanges, err)
	}
	if len(s.Changes) != MaxChanges {
		t.Fatalf("decoded %d changes", len(s.Changes))
	}
	data := scenarioWith(changesJSON(MaxChanges + 1))
	_, err = Decode(data, "c.kefucost.json")
	limitErr(t, err, ErrTooMany, "c.kefucost.json", "changes", "changes: has 501 dated changes; at most 500 are allowed")
	// It points at the first change too many.
	var fe *FieldError
	errors.As(err, &fe)
	if want := bytes.LastIndex(data, []byte(`{"date"`)); fe.Line != 1 || fe.Col != want+1 {
		t.Fatalf("error at %d:%d, want 1:%d", fe.Line, fe.Col, want+1)
	}
	// Refused before any change is read: a bad change after the limit is
	// not what the message is about.
	_, err = Decode(scenarioWith(strings.Replace(changesJSON(MaxChanges+1), `"online_agents":0`, `"online_agents":-1`, 1)), "c.kefucost.json")
	limitErr(t, err, ErrTooMany, "c.kefucost.json", "changes")

	s.Changes = append(s.Changes, s.Changes[0])
	if e := s.Validate().For("changes"); e == nil || e.Key != ErrTooMany {
		t.Fatalf("Validate of %d changes: %v", len(s.Changes), s.Validate())
	}
}

func TestQuotedPriceOverOneBillionRefused(t *testing.T) {
	price := func(p string) []byte {
		return scenarioWith(`"vendors":{"huawei-cec":{"prices":{"seat.online.month":"` + p + `"}}}`)
	}
	s, err := Decode(price("1000000000"), "p.kefucost.json")
	if err != nil {
		t.Fatalf("a price of 10^9: %v", err)
	}
	if !s.Vendors[Huawei].Prices["seat.online.month"].Equal(MaxPrice) {
		t.Fatal("price not kept")
	}
	for _, over := range []string{"1000000000.01", "1000000000.0000000001", "10000000000"} {
		_, err := Decode(price(over), "p.kefucost.json")
		limitErr(t, err, ErrRange, "p.kefucost.json", `vendors.huawei-cec.prices["seat.online.month"]`, "must be from 0 to 1000000000, not "+over)
	}
}

func TestNumberTextOver40CharactersRefused(t *testing.T) {
	at := strings.Repeat("0", MaxNumberText-3) + "150"
	s, err := Decode(scenarioWith(`"demand":{"online_agents":"`+at+`","avg_call_minutes":"`+at+`"}`), "x.kefucost.json")
	if err != nil {
		t.Fatalf("numbers of %d characters: %v", MaxNumberText, err)
	}
	if s.Demand.OnlineAgents != 150 || !s.Demand.AvgCallMinutes.Equal(decimal.NewFromInt(150)) {
		t.Fatalf("decoded %+v", s.Demand)
	}
	_, err = Decode(scenarioWith(`"demand":{"online_agents":"0`+at+`"}`), "x.kefucost.json")
	limitErr(t, err, ErrNumberLong, "x.kefucost.json", "demand.online_agents", "41 characters", "at most 40")
	_, err = Decode(scenarioWith(`"demand":{"avg_call_minutes":"0`+at+`"}`), "x.kefucost.json")
	limitErr(t, err, ErrNumberLong, "x.kefucost.json", "demand.avg_call_minutes", "41 characters")
	// A JSON number token is held to it too, and a million digits are
	// refused without converting them (which takes seconds).
	_, err = Decode(scenarioWith(`"demand":{"chats_per_day":1`+strings.Repeat("0", 1_000_000)+`}`), "x.kefucost.json")
	limitErr(t, err, ErrNumberLong, "x.kefucost.json", "demand.chats_per_day", "1000001 characters")
}

// Everything the program writes it reads back: the largest scenario a buyer
// could make fits every limit.
func TestLargestScenarioFitsTheLimits(t *testing.T) {
	s := New(strings.Repeat("😀", MaxNameLen), NewDate(2027, 1, 1))
	s.Months = MaxMonths
	for i := 0; i < MaxChanges; i++ {
		var ch Change
		ch.Date = s.Start.AddDays(i * 7)
		for _, f := range changeCounts {
			v := f.max
			ch.SetCount(f.name, &v)
		}
		share := decimal.RequireFromString("0.1234567891")
		ch.RecordedShare = &share
		s.Changes = append(s.Changes, ch)
	}
	for _, id := range VendorIDs {
		vs := VendorSettings{Prices: map[string]decimal.Decimal{}, Options: map[string]bool{}}
		for i := 0; i < 100; i++ {
			item := fmt.Sprintf("an.item.id.as.long.as.any.catalog.has.%03d", i)
			vs.Prices[item] = MaxPrice.Sub(decimal.RequireFromString("0.0000000001"))
			vs.Options[item] = true
		}
		for i := 0; i < MaxExtras; i++ {
			vs.Extras = append(vs.Extras, Extra{Name: strings.Repeat("😀", MaxExtraNameLen), Amount: MaxExtraAmount.Sub(decimal.RequireFromString("0.01")), When: ExtraOnce, Date: s.Start.AddDays(i)})
		}
		s.Vendors[id] = vs
	}
	if errs := s.Validate(); len(errs) > 0 {
		t.Fatal(errs)
	}
	data, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("largest scenario: %d bytes (limit %d)", len(data), MaxFileSize)
	if len(data) > MaxFileSize/2 {
		t.Fatalf("the largest scenario is %d bytes: too close to the limit of %d", len(data), MaxFileSize)
	}
	if _, err := Decode(data, "largest.kefucost.json"); err != nil {
		t.Fatal(err)
	}
}

// What the store saved is read back whatever the limits on files from
// others: an earlier program may have saved more changes, and a draft may
// hold a half-typed number.
func TestSavedScenariosAreNotHeldToFileLimits(t *testing.T) {
	long := strings.Repeat("0", MaxNumberText) + "5"
	data := scenarioWith(changesJSON(MaxChanges+1) + `,"demand":{"online_agents":"` + long + `"}`)
	if _, err := Decode(data, "f.kefucost.json"); err == nil {
		t.Fatal("Decode accepts it")
	}
	s, err := DecodeSaved(data, "draft")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Changes) != MaxChanges+1 || s.Demand.OnlineAgents != 5 {
		t.Fatalf("decoded %d changes, %d agents", len(s.Changes), s.Demand.OnlineAgents)
	}
}

// A count past int64 is still a whole number: it is refused with the
// field's range, naming the number as written, as any count over its
// limit is (reviewer R19: "must be a whole number, not
// 9223372036854775808"). Also in a dated change, and negative ones.
func TestCountPastInt64RefusedWithItsRange(t *testing.T) {
	for _, c := range []struct{ text, field, key, want string }{
		{"9223372036854775808", "demand.online_agents", ErrRange, "must be from 0 to 1,000,000, not 9223372036854775808"},
		{"99999999999999999999999", "demand.online_agents", ErrRange, "must be from 0 to 1,000,000, not 99999999999999999999999"},
		{"-9223372036854775809", "demand.online_agents", ErrNegative, "must not be negative, not -9223372036854775809"},
	} {
		_, err := Decode(scenarioWith(`"demand":{"online_agents":`+c.text+`}`), "c.kefucost.json")
		limitErr(t, err, c.key, "c.kefucost.json", c.field, c.want)
	}
	_, err := Decode(scenarioWith(`"changes":[{"date":"2027-01-02","bots":9223372036854775808}]`), "c.kefucost.json")
	limitErr(t, err, ErrRange, "c.kefucost.json", "changes[0].bots", "must be from 0 to 1,000,000, not 9223372036854775808")
}
