package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Backup writes a consistent copy of the live database to path (through a temporary file
// in the same folder, renamed into place), while other connections may be writing.
func (s *Store) Backup(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	if err := CheckOutput(abs, DatabaseFile, s.path); err != nil {
		return err
	}
	if st, err := os.Stat(abs); err == nil {
		if st.IsDir() {
			return fmt.Errorf("cannot back up to %s: it is a folder; give a file name in it", path)
		}
		return fmt.Errorf("cannot back up to %s: a file of that name already exists; choose a new name", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".minutebook-backup-*.tmp")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // VACUUM INTO wants to create the file itself
	defer os.Remove(tmpName)
	if _, err := s.db.Exec("VACUUM INTO ?", tmpName); err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}

// CheckReport is what Check found.
type CheckReport struct {
	SchemaVersion int
	Problems      []string // empty when the database is sound
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check examines the database at path without changing it: that it is a Minutebook file of a
// schema this program knows, SQLite's integrity_check and foreign_key_check, and that the
// search index covers what it should. A file that cannot be examined at all is an error.
func Check(path string) (CheckReport, error) {
	var rep CheckReport
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return rep, fmt.Errorf("there is no database at %s: %w", path, ErrNotFound)
	}
	if err != nil {
		return rep, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if st.Size() == 0 {
		return rep, fmt.Errorf("%s is empty, not a Minutebook database: %w", path, ErrNotOurs)
	}
	if err := inspect(path); err != nil {
		return rep, err
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return rep, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var appID int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		return rep, fmt.Errorf("%s is not a Minutebook database: %w", path, ErrNotOurs)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&rep.SchemaVersion); err != nil {
		return rep, fmt.Errorf("read %s: %w", path, err)
	}
	if rep.SchemaVersion < SchemaVersion() {
		rep.Problems = append(rep.Problems, fmt.Sprintf("schema %d is older than this Minutebook's %d; opening it in the app will upgrade it", rep.SchemaVersion, SchemaVersion()))
	}
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		return rep, fmt.Errorf("%s is damaged (SQLite says: %v): %w", path, sqliteWords(err), ErrNotOurs)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return rep, err
		}
		if line != "ok" {
			rep.Problems = append(rep.Problems, "integrity: "+line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("%s is damaged (SQLite says: %v): %w", path, sqliteWords(err), ErrNotOurs)
	}
	fk, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return rep, fmt.Errorf("check %s: %w", path, err)
	}
	for fk.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := fk.Scan(&table, &rowid, &parent, &fkid); err != nil {
			fk.Close()
			return rep, err
		}
		rep.Problems = append(rep.Problems, fmt.Sprintf("a row of %s (rowid %d) points to a missing row of %s", table, rowid.Int64, parent))
	}
	fk.Close()
	if rep.SchemaVersion >= 1 {
		var missing int
		err := db.QueryRow(`SELECT (SELECT count(*) FROM items WHERE id NOT IN (SELECT record_id FROM search WHERE kind = 'item')
			AND trim(title || report_summary || minutes || public_summary) <> '')
			+ (SELECT count(*) FROM actions WHERE id NOT IN (SELECT record_id FROM search WHERE kind = 'action'))`).Scan(&missing)
		if err != nil {
			rep.Problems = append(rep.Problems, "search index: "+err.Error())
		} else if missing > 0 {
			rep.Problems = append(rep.Problems, fmt.Sprintf("search index: %d records are missing from it", missing))
		}
	}
	return rep, nil
}

// String describes the report in one sentence.
func (r CheckReport) String() string {
	switch len(r.Problems) {
	case 0:
		return fmt.Sprintf("The database is sound (schema %d).", r.SchemaVersion)
	case 1:
		return fmt.Sprintf("The database has a problem: %s.", r.Problems[0])
	}
	return fmt.Sprintf("The database has %d problems, the first: %s; and %s.", len(r.Problems), r.Problems[0],
		strings.Join(r.Problems[1:min(len(r.Problems), 4)], "; "))
}
