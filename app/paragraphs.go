package app

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paragraphEntry edits long text as a column of paragraphs, one wrapping Entry each, so a
// keystroke re-lays out one paragraph, not the whole minute. Fyne 2.7's wrapping Entry
// lays out all of its text on every keystroke (fyne-io/fyne#4221, #5297): 60 to 100 ms a
// key at 5,500 words, where a paragraph of a hundred words takes under a tenth of that
// (BenchmarkTypingIntoLongParagraphs against BenchmarkTypingIntoOneLongEntry).
//
// Use it where a multi-line Entry would go:
//
//	p := newParagraphEntry()
//	p.SetPlaceHolder("The minutes of this item")
//	p.OnChanged = func(text string) { … }      // after each edit by the clerk, with the whole text
//	p.SetText(it.Minutes)                      // does not call OnChanged
//	p.Text()                                   // the paragraphs joined by "\n\n"
//	p.Disable() / p.Enable() / p.Disabled()    // read-only for approved minutes
//	p.FocusEnd(win.Canvas())                   // the cursor at the end of the last paragraph
//	p.InsertAtCursor("[Action: PCC]")          // where the clerk is typing
//
// It scrolls itself, as a multi-line Entry does: put it straight in a Border or Stack, not in
// a VScroll (it has to own the scroller to keep the cursor in view while the clerk types,
// and to take the mouse wheel over the paragraphs, whose Entries would otherwise swallow it).
//
// Paragraphs are separated by a blank line. Text() joins them with "\n\n" and SetText splits
// at every "\n\n", so SetText(s) then Text() gives s back exactly; a single "\n" stays a line
// break inside its paragraph. For the clerk it behaves as one text box: Enter twice starts a
// new paragraph, Backspace at the start of a paragraph joins it to the one before and Delete
// at the end joins the next, the arrow keys cross between paragraphs, and pasted text with
// blank lines becomes paragraphs. A selection, undo and Select all stay within a paragraph;
// joining or splitting paragraphs clears their undo history.
type paragraphEntry struct {
	widget.BaseWidget

	// OnChanged is called after each edit by the clerk with the whole text. Joining the
	// paragraphs is the only work per keystroke that grows with the length of the text.
	OnChanged func(text string)

	placeHolder string
	disabled    bool

	paras   []*paragraph    // top to bottom; never empty
	column  *fyne.Container // the paragraphs' holders, in a VBox
	scroll  *container.Scroll
	wheel   *wheelForwarder
	current *paragraph // the paragraph the clerk last typed in, for InsertAtCursor
}

// newParagraphEntry returns an empty paragraphEntry: one empty paragraph.
func newParagraphEntry() *paragraphEntry {
	p := &paragraphEntry{}
	p.column = container.NewVBox()
	p.scroll = container.NewVScroll(p.column)
	p.wheel = newWheelForwarder(p.scroll)
	p.ExtendBaseWidget(p)
	p.paras = []*paragraph{p.newParagraph("")}
	p.column.Objects = []fyne.CanvasObject{p.paras[0].holder}
	p.showPlaceHolder()
	return p
}

// SetText replaces the text, splitting it into paragraphs at every blank line ("\n\n").
// Like Entry.SetText it clears the undo history; unlike it, it does not call OnChanged.
func (p *paragraphEntry) SetText(text string) {
	pieces := strings.Split(text, "\n\n")
	for i, s := range pieces {
		if i < len(p.paras) {
			e := p.paras[i]
			e.CursorRow, e.CursorColumn = 0, 0
			e.setText(s)
			e.measure()
			continue
		}
		p.paras = append(p.paras, p.newParagraph(s))
	}
	if len(p.paras) > len(pieces) {
		c := p.canvas()
		for _, e := range p.paras[len(pieces):] {
			e.gone = true
			if c != nil && c.Focused() == fyne.Focusable(e) {
				c.Unfocus()
			}
		}
		clear(p.paras[len(pieces):])
		p.paras = p.paras[:len(pieces)]
	}
	p.current = nil // InsertAtCursor goes to the end until the clerk types…
	for _, e := range p.paras {
		if e.focused {
			p.current = e // …or where the clerk is typing still
		}
	}
	objs := make([]fyne.CanvasObject, len(p.paras))
	for i, e := range p.paras {
		objs[i] = e.holder
	}
	p.column.Objects = objs
	p.showPlaceHolder()
	p.relayout()
	if p.scroll.Size().Width > 0 {
		p.scroll.ScrollToTop()
	} else {
		p.scroll.Offset = fyne.Position{} // refreshing the scroller now would lay the text out at no width
	}
}

// Text returns the paragraphs joined by "\n\n".
func (p *paragraphEntry) Text() string {
	if len(p.paras) == 1 {
		return p.paras[0].Text
	}
	n := 2 * (len(p.paras) - 1)
	for _, e := range p.paras {
		n += len(e.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, e := range p.paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(e.Text)
	}
	return b.String()
}

// SetPlaceHolder sets the text shown while there is no text at all.
func (p *paragraphEntry) SetPlaceHolder(text string) {
	p.placeHolder = text
	p.showPlaceHolder()
}

// Disable makes every paragraph read-only; the text can still be selected and copied.
func (p *paragraphEntry) Disable() { p.setDisabled(true) }

// Enable makes the paragraphs editable again.
func (p *paragraphEntry) Enable() { p.setDisabled(false) }

// Disabled reports whether the text is read-only.
func (p *paragraphEntry) Disabled() bool { return p.disabled }

func (p *paragraphEntry) setDisabled(on bool) {
	if p.disabled == on {
		return
	}
	p.disabled = on
	for _, e := range p.paras {
		if on {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	p.Refresh()
}

// FocusEnd gives c's focus to the last paragraph with the cursor at its end, scrolled into
// view.
func (p *paragraphEntry) FocusEnd(c fyne.Canvas) {
	e := p.paras[len(p.paras)-1]
	e.cursorTo(utf8.RuneCountInString(e.Text))
	p.focus(e, c)
}

// InsertAtCursor types s where the clerk is typing, replacing any selection, as one edit:
// at the cursor of the paragraph last typed in, or at the end of the text. A blank line in s
// starts a new paragraph. OnChanged is called once. The paragraph keeps or takes the focus.
func (p *paragraphEntry) InsertAtCursor(s string) {
	if p.disabled || s == "" {
		return
	}
	e := p.current
	if e == nil || e.gone {
		e = p.paras[len(p.paras)-1]
		e.cursorTo(utf8.RuneCountInString(e.Text))
	}
	e.paste(s)
	if c := p.canvas(); c != nil && p.current != nil && !p.current.focused {
		p.focus(p.current, c)
	}
}

// Tapped puts the cursor at the end of the paragraph above the point tapped: the clerk
// clicked between paragraphs or below the last.
func (p *paragraphEntry) Tapped(ev *fyne.PointEvent) {
	y := ev.Position.Y + p.scroll.Offset.Y
	e := p.paras[0]
	for _, q := range p.paras[1:] {
		if q.holder.Position().Y > y {
			break
		}
		e = q
	}
	e.cursorTo(utf8.RuneCountInString(e.Text))
	p.focus(e, p.canvas())
}

// Cursor shows the text cursor between the paragraphs too.
func (p *paragraphEntry) Cursor() desktop.Cursor { return desktop.TextCursor }

// CreateRenderer draws one input box behind the paragraphs, which draw none of their own.
func (p *paragraphEntry) CreateRenderer() fyne.WidgetRenderer {
	box := canvas.NewRectangle(color.Transparent)
	r := &paragraphRenderer{p: p, box: box, objects: []fyne.CanvasObject{box, p.scroll, p.wheel}}
	r.Refresh()
	return r
}

// newParagraph makes the Entry for one paragraph, sized to the column when it is known.
func (p *paragraphEntry) newParagraph(text string) *paragraph {
	e := &paragraph{p: p}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.Text = text
	e.ExtendBaseWidget(e)
	e.OnChanged = func(string) { p.onEdited(e) }
	e.OnCursorChanged = func() { p.showCursor(e) }
	if p.disabled {
		e.Disable()
	}
	e.holder = container.NewThemeOverride(e, paragraphTheme{})
	if w := p.scroll.Size().Width; w > 0 {
		e.holder.Resize(fyne.NewSize(w, e.MinSize().Height)) // wraps the text at the real width
	}
	e.measure()
	return e
}

// onEdited follows an edit inside paragraph e: a blank line typed or pasted splits it, and
// a paragraph that gained or lost a line pushes the ones below it down or up.
func (p *paragraphEntry) onEdited(e *paragraph) {
	if e.gone { // SetText dropped it while it had the focus
		return
	}
	p.current = e
	if strings.Contains(e.Text, "\n\n") {
		p.split(e)
	} else if e.measure() {
		p.relayout()
	}
	p.changed()
}

func (p *paragraphEntry) changed() {
	if p.OnChanged != nil {
		p.OnChanged(p.Text())
	}
}

// split breaks paragraph e at its blank lines and moves the cursor to where it was in the
// text: after Enter Enter, the start of the new paragraph; after a paste, the end of what
// was pasted.
func (p *paragraphEntry) split(e *paragraph) {
	pos := e.offset()
	pieces := strings.Split(e.Text, "\n\n")
	at, col := 0, 0
	start := 0
	for k, s := range pieces {
		n := utf8.RuneCountInString(s)
		if pos <= start+n {
			at, col = k, pos-start
			break
		}
		start += n + 2
		if pos < start { // between the two line breaks
			at, col = k+1, 0
			break
		}
	}
	e.setText(pieces[0])
	e.measure()
	added := make([]*paragraph, len(pieces)-1)
	for k, s := range pieces[1:] {
		added[k] = p.newParagraph(s)
	}
	i := p.index(e)
	p.paras = slices.Insert(p.paras, i+1, added...)
	holders := make([]fyne.CanvasObject, len(added))
	for k, a := range added {
		holders[k] = a.holder
	}
	p.column.Objects = slices.Insert(p.column.Objects, i+1, holders...)
	p.showPlaceHolder()
	p.relayout()
	target := p.paras[i+at]
	target.cursorTo(col)
	p.focus(target, p.canvas())
}

// joinNext joins paragraph i+1 onto the end of paragraph i, leaving the cursor at the join.
// It reports false when i is the last paragraph.
func (p *paragraphEntry) joinNext(i int) bool {
	if i < 0 || i+1 >= len(p.paras) {
		return false
	}
	e, next := p.paras[i], p.paras[i+1]
	tail := next.Text
	if strings.HasSuffix(e.Text, "\n") && strings.HasPrefix(tail, "\n") {
		tail = tail[1:] // joined as they are they would make a blank line: still two paragraphs
	}
	join := utf8.RuneCountInString(e.Text)
	e.setText(e.Text + tail)
	e.measure()
	next.gone = true
	p.paras = slices.Delete(p.paras, i+1, i+2)
	p.column.Objects = slices.Delete(p.column.Objects, i+1, i+2)
	if p.current == next {
		p.current = e
	}
	p.showPlaceHolder()
	e.cursorTo(join)
	p.focus(e, p.canvas()) // before relayout: next leaves the canvas holding no focus
	p.relayout()
	p.changed()
	return true
}

// step moves the cursor from paragraph e into the one before (-1) or after (+1): to its
// last row or first row at column col, or with col < 0 to its end or start. It reports false
// when there is no such paragraph.
func (p *paragraphEntry) step(e *paragraph, dir, col int) bool {
	i := p.index(e) + dir
	if i < 0 || i >= len(p.paras) {
		return false
	}
	to := p.paras[i]
	switch {
	case dir > 0 && col < 0:
		to.cursorTo(0)
	case dir > 0:
		to.CursorRow, to.CursorColumn = 0, col // the Entry's refresh keeps it within the row
	case col < 0:
		to.cursorTo(utf8.RuneCountInString(to.Text))
	default:
		to.cursorTo(utf8.RuneCountInString(to.Text)) // the end of the last row
		to.CursorColumn = min(col, to.CursorColumn)
	}
	p.focus(to, p.canvas())
	return true
}

// focus gives e the focus, or shows its moved cursor when it has it already.
func (p *paragraphEntry) focus(e *paragraph, c fyne.Canvas) {
	if c == nil || c.Focused() == fyne.Focusable(e) {
		e.Refresh()
		return
	}
	c.Focus(e)
	if !e.focused { // a canvas that refused the focus: at least move the cursor
		e.Refresh()
	}
}

// showCursor scrolls the column so that the cursor of the focused paragraph e is in view,
// with a line's margin, as an Entry does with its own text.
func (p *paragraphEntry) showCursor(e *paragraph) {
	view := p.scroll.Size()
	if !e.focused || e.gone || view.Height <= 0 {
		return
	}
	th := e.Theme()
	line := fyne.MeasureText("M", th.Size(theme.SizeNameText), e.TextStyle).Height
	pad := th.Size(theme.SizeNameInnerPadding)
	top := e.holder.Position().Y + e.CursorPosition().Y
	bottom := top + line
	off := p.scroll.Offset
	switch {
	case top-pad < off.Y:
		off.Y = max(0, top-pad)
	case bottom+pad > off.Y+view.Height:
		off.Y = bottom + pad - view.Height
	default:
		return
	}
	p.scroll.ScrollToOffset(off)
}

// relayout stacks the paragraphs again after one changed height and gives the column its
// new height, so that the scroller can reach the cursor at once.
func (p *paragraphEntry) relayout() {
	view := p.scroll.Size()
	if view.Width <= 0 {
		return // not laid out yet: wrapping at no width would be slow and of no use
	}
	need := p.column.MinSize()
	size := fyne.NewSize(max(need.Width, view.Width), max(need.Height, view.Height))
	if p.column.Size() != size {
		p.column.Resize(size) // lays out
		return
	}
	p.column.Layout.Layout(p.column.Objects, size)
}

// showPlaceHolder puts the placeholder in the only paragraph of an empty text, and takes it
// from a first paragraph with others after it.
func (p *paragraphEntry) showPlaceHolder() {
	for i, e := range p.paras {
		want := ""
		if i == 0 && len(p.paras) == 1 {
			want = p.placeHolder
		}
		if e.PlaceHolder != want {
			e.SetPlaceHolder(want)
			if e.Text == "" && e.measure() {
				p.relayout()
			}
		}
	}
}

func (p *paragraphEntry) index(e *paragraph) int {
	return slices.Index(p.paras, e)
}

func (p *paragraphEntry) canvas() fyne.Canvas {
	return fyne.CurrentApp().Driver().CanvasForObject(p)
}

// paragraphRenderer draws the box around the paragraphs and stacks them in the scroller.
type paragraphRenderer struct {
	p       *paragraphEntry
	box     *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *paragraphRenderer) Layout(size fyne.Size) {
	p := r.p
	r.box.Resize(size)
	rewrap := p.scroll.Size().Width != size.Width
	p.scroll.Resize(size) // the paragraphs wrap again at a new width, changing their heights…
	p.wheel.Resize(size)
	if rewrap {
		p.relayout() // …so they are stacked again
	}
}

// MinSize is that of a three-line Entry; the text scrolls within.
func (r *paragraphRenderer) MinSize() fyne.Size {
	th := r.p.Theme()
	line := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{})
	pad := th.Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(r.p.column.MinSize().Width, 3*line.Height+2*pad)
}

func (r *paragraphRenderer) Refresh() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.box.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.box.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	if r.p.disabled {
		r.box.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	}
	r.box.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.box.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.box.Refresh()
}

func (r *paragraphRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *paragraphRenderer) Destroy() {}

// minParagraphWidth is the narrowest the paragraphs are laid out.
const minParagraphWidth = 160

// paragraph is the Entry for one paragraph. It turns the keys that leave a paragraph (Up
// on its first row, Backspace at its start, …) into moves between paragraphs, and keeps its
// height that of its text, so that it never scrolls inside.
type paragraph struct {
	textEntry
	p      *paragraphEntry
	holder *container.ThemeOverride // what the column holds: the paragraph without a box

	rows0   int  // the rows its height was last set for
	focused bool // has the canvas's focus
	shift   bool // a Shift key is down: the arrows select within the paragraph
	gone    bool // no longer in the column
}

// TypedKey handles the keys that cross a paragraph's edge and passes the rest to the Entry.
func (e *paragraph) TypedKey(k *fyne.KeyEvent) {
	p := e.p
	if e.Disabled() || e.shift || e.SelectedText() != "" {
		e.textEntry.TypedKey(k)
		return
	}
	atStart := e.CursorRow == 0 && e.CursorColumn == 0
	switch k.Name {
	case fyne.KeyUp:
		if e.CursorRow == 0 && p.step(e, -1, e.CursorColumn) {
			return
		}
	case fyne.KeyDown:
		row, col := e.CursorRow, e.CursorColumn
		e.textEntry.TypedKey(k)
		if e.CursorRow == row { // it was on the last row
			p.step(e, +1, col)
		}
		return
	case fyne.KeyLeft:
		if atStart && p.step(e, -1, -1) {
			return
		}
	case fyne.KeyRight:
		if e.atEnd() && p.step(e, +1, -1) {
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		// Return starts a new paragraph, as in Word (Shift+Return, above, breaks the line).
		// At the start of a paragraph the break is there already: a second Return adds no
		// empty paragraph.
		if e.offset() > 0 {
			e.paste("\n\n")
		}
		return
	case fyne.KeyBackspace:
		if atStart && p.joinNext(p.index(e)-1) {
			return
		}
	case fyne.KeyDelete:
		if e.atEnd() && p.joinNext(p.index(e)) {
			return
		}
	}
	e.textEntry.TypedKey(k)
}

// TypedShortcut reads pasted Windows line ends as "\n", so that their blank lines split
// paragraphs, and lets a read-only paragraph only copy and select.
func (e *paragraph) TypedShortcut(s fyne.Shortcut) {
	if e.Disabled() {
		switch s.(type) {
		case *fyne.ShortcutCopy, *fyne.ShortcutSelectAll:
			e.textEntry.TypedShortcut(s)
		}
		return
	}
	if paste, ok := s.(*fyne.ShortcutPaste); ok && paste.Clipboard != nil {
		e.paste(strings.ReplaceAll(paste.Clipboard.Content(), "\r\n", "\n"))
		return
	}
	e.textEntry.TypedShortcut(s)
}

// KeyDown and KeyUp follow the Shift keys, which the Entry keeps to itself.
func (e *paragraph) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

func (e *paragraph) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// FocusGained and FocusLost follow the focus, for InsertAtCursor and for keeping the
// cursor in view.
func (e *paragraph) FocusGained() {
	e.focused = true
	e.p.current = e
	e.Entry.FocusGained()
}

func (e *paragraph) FocusLost() {
	e.focused, e.shift = false, false
	e.Entry.FocusLost()
}

// MinSize is at least minParagraphWidth wide: wrapping a long text into a sliver is slow, as
// each row is measured against the rest of its paragraph, and of no use to the clerk.
func (e *paragraph) MinSize() fyne.Size {
	return e.Entry.MinSize().Max(fyne.NewSize(minParagraphWidth, 0))
}

// Resize wraps the text again at a new width, which may change the paragraph's height.
func (e *paragraph) Resize(size fyne.Size) {
	w := e.Size().Width
	e.Entry.Resize(size)
	if size.Width != w {
		e.measure()
	}
}

// paste inserts s at the cursor as the Entry pastes: replacing the selection, as one edit
// for undo, with one call of OnChanged.
func (e *paragraph) paste(s string) {
	e.textEntry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard(s)})
}

// measure makes the paragraph as tall as its wrapped text, reporting whether its height
// changed.
func (e *paragraph) measure() bool {
	n := e.rows()
	if n == e.rows0 {
		return false
	}
	e.rows0 = n
	e.SetMinRowsVisible(n)
	return true
}

// rows counts the rows of the text as the Entry has wrapped it. The Entry does not say, but
// it does turn a row and column into an offset in the text, and a row past the last starts
// at offset 0, so the rows can be counted without laying the text out again.
func (e *paragraph) rows() int {
	width := e.Size().Width
	if width <= 0 { // not yet laid out: count the lines until the column has a width
		return strings.Count(e.Text, "\n") + 1
	}
	if e.Text == "" {
		if e.PlaceHolder == "" {
			return 1
		}
		th := e.Theme()
		room := width - 2*th.Size(theme.SizeNameInnerPadding)
		w := fyne.MeasureText(e.PlaceHolder, th.Size(theme.SizeNameText), e.TextStyle).Width
		n := int(math.Ceil(float64(w / room)))
		if n > 1 {
			n++ // words wrap short of the edge
		}
		return max(n, 1)
	}
	row, col := e.CursorRow, e.CursorColumn
	n := 1
	for {
		e.CursorRow, e.CursorColumn = n, 0
		if e.CursorTextOffset() == 0 {
			break
		}
		n++
	}
	e.CursorRow, e.CursorColumn = row, col
	return n
}

func (e *paragraph) atEnd() bool {
	return e.offset() >= utf8.RuneCountInString(e.Text)
}

// textClipboard is a clipboard holding one text, for pasting it.
type textClipboard string

func (c textClipboard) Content() string { return string(c) }
func (textClipboard) SetContent(string) {}

// paragraphTheme is the app's theme without the input box and border, which the
// paragraphEntry draws once around all its paragraphs. The focused paragraph keeps its
// highlight.
type paragraphTheme struct{}

func (paragraphTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameInputBackground || n == theme.ColorNameInputBorder {
		return color.Transparent
	}
	return fyne.CurrentApp().Settings().Theme().Color(n, v)
}

func (paragraphTheme) Font(s fyne.TextStyle) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(s)
}

func (paragraphTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Icon(n)
}

func (paragraphTheme) Size(n fyne.ThemeSizeName) float32 {
	return fyne.CurrentApp().Settings().Theme().Size(n)
}

// wheelForwarder lies over the paragraphs and passes the mouse wheel to their scroller.
// Fyne gives the wheel to the innermost scrollable object under the mouse, which over a
// paragraph is the Entry's own scroller: with nothing to scroll, it would drop it. It takes
// nothing else, so clicks, drags and the mouse cursor still reach the paragraphs.
type wheelForwarder struct {
	widget.BaseWidget
	to fyne.Scrollable
}

func newWheelForwarder(to fyne.Scrollable) *wheelForwarder {
	w := &wheelForwarder{to: to}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelForwarder) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&canvas.Rectangle{})
}

func (w *wheelForwarder) Scrolled(ev *fyne.ScrollEvent) { w.to.Scrolled(ev) }
