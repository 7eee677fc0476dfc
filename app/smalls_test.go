package app

import (
	"github.com/minutebook/minutebook/data"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestNewItemOpensOnItsMinutes: a new item opens on its Minutes tab, whichever tab the item
// before was left on.
func TestNewItemOpensOnItsMinutes(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Apologies", "")
	e.tabs.SelectIndex(2) // Resolutions
	h.u.runCommand("new-item")
	if e.tabs.selected != 0 {
		t.Errorf("the new item opened on tab %d, want the minutes", e.tabs.selected)
	}
}

// TestRestartOpensWhereTheClerkWas: opening the minute book again opens the meeting, its tab,
// the item and the item's tab the clerk was in.
func TestRestartOpensWhereTheClerkWas(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	addItem(h, "Apologies", "")
	e := addItem(h, "Police and Crime Plan", "")
	addItem(h, "Any other business", "")
	h.u.meeting.agenda.selectIndex(1)
	e.tabs.SelectIndex(1) // Questions
	h.sync()
	if err := h.u.open(h.path); err != nil {
		t.Fatal(err)
	}
	m := h.u.meeting
	if m.tabs.SelectedIndex() != 1 || m.agenda.editor.item == nil || m.agenda.editor.item.Title != "Police and Crime Plan" || m.agenda.editor.tabs.selected != 1 {
		t.Errorf("reopened on tab %d, item %v, item tab %d; want the agenda, Police and Crime Plan, its questions",
			m.tabs.SelectedIndex(), m.agenda.editor.item, m.agenda.editor.tabs.selected)
	}
}

// TestNewQuestionCardComesIntoView: a fourth question's card is in view when added, and the
// mouse wheel over the cards (over their text boxes too) scrolls them.
func TestNewQuestionCardComesIntoView(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	p := e.questions
	for i := 0; i < 4; i++ {
		h.u.runCommand("new-question")
	}
	last := p.cards[len(p.cards)-1]
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(last.content).Y
	view := d.AbsolutePositionForObject(p.scroll)
	if top < view.Y || top+last.askedBy.Size().Height > view.Y+p.scroll.Size().Height {
		t.Errorf("the new card is at %.0f, out of the view %.0f–%.0f", top, view.Y, view.Y+p.scroll.Size().Height)
	}
	p.scroll.ScrollToTop()
	wheel := p.content.(*fyne.Container).Objects[0].(*fyne.Container).Objects[1].(*wheelForwarder)
	wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if p.scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over the cards did not scroll them")
	}
}

// TestNextPartPutsTheCursorOnItsLine: after "(b)" is added to a long resolution that wraps,
// the cursor is after "(b) " on the new line, and typing goes there.
func TestNextPartPutsTheCursorOnItsLine(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	h.u.runCommand("new-resolution")
	c := e.resolutions.cards[0]
	typeRunes(t, h, c.text, "the Panel:\n(a) note the report of the Police and Crime Commissioner on the delivery of the Police and Crime Plan over the year and the measures of performance set out in its appendix;")
	c.addPart(false)
	typeRunes(t, h, c.text, "ask for a breakdown of the arrests.")
	if !strings.HasSuffix(c.text.Text, "appendix;\n(b) ask for a breakdown of the arrests.") {
		t.Errorf("the resolution reads %q", c.text.Text)
	}
}

// TestTabInANewActionMovesOnlyBetweenItsFields: owner, what is to be done, due date, status.
func TestTabInANewActionMovesOnlyBetweenItsFields(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	h.u.runCommand("new-action")
	c := h.w.Canvas()
	a := e.actions.cards[len(e.actions.cards)-1]
	for i, want := range []fyne.Focusable{a.owner, a.text, a.due.entry, a.status} {
		if c.Focused() != want {
			t.Fatalf("after %d Tabs the focus is on %s", i, describeFocus(c.Focused()))
		}
		tab(c, false)
	}
}

// TestPeopleAreListedBySurname: the members a new meeting lists, and the names offered to
// choose from, go by surname.
func TestPeopleAreListedBySurname(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	var got []string
	for _, r := range h.u.meeting.rows {
		got = append(got, r.a.Name)
	}
	want := "Cllr Emily Culverhouse|Cllr Dylan Ŵyn Jones|Mr Ted Łukasz|Cllr Barrie Patman" // Culverhouse, Jones, Łukasz, Patman
	if strings.Join(got, "|") != want {
		t.Errorf("the meeting lists %v, want %s", got, want)
	}
	if opts := h.u.meeting.addName.options; len(opts) < 2 || surname(opts[0]) > surname(opts[1]) {
		t.Errorf("the names offered are %v", opts)
	}
}

// TestOnlyMembersPresentDeclare: a member who sent apologies is not offered for a
// declaration of interest.
func TestOnlyMembersPresentDeclare(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	row(t, m, "Culverhouse").kind.SetSelected("Apologies")
	h.u.runCommand("new-declaration")
	d := m.decls[len(m.decls)-1]
	for _, n := range d.member.options {
		if strings.Contains(n, "Culverhouse") {
			t.Errorf("a member who sent apologies is offered: %v", d.member.options)
		}
	}
	if len(d.member.options) != 3 {
		t.Errorf("offered %v, want the three present", d.member.options)
	}
}

// TestANewMeetingOpensAtTheTopOfItsDetails: the details of a newly opened meeting start at
// the top, wherever the last meeting's were scrolled.
func TestANewMeetingOpensAtTheTopOfItsDetails(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	m.detailsScroll.ScrollToOffset(fyne.NewPos(0, 300))
	n := h.u.nav
	if err := n.createMeeting(data.Meeting{Date: "2023-11-24"}); err != nil {
		t.Fatal(err)
	}
	if m.detailsScroll.Offset.Y != 0 {
		t.Errorf("the new meeting's details open scrolled to %.0f", m.detailsScroll.Offset.Y)
	}
}
