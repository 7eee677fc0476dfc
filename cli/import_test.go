package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
)

// TestImportExample imports the published example minute and checks what was made through
// `minutebook dump`, as a script would.
func TestImportExample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "import.db")
	r := runMinutebook(t, "import", "--db", db, "--body", "Thames Valley Police and Crime Panel", "--new-body", "--date", "2023-09-15",
		"../testdata/thames-valley-pcp-serious-organised-crime.txt")
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	id, summary, ok := strings.Cut(strings.TrimSpace(r.stdout), "\t")
	if !ok || !strings.Contains(summary, "1 item, 9 questions, 1 resolution, 2 actions") {
		t.Fatalf("import printed %q", r.stdout)
	}
	r = runMinutebook(t, "dump", "--db", db, "--meeting", id)
	if r.code != 0 {
		t.Fatalf("dump: %s", r.stderr)
	}
	var d data.Dump
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	m := d.Meetings[0]
	if m.Body != "Thames Valley Police and Crime Panel" || m.Date != "2023-09-15" || m.Status != "draft" || len(m.Items) != 1 {
		t.Fatalf("meeting = %+v", m)
	}
	it := m.Items[0]
	if it.Time != "11.05pm" {
		t.Errorf("time = %q", it.Time)
	}
	if paras := strings.Split(it.ReportSummary, "\n\n"); len(paras) != 2 || !strings.HasPrefix(paras[0], "The report of the PCC sets out") || !strings.Contains(paras[1], "(County Lines)") {
		t.Errorf("report summary = %q", it.ReportSummary)
	}
	if len(it.Questions) != 9 {
		t.Fatalf("%d questions, want 9", len(it.Questions))
	}
	firstWords := []string{"To help the fight", "There have been reported cases", "The PCC was asked what problems",
		"In terms of collaboration", "The PCC was asked how children", "What preventative work", "The PCC was asked about the outcomes",
		"In terms of the wider partnership", "Reference was made to the brilliant work"}
	for i, q := range it.Questions {
		if q.Number != i+1 || !strings.HasPrefix(q.Question, firstWords[i]) || q.Answer == "" || strings.HasPrefix(q.Answer, "[") {
			t.Errorf("question %d = %+v", i+1, q)
		}
	}
	if !strings.Contains(it.Questions[6].Answer, "this would be shared with the Police and Crime Panel") {
		t.Errorf("answer 7 = %q", it.Questions[6].Answer)
	}
	pcc := 0
	for _, a := range it.Actions {
		if a.Owner == "PCC" {
			pcc++
		}
	}
	if pcc != 2 || len(it.Actions) != 2 {
		t.Errorf("actions = %+v, want 2 for the PCC", it.Actions)
	}
	want := "That the report of the PCC be noted and the information provided in the answers to Members’ questions be noted."
	if len(it.Resolutions) != 1 || it.Resolutions[0].Text != want {
		t.Errorf("resolutions = %+v", it.Resolutions)
	}
	// The Chair's closing question is narrative that followed the questions, and is kept there.
	if !strings.HasPrefix(it.MinutesAfter, "The Chair congratulated the PCC") || strings.Contains(it.Minutes, "The Chair congratulated") {
		t.Errorf("the Chair's closing question is not the narrative after the questions: %q", it.MinutesAfter)
	}
	if !strings.HasPrefix(it.Minutes, "A report of the PCC set out the activities") {
		t.Errorf("minutes begin %.60q", it.Minutes)
	}
	// Importing again makes a second meeting, when asked, and leaves the first alone.
	before := r.stdout
	if r := runMinutebook(t, "import", "--db", db, "--body", "Thames Valley Police and Crime Panel", "--date", "2023-09-15", "--as-new",
		"../testdata/thames-valley-pcp-serious-organised-crime.txt"); r.code != 0 {
		t.Fatalf("second import: %s", r.stderr)
	}
	if r := runMinutebook(t, "dump", "--db", db, "--meeting", id); r.stdout != before {
		t.Errorf("a second import changed the first meeting")
	}
}

func TestImportMistakes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte("\n\n"), 0o644)
	binary := filepath.Join(dir, "latin1.txt")
	os.WriteFile(binary, []byte("Minutes \xa3 5"), 0o644)
	for _, c := range []struct {
		args  []string
		code  int
		words string
	}{
		{[]string{"import", "--db", db}, 2, "name the text file"},
		{[]string{"import", "--db", db, filepath.Join(dir, "missing.txt")}, 1, "cannot read"},
		{[]string{"import", "--db", db, "--body", "PCP", "--new-body", "--date", "2023-09-15", empty}, 1, "no agenda items"},
		{[]string{"import", "--db", db, "--body", "PCP", "--new-body", "--date", "2023-09-15", binary}, 1, "not UTF-8"},
		{[]string{"import", "--db", db, "--date", "2023-09-15", "../testdata/thames-valley-pcp-serious-organised-crime.txt"}, 1, "does not name the body; give it with --body"},
		{[]string{"import", "--db", db, "--body", "PCP", "--new-body", "../testdata/thames-valley-pcp-serious-organised-crime.txt"}, 1, "gives no meeting date; give it with --date"},
		{[]string{"import", "--db", db, "--body", "PCP", "--new-body", "--date", "31/02/2023", "../testdata/thames-valley-pcp-serious-organised-crime.txt"}, 1, "not a real date"},
		{[]string{"import", "--db", db, "--body", "PCP", "--date", "2023-09-15", "../testdata/thames-valley-pcp-serious-organised-crime.txt"}, 1, "no body is called “PCP”, and the file has no bodies yet; give --new-body"},
	} {
		r := runMinutebook(t, c.args...)
		if r.code != c.code || !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(c.words)) {
			t.Errorf("%v: exit %d, %q; want %d mentioning %q", c.args[3:], r.code, r.stderr, c.code, c.words)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%v: a failed import left a new database behind", c.args[3:])
		}
	}
}

// importDB makes a database holding the example panel (short code PCP), for the import
// tests: `minutebook demo`.
func importDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "import.db")
	if r := runMinutebook(t, "demo", "--db", db); r.code != 0 {
		t.Fatalf("demo: %s", r.stderr)
	}
	return db
}

// meetingCount counts the meetings in a database through `minutebook dump`.
func meetingCount(t *testing.T, db string) int {
	t.Helper()
	r := runMinutebook(t, "dump", "--db", db)
	if r.code != 0 {
		t.Fatalf("dump: %s", r.stderr)
	}
	var d data.Dump
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	return len(d.Meetings)
}

// writeText writes minutes text to a file in dir.
func writeText(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const eastvaleMinutes = "Eastvale Police and Crime Panel - Thursday, 3rd March, 2022 2.00 pm\n\n" +
	"12/22 Apologies\n\nApologies were received from Councillor Ann Bee.\n\n" +
	"13/22 Police and Crime Plan\n\nThe PCC presented the plan.\n\nRESOLVED – That the plan be noted.\n"

// TestImportUnknownBody: a --body that names no body is refused with the bodies the file
// has, and added with --new-body; a body named only by the text is added as before.
func TestImportUnknownBody(t *testing.T) {
	db := importDB(t)
	text := writeText(t, t.TempDir(), "eastvale.txt", eastvaleMinutes)
	before := meetingCount(t, db)
	r := runMinutebook(t, "import", "--db", db, "--body", "Eastvale Panel", text)
	if r.code != 1 || !strings.Contains(r.stderr, "no body is called “Eastvale Panel”; the body is “Thames Valley Police and Crime Panel”; give --new-body to add it") {
		t.Fatalf("unknown --body: exit %d, %q", r.code, r.stderr)
	}
	oneSentence(t, r.stderr)
	if n := meetingCount(t, db); n != before {
		t.Fatalf("a refused import wrote %d meetings", n-before)
	}
	r = runMinutebook(t, "import", "--db", db, "--body", "Eastvale Panel", "--new-body", text)
	if r.code != 0 || !strings.Contains(r.stdout, "Eastvale Panel meeting of Thursday 3 March 2022") {
		t.Fatalf("--new-body: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	// The short code of a body the file has is a body, not a new one.
	other := writeText(t, t.TempDir(), "other.txt", strings.Replace(eastvaleMinutes, "3rd March", "7th April", 1))
	if r := runMinutebook(t, "import", "--db", db, "--body", "pcp", other); r.code != 0 || !strings.Contains(r.stdout, "Thames Valley Police and Crime Panel meeting") {
		t.Fatalf("--body by short code: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

// TestImportAsNew: importing a text whose body and date already have a meeting is refused
// and names it; --as-new imports it as a second meeting.
func TestImportAsNew(t *testing.T) {
	db := filepath.Join(t.TempDir(), "asnew.db")
	text := writeText(t, t.TempDir(), "eastvale.txt", eastvaleMinutes)
	r := runMinutebook(t, "import", "--db", db, text)
	if r.code != 0 {
		t.Fatalf("first import: %s", r.stderr)
	}
	first, _, _ := strings.Cut(r.stdout, "\t")
	r = runMinutebook(t, "import", "--db", db, text)
	if r.code != 1 || !strings.Contains(r.stderr, "Eastvale Police and Crime Panel already has a meeting on Thursday 3 March 2022 (meeting "+first+")") ||
		!strings.Contains(r.stderr, "give --as-new to import it as another meeting") {
		t.Fatalf("second import: exit %d, %q", r.code, r.stderr)
	}
	oneSentence(t, r.stderr)
	if n := meetingCount(t, db); n != 1 {
		t.Fatalf("%d meetings after a refused second import, want 1", n)
	}
	if r := runMinutebook(t, "import", "--db", db, "--as-new", text); r.code != 0 {
		t.Fatalf("--as-new: exit %d, %q", r.code, r.stderr)
	}
	if n := meetingCount(t, db); n != 2 {
		t.Fatalf("%d meetings after --as-new, want 2", n)
	}
}

// TestImportAllOrNothing: several files import in one go or not at all; the error names the
// file at fault and says none was imported.
func TestImportAllOrNothing(t *testing.T) {
	db := importDB(t)
	dir := t.TempDir()
	good := writeText(t, dir, "march.txt", eastvaleMinutes)
	april := writeText(t, dir, "april.txt", strings.Replace(eastvaleMinutes, "3rd March", "7th April", 1))
	undated := writeText(t, dir, "undated.txt", "Eastvale Police and Crime Panel\n\n1. Apologies\n\nNone.\n")
	before := meetingCount(t, db)
	r := runMinutebook(t, "import", "--db", db, good, undated, april)
	if r.code != 1 || !strings.Contains(r.stderr, "undated.txt: the text gives no meeting date; give it with --date; none of the files was imported") {
		t.Fatalf("exit %d, %q", r.code, r.stderr)
	}
	oneSentence(t, r.stderr)
	if n := meetingCount(t, db); n != before {
		t.Fatalf("%d meetings were written by a failed import of three files", n-before)
	}
	// The same minutes twice in one list are a second import.
	r = runMinutebook(t, "import", "--db", db, good, april, good)
	if r.code != 1 || !strings.Contains(r.stderr, "march.txt: Eastvale Police and Crime Panel already has a meeting on Thursday 3 March 2022") {
		t.Fatalf("repeated file: exit %d, %q", r.code, r.stderr)
	}
	if n := meetingCount(t, db); n != before {
		t.Fatalf("%d meetings were written by a failed import", n-before)
	}
	// Two good files: both, one body between them, each printed with its id.
	r = runMinutebook(t, "import", "--db", db, good, april)
	if r.code != 0 || strings.Count(r.stdout, "\n") != 2 {
		t.Fatalf("two files: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	var d data.Dump
	json.Unmarshal([]byte(runMinutebook(t, "dump", "--db", db).stdout), &d)
	bodies := map[string]int{}
	for _, m := range d.Meetings {
		bodies[m.Body]++
	}
	if bodies["Eastvale Police and Crime Panel"] != 2 || len(d.Meetings) != before+2 {
		t.Errorf("meetings by body after importing two files: %v", bodies)
	}
}

// TestImportKeepsMinuteNumbers: the numbers the text prints are the items' numbers, not
// 1…n, and actions are referenced by them.
func TestImportKeepsMinuteNumbers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "numbers.db")
	text := writeText(t, t.TempDir(), "eastvale.txt", eastvaleMinutes+"\n14/22 Work Programme\n\nThe clerk would circulate the plan. [Action: Clerk]\n")
	r := runMinutebook(t, "import", "--db", db, text)
	if r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	id, _, _ := strings.Cut(r.stdout, "\t")
	var d data.Dump
	json.Unmarshal([]byte(runMinutebook(t, "dump", "--db", db, "--meeting", id).stdout), &d)
	var numbers []string
	for _, it := range d.Meetings[0].Items {
		numbers = append(numbers, it.Number)
	}
	if strings.Join(numbers, " ") != "12/22 13/22 14/22" {
		t.Fatalf("item numbers %q, want the text's 12/22 13/22 14/22", numbers)
	}
	acts := d.Meetings[0].Items[2].Actions
	if len(acts) != 1 || !strings.Contains(acts[0].Ref, "14/22") {
		t.Errorf("the action's reference does not follow the minute: %+v", acts)
	}
}

// TestImportListsUnplacedLines: each line the reader could not place is said on stderr as
// FILE:LINE: not placed: TEXT, with the line as the file numbers it, and the import goes on.
func TestImportListsUnplacedLines(t *testing.T) {
	b, err := os.ReadFile("../testdata/import/01-mg-meeting-page-officers.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(b), "\n") // without the corpus file's comment line
	text := writeText(t, t.TempDir(), "marshfield.txt", body)
	r := runMinutebook(t, "import", "--db", filepath.Join(t.TempDir(), "u.db"), "--new-body", text)
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	var unplaced []string
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if rest, ok := strings.CutPrefix(l, text+":"); ok && strings.Contains(rest, ": not placed: ") {
			unplaced = append(unplaced, rest)
		} else if !strings.HasPrefix(l, text+": note: ") {
			t.Errorf("stderr line %q is neither a note nor a line not placed", l)
		}
	}
	want := []string{
		"5: not placed: Members of the public are welcome to attend our meetings to watch them in person. Publicly accessible meetings held in the Shire Hall will be webcast. The Panel may, in certain circumstances, resolve to hold part of the meeting in private.",
		"9: not placed: Contact: Oliver Prentice",
	}
	if strings.Join(unplaced, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines not placed:\n%s\nwant\n%s", strings.Join(unplaced, "\n"), strings.Join(want, "\n"))
	}
}

// TestImportBodyOverridesTheText: --body is used instead of the body the text names (here
// a body the file lacks, so --new-body), and --date instead of its date.
func TestImportBodyOverridesTheText(t *testing.T) {
	b, err := os.ReadFile("../testdata/import/57-word-welcome-before-first-item.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(b), "\n")
	text := writeText(t, t.TempDir(), "fenmoor.txt", body)
	db := filepath.Join(t.TempDir(), "o.db")
	r := runMinutebook(t, "import", "--db", db, "--body", "Fenmoor Joint Audit Committee", "--new-body", "--date", "2025-03-13", text)
	if r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	id, _, _ := strings.Cut(r.stdout, "\t")
	var d data.Dump
	json.Unmarshal([]byte(runMinutebook(t, "dump", "--db", db, "--meeting", id).stdout), &d)
	if m := d.Meetings[0]; m.Body != "Fenmoor Joint Audit Committee" || m.Date != "2025-03-13" {
		t.Errorf("meeting body %q, date %s: --body and --date are used instead of the text's", m.Body, m.Date)
	}
}
