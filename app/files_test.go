package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

func TestDailyBackupOnOpen(t *testing.T) {
	fixToday(t, "2024-10-01")
	h := newHarness(t, panel)
	want := filepath.Join(data.BackupFolder(h.path), "minutebook 2024-10-01.db")
	if h.u.backup.Path != want || !h.u.backup.Made || h.u.backup.Err != nil {
		t.Fatalf("backup = %+v, want %s made", h.u.backup, want)
	}
	if rep, err := data.Check(want); err != nil || !rep.OK() {
		t.Errorf("the backup does not check: %v %v", rep, err)
	}
	if !strings.Contains(h.u.status.Text, "backup") {
		t.Errorf("status %q", h.u.status.Text)
	}
	// Opening again the same day makes no second copy.
	h.u.open(h.path)
	h.sync()
	if h.u.backup.Made {
		t.Errorf("a second backup the same day")
	}
}

func TestFirstRunIsNotBackedUp(t *testing.T) {
	h := newHarness(t, nil)
	if _, err := os.Stat(data.BackupFolder(h.path)); err == nil {
		t.Errorf("an empty database was backed up")
	}
}

func TestOpenRecentAndTitle(t *testing.T) {
	h := newHarness(t, panel)
	if title := h.w.Title(); !strings.HasPrefix(title, "minutebook.db") {
		t.Errorf("title %q", title)
	}
	other := filepath.Join(t.TempDir(), "audit committee.db")
	s, err := data.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	s.CreateBody(&data.Body{Name: "Audit Committee", ShortCode: "AC", Numbering: data.NumberPerMeeting})
	s.Close()

	h.u.openFile(other)
	h.sync()
	if h.u.store.Path() != other || h.u.nav.body.Name != "Audit Committee" {
		t.Fatalf("open: %s, body %q", h.u.store.Path(), h.u.nav.body.Name)
	}
	if title := h.w.Title(); !strings.HasPrefix(title, "audit committee.db") {
		t.Errorf("title %q", title)
	}
	recent := h.u.recentFiles()
	if len(recent) != 1 || recent[0] != h.path {
		t.Errorf("recent %v, want the first database", recent)
	}
	m := h.u.recentMenu()
	if len(m.Items) != 1 || !strings.HasPrefix(m.Items[0].Label, "minutebook.db") {
		t.Fatalf("recent menu %+v", m.Items)
	}
	m.Items[0].Action()
	h.sync()
	if h.u.store.Path() != h.path || h.u.nav.body.Name != "Upper Thames Police and Crime Panel" {
		t.Errorf("back: %s", h.u.store.Path())
	}
	// A file that is not a Minutebook database is refused and the open one stays.
	junk := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(junk, []byte("shopping list"), 0o644)
	h.u.openFile(junk)
	h.sync()
	if h.u.store.Path() != h.path || !strings.Contains(h.overlayText(), "not a Minutebook database") {
		t.Errorf("after a junk file: %s; dialogs:\n%s", h.u.store.Path(), h.overlayText())
	}
}

func TestBackUpNowAndNewDatabase(t *testing.T) {
	h := newHarness(t, panel)
	dir := t.TempDir()
	h.u.runCommand("backup")
	e := h.u.exporting
	if !strings.HasPrefix(e.name.Text, "minutebook ") || !strings.HasSuffix(e.name.Text, ".db") || e.folder.Text != data.BackupFolder(h.path) {
		t.Errorf("suggested %q in %q", e.name.Text, e.folder.Text)
	}
	copyPath := exportTo(t, h, dir)
	if rep, err := data.Check(copyPath); err != nil || !rep.OK() {
		t.Errorf("the copy does not check: %v %v", rep, err)
	}
	if strings.Contains(h.overlayText(), "Open") && !strings.Contains(h.overlayText(), "Show in folder") {
		t.Errorf("saved message:\n%s", h.overlayText())
	}
	h.closeOverlays()

	h.u.runCommand("reveal")
	if len(h.revealed) != 1 || h.revealed[0] != h.path {
		t.Errorf("revealed %v", h.revealed)
	}

	h.u.runCommand("new-file")
	e = h.u.exporting
	e.name.SetText("surrey")
	e.folder.SetText(dir)
	test.Tap(e.ok)
	h.sync()
	want := filepath.Join(dir, "surrey.db")
	if h.u.store.Path() != want || h.u.screen != "first-run" {
		t.Errorf("new database: %s on %q, want %s on first run", h.u.store.Path(), h.u.screen, want)
	}
	// A name already taken is refused rather than replaced: the database open, or another.
	for _, name := range []string{"surrey.db", filepath.Base(copyPath)} {
		h.u.runCommand("new-file")
		e = h.u.exporting
		e.name.SetText(name)
		e.folder.SetText(filepath.Dir(filepath.Join(dir, name)))
		if name != "surrey.db" {
			e.folder.SetText(filepath.Dir(copyPath))
		}
		test.Tap(e.ok)
		h.sync()
		if !e.note.shown() || !(strings.Contains(e.note.Text, "in use") || strings.Contains(e.note.Text, "is a database")) {
			t.Errorf("new database over %s: note %q", name, e.note.Text)
		}
	}
}
