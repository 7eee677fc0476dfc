package pack

import (
	"fmt"
	"io"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
)

// BenchmarkPack300Pages makes the example meeting's pack with 20 reports of 15 pages each
// (300 pages of papers; 307 in the pack, with its own seven pages of contents, agenda,
// minutes and action log), from the minute book: the PDFs are read from the database,
// checked, merged, bookmarked and stamped in each run.
func BenchmarkPack300Pages(b *testing.B) {
	ex := newExample(b)
	fm, err := ex.s.LoadMeeting(ex.meeting)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range []data.Document{ex.report, ex.appendix, ex.private} {
		if err := ex.s.DeleteDocument(d.ID); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 20 {
		it := fm.Items[3+i%4] // the four substantive items
		d := data.Document{ItemID: it.ID, Title: fmt.Sprintf("Report %d", i+1), Pages: 15}
		if err := ex.s.AddDocumentFile(&d, report(b, d.Title, 15, false)); err != nil {
			b.Fatal(err)
		}
	}
	src, err := Load(ex.s, ex.meeting, export.ConfidentialEdition)
	if err != nil {
		b.Fatal(err)
	}
	var pages int
	b.ResetTimer()
	for range b.N {
		rep, err := Write(io.Discard, src, Options{Edition: export.ConfidentialEdition})
		if err != nil {
			b.Fatal(err)
		}
		pages = rep.Pages
	}
	b.ReportMetric(float64(pages), "pages")
}
