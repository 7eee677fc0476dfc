package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// TestTabInAQuestionMovesOnlyBetweenItsFields: after Ctrl+Shift+Q the cursor is in "Asked
// by", and Tab goes to "Answered by", the question, the answer and "written reply" — never to
// a drop-down arrow or the ↑, ↓ and delete buttons — and types no tab character. Shift+Tab
// goes back the same way.
func TestTabInAQuestionMovesOnlyBetweenItsFields(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	h.u.runCommand("new-question")
	h.u.runCommand("new-question")
	c := h.w.Canvas()
	q := e.questions.cards[1]
	want := []struct {
		name string
		o    fyne.Focusable
	}{{"asked by", q.askedBy}, {"answered by", q.answeredBy}, {"question", q.question}, {"answer", q.answer}, {"written reply", q.written}}
	for i, w := range want {
		if c.Focused() != w.o {
			t.Fatalf("after %d Tabs the focus is on %s, want %s", i, describeFocus(c.Focused()), w.name)
		}
		if i < len(want)-1 {
			tab(c, false)
		}
	}
	for i := len(want) - 2; i >= 0; i-- {
		tab(c, true)
		if c.Focused() != want[i].o {
			t.Fatalf("Shift+Tab back to %s went to %s", want[i].name, describeFocus(c.Focused()))
		}
	}
	typeRunes(t, h, q.question, "How many?")
	tab(c, false)
	if q.question.Text != "How many?" || c.Focused() != q.answer {
		t.Errorf("Tab in the question typed into it (%q) or went to %s", q.question.Text, describeFocus(c.Focused()))
	}
}

// tab does what the window does with Tab on a field that takes no tab character.
func tab(c fyne.Canvas, back bool) {
	if tb, ok := c.Focused().(fyne.Tabbable); ok && tb.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	shiftHeld = back
	defer func() { shiftHeld = false }()
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

func describeFocus(f fyne.Focusable) string {
	if f == nil {
		return "nothing"
	}
	return fmt.Sprintf("%T", f)
}
