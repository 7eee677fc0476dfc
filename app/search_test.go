package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// boldWords lists the marked (bold) stretches of a result's snippet.
func boldWords(r data.SearchResult) []string {
	var out []string
	for _, seg := range snippetSegments(r) {
		if t, ok := seg.(*widget.TextSegment); ok && t.Style.TextStyle.Bold {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestSearchAsYouTypeAndOpen(t *testing.T) {
	fixToday(t, "2024-10-01")
	h := newHarness(t, demoPanel)
	h.u.runCommand("search")
	s := h.u.search
	if h.u.screen != "search" || h.w.Canvas().Focused() != s.entry {
		t.Fatalf("Ctrl+F shows %q with %v focused", h.u.screen, h.w.Canvas().Focused())
	}
	// Results come as the clerk types: each keystroke searches, and the newest wins.
	for _, r := range "county lin" {
		test.Type(s.entry, string(r))
		h.drain()
	}
	if s.shown != "county lin" || len(s.results) == 0 {
		t.Fatalf("results for %q: %d", s.shown, len(s.results))
	}
	if !strings.Contains(s.count.Text, "newest first") {
		t.Errorf("count line %q", s.count.Text)
	}
	kinds := map[string]data.SearchResult{}
	for _, r := range s.results {
		if _, ok := kinds[r.Kind]; !ok {
			kinds[r.Kind] = r
		}
		bold := strings.ToLower(strings.Join(boldWords(r), " "))
		if !strings.Contains(bold, "county") && !strings.Contains(bold, "lin") {
			t.Errorf("%s %d: marked %q in %q", r.Kind, r.RecordID, bold, r.Snippet)
		}
	}
	// A row shows where the result is and the marked snippet.
	row := s.createRow()
	s.updateRow(0, row)
	got := strings.Join(texts(row), " | ")
	first := s.results[0]
	if !strings.Contains(got, data.FormatDate(first.MeetingDate, data.ShortLayout)) || !strings.Contains(got, first.Minute) {
		t.Errorf("row shows %q for %+v", got, first)
	}

	for _, kind := range []string{data.FoundItem, data.FoundQuestion, data.FoundAction} {
		r, ok := kinds[kind]
		if !ok {
			t.Errorf("no %s among the results for “county lin”", kind)
			continue
		}
		h.u.showSearch()
		s.open(r)
		h.sync()
		switch kind {
		case data.FoundAction:
			if h.u.screen != "actions" || h.u.actionLog.current != r.RecordID || h.u.actionLog.detail.a == nil {
				t.Errorf("action result opened screen %q, action %d", h.u.screen, h.u.actionLog.current)
			}
		default:
			ed := h.u.meeting.agenda.editor
			if h.u.screen != "meeting" || h.u.meeting.fm.ID != r.MeetingID || ed.item == nil || ed.item.ID != r.ItemID {
				t.Errorf("%s result opened screen %q, item %v; want item %d", kind, h.u.screen, ed.item != nil, r.ItemID)
				continue
			}
			want := map[string]int{data.FoundItem: 0, data.FoundQuestion: 1}[kind]
			if ed.tabs.selected != want {
				t.Errorf("%s result opened tab %d, want %d", kind, ed.tabs.selected, want)
			}
		}
	}

	// A resolution opens on the item's Resolutions tab.
	h.u.showSearch()
	s.entry.SetText("be noted")
	h.drain()
	opened := false
	for _, r := range s.results {
		if r.Kind != data.FoundResolution {
			continue
		}
		s.open(r)
		h.sync()
		ed := h.u.meeting.agenda.editor
		if ed.item == nil || ed.item.ID != r.ItemID || ed.tabs.selected != 2 {
			t.Errorf("resolution result opened item %v on tab %d", ed.item != nil, ed.tabs.selected)
		}
		opened = true
		break
	}
	if !opened {
		t.Errorf("no resolution found for “be noted”")
	}

	// Return opens the first result; an empty box clears them; nothing found says so.
	h.u.showSearch()
	s.entry.SetText("zzqx")
	h.drain()
	if len(s.results) != 0 || !strings.Contains(s.count.Text, "Nothing found") {
		t.Errorf("no match: %d results, %q", len(s.results), s.count.Text)
	}
	s.entry.SetText("")
	h.drain()
	if len(s.results) != 0 {
		t.Errorf("an empty box keeps %d results", len(s.results))
	}
	s.entry.SetText("Łódź")
	h.drain()
	s.entry.SetText("hare coursing")
	h.drain()
	if len(s.results) == 0 {
		t.Fatal("nothing for hare coursing")
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.sync()
	if h.u.screen == "search" {
		t.Errorf("Return did not open the first result")
	}
}

// TestLatestWins checks the background reader: requests made while one runs replace each
// other, and a result that arrives after a newer request is not shown.
func TestLatestWins(t *testing.T) {
	var spawned, posted []func()
	l := newLatest(func(f func()) { spawned = append(spawned, f) }, func(f func()) { posted = append(posted, f) })
	var ran, shown []string
	req := func(q string) func() func() {
		return func() func() {
			ran = append(ran, q)
			return func() { shown = append(shown, q) }
		}
	}
	l.run(req("c"))
	l.run(req("co"))
	l.run(req("cou"))
	if len(spawned) != 1 {
		t.Fatalf("%d readers started, want 1", len(spawned))
	}
	spawned[0]()
	if strings.Join(ran, ",") != "cou" {
		t.Errorf("ran %v, want only the newest", ran)
	}
	// A request made after a result was read but before it is shown makes it stale.
	l.run(req("coun"))
	posted[0]()
	if len(shown) != 0 {
		t.Errorf("a stale result was shown: %v", shown)
	}
	spawned[1]()
	posted[1]()
	if strings.Join(shown, ",") != "coun" {
		t.Errorf("shown %v, want coun", shown)
	}
	l.wait()
}

// BenchmarkSearchAsYouType types queries into the search box on the large example
// database (every body), a keystroke at a time: each keystroke searches, shows the results
// and fills the rows in view — what the clerk waits for between keys.
func BenchmarkSearchAsYouType(b *testing.B) {
	path, err := demo.LargeCopy(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	h := newHarnessAt(b, path, nil)
	h.u.showSearch()
	s := h.u.search
	s.every.SetChecked(true)
	queries := []string{"hare coursing", "recruitment", "lodz", "county lines"}
	keys := 0
	for b.Loop() {
		for _, q := range queries {
			for i := 1; i <= len(q); i++ {
				s.entry.SetText(q[:i])
				h.drain()
				realise(s.list) // the rows in view, as the next paint draws them
				keys++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(keys)/1e6, "ms/keystroke")
	if len(s.results) == 0 {
		b.Errorf("no results for %q", s.shown)
	}
}
