package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/names"
)

// firstRun is what an empty database shows: start a new panel, or explore the example.
//
// The example goes into its own file beside the clerk's database (minutebook-example.db),
// not into their database: fictional members and minutes must never end up in a real
// minute book or its action log, and the clerk's file stays empty until they start their
// own panel. A banner in the example says so and leads back.
type firstRun struct {
	u           *ui
	form        *bodyForm
	members     *textEntry
	membersNote *note
	create      *widget.Button
}

func newFirstRun(u *ui) *firstRun {
	f := &firstRun{u: u, membersNote: newNote()}
	f.form = newBodyForm(u, data.Body{Numbering: data.NumberPerMeeting, ChairTitle: "Chair"})
	f.members = multiLine("Cllr Barrie Patman, Wokingham Borough Council\nCllr Emily Culverhouse, Buckinghamshire Council\nMr Ted Łukasz, Independent (co-opted)", 8, f.onMembersTyped)
	f.create = &widget.Button{Text: "Start the panel", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: f.onCreate}
	return f
}

func (f *firstRun) buildUI() fyne.CanvasObject {
	members := container.NewBorder(nil, container.NewVBox(f.membersNote, toolbarRow(f.create)), nil, nil,
		labelled("Members, one a line (officers and more members can be added under People later)", f.members, nil))
	start := &widget.Card{
		Title: "Start a new panel", Subtitle: "Your panel or committee and its members, ready for the first meeting.",
		Content: container.NewGridWithColumns(2, f.form.content(), members),
	}
	explore := &widget.Card{
		Title: "Explore the example", Subtitle: "A Police and Crime Panel over two years, with a real published minute.",
		Content: container.NewBorder(nil, nil, nil,
			&widget.Button{Text: "Explore the example", Icon: theme.FolderOpenIcon(), OnTapped: f.u.onExploreExample},
			&widget.Label{Wrapping: fyne.TextWrapWord, Text: "It opens from its own file beside yours: nothing of it enters your minutes, and you can come back here at any time."}),
	}
	welcome := container.NewVBox(
		&widget.Label{Text: "Welcome to Minutebook", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		&widget.Label{Text: "Minutes, members' questions and the action log of your panel, kept on this computer. Everything you type is saved as you type it.", Wrapping: fyne.TextWrapWord},
	)
	return container.NewVScroll(container.NewPadded(container.NewVBox(welcome, start, explore)))
}

// onCreate creates the body with its members and opens it, ready for "New meeting".
func (f *firstRun) onCreate() {
	members := parseMembers(f.members.Text)
	store := f.u.store
	f.form.save(func(b *data.Body) error {
		return f.u.saver.run("create the panel", func() error {
			if err := store.CreateBody(b); err != nil {
				return err
			}
			for _, p := range members {
				p.BodyID = b.ID
				if err := store.CreatePerson(&p); err != nil {
					return fmt.Errorf("add %s: %w", p.DisplayName(), err)
				}
			}
			return nil
		})
	})
}

// onMembersTyped says how the members typed were read.
func (f *firstRun) onMembersTyped(text string) {
	ms := parseMembers(text)
	if len(ms) == 0 {
		f.membersNote.clear()
		return
	}
	co := 0
	for _, p := range ms {
		if p.Role == data.RoleCoopted {
			co++
		}
	}
	w := data.Count(len(ms), "member", "members")
	if co > 0 {
		w += fmt.Sprintf(", %d co-opted", co)
	}
	last := ms[len(ms)-1]
	w += ". Last read as: " + last.DisplayName()
	if last.Authority != "" {
		w += " of " + last.Authority
	}
	f.membersNote.hint(w + ".")
}

// parseMembers reads members typed one a line — "Cllr Barrie Patman, Wokingham Borough
// Council", "Mr Ted Łukasz, Independent (co-opted)" — into people.
func parseMembers(text string) []data.Person {
	var out []data.Person
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		p := data.Person{Role: data.RoleMember}
		lower := strings.ToLower(line)
		for _, mark := range []string{"(co-opted)", "(coopted)", "(co-opted member)", "(independent co-opted member)"} {
			if i := strings.Index(lower, mark); i >= 0 {
				p.Role = data.RoleCoopted
				line = strings.TrimSpace(line[:i] + line[i+len(mark):])
				lower = strings.ToLower(line)
			}
		}
		name, authority, _ := strings.Cut(line, ",")
		name, authority = strings.TrimSpace(name), strings.Trim(strings.TrimSpace(authority), ",")
		p.Title, name = names.Split(name)
		if name == "" {
			continue
		}
		p.Name, p.Authority = name, strings.TrimSpace(authority)
		out = append(out, p)
	}
	return out
}
