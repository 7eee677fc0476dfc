package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Kinds of vote. An ordinary vote is decided by a majority of those voting. A Police and
// Crime Panel's veto of the Commissioner's proposed precept (Police Reform and Social
// Responsibility Act 2011, Schedule 5, paragraph 4) or of a proposed Chief Constable
// (Schedule 8, paragraph 5) is different: it carries only if at least two-thirds of the
// persons who are members of the Panel at the time vote for it — of the whole membership,
// co-opted members included, not of those present; a vacant seat is no one, so it lowers
// the membership.
const (
	VoteOrdinary        = ""
	VotePreceptVeto     = "precept_veto"
	VoteAppointmentVeto = "appointment_veto"
)

// VoteKinds lists the kinds of vote, in the order a form offers them.
var VoteKinds = []string{VoteOrdinary, VotePreceptVeto, VoteAppointmentVeto}

// VoteKindWords names each kind of vote as the clerk knows it.
var VoteKindWords = map[string]string{
	VoteOrdinary:        "Ordinary vote",
	VotePreceptVeto:     "Veto of the proposed precept",
	VoteAppointmentVeto: "Veto of the proposed Chief Constable",
}

// Vote is how the meeting voted on a resolution: counts for, against and abstaining, or a
// recorded vote with each member's name, and for a Panel's veto the membership it is
// judged against.
type Vote struct {
	ID           int64
	ResolutionID int64
	Kind         string // one of VoteKinds
	For          int
	Against      int
	Abstain      int
	// Recorded votes name each member; the counts are then the lengths of the lists.
	Recorded     bool
	ForNames     []string
	AgainstNames []string
	AbstainNames []string
	// Membership is the clerk's figure for the persons who were members of the Panel at the
	// time of a veto vote; 0 has the store work it out from the body's roster and the
	// meeting's attendance (see FullMeeting.Members).
	Membership int
	Version    int64
}

// Veto reports whether the vote is a Panel's veto, judged against its whole membership.
func (v Vote) Veto() bool { return v.Kind == VotePreceptVeto || v.Kind == VoteAppointmentVeto }

// Cast is how many members voted, abstentions included.
func (v Vote) Cast() int { return v.For + v.Against + v.Abstain }

// Validate checks the vote on its own; Save also checks it against who was present.
func (v *Vote) Validate() error {
	if v.ResolutionID == 0 {
		return invalid("Vote", "resolution", "no resolution is chosen")
	}
	if _, ok := VoteKindWords[v.Kind]; !ok {
		return invalid("Vote", "kind", "“%s” is not a kind of vote; use an ordinary vote, precept_veto or appointment_veto", v.Kind)
	}
	if v.Recorded {
		seen := []string{}
		for _, list := range []*[]string{&v.ForNames, &v.AgainstNames, &v.AbstainNames} {
			var kept []string
			for _, n := range *list {
				n = strings.TrimSpace(cleanText(n))
				if n == "" {
					continue
				}
				for _, s := range seen {
					if SamePerson(s, n) {
						return invalid("Vote", "names", "%s is named twice in the recorded vote; each member votes once", n)
					}
				}
				seen = append(seen, n)
				kept = append(kept, n)
			}
			*list = kept
		}
		v.For, v.Against, v.Abstain = len(v.ForNames), len(v.AgainstNames), len(v.AbstainNames)
	} else {
		v.ForNames, v.AgainstNames, v.AbstainNames = nil, nil, nil
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"for", v.For}, {"against", v.Against}, {"abstain", v.Abstain}, {"membership", v.Membership}} {
		if c.n < 0 {
			return invalid("Vote", c.field, "a vote cannot count %d", c.n)
		}
	}
	if v.Cast() == 0 {
		return invalid("Vote", "for", "no votes are entered; type how many voted for, against and abstained")
	}
	if !v.Veto() {
		v.Membership = 0
	}
	return nil
}

// Members lists the persons who were members of the body at the meeting. Where the minute
// book keeps the body's roster (fm.Roster) every member on it counts, whether or not the
// attendance lists them — one with no attendance row is listed with an empty Kind; one the
// attendance lists as a substitute or in attendance was not a member then — and the
// attendance adds those the roster lacks (a member since retired, a co-opted member not on
// it). Without a roster it is the attendance alone: each member present, sending apologies
// or absent. Either way a substitute counts only for a seat not otherwise listed, and a
// seat that no one holds is in no list, so a vacancy lowers the membership, as the law on
// a Panel's veto counts it.
func (fm *FullMeeting) Members() []Attendance { return membersOf(fm.Attendance, fm.Roster) }

// Present lists those at the meeting who can vote: the members present and the
// substitutes standing in for members.
func (fm *FullMeeting) Present() []Attendance { return presentOf(fm.Attendance) }

func membersOf(att []Attendance, roster []Person) []Attendance {
	listed, rowed := map[int64]bool{}, map[int64]bool{}
	for _, a := range att {
		if a.PersonID != 0 && (a.Kind == Present || a.Kind == Apologies || a.Kind == Absent) {
			listed[a.PersonID] = true
		}
		rowed[a.PersonID] = true
	}
	seat := map[int64]bool{}
	for id := range listed {
		seat[id] = true
	}
	for _, p := range roster {
		seat[p.ID] = true
	}
	var out []Attendance
	for _, a := range att {
		switch a.Kind {
		case Present, Apologies, Absent:
			out = append(out, a)
		case Substitute:
			if a.SubstituteForID == 0 || !seat[a.SubstituteForID] {
				out = append(out, a)
			}
		}
	}
	// A member on the roster with no row counts; one whose row says they came as a
	// substitute or in attendance was not a member at this meeting.
	for _, p := range roster {
		if !rowed[p.ID] {
			out = append(out, Attendance{PersonID: p.ID, Name: p.DisplayName()})
		}
	}
	return out
}

func presentOf(att []Attendance) []Attendance {
	var out []Attendance
	for _, a := range att {
		if a.Kind == Present || a.Kind == Substitute {
			out = append(out, a)
		}
	}
	return out
}

// VoteResult is what a vote decided, as the store works it out.
type VoteResult struct {
	Veto bool
	// Membership is the Panel's membership at the time (for a veto): the clerk's figure, or
	// counted by FullMeeting.Members — from the body's roster (FromRoster) or, when the
	// minute book keeps none, from the meeting's attendance alone (FromAttendance), which
	// cannot tell a vacant seat from a member left out of it.
	Membership     int
	FromRoster     bool
	FromAttendance bool
	// Needed is the least number voting for the veto that carries it: two-thirds of the
	// membership, rounded up.
	Needed  int
	Carried bool
}

// VetoNeeded is the least number of members who must vote for a Panel's veto: at least
// two-thirds of the membership, so 8 of 12, 8 of 11, 7 of 10.
func VetoNeeded(membership int) int { return (2*membership + 2) / 3 }

// Result works out what the vote decided at meeting fm. An ordinary vote carries with more
// for than against (a tie is the Chair's casting vote, which the minutes record in words);
// a veto carries only if those for it reach two-thirds of the Panel's whole membership at
// the time, however many were present.
func (v Vote) Result(fm *FullMeeting) VoteResult {
	if !v.Veto() {
		return VoteResult{Carried: v.For > v.Against}
	}
	r := VoteResult{Veto: true, Membership: v.Membership}
	if r.Membership == 0 {
		r.Membership = len(fm.Members())
		r.FromRoster = len(fm.Roster) > 0
		r.FromAttendance = !r.FromRoster
	}
	r.Needed = VetoNeeded(r.Membership)
	r.Carried = r.Membership > 0 && v.For >= r.Needed
	return r
}

// VoteOn finds the vote on a resolution of the item.
func (it *FullItem) VoteOn(resolutionID int64) (Vote, bool) {
	for _, v := range it.Votes {
		if v.ResolutionID == resolutionID {
			return v, true
		}
	}
	return Vote{}, false
}

// CheckVote refuses a vote that the meeting's attendance cannot have cast — more votes than
// members present, a recorded vote naming someone not present, a Panel's membership smaller
// than those present — saying why; Save checks the same against the file. It validates v.
func (fm *FullMeeting) CheckVote(v *Vote) error {
	if err := v.Validate(); err != nil {
		return err
	}
	return checkVoteAgainst(v, fm.Attendance)
}

// checkVote is CheckVote against the attendance in the file.
func checkVote(tx *sql.Tx, v *Vote, meetingID int64) error {
	att, err := attendanceOf(tx, meetingID)
	if err != nil {
		return err
	}
	return checkVoteAgainst(v, att)
}

func checkVoteAgainst(v *Vote, att []Attendance) error {
	present := presentOf(att)
	n := len(present)
	if v.Cast() > n {
		why := fmt.Sprintf("only %s present", Count(n, "member is", "members are"))
		if n == 0 {
			why = "no members are recorded as present; record the attendance first"
		}
		return invalid("Vote", "counts", "%d votes are entered (%d for, %d against, %d abstaining), but %s", v.Cast(), v.For, v.Against, v.Abstain, why)
	}
	if v.Recorded {
		// Each name is kept as the attendance names the member ("Cllr Jane Smith" for a
		// typed "Councillor Jane Smith"), so the minutes name them one way throughout.
		for _, list := range [][]string{v.ForNames, v.AgainstNames, v.AbstainNames} {
			for i, name := range list {
				found := false
				for _, a := range present {
					if !found && SamePerson(a.Name, name) {
						list[i], found = a.Name, true
					}
				}
				if !found {
					return invalid("Vote", "names", "%s is not recorded as present, so cannot be named in the recorded vote", name)
				}
			}
		}
	}
	if v.Veto() && v.Membership != 0 && v.Membership < n {
		return invalid("Vote", "membership", "the Panel’s membership (%d) cannot be smaller than the %d members present", v.Membership, n)
	}
	return nil
}

func saveVote(tx *sql.Tx, v *Vote) error {
	meetingID, err := ownerMeeting(tx, "resolutions", v.ResolutionID)
	if err != nil {
		return err
	}
	if err := checkVote(tx, v, meetingID); err != nil {
		return err
	}
	names := func(l []string) string { return strings.Join(l, "\n") }
	if v.ID == 0 {
		var exists int64
		err := tx.QueryRow("SELECT id FROM votes WHERE resolution_id = ?", v.ResolutionID).Scan(&exists)
		if err == nil {
			return invalid("Vote", "resolution", "this resolution already has a vote, recorded elsewhere; it is shown now")
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.Exec(`INSERT INTO votes (resolution_id, kind, for_count, against_count, abstain_count, recorded,
			for_names, against_names, abstain_names, membership) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			v.ResolutionID, v.Kind, v.For, v.Against, v.Abstain, v.Recorded, names(v.ForNames), names(v.AgainstNames),
			names(v.AbstainNames), v.Membership)
		if err != nil {
			return fmt.Errorf("add the vote: %w", err)
		}
		v.ID, err = res.LastInsertId()
		v.Version = 1
		return err
	}
	return updateRow(tx, v, `kind = ?, for_count = ?, against_count = ?, abstain_count = ?, recorded = ?,
		for_names = ?, against_names = ?, abstain_names = ?, membership = ?`, v.Kind, v.For, v.Against, v.Abstain,
		v.Recorded, names(v.ForNames), names(v.AgainstNames), names(v.AbstainNames), v.Membership)
}

// DeleteVote removes the vote on a resolution.
func (s *Store) DeleteVote(id int64) error {
	return s.update(func(tx *sql.Tx) error {
		var resolutionID int64
		if err := tx.QueryRow("SELECT resolution_id FROM votes WHERE id = ?", id).Scan(&resolutionID); err != nil {
			return notFound(err, "vote", id)
		}
		if _, err := ownerMeeting(tx, "resolutions", resolutionID); err != nil {
			return err
		}
		_, err := tx.Exec("DELETE FROM votes WHERE id = ?", id)
		return err
	})
}

// fixVetoMemberships writes into each veto of meeting id that has no membership figure of
// the clerk's the figure the roster and attendance give now, as the minutes are approved:
// the roster is today's, and approved minutes must not change as members come and go.
func fixVetoMemberships(tx *sql.Tx, id int64) error {
	votes, err := votesOf(tx, id)
	if err != nil {
		return err
	}
	members := -1 // not counted yet
	for _, v := range votes {
		if !v.Veto() || v.Membership != 0 {
			continue
		}
		if members < 0 {
			var bodyID int64
			if err := tx.QueryRow("SELECT body_id FROM meetings WHERE id = ?", id).Scan(&bodyID); err != nil {
				return fmt.Errorf("approve meeting %d: %w", id, err)
			}
			att, err := attendanceOf(tx, id)
			if err != nil {
				return err
			}
			roster, err := rosterOf(tx, bodyID)
			if err != nil {
				return err
			}
			if len(roster) == 0 {
				return nil // counted from the attendance, which approval keeps as it is
			}
			members = len(membersOf(att, roster))
		}
		if _, err := tx.Exec("UPDATE votes SET membership = ? WHERE id = ?", members, v.ID); err != nil {
			return fmt.Errorf("approve meeting %d: keep the membership of its veto: %w", id, err)
		}
	}
	return nil
}

func votesOf(tx *sql.Tx, meetingID int64) ([]Vote, error) {
	rows, err := tx.Query(`SELECT v.id, v.resolution_id, v.kind, v.for_count, v.against_count, v.abstain_count, v.recorded,
		v.for_names, v.against_names, v.abstain_names, v.membership, v.version
		FROM votes v JOIN resolutions r ON r.id = v.resolution_id JOIN items i ON i.id = r.item_id
		WHERE i.meeting_id = ? ORDER BY r.item_id, r.position, r.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("load votes: %w", err)
	}
	defer rows.Close()
	var out []Vote
	lines := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n")
	}
	for rows.Next() {
		var v Vote
		var forN, against, abstain string
		if err := rows.Scan(&v.ID, &v.ResolutionID, &v.Kind, &v.For, &v.Against, &v.Abstain, &v.Recorded,
			&forN, &against, &abstain, &v.Membership, &v.Version); err != nil {
			return nil, err
		}
		v.ForNames, v.AgainstNames, v.AbstainNames = lines(forN), lines(against), lines(abstain)
		out = append(out, v)
	}
	return out, rows.Err()
}

// Lines is the vote as the minutes print it under the resolution: "(For 9, Against 2,
// Abstain 1)", or for a recorded vote a line for the names of each side; then, for a veto,
// the sentence saying whether it carried and why.
func (v Vote) Lines(fm *FullMeeting) []string {
	var out []string
	if v.Recorded {
		out = append(out, "A recorded vote was taken:")
		for _, side := range []struct {
			label string
			names []string
		}{{"For", v.ForNames}, {"Against", v.AgainstNames}, {"Abstain", v.AbstainNames}} {
			names := "none"
			if len(side.names) > 0 {
				names = strings.Join(side.names, ", ")
			}
			out = append(out, fmt.Sprintf("%s (%d): %s", side.label, len(side.names), names))
		}
	} else {
		out = append(out, fmt.Sprintf("(For %d, Against %d, Abstain %d)", v.For, v.Against, v.Abstain))
	}
	if !v.Veto() {
		return out
	}
	r := v.Result(fm)
	what := "the proposed precept"
	if v.Kind == VoteAppointmentVeto {
		what = "the proposed appointment of the Chief Constable"
	}
	from := ""
	if r.FromAttendance {
		from = " (counted from the attendance)"
	}
	s := fmt.Sprintf("A veto of %s needs at least two-thirds of the Panel’s membership at the time, which was %d%s: %d %s. %s voted for the veto, so ",
		what, r.Membership, from, r.Needed, Plural(r.Needed, "vote", "votes"), upperFirst(Count(v.For, "member", "members")))
	if r.Carried {
		s += "the Panel vetoed " + what + "."
	} else {
		s += "the veto was not carried."
	}
	return append(out, s)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
