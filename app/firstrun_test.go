package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

// TestFirstRunWithNoDatabase starts the app where there is no database yet and starts a
// panel with its members from the first-run form.
func TestFirstRunWithNoDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new folder", "minutebook.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	h := newHarnessAt(t, path, nil)
	if h.u.screen != "first-run" {
		t.Fatalf("screen %q, want the first run", h.u.screen)
	}
	f := h.u.firstRun
	test.Type(f.form.name, "Surrey Police and Crime Panel")
	test.Type(f.form.code, "SPCP")
	f.members.SetText("Cllr Paul Kennedy, Mole Valley District Council\n\nCouncillor John Robini, Waverley Borough Council\nMr Martin Stilwell, Independent (co-opted)\nDr Ada Lovelace")
	if !f.membersNote.shown() || f.membersNote.Text == "" {
		t.Errorf("no note on the members read")
	}
	test.Tap(f.create)
	h.sync()

	bodies, _ := h.db().Bodies()
	if len(bodies) != 1 || bodies[0].ShortCode != "SPCP" {
		t.Fatalf("bodies %+v", bodies)
	}
	people, _ := h.db().People(bodies[0].ID, false)
	want := []data.Person{
		{Title: "Cllr", Name: "Paul Kennedy", Authority: "Mole Valley District Council", Role: data.RoleMember},
		{Title: "Cllr", Name: "John Robini", Authority: "Waverley Borough Council", Role: data.RoleMember},
		{Title: "Mr", Name: "Martin Stilwell", Authority: "Independent", Role: data.RoleCoopted},
		{Title: "Dr", Name: "Ada Lovelace", Role: data.RoleMember},
	}
	if len(people) != len(want) {
		t.Fatalf("people %+v", people)
	}
	got := map[string]data.Person{}
	for _, p := range people {
		got[p.Name] = p
	}
	for _, w := range want {
		p := got[w.Name]
		if p.Title != w.Title || p.Authority != w.Authority || p.Role != w.Role || p.BodyID != bodies[0].ID {
			t.Errorf("%s = %+v, want %+v", w.Name, p, w)
		}
	}
	// The panel is ready for its first meeting, with its members listed.
	n := h.u.nav
	if err := n.createMeeting(data.Meeting{Date: "2024-10-10"}); err != nil {
		t.Fatal(err)
	}
	h.sync()
	if fm, _ := h.db().LoadMeeting(h.u.meeting.fm.ID); len(fm.Attendance) != 4 {
		t.Errorf("the first meeting lists %d people, want the 4 members", len(fm.Attendance))
	}
}

func TestParseMembers(t *testing.T) {
	tests := []struct {
		line string
		want data.Person
	}{
		{"Cllr Barrie Patman, Wokingham Borough Council", data.Person{Title: "Cllr", Name: "Barrie Patman", Authority: "Wokingham Borough Council", Role: data.RoleMember}},
		{"  Mrs  Jane   Doe ,  Slough Borough Council ", data.Person{Title: "Mrs", Name: "Jane Doe", Authority: "Slough Borough Council", Role: data.RoleMember}},
		{"Mr Ted Łukasz (co-opted)", data.Person{Title: "Mr", Name: "Ted Łukasz", Role: data.RoleCoopted}},
		{"Dylan Ŵyn Jones, Oxford City Council, Labour", data.Person{Name: "Dylan Ŵyn Jones", Authority: "Oxford City Council, Labour", Role: data.RoleMember}},
		{"Madonna", data.Person{Name: "Madonna", Role: data.RoleMember}},
	}
	for _, tc := range tests {
		got := parseMembers(tc.line)
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("parseMembers(%q) = %+v, want %+v", tc.line, got, tc.want)
		}
	}
	if got := parseMembers("\n \n"); len(got) != 0 {
		t.Errorf("blank lines read as %+v", got)
	}
}
