package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrStale means a save was based on an older copy of a record than the file holds: another
// window or program saved it since. The save is refused, never applied over the newer text.
var ErrStale = errors.New("changed elsewhere since it was read")

// StaleError says which record a refused save was for and which versions met.
type StaleError struct {
	Record string // "item 5", "question (2) of item 5"
	Kind   string // "item", "question"…
	ID     int64
	Based  int64 // the version the save was based on
	Now    int64 // the version in the file
}

func (e *StaleError) Error() string {
	return fmt.Sprintf("%s was changed elsewhere (another window or program) after this copy was read; "+
		"this save was not written over it", e.Record)
}

// Unwrap makes errors.Is(err, ErrStale) true.
func (e *StaleError) Unwrap() error { return ErrStale }

// Record is one of the records the clerk edits and Save writes: an item, a question, a
// resolution, an action, an attendance line, a declaration, a meeting's details, a person,
// a body, a supporting document or a vote. Each carries the version it was read at; Save refuses a
// record whose version is older than the file's, and gives it the new version when it writes.
type Record interface {
	// Stamp points at the record's id (0 for one not yet written) and its version.
	Stamp() (id, version *int64)
	// RecordKind names the kind of record: "item", "question"…
	RecordKind() string
}

// Key names a record for the screens and the journal: "item:12".
func Key(r Record) string {
	id, _ := r.Stamp()
	return fmt.Sprintf("%s:%d", r.RecordKind(), *id)
}

func (it *Item) Stamp() (id, version *int64)       { return &it.ID, &it.Version }
func (q *Question) Stamp() (id, version *int64)    { return &q.ID, &q.Version }
func (r *Resolution) Stamp() (id, version *int64)  { return &r.ID, &r.Version }
func (a *Action) Stamp() (id, version *int64)      { return &a.ID, &a.Version }
func (a *Attendance) Stamp() (id, version *int64)  { return &a.ID, &a.Version }
func (d *Declaration) Stamp() (id, version *int64) { return &d.ID, &d.Version }
func (m *Meeting) Stamp() (id, version *int64)     { return &m.ID, &m.Version }
func (p *Person) Stamp() (id, version *int64)      { return &p.ID, &p.Version }
func (b *Body) Stamp() (id, version *int64)        { return &b.ID, &b.Version }
func (d *Document) Stamp() (id, version *int64)    { return &d.ID, &d.Version }
func (v *Vote) Stamp() (id, version *int64)        { return &v.ID, &v.Version }

func (*Item) RecordKind() string        { return "item" }
func (*Question) RecordKind() string    { return "question" }
func (*Resolution) RecordKind() string  { return "resolution" }
func (*Action) RecordKind() string      { return "action" }
func (*Attendance) RecordKind() string  { return "attendance" }
func (*Declaration) RecordKind() string { return "declaration" }
func (*Meeting) RecordKind() string     { return "meeting" }
func (*Person) RecordKind() string      { return "person" }
func (*Body) RecordKind() string        { return "body" }
func (*Document) RecordKind() string    { return "document" }
func (*Vote) RecordKind() string        { return "vote" }

// newRecord returns an empty record of a kind, for reading one back from the journal.
func newRecord(kind string) Record {
	switch kind {
	case "item":
		return &Item{}
	case "question":
		return &Question{}
	case "resolution":
		return &Resolution{}
	case "action":
		return &Action{}
	case "attendance":
		return &Attendance{}
	case "declaration":
		return &Declaration{}
	case "meeting":
		return &Meeting{}
	case "person":
		return &Person{}
	case "body":
		return &Body{}
	case "document":
		return &Document{}
	case "vote":
		return &Vote{}
	}
	return nil
}

// savedRecord is a record as the journal keeps it.
type savedRecord struct {
	Kind   string          `json:"kind"`
	Record json.RawMessage `json:"record"`
}

// MarshalRecord writes a record, with its kind, as JSON: how a journal of unsaved edits keeps
// it until Save has written it.
func MarshalRecord(r Record) ([]byte, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return json.Marshal(savedRecord{Kind: r.RecordKind(), Record: b})
}

// UnmarshalRecord reads a record written by MarshalRecord.
func UnmarshalRecord(b []byte) (Record, error) {
	var sr savedRecord
	if err := json.Unmarshal(b, &sr); err != nil {
		return nil, fmt.Errorf("read a saved record: %w", err)
	}
	r := newRecord(sr.Kind)
	if r == nil {
		return nil, fmt.Errorf("read a saved record: there is no kind of record called %q", sr.Kind)
	}
	if err := json.Unmarshal(sr.Record, r); err != nil {
		return nil, fmt.Errorf("read a saved %s: %w", sr.Kind, err)
	}
	return r, nil
}

// Changes is what a save changed besides the record itself, for the screens to show without
// reading the meeting again: minute numbers that moved, and the actions the record's text
// made, changed, flagged or removed (its [Action: X] tags, a written reply to follow).
type Changes struct {
	Numbers map[int64]string // item id → its new minute number
	Actions []Action         // actions created or changed, as they now are (with their updates)
	Removed []int64          // ids of actions deleted
}

// Empty reports whether the save changed nothing but its record.
func (c Changes) Empty() bool {
	return len(c.Numbers) == 0 && len(c.Actions) == 0 && len(c.Removed) == 0
}

// Save writes a record the clerk edited, if the file still holds the version it was read at,
// and returns what else the save changed. On success the record carries its new version and
// what the store keeps for it (an item's minute number, an action's reference). A record
// whose version is older than the file's is refused with a *StaleError and nothing is
// written. An action, a declaration or a vote with no id is created; other records are created by
// their Add and Create methods.
func (s *Store) Save(r Record) (Changes, error) {
	if err := validate(r); err != nil {
		return Changes{}, err
	}
	var ch Changes
	err := s.update(func(tx *sql.Tx) error {
		meetingID, err := meetingOf(tx, r)
		if err != nil {
			return err
		}
		var before meetingState
		if meetingID != 0 {
			if before, err = readMeetingState(tx, meetingID); err != nil {
				return err
			}
		}
		if err := save(tx, r); err != nil {
			return err
		}
		if meetingID != 0 {
			after, err := readMeetingState(tx, meetingID)
			if err != nil {
				return err
			}
			ch, err = before.changes(tx, after, r)
			return err
		}
		return nil
	})
	if err != nil {
		return Changes{}, err
	}
	return ch, nil
}

func validate(r Record) error {
	v, ok := r.(interface{ Validate() error })
	if !ok {
		return fmt.Errorf("save %s: %w", r.RecordKind(), ErrInvalid)
	}
	return v.Validate()
}

// meetingOf finds the meeting whose minutes a record belongs to (0 for a person, a body or
// an action of no meeting), refusing a change to approved minutes.
func meetingOf(tx *sql.Tx, r Record) (int64, error) {
	id, _ := r.Stamp()
	switch r := r.(type) {
	case *Item:
		meetingID, err := ownerMeeting(tx, "items", r.ID)
		if err == nil && meetingID != r.MeetingID {
			return 0, invalid("Item", "meeting", "an item cannot move to another meeting")
		}
		return meetingID, err
	case *Question:
		return ownerMeeting(tx, "questions", *id)
	case *Resolution:
		return ownerMeeting(tx, "resolutions", *id)
	case *Document:
		return ownerMeeting(tx, "documents", *id)
	case *Vote:
		return ownerMeeting(tx, "resolutions", r.ResolutionID)
	case *Attendance:
		return r.MeetingID, editable(tx, r.MeetingID)
	case *Declaration:
		return r.MeetingID, editable(tx, r.MeetingID)
	case *Meeting:
		return r.ID, editable(tx, r.ID)
	case *Action:
		// Actions stay editable after their minutes are approved: the log lives on.
		return r.MeetingID, nil
	}
	return 0, nil
}

// save writes one record, checking its version.
func save(tx *sql.Tx, r Record) error {
	switch r := r.(type) {
	case *Item:
		return saveItem(tx, r)
	case *Question:
		return saveQuestion(tx, r)
	case *Resolution:
		return saveResolution(tx, r)
	case *Action:
		if r.ID == 0 {
			return createMeetingAction(tx, r)
		}
		return saveAction(tx, r)
	case *Attendance:
		return saveAttendance(tx, r)
	case *Declaration:
		if r.ID == 0 {
			return addDeclaration(tx, r)
		}
		return saveDeclaration(tx, r)
	case *Meeting:
		return saveMeeting(tx, r)
	case *Person:
		return savePerson(tx, r)
	case *Body:
		return saveBody(tx, r)
	case *Document:
		return saveDocument(tx, r)
	case *Vote:
		return saveVote(tx, r)
	}
	return fmt.Errorf("save %s: %w", r.RecordKind(), ErrInvalid)
}

// recordTables names the table of each kind of record, for the version check.
var recordTables = map[string]string{
	"item": "items", "question": "questions", "resolution": "resolutions", "action": "actions",
	"attendance": "attendance", "declaration": "declarations", "meeting": "meetings", "person": "people",
	"body": "bodies", "document": "documents", "vote": "votes",
}

// updateRow runs an UPDATE of one record's row (set: "title = ?, time = ?", with args) only
// if the row still has the record's version, and then reads the new version back. A row at
// another version is a *StaleError; no row at all is ErrNotFound.
func updateRow(tx *sql.Tx, r Record, set string, args ...any) error {
	id, version := r.Stamp()
	table := recordTables[r.RecordKind()]
	res, err := tx.Exec("UPDATE "+table+" SET "+set+" WHERE id = ? AND version = ?", append(args, *id, *version)...)
	if err != nil {
		return fmt.Errorf("save %s %d: %w", r.RecordKind(), *id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var now int64
		if err := tx.QueryRow("SELECT version FROM "+table+" WHERE id = ?", *id).Scan(&now); err != nil {
			return notFound(err, recordNames[table], *id)
		}
		return &StaleError{Record: describe(tx, r), Kind: r.RecordKind(), ID: *id, Based: *version, Now: now}
	}
	return tx.QueryRow("SELECT version FROM "+table+" WHERE id = ?", *id).Scan(version)
}

// describe names a record as a clerk would: "item 5", "question (2) of item 5".
func describe(tx *sql.Tx, r Record) string {
	id, _ := r.Stamp()
	var s string
	var err error
	switch r.(type) {
	case *Item:
		err = tx.QueryRow("SELECT 'item ' || coalesce(nullif(number, ''), '(new)') || coalesce(' “' || nullif(title, '') || '”', '') FROM items WHERE id = ?", *id).Scan(&s)
	case *Question:
		err = tx.QueryRow(`SELECT 'a question on item ' || coalesce(nullif(i.number, ''), '(new)') FROM questions q JOIN items i ON i.id = q.item_id WHERE q.id = ?`, *id).Scan(&s)
	case *Resolution:
		err = tx.QueryRow(`SELECT 'a resolution of item ' || coalesce(nullif(i.number, ''), '(new)') FROM resolutions r JOIN items i ON i.id = r.item_id WHERE r.id = ?`, *id).Scan(&s)
	case *Action:
		err = tx.QueryRow("SELECT 'action ' || coalesce(nullif(ref, ''), owner) FROM actions WHERE id = ?", *id).Scan(&s)
	case *Meeting:
		err = tx.QueryRow("SELECT 'the details of the meeting of ' || date FROM meetings WHERE id = ?", *id).Scan(&s)
		if err == nil {
			s = "the details of the meeting of " + LongDate(strings.TrimPrefix(s, "the details of the meeting of "))
		}
	case *Person:
		err = tx.QueryRow("SELECT trim(title || ' ' || name) FROM people WHERE id = ?", *id).Scan(&s)
	case *Attendance:
		err = tx.QueryRow("SELECT 'the attendance of ' || coalesce((SELECT trim(p.title || ' ' || p.name) FROM people p WHERE p.id = a.person_id), a.name) FROM attendance a WHERE a.id = ?", *id).Scan(&s)
	case *Declaration:
		s = "a declaration of interest"
	case *Body:
		err = tx.QueryRow("SELECT name FROM bodies WHERE id = ?", *id).Scan(&s)
	case *Document:
		err = tx.QueryRow("SELECT 'the document “' || title || '”' FROM documents WHERE id = ?", *id).Scan(&s)
	case *Vote:
		err = tx.QueryRow(`SELECT 'the vote on a resolution of item ' || coalesce(nullif(i.number, ''), '(new)') FROM votes v
			JOIN resolutions r ON r.id = v.resolution_id JOIN items i ON i.id = r.item_id WHERE v.id = ?`, *id).Scan(&s)
	}
	if err != nil || s == "" {
		return fmt.Sprintf("%s %d", r.RecordKind(), *id)
	}
	return s
}

// meetingState is what a save may change of a meeting besides its record: the minute numbers
// and the actions.
type meetingState struct {
	numbers map[int64]string
	actions map[int64]string // id → its version and what the store keeps for it
}

func readMeetingState(tx *sql.Tx, meetingID int64) (meetingState, error) {
	st := meetingState{numbers: map[int64]string{}, actions: map[int64]string{}}
	rows, err := tx.Query("SELECT id, number FROM items WHERE meeting_id = ?", meetingID)
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return st, err
		}
		st.numbers[id] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, err
	}
	rows, err = tx.Query(`SELECT id, version || '|' || coalesce(item_id, 0) || '|' || ref || '|' || minute || '|' || meeting_date || '|' ||
		(SELECT count(*) FROM action_updates u WHERE u.action_id = actions.id) FROM actions WHERE meeting_id = ?`, meetingID)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var v string
		if err := rows.Scan(&id, &v); err != nil {
			return st, err
		}
		st.actions[id] = v
	}
	return st, rows.Err()
}

// changes compares the state before a save with the state after, leaving out the record
// saved, and loads the actions that changed.
func (before meetingState) changes(tx *sql.Tx, after meetingState, saved Record) (Changes, error) {
	var ch Changes
	for id, n := range after.numbers {
		if was, ok := before.numbers[id]; !ok || was != n {
			if ch.Numbers == nil {
				ch.Numbers = map[int64]string{}
			}
			ch.Numbers[id] = n
		}
	}
	self := int64(0)
	if a, ok := saved.(*Action); ok && a != nil {
		self = a.ID
	}
	var ids []any
	var marks []string
	for id, v := range after.actions {
		if was, ok := before.actions[id]; (!ok || was != v) && id != self {
			ids = append(ids, id)
			marks = append(marks, "?")
		}
	}
	for id := range before.actions {
		if _, ok := after.actions[id]; !ok {
			ch.Removed = append(ch.Removed, id)
		}
	}
	if len(ids) > 0 {
		acts, err := queryActions(tx, "WHERE a.id IN ("+strings.Join(marks, ", ")+") ORDER BY "+actionOrder, ids...)
		if err != nil {
			return ch, err
		}
		ch.Actions = acts
	}
	return ch, nil
}

// ErrOf is the error of a save, for callers that need nothing else of it.
func ErrOf(_ Changes, err error) error { return err }

// Current reads the record as the file holds it now: after a refused save, the newer copy
// to show the clerk.
func (s *Store) Current(r Record) (Record, error) {
	idp, _ := r.Stamp()
	id := *idp
	switch r.(type) {
	case *Item:
		it, err := s.Item(id)
		return &it, err
	case *Action:
		a, err := s.Action(id)
		return &a, err
	case *Meeting:
		m, err := s.Meeting(id)
		return &m, err
	case *Person:
		p, err := s.Person(id)
		return &p, err
	case *Body:
		b, err := s.Body(id)
		return &b, err
	}
	var meetingID int64
	err := s.view(func(tx *sql.Tx) error {
		var err error
		switch r := r.(type) {
		case *Attendance:
			meetingID = r.MeetingID
		case *Declaration:
			meetingID = r.MeetingID
		case *Vote:
			err = tx.QueryRow(ownerSQL["resolutions"], r.ResolutionID).Scan(&meetingID)
		default:
			err = tx.QueryRow(ownerSQL[recordTables[r.RecordKind()]], id).Scan(&meetingID)
		}
		return notFound(err, r.RecordKind(), id)
	})
	if err != nil {
		return nil, err
	}
	fm, err := s.LoadMeeting(meetingID)
	if err != nil {
		return nil, err
	}
	find := func(match func(Record) bool) (Record, error) {
		for i := range fm.Attendance {
			if match(&fm.Attendance[i]) {
				return &fm.Attendance[i], nil
			}
		}
		for i := range fm.Declarations {
			if match(&fm.Declarations[i]) {
				return &fm.Declarations[i], nil
			}
		}
		for _, it := range fm.Items {
			for i := range it.Questions {
				if match(&it.Questions[i]) {
					return &it.Questions[i], nil
				}
			}
			for i := range it.Resolutions {
				if match(&it.Resolutions[i]) {
					return &it.Resolutions[i], nil
				}
			}
			for i := range it.Documents {
				if match(&it.Documents[i]) {
					return &it.Documents[i], nil
				}
			}
			for i := range it.Votes {
				if match(&it.Votes[i]) {
					return &it.Votes[i], nil
				}
			}
		}
		return nil, notFound(sql.ErrNoRows, r.RecordKind(), id)
	}
	return find(func(c Record) bool {
		cid, _ := c.Stamp()
		return c.RecordKind() == r.RecordKind() && *cid == id
	})
}

// SameContent reports whether two copies of a record say the same, whatever their versions.
func SameContent(a, b Record) bool {
	_, va := a.Stamp()
	_, vb := b.Stamp()
	sa, sb := *va, *vb
	*va, *vb = 0, 0
	ja, errA := MarshalRecord(a)
	jb, errB := MarshalRecord(b)
	*va, *vb = sa, sb
	return errA == nil && errB == nil && string(ja) == string(jb)
}
