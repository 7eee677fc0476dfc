package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// press sends a key to the window's canvas as the window does when no field has the cursor.
func press(h *harness, name fyne.KeyName) {
	if f := h.w.Canvas().OnTypedKey(); f != nil {
		f(&fyne.KeyEvent{Name: name})
	}
}

// TestDialogsAnswerTheKeyboard: Return confirms "Delete item?", Escape closes the "Saved"
// message, and no shortcut runs behind an open dialog.
func TestDialogsAnswerTheKeyboard(t *testing.T) {
	h := newMeeting(t, "2023-09-15")
	addItem(h, "Apologies", "")
	addItem(h, "To be deleted", "")
	h.sync()
	h.w.Canvas().Focus(nil)

	h.u.meeting.agenda.onDeleteItem()
	if !strings.Contains(h.overlayText(), "Delete item") {
		t.Fatalf("no question:\n%s", h.overlayText())
	}
	// Behind the question, Ctrl+N and Ctrl+Shift+N do nothing.
	h.u.runCommand("new-item")
	h.u.runCommand("new-meeting")
	if n := len(h.w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs stacked, want the question alone", n)
	}
	press(h, fyne.KeyReturn)
	h.sync()
	if fm, _ := h.db().LoadMeeting(h.u.meeting.fm.ID); len(fm.Items) != 1 || fm.Items[0].Title != "Apologies" {
		t.Fatalf("Return did not delete the item: %+v", fm.Items)
	}
	if dialogOpen(h.w) {
		t.Errorf("the question is still open")
	}

	h.u.meeting.onExport()
	exportTo(t, h, t.TempDir())
	if h.u.savedDialog == nil || !dialogOpen(h.w) {
		t.Fatal("no Saved message")
	}
	press(h, fyne.KeyEscape)
	if dialogOpen(h.w) {
		t.Errorf("Escape did not close the Saved message:\n%s", h.overlayText())
	}
	if len(h.opened) != 0 {
		t.Errorf("Escape opened the file")
	}
	// With the dialogs gone, the shortcuts work again.
	h.u.runCommand("new-item")
	if n := len(h.u.meeting.fm.Items); n != 2 {
		t.Errorf("Ctrl+N after the dialogs: %d items", n)
	}
}

// TestShortcutsWindowClosesWithEscape: the shortcuts list closes with Escape.
func TestShortcutsWindowClosesWithEscape(t *testing.T) {
	h := newHarness(t, panel)
	h.u.showShortcuts()
	var w fyne.Window
	for _, x := range h.u.app.Driver().AllWindows() {
		if strings.Contains(x.Title(), "Keyboard shortcuts") {
			w = x
		}
	}
	if w == nil {
		t.Fatal("no shortcuts window")
	}
	closed := false
	w.SetOnClosed(func() { closed = true })
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Errorf("Escape did not close the shortcuts window")
	}
}
