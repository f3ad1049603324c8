package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// Budgets (README, issue 3): one Save, fsync'd to disk, within 10 ms; List
// of 10,000 scenarios within 50 ms; both opening the file for the
// operation (issue 10). Run with
//
//	go test ./scenarios/store/ -run '^$' -bench 'Save|List10k' -benchtime 20x
//
// The store lives in b.TempDir(): on a disk, not a tmpfs, for Save's fsync
// to mean something (check with df "$TMPDIR").

var benchEditions = map[string]string{"chatopera": "2020", "tencent-qidian": "2023", "huawei-cec": "2023-12-01", "aliyun-icc": "2021-12-20"}

// BenchmarkSave saves one new revision per iteration (a changed scenario,
// so that Save does write), with the normal options: every commit fsyncs,
// and every Save opens the file and lets go of it again. Besides the mean
// it reports the median and the slowest Save, as the disk's fsync time
// varies.
func BenchmarkSave(b *testing.B) {
	benchSave(b, openTest(b, ""))
}

// BenchmarkSaveIn10k is BenchmarkSave in a store of 10,000 scenarios
// (a file of about 50 MB), which each Save opens.
func BenchmarkSaveIn10k(b *testing.B) {
	benchSave(b, fill10k(b))
}

func benchSave(b *testing.B, st *Store) {
	base := example(b)
	mustSave(b, st, "bench 基准", base, benchEditions)
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		c := base.Clone()
		c.Demand.OnlineAgents = int64(i + 100)
		start := time.Now()
		rev, added, err := st.Save("bench 基准", c, SaveMeta{Editions: benchEditions})
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if rev.Number != i+2 || !added {
			b.Fatalf("revision %d (added %v), want %d", rev.Number, added, i+2)
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2])/1e6, "median-ms")
	b.ReportMetric(float64(took[len(took)-1])/1e6, "max-ms")
}

// fill10k is a store of 10,000 scenarios, created 1,000 per transaction.
func fill10k(b *testing.B) *Store {
	const n, batch = 10_000, 1_000
	st := openTest(b, "")
	base := example(b)
	for i := 0; i < n; i += batch {
		err := st.update(func(tx *bbolt.Tx, bk txBuckets) error {
			for j := i; j < i+batch; j++ {
				c := base.Clone()
				c.Months = 1 + j%120
				if _, _, err := st.put(bk, fmt.Sprintf("方案 %05d", j), c, benchEditions, "", true); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkList10k lists a store of 10,000 scenarios (each List opens the
// file). They are created once, outside the timer.
func BenchmarkList10k(b *testing.B) {
	st := fill10k(b)
	for b.Loop() {
		l, err := st.List()
		if err != nil {
			b.Fatal(err)
		}
		if len(l) != 10_000 {
			b.Fatalf("listed %d, want %d", len(l), 10_000)
		}
	}
}
