package data

import (
	"database/sql"
	"fmt"
)

// ownerSQL finds the meeting a row of each child table belongs to.
var ownerSQL = map[string]string{
	"attendance":   "SELECT meeting_id FROM attendance WHERE id = ?",
	"declarations": "SELECT meeting_id FROM declarations WHERE id = ?",
	"items":        "SELECT meeting_id FROM items WHERE id = ?",
	"documents":    "SELECT i.meeting_id FROM documents d JOIN items i ON i.id = d.item_id WHERE d.id = ?",
	"questions":    "SELECT i.meeting_id FROM questions q JOIN items i ON i.id = q.item_id WHERE q.id = ?",
	"resolutions":  "SELECT i.meeting_id FROM resolutions r JOIN items i ON i.id = r.item_id WHERE r.id = ?",
}

// recordNames are the words messages use for each table's rows.
var recordNames = map[string]string{
	"attendance": "attendance record", "declarations": "declaration", "items": "item",
	"documents": "document", "questions": "question", "resolutions": "resolution", "votes": "vote",
}

// ownerMeeting returns the meeting a row belongs to, refusing if the row is missing or the
// meeting's minutes are approved.
func ownerMeeting(tx *sql.Tx, table string, id int64) (int64, error) {
	var meetingID int64
	if err := tx.QueryRow(ownerSQL[table], id).Scan(&meetingID); err != nil {
		return 0, notFound(err, recordNames[table], id)
	}
	return meetingID, editable(tx, meetingID)
}

// move swaps a row with its neighbour in the list it belongs to (rows of table sharing
// parentCol = parentID, ordered by position): delta -1 moves it up, +1 down. Moving past
// either end does nothing. Positions are rewritten 1…n so gaps and ties heal.
func move(tx *sql.Tx, table, parentCol string, parentID, id int64, delta int) error {
	rows, err := tx.Query(fmt.Sprintf("SELECT id FROM %s WHERE %s = ? ORDER BY position, id", table, parentCol), parentID)
	if err != nil {
		return fmt.Errorf("move %s %d: %w", recordNames[table], id, err)
	}
	var ids []int64
	for rows.Next() {
		var x int64
		if err := rows.Scan(&x); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	at := -1
	for i, x := range ids {
		if x == id {
			at = i
		}
	}
	if at < 0 {
		return notFound(sql.ErrNoRows, recordNames[table], id)
	}
	to := at + delta
	if to < 0 {
		to = 0
	}
	if to >= len(ids) {
		to = len(ids) - 1
	}
	ids = append(ids[:at], ids[at+1:]...)
	ids = append(ids[:to], append([]int64{id}, ids[to:]...)...)
	for i, x := range ids {
		if _, err := tx.Exec(fmt.Sprintf("UPDATE %s SET position = ? WHERE id = ?", table), i+1, x); err != nil {
			return err
		}
	}
	return nil
}

// nextPosition is the position after the last row of a list.
func nextPosition(tx *sql.Tx, table, parentCol string, parentID int64) (int, error) {
	var p int
	err := tx.QueryRow(fmt.Sprintf("SELECT coalesce(max(position), 0) + 1 FROM %s WHERE %s = ?", table, parentCol), parentID).Scan(&p)
	return p, err
}
