package demo

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/minutebook/minutebook/data"
)

// Size says how much the large example holds.
type Size struct {
	Years             int // municipal years, ending with the one before ExampleYear+3
	MeetingsPerYear   int // per body
	ItemsPerMeeting   int // on average
	QuestionsPerItem  int // on average
	ActionsPerMeeting int
}

// LargeSize is the benchmark database: three bodies over ten years, about 400 meetings,
// 5,000 items, 15,000 questions and 8,000 actions.
var LargeSize = Size{Years: 10, MeetingsPerYear: 13, ItemsPerMeeting: 13, QuestionsPerItem: 3, ActionsPerMeeting: 21}

var largeBodies = []data.Body{
	{Name: PanelName, ShortCode: "PCP", Numbering: data.NumberByYear, ChairTitle: "Chairman", DefaultTime: "10.30am",
		DefaultVenue: "Paralympic Room, Buckinghamshire Council, The Gateway, Aylesbury"},
	{Name: "Oxfordshire Joint Health Overview and Scrutiny Committee", ShortCode: "JHOSC", Numbering: data.NumberPerMeeting,
		DefaultTime: "10am", DefaultVenue: "Council Chamber, County Hall, New Road, Oxford"},
	{Name: "Reading Audit and Governance Committee", ShortCode: "AGC", Numbering: data.NumberByYear, DefaultTime: "6.30pm",
		DefaultVenue: "Council Chamber, Civic Offices, Bridge Street, Reading"},
}

var (
	topics = []string{"Police and Criminal Justice Plan performance", "County Lines", "Rural crime", "Road safety",
		"Violence against women and girls", "Victims’ services", "Precept proposal", "Complaints", "Anti-social behaviour",
		"Cyber crime and fraud", "Neighbourhood policing", "Custody and detention", "Modern slavery", "Hate crime",
		"Youth offending", "Mental health and policing", "Estates strategy", "Workforce and wellbeing", "Treasury management",
		"Internal audit progress", "Risk register", "Hospital discharge", "GP access", "Ambulance response times"}
	openings = []string{"The report set out progress on", "Members received a presentation on", "The PCC introduced the report on",
		"The Director reported on", "The Panel considered the update on", "The Committee examined"}
	sentences = []string{
		"Members welcomed the improvement since the last quarter but noted that performance varied between local policing areas.",
		"The PCC said that recruitment had kept pace with leavers and that 120 student officers had joined in the year.",
		"Concern was expressed about the time taken to answer non-emergency calls at weekends.",
		"The Chief Finance Officer reported an underspend of £1.4m, largely from vacancies.",
		"Partners in Łódź and Kraków had shared practice on cross-border exploitation through the Europol network.",
		"Members asked how the £250,000 from the Safer Streets fund had been spent in Reading and Slough.",
		"It was noted that the “Our Choices” programme had reached 40 schools in Oxfordshire.",
		"The Committee heard that waiting lists had fallen for the third month running.",
		"A member asked whether the data could be broken down by district, and the officer agreed to look into it.",
		"The auditor’s opinion on the accounts was unqualified, with two recommendations on asset valuation.",
		"Members noted the risk rating had moved from amber to green following the new contract.",
		"The witness from Tŷ Hafan explained the support offered to families across the region.",
	}
	questionStems = []string{"What steps were being taken to improve", "How would the Panel know whether", "Could the PCC explain why",
		"What assurance could be given that", "How many officers were assigned to", "When would members receive figures on"}
	owners = []string{"PCC", "Scrutiny Officer", "Chief Finance Officer", "Director of Public Health", "Head of Audit", "Chief Executive, OPCC"}
)

// CachedLarge returns the path of a large example database (LargeSize) built once and kept
// in the user's cache folder, for benchmarks: building it takes several seconds. Callers
// must not write to it; copy it first.
func CachedLarge() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "minutebook")
	path := filepath.Join(dir, fmt.Sprintf("large-v%d-%s.db", data.SchemaVersion(), largeVersion))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.%d.building", path, os.Getpid())
	os.Remove(tmp)
	s, err := data.Open(tmp)
	if err != nil {
		return "", err
	}
	if err := WriteLarge(s, LargeSize); err != nil {
		s.Close()
		return "", err
	}
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		s.Close()
		return "", err
	}
	if err := s.Close(); err != nil {
		return "", err
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	return path, os.Rename(tmp, path)
}

// LargeCopy copies the cached large example database (CachedLarge) into dir, as large.db,
// for a test or benchmark that may write to it, and returns its path.
func LargeCopy(dir string) (string, error) {
	src, err := CachedLarge()
	if err != nil {
		return "", err
	}
	raw, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "large.db")
	return dst, os.WriteFile(dst, raw, 0o644)
}

// largeVersion changes whenever WriteLarge would write something different, so a stale
// cached database is not reused.
const largeVersion = "4"

// WriteLarge writes the large example — several bodies over many years — into an empty
// store. It is deterministic: the same size gives the same database.
func WriteLarge(s *data.Store, size Size) error {
	bodies, err := s.Bodies()
	if err != nil {
		return err
	}
	if len(bodies) > 0 {
		return fmt.Errorf("the database already has data; write the example into a new file")
	}
	rng := rand.New(rand.NewPCG(2023, 915))
	firstYear := 2026 - size.Years
	largest := true
	for bi := range largeBodies {
		b := largeBodies[bi]
		if err := s.CreateBody(&b); err != nil {
			return err
		}
		var people []data.Person
		for i := 0; i < 14; i++ {
			p := data.Person{BodyID: b.ID, Title: "Cllr", Name: fmt.Sprintf("%s %s", firstNames[(i+bi*5)%len(firstNames)], lastNames[(i*3+bi)%len(lastNames)]),
				Authority: authorities[(i+bi)%len(authorities)], Role: data.RoleMember}
			if err := s.CreatePerson(&p); err != nil {
				return err
			}
			people = append(people, p)
		}
		for y := 0; y < size.Years; y++ {
			start := time.Date(firstYear+y, time.May, 20+bi, 0, 0, 0, 0, time.UTC)
			for k := 0; k < size.MeetingsPerYear; k++ {
				date := start.AddDate(0, 0, k*28).Format(data.DateLayout)
				fm := largeMeeting(rng, b, people, date, size, largest)
				largest = false
				if y == size.Years-1 && k == size.MeetingsPerYear-1 {
					fm.Status = data.StatusDraft
				} else {
					fm.Status = data.StatusApproved
					fm.ApprovedOn = start.AddDate(0, 0, (k+1)*28).Format(data.DateLayout)
				}
				if err := s.AddFullMeeting(fm); err != nil {
					return fmt.Errorf("large example, %s %s: %w", b.ShortCode, date, err)
				}
			}
		}
	}
	return nil
}

var (
	firstNames  = []string{"Alice", "Bilal", "Catrin", "David", "Eleanor", "Farah", "George", "Hannah", "Idris", "Joanna", "Kieran", "Lowri", "Marek", "Nadia", "Owen", "Priya"}
	lastNames   = []string{"Abbott", "Bhatti", "Cadwaladr", "Dunmore", "Evans", "Fairweather", "Gŵyn", "Hughes", "Iqbal", "Jankowski", "Kowalczyk", "Lloyd", "Morgan", "Nash", "Osei", "Pryce"}
	authorities = []string{"Reading Borough Council", "Slough Borough Council", "Oxford City Council", "Cherwell District Council", "Milton Keynes City Council", "West Berkshire Council", "Buckinghamshire Council"}
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// around returns a number from n - n/2 to n + n/2, n on average, at least 1.
func around(rng *rand.Rand, n int) int { return max(1, n-n/2+rng.IntN(2*(n/2)+1)) }

func paragraphs(rng *rand.Rand, n int, lead string) string {
	var ps []string
	for i := 0; i < n; i++ {
		var b strings.Builder
		if i == 0 {
			b.WriteString(lead)
		}
		for j := 0; j < 3+rng.IntN(4); j++ {
			if b.Len() > 0 {
				b.WriteString(" ")
			}
			b.WriteString(pick(rng, sentences))
		}
		ps = append(ps, b.String())
	}
	return strings.Join(ps, "\n\n")
}

func largeMeeting(rng *rand.Rand, b data.Body, people []data.Person, date string, size Size, largest bool) *data.FullMeeting {
	fm := &data.FullMeeting{Meeting: data.Meeting{BodyID: b.ID, Date: date, StartTime: b.DefaultTime, Venue: b.DefaultVenue, ChairID: people[0].ID}}
	for i, p := range people {
		a := data.Attendance{PersonID: p.ID, Kind: data.Present}
		switch {
		case i == 0:
			a.Role = data.RoleChair
		case rng.IntN(8) == 0:
			a.Kind = data.Apologies
		}
		fm.Attendance = append(fm.Attendance, a)
	}
	nItems := around(rng, size.ItemsPerMeeting)
	paras := 3
	if largest { // one meeting much bigger than the rest, for the "largest meeting" benchmarks
		nItems, paras = 40, 40
	}
	for i := 0; i < nItems; i++ {
		topic := pick(rng, topics)
		it := data.FullItem{Item: data.Item{Title: topic, Time: data.FormatClock(10+i/4, (i%4)*15),
			ReportSummary: "The report set out the position on " + strings.ToLower(topic) + ".",
			Minutes:       paragraphs(rng, paras, pick(rng, openings)+" "+strings.ToLower(topic)+".")}}
		if i == nItems-1 && rng.IntN(10) == 0 {
			it.Exempt, it.ExemptParagraph = true, 1+rng.IntN(7)
			it.PublicSummary = "The Committee considered a confidential report on " + strings.ToLower(topic) + "."
		}
		for q := 0; q < around(rng, size.QuestionsPerItem); q++ {
			asker := people[rng.IntN(len(people))]
			it.Questions = append(it.Questions, data.Question{AskedBy: asker.DisplayName(),
				Question:   pick(rng, questionStems) + " " + strings.ToLower(topic) + "?",
				AnsweredBy: "The " + pick(rng, owners), Answer: paragraphs(rng, 1, "")})
		}
		it.Resolutions = []data.Resolution{{Text: "That the report on " + strings.ToLower(topic) + " be noted."}}
		fm.Items = append(fm.Items, it)
	}
	meetingDay, _ := time.Parse(data.DateLayout, date)
	for k := 0; k < size.ActionsPerMeeting; k++ {
		it := &fm.Items[rng.IntN(len(fm.Items))]
		a := data.Action{Owner: pick(rng, owners), Text: "Provide members with " + pick(rng, []string{"figures", "a briefing", "a written update", "the breakdown"}) +
			" on " + strings.ToLower(it.Title) + ".", Status: data.ActionOpen}
		if rng.IntN(6) > 0 {
			a.Due = meetingDay.AddDate(0, 0, 14+rng.IntN(90)).Format(data.DateLayout)
		}
		age := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC).Sub(meetingDay)
		switch r := rng.IntN(100); {
		case age > 400*24*time.Hour && r < 85, r < 30:
			a.Status = data.ActionDone
			a.Completed = meetingDay.AddDate(0, 0, 7+rng.IntN(120)).Format(data.DateLayout)
		case r < 40:
			a.Status = data.ActionDropped
		case r < 70:
			a.Status = data.ActionInProgress
		}
		for u := 0; u < rng.IntN(3); u++ {
			a.Updates = append(a.Updates, data.ActionUpdate{Date: meetingDay.AddDate(0, 0, 10+u*20).Format(data.DateLayout),
				Text: pick(rng, []string{"Information requested from the Force.", "Draft circulated to the Chair.", "Awaiting national data.", "Update given at the meeting."})})
		}
		it.Actions = append(it.Actions, a)
	}
	return fm
}
