package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kefucost/app"
	"kefucost/app/diff"
	"kefucost/app/report"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// kefucost scenarios SUBCOMMAND: the saved scenarios in the local database
// (package store). Read-only subcommands open the database
// read-only, so that several can run at once and a missing database is
// not created just to list nothing.

func init() {
	commands["scenarios"] = command{summary: "saved scenarios: list, show, import, export, history, restore, delete, …", run: runScenarios}
}

// scSub is one subcommand of kefucost scenarios.
type scSub struct {
	name, synopsis, summary string
	run                     func(env *Env, args []string) int
}

// scSubs is in the order kefucost scenarios help shows them.
var scSubs []scSub

func init() {
	scSubs = []scSub{
		{"list", "[--trash] [--find TEXT] [--format table|json|csv]", "the saved scenarios, the most recently changed first", runScList},
		{"show", "NAME [--rev N]", "print a saved scenario as a scenario file", runScShow},
		{"import", "FILE [--name NAME]", "save a scenario file (a new revision if the name exists; FILE - reads stdin)", runScImport},
		{"export", "NAME FILE [--rev N]", "write a saved scenario to a file (FILE - writes to stdout)", runScExport},
		{"history", "NAME [--format table|json]", "every revision: number, time, what changed, price editions", runScHistory},
		{"restore", "NAME REV", "save revision REV again as the newest revision", runScRestore},
		{"rename", "OLD NEW", "rename a saved scenario, keeping its history", runScRename},
		{"duplicate", "SRC DST", "copy a saved scenario's latest revision to a new scenario", runScDuplicate},
		{"delete", "NAME", "move a saved scenario to the trash", runScDelete},
		{"undelete", "NAME [--id ID]", "take a scenario out of the trash (of several of that name the most recently deleted, or the one --id picks)", runScUndelete},
		{"trash", "[--find TEXT] [--format table|json|csv]", "the deleted scenarios, the most recently deleted first, with when and their ids (as list --trash)", runScTrash},
		{"empty-trash", "", "remove everything in the trash for good", runScEmptyTrash},
		{"compare", "NAME [--rev N] [--with OTHER] [--with-rev M] [--format table|json|csv] [--vat included|excluded]", "compare the vendors for a saved scenario (as kefucost compare); with --with or --with-rev, set another scenario or revision beside it (B − A)", runScCompare},
	}
}

// Test hooks: the store's clock (nil: time.Now) and the zone times are
// shown in.
var (
	scenariosClock func() time.Time
	scenariosZone  = time.Local
)

func runScenarios(env *Env, args []string) int {
	// The subcommand is the first argument that is neither a flag nor the
	// value of --db, so that "scenarios --db X list" works too.
	at := -1
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--db" || a == "-db" {
			i++
			continue
		}
		if a == "-h" || a == "--help" || a == "-help" {
			scenariosUsage(env)
			return ExitOK
		}
		if len(a) > 1 && a[0] == '-' {
			continue
		}
		at = i
		break
	}
	if at < 0 {
		fmt.Fprintln(env.Stderr, "kefucost scenarios: "+env.T("cli.sc.say_what", scSubNames()))
		return ExitUsage
	}
	name := args[at]
	if name == "help" {
		scenariosUsage(env)
		return ExitOK
	}
	rest := append(append([]string{}, args[:at]...), args[at+1:]...)
	for _, s := range scSubs {
		if s.name == name {
			return s.run(env, rest)
		}
	}
	fmt.Fprintln(env.Stderr, "kefucost scenarios: "+env.T("cli.sc.unknown", name, scSubNames()))
	return ExitUsage
}

func scSubNames() string {
	var n []string
	for _, s := range scSubs {
		n = append(n, s.name)
	}
	return strings.Join(n, ", ")
}

func scenariosUsage(env *Env) {
	w := env.Stdout
	fmt.Fprintln(w, env.T("cli.sc.usage"))
	rows := [][]string{}
	for _, s := range scSubs {
		rows = append(rows, []string{"  " + strings.TrimSpace(s.name+" "+scSynopsis(env, s.name, s.synopsis)), scWords(env, "cli.sc.cmd."+s.name, s.summary)})
	}
	fmt.Fprint(w, wording.Table(rows, nil))
	fmt.Fprintln(w, env.T("cli.sc.usage.more", app.AppID))
}

// scWords is the text of key in the user's language, else fallback (the
// English the code carries).
func scWords(env *Env, key, fallback string) string {
	if t, ok := wording.Lookup(env.Lang(), key); ok && env.Lang() != "en" {
		return t
	}
	return fallback
}

// scSynopsis is a subcommand's arguments as the usage shows them
// ("NAME [--rev N]"; Chinese "名称 [--rev N]").
func scSynopsis(env *Env, sub, synopsis string) string {
	return scWords(env, "cli.sc.syn."+sub, synopsis)
}

// scCmd is one run of a subcommand: its flags, positional arguments and
// database.
type scCmd struct {
	env      *Env
	name     string // "scenarios show"
	synopsis string
	fs       *flag.FlagSet
	db       *string
	pos      []string
	path     string   // the database file, once resolved
	inTrash  bool     // names are looked for in the trash (see where)
	names    []string // the scenario names given, as cleaned (for messages)
}

func newScCmd(env *Env, sub string) *scCmd {
	c := &scCmd{env: env, name: "scenarios " + sub}
	for _, s := range scSubs {
		if s.name == sub {
			c.synopsis = scSynopsis(env, sub, s.synopsis)
		}
	}
	c.fs = newFlags(env, c.name)
	c.db = c.fs.String("db", "", "the scenario database file (default: $KEFUCOST_DB, else ~/.config/fyne/"+app.AppID+"/scenarios.db)")
	return c
}

// parse reads flags and positional arguments in any order (Go's flag
// package alone stops at the first non-flag) and checks that between min
// and max positional arguments were given.
func (c *scCmd) parse(args []string, min, max int) (ok bool, code int) {
	var flags []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			c.pos = append(c.pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			c.pos = append(c.pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := c.fs.Lookup(name)
		if f == nil {
			continue // Parse reports it
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	if err := c.fs.Parse(flags); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprint(c.env.Stdout, c.env.T("cli.sc.flags_usage", c.name, c.synopsis))
			printFlags(c.env, c.fs, "scenarios."+strings.TrimPrefix(c.name, "scenarios "))
			return false, ExitOK
		}
		fmt.Fprintf(c.env.Stderr, "kefucost %s: %s\n", c.name, flagError(c.env, err))
		return false, ExitUsage
	}
	c.pos = append(c.pos, c.fs.Args()...)
	if len(c.pos) < min || len(c.pos) > max {
		what := c.env.T("cli.sc.too_many")
		if len(c.pos) < min {
			what = c.env.T("cli.sc.missing")
		}
		fmt.Fprintf(c.env.Stderr, "kefucost %s: %s\n", c.name, c.env.T("cli.sc.bad_args", what, c.name, c.synopsis))
		return false, ExitUsage
	}
	return true, ExitOK
}

func (c *scCmd) fail(err error) int {
	return fail(c.env, c.name, scStoreError(c.env, c.where(err), c.names, c.path, c.inTrash))
}

// where adds the database file to the store's error saying that a name is
// not in it (the usual cause is a wrong --db or KEFUCOST_DB): "no saved
// scenario named "x" in PATH", or "… in the trash of PATH" for the
// commands that look in the trash. A missing revision (the scenario was
// found) and other errors are left as they are.
func (c *scCmd) where(err error) error {
	var e *store.Error
	if !errors.As(err, &e) || e.Path == "" || !errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrNoRevision) {
		return err
	}
	if c.inTrash {
		return fmt.Errorf("%w of %s", err, e.Path)
	}
	return fmt.Errorf("%w in %s", err, e.Path)
}

// scNameError is why name cannot be a scenario's name, in Chinese (the
// window's words).
func scNameError(env *Env, name string) string {
	t := strings.TrimSpace(name)
	switch {
	case t == "":
		return env.T("err.name_empty")
	case utf8.RuneCountInString(t) > scenarios.MaxNameLen:
		return env.T("err.name_long", scenarios.MaxNameLen)
	}
	return env.T("err.name_control")
}

// usageErr says what is wrong with the command line: the text of key in
// the user's language.
func (c *scCmd) usageErr(key string, args ...any) int {
	fmt.Fprintf(c.env.Stderr, "kefucost %s: %s\n", c.name, c.env.T(key, args...))
	return ExitUsage
}

// given reports whether flag name was set on the command line.
func (c *scCmd) given(name string) bool {
	set := false
	c.fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// revFlag checks --rev: a revision number (1, 2, …), 0 when not given.
func (c *scCmd) revFlag(rev *int) (ok bool) {
	if c.given("rev") && *rev < 1 {
		c.usageErr("cli.sc.bad_rev", *rev)
		return false
	}
	return true
}

// cleanName checks a scenario name before the database is opened.
func (c *scCmd) cleanName(name string) (string, bool) {
	n, err := store.CleanName(name)
	if err != nil {
		if c.env.Lang() != "en" {
			err = errors.New(scNameError(c.env, name))
		}
		fail(c.env, c.name, err)
		return "", false
	}
	c.names = append(c.names, n)
	return n, true
}

// open opens the database. A read-only open that finds no file returns a
// nil store and no error (nothing is saved yet); one that finds the file
// damaged or in an older format opens it for writing instead, which moves
// a damaged file aside (said on stderr) or upgrades it.
func (c *scCmd) open(write bool) (*store.Store, error) {
	path, err := app.DBPath(*c.db, c.env.Getenv)
	if err != nil {
		return nil, err
	}
	c.path = path
	o := store.Options{Path: path, Now: scenariosClock}
	if !write {
		o.ReadOnly = true
		st, err := store.Open(o)
		switch {
		case err == nil:
			return st, nil
		case errors.Is(err, fs.ErrNotExist):
			return nil, nil
		case errors.Is(err, store.ErrLocked), errors.Is(err, store.ErrNewerSchema):
			return nil, err
		}
		o.ReadOnly = false // damaged or older: the writable open deals with it
	}
	st, err := store.Open(o)
	if err != nil {
		return nil, err
	}
	if st.Recovered != "" {
		fmt.Fprintf(c.env.Stderr, "kefucost %s: %s\n", c.name, c.env.T("cli.sc.recovered", path, st.Recovered))
	}
	if st.Backup != "" {
		fmt.Fprintf(c.env.Stderr, "kefucost %s: %s\n", c.name, c.env.T("cli.sc.upgraded", path, st.Backup))
	}
	return st, nil
}

// noDB is the error for a scenario asked of a database that does not
// exist yet.
func (c *scCmd) noDB(name string) int {
	return c.fail(errors.New(c.env.T("cli.sc.err.no_db", name, c.path)))
}

func (c *scCmd) when(t time.Time) string {
	return t.In(scenariosZone).Format("2006-01-02 15:04:05")
}

func (c *scCmd) whenJSON(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(scenariosZone).Format(time.RFC3339)
}

// shellQuote quotes s for a POSIX shell, for commands the user may copy.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:") == "" && s[0] != '-' {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// dbHint is " --db PATH" when --db was given, for commands to copy.
func (c *scCmd) dbHint() string {
	if *c.db == "" {
		return ""
	}
	return " --db " + shellQuote(*c.db)
}

// scSummary is a revision summary as people read it: in Chinese
// translated; in English as the store wrote it (tests and scripts read it).
func scSummary(env *Env, s string) string {
	if env.Lang() == "en" {
		return s
	}
	return wording.Summary(env.Lang(), s)
}

func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

type scInfoJSON struct {
	ID        uint64 `json:"id"` // stable: survives renames; undelete --id takes it
	Name      string `json:"name"`
	Revisions int    `json:"revisions"`
	Created   string `json:"created"`
	Updated   string `json:"updated"`
	Deleted   string `json:"deleted,omitempty"`
}

func runScList(env *Env, args []string) int { return scList(env, args, "list") }

// scenarioListCSV is scenarios list (or trash) for spreadsheets: the
// columns of the json, times in the store's zone as spreadsheets read them
// ("2027-01-01 09:30:00"), a header row even when there is no scenario.
// Names come from files anyone may send: report.CSVWriter keeps them text.
func scenarioListCSV(infos []store.Info) ([]byte, error) {
	var b bytes.Buffer
	w := report.NewCSVWriter(&b)
	w.Write([]string{"id", "name", "revisions", "created", "updated", "deleted"})
	when := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(scenariosZone).Format("2006-01-02 15:04:05")
	}
	for _, in := range infos {
		w.Write([]string{strconv.FormatUint(in.ID, 10), in.Name, strconv.Itoa(in.Revisions), when(in.Created), when(in.Updated), when(in.TrashedAt)})
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// runScTrash is list --trash.
func runScTrash(env *Env, args []string) int { return scList(env, args, "trash") }

func scList(env *Env, args []string, sub string) int {
	c := newScCmd(env, sub)
	trash := new(bool)
	if sub == "trash" {
		*trash = true
	} else {
		trash = c.fs.Bool("trash", false, "list the trash (deleted scenarios), the most recently deleted first (as kefucost scenarios trash)")
	}
	find := c.fs.String("find", "", "only the scenarios whose name contains this text (ignoring case)")
	format := c.fs.String("format", "table", "output: table, json or csv")
	if ok, code := c.parse(args, 0, 0); !ok {
		return code
	}
	if *format != "table" && *format != "json" && *format != "csv" {
		return c.usageErr("cli.err.format", *format)
	}
	st, err := c.open(false)
	if err != nil {
		return c.fail(err)
	}
	var infos []store.Info
	if st != nil {
		defer st.Close()
		switch {
		case *trash:
			infos, err = st.Trash()
			if q := strings.ToLower(norm.NFC.String(strings.TrimSpace(*find))); err == nil && q != "" {
				kept := infos[:0]
				for _, in := range infos {
					if strings.Contains(strings.ToLower(in.Name), q) {
						kept = append(kept, in)
					}
				}
				infos = kept
			}
		case *find != "":
			infos, err = st.Find(*find)
		default:
			infos, err = st.List()
		}
		if err != nil {
			return c.fail(err)
		}
	}
	if *format == "json" {
		out := make([]scInfoJSON, 0, len(infos))
		for _, in := range infos {
			out = append(out, scInfoJSON{ID: in.ID, Name: in.Name, Revisions: in.Revisions, Created: c.whenJSON(in.Created), Updated: c.whenJSON(in.Updated), Deleted: c.whenJSON(in.TrashedAt)})
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	if *format == "csv" {
		out, err := scenarioListCSV(infos)
		if err != nil {
			return c.fail(err)
		}
		env.Stdout.Write(out)
		return ExitOK
	}
	if len(infos) == 0 {
		switch {
		case *find != "" && *trash:
			fmt.Fprintln(env.Stdout, env.T("cli.sc.trash_none_find", *find))
		case *trash:
			fmt.Fprintln(env.Stdout, env.T("cli.sc.trash_empty"))
		case *find != "":
			fmt.Fprintln(env.Stdout, env.T("cli.sc.none_find", *find))
		default:
			fmt.Fprintln(env.Stdout, env.T("cli.sc.none", c.path))
		}
		return ExitOK
	}
	if *trash {
		// When each was deleted and its id tell apart deleted scenarios
		// of one name.
		rows := [][]string{{env.T("cli.sc.col.name"), env.T("cli.sc.col.deleted"), env.T("cli.sc.col.revisions"), env.T("cli.sc.col.updated"), env.T("cli.sc.col.id")}}
		seen, shared := map[string]bool{}, false
		for _, in := range infos {
			rows = append(rows, []string{in.Name, c.when(in.TrashedAt), strconv.Itoa(in.Revisions), c.when(in.Updated), strconv.FormatUint(in.ID, 10)})
			shared = shared || seen[in.Name]
			seen[in.Name] = true
		}
		fmt.Fprint(env.Stdout, wording.Table(rows, map[int]bool{2: true, 4: true}))
		if shared {
			fmt.Fprintln(env.Stdout, env.T("cli.sc.shared"))
		}
		return ExitOK
	}
	rows := [][]string{{env.T("cli.sc.col.name"), env.T("cli.sc.col.revisions"), env.T("cli.sc.col.updated")}}
	for _, in := range infos {
		rows = append(rows, []string{in.Name, strconv.Itoa(in.Revisions), c.when(in.Updated)})
	}
	fmt.Fprint(env.Stdout, wording.Table(rows, map[int]bool{1: true}))
	return ExitOK
}

func runScShow(env *Env, args []string) int {
	c := newScCmd(env, "show")
	rev := c.fs.Int("rev", 0, "show this revision (default: the latest)")
	if ok, code := c.parse(args, 1, 1); !ok {
		return code
	}
	if !c.revFlag(rev) {
		return ExitUsage
	}
	name, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	st, err := c.open(false)
	if err != nil {
		return c.fail(err)
	}
	if st == nil {
		return c.noDB(name)
	}
	defer st.Close()
	s, r, err := st.LoadRevision(name, *rev)
	if err != nil {
		return c.fail(err)
	}
	data, err := scenarios.Encode(s)
	if err != nil {
		return c.fail(err)
	}
	env.Stdout.Write(data)
	c.pricesNote(s, r)
	return ExitOK
}

// pricesNote says on stderr when the price editions a revision recorded
// differ from the ones today's catalog uses for the same scenario.
func (c *scCmd) pricesNote(s *scenarios.Scenario, r store.Revision) {
	diff, err := pricesChanged(s, r.Editions)
	switch {
	case err != nil:
		c.unpriceable(r.Number, err)
	case diff != "":
		fmt.Fprintf(c.env.Stderr, "kefucost %s: %s\n", c.name, c.env.T("cli.sc.note.prices_this", scDiff(c.env, diff)))
	}
}

// unpriceable says that revision n cannot be priced with today's catalog.
func (c *scCmd) unpriceable(n int, err error) {
	fmt.Fprintf(c.env.Stderr, "kefucost %s: %s\n", c.name, c.env.T("cli.sc.note.unpriceable", n, wording.FileError(c.env.Lang(), err)))
}

// scDiff is an editions change ("chatopera 2020 → 2023") with Chinese
// vendor names under Chinese.
func scDiff(env *Env, diff string) string {
	if env.Lang() == "en" {
		return diff
	}
	return vendorIDsIn(env, strings.ReplaceAll(diff, "; ", "；"))
}

// vendorIDsIn replaces vendor ids by their short names in Chinese.
func vendorIDsIn(env *Env, s string) string {
	if env.Lang() == "en" {
		return s
	}
	for _, id := range scenarios.VendorIDs {
		s = strings.ReplaceAll(s, id, wording.ShortVendorName(env.Lang(), id))
	}
	return s
}

// pricesChanged compares recorded editions with today's for s, vendor by
// vendor (vendors in both only), e.g. "chatopera 2020 → 2023"; "" when
// nothing was recorded or nothing changed.
func pricesChanged(s *scenarios.Scenario, saved map[string]string) (string, error) {
	if len(saved) == 0 {
		return "", nil
	}
	cmp, err := pricing.Compare(s)
	if err != nil {
		return "", err
	}
	return app.EditionsDiff(saved, app.EditionsOf(cmp)), nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func formatEditions(env *Env, m map[string]string) string {
	if len(m) == 0 {
		return env.T("cli.sc.not_recorded")
	}
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, k+" "+m[k])
	}
	return vendorIDsIn(env, strings.Join(parts, env.T("cli.sc.list_sep")))
}

func runScImport(env *Env, args []string) int {
	c := newScCmd(env, "import")
	nameFlag := c.fs.String("name", "", "save under this name (default: the file's name field, else the file's name)")
	if ok, code := c.parse(args, 1, 1); !ok {
		return code
	}
	file := c.pos[0]
	// The file is read once and checked before the database is opened: a
	// bad file changes nothing. Errors name it as loadScenario (and so
	// kefucost compare) does.
	var (
		s      *scenarios.Scenario
		data   []byte
		err    error
		source = file // what the store's summary names: "imported from …"
	)
	if file == "-" {
		source = "stdin"
		label := env.T("cli.sc.stdin") // messages name it in the user's words
		if data, err = scenarios.ReadLimited(env.Stdin, label); err == nil {
			s, err = decodeChecked(data, label)
		}
	} else if data, err = scenarios.ReadPath(file); err == nil {
		if s, err = scenarios.Decode(data, filepath.Base(file)); err == nil {
			if errs := pricing.Validate(s); len(errs) > 0 {
				errs[0].File = file
				err = errs[0]
			}
		}
	}
	if err != nil {
		return c.fail(err)
	}
	name := *nameFlag
	if strings.TrimSpace(name) == "" {
		name = s.Name
	}
	if strings.TrimSpace(name) == "" {
		if file == "-" {
			return c.fail(errors.New(env.T("cli.sc.err.stdin_name")))
		}
		name = scenarios.NameFromFile(file)
	}
	name, ok := c.cleanName(name)
	if !ok {
		return ExitError
	}
	cmp, err := pricing.Compare(s)
	if err != nil {
		// Refused by the engine: named as the file's other errors are,
		// and said to be not imported (the engine says "nothing was
		// compared", which is compare's outcome, not import's).
		label := file
		if file == "-" {
			label = env.T("cli.sc.stdin")
		}
		return fail(env, c.name, notImported(env, inFile(err, label)))
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	rev, added, err := st.Import(data, source, name, store.SaveMeta{Editions: app.EditionsOf(cmp)})
	if err != nil {
		return c.fail(err)
	}
	if !added {
		fmt.Fprintln(env.Stdout, env.T("cli.sc.same", name, rev.Number))
	} else {
		fmt.Fprintln(env.Stdout, env.T("cli.sc.saved", name, rev.Number, scSummary(env, rev.Summary)))
	}
	return ExitOK
}

// decodeChecked is loadScenario for bytes: the file format, then the
// catalog ids.
func decodeChecked(data []byte, file string) (*scenarios.Scenario, error) {
	s, err := scenarios.Decode(data, file)
	if err != nil {
		return nil, err
	}
	if errs := pricing.Validate(s); len(errs) > 0 {
		errs[0].File = file
		return nil, errs[0]
	}
	return s, nil
}

func runScExport(env *Env, args []string) int {
	c := newScCmd(env, "export")
	rev := c.fs.Int("rev", 0, "export this revision (default: the latest)")
	if ok, code := c.parse(args, 2, 2); !ok {
		return code
	}
	if !c.revFlag(rev) {
		return ExitUsage
	}
	name, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	file := c.pos[1]
	st, err := c.open(false)
	if err != nil {
		return c.fail(err)
	}
	if st == nil {
		return c.noDB(name)
	}
	defer st.Close()
	s, r, err := st.LoadRevision(name, *rev)
	if err != nil {
		return c.fail(err)
	}
	data, err := scenarios.Encode(s)
	if err != nil {
		return c.fail(err)
	}
	if file == "-" {
		env.Stdout.Write(data)
		return ExitOK
	}
	if err := scenarios.WriteFileAtomic(file, data); err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.T("cli.sc.wrote", name, r.Number, file))
	return ExitOK
}

type scRevJSON struct {
	Revision int               `json:"revision"`
	Time     string            `json:"time"`
	Summary  string            `json:"summary"`
	Editions map[string]string `json:"editions"`
	Name     string            `json:"name"`
}

func runScHistory(env *Env, args []string) int {
	c := newScCmd(env, "history")
	format := c.fs.String("format", "table", "output: table or json")
	if ok, code := c.parse(args, 1, 1); !ok {
		return code
	}
	if *format != "table" && *format != "json" {
		return c.usageErr("cli.err.format2", *format)
	}
	name, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	st, err := c.open(false)
	if err != nil {
		return c.fail(err)
	}
	if st == nil {
		return c.noDB(name)
	}
	defer st.Close()
	revs, err := st.History(name)
	if err != nil {
		return c.fail(err)
	}
	if *format == "json" {
		out := make([]scRevJSON, 0, len(revs))
		for _, r := range revs {
			ed := r.Editions
			if ed == nil {
				ed = map[string]string{}
			}
			out = append(out, scRevJSON{Revision: r.Number, Time: c.whenJSON(r.Time), Summary: r.Summary, Editions: ed, Name: r.Name})
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return c.fail(err)
		}
	} else {
		rows := [][]string{{env.T("cli.sc.col.rev"), env.T("cli.sc.col.saved"), env.T("cli.sc.col.changes")}}
		for _, r := range revs {
			summary := r.Summary
			summary = scSummary(env, summary)
			if r.Name != name {
				summary += env.T("cli.sc.saved_as", r.Name)
			}
			rows = append(rows, []string{strconv.Itoa(r.Number), c.when(r.Time), summary})
			rows = append(rows, []string{"", "", env.T("cli.sc.prices", formatEditions(env, r.Editions))})
		}
		fmt.Fprint(env.Stdout, wording.Table(rows, map[int]bool{0: true}))
	}
	// Which revisions were computed with other prices than today's: one
	// note per distinct change. Identical scenarios are priced once.
	type change struct {
		diff string
		revs []string
	}
	var changes []*change
	byDiff := map[string]*change{}
	type priced struct {
		now map[string]string
		err error
	}
	cache := map[string]priced{}
	for _, r := range revs {
		if len(r.Editions) == 0 {
			continue
		}
		s, _, err := st.LoadRevision(name, r.Number)
		if err != nil {
			return c.fail(err)
		}
		data, err := scenarios.Encode(s)
		if err != nil {
			return c.fail(err)
		}
		p, seen := cache[string(data)]
		if !seen {
			cmp, err := pricing.Compare(s)
			p.err = err
			if err == nil {
				p.now = app.EditionsOf(cmp)
			}
			cache[string(data)] = p
		}
		if p.err != nil {
			c.unpriceable(r.Number, p.err)
			continue
		}
		d := app.EditionsDiff(r.Editions, p.now)
		if d == "" {
			continue
		}
		ch := byDiff[d]
		if ch == nil {
			ch = &change{diff: d}
			byDiff[d] = ch
			changes = append(changes, ch)
		}
		ch.revs = append(ch.revs, strconv.Itoa(r.Number))
	}
	for _, ch := range changes {
		note := env.T("cli.sc.note.prices_rev", ch.revs[0], scDiff(env, ch.diff))
		if len(ch.revs) > 1 {
			note = env.T("cli.sc.note.prices_revs", strings.Join(ch.revs, env.T("cli.sc.list_sep")), scDiff(env, ch.diff))
		}
		fmt.Fprintf(env.Stderr, "kefucost %s: %s\n", c.name, note)
	}
	return ExitOK
}

func runScRestore(env *Env, args []string) int {
	c := newScCmd(env, "restore")
	if ok, code := c.parse(args, 2, 2); !ok {
		return code
	}
	number, err := strconv.Atoi(c.pos[1])
	if err != nil || number < 1 {
		return c.usageErr("cli.sc.bad_rev_arg", c.pos[1])
	}
	name, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	rev, added, err := st.Restore(name, number)
	if err != nil {
		return c.fail(err)
	}
	if !added {
		fmt.Fprintln(env.Stdout, env.T("cli.sc.same_rev", name, rev.Number, number))
	} else {
		fmt.Fprintln(env.Stdout, env.T("cli.sc.saved", name, rev.Number, scSummary(env, rev.Summary)))
	}
	return ExitOK
}

func runScRename(env *Env, args []string) int {
	c := newScCmd(env, "rename")
	if ok, code := c.parse(args, 2, 2); !ok {
		return code
	}
	from, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	to, ok := c.cleanName(c.pos[1])
	if !ok {
		return ExitError
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	if err := st.Rename(from, to); err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.T("cli.sc.renamed", from, to))
	return ExitOK
}

func runScDuplicate(env *Env, args []string) int {
	c := newScCmd(env, "duplicate")
	if ok, code := c.parse(args, 2, 2); !ok {
		return code
	}
	src, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	dst, ok := c.cleanName(c.pos[1])
	if !ok {
		return ExitError
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	rev, err := st.Duplicate(src, dst)
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.T("cli.sc.saved", dst, rev.Number, scSummary(env, rev.Summary)))
	return ExitOK
}

func runScDelete(env *Env, args []string) int {
	c := newScCmd(env, "delete")
	if ok, code := c.parse(args, 1, 1); !ok {
		return code
	}
	name, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	if err := st.Delete(name); err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(env.Stdout, env.T("cli.sc.moved", name, c.dbHint(), shellQuoteArg(name)))
	return ExitOK
}

// shellQuoteArg is shellQuote, with "--" before a name that starts with
// "-".
func shellQuoteArg(s string) string {
	if strings.HasPrefix(s, "-") {
		return "-- " + shellQuote(s)
	}
	return shellQuote(s)
}

func runScUndelete(env *Env, args []string) int {
	c := newScCmd(env, "undelete")
	c.inTrash = true
	id := c.fs.Uint64("id", 0, "take the deleted scenario with this id (kefucost scenarios trash lists them) rather than the most recently deleted of that name")
	if ok, code := c.parse(args, 1, 1); !ok {
		return code
	}
	if c.given("id") && *id == 0 {
		return c.usageErr("cli.sc.bad_id")
	}
	name, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	// The trash as it was, to say when the one taken was deleted and how
	// many of its name stay.
	before, err := st.Trash()
	if err != nil {
		return c.fail(err)
	}
	var in store.Info
	if *id != 0 {
		i := slices.IndexFunc(before, func(in store.Info) bool { return in.ID == *id })
		switch {
		case i < 0:
			return c.fail(errors.New(env.T("cli.sc.err.no_id", *id, c.path, c.dbHint())))
		case before[i].Name != name:
			return c.fail(errors.New(env.T("cli.sc.err.id_name", *id, before[i].Name, name)))
		}
		in, err = st.UndeleteID(*id)
	} else {
		in, err = st.Undelete(name)
	}
	if err != nil {
		return c.fail(err)
	}
	deleted, left := "", 0
	for _, t := range before {
		switch {
		case t.ID == in.ID:
			deleted = env.T("cli.sc.deleted_at", c.when(t.TrashedAt))
		case t.Name == name:
			left++
		}
	}
	fmt.Fprintln(env.Stdout, env.T("cli.sc.undeleted", name, in.ID, revisions(env, in.Revisions), deleted))
	if left == 1 {
		fmt.Fprintln(env.Stdout, env.T("cli.sc.left.one", name, c.dbHint()))
	} else if left > 1 {
		fmt.Fprintln(env.Stdout, env.T("cli.sc.left.many", left, name, c.dbHint()))
	}
	return ExitOK
}

func runScEmptyTrash(env *Env, args []string) int {
	c := newScCmd(env, "empty-trash")
	if ok, code := c.parse(args, 0, 0); !ok {
		return code
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	n, err := st.EmptyTrash()
	if err != nil {
		return c.fail(err)
	}
	if n == 0 {
		fmt.Fprintln(env.Stdout, env.T("cli.sc.emptied_none"))
	} else {
		if n == 1 {
			fmt.Fprintln(env.Stdout, env.T("cli.sc.emptied.one"))
		} else {
			fmt.Fprintln(env.Stdout, env.T("cli.sc.emptied.many", n))
		}
	}
	return ExitOK
}

func runScCompare(env *Env, args []string) int {
	c := newScCmd(env, "compare")
	rev := c.fs.Int("rev", 0, "compare this revision (default: the latest)")
	format := c.fs.String("format", "table", "output: table, json or csv")
	with := c.fs.String("with", "", "set this saved scenario beside NAME: totals, differences (B − A, NAME the base), the lines they come from, the inputs that differ")
	withRev := c.fs.Int("with-rev", 0, "the revision of --with to set beside (default: its latest); without --with, a revision of NAME")
	vat := vatFlag(c.fs)
	if ok, code := c.parse(args, 1, 1); !ok {
		return code
	}
	if !c.revFlag(rev) {
		return ExitUsage
	}
	if *format != "table" && *format != "json" && *format != "csv" {
		return c.usageErr("cli.err.format", *format)
	}
	if *vat != "included" && *vat != "excluded" {
		return c.usageErr("cli.err.vat", *vat)
	}
	name, ok := c.cleanName(c.pos[0])
	if !ok {
		return ExitError
	}
	if c.given("with") || c.given("with-rev") {
		return scCompareWith(c, name, *rev, *with, *withRev, *format, *vat == "excluded")
	}
	st, err := c.open(false)
	if err != nil {
		return c.fail(err)
	}
	if st == nil {
		return c.noDB(name)
	}
	s, r, err := st.LoadRevision(name, *rev)
	st.Close()
	if err != nil {
		return c.fail(err)
	}
	cmp, err := pricing.Compare(s)
	if err != nil {
		return c.fail(fmt.Errorf("%s%w", env.T("cli.sc.err.rev_prefix", name, r.Number), wording.FileError(env.Lang(), err)))
	}
	editions := app.EditionsOf(cmp)
	cmp, _ = withVAT(cmp, *vat)
	var out []byte
	switch *format {
	case "json":
		out, err = ComparisonJSON(cmp)
	case "csv":
		out, err = ComparisonCSV(cmp, env.Lang())
	default:
		out = []byte(ComparisonTable(cmp, env.Lang()))
	}
	if err != nil {
		return c.fail(err)
	}
	env.Stdout.Write(out)
	if changed := app.EditionsDiff(r.Editions, editions); changed != "" {
		fmt.Fprintf(env.Stderr, "kefucost %s: %s\n", c.name, env.T("cli.sc.note.prices_rev", strconv.Itoa(r.Number), scDiff(env, changed)))
	}
	return ExitOK
}

// scCompareWith sets OTHER (or another revision of NAME) beside NAME:
// kefucost scenarios compare NAME [--rev N] --with OTHER [--with-rev M].
// One database read for both, then both priced (package diff, as the
// window's comparison).
func scCompareWith(c *scCmd, name string, rev int, with string, withRev int, format string, netOfVAT bool) int {
	env := c.env
	if format == "csv" {
		return c.usageErr("cli.sc.compare.no_csv")
	}
	if c.given("with-rev") && withRev < 1 {
		return c.usageErr("cli.sc.bad_rev", withRev)
	}
	other := name
	if c.given("with") {
		n, ok := c.cleanName(with)
		if !ok {
			return ExitError
		}
		other = n
	}
	st, err := c.open(false)
	if err != nil {
		return c.fail(err)
	}
	if st == nil {
		return c.noDB(name)
	}
	sa, ra, err := st.LoadRevision(name, rev)
	if err != nil {
		st.Close()
		return c.fail(err)
	}
	sb, rb, err := st.LoadRevision(other, withRev)
	st.Close()
	if err != nil {
		return c.fail(err)
	}
	d, err := diff.Price(sa, sb, netOfVAT)
	if err != nil {
		// Which side cannot be priced: each alone says.
		for _, side := range []struct {
			s    *scenarios.Scenario
			name string
			rev  int
		}{{sa, name, ra.Number}, {sb, other, rb.Number}} {
			if _, perr := pricing.Compare(side.s); perr != nil {
				return c.fail(fmt.Errorf("%s%w", env.T("cli.sc.err.rev_prefix", side.name, side.rev), wording.FileError(env.Lang(), perr)))
			}
		}
		return c.fail(err)
	}
	var out []byte
	if format == "json" {
		out, err = DiffJSON(d, jsonSide{Scenario: name, Revision: ra.Number}, jsonSide{Scenario: other, Revision: rb.Number})
		if err != nil {
			return c.fail(err)
		}
	} else {
		out = []byte(DiffTable(d, env.T("compare.rev", name, ra.Number), env.T("compare.rev", other, rb.Number), env.Lang()))
	}
	env.Stdout.Write(out)
	return ExitOK
}

// notImported is the engine's refusal of a file being imported, worded
// for import: the engine ends it "(nothing was compared)", true of
// compare; here nothing was imported and the database is unchanged.
func notImported(env *Env, err error) error {
	msg := strings.TrimSpace(wording.FileError(env.Lang(), err).Error())
	if m, ok := strings.CutSuffix(msg, env.T("cli.sc.refused.compared")); ok {
		return errors.New(m + env.T("cli.sc.refused.imported"))
	}
	sep := " "
	if env.Lang() != "en" {
		sep = ""
	}
	return errors.New(msg + sep + env.T("cli.sc.refused.imported"))
}
