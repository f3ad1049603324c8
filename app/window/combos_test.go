package window

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/window/results"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// The typical contact centre: 20 online agents growing to 30, 8
// phone agents, 2 bots, 6,000 chats a day, 40,000 call minutes a month,
// 10 numbers, 3 years.
func loadTypical(t *testing.T, f *uiFixture) {
	t.Helper()
	data, err := os.ReadFile("../../pricing/testdata/typical-contact-centre.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scenarios.Decode(data, "typical")
	if err != nil {
		t.Fatal(err)
	}
	f.u.loadScenario(s, "", nil)
}

// The answer comes first: the cheapest way to cover everything, then the
// next ways with the difference to it. Chatopera's bot 36,000.00 +
// Tencent's online 79,920.00 + Aliyun's phone 236,116.80 = 352,036.80
// (handcalc-combos typical-exp); then Tencent for bot and online
// 157,520.00 + Aliyun 236,116.80 = 393,636.80, 41,600.00 (11.8 %) more.
func TestWindowAnswerLineFirst(t *testing.T) {
	f := newUIFixture(t, "zh")
	loadTypical(t, f)
	p := f.u.results
	if got, want := p.Answer.Text, "最便宜的全覆盖方式：Chatopera（机器人） + 腾讯企点（在线客服） + 阿里云（电话） = 352,036.80 元"; got != want || !p.Answer.Visible() {
		t.Errorf("answer %q, want %q", got, want)
	}
	if !strings.Contains(p.Runners.Text, "其次：腾讯企点（机器人、在线客服） + 阿里云（电话） = 393,636.80 元（+41,600.00 元（+11.8%））") ||
		!strings.Contains(p.Runners.Text, "不参与排名") {
		t.Errorf("runners %q", p.Runners.Text)
	}
	en := newUIFixture(t, "en")
	loadTypical(t, en)
	if got := en.u.results.Answer.Text; got != "Cheapest way to cover everything: Chatopera (bot) + Tencent (online chat) + Aliyun (phone) = ¥352,036.80" {
		t.Errorf("answer in English %q", got)
	}
}

// Badges say what a total is; a partial total is greyed and said to be
// partial; the only vendor covering everything is not "cheapest" when a
// combination costs less, and its card shows the difference.
func TestWindowBadgesPartialTotalsAndGap(t *testing.T) {
	f := newUIFixture(t, "zh")
	loadTypical(t, f)
	p := f.u.results
	chat := p.CardViews["chatopera"]
	if chat.Rank.Text != "仅覆盖：机器人" || chat.Total.Text != "36,000.00 元" || chat.Total.Importance != widget.LowImportance {
		t.Errorf("Chatopera: %q %q importance %v", chat.Rank.Text, chat.Total.Text, chat.Total.Importance)
	}
	if r := p.CardViews["aliyun-icc"].Rank.Text; r != "仅覆盖：电话" {
		t.Errorf("Aliyun %q", r)
	}
	if r := p.CardViews["tencent-qidian"].Rank.Text; r != "全覆盖（有未定价项目）" {
		t.Errorf("Tencent before quotes %q", r)
	}
	// The buyer enters Tencent's phone quotes: Tencent is then the only
	// vendor covering everything at known prices, yet not the cheapest way.
	tc := f.u.vendors.Cards["tencent-qidian"]
	test.Type(tc.Prices["phone.number.month"], "30")
	test.Type(tc.Prices["phone.minute"], "0.12")
	v := p.CardViews["tencent-qidian"]
	if v.Rank.Text != "唯一全覆盖" || strings.Contains(v.Rank.Text, "最便宜") {
		t.Errorf("Tencent after quotes: %q", v.Rank.Text)
	}
	if !v.Gap.Visible() || !strings.HasPrefix(v.Gap.Text, "差额：+") || !strings.Contains(v.Gap.Text, "%") {
		t.Errorf("gap %q", v.Gap.Text)
	}
	for _, c := range p.CardViews {
		if strings.Contains(c.Rank.Text, "★") {
			t.Errorf("a ★ while a combination is cheaper: %q", c.Rank.Text)
		}
	}
}

// A single vendor that covers everything and is the cheapest way gets the
// star; a vendor serving none of the needs says 不适用, never 0.00 元.
func TestWindowStarAndNotApplicable(t *testing.T) {
	f := newUIFixture(t, "zh")
	data, _ := os.ReadFile("../../pricing/testdata/combos/single-vendor.kefucost.json")
	s, err := scenarios.Decode(data, "x")
	if err != nil {
		t.Fatal(err)
	}
	f.u.loadScenario(s, "", nil)
	p := f.u.results
	if r := p.CardViews["tencent-qidian"].Rank.Text; r != "★ 最便宜" {
		t.Errorf("Tencent %q", r)
	}
	a := p.CardViews["aliyun-icc"]
	if a.Rank.Text != "不适用" || a.Total.Text != "不适用" || strings.Contains(a.Total.Text, "0.00") {
		t.Errorf("Aliyun %q %q", a.Rank.Text, a.Total.Text)
	}
	// Cards by total among the ranked, then partial, then not applicable.
	if want := []string{"tencent-qidian", "chatopera", "huawei-cec", "aliyun-icc"}; !slices.Equal(p.Order, want) {
		t.Errorf("order %v, want %v", p.Order, want)
	}
	if got := results.Sorted(f.u.result); got[0].Vendor != "tencent-qidian" {
		t.Errorf("sorted %v", got[0].Vendor)
	}
}

// Cards are sorted by total: the whole, priced vendors cheapest first.
func TestWindowCardsSortedByTotal(t *testing.T) {
	f := newUIFixture(t, "en")
	data, _ := os.ReadFile("../../pricing/testdata/handcalc-combos/case1b.kefucost.json")
	s, _ := scenarios.Decode(data, "x")
	// Both Tencent and Aliyun priced for the phones: Tencent's quotes make
	// it whole; Aliyun is partial (no bot).
	s.Vendors["tencent-qidian"] = scenarios.VendorSettings{Prices: map[string]decimal.Decimal{"phone.number.month": decimal.RequireFromString("30"), "phone.minute": decimal.RequireFromString("0.1")}}
	f.u.loadScenario(s, "", nil)
	p := f.u.results
	if p.Order[0] != "tencent-qidian" || p.Order[len(p.Order)-1] == "tencent-qidian" {
		t.Errorf("order %v", p.Order)
	}
	var prev string
	for _, id := range p.Order {
		r := f.u.result.Vendors[slices.IndexFunc(f.u.result.Vendors, func(x *pricing.Result) bool { return x.Vendor == id })]
		if prev == "" && !r.Covers {
			t.Errorf("%s first though partial", id)
		}
		prev = id
	}
}

// Pinning a group to a vendor changes the answer; leaving a vendor out of
// combinations too, while its card stays.
func TestWindowPinAndExclude(t *testing.T) {
	f := newUIFixture(t, "zh")
	loadTypical(t, f)
	u := f.u
	// Aliyun phone pinned away to Huawei (its seats unpriced): no ranked way.
	u.vendors.Pins["online"].SetSelectedIndex(3) // 华为云
	if u.cur.Combine.Pin["online"] != "huawei-cec" {
		t.Fatalf("pin %v", u.cur.Combine.Pin)
	}
	if a := u.results.Answer.Text; !strings.Contains(a, "没有能覆盖全部需求的厂商组合") || !strings.Contains(a, "华为云有未定价项目") {
		t.Errorf("answer with online pinned to Huawei: %q", a)
	}
	u.vendors.Pins["online"].SetSelectedIndex(0)
	if u.cur.Combine.Pin != nil {
		t.Errorf("pin left %v", u.cur.Combine.Pin)
	}
	// Chatopera left out: Tencent takes the bot.
	u.vendors.Cards["chatopera"].Combine.SetChecked(false)
	if !slices.Equal(u.cur.Combine.Exclude, []string{"chatopera"}) {
		t.Fatalf("exclude %v", u.cur.Combine.Exclude)
	}
	if a := u.results.Answer.Text; a != "最便宜的全覆盖方式：腾讯企点（机器人、在线客服） + 阿里云（电话） = 393,636.80 元" {
		t.Errorf("answer without Chatopera: %q", a)
	}
	if _, ok := u.results.CardViews["chatopera"]; !ok || !slices.Contains(u.results.Order, "chatopera") {
		t.Error("Chatopera's card went with it")
	}
	u.vendors.Cards["chatopera"].Combine.SetChecked(true)
	if u.cur.Combine.Exclude != nil {
		t.Errorf("exclude left %v", u.cur.Combine.Exclude)
	}
}

// The buyer's own lines, entered on the vendor's card, count in its total
// and in every combination using it: 300,000 of integration at Chatopera
// make Tencent's bot the cheaper part (77,600 < 36,000 + 300,000).
func TestWindowExtrasChangeTheAnswer(t *testing.T) {
	f := newUIFixture(t, "zh")
	loadTypical(t, f)
	u := f.u
	c := u.vendors.Cards["chatopera"]
	test.Tap(c.AddExtra)
	if len(c.Extras) != 1 || len(u.cur.Vendors["chatopera"].Extras) != 1 {
		t.Fatalf("rows %d, extras %v", len(c.Extras), u.cur.Vendors["chatopera"].Extras)
	}
	row := c.Extras[0]
	row.Name.SetText("")
	test.Type(row.Name, "对接费")
	row.Amount.SetText("")
	test.Type(row.Amount, "300000")
	x := u.cur.Vendors["chatopera"].Extras[0]
	if x.Name != "对接费" || x.Amount.String() != "300000" || x.When != scenarios.ExtraOnce || x.Date != u.cur.Start {
		t.Errorf("extra %+v", x)
	}
	if a := u.results.Answer.Text; a != "最便宜的全覆盖方式：腾讯企点（机器人、在线客服） + 阿里云（电话） = 393,636.80 元" {
		t.Errorf("answer %q", a)
	}
	if got := u.results.CardViews["chatopera"].Total.Text; got != "336,000.00 元" {
		t.Errorf("Chatopera total %q", got)
	}
	// A bad amount is said next to its field, in Chinese; nothing is lost.
	row.Amount.SetText("")
	test.Type(row.Amount, "三千")
	if msg := c.Errs["vendors.chatopera.extras[0].amount"].Text; msg == "" || !c.Errs["vendors.chatopera.extras[0].amount"].Visible() {
		t.Errorf("no message for a bad amount")
	}
	row.Amount.SetText("")
	test.Type(row.Amount, "-5")
	if msg := c.Errs["vendors.chatopera.extras[0].amount"].Text; msg != "不能为负数" {
		t.Errorf("negative amount: %q", msg)
	}
	row.Amount.SetText("0")
	// Monthly from July 2027.
	row.When.SetSelectedIndex(1)
	row.Date.SetText("2027-07-01")
	if x := u.cur.Vendors["chatopera"].Extras[0]; x.When != scenarios.ExtraMonthly || x.Date.String() != "2027-07-01" {
		t.Errorf("extra %+v", x)
	}
	test.Tap(row.Remove)
	if len(u.cur.Vendors["chatopera"].Extras) != 0 || len(c.Extras) != 0 {
		t.Errorf("not removed")
	}
	if a := u.results.Answer.Text; !strings.Contains(a, "352,036.80") {
		t.Errorf("answer after removing %q", a)
	}
}
