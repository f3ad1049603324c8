package report

import (
	"encoding/json"
	"fmt"
	"testing"

	"kefucost/app"
	"kefucost/pricing"
	"kefucost/scenarios"
)

const (
	benchScenario   = "../../pricing/testdata/bench-36m.kefucost.json"
	exampleScenario = "../../scenarios/testdata/spec-example.kefucost.json"
)

func compareFile(t testing.TB, path string) (*scenarios.Scenario, *pricing.Comparison) {
	t.Helper()
	s, err := app.LoadScenario(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// scenarioJSON is a small scenario file with the given name, months and
// demand/vendors JSON bodies.
func scenarioJSON(name string, months int, demand, vendors string) string {
	nameJSON, _ := json.Marshal(name)
	return fmt.Sprintf(`{"format": "kefucost.scenario", "version": 1, "name": %s, "start": "2027-01-01", "months": %d,
"demand": {%s}, "vendors": {%s}}`, nameJSON, months, demand, vendors)
}

func decodeScenario(t testing.TB, text string) (*scenarios.Scenario, *pricing.Comparison) {
	t.Helper()
	s, err := scenarios.Decode([]byte(text), "test.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}
