package export

import (
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// actionLogContent is what an action log says, decided once for every format (PDF, Word,
// HTML): which actions the edition lists, the sentences of its heading, and each row's
// cells, the RAG status in words as well as its colour. Its text has been made safe for the
// format by the clean function it was built with.
type actionLogContent struct {
	BodyName string // "All bodies" for a log of every body
	Title    string // "Action log as at 20 September 2024"
	AsAt     string // YYYY-MM-DD
	Coverage []string
	Summary  string
	// Confidential is set when the log lists actions of exempt items: every page or the
	// whole document is then marked so.
	Confidential bool
	Key          []ragKey
	Rows         []logRow
}

// ragKey is one entry of the key to the RAG colours.
type ragKey struct {
	RAG, Words string
}

// logRow is one action as each format prints it, cell by cell.
type logRow struct {
	Ref, Meeting, Minute string
	Exempt               bool // from an exempt item: the minute cell says "Exempt item"
	Action, Owner, Due   string
	Status               string // "Open", "In progress", "Done", "Dropped"
	RAG                  string // one of data's RAG constants
	RAGWords             string // what the colour says: "Overdue", "Due soon", …
	UpdateDate, Update   string
}

// confidentialLogMark is the band across every page of a log that lists actions of exempt
// items.
const confidentialLogMark = confidentialMark + ": lists actions of exempt items"

// exemptItemWords mark the row of an action from an exempt item.
const exemptItemWords = "Exempt item"

// newActionLogContent works out what log says in the edition opts asks for; the public
// edition leaves out the actions of exempt items.
func newActionLogContent(log *data.ActionLog, opts ActionLogOptions, clean func(string) (string, int)) *actionLogContent {
	if opts.public() {
		log = log.WithoutExempt()
	}
	text := func(s string) string {
		out, _ := clean(s)
		return out
	}
	c := &actionLogContent{
		BodyName: text(logBodyName(log)),
		Title:    "Action log as at " + logLongDate(log.Query.AsAt),
		AsAt:     log.Query.AsAt,
		Summary:  logSummary(log),
	}
	for _, rag := range []string{data.RAGRed, data.RAGAmber, data.RAGGreen, data.RAGNone, data.RAGGrey} {
		words := data.RAGWords[rag]
		if rag == data.RAGAmber { // the key says what "soon" is
			words = fmt.Sprintf("Due within %d days", data.DueSoonDays)
		}
		c.Key = append(c.Key, ragKey{rag, words})
	}
	for _, s := range logCoverage(log) {
		c.Coverage = append(c.Coverage, text(s))
	}
	for _, r := range log.Rows {
		c.Confidential = c.Confidential || r.Exempt
		row := logRow{
			Ref:      text(oneLine(r.Ref)),
			Meeting:  text(logDate(r.MeetingDate)),
			Minute:   text(orDash(oneLine(r.Minute))),
			Exempt:   r.Exempt,
			Action:   text(r.Text),
			Owner:    text(oneLine(r.Owner)),
			Due:      text(orDash(logDate(r.Due))),
			Status:   data.StatusWords[r.StatusAsAt],
			RAG:      r.RAG,
			RAGWords: ragWords(&r),
		}
		if r.Latest.Date != "" {
			row.UpdateDate, row.Update = text(logDate(r.Latest.Date)), text(r.Latest.Text)
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

func logBodyName(log *data.ActionLog) string {
	if log.Body.Name == "" {
		return "All bodies"
	}
	return log.Body.Name
}

// logCoverage says in sentences which actions the log lists.
func logCoverage(log *data.ActionLog) []string {
	q := log.Query
	var out []string
	switch q.Status {
	case data.LogOpen:
		s := "Actions still to do, and those completed or dropped since the last meeting"
		if log.PreviousMeeting != "" {
			s += " (" + logLongDate(log.PreviousMeeting) + ")"
		}
		out = append(out, s+".")
	case data.LogAll:
		out = append(out, "Every action raised by "+logLongDate(q.AsAt)+", whether still to do or not.")
	case data.LogOverdue:
		out = append(out, "Overdue actions only.")
	default:
		out = append(out, "Actions "+strings.ToLower(data.StatusWords[q.Status])+" as at "+logLongDate(q.AsAt)+" only.")
	}
	var only []string
	if q.Owner != "" {
		only = append(only, "for "+q.Owner)
	}
	switch {
	case q.FromMeeting != "" && q.ToMeeting != "":
		only = append(only, "raised at meetings from "+logLongDate(q.FromMeeting)+" to "+logLongDate(q.ToMeeting))
	case q.FromMeeting != "":
		only = append(only, "raised at meetings from "+logLongDate(q.FromMeeting))
	case q.ToMeeting != "":
		only = append(only, "raised at meetings up to "+logLongDate(q.ToMeeting))
	}
	if len(only) > 0 {
		out = append(out, "Only actions "+strings.Join(only, ", ")+".")
	}
	out = append(out, meetingsCovered(log.Meetings))
	return out
}

// meetingsCovered names the meetings the actions came from: each one when there are few,
// otherwise how many and the first and last.
func meetingsCovered(dates []string) string {
	const listUpTo = 8
	switch n := len(dates); {
	case n == 0:
		return "No actions are listed."
	case n == 1:
		return "From the meeting of " + logLongDate(dates[0]) + "."
	case n <= listUpTo:
		var names []string
		for _, d := range dates {
			names = append(names, logLongDate(d))
		}
		return "From the meetings of " + strings.Join(names[:n-1], ", ") + " and " + names[n-1] + "."
	default:
		return fmt.Sprintf("From %d meetings, %s to %s.", n, logLongDate(dates[0]), logLongDate(dates[n-1]))
	}
}

// logSummary counts the actions: open (overdue, due soon…), completed and dropped since the
// last meeting.
func logSummary(log *data.ActionLog) string {
	sum := log.Summary
	open := fmt.Sprintf("%d open", sum.Open)
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{sum.Overdue, "overdue"}, {sum.DueSoon, "due within 14 days"}, {sum.OnTrack, "on track"}, {sum.NoDueDate, "with no due date"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	if len(parts) > 0 {
		open += " (" + strings.Join(parts, ", ") + ")"
	}
	since := "since the last meeting"
	if log.PreviousMeeting != "" {
		since += " on " + logLongDate(log.PreviousMeeting)
	}
	text := fmt.Sprintf("Summary: %s; %d completed %s", open, sum.CompletedSinceLast, since)
	if sum.DroppedSinceLast > 0 {
		text += fmt.Sprintf("; %d dropped", sum.DroppedSinceLast)
	}
	return text + "."
}

// ragWords says in words what the status cell's colour says.
func ragWords(r *data.ActionLogRow) string {
	if w, ok := data.RAGWords[r.RAG]; ok && r.RAG != data.RAGGrey {
		return w
	}
	return logDate(r.ClosedOn) // done or dropped: say when
}

// logDate formats a stored date as the table prints it: "15 Sep 2023"; "" stays "".
func logDate(s string) string { return data.FormatDate(s, data.CompactLayout) }

// logLongDate formats a stored date in full: "20 September 2024".
func logLongDate(s string) string { return data.FormatDate(s, data.DayLayout) }

// oneLine puts text that should not break onto one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
