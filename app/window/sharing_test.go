package window

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"go.etcd.io/bbolt"

	"kefucost/app/cli"
	"kefucost/scenarios/store"
)

// holdDatabase opens the database file as another program that holds it
// would, until the returned function is called (again is harmless).
func holdDatabase(t *testing.T, db string) (release func()) {
	t.Helper()
	h, err := bbolt.Open(db, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return func() { h.Close() }
}

// runCLI runs kefucost's command line in-process on db.
func runCLI(t *testing.T, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "KEFUCOST_DB" {
			return db
		}
		return ""
	}}
	code = cli.Run(env, args)
	return out.String(), errb.String(), code
}

// The window holds its store for as long as it is open, but the file only
// for each operation: kefucost scenarios list and import work beside it, a
// second window saves too, and each sees what the others saved.
func TestUIScenariosCommandsWhileWindowOpen(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "窗口方案")
	typeInto(f.field("demand.bots").Entry, "3")
	u.onSave()
	if u.savedName != "窗口方案" {
		t.Fatalf("the window did not save: %q", u.savedName)
	}

	out, errOut, code := runCLI(t, f.db, "scenarios", "list")
	if code != 0 || errOut != "" || !strings.Contains(out, "窗口方案") {
		t.Fatalf("scenarios list while the window is open: exit %d, %q, %q", code, out, errOut)
	}
	spec, err := filepath.Abs("../cli/testdata/scenarios/mixed-spec-example.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := runCLI(t, f.db, "scenarios", "import", spec, "--name", "命令行导入"); code != 0 {
		t.Fatalf("scenarios import while the window is open: exit %d, %q, %q", code, out, errOut)
	}
	u.list.Refresh()
	if len(u.list.Infos) != 2 {
		t.Fatalf("the window lists %d scenarios after the import", len(u.list.Infos))
	}

	// A second window on the same database.
	st2, err := store.Open(store.Options{Path: f.db})
	if err != nil {
		t.Fatalf("a second window cannot open the database: %v", err)
	}
	defer st2.Close()
	u2 := newUI(f.app, storeOpen{store: st2, path: f.db}, runMode{sync: true, noCharts: true})
	defer u2.live.stop()
	typeInto(u2.form.Name, "第二个窗口")
	u2.onSave()
	if u2.savedName != "第二个窗口" {
		t.Fatalf("the second window did not save: %q %q", u2.savedName, labelsText(u2.win.Canvas().Overlays().Top()))
	}
	typeInto(f.field("demand.bots").Entry, "4")
	u.onSave() // the first window again, after the others wrote
	if h, err := f.store.History("窗口方案"); err != nil || len(h) != 2 {
		t.Fatalf("the first window's second save: %d revisions (%v)", len(h), err)
	}
	out, _, _ = runCLI(t, f.db, "scenarios", "list")
	for _, name := range []string{"窗口方案", "命令行导入", "第二个窗口"} {
		if !strings.Contains(out, name) {
			t.Errorf("scenarios list lacks %q:\n%s", name, out)
		}
	}
}

// While another program holds the database longer than a second, Save
// says so in the window's language and keeps everything typed: the editor
// still holds it as unsaved, and Save works once the file is free.
func TestUISaveWhileDatabaseHeldKeepsTheWork(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "方案")
	u.onSave()
	typeInto(f.field("demand.bots").Entry, "9")
	release := holdDatabase(t, f.db)
	defer release()
	start := time.Now()
	u.onSave()
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Save waited %v", d)
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsText(top), "正被另一个 kefucost 使用") || !strings.Contains(labelsText(top), "内容都还在") {
		t.Fatalf("Save while the database is held says %q", labelsText(top))
	}
	if u.cur.Demand.Bots != 9 || !u.dirty() || u.form.Fields["demand.bots"].Entry.Text != "9" {
		t.Fatalf("the typed change was lost: bots %d, dirty %v", u.cur.Demand.Bots, u.dirty())
	}
	test.Tap(findButton(t, top, u.lang.T("action.close")))
	release()
	u.onSave()
	if u.dirty() {
		t.Fatal("Save after the file was let go did not save")
	}
	if s, _, err := f.store.Load("方案"); err != nil || s.Demand.Bots != 9 {
		t.Fatalf("saved %v (%v)", s, err)
	}
}

// A draft write refused because another program held the database is
// written after the next pause instead.
func TestUIDraftRefusedWhileDatabaseHeldIsWrittenLater(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	asyncUI(f)
	typeInto(f.field("demand.bots").Entry, "5")
	u.live.cancelDraft() // only the retry may write it
	release := holdDatabase(t, f.db)
	u.saveDraft()
	u.live.drainDrafts(t) // refused after a second
	release()
	if _, _, _, ok := f.store.Draft(); ok {
		t.Fatal("a draft was written while the database was held")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, s, _, ok := f.store.Draft(); ok && s.Demand.Bots == 5 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the refused draft was never written")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
