package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// This file is approving minutes and reopening them for correction, and their history.

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
	keepDialog(m.u.win, d, nil)
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
