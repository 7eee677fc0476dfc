package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"minutebook/data/minutestext"
	"minutebook/data/names"
)

// ImportOptions says where imported minutes go when the text does not say, or says wrongly.
type ImportOptions struct {
	Body string // the body's name or short code; overrides the name in the text
	Date string // the meeting date; overrides the date in the text
}

// Imported is what an import wrote, or would write (a preview).
type Imported struct {
	Meeting     *FullMeeting
	BodyCreated bool       // no body of that name existed, so one was added
	NewPeople   []string   // attendees not in the people list, added as people
	Unplaced    []Unplaced // lines of the text that could not be placed, for the clerk
	Notes       []string   // things the clerk should check
}

// Unplaced is a line of imported text the parser could not place.
type Unplaced = minutestext.Unplaced

// Summary describes the import in one line: "PCP meeting of 15 September 2023: 1 item,
// 9 questions, 1 resolution, 2 actions; 0 lines not placed."
func (im *Imported) Summary() string {
	fm := im.Meeting
	var qs, rs, as int
	for _, it := range fm.Items {
		qs += len(it.Questions)
		rs += len(it.Resolutions)
		as += it.TaggedActions()
	}
	return fmt.Sprintf("%s meeting of %s: %s, %s, %s, %s, %s; %s not placed.",
		fm.Body.Name, LongDate(fm.Date), Count(len(fm.Attendance), "attendee", "attendees"), Count(len(fm.Items), "item", "items"),
		Count(qs, "question", "questions"), Count(rs, "resolution", "resolutions"), Count(as, "action", "actions"), Count(len(im.Unplaced), "line", "lines"))
}

// TaggedActions counts the [Action: X] tags in the item's minutes, before and after the
// questions, in its questions and answers and in its resolutions: the actions its text makes.
func (it *FullItem) TaggedActions() int {
	n := len(FindActionTags(it.narrative()))
	for _, q := range it.Questions {
		n += len(FindActionTags(q.Question)) + len(FindActionTags(q.Answer))
	}
	for _, r := range it.Resolutions {
		n += len(FindActionTags(r.Text))
	}
	return n
}

// PreviewImport reads minutes text into a meeting without writing anything: what
// ImportText would create.
func (s *Store) PreviewImport(text string, opts ImportOptions) (*Imported, error) {
	return s.importText(text, opts, false)
}

// ImportText reads minutes text (a published Modern.gov page, a Word or PDF paste) into a
// new meeting, as a draft for the clerk to check. It never changes an existing meeting; it
// adds the body if none has the name, and attendees not yet in the people list. Action tags
// in the text become actions, as when the clerk types them.
func (s *Store) ImportText(text string, opts ImportOptions) (*Imported, error) {
	return s.importText(text, opts, true)
}

func (s *Store) importText(text string, opts ImportOptions, write bool) (*Imported, error) {
	res := minutestext.Parse(text)
	pm := res.Meeting
	im := &Imported{Unplaced: res.Unplaced, Meeting: &FullMeeting{}}
	if len(pm.Items) == 0 {
		return nil, invalid("Import", "text", "no agenda items or minutes were found in it")
	}
	bodyName := strings.TrimSpace(opts.Body)
	if bodyName == "" {
		bodyName = pm.Body
	}
	if bodyName == "" {
		return nil, invalid("Import", "body", "the text does not name the body; say which it is")
	}
	date := pm.Date
	if opts.Date != "" {
		d, err := ParseDate(opts.Date)
		if err != nil {
			return nil, invalid("Import", "date", "%v", err)
		}
		date = d
	}
	if date == "" {
		return nil, invalid("Import", "date", "the text gives no meeting date; say what it was")
	}
	body, err := s.BodyByName(bodyName)
	switch {
	case err == nil:
	case errors.Is(err, ErrNotFound):
		body = Body{Name: bodyName, Numbering: NumberPerMeeting}
		if err := body.Validate(); err != nil {
			return nil, err
		}
		im.BodyCreated = true
	default:
		return nil, err
	}
	var people []Person
	if body.ID != 0 {
		if people, err = s.People(body.ID, true); err != nil {
			return nil, err
		}
	}
	fm := im.Meeting
	fm.Body = body
	fm.Meeting = Meeting{Date: date, StartTime: pm.StartTime, Venue: pm.Venue, Status: StatusDraft}
	if !validClock(fm.StartTime) {
		im.Notes = append(im.Notes, fmt.Sprintf("The start time “%s” was not understood and was left out.", fm.StartTime))
		fm.StartTime = ""
	}
	if fm.Venue == "" {
		fm.Venue = body.DefaultVenue
	}
	newPeople := map[string]*Person{}
	person := func(name, kind, role string) *Person {
		if p := matchPerson(people, name); p != nil {
			return p
		}
		key := Fold(names.Plain(name))
		if p := newPeople[key]; p != nil {
			return p
		}
		title, rest := names.Split(name)
		p := &Person{Title: title, Name: rest, Role: RoleMember}
		if kind == InAttendance {
			p.Role = RoleOfficer
			if strings.Contains(strings.ToUpper(role), "PCC") || strings.Contains(strings.ToLower(role), "commissioner") {
				p.Role = RolePCC
			}
		}
		newPeople[key] = p
		im.NewPeople = append(im.NewPeople, p.DisplayName())
		return p
	}
	type link struct{ who, subFor *Person }
	var links []link
	for _, a := range pm.Attendance {
		p := person(a.Name, a.Kind, a.Role)
		at := Attendance{Kind: a.Kind, Role: a.Role, Name: p.DisplayName()}
		l := link{who: p}
		if a.Kind == Substitute {
			if a.SubstituteFor == "" {
				at.Kind = Present
				im.Notes = append(im.Notes, fmt.Sprintf("%s is listed as a substitute without saying for whom; recorded as present.", at.Name))
			} else {
				l.subFor = person(a.SubstituteFor, Present, "")
				at.SubstituteForID = -1 // until the people are written
			}
		}
		fm.Attendance = append(fm.Attendance, at)
		links = append(links, l)
	}
	for i, it := range pm.Items {
		fi := FullItem{Item: Item{Title: it.Title, Time: it.Time, ReportSummary: it.ReportSummary, Minutes: it.Minutes}}
		if len(it.Questions) > 0 { // the paragraphs that followed the questions go after them
			paras := strings.Split(it.Minutes, "\n\n")
			if n := it.QuestionsAfter; n >= 0 && n < len(paras) {
				fi.Minutes = strings.Join(paras[:n], "\n\n")
				fi.MinutesAfter = strings.Join(paras[n:], "\n\n")
			}
		}
		if !validClock(fi.Time) {
			im.Notes = append(im.Notes, fmt.Sprintf("Item %d: the time “%s” was not understood; it was kept in the minutes text.", i+1, fi.Time))
			fi.Minutes = strings.TrimSpace(fi.Time + "\n\n" + fi.Minutes)
			fi.Time = ""
		}
		if it.Exempt {
			fi.Exempt = true
			fi.ExemptParagraph, _ = strconv.Atoi(it.ExemptParagraph)
			if fi.ExemptParagraph < 1 || fi.ExemptParagraph > 7 {
				fi.ExemptParagraph = 0
				im.Notes = append(im.Notes, fmt.Sprintf("Item %d is exempt but the text gives no Schedule 12A paragraph; choose it in the item.", i+1))
			}
		}
		for _, d := range it.Documents {
			fi.Documents = append(fi.Documents, Document{Title: d})
		}
		for _, q := range it.Questions {
			fi.Questions = append(fi.Questions, Question{AskedBy: q.AskedBy, Question: q.Question, AnsweredBy: q.AnsweredBy, Answer: q.Answer})
		}
		for _, r := range it.Resolutions {
			if strings.TrimSpace(r) != "" {
				fi.Resolutions = append(fi.Resolutions, Resolution{Text: r})
			}
		}
		fm.Items = append(fm.Items, fi)
	}
	fm.BodyID = body.ID
	if im.BodyCreated {
		fm.BodyID = -1 // until the body is written
	}
	if err := validateFull(fm); err != nil {
		return nil, err
	}
	if !write {
		return im, nil
	}
	err = s.update(func(tx *sql.Tx) error {
		if im.BodyCreated {
			if err := insertBody(tx, &body); err != nil {
				return err
			}
			fm.Body = body
		}
		for _, p := range newPeople {
			p.BodyID = body.ID
			if err := createPerson(tx, p); err != nil {
				return err
			}
		}
		for i, l := range links {
			fm.Attendance[i].PersonID = l.who.ID
			if l.subFor != nil {
				fm.Attendance[i].SubstituteForID = l.subFor.ID
			}
		}
		fm.BodyID = body.ID
		return writeFullMeeting(tx, fm)
	})
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return im, nil
}

// matchPerson finds a person by name, ignoring titles (on either side: People may hold
// "Mx Jo Bloggs" as the name), case and diacritics.
func matchPerson(people []Person, name string) *Person {
	for i := range people {
		if SamePerson(people[i].Name, name) {
			return &people[i]
		}
	}
	return nil
}
