package minutestext

import (
	"regexp"
	"strings"
)

// This file reads the questions and decisions that minutes write as prose
// rather than mark with a number or a label: "Councillor X asked whether …
// The PCC replied that …", "In reply to a question from …", a bare "That …"
// whose "RESOLVED" was lost, "Agreed." standing as a whole minute.

var (
	// proseAskRE finds a member asking, at the start of a sentence:
	// "Councillor Lomas asked how …", "A Member asked whether …", "Mr Carver
	// sought clarification …", "The Panel asked if …".
	proseAskRE = regexp.MustCompile(`^(?:((?:Councillor|Cllr\.?|County\s+Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Deputy|Parish\s+Cllr)\s+[A-Z][\p{L}'’\-]*(?:\s+[A-Z][\p{L}'’\-]*){0,3})|(?i:a|another|one)\s+(?i:panel\s+|committee\s+)?(?i:member)(?:\s+of\s+the\s+(?:Panel|Committee|Board|Commission))?|(?:Panel\s+|Committee\s+)?Members|The\s+(?:Panel|Committee|Board|Commission|Chair(?:man)?|Vice[- ]Chair(?:man)?))\s+(?:(?:also|then|further)\s+)?(?:asked|queried|enquired|questioned|sought\s+clarification|sought\s+assurance|wanted\s+to\s+know|requested\s+(?:an?\s+)?(?:update|clarification|information|details))\b(.*)$`)
	// questionFromRE reads "In response to a question from Councillor X," and
	// "In reply to questions from …".
	questionFromRE = regexp.MustCompile(`^(?i:in\s+(?:response|reply|answer)\s+to\s+(?:a\s+)?(?:further\s+|supplementary\s+)?questions?\s+from\s+)((?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Professor|Deputy)\s+[A-Z][\p{L}'’\-]*(?:\s+[A-Z][\p{L}'’\-]*){0,2})\s*,`)
	// requestedRE reads a request put as a question: "Information was
	// requested on …".
	requestedRE = regexp.MustCompile(`^(?:Information|Clarification|Details|Assurance|An\s+update)\s+(?:was|were)\s+(?:requested|sought)\b`)
	// answerStartRE finds a sentence that answers: "Officers advised that …",
	// "It was confirmed that …".
	answerStartRE = regexp.MustCompile(`^(?:Officers?\s+(?:advised|said|confirmed|explained|replied|responded|reported|stated|agreed|undertook)|It\s+was\s+(?:confirmed|explained|advised|reported|stated|clarified|noted)\s+that)\b`)
)

// proseQuestion reports whether a paragraph (its number or bullet already
// stripped) is a member's question written as prose, and who asked it when
// the text says.
func proseQuestion(t string) (asker string, ok bool) {
	if strings.HasSuffix(t, ":") || len(t) < 12 {
		return "", false // "Members asked the following questions:"
	}
	if m := questionFromRE.FindStringSubmatch(head(t, 200)); m != nil {
		return trimName(m[1]), true
	}
	if m := proseAskRE.FindStringSubmatch(head(t, 300)); m != nil {
		rest := strings.TrimSpace(m[2])
		if isGenericAsker(t) && !asksSomething(rest) {
			return "", false // "The Panel asked the Commissioner a series of questions"
		}
		return trimName(m[1]), true
	}
	if requestedRE.MatchString(head(t, 80)) {
		return "", true
	}
	// "…; Councillor Abernethy asked whether …"
	if i := strings.Index(t, "; "); i > 0 && i < 200 {
		if m := proseAskRE.FindStringSubmatch(head(t[i+2:], 300)); m != nil && m[1] != "" {
			return trimName(m[1]), true
		}
	}
	return "", false
}

// isGenericAsker reports whether the question opens with the body or its
// Chair rather than a member: such a sentence asks only if a question word
// follows "asked".
func isGenericAsker(t string) bool {
	return strings.HasPrefix(t, "The ")
}

// asksSomething reports whether the words after "asked" put a question:
// "whether …", "how …", "the Leader whether …", "for an update on …".
func asksSomething(rest string) bool {
	words := strings.Fields(strings.ToLower(head(rest, 80)))
	for i, w := range words {
		if i > 3 {
			break
		}
		switch strings.Trim(w, ",") {
		case "whether", "if", "how", "what", "when", "why", "who", "which", "where", "about", "for":
			return true
		}
	}
	return false
}

// isAnswerSentence reports whether a sentence answers a question: it opens
// with who answers ("The Commissioner replied …") or as officers' answers do.
func isAnswerSentence(t string) bool {
	return answeredBy(t) != "" || answerStartRE.MatchString(t)
}

var (
	// bodyResolvedRE reads a decision recorded mid-sentence: "The Panel
	// RESOLVED to support …", "Council RESOLVED to agree …", "COUNCIL
	// RESOLVED - That …".
	bodyResolvedRE = regexp.MustCompile(`^((?:The\s+)?(?i:panel|committee|sub-committee|board|council|commission|cabinet)\s+(?:RESOLVED|resolved)(?:\s+(?:UNANIMOUSLY|unanimously))?)(\s*[:\-–—.,]+\s*|\s+|$)`)
	// meetingNarrativeRE finds the verbs of an account of the meeting, in
	// the past tense: "The Chair welcomed …", "… it was being webcast".
	meetingNarrativeRE = regexp.MustCompile(`\b(?:was|were|had|welcomed|opened|announced|reminded|informed|thanked|noted|explained|confirmed|introduced|paid\s+tribute|observed\s+a)\b`)
	// pageNoticeRE finds the words of a web page's notice or banner, which
	// speaks to the reader: "You can watch them live", "Technical Error".
	pageNoticeRE = regexp.MustCompile(`(?i)\b(?:you|your|https?|www|error|cookies?|browser|javascript)\b`)
	// wholeDecisionRE matches a minute that is a decision in one word:
	// "Agreed.", "Noted", "RECEIVED.".
	wholeDecisionRE = regexp.MustCompile(`^(?i:agreed|noted|received|approved|endorsed|accepted|deferred|carried)\.?$`)
	// subjunctiveRE finds the clause a resolution is written in: "… be
	// noted", "… be approved as a correct record".
	subjunctiveRE = regexp.MustCompile(`\b(?:be|are)\s+(?:\w+\s+)?(?:noted|approved|agreed|received|endorsed|adopted|accepted|appointed|elected|confirmed|signed|supported|referred|delegated|asked|requested|invited|recommended|authorised|rescinded|made|held|arranged|circulated|included|added|established|deferred|amended|forwarded|sent|published|updated|reviewed|considered|set\s+up|taken|given|continued|sought|provided|reported|brought)\b`)
	// modalBeforeBeRE finds "could be", "would be" and the like, which a
	// resolution does not use.
	modalBeforeBeRE = regexp.MustCompile(`\b(?:could|would|should|might|may|will|can|must|to|not|cannot|had|has|have|was|were|is|it|they|there)\s+(?:\w+\s+)?be\s`)
	// reportedDecisionRE finds a proposal reported in the narrative before
	// the clause: "proposed … that", "nominated".
	reportedDecisionRE = regexp.MustCompile(`\b(?:proposed|moved|seconded|nominated|suggested|recommended that|requested that|asked that|felt that|considered that)\b`)
	// movedRE finds "It was moved by Councillor X, seconded by Councillor Y
	// and", after which the resolution follows with its label lost.
	movedRE = regexp.MustCompile(`(?i)\b(?:moved\s+by|proposed\s+by)\b.*\bseconded\b.*(?:\band|,)$`)
	// putToVoteRE finds "on being put to the vote, unanimously,".
	putToVoteRE = regexp.MustCompile(`(?i)\b(?:put\s+to\s+the\s+vote|on\s+a\s+vote)\b.*(?:,|–|-)$`)
)

// mentionsBeOrAre reports whether t has the word "be" or "are", in lower
// case, capitals or with a capital first letter.
func mentionsBeOrAre(t string) bool {
	for _, w := range [...]string{" be ", " are ", " BE ", " ARE ", " Be ", " Are "} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// isDecisionClause reports whether t is written as a resolution is: "the
// report be noted", "That the Committee visit …", not "the improvement could
// be sustained".
func isDecisionClause(t string) bool {
	h := head(t, 400)
	if !mentionsBeOrAre(h) {
		return false // most paragraphs: no need to fold them
	}
	lower := strings.ToLower(h)
	if !strings.Contains(lower, " be ") && !strings.Contains(lower, " are ") || !subjunctiveRE.MatchString(lower) {
		return false
	}
	loc := subjunctiveRE.FindStringIndex(lower)
	before := lower[:loc[1]]
	if reportedDecisionRE.MatchString(before) {
		return false // "Cllr A proposed, and Cllr B seconded, that X be elected"
	}
	return !modalBeforeBeRE.MatchString(before[max(0, len(before)-60):])
}

// isBareThat reports whether a paragraph is a resolution whose label was
// lost: "That the update report be noted.", "That:".
func isBareThat(t string) bool {
	if t == "That:" || t == "That:-" || t == "That –" {
		return true
	}
	if !strings.HasPrefix(t, "That ") {
		return false
	}
	return isDecisionClause(t)
}

var (
	// actionLineRE reads an action written as a line of its own: "Action –
	// TM/PB to bring a plan to the April Board.", "ACTION: Clerk to …".
	actionLineRE = regexp.MustCompile(`^(?i:actions?)\s*(?:[-–—:]\s*)(.+)$`)
	// actionOwnerRE reads who an action line gives the action to: the words
	// before " to " ("TM/PB", "Tenancy Services Manager").
	actionOwnerRE = regexp.MustCompile(`^([A-Z][\p{L}&'’./ -]{0,60}?)\s+(?:to|will|would)\s+\S`)
	// initialsListRE matches an owner given as initials: "TM/PB", "RJ",
	// "AB & CD".
	initialsListRE = regexp.MustCompile(`^[A-Z]{2,4}(?:\s*(?:/|&|and|,)\s*[A-Z]{2,4})*$`)
)

// actionLine reads an action written as a line: the text of the action and
// who it is for, as typed ("TM/PB").
func actionLine(t string) (text, owner string, ok bool) {
	if !hasPrefixFold(t, "action") {
		return "", "", false
	}
	m := actionLineRE.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	text = strings.TrimSpace(m[1])
	o := actionOwnerRE.FindStringSubmatch(text)
	if o == nil {
		return "", "", false
	}
	return text, strings.TrimSpace(o[1]), true
}
