package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

func TestMatchingFindsAnyWordOfAName(t *testing.T) {
	opts := []string{"Cllr Barrie Patman", "Mr David Okafor", "Ms Davina Łukasz", "The PCC"}
	for _, c := range []struct {
		typed string
		want  []string
	}{
		{"david", []string{"Mr David Okafor"}},
		{"dav", []string{"Mr David Okafor", "Ms Davina Łukasz"}},
		{"oka", []string{"Mr David Okafor"}},
		{"lukasz", []string{"Ms Davina Łukasz"}},
		{"pcc", []string{"The PCC"}},
		{"mr d", []string{"Mr David Okafor"}},
		{"zz", nil},
	} {
		got := matching(opts, c.typed, 8)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %v, want %v", c.typed, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %v, want %v", c.typed, got, c.want)
			}
		}
	}
}

// TestInAttendanceByTypeAhead: typing "David" in the attendance's add bar offers Mr David
// Okafor from People, and Return adds him, not a stranger called David.
func TestInAttendanceByTypeAhead(t *testing.T) {
	h := newHarness(t, func(s *data.Store) {
		panel(s)
		okafor := data.Person{Title: "Mr", Name: "David Okafor", Authority: "Chief Executive, OPCC", Role: data.RoleOfficer}
		if err := s.CreatePerson(&okafor); err != nil {
			panic(err)
		}
	})
	n := h.u.nav
	n.selectBody(n.bodies[0].ID)
	if err := n.createMeeting(data.Meeting{Date: "2023-09-15"}); err != nil {
		t.Fatal(err)
	}
	h.sync()
	m := h.u.meeting
	m.tabs.SelectIndex(0)
	typeRunes(t, h, m.addName, "David")
	if !m.addName.list.showing || len(m.addName.list.names) != 1 || m.addName.list.names[0] != "Mr David Okafor" {
		t.Fatalf("the list offers %v (showing %v)", m.addName.list.names, m.addName.list.showing)
	}
	h.w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.sync()
	var got *data.Attendance
	fm, _ := h.db().LoadMeeting(m.fm.ID)
	for i := range fm.Attendance {
		if fm.Attendance[i].Name == "Mr David Okafor" {
			got = &fm.Attendance[i]
		}
		if fm.Attendance[i].Name == "David" {
			t.Fatalf("a stranger called David was added")
		}
	}
	if got == nil || got.PersonID == 0 || got.Kind != data.InAttendance {
		t.Fatalf("Mr David Okafor is not in attendance from People: %+v", fm.Attendance)
	}
	if got.Role != "Chief Executive, OPCC" {
		t.Errorf("his capacity is %q, want People's", got.Role)
	}
	_ = test.NewTempApp
}

// TestAttendanceFromTheAddBarAlone: the whole attendance is taken from the add bar by the
// keyboard: apologies, the Chair and a late arrival for members already listed.
func TestAttendanceFromTheAddBarAlone(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	m := h.u.meeting
	h.u.runCommand("details-tab")
	c := h.w.Canvas()
	if c.Focused() != m.addName {
		t.Fatalf("Ctrl+1 put the cursor in %s, want the add bar's name", describeFocus(c.Focused()))
	}
	add := func(name, how string, arrived string) {
		t.Helper()
		typeRunes(t, h, m.addName, name)
		tab(c, false)
		if c.Focused() != m.addKind {
			t.Fatalf("Tab from the name went to %s", describeFocus(c.Focused()))
		}
		for _, r := range how {
			c.Focused().TypedRune(r)
		}
		if arrived != "" {
			tab(c, false) // takes the suggestion, and passes "for the member", disabled
			if c.Focused() != m.addArrived.entry {
				t.Fatalf("Tab did not reach the arrival time: %s", describeFocus(c.Focused()))
			}
			for _, r := range arrived {
				c.Focused().TypedRune(r)
			}
		}
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	add("Culver", "apol", "")
	add("Patman", "chair", "")
	add("Jones", "pres", "10.45am")
	h.sync()
	fm, _ := h.db().LoadMeeting(m.fm.ID)
	got := map[string]data.Attendance{}
	for _, a := range fm.Attendance {
		got[a.Name] = a
	}
	if a := got["Cllr Emily Culverhouse"]; a.Kind != data.Apologies {
		t.Errorf("Culverhouse: %+v", a)
	}
	if a := got["Cllr Barrie Patman"]; a.Kind != data.Present || a.Role != data.RoleChair || fm.ChairID != a.PersonID {
		t.Errorf("Patman: %+v (chair %d)", a, fm.ChairID)
	}
	if a := got["Cllr Dylan Ŵyn Jones"]; a.Kind != data.Present || a.Arrived != "10.45am" {
		t.Errorf("Ŵyn Jones: %+v", a)
	}
	if len(fm.Attendance) != 4 {
		t.Errorf("%d attendance rows, want the four members listed (none added twice)", len(fm.Attendance))
	}
}
