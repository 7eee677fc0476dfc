package pack

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
	"github.com/minutebook/minutebook/export"
)

// report draws a real multi-page PDF, as a council's report would come: each page says its
// title and "page i of n" in its own words, and has its own footer near the foot.
func report(t testing.TB, title string, pages int, protect bool) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	if protect {
		pdf.SetProtection(gofpdf.CnProtectPrint, "open sesame", "owner")
	}
	pdf.SetFont("Helvetica", "", 14)
	for i := 1; i <= pages; i++ {
		pdf.AddPage()
		pdf.SetXY(20, 30)
		pdf.Cell(0, 10, fmt.Sprintf("%s, sheet %d of %d", title, i, pages))
		pdf.SetXY(20, 50)
		pdf.MultiCell(170, 6, strings.Repeat("The Panel is asked to note the report. ", 20), "", "L", false)
		pdf.SetXY(20, 270)
		pdf.SetFont("Helvetica", "", 8)
		pdf.Cell(0, 5, "Thames Valley Police - Official")
		pdf.SetFont("Helvetica", "", 14)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// example is the example database with documents on the example meeting: a five-page report
// and a three-page exempt appendix on the serious organised crime item, and a two-page
// report on the exempt complaint item (exempt through its item).
type example struct {
	s        *data.Store
	meeting  int64
	report   data.Document
	appendix data.Document
	private  data.Document
}

func newExample(t testing.TB) *example {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Write(s); err != nil {
		t.Fatal(err)
	}
	ex := &example{s: s}
	ms, err := s.Meetings(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Date == demo.ExampleMeetingDate {
			ex.meeting = m.ID
		}
	}
	// The example's minutes are approved; its papers are added as they were before the
	// meeting, with the minutes open.
	if err := s.ReopenMeeting(ex.meeting); err != nil {
		t.Fatal(err)
	}
	fm, err := s.LoadMeeting(ex.meeting)
	if err != nil {
		t.Fatal(err)
	}
	add := func(title, item string, pages int, exempt bool) data.Document {
		for _, it := range fm.Items {
			if it.Title == item {
				d := data.Document{ItemID: it.ID, Title: title, File: title + ".pdf", Pages: pages, Exempt: exempt}
				if exempt {
					d.ExemptParagraph = 3
				}
				if err := s.AddDocumentFile(&d, report(t, title, pages, false)); err != nil {
					t.Fatal(err)
				}
				return d
			}
		}
		t.Fatalf("no item %q", item)
		return data.Document{}
	}
	ex.report = add("Report of the PCC on organised crime", "Fighting Serious Organised Crime", 5, false)
	ex.appendix = add("Appendix B Hanborough informant costings", "Fighting Serious Organised Crime", 3, true)
	ex.private = add("Sub-Committee report on the Featherstonehaugh complaint", demo.ExemptItemTitle, 2, false)
	return ex
}

func (ex *example) write(t testing.TB, ed export.Edition, name string) (string, Report) {
	t.Helper()
	src, err := Load(ex.s, ex.meeting, ed)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rep, err := Write(&buf, src, Options{Edition: ed})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, rep
}

// poppler runs a poppler-utils tool; a missing tool fails the test.
func poppler(t testing.TB, tool string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		t.Fatalf("%s is missing: install poppler-utils (apt-get install poppler-utils, or make deps)", tool)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// page is the text of one page, as pdftotext reads it alone.
func page(t testing.TB, path string, n int) string {
	t.Helper()
	return flat(poppler(t, "pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-layout", path, "-"))
}

func pageCount(t testing.TB, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(poppler(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo gives no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

type outlineEntry struct {
	page  int
	title string
}

// outline reads the pack's bookmarks with pdftohtml -xml, nested ones included.
func outline(t testing.TB, path string) []outlineEntry {
	t.Helper()
	xml := poppler(t, "pdftohtml", "-xml", "-i", "-q", "-stdout", path)
	var out []outlineEntry
	for _, m := range regexp.MustCompile(`<item page="(\d+)">([^<]*)</item>`).FindAllStringSubmatch(xml, -1) {
		p, _ := strconv.Atoi(m[1])
		out = append(out, outlineEntry{p, html.UnescapeString(m[2])})
	}
	return out
}

// contentsNumber finds an entry on the contents page and the page number printed at the
// end of its line.
func contentsNumber(t *testing.T, contents, title string) int {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(title) + `\s+(\d+)(\s|$)`).FindStringSubmatch(contents)
	if m == nil {
		t.Fatalf("the contents page has no page number for %q:\n%s", title, contents)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestPackOfTheExampleMeeting makes the public and confidential packs of the example meeting
// and checks them as a reader would: the contents page's numbers are where each part starts
// (pdftotext page by page), every page is stamped "Page N of M" in one sequence that is the
// viewer's, there is a bookmark for each part, item and document, and the two editions differ
// exactly by the exempt documents.
func TestPackOfTheExampleMeeting(t *testing.T) {
	ex := newExample(t)
	type pack struct {
		path    string
		rep     Report
		pages   int
		texts   []string
		outline []outlineEntry
	}
	editions := map[export.Edition]*pack{}
	for _, ed := range []export.Edition{export.PublicEdition, export.ConfidentialEdition} {
		path, rep := ex.write(t, ed, "pack-"+ed.String()+".pdf")
		p := &pack{path: path, rep: rep, pages: pageCount(t, path), outline: outline(t, path)}
		for n := 1; n <= p.pages; n++ {
			p.texts = append(p.texts, page(t, path, n))
		}
		editions[ed] = p
		t.Run(ed.String(), func(t *testing.T) {
			if p.pages != rep.Pages {
				t.Fatalf("pdfinfo counts %d pages, the report %d", p.pages, rep.Pages)
			}
			for n, text := range p.texts {
				if want := fmt.Sprintf("Page %d of %d", n+1, p.pages); !strings.Contains(text, want) {
					t.Errorf("page %d is not stamped %q: %s", n+1, want, text)
				}
			}
			contents := p.texts[0]
			// Each part starts where the contents page says: its first page shows what only
			// that page shows, and the page before it does not.
			starts := map[string]string{
				"Agenda": "Membership: Cllr Margaret Ashworth (Chairman)",
				"Minutes of the previous meeting, Friday 23 June 2023": "Minutes of the annual meeting held on Friday 23 June 2023",
				"Action log as at Friday 15 September 2023":            "Action log as at 15 September 2023 Actions still to do",
				ex.report.Title: ex.report.Title + ", sheet 1 of 5",
			}
			if ed == export.ConfidentialEdition {
				starts[ex.appendix.Title] = ex.appendix.Title + ", sheet 1 of 3"
				starts[ex.private.Title] = ex.private.Title + ", sheet 1 of 2"
			}
			for title, first := range starts {
				n := contentsNumber(t, contents, title)
				if n < 2 || n > p.pages {
					t.Fatalf("the contents put %q on page %d of %d", title, n, p.pages)
				}
				if !strings.Contains(p.texts[n-1], first) {
					t.Errorf("the contents put %q on page %d, which shows: %s", title, n, p.texts[n-1])
				}
				if strings.Contains(p.texts[n-2], first) {
					t.Errorf("%q already starts on page %d", title, n-1)
				}
			}
			// The documents run in order, every page of each in the pack once.
			at := contentsNumber(t, contents, ex.report.Title)
			for i := 1; i <= 5; i++ {
				if want := fmt.Sprintf("%s, sheet %d of 5", ex.report.Title, i); !strings.Contains(p.texts[at+i-2], want) {
					t.Errorf("page %d is not sheet %d of the report", at+i-1, i)
				}
			}
			// One bookmark per part, per item and per document, at the pages they start.
			fm, err := ex.s.LoadMeeting(ex.meeting)
			if err != nil {
				t.Fatal(err)
			}
			marks := map[string]int{}
			for _, o := range p.outline {
				marks[o.title]++
			}
			want := []string{"Contents", "Agenda", "Minutes of the previous meeting, Friday 23 June 2023", "Action log as at Friday 15 September 2023", ex.report.Title}
			for _, it := range fm.Items {
				want = append(want, it.Number+" "+it.Title)
			}
			if ed == export.ConfidentialEdition {
				want = append(want, ex.appendix.Title, ex.private.Title)
			}
			for _, w := range want {
				if marks[w] != 1 {
					t.Errorf("%d bookmarks titled %q, want 1 (outline %v)", marks[w], w, p.outline)
				}
			}
			if len(p.outline) != len(want) {
				t.Errorf("%d bookmarks, want %d: %v", len(p.outline), len(want), p.outline)
			}
			for _, o := range p.outline {
				for title, first := range starts {
					if o.title == title && !strings.Contains(p.texts[o.page-1], first) {
						t.Errorf("the bookmark %q points at page %d: %s", title, o.page, p.texts[o.page-1])
					}
				}
				// An item's bookmark is its place in the agenda.
				for _, it := range fm.Items {
					if o.title == it.Number+" "+it.Title && !strings.Contains(p.texts[o.page-1], flat(it.Title)) {
						t.Errorf("the bookmark of item %s points at page %d, which does not list it", it.Number, o.page)
					}
				}
			}
		})
	}

	public, confidential := editions[export.PublicEdition], editions[export.ConfidentialEdition]
	all := strings.ToLower(strings.Join(public.texts, " "))
	for _, secret := range []string{"hanborough", "featherstonehaugh", "sub-committee report", "abingdon"} {
		if strings.Contains(all, secret) {
			t.Errorf("the public pack prints %q", secret)
		}
	}
	raw, _ := os.ReadFile(public.path)
	if bytes.Contains(bytes.ToLower(raw), []byte("hanborough")) {
		t.Error("the public pack's bytes hold the exempt appendix's title")
	}
	if !strings.Contains(flat(public.texts[0]), "An exempt document – not included in the public pack: exempt – Schedule 12A, paragraph 3") {
		t.Errorf("the public contents do not say why the appendix is left out: %s", public.texts[0])
	}
	// The editions differ by the exempt documents: the confidential pack has exactly their
	// pages more in its documents, and each page of a public document reads the same.
	docPages := func(p *pack) (n int, titles []string) {
		for _, part := range p.rep.Parts {
			if part.Level == 1 {
				n += part.Pages
				titles = append(titles, part.Title)
			}
		}
		return n, titles
	}
	pn, pt := docPages(public)
	cn, ct := docPages(confidential)
	if pn != 5 || cn != 5+3+2 || strings.Join(pt, "|") != ex.report.Title ||
		strings.Join(ct, "|") != ex.report.Title+"|"+ex.appendix.Title+"|"+ex.private.Title {
		t.Errorf("public documents %v (%d pages), confidential %v (%d pages)", pt, pn, ct, cn)
	}
	pAt, cAt := contentsNumber(t, public.texts[0], ex.report.Title), contentsNumber(t, confidential.texts[0], ex.report.Title)
	for i := range 5 {
		strip := func(s string) string { return regexp.MustCompile(`Page \d+ of \d+`).ReplaceAllString(s, "") }
		if strip(public.texts[pAt-1+i]) != strip(confidential.texts[cAt-1+i]) {
			t.Errorf("sheet %d of the report reads differently in the two packs", i+1)
		}
	}
}

// TestPackRefusesBadDocuments: a document that is damaged, password-protected or not a PDF
// at all is named in one sentence, and nothing of the pack is written.
func TestPackRefusesBadDocuments(t *testing.T) {
	good := report(t, "A good report", 3, false)
	ownerOnly := func() []byte {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetProtection(gofpdf.CnProtectPrint, "", "owner")
		pdf.AddPage()
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"damaged", good[:len(good)/2], "is damaged and cannot be read as a PDF"},
		{"garbled", bytes.Replace(good, []byte("/Type /Pages"), []byte("/Type /Pagez"), 1), "is damaged and cannot be read as a PDF"},
		{"encrypted", report(t, "A protected report", 2, true), "is password-protected"},
		{"restricted without a password", ownerOnly, "is password-protected"},
		{"not a PDF", []byte("PK\x03\x04 a Word document, not a PDF"), "is not a PDF"},
		{"empty text", []byte("Minutes of the meeting\n"), "is not a PDF"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := CheckPDF(c.file); err == nil || !strings.Contains(PDFProblem(err), strings.TrimPrefix(c.want, "is ")) {
				t.Errorf("CheckPDF = %v (%s), want it to say %q", err, PDFProblem(err), c.want)
			}
			ex := newExample(t)
			d := ex.report
			d.File = "bad.pdf"
			if err := ex.s.ReplaceDocumentFile(&d, c.file); err != nil {
				t.Fatal(err)
			}
			src, err := Load(ex.s, ex.meeting, export.PublicEdition)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			_, err = Write(&buf, src, Options{})
			want := "The document “" + d.Title + "” of item PCP 11/23 " + c.want
			if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), ". ") > 0 {
				t.Fatalf("Write = %v, want one sentence starting %q", err, want)
			}
			if buf.Len() != 0 {
				t.Fatalf("%d bytes of a pack were written", buf.Len())
			}
		})
	}
	if n, err := CheckPDF(good); err != nil || n != 3 {
		t.Fatalf("CheckPDF of a good report = %d, %v", n, err)
	}
	t.Run("no file added", func(t *testing.T) {
		ex := newExample(t)
		fm, _ := ex.s.LoadMeeting(ex.meeting)
		if err := ex.s.AddDocument(&data.Document{ItemID: fm.Items[4].ID, Title: "Performance report"}); err != nil {
			t.Fatal(err)
		}
		src, _ := Load(ex.s, ex.meeting, export.PublicEdition)
		_, err := Write(&bytes.Buffer{}, src, Options{})
		if err == nil || !strings.Contains(err.Error(), "“Performance report” of item PCP 12/23 has no PDF in the minute book") {
			t.Fatalf("Write = %v", err)
		}
	})
}

// TestPackPreviousMinutesDraftMark makes the pack with the previous meeting's minutes
// approved and then not yet approved: unapproved, every page of those minutes (pdftotext page
// by page) is marked DRAFT, and the contents and the bookmark call them draft; approved,
// no page of the pack is marked and neither entry says draft.
func TestPackPreviousMinutesDraftMark(t *testing.T) {
	const (
		mark     = "DRAFT – subject to approval"
		approved = "Minutes of the previous meeting, Friday 23 June 2023"
		draft    = approved + " (draft)"
	)
	for _, c := range []struct {
		name     string
		reopen   bool
		title    string
		notTitle string
	}{
		{"approved", false, approved, draft},
		{"not approved", true, draft, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex := newExample(t)
			src, err := Load(ex.s, ex.meeting, export.PublicEdition)
			if err != nil {
				t.Fatal(err)
			}
			if src.Previous == nil || src.Previous.Date != "2023-06-23" || !src.Previous.Approved() {
				t.Fatalf("the example's previous meeting is not the approved one of 23 June 2023: %+v", src.Previous)
			}
			if c.reopen {
				if err := ex.s.ReopenMeeting(src.Previous.ID); err != nil {
					t.Fatal(err)
				}
			}
			path, rep := ex.write(t, export.PublicEdition, "pack.pdf")
			var minutes *Part
			for i, p := range rep.Parts {
				if p.Title == c.title {
					minutes = &rep.Parts[i]
				}
				if c.notTitle != "" && p.Title == c.notTitle {
					t.Errorf("the pack calls the approved minutes %q", p.Title)
				}
			}
			if minutes == nil || minutes.Pages == 0 {
				t.Fatalf("the pack has no part %q: %+v", c.title, rep.Parts)
			}
			n := pageCount(t, path)
			for p := 1; p <= n; p++ {
				text := page(t, path, p)
				inMinutes := p >= minutes.Page && p < minutes.Page+minutes.Pages
				if got, want := strings.Contains(text, mark), c.reopen && inMinutes; got != want {
					t.Errorf("page %d (minutes %v) marked %q: %v, want %v: %s", p, inMinutes, mark, got, want, text)
				}
			}
			if got := contentsNumber(t, page(t, path, 1), c.title); got != minutes.Page {
				t.Errorf("the contents put %q on page %d, the minutes start on %d", c.title, got, minutes.Page)
			}
			if !strings.Contains(page(t, path, minutes.Page), "Minutes of the annual meeting held on Friday 23 June 2023") {
				t.Errorf("page %d is not the previous minutes' first", minutes.Page)
			}
			marks := 0
			for _, o := range outline(t, path) {
				if o.title == c.title && o.page == minutes.Page {
					marks++
				}
				if c.notTitle != "" && o.title == c.notTitle {
					t.Errorf("a bookmark calls the approved minutes %q", o.title)
				}
			}
			if marks != 1 {
				t.Errorf("%d bookmarks %q at page %d, want 1", marks, c.title, minutes.Page)
			}
		})
	}
}
