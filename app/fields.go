package app

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// This file holds the small pieces every screen uses: the note shown beside a field, date
// and time fields that say what they understood, and ways to set a widget without firing
// its change handler.

// note is the line under a field: an error in the danger colour, or a quiet hint. Its line
// is kept when it says nothing, so that a note coming or going never moves the fields below
// while the clerk types or clicks (a click meant for the field under it would land
// elsewhere); a note too long for its line ends in "…".
type note struct{ widget.Label }

// noteTrim is how much of a label's inner padding, above and below, a note does without:
// its line is kept empty under every row of a list (attendance, declarations, actions), so
// it is drawn as close to its field as the text allows, not a whole label's height.
func noteTrim() float32 { return theme.InnerPadding() - 1 }

// CreateRenderer draws the note as a label drawn higher, in a shorter line.
func (n *note) CreateRenderer() fyne.WidgetRenderer {
	return noteRenderer{n.Label.CreateRenderer()}
}

type noteRenderer struct{ fyne.WidgetRenderer }

func (r noteRenderer) MinSize() fyne.Size {
	m := r.WidgetRenderer.MinSize()
	return fyne.NewSize(m.Width, m.Height-2*noteTrim())
}

func (r noteRenderer) Layout(s fyne.Size) {
	r.WidgetRenderer.Layout(fyne.NewSize(s.Width, s.Height+2*noteTrim()))
	for _, o := range r.Objects() {
		o.Move(fyne.NewPos(0, -noteTrim()))
	}
}

func newNote() *note {
	n := &note{}
	n.Truncation = fyne.TextTruncateEllipsis
	n.SizeName = theme.SizeNameCaptionText
	n.ExtendBaseWidget(n)
	return n
}

// shown reports whether the note says something.
func (n *note) shown() bool { return n.Text != "" }

func (n *note) problem(msg string) { n.set(msg, widget.DangerImportance) }
func (n *note) hint(msg string)    { n.set(msg, widget.LowImportance) }
func (n *note) clear()             { n.set("", widget.MediumImportance) }

func (n *note) set(msg string, imp widget.Importance) {
	if msg == n.Text && imp == n.Importance {
		return
	}
	n.Text, n.Importance = msg, imp
	n.Refresh()
}

// fieldProblem is the message of a store validation error, or "" for any other error.
func fieldProblem(err error) string {
	var fe *data.FieldError
	if errors.As(err, &fe) {
		return fe.Problem
	}
	return ""
}

// setText sets an entry's text without running its OnChanged.
func setText(e *widget.Entry, s string) {
	if e.Text == s {
		return
	}
	f := e.OnChanged
	e.OnChanged = nil
	e.SetText(s)
	e.OnChanged = f
}

// setSelected sets a select's choice without running its OnChanged.
func setSelected(s *widget.Select, v string) {
	f := s.OnChanged
	s.OnChanged = nil
	if v == "" {
		s.ClearSelected()
	} else {
		s.SetSelected(v)
	}
	s.OnChanged = f
}

// setChecked sets a check box without running its OnChanged.
func setChecked(c *widget.Check, v bool) {
	f := c.OnChanged
	c.OnChanged = nil
	c.SetChecked(v)
	c.OnChanged = f
}

// enable enables or disables widgets together.
func enable(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// dateField is an entry for a date typed as a clerk writes it (15/09/2023, 15 Sept 2023,
// 2023-09-15), with a calendar to pick from and a note saying what it understood.
type dateField struct {
	entry    *widget.Entry
	note     *note
	value    string // the last date understood, YYYY-MM-DD ("" when empty and allowed)
	optional bool
	window   func() fyne.Window
	// onChanged runs after every edit; valid says whether the text is a date (or empty
	// where allowed), and value is then the date.
	onChanged func(valid bool)
}

func newDateField(placeholder string, optional bool, window func() fyne.Window) *dateField {
	f := &dateField{optional: optional, window: window, note: newNote()}
	f.entry = &widget.Entry{PlaceHolder: placeholder, OnChanged: f.onTyped}
	f.entry.ActionItem = newPointerButton(&widget.Button{Icon: theme.CalendarIcon(), Importance: widget.LowImportance, OnTapped: f.onPick})
	return f
}

// set shows a stored date (YYYY-MM-DD) as the clerk reads it.
func (f *dateField) set(date string) {
	f.value = date
	setText(f.entry, data.FormatDate(date, data.TypedLayout))
	f.note.clear()
}

func (f *dateField) onTyped(text string) {
	valid := f.check(text)
	if f.onChanged != nil {
		f.onChanged(valid)
	}
}

func (f *dateField) check(text string) bool {
	if strings.TrimSpace(text) == "" {
		if f.optional {
			f.value = ""
			f.note.clear()
			return true
		}
		f.note.problem("Type a date, like 15/09/2023.")
		return false
	}
	d, err := data.ParseDate(text)
	if err != nil {
		f.note.problem(err.Error())
		return false
	}
	f.value = d
	f.note.hint(data.LongDate(d))
	return true
}

func (f *dateField) onPick() {
	start := time.Now()
	if t, err := time.Parse(data.DateLayout, f.value); err == nil {
		start = t
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		f.entry.SetText(t.Format(data.TypedLayout))
		if pop != nil {
			pop.Hide()
		}
	})
	w := f.window()
	pop = widget.NewPopUp(cal, w.Canvas())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.entry)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, f.entry.Size().Height)))
}

// timeField is an entry for a time of day (10.30am, 14:30) with an optional "now" stamp and
// a note saying what it understood.
type timeField struct {
	entry *widget.Entry
	note  *note
	value string // the last time understood, in house style; "" when empty
	// onChanged runs after every edit, with whether the text reads as a time (or is empty).
	onChanged func(valid bool)
	now       func() time.Time
}

func newTimeField(placeholder string, stamp bool) *timeField {
	f := &timeField{note: newNote(), now: time.Now}
	f.entry = &widget.Entry{PlaceHolder: placeholder, OnChanged: f.onTyped}
	if stamp {
		f.entry.ActionItem = newPointerButton(&widget.Button{Icon: theme.HistoryIcon(), Importance: widget.LowImportance, OnTapped: f.stamp})
		stampable[f.entry] = f
	}
	return f
}

// stampable has the time fields with a "now" stamp, by their entry: Ctrl+T stamps the one the
// cursor is in.
var stampable = map[fyne.Focusable]*timeField{}

func (f *timeField) set(t string) {
	f.value = t
	setText(f.entry, t)
	f.note.clear()
}

// stamp puts the time now in the field, as minutes write it: 11.05am.
func (f *timeField) stamp() {
	if f.entry.Disabled() {
		return
	}
	t := f.now()
	f.entry.SetText(data.FormatClock(t.Hour(), t.Minute()))
}

func (f *timeField) onTyped(text string) {
	valid := f.check(text)
	if f.onChanged != nil {
		f.onChanged(valid)
	}
}

func (f *timeField) check(text string) bool {
	if strings.TrimSpace(text) == "" {
		f.value = ""
		f.note.clear()
		return true
	}
	h, m, err := data.ParseClock(text)
	if err != nil {
		f.note.problem(err.Error())
		return false
	}
	f.value = data.FormatClock(h, m)
	if f.value != strings.TrimSpace(text) {
		f.note.hint(f.value)
	} else {
		f.note.clear()
	}
	return true
}

// labelled puts a caption above a field and its note.
func labelled(caption string, field fyne.CanvasObject, n *note) fyne.CanvasObject {
	l := &widget.Label{Text: caption, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
	if n == nil {
		return container.NewVBox(l, field)
	}
	return container.NewVBox(l, field, n)
}

// fixed gives an object a fixed width within a row.
func fixed(width float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&fixedWidth{width: width}, o)
}

// fixedWidth lays out its objects stacked at one width and their tallest height.
type fixedWidth struct{ width float32 }

func (l *fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.width, h)
}

func (l *fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// scrollToEnd shows the end of a scroller's content, as it will be once laid out: a card
// just added at the bottom comes into view at once (ScrollToBottom would use the size the
// content had before the card).
func scrollToEnd(s *container.Scroll) {
	s.Content.Resize(fyne.NewSize(s.Size().Width, s.Content.MinSize().Height))
	s.ScrollToOffset(fyne.NewPos(0, max(0, s.Content.MinSize().Height-s.Size().Height)))
}

// scrollToShow scrolls so that o, a child of the scroller's content, is in view from its
// top, as the content will be once laid out.
func scrollToShow(s *container.Scroll, o fyne.CanvasObject) {
	s.Content.Resize(fyne.NewSize(s.Size().Width, s.Content.MinSize().Height))
	y := min(o.Position().Y, max(0, s.Content.MinSize().Height-s.Size().Height))
	s.ScrollToOffset(fyne.NewPos(0, y))
}

// withWheel puts a wheel forwarder over a scroller, so that the mouse wheel scrolls it over
// the entries inside too (each Entry has a scroller of its own, which would take the wheel
// and, with nothing to scroll, drop it).
func withWheel(s *container.Scroll) fyne.CanvasObject {
	return container.NewStack(s, newWheelForwarder(s))
}

// heading is a section title.
func heading(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

// toolbarRow lays buttons out from the left.
func toolbarRow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.NewHBox(append(objs, layout.NewSpacer())...)
}

// multiLine makes a wrapping multi-line entry showing rows lines: a textEntry, which keeps
// every space the clerk types where a line wraps.
func multiLine(placeholder string, rows int, changed func(string)) *textEntry {
	return newTextEntry(placeholder, rows, changed)
}

// narrative makes a multi-line entry for running text, where Return starts a new paragraph
// and Shift+Return breaks the line, as in the minutes.
func narrative(placeholder string, rows int, changed func(string)) *textEntry {
	e := newTextEntry(placeholder, rows, changed)
	e.paragraphs = true
	return e
}

// firstNonEmpty returns the first of ss that is not empty.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// asFieldError is errors.As for the store's validation errors.
func asFieldError(err error, fe **data.FieldError) bool { return errors.As(err, fe) }

// tabBar is a light row of tabs over a stack of pages. Unlike container.AppTabs, changing a
// tab's title or the page on show does not refresh every widget inside (AppTabs re-applies
// the theme to all its content), which matters with a 5,000-word minute on a page.
type tabBar struct {
	onSelected func(i int) // after a page is chosen
	buttons    []*pointerButton
	pages      []fyne.CanvasObject
	selected   int
	content    fyne.CanvasObject
}

func newTabBar(titles []string, pages ...fyne.CanvasObject) *tabBar {
	t := &tabBar{pages: pages, selected: -1}
	bar := container.NewHBox()
	for i, title := range titles {
		i := i
		b := newPointerButton(&widget.Button{Text: title, Importance: widget.LowImportance, OnTapped: func() { t.SelectIndex(i) }})
		t.buttons = append(t.buttons, b)
		bar.Add(b)
	}
	stack := container.NewStack(pages...)
	// The titles scroll sideways rather than widen the window when the pane is narrow.
	t.content = container.NewBorder(container.NewVBox(container.NewHScroll(bar), widget.NewSeparator()), nil, nil, nil, stack)
	t.SelectIndex(0)
	return t
}

// SelectIndex shows page i.
func (t *tabBar) SelectIndex(i int) {
	if i == t.selected || i < 0 || i >= len(t.pages) {
		return
	}
	t.selected = i
	if t.onSelected != nil {
		defer t.onSelected(i)
	}
	for j, p := range t.pages {
		if j == i {
			t.buttons[j].Importance = widget.HighImportance
			p.Show()
		} else {
			t.buttons[j].Importance = widget.LowImportance
			p.Hide()
		}
		t.buttons[j].Refresh()
	}
}

// SetTitle changes a tab's title, refreshing only its button.
func (t *tabBar) SetTitle(i int, title string) {
	if t.buttons[i].Text != title {
		t.buttons[i].SetText(title)
	}
}

// setObjects replaces what a container holds, laying it out and repainting it without
// refreshing every widget inside (Container.Refresh would re-lay out every text in it).
func setObjects(c *fyne.Container, objs ...fyne.CanvasObject) {
	c.RemoveAll()
	for _, o := range objs {
		c.Add(o)
	}
	canvas.Refresh(c)
}
