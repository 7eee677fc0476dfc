package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file is where Minutebook works around Fyne's keyboard focus, in one place.
//
// Fyne's Tab moves to the next focusable object in the window's tree, and every button is
// focusable: in a question card Tab stopped on the drop-down arrow of "Asked by", on ↑, ↓ and
// delete before it reached the question, a key typed there was lost and Space pressed the
// button. Fyne has no way to take a widget out of the Tab order except disabling it. So the
// buttons on the screens are pointerButtons, which pass the focus on as soon as they get it
// (each thing they do has a key of its own, listed in Help → Keyboard shortcuts), and the
// pick-lists are choiceEntries, whose drop-down arrow is one. Tab then moves only between the
// fields a clerk fills, in reading order; a long-text field (textEntry) takes no Tab character
// either, so Tab leaves a question for its answer. Dialogs keep Fyne's own buttons, which Tab
// reaches and Return and Escape answer.

// pointerButton is a button for the mouse, which the keyboard passes over.
type pointerButton struct{ widget.Button }

// newPointerButton makes a button of b's text, icon, importance and action that Tab passes
// over.
func newPointerButton(b *widget.Button) *pointerButton {
	p := &pointerButton{}
	p.Text, p.Icon, p.Importance, p.OnTapped = b.Text, b.Icon, b.Importance, b.OnTapped
	p.Alignment, p.IconPlacement = b.Alignment, b.IconPlacement
	p.ExtendBaseWidget(p)
	return p
}

// FocusGained passes the focus on, forwards or back as the clerk was going.
func (b *pointerButton) FocusGained() { passFocus(b) }

// passing counts nested passes, so that a window holding only buttons cannot pass forever.
var passing int

// passFocus moves the focus on from o to the next (or, with Shift down, the previous) object
// that keeps it.
func passFocus(o fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || passing > 50 {
		return
	}
	passing++
	defer func() { passing-- }()
	if shiftDown() {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// shiftDown reports whether a Shift key is held.
func shiftDown() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return shiftHeld || ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// shiftHeld stands for the Shift key under Fyne's test driver, which has no keyboard.
var shiftHeld bool

// choiceEntry is a one-line entry for a name (or an owner, or any word from a list) with
// type-ahead (see suggest.go) and a drop-down arrow listing every option, which Tab passes
// over. OnChosen, if set, runs when the clerk takes a suggestion, from the list or the arrow.
type choiceEntry struct {
	widget.Entry
	options  []string
	popUp    *widget.PopUpMenu
	list     *suggestions
	OnChosen func(name string)
	// replaceOnFocus selects the text when the field gets the cursor, so that what the
	// clerk types replaces the suggestion in it ("Present" becomes "apol…").
	replaceOnFocus bool
}

// FocusGained selects the text of a field that replaces it on focus.
func (e *choiceEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.replaceOnFocus && e.Text != "" {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

func newChoiceEntry(options []string) *choiceEntry {
	e := &choiceEntry{options: options}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.list = newSuggestions(e)
	arrow := newPointerButton(&widget.Button{Icon: theme.MenuDropDownIcon(), Importance: widget.LowImportance, OnTapped: e.showOptions})
	e.ActionItem = arrow
	return e
}

// SetOptions changes the suggestions.
func (e *choiceEntry) SetOptions(options []string) { e.options = options }

// TypedRune types as an Entry does and lists the matching options.
func (e *choiceEntry) TypedRune(r rune) {
	e.Entry.TypedRune(r)
	e.list.update(e.Text)
}

// TypedKey lets ↓ and ↑ choose in the list, Return take the chosen name, Escape close the
// list; Backspace and Delete list again.
func (e *choiceEntry) TypedKey(k *fyne.KeyEvent) {
	if e.list.showing {
		switch k.Name {
		case fyne.KeyDown:
			e.list.move(+1)
			return
		case fyne.KeyUp:
			e.list.move(-1)
			return
		case fyne.KeyReturn, fyne.KeyEnter:
			e.list.take()
			if e.OnSubmitted != nil {
				e.OnSubmitted(e.Text)
			}
			return
		case fyne.KeyEscape:
			e.list.hide()
			return
		case fyne.KeyTab:
			e.takeOnTab()
			return
		}
	}
	e.Entry.TypedKey(k)
	if k.Name == fyne.KeyBackspace || k.Name == fyne.KeyDelete {
		e.list.update(e.Text)
	}
}

// AcceptsTab is true while the list shows, so that Tab takes the chosen name (and then moves
// on); otherwise Tab moves on at once.
func (e *choiceEntry) AcceptsTab() bool { return e.list.showing }

// FocusLost closes the list; Tab (see AcceptsTab) has taken its choice already.
func (e *choiceEntry) FocusLost() {
	e.list.hide()
	e.Entry.FocusLost()
}

// takeOnTab is what Tab does while the list shows: take the chosen name and move on.
func (e *choiceEntry) takeOnTab() {
	e.list.take()
	passFocus(e)
}

// choose puts a name in the entry as if typed, with the cursor at its end.
func (e *choiceEntry) choose(name string) {
	e.SetText(name)
	e.CursorColumn = len([]rune(name))
	e.Refresh()
	if e.OnChosen != nil {
		e.OnChosen(name)
	}
}

// showOptions drops the list of every option down under the entry.
func (e *choiceEntry) showOptions() {
	if e.Disabled() || len(e.options) == 0 {
		return
	}
	items := make([]*fyne.MenuItem, len(e.options))
	for i, o := range e.options {
		items[i] = fyne.NewMenuItem(o, func() { e.choose(o) })
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	e.popUp = widget.NewPopUpMenu(fyne.NewMenu("", items...), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	e.popUp.Resize(fyne.NewSize(e.Size().Width, e.popUp.MinSize().Height))
}

// Disable and Enable take the drop-down arrow with the entry.
func (e *choiceEntry) Disable() {
	e.ActionItem.(fyne.Disableable).Disable()
	e.Entry.Disable()
}

func (e *choiceEntry) Enable() {
	e.ActionItem.(fyne.Disableable).Enable()
	e.Entry.Enable()
}
