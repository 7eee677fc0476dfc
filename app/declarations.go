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

// This file is the meeting's declarations of interest, each a row.

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
	m.tabs.SelectIndex(0)
	m.u.win.Canvas().Focus(r.member) // who, then (Tab) the item, the kind and the interest
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
	member  *choiceEntry // the members present, with type-ahead
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
	names := m.attendeeNames(data.Present, data.Substitute) // only members in the room declare
	r.member = newChoiceEntry(names)
	r.member.PlaceHolder = "Member"
	r.member.SetText(d.Name)
	r.member.OnChanged = func(string) { r.save() }
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
	if p, ok := r.m.personByName(strings.TrimSpace(r.member.Text)); ok {
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
	m, id := r.m, box.get()
	m.fm.Declarations = slices.DeleteFunc(m.fm.Declarations, func(d data.Declaration) bool { return d.ID != 0 && d.ID == id })
	m.decls = slices.DeleteFunc(m.decls, func(x *declarationRow) bool { return x == r })
	m.declRows.Remove(r.content)
}
