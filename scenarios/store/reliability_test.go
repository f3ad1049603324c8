package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"kefucost/scenarios"
)

// fillStore saves a few scenarios with some history and returns the
// latest file bytes expected for each name.
func fillStore(t *testing.T, st *Store, n int) map[string][]byte {
	t.Helper()
	want := map[string][]byte{}
	s := example(t)
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("方案 %d", i)
		for r := 0; r < 3; r++ {
			c := s.Clone()
			c.Months = 12 + i + r
			c.Demand.OnlineAgents = int64(100*i + r)
			mustSave(t, st, name, c, map[string]string{"chatopera": fmt.Sprint(r)})
			c.Name = name
			want[name], _ = scenarios.Encode(c)
		}
	}
	return want
}

func checkHolds(t *testing.T, st *Store, want map[string][]byte) {
	t.Helper()
	l, err := st.List()
	if err != nil || len(l) != len(want) {
		t.Fatalf("List: %v, %d scenarios, want %d", err, len(l), len(want))
	}
	for name, w := range want {
		s, _, err := st.Load(name)
		if err != nil {
			t.Fatalf("Load %q: %v", name, err)
		}
		if got, _ := scenarios.Encode(s); !bytes.Equal(got, w) {
			t.Fatalf("%q holds\n%s\nwant\n%s", name, got, w)
		}
	}
}

// holdFile opens the file as another program that holds it would (an
// older kefucost kept it open as long as its window was open), until the
// returned function is called.
func holdFile(t *testing.T, path string, readOnly bool) (release func()) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second, ReadOnly: readOnly})
	if err != nil {
		t.Fatal(err)
	}
	return func() { db.Close() }
}

// Two stores on one file, as two windows or a window and the command line:
// each holds the file only for its own operations, so both read and write.
func TestTwoStoresShareTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	a := openTest(t, path)
	b := openTest(t, path)
	ro, err := Open(Options{Path: path, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	s := example(t)
	mustSave(t, a, "from a", s, nil)
	mustSave(t, b, "from b", s, nil)
	c := s.Clone()
	c.Months = 24
	if r, added, err := b.Save("from a", c, SaveMeta{}); err != nil || !added || r.Number != 2 {
		t.Fatalf("b saving a's scenario: %+v %v %v", r, added, err)
	}
	for _, st := range []*Store{a, b, ro} {
		if l, err := st.List(); err != nil || names(l) != "from a|from b" {
			t.Fatalf("%s lists %q (%v)", st.Path(), names(l), err)
		}
		if got, _, err := st.Load("from a"); err != nil || got.Months != 24 {
			t.Fatalf("load: %v", err)
		}
	}
	if _, _, err := ro.Save("x", s, SaveMeta{}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("save read-only: %v", err)
	}
}

// An operation waits at most Options.Timeout for a program that holds the
// file, then fails with ErrLocked, naming the file and changing nothing;
// once the file is let go the same store works again. A read-only store
// reads beside another reader, not beside a writer.
func TestOperationWaitsAtMostTimeout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	st, err := Open(Options{Path: path, Timeout: 300 * time.Millisecond, Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ro, err := Open(Options{Path: path, Timeout: 300 * time.Millisecond, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	s := example(t)
	mustSave(t, st, "kept", s, nil)

	release := holdFile(t, path, false)
	for what, op := range map[string]func() error{
		"save":           func() error { _, _, err := st.Save("new", s, SaveMeta{}); return err },
		"list":           func() error { _, err := st.List(); return err },
		"read-only list": func() error { _, err := ro.List(); return err },
		"open": func() error {
			_, err := Open(Options{Path: path, Timeout: 300 * time.Millisecond})
			return err
		},
	} {
		start := time.Now()
		err := op()
		d := time.Since(start)
		var e *Error
		if !errors.Is(err, ErrLocked) || !errors.As(err, &e) || e.Path != path || !strings.Contains(err.Error(), "in use by another kefucost") {
			t.Fatalf("%s while another program holds the file: %v", what, err)
		}
		if d < 250*time.Millisecond || d > 2*time.Second {
			t.Fatalf("%s gave up after %v", what, d)
		}
	}
	release()
	if l, err := st.List(); err != nil || names(l) != "kept" {
		t.Fatalf("after the other program let go: %q %v", names(l), err)
	}
	mustSave(t, st, "new", s, nil)

	release = holdFile(t, path, true)
	defer release()
	if l, err := ro.List(); err != nil || len(l) != 2 {
		t.Fatalf("read-only beside a reader: %v %v", l, err)
	}
	if err := st.Delete("new"); !errors.Is(err, ErrLocked) {
		t.Fatalf("write beside a reader: %v", err)
	}
}

func TestReadOnlyMissingAndEmpty(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(Options{Path: filepath.Join(dir, "none.db"), ReadOnly: true}); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
	// A bbolt file without our buckets reads as an empty store.
	p := filepath.Join(dir, "bare.db")
	db, err := bbolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(Options{Path: p, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if l, err := st.List(); err != nil || len(l) != 0 {
		t.Fatalf("%v %v", l, err)
	}
	if _, _, err := st.Load("x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("load: %v", err)
	}
}

// TestHelperProcess is not a test: the tests below run the test binary
// again as a child process that executes it (KEFUCOST_HELPER says what to
// do).
func TestHelperProcess(t *testing.T) {
	switch os.Getenv("KEFUCOST_HELPER") {
	case "":
		t.Skip("run only as a child process")
	case "lock":
		// A program that holds the file, as an older kefucost's window
		// did for as long as it was open.
		db, err := bbolt.Open(os.Getenv("KEFUCOST_HELPER_DB"), 0o600, &bbolt.Options{Timeout: time.Second})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("locked")
		bufio.NewReader(os.Stdin).ReadString('\n') // hold until the parent closes stdin
		db.Close()
		os.Exit(0)
	case "writer":
		helperWriter()
	case "saver":
		helperSaver()
	}
}

func TestLockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	st := openTest(t, path)
	mustSave(t, st, "kept", example(t), nil)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "KEFUCOST_HELPER=lock", "KEFUCOST_HELPER_DB="+path)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		t.Fatalf("child said %q", line)
	}
	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err := Open(Options{Path: path, ReadOnly: ro}) // default timeout: 1 s
		d := time.Since(start)
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("read-only %v: %v", ro, err)
		}
		if d < 500*time.Millisecond || d > 3*time.Second {
			t.Fatalf("read-only %v: gave up after %v", ro, d)
		}
		t.Logf("read-only %v: %v after %v", ro, err, d.Round(time.Millisecond))
	}
	start := time.Now()
	if _, _, err := st.Save("new", example(t), SaveMeta{}); !errors.Is(err, ErrLocked) {
		t.Fatalf("save while another process holds the file: %v", err)
	} else if d := time.Since(start); d < 500*time.Millisecond || d > 3*time.Second {
		t.Fatalf("save gave up after %v", d)
	}
	stdin.Close()
	cmd.Wait()
	mustSave(t, st, "new", example(t), nil)
	if l, err := st.List(); err != nil || len(l) != 2 {
		t.Fatalf("after the other process quit: %v %v", l, err)
	}
}

// damagedCase opens a damaged file and checks that it was moved aside
// byte for byte and a fresh, working store started.
func openDamaged(t *testing.T, path string, bad []byte) {
	t.Helper()
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(Options{Path: path, ReadOnly: true}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("read-only open of a damaged file: %v", err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, bad) {
		t.Fatal("read-only open changed the damaged file")
	}
	clock := newClock()
	st, err := Open(Options{Path: path, Now: clock.Now})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer st.Close()
	if st.Recovered == "" || !strings.HasPrefix(filepath.Base(st.Recovered), "scenarios.db.damaged-2026112") {
		t.Fatalf("Recovered = %q", st.Recovered)
	}
	kept, err := os.ReadFile(st.Recovered)
	if err != nil || !bytes.Equal(kept, bad) {
		t.Fatalf("the damaged file was not kept as it was: %v", err)
	}
	if l, err := st.List(); err != nil || len(l) != 0 {
		t.Fatalf("fresh store lists %v %v", l, err)
	}
	mustSave(t, st, "after", example(t), nil)
}

func realDB(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "real.db")
	st := openTest(t, path)
	fillStore(t, st, 40)
	st.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDamagedGarbage(t *testing.T) {
	t.Log("random seed 1, 2 (PCG, fixed: the same garbage every run)")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{1, 100, 4095, 4096, 8192, 20000, 65536} {
		bad := make([]byte, size)
		for i := range bad {
			bad[i] = byte(rng.IntN(256))
		}
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			openDamaged(t, filepath.Join(t.TempDir(), "scenarios.db"), bad)
		})
	}
	t.Run("json", func(t *testing.T) {
		b, _ := os.ReadFile(exampleFile)
		openDamaged(t, filepath.Join(t.TempDir(), "scenarios.db"), b)
	})
}

func TestDamagedTruncated(t *testing.T) {
	good := realDB(t)
	ps := os.Getpagesize()
	if len(good) < 6*ps {
		t.Fatalf("test db too small: %d", len(good))
	}
	for _, n := range []int{10, ps, ps + 100, 2 * ps, 3*ps + 7, 6 * ps, len(good) / 3} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			openDamaged(t, filepath.Join(t.TempDir(), "scenarios.db"), good[:n])
		})
	}
	// Cutting off the unused room bbolt keeps at the end is no damage;
	// cutting into used pages is.
	ref := openTest(t, filepath.Join(t.TempDir(), "ref.db"))
	want := fillStore(t, ref, 40)
	ref.Close()
	for n := len(good) - 1; n > len(good)/3; n -= ps {
		path := filepath.Join(t.TempDir(), "scenarios.db")
		os.WriteFile(path, good[:n], 0o600)
		st, err := Open(Options{Path: path, Now: newClock().Now})
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		if st.Recovered == "" {
			checkHolds(t, st, want)
		} else if b, _ := os.ReadFile(st.Recovered); !bytes.Equal(b, good[:n]) {
			t.Fatalf("%d bytes: the damaged file was not kept", n)
		}
		st.Close()
	}
}

// TestDamagedZeroedPage zeroes each page of a real database in turn. Either
// the damage is found (the file is moved aside untouched and a fresh store
// starts) or the page was not in use and every scenario is still there.
// Nothing crashes or hangs.
func TestDamagedZeroedPage(t *testing.T) {
	good := realDB(t)
	dir := t.TempDir()
	ref := openTest(t, filepath.Join(dir, "ref.db"))
	want := fillStore(t, ref, 40)
	ref.Close()
	ps := 4096
	moved, kept := 0, 0
	for page := 0; page*ps < len(good); page++ {
		bad := bytes.Clone(good)
		clear(bad[page*ps : (page+1)*ps])
		path := filepath.Join(dir, fmt.Sprintf("p%d", page), "scenarios.db")
		os.MkdirAll(filepath.Dir(path), 0o700)
		os.WriteFile(path, bad, 0o600)
		st, err := Open(Options{Path: path, Now: newClock().Now})
		if err != nil {
			t.Fatalf("page %d: %v", page, err)
		}
		if st.Recovered != "" {
			moved++
			if b, _ := os.ReadFile(st.Recovered); !bytes.Equal(b, bad) {
				t.Fatalf("page %d: damaged file not kept", page)
			}
		} else {
			kept++
			checkHolds(t, st, want)
		}
		st.Close()
	}
	t.Logf("%d pages: damage found in %d, unused or a spare meta page in %d", moved+kept, moved, kept)
	if moved == 0 {
		t.Fatal("no zeroed page was noticed")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	st := openTest(t, path)
	mustSave(t, st, "x", example(t), nil)
	st.rawUpdate(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64key(2)) })
	st.Close()
	before, _ := os.ReadFile(path)
	for _, ro := range []bool{false, true} {
		_, err := Open(Options{Path: path, ReadOnly: ro})
		if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "please update kefucost") {
			t.Fatalf("read-only %v: %v", ro, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the newer database was changed")
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Fatalf("files beside it: %v", ents)
	}
}

// makeV0 writes a database in the (fake) schema 0 layout: one bucket
// "scenarios" of name → scenario file.
func makeV0(t *testing.T, path string) []byte {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(exampleFile)
	err = db.Update(func(tx *bbolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("scenarios"))
		b.Put([]byte("旧方案 A"), data)
		return b.Put([]byte("old B"), bytes.Replace(data, []byte(`"months": 36`), []byte(`"months": 12`), 1))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	return b
}

func TestMigrateV0(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	orig := makeV0(t, path)
	if _, err := Open(Options{Path: path, ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "older database schema 0") {
		t.Fatalf("read-only open of schema 0: %v", err)
	}
	st := openTest(t, path)
	if st.Backup == "" || !strings.Contains(st.Backup, "scenarios.db.schema0-") {
		t.Fatalf("Backup = %q", st.Backup)
	}
	if l, _ := st.List(); names(l) != "old B|旧方案 A" && names(l) != "旧方案 A|old B" {
		t.Fatalf("migrated list: %s", names(l))
	}
	b, rev, err := st.Load("old B")
	if err != nil || b.Months != 12 || rev.Number != 1 || rev.Summary != "created (upgraded from database schema 0)" {
		t.Fatalf("%v %+v", err, rev)
	}
	// The copy still holds the old layout.
	db, err := bbolt.Open(st.Backup, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte("scenarios")) == nil || tx.Bucket([]byte("scenarios")).Stats().KeyN != 2 || tx.Bucket(bucketMeta) != nil {
			t.Error("backup is not the schema-0 database")
		}
		return nil
	})
	_ = orig
	st.Close()
	// Opening again migrates nothing more.
	st2 := openTest(t, path)
	if st2.Backup != "" {
		t.Fatalf("second open made a backup %q", st2.Backup)
	}
}

func TestMigrationFailureLeavesSource(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	orig := makeV0(t, path)
	saved := migrations
	defer func() { migrations = saved }()
	migrations = []migration{{from: 0, what: "test step", run: func(st *Store, tx *bbolt.Tx) error {
		if err := migrateV0(st, tx); err != nil {
			return err
		}
		return errors.New("disk on fire")
	}}}
	_, err := Open(Options{Path: path})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || !strings.Contains(err.Error(), "unchanged") {
		t.Fatalf("got %v", err)
	}
	db, _ := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte("scenarios")) == nil || tx.Bucket(bucketIndex) != nil {
			t.Error("the failed migration changed the database")
		}
		return nil
	})
	db.Close()
	_ = orig
}

func TestMigrationTableChain(t *testing.T) {
	// A pretend schema 2 whose step from 1 renames a summary: proves the
	// steps run in order, in one transaction, after a copy is made.
	path := filepath.Join(t.TempDir(), "scenarios.db")
	makeV0(t, path)
	savedM, savedV := migrations, schemaVersion
	defer func() { migrations, schemaVersion = savedM, savedV }()
	var ran []int
	migrations = append(append([]migration{}, savedM...), migration{from: 1, what: "1 to 2", run: func(st *Store, tx *bbolt.Tx) error {
		ran = append(ran, 1)
		if n, _ := countKeys(tx.Bucket(bucketIndex)); n != 2 {
			return errors.New("step 0 did not run first")
		}
		return nil
	}})
	schemaVersion = 2
	st, err := Open(Options{Path: path, Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if len(ran) != 1 || st.Backup == "" {
		t.Fatalf("ran %v backup %q", ran, st.Backup)
	}
	var v uint64
	st.rawView(func(tx *bbolt.Tx) error { v = uint64(tx.Bucket(bucketMeta).Get(keySchema)[7]); return nil })
	if v != 2 {
		t.Fatalf("schema %d", v)
	}
}

func countKeys(b *bbolt.Bucket) (int, error) {
	n := 0
	err := b.ForEach(func(k, v []byte) error { n++; return nil })
	return n, err
}

// The file changes under an open store between its operations: replaced by
// a damaged file (moved aside at the next operation, which says so and
// changes nothing; the one after works on a fresh file), replaced by a
// sound one (read as it is), deleted (started afresh), upgraded in place by
// a newer kefucost (refused), or damaged in place (the operation that
// trips on it fails without crashing; the next moves the file aside).
func TestFileChangedBetweenOperations(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scenarios.db")
	st := openTest(t, path)
	s := example(t)
	mustSave(t, st, "before", s, nil)

	// Replaced by garbage.
	garbage := bytes.Repeat([]byte("not a database "), 1000)
	os.WriteFile(path+".new", garbage, 0o600)
	os.Rename(path+".new", path)
	_, err := st.List()
	var e *Error
	if !errors.Is(err, ErrDamaged) || !errors.As(err, &e) || e.Recovered == "" || e.Path != path {
		t.Fatalf("list after the file was replaced by garbage: %v", err)
	}
	if b, _ := os.ReadFile(e.Recovered); !bytes.Equal(b, garbage) {
		t.Fatal("the damaged file was not kept as it was")
	}
	if l, err := st.List(); err != nil || len(l) != 0 {
		t.Fatalf("fresh file lists %v %v", l, err)
	}
	mustSave(t, st, "after", s, nil)

	// Replaced by another sound database.
	other := openTest(t, filepath.Join(dir, "other.db"))
	mustSave(t, other, "other", s, nil)
	other.Close()
	os.Rename(filepath.Join(dir, "other.db"), path)
	if l, err := st.List(); err != nil || names(l) != "other" {
		t.Fatalf("after the file was replaced: %q %v", names(l), err)
	}

	// Deleted.
	os.Remove(path)
	if l, err := st.List(); err != nil || len(l) != 0 {
		t.Fatalf("after the file was deleted: %v %v", l, err)
	}
	mustSave(t, st, "again", s, nil)

	// Upgraded in place by a newer kefucost.
	st.rawUpdate(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64key(2)) })
	if _, _, err := st.Save("x", s, SaveMeta{}); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("save into a newer schema: %v", err)
	}
	st.rawUpdate(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64key(1)) })

	// Damaged in place: every page but the meta and freelist pages
	// zeroed, so that bbolt opens the file and trips inside the operation.
	for i := 0; i < 50; i++ {
		mustSave(t, st, fmt.Sprintf("n %d", i), s, nil)
	}
	data, _ := os.ReadFile(path)
	m0, _ := readMeta(data, 0)
	m1, _ := readMeta(data, 4096)
	if m1.txid > m0.txid {
		m0 = m1
	}
	for p := 2; p*4096 < len(data); p++ {
		if uint64(p) != m0.freelist {
			clear(data[p*4096 : (p+1)*4096])
		}
	}
	f, _ := os.OpenFile(path, os.O_WRONLY, 0)
	f.WriteAt(data, 0)
	f.Close()
	_, err = st.List()
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "reading it failed") {
		t.Fatalf("list of a file damaged in place: %v", err)
	}
	if _, err := st.List(); !errors.Is(err, ErrDamaged) || !errors.As(err, &e) || e.Recovered == "" {
		t.Fatalf("the next operation did not move the damaged file aside: %v", err)
	}
	if l, err := st.List(); err != nil || len(l) != 0 {
		t.Fatalf("after moving it aside: %v %v", l, err)
	}
}
