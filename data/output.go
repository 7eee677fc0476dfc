package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// ErrOverInput means a command or the app was asked to write a file over something it must
// never write over: the database open, one of the files SQLite keeps beside it, another
// Minutebook database, or a file of another kind than the one being written.
var ErrOverInput = errors.New("would write over a file it must not")

// Companions are the files that belong to the database at path: SQLite's write-ahead log,
// shared memory and journal, Minutebook's lock and its journal of unsaved edits.
func Companions(path string) []string {
	return []string{path, path + "-wal", path + "-shm", path + "-journal", LockPath(path), path + ".unsaved.json"}
}

// Kinds of file Minutebook writes, by the endings they may have.
var (
	PDFFile      = FileKind{Name: "a PDF", Exts: []string{".pdf"}}
	CSVFile      = FileKind{Name: "a CSV file", Exts: []string{".csv"}}
	WordFile     = FileKind{Name: "a Word document", Exts: []string{".docx"}}
	HTMLFile     = FileKind{Name: "a web page", Exts: []string{".html", ".htm"}}
	DatabaseFile = FileKind{Name: "a database copy", Exts: []string{".db", ".sqlite", ".sqlite3", ".minutebook"}}
)

// FileKindOf is the kind of file a name's ending says, or the kind that wants ext when
// none does (so that CheckOutput then says what the file should end in).
func FileKindOf(path string, want FileKind) FileKind {
	ext := strings.ToLower(filepath.Ext(path))
	for _, k := range []FileKind{PDFFile, CSVFile, WordFile, HTMLFile, DatabaseFile} {
		if slices.Contains(k.Exts, ext) {
			return k
		}
	}
	return want
}

// FileKind is a kind of file Minutebook writes: what it is called and the endings its name
// may have.
type FileKind struct {
	Name string
	Exts []string
}

// CheckOutput refuses, in one sentence naming the file, to write a file of kind at path when
// path is a database in use (each of databases, and the files SQLite and Minutebook keep
// beside it), is any Minutebook or other SQLite database, is a folder, or does not end as
// kind's files do. Nothing is changed either way.
func CheckOutput(path string, kind FileKind, databases ...string) error {
	name := filepath.Base(path)
	st, statErr := os.Stat(path)
	if statErr == nil && st.IsDir() {
		return fmt.Errorf("cannot write %s: it is a folder; give a file name in it: %w", name, ErrOverInput)
	}
	for _, db := range databases {
		for _, c := range Companions(db) {
			if samePath(path, c) {
				if c == db {
					return fmt.Errorf("%s is the database in use; choose another file to write: %w", name, ErrOverInput)
				}
				return fmt.Errorf("%s belongs to the database %s; choose another file to write: %w", name, filepath.Base(db), ErrOverInput)
			}
		}
	}
	if statErr == nil && isSQLite(path) {
		return fmt.Errorf("%s is a database; Minutebook never writes over one: %w", name, ErrOverInput)
	}
	if ext := strings.ToLower(filepath.Ext(path)); !slices.Contains(kind.Exts, ext) {
		return fmt.Errorf("cannot write %s: %s is written to a file ending in %s: %w",
			name, kind.Name, strings.Join(kind.Exts, " or "), ErrOverInput)
	}
	return nil
}

// samePath reports whether a and b name one file: the same file on disk when both exist,
// otherwise the same absolute path (letter case aside where the file system ignores it).
func samePath(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	aa, errA := filepath.Abs(a)
	ab, errB := filepath.Abs(b)
	if errA != nil || errB != nil {
		return false
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(aa, ab)
	}
	return aa == ab
}

// IsDatabase reports whether the file at path is a SQLite database (a Minutebook one or
// another program's), which no command reads as text or writes a document over.
func IsDatabase(path string) bool { return isSQLite(path) }

// isSQLite reports whether the file at path starts as a SQLite database does.
func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head, sqliteHeader)
}
