package scenarios

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

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

// WriteFileAtomic writes data to path through a temporary file in the same
// folder that is synced and then renamed over path, so that a crash leaves
// either the old file or the new one. The file is readable by others
// (0644), like any document.
func WriteFileAtomic(path string, data []byte) error {
	return WriteFileAtomicFunc(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFileAtomicFunc is WriteFileAtomic of what write writes, with the
// permissions perm.
func WriteFileAtomicFunc(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
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
	SyncDir(dir)
	return nil
}

// SyncDir makes a rename in dir durable (where the system allows).
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
