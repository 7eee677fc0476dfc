package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// AddFullMeeting writes a whole meeting — attendance, declarations, items with their
// documents, questions and resolutions, and actions with their updates — in one
// transaction, as import and the example data need. Every record is validated before
// anything is written, and fm's ids are filled in.
//
// Actions from [Action: X] tags and written replies are made by the store from the text, as
// when a clerk types it; an action listed in an item's Actions with Source "tag" or
// "written_reply" gives those made actions their due date, status and updates (matched by
// owner, in order). Actions with Source "" are added as they are.
func (s *Store) AddFullMeeting(fm *FullMeeting) error {
	if err := validateFull(fm); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error { return writeFullMeeting(tx, fm) })
}

// writeFullMeeting writes a validated FullMeeting (see AddFullMeeting).
func writeFullMeeting(tx *sql.Tx, fm *FullMeeting) error {
	fm.Meeting.BodyID = fm.BodyID
	if err := createMeeting(tx, &fm.Meeting); err != nil {
		return err
	}
	for i := range fm.Attendance {
		fm.Attendance[i].MeetingID = fm.ID
		if err := addAttendance(tx, &fm.Attendance[i]); err != nil {
			return err
		}
	}
	for i := range fm.Items {
		if err := addFullItem(tx, fm.ID, &fm.Items[i]); err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
	}
	for i := range fm.Declarations {
		d := &fm.Declarations[i]
		d.MeetingID = fm.ID
		if d.ItemPosition > 0 && d.ItemPosition <= len(fm.Items) {
			d.ItemID = fm.Items[d.ItemPosition-1].ID
		}
		if err := addDeclaration(tx, d); err != nil {
			return err
		}
	}
	for i := range fm.Actions {
		a := &fm.Actions[i]
		a.MeetingID, a.ItemID = fm.ID, 0
		if err := createFullAction(tx, a); err != nil {
			return err
		}
	}
	if err := renumberMeeting(tx, fm.ID); err != nil {
		return err
	}
	return reloadNumbers(tx, fm)
}

func validateFull(fm *FullMeeting) error {
	fm.Meeting.BodyID = fm.BodyID
	if err := fm.Meeting.Validate(); err != nil {
		return err
	}
	for i := range fm.Attendance {
		fm.Attendance[i].MeetingID = -1 // not yet known; Validate needs it set
		if err := fm.Attendance[i].Validate(); err != nil {
			return err
		}
	}
	for i := range fm.Declarations {
		d := &fm.Declarations[i]
		d.MeetingID = -1
		if err := d.Validate(); err != nil {
			return err
		}
	}
	for i := range fm.Items {
		it := &fm.Items[i]
		it.MeetingID = -1
		if err := it.Item.Validate(); err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
		for j := range it.Documents {
			it.Documents[j].ItemID = -1
			if err := it.Documents[j].Validate(); err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
		}
		for j := range it.Questions {
			it.Questions[j].ItemID = -1
			if err := it.Questions[j].Validate(); err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
		}
		for j := range it.Resolutions {
			it.Resolutions[j].ItemID = -1
			if err := it.Resolutions[j].Validate(); err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
		}
		for j := range it.Actions {
			if err := validateFullAction(&it.Actions[j]); err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
		}
	}
	for j := range fm.Actions {
		if err := validateFullAction(&fm.Actions[j]); err != nil {
			return err
		}
	}
	return nil
}

func validateFullAction(a *Action) error {
	a.MeetingID = -1
	if err := a.Validate(); err != nil {
		return err
	}
	for k := range a.Updates {
		if err := a.Updates[k].Validate(); err != nil {
			return err
		}
	}
	return nil
}

func addFullItem(tx *sql.Tx, meetingID int64, it *FullItem) error {
	it.MeetingID = meetingID
	if err := addItemRow(tx, &it.Item); err != nil {
		return err
	}
	if _, err := afterItemChange(tx, &it.Item); err != nil {
		return err
	}
	for i := range it.Documents {
		it.Documents[i].ItemID = it.ID
		if err := addDocument(tx, &it.Documents[i]); err != nil {
			return err
		}
	}
	for i := range it.Questions {
		q := &it.Questions[i]
		q.ItemID = it.ID
		if err := addQuestionRow(tx, q); err != nil {
			return err
		}
		if err := afterQuestionChange(tx, q, false); err != nil {
			return err
		}
	}
	for i := range it.Resolutions {
		it.Resolutions[i].ItemID = it.ID
		if err := addResolution(tx, &it.Resolutions[i], false); err != nil {
			return err
		}
	}
	made, err := queryActions(tx, "WHERE a.item_id = ? AND a.source <> '' ORDER BY a.id", it.ID)
	if err != nil {
		return err
	}
	used := make([]bool, len(made))
	for i := range it.Actions {
		a := &it.Actions[i]
		a.MeetingID, a.ItemID = meetingID, it.ID
		if a.Source == "" {
			if err := createFullAction(tx, a); err != nil {
				return err
			}
			continue
		}
		found := false
		for j, m := range made {
			if !used[j] && m.Source == a.Source && strings.EqualFold(m.Owner, a.Owner) {
				used[j], found = true, true
				a.ID, a.QuestionID = m.ID, m.QuestionID
				if a.Text == "" {
					a.Text = m.Text
				}
				break
			}
		}
		if !found {
			return invalid("Action", "source", "no %s for “%s” in the item's text to attach this action to", a.Source, a.Owner)
		}
		if _, err := tx.Exec("UPDATE actions SET text = ?, due = ?, status = ?, completed = ?, created = coalesce(nullif(?, ''), created) WHERE id = ?",
			a.Text, a.Due, a.Status, a.Completed, a.Created, a.ID); err != nil {
			return err
		}
		if err := addUpdates(tx, a); err != nil {
			return err
		}
	}
	return nil
}

func createFullAction(tx *sql.Tx, a *Action) error {
	if err := createAction(tx, a); err != nil {
		return err
	}
	return addUpdates(tx, a)
}

func addUpdates(tx *sql.Tx, a *Action) error {
	for k := range a.Updates {
		a.Updates[k].ActionID = a.ID
		if _, err := tx.Exec("INSERT INTO action_updates (action_id, date, text) VALUES (?, ?, ?)",
			a.ID, a.Updates[k].Date, a.Updates[k].Text); err != nil {
			return fmt.Errorf("add update to action: %w", err)
		}
	}
	return nil
}

// reloadNumbers copies the minute numbers and action references the store gave a newly
// written meeting back into fm.
func reloadNumbers(tx *sql.Tx, fm *FullMeeting) error {
	for i := range fm.Items {
		it := &fm.Items[i]
		if err := tx.QueryRow("SELECT number FROM items WHERE id = ?", it.ID).Scan(&it.Number); err != nil {
			return err
		}
		acts, err := queryActions(tx, "WHERE a.item_id = ? ORDER BY a.id", it.ID)
		if err != nil {
			return err
		}
		it.Actions = acts
	}
	return nil
}
