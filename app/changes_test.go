package app

import (
	"strings"
	"testing"
	"time"
)

// TestTagAfterTheQuestionsShowsAtOnce: a tag typed in the narrative after the questions makes
// an action, which the item's Actions show as soon as the save answers — without the meeting
// being read again.
func TestTagAfterTheQuestionsShowsAtOnce(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Serious organised crime", "The PCC presented the report.")
	h.sync()
	e.tabs.SelectIndex(1)
	reads := h.u.meeting.loads
	typeRunes(t, h, e.minutesAfter, "The Chair asked for a breakdown of the arrests by crime type. [Action: PCC]")
	h.sync()
	if len(e.actions.cards) != 1 || e.actions.cards[0].owner.Text != "PCC" ||
		!strings.Contains(e.actions.cards[0].text.Text, "breakdown of the arrests") || e.actions.cards[0].ref.Text == "New action" {
		t.Fatalf("the item's actions after the tag: %d cards", len(e.actions.cards))
	}
	if e.actions.title.Text != "Actions (1)" {
		t.Errorf("actions title %q", e.actions.title.Text)
	}
	if h.u.meeting.loads != reads {
		t.Errorf("the meeting was read again to find the action")
	}
	// Removing the tag removes the action (it has no history).
	e.minutesAfter.setText("")
	typeRunes(t, h, e.minutesAfter, "The Chair thanked the PCC.")
	h.sync()
	if len(e.actions.cards) != 0 {
		t.Errorf("%d action cards after the tag went", len(e.actions.cards))
	}
}

// TestMovingAnItemKeepsTheCursor: moving the item being typed in renumbers it and leaves the
// cursor where it was in its minutes.
func TestMovingAnItemKeepsTheCursor(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	addItem(h, "Apologies", "")
	e := addItem(h, "Police and Crime Plan", "")
	typeMinutes(e, "The PCC presented the plan.")
	p := e.minutes.paras[0]
	at := p.offset()
	h.u.runCommand("move-up")
	h.sync()
	if e.number.Text != "1" || e.item.Title != "Police and Crime Plan" {
		t.Fatalf("after moving up: item %q numbered %q", e.item.Title, e.number.Text)
	}
	if h.w.Canvas().Focused() != p || p.offset() != at {
		t.Errorf("the cursor moved: focus %T at %d, want the minutes at %d", h.w.Canvas().Focused(), p.offset(), at)
	}
	typeRunes(t, h, p, " Agreed.")
	h.sync()
	if it, _ := h.db().Item(e.item.ID); it.Minutes != "The PCC presented the plan. Agreed." {
		t.Errorf("minutes after the move %q", it.Minutes)
	}
}

// TestDeletingAnItemSaysNothingFalse: deleting an item while its last edit is still to be
// written neither writes it after nor says it could not be saved.
func TestDeletingAnItemSaysNothingFalse(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	addItem(h, "Apologies", "")
	e := addItem(h, "Police and Crime Plan", "")
	typeMinutes(e, "Typed just before deleting.")
	h.u.meeting.agenda.deleteItem(e.item.ID)
	h.sync()
	if strings.Contains(h.u.status.Text, "Could not") || strings.Contains(h.u.status.Text, "not found") {
		t.Errorf("status after deleting: %q", h.u.status.Text)
	}
	if fm, _ := h.db().LoadMeeting(h.u.meeting.fm.ID); len(fm.Items) != 1 || fm.Items[0].Title != "Apologies" {
		t.Errorf("items after deleting: %+v", fm.Items)
	}
	if a := h.u.meeting.agenda; a.editor.item == nil || a.editor.item.Title != "Apologies" || len(a.items()) != 1 {
		t.Errorf("the agenda after deleting shows %+v", a.editor.item)
	}
}

// TestTheMeetingEndedNow: Ctrl+Shift+T records the time now as when the meeting ended, in the
// clerk's form ("12.40pm"), saved with the meeting.
func TestTheMeetingEndedNow(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	m.ended.now = func() time.Time { return time.Date(2023, 9, 15, 12, 40, 0, 0, time.Local) }
	h.u.runCommand("end-meeting")
	h.sync()
	if mt, _ := h.db().Meeting(m.fm.ID); mt.Ended != "12.40pm" {
		t.Fatalf("the meeting ended at %q, want 12.40pm", mt.Ended)
	}
	if m.ended.entry.Text != "12.40pm" {
		t.Errorf("the screen shows %q", m.ended.entry.Text)
	}
}
