package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// Numbering schemes for minutes.
const (
	// NumberPerMeeting numbers each meeting's items 1, 2, 3…
	NumberPerMeeting = "meeting"
	// NumberByYear numbers items in one running sequence through the municipal year
	// (which starts in May), with the short code in front and the year after: PCP 39/23.
	NumberByYear = "year"
)

// Body is a panel, committee or board whose meetings are minuted.
type Body struct {
	ID           int64
	Name         string // "Thames Valley Police and Crime Panel"
	ShortCode    string // "PCP", used in minute numbers and action references
	Numbering    string // NumberPerMeeting or NumberByYear
	ChairTitle   string // the signature line: "Chair" or "Chairman"
	DefaultVenue string
	DefaultTime  string
	Version      int64
}

// Validate checks the body before it is saved.
func (b *Body) Validate() error {
	b.Name = strings.TrimSpace(b.Name)
	b.ShortCode = strings.TrimSpace(b.ShortCode)
	if b.Name == "" {
		return invalid("Body", "name", "the name is empty")
	}
	if len([]rune(b.ShortCode)) > 12 {
		return invalid("Body", "short code", "“%s” is too long; use at most 12 characters, like PCP", b.ShortCode)
	}
	if b.Numbering == "" {
		b.Numbering = NumberPerMeeting
	}
	if b.Numbering != NumberPerMeeting && b.Numbering != NumberByYear {
		return invalid("Body", "numbering", "“%s” is not a numbering scheme; use %q or %q", b.Numbering, NumberPerMeeting, NumberByYear)
	}
	if b.ChairTitle == "" {
		b.ChairTitle = "Chair"
	}
	if !validClock(b.DefaultTime) {
		return invalid("Body", "usual start time", "“%s” is not a time; type it as 10.30am", b.DefaultTime)
	}
	b.DefaultTime = normalClockOrEmpty(b.DefaultTime)
	return nil
}

func normalClockOrEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return NormalClock(s)
}

const bodyColumns = "id, name, short_code, numbering, chair_title, default_venue, default_time, version"

func scanBody(row interface{ Scan(...any) error }) (Body, error) {
	var b Body
	err := row.Scan(&b.ID, &b.Name, &b.ShortCode, &b.Numbering, &b.ChairTitle, &b.DefaultVenue, &b.DefaultTime, &b.Version)
	return b, err
}

// CreateBody adds a body and sets b.ID.
func (s *Store) CreateBody(b *Body) error {
	if err := b.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error { return insertBody(tx, b) })
}

// insertBody writes a new, validated body in tx and sets b.ID: for CreateBody, and for an
// import that names a body the database does not hold yet.
func insertBody(tx *sql.Tx, b *Body) error {
	res, err := tx.Exec(`INSERT INTO bodies (name, short_code, numbering, chair_title, default_venue, default_time)
		VALUES (?, ?, ?, ?, ?, ?)`, b.Name, b.ShortCode, b.Numbering, b.ChairTitle, b.DefaultVenue, b.DefaultTime)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return invalid("Body", "name", "there is already a body called “%s”", b.Name)
		}
		return fmt.Errorf("create body: %w", err)
	}
	b.ID, err = res.LastInsertId()
	b.Version = 1
	return err
}

// saveBody writes a body's details (see Save). Changing its numbering scheme or short code
// renumbers every minute and action reference of the body.
func saveBody(tx *sql.Tx, b *Body) error {
	err := updateRow(tx, b, "name = ?, short_code = ?, numbering = ?, chair_title = ?, default_venue = ?, default_time = ?",
		b.Name, b.ShortCode, b.Numbering, b.ChairTitle, b.DefaultVenue, b.DefaultTime)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return invalid("Body", "name", "there is already a body called “%s”", b.Name)
		}
		return err
	}
	return renumberBody(tx, b.ID)
}

// DeleteBody removes a body with all its meetings and actions.
func (s *Store) DeleteBody(id int64) error {
	return s.update(func(tx *sql.Tx) error {
		if err := unindexWhere(tx, "meeting_id IN (SELECT id FROM meetings WHERE body_id = ?)", id); err != nil {
			return err
		}
		if err := unindexWhere(tx, "kind = 'action' AND record_id IN (SELECT id FROM actions WHERE body_id = ?)", id); err != nil {
			return err
		}
		_, err := tx.Exec("DELETE FROM bodies WHERE id = ?", id)
		return err
	})
}

// Body loads one body.
func (s *Store) Body(id int64) (Body, error) {
	b, err := scanBody(s.db.QueryRow("SELECT "+bodyColumns+" FROM bodies WHERE id = ?", id))
	return b, notFound(err, "body", id)
}

// BodyByName finds a body by its name or short code, ignoring case.
func (s *Store) BodyByName(name string) (Body, error) {
	b, err := scanBody(s.db.QueryRow("SELECT "+bodyColumns+` FROM bodies
		WHERE lower(name) = lower(?) OR (short_code <> '' AND lower(short_code) = lower(?))
		ORDER BY lower(name) = lower(?) DESC LIMIT 1`, name, name, name))
	if err == sql.ErrNoRows {
		return b, fmt.Errorf("no body called “%s”: %w", name, ErrNotFound)
	}
	return b, err
}

// Bodies lists every body by name.
func (s *Store) Bodies() ([]Body, error) {
	rows, err := s.db.Query("SELECT " + bodyColumns + " FROM bodies ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list bodies: %w", err)
	}
	defer rows.Close()
	var out []Body
	for rows.Next() {
		b, err := scanBody(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
