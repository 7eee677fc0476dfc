package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
)

// meetingScreen shows one meeting: its header (date, status, approve or reopen), and two
// tabs — Details & attendance (this file) and Agenda & minutes (agenda.go).
type meetingScreen struct {
	u        *ui
	fm       *data.FullMeeting
	people   []data.Person // the body's people, retired too, for names
	readOnly bool
	loads    int  // how often the meeting was read from the file (tests: saves never need it)
	loading  bool // load is under way: the place the clerk was in is not noted meanwhile

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
	ended     *timeField // when the meeting ended: "The meeting ended at 12.40pm"
	venue     *widget.Entry
	title     *widget.Entry
	chair     *widget.Select
	chairNote *note

	memberRows *fyne.Container
	otherRows  *fyne.Container
	rows       []*attendanceRow
	addName    *choiceEntry
	addKind    *choiceEntry // how they attend, with type-ahead: "apol" for Apologies
	addFor     *choiceEntry // for a substitute: the member they stand in for
	addArrived *timeField   // for someone arriving late
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

// How someone attends, as the add bar offers it: the Chair and Vice-Chair on the day are
// present with their role.
const (
	presentAsChair     = "Present – Chair"
	presentAsViceChair = "Present – Vice-Chair"
)

var addKinds = []string{"Present", presentAsChair, presentAsViceChair, "Apologies", "Absent", "Substitute", "In attendance"}

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
	m.ended = newTimeField("12.40pm", true)
	m.ended.onChanged = func(bool) { m.saveDetails() }
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
	m.addName.OnChosen = m.onAddNameChanged
	m.addKind = newChoiceEntry(addKinds)
	m.addKind.SetText("In attendance")
	m.addKind.replaceOnFocus = true
	m.addKind.OnChanged = func(string) { m.showAddFor() }
	m.addKind.OnSubmitted = func(string) { m.onAddAttendee() }
	m.addFor = newChoiceEntry(nil)
	m.addFor.PlaceHolder = "for the member"
	m.addFor.OnSubmitted = func(string) { m.onAddAttendee() }
	m.addArrived = newTimeField("arrived (if late)", true)
	m.addArrived.entry.OnSubmitted = func(string) { m.onAddAttendee() }
	m.addNote = newNote()
	m.addBar = container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(
			fixed(150, m.addKind), fixed(210, m.addFor), fixed(150, m.addArrived.entry),
			newPointerButton(&widget.Button{Text: "Add", Icon: theme.ContentAddIcon(), OnTapped: m.onAddAttendee}),
			newPointerButton(&widget.Button{Text: "New person…", Icon: theme.AccountIcon(), OnTapped: m.onNewPerson}),
		), m.addName),
		m.addNote)
	m.showAddFor()

	m.declRows = container.NewVBox()
	m.addDecl = newPointerButton(&widget.Button{Text: "Add a declaration", Icon: theme.ContentAddIcon(), OnTapped: m.onAddDeclaration})

	m.agenda = newAgendaScreen(m)
	m.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Details & attendance", theme.AccountIcon(), m.buildDetails()),
		container.NewTabItemWithIcon("Agenda & minutes", theme.ListIcon(), m.agenda.content),
	)
	m.tabs.OnSelected = func(*container.TabItem) { m.notePlace() }
	m.agenda.editor.tabs.onSelected = func(int) { m.notePlace() }
	header := container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(m.historyBtn, m.approveBtn, m.reopenBtn, m.exportBtn)),
		container.New(layout.NewCustomPaddedVBoxLayout(0), m.heading, m.statusLabel))
	m.content = container.NewBorder(container.NewVBox(header, m.readBanner), nil, nil, nil, m.tabs)
	return m
}

func (m *meetingScreen) buildDetails() fyne.CanvasObject {
	details := container.NewVBox(
		container.NewGridWithColumns(4,
			labelled("Date", m.date.entry, m.date.note),
			labelled("Start time", m.start.entry, m.start.note),
			labelled("Ended", m.ended.entry, m.ended.note),
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

// load reads a meeting and shows it. Anything pending is written first, so what is read is
// current.
func (m *meetingScreen) load(id int64) error {
	m.u.flush()
	fm, err := m.u.store.LoadMeeting(id)
	if err != nil {
		return err
	}
	m.loads++
	people, err := m.u.store.People(fm.BodyID, true)
	if err != nil {
		return err
	}
	another := m.fm == nil || m.fm.ID != fm.ID
	m.loading = true
	defer func() { m.loading = false }()
	m.fm, m.people = fm, people
	m.readOnly = fm.Approved() || m.u.readOnly
	m.showHeader()
	m.showDetails()
	m.showAttendance()
	m.showDeclarations()
	m.agenda.load()
	if another {
		m.detailsScroll.ScrollToTop() // a new meeting's details from their start
	}
	return nil
}

// notePlace remembers where the clerk is in the meeting (its tab, the item and the item's
// tab), so that the next start opens there.
func (m *meetingScreen) notePlace() {
	if m.fm == nil || m.u.store == nil || m.loading {
		return
	}
	p := m.u.app.Preferences()
	p.SetInt(m.u.placeKey("tab"), m.tabs.SelectedIndex())
	p.SetInt(m.u.placeKey("item"), int(m.agenda.selectedID()))
	p.SetInt(m.u.placeKey("item-tab"), m.agenda.editor.tabs.selected)
}

// restorePlace opens the meeting where notePlace left it.
func (m *meetingScreen) restorePlace() {
	p := m.u.app.Preferences()
	tab, item, itemTab := p.Int(m.u.placeKey("tab")), int64(p.Int(m.u.placeKey("item"))), p.Int(m.u.placeKey("item-tab"))
	m.tabs.SelectIndex(tab) // notes the place as it goes: read it all first
	if item != 0 {
		m.agenda.selectID(item)
		m.agenda.editor.tabs.SelectIndex(itemTab)
	}
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
	m.ended.set(fm.Ended)
	setText(m.venue, fm.Venue)
	setText(m.title, fm.Title)
	m.fillChairOptions()
	enable(!m.readOnly, m.date.entry, m.start.entry, m.ended.entry, m.venue, m.title, m.chair)
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

// stampEnd records that the meeting ended now, as minutes say it: "12.40pm".
func (m *meetingScreen) stampEnd() {
	if m.fm == nil || m.readOnly {
		return
	}
	m.ended.stamp()
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
	if m.ended.check(m.ended.entry.Text) {
		mt.Ended = m.ended.value
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
