package app

import (
	"archive/zip"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
	"github.com/minutebook/minutebook/export"
)

// pdfText is the text of a PDF, by pdftotext (poppler-utils), which the test needs.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to check the exported PDFs: install poppler-utils (apt-get install poppler-utils, or make deps)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// openMeetingOn shows the demo meeting of a date.
func openMeetingOn(t *testing.T, h *harness, date string) {
	t.Helper()
	ms, err := h.u.store.Meetings(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Date == date {
			h.u.nav.selectBody(m.BodyID)
			h.u.nav.selectMeeting(m.ID)
			return
		}
	}
	t.Fatalf("no meeting on %s", date)
}

// exportTo runs the export dialog on show into dir and returns the file written.
func exportTo(t *testing.T, h *harness, dir string) string {
	t.Helper()
	e := h.u.exporting
	if e == nil {
		t.Fatal("no export dialog")
	}
	e.folder.SetText(dir)
	test.Tap(e.ok)
	h.sync()
	if e.saved == "" {
		t.Fatalf("nothing was saved; the dialogs say:\n%s", h.overlayText())
	}
	if _, err := os.Stat(e.saved); err != nil {
		t.Fatal(err)
	}
	return e.saved
}

func TestExportMinutesBothEditions(t *testing.T) {
	fixToday(t, "2024-10-01")
	h := newHarness(t, demoPanel)
	dir := t.TempDir()
	const exemptWords = "Featherstonehaugh"

	// Approved minutes, from the menu's command: public edition by default.
	openMeetingOn(t, h, demo.ExampleMeetingDate)
	h.u.runCommand("export-minutes")
	e := h.u.exporting
	if e.name.Text != "PCP minutes 2023-09-15.pdf" || e.choice.Selected != publicWords {
		t.Errorf("suggested %q, %q", e.name.Text, e.choice.Selected)
	}
	public := exportTo(t, h, dir)
	text := pdfText(t, public)
	for _, want := range []string{"Thames Valley Police and Crime Panel", "Friday 15 September 2023", demo.ExampleItemTitle, demo.ExemptItemTitle} {
		if !strings.Contains(text, want) {
			t.Errorf("the public minutes lack %q", want)
		}
	}
	for _, not := range []string{exemptWords, "DRAFT", "CONFIDENTIAL"} {
		if strings.Contains(text, not) {
			t.Errorf("the public minutes of approved minutes contain %q", not)
		}
	}
	// The clerk is told where it went and can open it.
	if msg := h.overlayText(); !strings.Contains(msg, "public minutes of Friday 15 September 2023") || !strings.Contains(msg, public) {
		t.Errorf("saved message:\n%s", msg)
	}
	test.Tap(h.overlayButton("Open"))
	if len(h.opened) != 1 || h.opened[0] != public {
		t.Errorf("opened %v, want %s", h.opened, public)
	}
	h.closeOverlays()

	// The confidential edition, with its own name.
	h.u.runCommand("export-minutes")
	e = h.u.exporting
	e.choice.SetSelected(confidentialWords)
	if e.name.Text != "PCP minutes 2023-09-15 (confidential).pdf" {
		t.Errorf("confidential name %q", e.name.Text)
	}
	conf := exportTo(t, h, dir)
	text = pdfText(t, conf)
	if !strings.Contains(text, exemptWords) || !strings.Contains(text, "CONFIDENTIAL – NOT FOR PUBLICATION") {
		t.Errorf("the confidential minutes lack the exempt item or its mark")
	}
	test.Tap(h.overlayButton("Show in folder"))
	if len(h.revealed) != 1 || h.revealed[0] != conf {
		t.Errorf("revealed %v", h.revealed)
	}
	h.closeOverlays()

	// Draft minutes are named and marked so.
	openMeetingOn(t, h, "2024-09-20")
	h.u.meeting.exportBtn.OnTapped()
	if got := h.u.exporting.name.Text; got != "PCP minutes 2024-09-20 (draft).pdf" {
		t.Errorf("draft name %q", got)
	}
	if text := pdfText(t, exportTo(t, h, dir)); !strings.Contains(text, "DRAFT – subject to approval") {
		t.Errorf("the draft minutes are not marked DRAFT")
	}
}

func TestExportActionLogPDFAndCSV(t *testing.T) {
	h, s := openLog(t)
	dir := t.TempDir()
	s.owner.SetText("PCC")
	h.sync()
	var pcc []string
	for i := range s.order {
		pcc = append(pcc, s.row(i).Ref)
	}
	h.u.runCommand("export-log")
	e := h.u.exporting
	if e.name.Text != "PCP action log 2024-10-01.pdf" || !e.public.Checked {
		t.Errorf("suggested %q, public %v", e.name.Text, e.public.Checked)
	}
	if !strings.Contains(e.intro.Text, "of PCC") || !strings.Contains(e.intro.Text, "1 October 2024") {
		t.Errorf("the dialog says %q", e.intro.Text)
	}
	text := pdfText(t, exportTo(t, h, dir))
	if !strings.Contains(text, "Action log as at") || !strings.Contains(text, "as at 1 October 2024") {
		t.Errorf("the PDF lacks its heading:\n%s", text[:min(400, len(text))])
	}
	for _, ref := range pcc {
		if !strings.Contains(text, ref) {
			t.Errorf("the PDF lacks %s", ref)
		}
	}
	if strings.Contains(text, "PCP 7/23-A1") { // the Scrutiny Officer's
		t.Errorf("the PDF lists an action the filter left out")
	}
	h.closeOverlays()

	// The same log as CSV, sorted as on screen.
	s.onSort(colDue)
	h.u.runCommand("export-log")
	e = h.u.exporting
	e.format.SetSelected(csvWords)
	if e.name.Text != "PCP action log 2024-10-01.csv" {
		t.Errorf("CSV name %q", e.name.Text)
	}
	f, err := os.Open(exportTo(t, h, dir))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(pcc)+1 {
		t.Fatalf("%d CSV rows, want a header and %d actions", len(recs), len(pcc))
	}
	var dues []string
	for _, r := range recs[1:] {
		dues = append(dues, firstNonEmpty(r[6], "~")) // after the Confidential column
		if r[5] != "PCC" {
			t.Errorf("CSV row of %s", r[5])
		}
	}
	for i := 1; i < len(dues); i++ {
		if dues[i] < dues[i-1] {
			t.Errorf("the CSV is not in the screen's order (by due date): %v", dues)
			break
		}
	}
}

// TestExportFailureLeavesNothing exports to places that cannot be written: a "folder"
// that is a file (tests run as root, whom permissions do not stop) and /proc.
func TestExportFailureLeavesNothing(t *testing.T) {
	fixToday(t, "2024-10-01")
	h := newHarness(t, demoPanel)
	openMeetingOn(t, h, demo.ExampleMeetingDate)
	dir := t.TempDir()
	plain := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(plain, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	for folder, why := range map[string]string{plain: "not a folder", "/proc": "does not take new files"} {
		h.u.runCommand("export-minutes")
		e := h.u.exporting
		e.folder.SetText(folder)
		test.Tap(e.ok)
		h.sync()
		if e.saved != "" {
			t.Fatalf("saved to %s", e.saved)
		}
		msg := h.overlayText()
		if !strings.Contains(msg, "could not save") || !strings.Contains(msg, "Nothing was written") || !strings.Contains(msg, why) {
			t.Errorf("%s: the error dialog says:\n%s", folder, msg)
		}
		if e.ok.Disabled() || e.busy.Visible() {
			t.Errorf("%s: the dialog is not ready to try again", folder)
		}
		h.closeOverlays()
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files after failed exports, want only notes.txt", len(entries))
	}
	if b, _ := os.ReadFile(plain); string(b) != "not a folder" {
		t.Errorf("the file was changed")
	}
	matches, _ := filepath.Glob("/proc/*minutes*")
	if len(matches) > 0 {
		t.Errorf("left in /proc: %v", matches)
	}
}

func TestFileProblemWords(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}, "the disk is full"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}, "read-only"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}, "permission"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.ENOTDIR}, "not a folder"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.ENOENT}, "no such folder"},
		{errors.New("cannot write in /x: " + syscall.ENOSPC.Error()), "no space"},
	}
	for _, tc := range tests {
		if got := fileProblem(tc.err); !strings.Contains(got, tc.want) {
			t.Errorf("fileProblem(%v) = %q, want it to say %q", tc.err, got, tc.want)
		}
	}
}

func TestExportFileNames(t *testing.T) {
	fm := &data.FullMeeting{Meeting: data.Meeting{Date: "2023-09-15", Status: data.StatusDraft}, Body: data.Body{Name: "Surrey Police and Crime Panel", ShortCode: "S/PCP"}}
	if got := minutesFileName(fm, 0); got != "S-PCP minutes 2023-09-15 (draft).pdf" {
		t.Errorf("minutes name %q", got)
	}
	if got := actionLogFileName(data.Body{Name: "Audit Committee"}, "2024-09-20", export.CSV, true); got != "Audit Committee action log 2024-09-20 (confidential).csv" {
		t.Errorf("action log name %q", got)
	}
	if got := minutesFileNameIn(fm, export.ConfidentialEdition, export.Word); got != "S-PCP minutes 2023-09-15 (draft, confidential).docx" {
		t.Errorf("confidential Word minutes name %q", got)
	}
}

// fileText is a file's content, for the Word and HTML editions: the HTML as it is, the
// .docx's document part.
func fileText(t *testing.T, path string) string {
	t.Helper()
	if strings.HasSuffix(path, ".docx") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatalf("%s is not a Word document: %v", path, err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				r, _ := f.Open()
				b, _ := io.ReadAll(r)
				r.Close()
				return string(b)
			}
		}
		t.Fatalf("%s has no word/document.xml", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExportMinutesWordAndHTML: the minutes dialog offers PDF, Word and HTML; the name
// follows the format and the edition; each file is the format it is named; the public edition
// of each leaves the exempt item's text out; a name typed with another format's ending gets
// that format.
func TestExportMinutesWordAndHTML(t *testing.T) {
	fixToday(t, "2024-10-01")
	h := newHarness(t, demoPanel)
	dir := t.TempDir()
	openMeetingOn(t, h, demo.ExampleMeetingDate)
	h.u.runCommand("export-minutes")
	e := h.u.exporting
	if got := strings.Join(e.format.Options, " | "); got != pdfWords+" | "+wordWords+" | "+htmlWords {
		t.Fatalf("the dialog offers %q", got)
	}
	for _, c := range []struct {
		format, edition string
		name            string
		start, secret   string
	}{
		{wordWords, publicWords, "PCP minutes 2023-09-15.docx", `<?xml`, ""},
		{htmlWords, publicWords, "PCP minutes 2023-09-15.html", "<!DOCTYPE html>", ""},
		{htmlWords, confidentialWords, "PCP minutes 2023-09-15 (confidential).html", "<!DOCTYPE html>", "Featherstonehaugh"},
		{wordWords, confidentialWords, "PCP minutes 2023-09-15 (confidential).docx", `<?xml`, "Featherstonehaugh"},
	} {
		h.u.runCommand("export-minutes")
		e := h.u.exporting
		e.choice.SetSelected(c.edition)
		e.format.SetSelected(c.format)
		if e.name.Text != c.name {
			t.Errorf("%s, %s: suggested %q, want %q", c.format, c.edition, e.name.Text, c.name)
		}
		path := exportTo(t, h, dir)
		if filepath.Base(path) != c.name {
			t.Errorf("saved as %s, want %s", filepath.Base(path), c.name)
		}
		text := fileText(t, path)
		if !strings.HasPrefix(text, c.start) || !strings.Contains(text, demo.ExemptItemTitle) {
			t.Errorf("%s starts %.30q or lacks the exempt item's title", c.name, text)
		}
		if has := strings.Contains(text, "Featherstonehaugh"); has != (c.secret != "") {
			t.Errorf("%s: the exempt item's text is there: %v", c.name, has)
		}
		if msg := h.overlayText(); !strings.Contains(msg, "Friday 15 September 2023 ("+map[string]string{wordWords: "Word", htmlWords: "HTML"}[c.format]+")") {
			t.Errorf("saved message:\n%s", msg)
		}
		h.closeOverlays()
	}

	// A name typed with its own ending: that format, whatever the choice says; and a change
	// of format afterwards follows it.
	h.u.runCommand("export-minutes")
	e = h.u.exporting
	test.Type(e.name, "x")
	setText(e.name, "for the website.html")
	path := exportTo(t, h, dir)
	if filepath.Base(path) != "for the website.html" || !strings.HasPrefix(fileText(t, path), "<!DOCTYPE html>") {
		t.Errorf("typed .html, saved %s", path)
	}
	h.closeOverlays()
	h.u.runCommand("export-minutes")
	e = h.u.exporting
	test.Type(e.name, "x")
	setText(e.name, "mine.pdf")
	e.format.SetSelected(wordWords)
	if e.name.Text != "mine.docx" {
		t.Errorf("a typed name did not follow the format: %q", e.name.Text)
	}
	h.closeOverlays()
}

// TestExportActionLogWordAndHTML: the log's dialog offers PDF, Word, HTML and CSV, and writes
// each, public unless the clerk unticks it.
func TestExportActionLogWordAndHTML(t *testing.T) {
	h, _ := openLog(t)
	dir := t.TempDir()
	h.u.runCommand("export-log")
	e := h.u.exporting
	if got := strings.Join(e.format.Options, " | "); got != pdfWords+" | "+wordWords+" | "+htmlWords+" | "+csvWords {
		t.Fatalf("the dialog offers %q", got)
	}
	for _, c := range []struct {
		format string
		public bool
		name   string
	}{
		{wordWords, true, "PCP action log 2024-10-01.docx"},
		{htmlWords, true, "PCP action log 2024-10-01.html"},
		{htmlWords, false, "PCP action log 2024-10-01 (confidential).html"},
	} {
		h.u.runCommand("export-log")
		e := h.u.exporting
		e.public.SetChecked(c.public)
		e.format.SetSelected(c.format)
		if e.name.Text != c.name {
			t.Errorf("suggested %q, want %q", e.name.Text, c.name)
		}
		text := fileText(t, exportTo(t, h, dir))
		if !strings.Contains(text, "Action log as at 1 October 2024") {
			t.Errorf("%s lacks its title", c.name)
		}
		if has := strings.Contains(text, "CONFIDENTIAL"); has == c.public {
			t.Errorf("%s: marked confidential %v", c.name, has)
		}
		h.closeOverlays()
	}
}
