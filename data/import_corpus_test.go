package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data/minutestext"
)

// corpusTexts reads the import corpus under testdata/import: minutes texts in published
// layouts, each without its first line (which says which layout it imitates).
func corpusTexts(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("../testdata/import/*.txt")
	if err != nil || len(paths) < 40 {
		t.Fatalf("the import corpus is missing: %d texts, %v", len(paths), err)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, text, _ := strings.Cut(string(b), "\n")
		out[filepath.Base(p)] = text
	}
	return out
}

// TestImportCorpusNoneRefused previews every text of the corpus and then imports them all,
// in one go, into a real file: none is refused, what a text does not give is named rather
// than refused, and the items keep the minute numbers the texts print.
func TestImportCorpusNoneRefused(t *testing.T) {
	s := openTestStore(t)
	texts := corpusTexts(t)
	var all []string
	var parsed []minutestext.Meeting
	for name, text := range texts {
		im, err := s.PreviewImport(text, ImportOptions{})
		if err != nil {
			t.Errorf("%s: the preview refused the text: %v", name, err)
			continue
		}
		m := minutestext.Parse(text).Meeting
		if (m.Date == "") != contains(im.Missing, MissingDate) || (m.Body == "") != contains(im.Missing, MissingBody) {
			t.Errorf("%s: Missing = %v for date %q, body %q", name, im.Missing, m.Date, m.Body)
		}
		if len(im.Missing) == 0 {
			all = append(all, text)
			parsed = append(parsed, m)
			continue
		}
		// What is missing, given, imports.
		opts := ImportOptions{Date: "2024-01-15", Body: "Corpus Panel", NewBody: true, AsNew: true}
		if m.Date != "" {
			opts.Date = ""
		}
		if m.Body != "" {
			opts.Body = ""
		}
		if _, err := s.ImportText(text, opts); err != nil {
			t.Errorf("%s: with %v given, the import refused it: %v", name, im.Missing, err)
		}
	}
	ims, err := s.ImportTexts(all, ImportOptions{AsNew: true})
	if err != nil {
		var te *ImportTextError
		errors.As(err, &te)
		t.Fatalf("importing the %d texts that give their date and body: %v (text %+v)", len(all), err, te)
	}
	for i, im := range ims {
		fm, err := s.LoadMeeting(im.Meeting.ID)
		if err != nil {
			t.Fatal(err)
		}
		if (parsed[i].StartTime != "") != (fm.StartTime != "") || (parsed[i].EndTime != "") != (fm.Ended != "") {
			t.Errorf("%s %s: began %q, ended %q, read as %q to %q", fm.Body.Name, fm.Date, fm.StartTime, fm.Ended, parsed[i].StartTime, parsed[i].EndTime)
		}
		if len(fm.Items) != len(parsed[i].Items) {
			t.Errorf("%s meeting: %d items written, %d read", fm.Body.Name, len(fm.Items), len(parsed[i].Items))
			continue
		}
		for k, it := range fm.Items {
			if want := parsed[i].Items[k].Number; want != "" && it.Number != want {
				t.Errorf("%s %s item %d: number %q, want the printed %q", fm.Body.Name, fm.Date, k+1, it.Number, want)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestImportNumbersAsPrinted: a meeting imported with its minute numbers keeps them, and an
// item added to it later is numbered on from them; a text that numbers nothing is numbered
// 1…n by the body's scheme.
func TestImportNumbersAsPrinted(t *testing.T) {
	s := openTestStore(t)
	im, err := s.ImportText("Eastvale Police and Crime Panel - Thursday, 3rd March, 2022 2.00 pm\n\n"+
		"61. Cost of Living\n\nThe Panel noted the report.\n\n62. Work Programme\n\nNoted.\n", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !im.NumbersAsPrinted {
		t.Errorf("NumbersAsPrinted is not set")
	}
	it := Item{MeetingID: im.Meeting.ID, Title: "Any other business"}
	must(t, s.AddItem(&it))
	fm, err := s.LoadMeeting(im.Meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, it := range fm.Items {
		numbers = append(numbers, it.Number)
	}
	if strings.Join(numbers, " ") != "61 62 63" {
		t.Errorf("numbers %q, want 61 62 and 63 for the item added", numbers)
	}
	im, err = s.ImportText("Eastvale Police and Crime Panel - Thursday, 7th April, 2022 2.00 pm\n\nApologies\n\nTo receive apologies.\n\nNone were received.\n\n"+
		"Work Programme pdf icon PDF 20 KB\n\nNoted\n", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fm, _ = s.LoadMeeting(im.Meeting.ID)
	if im.NumbersAsPrinted || len(fm.Items) != 2 || fm.Items[0].Number != "1" || fm.Items[1].Number != "2" {
		t.Errorf("unnumbered minutes: NumbersAsPrinted %v, items %+v", im.NumbersAsPrinted, fm.Items)
	}
}

// TestImportRefusals: a second import of the same body and date, a --body naming no body and
// a text with no date are refused, each in its own words, and write nothing; several texts
// import all or none.
func TestImportRefusals(t *testing.T) {
	s := openTestStore(t)
	text := "Eastvale Police and Crime Panel - Thursday, 3rd March, 2022 2.00 pm\n\n1. Apologies\n\nNone.\n"
	first, err := s.ImportText(text, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var dm *DuplicateMeetingError
	if _, err := s.ImportText(text, ImportOptions{}); !errors.As(err, &dm) || dm.MeetingID != first.Meeting.ID {
		t.Errorf("a second import: %v", err)
	}
	if im, err := s.PreviewImport(text, ImportOptions{}); err != nil || im.Existing != first.Meeting.ID {
		t.Errorf("the preview of a second import: Existing %v, %v", im, err)
	}
	var ub *UnknownBodyError
	if _, err := s.ImportText(text, ImportOptions{Body: "Eastvale Panel"}); !errors.As(err, &ub) || len(ub.Known) != 1 || ub.Known[0] != "Eastvale Police and Crime Panel" {
		t.Errorf("an unknown body: %v", err)
	}
	var me *MissingError
	undated := "Eastvale Police and Crime Panel\n\n1. Apologies\n\nNone.\n"
	if _, err := s.ImportText(undated, ImportOptions{}); !errors.As(err, &me) || me.What != MissingDate || !errors.Is(err, ErrInvalid) {
		t.Errorf("no date: %v", err)
	}
	april := strings.Replace(text, "3rd March", "7th April", 1)
	var te *ImportTextError
	if _, err := s.ImportTexts([]string{april, undated}, ImportOptions{}); !errors.As(err, &te) || te.Index != 1 {
		t.Errorf("two texts, the second undated: %v", err)
	}
	if n := count(t, s, "SELECT count(*) FROM meetings"); n != 1 {
		t.Errorf("%d meetings after the refusals, want the 1 imported first", n)
	}
}

// TestImportAttendanceWithoutItems: a heading and its attendance whose items were lost in
// the copy import as a draft with the attendance and no items, the preview saying so; a
// text with neither items nor attendance is still refused.
func TestImportAttendanceWithoutItems(t *testing.T) {
	s := openTestStore(t)
	text := "Eastvale Police and Crime Panel - Thursday, 3rd March, 2022 2.00 pm\n\n" +
		"Present: Councillor Ada Bell (Chair), Councillor Cai Dunn and Mr Evan Ford\n\nApologies: Councillor Gita Hale\n"
	im, err := s.PreviewImport(text, ImportOptions{NewBody: true})
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	if len(im.Meeting.Items) != 0 || len(im.Meeting.Attendance) != 4 || len(im.Notes) != 1 || !strings.Contains(im.Notes[0], "No agenda items or minutes were found") {
		t.Errorf("preview: %d items, %d attendees, notes %q", len(im.Meeting.Items), len(im.Meeting.Attendance), im.Notes)
	}
	if !strings.Contains(im.Summary(), "4 attendees, 0 items") {
		t.Errorf("summary %q", im.Summary())
	}
	im, err = s.ImportText(text, ImportOptions{NewBody: true})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	fm, err := s.LoadMeeting(im.Meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fm.Status != StatusDraft || fm.Date != "2022-03-03" || len(fm.Attendance) != 4 || len(fm.Items) != 0 {
		t.Errorf("imported %s meeting of %s with %d attendees and %d items", fm.Status, fm.Date, len(fm.Attendance), len(fm.Items))
	}
	if _, err := s.PreviewImport("Shopping: milk, eggs.", ImportOptions{}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "no agenda items, minutes or attendance") {
		t.Errorf("junk: %v", err)
	}
}
