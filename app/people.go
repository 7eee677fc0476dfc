package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// peopleScreen lists the body's people — members, co-opted members, the PCC, officers,
// witnesses — and edits the chosen one. Someone named in minutes cannot be deleted; they
// are retired instead, kept for those minutes and no longer offered for new meetings.
type peopleScreen struct {
	u       *ui
	bodyID  int64
	all     []data.Person
	shown   []data.Person
	current *data.Person

	search      *widget.Entry
	showRetired *widget.Check
	list        *widget.List
	form        *personForm
	retired     *widget.Check
	deleteBtn   *widget.Button
	editor      *fyne.Container
	right       *fyne.Container
	empty       fyne.CanvasObject
	content     fyne.CanvasObject
}

func newPeopleScreen(u *ui) *peopleScreen {
	s := &peopleScreen{u: u}
	s.search = &widget.Entry{PlaceHolder: "Find a person", OnChanged: func(string) { s.filter() }}
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.showRetired = &widget.Check{Text: "Show retired", OnChanged: func(bool) { s.filter() }}
	s.list = &widget.List{Length: func() int { return len(s.shown) }, CreateItem: s.createRow, UpdateItem: s.updateRow, OnSelected: s.onSelected}
	s.form = newPersonForm(u, data.Person{})
	s.form.onChanged = s.save
	s.retired = &widget.Check{Text: "Retired: keep for past minutes, stop offering for new meetings", OnChanged: func(bool) { s.save() }}
	s.deleteBtn = &widget.Button{Text: "Delete…", Icon: theme.DeleteIcon(), OnTapped: s.onDelete}
	s.editor = container.NewVBox(heading("Person"), s.form.content(), s.retired, toolbarRow(s.deleteBtn))
	s.empty = container.NewCenter(&widget.Label{Text: "Choose a person, or add one.", Importance: widget.LowImportance})
	s.right = container.NewStack(s.empty)
	newBtn := &widget.Button{Text: "New person", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.onNew}
	left := container.NewBorder(container.NewVBox(s.search, s.showRetired), newBtn, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewPadded(s.right))
	split.Offset = 0.4
	s.content = container.NewBorder(container.NewVBox(heading("People"),
		&widget.Label{Text: "Members, co-opted members, the PCC, officers and witnesses. Changes are saved as you type.", Importance: widget.LowImportance}),
		nil, nil, nil, split)
	return s
}

// load reads the people of a body (and those listed for every body).
func (s *peopleScreen) load(bodyID int64) {
	s.bodyID = bodyID
	all, err := s.u.store.People(bodyID, true)
	if err != nil {
		s.u.showError("Cannot list people", err)
	}
	s.all = all
	s.current = nil
	setObjects(s.right, s.empty)
	s.filter()
}

// filter shows the people matching the search, retired ones only when asked.
func (s *peopleScreen) filter() {
	q := strings.ToLower(strings.TrimSpace(s.search.Text))
	s.shown = s.shown[:0]
	for _, p := range s.all {
		if p.Retired && !s.showRetired.Checked {
			continue
		}
		hay := strings.ToLower(p.DisplayName() + " " + p.Authority + " " + p.Role)
		if q == "" || strings.Contains(hay, q) {
			s.shown = append(s.shown, p)
		}
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if s.current != nil {
		for i, p := range s.shown {
			if p.ID == s.current.ID {
				s.selectRow(i)
			}
		}
	}
}

func (s *peopleScreen) selectRow(i int) {
	f := s.list.OnSelected
	s.list.OnSelected = nil
	s.list.Select(i)
	s.list.OnSelected = f
}

func (s *peopleScreen) createRow() fyne.CanvasObject {
	name := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	sub := &widget.Label{Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}
	return container.NewVBox(name, sub)
}

func (s *peopleScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.shown) {
		return
	}
	p := s.shown[i]
	objs := o.(*fyne.Container).Objects
	objs[0].(*widget.Label).SetText(p.DisplayName())
	sub := roleWord(p.Role)
	if p.Authority != "" {
		sub += " · " + p.Authority
	}
	if p.Retired {
		sub += " · retired"
	}
	objs[1].(*widget.Label).SetText(sub)
}

// roleWord is how the screens name a role: "Co-opted member", "PCC".
func roleWord(r string) string { return capitalise(r) }

// roleKey is the stored role for the words a form shows.
func roleKey(w string) string {
	for _, r := range data.Roles {
		if roleWord(r) == w {
			return r
		}
	}
	return w
}

func roleChoices() []string {
	var out []string
	for _, r := range data.Roles {
		out = append(out, roleWord(r))
	}
	return out
}

func (s *peopleScreen) onSelected(i widget.ListItemID) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	s.u.flush()
	p := s.shown[i]
	s.edit(p)
}

// edit shows a person in the form.
func (s *peopleScreen) edit(p data.Person) {
	s.current = &p
	s.form.show(p)
	setChecked(s.retired, p.Retired)
	setObjects(s.right, s.editor)
}

// save queues the person being edited; an empty name keeps the last one with a note.
func (s *peopleScreen) save() {
	if s.current == nil {
		return
	}
	p, ok := s.form.person()
	if !ok {
		return
	}
	p.ID, p.BodyID, p.Retired, p.Version = s.current.ID, s.current.BodyID, s.retired.Checked, s.current.Version
	if s.form.everyBody.Checked {
		p.BodyID = 0
	} else if p.BodyID == 0 {
		p.BodyID = s.bodyID
	}
	*s.current = p
	for i := range s.all {
		if s.all[i].ID == p.ID {
			s.all[i] = p
		}
	}
	for i := range s.shown {
		if s.shown[i].ID == p.ID {
			s.shown[i] = p
			s.list.RefreshItem(i)
		}
	}
	snap := p
	s.u.save(edit{rec: &snap, what: p.DisplayName(),
		applied: func(rec data.Record, _ data.Changes) {
			saved := rec.(*data.Person)
			if s.current != nil && s.current.ID == saved.ID {
				s.current.Version = max(s.current.Version, saved.Version)
			}
		},
		failed: func(err error) { s.form.nameNote.problem(sentence(err)) },
		dump:   func() string { return fmt.Sprintf("%s, %s (%s)", snap.DisplayName(), snap.Authority, snap.Role) },
	})
}

// onNew asks for a new person's details.
func (s *peopleScreen) onNew() {
	f := newPersonForm(s.u, data.Person{BodyID: s.bodyID, Role: data.RoleMember})
	var submit func() bool
	f.dlg = formDialog("New person", "Add", f.content(), func() bool { return submit() }, s.u.win)
	submit = func() bool {
		p, ok := f.person()
		if !ok || !f.create(&p) {
			return false
		}
		s.all = append(s.all, p)
		s.filter()
		s.edit(p)
		for i, x := range s.shown {
			if x.ID == p.ID {
				s.selectRow(i)
			}
		}
		return true
	}
	submitOnEnter(f.dlg, submit, f.name, f.authority)
	f.dlg.Resize(fyne.NewSize(520, 0))
	showFocused(f.dlg, s.u.win, f.name)
}

// onDelete deletes the person, or offers to retire them when they appear in minutes.
func (s *peopleScreen) onDelete() {
	if s.current == nil {
		return
	}
	p := *s.current
	s.u.showConfirm("Delete person", "Delete "+p.DisplayName()+" from People?", func(ok bool) {
		if ok {
			s.delete(p)
		}
	})
}

// delete removes a person; someone in the minutes is offered retirement instead.
func (s *peopleScreen) delete(p data.Person) {
	err := s.u.saver.run("delete "+p.DisplayName(), func() error { return s.u.store.DeletePerson(p.ID) })
	var fe *data.FieldError
	switch {
	case err == nil:
		s.load(s.bodyID)
	case asFieldError(err, &fe):
		s.u.showConfirm("Retire instead?",
			p.DisplayName()+" appears in the minutes of past meetings, so they cannot be deleted.\n\n"+
				"Retire them instead? They stay in those minutes but are no longer offered for new meetings.",
			func(ok bool) {
				if ok {
					s.retire(p)
				}
			})
	default:
		s.u.showError("Could not delete "+p.DisplayName(), err)
	}
}

// retire marks a person retired.
func (s *peopleScreen) retire(p data.Person) {
	if s.current != nil && s.current.ID == p.ID {
		s.retired.SetChecked(true) // saves through the form
		return
	}
	p.Retired = true
	if s.u.run("retire "+p.DisplayName(), func() error { return data.ErrOf(s.u.store.Save(&p)) }) {
		s.load(s.bodyID)
	}
}

// personForm edits a person's title, name, authority and role; it is used by the People
// screen and by "New person…" in a meeting.
type personForm struct {
	u         *ui
	title     *choiceEntry
	name      *widget.Entry
	authority *widget.Entry
	role      *widget.Select
	everyBody *widget.Check
	nameNote  *note
	bodyID    int64
	dlg       dialog.Dialog
	onChanged func()
}

func newPersonForm(u *ui, p data.Person) *personForm {
	f := &personForm{u: u, nameNote: newNote(), bodyID: p.BodyID}
	changed := func() {
		if f.onChanged != nil {
			f.onChanged()
		}
	}
	f.title = newChoiceEntry([]string{"Cllr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof"})
	f.title.PlaceHolder = "Cllr"
	f.name = &widget.Entry{PlaceHolder: "Full name: Barrie Patman"}
	f.authority = &widget.Entry{PlaceHolder: "Authority: Reading Borough Council"}
	f.role = &widget.Select{Options: roleChoices()}
	f.everyBody = &widget.Check{Text: "Listed for every body (an officer who serves several)"}
	f.show(p)
	f.title.OnChanged = func(string) { changed() }
	f.name.OnChanged = func(string) { changed() }
	f.authority.OnChanged = func(string) { changed() }
	f.role.OnChanged = func(string) { changed() }
	f.everyBody.OnChanged = func(bool) { changed() }
	return f
}

func (f *personForm) show(p data.Person) {
	f.bodyID = p.BodyID
	setText(&f.title.Entry, p.Title)
	setText(f.name, p.Name)
	setText(f.authority, p.Authority)
	setSelected(f.role, roleWord(firstNonEmpty(p.Role, data.RoleMember)))
	setChecked(f.everyBody, p.ID != 0 && p.BodyID == 0)
	f.nameNote.clear()
}

func (f *personForm) content() fyne.CanvasObject {
	return container.NewVBox(
		container.NewBorder(nil, nil, fixed(120, labelled("Title", f.title, nil)), nil, labelled("Name", f.name, f.nameNote)),
		labelled("Authority or organisation", f.authority, nil),
		labelled("Usual role", f.role, nil),
		f.everyBody,
	)
}

// person reads the form; it says beside the name when the name is empty.
func (f *personForm) person() (data.Person, bool) {
	p := data.Person{Title: f.title.Text, Name: f.name.Text, Authority: f.authority.Text, Role: roleKey(f.role.Selected), BodyID: f.bodyID}
	if f.everyBody.Checked {
		p.BodyID = 0
	}
	if strings.TrimSpace(p.Name) == "" {
		f.nameNote.problem("Type the person's name; the last name given is kept until then.")
		return p, false
	}
	f.nameNote.clear()
	return p, true
}

// create adds the person to People.
func (f *personForm) create(p *data.Person) bool {
	if err := f.u.saver.run("add "+p.DisplayName(), func() error { return f.u.store.CreatePerson(p) }); err != nil {
		f.nameNote.problem(sentence(err))
		return false
	}
	return true
}
