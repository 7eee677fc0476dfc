package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

// Dialogs answer the keyboard: Escape closes the dialog on top as its Cancel or Close button
// would, and Return answers it as its main button would ("Delete", "Replace", "Open"). While
// a dialog is open, the menu's shortcuts wait (runCommand), so that nothing happens behind
// it. Fyne's dialogs take no keys of their own, and give the keys to the window's canvas
// when no field in them has the cursor; so every dialog the app shows is kept here with what
// Return does.

// keptDialog is a dialog on show and what Return does in it.
type keptDialog struct {
	d  dialog.Dialog
	ok func()
}

// shownDialogs has the dialogs on show in each window, the newest last.
var shownDialogs = map[fyne.Window][]*keptDialog{}

// keepDialog shows d in w, answering Escape with d.Hide and Return with ok (d.Hide when nil).
func keepDialog(w fyne.Window, d dialog.Dialog, ok func()) {
	if ok == nil {
		ok = d.Hide
	}
	k := &keptDialog{d: d, ok: ok}
	shownDialogs[w] = append(shownDialogs[w], k)
	d.SetOnClosed(func() {
		delete(formSubmits, d)
		list := shownDialogs[w]
		for i, x := range list {
			if x == k {
				shownDialogs[w] = append(list[:i:i], list[i+1:]...)
				break
			}
		}
	})
	answerKeys(w)
	d.Show()
}

// dialogOpen reports whether w shows a dialog (or any pop-up over its content).
func dialogOpen(w fyne.Window) bool {
	return w.Canvas() != nil && w.Canvas().Overlays().Top() != nil
}

// answerKeys makes w's canvas pass Escape and Return to its top dialog.
func answerKeys(w fyne.Window) {
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { dialogKey(w, k) })
}

// dialogKey answers a key for the top dialog of w; it reports whether there was one.
func dialogKey(w fyne.Window, k *fyne.KeyEvent) bool {
	list := shownDialogs[w]
	if len(list) == 0 || !dialogOpen(w) {
		delete(shownDialogs, w) // closed some other way
		return false
	}
	top := list[len(list)-1]
	switch k.Name {
	case fyne.KeyEscape:
		top.d.Hide()
	case fyne.KeyReturn, fyne.KeyEnter:
		top.ok()
	default:
		return false
	}
	return true
}

// formSubmits has what Return does in each form dialog (formDialog): its main button.
var formSubmits = map[dialog.Dialog]func(){}

// desktopShortcutW is Ctrl+W (Cmd+W), which closes a window of its own.
var desktopShortcutW = desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}

// showConfirm asks a yes-or-no question in a dialog that Return confirms and Escape cancels.
func (u *ui) showConfirm(title, message string, answer func(bool)) {
	d := dialog.NewConfirm(title, message, answer, u.win)
	keepDialog(u.win, d, d.Confirm)
}

// showErrorDialog says what went wrong in a dialog that Escape or Return closes.
func (u *ui) showErrorDialog(err error) {
	keepDialog(u.win, dialog.NewError(err, u.win), nil)
}

// closeOnEscape makes Escape and Ctrl+W (Cmd+W) close a window of its own, such as the
// shortcuts list.
func closeOnEscape(w fyne.Window) {
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape && !dialogKey(w, k) {
			w.Close()
		}
	})
	w.Canvas().AddShortcut(&desktopShortcutW, func(fyne.Shortcut) { w.Close() })
}
