package export

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
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
	writeMinutes(t, generatedMeeting(3), MinutesOptions{Edition: ConfidentialEdition}, "minutes-generated.pdf")
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

// words are the distinct lower-case words of four letters or more in text.
func words(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range regexp.MustCompile(`[\p{L}]{4,}`).FindAllString(text, -1) {
		out[strings.ToLower(w)] = true
	}
	return out
}

// exemptCase is the example meeting with its exempt item given every kind of text a clerk
// could enter, and the words of that text found nowhere else the public edition may print:
// the check every edition's leak test makes.
type exemptCase struct {
	fm          *data.FullMeeting
	it          *data.FullItem
	distinctive []string
}

// newExemptCase builds the case. The words the public edition may print are those of the
// PDF of the meeting without the exempt item, the item's title and public summary, and the
// exempt mark; the distinctive words are the rest of the item's text. It checks the list
// holds the words the example's exempt item is known for.
func newExemptCase(t *testing.T) exemptCase {
	t.Helper()
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	it := itemTitled(t, fm, demo.ExemptItemTitle)
	if !it.Exempt || it.ExemptParagraph != 1 {
		t.Fatalf("the demo's exempt item is not exempt under paragraph 1: %+v", it.Item)
	}
	// Give it every kind of text a clerk could enter, each with words of its own.
	it.ReportSummary = "Report of the Monitoring Officer on the Quarrendon allegations."
	it.Questions = append(it.Questions, data.Question{
		AskedBy: "Cllr Neil Brennan", Question: "Had the Wallingford depot been consulted?",
		AnsweredBy: "The Monitoring Officer", Answer: "The Monitoring Officer said the Wallingford depot had been interviewed twice.",
	})
	it.Actions = append(it.Actions, data.Action{Owner: "Monitoring Officer", Text: "Send the Thornborough dossier to the Sub-Committee."})
	// Its supporting documents and the vote on its resolution are the item's too.
	it.Documents = append(it.Documents, data.Document{ItemID: it.ID, Title: "Investigator’s notes on the Bicester interviews"})
	it.Votes = append(it.Votes, data.Vote{ResolutionID: it.Resolutions[0].ID, Recorded: true,
		ForNames: []string{"Cllr Margaret Ashworth"}, AgainstNames: []string{"Cllr Zebedee Quartermaine"}})
	fm.Declarations = append(fm.Declarations, data.Declaration{
		Name: "Cllr Peter Hollingworth", ItemID: it.ID,
		Kind: data.InterestNonRegistrable, Text: "He is a neighbour of Mr Featherstonehaugh in Kidlington.", LeftRoom: true,
	})

	secret := it.ReportSummary + " " + it.Minutes
	for _, q := range it.Questions {
		secret += " " + q.Question + " " + q.Answer
	}
	for _, r := range it.Resolutions {
		secret += " " + r.Text
	}
	for _, a := range it.Actions {
		secret += " " + a.Text
	}
	for _, d := range it.Documents {
		secret += " " + d.Title
	}
	for _, v := range it.Votes {
		secret += " " + strings.Join(v.Lines(fm), " ")
	}
	secret += " " + fm.Declarations[len(fm.Declarations)-1].Text

	others := *fm
	others.Items = nil
	for _, other := range fm.Items {
		if other.ID != it.ID {
			others.Items = append(others.Items, other)
		}
	}
	others.Declarations = fm.Declarations[:len(fm.Declarations)-1]
	otherPath, _ := writeMinutes(t, &others, MinutesOptions{}, "minutes-without-exempt.pdf")
	allowed := words(pdfText(t, otherPath) + " " + it.Title + " " + it.PublicSummary + " " + data.Schedule12A[0].Cited + " considered private")
	var distinctive []string
	for w := range words(secret) {
		if !allowed[w] {
			distinctive = append(distinctive, w)
		}
	}
	for _, w := range []string{"featherstonehaugh", "abingdon", "custody", "wallingford", "quarrendon", "thornborough", "kidlington", "bicester", "quartermaine", "abstain"} {
		if !strings.Contains(" "+strings.Join(distinctive, " ")+" ", " "+w+" ") {
			t.Fatalf("%q is not among the exempt item's distinctive words %v", w, distinctive)
		}
	}
	return exemptCase{fm, it, distinctive}
}

// leaks returns the exempt item's distinctive words found in text.
func (c exemptCase) leaks(text string) []string {
	found := words(text)
	var out []string
	for _, w := range c.distinctive {
		if found[w] {
			out = append(out, w)
		}
	}
	return out
}

// TestMinutesExemptItem checks that nothing of an exempt item beyond its title and public
// summary reaches the public edition — not its report, minutes, questions, answers,
// resolutions or actions, nor what a member declared about it — and that the confidential
// edition prints it all, marked on every page that carries it.
func TestMinutesExemptItem(t *testing.T) {
	c := newExemptCase(t)
	fm, it, distinctive := c.fm, c.it, c.distinctive

	t.Run("public", func(t *testing.T) {
		path, rep := writeMinutes(t, fm, MinutesOptions{Edition: PublicEdition}, "minutes-exempt-public.pdf")
		if rep.Withheld != 1 || rep.ConfidentialPages != 0 {
			t.Errorf("report %+v, want 1 item withheld and no confidential page", rep)
		}
		raw := pdfText(t, path)
		text := flat(raw)
		printed := words(raw)
		for _, w := range distinctive {
			if printed[w] {
				t.Errorf("the public edition prints %q from the exempt item", w)
			}
		}
		for _, want := range []string{
			demo.ExemptItemTitle, "Exempt – Schedule 12A, paragraph 1 (information relating to any individual)", flat(it.PublicSummary),
			"Cllr Peter Hollingworth declared a non-registrable interest in minute " + it.Number + " (" + demo.ExemptItemTitle + "), an item considered in private.",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("the public edition lacks %q", want)
			}
		}
		if strings.Contains(text, "CONFIDENTIAL") {
			t.Error("the public edition is marked confidential")
		}
	})

	t.Run("confidential", func(t *testing.T) {
		path, rep := writeMinutes(t, fm, MinutesOptions{Edition: ConfidentialEdition}, "minutes-exempt-confidential.pdf")
		if rep.Withheld != 0 || rep.ConfidentialPages == 0 || rep.ConfidentialPages == rep.Pages {
			t.Errorf("report %+v, want nothing withheld and some pages, not all, confidential", rep)
		}
		pages := pageTexts(t, path)
		printed := map[string]bool{}
		for i, p := range pages {
			ws := words(p)
			carries := false
			for _, w := range distinctive {
				if ws[w] {
					printed[w], carries = true, true
				}
			}
			marked := strings.Contains(p, confidentialMark)
			if carries && !marked {
				t.Errorf("page %d carries exempt text but is not marked %q", i+1, confidentialMark)
			}
			if marked && !carries {
				t.Errorf("page %d is marked confidential but carries no exempt text", i+1)
			}
		}
		for _, w := range distinctive {
			if !printed[w] {
				t.Errorf("the confidential edition lacks %q", w)
			}
		}
	})
}

// TestMinutesReplacesWhatFontsCannotDraw exports a meeting whose text is full of emoji,
// other astral-plane characters and control characters: no panic, no error, each replaced
// visibly and counted.
func TestMinutesReplacesWhatFontsCannotDraw(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "odd.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	body := data.Body{Name: "Audit Committee 🏛", ShortCode: "AC"}
	if err := s.CreateBody(&body); err != nil {
		t.Fatal(err)
	}
	fm := &data.FullMeeting{
		Meeting:    data.Meeting{BodyID: body.ID, Date: "2024-03-01", StartTime: "6.30pm", Venue: "Room 🙂 1"},
		Attendance: []data.Attendance{{Name: "Cllr Ann 😀 Lee", Kind: data.Present, Role: data.RoleChair}},
		Items: []data.FullItem{{
			Item:        data.Item{Title: "Thanks 🎉", Minutes: "Members thanked the clerk 🙂.\x07 Bell.\n\nMaths 𝔄𝔅 and a tab\there.\x1b[0m"},
			Questions:   []data.Question{{AskedBy: "Cllr Ann Lee", Question: "Why 🤔?", AnsweredBy: "The Chair", Answer: "Because 👍."}},
			Resolutions: []data.Resolution{{Text: "That the 🙂 be noted."}},
		}},
	}
	if err := s.AddFullMeeting(fm); err != nil {
		t.Fatal(err)
	}
	loaded, err := s.LoadMeeting(fm.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 🏛 🙂 😀 🎉 🙂 \x07 𝔄 𝔅 \x1b 🤔 👍 🙂; the tab becomes a space.
	const want = 12
	path, rep := writeMinutes(t, loaded, MinutesOptions{}, "minutes-odd.pdf")
	if rep.Replaced != want {
		t.Errorf("Replaced = %d, want %d", rep.Replaced, want)
	}
	text := flat(pdfText(t, path))
	for _, want := range []string{"Members thanked the clerk \uFFFD.\uFFFD Bell.", "Maths \uFFFD\uFFFD and a tab here.\uFFFD[0m", "Thanks \uFFFD", "(1) Cllr Ann Lee asked: Why \uFFFD?"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in %q", want, text)
		}
	}
}

// TestMinutesDeterministic exports the same meeting twice, from two databases written the
// same way: the files are byte for byte the same.
func TestMinutesDeterministic(t *testing.T) {
	var first []byte
	for i := 0; i < 2; i++ {
		fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
		for j := 0; j < 2; j++ {
			var buf bytes.Buffer
			if _, err := Minutes(&buf, fm, MinutesOptions{Edition: ConfidentialEdition}); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = buf.Bytes()
			} else if !bytes.Equal(first, buf.Bytes()) {
				t.Fatalf("export %d differs from the first", 2*i+j+1)
			}
		}
	}
}

// TestMinutesChairFirst puts the Chair last in the attendance list: the minutes still name
// the Chair first among those present.
func TestMinutesChairFirst(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	var chair data.Attendance
	var rest []data.Attendance
	for _, a := range fm.Attendance {
		if a.Role == data.RoleChair {
			chair = a
		} else {
			rest = append(rest, a)
		}
	}
	fm.Attendance = append(rest, chair)
	path, _ := writeMinutes(t, fm, MinutesOptions{}, "minutes-chair.pdf")
	if text := flat(pdfText(t, path)); !strings.Contains(text, "Present: Cllr Margaret Ashworth (Chairman), Cllr Imran Qureshi (Vice-Chairman),") {
		t.Errorf("the Chair is not first: %q", text[:400])
	}
}

// TestMinutesLongStrings exports a URL and a reference longer than a line: both are wrapped
// inside the page, with no character lost.
func TestMinutesLongStrings(t *testing.T) {
	fm := meetingOn(t, demoStore(t), "2024-09-20")
	url := "https://www.thamesvalley.police.uk/police-forces/thames-valley-police/areas/au/about-us/publications-and-documents/rural-crime-taskforce-annual-report-2023-2024-final-version.pdf"
	ref := strings.Repeat("ABCDEFGHIJ", 20)
	fm.Items[0].Minutes = "The report is at " + url + " and its reference is " + ref + "."
	path, _ := writeMinutes(t, fm, MinutesOptions{}, "minutes-long.pdf")
	raw := pdfText(t, path)
	joined := strings.Join(strings.Fields(raw), "")
	for _, s := range []string{url, ref} {
		if !strings.Contains(joined, s) {
			t.Errorf("%q is not printed whole", s)
		}
	}
	for _, line := range strings.Split(raw, "\n") {
		if strings.Contains(line, "thamesvalley") && strings.Contains(line, "final-version") {
			t.Errorf("the URL was not wrapped: %q", line)
		}
	}
}

// TestMinutesPagination lays out every demo meeting and a long generated one, and checks the
// keep rules on every page: no page ends with a heading or a question parted from its answer,
// and no paragraph is split leaving a single line on either page.
func TestMinutesPagination(t *testing.T) {
	s := demoStore(t)
	ms, err := s.Meetings(0)
	if err != nil {
		t.Fatal(err)
	}
	var meetings []*data.FullMeeting
	for _, m := range ms {
		fm, err := s.LoadMeeting(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		meetings = append(meetings, fm)
	}
	meetings = append(meetings, generatedMeeting(3))
	checked := 0
	for _, fm := range meetings {
		for _, ed := range []Edition{PublicEdition, ConfidentialEdition} {
			var rep MinutesReport
			b, pages := layoutMinutes(newPDF("P", meetingTime(fm.Date)), fm, MinutesOptions{Edition: ed}, &rep)
			first, last := map[*minutesBlock]int{}, map[*minutesBlock]int{}
			for i, p := range pages {
				for _, l := range p.lines {
					if _, ok := first[l.from]; !ok {
						first[l.from] = i
					}
					last[l.from] = i
				}
			}
			for i, blk := range b.blocks[:len(b.blocks)-1] {
				next := b.blocks[i+1]
				if blk.keepWithNext && !blk.rule && !next.rule && last[blk] != first[next] {
					t.Errorf("%s: %q ends page %d but what it leads, %q, starts page %d", fm.Date,
						lineString(placedLine{spans: blk.lines[len(blk.lines)-1]}), last[blk]+1, lineString(placedLine{spans: next.lines[0]}), first[next]+1)
				}
			}
			for i, p := range pages {
				if len(p.lines) == 0 {
					t.Errorf("%s: page %d is empty", fm.Date, i+1)
					continue
				}
				last := p.lines[len(p.lines)-1]
				if i < len(pages)-1 && last.from.keepWithNext && pages[i+1].lines[0].from != last.from {
					t.Errorf("%s: page %d ends with %q, which should be kept with what follows", fm.Date, i+1, lineString(last))
				}
				if bottom := last.y + last.lineHeight; bottom > minutesTextBottom+epsilon {
					t.Errorf("%s: page %d runs to %.1fmm, past the text area", fm.Date, i+1, bottom)
				}
				if i > 0 {
					// Lines of the block that straddles the break.
					prev := pages[i-1].lines
					b := p.lines[0].from
					before, after := 0, 0
					for _, l := range prev {
						if l.from == b {
							before++
						}
					}
					for _, l := range p.lines {
						if l.from == b {
							after++
						}
					}
					if before > 0 && (before < minutesMinLinesBeforeBreak || after < minutesMinLinesAfterBreak) {
						t.Errorf("%s: a paragraph is split %d/%d across pages %d and %d", fm.Date, before, after, i, i+1)
					}
				}
				checked++
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d pages checked", checked)
	}
}

func lineString(l placedLine) string {
	var b strings.Builder
	for _, s := range l.spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// generatedMeeting is a long meeting with paragraphs, questions and resolutions of many
// lengths, so that page breaks fall in every kind of place.
func generatedMeeting(seed uint64) *data.FullMeeting {
	rng := rand.New(rand.NewPCG(seed, 7))
	sentence := "Members discussed the report at some length and asked about the figures. "
	para := func() string { return strings.TrimSpace(strings.Repeat(sentence, 1+rng.IntN(9))) }
	fm := &data.FullMeeting{
		Meeting: data.Meeting{Date: "2025-05-20", StartTime: "10am", Venue: "Council Chamber", Status: data.StatusDraft},
		Body:    data.Body{Name: "Generated Committee", ChairTitle: "Chair"},
	}
	for i := 0; i < 30; i++ {
		it := data.FullItem{Item: data.Item{ID: int64(i + 1), Number: fmt.Sprint(i + 1), Title: fmt.Sprintf("Item %d on a subject", i+1), Time: "10.30am"}}
		var ps []string
		for j := 0; j < rng.IntN(4); j++ {
			ps = append(ps, para())
		}
		it.Minutes = strings.Join(ps, "\n\n")
		for q := 0; q < rng.IntN(4); q++ {
			it.Questions = append(it.Questions, data.Question{Number: q + 1, Question: para(), AnsweredBy: "The Chair", Answer: para() + "\n\n" + para()})
		}
		if rng.IntN(2) == 0 {
			it.Resolutions = []data.Resolution{{Text: "That the Committee:\n(a) " + para() + "\n(b) " + para()}}
		}
		if i%9 == 8 {
			it.Exempt, it.ExemptParagraph, it.PublicSummary = true, 3, "A confidential contract."
		}
		fm.Items = append(fm.Items, it)
	}
	return fm
}

// TestMinutesOddShapes exports meetings a clerk can leave half-entered: nothing but a date,
// items without titles or text, questions without answers, declarations on no item, a
// substitute for nobody recorded, titles longer than a line. Each exports without error.
func TestMinutesOddShapes(t *testing.T) {
	long := strings.Repeat("Quarterly performance and budget monitoring report ", 6)
	for _, c := range []struct {
		name string
		fm   data.FullMeeting
		want []string
	}{
		{
			"nothing but a date",
			data.FullMeeting{Meeting: data.Meeting{Date: "2024-01-10"}},
			[]string{"Minutes of the meeting held on Wednesday 10 January 2024", "Present: None recorded.", "Declarations of Interest None.", "Chair …"},
		},
		{
			"annual meeting",
			data.FullMeeting{Meeting: data.Meeting{Date: "2024-05-21", Title: "Annual meeting", StartTime: "7pm"}},
			[]string{"Minutes of the annual meeting held on Tuesday 21 May 2024 at 7pm"},
		},
		{
			"workshop",
			data.FullMeeting{Meeting: data.Meeting{Date: "2024-05-21", Title: "Budget Workshop"}},
			[]string{"Budget Workshop Minutes of the meeting held on Tuesday 21 May 2024"},
		},
		{
			"empty items",
			data.FullMeeting{
				Meeting: data.Meeting{Date: "2024-01-10"},
				Items: []data.FullItem{
					{Item: data.Item{ID: 1, Number: "1"}},
					{Item: data.Item{ID: 2, Number: "2", Title: long, Time: "10am"}},
					{Item: data.Item{ID: 3, Number: "3", Title: "Questions only"}, Questions: []data.Question{{}, {Question: "Asked?"}, {Answer: "Answered."}}},
					{Item: data.Item{ID: 4, Number: "4", Title: "Exempt without a summary", Exempt: true, ExemptParagraph: 3, Minutes: "Secret words."}},
				},
			},
			[]string{"Questions only", "(1) (2) Asked? (3) Answered.", "Exempt – Schedule 12A, paragraph 3", "4 Exempt without a summary"},
		},
		{
			"declarations on no item",
			data.FullMeeting{
				Meeting:      data.Meeting{Date: "2024-01-10"},
				Declarations: []data.Declaration{{Name: "Cllr A Smith", Kind: data.InterestPecuniary, Text: "Owns shares in a bus company"}, {Kind: "other"}},
			},
			[]string{"Cllr A Smith declared a disclosable pecuniary interest: Owns shares in a bus company.", "A member declared an interest."},
		},
		{
			"attendance oddities",
			data.FullMeeting{
				Meeting: data.Meeting{Date: "2024-01-10"},
				Attendance: []data.Attendance{
					{Name: "Cllr B", Kind: data.Substitute},
					{Name: "Cllr C", Kind: data.Present, Arrived: "10.45am", Left: "12 noon"},
					{Name: "Cllr D", Kind: data.Absent},
				},
			},
			[]string{"Present: Cllr C (arrived 10.45am, left 12 noon)", "Substitutes: Cllr B", "Absent: Cllr D"},
		},
		{
			"long number",
			data.FullMeeting{
				Meeting: data.Meeting{Date: "2024-01-10"},
				Items:   []data.FullItem{{Item: data.Item{ID: 1, Number: "SCRUTINYCOMM 123/24", Title: "A title"}}},
			},
			[]string{"SCRUTINYCOMM 123/24 A title"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			path, _ := writeMinutes(t, &c.fm, MinutesOptions{}, "minutes-odd.pdf")
			text := flat(pdfText(t, path))
			for _, want := range c.want {
				if !strings.Contains(text, want) {
					t.Errorf("no %q in %q", want, text)
				}
			}
			if strings.Contains(text, "Secret") {
				t.Error("exempt text in the public edition")
			}
		})
	}
	if _, err := Minutes(io.Discard, nil, MinutesOptions{}); err == nil {
		t.Error("no error for no meeting")
	}
}

// FuzzMinutesText exports a meeting whose every field holds the fuzzed text: no panic, no
// error, and the report counts exactly what Sanitize replaces.
func FuzzMinutesText(f *testing.F) {
	for _, seed := range []string{
		"", "plain", "🙂\x07\x00\uFFFF", "[Action: PCC] [Action:]", "(a) part\n(i) sub\n\n\n(b)",
		strings.Repeat("x", 500), "https://example.org/" + strings.Repeat("a/", 100), "\n\n \t \n", "RESOLVED – That", "\u200b\u2028\u202e",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "?")
		}
		fm := &data.FullMeeting{
			Meeting:      data.Meeting{Date: "2024-01-10", StartTime: s, Venue: s, Title: s},
			Body:         data.Body{Name: s, ChairTitle: s},
			Attendance:   []data.Attendance{{Name: s, Kind: data.Present, Role: s}},
			Declarations: []data.Declaration{{Name: s, ItemID: 1, Kind: data.InterestPecuniary, Text: s}},
			Items: []data.FullItem{{
				Item:        data.Item{ID: 1, Number: s, Title: s, Time: s, ReportSummary: s, Minutes: s},
				Questions:   []data.Question{{AskedBy: s, Question: s, AnsweredBy: s, Answer: s}},
				Resolutions: []data.Resolution{{Text: s}},
				Actions:     []data.Action{{Owner: s, Text: s}},
			}},
		}
		rep, err := Minutes(io.Discard, fm, MinutesOptions{Edition: ConfidentialEdition})
		if err != nil {
			t.Fatalf("Minutes: %v", err)
		}
		_, n := Sanitize(s)
		if n > 0 && rep.Replaced%n != 0 {
			t.Errorf("Replaced = %d, not a multiple of the %d in each field", rep.Replaced, n)
		}
	})
}

// TestMinutesBoldRuns lays out the example meeting and checks the styles of what must stand
// out: action tags, the word RESOLVED, minute numbers and titles in bold; the report summary
// in italic; the narrative in roman.
func TestMinutesBoldRuns(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	var rep MinutesReport
	_, pages := layoutMinutes(newPDF("P", meetingTime(fm.Date)), fm, MinutesOptions{Edition: ConfidentialEdition}, &rep)
	styles := map[string]fontStyle{}
	tags := 0
	for _, p := range pages {
		for _, l := range p.lines {
			for _, s := range l.spans {
				if strings.Contains(s.text, "[Action") {
					tags++
					if s.style != styleBold || !strings.HasPrefix(s.text, "[Action") || !strings.HasSuffix(s.text, "]") {
						t.Errorf("tag span %q is %q, want the tag alone in bold", s.text, s.style)
					}
				}
				styles[s.text] = s.style
			}
		}
	}
	if tags != 4 { // the example item's two, and one each in the performance and exempt items
		t.Errorf("%d action tags, want 4", tags)
	}
	for text, want := range map[string]fontStyle{
		"RESOLVED": styleBold, "PCP 11/23": styleBold, demo.ExampleItemTitle: styleBold, "11.05pm": styleRegular,
		"Members’ Questions:": styleBold, "(1)": styleRegular, "Present:": styleBold,
	} {
		if got, ok := styles[text]; !ok || got != want {
			t.Errorf("%q: style %q (found %v), want %q", text, got, ok, want)
		}
	}
	summary := itemTitled(t, fm, demo.ExampleItemTitle).ReportSummary
	first := strings.Fields(summary)
	found := false
	for text, st := range styles {
		if strings.HasPrefix(text, strings.Join(first[:4], " ")) {
			found = true
			if st != styleItalic {
				t.Errorf("the report summary is %q, want italic", st)
			}
		}
	}
	if !found {
		t.Error("the report summary is not printed")
	}
}

// TestMinutesNarrativeAfterQuestions: the example minute goes on after its questions with
// the Chair's question, and the minutes print it there — after answer (9), before RESOLVED.
func TestMinutesNarrativeAfterQuestions(t *testing.T) {
	fm, path, _ := exampleMinutes(t)
	text := bodyFlat(pageTexts(t, path), fm.Body.Name)
	at := func(s string) int {
		t.Helper()
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q is not in the minutes", s)
		}
		return i
	}
	answer9 := at("automated response service")
	chair := at("The Chair congratulated the PCC")
	resolved := at("That the report of the PCC be noted and the information provided")
	questions := at("Members’ Questions")
	if !(questions < answer9 && answer9 < chair && chair < resolved) {
		t.Errorf("order: questions %d, answer 9 %d, Chair's question %d, resolution %d", questions, answer9, chair, resolved)
	}
}
