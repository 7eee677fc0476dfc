package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// Kinds of declared interest, under the members' code of conduct.
const (
	InterestPecuniary      = "pecuniary"       // disclosable pecuniary interest
	InterestRegistrable    = "registrable"     // other registrable interest
	InterestNonRegistrable = "non_registrable" // non-registrable interest
)

// InterestKinds lists the kinds of interest with the words minutes use for them.
var InterestKinds = map[string]string{
	InterestPecuniary:      "disclosable pecuniary interest",
	InterestRegistrable:    "other registrable interest",
	InterestNonRegistrable: "non-registrable interest",
}

// Declaration is a member's declaration of interest at a meeting.
type Declaration struct {
	ID        int64
	MeetingID int64
	PersonID  int64
	Name      string // the member's display name (read only)
	ItemID    int64  // the item it concerns; 0 for the meeting as a whole
	// ItemPosition names the item by its place on the agenda (1, 2…) instead of ItemID when
	// a whole meeting is written at once (AddFullMeeting), before the items have ids.
	ItemPosition int
	Kind         string // one of InterestKinds' keys
	Text         string // what the interest is
	LeftRoom     bool   // whether they left the room for the item
	Version      int64
}

// Validate checks the declaration before it is saved.
func (d *Declaration) Validate() error {
	d.Text = strings.TrimSpace(d.Text)
	if d.MeetingID == 0 {
		return invalid("Declaration", "meeting", "no meeting is chosen")
	}
	if d.PersonID == 0 {
		return invalid("Declaration", "member", "choose the member declaring the interest")
	}
	if _, ok := InterestKinds[d.Kind]; !ok {
		return invalid("Declaration", "kind", "“%s” is not a kind of interest; use pecuniary, registrable or non_registrable", d.Kind)
	}
	if d.Text == "" {
		return invalid("Declaration", "interest", "say what the interest is")
	}
	return nil
}

// AddDeclaration records a declaration of interest.
func (s *Store) AddDeclaration(d *Declaration) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if err := editable(tx, d.MeetingID); err != nil {
			return err
		}
		return addDeclaration(tx, d)
	})
}

func addDeclaration(tx *sql.Tx, d *Declaration) error {
	res, err := tx.Exec(`INSERT INTO declarations (meeting_id, person_id, item_id, kind, text, left_room) VALUES (?, ?, ?, ?, ?, ?)`,
		d.MeetingID, d.PersonID, nullID(d.ItemID), d.Kind, d.Text, d.LeftRoom)
	if err != nil {
		return fmt.Errorf("add declaration: %w", err)
	}
	d.ID, err = res.LastInsertId()
	d.Version = 1
	return err
}

// saveDeclaration writes a change to a declaration (see Save).
func saveDeclaration(tx *sql.Tx, d *Declaration) error {
	var meetingID int64
	if err := tx.QueryRow("SELECT meeting_id FROM declarations WHERE id = ?", d.ID).Scan(&meetingID); err != nil || meetingID != d.MeetingID {
		return notFound(sql.ErrNoRows, "declaration", d.ID)
	}
	return updateRow(tx, d, "person_id = ?, item_id = ?, kind = ?, text = ?, left_room = ?",
		d.PersonID, nullID(d.ItemID), d.Kind, d.Text, d.LeftRoom)
}

// DeleteDeclaration removes a declaration.
func (s *Store) DeleteDeclaration(id int64) error { return s.deleteRow("declarations", id) }

func declarationsOf(tx *sql.Tx, meetingID int64) ([]Declaration, error) {
	rows, err := tx.Query(`SELECT d.id, d.meeting_id, coalesce(d.person_id, 0), coalesce(trim(p.title || ' ' || p.name), ''),
		coalesce(d.item_id, 0), d.kind, d.text, d.left_room, d.version
		FROM declarations d LEFT JOIN people p ON p.id = d.person_id WHERE d.meeting_id = ? ORDER BY d.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("load declarations: %w", err)
	}
	defer rows.Close()
	var out []Declaration
	for rows.Next() {
		var d Declaration
		if err := rows.Scan(&d.ID, &d.MeetingID, &d.PersonID, &d.Name, &d.ItemID, &d.Kind, &d.Text, &d.LeftRoom, &d.Version); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
