package data

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/data/names"
)

// Default roles of people.
const (
	RoleMember    = "member"
	RoleCoopted   = "co-opted member"
	RolePCC       = "PCC"
	RoleOfficer   = "officer"
	RoleWitness   = "witness"
	RoleGuest     = "guest"
	roleListWords = "member, co-opted member, PCC, officer, witness or guest"
)

// Roles lists the default roles a person can have, in the order a form offers them.
var Roles = []string{RoleMember, RoleCoopted, RolePCC, RoleOfficer, RoleWitness, RoleGuest}

// Person is anyone who appears in minutes: a councillor, a co-opted independent member, the
// Police and Crime Commissioner, an officer, a witness.
type Person struct {
	ID        int64
	BodyID    int64  // the body they usually sit on or serve; 0 for none
	Title     string // "Cllr", "Mr", "Dr"
	Name      string // "Barrie Patman"
	Authority string // "Reading Borough Council"
	Role      string // one of Roles
	Retired   bool   // no longer offered for new meetings; kept for the minutes that name them
	Version   int64
}

// DisplayName is how minutes print the person: "Cllr Barrie Patman".
func (p Person) DisplayName() string {
	return strings.TrimSpace(p.Title + " " + p.Name)
}

// SamePerson reports whether two names name one person: titles aside ("Cllr Jane Smith",
// "Councillor Jane Smith" and "Jane Smith" are one), and case and diacritics folded.
func SamePerson(a, b string) bool { return names.Same(a, b, Fold) }

// IsMember reports whether the person sits on the body (and so appears in its attendance).
func (p Person) IsMember() bool { return p.Role == RoleMember || p.Role == RoleCoopted }

// Validate checks the person before they are saved.
func (p *Person) Validate() error {
	p.Name = strings.TrimSpace(p.Name)
	p.Title = strings.TrimSpace(p.Title)
	p.Authority = strings.TrimSpace(p.Authority)
	if p.Name == "" {
		return invalid("Person", "name", "the name is empty")
	}
	if p.Role == "" {
		p.Role = RoleMember
	}
	for _, r := range Roles {
		if p.Role == r {
			return nil
		}
	}
	return invalid("Person", "role", "“%s” is not a role; use %s", p.Role, roleListWords)
}

const personColumns = "id, coalesce(body_id, 0), title, name, authority, role, retired, version"

// scanPeople reads the people a query of personColumns returned; err is the query's, and
// what names the query in an error.
func scanPeople(rows *sql.Rows, err error, what string) ([]Person, error) {
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func scanPerson(row interface{ Scan(...any) error }) (Person, error) {
	var p Person
	err := row.Scan(&p.ID, &p.BodyID, &p.Title, &p.Name, &p.Authority, &p.Role, &p.Retired, &p.Version)
	return p, err
}

// CreatePerson adds a person and sets p.ID.
func (s *Store) CreatePerson(p *Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error { return createPerson(tx, p) })
}

func createPerson(tx *sql.Tx, p *Person) error {
	res, err := tx.Exec(`INSERT INTO people (body_id, title, name, authority, role, retired) VALUES (?, ?, ?, ?, ?, ?)`,
		nullID(p.BodyID), p.Title, p.Name, p.Authority, p.Role, p.Retired)
	if err != nil {
		return fmt.Errorf("create person: %w", err)
	}
	p.ID, err = res.LastInsertId()
	p.Version = 1
	return err
}

// savePerson writes a person's details (see Save; retiring them is a save with Retired set).
func savePerson(tx *sql.Tx, p *Person) error {
	return updateRow(tx, p, "body_id = ?, title = ?, name = ?, authority = ?, role = ?, retired = ?",
		nullID(p.BodyID), p.Title, p.Name, p.Authority, p.Role, p.Retired)
}

// DeletePerson removes a person who appears in no minutes. Someone named in attendance or a
// declaration is refused with a message suggesting retiring them instead.
func (s *Store) DeletePerson(id int64) error {
	return s.update(func(tx *sql.Tx) error {
		var uses int
		err := tx.QueryRow(`SELECT (SELECT count(*) FROM attendance WHERE person_id = ?1 OR substitute_for_id = ?1)
			+ (SELECT count(*) FROM declarations WHERE person_id = ?1)
			+ (SELECT count(*) FROM meetings WHERE chair_id = ?1)`, id).Scan(&uses)
		if err != nil {
			return err
		}
		if uses > 0 {
			return invalid("Person", "delete", "they appear in the minutes of past meetings; retire them instead")
		}
		res, err := tx.Exec("DELETE FROM people WHERE id = ?", id)
		if err != nil {
			return fmt.Errorf("delete person %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(sql.ErrNoRows, "person", id)
		}
		return nil
	})
}

// Person loads one person.
func (s *Store) Person(id int64) (Person, error) {
	p, err := scanPerson(s.db.QueryRow("SELECT "+personColumns+" FROM people WHERE id = ?", id))
	return p, notFound(err, "person", id)
}

// People lists the people of a body (bodyID 0: everyone), retired ones only if asked,
// ordered by role and name.
func (s *Store) People(bodyID int64, withRetired bool) ([]Person, error) {
	rows, err := s.db.Query("SELECT "+personColumns+` FROM people
		WHERE (?1 = 0 OR body_id = ?1 OR body_id IS NULL) AND (?2 OR retired = 0)
		ORDER BY CASE role WHEN 'member' THEN 0 WHEN 'co-opted member' THEN 1 WHEN 'PCC' THEN 2 WHEN 'officer' THEN 3 ELSE 4 END, name`,
		bodyID, withRetired)
	return scanPeople(rows, err, "list people")
}

// Roster lists the body's members as the minute book keeps them: the people of the body (or
// of no body) whose role is member or co-opted member and who are not retired, by name —
// the people the app lists as present at a new meeting. The minute book does not date a
// membership, so this is the roster as it stands now, not as it stood at a past meeting.
func (s *Store) Roster(bodyID int64) ([]Person, error) {
	var out []Person
	err := s.view(func(tx *sql.Tx) error {
		var err error
		out, err = rosterOf(tx, bodyID)
		return err
	})
	return out, err
}

func rosterOf(tx *sql.Tx, bodyID int64) ([]Person, error) {
	rows, err := tx.Query("SELECT "+personColumns+` FROM people
		WHERE (body_id = ? OR body_id IS NULL) AND retired = 0 AND role IN (?, ?) ORDER BY name, id`, bodyID, RoleMember, RoleCoopted)
	return scanPeople(rows, err, fmt.Sprintf("list the members of body %d", bodyID))
}
