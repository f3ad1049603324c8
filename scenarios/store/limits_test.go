package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kefucost/scenarios"
)

// scenarioWith is a valid scenario file with extra top-level fields
// (written as JSON) before the end.
func scenarioWith(fields string) []byte {
	if fields != "" {
		fields = "," + fields
	}
	return []byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":120` + fields + `}`)
}

// padTo pads a scenario file with white space to exactly n bytes.
func padTo(t *testing.T, data []byte, n int) []byte {
	t.Helper()
	if len(data) > n {
		t.Fatalf("file of %d bytes cannot be padded to %d", len(data), n)
	}
	return append(data, bytes.Repeat([]byte(" "), n-len(data))...)
}

func changesJSON(n int) string {
	var b strings.Builder
	b.WriteString(`"changes":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		d := scenarios.NewDate(2027, 1, 1).AddDays(i % 3000)
		fmt.Fprintf(&b, `{"date":%q,"online_agents":%d}`, d, i)
	}
	b.WriteString("]")
	return b.String()
}

// The store and the file count a name's length the same way.
func TestNameOver200CharactersRefused(t *testing.T) {
	name := strings.Repeat("客", scenarios.MaxNameLen)
	if _, err := CleanName(name); err != nil {
		t.Fatal(err)
	}
	if _, err := CleanName(name + "x"); !errors.Is(err, ErrInvalidName) {
		t.Fatalf("CleanName of 201 characters: %v", err)
	}
}

func TestImportOverLimitsSavesNothing(t *testing.T) {
	st := openTest(t, "")
	before := st.txid(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.kefucost.json")
	if err := os.WriteFile(big, padTo(t, scenarioWith(`"name":"big"`), scenarios.MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := st.ImportFile(big, "", SaveMeta{})
	var fe *scenarios.FieldError
	if !errors.As(err, &fe) || fe.Key != scenarios.ErrFileTooLarge || fe.File != "big.kefucost.json" {
		t.Fatalf("importing a file over the limit: %v; want a %s error naming the file", err, scenarios.ErrFileTooLarge)
	}
	for what, data := range map[string][]byte{
		"name":    scenarioWith(`"name":"` + strings.Repeat("n", scenarios.MaxNameLen+1) + `"`),
		"changes": scenarioWith(changesJSON(scenarios.MaxChanges + 1)),
		"size":    padTo(t, scenarioWith(`"name":"big"`), scenarios.MaxFileSize+1),
	} {
		if _, _, err := st.Import(data, what+".kefucost.json", "ok", SaveMeta{}); err == nil {
			t.Errorf("%s: imported", what)
		}
	}
	if after := st.txid(t); after != before {
		t.Fatalf("refused imports committed %d transactions", after-before)
	}
	if l, err := st.List(); err != nil || len(l) != 0 {
		t.Fatalf("store holds %v (%v)", l, err)
	}
	// At the limits it imports.
	if _, _, err := st.Import(scenarioWith(`"name":"`+strings.Repeat("n", scenarios.MaxNameLen)+`",`+changesJSON(scenarios.MaxChanges)), "ok.kefucost.json", "", SaveMeta{}); err != nil {
		t.Fatal(err)
	}
}
