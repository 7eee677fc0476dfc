package minutestext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the line shapes: each function answers one question about
// a single line of text, without knowing where in the minutes it stands.

var (
	// headingRE reads a minute heading: an optional "Agenda item", "Item"
	// or "Minute", the number (39/20, PCP 12/23, 8.1, 5) and the title.
	headingRE   = regexp.MustCompile(`^(?:((?i:agenda\s+item|item|minute))\s+)?((?:[A-Z]{1,6}[\s/]?)?\d{1,3}/\d{2,4}|\d{1,3}\.\d{1,2}|\d{1,3})(?:([.:)])\s*|\s+[-–—:]?\s*|$)`)
	pagesRE     = regexp.MustCompile(`\s*\((?i:pages?)\s+\d+(?:\s*[-–]\s*\d+)?\)$`)
	titleTimeRE = regexp.MustCompile(`\s*(?:[-–—,]\s*)?\(?(` + timePattern + `)\)?$`)

	partMarkerRE = regexp.MustCompile(`^(?:\((?:[a-z]{1,4}|[A-Z]|\d{1,2})\)|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])(?:\s|$)`)

	resolvedRE = regexp.MustCompile(`^((?i:it\s+was\s+)?(?i:further\s+|unanimously\s+)?(?:RESOLVED|Resolved|resolved)(?i:\s+unanimously)?(?:\s*\((?i:unanimously|nem\.?\s*con\.?)\))?)(\s*[:\-–—.,]+\s*|\s+|$)`)

	questionsLabelRE = regexp.MustCompile(`^(?i:(?:panel\s+|committee\s+)?(?:members?[’']?s?[’']?\s+)?questions?(?:\s+(?:from|by)\s+(?:members|the\s+panel|councillors))?(?:\s+and\s+answers)?)\s*:?$`)
	askerHeadingRE   = regexp.MustCompile(`^(?i:questions?\s+from\s+)?((?i:councillor|cllr\.?|mr|mrs|ms|miss|dr|professor|prof\.?)\s+[A-Z][^:]{0,60}):$`)
	askerInlineRE    = regexp.MustCompile(`^((?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Professor|Prof\.?)\s+[A-Z][\p{L}'’\-]*(?:\s+[A-Z][\p{L}'’\-]*){0,3})(:\s*|\s+(?:asked|queried|enquired|questioned|wanted\s+to\s+know|sought|raised|referred))`)
	askerGenericRE   = regexp.MustCompile(`^(?:[Aa]\s+(?:Panel\s+|Committee\s+)?[Mm]ember|Members|[Aa]nother\s+[Mm]ember)\s+(?:asked|queried|enquired|questioned|sought|raised)`)

	// questionsFollowRE finds a narrative line that announces questions:
	// "Members asked the following questions:".
	questionsFollowRE = regexp.MustCompile(`(?i)following\s+questions|questions\s+(?:were\s+)?(?:asked|raised|put|received|submitted)|asked\s+the\s+following|questions\s+covered|questions\s+submitted\s+in\s+advance`)
	// questionsFromRE reads who asked the questions that follow: "Two
	// questions were received from Mr Gordon Hale:".
	questionsFromRE = regexp.MustCompile(`(?i)questions?\s+(?:were|was|had\s+been)\s+(?:received|submitted|asked)\s+(?:from|by)\s+(.+?):$`)

	answerLabelRE = regexp.MustCompile(`^(?i:answer|response|reply)\s*:\s*`)

	narrativeOpenerRE = regexp.MustCompile(`^(?:The\s+(?:Chair(?:man)?|Vice[- ]Chair(?:man)?|Panel|Committee|Sub-Committee|Board|meeting)\b|Members\b|A\s+Member\b|It\s+was\s+(?:moved|proposed|agreed|RESOLVED)\b)`)

	schedule12ARE = regexp.MustCompile(`(?i)paragraphs?\s+(\d)\b[^.]{0,80}?schedule\s+12a`)
)

// labels are the Modern.gov field labels, in lower case without the colon.
const (
	labelMinutes   = "minutes"
	labelDecision  = "decision"
	labelDocuments = "supporting documents"
	// labelMoreDocuments is read as labelDocuments.
	labelMoreDocuments = "additional documents"
)

// itemLabel reports whether t starts with "Minutes:", "Decision:" or
// "Supporting documents:" (or "Additional documents:") and returns which
// label and the text after it.
func itemLabel(t string) (label, rest string, ok bool) {
	if len(t) < 7 {
		return "", "", false
	}
	for _, l := range []string{labelMinutes, labelDecision, labelDocuments, labelMoreDocuments} {
		if len(t) < len(l) || !strings.EqualFold(t[:len(l)], l) {
			continue
		}
		after := strings.TrimSpace(t[len(l):])
		if l == labelMoreDocuments {
			l = labelDocuments
		}
		if after == "" && l != labelMinutes {
			return l, "", true // "Decision" or "Supporting documents" alone
		}
		if strings.HasPrefix(after, ":") {
			return l, strings.TrimSpace(after[1:]), true
		}
	}
	return "", "", false
}

// heading is a minute heading line read by readHeading.
type heading struct {
	number   string // "" for Modern.gov's bare "Agenda item" label
	title    string // "" when the title is on the next line
	time     string
	labelled bool   // the number came after "Agenda item", "Item" or "Minute"
	decimal  bool   // the number is a decimal, "4.1"
	code     bool   // the number is a committee code, "CPL82"
	runOn    bool   // a capitals title ran straight into the minute's text
	rest     string // that text: "RESOLVED to note …" after "72/24 DECLARATIONS OF INTEREST"
	cmis     bool   // a CMIS agenda line: the minute's own number follows later
}

var (
	// codeNumberRE reads a minute number made of a committee's code and a
	// number, alone on its line: "CPL82".
	codeNumberRE = regexp.MustCompile(`^[A-Z]{2,5}\d{1,4}\.?$`)
	// agendaItemSuffixRE reads the "(Agenda Item 7)" some pages add to a title.
	agendaItemSuffixRE = regexp.MustCompile(`\s*\((?i:agenda\s+item)\s+(\d{1,3}[a-z]?)\)$`)
	// itemRefSuffixRE matches the "(Item A1)" a PDF adds after a title.
	itemRefSuffixRE = regexp.MustCompile(`\s*\((?i:item)\s*[A-Z]?\d{0,3}\)$`)
)

// readHeading reads t as a minute heading. It does not check where the line
// stands; the parser does that.
func readHeading(t string) (heading, bool) {
	if len(t) > 5000 || t == "" {
		return heading{}, false
	}
	if strings.EqualFold(strings.TrimSuffix(t, ":"), "agenda item") {
		return heading{}, true
	}
	if len(t) < 200 && strings.HasSuffix(t, ")") {
		if m := agendaItemSuffixRE.FindStringSubmatchIndex(t); m != nil {
			title := strings.TrimSpace(t[:m[0]])
			if isTitleish(stripPDFSize(title)) {
				return heading{number: t[m[2]:m[3]], title: stripPDFSize(title), labelled: true}, true
			}
		}
	}
	c := t[0]
	if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
		return heading{}, false
	}
	if c >= 'A' && c <= 'Z' && !mayStartNumber(t) {
		return heading{}, false // a word, not "Item 7", "PCP 12/23" or "CPL82"
	}
	if _, ok := isTimeLine(t); ok {
		return heading{}, false
	}
	if len(t) <= 12 && codeNumberRE.MatchString(t) {
		return heading{number: strings.TrimSuffix(t, "."), code: true}, true
	}
	// The number and what stands between it and the title are near the
	// start: match there, and take the title from the whole line.
	m := headingRE.FindStringSubmatchIndex(head(t, 120))
	if m == nil {
		return heading{}, false
	}
	prefix, number, sep := sub(t, m, 1), sub(t, m, 2), sub(t, m, 3)
	title := strings.TrimSpace(t[m[1]:]) // the title is the rest of the line
	plainInteger := !strings.ContainsAny(number, "./")
	if sep == "." && title != "" && title[0] >= '0' && title[0] <= '9' {
		return heading{}, false // "4.4.1 What targets …" is a paragraph number
	}
	h := heading{number: number, labelled: prefix != "", decimal: strings.Contains(number, ".") && !strings.Contains(number, "/")}
	// The patterns anchored at the end run only on a line that can match
	// them: a regexp anchored at the end tries every start in the line,
	// which in a long paragraph is most of the time spent reading it.
	title = stripPDFSize(title)
	if strings.HasSuffix(title, ")") {
		title = itemRefSuffixRE.ReplaceAllString(title, "")
		if loc := pagesRE.FindStringIndex(title); loc != nil {
			title = strings.TrimSpace(title[:loc[0]]) // an agenda's "(Pages 5 - 20)"
		}
	}
	if plainInteger && prefix == "" && sep == "" && title != "" {
		// "5 Apologies" is too like a sentence; "3 MATTERS ARISING" is a
		// PDF's heading.
		caps, rest := capitalsTitle(title)
		if caps == "" || rest != "" {
			return heading{}, false
		}
	}
	if caps, rest := capitalsTitle(title); caps != "" && rest != "" && !plainInteger {
		// "72/24 DECLARATIONS OF INTEREST RESOLVED to note …"
		h.title, h.rest, h.runOn = caps, rest, true
		return h, true
	}
	if len(title) < 200 && mayEndWithTime(title) { // a longer line is no title with a time after it
		if loc := findSuffix(titleTimeRE, title, 48); loc != nil && loc[0] > 0 {
			h.time = title[loc[2]:loc[3]]
			title = strings.TrimSpace(title[:loc[0]])
		}
	}

	if title != "" && !isHeadingTitle(title, plainInteger && sep == ".") {
		return heading{}, false
	}
	if strings.HasSuffix(title, ".") && !strings.HasSuffix(title, "..") {
		title = strings.TrimSuffix(title, ".") // "1. Introduction / Apologies."
	}
	h.title = title
	return h, true
}

// mayEndWithTime is a cheap test that t can end with a time of day: in "am",
// "p.m.", "noon", "hours" or "hrs", perhaps in brackets, with a digit near
// the end.
func mayEndWithTime(t string) bool {
	t = strings.TrimSuffix(t, ")")
	if len(t) < 3 {
		return false
	}
	tail := strings.ToLower(t[max(0, len(t)-16):])
	for _, end := range [...]string{"am", "pm", "a.m.", "p.m.", "noon", "hrs", "hours"} {
		if strings.HasSuffix(tail, end) {
			return strings.ContainsAny(tail, "0123456789")
		}
	}
	return false
}

// findSuffix is re.FindStringSubmatchIndex for a pattern anchored at the end
// whose match is at most n bytes long: it matches the last n bytes of t, not
// every start in t, and gives the indices in t.
func findSuffix(re *regexp.Regexp, t string, n int) []int {
	if len(t) <= n {
		return re.FindStringSubmatchIndex(t)
	}
	start := len(t) - n
	for start > 0 && !utf8.RuneStart(t[start]) {
		start--
	}
	loc := re.FindStringSubmatchIndex(t[start:])
	if loc == nil {
		return nil
	}
	if loc[0] == 0 {
		return re.FindStringSubmatchIndex(t) // the match may start further back
	}
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += start
		}
	}
	return loc
}

// sub returns submatch i of a match found in a prefix of t, or "".
func sub(t string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return t[m[2*i]:m[2*i+1]]
}

// mayStartNumber reports whether a line starting with a capital can start
// with a minute number: "Item 7", "Minute 42", "Agenda Item 3", "PCP 12/23",
// "CPL82".
func mayStartNumber(t string) bool {
	i := 0
	for i < len(t) && i < 7 && t[i] >= 'A' && t[i] <= 'Z' {
		i++
	}
	if i >= 1 && i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == ' ' || t[i] == '/') && i <= 6 {
		if t[i] >= '0' && t[i] <= '9' || t[i] == '/' {
			return true
		}
		// "PCP 12/23"
		if i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' {
			return true
		}
	}
	return hasPrefixFold(t, "item ") || hasPrefixFold(t, "minute ") || hasPrefixFold(t, "agenda item")
}

// isHeadingTitle reports whether the text after a minute number is a title.
// After "5." a title may end with a full stop ("1. Introduction /
// Apologies."), but not read as a sentence.
func isHeadingTitle(title string, dotted bool) bool {
	if isTitleish(title) {
		return !readsAsSentence(title)
	}
	if !dotted || !strings.HasSuffix(title, ".") || strings.HasSuffix(title, "..") {
		return false
	}
	bare := strings.TrimSuffix(title, ".")
	return isTitleish(bare) && !readsAsSentence(bare) && countWords(bare) <= 15
}

// sentenceWords are the verbs that make a line read as a sentence rather
// than a title.
var sentenceWords = wordSet("is", "are", "was", "were", "has", "have", "had", "will", "would", "should",
	"could", "can", "may", "might", "must", "did", "does", "been", "being", "noted", "received", "agreed",
	"asked", "said", "advised", "reported", "explained", "confirmed", "presented", "outlined", "stated")

// readsAsSentence reports whether t reads as a sentence: it breaks into two
// sentences, or has a verb that titles do not.
func readsAsSentence(t string) bool {
	if strings.HasPrefix(t, "To") && agendaTitleRE.MatchString(head(t, 200)) && !strings.Contains(t, ". ") {
		return false // "To receive any items which the Chair decides should be considered"
	}
	words := strings.Fields(t)
	for i, w := range words {
		if i > 0 && inFold(sentenceWords, strings.Trim(w, ",;:()")) {
			return true
		}
		if i+1 < len(words) && strings.HasSuffix(w, ".") && startsUpper(words[i+1]) && len(w) > 3 && !isAbbreviation(w) {
			return true
		}
	}
	last := ""
	if len(words) > 0 {
		last = strings.ToLower(words[len(words)-1])
	}
	switch last {
	case "of", "the", "a", "an", "to", "for", "that", "which", "by", "with":
		return len(words) > 6 && !isCapitals(t)
	}
	return false
}

// agendaTitleRE matches a title worded as the agenda's task: "To receive …".
var agendaTitleRE = regexp.MustCompile(`^To\s+[a-z]+\b`)

// isAbbreviation reports whether a word ending in a full stop is a title or
// an abbreviation rather than the end of a sentence.
func isAbbreviation(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "mrs", "ms", "dr", "cllr", "st", "no", "nos", "co", "ltd", "inc", "prof", "rev", "revd", "supt", "insp", "sgt", "col", "vs", "etc", "approx":
		return true
	}
	return false
}

// capitalsTitle splits a title in capitals from lower-case text that a PDF
// ran on after it on the same line: "DECLARATIONS OF INTEREST RESOLVED to
// note" gives "DECLARATIONS OF INTEREST" and "RESOLVED to note". rest is ""
// when the whole line is in capitals; caps is "" when it does not start so.
func capitalsTitle(t string) (caps, rest string) {
	words := strings.Fields(t)
	n := 0
	for n < len(words) && (isCapitals(words[n]) || !containsLetter(words[n])) {
		if n > 0 && strings.Trim(words[n], "–-—:") == "RESOLVED" {
			break
		}
		n++
	}
	letters := 0
	for _, w := range words[:n] {
		if containsLetter(w) {
			letters++
		}
	}
	if letters < 1 || n == 0 || letters == 1 && len(strings.Trim(words[0], ".,")) < 3 {
		return "", t
	}
	if n < len(words) && !strings.HasPrefix(words[n], "RESOLVED") && (letters < 2 || len(words)-n < 3) {
		return "", t // "PCC Update" is a title, not a heading run into text
	}
	caps = strings.Join(words[:n], " ")
	rest = strings.Join(words[n:], " ")
	if rest != "" && !startsUpper(rest) {
		return "", t
	}
	return strings.TrimRight(caps, " –-—:"), rest
}

// isTitleish reports whether t can be a title: short, starting with a capital,
// not ending like a sentence or a clause.
func isTitleish(t string) bool {
	if t == "" || len(t) > 600 || utf8.RuneCountInString(t) > 150 || !startsUpper(t) || !containsLetter(t) {
		return false
	}
	if strings.ContainsAny(t[len(t)-1:], ".,;:") || countWords(t) > 20 {
		return false
	}
	_, isTime := isTimeLine(t)
	return !isTime
}

// titleRunsOn reports whether line t continues a title wrapped over two
// lines: the title ends with "and", "of", a comma or a dash, or both are in
// capitals ("APOLOGIES FOR ABSENCE, DECLARATIONS OF INTEREST AND" /
// "SUBSTITUTIONS").
func titleRunsOn(title, t string) bool {
	if len(t) > 120 || strings.ContainsAny(t[len(t)-1:], ".:;") || isItemOnly(t) {
		return false
	}
	if endsOnJoiningWord(title) {
		return true
	}
	if strings.HasSuffix(title, ",") {
		return true
	}
	return isCapitals(title) && isCapitals(t)
}

// endsOnJoiningWord reports whether a title stops at a word it cannot end
// on, so a wrapped title carries on on the next line.
func endsOnJoiningWord(title string) bool {
	lastWord := title[strings.LastIndexByte(title, ' ')+1:]
	switch strings.ToLower(lastWord) {
	case "and", "of", "for", "the", "to", "in", "on", "with", "&", "-", "–", "—", "a", "an", "as", "at", "by", "or", "from", "into":
		return true
	}
	return false
}

// isCapitals reports whether t has letters and none in lower case.
func isCapitals(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// minuteNumber is a minute number reduced to what orders it: 39/20 → 39,
// 8.1 → 8 and 1.
type minuteNumber struct{ major, minor int }

// parseMinuteNumber reads the order of a minute number as typed.
func parseMinuteNumber(s string) minuteNumber {
	s = strings.TrimLeft(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
	major, _, _ := strings.Cut(s, "/")
	if a, b, ok := strings.Cut(major, "."); ok {
		return minuteNumber{atoi(a), atoi(b)}
	}
	return minuteNumber{atoi(major), 0}
}

// after reports whether n comes after m.
func (n minuteNumber) after(m minuteNumber) bool {
	return n.major > m.major || n.major == m.major && n.minor > m.minor
}

// questionMarker reads "(1) text", "(1). text", "1) text", "Q1 text" and
// "Question 1: text", returning the number and the text after the marker.
func questionMarker(t string) (n int, rest string, ok bool) {
	if t == "" {
		return 0, "", false
	}
	var i int
	switch {
	case t[0] == '(' && len(t) > 2 && strings.IndexByte("ivx", t[1]) >= 0:
		// "(i)", "(iv)": a roman numeral
		end := strings.IndexByte(t, ')')
		if end < 2 || end > 6 {
			return 0, "", false
		}
		if n = roman(t[1:end]); n == 0 {
			return 0, "", false
		}
		i = end + 1
	case t[0] == '(':
		if n, i = leadingNumber(t, 1); i < 0 || i >= len(t) || t[i] != ')' {
			return 0, "", false
		}
		i++
		if i < len(t) && t[i] == '.' {
			i++
		}
	case t[0] >= '0' && t[0] <= '9':
		if n, i = leadingNumber(t, 0); i < 0 || i+1 >= len(t) || t[i] != ')' && !(t[i] == '.' && t[i+1] == ' ') {
			return 0, "", false
		}
		i++
	case t[0] == 'Q':
		if n, i = leadingNumber(t, 1); i < 0 {
			return 0, "", false
		}
		if i < len(t) && strings.IndexByte(".:)", t[i]) >= 0 {
			i++
		} else if !strings.HasSuffix(t, "?") {
			return 0, "", false // "Q1 Monitoring Report" is a title
		}
	case hasPrefixFold(t, "question "):
		if n, i = leadingNumber(t, len("question ")); i < 0 || i >= len(t) || strings.IndexByte(".:)", t[i]) < 0 {
			return 0, "", false
		}
		i++
	default:
		return 0, "", false
	}
	if i < len(t) && t[i] != ' ' {
		return 0, "", false
	}
	return n, strings.TrimSpace(t[i:]), true
}

// roman reads a small roman numeral in lower case, or returns 0.
func roman(s string) int { return romanValues[s] }

// romanValues are the small roman numerals, as question and part markers
// use them; made once, not on every call.
var romanValues = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
	"xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}

// leadingNumber reads one to three digits at t[i:], returning the number and
// the offset after them, or -1 when there are none or more than three.
func leadingNumber(t string, i int) (int, int) {
	j := i
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i || j-i > 3 {
		return 0, -1
	}
	return atoi(t[i:j]), j
}

// bullets are the characters that start a bulleted line.
const bullets = "•·▪●◦‣"

// bullet reports whether t starts with a bullet and returns the text after it.
func bullet(t string) (string, bool) {
	r, size := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune(bullets, r) {
		return "", false
	}
	return strings.TrimSpace(t[size:]), true
}

// isPartMarker reports whether t starts with a resolution part marker:
// "(a)", "(ii)", "(1)", "a)", "ii.", "1." or a bullet.
func isPartMarker(t string) bool {
	if _, ok := bullet(t); ok {
		return true
	}
	return partMarkerRE.MatchString(t)
}

// resolution reads "RESOLVED – That …" and its variants, returning the
// resolving words as typed and the text after them.
func resolution(t string) (as, rest string, ok bool) {
	if len(t) < 8 || !strings.ContainsRune("RrIiUuFf", rune(t[0])) {
		return "", "", false
	}
	loc := resolvedRE.FindStringSubmatchIndex(head(t, 120))
	if loc == nil {
		return "", "", false
	}
	as, sep, rest := normaliseSpaces(t[loc[2]:loc[3]]), t[loc[4]:loc[5]], strings.TrimSpace(t[loc[1]:])
	lowerAs := strings.ToLower(as)
	switch {
	case strings.Contains(as, "RESOLVED"), strings.HasPrefix(lowerAs, "it was"):
	case strings.HasPrefix(as, "Resolved") || strings.HasPrefix(as, "Unanimously") || strings.HasPrefix(as, "Further"):
		// Mixed case needs a colon or dash after it, or "that": "Resolved
		// issues were…" is a sentence.
		if strings.TrimSpace(sep) == "" && rest != "" && !hasPrefixFold(rest, "that ") && !hasPrefixFold(rest, "to ") &&
			!hasPrefixFold(rest, "that:") && !hasPrefixFold(rest, "to:") {
			return "", "", false
		}
	default:
		return "", "", false
	}
	if hasPrefixFold(rest, "that ") {
		rest = "That" + rest[len("that"):]
	}
	return as, rest, true
}

var (
	// midResolvedRE finds RESOLVED written inside a paragraph, after the
	// narrative: after a sentence break ("… discussed. It was RESOLVED
	// that …", "…; RESOLVED – that …") or after the body that resolved
	// ("Following discussion the Panel RESOLVED that …"). Only capitals:
	// "the Panel resolved to…" in running text is told, not recorded.
	midResolvedRE = regexp.MustCompile(`(?:[.;:]\s+|\s+[-–—]\s+|\s)((?:It\s+was\s+|it\s+was\s+)?(?:(?:UNANIMOUSLY|FURTHER)\s+)?RESOLVED|(?:the\s+|The\s+)?(?:Panel|Committee|Sub-Committee|Board|Council|Commission|Cabinet)\s+(?:UNANIMOUSLY\s+)?RESOLVED)\b(?:\s+(?:UNANIMOUSLY|unanimously))?(\s*[:\-–—.,]+\s*|\s+)`)
)

// midResolution reads a resolution that starts inside a line, after the
// narrative: it returns the narrative before it, the resolving words (with
// a capital first letter) and the resolution's text.
func midResolution(t string) (before, as, rest string, ok bool) {
	if !strings.Contains(t, "RESOLVED") {
		return "", "", "", false
	}
	loc := midResolvedRE.FindStringSubmatchIndex(t)
	if loc == nil {
		return "", "", "", false
	}
	before = strings.TrimSpace(t[:loc[2]])
	rest = strings.TrimSpace(t[loc[1]:])
	words := normaliseSpaces(t[loc[2]:loc[3]])
	sentenceBreak := strings.TrimSpace(t[loc[0]:loc[2]]) != ""
	if before == "" || rest == "" || !sentenceBreak && !bodyWordRE.MatchString(words) {
		// "RESOLVED" alone with only a space before it: "the Board had
		// RESOLVED" is a report of a decision, not one.
		return "", "", "", false
	}
	before = strings.TrimSpace(strings.TrimRight(before, "-–—")) // "… agreed – RESOLVED"
	as = strings.ToUpper(words[:1]) + words[1:]
	if hasPrefixFold(rest, "that ") {
		rest = "That" + rest[len("that"):]
	}
	return before, as, rest, true
}

// head returns at most the first n bytes of t: the part an anchored pattern
// can match, so a long paragraph costs no more than a short one.
func head(t string, n int) string {
	if len(t) <= n {
		return t
	}
	return t[:n]
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isQuestionsLabel reports whether t is a "Members' Questions:" heading.
func isQuestionsLabel(t string) bool {
	if len(t) > 60 || t == "" || !strings.ContainsRune("MmQqPpCc", rune(t[0])) {
		return false
	}
	return questionsLabelRE.MatchString(t)
}

// askerHeading reads a "Councillor Name:" line that heads a member's group of
// questions.
func askerHeading(t string) (string, bool) {
	if len(t) > 90 || !strings.HasSuffix(t, ":") {
		return "", false
	}
	m := askerHeadingRE.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// askerInline reads who asks from the start of a question: "Councillor Smith
// asked …" (the text is kept) or "Councillor Smith: …" (the name is cut).
func askerInline(t string) (asker, rest string) {
	m := askerInlineRE.FindStringSubmatchIndex(head(t, 120))
	if m == nil {
		return "", t
	}
	asker = t[m[2]:m[3]]
	if strings.HasPrefix(t[m[4]:m[5]], ":") {
		return asker, t[m[5]:]
	}
	return asker, t
}

// replyVerbs are the verbs that, after a name, start a prose answer.
var replyVerbs = map[string]bool{
	"replied": true, "responded": true, "advised": true, "stated": true, "said": true,
	"reported": true, "referred": true, "explained": true, "confirmed": true,
	"commented": true, "informed": true, "answered": true, "acknowledged": true,
	"added": true, "noted": true, "clarified": true, "indicated": true, "assured": true,
	"highlighted": true, "agreed": true, "undertook": true, "outlined": true,
	"mentioned": true, "emphasised": true, "emphasized": true, "stressed": true,
	"reassured": true, "accepted": true, "recognised": true, "recognized": true,
	"believed": true, "felt": true, "thought": true, "considered": true,
	"suggested": true, "gave": true, "provided": true, "reiterated": true,
}

// answeredBy reads who answers from the start of an answer: "The PCC replied
// that …" gives "The PCC", "In response, the Chief Constable said …" gives
// "The Chief Constable", "Superintendent Ward explained …" gives
// "Superintendent Ward". It returns "" when the answer does not start so.
func answeredBy(t string) string {
	words := strings.Fields(head(t, 200))
	if len(words) > 2 && (words[0] == "In" || words[0] == "Responding") {
		// "In response, the PCC said": skip to after the comma.
		for i, w := range words[:min(len(words), 10)] {
			if strings.HasSuffix(w, ",") {
				words = words[i+1:]
				break
			}
		}
	}
	for i := 1; i < len(words) && i <= 8; i++ {
		w := words[i]
		if w == "also" || w == "then" || w == "further" {
			if i+1 < len(words) && replyVerbs[words[i+1]] && isSpeaker(words[:i]) {
				return speaker(words[:i])
			}
			continue
		}
		if replyVerbs[w] {
			if isSpeaker(words[:i]) {
				return speaker(words[:i])
			}
			return ""
		}
	}
	return ""
}

// isSpeaker reports whether words name who answers: "The" and a title in
// capitals ("The Head of Policy"), or a title and a name ("Councillor Smith").
func isSpeaker(words []string) bool {
	if len(words) < 2 {
		return false
	}
	first := words[0]
	switch {
	case first == "The" || first == "the":
		if !startsUpper(words[1]) {
			return false
		}
	case honorific(first) != "" || first == "Chief":
		if len(words) > 4 {
			return false
		}
	default:
		return false
	}
	for _, w := range words[1:] {
		switch w {
		case "of", "for", "and", "&", "the":
			continue
		}
		if !startsUpper(w) || strings.ContainsAny(w, ",;:") {
			return false
		}
	}
	return true
}

// speaker formats the words that name who answers, with "The" capitalised.
func speaker(words []string) string {
	who := strings.Join(words, " ")
	if strings.HasPrefix(who, "the ") {
		who = "The " + who[len("the "):]
	}
	return who
}

// isAnswerOpener reports whether a paragraph starts as a prose answer.
func isAnswerOpener(t string) bool {
	return answeredBy(t) != "" || answerLabelRE.MatchString(t) || answerStartRE.MatchString(t)
}

// isQuestionish reports whether an unnumbered paragraph reads as a new
// question: it ends with a question mark, or starts "Councillor X asked",
// "A Member asked".
func isQuestionish(t string) bool {
	end := strings.TrimRight(t, " ”’\"')]")
	if strings.HasSuffix(end, "?") {
		return true
	}
	if a, _ := askerInline(t); a != "" {
		return true
	}
	if _, ok := proseQuestion(t); ok {
		return true
	}
	return askerGenericRE.MatchString(t)
}

// isNarrativeOpener reports whether a paragraph starts as the meeting's own
// narrative ("The Chair …", "The Panel …", "Members …") rather than the
// continuation of an answer.
func isNarrativeOpener(t string) bool {
	return narrativeOpenerRE.MatchString(t)
}

// startsBracketReply reports whether t opens a square-bracketed reply (and is
// not an action tag).
func startsBracketReply(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	_, _, isTag := matchTag(t, 0)
	return !isTag
}

// closingBracket returns the index in s of the ']' that brings depth open
// brackets to zero, and the depth at the end of s when there is none. Action
// tags open and close their own bracket, so they never close a reply.
func closingBracket(s string, depth int) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth <= 0 {
				return i, 0
			}
		}
	}
	return -1, depth
}

// isOnlyTags reports whether s holds nothing but action tags and punctuation.
func isOnlyTags(s string) bool {
	tags := FindActionTags(s)
	if len(tags) == 0 {
		return false
	}
	var rest strings.Builder
	prev := 0
	for _, t := range tags {
		rest.WriteString(s[prev:t.Start])
		prev = t.End
	}
	rest.WriteString(s[prev:])
	return !containsLetter(rest.String()) && !strings.ContainsAny(rest.String(), "0123456789")
}

// isItemOnly reports whether t can only stand inside an item: an item label,
// a question, a reply, a resolution or a time.
func isItemOnly(t string) bool {
	if _, _, ok := itemLabel(t); ok {
		return true
	}
	if _, _, ok := resolution(t); ok {
		return true
	}
	if n, rest, ok := questionMarker(t); ok && n == 1 && (rest == "" || startsUpper(rest)) {
		return true
	}
	if _, ok := isTimeLine(t); ok {
		return true
	}
	return isQuestionsLabel(t) || startsBracketReply(t)
}
