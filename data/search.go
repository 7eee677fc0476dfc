package data

import (
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a search result is.
const (
	FoundItem       = "item"
	FoundQuestion   = "question"
	FoundResolution = "resolution"
	FoundAction     = "action"
)

// searchKind maps tables to the kind of their entries in the search index.
var searchKind = map[string]string{"items": FoundItem, "questions": FoundQuestion, "resolutions": FoundResolution}

// SearchResult is one record that matched a search.
type SearchResult struct {
	Kind        string // FoundItem, FoundQuestion, FoundResolution or FoundAction
	RecordID    int64  // the item, question, resolution or action
	MeetingID   int64  // 0 for an action whose meeting was deleted
	ItemID      int64
	BodyID      int64
	MeetingDate string
	Minute      string
	Title       string // the item's title, or the action's reference
	// Snippet is a short stretch of the text around the first match; Marks are the byte
	// ranges within it that matched.
	Snippet string
	Marks   [][2]int
}

// Search finds the records whose text holds every word of the query (as a word or the start
// of one, so it works as the clerk types), the most recently written first: that order lets
// SQLite stop after limit results instead of ranking every match, which keeps each
// keystroke fast on a large database. Case and diacritics are ignored: "lodz" finds "Łódź".
// bodyID 0 searches every body.
func (s *Store) Search(query string, bodyID int64, limit int) ([]SearchResult, error) {
	terms := searchTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	var match strings.Builder
	for i, t := range terms {
		if i > 0 {
			match.WriteString(" ")
		}
		fmt.Fprintf(&match, "\"%s\"*", t)
	}
	rows, err := s.db.Query(`SELECT s.kind, s.record_id, coalesce(s.meeting_id, 0), coalesce(s.item_id, 0), s.orig,
			coalesce(m.body_id, a.body_id, 0), coalesce(m.date, a.meeting_date, ''), coalesce(i.number, a.minute, ''),
			coalesce(CASE s.kind WHEN 'action' THEN a.ref END, i.title, '')
		FROM search s
		LEFT JOIN meetings m ON m.id = s.meeting_id
		LEFT JOIN items i ON i.id = s.item_id
		LEFT JOIN actions a ON s.kind = 'action' AND a.id = s.record_id
		WHERE search MATCH ? AND (?2 = 0 OR coalesce(m.body_id, a.body_id) = ?2)
		ORDER BY s.rowid DESC LIMIT ?3`, match.String(), bodyID, limit)
	if err != nil {
		return nil, fmt.Errorf("search for “%s”: %w", query, err)
	}
	defer rows.Close()
	var out []SearchResult
	for rows.Next() {
		var r SearchResult
		var orig string
		if err := rows.Scan(&r.Kind, &r.RecordID, &r.MeetingID, &r.ItemID, &orig, &r.BodyID, &r.MeetingDate, &r.Minute, &r.Title); err != nil {
			return nil, err
		}
		r.Snippet, r.Marks = snippet(orig, terms, 160)
		out = append(out, r)
	}
	return out, rows.Err()
}

// searchTerms splits a query into folded words, dropping FTS5 syntax so that whatever the
// clerk types is searched for as words.
func searchTerms(query string) []string {
	return strings.FieldsFunc(Fold(query), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// snippet cuts about width runes of text around the first place a term starts a word, and
// marks every term there. Fold keeps rune positions, so folded matches map onto the text.
func snippet(text string, terms []string, width int) (string, [][2]int) {
	text = strings.Join(strings.Fields(text), " ")
	orig := []rune(text)
	folded := []rune(Fold(text))
	type hit struct{ at, n int }
	var hits []hit
	for i := range folded {
		if i > 0 && (unicode.IsLetter(folded[i-1]) || unicode.IsDigit(folded[i-1])) {
			continue
		}
		for _, t := range terms {
			tr := []rune(t)
			if len(tr) <= len(folded)-i && string(folded[i:i+len(tr)]) == t {
				hits = append(hits, hit{i, len(tr)})
				break
			}
		}
	}
	start, end := 0, len(orig)
	if len(hits) > 0 && len(orig) > width {
		start = max(0, hits[0].at-width/3)
		for start > 0 && orig[start-1] != ' ' && hits[0].at-start < width/2 {
			start--
		}
	}
	if end-start > width {
		end = start + width
		for end < len(orig) && orig[end] != ' ' && end-start < width+20 {
			end++
		}
	}
	var b strings.Builder
	var marks [][2]int
	if start > 0 {
		b.WriteString("…")
	}
	pos := start
	for _, h := range hits {
		if h.at < start || h.at+h.n > end {
			continue
		}
		b.WriteString(string(orig[pos:h.at]))
		from := b.Len()
		b.WriteString(string(orig[h.at : h.at+h.n]))
		marks = append(marks, [2]int{from, b.Len()})
		pos = h.at + h.n
	}
	b.WriteString(string(orig[pos:end]))
	if end < len(orig) {
		b.WriteString("…")
	}
	out := b.String()
	if !utf8.ValidString(out) {
		out = strings.ToValidUTF8(out, "")
	}
	return out, marks
}

// kindCodes give each kind of record its own rowids in the search index, so an entry is found
// by rowid (an FTS5 table has no other index): rowid = record id × 4 + code.
var kindCodes = map[string]int64{FoundItem: 0, FoundQuestion: 1, FoundResolution: 2, FoundAction: 3}

func searchRowID(kind string, recordID int64) int64 { return recordID*4 + kindCodes[kind] }

// unindex removes one record's entry from the search index.
func unindex(tx *sql.Tx, kind string, recordID int64) error {
	if _, err := tx.Exec("DELETE FROM search WHERE rowid = ?", searchRowID(kind, recordID)); err != nil {
		return fmt.Errorf("update search index: %w", err)
	}
	return nil
}

// index writes one record's entry in the search index, replacing any earlier one.
func index(tx *sql.Tx, kind string, recordID, meetingID, itemID int64, parts ...string) error {
	if err := unindex(tx, kind, recordID); err != nil {
		return err
	}
	var text []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			text = append(text, p)
		}
	}
	if len(text) == 0 {
		return nil
	}
	orig := strings.Join(text, "\n")
	_, err := tx.Exec("INSERT INTO search (rowid, kind, record_id, meeting_id, item_id, orig, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
		searchRowID(kind, recordID), kind, recordID, nullID(meetingID), nullID(itemID), orig, Fold(orig))
	if err != nil {
		return fmt.Errorf("index %s %d for search: %w", kind, recordID, err)
	}
	return nil
}

// unindexWhere removes the search entries matching a condition. It reads the whole index, so
// it is for deleting meetings and items, not for every keystroke.
func unindexWhere(tx *sql.Tx, where string, args ...any) error {
	if _, err := tx.Exec("DELETE FROM search WHERE "+where, args...); err != nil {
		return fmt.Errorf("update search index: %w", err)
	}
	return nil
}

func indexItem(tx *sql.Tx, it *Item) error {
	return index(tx, FoundItem, it.ID, it.MeetingID, it.ID, it.Title, it.ReportSummary, it.Minutes, it.MinutesAfter, it.PublicSummary)
}

func indexQuestion(tx *sql.Tx, q *Question, meetingID int64) error {
	return index(tx, FoundQuestion, q.ID, meetingID, q.ItemID, q.AskedBy, q.Question, q.AnsweredBy, q.Answer)
}

func indexResolution(tx *sql.Tx, r *Resolution) error {
	var meetingID int64
	if err := tx.QueryRow("SELECT meeting_id FROM items WHERE id = ?", r.ItemID).Scan(&meetingID); err != nil {
		return err
	}
	return index(tx, FoundResolution, r.ID, meetingID, r.ItemID, r.Text)
}

// reindexAction indexes an action's reference, owner, text and updates.
func reindexAction(tx *sql.Tx, id int64) error {
	var ref, owner, text, updates string
	var meetingID, itemID int64
	err := tx.QueryRow(`SELECT ref, owner, text, coalesce(meeting_id, 0), coalesce(item_id, 0),
		coalesce((SELECT group_concat(u.text, char(10)) FROM action_updates u WHERE u.action_id = a.id), '')
		FROM actions a WHERE id = ?`, id).Scan(&ref, &owner, &text, &meetingID, &itemID, &updates)
	if err == sql.ErrNoRows {
		return unindex(tx, FoundAction, id)
	}
	if err != nil {
		return err
	}
	return index(tx, FoundAction, id, meetingID, itemID, text, updates, owner, ref)
}
