package export

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// outlineEntry is one bookmark of a PDF's outline, as pdftohtml -xml reads it.
type outlineEntry struct {
	page  int
	title string
}

var outlineItem = regexp.MustCompile(`<item page="(\d+)">([^<]*)</item>`)

// pdfOutline reads a PDF's outline with pdftohtml (poppler-utils).
func pdfOutline(t *testing.T, path string) []outlineEntry {
	t.Helper()
	xml := poppler(t, "pdftohtml", "-xml", "-i", "-q", "-stdout", path)
	var out []outlineEntry
	for _, m := range outlineItem.FindAllStringSubmatch(xml, -1) {
		page, _ := strconv.Atoi(m[1])
		out = append(out, outlineEntry{page, html.UnescapeString(m[2])})
	}
	return out
}

// checkPDFStructure checks that a PDF's cross-reference table points at its objects, so
// that adding the language to the catalog moved nothing out of place, and returns the
// catalog.
func checkPDFStructure(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n$`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("the PDF does not end with startxref and the end-of-file mark")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(raw[at:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the cross-reference table", at)
	}
	entries := regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) n $`).FindAllSubmatch(raw[at:], -1)
	if len(entries) < 10 {
		t.Fatalf("only %d objects in the cross-reference table", len(entries))
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(raw[off:], []byte(want)) {
			t.Fatalf("the cross-reference table puts object %d at %d, where the file has %q", i+1, off, raw[off:min(off+12, len(raw))])
		}
	}
	cat := regexp.MustCompile(`(?s)<<\n/Type /Catalog\n.*?\n>>\nendobj`).Find(raw)
	if cat == nil {
		t.Fatal("no catalog")
	}
	return string(cat)
}

// TestMinutesOutlineAndProperties checks the minutes PDF's outline (one bookmark per item, in
// order, on the page the item starts), its language and its title, subject and author.
func TestMinutesOutlineAndProperties(t *testing.T) {
	s := demoStore(t)
	for _, c := range []struct {
		name string
		fm   *data.FullMeeting
		ed   Edition
	}{
		{"example public", meetingOn(t, s, demo.ExampleMeetingDate), PublicEdition},
		{"example confidential", meetingOn(t, s, demo.ExampleMeetingDate), ConfidentialEdition},
		{"generated", generatedMeeting(3), ConfidentialEdition},
	} {
		t.Run(c.name, func(t *testing.T) {
			path, rep := writeMinutes(t, c.fm, MinutesOptions{Edition: c.ed}, "minutes-outline.pdf")
			outline := pdfOutline(t, path)
			if len(outline) != len(c.fm.Items) {
				t.Fatalf("%d outline entries for %d items: %v", len(outline), len(c.fm.Items), outline)
			}
			pages := pageTexts(t, path)
			last := 1
			for i, it := range c.fm.Items {
				want := it.Number + " " + it.Title
				e := outline[i]
				if e.title != want {
					t.Errorf("outline entry %d is %q, want %q", i+1, e.title, want)
				}
				if e.page < last || e.page > rep.Pages {
					t.Errorf("outline entry %d goes to page %d, after page %d of %d", i+1, e.page, last, rep.Pages)
				}
				// The start of the title: a long one wraps beside the item's time.
				start := strings.Join(strings.Fields(it.Title)[:min(3, len(strings.Fields(it.Title)))], " ")
				if !strings.Contains(flat(pages[e.page-1]), it.Number+" "+start) {
					t.Errorf("outline entry %d goes to page %d, which does not show %q", i+1, e.page, it.Title)
				}
				last = e.page
			}
			catalog := checkPDFStructure(t, path)
			if !regexp.MustCompile(`\n/Lang \(en-GB\)\n`).MatchString(catalog) {
				t.Errorf("the catalog declares no language:\n%s", catalog)
			}
			if !bytes.Contains([]byte(catalog), []byte("/PageMode /UseOutlines")) {
				t.Errorf("the PDF does not open with its outline showing:\n%s", catalog)
			}
			info := poppler(t, "pdfinfo", path)
			for _, want := range []string{
				"Title:           Minutes – " + c.fm.Body.Name + " – " + data.LongDate(c.fm.Date),
				"Subject:         Minutes – " + c.ed.String(),
				"Author:          " + c.fm.Body.Name,
			} {
				if !bytes.Contains([]byte(info), []byte(want+"\n")) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
		})
	}
}

// TestActionLogPDFLanguage checks the action log's language and properties.
func TestActionLogPDFLanguage(t *testing.T) {
	s, b := logDemoStore(t)
	path := writeLog(t, queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20"}), ActionLogOptions{Edition: PublicEdition}, "actionlog-lang.pdf")
	if catalog := checkPDFStructure(t, path); !bytes.Contains([]byte(catalog), []byte("\n/Lang (en-GB)\n")) {
		t.Errorf("the catalog declares no language:\n%s", catalog)
	}
	if got := logPDFInfo(t, path, "Author"); got != demo.PanelName {
		t.Errorf("author %q", got)
	}
}
