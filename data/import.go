package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/data/minutestext"
	"github.com/minutebook/minutebook/data/names"
)

// ImportOptions says where imported minutes go when the text does not say, or says wrongly,
// and what the clerk has agreed to.
type ImportOptions struct {
	Body string // the body's name or short code; overrides the name in the text
	Date string // the meeting date; overrides the date in the text
	// NewBody lets a Body that names no body add one; without it such a name is refused
	// with the bodies the file has, since it is most often a typing slip.
	NewBody bool
	// AsNew imports the text even when its body already has a meeting on its date: a
	// second import of the same minutes is otherwise refused.
	AsNew bool
}

// Imported is what an import wrote, or would write (a preview).
type Imported struct {
	Meeting     *FullMeeting
	BodyCreated bool       // no body of that name existed, so one was added
	NewPeople   []string   // attendees not in the people list, added as people
	Unplaced    []Unplaced // lines of the text that could not be placed, for the clerk
	Notes       []string   // things the clerk should check
	// Missing lists what the text does not give and no option supplied, which the import
	// needs: "date", "body". A preview still shows what was read; ImportText refuses.
	Missing []string
	// Existing is the meeting the body already has on that date (0: none): importing makes
	// a second one, which needs AsNew.
	Existing int64
	// NumbersAsPrinted is set when the text numbers its minutes: the items keep those
	// numbers ("12/24", "6.1") instead of being numbered 1…n.
	NumbersAsPrinted bool
}

// Unplaced is a line of imported text the parser could not place.
type Unplaced = minutestext.Unplaced

// Missing names of what an import needs.
const (
	MissingDate = "date"
	MissingBody = "body"
)

// UnknownBodyError is a body named for an import that the file does not have.
type UnknownBodyError struct {
	Name  string
	Known []string // the names of the bodies the file has
}

func (e *UnknownBodyError) Error() string {
	if len(e.Known) == 0 {
		return fmt.Sprintf("no body is called “%s”, and the file has no bodies yet", e.Name)
	}
	quoted := make([]string, len(e.Known))
	for i, k := range e.Known {
		quoted[i] = "“" + k + "”"
	}
	list := quoted[0]
	if n := len(quoted); n > 1 {
		list = strings.Join(quoted[:n-1], ", ") + " and " + quoted[n-1]
	}
	return fmt.Sprintf("no body is called “%s”; the %s %s", e.Name, Plural(len(e.Known), "body is", "bodies are"), list)
}

// DuplicateMeetingError is an import of minutes whose body already has a meeting on their
// date: most often the same minutes imported twice.
type DuplicateMeetingError struct {
	Body      string
	Date      string
	MeetingID int64
}

func (e *DuplicateMeetingError) Error() string {
	return fmt.Sprintf("%s already has a meeting on %s (meeting %d)", e.Body, LongDate(e.Date), e.MeetingID)
}

// MissingError is an import of a text that does not give what the import needs, the date
// or the body, when no option gave it either.
type MissingError struct {
	What string // MissingDate or MissingBody
}

func (e *MissingError) Error() string {
	if e.What == MissingBody {
		return "the text does not name the body; say which it is"
	}
	return "the text gives no meeting date; say what it was"
}

// Unwrap makes errors.Is(err, ErrInvalid) true: the text, not the file, is at fault.
func (e *MissingError) Unwrap() error { return ErrInvalid }

// ImportTextError says which of several texts could not be imported.
type ImportTextError struct {
	Index int // of the text in the list given
	Err   error
}

func (e *ImportTextError) Error() string { return e.Err.Error() }
func (e *ImportTextError) Unwrap() error { return e.Err }

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
	meeting := fm.Body.Name + " meeting"
	if fm.Body.Name == "" {
		meeting = "A meeting (of a body not yet named)"
	}
	date := "a date not yet given"
	if fm.Date != "" {
		date = LongDate(fm.Date)
	}
	return fmt.Sprintf("%s of %s: %s, %s, %s, %s, %s; %s not placed.",
		meeting, date, Count(len(fm.Attendance), "attendee", "attendees"), Count(len(fm.Items), "item", "items"),
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
// ImportText would create. It never refuses a text it can read: what the text does not give
// is in Missing, and a meeting already there on the date in Existing.
func (s *Store) PreviewImport(text string, opts ImportOptions) (*Imported, error) {
	var im *Imported
	err := s.view(func(tx *sql.Tx) error {
		plan, err := planImport(tx, text, opts)
		if plan != nil {
			im = plan.im
		}
		return err
	})
	return im, err
}

// ImportText reads minutes text (a published Modern.gov page, a Word or PDF paste) into a
// new meeting, as a draft for the clerk to check. It never changes an existing meeting; it
// adds the body if none has the name, and attendees not yet in the people list. Action tags
// in the text become actions, as when the clerk types them. Minute numbers the text prints
// are kept. It refuses a text that gives no date or body (unless the options do), a Body
// that names none (unless NewBody), and a body and date that already have a meeting
// (unless AsNew).
func (s *Store) ImportText(text string, opts ImportOptions) (*Imported, error) {
	ims, err := s.ImportTexts([]string{text}, opts)
	if err != nil {
		var te *ImportTextError
		if errors.As(err, &te) {
			return nil, te.Err
		}
		return nil, err
	}
	return ims[0], nil
}

// ImportTexts imports several texts, all or none: in one transaction, so a text that cannot
// be imported leaves the file as it was, and the error (an *ImportTextError) says which.
// Each text sees what the ones before it added: a body one adds is the next one's, and the
// same minutes twice in the list are refused as a second import.
func (s *Store) ImportTexts(texts []string, opts ImportOptions) ([]*Imported, error) {
	var out []*Imported
	err := s.update(func(tx *sql.Tx) error {
		out = out[:0]
		for i, text := range texts {
			plan, err := planImport(tx, text, opts)
			if err == nil {
				err = plan.refusal(opts)
			}
			if err == nil {
				err = plan.write(tx)
			}
			if err != nil {
				return &ImportTextError{Index: i, Err: err}
			}
			out = append(out, plan.im)
		}
		return nil
	})
	if err != nil {
		var te *ImportTextError
		if errors.As(err, &te) && !errors.Is(te.Err, ErrInvalid) && !isImportRefusal(te.Err) {
			te.Err = fmt.Errorf("import: %w", te.Err)
		}
		return nil, err
	}
	return out, nil
}

// isImportRefusal reports whether err is one of the import's own refusals.
func isImportRefusal(err error) bool {
	var ub *UnknownBodyError
	var dm *DuplicateMeetingError
	return errors.As(err, &ub) || errors.As(err, &dm)
}

// querier reads in a transaction; *sql.Tx is one.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// importPlan is what importing one text will write.
type importPlan struct {
	im        *Imported
	body      Body
	newPeople []*Person
	links     []importLink
	numbers   []string // each item's number as the text printed it, or ""
}

// importLink ties an attendance row to the people it names, who may not be written yet.
type importLink struct{ who, subFor *Person }

// planImport reads a text and works out what importing it would write, reading the file
// through q. It fails only for what no clerk could fix in the preview: neither items nor
// attendance (a heading and attendance alone make a draft with no items), a bad date
// given as an option, a Body that names none.
func planImport(q querier, text string, opts ImportOptions) (*importPlan, error) {
	res := minutestext.Parse(text)
	pm := res.Meeting
	im := &Imported{Unplaced: res.Unplaced, Meeting: &FullMeeting{}}
	plan := &importPlan{im: im}
	switch {
	case len(pm.Items) == 0 && len(pm.Attendance) == 0:
		return nil, invalid("Import", "text", "no agenda items, minutes or attendance were found in it")
	case len(pm.Items) == 0:
		// A heading and attendance with the items lost in the copy: the meeting is still
		// worth a draft, and the clerk adds the items.
		im.Notes = append(im.Notes, "No agenda items or minutes were found in the text: the meeting is imported with its attendance and no items; add the items in the meeting.")
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
		im.Missing = append(im.Missing, MissingDate)
	}
	bodyName := strings.TrimSpace(opts.Body)
	if bodyName == "" {
		bodyName = strings.TrimSpace(pm.Body)
	}
	body := Body{Name: bodyName}
	if bodyName == "" {
		im.Missing = append(im.Missing, MissingBody)
	} else {
		var err error
		body, err = bodyByName(q, bodyName)
		switch {
		case err == nil:
		case errors.Is(err, ErrNotFound):
			if opts.Body != "" && !opts.NewBody {
				known, err := bodyNames(q)
				if err != nil {
					return nil, err
				}
				return nil, &UnknownBodyError{Name: bodyName, Known: known}
			}
			body = Body{Name: bodyName, Numbering: NumberPerMeeting}
			if err := body.Validate(); err != nil {
				return nil, err
			}
			im.BodyCreated = true
		default:
			return nil, err
		}
	}
	plan.body = body
	var people []Person
	if body.ID != 0 {
		var err error
		if people, err = peopleOf(q, body.ID); err != nil {
			return nil, err
		}
		if date != "" {
			if im.Existing, err = meetingOn(q, body.ID, date); err != nil {
				return nil, err
			}
		}
	}
	fm := im.Meeting
	fm.Body = body
	fm.Meeting = Meeting{Date: date, StartTime: clockAsTyped(pm.StartTime), Venue: pm.Venue, Status: StatusDraft}
	if !validClock(fm.StartTime) {
		im.Notes = append(im.Notes, fmt.Sprintf("The start time “%s” was not understood and was left out.", fm.StartTime))
		fm.StartTime = ""
	}
	if fm.Ended = clockAsTyped(pm.EndTime); !validClock(fm.Ended) {
		im.Notes = append(im.Notes, fmt.Sprintf("The end time “%s” was not understood and was left out.", fm.Ended))
		fm.Ended = ""
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
		switch kind {
		case Substitute:
			// A substitute is a councillor who is not on the body: not on its list of
			// members, which new meetings list as present and a Panel's veto counts.
			p.Role = RoleGuest
		case InAttendance:
			p.Role = RoleOfficer
			if strings.Contains(strings.ToUpper(role), "PCC") || strings.Contains(strings.ToLower(role), "commissioner") {
				p.Role = RolePCC
			}
		}
		newPeople[key] = p
		plan.newPeople = append(plan.newPeople, p)
		im.NewPeople = append(im.NewPeople, p.DisplayName())
		return p
	}
	for _, a := range pm.Attendance {
		p := person(a.Name, a.Kind, a.Role)
		at := Attendance{Kind: a.Kind, Role: a.Role, Name: p.DisplayName()}
		l := importLink{who: p}
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
		plan.links = append(plan.links, l)
	}
	for i, it := range pm.Items {
		fi := FullItem{Item: Item{Title: it.Title, Time: clockAsTyped(it.Time), ReportSummary: it.ReportSummary, Minutes: it.Minutes}}
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
		// The number as printed; the store's own numbering stands in until it is written.
		number := strings.TrimSpace(it.Number)
		if len(number) > 20 {
			number = ""
		}
		plan.numbers = append(plan.numbers, number)
		if number != "" {
			im.NumbersAsPrinted = true
			fi.Number = number
		}
		fm.Items = append(fm.Items, fi)
	}
	fm.BodyID = body.ID
	if im.BodyCreated {
		fm.BodyID = -1 // until the body is written
	}
	if len(im.Missing) > 0 {
		return plan, nil // what can be shown; the import waits for the rest
	}
	if err := validateFull(fm); err != nil {
		return nil, err
	}
	return plan, nil
}

// refusal is why the plan cannot be written as it stands: what the text does not give,
// or a meeting already there on its date.
func (plan *importPlan) refusal(opts ImportOptions) error {
	im := plan.im
	if len(im.Missing) > 0 {
		return &MissingError{What: im.Missing[0]}
	}
	if im.Existing != 0 && !opts.AsNew {
		return &DuplicateMeetingError{Body: plan.body.Name, Date: im.Meeting.Date, MeetingID: im.Existing}
	}
	return nil
}

// write writes the plan: the body and people it adds, then the meeting, keeping the minute
// numbers the text printed.
func (plan *importPlan) write(tx *sql.Tx) error {
	im, fm, body := plan.im, plan.im.Meeting, plan.body
	if im.BodyCreated {
		if err := insertBody(tx, &body); err != nil {
			return err
		}
		fm.Body, plan.body = body, body
	}
	for _, p := range plan.newPeople {
		p.BodyID = body.ID
		if err := createPerson(tx, p); err != nil {
			return err
		}
	}
	for i, l := range plan.links {
		fm.Attendance[i].PersonID = l.who.ID
		if l.subFor != nil {
			fm.Attendance[i].SubstituteForID = l.subFor.ID
		}
	}
	fm.BodyID = body.ID
	if err := writeFullMeeting(tx, fm); err != nil {
		return err
	}
	if !im.NumbersAsPrinted {
		return nil
	}
	if _, err := tx.Exec("UPDATE meetings SET numbers_as_printed = 1 WHERE id = ?", fm.ID); err != nil {
		return fmt.Errorf("keep the minute numbers: %w", err)
	}
	for i, n := range plan.numbers {
		if n == "" {
			continue
		}
		if _, err := tx.Exec("UPDATE items SET number = ? WHERE id = ?", n, fm.Items[i].ID); err != nil {
			return fmt.Errorf("keep the minute numbers: %w", err)
		}
	}
	// The items without a number of their own, and the actions' references, follow.
	if err := renumberMeeting(tx, fm.ID); err != nil {
		return err
	}
	return reloadNumbers(tx, fm)
}

// bodyByName is Store.BodyByName inside a transaction.
func bodyByName(q querier, name string) (Body, error) {
	b, err := scanBody(q.QueryRow("SELECT "+bodyColumns+` FROM bodies
		WHERE lower(name) = lower(?) OR (short_code <> '' AND lower(short_code) = lower(?))
		ORDER BY lower(name) = lower(?) DESC LIMIT 1`, name, name, name))
	if err == sql.ErrNoRows {
		return b, fmt.Errorf("no body called “%s”: %w", name, ErrNotFound)
	}
	return b, err
}

// bodyNames lists the names of the file's bodies.
func bodyNames(q querier) ([]string, error) {
	rows, err := q.Query("SELECT name FROM bodies ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list bodies: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// peopleOf lists a body's people, retired ones too, and those of no body.
func peopleOf(q querier, bodyID int64) ([]Person, error) {
	rows, err := q.Query("SELECT "+personColumns+" FROM people WHERE body_id = ? OR body_id IS NULL ORDER BY name", bodyID)
	return scanPeople(rows, err, "list people")
}

// meetingOn returns the id of a body's meeting on a date, or 0.
func meetingOn(q querier, bodyID int64, date string) (int64, error) {
	var id int64
	err := q.QueryRow("SELECT id FROM meetings WHERE body_id = ? AND date = ? ORDER BY id LIMIT 1", bodyID, date).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}

// clockAsTyped turns a 24-hour time written with its unit ("1400 hours", "14:00hrs") into
// one the store reads ("14:00"); any other time is kept as typed.
func clockAsTyped(t string) string {
	s := strings.ToLower(strings.TrimSpace(t))
	for _, unit := range []string{"hours", "hrs"} {
		if !strings.HasSuffix(s, unit) {
			continue
		}
		digits := strings.NewReplacer(":", "", ".", "", " ", "").Replace(strings.TrimSuffix(s, unit))
		if len(digits) == 4 {
			if _, err := strconv.Atoi(digits); err == nil {
				return digits[:2] + ":" + digits[2:]
			}
		}
	}
	return t
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
