package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// openLog opens the action log of the demo panel as at a fixed date.
func openLog(t *testing.T) (*harness, *actionLogScreen) {
	t.Helper()
	fixToday(t, "2024-10-01")
	h := newHarness(t, demoPanel)
	h.u.runCommand("action-log")
	h.sync()
	s := h.u.actionLog
	if h.u.screen != "actions" || s.log == nil {
		t.Fatalf("the action log is not on show (screen %q)", h.u.screen)
	}
	return h, s
}

// shownRefs lists the references of the rows on show, in order.
func shownRefs(s *actionLogScreen) []string {
	var out []string
	for i := range s.order {
		out = append(out, s.row(i).Ref)
	}
	return out
}

// rowByRef finds a row on show by its reference.
func rowByRef(t *testing.T, s *actionLogScreen, ref string) *data.ActionLogRow {
	t.Helper()
	for i := range s.order {
		if r := s.row(i); r.Ref == ref {
			return r
		}
	}
	t.Fatalf("%s is not on show; the table shows %v", ref, shownRefs(s))
	return nil
}

func TestActionLogFiltersAndSorts(t *testing.T) {
	h, s := openLog(t)
	// As at 1 October 2024 the agenda-pack view lists what is still to do.
	if got := s.table.Length; got == nil {
		t.Fatal("no table")
	}
	rows, cols := s.size()
	if rows == 0 || cols < 7 {
		t.Fatalf("table is %d×%d", rows, cols)
	}
	if !strings.Contains(s.summary.Text, "as at 1 Oct 2024") || !strings.Contains(s.summary.Text, "overdue") {
		t.Errorf("summary %q", s.summary.Text)
	}
	for _, ref := range []string{"PCP 11/23-A1", "PCP 18/23-A1", "PCP 10/24-A1"} {
		rowByRef(t, s, ref)
	}

	// Only the PCC's.
	s.owner.SetText("PCC")
	h.sync()
	if len(s.order) == 0 {
		t.Fatal("no actions of the PCC")
	}
	for i := range s.order {
		if r := s.row(i); r.Owner != "PCC" {
			t.Errorf("%s is owned by %s", r.Ref, r.Owner)
		}
	}
	// Overdue only.
	test.Tap(s.overdue)
	h.sync()
	if !s.status.Disabled() {
		t.Errorf("the status filter is offered with overdue only")
	}
	for i := range s.order {
		if r := s.row(i); r.RAG != data.RAGRed || r.Owner != "PCC" {
			t.Errorf("%s (%s, %s) is listed as overdue for the PCC", r.Ref, r.RAG, r.Owner)
		}
	}
	test.Tap(s.overdue)
	s.owner.SetText(everyone)
	s.status.SetSelected("Done")
	h.sync()
	if refs := shownRefs(s); !slices.Contains(refs, "PCP 6/23-A1") {
		t.Errorf("done: %v, want PCP 6/23-A1 among them", refs)
	}
	for i := range s.order {
		if r := s.row(i); r.StatusAsAt != data.ActionDone {
			t.Errorf("%s is %s in the done view", r.Ref, r.StatusAsAt)
		}
	}
	// As at an earlier date, before it was done (1 September 2023), it is not.
	s.asAt.entry.SetText("31/08/2023")
	h.sync()
	if refs := shownRefs(s); slices.Contains(refs, "PCP 6/23-A1") {
		t.Errorf("done as at 31 August 2023: %v", refs)
	}
	s.asAt.entry.SetText("01/01/2023")
	h.sync()
	if len(s.order) != 0 || !s.empty.Visible() {
		t.Errorf("an empty log does not say so")
	}

	// Sorting by due date puts the earliest first and no date last.
	s.asAt.entry.SetText("01/10/2024")
	s.status.SetSelected("All actions")
	h.sync()
	s.onSort(colDue)
	var dues []string
	for i := range s.order {
		dues = append(dues, firstNonEmpty(s.row(i).Due, "~"))
	}
	if !slices.IsSorted(dues) {
		t.Errorf("sorted by due: %v", dues)
	}
	s.onSort(colDue)
	if first := s.row(0); first.Due != "" {
		t.Errorf("sorted by due, latest first: first is due %q, want the one with no date", first.Due)
	}
	s.onSort(colRef) // back to the log's order
	if s.sortCol != -1 || s.row(0).Ref != "PCP 6/23-A1" {
		t.Errorf("log order: %v", shownRefs(s))
	}
}

func TestActionLogRecordProgressAndGoToMinute(t *testing.T) {
	h, s := openLog(t)
	r := rowByRef(t, s, "PCP 11/23-A1")
	id := r.ID
	s.choose(id)
	d := s.detail
	if d.a == nil || d.a.ID != id || !strings.Contains(d.text.Text, "County Lines") {
		t.Fatalf("detail shows %+v", d.a)
	}
	if n := len(d.history.Objects); n != 2 {
		t.Errorf("%d progress lines, want the 2 updates", n)
	}

	// A dated note without a change of status.
	test.Type(d.note, "Breakdown promised for the December meeting.")
	d.date.entry.SetText("20/09/2024")
	test.Tap(d.record)
	h.sync()
	a, err := h.db().Action(id)
	if err != nil {
		t.Fatal(err)
	}
	last := a.Updates[len(a.Updates)-1]
	if a.Status != data.ActionInProgress || last.Date != "2024-09-20" || last.Text != "Breakdown promised for the December meeting." {
		t.Errorf("after the note: status %s, last update %+v", a.Status, last)
	}
	if got := s.row(slices.IndexFunc(s.order, func(i int) bool { return s.log.Rows[i].ID == id })).Latest.Text; !strings.Contains(got, "December") {
		t.Errorf("the table's latest update is %q", got)
	}

	// Done, today, with a note.
	d.status.SetSelected("Done")
	test.Type(d.note, "Breakdown circulated to members.")
	test.Tap(d.record)
	h.sync()
	a, _ = h.db().Action(id)
	if a.Status != data.ActionDone || a.Completed != "2024-10-01" {
		t.Errorf("after marking done: %s completed %q", a.Status, a.Completed)
	}
	if row := rowByRef(t, s, "PCP 11/23-A1"); row.StatusAsAt != data.ActionDone || row.RAG != data.RAGGrey {
		t.Errorf("the table shows it %s/%s", row.StatusAsAt, row.RAG)
	}
	// Nothing to record says so.
	test.Tap(d.record)
	if !d.formNote.shown() {
		t.Errorf("an empty update was not questioned")
	}
	// A date before the action was raised is refused, with the reason.
	d.status.SetSelected("In progress")
	d.date.entry.SetText("01/01/2023")
	test.Tap(d.record)
	h.sync()
	if !strings.Contains(d.formNote.Text, "raised") {
		t.Errorf("note %q", d.formNote.Text)
	}

	// Go to the minute it came from.
	test.Tap(d.goBtn)
	h.sync()
	m := h.u.meeting
	if h.u.screen != "meeting" || m.fm == nil || m.fm.ID != a.MeetingID || m.agenda.selectedID() != a.ItemID {
		t.Errorf("went to screen %q, meeting %v, item %d; want item %d of meeting %d", h.u.screen, m.fm != nil, m.agenda.selectedID(), a.ItemID, a.MeetingID)
	}
	// The meeting shows the status recorded in the log.
	for _, c := range m.agenda.editor.actions.cards {
		if c.a.ID == id && c.status.Selected != "Done" {
			t.Errorf("the item's action card says %q", c.status.Selected)
		}
	}
}

func TestActionLogFlaggedKeepOrDelete(t *testing.T) {
	fixToday(t, "2024-10-01")
	var keepID, dropID int64
	h := newHarness(t, func(s *data.Store) {
		demoPanel(s)
		// Take out the tags of two actions that have progress: the store flags them.
		ms, _ := s.Meetings(0)
		for _, m := range ms {
			if m.Date != "2023-11-24" {
				continue
			}
			if err := s.ReopenMeeting(m.ID); err != nil {
				t.Fatal(err)
			}
			fm, _ := s.LoadMeeting(m.ID)
			for _, it := range fm.Items {
				if len(it.Actions) != 2 {
					continue
				}
				keepID, dropID = it.Actions[0].ID, it.Actions[1].ID
				for _, a := range it.Actions {
					if err := s.AddActionUpdate(&data.ActionUpdate{ActionID: a.ID, Date: "2024-09-01", Text: "Chased."}); err != nil {
						t.Fatal(err)
					}
				}
				item := it.Item
				tags := data.FindActionTags(item.Minutes)
				for i := len(tags) - 1; i >= 0; i-- {
					item.Minutes = item.Minutes[:tags[i].Start] + item.Minutes[tags[i].End:]
				}
				if err := data.ErrOf(s.Save(&item)); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
	if keepID == 0 {
		t.Fatal("no item with two actions on 24 November 2023")
	}
	h.u.showActionLog()
	h.sync()
	s := h.u.actionLog
	if !s.flagBar.Visible() || s.flagged != 2 || !strings.Contains(s.flagText.Text, "2 actions") {
		t.Fatalf("flag bar: %v %d %q", s.flagBar.Visible(), s.flagged, s.flagText.Text)
	}
	test.Tap(s.flagBtn)
	h.sync()
	if len(s.order) != 2 || !s.exportBtn.Disabled() {
		t.Fatalf("flagged view lists %v", shownRefs(s))
	}
	s.choose(keepID)
	if !s.detail.flagBox.Visible() {
		t.Errorf("the flag is not shown with its choices")
	}
	test.Tap(s.detail.keepBtn)
	h.sync()
	kept, err := h.db().Action(keepID)
	if err != nil || kept.Flag != "" {
		t.Errorf("kept: %+v, %v", kept, err)
	}
	if len(s.order) != 1 || s.flagged != 1 {
		t.Errorf("after keeping one: %d flagged, view %v", s.flagged, shownRefs(s))
	}
	s.choose(dropID)
	test.Tap(s.detail.dropBtn)
	test.Tap(h.overlayButton("Yes"))
	h.sync()
	if _, err := h.db().Action(dropID); err == nil {
		t.Errorf("the action is still there after deleting it")
	}
	if s.flagBar.Visible() || s.flaggedOnly || s.status.Disabled() {
		t.Errorf("with nothing flagged the log still shows the flagged view")
	}
}

// TestActionLogTableIsLazy checks that the table makes cells for the rows in view only.
func TestActionLogTableIsLazy(t *testing.T) {
	h, s := openLog(t)
	s.status.SetSelected("All actions")
	h.sync()
	made := 0
	create := s.table.CreateCell
	s.table.CreateCell = func() fyne.CanvasObject { made++; return create() }
	s.table.Refresh()
	realise(h.w.Content())
	rows, cols := s.size()
	if made == 0 || made > 40*cols || made >= rows*cols+cols {
		t.Errorf("%d cells made for %d rows of %d columns", made, rows, cols)
	}
}

// BenchmarkActionLogTable fills the action log table with every action of the large
// example (about 8,000 across three bodies): reading the log (off the UI goroutine in the
// app) and putting it in the table, which builds only the rows in view.
func BenchmarkActionLogTable(b *testing.B) {
	path, err := demo.LargeCopy(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	h := newHarnessAt(b, path, nil)
	h.u.showActionLog()
	h.sync()
	s := h.u.actionLog
	s.bodyID = 0 // every body
	s.status.SetSelected("All actions")
	h.sync()
	if len(s.order) < 8000 {
		b.Fatalf("%d rows, want the large example's 8,000", len(s.order))
	}
	q := s.query()
	log, err := h.u.store.ActionLog(q)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if _, err := h.u.store.ActionLog(q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fill", func(b *testing.B) {
		for b.Loop() {
			s.show(log, 0, nil)
			realise(s.table)
		}
		b.ReportMetric(float64(len(s.order)), "rows")
	})
	b.Run("sort-by-owner", func(b *testing.B) {
		for b.Loop() {
			s.sortCol = -1
			s.onSort(colOwner)
			realise(s.table)
		}
	})
}
