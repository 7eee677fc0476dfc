package data

import (
	"testing"
)

func numbers(t *testing.T, s *Store, meetingID int64) []string {
	t.Helper()
	fm, err := s.LoadMeeting(meetingID)
	must(t, err)
	var out []string
	for _, it := range fm.Items {
		out = append(out, it.Number)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMunicipalYearStartsInMay(t *testing.T) {
	for _, c := range []struct {
		date string
		want int
	}{{"2024-04-30", 2023}, {"2024-05-01", 2024}, {"2024-12-31", 2024}, {"2025-01-01", 2024}} {
		if got := MunicipalYear(c.date); got != c.want {
			t.Errorf("MunicipalYear(%s) = %d, want %d", c.date, got, c.want)
		}
	}
}

func TestNumberingPerMeeting(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	a := f.item(t, f.meeting.ID, "Apologies", "")
	b := f.item(t, f.meeting.ID, "Minutes", "")
	c := f.item(t, f.meeting.ID, "Work programme", "Add road safety. [Action: Scrutiny Officer]")
	if got := numbers(t, f.s, f.meeting.ID); !equal(got, []string{"1", "2", "3"}) {
		t.Fatalf("numbers = %v", got)
	}
	second := Meeting{BodyID: f.body.ID, Date: "2023-11-24"}
	must(t, f.s.CreateMeeting(&second))
	f.item(t, second.ID, "Apologies", "")
	if got := numbers(t, f.s, second.ID); !equal(got, []string{"1"}) {
		t.Fatalf("second meeting numbers = %v, want to restart at 1", got)
	}
	act, _ := f.s.ActionsOfBody(f.body.ID)
	if len(act) != 1 || act[0].Ref != "PCP 2023-09-15/3-A1" {
		t.Fatalf("action ref = %+v", act)
	}
	// Moving the work programme up renumbers the items and the action's reference.
	must(t, ErrOf(f.s.MoveItem(c.ID, -1)))
	if got := numbers(t, f.s, f.meeting.ID); !equal(got, []string{"1", "2", "3"}) {
		t.Fatalf("numbers after move = %v", got)
	}
	fm, _ := f.s.LoadMeeting(f.meeting.ID)
	if fm.Items[1].ID != c.ID || fm.Items[2].ID != b.ID {
		t.Fatalf("order after move: %v", fm.Items)
	}
	act, _ = f.s.ActionsOfBody(f.body.ID)
	if act[0].Ref != "PCP 2023-09-15/2-A1" || act[0].Minute != "2" {
		t.Fatalf("action after move = %+v", act[0])
	}
	// Moving past the top stays at the top; deleting closes the gap.
	must(t, ErrOf(f.s.MoveItem(a.ID, -1)))
	must(t, ErrOf(f.s.DeleteItem(a.ID)))
	fm, _ = f.s.LoadMeeting(f.meeting.ID)
	if fm.Items[0].ID != c.ID || fm.Items[0].Number != "1" || fm.Items[1].Number != "2" {
		t.Fatalf("after delete: %+v", fm.Items)
	}
}

func TestNumberingThroughTheYear(t *testing.T) {
	f := newFixture(t, NumberByYear)
	// f.meeting is 2023-09-15. Add meetings either side of the May boundary.
	march := Meeting{BodyID: f.body.ID, Date: "2024-03-01"}
	may := Meeting{BodyID: f.body.ID, Date: "2024-05-01"}
	june := Meeting{BodyID: f.body.ID, Date: "2023-06-23"}
	for _, m := range []*Meeting{&march, &may, &june} {
		must(t, f.s.CreateMeeting(m))
	}
	f.item(t, f.meeting.ID, "A", "")
	f.item(t, f.meeting.ID, "B", "")
	f.item(t, march.ID, "C", "")
	f.item(t, may.ID, "D", "")
	// An item added to an earlier meeting pushes the later meetings' numbers on.
	f.item(t, june.ID, "E", "[Action: PCC]")
	for _, c := range []struct {
		m    Meeting
		want []string
	}{
		{june, []string{"PCP 1/23"}},
		{f.meeting, []string{"PCP 2/23", "PCP 3/23"}},
		{march, []string{"PCP 4/23"}},
		{may, []string{"PCP 1/24"}},
	} {
		if got := numbers(t, f.s, c.m.ID); !equal(got, c.want) {
			t.Errorf("%s numbers = %v, want %v", c.m.Date, got, c.want)
		}
	}
	// Moving the March meeting into May puts it in the next municipal year, before D.
	march.Date = "2024-05-01"
	must(t, ErrOf(f.s.Save(&march)))
	if got := numbers(t, f.s, march.ID); !equal(got, []string{"PCP 1/24"}) {
		t.Errorf("moved meeting numbers = %v", got)
	}
	if got := numbers(t, f.s, may.ID); !equal(got, []string{"PCP 2/24"}) {
		t.Errorf("May meeting numbers = %v, want PCP 2/24 (same date, created later)", got)
	}
	act, _ := f.s.ActionsOfBody(f.body.ID)
	if len(act) != 1 || act[0].Ref != "PCP 1/23-A1" {
		t.Fatalf("action = %+v", act)
	}
	// Switching the body to per-meeting numbering renumbers everything.
	f.body.Numbering = NumberPerMeeting
	must(t, ErrOf(f.s.Save(&f.body)))
	if got := numbers(t, f.s, f.meeting.ID); !equal(got, []string{"1", "2"}) {
		t.Errorf("after scheme change = %v", got)
	}
	act, _ = f.s.ActionsOfBody(f.body.ID)
	if act[0].Ref != "PCP 2023-06-23/1-A1" {
		t.Errorf("action ref after scheme change = %q", act[0].Ref)
	}
}

func TestActionRefsWithinAnItem(t *testing.T) {
	f := newFixture(t, NumberByYear)
	it := f.item(t, f.meeting.ID, "County Lines", "Share the data. [Action: PCC]\n\nBreak down the arrests. [Action:PCC]")
	extra := Action{MeetingID: f.meeting.ID, ItemID: it.ID, Owner: "Scrutiny Officer", Text: "Add to the work programme."}
	must(t, f.s.CreateAction(&extra))
	general := Action{MeetingID: f.meeting.ID, Owner: "Chair", Text: "Write to the Home Secretary."}
	must(t, f.s.CreateAction(&general))
	fm, _ := f.s.LoadMeeting(f.meeting.ID)
	var refs []string
	for _, a := range fm.Items[0].Actions {
		refs = append(refs, a.Ref)
	}
	if !equal(refs, []string{"PCP 1/23-A1", "PCP 1/23-A2", "PCP 1/23-A3"}) {
		t.Fatalf("item refs = %v", refs)
	}
	if len(fm.Actions) != 1 || fm.Actions[0].Ref != "PCP 2023-09-15-A1" {
		t.Fatalf("meeting-level action = %+v", fm.Actions)
	}
}

func TestApprovedMinutesKeepTheirNumbers(t *testing.T) {
	f := newFixture(t, NumberByYear)
	f.item(t, f.meeting.ID, "A", "")
	f.item(t, f.meeting.ID, "B", "[Action: PCC]")
	later := Meeting{BodyID: f.body.ID, Date: "2023-11-24"}
	must(t, f.s.CreateMeeting(&later))
	f.item(t, later.ID, "C", "")
	must(t, f.s.ApproveMeeting(f.meeting.ID, later.ID, "2023-11-24", ""))
	must(t, f.s.ApproveMeeting(later.ID, 0, "2024-01-10", ""))
	// A meeting entered late, dated before the approved ones, must not renumber them.
	early := Meeting{BodyID: f.body.ID, Date: "2023-06-23"}
	must(t, f.s.CreateMeeting(&early))
	f.item(t, early.ID, "Late entry", "")
	if got := numbers(t, f.s, f.meeting.ID); !equal(got, []string{"PCP 1/23", "PCP 2/23"}) {
		t.Errorf("approved numbers changed: %v", got)
	}
	if got := numbers(t, f.s, later.ID); !equal(got, []string{"PCP 3/23"}) {
		t.Errorf("approved numbers changed: %v", got)
	}
	act, _ := f.s.ActionsOfBody(f.body.ID)
	if len(act) != 1 || act[0].Ref != "PCP 2/23-A1" {
		t.Errorf("approved action ref changed: %+v", act)
	}
	// A draft after them carries on from the last approved number.
	next := Meeting{BodyID: f.body.ID, Date: "2024-02-02"}
	must(t, f.s.CreateMeeting(&next))
	f.item(t, next.ID, "D", "")
	if got := numbers(t, f.s, next.ID); !equal(got, []string{"PCP 4/23"}) {
		t.Errorf("draft after approved minutes = %v, want PCP 4/23", got)
	}
}
