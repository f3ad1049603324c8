package window

import (
	"bytes"
	"image"
	_ "image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"kefucost/app/chart"
	"kefucost/app/window/sensitivity"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// tabIndex is the results tab with this title.
func tabIndex(t *testing.T, u *ui, title string) int {
	t.Helper()
	for i, it := range u.results.Tabs.Items {
		if it.Text == title {
			return i
		}
	}
	t.Fatalf("no results tab %q", title)
	return -1
}

func pix(img image.Image) []byte {
	if rgba, ok := img.(*image.RGBA); ok {
		return rgba.Pix
	}
	return nil
}

// The sensitivity tab shows the tornado of the scenario being edited,
// computed when the tab is opened and again after an edit; whose total
// it shows is picked above it (the cheapest way, or one vendor: drawn
// again without pricing again).
func TestSensitivityTornadoFollowsEdits(t *testing.T) {
	f := newChartsFixture(t, "zh")
	u := f.u
	if u.sense.Current() != nil {
		t.Fatal("a tornado computed before its tab was opened")
	}
	u.results.Tabs.SelectIndex(tabIndex(t, u, "敏感性"))
	tr := u.sense.Current()
	if tr == nil || u.sense.TornadoImg.Image == nil {
		t.Fatalf("no tornado shown on opening the tab (message %q)", u.sense.TornadoMsg.Text)
	}
	if want := f.expected().BestCombination().Total; !tr.Base.BestCombination().Total.Equal(want) {
		t.Errorf("tornado of another scenario: base %s, window %s", tr.Base.BestCombination().Total, want)
	}
	if got := u.sense.Whose.Selected; got != "最便宜的全覆盖方式" {
		t.Errorf("whose total: %q, want the cheapest way first", got)
	}
	first := bytes.Clone(pix(u.sense.TornadoImg.Image))

	// Another vendor: the same tornado drawn for it.
	u.sense.Whose.SetSelectedIndex(2) // Tencent, after the cheapest way and Chatopera
	if u.sense.Current() != tr {
		t.Error("choosing whose total priced the tornado again")
	}
	if bytes.Equal(first, pix(u.sense.TornadoImg.Image)) {
		t.Error("the tornado did not change for Tencent's total")
	}

	// An edit prices it again, for the edited scenario, keeping the choice.
	typeInto(f.field("demand.online_agents").Entry, "12")
	tr2 := u.sense.Current()
	if tr2 == tr || tr2 == nil {
		t.Fatal("the tornado was not computed again after an edit")
	}
	var online *pricing.Swing
	for i := range tr2.Swings {
		if tr2.Swings[i].Input == "online_agents" {
			online = &tr2.Swings[i]
		}
	}
	if online == nil || online.Base.IntPart() != 12 || online.High.Value.IntPart() != 14 {
		t.Errorf("online agents swing %+v, want 12 → 10 / 14", online)
	}
	if u.sense.Whose.Selected != wording.VendorNameByID("zh", "tencent-qidian") {
		t.Errorf("whose total became %q after an edit", u.sense.Whose.Selected)
	}
	// Another tab: edits no longer price the tornado.
	u.results.Tabs.SelectIndex(0)
	typeInto(f.field("demand.online_agents").Entry, "13")
	if u.sense.Current() != tr2 {
		t.Error("the tornado was priced while its tab was closed")
	}
}

// Typing never waits for the tornado: its work is started off the UI
// goroutine (held back here), the cards follow the typing at once, and
// the tornado appears when the work has run.
func TestSensitivityNeverBlocksTyping(t *testing.T) {
	f := newChartsFixture(t, "en")
	u := f.u
	var held []func()
	u.sense.SetRun(func(fn func()) { held = append(held, fn) })
	u.results.Tabs.SelectIndex(tabIndex(t, u, "Sensitivity"))
	if u.sense.TornadoMsg.Text != "Computing…" {
		t.Errorf("message while computing: %q", u.sense.TornadoMsg.Text)
	}
	typeInto(f.field("demand.chats_per_day").Entry, "9000")
	want := u.lang.T("money", wording.Money(resultFor(f.expected(), "chatopera").Total))
	if got := u.results.Totals["chatopera"].Text; got != want {
		t.Errorf("card %q while the tornado waits, want %q", got, want)
	}
	if len(held) != 1 || u.sense.Current() != nil {
		t.Fatalf("%d jobs started (one worker: the newest waits behind the first), tornado %v", len(held), u.sense.Current())
	}
	held[0]() // runs the first request, then the newest that waited
	tr := u.sense.Current()
	if tr == nil || u.sense.TornadoMsg.Text != "" {
		t.Fatalf("no tornado after the work ran (message %q)", u.sense.TornadoMsg.Text)
	}
	for _, sw := range tr.Swings {
		if sw.Input == "chats_per_day" && sw.Base.IntPart() != 9000 {
			t.Errorf("the tornado shown is for %s chats, not the 9000 typed last", sw.Base)
		}
	}
}

// The break-even tab sweeps the field picked over the range typed (by
// default 0 to 3 × its value), says in the window's language why a range
// is not one, and draws again when it is.
func TestSensitivityBreakevenFieldPicker(t *testing.T) {
	f := newChartsFixture(t, "zh")
	u := f.u
	s := u.sense
	shown := 0
	s.OnShown = func(v int) {
		if v == sensitivity.BreakevenView {
			shown++
		}
	}
	u.results.Tabs.SelectIndex(tabIndex(t, u, "盈亏平衡"))
	if s.Field.Selected != "每日机器人对话" || s.From.Text != "0" || s.To.Text != "9,000" && s.To.Text != "9000" {
		t.Errorf("default sweep: %q %s..%s, want chats per day 0..9000 (3 × 3,000)", s.Field.Selected, s.From.Text, s.To.Text)
	}
	if shown != 1 || s.BreakevenImg.Image == nil {
		t.Fatalf("break-even not drawn on opening its tab (%d, %q)", shown, s.BreakevenMsg.Text)
	}
	first := bytes.Clone(pix(s.BreakevenImg.Image))
	s.Field.SetSelected("在线客服坐席")
	if s.From.Text != "0" || s.To.Text != "15" {
		t.Errorf("online agents range %s..%s, want 0..15 (3 × 5)", s.From.Text, s.To.Text)
	}
	if shown != 2 || bytes.Equal(first, pix(s.BreakevenImg.Image)) {
		t.Errorf("another field did not draw another chart (%d draws)", shown)
	}
	typeInto(s.To, "abc")
	if !strings.Contains(s.RangeMsg.Text, "范围须为整数") || !s.RangeMsg.Visible() {
		t.Errorf("bad range message %q", s.RangeMsg.Text)
	}
	if shown != 2 {
		t.Errorf("a bad range drew a chart")
	}
	// A scenario without bot chats sweeps its first need at first.
	g := newChartsFixture(t, "en")
	typeInto(g.field("demand.chats_per_day").Entry, "0")
	g.u.loadScenario(g.u.cur.Clone(), "", nil) // opened as it is now
	if got := g.u.sense.Field.Selected; got == "Bot chats per day" {
		t.Errorf("a scenario without bot chats sweeps %q at first", got)
	}
	typeInto(s.From, "20")
	typeInto(s.To, "40")
	if s.RangeMsg.Visible() || shown != 3 {
		t.Errorf("range 20..40: message %q (visible %v), %d draws", s.RangeMsg.Text, s.RangeMsg.Visible(), shown)
	}
	test.Type(s.To, "x") // "40x"
	if !s.RangeMsg.Visible() {
		t.Error("40x taken as a number")
	}
}

// Break-even over time in words under the cumulative chart: the engine's
// cumulative leads worded in the window's language (3 phone agents:
// Tencent and Aliyun both cover everything).
func TestLeadsUnderCumulativeChart(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newUIFixture(t, lang)
		u := f.u
		for _, name := range []string{"demand.chats_per_day", "demand.online_agents", "demand.bots"} {
			typeInto(f.field(name).Entry, "0")
		}
		typeInto(f.field("demand.phone_agents").Entry, "3")
		c := f.expected()
		want := wording.LeadsText(lang, c)
		if want == "" || len(pricing.CumulativeLeads(c)) == 0 {
			t.Fatalf("%s: test scenario has no leads", lang)
		}
		if got := u.results.Leads.Text; got != want {
			t.Errorf("%s: under the cumulative chart %q, want %q", lang, got, want)
		}
		// One complete way left: nothing to say.
		typeInto(f.field("demand.online_agents").Entry, "5")
		typeInto(f.field("demand.chats_per_day").Entry, "100")
		typeInto(f.field("demand.bots").Entry, "1")
		if got, want := u.results.Leads.Text, wording.LeadsText(lang, f.expected()); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// Exporting a chart (File ▸ export) from a what-if tab exports what the
// tab shows, at print size: the tornado for the total picked, the
// break-even as swept; from the other tabs, theirs.
func TestSensitivityExport(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	if _, _, ok, _ := u.sense.Export("svg"); ok {
		t.Fatal("the cumulative tab's export taken by the what-if tabs")
	}
	u.results.Tabs.SelectIndex(tabIndex(t, u, "敏感性"))
	u.sense.Whose.SetSelectedIndex(2)
	data, kind, ok, err := u.sense.Export("svg")
	if !ok || err != nil || kind != "tornado" || !bytes.Contains(data, []byte("敏感性")) || !bytes.Contains(data, []byte("供应商：腾讯企点")) {
		t.Errorf("tornado export: %v %v %s %.200q", ok, err, kind, data)
	}
	u.results.Tabs.SelectIndex(tabIndex(t, u, "盈亏平衡"))
	u.sense.Field.SetSelected("在线客服坐席")
	data, kind, ok, err = u.sense.Export("png")
	if !ok || err != nil || kind != "breakeven" {
		t.Fatalf("break-even export: %v %v %s", ok, err, kind)
	}
	if img, _, err := image.Decode(bytes.NewReader(data)); err != nil || img.Bounds().Dx() != 1600 {
		t.Errorf("break-even export not a 1600 px PNG: %v", err)
	}
	typeInto(u.sense.To, "x")
	if _, _, ok, err := u.sense.Export("png"); !ok || err == nil || !strings.Contains(err.Error(), "范围须为整数") {
		t.Errorf("export of a range that is not one: %v", err)
	}
}

// The tornado tab says and lets the buyer pick how far growth moves
// (points of its annual rate, ±5 first); another step prices it again.
func TestSensitivityGrowthStepPicked(t *testing.T) {
	f := newChartsFixture(t, "zh")
	u := f.u
	u.results.Tabs.SelectIndex(tabIndex(t, u, "敏感性"))
	if got := u.sense.Growth.Selected; got != "±5 个百分点/年" {
		t.Errorf("growth step %q, want ±5 个百分点/年 first", got)
	}
	tr := u.sense.Current()
	if tr == nil || !tr.GrowthPoints.Equal(decimal.RequireFromString("0.05")) {
		t.Fatalf("tornado growth points %v, want 0.05", tr)
	}
	u.sense.Growth.SetSelected("±10 个百分点/年")
	tr2 := u.sense.Current()
	if tr2 == tr || tr2 == nil || !tr2.GrowthPoints.Equal(decimal.RequireFromString("0.1")) {
		t.Fatalf("picking ±10 did not price the tornado again with 0.1: %v", tr2)
	}
	for _, sw := range tr2.Swings {
		if sw.Input == pricing.GrowthField {
			if got := chart.AnnualPercent(sw.High.Value); got != "10%" {
				t.Errorf("growth +10 points a year from 0: %s a year", got)
			}
		}
	}
}

// The break-even follows the results' switch 不含税: its totals are net
// of VAT and its subtitle says so (it used to stay gross under a note).
func TestSensitivityBreakevenFollowsVAT(t *testing.T) {
	f := newChartsFixture(t, "zh")
	u := f.u
	u.results.Tabs.SelectIndex(tabIndex(t, u, "盈亏平衡"))
	gross, _, _, err := u.sense.Export("svg")
	if err != nil {
		t.Fatal(err)
	}
	u.results.VAT.SetChecked(true)
	net, _, _, err := u.sense.Export("svg")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(gross, []byte("不含税")) || !bytes.Contains(net, []byte("不含税（÷ 1.06）")) {
		t.Errorf("break-even export does not follow the VAT switch")
	}
	if u.sense.BreakevenMsg.Text != "" {
		t.Errorf("message under the break-even: %q", u.sense.BreakevenMsg.Text)
	}
}

// At 1280×800 the tornado's area is short: the busy scenario's tornado is
// drawn as tall as its 17 inputs need, at the area's width, and the area
// scrolls (the chart lumped all inputs but two into "其他 15 项" while the
// inputs that matter, each about ±50,000, were hidden).
func TestTornadoScrollsToShowEveryInput(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newChartsFixture(t, lang)
		u := f.u
		u.loadScenario(uiBenchScenario(t), "", nil)
		u.results.Tabs.SelectIndex(tabIndex(t, u, u.lang.T("tab.sensitivity")))
		size := u.win.Canvas().Size()
		u.win.Resize(size.SubtractWidthHeight(1, 0)) // the test canvas lays out on resize
		u.win.Resize(size)
		u.updateSensitivity()
		img, area := u.sense.TornadoImg.Image, u.sense.TornadoScroll.Size()
		if img == nil {
			t.Fatalf("%s: no tornado (message %q)", lang, u.sense.TornadoMsg.Text)
		}
		sc := u.win.Canvas().Scale()
		w, h := img.Bounds().Dx(), img.Bounds().Dy()
		if float32(h) <= area.Height*sc || w != int(area.Width*sc) {
			t.Errorf("%s: tornado %d×%d px in an area of %v: want the area's width and taller than it", lang, w, h, area)
		}
		if got := u.sense.TornadoImg.MinSize().Height; got*sc < float32(h)-1 {
			t.Errorf("%s: the tornado's min height %v is less than drawn (%d px): it would be shrunk, not scrolled", lang, got, h)
		}
		o, err := chart.TornadoFit(u.sense.Current(), chart.Options{Width: w, Height: int(area.Height * sc), Lang: lang})
		if err != nil || o.Height != h {
			t.Errorf("%s: drawn %d px tall, TornadoFit says %d (%v)", lang, h, o.Height, err)
		}
	}
}

// The break-even tab says, above the chart, that the swept field's dated
// changes stay as planned (the sweep moves only its starting value), with
// their dates and values; for a field without changes it says nothing.
func TestSensitivityBreakevenSaysPlannedChangesStay(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newChartsFixture(t, lang)
		u := f.u
		sc := u.cur.Clone()
		sc.Demand.PhoneAgents = 12
		twenty := int64(20)
		sc.Changes = append(sc.Changes, scenarios.Change{Date: scenarios.NewDate(2028, time.January, 1), PhoneAgents: &twenty})
		u.loadScenario(sc, "", nil)
		s := u.sense
		u.results.Tabs.SelectIndex(tabIndex(t, u, u.lang.T("tab.breakeven")))
		s.Field.SetSelected(wording.FieldLabel(lang, "phone_agents"))
		want := map[string]string{"zh": "2028-01-01 起 20", "en": "20 from 2028-01-01"}[lang]
		if !s.KeptChanges.Visible() || !strings.Contains(s.KeptChanges.Text, want) ||
			s.KeptChanges.Text != wording.SweepKeepsChangesLine(lang, sc, "phone_agents") ||
			lang == "en" && !strings.HasPrefix(s.KeptChanges.Text, "The axis") {
			t.Errorf("%s phone agents: %q (shown %v), want it to say %q", lang, s.KeptChanges.Text, s.KeptChanges.Visible(), want)
		}
		s.Field.SetSelected(wording.FieldLabel(lang, "online_agents"))
		if s.KeptChanges.Visible() {
			t.Errorf("%s online agents (no changes): %q shown", lang, s.KeptChanges.Text)
		}
	}
}

// The break-even chart is drawn at the size of its area (the tab less the
// field picker above it): drawn from an estimate of the rows around it,
// at 1280×800 it came out at the least height (160 px) and was shown as a
// flat band in a taller area. With the chart shown, the empty message
// line under it takes no room (it left 30 px blank).
func TestBreakevenDrawnAtItsAreaSize(t *testing.T) {
	f := newChartsFixture(t, "zh")
	u := f.u
	u.results.Tabs.SelectIndex(tabIndex(t, u, u.lang.T("tab.breakeven")))
	size := u.win.Canvas().Size()
	u.win.Resize(size.SubtractWidthHeight(1, 0)) // the test canvas lays out on resize
	u.win.Resize(size)
	img, area := u.sense.BreakevenImg.Image, u.sense.BreakevenImg.Size()
	if img == nil {
		t.Fatalf("no break-even chart (message %q)", u.sense.BreakevenMsg.Text)
	}
	sc := u.win.Canvas().Scale()
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	if d := float32(h) - area.Height*sc; d < -2 || d > 2 || float32(w) < area.Width*sc-2 {
		t.Errorf("break-even drawn %d×%d px in an area of %v: want the area's size", w, h, area)
	}
	if u.sense.BreakevenMsg.Visible() {
		t.Errorf("an empty message line (%q) under the chart", u.sense.BreakevenMsg.Text)
	}
}
