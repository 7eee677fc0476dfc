package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// harness is the app's window over Fyne's test driver, on a real database file. Posted UI
// work is queued and run by sync, and slow work runs at once, so tests need no sleeps.
type harness struct {
	t      testing.TB
	u      *ui
	w      fyne.Window
	path   string
	mu     sync.Mutex
	posted []func()
	// opened and revealed record the files the app asked the system to open or show.
	opened, revealed []string
}

// newHarness opens the app on a new database that setup (if any) fills through the store.
func newHarness(t testing.TB, setup func(s *data.Store)) *harness {
	t.Helper()
	return newHarnessAt(t, filepath.Join(t.TempDir(), "minutebook.db"), setup)
}

// newHarnessAt opens the app on the database at path, which setup (if any) fills first.
func newHarnessAt(t testing.TB, path string, setup func(s *data.Store)) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	if setup != nil {
		s, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		setup(s)
		s.Close()
	}
	h := &harness{t: t, path: path}
	h.w = test.NewWindow(nil) // closed below unless the test closed it (closing twice panics)
	// Long pauses: nothing is written until a flush, so tests can count writes exactly.
	u, err := newUI(a, h.w, path, options{
		post: h.post, spawn: func(f func()) { f() }, delay: time.Hour, maxWait: time.Hour,
		opener:   func(p string) error { h.opened = append(h.opened, p); return nil },
		revealer: func(p string) error { h.revealed = append(h.revealed, p); return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	h.u = u
	h.w.Resize(fyne.NewSize(1280, 800))
	h.sync()
	t.Cleanup(func() {
		if !u.closed {
			h.w.Close()
		}
		_ = u.shutdown()
	})
	return h
}

func (h *harness) post(f func()) {
	h.mu.Lock()
	h.posted = append(h.posted, f)
	h.mu.Unlock()
}

// sync writes everything pending, as a pause in typing would, and runs the UI work the
// writes posted.
func (h *harness) sync() {
	h.t.Helper()
	for i := 0; i < 10; i++ {
		if err := h.u.saver.flush(time.Minute); err != nil {
			h.t.Fatal(err)
		}
		h.mu.Lock()
		fs := h.posted
		h.posted = nil
		h.mu.Unlock()
		if len(fs) == 0 && h.u.saver.pending() == 0 {
			return
		}
		for _, f := range fs {
			f()
		}
	}
}

// drain runs the UI work posted so far without writing anything.
func (h *harness) drain() {
	h.mu.Lock()
	fs := h.posted
	h.posted = nil
	h.mu.Unlock()
	for _, f := range fs {
		f()
	}
}

// db opens the database file a second time, as another program would, to check what
// was really written.
func (h *harness) db() *data.Store {
	h.t.Helper()
	s, err := data.OpenReadOnly(h.path)
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { s.Close() })
	return s
}

// panel writes a body with members, a co-opted member, the PCC and an officer.
func panel(s *data.Store) {
	b := data.Body{
		Name: "Upper Thames Police and Crime Panel", ShortCode: "PCP", Numbering: data.NumberPerMeeting,
		DefaultVenue: "Council Chamber, Guildhall", DefaultTime: "10.30am",
	}
	if err := s.CreateBody(&b); err != nil {
		panic(err)
	}
	for _, p := range []data.Person{
		{Title: "Cllr", Name: "Barrie Patman", Authority: "Wokingham Borough Council", Role: data.RoleMember},
		{Title: "Cllr", Name: "Emily Culverhouse", Authority: "Buckinghamshire Council", Role: data.RoleMember},
		{Title: "Cllr", Name: "Dylan Ŵyn Jones", Authority: "Oxford City Council", Role: data.RoleMember},
		{Title: "Mr", Name: "Ted Łukasz", Authority: "Independent", Role: data.RoleCoopted},
		{Title: "Cllr", Name: "Sam Reserve", Authority: "Slough Borough Council", Role: data.RoleGuest},
		{Title: "Mr", Name: "Matthew Barber", Authority: "OPCC", Role: data.RolePCC},
		{Title: "Ms", Name: "Khalid Ahmed", Authority: "Scrutiny Officer", Role: data.RoleOfficer},
	} {
		p.BodyID = b.ID
		if err := s.CreatePerson(&p); err != nil {
			panic(err)
		}
	}
}

func TestFirstRunStartsAPanel(t *testing.T) {
	h := newHarness(t, nil)
	if len(h.u.main.Objects) != 1 || h.u.firstRun == nil {
		t.Fatal("no screen on show")
	}
	f := h.u.firstRun
	test.Type(f.form.name, "Surrey Police and Crime Panel")
	test.Type(f.form.code, "SPCP")
	f.form.numbering.SetSelected(numberingByYear)
	test.Type(f.form.venue, "Council Chamber, Woodhatch Place")
	test.Type(f.form.start.entry, "14:00")
	test.Tap(f.create)
	h.sync()

	bodies, err := h.db().Bodies()
	if err != nil || len(bodies) != 1 {
		t.Fatalf("bodies = %v, %v; want the new panel", bodies, err)
	}
	b := bodies[0]
	if b.Name != "Surrey Police and Crime Panel" || b.ShortCode != "SPCP" || b.Numbering != data.NumberByYear ||
		b.DefaultVenue != "Council Chamber, Woodhatch Place" || b.DefaultTime != "2.00pm" {
		t.Errorf("body = %+v", b)
	}
	if h.u.nav.body.ID != b.ID || h.u.nav.bodySelect.Selected != b.Name {
		t.Errorf("the navigation does not show the new panel")
	}
	if h.u.nav.newButton.Disabled() {
		t.Errorf("New meeting is disabled for the new panel")
	}
}

func TestFirstRunBodyNeedsAName(t *testing.T) {
	h := newHarness(t, nil)
	f := h.u.firstRun
	test.Type(f.form.code, "PCP")
	test.Tap(f.create)
	h.sync()
	if !f.form.nameNote.shown() || !strings.Contains(f.form.nameNote.Text, "empty") {
		t.Errorf("name note = %q, want it to say the name is empty", f.form.nameNote.Text)
	}
	if f.form.code.Text != "PCP" {
		t.Errorf("the short code typed was lost")
	}
}

func TestFirstRunExploresTheExampleInItsOwnFile(t *testing.T) {
	h := newHarness(t, nil)
	h.u.onExploreExample()
	h.sync()
	example := h.u.examplePath()
	if h.u.store.Path() != example {
		t.Fatalf("open database = %s, want the example %s", h.u.store.Path(), example)
	}
	if len(h.u.nav.bodies) != 1 || h.u.meeting.fm == nil {
		t.Fatalf("the example shows no body or meeting")
	}
	if len(h.u.banner.Objects) == 0 {
		t.Errorf("no banner saying this is the example")
	}
	// The clerk's own database stays empty.
	if bodies, _ := h.db().Bodies(); len(bodies) != 0 {
		t.Errorf("the example was written into the clerk's own database")
	}
	h.u.onLeaveExample()
	h.sync()
	if h.u.store.Path() != h.path || len(h.u.nav.bodies) != 0 {
		t.Errorf("back to own database: path %s, %d bodies", h.u.store.Path(), len(h.u.nav.bodies))
	}
	if _, err := os.Stat(example); err != nil {
		t.Errorf("the example file is gone: %v", err)
	}
}

func TestContentFitsTheScreen(t *testing.T) {
	h := newHarness(t, panel)
	h.u.nav.selectBody(h.u.nav.bodies[0].ID)
	f := h.u.nav.newMeetingForm("New", "Create", data.Meeting{Date: "2024-03-01"}, h.u.nav.createMeeting)
	if !f.submit() {
		t.Fatal("could not create a meeting")
	}
	h.u.meeting.agenda.onAddItem()
	for _, tab := range []int{0, 1} {
		h.u.meeting.tabs.SelectIndex(tab)
		min := h.w.Content().MinSize()
		t.Logf("tab %d: content needs %v", tab, min)
		if min.Width > 1280 || min.Height > 760 {
			t.Errorf("tab %d needs %v; it must fit 1280×800 with the window's frame", tab, min)
		}
	}
}

// demoPanel writes the example panel (two years of the Thames Valley Police and Crime Panel).
func demoPanel(s *data.Store) {
	if err := demo.Write(s); err != nil {
		panic(err)
	}
}

// fixToday makes the store's "today" a fixed date for the rest of the test.
func fixToday(t testing.TB, date string) {
	was := data.Today
	data.Today = func() string { return date }
	t.Cleanup(func() { data.Today = was })
}

// texts collects the words of the labels, rich texts, entries, buttons and texts under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
			return
		case *widget.RichText:
			out = append(out, x.String())
			return
		case *widget.Button:
			out = append(out, x.Text)
			return
		case *canvas.Text:
			out = append(out, x.Text)
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// overlayText is the words of the dialogs and pop-ups over the window.
func (h *harness) overlayText() string {
	var out []string
	for _, o := range h.w.Canvas().Overlays().List() {
		out = append(out, texts(o)...)
	}
	return strings.Join(out, "\n")
}

// overlayButton finds a button by its words in the dialogs over the window.
func (h *harness) overlayButton(text string) *widget.Button {
	h.t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range h.w.Canvas().Overlays().List() {
		walk(o)
	}
	if found == nil {
		h.t.Fatalf("no button %q over the window; it shows:\n%s", text, h.overlayText())
	}
	return found
}

// closeOverlays closes every dialog over the window.
func (h *harness) closeOverlays() {
	for _, o := range h.w.Canvas().Overlays().List() {
		h.w.Canvas().Overlays().Remove(o)
	}
}
