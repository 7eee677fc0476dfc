package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
)

// addReport gives item n of meeting 6 of the example a one-page PDF (the meeting's own
// minutes stand in for a report) or the bytes given.
func addReport(t *testing.T, db string, file []byte) {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fm, err := s.LoadMeeting(6)
	if err != nil {
		t.Fatal(err)
	}
	if file == nil {
		var buf bytes.Buffer
		if _, err := export.Minutes(&buf, fm, export.MinutesOptions{}); err != nil {
			t.Fatal(err)
		}
		file = buf.Bytes()
	}
	d := data.Document{ItemID: fm.Items[3].ID, Title: "Rural crime report", File: "rural.pdf", Pages: 1}
	if err := s.AddDocumentFile(&d, file); err != nil {
		t.Fatal(err)
	}
}

// TestExportPack: export pack writes the meeting's pack, counted and named; a damaged
// document is named in one sentence, exit status 1, and no file (nor a temporary one) is
// left; pdfcpu leaves nothing in the clerk's config folder.
func TestExportPack(t *testing.T) {
	db := demoDB(t)
	addReport(t, db, nil)
	dir := t.TempDir()
	out := filepath.Join(dir, "pack.pdf")
	r := runMinutebook(t, "export", "pack", "--db", db, "--meeting", "6", "-o", out)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Wrote the public agenda pack of Friday 20 September 2024 (") {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	info, err := exec.Command("pdfinfo", out).CombinedOutput()
	if err != nil || !strings.Contains(string(info), "Title:           Agenda pack – Thames Valley Police and Crime Panel – Friday 20 September 2024") {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	if entries, _ := os.ReadDir(os.Getenv("XDG_CONFIG_HOME")); len(entries) != 0 {
		t.Errorf("the pack left %v in the config folder", entries)
	}

	bad := filepath.Join(dir, "bad.pdf")
	addReport(t, db, []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"))
	r = runMinutebook(t, "export", "pack", "--db", db, "--meeting", "6", "-o", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "The document “Rural crime report” of item PCP 10/24 is damaged") {
		t.Fatalf("a damaged document: exit %d, %q", r.code, r.stderr)
	}
	oneSentence(t, r.stderr)
	if _, err := os.Stat(bad); err == nil {
		t.Error("a pack was written despite the damaged document")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %v, want only the first pack", entries)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--meeting", "6", "-o", filepath.Join(dir, "pack.docx")}, "agenda pack"},
		{[]string{"-o", out}, "--meeting"},
		{[]string{"--meeting", "99", "-o", filepath.Join(dir, "x.pdf")}, "no meeting 99"},
	} {
		r := runMinutebook(t, append([]string{"export", "pack", "--db", db}, c.args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, %q", c.args, r.code, r.stderr)
		}
	}
}

// TestExportAgenda writes the agenda in each format.
func TestExportAgenda(t *testing.T) {
	db := demoDB(t)
	for _, name := range []string{"agenda.pdf", "agenda.docx", "agenda.html"} {
		out := filepath.Join(t.TempDir(), name)
		r := runMinutebook(t, "export", "agenda", "--db", db, "--meeting", "2", "--confidential", "-o", out)
		if r.code != 0 || r.stdout != "Wrote the confidential agenda of Friday 15 September 2023 to "+out+".\n" {
			t.Fatalf("%s: exit %d: %q %q", name, r.code, r.stdout, r.stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
			t.Fatalf("%s: %v", name, err)
		}
	}
}
