package window

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"
	"kefucost/app/chart"
	"kefucost/app/window/demand"
	"kefucost/app/window/kit"
	"kefucost/app/window/kit/kittest"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// Window tests with Fyne's test driver: no display, the real widgets,
// typed into with test.Type and tapped with test.Tap. Results are computed
// synchronously (ui.sync) so each assertion sees the state after an edit.

type uiFixture struct {
	t     testing.TB
	app   fyne.App
	u     *ui
	store *store.Store
	db    string
}

func newUIFixture(t testing.TB, lang string) *uiFixture {
	t.Helper()
	return newUIFixtureMode(t, lang, runMode{sync: true, noCharts: true})
}

// newChartsFixture is a window that draws its live charts, for the tests
// about them.
func newChartsFixture(t testing.TB, lang string) *uiFixture {
	t.Helper()
	return newUIFixtureMode(t, lang, runMode{sync: true})
}

func newUIFixtureMode(t testing.TB, lang string, mode runMode) *uiFixture {
	t.Helper()
	a := test.NewTempApp(t)
	// The program's theme, as Run sets it: its font has the Chinese
	// glyphs. Fyne's test theme has none and this machine no Chinese
	// system font: every Chinese character measured then searched the
	// fallback fonts, and Fyne added one more to the list each time, so
	// each measure was slower than the last (a window test of a dozen
	// keystrokes took 30 CPU-s).
	a.Settings().SetTheme(NewThemeMode(""))
	a.Preferences().SetString(prefLanguage, lang)
	db := filepath.Join(t.TempDir(), "scenarios.db")
	st, err := store.Open(store.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	f := &uiFixture{t: t, app: a, store: st, db: db}
	f.u = newUI(a, storeOpen{store: st}, mode)
	f.u.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		f.u.live.stop()
		st.Close()
	})
	return f
}

// typeInto replaces an entry's text the way a user does: select all,
// then type.
func typeInto(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func (f *uiFixture) field(path string) *demand.Field {
	ff := f.u.form.Fields[path]
	if ff == nil {
		f.t.Fatalf("no form field %s", path)
	}
	return ff
}

// expected prices the editor's scenario with the engine directly.
func (f *uiFixture) expected() *pricing.Comparison {
	f.t.Helper()
	c, err := pricing.Compare(f.u.cur.Clone())
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func resultFor(c *pricing.Comparison, id string) *pricing.Result {
	for _, r := range c.Vendors {
		if r.Vendor == id {
			return r
		}
	}
	return nil
}

func TestUITypingUpdatesTotals(t *testing.T) {
	f := newChartsFixture(t, "zh")
	before := f.u.results.Totals["chatopera"].Text
	typeInto(f.field("demand.chats_per_day").Entry, "20000")
	if got := f.u.cur.Demand.ChatsPerDay; got != 20000 {
		t.Fatalf("chats_per_day = %d after typing 20000", got)
	}
	c := f.expected()
	want := f.u.lang.T("money", wording.Money(resultFor(c, "chatopera").Total))
	got := f.u.results.Totals["chatopera"].Text
	if got != want {
		t.Errorf("Chatopera card shows %q, want %q", got, want)
	}
	if got == before {
		t.Errorf("Chatopera total did not change from %q", before)
	}
	if f.u.stale {
		t.Error("results marked out of date after a valid edit")
	}
	if f.u.results.Cumulative.Image() == nil || f.u.results.Monthly.Image() == nil {
		t.Error("charts not drawn")
	}
	if !strings.HasPrefix(f.u.win.Title(), "● ") {
		t.Errorf("title %q does not mark unsaved changes", f.u.win.Title())
	}
	// "3,000" and "5%" are read as people write them.
	typeInto(f.field("demand.chats_per_day").Entry, "3,000")
	typeInto(f.field("demand.growth_per_month").Entry, "5%")
	if f.u.cur.Demand.ChatsPerDay != 3000 || f.u.cur.Demand.GrowthPerMonth.String() != "0.05" {
		t.Errorf("got chats %d growth %s", f.u.cur.Demand.ChatsPerDay, f.u.cur.Demand.GrowthPerMonth)
	}
}

func TestUIInvalidValueKeepsResults(t *testing.T) {
	f := newUIFixture(t, "zh")
	months := f.field("months")
	months.Entry.SetText("24")
	total := f.u.results.Totals["tencent-qidian"].Text
	test.Type(months.Entry, "x")
	if months.Message() != "请输入整数，如 3000" {
		t.Errorf("months error %q", months.Message())
	}
	if !f.u.stale || !f.u.results.StaleBar.Visible() {
		t.Error("results not marked out of date")
	}
	if got := f.u.results.Totals["tencent-qidian"].Text; got != total {
		t.Errorf("last results replaced: %q → %q", total, got)
	}

	typeInto(months.Entry, "500")
	if months.Message() != "必须在 1 到 120 之间" {
		t.Errorf("months 500: %q", months.Message())
	}
	if f.u.cur.Months != 500 || !f.u.stale {
		t.Errorf("months %d stale %v", f.u.cur.Months, f.u.stale)
	}

	typeInto(months.Entry, "12")
	if months.Message() != "" || months.Note.Text != months.Hint || f.u.stale || f.u.results.StaleBar.Visible() {
		t.Error("error or out-of-date mark stays after a valid value")
	}
	want := f.u.lang.T("money", wording.Money(resultFor(f.expected(), "tencent-qidian").Total))
	if got := f.u.results.Totals["tencent-qidian"].Text; got != want {
		t.Errorf("after fix: %q, want %q", got, want)
	}

	// English messages name the value and limits.
	f.u.setLanguage("en")
	typeInto(f.u.form.Fields["months"].Entry, "0")
	if got := f.u.form.Fields["months"].Message(); !strings.Contains(got, "from 1 to 120") {
		t.Errorf("English months error %q", got)
	}
	// A dated change outside the horizon is shown on its row.
	f.u.setLanguage("zh")
	typeInto(f.u.form.Fields["months"].Entry, "12")
	test.Tap(findButton(t, f.u.form.Changes.Content, "添加变更"))
	if len(f.u.form.Changes.Rows) != 1 {
		t.Fatalf("%d change rows after Add", len(f.u.form.Changes.Rows))
	}
	row := f.u.form.Changes.Rows[0]
	typeInto(row.Date, "2040-01-01")
	if !row.Err.Visible() || !strings.Contains(row.Err.Text, "不在期间") {
		t.Errorf("change date error %q", row.Err.Text)
	}
}

func findButton(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	bs := findButtons(o, text)
	if len(bs) == 0 {
		t.Fatalf("no button %q", text)
	}
	return bs[0]
}
func TestUISaveListReopen(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "2027 招标 / 第一轮 “报价” 📞")
	typeInto(f.field("demand.online_agents").Entry, "12")
	typeInto(f.field("months").Entry, "24")
	typeInto(f.field("demand.recorded_share").Entry, "0.3")
	want, _ := scenarios.Encode(u.cur)

	// Ctrl+S saves.
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if u.savedName != "2027 招标 / 第一轮 “报价” 📞" {
		t.Fatalf("not saved: savedName %q, title %q", u.savedName, u.win.Title())
	}
	if strings.HasPrefix(u.win.Title(), "●") {
		t.Errorf("title %q still marks unsaved changes", u.win.Title())
	}
	if len(u.list.Infos) != 1 || u.list.Infos[0].Name != u.savedName {
		t.Fatalf("list %v", u.list.Infos)
	}

	u.onNew()
	if u.cur.Demand.OnlineAgents != 0 || u.savedName != "" {
		t.Fatalf("New did not start afresh: %+v", u.cur.Demand)
	}
	u.list.List.Select(0)
	got, _ := scenarios.Encode(u.cur)
	if string(got) != string(want) {
		t.Errorf("reopened scenario differs:\n%s\nwant\n%s", got, want)
	}
	if f.field("demand.online_agents").Entry.Text != "12" || f.field("months").Entry.Text != "24" {
		t.Error("form does not show the reopened values")
	}
	if u.dirty() {
		t.Error("a reopened scenario counts as changed")
	}

	// A second save adds a revision with a summary of what changed.
	typeInto(f.field("demand.online_agents").Entry, "15")
	u.onSave()
	h, err := f.store.History(u.savedName)
	if err != nil || len(h) != 2 || !strings.Contains(h[0].Summary, "online_agents 12→15") {
		t.Errorf("history %+v %v", h, err)
	}
	if len(h) == 2 && len(h[0].Editions) == 0 {
		t.Error("revision does not record the price editions")
	}
}

func TestUIDeleteUndo(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.Name, "quote round 1")
	u.onSave()
	if len(u.list.Infos) != 1 {
		t.Fatal("not saved")
	}
	u.onDelete()
	if len(u.list.Infos) != 0 {
		t.Fatalf("still listed after delete: %v", u.list.Infos)
	}
	if !u.list.UndoBar.Visible() || !strings.Contains(u.list.UndoMsg.Text, "quote round 1") {
		t.Fatal("no undo offered")
	}
	if tr, _ := f.store.Trash(); len(tr) != 1 {
		t.Fatalf("trash %v", tr)
	}
	test.Tap(findButton(t, u.list.UndoBar, "Undo delete"))
	if len(u.list.Infos) != 1 || u.list.UndoBar.Visible() {
		t.Fatalf("undo: list %v, bar visible %v", u.list.Infos, u.list.UndoBar.Visible())
	}
	if u.savedName != "quote round 1" || u.dirty() {
		t.Errorf("after undo the editor shows %q, dirty %v", u.savedName, u.dirty())
	}
}

func TestUIHuaweiQuoteMakesComplete(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(f.field("demand.chats_per_day").Entry, "0")
	typeInto(f.field("demand.bots").Entry, "0")
	hw := resultFor(u.result, "huawei-cec")
	if hw == nil || hw.Complete || len(hw.Unpriced) == 0 {
		t.Fatalf("Huawei should start incomplete: %+v", hw)
	}
	card := u.vendors.Cards["huawei-cec"]
	if !strings.Contains(card.Status.Text, "未定价") {
		t.Errorf("vendors panel status %q", card.Status.Text)
	}
	for _, item := range hw.Unpriced {
		e := card.Prices[item]
		if e == nil {
			t.Fatalf("no quote field for unpriced %s", item)
		}
		typeInto(e, "150")
	}
	hw = resultFor(u.result, "huawei-cec")
	if !hw.Complete {
		t.Fatalf("Huawei still unpriced: %v", hw.Unpriced)
	}
	want := u.lang.T("money", wording.Money(resultFor(f.expected(), "huawei-cec").Total))
	if got := u.results.Totals["huawei-cec"].Text; got != want || strings.HasPrefix(got, "at least") {
		t.Errorf("Huawei card %q, want %q", got, want)
	}
	if !strings.Contains(card.Status.Text, "✓") {
		t.Errorf("status %q", card.Status.Text)
	}
	// A bad quote is said next to its field.
	typeInto(card.Prices[hw.Lines[0].Item], "abc")
	if !card.Errs[`vendors.huawei-cec.prices["`+hw.Lines[0].Item+`"]`].Visible() {
		t.Error("no message for a bad quote")
	}
}

func TestUILanguageSwitch(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	if got := u.results.Tabs.Items[0].Text; got != "累计成本" {
		t.Fatalf("zh tab %q", got)
	}
	typeInto(f.field("demand.online_agents").Entry, "9")
	u.setLanguage("en")
	if got := u.results.Tabs.Items[0].Text; got != "Cumulative" {
		t.Errorf("en tab %q", got)
	}
	if got := u.win.MainMenu().Items[0].Label; got != "File" {
		t.Errorf("menu %q", got)
	}
	if u.form.Fields["demand.online_agents"].Entry.Text != "9" {
		t.Error("typed value lost when switching language")
	}
	if got := u.app.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("language not remembered: %q", got)
	}
	if !strings.HasPrefix(u.results.Totals["tencent-qidian"].Text, "¥") {
		t.Errorf("English money %q", u.results.Totals["tencent-qidian"].Text)
	}
	// A new window starts in the remembered language.
	u2 := newUI(u.app, storeOpen{}, runMode{sync: true, noCharts: true})
	defer u2.live.stop()
	if u2.lang != "en" {
		t.Errorf("new window language %q", u2.lang)
	}
}

func TestUIUnsavedChangesAsk(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	closed := false
	u.confirmDiscard(func() { closed = true })
	if !closed {
		t.Error("a new untouched scenario asked before closing")
	}
	typeInto(f.field("demand.bots").Entry, "3")
	closed = false
	u.confirmDiscard(func() { closed = true })
	if closed {
		t.Fatal("unsaved changes discarded without asking")
	}
	if top := u.win.Canvas().Overlays().Top(); top == nil {
		t.Fatal("no dialog")
	}
	test.Tap(findButton(t, overlayContent(u), "Discard"))
	if !closed {
		t.Error("Discard did not go on")
	}
}

func overlayContent(u *ui) fyne.CanvasObject {
	return u.win.Canvas().Overlays().Top()
}

func TestUIDraftSurvives(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(f.field("demand.phone_agents").Entry, "7")
	u.saveDraft()
	name, s, _, ok := f.store.Draft()
	if !ok || s.Demand.PhoneAgents != 7 || name != "" {
		t.Fatalf("draft %v %q %+v", ok, name, s)
	}
	// The next window offers it back.
	u2 := newUI(u.app, storeOpen{store: f.store}, runMode{sync: true, noCharts: true})
	defer u2.live.stop()
	u2.afterShow()
	if u2.win.Canvas().Overlays().Top() == nil {
		t.Fatal("draft not offered")
	}
	test.Tap(findButton(t, u2.win.Canvas().Overlays().Top(), "恢复"))
	if u2.cur.Demand.PhoneAgents != 7 {
		t.Errorf("draft not restored: %d", u2.cur.Demand.PhoneAgents)
	}
}

// A database another program holds (an older kefucost kept it open as long
// as its window was open): the window starts without it, says so, still
// computes, and Save tries the database again once it is free.
func TestUILockedStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	release := holdDatabase(t, db)
	defer release()
	start := time.Now()
	so := openStoreForWindow("", func(k string) string {
		if k == "KEFUCOST_DB" {
			return db
		}
		return ""
	})
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v to give up on a locked database", d)
	}
	if !so.locked || so.store != nil {
		t.Fatalf("locked database: %+v", so)
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "zh")
	u := newUI(a, so, runMode{sync: true, noCharts: true})
	defer u.live.stop()
	u.afterShow()
	if !u.list.Problem.Visible() || !strings.Contains(u.list.Problem.Text, "另一个 kefucost") {
		t.Errorf("list panel says %q", u.list.Problem.Text)
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no dialog about the locked database")
	}
	if u.result == nil {
		t.Error("a window without a store still computes")
	}
	u.win.Canvas().Overlays().Top().Hide()
	release()
	typeInto(u.form.Name, "之后")
	u.onSave()
	if u.store == nil || u.savedName != "之后" {
		t.Fatalf("Save after the other program let go: store %v, saved as %q", u.store != nil, u.savedName)
	}
	defer u.store.Close()
	if u.list.Problem.Visible() || len(u.list.Infos) != 1 {
		t.Errorf("list after the database was opened: %q, %d scenarios", u.list.Problem.Text, len(u.list.Infos))
	}
}

func TestSummaryChinese(t *testing.T) {
	zh := tr("zh")
	for in, want := range map[string]string{
		"created": "新建",
		"created (imported from a.kefucost.json)":              "新建（从 a.kefucost.json 导入）",
		"months 36→24; demand.online_agents 5→8":               "期间 36→24；在线客服坐席 5→8",
		"restored revision 1: months 12→36":                    "恢复自版本 1: 期间 12→36",
		"prices of chatopera: edition 2024-06→2023-12":         "Chatopera 机器人平台 价格版本 2024-06→2023-12",
		"price_date latest→2027-01-01; … and 3 more":           "价格日期 最新→2027-01-01；另有 3 项",
		"vendors.huawei-cec.prices[seat.online.month] set 150": "华为云 云客服 CEC 在线客服座席 报价改为 150 元",
		`created (copy of "latest start; name" revision 2)`:    "新建（复制自“latest start; name”版本 2）",
		`created (imported from start.kefucost.json)`:          "新建（从 start.kefucost.json 导入）",
		`created (imported from a:b.json)`:                     "新建（从 a:b.json 导入）",
		`created (copy of "say \"hi\"" revision 1)`:            "新建（复制自“say \"hi\"”版本 1）",
		`imported from x.json: months 36→48`:                   "从 x.json 导入: 期间 36→48",
		`created (imported)`:                                   "新建（导入）",
		`name "A"→"B"; prices of chatopera: edition 2023-12`:   "方案名称 “A”→“B”；Chatopera 机器人平台 价格版本 2023-12",
	} {
		if got := zh.Summary(in); got != want {
			t.Errorf("summary(%q) = %q, want %q", in, got, want)
		}
	}
	// English names the fields too (it showed "months 36→24").
	if got := tr("en").Summary("months 36→24; demand.online_agents 5→8"); got != "Horizon 36→24; Online agents 5→8" {
		t.Errorf("English: %q", got)
	}
}

func TestWindowArgs(t *testing.T) {
	for _, c := range []struct {
		args     []string
		db, file string
		ok       bool
	}{
		{nil, "", "", true},
		{[]string{"--db", "/x/s.db"}, "/x/s.db", "", true},
		{[]string{"--db=/x/s.db"}, "/x/s.db", "", true},
		{[]string{"compare", "--scenario", "a"}, "", "", false},
		{[]string{"--db"}, "", "", false},
		{[]string{"--db", "a", "list"}, "", "", false},
		// A scenario file to open: what Windows passes for "%1".
		{[]string{`C:\Users\采购\方案 B.kefucost.json`}, "", `C:\Users\采购\方案 B.kefucost.json`, true},
		{[]string{"--db", "/x/s.db", "a.KEFUCOST.JSON"}, "/x/s.db", "a.KEFUCOST.JSON", true},
		{[]string{"a.kefucost.json", "--db=/x/s.db"}, "/x/s.db", "a.kefucost.json", true},
		// Several files from a file manager (Exec=kefucost %F): the first.
		{[]string{"a.kefucost.json", "b.kefucost.json"}, "", "a.kefucost.json", true},
		{[]string{"-x.json"}, "", "", false},
		{[]string{"list.txt"}, "", "", false},
	} {
		db, file, ok := Args(c.args)
		if db != c.db || file != c.file || ok != c.ok {
			t.Errorf("Args(%q) = %q, %q, %v; want %q, %q, %v", c.args, db, file, ok, c.db, c.file, c.ok)
		}
	}
}

// TestUIOpenPath: a file named on the command line (Windows' "open with")
// is opened as File → Open would; a missing one says which file.
func TestUIOpenPath(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	dir := filepath.Join(t.TempDir(), "采购 资料")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	s := scenarios.New("", scenarios.NewDate(2027, 3, 1))
	s.Demand.OnlineAgents = 17
	enc, _ := scenarios.Encode(s)
	path := filepath.Join(dir, "方案 B.kefucost.json")
	if err := os.WriteFile(path, enc, 0o600); err != nil {
		t.Fatal(err)
	}
	if !u.openPath(path) || u.cur.Demand.OnlineAgents != 17 || u.cur.Name != "方案 B" {
		t.Errorf("file not opened: %q %d", u.cur.Name, u.cur.Demand.OnlineAgents)
	}
	if u.openPath(filepath.Join(dir, "没有.kefucost.json")) {
		t.Fatal("a missing file opened")
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsText(top), "没有.kefucost.json") {
		t.Errorf("no error naming the missing file: %q", labelsText(top))
	}
	if u.cur.Demand.OnlineAgents != 17 {
		t.Error("a missing file changed the scenario being edited")
	}
}

func TestTranslations(t *testing.T) {
	zh, en := wording.Messages("zh"), wording.Messages("en")
	for k, v := range zh {
		if strings.HasPrefix(k, "fielderr.") {
			continue // English uses the scenario package's own messages
		}
		e, ok := en[k]
		if !ok {
			t.Errorf("en.json lacks %q", k)
			continue
		}
		if wording.CountVerbs(v) != wording.CountVerbs(e) {
			t.Errorf("%q: %d verbs in zh, %d in en", k, wording.CountVerbs(v), wording.CountVerbs(e))
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("zh_Hans.json lacks %q", k)
		}
	}
	// Every field, unit and hint the form shows is translated.
	for _, path := range demand.Paths() {
		name := strings.TrimPrefix(path, "demand.")
		for _, p := range []string{"field.", "unit.", "hint."} {
			if _, ok := zh[p+name]; !ok {
				t.Errorf("no %s%s", p, name)
			}
		}
	}
	for _, name := range demand.ChangeFields() {
		if _, ok := zh["field."+name]; !ok {
			t.Errorf("no field.%s", name)
		}
	}
	// Every unit the catalog uses has Chinese words.
	for _, v := range pricing.MustCatalog().Vendors {
		for _, e := range v.Editions {
			for _, it := range e.Items {
				if tr("zh").UnitText(it.Unit) == it.Unit {
					t.Errorf("no Chinese for the unit %q (%s %s)", it.Unit, v.ID, it.ID)
				}
			}
		}
	}
}

// TestHeapStaysFlatOverManyEdits makes 5,000 edits and checks that the
// live heap does not keep growing: nothing is kept per edit. Long: make
// stress runs it.
func TestHeapStaysFlatOverManyEdits(t *testing.T) {
	stressOnly(t)
	f := newChartsFixture(t, "zh")
	u := f.u
	u.noDraft = true
	u.win.Resize(fyne.NewSize(900, 600))
	e := f.field("demand.chats_per_day").Entry
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	edit := func(i int) {
		e.SetText(strconv.Itoa(1000 + i%997))
	}
	for i := 0; i < 500; i++ { // warm up: caches, pools
		edit(i)
	}
	base := heap()
	var marks []uint64
	for i := 0; i < 5000; i++ {
		edit(i)
		if (i+1)%1000 == 0 {
			marks = append(marks, heap())
		}
	}
	t.Logf("live heap after warm-up %d KiB; after each 1,000 edits: %v KiB", base/1024, kib(marks))
	last := marks[len(marks)-1]
	if last > base+8<<20 {
		t.Errorf("live heap grew from %d KiB to %d KiB over 5,000 edits", base/1024, last/1024)
	}
	// No steady growth: the last 1,000 edits add no more than noise.
	if d := int64(last) - int64(marks[len(marks)-2]); d > 1<<20 {
		t.Errorf("live heap still growing: +%d KiB in the last 1,000 edits", d/1024)
	}
}

func kib(v []uint64) []uint64 {
	out := make([]uint64, len(v))
	for i, x := range v {
		out[i] = x / 1024
	}
	return out
}

// BenchmarkEditToCharts measures one edit of a field to new results with
// both charts drawn and applied to the widgets, at the size the charts
// have in a 1280×800 window.
func BenchmarkEditToCharts(b *testing.B) {
	f := newChartsFixture(b, "zh")
	u := f.u
	u.noDraft = true
	e := f.field("demand.chats_per_day").Entry
	// The benchmark scenario: every demand field, 36 months.
	s := uiBenchScenario(b)
	u.loadScenario(s, "", nil)
	size := u.results.ChartSize()
	b.ReportMetric(float64(size.Width), "chart-px-wide")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.SetText(strconv.Itoa(20000 + i%1000))
	}
}

func uiBenchScenario(tb testing.TB) *scenarios.Scenario {
	tb.Helper()
	data, err := os.ReadFile("../../pricing/testdata/bench-36m.kefucost.json")
	if err != nil {
		tb.Fatal(err)
	}
	s, err := scenarios.Decode(data, "bench-36m.kefucost.json")
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestUIOpenFileAndDrop(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	data, err := os.ReadFile("../../pricing/testdata/bench-36m.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	if !u.openFileData(data, "bench-36m.kefucost.json") {
		t.Fatal("valid file refused")
	}
	if u.cur.Months != 36 || u.cur.Demand.ASRMinutesPerDay == 0 || f.field("months").Entry.Text != "36" {
		t.Errorf("file not loaded into the form: %+v", u.cur.Demand)
	}
	if !u.dirty() {
		t.Error("an opened file counts as saved in the store")
	}
	before, _ := scenarios.Encode(u.cur)

	// A bad file says where and changes nothing.
	bad := strings.Replace(string(data), `"months": 36`, `"months": "x"`, 1)
	if u.openFileData([]byte(bad), "bad.kefucost.json") {
		t.Fatal("bad file accepted")
	}
	after, _ := scenarios.Encode(u.cur)
	if string(before) != string(after) {
		t.Error("a bad file changed the scenario being edited")
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsText(top), "bad.kefucost.json") || !strings.Contains(labelsText(top), "months") {
		t.Errorf("error dialog does not name the file and field: %q", labelsText(top))
	}
	top.Hide()

	// Dropping a file on the window opens it.
	path := filepath.Join(t.TempDir(), "dropped.kefucost.json")
	s := scenarios.New("dropped", scenarios.NewDate(2027, 3, 1))
	s.Demand.OnlineAgents = 42
	enc, _ := scenarios.Encode(s)
	if err := os.WriteFile(path, enc, 0o600); err != nil {
		t.Fatal(err)
	}
	u.loadScenario(newScenario(u.lang), "", nil) // nothing unsaved to ask about
	u.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	if u.cur.Demand.OnlineAgents != 42 || u.cur.Name != "dropped" {
		t.Errorf("dropped file not opened: %q %d", u.cur.Name, u.cur.Demand.OnlineAgents)
	}
}

// labelsText is the text of every label under o.
func labelsText(o fyne.CanvasObject) string {
	var b strings.Builder
	kittest.Walk(o, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *kit.Para:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		default:
			return false
		}
		return true
	})
	return b.String()
}

func TestUIExportChartPrintSize(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	for _, kind := range []chart.Kind{chart.Cumulative, chart.Monthly, chart.Breakdown} {
		data, err := u.chartFile("png", kind)
		if err != nil {
			t.Fatal(kind, err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(kind, err)
		}
		if w := img.Bounds().Dx(); w < 1600 {
			t.Errorf("%s PNG is %d px wide, want at least 1600", kind, w)
		}
		svg, err := u.chartFile("svg", kind)
		if err != nil || !bytes.HasPrefix(bytes.TrimSpace(svg), []byte("<svg")) && !bytes.Contains(svg[:min(200, len(svg))], []byte("<svg")) {
			t.Errorf("%s SVG: %v %.60q", kind, err, svg)
		}
	}
}

func TestUIHistoryRenameDuplicateTrash(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	typeInto(u.form.Name, "round 1")
	u.onSave()
	typeInto(f.field("demand.online_agents").Entry, "20")
	u.onSave()

	// Restore revision 1 from the history dialog: a third revision.
	u.onHistory()
	dlg := u.win.Canvas().Overlays().Top()
	if dlg == nil || !strings.Contains(labelsText(dlg), "Online agents 5→20") {
		t.Fatalf("history dialog: %q", labelsText(dlg))
	}
	restore := findButtons(dlg, "Restore")
	if len(restore) != 2 {
		t.Fatalf("%d Restore buttons", len(restore))
	}
	test.Tap(restore[1]) // newest first: [1] is revision 1
	if u.cur.Demand.OnlineAgents != 5 {
		t.Errorf("restored online_agents %d", u.cur.Demand.OnlineAgents)
	}
	if h, _ := f.store.History("round 1"); len(h) != 3 {
		t.Errorf("history after restore has %d revisions", len(h))
	}

	// Rename through the dialog; an empty name is refused next to the field.
	u.onRename()
	dlg = u.win.Canvas().Overlays().Top()
	entry := findEntry(t, dlg)
	typeInto(entry, "   ")
	test.Tap(findButtons(dlg, "OK")[0])
	if !strings.Contains(labelsText(dlg), "Give the scenario a name") || u.savedName != "round 1" {
		t.Errorf("empty name: %q", labelsText(dlg))
	}
	typeInto(entry, "round 1 / 报价")
	test.Tap(findButtons(dlg, "OK")[0])
	if u.savedName != "round 1 / 报价" || u.form.Name.Text != "round 1 / 报价" {
		t.Errorf("rename: saved %q form %q", u.savedName, u.form.Name.Text)
	}

	// Duplicate opens the copy.
	u.onDuplicate()
	dlg = u.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, dlg), "what-if 10% growth")
	test.Tap(findButtons(dlg, "OK")[0])
	if u.savedName != "what-if 10% growth" || len(u.list.Infos) != 2 {
		t.Errorf("duplicate: %q, %d listed", u.savedName, len(u.list.Infos))
	}

	// Delete, then restore from the trash dialog.
	u.onDelete()
	u.onShowTrash()
	dlg = u.win.Canvas().Overlays().Top()
	if !strings.Contains(labelsText(dlg), "what-if 10% growth") {
		t.Fatalf("trash: %q", labelsText(dlg))
	}
	test.Tap(findButtons(dlg, "Restore")[0])
	if len(u.list.Infos) != 2 {
		t.Errorf("%d listed after restoring from the trash", len(u.list.Infos))
	}
}

func findButtons(o fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	kittest.Walk(o, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		if ok && b.Text == text {
			out = append(out, b)
		}
		return ok
	})
	return out
}
func findEntry(t testing.TB, o fyne.CanvasObject) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	kittest.Walk(o, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && found == nil {
			found = e
		}
		return found != nil
	})
	if found == nil {
		t.Fatal("no entry")
	}
	return found
}

// asyncUI turns the fixture's window to the real, debounced worker, with
// the debounce timer parked so the test decides when the worker runs.
func asyncUI(f *uiFixture) {
	f.u.sync = false
	f.u.live.timer = time.AfterFunc(time.Hour, func() {}) // Reset() re-arms this no-op
}

// confirmDiscardTopDiscard answers Discard in the unsaved-changes dialog,
// if one is shown.
func (u *ui) confirmDiscardTopDiscard(t *testing.T) {
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		if b := findButtons(top, "Discard"); len(b) > 0 {
			test.Tap(b[0])
		}
	}
}

func mustDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
