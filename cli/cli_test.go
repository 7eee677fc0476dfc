package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
)

// result is what one run of a command did.
type result struct {
	stdout, stderr string
	code           int
}

// runMinutebook runs a command in this process, as `minutebook args...` would, with a
// throwaway config folder (so that a forgotten --db never touches the clerk's own file), and
// returns its output and exit status.
func runMinutebook(t *testing.T, args ...string) result {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return result{out.String(), errb.String(), code}
}

// demoDB writes the example database into a temporary folder and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "example.db")
	r := runMinutebook(t, "demo", "--db", path)
	if r.code != 0 {
		t.Fatalf("demo: exit %d: %s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("demo wrote to stderr: %q", r.stderr)
	}
	return path
}

// oneSentence fails unless stderr is one line reading as a plain sentence.
func oneSentence(t *testing.T, stderr string) {
	t.Helper()
	s := strings.TrimSpace(stderr)
	if s == "" || strings.Count(s, "\n") > 0 || !strings.HasSuffix(s, ".") {
		t.Errorf("stderr is not one sentence: %q", stderr)
	}
}

func TestDemoAndDump(t *testing.T) {
	path := demoDB(t)
	r := runMinutebook(t, "dump", "--db", path)
	if r.code != 0 {
		t.Fatalf("dump: exit %d: %s", r.code, r.stderr)
	}
	// Every key DESIGN.md lists is present.
	var raw map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatalf("dump is not JSON: %v", err)
	}
	meetings := raw["meetings"].([]any)
	if len(meetings) < 4 {
		t.Fatalf("%d meetings, want at least 4", len(meetings))
	}
	keys := func(what string, obj any, want ...string) {
		m := obj.(map[string]any)
		for _, k := range want {
			if _, ok := m[k]; !ok {
				t.Errorf("%s has no key %q", what, k)
			}
		}
	}
	m0 := meetings[0]
	keys("meeting", m0, "id", "body", "date", "start_time", "venue", "status", "attendance", "items")
	keys("attendance", m0.(map[string]any)["attendance"].([]any)[0], "name", "kind", "role")
	keys("item", m0.(map[string]any)["items"].([]any)[0], "id", "number", "title", "time", "exempt", "minutes", "questions", "resolutions", "actions")
	acts := raw["actions"].([]any)
	keys("action", acts[0], "meeting_id", "item_id", "ref", "owner", "text", "due", "status", "completed", "updates")

	var d data.Dump
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	years := map[int]bool{}
	var example *data.DumpItem
	var kinds = map[string]bool{}
	for _, m := range d.Meetings {
		years[data.MunicipalYear(m.Date)] = true
		for _, a := range m.Attendance {
			kinds[a.Kind] = true
		}
		for i, it := range m.Items {
			if it.Title == "Fighting Serious Organised Crime" {
				example = &m.Items[i]
			}
		}
	}
	if len(years) < 2 {
		t.Errorf("meetings span %d municipal years, want 2", len(years))
	}
	for _, k := range []string{data.Present, data.Apologies, data.Substitute, data.InAttendance} {
		if !kinds[k] {
			t.Errorf("no attendance of kind %s", k)
		}
	}
	if example == nil {
		t.Fatal("the example item is missing")
	}
	if len(example.Questions) != 9 || example.Time != "11.05pm" {
		t.Fatalf("example item: %d questions, time %q", len(example.Questions), example.Time)
	}
	if !strings.HasPrefix(example.Questions[0].Question, "To help the fight against “County Lines”") {
		t.Errorf("question 1 = %q (curly quotes must survive)", example.Questions[0].Question)
	}
	if !strings.Contains(example.Questions[6].Answer, "[Action: PCC]") {
		t.Errorf("answer 7 lost its action tag: %q", example.Questions[6].Answer)
	}
	pcc := 0
	for _, a := range example.Actions {
		if a.Owner == "PCC" {
			pcc++
		}
	}
	if pcc != 2 {
		t.Errorf("example item has %d PCC actions, want 2", pcc)
	}
	if len(example.Resolutions) != 1 || example.Resolutions[0].Text != "That the report of the PCC be noted and the information provided in the answers to Members’ questions be noted." {
		t.Errorf("resolutions = %+v", example.Resolutions)
	}
	if strings.ContainsRune(r.stdout, '\u00a0') {
		t.Errorf("non-breaking spaces survive in the dump")
	}
	statuses := map[string]bool{}
	withUpdates := 0
	for _, a := range d.Actions {
		statuses[a.Status] = true
		if len(a.Updates) > 0 {
			withUpdates++
		}
	}
	if len(statuses) != 4 || withUpdates < 3 {
		t.Errorf("actions: statuses %v, %d with updates", statuses, withUpdates)
	}

	// One meeting alone.
	id := d.Meetings[1].ID
	r = runMinutebook(t, "dump", "--db", path, "--meeting", fmt.Sprint(id))
	var one data.Dump
	if err := json.Unmarshal([]byte(r.stdout), &one); err != nil || len(one.Meetings) != 1 || one.Meetings[0].ID != id {
		t.Fatalf("dump --meeting %d: %v %+v", id, err, one.Meetings)
	}
	for _, a := range one.Actions {
		if a.MeetingID != id {
			t.Errorf("dump --meeting lists an action of meeting %d", a.MeetingID)
		}
	}
	r = runMinutebook(t, "dump", "--db", path, "--meeting", "9999")
	if r.code != 1 {
		t.Errorf("dump of a missing meeting: exit %d", r.code)
	}
	oneSentence(t, r.stderr)
}

func TestDemoRefusesExistingFile(t *testing.T) {
	path := demoDB(t)
	before, _ := os.ReadFile(path)
	r := runMinutebook(t, "demo", "--db", path)
	if r.code != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Fatalf("demo over an existing file: exit %d, %q", r.code, r.stderr)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Errorf("demo changed an existing file")
	}
}

func TestCheck(t *testing.T) {
	good := demoDB(t)
	if r := runMinutebook(t, "check", "--db", good); r.code != 0 || !strings.Contains(r.stdout, "sound") {
		t.Fatalf("check of a good file: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	dir := t.TempDir()
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "truncated.db")
	os.WriteFile(truncated, goodBytes[:len(goodBytes)/2], 0o644)
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 4096), 0o644)
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", "file:"+foreign)
	db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	os.WriteFile(newer, goodBytes, 0o644)
	db, _ = sql.Open("sqlite", "file:"+newer)
	db.Exec("PRAGMA user_version = 42")
	db.Close()
	for _, c := range []struct{ name, path, words string }{
		{"truncated", truncated, "database"},
		{"garbage", garbage, "not a Minutebook database"},
		{"someone else's", foreign, "another program"},
		{"newer", newer, "newer version"},
		{"missing", filepath.Join(dir, "missing.db"), "no database at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			r := runMinutebook(t, "check", "--db", c.path)
			if r.code != 1 || !strings.Contains(r.stderr, c.words) {
				t.Errorf("exit %d, stderr %q; want 1 mentioning %q", r.code, r.stderr, c.words)
			}
			oneSentence(t, r.stderr)
			after, _ := os.ReadFile(c.path)
			if !bytes.Equal(before, after) {
				t.Errorf("check changed the file")
			}
		})
	}
}

func TestUsageMistakes(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"frobnicate"},
		{"backup", "--db", filepath.Join(dir, "x.db")},
		{"dump", "--nonsense"},
		{"demo", "--db", filepath.Join(dir, "y.db"), "--size", "huge"},
		{"dump", "--db", filepath.Join(dir, "x.db"), "extra"},
	} {
		r := runMinutebook(t, args...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, r.code, r.stderr)
		}
	}
	// Nothing was written by any of them.
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("usage mistakes wrote files: %v", entries)
	}
	r := runMinutebook(t, "dump", "--db", filepath.Join(dir, "none.db"))
	if r.code != 1 {
		t.Errorf("dump of a missing file: exit %d", r.code)
	}
	oneSentence(t, r.stderr)
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Errorf("dump created the database it was asked to read")
	}
}

// TestReadingCommandsNeverChangeTheFile: dump, exports and backup read an older file without
// upgrading it, and backup never writes over an existing file.
func TestReadingCommandsNeverChangeTheFile(t *testing.T) {
	path := demoDB(t)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; PRAGMA user_version = %d", data.SchemaVersion()-1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"dump", "--db", path},
		{"export", "minutes", "--db", path, "--meeting", "2", "-o", filepath.Join(dir, "m.pdf")},
		{"export", "actions", "--db", path, "-o", filepath.Join(dir, "a.pdf")},
		{"backup", "--db", path, "-o", filepath.Join(dir, "copy.db")},
	} {
		r := runMinutebook(t, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "older Minutebook") {
			t.Errorf("%v on an older file: exit %d, %q", args[:2], r.code, r.stderr)
		}
		oneSentence(t, r.stderr)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Errorf("a reading command changed the file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}

	good := demoDB(t)
	other := filepath.Join(dir, "notes.txt")
	os.WriteFile(other, []byte("the clerk's notes"), 0o644)
	copyOf := filepath.Join(dir, "copy.db")
	os.WriteFile(copyOf, []byte("not yet a database"), 0o644)
	for _, c := range []struct{ out, words string }{{copyOf, "already exists"}, {other, "ending in .db"}, {dir, "is a folder"}} {
		r := runMinutebook(t, "backup", "--db", good, "-o", c.out)
		if r.code != 1 || !strings.Contains(r.stderr, c.words) {
			t.Errorf("backup -o %s: exit %d, %q", c.out, r.code, r.stderr)
		}
		oneSentence(t, r.stderr)
	}
	if b, _ := os.ReadFile(other); string(b) != "the clerk's notes" {
		t.Errorf("backup wrote over an existing file")
	}
}

// TestUsage: the usage text laid out from the command table reads as it always has.
func TestUsage(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/home/clerk/.config")
	want := `Usage:
  minutebook [--db FILE]                      the desktop app
  minutebook --version [--db FILE]            the version, licences, database and log
  minutebook demo --db FILE [--size large]    write a realistic example database
  minutebook import --db FILE [--body NAME] [--new-body] [--date YYYY-MM-DD]
                    [--as-new] TEXTFILE...    new meeting(s) from minutes text; prints each id
  minutebook export minutes --db FILE --meeting ID [--public|--confidential]
                            [--format pdf|docx|html] -o OUT.pdf|.docx|.html
  minutebook export agenda --db FILE --meeting ID [--public|--confidential]
                           [--format pdf|docx|html] -o OUT.pdf|.docx|.html
  minutebook export pack --db FILE --meeting ID [--public|--confidential]
                         -o PACK.pdf
  minutebook export actions --db FILE [--body NAME] [--status open|all] [--owner X]
                            [--as-at YYYY-MM-DD] [--public|--confidential]
                            [--format pdf|docx|html|csv] -o OUT.pdf|.docx|.html|.csv
  minutebook dump --db FILE [--meeting ID]    the database (or one meeting) as JSON
  minutebook check --db FILE                  integrity and schema check
  minutebook backup --db FILE -o COPY         a consistent copy of a live database

--db defaults to /home/clerk/.config/Minutebook/minutebook.db
`
	if got := Usage(); got != want {
		t.Errorf("usage:\n%s\nwant:\n%s", got, want)
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"export", "help"}, {"export", "-h"}} {
		if r := runMinutebook(t, args...); r.code != 0 || !strings.HasPrefix(r.stdout, "Usage:\n") || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %.20q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	// A command's -h lists its flags under its usage line.
	r := runMinutebook(t, "export", "minutes", "-h")
	if r.code != 0 || !strings.HasPrefix(r.stderr, "Usage: minutebook export minutes --db FILE --meeting ID") || !strings.Contains(r.stderr, "-public") || !strings.Contains(r.stderr, "-confidential") || !strings.Contains(r.stderr, "-format") {
		t.Errorf("export minutes -h: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestExportNeedsAKind: `export` alone, or with a kind it does not know, says what it can
// export.
func TestExportNeedsAKind(t *testing.T) {
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"export"}, "minutebook: Say what to export: actions or agenda or minutes or pack.\n"},
		{[]string{"export", "papers", "--db", "x.db"}, "minutebook: There is nothing called \"papers\" to export; use actions or agenda or minutes or pack.\n"},
	} {
		if r := runMinutebook(t, c.args...); r.code != exitUsage || r.stderr != c.says {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", c.args, r.code, r.stderr, exitUsage, c.says)
		}
	}
}

// TestNoFyne: the command line links no part of Fyne, so a subcommand can never start it.
func TestNoFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") || dep == "github.com/minutebook/minutebook/app" {
			t.Errorf("package cli depends on %s", dep)
		}
	}
}
