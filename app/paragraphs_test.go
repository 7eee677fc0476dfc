package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// paragraphWidth is about the width the minutes get in the item editor of a 1280-wide window.
const paragraphWidth = 660

// paragraphHarness is a paragraphEntry alone in a window, counting its OnChanged calls.
type paragraphHarness struct {
	t       testing.TB
	p       *paragraphEntry
	w       fyne.Window
	changes []string
}

func newParagraphHarness(t testing.TB, text string) *paragraphHarness {
	t.Helper()
	test.NewTempApp(t)
	h := &paragraphHarness{t: t, p: newParagraphEntry()}
	h.p.SetPlaceHolder("The minutes of this item")
	h.p.SetText(text)
	h.p.OnChanged = func(s string) { h.changes = append(h.changes, s) }
	h.w = newSizedWindow(t, h.p)
	return h
}

// newSizedWindow shows content in a window paragraphWidth wide. The test window would first
// lay its content out at its minimum size, wrapping long text in narrow columns, which is
// slow and not what the app does.
func newSizedWindow(t testing.TB, content fyne.CanvasObject) fyne.Window {
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(paragraphWidth, 500))
	w.SetContent(content)
	return w
}

func (h *paragraphHarness) canvas() fyne.Canvas { return h.w.Canvas() }

// focusAt puts the cursor at rune offset pos of paragraph i and gives it the focus.
func (h *paragraphHarness) focusAt(i, pos int) *paragraph {
	h.t.Helper()
	e := h.p.paras[i]
	e.cursorTo(pos)
	h.p.focus(e, h.canvas())
	if h.focused() != e {
		h.t.Fatalf("paragraph %d did not take the focus", i)
	}
	return e
}

// focused returns the paragraph with the focus, failing if something else has it.
func (h *paragraphHarness) focused() *paragraph {
	h.t.Helper()
	f := h.canvas().Focused()
	e, ok := f.(*paragraph)
	if !ok {
		h.t.Fatalf("focus on %T, want a paragraph", f)
	}
	return e
}

func (h *paragraphHarness) key(names ...fyne.KeyName) {
	for _, n := range names {
		h.canvas().Focused().TypedKey(&fyne.KeyEvent{Name: n})
	}
}

// typeText types s into whatever has the focus, as the window does.
func (h *paragraphHarness) typeText(s string) {
	for _, r := range s {
		h.canvas().Focused().TypedRune(r)
	}
}

// paste pastes s into the focused paragraph as Ctrl+V does.
func (h *paragraphHarness) paste(s string) {
	clip := test.NewClipboard()
	clip.SetContent(s)
	h.canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
}

func (h *paragraphHarness) texts() []string {
	var ts []string
	for _, e := range h.p.paras {
		ts = append(ts, e.Text)
	}
	return ts
}

func (h *paragraphHarness) wantText(want string) {
	h.t.Helper()
	if got := h.p.Text(); got != want {
		h.t.Fatalf("Text() = %q, want %q", got, want)
	}
}

func (h *paragraphHarness) wantParagraphs(want ...string) {
	h.t.Helper()
	if got := h.texts(); strings.Join(got, "¶") != strings.Join(want, "¶") {
		h.t.Fatalf("paragraphs %q, want %q", got, want)
	}
}

// wantChanged checks that OnChanged has been called n times since the last check, the last
// time with the whole text.
func (h *paragraphHarness) wantChanged(n int) {
	h.t.Helper()
	if len(h.changes) != n {
		h.t.Fatalf("OnChanged called %d times (%q), want %d", len(h.changes), h.changes, n)
	}
	if n > 0 && h.changes[n-1] != h.p.Text() {
		h.t.Fatalf("OnChanged last had %q, want the whole text %q", h.changes[n-1], h.p.Text())
	}
	h.changes = nil
}

// longParagraphs returns n paragraphs of about words words each, separated by blank lines.
func longParagraphs(n, words int) string {
	sentence := strings.Fields("Members asked how the funding for the county lines work had been spent this year and the PCC said figures would follow.")
	paras := make([]string, n)
	for i := range paras {
		ws := make([]string, words)
		for j := range ws {
			ws[j] = sentence[(i+j)%len(sentence)]
		}
		ws[0] = fmt.Sprintf("%d.", i+1)
		paras[i] = strings.Join(ws, " ") + "."
	}
	return strings.Join(paras, "\n\n")
}

func TestParagraphEntryRoundTripsText(t *testing.T) {
	h := newParagraphHarness(t, "")
	for _, tc := range []struct {
		name  string
		text  string
		paras int
	}{
		{"fifty paragraphs", longParagraphs(50, 20), 50},
		{"three paragraphs", "The Chair welcomed members.\n\nApologies were received.\n\nThe minutes were agreed.", 3},
		{"one paragraph", "The PCC presented the plan.", 1},
		{"line breaks inside a paragraph", "Resolved:\n1. to note the report;\n2. to ask for figures.\n\nNext.", 2},
		{"trailing spaces", "Agreed.   \n\n  Indented and trailing  ", 2},
		{"empty", "", 1},
		{"blank line at the start", "\n\nAfter a blank line.", 2},
		{"blank line at the end", "Before a blank line.\n\n", 2},
		{"three line breaks", "One\n\n\nTwo", 2},
		{"two blank lines", "One\n\n\n\nTwo", 3},
		{"only line breaks", "\n\n\n", 2},
		{"fifty again", longParagraphs(50, 20), 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.p.SetText(tc.text)
			h.t = t
			h.wantText(tc.text)
			if len(h.p.paras) != tc.paras || len(h.p.column.Objects) != tc.paras {
				t.Fatalf("%d paragraphs (%d shown), want %d", len(h.p.paras), len(h.p.column.Objects), tc.paras)
			}
			h.wantChanged(0) // SetText is not an edit
		})
	}
}

func TestParagraphEntryPlaceHolderOnlyWhenEmpty(t *testing.T) {
	h := newParagraphHarness(t, "")
	if len(h.p.paras) != 1 || h.p.paras[0].PlaceHolder != "The minutes of this item" {
		t.Fatalf("empty text: %d paragraphs, placeholder %q", len(h.p.paras), h.p.paras[0].PlaceHolder)
	}
	h.p.SetText("One.\n\nTwo.")
	for i, e := range h.p.paras {
		if e.PlaceHolder != "" {
			t.Errorf("paragraph %d has the placeholder", i)
		}
	}
	h.p.SetText("")
	if h.p.paras[0].PlaceHolder == "" {
		t.Error("no placeholder once the text is empty again")
	}
}

func TestParagraphEntryTypingAtTheEnd(t *testing.T) {
	h := newParagraphHarness(t, "The Chair welcomed members.\n\nThe PCC presented")
	h.p.FocusEnd(h.canvas())
	if h.focused() != h.p.paras[1] {
		t.Fatal("FocusEnd did not focus the last paragraph")
	}
	h.typeText(" the plan.")
	h.wantText("The Chair welcomed members.\n\nThe PCC presented the plan.")
	h.wantChanged(len(" the plan."))
}

// TestParagraphEntryReturnStartsAParagraph: Return starts a new paragraph, as in Word; a
// second Return adds no empty one; Shift+Return breaks the line within the paragraph.
func TestParagraphEntryReturnStartsAParagraph(t *testing.T) {
	t.Run("at the end", func(t *testing.T) {
		h := newParagraphHarness(t, "Apologies were received.")
		h.p.FocusEnd(h.canvas())
		h.key(fyne.KeyReturn)
		h.wantParagraphs("Apologies were received.", "")
		h.wantChanged(1)
		h.key(fyne.KeyReturn) // out of habit from Word's blank lines: nothing more
		h.wantParagraphs("Apologies were received.", "")
		h.wantChanged(0)
		e := h.focused()
		if e != h.p.paras[1] || e.CursorRow != 0 || e.CursorColumn != 0 {
			t.Fatalf("cursor in paragraph %d at %d:%d, want the start of the new paragraph", h.p.index(e), e.CursorRow, e.CursorColumn)
		}
		h.typeText("The minutes were agreed.")
		h.wantText("Apologies were received.\n\nThe minutes were agreed.")
		h.focused().shift = true // Shift+Return
		h.key(fyne.KeyReturn)
		h.focused().shift = false
		h.typeText("Signed.")
		h.wantText("Apologies were received.\n\nThe minutes were agreed.\nSigned.")
	})
	t.Run("inside a paragraph", func(t *testing.T) {
		h := newParagraphHarness(t, "First.\n\nThe report was noted. Members asked questions.\n\nLast.")
		h.focusAt(1, len("The report was noted."))
		h.key(fyne.KeyReturn)
		h.wantParagraphs("First.", "The report was noted.", " Members asked questions.", "Last.")
		h.wantChanged(1)
		if e := h.focused(); e != h.p.paras[2] || e.CursorTextOffset() != 0 {
			t.Fatalf("cursor in paragraph %d at offset %d, want the start of paragraph 2", h.p.index(e), e.CursorTextOffset())
		}
		h.key(fyne.KeyDelete)
		h.wantText("First.\n\nThe report was noted.\n\nMembers asked questions.\n\nLast.")
	})
}

func TestParagraphEntryBackspaceAtTheStartJoins(t *testing.T) {
	h := newParagraphHarness(t, "One.\n\nTwo.\n\nThree.")
	h.focusAt(2, 0)
	h.key(fyne.KeyBackspace)
	h.wantParagraphs("One.", "Two.Three.")
	h.wantChanged(1)
	h.typeText(" ")
	h.wantText("One.\n\nTwo. Three.") // the cursor was at the join
	h.changes = nil

	h.focusAt(0, 0)
	h.key(fyne.KeyBackspace) // nothing before the first paragraph
	h.wantText("One.\n\nTwo. Three.")
	h.wantChanged(0)

	h.p.SetText("One.\n\n\n\nTwo.") // an empty paragraph between
	h.focusAt(2, 0)
	h.key(fyne.KeyBackspace)
	h.wantParagraphs("One.", "Two.")
	h.key(fyne.KeyBackspace)
	h.wantParagraphs("One.Two.")
}

func TestParagraphEntryDeleteAtTheEndJoins(t *testing.T) {
	h := newParagraphHarness(t, "One.\n\nTwo.\n\nThree.")
	h.focusAt(0, len("One."))
	h.key(fyne.KeyDelete)
	h.wantParagraphs("One.Two.", "Three.")
	h.wantChanged(1)
	h.typeText(" ")
	h.wantText("One. Two.\n\nThree.")
	h.changes = nil

	h.focusAt(1, len("Three."))
	h.key(fyne.KeyDelete) // nothing after the last paragraph
	h.wantText("One. Two.\n\nThree.")
	h.wantChanged(0)

	// Line breaks either side of the join would make a blank line: one goes.
	h.p.SetText("Resolved:\n\n\nto note the report.")
	h.wantParagraphs("Resolved:", "\nto note the report.")
	h.focusAt(0, len("Resolved:"))
	h.key(fyne.KeyDelete)
	h.wantParagraphs("Resolved:\nto note the report.")
}

func TestParagraphEntryArrowsCrossParagraphs(t *testing.T) {
	long := longParagraphs(1, 80)
	h := newParagraphHarness(t, long+"\n\nShort.\n\nLast one.")
	first := h.p.paras[0]
	if rows := first.rows(); rows < 3 {
		t.Fatalf("the long paragraph has %d rows, want it wrapped", rows)
	}

	h.focusAt(1, 3)
	h.key(fyne.KeyUp)
	if e := h.focused(); e != first || e.CursorRow != first.rows()-1 || e.CursorColumn != 3 {
		t.Fatalf("Up: paragraph %d at %d:%d, want 0 at %d:3", h.p.index(e), e.CursorRow, e.CursorColumn, first.rows()-1)
	}
	h.key(fyne.KeyUp) // within the paragraph
	if e := h.focused(); e != first || e.CursorRow != first.rows()-2 {
		t.Fatalf("second Up: paragraph %d row %d, want 0 row %d", h.p.index(e), e.CursorRow, first.rows()-2)
	}
	h.key(fyne.KeyDown, fyne.KeyDown)
	if e := h.focused(); e != h.p.paras[1] || e.CursorRow != 0 || e.CursorColumn != 3 {
		t.Fatalf("Down from the last row: paragraph %d at %d:%d, want 1 at 0:3", h.p.index(e), e.CursorRow, e.CursorColumn)
	}
	h.key(fyne.KeyDown)
	if e := h.focused(); e != h.p.paras[2] {
		t.Fatalf("Down from a one-row paragraph: paragraph %d, want 2", h.p.index(e))
	}
	h.key(fyne.KeyDown) // the last paragraph: to its end, as an Entry does
	if e := h.focused(); e != h.p.paras[2] || !e.atEnd() {
		t.Fatalf("Down on the last row of the text: paragraph %d, at the end %v", h.p.index(e), e.atEnd())
	}
	h.key(fyne.KeyRight) // nothing after: stays
	h.focusAt(2, 0)
	h.key(fyne.KeyLeft)
	if e := h.focused(); e != h.p.paras[1] || !e.atEnd() {
		t.Fatalf("Left at the start: paragraph %d, at its end %v; want the end of paragraph 1", h.p.index(e), e.atEnd())
	}
	h.key(fyne.KeyRight)
	if e := h.focused(); e != h.p.paras[2] || e.CursorTextOffset() != 0 {
		t.Fatalf("Right at the end: paragraph %d offset %d, want the start of paragraph 2", h.p.index(e), e.CursorTextOffset())
	}
	h.typeText("The ")
	h.wantText(long + "\n\nShort.\n\nThe Last one.")
}

func TestParagraphEntryPasteWithBlankLinesSplits(t *testing.T) {
	h := newParagraphHarness(t, "Before after.")
	h.focusAt(0, len("Before "))
	h.paste("one\n\ntwo\r\n\r\nthree ")
	h.wantParagraphs("Before one", "two", "three after.")
	h.wantChanged(1)
	if e := h.focused(); e != h.p.paras[2] || e.CursorTextOffset() != len("three ") {
		t.Fatalf("cursor in paragraph %d at %d, want after the pasted text", h.p.index(e), e.CursorTextOffset())
	}
	h.paste("plain ")
	h.wantText("Before one\n\ntwo\n\nthree plain after.")
}

func TestParagraphEntryDisableMakesEveryParagraphReadOnly(t *testing.T) {
	h := newParagraphHarness(t, "One.\n\nTwo.\n\nThree.")
	h.p.Disable()
	if !h.p.Disabled() {
		t.Fatal("Disabled() false after Disable")
	}
	h.p.SetText("A.\n\nB.\n\nC.\n\nD.\n\nE.") // new paragraphs come read-only too
	for i, e := range h.p.paras {
		if !e.Disabled() {
			t.Fatalf("paragraph %d editable", i)
		}
	}
	e := h.p.paras[2]
	e.cursorTo(0)
	e.TypedRune('x')
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	clip := test.NewClipboard()
	clip.SetContent("pasted")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	h.p.InsertAtCursor("[Action: PCC]")
	h.wantText("A.\n\nB.\n\nC.\n\nD.\n\nE.")
	h.wantChanged(0)

	h.p.Enable()
	for i, e := range h.p.paras {
		if e.Disabled() {
			t.Fatalf("paragraph %d still read-only", i)
		}
	}
	h.focusAt(2, 0)
	h.typeText("x")
	h.wantText("A.\n\nB.\n\nxC.\n\nD.\n\nE.")
}

func TestParagraphEntryOnChangedOnlyForEdits(t *testing.T) {
	h := newParagraphHarness(t, "One.")
	h.p.SetText("One.\n\nTwo.")
	h.wantChanged(0)
	h.p.FocusEnd(h.canvas())
	h.typeText("!")
	h.wantChanged(1)
	h.key(fyne.KeyLeft, fyne.KeyUp, fyne.KeyDown) // moving is not an edit
	h.wantChanged(0)
	h.key(fyne.KeyReturn, fyne.KeyReturn) // a new paragraph, then nothing
	h.wantChanged(1)
	h.key(fyne.KeyBackspace)
	h.wantChanged(1)
	h.wantText("One.\n\nTwo.!")
}

func TestParagraphEntryInsertAtCursor(t *testing.T) {
	h := newParagraphHarness(t, "The PCC would report back.\n\nNoted.")
	h.p.InsertAtCursor(" [Action: PCC]") // never typed in: at the end
	h.wantText("The PCC would report back.\n\nNoted. [Action: PCC]")
	h.wantChanged(1)
	if h.focused() != h.p.paras[1] {
		t.Error("the paragraph did not take the focus")
	}

	h.focusAt(0, len("The PCC would report back."))
	h.canvas().Unfocus() // the clerk clicked a button
	h.p.InsertAtCursor(" [Action: Chief Executive]")
	h.wantText("The PCC would report back. [Action: Chief Executive]\n\nNoted. [Action: PCC]")
	h.wantChanged(1)
	h.typeText(" Agreed.")
	h.wantText("The PCC would report back. [Action: Chief Executive] Agreed.\n\nNoted. [Action: PCC]")
}

func TestParagraphEntryTapBetweenParagraphsFocusesTheOneAbove(t *testing.T) {
	h := newParagraphHarness(t, "One.\n\nTwo.")
	second := h.p.paras[1].holder
	test.TapAt(h.p, fyne.NewPos(20, second.Position().Y-1)) // in the gap above Two.
	if e := h.focused(); e != h.p.paras[0] || !e.atEnd() {
		t.Fatalf("tap in the gap: paragraph %d, at its end %v; want the end of paragraph 0", h.p.index(e), e.atEnd())
	}
	test.TapAt(h.p, fyne.NewPos(20, 400)) // below the text
	h.typeText(" Three.")
	h.wantText("One.\n\nTwo. Three.")
}

// innerOverflow is how much taller paragraph e's text is than its Entry shows: more than
// nothing and the Entry would scroll inside.
func innerOverflow(t *testing.T, e *paragraph) float32 {
	t.Helper()
	for _, o := range test.WidgetRenderer(e).Objects() {
		if s, ok := o.(fyne.Scrollable); ok {
			content := test.WidgetRenderer(s.(fyne.Widget)).Objects()[0]
			return content.MinSize().Height - o.Size().Height
		}
	}
	t.Fatal("no scroller in the Entry")
	return 0
}

func TestParagraphEntryParagraphsAreAsTallAsTheirText(t *testing.T) {
	h := newParagraphHarness(t, longParagraphs(3, 90)+"\n\nOne line.\n\nTwo\nlines.")
	check := func(when string) {
		t.Helper()
		y := float32(0)
		for i, e := range h.p.paras {
			if over := innerOverflow(t, e); over > 0.01 || over < -0.01 {
				t.Errorf("%s: paragraph %d is %.1f short of its text", when, i, over)
			}
			if top := e.holder.Position().Y; top < y {
				t.Errorf("%s: paragraph %d at %.1f overlaps the one above (ends %.1f)", when, i, top, y)
			}
			y = e.holder.Position().Y + e.holder.Size().Height
		}
	}
	check("at first")
	rows := h.p.paras[0].rows()
	if rows < 3 {
		t.Fatalf("a 90-word paragraph in %d rows", rows)
	}
	if one, two := h.p.paras[3].Size().Height, h.p.paras[4].Size().Height; two <= one {
		t.Errorf("two lines %.1f high, one line %.1f", two, one)
	}

	h.w.Resize(fyne.NewSize(paragraphWidth/2, 500))
	check("narrower")
	if h.p.paras[0].rows() <= rows {
		t.Errorf("narrower: %d rows, were %d", h.p.paras[0].rows(), rows)
	}

	h.focusAt(3, len("One line."))
	before := h.p.paras[4].holder.Position().Y
	h.focused().shift = true // Shift+Return: a line break
	h.key(fyne.KeyReturn)
	h.focused().shift = false
	h.typeText("Another.")
	check("after a line break")
	if after := h.p.paras[4].holder.Position().Y; after <= before {
		t.Errorf("the paragraph below stayed at %.1f", after)
	}
}

func TestParagraphEntryKeepsTheCursorInView(t *testing.T) {
	h := newParagraphHarness(t, longParagraphs(12, 60))
	h.p.FocusEnd(h.canvas())
	view := h.p.scroll.Size().Height
	off := h.p.scroll.Offset.Y
	last := h.p.paras[len(h.p.paras)-1]
	cursor := last.holder.Position().Y + last.CursorPosition().Y
	if off == 0 || cursor < off || cursor > off+view {
		t.Fatalf("cursor at %.0f, view %.0f to %.0f", cursor, off, off+view)
	}
	h.typeText(strings.Repeat("More words typed at the end. ", 8))
	cursor = last.holder.Position().Y + last.CursorPosition().Y
	if off = h.p.scroll.Offset.Y; cursor < off || cursor > off+view {
		t.Fatalf("after typing: cursor at %.0f, view %.0f to %.0f", cursor, off, off+view)
	}

	h.focusAt(0, 0)
	if off := h.p.scroll.Offset.Y; off != 0 {
		t.Fatalf("cursor at the top, view from %.0f", off)
	}
	// The mouse wheel over a paragraph scrolls the column, not the paragraph's Entry.
	over := h.p.Position().Add(h.p.paras[1].holder.Position()).AddXY(100, 30)
	test.Scroll(h.canvas(), over, 0, -200)
	if off := h.p.scroll.Offset.Y; off < 150 {
		t.Fatalf("wheel over a paragraph scrolled the column to %.0f", off)
	}
}

// benchmarkTyping types one key per iteration into typeInto, reporting ms per keystroke,
// the way BenchmarkTypingIntoLongMinutes does for the item editor.
func benchmarkTyping(b *testing.B, typeInto func(r rune)) {
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		typeInto('x')
	}
	b.StopTimer()
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/keystroke")
}

// BenchmarkTypingIntoLongParagraphs types into the middle paragraph of a 5,500-word minute
// in fifty paragraphs.
func BenchmarkTypingIntoLongParagraphs(b *testing.B) {
	h := newParagraphHarness(b, longParagraphs(50, 110))
	if n := len(strings.Fields(h.p.Text())); n != 5500 {
		b.Fatalf("%d words", n)
	}
	e := h.p.paras[25]
	e.cursorTo(len(e.Text) / 2)
	h.p.focus(e, h.canvas())
	benchmarkTyping(b, e.TypedRune)
	if len(h.changes) != b.N || !strings.Contains(h.changes[b.N-1], strings.Repeat("x", b.N)) {
		b.Fatalf("%d changes", len(h.changes))
	}
}

// BenchmarkTypingIntoOneLongEntry is the same text and typing in one wrapping Entry, as the
// minutes were before the paragraphEntry.
func BenchmarkTypingIntoOneLongEntry(b *testing.B) {
	test.NewTempApp(b)
	e := &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord}
	e.SetText(longParagraphs(50, 110))
	changes := 0
	e.OnChanged = func(string) { changes++ }
	w := newSizedWindow(b, e)
	w.Canvas().Focus(e)
	e.CursorRow = 25 * 5 // about the middle
	benchmarkTyping(b, e.TypedRune)
	if changes != b.N {
		b.Fatalf("%d changes", changes)
	}
}
