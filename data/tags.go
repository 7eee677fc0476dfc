package data

import (
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minutebook/minutebook/data/minutestext"
)

// ActionTag is an [Action: X] tag found in minutes text.
type ActionTag struct {
	Owner      string // "PCC"
	Start, End int    // byte offsets of the tag in the text
	// Closes is the sentence the tag closes (its last clause when the sentence is long),
	// without tags or brackets: what the action record says is to be done.
	Closes string
}

// maxSentenceLen is the longest sentence taken whole as an action's description; of a
// longer one, the clause the tag closes is taken.
const maxSentenceLen = 250

// FindActionTags finds the [Action: X] tags in text — "[Action: PCC]", "[Action:PCC]", any
// case, any owner text — in order, each with the sentence it closes. It reads tags exactly
// as import does (minutestext.FindActionTags), so imported and typed minutes give the same
// actions; the description is the last sentence of the text the tag closes, wherever the
// line and paragraph breaks are, with its spaces collapsed.
func FindActionTags(text string) []ActionTag {
	var tags []ActionTag
	for _, t := range minutestext.FindActionTags(text) {
		if t.Owner == "" {
			continue
		}
		tags = append(tags, ActionTag{Owner: t.Owner, Start: t.Start, End: t.End, Closes: description(t.Text)})
	}
	return tags
}

// description is what an action is described by: the sentence its tag closes. A line
// break ends a sentence too (a clerk from Word ends each paragraph with one Return), and of
// a long sentence the clause the tag closes is taken ("…; and the PCC would write to the
// Panel [Action: PCC]" → "the PCC would write to the Panel").
func description(closed string) string {
	lines := strings.Split(strings.TrimSpace(closed), "\n")
	from := len(lines) - 1
	for from > 0 && !endsSentence(lines[from-1]) { // a line wrapped mid-sentence runs on
		from--
	}
	s := strings.Join(strings.Fields(strings.Join(lines[from:], " ")), " ")
	for {
		cut := nextSentence(s)
		if cut < 0 {
			break
		}
		s = s[cut:]
	}
	if utf8.RuneCountInString(s) > maxSentenceLen {
		s = lastClause(s)
	}
	return s
}

// endsSentence reports whether a line ends as a sentence does, so that the line after it
// starts a new one: "…to the Panel." but not "…the later one,".
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " \t”’\")")
	return line == "" || strings.ContainsAny(line[len(line)-1:], ".?!:;")
}

// lastClause is the end of a long sentence after its last semicolon, colon or ", and"
// that leaves a clause of some length, with its first letter as it stands.
func lastClause(s string) string {
	best := -1
	for _, sep := range []string{"; ", ": ", ", and ", ", but "} {
		if i := strings.LastIndex(s, sep); i >= 0 && i+len(sep) > best && len(s)-(i+len(sep)) >= 40 {
			best = i + len(sep)
		}
	}
	if best < 0 {
		return s
	}
	return strings.TrimPrefix(s[best:], "and ")
}

// nextSentence finds where the second sentence of s starts, or -1 if s is one sentence.
func nextSentence(s string) int {
	for i := 0; i < len(s)-2; i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '“' || r == '"' {
				return i + 2
			}
		}
	}
	return -1
}

// tagSite says where a text with tags sits: an item's minutes, a question or answer, or a
// resolution.
type tagSite struct {
	meetingID, itemID, questionID, resolutionID int64
	field                                       string // "minutes", "question", "answer", "resolution"
}

// column is what the actions table keeps in tag_field for the site: a resolution's tags keep
// ” there (the column's CHECK predates them) and are told apart by their resolution_id.
func (site tagSite) column() string {
	if site.field == "resolution" {
		return ""
	}
	return site.field
}

// tagged is an action that came from a tag at a site, as syncTags sees it.
type tagged struct {
	id                int64
	owner, text, last string // last: the sentence the tag closed when last synced
	history           bool   // has updates or has moved on from open
	matched           bool
}

// syncTags keeps the actions of a site in step with the tags in its text: a new tag makes a
// new action (its text the sentence the tag closes); an edited text keeps each tag linked to
// its action (matched by owner and sentence, then by owner in order) and refreshes a
// description the clerk has not rewritten; a removed tag deletes an action with no history,
// and flags one with history for the clerk instead of losing it.
func syncTags(tx *sql.Tx, site tagSite, text string) (created bool, err error) {
	rows, err := tx.Query(`SELECT a.id, a.owner, a.text, a.tag_text,
		a.status <> 'open' OR EXISTS (SELECT 1 FROM action_updates u WHERE u.action_id = a.id)
		FROM actions a WHERE a.source = 'tag' AND a.item_id = ? AND coalesce(a.question_id, 0) = ?
		AND coalesce(a.resolution_id, 0) = ? AND a.tag_field = ?
		ORDER BY a.tag_index, a.id`, site.itemID, site.questionID, site.resolutionID, site.column())
	if err != nil {
		return false, fmt.Errorf("sync action tags: %w", err)
	}
	var have []*tagged
	for rows.Next() {
		t := &tagged{}
		if err := rows.Scan(&t.id, &t.owner, &t.text, &t.last, &t.history); err != nil {
			rows.Close()
			return false, err
		}
		have = append(have, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	tags := FindActionTags(text)
	link := make([]*tagged, len(tags))
	claim := func(i int, ok func(*tagged) bool) {
		for _, t := range have {
			if link[i] == nil && !t.matched && ok(t) {
				t.matched, link[i] = true, t
			}
		}
	}
	for i, tag := range tags {
		claim(i, func(t *tagged) bool { return strings.EqualFold(t.owner, tag.Owner) && t.last == tag.Closes })
	}
	for i, tag := range tags {
		claim(i, func(t *tagged) bool { return strings.EqualFold(t.owner, tag.Owner) })
	}
	for i, tag := range tags {
		claim(i, func(t *tagged) bool { return !t.history })
		t := link[i]
		if t == nil {
			a := &Action{MeetingID: site.meetingID, ItemID: site.itemID, QuestionID: site.questionID, Owner: tag.Owner,
				Text: tag.Closes, Status: ActionOpen, Source: "tag"}
			if a.Text == "" {
				a.Text = "(see the minute)"
			}
			if err := createAction(tx, a); err != nil {
				return false, err
			}
			if _, err := tx.Exec("UPDATE actions SET tag_field = ?, tag_index = ?, tag_text = ?, resolution_id = ? WHERE id = ?",
				site.column(), i, tag.Closes, nullID(site.resolutionID), a.ID); err != nil {
				return false, err
			}
			created = true
			continue
		}
		newText := t.text
		if t.text == t.last && tag.Closes != "" { // the clerk has not rewritten it
			newText = tag.Closes
		}
		if _, err := tx.Exec(`UPDATE actions SET owner = ?, text = ?, tag_index = ?, tag_text = ?, flag = '' WHERE id = ?`,
			tag.Owner, newText, i, tag.Closes, t.id); err != nil {
			return false, err
		}
		if err := reindexAction(tx, t.id); err != nil {
			return false, err
		}
	}
	for _, t := range have {
		if t.matched {
			continue
		}
		if t.history {
			_, err = tx.Exec("UPDATE actions SET flag = ? WHERE id = ?", "Its [Action] tag was removed from the "+site.field+"; keep or delete it", t.id)
		} else {
			if err = unindex(tx, FoundAction, t.id); err == nil {
				_, err = tx.Exec("DELETE FROM actions WHERE id = ?", t.id)
			}
		}
		if err != nil {
			return false, fmt.Errorf("sync action tags: %w", err)
		}
	}
	return created, nil
}

// syncWrittenReply keeps the action behind a question's "written reply to follow" in step.
func syncWrittenReply(tx *sql.Tx, site tagSite, q *Question) (created bool, err error) {
	var id int64
	var history bool
	err = tx.QueryRow(`SELECT a.id, a.status <> 'open' OR EXISTS (SELECT 1 FROM action_updates u WHERE u.action_id = a.id)
		FROM actions a WHERE a.source = 'written_reply' AND a.question_id = ?`, q.ID).Scan(&id, &history)
	if err != nil && err != sql.ErrNoRows {
		return false, err
	}
	switch {
	case q.WrittenReply && id == 0:
		owner := strings.TrimSpace(strings.TrimPrefix(q.AnsweredBy, "The "))
		if owner == "" {
			owner = "To be confirmed"
		}
		a := &Action{MeetingID: site.meetingID, ItemID: site.itemID, QuestionID: q.ID, Owner: owner,
			Text: "Written reply to follow: " + Shorten(q.Question, 300), Status: ActionOpen, Source: "written_reply"}
		return true, createAction(tx, a)
	case q.WrittenReply && id != 0:
		_, err = tx.Exec("UPDATE actions SET flag = '' WHERE id = ? AND flag <> ''", id)
	case !q.WrittenReply && id != 0 && history:
		_, err = tx.Exec("UPDATE actions SET flag = 'The question no longer asks for a written reply; keep or delete it' WHERE id = ?", id)
	case !q.WrittenReply && id != 0:
		if err = unindex(tx, FoundAction, id); err == nil {
			_, err = tx.Exec("DELETE FROM actions WHERE id = ?", id)
		}
	default:
		err = nil
	}
	return false, err
}
