package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestRoundTripEveryEntity(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	s := f.s

	t.Run("body", func(t *testing.T) {
		b, err := s.Body(f.body.ID)
		must(t, err)
		if !reflect.DeepEqual(b, f.body) {
			t.Fatalf("Body = %+v, want %+v", b, f.body)
		}
		b.DefaultVenue, b.DefaultTime = "County Hall", "2:15pm"
		must(t, ErrOf(s.Save(&b)))
		got, _ := s.Body(b.ID)
		if got.DefaultVenue != "County Hall" || got.DefaultTime != "2.15pm" {
			t.Fatalf("after update: %+v", got)
		}
		byCode, err := s.BodyByName("pcp")
		if err != nil || byCode.ID != b.ID {
			t.Fatalf("BodyByName(pcp) = %v, %v", byCode, err)
		}
	})

	t.Run("person", func(t *testing.T) {
		p := Person{BodyID: f.body.ID, Title: "Mr", Name: "Matthew Thornbury", Authority: "OPCC", Role: RolePCC}
		must(t, s.CreatePerson(&p))
		got, err := s.Person(p.ID)
		must(t, err)
		if !reflect.DeepEqual(got, p) {
			t.Fatalf("Person = %+v, want %+v", got, p)
		}
		p.Retired = true
		must(t, ErrOf(s.Save(&p)))
		people, err := s.People(f.body.ID, false)
		must(t, err)
		for _, q := range people {
			if q.ID == p.ID {
				t.Fatalf("a retired person is offered")
			}
		}
		must(t, s.DeletePerson(p.ID))
		if _, err := s.Person(p.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("after delete: %v", err)
		}
	})

	t.Run("meeting", func(t *testing.T) {
		got, err := s.Meeting(f.meeting.ID)
		must(t, err)
		if !reflect.DeepEqual(got, f.meeting) {
			t.Fatalf("Meeting = %+v, want %+v", got, f.meeting)
		}
		got.Venue = "Council Chamber"
		must(t, ErrOf(s.Save(&got)))
		list, err := s.Meetings(f.body.ID)
		must(t, err)
		if len(list) != 1 || list[0].Venue != "Council Chamber" {
			t.Fatalf("Meetings = %+v", list)
		}
	})

	t.Run("attendance", func(t *testing.T) {
		present := Attendance{MeetingID: f.meeting.ID, PersonID: f.chair.ID, Kind: Present, Role: RoleChair}
		sub := Attendance{MeetingID: f.meeting.ID, Name: "Cllr Rachel Kemp", Kind: Substitute, SubstituteForID: f.member.ID, Arrived: "10:45"}
		must(t, s.AddAttendance(&present))
		must(t, s.AddAttendance(&sub))
		must(t, s.MoveAttendance(sub.ID, -1))
		fm, err := s.LoadMeeting(f.meeting.ID)
		must(t, err)
		if len(fm.Attendance) != 2 || fm.Attendance[0].ID != sub.ID {
			t.Fatalf("attendance order = %+v", fm.Attendance)
		}
		a := fm.Attendance[0]
		if a.SubstituteFor != "Cllr Łucja Nowak" || a.Arrived != "10.45am" || a.Name != "Cllr Rachel Kemp" {
			t.Fatalf("substitute = %+v", a)
		}
		if fm.Attendance[1].Name != "Cllr Margaret Ashworth" {
			t.Fatalf("a person's name is not shown: %+v", fm.Attendance[1])
		}
		a.Kind, a.SubstituteForID = Apologies, 0
		must(t, ErrOf(s.Save(&a)))
		must(t, s.DeleteAttendance(present.ID))
		fm, _ = s.LoadMeeting(f.meeting.ID)
		if len(fm.Attendance) != 1 || fm.Attendance[0].Kind != Apologies {
			t.Fatalf("after update and delete: %+v", fm.Attendance)
		}
	})

	t.Run("item, documents, questions, resolutions", func(t *testing.T) {
		it := Item{MeetingID: f.meeting.ID, Title: "Fighting Serious Organised Crime", Time: "11.05pm",
			ReportSummary: "The report of the PCC.", Minutes: "First.\n\nSecond “quoted” – £5.", Exempt: true, ExemptParagraph: 3,
			PublicSummary: "A confidential report."}
		must(t, s.AddItem(&it))
		doc := Document{ItemID: it.ID, Title: "Report of the PCC", File: "report.pdf"}
		must(t, s.AddDocument(&doc))
		q1 := Question{ItemID: it.ID, AskedBy: "Cllr Łucja Nowak", Question: "What training?", AnsweredBy: "The PCC", Answer: "Specialised training."}
		q2 := Question{ItemID: it.ID, Question: "And GDPR?", AnsweredBy: "The PCC", Answer: "A cultural change."}
		must(t, s.AddQuestion(&q1))
		must(t, s.AddQuestion(&q2))
		r := Resolution{ItemID: it.ID, Text: "That the report be noted."}
		must(t, s.AddResolution(&r))
		d := Declaration{MeetingID: f.meeting.ID, PersonID: f.member.ID, ItemID: it.ID, Kind: InterestRegistrable, Text: "Trustee of a charity", LeftRoom: true}
		must(t, s.AddDeclaration(&d))

		fm, err := s.LoadMeeting(f.meeting.ID)
		must(t, err)
		if len(fm.Items) != 1 {
			t.Fatalf("items = %d", len(fm.Items))
		}
		got := fm.Items[0]
		it.Number = "1"
		if !reflect.DeepEqual(got.Item, it) {
			t.Fatalf("Item = %+v\nwant %+v", got.Item, it)
		}
		if len(got.Documents) != 1 || got.Documents[0] != doc {
			t.Fatalf("Documents = %+v", got.Documents)
		}
		if len(got.Questions) != 2 || got.Questions[0].Number != 1 || got.Questions[1].Number != 2 || got.Questions[0].Answer != q1.Answer {
			t.Fatalf("Questions = %+v", got.Questions)
		}
		if len(got.Resolutions) != 1 || got.Resolutions[0].Text != r.Text {
			t.Fatalf("Resolutions = %+v", got.Resolutions)
		}
		if len(fm.Declarations) != 1 || fm.Declarations[0].Name != "Cllr Łucja Nowak" || !fm.Declarations[0].LeftRoom || fm.Declarations[0].ItemID != it.ID {
			t.Fatalf("Declarations = %+v", fm.Declarations)
		}

		must(t, s.MoveQuestion(q2.ID, -1))
		q1.Answer = "Changed answer."
		must(t, ErrOf(s.Save(&q1)))
		r.Text = "That the report be noted, with thanks."
		must(t, ErrOf(s.Save(&r)))
		doc.Title = "Appendix A"
		must(t, ErrOf(s.Save(&doc)))
		d.Kind = InterestPecuniary
		must(t, ErrOf(s.Save(&d)))
		fm, _ = s.LoadMeeting(f.meeting.ID)
		got = fm.Items[0]
		if got.Questions[0].ID != q2.ID || got.Questions[1].Answer != "Changed answer." || got.Questions[1].Number != 2 {
			t.Fatalf("after move/update: %+v", got.Questions)
		}
		if got.Resolutions[0].Text != r.Text || got.Documents[0].Title != "Appendix A" || fm.Declarations[0].Kind != InterestPecuniary {
			t.Fatalf("updates lost: %+v %+v %+v", got.Resolutions, got.Documents, fm.Declarations)
		}

		must(t, s.DeleteQuestion(q2.ID))
		must(t, s.DeleteResolution(r.ID))
		must(t, s.DeleteDocument(doc.ID))
		must(t, s.DeleteDeclaration(d.ID))
		fm, _ = s.LoadMeeting(f.meeting.ID)
		got = fm.Items[0]
		if len(got.Questions) != 1 || len(got.Resolutions) != 0 || len(got.Documents) != 0 || len(fm.Declarations) != 0 {
			t.Fatalf("after deletes: %+v", got)
		}
	})

	t.Run("action and updates", func(t *testing.T) {
		a := Action{MeetingID: f.meeting.ID, Owner: "Scrutiny Officer", Text: "Circulate the slides.", Due: "15/10/2023"}
		must(t, s.CreateAction(&a))
		if a.Due != "2023-10-15" || a.Ref == "" || a.BodyID != f.body.ID {
			t.Fatalf("created action = %+v", a)
		}
		u := ActionUpdate{ActionID: a.ID, Date: "2023-10-01", Text: "Slides requested."}
		must(t, s.AddActionUpdate(&u))
		a.Status = ActionDone
		a.Completed = "2023-10-10"
		must(t, ErrOf(s.Save(&a)))
		got, err := s.Action(a.ID)
		must(t, err)
		if got.Status != ActionDone || got.Completed != "2023-10-10" || len(got.Updates) == 0 || got.Updates[0].Text != u.Text {
			t.Fatalf("Action = %+v", got)
		}
		must(t, s.DeleteAction(a.ID))
		if _, err := s.Action(a.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("after delete: %v", err)
		}
		if n := count(t, s, "SELECT count(*) FROM action_updates WHERE action_id = ?", a.ID); n != 0 {
			t.Fatalf("updates left behind: %d", n)
		}
	})
}

func TestDeletingMeetingCascadesButKeepsActions(t *testing.T) {
	f := newFixture(t, NumberByYear)
	s := f.s
	it := f.item(t, f.meeting.ID, "County Lines", "Figures to follow. [Action: PCC]")
	q := Question{ItemID: it.ID, Question: "How many arrests?", Answer: "98.", WrittenReply: true, AnsweredBy: "The PCC"}
	must(t, s.AddQuestion(&q))
	must(t, s.AddResolution(&Resolution{ItemID: it.ID, Text: "That the report be noted."}))
	must(t, s.AddDocument(&Document{ItemID: it.ID, Title: "Report"}))
	must(t, s.AddAttendance(&Attendance{MeetingID: f.meeting.ID, PersonID: f.chair.ID, Kind: Present}))
	must(t, s.AddDeclaration(&Declaration{MeetingID: f.meeting.ID, PersonID: f.member.ID, Kind: InterestPecuniary, Text: "Shares"}))
	before, err := s.ActionsOfBody(f.body.ID)
	must(t, err)
	if len(before) != 2 {
		t.Fatalf("actions before = %d, want 2 (tag and written reply)", len(before))
	}

	must(t, s.DeleteMeeting(f.meeting.ID))
	for _, table := range []string{"meetings", "items", "questions", "resolutions", "documents", "attendance", "declarations"} {
		if n := count(t, s, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%s: %d rows left after deleting the meeting", table, n)
		}
	}
	after, err := s.ActionsOfBody(f.body.ID)
	must(t, err)
	if len(after) != 2 {
		t.Fatalf("actions after = %d, want 2: actions outlive their meeting", len(after))
	}
	for i, a := range after {
		if a.MeetingID != 0 || a.ItemID != 0 || a.Ref != before[i].Ref || a.MeetingDate != "2023-09-15" || a.Minute != "PCP 1/23" {
			t.Errorf("kept action = %+v", a)
		}
	}
	// The search index forgot the meeting's text but still finds the actions.
	res, err := s.Search("arrests", 0, 10)
	must(t, err)
	for _, r := range res {
		if r.Kind != FoundAction || r.MeetingID != 0 {
			t.Errorf("search after delete found %+v", r)
		}
	}
	rep, err := Check(s.Path())
	if err != nil || !rep.OK() {
		t.Fatalf("Check after delete: %v %v", rep, err)
	}
	// Deleting the body takes everything.
	must(t, s.DeleteBody(f.body.ID))
	if n := count(t, s, "SELECT count(*) FROM actions"); n != 0 {
		t.Errorf("actions left after deleting the body: %d", n)
	}
}

func TestValidationNamesTheField(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Item", "")
	cases := []struct {
		name  string
		save  func() error
		field string
		words string
	}{
		{"body without name", func() error { return f.s.CreateBody(&Body{}) }, "name", "empty"},
		{"body numbering", func() error { return f.s.CreateBody(&Body{Name: "X", Numbering: "roman"}) }, "numbering", "roman"},
		{"duplicate body", func() error { return f.s.CreateBody(&Body{Name: f.body.Name}) }, "name", "already"},
		{"person without name", func() error { return f.s.CreatePerson(&Person{Name: " "}) }, "name", "empty"},
		{"person role", func() error { return f.s.CreatePerson(&Person{Name: "A", Role: "king"}) }, "role", "king"},
		{"impossible date", func() error { return f.s.CreateMeeting(&Meeting{BodyID: f.body.ID, Date: "31/02/2024"}) }, "date", "not a real date"},
		{"no date", func() error { return f.s.CreateMeeting(&Meeting{BodyID: f.body.ID}) }, "date", "no date"},
		{"bad start time", func() error {
			return f.s.CreateMeeting(&Meeting{BodyID: f.body.ID, Date: "2024-01-01", StartTime: "25.00pm"})
		}, "start time", "25.00pm"},
		{"item time", func() error { return f.s.AddItem(&Item{MeetingID: f.meeting.ID, Time: "half ten"}) }, "time", "half ten"},
		{"exempt paragraph 8", func() error {
			return f.s.AddItem(&Item{MeetingID: f.meeting.ID, Exempt: true, ExemptParagraph: 8})
		}, "Schedule 12A paragraph", "1 to 7"},
		{"substitute for nobody", func() error {
			return f.s.AddAttendance(&Attendance{MeetingID: f.meeting.ID, Name: "Cllr Kemp", Kind: Substitute})
		}, "substitute for", "Cllr Kemp"},
		{"attendance kind", func() error {
			return f.s.AddAttendance(&Attendance{MeetingID: f.meeting.ID, Name: "X", Kind: "asleep"})
		}, "kind", "asleep"},
		{"late arrival time", func() error {
			return f.s.AddAttendance(&Attendance{MeetingID: f.meeting.ID, Name: "X", Kind: Present, Arrived: "later"})
		}, "arrived", "later"},
		{"declaration kind", func() error {
			return f.s.AddDeclaration(&Declaration{MeetingID: f.meeting.ID, PersonID: f.member.ID, Kind: "big", Text: "x"})
		}, "kind", "big"},
		{"empty resolution", func() error { return f.s.AddResolution(&Resolution{ItemID: it.ID, Text: "  "}) }, "text", "empty"},
		{"document title", func() error { return f.s.AddDocument(&Document{ItemID: it.ID}) }, "title", "empty"},
		{"action owner", func() error { return f.s.CreateAction(&Action{MeetingID: f.meeting.ID, Text: "Do it"}) }, "owner", "who"},
		{"action due", func() error {
			return f.s.CreateAction(&Action{MeetingID: f.meeting.ID, Owner: "PCC", Text: "Do it", Due: "soon"})
		}, "due date", "soon"},
		{"action status", func() error {
			return f.s.CreateAction(&Action{MeetingID: f.meeting.ID, Owner: "PCC", Text: "Do it", Status: "maybe"})
		}, "status", "maybe"},
		{"empty update", func() error { return f.s.AddActionUpdate(&ActionUpdate{ActionID: 1, Text: ""}) }, "text", "empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.save()
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want a FieldError", err)
			}
			if fe.Field != c.field || !strings.Contains(err.Error(), c.words) {
				t.Fatalf("err = %q (field %q), want field %q mentioning %q", err, fe.Field, c.field, c.words)
			}
		})
	}
}

func TestExemptWithoutParagraphIsStillExempt(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := Item{MeetingID: f.meeting.ID, Title: "Complaint", Minutes: "Secret", Exempt: true}
	must(t, f.s.AddItem(&it))
	got, err := f.s.Item(it.ID)
	must(t, err)
	if !got.Exempt || got.ExemptParagraph != 0 {
		t.Fatalf("saved as %+v, want exempt with the paragraph still to choose", got)
	}
}

func TestApprovedMeetingIsReadOnly(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Item", "Text")
	next := Meeting{BodyID: f.body.ID, Date: "2023-11-24"}
	must(t, f.s.CreateMeeting(&next))
	must(t, f.s.ApproveMeeting(f.meeting.ID, next.ID, "2023-11-24", "Minute 1: “Reading” for “Redding”."))
	m, _ := f.s.Meeting(f.meeting.ID)
	if !m.Approved() || m.ApprovedAtID != next.ID || m.ApprovedOn != "2023-11-24" || !strings.Contains(m.Amendments, "Redding") {
		t.Fatalf("approved meeting = %+v", m)
	}
	it.Minutes = "Changed"
	if err := ErrOf(f.s.Save(&it)); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("UpdateItem on approved minutes = %v, want ErrReadOnly", err)
	}
	if err := f.s.AddItem(&Item{MeetingID: f.meeting.ID}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("AddItem on approved minutes = %v", err)
	}
	if err := ErrOf(f.s.DeleteItem(it.ID)); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("DeleteItem on approved minutes = %v", err)
	}
	must(t, f.s.ReopenMeetingFor(f.meeting.ID, "Correct the spelling of Reading"))
	if m, _ := f.s.Meeting(f.meeting.ID); m.Approved() || m.ApprovedOn != "" || m.ApprovedAtID != 0 || m.Amendments != "" {
		t.Fatalf("reopened meeting still carries its approval: %+v", m)
	}
	must(t, ErrOf(f.s.Save(&it)))
	must(t, f.s.ReopenMeeting(f.meeting.ID)) // already a draft: no event
	hist, err := f.s.MeetingHistory(f.meeting.ID)
	must(t, err)
	if len(hist) != 2 || hist[0].Kind != EventApproved || !strings.Contains(hist[0].Note, "24 November 2023") ||
		!strings.Contains(hist[0].Note, "Redding") || hist[1].Kind != EventReopened || hist[1].Note != "Correct the spelling of Reading" {
		t.Fatalf("history = %+v", hist)
	}
}
