package minutestext

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normaliseSpaces turns every kind of space (non-breaking, tab, thin…) into a
// plain space, drops invisible characters, collapses runs of spaces and trims.
// Invalid UTF-8 becomes U+FFFD.
func normaliseSpaces(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next visible character
	for i := 0; i < len(s); {
		// Copy a run of visible ASCII at once.
		j := i
		for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
			j++
		}
		if j > i {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		piece := s[i : i+size]
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			piece = ""
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space, piece = b.Len() > 0, ""
		case r == utf8.RuneError && size == 1:
			piece = "\ufffd"
		}
		if piece != "" {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(piece)
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII with single inner spaces and
// none at either end, so normaliseSpaces would return it unchanged.
func isPlain(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

var (
	pageFooterRE = regexp.MustCompile(`^(?i:page\s*\|?\s*\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s*\|\s*page|-\s*\d{1,4}\s*-|\d{1,4})$`)
	pdfSizeRE    = regexp.MustCompile(`(?i)\s*(?:pdf\s+icon\s*)?\bpdf\s+\d+(?:\.\d+)?\s*[km]b$`)
	signatureRE  = regexp.MustCompile(`(?i)^(?:chair(?:man|person)?|signed|date)\b.*(?:\.{4}|…{2}|_{4})`)
)

// webNoise lists, in lower case, whole lines that a Modern.gov or CMIS page
// or a minutes PDF adds around the minutes themselves: links, tabs, stamps.
var webNoise = wordSet(
	"share this item", "print this item", "share this page", "print this page",
	"back to top", "pdf icon", "public document pack", "draft", "view directions",
	"agenda and minutes", "agenda, decisions and minutes", "agenda, reports and minutes",
	"agenda and draft minutes", "agenda, decisions and draft minutes", "agendas, meetings and minutes - agenda and minutes",
	"agendas, meetings and minutes - agenda and draft minutes",
	"items", "no. item", "item", "no.", "note no. item", "no item",
	"draft - subject to approval", "draft – subject to approval",
	"draft — subject to approval", "draft: subject to approval",
	"draft minutes - subject to approval", "draft minutes – subject to approval",
	"toggle menu", "skip to content", "councillors and committees", "media", "meeting documents",
	"agenda", "public agenda", "documents", "meeting details", "meeting summary", "occurred", "scheduled",
	"standard items", "minutes template", "webcast: view the webcast", "unrestricted items",
	"copies of all documents considered are in the minute book", "issue - meetings", "issue details",
	"chair,", "chairman,", "chairperson,",
)

// tabNoise lists the tabs a CMIS meeting page shows as a bulleted list.
var tabNoise = wordSet("documents", "members", "attendees", "attendance", "visitors", "declarations of interests")

var (
	// fullTextLinkRE matches Modern.gov's "... view the full minutes text for
	// item 1." under a shortened minute.
	fullTextLinkRE = regexp.MustCompile(`^(?:\.\.\.|…)\s*view the full (?:minutes|agenda|decision) text for item \S+$`)
	// markupRE matches the "<AI1>" and "</AI1>" markers a committee system
	// leaves in the minutes it exports.
	markupRE = regexp.MustCompile(`^</?[A-Z]{1,4}\d{0,4}>$`)
	// agendaRefRE matches an agenda reference alone on a line: "(Item A1)",
	// "PUBLIC Agenda Item 3".
	agendaRefRE = regexp.MustCompile(`^(?:\((?i:item)\s*[A-Z]?\d{0,3}\)|(?i:public)\s+(?i:agenda\s+item)\s+\d{1,3})$`)
	// filePathRE matches a Word document's path printed as a page footer:
	// "R:\PCP\24.10.24 MEETING\PCP MINUTES.DOC - 1".
	filePathRE = regexp.MustCompile(`^(?:[A-Za-z]:\\|\\\\)\S.*\.(?i:docx?|pdf)\b.*$|^.*\.(?i:docx?)\s*-\s*\d{1,4}$`)
)

// isPageNoise reports whether t is a page footer: "Page 3 of 12", "Page 3",
// "- 3 -" or a lone page number.
func isPageNoise(t string) bool {
	if len(t) <= 20 && pageFooterRE.MatchString(t) && !isLoneNumber(t) {
		return true // a lone number waits for stage two: a page's, or a minute's
	}
	if len(t) >= 200 || !strings.Contains(t, "\\") && !strings.Contains(t, ".DOC") && !strings.Contains(t, ".doc") {
		return false
	}
	return filePathRE.MatchString(t)
}

// isWebNoise reports whether t is page furniture with no minutes in it: a
// web page's links, a PDF's "Public Document Pack" or "DRAFT" stamp, a bare
// "PDF 135 KB" and the Chair's signature line.
func isWebNoise(t string) bool {
	if len(t) <= 80 {
		key := t
		if b, ok := bullet(t); ok {
			if inFold(tabNoise, b) {
				return true // a web page's tabs: "• Documents", "• Attendees"
			}
			key = b // "• Share this item"
		}
		if inFold(webNoise, key) || t[0] == '<' && markupRE.MatchString(t) ||
			strings.ContainsRune("(Pp", rune(t[0])) && agendaRefRE.MatchString(t) {
			return true
		}
	}
	if (t[0] == '.' || strings.HasPrefix(t, "…")) && fullTextLinkRE.MatchString(t) {
		return true
	}
	if hasPDFSize(t) {
		if loc := pdfSizeRE.FindStringIndex(t); loc != nil && loc[0] == 0 {
			return true
		}
	}
	return len(t) < 200 && isSignatureLine(t)
}

// hasPDFSize is a cheap test for a trailing "KB" or "MB" before pdfSizeRE runs.
func hasPDFSize(t string) bool {
	if len(t) < 6 {
		return false
	}
	end := strings.ToLower(t[len(t)-2:])
	return end == "kb" || end == "mb"
}

// isSignatureLine reports whether t is the "Chair ……… Date ………" line.
func isSignatureLine(t string) bool {
	if !strings.Contains(t, "....") && !strings.Contains(t, "……") && !strings.Contains(t, "____") {
		return false
	}
	return signatureRE.MatchString(t)
}

// stripViewDirections removes the "View directions" link Modern.gov puts
// after a venue.
func stripViewDirections(t string) string {
	const link = " view directions"
	if len(t) > len(link) && strings.EqualFold(t[len(t)-len(link):], link) {
		return t[:len(t)-len(link)]
	}
	return t
}

// isRestrictedNotice reports whether t is Modern.gov's link saying an item is
// restricted (exempt).
func isRestrictedNotice(t string) bool {
	if len(t) > 120 || t[0] != 'V' && t[0] != 'v' {
		return false
	}
	lower := strings.ToLower(t)
	return strings.HasPrefix(lower, "view the reasons why") && strings.Contains(lower, "restricted")
}

// stripPDFSize removes a trailing "pdf icon PDF 135 KB" from a title or a
// document name.
func stripPDFSize(t string) string {
	if !hasPDFSize(t) {
		return t
	}
	if loc := pdfSizeRE.FindStringIndex(t); loc != nil {
		t = strings.TrimSpace(t[:loc[0]])
	}
	return t
}

// endsSentence reports whether t ends a sentence or a clause that a new line
// may follow: a full stop, question or exclamation mark, colon, semicolon,
// closing bracket or quote, or "; and".
func endsSentence(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".?!:;])”\"’'…", r) {
		return true
	}
	return strings.HasSuffix(t, "; and") || strings.HasSuffix(t, "; or")
}

// startsLower reports whether t starts with a lower-case letter.
func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// startsUpper reports whether t starts with an upper-case letter, a digit or
// an opening quote.
func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“‘\"'", r)
}

// layout describes how the text was wrapped: a PDF paste has hard line
// breaks inside paragraphs, a Word or web paste has one line a paragraph.
type layout struct {
	wrapped bool
	width   int // typical length of a full line, in runes, when wrapped
}

// measureLayout decides whether lines were hard-wrapped: at least three lines,
// and a fifth of the lines followed directly by another, stop mid-sentence.
// The width is that of the longer lines that run on into another.
func measureLayout(lines []line) layout {
	pairs, midSentence := 0, 0
	var lengths []int
	for i, l := range lines {
		if i+1 < len(lines) && !lines[i+1].blankBefore {
			pairs++
			lengths = append(lengths, l.runes)
			if !endsSentence(l.text) && l.runes >= 40 {
				midSentence++
			}
		}
	}
	if midSentence < 3 || midSentence*5 < pairs {
		return layout{}
	}
	slices.Sort(lengths)
	return layout{wrapped: true, width: lengths[len(lengths)*9/10]}
}

// joins reports whether cur continues the paragraph whose last line is prev.
func (lay layout) joins(prev, cur line) bool {
	if cur.blankBefore {
		// Only a page break may split a paragraph across a gap.
		return cur.pageBreak && !endsSentence(prev.text) && startsLower(cur.text)
	}
	if !endsSentence(prev.text) || startsLower(cur.text) {
		return true
	}
	// A wrapped line that happens to end at a full stop is full: the next
	// line's first word would not have fitted on it. Proportional fonts make
	// character counts rough, hence the tenth of slack.
	if !lay.wrapped {
		return false
	}
	first, _, _ := strings.Cut(cur.text, " ")
	return (prev.runes+1+utf8.RuneCountInString(first))*10 > lay.width*9
}

// countWords is len(strings.Fields(t)) without making the slice: the
// classifiers ask it of nearly every line.
func countWords(t string) int {
	n, inWord := 0, false
	for _, r := range t {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}
