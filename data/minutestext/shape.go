package minutestext

import (
	"regexp"
	"strings"
)

// This file is the second stage of reading: before any line is classified,
// the whole text is measured — whether it was hard-wrapped, whether a blank
// line follows every line, whether it is a table or a CMIS page, how its items
// are numbered and which lines head them — and the lines that start items
// are marked. The third stage (parse.go, item.go) then reads each region.

// docShape is what the text as a whole says about how to read it.
type docShape struct {
	layout
	soft  bool // a blank line after every line (a PDF copy): one blank line does not end a paragraph
	table bool // a web page's table copied as text: each row is an item
	cmis  bool // a CMIS meeting page: agenda numbers, then each minute's own number alone on a line
	// decimalParas is set when the text numbers its paragraphs "5.1", "5.2":
	// such numbers are paragraphs, never items.
	decimalParas bool
}

// mark says what stage two decided about a line.
type mark struct {
	head    *heading // the line heads an item
	cmisNo  string   // a CMIS minute's own number, alone on its line
	doc     string   // a CMIS document ("1. Pdf Appendix A (15Kb)") of the minute that follows
	dropped bool     // a page number: not part of the minutes
}

// shapeText measures the lines and marks those that head items. It may drop
// page numbers and, for a text with a blank line after every line, make one
// blank line mean no more than a line break.
func shapeText(lines []line) ([]line, []mark, docShape) {
	var shape docShape
	shape.soft = blankAfterEveryLine(lines)
	if shape.soft {
		for i := range lines {
			if lines[i].gap < startGap {
				lines[i].gap = max(0, lines[i].gap-1)
			}
			lines[i].blankBefore = lines[i].gap > 0
		}
	}
	shape.table = isTable(lines)
	shape.cmis = isCMIS(lines)
	lines = dropPageNumbers(lines, shape.cmis)
	shape.layout = measureLayout(lines)
	shape.decimalParas = numbersParagraphs(lines, shape.layout)
	m := &marker{lines: lines, shape: shape, marks: make([]mark, len(lines))}
	switch {
	case shape.cmis:
		m.markCMIS()
	case shape.table:
		m.markRows()
	default:
		m.markHeadings()
	}
	return lines, m.marks, shape
}

// blankAfterEveryLine reports whether the text has a blank line after nearly
// every line and reads as hard-wrapped across them: lines stop mid-sentence
// and the line after the blank carries on.
func blankAfterEveryLine(lines []line) bool {
	if len(lines) < 6 {
		return false
	}
	single, runOn, long, overlong := 0, 0, 0, 0
	for _, l := range lines {
		if l.runes > 130 {
			overlong++ // a paragraph on one line: not a page's wrapped line
		}
	}
	if overlong*10 > len(lines) {
		return false
	}
	for i := 1; i < len(lines); i++ {
		if lines[i].gap == 1 {
			single++
		}
		if lines[i].gap >= 1 && lines[i-1].runes >= 50 {
			long++
			if !endsSentence(lines[i-1].text) {
				runOn++
			}
		}
	}
	return single*10 >= (len(lines)-1)*8 && runOn >= 3 && runOn*4 >= long
}

// isTable reports whether rows were found: a table copied from a web page.
func isTable(lines []line) bool {
	rows := 0
	for _, l := range lines {
		if l.rowStart {
			rows++
		}
	}
	return rows >= 2
}

var cmisDateRE = regexp.MustCompile(`^\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}\s+-\s+\d{1,2}:\d{2}\s+to\s+\d{1,2}:\d{2}$`)

// isCMIS reports whether the text is a CMIS meeting page: its heading gives
// the date as "1 Jun 2023 - 14:30 to 17:00".
func isCMIS(lines []line) bool {
	for i, l := range lines {
		if i > 40 {
			break
		}
		if cmisDateRE.MatchString(l.text) {
			return true
		}
	}
	return false
}

// isLoneNumber reports whether t is one to four digits alone: a page number.
func isLoneNumber(t string) bool {
	if len(t) == 0 || len(t) > 4 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// dropPageNumbers drops the lone numbers that are page numbers. A number
// alone on its line is kept when it can be a minute's number: on a CMIS page,
// or with a title on the next line.
func dropPageNumbers(lines []line, cmis bool) []line {
	out := make([]line, 0, len(lines))
	pageBreak := false
	for i, l := range lines {
		if isLoneNumber(l.text) {
			next := ""
			if i+1 < len(lines) {
				next = lines[i+1].text
			}
			keep := cmis || next != "" && isTitleish(stripPDFSize(next)) && !isLoneNumber(next)
			if !keep {
				pageBreak = true
				continue
			}
		}
		l.pageBreak = l.pageBreak || pageBreak
		pageBreak = false
		out = append(out, l)
	}
	return out
}

// numbersParagraphs reports whether the text numbers its paragraphs with
// decimals ("5.1 The Panel received …"): most decimal-numbered lines read as
// sentences rather than titles.
func numbersParagraphs(lines []line, lay layout) bool {
	decimals, sentences := 0, 0
	for i, l := range lines {
		if l.text == "" || l.text[0] < '0' || l.text[0] > '9' {
			continue
		}
		loc := decimalRE.FindStringIndex(head(l.text, 20)) // the number is at the start
		if loc == nil {
			continue
		}
		decimals++
		rest := strings.TrimSpace(l.text[loc[1]:])
		next := ""
		if i+1 < len(lines) {
			next = lines[i+1].text
		}
		if rest == "" && next != "" && (!isTitleish(next) || readsAsSentence(next)) {
			sentences++ // "8.1" alone, its paragraph on the next line
		} else if rest != "" && (!isTitleish(rest) || readsAsSentence(rest) || startsLower(next) && !lines[i+1].blankBefore) {
			sentences++
		}
	}
	return decimals >= 2 && sentences*2 >= decimals
}

// decimalRE matches a decimal paragraph number and the space after it, or
// the number alone: "5.1 ", "4.4.1".
var decimalRE = regexp.MustCompile(`^\d{1,3}\.\d{1,2}(?:\.\d{1,2})?\.?(?:\s+|$)`)

// marker marks the lines that head items.
type marker struct {
	lines []line
	shape docShape
	marks []mark
}

// begins reports whether line i can start a paragraph: it follows a blank
// line or the line before does not run on into it.
func (m *marker) begins(i int) bool {
	return i == 0 || !m.shape.joins(m.lines[i-1], m.lines[i])
}

// markHeadings marks numbered headings that go up through the text, and,
// where the text numbers no items, the title lines that head them.
func (m *marker) markHeadings() {
	type cand struct {
		i int
		h heading
	}
	var numbered []cand
	var last minuteNumber
	codes := countCodes(m.lines)
	for i := 0; i < len(m.lines); i++ {
		h, ok := m.numberedHeading(i)
		if !ok {
			continue
		}
		if h.number == "" {
			hh := h // "Agenda item", or a title that names its agenda item
			m.marks[i].head = &hh
			continue
		}
		if h.code && !codes[codeOf(h.number)] {
			continue // "CSD18168", a report's reference
		}
		n := parseMinuteNumber(h.number)
		if len(numbered) > 0 && !n.after(last) {
			continue
		}
		numbered = append(numbered, cand{i, h})
		last = n
		if h.title == "" {
			i++ // "4.1" alone: the next line is its title ("Minute 6 - …")
		}
	}
	titles := m.titleLines()
	useTitles := len(numbered) == 0 && !m.hasAgendaItemLabel()
	if len(numbered) == 1 && len(titles) >= 2 && titles[0] < numbered[0].i {
		numbered, useTitles = nil, true
	}
	for _, c := range numbered {
		h := c.h
		m.marks[c.i].head = &h
	}
	first := len(m.lines)
	if len(numbered) > 0 {
		first = numbered[0].i
	}
	for _, i := range titles {
		if !useTitles && !(i < first && m.afterItemsHeader(i)) {
			continue
		}
		if m.marks[i].head != nil {
			continue
		}
		h := titleHeading(m.lines[i].text)
		m.marks[i].head = &h
	}
	m.markTimes()
}

// hasAgendaItemLabel reports whether the text is a Modern.gov "Agenda item"
// page: one item, whose lines after its title are not titles.
func (m *marker) hasAgendaItemLabel() bool {
	for i, mk := range m.marks {
		if mk.head != nil && mk.head.number == "" && mk.head.title == "" && strings.EqualFold(strings.TrimSuffix(m.lines[i].text, ":"), "agenda item") {
			return true
		}
	}
	return false
}

// numberedHeading reads line i as a numbered heading, checking what only the
// lines around it can tell: a bare number needs a title on the next line, and
// a heading must start a paragraph.
func (m *marker) numberedHeading(i int) (heading, bool) {
	l := m.lines[i]
	h, ok := readHeading(l.text)
	if !ok || h.number == "" && h.title == "" {
		if ok && h.number == "" && h.title == "" {
			return h, true // "Agenda item"
		}
		return heading{}, false
	}
	next := ""
	nextBlank := true
	if i+1 < len(m.lines) {
		next, nextBlank = m.lines[i+1].text, m.lines[i+1].blankBefore
	}
	if h.number == "" {
		return h, true // "Title (Agenda Item 7)" gives its number; a labelled heading
	}
	if h.decimal && m.shape.decimalParas {
		return heading{}, false
	}
	if h.title == "" {
		// "42." alone: the title is on the next line.
		if !h.labelled && !(next != "" && isTitleish(stripPDFSize(next)) && !readsAsSentence(next)) {
			return heading{}, false
		}
		return h, true
	}
	if !m.begins(i) && !l.blankBefore && !m.shortBefore(i) && !endsSentence(m.lines[i-1].text) {
		return heading{}, false
	}
	// A "title" that runs on in lower case on the next line was a sentence,
	// unless it stops at a word a title wraps after ("… considered as a" /
	// "matter of urgency").
	if !nextBlank && startsLower(next) && !h.runOn && !(endsOnJoiningWord(h.title) && !endsSentence(next)) {
		return heading{}, false
	}
	return h, true
}

// shortBefore reports whether the line before line i is short of a full
// line, so that it cannot run on into a heading on line i: a Word paste
// has no blank lines, but its lines are not wrapped.
func (m *marker) shortBefore(i int) bool {
	if i == 0 {
		return true
	}
	prev := m.lines[i-1]
	return !m.shape.wrapped || prev.runes*10 < m.shape.width*8
}

// countCodes finds the minute-number codes ("CPL82") that recur with the
// same letters: those number the items; a lone "CSD18168" does not.
func countCodes(lines []line) map[string]bool {
	n := map[string]int{}
	for _, l := range lines {
		if codeNumberRE.MatchString(l.text) {
			n[codeOf(l.text)]++
		}
	}
	out := map[string]bool{}
	for k, v := range n {
		if v >= 2 {
			out[k] = true
		}
	}
	return out
}

func codeOf(number string) string {
	return strings.TrimRight(number, "0123456789")
}

// afterItemsHeader reports whether line i comes after a web page's "No. Item"
// header with no item before it: a title there heads an unnumbered item.
func (m *marker) afterItemsHeader(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if m.marks[j].head != nil {
			return false
		}
		if m.lines[j].afterHeader {
			return true
		}
	}
	return m.lines[i].afterHeader
}

// markTimes gives an item the time that stands alone on the line before its
// heading (a Modern.gov page's "Note" column): "1.15pm" above "4.".
func (m *marker) markTimes() {
	for i := 0; i+1 < len(m.lines); i++ {
		tm, ok := isTimeLine(m.lines[i].text)
		if !ok || m.marks[i+1].head == nil || m.marks[i].head != nil {
			continue
		}
		h := m.marks[i+1].head
		if h.time == "" && (h.number != "" || h.title != "") {
			h.time = tm
			m.marks[i].dropped = true
		}
	}
}
