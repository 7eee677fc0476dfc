package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// Meeting statuses.
const (
	StatusDraft    = "draft"
	StatusApproved = "approved"
)

// Meeting is one meeting of a body.
type Meeting struct {
	ID        int64
	BodyID    int64
	Date      string // YYYY-MM-DD
	StartTime string // "10.30am"
	Ended     string // when the meeting ended, "12.40pm"; empty until the clerk records it
	Venue     string
	Title     string // optional: "Annual meeting", "Extraordinary meeting"
	Status    string // StatusDraft or StatusApproved
	ChairID   int64  // the Chair on the day; 0 when not recorded

	// Set when the minutes are approved: the later meeting that approved them, the date, and
	// any amendments made on approval.
	ApprovedAtID int64
	ApprovedOn   string
	Amendments   string
	Version      int64
}

// Approved reports whether the minutes have been approved (and so are read-only).
func (m Meeting) Approved() bool { return m.Status == StatusApproved }

// Validate checks the meeting before it is saved.
func (m *Meeting) Validate() error {
	if m.BodyID == 0 {
		return invalid("Meeting", "body", "no body is chosen")
	}
	if m.Date == "" {
		return invalid("Meeting", "date", "no date is given")
	}
	if !validDate(m.Date) {
		d, err := ParseDate(m.Date)
		if err != nil {
			return invalid("Meeting", "date", "%v", err)
		}
		m.Date = d
	}
	if !validClock(m.StartTime) {
		return invalid("Meeting", "start time", "“%s” is not a time; type it as 10.30am or 14:30", m.StartTime)
	}
	m.StartTime = normalClockOrEmpty(m.StartTime)
	if !validClock(m.Ended) {
		return invalid("Meeting", "end time", "“%s” is not a time; type it as 12.40pm or 12:40", m.Ended)
	}
	m.Ended = normalClockOrEmpty(m.Ended)
	m.Venue = strings.TrimSpace(m.Venue)
	m.Title = strings.TrimSpace(m.Title)
	if m.Status == "" {
		m.Status = StatusDraft
	}
	if m.Status != StatusDraft && m.Status != StatusApproved {
		return invalid("Meeting", "status", "“%s” is not a status; use draft or approved", m.Status)
	}
	if !validDate(m.ApprovedOn) {
		return invalid("Meeting", "approval date", "“%s” is not a date (YYYY-MM-DD)", m.ApprovedOn)
	}
	return nil
}

const meetingColumns = `id, body_id, date, start_time, venue, title, status, coalesce(chair_id, 0),
	coalesce(approved_at_id, 0), approved_on, amendments, version, ended`

func scanMeeting(row interface{ Scan(...any) error }) (Meeting, error) {
	var m Meeting
	err := row.Scan(&m.ID, &m.BodyID, &m.Date, &m.StartTime, &m.Venue, &m.Title, &m.Status, &m.ChairID,
		&m.ApprovedAtID, &m.ApprovedOn, &m.Amendments, &m.Version, &m.Ended)
	return m, err
}

// CreateMeeting adds a meeting and sets m.ID.
func (s *Store) CreateMeeting(m *Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error { return createMeeting(tx, m) })
}

func createMeeting(tx *sql.Tx, m *Meeting) error {
	res, err := tx.Exec(`INSERT INTO meetings (body_id, date, start_time, ended, venue, title, status, chair_id, approved_at_id, approved_on, amendments)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.BodyID, m.Date, m.StartTime, m.Ended, m.Venue, m.Title, m.Status, nullID(m.ChairID), nullID(m.ApprovedAtID), m.ApprovedOn, m.Amendments)
	if err != nil {
		return fmt.Errorf("create meeting: %w", err)
	}
	m.ID, err = res.LastInsertId()
	m.Version = 1
	return err
}

// saveMeeting writes a meeting's details (see Save). A draft can be changed freely; an
// approved meeting only through ReopenMeeting. Moving the date renumbers minutes where the
// body numbers them through the year.
func saveMeeting(tx *sql.Tx, m *Meeting) error {
	var bodyID int64
	var oldDate string
	if err := tx.QueryRow("SELECT body_id, date FROM meetings WHERE id = ?", m.ID).Scan(&bodyID, &oldDate); err != nil {
		return notFound(err, "meeting", m.ID)
	}
	if bodyID != m.BodyID {
		return invalid("Meeting", "body", "a meeting cannot move to another body")
	}
	err := updateRow(tx, m, "date = ?, start_time = ?, ended = ?, venue = ?, title = ?, chair_id = ?",
		m.Date, m.StartTime, m.Ended, m.Venue, m.Title, nullID(m.ChairID))
	if err != nil {
		return err
	}
	if oldDate == m.Date {
		return nil // numbers follow dates only
	}
	return renumberBody(tx, bodyID)
}

// ApproveMeeting marks the minutes approved at a later meeting (approvedAt, 0 if not
// recorded), on a date, with any amendments. Approved minutes are read-only.
func (s *Store) ApproveMeeting(id, approvedAt int64, on, amendments string) error {
	if !validDate(on) || on == "" {
		return invalid("Approval", "date", "“%s” is not a date (YYYY-MM-DD)", on)
	}
	return s.update(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE meetings SET status = 'approved', approved_at_id = ?, approved_on = ?, amendments = ?
			WHERE id = ?`, nullID(approvedAt), on, strings.TrimSpace(amendments), id)
		if err != nil {
			return fmt.Errorf("approve meeting %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(sql.ErrNoRows, "meeting", id)
		}
		if err := fixVetoMemberships(tx, id); err != nil {
			return err
		}
		note := ""
		if approvedAt != 0 {
			var date string
			if err := tx.QueryRow("SELECT date FROM meetings WHERE id = ?", approvedAt).Scan(&date); err == nil {
				note = "Approved at the meeting of " + LongDate(date)
			}
		}
		if a := strings.TrimSpace(amendments); a != "" {
			note = strings.TrimSpace(note + ", with amendments: " + a)
		}
		return addMeetingEvent(tx, id, on, EventApproved, note)
	})
}

// ReopenMeeting makes approved minutes editable again, for corrections; the reopening is
// recorded with today's date.
func (s *Store) ReopenMeeting(id int64) error { return s.ReopenMeetingFor(id, "") }

// ReopenMeetingFor reopens approved minutes and records why.
func (s *Store) ReopenMeetingFor(id int64, reason string) error {
	return s.update(func(tx *sql.Tx) error {
		// The approval is undone (its record stays in the history): the minutes will need
		// approving again, perhaps at another meeting.
		res, err := tx.Exec(`UPDATE meetings SET status = 'draft', approved_at_id = NULL, approved_on = '', amendments = ''
			WHERE id = ? AND status = 'approved'`, id)
		if err != nil {
			return fmt.Errorf("reopen meeting %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var one int
			if err := tx.QueryRow("SELECT 1 FROM meetings WHERE id = ?", id).Scan(&one); err != nil {
				return notFound(err, "meeting", id)
			}
			return nil // already a draft: nothing to record
		}
		return addMeetingEvent(tx, id, Today(), EventReopened, strings.TrimSpace(reason))
	})
}

// Kinds of meeting event.
const (
	EventApproved = "approved"
	EventReopened = "reopened"
)

// MeetingEvent is a dated record of the minutes being approved or reopened.
type MeetingEvent struct {
	ID        int64
	MeetingID int64
	Date      string
	Kind      string // EventApproved or EventReopened
	Note      string
}

func addMeetingEvent(tx *sql.Tx, meetingID int64, date, kind, note string) error {
	_, err := tx.Exec("INSERT INTO meeting_events (meeting_id, date, kind, note) VALUES (?, ?, ?, ?)", meetingID, date, kind, note)
	if err != nil {
		return fmt.Errorf("record that meeting %d was %s: %w", meetingID, kind, err)
	}
	return nil
}

// MeetingHistory lists a meeting's approvals and reopenings, oldest first.
func (s *Store) MeetingHistory(id int64) ([]MeetingEvent, error) {
	rows, err := s.db.Query("SELECT id, meeting_id, date, kind, note FROM meeting_events WHERE meeting_id = ? ORDER BY id", id)
	if err != nil {
		return nil, fmt.Errorf("load history of meeting %d: %w", id, err)
	}
	defer rows.Close()
	var out []MeetingEvent
	for rows.Next() {
		var e MeetingEvent
		if err := rows.Scan(&e.ID, &e.MeetingID, &e.Date, &e.Kind, &e.Note); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// DeleteMeeting removes a meeting with its attendance, declarations, items, questions and
// resolutions. Its actions stay in the action log (they outlive meetings) with their
// reference, meeting date and minute number; only the link to the meeting is cleared.
func (s *Store) DeleteMeeting(id int64) error {
	return s.update(func(tx *sql.Tx) error {
		var bodyID int64
		if err := tx.QueryRow("SELECT body_id FROM meetings WHERE id = ?", id).Scan(&bodyID); err != nil {
			return notFound(err, "meeting", id)
		}
		if err := unindexWhere(tx, "meeting_id = ? AND kind <> 'action'", id); err != nil {
			return err
		}
		if err := keepExemptFlag(tx, "meeting_id = ?", id); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM meetings WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete meeting %d: %w", id, err)
		}
		if _, err := tx.Exec("UPDATE search SET meeting_id = NULL, item_id = NULL WHERE kind = 'action' AND meeting_id = ?", id); err != nil {
			return fmt.Errorf("delete meeting %d: %w", id, err)
		}
		return renumberBody(tx, bodyID)
	})
}

// Meeting loads one meeting's own details.
func (s *Store) Meeting(id int64) (Meeting, error) {
	m, err := scanMeeting(s.db.QueryRow("SELECT "+meetingColumns+" FROM meetings WHERE id = ?", id))
	return m, notFound(err, "meeting", id)
}

// MeetingSummary is a meeting as a list shows it.
type MeetingSummary struct {
	Meeting
	Items   int
	Actions int
}

// Meetings lists a body's meetings, newest first (bodyID 0: every body's).
func (s *Store) Meetings(bodyID int64) ([]MeetingSummary, error) {
	rows, err := s.db.Query(`SELECT `+meetingColumns+`,
		(SELECT count(*) FROM items i WHERE i.meeting_id = meetings.id),
		(SELECT count(*) FROM actions a WHERE a.meeting_id = meetings.id)
		FROM meetings WHERE ?1 = 0 OR body_id = ?1 ORDER BY date DESC, id DESC`, bodyID)
	if err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	defer rows.Close()
	var out []MeetingSummary
	for rows.Next() {
		var ms MeetingSummary
		m := &ms.Meeting
		if err := rows.Scan(&m.ID, &m.BodyID, &m.Date, &m.StartTime, &m.Venue, &m.Title, &m.Status, &m.ChairID,
			&m.ApprovedAtID, &m.ApprovedOn, &m.Amendments, &m.Version, &m.Ended, &ms.Items, &ms.Actions); err != nil {
			return nil, err
		}
		out = append(out, ms)
	}
	return out, rows.Err()
}

// editable refuses changes to an approved meeting.
func editable(tx *sql.Tx, meetingID int64) error {
	var status string
	if err := tx.QueryRow("SELECT status FROM meetings WHERE id = ?", meetingID).Scan(&status); err != nil {
		return notFound(err, "meeting", meetingID)
	}
	if status == StatusApproved {
		return fmt.Errorf("meeting %d: %w; reopen it for editing first", meetingID, ErrReadOnly)
	}
	return nil
}

// FullMeeting is a meeting with everything in it, as the editor and the minutes need it.
type FullMeeting struct {
	Meeting
	Body         Body
	Chair        Person // zero when not recorded
	Attendance   []Attendance
	Declarations []Declaration
	Items        []FullItem
	// Actions raised at the meeting but not tied to an item.
	Actions []Action
	// Roster is the body's membership as the minute book keeps it (see Store.Roster): the
	// members a Panel's veto is counted against, with the attendance adding only those it
	// lacks. LoadMeeting fills it; it is empty when the minute book lists no members.
	Roster []Person
}

// FullItem is an agenda item with its documents, questions, resolutions and actions.
type FullItem struct {
	Item
	Documents   []Document
	Questions   []Question
	Resolutions []Resolution
	Votes       []Vote // at most one a resolution, in the order of the resolutions
	Actions     []Action
}

// LoadMeeting reads a meeting with everything in it, in one consistent read.
func (s *Store) LoadMeeting(id int64) (*FullMeeting, error) {
	var fm *FullMeeting
	err := s.view(func(tx *sql.Tx) error {
		var err error
		fm, err = loadMeeting(tx, id)
		return err
	})
	return fm, err
}

func loadMeeting(tx *sql.Tx, id int64) (*FullMeeting, error) {
	m, err := scanMeeting(tx.QueryRow("SELECT "+meetingColumns+" FROM meetings WHERE id = ?", id))
	if err := notFound(err, "meeting", id); err != nil {
		return nil, err
	}
	fm := &FullMeeting{Meeting: m}
	if fm.Body, err = scanBody(tx.QueryRow("SELECT "+bodyColumns+" FROM bodies WHERE id = ?", m.BodyID)); err != nil {
		return nil, fmt.Errorf("load meeting %d: body: %w", id, err)
	}
	if m.ChairID != 0 {
		if fm.Chair, err = scanPerson(tx.QueryRow("SELECT "+personColumns+" FROM people WHERE id = ?", m.ChairID)); err != nil {
			return nil, fmt.Errorf("load meeting %d: chair: %w", id, err)
		}
	}
	if fm.Attendance, err = attendanceOf(tx, id); err != nil {
		return nil, err
	}
	// The roster is today's (memberships are not dated), so it counts only while the minutes
	// are a draft: approval writes the figure it gave into each veto (ApproveMeeting), and
	// minutes approved before that count their attendance, as they always did.
	if !m.Approved() {
		if fm.Roster, err = rosterOf(tx, m.BodyID); err != nil {
			return nil, err
		}
	}
	if fm.Declarations, err = declarationsOf(tx, id); err != nil {
		return nil, err
	}
	items, err := itemsOf(tx, id)
	if err != nil {
		return nil, err
	}
	byItem := map[int64]*FullItem{}
	fm.Items = make([]FullItem, len(items))
	for i, it := range items {
		fm.Items[i].Item = it
		byItem[it.ID] = &fm.Items[i]
	}
	docs, err := documentsOf(tx, id)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		byItem[d.ItemID].Documents = append(byItem[d.ItemID].Documents, d)
	}
	qs, err := questionsOf(tx, id)
	if err != nil {
		return nil, err
	}
	for _, q := range qs {
		byItem[q.ItemID].Questions = append(byItem[q.ItemID].Questions, q)
	}
	rs, err := resolutionsOf(tx, id)
	if err != nil {
		return nil, err
	}
	resolutionItem := map[int64]int64{}
	for _, r := range rs {
		byItem[r.ItemID].Resolutions = append(byItem[r.ItemID].Resolutions, r)
		resolutionItem[r.ID] = r.ItemID
	}
	votes, err := votesOf(tx, id)
	if err != nil {
		return nil, err
	}
	for _, v := range votes {
		it := byItem[resolutionItem[v.ResolutionID]]
		it.Votes = append(it.Votes, v)
	}
	acts, err := queryActions(tx, "WHERE a.meeting_id = ? ORDER BY a.item_id, a.id", id)
	if err != nil {
		return nil, err
	}
	for _, a := range acts {
		if it := byItem[a.ItemID]; it != nil {
			it.Actions = append(it.Actions, a)
		} else {
			fm.Actions = append(fm.Actions, a)
		}
	}
	return fm, nil
}
