package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"kefucost/scenarios"
)

// FuzzImport feeds arbitrary bytes to Import: it must never panic, must
// fail exactly as Decode does (or with ErrInvalidName) without committing
// anything, and what it accepts must export back to the same scenario.
func FuzzImport(f *testing.F) {
	good, err := os.ReadFile(exampleFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, "")
	f.Add(good, "  另一个 / \"名字\" 🎉 ")
	f.Add(good[:len(good)/2], "")
	f.Add(bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 2`), 1), "")
	f.Add(bytes.Replace(good, []byte(`"name": "2027 客服中心采购"`), []byte(`"name": ""`), 1), "")
	f.Add(bytes.Replace(good, []byte(`"name": "2027 客服中心采购"`), []byte(`"name": "\t"`), 1), "\n")
	f.Add([]byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1}`), "")
	f.Add([]byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":1,"changes":[{"date":"2027-01-05","bots":3}],"vendors":{"huawei-cec":{"prices":{"a.b":"1e3"}}}}`), "x")
	f.Add([]byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":3,"vendors":{"chatopera":{"extras":[{"name":"实施费","amount":"20000","when":"once","date":"2027-01-01"},{"name":"对接","amount":"99.9","when":"monthly"}]}},"combine":{"pin":{"phone":"aliyun-icc"},"exclude":["huawei-cec"]}}`), "")
	f.Add([]byte(`[]`), "")
	f.Add([]byte{}, "")
	f.Add([]byte("\xef\xbb\xbf{}"), "")

	dir := f.TempDir()
	st, err := Open(Options{Path: filepath.Join(dir, "fuzz.db"), noSync: true})
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(dir, "out.kefucost.json")

	f.Fuzz(func(t *testing.T, data []byte, override string) {
		const file = "fuzz.kefucost.json"
		before := st.txid(t)
		rev, _, err := st.Import(data, file, override, SaveMeta{})
		dec, derr := scenarios.Decode(data, file)
		if err != nil {
			if derr != nil && err.Error() != derr.Error() {
				t.Fatalf("Import says %q, Decode says %q", err, derr)
			}
			if derr == nil && !errors.Is(err, ErrInvalidName) {
				t.Fatalf("Decode accepts, Import fails: %v", err)
			}
			if after := st.txid(t); after != before {
				t.Fatalf("a failed import committed %d transactions", after-before)
			}
			return
		}
		if derr != nil {
			t.Fatalf("Import accepts what Decode refuses: %v", derr)
		}
		got, _, err := st.Load(rev.Name)
		if err != nil {
			t.Fatalf("Load %q: %v", rev.Name, err)
		}
		dec.Name = rev.Name
		want, _ := scenarios.Encode(dec)
		if have, _ := scenarios.Encode(got); !bytes.Equal(have, want) {
			t.Fatalf("stored\n%s\nimported\n%s", have, want)
		}
		if err := st.Export(rev.Name, out); err != nil {
			t.Fatal(err)
		}
		back, _ := os.ReadFile(out)
		if !bytes.Equal(back, want) {
			t.Fatalf("exported\n%s\nwant\n%s", back, want)
		}
		again, err := scenarios.Decode(back, "out.kefucost.json")
		if err != nil {
			t.Fatalf("the export does not read back: %v", err)
		}
		if enc, _ := scenarios.Encode(again); !bytes.Equal(enc, want) {
			t.Fatalf("the export reads back differently")
		}
	})
}
