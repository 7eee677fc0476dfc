package minutestext

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Parse reads minutes text (a Modern.gov "Agenda item" page, a Word or PDF
// paste) into a Meeting. It never fails: what it cannot place is listed in
// Result.Unplaced, in source order.
func Parse(text string) *Result {
	lines, marks, shape := shapeText(splitLines(text))
	p := &parser{lines: lines, marks: marks, shape: shape, layout: shape.layout}
	p.run()
	slices.SortStableFunc(p.res.Unplaced, func(a, b Unplaced) int { return a.Line - b.Line })
	return &p.res
}

// parser walks the lines once, from the meeting heading through the items.
type parser struct {
	res    Result
	lines  []line
	marks  []mark // what stage two decided about each line
	shape  docShape
	layout layout
	i      int  // the line being read
	open   bool // the line before left a paragraph open that a wrapped line may continue

	item       *itemBuilder // the item being read, nil before the first
	lastNumber minuteNumber // of the last numbered heading
	numbered   bool         // a numbered heading has been read

	pending   []pendingLine   // lines before the first item not yet placed
	opening   []para          // the narrative before the first item, for its minutes
	docs      []string        // a CMIS page's documents, for the minute that follows
	list      *attendanceList // the attendance list being read
	venueNext bool            // the line after a meeting heading may be the venue
	seen      map[string]int  // attendee names, in lower case, to their index
	// attendanceRead counts the attendees read, again or not: a sentence
	// that names one already listed ("Having given due notice, Cllr A
	// substituted for Cllr B") was still an attendance sentence.
	attendanceRead int
}

// pendingLine is a line held back until the parser knows where it belongs.
type pendingLine struct {
	l      line
	begins bool
	// afterAttendance is set when an attendance list or name came before
	// the line: the meeting's own text has begun.
	afterAttendance bool
}

// attendanceList is a Present, Apologies, Substitutes, Absent or In
// attendance list being read. Lines are gathered into groups: a line that
// ends with a comma or "and", or leaves a bracket open, runs on into the next
// (a wrapped list); otherwise each line is its own group (one name a line).
type attendanceList struct {
	kind      string
	plural    bool            // "Councillors A, B and C" carries on over lines
	group     strings.Builder // the lines of the group being read
	groupLine int             // where the group started
	depth     int             // brackets open in the group
	last      string          // the group's last line
	checked   *checkedGroup   // the group's names, when its one line was read to check it
}

// runsOn reports whether line t continues the list's current group: the
// group's last line leaves a bracket open, ends with a comma or "and", or is
// a hard-wrapped line that filled the width.
func (list *attendanceList) runsOn(t string, lay layout) bool {
	if list.group.Len() == 0 {
		return false
	}
	prev := list.last
	if lay.wrapped && utf8.RuneCountInString(prev)*10 >= lay.width*8 && !endsSentence(prev) {
		return true
	}
	return list.depth > 0 || strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, " and") ||
		strings.HasSuffix(prev, "&") || strings.HasPrefix(t, "(") || startsLower(t)
}

// add adds line t, which started at source line num, to the current group.
func (list *attendanceList) add(t string, num int) {
	if list.group.Len() == 0 {
		list.groupLine = num
	} else {
		list.group.WriteByte(' ')
	}
	list.group.WriteString(t)
	list.depth = max(0, list.depth+strings.Count(t, "(")-strings.Count(t, ")"))
	list.last = t
}

// bodyWordRE finds the word that says a line names a body: "Thames Valley
// Police and Crime Panel".
var bodyWordRE = regexp.MustCompile(`\b(?i:panel|committee|sub-committee|board|cabinet|council|forum|commission|partnership|assembly|authority)\b`)

// run reads every line.
func (p *parser) run() {
	prev := -1 // the last line read
	for p.i = 0; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		mk := p.marks[p.i]
		if mk.dropped {
			continue
		}
		if p.isRunningHeader(l) {
			if p.i+1 < len(p.lines) {
				p.lines[p.i+1].pageBreak = true // a paragraph may run on across it
			}
			continue
		}
		begins := prev < 0 || !p.open || !p.layout.joins(p.lines[prev], l)
		p.open = false
		prev = p.i
		switch {
		case mk.head != nil:
			p.endList()
			p.openItem(*mk.head, l)
		case mk.cmisNo != "":
			p.endList()
			p.cmisMinute(mk.cmisNo)
		case mk.doc != "":
			p.docs = append(p.docs, mk.doc)
		default:
			p.handle(l, begins)
		}
	}
	p.endList()
	p.closeItem()
	p.endPending()
}

// isRunningHeader reports whether l is the body's name repeated at the top or
// foot of a page, inside the items.
func (p *parser) isRunningHeader(l line) bool {
	body := p.res.Meeting.Body
	return p.item != nil && body != "" && len(l.text) == len(body) && strings.EqualFold(l.text, body)
}

// handle reads one line: a heading, an attendance list, a meeting detail, or
// a line of the preamble or of the current item.
func (p *parser) handle(l line, begins bool) {
	if p.meetingLine(l) {
		return
	}
	if p.item != nil {
		if p.item.titleLine(l) {
			return
		}
		p.item.titleOpen = false
	}
	// "Apologies for Absence" under a bare "42." is the item's title.
	titleDue := p.item != nil && p.item.expectTitle
	if kind, names, ok := attendanceLabel(l.text); ok && begins && !(titleDue && names == "") {
		p.endList()
		p.list = &attendanceList{kind: kind}
		if names != "" {
			p.addListLine(names, l.num, true)
		}
		return
	}
	if p.list != nil {
		if p.addListLine(l.text, l.num, false) {
			return
		}
		p.endList()
	}
	if p.item == nil {
		p.preamble(l, begins)
		return
	}
	p.item.add(l, begins)
	p.open = p.item.open
}

// openItem starts an item, or completes the current one when it is still
// empty (Modern.gov's "Agenda item" followed by the title). Text a heading
// ran on into ("72/24 MINUTES RESOLVED that …") is the item's first line.
func (p *parser) openItem(h heading, l line) {
	if h.number != "" {
		p.lastNumber, p.numbered = parseMinuteNumber(h.number), true
	}
	if p.item == nil || !p.item.merge(h) {
		p.closeItem()
		p.placePending()
		p.item = newItemBuilder(p, h)
		p.item.opening, p.opening = p.opening, nil
		p.item.cmisPending = h.cmis
		p.item.item.Documents = append(p.item.item.Documents, p.docs...)
		p.docs = nil
	}
	p.item.source = append(p.item.source, l)
	if h.rest != "" {
		p.item.expectTitle = false
		p.item.add(line{num: l.num, text: h.rest, blankBefore: true}, true)
		p.open = p.item.open
	}
}

// cmisMinute reads a CMIS minute's own number, alone on its line: it numbers
// the agenda item above it, whose text so far was the agenda's, or starts a
// minute of its own.
func (p *parser) cmisMinute(number string) {
	if b := p.item; b != nil && b.cmisPending {
		b.cmisPending = false
		b.item.Number = number
		b.flush()
		b.endSummary(false)
		b.expectTitle = false
		return
	}
	p.openItem(heading{number: number}, line{num: 0})
	p.item.expectTitle = false
}

// closeItem finishes the current item. An item with nothing in it at all
// (a stray "Agenda item") is left out.
func (p *parser) closeItem() {
	if p.item == nil {
		return
	}
	b := p.item
	p.item = nil
	if b.cmisPending {
		// An agenda item with no minute under it: its lines are the agenda's,
		// and the meeting's opening narrative goes on to the next item.
		p.opening = append(b.opening, p.opening...)
		for _, l := range b.source {
			if l.num > 0 {
				p.unplace(l)
			}
		}
		return
	}
	it := b.finish()
	if it.Number == "" && it.Title == "" && it.Time == "" && b.isEmpty() && len(b.opening) == 0 {
		return
	}
	p.res.Meeting.Items = append(p.res.Meeting.Items, it)
}

// openImplicitItem starts an item without a heading, for minutes text that
// has none, and gives it the lines held back so far. A first line that reads
// as a title, with a paragraph break after it, becomes the title.
func (p *parser) openImplicitItem() {
	p.endList()
	p.item = newItemBuilder(p, heading{})
	p.item.expectTitle = false
	pending := p.pending
	p.pending = nil
	if len(pending) > 0 && isTitleish(pending[0].l.text) && (len(pending) == 1 || pending[1].begins) {
		p.item.item.Title = pending[0].l.text
		pending = pending[1:]
	}
	for _, pl := range pending {
		p.item.add(pl.l, pl.begins)
	}
}

// placePending files the lines held back before an item heading: a title
// naming a panel or committee is the body; the narrative of the meeting
// before its first item opens the first item's minutes; the rest is
// unplaced.
//
// The narrative before the first item — the Chair's welcome, a note that the
// meeting was webcast, a tribute — is kept as the opening paragraphs of the
// first item's minutes, before its own text: where the source printed it,
// just under the first heading. It is not made an item of its own, because
// every item of a meeting carries a minute number: an opening item would
// take "1" beside the text's own "1. Apologies". A paragraph is such
// narrative when it reads as prose and either follows the attendance or
// tells what happened ("was", "welcomed"); a web page's notice before the
// minutes ("You can watch them live") is not, and stays unplaced.
func (p *parser) placePending() {
	pending := p.pending
	p.pending = nil
	for len(pending) > 0 {
		n := 1
		for n < len(pending) && !pending[n].begins {
			n++ // the lines of one hard-wrapped paragraph
		}
		para := pending[:n]
		pending = pending[n:]
		if len(p.res.Meeting.Items) == 0 && isOpeningNarrative(para) {
			p.opening = append(p.opening, joinPending(para))
			continue
		}
		for _, pl := range para {
			t := pl.l.text
			if notBodyRE.MatchString(t) {
				continue // "Minutes", "Notes of Meeting": the document's own title
			}
			if p.res.Meeting.Body == "" && isTitleish(t) && bodyWordRE.MatchString(t) {
				p.res.Meeting.Body = t
				continue
			}
			p.unplace(pl.l)
		}
	}
}

// joinPending joins the lines of one paragraph held back.
func joinPending(lines []pendingLine) para {
	var b strings.Builder
	for i, pl := range lines {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pl.l.text)
	}
	return para{text: b.String(), line: lines[0].l.num}
}

// isOpeningNarrative reports whether a paragraph held back before the first
// item is the meeting's narrative (see placePending).
func isOpeningNarrative(para []pendingLine) bool {
	t := joinPending(para).text
	if countWords(t) <= 3 || !endsSentence(t) || strings.HasSuffix(t, ":") || pageNoticeRE.MatchString(t) {
		return false
	}
	return para[0].afterAttendance || meetingNarrativeRE.MatchString(t)
}

// endPending files the lines held back when the text ends. If there was no
// item at all and they hold prose, they are the minutes of one item.
func (p *parser) endPending() {
	if len(p.pending) == 0 {
		return
	}
	if len(p.res.Meeting.Items) == 0 {
		for _, pl := range p.pending {
			if endsSentence(pl.l.text) && countWords(pl.l.text) > 3 {
				p.openImplicitItem()
				p.closeItem()
				return
			}
		}
	}
	p.placePending()
	if len(p.opening) > 0 {
		// No item followed to take the opening narrative: it is the minutes
		// of one.
		p.item = newItemBuilder(p, heading{})
		p.item.opening, p.opening = p.opening, nil
		p.closeItem()
	}
}

// preamble reads a line before the first item: the body, the meeting heading,
// date, time and venue, apologies. A line that can only belong to an item
// starts one; anything else is held back.
func (p *parser) preamble(l line, begins bool) {
	m := &p.res.Meeting
	t := l.text
	venueNext := p.venueNext
	p.venueNext = false
	if body, when, ok := readTitleLine(t); ok && m.Date == "" {
		if m.Body == "" {
			m.Body = body
		}
		m.readDateTime(when)
		return
	}
	switch {
	case m.Date == "" && cmisDateRE.MatchString(t):
		p.takeBody()
		m.readCMISDate(t)
		return
	case isMeetingHeading(t):
		p.takeBody()
		heading, n := p.wrapped(t)
		m.readMeetingHeading(heading)
		p.i += n
		p.venueNext = m.Venue == ""
		return
	case keyLineRE.MatchString(t):
		if !p.keyLine(t) {
			p.unplace(l)
		}
		return
	case isDateLine(t), m.Date == "" && isDateVenueLine(t):
		p.takeBody()
		m.readDateTimeVenue(t)
		p.venueNext = m.Venue == ""
		return
	case m.Body == "" && meetingOfBodyRE.MatchString(t) && bodyWordRE.MatchString(t) && isTitleish(t):
		m.Body = meetingOfBodyRE.FindStringSubmatch(t)[1]
		return
	}
	if tm, ok := isTimeLine(t); ok && m.Date != "" && m.StartTime == "" {
		m.StartTime = tm
		p.venueNext = venueNext && m.Venue == ""
		return
	}
	if hasPrefixFold(t, "apologies") {
		sentence, n := p.wrapped(t)
		if names, ok := apologySentence(sentence); ok {
			p.addNames(names, KindApologies, l.num, true)
			p.i += n
			return
		}
	}
	if mentionsAttendance(t) {
		sentence, n := p.wrapped(t)
		before := p.attendanceRead
		for _, s := range sentences(sentence) {
			p.proseAttendance(s)
		}
		if p.attendanceRead > before {
			p.i += n
			return
		}
	}
	if m.Date != "" && isMembersParagraph(t) {
		// "Councillors Peter Wilkes in the Chair (Ridings Council); Danny …":
		// the members present, with no label.
		sentence, n := p.wrapped(t)
		p.addNames(strings.TrimSuffix(sentence, "."), KindPresent, l.num, true)
		p.i += n
		return
	}
	if venueNext && isVenueish(t) {
		m.Venue = strings.TrimSuffix(t, ".")
		return
	}
	if isItemOnly(t) {
		p.openImplicitItem()
		p.item.add(l, begins)
		p.open = p.item.open
		return
	}
	p.pending = append(p.pending, pendingLine{l: l, begins: begins, afterAttendance: len(p.res.Meeting.Attendance) > 0})
	p.open = true
}

// isMembersParagraph reports whether t lists the members present without a
// label: "Councillors A (Chair), B and C".
func isMembersParagraph(t string) bool {
	if !hasPrefixFold(t, "councillors ") && !hasPrefixFold(t, "cllrs ") {
		return false
	}
	if strings.Count(t, ",")+strings.Count(t, ";") < 2 || readsAsSentence(t) {
		return false
	}
	return true
}

// keyLine reads "Date: …", "Time: …", "Venue: …", and reports whether it
// found what the key promised.
func (p *parser) keyLine(t string) bool {
	m := &p.res.Meeting
	sub := keyLineRE.FindStringSubmatch(t)
	value := strings.TrimSpace(sub[2])
	switch strings.ToLower(sub[1]) {
	case "date":
		if iso, _, _ := findDate(value); iso == "" {
			return false
		}
		p.takeBody()
		m.readDateTimeVenue(value)
	case "time":
		tm := timeRE.FindStringSubmatch(value)
		if tm == nil {
			return false
		}
		if m.StartTime == "" {
			m.StartTime = tm[1]
		}
	default:
		if m.Venue == "" {
			m.Venue = strings.TrimSuffix(value, ".")
		}
	}
	return true
}

// isVenueish reports whether the line after a meeting heading can be the
// venue: short, mostly capitalised words ("Council Chamber, The Gateway,
// Aylesbury", "Virtual meeting via Microsoft Teams"), not a sentence.
func isVenueish(t string) bool {
	words := strings.Fields(t)
	if len(words) > 25 || isItemOnly(t) || strings.ContainsAny(t, "?!;") {
		return false
	}
	lower := 0
	for _, w := range words {
		switch w {
		case "of", "the", "and", "at", "on", "in", "upon", "under", "&":
			continue
		}
		if startsLower(w) {
			lower++
		}
	}
	return lower <= 2
}

// takeBody takes the body's name from the lines held back before a meeting
// heading or date: the nearest that names a body ("… Police and Crime
// Panel", "… Committee"), or failing that the nearest title. "Minutes" and
// "Notes of Meeting" name none.
func (p *parser) takeBody() {
	if p.res.Meeting.Body != "" {
		return
	}
	pick := -1
	for k := len(p.pending) - 1; k >= 0 && k >= len(p.pending)-4; k-- {
		t := p.pending[k].l.text
		if notBodyRE.MatchString(t) || !isTitleish(t) {
			continue
		}
		if bodyWordRE.MatchString(t) && !isCouncilName(t) {
			pick = k
			break
		}
		if pick < 0 {
			pick = k
		}
	}
	if pick < 0 {
		return
	}
	p.res.Meeting.Body = p.pending[pick].l.text
	p.pending = append(p.pending[:pick], p.pending[pick+1:]...)
}

// isCouncilName reports whether t names a council rather than one of its
// committees: "Kingsmere Borough Council". A committee's line is the body.
func isCouncilName(t string) bool {
	lower := strings.ToLower(t)
	return strings.HasSuffix(lower, " council") && !strings.Contains(lower, "committee") && !strings.Contains(lower, "panel")
}

// wrapped returns t with the lines that continue it after a hard wrap joined
// on, and how many lines that took. The caller moves past them if it uses
// the joined text.
func (p *parser) wrapped(t string) (string, int) {
	n := 0
	for ; n < 4 && p.i+n+1 < len(p.lines); n++ {
		cur, next := p.lines[p.i+n], p.lines[p.i+n+1]
		if !p.layout.joins(cur, next) || endsSentence(t) {
			break
		}
		if _, _, ok := attendanceLabel(next.text); ok {
			break
		}
		if _, ok := readHeading(next.text); ok || keyLineRE.MatchString(next.text) {
			break
		}
		if _, _, ok := itemLabel(next.text); ok {
			break
		}
		t += " " + next.text
	}
	return t, n
}

// meetingLine reads the lines that describe the meeting wherever they stand:
// Modern.gov's "Meeting: 15/09/2023 - Body (Item 40)" and "The meeting ended
// at 12.40pm".
func (p *parser) meetingLine(l line) bool {
	t := l.text
	m := &p.res.Meeting
	switch {
	case hasPrefixFold(t, "meeting:"):
		sub := modernGovMeetingRE.FindStringSubmatch(t)
		if sub == nil {
			return false
		}
		if iso, _, _ := findDate(sub[1]); iso != "" && m.Date == "" {
			m.Date = iso
		}
		if m.Body == "" {
			m.Body = sub[2]
		}
		if p.item != nil && p.item.item.Number == "" && sub[3] != "" {
			p.item.item.Number = strings.TrimSpace(sub[3])
		}
		if p.item == nil && sub[3] != "" {
			// A Modern.gov "Issue - meetings" page: the title, then
			// the meeting it went to; the minute follows.
			title := ""
			if n := len(p.pending); n > 0 && isTitleish(p.pending[n-1].l.text) {
				title = p.pending[n-1].l.text
				p.pending = p.pending[:n-1]
			}
			p.openItem(heading{number: strings.TrimSpace(sub[3]), title: title}, l)
			p.item.expectTitle = false
		}
		return true
	case hasPrefixFold(t, "the meeting ") || hasPrefixFold(t, "meeting "):
		sub := meetingEndRE.FindStringSubmatch(t)
		if sub == nil {
			return false
		}
		m.EndTime = sub[1]
		return true
	}
	return false
}

// addListLine adds a line of names to the attendance list. A line that does
// not run on from the one before and does not read as names ends the list
// (false), unless it is the text after the label itself.
func (p *parser) addListLine(t string, num int, afterLabel bool) bool {
	list := p.list
	if list.runsOn(t, p.layout) {
		list.add(t, num)
		return true
	}
	if !afterLabel {
		if !p.listAccepts(t) {
			return false
		}
		pluralIn := list.plural
		plural := pluralIn
		people, bad := parseNames(t, list.kind, &plural)
		if len(bad) > 0 {
			return false
		}
		p.endGroup()
		list.add(t, num)
		// Kept, so that a line that stays a group of its own (one name a
		// line) is read once, not twice.
		list.checked = &checkedGroup{text: t, pluralIn: pluralIn, pluralOut: plural, people: people}
		return true
	}
	p.endGroup()
	list.add(t, num)
	return true
}

// checkedGroup is a line addListLine already read as names.
type checkedGroup struct {
	text                string
	pluralIn, pluralOut bool
	people              []Attendee
}

// endGroup files the names of the list's current group.
func (p *parser) endGroup() {
	list := p.list
	if list.group.Len() == 0 {
		return
	}
	var people []Attendee
	var bad []string
	if c := list.checked; c != nil && c.text == list.group.String() && c.pluralIn == list.plural {
		people, list.plural = c.people, c.pluralOut
	} else {
		people, bad = parseNames(list.group.String(), list.kind, &list.plural)
	}
	list.checked = nil
	for _, a := range people {
		p.addAttendee(a)
	}
	for _, b := range bad {
		p.res.Unplaced = append(p.res.Unplaced, Unplaced{Line: list.groupLine, Text: b})
	}
	list.group.Reset()
	list.depth, list.last = 0, ""
}

// listAccepts reports whether a line can continue an attendance list.
func (p *parser) listAccepts(t string) bool {
	if isItemOnly(t) || isMeetingHeading(t) || isDateLine(t) || keyLineRE.MatchString(t) {
		return false
	}
	if _, ok := apologySentence(t); ok {
		return false
	}
	return !strings.HasPrefix(t, "[") && !hasPrefixFold(t, "meeting")
}

// endList finishes the attendance list.
func (p *parser) endList() {
	if p.list == nil {
		return
	}
	p.endGroup()
	p.list = nil
}

// addAttendee adds a to the attendance once. A name already listed is not
// added again; a member listed as present and then named as a substitute
// becomes the substitute.
func (p *parser) addAttendee(a Attendee) {
	key := strings.ToLower(a.Name)
	if p.seen == nil {
		p.seen = make(map[string]int)
	}
	p.attendanceRead++
	i, ok := p.seen[key]
	if !ok {
		p.seen[key] = len(p.res.Meeting.Attendance)
		p.res.Meeting.Attendance = append(p.res.Meeting.Attendance, a)
		return
	}
	old := &p.res.Meeting.Attendance[i]
	if a.Kind == KindSubstitute && old.Kind == KindPresent {
		old.Kind, old.SubstituteFor = KindSubstitute, a.SubstituteFor
	}
	if old.Role == "" {
		old.Role, old.Note = a.Role, a.Note
	}
}

// addNames adds a list of names of one kind to the attendance, from an
// "Apologies … were received from" sentence. Unreadable parts are unplaced
// when unplaceBad is set (in the preamble; in an item the sentence stays in
// the minutes anyway).
func (p *parser) addNames(names, kind string, num int, unplaceBad bool) []string {
	plural := false
	people, bad := parseNames(names, kind, &plural)
	var added []string
	for _, a := range people {
		p.addAttendee(a)
		if a.Kind == kind {
			added = append(added, a.Name)
		}
	}
	if unplaceBad {
		for _, b := range bad {
			p.res.Unplaced = append(p.res.Unplaced, Unplaced{Line: num, Text: b})
		}
	}
	return added
}

// unplace records a line the parser could not place.
func (p *parser) unplace(l line) {
	p.res.Unplaced = append(p.res.Unplaced, Unplaced{Line: l.num, Text: l.text})
}
