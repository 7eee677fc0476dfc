package data

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCountAndPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 people"}, {1, "1 person"}, {2, "2 people"}} {
		if got := Count(c.n, "person", "people"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if Plural(1, "was", "were") != "was" || Plural(3, "was", "were") != "were" {
		t.Error("Plural chose the wrong word")
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("County lines exploit children ", 20)
	got := Shorten(long, 100)
	if !strings.HasSuffix(got, "…") || utf8.RuneCountInString(got) > 101 || strings.HasSuffix(got, " …") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("Shorten = %q", got)
	}
	if got := Shorten("  What   training\ndo they get?  ", 100); got != "What training do they get?" {
		t.Errorf("Shorten of a short text = %q, want its spaces folded and nothing cut", got)
	}
	if got := Shorten(strings.Repeat("ł", 50), 10); got != strings.Repeat("ł", 10)+"…" {
		t.Errorf("Shorten cuts by bytes, not characters: %q", got)
	}
}

func TestFormatDate(t *testing.T) {
	for _, c := range []struct{ layout, want string }{
		{LongLayout, "Friday 15 September 2023"}, {DayLayout, "15 September 2023"}, {ShortLayout, "Fri 15 Sep 2023"},
		{CompactLayout, "15 Sep 2023"}, {TypedLayout, "15/09/2023"}, {DateLayout, "2023-09-15"},
	} {
		if got := FormatDate("2023-09-15", c.layout); got != c.want {
			t.Errorf("FormatDate(%q) = %q, want %q", c.layout, got, c.want)
		}
	}
	for _, s := range []string{"", "next Friday", "2023-02-31"} {
		if got := FormatDate(s, LongLayout); got != s {
			t.Errorf("FormatDate(%q) = %q, want it as it was", s, got)
		}
	}
}

func TestSchedule12A(t *testing.T) {
	for n := 1; n <= 7; n++ {
		p, ok := Schedule12AParagraph(n)
		if !ok || p.Number != n || p.Short == "" || !strings.HasPrefix(p.Cited, "information ") {
			t.Errorf("paragraph %d = %+v, %v", n, p, ok)
		}
	}
	for _, n := range []int{0, 8, -1} {
		if _, ok := Schedule12AParagraph(n); ok {
			t.Errorf("there is a paragraph %d", n)
		}
	}
	it := Item{MeetingID: 1, Title: "Exempt", Exempt: true, ExemptParagraph: 8}
	if err := it.Validate(); err == nil || !strings.Contains(err.Error(), "paragraphs 1 to 7") {
		t.Errorf("paragraph 8: %v", err)
	}
}
