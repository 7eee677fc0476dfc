package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// Kinds of attendance.
const (
	Present      = "present"
	Apologies    = "apologies"
	Substitute   = "substitute"
	Absent       = "absent"
	InAttendance = "in_attendance"
)

// AttendanceKinds lists the kinds in the order minutes print them.
var AttendanceKinds = []string{Present, Apologies, Substitute, Absent, InAttendance}

// Roles on the day that minutes mark beside a name.
const (
	RoleChair     = "chair"
	RoleViceChair = "vice_chair"
)

// Attendance records one person at (or absent from) a meeting.
type Attendance struct {
	ID        int64
	MeetingID int64
	PersonID  int64  // 0 for someone not in the people list
	Name      string // the display name: from the person when PersonID is set
	Kind      string // one of AttendanceKinds
	// Role is RoleChair or RoleViceChair for members, or what someone in attendance is there
	// as ("Police and Crime Commissioner", "Scrutiny Officer").
	Role            string
	SubstituteForID int64  // for Substitute: the member they stand in for
	SubstituteFor   string // that member's display name (read only)
	Arrived         string // late arrival time, "10.45am"
	Left            string // early departure time
	Position        int
	Version         int64
}

// Validate checks the attendance record before it is saved.
func (a *Attendance) Validate() error {
	a.Name = strings.TrimSpace(a.Name)
	if a.MeetingID == 0 {
		return invalid("Attendance", "meeting", "no meeting is chosen")
	}
	if a.PersonID == 0 && a.Name == "" {
		return invalid("Attendance", "name", "choose a person or type a name")
	}
	ok := false
	for _, k := range AttendanceKinds {
		ok = ok || a.Kind == k
	}
	if !ok {
		return invalid("Attendance", "kind", "“%s” is not a kind of attendance; use present, apologies, substitute, absent or in_attendance", a.Kind)
	}
	if a.Kind == Substitute && a.SubstituteForID == 0 {
		return invalid("Attendance", "substitute for", "say which member %s is substituting for", a.Name)
	}
	if a.Kind != Substitute {
		a.SubstituteForID = 0
	}
	for _, t := range []struct{ field, value string }{{"arrived", a.Arrived}, {"left", a.Left}} {
		if !validClock(t.value) {
			return invalid("Attendance", t.field, "“%s” is not a time; type it as 10.45am", t.value)
		}
	}
	a.Arrived, a.Left = normalClockOrEmpty(a.Arrived), normalClockOrEmpty(a.Left)
	return nil
}

// AddAttendance records a person's attendance at the end of the meeting's list.
func (s *Store) AddAttendance(a *Attendance) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if err := editable(tx, a.MeetingID); err != nil {
			return err
		}
		return addAttendance(tx, a)
	})
}

func addAttendance(tx *sql.Tx, a *Attendance) error {
	err := tx.QueryRow("SELECT coalesce(max(position), 0) + 1 FROM attendance WHERE meeting_id = ?", a.MeetingID).Scan(&a.Position)
	if err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO attendance (meeting_id, person_id, name, kind, role, substitute_for_id, arrived, left_at, position)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.MeetingID, nullID(a.PersonID), a.Name, a.Kind, a.Role,
		nullID(a.SubstituteForID), a.Arrived, a.Left, a.Position)
	if err != nil {
		return fmt.Errorf("add attendance: %w", err)
	}
	a.ID, err = res.LastInsertId()
	a.Version = 1
	return err
}

// saveAttendance writes a change to one attendance record (see Save).
func saveAttendance(tx *sql.Tx, a *Attendance) error {
	var meetingID int64
	if err := tx.QueryRow("SELECT meeting_id FROM attendance WHERE id = ?", a.ID).Scan(&meetingID); err != nil || meetingID != a.MeetingID {
		return notFound(sql.ErrNoRows, "attendance record", a.ID)
	}
	return updateRow(tx, a, "person_id = ?, name = ?, kind = ?, role = ?, substitute_for_id = ?, arrived = ?, left_at = ?",
		nullID(a.PersonID), a.Name, a.Kind, a.Role, nullID(a.SubstituteForID), a.Arrived, a.Left)
}

// DeleteAttendance removes one attendance record.
func (s *Store) DeleteAttendance(id int64) error { return s.deleteRow("attendance", id) }

// MoveAttendance moves a record up (delta -1) or down (+1) the meeting's list.
func (s *Store) MoveAttendance(id int64, delta int) error { return s.moveRow("attendance", id, delta) }

func attendanceOf(tx *sql.Tx, meetingID int64) ([]Attendance, error) {
	rows, err := tx.Query(`SELECT a.id, a.meeting_id, coalesce(a.person_id, 0),
		coalesce(trim(p.title || ' ' || p.name), a.name), a.kind, a.role, coalesce(a.substitute_for_id, 0),
		coalesce(trim(s.title || ' ' || s.name), ''), a.arrived, a.left_at, a.position, a.version
		FROM attendance a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN people s ON s.id = a.substitute_for_id
		WHERE a.meeting_id = ? ORDER BY a.position, a.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("load attendance: %w", err)
	}
	defer rows.Close()
	var out []Attendance
	for rows.Next() {
		var a Attendance
		if err := rows.Scan(&a.ID, &a.MeetingID, &a.PersonID, &a.Name, &a.Kind, &a.Role, &a.SubstituteForID,
			&a.SubstituteFor, &a.Arrived, &a.Left, &a.Position, &a.Version); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
