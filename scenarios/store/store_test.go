package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"go.etcd.io/bbolt"

	"kefucost/scenarios"
)

// fakeClock ticks one second per call from a fixed time.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 23, 8, 15, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func openTest(t testing.TB, path string) *Store {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "scenarios.db")
	}
	st, err := Open(Options{Path: path, Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// exampleFile is the scenario of the spec's example.
const exampleFile = "../testdata/spec-example.kefucost.json"

func example(t testing.TB) *scenarios.Scenario {
	t.Helper()
	s, err := scenarios.ReadFile(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustSave(t testing.TB, st *Store, name string, s *scenarios.Scenario, ed map[string]string) Revision {
	t.Helper()
	r, _, err := st.Save(name, s, SaveMeta{Editions: ed})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func names(infos []Info) string {
	var out []string
	for _, in := range infos {
		out = append(out, in.Name)
	}
	return strings.Join(out, "|")
}

func TestSaveLoadHistoryRestore(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	r1 := mustSave(t, st, "  2027 采购  ", s, map[string]string{"chatopera": "2023-02"})
	if r1.Number != 1 || r1.Summary != "created" || r1.Name != "2027 采购" {
		t.Fatalf("first revision %+v", r1)
	}
	s2 := s.Clone()
	s2.Months = 24
	s2.Demand.OnlineAgents = 8
	h := s2.Vendors[scenarios.Huawei]
	h.Prices = map[string]decimal.Decimal{"seat.online.month": decimal.NewFromInt(150), "ivr.channel.month": decimal.NewFromInt(9)}
	s2.Vendors[scenarios.Huawei] = h
	r2 := mustSave(t, st, "2027 采购", s2, map[string]string{"chatopera": "2023-12"})
	want := "months 36→24; demand.online_agents 5→8; vendors.huawei-cec.prices[ivr.channel.month] set 9; prices of chatopera: edition 2023-02→2023-12"
	if r2.Number != 2 || r2.Summary != want {
		t.Fatalf("second revision %d %q\nwant %q", r2.Number, r2.Summary, want)
	}
	// Saving the same again adds nothing.
	if r := mustSave(t, st, "2027 采购", s2, map[string]string{"chatopera": "2023-12"}); r.Number != 2 {
		t.Fatalf("unchanged save made revision %d", r.Number)
	}
	got, rev, err := st.Load("2027 采购")
	if err != nil || rev.Number != 2 || got.Months != 24 || rev.Editions["chatopera"] != "2023-12" {
		t.Fatalf("Load: %v %+v %v", err, rev, got)
	}
	if got.Name != "2027 采购" {
		t.Fatalf("loaded name %q", got.Name)
	}
	hist, err := st.History("2027 采购")
	if err != nil || len(hist) != 2 || hist[0].Number != 2 || hist[1].Summary != "created" {
		t.Fatalf("History: %v %+v", err, hist)
	}
	old, _, err := st.LoadRevision("2027 采购", 1)
	if err != nil || old.Months != 36 {
		t.Fatalf("LoadRevision 1: %v %v", err, old)
	}
	r3, _, err := st.Restore("2027 采购", 1)
	if err != nil || r3.Number != 3 || !strings.HasPrefix(r3.Summary, "restored revision 1: months 24→36") || r3.Editions["chatopera"] != "2023-02" {
		t.Fatalf("Restore: %v %+v", err, r3)
	}
	now, _, _ := st.Load("2027 采购")
	a, _ := scenarios.Encode(now)
	s.Name = "2027 采购"
	b, _ := scenarios.Encode(s)
	if !bytes.Equal(a, b) {
		t.Fatalf("restored scenario differs:\n%s\n%s", a, b)
	}
	if _, _, err := st.Restore("2027 采购", 9); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Restore 9: %v", err)
	}
	if _, _, err := st.LoadRevision("2027 采购", 4); !errors.Is(err, ErrNotFound) {
		t.Fatalf("LoadRevision 4: %v", err)
	}
	if _, err := st.History("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("History nope: %v", err)
	}
}

func TestSaveRefusesInvalidScenario(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	s.Months = 0
	_, _, err := st.Save("x", s, SaveMeta{})
	var fe scenarios.FieldErrors
	if !errors.As(err, &fe) || fe.For("months") == nil {
		t.Fatalf("got %v", err)
	}
	if l, _ := st.List(); len(l) != 0 {
		t.Fatalf("list %v", l)
	}
}

func TestNames(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	good := []string{"a/b", `say "hi"`, "emoji 🎉🧾", "2027 客服中心采购", strings.Repeat("长", scenarios.MaxNameLen), "'single' \\ back", "e\u0301"}
	for _, n := range good {
		mustSave(t, st, n, s, nil)
		got, _, err := st.Load(n)
		if err != nil || got.Name != CleanNameMust(t, n) {
			t.Fatalf("%q: %v %v", n, err, got)
		}
	}
	// The same text typed two ways is one name.
	if _, _, err := st.Load("\u00e9"); err != nil {
		t.Fatalf("NFC: %v", err)
	}
	for _, n := range []string{"", "   ", "\t\n", strings.Repeat("x", scenarios.MaxNameLen+1), "a\x00b", "line\nbreak", string([]byte{0xff})} {
		if _, _, err := st.Save(n, s, SaveMeta{}); !errors.Is(err, ErrInvalidName) {
			t.Errorf("%q: got %v", n, err)
		}
	}
	_, _, err := st.Save(strings.Repeat("x", 201), s, SaveMeta{})
	if err == nil || !strings.Contains(err.Error(), "201 characters long; at most 200") {
		t.Errorf("long name message: %v", err)
	}
	if _, _, err := st.Save(" ", s, SaveMeta{}); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty name message: %v", err)
	}
	if l, _ := st.List(); len(l) != len(good) {
		t.Fatalf("list has %d", len(l))
	}
}

func CleanNameMust(t *testing.T, n string) string {
	c, err := CleanName(n)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestListFindRenameDuplicate(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	mustSave(t, st, "Alpha", s, nil)
	mustSave(t, st, "beta 北京", s, nil)
	mustSave(t, st, "Gamma", s, nil)
	s2 := s.Clone()
	s2.Months = 12
	mustSave(t, st, "Alpha", s2, nil) // Alpha changed last
	l, err := st.List()
	if err != nil || names(l) != "Alpha|Gamma|beta 北京" {
		t.Fatalf("List %v %s", err, names(l))
	}
	if l[0].Revisions != 2 || l[0].Created.After(l[0].Updated) {
		t.Fatalf("info %+v", l[0])
	}
	if f, _ := st.Find("A"); names(f) != "Alpha|Gamma|beta 北京" {
		t.Fatalf("Find A: %s", names(f))
	}
	if f, _ := st.Find("北京"); names(f) != "beta 北京" {
		t.Fatalf("Find 北京: %s", names(f))
	}
	if f, _ := st.Find("ALP"); names(f) != "Alpha" {
		t.Fatalf("Find ALP: %s", names(f))
	}
	if err := st.Rename("Alpha", "Gamma"); !errors.Is(err, ErrExists) {
		t.Fatalf("rename onto existing: %v", err)
	}
	if err := st.Rename("nope", "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("rename missing: %v", err)
	}
	if err := st.Rename("Alpha", " Delta/δ "); err != nil {
		t.Fatal(err)
	}
	h, err := st.History("Delta/δ")
	if err != nil || len(h) != 2 || h[1].Name != "Alpha" {
		t.Fatalf("history after rename: %v %+v", err, h)
	}
	if _, _, err := st.Load("Alpha"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("old name still loads: %v", err)
	}
	// A save after the rename does not report the name as a change.
	s3 := s2.Clone()
	s3.Months = 13
	if r := mustSave(t, st, "Delta/δ", s3, nil); r.Summary != "months 12→13" {
		t.Fatalf("summary after rename %q", r.Summary)
	}
	r, err := st.Duplicate("Delta/δ", "Delta what-if")
	if err != nil || r.Number != 1 || !strings.Contains(r.Summary, `copy of "Delta/δ" revision 3`) {
		t.Fatalf("Duplicate %v %+v", err, r)
	}
	if _, err := st.Duplicate("Delta/δ", "Gamma"); !errors.Is(err, ErrExists) {
		t.Fatalf("duplicate onto existing: %v", err)
	}
	d, _, _ := st.Load("Delta what-if")
	if d.Months != 13 || d.Name != "Delta what-if" {
		t.Fatalf("duplicate holds %v", d)
	}
}

func TestTrash(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	mustSave(t, st, "A", s, nil)
	mustSave(t, st, "B", s, nil)
	if err := st.Delete("A"); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete("A"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if l, _ := st.List(); names(l) != "B" {
		t.Fatalf("list %s", names(l))
	}
	tr, _ := st.Trash()
	if names(tr) != "A" || !tr[0].Trashed || tr[0].TrashedAt.IsZero() {
		t.Fatalf("trash %+v", tr)
	}
	// The name is free again; undelete then conflicts.
	s2 := s.Clone()
	s2.Months = 12
	mustSave(t, st, "A", s2, nil)
	if _, err := st.Undelete("A"); !errors.Is(err, ErrExists) {
		t.Fatalf("undelete over live: %v", err)
	}
	if err := st.Rename("A", "A new"); err != nil {
		t.Fatal(err)
	}
	in, err := st.Undelete("A")
	if err != nil || in.Name != "A" || in.Trashed {
		t.Fatalf("undelete %v %+v", err, in)
	}
	a, _, _ := st.Load("A")
	if a.Months != 36 {
		t.Fatalf("undeleted the wrong one: %d", a.Months)
	}
	if _, err := st.Undelete("A"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("undelete again: %v", err)
	}
	st.Delete("A")
	st.Delete("B")
	n, err := st.EmptyTrash()
	if err != nil || n != 2 {
		t.Fatalf("EmptyTrash %d %v", n, err)
	}
	if tr, _ := st.Trash(); len(tr) != 0 {
		t.Fatalf("trash after emptying: %v", tr)
	}
	if l, _ := st.List(); names(l) != "A new" {
		t.Fatalf("list %s", names(l))
	}
}

func TestDraft(t *testing.T) {
	st := openTest(t, "")
	if _, _, _, ok := st.Draft(); ok {
		t.Fatal("draft in a new store")
	}
	s := example(t)
	s.Months = 0 // half-typed: invalid, still kept
	s.Demand.OnlineAgents = -3
	if err := st.SaveDraft("2027", s); err != nil {
		t.Fatal(err)
	}
	name, d, when, ok := st.Draft()
	if !ok || name != "2027" || d.Months != 0 || d.Demand.OnlineAgents != -3 || when.IsZero() {
		t.Fatalf("Draft %v %q %v", ok, name, d)
	}
	if l, _ := st.List(); len(l) != 0 {
		t.Fatal("draft shows in the list")
	}
	if err := st.ClearDraft(); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := st.Draft(); ok {
		t.Fatal("draft after ClearDraft")
	}
}

// Two windows on one database each keep their own draft: neither
// overwrites nor clears the other's, and neither is offered the draft of
// the other while it runs. A draft left behind (its store closed without
// clearing it, as by a crash) is offered to the next store, which takes
// it into its own slot: cleared there, it is gone; not cleared, it is
// offered again after another crash.
func TestDraftsOfTwoStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	a, b := openTest(t, path), openTest(t, path)
	s := example(t)
	sa, sb := s.Clone(), s.Clone()
	sa.Months, sb.Months = 11, 22
	if err := a.SaveDraft("A", sa); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := b.Draft(); ok {
		t.Fatal("b is offered a's draft while a is open")
	}
	if err := b.SaveDraft("B", sb); err != nil {
		t.Fatal(err)
	}
	if err := b.ClearDraft(); err != nil {
		t.Fatal(err)
	}
	if name, d, _, ok := a.Draft(); !ok || name != "A" || d.Months != 11 {
		t.Fatalf("a's draft after b saved and cleared its own: %v %q", ok, name)
	}
	if err := b.SaveDraft("B", sb); err != nil {
		t.Fatal(err)
	}

	b.Close() // as if its window crashed
	c := openTest(t, path)
	if name, d, _, ok := c.Draft(); !ok || name != "B" || d.Months != 22 {
		t.Fatalf("c is not offered b's draft left behind: %v %q", ok, name)
	}
	c.Close() // crashed again before deciding
	d := openTest(t, path)
	if name, _, _, ok := d.Draft(); !ok || name != "B" {
		t.Fatalf("b's draft lost after a second crash: %v %q", ok, name)
	}
	if err := d.ClearDraft(); err != nil { // thrown away on purpose
		t.Fatal(err)
	}
	e := openTest(t, path)
	if name, _, _, ok := e.Draft(); ok {
		t.Fatalf("a draft thrown away is offered again: %q", name)
	}
	if name, _, _, ok := a.Draft(); !ok || name != "A" {
		t.Fatalf("a's draft: %v %q", ok, name)
	}
}

// The one draft slot of earlier versions (keys name, time, scenario) is
// offered as a draft left behind.
func TestDraftOfEarlierVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	st := openTest(t, path)
	s := example(t)
	s.Months = 7
	data, _ := scenarios.Encode(s)
	err := st.rawUpdate(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDraft)
		b.Put(keyDraftName, []byte("old"))
		b.Put(keyDraftTime, u64key(uint64(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).UnixNano())))
		return b.Put(keyDraftScenario, data)
	})
	if err != nil {
		t.Fatal(err)
	}
	name, d, when, ok := st.Draft()
	if !ok || name != "old" || d.Months != 7 || when.Year() != 2026 {
		t.Fatalf("%v %q %v", ok, name, when)
	}
	if err := st.ClearDraft(); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := openTest(t, path).Draft(); ok {
		t.Fatal("the earlier version's draft is offered again after it was cleared")
	}
}

func TestImportExportRoundTrip(t *testing.T) {
	st := openTest(t, "")
	dir := t.TempDir()
	data, _ := os.ReadFile(exampleFile)
	r, _, err := st.Import(data, "spec-example.kefucost.json", "", SaveMeta{})
	if err != nil || r.Name != "2027 客服中心采购" || r.Summary != "created (imported from spec-example.kefucost.json)" {
		t.Fatalf("Import %v %+v", err, r)
	}
	out := filepath.Join(dir, "out.kefucost.json")
	if err := st.Export("2027 客服中心采购", out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	dec, _ := scenarios.Decode(data, "")
	canon, _ := scenarios.Encode(dec)
	if !bytes.Equal(got, canon) {
		t.Fatalf("export differs from the imported file:\n%s", got)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v", fi.Mode())
	}
	// No temporary files are left.
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("dir holds %v", ents)
	}
	// Re-import: identical, no new revision; changed: a new revision.
	if r, _, err := st.ImportFile(out, "", SaveMeta{}); err != nil || r.Number != 1 {
		t.Fatalf("re-import %v %+v", err, r)
	}
	changed := bytes.Replace(data, []byte(`"months": 36`), []byte(`"months": 48`), 1)
	if r, _, err := st.Import(changed, "x.kefucost.json", "", SaveMeta{}); err != nil || r.Number != 2 || r.Summary != "imported from x.kefucost.json: months 36→48" {
		t.Fatalf("import changed %v %+v", err, r)
	}
	if h, _ := st.History("2027 客服中心采购"); len(h) != 2 {
		t.Fatalf("history %v", h)
	}
	// Name override, and a file without a name takes the file's name.
	if r, _, err := st.Import(data, "a.kefucost.json", "Other", SaveMeta{}); err != nil || r.Name != "Other" {
		t.Fatalf("override %v %+v", err, r)
	}
	noName := bytes.Replace(data, []byte(`"name": "2027 客服中心采购"`), []byte(`"name": ""`), 1)
	if r, _, err := st.Import(noName, "dir/采购 B.kefucost.json", "", SaveMeta{}); err != nil || r.Name != "采购 B" {
		t.Fatalf("no name %v %+v", err, r)
	}
	if err := st.Export("nope", out); !errors.Is(err, ErrNotFound) {
		t.Fatalf("export missing: %v", err)
	}
	if err := st.Export("Other", filepath.Join(dir, "no/such/dir/x.json")); err == nil {
		t.Fatal("export into a missing folder worked")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("dir holds %v", ents)
	}
}

func TestImportBadFilesChangeNothing(t *testing.T) {
	st := openTest(t, "")
	data, _ := os.ReadFile(exampleFile)
	mustImport := func() {
		if _, _, err := st.Import(data, "good.kefucost.json", "", SaveMeta{}); err != nil {
			t.Fatal(err)
		}
	}
	mustImport()
	bad := map[string][]byte{
		"empty":     {},
		"truncated": data[:len(data)/2],
		"garbage":   []byte("\x00\x01PK\x03\x04"),
		"array":     []byte(`[1,2]`),
		"wrong":     []byte(`{"format": "something.else", "version": 1}`),
		"future":    bytes.Replace(data, []byte(`"version": 1`), []byte(`"version": 7`), 1),
		"unknown":   bytes.Replace(data, []byte(`"months": 36`), []byte(`"months": 36, "monts": 3`), 1),
		"range":     bytes.Replace(data, []byte(`"months": 36`), []byte(`"months": 360`), 1),
		"badname":   bytes.Replace(data, []byte(`"name": "2027 客服中心采购"`), []byte(`"name": "a\u0000b"`), 1),
	}
	before := st.txid(t)
	for what, b := range bad {
		_, _, err := st.Import(b, what+".kefucost.json", "", SaveMeta{})
		if err == nil {
			t.Errorf("%s: imported", what)
			continue
		}
		if _, derr := scenarios.Decode(b, what+".kefucost.json"); derr != nil && derr.Error() != err.Error() {
			t.Errorf("%s: import says %q, Decode says %q", what, err, derr)
		}
	}
	if after := st.txid(t); after != before {
		t.Fatalf("bad imports committed %d transactions", after-before)
	}
	if _, _, err := st.Import(bad["future"], "f.kefucost.json", "", SaveMeta{}); err == nil || !strings.Contains(err.Error(), "newer kefucost") {
		t.Fatalf("future version message: %v", err)
	}
}

// rawView and rawUpdate run fn on the file itself, for tests that look
// under the store or change it behind its back.
func (st *Store) rawView(fn func(tx *bbolt.Tx) error) error {
	return st.with(false, func(db *bbolt.DB) error { return db.View(fn) })
}

func (st *Store) rawUpdate(fn func(tx *bbolt.Tx) error) error {
	return st.with(true, func(db *bbolt.DB) error { return db.Update(fn) })
}

// txid is the id of the last committed transaction.
func (st *Store) txid(t testing.TB) int {
	t.Helper()
	var id int
	if err := st.rawView(func(tx *bbolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

// After a rename the stored bytes still hold the old name: saving or
// restoring what the latest revision holds must still add nothing, and the
// history keeps the name each revision was saved under.
func TestUnchangedSaveAfterRenameAddsNothing(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	ed := map[string]string{"chatopera": "2023-12"}
	mustSave(t, st, "Old", s, ed)
	s2 := s.Clone()
	s2.Months = 12
	mustSave(t, st, "Old", s2, ed)
	if err := st.Rename("Old", "New"); err != nil {
		t.Fatal(err)
	}
	if r := mustSave(t, st, "New", s2, ed); r.Number != 2 || r.Name != "New" {
		t.Fatalf("identical save after rename: %+v", r)
	}
	if r, _, err := st.Restore("New", 2); err != nil || r.Number != 2 {
		t.Fatalf("restoring the latest after rename: %v %+v", err, r)
	}
	h, err := st.History("New")
	if err != nil || len(h) != 2 {
		t.Fatalf("history after identical saves: %v %+v", err, h)
	}
	// Other editions are a change, told as such (not as a name change).
	ed2 := map[string]string{"chatopera": "2024-06"}
	if r := mustSave(t, st, "New", s2, ed2); r.Number != 3 || r.Summary != "prices of chatopera: edition 2023-12→2024-06" {
		t.Fatalf("new editions after rename: %+v", r)
	}
	// A real restore after the rename says what changed, not the name.
	r, _, err := st.Restore("New", 1)
	if err != nil || r.Number != 4 || r.Summary != "restored revision 1: months 12→36; prices of chatopera: edition 2024-06→2023-12" {
		t.Fatalf("restore 1 after rename: %v %+v", err, r)
	}
	h, _ = st.History("New")
	var got []string
	for _, r := range h {
		got = append(got, fmt.Sprintf("%d %s: %s", r.Number, r.Name, r.Summary))
		if strings.Contains(r.Summary, "no changes") || strings.Contains(r.Summary, "name") {
			t.Errorf("revision %d summary %q", r.Number, r.Summary)
		}
	}
	want := "4 New: restored revision 1: months 12→36; prices of chatopera: edition 2024-06→2023-12|3 New: prices of chatopera: edition 2023-12→2024-06|2 Old: months 36→12|1 Old: created"
	if strings.Join(got, "|") != want {
		t.Fatalf("history\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if in, _ := st.Lookup("New"); in.Revisions != 4 {
		t.Fatalf("index says %d revisions", in.Revisions)
	}
}

// Import records the price editions it is given, like Save, and says in
// the summary which file the revision came from.
func TestImportRecordsEditions(t *testing.T) {
	st := openTest(t, "")
	data, _ := os.ReadFile(exampleFile)
	ed := map[string]string{"chatopera": "2023-12", "tencent-qidian": "2023"}
	r, _, err := st.Import(data, "dir/spec-example.kefucost.json", "", SaveMeta{Editions: ed})
	if err != nil || r.Number != 1 || r.Summary != "created (imported from spec-example.kefucost.json)" || !editionsEqual(r.Editions, ed) {
		t.Fatalf("Import: %v %+v", err, r)
	}
	ed["chatopera"] = "changed after the call" // the store keeps its own copy
	h, err := st.History("2027 客服中心采购")
	if err != nil || len(h) != 1 || h[0].Editions["chatopera"] != "2023-12" || h[0].Summary != r.Summary {
		t.Fatalf("History: %v %+v", err, h)
	}
	// The same file with the same editions adds nothing; with other
	// editions it is a revision that says so.
	ed = map[string]string{"chatopera": "2023-12", "tencent-qidian": "2023"}
	if r, _, err := st.Import(data, "again.kefucost.json", "", SaveMeta{Editions: ed}); err != nil || r.Number != 1 {
		t.Fatalf("re-import: %v %+v", err, r)
	}
	ed2 := map[string]string{"chatopera": "2024-06", "tencent-qidian": "2023"}
	p := filepath.Join(t.TempDir(), "later.kefucost.json")
	os.WriteFile(p, data, 0o644)
	r, _, err = st.ImportFile(p, "", SaveMeta{Editions: ed2})
	if err != nil || r.Number != 2 || r.Summary != "imported from later.kefucost.json: prices of chatopera: edition 2023-12→2024-06" || r.Editions["chatopera"] != "2024-06" {
		t.Fatalf("ImportFile with other editions: %v %+v", err, r)
	}
	// Importing after a rename what the latest revision holds adds
	// nothing either (the file still carries the old name).
	if err := st.Rename("2027 客服中心采购", "renamed"); err != nil {
		t.Fatal(err)
	}
	if r, _, err := st.Import(data, "same.kefucost.json", "renamed", SaveMeta{Editions: ed2}); err != nil || r.Number != 2 {
		t.Fatalf("import after rename: %v %+v", err, r)
	}
}

// A revision asked for that is not there: the error names the scenario and
// says which revisions it has, whichever method asked.
func TestNoRevisionNamesScenario(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	for m := 10; m < 13; m++ {
		s.Months = m
		mustSave(t, st, "三 revs", s, nil)
	}
	want := `scenario "三 revs" has no revision 5 (it has 1 to 3)`
	if _, _, err := st.LoadRevision("三 revs", 5); !errors.Is(err, ErrNotFound) || !errors.Is(err, ErrNoRevision) || err.Error() != want {
		t.Errorf("LoadRevision 5: %v", err)
	}
	if _, _, err := st.Restore("三 revs", 5); !errors.Is(err, ErrNoRevision) || err.Error() != want {
		t.Errorf("Restore 5: %v", err)
	}
	if _, _, err := st.LoadRevision("三 revs", -1); !errors.Is(err, ErrNoRevision) || !strings.Contains(err.Error(), "(it has 1 to 3)") {
		t.Errorf("LoadRevision -1: %v", err)
	}
	// A name that is not there is not a missing revision.
	if _, _, err := st.LoadRevision("nope", 1); !errors.Is(err, ErrNotFound) || errors.Is(err, ErrNoRevision) {
		t.Errorf("LoadRevision nope: %v", err)
	}
	// A revision the index lists but the file lacks is damage, named.
	err := st.rawUpdate(func(tx *bbolt.Tx) error {
		b, _ := buckets(tx)
		id, _, err := lookup(b, "三 revs")
		if err != nil {
			return err
		}
		return b.revs.Bucket(u64key(id)).Delete(u64key(3))
	})
	if err != nil {
		t.Fatal(err)
	}
	for what, err := range map[string]error{
		"Load":      func() error { _, _, err := st.Load("三 revs"); return err }(),
		"Save":      func() error { _, _, err := st.Save("三 revs", s, SaveMeta{}); return err }(),
		"Duplicate": func() error { _, err := st.Duplicate("三 revs", "copy"); return err }(),
	} {
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), `scenario "三 revs" has no revision 3 although its index lists 1 to 3`) {
			t.Errorf("%s with revision 3 missing: %v", what, err)
		}
	}
}

// Several deleted scenarios of one name: Undelete takes the most recently
// deleted (on equal times the one created last), Trash lists that one
// first, and UndeleteID takes any one by its id.
func TestUndeleteSameName(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	var ids []uint64
	for m := 10; m < 13; m++ {
		s.Months = m
		mustSave(t, st, "A", s, nil)
		in, err := st.Lookup("A")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, in.ID)
		if err := st.Delete("A"); err != nil {
			t.Fatal(err)
		}
	}
	tr, err := st.Trash()
	if err != nil || len(tr) != 3 || tr[0].ID != ids[2] || tr[2].ID != ids[0] || !tr[0].TrashedAt.After(tr[1].TrashedAt) {
		t.Fatalf("Trash: %v %+v", err, tr)
	}
	in, err := st.UndeleteID(ids[1])
	if err != nil || in.ID != ids[1] || in.Name != "A" || in.Trashed {
		t.Fatalf("UndeleteID: %v %+v", err, in)
	}
	if a, _, _ := st.Load("A"); a.Months != 11 {
		t.Fatalf("UndeleteID took the one with %d months", a.Months)
	}
	if _, err := st.UndeleteID(ids[0]); !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), `"A"`) {
		t.Fatalf("UndeleteID over a live name: %v", err)
	}
	if _, err := st.UndeleteID(ids[1]); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), fmt.Sprintf("no scenario with id %d in the trash", ids[1])) {
		t.Fatalf("UndeleteID of a live scenario: %v", err)
	}
	if _, err := st.UndeleteID(999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("UndeleteID 999: %v", err)
	}
	if err := st.Rename("A", "A (11)"); err != nil {
		t.Fatal(err)
	}
	if in, err := st.Undelete("A"); err != nil || in.ID != ids[2] {
		t.Fatalf("Undelete: %v %+v, want id %d (the last deleted)", err, in, ids[2])
	}

	// Deleted at the same time: the one created last.
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	st2, err := Open(Options{Path: filepath.Join(t.TempDir(), "s.db"), Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	ids = nil
	for m := 10; m < 13; m++ {
		s.Months = m
		mustSave(t, st2, "B", s, nil)
		in, _ := st2.Lookup("B")
		ids = append(ids, in.ID)
		st2.Delete("B")
	}
	if tr, _ := st2.Trash(); len(tr) != 3 || tr[0].ID != ids[2] || tr[1].ID != ids[1] {
		t.Fatalf("Trash with equal times: %+v", tr)
	}
	if in, err := st2.Undelete("B"); err != nil || in.ID != ids[2] {
		t.Fatalf("Undelete with equal times: %v %+v, want id %d", err, in, ids[2])
	}
}

// Save, Import and Restore say whether they added a revision: what the
// latest revision holds already adds nothing.
func TestSaveImportRestoreSayWhetherTheyAdded(t *testing.T) {
	st := openTest(t, "")
	s := example(t)
	ed := map[string]string{"chatopera": "2023-12"}
	for i, c := range []struct {
		what  string
		do    func() (Revision, bool, error)
		rev   int
		added bool
	}{
		{"first save", func() (Revision, bool, error) { return st.Save("a", s, SaveMeta{Editions: ed}) }, 1, true},
		{"same again", func() (Revision, bool, error) { return st.Save("a", s, SaveMeta{Editions: ed}) }, 1, false},
		{"other editions", func() (Revision, bool, error) { return st.Save("a", s, SaveMeta{}) }, 2, true},
		{"restore 1", func() (Revision, bool, error) { return st.Restore("a", 1) }, 3, true},
		{"restore 1 again", func() (Revision, bool, error) { return st.Restore("a", 1) }, 3, false},
		{"import the same", func() (Revision, bool, error) {
			data, _ := scenarios.Encode(s)
			return st.Import(data, "a.kefucost.json", "a", SaveMeta{Editions: ed})
		}, 3, false},
		{"import a change", func() (Revision, bool, error) {
			c := s.Clone()
			c.Months++
			data, _ := scenarios.Encode(c)
			return st.Import(data, "a.kefucost.json", "a", SaveMeta{Editions: ed})
		}, 4, true},
	} {
		r, added, err := c.do()
		if err != nil || r.Number != c.rev || added != c.added {
			t.Fatalf("%d. %s: revision %d added %v (%v); want revision %d added %v", i+1, c.what, r.Number, added, err, c.rev, c.added)
		}
	}
}

// Errors about the database are *Error values naming the file; errors
// about the scenario (its fields, its file) are the scenarios package's.
func TestErrorsCarryTheDatabasePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenarios.db")
	st := openTest(t, path)
	s := example(t)
	mustSave(t, st, "a", s, nil)
	mustSave(t, st, "b", s, nil)
	ro, err := Open(Options{Path: path, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for what, c := range map[string]struct {
		err      error
		sentinel error
	}{
		"load":      {func() error { _, _, err := st.Load("none"); return err }(), ErrNotFound},
		"revision":  {func() error { _, _, err := st.LoadRevision("a", 9); return err }(), ErrNoRevision},
		"history":   {func() error { _, err := st.History("none"); return err }(), ErrNotFound},
		"rename":    {st.Rename("a", "b"), ErrExists},
		"name":      {func() error { _, _, err := st.Save(" ", s, SaveMeta{}); return err }(), ErrInvalidName},
		"undelete":  {func() error { _, err := st.Undelete("a"); return err }(), ErrNotFound},
		"read-only": {ro.Delete("a"), ErrReadOnly},
		"draft":     {ro.SaveDraft("a", s), ErrReadOnly},
	} {
		var e *Error
		if !errors.Is(c.err, c.sentinel) || !errors.As(c.err, &e) || e.Path != path {
			t.Errorf("%s: %v (%T); want %v with the path", what, c.err, c.err, c.sentinel)
		}
	}
	st.Close()
	if _, err := st.List(); !errors.Is(err, ErrClosed) {
		t.Errorf("list after Close: %v", err)
	}
	st = openTest(t, path)
	bad := s.Clone()
	bad.Months = 0
	_, _, err = st.Save("a", bad, SaveMeta{})
	var fes scenarios.FieldErrors
	var e *Error
	if !errors.As(err, &fes) || errors.As(err, &e) {
		t.Errorf("an invalid scenario: %v (%T); want its FieldErrors", err, err)
	}
	_, _, err = st.Import([]byte("{"), "x.kefucost.json", "", SaveMeta{})
	var fe *scenarios.FieldError
	if !errors.As(err, &fe) || errors.As(err, &e) {
		t.Errorf("a bad file: %v (%T); want its FieldError", err, err)
	}
}
