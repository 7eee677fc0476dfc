package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

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

// protectedPDF is a real PDF that opens only with a password, made as the pack's own tests
// make one (gofpdf's protection).
func protectedPDF(t *testing.T) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetProtection(gofpdf.CnProtectPrint, "open sesame", "owner")
	pdf.SetFont("Helvetica", "", 14)
	pdf.AddPage()
	pdf.Cell(0, 10, "Rural crime report")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExportPack: export pack writes the meeting's pack, counted and named; a damaged,
// password-protected or non-PDF document is named in one sentence, exit status 1, and no
// file (nor a temporary one) is left; pdfcpu leaves nothing in the clerk's config folder.
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

	// A document the pack cannot read — damaged, password-protected or not a PDF at all —
	// is named in one sentence, exit status 1, and nothing is left in the folder.
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"damaged", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"), "is damaged and cannot be read as a PDF"},
		{"encrypted", protectedPDF(t), "is password-protected"},
		{"not a PDF", []byte("PK\x03\x04 a Word document saved as rural.pdf"), "is not a PDF"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := demoDB(t)
			addReport(t, db, c.file)
			dir := t.TempDir()
			bad := filepath.Join(dir, "bad.pdf")
			r := runMinutebook(t, "export", "pack", "--db", db, "--meeting", "6", "-o", bad)
			if want := "minutebook: The document “Rural crime report” of item PCP 10/24 " + c.want; r.code != 1 || !strings.HasPrefix(r.stderr, want) {
				t.Fatalf("exit %d, %q; want exit 1 and %q", r.code, r.stderr, want)
			}
			oneSentence(t, r.stderr)
			if r.stdout != "" {
				t.Errorf("stdout %q", r.stdout)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("a refused pack left %v in the folder", entries)
			}
		})
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
