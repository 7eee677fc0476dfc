package minutestext

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The import corpus: minutes texts written for the project in the layouts
// councils publish (each file's first line says which, and where it was
// seen), with the facts a reader must recover from each.
const corpusDir = "../../testdata/import"

var corpusDetail = flag.Bool("corpus.detail", false, "list every fact of the import corpus that Parse gets wrong")

// corpusFacts is a fixture's expected-facts file.
type corpusFacts struct {
	Meeting struct {
		Body      string `json:"body"`
		Date      string `json:"date"`
		StartTime string `json:"start_time"`
		EndTime   string `json:"end_time"`
		Venue     string `json:"venue"`
	} `json:"meeting"`
	Attendance map[string]int `json:"attendance"`
	Items      []corpusItem   `json:"items"`
	// LaterUnplaced is how many lines after the first item the reader may
	// list as not placed: an agenda entry that has no minute.
	LaterUnplaced int `json:"later_unplaced"`
	// Furniture lists, by their opening words, the sentences before the
	// first item that are the web page's and not the minutes' (a site
	// notice, an error banner): the reader may list them as not placed.
	Furniture []string `json:"furniture"`
}

// corpusItem is one expected item.
type corpusItem struct {
	Number      string   `json:"number"`
	Title       string   `json:"title"`
	Time        string   `json:"time"`
	Questions   int      `json:"questions"`
	Resolutions int      `json:"resolutions"`
	Actions     []string `json:"actions"` // the owners, in order
}

// corpusFixture is a fixture's text and facts.
type corpusFixture struct {
	name  string
	text  string // without the comment line
	facts corpusFacts
}

// readCorpus reads every fixture of the corpus.
func readCorpus(tb testing.TB) []corpusFixture {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no import corpus under %s: %v", corpusDir, err)
	}
	var out []corpusFixture
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		text := string(b)
		first, rest, _ := strings.Cut(text, "\n")
		if !strings.HasPrefix(first, "# layout:") {
			tb.Fatalf("%s: the first line must say which layout it imitates (# layout: …)", p)
		}
		f := corpusFixture{name: strings.TrimSuffix(filepath.Base(p), ".txt"), text: rest}
		jb, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".json")
		if err != nil {
			tb.Fatalf("%s has no expected facts: %v", p, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(jb)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f.facts); err != nil {
			tb.Fatalf("%s.json: %v", f.name, err)
		}
		for k := range f.facts.Attendance {
			switch k {
			case KindPresent, KindApologies, KindSubstitute, KindAbsent, KindInAttendance:
			default:
				tb.Fatalf("%s.json: attendance kind %q is not one of the parser's", f.name, k)
			}
		}
		out = append(out, f)
	}
	return out
}

// tally counts facts right and facts scored, by kind of fact.
type tally struct {
	right, total map[string]int
	wrong        []string
}

func newTally() *tally { return &tally{right: map[string]int{}, total: map[string]int{}} }

func (t *tally) add(kind string, ok bool, what string) {
	t.total[kind]++
	if ok {
		t.right[kind]++
	} else {
		t.wrong = append(t.wrong, kind+": "+what)
	}
}

func (t *tally) sum() (right, total int) {
	for k, n := range t.total {
		total += n
		right += t.right[k]
	}
	return right, total
}

// corpusKinds are the kinds of fact, in the order the score is printed.
var corpusKinds = []string{"meeting", "attendance", "item count", "numbers", "titles", "times", "questions", "resolutions", "actions"}

// scoreFixture compares what Parse read from a fixture with its facts.
func scoreFixture(f corpusFixture, res *Result, t *tally) {
	m, want := res.Meeting, f.facts.Meeting
	scoreField := func(name, want, got string, same func(a, b string) bool) {
		if want == "" && got == "" {
			return
		}
		t.add("meeting", same(want, got), fmt.Sprintf("%s = %q, want %q", name, got, want))
	}
	scoreField("body", want.Body, m.Body, sameBody)
	scoreField("date", want.Date, m.Date, func(a, b string) bool { return a == b })
	scoreField("start time", want.StartTime, m.StartTime, sameTime)
	scoreField("end time", want.EndTime, m.EndTime, sameTime)
	scoreField("venue", want.Venue, m.Venue, sameVenue)

	got := map[string]int{}
	for _, a := range m.Attendance {
		got[a.Kind]++
	}
	for _, kind := range []string{KindPresent, KindApologies, KindSubstitute, KindAbsent, KindInAttendance} {
		if w, g := f.facts.Attendance[kind], got[kind]; w != 0 || g != 0 {
			t.add("attendance", w == g, fmt.Sprintf("%s: %d, want %d", kind, g, w))
		}
	}

	items := m.Items
	t.add("item count", len(items) == len(f.facts.Items), fmt.Sprintf("%d items, want %d", len(items), len(f.facts.Items)))
	pairs := alignItems(f.facts.Items, items)
	for i, e := range f.facts.Items {
		g, ok := pairs[i]
		label := fmt.Sprintf("item %d %q", i+1, e.Title)
		if !ok {
			label += " not found"
			t.add("titles", false, label)
			if e.Number != "" {
				t.add("numbers", false, label)
			}
			if e.Time != "" {
				t.add("times", false, label)
			}
			if e.Questions > 0 {
				t.add("questions", false, label)
			}
			if e.Resolutions > 0 {
				t.add("resolutions", false, label)
			}
			for range e.Actions {
				t.add("actions", false, label)
			}
			continue
		}
		it := items[g]
		t.add("titles", normTitle(e.Title) == normTitle(it.Title), fmt.Sprintf("%s: title %q", label, it.Title))
		if e.Number != "" || it.Number != "" {
			t.add("numbers", normNumber(e.Number) == normNumber(it.Number), fmt.Sprintf("%s: number %q, want %q", label, it.Number, e.Number))
		}
		if e.Time != "" || it.Time != "" {
			t.add("times", sameTime(e.Time, it.Time), fmt.Sprintf("%s: time %q, want %q", label, it.Time, e.Time))
		}
		if e.Questions > 0 || len(it.Questions) > 0 {
			t.add("questions", e.Questions == len(it.Questions), fmt.Sprintf("%s: %d questions, want %d", label, len(it.Questions), e.Questions))
		}
		if e.Resolutions > 0 || len(it.Resolutions) > 0 {
			t.add("resolutions", e.Resolutions == len(it.Resolutions), fmt.Sprintf("%s: %d resolutions %q, want %d", label, len(it.Resolutions), it.Resolutions, e.Resolutions))
		}
		// Actions: each owner expected or found is a fact; the owners that
		// match (as a multiset, ignoring case and spaces) are right.
		left := map[string]int{}
		for _, a := range it.Actions {
			left[normOwner(a.Owner)]++
		}
		var gotOwners []string
		for _, a := range it.Actions {
			gotOwners = append(gotOwners, a.Owner)
		}
		matched := 0
		for _, o := range e.Actions {
			if left[normOwner(o)] > 0 {
				left[normOwner(o)]--
				matched++
			}
		}
		n := max(len(e.Actions), len(it.Actions))
		for k := 0; k < n; k++ {
			t.add("actions", k < matched, fmt.Sprintf("%s: action owners %q, want %q", label, gotOwners, e.Actions))
		}
	}
}

// alignItems pairs expected items with items read, in order, so that one
// item split in two or one missed does not shift every item after it. It
// returns, for each expected item, the index of the item read that matches
// it.
func alignItems(want []corpusItem, got []Item) map[int]int {
	n, m := len(want), len(got)
	best := make([][]int, n+1)
	for i := range best {
		best[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			b := max(best[i+1][j], best[i][j+1])
			if sameItem(want[i], got[j]) {
				b = max(b, best[i+1][j+1]+1)
			}
			best[i][j] = b
		}
	}
	pairs := map[int]int{}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case sameItem(want[i], got[j]) && best[i][j] == best[i+1][j+1]+1:
			pairs[i] = j
			i++
			j++
		case best[i+1][j] >= best[i][j+1]:
			i++
		default:
			j++
		}
	}
	return pairs
}

// sameItem reports whether an item read can be the expected one: the titles
// agree, or mostly share their words, or the numbers agree.
func sameItem(e corpusItem, g Item) bool {
	a, b := normTitle(e.Title), normTitle(g.Title)
	if a != "" && a == b {
		return true
	}
	if e.Number != "" && normNumber(e.Number) == normNumber(g.Number) {
		return true
	}
	if a == "" || b == "" {
		return a == b && e.Number == "" && g.Number == ""
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	set := map[string]bool{}
	for _, w := range wb {
		set[w] = true
	}
	common := 0
	for _, w := range wa {
		if set[w] {
			common++
		}
	}
	return common*10 >= min(len(wa), len(wb))*7
}

var pdfSizeTail = regexp.MustCompile(`(?i)\s*(pdf icon\s*)?pdf\s+\d+(\.\d+)?\s*[km]b\s*$`)

// normTitle reduces a title to its lower-case words, without the "pdf icon
// PDF 40 KB" a web page adds.
func normTitle(s string) string {
	s = pdfSizeTail.ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == '’' || r == '\'':
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func normNumber(s string) string {
	return strings.ToLower(strings.TrimRight(strings.Join(strings.Fields(s), " "), ".:"))
}

func normOwner(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func sameBody(a, b string) bool {
	norm := func(s string) string {
		s = normTitle(s)
		return strings.TrimPrefix(s, "the ")
	}
	return norm(a) == norm(b)
}

func sameVenue(a, b string) bool {
	norm := func(s string) string { return strings.ReplaceAll(strings.TrimPrefix(normTitle(s), "the "), " ", "") }
	return norm(a) == norm(b)
}

var clockRE = regexp.MustCompile(`(?i)^(\d{1,2})(?:[.:]?(\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?|hours|hrs)?$`)

// sameTime compares two times of day as clock times: "2.00 pm", "14:00",
// "1400 hours" and "2pm" are the same.
func sameTime(a, b string) bool {
	ca, okA := clock(a)
	cb, okB := clock(b)
	if okA && okB {
		return ca == cb
	}
	return strings.EqualFold(strings.Join(strings.Fields(a), ""), strings.Join(strings.Fields(b), ""))
}

func clock(s string) (int, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "noon" || s == "12 noon" {
		return 12 * 60, true
	}
	m := clockRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	switch suffix := strings.TrimRight(m[3], "."); {
	case strings.HasPrefix(suffix, "p") && h < 12:
		h += 12
	case strings.HasPrefix(suffix, "a") && h == 12:
		h = 0
	}
	return h*60 + min, true
}

// earlyProse returns the unplaced lines before the line that heads the first
// item that read as sentences, leaving out the furniture the facts name: the
// narrative of the meeting is never set aside while the import succeeds.
func earlyProse(f corpusFixture, res *Result) []string {
	first := firstItemLine(f.text)
	var out []string
	for _, u := range res.Unplaced {
		if first >= 0 && u.Line >= first || !readsAsProse(u.Text) {
			continue
		}
		furniture := false
		for _, w := range f.facts.Furniture {
			furniture = furniture || strings.HasPrefix(u.Text, w)
		}
		if !furniture {
			out = append(out, fmt.Sprintf("line %d: %s", u.Line, u.Text))
		}
	}
	return out
}

// readsAsProse reports whether an unplaced line reads as a sentence: it
// ends as one, with a few words, or has a sentence's verb.
func readsAsProse(t string) bool {
	if strings.HasSuffix(t, ":") {
		return false // "Contact: … Email:"
	}
	return len(strings.Fields(t)) > 3 && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?")) || readsAsSentence(t)
}

// firstItemLine is the source line that heads the first item, or -1.
func firstItemLine(text string) int {
	lines, marks, _ := shapeText(splitLines(text))
	for i, mk := range marks {
		if mk.head != nil || mk.cmisNo != "" {
			return lines[i].num
		}
	}
	return -1
}

// unplacedAfterFirstItem counts the unplaced lines at or after the line that
// heads the first item.
func unplacedAfterFirstItem(text string, res *Result) int {
	first := firstItemLine(text)
	n := 0
	for _, u := range res.Unplaced {
		if first >= 0 && u.Line >= first {
			n++
		}
	}
	return n
}

// corpusAim reads the aim for the corpus score from the README, so the test
// and the README cannot disagree.
func corpusAim(tb testing.TB) float64 {
	tb.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		tb.Fatalf("read the README for the corpus aim: %v", err)
	}
	m := regexp.MustCompile(`(?s)import\s+corpus\s+score.{0,400}?the\s+test\s+fails\s+below\s+(\d\.\d+)`).FindSubmatch(b)
	if m == nil {
		tb.Fatal(`the README does not state the import corpus aim ("… import corpus score … the test fails below 0.NN")`)
	}
	aim, _ := strconv.ParseFloat(string(m[1]), 64)
	return aim
}

// TestImportCorpus scores Parse fact by fact on the import corpus and fails
// below the aim the README states. Run it with -v to see the score, and with
// -corpus.detail to see every fact it gets wrong.
func TestImportCorpus(t *testing.T) {
	fixtures := readCorpus(t)
	all := newTally()
	refused := 0
	var lines []string
	for _, f := range fixtures {
		res := Parse(f.text)
		checkResult(t, f.text, res)
		// Narrative is never set aside: what is not placed comes before the
		// first item (the page's furniture), unless the facts allow it.
		if later := unplacedAfterFirstItem(f.text, res); later > f.facts.LaterUnplaced {
			t.Errorf("%s: %d lines after the first item were not placed: %+v", f.name, later, res.Unplaced)
		}
		if early := earlyProse(f, res); len(early) > 0 {
			t.Errorf("%s: sentences before the first item were not placed: %q", f.name, early)
		}
		ft := newTally()
		scoreFixture(f, res, ft)
		m := res.Meeting
		// What the first importer refused: no items, or a date or body the
		// text gives but the reader missed.
		if len(m.Items) == 0 || f.facts.Meeting.Date != "" && m.Date == "" || f.facts.Meeting.Body != "" && m.Body == "" {
			refused++
		}
		r, n := ft.sum()
		lines = append(lines, fmt.Sprintf("%-48s %3d/%3d  %.2f", f.name, r, n, float64(r)/float64(n)))
		for k, v := range ft.total {
			all.total[k] += v
			all.right[k] += ft.right[k]
		}
		if *corpusDetail {
			for _, w := range ft.wrong {
				lines = append(lines, "    "+w)
			}
		}
	}
	right, total := all.sum()
	score := float64(right) / float64(total)
	var b strings.Builder
	fmt.Fprintf(&b, "import corpus: %d fixtures, %d facts\n", len(fixtures), total)
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	kinds := append([]string(nil), corpusKinds...)
	for k := range all.total {
		if !contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	sort.SliceStable(kinds, func(i, j int) bool { return indexOf(corpusKinds, kinds[i]) < indexOf(corpusKinds, kinds[j]) })
	for _, k := range kinds {
		if all.total[k] > 0 {
			fmt.Fprintf(&b, "%-12s %4d/%4d  %.2f\n", k, all.right[k], all.total[k], float64(all.right[k])/float64(all.total[k]))
		}
	}
	fmt.Fprintf(&b, "score        %4d/%4d  %.3f; %d of %d texts would be refused\n", right, total, score, refused, len(fixtures))
	t.Log("\n" + b.String())
	if aim := corpusAim(t); score < aim {
		t.Errorf("import corpus score %.3f is below the aim of %.2f", score, aim)
	}
	if refused > 0 {
		t.Errorf("%d of the corpus texts would be refused", refused)
	}
}

func contains(list []string, s string) bool { return indexOf(list, s) < len(list) }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list)
}
