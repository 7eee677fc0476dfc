package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// panel is a Police and Crime Panel of council members and co-opted independent members,
// each on the body's roster and in the attendance, present members first. A vacant seat is
// no one: neither on the roster nor in the attendance.
type panel struct {
	f          *fixture
	meeting    int64
	resolution int64
	members    []Person
}

func newPanel(t *testing.T, councillors, coopted, present int) *panel {
	t.Helper()
	f := newFixture(t, NumberPerMeeting)
	// The fixture's own two members are not on this Panel.
	for _, person := range []*Person{&f.chair, &f.member} {
		person.Retired = true
		must(t, ErrOf(f.s.Save(person)))
	}
	p := &panel{f: f}
	m := Meeting{BodyID: f.body.ID, Date: "2024-02-02", StartTime: "10.30am"}
	must(t, f.s.CreateMeeting(&m))
	p.meeting = m.ID
	for i := range councillors + coopted {
		role, title := RoleMember, "Cllr"
		if i >= councillors {
			role, title = RoleCoopted, "Mr"
		}
		person := Person{BodyID: f.body.ID, Title: title, Name: fmt.Sprintf("Member %c", 'A'+i), Role: role}
		must(t, f.s.CreatePerson(&person))
		p.members = append(p.members, person)
		kind := Apologies
		if i < present {
			kind = Present
		}
		must(t, f.s.AddAttendance(&Attendance{MeetingID: m.ID, PersonID: person.ID, Kind: kind}))
	}
	// Officers in attendance are not members and never count.
	must(t, f.s.AddAttendance(&Attendance{MeetingID: m.ID, Name: "Scrutiny Officer", Kind: InAttendance}))
	it := f.item(t, m.ID, "PCC’s Proposed Precept 2024/25", "")
	r := Resolution{ItemID: it.ID, Text: "That the Panel vetoes the proposed precept."}
	must(t, f.s.AddResolution(&r))
	p.resolution = r.ID
	return p
}

func (p *panel) result(t *testing.T, v Vote) VoteResult {
	t.Helper()
	v.ResolutionID = p.resolution
	must(t, ErrOf(p.f.s.Save(&v)))
	fm, err := p.f.s.LoadMeeting(p.meeting)
	must(t, err)
	saved, ok := fm.Items[0].VoteOn(p.resolution)
	if !ok {
		t.Fatal("the vote was not loaded with its item")
	}
	return saved.Result(fm)
}

// TestVetoNeedsTwoThirdsOfTheWholeMembership works the Panel's veto out as Schedule 5,
// paragraph 4(4) of the Police Reform and Social Responsibility Act 2011 words it: two-thirds
// of the persons who are members of the Panel at the time, not of those present; co-opted
// members are members, a vacant seat is no one.
func TestVetoNeedsTwoThirdsOfTheWholeMembership(t *testing.T) {
	for _, c := range []struct {
		name                          string
		councillors, coopted, present int
		membership                    int // the clerk's figure, 0 for the attendance's
		kind                          string
		forVeto, against              int
		wantMembers, wantNeeded       int
		wantCarried                   bool
	}{
		{"full panel of 12, 8 for: two-thirds exactly", 10, 2, 12, 0, VotePreceptVeto, 8, 4, 12, 8, true},
		{"full panel of 12, 7 for", 10, 2, 12, 0, VotePreceptVeto, 7, 5, 12, 8, false},
		{"9 of 12 present, 7 for: more than two-thirds of those present is not enough", 10, 2, 9, 0, VotePreceptVeto, 7, 2, 12, 8, false},
		{"9 of 12 present, all 9 for", 10, 2, 9, 0, VotePreceptVeto, 9, 0, 12, 8, true},
		{"one council seat vacant: 11 members, 8 needed", 9, 2, 11, 0, VotePreceptVeto, 8, 3, 11, 8, true},
		{"two council seats vacant: 10 members, 7 needed", 8, 2, 10, 0, VotePreceptVeto, 7, 3, 10, 7, true},
		{"two vacancies, 7 of the 10 for, on a Chief Constable", 8, 2, 8, 0, VoteAppointmentVeto, 7, 1, 10, 7, true},
		{"co-opted members count: without them 7 of 10 would carry", 10, 2, 10, 0, VotePreceptVeto, 7, 3, 12, 8, false},
		{"the clerk's figure for the membership wins over the attendance", 8, 2, 8, 12, VotePreceptVeto, 7, 1, 12, 8, false},
		{"an ordinary vote is a majority of those voting", 10, 2, 9, 0, VoteOrdinary, 5, 4, 0, 0, true},
		{"an ordinary tie does not carry by itself", 10, 2, 8, 0, VoteOrdinary, 4, 4, 0, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newPanel(t, c.councillors, c.coopted, c.present)
			got := p.result(t, Vote{Kind: c.kind, For: c.forVeto, Against: c.against, Membership: c.membership})
			if got.Membership != c.wantMembers || got.Needed != c.wantNeeded || got.Carried != c.wantCarried {
				t.Fatalf("result = %+v, want membership %d, %d needed, carried %v", got, c.wantMembers, c.wantNeeded, c.wantCarried)
			}
			if got.FromRoster != (c.membership == 0 && c.kind != VoteOrdinary) || got.FromAttendance {
				t.Fatalf("FromRoster = %v, FromAttendance = %v", got.FromRoster, got.FromAttendance)
			}
		})
	}
}

// TestVetoNeeded is the arithmetic: at least two-thirds, rounded up.
func TestVetoNeeded(t *testing.T) {
	for members, want := range map[int]int{12: 8, 11: 8, 10: 7, 9: 6, 3: 2, 1: 1, 0: 0} {
		if got := VetoNeeded(members); got != want {
			t.Errorf("VetoNeeded(%d) = %d, want %d", members, got, want)
		}
		if got := VetoNeeded(members); 3*got < 2*members || (got > 0 && 3*(got-1) >= 2*members) {
			t.Errorf("VetoNeeded(%d) = %d is not the least two-thirds", members, got)
		}
	}
}

// TestVoteCountsCannotExceedThosePresent: the store refuses a vote that the meeting could
// not have cast, and says why; nothing is written.
func TestVoteCountsCannotExceedThosePresent(t *testing.T) {
	p := newPanel(t, 10, 2, 9)
	for _, c := range []struct {
		name string
		v    Vote
		want string
	}{
		{"too many votes", Vote{For: 9, Against: 2, Abstain: 1}, "12 votes are entered (9 for, 2 against, 1 abstaining), but only 9 members are present"},
		{"no votes", Vote{}, "no votes are entered"},
		{"a negative count", Vote{For: 3, Against: -1}, "cannot count -1"},
		{"a name not present", Vote{Recorded: true, ForNames: []string{"Cllr Member A", "Cllr Nobody Here"}}, "Cllr Nobody Here is not recorded as present"},
		{"a name twice", Vote{Recorded: true, ForNames: []string{"Cllr Member A"}, AgainstNames: []string{"Member A"}}, "named twice"},
		{"a membership smaller than those present", Vote{Kind: VotePreceptVeto, For: 8, Membership: 8}, "cannot be smaller than the 9 members present"},
		{"an unknown kind", Vote{Kind: "quorum", For: 1}, "is not a kind of vote"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := c.v
			v.ResolutionID = p.resolution
			_, err := p.f.s.Save(&v)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("save = %v, want ErrInvalid saying %q", err, c.want)
			}
			if n := count(t, p.f.s, "SELECT count(*) FROM votes"); n != 0 {
				t.Fatalf("%d votes written after a refused save", n)
			}
		})
	}
	t.Run("no attendance recorded", func(t *testing.T) {
		f := p.f
		it := f.item(t, f.meeting.ID, "Item", "")
		r := Resolution{ItemID: it.ID, Text: "That the report be noted."}
		must(t, f.s.AddResolution(&r))
		_, err := f.s.Save(&Vote{ResolutionID: r.ID, For: 1})
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "record the attendance first") {
			t.Fatalf("save = %v", err)
		}
	})
}

// TestRecordedVoteKeepsTheNames: a recorded vote counts its names, keeps them in order and
// reads them back; a second vote on the same resolution is refused.
func TestRecordedVoteKeepsTheNames(t *testing.T) {
	p := newPanel(t, 10, 2, 5)
	v := Vote{ResolutionID: p.resolution, Recorded: true, For: 99,
		ForNames:     []string{"Cllr Member A", " Cllr Member C "},
		AgainstNames: []string{"Councillor Member B"}, AbstainNames: []string{"", "Cllr Member D"}}
	must(t, ErrOf(p.f.s.Save(&v)))
	if v.For != 2 || v.Against != 1 || v.Abstain != 1 {
		t.Fatalf("counts = %d/%d/%d, want 2/1/1 from the names", v.For, v.Against, v.Abstain)
	}
	fm, err := p.f.s.LoadMeeting(p.meeting)
	must(t, err)
	got, _ := fm.Items[0].VoteOn(p.resolution)
	if strings.Join(got.ForNames, "|") != "Cllr Member A|Cllr Member C" || strings.Join(got.AbstainNames, "|") != "Cllr Member D" || got.Version != 1 {
		t.Fatalf("loaded %+v", got)
	}
	d, err := p.f.s.Dump(p.meeting)
	must(t, err)
	dv := d.Meetings[0].Items[0].Resolutions[0].Vote
	if dv == nil || dv.Kind != "ordinary" || !dv.Recorded || dv.For != 2 || strings.Join(dv.AgainstN, "|") != "Cllr Member B" || !dv.Carried {
		t.Fatalf("the dump has the vote as %+v", dv)
	}
	again := Vote{ResolutionID: p.resolution, For: 1}
	if _, err := p.f.s.Save(&again); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "already has a vote") {
		t.Fatalf("a second vote = %v", err)
	}
	must(t, p.f.s.DeleteVote(v.ID))
	if n := count(t, p.f.s, "SELECT count(*) FROM votes"); n != 0 {
		t.Fatalf("%d votes after delete", n)
	}
}

// TestSubstitutesVoteButAreNotExtraMembers: a substitute standing in for a member who sent
// apologies votes in their place; the membership counts the seat once.
func TestSubstitutesVoteButAreNotExtraMembers(t *testing.T) {
	p := newPanel(t, 10, 2, 11) // the twelfth sent apologies
	f := p.f
	// A substitute is a councillor who is not on the Panel: not a member on its roster.
	sub := Person{BodyID: f.body.ID, Title: "Cllr", Name: "Stand In", Role: RoleGuest}
	must(t, f.s.CreatePerson(&sub))
	must(t, f.s.AddAttendance(&Attendance{MeetingID: p.meeting, PersonID: sub.ID, Kind: Substitute, SubstituteForID: p.members[11].ID}))
	got := p.result(t, Vote{Kind: VotePreceptVeto, For: 12})
	if got.Membership != 12 || !got.Carried {
		t.Fatalf("result = %+v, want 12 members and the veto carried by 12 votes (the substitute's among them)", got)
	}
}

// TestVetoMembershipFromTheRoster: the Panel's membership for a veto is the body's roster of
// members, so a member the attendance leaves out still counts and a vacancy (no one on the
// roster) does not; the attendance adds only those the roster lacks — a co-opted member
// typed into it, a member since retired — and the clerk's figure wins over both. With no
// roster the attendance alone is counted, and the minutes say the figure came from it.
func TestVetoMembershipFromTheRoster(t *testing.T) {
	vetoOf := func(t *testing.T, p *panel, v Vote) (VoteResult, string) {
		t.Helper()
		got := p.result(t, v)
		fm, err := p.f.s.LoadMeeting(p.meeting)
		must(t, err)
		saved, _ := fm.Items[0].VoteOn(p.resolution)
		lines := saved.Lines(fm)
		return got, lines[len(lines)-1]
	}
	dropRow := func(t *testing.T, p *panel, person Person) {
		t.Helper()
		_, err := p.f.s.DB().Exec("DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?", p.meeting, person.ID)
		must(t, err)
	}
	t.Run("a member with no attendance row still counts", func(t *testing.T) {
		p := newPanel(t, 10, 2, 9) // 9 present, 3 apologies
		dropRow(t, p, p.members[11])
		got, line := vetoOf(t, p, Vote{Kind: VotePreceptVeto, For: 8, Against: 1})
		if got.Membership != 12 || got.Needed != 8 || !got.Carried || !got.FromRoster || got.FromAttendance {
			t.Fatalf("result = %+v, want the roster's 12, 8 needed, carried", got)
		}
		if !strings.Contains(line, "which was 12: 8 votes.") || strings.Contains(line, "attendance") {
			t.Errorf("the minutes say %q", line)
		}
	})
	t.Run("two vacancies and a member with no row: 10 members, 7 needed", func(t *testing.T) {
		p := newPanel(t, 8, 2, 8)
		dropRow(t, p, p.members[9])
		got, _ := vetoOf(t, p, Vote{Kind: VoteAppointmentVeto, For: 7, Against: 1})
		if got.Membership != 10 || got.Needed != 7 || !got.Carried {
			t.Fatalf("result = %+v, want 10 members, 7 needed, carried", got)
		}
	})
	t.Run("the attendance adds a co-opted member the roster lacks", func(t *testing.T) {
		p := newPanel(t, 10, 1, 11)
		must(t, p.f.s.AddAttendance(&Attendance{MeetingID: p.meeting, Name: "Mr Newly Coopted", Kind: Present}))
		got, _ := vetoOf(t, p, Vote{Kind: VotePreceptVeto, For: 8, Against: 4})
		if got.Membership != 12 || got.Needed != 8 || !got.Carried || !got.FromRoster {
			t.Fatalf("result = %+v, want the roster's 11 and the co-opted member: 12", got)
		}
	})
	t.Run("a member since retired counts through the attendance, once", func(t *testing.T) {
		p := newPanel(t, 10, 2, 12)
		gone := p.members[0]
		gone.Retired = true
		must(t, ErrOf(p.f.s.Save(&gone)))
		got, _ := vetoOf(t, p, Vote{Kind: VotePreceptVeto, For: 8, Against: 4})
		if got.Membership != 12 {
			t.Fatalf("result = %+v, want 12 members", got)
		}
	})
	t.Run("approval keeps the figure the roster gave; later members do not change it", func(t *testing.T) {
		p := newPanel(t, 10, 2, 9)
		dropRow(t, p, p.members[11]) // counts through the roster: 12
		p.result(t, Vote{Kind: VotePreceptVeto, For: 8, Against: 1})
		must(t, p.f.s.ApproveMeeting(p.meeting, 0, "2024-01-10", ""))
		for i := 0; i < 3; i++ { // three members join the Panel after the meeting
			must(t, p.f.s.CreatePerson(&Person{BodyID: p.f.body.ID, Name: fmt.Sprintf("Cllr Newcomer %d", i), Role: RoleMember}))
		}
		fm, err := p.f.s.LoadMeeting(p.meeting)
		must(t, err)
		v, _ := fm.Items[0].VoteOn(p.resolution)
		if got := v.Result(fm); got.Membership != 12 || !got.Carried {
			t.Fatalf("approved minutes re-read: %+v, want the 12 of approval, carried", got)
		}
	})
	t.Run("minutes approved with no figure count their attendance, not today's roster", func(t *testing.T) {
		p := newPanel(t, 10, 2, 9)
		p.result(t, Vote{Kind: VotePreceptVeto, For: 8, Against: 1})
		_, err := p.f.s.DB().Exec("UPDATE meetings SET status = 'approved' WHERE id = ?", p.meeting) // as approved before
		must(t, err)
		must(t, p.f.s.CreatePerson(&Person{BodyID: p.f.body.ID, Name: "Cllr Newcomer", Role: RoleMember}))
		fm, err := p.f.s.LoadMeeting(p.meeting)
		must(t, err)
		v, _ := fm.Items[0].VoteOn(p.resolution)
		if got := v.Result(fm); got.Membership != 12 || !got.FromAttendance {
			t.Fatalf("approved minutes re-read: %+v, want the attendance's 12", got)
		}
	})
	t.Run("the clerk's figure wins over the roster", func(t *testing.T) {
		p := newPanel(t, 10, 2, 9)
		got, line := vetoOf(t, p, Vote{Kind: VotePreceptVeto, For: 8, Membership: 13})
		if got.Membership != 13 || got.Needed != 9 || got.Carried || got.FromRoster || got.FromAttendance {
			t.Fatalf("result = %+v, want the clerk's 13, 9 needed, not carried", got)
		}
		if !strings.Contains(line, "which was 13: 9 votes.") {
			t.Errorf("the minutes say %q", line)
		}
	})
	t.Run("no roster: the attendance, and the minutes say so", func(t *testing.T) {
		p := newPanel(t, 10, 2, 9)
		for _, m := range p.members {
			m.Role = RoleGuest // the minute book lists no one as a member of the Panel
			must(t, ErrOf(p.f.s.Save(&m)))
		}
		dropRow(t, p, p.members[11]) // so it cannot be told from a vacancy
		got, line := vetoOf(t, p, Vote{Kind: VotePreceptVeto, For: 8, Against: 1})
		if got.Membership != 11 || got.Needed != 8 || !got.Carried || got.FromRoster || !got.FromAttendance {
			t.Fatalf("result = %+v, want the attendance's 11, from the attendance", got)
		}
		if want := "which was 11 (counted from the attendance): 8 votes."; !strings.Contains(line, want) {
			t.Errorf("the minutes say %q, want %q", line, want)
		}
	})
}

// TestImportedSubstituteIsNotAMember: minutes imported into a new body put the members they
// list on its roster, but not a substitute, who sits on a member council and not on the
// Panel; so a later meeting the substitute does not attend counts the Panel without them,
// and at this one the seat counts once.
func TestImportedSubstituteIsNotAMember(t *testing.T) {
	s := openTestStore(t)
	im, err := s.ImportText(`Thames Valley Police and Crime Panel
Minutes of the meeting held on Friday 15 September 2023 at 10.30am

Present:
Cllr Jane Smith (Chair), Cllr Barrie Patman and Mr Graham Lister

Apologies:
Cllr Tony Page

Substitutes:
Cllr Neil Fawcett for Cllr Tony Page

39/23 Police and Crime Plan
10.35am

The Panel noted the plan.

RESOLVED – That the plan be noted.`, ImportOptions{NewBody: true})
	must(t, err)
	fm, err := s.LoadMeeting(im.Meeting.ID)
	must(t, err)
	var roster []string
	for _, p := range fm.Roster {
		roster = append(roster, p.DisplayName())
	}
	if strings.Join(roster, "|") != "Cllr Barrie Patman|Mr Graham Lister|Cllr Jane Smith|Cllr Tony Page" {
		t.Errorf("the roster after the import is %v", roster)
	}
	if n := len(fm.Members()); n != 4 {
		t.Errorf("the membership at the imported meeting is %d, want 4", n)
	}
	people, err := s.People(fm.BodyID, false)
	must(t, err)
	for _, p := range people {
		if p.Name == "Neil Fawcett" && p.IsMember() {
			t.Errorf("the substitute was added as a %s", p.Role)
		}
	}
}
