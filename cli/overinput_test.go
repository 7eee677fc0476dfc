package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
)

// TestNoOutputOverAnInput: no export or backup writes over the database it reads, the files
// SQLite keeps beside it while it is open, another Minutebook database or a file of another
// kind. Each is refused with exit 1 and one sentence, and every file is left byte for byte.
func TestNoOutputOverAnInput(t *testing.T) {
	db := demoDB(t)
	other := demoDB(t)
	// Keep the database open for writing, as the app does, so that its -wal and -shm exist.
	live, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	if err := live.CreateBody(&data.Body{Name: "Reading Audit and Governance Committee"}); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(filepath.Dir(db), "notes.txt")
	if err := os.WriteFile(notes, []byte("The clerk's own notes."), 0o644); err != nil {
		t.Fatal(err)
	}
	targets := []struct{ name, path, says string }{
		{"the database", db, "is the database in use"},
		{"its write-ahead log", db + "-wal", "belongs to the database"},
		{"its shared memory", db + "-shm", "belongs to the database"},
		{"its lock", data.LockPath(db), "belongs to the database"},
		{"another Minutebook database", other, "is a database"},
		{"a file of another kind", notes, "is written to a file ending in"},
	}
	for _, tg := range targets {
		if _, err := os.Stat(tg.path); err != nil {
			t.Fatalf("%s is not there to test with: %v", tg.name, err)
		}
	}
	snapshot := func() map[string][]byte {
		m := map[string][]byte{}
		for _, tg := range targets {
			if tg.path == db+"-shm" || tg.path == db+"-wal" {
				continue // SQLite's own to change while the database is open
			}
			b, _ := os.ReadFile(tg.path)
			m[tg.path] = b
		}
		return m
	}
	before := snapshot()
	for _, cmd := range [][]string{
		{"export", "minutes", "--db", db, "--meeting", "2"},
		{"export", "actions", "--db", db, "--body", "PCP"},
		{"backup", "--db", db},
	} {
		for _, tg := range targets {
			t.Run(cmd[0]+" "+cmd[len(cmd)-2]+" over "+tg.name, func(t *testing.T) {
				r := runMinutebook(t, append(cmd, "-o", tg.path)...)
				if r.code != exitFailure {
					t.Fatalf("exit %d, want 1 (stderr %q)", r.code, r.stderr)
				}
				oneSentence(t, r.stderr)
				if !strings.Contains(r.stderr, tg.says) && !(cmd[0] == "backup" && tg.path == notes) {
					t.Errorf("stderr %q does not say %q", r.stderr, tg.says)
				}
			})
		}
	}
	after := snapshot()
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed", p)
		}
	}
	if err := live.Close(); err != nil {
		t.Fatal(err)
	}
	if rep, err := data.Check(db); err != nil || !rep.OK() {
		t.Errorf("the database does not check after the refusals: %v %v", rep, err)
	}
}

// TestImportRefusesADatabaseAsText: a database named as the text to import is refused.
func TestImportRefusesADatabaseAsText(t *testing.T) {
	db := demoDB(t)
	other := demoDB(t)
	before, _ := os.ReadFile(other)
	r := runMinutebook(t, "import", "--db", db, other)
	if r.code != exitFailure || !strings.Contains(r.stderr, "is a database, not minutes text") {
		t.Fatalf("import of a database: exit %d, %q", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(before, after) {
		t.Errorf("the database named as text changed")
	}
}
