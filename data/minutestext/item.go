package minutestext

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// destination says where a paragraph of an item goes.
type destination int

const (
	toNone destination = iota
	toPre              // before any label: the summary, or the narrative if no label follows
	toNarrative
	toQuestion
	toAnswer
	toResolution
)

// answerMode says how the last question's answer stands.
type answerMode int

const (
	noAnswer      answerMode = iota
	bracketOpen              // "[The PCC replied …" still waiting for its "]"
	bracketClosed            // "… ]" seen
	proseAnswer              // "The PCC replied …" without brackets
)

// para is one paragraph and the source line it starts on.
type para struct {
	text string
	line int
}

// questionBuilder gathers one question while it is read.
type questionBuilder struct {
	number  string
	askedBy string
	text    []para
	answer  []para
}

// resolutionBuilder gathers one resolution: its first line and its parts.
type resolutionBuilder struct {
	as       string
	lines    []para
	decision bool // the text of a "Decision:" block
	listOpen bool // a line led into a list ("… Groups –"), whose entries follow
}

// itemBuilder reads the lines of one item.
type itemBuilder struct {
	p    *parser
	item Item

	source      []line // every line read into the item
	cmisPending bool   // a CMIS agenda item whose minute number has not come yet
	expectTitle bool   // after a bare number or "Agenda item": the next line may be the title
	titleOpen   bool   // the title was just read: a wrapped title may run on
	summaryOpen bool   // paragraphs still go to pre
	pre         []para
	summary     []para
	narrative   []para
	opening     []para // the meeting's narrative before its first item, which opens this one's minutes

	questions       []*questionBuilder
	questionsAfter  int
	numbered        bool   // the questions carry numbers
	lastNumber      int    // of the last numbered question
	questionSection bool   // after "Members' Questions:" or a "Councillor X:" heading
	asker           string // from a "Councillor X:" heading
	mode            answerMode
	depth           int // open square brackets in a bracketed answer
	resolutions     []*resolutionBuilder
	awaiting        bool // a bare "Resolved:" waits for its text
	inDecision      bool
	listLead        string // the kind of attendee a lead-in ("Apologies were received from:") lists next
	inDocuments     bool
	last            destination // where the last paragraph went
	afterMoved      bool        // the paragraph before ended "moved by …, seconded by … and"
	paraNumber      string      // a paragraph's number alone on the line before it: "8.1"
	firstParaNumber string      // the first such number, which may number the item: "8.1" in minute 8
	hasContent      bool

	cur     strings.Builder // the paragraph being read
	curDest destination
	curLine int
	open    bool
}

// newItemBuilder starts an item from its heading.
func newItemBuilder(p *parser, h heading) *itemBuilder {
	b := &itemBuilder{p: p, summaryOpen: true}
	b.item.Number, b.item.Title, b.item.Time = h.number, h.title, h.time
	b.expectTitle = h.title == ""
	b.titleOpen = h.title != ""
	return b
}

// isEmpty reports whether nothing but a heading has been read.
func (b *itemBuilder) isEmpty() bool {
	return !b.hasContent && !b.open && len(b.item.Documents) == 0
}

// titleLine reports whether l continues a title wrapped over two lines, and
// if so adds it to the title.
func (b *itemBuilder) titleLine(l line) bool {
	t := stripPDFSize(l.text)
	if !b.titleOpen || l.blankBefore || t == "" || !titleRunsOn(b.item.Title, t) {
		return false
	}
	b.item.Title += " " + t
	return true
}

// merge takes a second heading into an empty item: Modern.gov puts "Agenda
// item" and the title on lines of their own.
func (b *itemBuilder) merge(h heading) bool {
	if !b.isEmpty() || h.number != "" && b.item.Number != "" || h.title != "" && b.item.Title != "" {
		return false
	}
	if h.number != "" {
		b.item.Number = h.number
	}
	if h.title != "" {
		b.item.Title = h.title
		b.expectTitle, b.titleOpen = false, true
	}
	if h.time != "" && b.item.Time == "" {
		b.item.Time = h.time
	}
	return true
}

// add reads one line of the item. begins says whether the line starts a new
// paragraph rather than continuing a hard-wrapped one.
func (b *itemBuilder) add(l line, begins bool) {
	b.source = append(b.source, l)
	expectTitle := b.expectTitle
	b.expectTitle, b.titleOpen = false, false
	if b.structure(l) {
		b.paraNumber = "" // "8.4" / "RESOLVED: …": the number was the resolution's
		return
	}
	if begins && paraNumberAloneRE.MatchString(l.text) && !b.inDocuments {
		// "8.1" alone: the number of the paragraph on the next line.
		b.flush()
		b.paraNumber = l.text
		if b.firstParaNumber == "" {
			b.firstParaNumber = l.text
		}
		return
	}
	if b.inDocuments && begins && (readsAsMinutes(l.text) || l.gap >= 2 && stripPDFSize(l.text) == l.text) {
		// "Additional documents:" lists names; the minute follows them.
		b.inDocuments = false
	}
	if b.inDocuments {
		b.document(l)
		return
	}
	if title := stripPDFSize(l.text); expectTitle && begins && isTitleish(title) && b.isEmpty() {
		b.item.Title, b.titleOpen = title, true
		return
	}
	if before, as, rest, ok := midResolution(l.text); ok && !(b.mode == bracketOpen && b.last == toAnswer) {
		// "Following discussion the Panel RESOLVED that …": the narrative
		// stays the minute's, the rest is the resolution.
		if !begins && b.open {
			b.extend(before, l.num)
		} else {
			b.flush()
			b.begin(before, l.num)
		}
		b.startResolution(as, rest, l.num)
		return
	}
	// A part of a resolution starts its own line even when the line before
	// runs on ("RESOLVED: That" / "(a) the report be noted").
	if !begins && b.open && !(b.curDest == toResolution && isPartMarker(l.text)) {
		b.extend(l.text, l.num)
		return
	}
	b.flush()
	t := l.text
	if b.paraNumber != "" {
		t, b.paraNumber = b.paraNumber+" "+t, ""
	}
	b.begin(t, l.num)
}

// structure handles the lines whose shape alone says what they are, wherever
// they stand: labels, a time, "RESOLVED", bullets and question headings.
func (b *itemBuilder) structure(l line) bool {
	t := l.text
	if l.restricted {
		b.item.Exempt = true
		return true
	}
	if label, rest, ok := itemLabel(t); ok {
		b.flush()
		b.inDocuments, b.inDecision = false, false
		b.last, b.mode, b.questionSection = toNone, noAnswer, false
		switch label {
		case labelDocuments:
			b.inDocuments = true
			if rest != "" {
				b.document(line{num: l.num, text: rest})
			}
			return true
		case labelDecision:
			b.inDecision = true
		}
		b.endSummary(false)
		if rest != "" {
			// "Minutes: RESOLVED That …" on one line
			if r := (line{num: l.num, text: rest, blankBefore: true}); !b.structure(r) {
				b.begin(rest, l.num)
			}
		}
		return true
	}
	if tm, ok := isTimeLine(t); ok && b.item.Time == "" && (!b.hasContent && !b.open || b.timeMayFollow(l)) {
		b.item.Time = tm
		return true
	}
	if as, rest, ok := resolution(stripParagraphNumber(t)); ok {
		// "RESOLVED – That …", also after a paragraph's number: "(4)
		// RESOLVED that …", "4.6 Resolved: That …"
		b.startResolution(as, rest, l.num)
		return true
	}
	if s := stripParagraphNumber(t); mentionsResolved(head(s, 100)) {
		if loc := bodyResolvedRE.FindStringSubmatchIndex(head(s, 100)); loc != nil {
			// "The Panel RESOLVED to …", "COUNCIL RESOLVED – That …"
			rest := strings.TrimSpace(s[loc[1]:])
			if hasPrefixFold(rest, "that ") {
				rest = "That" + rest[len("that"):]
			}
			b.startResolution(normaliseSpaces(s[loc[2]:loc[3]]), rest, l.num)
			return true
		}
	}
	if isQuestionsLabel(t) {
		b.flush()
		b.endSummary(true)
		b.questionSection, b.asker, b.last = true, "", toNone
		return true
	}
	if name, ok := askerHeading(t); ok {
		b.flush()
		b.endSummary(true)
		b.questionSection, b.asker, b.last = true, name, toNone
		return true
	}
	if rest, ok := bullet(t); ok && !b.inDocuments {
		b.flush()
		b.bullet(t, rest, l.num)
		return true
	}
	return false
}

// mentionsResolved is a cheap test for the word RESOLVED in any case.
func mentionsResolved(t string) bool {
	return strings.Contains(t, "RESOLVED") || strings.Contains(t, "esolved")
}

// timeMayFollow reports whether a time alone on a line can still be the
// item's time: it comes after no more than the agenda's text, before any
// question or decision ("To consider a report …" / "11.30 a.m.").
func (b *itemBuilder) timeMayFollow(l line) bool {
	return l.blankBefore && len(b.narrative)+len(b.pre)+len(b.summary) <= 2 && len(b.questions) == 0 && len(b.resolutions) == 0
}

// bullet places a bulleted line: a resolution part, a bulleted question, a
// point of a reply that ended with a colon, or a narrative paragraph.
func (b *itemBuilder) bullet(t, rest string, num int) {
	switch {
	case b.last == toResolution:
		b.openPara(toResolution, t, num)
	case b.last == toAnswer && (b.mode == bracketOpen || b.lastAnswerEndsWithColon()):
		b.answerParagraph(t, num)
	case !b.numbered && (b.questionSection || isQuestionish(rest)):
		b.newQuestion("", rest, num)
	default:
		b.text(t, num)
	}
}

// lastAnswerEndsWithColon reports whether the last answer paragraph leads
// into a list.
func (b *itemBuilder) lastAnswerEndsWithColon() bool {
	if len(b.questions) == 0 {
		return false
	}
	a := b.questions[len(b.questions)-1].answer
	return len(a) > 0 && strings.HasSuffix(a[len(a)-1].text, ":")
}

// begin places a paragraph by its opening words and by what came before it.
func (b *itemBuilder) begin(t string, num int) {
	if text, owner, ok := actionLine(stripParagraphNumber(t)); ok && !(b.mode == bracketOpen && b.last == toAnswer) {
		b.actionLine(text, owner, num)
		return
	}
	if b.last == toResolution && b.resolutionContinues(t) {
		b.openPara(toResolution, t, num)
		return
	}
	afterMoved := b.afterMoved
	b.afterMoved = false
	s := stripParagraphNumber(t)
	inReply := b.mode == bracketOpen && b.last == toAnswer
	if !inReply {
		switch {
		case len(s) <= 9 && wholeDecisionRE.MatchString(s): // one word: "approved."
			// "Agreed.", "RECEIVED.": the whole minute is the decision.
			b.startResolution("", s, num)
			b.last, b.awaiting = toResolution, false
			return
		case isBareThat(s), afterMoved && isDecisionClause(s),
			b.last != toQuestion && b.last != toAnswer && isPartMarker(t) && isDecisionClause(t):
			// A resolution whose "RESOLVED" was lost in the copy.
			b.startResolution("", t, num)
			return
		}
	}
	if n, rest, ok := questionMarker(t); ok && b.acceptsQuestion(n, rest) {
		b.numbered, b.lastNumber = true, n
		b.newQuestion(strconv.Itoa(n), rest, num)
		return
	}
	lastIsQA := b.last == toQuestion || b.last == toAnswer
	switch {
	case startsBracketReply(t) && lastIsQA && len(b.questions) > 0:
		b.startBracketAnswer(t[1:], num)
	case b.last == toAnswer && b.mode == bracketOpen:
		b.answerParagraph(t, num)
	case b.last == toQuestion && isAnswerOpener(s):
		b.mode = proseAnswer
		b.answerParagraph(t, num)
	case b.last == toAnswer && b.mode == proseAnswer:
		switch {
		case !b.numbered && isQuestionish(s):
			b.newQuestion("", stripListMarker(t), num)
		case isNarrativeOpener(t):
			b.text(t, num)
		default:
			b.answerParagraph(t, num)
		}
	case b.last == toAnswer: // the bracket has closed
		if b.questionSection && !b.numbered && isQuestionish(t) {
			b.newQuestion("", t, num)
		} else {
			b.text(t, num)
		}
	case b.last == toQuestion && b.questionSection && isQuestionish(s):
		b.newQuestion("", s, num)
	case !b.numbered && !inReply && b.isProseQuestion(s):
		b.newQuestion("", stripListMarker(t), num)
	case b.last == toQuestion:
		if isNarrativeOpener(t) {
			b.text(t, num)
		} else {
			b.openPara(toQuestion, t, num)
		}
	case b.questionSection && len(b.questions) == 0 && !strings.HasSuffix(t, ":"):
		b.newQuestion("", s, num)
	case b.questionSection && b.asker != "" && isQuestionish(t):
		b.newQuestion("", t, num)
	case b.inDecision:
		b.decisionParagraph(t, num)
	default:
		b.text(t, num)
	}
}

// resolutionContinues reports whether a paragraph after a resolution belongs
// to it: a part marker, the text a bare "Resolved:" waits for, or "That …"
// after a resolution ending with a colon.
func (b *itemBuilder) resolutionContinues(t string) bool {
	if b.awaiting || isPartMarker(t) {
		return true
	}
	r := b.resolutions[len(b.resolutions)-1]
	if len(r.lines) == 0 {
		return true
	}
	lastLine := r.lines[len(r.lines)-1].text
	for _, end := range []string{":", ":-", ":–", " –", " -", ", and", "; and", "; or"} {
		if strings.HasSuffix(lastLine, end) {
			r.listOpen = end != ", and" && end != "; and" && end != "; or" || r.listOpen
			return true
		}
	}
	if r.listOpen && countWords(t) <= 20 && !endsSentence(lastLine) {
		// The entries of a list inside the resolution: "Education and
		// Children's Services – Councillor Rhian Tomos".
		return true
	}
	return r.decision && b.inDecision
}

// acceptsQuestion reports whether "(n) rest" starts a new question. Inside
// an unclosed bracketed reply only the next number does; unless a
// "Questions" heading came first, the first question must be (1) and read
// as a question; and the text after the number must start with a capital.
func (b *itemBuilder) acceptsQuestion(n int, rest string) bool {
	if rest != "" && !startsUpper(rest) {
		return false
	}
	last := b.lastNumber
	switch {
	case b.last == toAnswer && b.mode == bracketOpen:
		return n == last+1
	case last == 0 && b.questionSection:
		return true
	case last == 0:
		// "(1) Crime figures;" in a list is not a question.
		return n == 1 && isQuestionish(rest)
	}
	return n > last
}

// newQuestion starts a question. A reply that begins on the same line, after
// the question mark, is split off.
func (b *itemBuilder) newQuestion(number, t string, num int) {
	b.flush()
	b.endSummary(true)
	if len(b.questions) == 0 {
		b.questionsAfter = len(b.narrative)
	}
	q := &questionBuilder{number: number, askedBy: b.asker}
	if asker, rest := askerInline(t); asker != "" {
		q.askedBy, t = asker, rest
	} else if asker, ok := proseQuestion(t); ok && asker != "" {
		q.askedBy = asker
	}
	b.questions = append(b.questions, q)
	b.mode, b.depth = noAnswer, 0
	question, reply := splitInlineReply(t)
	b.openPara(toQuestion, question, num)
	if reply != "" {
		b.flush()
		b.begin(reply, num)
	}
}

// splitInlineReply cuts "What is…? [The PCC replied …]" or "What is…? The PCC
// replied …" into question and reply.
func splitInlineReply(t string) (question, reply string) {
	for i := strings.IndexAny(t, "?."); i >= 0 && i+1 < len(t); {
		rest := strings.TrimSpace(t[i+1:])
		if t[i] == '?' && startsBracketReply(rest) || (t[i] == '?' || t[i+1] == ' ' && !isInitialBefore(t, i)) && isAnswerSentence(rest) {
			return strings.TrimSpace(t[:i+1]), rest
		}
		j := strings.IndexAny(t[i+1:], "?.")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return t, ""
}

// splitNextQuestion cuts an answer where a hard-wrapped paragraph runs on
// into the next member's question: "… teams. Mr Clifton asked how …".
func splitNextQuestion(answer string) (string, string) {
	for i := strings.Index(answer, ". "); i > 0; {
		rest := answer[i+2:]
		if !isInitialBefore(answer, i) {
			if _, ok := proseQuestion(rest); ok {
				return answer[:i+1], rest
			}
		}
		j := strings.Index(rest, ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return answer, ""
}

// isProseQuestion reports whether a paragraph is a member's question written
// as prose: "Councillor X asked whether …", "A Member asked …".
func (b *itemBuilder) isProseQuestion(t string) bool {
	if b.last == toAnswer && b.mode == bracketClosed && b.numbered {
		return false
	}
	_, ok := proseQuestion(stripListMarker(t))
	return ok
}

// actionLine makes an action from a line such as "Action – TM/PB to bring a
// plan to the April Board": the line becomes the minute's sentence with the
// tag the store reads, its owner the people the initials stand for.
func (b *itemBuilder) actionLine(text, owner string, num int) {
	sentence := strings.TrimSpace(text)
	if !endsSentence(sentence) {
		sentence += "."
	}
	b.text(sentence+" [Action: "+b.p.ownerNames(owner)+"]", num)
}

// startBracketAnswer starts (or adds to) the last question's answer with the
// text after its opening "[".
func (b *itemBuilder) startBracketAnswer(t string, num int) {
	b.mode, b.depth = bracketOpen, 1
	b.answerParagraph(t, num)
}

// answerParagraph adds a paragraph to the last question's answer, looking for
// the bracket that closes it.
func (b *itemBuilder) answerParagraph(t string, num int) {
	b.endSummary(true)
	if b.mode != bracketOpen {
		if b.mode == noAnswer {
			b.mode = proseAnswer
		}
		b.openPara(toAnswer, t, num)
		return
	}
	b.openPara(toAnswer, "", num)
	b.extend(t, num)
}

// extend adds a hard-wrapped line to the paragraph being read.
func (b *itemBuilder) extend(t string, num int) {
	if b.curDest == toAnswer && b.mode == bracketOpen {
		i, depth := closingBracket(t, b.depth)
		b.depth = depth
		if i >= 0 {
			b.appendText(t[:i])
			b.flush()
			b.mode = bracketClosed
			b.afterBracket(t[i+1:], num)
			return
		}
	}
	b.appendText(t)
}

// afterBracket places what follows a reply's closing bracket on its line: an
// action tag stays with the answer, any other text starts a paragraph.
func (b *itemBuilder) afterBracket(rest string, num int) {
	rest = strings.TrimSpace(rest)
	switch {
	case !containsLetter(rest):
	case isOnlyTags(rest):
		q := b.questions[len(b.questions)-1]
		if n := len(q.answer); n > 0 {
			q.answer[n-1].text += " " + rest
		} else {
			q.answer = append(q.answer, para{rest, num})
		}
	default:
		b.begin(rest, num)
	}
}

// appendText joins a wrapped line onto the paragraph: with a space, or with
// none after a hyphen that ends a word ("co-\nordinate").
func (b *itemBuilder) appendText(t string) {
	if t = strings.TrimSpace(t); t == "" {
		return
	}
	if b.cur.Len() > 0 {
		s := b.cur.String()
		if !(strings.HasSuffix(s, "-") && len(s) > 1 && s[len(s)-2] != ' ' && startsLower(t)) {
			b.cur.WriteByte(' ')
		}
	}
	b.cur.WriteString(t)
}

// openPara starts a new paragraph for dest.
func (b *itemBuilder) openPara(dest destination, t string, num int) {
	b.flush()
	b.curDest, b.curLine, b.open = dest, num, true
	b.last = dest
	b.hasContent = true
	b.appendText(t)
}

// text starts a narrative paragraph (or a summary one, before any label).
func (b *itemBuilder) text(t string, num int) {
	b.questionSection = b.questionSection && b.last != toAnswer
	if b.summaryOpen {
		b.openPara(toPre, t, num)
	} else {
		b.openPara(toNarrative, t, num)
	}
}

// startResolution starts a resolution from "RESOLVED – rest".
func (b *itemBuilder) startResolution(as, rest string, num int) {
	b.flush()
	b.endSummary(!b.inDecision)
	b.resolutions = append(b.resolutions, &resolutionBuilder{as: as, decision: b.inDecision})
	b.questionSection, b.mode = false, noAnswer
	b.last, b.hasContent = toResolution, true
	b.awaiting = rest == ""
	if rest != "" {
		b.openPara(toResolution, rest, num)
	}
}

// decisionParagraph adds the text of a "Decision:" block that has no
// "RESOLVED": the block is one resolution, a line a paragraph.
func (b *itemBuilder) decisionParagraph(t string, num int) {
	if b.last != toResolution || !b.resolutions[len(b.resolutions)-1].decision {
		b.resolutions = append(b.resolutions, &resolutionBuilder{decision: true})
	}
	b.openPara(toResolution, t, num)
}

// paraNumberAloneRE matches a paragraph's number alone on its line: "8.1",
// "(3)".
var paraNumberAloneRE = regexp.MustCompile(`^(?:\d{1,3}\.\d{1,3}\.?|\(\d{1,3}\)\.?)$`)

// readsAsMinutes reports whether a line under a documents label is the
// minute's text rather than a document's name: a sentence.
func readsAsMinutes(t string) bool {
	t = stripPDFSize(t)
	if _, ok := bullet(t); ok {
		return true
	}
	return countWords(t) > 6 && (endsSentence(t) || readsAsSentence(t))
}

// document adds a line under "Supporting documents:".
func (b *itemBuilder) document(l line) {
	t := stripPDFSize(l.text)
	switch {
	case t == "":
	case countWords(t) > 25:
		b.p.unplace(l)
	default:
		b.item.Documents = append(b.item.Documents, t)
	}
}

// endSummary closes the summary: the paragraphs read so far before any label
// become the report summary, or, when toNarrative, the first narrative.
func (b *itemBuilder) endSummary(toNarrative bool) {
	if !b.summaryOpen {
		return
	}
	b.flush()
	b.summaryOpen = false
	if toNarrative {
		b.narrative = append(b.pre, b.narrative...)
	} else {
		b.summary = append(b.summary, b.pre...)
	}
	b.pre = nil
}

// flush ends the paragraph being read and files it.
func (b *itemBuilder) flush() {
	if !b.open {
		return
	}
	b.open = false
	t := strings.TrimSpace(b.cur.String())
	b.cur.Reset()
	p := para{t, b.curLine}
	switch b.curDest {
	case toPre, toNarrative:
		if t == "" {
			return
		}
		b.noteNarrative(t)
		if strings.HasSuffix(t, ":") && questionsFollowRE.MatchString(head(t, 200)) {
			b.questionSection = true // "Members asked the following questions:"
			if m := questionsFromRE.FindStringSubmatch(t); m != nil {
				b.asker = trimName(m[1]) // "Two questions were received from Mr Hale:"
			}
		}
		b.afterMoved = strings.Contains(t, "seconded") && movedRE.MatchString(t) || strings.Contains(t, "vote") && putToVoteRE.MatchString(t)
		if b.curDest == toPre && b.summaryOpen {
			b.pre = append(b.pre, p)
		} else {
			b.narrative = append(b.narrative, p)
		}
	case toQuestion:
		q := b.questions[len(b.questions)-1]
		if t == "" {
			return
		}
		if b.mode == noAnswer && len(q.answer) == 0 {
			// A question hard-wrapped with its answer: "… officers. The
			// PCC replied that …"
			if question, reply := splitInlineReply(t); reply != "" && !startsBracketReply(reply) {
				q.text = append(q.text, para{question, b.curLine})
				answer, next := splitNextQuestion(reply)
				q.answer = append(q.answer, para{answer, b.curLine})
				b.mode, b.last = proseAnswer, toAnswer
				if next != "" {
					// The paragraph ran on into the next member's question.
					b.newQuestion("", next, b.curLine)
					b.flush()
				}
				return
			}
		}
		q.text = append(q.text, p)
	case toAnswer:
		q := b.questions[len(b.questions)-1]
		if t != "" {
			q.answer = append(q.answer, p)
		}
	case toResolution:
		r := b.resolutions[len(b.resolutions)-1]
		if t != "" {
			r.lines = append(r.lines, p)
			b.awaiting = false
		}
	}
}

// noteNarrative picks up what a narrative paragraph tells about the meeting:
// apologies, and an exempt item's Schedule 12A paragraph.
func (b *itemBuilder) noteNarrative(t string) {
	lead := b.listLead
	b.listLead = ""
	if lead != "" && mentionsAttendance(t) {
		lead = "" // a sentence of its own: "Councillor A substituted for Councillor B."
	}
	switch lead {
	case KindSubstitute:
		if sub, forWhom, ok := listSubstitute(t); ok {
			b.p.addAttendee(Attendee{Name: sub, Kind: KindSubstitute, SubstituteFor: forWhom})
			b.listLead = lead
		}
	case KindApologies:
		name := trimName(stripListMarker(t))
		plural := false
		if people, bad := parseNames(name, KindApologies, &plural); len(bad) == 0 && len(people) > 0 && len(name) < 80 {
			for _, a := range people {
				b.p.addAttendee(a)
			}
			b.listLead = lead
		}
	}
	switch {
	case (strings.HasSuffix(t, ":") || strings.HasSuffix(t, ":-")) && apologyLeadRE.MatchString(t):
		b.listLead = KindApologies
	case (strings.HasSuffix(t, ":") || strings.HasSuffix(t, ":-")) && strings.Contains(t, "ubstitut") && substituteLeadRE.MatchString(t):
		b.listLead = KindSubstitute
	case b.listLead == "" && mentionsAttendance(t):
		for _, s := range sentences(t) {
			b.p.proseAttendance(s)
		}
	}
	if !strings.Contains(t, "12A") && !strings.Contains(t, "12a") {
		return
	}
	if m := schedule12ARE.FindStringSubmatch(t); m != nil {
		b.item.Exempt = true
		if b.item.ExemptParagraph == "" {
			b.item.ExemptParagraph = m[1]
		}
	}
}

// sentences cuts a paragraph after each full stop that a space and a capital
// follow.
func sentences(t string) []string {
	var out []string
	for {
		i := strings.Index(t, ". ")
		for i >= 0 && (!startsUpper(t[i+2:]) || isInitialBefore(t, i)) {
			j := strings.Index(t[i+2:], ". ")
			if j < 0 {
				i = -1
				break
			}
			i += 2 + j
		}
		if i < 0 {
			return append(out, t)
		}
		out = append(out, t[:i+1])
		t = t[i+2:]
	}
}

// isInitialBefore reports whether the full stop at t[i] ends an initial or
// an abbreviation ("K. Evans", "Mr. Smith", "No. 4") rather than a sentence.
func isInitialBefore(t string, i int) bool {
	j := strings.LastIndexByte(t[:i], ' ') + 1
	word := t[j:i]
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return true
	}
	return isAbbreviation(word + ".")
}

// finish returns the item read.
func (b *itemBuilder) finish() Item {
	b.flush()
	b.endSummary(true)
	if len(b.opening) > 0 {
		b.narrative = append(b.opening, b.narrative...)
		if len(b.questions) > 0 {
			b.questionsAfter += len(b.opening)
		}
	}
	it := b.item
	if it.Number == "" && b.firstParaNumber != "" && strings.Contains(b.firstParaNumber, ".") {
		// Paragraphs numbered "8.1", "8.2" belong to minute 8.
		it.Number, _, _ = strings.Cut(b.firstParaNumber, ".")
	}
	it.ReportSummary = joinParas(b.summary, "\n\n")
	it.Minutes = joinParas(b.narrative, "\n\n")
	if len(b.questions) > 0 {
		it.QuestionsAfter = b.questionsAfter
	}
	var found []foundAction
	found = append(found, actionsIn(b.summary, "\n\n", SourceMinutes, 0)...)
	found = append(found, actionsIn(b.narrative, "\n\n", SourceMinutes, 0)...)
	for i, qb := range b.questions {
		q := Question{
			Number:   qb.number,
			AskedBy:  qb.askedBy,
			Question: joinParas(qb.text, "\n\n"),
			Answer:   joinParas(qb.answer, "\n\n"),
		}
		if loc := answerLabelRE.FindStringIndex(q.Answer); loc != nil {
			q.Answer = strings.TrimSpace(q.Answer[loc[1]:]) // "Response: …"
		}
		q.AnsweredBy = answeredBy(q.Answer)
		it.Questions = append(it.Questions, q)
		found = append(found, actionsIn(qb.text, "\n\n", SourceQuestion, i+1)...)
		found = append(found, actionsIn(qb.answer, "\n\n", SourceAnswer, i+1)...)
	}
	seen := make(map[string]bool)
	narrative := make(map[string]bool)
	for _, p := range b.narrative {
		narrative[p.text] = true
	}
	for _, r := range b.resolutions {
		text := joinParas(r.lines, "\n")
		if text == "" || seen[text] || r.decision && r.as == "" && copiesNarrative(r, narrative) {
			// A "Decision:" block that repeats the minutes word for word
			// ("Apologies were received from …") records no decision.
			continue
		}
		seen[text] = true
		it.Resolutions = append(it.Resolutions, text)
		it.ResolvedAs = append(it.ResolvedAs, r.as)
		found = append(found, actionsIn(r.lines, "\n", SourceMinutes, 0)...)
	}
	slices.SortStableFunc(found, func(x, y foundAction) int {
		if x.line != y.line {
			return x.line - y.line
		}
		return x.offset - y.offset
	})
	for _, f := range found {
		it.Actions = append(it.Actions, f.action)
	}
	return it
}

// copiesNarrative reports whether every line of a decision block is also a
// paragraph of the item's narrative.
func copiesNarrative(r *resolutionBuilder, narrative map[string]bool) bool {
	for _, p := range r.lines {
		if !narrative[p.text] {
			return false
		}
	}
	return len(r.lines) > 0
}

// foundAction is an action and where its tag stood in the source, to put
// the actions of an item in source order.
type foundAction struct {
	action       Action
	line, offset int
}

// actionsIn finds the action tags in paragraphs joined with sep, as the item
// will hold them, so a store running FindActionTags on the same text finds
// the same tags.
func actionsIn(paras []para, sep, source string, question int) []foundAction {
	text := joinParas(paras, sep)
	if !strings.Contains(text, "[") {
		return nil
	}
	var found []foundAction
	k, start := 0, 0 // paras[k] starts at byte start of text
	for _, tag := range FindActionTags(text) {
		for k+1 < len(paras) && tag.Start >= start+len(paras[k].text)+len(sep) {
			start += len(paras[k].text) + len(sep)
			k++
		}
		found = append(found, foundAction{
			action: Action{Owner: tag.Owner, Text: tag.Text, Source: source, Question: question},
			line:   paras[k].line, offset: tag.Start - start,
		})
	}
	return found
}

// joinParas joins paragraph texts with sep.
func joinParas(paras []para, sep string) string {
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = p.text
	}
	return strings.Join(texts, sep)
}
