// Package data holds Minutebook's domain — bodies, people, meetings, attendance,
// declarations, agenda items, questions, resolutions and actions — and the SQLite store that
// keeps them in one local file. It knows nothing of the GUI or of documents.
package data

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, checked with errors.Is.
var (
	// ErrNotFound means the record asked for is not in the database.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means a record failed validation; the error is a *FieldError naming the field.
	ErrInvalid = errors.New("invalid")
	// ErrNotOurs means the file is not a Minutebook database.
	ErrNotOurs = errors.New("not a Minutebook database")
	// ErrTooNew means the file was written by a newer Minutebook than this one.
	ErrTooNew = errors.New("written by a newer Minutebook")
	// ErrTooOld means the file needs upgrading, which only a writing open does.
	ErrTooOld = errors.New("written by an older Minutebook")
	// ErrReadOnly means the change was refused because the meeting's minutes are approved.
	ErrReadOnly = errors.New("approved minutes are read-only")
)

// FieldError says which field of a record is wrong and what is wrong with it, in words a
// clerk understands: "Meeting date: “31/02/2024” is not a real date".
type FieldError struct {
	Record  string // "Meeting", "Item", "Question"…
	Field   string // "date", "title"…
	Problem string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.Record, e.Field, e.Problem)
}

// Unwrap makes errors.Is(err, ErrInvalid) true for every FieldError.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Words is an error's message without the sentinel words the store wraps it in ("…: not
// found"), for a clerk to read.
func Words(err error) string {
	s := err.Error()
	for again := true; again; {
		again = false
		for _, sentinel := range []error{ErrNotOurs, ErrTooNew, ErrTooOld, ErrNotFound, ErrInvalid, ErrInUse, ErrStale, ErrOverInput, ErrReadOnly} {
			if t := strings.TrimSuffix(s, ": "+sentinel.Error()); t != s {
				s, again = t, true
			}
		}
	}
	return s
}

func invalid(record, field, format string, args ...any) error {
	return &FieldError{Record: record, Field: field, Problem: fmt.Sprintf(format, args...)}
}
