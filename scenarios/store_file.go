package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.etcd.io/bbolt"
)

// Import reads a scenario file's bytes (file names it in errors) and saves
// it as a revision: under nameOverride if given, else the scenario's own
// name, else the file name without ".kefucost.json". Importing a name that
// exists adds a revision to it; history is never overwritten. The revision
// records meta.Editions as Save does, and its summary says "imported from
// FILE" (the base name of file). Importing what the latest revision holds
// with the same editions adds nothing, as Save. A malformed, truncated,
// foreign or newer-version file fails with exactly Decode's error and
// changes nothing. The returned revision's Name is the name used.
func (st *Store) Import(data []byte, file, nameOverride string, meta SaveMeta) (Revision, error) {
	s, err := Decode(data, file)
	if err != nil {
		return Revision{}, err
	}
	name := nameOverride
	if strings.TrimSpace(name) == "" {
		name = s.Name
	}
	if strings.TrimSpace(name) == "" {
		name = NameFromFile(file)
	}
	if name, err = CleanName(name); err != nil {
		return Revision{}, err
	}
	how := "imported"
	if base := filepath.Base(file); file != "" && base != "." {
		how = "imported from " + base
	}
	var rev Revision
	err = st.update(func(tx *bbolt.Tx, b txBuckets) error {
		var err error
		rev, err = st.put(b, name, s, meta.Editions, how, false)
		return err
	})
	return rev, err
}

// ImportFile imports the scenario file at path (see Import); a file over
// MaxFileSize is refused without reading it all.
func (st *Store) ImportFile(path, nameOverride string, meta SaveMeta) (Revision, error) {
	data, err := ReadPath(path)
	if err != nil {
		return Revision{}, err
	}
	return st.Import(data, filepath.Base(path), nameOverride, meta)
}

// NameFromFile is the scenario name a file suggests: its base name without
// ".kefucost.json" (or ".json").
func NameFromFile(file string) string {
	base := filepath.Base(file)
	for _, ext := range []string{FileExt, ".json"} {
		if len(base) > len(ext) && strings.EqualFold(base[len(base)-len(ext):], ext) {
			return base[:len(base)-len(ext)]
		}
	}
	return base
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
	data, err := Encode(s)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder that is synced and then renamed over path, so that a crash leaves
// either the old file or the new one. The file is readable by others
// (0644), like any document.
func WriteFileAtomic(path string, data []byte) error {
	return writeFileAtomic(path, 0o644, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

func writeFileAtomic(path string, perm os.FileMode, write func(*os.File) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
			err = fmt.Errorf("writing %s: %w", path, err)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}
