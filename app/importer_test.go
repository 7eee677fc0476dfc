package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"minutebook/data"
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
	if w.body.Text != "Upper Thames Police and Crime Panel" {
		t.Errorf("body prefilled with %q", w.body.Text)
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
	// This minute does not give its date: the preview asks for it.
	w.text.SetText(string(text))
	h.drain()
	if w.preview != nil || !strings.Contains(w.summary.Text, "date") {
		t.Errorf("without a date: %q", w.summary.Text)
	}
	w.date.entry.SetText("15/09/2023")
	h.drain()
	if w.preview == nil || w.importBtn.Disabled() {
		t.Fatalf("no preview: %q", w.summary.Text)
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
