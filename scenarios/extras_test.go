package scenarios

import (
	"strings"
	"testing"
)

const extrasFile = `{
  "format": "kefucost.scenario",
  "version": 1,
  "name": "extras",
  "start": "2027-01-01",
  "months": 36,
  "demand": {"chats_per_day": 6000, "online_agents": 20, "phone_agents": 8},
  "vendors": {
    "chatopera": {"extras": [{"name": "实施费", "amount": "20000", "when": "once", "date": "2027-01-01"}]},
    "aliyun-icc": {"extras": [
      {"name": "多一家供应商的对接", "amount": "1500.50", "when": "monthly"},
      {"name": "培训", "amount": "3000", "when": "monthly", "date": "2027-07-15"}
    ]}
  },
  "combine": {"pin": {"phone": "aliyun-icc"}, "exclude": ["huawei-cec"]}
}`

// vendors.<id>.extras and combine (scenario-and-cli.md "Additions") decode,
// encode back byte-stable, and older files without them encode as before.
func TestExtrasAndCombineRoundTrip(t *testing.T) {
	s, err := Decode([]byte(extrasFile), "x.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	x := s.Vendors[Aliyun].Extras
	if len(x) != 2 || x[0].Name != "多一家供应商的对接" || x[0].Amount.String() != "1500.5" || x[0].When != ExtraMonthly || !x[0].Date.IsZero() ||
		x[1].Date.String() != "2027-07-15" {
		t.Errorf("aliyun extras = %+v", x)
	}
	if c := s.Vendors[Chatopera].Extras; len(c) != 1 || c[0].When != ExtraOnce || c[0].Date.String() != "2027-01-01" {
		t.Errorf("chatopera extras = %+v", c)
	}
	if s.Combine.Pin["phone"] != Aliyun || len(s.Combine.Exclude) != 1 || !s.Combine.Excludes(Huawei) {
		t.Errorf("combine = %+v", s.Combine)
	}
	out, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(out, "b")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	again, _ := Encode(back)
	if string(again) != string(out) {
		t.Errorf("not byte-stable:\n%s\n---\n%s", out, again)
	}
	for _, want := range []string{`"name": "实施费"`, `"amount": "1500.5"`, `"when": "monthly"`, `"combine": {`, `"phone": "aliyun-icc"`, `"exclude": ["huawei-cec"]`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("encoded file lacks %s:\n%s", want, out)
		}
	}
	if sum := Summarize(s, back); sum != "no changes" {
		t.Errorf("summary of identical scenarios: %s", sum)
	}
	c := s.Clone()
	c.Vendors[Aliyun].Extras[0].Amount = decOne
	c.Combine.Pin["bot"] = Chatopera
	c.Combine.Exclude[0] = Tencent
	if s.Vendors[Aliyun].Extras[0].Amount.Equal(decOne) || s.Combine.Pin["bot"] != "" || s.Combine.Exclude[0] != Huawei {
		t.Error("Clone shares extras or combine with the original")
	}
	sum := Summarize(s, c)
	for _, want := range []string{"vendors.aliyun-icc.extras", "combine.pin[bot] set chatopera", "combine.exclude [huawei-cec]→[tencent-qidian]"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary %q lacks %q", sum, want)
		}
	}
	plain, _ := Encode(New("plain", s.Start))
	if strings.Contains(string(plain), "extras") || strings.Contains(string(plain), "combine") {
		t.Errorf("empty extras or combine written out:\n%s", plain)
	}
}

// Each bad field of an own line or of combine gets its own message naming
// it; every problem is reported, not only the first.
func TestExtrasValidationNamesEachField(t *testing.T) {
	for _, c := range []struct{ vendors, combine, field, key string }{
		{`{"chatopera": {"extras": [{"amount": "1", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].name", ErrRequired},
		{`{"chatopera": {"extras": [{"name": "  ", "amount": "1", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].name", ErrRequired},
		{`{"chatopera": {"extras": [{"name": "` + strings.Repeat("长", MaxExtraNameLen+1) + `", "amount": "1", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].name", ErrTooLong},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "-1", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].amount", ErrNegative},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "10000000000.01", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].amount", ErrTooLarge},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "1.005", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].amount", ErrCents},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "x", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].amount", ErrDecimal},
		// A line without its amount would be saved as 0 and the cost lost.
		{`{"chatopera": {"extras": [{"name": "实施费", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].amount", ErrNotPositive},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "0.00", "when": "once", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].amount", ErrNotPositive},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "1", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].when", ErrRequired},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "1", "when": "yearly", "date": "2027-01-01"}]}}`, "", "vendors.chatopera.extras[0].when", ErrChoice},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "1", "when": "once"}]}}`, "", "vendors.chatopera.extras[0].date", ErrRequired},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "1", "when": "monthly", "date": "2028-01-01"}]}}`, "", "vendors.chatopera.extras[0].date", ErrOutside},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "1", "when": "once", "date": "2026-12-31"}]}}`, "", "vendors.chatopera.extras[0].date", ErrOutside},
		{`{"chatopera": {"extras": [{"name": "a", "amount": "1", "when": "once", "date": "2027-01-01", "vat": "0"}]}}`, "", "vendors.chatopera.extras[0].vat", ErrUnknown},
		{`{"chatopera": {"extras": {"name": "a"}}}`, "", "vendors.chatopera.extras", ErrType},
		{`{}`, `{"pin": {"phone": "aliyun"}}`, "combine.pin.phone", ErrUnknownID},
		{`{}`, `{"exclude": ["huawei-cec", "huawei-cec"]}`, "combine.exclude[1]", ErrDuplicate},
		{`{}`, `{"exclude": ["tencent"]}`, "combine.exclude[0]", ErrUnknownID},
		{`{}`, `{"exclude": "huawei-cec"}`, "combine.exclude", ErrType},
		{`{}`, `{"pin": {"phone": "aliyun-icc"}, "pinned": {}}`, "combine.pinned", ErrUnknown},
	} {
		src := `{"format": "kefucost.scenario", "version": 1, "start": "2027-01-01", "months": 12, "vendors": ` + c.vendors
		if c.combine != "" {
			src += `, "combine": ` + c.combine
		}
		src += `}`
		_, err := Decode([]byte(src), "x")
		var fe *FieldError
		switch e := err.(type) {
		case FieldErrors:
			fe = e.For(c.field)
		case *FieldError:
			if e.Field == c.field {
				fe = e
			}
		}
		if fe == nil || fe.Key != c.key {
			t.Errorf("%s %s: err = %v (%#v), want %s on %s", c.vendors, c.combine, err, fe, c.key, c.field)
			continue
		}
		if !strings.Contains(err.Error(), c.field) {
			t.Errorf("message %q does not name %s", err, c.field)
		}
		if strings.Contains(fe.Msg, "元") {
			t.Errorf("English message %q says 元: the English output says CNY", fe.Msg)
		}
	}
	// Every problem of a line at once: name, amount, when and date.
	src := `{"format": "kefucost.scenario", "version": 1, "start": "2027-01-01", "months": 12, "vendors": {"aliyun-icc": {"extras": [{"amount": "-5", "when": "weekly", "date": "2030-01-01"}]}}}`
	_, err := Decode([]byte(src), "x")
	es, ok := err.(FieldErrors)
	if !ok || len(es) != 4 {
		t.Fatalf("want 4 errors (name, amount, when, date), got %v", err)
	}
	for _, f := range []string{"name", "amount", "when", "date"} {
		if es.For("vendors.aliyun-icc.extras[0]."+f) == nil {
			t.Errorf("no error for %s in %v", f, es)
		}
	}
}

// More own lines than MaxExtras are refused before they are read.
func TestExtrasLimit(t *testing.T) {
	line := `{"name": "a", "amount": "1", "when": "monthly"}`
	many := strings.TrimSuffix(strings.Repeat(line+",", MaxExtras+1), ",")
	src := `{"format": "kefucost.scenario", "version": 1, "start": "2027-01-01", "months": 12, "vendors": {"chatopera": {"extras": [` + many + `]}}}`
	_, err := Decode([]byte(src), "x")
	fe, ok := err.(*FieldError)
	if !ok || fe.Key != ErrTooMany || fe.Field != "vendors.chatopera.extras" {
		t.Fatalf("err = %v", err)
	}
	okSrc := strings.Replace(src, line+",", "", 1)
	if _, err := Decode([]byte(okSrc), "x"); err != nil {
		t.Errorf("%d lines refused: %v", MaxExtras, err)
	}
}
