package pricing

import (
	"os"
	"testing"

	"kefucost/scenarios"
)

func loadBench(b testing.TB) *scenarios.Scenario {
	data, err := os.ReadFile("testdata/bench-36m.kefucost.json")
	if err != nil {
		b.Fatal(err)
	}
	s, err := scenarios.Decode(data, "bench-36m.kefucost.json")
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkCompare36Months: a 36-month scenario using every demand field,
// all four vendors, auto plans. Budget: 1 ms per comparison.
func BenchmarkCompare36Months(b *testing.B) {
	s := loadBench(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(s); err != nil {
			b.Fatal(err)
		}
	}
}
