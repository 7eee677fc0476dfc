package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/data"
)

// panelMinuteBook is a new database holding a panel and its People, as a clerk has them
// before the first meeting: no meeting yet.
func panelMinuteBook(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "minutebook.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := data.Body{Name: "Upper Thames Police and Crime Panel", ShortCode: "PCP", Numbering: data.NumberPerMeeting,
		DefaultVenue: "Council Chamber, Guildhall", DefaultTime: "10.30am"}
	if err := s.CreateBody(&b); err != nil {
		t.Fatal(err)
	}
	for _, p := range []data.Person{
		{Title: "Cllr", Name: "Barrie Patman", Authority: "Wokingham Borough Council", Role: data.RoleMember},
		{Title: "Cllr", Name: "Emily Culverhouse", Authority: "Buckinghamshire Council", Role: data.RoleMember},
		{Title: "Cllr", Name: "Dylan Wyn Jones", Authority: "Oxford City Council", Role: data.RoleMember},
		{Title: "Mr", Name: "Ted Lukasz", Authority: "Independent", Role: data.RoleCoopted},
		{Title: "Cllr", Name: "Sam Reserve", Authority: "Slough Borough Council", Role: data.RoleGuest},
		{Title: "Mr", Name: "Matthew Barber", Role: data.RolePCC},
		{Title: "Mr", Name: "David Okafor", Authority: "Chief Executive, OPCC", Role: data.RoleOfficer},
	} {
		p.BodyID = b.ID
		if err := s.CreatePerson(&p); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// fullDump is the part of `minutebook dump` the live-meeting test reads.
type fullDump struct {
	Meetings []struct {
		Date       string `json:"date"`
		StartTime  string `json:"start_time"`
		Ended      string `json:"ended"`
		Chair      string `json:"chair"`
		Attendance []struct {
			Name, Kind, Role string
			SubstituteFor    string `json:"substitute_for"`
			Arrived          string `json:"arrived"`
		} `json:"attendance"`
		Declarations []struct {
			Name, Kind, Text string
		} `json:"declarations"`
		Items []struct {
			Number, Title, Time, Minutes string
			Questions                    []struct {
				AskedBy    string `json:"asked_by"`
				Question   string `json:"question"`
				AnsweredBy string `json:"answered_by"`
				Answer     string `json:"answer"`
			} `json:"questions"`
			Resolutions []struct{ Text string }        `json:"resolutions"`
			Actions     []struct{ Owner, Text string } `json:"actions"`
		} `json:"items"`
	} `json:"meetings"`
}

// TestAWholeMeetingFromTheKeyboard records a meeting as a clerk does while it happens, with
// no mouse at all: the meeting, the attendance (the Chair, apologies, a substitute for a
// named member, an officer in attendance picked by type-ahead, a late arrival), a
// declaration, four items — one with three questions, each asked by, answered by, question
// and answer typed after Ctrl+Shift+Q with Tab between them, a resolution with parts (a) and
// (b) and an [Action: PCC] tag — and when it ended; then checks `minutebook dump` field by
// field.
func TestAWholeMeetingFromTheKeyboard(t *testing.T) {
	scr := startScreen(t)
	db := panelMinuteBook(t)
	r := scr.start(t, db, t.TempDir())
	today := time.Now().Format("02/01/2006")

	// The meeting: today, the body's usual time and venue; its members are listed present.
	r.keys("ctrl+shift+n")
	r.typeText(today)
	r.keys("Return")
	r.shot("live-1-meeting")

	// Attendance, from the add bar (Ctrl+1): name by type-ahead, Tab, how they attend.
	r.keys("ctrl+1")
	for _, who := range [][]string{
		{"Patman", "chair", ""},        // the Chair on the day
		{"Culver", "apol", ""},         // apologies
		{"Reserve", "subst", "Culver"}, // a substitute for the member who sent apologies
		{"Okafor", "in att", ""},       // in attendance, as People says
		{"Jones", "pres", "10.45am"},   // a late arrival
	} {
		r.typeText(who[0])
		r.keys("Tab")
		r.typeText(who[1])
		if who[2] != "" {
			r.keys("Tab")
			r.typeText(who[2])
		}
		r.keys("Return")
	}
	r.shot("live-2-attendance")

	// A declaration: the member by type-ahead, Tab over the item and the kind, the interest.
	r.keys("ctrl+shift+d")
	r.typeText("Lukasz")
	r.keys("Tab", "Tab", "Tab")
	r.typeText("Trustee of a charity funded by the OPCC")

	// Four items.
	const (
		para1 = "The PCC introduced the report on serious organised crime, county lines and modern slavery across the Thames Valley."
		para2 = "There had been a presentation at a recent Performance and Accountability Meeting and this would be shared with the Panel. [Action: PCC]"
		res   = "That the Panel:\n(a) note the report of the PCC; and\n(b) ask the PCC for a breakdown of the arrests by crime type."
	)
	r.keys("ctrl+2", "ctrl+n")
	r.typeText("Apologies for Absence")
	r.keys("ctrl+m")
	r.typeText("Apologies were received from Cllr Emily Culverhouse.")
	r.keys("ctrl+n")
	r.typeText("Declarations of Interest")
	r.keys("ctrl+m")
	r.typeText("Mr Ted Lukasz declared an interest as a trustee of a charity funded by the OPCC.")
	r.keys("ctrl+n")
	r.typeText("Fighting Serious Organised Crime")
	r.keys("ctrl+m")
	r.typeText(para1)
	r.keys("Return")
	r.typeText(para2)
	questions := [][4]string{
		{"Patman", "The P", "How many arrests were made during County Lines Intensification Week?", "The PCC said there had been 98 arrests."},
		{"Jones", "The Ch", "What training do teachers and health workers receive on modern slavery?", "The Chief Constable said training was given with partner agencies."},
		{"Reserve", "The P", "Would the breakdown of arrests be shared with the Panel?", "The PCC said it would be shared in the new year."},
	}
	for _, q := range questions {
		r.keys("ctrl+shift+q")
		r.typeText(q[0])
		r.keys("Tab")
		r.typeText(q[1])
		r.keys("Tab")
		r.typeText(q[2])
		r.keys("Tab")
		r.typeText(q[3])
	}
	r.shot("live-3-questions")
	r.keys("ctrl+shift+r", "ctrl+a")
	r.typeText(res)
	r.shot("live-4-resolution")
	r.keys("ctrl+n")
	r.typeText("Any Other Business")
	r.keys("ctrl+m")
	r.typeText("There was no other business.")
	r.keys("ctrl+shift+t")
	r.shot("live-5-ended")
	r.quit()

	out, err := exec.Command(binary, "dump", "--db", db).Output()
	if err != nil {
		t.Fatal(err)
	}
	var d fullDump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Meetings) != 1 {
		t.Fatalf("%d meetings", len(d.Meetings))
	}
	m := d.Meetings[0]
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %q, want %q", what, got, want)
		}
	}
	check("date", m.Date, time.Now().Format("2006-01-02"))
	check("start", m.StartTime, "10.30am")
	check("chair", m.Chair, "Cllr Barrie Patman")
	if m.Ended == "" {
		t.Errorf("no end time")
	}
	att := map[string]string{}
	for _, a := range m.Attendance {
		att[a.Name] = a.Kind + "|" + a.Role + "|" + a.SubstituteFor + "|" + a.Arrived
	}
	for name, want := range map[string]string{
		"Cllr Barrie Patman":     "present|chair||",
		"Cllr Emily Culverhouse": "apologies|||",
		"Cllr Sam Reserve":       "substitute||Cllr Emily Culverhouse|",
		"Mr David Okafor":        "in_attendance|Chief Executive, OPCC||",
		"Cllr Dylan Wyn Jones":   "present|||10.45am",
		"Mr Ted Lukasz":          "present|||",
	} {
		check("attendance of "+name, att[name], want)
	}
	if len(m.Attendance) != 6 {
		t.Errorf("%d attendance rows, want 6: %+v", len(m.Attendance), m.Attendance)
	}
	if len(m.Declarations) != 1 {
		t.Fatalf("declarations: %+v", m.Declarations)
	}
	check("declaration by", m.Declarations[0].Name, "Mr Ted Lukasz")
	check("declaration", m.Declarations[0].Text, "Trustee of a charity funded by the OPCC")
	if len(m.Items) != 4 {
		t.Fatalf("%d items, want 4", len(m.Items))
	}
	titles := []string{"Apologies for Absence", "Declarations of Interest", "Fighting Serious Organised Crime", "Any Other Business"}
	for i, it := range m.Items {
		check("item title", it.Title, titles[i])
	}
	it := m.Items[2]
	check("minutes", it.Minutes, para1+"\n\n"+para2)
	if len(it.Questions) != 3 {
		t.Fatalf("questions: %+v", it.Questions)
	}
	askers := []string{"Cllr Barrie Patman", "Cllr Dylan Wyn Jones", "Cllr Sam Reserve"}
	answerers := []string{"The PCC", "The Chief Constable", "The PCC"}
	for i, q := range it.Questions {
		check("asked by", q.AskedBy, askers[i])
		check("answered by", q.AnsweredBy, answerers[i])
		check("question", q.Question, questions[i][2])
		check("answer", q.Answer, questions[i][3])
	}
	if len(it.Resolutions) != 1 {
		t.Fatalf("resolutions: %+v", it.Resolutions)
	}
	check("resolution", it.Resolutions[0].Text, res)
	if len(it.Actions) != 1 || it.Actions[0].Owner != "PCC" || !strings.HasPrefix(it.Actions[0].Text, "There had been a presentation") {
		t.Errorf("actions: %+v", it.Actions)
	}
	check("last item's minutes", m.Items[3].Minutes, "There was no other business.")
}
