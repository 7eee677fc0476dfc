package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// navigation is the left-hand column: the body, its meetings newest first, and the buttons
// that make, copy and delete meetings.
type navigation struct {
	u        *ui
	bodies   []data.Body
	body     data.Body
	meetings []data.MeetingSummary
	shown    int64 // the meeting on show

	bodySelect  *widget.Select
	meetingList *widget.List
	newButton   *widget.Button
	dupButton   *widget.Button
	delButton   *widget.Button
	logButton   *widget.Button
}

func newNavigation(u *ui) *navigation {
	n := &navigation{u: u}
	n.bodySelect = &widget.Select{PlaceHolder: "Choose a body", OnChanged: n.onBodyChosen}
	n.meetingList = &widget.List{Length: n.length, CreateItem: n.createRow, UpdateItem: n.updateRow, OnSelected: n.onMeetingSelected}
	n.newButton = &widget.Button{Text: "New meeting", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: n.onNewMeeting}
	n.dupButton = &widget.Button{Text: "Duplicate…", Icon: theme.ContentCopyIcon(), OnTapped: n.onDuplicate}
	n.delButton = &widget.Button{Text: "Delete…", Icon: theme.DeleteIcon(), OnTapped: n.onDelete}
	n.logButton = &widget.Button{Text: "Action log", Icon: theme.ListIcon(), Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, OnTapped: u.showActionLog}
	n.loadBodies()
	n.refreshMeetings()
	return n
}

func (n *navigation) buildUI() fyne.CanvasObject {
	top := container.NewVBox(
		&widget.Label{Text: "Body", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText},
		n.bodySelect,
		&widget.Label{Text: "Meetings", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText},
	)
	buttons := container.NewVBox(
		n.newButton,
		container.NewGridWithColumns(2, n.dupButton, n.delButton),
		widget.NewSeparator(),
		n.logButton,
		&widget.Button{Text: "Search", Icon: theme.SearchIcon(), Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, OnTapped: n.u.showSearch},
		&widget.Button{Text: "People", Icon: theme.AccountIcon(), Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, OnTapped: n.u.showPeople},
		&widget.Button{Text: "Body settings", Icon: theme.SettingsIcon(), Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, OnTapped: n.onBodySettings},
	)
	return container.NewPadded(container.NewBorder(top, buttons, nil, nil, n.meetingList))
}

// loadBodies reads the bodies and fills the picker.
func (n *navigation) loadBodies() {
	bodies, err := n.u.store.Bodies()
	if err != nil {
		fyne.LogError("list bodies", err)
	}
	n.bodies = bodies
	var names []string
	for _, b := range bodies {
		names = append(names, b.Name)
	}
	n.bodySelect.Options = names
	n.bodySelect.Refresh()
}

func (n *navigation) bodyID() int64 { return n.body.ID }

// selectBody chooses a body and lists its meetings.
func (n *navigation) selectBody(id int64) {
	for _, b := range n.bodies {
		if b.ID == id {
			n.body = b
			setSelected(n.bodySelect, b.Name)
		}
	}
	n.refreshMeetings()
}

func (n *navigation) onBodyChosen(name string) {
	for _, b := range n.bodies {
		if b.Name == name {
			n.u.flush()
			n.selectBody(b.ID)
			// The action log, the search and People follow the body chosen.
			switch n.u.screen {
			case "actions":
				n.u.showActionLog()
				return
			case "search":
				n.u.showSearch()
				return
			case "people":
				n.u.showPeople()
				return
			}
			if len(n.meetings) > 0 {
				n.selectMeeting(n.meetings[0].ID)
			} else {
				n.shown = 0
				n.u.showBlank("This body has no meetings yet. Choose “New meeting” to start one.")
			}
		}
	}
}

// refreshMeetings reads the chosen body's meetings again (after a change of date, status,
// or a new or deleted meeting).
func (n *navigation) refreshMeetings() {
	ms, err := n.u.store.Meetings(n.body.ID)
	if err != nil {
		fyne.LogError("list meetings", err)
	}
	if n.body.ID == 0 {
		ms = nil
	}
	n.meetings = ms
	n.meetingList.Refresh()
	for i, m := range ms {
		if m.ID == n.shown {
			n.selectRow(i)
		}
	}
	enable(n.body.ID != 0, n.newButton, n.logButton)
	enable(n.shown != 0, n.dupButton, n.delButton)
}

// selectMeeting opens a meeting and marks it in the list.
func (n *navigation) selectMeeting(id int64) {
	for i, m := range n.meetings {
		if m.ID == id {
			n.shown = id
			n.selectRow(i)
			n.u.showMeeting(id)
		}
	}
	enable(n.shown != 0, n.dupButton, n.delButton)
}

// rowOf is the list row of a meeting, or -1.
func (n *navigation) rowOf(id int64) int {
	for i, m := range n.meetings {
		if m.ID == id {
			return i
		}
	}
	return -1
}

// selectRow marks a row without opening it again.
func (n *navigation) selectRow(i int) {
	if i < 0 {
		return
	}
	f := n.meetingList.OnSelected
	n.meetingList.OnSelected = nil
	n.meetingList.Select(i)
	n.meetingList.OnSelected = f
}

func (n *navigation) onMeetingSelected(i widget.ListItemID) {
	if i < 0 || i >= len(n.meetings) {
		return
	}
	n.u.flush()
	n.selectMeeting(n.meetings[i].ID)
}

func (n *navigation) length() int { return len(n.meetings) }

func (n *navigation) createRow() fyne.CanvasObject {
	date := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	sub := &widget.Label{SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	icon := widget.NewIcon(theme.DocumentCreateIcon())
	return container.NewBorder(nil, nil, icon, nil, container.New(layout.NewCustomPaddedVBoxLayout(-8), date, sub))
}

func (n *navigation) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(n.meetings) {
		return
	}
	m := n.meetings[i]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	icon := row.Objects[1].(*widget.Icon)
	texts[0].(*widget.Label).SetText(data.FormatDate(m.Date, data.ShortLayout))
	var parts []string
	if m.Title != "" {
		parts = append(parts, m.Title)
	}
	if m.Approved() {
		parts = append(parts, "Approved")
		icon.SetResource(theme.ConfirmIcon())
	} else {
		parts = append(parts, "Draft")
		icon.SetResource(theme.DocumentCreateIcon())
	}
	parts = append(parts, data.Count(m.Items, "item", "items"))
	texts[1].(*widget.Label).SetText(strings.Join(parts, " · "))
}

// meetingForm asks for a new meeting's date, time, venue and title.
type meetingForm struct {
	date   *dateField
	start  *timeField
	venue  *widget.Entry
	title  *widget.Entry
	dlg    dialog.Dialog
	create func(m data.Meeting) error
}

func (n *navigation) newMeetingForm(title, action string, m data.Meeting, create func(data.Meeting) error) *meetingForm {
	f := &meetingForm{create: create}
	f.date = newDateField("15/09/2023", false, func() fyne.Window { return n.u.win })
	f.date.set(m.Date)
	f.date.check(f.date.entry.Text)
	f.start = newTimeField("10.30am", false)
	f.start.set(m.StartTime)
	f.venue = &widget.Entry{Text: m.Venue, PlaceHolder: "Council Chamber"}
	f.title = &widget.Entry{Text: m.Title, PlaceHolder: "optional: Annual meeting, Extraordinary meeting"}
	content := container.NewVBox(
		labelled("Date", f.date.entry, f.date.note),
		labelled("Start time", f.start.entry, f.start.note),
		labelled("Venue", f.venue, nil),
		labelled("Title", f.title, nil),
	)
	f.dlg = formDialog(title, action, content, f.submit, n.u.win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	submitOnEnter(f.dlg, f.submit, f.date.entry, f.start.entry, f.venue, f.title)
	return f
}

// show opens the form with the cursor in the date.
func (f *meetingForm) show(w fyne.Window) {
	submitOnEnter(f.dlg, f.submit, f.date.entry, f.start.entry, f.venue, f.title) // Return creates it
	showFocused(f.dlg, w, f.date.entry)
}

// submit creates the meeting if the fields are right; it reports whether it did.
func (f *meetingForm) submit() bool {
	dateOK := f.date.check(f.date.entry.Text)
	timeOK := f.start.check(f.start.entry.Text)
	if !dateOK || !timeOK {
		return false
	}
	m := data.Meeting{Date: f.date.value, StartTime: f.start.value, Venue: f.venue.Text, Title: f.title.Text}
	if err := f.create(m); err != nil {
		f.date.note.problem(sentence(err))
		return false
	}
	return true
}

// onNewMeeting asks for the new meeting's details, with the body's usual venue and time.
func (n *navigation) onNewMeeting() {
	if n.body.ID == 0 {
		return
	}
	m := data.Meeting{Date: data.Today(), StartTime: n.body.DefaultTime, Venue: n.body.DefaultVenue}
	n.newMeetingForm("New meeting of "+n.body.Name, "Create meeting", m, n.createMeeting).show(n.u.win)
}

// createMeeting adds a meeting of the chosen body with its members listed as present, and
// opens it.
func (n *navigation) createMeeting(m data.Meeting) error {
	m.BodyID = n.body.ID
	// The body's roster: the members a Panel's veto is counted against.
	people, err := n.u.store.Roster(n.body.ID)
	if err != nil {
		return err
	}
	fm := &data.FullMeeting{Meeting: m}
	slices.SortStableFunc(people, func(a, b data.Person) int { // listed by surname, as minutes list them
		return surnameOrder(a.DisplayName(), b.DisplayName())
	})
	for _, p := range people {
		fm.Attendance = append(fm.Attendance, data.Attendance{PersonID: p.ID, Kind: data.Present})
	}
	if err := n.u.saver.run("create the meeting", func() error { return n.u.store.AddFullMeeting(fm) }); err != nil {
		return err
	}
	n.shown = fm.ID
	n.refreshMeetings()
	n.selectMeeting(fm.ID)
	n.u.meeting.tabs.SelectIndex(0)
	return nil
}

// onDuplicate makes the next meeting from the one on show: same body, venue, time and
// agenda titles, a date four weeks on, no minutes.
func (n *navigation) onDuplicate() {
	src, err := n.u.store.Meeting(n.shown)
	if err != nil {
		return
	}
	next := src
	if t, err := time.Parse(data.DateLayout, src.Date); err == nil {
		next.Date = t.AddDate(0, 0, 28).Format(data.DateLayout)
	}
	next.Title = ""
	n.newMeetingForm("Next meeting after "+data.LongDate(src.Date), "Create next meeting", next, func(m data.Meeting) error {
		return n.duplicate(src.ID, m)
	}).show(n.u.win)
}

// duplicate copies the agenda shape of meeting id into a new meeting m and opens it.
func (n *navigation) duplicate(id int64, m data.Meeting) error {
	var created data.Meeting
	err := n.u.saver.run("create the next meeting", func() error {
		var err error
		created, err = n.u.store.DuplicateMeeting(id, m)
		return err
	})
	if err != nil {
		return err
	}
	n.shown = created.ID
	n.refreshMeetings()
	n.selectMeeting(created.ID)
	return nil
}

// deleteMessage says what deleting the meeting removes, and that its actions stay.
func deleteMessage(fm *data.FullMeeting) string {
	var qs, rs, acts int
	for _, it := range fm.Items {
		qs += len(it.Questions)
		rs += len(it.Resolutions)
		acts += len(it.Actions)
	}
	acts += len(fm.Actions)
	var b strings.Builder
	fmt.Fprintf(&b, "Delete the meeting of %s?\n\n", data.LongDate(fm.Date))
	if fm.Approved() {
		b.WriteString("Its minutes are approved.\n")
	}
	fmt.Fprintf(&b, "This removes its attendance list (%s), %s, and %s with their minutes, %s and %s.\n",
		data.Count(len(fm.Attendance), "person", "people"), data.Count(len(fm.Declarations), "declaration", "declarations"),
		data.Count(len(fm.Items), "agenda item", "agenda items"), data.Count(qs, "question", "questions"), data.Count(rs, "resolution", "resolutions"))
	if acts > 0 {
		fmt.Fprintf(&b, "\nIts %s stay in the action log, with their references, no longer linked to the meeting.\n", data.Count(acts, "action", "actions"))
	} else {
		b.WriteString("\nIt has no actions. (Actions always stay in the action log when a meeting is deleted.)\n")
	}
	b.WriteString("\nThis cannot be undone.")
	return b.String()
}

func (n *navigation) onDelete() {
	if n.shown == 0 {
		return
	}
	n.u.flush()
	fm, err := n.u.store.LoadMeeting(n.shown)
	if err != nil {
		n.u.showError("Cannot read the meeting", err)
		return
	}
	msg := widget.NewLabel(deleteMessage(fm))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Delete meeting", "Delete meeting", "Keep it", msg, func(ok bool) {
		if ok {
			n.deleteMeeting(fm.ID)
		}
	}, n.u.win)
	d.Resize(fyne.NewSize(520, 0))
	keepDialog(n.u.win, d, d.Confirm)
}

// deleteMeeting removes a meeting and opens the next newest.
func (n *navigation) deleteMeeting(id int64) {
	if !n.u.run("delete the meeting", func() error { return n.u.store.DeleteMeeting(id) }) {
		return
	}
	n.shown = 0
	n.refreshMeetings()
	n.meetingList.UnselectAll()
	if len(n.meetings) > 0 {
		n.selectMeeting(n.meetings[0].ID)
	} else {
		n.u.showBlank("This body has no meetings yet. Choose “New meeting” to start one.")
	}
}

func (n *navigation) onBodySettings() {
	if n.body.ID == 0 {
		return
	}
	b := n.body
	f := newBodyForm(n.u, b)
	f.dlg = formDialog("Body settings", "Save", f.content(), func() bool {
		return f.save(func(nb *data.Body) error {
			nb.ID, nb.Version = b.ID, b.Version
			return n.u.saver.run("save the body", func() error { return data.ErrOf(n.u.store.Save(nb)) })
		})
	}, n.u.win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	showFocused(f.dlg, n.u.win, f.name)
}

// onNewBody asks for a new body's details.
func (n *navigation) onNewBody() {
	f := newBodyForm(n.u, data.Body{Numbering: data.NumberPerMeeting})
	f.dlg = formDialog("New body", "Create", f.content(), func() bool {
		return f.save(func(nb *data.Body) error {
			return n.u.saver.run("create the body", func() error { return n.u.store.CreateBody(nb) })
		})
	}, n.u.win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	showFocused(f.dlg, n.u.win, f.name)
}

// bodySaved shows a body that was created or changed.
func (n *navigation) bodySaved(id int64) {
	n.loadBodies()
	n.selectBody(id)
	if n.shown != 0 {
		n.u.showMeeting(n.shown)
	} else if len(n.meetings) > 0 {
		n.selectMeeting(n.meetings[0].ID)
	} else {
		n.u.showBlank("This body has no meetings yet. Choose “New meeting” to start one.")
	}
}
