package scenarios

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
)

// Scenario files are mailed between buyers, colleagues and vendors' sales
// staff, so a file may come from anyone. A scenario is a few kilobytes typed
// by a person; what is far beyond that is refused before the work it would
// cause (reading, parsing, computing, saving, writing a report), with a
// message naming the file, the field and the limit. Each limit leaves room
// for the largest scenario a buyer could write: everything this program
// writes, it reads back (TestLargestScenarioFitsTheLimits).
const (
	// MaxFileSize is the largest scenario file read: 1 MiB. The largest
	// scenario a buyer could write (MaxChanges changes setting every field,
	// a price quoted for every catalog item) encodes to about 300 KB.
	MaxFileSize = 1 << 20

	// MaxChanges is the most dated changes a scenario may hold: a change
	// each month of the longest horizon (MaxMonths) for four fields
	// separately is 480.
	MaxChanges = 500

	// MaxNumberText is the longest text of one number ("1000000000.0000000000"
	// is 21 characters). Longer numbers are refused before they are
	// converted: a million digits take seconds to convert.
	MaxNumberText = 40
)

// MaxExtras is the most own lines a buyer may enter for one vendor
// (vendors.<id>.extras): a buyer lists a handful (implementation,
// migration, training, integration); monthly lines need no line a month.
const MaxExtras = 50

// MaxExtraNameLen is the longest name of one own line, in characters.
const MaxExtraNameLen = 100

// MaxNameLen is the longest scenario name, in characters (runes), counted
// as the store keeps it (CleanName). A file's name field is held to it too.
const MaxNameLen = 200

var (
	// MaxPrice is the highest unit price a buyer may quote
	// (vendors.<id>.prices): 10⁹ 元 per seat, minute or pack is far beyond
	// any vendor's list and catches a key held down.
	MaxPrice = decimal.NewFromInt(1_000_000_000)

	// MaxExtraAmount is the highest amount of one of the buyer's own lines
	// (vendors.<id>.extras[].amount, once or per month): 10¹⁰ 元 is far
	// beyond any contact centre's budget. The decoder of extras holds
	// amounts to it.
	MaxExtraAmount = decimal.NewFromInt(10_000_000_000)
)

// maxFileSizeText is MaxFileSize as people read it.
const maxFileSizeText = "1 MiB"

// errFileTooLarge is the error for a file over MaxFileSize.
func errFileTooLarge(file string) *FieldError {
	e := fieldErr("", ErrFileTooLarge, fmt.Sprintf("the file is larger than %s (%s bytes), the most a scenario file may be: a scenario is a few kilobytes, so this is not one; it was not read", maxFileSizeText, group(MaxFileSize)), maxFileSizeText)
	e.File = file
	return e
}

// ReadLimited reads a scenario file's bytes from r, at most MaxFileSize of
// them: a larger file is refused (errFileTooLarge naming file) after
// reading one byte more than the limit, never all of it.
func ReadLimited(r io.Reader, file string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, errFileTooLarge(file)
	}
	return data, nil
}

// ReadPath reads the scenario file at path with ReadLimited; errors name
// the file as given.
func ReadPath(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxFileSize {
		return nil, errFileTooLarge(filepath.Base(path))
	}
	return ReadLimited(f, filepath.Base(path))
}

// nameLen is the length of name as the store would keep it.
func nameLen(name string) int {
	return utf8.RuneCountInString(norm.NFC.String(strings.TrimFunc(name, unicode.IsSpace)))
}

// nameTooLong is the error for a name over MaxNameLen, or nil.
func nameTooLong(name string) *FieldError {
	if c := nameLen(name); c > MaxNameLen {
		return fieldErr("name", ErrTooLong, fmt.Sprintf("is %d characters long; at most %d are allowed", c, MaxNameLen), c, MaxNameLen)
	}
	return nil
}

// tooManyChanges is the error for n dated changes, or nil.
func tooManyChanges(n int) *FieldError {
	if n > MaxChanges {
		return fieldErr("changes", ErrTooMany, fmt.Sprintf("has %d dated changes; at most %d are allowed", n, MaxChanges), n, MaxChanges)
	}
	return nil
}

// tooMany is the error for a list at field with n entries, more than most.
func tooMany(field string, n, most int) *FieldError {
	return fieldErr(field, ErrTooMany, fmt.Sprintf("has %d entries; at most %d are allowed", n, most), n, most)
}

// numberTooLong is the error for the text of a number at path longer than
// MaxNumberText, or nil.
func numberTooLong(path, text string) *FieldError {
	if n := len(text); n > MaxNumberText {
		return fieldErr(path, ErrNumberLong, fmt.Sprintf("is a number %d characters long, not a price or a count: at most %d characters are allowed (%s)", n, MaxNumberText, quoteShort(text)), MaxNumberText)
	}
	return nil
}
