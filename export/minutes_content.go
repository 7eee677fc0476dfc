package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// minutesContent is what the minutes say, in order, decided once for every format (PDF,
// Word, HTML): which items and actions the edition may show, the minute numbers, the
// attendance as the minutes name it, the wording of declarations, questions and
// resolutions. Each format only sets it out. Its text has been made safe for the format by
// the clean function it was built with.
type minutesContent struct {
	Edition      Edition
	Draft        bool   // not yet approved: every page is marked draftMark
	BodyName     string // the body's name, as the heading prints it
	MeetingTitle string // "Budget Workshop", or ""
	Held         string // "Minutes of the meeting held on Friday 15 September 2023 at 10.30am"
	Venue        string
	Date         string // "Friday 15 September 2023"
	Attendance   []attendanceGroup
	Declarations []declarationLine
	Items        []itemContent
	// MeetingActions are the actions raised at the meeting under no item that the edition
	// may show.
	MeetingActions []actionContent
	Ended          string // "The meeting ended at 12.40pm.", or "" while not recorded
	Approval       string // "These minutes were approved as a correct record on …", or ""
	ChairTitle     string // "Chairman", for the signature block
	// Withheld counts the exempt items whose text the public edition leaves out.
	Withheld int
}

// Metadata a document carries in its properties.
func (c *minutesContent) docTitle() string {
	return "Minutes – " + c.BodyName + " – " + c.Date
}

// Confidential reports whether the minutes carry exempt text anywhere.
func (c *minutesContent) Confidential() bool {
	for _, it := range c.Items {
		if it.Confidential {
			return true
		}
	}
	for _, d := range c.Declarations {
		if d.Exempt {
			return true
		}
	}
	for _, a := range c.MeetingActions {
		if a.Exempt {
			return true
		}
	}
	return false
}

// attendanceGroup is one line of the attendance: "Present:" and the names. A group with no
// names prints Empty, or is left out when Empty is "".
type attendanceGroup struct {
	Label string // "Present:"
	Names []string
	Empty string
}

// declarationLine is one declaration of interest as a sentence; Exempt marks one whose text
// is about an exempt item, printed only in the confidential edition.
type declarationLine struct {
	Text   string
	Exempt bool
}

// itemContent is one agenda item as the edition prints it.
type itemContent struct {
	Number, Title, Time string
	// Exempt items were taken in private; Mark says under which paragraph of Schedule 12A.
	Exempt bool
	Mark   string
	// Confidential is set when the item's exempt text is printed (the confidential
	// edition): every page or section carrying it is marked confidentialMark.
	Confidential bool
	// PublicSummary is what may be published of an exempt item; in the confidential edition
	// it is led by "Public summary: ".
	PublicSummary     []string
	PublicSummaryLead bool
	ReportSummary     []string // set in italic
	Minutes           []string
	Questions         []questionContent
	MinutesAfter      []string // the narrative after the questions
	Resolutions       []resolutionContent
	Actions           []actionContent // those the text does not show already
	// Documents is the "Supporting documents: …" line, or "" for an item without any.
	Documents string
}

// questionContent is a member's question and its answer, set off under it.
type questionContent struct {
	Number     int
	AskedBy    string // "Cllr Barrie Patman asked: ", or "" when the question names its asker
	Question   []string
	AnswerLead string // "Reply from the PCC: ", or ""
	Answer     []string
}

// resolutionContent is one resolution: "RESOLVED – That …" and its lettered parts. LeadAlone
// puts "RESOLVED –" on a line of its own, when the text starts with a part or is empty.
type resolutionContent struct {
	LeadAlone bool
	Lines     []resolutionLine
	// Vote is how the meeting voted, a line each: "(For 9, Against 2, Abstain 1)", the
	// names of a recorded vote, whether a veto carried.
	Vote []string
}

// resolutionLine is a line of a resolution: plain text (Level 0), or a part with its label
// "(a)" at level 1 or "(i)" at level 2.
type resolutionLine struct {
	Label string
	Level int
	Text  string
}

// actionContent is an action printed as a sentence with its owner's tag.
type actionContent struct {
	Text, Owner string
	Exempt      bool
}

// Marks printed on the pages.
const (
	draftMark        = "DRAFT – subject to approval"
	confidentialMark = "CONFIDENTIAL – NOT FOR PUBLICATION"
)

// ExemptMark is what every document prints of why an item or document is exempt:
// "Exempt – Schedule 12A, paragraph 1 (information relating to any individual)".
func ExemptMark(paragraph int) string { return exemptMark(paragraph) }

// exemptMark is what every edition prints under an exempt item's heading.
func exemptMark(paragraph int) string {
	mark := "Exempt – Schedule 12A"
	if p, ok := data.Schedule12AParagraph(paragraph); ok {
		mark += fmt.Sprintf(", paragraph %d (%s)", p.Number, p.Cited)
	}
	return mark
}

// contentBuilder works out minutesContent from a meeting.
type contentBuilder struct {
	m       *data.FullMeeting
	edition Edition
	// clean makes text from the meeting safe for the format and returns how many
	// characters it replaced; every string from the meeting goes through it once.
	clean    func(string) (string, int)
	replaced int
}

// newMinutesContent works out what the minutes of m say in edition, with text made safe by
// clean. It returns the content and how many characters clean replaced.
func newMinutesContent(m *data.FullMeeting, edition Edition, clean func(string) (string, int)) (*minutesContent, int) {
	b := &contentBuilder{m: m, edition: edition, clean: clean}
	c := &minutesContent{Edition: edition, Draft: !m.Approved()}
	b.heading(c)
	b.attendance(c)
	b.declarations(c)
	for i := range m.Items {
		c.Items = append(c.Items, b.item(&m.Items[i], c))
	}
	b.meetingActions(c)
	b.signature(c)
	return c, b.replaced
}

// text cleans s, counting what it replaced.
func (b *contentBuilder) text(s string) string {
	out, n := b.clean(s)
	b.replaced += n
	return out
}

// quiet cleans s without counting: for text already counted where it was first printed.
func (b *contentBuilder) quiet(s string) string {
	out, _ := b.clean(s)
	return out
}

func (b *contentBuilder) public() bool { return b.edition != ConfidentialEdition }

// paragraphs cleans text and splits it into paragraphs.
func (b *contentBuilder) paragraphs(text string) []string { return paragraphsOf(b.text(text)) }

// heading works out the body's name, the line saying which meeting these are the minutes
// of, and the venue.
func (b *contentBuilder) heading(c *minutesContent) {
	m := b.m
	c.BodyName = b.text(m.Body.Name)
	title := b.text(strings.TrimSpace(m.Title))
	kind := "meeting"
	if strings.HasSuffix(strings.ToLower(title), "meeting") {
		kind, title = lowerFirst(title), ""
	}
	c.MeetingTitle = title
	c.Date = data.LongDate(b.text(m.Date))
	c.Held = "Minutes of the " + kind + " held on " + c.Date
	if t := b.text(strings.TrimSpace(m.StartTime)); t != "" {
		c.Held += " at " + t
	}
	c.Venue = b.text(strings.TrimSpace(m.Venue))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an acronym: "AGM"
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// attendance works out Present (the Chair first, marked), Apologies, Substitutes ("Cllr X
// for Cllr Y"), Absent and In attendance (with their roles).
func (b *contentBuilder) attendance(c *minutesContent) {
	m := b.m
	chairTitle := strings.TrimSpace(m.Body.ChairTitle)
	if chairTitle == "" {
		chairTitle = "Chair"
	}
	var chair, vice, present, apologies, subs, absent, inAttendance []string
	chairListed := false
	for _, a := range m.Attendance {
		name := strings.TrimSpace(a.Name)
		var notes []string
		isChair := a.Kind == data.Present && (a.Role == data.RoleChair || (m.ChairID != 0 && a.PersonID == m.ChairID))
		switch {
		case isChair:
			notes = append(notes, chairTitle)
		case a.Kind == data.Present && a.Role == data.RoleViceChair:
			notes = append(notes, "Vice-"+chairTitle)
		case a.Kind == data.InAttendance && strings.TrimSpace(a.Role) != "":
			notes = append(notes, strings.TrimSpace(a.Role))
		}
		if a.Arrived != "" {
			notes = append(notes, "arrived "+a.Arrived)
		}
		if a.Left != "" {
			notes = append(notes, "left "+a.Left)
		}
		if a.Kind == data.Substitute && strings.TrimSpace(a.SubstituteFor) != "" {
			name += " for " + strings.TrimSpace(a.SubstituteFor)
		}
		if len(notes) > 0 {
			name += " (" + strings.Join(notes, ", ") + ")"
		}
		name = b.text(name)
		switch a.Kind {
		case data.Present:
			switch {
			case isChair:
				chair = append(chair, name)
				chairListed = true
			case a.Role == data.RoleViceChair:
				vice = append(vice, name)
			default:
				present = append(present, name)
			}
		case data.Apologies:
			apologies = append(apologies, name)
		case data.Substitute:
			subs = append(subs, name)
		case data.Absent:
			absent = append(absent, name)
		case data.InAttendance:
			inAttendance = append(inAttendance, name)
		}
	}
	if !chairListed && m.ChairID != 0 && m.Chair.DisplayName() != "" {
		// The Chair on the day is recorded on the meeting but not in its attendance.
		chair = append(chair, b.text(m.Chair.DisplayName()+" ("+chairTitle+")"))
	}
	present = append(append(chair, vice...), present...)
	c.Attendance = []attendanceGroup{
		{"Present:", present, "None recorded."},
		{"Apologies:", apologies, ""},
		{"Substitutes:", subs, ""},
		{"Absent:", absent, ""},
		{"In attendance:", inAttendance, ""},
	}
}

// declarations words the members' declarations of interest. A declaration on an exempt item
// names the item but, in the public edition, not what the interest is, which could reveal
// what the item was about.
func (b *contentBuilder) declarations(c *minutesContent) {
	items := map[int64]*data.FullItem{}
	for i := range b.m.Items {
		items[b.m.Items[i].ID] = &b.m.Items[i]
	}
	for _, d := range b.m.Declarations {
		kind, ok := data.InterestKinds[d.Kind]
		if !ok {
			kind = "interest"
		}
		name := b.text(strings.TrimSpace(d.Name))
		if name == "" {
			name = "A member"
		}
		s := name + " declared " + article(kind) + " " + kind
		it := items[d.ItemID]
		withheld := false
		if it != nil {
			// The item's number and title are counted where its heading prints them.
			s += " in minute " + b.quiet(strings.TrimSpace(it.Number))
			if t := b.quiet(strings.TrimSpace(it.Title)); t != "" {
				s += " (" + t + ")"
			}
			withheld = it.Exempt && b.public()
		}
		if withheld {
			s += ", an item considered in private."
		} else if t := b.text(strings.TrimSpace(d.Text)); t != "" {
			s += ": " + sentenceEnd(t)
		} else {
			s += "."
		}
		if d.LeftRoom {
			s += " " + name + " left the room for that item."
		}
		c.Declarations = append(c.Declarations, declarationLine{Text: s, Exempt: it != nil && it.Exempt && !b.public()})
	}
}

// article is "a" or "an" for a phrase.
func article(phrase string) string {
	if phrase != "" && strings.ContainsRune("aeiouAEIOU", []rune(phrase)[0]) {
		return "an"
	}
	return "a"
}

// sentenceEnd gives text a full stop if it has no closing punctuation.
func sentenceEnd(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;)]”\"'’") {
		return s
	}
	return s + "."
}

// item works out one item: its heading, and then either the whole minute — the report's
// summary, the narrative, questions, resolutions and actions — or, for an exempt item in
// the public edition, only what may be published.
func (b *contentBuilder) item(it *data.FullItem, c *minutesContent) itemContent {
	out := itemContent{
		Number: b.text(strings.TrimSpace(it.Number)),
		Title:  b.text(strings.TrimSpace(it.Title)),
		Time:   b.text(strings.TrimSpace(it.Time)),
		Exempt: it.Exempt,
	}
	if it.Exempt {
		out.Mark = exemptMark(it.ExemptParagraph)
		if b.public() {
			c.Withheld++
			out.PublicSummary = b.paragraphs(it.PublicSummary)
			return out
		}
		out.Confidential = true
		if strings.TrimSpace(it.PublicSummary) != "" {
			out.PublicSummary = b.paragraphs(it.PublicSummary)
			out.PublicSummaryLead = true
		}
	}
	out.ReportSummary = b.paragraphs(it.ReportSummary)
	out.Minutes = b.paragraphs(it.Minutes)
	out.Questions = b.questions(it)
	out.MinutesAfter = b.paragraphs(it.MinutesAfter)
	out.Resolutions = b.resolutions(it)
	for _, a := range it.Actions {
		// Those from action tags are in the text already, and those from a written reply
		// beside the question.
		if a.Source == "" {
			out.Actions = append(out.Actions, b.action(a))
		}
	}
	out.Documents = b.documents(it)
	return out
}

// documents words the item's supporting documents: "Supporting documents: Report of the
// PCC; Appendix A." The public edition names no exempt document, only how many there were.
func (b *contentBuilder) documents(it *data.FullItem) string {
	var titles []string
	withheld := 0
	for _, d := range it.Documents {
		if exempt, _ := d.ExemptUnder(it.Item); exempt && b.public() {
			withheld++
			continue
		}
		titles = append(titles, b.text(strings.TrimSpace(d.Title)))
	}
	if withheld > 0 {
		w := data.Count(withheld, "exempt document", "exempt documents") + ", not for publication"
		if len(titles) > 0 {
			w = "and " + w
		}
		titles = append(titles, w)
	}
	if len(titles) == 0 {
		return ""
	}
	label := "Supporting documents: "
	if len(it.Documents) == 1 {
		label = "Supporting document: "
	}
	return label + sentenceEnd(strings.Join(titles, "; "))
}

// questions works out each question, numbered as in the item, with its answer.
func (b *contentBuilder) questions(it *data.FullItem) []questionContent {
	var out []questionContent
	for i, q := range it.Questions {
		qc := questionContent{Number: q.Number}
		if qc.Number == 0 {
			qc.Number = i + 1
		}
		question := b.text(q.Question)
		if by := b.text(strings.TrimSpace(q.AskedBy)); by != "" && !startsWithName(question, by) {
			qc.AskedBy = by + " asked: "
		}
		qc.Question = paragraphsOf(question)
		answer := b.text(q.Answer)
		if q.WrittenReply && !strings.Contains(strings.ToLower(answer), "written") {
			answer = strings.TrimSpace(answer + "\n\nA written reply is to follow.")
		}
		if by := b.text(strings.TrimSpace(q.AnsweredBy)); by != "" && strings.TrimSpace(answer) != "" && !startsWithName(answer, by) {
			qc.AnswerLead = "Reply from " + lowerThe(by) + ": "
		}
		qc.Answer = paragraphsOf(answer)
		out = append(out, qc)
	}
	return out
}

// startsWithName reports whether text already opens with the name ("The PCC replied…").
func startsWithName(text, name string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		return strings.TrimPrefix(s, "the ")
	}
	return strings.HasPrefix(norm(text), norm(name))
}

// lowerThe writes "The PCC" as "the PCC" inside a sentence.
func lowerThe(name string) string {
	if strings.HasPrefix(name, "The ") {
		return "the " + name[4:]
	}
	return name
}

// partLabel matches the label of a lettered or numbered part of a resolution: (a), a), a.,
// (i), (1), 1.
var partLabel = regexp.MustCompile(`^(\(([a-z]{1,2}|[ivxl]+|[0-9]{1,2})\)|([a-z]|[ivxl]+|[0-9]{1,2})[.)])\s+`)

// resolvedPrefix matches a "RESOLVED –" the clerk typed in front of the resolution's text,
// which the minutes print themselves.
var resolvedPrefix = regexp.MustCompile(`^(?i)resolved\s*[-–—:]?\s*`)

// resolutions splits each resolution into its lines, and finds the lettered parts (lines
// that start (a), (b)) and the roman parts under them ((i), (ii)).
func (b *contentBuilder) resolutions(it *data.FullItem) []resolutionContent {
	var out []resolutionContent
	for _, r := range it.Resolutions {
		text := resolvedPrefix.ReplaceAllString(strings.TrimSpace(b.text(r.Text)), "")
		var lines []string
		for _, p := range paragraphsOf(text) {
			lines = append(lines, strings.Split(p, "\n")...)
		}
		rc := resolutionContent{LeadAlone: len(lines) == 0 || partLabel.MatchString(lines[0])}
		if v, ok := it.VoteOn(r.ID); ok {
			for _, l := range v.Lines(b.m) {
				rc.Vote = append(rc.Vote, b.text(l))
			}
		}
		lastLabel := ""
		lettered := false
		for _, line := range lines {
			loc := partLabel.FindStringSubmatchIndex(line)
			if loc == nil {
				rc.Lines = append(rc.Lines, resolutionLine{Text: line})
				continue
			}
			label := strings.TrimSpace(line[:loc[1]])
			key := strings.Trim(label, "().")
			level := 1
			if slices.Contains(data.PartNumerals, key) && lettered && !(len(key) == 1 && lastLabel != "" && key[0] == lastLabel[0]+1) {
				level = 2
			} else {
				lettered = true
				lastLabel = key
			}
			rc.Lines = append(rc.Lines, resolutionLine{Label: label, Level: level, Text: line[loc[1]:]})
		}
		out = append(out, rc)
	}
	return out
}

// action works out an action as printed: its text as a sentence and its owner.
func (b *contentBuilder) action(a data.Action) actionContent {
	return actionContent{
		Text:   sentenceEnd(b.text(strings.TrimSpace(a.Text))),
		Owner:  b.text(strings.TrimSpace(a.Owner)),
		Exempt: a.Exempt,
	}
}

// meetingActions works out the actions raised at the meeting under no item; the public
// edition leaves out those of exempt items.
func (b *contentBuilder) meetingActions(c *minutesContent) {
	for _, a := range b.m.Actions {
		if !a.Exempt || !b.public() {
			c.MeetingActions = append(c.MeetingActions, b.action(a))
		}
	}
}

// signature works out, for approved minutes, when they were approved, and the Chair's title
// for the signature block.
func (b *contentBuilder) signature(c *minutesContent) {
	m := b.m
	if m.Ended != "" {
		c.Ended = b.text("The meeting ended at " + m.Ended + ".")
	}
	if m.Approved() {
		s := "These minutes were approved as a correct record"
		if m.ApprovedOn != "" {
			s += " on " + data.LongDate(m.ApprovedOn)
		}
		s += "."
		if a := strings.TrimSpace(m.Amendments); a != "" {
			s += " Amendments made on approval: " + sentenceEnd(a)
		}
		c.Approval = b.text(s)
	}
	c.ChairTitle = b.text(strings.TrimSpace(m.Body.ChairTitle))
	if c.ChairTitle == "" {
		c.ChairTitle = "Chair"
	}
}
