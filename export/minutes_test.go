package export

import (
	"bytes"
	"flag"
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

var _ = regexp.MustCompile
