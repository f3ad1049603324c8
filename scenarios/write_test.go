package scenarios

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomicReplaces(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.json")
	if err := WriteFileAtomic(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Fatalf("got %q", b)
	}
}

func TestNameFromFile(t *testing.T) {
	for in, want := range map[string]string{"a/b/方案.kefucost.json": "方案", "x.JSON": "x", "plain": "plain", ".kefucost.json": ".kefucost"} {
		if got := NameFromFile(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
