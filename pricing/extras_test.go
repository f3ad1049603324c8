package pricing

import "testing"

// TestOwnLinesInEveryPlanTotal: the buyer's own lines belong to the vendor,
// whatever plan it is bought on, so a runner-up plan shown beside the
// chosen total carries them too (the checker's case 7: Tencent's 专线,
// 10 元 a month from July = 60.00, on the chosen plan and on every other).
func TestOwnLinesInEveryPlanTotal(t *testing.T) {
	with := loadBenchFile(t, "handcalc-combos/case7.kefucost.json")
	without := loadBenchFile(t, "handcalc-combos/case7.kefucost.json")
	vs := without.Vendors[Tencent]
	vs.Extras = nil
	without.Vendors[Tencent] = vs
	cw, err := Compare(with)
	if err != nil {
		t.Fatal(err)
	}
	co, err := Compare(without)
	if err != nil {
		t.Fatal(err)
	}
	rw, ro := cw.vendor(Tencent), co.vendor(Tencent)
	if got := rw.ExtrasTotal.StringFixed(2); got != "60.00" {
		t.Fatalf("own lines %s, want 60.00 (6 months × 10)", got)
	}
	if len(rw.Alternatives) == 0 || len(rw.Alternatives) != len(ro.Alternatives) {
		t.Fatalf("runner-ups: %d with own lines, %d without", len(rw.Alternatives), len(ro.Alternatives))
	}
	for i, a := range rw.Alternatives {
		if want := ro.Alternatives[i].Total.Add(rw.ExtrasTotal); !a.Total.Equal(want) {
			t.Errorf("runner-up %s: %s, want %s (its plan's %s + own lines 60.00)", a.Plan, a.Total.StringFixed(2), want.StringFixed(2), ro.Alternatives[i].Total.StringFixed(2))
		}
	}
}
