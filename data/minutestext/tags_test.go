package minutestext

import (
	"strings"
	"testing"
)

func TestFindActionTags(t *testing.T) {
	type tag struct{ owner, tag, text string }
	cases := []struct {
		name string
		in   string
		want []tag
	}{
		{
			"after a sentence", "The PCC would circulate the data. [Action: PCC]",
			[]tag{{"PCC", "[Action: PCC]", "The PCC would circulate the data."}},
		},
		{
			"no space, full stop after", "Data to follow. [Action:PCC].",
			[]tag{{"PCC", "[Action:PCC]", "Data to follow."}},
		},
		{
			"closes the whole paragraph", "The Chair asked for figures. The PCC agreed. [Action: PCC]",
			[]tag{{"PCC", "[Action: PCC]", "The Chair asked for figures. The PCC agreed."}},
		},
		{
			"any case, spaces collapsed", "Write to the Home Office [ ACTION :  Scrutiny   Officer ]",
			[]tag{{"Scrutiny Officer", "[ ACTION :  Scrutiny   Officer ]", "Write to the Home Office"}},
		},
		{
			"non-breaking spaces", "Report back.\u00a0[Action:\u00a0PCC]",
			[]tag{{"PCC", "[Action:\u00a0PCC]", "Report back."}},
		},
		{
			"two on one line", "Send the plan. [Action: PCC] Book a visit. [Action: Clerk].",
			[]tag{{"PCC", "[Action: PCC]", "Send the plan."}, {"Clerk", "[Action: Clerk]", "Book a visit."}},
		},
		{
			"own line closes the paragraph before", "Members asked for a briefing.\n\n[Action: PCC]",
			[]tag{{"PCC", "[Action: PCC]", "Members asked for a briefing."}},
		},
		{
			"at the start takes what follows", "[Action: PCC] Write to the Home Office.\nNext line.",
			[]tag{{"PCC", "[Action: PCC]", "Write to the Home Office."}},
		},
		{
			"only its own paragraph", "First paragraph.\n\nSecond paragraph. [Action: PCC]",
			[]tag{{"PCC", "[Action: PCC]", "Second paragraph."}},
		},
		{
			"empty owner", "Someone to do it. [Action:]",
			[]tag{{"", "[Action:]", "Someone to do it."}},
		},
		{
			"inside a bracketed reply", "[The PCC said it would be shared. [Action: PCC]]",
			[]tag{{"PCC", "[Action: PCC]", "The PCC said it would be shared."}},
		},
		{"alone", "[Action: PCC]", []tag{{"PCC", "[Action: PCC]", ""}}},
		{"not tags", "[Actions: PCC] [Action PCC] [Action: a\nb] [Action: [x]] [The PCC replied.] [action", nil},
		{
			"unclosed then a tag", "[Action: PCC Do it. [Action: Clerk]",
			[]tag{{"Clerk", "[Action: Clerk]", "Action: PCC Do it."}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FindActionTags(c.in)
			if len(got) != len(c.want) {
				t.Fatalf("FindActionTags(%q) = %+v, want %d tags", c.in, got, len(c.want))
			}
			for i, g := range got {
				checkTagOffsets(t, c.in, g)
				w := c.want[i]
				if g.Owner != w.owner || c.in[g.Start:g.End] != w.tag || g.Text != w.text {
					t.Errorf("tag %d = owner %q tag %q text %q\nwant owner %q tag %q text %q",
						i, g.Owner, c.in[g.Start:g.End], g.Text, w.owner, w.tag, w.text)
				}
			}
		})
	}
}

// checkTagOffsets checks that a tag's offsets are in range and agree with
// its fields.
func checkTagOffsets(tb testing.TB, text string, g Tag) {
	tb.Helper()
	if g.Start < 0 || g.End > len(text) || g.Start >= g.End || g.TextStart < 0 || g.TextStart > g.TextEnd || g.TextEnd > len(text) {
		tb.Fatalf("offsets out of range: %+v in %d bytes", g, len(text))
	}
	if tag := text[g.Start:g.End]; !strings.HasPrefix(tag, "[") || !strings.HasSuffix(tag, "]") {
		tb.Errorf("text[Start:End] = %q, want a bracketed tag", tag)
	}
	if text[g.TextStart:g.TextEnd] != g.Text {
		tb.Errorf("text[TextStart:TextEnd] = %q, Text = %q", text[g.TextStart:g.TextEnd], g.Text)
	}
	if g.TextStart < g.Start && g.TextEnd > g.Start {
		tb.Errorf("closed text %d–%d overlaps the tag at %d", g.TextStart, g.TextEnd, g.Start)
	}
}

func TestFindActionTagsAfterALongLine(t *testing.T) {
	text := strings.Repeat("word ", 200_000) + "\n" + strings.Repeat("[Action:x]", 100_000)
	tags := FindActionTags(text)
	if len(tags) != 100_000 {
		t.Fatalf("got %d tags, want 100000", len(tags))
	}
	if !strings.HasPrefix(tags[99_999].Text, "word word") {
		t.Errorf("the last tag should close the line before: %.20q", tags[99_999].Text)
	}
}

func TestFindActionTagsManyOnOneLine(t *testing.T) {
	text := strings.Repeat("[Action:x]", 200_000)
	tags := FindActionTags(text)
	if len(tags) != 200_000 {
		t.Fatalf("got %d tags, want 200000", len(tags))
	}
	for _, g := range tags[:10] {
		checkTagOffsets(t, text, g)
	}
}
