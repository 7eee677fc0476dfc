package data

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Action statuses.
const (
	ActionOpen       = "open"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionDropped    = "dropped"
)

// ActionStatuses lists the statuses in the order a form offers them.
var ActionStatuses = []string{ActionOpen, ActionInProgress, ActionDone, ActionDropped}

// StatusWords are the words documents print for each status.
var StatusWords = map[string]string{
	ActionOpen: "Open", ActionInProgress: "In progress", ActionDone: "Done", ActionDropped: "Dropped",
}

// Today returns the date the store uses for "now" (completion dates, status updates); tests
// replace it.
var Today = func() string { return time.Now().Format(DateLayout) }

// Action is something a meeting asked to be done. Actions live across meetings until they
// are done or dropped; deleting the meeting or item that raised one keeps the action.
type Action struct {
	ID         int64
	BodyID     int64
	MeetingID  int64 // 0 once the meeting is deleted
	ItemID     int64 // 0 for an action of the meeting as a whole
	QuestionID int64 // set when a question raised it
	// Ref, MeetingDate and Minute are kept by the store from the minute numbering:
	// "PCP 39/23-A1", "2023-09-15", "PCP 39/23".
	Ref         string
	MeetingDate string
	Minute      string
	Owner       string // "PCC", "Scrutiny Officer", a person's name
	Text        string // what is to be done
	Due         string // YYYY-MM-DD or empty
	Status      string // one of ActionStatuses
	Completed   string // YYYY-MM-DD, set when it is done
	Created     string // YYYY-MM-DD
	// Source says how it arose: "" typed by the clerk, "tag" from an [Action: X] tag,
	// "written_reply" from a question's written reply to follow.
	Source string
	// Flag is set when the tag behind the action left the text but the action had history;
	// the clerk decides whether to keep or delete it.
	Flag    string
	Exempt  bool // the item it came from is exempt (read only)
	Updates []ActionUpdate
	Version int64
}

// ActionUpdate is a dated note of progress on an action, or a dated change of its status.
type ActionUpdate struct {
	ID       int64
	ActionID int64
	Date     string
	Text     string
	// Status is the status the update set the action to (a change of status, recorded by
	// SetActionStatus or UpdateAction), or empty for a plain progress note.
	Status string
}

// statusChangeTexts are the words recorded for a change of status made without a note.
var statusChangeTexts = map[string]string{
	ActionOpen: "Marked open.", ActionInProgress: "Marked in progress.", ActionDone: "Marked done.", ActionDropped: "Dropped.",
}

// StatusChangeText is the text recorded for a change to status made without a note.
func StatusChangeText(status string) string { return statusChangeTexts[status] }

// HasNote reports whether the update says something in words: a progress note, or a change of
// status with a note of its own (not just the words StatusChangeText records).
func (u ActionUpdate) HasNote() bool {
	return u.Text != "" && (u.Status == "" || u.Text != StatusChangeText(u.Status))
}

// Validate checks the action before it is saved.
func (a *Action) Validate() error {
	a.Owner, a.Text = strings.TrimSpace(a.Owner), strings.TrimSpace(cleanText(a.Text))
	if a.BodyID == 0 && a.MeetingID == 0 {
		return invalid("Action", "meeting", "an action belongs to a meeting or at least a body")
	}
	if a.Owner == "" {
		return invalid("Action", "owner", "say who is to do it (the PCC, the Scrutiny Officer, a name)")
	}
	if a.Text == "" {
		return invalid("Action", "action", "say what is to be done")
	}
	if a.Status == "" {
		a.Status = ActionOpen
	}
	if _, ok := StatusWords[a.Status]; !ok {
		return invalid("Action", "status", "“%s” is not a status; use open, in_progress, done or dropped", a.Status)
	}
	if !validDate(a.Due) {
		d, err := ParseDate(a.Due)
		if err != nil {
			return invalid("Action", "due date", "%v", err)
		}
		a.Due = d
	}
	if !validDate(a.Completed) {
		return invalid("Action", "completed", "“%s” is not a date (YYYY-MM-DD)", a.Completed)
	}
	if a.Status == ActionDone && a.Completed == "" {
		a.Completed = Today()
	}
	if a.Status != ActionDone {
		a.Completed = ""
	}
	return nil
}

// Validate checks the update before it is saved.
func (u *ActionUpdate) Validate() error {
	u.Text = strings.TrimSpace(cleanText(u.Text))
	if u.Date == "" {
		u.Date = Today()
	}
	if !validDate(u.Date) {
		d, err := ParseDate(u.Date)
		if err != nil {
			return invalid("Update", "date", "%v", err)
		}
		u.Date = d
	}
	if _, ok := StatusWords[u.Status]; u.Status != "" && !ok {
		return invalid("Update", "status", "“%s” is not a status; use open, in_progress, done or dropped", u.Status)
	}
	if u.Text == "" && u.Status == "" {
		return invalid("Update", "text", "the update is empty")
	}
	return nil
}

// CreateAction adds an action and sets a.ID and a.Ref.
func (s *Store) CreateAction(a *Action) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error { return createMeetingAction(tx, a) })
}

// createAction inserts an action. One raised at a meeting has no reference until the caller
// renumbers the meeting (renumberMeeting), which also indexes it for search.
func createAction(tx *sql.Tx, a *Action) error {
	if a.MeetingID != 0 {
		if err := tx.QueryRow("SELECT body_id FROM meetings WHERE id = ?", a.MeetingID).Scan(&a.BodyID); err != nil {
			return notFound(err, "meeting", a.MeetingID)
		}
	}
	if a.Created == "" {
		a.Created = Today()
	}
	res, err := tx.Exec(`INSERT INTO actions (body_id, meeting_id, item_id, question_id, ref, owner, text, due, status, completed,
		source, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.BodyID, nullID(a.MeetingID), nullID(a.ItemID),
		nullID(a.QuestionID), a.Ref, a.Owner, a.Text, a.Due, a.Status, a.Completed, a.Source, a.Created)
	if err != nil {
		return fmt.Errorf("create action: %w", err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if a.MeetingID != 0 {
		return nil // renumbering gives it a reference and indexes it
	}
	return reindexAction(tx, a.ID)
}

// createMeetingAction adds an action the clerk typed (see Save) and gives it its reference.
func createMeetingAction(tx *sql.Tx, a *Action) error {
	if err := createAction(tx, a); err != nil {
		return err
	}
	if a.MeetingID != 0 {
		if err := renumberMeeting(tx, a.MeetingID); err != nil {
			return err
		}
	}
	return tx.QueryRow("SELECT ref, meeting_date, minute, version FROM actions WHERE id = ?", a.ID).Scan(&a.Ref, &a.MeetingDate, &a.Minute, &a.Version)
}

// saveAction writes an action's owner, text, due date, status and completion date (see
// Save). Actions stay editable after the minutes that raised them are approved. A change of
// status is recorded in the action's history, dated the completion date for done and today
// otherwise; SetActionStatus records one with a date and a note of the clerk's choosing.
func saveAction(tx *sql.Tx, a *Action) error {
	var was string
	if err := tx.QueryRow("SELECT status FROM actions WHERE id = ?", a.ID).Scan(&was); err != nil {
		return notFound(err, "action", a.ID)
	}
	err := updateRow(tx, a, "owner = ?, text = ?, due = ?, status = ?, completed = ?, flag = ?",
		a.Owner, a.Text, a.Due, a.Status, a.Completed, a.Flag)
	if err != nil {
		return err
	}
	if was != a.Status {
		date := Today()
		if a.Status == ActionDone {
			date = a.Completed
		}
		u := ActionUpdate{ActionID: a.ID, Date: date, Text: StatusChangeText(a.Status), Status: a.Status}
		if err := insertActionUpdate(tx, &u); err != nil {
			return err
		}
	}
	return reindexAction(tx, a.ID)
}

// SetActionStatus changes an action's status on a date (YYYY-MM-DD or as a clerk types it;
// empty for today), with an optional note, and records the change in its history. Marking it
// done records the date as its completion date; any other status clears that. Setting the
// status it already has only records the note, if there is one. The date cannot be in the
// future, before the meeting that raised the action, or before its last change of status.
func (s *Store) SetActionStatus(id int64, status, date, note string) error {
	if status == "" {
		return invalid("Status change", "status", "no status is given; use open, in_progress, done or dropped")
	}
	u := ActionUpdate{ActionID: id, Date: date, Text: note, Status: status}
	if err := u.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error { return setActionStatus(tx, &u) })
}

// setActionStatus applies the change of status u records (u.Text is the clerk's note, maybe
// empty) and sets u.ID to the update it wrote, or 0 if nothing needed writing.
func setActionStatus(tx *sql.Tx, u *ActionUpdate) error {
	if u.Date > Today() {
		return invalid("Status change", "date", "%s is in the future", LongDate(u.Date))
	}
	var was, raised, lastChange string
	err := tx.QueryRow(`SELECT a.status, CASE WHEN a.meeting_date <> '' THEN a.meeting_date ELSE a.created END,
		coalesce((SELECT max(u.date) FROM action_updates u WHERE u.action_id = a.id AND u.status <> ''), '')
		FROM actions a WHERE a.id = ?`, u.ActionID).Scan(&was, &raised, &lastChange)
	if err != nil {
		return notFound(err, "action", u.ActionID)
	}
	if u.Date < raised {
		return invalid("Status change", "date", "the action was raised on %s; its status cannot change before then", LongDate(raised))
	}
	if u.Date < lastChange {
		return invalid("Status change", "date", "the action's status last changed on %s; a later change cannot be dated before it", LongDate(lastChange))
	}
	if u.Status == was {
		u.Status = ""
		if u.Text == "" {
			return nil
		}
		return addActionUpdate(tx, u)
	}
	completed := ""
	if u.Status == ActionDone {
		completed = u.Date
	}
	if _, err := tx.Exec("UPDATE actions SET status = ?, completed = ? WHERE id = ?", u.Status, completed, u.ActionID); err != nil {
		return fmt.Errorf("change the status of action %d: %w", u.ActionID, err)
	}
	if u.Text == "" {
		u.Text = StatusChangeText(u.Status)
	}
	return addActionUpdate(tx, u)
}

// DeleteAction removes an action and its updates.
func (s *Store) DeleteAction(id int64) error {
	return s.update(func(tx *sql.Tx) error {
		if err := unindex(tx, FoundAction, id); err != nil {
			return err
		}
		res, err := tx.Exec("DELETE FROM actions WHERE id = ?", id)
		if err != nil {
			return fmt.Errorf("delete action %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(sql.ErrNoRows, "action", id)
		}
		return nil
	})
}

// AddActionUpdate records a dated progress note on an action. An update with a Status changes
// the action's status as SetActionStatus does, with the update's text as its note.
func (s *Store) AddActionUpdate(u *ActionUpdate) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if u.Status != "" {
			return setActionStatus(tx, u)
		}
		return addActionUpdate(tx, u)
	})
}

func addActionUpdate(tx *sql.Tx, u *ActionUpdate) error {
	if err := insertActionUpdate(tx, u); err != nil {
		return err
	}
	return reindexAction(tx, u.ActionID)
}

// insertActionUpdate writes the update without reindexing the action.
func insertActionUpdate(tx *sql.Tx, u *ActionUpdate) error {
	res, err := tx.Exec("INSERT INTO action_updates (action_id, date, text, status) VALUES (?, ?, ?, ?)",
		u.ActionID, u.Date, u.Text, u.Status)
	if err != nil {
		if strings.Contains(err.Error(), "FOREIGN KEY") {
			return notFound(sql.ErrNoRows, "action", u.ActionID)
		}
		return fmt.Errorf("add update to action %d: %w", u.ActionID, err)
	}
	u.ID, err = res.LastInsertId()
	return err
}

// DeleteActionUpdate removes one progress note.
func (s *Store) DeleteActionUpdate(id int64) error {
	return s.update(func(tx *sql.Tx) error {
		var actionID int64
		if err := tx.QueryRow("SELECT action_id FROM action_updates WHERE id = ?", id).Scan(&actionID); err != nil {
			return notFound(err, "update", id)
		}
		if _, err := tx.Exec("DELETE FROM action_updates WHERE id = ?", id); err != nil {
			return err
		}
		return reindexAction(tx, actionID)
	})
}

// Action loads one action with its updates.
func (s *Store) Action(id int64) (Action, error) {
	var out []Action
	err := s.view(func(tx *sql.Tx) error {
		var err error
		out, err = queryActions(tx, "WHERE a.id = ?", id)
		return err
	})
	if err == nil && len(out) == 0 {
		err = notFound(sql.ErrNoRows, "action", id)
	}
	if err != nil {
		return Action{}, err
	}
	return out[0], nil
}

// ActionsOfBody lists a body's actions (bodyID 0: all bodies) with their updates, oldest
// meeting first, then in minute order.
func (s *Store) ActionsOfBody(bodyID int64) ([]Action, error) {
	var out []Action
	err := s.view(func(tx *sql.Tx) error {
		var err error
		out, err = queryActions(tx, "WHERE ?1 = 0 OR a.body_id = ?1 ORDER BY "+actionOrder, bodyID)
		return err
	})
	return out, err
}

// actionOrder sorts actions as the log lists them: by the date they were raised, then in the
// order of the minutes (item position; actions of the meeting as a whole first), then as
// entered. Sorting on the minute number itself would put "PCP 10/23" before "PCP 9/23".
const actionOrder = `CASE WHEN a.meeting_date <> '' THEN a.meeting_date ELSE a.created END, coalesce(a.meeting_id, 0),
	coalesce(i.position, -1), a.id`

const actionColumns = `a.id, a.body_id, coalesce(a.meeting_id, 0), coalesce(a.item_id, 0), coalesce(a.question_id, 0),
	a.ref, a.meeting_date, a.minute, a.owner, a.text, a.due, a.status, a.completed, a.created, a.source, a.flag,
	coalesce(i.exempt, a.exempt), a.version`

// queryActions loads the actions chosen by tail (a WHERE … ORDER BY on actions a, items i)
// with their updates, oldest update first.
func queryActions(tx *sql.Tx, tail string, args ...any) ([]Action, error) {
	rows, err := tx.Query("SELECT "+actionColumns+" FROM actions a LEFT JOIN items i ON i.id = a.item_id "+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("load actions: %w", err)
	}
	var out []Action
	index := map[int64]int{}
	for rows.Next() {
		var a Action
		if err := rows.Scan(&a.ID, &a.BodyID, &a.MeetingID, &a.ItemID, &a.QuestionID, &a.Ref, &a.MeetingDate, &a.Minute,
			&a.Owner, &a.Text, &a.Due, &a.Status, &a.Completed, &a.Created, &a.Source, &a.Flag, &a.Exempt, &a.Version); err != nil {
			rows.Close()
			return nil, err
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	where, _, _ := strings.Cut(tail, " ORDER BY ")
	urows, err := tx.Query(`SELECT u.id, u.action_id, u.date, u.text, u.status FROM action_updates u
		WHERE u.action_id IN (SELECT a.id FROM actions a LEFT JOIN items i ON i.id = a.item_id `+where+`)
		ORDER BY u.action_id, u.date, u.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("load action updates: %w", err)
	}
	defer urows.Close()
	for urows.Next() {
		var u ActionUpdate
		if err := urows.Scan(&u.ID, &u.ActionID, &u.Date, &u.Text, &u.Status); err != nil {
			return nil, err
		}
		if i, ok := index[u.ActionID]; ok {
			out[i].Updates = append(out[i].Updates, u)
		}
	}
	return out, urows.Err()
}
