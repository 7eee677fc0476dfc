package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

// addItem adds an item by the keyboard command and types its title and minutes.
func addItem(h *harness, title, minutes string) *itemEditor {
	h.u.runCommand("new-item")
	e := h.u.meeting.agenda.editor
	test.Type(e.title, title)
	if minutes != "" {
		setMinutes(e, minutes)
	}
	return e
}

func TestAgendaItemsAreNumberedAndReordered(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	a := h.u.meeting.agenda
	addItem(h, "Apologies for absence", "Apologies were received from Cllr Culverhouse.")
	addItem(h, "Declarations of interest", "")
	addItem(h, "Fighting Serious Organised Crime", "The PCC introduced the report.")
	if h.w.Canvas().Focused() != a.editor.title {
		t.Errorf("new item: the cursor is not in the title")
	}
	if a.selected != 2 || a.editor.number.Text != "3" {
		t.Fatalf("new item is not selected with number 3: selected %d, number %q", a.selected, a.editor.number.Text)
	}
	// Move the third item up twice from the keyboard: it becomes minute 1.
	h.u.runCommand("move-up")
	h.u.runCommand("move-up")
	h.sync()
	if a.editor.item.Title != "Fighting Serious Organised Crime" || a.editor.number.Text != "1" {
		t.Errorf("after moving up: %q is number %q, want it number 1", a.editor.item.Title, a.editor.number.Text)
	}
	fm, _ := h.db().LoadMeeting(h.u.meeting.fm.ID)
	var got []string
	for _, it := range fm.Items {
		got = append(got, it.Number+" "+it.Title)
	}
	want := "1 Fighting Serious Organised Crime|2 Apologies for absence|3 Declarations of interest"
	if strings.Join(got, "|") != want {
		t.Errorf("agenda in the database:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if fm.Items[0].Minutes != "The PCC introduced the report." {
		t.Errorf("minutes of item 1 = %q", fm.Items[0].Minutes)
	}

	// From another screen, the item commands bring the meeting back rather than act
	// unseen.
	h.u.showPeople()
	h.u.runCommand("next-item")
	if h.u.main.Objects[0] != h.u.meeting.content {
		t.Errorf("Next item from People did not bring the meeting back")
	}
	h.u.runCommand("previous-item")

	// Next and previous from the keyboard.
	h.u.runCommand("next-item")
	if a.selected != 1 || a.editor.item.Title != "Apologies for absence" {
		t.Errorf("next item: selected %d %q", a.selected, a.editor.item.Title)
	}
	if f, ok := h.w.Canvas().Focused().(*paragraph); !ok || f.p != a.editor.minutes {
		t.Errorf("next item: the cursor is not in the minutes")
	}
	h.u.runCommand("previous-item")
	if a.selected != 0 {
		t.Errorf("previous item: selected %d", a.selected)
	}

	// Delete the second item: the third becomes number 2.
	a.selectIndex(1)
	a.deleteItem(a.editor.item.ID)
	h.sync()
	fm, _ = h.db().LoadMeeting(h.u.meeting.fm.ID)
	if len(fm.Items) != 2 || fm.Items[1].Number != "2" || fm.Items[1].Title != "Declarations of interest" {
		t.Errorf("after delete: %+v", fm.Items)
	}
	if a.list.Length() != 2 {
		t.Errorf("the list shows %d items", a.list.Length())
	}
}

func TestItemTimeStampExemptAndTitleNote(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "", "")
	e.time.now = func() time.Time { return time.Date(2023, 9, 15, 23, 5, 0, 0, time.UTC) }
	h.u.runCommand("stamp-time")
	if e.time.entry.Text != "11.05pm" {
		t.Errorf("stamped %q, want 11.05pm", e.time.entry.Text)
	}
	// Minutes without a title: the note says so, and the minutes are saved all the same.
	h.u.runCommand("minutes")
	typeMinutes(e, "The Panel went into private session.")
	if !e.titleNote.shown() || !strings.Contains(e.titleNote.Text, "no title") {
		t.Errorf("title note = %q", e.titleNote.Text)
	}
	// Ticking exempt saves it as exempt at once (public documents must leave it out), with
	// a note asking for the Schedule 12A paragraph.
	e.exempt.SetChecked(true)
	if !e.exemptNote.shown() {
		t.Errorf("no note asking for the Schedule 12A paragraph")
	}
	test.Type(e.publicSummary, "The Panel considered a complaint.")
	h.sync()
	it, _ := h.db().Item(e.item.ID)
	if it.Time != "11.05pm" || it.Minutes != "The Panel went into private session." || !it.Exempt || it.ExemptParagraph != 0 || it.PublicSummary != "The Panel considered a complaint." {
		t.Errorf("item before the paragraph: %+v", it)
	}
	e.paragraph.SetSelected(schedule12A[0])
	test.Type(e.title, "Complaint against the PCC")
	h.sync()
	it, _ = h.db().Item(e.item.ID)
	if !it.Exempt || it.ExemptParagraph != 1 || it.Title != "Complaint against the PCC" {
		t.Errorf("item after the paragraph: %+v", it)
	}
	if e.titleNote.shown() || e.exemptNote.shown() {
		t.Errorf("notes still showing: %q %q", e.titleNote.Text, e.exemptNote.Text)
	}
	// A time that does not read keeps the stored one.
	e.time.entry.SetText("25.99")
	h.sync()
	if !e.time.note.shown() {
		t.Errorf("no note for a bad time")
	}
	if it, _ := h.db().Item(e.item.ID); it.Time != "11.05pm" {
		t.Errorf("stored time %q after a bad one was typed", it.Time)
	}
}

func TestQuestionsResolutionsAndActions(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Fighting Serious Organised Crime", "")
	q := e.questions

	for i, text := range []string{"What training do teachers receive?", "Is there a campaign in care homes?", "How does GDPR hinder sharing?"} {
		h.u.runCommand("new-question")
		c := q.cards[len(q.cards)-1]
		if h.w.Canvas().Focused() != c.askedBy {
			t.Errorf("new question %d: the cursor is not in “asked by”", i+1)
		}
		if c.number.Text != []string{"(1)", "(2)", "(3)"}[i] {
			t.Errorf("question %d numbered %q", i+1, c.number.Text)
		}
		c.askedBy.SetText("Cllr Barrie Patman")
		test.Type(c.question, text)
		c.answeredBy.SetText("The PCC")
		test.Type(c.answer, "The PCC replied.")
	}
	// Move the third question to the top.
	q.move(q.cards[2], -1)
	q.move(q.cards[1], -1)
	if q.cards[0].number.Text != "(1)" || q.cards[0].question.Text != "How does GDPR hinder sharing?" {
		t.Errorf("after moving: first card %q %q", q.cards[0].number.Text, q.cards[0].question.Text)
	}
	// A written reply to follow becomes an action.
	q.cards[1].written.SetChecked(true)
	// Delete the last question.
	q.remove(q.cards[2])

	// A resolution with lettered parts.
	h.u.runCommand("new-resolution")
	r := e.resolutions.cards[0]
	if h.w.Canvas().Focused() != r.text {
		t.Errorf("new resolution: the cursor is not in its text")
	}
	if r.text.Text != "That " {
		t.Errorf("a new resolution starts %q", r.text.Text)
	}
	r.text.SetText("That the report be noted, and")
	r.addPart(false)
	test.Type(r.text, "the PCC provide the breakdown of arrests;")
	r.text.SetText(r.text.Text + "")
	r.addPart(false)

	// An action typed by the clerk, and one from a tag in the minutes.
	h.u.runCommand("new-action")
	ac := e.actions.cards[len(e.actions.cards)-1]
	if h.w.Canvas().Focused() != ac.owner {
		t.Errorf("new action: the cursor is not in the owner")
	}
	ac.owner.SetText("Scrutiny Officer")
	test.Type(ac.text, "Circulate the Home Office guidance")
	ac.due.entry.SetText("31/10/2023")
	ac.status.SetSelected("In progress")
	setMinutes(e, "The PCC would share the presentation. [Action: PCC]")
	h.sync()

	fm, err := h.db().LoadMeeting(h.u.meeting.fm.ID)
	if err != nil {
		t.Fatal(err)
	}
	it := fm.Items[0]
	var qs []string
	for _, x := range it.Questions {
		qs = append(qs, x.Question)
	}
	if got := strings.Join(qs, "|"); got != "How does GDPR hinder sharing?|What training do teachers receive?" {
		t.Errorf("questions in the database: %s", got)
	}
	if !it.Questions[1].WrittenReply || it.Questions[0].AskedBy != "Cllr Barrie Patman" || it.Questions[0].AnsweredBy != "The PCC" {
		t.Errorf("questions: %+v", it.Questions)
	}
	if len(it.Resolutions) != 1 || !strings.HasPrefix(it.Resolutions[0].Text, "That the report be noted, and\n(a) the PCC provide") ||
		!strings.Contains(it.Resolutions[0].Text, "\n(b)") {
		t.Errorf("resolution: %+v", it.Resolutions)
	}
	bySource := map[string]data.Action{}
	for _, a := range it.Actions {
		bySource[a.Source] = a
	}
	if a := bySource[""]; a.Owner != "Scrutiny Officer" || a.Due != "2023-10-31" || a.Status != data.ActionInProgress || a.Ref == "" {
		t.Errorf("the clerk's action: %+v", a)
	}
	if a := bySource["written_reply"]; a.Owner != "PCC" {
		t.Errorf("written-reply action: %+v", a)
	}
	if a := bySource["tag"]; a.Owner != "PCC" {
		t.Errorf("tag action: %+v", a)
	}
	if len(it.Actions) != 3 {
		t.Errorf("%d actions, want 3: %+v", len(it.Actions), it.Actions)
	}
	// The panel beside shows all three, with their references.
	if len(e.actions.cards) != 3 {
		t.Errorf("the actions panel shows %d cards, want 3", len(e.actions.cards))
	}
	for _, c := range e.actions.cards {
		if c.a.ID == 0 || !strings.Contains(c.ref.Text, "-A") {
			t.Errorf("card without a saved reference: %+v", c.a)
		}
	}
	if e.tabs.buttons[1].Text != "Questions (2)" || e.tabs.buttons[2].Text != "Resolutions (1)" {
		t.Errorf("tab titles %q %q", e.tabs.buttons[1].Text, e.tabs.buttons[2].Text)
	}
}

// TestTypingDoesNotWritePerKeystroke types into a 5,000-word minute and checks that no
// write happens until the pause, and then exactly one.
func TestTypingDoesNotWritePerKeystroke(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Budget", "")
	h.sync()
	words := longMinutes()
	e.minutes.SetText(words)
	before := h.u.saver.writeCount()
	first := e.minutes.paras[0]
	first.CursorRow, first.CursorColumn = 0, 0
	typed := "The Chairman thanked the PCC. "
	test.Type(first, typed)
	if n := h.u.saver.writeCount() - before; n != 0 {
		t.Fatalf("%d database writes during typing, want none until the pause", n)
	}
	if h.u.saver.pending() != 1 {
		t.Errorf("%d writes queued, want the item once", h.u.saver.pending())
	}
	h.sync()
	if n := h.u.saver.writeCount() - before; n != 1 {
		t.Errorf("%d writes after the pause, want 1", n)
	}
	it, _ := h.db().Item(e.item.ID)
	if len(strings.Fields(it.Minutes)) < 5000 || !strings.Contains(it.Minutes, "thanked the PCC") {
		t.Errorf("stored minutes have %d words", len(strings.Fields(it.Minutes)))
	}
}

// longMinutes is a minute of over 5,000 words in 50 paragraphs.
func longMinutes() string {
	para := strings.TrimSpace(strings.Repeat("Members asked how the funding for the county lines work had been spent this year. ", 7)) +
		" The PCC said figures would follow."
	paras := make([]string, 50)
	for i := range paras {
		paras[i] = para
	}
	return strings.Join(paras, "\n\n")
}

// BenchmarkTypingIntoLongMinutes measures one keystroke into a 5,000-word minute on the UI
// goroutine: Fyne's text layout and the saver's bookkeeping, with no database work.
func BenchmarkTypingIntoLongMinutes(b *testing.B) {
	h := newHarness(b, panel)
	n := h.u.nav
	n.selectBody(n.bodies[0].ID)
	if err := n.createMeeting(data.Meeting{Date: "2024-01-12"}); err != nil {
		b.Fatal(err)
	}
	h.u.meeting.agenda.onAddItem()
	e := h.u.meeting.agenda.editor
	e.minutes.SetText(longMinutes())
	h.w.Resize(fyne.NewSize(1280, 800))
	middle := e.minutes.paras[len(e.minutes.paras)/2] // typing goes into one paragraph's Entry
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		middle.TypedRune('x')
	}
	b.StopTimer()
	if w := h.u.saver.writeCount(); w > 3 {
		b.Errorf("%d writes while typing", w)
	}
}

// TestClosingTheWindowLosesNothing makes edits everywhere and closes the window at once.
func TestClosingTheWindowLosesNothing(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	id := m.fm.ID
	row(t, m, "Culverhouse").kind.SetSelected("Apologies")
	m.venue.SetText("Paralympic Room, The Gateway")
	e := addItem(h, "Police and Crime Plan", "")
	typeMinutes(e, "The PCC presented the plan.")
	h.u.runCommand("new-question")
	c := e.questions.cards[0]
	test.Type(c.question, "When will the plan be published?")
	h.u.runCommand("new-action")
	ac := e.actions.cards[0]
	ac.owner.SetText("PCC")
	test.Type(ac.text, "Publish the plan")
	if h.u.saver.pending() == 0 {
		t.Fatal("nothing pending before closing: the test would prove nothing")
	}

	h.w.Close() // no sync: the close itself must write

	s := h.db()
	fm, err := s.LoadMeeting(id)
	if err != nil {
		t.Fatal(err)
	}
	if fm.Venue != "Paralympic Room, The Gateway" {
		t.Errorf("venue %q", fm.Venue)
	}
	for _, a := range fm.Attendance {
		if strings.Contains(a.Name, "Culverhouse") && a.Kind != data.Apologies {
			t.Errorf("apologies lost: %+v", a)
		}
	}
	it := fm.Items[0]
	if it.Title != "Police and Crime Plan" || it.Minutes != "The PCC presented the plan." {
		t.Errorf("item %q: %q", it.Title, it.Minutes)
	}
	if len(it.Questions) != 1 || it.Questions[0].Question != "When will the plan be published?" {
		t.Errorf("questions %+v", it.Questions)
	}
	if len(it.Actions) != 1 || it.Actions[0].Text != "Publish the plan" {
		t.Errorf("actions %+v", it.Actions)
	}
}

// typeMinutes types s at the end of an item's minutes, as the clerk would after Ctrl+M.
func typeMinutes(e *itemEditor, s string) {
	e.minutes.FocusEnd(e.a.m.u.win.Canvas())
	test.Type(e.minutes.paras[len(e.minutes.paras)-1], s)
}

// setMinutes replaces an item's minutes as a paste over the whole text would, and saves.
func setMinutes(e *itemEditor, s string) {
	e.minutes.SetText(s)
	e.minutes.OnChanged(e.minutes.Text())
}

// TestNarrativeAfterQuestions: what the meeting said after the questions is typed under
// them and saved apart from the minutes before them.
func TestNarrativeAfterQuestions(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Serious organised crime", "")
	typeMinutes(e, "The PCC presented the report.")
	e.tabs.SelectIndex(1)
	test.Type(e.minutesAfter, "The Chair asked for a breakdown of the arrests. [Action: PCC]")
	h.sync()
	it, err := h.db().Item(e.item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if it.Minutes != "The PCC presented the report." || it.MinutesAfter != "The Chair asked for a breakdown of the arrests. [Action: PCC]" {
		t.Fatalf("stored %q / %q", it.Minutes, it.MinutesAfter)
	}
	fm, _ := h.db().LoadMeeting(it.MeetingID)
	var acts []data.Action
	for _, x := range fm.Items {
		if x.ID == it.ID {
			acts = x.Actions
		}
	}
	if len(acts) != 1 || acts[0].Owner != "PCC" || !strings.Contains(acts[0].Text, "breakdown of the arrests") {
		t.Errorf("the tag after the questions made %+v", acts)
	}
}
