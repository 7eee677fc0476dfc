package export

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

var logSamples = flag.String("actionlog.samples", "", "keep the action logs the tests write in this folder")

// logDemoStore writes the example panel into a new database under t.TempDir() and returns
// it with the panel.
func logDemoStore(t testing.TB) (*data.Store, data.Body) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Write(s); err != nil {
		t.Fatal(err)
	}
	b, err := s.BodyByName(demo.PanelName)
	if err != nil {
		t.Fatal(err)
	}
	return s, b
}

// logLargeStore opens a copy, under t.TempDir(), of the large example database.
func logLargeStore(t testing.TB) *data.Store {
	t.Helper()
	path, err := demo.LargeCopy(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func queryLog(t testing.TB, s *data.Store, q data.ActionLogQuery) *data.ActionLog {
	t.Helper()
	log, err := s.ActionLog(q)
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// writeLog writes the log through WriteFile into name under t.TempDir() (and the samples
// folder, if asked), in the format name's extension chooses, and returns the path.
func writeLog(t testing.TB, log *data.ActionLog, opts ActionLogOptions, name string) string {
	t.Helper()
	write, err := ActionLogWriterFor(name)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := WriteFile(path, func(w io.Writer) error { return write(w, log, opts) }); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	if *logSamples != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*logSamples, name), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// logPDFPages is the text of each page, as pdftotext -layout reads it.
func logPDFPages(t testing.TB, path string) []string {
	t.Helper()
	pages := strings.Split(poppler(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// logPDFInfo reads a field of pdfinfo's report.
func logPDFInfo(t testing.TB, path, field string) string {
	t.Helper()
	for _, line := range strings.Split(poppler(t, "pdfinfo", path), "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && name == field {
			return strings.TrimSpace(value)
		}
	}
	t.Fatalf("pdfinfo %s: no %s", path, field)
	return ""
}

// headerRow matches the table's header row as pdftotext lays it out.
var headerRow = regexp.MustCompile(`Reference\s+Meeting\s+Minute\s+Action\s+Owner\s+Due\s+Status\s+Latest update`)

// refCounter counts how often action references occur in a text as whole words.
type refCounter struct {
	words  []string
	counts map[int]map[string]int // by the number of words in a reference
}

func newRefCounter(text string) *refCounter {
	return &refCounter{words: strings.Fields(text), counts: map[int]map[string]int{}}
}

func (c *refCounter) count(ref string) int {
	n := len(strings.Fields(ref))
	if c.counts[n] == nil {
		m := map[string]int{}
		for i := 0; i+n <= len(c.words); i++ {
			m[strings.Join(c.words[i:i+n], " ")]++
		}
		c.counts[n] = m
	}
	return c.counts[n][strings.Join(strings.Fields(ref), " ")]
}

// checkPages checks what every page of an action log has: the page size, the header row
// and "Page N of M".
func checkPages(t *testing.T, path string, pages []string) {
	t.Helper()
	if got := logPDFInfo(t, path, "Page size"); !strings.HasPrefix(got, "841.89 x 595.28 pts") {
		t.Errorf("page size %q, want A4 landscape (841.89 x 595.28 pts)", got)
	}
	if got := logPDFInfo(t, path, "Pages"); got != fmt.Sprint(len(pages)) {
		t.Errorf("pdfinfo says %s pages, pdftotext read %d", got, len(pages))
	}
	for i, p := range pages {
		if !headerRow.MatchString(p) {
			t.Errorf("page %d lacks the header row:\n%s", i+1, p)
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
}

func TestActionLogPDFDemo(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20"})
	tests := []struct {
		name     string
		opts     ActionLogOptions
		want     []string
		wantNot  []string
		wantRows int
	}{
		{"confidential", ActionLogOptions{Edition: ConfidentialEdition}, []string{
			"CONFIDENTIAL – NOT FOR PUBLICATION",
			"Summary: 9 open (4 overdue, 3 due within 14 days, 1 on track, 1 with no due date); 0 completed since the last meeting on 21 June 2024.",
			"Write to Mr Featherstonehaugh", "Exempt item",
		}, nil, 9},
		{"public", ActionLogOptions{Edition: PublicEdition}, []string{
			"Summary: 8 open (3 overdue, 3 due within 14 days, 1 on track, 1 with no due date)",
		}, []string{"Featherstonehaugh", "PCP 13/23-A1", "CONFIDENTIAL", "Exempt"}, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeLog(t, log, tc.opts, "actionlog-demo-"+tc.name+".pdf")
			pages := logPDFPages(t, path)
			checkPages(t, path, pages)
			text := strings.Join(pages, "\n")
			flatText := strings.Join(strings.Fields(text), " ")
			for _, w := range append([]string{
				demo.PanelName, "Action log as at 20 September 2024",
				"Actions still to do, and those completed or dropped since the last meeting (21 June 2024).",
				"From the meetings of 23 June 2023, 15 September 2023, 24 November 2023, 2 February 2024, 21 June 2024 and 20 September 2024.",
				"Overdue", "Due within 14 days", "On track", "No due date", "Done or dropped",
				"Provide road casualty figures by district", "Q3 and Q4 data being validated by providers.",
			}, tc.want...) {
				if !strings.Contains(flatText, w) {
					t.Errorf("the log lacks %q", w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(flatText, w) {
					t.Errorf("the %s log has %q", tc.name, w)
				}
			}
			listed, refs := 0, newRefCounter(text)
			for _, r := range log.Rows {
				n := refs.count(r.Ref)
				if r.Exempt && tc.opts.public() {
					if n != 0 {
						t.Errorf("%s (exempt) appears %d times in the public log", r.Ref, n)
					}
					continue
				}
				if n != 1 {
					t.Errorf("%s appears %d times, want once", r.Ref, n)
				}
				listed++
			}
			if listed != tc.wantRows {
				t.Errorf("%d rows, want %d", listed, tc.wantRows)
			}
		})
	}
}

// TestActionLogPDFIsDeterministic checks that the same log gives the same bytes, dated the
// log's date.
func TestActionLogPDFIsDeterministic(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
	var one, two bytes.Buffer
	if err := ActionLog(&one, log, ActionLogOptions{Edition: ConfidentialEdition}); err != nil {
		t.Fatal(err)
	}
	if err := ActionLog(&two, log, ActionLogOptions{Edition: ConfidentialEdition}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("two renderings of the same log differ")
	}
	path := writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog-demo-all.pdf")
	if got := logPDFInfo(t, path, "CreationDate"); !strings.Contains(got, "Sep 20") || !strings.Contains(got, "2024") {
		t.Errorf("CreationDate %q, want the log's date, 20 September 2024", got)
	}
}

// TestActionLogPDFLarge checks a 30-page log from the large example: the header row on every
// page, "Page N of M", and every action's reference exactly once, none lost or repeated at a
// page break.
func TestActionLogPDFLarge(t *testing.T) {
	s := logLargeStore(t)
	b, err := s.BodyByName("PCP")
	if err != nil {
		t.Fatal(err)
	}
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2026-11-27"})
	path := writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog-large.pdf")
	pages := logPDFPages(t, path)
	if len(pages) < 30 {
		t.Fatalf("%d pages from %d rows, want a log of at least 30", len(pages), len(log.Rows))
	}
	checkPages(t, path, pages)
	text := strings.Join(pages, "\n")
	refs := newRefCounter(text)
	for _, r := range log.Rows {
		if n := refs.count(r.Ref); n != 1 {
			t.Errorf("%s appears %d times, want once", r.Ref, n)
		}
	}
	if strings.Contains(text, "(continued)") {
		t.Error("a row was split, but none is taller than a page")
	}
	t.Logf("%d rows on %d pages", len(log.Rows), len(pages))
}

// TestActionLogPDFTallRow checks a row taller than a page: it is split with "(continued)",
// and every word of it appears once, in order; the rows around it are whole.
func TestActionLogPDFTallRow(t *testing.T) {
	var words []string
	for i := 1; i <= 900; i++ {
		words = append(words, fmt.Sprintf("w%03d", i))
	}
	row := func(ref, text string) data.ActionLogRow {
		return data.ActionLogRow{Action: data.Action{Ref: ref, MeetingDate: "2024-09-20", Minute: "PCP 10/24", Owner: "PCC",
			Text: text, Due: "2024-10-04", Status: data.ActionOpen}, StatusAsAt: data.ActionOpen, RAG: data.RAGAmber}
	}
	log := &data.ActionLog{
		Query: data.ActionLogQuery{AsAt: "2024-09-20", Status: data.LogOpen},
		Body:  data.Body{Name: demo.PanelName},
		Rows: []data.ActionLogRow{
			row("PCP 10/24-A1", "The row before."),
			row("PCP 10/24-A2", strings.Join(words, " ")),
			row("PCP 10/24-A3", "The row after."),
		},
		Summary: data.ActionLogSummary{Listed: 3, Open: 3, DueSoon: 3},
	}
	path := writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog-tall-row.pdf")
	pages := logPDFPages(t, path)
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the tall row across at least 3", len(pages))
	}
	checkPages(t, path, pages)
	text := strings.Join(pages, "\n")
	if n := strings.Count(text, "(continued)"); n != len(pages)-1 {
		t.Errorf("%d \"(continued)\" on %d pages", n, len(pages))
	}
	last := -1
	for _, w := range words {
		i := strings.Index(text, w)
		if i < 0 || strings.Count(text, w) != 1 {
			t.Fatalf("%s appears %d times, want once", w, strings.Count(text, w))
		}
		if i < last {
			t.Fatalf("%s is out of order", w)
		}
		last = i
	}
	for _, w := range []string{"The row before.", "The row after.", "PCP 10/24-A1", "PCP 10/24-A2", "PCP 10/24-A3"} {
		if strings.Count(text, w) != 1 {
			t.Errorf("%q appears %d times, want once", w, strings.Count(text, w))
		}
	}
}

// TestActionLogPDFDrawsAnyText checks that text the fonts cannot draw is replaced, not
// fatal, and that every character the fonts can draw is printed.
func TestActionLogPDFDrawsAnyText(t *testing.T) {
	log := &data.ActionLog{
		Query: data.ActionLogQuery{AsAt: "2024-09-20", Status: data.LogAll},
		Body:  data.Body{Name: "Cyngor Sir Ynys Môn – Pwyllgor Sgriwtini"},
		Rows: []data.ActionLogRow{{Action: data.Action{Ref: "PSG 1/24-A1", MeetingDate: "2024-09-20", Owner: "Cllr Łucja Nowak",
			Text: "Report on Tŷ Hafan’s “£1.2m” bid 🚓 with a\x00null and a\ttab.", Status: data.ActionOpen},
			StatusAsAt: data.ActionOpen, RAG: data.RAGNone,
			Latest: data.ActionUpdate{Date: "2024-09-21", Text: "Ŵyn ŷ – done?"}}},
	}
	path := writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog-glyphs.pdf")
	text := strings.Join(strings.Fields(strings.Join(logPDFPages(t, path), " ")), " ")
	for _, w := range []string{"Cyngor Sir Ynys Môn – Pwyllgor Sgriwtini", "Cllr Łucja Nowak", "Tŷ Hafan’s “£1.2m” bid \uFFFD", "a\uFFFDnull", "Ŵyn ŷ – done?"} {
		if !strings.Contains(text, w) {
			t.Errorf("the log lacks %q:\n%s", w, text)
		}
	}
}

func TestActionLogEmpty(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Owner: "Nobody"})
	path := writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog-empty.pdf")
	pages := logPDFPages(t, path)
	checkPages(t, path, pages)
	if !strings.Contains(pages[0], "No actions match this log.") || !strings.Contains(pages[0], "Only actions for Nobody.") {
		t.Errorf("empty log:\n%s", pages[0])
	}
}

func TestActionLogWriterFor(t *testing.T) {
	tests := []struct {
		path string
		ok   bool
	}{
		{"actions.pdf", true}, {"ACTIONS.PDF", true}, {"out/actions.csv", true}, {"actions.xlsx", false}, {"actions", false},
	}
	for _, tc := range tests {
		if _, err := ActionLogWriterFor(tc.path); (err == nil) != tc.ok {
			t.Errorf("ActionLogWriterFor(%q) err = %v, want ok %v", tc.path, err, tc.ok)
		}
	}
}
