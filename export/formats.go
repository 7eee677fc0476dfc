package export

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// Format is the file format of a document.
type Format string

// The formats Minutebook writes.
const (
	PDF  Format = "pdf"  // for print and the agenda pack
	Word Format = "docx" // for a council's committee system
	HTML Format = "html" // for publishing: the accessible edition
	CSV  Format = "csv"  // the action log, for a spreadsheet
)

// Formats are the formats of the minutes, in the order a clerk is offered them; the action
// log also comes as CSV.
var Formats = []Format{PDF, Word, HTML}

// Ext is the file name extension of the format: ".pdf".
func (f Format) Ext() string { return "." + string(f) }

// Name is the format as a clerk knows it: "PDF", "Word", "HTML", "CSV".
func (f Format) Name() string {
	switch f {
	case Word:
		return "Word"
	case HTML, PDF, CSV:
		return strings.ToUpper(string(f))
	}
	return string(f)
}

// ParseFormat reads a format as a clerk types it: pdf, docx (or word), html (or htm), csv.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "pdf":
		return PDF, nil
	case "docx", "word":
		return Word, nil
	case "html", "htm":
		return HTML, nil
	case "csv":
		return CSV, nil
	}
	return "", fmt.Errorf("“%s” is not a format; use pdf, docx, html or csv", s)
}

// FormatOf is the format a file name's extension names, and false if it names none.
func FormatOf(path string) (Format, bool) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", false
	}
	f, err := ParseFormat(ext)
	if err != nil || strings.EqualFold(ext, ".word") {
		return "", false
	}
	return f, true
}

// MinutesWriter writes the minutes in one format.
type MinutesWriter func(w io.Writer, m *data.FullMeeting, opts MinutesOptions) (MinutesReport, error)

// MinutesWriterIn returns what writes the minutes in format f: PDF, Word or HTML.
func MinutesWriterIn(f Format) (MinutesWriter, error) {
	switch f {
	case PDF:
		return Minutes, nil
	case Word:
		return MinutesDocx, nil
	case HTML:
		return MinutesHTML, nil
	}
	return nil, fmt.Errorf("the minutes are written as PDF, Word (.docx) or HTML, not %s", f.Name())
}

// ActionLogWriter writes an action log in one format.
type ActionLogWriter func(w io.Writer, log *data.ActionLog, opts ActionLogOptions) error

// ActionLogWriterIn returns what writes the action log in format f: PDF, Word, HTML or CSV.
func ActionLogWriterIn(f Format) (ActionLogWriter, error) {
	switch f {
	case PDF:
		return ActionLog, nil
	case Word:
		return ActionLogDocx, nil
	case HTML:
		return ActionLogHTML, nil
	case CSV:
		return ActionLogCSV, nil
	}
	return nil, fmt.Errorf("an action log is written as PDF, Word (.docx), HTML or CSV, not %s", f.Name())
}

// ActionLogWriterFor chooses the format of an action log from the extension of the file it
// goes to: .pdf for the agenda pack, .docx for Word, .html to publish, .csv for a
// spreadsheet.
func ActionLogWriterFor(path string) (ActionLogWriter, error) {
	f, ok := FormatOf(path)
	if !ok {
		return nil, fmt.Errorf("%s: an action log is written as .pdf, .docx, .html or .csv", filepath.Base(path))
	}
	return ActionLogWriterIn(f)
}

// MinutesWriterFor chooses the format of the minutes from the extension of the file they go
// to: .pdf, .docx or .html.
func MinutesWriterFor(path string) (MinutesWriter, error) {
	f, ok := FormatOf(path)
	if !ok || f == CSV {
		return nil, fmt.Errorf("%s: the minutes are written as .pdf, .docx or .html", filepath.Base(path))
	}
	return MinutesWriterIn(f)
}
