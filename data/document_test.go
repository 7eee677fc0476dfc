package data

import (
	"bytes"
	"errors"
	"testing"
)

// TestDocumentPDFIsKeptInTheMinuteBook: a document's PDF goes into the database with its
// digest and size, reads back byte for byte, is replaced only from the current version, and
// goes with the document. Loading the meeting reads none of the bytes.
func TestDocumentPDFIsKeptInTheMinuteBook(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Police and Crime Plan", "")
	pdf := []byte("%PDF-1.4 a stand-in for a report's bytes")
	d := Document{ItemID: it.ID, Title: " Report of the PCC ", File: "report.pdf", Pages: 12, Exempt: true, ExemptParagraph: 3}
	must(t, f.s.AddDocumentFile(&d, pdf))
	if d.ID == 0 || d.Title != "Report of the PCC" || d.Size != int64(len(pdf)) || len(d.SHA256) != 64 {
		t.Fatalf("added %+v", d)
	}
	got, err := f.s.DocumentPDF(d.ID)
	must(t, err)
	if !bytes.Equal(got, pdf) {
		t.Fatalf("read back %q", got)
	}
	fm, err := f.s.LoadMeeting(f.meeting.ID)
	must(t, err)
	loaded := fm.Items[0].Documents[0]
	if loaded != d || !loaded.HasFile() {
		t.Fatalf("loaded %+v, want %+v", loaded, d)
	}
	if ex, para := loaded.ExemptUnder(fm.Items[0].Item); !ex || para != 3 {
		t.Fatalf("ExemptUnder = %v, %d", ex, para)
	}

	stale := d
	d.File, d.Pages = "report v2.pdf", 14
	must(t, f.s.ReplaceDocumentFile(&d, []byte("%PDF-1.7 the revised report")))
	if d.Version != stale.Version+1 {
		t.Fatalf("version %d after replacing the file, want %d", d.Version, stale.Version+1)
	}
	if err := f.s.ReplaceDocumentFile(&stale, []byte("%PDF-1.4 from an older copy")); !errors.Is(err, ErrStale) {
		t.Fatalf("replacing from a stale copy = %v, want ErrStale", err)
	}
	got, _ = f.s.DocumentPDF(d.ID)
	if string(got) != "%PDF-1.7 the revised report" {
		t.Fatalf("after a refused replace the file holds %q", got)
	}
	// Saving the title and exempt status leaves the file alone.
	d.Title, d.Exempt = "Revised report", false
	must(t, ErrOf(f.s.Save(&d)))
	if d.ExemptParagraph != 0 {
		t.Fatalf("a document no longer exempt keeps paragraph %d", d.ExemptParagraph)
	}
	if ex, _ := d.ExemptUnder(Item{Exempt: true, ExemptParagraph: 1}); !ex {
		t.Fatal("a document of an exempt item is not exempt")
	}
	if err := f.s.AddDocumentFile(&Document{ItemID: it.ID, Title: "Empty"}, nil); !errors.Is(err, ErrInvalid) {
		t.Fatalf("an empty file = %v", err)
	}
	must(t, f.s.DeleteDocument(d.ID))
	if n := count(t, f.s, "SELECT count(*) FROM document_files"); n != 0 {
		t.Fatalf("%d files left after the document was deleted", n)
	}
}
