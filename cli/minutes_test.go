package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// meetingID finds the id of the meeting held on date in the database at path.
func meetingID(t *testing.T, path, date string) int64 {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Meetings(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Date == date {
			return m.ID
		}
	}
	t.Fatalf("no meeting on %s in %s", date, path)
	return 0
}

// pdfText reads a PDF's text with pdftotext, runs of space made one; the tests need
// poppler-utils and fail without them.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is missing: install poppler-utils to run the PDF tests")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// onlyFiles fails unless dir holds exactly the named files: no temporary file is left behind.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func TestExportMinutes(t *testing.T) {
	db := demoDB(t)
	id := fmt.Sprint(meetingID(t, db, demo.ExampleMeetingDate))
	dir := t.TempDir()

	confidential := filepath.Join(dir, "minutes.pdf")
	r := runMinutebook(t, "export", "minutes", "--db", db, "--meeting", id, "--confidential", "-o", confidential)
	if r.code != 0 {
		t.Fatalf("export minutes: exit %d: %s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want nothing", r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "Wrote the confidential minutes of Friday 15 September 2023 (") {
		t.Errorf("stdout = %q", r.stdout)
	}
	text := pdfText(t, confidential)
	for _, want := range []string{demo.PanelName, demo.ExampleItemTitle, "Featherstonehaugh", "CONFIDENTIAL – NOT FOR PUBLICATION"} {
		if !strings.Contains(text, want) {
			t.Errorf("confidential minutes lack %q", want)
		}
	}

	// The public edition, by default and when said so.
	for _, args := range [][]string{{"-o", "public.pdf"}, {"--public", "-o", "said.pdf"}} {
		public := filepath.Join(dir, args[len(args)-1])
		r = runMinutebook(t, append(append([]string{"export", "minutes", "--db", db, "--meeting", id}, args[:len(args)-1]...), public)...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "Wrote the public minutes of Friday 15 September 2023 (") {
			t.Fatalf("export minutes %v: exit %d, stdout %q, stderr %s", args, r.code, r.stdout, r.stderr)
		}
		text = pdfText(t, public)
		if !strings.Contains(text, demo.ExemptItemTitle) || !strings.Contains(text, "Exempt – Schedule 12A, paragraph 1") {
			t.Errorf("public minutes lack the exempt item's title or paragraph")
		}
		for _, secret := range []string{"Featherstonehaugh", "Abingdon", "CONFIDENTIAL"} {
			if strings.Contains(text, secret) {
				t.Errorf("public minutes contain %q", secret)
			}
		}
	}
	onlyFiles(t, dir, "minutes.pdf", "public.pdf", "said.pdf")
}

// TestExportMinutesFormats writes the minutes as Word and HTML, chosen by the file's name or
// --format, public unless --confidential; and refuses both editions at once.
func TestExportMinutesFormats(t *testing.T) {
	db := demoDB(t)
	id := fmt.Sprint(meetingID(t, db, demo.ExampleMeetingDate))
	dir := t.TempDir()
	for _, c := range []struct {
		args   []string
		start  string
		stdout string
		secret bool
	}{
		{[]string{"-o", "minutes.docx"}, "PK", "Wrote the public minutes of Friday 15 September 2023 (Word) to ", false},
		{[]string{"-o", "minutes.html"}, "<!DOCTYPE html>", "Wrote the public minutes of Friday 15 September 2023 (HTML) to ", false},
		{[]string{"--confidential", "--format", "html", "-o", "secret.html"}, "<!DOCTYPE html>", "Wrote the confidential minutes", true},
	} {
		out := filepath.Join(dir, c.args[len(c.args)-1])
		r := runMinutebook(t, append(append([]string{"export", "minutes", "--db", db, "--meeting", id}, c.args[:len(c.args)-1]...), out)...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, c.stdout) {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", c.args, r.code, r.stdout, r.stderr)
		}
		raw, _ := os.ReadFile(out)
		if !strings.HasPrefix(string(raw), c.start) {
			t.Errorf("%s starts %q", out, raw[:min(len(raw), 20)])
		}
		if c.start != "PK" && strings.Contains(string(raw), "Featherstonehaugh") != c.secret {
			t.Errorf("%s: the exempt item's text is there: %v, want %v", out, !c.secret, c.secret)
		}
	}
	r := runMinutebook(t, "export", "minutes", "--db", db, "--meeting", id, "--public", "--confidential", "-o", filepath.Join(dir, "x.pdf"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "not both") {
		t.Errorf("both editions: exit %d, stderr %q", r.code, r.stderr)
	}
	onlyFiles(t, dir, "minutes.docx", "minutes.html", "secret.html")
}

// TestExportMinutesReplacedNote exports a meeting whose text has an emoji and a control
// character: the export succeeds and says on stderr how many characters it replaced.
func TestExportMinutesReplacedNote(t *testing.T) {
	db := demoDB(t)
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	bodies, err := s.Bodies()
	if err != nil {
		t.Fatal(err)
	}
	fm := &data.FullMeeting{
		Meeting: data.Meeting{BodyID: bodies[0].ID, Date: "2025-01-17", StartTime: "10.30am"},
		Items:   []data.FullItem{{Item: data.Item{Title: "Any other business", Minutes: "Members thanked the clerk 🙂.\x07"}}},
	}
	if err := s.AddFullMeeting(fm); err != nil {
		t.Fatal(err)
	}
	s.Close()

	out := filepath.Join(t.TempDir(), "minutes.pdf")
	r := runMinutebook(t, "export", "minutes", "--db", db, "--meeting", fmt.Sprint(fm.ID), "-o", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "note: 2 characters") {
		t.Errorf("stderr = %q, want a note that 2 characters were replaced", r.stderr)
	}
	oneSentence(t, r.stderr)
	if text := pdfText(t, out); !strings.Contains(text, "Members thanked the clerk �.�") {
		t.Errorf("the replaced characters are not shown: %q", text)
	}
}

func TestExportMinutesMistakes(t *testing.T) {
	db := demoDB(t)
	id := fmt.Sprint(meetingID(t, db, demo.ExampleMeetingDate))
	dir := t.TempDir()
	aFile := filepath.Join(dir, "a-file")
	if err := os.WriteFile(aFile, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "read-only")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		// root writes through permissions; sysfs refuses new files even to root.
		readOnly = "/sys"
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		out  string // a file that must not be written
		want string // in stderr
	}{
		{"no -o", []string{"--db", db, "--meeting", id}, exitUsage, "", "-o"},
		{"no meeting", []string{"--db", db, "-o", filepath.Join(dir, "x.pdf")}, exitUsage, filepath.Join(dir, "x.pdf"), "--meeting"},
		{"unknown flag", []string{"--db", db, "--meeting", id, "--colour", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, filepath.Join(dir, "x.pdf"), "colour"},
		{"no such meeting", []string{"--db", db, "--meeting", "9999", "-o", filepath.Join(dir, "x.pdf")}, exitFailure, filepath.Join(dir, "x.pdf"), "no meeting 9999"},
		{"no such database", []string{"--db", filepath.Join(dir, "none.db"), "--meeting", id, "-o", filepath.Join(dir, "x.pdf")}, exitFailure, filepath.Join(dir, "x.pdf"), "no database"},
		{"no such folder", []string{"--db", db, "--meeting", id, "-o", filepath.Join(dir, "missing", "x.pdf")}, exitFailure, filepath.Join(dir, "missing", "x.pdf"), "no folder"},
		{"folder is a file", []string{"--db", db, "--meeting", id, "-o", filepath.Join(aFile, "x.pdf")}, exitFailure, filepath.Join(aFile, "x.pdf"), "not a folder"},
		{"output is a folder", []string{"--db", db, "--meeting", id, "-o", dir}, exitFailure, "", "is a folder"},
		{"read-only folder", []string{"--db", db, "--meeting", id, "-o", filepath.Join(readOnly, "x.pdf")}, exitFailure, filepath.Join(readOnly, "x.pdf"), "Cannot write"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runMinutebook(t, append([]string{"export", "minutes"}, c.args...)...)
			if r.code != c.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, c.code, r.stderr)
			}
			if !strings.Contains(r.stderr, c.want) {
				t.Errorf("stderr = %q, want it to mention %q", r.stderr, c.want)
			}
			if c.code == exitFailure {
				oneSentence(t, r.stderr)
			}
			if c.out != "" {
				if _, err := os.Stat(c.out); err == nil {
					t.Errorf("%s was written", c.out)
				}
			}
		})
	}
	onlyFiles(t, dir, "a-file", "read-only")
	if os.Geteuid() != 0 {
		onlyFiles(t, readOnly)
	}
}

// TestExportMinutesKeepsOldFileOnFailure: a failed export leaves the file it would have
// replaced as it was.
func TestExportMinutesKeepsOldFileOnFailure(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "minutes.pdf")
	if err := os.WriteFile(out, []byte("last week's minutes"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runMinutebook(t, "export", "minutes", "--db", db, "--meeting", "9999", "-o", out)
	if r.code != exitFailure {
		t.Fatalf("exit %d, want %d", r.code, exitFailure)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "last week's minutes" {
		t.Errorf("the old file changed: %q, %v", b, err)
	}
	onlyFiles(t, dir, "minutes.pdf")
}
