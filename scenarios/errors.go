package scenarios

import (
	"fmt"
	"strings"
)

// FieldError is one problem with one field of a scenario: the message the
// user sees next to the field in the window, or on stderr from the command
// line.
type FieldError struct {
	File  string // the file read, if any
	Field string // path of the field as written in the file, e.g. demand.online_agents
	Line  int    // 1-based; 0 when the problem has no place in a file
	Col   int
	Msg   string // what is wrong, in English
	// Key and Args let the window translate Msg: Key is a message id.
	Key  string
	Args []any
	// Value is the value as written, for the messages that say how to
	// write it (a date that does not exist, a discount said in tenths).
	Value string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Col)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Message ids with their English texts; the window translates the ids.
const (
	ErrNegative    = "err.negative"   // must not be negative
	ErrTooLarge    = "err.too_large"  // at most %v
	ErrRange       = "err.range"      // from %v to %v
	ErrWhole       = "err.whole"      // a whole number
	ErrDecimal     = "err.decimal"    // a decimal number
	ErrDate        = "err.date"       // a date like 2027-01-31
	ErrRequired    = "err.required"   // required
	ErrUnknown     = "err.unknown"    // unknown field
	ErrSyntax      = "err.syntax"     // not valid JSON
	ErrVersion     = "err.version"    // newer format
	ErrFormat      = "err.format"     // not a kefucost scenario
	ErrChoice      = "err.choice"     // one of ...
	ErrOutside     = "err.outside"    // outside the horizon
	ErrEmptyName   = "err.empty_name" // name is empty
	ErrDuplicate   = "err.duplicate"  // field appears twice
	ErrType        = "err.type"       // wrong JSON type
	ErrUnknownID   = "err.unknown_id" // not in the catalog
	ErrNotPositive = "err.positive"   // must be more than 0
	ErrNoPacks     = "err.no_packs"   // the vendor sells no packs: %v cannot be a gift
	// Limits (limits.go): the file, a name, a list, a number's text.
	ErrFileTooLarge = "err.file_too_large" // file over %v
	ErrTooLong      = "err.too_long"       // %v characters, at most %v
	ErrTooMany      = "err.too_many"       // %v entries, at most %v
	ErrNumberLong   = "err.number_long"    // number text over %v characters
	ErrPlaces       = "err.places"         // more than 10 decimal places
	ErrCents        = "err.cents"          // an amount in 元 with more than 2 places
	// Pricing: an amount the inputs lead to is past pricing.MaxAmount.
	ErrAmountTooLarge = "err.amount_too_large" // more than %v 元
	// One vendor's amounts past it: that vendor is not computed, the
	// others compared (said at the field, not a refusal).
	ErrVendorPastLimit = "err.vendor_past_limit" // more than %v 元
	ErrGrowthTooLarge  = "err.growth_too_large"  // grows past %v
	ErrCallsTooShort   = "err.calls_too_short"   // calls of %v minutes bill more than %v minutes a month
	ErrASRTooShort     = "err.asr_too_short"     // ASR requests of %v seconds bill more than %v seconds a day
)

func fieldErr(field, key, msg string, args ...any) *FieldError {
	return &FieldError{Field: field, Key: key, Msg: msg, Args: args}
}

// FieldErrors is every problem found, in the order of the file.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	if len(es) == 0 {
		return "no errors"
	}
	return es[0].Error()
}

// For returns the first error about field, or nil.
func (es FieldErrors) For(field string) *FieldError {
	for _, e := range es {
		if e.Field == field {
			return e
		}
	}
	return nil
}

// Err returns nil for no errors, else es.
func (es FieldErrors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
