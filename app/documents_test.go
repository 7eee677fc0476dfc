package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/jung-kurt/gofpdf"

	"github.com/minutebook/minutebook/data"
)

// reportPDF is a real PDF of pages pages, each saying its title and its sheet.
func reportPDF(t *testing.T, title string, pages int) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 14)
	for i := 1; i <= pages; i++ {
		pdf.AddPage()
		pdf.Cell(0, 10, fmt.Sprintf("%s, sheet %d of %d", title, i, pages))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDocumentsOnTheItemScreen: the clerk types the item's lead officer and report
// reference, adds PDFs (a file that is not a PDF is refused, saying so, and nothing is
// added), retitles one, marks it exempt under a paragraph and reorders them; then File →
// Export agenda pack… writes a public pack without the exempt one, and a confidential pack
// with it, each page numbered in the pack's sequence.
func TestDocumentsOnTheItemScreen(t *testing.T) {
	h := newMeeting(t, "2024-02-02")
	e := addItem(h, "PCC’s Proposed Precept 2024/25", "The PCC presented the proposed precept.")
	p := e.documents
	e.tabs.SelectIndex(4)
	test.Type(p.officer, "Chief Finance Officer, OPCC")
	test.Type(p.reference, "PCP 24/03")
	h.sync()
	fm, _ := h.db().LoadMeeting(h.u.meeting.fm.ID)
	if it := fm.Items[0]; it.LeadOfficer != "Chief Finance Officer, OPCC" || it.ReportRef != "PCP 24/03" || it.Minutes != "The PCC presented the proposed precept." {
		t.Fatalf("item saved as %+v", it.Item)
	}

	p.addFile("Budget notes.docx", []byte("PK\x03\x04 a Word document"))
	if p.note.Text != "“Budget notes.docx” is not a PDF: save it as PDF and add that. Nothing was added." || len(e.item.Documents) != 0 {
		t.Fatalf("a Word file: note %q, %d documents", p.note.Text, len(e.item.Documents))
	}
	// Add PDF… asks for a file (the dialog stands in here) and adds it, titled by its name.
	p.choose = func(done func(string, []byte)) { done("Precept report.pdf", reportPDF(t, "Precept report", 4)) }
	test.Tap(p.addBtn)
	p.choose = func(done func(string, []byte)) {
		done("Appendix A.pdf", reportPDF(t, "Appendix A commercial costs", 2))
	}
	test.Tap(p.addBtn)
	if len(p.cards) != 2 || p.cards[1].title.Text != "Appendix A" || h.w.Canvas().Focused() != p.cards[1].title {
		t.Fatalf("%d cards; the second titled %q", len(p.cards), p.cards[1].title.Text)
	}
	if p.note.shown() || !strings.Contains(p.cards[0].file.Text, "Precept report.pdf – 4 pages") {
		t.Errorf("note %q, file %q", p.note.Text, p.cards[0].file.Text)
	}
	c := p.cards[1]
	test.Type(c.title, " – commercial costs")
	test.Tap(c.exempt)
	if !c.paragraph.Visible() || !strings.Contains(c.note.Text, "choose the paragraph") {
		t.Errorf("exempt without a paragraph: note %q", c.note.Text)
	}
	c.paragraph.SetSelected(schedule12A[2])
	h.sync()
	fm, _ = h.db().LoadMeeting(h.u.meeting.fm.ID)
	docs := fm.Items[0].Documents
	if len(docs) != 2 || docs[1].Title != "Appendix A – commercial costs" || !docs[1].Exempt || docs[1].ExemptParagraph != 3 || docs[0].Pages != 4 {
		t.Fatalf("documents saved as %+v", docs)
	}
	// Move the appendix first, then back: the pack prints them in this order.
	p.move(p.cards[1], -1)
	h.sync()
	fm, _ = h.db().LoadMeeting(h.u.meeting.fm.ID)
	if fm.Items[0].Documents[0].Title != "Appendix A – commercial costs" || p.cards[0].title.Text != "Appendix A – commercial costs" {
		t.Fatalf("after moving up: %v", fm.Items[0].Documents)
	}
	p.move(p.cards[1], -1)

	// File → Export agenda pack…: public by default, without the exempt appendix.
	dir := t.TempDir()
	h.u.runCommand("export-pack")
	if h.u.exporting == nil || h.u.exporting.name.Text != "PCP agenda pack 2024-02-02.pdf" {
		t.Fatalf("the pack's dialog offers %q", h.u.exporting.name.Text)
	}
	public := exportTo(t, h, dir)
	text := pdfText(t, public)
	if !strings.Contains(text, "Precept report, sheet 4 of 4") || strings.Contains(text, "commercial costs") {
		t.Errorf("the public pack: %s", text)
	}
	pages := pageCount(t, public)
	for n := 1; n <= pages; n++ {
		out, err := exec.Command("pdftotext", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), public, "-").Output()
		if err != nil || !strings.Contains(string(out), fmt.Sprintf("Page %d of %d", n, pages)) {
			t.Errorf("page %d of the public pack is not stamped: %v", n, err)
		}
	}
	h.closeOverlays()
	h.u.runCommand("export-pack")
	h.u.exporting.choice.SetSelected(packConfidentialWords)
	if h.u.exporting.name.Text != "PCP agenda pack 2024-02-02 (confidential).pdf" {
		t.Errorf("the confidential pack's name: %q", h.u.exporting.name.Text)
	}
	confidential := exportTo(t, h, dir)
	if got := pageCount(t, confidential); got != pages+2 {
		t.Errorf("the confidential pack has %d pages, want the public's %d and the appendix's 2", got, pages)
	}
	if !strings.Contains(pdfText(t, confidential), "Appendix A commercial costs, sheet 2 of 2") {
		t.Error("the confidential pack lacks the appendix")
	}

	// A PDF damaged since it was added (another program wrote it) is named, and no pack is
	// written.
	h.closeOverlays()
	d := e.item.Documents[0]
	good := reportPDF(t, "Precept report", 4)
	if err := h.u.store.ReplaceDocumentFile(&d, good[:len(good)/3]); err != nil {
		t.Fatal(err)
	}
	h.u.runCommand("export-pack")
	ex := h.u.exporting
	setText(ex.name, "damaged pack.pdf")
	ex.folder.SetText(dir)
	test.Tap(ex.ok)
	h.sync()
	if ex.saved != "" || !strings.Contains(h.overlayText(), "The document “Precept report” of item 1 is damaged and cannot be read as a PDF") {
		t.Errorf("a damaged document: saved %q; the dialogs say %q", ex.saved, h.overlayText())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %d files after a refused pack, want the 2 packs", len(entries))
	}
}

// pageCount is a PDF's number of pages, by pdfinfo.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	var n int
	for _, l := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(l, "Pages:"); ok {
			fmt.Sscan(strings.TrimSpace(rest), &n)
		}
	}
	return n
}

// TestDocumentRemoveAndReplace: on the item's Papers tab the clerk deletes a document with
// its bin button — the confirmation names it, No keeps it, Yes deletes it and its PDF from
// the minute book — and puts a new PDF in place of another's with "Replace PDF…": the
// document keeps its place, title and id, and the minute book holds the new file, its name
// and its pages; a file that is not a PDF is refused and the old PDF kept.
func TestDocumentRemoveAndReplace(t *testing.T) {
	h := newMeeting(t, "2024-02-02")
	e := addItem(h, "PCC’s Proposed Precept 2024/25", "The PCC presented the proposed precept.")
	p := e.documents
	e.tabs.SelectIndex(4)
	for _, c := range []struct {
		name  string
		pages int
	}{{"Precept report.pdf", 4}, {"Appendix A.pdf", 2}, {"Appendix B.pdf", 3}} {
		file := reportPDF(t, strings.TrimSuffix(c.name, ".pdf"), c.pages)
		p.choose = func(done func(string, []byte)) { done(c.name, file) }
		test.Tap(p.addBtn)
	}
	h.sync()
	stored := func() []data.Document {
		t.Helper()
		fm, err := h.db().LoadMeeting(h.u.meeting.fm.ID)
		if err != nil {
			t.Fatal(err)
		}
		return fm.Items[0].Documents
	}
	docs := stored()
	if len(docs) != 3 || len(p.cards) != 3 {
		t.Fatalf("%d documents stored, %d cards, want 3", len(docs), len(p.cards))
	}
	appendixA, appendixB := docs[1], docs[2]

	// Delete: the bin asks first, naming the document; No keeps it.
	test.Tap(p.cards[1].deleteBtn)
	if !strings.Contains(h.overlayText(), "Delete “Appendix A” and its PDF from the minute book?") {
		t.Fatalf("the bin asks %q", h.overlayText())
	}
	test.Tap(h.overlayButton("No"))
	h.sync()
	if got := stored(); len(got) != 3 || len(p.cards) != 3 {
		t.Fatalf("No deleted a document: %d stored, %d cards", len(got), len(p.cards))
	}
	test.Tap(p.cards[1].deleteBtn)
	test.Tap(h.overlayButton("Yes"))
	h.sync()
	got := stored()
	if len(got) != 2 || got[0].ID != docs[0].ID || got[1].ID != appendixB.ID {
		t.Fatalf("after deleting Appendix A the minute book holds %+v", got)
	}
	if _, err := h.db().DocumentPDF(appendixA.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the deleted document's PDF is still in the minute book: %v", err)
	}
	if len(p.cards) != 2 || p.cards[1].title.Text != "Appendix B" || e.tabs.buttons[4].Text != "Papers (2)" {
		t.Errorf("the panel shows %d cards, the second %q; the tab %q", len(p.cards), p.cards[1].title.Text, e.tabs.buttons[4].Text)
	}

	// Replace PDF…: a new file in place of the report's.
	revised := reportPDF(t, "Revised precept report", 6)
	p.choose = func(done func(string, []byte)) { done("Revised precept report.pdf", revised) }
	test.Tap(p.cards[0].replaceBtn)
	h.sync()
	got = stored()
	if d := got[0]; len(got) != 2 || d.ID != docs[0].ID || d.Title != "Precept report" || d.File != "Revised precept report.pdf" || d.Pages != 6 || d.Size != int64(len(revised)) {
		t.Fatalf("after Replace PDF… the minute book holds %+v", got)
	}
	if b, err := h.db().DocumentPDF(docs[0].ID); err != nil || !bytes.Equal(b, revised) {
		t.Errorf("the minute book does not hold the new PDF (%d bytes, %v)", len(b), err)
	}
	if !strings.Contains(p.cards[0].file.Text, "Revised precept report.pdf – 6 pages") || p.note.shown() {
		t.Errorf("the card says %q; the note %q", p.cards[0].file.Text, p.note.Text)
	}
	// A file that is not a PDF is refused, and the document keeps the PDF it had.
	p.choose = func(done func(string, []byte)) { done("Revised report.docx", []byte("PK\x03\x04 a Word document")) }
	test.Tap(p.cards[0].replaceBtn)
	h.sync()
	if p.note.Text != "“Revised report.docx” is not a PDF: save it as PDF and add that. The document keeps its PDF." {
		t.Errorf("a Word file in place of the report: note %q", p.note.Text)
	}
	if b, _ := h.db().DocumentPDF(docs[0].ID); !bytes.Equal(b, revised) || stored()[0].File != "Revised precept report.pdf" {
		t.Error("a refused file changed the document's PDF")
	}
}
