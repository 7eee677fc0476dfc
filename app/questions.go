package app

import (
	"fmt"
	"slices"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// questionsPanel lists an item's members' questions, numbered (1), (2)…, each with who
// asked, the question, who answered and the answer.
type questionsPanel struct {
	e       *itemEditor
	cards   []*questionCard
	box     *fyne.Container
	scroll  *container.Scroll
	addBtn  *pointerButton
	empty   *widget.Label
	after   fyne.CanvasObject // the narrative after the questions, at the end of their list
	content fyne.CanvasObject
}

func newQuestionsPanel(e *itemEditor) *questionsPanel {
	p := &questionsPanel{e: e}
	p.box = container.NewVBox()
	p.scroll = container.NewVScroll(p.box)
	p.addBtn = newPointerButton(&widget.Button{Text: "New question", Icon: theme.ContentAddIcon(), OnTapped: p.onAdd})
	p.empty = &widget.Label{Text: "No questions on this item.", Importance: widget.LowImportance}
	p.after = labelled("After the questions", e.minutesAfter, nil)
	p.content = container.NewBorder(nil, toolbarRow(p.addBtn), nil, nil, withWheel(p.scroll))
	return p
}

// show builds a card for each of the item's questions.
func (p *questionsPanel) show() {
	p.cards = nil
	p.box.RemoveAll()
	it := p.e.item
	for i := range it.Questions {
		it.Questions[i].Number = i + 1
		c := newQuestionCard(p, it.Questions[i])
		p.cards = append(p.cards, c)
		p.box.Add(c.content)
	}
	if len(p.cards) == 0 {
		p.box.Add(p.empty)
	}
	p.box.Add(p.after)
	if p.e.a.m.readOnly {
		p.addBtn.Hide()
	} else {
		p.addBtn.Show()
	}
	canvas.Refresh(p.box)
}

// askers offers the members at the meeting; answerers offers who usually answers.
func (p *questionsPanel) askers() []string {
	names := p.e.a.m.attendeeNames(data.Present, data.Substitute)
	sort.Strings(names)
	return names
}

func (p *questionsPanel) answerers() []string {
	out := []string{"The PCC", "The Chief Constable", "The Chief Executive", "The Chief Finance Officer", "The Scrutiny Officer"}
	return append(out, p.e.a.m.attendeeNames(data.InAttendance)...)
}

// onAdd adds a question at the end of the item and puts the cursor in "asked by".
func (p *questionsPanel) onAdd() {
	e := p.e
	m := e.a.m
	if e.item == nil || m.readOnly {
		return
	}
	q := data.Question{ItemID: e.item.ID}
	if !m.u.run("add a question", func() error { return m.u.store.AddQuestion(&q) }) {
		return
	}
	q.Number = len(e.item.Questions) + 1
	e.item.Questions = append(e.item.Questions, q)
	m.tabs.SelectIndex(1)
	e.tabs.SelectIndex(1)
	p.show()
	e.showCounts()
	scrollToShow(p.scroll, p.cards[len(p.cards)-1].content)
	e.focus(p.cards[len(p.cards)-1].askedBy)
}

// move moves a question up (-1) or down (+1); the numbers follow.
func (p *questionsPanel) move(c *questionCard, delta int) {
	m := p.e.a.m
	id := c.q.ID
	if !m.u.run("move the question", func() error { return m.u.store.MoveQuestion(id, delta) }) {
		return
	}
	qs := p.e.item.Questions
	for i := range qs {
		if qs[i].ID == id {
			j := i + delta
			if j >= 0 && j < len(qs) {
				qs[i], qs[j] = qs[j], qs[i]
			}
			break
		}
	}
	p.show()
}

// onRemove deletes a question after asking; an action it raised stays in the log.
func (p *questionsPanel) onRemove(c *questionCard) {
	msg := fmt.Sprintf("Delete question (%d)?", c.q.Number)
	if hasText(c.q.Question) {
		msg += "\n\n“" + data.Shorten(c.q.Question, 120) + "”"
	}
	msg += "\n\nThe questions after it are renumbered. An action it raised stays in the action log."
	p.e.a.m.u.showConfirm("Delete question", msg, func(ok bool) {
		if ok {
			p.remove(c)
		}
	})
}

func (p *questionsPanel) remove(c *questionCard) {
	m := p.e.a.m
	id := c.q.ID
	if !m.u.run("delete the question", func() error { return m.u.store.DeleteQuestion(id) }) {
		return
	}
	p.e.item.Questions = slices.DeleteFunc(p.e.item.Questions, func(q data.Question) bool { return q.ID == id })
	p.show()
	p.e.showCounts()
}

// questionCard is one question and its answer.
type questionCard struct {
	p          *questionsPanel
	q          data.Question
	number     *widget.Label
	askedBy    *choiceEntry
	question   *textEntry
	answeredBy *choiceEntry
	answer     *textEntry
	written    *widget.Check
	note       *note
	content    fyne.CanvasObject
}

func newQuestionCard(p *questionsPanel, q data.Question) *questionCard {
	c := &questionCard{p: p, q: q, note: newNote()}
	c.number = &widget.Label{Text: fmt.Sprintf("(%d)", q.Number), TextStyle: fyne.TextStyle{Bold: true}}
	c.askedBy = newChoiceEntry(p.askers())
	c.askedBy.PlaceHolder = "Asked by"
	c.askedBy.SetText(q.AskedBy)
	c.askedBy.OnChanged = func(string) { c.save() }
	c.question = narrative("The question", 2, nil)
	c.question.SetText(q.Question)
	c.question.OnChanged = func(string) { c.save() }
	c.answeredBy = newChoiceEntry(p.answerers())
	c.answeredBy.PlaceHolder = "Answered by"
	c.answeredBy.SetText(q.AnsweredBy)
	c.answeredBy.OnChanged = func(string) { c.save() }
	c.answer = narrative("The answer given", 3, nil)
	c.answer.SetText(q.Answer)
	c.answer.OnChanged = func(string) { c.save() }
	c.written = &widget.Check{Text: "Written reply to follow (adds an action)", Checked: q.WrittenReply, OnChanged: func(bool) { c.save() }}
	ro := p.e.a.m.readOnly
	n := len(p.e.item.Questions)
	up := newPointerButton(&widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(c, -1) }})
	down := newPointerButton(&widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(c, +1) }})
	del := newPointerButton(&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { p.onRemove(c) }})
	enable(q.Number > 1, up)
	enable(q.Number < n, down)
	tools := container.NewHBox(up, down, del)
	if ro {
		tools.Hide()
	}
	head := container.NewBorder(nil, nil, c.number, tools, container.NewGridWithColumns(2, c.askedBy, c.answeredBy))
	c.content = container.NewVBox(head, c.question, c.answer, container.NewBorder(nil, nil, c.written, nil, c.note), widget.NewSeparator())
	enable(!ro, &c.askedBy.Entry, c.question, &c.answeredBy.Entry, c.answer, c.written)
	if ro {
		c.askedBy.Disable()
		c.answeredBy.Disable()
	}
	return c
}

// save queues the question. Ticking "written reply to follow" or typing a tag makes an
// action in the store, which the save's answer brings to the actions beside.
func (c *questionCard) save() {
	e := c.p.e
	if e.a.m.readOnly {
		return
	}
	q := &c.q
	q.AskedBy, q.Question, q.AnsweredBy, q.Answer, q.WrittenReply = c.askedBy.Text, c.question.Text, c.answeredBy.Text, c.answer.Text, c.written.Checked
	for i := range e.item.Questions {
		if e.item.Questions[i].ID == q.ID {
			e.item.Questions[i] = *q
		}
	}
	snap := *q
	e.a.m.u.save(edit{rec: &snap, what: fmt.Sprintf("question (%d) of item %s", snap.Number, e.item.Number),
		applied: func(rec data.Record, ch data.Changes) {
			c.q.Version = max(c.q.Version, rec.(*data.Question).Version)
			e.a.m.applyChanges(ch)
		},
		failed: func(err error) { c.note.problem(sentence(err)) },
		dump: func() string {
			return fmt.Sprintf("Question (%d) asked by %s:\n%s\n\nAnswered by %s:\n%s", snap.Number, snap.AskedBy, snap.Question, snap.AnsweredBy, snap.Answer)
		},
	})
}
