package app

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/names"
)

// Type-ahead: as the clerk types a name into a choiceEntry, the people (or owners, or
// answerers) whose names match are listed under it; ↓ and ↑ choose, Return or Tab takes the
// one chosen, Escape closes the list. "david" finds "Mr David Okafor", "oka" too.
//
// The list cannot be a Fyne pop-up: a pop-up is an overlay, and an overlay takes the
// keyboard, so the clerk's next letter would go to the list instead of the name. It is drawn
// instead in a layer of the window's own content, over the screens (floatLayer), which takes
// neither the focus nor the clicks that miss it.

// floatLayer is the layer over a window's content where type-ahead lists are drawn.
type floatLayer struct {
	c *fyne.Container // no layout: objects are placed where their entry is
}

// layers has the float layer of each window's canvas.
var layers = map[fyne.Canvas]*floatLayer{}

// withFloatLayer puts the float layer over content, for the canvas c.
func withFloatLayer(c fyne.Canvas, content fyne.CanvasObject) fyne.CanvasObject {
	l := &floatLayer{c: container.NewWithoutLayout()}
	layers[c] = l
	return container.NewStack(content, l.c)
}

// suggestions is a type-ahead list under an entry.
type suggestions struct {
	widget.BaseWidget
	e       *choiceEntry
	names   []string
	chosen  int
	rows    []*suggestionRow
	box     *fyne.Container
	showing bool
}

func newSuggestions(e *choiceEntry) *suggestions {
	s := &suggestions{e: e, box: container.NewVBox()}
	s.ExtendBaseWidget(s)
	return s
}

func (s *suggestions) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewPadded(s.box)))
}

// maxSuggestions is how many names the list shows at most.
const maxSuggestions = 8

// update lists the options matching what is typed, or hides the list.
func (s *suggestions) update(typed string) {
	s.names = matching(s.e.options, typed, maxSuggestions)
	if len(s.names) == 0 || strings.TrimSpace(typed) == "" || (len(s.names) == 1 && s.names[0] == typed) {
		s.hide()
		return
	}
	s.chosen = 0
	s.rows = s.rows[:0]
	objs := make([]fyne.CanvasObject, len(s.names))
	for i, n := range s.names {
		r := newSuggestionRow(s, i, n)
		s.rows = append(s.rows, r)
		objs[i] = r
	}
	setObjects(s.box, objs...)
	s.showChosen()
	s.show()
}

func (s *suggestions) show() {
	l := layers[fyne.CurrentApp().Driver().CanvasForObject(s.e)]
	if l == nil {
		return // a dialog's entry: the drop-down arrow still lists the options
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(s.e).Subtract(d.AbsolutePositionForObject(l.c))
	size := s.MinSize()
	s.Resize(fyne.NewSize(max(s.e.Size().Width, size.Width), size.Height))
	s.Move(pos.Add(fyne.NewPos(0, s.e.Size().Height)))
	if !s.showing {
		l.c.Add(s)
		s.showing = true
	}
	s.Refresh()
}

func (s *suggestions) hide() {
	if !s.showing {
		return
	}
	if l := layers[fyne.CurrentApp().Driver().CanvasForObject(s.e)]; l != nil {
		l.c.Remove(s)
	}
	s.showing = false
}

// move changes the chosen name by delta.
func (s *suggestions) move(delta int) {
	if len(s.names) == 0 {
		return
	}
	s.chosen = (s.chosen + delta + len(s.names)) % len(s.names)
	s.showChosen()
}

func (s *suggestions) showChosen() {
	for i, r := range s.rows {
		r.setChosen(i == s.chosen)
	}
}

// take puts the chosen name in the entry.
func (s *suggestions) take() bool {
	if !s.showing || s.chosen >= len(s.names) {
		return false
	}
	name := s.names[s.chosen]
	s.hide()
	s.e.choose(name)
	return true
}

// suggestionRow is one name in the list, which a click also takes.
type suggestionRow struct {
	widget.BaseWidget
	s     *suggestions
	i     int
	label *widget.Label
	bg    *canvas.Rectangle
}

func newSuggestionRow(s *suggestions, i int, name string) *suggestionRow {
	r := &suggestionRow{s: s, i: i, label: widget.NewLabel(name), bg: canvas.NewRectangle(color.Transparent)}
	r.ExtendBaseWidget(r)
	return r
}

func (r *suggestionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.label))
}

func (r *suggestionRow) setChosen(on bool) {
	if on {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		r.label.TextStyle.Bold = true
	} else {
		r.bg.FillColor = color.Transparent
		r.label.TextStyle.Bold = false
	}
	r.bg.Refresh()
	r.label.Refresh()
}

// Tapped takes this name.
func (r *suggestionRow) Tapped(*fyne.PointEvent) {
	r.s.chosen = r.i
	r.s.take()
}

// matching lists the options that what is typed begins a word of, best first: those whose
// first word (after any title) it begins, then the rest, each in the options' order.
func matching(options []string, typed string, n int) []string {
	want := fold(strings.TrimSpace(typed))
	if want == "" {
		return nil
	}
	var first, other []string
	for _, o := range options {
		f := fold(o)
		switch {
		case strings.HasPrefix(f, want) || strings.HasPrefix(fold(dropTitle(o)), want):
			first = append(first, o)
		case wordPrefix(f, want):
			other = append(other, o)
		}
	}
	out := append(first, other...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// wordPrefix reports whether want begins a word of s (both folded).
func wordPrefix(s, want string) bool {
	for i := 0; i < len(s); i++ {
		if (i == 0 || !unicode.IsLetter(rune(s[i-1]))) && strings.HasPrefix(s[i:], want) {
			return true
		}
	}
	return false
}

// fold is s in lower case without diacritics, as search folds it.
func fold(s string) string { return data.Fold(s) }

// dropTitle is a name without its title: "Mr David Okafor" → "David Okafor".
func dropTitle(name string) string { return names.Plain(name) }
