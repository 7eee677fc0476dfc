package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// Question is a member's question on an item and the answer given, numbered (1), (2)… in
// the minutes by its place in the item.
type Question struct {
	ID         int64
	ItemID     int64
	Position   int
	Number     int    // 1, 2, 3… within the item (read only, from the position)
	AskedBy    string // "Cllr Barrie Patman", or empty when the minutes do not say
	Question   string
	AnsweredBy string // "The PCC"
	Answer     string
	// WrittenReply means a written reply is to follow; the store keeps an action for it.
	WrittenReply bool
	Version      int64
}

// Validate checks the question before it is saved.
func (q *Question) Validate() error {
	q.AskedBy, q.AnsweredBy = strings.TrimSpace(q.AskedBy), strings.TrimSpace(q.AnsweredBy)
	q.Question, q.Answer = cleanText(q.Question), cleanText(q.Answer)
	if q.ItemID == 0 {
		return invalid("Question", "item", "no item is chosen")
	}
	return nil
}

// AddQuestion adds a question at the end of an item's list.
func (s *Store) AddQuestion(q *Question) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if _, err := ownerMeeting(tx, "items", q.ItemID); err != nil {
			return err
		}
		return addQuestion(tx, q)
	})
}

func addQuestion(tx *sql.Tx, q *Question) error {
	if err := addQuestionRow(tx, q); err != nil {
		return err
	}
	return afterQuestionChange(tx, q, true)
}

// addQuestionRow inserts the question at the end of its item's list.
func addQuestionRow(tx *sql.Tx, q *Question) error {
	var err error
	if q.Position, err = nextPosition(tx, "questions", "item_id", q.ItemID); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO questions (item_id, position, asked_by, question, answered_by, answer, written_reply)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, q.ItemID, q.Position, q.AskedBy, q.Question, q.AnsweredBy, q.Answer, q.WrittenReply)
	if err != nil {
		return fmt.Errorf("add question: %w", err)
	}
	q.ID, err = res.LastInsertId()
	q.Version = 1
	return err
}

// saveQuestion writes a question, keeping its actions (tags and written reply) in step (see
// Save).
func saveQuestion(tx *sql.Tx, q *Question) error {
	var itemID int64
	if err := tx.QueryRow("SELECT item_id FROM questions WHERE id = ?", q.ID).Scan(&itemID); err != nil {
		return notFound(err, "question", q.ID)
	}
	if itemID != q.ItemID {
		return invalid("Question", "item", "a question cannot move to another item")
	}
	err := updateRow(tx, q, "asked_by = ?, question = ?, answered_by = ?, answer = ?, written_reply = ?",
		q.AskedBy, q.Question, q.AnsweredBy, q.Answer, q.WrittenReply)
	if err != nil {
		return err
	}
	return afterQuestionChange(tx, q, true)
}

// afterQuestionChange keeps the question's actions (its tags and its written reply) and its
// search entry in step with its text, and gives new actions their references unless the
// caller will renumber later (bulk writes).
func afterQuestionChange(tx *sql.Tx, q *Question, renumber bool) error {
	var meetingID int64
	if err := tx.QueryRow("SELECT meeting_id FROM items WHERE id = ?", q.ItemID).Scan(&meetingID); err != nil {
		return err
	}
	site := tagSite{meetingID: meetingID, itemID: q.ItemID, questionID: q.ID, field: "question"}
	createdQ, err := syncTags(tx, site, q.Question)
	if err != nil {
		return err
	}
	site.field = "answer"
	createdA, err := syncTags(tx, site, q.Answer)
	if err != nil {
		return err
	}
	createdW, err := syncWrittenReply(tx, site, q)
	if err != nil {
		return err
	}
	if renumber && (createdQ || createdA || createdW) {
		if err := renumberMeeting(tx, meetingID); err != nil {
			return err
		}
	}
	return indexQuestion(tx, q, meetingID)
}

// DeleteQuestion removes a question; actions raised by it stay in the log.
func (s *Store) DeleteQuestion(id int64) error { return s.deleteRow("questions", id) }

// MoveQuestion moves a question up (-1) or down (+1), renumbering the item's questions.
func (s *Store) MoveQuestion(id int64, delta int) error { return s.moveRow("questions", id, delta) }

func questionsOf(tx *sql.Tx, meetingID int64) ([]Question, error) {
	rows, err := tx.Query(`SELECT q.id, q.item_id, q.position, q.asked_by, q.question, q.answered_by, q.answer, q.written_reply, q.version
		FROM questions q JOIN items i ON i.id = q.item_id WHERE i.meeting_id = ? ORDER BY q.item_id, q.position, q.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("load questions: %w", err)
	}
	defer rows.Close()
	var out []Question
	n, lastItem := 0, int64(0)
	for rows.Next() {
		var q Question
		if err := rows.Scan(&q.ID, &q.ItemID, &q.Position, &q.AskedBy, &q.Question, &q.AnsweredBy, &q.Answer, &q.WrittenReply, &q.Version); err != nil {
			return nil, err
		}
		if q.ItemID != lastItem {
			n, lastItem = 0, q.ItemID
		}
		n++
		q.Number = n
		out = append(out, q)
	}
	return out, rows.Err()
}

// Resolution is what the meeting resolved on an item: "That the report be noted." Lettered
// parts (a), (b) and roman (i), (ii) go on their own lines within the text.
type Resolution struct {
	ID       int64
	ItemID   int64
	Position int
	Text     string // without the word RESOLVED
	Version  int64
}

// Validate checks the resolution before it is saved.
func (r *Resolution) Validate() error {
	r.Text = cleanText(strings.TrimLeft(r.Text, " \t\n"))
	if r.ItemID == 0 {
		return invalid("Resolution", "item", "no item is chosen")
	}
	if r.Text == "" {
		return invalid("Resolution", "text", "the resolution is empty")
	}
	return nil
}

// AddResolution adds a resolution at the end of an item's list.
func (s *Store) AddResolution(r *Resolution) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if _, err := ownerMeeting(tx, "items", r.ItemID); err != nil {
			return err
		}
		return addResolution(tx, r, true)
	})
}

func addResolution(tx *sql.Tx, r *Resolution, renumber bool) error {
	var err error
	if r.Position, err = nextPosition(tx, "resolutions", "item_id", r.ItemID); err != nil {
		return err
	}
	res, err := tx.Exec("INSERT INTO resolutions (item_id, position, text) VALUES (?, ?, ?)", r.ItemID, r.Position, r.Text)
	if err != nil {
		return fmt.Errorf("add resolution: %w", err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	r.Version = 1
	return afterResolutionChange(tx, r, renumber)
}

// saveResolution writes a resolution's text (see Save), keeping the actions of its tags in
// step.
func saveResolution(tx *sql.Tx, r *Resolution) error {
	if err := updateRow(tx, r, "text = ?", r.Text); err != nil {
		return err
	}
	return afterResolutionChange(tx, r, true)
}

// afterResolutionChange keeps the actions of a resolution's [Action: X] tags and its search
// entry in step with its text, and gives new actions their references unless the caller will
// renumber later (bulk writes).
func afterResolutionChange(tx *sql.Tx, r *Resolution, renumber bool) error {
	var meetingID int64
	if err := tx.QueryRow("SELECT meeting_id FROM items WHERE id = ?", r.ItemID).Scan(&meetingID); err != nil {
		return err
	}
	created, err := syncTags(tx, tagSite{meetingID: meetingID, itemID: r.ItemID, resolutionID: r.ID, field: "resolution"}, r.Text)
	if err != nil {
		return err
	}
	if renumber && created {
		if err := renumberMeeting(tx, meetingID); err != nil {
			return err
		}
	}
	return indexResolution(tx, r)
}

// DeleteResolution removes a resolution.
func (s *Store) DeleteResolution(id int64) error { return s.deleteRow("resolutions", id) }

// MoveResolution moves a resolution up (-1) or down (+1) its item's list.
func (s *Store) MoveResolution(id int64, delta int) error { return s.moveRow("resolutions", id, delta) }

func resolutionsOf(tx *sql.Tx, meetingID int64) ([]Resolution, error) {
	rows, err := tx.Query(`SELECT r.id, r.item_id, r.position, r.text, r.version FROM resolutions r JOIN items i ON i.id = r.item_id
		WHERE i.meeting_id = ? ORDER BY r.item_id, r.position, r.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("load resolutions: %w", err)
	}
	defer rows.Close()
	var out []Resolution
	for rows.Next() {
		var r Resolution
		if err := rows.Scan(&r.ID, &r.ItemID, &r.Position, &r.Text, &r.Version); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
