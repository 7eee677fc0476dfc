package data_test

import (
	"path/filepath"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

func TestDuplicateMeeting(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "dup.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Write(s); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Meetings(0)
	if err != nil {
		t.Fatal(err)
	}
	var src data.MeetingSummary
	for _, m := range ms {
		if m.Date == demo.ExampleMeetingDate {
			src = m
		}
	}
	if src.ID == 0 {
		t.Fatalf("no example meeting on %s", demo.ExampleMeetingDate)
	}
	from, err := s.LoadMeeting(src.ID)
	if err != nil {
		t.Fatal(err)
	}

	next, err := s.DuplicateMeeting(src.ID, data.Meeting{Date: "13/10/2023", StartTime: "14:00", Venue: "Council Chamber"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadMeeting(next.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != "2023-10-13" || got.StartTime != "2.00pm" || got.Venue != "Council Chamber" || got.Status != data.StatusDraft {
		t.Errorf("meeting = %s %s %q %s, want 2023-10-13 2.00pm Council Chamber draft", got.Date, got.StartTime, got.Venue, got.Status)
	}
	if got.BodyID != from.BodyID {
		t.Errorf("body = %d, want %d", got.BodyID, from.BodyID)
	}
	if len(got.Items) != len(from.Items) {
		t.Fatalf("%d items, want %d", len(got.Items), len(from.Items))
	}
	for i, it := range got.Items {
		want := from.Items[i]
		if it.Title != want.Title || it.Exempt != want.Exempt || it.ExemptParagraph != want.ExemptParagraph {
			t.Errorf("item %d = %q exempt %v/%d, want %q exempt %v/%d", i+1, it.Title, it.Exempt, it.ExemptParagraph, want.Title, want.Exempt, want.ExemptParagraph)
		}
		if it.Minutes != "" || it.Time != "" || it.ReportSummary != "" || len(it.Questions) > 0 || len(it.Resolutions) > 0 || len(it.Actions) > 0 {
			t.Errorf("item %d carries content over: %+v", i+1, it)
		}
		if it.Number == "" {
			t.Errorf("item %d has no minute number", i+1)
		}
	}
	members, present := 0, 0
	people, _ := s.People(got.BodyID, false)
	for _, p := range people {
		if p.IsMember() && p.BodyID == got.BodyID {
			members++
		}
	}
	for _, a := range got.Attendance {
		if a.Kind == data.Present {
			present++
		}
		if a.Arrived != "" || a.Left != "" {
			t.Errorf("attendance of %s carries times over", a.Name)
		}
	}
	if present != members {
		t.Errorf("%d present, want the body's %d current members", present, members)
	}
	if len(got.Declarations) != 0 || len(got.Actions) != 0 {
		t.Errorf("declarations or meeting actions carried over")
	}

	// The source is untouched.
	again, _ := s.LoadMeeting(src.ID)
	if len(again.Items) != len(from.Items) || again.Items[0].Minutes != from.Items[0].Minutes {
		t.Errorf("the source meeting changed")
	}

	if _, err := s.DuplicateMeeting(src.ID, data.Meeting{Date: "31/02/2024"}); err == nil {
		t.Errorf("an impossible date was accepted")
	}
	if _, err := s.DuplicateMeeting(999999, data.Meeting{Date: "2024-01-01"}); err == nil {
		t.Errorf("a missing meeting was duplicated")
	}
}
