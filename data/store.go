package data

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as Minutebook's ("MiNu" in ASCII).
const ApplicationID = 0x4d694e75

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations lists the schema changes in order; migration N brings user_version to N.
// The list is append-only: never edit a migration that has been released.
var migrations = mustLoadMigrations()

func mustLoadMigrations() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			panic(err)
		}
		out = append(out, string(b))
	}
	return out
}

// SchemaVersion is the user_version this Minutebook writes.
func SchemaVersion() int { return len(migrations) }

// Store is a Minutebook database: one SQLite file.
type Store struct {
	db       *sql.DB
	path     string
	lock     *writerLock // held while the file is open for writing
	readOnly bool
}

// dsn builds the connection string; the pragmas in it run on every pooled connection.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("mode", "ro")
		// With no -wal beside it the file holds everything: read it as immutable, so that
		// looking at a file (even a stranger's in WAL mode) leaves no -wal or -shm behind.
		if _, err := os.Stat(path + "-wal"); err != nil {
			q.Add("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// DefaultDatabase is the file the app and every subcommand open when --db is not given: in
// the user's config folder (~/.config/Minutebook on Linux), and on Windows in the local
// application data (%LocalAppData%\Minutebook), not the roaming one that councils often
// redirect to a file server, where SQLite's WAL cannot keep the file safe.
func DefaultDatabase() string {
	var dir string
	var err error
	if runtime.GOOS == "windows" {
		dir, err = os.UserCacheDir() // %LocalAppData%
	} else {
		dir, err = os.UserConfigDir()
	}
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "Minutebook", "minutebook.db")
}

// Open opens the Minutebook database at path, creating it if it does not exist and bringing
// its schema up to date. A file that is not a Minutebook database, or that a newer Minutebook
// wrote, is refused and left exactly as it was.
//
// Only one Minutebook at a time may have a file open for writing: a second Open of a file
// already open (in another window, or another program such as minutebook import) is refused
// with ErrInUse, and OpenReadOnly is the way to look at it meanwhile.
func Open(path string) (*Store, error) {
	if err := inspect(path); err != nil {
		return nil, err
	}
	lock, err := lockWriter(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, lock: lock}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		lock.release()
		return nil, err
	}
	return s, nil
}

// OpenReadOnly opens an existing Minutebook database only to read it — for dump, exports
// and backups — so that looking at a file never changes it: no upgrade, no switch to WAL.
// A file of an older schema is refused with a message saying to open it in the app first.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("there is no database at %s: %w", path, ErrNotFound)
	}
	if err := inspect(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	var version, appID int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
		db.Close()
		return nil, fmt.Errorf("%s is an empty SQLite file, not yet a Minutebook database: %w", path, ErrNotOurs)
	}
	if version < SchemaVersion() {
		db.Close()
		return nil, fmt.Errorf("%s was written by an older Minutebook (schema %d); open it in the app once to bring it up to date: %w", path, version, ErrTooOld)
	}
	return &Store{db: db, path: path, readOnly: true}, nil
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened only to read.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the database, and lets another Minutebook open it for writing.
func (s *Store) Close() error {
	err := s.db.Close()
	s.lock.release()
	return err
}

// DB exposes the connection pool for tests and tools in this module.
func (s *Store) DB() *sql.DB { return s.db }

var sqliteHeader = []byte("SQLite format 3\x00")

// inspect looks at an existing file without changing it: it must be empty, or a SQLite file
// that is blank or carries Minutebook's application id and a schema version we know.
func inspect(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	if n == 0 {
		return nil // an empty file becomes a new database
	}
	if err != nil || !bytes.Equal(head[:16], sqliteHeader) {
		return fmt.Errorf("%s is not a Minutebook database (it is not a SQLite file, or it is damaged): %w", path, ErrNotOurs)
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var appID, version, tables int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("%s is damaged or is not a Minutebook database (SQLite says: %v): %w", path, sqliteWords(err), ErrNotOurs)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%s cannot be read: %v: %w", path, err, ErrNotOurs)
	}
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return fmt.Errorf("%s is damaged or is not a Minutebook database (SQLite says: %v): %w", path, sqliteWords(err), ErrNotOurs)
	}
	switch {
	case appID == 0 && version == 0 && tables == 0:
		return nil // a blank SQLite file: ours to set up
	case appID != ApplicationID:
		return fmt.Errorf("%s belongs to another program, not Minutebook; it has been left as it is: %w", path, ErrNotOurs)
	case version > SchemaVersion():
		return fmt.Errorf("%s was written by a newer version of Minutebook (schema %d; this one knows %d); update Minutebook to open it: %w", path, version, SchemaVersion(), ErrTooNew)
	}
	return nil
}

// sqliteWords is SQLite's message without its error code: "database disk image is malformed".
func sqliteWords(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
		msg = msg[:i]
	}
	return msg
}

// migrate applies the migrations the file lacks, each in one BEGIN IMMEDIATE transaction
// together with its user_version.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	defer conn.Close()
	for {
		done, err := s.migrateOne(ctx, conn)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

func (s *Store) migrateOne(ctx context.Context, conn *sql.Conn) (done bool, err error) {
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return false, fmt.Errorf("open %s: %w", s.path, err)
	}
	defer func() {
		if err != nil {
			conn.ExecContext(ctx, "ROLLBACK")
		}
	}()
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return false, fmt.Errorf("%s was written by a newer version of Minutebook: %w", s.path, ErrTooNew)
	}
	if version == len(migrations) {
		_, err := conn.ExecContext(ctx, "COMMIT")
		return true, err
	}
	if _, err := conn.ExecContext(ctx, migrations[version]); err != nil {
		return false, fmt.Errorf("upgrade database to schema %d: %w", version+1, err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, version+1)); err != nil {
		return false, fmt.Errorf("upgrade database to schema %d: %w", version+1, err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return false, fmt.Errorf("upgrade database to schema %d: %w", version+1, err)
	}
	return false, nil
}

// update runs fn in one write transaction.
func (s *Store) update(fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// view runs fn in one read transaction, so what it reads is consistent.
func (s *Store) view(fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// nullID stores 0 as NULL, for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// notFound turns sql.ErrNoRows into ErrNotFound with context.
func notFound(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("load %s %d: %w", what, id, err)
	}
	return nil
}

// cleanText normalises what a clerk types or pastes: Windows line ends become \n and
// non-breaking spaces become plain spaces; trailing space is trimmed.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.TrimRight(s, " \t\n")
}
