package data_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// logDemo writes the example panel into a new database under t.TempDir() and returns the
// store and the panel.
func logDemo(t testing.TB) (*data.Store, data.Body) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Write(s); err != nil {
		t.Fatalf("demo.Write: %v", err)
	}
	b, err := s.BodyByName("PCP")
	if err != nil {
		t.Fatal(err)
	}
	return s, b
}

// actionLog runs q and fails the test on error.
func actionLog(t testing.TB, s *data.Store, q data.ActionLogQuery) *data.ActionLog {
	t.Helper()
	log, err := s.ActionLog(q)
	if err != nil {
		t.Fatalf("ActionLog(%+v): %v", q, err)
	}
	return log
}

// logRow finds the row with reference ref, or returns false.
func logRow(log *data.ActionLog, ref string) (data.ActionLogRow, bool) {
	for _, r := range log.Rows {
		if r.Ref == ref {
			return r, true
		}
	}
	return data.ActionLogRow{}, false
}

// actionByRef finds a demo action by its reference.
func actionByRef(t testing.TB, s *data.Store, ref string) data.Action {
	t.Helper()
	acts, err := s.ActionsOfBody(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range acts {
		if a.Ref == ref {
			return a
		}
	}
	t.Fatalf("no action %s", ref)
	return data.Action{}
}

func refs(log *data.ActionLog) []string {
	var out []string
	for _, r := range log.Rows {
		out = append(out, r.Ref)
	}
	return out
}

// The demo's actions, by reference (see data/demo/content.go).
const (
	ref101Figures     = "PCP 6/23-A1"  // done 2023-09-01, due 2023-09-15, updates 2023-08-10 and 2023-09-01
	refWorkProgramme  = "PCP 7/23-A1"  // open, no due date
	refCountyLines    = "PCP 11/23-A1" // in progress, due 2023-11-24, updates 2023-11-20 and 2024-03-01
	refStopSearch     = "PCP 12/23-A1" // dropped, update 2024-02-02 saying why
	refFeatherstone   = "PCP 13/23-A1" // of the exempt item; open, due 2023-09-29
	refWaitingTimes   = "PCP 18/23-A1" // in progress, due 2024-02-02, updates 2024-01-15 and 2024-06-10
	refFundingBrief   = "PCP 18/23-A2" // open, due 2024-09-30
	refSavings        = "PCP 24/23-A1" // open, due 2024-09-20
	refCasualties     = "PCP 5/24-A1"  // open, due 2024-08-31
	refParishContacts = "PCP 10/24-A1" // open, due 2024-10-04
	refHareCoursing   = "PCP 10/24-A2" // open, due 2024-12-06
)

// TestActionLogCompletedSinceLastMeeting checks the as-at rule at its boundaries: as at the
// meeting of 20 September 2024 (the previous meeting 21 June 2024), an action completed on
// the day of the previous meeting has left the log, one completed the day after or on the
// as-at day itself is listed as completed since the last meeting, and one completed after
// the as-at date is still to do.
func TestActionLogCompletedSinceLastMeeting(t *testing.T) {
	const asAt, previous = "2024-09-20", "2024-06-21"
	tests := []struct {
		name       string
		completed  string
		listed     bool
		status     string
		sinceLast  bool
		wantClosed int
	}{
		{"on the day of the previous meeting", previous, false, data.ActionDone, false, 0},
		{"the day after the previous meeting", "2024-06-22", true, data.ActionDone, true, 1},
		{"on the as-at day", asAt, true, data.ActionDone, true, 1},
		{"the day after the as-at day", "2024-09-21", true, data.ActionOpen, false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, b := logDemo(t)
			a := actionByRef(t, s, refFundingBrief)
			if err := s.SetActionStatus(a.ID, data.ActionDone, tc.completed, "Briefing note circulated."); err != nil {
				t.Fatal(err)
			}
			log := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: asAt})
			if log.PreviousMeeting != previous {
				t.Fatalf("PreviousMeeting = %q, want %q", log.PreviousMeeting, previous)
			}
			row, listed := logRow(log, refFundingBrief)
			if listed != tc.listed {
				t.Fatalf("listed = %v, want %v (rows %v)", listed, tc.listed, refs(log))
			}
			if log.Summary.CompletedSinceLast != tc.wantClosed {
				t.Errorf("CompletedSinceLast = %d, want %d", log.Summary.CompletedSinceLast, tc.wantClosed)
			}
			if !listed {
				return
			}
			if row.StatusAsAt != tc.status || row.ClosedSinceLast != tc.sinceLast {
				t.Errorf("status %q since last %v, want %q %v", row.StatusAsAt, row.ClosedSinceLast, tc.status, tc.sinceLast)
			}
			if tc.status == data.ActionDone && (row.ClosedOn != tc.completed || row.RAG != data.RAGGrey) {
				t.Errorf("closed on %q RAG %q, want %q grey", row.ClosedOn, row.RAG, tc.completed)
			}
			if tc.status != data.ActionDone && (row.ClosedOn != "" || row.RAG != data.RAGAmber || row.Latest.Text != "") {
				t.Errorf("as at %s: closed on %q RAG %q latest %q, want open, amber, no update", asAt, row.ClosedOn, row.RAG, row.Latest.Text)
			}
			// Whatever the log's date, the action itself is done, on the date given.
			now := actionByRef(t, s, refFundingBrief)
			if now.Status != data.ActionDone || now.Completed != tc.completed {
				t.Errorf("action is %s completed %q, want done %s", now.Status, now.Completed, tc.completed)
			}
		})
	}
}

// TestActionLogAsAtDemoDates checks the log at dates of the demo's own history.
func TestActionLogAsAtDemoDates(t *testing.T) {
	s, b := logDemo(t)
	tests := []struct {
		asAt, previous string
		ref            string
		listed         bool
		status         string
		sinceLast      bool
	}{
		// Completed 1 September 2023; the previous meeting was 23 June.
		{"2023-08-31", "2023-06-23", ref101Figures, true, data.ActionInProgress, false}, // had a progress note by then
		{"2023-09-01", "2023-06-23", ref101Figures, true, data.ActionDone, true},
		{"2023-09-15", "2023-06-23", ref101Figures, true, data.ActionDone, true},
		{"2023-09-16", "2023-09-15", ref101Figures, false, "", false},
		// Dropped, dated by its update of 2 February 2024.
		{"2024-02-01", "2023-11-24", refStopSearch, true, data.ActionOpen, false},
		{"2024-02-02", "2023-11-24", refStopSearch, true, data.ActionDropped, true},
		{"2024-06-21", "2024-02-02", refStopSearch, false, "", false},
		// Raised at the meeting of 20 September 2024: not on a log as at the day before.
		{"2024-09-19", "2024-06-21", refHareCoursing, false, "", false},
		{"2024-09-20", "2024-06-21", refHareCoursing, true, data.ActionOpen, false},
	}
	for _, tc := range tests {
		t.Run(tc.asAt+" "+tc.ref, func(t *testing.T) {
			log := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: tc.asAt})
			if log.PreviousMeeting != tc.previous {
				t.Errorf("PreviousMeeting = %q, want %q", log.PreviousMeeting, tc.previous)
			}
			row, listed := logRow(log, tc.ref)
			if listed != tc.listed {
				t.Fatalf("listed = %v, want %v (rows %v)", listed, tc.listed, refs(log))
			}
			if listed && (row.StatusAsAt != tc.status || row.ClosedSinceLast != tc.sinceLast) {
				t.Errorf("status %q since last %v, want %q %v", row.StatusAsAt, row.ClosedSinceLast, tc.status, tc.sinceLast)
			}
			for _, u := range row.Updates {
				if u.Date > tc.asAt {
					t.Errorf("update of %s on a log as at %s", u.Date, tc.asAt)
				}
			}
		})
	}
}

// TestActionLogRAG checks each RAG case on the demo.
func TestActionLogRAG(t *testing.T) {
	s, b := logDemo(t)
	tests := []struct {
		name, asAt, ref, want string
	}{
		{"overdue", "2024-09-20", refCasualties, data.RAGRed},
		{"overdue, in progress", "2024-09-20", refWaitingTimes, data.RAGRed},
		{"due on the as-at day", "2024-09-20", refSavings, data.RAGAmber},
		{"due in 10 days", "2024-09-20", refFundingBrief, data.RAGAmber},
		{"due in exactly 14 days", "2024-09-20", refParishContacts, data.RAGAmber},
		{"due in 15 days", "2024-11-21", refHareCoursing, data.RAGGreen},
		{"due in 14 days, later", "2024-11-22", refHareCoursing, data.RAGAmber},
		{"due in 11 weeks", "2024-09-20", refHareCoursing, data.RAGGreen},
		{"no due date", "2024-09-20", refWorkProgramme, data.RAGNone},
		{"done", "2024-09-20", ref101Figures, data.RAGGrey},
		{"dropped", "2024-09-20", refStopSearch, data.RAGGrey},
		{"done, before it was", "2023-08-31", ref101Figures, data.RAGGreen},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: tc.asAt, Status: data.LogAll})
			row, ok := logRow(log, tc.ref)
			if !ok {
				t.Fatalf("%s not on the log as at %s", tc.ref, tc.asAt)
			}
			if row.RAG != tc.want {
				t.Errorf("RAG = %q, want %q (status %s, due %s)", row.RAG, tc.want, row.StatusAsAt, row.Due)
			}
		})
	}
}

// TestActionLogSummary checks the default log of the demo's last meeting, whole and public.
func TestActionLogSummary(t *testing.T) {
	s, b := logDemo(t)
	tests := []struct {
		public bool
		want   data.ActionLogSummary
		rows   []string
	}{
		{false, data.ActionLogSummary{Listed: 9, Open: 9, Overdue: 4, DueSoon: 3, OnTrack: 1, NoDueDate: 1},
			[]string{refWorkProgramme, refCountyLines, refFeatherstone, refWaitingTimes, refFundingBrief, refSavings, refCasualties, refParishContacts, refHareCoursing}},
		{true, data.ActionLogSummary{Listed: 8, Open: 8, Overdue: 3, DueSoon: 3, OnTrack: 1, NoDueDate: 1},
			[]string{refWorkProgramme, refCountyLines, refWaitingTimes, refFundingBrief, refSavings, refCasualties, refParishContacts, refHareCoursing}},
	}
	for _, tc := range tests {
		log := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Public: tc.public})
		if log.Summary != tc.want {
			t.Errorf("public=%v: summary %+v, want %+v", tc.public, log.Summary, tc.want)
		}
		if got := refs(log); !slices.Equal(got, tc.rows) {
			t.Errorf("public=%v: rows %v, want %v", tc.public, got, tc.rows)
		}
		if log.Body.Name != demo.PanelName {
			t.Errorf("body %q", log.Body.Name)
		}
		wantMeetings := []string{"2023-06-23", "2023-09-15", "2023-11-24", "2024-02-02", "2024-06-21", "2024-09-20"}
		if !slices.Equal(log.Meetings, wantMeetings) {
			t.Errorf("meetings %v, want %v", log.Meetings, wantMeetings)
		}
	}
}

// TestActionLogPublicLeavesOutExempt checks the public edition on the demo's exempt item,
// whichever way it is asked for.
func TestActionLogPublicLeavesOutExempt(t *testing.T) {
	s, b := logDemo(t)
	for _, status := range []string{data.LogOpen, data.LogAll, data.LogOverdue} {
		whole := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: status})
		public := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: status, Public: true})
		row, ok := logRow(whole, refFeatherstone)
		if !ok || !row.Exempt || !strings.Contains(row.Text, "Featherstonehaugh") {
			t.Fatalf("%s: the whole log lacks the exempt item's action (%v)", status, refs(whole))
		}
		for _, l := range []*data.ActionLog{public, whole.WithoutExempt()} {
			for _, r := range l.Rows {
				if r.Exempt || strings.Contains(r.Text, "Featherstonehaugh") {
					t.Errorf("%s: public log lists %s %q", status, r.Ref, r.Text)
				}
			}
			if len(l.Rows) != len(whole.Rows)-1 || l.Summary.Listed != len(l.Rows) {
				t.Errorf("%s: public log has %d rows (summary %d), whole %d", status, len(l.Rows), l.Summary.Listed, len(whole.Rows))
			}
		}
		if got := whole.WithoutExempt().Summary; got != public.Summary {
			t.Errorf("%s: WithoutExempt summary %+v, public query %+v", status, got, public.Summary)
		}
	}
}

// TestExemptActionStaysOutAfterItsItemIsDeleted: actions outlive their items, and an exempt
// item's action must not reach a public log once the item (or its meeting) is gone.
func TestExemptActionStaysOutAfterItsItemIsDeleted(t *testing.T) {
	for _, what := range []string{"item", "meeting"} {
		t.Run(what, func(t *testing.T) {
			s, b := logDemo(t)
			whole := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
			row, ok := logRow(whole, refFeatherstone)
			if !ok {
				t.Fatal("no exempt action in the demo")
			}
			if err := s.ReopenMeeting(row.MeetingID); err != nil {
				t.Fatal(err)
			}
			var err error
			if what == "item" {
				err = data.ErrOf(s.DeleteItem(row.ItemID))
			} else {
				err = s.DeleteMeeting(row.MeetingID)
			}
			if err != nil {
				t.Fatal(err)
			}
			public := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll, Public: true})
			for _, r := range public.Rows {
				if strings.Contains(r.Text, "Featherstonehaugh") {
					t.Fatalf("after deleting its %s, the exempt action %s is in the public log", what, r.Ref)
				}
			}
			whole = actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
			if row, ok := logRow(whole, refFeatherstone); !ok || !row.Exempt {
				t.Fatalf("the kept action lost its exempt flag or its place in the log: %+v", row)
			}
		})
	}
}

func TestActionLogFilters(t *testing.T) {
	s, b := logDemo(t)
	tests := []struct {
		name string
		q    data.ActionLogQuery
		want []string
	}{
		{"owner, any case", data.ActionLogQuery{Owner: "scrutiny officer"},
			[]string{refWorkProgramme, refFeatherstone, refParishContacts}},
		{"owner with The", data.ActionLogQuery{Owner: "The Head of Victims’ Services"}, []string{refWaitingTimes}},
		{"overdue", data.ActionLogQuery{Status: data.LogOverdue},
			[]string{refCountyLines, refFeatherstone, refWaitingTimes, refCasualties}},
		{"done", data.ActionLogQuery{Status: data.ActionDone}, []string{ref101Figures, "PCP 6/23-A2", "PCP 11/23-A2"}},
		{"dropped", data.ActionLogQuery{Status: data.ActionDropped}, []string{refStopSearch}},
		{"in progress", data.ActionLogQuery{Status: data.ActionInProgress}, []string{refCountyLines, refWaitingTimes}},
		{"meetings from", data.ActionLogQuery{Status: data.LogAll, FromMeeting: "2024-02-02"},
			[]string{refSavings, refCasualties, refParishContacts, refHareCoursing}},
		{"meetings up to, typed as a clerk would", data.ActionLogQuery{Status: data.LogAll, ToMeeting: "23/6/2023"},
			[]string{ref101Figures, "PCP 6/23-A2", refWorkProgramme}},
		{"one meeting", data.ActionLogQuery{FromMeeting: "2023-11-24", ToMeeting: "2023-11-24"}, []string{refWaitingTimes, refFundingBrief}},
		{"all", data.ActionLogQuery{Status: data.LogAll, Owner: "PCC", Public: true},
			[]string{ref101Figures, "PCP 6/23-A2", refCountyLines, "PCP 11/23-A2", refStopSearch, refFundingBrief, refSavings, refCasualties, refHareCoursing}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.q.BodyID, tc.q.AsAt = b.ID, "2024-09-20"
			if got := refs(actionLog(t, s, tc.q)); !slices.Equal(got, tc.want) {
				t.Errorf("rows %v, want %v", got, tc.want)
			}
		})
	}
}

func TestActionLogQueryRefusesMistakes(t *testing.T) {
	s, b := logDemo(t)
	tests := []struct {
		name  string
		q     data.ActionLogQuery
		field string
	}{
		{"status", data.ActionLogQuery{BodyID: b.ID, Status: "outstanding"}, "status"},
		{"as-at date", data.ActionLogQuery{BodyID: b.ID, AsAt: "31/02/2024"}, "as-at date"},
		{"range backwards", data.ActionLogQuery{BodyID: b.ID, FromMeeting: "2024-01-01", ToMeeting: "2023-01-01"}, "meetings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.ActionLog(tc.q)
			var fe *data.FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field {
				t.Fatalf("err = %v, want a FieldError on %q", err, tc.field)
			}
		})
	}
	if _, err := s.ActionLog(data.ActionLogQuery{BodyID: 999}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown body: err = %v, want ErrNotFound", err)
	}
}

func TestActionLogLatestUpdate(t *testing.T) {
	s, b := logDemo(t)
	a := actionByRef(t, s, refWaitingTimes)
	// A change of status with no note of its own is not the latest update.
	if err := s.SetActionStatus(a.ID, data.ActionDone, "2024-07-01", ""); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		asAt, date, text string
	}{
		{"2024-01-14", "", ""},
		{"2024-01-15", "2024-01-15", "Data for Q2 received; Q3 due at the end of January."},
		{"2024-06-21", "2024-06-10", "Q3 and Q4 data being validated by providers."},
		{"2024-09-20", "2024-06-10", "Q3 and Q4 data being validated by providers."},
	}
	for _, tc := range tests {
		log := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: tc.asAt, Status: data.LogAll})
		row, _ := logRow(log, refWaitingTimes)
		if row.Latest.Date != tc.date || row.Latest.Text != tc.text {
			t.Errorf("as at %s: latest %s %q, want %s %q", tc.asAt, row.Latest.Date, row.Latest.Text, tc.date, tc.text)
		}
	}
}

// TestActionLogStatusHistory checks that the log reads an action's status at a date from
// its dated changes, however they were made.
func TestActionLogStatusHistory(t *testing.T) {
	s, b := logDemo(t)
	a := actionByRef(t, s, refParishContacts) // raised 2024-09-20, open
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetActionStatus(a.ID, data.ActionInProgress, "2024-09-25", "Contact list requested from the taskforce."))
	must(s.SetActionStatus(a.ID, data.ActionDone, "2024-10-02", ""))
	must(s.SetActionStatus(a.ID, data.ActionOpen, "2024-10-09", "Reopened: two parishes were missed."))
	must(s.AddActionUpdate(&data.ActionUpdate{ActionID: a.ID, Date: "2024-10-20", Status: data.ActionDropped, Text: "Taskforce wrote to the parishes itself."}))
	tests := []struct {
		asAt, status, closedOn, latest string
	}{
		{"2024-09-24", data.ActionOpen, "", ""},
		{"2024-09-25", data.ActionInProgress, "", "Contact list requested from the taskforce."},
		{"2024-10-02", data.ActionDone, "2024-10-02", "Contact list requested from the taskforce."},
		{"2024-10-09", data.ActionOpen, "", "Reopened: two parishes were missed."},
		{"2024-10-20", data.ActionDropped, "2024-10-20", "Taskforce wrote to the parishes itself."},
	}
	for _, tc := range tests {
		log := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: tc.asAt, Status: data.LogAll})
		row, _ := logRow(log, refParishContacts)
		if row.StatusAsAt != tc.status || row.ClosedOn != tc.closedOn || row.Latest.Text != tc.latest {
			t.Errorf("as at %s: %s closed %q latest %q, want %s %q %q", tc.asAt, row.StatusAsAt, row.ClosedOn, row.Latest.Text,
				tc.status, tc.closedOn, tc.latest)
		}
	}
	now := actionByRef(t, s, refParishContacts)
	if now.Status != data.ActionDropped || now.Completed != "" || len(now.Updates) != 4 {
		t.Errorf("action now %s completed %q with %d updates, want dropped, none, 4", now.Status, now.Completed, len(now.Updates))
	}
	if u := now.Updates[1]; u.Status != data.ActionDone || u.Text != data.StatusChangeText(data.ActionDone) || u.HasNote() {
		t.Errorf("status-only update = %+v", u)
	}
}

func TestSetActionStatus(t *testing.T) {
	s, _ := logDemo(t)
	a := actionByRef(t, s, refSavings) // raised 2024-02-02, open
	tests := []struct {
		name, status, date, note string
		field                    string // the FieldError expected, or ""
	}{
		{"before the meeting that raised it", data.ActionDone, "2024-02-01", "", "date"},
		{"in the future", data.ActionDone, "2999-01-01", "", "date"},
		{"not a status", "finished", "2024-03-01", "", "status"},
		{"no status", "", "2024-03-01", "", "status"},
		{"not a date", data.ActionDone, "soon", "", "date"},
		{"in progress", data.ActionInProgress, "2024-03-01", "", ""},
		{"same status with no note records nothing", data.ActionInProgress, "2024-03-02", "", ""},
		{"same status with a note records the note", data.ActionInProgress, "2024-03-03", "Savings of £2.1m so far.", ""},
		{"done, typed as a clerk would", data.ActionDone, "20 September 2024", "Reported to the Panel.", ""},
		{"before the last change", data.ActionOpen, "2024-09-19", "", "date"},
	}
	for _, tc := range tests {
		err := s.SetActionStatus(a.ID, tc.status, tc.date, tc.note)
		var fe *data.FieldError
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.field != "" && (!errors.As(err, &fe) || fe.Field != tc.field):
			t.Errorf("%s: err = %v, want a FieldError on %s", tc.name, err, tc.field)
		}
	}
	got := actionByRef(t, s, refSavings)
	if got.Status != data.ActionDone || got.Completed != "2024-09-20" {
		t.Fatalf("action %s completed %q, want done 2024-09-20", got.Status, got.Completed)
	}
	want := []data.ActionUpdate{
		{Date: "2024-03-01", Text: "Marked in progress.", Status: data.ActionInProgress},
		{Date: "2024-03-03", Text: "Savings of £2.1m so far."},
		{Date: "2024-09-20", Text: "Reported to the Panel.", Status: data.ActionDone},
	}
	if len(got.Updates) != len(want) {
		t.Fatalf("updates %+v, want %+v", got.Updates, want)
	}
	for i, u := range got.Updates {
		if u.Date != want[i].Date || u.Text != want[i].Text || u.Status != want[i].Status {
			t.Errorf("update %d = %+v, want %+v", i, u, want[i])
		}
	}
	if err := s.SetActionStatus(99999, data.ActionDone, "2024-03-01", ""); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown action: err = %v, want ErrNotFound", err)
	}
	// Reopening clears the completion date.
	if err := s.SetActionStatus(a.ID, data.ActionOpen, "2024-10-01", ""); err != nil {
		t.Fatal(err)
	}
	if got := actionByRef(t, s, refSavings); got.Status != data.ActionOpen || got.Completed != "" {
		t.Errorf("reopened: %s completed %q", got.Status, got.Completed)
	}
}

// TestUpdateActionRecordsStatusChange checks that a change of status saved from the action's
// form is dated in its history too.
func TestUpdateActionRecordsStatusChange(t *testing.T) {
	s, b := logDemo(t)
	a := actionByRef(t, s, refHareCoursing)
	a.Status, a.Completed = data.ActionDone, "2024-11-29"
	if err := data.ErrOf(s.Save(&a)); err != nil {
		t.Fatal(err)
	}
	a.Text = "Report back on hare coursing prosecutions in 2024."
	if err := data.ErrOf(s.Save(&a)); err != nil { // no change of status: nothing recorded
		t.Fatal(err)
	}
	got := actionByRef(t, s, refHareCoursing)
	if len(got.Updates) != 1 || got.Updates[0].Status != data.ActionDone || got.Updates[0].Date != "2024-11-29" {
		t.Fatalf("updates %+v, want one change to done on 2024-11-29", got.Updates)
	}
	log := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-12-06"})
	if row, ok := logRow(log, refHareCoursing); !ok || row.StatusAsAt != data.ActionDone || !row.ClosedSinceLast {
		t.Errorf("log as at 2024-12-06: %+v listed %v", row, ok)
	}
}

// TestActionLogEveryBody checks a log of every body of the large example: each body's own
// previous meeting decides what was completed since.
func TestActionLogEveryBody(t *testing.T) {
	s := largeLogStore(t)
	const asAt = "2026-03-01"
	all := actionLog(t, s, data.ActionLogQuery{AsAt: asAt})
	if all.PreviousMeeting != "" || all.Body.ID != 0 {
		t.Errorf("every body: previous %q body %d", all.PreviousMeeting, all.Body.ID)
	}
	bodies, err := s.Bodies()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, b := range bodies {
		one := actionLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: asAt})
		if one.PreviousMeeting == "" || one.Summary.CompletedSinceLast == 0 {
			t.Errorf("%s: previous meeting %q, %d completed since", b.ShortCode, one.PreviousMeeting, one.Summary.CompletedSinceLast)
		}
		total += len(one.Rows)
	}
	if total != len(all.Rows) {
		t.Errorf("every body lists %d rows, the bodies one by one %d", len(all.Rows), total)
	}
}

// largeLogStore opens a private copy, under t.TempDir(), of the large example database.
func largeLogStore(t testing.TB) *data.Store {
	t.Helper()
	s, _ := largeCopy(t)
	return s
}

func BenchmarkActionLog(b *testing.B) {
	s := largeLogStore(b)
	pcp, err := s.BodyByName("PCP")
	if err != nil {
		b.Fatal(err)
	}
	tests := []struct {
		name string
		q    data.ActionLogQuery
	}{
		{"every body, all", data.ActionLogQuery{AsAt: "2026-11-27", Status: data.LogAll}},
		{"one body, open", data.ActionLogQuery{BodyID: pcp.ID, AsAt: "2026-11-27"}},
	}
	for _, tc := range tests {
		b.Run(tc.name, func(b *testing.B) {
			var rows int
			for b.Loop() {
				log, err := s.ActionLog(tc.q)
				if err != nil {
					b.Fatal(err)
				}
				rows = len(log.Rows)
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
