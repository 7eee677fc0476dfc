package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// Dump is the whole database, or one meeting, as `minutebook dump` prints it. Its JSON keys
// are a contract (DESIGN.md): keys may be added, none renamed.
type Dump struct {
	Meetings []DumpMeeting `json:"meetings"`
	Actions  []DumpAction  `json:"actions"`
}

// DumpMeeting is a meeting in a Dump.
type DumpMeeting struct {
	ID         int64            `json:"id"`
	Body       string           `json:"body"`
	Date       string           `json:"date"`
	StartTime  string           `json:"start_time"`
	Ended      string           `json:"ended"`
	Venue      string           `json:"venue"`
	Title      string           `json:"title"`
	Status     string           `json:"status"`
	Chair      string           `json:"chair"`
	ApprovedOn string           `json:"approved_on"`
	Attendance []DumpAttendance `json:"attendance"`
	// Declarations of interest: who, of what kind, what, on which item (its number; "" for
	// the meeting as a whole) and whether they left the room.
	Declarations []DumpDeclaration `json:"declarations"`
	Items        []DumpItem        `json:"items"`
}

// DumpDeclaration is a declaration of interest in a Dump.
type DumpDeclaration struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Text     string `json:"text"`
	Item     string `json:"item,omitempty"`
	LeftRoom bool   `json:"left_room,omitempty"`
}

// DumpAttendance is an attendance record in a Dump.
type DumpAttendance struct {
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	Role          string `json:"role"`
	SubstituteFor string `json:"substitute_for,omitempty"`
	Arrived       string `json:"arrived,omitempty"` // a late arrival, "10.45am"
	Left          string `json:"left,omitempty"`    // an early departure
}

// DumpItem is an agenda item in a Dump.
type DumpItem struct {
	ID              int64            `json:"id"`
	Number          string           `json:"number"`
	Title           string           `json:"title"`
	Time            string           `json:"time"`
	Exempt          bool             `json:"exempt"`
	ExemptParagraph int              `json:"exempt_paragraph,omitempty"`
	PublicSummary   string           `json:"public_summary,omitempty"`
	ReportSummary   string           `json:"report_summary"`
	LeadOfficer     string           `json:"lead_officer,omitempty"`
	ReportRef       string           `json:"report_ref,omitempty"`
	Minutes         string           `json:"minutes"`
	MinutesAfter    string           `json:"minutes_after"`
	Documents       []string         `json:"documents"`
	Questions       []DumpQuestion   `json:"questions"`
	Resolutions     []DumpResolution `json:"resolutions"`
	Actions         []DumpItemAction `json:"actions"`
}

// DumpQuestion is a question in a Dump.
type DumpQuestion struct {
	Number     int    `json:"number"`
	AskedBy    string `json:"asked_by"`
	Question   string `json:"question"`
	AnsweredBy string `json:"answered_by"`
	Answer     string `json:"answer"`
}

// DumpResolution is a resolution in a Dump.
type DumpResolution struct {
	Text string    `json:"text"`
	Vote *DumpVote `json:"vote,omitempty"`
}

// DumpVote is the vote on a resolution in a Dump; for a veto, with what the store worked out.
type DumpVote struct {
	Kind       string   `json:"kind"`
	For        int      `json:"for"`
	Against    int      `json:"against"`
	Abstain    int      `json:"abstain"`
	Recorded   bool     `json:"recorded"`
	ForNames   []string `json:"for_names,omitempty"`
	AgainstN   []string `json:"against_names,omitempty"`
	AbstainN   []string `json:"abstain_names,omitempty"`
	Membership int      `json:"membership,omitempty"`
	Needed     int      `json:"needed,omitempty"`
	Carried    bool     `json:"carried"`
}

// DumpItemAction is an action as listed under its item.
type DumpItemAction struct {
	ID     int64  `json:"id"`
	Ref    string `json:"ref"`
	Owner  string `json:"owner"`
	Text   string `json:"text"`
	Due    string `json:"due"`
	Status string `json:"status"`
}

// DumpAction is an action in the top-level list, with its updates.
type DumpAction struct {
	ID        int64        `json:"id"`
	MeetingID int64        `json:"meeting_id"`
	ItemID    int64        `json:"item_id"`
	Ref       string       `json:"ref"`
	Owner     string       `json:"owner"`
	Text      string       `json:"text"`
	Due       string       `json:"due"`
	Status    string       `json:"status"`
	Completed string       `json:"completed"`
	Flag      string       `json:"flag,omitempty"`
	Updates   []DumpUpdate `json:"updates"`
}

// DumpUpdate is an action update in a Dump.
type DumpUpdate struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// Dump reads the whole database (meetingID 0) or one meeting and its actions, in one
// consistent read.
func (s *Store) Dump(meetingID int64) (*Dump, error) {
	d := &Dump{Meetings: []DumpMeeting{}, Actions: []DumpAction{}}
	err := s.view(func(tx *sql.Tx) error {
		var ids []int64
		if meetingID != 0 {
			ids = []int64{meetingID}
		} else {
			rows, err := tx.Query("SELECT id FROM meetings ORDER BY body_id, date, id")
			if err != nil {
				return err
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
			}
			rows.Close()
		}
		for _, id := range ids {
			fm, err := loadMeeting(tx, id)
			if err != nil {
				return err
			}
			d.Meetings = append(d.Meetings, dumpMeeting(fm))
		}
		tail := "ORDER BY a.body_id, a.meeting_date, a.id"
		var args []any
		if meetingID != 0 {
			tail, args = "WHERE a.meeting_id = ? "+tail, []any{meetingID}
		}
		acts, err := queryActions(tx, tail, args...)
		if err != nil {
			return err
		}
		for _, a := range acts {
			da := DumpAction{ID: a.ID, MeetingID: a.MeetingID, ItemID: a.ItemID, Ref: a.Ref, Owner: a.Owner, Text: a.Text,
				Due: a.Due, Status: a.Status, Completed: a.Completed, Flag: a.Flag, Updates: []DumpUpdate{}}
			for _, u := range a.Updates {
				da.Updates = append(da.Updates, DumpUpdate{Date: u.Date, Text: u.Text})
			}
			d.Actions = append(d.Actions, da)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dump: %w", err)
	}
	return d, nil
}

func dumpMeeting(fm *FullMeeting) DumpMeeting {
	dm := DumpMeeting{ID: fm.ID, Body: fm.Body.Name, Date: fm.Date, StartTime: fm.StartTime, Ended: fm.Ended, Venue: fm.Venue,
		Title: fm.Title, Status: fm.Status, Chair: fm.Chair.DisplayName(), ApprovedOn: fm.ApprovedOn,
		Attendance: []DumpAttendance{}, Declarations: []DumpDeclaration{}, Items: []DumpItem{}}
	for _, a := range fm.Attendance {
		dm.Attendance = append(dm.Attendance, DumpAttendance{Name: a.Name, Kind: a.Kind, Role: a.Role, SubstituteFor: a.SubstituteFor,
			Arrived: a.Arrived, Left: a.Left})
	}
	for _, d := range fm.Declarations {
		dd := DumpDeclaration{Name: d.Name, Kind: d.Kind, Text: d.Text, LeftRoom: d.LeftRoom}
		for _, it := range fm.Items {
			if it.ID == d.ItemID && d.ItemID != 0 {
				dd.Item = it.Number
			}
		}
		dm.Declarations = append(dm.Declarations, dd)
	}
	for _, it := range fm.Items {
		di := DumpItem{ID: it.ID, Number: it.Number, Title: it.Title, Time: it.Time, Exempt: it.Exempt,
			ExemptParagraph: it.ExemptParagraph, PublicSummary: it.PublicSummary, ReportSummary: it.ReportSummary,
			LeadOfficer: it.LeadOfficer, ReportRef: it.ReportRef, Minutes: it.Minutes, MinutesAfter: it.MinutesAfter, Documents: []string{}, Questions: []DumpQuestion{}, Resolutions: []DumpResolution{},
			Actions: []DumpItemAction{}}
		for _, doc := range it.Documents {
			di.Documents = append(di.Documents, strings.TrimSpace(doc.Title+" "+doc.File))
		}
		for _, q := range it.Questions {
			di.Questions = append(di.Questions, DumpQuestion{Number: q.Number, AskedBy: q.AskedBy, Question: q.Question,
				AnsweredBy: q.AnsweredBy, Answer: q.Answer})
		}
		for _, r := range it.Resolutions {
			dr := DumpResolution{Text: r.Text}
			if v, ok := it.VoteOn(r.ID); ok {
				res := v.Result(fm)
				kind := v.Kind
				if kind == VoteOrdinary {
					kind = "ordinary"
				}
				dr.Vote = &DumpVote{Kind: kind, For: v.For, Against: v.Against, Abstain: v.Abstain,
					Recorded: v.Recorded, ForNames: v.ForNames, AgainstN: v.AgainstNames, AbstainN: v.AbstainNames,
					Membership: res.Membership, Needed: res.Needed, Carried: res.Carried}
			}
			di.Resolutions = append(di.Resolutions, dr)
		}
		for _, a := range it.Actions {
			di.Actions = append(di.Actions, DumpItemAction{ID: a.ID, Ref: a.Ref, Owner: a.Owner, Text: a.Text, Due: a.Due, Status: a.Status})
		}
		dm.Items = append(dm.Items, di)
	}
	return dm
}
