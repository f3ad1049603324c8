package window

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2/lang"

	"kefucost/app"
	"kefucost/app/window/kit"
	"kefucost/app/window/kit/kittest"
	"kefucost/app/window/results"
	"kefucost/app/wording"
	"kefucost/assets"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Tests of the window as a buyer uses it (issue 12): history entries as
// sentences, every word in Chinese, quotes, mistakes, habits.

// A quote entered in the vendors panel shows in the history as a
// sentence in the buyer's words, not as the file's field path.
func TestHistoryEntriesAreSentences(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "甲方案")
	u.onSave()
	card := u.vendors.Cards["tencent-qidian"]
	u.vendors.EnsurePriceRow(card, "phone.minute")
	typeInto(card.Prices["phone.minute"], "0.12")
	u.onSave()
	u.onHistory()
	dlg := u.win.Canvas().Overlays().Top()
	want := wording.VendorNameByID("zh", "tencent-qidian") + " " + wording.ItemName("zh", "tencent-qidian", "phone.minute") + " 报价改为 0.12 元"
	if got := labelsText(dlg); !strings.Contains(got, want) || strings.Contains(got, "vendors.") {
		t.Errorf("history: %q, want it to say %q", got, want)
	}
}

// readTexts lists every text a person can read in o: labels, buttons,
// checks, selects (chosen and offered), placeholders, cards, tabs, form
// items and their hints. What the user typed into entries is user data
// and is not listed.
func readTexts(o fyne.CanvasObject) []string {
	var out []string
	add := func(s ...string) {
		for _, x := range s {
			if strings.TrimSpace(x) != "" {
				out = append(out, x)
			}
		}
	}
	kittest.Walk(o, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			add(x.Text)
			return true
		case *kit.Para:
			add(x.Text)
			return true
		case *kit.CheckText:
			add(x.Text)
			return true
		case *widget.Button:
			add(x.Text)
			return true
		case *widget.Check:
			add(x.Text)
			return true
		case *widget.Select:
			add(x.Selected, x.PlaceHolder)
			add(x.Options...)
			return true
		case *widget.Entry:
			add(x.PlaceHolder)
			return true
		case *widget.RichText:
			add(x.String())
			return true
		case *canvas.Text:
			add(x.Text)
			return true
		case *widget.Card:
			add(x.Title, x.Subtitle)
			if x.Content != nil {
				out = append(out, readTexts(x.Content)...)
			}
			return true
		case *widget.Form:
			for _, it := range x.Items {
				add(it.Text, it.HintText)
				out = append(out, readTexts(it.Widget)...)
			}
			return true
		case *container.AppTabs:
			for _, it := range x.Items {
				add(it.Text)
				out = append(out, readTexts(it.Content)...)
			}
			return true
		case *widget.Accordion:
			for _, it := range x.Items {
				add(it.Title)
				out = append(out, readTexts(it.Detail)...)
			}
			return true
		case *widget.Table:
			for _, c := range test.LaidOutObjects(x) {
				if fmt.Sprintf("%T", c) == "*widget.tableCells" {
					out = append(out, readTexts(c)...)
				}
			}
		}
		return false
	})
	return out
}

// latinRun is a run of Latin letters (with the marks a word may carry).
var latinRun = regexp.MustCompile(`[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]`)

// allowedLatin: brand names, abbreviations the vendors' Chinese documents
// use themselves, and unit symbols.
var allowedLatin = map[string]bool{
	"Chatopera": true, "CEC": true, "ICC": true, "kefucost": true,
	"AI": true, "ASR": true, "IVR": true, "API": true, "IM": true, "UTC": true,
	"PNG": true, "SVG": true, "PDF": true, "Excel": true, "KB": true, "MB": true,
	"TTS": true, "APP": true, "IP": true,
	"English": true, // the language menu names each language in itself
}

var webAddress = regexp.MustCompile(`https?://[^\s（）()]+`)

// latinWords are the Latin runs in texts that are not allowed, with the
// text each came from; user data (the scenario's name, what was typed)
// is taken out first.
func latinWords(texts []string, user ...string) []string {
	var bad []string
	for _, s := range texts {
		for _, u := range user {
			if u != "" {
				s = strings.ReplaceAll(s, u, "")
			}
		}
		// A public address (a source's page) is no word to translate.
		s = webAddress.ReplaceAllString(s, "")
		for _, w := range latinRun.FindAllString(s, -1) {
			if !allowedLatin[w] {
				ctx := []rune(strings.ReplaceAll(s, "\n", " "))
				i := strings.Index(string(ctx), w)
				from := max(0, len([]rune(string(ctx)[:max(0, i)]))-15)
				ctx = ctx[from:min(len(ctx), from+50)]
				bad = append(bad, fmt.Sprintf("%q in …%s…", w, string(ctx)))
				break // one word a text is enough to find it
			}
		}
	}
	return bad
}

// In Chinese every word a person reads in the window is Chinese: every
// widget of every tab (inputs and results, each vendor's breakdown with
// each line's explanation), the menus and the About box.
func TestEveryWordChinese(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "Q3 quote")
	var texts []string
	texts = append(texts, readTexts(u.win.Content())...)
	// Every vendor's breakdown, and every line's explanation.
	u.results.Tabs.SelectIndex(results.BreakdownTab)
	for i := range u.results.VendorSel.Options {
		u.results.VendorSel.SetSelectedIndex(i)
		texts = append(texts, readTexts(u.results.Content)...)
		if r := u.results.Selected(); r != nil {
			for row := range r.Lines {
				u.results.Table.Select(widget.TableCellID{Row: row, Col: 0})
				texts = append(texts, readTexts(u.results.Content)...)
			}
		}
	}
	// The what-if tabs: whose total, the break-even field picker, its
	// range and the message for a range that is not one.
	for _, title := range []string{"敏感性", "盈亏平衡"} {
		u.results.Tabs.SelectIndex(tabIndex(t, u, title))
		texts = append(texts, readTexts(u.results.Content)...)
	}
	typeInto(u.sense.To, "x")
	texts = append(texts, readTexts(u.results.Content)...)
	if all := strings.Join(texts, "\n"); !strings.Contains(all, "最便宜的全覆盖方式") || !strings.Contains(all, "范围须为整数") {
		t.Error("the what-if tabs' words were not read")
	}
	for _, m := range u.win.MainMenu().Items {
		texts = append(texts, m.Label)
		for _, it := range m.Items {
			texts = append(texts, it.Label)
		}
	}
	texts = append(texts, u.win.Title())
	// The About box; its licences are the Chinese licence text (package
	// assets checks it is readable, without Markdown), whose works keep
	// their own names (WenQuanYi, fyne.io/fyne/v2, …).
	u.onAbout()
	lic := false
	for _, s := range readTexts(u.win.Canvas().Overlays().Top()) {
		if s == assets.LicensesText("zh") {
			lic = true
			continue
		}
		texts = append(texts, s)
	}
	if !lic {
		t.Error("the About box does not show the licences in Chinese")
	}
	// Fyne's own texts (its dialogs' buttons) follow the window.
	if got := lang.L("Cancel"); got == "Cancel" {
		t.Errorf("Fyne's own texts are not in Chinese: Cancel = %q", got)
	}
	// Two revisions side by side (History → 对比), and the picker of
	// saved scenarios to compare with.
	u.win.Canvas().Overlays().Top().Hide()
	u.onSave()
	typeInto(f.field("demand.phone_agents").Entry, "11")
	u.onHistory()
	hist := u.win.Canvas().Overlays().Top()
	texts = append(texts, readTexts(hist)...)
	waitCompared(t, u, func() { test.Tap(findButtons(hist, "对比")[0]) })
	texts = append(texts, readTexts(u.win.Canvas().Overlays().Top())...)
	if all := strings.Join(texts, "\n"); !strings.Contains(all, "差额来自哪些明细行") || !strings.Contains(all, "电话坐席") {
		t.Errorf("the comparison's words (its lines, the inputs that differ) were not read: %s", readTexts(u.win.Canvas().Overlays().Top()))
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.onCompareSaved()
	texts = append(texts, readTexts(u.win.Canvas().Overlays().Top())...)
	if bad := latinWords(texts, "Q3 quote", f.db); len(bad) > 0 {
		t.Errorf("%d Latin words in the Chinese window:\n%s", len(bad), strings.Join(dedupe(bad), "\n"))
	}
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// The need an unpriced item serves is stated at its peak as the engine
// prices it (pricing.PeakDemand): the typical contact centre's 40,000
// inbound minutes a month growing 5 % a month reach 40,000 × 1.05^35 =
// 220,641 in month 36, the volume Tencent's call minutes are quoted for
// (the panel's own reckoning ignored growth and said 40,000).
func TestQuoteNeedIsTheEnginesGrownPeak(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	loadTypical(t, f)
	typeInto(f.field("demand.growth_per_month").Entry, "0.05")
	tq := resultFor(u.result, "tencent-qidian")
	if tq == nil || kit.IndexOf(tq.Unpriced, "phone.minute") < 0 {
		t.Fatalf("precondition: Tencent's call minutes are unpriced: %+v", tq)
	}
	got := u.vendors.Cards["tencent-qidian"].Serves("phone.minute")
	if !strings.Contains(got, "每月呼入 220,641") || strings.Contains(got, "40,000") {
		t.Errorf("Tencent's call minutes serve %q, want the grown peak 每月呼入 220,641", got)
	}
}

// The vendors panel lists first the unpriced items this scenario needs,
// each with the need it serves, then the rest folded away; its status
// states coverage as well as prices.
func TestQuotesNeededFirst(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(f.field("demand.phone_agents").Entry, "8")
	hw := resultFor(u.result, "huawei-cec")
	if hw == nil || len(hw.Unpriced) == 0 {
		t.Fatalf("precondition: Huawei has unpriced needs: %+v", hw)
	}
	card := u.vendors.Cards["huawei-cec"]
	need := card.NeedRows()
	if strings.Join(need, ",") != strings.Join(hw.Unpriced, ",") {
		t.Errorf("rows shown first %v, want the unpriced needs %v", need, hw.Unpriced)
	}
	if len(card.OtherRows()) == 0 || !card.OtherFolded() {
		t.Errorf("the other unpriced items are not folded away: %v (folded %v)", card.OtherRows(), card.OtherFolded())
	}
	basic := wording.ItemName("zh", "huawei-cec", "seat.basic.month")
	if got := card.Serves("seat.basic.month"); !strings.Contains(got, "电话坐席 8") || !strings.Contains(got, "→ "+basic) {
		t.Errorf("the seat row says %q, want 电话坐席 8 … → %s", got, basic)
	}
	for _, id := range need {
		if card.Serves(id) == "" {
			t.Errorf("%s does not say which need it serves", id)
		}
	}
	// Aliyun: covering only part of the needs is said before prices.
	al := resultFor(u.result, "aliyun-icc")
	st := u.vendors.Cards["aliyun-icc"].Status
	if al != nil && !al.Covers && (!strings.Contains(st.Text, "不覆盖") || strings.Contains(st.Text, "✓") || st.Importance == widget.SuccessImportance) {
		t.Errorf("Aliyun does not cover %v; its status says %q", al.Uncovered, st.Text)
	}
	// A quote entered keeps its row first; a row asked for comes first.
	typeInto(card.Prices[need[0]], "150")
	if got := card.NeedRows(); kit.IndexOf(got, need[0]) < 0 {
		t.Errorf("the quoted %s left the first rows: %v", need[0], got)
	}
}

// A refused save names the field and opens its tab; a tab holding an error
// is marked; a discount said the Chinese way and an impossible date say
// how to write them.
func TestMistakesNameTheirFieldAndTab(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "甲")
	typeInto(u.vendors.Cards["huawei-cec"].Discount, "8.5")
	u.inputs.SelectIndex(0)
	if !strings.Contains(u.inputs.Items[1].Text, "⚠") || strings.Contains(u.inputs.Items[0].Text, "⚠") {
		t.Errorf("tabs %q, %q: only the vendors tab holds an error", u.inputs.Items[0].Text, u.inputs.Items[1].Text)
	}
	errL := u.vendors.Cards["huawei-cec"].Errs["vendors.huawei-cec.discount"]
	if !errL.Visible() || !strings.Contains(errL.Text, "0.85") {
		t.Errorf("discount 8.5: %q, want a suggestion of 0.85", errL.Text)
	}
	u.onSave()
	dlg := u.win.Canvas().Overlays().Top()
	got := labelsText(dlg)
	if !strings.Contains(got, wording.VendorNameByID("zh", "huawei-cec")+" 谈判折扣") || !strings.Contains(got, "0.85") || !strings.Contains(got, "供应商") {
		t.Errorf("save refusal %q does not name the field, its fix and its tab", got)
	}
	if u.inputs.SelectedIndex() != 1 {
		t.Errorf("the refusal did not open the vendors tab (tab %d)", u.inputs.SelectedIndex())
	}
	if h, _ := f.store.History("甲"); len(h) != 0 {
		t.Errorf("saved %d revisions of an invalid scenario", len(h))
	}
	dlg.Hide()
	typeInto(u.vendors.Cards["huawei-cec"].Discount, "0.85")
	if strings.Contains(u.inputs.Items[1].Text, "⚠") {
		t.Errorf("the vendors tab stays marked after the fix: %q", u.inputs.Items[1].Text)
	}
	// A date that does not exist says why.
	typeInto(f.field("start").Entry, "2027-02-30")
	if got := f.field("start").Note.Text; !strings.Contains(got, "2 月只有 28 天") {
		t.Errorf("2027-02-30: %q", got)
	}
	if !strings.Contains(u.inputs.Items[0].Text, "⚠") {
		t.Errorf("the requirements tab is not marked: %q", u.inputs.Items[0].Text)
	}
}

// Habits: the scenario last open reopens at the next start; "New" starts
// from no demand at all, the sample is one click away under Help.
func TestHabitsLastScenarioNewAndSample(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	if u.cur.Name != "示例方案" || u.cur.Demand.OnlineAgents == 0 {
		t.Errorf("the first start opens %q with %d online agents, want the sample", u.cur.Name, u.cur.Demand.OnlineAgents)
	}
	u.onNew()
	for _, name := range scenarios.CountFieldNames() {
		if v, _ := u.cur.Demand.Count(name); v != 0 && name != "messages_per_chat" {
			t.Errorf("New starts with %s = %d", name, v)
		}
	}
	if errs := pricing.Validate(u.cur); len(errs) > 0 {
		t.Errorf("a new scenario is not valid: %v", errs)
	}
	typeInto(u.form.Name, "乙")
	typeInto(f.field("demand.online_agents").Entry, "9")
	u.onSave()
	// The next start (a new window on the same preferences and store).
	u2 := newUI(f.app, storeOpen{store: f.store}, runMode{sync: true, noCharts: true})
	t.Cleanup(u2.live.stop)
	if u2.savedName != "乙" || u2.cur.Demand.OnlineAgents != 9 || u2.dirty() {
		t.Errorf("the next start opened %q (online agents %d, dirty %v), want 乙", u2.savedName, u2.cur.Demand.OnlineAgents, u2.dirty())
	}
	// The sample under Help.
	u2.onSample()
	if u2.cur.Name != "示例方案" || u2.cur.Demand.OnlineAgents != scenarios.DefaultDemand().OnlineAgents || u2.savedName != "" {
		t.Errorf("Help ▸ sample opened %q, %d online agents", u2.cur.Name, u2.cur.Demand.OnlineAgents)
	}
}

// Every toolbar icon names itself when pointed at, in the window's
// language.
func TestToolbarTooltips(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	var tips []*kit.TipButton
	kittest.Walk(u.win.Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*kit.TipButton); ok {
			tips = append(tips, b)
			return true
		}
		if _, ok := o.(*widget.Button); ok {
			return true
		}
		return false
	})
	var icons int
	kittest.Walk(u.win.Content(), func(o fyne.CanvasObject) bool {
		if tb, ok := o.(*widget.Toolbar); ok {
			for _, it := range tb.Items {
				if _, sep := it.(*widget.ToolbarSeparator); !sep {
					if _, sp := it.(*widget.ToolbarSpacer); !sp {
						icons++
					}
				}
			}
			return true
		}
		return false
	})
	if len(tips) == 0 || len(tips) != icons {
		t.Fatalf("%d of %d toolbar icons have a tooltip", len(tips), icons)
	}
	for _, b := range tips {
		if b.Tip == "" || len(latinWords([]string{b.Tip})) > 0 {
			t.Errorf("tooltip %q", b.Tip)
		}
	}
	// Pointing as the driver does (kit's TestTooltipLetsTheClickThrough
	// has the click through the tooltip).
	c, d := u.win.Canvas(), fyne.CurrentApp().Driver()
	u.win.Resize(fyne.NewSize(1280, 800))
	at := d.AbsolutePositionForObject(tips[0]).AddXY(tips[0].Size().Width/2, tips[0].Size().Height/2)
	test.MoveMouse(c, at)
	if top := u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelsText(top), tips[0].Tip) {
		t.Errorf("pointing at the first icon shows no tooltip %q", tips[0].Tip)
	}
	test.MoveMouse(c, fyne.NewPos(640, 400))
	if top := u.win.Canvas().Overlays().Top(); top != nil && strings.Contains(labelsText(top), tips[0].Tip) {
		t.Error("the tooltip stays after the pointer left")
	}
}

// Light, dark or the system's theme, remembered; the charts follow.
func TestThemeChoiceRemembered(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	u.setThemeMode("dark")
	if got := f.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != dark || !u.isDark() {
		t.Errorf("dark: background %v, isDark %v", got, u.isDark())
	}
	u.setThemeMode("light")
	if got := f.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != light || u.isDark() {
		t.Errorf("light: background %v, isDark %v", got, u.isDark())
	}
	if f.app.Preferences().String(prefTheme) != "light" {
		t.Error("the choice is not remembered")
	}
	u.setThemeMode("")
	if got := f.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != dark {
		t.Errorf("system: the dark variant's background is %v", got)
	}
	var labels []string
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Checked {
				labels = append(labels, it.Label)
			}
		}
	}
	if !strings.Contains(strings.Join(labels, ","), "跟随系统") {
		t.Errorf("checked menu items %v", labels)
	}
}

// Nothing important is cut off at 1280×800 and 1920×1080 in either
// language: card texts wrap instead of ending in "…", every amount is
// drawn whole, the breakdown fits its pane (breakdownFits).
func TestNothingImportantCutOff(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		for _, lang := range []string{"zh", "en"} {
			t.Run(fmt.Sprint(lang, size), func(t *testing.T) {
				f := newUIFixture(t, lang)
				u := f.u
				u.win.Resize(size)
				u.loadScenario(uiBenchScenario(t), "", nil)
				u.win.Resize(size.SubtractWidthHeight(1, 0))
				u.win.Resize(size)
				var labels []*widget.Label
				kittest.Walk(u.results.Cards, func(o fyne.CanvasObject) bool {
					if lb, ok := o.(*widget.Label); ok {
						labels = append(labels, lb)
						return true
					}
					return false
				})
				if len(labels) == 0 {
					t.Fatal("no card labels")
				}
				for _, lb := range labels {
					if lb.Truncation != fyne.TextTruncateOff {
						t.Errorf("card text %q may end in …", lb.Text)
					}
				}
				for id, v := range u.results.CardViews {
					if v.Total.MinSize().Width > v.Total.Size().Width+0.5 {
						t.Errorf("%s: the amount %q (%.0f px) does not fit its %.0f px", id, v.Total.Text, v.Total.MinSize().Width, v.Total.Size().Width)
					}
				}
				// The change-field picker shows its field's whole name.
				u.form.Changes.Add()
				u.win.Resize(size.SubtractWidthHeight(1, 0))
				u.win.Resize(size)
				r := u.form.Changes.Rows[len(u.form.Changes.Rows)-1]
				th := f.app.Settings().Theme()
				longest, need := "", float32(0)
				for _, o := range r.Sel.Options {
					if w := fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width; w > need {
						longest, need = o, w
					}
				}
				if r.Sel.Size().Width < need+20 {
					t.Errorf("the change-field picker is %.0f px for %q (%.0f px)", r.Sel.Size().Width, longest, need)
				}
				breakdownFits(t, u, th)
			})
		}
	}
}

// breakdownFits checks every vendor's breakdown in the window as laid out:
// the columns add up to no more than the pane (no sideways scrolling to
// reach the unit price); every amount fits its column on one line; every
// other text (titles included) fits its column word by word and its row is
// as tall as the text wrapped there (nothing ends in "…").
func breakdownFits(t *testing.T, u *ui, th fyne.Theme) {
	t.Helper()
	u.results.Tabs.SelectIndex(results.BreakdownTab)
	size := th.Size(theme.SizeNameText)
	pad := 2 * th.Size(theme.SizeNameInnerPadding)
	bold := fyne.TextStyle{Bold: true}
	titles := results.Columns()
	// fits reports why text does not fit column c in a row h px tall.
	fits := func(text string, c int, h float32, style fyne.TextStyle) string {
		w := u.results.ColumnWidth(c)
		if c == results.AmountColumn {
			if need := fyne.MeasureText(text, size, style).Width + pad; need > w {
				return fmt.Sprintf("%q needs %.0f px, the column is %.0f px", text, need, w)
			}
			return ""
		}
		words := strings.Fields(text)
		if c == 0 {
			words = results.WrapUnits(text) // an item's name wraps as Chinese does
		}
		for _, word := range words {
			if need := fyne.MeasureText(word, size, style).Width + pad; need > w {
				return fmt.Sprintf("%q in %q needs %.0f px, the column is %.0f px", word, text, need, w)
			}
		}
		lb := widget.NewLabel(text)
		lb.TextStyle = style
		lb.Wrapping = fyne.TextWrapWord
		lb.Resize(fyne.NewSize(w, 1))
		if need := lb.MinSize().Height; need > h {
			return fmt.Sprintf("%q needs %.0f px of height, its row is %.0f px", text, need, h)
		}
		return ""
	}
	for v := range u.results.VendorSel.Options {
		u.results.VendorSel.SetSelectedIndex(v)
		r := u.results.Selected()
		pane := u.results.Table.Size().Width
		total := float32(0)
		for c := range titles {
			total += u.results.ColumnWidth(c)
		}
		if total > pane {
			t.Errorf("%s: the columns take %.0f px of a %.0f px pane", r.Vendor, total, pane)
		}
		for c, key := range titles {
			if why := fits(u.lang.T(key), c, u.results.HeaderHeight(), bold); why != "" {
				t.Errorf("%s: title: %s", r.Vendor, why)
			}
		}
		// Every line and the total under them.
		if n := u.results.Rows(); n != len(r.Lines)+1 {
			t.Errorf("%s: %d rows for %d lines and the total", r.Vendor, n, len(r.Lines))
		}
		for i := range u.results.Rows() {
			for c := range titles {
				if why := fits(u.results.CellText(i, c), c, u.results.RowHeight(i), u.results.RowStyle(i)); why != "" {
					t.Errorf("%s row %d: %s", r.Vendor, i, why)
				}
			}
		}
	}
}

// A field names its period once: "每月呼入 220,641 分钟", not "每月呼入
// 220,641 分钟/月" (the label says 每月 and the unit said /月 again), in
// the form (label, field, unit) and in the quotes' needs ("用于 每月呼入
// 220,641 分钟 → …"), in both languages.
func TestFieldSaysItsPeriodOnce(t *testing.T) {
	periods := map[string][]*regexp.Regexp{
		"zh": {regexp.MustCompile(`月`), regexp.MustCompile(`[日天]`), regexp.MustCompile(`年`), regexp.MustCompile(`次`)},
		"en": {regexp.MustCompile(`(?i)day`), regexp.MustCompile(`(?i)month`), regexp.MustCompile(`(?i)year`), regexp.MustCompile(`(?i)chat`)},
	}
	twice := func(lang, s string) bool {
		for _, re := range periods[lang] {
			if len(re.FindAllString(s, -1)) > 1 {
				return true
			}
		}
		return false
	}
	checked := 0
	for _, lang := range []string{"zh", "en"} {
		for key := range wording.Messages(lang) {
			f, ok := strings.CutPrefix(key, "unit.")
			if !ok {
				continue
			}
			label, ok := wording.Lookup(lang, "field."+f)
			if !ok {
				continue
			}
			if s := label + " 1,000 " + wording.Text(lang, key); twice(lang, s) {
				t.Errorf("%s: the form reads %q", lang, s)
			}
			checked++
		}
		f := newUIFixture(t, lang)
		s, err := app.LoadScenario("../../pricing/testdata/typical-contact-centre.kefucost.json")
		if err != nil {
			t.Fatal(err)
		}
		f.u.loadScenario(s, "", nil)
		needs := 0
		for id, card := range f.u.vendors.Cards {
			for _, item := range card.NeedRows() {
				text := card.Serves(item)
				if strings.Contains(text, "→") {
					needs++
				}
				// The need is what comes before the item's name.
				need, _, _ := strings.Cut(text, "→")
				for _, one := range strings.Split(need, wording.Text(lang, "list.sep")) {
					if twice(lang, one) {
						t.Errorf("%s %s %s: %q", lang, id, item, text)
					}
				}
			}
		}
		if needs == 0 {
			t.Errorf("%s: no need row says what it serves: nothing checked", lang)
		}
	}
	if checked < 20 {
		t.Errorf("only %d fields with units checked", checked)
	}
}

// In English an amount is "¥46,566.00", never "46,566.00 元": every
// widget of every results tab (each vendor's breakdown with each line's
// explanation, the purchase schedule with the line under each purchase)
// and the vendors tab, for a scenario with every vendor's purchases.
func TestEnglishWindowWritesNoYuan(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	for _, file := range []string{"../../pricing/testdata/bench-36m.kefucost.json", "../cli/testdata/scenarios/aliyun-seats-36m.kefucost.json"} {
		s, err := app.LoadScenario(file)
		if err != nil {
			t.Fatal(err)
		}
		u.loadScenario(s, "", nil)
		var texts []string
		texts = append(texts, readTexts(u.win.Content())...)
		for i := range u.results.Tabs.Items {
			u.results.Tabs.SelectIndex(i)
			texts = append(texts, readTexts(u.results.Content)...)
		}
		u.results.Tabs.SelectIndex(results.BreakdownTab)
		for i := range u.results.VendorSel.Options {
			u.results.VendorSel.SetSelectedIndex(i)
			if r := u.results.Selected(); r != nil {
				for row := range r.Lines {
					u.results.Table.Select(widget.TableCellID{Row: row, Col: 0})
					texts = append(texts, readTexts(u.results.Content)...)
				}
			}
		}
		u.inputs.SelectIndex(1)
		texts = append(texts, readTexts(u.win.Content())...)
		u.inputs.SelectIndex(0)
		all := strings.Join(texts, "\n")
		if !strings.Contains(all, "¥") {
			t.Fatalf("%s: no amount read", file)
		}
		for _, s := range texts {
			if strings.Contains(strings.ReplaceAll(s, s0(u), ""), "元") {
				t.Errorf("%s: %q", file, s)
			}
		}
	}
}

// s0 is the scenario's name (user data, in any language).
func s0(u *ui) string {
	if u.cur.Name == "" {
		return "\x00"
	}
	return u.cur.Name
}
