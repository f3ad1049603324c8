package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"kefucost/scenarios"
)

// Options say how Open opens a store.
type Options struct {
	// Path of the database file. It is created (with its folder) when
	// missing, unless ReadOnly.
	Path string
	// Timeout is how long Open, and then each operation, waits for another
	// program to let go of the file before failing with ErrLocked; 0 means
	// 1 second. (bbolt itself would wait forever with 0: a Store never
	// does.)
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock for each operation: several
	// read-only stores may read at once, but not beside a writer. A
	// read-only Open fails with ErrDamaged instead of moving a damaged file
	// aside, with an error wrapping fs.ErrNotExist when the file does not
	// exist, and every write fails with ErrReadOnly.
	ReadOnly bool
	// Now is the clock (time.Now when nil); tests set it.
	Now func() time.Time

	noSync bool // tests only: skip fsync (never for user data)
}

// Store is the local database of saved scenarios. It holds the file, and
// its lock, only for the moment of each operation (one transaction, well
// under a millisecond besides the fsync of a write), so the window, a
// second window and the command line work side by side: an operation waits
// at most Options.Timeout for another one to finish, then fails with
// ErrLocked and changes nothing.
//
// A Store is safe for use by several goroutines; its operations run one
// at a time.
type Store struct {
	// Recovered is set when Open found the file damaged: the damaged file
	// was moved to this path (never overwritten or deleted) and a fresh,
	// empty store started in its place. Tell the user. (Damage found by a
	// later operation is said by its error, see Error.Recovered.)
	Recovered string
	// Backup is set when Open migrated the file from an older schema: the
	// untouched copy made before migrating.
	Backup string

	path     string
	o        Options
	now      func() time.Time
	readOnly bool
	session  uint64 // this store's draft slot, see SaveDraft

	mu     sync.Mutex // held for the whole of each operation
	closed bool
	// known is the file as last opened. Another file at the path (moved
	// aside or replaced by someone else, deleted and created afresh: a
	// file of another identity, or shorter, as bbolt never shortens one)
	// is checked in full and set up again; the same file, which kefucost
	// writes only through bbolt's crash-safe commits, is not read whole at
	// every operation.
	known os.FileInfo
}

// Path is the database file.
func (st *Store) Path() string { return st.path }

// Close ends the store: later operations fail with ErrClosed. The file is
// not held between operations, so there is nothing else to release; a
// draft not cleared stays in the file, to be offered back at the next
// start.
func (st *Store) Close() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.closed {
		st.closed = true
		endSession(st.session)
	}
	return nil
}

// schemaVersion is the layout this program writes (see store.go).
var schemaVersion = 1

// migration turns a database of schema from into from+1, inside the one
// transaction that also records the new schema version.
type migration struct {
	from int
	what string
	run  func(st *Store, tx *bbolt.Tx) error
}

// migrations holds one step per older schema, in order. Open copies the
// file aside before running any (Store.Backup) and runs all pending steps
// in a single transaction: a failure leaves the file as it was.
var migrations = []migration{
	{from: 0, what: "schema 0 (one bucket \"scenarios\" of name → scenario file) to 1", run: migrateV0},
}

// Open opens (or creates) the store at o.Path, checks the file in full and
// lets go of it again: each operation opens it for its own moment.
//
// Another program holding the file makes Open (and any operation) fail
// after o.Timeout with an error matching ErrLocked. A file that is not a
// sound bbolt database (bad meta pages, truncated, pages that fail the
// structure checks) is never written to: Open moves it aside as
// PATH.damaged-YYYYMMDD-HHMMSS, records that path in Store.Recovered and
// starts a fresh store. A file written by a newer schema fails with
// ErrNewerSchema, untouched. An older schema is copied aside
// (Store.Backup) and migrated.
func Open(o Options) (*Store, error) {
	if o.Path == "" {
		return nil, errors.New("no path given for the scenario database")
	}
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	st := &Store{path: o.Path, o: o, now: o.Now, readOnly: o.ReadOnly, session: newSession()}
	if st.now == nil {
		st.now = time.Now
	}
	if !o.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(o.Path), 0o700); err != nil {
			endSession(st.session)
			return nil, st.pathErr(err)
		}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	h, recovered, backup, err := st.acquire()
	if err != nil {
		endSession(st.session)
		return nil, st.pathErr(err)
	}
	st.Recovered, st.Backup = recovered, backup
	if err := h.close(); err != nil {
		endSession(st.session)
		return nil, st.pathErr(err)
	}
	return st, nil
}

// handle is the file opened for one operation.
type handle struct {
	db   *bbolt.DB
	file *os.File // bbolt's, for its identity and to let go after a panic
}

func (h *handle) close() error { return h.db.Close() }

// abandon lets go of the file after a panic inside bbolt, which may have
// left the db's own locks taken: closing the file releases the lock (the
// memory map is lost with the panic).
func (h *handle) abandon() {
	if h.file != nil {
		h.file.Close()
	}
}

// with runs fn with the file open, for one operation: it opens the file
// (waiting at most Options.Timeout for its lock), runs fn and lets go of
// the file again. A panic inside bbolt (a page damaged since the file was
// checked) becomes an ErrDamaged error, and the next operation checks the
// file in full. Errors carry the database path (Error).
func (st *Store) with(write bool, fn func(db *bbolt.DB) error) (err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.closed {
		return st.pathErr(errorf(ErrClosed, "the scenario database %s is closed", st.path))
	}
	if write && st.readOnly {
		return st.pathErr(errorf(ErrReadOnly, "the scenario database %s is open read-only: nothing was changed", st.path))
	}
	h, recovered, _, err := st.acquire()
	if err != nil {
		return st.pathErr(err)
	}
	if recovered != "" {
		h.close()
		return &Error{Path: st.path, Err: ErrDamaged, Recovered: recovered,
			msg: fmt.Sprintf("the scenario database %s was damaged: it was moved to %s (kept as it was) and a new, empty database was started; nothing was changed: try again", st.path, recovered)}
	}
	panicked := true
	defer func() {
		if !panicked {
			if cerr := h.close(); cerr != nil && err == nil {
				err = st.pathErr(cerr)
			}
		}
	}()
	err = guard(func() error { return fn(h.db) }, func(r any) error {
		h.abandon()
		st.known = nil
		return errorf(ErrDamaged, "the scenario database %s: reading it failed (%v): nothing was changed; it is checked in full at the next step", st.path, r)
	})
	panicked = false
	return st.pathErr(err)
}

// guard runs fn, turning a panic (or a memory fault of the file's map)
// into the error onPanic returns.
func guard(fn func() error, onPanic func(r any) error) (err error) {
	// bbolt reads pages through a memory map: a truncated file faults
	// (SIGBUS) and a garbled page panics. Both become a panic here
	// instead of killing the program.
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = onPanic(r)
		}
	}()
	return fn()
}

// acquire opens the file for one operation. A file not yet known (the
// first open, or another file now at the path) is checked in full and set
// up: created, migrated (backup is the copy made first) or refused; a
// damaged one is moved aside (recovered is where) and a fresh one started.
func (st *Store) acquire() (h *handle, recovered, backup string, err error) {
	h, fi, damage, err := st.openFile()
	if err != nil {
		return nil, "", "", err
	}
	fresh := st.known == nil || !os.SameFile(fi, st.known) || fi.Size() < st.known.Size()
	if damage == nil && fresh {
		panicked := false
		damage = guard(func() error { return checkDB(h.db) }, func(r any) error {
			panicked = true
			h.abandon()
			return &damageError{fmt.Sprintf("reading it failed: %v", r)}
		})
		if damage != nil && !panicked {
			h.close()
		}
		var de *damageError
		if damage != nil && !errors.As(damage, &de) {
			return nil, "", "", damage // the system refused to read it
		}
	}
	if damage != nil {
		if st.readOnly {
			return nil, "", "", errorf(ErrDamaged, "the scenario database %s is damaged (%v); open it for writing once to move it aside and start afresh", st.path, damage)
		}
		st.known = nil
		aside, err := moveAside(st.path, "damaged", st.now())
		if err != nil {
			return nil, "", "", fmt.Errorf("the scenario database %s is damaged (%v) and could not be moved aside: %w", st.path, damage, err)
		}
		recovered = aside
		if h, fi, damage, err = st.openFile(); err != nil {
			return nil, "", "", err
		}
		if damage != nil {
			return nil, "", "", errorf(ErrDamaged, "the scenario database %s: a fresh database is damaged too: %v", st.path, damage)
		}
		fresh = true
	}
	if fresh {
		if backup, err = st.setup(h.db); err != nil {
			h.close()
			return nil, "", "", err
		}
	}
	st.known = fi
	return h, recovered, backup, nil
}

// damageError marks a file that failed a structure check.
type damageError struct{ msg string }

func (e *damageError) Error() string { return e.msg }

// openFile opens the file with bbolt, waiting at most Options.Timeout for
// its lock. It returns either an open handle and the file's identity, or
// damage (the file is not a sound database; its lock is released), or err
// (locked, or the operating system refused).
func (st *Store) openFile() (h *handle, fi os.FileInfo, damage error, err error) {
	o := st.o
	h = &handle{}
	bo := &bbolt.Options{
		Timeout:  o.Timeout,
		ReadOnly: o.ReadOnly,
		NoSync:   o.noSync,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			h.file = f
			return f, err
		},
	}
	err = guard(func() error {
		var err error
		h.db, err = bbolt.Open(o.Path, 0o600, bo)
		return err
	}, func(r any) error {
		h.abandon()
		return &damageError{fmt.Sprintf("reading it failed: %v", r)}
	})
	var de *damageError
	switch {
	case err == nil:
		if fi, err = h.file.Stat(); err != nil {
			h.close()
			return nil, nil, nil, err
		}
		return h, fi, nil, nil
	case errors.As(err, &de):
		return nil, nil, de, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, nil, nil, errorf(ErrLocked, "the scenario database %s is in use by another kefucost (waited %s): nothing was changed; try again in a moment", o.Path, o.Timeout)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, nil, &damageError{"not a valid database file: " + err.Error()}, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, nil, fmt.Errorf("the scenario database %s does not exist yet (%w)", o.Path, fs.ErrNotExist)
	}
	if h.db != nil {
		h.close()
	}
	// bbolt refused the file for another reason (e.g. "file size too
	// small"): it is damaged if our own check says so.
	if data, rerr := os.ReadFile(o.Path); rerr == nil && len(data) > 0 {
		if verr := verifyBoltFile(data); verr != nil {
			return nil, nil, &damageError{fmt.Sprintf("%v (%v)", err, verr)}, nil
		}
	}
	return nil, nil, nil, fmt.Errorf("cannot open the scenario database %s: %w", o.Path, err)
}

// checkDB runs the structure checks on a freshly opened db: first our own,
// which reads the file with bounds checks and so cannot crash, then bbolt's
// consistency check.
func checkDB(db *bbolt.DB) error {
	data, err := os.ReadFile(db.Path())
	if err != nil {
		return err
	}
	if len(data) == 0 {
		return nil
	}
	if err := verifyBoltFile(data); err != nil {
		return &damageError{err.Error()}
	}
	return db.View(func(tx *bbolt.Tx) error {
		var problems []string
		for e := range tx.Check() {
			// Pages neither used nor listed as free only waste space.
			if strings.Contains(e.Error(), "unreachable unfreed") {
				continue
			}
			problems = append(problems, e.Error())
		}
		if len(problems) > 0 {
			return &damageError{"consistency check failed: " + strings.Join(problems[:min(3, len(problems))], "; ")}
		}
		return nil
	})
}

// moveAside renames path to path.TAG-YYYYMMDD-HHMMSS (with -2, -3 … when
// taken) and returns the new path.
func moveAside(path, tag string, now time.Time) (string, error) {
	dst, err := asideName(path, tag, now)
	if err != nil {
		return "", err
	}
	if err := os.Rename(path, dst); err != nil {
		return "", err
	}
	scenarios.SyncDir(filepath.Dir(path))
	return dst, nil
}

func asideName(path, tag string, now time.Time) (string, error) {
	base := fmt.Sprintf("%s.%s-%s", path, tag, now.Format("20060102-150405"))
	for i := 1; i < 1000; i++ {
		dst := base
		if i > 1 {
			dst = fmt.Sprintf("%s-%d", base, i)
		}
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			return dst, nil
		}
	}
	return "", fmt.Errorf("no free name beside %s", path)
}

// setup creates the buckets of a new file, refuses a newer schema and
// migrates an older one (backup is the copy made first).
func (st *Store) setup(db *bbolt.DB) (backup string, err error) {
	version, empty := 0, true
	err = db.View(func(tx *bbolt.Tx) error {
		k, _ := tx.Cursor().First()
		empty = k == nil // no bucket at all
		var err error
		version, err = schemaOf(tx)
		return err
	})
	if err != nil {
		return "", err
	}
	switch {
	case version > schemaVersion:
		return "", newerSchema(st.path, version)
	case version == schemaVersion:
		return "", nil
	case empty:
		if st.readOnly {
			return "", nil // nothing stored yet: every list is empty
		}
		return "", db.Update(createBuckets)
	}
	if st.readOnly {
		return "", fmt.Errorf("the scenario database %s uses the older database schema %d and must be upgraded: open it once for writing", st.path, version)
	}
	return st.migrate(db, version)
}

// createBuckets sets up an empty file: every bucket, and the schema.
func createBuckets(tx *bbolt.Tx) error {
	for _, b := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, u64key(uint64(schemaVersion)))
}

// schemaOf reads the schema version (0 when there is none).
func schemaOf(tx *bbolt.Tx) (int, error) {
	m := tx.Bucket(bucketMeta)
	if m == nil {
		return 0, nil
	}
	v := m.Get(keySchema)
	if len(v) != 8 {
		return 0, errorf(ErrDamaged, "the scenario database %s: the schema version is unreadable", tx.DB().Path())
	}
	return int(binary.BigEndian.Uint64(v)), nil
}

func newerSchema(path string, version int) error {
	return errorf(ErrNewerSchema, "the scenario database %s was written by a newer kefucost (database schema %d; this program knows schema %d): please update kefucost", path, version, schemaVersion)
}

// migrate copies the file aside, then runs every step from version on in
// one transaction.
func (st *Store) migrate(db *bbolt.DB, version int) (string, error) {
	backup, err := asideName(st.path, fmt.Sprintf("schema%d", version), st.now())
	if err != nil {
		return "", err
	}
	if err := db.View(func(tx *bbolt.Tx) error { return copyTx(tx, backup) }); err != nil {
		return "", fmt.Errorf("the scenario database %s: could not copy the database aside before upgrading it: %w", st.path, err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		for v := version; v < schemaVersion; v++ {
			var step *migration
			for i := range migrations {
				if migrations[i].from == v {
					step = &migrations[i]
				}
			}
			if step == nil {
				return fmt.Errorf("no upgrade from database schema %d", v)
			}
			if err := step.run(st, tx); err != nil {
				return fmt.Errorf("upgrading %s: %w", step.what, err)
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, u64key(uint64(schemaVersion)))
	})
	if err != nil {
		return backup, fmt.Errorf("the scenario database %s: %w (the database is unchanged; a copy is at %s)", st.path, err, backup)
	}
	return backup, nil
}

// copyTx writes a consistent copy of the database as of tx to path,
// synced, via a temporary file.
func copyTx(tx *bbolt.Tx, path string) error {
	return scenarios.WriteFileAtomicFunc(path, 0o600, func(w io.Writer) error {
		_, err := tx.WriteTo(w)
		return err
	})
}

// migrateV0 reads the schema-0 layout, a bucket "scenarios" of name →
// scenario file, into scenarios with one revision each.
func migrateV0(st *Store, tx *bbolt.Tx) error {
	old := tx.Bucket([]byte("scenarios"))
	if old == nil {
		return nil
	}
	b, _ := buckets(tx)
	err := old.ForEach(func(k, v []byte) error {
		name, err := CleanName(string(k))
		if err != nil {
			return err
		}
		s, err := decodeStored(v, name)
		if err != nil {
			return err
		}
		_, _, err = st.put(b, name, s, nil, "upgraded from database schema 0", true)
		return err
	})
	if err != nil {
		return err
	}
	return tx.DeleteBucket([]byte("scenarios"))
}
