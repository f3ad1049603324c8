package window

import (
	"os"
	"path/filepath"
	"testing"

	"kefucost/app/wording"
)

// giftsFile is a scenario with gift packs for Chatopera and Tencent and a
// mean ASR request length of 3 seconds: what a buyer writes in a file.
const giftsFile = `{
  "format": "kefucost.scenario", "version": 1, "name": "赠送资源包", "start": "2027-01-01", "months": 12,
  "demand": {"chats_per_day": 3000, "online_agents": 5, "bots": 1, "asr_minutes_per_day": 60, "asr_seconds_per_request": "3"},
  "vendors": {
    "chatopera": {"discount": "0.9", "gifts": [{"item": "pack.1000", "date": "2027-01-01"}, {"item": "pack.10000", "date": "2027-03-01"}]},
    "tencent-qidian": {"gifts": [{"item": "sessions.120k", "date": "2027-02-01"}]}
  }
}`

func openGiftsFile(t *testing.T, f *uiFixture) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gifts.kefucost.json")
	if err := os.WriteFile(path, []byte(giftsFile), 0o600); err != nil {
		t.Fatal(err)
	}
	if !f.u.openPath(path) {
		t.Fatal("the gifts file did not open")
	}
}

// The mean ASR request length is a field beside the ASR minutes: it shows
// the file's value, typing it prices again at once, a value out of range
// or not a number is said at the field in Chinese (the scenario keeps its
// last good value), and an empty field means the default, 5 seconds.
func TestASRSecondsPerRequestEditableBesideASR(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	openGiftsFile(t, f)
	ff := f.field("demand.asr_seconds_per_request")
	if ff.Entry.Text != "3" {
		t.Fatalf("the field shows %q, the file says 3", ff.Entry.Text)
	}
	at3 := u.results.Totals["chatopera"].Text
	typeInto(ff.Entry, "1")
	if got := u.cur.Demand.ASRSecondsPerRequest.String(); got != "1" {
		t.Fatalf("asr_seconds_per_request = %s after typing 1", got)
	}
	want := u.lang.T("money", wording.Money(resultFor(f.expected(), "chatopera").Total))
	if got := u.results.Totals["chatopera"].Text; got != want || got == at3 {
		t.Errorf("Chatopera's total %q at 1 s a request (at 3 s: %q), the engine says %q", got, at3, want)
	}
	typeInto(ff.Entry, "0")
	if msg := ff.Message(); msg != "必须大于 0" {
		t.Errorf("0 seconds: message %q, want 必须大于 0", msg)
	}
	typeInto(ff.Entry, "4000")
	if msg := ff.Message(); msg != "不能大于 3600" {
		t.Errorf("4000 seconds: message %q, want 不能大于 3600", msg)
	}
	typeInto(ff.Entry, "五")
	if msg := ff.Message(); msg == "" || latinWords([]string{msg}) != nil {
		t.Errorf("not a number: message %q", msg)
	}
	if ff.Entry.Text != "五" || !u.stale {
		t.Errorf("typed text %q kept, results out of date %v", ff.Entry.Text, u.stale)
	}
	typeInto(ff.Entry, "")
	if got := u.cur.Demand.ASRSecondsPerRequest.String(); got != "5" || ff.Message() != "" {
		t.Errorf("empty: asr_seconds_per_request = %s, message %q (want the default 5)", got, ff.Message())
	}
}
