package pricing

import (
	"os"
	"testing"

	"kefucost/scenarios"
)

func loadBench(b testing.TB) *scenarios.Scenario { return loadBenchFile(b, "bench-36m.kefucost.json") }

func loadBenchFile(b testing.TB, name string) *scenarios.Scenario {
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	s, err := scenarios.Decode(data, name)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkCompare36Months: a 36-month scenario using every demand field,
// all four vendors, auto plans, without combinations. Budget: 1 ms per
// comparison.
func BenchmarkCompare36Months(b *testing.B) {
	s := loadBench(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compare(s, true, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareAndCombinations36Months: Compare as every recompute runs
// it, the vendors and every combination of them by service group (each
// vendor priced once per group set it may take), on the 36-month busy
// scenario. Budget (issue 9): 10 ms.
func BenchmarkCompareAndCombinations36Months(b *testing.B) {
	s := loadBench(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := Compare(s)
		if err != nil || len(c.Combinations)+len(c.PartlyPriced) == 0 {
			b.Fatal(err, "no combinations")
		}
	}
}

// BenchmarkCompare120Months: a busy scenario, every vendor, ten years with
// dated changes, without combinations, as BenchmarkCompare36Months (issue
// 8). Budget: 4 ms per comparison.
func BenchmarkCompare120Months(b *testing.B) {
	s := loadBenchFile(b, "bench-120m.kefucost.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compare(s, true, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSweep200: 200 comparisons with one demand field swept, as the
// break-even chart asks. Budget: 100 ms.
func BenchmarkSweep200(b *testing.B) {
	s := loadBench(b)
	values := SweepValues(0, 20000, 200)
	if len(values) != 200 {
		b.Fatalf("%d values", len(values))
	}
	b.ReportAllocs()
	for b.Loop() {
		pts, err := Sweep(s, "chats_per_day", values)
		if err != nil || len(pts) != 200 {
			b.Fatal(err, len(pts))
		}
	}
}
