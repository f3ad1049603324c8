package results

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kefucost/app/window/kit"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// The window shows the purchase schedule in its own part of the results
// (pricing-rules §7.5: the buyer's action plan, "part of every result"),
// one sentence per purchase in the window's language. 10 Aliyun human
// seats for 36 months from 2027-01-01: one 3-year term on the first day,
// 10 × 36 × 199 × 0.65 = 46,566.00 (the independent checker's case 7).
// In Chinese every word is Chinese.
func TestScheduleShownInTheWindow(t *testing.T) {
	a := test.NewTempApp(t)
	s := scenarios.New("t", scenarios.NewDate(2027, time.January, 1))
	s.Demand.ChatsPerDay, s.Demand.OnlineAgents, s.Demand.Bots, s.Demand.PhoneAgents = 0, 0, 0, 10
	no := false
	for _, id := range []string{scenarios.Chatopera, scenarios.Tencent, scenarios.Huawei} {
		s.Vendors[id] = scenarios.VendorSettings{Enabled: &no}
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"zh": "2027-01-01 购买 10 坐席：人工坐席（3 年期），46,566.00 元，有效至 2029-12-31",
		"en": "2027-01-01: buy Human seat (3-year term) × 10 seat, ¥46,566.00, until 2029-12-31",
	} {
		w := test.NewWindow(nil)
		p := New(kit.Lang(lang), pricing.MustCatalog(), w.Canvas(), a.Settings().Theme())
		w.SetContent(p.Content)
		w.Resize(fyne.NewSize(1280, 800))
		p.Show(View{Cmp: c, Scenario: s})
		p.Tabs.SelectIndex(ScheduleTab)
		title := map[string]string{"zh": "购买计划", "en": "Purchases"}[lang]
		if got := p.Tabs.Items[ScheduleTab].Text; got != title {
			t.Errorf("%s: tab %q, want %q", lang, got, title)
		}
		if !p.Schedule.Visible() || p.Schedule.Size().Height <= 0 {
			t.Errorf("%s: the schedule is not on screen", lang)
		}
		text := p.Schedule.Text
		if !strings.Contains(text, want) {
			t.Errorf("%s: schedule\n%s\nhas no line %q", lang, text, want)
		}
		// English amounts, the line explaining the purchase too, are
		// "¥46,566.00" (it read "= 46,566.00 CNY"; neither 元 nor CNY).
		if lang == "en" && (strings.Contains(text, "元") || strings.Contains(text, "CNY") || !strings.Contains(text, "× 0.65 = ¥46,566.00;")) {
			t.Errorf("en: amounts not as English writes them:\n%s", text)
		}
		if lang == "zh" {
			if latin := regexp.MustCompile(`[A-Za-z]+`).FindAllString(text, -1); len(latin) > 0 {
				t.Errorf("zh: English words %q in\n%s", latin, text)
			}
		}
		w.Close()
	}
}
