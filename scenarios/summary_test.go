package scenarios

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func example(t testing.TB) *Scenario {
	t.Helper()
	s, err := ReadFile("testdata/spec-example.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSummarize(t *testing.T) {
	base := example(t)
	if got := Summarize(nil, base); got != "created" {
		t.Fatalf("nil old: %q", got)
	}
	if got := Summarize(base, base.Clone()); got != "no changes" {
		t.Fatalf("same: %q", got)
	}
	dec := decimal.RequireFromString
	eight, ten := int64(8), int64(10)
	share := dec("0.5")
	cases := []struct {
		edit func(s *Scenario)
		want string
	}{
		{func(s *Scenario) { s.Months = 24 }, "months 36→24"},
		{func(s *Scenario) { s.Demand.OnlineAgents = 8 }, "demand.online_agents 5→8"},
		{func(s *Scenario) { s.Start = NewDate(2027, 2, 1) }, "start 2027-01-01→2027-02-01"},
		{func(s *Scenario) { s.Name = "新 名" }, `name "2027 客服中心采购"→"新 名"`},
		{func(s *Scenario) { s.Demand.AvgCallMinutes = dec("2.5") }, "demand.avg_call_minutes 3→2.5"},
		{func(s *Scenario) { s.Demand.CallLength = CallFixed }, "demand.call_length exponential→fixed"},
		{func(s *Scenario) { s.PriceDate = NewDate(2023, 12, 1) }, "price_date latest→2023-12-01"},
		{func(s *Scenario) { s.DiscountRate = dec("0.05") }, "discount_rate 0→0.05"},
		{func(s *Scenario) {
			v := s.Vendors[Huawei]
			v.Prices = map[string]decimal.Decimal{"seat.online.month": dec("160"), "x.y": dec("1")}
			s.Vendors[Huawei] = v
		}, "vendors.huawei-cec.prices[seat.online.month] 150→160; vendors.huawei-cec.prices[x.y] set 1"},
		{func(s *Scenario) {
			v := s.Vendors[Huawei]
			v.Prices = nil
			s.Vendors[Huawei] = v
		}, "vendors.huawei-cec.prices[seat.online.month] removed (was 150)"},
		{func(s *Scenario) {
			no := false
			v := s.Vendors[Aliyun]
			v.Enabled = &no
			s.Vendors[Aliyun] = v
		}, "vendors.aliyun-icc.enabled true→false"},
		{func(s *Scenario) {
			d := dec("0.85")
			s.Vendors[Tencent] = VendorSettings{Plan: "tencent-x", Discount: &d}
		}, "vendors.tencent-qidian.plan auto→tencent-x; vendors.tencent-qidian.discount 1→0.85"},
		{func(s *Scenario) { delete(s.Vendors, Chatopera) }, "no changes"}, // absent means defaults
		{func(s *Scenario) {
			s.Vendors[Chatopera] = VendorSettings{Options: map[string]bool{"asr": true}}
		}, "vendors.chatopera.options[asr] set true"},
		{func(s *Scenario) { s.Changes[0].OnlineAgents = &ten }, "changes[0].online_agents 8→10"},
		{func(s *Scenario) { s.Changes[0].Bots = &eight }, "changes[0].bots set 8"},
		{func(s *Scenario) { s.Changes[0].RecordedShare = &share }, "changes[0].recorded_share set 0.5"},
		{func(s *Scenario) { s.Changes = nil }, "changes[0] removed (was from 2027-07-01, online_agents 8)"},
		{func(s *Scenario) {
			s.Changes = append(s.Changes, Change{Date: NewDate(2028, 1, 1), PhoneAgents: &ten})
		}, "changes[1] added (from 2028-01-01, phone_agents 10)"},
	}
	for _, c := range cases {
		n := base.Clone()
		c.edit(n)
		if got := Summarize(base, n); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
	// Many changes are cut short.
	n := base.Clone()
	for i, f := range CountFieldNames() {
		n.Demand.SetCount(f, int64(1000+i))
	}
	got := Summarize(base, n)
	if !strings.HasSuffix(got, "; … and 5 more") || strings.Count(got, ";") != maxSummaryParts {
		t.Fatalf("long summary %q", got)
	}
}
