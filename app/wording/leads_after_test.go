package wording

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"kefucost/pricing"
	"kefucost/scenarios"
)

// The cumulative lead counts cash month by month; a way paying after the
// horizon (an on-demand month settled on the 1st after the end) has that
// in its total but in no month: the sentence says so, with the amount,
// so that it is not read against the totals' ranking.
func TestLeadsSayCashAfterTheHorizon(t *testing.T) {
	d := decimal.RequireFromString
	c := &pricing.Comparison{
		Months:      3,
		MonthStarts: []scenarios.Date{mustDate(t, "2027-01-01"), mustDate(t, "2027-02-01"), mustDate(t, "2027-03-01")},
		Vendors: []*pricing.Result{
			{Vendor: scenarios.Tencent, Complete: true, Covers: true, Total: d("3000"), Monthly: []decimal.Decimal{d("1000"), d("1000"), d("1000")}},
			{Vendor: scenarios.Huawei, Complete: true, Covers: true, Total: d("3080"), AfterHorizon: d("1080"),
				Monthly: []decimal.Decimal{d("1000"), d("500"), d("500")}},
		},
	}
	zh := LeadsText("zh", c)
	if want := "累计支出：起初腾讯企点最低；从 2027-02 起华为云比腾讯企点便宜（按月累计，不含期末之后才支付的期内用量：华为云 1,080.00 元；合计金额已含）。"; zh != want {
		t.Errorf("zh:\n%s\nwant\n%s", zh, want)
	}
	en := LeadsText("en", c)
	if !strings.Contains(en, "without cash paid after the horizon for use within it: Huawei ¥1,080.00; the totals include it).") {
		t.Errorf("en: %s", en)
	}
	// Nothing paid after the horizon: nothing said.
	c.Vendors[1].AfterHorizon = decimal.Zero
	if s := LeadsText("zh", c); strings.Contains(s, "期末") {
		t.Errorf("no cash after the horizon, yet: %s", s)
	}
}

func mustDate(t *testing.T, s string) scenarios.Date {
	t.Helper()
	d, err := scenarios.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
