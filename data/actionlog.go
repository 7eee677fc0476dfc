package data

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// What an action log lists (ActionLogQuery.Status).
const (
	// LogOpen is the log as it goes into an agenda pack: every action not done or dropped as
	// at the date, and those done or dropped since the previous meeting.
	LogOpen = "open"
	// LogAll lists every action raised on or before the date.
	LogAll = "all"
	// LogOverdue lists the actions that are overdue as at the date.
	LogOverdue = "overdue"
)

// LogStatuses are the values ActionLogQuery.Status takes: the views above, or a status
// (in_progress, done, dropped) to list the actions that had it as at the date. "open" means
// the agenda-pack view, not the status.
var LogStatuses = []string{LogOpen, LogAll, LogOverdue, ActionInProgress, ActionDone, ActionDropped}

// RAG ratings of an action as at a date.
const (
	RAGRed   = "red"   // overdue: due before the date
	RAGAmber = "amber" // due within DueSoonDays of the date (the date itself included)
	RAGGreen = "green" // due later
	RAGGrey  = "grey"  // done or dropped
	// RAGNone is an action still to do with no due date: it cannot be overdue or due soon,
	// and calling it on track would hide that nobody has said when it is due.
	RAGNone = "none"
)

// RAGWords say in words what each RAG colour says, for the reader who cannot tell the
// colours apart: in the log's status cells, the key under its summary and the app.
var RAGWords = map[string]string{
	RAGRed: "Overdue", RAGAmber: "Due soon", RAGGreen: "On track", RAGNone: "No due date", RAGGrey: "Done or dropped",
}

// RAGNames name each RAG rating as a spreadsheet of the log does: Red, Amber, Green, Grey,
// None.
var RAGNames = map[string]string{
	RAGRed: "Red", RAGAmber: "Amber", RAGGreen: "Green", RAGGrey: "Grey", RAGNone: "None",
}

// DueSoonDays is how near its due date an action turns amber.
const DueSoonDays = 14

// ActionLogQuery chooses the actions of an action log.
type ActionLogQuery struct {
	BodyID int64  // 0: every body
	AsAt   string // the date the log is as at (YYYY-MM-DD or as a clerk types it); empty for today
	Status string // one of LogStatuses; empty for LogOpen
	Owner  string // only this owner's actions (case, accents and a leading "The" ignored)
	// FromMeeting and ToMeeting limit the log to actions raised at meetings on or between
	// these dates; either may be empty.
	FromMeeting, ToMeeting string
	Public                 bool // leave out the actions of exempt items
}

// Validate checks the query and puts its dates in YYYY-MM-DD form.
func (q *ActionLogQuery) Validate() error {
	if q.AsAt == "" {
		q.AsAt = Today()
	}
	for _, d := range []struct {
		field string
		date  *string
	}{{"as-at date", &q.AsAt}, {"first meeting", &q.FromMeeting}, {"last meeting", &q.ToMeeting}} {
		if *d.date == "" || validDate(*d.date) {
			continue
		}
		parsed, err := ParseDate(*d.date)
		if err != nil {
			return invalid("Action log", d.field, "%v", err)
		}
		*d.date = parsed
	}
	if q.FromMeeting != "" && q.ToMeeting != "" && q.FromMeeting > q.ToMeeting {
		return invalid("Action log", "meetings", "the first meeting (%s) is after the last (%s)", q.FromMeeting, q.ToMeeting)
	}
	q.Status = strings.ToLower(strings.TrimSpace(q.Status))
	if q.Status == "" {
		q.Status = LogOpen
	}
	if !slices.Contains(LogStatuses, q.Status) {
		return invalid("Action log", "status", "“%s” is not a choice; use open, all, overdue, in_progress, done or dropped", q.Status)
	}
	q.Owner = strings.TrimSpace(q.Owner)
	return nil
}

// ActionLog is the action log of a body as at a date.
type ActionLog struct {
	Query ActionLogQuery // as validated: AsAt and Status are always set
	Body  Body           // zero when the log covers every body
	// PreviousMeeting is the date of the body's last meeting before AsAt ("" if it has none,
	// or the log covers every body): actions done or dropped after it are "since the last
	// meeting".
	PreviousMeeting string
	// Meetings are the dates of the meetings that raised the listed actions, oldest first.
	Meetings []string
	Rows     []ActionLogRow
	Summary  ActionLogSummary
}

// ActionLogRow is one action as it stood on the log's date.
type ActionLogRow struct {
	// Action is the action with only the updates dated on or before the log's date.
	Action
	// StatusAsAt is the action's status on the log's date, which for an old log may differ
	// from its status now.
	StatusAsAt string
	ClosedOn   string // the date it was done or dropped, when StatusAsAt is one of those
	RAG        string // one of the RAG constants
	// ClosedSinceLast is set for an action done or dropped after the previous meeting.
	ClosedSinceLast bool
	// Latest is the latest update with a note (HasNote) on or before the log's date; zero when
	// there is none.
	Latest ActionUpdate
}

// Closed reports whether the action was done or dropped as at the log's date.
func (r ActionLogRow) Closed() bool { return closedStatus(r.StatusAsAt) }

// ActionLogSummary counts the rows of a log.
type ActionLogSummary struct {
	Listed int // rows in the log
	// Open counts the actions still to do (open or in progress) as at the date, and the next
	// four split it by RAG.
	Open, Overdue, DueSoon, OnTrack, NoDueDate int
	// CompletedSinceLast and DroppedSinceLast count the actions done or dropped after the
	// previous meeting, up to and including the log's date.
	CompletedSinceLast, DroppedSinceLast int
}

// ActionLog works out the action log that q asks for, in one consistent read:
//
//   - an action is on a log as at date D if it was raised on or before D (at a meeting on or
//     before D, or created then if no meeting raised it);
//   - its status as at D comes from its dated history (see statusAsAt);
//   - the default view (LogOpen) lists every action not done or dropped as at D, and those
//     done or dropped after the body's previous meeting before D, up to and including D;
//   - its RAG is grey once done or dropped; otherwise red if due before D, amber if due on D
//     or within DueSoonDays after it, green if due later, and "none" without a due date.
func (s *Store) ActionLog(q ActionLogQuery) (*ActionLog, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	log := &ActionLog{Query: q}
	err := s.view(func(tx *sql.Tx) error {
		if q.BodyID != 0 {
			b, err := scanBody(tx.QueryRow("SELECT "+bodyColumns+" FROM bodies WHERE id = ?", q.BodyID))
			if err != nil {
				return notFound(err, "body", q.BodyID)
			}
			log.Body = b
		}
		previous, err := previousMeetings(tx, q.BodyID, q.AsAt)
		if err != nil {
			return err
		}
		log.PreviousMeeting = previous[q.BodyID]
		actions, err := queryActions(tx, `WHERE (?1 = 0 OR a.body_id = ?1)
			AND (CASE WHEN a.meeting_date <> '' THEN a.meeting_date ELSE a.created END) <= ?2
			AND (?3 = '' OR a.meeting_date >= ?3) AND (?4 = '' OR a.meeting_date <= ?4)
			AND (?5 = 0 OR coalesce(i.exempt, a.exempt) = 0)
			ORDER BY a.body_id, `+actionOrder, q.BodyID, q.AsAt, q.FromMeeting, q.ToMeeting, q.Public)
		if err != nil {
			return err
		}
		owner := ownerKey(q.Owner)
		for _, a := range actions {
			if owner != "" && ownerKey(a.Owner) != owner {
				continue
			}
			if row, ok := logRow(a, q, previous[a.BodyID]); ok {
				log.Rows = append(log.Rows, row)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("action log: %w", err)
	}
	log.tally()
	return log, nil
}

// previousMeetings finds, for each body (or just bodyID), the date of its last meeting before
// asAt.
func previousMeetings(tx *sql.Tx, bodyID int64, asAt string) (map[int64]string, error) {
	rows, err := tx.Query(`SELECT body_id, max(date) FROM meetings WHERE date < ?2 AND (?1 = 0 OR body_id = ?1)
		GROUP BY body_id`, bodyID, asAt)
	if err != nil {
		return nil, fmt.Errorf("find the previous meeting: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var date string
		if err := rows.Scan(&id, &date); err != nil {
			return nil, err
		}
		out[id] = date
	}
	if bodyID == 0 {
		out[0] = "" // a log of every body has no one previous meeting
	}
	return out, rows.Err()
}

// logRow works out how action a stood on the query's date, and whether the query lists it.
func logRow(a Action, q ActionLogQuery, previous string) (ActionLogRow, bool) {
	row := ActionLogRow{Action: a}
	row.StatusAsAt, row.ClosedOn = statusAsAt(a, q.AsAt)
	row.RAG = rag(row.StatusAsAt, a.Due, q.AsAt)
	row.ClosedSinceLast = row.Closed() && row.ClosedOn > previous
	// Updates come oldest first: keep those written by the date.
	n := 0
	for n < len(a.Updates) && a.Updates[n].Date <= q.AsAt {
		n++
	}
	row.Updates = a.Updates[:n:n]
	for i := n - 1; i >= 0; i-- {
		if row.Updates[i].HasNote() {
			row.Latest = row.Updates[i]
			break
		}
	}
	switch q.Status {
	case LogOpen:
		return row, !row.Closed() || row.ClosedSinceLast
	case LogAll:
		return row, true
	case LogOverdue:
		return row, row.RAG == RAGRed
	default:
		return row, row.StatusAsAt == q.Status
	}
}

// statusAsAt works out an action's status on a date, and when it was done or dropped if it
// had been by then. a.Updates holds all its updates, oldest first.
//
// An action now done was done on the date if completed on or before it. Otherwise the latest
// change of status recorded on or before the date decides. With none recorded by then:
//   - an action with no recorded change at all (written before changes were recorded, or
//     imported) has its present status if that is open or in progress; if dropped, it was
//     dropped on the date of its latest update (usually saying why), or else when it was
//     raised;
//   - otherwise it was in progress if it had a progress note by the date, or else open.
func statusAsAt(a Action, date string) (status, closedOn string) {
	if a.Status == ActionDone && a.Completed != "" && a.Completed <= date {
		return ActionDone, a.Completed
	}
	recorded := false
	for i := len(a.Updates) - 1; i >= 0; i-- {
		u := a.Updates[i]
		if u.Status == "" {
			continue
		}
		recorded = true
		switch {
		case u.Date > date:
		case u.Status == ActionDone && a.Status == ActionDone:
			// Marked done then, but the completion date has since been moved after date.
		case closedStatus(u.Status):
			return u.Status, u.Date
		default:
			return u.Status, ""
		}
	}
	if !recorded {
		switch a.Status {
		case ActionOpen, ActionInProgress:
			return a.Status, ""
		case ActionDropped:
			on := raisedOn(a)
			if n := len(a.Updates); n > 0 {
				on = a.Updates[n-1].Date
			}
			if on <= date {
				return ActionDropped, on
			}
		}
	}
	if len(a.Updates) > 0 && a.Updates[0].Date <= date {
		return ActionInProgress, ""
	}
	return ActionOpen, ""
}

// raisedOn is the date an action was raised: its meeting's, or when it was entered.
func raisedOn(a Action) string {
	if a.MeetingDate != "" {
		return a.MeetingDate
	}
	return a.Created
}

func closedStatus(status string) bool { return status == ActionDone || status == ActionDropped }

// rag rates an action of the given status and due date as at date.
func rag(status, due, date string) string {
	switch {
	case closedStatus(status):
		return RAGGrey
	case due == "":
		return RAGNone
	case due < date:
		return RAGRed
	case due <= addDays(date, DueSoonDays):
		return RAGAmber
	default:
		return RAGGreen
	}
}

// addDays adds n days to a YYYY-MM-DD date.
func addDays(date string, n int) string {
	t, err := time.Parse(DateLayout, date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, n).Format(DateLayout)
}

// ownerKey is what owners are compared by: folded case and accents, no leading "The".
func ownerKey(owner string) string {
	k := Fold(strings.Join(strings.Fields(owner), " "))
	return strings.TrimPrefix(k, "the ")
}

// tally counts the rows and lists the meetings they came from.
func (l *ActionLog) tally() {
	l.Summary = ActionLogSummary{Listed: len(l.Rows)}
	l.Meetings = nil
	seen := map[string]bool{}
	for _, r := range l.Rows {
		if r.MeetingDate != "" && !seen[r.MeetingDate] {
			seen[r.MeetingDate] = true
			l.Meetings = append(l.Meetings, r.MeetingDate)
		}
		sum := &l.Summary
		switch {
		case r.StatusAsAt == ActionDone:
			if r.ClosedSinceLast {
				sum.CompletedSinceLast++
			}
		case r.StatusAsAt == ActionDropped:
			if r.ClosedSinceLast {
				sum.DroppedSinceLast++
			}
		default:
			sum.Open++
			switch r.RAG {
			case RAGRed:
				sum.Overdue++
			case RAGAmber:
				sum.DueSoon++
			case RAGGreen:
				sum.OnTrack++
			default:
				sum.NoDueDate++
			}
		}
	}
	slices.Sort(l.Meetings)
}

// WithoutExempt returns the log without the actions of exempt items, as a public document
// prints it, with its summary and meetings counted again. It returns l itself when l has no
// such actions.
func (l *ActionLog) WithoutExempt() *ActionLog {
	if !slices.ContainsFunc(l.Rows, func(r ActionLogRow) bool { return r.Exempt }) {
		return l
	}
	out := *l
	out.Query.Public = true
	out.Rows = slices.DeleteFunc(slices.Clone(l.Rows), func(r ActionLogRow) bool { return r.Exempt })
	out.tally()
	return &out
}
