package data

import (
	"slices"
	"testing"
)

// TestImportKnowsPeopleByAnyTitle imports minutes whose attendance names people already in
// People with a title written in another form — Councillor for Cllr, Mx, Lord, Dr, and a name
// People keeps with its title in it — and checks that nobody is added again and that each
// attendance is linked to the person already there.
func TestImportKnowsPeopleByAnyTitle(t *testing.T) {
	s := openTestStore(t)
	body := Body{Name: "Thames Valley Police and Crime Panel", ShortCode: "PCP", Numbering: NumberPerMeeting}
	must(t, s.CreateBody(&body))
	existing := []Person{
		{Title: "Cllr", Name: "Jane Smith", Role: RoleMember},
		{Title: "Cllr", Name: "Barrie Patman", Role: RoleMember},
		{Title: "Mx", Name: "Jo Bloggs", Role: RoleCoopted},
		{Title: "Lord", Name: "Bourne", Role: RoleMember},
		{Title: "Dr", Name: "Ann Lée", Role: RoleMember},
		{Name: "Mx Sam Rivers", Role: RoleCoopted}, // as an older import kept it, title and all
		{Title: "Chief Constable", Name: "Jason Hogg", Role: RoleOfficer},
	}
	ids := map[string]int64{}
	for i := range existing {
		existing[i].BodyID = body.ID
		must(t, s.CreatePerson(&existing[i]))
		ids[existing[i].DisplayName()] = existing[i].ID
	}

	text := `Thames Valley Police and Crime Panel
Minutes of the meeting held on Friday 15 September 2023 at 10.30am

Present: Councillor Jane Smith (Chair), Cllr. Barrie Patman, Mx Jo Bloggs, Lord Bourne, Dr Ann Lee and Mx Sam Rivers

Apologies: Councillor Barrie Patman

In attendance: Chief Constable Jason Hogg

39/23 Police and Crime Plan
10.35am

The Panel noted the plan.

RESOLVED – That the plan be noted.`
	im, err := s.ImportText(text, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(im.NewPeople) != 0 {
		t.Errorf("the import added %v, who are already in People", im.NewPeople)
	}
	if n := count(t, s, "SELECT count(*) FROM people"); n != len(existing) {
		t.Errorf("%d people after the import, want the %d there were", n, len(existing))
	}
	fm, err := s.LoadMeeting(im.Meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Cllr Jane Smith", "Cllr Barrie Patman", "Mx Jo Bloggs", "Lord Bourne", "Dr Ann Lée", "Mx Sam Rivers", "Chief Constable Jason Hogg"}
	var got []string
	for _, a := range fm.Attendance {
		if !slices.Contains(got, a.Name) {
			got = append(got, a.Name)
		}
		if id, ok := ids[a.Name]; !ok || a.PersonID != id {
			t.Errorf("attendance %q (%s) is linked to person %d, want the one in People (%d)", a.Name, a.Kind, a.PersonID, id)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("the attendance lacks %q: %v", w, got)
		}
	}
}

func TestSamePerson(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Cllr Jane Smith", "Councillor Jane Smith", true},
		{"Jane Smith", "Councillor Jane Smith", true},
		{"Cllr Łucja Nowak", "Lucja Nowak", true},
		{"Mx Sam Rivers", "Sam Rivers", true},
		{"Jane Smith", "John Smith", false},
	} {
		if got := SamePerson(c.a, c.b); got != c.same {
			t.Errorf("SamePerson(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
