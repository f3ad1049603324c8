package cli

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"kefucost/app"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// The scenarios subcommand, end to end and in-process, against a database
// in a temporary folder (never the user's).

const specName = "2027 客服中心采购" // the name inside mixed-spec-example

var specFile = filepath.Join("testdata", "scenarios", "mixed-spec-example.kefucost.json")

// scRun runs the CLI with KEFUCOST_DB set to db ("" leaves it unset) and
// stdin as standard input. XDG_CONFIG_HOME is a fresh temporary folder, so
// that even without a database given the user's own is never touched.
func scRun(t *testing.T, db, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		switch k {
		case "KEFUCOST_DB":
			return db
		case "XDG_CONFIG_HOME":
			return t.TempDir()
		}
		return ""
	}}
	code = Run(env, args)
	return out.String(), errb.String(), code
}

// scOK runs the CLI and fails the test unless it exits 0 with nothing on
// stderr.
func scOK(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := scRun(t, db, "", args...)
	if code != 0 || errOut != "" {
		t.Fatalf("%q: exit %d, stderr %q", args, code, errOut)
	}
	return out
}

// scFail runs the CLI and checks it fails with code, one line on stderr
// containing every want, and nothing on stdout.
func scFail(t *testing.T, db string, code int, args []string, want ...string) string {
	t.Helper()
	out, errOut, got := scRun(t, db, "", args...)
	if got != code {
		t.Errorf("%q: exit %d, want %d (stderr %q)", args, got, code, errOut)
	}
	if out != "" {
		t.Errorf("%q: wrote to stdout on error: %q", args, out)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") {
		t.Errorf("%q: want one line on stderr, got %q", args, errOut)
	}
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			t.Errorf("%q: stderr %q lacks %q", args, errOut, w)
		}
	}
	return errOut
}

// fakeClock makes the store's times and the shown zone deterministic: the
// clock starts at 2026-11-23 08:00 UTC and ticks a minute per reading;
// times are shown in UTC+8.
func fakeClock(t *testing.T) {
	t.Helper()
	var mu sync.Mutex
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	scenariosClock = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Minute)
		return now
	}
	scenariosZone = time.FixedZone("UTC+8", 8*3600)
	t.Cleanup(func() {
		scenariosClock = nil
		scenariosZone = time.Local
	})
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (rerun with -update if intended):\n%s", golden, firstDiff(got, string(want)))
	}
}

type listEntry struct {
	Name      string
	Revisions int
	Created   string
	Updated   string
	Deleted   string
}

func listJSON(t *testing.T, db string, args ...string) []listEntry {
	t.Helper()
	var l []listEntry
	out := scOK(t, db, append([]string{"scenarios", "list", "--format", "json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatalf("list json: %v\n%s", err, out)
	}
	return l
}

func listNames(l []listEntry) string {
	var n []string
	for _, e := range l {
		n = append(n, e.Name)
	}
	return strings.Join(n, "|")
}

type revEntry struct {
	Revision int
	Time     string
	Summary  string
	Editions map[string]string
	Name     string
}

func historyJSON(t *testing.T, db, name string) []revEntry {
	t.Helper()
	var h []revEntry
	out := scOK(t, db, "scenarios", "history", "--format", "json", "--", name)
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatalf("history json: %v\n%s", err, out)
	}
	return h
}

func TestScenariosEndToEnd(t *testing.T) {
	fakeClock(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "sub", "scenarios.db")

	// Listing a database that does not exist yet says so and creates
	// nothing.
	if out := scOK(t, db, "scenarios", "list"); out != "No saved scenarios in "+db+".\n" {
		t.Fatalf("empty list: %q", out)
	}
	if out := scOK(t, db, "scenarios", "list", "--format", "json"); out != "[]\n" {
		t.Fatalf("empty json list: %q", out)
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Fatalf("list created the database folder: %v", err)
	}
	scFail(t, db, ExitError, []string{"scenarios", "show", specName}, `no saved scenario named "2027 客服中心采购"`, db)

	// import: the file's own name; a flag after the file.
	if out := scOK(t, db, "scenarios", "import", specFile); out != `saved "2027 客服中心采购" revision 1: created (imported from mixed-spec-example.kefucost.json)`+"\n" {
		t.Fatalf("import: %q", out)
	}
	other := `a/b "c" 🎉`
	if out := scOK(t, db, "scenarios", "import", filepath.Join("testdata", "scenarios", "aliyun-seats-12m.kefucost.json"), "--name", other); out != `saved "a/b \"c\" 🎉" revision 1: created (imported from aliyun-seats-12m.kefucost.json)`+"\n" {
		t.Fatalf("import --name: %q", out)
	}
	// The scenario name is in the file's name field; from stdin.
	data, _ := os.ReadFile(filepath.Join("testdata", "scenarios", "chatopera-asr.kefucost.json"))
	if out, errOut, code := scRun(t, db, string(data), "scenarios", "import", "-"); code != 0 || out != "saved \"chatopera-asr\" revision 1: created (imported from stdin)\n" {
		t.Fatalf("import -: exit %d %q %q", code, out, errOut)
	}

	// list: newest first, golden table; json; find.
	checkGolden(t, "scenarios-list.table", scOK(t, db, "scenarios", "list"))
	l := listJSON(t, db)
	if listNames(l) != "chatopera-asr|"+other+"|"+specName || l[2].Revisions != 1 || l[2].Updated != "2026-11-23T16:01:00+08:00" {
		t.Fatalf("list json: %+v", l)
	}
	if n := listNames(listJSON(t, db, "--find", "客服")); n != specName {
		t.Fatalf("find 客服: %q", n)
	}
	if n := listNames(listJSON(t, db, "--find", "A/B")); n != other {
		t.Fatalf("find A/B (ignoring case): %q", n)
	}
	if out := scOK(t, db, "scenarios", "list", "--find", "nothing like it"); out != "No saved scenario has a name containing \"nothing like it\".\n" {
		t.Fatalf("find nothing: %q", out)
	}

	// show is byte-identical to export, to a file and to stdout, and is
	// what Encode writes.
	shown := scOK(t, db, "scenarios", "show", specName)
	exported := filepath.Join(dir, "exported.kefucost.json")
	if out := scOK(t, db, "scenarios", "export", specName, exported); out != `wrote "2027 客服中心采购" revision 1 to `+exported+"\n" {
		t.Fatalf("export: %q", out)
	}
	file, _ := os.ReadFile(exported)
	if string(file) != shown {
		t.Fatalf("export differs from show:\n%s\n---\n%s", file, shown)
	}
	if out := scOK(t, db, "scenarios", "export", specName, "-"); out != shown {
		t.Fatalf("export - differs from show")
	}
	orig, err := scenarios.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	if enc, _ := scenarios.Encode(orig); string(enc) != shown {
		t.Fatalf("show is not the imported scenario as Encode writes it:\n%s", shown)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Fatalf("export left files behind: %v", ents)
	}

	// Re-importing the export changes nothing; a changed file adds a
	// revision and never replaces the first.
	if out := scOK(t, db, "scenarios", "import", exported); out != `"2027 客服中心采购" revision 1 already holds this scenario: nothing new was saved`+"\n" {
		t.Fatalf("re-import: %q", out)
	}
	changed := bytes.Replace(file, []byte(`"months": 36`), []byte(`"months": 24`), 1)
	os.WriteFile(exported, changed, 0o644)
	if out := scOK(t, db, "scenarios", "import", exported); out != `saved "2027 客服中心采购" revision 2: imported from exported.kefucost.json: months 36→24`+"\n" {
		t.Fatalf("import changed: %q", out)
	}
	if out := scOK(t, db, "scenarios", "show", specName); out != string(changed) {
		t.Fatalf("latest is not the changed file:\n%s", out)
	}
	if out := scOK(t, db, "scenarios", "show", "--rev", "1", specName); out != shown {
		t.Fatalf("show --rev 1 (flag first) is not the first import")
	}
	if out := scOK(t, db, "scenarios", "show", specName, "--rev=1"); out != shown {
		t.Fatalf("show NAME --rev=1 is not the first import")
	}

	// restore adds revision 3 equal to 1; restoring it again adds nothing.
	if out := scOK(t, db, "scenarios", "restore", specName, "1"); out != `saved "2027 客服中心采购" revision 3: restored revision 1: months 24→36`+"\n" {
		t.Fatalf("restore: %q", out)
	}
	if out := scOK(t, db, "scenarios", "show", specName); out != shown {
		t.Fatal("after restore the latest is not revision 1")
	}
	if out := scOK(t, db, "scenarios", "restore", specName, "3"); !strings.Contains(out, "nothing new was saved") {
		t.Fatalf("restore the latest: %q", out)
	}
	scFail(t, db, ExitError, []string{"scenarios", "restore", specName, "9"}, "has no revision 9 (it has 1 to 3)")
	// The history table, inline rather than in testdata/golden (whose
	// scenarios-history.table no test reads any more).
	wantHistory := `Rev  Saved                Changes
  3  2026-11-23 16:06:00  restored revision 1: months 24→36
                          prices: aliyun-icc 2021-12-20, chatopera 2023-12, huawei-cec 2023-12-01, tencent-qidian 2023
  2  2026-11-23 16:05:00  imported from exported.kefucost.json: months 36→24
                          prices: aliyun-icc 2021-12-20, chatopera 2023-12, huawei-cec 2023-12-01, tencent-qidian 2023
  1  2026-11-23 16:01:00  created (imported from mixed-spec-example.kefucost.json)
                          prices: aliyun-icc 2021-12-20, chatopera 2023-12, huawei-cec 2023-12-01, tencent-qidian 2023
`
	if got := scOK(t, db, "scenarios", "history", specName); got != wantHistory {
		t.Errorf("history table:\n%s", firstDiff(got, wantHistory))
	}
	h := historyJSON(t, db, specName)
	if len(h) != 3 || h[0].Revision != 3 || h[2].Summary != "created (imported from mixed-spec-example.kefucost.json)" || h[1].Summary != "imported from exported.kefucost.json: months 36→24" || h[0].Editions["tencent-qidian"] == "" {
		t.Fatalf("history json: %+v", h)
	}

	// rename keeps the history; the old name is free.
	renamed := "采购/2027 \"终版\""
	if out := scOK(t, db, "scenarios", "rename", specName, renamed); out != `renamed "2027 客服中心采购" to "采购/2027 \"终版\"" (its history is kept)`+"\n" {
		t.Fatalf("rename: %q", out)
	}
	scFail(t, db, ExitError, []string{"scenarios", "show", specName}, `no saved scenario named "2027 客服中心采购"`)
	if h := historyJSON(t, db, renamed); len(h) != 3 || h[0].Name != specName {
		t.Fatalf("history after rename: %+v", h)
	}
	if out := scOK(t, db, "scenarios", "history", renamed); !strings.Contains(out, `restored revision 1: months 24→36 (saved as "2027 客服中心采购")`) {
		t.Fatalf("history after rename does not say the old name:\n%s", out)
	}
	scFail(t, db, ExitError, []string{"scenarios", "rename", renamed, other}, "already exists")

	// duplicate starts a new history.
	copyName := "副本 🎉"
	if out := scOK(t, db, "scenarios", "duplicate", renamed, copyName); !strings.HasPrefix(out, `saved "副本 🎉" revision 1: created (copy of`) {
		t.Fatalf("duplicate: %q", out)
	}
	if h := historyJSON(t, db, copyName); len(h) != 1 {
		t.Fatalf("copy's history: %+v", h)
	}
	if scOK(t, db, "scenarios", "show", copyName) != strings.Replace(shown, `"name": "2027 客服中心采购"`, `"name": "副本 🎉"`, 1) {
		t.Fatal("the copy differs from its source")
	}
	scFail(t, db, ExitError, []string{"scenarios", "duplicate", renamed, other}, "already exists")

	// delete → trash → undelete → delete → empty-trash.
	out := scOK(t, db, "scenarios", "delete", copyName)
	if out != `moved "副本 🎉" to the trash; to bring it back: kefucost scenarios undelete '副本 🎉'`+"\n" {
		t.Fatalf("delete: %q", out)
	}
	if n := listNames(listJSON(t, db)); strings.Contains(n, copyName) {
		t.Fatalf("deleted scenario still listed: %s", n)
	}
	tr := listJSON(t, db, "--trash")
	if listNames(tr) != copyName || tr[0].Deleted == "" {
		t.Fatalf("trash: %+v", tr)
	}
	if out := scOK(t, db, "scenarios", "list", "--trash"); !regexp.MustCompile(`^Name +Deleted +Revisions +Last change +ID\n副本 🎉 +2026-11-23 \d\d:\d\d:00 +1 +2026-11-23 \d\d:\d\d:00 +4\n$`).MatchString(out) {
		t.Fatalf("trash table:\n%s", out)
	}
	scFail(t, db, ExitError, []string{"scenarios", "show", copyName}, "no saved scenario named")
	if out := scOK(t, db, "scenarios", "undelete", copyName); !regexp.MustCompile(`^took "副本 🎉" out of the trash \(id 4, 1 revision, deleted 2026-11-23 \d\d:\d\d:00\)\n$`).MatchString(out) {
		t.Fatalf("undelete: %q", out)
	}
	if out := scOK(t, db, "scenarios", "list", "--trash"); out != "The trash is empty.\n" {
		t.Fatalf("trash after undelete: %q", out)
	}
	scOK(t, db, "scenarios", "delete", copyName)
	if out := scOK(t, db, "scenarios", "empty-trash"); out != "removed 1 scenario from the trash for good, with every revision\n" {
		t.Fatalf("empty-trash: %q", out)
	}
	if out := scOK(t, db, "scenarios", "empty-trash"); out != "the trash was empty: nothing was removed\n" {
		t.Fatalf("empty-trash again: %q", out)
	}
	scFail(t, db, ExitError, []string{"scenarios", "undelete", copyName}, "no scenario named \"副本 🎉\" in the trash")
	if n := listNames(listJSON(t, db)); n != renamed+"|chatopera-asr|"+other {
		t.Fatalf("final list: %s", n)
	}

	// compare a saved scenario: the same as compare --scenario on the file.
	want := scOK(t, "", "compare", "--scenario", specFile, "--format", "json")
	want = strings.Replace(want, `"scenario": "`+specName+`"`, `"scenario": `+string(mustJSON(renamed)), 1)
	if got := scOK(t, db, "scenarios", "compare", renamed, "--rev", "1", "--format", "json"); got != want {
		t.Fatalf("scenarios compare differs from compare --scenario:\n%s", firstDiff(got, want))
	}
}

// --db wins over KEFUCOST_DB, before or after the subcommand.
func TestScenariosDBFlag(t *testing.T) {
	dir := t.TempDir()
	envDB, flagDB := filepath.Join(dir, "env.db"), filepath.Join(dir, "flag.db")
	scOK(t, envDB, "scenarios", "import", specFile, "--db", flagDB)
	scOK(t, envDB, "scenarios", "import", "--db="+flagDB, specFile, "--name", "second")
	scOK(t, "", "scenarios", "--db", flagDB, "import", specFile, "--name", "third")
	if n := listNames(listJSON(t, "", "--db", flagDB)); n != "third|second|"+specName {
		t.Fatalf("flag.db holds %q", n)
	}
	if _, err := os.Stat(envDB); !os.IsNotExist(err) {
		t.Fatalf("KEFUCOST_DB was used although --db was given: %v", err)
	}
	// The hint after delete names the database given.
	out := scOK(t, "", "scenarios", "delete", "second", "--db", flagDB)
	if !strings.HasSuffix(out, "kefucost scenarios undelete --db "+flagDB+" second\n") {
		t.Fatalf("delete hint: %q", out)
	}
	// KEFUCOST_DB alone.
	scOK(t, envDB, "scenarios", "import", specFile)
	if n := listNames(listJSON(t, envDB)); n != specName {
		t.Fatalf("env.db holds %q", n)
	}
}

func TestScenariosNames(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	long := strings.Repeat("长", scenarios.MaxNameLen)
	for _, name := range []string{"a/b/c", `say "hi" 'there'`, "🎉🚀 emoji", long, "-starts with a dash", "  padded  "} {
		args := []string{"scenarios", "import", specFile, "--name", name}
		if _, errOut, code := scRun(t, db, "", args...); code != 0 {
			t.Fatalf("import --name %q: exit %d %s", name, code, errOut)
		}
		clean := strings.TrimSpace(name)
		got := scOK(t, db, "scenarios", "show", "--", clean)
		if !strings.Contains(got, `"name": `+string(mustJSON(clean))) {
			t.Fatalf("show %q: name field wrong:\n%s", clean, got[:120])
		}
		if h := historyJSON(t, db, clean); len(h) != 1 {
			t.Fatalf("history %q: %+v", clean, h)
		}
	}
	before := listJSON(t, db)
	if len(before) != 6 {
		t.Fatalf("%d scenarios saved, want 6", len(before))
	}
	// A name with a dash needs "--"; without it the name is taken for a flag.
	scFail(t, db, ExitUsage, []string{"scenarios", "show", "-starts with a dash"}, "flag provided but not defined")
	scFail(t, db, ExitError, []string{"scenarios", "import", specFile, "--name", long + "长"}, "201 characters long; at most 200")
	scFail(t, db, ExitError, []string{"scenarios", "import", specFile, "--name", "a\tb"}, "control character")
	scFail(t, db, ExitError, []string{"scenarios", "show", ""}, "the scenario name is empty")
	scFail(t, db, ExitError, []string{"scenarios", "show", " \t "}, "the scenario name is empty")
	scFail(t, db, ExitError, []string{"scenarios", "rename", "a/b/c", "   "}, "the scenario name is empty")
	scFail(t, db, ExitError, []string{"scenarios", "duplicate", "a/b/c", long + "x"}, "at most 200")
	// A file whose name field is empty takes its file name; with only
	// white space in --name too.
	data, _ := os.ReadFile(specFile)
	noName := filepath.Join(t.TempDir(), "无名 方案.kefucost.json")
	os.WriteFile(noName, bytes.Replace(data, []byte(`"name": "2027 客服中心采购"`), []byte(`"name": ""`), 1), 0o644)
	if out := scOK(t, db, "scenarios", "import", noName, "--name", "  "); !strings.HasPrefix(out, `saved "无名 方案" revision 1`) {
		t.Fatalf("import without a name: %q", out)
	}
	if _, errOut, code := scRun(t, db, strings.Replace(string(data), `"name": "2027 客服中心采购"`, `"name": ""`, 1), "scenarios", "import", "-"); code != ExitError || !strings.Contains(errOut, "give one with --name NAME") {
		t.Fatalf("stdin without a name: exit %d %q", code, errOut)
	}
	if after := listJSON(t, db); len(after) != len(before)+1 {
		t.Fatalf("refused names changed the store: %d scenarios", len(after))
	}
}

func mustJSON(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return bytes.TrimSpace(b.Bytes())
}

// snapshot is what must not change: the file's bytes, the list and every
// history.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(raw)
	l := listJSON(t, db)
	for _, e := range l {
		b.WriteString(scOK(t, db, "scenarios", "history", e.Name, "--format", "json"))
	}
	b.WriteString(scOK(t, db, "scenarios", "list", "--format", "json"))
	b.WriteString(scOK(t, db, "scenarios", "list", "--trash", "--format", "json"))
	return b.String()
}

func TestScenariosImportBadFilesChangeNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scenarios.db")
	scOK(t, db, "scenarios", "import", specFile)
	changedOnce, _ := os.ReadFile(specFile)
	os.WriteFile(filepath.Join(dir, "v2.kefucost.json"), bytes.Replace(changedOnce, []byte(`"months": 36`), []byte(`"months": 12`), 1), 0o644)
	scOK(t, db, "scenarios", "import", filepath.Join(dir, "v2.kefucost.json"), "--name", "v2")
	scOK(t, db, "scenarios", "delete", "v2")
	before := snapshot(t, db)

	data, _ := os.ReadFile(specFile)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	cases := []struct {
		file string
		want []string
	}{
		{write("syntax.kefucost.json", []byte("{\n  \"format\": \"kefucost.scenario\",\n  \"version\": 1,\n  \"months\": 12,,\n}")), []string{"syntax.kefucost.json:4:", "not valid JSON"}},
		{write("truncated.kefucost.json", data[:len(data)/2]), []string{"truncated.kefucost.json:"}},
		{write("empty.kefucost.json", nil), []string{"empty.kefucost.json"}},
		{write("future.kefucost.json", bytes.Replace(data, []byte(`"version": 1`), []byte(`"version": 7`), 1)), []string{"future.kefucost.json:3:", "newer kefucost"}},
		{write("unknown.kefucost.json", bytes.Replace(data, []byte(`"months": 36`), []byte(`"months": 36, "monts": 3`), 1)), []string{"unknown.kefucost.json:6:", "monts"}},
		{write("range.kefucost.json", bytes.Replace(data, []byte(`"months": 36`), []byte(`"months": 360`), 1)), []string{"range.kefucost.json:6:", "months:"}},
		{write("plan.kefucost.json", []byte(`{"format":"kefucost.scenario","version":1,"name":"p","start":"2027-01-01","months":1,"vendors":{"aliyun-icc":{"plan":"aliyun-5y"}}}`)), []string{"plan.kefucost.json", `vendors.aliyun-icc.plan: unknown plan "aliyun-5y"`}},
		{write("foreign.kefucost.json", []byte(`{"format": "something.else", "version": 1}`)), []string{"foreign.kefucost.json"}},
		{filepath.Join(dir, "missing.kefucost.json"), []string{"missing.kefucost.json", "no such file"}},
	}
	for _, c := range cases {
		got := scFail(t, db, ExitError, []string{"scenarios", "import", c.file}, c.want...)
		// The same message as compare gives for the same file.
		_, cmpErr, _ := scRun(t, "", "", "compare", "--scenario", c.file)
		if strings.TrimPrefix(got, "kefucost scenarios import: ") != strings.TrimPrefix(cmpErr, "kefucost compare: ") {
			t.Errorf("%s: import says %q, compare says %q", c.file, got, cmpErr)
		}
		// Also under a name that exists: nothing is added to it.
		scFail(t, db, ExitError, []string{"scenarios", "import", c.file, "--name", specName}, c.want...)
	}
	// From stdin.
	if out, errOut, code := scRun(t, db, string(data[:len(data)/3]), "scenarios", "import", "-", "--name", specName); code != ExitError || out != "" || !strings.HasPrefix(errOut, "kefucost scenarios import: stdin:") {
		t.Errorf("truncated stdin: exit %d %q %q", code, out, errOut)
	}
	if after := snapshot(t, db); after != before {
		t.Fatal("a refused import changed the database")
	}
}

func TestScenariosUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"scenarios"}, "say what to do: list, show"},
		{[]string{"scenarios", "--db", db}, "say what to do"},
		{[]string{"scenarios", "frobnicate"}, `unknown subcommand "frobnicate"`},
		{[]string{"scenarios", "list", "extra"}, "too many arguments; usage: kefucost scenarios list"},
		{[]string{"scenarios", "list", "--format", "xml"}, "--format must be table, json or csv, not \"xml\""},
		{[]string{"scenarios", "list", "--nope"}, "flag provided but not defined: -nope"},
		{[]string{"scenarios", "show"}, "missing arguments; usage: kefucost scenarios show NAME [--rev N]"},
		{[]string{"scenarios", "show", "a", "b"}, "too many arguments"},
		{[]string{"scenarios", "show", "a", "--rev", "0"}, "--rev must be a revision number"},
		{[]string{"scenarios", "show", "a", "--rev", "x"}, "invalid value \"x\" for flag -rev"},
		{[]string{"scenarios", "show", "a", "--rev"}, "flag needs an argument: -rev"},
		{[]string{"scenarios", "import"}, "missing arguments"},
		{[]string{"scenarios", "export", "a"}, "missing arguments; usage: kefucost scenarios export NAME FILE"},
		{[]string{"scenarios", "history", "a", "--format", "csv"}, "--format must be table or json"},
		{[]string{"scenarios", "restore", "a"}, "missing arguments"},
		{[]string{"scenarios", "restore", "a", "two"}, `REV must be a revision number (1, 2, …; see kefucost scenarios history), not "two"`},
		{[]string{"scenarios", "restore", "a", "0"}, "REV must be a revision number"},
		{[]string{"scenarios", "rename", "a"}, "missing arguments"},
		{[]string{"scenarios", "duplicate", "a", "b", "c"}, "too many arguments"},
		{[]string{"scenarios", "delete"}, "missing arguments"},
		{[]string{"scenarios", "undelete"}, "missing arguments"},
		{[]string{"scenarios", "empty-trash", "now"}, "too many arguments"},
		{[]string{"scenarios", "compare", "a", "--format", "xml"}, "--format must be table, json or csv"},
	}
	for _, c := range cases {
		scFail(t, db, ExitUsage, c.args, c.want)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("usage errors created the database: %v", err)
	}
	// help and -h print to stdout and succeed.
	for _, args := range [][]string{{"scenarios", "help"}, {"scenarios", "-h"}, {"scenarios", "show", "-h"}} {
		out, errOut, code := scRun(t, db, "", args...)
		if code != 0 || errOut != "" || !strings.Contains(out, "Usage: kefucost scenarios") {
			t.Errorf("%q: exit %d %q %q", args, code, out, errOut)
		}
	}
	if out, _, _ := scRun(t, db, "", "help"); !strings.Contains(out, "scenarios") {
		t.Error("kefucost help does not list scenarios")
	}
}

// A database another program holds (an older kefucost kept it open as long
// as its window was open): every subcommand gives up within about a second
// with a clear message. bbolt locks with flock, which is per open file, so
// a handle open in this very process holds the lock against the command
// line's own open.
func TestScenariosLocked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	scOK(t, db, "scenarios", "import", specFile)
	st, err := bbolt.Open(db, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{
		{"scenarios", "list"},
		{"scenarios", "show", specName},
		{"scenarios", "import", specFile, "--name", "new"},
		{"scenarios", "delete", specName},
	} {
		start := time.Now()
		scFail(t, db, ExitError, args, "the scenario database "+db+" is in use by another kefucost")
		if d := time.Since(start); d > 2*time.Second || d < 500*time.Millisecond {
			t.Errorf("%q gave up after %v; want about 1 s", args, d)
		}
	}
	st.Close()
	if n := listNames(listJSON(t, db)); n != specName {
		t.Fatalf("after the lock: %q", n)
	}
}

// A store open in this process, as the window keeps one, holds the file
// only for its own operations: the subcommands read and write beside it,
// and it sees what they saved.
func TestScenariosBesideAnOpenStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	st, err := store.Open(store.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	scOK(t, db, "scenarios", "import", specFile)
	if n := listNames(listJSON(t, db)); n != specName {
		t.Fatalf("list beside an open store: %q", n)
	}
	scOK(t, db, "scenarios", "rename", specName, "renamed")
	if l, err := st.List(); err != nil || len(l) != 1 || l[0].Name != "renamed" {
		t.Fatalf("the open store sees %v (%v)", l, err)
	}
}

func TestScenariosDamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scenarios.db")
	garbage := bytes.Repeat([]byte("not a database, just garbage\x00\xff"), 500)
	for _, args := range [][]string{
		{"scenarios", "list"},                 // read-only first: reopened for writing to move it aside
		{"scenarios", "import", specFile},     // writable
		{"scenarios", "show", "not there"},    // recovered, then not found
		{"scenarios", "history", "not there"}, // same
	} {
		os.RemoveAll(dir)
		os.MkdirAll(dir, 0o700)
		os.WriteFile(db, garbage, 0o600)
		out, errOut, code := scRun(t, db, "", args...)
		m := regexp.MustCompile(`warning: the scenario database ` + regexp.QuoteMeta(db) + ` was damaged: it was moved to (\S+) \(kept as it was\) and a new, empty database was started\n`).FindStringSubmatch(errOut)
		if m == nil {
			t.Fatalf("%q: stderr %q", args, errOut)
		}
		if kept, err := os.ReadFile(m[1]); err != nil || !bytes.Equal(kept, garbage) {
			t.Fatalf("%q: the damaged file was not kept at %s: %v", args, m[1], err)
		}
		if !strings.HasPrefix(m[1], db+".damaged-") {
			t.Errorf("moved to %s", m[1])
		}
		switch args[1] {
		case "list":
			if code != 0 || out != "No saved scenarios in "+db+".\n" {
				t.Errorf("list: exit %d %q", code, out)
			}
		case "import":
			if code != 0 || !strings.HasPrefix(out, "saved \"2027 客服中心采购\" revision 1") {
				t.Errorf("import: exit %d %q", code, out)
			}
		default:
			if code != ExitError || !strings.Contains(errOut, `no saved scenario named "not there"`) {
				t.Errorf("%q: exit %d %q", args, code, errOut)
			}
		}
		// The fresh database works, and the next run says nothing.
		if _, errOut, code := scRun(t, db, "", "scenarios", "list"); code != 0 || errOut != "" {
			t.Fatalf("after recovery: exit %d %q", code, errOut)
		}
	}
}

func TestScenariosNewerSchema(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	scOK(t, db, "scenarios", "import", specFile)
	b, err := bbolt.Open(db, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bbolt.Tx) error {
		var v [8]byte
		binary.BigEndian.PutUint64(v[:], 99)
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), v[:])
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(db)
	scFail(t, db, ExitError, []string{"scenarios", "list"}, "the scenario database "+db+" was written by a newer kefucost", "please update kefucost")
	scFail(t, db, ExitError, []string{"scenarios", "import", specFile, "--name", "x"}, "written by a newer kefucost")
	if after, _ := os.ReadFile(db); !bytes.Equal(raw, after) {
		t.Fatal("the newer database was changed")
	}
	if ents, _ := os.ReadDir(filepath.Dir(db)); len(ents) != 1 {
		t.Fatalf("files beside it: %v", ents)
	}
}

// A revision computed with other price editions than today's says so on
// stderr (show, history, compare); one with today's says nothing.
func TestScenariosPricesChanged(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	scOK(t, db, "scenarios", "import", specFile) // revision 1, today's editions
	today := historyJSON(t, db, specName)[0].Editions
	if today["chatopera"] == "" || today["tencent-qidian"] == "" {
		t.Fatalf("import recorded editions %v", today)
	}
	s, err := scenarios.ReadFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(store.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	s.Months = 24
	old := map[string]string{"chatopera": "1999", "tencent-qidian": today["tencent-qidian"]}
	if _, _, err := st.Save(specName, s, store.SaveMeta{Editions: old}); err != nil { // revision 2
		t.Fatal(err)
	}
	s.Months = 12
	if _, _, err := st.Save(specName, s, store.SaveMeta{Editions: old}); err != nil { // revision 3
		t.Fatal(err)
	}
	st.Close()

	wantNote := "chatopera 1999 → " + today["chatopera"]
	out, errOut, code := scRun(t, db, "", "scenarios", "show", specName)
	if code != 0 || !strings.Contains(out, `"months": 12`) || errOut != "kefucost scenarios show: note: prices have changed since this revision was saved: "+wantNote+"\n" {
		t.Fatalf("show: exit %d stderr %q", code, errOut)
	}
	if _, errOut, _ := scRun(t, db, "", "scenarios", "show", specName, "--rev", "1"); errOut != "" {
		t.Fatalf("show --rev 1 (today's editions): %q", errOut)
	}
	out, errOut, code = scRun(t, db, "", "scenarios", "history", specName)
	if code != 0 || !strings.Contains(out, "prices: chatopera 1999, tencent-qidian "+today["tencent-qidian"]) ||
		errOut != "kefucost scenarios history: note: prices have changed since revisions 3, 2 were saved: "+wantNote+"\n" {
		t.Fatalf("history: exit %d stdout\n%s\nstderr %q", code, out, errOut)
	}
	if _, errOut, code := scRun(t, db, "", "scenarios", "compare", specName); code != 0 || !strings.Contains(errOut, "prices have changed since revision 3 was saved: "+wantNote) {
		t.Fatalf("compare: exit %d %q", code, errOut)
	}
}

// Export writes atomically: a failed export leaves the old file as it was
// and no temporary file behind.
func TestScenariosExportKeepsOldFileOnError(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scenarios.db")
	scOK(t, db, "scenarios", "import", specFile)
	scFail(t, db, ExitError, []string{"scenarios", "export", specName, filepath.Join(dir, "no", "such", "dir", "x.json")}, "no such file or directory")
	target := filepath.Join(dir, "target.kefucost.json")
	os.WriteFile(target, []byte("old"), 0o644)
	scFail(t, db, ExitError, []string{"scenarios", "export", "missing", target}, `no saved scenario named "missing"`)
	scFail(t, db, ExitError, []string{"scenarios", "export", specName, target, "--rev", "5"}, "has no revision 5")
	if b, _ := os.ReadFile(target); string(b) != "old" {
		t.Fatalf("target changed: %q", b)
	}
	scOK(t, db, "scenarios", "export", specName, target)
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Fatalf("folder holds %v", ents)
	}
}

// import records where the revision came from and the price editions it
// was computed with; importing what the latest revision holds, even after
// a rename, adds nothing.
func TestScenariosImportRecordsFileAndEditions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "scenarios.db")
	if out := scOK(t, db, "scenarios", "import", specFile); out != `saved "2027 客服中心采购" revision 1: created (imported from mixed-spec-example.kefucost.json)`+"\n" {
		t.Fatalf("import: %q", out)
	}
	h := historyJSON(t, db, specName)
	if len(h) != 1 || h[0].Summary != "created (imported from mixed-spec-example.kefucost.json)" || h[0].Editions["chatopera"] == "" || h[0].Editions["tencent-qidian"] == "" {
		t.Fatalf("history after import: %+v", h)
	}
	data, _ := os.ReadFile(specFile)
	v2 := filepath.Join(dir, "v2.kefucost.json")
	os.WriteFile(v2, bytes.Replace(data, []byte(`"months": 36`), []byte(`"months": 24`), 1), 0o644)
	if out := scOK(t, db, "scenarios", "import", v2); out != `saved "2027 客服中心采购" revision 2: imported from v2.kefucost.json: months 36→24`+"\n" {
		t.Fatalf("import v2: %q", out)
	}
	if out, errOut, code := scRun(t, db, string(data), "scenarios", "import", "-", "--name", "from stdin"); code != 0 || out != `saved "from stdin" revision 1: created (imported from stdin)`+"\n" {
		t.Fatalf("import -: exit %d %q %q", code, out, errOut)
	}
	if h := historyJSON(t, db, "from stdin"); len(h) != 1 || len(h[0].Editions) == 0 {
		t.Fatalf("stdin import recorded %+v", h)
	}
	scOK(t, db, "scenarios", "rename", specName, "renamed")
	if out := scOK(t, db, "scenarios", "import", v2, "--name", "renamed"); out != `"renamed" revision 2 already holds this scenario: nothing new was saved`+"\n" {
		t.Fatalf("re-import after rename: %q", out)
	}
	if out := scOK(t, db, "scenarios", "restore", "renamed", "2"); !strings.Contains(out, "nothing new was saved") {
		t.Fatalf("restore the latest after rename: %q", out)
	}
	if h := historyJSON(t, db, "renamed"); len(h) != 2 || h[0].Name != specName {
		t.Fatalf("history after rename: %+v", h)
	}
}

// A name that is not in the database says which database file was looked
// in (the usual cause is a wrong --db or KEFUCOST_DB); a wrong revision
// names the scenario and the revisions it has.
func TestScenariosNotFoundNamesTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scenarios.db")
	scOK(t, db, "scenarios", "import", specFile)
	want := `no saved scenario named "missing" in ` + db + "\n"
	for _, args := range [][]string{
		{"show", "missing"},
		{"show", "missing", "--rev", "2"},
		{"export", "missing", "-"},
		{"history", "missing"},
		{"restore", "missing", "1"},
		{"rename", "missing", "other"},
		{"duplicate", "missing", "other"},
		{"delete", "missing"},
		{"compare", "missing"},
	} {
		errOut := scFail(t, db, ExitError, append([]string{"scenarios"}, args...))
		if !strings.HasSuffix(errOut, want) {
			t.Errorf("%q: stderr %q, want it to end %q", args, errOut, want)
		}
	}
	scFail(t, db, ExitError, []string{"scenarios", "undelete", "missing"}, `no scenario named "missing" in the trash of `+db+"\n")
	// --db names the file given.
	other := filepath.Join(t.TempDir(), "other.db")
	scOK(t, "", "scenarios", "import", specFile, "--name", "x", "--db", other)
	scFail(t, db, ExitError, []string{"scenarios", "show", specName, "--db", other}, `no saved scenario named "2027 客服中心采购" in `+other+"\n")
	// A revision that is not there: the scenario exists, so no path.
	for _, args := range [][]string{{"show", specName, "--rev", "4"}, {"restore", specName, "4"}, {"export", specName, "-", "--rev", "4"}, {"compare", specName, "--rev", "4"}} {
		errOut := scFail(t, db, ExitError, append([]string{"scenarios"}, args...), `scenario "2027 客服中心采购" has no revision 4 (it has 1 to 1)`)
		if strings.Contains(errOut, db) {
			t.Errorf("%q: %q names the database", args, errOut)
		}
	}
}

// Deleted scenarios that share a name: trash (and list --trash) shows when
// each was deleted and its id; undelete NAME takes the most recently
// deleted, undelete NAME --id ID the one asked for.
func TestScenariosTrashSameName(t *testing.T) {
	fakeClock(t)
	db := filepath.Join(t.TempDir(), "scenarios.db")
	older := filepath.Join("testdata", "scenarios", "aliyun-seats-12m.kefucost.json")
	scOK(t, db, "scenarios", "import", older, "--name", "A")
	scOK(t, db, "scenarios", "delete", "A")
	scOK(t, db, "scenarios", "import", specFile, "--name", "A")
	scOK(t, db, "scenarios", "delete", "A")
	scOK(t, db, "scenarios", "import", specFile, "--name", "B")
	scOK(t, db, "scenarios", "delete", "B")

	type trashEntry struct {
		ID      uint64
		Name    string
		Deleted string
	}
	var tr []trashEntry
	if err := json.Unmarshal([]byte(scOK(t, db, "scenarios", "trash", "--format", "json")), &tr); err != nil {
		t.Fatal(err)
	}
	if len(tr) != 3 || tr[0].Name != "B" || tr[1].Name != "A" || tr[2].Name != "A" || tr[1].ID == tr[2].ID || tr[1].Deleted <= tr[2].Deleted || tr[2].Deleted == "" {
		t.Fatalf("trash json: %+v", tr)
	}
	wantTable := regexp.MustCompile(`^Name +Deleted +Revisions +Last change +ID\n` +
		`B +2026-11-23 \d\d:\d\d:00 +1 +2026-11-23 \d\d:\d\d:00 +3\n` +
		`A +` + regexp.QuoteMeta(tr[1].Deleted[:10]) + ` \d\d:\d\d:00 +1 +2026-11-23 \d\d:\d\d:00 +2\n` +
		`A +2026-11-23 \d\d:\d\d:00 +1 +2026-11-23 \d\d:\d\d:00 +1\n` +
		regexp.QuoteMeta(`Several deleted scenarios share a name: kefucost scenarios undelete NAME takes the most recently deleted of them; add --id ID to take another.`) + "\n$")
	table := scOK(t, db, "scenarios", "trash")
	if !wantTable.MatchString(table) {
		t.Fatalf("trash table:\n%s", table)
	}
	if out := scOK(t, db, "scenarios", "list", "--trash"); out != table {
		t.Fatalf("list --trash differs from trash:\n%s", out)
	}
	if out := scOK(t, db, "scenarios", "trash", "--find", "b"); !strings.HasPrefix(out, "Name ") || strings.Contains(out, "\nA ") || strings.Contains(out, "Several") {
		t.Fatalf("trash --find b:\n%s", out)
	}

	// --id takes the older "A"; the other stays in the trash.
	when := func(rfc string) string { return strings.Replace(rfc[:19], "T", " ", 1) }
	out := scOK(t, db, "scenarios", "undelete", "A", "--id", "1")
	if want := `took "A" out of the trash (id 1, 1 revision, deleted ` + when(tr[2].Deleted) + ")\n" +
		`1 more deleted scenario named "A" is still in the trash (kefucost scenarios trash lists it)` + "\n"; out != want {
		t.Fatalf("undelete --id:\n%q\nwant\n%q", out, want)
	}
	if !strings.Contains(scOK(t, db, "scenarios", "show", "A"), `"months": 12,`) {
		t.Fatal("undelete --id 1 took the wrong scenario")
	}
	scFail(t, db, ExitError, []string{"scenarios", "undelete", "A"}, `a scenario named "A" exists: rename it`)
	scFail(t, db, ExitError, []string{"scenarios", "undelete", "A", "--id", "3"}, `the scenario with id 3 in the trash is named "B", not "A"`)
	scFail(t, db, ExitError, []string{"scenarios", "undelete", "A", "--id", "1"}, "no deleted scenario with id 1 in "+db+" (kefucost scenarios trash lists them)")
	scFail(t, db, ExitError, []string{"scenarios", "undelete", "A", "--id", "99"}, "no deleted scenario with id 99 in "+db)
	scFail(t, db, ExitUsage, []string{"scenarios", "undelete", "A", "--id", "0"}, "--id must be an id that kefucost scenarios trash lists (1, 2, …), not 0")
	scOK(t, db, "scenarios", "rename", "A", "A old")
	if out := scOK(t, db, "scenarios", "undelete", "A"); out != `took "A" out of the trash (id 2, 1 revision, deleted `+when(tr[1].Deleted)+")\n" {
		t.Fatalf("undelete: %q", out)
	}
	if n := listNames(listJSON(t, db)); n != "A|A old" {
		t.Fatalf("list: %s", n)
	}
	// One deleted scenario per name: no note.
	if out := scOK(t, db, "scenarios", "trash"); strings.Contains(out, "Several") || !strings.HasPrefix(out, "Name ") {
		t.Fatalf("trash:\n%s", out)
	}
}

// The default database follows $XDG_CONFIG_HOME, else $HOME/.config, read
// through Env.Getenv (as os.UserConfigDir reads them on Linux), so tests
// and callers can redirect it; --db and KEFUCOST_DB still win.
func TestDBPathFollowsConfigHome(t *testing.T) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		t.Skipf("os.UserConfigDir does not use XDG_CONFIG_HOME or HOME on %s", runtime.GOOS)
	}
	dir := t.TempDir()
	getenv := func(env map[string]string) func(string) string {
		return func(k string) string { return env[k] }
	}
	tail := filepath.Join("fyne", app.AppID, "scenarios.db")
	cases := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", map[string]string{"XDG_CONFIG_HOME": dir + "/xdg", "HOME": dir + "/home"}, filepath.Join(dir, "xdg", tail)},
		{"", map[string]string{"HOME": dir + "/home"}, filepath.Join(dir, "home", ".config", tail)},
		{"", map[string]string{"XDG_CONFIG_HOME": dir + "/xdg", "KEFUCOST_DB": dir + "/env.db"}, dir + "/env.db"},
		{dir + "/flag.db", map[string]string{"XDG_CONFIG_HOME": dir + "/xdg", "KEFUCOST_DB": dir + "/env.db"}, dir + "/flag.db"},
	}
	for _, c := range cases {
		got, err := app.DBPath(c.flag, getenv(c.env))
		if err != nil || got != c.want {
			// Fatal: the end-to-end part below must never reach the
			// user's own database.
			t.Fatalf("DBPath(%q, %v) = %q, %v; want %q", c.flag, c.env, got, err, c.want)
		}
	}
	// A relative XDG_CONFIG_HOME is refused, as os.UserConfigDir does.
	if _, err := app.DBPath("", getenv(map[string]string{"XDG_CONFIG_HOME": "rel/cfg", "HOME": dir})); err == nil || !strings.Contains(err.Error(), `$XDG_CONFIG_HOME is "rel/cfg", a relative path`) || !strings.Contains(err.Error(), "use --db PATH or KEFUCOST_DB") {
		t.Errorf("relative XDG_CONFIG_HOME: %v", err)
	}
	// scRun never reaches the user's database.
	if out := scOK(t, "", "scenarios", "list"); !strings.HasPrefix(out, "No saved scenarios in "+os.TempDir()) {
		t.Errorf("scRun without a database lists %q", out)
	}
	// End to end: the subcommands use it.
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: getenv(map[string]string{"HOME": dir + "/home"})}
	if code := Run(env, []string{"scenarios", "import", specFile}); code != 0 {
		t.Fatalf("import: exit %d %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "home", ".config", tail)); err != nil {
		t.Fatalf("the database is not under HOME: %v", err)
	}
}
