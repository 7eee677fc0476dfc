package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minutebook/data"
)

// TestImportExample imports the published example minute and checks what was made through
// `minutebook dump`, as a script would.
func TestImportExample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "import.db")
	r := runMinutebook(t, "import", "--db", db, "--body", "Thames Valley Police and Crime Panel", "--date", "2023-09-15",
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
	// Importing again makes a second meeting and leaves the first alone.
	before := r.stdout
	if r := runMinutebook(t, "import", "--db", db, "--body", "PCP", "--date", "2023-09-15", "../testdata/thames-valley-pcp-serious-organised-crime.txt"); r.code != 0 {
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
		{[]string{"import", "--db", db, "--body", "PCP", "--date", "2023-09-15", empty}, 1, "no agenda items"},
		{[]string{"import", "--db", db, "--body", "PCP", "--date", "2023-09-15", binary}, 1, "not UTF-8"},
		{[]string{"import", "--db", db, "--date", "2023-09-15", "../testdata/thames-valley-pcp-serious-organised-crime.txt"}, 1, "does not name the body"},
		{[]string{"import", "--db", db, "--body", "PCP", "--date", "31/02/2023", "../testdata/thames-valley-pcp-serious-organised-crime.txt"}, 1, "not a real date"},
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
