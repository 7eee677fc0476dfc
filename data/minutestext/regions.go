package minutestext

import (
	"regexp"
	"strings"
)

// This file marks the lines that head items in texts that do not number
// them: web pages copied without numbers or labels, tables, CMIS pages.

// contactLineRE matches the contact details a web page gives under its
// heading: "Contact: Shona James".
var contactLineRE = regexp.MustCompile(`^(?i:contact|tel|telephone|email|e-mail|note|webcast|please\s+ask\s+for)\b\s*:?`)

var (
	// agendaTextRE finds the words an agenda's text under a title starts with:
	// "To receive any apologies", "Members are reminded", "Report of …".
	agendaTextRE = regexp.MustCompile(`^(?:To\s+(?:receive|consider|confirm|approve|note|appoint|elect|agree|review|declare|disclose|sign|hear|determine|report|take|authorise|endorse|adopt|scrutinise|discuss|update|be\s+notified|invite|raise)\b|Members\s+(?:are|of\s+the\s+public|should|will|may|wishing)\b|The\s+(?:Chair(?:man)?|Panel|Committee|Commission|Board)\s+(?:to|is|will)\b|Report\s+of\b|(?:A|The)\s+report\s+(?:of|by)\b|Item\s+[‘'"]|See\s+attached|Any\s+member\s+of\s+the\s+public|Representatives\s+of\b|For\s+the\s+(?:Chair|Panel|Committee)\b|This\s+(?:item|report|meeting)\b|\((?:Copy\s+attached|Minutes\s+attached)\))`)
	// commonTitleRE finds the titles that recur on every agenda.
	commonTitleRE = regexp.MustCompile(`^(?i:apolog|declarations?\s+of|disclosures?\s+of|minutes\b|confirmation\s+of\s+(?:the\s+)?minutes|matters\s+arising|urgent\s+(?:business|items?)|items?\s+of\s+urgent|any\s+other\s+business|date\s+of\s+(?:the\s+)?next|public\s+(?:questions?|participation|speaking|question\s+time)|questions\s+from|petitions?\b|election\s+of|appointment\s+of|exclusion\s+of|welcome\b|introductions?\b|chair(?:man)?['’]?s?\s+announcements|announcements|work\s+programme|forward\s+(?:plan|work)|named\s+substitutes|substitut|call[\s-]*ins?\b|notification\s+of|exempt\s+items?|(?:members?['’]?\s+)?questions?\s+(?:and\s+answer|time|from|to)|member\s+question)`)
)

// isAgendaText reports whether t opens as an agenda's text does ("To
// receive …"). The pattern is anchored at the start: matching the line's
// first words is enough, and costs no more for a long paragraph.
func isAgendaText(t string) bool { return agendaTextRE.MatchString(head(t, 80)) }

// titleLines returns the lines that head items in a text without numbers:
// short title lines that a web page marks as titles ("pdf icon PDF 120 KB",
// a "Minutes:" or "Additional documents:" label after them, the agenda's
// "To receive …" under them), and, where a title is a sentence, one that
// opens with the words agendas use ("To declare any interests …").
func (m *marker) titleLines() []int {
	var out []int
	inDocs := false
	lastTitle := -9
	for i, l := range m.lines {
		t := l.text
		if label, _, ok := itemLabel(t); ok {
			inDocs = label == labelDocuments
			continue
		}
		title := stripPDFSize(t)
		pdf := title != t
		if inDocs {
			if pdf || isTitleish(title) && !readsAsSentence(title) && countWords(title) <= 12 {
				continue // a document under "Additional documents:"
			}
			inDocs = false
		}
		if !l.blankBefore && !m.begins(i) {
			continue
		}
		next, nextGap := m.nextText(i)
		titleOK := isTitleish(title) && !readsAsSentence(title) && countWords(title) <= 20
		mayBeSentenceTitle := !titleOK && l.gap >= 2 && nextGap >= 2 && i > 0 && endsSentence(m.lines[i-1].text) &&
			!strings.HasSuffix(t, ":") && len(t) < 400
		if !titleOK && !mayBeSentenceTitle && !pdf && !l.rowStart {
			continue // cheap tests first: most lines are sentences
		}
		if isStructural(head(t, 200)) && !(pdf && isMeetingHeading(title)) && !m.labelAsTitle(t, next) {
			continue
		}
		if titleOK && !pdf && !l.rowStart && (isAgendaText(t) || i == lastTitle+1 && l.gap <= 1) {
			continue // the agenda's text under a title, not a title
		}
		evidence := false
		switch {
		case !titleOK:
			// A title that is a sentence: the agenda's own words, after a
			// gap, where a minute ended.
			evidence = mayBeSentenceTitle && i-lastTitle > 1 && (isAgendaText(t) || commonTitleRE.MatchString(head(t, 80))) &&
				countWords(t) <= 40 && !isAttendanceSentence(t)
		case pdf, l.rowStart, l.afterHeader:
			evidence = true
		case m.labelFollows(i):
			evidence = true
		case i+1 < len(m.lines) && m.lines[i+1].restricted:
			evidence = true
		case isAgendaText(next) && !isAgendaText(t):
			evidence = true
		case commonTitleRE.MatchString(title) && !isNameList(title):
			evidence = true
		default:
			if _, ok := isTimeLine(next); ok && !bodyWordRE.MatchString(title) && !isDateLine(title) {
				evidence = true // "Serious Organised Crime" with "11.05pm" under it
			}
		}
		if evidence && (pdf || !isMeetingHeading(title)) && !isDateLine(title) && !keyLineRE.MatchString(title) {
			out = append(out, i)
			lastTitle = i
		}
	}
	return out
}

// labelAsTitle reports whether an attendance label with no names after it
// ("Apologies for Absence") is an item's title: a sentence, not names,
// follows it.
func (m *marker) labelAsTitle(t, next string) bool {
	_, names, ok := attendanceLabel(t)
	if !ok || names != "" || strings.HasSuffix(t, ":") {
		return false
	}
	return isAgendaText(next) || endsSentence(next) && countWords(next) > 4
}

// nextText returns the text of the line after line i and the gap before it.
func (m *marker) nextText(i int) (string, int) {
	if i+1 >= len(m.lines) {
		return "", startGap
	}
	return m.lines[i+1].text, m.lines[i+1].gap
}

// labelFollows reports whether a "Minutes:", "Decision:" or "Additional
// documents:" label follows line i, directly or after one paragraph of
// agenda text.
func (m *marker) labelFollows(i int) bool {
	for j := i + 1; j < len(m.lines) && j <= i+4; j++ {
		t := m.lines[j].text
		if _, _, ok := itemLabel(t); ok {
			return true
		}
		// What stands between must be the agenda's text under the title.
		if j == i+1 && !isAgendaText(t) && (isTitleish(stripPDFSize(t)) || isStructural(t)) {
			return false
		}
		if j > i+1 && m.lines[j].blankBefore {
			return false
		}
	}
	return false
}

// isStructural reports whether t is a line whose shape says what it is, so
// it cannot be a title: a label, a list or key line, a resolution, a
// question, a time.
func isStructural(t string) bool {
	if _, _, ok := attendanceLabel(t); ok {
		return true
	}
	if keyLineRE.MatchString(t) || contactLineRE.MatchString(t) || isItemOnly(t) || isMeetingHeading(t) || modernGovMeetingRE.MatchString(t) {
		return true
	}
	if _, ok := bullet(t); ok {
		return true
	}
	if _, ok := askerHeading(t); ok {
		return true
	}
	return isPartMarker(t) || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(")
}

// isNameList reports whether a short line is a list of names, not a title:
// "Cllr A Smith for Cllr B Jones".
func isNameList(t string) bool {
	return honorific(t) != ""
}

// titleHeading makes the heading of an unnumbered item from its title line.
func titleHeading(t string) heading {
	return heading{title: strings.TrimSpace(itemRefSuffixRE.ReplaceAllString(stripPDFSize(t), ""))}
}

var (
	// rowPDFRE finds the "PDF 196 KB" a table row carries after its title.
	rowPDFRE = regexp.MustCompile(`\s(?:pdf\s+icon\s*)?(?i:pdf)\s+\d+(?:\.\d+)?\s*[KM]B\b`)
	// rowAgendaRE finds where the agenda text starts in a table row that ran
	// it on after the title.
	rowAgendaRE = regexp.MustCompile(`\s(?:To\s+(?:receive|consider|confirm|approve|note|appoint|elect|agree|review|declare|disclose|sign|hear|determine)\b|Members\s+(?:are|of\s+the\s+public)\b|The\s+(?:Chair(?:man)?|Panel|Committee)\s+(?:to|is)\b|Report\s+of\b|Minute\s+\d+\s+\()`)
)

// markRows marks each row of a table as an item, its title the row's first
// words up to the agenda text: "Declarations of interest To receive …"
// gives "Declarations of interest".
func (m *marker) markRows() {
	for i, l := range m.lines {
		if !l.rowStart {
			continue
		}
		if _, _, ok := itemLabel(l.text); ok {
			h := heading{}
			m.marks[i].head = &h
			continue
		}
		title, rest := rowTitle(l.text)
		h := heading{title: title, rest: rest}
		m.marks[i].head = &h
	}
}

// rowTitle cuts a table row's first line into its title and what follows.
func rowTitle(t string) (title, rest string) {
	if strings.Contains(t, "KB") || strings.Contains(t, "MB") {
		if loc := rowPDFRE.FindStringIndex(t); loc != nil {
			return strings.TrimSpace(t[:loc[0]]), strings.TrimSpace(t[loc[1]:])
		}
	}
	if isAgendaText(t) {
		// The agenda's text stands for the title: "To approve the minutes of
		// the meeting held on 13 February 2020."
		end := strings.Index(t, ". ")
		if end < 0 {
			return strings.TrimSuffix(t, "."), ""
		}
		return t[:end], strings.TrimSpace(t[end+1:])
	}
	if loc := rowAgendaRE.FindStringIndex(t); loc != nil {
		return strings.TrimSpace(t[:loc[0]]), strings.TrimSpace(t[loc[0]:])
	}
	return t, ""
}

var (
	// cmisAgendaRE reads a CMIS agenda line: "2 Pdf Minutes (70Kb)".
	cmisAgendaRE = regexp.MustCompile(`^(\d{1,3})\s+(?:Pdf\s+)?(.+?)(?:\s*\(\d+(?:\.\d+)?\s*[KkMm]b\))?$`)
	// cmisDocumentRE reads a CMIS document line: "1. Pdf Appendix A (15Kb)".
	cmisDocumentRE = regexp.MustCompile(`^\d{1,2}\.\s+Pdf\s+(.+?)\s*\(\d+(?:\.\d+)?\s*[KkMm]b\)$`)
)

// markCMIS marks a CMIS page's agenda lines and the minute numbers that
// stand alone under them; the minutes are numbered apart from the agenda.
func (m *marker) markCMIS() {
	var last minuteNumber
	seen := false
	for i, l := range m.lines {
		t := l.text
		if isLoneNumber(t) {
			n := parseMinuteNumber(t)
			if !seen || n.after(last) {
				m.marks[i].cmisNo, last, seen = t, n, true
			}
			continue
		}
		if d := cmisDocumentRE.FindStringSubmatch(t); d != nil {
			m.marks[i].doc = d[1]
			continue
		}
		sub := cmisAgendaRE.FindStringSubmatch(t)
		if sub == nil || !isTitleish(sub[2]) || readsAsSentence(sub[2]) || cmisDateRE.MatchString(t) {
			continue
		}
		h := heading{title: sub[2], cmis: true}
		m.marks[i].head = &h
	}
}
