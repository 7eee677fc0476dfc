package minutestext

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, cases := range allShapeCases {
		for _, c := range cases {
			f.Add(c.text)
		}
	}
	f.Add(readExample(f))
	for _, c := range readCorpus(f) {
		f.Add(c.text)
	}
	f.Add("[[[[Action: PCC]]]]\n(1)\n[\n(2) A?\n]]]")
	f.Add("Present:\nCouncillor A (Chair\nCouncillor B")
	f.Fuzz(func(t *testing.T, text string) {
		res := Parse(text)
		checkResult(t, text, res)
	})
}

// checkResult checks what must hold for any text: the parser's output is
// consistent with itself and with the input.
func checkResult(t *testing.T, text string, res *Result) {
	t.Helper()
	lines := strings.Count(text, "\n") + strings.Count(text, "\r") + 1
	for i, u := range res.Unplaced {
		if u.Line < 1 || u.Line > lines {
			t.Errorf("Unplaced line %d outside 1..%d", u.Line, lines)
		}
		if i > 0 && u.Line < res.Unplaced[i-1].Line {
			t.Errorf("Unplaced out of order: line %d after %d", u.Line, res.Unplaced[i-1].Line)
		}
		if u.Text == "" {
			t.Errorf("Unplaced line %d has no text", u.Line)
		}
	}
	for i, it := range res.Meeting.Items {
		if len(it.Resolutions) != len(it.ResolvedAs) {
			t.Errorf("item %d: %d resolutions, %d ResolvedAs", i, len(it.Resolutions), len(it.ResolvedAs))
		}
		if it.QuestionsAfter < 0 || it.QuestionsAfter > strings.Count(it.Minutes, "\n\n")+1 {
			t.Errorf("item %d: QuestionsAfter %d out of range", i, it.QuestionsAfter)
		}
		for _, a := range it.Actions {
			if a.Question < 0 || a.Question > len(it.Questions) {
				t.Errorf("item %d: action for question %d of %d", i, a.Question, len(it.Questions))
			}
		}
		if got, want := len(it.Actions), countTags(it); got != want {
			t.Errorf("item %d: %d actions for %d tags in its text", i, got, want)
		}
		if utf8.ValidString(text) {
			for _, s := range []string{it.Minutes, it.ReportSummary, it.Title} {
				if strings.ContainsRune(s, '\u00a0') {
					t.Errorf("item %d keeps a non-breaking space: %q", i, s)
				}
			}
		}
	}
}

// countTags counts the action tags in an item's texts.
func countTags(it Item) int {
	n := len(FindActionTags(it.ReportSummary)) + len(FindActionTags(it.Minutes))
	for _, q := range it.Questions {
		n += len(FindActionTags(q.Question)) + len(FindActionTags(q.Answer))
	}
	for _, r := range it.Resolutions {
		n += len(FindActionTags(r))
	}
	return n
}

func FuzzFindActionTags(f *testing.F) {
	f.Add("Do it. [Action: PCC]")
	f.Add("[Action:]\n\n[ action : x ][Action:y]")
	f.Fuzz(func(t *testing.T, text string) {
		for _, g := range FindActionTags(text) {
			checkTagOffsets(t, text, g)
		}
	})
}

// bigText builds about size bytes of minutes: numbered items, each the
// example minute, with attendance and wrapped PDF text mixed in.
func bigText(tb testing.TB, size int) string {
	example := readExample(tb)
	var b strings.Builder
	b.WriteString("Thames Valley Police and Crime Panel\nMinutes of the meeting held on Friday 15 September 2023 at 10.30am\n\nPresent: Councillor A (Chair), Councillor B and Councillor C\n\n")
	for n := 1; b.Len() < size; n++ {
		b.WriteString(strconv.Itoa(n) + ". Item number " + strconv.Itoa(n) + "\n\n")
		b.WriteString(example)
		b.WriteString("\n\nThe Panel noted that the budget had been set and that the\nreserves stood at £12m, which was\nhigher than last year.\n\nPage 4 of 9\n\n")
	}
	return b.String()
}

func TestParseLargeInput(t *testing.T) {
	text := bigText(t, 5<<20)
	res := Parse(text)
	if len(res.Meeting.Items) < 400 {
		t.Errorf("got %d items from %d bytes", len(res.Meeting.Items), len(text))
	}
	checkResult(t, text, res)
}

func TestParseAdversarialInputs(t *testing.T) {
	const size = 1 << 20
	cases := map[string]string{
		"one long line":       strings.Repeat("word ", size/5),
		"open brackets":       strings.Repeat("[", size),
		"tags on one line":    strings.Repeat("[Action:x]", size/10),
		"tags after a line":   strings.Repeat("word ", size/10) + "\n" + strings.Repeat("[Action:x]", size/20),
		"question markers":    strings.Repeat("(1) What?\n", size/10),
		"resolutions":         strings.Repeat("RESOLVED – That it be noted.\n", size/30),
		"names":               "Present: " + strings.Repeat("Councillor A and ", size/17),
		"unclosed name lines": "Present:\n" + strings.Repeat("Councillor A (Chair\n", size/20),
		"question marks":      "(1) " + strings.Repeat("? ", size/2),
		"bullets":             strings.Repeat("• What?\n", size/10),
		"headings":            strings.Repeat("1. Title\n", size/9),
		"blank lines":         strings.Repeat("\u00a0\n", size/3) + "[Action: PCC]",
		"roles":               "In attendance: A, " + strings.Repeat("Council, ", size/9),
		"invalid utf-8":       strings.Repeat("\xff\xfe(1)\xc2", size/6),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			checkResult(t, text, Parse(text))
		})
	}
}

// repeatText repeats text until it is about size bytes.
func repeatText(text string, size int) string {
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(text)
		b.WriteString("\n\n")
	}
	return b.String()
}

// largeLayouts are the layouts BenchmarkParseLarge reads at 5 MB: the
// example's, and corpus fixtures in the PDF, Word and table layouts that
// were the slowest to read, each repeated to the size.
var largeLayouts = []string{
	"16-pdf-run-on-attendance",
	"18-word-draft-minutes-decimal",
	"21-pdf-capitals-heading-hours",
	"07-mg-table-flattened-pipes",
}

// BenchmarkParseLarge parses 5 MB of minutes text in each layout. The aim
// is well under a second each (README, Performance).
func BenchmarkParseLarge(b *testing.B) {
	const size = 5 << 20
	run := func(name, text string) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Parse(text)
			}
		})
	}
	run("example", bigText(b, size))
	fixtures := map[string]string{}
	for _, f := range readCorpus(b) {
		fixtures[f.name] = f.text
	}
	for _, name := range largeLayouts {
		text, ok := fixtures[name]
		if !ok {
			b.Fatalf("no corpus fixture %s", name)
		}
		run(name[:2], repeatText(text, size))
	}
}
