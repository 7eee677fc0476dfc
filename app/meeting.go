package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"minutebook/data"
	"minutebook/export"
)

// meetingScreen shows one meeting: its header (date, status, approve or reopen), and two
// tabs — Details & attendance (this file) and Agenda & minutes (agenda.go).
type meetingScreen struct {
	u        *ui
	fm       *data.FullMeeting
	people   []data.Person // the body's people, retired too, for names
	readOnly bool

	content     fyne.CanvasObject
	heading     *widget.Label
	statusLabel *widget.Label
	approveBtn  *pointerButton
	reopenBtn   *pointerButton
	exportBtn   *pointerButton
	historyBtn  *pointerButton
	history     []data.MeetingEvent
	readBanner  *fyne.Container
	tabs        *container.AppTabs

	date      *dateField
	start     *timeField
	venue     *widget.Entry
	title     *widget.Entry
	chair     *widget.Select
	chairNote *note

	memberRows *fyne.Container
	otherRows  *fyne.Container
	rows       []*attendanceRow
	addName    *choiceEntry
	addKind    *widget.Select
	addNote    *note
	addBar     *fyne.Container

	detailsScroll *container.Scroll
	attendanceTop *widget.Label

	declRows *fyne.Container
	decls    []*declarationRow
	addDecl  *pointerButton

	agenda *agendaScreen
}

// Words for the kinds of attendance, as the screen shows them.
var kindWords = map[string]string{
	data.Present: "Present", data.Apologies: "Apologies", data.Absent: "Absent",
	data.Substitute: "Substitute", data.InAttendance: "In attendance",
}

var memberKinds = []string{"Present", "Apologies", "Absent", "Substitute"}

// Words for members' roles on the day.
var roleWords = map[string]string{"": "—", data.RoleChair: "Chair", data.RoleViceChair: "Vice-Chair"}

func wordKey(words map[string]string, w string) string {
	for k, v := range words {
		if v == w {
			return k
		}
	}
	return ""
}

func newMeetingScreen(u *ui) *meetingScreen {
	m := &meetingScreen{u: u}
	m.heading = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Truncation: fyne.TextTruncateEllipsis}
	m.statusLabel = &widget.Label{Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	m.approveBtn = newPointerButton(&widget.Button{Text: "Approve minutes…", Icon: theme.ConfirmIcon(), OnTapped: m.onApprove})
	m.reopenBtn = newPointerButton(&widget.Button{Text: "Reopen…", Icon: theme.DocumentCreateIcon(), OnTapped: m.onReopen})
	m.exportBtn = newPointerButton(&widget.Button{Text: "Export PDF…", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: m.onExport})
	m.historyBtn = newPointerButton(&widget.Button{Icon: theme.HistoryIcon(), Importance: widget.LowImportance, OnTapped: m.onHistory})
	m.readBanner = container.NewVBox()

	m.date = newDateField("15/09/2023", false, func() fyne.Window { return u.win })
	m.date.onChanged = func(bool) { m.saveDetails() }
	m.start = newTimeField("10.30am", false)
	m.start.onChanged = func(bool) { m.saveDetails() }
	m.venue = &widget.Entry{PlaceHolder: "Council Chamber", OnChanged: func(string) { m.saveDetails() }}
	m.title = &widget.Entry{PlaceHolder: "optional: Annual meeting", OnChanged: func(string) { m.saveDetails() }}
	m.chair = &widget.Select{PlaceHolder: "Not recorded", OnChanged: m.onChairChosen}
	m.chairNote = newNote()

	m.memberRows = container.NewVBox()
	m.otherRows = container.NewVBox()
	m.addName = newChoiceEntry(nil)
	m.addName.PlaceHolder = "Name: choose or type"
	m.addName.OnChanged = m.onAddNameChanged
	m.addName.OnSubmitted = func(string) { m.onAddAttendee() }
	m.addKind = &widget.Select{Options: append(append([]string{}, memberKinds...), "In attendance"), Selected: "In attendance"}
	m.addNote = newNote()
	m.addBar = container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(
			fixed(170, m.addKind),
			newPointerButton(&widget.Button{Text: "Add", Icon: theme.ContentAddIcon(), OnTapped: m.onAddAttendee}),
			newPointerButton(&widget.Button{Text: "New person…", Icon: theme.AccountIcon(), OnTapped: m.onNewPerson}),
		), m.addName),
		m.addNote)

	m.declRows = container.NewVBox()
	m.addDecl = newPointerButton(&widget.Button{Text: "Add a declaration", Icon: theme.ContentAddIcon(), OnTapped: m.onAddDeclaration})

	m.agenda = newAgendaScreen(m)
	m.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Details & attendance", theme.AccountIcon(), m.buildDetails()),
		container.NewTabItemWithIcon("Agenda & minutes", theme.ListIcon(), m.agenda.content),
	)
	header := container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(m.historyBtn, m.approveBtn, m.reopenBtn, m.exportBtn)),
		container.New(layout.NewCustomPaddedVBoxLayout(0), m.heading, m.statusLabel))
	m.content = container.NewBorder(container.NewVBox(header, m.readBanner), nil, nil, nil, m.tabs)
	return m
}

func (m *meetingScreen) buildDetails() fyne.CanvasObject {
	details := container.NewVBox(
		container.NewGridWithColumns(3,
			labelled("Date", m.date.entry, m.date.note),
			labelled("Start time", m.start.entry, m.start.note),
			labelled("Chair on the day", m.chair, m.chairNote)),
		container.NewGridWithColumns(2,
			labelled("Venue", m.venue, nil),
			labelled("Title", m.title, nil)),
	)
	cols := attendanceColumns(
		&widget.Label{Text: "Member", TextStyle: fyne.TextStyle{Bold: true}},
		captionLabel("Attendance"), captionLabel("Role"), captionLabel("Substituting for"),
		captionLabel("Arrived late"), captionLabel("Left early"), widget.NewLabel(""))
	attendance := container.NewVBox(cols, m.memberRows,
		&widget.Label{Text: "In attendance (officers, the PCC, witnesses)", TextStyle: fyne.TextStyle{Bold: true}},
		m.otherRows, m.addBar)
	decls := container.NewVBox(m.declRows, toolbarRow(m.addDecl))
	m.attendanceTop = heading("Attendance")
	m.detailsScroll = container.NewVScroll(container.NewPadded(container.NewVBox(
		details, widget.NewSeparator(),
		m.attendanceTop, attendance, widget.NewSeparator(),
		heading("Declarations of interest"), decls,
	)))
	return m.detailsScroll
}

// scrollToAttendance brings the attendance to the top of the Details tab, or with end set,
// its end (the people in attendance and the add bar) to the bottom.
func (m *meetingScreen) scrollToAttendance(end bool) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(m.detailsScroll).Y - m.detailsScroll.Offset.Y
	y := d.AbsolutePositionForObject(m.attendanceTop).Y - top
	if end {
		last := fyne.CanvasObject(m.addBar)
		if !m.addBar.Visible() {
			last = m.otherRows
		}
		y = d.AbsolutePositionForObject(last).Y - top + last.Size().Height + theme.Padding() - m.detailsScroll.Size().Height
	}
	m.detailsScroll.ScrollToOffset(fyne.NewPos(0, y))
}

func captionLabel(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
}

// attendanceColumns lays out a row of the attendance table: the name takes what is left.
func attendanceColumns(name, kind, role, subFor, arrived, left, remove fyne.CanvasObject) *fyne.Container {
	return container.NewBorder(nil, nil, nil, container.NewHBox(
		fixed(150, kind), fixed(150, role), fixed(200, subFor), fixed(120, arrived), fixed(120, left), fixed(40, remove)), name)
}

// load reads a meeting and shows it. Anything pending is written first, so what is read is
// current.
func (m *meetingScreen) load(id int64) error {
	m.u.flush()
	fm, err := m.u.store.LoadMeeting(id)
	if err != nil {
		return err
	}
	people, err := m.u.store.People(fm.BodyID, true)
	if err != nil {
		return err
	}
	m.fm, m.people = fm, people
	m.readOnly = fm.Approved() || m.u.readOnly
	m.showHeader()
	m.showDetails()
	m.showAttendance()
	m.showDeclarations()
	m.agenda.load()
	return nil
}

// reload reads the meeting on show again, keeping the tab and the item in view.
func (m *meetingScreen) reload() {
	if m.fm == nil {
		return
	}
	item := m.agenda.selectedID()
	if err := m.load(m.fm.ID); err != nil {
		m.u.showError("Cannot read the meeting", err)
		return
	}
	m.agenda.selectID(item)
}

func (m *meetingScreen) showHeader() {
	fm := m.fm
	h := data.LongDate(fm.Date)
	if fm.Title != "" {
		h += " – " + fm.Title
	}
	m.heading.SetText(h)
	m.statusLabel.SetText(fm.Body.Name + " · " + m.approvalWords())
	history, err := m.u.store.MeetingHistory(fm.ID)
	if err != nil {
		fyne.LogError("meeting history", err)
	}
	m.history = history
	if len(history) > 0 {
		m.historyBtn.Show()
	} else {
		m.historyBtn.Hide()
	}
	m.readBanner.RemoveAll()
	if m.readOnly {
		msg := "These minutes are approved and open read-only. Reopen them to correct them; they will then need approving again."
		if fm.Amendments != "" {
			msg += " Amendments made on approval: " + fm.Amendments
		}
		l := &widget.Label{Text: msg, Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
		m.readBanner.Add(l)
		m.approveBtn.Hide()
		m.reopenBtn.Show()
	} else {
		m.approveBtn.Show()
		m.reopenBtn.Hide()
	}
}

func (m *meetingScreen) showDetails() {
	fm := m.fm
	m.date.set(fm.Date)
	m.date.note.hint(data.LongDate(fm.Date))
	m.start.set(fm.StartTime)
	setText(m.venue, fm.Venue)
	setText(m.title, fm.Title)
	m.fillChairOptions()
	enable(!m.readOnly, m.date.entry, m.start.entry, m.venue, m.title, m.chair)
}

// fillChairOptions offers those present as the Chair on the day.
func (m *meetingScreen) fillChairOptions() {
	var opts []string
	for _, a := range m.fm.Attendance {
		if a.Kind == data.Present || a.Kind == data.Substitute {
			opts = append(opts, a.Name)
		}
	}
	m.chair.Options = append([]string{"Not recorded"}, opts...)
	sel := ""
	if m.fm.ChairID != 0 {
		sel = m.personName(m.fm.ChairID)
	}
	setSelected(m.chair, sel)
	m.chair.Refresh()
}

func (m *meetingScreen) personName(id int64) string {
	for _, p := range m.people {
		if p.ID == id {
			return p.DisplayName()
		}
	}
	return ""
}

func (m *meetingScreen) personByName(name string) (data.Person, bool) {
	name = strings.TrimSpace(name)
	for _, p := range m.people {
		if strings.EqualFold(p.DisplayName(), name) || strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return data.Person{}, false
}

// saveDetails queues the meeting's details. A field that does not read (an impossible date)
// keeps its last good value in the database while its text stays on screen with the note.
func (m *meetingScreen) saveDetails() {
	if m.fm == nil || m.readOnly {
		return
	}
	mt := &m.fm.Meeting
	if m.date.check(m.date.entry.Text) {
		mt.Date = m.date.value
	}
	if m.start.check(m.start.entry.Text) {
		mt.StartTime = m.start.value
	}
	mt.Venue, mt.Title = m.venue.Text, m.title.Text
	snap := *mt
	m.u.save(edit{rec: &snap, what: "the meeting's details",
		applied: func(rec data.Record, ch data.Changes) {
			saved := rec.(*data.Meeting)
			m.u.nav.refreshMeetings()
			if m.fm != nil && m.fm.ID == saved.ID {
				m.fm.Version = max(m.fm.Version, saved.Version)
				m.showHeaderText(*saved)
				m.applyChanges(ch)
			}
		},
		failed: func(err error) { m.date.note.problem(sentence(err)) },
	})
}

// showHeaderText updates the heading after the date or title changed.
func (m *meetingScreen) showHeaderText(mt data.Meeting) {
	h := data.LongDate(mt.Date)
	if mt.Title != "" {
		h += " – " + mt.Title
	}
	m.heading.SetText(h)
}

// onChairChosen records the Chair on the day, and marks them Chair in the attendance.
func (m *meetingScreen) onChairChosen(name string) {
	if m.fm == nil || m.readOnly {
		return
	}
	id := int64(0)
	if p, ok := m.personByName(name); ok {
		id = p.ID
	}
	m.setChair(id)
}

// setChair makes person id the Chair on the day (0: not recorded), keeping the meeting and
// the attendance roles in step.
func (m *meetingScreen) setChair(id int64) {
	m.fm.ChairID = id
	for _, r := range m.rows {
		switch {
		case r.a.PersonID == id && id != 0 && r.a.Role != data.RoleChair:
			r.a.Role = data.RoleChair
			setSelected(r.role, roleWords[data.RoleChair])
			r.save()
		case r.a.PersonID != id && r.a.Role == data.RoleChair:
			r.a.Role = ""
			setSelected(r.role, roleWords[""])
			r.save()
		}
	}
	sel := ""
	if id != 0 {
		sel = m.personName(id)
	}
	setSelected(m.chair, sel)
	m.saveDetails()
}

// showAttendance builds the attendance rows: members (and substitutes) first, then the
// people in attendance.
func (m *meetingScreen) showAttendance() {
	m.rows = nil
	m.memberRows.RemoveAll()
	m.otherRows.RemoveAll()
	for i := range m.fm.Attendance {
		r := newAttendanceRow(m, m.fm.Attendance[i])
		m.rows = append(m.rows, r)
		if r.a.Kind == data.InAttendance {
			m.otherRows.Add(r.content)
		} else {
			m.memberRows.Add(r.content)
		}
	}
	if len(m.rows) == 0 {
		m.memberRows.Add(&widget.Label{Text: "No one is listed yet. Add the members below, or add them to People first.", Importance: widget.LowImportance})
	}
	m.fillAddOptions()
	if m.readOnly {
		m.addBar.Hide()
	} else {
		m.addBar.Show()
	}
	canvas.Refresh(m.memberRows)
	canvas.Refresh(m.otherRows)
}

// fillAddOptions offers the people not yet listed.
func (m *meetingScreen) fillAddOptions() {
	listed := map[int64]bool{}
	for _, r := range m.rows {
		listed[r.a.PersonID] = true
	}
	var opts []string
	for _, p := range m.people {
		if !p.Retired && !listed[p.ID] {
			opts = append(opts, p.DisplayName())
		}
	}
	m.addName.SetOptions(opts)
}

// onAddNameChanged suggests how the chosen person attends: members present, others in
// attendance.
func (m *meetingScreen) onAddNameChanged(name string) {
	m.addNote.clear()
	if p, ok := m.personByName(name); ok {
		if p.IsMember() {
			m.addKind.SetSelected("Present")
		} else {
			m.addKind.SetSelected("In attendance")
		}
	}
}

// onAddAttendee adds the person named in the add bar: someone from People, or a name
// typed for a one-off visitor.
func (m *meetingScreen) onAddAttendee() {
	if m.fm == nil || m.readOnly {
		return
	}
	name := strings.TrimSpace(m.addName.Text)
	if name == "" {
		m.addNote.problem("Choose a person or type a name.")
		return
	}
	a := data.Attendance{MeetingID: m.fm.ID, Kind: wordKey(kindWords, m.addKind.Selected)}
	if p, ok := m.personByName(name); ok {
		a.PersonID, a.Name = p.ID, p.DisplayName()
	} else {
		a.Name = name
	}
	if a.Kind == data.Substitute {
		// the member they stand in for is chosen on the row; until then they are present
		a.Kind = data.Present
		defer func() { m.addNote.hint("Now choose whom " + a.Name + " substitutes for, on their row.") }()
	}
	m.addAttendance(a)
	setText(&m.addName.Entry, "")
}

// addAttendance writes an attendance record and shows its row.
func (m *meetingScreen) addAttendance(a data.Attendance) {
	if !m.u.run("add "+a.Name+" to the attendance", func() error { return m.u.store.AddAttendance(&a) }) {
		return
	}
	m.fm.Attendance = append(m.fm.Attendance, a)
	m.showAttendance()
	m.fillChairOptions()
}

// onNewPerson adds someone to People without leaving the meeting, then to the attendance.
func (m *meetingScreen) onNewPerson() {
	if m.fm == nil || m.readOnly {
		return
	}
	d := m.newPersonDialog()
	submitOnEnter(d.form.dlg, d.submit, d.form.name, d.form.authority)
	showFocused(d.form.dlg, m.u.win, d.form.name)
}

// personDialog is "New person…" in a meeting: the person's details and how they attend.
type personDialog struct {
	m    *meetingScreen
	form *personForm
	kind *widget.Select
}

func (m *meetingScreen) newPersonDialog() *personDialog {
	p := data.Person{BodyID: m.fm.BodyID, Name: strings.TrimSpace(m.addName.Text), Role: data.RoleOfficer}
	d := &personDialog{m: m, form: newPersonForm(m.u, p)}
	d.kind = &widget.Select{Options: []string{"Present", "Apologies", "Absent", "In attendance"}, Selected: "In attendance"}
	d.form.role.OnChanged = func(w string) {
		if r := roleKey(w); r == data.RoleMember || r == data.RoleCoopted {
			d.kind.SetSelected("Present")
		} else {
			d.kind.SetSelected("In attendance")
		}
	}
	content := container.NewVBox(d.form.content(), labelled("At this meeting", d.kind, nil))
	d.form.dlg = formDialog("Add a person", "Add to the meeting", content, d.submit, m.u.win)
	d.form.dlg.Resize(fyne.NewSize(520, 0))
	return d
}

// submit adds the person to People and to the meeting.
func (d *personDialog) submit() bool {
	m := d.m
	np, ok := d.form.person()
	if !ok || !d.form.create(&np) {
		return false
	}
	m.people = append(m.people, np)
	m.addAttendance(data.Attendance{MeetingID: m.fm.ID, PersonID: np.ID, Name: np.DisplayName(), Kind: wordKey(kindWords, d.kind.Selected)})
	setText(&m.addName.Entry, "")
	return true
}

// memberNames lists the display names of the body's members, for "substituting for".
func (m *meetingScreen) memberNames() []string {
	var out []string
	for _, p := range m.people {
		if p.IsMember() && p.BodyID == m.fm.BodyID {
			out = append(out, p.DisplayName())
		}
	}
	return out
}

// attendeeNames lists who is at the meeting, for "asked by" and "answered by".
func (m *meetingScreen) attendeeNames(kinds ...string) []string {
	var out []string
	for _, r := range m.rows {
		for _, k := range kinds {
			if r.a.Kind == k {
				out = append(out, r.a.Name)
			}
		}
	}
	return out
}

// attendanceRow is one person's line in the attendance.
type attendanceRow struct {
	m       *meetingScreen
	a       data.Attendance
	box     *pendingID
	name    *widget.Label
	kind    *widget.Select
	role    *widget.Select
	asRole  *widget.Entry
	subFor  *widget.Select
	arrived *timeField
	left    *timeField
	remove  *pointerButton
	note    *note
	content fyne.CanvasObject
}

func newAttendanceRow(m *meetingScreen, a data.Attendance) *attendanceRow {
	r := &attendanceRow{m: m, a: a, box: newPendingID(a.ID), note: newNote()}
	r.name = &widget.Label{Text: a.Name, Truncation: fyne.TextTruncateEllipsis}
	r.kind = &widget.Select{Options: memberKinds, Selected: kindWords[a.Kind], OnChanged: r.onKind}
	r.role = &widget.Select{Options: []string{"—", "Chair", "Vice-Chair"}, Selected: roleWords[a.Role], OnChanged: r.onRole}
	r.asRole = &widget.Entry{Text: a.Role, PlaceHolder: "as: Scrutiny Officer", OnChanged: func(string) { r.save() }}
	r.subFor = &widget.Select{Options: m.memberNames(), PlaceHolder: "choose the member", Selected: a.SubstituteFor, OnChanged: func(string) { r.save() }}
	r.arrived = newTimeField("", false)
	r.arrived.set(a.Arrived)
	r.arrived.onChanged = func(bool) { r.save() }
	r.left = newTimeField("", false)
	r.left.set(a.Left)
	r.left.onChanged = func(bool) { r.save() }
	r.remove = newPointerButton(&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: r.onRemove})
	if a.Kind != data.Substitute {
		r.subFor.Hide()
	}
	var row fyne.CanvasObject
	if a.Kind == data.InAttendance {
		// what they attend as takes the place of the attendance, role and substitute columns
		row = container.NewBorder(nil, nil, nil, container.NewHBox(
			fixed(500+2*theme.Padding(), r.asRole), fixed(120, r.arrived.entry), fixed(120, r.left.entry), fixed(40, r.remove)), r.name)
	} else {
		row = attendanceColumns(r.name, r.kind, r.role, container.NewStack(r.subFor), r.arrived.entry, r.left.entry, r.remove)
	}
	r.content = container.NewVBox(row, r.note, r.arrived.note, r.left.note)
	enable(!m.readOnly, r.kind, r.role, r.asRole, r.subFor, r.arrived.entry, r.left.entry, r.remove)
	if m.readOnly {
		r.remove.Hide()
	}
	return r
}

func (r *attendanceRow) onKind(string) {
	if r.kind.Selected == "Substitute" {
		r.subFor.Show()
	} else {
		r.subFor.Hide()
	}
	r.save()
	r.m.fillChairOptions()
}

func (r *attendanceRow) onRole(w string) {
	role := wordKey(roleWords, w)
	switch {
	case role == data.RoleChair:
		r.a.Role = role
		r.m.setChair(r.a.PersonID) // saves this row too
		return
	case r.a.Role == data.RoleChair && r.m.fm.ChairID == r.a.PersonID:
		r.a.Role = role
		r.save()
		r.m.setChair(0)
		return
	}
	r.save()
}

// save queues this row. A substitute with no member chosen, or a time that does not read,
// keeps its last good value while the note says what is missing.
func (r *attendanceRow) save() {
	if r.m.readOnly {
		return
	}
	a := &r.a
	r.note.clear()
	if a.Kind != data.InAttendance {
		kind := wordKey(kindWords, r.kind.Selected)
		if kind == data.Substitute {
			if p, ok := r.m.personByName(r.subFor.Selected); ok {
				a.Kind, a.SubstituteForID, a.SubstituteFor = kind, p.ID, p.DisplayName()
			} else {
				r.note.problem("Choose the member " + a.Name + " is substituting for; until then they are recorded as " + strings.ToLower(kindWords[a.Kind]) + ".")
			}
		} else if kind != "" {
			a.Kind, a.SubstituteForID, a.SubstituteFor = kind, 0, ""
		}
		a.Role = wordKey(roleWords, r.role.Selected)
	} else {
		a.Role = strings.TrimSpace(r.asRole.Text)
	}
	if r.arrived.check(r.arrived.entry.Text) {
		a.Arrived = r.arrived.value
	}
	if r.left.check(r.left.entry.Text) {
		a.Left = r.left.value
	}
	snap := *a
	for i := range r.m.fm.Attendance {
		if r.m.fm.Attendance[i].ID == snap.ID && snap.ID != 0 {
			r.m.fm.Attendance[i] = snap
		}
	}
	r.m.u.save(edit{rec: &snap, box: r.box, what: "the attendance of " + snap.Name,
		applied: func(rec data.Record, _ data.Changes) {
			r.a.Version = max(r.a.Version, rec.(*data.Attendance).Version)
		},
		failed: func(err error) { r.note.problem(sentence(err)) },
		dump: func() string {
			return fmt.Sprintf("Attendance of %s: %s %s (arrived %s, left %s)", snap.Name, snap.Kind, snap.Role, snap.Arrived, snap.Left)
		},
	})
}

func (r *attendanceRow) onRemove() {
	box := r.box
	if !r.m.u.run("remove "+r.a.Name+" from the attendance", func() error { return r.m.u.store.DeleteAttendance(box.get()) }) {
		return
	}
	for i, a := range r.m.fm.Attendance {
		if a.ID == r.a.ID {
			r.m.fm.Attendance = append(r.m.fm.Attendance[:i], r.m.fm.Attendance[i+1:]...)
			break
		}
	}
	if r.m.fm.ChairID == r.a.PersonID && r.a.PersonID != 0 {
		r.m.fm.ChairID = 0
		r.m.saveDetails()
	}
	r.m.showAttendance()
	r.m.fillChairOptions()
}

// showDeclarations builds the declarations of interest.
func (m *meetingScreen) showDeclarations() {
	m.decls = nil
	m.declRows.RemoveAll()
	for _, d := range m.fm.Declarations {
		m.addDeclarationRow(d)
	}
	if len(m.fm.Declarations) == 0 {
		m.declRows.Add(&widget.Label{Text: "No interests declared.", Importance: widget.LowImportance})
	}
	if m.readOnly {
		m.addDecl.Hide()
	} else {
		m.addDecl.Show()
	}
}

func (m *meetingScreen) addDeclarationRow(d data.Declaration) *declarationRow {
	r := newDeclarationRow(m, d)
	m.decls = append(m.decls, r)
	m.declRows.Add(r.content)
	return r
}

// onAddDeclaration adds an empty declaration; it is written once a member and the interest
// are given.
func (m *meetingScreen) onAddDeclaration() {
	if m.fm == nil || m.readOnly {
		return
	}
	if len(m.decls) == 0 {
		m.declRows.RemoveAll()
	}
	r := m.addDeclarationRow(data.Declaration{MeetingID: m.fm.ID, Kind: data.InterestNonRegistrable})
	m.u.win.Canvas().Focus(r.text)
}

// itemChoices names the items for declarations: "5. Budget".
func (m *meetingScreen) itemChoices() []string {
	out := []string{"The meeting as a whole"}
	for _, it := range m.fm.Items {
		out = append(out, itemChoice(it.Item))
	}
	return out
}

func itemChoice(it data.Item) string {
	return fmt.Sprintf("%s. %s", it.Number, firstNonEmpty(it.Title, "(untitled)"))
}

// refreshItemChoices updates the declarations' item lists after the agenda changed.
func (m *meetingScreen) refreshItemChoices() {
	opts := m.itemChoices()
	for _, r := range m.decls {
		r.item.Options = opts
		r.showItem()
		r.item.Refresh()
	}
}

// interestWords are the kinds of interest in the order the form offers them.
var interestWords = func() []string {
	keys := []string{data.InterestPecuniary, data.InterestRegistrable, data.InterestNonRegistrable}
	var out []string
	for _, k := range keys {
		out = append(out, capitalise(data.InterestKinds[k]))
	}
	return out
}()

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func interestKey(w string) string {
	for k, v := range data.InterestKinds {
		if capitalise(v) == w {
			return k
		}
	}
	return ""
}

// declarationRow is one declaration of interest.
type declarationRow struct {
	m       *meetingScreen
	d       data.Declaration
	box     *pendingID
	member  *widget.Select
	item    *widget.Select
	kind    *widget.Select
	text    *widget.Entry
	left    *widget.Check
	remove  *pointerButton
	note    *note
	content fyne.CanvasObject
}

func newDeclarationRow(m *meetingScreen, d data.Declaration) *declarationRow {
	r := &declarationRow{m: m, d: d, box: newPendingID(d.ID), note: newNote()}
	names := m.attendeeNames(data.Present, data.Substitute, data.Apologies, data.Absent)
	sort.Strings(names)
	r.member = &widget.Select{Options: names, PlaceHolder: "Member", Selected: d.Name, OnChanged: func(string) { r.save() }}
	r.item = &widget.Select{Options: m.itemChoices(), OnChanged: func(string) { r.save() }}
	r.showItem()
	r.kind = &widget.Select{Options: interestWords, Selected: capitalise(data.InterestKinds[d.Kind]), OnChanged: func(string) { r.save() }}
	r.text = &widget.Entry{Text: d.Text, PlaceHolder: "The interest: “Member of the board of Thames Valley Partnership”", OnChanged: func(string) { r.save() }}
	r.left = &widget.Check{Text: "Left the room", Checked: d.LeftRoom, OnChanged: func(bool) { r.save() }}
	r.remove = newPointerButton(&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: r.onRemove})
	top := container.NewGridWithColumns(3, r.member, r.item, r.kind)
	line := container.NewBorder(nil, nil, nil, container.NewHBox(r.left, r.remove), r.text)
	r.content = container.NewVBox(top, line, r.note, widget.NewSeparator())
	enable(!m.readOnly, r.member, r.item, r.kind, r.text, r.left)
	if m.readOnly {
		r.remove.Hide()
	}
	return r
}

func (r *declarationRow) showItem() {
	sel := "The meeting as a whole"
	for _, it := range r.m.fm.Items {
		if it.ID == r.d.ItemID {
			sel = itemChoice(it.Item)
		}
	}
	setSelected(r.item, sel)
}

// save queues the declaration once it names a member and the interest.
func (r *declarationRow) save() {
	if r.m.readOnly {
		return
	}
	d := &r.d
	if p, ok := r.m.personByName(r.member.Selected); ok {
		d.PersonID, d.Name = p.ID, p.DisplayName()
	}
	d.ItemID = 0
	for _, it := range r.m.fm.Items {
		if itemChoice(it.Item) == r.item.Selected {
			d.ItemID = it.ID
		}
	}
	if k := interestKey(r.kind.Selected); k != "" {
		d.Kind = k
	}
	d.Text, d.LeftRoom = r.text.Text, r.left.Checked
	switch {
	case d.PersonID == 0:
		r.note.problem("Choose the member declaring the interest; the declaration is saved once you have.")
		return
	case strings.TrimSpace(d.Text) == "":
		r.note.problem("Say what the interest is; the declaration is saved once you have.")
		return
	}
	r.note.clear()
	snap := *d
	r.m.u.save(edit{rec: &snap, key: fmt.Sprintf("declaration:%p", r.box), box: r.box, what: "the declaration of " + snap.Name,
		applied: func(rec data.Record, _ data.Changes) {
			saved := rec.(*data.Declaration)
			r.d.Version = max(r.d.Version, saved.Version)
			if r.d.ID == 0 {
				r.d.ID = saved.ID
				r.m.fm.Declarations = append(r.m.fm.Declarations, *saved)
			}
		},
		failed: func(err error) { r.note.problem(sentence(err)) },
		dump: func() string {
			return fmt.Sprintf("Declaration by %s (%s): %s", snap.Name, data.InterestKinds[snap.Kind], snap.Text)
		},
	})
}

func (r *declarationRow) onRemove() {
	box := r.box
	if !r.m.u.run("delete the declaration", func() error {
		if box.get() == 0 {
			return nil
		}
		return r.m.u.store.DeleteDeclaration(box.get())
	}) {
		return
	}
	m := r.m
	for i, d := range m.fm.Declarations {
		if d.ID != 0 && d.ID == box.get() {
			m.fm.Declarations = append(m.fm.Declarations[:i], m.fm.Declarations[i+1:]...)
			break
		}
	}
	for i, x := range m.decls {
		if x == r {
			m.decls = append(m.decls[:i], m.decls[i+1:]...)
			break
		}
	}
	m.declRows.Remove(r.content)
}

// approvalWords says where the minutes stand: "Draft minutes", "Minutes approved at the
// meeting of 24 Nov 2023", "Minutes approved on 2 Dec 2023 (at the meeting of 24 Nov 2023)".
func (m *meetingScreen) approvalWords() string {
	fm := m.fm
	if !fm.Approved() {
		return "Draft minutes"
	}
	at := ""
	if fm.ApprovedAtID != 0 {
		if mt, err := m.u.store.Meeting(fm.ApprovedAtID); err == nil {
			at = mt.Date
		}
	}
	switch {
	case at != "" && (at == fm.ApprovedOn || fm.ApprovedOn == ""):
		return "Minutes approved at the meeting of " + data.FormatDate(at, data.CompactLayout)
	case at != "":
		return "Minutes approved on " + data.FormatDate(fm.ApprovedOn, data.CompactLayout) + " (at the meeting of " + data.FormatDate(at, data.CompactLayout) + ")"
	case fm.ApprovedOn != "":
		return "Minutes approved on " + data.FormatDate(fm.ApprovedOn, data.CompactLayout)
	}
	return "Minutes approved"
}

// onHistory shows when the minutes were approved and reopened, and why.
func (m *meetingScreen) onHistory() {
	if m.fm == nil {
		return
	}
	box := container.NewVBox()
	for _, e := range m.history {
		line := "Approved"
		if e.Kind == data.EventReopened {
			line = "Reopened for correction"
		}
		switch {
		case e.Kind == data.EventApproved && strings.HasPrefix(e.Note, "Approved "):
			line = e.Note // "Approved at the meeting of …"
		case e.Note != "":
			line += ": " + e.Note
		}
		box.Add(container.NewBorder(nil, nil, fixed(190, &widget.Label{Text: data.LongDate(e.Date), TextStyle: fyne.TextStyle{Bold: true}}), nil,
			&widget.Label{Text: line, Wrapping: fyne.TextWrapWord}))
	}
	if len(m.history) == 0 {
		box.Add(&widget.Label{Text: "These minutes have not been approved yet.", Importance: widget.LowImportance})
	}
	var content fyne.CanvasObject = box
	if len(m.history) > 6 {
		content = container.NewVScroll(box)
	}
	d := dialog.NewCustom("Approval history – "+data.LongDate(m.fm.Date), "Close", content, m.u.win)
	if len(m.history) > 6 {
		d.Resize(fyne.NewSize(640, 420))
	} else {
		d.Resize(fyne.NewSize(640, 0))
	}
	d.Show()
}

// onExport saves the minutes as a PDF, public or confidential.
func (m *meetingScreen) onExport() {
	if m.fm == nil {
		return
	}
	m.u.flush()
	fm, err := m.u.store.LoadMeeting(m.fm.ID)
	if err != nil {
		m.u.showError("Cannot read the meeting", err)
		return
	}
	newMinutesExport(m.u, fm, export.PublicEdition).show()
}

// onApprove asks for the approval's date, the meeting that approved the minutes, and any
// amendments.
func (m *meetingScreen) onApprove() {
	if m.fm == nil || m.readOnly {
		return
	}
	f := m.newApproveForm()
	submitOnEnter(f.dlg, f.submit, f.date.entry)
	showFocused(f.dlg, m.u.win, f.date.entry)
}

// approveForm asks how the minutes were approved.
type approveForm struct {
	m          *meetingScreen
	date       *dateField
	at         *widget.Select
	atIDs      map[string]int64
	amendments *textEntry
	dlg        dialog.Dialog
}

func (m *meetingScreen) newApproveForm() *approveForm {
	f := &approveForm{m: m, atIDs: map[string]int64{}}
	f.date = newDateField("15/09/2023", false, func() fyne.Window { return m.u.win })
	f.at = &widget.Select{PlaceHolder: "Not recorded"}
	ms, _ := m.u.store.Meetings(m.fm.BodyID)
	next := data.MeetingSummary{}
	for _, x := range ms {
		if x.Date > m.fm.Date {
			label := data.LongDate(x.Date)
			f.at.Options = append(f.at.Options, label)
			f.atIDs[label] = x.ID
			next = x // ms is newest first: the last later one is the next meeting
		}
	}
	f.at.Options = append(f.at.Options, "Not recorded")
	f.at.OnChanged = func(s string) {
		for _, x := range ms {
			if data.LongDate(x.Date) == s {
				f.date.set(x.Date)
				f.date.check(f.date.entry.Text)
			}
		}
	}
	if next.ID != 0 {
		f.at.SetSelected(data.LongDate(next.Date))
	} else {
		f.date.set(data.Today())
		f.date.check(f.date.entry.Text)
	}
	f.amendments = multiLine("None, or the corrections made: “Minute 5, para 2: for ‘Reading’ read ‘Slough’.”", 3, nil)
	content := container.NewVBox(
		&widget.Label{Text: "Approved minutes are read-only. You can reopen them later to correct them.", Wrapping: fyne.TextWrapWord},
		labelled("Approved at the meeting of", f.at, nil),
		labelled("Date approved", f.date.entry, f.date.note),
		labelled("Amendments made on approval", f.amendments, nil),
	)
	f.dlg = formDialog("Approve the minutes of "+data.LongDate(m.fm.Date), "Approve", content, f.submit, m.u.win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	return f
}

func (f *approveForm) submit() bool {
	if !f.date.check(f.date.entry.Text) {
		return false
	}
	m := f.m
	id, at, on, amend := m.fm.ID, f.atIDs[f.at.Selected], f.date.value, f.amendments.Text
	if err := m.u.saver.run("approve the minutes", func() error { return m.u.store.ApproveMeeting(id, at, on, amend) }); err != nil {
		f.date.note.problem(sentence(err))
		return false
	}
	m.reload()
	m.u.nav.refreshMeetings()
	return true
}

// onReopen asks why approved minutes are to be reopened, and reopens them: the reopening and
// its reason are recorded in the meeting's history.
func (m *meetingScreen) onReopen() {
	if m.fm == nil || !m.readOnly {
		return
	}
	f := m.newReopenForm()
	showFocused(f.dlg, m.u.win, f.reason)
}

// reopenForm asks why the minutes are reopened.
type reopenForm struct {
	m      *meetingScreen
	reason *textEntry
	why    *note
	dlg    dialog.Dialog
}

func (m *meetingScreen) newReopenForm() *reopenForm {
	f := &reopenForm{m: m, why: newNote()}
	f.reason = multiLine("Why: “Minute 5 named the wrong authority; corrected as agreed at the meeting of 26 January.”", 3, nil)
	content := container.NewVBox(
		&widget.Label{Text: "The minutes become a draft again and will need approving again. Their PDF is marked DRAFT until then.", Wrapping: fyne.TextWrapWord},
		labelled("Reason, kept in the meeting's history", f.reason, f.why))
	f.dlg = formDialog("Reopen the minutes of "+data.LongDate(m.fm.Date), "Reopen", content, f.submit, m.u.win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	return f
}

func (f *reopenForm) submit() bool {
	if strings.TrimSpace(f.reason.Text) == "" {
		f.why.problem("Say why they are reopened: the history keeps it.")
		return false
	}
	return f.m.reopen(f.reason.Text)
}

// reopen makes approved minutes a draft again, recording why.
func (m *meetingScreen) reopen(reason string) bool {
	id := m.fm.ID
	if !m.u.run("reopen the minutes", func() error { return m.u.store.ReopenMeetingFor(id, reason) }) {
		return false
	}
	m.reload()
	m.u.nav.refreshMeetings()
	return true
}
