package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// This file is the chosen action under the action log's table: what it is, its progress, and
// the forms to record progress and to edit it.

// actionDetail is the chosen action under the table: what it is, where it came from, its
// progress, and a form to record more.
type actionDetail struct {
	s *actionLogScreen
	a *data.Action // nil when none is chosen

	ref      *widget.Label
	source   *widget.Label
	text     *widget.Label
	meta     *widget.Label
	goBtn    *widget.Button
	editBtn  *widget.Button
	delBtn   *widget.Button
	flagNote *widget.Label
	keepBtn  *widget.Button
	dropBtn  *widget.Button
	flagBox  *fyne.Container
	history  *fyne.Container

	status   *widget.Select
	date     *dateField
	note     *textEntry
	record   *widget.Button
	formNote *note

	body    *fyne.Container
	empty   fyne.CanvasObject
	content *fyne.Container
}

func newActionDetail(s *actionLogScreen) *actionDetail {
	d := &actionDetail{s: s, formNote: newNote()}
	d.ref = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	d.source = &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	d.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.meta = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.goBtn = &widget.Button{Text: "Go to the minute", Icon: theme.NavigateNextIcon(), OnTapped: d.onGoToMinute}
	d.editBtn = &widget.Button{Text: "Edit…", Icon: theme.DocumentCreateIcon(), OnTapped: d.onEdit}
	d.delBtn = &widget.Button{Text: "Delete…", Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: d.onDelete}
	d.flagNote = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	d.keepBtn = &widget.Button{Text: "Keep it", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: d.onKeep}
	d.dropBtn = &widget.Button{Text: "Delete it", Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: d.onDelete}
	d.flagBox = container.NewVBox(d.flagNote, toolbarRow(d.keepBtn, d.dropBtn))
	d.history = container.NewVBox()

	d.status = &widget.Select{Options: statusWords}
	d.date = newDateField("today", false, func() fyne.Window { return s.u.win })
	d.note = multiLine("What has happened: “Briefing note circulated to members on 3 October.”", 2, nil)
	d.record = &widget.Button{Text: "Record", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: d.onRecord}

	about := container.NewVBox(
		d.ref, d.source, d.text, d.meta, d.flagBox,
		toolbarRow(d.goBtn, d.editBtn, d.delBtn),
	)
	progress := container.NewBorder(heading("Progress"), nil, nil, nil, container.NewVScroll(d.history))
	form := container.NewVBox(heading("Record progress"),
		container.NewGridWithColumns(2, labelled("Status", d.status, nil), labelled("On", d.date.entry, nil)),
		d.date.note, d.note, d.formNote, toolbarRow(d.record))
	cols := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewSeparator(), fixed(290, progress), widget.NewSeparator(), fixed(330, container.NewVScroll(form))),
		container.NewVScroll(about))
	d.body = container.NewStack(cols)
	d.empty = container.NewCenter(&widget.Label{Text: "Choose an action to see its progress, record an update or change its status.", Importance: widget.LowImportance})
	d.content = container.NewStack(d.empty)
	return d
}

// clear shows no action.
func (d *actionDetail) clear() {
	d.a = nil
	setObjects(d.content, d.empty)
}

// load reads an action and shows it.
func (d *actionDetail) load(id int64) {
	a, err := d.s.u.store.Action(id)
	if err != nil {
		d.clear()
		d.s.u.showError("Cannot read the action", err)
		return
	}
	d.show(a)
}

// refresh reads the chosen action again after the log was reloaded.
func (d *actionDetail) refresh() {
	if d.a == nil {
		return
	}
	a, err := d.s.u.store.Action(d.a.ID)
	if err != nil {
		d.clear()
		d.s.current = 0
		return
	}
	d.show(a)
}

// row is the chosen action's row in the log on show, if it is listed.
func (d *actionDetail) row() *data.ActionLogRow {
	for i := range d.s.order {
		if r := d.s.row(i); r.ID == d.a.ID {
			return r
		}
	}
	return nil
}

func (d *actionDetail) show(a data.Action) {
	d.a = &a
	d.ref.SetText(firstNonEmpty(a.Ref, "Action"))
	var src []string
	if a.MeetingDate != "" {
		src = append(src, "raised at the meeting of "+data.LongDate(a.MeetingDate))
	}
	if a.Minute != "" {
		src = append(src, "minute "+a.Minute)
	}
	switch a.Source {
	case "tag":
		src = append(src, "from an [Action: "+a.Owner+"] tag")
	case "written_reply":
		src = append(src, "a written reply to a question")
	}
	if a.Exempt {
		src = append(src, "exempt item: left out of public logs")
	}
	d.source.SetText(strings.Join(src, " · "))
	d.text.SetText(a.Text)
	meta := "Owner: " + a.Owner + " · Due: " + firstNonEmpty(data.FormatDate(a.Due, data.ShortLayout), "no date given")
	if r := d.row(); r != nil {
		meta += " · " + standing(r)
	} else {
		meta += " · " + data.StatusWords[a.Status] + " (not in the view on show)"
	}
	d.meta.SetText(meta)
	if a.Flag != "" {
		d.flagNote.SetText(a.Flag + ".")
		d.flagBox.Show()
	} else {
		d.flagBox.Hide()
	}
	enable(a.MeetingID != 0, d.goBtn)

	d.history.RemoveAll()
	for i := len(a.Updates) - 1; i >= 0; i-- {
		u := a.Updates[i]
		line := &widget.Label{Text: u.Text, Wrapping: fyne.TextWrapWord}
		if !u.HasNote() {
			line.Importance = widget.LowImportance
		}
		date := &widget.Label{Text: data.FormatDate(u.Date, data.CompactLayout), TextStyle: fyne.TextStyle{Bold: true}}
		d.history.Add(container.NewBorder(nil, nil, fixed(104, date), nil, line))
	}
	if len(a.Updates) == 0 {
		d.history.Add(&widget.Label{Text: "No progress recorded yet.", Importance: widget.LowImportance})
	}
	setSelected(d.status, data.StatusWords[a.Status])
	d.date.set(data.Today())
	d.formNote.clear()
	if len(d.content.Objects) == 0 || d.content.Objects[0] != d.body {
		setObjects(d.content, d.body)
	}
	canvas.Refresh(d.history)
}

// onRecord records a change of status, a dated progress note, or both.
func (d *actionDetail) onRecord() {
	if d.a == nil {
		return
	}
	if !d.date.check(d.date.entry.Text) {
		return
	}
	a := *d.a
	status := a.Status
	for _, st := range data.ActionStatuses {
		if data.StatusWords[st] == d.status.Selected {
			status = st
		}
	}
	text := strings.TrimSpace(d.note.Text)
	if status == a.Status && text == "" {
		d.formNote.problem("Write what has happened, or choose a new status.")
		return
	}
	store, date := d.s.u.store, d.date.value
	err := d.s.u.saver.run("record progress on "+a.Ref, func() error {
		if status != a.Status {
			return store.SetActionStatus(a.ID, status, date, text)
		}
		return store.AddActionUpdate(&data.ActionUpdate{ActionID: a.ID, Date: date, Text: text})
	})
	if err != nil {
		d.formNote.problem(sentence(err))
		return
	}
	d.note.SetText("")
	d.s.u.status.SetText("Recorded progress on " + a.Ref + ".")
	d.s.changed(a)
}

// onGoToMinute opens the meeting and item the action came from.
func (d *actionDetail) onGoToMinute() {
	if d.a == nil || d.a.MeetingID == 0 {
		return
	}
	d.s.u.showMinute(d.a.MeetingID, d.a.ItemID)
}

// onKeep keeps a flagged action as one of the clerk's own.
func (d *actionDetail) onKeep() {
	if d.a == nil {
		return
	}
	a := *d.a
	if !d.s.u.run("keep action "+a.Ref, func() error { return d.s.u.store.KeepAction(a.ID) }) {
		return
	}
	d.s.changed(a)
}

func (d *actionDetail) onDelete() {
	if d.a == nil {
		return
	}
	a := *d.a
	msg := "Delete action " + a.Ref + " from the action log, with its progress?\n\n“" + data.Shorten(a.Text, 160) + "”"
	if a.Source == "tag" && a.Flag == "" {
		msg += "\n\nIt comes from an [Action: " + a.Owner + "] tag in the minutes; remove the tag too, or the action comes back when the minutes are next saved."
	}
	d.s.u.showConfirm("Delete action", msg, func(ok bool) {
		if ok {
			d.delete(a)
		}
	})
}

func (d *actionDetail) delete(a data.Action) {
	if !d.s.u.run("delete action "+a.Ref, func() error { return d.s.u.store.DeleteAction(a.ID) }) {
		return
	}
	d.s.current = 0
	d.clear()
	d.s.changed(a)
}

// onEdit changes what the action says, who owns it and when it is due.
func (d *actionDetail) onEdit() {
	if d.a == nil {
		return
	}
	f := d.newEditForm()
	showFocused(f.dlg, d.s.u.win, &f.owner.Entry)
}

// actionForm edits an action's owner, text and due date.
type actionForm struct {
	owner *choiceEntry
	text  *textEntry
	due   *dateField
	note  *note
	dlg   dialog.Dialog
}

func (d *actionDetail) newEditForm() *actionForm {
	a := *d.a
	f := &actionForm{note: newNote()}
	f.owner = newChoiceEntry(d.s.owners)
	f.owner.SetText(a.Owner)
	f.text = multiLine("What is to be done", 4, nil)
	f.text.SetText(a.Text)
	f.due = newDateField("Due date (optional)", true, func() fyne.Window { return d.s.u.win })
	f.due.set(a.Due)
	content := container.NewVBox(labelled("Owner", f.owner, nil), labelled("Action", f.text, nil),
		labelled("Due", f.due.entry, f.due.note), f.note)
	f.dlg = formDialog("Edit action "+a.Ref, "Save", content, func() bool {
		if !f.due.check(f.due.entry.Text) {
			return false
		}
		edited := a // saved only over the copy the form was opened on, never over a newer one
		edited.Owner, edited.Text, edited.Due = f.owner.Text, f.text.Text, f.due.value
		if err := d.s.u.saver.run("save action "+a.Ref, func() error { return data.ErrOf(d.s.u.store.Save(&edited)) }); err != nil {
			f.note.problem(sentence(err))
			return false
		}
		d.s.changed(edited)
		return true
	}, d.s.u.win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	return f
}
