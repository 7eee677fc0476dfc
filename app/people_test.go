package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

func personNamed(t *testing.T, s *peopleScreen, name string) int {
	t.Helper()
	for i, p := range s.shown {
		if strings.Contains(p.Name, name) {
			return i
		}
	}
	t.Fatalf("%s is not listed", name)
	return -1
}

func TestPeopleAddEditRetire(t *testing.T) {
	h := newMeeting(t, "2023-09-15") // Cllr Barrie Patman is now in the minutes
	h.u.showPeople()
	s := h.u.people
	if len(s.shown) != 7 {
		t.Fatalf("%d people listed, want 7", len(s.shown))
	}

	// Edit: saved as typed.
	s.list.Select(personNamed(t, s, "Khalid"))
	s.form.name.SetText("Khalid Ahmed-Shah")
	s.form.role.SetSelected(roleWord(data.RoleOfficer))
	test.Type(s.form.authority, "OPCC ")
	h.sync()
	p, _ := h.db().Person(s.current.ID)
	if p.Name != "Khalid Ahmed-Shah" || p.Authority != "OPCC Scrutiny Officer" {
		t.Errorf("after editing: %+v", p)
	}
	// An empty name is not saved; the note says so and the last name stays.
	s.form.name.SetText("")
	h.sync()
	if !s.form.nameNote.shown() {
		t.Errorf("no note for an empty name")
	}
	if p, _ := h.db().Person(s.current.ID); p.Name != "Khalid Ahmed-Shah" {
		t.Errorf("an empty name replaced %q", p.Name)
	}
	s.form.name.SetText("Khalid Ahmed-Shah")

	// Someone not in any minutes can be deleted.
	s.delete(s.shown[personNamed(t, s, "Khalid")])
	h.sync()
	if people, _ := h.db().People(0, true); len(people) != 6 {
		t.Errorf("%d people after deleting, want 6", len(people))
	}

	// Someone in the minutes cannot: they are retired instead.
	patman := s.shown[personNamed(t, s, "Patman")]
	if err := h.u.store.DeletePerson(patman.ID); err == nil {
		t.Fatal("the store deleted a person in the minutes")
	}
	s.list.Select(personNamed(t, s, "Patman"))
	s.retire(patman)
	h.sync()
	if p, _ := h.db().Person(patman.ID); !p.Retired {
		t.Errorf("not retired: %+v", p)
	}
	s.load(s.bodyID)
	for _, p := range s.shown {
		if p.ID == patman.ID {
			t.Errorf("a retired person is listed without “Show retired”")
		}
	}
	s.showRetired.SetChecked(true)
	personNamed(t, s, "Patman")

	// New person, through the dialog's form.
	f := newPersonForm(h.u, data.Person{BodyID: s.bodyID, Role: data.RoleMember})
	f.title.SetText("Cllr")
	test.Type(f.name, "Nia Griffiths")
	p2, ok := f.person()
	if !ok || !f.create(&p2) {
		t.Fatal("could not create")
	}
	if p, err := h.db().Person(p2.ID); err != nil || p.DisplayName() != "Cllr Nia Griffiths" || p.BodyID != s.bodyID {
		t.Errorf("new person: %+v %v", p, err)
	}
}

func TestStatusLineSaysSavedOrTheError(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	h.u.meeting.venue.SetText("Room 1")
	h.drain()
	if got := h.u.status.Text; got != "Saving…" {
		t.Errorf("while a change waits the status says %q", got)
	}
	h.sync()
	if got := h.u.status.Text; !strings.HasPrefix(got, "All changes saved at ") || h.u.status.Importance != widget.SuccessImportance {
		t.Errorf("after saving the status says %q", got)
	}
	h.u.saver.change(job{key: "x", what: "item 3", write: func() error {
		return errors.Join(errors.New("meeting 1"), data.ErrReadOnly)
	}})
	h.sync()
	if got := h.u.status.Text; !strings.Contains(got, "Could not save item 3") || !strings.Contains(got, "reopen them") ||
		h.u.status.Importance != widget.DangerImportance {
		t.Errorf("after a refused write the status says %q", got)
	}
}
