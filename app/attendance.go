package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/names"
)

// This file is the meeting's attendance: who was present, sent apologies, substituted or was
// in attendance, each a row, and the bar that adds people as they arrive.

func captionLabel(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
}

// attendanceColumns lays out a row of the attendance table: the name takes what is left.
func attendanceColumns(name, kind, role, subFor, arrived, left, remove fyne.CanvasObject) *fyne.Container {
	return container.NewBorder(nil, nil, nil, container.NewHBox(
		fixed(150, kind), fixed(150, role), fixed(200, subFor), fixed(120, arrived), fixed(120, left), fixed(40, remove)), name)
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

// fillAddOptions offers everyone in People: those not yet listed, to add, and those listed,
// to say how they attend (apologies, the Chair, a late arrival).
func (m *meetingScreen) fillAddOptions() {
	var opts []string
	for _, p := range m.people {
		if !p.Retired {
			opts = append(opts, p.DisplayName())
		}
	}
	m.addName.SetOptions(bySurname(opts))
	m.addFor.SetOptions(m.absentMembers())
}

// absentMembers are the members a substitute may stand in for: those not present.
func (m *meetingScreen) absentMembers() []string {
	present := map[int64]bool{}
	for _, r := range m.rows {
		if r.a.Kind == data.Present || r.a.Kind == data.Substitute {
			present[r.a.PersonID] = true
		}
	}
	var out []string
	for _, p := range m.people {
		if p.IsMember() && p.BodyID == m.fm.BodyID && !p.Retired && !present[p.ID] {
			out = append(out, p.DisplayName())
		}
	}
	return bySurname(out)
}

// showAddFor lets the clerk say whom a substitute stands in for, in the add bar itself; the
// field keeps its place (disabled) when the person is not a substitute, so nothing moves.
func (m *meetingScreen) showAddFor() {
	if strings.EqualFold(strings.TrimSpace(m.addKind.Text), kindWords[data.Substitute]) && !m.readOnly {
		m.addFor.SetOptions(m.absentMembers())
		m.addFor.Enable()
	} else {
		m.addFor.Disable()
	}
}

// bySurname sorts names as an attendance list reads them: by surname, then the rest.
func bySurname(names []string) []string {
	out := slices.Clone(names)
	slices.SortStableFunc(out, surnameOrder)
	return out
}

// surnameOrder compares two names by surname, then as a whole.
func surnameOrder(a, b string) int {
	return cmp.Or(cmp.Compare(data.Fold(surname(a)), data.Fold(surname(b))), cmp.Compare(data.Fold(a), data.Fold(b)))
}

// surname is the last word of a name: "Cllr Barrie Patman" → "Patman".
func surname(name string) string {
	f := strings.Fields(names.Plain(name))
	if len(f) == 0 {
		return name
	}
	return f[len(f)-1]
}

// onAddNameChanged suggests how the chosen person attends: members present, others in
// attendance.
func (m *meetingScreen) onAddNameChanged(name string) {
	m.addNote.clear()
	if p, ok := m.personByName(name); ok {
		if p.IsMember() {
			setText(&m.addKind.Entry, "Present")
		} else {
			setText(&m.addKind.Entry, "In attendance")
		}
		m.showAddFor()
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
	how := strings.TrimSpace(m.addKind.Text)
	role := ""
	switch how {
	case presentAsChair:
		how, role = "Present", data.RoleChair
	case presentAsViceChair:
		how, role = "Present", data.RoleViceChair
	}
	kind := ""
	for k, w := range kindWords {
		if strings.EqualFold(w, how) {
			kind = k
		}
	}
	if kind == "" {
		m.addNote.problem("Say how " + name + " attends: Present, Apologies, Absent, Substitute or In attendance.")
		m.u.win.Canvas().Focus(m.addKind)
		return
	}
	a := data.Attendance{MeetingID: m.fm.ID, Kind: kind, Role: role}
	if p, ok := m.personByName(name); ok {
		a.PersonID, a.Name = p.ID, p.DisplayName()
		if a.Kind == data.InAttendance {
			a.Role = capacity(p) // "as: Chief Executive, OPCC", from People
		}
	} else {
		a.Name = name
	}
	if a.Kind == data.Substitute {
		member, ok := m.personByName(strings.TrimSpace(m.addFor.Text))
		if !ok || !member.IsMember() {
			m.addNote.problem("Say which member " + a.Name + " is substituting for.")
			m.u.win.Canvas().Focus(m.addFor)
			return
		}
		a.SubstituteForID, a.SubstituteFor = member.ID, member.DisplayName()
	}
	if !m.addArrived.check(m.addArrived.entry.Text) {
		m.u.win.Canvas().Focus(m.addArrived.entry)
		return
	}
	a.Arrived = m.addArrived.value
	if r := m.rowOf(a.PersonID); r != nil {
		m.changeAttendance(r, a) // listed already (the members are, from the start): their row says so now
	} else {
		m.addAttendance(a)
		if role == data.RoleChair {
			m.setChair(a.PersonID)
		}
	}
	setText(&m.addName.Entry, "")
	setText(&m.addFor.Entry, "")
	setText(&m.addKind.Entry, "In attendance")
	m.showAddFor()
	m.addArrived.set("")
	m.addNote.clear()
	m.u.win.Canvas().Focus(m.addName) // the next person
}

// focusAddName puts the cursor in the add bar's name, to add people as they arrive.
func (m *meetingScreen) focusAddName() {
	if m.fm != nil && !m.readOnly {
		m.u.win.Canvas().Focus(m.addName)
	}
}

// rowOf is the attendance row of a person from People, or nil.
func (m *meetingScreen) rowOf(personID int64) *attendanceRow {
	if personID == 0 {
		return nil
	}
	for _, r := range m.rows {
		if r.a.PersonID == personID {
			return r
		}
	}
	return nil
}

// changeAttendance makes a listed person's row say how the add bar says they attend: sent
// apologies, arrived late at 10.45am, or the Chair on the day.
func (m *meetingScreen) changeAttendance(r *attendanceRow, a data.Attendance) {
	if a.Kind != data.InAttendance {
		setSelected(r.kind, kindWords[a.Kind])
		if a.Kind == data.Substitute {
			r.subFor.Show()
			setSelected(r.subFor, a.SubstituteFor)
		}
		if a.Role == data.RoleChair || a.Role == data.RoleViceChair || r.a.Role == data.RoleChair || r.a.Role == data.RoleViceChair {
			setSelected(r.role, roleWords[a.Role])
		}
	}
	if a.Arrived != "" {
		r.arrived.set(a.Arrived)
	}
	r.save()
	if a.Role == data.RoleChair {
		m.setChair(a.PersonID)
	}
}

// capacity is what someone in attendance is there as, from People: "Chief Executive, OPCC".
func capacity(p data.Person) string {
	if p.Role == data.RolePCC {
		return "Police and Crime Commissioner"
	}
	return p.Authority
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
	return bySurname(out)
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
	return bySurname(out)
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
	// One line of notes under the row: the row's own, and under each time what it understood.
	notes := container.NewBorder(nil, nil, nil, container.NewHBox(fixed(120, r.arrived.note), fixed(120, r.left.note), fixed(40, layout.NewSpacer())), r.note)
	r.content = container.New(layout.NewCustomPaddedVBoxLayout(0), row, notes)
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
