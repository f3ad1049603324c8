package wording

import (
	"testing"
	"time"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// The break-even sweep moves only a field's starting value; its dated
// changes stay as planned (pricing.Sweep), unlike the tornado. The chart
// and the window say so, with each change's date and value, when the
// swept field has any; nothing when it has none.
func TestSweepSaysTheFieldsDatedChangesStayAsPlanned(t *testing.T) {
	s := scenarios.New("t", scenarios.NewDate(2027, time.January, 1))
	s.Demand.PhoneAgents = 12
	n := func(v int64) *int64 { return &v }
	s.Changes = []scenarios.Change{
		{Date: scenarios.NewDate(2027, time.July, 1), ChatsPerDay: n(5000)},
		{Date: scenarios.NewDate(2028, time.January, 1), PhoneAgents: n(20)},
	}
	for _, tc := range []struct{ lang, field, want string }{
		{"zh", "phone_agents", "横轴只改电话坐席的起始值，它的计划变更照旧（2028-01-01 起 20）"},
		{"en", "phone_agents", "the axis moves only the starting value of phone agents; its planned changes stay as planned (20 from 2028-01-01)"},
		{"zh", "chats_per_day", "横轴只改每日机器人对话的起始值，它的计划变更照旧（2027-07-01 起 5,000）"},
		{"zh", "online_agents", ""},
		{"en", "online_agents", ""},
	} {
		if got := SweepKeepsChanges(tc.lang, s, tc.field); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.lang, tc.field, got, tc.want)
		}
	}
	// Many changes: the first three, then how many more.
	for m := time.February; m <= time.June; m++ {
		s.Changes = append(s.Changes, scenarios.Change{Date: scenarios.NewDate(2028, m, 1), PhoneAgents: n(int64(m) + 20)})
	}
	want := "横轴只改电话坐席的起始值，它的计划变更照旧（2028-01-01 起 20、2028-02-01 起 22、2028-03-01 起 23，等另 3 条）"
	if got := SweepKeepsChanges("zh", s, "phone_agents"); got != want {
		t.Errorf("six changes: %q, want %q", got, want)
	}
	if got := SweepKeepsChanges("en", s, "phone_agents"); got != "the axis moves only the starting value of phone agents; its planned changes stay as planned (20 from 2028-01-01, 22 from 2028-02-01, 23 from 2028-03-01, and 3 more)" {
		t.Errorf("six changes en: %q", got)
	}
}

// A vendor cheapest at 0.00 (Aliyun, asked only for IVR channels, which
// its service includes) is not starred as plain "cheapest": a star on
// 0.00 reads as "free and best" (reviewer R12); the badge says nothing is
// charged and points to the notes, which say why.
func TestCheapestAtZeroSaysNothingIsCharged(t *testing.T) {
	s := scenarios.New("t", scenarios.NewDate(2027, time.January, 1))
	s.Demand = scenarios.DefaultDemand()
	s.Demand.ChatsPerDay, s.Demand.OnlineAgents, s.Demand.Bots = 0, 0, 0
	s.Demand.IVRChannels = 10
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Vendors {
		if r.Vendor != scenarios.Aliyun {
			continue
		}
		for lang, want := range map[string]string{"zh": "★ 最便宜：不另收费，见说明", "en": "★ cheapest: nothing charged, see the notes"} {
			if got := Badge(lang, c, r); got != want {
				t.Errorf("%s: Aliyun at %s badged %q, want %q", lang, r.Total, got, want)
			}
		}
		for lang, want := range map[string]string{"zh": "最便宜的全覆盖方式：阿里云（电话） = 0.00 元（不另收费，见说明）", "en": "Cheapest way to cover everything: Aliyun (phone) = ¥0.00 (nothing charged; see the notes)"} {
			if got := Answer(lang, c); got != want {
				t.Errorf("%s: answer %q, want %q", lang, got, want)
			}
		}
	}
}
