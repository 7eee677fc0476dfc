package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// newMeeting creates a meeting of the first body through the New meeting form, as the
// clerk does, and returns the harness showing it.
func newMeeting(t *testing.T, date string) *harness {
	t.Helper()
	h := newHarness(t, panel)
	n := h.u.nav
	n.selectBody(n.bodies[0].ID)
	f := n.newMeetingForm("New meeting", "Create", data.Meeting{StartTime: n.body.DefaultTime, Venue: n.body.DefaultVenue}, n.createMeeting)
	if f.start.entry.Text != "10.30am" || f.venue.Text != "Council Chamber, Guildhall" {
		t.Errorf("form prefilled with %q, %q; want the body's usual time and venue", f.start.entry.Text, f.venue.Text)
	}
	test.Type(f.date.entry, date)
	if !f.submit() {
		t.Fatalf("the form refused %q: %s", date, f.date.note.Text)
	}
	h.sync()
	return h
}

// row finds the attendance row of a name.
func row(t *testing.T, m *meetingScreen, name string) *attendanceRow {
	t.Helper()
	for _, r := range m.rows {
		if strings.Contains(r.a.Name, name) {
			return r
		}
	}
	t.Fatalf("no attendance row for %s", name)
	return nil
}

func TestNewMeetingListsMembersAndOpens(t *testing.T) {
	h := newMeeting(t, "15/9/2023")
	m := h.u.meeting
	if m.fm == nil || m.fm.Date != "2023-09-15" {
		t.Fatalf("the meeting on show is %+v", m.fm)
	}
	if got := m.heading.Text; got != "Friday 15 September 2023" {
		t.Errorf("heading %q", got)
	}
	if len(h.u.nav.meetings) != 1 || h.u.nav.shown != m.fm.ID {
		t.Errorf("the navigation does not list the new meeting")
	}
	fm, err := h.db().LoadMeeting(m.fm.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fm.StartTime != "10.30am" || fm.Venue != "Council Chamber, Guildhall" {
		t.Errorf("meeting time and venue %q, %q", fm.StartTime, fm.Venue)
	}
	// Four members and the co-opted member are listed present; the PCC, the officer and
	// the guest are not members.
	if len(fm.Attendance) != 4 {
		t.Fatalf("%d listed, want the 4 members: %+v", len(fm.Attendance), fm.Attendance)
	}
	for _, a := range fm.Attendance {
		if a.Kind != data.Present {
			t.Errorf("%s is %s, want present", a.Name, a.Kind)
		}
	}
}

func TestAttendanceIsRecorded(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting

	m.chair.SetSelected("Cllr Barrie Patman")
	row(t, m, "Culverhouse").kind.SetSelected("Apologies")
	test.Type(row(t, m, "Ŵyn Jones").arrived.entry, "10.45am")
	test.Type(row(t, m, "Łukasz").left.entry, "12:15")

	// A guest substitutes for the member who sent apologies, in one step from the add bar;
	// without the member named, the bar asks and adds nothing.
	m.addName.SetText("Cllr Sam Reserve")
	m.addKind.SetText("Substitute")
	if m.addFor.Disabled() {
		t.Fatalf("“for the member” is not offered for a substitute")
	}
	m.onAddAttendee()
	if !strings.Contains(m.addNote.Text, "which member") || len(m.rows) != 4 {
		t.Errorf("a substitute for no one was added (note %q)", m.addNote.Text)
	}
	typeRunes(t, h, m.addFor, "Culver")
	h.w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // takes the suggestion and adds
	sub := row(t, m, "Sam Reserve")
	if sub.kind.Selected != "Substitute" || sub.subFor.Selected != "Cllr Emily Culverhouse" {
		t.Errorf("the substitute's row says %q for %q", sub.kind.Selected, sub.subFor.Selected)
	}

	// The PCC and the officer are in attendance, as what People says they are; a witness is
	// typed by name.
	m.addName.SetText("Mr Matthew Barber")
	if m.addKind.Text != "In attendance" {
		t.Errorf("the PCC is offered as %q, want In attendance", m.addKind.Text)
	}
	m.onAddAttendee()
	m.addName.SetText("Dr Ada Witness")
	m.addKind.SetText("In attendance")
	m.onAddAttendee()
	h.sync()

	fm, err := h.db().LoadMeeting(m.fm.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.Attendance{}
	for _, a := range fm.Attendance {
		got[a.Name] = a
	}
	checks := []struct {
		name, kind, role, arrived, left, subFor string
	}{
		{"Cllr Barrie Patman", data.Present, data.RoleChair, "", "", ""},
		{"Cllr Emily Culverhouse", data.Apologies, "", "", "", ""},
		{"Cllr Dylan Ŵyn Jones", data.Present, "", "10.45am", "", ""},
		{"Mr Ted Łukasz", data.Present, "", "", "12.15pm", ""},
		{"Cllr Sam Reserve", data.Substitute, "", "", "", "Cllr Emily Culverhouse"},
		{"Mr Matthew Barber", data.InAttendance, "Police and Crime Commissioner", "", "", ""},
		{"Dr Ada Witness", data.InAttendance, "", "", "", ""},
	}
	for _, c := range checks {
		a, ok := got[c.name]
		if !ok {
			t.Errorf("%s is not in the attendance", c.name)
			continue
		}
		if a.Kind != c.kind || a.Role != c.role || a.Arrived != c.arrived || a.Left != c.left || a.SubstituteFor != c.subFor {
			t.Errorf("%s = %s/%q/%q/%q/%q, want %s/%q/%q/%q/%q", c.name, a.Kind, a.Role, a.Arrived, a.Left, a.SubstituteFor,
				c.kind, c.role, c.arrived, c.left, c.subFor)
		}
	}
	if fm.ChairID == 0 || fm.Chair.Name != "Barrie Patman" {
		t.Errorf("Chair on the day = %+v", fm.Chair)
	}
}

func TestNewPersonInsideTheMeeting(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	m.addName.SetText("Kate Witness")
	d := m.newPersonDialog()
	if d.form.name.Text != "Kate Witness" {
		t.Errorf("the name typed is not carried into the form: %q", d.form.name.Text)
	}
	d.form.title.SetText("Dr")
	test.Type(d.form.authority, "University of Reading")
	d.form.role.SetSelected(roleWord(data.RoleWitness))
	if d.kind.Selected != "In attendance" {
		t.Errorf("a witness is offered as %q", d.kind.Selected)
	}
	if !d.submit() {
		t.Fatalf("could not add the person: %s", d.form.nameNote.Text)
	}
	h.sync()
	people, _ := h.db().People(m.fm.BodyID, false)
	found := false
	for _, x := range people {
		found = found || (x.Name == "Kate Witness" && x.Title == "Dr" && x.Role == data.RoleWitness)
	}
	if !found {
		t.Errorf("the new person is not in People")
	}
	fm, _ := h.db().LoadMeeting(m.fm.ID)
	if last := fm.Attendance[len(fm.Attendance)-1]; last.Name != "Dr Kate Witness" || last.Kind != data.InAttendance {
		t.Errorf("last attendance = %+v", last)
	}
}

func TestDeclarationIsSavedOnceComplete(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	m.agenda.onAddItem()
	test.Type(m.agenda.editor.title, "Precept proposal")
	m.onAddDeclaration()
	d := m.decls[len(m.decls)-1]
	test.Type(d.text, "Trustee of a charity funded by the OPCC")
	if !d.note.shown() {
		t.Errorf("no note asking for the member")
	}
	h.sync()
	if fm, _ := h.db().LoadMeeting(m.fm.ID); len(fm.Declarations) != 0 {
		t.Fatalf("an incomplete declaration was written")
	}
	if h.w.Canvas().Focused() != d.member {
		t.Errorf("a new declaration does not start at the member")
	}
	typeRunes(t, h, d.member, "Łuk")
	h.w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab}) // takes "Mr Ted Łukasz"
	d.item.SetSelected("1. Precept proposal")
	d.kind.SetSelected("Other registrable interest")
	d.left.SetChecked(true)
	h.sync()
	fm, _ := h.db().LoadMeeting(m.fm.ID)
	if len(fm.Declarations) != 1 {
		t.Fatalf("%d declarations, want 1", len(fm.Declarations))
	}
	got := fm.Declarations[0]
	if got.Name != "Mr Ted Łukasz" || got.ItemID != fm.Items[0].ID || got.Kind != data.InterestRegistrable || !got.LeftRoom ||
		got.Text != "Trustee of a charity funded by the OPCC" {
		t.Errorf("declaration = %+v", got)
	}
	// Further edits update it rather than adding another.
	test.Type(d.text, ".")
	h.sync()
	if fm, _ := h.db().LoadMeeting(m.fm.ID); len(fm.Declarations) != 1 || !strings.HasSuffix(fm.Declarations[0].Text, "OPCC.") {
		t.Errorf("after an edit: %+v", fm.Declarations)
	}
}

func TestImpossibleDateKeepsTextAndSavesTheRest(t *testing.T) {
	h := newMeeting(t, "2024-02-28")
	m := h.u.meeting
	m.date.entry.SetText("31/02/2024")
	if !m.date.note.shown() || m.date.note.Importance != widget.DangerImportance || !strings.Contains(m.date.note.Text, "not a real date") {
		t.Errorf("date note = %q", m.date.note.Text)
	}
	m.venue.SetText(m.venue.Text + ", Room 2")
	h.sync()
	if m.date.entry.Text != "31/02/2024" {
		t.Errorf("the text typed was replaced by %q", m.date.entry.Text)
	}
	mt, _ := h.db().Meeting(m.fm.ID)
	if mt.Date != "2024-02-28" {
		t.Errorf("stored date = %s, want the last good one", mt.Date)
	}
	if mt.Venue != "Council Chamber, Guildhall, Room 2" {
		t.Errorf("venue = %q, want it saved despite the bad date", mt.Venue)
	}
	// Once the date reads, it is saved and the note says what was understood.
	m.date.entry.SetText("29 Feb 2024")
	h.sync()
	if m.date.note.Text != "Thursday 29 February 2024" {
		t.Errorf("date hint = %q", m.date.note.Text)
	}
	if mt, _ := h.db().Meeting(m.fm.ID); mt.Date != "2024-02-29" {
		t.Errorf("stored date = %s, want 2024-02-29", mt.Date)
	}
	if h.u.nav.meetings[0].Date != "2024-02-29" {
		t.Errorf("the meetings list was not refreshed")
	}
}

func TestApproveAndReopen(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	m.agenda.onAddItem()
	test.Type(m.agenda.editor.title, "Minutes of the last meeting")
	h.sync()

	f := m.newApproveForm()
	f.date.entry.SetText("13/10/2023")
	test.Type(f.amendments, "Minute 3: for “Reading” read “Slough”.")
	if !f.submit() {
		t.Fatalf("approval refused: %s", f.date.note.Text)
	}
	h.sync()
	mt, _ := h.db().Meeting(m.fm.ID)
	if !mt.Approved() || mt.ApprovedOn != "2023-10-13" || !strings.Contains(mt.Amendments, "Slough") {
		t.Errorf("after approval: %+v", mt)
	}
	if !m.readOnly || !m.agenda.editor.title.Disabled() || !m.venue.Disabled() || m.reopenBtn.Hidden || !m.approveBtn.Hidden {
		t.Errorf("approved minutes are not shown read-only")
	}
	if m.agenda.addBtn.Visible() {
		t.Errorf("New item is offered on approved minutes")
	}
	// Approved minutes print without the draft mark.
	dir := t.TempDir()
	m.onExport()
	if text := pdfText(t, exportTo(t, h, dir)); strings.Contains(text, "DRAFT") || !strings.Contains(text, "Minutes of the last meeting") {
		t.Errorf("the approved minutes' PDF still says DRAFT, or lacks the item:\n%s", text)
	}
	h.closeOverlays()
	// A change that slips through is refused by the store, not lost silently.
	m.agenda.editor.save()
	h.sync()
	if it, _ := h.db().Item(m.fm.Items[0].ID); it.Title != "Minutes of the last meeting" {
		t.Errorf("approved item changed: %q", it.Title)
	}

	if !strings.Contains(m.statusLabel.Text, "Minutes approved on 13 Oct 2023") || m.historyBtn.Hidden {
		t.Errorf("header %q, history button hidden %v", m.statusLabel.Text, m.historyBtn.Hidden)
	}
	if fm, _ := h.db().LoadMeeting(m.fm.ID); minutesFileName(fm, 0) != "PCP minutes 2023-09-15.pdf" {
		t.Errorf("approved minutes are named %q", minutesFileName(fm, 0))
	}

	// Reopening asks why, and records it.
	f2 := m.newReopenForm()
	if f2.submit() {
		t.Errorf("reopened without a reason")
	}
	test.Type(f2.reason, "Minute 1 named the wrong authority")
	if !f2.submit() {
		t.Fatalf("reopen refused: %s", f2.why.Text)
	}
	h.sync()
	if mt, _ := h.db().Meeting(m.fm.ID); mt.Approved() {
		t.Errorf("still approved after reopening")
	}
	hist, _ := h.db().MeetingHistory(m.fm.ID)
	if len(hist) != 2 || hist[0].Kind != data.EventApproved || hist[1].Kind != data.EventReopened || hist[1].Note != "Minute 1 named the wrong authority" {
		t.Errorf("history %+v", hist)
	}
	if m.statusLabel.Text != "Upper Thames Police and Crime Panel · Draft minutes" || len(m.history) != 2 {
		t.Errorf("header %q, %d events", m.statusLabel.Text, len(m.history))
	}
	m.onHistory()
	if msg := h.overlayText(); !strings.Contains(msg, "Reopened for correction: Minute 1 named the wrong authority") || !strings.Contains(msg, "Approved") {
		t.Errorf("history dialog:\n%s", msg)
	}
	h.closeOverlays()
	if fm, _ := h.db().LoadMeeting(m.fm.ID); minutesFileName(fm, 0) != "PCP minutes 2023-09-15 (draft).pdf" {
		t.Errorf("reopened minutes are named %q", minutesFileName(fm, 0))
	}
	m.onExport()
	if text := pdfText(t, exportTo(t, h, dir)); !strings.Contains(text, "DRAFT – subject to approval") {
		t.Errorf("the reopened minutes' PDF is not marked DRAFT")
	}
	h.closeOverlays()
	if m.readOnly || m.agenda.editor.title.Disabled() {
		t.Errorf("reopened minutes are still read-only on screen")
	}
	test.Type(m.agenda.editor.title, " (corrected)")
	h.sync()
	if it, _ := h.db().Item(m.fm.Items[0].ID); it.Title != "Minutes of the last meeting (corrected)" {
		t.Errorf("after reopening, title = %q", it.Title)
	}
}

func TestDuplicateAsNextAndDelete(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	for _, title := range []string{"Apologies", "Declarations", "Precept"} {
		m.agenda.onAddItem()
		test.Type(m.agenda.editor.title, title)
		typeMinutes(m.agenda.editor, "Minutes of "+title+".")
	}
	h.sync()
	first := m.fm.ID
	n := h.u.nav
	next, _ := h.db().Meeting(first)
	next.Date = "2023-10-13"
	if err := n.duplicate(first, next); err != nil {
		t.Fatal(err)
	}
	h.sync()
	if m.fm.ID == first || m.fm.Date != "2023-10-13" || len(m.fm.Items) != 3 || m.fm.Items[2].Title != "Precept" || m.fm.Items[2].Minutes != "" {
		t.Errorf("next meeting on show: %s with %d items", m.fm.Date, len(m.fm.Items))
	}
	if len(n.meetings) != 2 || n.meetings[0].Date != "2023-10-13" {
		t.Errorf("meetings listed: %+v", n.meetings)
	}

	// Deleting says what goes, and that actions stay.
	n.selectMeeting(first)
	m.agenda.selectIndex(2)
	m.agenda.editor.actions.onAdd()
	c := m.agenda.editor.actions.cards[0]
	c.owner.SetText("PCC")
	test.Type(c.text, "Circulate the precept breakdown")
	h.sync()
	fm, _ := h.db().LoadMeeting(first)
	msg := deleteMessage(fm)
	for _, want := range []string{"Friday 15 September 2023", "3 agenda items", "1 action stay in the action log"} {
		if !strings.Contains(msg, want) {
			t.Errorf("delete message lacks %q:\n%s", want, msg)
		}
	}
	n.deleteMeeting(first)
	h.sync()
	if _, err := h.db().Meeting(first); err == nil {
		t.Errorf("the meeting is still there")
	}
	acts, _ := h.db().ActionsOfBody(0)
	if len(acts) != 1 || acts[0].Text != "Circulate the precept breakdown" {
		t.Errorf("actions after deleting the meeting: %+v", acts)
	}
	if len(n.meetings) != 1 || m.fm.Date != "2023-10-13" {
		t.Errorf("after delete the next newest meeting is not on show")
	}
}

// BenchmarkMeetingScreenLargest builds the meeting screen for the largest meeting of the
// large example database (40 items): reading it and filling every part of the screen.
func BenchmarkMeetingScreenLargest(b *testing.B) {
	h := newHarness(b, func(s *data.Store) {
		if err := demo.WriteLarge(s, demo.LargeSize); err != nil {
			b.Fatal(err)
		}
	})
	ms, err := h.u.store.Meetings(0)
	if err != nil {
		b.Fatal(err)
	}
	largest := ms[0]
	for _, m := range ms {
		if m.Items > largest.Items {
			largest = m
		}
	}
	if largest.Items != 40 {
		b.Fatalf("largest meeting has %d items, want 40", largest.Items)
	}
	h.u.nav.selectBody(largest.BodyID)
	h.u.showMeeting(largest.ID)
	// Open on each tab in turn: the agenda tab lays out the first item's long minutes.
	for tab, name := range []string{"details", "agenda"} {
		b.Run(name, func(b *testing.B) {
			h.u.meeting.tabs.SelectIndex(tab)
			for i := 0; i < b.N; i++ {
				h.u.showMeeting(largest.ID)
				realise(h.w.Content()) // what the first paint would do: a renderer for every visible widget
			}
			b.StopTimer()
			if h.u.meeting.agenda.list.Length() != 40 || h.u.meeting.agenda.editor.item == nil {
				b.Errorf("the screen shows %d items", h.u.meeting.agenda.list.Length())
			}
		})
	}
}

// realise creates the renderer of every visible widget under o, as painting the window
// would, so that a benchmark counts the work Fyne defers until then.
func realise(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			realise(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			realise(c)
		}
	}
}
