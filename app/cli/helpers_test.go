package cli

import (
	"encoding/json"
	"fmt"
)

const (
	benchScenario   = "../../pricing/testdata/bench-36m.kefucost.json"
	exampleScenario = "../../scenarios/testdata/spec-example.kefucost.json"
)

// scenarioJSON is a small scenario file with the given name, months and
// demand/vendors JSON bodies.
func scenarioJSON(name string, months int, demand, vendors string) string {
	nameJSON, _ := json.Marshal(name)
	return fmt.Sprintf(`{"format": "kefucost.scenario", "version": 1, "name": %s, "start": "2027-01-01", "months": %d,
"demand": {%s}, "vendors": {%s}}`, nameJSON, months, demand, vendors)
}
