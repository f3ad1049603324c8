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
	// Timeout is how long Open waits for another process to let go of the
	// file before failing with ErrLocked; 0 means 1 second. (bbolt itself
	// would wait forever with 0: Open never does.)
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock: several read-only stores
	// may be open at once, but not beside a writer. A read-only Open also
	// waits Timeout while another process has the file open for writing,
	// then fails with ErrLocked; it fails with ErrDamaged instead of moving
	// a damaged file aside, with an error wrapping fs.ErrNotExist when the
	// file does not exist, and every write fails with ErrReadOnly.
	ReadOnly bool
	// Now is the clock (time.Now when nil); tests set it.
	Now func() time.Time

	noSync bool // tests only: skip fsync (never for user data)
}

// Store is the local database of saved scenarios. It is safe for use by
// several goroutines. While it is open no other process can open the same
// file for writing (nor read-only beside a writer): the window should keep
// it open only while it uses it, so that the command line can too.
type Store struct {
	// Recovered is set when Open found the file damaged: the damaged file
	// was moved to this path (never overwritten or deleted) and a fresh,
	// empty store started in its place. Tell the user.
	Recovered string
	// Backup is set when Open migrated the file from an older schema: the
	// untouched copy made before migrating.
	Backup string

	path     string
	db       *bbolt.DB
	now      func() time.Time
	readOnly bool
}

// Path is the database file.
func (st *Store) Path() string { return st.path }

// Close releases the file (and its lock).
func (st *Store) Close() error { return st.db.Close() }

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

// Open opens (or creates) the store at o.Path.
//
// Another process holding the file makes Open fail after o.Timeout with an
// error matching ErrLocked. A file that is not a sound bbolt database (bad
// meta pages, truncated, pages that fail the structure checks) is never
// written to: Open moves it aside as PATH.damaged-YYYYMMDD-HHMMSS, records
// that path in Store.Recovered and starts a fresh store. A file written by
// a newer schema fails with ErrNewerSchema, untouched. An older schema is
// copied aside (Store.Backup) and migrated.
func Open(o Options) (*Store, error) {
	if o.Path == "" {
		return nil, errors.New("no path given for the scenario database")
	}
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	st := &Store{path: o.Path, now: o.Now, readOnly: o.ReadOnly}
	if st.now == nil {
		st.now = time.Now
	}
	if !o.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(o.Path), 0o700); err != nil {
			return nil, err
		}
	}
	db, damage, err := openChecked(o)
	if err != nil {
		return nil, err
	}
	if damage != nil {
		if o.ReadOnly {
			return nil, errorf(ErrDamaged, "%s is damaged (%v); open it for writing once to move it aside and start afresh", o.Path, damage)
		}
		aside, err := moveAside(o.Path, "damaged", st.now())
		if err != nil {
			return nil, fmt.Errorf("%s is damaged (%v) and could not be moved aside: %w", o.Path, damage, err)
		}
		st.Recovered = aside
		if db, damage, err = openChecked(o); err != nil {
			return nil, err
		}
		if damage != nil {
			return nil, errorf(ErrDamaged, "%s: a fresh database is damaged too: %v", o.Path, damage)
		}
	}
	st.db = db
	if err := st.setup(); err != nil {
		db.Close()
		return nil, err
	}
	return st, nil
}

// damageError marks a file that failed a structure check.
type damageError struct{ msg string }

func (e *damageError) Error() string { return e.msg }

// openChecked opens the file with bbolt and checks it. It returns either
// an open db, or damage (the file is not a sound database; it is closed
// and its lock released), or err (locked, or the operating system
// refused).
func openChecked(o Options) (db *bbolt.DB, damage error, err error) {
	var file *os.File
	bo := &bbolt.Options{
		Timeout:  o.Timeout,
		ReadOnly: o.ReadOnly,
		NoSync:   o.noSync,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	}
	type result struct {
		db       *bbolt.DB
		err      error
		panicked any
	}
	ch := make(chan result, 1)
	go func() {
		// bbolt reads pages through a memory map: a truncated file faults
		// (SIGBUS) and a garbled page panics. Both become a panic here
		// instead of killing the program.
		debug.SetPanicOnFault(true)
		var db *bbolt.DB
		defer func() {
			if r := recover(); r != nil {
				ch <- result{db: db, panicked: r}
			}
		}()
		db, err := bbolt.Open(o.Path, 0o600, bo)
		if err == nil {
			err = checkDB(db)
		}
		ch <- result{db: db, err: err}
	}()
	r := <-ch
	if r.panicked != nil {
		if file != nil {
			file.Close() // releases the lock; the mapping is lost with the panic
		}
		return nil, &damageError{fmt.Sprintf("reading it failed: %v", r.panicked)}, nil
	}
	var de *damageError
	switch {
	case r.err == nil:
		return r.db, nil, nil
	case errors.As(r.err, &de):
		r.db.Close()
		return nil, de, nil
	case errors.Is(r.err, berrors.ErrTimeout):
		return nil, nil, errorf(ErrLocked, "%s is in use by another kefucost (waited %s): close the other window or command and try again", o.Path, o.Timeout)
	case errors.Is(r.err, berrors.ErrInvalid), errors.Is(r.err, berrors.ErrChecksum), errors.Is(r.err, berrors.ErrVersionMismatch):
		return nil, &damageError{"not a valid database file: " + r.err.Error()}, nil
	case errors.Is(r.err, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("%s does not exist yet (%w)", o.Path, fs.ErrNotExist)
	}
	if r.db != nil {
		r.db.Close()
	}
	// bbolt refused the file for another reason (e.g. "file size too
	// small"): it is damaged if our own check says so.
	if data, err := os.ReadFile(o.Path); err == nil && len(data) > 0 {
		if verr := verifyBoltFile(data); verr != nil {
			return nil, &damageError{fmt.Sprintf("%v (%v)", r.err, verr)}, nil
		}
	}
	return nil, nil, fmt.Errorf("cannot open the scenario database %s: %w", o.Path, r.err)
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
// migrates an older one.
func (st *Store) setup() error {
	version, empty := 0, true
	err := st.db.View(func(tx *bbolt.Tx) error {
		k, _ := tx.Cursor().First()
		empty = k == nil // no bucket at all
		if m := tx.Bucket(bucketMeta); m != nil {
			v := m.Get(keySchema)
			if len(v) != 8 {
				return errorf(ErrDamaged, "%s: the schema version is unreadable", st.path)
			}
			version = int(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case version > schemaVersion:
		return errorf(ErrNewerSchema, "%s was written by a newer kefucost (database schema %d; this program knows schema %d): please update kefucost", st.path, version, schemaVersion)
	case version == schemaVersion:
		return nil
	case empty:
		if st.readOnly {
			return nil // nothing stored yet: every list is empty
		}
		return st.db.Update(func(tx *bbolt.Tx) error {
			for _, b := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put(keySchema, u64key(uint64(schemaVersion)))
		})
	}
	if st.readOnly {
		return fmt.Errorf("%s uses the older database schema %d and must be upgraded: open it once for writing", st.path, version)
	}
	return st.migrate(version)
}

// migrate copies the file aside, then runs every step from version on in
// one transaction.
func (st *Store) migrate(version int) error {
	backup, err := asideName(st.path, fmt.Sprintf("schema%d", version), st.now())
	if err != nil {
		return err
	}
	if err := st.db.View(func(tx *bbolt.Tx) error { return copyTx(tx, backup) }); err != nil {
		return fmt.Errorf("%s: could not copy the database aside before upgrading it: %w", st.path, err)
	}
	st.Backup = backup
	err = st.db.Update(func(tx *bbolt.Tx) error {
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
		return fmt.Errorf("%s: %w (the database is unchanged; a copy is at %s)", st.path, err, backup)
	}
	return nil
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
		s, err := scenarios.DecodeSaved(v, name)
		if err != nil {
			return err
		}
		_, err = st.put(b, name, s, nil, "upgraded from database schema 0", true)
		return err
	})
	if err != nil {
		return err
	}
	return tx.DeleteBucket([]byte("scenarios"))
}
