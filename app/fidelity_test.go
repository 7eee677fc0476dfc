package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

// exampleParagraph is a paragraph of the example minute (with its run of three spaces),
// and a few of the characters clerks type.
const exampleParagraph = "The PCC replied that it was not only the Police that were trained. There was specialised " +
	"training, but more could be done. There was lots of training carried out around Modern Slavery.   Where someone " +
	"is suspected of being a victim of modern slavery then they should be considered a child or adult at risk and the " +
	"relevant child or adult at risk operational guidance followed. The Force’s partners – Łódź’s too – cost £2.4m in 2026/27; " +
	"and a referral may then be made into the National Referral Mechanism in line with the operational guidance."

// typeRunes puts the cursor in o and types s one rune at a time into whatever has the
// focus, as the window does with each key.
func typeRunes(t *testing.T, h *harness, o fyne.Focusable, s string) {
	t.Helper()
	c := h.w.Canvas()
	c.Focus(o)
	if c.Focused() == nil {
		t.Fatalf("%T did not take the focus", o)
	}
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// TestEveryLongTextFieldKeepsWhatIsTyped types the example's paragraph rune by rune into
// every multi-line field of the real screens, at three window widths, and reads each back
// from the database: nothing moved, nothing lost. With Fyne's own Entry the space typed at a
// line's wrap moved along the text at every one of these widths.
func TestEveryLongTextFieldKeepsWhatIsTyped(t *testing.T) {
	for _, width := range []float32{1024, 1280, 1600} {
		t.Run(fmt.Sprintf("%.0f px", width), func(t *testing.T) {
			h := newMeeting(t, "2023-09-15")
			h.w.Resize(fyne.NewSize(width, 800))
			m := h.u.meeting
			a := m.agenda
			a.onAddItem()
			e := a.editor
			typeRunes(t, h, e.title, "Fighting serious organised crime")

			// The minutes: two paragraphs, the second after Return Return.
			e.minutes.FocusEnd(h.w.Canvas())
			c := h.w.Canvas()
			for _, r := range exampleParagraph {
				c.Focused().TypedRune(r)
			}
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			for _, r := range exampleParagraph {
				c.Focused().TypedRune(r)
			}
			e.tabs.SelectIndex(3)
			typeRunes(t, h, e.summary, exampleParagraph)
			e.tabs.SelectIndex(1)
			typeRunes(t, h, e.minutesAfter, exampleParagraph)
			e.questions.onAdd()
			q := e.questions.cards[0]
			typeRunes(t, h, q.question, exampleParagraph)
			typeRunes(t, h, q.answer, exampleParagraph)
			e.resolutions.onAdd()
			typeRunes(t, h, e.resolutions.cards[0].text, exampleParagraph) // after "That "
			e.actions.onAdd()
			act := e.actions.cards[0]
			typeRunes(t, h, act.owner, "PCC")
			typeRunes(t, h, act.text, exampleParagraph)
			h.sync()

			it, err := h.db().Item(e.item.ID)
			if err != nil {
				t.Fatal(err)
			}
			fm, err := h.db().LoadMeeting(m.fm.ID)
			if err != nil {
				t.Fatal(err)
			}
			got := fm.Items[0]
			want := exampleParagraph
			for _, f := range []struct{ field, got, want string }{
				{"title", it.Title, "Fighting serious organised crime"},
				{"minutes", it.Minutes, want + "\n\n" + want},
				{"report summary", it.ReportSummary, want},
				{"after the questions", it.MinutesAfter, want},
				{"question", got.Questions[0].Question, want},
				{"answer", got.Questions[0].Answer, want},
				{"resolution", got.Resolutions[0].Text, "That " + want},
				{"action", actionText(got.Actions, "PCC"), want},
			} {
				if f.got != f.want {
					t.Errorf("%s saved as\n%q\nwant\n%q", f.field, f.got, f.want)
				}
			}

			// The public summary of an exempt item.
			e.exempt.SetChecked(true)
			typeRunes(t, h, e.publicSummary, exampleParagraph)
			h.sync()
			if it, _ := h.db().Item(e.item.ID); it.PublicSummary != want {
				t.Errorf("public summary saved as\n%q", it.PublicSummary)
			}
			e.exempt.SetChecked(false)
			h.sync()

			// The approval's amendments and the reason for reopening.
			next := data.Meeting{BodyID: m.fm.BodyID, Date: "2023-11-24"}
			if err := h.u.store.CreateMeeting(&next); err != nil {
				t.Fatal(err)
			}
			f := m.newApproveForm()
			showFocused(f.dlg, h.w, f.date.entry)
			typeRunes(t, h, f.amendments, exampleParagraph)
			if !f.submit() {
				t.Fatalf("approval refused: %s", f.date.note.Text)
			}
			h.sync()
			if mt, _ := h.db().Meeting(m.fm.ID); mt.Amendments != want {
				t.Errorf("amendments saved as\n%q", mt.Amendments)
			}
			r := m.newReopenForm()
			showFocused(r.dlg, h.w, r.reason)
			typeRunes(t, h, r.reason, exampleParagraph)
			if !r.submit() {
				t.Fatalf("reopen refused")
			}
			h.sync()
			hist, _ := h.db().MeetingHistory(m.fm.ID)
			if len(hist) != 2 || hist[1].Note != want {
				t.Errorf("reason saved as %+v", hist)
			}
			h.closeOverlays()

			// The action log: a progress note, and the action's text edited.
			h.u.runCommand("action-log")
			h.sync()
			s := h.u.actionLog
			if len(s.order) == 0 {
				t.Fatal("the action log lists nothing")
			}
			s.selectAction(s.row(0).ID)
			d := s.detail
			typeRunes(t, h, d.note, exampleParagraph)
			d.onRecord()
			h.sync()
			logged, err := h.db().Action(s.row(0).ID)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(logged.Updates); n == 0 || logged.Updates[n-1].Text != want {
				t.Errorf("progress note saved as %+v", logged.Updates)
			}
			ef := d.newEditForm()
			showFocused(ef.dlg, h.w, ef.text)
			ef.text.setText("")
			typeRunes(t, h, ef.text, exampleParagraph)
			test.Tap(h.overlayButton("Save"))
			h.sync()
			if a, _ := h.db().Action(logged.ID); a.Text != want {
				t.Errorf("action edited in the log saved as\n%q", a.Text)
			}
		})
	}
}

// actionText is the text of the first action of an owner.
func actionText(acts []data.Action, owner string) string {
	for _, a := range acts {
		if a.Owner == owner && a.Source == "" {
			return a.Text
		}
	}
	return "(no action of " + owner + ")"
}

// TestFirstRunMembersKeepWhatIsTyped types the first-run form's list of members rune by
// rune, one a line, and reads the people back from the database.
func TestFirstRunMembersKeepWhatIsTyped(t *testing.T) {
	h := newHarness(t, nil)
	f := h.u.firstRun
	typeRunes(t, h, f.form.name, "Surrey Police and Crime Panel")
	members := []string{
		"Cllr Barrie Patman, Wokingham Borough Council",
		"Cllr Emily Culverhouse, Buckinghamshire Council",
		"Mr Ted Łukasz, Independent member of the Panel co-opted in 2026 under the Police Reform and Social Responsibility Act",
	}
	c := h.w.Canvas()
	c.Focus(f.members)
	for _, line := range members {
		for _, r := range line {
			c.Focused().TypedRune(r)
		}
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	test.Tap(f.create)
	h.sync()
	people, err := h.db().People(0, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range people {
		got = append(got, p.DisplayName()+", "+p.Authority)
	}
	slices.Sort(got)
	want := slices.Clone(members)
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("people saved:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
