package store

import (
	"path/filepath"
	"strings"

	"go.etcd.io/bbolt"

	"kefucost/scenarios"
)

// Import reads a scenario file's bytes (file names it in errors) and saves
// it as a revision: under nameOverride if given, else the scenario's own
// name, else the file name without ".kefucost.json". Importing a name that
// exists adds a revision to it; history is never overwritten. The revision
// records meta.Editions as Save does, and its summary says "imported from
// FILE" (the base name of file). Importing what the latest revision holds
// with the same editions adds nothing, as Save (added is false). A
// malformed, truncated, foreign or newer-version file fails with exactly
// Decode's error and changes nothing. The returned revision's Name is the
// name used.
func (st *Store) Import(data []byte, file, nameOverride string, meta SaveMeta) (rev Revision, added bool, err error) {
	s, err := scenarios.Decode(data, file)
	if err != nil {
		return Revision{}, false, err
	}
	name := nameOverride
	if strings.TrimSpace(name) == "" {
		name = s.Name
	}
	if strings.TrimSpace(name) == "" {
		name = scenarios.NameFromFile(file)
	}
	if err = st.cleanNames(&name); err != nil {
		return Revision{}, false, err
	}
	how := "imported"
	if base := filepath.Base(file); file != "" && base != "." {
		how = "imported from " + base
	}
	err = st.update(func(tx *bbolt.Tx, b txBuckets) error {
		var err error
		rev, added, err = st.put(b, name, s, meta.Editions, how, false)
		return err
	})
	return rev, added, err
}

// ImportFile imports the scenario file at path (see Import); a file over
// MaxFileSize is refused without reading it all.
func (st *Store) ImportFile(path, nameOverride string, meta SaveMeta) (Revision, bool, error) {
	data, err := scenarios.ReadPath(path)
	if err != nil {
		return Revision{}, false, err
	}
	return st.Import(data, filepath.Base(path), nameOverride, meta)
}

// Export writes the latest revision of the scenario name to path as a
// scenario file (Encode: pretty-printed, stable, UTF-8), atomically: the
// file at path is either the old one or the complete new one, never half
// written. Importing it gives back the identical scenario.
func (st *Store) Export(name, path string) error {
	return st.ExportRevision(name, 0, path)
}

// ExportRevision is Export of revision number (0: the latest).
func (st *Store) ExportRevision(name string, number int, path string) error {
	s, _, err := st.LoadRevision(name, number)
	if err != nil {
		return err
	}
	data, err := scenarios.Encode(s)
	if err != nil {
		return err
	}
	return scenarios.WriteFileAtomic(path, data)
}
