package data

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestSaveOfAnOlderCopyIsRefused is two windows on one file: each read item 1, the first
// saved, then the second saved its stale copy. The second is refused and the first's text
// stays.
func TestSaveOfAnOlderCopyIsRefused(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Police and Crime Plan", "First draft.")
	first, err := f.s.Item(it.ID)
	must(t, err)
	second := first // the other window's copy, read at the same version

	first.Minutes = "The Panel received the report. [Action: PCC]"
	must(t, ErrOf(f.s.Save(&first)))
	if first.Version != second.Version+1 {
		t.Fatalf("version after a save = %d, want %d", first.Version, second.Version+1)
	}

	second.Minutes = "Stale text typed in the other window."
	_, err = f.s.Save(&second)
	var se *StaleError
	if !errors.Is(err, ErrStale) || !errors.As(err, &se) {
		t.Fatalf("saving a stale copy = %v, want a StaleError", err)
	}
	if se.ID != it.ID || se.Based != second.Version || se.Now != first.Version || !strings.Contains(err.Error(), "item 1") {
		t.Fatalf("stale error = %+v (%q)", se, err)
	}
	got, err := f.s.Item(it.ID)
	must(t, err)
	if got.Minutes != first.Minutes || got.Version != first.Version {
		t.Fatalf("the file holds %q (version %d) after the stale save, want %q", got.Minutes, got.Version, first.Minutes)
	}
	if n := count(t, f.s, "SELECT count(*) FROM actions"); n != 1 {
		t.Fatalf("%d actions after a refused save, want the one from the first save", n)
	}
}

// TestSaveOfEveryKindChecksItsVersion saves each kind of record twice from the same copy:
// the second save is refused for every one of them.
func TestSaveOfEveryKindChecksItsVersion(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Item", "Text")
	q := Question{ItemID: it.ID, Question: "What?"}
	must(t, f.s.AddQuestion(&q))
	r := Resolution{ItemID: it.ID, Text: "That the report be noted."}
	must(t, f.s.AddResolution(&r))
	a := Attendance{MeetingID: f.meeting.ID, PersonID: f.member.ID, Kind: Present}
	must(t, f.s.AddAttendance(&a))
	d := Declaration{MeetingID: f.meeting.ID, PersonID: f.member.ID, Kind: InterestRegistrable, Text: "Trustee"}
	must(t, ErrOf(f.s.Save(&d)))
	act := Action{MeetingID: f.meeting.ID, ItemID: it.ID, Owner: "PCC", Text: "Report back"}
	must(t, ErrOf(f.s.Save(&act)))
	doc := Document{ItemID: it.ID, Title: "Report"}
	must(t, f.s.AddDocument(&doc))
	v := Vote{ResolutionID: r.ID, Kind: VotePreceptVeto, For: 1}
	must(t, ErrOf(f.s.Save(&v)))
	m, err := f.s.Meeting(f.meeting.ID)
	must(t, err)
	p, b := f.member, f.body

	for _, c := range []struct {
		rec    Record
		change func()
	}{
		{&it, func() { it.Minutes += " More." }},
		{&q, func() { q.Answer += "An answer." }},
		{&r, func() { r.Text += " And agreed." }},
		{&a, func() { a.Arrived = "10.45am" }},
		{&d, func() { d.Text += " of a charity" }},
		{&act, func() { act.Due = "2024-01-31" }},
		{&doc, func() { doc.Title += " (revised)" }},
		{&v, func() { v.Membership++ }},
		{&m, func() { m.Venue += ", Room 2" }},
		{&p, func() { p.Authority += " (from May)" }},
		{&b, func() { b.DefaultVenue += "Aylesbury" }},
	} {
		t.Run(c.rec.RecordKind(), func(t *testing.T) {
			_, version := c.rec.Stamp()
			stale := *version
			c.change()
			must(t, ErrOf(f.s.Save(c.rec)))
			if *version != stale+1 {
				t.Fatalf("version %d after a save of version %d", *version, stale)
			}
			*version = stale
			c.change()
			if err := ErrOf(f.s.Save(c.rec)); !errors.Is(err, ErrStale) {
				t.Fatalf("second save from the same copy = %v, want ErrStale", err)
			}
		})
	}
}

// TestSaveOfTheSameTextKeepsTheVersion: saving what the file already holds changes nothing,
// so another window's copy does not go stale for nothing.
func TestSaveOfTheSameTextKeepsTheVersion(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Item", "Text")
	v := it.Version
	must(t, ErrOf(f.s.Save(&it)))
	if it.Version != v {
		t.Fatalf("version %d after saving the same text, want %d", it.Version, v)
	}
}

// TestRenumberingDoesNotMakeACopyStale: moving an item changes its number, which the store
// keeps; the screen's copy of the item can still be saved.
func TestRenumberingDoesNotMakeACopyStale(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	one := f.item(t, f.meeting.ID, "One", "")
	two := f.item(t, f.meeting.ID, "Two", "")
	must(t, ErrOf(f.s.MoveItem(two.ID, -1)))
	one.Minutes = "Typed after the move."
	ch, err := f.s.Save(&one)
	must(t, err)
	if one.Number != "2" {
		t.Fatalf("item one's number after the move = %q, want 2", one.Number)
	}
	_ = ch
}

// TestSaveSaysWhichActionsItsTagsMade: a tag typed in the narrative after the questions makes
// an action, and the save says so (the app shows it at once, without reading the meeting
// again); removing the tag says the action went.
func TestSaveSaysWhichActionsItsTagsMade(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Serious organised crime", "The PCC presented the report.")
	it.MinutesAfter = "The Chair asked for a breakdown of the arrests by crime type. [Action: PCC]"
	ch, err := f.s.Save(&it)
	must(t, err)
	if len(ch.Actions) != 1 || ch.Actions[0].Owner != "PCC" || ch.Actions[0].Ref == "" ||
		!strings.Contains(ch.Actions[0].Text, "breakdown of the arrests") || len(ch.Removed) != 0 {
		t.Fatalf("changes = %+v, want the new action with its reference", ch)
	}
	id := ch.Actions[0].ID

	it.MinutesAfter = "The Chair asked for a breakdown of the arrests."
	ch, err = f.s.Save(&it)
	must(t, err)
	if len(ch.Removed) != 1 || ch.Removed[0] != id || len(ch.Actions) != 0 {
		t.Fatalf("changes after removing the tag = %+v, want action %d removed", ch, id)
	}

	it.Title = "Renamed"
	ch, err = f.s.Save(&it)
	must(t, err)
	if !ch.Empty() {
		t.Fatalf("changes after renaming = %+v, want none", ch)
	}
}

// TestSaveOfAQuestionSaysWhichActionsChanged: ticking "written reply to follow" makes an action.
func TestSaveOfAQuestionSaysWhichActionsChanged(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Item", "")
	q := Question{ItemID: it.ID, AskedBy: "Cllr Łucja Nowak", Question: "How many arrests?", AnsweredBy: "The PCC"}
	must(t, f.s.AddQuestion(&q))
	q.WrittenReply = true
	ch, err := f.s.Save(&q)
	must(t, err)
	if len(ch.Actions) != 1 || ch.Actions[0].QuestionID != q.ID || ch.Actions[0].Owner != "PCC" {
		t.Fatalf("changes = %+v, want the written reply's action", ch)
	}
}

// TestSaveOfAMeetingDateSaysTheNewNumbers: where minutes are numbered through the year, a
// meeting moved to another year takes new numbers.
func TestSaveOfAMeetingDateSaysTheNewNumbers(t *testing.T) {
	f := newFixture(t, NumberByYear)
	it := f.item(t, f.meeting.ID, "Item", "")
	f.meeting.Date = "2024-06-14"
	ch, err := f.s.Save(&f.meeting)
	must(t, err)
	if ch.Numbers[it.ID] != "PCP 1/24" {
		t.Fatalf("numbers = %v, want item %d as PCP 1/24", ch.Numbers, it.ID)
	}
}

func TestRecordsRoundTripForTheJournal(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Police and Crime Plan", "Łódź, ŵ and “quotes”.\n\nSecond paragraph.")
	b, err := MarshalRecord(&it)
	must(t, err)
	r, err := UnmarshalRecord(b)
	must(t, err)
	got, ok := r.(*Item)
	if !ok || *got != it {
		t.Fatalf("round trip gave %#v, want %#v", r, it)
	}
	if Key(got) != "item:1" {
		t.Fatalf("key = %q", Key(got))
	}
	if _, err := UnmarshalRecord([]byte(`{"kind":"spaceship","record":{}}`)); err == nil || !strings.Contains(err.Error(), "spaceship") {
		t.Fatalf("unknown kind = %v", err)
	}
}

// TestVersionsStartAtOneAfterAnUpgrade opens a file of schema 5, as the previous release
// wrote it, and checks its records come up at version 1 and can be saved.
func TestVersionsStartAtOneAfterAnUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v5.db")
	db, err := sql.Open("sqlite", dsn(path, false))
	must(t, err)
	for _, m := range migrations[:5] {
		_, err := db.Exec(m)
		must(t, err)
	}
	_, err = db.Exec(fmt.Sprintf(`PRAGMA application_id = %d; PRAGMA user_version = 5;
		INSERT INTO bodies (name) VALUES ('Panel');
		INSERT INTO meetings (body_id, date) VALUES (1, '2023-09-15');
		INSERT INTO items (meeting_id, position, title, minutes) VALUES (1, 1, 'Item', 'Old text');`, ApplicationID))
	must(t, err)
	must(t, db.Close())

	s, err := Open(path)
	must(t, err)
	defer s.Close()
	it, err := s.Item(1)
	must(t, err)
	if it.Version != 1 || it.Minutes != "Old text" {
		t.Fatalf("upgraded item = %+v, want version 1", it)
	}
	it.Minutes = "New text"
	must(t, ErrOf(s.Save(&it)))
	if it.Version != 2 {
		t.Fatalf("version after the first save = %d", it.Version)
	}
}

// TestTagInAResolutionMakesAnAction: "[Action: PCC]" in a resolution makes an action, as one
// in the minutes does, and the save says so; the minutes' own tags are not disturbed.
func TestTagInAResolutionMakesAnAction(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	it := f.item(t, f.meeting.ID, "Serious organised crime", "The PCC presented the report. [Action: Scrutiny Officer]")
	r := Resolution{ItemID: it.ID, Text: "That the report be noted."}
	must(t, f.s.AddResolution(&r))
	r.Text = "That (a) the report be noted; and\n(b) the PCC be asked for a breakdown of the arrests by crime type. [Action: PCC]"
	ch, err := f.s.Save(&r)
	must(t, err)
	if len(ch.Actions) != 1 || ch.Actions[0].Owner != "PCC" || ch.Actions[0].Ref == "" || !strings.Contains(ch.Actions[0].Text, "breakdown of the arrests") {
		t.Fatalf("changes = %+v, want the resolution's action", ch)
	}
	if n := count(t, f.s, "SELECT count(*) FROM actions WHERE source = 'tag'"); n != 2 {
		t.Fatalf("%d tag actions, want the minutes' and the resolution's", n)
	}
	// Saving the minutes again leaves the resolution's action alone, and the other way round.
	it.Minutes += " More."
	ch, err = f.s.Save(&it)
	must(t, err)
	if len(ch.Removed) != 0 {
		t.Fatalf("saving the minutes removed %v", ch.Removed)
	}
	r.Text = "That the report be noted."
	ch, err = f.s.Save(&r)
	must(t, err)
	if len(ch.Removed) != 1 || count(t, f.s, "SELECT count(*) FROM actions WHERE source = 'tag'") != 1 {
		t.Fatalf("removing the resolution's tag: %+v", ch)
	}
}
