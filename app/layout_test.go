package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// y is where o is on the window, once the window has laid its content out again (the test
// driver has no frames to do it in).
func y(h *harness, o fyne.CanvasObject) float32 {
	size := h.w.Canvas().Size()
	h.w.Resize(size.AddWidthHeight(1, 0))
	h.w.Resize(size)
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
}

// TestNotesNeverMoveTheFieldsBelow: a note coming or going (a date not understood, an exempt
// item's paragraph still to choose) leaves the fields under it where they were, so that a
// click or the text typed for one never lands in another.
func TestNotesNeverMoveTheFieldsBelow(t *testing.T) {
	if n := newNote(); n.MinSize().Height <= 0 {
		t.Fatalf("an empty note keeps no line")
	}
	t.Run("first run", func(t *testing.T) {
		h := newHarness(t, nil)
		f := h.u.firstRun.form
		venue := y(h, f.venue)
		typeRunes(t, h, f.start.entry, "25.70") // not a time: its note speaks
		if !f.start.note.shown() {
			t.Fatal("no note for a time that is not one")
		}
		if got := y(h, f.venue); got != venue {
			t.Errorf("the venue field moved from %.0f to %.0f when the note appeared", venue, got)
		}
	})
	t.Run("exempt item", func(t *testing.T) {
		h := newMeeting(t, "2023-09-15")
		e := addItem(h, "Complaint against the Chief Constable", "")
		e.exempt.SetChecked(true)
		if !e.exemptNote.shown() {
			t.Fatal("no note asking for the paragraph")
		}
		summary := y(h, e.publicSummary)
		e.paragraph.SetSelected(schedule12A[0])
		if e.exemptNote.shown() {
			t.Fatal("the note stayed after the paragraph was chosen")
		}
		if got := y(h, e.publicSummary); got != summary {
			t.Errorf("the public summary moved from %.0f to %.0f when the note went", summary, got)
		}
	})
}
