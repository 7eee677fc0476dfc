package export

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// styleSheet is the <style> of an HTML file, white space run together.
func styleSheet(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindSubmatch(raw)
	if m == nil {
		t.Fatalf("%s has no style sheet", path)
	}
	return flat(string(m[1]))
}

// printRules is the body of the style sheet's @media print block.
func printRules(t *testing.T, css string) string {
	t.Helper()
	m := regexp.MustCompile(`@media print \{(.*?\}) \}`).FindStringSubmatch(css)
	if m == nil {
		t.Fatalf("the style sheet has no @media print block: %s", css)
	}
	return m[1]
}

// printHTML prints an HTML file to PDF with headless Chromium, as a browser's Print does,
// without the browser's own header and footer.
func printHTML(t *testing.T, path string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".html")+".pdf")
	cmd := exec.Command(chromium(t), "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+path)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium could not print %s: %v\n%s", path, err, msg)
	}
	return out
}

// pageBox is a PDF's first page size and where its words reach, all in millimetres.
type pageBox struct{ width, height, left, right float64 }

var (
	pageSizeLine = regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)
	wordBox      = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"`)
)

func firstPageBox(t *testing.T, path string) pageBox {
	t.Helper()
	toMM := func(s string) float64 {
		v, _ := strconv.ParseFloat(s, 64)
		return v * 25.4 / 72
	}
	m := pageSizeLine.FindStringSubmatch(poppler(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo gives no page size for %s", path)
	}
	b := pageBox{width: toMM(m[1]), height: toMM(m[2]), left: 1e9}
	for _, w := range wordBox.FindAllStringSubmatch(poppler(t, "pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-"), -1) {
		b.left, b.right = min(b.left, toMM(w[1])), max(b.right, toMM(w[2]))
	}
	return b
}

// near reports whether a and b are within a millimetre.
func near(a, b float64) bool { return a-b < 1 && b-a < 1 }

// TestPrintCSSMatchesThePDF checks the HTML editions' print style sheet against the PDFs:
// the @page rule is A4 (portrait for the minutes, landscape for the action log) with the
// PDF's margins, taken from the same layout constants; the @media print rules keep an
// item's heading with its text, the signature and each attendance group in one piece, and
// the action log's header row on every page with no row split. Then Chromium prints the
// HTML as a browser would, and the printed pages are the PDF's size, the text starts and ends
// at the PDF's margins, every page is numbered "Page N of M" with the body's name beside it,
// the draft mark is on every page, no page ends on an item's heading, and the action log's
// header row is on every page.
func TestPrintCSSMatchesThePDF(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	fm.Status = data.StatusDraft
	t.Run("minutes", func(t *testing.T) {
		htmlPath, _ := minutesHTMLFile(t, fm, PublicEdition, "minutes.html")
		css := styleSheet(t, htmlPath)
		page := fmt.Sprintf("@page { size: A4 portrait; margin: %s %s %s %s;",
			mm(minutesMarginTop), mm(minutesMarginRight), mm(minutesMarginBottom), mm(minutesMarginLeft))
		if page != "@page { size: A4 portrait; margin: 26.0mm 20.0mm 24.0mm 25.0mm;" || !strings.Contains(css, page) {
			t.Errorf("the style sheet lacks %q", page)
		}
		rules := printRules(t, css)
		for _, want := range []string{
			"h3, h4, .question { break-after: avoid; }", // an item's heading (h3) stays with its text, as in the PDF
			".signature, .group { break-inside: avoid; }",
			"p { orphans: 2; widows: 2; }",
			"footer.minutes { display: none; }", // the page's margin boxes carry the footer
		} {
			if !strings.Contains(rules, want) {
				t.Errorf("@media print lacks %q: %s", want, rules)
			}
		}

		pdfPath, _ := writeMinutes(t, fm, MinutesOptions{}, "minutes.pdf")
		printed := printHTML(t, htmlPath)
		pdf, html := firstPageBox(t, pdfPath), firstPageBox(t, printed)
		if !near(pdf.width, 210) || !near(pdf.height, 297) || !near(html.width, pdf.width) || !near(html.height, pdf.height) {
			t.Errorf("the PDF's page is %.1f × %.1f mm, the printed HTML's %.1f × %.1f mm; both should be A4 portrait", pdf.width, pdf.height, html.width, html.height)
		}
		if !near(pdf.left, minutesMarginLeft) || !near(html.left, pdf.left) || !near(pdf.right, 210-minutesMarginRight) || !near(html.right, pdf.right) {
			t.Errorf("the text runs from %.1f to %.1f mm in the PDF, from %.1f to %.1f mm in the printed HTML", pdf.left, pdf.right, html.left, html.right)
		}
		pages := pageTexts(t, printed)
		if len(pages) < 3 {
			t.Fatalf("the printed minutes have %d pages", len(pages))
		}
		headings := 0
		for i, p := range pages {
			text := flat(p)
			for _, want := range []string{draftMark, demo.PanelName + " Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(pages))} {
				if !strings.Contains(text, want) {
					t.Errorf("printed page %d lacks %q: %s", i+1, want, text)
				}
			}
			// No page ends on an item's heading: something of the item follows it there. The
			// heading is the number and the title's first word (a long title wraps, with the
			// time beside it); what follows, less the heading's words and the footer, is the
			// item's text.
			footer := demo.PanelName + " Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(pages))
			for _, it := range fm.Items {
				title := strings.Fields(flat(it.Title))
				at := strings.Index(text, it.Number+" "+title[0]+" ")
				if at < 0 {
					continue
				}
				headings++
				own := map[string]bool{it.Time: true}
				for _, w := range append(strings.Fields(it.Number), title...) {
					own[w] = true
				}
				rest := 0
				for _, w := range strings.Fields(strings.Replace(text[at:], footer, "", 1)) {
					if !own[w] {
						rest++
					}
				}
				if rest == 0 {
					t.Errorf("printed page %d ends on the heading of item %s", i+1, it.Number)
				}
			}
		}
		if headings != len(fm.Items) {
			t.Errorf("%d item headings found in the printed minutes, want %d", headings, len(fm.Items))
		}
	})
	t.Run("action log", func(t *testing.T) {
		s, b := logDemoStore(t)
		log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
		htmlPath := writeLog(t, log, ActionLogOptions{}, "actionlog.html")
		css := styleSheet(t, htmlPath)
		page := fmt.Sprintf("@page { size: A4 landscape; margin: %s %s %s %s;", mm(logMarginTop), mm(logMarginX), mm(210-logTableBottom), mm(logMarginX))
		if !strings.Contains(css, page) {
			t.Errorf("the style sheet lacks %q", page)
		}
		rules := printRules(t, css)
		for _, want := range []string{
			"thead { display: table-header-group; }", // the header row on every page, as the PDF repeats it
			"tr { break-inside: avoid; }",            // no row split across pages
			"footer.log { display: none; }",
		} {
			if !strings.Contains(rules, want) {
				t.Errorf("@media print lacks %q: %s", want, rules)
			}
		}

		pdfPath := writeLog(t, log, ActionLogOptions{}, "actionlog.pdf")
		printed := printHTML(t, htmlPath)
		pdf, html := firstPageBox(t, pdfPath), firstPageBox(t, printed)
		if !near(pdf.width, 297) || !near(pdf.height, 210) || !near(html.width, pdf.width) || !near(html.height, pdf.height) {
			t.Errorf("the PDF's page is %.1f × %.1f mm, the printed HTML's %.1f × %.1f mm; both should be A4 landscape", pdf.width, pdf.height, html.width, html.height)
		}
		if !near(pdf.left, logMarginX) || !near(html.left, pdf.left) {
			t.Errorf("the text starts at %.1f mm in the PDF, at %.1f mm in the printed HTML", pdf.left, html.left)
		}
		pages := logPDFPages(t, printed)
		if len(pages) < 2 {
			t.Fatalf("the printed action log has %d pages; the header row needs a second", len(pages))
		}
		for i, p := range pages {
			text := flat(p)
			for _, want := range []string{"Reference", "Latest update", "Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(pages))} {
				if !strings.Contains(text, want) {
					t.Errorf("printed page %d of the log lacks %q", i+1, want)
				}
			}
		}
	})
}
