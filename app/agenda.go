package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// agendaScreen is the Agenda & minutes tab: the items with their minute numbers on the left,
// the chosen item's editor on the right.
type agendaScreen struct {
	m        *meetingScreen
	selected int // index in m.fm.Items; -1 for none

	list    *widget.List
	addBtn  *pointerButton
	delBtn  *pointerButton
	upBtn   *pointerButton
	downBtn *pointerButton
	editor  *itemEditor
	right   *fyne.Container
	empty   fyne.CanvasObject
	content fyne.CanvasObject
}

func newAgendaScreen(m *meetingScreen) *agendaScreen {
	a := &agendaScreen{m: m, selected: -1}
	a.list = &widget.List{Length: a.length, CreateItem: a.createRow, UpdateItem: a.updateRow, OnSelected: a.onSelected}
	a.addBtn = newPointerButton(&widget.Button{Text: "New item", Icon: theme.ContentAddIcon(), OnTapped: a.onAddItem})
	a.delBtn = newPointerButton(&widget.Button{Icon: theme.DeleteIcon(), OnTapped: a.onDeleteItem})
	a.upBtn = newPointerButton(&widget.Button{Icon: theme.MoveUpIcon(), OnTapped: func() { a.onMove(-1) }})
	a.downBtn = newPointerButton(&widget.Button{Icon: theme.MoveDownIcon(), OnTapped: func() { a.onMove(+1) }})
	a.editor = newItemEditor(a)
	a.empty = container.NewCenter(&widget.Label{Text: "No items yet. Choose “New item” (Ctrl+N) to add the first.", Importance: widget.LowImportance})
	a.right = container.NewStack(a.empty)
	left := container.NewBorder(nil, container.NewHBox(a.addBtn, a.upBtn, a.downBtn, a.delBtn), nil, nil, a.list)
	split := container.NewHSplit(left, a.right)
	split.Offset = 0.24
	a.content = split
	return a
}

func (a *agendaScreen) items() []data.FullItem {
	if a.m.fm == nil {
		return nil
	}
	return a.m.fm.Items
}

// load shows the meeting's items, choosing the first.
func (a *agendaScreen) load() {
	a.selected = -1
	a.list.UnselectAll()
	a.list.Refresh()
	ro := a.m.readOnly
	for _, b := range []*pointerButton{a.addBtn, a.delBtn, a.upBtn, a.downBtn} {
		if ro {
			b.Hide()
		} else {
			b.Show()
		}
	}
	if len(a.items()) > 0 {
		a.selectIndex(0)
	} else {
		a.showEditor(false)
	}
}

func (a *agendaScreen) showEditor(on bool) {
	if on {
		if len(a.right.Objects) == 0 || a.right.Objects[0] != a.editor.content {
			setObjects(a.right, a.editor.content)
		}
		return
	}
	setObjects(a.right, a.empty)
}

func (a *agendaScreen) length() int { return len(a.items()) }

func (a *agendaScreen) createRow() fyne.CanvasObject {
	num := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	title := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	icon := widget.NewIcon(theme.VisibilityOffIcon())
	return container.NewBorder(nil, nil, num, icon, title)
}

func (a *agendaScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	items := a.items()
	if i >= len(items) {
		return
	}
	it := items[i]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(firstNonEmpty(it.Title, "(untitled item)"))
	row.Objects[1].(*widget.Label).SetText(it.Number)
	if it.Exempt {
		row.Objects[2].Show()
	} else {
		row.Objects[2].Hide()
	}
}

func (a *agendaScreen) onSelected(i widget.ListItemID) {
	if i == a.selected {
		return
	}
	a.selectIndex(i)
}

// selectIndex shows item i in the editor and marks it in the list.
func (a *agendaScreen) selectIndex(i int) {
	items := a.items()
	if i < 0 || i >= len(items) {
		return
	}
	a.selected = i
	f := a.list.OnSelected
	a.list.OnSelected = nil
	a.list.Select(i)
	a.list.OnSelected = f
	a.editor.show(&a.m.fm.Items[i])
	a.showEditor(true)
	a.showButtons()
	a.m.notePlace()
}

func (a *agendaScreen) showButtons() {
	n := len(a.items())
	enable(a.selected >= 0, a.delBtn)
	enable(a.selected > 0, a.upBtn)
	enable(a.selected >= 0 && a.selected < n-1, a.downBtn)
}

func (a *agendaScreen) selectedID() int64 {
	if items := a.items(); a.selected >= 0 && a.selected < len(items) {
		return items[a.selected].ID
	}
	return 0
}

func (a *agendaScreen) selectID(id int64) {
	for i, it := range a.items() {
		if it.ID == id {
			a.selectIndex(i)
			return
		}
	}
}

// next and previous move through the items from the keyboard.
func (a *agendaScreen) next() {
	a.m.tabs.SelectIndex(1)
	if a.selected < len(a.items())-1 {
		a.selectIndex(a.selected + 1)
	}
	a.editor.focusMinutes()
}

func (a *agendaScreen) previous() {
	a.m.tabs.SelectIndex(1)
	if a.selected > 0 {
		a.selectIndex(a.selected - 1)
	}
	a.editor.focusMinutes()
}

// onAddItem adds an item at the end of the agenda and puts the cursor in its title.
func (a *agendaScreen) onAddItem() {
	m := a.m
	if m.fm == nil || m.readOnly {
		return
	}
	it := data.Item{MeetingID: m.fm.ID}
	if !m.u.run("add an item", func() error { return m.u.store.AddItem(&it) }) {
		return
	}
	m.fm.Items = append(m.fm.Items, data.FullItem{Item: it})
	m.tabs.SelectIndex(1)
	a.list.Refresh()
	a.selectIndex(len(m.fm.Items) - 1)
	a.list.ScrollToBottom()
	m.refreshItemChoices()
	m.u.nav.refreshMeetings()
	a.editor.tabs.SelectIndex(0) // a new item starts on its minutes, whatever tab the last was on
	a.editor.focusTitle()
}

// onDeleteItem asks before deleting the chosen item, saying what goes and what stays.
func (a *agendaScreen) onDeleteItem() {
	m := a.m
	if m.fm == nil || m.readOnly || a.selected < 0 {
		return
	}
	it := m.fm.Items[a.selected]
	msg := fmt.Sprintf("Delete item %s, “%s”?\n\nIts minutes, %s and %s are removed.", it.Number, firstNonEmpty(it.Title, "untitled"),
		data.Count(len(it.Questions), "question", "questions"), data.Count(len(it.Resolutions), "resolution", "resolutions"))
	if len(it.Actions) > 0 {
		msg += fmt.Sprintf(" Its %s stay in the action log.", data.Count(len(it.Actions), "action", "actions"))
	}
	msg += " The items after it are renumbered."
	m.u.showConfirm("Delete item", msg, func(ok bool) {
		if ok {
			a.deleteItem(it.ID)
		}
	})
}

// deleteItem deletes an item and shows the agenda as the store says it now is: the items
// after it renumbered, its actions kept in the log but no longer under it.
func (a *agendaScreen) deleteItem(id int64) {
	m := a.m
	at := a.selected
	var ch data.Changes
	if !m.u.run("delete the item", func() (err error) { ch, err = m.u.store.DeleteItem(id); return err }) {
		return
	}
	m.u.saver.forget(fmt.Sprintf("item:%d", id))
	a.editor.item = nil // it pointed into the list about to shrink
	m.fm.Items = slices.DeleteFunc(m.fm.Items, func(it data.FullItem) bool { return it.ID == id })
	m.applyChanges(ch)
	a.selected = -1
	a.list.UnselectAll()
	a.list.Refresh()
	if n := len(a.items()); n > 0 {
		a.selectIndex(min(at, n-1))
	} else {
		a.showEditor(false)
	}
	m.refreshItemChoices()
	m.u.nav.refreshMeetings()
}

// onMove moves the chosen item up (-1) or down (+1); the store renumbers the minutes.
func (a *agendaScreen) onMove(delta int) {
	m := a.m
	if m.fm == nil || m.readOnly || a.selected < 0 {
		return
	}
	to := a.selected + delta
	if to < 0 || to >= len(a.items()) {
		return
	}
	from := a.selected
	id := m.fm.Items[from].ID
	var ch data.Changes
	if !m.u.run("move the item", func() (err error) { ch, err = m.u.store.MoveItem(id, delta); return err }) {
		return
	}
	// The store said the new numbers; the list swaps the two items and the editor keeps the
	// one being typed in, cursor and all.
	m.fm.Items[from], m.fm.Items[to] = m.fm.Items[to], m.fm.Items[from]
	m.fm.Items[from].Position, m.fm.Items[to].Position = m.fm.Items[to].Position, m.fm.Items[from].Position
	a.editor.item = &m.fm.Items[to]
	m.applyChanges(ch)
	a.list.Refresh()
	a.selectIndex(to)
	a.list.ScrollTo(a.selected)
	m.refreshItemChoices()
}

// applyNumbers shows minute numbers read after the meeting's date changed.
func (a *agendaScreen) applyNumbers(numbers map[int64]string) {
	if len(numbers) == 0 || a.m.fm == nil {
		return
	}
	changed := false
	for i := range a.m.fm.Items {
		it := &a.m.fm.Items[i]
		if n, ok := numbers[it.ID]; ok && n != it.Number {
			it.Number, changed = n, true
		}
	}
	if changed {
		a.list.Refresh()
		a.editor.showNumber()
		a.m.refreshItemChoices()
	}
}

// schedule12A is the paragraphs of Schedule 12A as the clerk chooses among them: "1 –
// information relating to an individual".
var schedule12A = func() []string {
	var out []string
	for _, p := range data.Schedule12A {
		out = append(out, fmt.Sprintf("%d – %s", p.Number, p.Short))
	}
	return out
}()

// itemEditor edits one agenda item: its title, time, exempt status, the report summary, the
// minutes, and its questions, resolutions and actions.
type itemEditor struct {
	a    *agendaScreen
	item *data.FullItem

	number        *widget.Label
	title         *widget.Entry
	titleNote     *note
	time          *timeField
	exempt        *widget.Check
	paragraph     *widget.Select
	exemptNote    *note
	publicSummary *textEntry
	exemptBox     *fyne.Container
	summary       *textEntry
	minutes       *paragraphEntry // one Entry per paragraph: typing stays quick in 5,000 words
	minutesAfter  *textEntry      // the narrative after the questions, before the resolutions
	tagHint       *widget.Label

	tabs *tabBar // Minutes, Questions, Resolutions, Report

	questions   *questionsPanel
	resolutions *resolutionsPanel
	actions     *actionsPanel
	documents   *documentsPanel // documents.go
	content     fyne.CanvasObject
}

func newItemEditor(a *agendaScreen) *itemEditor {
	e := &itemEditor{a: a, titleNote: newNote(), exemptNote: newNote()}
	e.number = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	e.title = &widget.Entry{PlaceHolder: "Title of the item", OnChanged: func(string) { e.save() }}
	e.time = newTimeField("time taken", true)
	e.time.onChanged = func(bool) { e.save() }
	e.exempt = &widget.Check{Text: "Exempt: taken in private (Schedule 12A)", OnChanged: e.onExempt}
	e.paragraph = &widget.Select{Options: schedule12A, PlaceHolder: "Choose the paragraph", OnChanged: func(string) { e.save() }}
	e.publicSummary = narrative("What the public minutes say instead: “The Panel considered a confidential report on …”", 2, func(string) { e.save() })
	e.summary = narrative("A summary of the report before the meeting", 4, func(string) { e.save() })
	e.minutes = newParagraphEntry()
	e.minutes.SetPlaceHolder("The minutes of this item. Type [Action: PCC] where the meeting asked for something to be done.")
	e.minutes.OnChanged = func(string) { e.save() }
	e.minutesAfter = narrative("What the meeting said after the questions, before its resolution: the Chair’s closing question, say.", 3, func(string) { e.save() })
	e.tagHint = &widget.Label{Text: "Return starts a new paragraph, Shift+Return a new line. Type [Action: owner] to record an action; it appears under Actions.",
		Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}

	e.questions = newQuestionsPanel(e)
	e.resolutions = newResolutionsPanel(e)
	e.actions = newActionsPanel(e)
	e.documents = newDocumentsPanel(e)
	e.tabs = newTabBar([]string{"Minutes", "Questions", "Resolutions", "Summary", "Papers"},
		container.NewBorder(nil, e.tagHint, nil, nil, e.minutes),
		e.questions.content, // the text after the questions ends their list
		e.resolutions.content,
		container.NewBorder(nil, nil, nil, nil, e.summary),
		e.documents.content,
	)
	e.exemptBox = container.NewVBox(e.exemptNote, labelled("Public summary", e.publicSummary, nil))
	head := container.NewVBox(
		container.NewBorder(nil, nil, e.number, fixed(170, e.time.entry), e.title),
		container.NewBorder(nil, nil, nil, fixed(170, e.time.note), e.titleNote), // one line for both notes
		container.NewBorder(nil, nil, e.exempt, nil, e.paragraph),
		e.exemptBox,
	)
	split := container.NewHSplit(e.tabs.content, e.actions.content)
	split.Offset = 0.66
	e.content = container.NewBorder(head, nil, nil, nil, split)
	return e
}

// show puts an item in the editor.
func (e *itemEditor) show(it *data.FullItem) {
	e.item = it
	e.showNumber()
	setText(e.title, it.Title)
	e.time.set(it.Time)
	setChecked(e.exempt, it.Exempt)
	para := ""
	if it.ExemptParagraph >= 1 && it.ExemptParagraph <= len(schedule12A) {
		para = schedule12A[it.ExemptParagraph-1]
	}
	setSelected(e.paragraph, para)
	setText(&e.publicSummary.Entry, it.PublicSummary)
	setText(&e.summary.Entry, it.ReportSummary)
	if e.minutes.Text() != it.Minutes { // SetText resets the cursor: only when the text differs
		e.minutes.SetText(it.Minutes)
	}
	setText(&e.minutesAfter.Entry, it.MinutesAfter)
	e.showExempt()
	e.checkTitle()
	e.exemptNote.clear()
	e.questions.show()
	e.resolutions.show()
	e.actions.show()
	e.documents.show()
	e.showCounts()
	ro := e.a.m.readOnly
	enable(!ro, e.title, e.time.entry, e.exempt, e.paragraph, e.publicSummary, e.summary, e.minutes, e.minutesAfter)
}

func (e *itemEditor) showNumber() {
	if e.item == nil {
		return
	}
	e.number.SetText(e.item.Number)
}

// showCounts puts the number of questions and resolutions in the tab titles.
func (e *itemEditor) showCounts() {
	e.tabs.SetTitle(1, fmt.Sprintf("Questions (%d)", len(e.item.Questions)))
	e.tabs.SetTitle(2, fmt.Sprintf("Resolutions (%d)", len(e.item.Resolutions)))
}

func (e *itemEditor) showExempt() {
	if e.exempt.Checked {
		e.paragraph.Show()
		e.exemptBox.Show()
	} else {
		e.paragraph.Hide()
		e.exemptBox.Hide()
	}
}

func (e *itemEditor) onExempt(bool) {
	e.showExempt()
	e.save()
}

// checkTitle says beside the title when an item with content has none.
func (e *itemEditor) checkTitle() {
	if e.item.NeedsTitle() {
		e.titleNote.problem("This item has minutes but no title: the minutes would print a blank heading.")
	} else {
		e.titleNote.clear()
	}
}

// save queues the item as it is on screen. Typing costs no database work here: the saver
// writes the newest text once the clerk pauses. A field that does not read (a time, an
// exempt item without its paragraph) keeps its last good value in the database while its
// text stays on screen with a note.
func (e *itemEditor) save() {
	if e.item == nil || e.a.m.readOnly {
		return
	}
	it := &e.item.Item
	it.Title = e.title.Text
	if e.time.check(e.time.entry.Text) {
		it.Time = e.time.value
	}
	it.ReportSummary, it.Minutes, it.PublicSummary = e.summary.Text, e.minutes.Text(), e.publicSummary.Text
	it.MinutesAfter = e.minutesAfter.Text
	para := 0
	for i, p := range schedule12A {
		if p == e.paragraph.Selected {
			para = i + 1
		}
	}
	// Exempt is saved the moment it is ticked, paragraph or not: the clerk's "this is private"
	// must keep the item out of public documents even while the paragraph is still to choose.
	it.Exempt, it.ExemptParagraph = e.exempt.Checked, para
	if e.exempt.Checked && para == 0 {
		e.exemptNote.problem("Saved as exempt; choose the paragraph of Schedule 12A it falls under.")
	} else {
		e.exemptNote.clear()
	}
	e.checkTitle()
	if i := e.a.selected; i >= 0 {
		e.a.list.RefreshItem(i)
	}
	snap := *it
	m := e.a.m
	m.u.save(edit{rec: &snap, what: "item " + firstNonEmpty(snap.Number, "(new)"),
		applied: func(rec data.Record, ch data.Changes) {
			saved := rec.(*data.Item)
			for i := range m.fm.Items {
				if it := &m.fm.Items[i].Item; it.ID == saved.ID {
					it.Version = max(it.Version, saved.Version)
				}
			}
			m.applyChanges(ch)
		},
		failed: func(err error) { e.titleNote.problem(sentence(err)) },
		dump: func() string {
			return strings.TrimSpace(fmt.Sprintf("Item %s: %s (%s)\n\n%s\n\n%s", snap.Number, snap.Title, snap.Time, snap.Minutes, snap.MinutesAfter))
		},
	})
}

// stampTime puts the time now in the item's time: "11.05am".
func (e *itemEditor) stampTime() {
	if e.item == nil || e.a.m.readOnly {
		return
	}
	e.time.stamp()
}

func (e *itemEditor) focusMinutes() {
	if e.item == nil {
		return
	}
	e.tabs.SelectIndex(0)
	if c := e.a.m.u.win.Canvas(); c != nil {
		e.minutes.FocusEnd(c)
	}
}

func (e *itemEditor) focusTitle() {
	if e.item == nil {
		return
	}
	e.focus(e.title)
}

func (e *itemEditor) focus(o fyne.Focusable) {
	if c := e.a.m.u.win.Canvas(); c != nil {
		c.Focus(o)
	}
}

// hasText reports whether s has anything but space.
func hasText(s string) bool { return strings.TrimSpace(s) != "" }
