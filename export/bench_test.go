package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// largestMeeting loads the largest meeting of the large example database (40 items of 40
// paragraphs each, with their questions).
func largestMeeting(b *testing.B) *data.FullMeeting {
	b.Helper()
	s := logLargeStore(b)
	ms, err := s.Meetings(0)
	if err != nil {
		b.Fatal(err)
	}
	largest := ms[0]
	for _, m := range ms {
		if m.Items > largest.Items {
			largest = m
		}
	}
	fm, err := s.LoadMeeting(largest.ID)
	if err != nil {
		b.Fatal(err)
	}
	return fm
}

// BenchmarkMinutesLargest writes the minutes of the largest meeting, confidential, in each
// format.
func BenchmarkMinutesLargest(b *testing.B) {
	fm := largestMeeting(b)
	for _, f := range Formats {
		write, _ := MinutesWriterIn(f)
		b.Run(string(f), func(b *testing.B) {
			var buf bytes.Buffer
			var rep MinutesReport
			for b.Loop() {
				buf.Reset()
				var err error
				if rep, err = write(&buf, fm, MinutesOptions{Edition: ConfidentialEdition}); err != nil {
					b.Fatal(err)
				}
			}
			if f == PDF {
				b.ReportMetric(float64(rep.Pages), "pages")
			}
			b.ReportMetric(float64(buf.Len())/1024, "KiB")
		})
	}
}

// BenchmarkActionLog writes the log of every action of the large example (about 8,000) in
// each format, and for the PDF also with the query.
func BenchmarkActionLog(b *testing.B) {
	s := logLargeStore(b)
	q := data.ActionLogQuery{AsAt: "2026-11-27", Status: data.LogAll}
	log := queryLog(b, s, q)
	for _, f := range append(append([]Format(nil), Formats...), CSV) {
		write, _ := ActionLogWriterIn(f)
		b.Run(string(f), func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := write(&buf, log, ActionLogOptions{Edition: ConfidentialEdition}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(log.Rows)), "rows")
			b.ReportMetric(float64(buf.Len())/1e6, "MB")
		})
	}
	b.Run("pdf with the query", func(b *testing.B) {
		for b.Loop() {
			if err := ActionLog(io.Discard, queryLog(b, s, q), ActionLogOptions{Edition: ConfidentialEdition}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMinutesLongBodyName writes the minutes of a meeting of a body whose name is
// 12,000 characters long, which the footer of every page shortens (17 s before the footer
// measured each character once).
func BenchmarkMinutesLongBodyName(b *testing.B) {
	fm := generatedMeeting(3)
	fm.Body.Name = strings.Repeat("Joint Scrutiny Committee of Łódź and Ynys Môn ", 261)[:12000]
	var rep MinutesReport
	for b.Loop() {
		var err error
		if rep, err = Minutes(io.Discard, fm, MinutesOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rep.Pages), "pages")
}

// exampleAs25Items is the example meeting with its published example item 25 times over.
func exampleAs25Items(b testing.TB) *data.FullMeeting {
	b.Helper()
	fm := meetingOn(b, demoStore(b), demo.ExampleMeetingDate)
	example := *itemTitled(b, fm, demo.ExampleItemTitle)
	fm.Items = nil
	for i := range 25 {
		it := example
		it.ID, it.Number = int64(i+1), fmt.Sprintf("PCP %d/23", i+1)
		fm.Items = append(fm.Items, it)
	}
	return fm
}

// plainGofpdf is the plain gofpdf program the minutes are measured against: the same fonts
// and the same text, set with gofpdf's own MultiCell and footer, none of Minutebook's
// layout (no keep rules, no hanging numbers, no glued names), in about 40 lines.
func plainGofpdf(w io.Writer, fm *data.FullMeeting) error {
	pdf := gofpdf.New("P", "mm", "A4", "")
	for i, st := range fontStyles {
		pdf.AddUTF8FontFromBytes("Go", string(st), fontBytes[i])
	}
	pdf.SetMargins(25, 26, 20)
	pdf.SetAutoPageBreak(true, 24)
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-17)
		pdf.SetFont("Go", "", 9)
		pdf.CellFormat(100, 5, fm.Body.Name, "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont("Go", "B", 16)
	pdf.MultiCell(0, 7.5, fm.Body.Name, "", "L", false)
	pdf.SetFont("Go", "B", 12)
	pdf.MultiCell(0, 6, "Minutes of the meeting held on "+data.LongDate(fm.Date), "", "L", false)
	para := func(style, text string, indent float64) {
		pdf.SetFont("Go", style, 11)
		pdf.SetX(25 + indent)
		pdf.MultiCell(0, 5.2, text, "", "L", false)
		pdf.Ln(2.6)
	}
	for _, it := range fm.Items {
		para("B", it.Number+"  "+it.Title+"  "+it.Time, 0)
		para("I", it.ReportSummary, 20)
		for _, p := range strings.Split(it.Minutes, "\n\n") {
			para("", p, 20)
		}
		para("B", "Members’ Questions:", 20)
		for _, q := range it.Questions {
			para("", fmt.Sprintf("(%d) %s", q.Number, q.Question), 20)
			para("", q.Answer, 37)
		}
		for _, r := range it.Resolutions {
			para("", "RESOLVED – "+r.Text, 20)
		}
	}
	return pdf.Output(w)
}

// cpuTime is the process's CPU time so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMinutesVersusPlainGofpdf writes the example item as 25 items with Minutebook and
// with the plain gofpdf program, one after the other in each iteration, and reports each
// one's CPU time and their ratio (the aim: no more than 1.2).
func BenchmarkMinutesVersusPlainGofpdf(b *testing.B) {
	fm := exampleAs25Items(b)
	var ours, plain time.Duration
	var pages int
	for b.Loop() {
		t0 := cpuTime()
		rep, err := Minutes(io.Discard, fm, MinutesOptions{})
		if err != nil {
			b.Fatal(err)
		}
		t1 := cpuTime()
		if err := plainGofpdf(io.Discard, fm); err != nil {
			b.Fatal(err)
		}
		t2 := cpuTime()
		ours, plain, pages = ours+t1-t0, plain+t2-t1, rep.Pages
	}
	n := float64(b.N)
	b.ReportMetric(float64(ours.Microseconds())/1000/n, "minutebook-cpu-ms")
	b.ReportMetric(float64(plain.Microseconds())/1000/n, "gofpdf-cpu-ms")
	b.ReportMetric(float64(ours)/float64(plain), "cpu-ratio")
	b.ReportMetric(float64(pages), "pages")
}
