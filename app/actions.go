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

// actionsPanel shows the actions arising from an item beside its minutes: the reference,
// the owner, what is to be done, the due date and the status. Actions come from the clerk,
// from [Action: X] tags in the text, and from questions with a written reply to follow.
type actionsPanel struct {
	e       *itemEditor
	cards   []*actionCard
	box     *fyne.Container
	scroll  *container.Scroll
	addBtn  *pointerButton
	title   *widget.Label
	content fyne.CanvasObject
}

// Words for action statuses, in the order the form offers them.
var statusWords = func() []string {
	var out []string
	for _, s := range data.ActionStatuses {
		out = append(out, data.StatusWords[s])
	}
	return out
}()

func newActionsPanel(e *itemEditor) *actionsPanel {
	p := &actionsPanel{e: e}
	p.box = container.NewVBox()
	p.scroll = container.NewVScroll(p.box)
	p.addBtn = newPointerButton(&widget.Button{Text: "New action", Icon: theme.ContentAddIcon(), OnTapped: p.onAdd})
	p.title = heading("Actions")
	p.content = container.NewBorder(p.title, toolbarRow(p.addBtn), nil, nil, withWheel(p.scroll))
	return p
}

// show builds a card for each of the item's actions.
func (p *actionsPanel) show() {
	p.cards = nil
	p.box.RemoveAll()
	for _, a := range p.e.item.Actions {
		p.addCard(a)
	}
	p.showEmpty()
	if p.e.a.m.readOnly {
		p.addBtn.Hide()
	} else {
		p.addBtn.Show()
	}
	p.showTitle()
}

func (p *actionsPanel) showEmpty() {
	if len(p.cards) == 0 {
		setObjects(p.box, &widget.Label{Text: "No actions from this item.", Importance: widget.LowImportance})
	}
}

func (p *actionsPanel) showTitle() {
	p.title.SetText(fmt.Sprintf("Actions (%d)", len(p.e.item.Actions)))
}

func (p *actionsPanel) addCard(a data.Action) *actionCard {
	if len(p.cards) == 0 {
		p.box.RemoveAll()
	}
	c := newActionCard(p, a)
	p.cards = append(p.cards, c)
	p.box.Add(c.content)
	return c
}

// onAdd adds an empty action; it is written once it has an owner and says what is to be
// done.
func (p *actionsPanel) onAdd() {
	e := p.e
	if e.item == nil || e.a.m.readOnly {
		return
	}
	e.a.m.tabs.SelectIndex(1)
	c := p.addCard(data.Action{MeetingID: e.item.MeetingID, ItemID: e.item.ID, Status: data.ActionOpen})
	p.scroll.ScrollToBottom()
	e.focus(c.owner)
}

// sync brings the cards in step with the item's actions after they were read back: new
// actions get a card, deleted ones lose theirs, and the rest show what the database says —
// unless the clerk has an edit of that action still waiting to be written.
func (p *actionsPanel) sync() {
	byID := map[int64]data.Action{}
	for _, a := range p.e.item.Actions {
		byID[a.ID] = a
	}
	var keep []*actionCard
	seen := map[int64]bool{}
	for _, c := range p.cards {
		if c.a.ID == 0 {
			keep = append(keep, c) // not written yet
			continue
		}
		a, ok := byID[c.a.ID]
		if !ok {
			p.box.Remove(c.content)
			continue
		}
		seen[a.ID] = true
		if !p.e.a.m.u.saver.queued(c.key()) {
			c.showAction(a)
		}
		keep = append(keep, c)
	}
	p.cards = keep
	for _, a := range p.e.item.Actions {
		if !seen[a.ID] {
			p.addCard(a)
		}
	}
	p.showEmpty()
	p.showTitle()
}

// applyChanges shows what a save changed besides its record, as the store said: minute
// numbers that moved, and the actions its text made, changed or removed — keeping the copy of
// any action the clerk is still editing, with the store's reference and flag.
func (m *meetingScreen) applyChanges(ch data.Changes) {
	if m.fm == nil || ch.Empty() {
		return
	}
	m.agenda.applyNumbers(ch.Numbers)
	if len(ch.Actions) == 0 && len(ch.Removed) == 0 {
		return
	}
	removed := map[int64]bool{}
	for _, id := range ch.Removed {
		removed[id] = true
	}
	changed := map[int64]data.Action{}
	for _, a := range ch.Actions {
		changed[a.ID] = a
	}
	merge := func(itemID int64, acts []data.Action) []data.Action {
		out := acts[:0:0]
		for _, a := range acts {
			if removed[a.ID] {
				continue
			}
			if c, ok := changed[a.ID]; ok {
				delete(changed, a.ID)
				if m.u.saver.queued(actionKey(a.ID)) {
					a.Ref, a.Minute, a.MeetingDate, a.Flag, a.Version = c.Ref, c.Minute, c.MeetingDate, c.Flag, c.Version
				} else {
					a = c
				}
			}
			out = append(out, a)
		}
		for _, c := range ch.Actions { // new ones, in the store's order
			if _, ok := changed[c.ID]; ok && c.ItemID == itemID {
				out = append(out, c)
				delete(changed, c.ID)
			}
		}
		return out
	}
	for i := range m.fm.Items {
		it := &m.fm.Items[i]
		it.Actions = merge(it.ID, it.Actions)
	}
	m.fm.Actions = merge(0, m.fm.Actions)
	if ed := m.agenda.editor; ed.item != nil {
		ed.actions.sync()
	}
}

func actionKey(id int64) string { return fmt.Sprintf("action:%d", id) }

// actionCard is one action.
type actionCard struct {
	p       *actionsPanel
	a       data.Action
	box     *pendingID
	draft   string // key for an action not yet written
	ref     *widget.Label
	source  *widget.Label
	owner   *choiceEntry
	text    *textEntry
	due     *dateField
	status  *widget.Select
	del     *pointerButton
	note    *note
	flag    *note
	content fyne.CanvasObject
}

func newActionCard(p *actionsPanel, a data.Action) *actionCard {
	c := &actionCard{p: p, a: a, box: newPendingID(a.ID), note: newNote(), flag: newNote()}
	if a.ID == 0 {
		c.draft = fmt.Sprintf("action-draft:%p", c.box)
	}
	m := p.e.a.m
	c.ref = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	c.source = &widget.Label{Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	owners := []string{"PCC", "Scrutiny Officer", "Chief Constable", "Chief Executive, OPCC", "Chief Finance Officer"}
	c.owner = newChoiceEntry(append(owners, m.attendeeNames(data.InAttendance)...))
	c.owner.PlaceHolder = "Owner: PCC"
	c.text = multiLine("What is to be done", 3, nil)
	c.due = newDateField("Due date", true, func() fyne.Window { return m.u.win })
	c.status = &widget.Select{Options: statusWords}
	c.del = newPointerButton(&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: c.onDelete})
	c.showAction(a)
	c.owner.OnChanged = func(string) { c.save() }
	c.text.OnChanged = func(string) { c.save() }
	c.due.onChanged = func(bool) { c.save() }
	c.status.OnChanged = func(string) { c.save() }
	head := container.NewBorder(nil, nil, c.ref, c.del, c.source)
	c.content = container.NewVBox(head, c.owner, c.text,
		container.NewGridWithColumns(2, c.due.entry, c.status), c.due.note, c.note, c.flag, widget.NewSeparator())
	if m.readOnly {
		c.del.Hide()
	}
	return c
}

// showAction puts an action's fields on the card.
func (c *actionCard) showAction(a data.Action) {
	c.a = a
	c.ref.SetText(firstNonEmpty(a.Ref, "New action"))
	switch a.Source {
	case "tag":
		c.source.SetText("from an [Action: " + a.Owner + "] tag")
	case "written_reply":
		c.source.SetText("written reply to a question")
	default:
		c.source.SetText("")
	}
	setText(&c.owner.Entry, a.Owner)
	setText(&c.text.Entry, a.Text)
	c.due.set(a.Due)
	if a.Due != "" {
		c.due.note.hint("Due " + data.LongDate(a.Due))
	}
	setSelected(c.status, data.StatusWords[firstNonEmpty(a.Status, data.ActionOpen)])
	if a.Flag != "" {
		c.flag.problem(a.Flag)
	} else {
		c.flag.clear()
	}
}

func (c *actionCard) key() string {
	if c.a.ID == 0 {
		return c.draft
	}
	return actionKey(c.a.ID)
}

// save queues the action once it has an owner and says what is to be done. Actions stay
// editable after the minutes are approved: the action log lives on.
func (c *actionCard) save() {
	a := &c.a
	a.Owner, a.Text = c.owner.Text, c.text.Text
	if c.due.check(c.due.entry.Text) {
		a.Due = c.due.value
	}
	for _, s := range data.ActionStatuses {
		if data.StatusWords[s] == c.status.Selected {
			a.Status = s
		}
	}
	dump := func(a data.Action) func() string {
		return func() string { return fmt.Sprintf("Action %s (%s, due %s): %s", a.Ref, a.Owner, a.Due, a.Text) }
	}
	incomplete := ""
	switch {
	case strings.TrimSpace(a.Owner) == "":
		incomplete = "Say who is to do it (the PCC, the Scrutiny Officer, a name); the action is saved once you have."
	case strings.TrimSpace(a.Text) == "":
		incomplete = "Say what is to be done; the action is saved once you have."
	}
	if incomplete != "" {
		c.note.problem(incomplete)
		// Not written yet, but not lost either: closing the window now keeps it in the
		// recovery file beside the database.
		c.p.e.a.m.u.saver.hold(job{key: c.key(), what: "action " + firstNonEmpty(a.Ref, "(new)"), dump: dump(*a)})
		return
	}
	c.note.clear()
	e := c.p.e
	item := e.item
	for i := range item.Actions {
		if item.Actions[i].ID == a.ID && a.ID != 0 {
			item.Actions[i] = *a
		}
	}
	snap := *a
	e.a.m.u.save(edit{rec: &snap, key: c.key(), box: c.box, what: "action " + firstNonEmpty(snap.Ref, "(new)"),
		applied: func(rec data.Record, _ data.Changes) {
			saved := rec.(*data.Action)
			c.a.Version = max(c.a.Version, saved.Version)
			if c.a.ID != 0 {
				return
			}
			c.a.ID, c.a.Ref, c.a.Minute, c.a.MeetingDate = saved.ID, saved.Ref, saved.Minute, saved.MeetingDate
			c.ref.SetText(saved.Ref)
			item.Actions = append(item.Actions, c.a)
			if e.item == item {
				c.p.showTitle()
			}
		},
		failed: func(err error) { c.note.problem(sentence(err)) },
		dump:   dump(snap),
	})
}

func (c *actionCard) onDelete() {
	msg := "Delete this action from the action log?\n\n“" + data.Shorten(c.a.Text, 160) + "”"
	if c.a.Source == "tag" && c.a.Flag == "" {
		msg += "\n\nIt comes from an [Action: " + c.a.Owner + "] tag in the text; remove the tag too, or the action comes back when the text is saved."
	}
	c.p.e.a.m.u.showConfirm("Delete action", msg, func(ok bool) {
		if ok {
			c.delete()
		}
	})
}

func (c *actionCard) delete() {
	p := c.p
	m := p.e.a.m
	box := c.box
	if !m.u.run("delete the action", func() error {
		if box.get() == 0 {
			return nil
		}
		return m.u.store.DeleteAction(box.get())
	}) {
		return
	}
	item := p.e.item
	item.Actions = slices.DeleteFunc(item.Actions, func(a data.Action) bool { return a.ID == c.a.ID && c.a.ID != 0 })
	p.cards = slices.DeleteFunc(p.cards, func(x *actionCard) bool { return x == c })
	p.box.Remove(c.content)
	p.showEmpty()
	p.showTitle()
}
