package scenarios

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

const minimal = `{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":12}`

func TestDecodeSpecExampleRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/spec-example.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Decode(data, "spec-example.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "2027 客服中心采购" || s.Months != 36 || s.Start.String() != "2027-01-01" ||
		s.Demand.ChatsPerDay != 3000 || s.Demand.OnlineAgents != 5 || !s.Demand.AvgCallMinutes.Equal(decimal.NewFromInt(3)) ||
		len(s.Changes) != 1 || *s.Changes[0].OnlineAgents != 8 || !s.Vendors[Huawei].Prices["seat.online.month"].Equal(decimal.NewFromInt(150)) ||
		!s.Vendors[Aliyun].IsEnabled() || s.Vendor(Tencent).Discount.String() != "1" {
		t.Fatalf("decoded wrongly: %+v", s)
	}
	out, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Decode(out, "re-encoded")
	if err != nil {
		t.Fatalf("re-encoded file does not decode: %v\n%s", err, out)
	}
	out2, _ := Encode(again)
	if !bytes.Equal(out, out2) {
		t.Fatalf("encoding is not stable:\n%s\n---\n%s", out, out2)
	}
	if !utf8.Valid(out) || !bytes.Contains(out, []byte("客服中心")) {
		t.Fatal("Chinese must be written as UTF-8, not escaped")
	}
}

func TestDecodeDefaults(t *testing.T) {
	s, err := Decode([]byte(minimal), "m")
	if err != nil {
		t.Fatal(err)
	}
	d := s.Demand
	if d.MessagesPerChat != 1 || !d.AvgCallMinutes.Equal(decimal.NewFromInt(3)) || d.CallLength != CallExponential ||
		d.ChatsPerDay != 0 || d.OnlineAgents != 0 || d.Bots != 0 || !s.PriceDate.IsZero() {
		t.Fatalf("defaults: %+v", d)
	}
}

// Every bad input gets one message naming the field (and, from a file, its
// line and column).
func TestDecodeErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{``, "f.json:1:1: the file is empty"},
		{`   `, "the file is empty"},
		{`{"format":"kefucost.scenario","version":1,`, "f.json:1:43: not valid JSON"},
		{"{\n\"format\": \"kefucost.scenario\",\n\"version\": 1,\n\"months\": 12 \"x\"}", "f.json:4:"},
		{`[]`, "not a kefucost scenario"},
		{`{"format":"other","version":1}`, `format: not a kefucost scenario file`},
		{`{"version":1}`, `format: not a kefucost scenario file`},
		{`{"format":"kefucost.scenario"}`, "version: is missing"},
		{`{"format":"kefucost.scenario","version":2,"whatever":true}`, "format version 2, written by a newer kefucost"},
		{`{"format":"kefucost.scenario","version":0}`, "version: must be 1"},
		{`{"format":"kefucost.scenario","version":"x"}`, "version: must be a whole number"},
		{`{"format":"kefucost.scenario","version":1,"months":12}`, "start: is missing"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01"}`, "months: is missing"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-1-1","months":1}`, `start: must be a date like "2027-01-31"`},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":0}`, "months: must be from 1 to 120, not 0"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":121}`, "months: must be from 1 to 120"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"mnths":1}`, `mnths: unknown field "mnths" (did you mean "months"?)`},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"months":2}`, "months: appears twice"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":[]}`, "demand: must be an object"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"chats_per_day":-1}}`, "demand.chats_per_day: must not be negative"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"chats_per_day":1.5}}`, "demand.chats_per_day: must be a whole number"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"chats_per_day":1e20}}`, "demand.chats_per_day: must be from 0 to 100,000,000, not 1e20"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"chats_per_day":200000000}}`, "demand.chats_per_day: must be from 0 to 100,000,000"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"messages_per_chat":0}}`, "demand.messages_per_chat: must be from 1"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"recorded_share":"1.5"}}`, "demand.recorded_share: must be from 0 to 1"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"recorded_share":"half"}}`, "demand.recorded_share: must be a decimal number"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"avg_call_minutes":"0"}}`, "demand.avg_call_minutes: must be more than 0"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"call_length":"normal"}}`, `demand.call_length: must be "fixed" or "exponential"`},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"demand":{"growth_per_month":"-0.9"}}`, "demand.growth_per_month: must be from -0.5 to 1"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"changes":[{"online_agents":3}]}`, "changes[0].date: is missing"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"changes":[{"date":"2027-02-01","online_agents":3}]}`, "changes[0].date: 2027-02-01 is outside the horizon 2027-01-01 to 2027-01-31"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"changes":[{"date":"2027-01-05","bots":-1}]}`, "changes[0].bots: must not be negative"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"changes":[{"date":"2027-01-05","growth_per_month":"0.1"}]}`, `changes[0].growth_per_month: unknown field`},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"vendors":{"acme":{}}}`, `vendors.acme: unknown vendor "acme"`},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"vendors":{"aliyun-icc":{"enabled":"yes"}}}`, "vendors.aliyun-icc.enabled: must be true or false"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"vendors":{"aliyun-icc":{"discount":"1.2"}}}`, "vendors.aliyun-icc.discount: must be more than 0 and at most 1"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"vendors":{"huawei-cec":{"prices":{"seat.basic.month":"-5"}}}}`, `vendors.huawei-cec.prices["seat.basic.month"]: must not be negative`},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"discount_rate":"2"}`, "discount_rate: must be from 0 to 1"},
		{`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1} {}`, "unexpected data after the end"},
		{"{\"format\":\"kefucost.scenario\",\"version\":1,\"name\":\"客服\",\"start\":\"2027-01-01\",\"months\":1,\"bad\":1}", "f.json:1:87: bad: unknown field \"bad\" (known fields:"},
	}
	for _, c := range cases {
		_, err := Decode([]byte(c.in), "f.json")
		if err == nil {
			t.Errorf("%s: no error, want %q", c.in, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.in, err, c.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("error has several lines: %q", err)
		}
		var fe *FieldError
		var fes FieldErrors
		if !errors.As(err, &fe) && !errors.As(err, &fes) {
			t.Errorf("%q is not a FieldError", err)
		}
	}
}

func TestValidateCollectsEveryProblem(t *testing.T) {
	s := New("x", NewDate(2027, 1, 1))
	s.Months = 0
	s.Demand.OnlineAgents = -1
	s.Demand.CallLength = "odd"
	errs := s.Validate()
	for _, f := range []string{"months", "demand.online_agents", "demand.call_length"} {
		if errs.For(f) == nil {
			t.Errorf("no error for %s in %v", f, errs)
		}
	}
	if e := errs.For("demand.online_agents"); e.Key != ErrNegative {
		t.Errorf("key = %q", e.Key)
	}
}

func TestCloneIsDeep(t *testing.T) {
	s := New("x", NewDate(2027, 1, 1))
	n := int64(4)
	s.Changes = []Change{{Date: NewDate(2027, 3, 1), OnlineAgents: &n}}
	d := decimal.NewFromInt(1)
	s.Vendors[Huawei] = VendorSettings{Discount: &d, Prices: map[string]decimal.Decimal{"a": d}}
	c := s.Clone()
	*c.Changes[0].OnlineAgents = 9
	c.Vendors[Huawei].Prices["a"] = decimal.NewFromInt(2)
	if *s.Changes[0].OnlineAgents != 4 || !s.Vendors[Huawei].Prices["a"].Equal(d) {
		t.Fatal("clone shares memory with the original")
	}
}

func TestAddMonthsClamps(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{{"2027-01-31", 1, "2027-02-28"}, {"2028-01-31", 1, "2028-02-29"}, {"2027-01-01", 12, "2028-01-01"}, {"2027-03-31", -1, "2027-02-28"}, {"2027-12-15", 1, "2028-01-15"}} {
		d, _ := ParseDate(c.from)
		if got := d.AddMonths(c.n).String(); got != c.want {
			t.Errorf("%s + %d months = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

// FuzzDecode: any input either decodes to a scenario whose encoding decodes
// back to the same encoding, or gives one error with a message; never a
// panic.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.kefucost.json")
	more, _ := filepath.Glob("../app/testdata/scenarios/*.kefucost.json")
	for _, p := range append(files, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(minimal))
	f.Add([]byte(extrasFile))
	f.Add([]byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":2,"vendors":{"aliyun-icc":{"extras":[{"name":"x","amount":"1.5","when":"monthly","date":"2027-02-01"},{"name":"","amount":"1e3","when":"once"}]}},"combine":{"pin":{"bot":"chatopera","x":""},"exclude":[]}}`))
	f.Add([]byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"changes":[{"date":"2027-01-09","recorded_share":"0.5"}],"vendors":{"huawei-cec":{"options":{"x":true}}}}`))
	f.Add([]byte(`{"format":"kefucost.scenario","version":9}`))
	f.Add([]byte(`{"format":"kefucost.scenario","version":1,"demand":{"avg_call_minutes":1e400}}`))
	f.Add([]byte("\xff\xfe{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data, "fuzz.kefucost.json")
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		out, err := Encode(s)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		again, err := Decode(out, "re-encoded")
		if err != nil {
			t.Fatalf("re-encoded scenario does not decode: %v\n%s", err, out)
		}
		out2, _ := Encode(again)
		if !bytes.Equal(out, out2) {
			t.Fatalf("round trip changed the scenario:\n%s\n%s", out, out2)
		}
	})
}
