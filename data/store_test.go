package data

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// openTestStore opens a new database file under t.TempDir().
func openTestStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fixture is a body with a meeting and people, for tests that need somewhere to write.
type fixture struct {
	s       *Store
	body    Body
	meeting Meeting
	chair   Person
	member  Person
}

func newFixture(t testing.TB, numbering string) *fixture {
	t.Helper()
	f := &fixture{s: openTestStore(t)}
	f.body = Body{Name: "Thames Valley Police and Crime Panel", ShortCode: "PCP", Numbering: numbering}
	must(t, f.s.CreateBody(&f.body))
	f.chair = Person{BodyID: f.body.ID, Title: "Cllr", Name: "Margaret Ashworth", Role: RoleMember}
	must(t, f.s.CreatePerson(&f.chair))
	f.member = Person{BodyID: f.body.ID, Title: "Cllr", Name: "Łucja Nowak", Authority: "Reading Borough Council"}
	must(t, f.s.CreatePerson(&f.member))
	f.meeting = Meeting{BodyID: f.body.ID, Date: "2023-09-15", StartTime: "10.30am", Venue: "Aylesbury", ChairID: f.chair.ID}
	must(t, f.s.CreateMeeting(&f.meeting))
	return f
}

func (f *fixture) item(t testing.TB, meetingID int64, title, minutes string) Item {
	t.Helper()
	it := Item{MeetingID: meetingID, Title: title, Minutes: minutes}
	must(t, f.s.AddItem(&it))
	return it
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func count(t testing.TB, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestMigrateFromEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var version, appID int
	must(t, s.DB().QueryRow("PRAGMA user_version").Scan(&version))
	must(t, s.DB().QueryRow("PRAGMA application_id").Scan(&appID))
	if version != SchemaVersion() || appID != ApplicationID {
		t.Fatalf("user_version=%d application_id=%#x, want %d %#x", version, appID, SchemaVersion(), ApplicationID)
	}
	var mode string
	must(t, s.DB().QueryRow("PRAGMA journal_mode").Scan(&mode))
	if mode != "wal" {
		t.Errorf("journal_mode=%s, want wal", mode)
	}
	s.Close()
	// Opening again applies nothing and keeps the version.
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	rep, err := Check(path)
	if err != nil || !rep.OK() {
		t.Fatalf("Check = %v, %v", rep, err)
	}
}

func TestPragmasOnEveryConnection(t *testing.T) {
	s := openTestStore(t)
	s.DB().SetMaxOpenConns(4)
	var conns []*sql.Conn
	for i := 0; i < 4; i++ {
		c, err := s.DB().Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var fk, timeout int
		must(t, c.QueryRowContext(t.Context(), "PRAGMA foreign_keys").Scan(&fk))
		must(t, c.QueryRowContext(t.Context(), "PRAGMA busy_timeout").Scan(&timeout))
		if fk != 1 || timeout < 5000 {
			t.Errorf("connection %d: foreign_keys=%d busy_timeout=%d", i, fk, timeout)
		}
		c.Close()
	}
}

func TestRefusesFilesNotOurs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(good)
	must(t, err)
	f := &fixture{s: s}
	f.body = Body{Name: "Panel"}
	must(t, s.CreateBody(&f.body))
	_, err = s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	must(t, err)
	s.Close()
	goodBytes, err := os.ReadFile(good)
	must(t, err)

	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", "file:"+foreign)
	must(t, err)
	_, err = db.Exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('scones')")
	must(t, err)
	db.Close()

	newer := filepath.Join(dir, "newer.db")
	must(t, os.WriteFile(newer, goodBytes, 0o644))
	db, err = sql.Open("sqlite", "file:"+newer)
	must(t, err)
	_, err = db.Exec("PRAGMA user_version = 99")
	must(t, err)
	db.Close()

	truncated := filepath.Join(dir, "truncated.db")
	must(t, os.WriteFile(truncated, goodBytes[:len(goodBytes)/3], 0o644))
	garbage := filepath.Join(dir, "garbage.db")
	must(t, os.WriteFile(garbage, bytes.Repeat([]byte("not a database\n"), 500), 0o644))

	cases := []struct {
		name, path string
		want       error
		words      string
	}{
		{"garbage", garbage, ErrNotOurs, "not a Minutebook database"},
		{"someone else's SQLite", foreign, ErrNotOurs, "another program"},
		{"newer Minutebook", newer, ErrTooNew, "newer version of Minutebook"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, err := os.ReadFile(c.path)
			must(t, err)
			_, walBefore := os.Stat(c.path + "-wal")
			_, err = Open(c.path)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.words) {
				t.Errorf("Open = %v, want %v saying %q", err, c.want, c.words)
			}
			_, err = Check(c.path)
			if !errors.Is(err, c.want) {
				t.Errorf("Check = %v, want %v", err, c.want)
			}
			after, err := os.ReadFile(c.path)
			must(t, err)
			if !bytes.Equal(before, after) {
				t.Errorf("the file was modified")
			}
			if _, walAfter := os.Stat(c.path + "-wal"); walAfter == nil && walBefore != nil {
				t.Errorf("a -wal file was left beside it")
			}
		})
	}
	t.Run("truncated", func(t *testing.T) {
		before, _ := os.ReadFile(truncated)
		rep, err := Check(truncated)
		if err == nil && rep.OK() {
			t.Errorf("Check of a truncated file passed: %v", rep)
		}
		after, _ := os.ReadFile(truncated)
		if !bytes.Equal(before, after) {
			t.Errorf("the file was modified")
		}
	})
}

// TestOneWriterPerFile: a second Open of a file open for writing is refused with ErrInUse
// (another window, or minutebook import while the app is open), OpenReadOnly still reads it,
// and once the first closes the file can be opened again.
func TestOneWriterPerFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(path)
	must(t, err)
	body := Body{Name: "Panel", ShortCode: "P"}
	must(t, a.CreateBody(&body))
	if b, err := Open(path); !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "already open in another Minutebook") {
		if b != nil {
			b.Close()
		}
		t.Fatalf("second Open = %v, want ErrInUse", err)
	}
	r, err := OpenReadOnly(path)
	must(t, err)
	if got, err := r.Bodies(); err != nil || len(got) != 1 {
		t.Fatalf("read-only copy reads %v, %v", got, err)
	}
	must(t, r.Close())
	must(t, a.Close())
	b, err := Open(path)
	must(t, err)
	must(t, b.Close())
}

// TestWritesInTurn: writers sharing one store's connection pool write in turn.
func TestWritesInTurn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(path)
	must(t, err)
	defer a.Close()
	b := a
	body := Body{Name: "Panel", ShortCode: "P", Numbering: NumberByYear}
	must(t, a.CreateBody(&body))
	m := Meeting{BodyID: body.ID, Date: "2024-01-10"}
	must(t, a.CreateMeeting(&m))
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for _, s := range []*Store{a, b} {
		wg.Add(1)
		go func(s *Store) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				it := Item{MeetingID: m.ID, Title: "Item", Minutes: "Text [Action: PCC]"}
				if err := s.AddItem(&it); err != nil {
					errs <- err
					return
				}
				it.Minutes += " more"
				if err := ErrOf(s.Save(&it)); err != nil {
					errs <- err
					return
				}
			}
		}(s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent write failed: %v", err)
	}
	if n := count(t, a, "SELECT count(*) FROM items"); n != 100 {
		t.Fatalf("items=%d, want 100", n)
	}
	// Numbers stay a clean 1…100 sequence whoever wrote them.
	if n := count(t, a, "SELECT count(DISTINCT number) FROM items"); n != 100 {
		t.Fatalf("distinct minute numbers=%d, want 100", n)
	}
}

func TestBackupIsConsistentCopy(t *testing.T) {
	f := newFixture(t, NumberByYear)
	f.item(t, f.meeting.ID, "Serious organised crime", "County Lines [Action: PCC]")
	out := filepath.Join(t.TempDir(), "copy.db")
	must(t, f.s.Backup(out))
	rep, err := Check(out)
	if err != nil || !rep.OK() {
		t.Fatalf("Check(copy) = %v, %v", rep, err)
	}
	c, err := Open(out)
	must(t, err)
	defer c.Close()
	fm, err := c.LoadMeeting(f.meeting.ID)
	must(t, err)
	if len(fm.Items) != 1 || len(fm.Items[0].Actions) != 1 {
		t.Fatalf("copy has %d items", len(fm.Items))
	}
	if err := f.s.Backup(f.s.Path()); err == nil {
		t.Fatalf("backing up onto the database itself was allowed")
	}
	if err := f.s.Backup(filepath.Join(t.TempDir(), "missing", "x.db")); err == nil {
		t.Fatalf("backup into a missing folder succeeded")
	}
}

// TestMigrationsAreNumberedInOrder: the store counts the migration files to know a file's
// schema, so their numbers must run 1, 2, 3… with no gap or repeat (a gap left by a branch
// would make a file run one migration twice).
func TestMigrationsAreNumberedInOrder(t *testing.T) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	for i, n := range names {
		if want := fmt.Sprintf("migrations/%04d_", i+1); !strings.HasPrefix(n, want) {
			t.Fatalf("migration %d is %s, want a name starting %s", i+1, n, want)
		}
	}
}
