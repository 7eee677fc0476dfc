package data

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// MinuteNumber formats the number of the n-th minute: "5" when a body numbers each meeting
// from 1, "PCP 39/23" when it numbers through the municipal year that began in 2023.
func MinuteNumber(b Body, meetingDate string, n int) string {
	if b.Numbering != NumberByYear {
		return fmt.Sprint(n)
	}
	return strings.TrimSpace(fmt.Sprintf("%s %d/%02d", b.ShortCode, n, MunicipalYear(meetingDate)%100))
}

// ActionRef makes the reference of the k-th action of a minute. Year-numbered minutes are
// unique within a body, so the reference builds on them ("PCP 39/23-A1"); per-meeting numbers
// repeat, so the meeting date goes in ("PCP 2023-09-15/5-A1"). An action raised at the
// meeting but under no item has an empty minute ("PCP 2023-09-15-A1").
func ActionRef(b Body, meetingDate, minute string, k int) string {
	var ref string
	switch {
	case minute != "" && b.Numbering == NumberByYear:
		ref = minute
	case minute != "":
		ref = strings.TrimSpace(b.ShortCode+" "+meetingDate) + "/" + minute
	default:
		ref = strings.TrimSpace(b.ShortCode + " " + meetingDate)
	}
	return fmt.Sprintf("%s-A%d", ref, k)
}

// renumberMeeting brings minute numbers and action references up to date after a meeting's
// agenda changed: just that meeting when the body numbers per meeting, the meeting's whole
// municipal year when it numbers through the year.
func renumberMeeting(tx *sql.Tx, meetingID int64) error {
	var b Body
	var date string
	err := tx.QueryRow(`SELECT b.id, b.name, b.short_code, b.numbering, b.chair_title, b.default_venue, b.default_time, m.date
		FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ?`, meetingID).
		Scan(&b.ID, &b.Name, &b.ShortCode, &b.Numbering, &b.ChairTitle, &b.DefaultVenue, &b.DefaultTime, &date)
	if err != nil {
		return notFound(err, "meeting", meetingID)
	}
	if b.Numbering != NumberByYear {
		return renumber(tx, b, "m.id = ?", meetingID)
	}
	y := MunicipalYear(date)
	return renumber(tx, b, "m.body_id = ? AND m.date >= ? AND m.date < ?", b.ID,
		fmt.Sprintf("%04d-05-01", y), fmt.Sprintf("%04d-05-01", y+1))
}

// renumberBody renumbers every meeting of a body (after its scheme or a meeting date changed).
func renumberBody(tx *sql.Tx, bodyID int64) error {
	b, err := scanBody(tx.QueryRow("SELECT "+bodyColumns+" FROM bodies WHERE id = ?", bodyID))
	if err != nil {
		return notFound(err, "body", bodyID)
	}
	return renumber(tx, b, "m.body_id = ?", bodyID)
}

// renumber numbers the items of the meetings chosen by where (a condition on meetings m) in
// date order, and refreshes their actions' references. It writes only what changed.
//
// Approved minutes keep their numbers: they have been signed and published, so a meeting
// added or moved later in the year never renumbers them; the count carries on from them.
// So do the numbers of minutes imported as published (meetings.numbers_as_printed).
func renumber(tx *sql.Tx, b Body, where string, args ...any) error {
	rows, err := tx.Query(`SELECT i.id, i.number, m.id, m.date, m.status = 'approved' OR m.numbers_as_printed = 1 FROM items i JOIN meetings m ON m.id = i.meeting_id
		WHERE `+where+` ORDER BY m.date, m.id, i.position, i.id`, args...)
	if err != nil {
		return fmt.Errorf("renumber minutes: %w", err)
	}
	type row struct {
		id, meetingID int64
		number, date  string
		approved      bool
	}
	var items []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.number, &r.meetingID, &r.date, &r.approved); err != nil {
			rows.Close()
			return err
		}
		items = append(items, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	n, year := 0, -1
	var lastMeeting int64
	for _, r := range items {
		switch {
		case b.Numbering == NumberByYear && MunicipalYear(r.date) != year:
			n, year = 0, MunicipalYear(r.date)
		case b.Numbering != NumberByYear && r.meetingID != lastMeeting:
			n = 0
		}
		lastMeeting = r.meetingID
		n++
		if r.approved && r.number != "" {
			if kept, ok := sequence(r.number); ok {
				n = kept
			}
			continue
		}
		if num := MinuteNumber(b, r.date, n); num != r.number {
			if _, err := tx.Exec("UPDATE items SET number = ? WHERE id = ?", num, r.id); err != nil {
				return fmt.Errorf("renumber minutes: %w", err)
			}
		}
	}
	return refreshRefs(tx, b, where, args...)
}

// sequence reads the running number out of a minute number: 39 from "PCP 39/23" or "39",
// 5 from "5".
func sequence(number string) (int, bool) {
	if i := strings.LastIndexByte(number, ' '); i >= 0 {
		number = number[i+1:]
	}
	number, _, _ = strings.Cut(number, "/")
	n, err := strconv.Atoi(number)
	return n, err == nil && n > 0
}

// refreshRefs recomputes the references of the actions of the meetings chosen by where. An
// action whose item was deleted (it has a minute but no item) keeps the reference it had.
func refreshRefs(tx *sql.Tx, b Body, where string, args ...any) error {
	rows, err := tx.Query(`SELECT a.id, a.ref, a.meeting_date, a.minute, m.id, m.date, coalesce(i.number, ''), coalesce(i.id, 0)
		FROM actions a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN items i ON i.id = a.item_id
		WHERE (`+where+`) AND (a.item_id IS NOT NULL OR a.minute = '') ORDER BY m.id, i.position, a.id`, args...)
	if err != nil {
		return fmt.Errorf("renumber actions: %w", err)
	}
	type row struct {
		id, meetingID, itemID                 int64
		ref, oldDate, oldMinute, date, minute string
	}
	var acts []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.ref, &r.oldDate, &r.oldMinute, &r.meetingID, &r.date, &r.minute, &r.itemID); err != nil {
			rows.Close()
			return err
		}
		acts = append(acts, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	k := 0
	var lastItem, lastMeeting int64 = -1, -1
	for _, r := range acts {
		if r.itemID != lastItem || r.meetingID != lastMeeting {
			k, lastItem, lastMeeting = 0, r.itemID, r.meetingID
		}
		k++
		ref := ActionRef(b, r.date, r.minute, k)
		if ref != r.ref || r.date != r.oldDate || r.minute != r.oldMinute {
			if _, err := tx.Exec("UPDATE actions SET ref = ?, meeting_date = ?, minute = ? WHERE id = ?", ref, r.date, r.minute, r.id); err != nil {
				return fmt.Errorf("renumber actions: %w", err)
			}
			if err := reindexAction(tx, r.id); err != nil {
				return err
			}
		}
	}
	return nil
}
