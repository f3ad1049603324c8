package window

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kefucost/app/wording"
	"kefucost/scenarios"
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

func giftsOf(s *scenarios.Scenario, id string) string {
	var out string
	for _, g := range s.Vendor(id).Gifts {
		out += g.Item + "@" + g.Date.String() + " "
	}
	return out
}

// Gift packs are edited in the vendor's panel, beside its prices: a file's
// gifts show as rows (the pack by its name, the day received), rows are
// added and removed, the pack is picked among the vendor's own packs by
// name, a day that is not one or falls after the horizon is said at its
// field in the window's language with the text kept; the results follow
// each edit, and what is saved is what is shown (a file's gifts and its
// ASR request length survive edits, a language switch and Save).
func TestGiftPacksEditableInTheVendorPanel(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	openGiftsFile(t, f)
	c := u.vendors.Cards["chatopera"]
	if len(c.Gifts) != 2 || c.Gifts[0].Item.Selected != "资源包 1,000 元（100,000 次）" || c.Gifts[1].Date.Text != "2027-03-01" {
		t.Fatalf("Chatopera's gift rows: %d, %q, %q", len(c.Gifts), c.Gifts[0].Item.Selected, c.Gifts[len(c.Gifts)-1].Date.Text)
	}
	// The picker offers the vendor's packs by name, no id.
	v := u.cat.Vendor("chatopera")
	var names []string
	for _, id := range v.PackIDs() {
		for i := len(v.Editions) - 1; i >= 0; i-- {
			if it := v.Editions[i].Item(id); it != nil {
				names = append(names, it.Name) // the newest edition's
				break
			}
		}
	}
	if opts := c.Gifts[0].Item.Options; strings.Join(opts, "|") != strings.Join(names, "|") {
		t.Errorf("pack picker %q, want the packs' names %q", opts, names)
	}
	if tq := u.vendors.Cards["tencent-qidian"]; len(tq.Gifts) != 1 || tq.Gifts[0].Item.Selected != "会话充值包 12 万条" {
		t.Errorf("Tencent's gift rows %d", len(tq.Gifts))
	}
	if hw := u.vendors.Cards["huawei-cec"]; hw.AddGift.Visible() && len(u.cat.Vendor("huawei-cec").PackIDs()) == 0 {
		t.Error("Huawei sells no packs, yet offers to add a gift")
	}
	if !c.GiftNote.Visible() || !strings.Contains(c.GiftNote.Text, "赠送资源包先于购买的资源包扣除") {
		t.Errorf("gift note %q", c.GiftNote.Text)
	}
	// Every word of the gift rows and notes is Chinese (Tencent's note
	// says why its gifts are not drawn).
	if tq := u.vendors.Cards["tencent-qidian"].GiftNote; !tq.Visible() || !strings.Contains(tq.Text, "未计入") {
		t.Errorf("Tencent's gift note %q", tq.Text)
	}
	if bad := latinWords(readTexts(u.vendors.Content)); len(bad) > 0 {
		t.Errorf("%d Latin words in the Chinese vendors tab:\n%s", len(bad), strings.Join(dedupe(bad), "\n"))
	}
	total := func() string { return u.results.Totals["chatopera"].Text }
	engine := func() string { return u.lang.T("money", wording.Money(resultFor(f.expected(), "chatopera").Total)) }
	before := total()

	// Remove the big pack: the results follow.
	test.Tap(c.Gifts[1].Remove)
	if got := giftsOf(u.cur, "chatopera"); got != "pack.1000@2027-01-01 " || len(c.Gifts) != 1 {
		t.Fatalf("after removing the second gift: %q, %d rows", got, len(c.Gifts))
	}
	if got := total(); got == before || got != engine() {
		t.Errorf("Chatopera's total %q after removing a gift (before %q, engine %q)", got, before, engine())
	}
	// Add one: the vendor's first pack, received on the start.
	test.Tap(c.AddGift)
	if got := giftsOf(u.cur, "chatopera"); got != "pack.1000@2027-01-01 pack.100@2027-01-01 " || len(c.Gifts) != 2 {
		t.Fatalf("after adding a gift: %q, %d rows", got, len(c.Gifts))
	}
	row := c.Gifts[1]
	row.Item.SetSelected("资源包 10,000 元（2,000,000 次）")
	typeInto(row.Date, "2027-06-01")
	if got := giftsOf(u.cur, "chatopera"); got != "pack.1000@2027-01-01 pack.10000@2027-06-01 " {
		t.Errorf("after picking the pack and its day: %q", got)
	}
	if got := total(); got != engine() {
		t.Errorf("Chatopera's total %q, engine %q", got, engine())
	}
	// A day that is not one, then one after the horizon: said at the
	// field, in Chinese; the text stays.
	errAt := func() string { return c.Errs["vendors.chatopera.gifts[1].date"].Text }
	typeInto(row.Date, "6月1日")
	if msg := errAt(); msg == "" || latinWords([]string{msg}) != nil || row.Date.Text != "6月1日" || !u.stale {
		t.Errorf("not a day: message %q, text %q, stale %v", msg, row.Date.Text, u.stale)
	}
	typeInto(row.Date, "2028-01-01")
	if msg := errAt(); !strings.Contains(msg, "2028-01-01") || latinWords([]string{msg}) != nil {
		t.Errorf("after the horizon: message %q", msg)
	}
	typeInto(row.Date, "2027-06-01")
	if errAt() != "" || u.stale {
		t.Errorf("a good day again: message %q, stale %v", errAt(), u.stale)
	}
	// The draft a crash would leave holds them (the draft timer fires).
	u.saveDraft()
	if _, d, _, ok := f.store.Draft(); !ok {
		t.Error("no draft written")
	} else if got := giftsOf(d, "chatopera"); got != "pack.1000@2027-01-01 pack.10000@2027-06-01 " {
		t.Errorf("the draft's gifts %q", got)
	}

	// What is saved is what is shown, after a language switch too.
	u.setLanguage("en")
	c = u.vendors.Cards["chatopera"]
	if len(c.Gifts) != 2 || c.Gifts[1].Item.Selected != "Resource pack CNY 10,000 (2,000,000 calls)" {
		t.Errorf("in English: %d rows, %q", len(c.Gifts), c.Gifts[len(c.Gifts)-1].Item.Selected)
	}
	u.onSave()
	s, _, err := f.store.Load("赠送资源包")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := giftsOf(s, "chatopera"), "pack.1000@2027-01-01 pack.10000@2027-06-01 "; got != want {
		t.Errorf("Chatopera's gifts saved %q, want %q", got, want)
	}
	if got, want := giftsOf(s, "tencent-qidian"), "sessions.120k@2027-02-01 "; got != want {
		t.Errorf("Tencent's gifts saved %q, want %q", got, want)
	}
	if got := s.Demand.ASRSecondsPerRequest.String(); got != "3" {
		t.Errorf("asr_seconds_per_request saved %s, want 3", got)
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

// The share of robot minutes dialled out is a field beside the robot
// minutes, and every decimal a dated change may set (robot_outbound_share,
// asr_seconds_per_request, as recorded_share) is a change row: a file's
// change shows its fields by name with their values, typing in them
// prices again, removing one leaves the other. They showed as rows with
// no field and no value, and typing in them changed nothing.
func TestRobotShareAndDecimalChangesEditable(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	js := `{"format": "kefucost.scenario", "version": 1, "name": "机器人外呼", "start": "2027-01-01", "months": 12,
 "demand": {"phone_agents": 5, "phone_numbers": 2, "inbound_minutes_per_month": 20000, "robot_minutes_per_month": 30000, "ai_voice_seats": 2, "robot_outbound_share": "0.3"},
 "changes": [{"date": "2027-07-01", "robot_outbound_share": "0.5", "asr_seconds_per_request": "2"}]}`
	if !u.openFileData([]byte(js), "robot.kefucost.json") {
		t.Fatal("the scenario did not open")
	}
	ff := f.field("demand.robot_outbound_share")
	if ff.Entry.Text != "0.3" {
		t.Fatalf("the field shows %q, the file says 0.3", ff.Entry.Text)
	}
	rows := u.form.Changes.Rows
	var got []string
	for _, r := range rows {
		got = append(got, r.Sel.Selected+"="+r.Value.Text)
	}
	if want := "机器人外呼占比=0.5 每次语音识别请求时长=2"; strings.Join(got, " ") != want {
		t.Fatalf("change rows %q, want %q", got, want)
	}
	totals := func() string {
		var out []string
		for _, id := range []string{"huawei-cec", "aliyun-icc"} {
			out = append(out, u.results.Totals[id].Text)
		}
		return strings.Join(out, " ")
	}
	before := totals()
	typeInto(ff.Entry, "0.8")
	if got := u.cur.Demand.RobotOutboundShare.String(); got != "0.8" {
		t.Fatalf("robot_outbound_share = %s after typing 0.8", got)
	}
	want := u.lang.T("money", wording.Money(resultFor(f.expected(), "aliyun-icc").Total))
	if got := u.results.Totals["aliyun-icc"].Text; got != want || totals() == before {
		t.Errorf("Aliyun's total %q at 0.8 (before %q), the engine says %q", got, before, want)
	}
	typeInto(rows[1].Value, "4")
	if v := u.cur.Changes[0].ASRSecondsPerRequest; v == nil || v.String() != "4" {
		t.Errorf("the change's asr_seconds_per_request = %v after typing 4", v)
	}
	u.form.Changes.Remove(u.form.Changes.Rows[1])
	if ch := u.cur.Changes; len(ch) != 1 || strings.Join(ch[0].Fields(), ",") != "robot_outbound_share" || len(u.form.Changes.Rows) != 1 {
		t.Errorf("after removing the ASR row: %+v, %d rows", ch, len(u.form.Changes.Rows))
	}
}
