package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// Item is one agenda item and its minute.
type Item struct {
	ID        int64
	MeetingID int64
	Position  int
	// Number is the minute number, kept by the store from the position and the body's
	// numbering scheme: "5" or "PCP 39/23".
	Number        string
	Title         string
	Time          string // when the item was taken, "11.05am"
	ReportSummary string // what the report before the meeting set out
	Minutes       string // the minute's narrative; paragraphs separated by blank lines
	// MinutesAfter is the narrative that follows the members' questions (and comes before
	// the resolutions), as published minutes often have it.
	MinutesAfter string
	// Exempt items are taken in private under Schedule 12A of the Local Government Act
	// 1972; public documents print only the title, the paragraph and the public summary.
	Exempt          bool
	ExemptParagraph int // 1–7, or 0 while the clerk has not chosen it
	PublicSummary   string
	// LeadOfficer and ReportRef are what the agenda prints beside the item: who presents
	// the report ("Chief Executive, Office of the PCC") and its reference ("PCP 23/09").
	LeadOfficer string
	ReportRef   string
	Version     int64 // counted up by each save; a save of an older copy is refused
}

// Validate checks the item before it is saved. An empty title is allowed (a clerk adds the
// item first and names it after), but see NeedsTitle.
func (it *Item) Validate() error {
	it.Title = strings.TrimSpace(cleanText(it.Title))
	it.Minutes = cleanText(it.Minutes)
	it.MinutesAfter = cleanText(it.MinutesAfter)
	it.ReportSummary = cleanText(it.ReportSummary)
	it.PublicSummary = cleanText(it.PublicSummary)
	it.LeadOfficer = strings.TrimSpace(cleanText(it.LeadOfficer))
	it.ReportRef = strings.TrimSpace(cleanText(it.ReportRef))
	if it.MeetingID == 0 {
		return invalid("Item", "meeting", "no meeting is chosen")
	}
	if !validClock(it.Time) {
		return invalid("Item", "time", "“%s” is not a time; type it as 11.05am or 14:30", it.Time)
	}
	it.Time = normalClockOrEmpty(it.Time)
	// An exempt item may wait for its paragraph (0, not yet chosen): refusing it would drop
	// the clerk's "this is private" and let the item into public documents meanwhile.
	if _, ok := Schedule12AParagraph(it.ExemptParagraph); !ok && it.ExemptParagraph != 0 {
		return invalid("Item", "Schedule 12A paragraph", "there is no paragraph %d; Schedule 12A has paragraphs 1 to %d", it.ExemptParagraph, len(Schedule12A))
	}
	if !it.Exempt {
		it.ExemptParagraph = 0
	}
	return nil
}

// narrative is the item's minutes before and after the questions, as one text.
func (it Item) narrative() string {
	if it.MinutesAfter == "" {
		return it.Minutes
	}
	return it.Minutes + "\n\n" + it.MinutesAfter
}

// NeedsTitle reports whether the item has content but no title: the editor says so beside
// the field, and the minutes would print a blank heading.
func (it Item) NeedsTitle() bool {
	return it.Title == "" && strings.TrimSpace(it.Minutes+it.MinutesAfter+it.ReportSummary) != ""
}

const itemColumns = "id, meeting_id, position, number, title, time, report_summary, minutes, minutes_after, exempt, exempt_paragraph, public_summary, lead_officer, report_ref, version"

func scanItem(row interface{ Scan(...any) error }) (Item, error) {
	var it Item
	err := row.Scan(&it.ID, &it.MeetingID, &it.Position, &it.Number, &it.Title, &it.Time, &it.ReportSummary,
		&it.Minutes, &it.MinutesAfter, &it.Exempt, &it.ExemptParagraph, &it.PublicSummary, &it.LeadOfficer, &it.ReportRef, &it.Version)
	return it, err
}

// AddItem adds an item at the end of the meeting's agenda, numbers it and sets it.ID and
// it.Number. Action tags in its minutes become actions.
func (s *Store) AddItem(it *Item) error {
	if err := it.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if err := editable(tx, it.MeetingID); err != nil {
			return err
		}
		return addItem(tx, it)
	})
}

func addItem(tx *sql.Tx, it *Item) error {
	if err := addItemRow(tx, it); err != nil {
		return err
	}
	if _, err := afterItemChange(tx, it); err != nil {
		return err
	}
	if err := renumberMeeting(tx, it.MeetingID); err != nil {
		return err
	}
	return tx.QueryRow("SELECT number FROM items WHERE id = ?", it.ID).Scan(&it.Number)
}

// addItemRow inserts the item at the end of the agenda, without numbering it.
func addItemRow(tx *sql.Tx, it *Item) error {
	var err error
	if it.Position, err = nextPosition(tx, "items", "meeting_id", it.MeetingID); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO items (meeting_id, position, title, time, report_summary, minutes, minutes_after,
		exempt, exempt_paragraph, public_summary, lead_officer, report_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, it.MeetingID, it.Position, it.Title,
		it.Time, it.ReportSummary, it.Minutes, it.MinutesAfter, it.Exempt, it.ExemptParagraph, it.PublicSummary, it.LeadOfficer, it.ReportRef)
	if err != nil {
		return fmt.Errorf("add item: %w", err)
	}
	it.ID, err = res.LastInsertId()
	it.Version = 1
	return err
}

// afterItemChange keeps the actions behind the item's tags and its search entry in step with
// its text. It reports whether it created actions, which then need references.
func afterItemChange(tx *sql.Tx, it *Item) (created bool, err error) {
	// The narrative before and after the questions is one site for tags: a tag moved from
	// one to the other keeps its action.
	created, err = syncTags(tx, tagSite{meetingID: it.MeetingID, itemID: it.ID, field: "minutes"}, it.narrative())
	if err != nil {
		return false, err
	}
	return created, indexItem(tx, it)
}

// saveItem writes an item's fields (not its position: see MoveItem), keeping its actions in
// step with the action tags in its minutes (see Save).
func saveItem(tx *sql.Tx, it *Item) error {
	err := updateRow(tx, it, `title = ?, time = ?, report_summary = ?, minutes = ?, minutes_after = ?,
		exempt = ?, exempt_paragraph = ?, public_summary = ?, lead_officer = ?, report_ref = ?`, it.Title, it.Time, it.ReportSummary,
		it.Minutes, it.MinutesAfter, it.Exempt, it.ExemptParagraph, it.PublicSummary, it.LeadOfficer, it.ReportRef)
	if err != nil {
		return err
	}
	created, err := afterItemChange(tx, it)
	if err != nil {
		return err
	}
	if created {
		if err := renumberMeeting(tx, it.MeetingID); err != nil {
			return err
		}
	}
	return tx.QueryRow("SELECT number FROM items WHERE id = ?", it.ID).Scan(&it.Number)
}

// DeleteItem removes an item with its documents, questions and resolutions; its actions stay
// in the log, no longer linked to it. The remaining items are renumbered; the answer says
// which numbers and actions changed.
func (s *Store) DeleteItem(id int64) (Changes, error) {
	return s.changing("items", id, func(tx *sql.Tx, meetingID int64) error {
		if err := unindexWhere(tx, "item_id = ? AND kind <> 'action'", id); err != nil {
			return err
		}
		if err := keepExemptFlag(tx, "item_id = ?", id); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM items WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete item %d: %w", id, err)
		}
		if _, err := tx.Exec("UPDATE search SET item_id = NULL WHERE kind = 'action' AND item_id = ?", id); err != nil {
			return fmt.Errorf("delete item %d: %w", id, err)
		}
		return renumberMeeting(tx, meetingID)
	})
}

// changing runs a change to the meeting that a row of table belongs to (refused for
// approved minutes) and says what it changed of the meeting's numbers and actions.
func (s *Store) changing(table string, id int64, change func(tx *sql.Tx, meetingID int64) error) (Changes, error) {
	var ch Changes
	err := s.update(func(tx *sql.Tx) error {
		meetingID, err := ownerMeeting(tx, table, id)
		if err != nil {
			return err
		}
		before, err := readMeetingState(tx, meetingID)
		if err != nil {
			return err
		}
		if err := change(tx, meetingID); err != nil {
			return err
		}
		after, err := readMeetingState(tx, meetingID)
		if err != nil {
			return err
		}
		ch, err = before.changes(tx, after, nil)
		return err
	})
	return ch, err
}

// keepExemptFlag copies the exempt flag of the items about to be deleted onto their actions
// (chosen by a condition on actions), which outlive them: a confidential action must stay
// out of public documents after its item is gone.
func keepExemptFlag(tx *sql.Tx, where string, args ...any) error {
	_, err := tx.Exec(`UPDATE actions SET exempt = coalesce((SELECT i.exempt FROM items i WHERE i.id = actions.item_id), exempt)
		WHERE `+where, args...)
	if err != nil {
		return fmt.Errorf("keep the exempt flag of actions: %w", err)
	}
	return nil
}

// MoveItem moves an item up (delta -1) or down (+1) the agenda and renumbers the minutes; the
// answer says which numbers and actions changed.
func (s *Store) MoveItem(id int64, delta int) (Changes, error) {
	return s.changing("items", id, func(tx *sql.Tx, meetingID int64) error {
		if err := move(tx, "items", "meeting_id", meetingID, id, delta); err != nil {
			return err
		}
		return renumberMeeting(tx, meetingID)
	})
}

// Item loads one item's own fields.
func (s *Store) Item(id int64) (Item, error) {
	it, err := scanItem(s.db.QueryRow("SELECT "+itemColumns+" FROM items WHERE id = ?", id))
	return it, notFound(err, "item", id)
}

func itemsOf(tx *sql.Tx, meetingID int64) ([]Item, error) {
	rows, err := tx.Query("SELECT "+itemColumns+" FROM items WHERE meeting_id = ? ORDER BY position, id", meetingID)
	if err != nil {
		return nil, fmt.Errorf("load items: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// parentColumn is the column that ties each ordered child table to its list.
var parentColumn = map[string]string{
	"attendance": "meeting_id", "items": "meeting_id",
	"documents": "item_id", "questions": "item_id", "resolutions": "item_id",
}

// deleteRow removes a row of a child table of an editable meeting, with its search entry.
func (s *Store) deleteRow(table string, id int64) error {
	return s.update(func(tx *sql.Tx) error {
		if _, err := ownerMeeting(tx, table, id); err != nil {
			return err
		}
		if kind := searchKind[table]; kind != "" {
			if err := unindex(tx, kind, id); err != nil {
				return err
			}
		}
		_, err := tx.Exec(fmt.Sprintf("DELETE FROM %s WHERE id = ?", table), id)
		return err
	})
}

// moveRow moves a row of a child table of an editable meeting within its list.
func (s *Store) moveRow(table string, id int64, delta int) error {
	return s.update(func(tx *sql.Tx) error {
		if _, err := ownerMeeting(tx, table, id); err != nil {
			return err
		}
		col := parentColumn[table]
		var parent int64
		if err := tx.QueryRow(fmt.Sprintf("SELECT %s FROM %s WHERE id = ?", col, table), id).Scan(&parent); err != nil {
			return err
		}
		return move(tx, table, col, parent, id, delta)
	})
}
