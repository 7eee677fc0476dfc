package data

import (
	"database/sql"
	"fmt"
)

// DuplicateMeeting makes the next meeting from meeting id: the same body, with next's date,
// start time, venue and title, and the same agenda shape — the items' titles in order, with
// their exempt flag and Schedule 12A paragraph — but no times, summaries, minutes,
// questions, resolutions or actions. The attendance lists the body's current members as
// present, keeps the Chair and Vice-Chair of the earlier meeting where they are still
// members, and keeps those who were in attendance (officers, the PCC) in attendance. It is
// written in one transaction and returns the new meeting.
func (s *Store) DuplicateMeeting(id int64, next Meeting) (Meeting, error) {
	var out Meeting
	err := s.update(func(tx *sql.Tx) error {
		src, err := loadMeeting(tx, id)
		if err != nil {
			return err
		}
		m := Meeting{BodyID: src.BodyID, Date: next.Date, StartTime: next.StartTime, Venue: next.Venue,
			Title: next.Title, ChairID: src.ChairID}
		if err := m.Validate(); err != nil {
			return err
		}
		if err := createMeeting(tx, &m); err != nil {
			return err
		}
		people, err := currentMembers(tx, src.BodyID)
		if err != nil {
			return err
		}
		roles := map[int64]string{}
		for _, a := range src.Attendance {
			if a.PersonID != 0 && (a.Role == RoleChair || a.Role == RoleViceChair) {
				roles[a.PersonID] = a.Role
			}
		}
		chairStays := false
		for _, p := range people {
			a := &Attendance{MeetingID: m.ID, PersonID: p, Kind: Present, Role: roles[p]}
			chairStays = chairStays || p == m.ChairID
			if err := addAttendance(tx, a); err != nil {
				return err
			}
		}
		for _, a := range src.Attendance {
			if a.Kind != InAttendance {
				continue
			}
			b := &Attendance{MeetingID: m.ID, PersonID: a.PersonID, Name: a.Name, Kind: InAttendance, Role: a.Role}
			if err := addAttendance(tx, b); err != nil {
				return err
			}
		}
		if !chairStays && m.ChairID != 0 {
			if _, err := tx.Exec("UPDATE meetings SET chair_id = NULL WHERE id = ?", m.ID); err != nil {
				return err
			}
			m.ChairID = 0
		}
		for _, it := range src.Items {
			n := &Item{MeetingID: m.ID, Title: it.Title, Exempt: it.Exempt, ExemptParagraph: it.ExemptParagraph}
			if err := addItemRow(tx, n); err != nil {
				return err
			}
			if err := indexItem(tx, n); err != nil {
				return err
			}
		}
		if err := renumberMeeting(tx, m.ID); err != nil {
			return fmt.Errorf("number the next meeting: %w", err)
		}
		out = m
		return nil
	})
	return out, err
}

// currentMembers lists the ids of the body's members and co-opted members who are not
// retired, in the order the people list gives them.
func currentMembers(tx *sql.Tx, bodyID int64) ([]int64, error) {
	rows, err := tx.Query(`SELECT id FROM people WHERE body_id = ? AND retired = 0 AND role IN (?, ?)
		ORDER BY CASE role WHEN 'member' THEN 0 ELSE 1 END, name`, bodyID, RoleMember, RoleCoopted)
	if err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
