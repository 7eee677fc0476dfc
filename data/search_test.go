package data

import (
	"strings"
	"testing"
)

func TestFoldKeepsRunePositions(t *testing.T) {
	for in, want := range map[string]string{
		"Łódź":             "lodz",
		"Gŵyn Tŷ":          "gwyn ty",
		"“County Lines” –": "\"county lines\" -",
		"Straße Ærø":       "strase aro",
	} {
		got := Fold(in)
		if got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
		if len([]rune(got)) != len([]rune(in)) {
			t.Errorf("Fold(%q) changed the number of runes", in)
		}
	}
}

func TestSearchFindsEveryKindOfRecord(t *testing.T) {
	f := newFixture(t, NumberByYear)
	it := f.item(t, f.meeting.ID, "Fighting Serious Organised Crime", "Partners in Łódź shared practice on County Lines.")
	q := Question{ItemID: it.ID, AskedBy: "Cllr Nowak", Question: "What about catalytic converters?", AnsweredBy: "The PCC", Answer: "The Rural Crime Team tackled machinery theft."}
	must(t, f.s.AddQuestion(&q))
	r := Resolution{ItemID: it.ID, Text: "That the Hospital Navigator scheme be commended."}
	must(t, f.s.AddResolution(&r))
	a := Action{MeetingID: f.meeting.ID, ItemID: it.ID, Owner: "PCC", Text: "Share the disruption presentation."}
	must(t, f.s.CreateAction(&a))
	must(t, f.s.AddActionUpdate(&ActionUpdate{ActionID: a.ID, Date: "2023-10-01", Text: "Slides with the Chief Constable."}))

	cases := []struct {
		query    string
		kind     string
		recordID int64
		marked   string
	}{
		{"serious organised", FoundItem, it.ID, "Serious"},
		{"lodz", FoundItem, it.ID, "Łódź"},
		{"LÓDŹ", FoundItem, it.ID, "Łódź"},
		{"catalytic", FoundQuestion, q.ID, "catalytic"},
		{"machinery", FoundQuestion, q.ID, "machinery"},
		{"navigat", FoundResolution, r.ID, "Navigat"},
		{"disruption", FoundAction, a.ID, "disruption"},
		{"chief constable", FoundAction, a.ID, "Chief"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			res, err := f.s.Search(c.query, f.body.ID, 10)
			must(t, err)
			var hit *SearchResult
			for i := range res {
				if res[i].Kind == c.kind && res[i].RecordID == c.recordID {
					hit = &res[i]
				}
			}
			if hit == nil {
				t.Fatalf("Search(%q) = %+v, want the %s", c.query, res, c.kind)
			}
			if hit.MeetingID != f.meeting.ID || hit.ItemID != it.ID || hit.Minute != "PCP 1/23" || hit.MeetingDate != "2023-09-15" {
				t.Errorf("result = %+v", hit)
			}
			if len(hit.Marks) == 0 {
				t.Fatalf("no match marked in %q", hit.Snippet)
			}
			m := hit.Marks[0]
			if got := hit.Snippet[m[0]:m[1]]; !strings.EqualFold(got, c.marked) && !strings.HasPrefix(got, c.marked) {
				t.Errorf("marked %q in %q, want %q", got, hit.Snippet, c.marked)
			}
		})
	}
	// Edits reach the index; deletions leave it.
	q.Question = "What about quad bikes?"
	must(t, ErrOf(f.s.Save(&q)))
	if res, _ := f.s.Search("catalytic", 0, 10); len(res) != 0 {
		t.Errorf("old question text still found: %+v", res)
	}
	must(t, f.s.DeleteResolution(r.ID))
	if res, _ := f.s.Search("navigator", 0, 10); len(res) != 0 {
		t.Errorf("deleted resolution still found: %+v", res)
	}
	// Other bodies are filtered out; query syntax is taken as words.
	other := Body{Name: "Other"}
	must(t, f.s.CreateBody(&other))
	if res, _ := f.s.Search("lodz", other.ID, 10); len(res) != 0 {
		t.Errorf("found in another body: %+v", res)
	}
	for _, q := range []string{`"unbalanced`, "AND OR NOT", "*", "a:b", ""} {
		if _, err := f.s.Search(q, 0, 10); err != nil {
			t.Errorf("Search(%q) = %v", q, err)
		}
	}
}

func TestSnippetCutsAroundTheMatch(t *testing.T) {
	text := strings.Repeat("Preamble words here. ", 30) + "The Łódź partnership " + strings.Repeat("and more words after. ", 30)
	snip, marks := snippet(text, []string{"lodz"}, 80)
	if !strings.HasPrefix(snip, "…") || !strings.HasSuffix(snip, "…") {
		t.Errorf("snippet not cut both sides: %q", snip)
	}
	if len(marks) != 1 || snip[marks[0][0]:marks[0][1]] != "Łódź" {
		t.Errorf("marks = %v in %q", marks, snip)
	}
}
