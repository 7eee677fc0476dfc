package app

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

const exampleMinutes = "../testdata/thames-valley-pcp-serious-organised-crime.txt"

func TestImportPreviewThenImport(t *testing.T) {
	h := newHarness(t, panel)
	// A meeting on the same date already holds minutes: importing leaves it alone.
	h.u.nav.selectBody(h.u.nav.bodies[0].ID)
	if err := h.u.nav.createMeeting(data.Meeting{Date: "2023-09-15", Venue: "Council Chamber"}); err != nil {
		t.Fatal(err)
	}
	h.u.meeting.agenda.onAddItem()
	test.Type(h.u.meeting.agenda.editor.title, "Our own item")
	h.sync()
	existing := h.u.meeting.fm.ID
	before, _ := h.db().LoadMeeting(existing)

	h.u.runCommand("import")
	w := h.u.importer
	if w == nil {
		t.Fatal("no import window")
	}
	if w.body.Text != "" || w.body.PlaceHolder != "As the text says" {
		t.Errorf("body prefilled with %q (placeholder %q): the body is the text's unless the clerk types one", w.body.Text, w.body.PlaceHolder)
	}
	if !w.importBtn.Disabled() {
		t.Errorf("Import is offered with nothing pasted")
	}
	text, err := os.ReadFile(exampleMinutes)
	if err != nil {
		t.Fatal(err)
	}
	// Something that is not minutes says why it cannot be imported.
	w.text.SetText("Shopping: milk, eggs.")
	h.drain()
	if !w.importBtn.Disabled() || !strings.Contains(w.summary.Text, "Not ready") {
		t.Errorf("junk: %q", w.summary.Text)
	}
	// This minute gives neither its date nor its body: the preview shows what it read and
	// asks for them under the fields, and Import waits for them.
	w.text.SetText(string(text))
	h.drain()
	if w.preview == nil || !slices.Equal(w.preview.Missing, []string{data.MissingDate, data.MissingBody}) || !w.importBtn.Disabled() ||
		!strings.Contains(w.summary.Text, "Not ready to import: the text gives no date for the meeting") {
		t.Errorf("without a date: %q", w.summary.Text)
	}
	test.Type(w.body, "Upper Thames Police and Crime Panel")
	h.drain()
	if !w.date.note.shown() || !strings.Contains(w.date.note.Text, "type it here") {
		t.Errorf("the date field does not ask for the date: %q", w.date.note.Text)
	}
	if items := strings.Join(texts(w.items), " | "); !strings.Contains(items, "9 questions") {
		t.Errorf("what was read is not shown while the date is missing: %s", items)
	}
	test.Type(w.date.entry, "15/09/2023")
	h.drain()
	if w.preview == nil || w.importBtn.Disabled() {
		t.Fatalf("no preview: %q", w.summary.Text)
	}
	// The body already has a meeting that day: the preview says the import adds a second.
	if notes := strings.Join(texts(w.notes), " "); !strings.Contains(notes, "already has a meeting on Friday 15 September 2023") ||
		w.importBtn.Text != "Import as a second meeting" {
		t.Errorf("the meeting already there is not announced: %q, button %q", notes, w.importBtn.Text)
	}
	for _, want := range []string{"Upper Thames Police and Crime Panel meeting of Friday 15 September 2023", "9 questions"} {
		if !strings.Contains(w.summary.Text, want) {
			t.Errorf("summary %q lacks %q", w.summary.Text, want)
		}
	}
	items := strings.Join(texts(w.items), " | ")
	if !strings.Contains(items, "1. ") || !strings.Contains(items, "9 questions · 1 resolution · 2 actions") {
		t.Errorf("items preview: %s", items)
	}
	if len(texts(w.unplaced)) == 0 {
		t.Errorf("the unplaced lines are not shown")
	}
	// The preview wrote nothing.
	if ms, _ := h.db().Meetings(0); len(ms) != 1 {
		t.Fatalf("%d meetings after the preview, want 1", len(ms))
	}

	test.Tap(w.importBtn)
	h.sync()
	ms, _ := h.db().Meetings(0)
	if len(ms) != 2 {
		t.Fatalf("%d meetings after importing, want 2", len(ms))
	}
	m := h.u.meeting
	if m.fm == nil || m.fm.ID == existing || m.fm.Date != "2023-09-15" || len(m.fm.Items) == 0 || h.u.screen != "meeting" {
		t.Fatalf("the imported meeting is not on show")
	}
	fm, _ := h.db().LoadMeeting(m.fm.ID)
	qs := 0
	for _, it := range fm.Items {
		qs += len(it.Questions)
	}
	if qs != 9 || fm.Status != data.StatusDraft {
		t.Errorf("imported %d questions, status %s", qs, fm.Status)
	}
	after, _ := h.db().LoadMeeting(existing)
	if len(after.Items) != len(before.Items) || after.Items[0].Title != "Our own item" {
		t.Errorf("the existing meeting changed: %+v", after.Items)
	}
	if h.u.importer != nil {
		t.Errorf("the import window is still open")
	}
	if !strings.Contains(h.u.status.Text, "Imported") {
		t.Errorf("status %q", h.u.status.Text)
	}
}

func TestImportIntoANewBody(t *testing.T) {
	h := newHarness(t, panel)
	h.u.onImport()
	w := h.u.importer
	text, _ := os.ReadFile(exampleMinutes)
	w.body.SetText("Thames Valley Police and Crime Panel")
	w.date.entry.SetText("15/09/2023")
	w.text.SetText(string(text))
	h.drain()
	if w.preview == nil || !w.preview.BodyCreated || !strings.Contains(strings.Join(texts(w.notes), " "), "will be added") {
		t.Fatalf("a new body is not announced: %+v", w.preview)
	}
	test.Tap(w.importBtn)
	h.sync()
	if len(h.u.nav.bodies) != 2 || h.u.nav.body.Name != "Thames Valley Police and Crime Panel" {
		t.Errorf("bodies after import: %+v", h.u.nav.bodies)
	}
}

// TestImportBodyFromTheText: with one body selected in the main window, the clerk pastes the
// minutes of another. The body is the one the text names — to be added, since the file has
// no such body — and the meeting the selected body holds on that date is no duplicate of it.
// A body the clerk types is used instead.
func TestImportBodyFromTheText(t *testing.T) {
	h := newHarness(t, panel)
	h.u.nav.selectBody(h.u.nav.bodies[0].ID)
	if err := h.u.nav.createMeeting(data.Meeting{Date: "2025-03-12", Venue: "Council Chamber"}); err != nil {
		t.Fatal(err)
	}
	h.u.onImport()
	w := h.u.importer
	b, err := os.ReadFile("../testdata/import/57-word-welcome-before-first-item.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, text, _ := strings.Cut(string(b), "\n")
	w.text.SetText(text) // pasted
	h.drain()
	im := w.preview
	if im == nil || im.Meeting.Body.Name != "Fenmoor Police and Crime Panel" || !im.BodyCreated || im.Existing != 0 {
		t.Fatalf("preview of another body's minutes: %+v", im)
	}
	notes := strings.Join(texts(w.notes), " ")
	if strings.Contains(notes, "already has a meeting") || !strings.Contains(notes, "“Fenmoor Police and Crime Panel”: it will be added") {
		t.Errorf("notes %q", notes)
	}
	if !w.bodyNote.shown() || w.bodyNote.Text != "From the text: Fenmoor Police and Crime Panel" {
		t.Errorf("the body field does not say what the text names: %q", w.bodyNote.Text)
	}
	if !strings.Contains(w.summary.Text, "Fenmoor Police and Crime Panel") || w.importBtn.Disabled() {
		t.Errorf("summary %q, import disabled %v", w.summary.Text, w.importBtn.Disabled())
	}
	// The clerk says it is the selected body's after all, in one press: then it is checked
	// against that body's meetings.
	if w.useShown == nil || w.useShown.Text != "Import into Upper Thames Police and Crime Panel" {
		t.Fatalf("the body on show is not offered: %q", notes)
	}
	test.Tap(w.useShown)
	h.drain()
	if im := w.preview; im == nil || im.Meeting.Body.Name != "Upper Thames Police and Crime Panel" || im.BodyCreated || im.Existing == 0 {
		t.Fatalf("preview with the body typed: %+v", im)
	}
	if w.bodyNote.shown() || w.importBtn.Text != "Import as a second meeting" {
		t.Errorf("body note %q, button %q", w.bodyNote.Text, w.importBtn.Text)
	}
}

// TestImportListsUnplacedLines: a line the reader cannot place is listed in the preview with
// its line number, as pasted.
func TestImportListsUnplacedLines(t *testing.T) {
	h := newHarness(t, panel)
	h.u.onImport()
	w := h.u.importer
	b, err := os.ReadFile("../testdata/import/01-mg-meeting-page-officers.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, text, _ := strings.Cut(string(b), "\n")
	w.text.SetText(text)
	h.drain()
	if w.preview == nil {
		t.Fatalf("no preview: %q", w.summary.Text)
	}
	got := strings.Join(texts(w.unplaced), " | ")
	for _, want := range []string{"Line 9", "Contact: Oliver Prentice"} {
		if !strings.Contains(got, want) {
			t.Errorf("lines not placed %q lack %q", got, want)
		}
	}
	if strings.Contains(got, "every line found its place") {
		t.Errorf("the preview says every line was placed: %q", got)
	}
}

// TestImportAttendanceWithoutItems: a heading and attendance whose items were lost in the
// copy still make a draft; the preview says no items were found.
func TestImportAttendanceWithoutItems(t *testing.T) {
	h := newHarness(t, panel)
	h.u.onImport()
	w := h.u.importer
	w.text.SetText("Eastvale Police and Crime Panel - Thursday, 3rd March, 2022 2.00 pm\n\n" +
		"Present: Councillor Ada Bell (Chair), Councillor Cai Dunn and Mr Evan Ford\n")
	h.drain()
	if w.preview == nil || w.importBtn.Disabled() {
		t.Fatalf("not offered: %q", w.summary.Text)
	}
	if items := strings.Join(texts(w.items), " | "); !strings.Contains(items, "No agenda items or minutes were found") {
		t.Errorf("items preview %q", items)
	}
	if notes := strings.Join(texts(w.notes), " "); !strings.Contains(notes, "add the items in the meeting") {
		t.Errorf("notes %q", notes)
	}
	test.Tap(w.importBtn)
	h.sync()
	if m := h.u.meeting.fm; m == nil || m.Date != "2022-03-03" || len(m.Attendance) != 3 || len(m.Items) != 0 {
		t.Fatalf("imported %+v", m)
	}
}

// TestImportFillInWhatIsMissing: minutes copied without their heading give neither date nor
// body. The preview says so under both fields and keeps Import back; the clerk types them in,
// rune by rune, and the meeting is imported with them and with the minute numbers the text
// prints.
func TestImportFillInWhatIsMissing(t *testing.T) {
	h := newHarness(t, panel)
	h.u.onImport()
	w := h.u.importer
	b, err := os.ReadFile("../testdata/import/02-mg-no-heading-lettered-points.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The corpus file's first line says where its layout is from; the rest is pasted.
	_, text, _ := strings.Cut(string(b), "\n")
	w.text.SetText(text)
	h.drain()
	if w.body.Text != "" {
		t.Fatalf("the body field still holds %q", w.body.Text)
	}
	im := w.preview
	if im == nil || !slices.Equal(im.Missing, []string{data.MissingDate, data.MissingBody}) {
		t.Fatalf("preview %+v, want date and body missing", im)
	}
	if !w.importBtn.Disabled() || !strings.Contains(w.summary.Text, "gives no date for the meeting") || !strings.Contains(w.summary.Text, "does not name the body") {
		t.Errorf("summary %q, import disabled %v", w.summary.Text, w.importBtn.Disabled())
	}
	if !w.bodyNote.shown() || !strings.Contains(w.bodyNote.Text, "does not name the body") || !w.date.note.shown() {
		t.Errorf("the fields do not ask: body %q, date %q", w.bodyNote.Text, w.date.note.Text)
	}
	if items := strings.Join(texts(w.items), " | "); !strings.Contains(items, "Contact Services Update") {
		t.Errorf("the items read are not shown: %s", items)
	}

	test.Type(w.body, "Upper Thames Police and Crime Panel")
	h.drain()
	if !slices.Equal(w.preview.Missing, []string{data.MissingDate}) || w.bodyNote.shown() || !w.importBtn.Disabled() {
		t.Errorf("after the body: missing %v, body note %q", w.preview.Missing, w.bodyNote.Text)
	}
	test.Type(w.date.entry, "14/03/2025")
	h.drain()
	if len(w.preview.Missing) != 0 || w.importBtn.Disabled() || strings.Contains(w.summary.Text, "Not ready") {
		t.Fatalf("after the date: %q, missing %v", w.summary.Text, w.preview.Missing)
	}
	test.Tap(w.importBtn)
	h.sync()
	m := h.u.meeting.fm
	if m == nil || m.Date != "2025-03-14" || m.Body.Name != "Upper Thames Police and Crime Panel" {
		t.Fatalf("imported meeting %+v", m)
	}
	fm, err := h.db().LoadMeeting(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, it := range fm.Items {
		numbers = append(numbers, it.Number)
	}
	if strings.Join(numbers, " ") != "30 31 32 33 34" {
		t.Errorf("item numbers %q, want the printed 30 to 34", numbers)
	}
}

// TestImportSummaryPushesThePreviewDown: the summary grows from one line to three when the
// text lacks its body; what is below it moves down, not under it.
func TestImportSummaryPushesThePreviewDown(t *testing.T) {
	h := newHarness(t, panel)
	h.u.onImport()
	w := h.u.importer
	w.win.Resize(fyne.NewSize(1180, 740))
	b, err := os.ReadFile("../testdata/thames-valley-pcp-serious-organised-crime.txt")
	if err != nil {
		t.Fatal(err)
	}
	w.text.SetText(string(b)) // pasted; the example names neither body nor date
	h.drain()
	if w.preview == nil || len(w.preview.Missing) == 0 {
		t.Fatalf("preview %+v", w.preview)
	}
	bottom := w.summary.Position().Y + w.summary.Size().Height
	if next := w.notes.Position().Y; w.summary.Size().Height < w.summary.MinSize().Height || bottom > next+1 {
		t.Errorf("the summary needs %.0f px, is %.0f high and ends at %.0f; the notes start at %.0f: they overlap",
			w.summary.MinSize().Height, w.summary.Size().Height, bottom, next)
	}
}
