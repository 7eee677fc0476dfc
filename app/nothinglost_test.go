package app

import (
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

// TestSecondWindowIsOfferedReadOnly: a second Minutebook on a file open for writing is told
// so in one sentence; opened read-only it shows the minutes but cannot change them.
func TestSecondWindowIsOfferedReadOnly(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	typeMinutes(e, "Written in the first window.")
	h.sync()

	w := test.NewTempWindow(t, nil)
	_, err := newUI(h.u.app, w, h.path, options{post: h.post, spawn: func(f func()) { f() }})
	if !errors.Is(err, data.ErrInUse) {
		t.Fatalf("a second window opened the file for writing: %v", err)
	}
	if msg := inUseMessage(h.path); !strings.Contains(msg, "already open in another Minutebook window") || strings.Count(msg, ". ") > 0 {
		t.Errorf("the second window is told %q", msg)
	}

	u2, err := newUI(h.u.app, w, h.path, options{post: h.post, spawn: func(f func()) { f() }, readOnly: true})
	if err != nil {
		t.Fatalf("read-only: %v", err)
	}
	defer u2.shutdown()
	if !u2.readOnly || !strings.Contains(w.Title(), "read-only") {
		t.Errorf("the second window does not say it is read-only: %q", w.Title())
	}
	u2.nav.selectMeeting(h.u.meeting.fm.ID)
	m2 := u2.meeting
	m2.tabs.SelectIndex(1)
	ed := m2.agenda.editor
	if ed.item == nil || ed.item.Minutes != "Written in the first window." {
		t.Fatalf("the read-only window shows %+v", ed.item)
	}
	if !ed.title.Disabled() || !ed.minutes.Disabled() || !m2.venue.Disabled() {
		t.Errorf("the read-only window lets the clerk type")
	}
	// Whatever slips through is refused, not written.
	ed.item.Title = "Changed in the read-only window"
	ed.save()
	m2.agenda.onAddItem()
	if it, _ := h.db().Item(e.item.ID); it.Title != "Police and Crime Plan" {
		t.Errorf("the read-only window wrote %q", it.Title)
	}
	if fm, _ := h.db().LoadMeeting(h.u.meeting.fm.ID); len(fm.Items) != 1 {
		t.Errorf("the read-only window added an item")
	}
}

// TestStaleWriteIsRefusedAndKept: another program saves an item after this window read it;
// the clerk's next edit of it is refused, their text goes to a recovery file, and the newer
// text is shown — never a silent overwrite.
func TestStaleWriteIsRefusedAndKept(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	typeMinutes(e, "First words.")
	h.sync()
	id := e.item.ID

	// Another program writes the item (as a second Minutebook without the lock would).
	db, err := sql.Open("sqlite", "file:"+h.path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE items SET minutes = 'Newer words from the other window.' WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	db.Close()

	typeMinutes(e, " The clerk's own words.")
	h.sync()
	if it, _ := h.db().Item(id); it.Minutes != "Newer words from the other window." {
		t.Fatalf("the stale copy was written over the newer text: %q", it.Minutes)
	}
	if !strings.Contains(h.overlayText(), "changed elsewhere") || !strings.Contains(h.overlayText(), "kept in") {
		t.Errorf("the clerk was not told:\n%s", h.overlayText())
	}
	files, _ := filepath.Glob(h.path + ".unsaved-*.txt")
	if len(files) != 1 {
		t.Fatalf("recovery files %v, want one", files)
	}
	if b, _ := os.ReadFile(files[0]); !strings.Contains(string(b), "First words. The clerk's own words.") {
		t.Errorf("recovery file holds:\n%s", b)
	}
	if got := h.u.meeting.agenda.editor.minutes.Text(); got != "Newer words from the other window." {
		t.Errorf("the screen shows %q, want the newer text", got)
	}
	// And from the newer copy, the clerk's edits save again.
	h.closeOverlays()
	typeMinutes(h.u.meeting.agenda.editor, " Agreed.")
	h.sync()
	if it, _ := h.db().Item(id); it.Minutes != "Newer words from the other window. Agreed." {
		t.Errorf("after the clash the edit saved as %q", it.Minutes)
	}
}

// TestJournalHasEveryEditWithinAMoment: an edit not yet written (the clerk has not paused)
// is in the journal beside the database within a moment of the keystroke, and the journal
// goes once everything is written.
func TestJournalHasEveryEditWithinAMoment(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	h.sync()
	typeMinutes(e, "Typed just before the crash.")
	path := journalPath(h.path)
	deadline := time.Now().Add(2 * time.Second)
	var jf journalFile
	for {
		b, err := os.ReadFile(path)
		if err == nil && json.Unmarshal(b, &jf) == nil && len(jf.Edits) > 0 && strings.Contains(string(b), "Typed just before the crash.") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the journal does not hold the edit after 2 s: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if it, _ := h.db().Item(e.item.ID); it.Minutes != "" {
		t.Fatalf("the database was written per keystroke: %q", it.Minutes)
	}
	h.sync()
	deadline = time.Now().Add(2 * time.Second)
	for {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the journal is still there after everything was written")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestJournalIsRestoredOnTheNextStart: Minutebook stops before writing (the saver never
// runs again, as after kill -9); the next start saves what the journal holds and says so.
func TestJournalIsRestoredOnTheNextStart(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	e.questions.onAdd()
	h.sync()
	typeMinutes(e, "Typed just before the crash.")
	typeRunes(t, h, e.questions.cards[0].answer, "The PCC said he would write.")
	h.u.saver.jr.flush()
	if b, err := os.ReadFile(journalPath(h.path)); err != nil || !strings.Contains(string(b), "Typed just before the crash.") {
		t.Fatalf("journal before the crash: %s %v", b, err)
	}

	// The crash: the file is let go without writing anything more.
	crash(t, h)

	h2 := newHarnessAt(t, h.path, nil)
	if it, _ := h2.db().Item(e.item.ID); it.Minutes != "Typed just before the crash." {
		t.Errorf("after the restart the minutes are %q", it.Minutes)
	}
	fm, _ := h2.db().LoadMeeting(e.item.MeetingID)
	if fm.Items[0].Questions[0].Answer != "The PCC said he would write." {
		t.Errorf("after the restart the answer is %q", fm.Items[0].Questions[0].Answer)
	}
	if !strings.Contains(h2.u.restoredNote, "Restored and saved: item 1") || !strings.Contains(h2.u.restoredNote, "question (1)") {
		t.Errorf("the clerk is told %q", h2.u.restoredNote)
	}
	if _, err := os.Stat(journalPath(h.path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal is still there after it was restored")
	}
}

// TestJournalOfAnIncompleteEditGoesToRecovery: an action begun but without its owner is not
// saved on restart (it cannot be), but its text is kept in a recovery file and the clerk told.
func TestJournalOfAnIncompleteEditGoesToRecovery(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	h.sync()
	e.actions.onAdd()
	typeRunes(t, h, e.actions.cards[0].text, "Circulate the briefing note")
	h.u.saver.jr.flush()
	crash(t, h)

	h2 := newHarnessAt(t, h.path, nil)
	if !strings.Contains(h2.u.restoredNote, "Could not be saved") {
		t.Fatalf("the clerk is told %q", h2.u.restoredNote)
	}
	files, _ := filepath.Glob(h.path + ".unsaved-*.txt")
	if len(files) != 1 {
		t.Fatalf("recovery files %v", files)
	}
	if b, _ := os.ReadFile(files[0]); !strings.Contains(string(b), "Circulate the briefing note") {
		t.Errorf("recovery file holds:\n%s", b)
	}
}

// crash lets the database go as a killed Minutebook would: no more writes, the journal as it
// is on disk, the lock dropped (the operating system drops it when a process dies).
func crash(t *testing.T, h *harness) {
	t.Helper()
	h.u.saver.mu.Lock()
	h.u.saver.queue, h.u.saver.held, h.u.saver.closed = nil, nil, true
	h.u.saver.mu.Unlock()
	h.u.saver.jr.abandon()
	h.u.saver.jr = nil
	h.u.shut = true
	if err := h.u.store.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestReadOnlyWindowOpensForEditingOnceTheOtherCloses: the read-only window's "Open for
// editing" says the file is still in use while the first window has it, and once that window
// has closed opens it for writing, so that what the clerk types there is saved.
func TestReadOnlyWindowOpensForEditingOnceTheOtherCloses(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	e := addItem(h, "Police and Crime Plan", "")
	typeMinutes(e, "Written in the first window.")
	h.sync()
	meetingID := h.u.meeting.fm.ID

	h2 := &harness{t: t, path: h.path}
	h2.w = test.NewTempWindow(t, nil)
	h2.w.Resize(fyne.NewSize(1280, 800))
	u2, err := newUI(h.u.app, h2.w, h.path, options{post: h2.post, spawn: func(f func()) { f() },
		delay: time.Hour, maxWait: time.Hour, readOnly: true})
	if err != nil {
		t.Fatalf("read-only: %v", err)
	}
	h2.u = u2
	defer u2.shutdown()
	if u2.editHere == nil || !strings.Contains(strings.Join(texts(u2.banner), " "), "Open for editing") {
		t.Fatalf("the read-only band offers no way to edit: %q", texts(u2.banner))
	}

	test.Tap(u2.editHere)
	if !u2.readOnly || !strings.Contains(h2.overlayText(), "still open for writing in another Minutebook window") {
		t.Fatalf("with the first window open: read-only %v, told %q", u2.readOnly, h2.overlayText())
	}
	h2.closeOverlays()

	h.w.Close() // the first window lets the file go
	test.Tap(u2.editHere)
	if u2.readOnly || strings.Contains(h2.w.Title(), "read-only") || u2.editHere != nil {
		t.Fatalf("after the first window closed: read-only %v, title %q, told %q", u2.readOnly, h2.w.Title(), h2.overlayText())
	}
	u2.nav.selectMeeting(meetingID)
	u2.meeting.tabs.SelectIndex(1)
	ed := u2.meeting.agenda.editor
	if ed.item == nil || ed.minutes.Disabled() {
		t.Fatalf("the item cannot be edited: %+v", ed.item)
	}
	typeMinutes(ed, " Then in the second.")
	h2.sync()
	if it, _ := h2.db().Item(ed.item.ID); it.Minutes != "Written in the first window. Then in the second." {
		t.Errorf("the second window saved %q", it.Minutes)
	}
}
