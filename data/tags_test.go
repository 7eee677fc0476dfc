package data_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
)

func TestFindActionTags(t *testing.T) {
	long := strings.Repeat("Members discussed the figures at length. ", 12) + "The PCC agreed to write to members."
	tests := []struct {
		name   string
		text   string
		owners []string
		closes []string
	}{
		{"with a space", "Members asked for figures. [Action: PCC]", []string{"PCC"}, []string{"Members asked for figures."}},
		{"without a space", "Members asked for figures. [Action:PCC]", []string{"PCC"}, []string{"Members asked for figures."}},
		{"any case and spacing", "Write to parishes. [ action :  Scrutiny Officer ]", []string{"Scrutiny Officer"}, []string{"Write to parishes."}},
		{"any owner text", "Report waiting times. [Action: Head of Victims’ Services]", []string{"Head of Victims’ Services"}, []string{"Report waiting times."}},
		{"no owner is no tag", "Nothing to do. [Action: ]", nil, nil},
		{"full stop after the tag", "Slides to be shared with the Panel. [Action: PCC].", []string{"PCC"}, []string{"Slides to be shared with the Panel."}},
		{"two in a paragraph", "First thing. [Action: PCC] Second thing. [Action: Scrutiny Officer]",
			[]string{"PCC", "Scrutiny Officer"}, []string{"First thing.", "Second thing."}},
		{"in brackets", "The PCC would report back ([Action: PCC]). Members would visit ([Action: Chair]).",
			[]string{"PCC", "Chair"}, []string{"The PCC would report back", "Members would visit"}},
		{"lettered part keeps its bracket", "(b) asks the PCC to report in September. [Action: PCC]",
			[]string{"PCC"}, []string{"(b) asks the PCC to report in September."}},
		{"only its own paragraph", "An earlier paragraph.\n\nThe later one,\nwrapped. [Action: PCC]",
			[]string{"PCC"}, []string{"The later one, wrapped."}},
		{"a long paragraph by its last sentence", long + " [Action: PCC]", []string{"PCC"}, []string{"The PCC agreed to write to members."}},
		{"one Return between paragraphs", "The PCC presented the report.\nThere had been a presentation, which would be shared with the Panel. [Action: PCC]",
			[]string{"PCC"}, []string{"There had been a presentation, which would be shared with the Panel."}},
		{"a long sentence by its clause", "Members discussed at some length the figures for county lines, the numbers of arrests across the Thames Valley and " +
			"the way the force reported them to the Panel, the partners in the Violence Reduction Unit and the public; " +
			"and the PCC would write to the Panel with the breakdown by crime type. [Action: PCC]",
			[]string{"PCC"}, []string{"the PCC would write to the Panel with the breakdown by crime type."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tags := data.FindActionTags(tc.text)
			if len(tags) != len(tc.owners) {
				t.Fatalf("found %d tags %+v, want %d", len(tags), tags, len(tc.owners))
			}
			for i, tag := range tags {
				if tag.Owner != tc.owners[i] {
					t.Errorf("tag %d owner %q, want %q", i, tag.Owner, tc.owners[i])
				}
				if tc.closes != nil && tag.Closes != tc.closes[i] {
					t.Errorf("tag %d closes %q, want %q", i, tag.Closes, tc.closes[i])
				}
				if !strings.HasPrefix(strings.ToLower(tc.text[tag.Start:tag.End]), "[") || !strings.HasSuffix(tc.text[tag.Start:tag.End], "]") {
					t.Errorf("tag %d spans %q", i, tc.text[tag.Start:tag.End])
				}
			}

		})
	}
}

// tagFixture is a demo meeting opened for editing, with one of its items.
type tagFixture struct {
	s    *data.Store
	body data.Body
	item data.FullItem
}

// demoItem loads the item titled title of the demo meeting on date, reopening the meeting
// for editing first.
func demoItem(t *testing.T, date, title string) *tagFixture {
	t.Helper()
	s, b := logDemo(t)
	ms, err := s.Meetings(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Date != date {
			continue
		}
		if m.Approved() {
			if err := s.ReopenMeeting(m.ID); err != nil {
				t.Fatal(err)
			}
		}
		fm, err := s.LoadMeeting(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range fm.Items {
			if it.Title == title {
				return &tagFixture{s: s, body: b, item: it}
			}
		}
	}
	t.Fatalf("no item %q on %s", title, date)
	return nil
}

// saveMinutes saves new minutes text for the item and returns the item's actions.
func (f *tagFixture) saveMinutes(t *testing.T, minutes string) []data.Action {
	t.Helper()
	it := f.item.Item
	it.Minutes = minutes
	if err := data.ErrOf(f.s.Save(&it)); err != nil {
		t.Fatalf("UpdateItem: %v", err)
	}
	f.item.Item = it
	return f.actions(t)
}

func (f *tagFixture) actions(t *testing.T) []data.Action {
	t.Helper()
	fm, err := f.s.LoadMeeting(f.item.MeetingID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range fm.Items {
		if it.ID == f.item.ID {
			return it.Actions
		}
	}
	t.Fatalf("item %d has gone", f.item.ID)
	return nil
}

func findOwner(acts []data.Action, owner string) (data.Action, bool) {
	for _, a := range acts {
		if a.Owner == owner {
			return a, true
		}
	}
	return data.Action{}, false
}

const ruralCrimeMinutes = "The PCC reported that the Rural Crime Taskforce had recovered stolen machinery worth £1.2m and had worked with Hampshire and Wiltshire on hare coursing.\n\nMembers asked for the taskforce’s contact details to be sent to parish councils. [Action: Scrutiny Officer]\n\nThe PCC agreed to report back on hare coursing prosecutions at the December meeting. [Action: PCC]"

func TestTagNewTagMakesAction(t *testing.T) {
	tests := []struct {
		name, tag, owner string
	}{
		{"with a space", "[Action: Chief Constable]", "Chief Constable"},
		{"without a space", "[Action:PCC]", "PCC"},
		{"any owner text", "[ACTION: Cllr Łucja Nowak (Reading)]", "Cllr Łucja Nowak (Reading)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := demoItem(t, "2024-09-20", "Rural Crime")
			before := f.actions(t)
			sentence := "Members asked for the number of rural crime officers in each district."
			acts := f.saveMinutes(t, ruralCrimeMinutes+"\n\n"+sentence+" "+tc.tag)
			if len(acts) != len(before)+1 {
				t.Fatalf("%d actions after adding a tag, want %d", len(acts), len(before)+1)
			}
			a := acts[len(acts)-1]
			if a.Owner != tc.owner || a.Text != sentence || a.Source != "tag" || a.Status != data.ActionOpen {
				t.Errorf("new action %+v", a)
			}
			if a.Ref != "PCP 10/24-A3" || a.MeetingDate != "2024-09-20" {
				t.Errorf("new action ref %q meeting %q, want PCP 10/24-A3 of 2024-09-20", a.Ref, a.MeetingDate)
			}
			for i, b := range before {
				if acts[i].ID != b.ID || acts[i].Text != b.Text {
					t.Errorf("action %s changed: %q → %q", b.Ref, b.Text, acts[i].Text)
				}
			}
		})
	}
}

// TestTagDemoExampleWithoutSpace checks the published example's own [Action:PCC] tag.
func TestTagDemoExampleWithoutSpace(t *testing.T) {
	s, _ := logDemo(t)
	a := actionByRef(t, s, refCountyLines)
	if a.Owner != "PCC" || a.Source != "tag" || !strings.Contains(a.Text, "County Lines") {
		t.Errorf("the example's [Action:PCC] gave %+v", a)
	}
}

func TestTagEditedTextKeepsTheLink(t *testing.T) {
	f := demoItem(t, "2024-09-20", "Rural Crime")
	acts := f.saveMinutes(t, ruralCrimeMinutes+"\n\nMembers asked for officer numbers by district. [Action: Chief Constable]")
	added, _ := findOwner(acts, "Chief Constable")

	// The sentence the tag closes changes: the action follows it.
	acts = f.saveMinutes(t, ruralCrimeMinutes+"\n\nMembers asked for officer numbers by local policing area. [Action: Chief Constable]")
	got, ok := findOwner(acts, "Chief Constable")
	if !ok || got.ID != added.ID || got.Text != "Members asked for officer numbers by local policing area." {
		t.Fatalf("after editing the sentence: %+v (was id %d)", got, added.ID)
	}

	// Once the clerk has rewritten the description, edits to the minutes leave it alone.
	got.Text = "Provide rural crime officer numbers by local policing area."
	if err := data.ErrOf(f.s.Save(&got)); err != nil {
		t.Fatal(err)
	}
	acts = f.saveMinutes(t, "Members heard about rural crime.\n\n"+ruralCrimeMinutes+"\n\nMembers asked for officer numbers by LPA. [Action: Chief Constable]")
	again, _ := findOwner(acts, "Chief Constable")
	if again.ID != added.ID || again.Text != got.Text {
		t.Errorf("after the clerk rewrote it: %+v", again)
	}
	// The demo's own actions, described by the clerk, kept theirs throughout.
	for _, ref := range []string{refParishContacts, refHareCoursing} {
		a := actionByRef(t, f.s, ref)
		if a.Text == "" || strings.Contains(a.Text, "Members asked") || strings.Contains(a.Text, "agreed to report") {
			t.Errorf("%s description became %q", ref, a.Text)
		}
	}

	// Changing the owner in the tag keeps an action with no history, with the new owner.
	acts = f.saveMinutes(t, ruralCrimeMinutes+"\n\nMembers asked for officer numbers by LPA. [Action: Chief Constable’s Office]")
	moved, ok := findOwner(acts, "Chief Constable’s Office")
	if !ok || moved.ID != added.ID || len(acts) != 3 {
		t.Errorf("after changing the owner: %+v among %d actions", moved, len(acts))
	}
}

func TestTagRemovedWithHistoryIsFlagged(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, s *data.Store, a data.Action)
	}{
		{"it has updates", func(t *testing.T, s *data.Store, a data.Action) {}}, // the demo's action has two
		{"its status moved on", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := demoItem(t, "2023-11-24", "Victims’ Services Commissioning")
			a := actionByRef(t, f.s, refWaitingTimes)
			if tc.setup == nil {
				// Use the other action of the item, which has no updates, and move it on.
				a = actionByRef(t, f.s, refFundingBrief)
				if err := f.s.SetActionStatus(a.ID, data.ActionInProgress, "2024-01-10", ""); err != nil {
					t.Fatal(err)
				}
				a = actionByRef(t, f.s, refFundingBrief)
			}
			tag := "[Action: Head of Victims’ Services]"
			if a.Owner == "PCC" {
				tag = "[Action: PCC]"
			}
			original := f.item.Minutes
			if !strings.Contains(original, tag) {
				t.Fatalf("the minutes lack %s", tag)
			}
			f.saveMinutes(t, strings.Replace(original, tag, "", 1))
			kept, err := f.s.Action(a.ID)
			if err != nil {
				t.Fatalf("the action with history was lost: %v", err)
			}
			if kept.Flag == "" || kept.Text != a.Text || len(kept.Updates) != len(a.Updates) || kept.Status != a.Status {
				t.Errorf("kept %+v, want it flagged and otherwise as it was (%+v)", kept, a)
			}
			log := actionLog(t, f.s, data.ActionLogQuery{BodyID: f.body.ID, AsAt: "2024-02-02", Status: data.LogAll})
			if _, ok := logRow(log, a.Ref); !ok {
				t.Errorf("the flagged action left the log")
			}
			// Putting the tag back takes the flag off the same action.
			f.saveMinutes(t, original)
			back, err := f.s.Action(a.ID)
			if err != nil || back.Flag != "" {
				t.Errorf("with the tag back: %+v, %v", back, err)
			}
			if n := len(f.actions(t)); n != 2 {
				t.Errorf("the item has %d actions, want 2", n)
			}
		})
	}
}

func TestTagRemovedWithoutHistoryIsDeleted(t *testing.T) {
	f := demoItem(t, "2024-09-20", "Rural Crime")
	gone := actionByRef(t, f.s, refHareCoursing)
	stays := actionByRef(t, f.s, refParishContacts)
	acts := f.saveMinutes(t, strings.Replace(ruralCrimeMinutes, " [Action: PCC]", "", 1))
	if len(acts) != 1 || acts[0].ID != stays.ID {
		t.Fatalf("actions after removing the tag: %+v", acts)
	}
	if _, err := f.s.Action(gone.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the action without history is still there: %v", err)
	}
	if res, err := f.s.Search("hare coursing prosecutions", 0, 50); err != nil {
		t.Fatal(err)
	} else {
		for _, r := range res {
			if r.Kind == data.FoundAction {
				t.Errorf("search still finds the deleted action: %+v", r)
			}
		}
	}
}

// TestTagInQuestionsAndAnswers checks tags typed in a question or its answer.
func TestTagInQuestionsAndAnswers(t *testing.T) {
	f := demoItem(t, "2023-09-15", "Fighting Serious Organised Crime")
	q := f.item.Questions[0]
	before := len(f.actions(t))
	q.Answer += "\n\nThe PCC would send members the training figures. [Action:PCC]"
	q.Question += "\n\nCould members see the curriculum? [Action: Scrutiny Officer]"
	if err := data.ErrOf(f.s.Save(&q)); err != nil {
		t.Fatal(err)
	}
	acts := f.actions(t)
	if len(acts) != before+2 {
		t.Fatalf("%d actions, want %d", len(acts), before+2)
	}
	byText := map[string]data.Action{}
	for _, a := range acts {
		byText[a.Text] = a
	}
	answer, ok1 := byText["The PCC would send members the training figures."]
	question, ok2 := byText["Could members see the curriculum?"]
	if !ok1 || !ok2 || answer.QuestionID != q.ID || question.QuestionID != q.ID || answer.Owner != "PCC" || question.Owner != "Scrutiny Officer" {
		t.Fatalf("actions from the question and answer: %+v", acts)
	}
	// Removing the answer's tag deletes its action (no history) and leaves the question's.
	if err := f.s.AddActionUpdate(&data.ActionUpdate{ActionID: question.ID, Date: "2023-10-01", Text: "Curriculum requested."}); err != nil {
		t.Fatal(err)
	}
	q.Answer = strings.Replace(q.Answer, " [Action:PCC]", "", 1)
	q.Question = strings.Replace(q.Question, " [Action: Scrutiny Officer]", "", 1)
	if err := data.ErrOf(f.s.Save(&q)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Action(answer.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("answer's action: %v, want it deleted", err)
	}
	if a, err := f.s.Action(question.ID); err != nil || a.Flag == "" {
		t.Errorf("question's action: %+v %v, want it kept and flagged", a, err)
	}
}
