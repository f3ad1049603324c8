// Package store keeps saved scenarios, with their history, a trash and
// drafts, in one bbolt file that the window and the command line share.
package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
	"golang.org/x/text/unicode/norm"

	"kefucost/scenarios"
)

// The store of saved scenarios: one bbolt file shared by the window and the
// command line.
//
// Layout (schema 1), every bucket created in one setup transaction:
//
//	meta    "schema" → schema version, 8 bytes big-endian
//	index   id (8 bytes big-endian, from NextSequence) → small index record:
//	        name, created, updated, revision count, trashed flag and time
//	names   name → id, for scenarios not in the trash
//	revs    id → bucket of revisions: number (8 bytes big-endian) →
//	        header (time, summary, editions, name) + the scenario file bytes
//	        exactly as Encode wrote them
//	draft   "name", "time", "scenario": the one unsaved draft
//
// Scenarios are keyed by a stable id, so a rename touches only index and
// names; history is never rewritten. List reads only index records.
//
// A rename is recorded in the index only (the record's name and updated
// time), not as a revision: it changes nothing that is compared or priced.
// The history shows it through Revision.Name, the name each revision was
// saved under (the command line marks older names "saved as …"). Save
// compares contents under the current name, so saving or restoring after a
// rename what the latest revision holds adds nothing, and a later change
// is summarized without the name.

// Sentinel errors; test with errors.Is. The errors a Store returns are
// *Error values: they match their sentinel, carry the database file and a
// message naming the scenario.
var (
	// ErrNotFound: no scenario (or revision, or trashed scenario) of that name.
	ErrNotFound = errors.New("scenario not found")
	// ErrNoRevision: the scenario exists but has no revision of that
	// number. It matches ErrNotFound too; test it to tell a wrong revision
	// from a wrong name.
	ErrNoRevision = fmt.Errorf("%w: no such revision", ErrNotFound)
	// ErrExists: a scenario of that name already exists.
	ErrExists = errors.New("a scenario of that name already exists")
	// ErrInvalidName: empty, whitespace only, too long or control characters.
	ErrInvalidName = errors.New("invalid scenario name")
	// ErrLocked: another program holds the database; the operation (or
	// Open) waited Options.Timeout (1 s by default), gave up and changed
	// nothing.
	ErrLocked = errors.New("the scenario database is in use by another kefucost")
	// ErrNewerSchema: the database was written by a newer kefucost.
	ErrNewerSchema = errors.New("the scenario database was written by a newer kefucost")
	// ErrDamaged: the file is not a valid database. Open for writing moves it
	// aside and starts afresh (see Store.Recovered); a read-only Open
	// returns this error instead. An operation that finds the file damaged
	// moves it aside too, and fails with this error and Error.Recovered.
	ErrDamaged = errors.New("the scenario database is damaged")
	// ErrReadOnly: a write was asked of a store opened with ReadOnly.
	ErrReadOnly = errors.New("the scenario database is open read-only")
	// ErrClosed: an operation was asked of a closed Store.
	ErrClosed = errors.New("the scenario database is closed")
)

// Error is what a Store's operations return when they fail, except for
// problems with the scenario itself (Save's validation, Import's file),
// which are the scenarios package's FieldError or FieldErrors.
type Error struct {
	// Path is the database file.
	Path string
	// Err is the sentinel the error matches (ErrNotFound, ErrLocked, …) or
	// the cause (e.g. an error of the file system).
	Err error
	// Recovered is set with ErrDamaged when the damaged file was moved to
	// this path and a new, empty database started in its place.
	Recovered string

	msg string // the whole sentence, naming the scenario
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.Err }

// errorf is an *Error matching sentinel; the Store fills in Path.
func errorf(sentinel error, format string, args ...any) error {
	return &Error{Err: sentinel, msg: fmt.Sprintf(format, args...)}
}

// pathErr makes err an *Error carrying the database path, unless it is
// about the scenario rather than the database.
func (st *Store) pathErr(err error) error {
	if err == nil {
		return nil
	}
	var (
		fe  *scenarios.FieldError
		fes scenarios.FieldErrors
		e   *Error
	)
	switch {
	case errors.As(err, &fe), errors.As(err, &fes):
		return err
	case errors.As(err, &e):
		if e.Path == "" {
			e.Path = st.path
		}
		if e == err {
			return err
		}
		return &Error{Path: st.path, Err: err, Recovered: e.Recovered, msg: err.Error()}
	}
	return &Error{Path: st.path, Err: err, msg: err.Error()}
}

// quoteShort quotes s for a message, cut to 40 characters.
func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

func notFound(name string) error {
	return errorf(ErrNotFound, "no saved scenario named %q", name)
}

func exists(name string) error {
	return errorf(ErrExists, "a scenario named %q already exists", name)
}

// CleanName returns name as the store keeps it: surrounding white space
// trimmed and Unicode in NFC form (so that the same text typed two ways is
// the same name). Any character is allowed, "/" and quotes and emoji
// included, except control characters; empty and over-long names are
// refused with an error matching ErrInvalidName.
func CleanName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", errorf(ErrInvalidName, "the scenario name is not valid UTF-8 text")
	}
	n := norm.NFC.String(strings.TrimFunc(name, unicode.IsSpace))
	if n == "" {
		return "", errorf(ErrInvalidName, "the scenario name is empty: give it a name")
	}
	if c := utf8.RuneCountInString(n); c > scenarios.MaxNameLen {
		return "", errorf(ErrInvalidName, "the scenario name is %d characters long; at most %d are allowed", c, scenarios.MaxNameLen)
	}
	for _, r := range n {
		if unicode.IsControl(r) {
			return "", errorf(ErrInvalidName, "the scenario name %s contains a control character (%U)", quoteShort(n), r)
		}
	}
	return n, nil
}

// Info is what List shows of one saved scenario, read from its small index
// record without decoding the scenario.
type Info struct {
	ID        uint64 // stable id; survives renames
	Name      string
	Created   time.Time
	Updated   time.Time // time of the last change (save, restore, rename)
	Revisions int       // number of the latest revision (revisions are 1, 2, …)
	Trashed   bool
	TrashedAt time.Time // when it was deleted, if Trashed
}

// Revision is one saved state of a scenario.
type Revision struct {
	Number  int
	Time    time.Time
	Summary string // what changed since the revision before, e.g. "months 36→24"
	// Editions are the price editions the caller computed with, vendor id →
	// edition id (e.g. {"chatopera": "2023-12"}); compare them with the
	// catalog's current ones to say "prices have changed since".
	Editions map[string]string
	// Name is the scenario's name when the revision was saved.
	Name string
}

// SaveMeta is what Save records beside the scenario.
type SaveMeta struct {
	Editions map[string]string
}

var (
	bucketMeta  = []byte("meta")
	bucketIndex = []byte("index")
	bucketNames = []byte("names")
	bucketRevs  = []byte("revs")
	bucketDraft = []byte("draft")
	keySchema   = []byte("schema")
)

// allBuckets are the buckets of the current schema.
var allBuckets = [][]byte{bucketMeta, bucketIndex, bucketNames, bucketRevs, bucketDraft}

func u64key(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}

// record is an index record.
type record struct {
	name      string
	created   int64 // Unix nanoseconds
	updated   int64
	trashedAt int64
	revs      uint32
	trashed   bool
}

const recordVersion = 1

func (r *record) encode() []byte {
	b := make([]byte, 30, 30+len(r.name))
	b[0] = recordVersion
	if r.trashed {
		b[1] = 1
	}
	binary.BigEndian.PutUint64(b[2:], uint64(r.created))
	binary.BigEndian.PutUint64(b[10:], uint64(r.updated))
	binary.BigEndian.PutUint64(b[18:], uint64(r.trashedAt))
	binary.BigEndian.PutUint32(b[26:], r.revs)
	return append(b, r.name...)
}

func decodeRecord(b []byte) (record, error) {
	if len(b) < 30 || b[0] != recordVersion {
		return record{}, fmt.Errorf("%w: unreadable index record", ErrDamaged)
	}
	return record{
		trashed:   b[1]&1 != 0,
		created:   int64(binary.BigEndian.Uint64(b[2:])),
		updated:   int64(binary.BigEndian.Uint64(b[10:])),
		trashedAt: int64(binary.BigEndian.Uint64(b[18:])),
		revs:      binary.BigEndian.Uint32(b[26:]),
		name:      string(b[30:]), // copies
	}, nil
}

func (r *record) info(id uint64) Info {
	in := Info{ID: id, Name: r.name, Created: fromNanos(r.created), Updated: fromNanos(r.updated), Revisions: int(r.revs), Trashed: r.trashed}
	if r.trashed {
		in.TrashedAt = fromNanos(r.trashedAt)
	}
	return in
}

func fromNanos(n int64) time.Time { return time.Unix(0, n) }

// revHeader is stored before the scenario bytes of a revision.
type revHeader struct {
	Time     int64             `json:"t"`
	Summary  string            `json:"s"`
	Editions map[string]string `json:"e,omitempty"`
	Name     string            `json:"n"`
}

func encodeRev(h revHeader, scenario []byte) ([]byte, error) {
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 4, 4+len(hb)+len(scenario))
	binary.BigEndian.PutUint32(out, uint32(len(hb)))
	out = append(out, hb...)
	return append(out, scenario...), nil
}

// decodeRev splits a stored revision; the scenario bytes are copied out.
func decodeRev(b []byte, number int) (Revision, []byte, error) {
	if len(b) < 4 {
		return Revision{}, nil, fmt.Errorf("%w: unreadable revision %d", ErrDamaged, number)
	}
	n := int(binary.BigEndian.Uint32(b))
	if n > len(b)-4 {
		return Revision{}, nil, fmt.Errorf("%w: unreadable revision %d", ErrDamaged, number)
	}
	var h revHeader
	if err := json.Unmarshal(b[4:4+n], &h); err != nil {
		return Revision{}, nil, fmt.Errorf("%w: unreadable revision %d: %v", ErrDamaged, number, err)
	}
	r := Revision{Number: number, Time: fromNanos(h.Time), Summary: h.Summary, Editions: h.Editions, Name: h.Name}
	return r, bytes.Clone(b[4+n:]), nil
}

// decodeStored reads scenario bytes the store wrote (what names them); a
// failure means the stored bytes are damaged.
func decodeStored(data []byte, what string) (*scenarios.Scenario, error) {
	s, err := scenarios.DecodeSaved(data, what)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return s, nil
}

// txBuckets are the buckets of one transaction; absent in a read-only
// store that was never written (then every list is empty).
type txBuckets struct {
	index, names, revs, draft *bbolt.Bucket
}

func buckets(tx *bbolt.Tx) (txBuckets, bool) {
	b := txBuckets{index: tx.Bucket(bucketIndex), names: tx.Bucket(bucketNames), revs: tx.Bucket(bucketRevs), draft: tx.Bucket(bucketDraft)}
	return b, b.index != nil && b.names != nil && b.revs != nil && b.draft != nil
}

// view runs fn in a read transaction, the file open for that moment; fn
// is not called (and nil returned) when the store has no buckets yet.
func (st *Store) view(fn func(b txBuckets) error) error {
	return st.with(false, func(db *bbolt.DB) error {
		err := db.View(func(tx *bbolt.Tx) error {
			if err := st.sameSchema(tx); err != nil {
				return err
			}
			b, ok := buckets(tx)
			if !ok {
				return nil
			}
			return fn(b)
		})
		if errors.Is(err, errNoChange) {
			return nil
		}
		return err
	})
}

// update runs fn in a write transaction (one commit, one fsync), the file
// open for that moment.
func (st *Store) update(fn func(tx *bbolt.Tx, b txBuckets) error) error {
	return st.with(true, func(db *bbolt.DB) error {
		err := db.Update(func(tx *bbolt.Tx) error {
			if err := st.sameSchema(tx); err != nil {
				return err
			}
			b, ok := buckets(tx)
			if !ok {
				// A file deleted and created afresh since this store
				// last saw it, at the same place on the disk.
				if k, _ := tx.Cursor().First(); k != nil {
					return fmt.Errorf("%w: %s has lost its buckets", ErrDamaged, st.path)
				}
				if err := createBuckets(tx); err != nil {
					return err
				}
				b, _ = buckets(tx)
			}
			return fn(tx, b)
		})
		switch {
		case errors.Is(err, errNoChange):
			return nil
		case errors.Is(err, berrors.ErrDatabaseReadOnly):
			return errorf(ErrReadOnly, "the scenario database %s is open read-only: nothing was changed", st.path)
		}
		return err
	})
}

// sameSchema refuses a file that a newer kefucost has upgraded since this
// store checked it (it upgrades in place, while this program runs).
func (st *Store) sameSchema(tx *bbolt.Tx) error {
	v, err := schemaOf(tx)
	if err == nil && v > schemaVersion {
		err = newerSchema(st.path, v)
	}
	return err
}

// lookup finds a live scenario by its clean name.
func lookup(b txBuckets, name string) (uint64, record, error) {
	v := b.names.Get([]byte(name))
	if len(v) != 8 {
		return 0, record{}, notFound(name)
	}
	id := binary.BigEndian.Uint64(v)
	rv := b.index.Get(v)
	if rv == nil {
		return 0, record{}, fmt.Errorf("%w: %q has no index record", ErrDamaged, name)
	}
	r, err := decodeRecord(rv)
	return id, r, err
}

// getRev reads revision number of the scenario id, whose index record is
// r. A number outside 1..r.revs fails with ErrNoRevision, a revision the
// index lists but the file lacks with ErrDamaged; both name the scenario
// and the revisions it has.
func getRev(b txBuckets, id uint64, r record, number int) (Revision, []byte, error) {
	if number < 1 || number > int(r.revs) {
		return Revision{}, nil, noRevision(r.name, number, int(r.revs))
	}
	var v []byte
	if rb := b.revs.Bucket(u64key(id)); rb != nil {
		v = rb.Get(u64key(uint64(number)))
	}
	if v == nil {
		return Revision{}, nil, fmt.Errorf("%w: scenario %q has no revision %d although its index lists 1 to %d", ErrDamaged, r.name, number, r.revs)
	}
	return decodeRev(v, number)
}

func noRevision(name string, number, revs int) error {
	if revs < 1 {
		return errorf(ErrNoRevision, "scenario %q has no revision %d (it has none)", name, number)
	}
	return errorf(ErrNoRevision, "scenario %q has no revision %d (it has 1 to %d)", name, number, revs)
}

// cleanNames cleans names in place (CleanName).
func (st *Store) cleanNames(names ...*string) error {
	for _, n := range names {
		c, err := CleanName(*n)
		if err != nil {
			return st.pathErr(err)
		}
		*n = c
	}
	return nil
}

// Save stores s under name as a new revision (the first one creates the
// scenario). The scenario must be valid (Validate); its Name is replaced by
// name. The revision records meta.Editions and a summary of what changed
// since the previous revision (see Summarize). Saving exactly what the
// latest revision holds (same scenario, same editions; the name it was
// saved under, before a Rename, does not count) adds nothing and returns
// the latest revision; added says whether a revision was added. Save
// returns once the revision is on disk (fsync'd).
func (st *Store) Save(name string, s *scenarios.Scenario, meta SaveMeta) (rev Revision, added bool, err error) {
	if err := st.cleanNames(&name); err != nil {
		return Revision{}, false, err
	}
	if errs := s.Validate(); len(errs) > 0 {
		return Revision{}, false, errs
	}
	err = st.update(func(tx *bbolt.Tx, b txBuckets) error {
		var err error
		rev, added, err = st.put(b, name, s, meta.Editions, "", false)
		return err
	})
	return rev, added, err
}

// put adds a revision of s under the clean name (creating the scenario if
// needed, or refusing with ErrExists when mustCreate); when the latest
// revision holds the same it adds nothing and returns that one, added
// false. how prefixes the summary ("restored revision 3").
func (st *Store) put(b txBuckets, name string, s *scenarios.Scenario, editions map[string]string, how string, mustCreate bool) (Revision, bool, error) {
	c := s.Clone()
	c.Name = name
	data, err := scenarios.Encode(c)
	if err != nil {
		return Revision{}, false, err
	}
	now := st.now()
	var (
		id  uint64
		rec record
	)
	v := b.names.Get([]byte(name))
	summary := "created"
	if how != "" {
		summary = "created (" + how + ")"
	}
	if v == nil {
		id, err = b.index.NextSequence()
		if err != nil {
			return Revision{}, false, err
		}
		if _, err := b.revs.CreateBucket(u64key(id)); err != nil {
			return Revision{}, false, err
		}
		rec = record{name: name, created: now.UnixNano()}
	} else {
		if mustCreate {
			return Revision{}, false, exists(name)
		}
		if id, rec, err = lookup(b, name); err != nil {
			return Revision{}, false, err
		}
		last, lastData, err := getRev(b, id, rec, int(rec.revs))
		if err != nil {
			return Revision{}, false, err
		}
		same := bytes.Equal(lastData, data)
		var old *scenarios.Scenario
		if !same {
			// The stored bytes hold the name the revision was saved
			// under, which differs after a Rename: compare the contents
			// under the current name, as Encode writes them now.
			if old, err = decodeStored(lastData, fmt.Sprintf("%s revision %d", name, last.Number)); err != nil {
				return Revision{}, false, err
			}
			old.Name = name // renames are not content changes
			oldData, err := scenarios.Encode(old)
			if err != nil {
				return Revision{}, false, err
			}
			same = bytes.Equal(oldData, data)
		}
		if same && editionsEqual(last.Editions, editions) {
			last.Name = name
			return last, false, nil
		}
		if old == nil {
			// Same scenario, other editions.
			old = c
		}
		summary = joinSummary(scenarios.Summarize(old, c), editionsChange(last.Editions, editions))
		if how != "" {
			summary = how + ": " + summary
		}
	}
	rev := Revision{Number: int(rec.revs) + 1, Time: now, Summary: summary, Editions: copyEditions(editions), Name: name}
	val, err := encodeRev(revHeader{Time: now.UnixNano(), Summary: summary, Editions: rev.Editions, Name: name}, data)
	if err != nil {
		return Revision{}, false, err
	}
	if err := b.revs.Bucket(u64key(id)).Put(u64key(uint64(rev.Number)), val); err != nil {
		return Revision{}, false, err
	}
	rec.revs = uint32(rev.Number)
	rec.updated = now.UnixNano()
	if err := b.index.Put(u64key(id), rec.encode()); err != nil {
		return Revision{}, false, err
	}
	if err := b.names.Put([]byte(name), u64key(id)); err != nil {
		return Revision{}, false, err
	}
	return rev, true, nil
}

func copyEditions(e map[string]string) map[string]string {
	if len(e) == 0 {
		return nil
	}
	out := make(map[string]string, len(e))
	for k, v := range e {
		out[k] = v
	}
	return out
}

func editionsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// editionsChange describes changed price editions, "" when equal.
func editionsChange(old, new map[string]string) string {
	var parts []string
	all := map[string]bool{}
	for k := range old {
		all[k] = true
	}
	for k := range new {
		all[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(all)) {
		o, ok1 := old[k]
		n, ok2 := new[k]
		switch {
		case ok1 && ok2 && o != n:
			parts = append(parts, fmt.Sprintf("prices of %s: edition %s→%s", k, o, n))
		case ok2 && !ok1:
			parts = append(parts, fmt.Sprintf("prices of %s: edition %s", k, n))
		case ok1 && !ok2:
			parts = append(parts, fmt.Sprintf("prices of %s: edition %s no longer recorded", k, o))
		}
	}
	return strings.Join(parts, "; ")
}

func joinSummary(a, b string) string {
	switch {
	case b == "":
		return a
	case a == "no changes":
		return b
	}
	return a + "; " + b
}

// List returns the scenarios not in the trash, the most recently changed
// first (then by name). It reads only the small index records.
func (st *Store) List() ([]Info, error) {
	return st.list(func(r *record) bool { return !r.trashed })
}

// Find returns the scenarios not in the trash whose name contains query,
// ignoring case (an empty query finds all), ordered as List.
func (st *Store) Find(query string) ([]Info, error) {
	q := strings.ToLower(norm.NFC.String(strings.TrimSpace(query)))
	return st.list(func(r *record) bool {
		return !r.trashed && strings.Contains(strings.ToLower(r.name), q)
	})
}

// Trash returns the deleted scenarios, the most recently deleted first
// (on equal times the one created last first): of several with one name,
// the first listed is the one Undelete takes.
func (st *Store) Trash() ([]Info, error) {
	out, err := st.list(func(r *record) bool { return r.trashed })
	sort.Slice(out, func(i, j int) bool {
		if !out[i].TrashedAt.Equal(out[j].TrashedAt) {
			return out[i].TrashedAt.After(out[j].TrashedAt)
		}
		return out[i].ID > out[j].ID
	})
	return out, err
}

func (st *Store) list(keep func(*record) bool) ([]Info, error) {
	var out []Info
	err := st.view(func(b txBuckets) error {
		out = make([]Info, 0, min(b.index.Sequence(), 1<<16))
		return b.index.ForEach(func(k, v []byte) error {
			r, err := decodeRecord(v)
			if err != nil {
				return err
			}
			if keep(&r) {
				out = append(out, r.info(binary.BigEndian.Uint64(k)))
			}
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.After(out[j].Updated)
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

// Lookup returns the index information of the live scenario name.
func (st *Store) Lookup(name string) (Info, error) {
	if err := st.cleanNames(&name); err != nil {
		return Info{}, err
	}
	var in Info
	err := st.view(func(b txBuckets) error {
		id, r, err := lookup(b, name)
		in = r.info(id)
		return err
	})
	if err == nil && in.Name == "" {
		err = st.pathErr(notFound(name))
	}
	return in, err
}

// Load returns the latest revision of the scenario name.
func (st *Store) Load(name string) (*scenarios.Scenario, Revision, error) {
	return st.LoadRevision(name, 0)
}

// LoadRevision returns revision number of the scenario name (0: the
// latest). The scenario's Name is its current name.
func (st *Store) LoadRevision(name string, number int) (*scenarios.Scenario, Revision, error) {
	if err := st.cleanNames(&name); err != nil {
		return nil, Revision{}, err
	}
	var (
		rev  Revision
		data []byte
	)
	found := false
	err := st.view(func(b txBuckets) error {
		id, r, err := lookup(b, name)
		if err != nil {
			return err
		}
		if number == 0 {
			number = int(r.revs)
		}
		rev, data, err = getRev(b, id, r, number)
		found = err == nil
		return err
	})
	if err == nil && !found {
		err = st.pathErr(notFound(name))
	}
	if err != nil {
		return nil, Revision{}, err
	}
	s, err := decodeStored(data, fmt.Sprintf("%s revision %d", name, number))
	if err != nil {
		return nil, Revision{}, st.pathErr(err)
	}
	s.Name = name
	return s, rev, nil
}

// History returns every revision of the scenario name, the newest first,
// without the scenarios themselves (LoadRevision reads one).
func (st *Store) History(name string) ([]Revision, error) {
	if err := st.cleanNames(&name); err != nil {
		return nil, err
	}
	var out []Revision
	found := false
	err := st.view(func(b txBuckets) error {
		id, _, err := lookup(b, name)
		if err != nil {
			return err
		}
		found = true
		rb := b.revs.Bucket(u64key(id))
		if rb == nil {
			return fmt.Errorf("%w: %q has no revisions", ErrDamaged, name)
		}
		c := rb.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			r, _, err := decodeRevHeader(v, int(binary.BigEndian.Uint64(k)))
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	if err == nil && !found {
		err = st.pathErr(notFound(name))
	}
	return out, err
}

// decodeRevHeader is decodeRev without copying the scenario.
func decodeRevHeader(b []byte, number int) (Revision, int, error) {
	if len(b) < 4 || int(binary.BigEndian.Uint32(b)) > len(b)-4 {
		return Revision{}, 0, fmt.Errorf("%w: unreadable revision %d", ErrDamaged, number)
	}
	n := int(binary.BigEndian.Uint32(b))
	var h revHeader
	if err := json.Unmarshal(b[4:4+n], &h); err != nil {
		return Revision{}, 0, fmt.Errorf("%w: unreadable revision %d: %v", ErrDamaged, number, err)
	}
	return Revision{Number: number, Time: fromNanos(h.Time), Summary: h.Summary, Editions: h.Editions, Name: h.Name}, n, nil
}

// Restore adds a new revision equal to revision number of the scenario
// name (with that revision's editions); earlier revisions stay. Restoring
// what the latest revision already holds adds nothing (added is false).
func (st *Store) Restore(name string, number int) (rev Revision, added bool, err error) {
	if err := st.cleanNames(&name); err != nil {
		return Revision{}, false, err
	}
	err = st.update(func(tx *bbolt.Tx, b txBuckets) error {
		id, r, err := lookup(b, name)
		if err != nil {
			return err
		}
		old, data, err := getRev(b, id, r, number)
		if err != nil {
			return err
		}
		s, err := decodeStored(data, fmt.Sprintf("%s revision %d", name, number))
		if err != nil {
			return err
		}
		rev, added, err = st.put(b, name, s, old.Editions, fmt.Sprintf("restored revision %d", number), false)
		return err
	})
	return rev, added, err
}

// Rename gives the scenario oldName the name newName, keeping its history.
// It adds no revision: the rename is recorded in the index (Info.Name,
// Info.Updated), and the revisions keep the name they were saved under
// (Revision.Name). It fails with ErrExists when newName is taken.
func (st *Store) Rename(oldName, newName string) error {
	if err := st.cleanNames(&oldName, &newName); err != nil {
		return err
	}
	return st.update(func(tx *bbolt.Tx, b txBuckets) error {
		id, r, err := lookup(b, oldName)
		if err != nil {
			return err
		}
		if oldName == newName {
			return nil
		}
		if b.names.Get([]byte(newName)) != nil {
			return exists(newName)
		}
		r.name = newName
		r.updated = st.now().UnixNano()
		if err := b.names.Delete([]byte(oldName)); err != nil {
			return err
		}
		if err := b.names.Put([]byte(newName), u64key(id)); err != nil {
			return err
		}
		return b.index.Put(u64key(id), r.encode())
	})
}

// Duplicate saves the latest revision of src as a new scenario dst ("save
// as" for what-ifs): dst starts its own history with one revision. It fails
// with ErrExists when dst is taken.
func (st *Store) Duplicate(src, dst string) (Revision, error) {
	if err := st.cleanNames(&src, &dst); err != nil {
		return Revision{}, err
	}
	var rev Revision
	err := st.update(func(tx *bbolt.Tx, b txBuckets) error {
		id, r, err := lookup(b, src)
		if err != nil {
			return err
		}
		if b.names.Get([]byte(dst)) != nil {
			return exists(dst)
		}
		last, data, err := getRev(b, id, r, int(r.revs))
		if err != nil {
			return err
		}
		s, err := decodeStored(data, fmt.Sprintf("%s revision %d", src, last.Number))
		if err != nil {
			return err
		}
		rev, _, err = st.put(b, dst, s, last.Editions, fmt.Sprintf("copy of %q revision %d", src, last.Number), true)
		return err
	})
	return rev, err
}

// Delete moves the scenario name to the trash; its name becomes free.
// Undelete brings it back; only EmptyTrash removes it for good.
func (st *Store) Delete(name string) error {
	if err := st.cleanNames(&name); err != nil {
		return err
	}
	return st.update(func(tx *bbolt.Tx, b txBuckets) error {
		id, r, err := lookup(b, name)
		if err != nil {
			return err
		}
		r.trashed = true
		r.trashedAt = st.now().UnixNano()
		if err := b.names.Delete([]byte(name)); err != nil {
			return err
		}
		return b.index.Put(u64key(id), r.encode())
	})
}

// Undelete takes the scenario name out of the trash. Several deleted
// scenarios may have that name (a name is free again once deleted): it
// takes the most recently deleted one, and of those deleted at the same
// moment the one created last (the larger Info.ID). That is the first
// one of that name Trash lists; UndeleteID takes any other. It fails with
// ErrExists when a live scenario has that name now: rename that one first.
func (st *Store) Undelete(name string) (Info, error) {
	if err := st.cleanNames(&name); err != nil {
		return Info{}, err
	}
	var in Info
	err := st.update(func(tx *bbolt.Tx, b txBuckets) error {
		var (
			bestID  uint64
			best    record
			matched bool
		)
		// Ids ascend, so ">=" lets the later of equal times win.
		err := b.index.ForEach(func(k, v []byte) error {
			r, err := decodeRecord(v)
			if err != nil {
				return err
			}
			if r.trashed && r.name == name && (!matched || r.trashedAt >= best.trashedAt) {
				bestID, best, matched = binary.BigEndian.Uint64(k), r, true
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !matched {
			return errorf(ErrNotFound, "no scenario named %q in the trash", name)
		}
		in, err = st.untrash(b, bestID, best)
		return err
	})
	return in, err
}

// UndeleteID takes the deleted scenario with the stable id (Info.ID, as
// Trash lists it) out of the trash, whichever others share its name. It
// fails with ErrNotFound when no scenario in the trash has that id, and
// with ErrExists when a live scenario has its name now.
func (st *Store) UndeleteID(id uint64) (Info, error) {
	var in Info
	err := st.update(func(tx *bbolt.Tx, b txBuckets) error {
		v := b.index.Get(u64key(id))
		if v == nil {
			return errorf(ErrNotFound, "no scenario with id %d in the trash", id)
		}
		r, err := decodeRecord(v)
		if err != nil {
			return err
		}
		if !r.trashed {
			return errorf(ErrNotFound, "no scenario with id %d in the trash (%q, id %d, is not deleted)", id, r.name, id)
		}
		in, err = st.untrash(b, id, r)
		return err
	})
	return in, err
}

// untrash takes the trashed scenario id (record r) out of the trash.
func (st *Store) untrash(b txBuckets, id uint64, r record) (Info, error) {
	if b.names.Get([]byte(r.name)) != nil {
		return Info{}, errorf(ErrExists, "a scenario named %q exists: rename it before taking the deleted one out of the trash", r.name)
	}
	r.trashed = false
	r.trashedAt = 0
	r.updated = st.now().UnixNano()
	if err := b.index.Put(u64key(id), r.encode()); err != nil {
		return Info{}, err
	}
	if err := b.names.Put([]byte(r.name), u64key(id)); err != nil {
		return Info{}, err
	}
	return r.info(id), nil
}

// EmptyTrash removes every trashed scenario and its history for good and
// returns how many were removed.
func (st *Store) EmptyTrash() (int, error) {
	n := 0
	err := st.update(func(tx *bbolt.Tx, b txBuckets) error {
		var ids [][]byte
		err := b.index.ForEach(func(k, v []byte) error {
			r, err := decodeRecord(v)
			if err != nil {
				return err
			}
			if r.trashed {
				ids = append(ids, bytes.Clone(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range ids {
			if err := b.index.Delete(k); err != nil {
				return err
			}
			if b.revs.Bucket(k) != nil {
				if err := b.revs.DeleteBucket(k); err != nil {
					return err
				}
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

// Drafts. Each Store has its own draft slot, so that two windows on one
// database neither overwrite nor clear each other's draft. A slot is the
// key "session:" + 8 bytes (the store's random session) in the draft
// bucket; its value is a header (JSON: time, the name of the saved
// scenario it edits, and the process and host of the program that wrote
// it) and then the scenario bytes, as in a revision. Before, schema 1 had
// one slot of three keys, "name", "time" and "scenario": such a draft
// reads as one left behind.

var (
	keyDraftPrefix   = []byte("session:")
	keyDraftName     = []byte("name")
	keyDraftTime     = []byte("time")
	keyDraftScenario = []byte("scenario")
)

type draftHeader struct {
	Time int64  `json:"t"`
	Name string `json:"n"`
	PID  int    `json:"p"`
	Host string `json:"h"`
}

func (st *Store) draftKey() []byte {
	return append(bytes.Clone(keyDraftPrefix), u64key(st.session)...)
}

func encodeDraft(h draftHeader, scenario []byte) ([]byte, error) {
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 4, 4+len(hb)+len(scenario))
	binary.BigEndian.PutUint32(out, uint32(len(hb)))
	out = append(out, hb...)
	return append(out, scenario...), nil
}

// decodeDraft splits a stored draft; the scenario bytes are copied out.
func decodeDraft(b []byte) (draftHeader, []byte, bool) {
	var h draftHeader
	if len(b) < 4 || int(binary.BigEndian.Uint32(b)) > len(b)-4 {
		return h, nil, false
	}
	n := int(binary.BigEndian.Uint32(b))
	if json.Unmarshal(b[4:4+n], &h) != nil {
		return h, nil, false
	}
	return h, bytes.Clone(b[4+n:]), true
}

// SaveDraft keeps s (which may be half-typed and invalid) in this store's
// draft slot, replacing its earlier draft; name is the saved scenario it
// edits ("" for a new one). Drafts are not revisions: the window saves one
// while the user types and offers it back after a crash.
func (st *Store) SaveDraft(name string, s *scenarios.Scenario) error {
	data, err := scenarios.Encode(s)
	if err != nil {
		return st.pathErr(err)
	}
	v, err := encodeDraft(draftHeader{Time: st.now().UnixNano(), Name: name, PID: os.Getpid(), Host: hostname()}, data)
	if err != nil {
		return st.pathErr(err)
	}
	return st.update(func(tx *bbolt.Tx, b txBuckets) error {
		return b.draft.Put(st.draftKey(), v)
	})
}

// errNoChange rolls back a write transaction that found nothing to do, so
// that nothing is committed.
var errNoChange = errors.New("no change")

// Draft returns the draft to offer back when a window starts: the name of
// the saved scenario it edits, the scenario and when it was kept; ok is
// false when there is none (or it cannot be read). That is this store's
// own draft if it has one, else the newest one left by a program that is
// no longer running (a crash, a power cut), which Draft moves into this
// store's slot: ClearDraft then throws it away, and another crash still
// keeps it. The draft of a program still running (another window) stays
// its own.
func (st *Store) Draft() (name string, s *scenarios.Scenario, saved time.Time, ok bool) {
	var (
		h    draftHeader
		data []byte
	)
	take := func(tx *bbolt.Tx, b txBuckets) error {
		own := st.draftKey()
		if v := b.draft.Get(own); v != nil {
			h, data, ok = decodeDraft(v)
			return errNoChange
		}
		var from [][]byte
		c := b.draft.Cursor()
		for k, v := c.Seek(keyDraftPrefix); k != nil && bytes.HasPrefix(k, keyDraftPrefix); k, v = c.Next() {
			dh, dd, good := decodeDraft(v)
			if !good || dh.running(k[len(keyDraftPrefix):]) || (ok && dh.Time <= h.Time) {
				continue
			}
			h, data, ok, from = dh, dd, true, [][]byte{bytes.Clone(k)}
		}
		if v := b.draft.Get(keyDraftScenario); v != nil {
			dh := draftHeader{Name: string(b.draft.Get(keyDraftName))}
			if t := b.draft.Get(keyDraftTime); len(t) == 8 {
				dh.Time = int64(binary.BigEndian.Uint64(t))
			}
			if !ok || dh.Time > h.Time {
				h, data, ok = dh, bytes.Clone(v), true
				from = [][]byte{keyDraftName, keyDraftTime, keyDraftScenario}
			}
		}
		if !ok || st.readOnly {
			return errNoChange
		}
		for _, k := range from {
			if err := b.draft.Delete(k); err != nil {
				return err
			}
		}
		mine := h
		mine.PID, mine.Host = os.Getpid(), hostname()
		v, err := encodeDraft(mine, data)
		if err != nil {
			return err
		}
		return b.draft.Put(own, v)
	}
	var err error
	if st.readOnly {
		err = st.view(func(b txBuckets) error { return take(nil, b) })
	} else {
		err = st.update(take)
	}
	if (err != nil && !errors.Is(err, errNoChange)) || !ok {
		return "", nil, time.Time{}, false
	}
	s, err = scenarios.DecodeSaved(data, "draft")
	if err != nil {
		return "", nil, time.Time{}, false
	}
	return h.Name, s, fromNanos(h.Time), true
}

// ClearDraft empties this store's draft slot (after the draft was saved
// or thrown away).
func (st *Store) ClearDraft() error {
	return st.update(func(tx *bbolt.Tx, b txBuckets) error {
		if b.draft.Get(st.draftKey()) == nil {
			return errNoChange
		}
		return b.draft.Delete(st.draftKey())
	})
}
