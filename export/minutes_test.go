package export

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"minutebook/data"
	"minutebook/data/demo"
)

// samples keeps the test PDFs in a folder, to look at: go test -run Minutes -minutes.samples DIR.
var samples = flag.String("minutes.samples", "", "keep the minutes PDFs the tests write in this folder")

// demoStore writes the example panel into a new database under t.TempDir().
func demoStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Write(s); err != nil {
		t.Fatal(err)
	}
	return s
}

// meetingOn loads the meeting held on date.
func meetingOn(t testing.TB, s *data.Store, date string) *data.FullMeeting {
	t.Helper()
	ms, err := s.Meetings(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Date == date {
			fm, err := s.LoadMeeting(m.ID)
			if err != nil {
				t.Fatal(err)
			}
			return fm
		}
	}
	t.Fatalf("no meeting on %s", date)
	return nil
}

// writeMinutes exports the minutes into a file under t.TempDir() (and the samples folder, if
// asked) and returns its path and the report.
func writeMinutes(t testing.TB, fm *data.FullMeeting, opts MinutesOptions, name string) (string, MinutesReport) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := Minutes(&buf, fm, opts)
	if err != nil {
		t.Fatalf("Minutes: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if *samples != "" {
		if err := os.WriteFile(filepath.Join(*samples, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path, rep
}

// poppler runs one of the poppler-utils tools and returns its output. The tests need them:
// a missing tool fails the test rather than skipping it.
func poppler(t testing.TB, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is missing: install poppler-utils (apt-get install poppler-utils) to run the PDF tests", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// pdfText is the PDF's text as pdftotext -layout reads it.
func pdfText(t testing.TB, path string) string {
	t.Helper()
	return poppler(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
}

// pageTexts is the text of each page.
func pageTexts(t testing.TB, path string) []string {
	t.Helper()
	pages := strings.Split(pdfText(t, path), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// flat is text with runs of white space made one space, so that words wrapped across lines
// can be searched for.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// bodyFlat is the flattened text of the pages without their marks and footers, so that text
// broken across a page can be searched for.
func bodyFlat(pages []string, bodyName string) string {
	var b strings.Builder
	for _, p := range pages {
		for _, line := range strings.Split(p, "\n") {
			l := strings.TrimSpace(line)
			if l == draftMark || l == confidentialMark || strings.HasPrefix(l, bodyName+" ") && strings.Contains(l, "Page ") {
				continue
			}
			b.WriteString(l)
			b.WriteString("\n")
		}
	}
	return flat(b.String())
}

func TestMinutesWriteSamplesForDevelopment(t *testing.T) {
	if *samples == "" {
		return
	}
	s := demoStore(t)
	for _, date := range []string{"2023-06-23", "2023-09-15", "2023-11-24", "2024-02-02", "2024-09-20"} {
		fm := meetingOn(t, s, date)
		writeMinutes(t, fm, MinutesOptions{Edition: ConfidentialEdition}, "minutes-"+date+"-confidential.pdf")
		writeMinutes(t, fm, MinutesOptions{}, "minutes-"+date+"-public.pdf")
	}
}

// exampleMinutes exports the meeting of 15 September 2023, which holds the published example
// item and an exempt item, in the confidential edition.
func exampleMinutes(t *testing.T) (*data.FullMeeting, string, MinutesReport) {
	t.Helper()
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	path, rep := writeMinutes(t, fm, MinutesOptions{Edition: ConfidentialEdition}, "minutes-example.pdf")
	return fm, path, rep
}

func TestMinutesPageSizeFontsAndInfo(t *testing.T) {
	_, path, rep := exampleMinutes(t)
	info := poppler(t, "pdfinfo", path)
	if !strings.Contains(info, "Page size:       595.28 x 841.89 pts (A4)") {
		t.Errorf("not A4 portrait:\n%s", info)
	}
	if !regexp.MustCompile(fmt.Sprintf(`(?m)^Pages:\s+%d$`, rep.Pages)).MatchString(info) || rep.Pages < 2 {
		t.Errorf("report says %d pages; pdfinfo:\n%s", rep.Pages, info)
	}
	for _, want := range []string{"Producer:        Minutebook", "CreationDate:    Fri Sep 15 12:00:00 2023"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	fonts := strings.Split(strings.TrimSpace(poppler(t, "pdffonts", path)), "\n")
	if len(fonts) < 2+3 { // header, rule, and at least regular, bold and italic
		t.Fatalf("pdffonts:\n%s", strings.Join(fonts, "\n"))
	}
	for _, row := range fonts[2:] {
		f := strings.Fields(row)
		// name type... encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded with a Unicode map: %q", row)
		}
	}
}

func TestMinutesExampleMeeting(t *testing.T) {
	fm, path, rep := exampleMinutes(t)
	pages := pageTexts(t, path)
	if len(pages) != rep.Pages {
		t.Fatalf("pdftotext reads %d pages, the report says %d", len(pages), rep.Pages)
	}
	text := bodyFlat(pages, demo.PanelName)

	t.Run("heading", func(t *testing.T) {
		first := flat(pages[0])
		for _, want := range []string{
			demo.PanelName + " Minutes of the meeting held on Friday 15 September 2023 at 10.30am Paralympic Room, Buckinghamshire Council",
		} {
			if !strings.HasPrefix(first, want) {
				t.Errorf("page 1 starts %q, want %q", first[:min(len(first), 200)], want)
			}
		}
	})
	t.Run("attendance", func(t *testing.T) {
		for _, want := range []string{
			"Present: Cllr Margaret Ashworth (Chairman), Cllr Imran Qureshi (Vice-Chairman), Cllr Łucja Nowak,",
			"Apologies: Cllr Emyr Gŵyn Rhys, Cllr Helen Marchetti",
			"Substitutes: Cllr Rachel Kemp for Cllr Helen Marchetti",
			"In attendance: Mr Matthew Thornbury (Police and Crime Commissioner), Paul Hammond (Chief Executive, OPCC),",
			"Declarations of Interest Cllr Łucja Nowak declared an other registrable interest in minute PCP 11/23 (Fighting Serious Organised Crime): She is a trustee",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("no %q", want)
			}
		}
	})
	t.Run("item heading", func(t *testing.T) {
		if !regexp.MustCompile(`(?m)^PCP 11/23\s+Fighting Serious Organised Crime\s+11\.05pm$`).MatchString(pdfText(t, path)) {
			t.Errorf("no heading line with the minute number, title and time")
		}
	})
	t.Run("questions in order with their answers", func(t *testing.T) {
		it := itemTitled(t, fm, demo.ExampleItemTitle)
		if len(it.Questions) != 9 {
			t.Fatalf("the example item has %d questions, want 9", len(it.Questions))
		}
		at := strings.Index(text, "Members’ Questions:")
		if at < 0 {
			t.Fatal("no Members’ Questions")
		}
		for i, q := range it.Questions {
			want := fmt.Sprintf("(%d) %s %s", i+1, flat(q.Question), flat(q.Answer))
			n := strings.Index(text[at:], want)
			if n < 0 {
				t.Fatalf("question %d and its answer are not printed whole, in order, after the previous one: %q", i+1, want[:80])
			}
			at += n + len(want)
		}
	})
	t.Run("action tags", func(t *testing.T) {
		for _, want := range []string{"local authority areas. [Action:PCC]", "Police and Crime Panel. [Action: PCC]."} {
			if !strings.Contains(text, want) {
				t.Errorf("no %q", want)
			}
		}
	})
	t.Run("resolution", func(t *testing.T) {
		if !strings.Contains(text, "RESOLVED – That the report of the PCC be noted and the information provided in the answers to Members’ questions be noted.") {
			t.Error("no resolution")
		}
	})
	t.Run("signature", func(t *testing.T) {
		last := flat(pages[len(pages)-1])
		if !regexp.MustCompile(`Chairman …+ Date …+`).MatchString(last) {
			t.Errorf("no signature block on the last page: %q", last)
		}
		if !strings.Contains(last, "These minutes were approved as a correct record on Friday 24 November 2023.") {
			t.Errorf("no note of approval: %q", last)
		}
	})
	t.Run("footer on every page", func(t *testing.T) {
		for i, p := range pages {
			want := regexp.MustCompile(fmt.Sprintf(`(?m)^%s\s+Page %d of %d\s*$`, demo.PanelName, i+1, len(pages)))
			if !want.MatchString(p) {
				t.Errorf("page %d has no footer “%s … Page %d of %d”", i+1, demo.PanelName, i+1, len(pages))
			}
		}
	})
	t.Run("approved minutes are not marked draft", func(t *testing.T) {
		if strings.Contains(pdfText(t, path), "DRAFT") {
			t.Error("approved minutes are marked DRAFT")
		}
	})
}

// itemTitled finds a meeting's item by its title.
func itemTitled(t testing.TB, fm *data.FullMeeting, title string) *data.FullItem {
	t.Helper()
	for i := range fm.Items {
		if fm.Items[i].Title == title {
			return &fm.Items[i]
		}
	}
	t.Fatalf("no item %q", title)
	return nil
}

func TestMinutesDraftMarkOnEveryPage(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	fm.Status = data.StatusDraft // as if reopened for corrections
	path, _ := writeMinutes(t, fm, MinutesOptions{}, "minutes-draft.pdf")
	pages := pageTexts(t, path)
	if len(pages) < 2 {
		t.Fatalf("%d pages; want a longer document", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, draftMark) {
			t.Errorf("page %d has no %q", i+1, draftMark)
		}
	}
	if strings.Contains(pdfText(t, path), "were approved") {
		t.Error("draft minutes say they were approved")
	}
}

// TestMinutesGlyphs checks that the characters clerks type — curly quotes, en dashes, £,
// Welsh and Polish letters — come out as typed, never as "?" or a blank.
func TestMinutesGlyphs(t *testing.T) {
	s := demoStore(t)
	for _, c := range []struct {
		date string
		want []string
	}{
		{"2023-11-24", []string{"Cllr Emyr Gŵyn Rhys", "Cllr Łucja Nowak", "Tŷ Hafan", "Victims’ Services Commissioning", "[Action: Head of Victims’ Services]"}},
		{"2024-02-02", []string{"£13 to £284.32", "£8.1m", "RESOLVED – That the Panel:", "(a) supports the proposed precept of £284.32"}},
		{"2023-06-23", []string{"“Safer Streets”", "PCC’s Annual Report 2022/23", "£2.3m"}},
	} {
		t.Run(c.date, func(t *testing.T) {
			path, rep := writeMinutes(t, meetingOn(t, s, c.date), MinutesOptions{}, "minutes-"+c.date+".pdf")
			if rep.Replaced != 0 {
				t.Errorf("%d characters replaced, want none", rep.Replaced)
			}
			text := bodyFlat(pageTexts(t, path), demo.PanelName)
			for _, want := range c.want {
				if !strings.Contains(text, want) {
					t.Errorf("no %q", want)
				}
			}
			if strings.ContainsRune(text, Replacement) {
				t.Errorf("a character was replaced: %q", text)
			}
		})
	}
}

// TestMinutesResolutionParts checks that lettered parts are indented under RESOLVED, and
// roman parts under the lettered ones.
func TestMinutesResolutionParts(t *testing.T) {
	fm := meetingOn(t, demoStore(t), "2024-02-02")
	it := itemTitled(t, fm, "PCC’s Proposed Precept 2024/25")
	it.Resolutions[0].Text = "That the Panel:\n(a) supports the proposed precept;\n(b) asks the PCC:\n(i) to report on savings;\n(ii) to report on reserves;\n(c) thanks the officers.\n\n\nAnd that (h) is not a label here."
	path, _ := writeMinutes(t, fm, MinutesOptions{}, "minutes-parts.pdf")
	indent := map[string]int{}
	for _, line := range strings.Split(pdfText(t, path), "\n") {
		for _, label := range []string{"RESOLVED", "(a)", "(b)", "(i)", "(ii)", "(c)", "And that"} {
			if i := strings.Index(line, label); i >= 0 && indent[label] == 0 {
				indent[label] = i
			}
		}
	}
	if !(indent["RESOLVED"] < indent["(a)"] && indent["(a)"] == indent["(b)"] && indent["(b)"] == indent["(c)"] &&
		indent["(a)"] < indent["(i)"] && indent["(i)"] == indent["(ii)"] && indent["And that"] == indent["RESOLVED"]) {
		t.Errorf("indents of the resolution's parts: %v", indent)
	}
}
