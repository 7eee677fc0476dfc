package minutestext

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// exampleFile is the real published minute the parser must read exactly. The
// copy under testdata keeps the test independent of the shared directory.
const (
	exampleFile       = "testdata/thames-valley-pcp-serious-organised-crime.txt"
	sharedExampleFile = "../../../shared/examples/thames-valley-pcp-serious-organised-crime.txt"
)

// readExample returns the text of the example minute.
func readExample(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(exampleFile)
	if err != nil {
		b, err = os.ReadFile(sharedExampleFile)
	}
	if err != nil {
		tb.Fatalf("read the example minute: %v", err)
	}
	return string(b)
}

func TestParseExample(t *testing.T) {
	res := Parse(readExample(t))
	if len(res.Unplaced) != 0 {
		t.Errorf("Unplaced = %+v, want none", res.Unplaced)
	}
	m := res.Meeting
	if m.Body != "" || m.Date != "" || len(m.Attendance) != 0 {
		t.Errorf("meeting = %q %q %v, want nothing: the page has no heading", m.Body, m.Date, m.Attendance)
	}
	if len(m.Items) != 1 {
		t.Fatalf("got %d items, want 1", len(m.Items))
	}
	it := m.Items[0]
	if it.Number != "" || it.Title != "" {
		t.Errorf("number, title = %q, %q; want none (\"Agenda item\" is a label)", it.Number, it.Title)
	}
	if it.Time != "11.05pm" {
		t.Errorf("Time = %q, want 11.05pm", it.Time)
	}

	wantSummary := "The report of the PCC sets out activity by the OPCC and Thames Valley Police in delivering the strategic priority of fighting serious organised crime, as set out in the Police & Criminal Justice Plan 2021-2025." +
		"\n\nA report of the Scrutiny Officer is attached which provides a summary of a Home Office publication on the criminal exploitation of children, young people and vulnerable adults for the supply of drugs, and transportation of the associated money and weapons (County Lines)."
	if it.ReportSummary != wantSummary {
		t.Errorf("ReportSummary =\n%q\nwant\n%q", it.ReportSummary, wantSummary)
	}

	paras := strings.Split(it.Minutes, "\n\n")
	wantStarts := []string{
		"A report of the PCC set out the activities",
		"The PCC reported that serious organised crime",
		"There were lots of different crimes",
		"The Rural Crime Team have made great efforts",
		"The Panel was informed that",
		"A report was also provided to the Panel",
		"The PCC referred to Police Forces",
		"The Chair congratulated the PCC on County Lines Intensification Week",
	}
	if len(paras) != len(wantStarts) {
		t.Fatalf("Minutes has %d paragraphs, want %d:\n%s", len(paras), len(wantStarts), it.Minutes)
	}
	for i, want := range wantStarts {
		if !strings.HasPrefix(paras[i], want) {
			t.Errorf("Minutes paragraph %d = %.60q…, want it to start %q", i+1, paras[i], want)
		}
	}
	if !strings.HasSuffix(paras[7], "broken down into local authority areas. [Action:PCC]") {
		t.Errorf("the Chair's paragraph should keep its tag: %q", paras[7])
	}
	if it.QuestionsAfter != 7 {
		t.Errorf("QuestionsAfter = %d, want 7 (the Chair's paragraph follows the questions)", it.QuestionsAfter)
	}

	checkExampleQuestions(t, it.Questions)

	wantResolution := "That the report of the PCC be noted and the information provided in the answers to Members’ questions be noted."
	if len(it.Resolutions) != 1 || it.Resolutions[0] != wantResolution {
		t.Errorf("Resolutions = %q, want [%q]", it.Resolutions, wantResolution)
	}
	if len(it.ResolvedAs) != 1 || it.ResolvedAs[0] != "RESOLVED" {
		t.Errorf("ResolvedAs = %q, want [RESOLVED]", it.ResolvedAs)
	}
	if len(it.Documents) != 0 {
		t.Errorf("Documents = %q, want none", it.Documents)
	}

	wantActions := []Action{
		{
			Owner: "PCC", Source: SourceAnswer, Question: 7,
			Text: "There had been a presentation given at a recent PCC Performance and Accountability Meeting Liaison Meeting with the Chief Constable showing data and comparisons with previous years of the disruptions of serious organised crime and this would be shared with the Police and Crime Panel.",
		},
		{
			Owner: "PCC", Source: SourceMinutes, Question: 0,
			Text: strings.TrimSuffix(paras[7], " [Action:PCC]"),
		},
	}
	if len(it.Actions) != len(wantActions) {
		t.Fatalf("Actions = %+v, want %d", it.Actions, len(wantActions))
	}
	for i, want := range wantActions {
		if it.Actions[i] != want {
			t.Errorf("action %d = %+v\nwant %+v", i+1, it.Actions[i], want)
		}
	}

	checkClean(t, it)
}

// checkExampleQuestions checks the nine questions of the example minute.
func checkExampleQuestions(t *testing.T, qs []Question) {
	t.Helper()
	wantQuestions := []string{
		"To help the fight against “County Lines”, what training",
		"There have been reported cases of Modern Slavery",
		"The PCC was asked what problems did the lack information sharing",
		"In terms of collaboration with other Forces",
		"The PCC was asked how children were treated",
		"What preventative work is being carried out with schools",
		"The PCC was asked about the outcomes",
		"In terms of the wider partnership work",
		"Reference was made to the brilliant work",
	}
	wantAnswers := []string{
		"The PCC replied that it was not only the Police",
		"The PCC replied that there was a question of how far",
		"The PCC replied that there needed to a cultural change",
		"The PCC replied that there was a reliance on regional partners",
		"The PCC reported sometimes the victim",
		"The PCC referred to the “Our Choices” programme",
		"The PCC referred to details provided in the report",
		"The PCC replied that it was about some of the choices",
		"The PCC said that every local authority had a MASH",
	}
	wantAnswerParas := []int{4, 1, 3, 1, 3, 2, 2, 2, 1}
	if len(qs) != len(wantQuestions) {
		t.Fatalf("got %d questions, want %d", len(qs), len(wantQuestions))
	}
	for i, q := range qs {
		n := i + 1
		if q.Number != strconv.Itoa(n) {
			t.Errorf("question %d: Number = %q", n, q.Number)
		}
		if !strings.HasPrefix(q.Question, wantQuestions[i]) {
			t.Errorf("question %d = %.60q…, want it to start %q", n, q.Question, wantQuestions[i])
		}
		if !strings.HasPrefix(q.Answer, wantAnswers[i]) {
			t.Errorf("answer %d = %.60q…, want it to start %q", n, q.Answer, wantAnswers[i])
		}
		if got := len(strings.Split(q.Answer, "\n\n")); got != wantAnswerParas[i] {
			t.Errorf("answer %d has %d paragraphs, want %d", n, got, wantAnswerParas[i])
		}
		if q.AnsweredBy != "The PCC" {
			t.Errorf("answer %d: AnsweredBy = %q, want The PCC", n, q.AnsweredBy)
		}
		if q.AskedBy != "" {
			t.Errorf("question %d: AskedBy = %q, want none", n, q.AskedBy)
		}
		if strings.HasPrefix(q.Answer, "[") || strings.HasSuffix(q.Answer, "]") {
			t.Errorf("answer %d keeps its brackets: %q", n, q.Answer)
		}
		if strings.Contains(q.Question, "[") {
			t.Errorf("question %d took in its reply: %q", n, q.Question)
		}
	}
	a7 := qs[6].Answer
	if !strings.Contains(a7, "this would be shared with the Police and Crime Panel") {
		t.Errorf("answer 7 lost its second paragraph: %q", a7)
	}
	if !strings.HasSuffix(a7, "Panel. [Action: PCC].") {
		t.Errorf("answer 7 should end with its tag as typed: %q", a7)
	}
	if !strings.HasSuffix(qs[8].Answer, "if the child was at risk.") {
		t.Errorf("answer 9 = %q, want it to end where its bracket closes", qs[8].Answer)
	}
}

// checkClean checks that no text of an item keeps a non-breaking space, a
// run of spaces or a line break inside a paragraph.
func checkClean(t *testing.T, it Item) {
	t.Helper()
	texts := []string{it.ReportSummary, it.Minutes}
	for _, q := range it.Questions {
		texts = append(texts, q.Question, q.Answer)
	}
	for _, text := range texts {
		for _, p := range strings.Split(text, "\n\n") {
			if strings.ContainsAny(p, "\u00a0\n") || strings.Contains(p, "  ") || p != strings.TrimSpace(p) {
				t.Errorf("paragraph not clean: %q", p)
			}
		}
	}
}

func TestExampleCopyMatchesShared(t *testing.T) {
	shared, err := os.ReadFile(sharedExampleFile)
	if err != nil {
		t.Skip("shared examples not present")
	}
	local, err := os.ReadFile(exampleFile)
	if err != nil {
		t.Fatalf("read %s: %v", exampleFile, err)
	}
	if string(local) != string(shared) {
		t.Errorf("%s differs from %s; copy it again", exampleFile, sharedExampleFile)
	}
}

func BenchmarkParseExample(b *testing.B) {
	text := readExample(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Parse(text)
	}
}

// wrapLines hard-wraps every line of text at width, as a PDF paste would,
// and drops a page footer in after every pageLines lines.
func wrapLines(text string, width, pageLines int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		words := strings.Fields(line)
		cur := ""
		for _, w := range words {
			if cur != "" && len(cur)+1+len(w) > width {
				out = append(out, cur)
				cur = w
				continue
			}
			if cur != "" {
				cur += " "
			}
			cur += w
		}
		out = append(out, cur)
	}
	var b strings.Builder
	for i, l := range out {
		if i > 0 && i%pageLines == 0 {
			b.WriteString("Page " + strconv.Itoa(i/pageLines) + " of 9\n")
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

func TestParseExampleWrapped(t *testing.T) {
	want := Parse(readExample(t)).Meeting.Items[0]
	for _, width := range []int{50, 60, 70, 80, 90, 100, 110} {
		t.Run(strconv.Itoa(width)+" columns", func(t *testing.T) {
			res := Parse(wrapLines(readExample(t), width, 37))
			noUnplaced(t, res)
			got := oneItem(t, res)
			equal(t, "ReportSummary", got.ReportSummary, want.ReportSummary)
			equal(t, "Minutes", got.Minutes, want.Minutes)
			equal(t, "Questions", got.Questions, want.Questions)
			equal(t, "Resolutions", got.Resolutions, want.Resolutions)
			equal(t, "Actions", got.Actions, want.Actions)
		})
	}
}
