package app

import (
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// resolutionsPanel lists what the meeting resolved on an item: "RESOLVED – That …", with
// lettered parts (a), (b) on their own lines.
type resolutionsPanel struct {
	e       *itemEditor
	cards   []*resolutionCard
	box     *fyne.Container
	scroll  *container.Scroll
	addBtn  *pointerButton
	content fyne.CanvasObject
}

func newResolutionsPanel(e *itemEditor) *resolutionsPanel {
	p := &resolutionsPanel{e: e}
	p.box = container.NewVBox()
	p.scroll = container.NewVScroll(p.box)
	p.addBtn = newPointerButton(&widget.Button{Text: "New resolution", Icon: theme.ContentAddIcon(), OnTapped: p.onAdd})
	p.content = container.NewBorder(nil, toolbarRow(p.addBtn), nil, nil, withWheel(p.scroll))
	return p
}

func (p *resolutionsPanel) show() {
	p.cards = nil
	p.box.RemoveAll()
	for _, r := range p.e.item.Resolutions {
		c := newResolutionCard(p, r)
		p.cards = append(p.cards, c)
		p.box.Add(c.content)
	}
	if len(p.cards) == 0 {
		p.box.Add(&widget.Label{Text: "Nothing resolved on this item yet.", Importance: widget.LowImportance})
	}
	if p.e.a.m.readOnly {
		p.addBtn.Hide()
	} else {
		p.addBtn.Show()
	}
	canvas.Refresh(p.box)
}

// onAdd adds a resolution begun "That " and puts the cursor after it.
func (p *resolutionsPanel) onAdd() {
	e := p.e
	m := e.a.m
	if e.item == nil || m.readOnly {
		return
	}
	r := data.Resolution{ItemID: e.item.ID, Text: "That "}
	if !m.u.run("add a resolution", func() error { return m.u.store.AddResolution(&r) }) {
		return
	}
	r.Text = "That "
	e.item.Resolutions = append(e.item.Resolutions, r)
	m.tabs.SelectIndex(1)
	e.tabs.SelectIndex(2)
	p.show()
	e.showCounts()
	scrollToEnd(p.scroll)
	c := p.cards[len(p.cards)-1]
	e.focus(c.text)
	c.text.moveCursor(utf8.RuneCountInString(c.text.Text))
}

func (p *resolutionsPanel) move(c *resolutionCard, delta int) {
	m := p.e.a.m
	id := c.r.ID
	if !m.u.run("move the resolution", func() error { return m.u.store.MoveResolution(id, delta) }) {
		return
	}
	rs := p.e.item.Resolutions
	for i := range rs {
		if rs[i].ID == id {
			if j := i + delta; j >= 0 && j < len(rs) {
				rs[i], rs[j] = rs[j], rs[i]
			}
			break
		}
	}
	p.show()
}

func (p *resolutionsPanel) onRemove(c *resolutionCard) {
	p.e.a.m.u.showConfirm("Delete resolution", "Delete this resolution?\n\n“"+data.Shorten(c.r.Text, 160)+"”", func(ok bool) {
		if ok {
			p.remove(c)
		}
	})
}

func (p *resolutionsPanel) remove(c *resolutionCard) {
	m := p.e.a.m
	id := c.r.ID
	if !m.u.run("delete the resolution", func() error { return m.u.store.DeleteResolution(id) }) {
		return
	}
	p.e.item.Resolutions = slices.DeleteFunc(p.e.item.Resolutions, func(r data.Resolution) bool { return r.ID == id })
	p.show()
	p.e.showCounts()
}

// nextPart is the label of the next lettered part of a resolution: (a), (b)… or, inside a
// lettered part, (i), (ii)….
func nextPart(text string, roman bool) string {
	if roman {
		for _, n := range data.PartNumerals {
			if !strings.Contains(text, "("+n+")") {
				return "(" + n + ")"
			}
		}
		return "(xiii)"
	}
	for c := 'a'; c <= 'z'; c++ {
		if !strings.Contains(text, "("+string(c)+")") {
			return "(" + string(c) + ")"
		}
	}
	return "(z)"
}

// resolutionCard is one resolution.
type resolutionCard struct {
	p       *resolutionsPanel
	r       data.Resolution
	text    *textEntry
	note    *note
	vote    *voteBox // votes.go
	content fyne.CanvasObject
}

func newResolutionCard(p *resolutionsPanel, r data.Resolution) *resolutionCard {
	c := &resolutionCard{p: p, r: r, note: newNote()}
	c.text = multiLine("That the report be noted.", 6, nil)
	c.text.SetText(r.Text)
	c.text.OnChanged = func(string) { c.save() }
	label := &widget.Label{Text: "RESOLVED –", TextStyle: fyne.TextStyle{Bold: true}}
	ro := p.e.a.m.readOnly
	part := newPointerButton(&widget.Button{Text: "(a)", Importance: widget.LowImportance, OnTapped: func() { c.addPart(false) }})
	sub := newPointerButton(&widget.Button{Text: "(i)", Importance: widget.LowImportance, OnTapped: func() { c.addPart(true) }})
	up := newPointerButton(&widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(c, -1) }})
	down := newPointerButton(&widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(c, +1) }})
	del := newPointerButton(&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { p.onRemove(c) }})
	tools := container.NewHBox(part, sub, up, down, del)
	if ro {
		tools.Hide()
	}
	c.vote = newVoteBox(c)
	c.content = container.NewVBox(container.NewBorder(nil, nil, label, tools), c.text, c.note, c.vote.content, widget.NewSeparator())
	enable(!ro, c.text)
	return c
}

// addPart starts a new lettered (or roman) part on its own line.
func (c *resolutionCard) addPart(roman bool) {
	t := strings.TrimRight(c.text.Text, " \n")
	if t != "" {
		t += "\n"
	}
	if roman {
		t += "    "
	}
	t += nextPart(c.text.Text, roman) + " "
	c.text.SetText(t)
	c.p.e.focus(c.text)
	c.text.moveCursor(utf8.RuneCountInString(t)) // after "(b) ", on the new line however the text wraps
}

// save queues the resolution; an empty one keeps its last text with a note.
func (c *resolutionCard) save() {
	e := c.p.e
	if e.a.m.readOnly {
		return
	}
	if !hasText(c.text.Text) {
		c.note.problem("A resolution cannot be empty; delete it instead. Its last text is kept until then.")
		return
	}
	c.note.clear()
	c.r.Text = c.text.Text
	for i := range e.item.Resolutions {
		if e.item.Resolutions[i].ID == c.r.ID {
			e.item.Resolutions[i] = c.r
		}
	}
	snap := c.r
	e.a.m.u.save(edit{rec: &snap, what: "a resolution of item " + e.item.Number,
		applied: func(rec data.Record, ch data.Changes) {
			c.r.Version = max(c.r.Version, rec.(*data.Resolution).Version)
			e.a.m.applyChanges(ch)
		},
		failed: func(err error) { c.note.problem(sentence(err)) },
		dump:   func() string { return "RESOLVED – " + snap.Text },
	})
}
