package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/minutebook/minutebook/data"
)

// backspace deletes the character before the cursor of a focused entry, as the key does.
func backspace(e fyne.Focusable, n int) {
	for range n {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
}

// savedVote reads the vote on the item's first resolution from the file.
func savedVote(t *testing.T, h *harness) (data.Vote, bool) {
	t.Helper()
	fm, err := h.db().LoadMeeting(h.u.meeting.fm.ID)
	if err != nil {
		t.Fatal(err)
	}
	it := fm.Items[len(fm.Items)-1]
	return it.VoteOn(it.Resolutions[0].ID)
}

// TestVoteOnAResolution: the clerk records a vote on a resolution card, typing the counts;
// counts beyond the members present are refused with the reason and not saved; a Panel's
// veto is judged against the membership, which the clerk may give; a recorded vote names
// each member present.
func TestVoteOnAResolution(t *testing.T) {
	h := newMeeting(t, "2024-02-02") // four members present: three councillors and a co-opted member
	addItem(h, "PCC’s Proposed Precept 2024/25", "The PCC presented the proposed precept.")
	h.u.runCommand("new-resolution")
	e := h.u.meeting.agenda.editor
	card := e.resolutions.cards[0]
	test.Type(card.text, "the Panel vetoes the proposed precept.")
	h.sync()

	b := card.vote
	if b.form.Visible() || !b.add.Visible() {
		t.Fatal("a resolution without a vote shows the vote form")
	}
	test.Tap(b.add)
	if h.w.Canvas().Focused() != b.forN {
		t.Error("Record a vote does not put the cursor in For")
	}
	test.Type(b.forN, "3")
	test.Type(b.against, "2")
	if want := "5 votes are entered (3 for, 2 against, 0 abstaining), but only 4 members are present."; b.note.Text != want {
		t.Errorf("note = %q, want %q", b.note.Text, want)
	}
	h.sync()
	// What was saved is the last vote that could have been cast: 3 for, before the 2.
	if v, ok := savedVote(t, h); !ok || v.Cast() != 3 {
		t.Fatalf("saved %+v: a vote of more than those present was saved", v)
	}
	h.w.Canvas().Focus(b.against)
	backspace(b.against, 1)
	test.Type(b.against, "1")
	h.sync()
	v, ok := savedVote(t, h)
	if !ok || v.For != 3 || v.Against != 1 || v.Abstain != 0 || v.Kind != data.VoteOrdinary {
		t.Fatalf("saved vote %+v (%v)", v, ok)
	}
	if b.note.shown() || !strings.Contains(b.result.Text, "(For 3, Against 1, Abstain 0)") {
		t.Errorf("note %q, result %q", b.note.Text, b.result.Text)
	}

	// A veto of the precept: two-thirds of the membership at the time, from the body's list
	// of members (four) unless the clerk gives it.
	b.kind.SetSelected(data.VoteKindWords[data.VotePreceptVeto])
	if !b.memberRow.Visible() || b.membership.PlaceHolder != "4, from the list of members" {
		t.Errorf("the membership is not offered for a veto: %q", b.membership.PlaceHolder)
	}
	if !strings.HasSuffix(b.result.Text, "which was 4: 3 votes. 3 members voted for the veto, so the Panel vetoed the proposed precept.") {
		t.Errorf("result = %q", b.result.Text)
	}
	test.Type(b.membership, "6") // two council seats the attendance does not list
	if !strings.HasSuffix(b.result.Text, "which was 6: 4 votes. 3 members voted for the veto, so the veto was not carried.") {
		t.Errorf("result with a membership of 6 = %q", b.result.Text)
	}
	h.sync()
	if v, _ := savedVote(t, h); v.Kind != data.VotePreceptVeto || v.Membership != 6 {
		t.Fatalf("saved vote %+v", v)
	}
	h.w.Canvas().Focus(b.membership)
	backspace(b.membership, 1)
	test.Type(b.membership, "3")
	if !strings.Contains(b.note.Text, "cannot be smaller than the 4 members present") {
		t.Errorf("a membership below those present: note %q", b.note.Text)
	}

	// A recorded vote: each member present is named with their vote.
	backspace(b.membership, 1)
	test.Tap(b.recorded)
	if b.counts.Visible() || !b.names.Visible() || len(b.choices) != 4 {
		t.Fatalf("the recorded vote shows %d members, counts visible %v", len(b.choices), b.counts.Visible())
	}
	b.choices["Cllr Barrie Patman"].SetSelected(voteFor)
	b.choices["Mr Ted Łukasz"].SetSelected(voteFor)
	b.choices["Cllr Emily Culverhouse"].SetSelected(voteAgainst)
	h.sync()
	v, _ = savedVote(t, h)
	// Named in the order the attendance lists members: by surname (Łukasz before Patman).
	if !v.Recorded || strings.Join(v.ForNames, "|") != "Mr Ted Łukasz|Cllr Barrie Patman" || strings.Join(v.AgainstNames, "|") != "Cllr Emily Culverhouse" || v.For != 2 {
		t.Fatalf("saved recorded vote %+v", v)
	}
	if !strings.Contains(b.result.Text, "For (2): Mr Ted Łukasz, Cllr Barrie Patman") {
		t.Errorf("result = %q", b.result.Text)
	}

	// Shown again from the file, then removed.
	h.u.meeting.reload()
	b = h.u.meeting.agenda.editor.resolutions.cards[0].vote
	if !b.form.Visible() || !b.recorded.Checked || b.choices["Mr Ted Łukasz"].Selected != voteFor {
		t.Fatal("the recorded vote is not shown again from the file")
	}
	test.Tap(b.remove)
	h.sync()
	if _, ok := savedVote(t, h); ok || b.form.Visible() {
		t.Fatal("the vote was not removed")
	}
}

// TestVetoVoteCountsTheBodysMembers: the membership a veto is judged against is the
// body's list of members, so a member the clerk removes from the attendance still counts;
// where the minute book lists no members for the body the attendance is counted, and the
// form and the minutes say so.
func TestVetoVoteCountsTheBodysMembers(t *testing.T) {
	h := newMeeting(t, "2024-02-02") // four members, all listed as present
	m := h.u.meeting
	var gone *attendanceRow
	for _, r := range m.rows {
		if r.a.Name == "Mr Ted Łukasz" {
			gone = r
		}
	}
	if gone == nil {
		t.Fatal("the new meeting does not list Mr Ted Łukasz")
	}
	test.Tap(gone.remove)
	h.sync()
	if fm, _ := h.db().LoadMeeting(m.fm.ID); len(fm.Attendance) != 3 {
		t.Fatalf("the attendance has %d rows after removing one of four", len(fm.Attendance))
	}
	addItem(h, "PCC’s Proposed Precept 2024/25", "")
	h.u.runCommand("new-resolution")
	card := m.agenda.editor.resolutions.cards[0]
	test.Type(card.text, "the Panel vetoes the proposed precept.")
	h.sync()
	b := card.vote
	test.Tap(b.add)
	test.Type(b.forN, "3")
	b.kind.SetSelected(data.VoteKindWords[data.VotePreceptVeto])
	if b.membership.PlaceHolder != "4, from the list of members" {
		t.Errorf("the membership offered is %q, want the four members", b.membership.PlaceHolder)
	}
	if !strings.HasSuffix(b.result.Text, "which was 4: 3 votes. 3 members voted for the veto, so the Panel vetoed the proposed precept.") {
		t.Errorf("result = %q", b.result.Text)
	}
	h.sync()

	// No one is listed as a member of the body any more: the attendance's three are counted.
	people, err := h.u.store.People(m.fm.BodyID, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.IsMember() {
			p.Role = data.RoleGuest
			if _, err := h.u.store.Save(&p); err != nil {
				t.Fatal(err)
			}
		}
	}
	m.reload()
	b = m.agenda.editor.resolutions.cards[0].vote
	if b.membership.PlaceHolder != "3, counted from the attendance" {
		t.Errorf("without a list of members the membership offered is %q", b.membership.PlaceHolder)
	}
	if !strings.HasSuffix(b.result.Text, "which was 3 (counted from the attendance): 2 votes. 3 members voted for the veto, so the Panel vetoed the proposed precept.") {
		t.Errorf("result = %q", b.result.Text)
	}
}
