package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// voteBox is the vote on a resolution, on the resolution's card: how many voted for,
// against and abstaining, or a recorded vote with each member's vote; for a Police and Crime
// Panel's veto, the membership it is judged against; and, beneath, what the minutes will
// print, with whether a veto carried. A vote the attendance cannot have cast (more votes
// than members present) is refused with the reason beside it, and not saved.
type voteBox struct {
	c     *resolutionCard
	v     data.Vote
	box   *pendingID
	draft string // key of a vote not yet written

	add        *pointerButton // "Record a vote"
	remove     *pointerButton
	kind       *widget.Select
	recorded   *widget.Check
	forN       *widget.Entry
	against    *widget.Entry
	abstain    *widget.Entry
	counts     *fyne.Container
	membership *widget.Entry
	memberRow  fyne.CanvasObject
	names      *fyne.Container
	choices    map[string]*widget.Select // a member present → their vote
	result     *widget.Label
	note       *note
	form       *fyne.Container
	content    *fyne.Container
}

// Words of a recorded vote's choices.
const (
	voteFor     = "For"
	voteAgainst = "Against"
	voteAbstain = "Abstained"
	voteNone    = "Did not vote"
)

var voteKindOptions = []string{data.VoteKindWords[data.VoteOrdinary], data.VoteKindWords[data.VotePreceptVeto], data.VoteKindWords[data.VoteAppointmentVeto]}

func newVoteBox(c *resolutionCard) *voteBox {
	b := &voteBox{c: c, note: wrappedNote(), choices: map[string]*widget.Select{}}
	e := c.p.e
	v, ok := e.item.VoteOn(c.r.ID)
	if !ok {
		v = data.Vote{ResolutionID: c.r.ID}
	}
	b.v, b.box = v, newPendingID(v.ID)
	b.draft = fmt.Sprintf("vote-draft:%p", b.box)
	b.add = newPointerButton(&widget.Button{Text: "Record a vote", Icon: theme.ContentAddIcon(), Importance: widget.LowImportance, OnTapped: b.onAdd})
	b.remove = newPointerButton(&widget.Button{Text: "Remove the vote", Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: b.onRemove})
	b.kind = &widget.Select{Options: voteKindOptions, OnChanged: func(string) { b.showKind(); b.save() }}
	b.recorded = &widget.Check{Text: "Recorded vote (each member named)", OnChanged: func(bool) { b.showKind(); b.save() }}
	number := func(placeholder string) *widget.Entry {
		return &widget.Entry{PlaceHolder: placeholder, OnChanged: func(string) { b.save() }}
	}
	b.forN, b.against, b.abstain = number("For"), number("Against"), number("Abstained")
	b.counts = container.NewGridWithColumns(3, labelled("For", b.forN, nil), labelled("Against", b.against, nil), labelled("Abstained", b.abstain, nil))
	b.membership = number("")
	b.memberRow = labelled("The Panel’s membership at the time (co-opted members count, vacant seats do not)", b.membership, nil)
	b.names = container.NewVBox()
	for _, a := range e.a.m.fm.Present() {
		name := a.Name
		s := &widget.Select{Options: []string{voteFor, voteAgainst, voteAbstain, voteNone}, Selected: voteNone, OnChanged: func(string) { b.save() }}
		b.choices[name] = s
		b.names.Add(container.NewBorder(nil, nil, nil, fixed(160, s), &widget.Label{Text: name, Truncation: fyne.TextTruncateEllipsis}))
	}
	b.result = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	b.form = container.NewVBox(container.NewBorder(nil, nil, &widget.Label{Text: "Vote", TextStyle: fyne.TextStyle{Bold: true}}, b.remove, b.kind),
		b.recorded, b.counts, b.names, b.memberRow, b.result, b.note)
	b.content = container.NewVBox(container.NewHBox(b.add), b.form)
	b.showVote(ok)
	if e.a.m.readOnly {
		b.add.Hide()
		b.remove.Hide()
		enable(false, b.kind, b.recorded, b.forN, b.against, b.abstain, b.membership)
		for _, s := range b.choices {
			s.Disable()
		}
	}
	return b
}

// showVote puts the vote on the form, or only the button to record one.
func (b *voteBox) showVote(exists bool) {
	if !exists {
		b.add.Show()
		b.form.Hide()
		return
	}
	b.add.Hide()
	b.form.Show()
	v := b.v
	setSelected(b.kind, data.VoteKindWords[v.Kind])
	setChecked(b.recorded, v.Recorded)
	count := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	setText(b.forN, count(v.For))
	setText(b.against, count(v.Against))
	setText(b.abstain, count(v.Abstain))
	setText(b.membership, count(v.Membership))
	for name, s := range b.choices {
		choice := voteNone
		for _, side := range []struct {
			names []string
			word  string
		}{{v.ForNames, voteFor}, {v.AgainstNames, voteAgainst}, {v.AbstainNames, voteAbstain}} {
			for _, n := range side.names {
				if data.SamePerson(n, name) {
					choice = side.word
				}
			}
		}
		setSelected(s, choice)
	}
	b.showKind()
	b.showResult()
}

// showKind shows the counts or the names, and the membership for a veto.
func (b *voteBox) showKind() {
	if b.recorded.Checked {
		b.counts.Hide()
		b.names.Show()
	} else {
		b.counts.Show()
		b.names.Hide()
	}
	if b.kind.Selected == data.VoteKindWords[data.VotePreceptVeto] || b.kind.Selected == data.VoteKindWords[data.VoteAppointmentVeto] {
		fm := b.c.p.e.a.m.fm
		// The figure the store will use if the clerk gives none (data.Vote.Result).
		from := "counted from the attendance"
		if len(fm.Roster) > 0 {
			from = "from the list of members"
		}
		b.membership.PlaceHolder = fmt.Sprintf("%d, %s", len(fm.Members()), from)
		b.membership.Refresh()
		b.memberRow.Show()
	} else {
		b.memberRow.Hide()
	}
}

// showResult shows what the minutes will print of the vote.
func (b *voteBox) showResult() {
	b.result.SetText(strings.Join(b.v.Lines(b.c.p.e.a.m.fm), "\n"))
}

// onAdd opens the form for a vote on the resolution.
func (b *voteBox) onAdd() {
	if b.c.p.e.a.m.readOnly {
		return
	}
	b.v = data.Vote{ResolutionID: b.c.r.ID}
	b.showVote(true)
	b.note.hint("Type how many voted for, against and abstained; the vote is saved once the counts are in.")
	b.c.p.e.focus(b.forN)
}

// vote reads the form, or says what is wrong with it.
func (b *voteBox) vote() (data.Vote, string) {
	v := b.v
	for k, w := range data.VoteKindWords {
		if w == b.kind.Selected {
			v.Kind = k
		}
	}
	v.Recorded = b.recorded.Checked
	v.ForNames, v.AgainstNames, v.AbstainNames = nil, nil, nil
	if v.Recorded {
		for _, a := range b.c.p.e.a.m.fm.Present() {
			switch b.choices[a.Name].Selected {
			case voteFor:
				v.ForNames = append(v.ForNames, a.Name)
			case voteAgainst:
				v.AgainstNames = append(v.AgainstNames, a.Name)
			case voteAbstain:
				v.AbstainNames = append(v.AbstainNames, a.Name)
			}
		}
	}
	fields := []struct {
		what string
		e    *widget.Entry
		n    *int
	}{{"for", b.forN, &v.For}, {"against", b.against, &v.Against}, {"abstained", b.abstain, &v.Abstain}, {"the membership", b.membership, &v.Membership}}
	if v.Recorded {
		fields = fields[3:]
	}
	for _, f := range fields {
		t := strings.TrimSpace(f.e.Text)
		if t == "" {
			*f.n = 0
			continue
		}
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 {
			return v, fmt.Sprintf("“%s” is not a number of members (%s); type it in figures.", t, f.what)
		}
		*f.n = n
	}
	return v, ""
}

// save checks the vote against the attendance and queues it; a vote that cannot have been
// cast is not saved, and the reason is said beside it.
func (b *voteBox) save() {
	e := b.c.p.e
	m := e.a.m
	if m.readOnly || !b.form.Visible() {
		return
	}
	v, problem := b.vote()
	if problem == "" {
		if err := m.fm.CheckVote(&v); err != nil {
			problem = asSentence(sentence(err))
		}
	}
	if problem != "" {
		b.note.problem(problem)
		return
	}
	b.note.clear()
	b.v = v
	b.showResult()
	item := e.item
	snap := v
	what := "the vote on a resolution of item " + item.Number
	key := b.draft
	if v.ID != 0 {
		key = data.Key(&snap)
	}
	m.u.save(edit{rec: &snap, key: key, box: b.box, what: what,
		applied: func(rec data.Record, _ data.Changes) {
			saved := rec.(*data.Vote)
			b.v.ID, b.v.Version = saved.ID, max(b.v.Version, saved.Version)
			b.box.set(saved.ID)
			for i := range item.Votes {
				if item.Votes[i].ID == saved.ID {
					item.Votes[i] = *saved
					return
				}
			}
			item.Votes = append(item.Votes, *saved)
		},
		failed: func(err error) { b.note.problem(asSentence(sentence(err))) },
		dump: func() string {
			return "Vote on “" + data.Shorten(b.c.r.Text, 80) + "”: " + strings.Join(snap.Lines(m.fm), " ")
		},
	})
}

// onRemove deletes the vote (or closes a form not yet saved).
func (b *voteBox) onRemove() {
	e := b.c.p.e
	m := e.a.m
	if m.readOnly {
		return
	}
	if id := b.box.get(); id != 0 {
		if !m.u.run("remove the vote", func() error { return m.u.store.DeleteVote(id) }) {
			return
		}
		item := e.item
		for i := range item.Votes {
			if item.Votes[i].ID == id {
				item.Votes = append(item.Votes[:i], item.Votes[i+1:]...)
				break
			}
		}
	}
	b.v, b.box = data.Vote{ResolutionID: b.c.r.ID}, newPendingID(0)
	b.draft = fmt.Sprintf("vote-draft:%p", b.box)
	b.note.clear()
	b.showVote(false)
}

// asSentence gives a store's words a capital and a full stop, for a note.
func asSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	s = strings.ToUpper(string(r[0])) + string(r[1:])
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// wrappedNote is a note that wraps rather than cuts its words: the reason a vote or a file
// is refused is read in full. It sits at the foot of its form, so a second line moves
// nothing the clerk is typing in.
func wrappedNote() *note {
	n := newNote()
	n.Truncation = fyne.TextTruncateOff
	n.Wrapping = fyne.TextWrapWord
	return n
}
