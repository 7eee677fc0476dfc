package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textEntry is the wrapping Entry every long-text field of the app uses: Fyne's Entry with
// its cursor kept where the text says it is.
//
// Fyne 2.7.1's word wrap swallows the space at which it breaks a row: the row before ends
// before the space and the next row begins after it (widget/richtext.go, lineBounds). The
// cursor is a row and a column, and when the space is the last character of the text (or of
// a line before a Return) no row begins after it, so the position just after the space has
// no row and column. Entry.TypedRune works out the cursor for it all the same
// (rowColFromTextPos gives a row past the last, or the next line's row) and the Entry's next
// refresh clamps that to the end of the row before (truncatePosition): the cursor lands
// *before* the space just typed. The clerk's next letter goes in before the space, which is
// pushed along to the end of the text: "received from Cllr" saved as "received fromCllr ".
// The same happens to a space pasted, or reached with → or End, at a wrap; and after a
// Return typed at a wrapped space the cursor jumps to the end of the next line.
// No upstream issue names this case; fyne-io/fyne#1737 and #2698 are the earlier cursor-at-
// a-wrap bugs in the same function, and #6241 changed findSpaceIndex in the same wrapping
// code without touching it.
//
// textEntry works around it in one place: after each edit or cursor move it compares the
// cursor with where the edit must leave it (the text after the cursor is unchanged by
// typing, pasting and deleting), and when Fyne cannot show that place it remembers it; the
// next key or paste starts from there. A column past the end of a row is how that place is
// written: Entry.CursorTextOffset adds the column to the row's start without clamping, so the
// edit lands exactly, and nothing refreshes the Entry before it does.
type textEntry struct {
	widget.Entry
	hang hangingCursor
	// paragraphs makes Return start a new paragraph (a blank line), as in Word, and
	// Shift+Return break the line: for narrative (questions, answers, summaries).
	paragraphs bool
}

// hangingCursor is where the cursor really is when Fyne could not place it: after a space
// that ends a wrapped row. It holds while the text and Fyne's clamped cursor stay as they
// were left; a click elsewhere or any change of the text by other means ends it.
type hangingCursor struct {
	set      bool
	text     string
	row, col int // Fyne's cursor as it was left
	offset   int // where the cursor really is, in runes
}

// newTextEntry makes a wrapping multi-line entry showing rows lines.
func newTextEntry(placeholder string, rows int, changed func(string)) *textEntry {
	e := &textEntry{}
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	e.PlaceHolder, e.OnChanged = placeholder, changed
	e.ExtendBaseWidget(e)
	if rows > 0 {
		e.SetMinRowsVisible(rows)
	}
	return e
}

// setText sets the text without calling OnChanged, clearing the undo history.
func (e *textEntry) setText(s string) {
	f := e.OnChanged
	e.OnChanged = nil
	e.SetText(s)
	e.OnChanged = f
}

// TypedRune types r where the cursor really is.
func (e *textEntry) TypedRune(r rune) {
	e.edit(func() { e.Entry.TypedRune(r) }, false)
}

// TypedKey handles a key from where the cursor really is, and keeps the cursor right after
// the edits and moves Fyne gets wrong at a wrap.
func (e *textEntry) TypedKey(k *fyne.KeyEvent) {
	if e.Disabled() {
		e.Entry.TypedKey(k)
		return
	}
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.paragraphs && !shiftDown() {
			// A new paragraph, unless the cursor is at the start of one already.
			if before := string([]rune(e.Text)[:min(e.offset(), utf8.RuneCountInString(e.Text))]); before != "" && !strings.HasSuffix(before, "\n\n") {
				e.edit(func() { e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard("\n\n")}) }, false)
			}
			return
		}
		e.edit(func() { e.Entry.TypedKey(k) }, false)
	case fyne.KeyBackspace, fyne.KeyTab:
		e.edit(func() { e.Entry.TypedKey(k) }, false)
	case fyne.KeyDelete:
		e.edit(func() { e.Entry.TypedKey(k) }, true)
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyEnd:
		e.move(k)
	default:
		e.restore()
		e.Entry.TypedKey(k)
		e.hang = hangingCursor{}
	}
}

// TypedShortcut pastes and cuts where the cursor really is.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutPaste, *fyne.ShortcutCut:
		if !e.Disabled() {
			e.edit(func() { e.Entry.TypedShortcut(s) }, false)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// cursorTo puts the cursor at rune offset pos of the text: on the last row that starts at
// or before pos, which is where Fyne's wrapping shows it (and, after a swallowed space, a
// column past the row's end). A row past the last starts at offset 0 as CursorTextOffset
// counts, which ends the search.
func (e *textEntry) cursorTo(pos int) {
	row, start := 0, 0
	for r := 1; ; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		b := e.CursorTextOffset()
		if b == 0 || b > pos {
			break
		}
		row, start = r, b
	}
	e.CursorRow, e.CursorColumn = row, pos-start
}

// moveCursor puts the cursor at rune offset pos and shows it there, remembering the place
// if it is past a space at a wrap, where Fyne cannot show it.
func (e *textEntry) moveCursor(pos int) {
	e.cursorTo(pos)
	e.Refresh()
	e.keep(pos)
}

// offset is the rune offset of the cursor in the text: where the next letter goes.
func (e *textEntry) offset() int {
	if h := e.hang; h.set && e.Text == h.text && e.CursorRow == h.row && e.CursorColumn == h.col {
		return h.offset
	}
	return e.CursorTextOffset()
}

// restore puts the cursor back where it really is, if Fyne could not show it there and
// nothing has moved it since.
func (e *textEntry) restore() {
	h := e.hang
	if !h.set {
		return
	}
	e.hang = hangingCursor{}
	if e.Text == h.text && e.CursorRow == h.row && e.CursorColumn == h.col && e.SelectedText() == "" {
		e.cursorTo(h.offset)
	}
}

// edit runs an edit of the text from where the cursor really is, then checks that the
// cursor is where the edit leaves it: after what was typed or pasted, or where the text was
// deleted. deleteAhead is for Delete, which removes the character after the cursor.
func (e *textEntry) edit(do func(), deleteAhead bool) {
	e.restore()
	before := utf8.RuneCountInString(e.Text)
	end, ok := e.selectionEnd()
	// What follows the cursor (or the selection) is the same after the edit: so many runes.
	tail := before - end
	if deleteAhead && e.SelectedText() == "" && end < before {
		tail--
	}

	var edited string
	changed := false
	cb := e.OnChanged
	e.OnChanged = func(s string) {
		edited, changed = s, true
		if ok {
			e.place(utf8.RuneCountInString(s) - tail)
		}
		if cb != nil {
			cb(s)
		}
	}
	do()
	e.OnChanged = cb
	if ok && changed && e.Text == edited {
		e.keep(utf8.RuneCountInString(edited) - tail)
	}
}

// move handles ←, → and End, which Fyne cannot take across a swallowed space.
func (e *textEntry) move(k *fyne.KeyEvent) {
	e.restore()
	if e.SelectedText() != "" {
		e.Entry.TypedKey(k)
		return
	}
	pos := e.CursorTextOffset()
	n := utf8.RuneCountInString(e.Text)
	e.Entry.TypedKey(k)
	if e.SelectedText() != "" { // Shift is down: Fyne selects
		return
	}
	want := e.CursorTextOffset()
	switch k.Name {
	case fyne.KeyLeft:
		want = max(pos-1, 0)
	case fyne.KeyRight:
		want = min(pos+1, n)
	case fyne.KeyEnd:
		// Fyne goes to the end of the row; at the last row of a line the end of the line is
		// past a swallowed space.
		want = lineEndPast(e.Text, want)
	}
	e.keep(want)
}

// place moves the cursor to offset want now, if Fyne put it elsewhere.
func (e *textEntry) place(want int) {
	if e.CursorTextOffset() != want {
		e.cursorTo(want)
	}
}

// keep remembers offset want as the cursor's place if Fyne's cursor, as it is left after
// its refresh, is elsewhere.
func (e *textEntry) keep(want int) {
	if e.CursorTextOffset() == want {
		e.hang = hangingCursor{}
		return
	}
	e.hang = hangingCursor{set: true, text: e.Text, row: e.CursorRow, col: e.CursorColumn, offset: want}
}

// selectionEnd is the rune offset where the selection ends, or the cursor when nothing is
// selected. ok is false when the selection cannot be told apart from another run of the
// same text next to it; the edit is then left as Fyne makes it.
func (e *textEntry) selectionEnd() (end int, ok bool) {
	pos := e.CursorTextOffset()
	sel := e.SelectedText()
	if sel == "" {
		return pos, true
	}
	runes := []rune(e.Text)
	n := utf8.RuneCountInString(sel)
	before := pos >= n && string(runes[pos-n:pos]) == sel // the cursor ends the selection
	after := pos+n <= len(runes) && string(runes[pos:pos+n]) == sel
	switch {
	case before && !after:
		return pos, true
	case after && !before:
		return pos + n, true
	}
	return pos, false
}

// lineEndPast returns the end of the line at offset pos when only spaces lie between: the
// place End should reach, past a space the wrap swallowed.
func lineEndPast(text string, pos int) int {
	runes := []rune(text)
	i := pos
	for i < len(runes) && runes[i] != '\n' && unicode.IsSpace(runes[i]) {
		i++
	}
	if i == len(runes) || runes[i] == '\n' {
		return i
	}
	return pos
}

// AcceptsTab is false: Tab moves to the next field (from a question to its answer) rather
// than typing a tab character into the minutes.
func (e *textEntry) AcceptsTab() bool { return false }
