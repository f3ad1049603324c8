package pricing

import (
	"testing"

	"kefucost/scenarios"
)

// Every item the engine leaves unpriced for a scenario is bought for a
// demand that scenario asks for, as ItemDemand says: the vendors panel's
// "电话坐席 8 人 → 基础型座席" names a real need, never one the scenario
// does not have.
func TestItemDemandIsWhatTheEngineBuysFor(t *testing.T) {
	files := []string{"testdata/typical-contact-centre.kefucost.json", "testdata/bench-36m.kefucost.json"}
	for _, name := range []string{"mixed-spec-example", "aliyun-numbers-tiers", "huawei-inbound-numbers", "huawei-outbound-calls", "tencent-robot-sessions", "chatopera-asr", "aliyun-seats-12m"} {
		files = append(files, "../app/cli/testdata/scenarios/"+name+".kefucost.json")
	}
	checked := 0
	for _, file := range files {
		s, err := scenarios.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.Vendors {
			for _, item := range r.Unpriced {
				fields := ItemDemand(item)
				used := false
				for _, f := range fields {
					if v, ok := s.Demand.Count(f); ok && v > 0 {
						used = true
					}
					if v, ok := s.Demand.Decimal(f); ok && v.IsPositive() {
						used = true
					}
				}
				if !used {
					t.Errorf("%s: %s %s serves %v, none of which the scenario asks for", file, r.Vendor, item, fields)
				}
				checked++
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d unpriced items checked: the scenarios no longer leave items unpriced", checked)
	}
}
