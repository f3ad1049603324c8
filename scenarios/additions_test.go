package scenarios

import (
	"strings"
	"testing"
)

// The fields added for the buying rules (scenario-and-cli.md "Additions")
// decode, validate and encode back to the same bytes; older files without
// them encode as before.
func TestAdditionsRoundTrip(t *testing.T) {
	src := `{
  "format": "kefucost.scenario",
  "version": 1,
  "name": "gifts",
  "start": "2027-01-01",
  "months": 12,
  "demand": {"robot_minutes_per_month": 1000, "robot_outbound_share": "0.3", "asr_seconds_per_request": "4.5", "asr_minutes_per_day": 10},
  "changes": [{"date": "2027-07-01", "robot_outbound_share": "1", "asr_seconds_per_request": "6"}],
  "vendors": {"chatopera": {"gifts": [{"item": "pack.1000", "date": "2027-01-01"}]}}
}`
	s, err := Decode([]byte(src), "a.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Demand.RobotOutboundShare.String(); got != "0.3" {
		t.Errorf("robot_outbound_share = %s", got)
	}
	if got := s.Demand.ASRSecondsPerRequest.String(); got != "4.5" {
		t.Errorf("asr_seconds_per_request = %s", got)
	}
	d := s.Changes[0].Apply(s.Demand)
	if d.RobotOutboundShare.String() != "1" || d.ASRSecondsPerRequest.String() != "6" {
		t.Errorf("change applied: %s %s", d.RobotOutboundShare, d.ASRSecondsPerRequest)
	}
	if g := s.Vendors["chatopera"].Gifts; len(g) != 1 || g[0].Item != "pack.1000" || g[0].Date.String() != "2027-01-01" {
		t.Errorf("gifts = %+v", g)
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
	for _, want := range []string{`"robot_outbound_share": "0.3"`, `"asr_seconds_per_request": "4.5"`, `"item": "pack.1000"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("encoded file lacks %s:\n%s", want, out)
		}
	}
	if sum := Summarize(s, back); sum != "no changes" {
		t.Errorf("summary of identical scenarios: %s", sum)
	}
	plain := New("plain", s.Start)
	enc, _ := Encode(plain)
	if strings.Contains(string(enc), "robot_outbound_share") || strings.Contains(string(enc), "asr_seconds_per_request") || strings.Contains(string(enc), "gifts") {
		t.Errorf("defaults written out:\n%s", enc)
	}
}

// Out-of-range values of the new fields name their field.
func TestAdditionsRanges(t *testing.T) {
	for _, c := range []struct{ demand, field string }{
		{`"robot_outbound_share": "1.5"`, "demand.robot_outbound_share"},
		{`"asr_seconds_per_request": "0"`, "demand.asr_seconds_per_request"},
		{`"asr_seconds_per_request": "-1"`, "demand.asr_seconds_per_request"},
	} {
		src := `{"format": "kefucost.scenario", "version": 1, "start": "2027-01-01", "months": 12, "demand": {` + c.demand + `}}`
		_, err := Decode([]byte(src), "x")
		if err == nil || !strings.Contains(err.Error(), c.field) {
			t.Errorf("%s: err = %v, want one naming %s", c.demand, err, c.field)
		}
	}
	src := `{"format": "kefucost.scenario", "version": 1, "start": "2027-01-01", "months": 12, "vendors": {"chatopera": {"gifts": [{"item": "pack.1000"}]}}}`
	if _, err := Decode([]byte(src), "x"); err == nil || !strings.Contains(err.Error(), "gifts[0].date") {
		t.Errorf("gift without date: %v", err)
	}
}

// A gift pack received on or after the horizon's end serves none of it: it
// is refused naming the field, as a change or extra dated there is
// (reviewer R4, G06: it was accepted, "they serve 0 calls"). One received
// before the start may still serve (valid from its day) and is accepted.
func TestGiftReceivedAfterTheHorizonIsRefused(t *testing.T) {
	for _, c := range []struct {
		date string
		ok   bool
	}{{"2030-01-01", false}, {"2028-01-01", false}, {"2027-12-31", true}, {"2026-06-01", true}} {
		src := `{"format": "kefucost.scenario", "version": 1, "start": "2027-01-01", "months": 12,
"vendors": {"chatopera": {"gifts": [{"item": "pack.1000", "date": "` + c.date + `"}]}}}`
		_, err := Decode([]byte(src), "x")
		if c.ok {
			if err != nil {
				t.Errorf("gift on %s: %v, want accepted", c.date, err)
			}
			continue
		}
		fe, _ := err.(*FieldError)
		if fes, ok := err.(FieldErrors); ok {
			fe = fes.For("vendors.chatopera.gifts[0].date")
		}
		if fe == nil || fe.Field != "vendors.chatopera.gifts[0].date" || fe.Key != ErrOutside || !strings.Contains(err.Error(), c.date+" is outside the horizon 2027-01-01 to 2027-12-31") {
			t.Errorf("gift on %s: err = %v, want %s on vendors.chatopera.gifts[0].date", c.date, err, ErrOutside)
		}
	}
}
