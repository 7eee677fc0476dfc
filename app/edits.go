package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// edit is one change the clerk made to a record on screen, for u.save to write: every
// screen's typing and ticking goes through it, so that every record is written the same way —
// in order, off the UI goroutine, journaled until written, never over a newer copy.
type edit struct {
	rec  data.Record // a copy of the record as on screen; u.save owns it from here
	what string      // for the status line and messages: "item 5"
	// key names the record; data.Key(rec) when empty. A record created by its first save
	// (an action or declaration still being typed) has a key of the screen's own and a box.
	key string
	box *pendingID
	// applied runs on the UI goroutine once the record is written, with the record as
	// written (its new version, its number) and what else the save changed.
	applied func(rec data.Record, ch data.Changes)
	// failed runs on the UI goroutine when the store refuses the edit (a clash with a newer
	// copy is handled for every screen by u.onStale, after failed).
	failed func(err error)
	dump   func() string // the edit in words, for the recovery file
}

// save queues an edit; see edit. Typing costs no database work: the saver writes the newest
// copy of each record when the clerk pauses, and the journal has it on disk a moment after
// each key.
func (u *ui) save(e edit) {
	if u.readOnly {
		return
	}
	key := e.key
	if key == "" {
		key = data.Key(e.rec)
	}
	rec, box, store, sv := e.rec, e.box, u.store, u.saver
	var written data.Record
	var changes data.Changes
	entry := journalEntry{Key: key, What: e.what, box: box}
	if b, err := data.MarshalRecord(rec); err == nil {
		entry.Record = b
	}
	if e.dump != nil {
		entry.Text = e.dump()
	}
	_, v := rec.Stamp()
	entry.Version = max(*v, sv.version(key))
	seq := sv.jr.put(entry)
	sv.change(job{key: key, what: e.what, seq: seq,
		write: func() error {
			id, version := rec.Stamp()
			if box != nil && box.get() != 0 {
				*id = box.get()
			}
			recKey := data.Key(rec)
			*version = max(*version, sv.version(recKey), sv.version(key))
			ch, err := store.Save(rec)
			if err != nil {
				return err
			}
			if box != nil {
				box.set(*id)
			}
			sv.noteVersion(key, *version)
			sv.noteVersion(data.Key(rec), *version)
			for _, a := range ch.Actions {
				sv.noteVersion(actionKey(a.ID), a.Version)
			}
			written, changes = rec, ch
			return nil
		},
		after: func() {
			if e.applied != nil && written != nil {
				e.applied(written, changes)
			}
		},
		failed: func(err error) {
			if e.failed != nil {
				e.failed(err)
			}
			if errors.Is(err, data.ErrStale) {
				u.onStale(key, e, err)
			}
		},
		dump: e.dump,
	})
}

// onStale tells the clerk that a record was saved elsewhere (another window or program)
// after this window read it: their text is kept in a recovery file and the newer text is
// shown.
func (u *ui) onStale(key string, e edit, err error) {
	file := ""
	if e.dump != nil {
		file = u.writeRecovery(fmt.Sprintf("== %s (not saved: it was changed elsewhere) ==\n%s\n", e.what, e.dump()))
	}
	u.saver.forget(key)
	msg := sentence(err) + "."
	if file != "" {
		msg += "\n\nWhat you typed is kept in " + file + "; the newer text is shown."
	}
	u.showError("Not saved", errors.New(msg))
	u.reloadScreen()
}

// reloadScreen shows again, from the file, the screen on show.
func (u *ui) reloadScreen() {
	switch u.screen {
	case "meeting":
		if u.meeting.fm != nil {
			u.meeting.reload()
		}
	case "people":
		u.people.load(u.nav.bodyID())
	case "actions":
		u.actionLog.open(u.nav.bodyID())
	}
}

// pendingID carries the id of a record that the writer creates on its first valid save, so
// that later writes update it instead of adding it again, and the journal knows it.
type pendingID struct{ id atomic.Int64 }

func newPendingID(id int64) *pendingID {
	p := &pendingID{}
	p.id.Store(id)
	return p
}

func (p *pendingID) get() int64   { return p.id.Load() }
func (p *pendingID) set(id int64) { p.id.Store(id) }

// errReadOnlyWindow is the answer to a change asked of a read-only window.
var errReadOnlyWindow = errors.New("this window is read-only, because the minute book is open for writing in another Minutebook window")

// tellRestored says what the start saved from the journal a stopped Minutebook left.
func (u *ui) tellRestored(r restored, err error) {
	if err != nil {
		u.showError("Some unsaved edits could not be restored", err)
		return
	}
	if len(r.Saved) == 0 && len(r.Kept) == 0 {
		return
	}
	msg := "Minutebook stopped last time before it had saved everything you typed."
	if len(r.Saved) > 0 {
		msg += "\n\nRestored and saved: " + strings.Join(r.Saved, "; ") + "."
	}
	if len(r.Kept) > 0 {
		msg += "\n\nCould not be saved (changed elsewhere since, or incomplete), and kept in " + r.Recovery + ": " + strings.Join(r.Kept, "; ") + "."
	}
	u.restoredNote = msg
	// Said in a band at the top, not in a dialog: a clerk back after a crash mid-meeting
	// types on at once, and a dialog would take the keys.
	var band *fyne.Container
	closeBtn := newPointerButton(&widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: func() {
		u.banner.Remove(band)
	}})
	band = container.NewBorder(nil, nil, nil, closeBtn,
		&widget.Label{Text: msg, Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	u.banner.Add(band)
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return os.SameFile(fa, fb)
}
