package minutestext

import (
	"regexp"
	"strings"
)

// This file reads attendance that the minutes record in sentences rather
// than lists: "Apologies were received from …", "Councillor A substituted
// for Councillor B", "Councillors C and D were in attendance".

var (
	// apologyFromRE finds the names after "apologies … from" anywhere in a
	// sentence: "The Head of Democratic Services reported apologies from …",
	// "An apology for absence was received from …".
	apologyFromRE = regexp.MustCompile(`(?i)\bapolog(?:y|ies)\b(?:\s+for\s+absence)?(?:\s+(?:were|was|had\s+been|have\s+been|has\s+been))?(?:\s+also)?(?:\s+(?:received|submitted|given|tendered|noted|made|presented|reported|sent|accepted))?\s+(?:from|by|on\s+behalf\s+of)\s+(.+?)\.?$`)
	// sentApologiesRE reads "Councillor Marlowe submitted apologies for
	// absence".
	sentApologiesRE = regexp.MustCompile(`^(.+?)\s+(?:submitted|sent|gave|tendered|had\s+sent|had\s+given)\s+(?:his\s+|her\s+|their\s+)?apologies(?:\s+for\s+absence)?$`)
	// respectivelyRE reads "A, B and C replaced D, E and F respectively" and
	// "… substituted by C and D respectively".
	respectivelyRE      = regexp.MustCompile(`(?i)^(.+?)\s+(?:replaced|substituted\s+for|were\s+substituting\s+for|attended\s+in\s+place\s+of)\s+(.+?)\s+respectively$`)
	substitutedByRespRE = regexp.MustCompile(`(?i)^(.+?),?\s+substituted\s+by\s+(.+?)\s+respectively$`)
	// substituteAnywhereRE finds "X substituted for Y" and its variants after
	// whatever opens the sentence ("It was noted that …", "Having given due
	// notice …").
	substituteAnywhereRE = regexp.MustCompile(`((?:Councillor|Cllr\.?|County\s+Councillor|Mr|Mrs|Ms|Miss|Dr|Deputy)\s+[A-Z][^,;]{0,50}?)\s+(?:substituted|was\s+substituting|substituting|attended\s+as\s+(?:a\s+)?substitute|was\s+present\s+as\s+(?:a\s+)?substitute|was\s+attending\s+as\s+(?:a\s+)?substitute|was\s+in\s+attendance\s+as\s+(?:a\s+)?substitute|attended\s+in\s+place|replaced|advised\s+that\s+(?:he|she|they)\s+would\s+be\s+substituting|would\s+be\s+substituting)\s+(?:of\s+|for\s+)?((?:Councillor|Cllr\.?|County\s+Councillor|Mr|Mrs|Ms|Miss|Dr|Deputy)\s+[A-Z][^,;]{0,50}?)(?:\s+at\s+the\s+meeting)?\.?$`)
	// attendedAsRE finds "… and Cllr Joel attended as alternate" at the end
	// of a list of apologies: a substitute for the member named before.
	attendedAsRE = regexp.MustCompile(`(?i)\s+(?:and|,)\s+((?:councillor|cllr\.?|mr|mrs|ms|dr)\s*[A-Z][^,;]{0,50}?)\s+(?:attended|was\s+present|was\s+in\s+attendance)\s+as\s+(?:a\s+|an\s+)?(?:substitute|alternate)(?:\s+member)?(?:\s+for\s+(.+))?$`)
	// inAttendanceRE reads "Councillors A, B and C were in attendance" and
	// "Mr X and Inspector Y were also in attendance at the invitation of …".
	inAttendanceRE = regexp.MustCompile(`^(.+?)\s+(?:were|was)\s+(?:also\s+)?in\s+attendance\b`)
	// substituteLeadRE finds the sentence that leads into a list of
	// substitutes: "The following substitutions had been made:".
	substituteLeadRE = regexp.MustCompile(`(?i)substitut[a-z]*\b.*:-?$`)
	// apologyLeadRE finds "Apologies were received from:" with the names
	// listed after it.
	apologyLeadRE = regexp.MustCompile(`(?i)^(?:\d+\.\s+)?apolog(?:y|ies)\b.*\b(?:from|by|of)\s*:-?$`)
	// forRE2 reads one line of a list of substitutes: "Cllr D Stocks for Cllr
	// I Hadleigh".
	listSubstituteRE = regexp.MustCompile(`^((?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][^,;]{0,50}?)\s+(?:for|in\s+place\s+of|replacing)\s+((?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][^,;()]{0,50}?)(?:\s*\(.*\))?(?:;|,)?(?:\s+and)?\.?$`)
)

// proseAttendance reads the attendance a sentence records, for an item's
// narrative or a text's opening lines. The sentence stays where it is; this
// only adds the people it names.
func (p *parser) proseAttendance(s string) {
	s = strings.TrimSpace(strings.TrimLeft(stripParagraphNumber(s), "*"))
	if len(s) > 600 || isAgendaText(s) {
		return // "To receive apologies for absence" is the agenda's
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "respectively") {
		if m := substitutedByRespRE.FindStringSubmatch(strings.TrimSuffix(s, ".")); m != nil && strings.Contains(strings.ToLower(m[1]), "apolog") {
			if names, _, ok := apologyNames(m[1]); ok {
				absent := p.addNames(names, KindApologies, 0, false)
				p.pairSubstitutes(m[2], absent)
				return
			}
		}
		if m := respectivelyRE.FindStringSubmatch(strings.TrimSuffix(s, ".")); m != nil {
			plural := false
			forWhom, _ := parseNames(m[2], KindApologies, &plural)
			var names []string
			for _, a := range forWhom {
				names = append(names, a.Name)
			}
			p.pairSubstitutes(m[1], names)
			return
		}
	}
	if strings.Contains(lower, "apolog") && !strings.Contains(lower, "lateness") {
		if names, rest, ok := apologyNames(s); ok {
			absent := p.addNames(names, KindApologies, 0, false)
			if sub, forWhom, ok := attendedAs(rest); ok {
				if forWhom == "" && len(absent) > 0 {
					forWhom = absent[len(absent)-1]
				}
				p.addAttendee(Attendee{Name: sub, Kind: KindSubstitute, SubstituteFor: forWhom})
			}
			return
		}
	}
	if strings.Contains(lower, "substitut") || strings.Contains(lower, "in place of") || strings.Contains(lower, "replaced") {
		if m := substituteAnywhereRE.FindStringSubmatch(s); m != nil {
			p.addAttendee(Attendee{Name: trimName(m[1]), Kind: KindSubstitute, SubstituteFor: trimName(m[2])})
			return
		}
	}
	if strings.Contains(lower, "in attendance") && !strings.Contains(lower, "substitute") {
		upto := s // the pattern ends at "in attendance": it need not read on
		if i := strings.Index(lower, "in attendance"); len(lower) == len(s) && i >= 0 {
			upto = s[:min(len(s), i+len("in attendance")+1)]
		}
		if m := inAttendanceRE.FindStringSubmatch(upto); m != nil && !strings.HasPrefix(lower, "the ") {
			p.addNames(m[1], KindInAttendance, 0, false)
		}
	}
}

// apologyNames finds the names a sentence gives apologies for, and the text
// that follows them ("… and Cllr Joel attended as alternate").
func apologyNames(s string) (names, rest string, ok bool) {
	s = strings.TrimSuffix(s, ".")
	if loc := attendedAsRE.FindStringIndex(s); loc != nil {
		s, rest = s[:loc[0]], s[loc[0]:]
	}
	if m := apologyFromRE.FindStringSubmatch(s); m != nil {
		names = m[1]
	} else if m := sentApologiesRE.FindStringSubmatch(s); m != nil {
		names = m[1]
	} else {
		return "", "", false
	}
	names = strings.TrimSuffix(strings.TrimSpace(names), ":")
	if names == "" {
		return "", "", false
	}
	return names, rest, true
}

// attendedAs reads "and Cllr Joel attended as alternate (for Cllr X)".
func attendedAs(rest string) (sub, forWhom string, ok bool) {
	m := attendedAsRE.FindStringSubmatch(rest)
	if m == nil {
		return "", "", false
	}
	return trimName(m[1]), trimName(m[2]), true
}

// pairSubstitutes adds the substitutes named in list, the first for the first
// of forWhom, and so on.
func (p *parser) pairSubstitutes(list string, forWhom []string) {
	plural := false
	subs, _ := parseNames(list, KindSubstitute, &plural)
	for i, a := range subs {
		a.Kind = KindSubstitute
		if i < len(forWhom) {
			a.SubstituteFor = forWhom[i]
		}
		p.addAttendee(a)
	}
}

// listSubstitute reads one line of a list of substitutes.
func listSubstitute(t string) (sub, forWhom string, ok bool) {
	t = strings.TrimSpace(stripListMarker(t))
	m := listSubstituteRE.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	return trimName(m[1]), trimName(m[2]), true
}

var (
	paragraphNumberRE = regexp.MustCompile(`^(?:\(\d{1,3}\)\.?|\d{1,3}(?:\.\d{1,3}){1,2}\.?|\d{1,3}\.)\s+`)
	listMarkerRE      = regexp.MustCompile(`^(?:\((?:[a-z]{1,4}|[A-Z]|\d{1,2})\)\.?|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s+`)
)

// stripParagraphNumber removes the number a paragraph opens with: "(4) ",
// "5.2 ", "2. ".
func stripParagraphNumber(t string) string {
	if t == "" || t[0] != '(' && (t[0] < '0' || t[0] > '9') {
		return t
	}
	if loc := paragraphNumberRE.FindStringIndex(head(t, 20)); loc != nil {
		return t[loc[1]:]
	}
	return t
}

// stripListMarker removes a bullet or a list marker: "• ", "(i) ", "a) ".
func stripListMarker(t string) string {
	if rest, ok := bullet(t); ok {
		return rest
	}
	if loc := listMarkerRE.FindStringIndex(head(t, 12)); loc != nil {
		return t[loc[1]:]
	}
	return stripParagraphNumber(t)
}

// mentionsAttendance is a cheap test for a sentence proseAttendance may read.
func mentionsAttendance(t string) bool {
	lower := strings.ToLower(t)
	return strings.Contains(lower, "apolog") || strings.Contains(lower, "substitut") ||
		strings.Contains(lower, "replaced") || strings.Contains(lower, "in attendance") || strings.Contains(lower, "in place of")
}

// ownerNames turns the owner of an action line into names: initials such as
// "TM/PB" become the people the attendance lists with those initials
// ("Anthony Morris (TM)") or whose names have them; any other owner is kept
// as typed.
func (p *parser) ownerNames(owner string) string {
	if !initialsListRE.MatchString(owner) {
		return owner
	}
	var names []string
	for _, ini := range regexp.MustCompile(`[A-Z]{2,4}`).FindAllString(owner, -1) {
		name := ini
		for _, a := range p.res.Meeting.Attendance {
			if a.initials == ini || a.initials == "" && initialsOf(a.Name) == ini {
				name = a.Name
				break
			}
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// initialsOf returns the initials of a name without its title: "Councillor
// Rachel Jonas" gives "RJ".
func initialsOf(name string) string {
	if h := honorific(name); h != "" {
		name = strings.TrimSpace(name[len(h):])
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r := w[0]; r >= 'A' && r <= 'Z' {
			b.WriteByte(r)
		}
	}
	return b.String()
}
