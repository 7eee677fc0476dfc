package minutestext

import (
	"regexp"
	"strings"

	"github.com/minutebook/minutebook/data/names"
)

var (
	attendanceLabelRE = regexp.MustCompile(`^(?i:(members\s+present|present|apologies\s+for\s+absence|apologies\s+received|apologies|substitute\s+members?|substitutions|substitutes?|also\s+in\s+attendance|in\s+attendance|also\s+present|officers\s+present|officers\s+in\s+attendance|officers|absent))\s*(?::|[-–—]\s|$)\s*`)
	// membersLabelRE reads the labels over a list of members present:
	// "Main Panel Members Present:", "Committee Members:", "Community
	// Co-opted Members:".
	membersLabelRE = regexp.MustCompile(`^(?:[A-Z][\w-]*\s+){0,3}(?i:members\s+present\s*(?::|$)|members\s*:)\s*`)
	// othersLabelRE reads the labels over people who attended without being
	// members: "Others Present", "Witnesses:", "By invitation:".
	othersLabelRE          = regexp.MustCompile(`^(?i:others\s+present|others\s+in\s+attendance|witnesses|by\s+invitation|attendees|guests|invited\s+guests)\s*(?::|[-–—]\s|$)\s*`)
	apologySentenceRE      = regexp.MustCompile(`(?i)^apologies\s+(?:for\s+absence\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:received|submitted|given|tendered|noted|made)\s+(?:from|by|on\s+behalf\s+of)\s+(.+?)\.?$`)
	substituteRE           = regexp.MustCompile(`(?i)^(.+?)\s*[(\[]?\s*\b(?:substituting\s+for|substitute\s+for|as\s+(?:a\s+)?substitute\s+for|in\s+place\s+of|replacing|substituting)\s+(.+?)\s*[)\]]?$`)
	substitutionSentenceRE = regexp.MustCompile(`^((?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[^,.;]{1,60}?)\s+(?:substituted|was\s+substituting|substituting|attended\s+as\s+(?:a\s+)?substitute|was\s+present\s+as\s+(?:a\s+)?substitute)\s+for\s+([^,;]{1,80}?)\.?$`)
	// subLabelRE matches "Voting Members:", "Co-opted Members:" and the like
	// at the start of a line of names.
	subLabelRE        = regexp.MustCompile(`^(?:[A-Z][\w-]*\s+){0,3}(?i:members|officers|councillors|invitation|guests)\s*:\s*`)
	substituteNoteRE  = regexp.MustCompile(`(?i)^(?:substitute|sub)(?:\s+member)?$`)
	substituteColonRE = regexp.MustCompile(`(?i)^substitute(?:d\s+by)?\s*:\s*(.+)$`)
	forNoteRE         = regexp.MustCompile(`(?i)^(?:sub(?:stitute)?\s+)?for\s+(.+)$`)
	forRE             = regexp.MustCompile(`(?i)^(.+?)\s+for\s+(.+)$`)
	substitutedByRE   = regexp.MustCompile(`(?i)^(?:substituted\s+by\s+(.+)|(.+?)\s+(?:substituting|substitute|substituted))$`)
)

// roleWords mark a comma-separated part of a list as the role or authority of
// the name before it ("Matthew Barber, Police and Crime Commissioner") rather
// than another name.
var roleWords = wordSet(
	"constabulary", "force", "opccb", "mdc", "mbc", "independent", "co-opted", "opcc", "pcc", "cabinet", "portfolio", "holder",
	"officer", "commissioner", "chief", "director", "manager", "head", "executive",
	"constable", "superintendent", "inspector", "clerk", "secretary", "treasurer",
	"lawyer", "solicitor", "adviser", "advisor", "council", "pcc", "opcc", "police",
	"assistant", "deputy", "monitoring", "team", "unit", "office", "service",
	"panel", "committee", "authority", "member", "borough", "county",
	"district", "lead", "coordinator", "co-ordinator", "analyst", "support", "governance",
)

// connectives are the words a list leaves between names.
var connectives = wordSet("from", "and", "the", "by", "of", "with", "also")

// inFold reports whether set, of lower-case words, holds w in any case. It
// folds an ASCII word on the stack: the attendance reader asks it of nearly
// every word of a list.
func inFold(set map[string]bool, w string) bool {
	var buf [80]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 0x80:
			return set[strings.ToLower(w)]
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// wordSet makes a set of words.
func wordSet(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// honorific returns the title that starts s, as typed ("Councillor", "Cllr.",
// "Chief Constable"), or "". The titles are the one list in package names.
func honorific(s string) string {
	// A title is a few words at most: look no further, so that a long list
	// costs no more than a short one.
	typed, short, rest, ok := names.Cut(head(s, 60))
	if !ok || !strings.HasPrefix(s, typed) {
		return ""
	}
	if short == "Deputy" {
		// The City's "Deputy Keith Everard"; "Deputy Chair" is a role.
		next, _, _ := strings.Cut(rest, " ")
		next = strings.Trim(next, ",;")
		if !startsUpper(next) || inFold(roleWords, next) || strings.EqualFold(next, "chair") {
			return ""
		}
	}
	return typed
}

// attendanceLabel reports whether t starts an attendance list and returns the
// kind of attendee it lists and any names that follow the label on the line.
func attendanceLabel(t string) (kind, names string, ok bool) {
	if t == "" {
		return "", "", false
	}
	if h := head(t, 60); strings.Contains(h, "embers") || strings.Contains(h, "EMBERS") {
		if loc := membersLabelRE.FindStringSubmatchIndex(h); loc != nil {
			// "Main Panel Members Present:", "Committee Members:", "Co-opted
			// Members:"
			return KindPresent, t[loc[1]:], true
		}
	}
	if strings.ContainsAny(t[:1], "OoWwBbAaGgIi") {
		if loc := othersLabelRE.FindStringSubmatchIndex(head(t, 60)); loc != nil {
			return KindInAttendance, t[loc[1]:], true
		}
	}
	if !strings.ContainsAny(t[:1], "PpAaSsIiOo") {
		return "", "", false
	}
	loc := attendanceLabelRE.FindStringSubmatchIndex(head(t, 60))
	if loc == nil {
		return "", "", false
	}
	label := strings.ToLower(t[loc[2]:loc[3]])
	switch {
	case strings.Contains(label, "present") && !strings.Contains(label, "also") && !strings.HasPrefix(label, "officers"):
		kind = KindPresent
	case strings.HasPrefix(label, "apologies"):
		kind = KindApologies
	case strings.HasPrefix(label, "substitut"):
		kind = KindSubstitute
	case label == "absent":
		kind = KindAbsent
	default:
		kind = KindInAttendance
	}
	return kind, t[loc[1]:], true
}

// apologySentence reads "Apologies for absence were received from A, B and
// C." and returns the list of names.
func apologySentence(t string) (string, bool) {
	if len(t) < 20 || !strings.EqualFold(t[:9], "apologies") {
		return "", false
	}
	m := apologySentenceRE.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// substitutionSentence reads "Councillor A substituted for Councillor B."
func substitutionSentence(t string) (sub, forWhom string, ok bool) {
	if !strings.Contains(t, "substitut") || len(t) > 200 {
		return "", "", false
	}
	m := substitutionSentenceRE.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	return trimName(m[1]), trimName(m[2]), true
}

// parseNames splits a list of names of one kind — separated by commas,
// semicolons or " and " — into attendees. Parts it cannot read as a name are
// returned in bad.
//
// plural carries "Councillors A, B and C" across the lines of one list: while
// it is set, a name without a title of its own is given "Councillor".
func parseNames(s, kind string, plural *bool) (people []Attendee, bad []string) {
	if strings.Contains(s, ":") { // the patterns run only where they can match: most lists are long
		s = subLabelRE.ReplaceAllString(s, "")
	}
	var entries [][]string // a name and the roles that follow it
	for _, part := range splitOutside(s, ",;") {
		for _, p := range splitTitles(splitAnd(part)) {
			p = trimName(p)
			if p == "" {
				continue
			}
			if startsLower(p) && !(len(p) <= 4 && inFold(connectives, p)) {
				bad = append(bad, p) // "who was not a Panel member …"
				continue
			}
			// "Matthew Barber, Police and Crime Commissioner": the role
			// belongs to the name before it (but in "Director of
			// Resources, Head of Service" each role is an attendee); so do
			// honours, "Mr P M Hillier, OBE".
			if pn, _ := cutBrackets(p); len(entries) > 0 && postNominals[strings.ToUpper(strings.Trim(pn, " ."))] {
				last := entries[len(entries)-1]
				last[0] += " " + strings.Trim(p, " .")
				continue
			}
			if len(entries) > 0 && (isRoleish(p) || strings.Contains(p, " & ") && honorific(p) == "") && isPerson(entries[len(entries)-1][0]) {
				entries[len(entries)-1] = append(entries[len(entries)-1], p)
				continue
			}
			entries = append(entries, []string{p})
		}
	}
	for _, parts := range entries {
		e := strings.Join(parts, " – ")
		if len(e) <= 4 && inFold(connectives, e) { // connectives are short words
			continue // "and from Councillors …" leaves "from"
		}
		if h := honorific(e); h != "" {
			lower := strings.ToLower(h)
			*plural = lower == "councillors" || lower == "cllrs"
			if *plural {
				e = "Councillor " + strings.TrimSpace(e[len(h):])
			}
		} else if *plural && !isRoleish(e) {
			e = "Councillor " + e
		}
		if !looksLikeName(e) {
			bad = append(bad, e)
			continue
		}
		people = append(people, parseAttendee(e, kind)...)
	}
	return people, bad
}

// isPerson reports whether a list entry names a person, perhaps with the
// post a copied column ran on after the name: not "Director of Resources".
func isPerson(e string) bool {
	if !isRoleish(e) || strings.Contains(e, "(") && initialsRE.MatchString(e) {
		return true
	}
	name, _ := cutBrackets(e)
	_, _, ok := cutNameTail(name)
	return ok
}

// initialsRE reads a name followed by its initials in brackets and a post:
// "John Campbell (JC) Chair, Police and Crime Commissioner".
var initialsRE = regexp.MustCompile(`^([A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*){1,3})\s*\(([A-Z]{2,4})\)\s*(.*)$`)

// parseAttendee reads one list entry: a name with its "(Chair)", "(Vice-
// Chair)", bracketed or dashed role, and a substitution ("Cllr A for Cllr B",
// "Cllr A (substituting for Cllr B)"). An apology "Cllr A (Cllr B
// substituting)" gives the substitute as a second attendee.
func parseAttendee(e, kind string) []Attendee {
	a := Attendee{Kind: kind}
	var extra []Attendee
	if m := matchSubstitute(e); m != nil {
		a.Kind, a.SubstituteFor, e = KindSubstitute, trimName(m[2]), m[1]
	} else if kind == KindSubstitute {
		if m := forRE.FindStringSubmatch(e); m != nil {
			e, a.SubstituteFor = m[1], trimName(m[2])
		}
	}
	var initials string
	var m []string
	if strings.Contains(e, "(") { // "(JC)"
		m = initialsRE.FindStringSubmatch(e)
	}
	if m != nil {
		// "John Campbell (JC) Chair": the initials the minutes use for
		// the person, then the post.
		initials = m[2]
		e = m[1]
		if post := strings.TrimSpace(m[3]); post != "" {
			e += " – " + strings.TrimLeft(post, "–-— ")
		}
	}
	name, notes := cutBrackets(e)
	if before, after, ok := cutDash(name); ok {
		name, notes = before, append([]string{after}, notes...)
	}
	if before, after, ok := cutNameTail(name); ok {
		// "Mr Timothy Adamson Broadland County Council": columns run
		// together.
		name, notes = before, append([]string{after}, notes...)
	}
	var others []string
	for _, n := range notes {
		if substituteNoteRE.MatchString(n) {
			a.Kind = KindSubstitute // "(substitute member)"
			continue
		}
		if forWhom, by := substitution(n); forWhom != "" {
			a.Kind, a.SubstituteFor = KindSubstitute, forWhom
			continue
		} else if by != "" && kind == KindApologies {
			extra = append(extra, Attendee{Name: by, Kind: KindSubstitute, SubstituteFor: trimName(name)})
			continue
		}
		for _, part := range splitOutside(n, ",") {
			part = strings.TrimSpace(part)
			switch role := chairRole(part); {
			case role != "" && a.Role == "":
				a.Role = role
			case part != "":
				others = append(others, part)
			}
		}
	}
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, " in the chair") {
		name, a.Role = name[:len(name)-len(" in the chair")], RoleChair
	}
	if a.Role == "" {
		a.Role = strings.Join(others, ", ")
	} else {
		a.Note = strings.Join(others, ", ")
	}
	a.Name = trimName(name)
	if a.Name == "" {
		return extra
	}
	a.initials = initials
	return append([]Attendee{a}, extra...)
}

// substitution reads a bracketed note about a substitution: "for Cllr B"
// gives forWhom, "Cllr B substituting" or "substituted by Cllr B" gives by.
func substitution(n string) (forWhom, by string) {
	if m := substituteColonRE.FindStringSubmatch(n); m != nil {
		return "", trimName(m[1]) // "(substitute: Councillor Nelmes)"
	}
	lower := strings.ToLower(n)
	if !strings.Contains(lower, "for ") && !strings.Contains(lower, "substitut") {
		return "", ""
	}
	if m := forNoteRE.FindStringSubmatch(n); m != nil {
		return trimName(m[1]), ""
	}
	if m := substitutedByRE.FindStringSubmatch(n); m != nil {
		return "", trimName(m[1] + m[2])
	}
	return "", ""
}

// matchSubstitute runs substituteRE only when a substitution word is there.
func matchSubstitute(e string) []string {
	lower := strings.ToLower(e)
	if !strings.Contains(lower, "substitut") && !strings.Contains(lower, "in place of") && !strings.Contains(lower, "replacing") {
		return nil
	}
	return substituteRE.FindStringSubmatch(e)
}

// chairKey reduces "Vice-Chair", "Vice Chair" and "vice–chair" alike.
var chairKey = strings.NewReplacer("-", "", " ", "", "–", "")

// chairRole returns RoleChair or RoleViceChair when t marks one, else "".
func chairRole(t string) string {
	if len(t) > 20 {
		return ""
	}
	key := chairKey.Replace(strings.ToLower(t))
	switch key {
	case "chair", "chairman", "chairwoman", "chairperson", "inthechair":
		return RoleChair
	case "vicechair", "vicechairman", "vicechairwoman", "vicechairperson", "deputychair", "deputychairman":
		return RoleViceChair
	}
	return ""
}

// cutBrackets removes every bracketed part from s and returns them apart.
func cutBrackets(s string) (rest string, inner []string) {
	if !strings.ContainsAny(s, "([") {
		return normaliseSpaces(s), nil
	}
	var b strings.Builder
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
			if depth == 0 {
				inner = append(inner, strings.TrimSpace(s[start:i]))
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	if depth > 0 {
		inner = append(inner, strings.TrimSpace(s[start:]))
	}
	return normaliseSpaces(b.String()), inner
}

// postNominals are the honours that follow a name after a comma.
var postNominals = wordSet("OBE", "MBE", "CBE", "KBE", "DBE", "QPM", "JP", "DL", "KC", "QC", "BEM", "MP")

// cutNameTail splits a name from the authority or post a copied column ran
// on after it: "Mr Timothy Adamson Broadland County Council", "Simon Foster
// Police and Crime Commissioner". The name is the titles, initials and at
// most two names; what follows must read as a role.
func cutNameTail(s string) (name, tail string, ok bool) {
	words := strings.Fields(s)
	k := 0
	for k < len(words) {
		h := honorific(strings.Join(words[k:], " "))
		if h == "" {
			break
		}
		k += countWords(h)
	}
	initials := 0
	for k < len(words) && isInitial(words[k]) {
		k++
		initials++
	}
	want := 2
	if initials > 0 {
		want = 1
	}
	for n := 0; n < want && k < len(words) && startsUpper(words[k]) && !inFold(roleWords, words[k]); n++ {
		k++
	}
	if k == 0 || k >= len(words) {
		return s, "", false
	}
	name, tail = strings.Join(words[:k], " "), strings.Join(words[k:], " ")
	if !startsUpper(tail) || !isRoleish(tail) || isRoleish(name) || len(words)-k < 2 && !inFold(roleWords, words[k]) {
		return s, "", false
	}
	return name, tail, true
}

// isInitial reports whether w is an initial: "A", "K.", "J.G.".
func isInitial(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	if w == "" || len(w) > 3 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return len(w) <= 2 || strings.Count(w, "") <= 4
}

// cutDash splits "Name – Role" at the first spaced dash.
func cutDash(s string) (before, after string, ok bool) {
	for _, d := range []string{" – ", " — ", " - "} {
		if before, after, ok := strings.Cut(s, d); ok {
			return strings.TrimSpace(before), strings.TrimSpace(after), true
		}
	}
	return s, "", false
}

// splitOutside splits s at any of the separator bytes that are not inside
// brackets.
func splitOutside(s, seps string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case depth == 0 && strings.IndexByte(seps, c) >= 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// splitAnd splits "A and B" into names, but not "Police and Crime
// Commissioner": the part after " and " must not read as a role.
func splitAnd(s string) []string {
	var parts []string
	for {
		i := indexOutside(s, " and ")
		if i < 0 {
			break
		}
		left, right := s[:i], s[i+len(" and "):]
		if isRoleish(firstWords(right, 3)) || strings.ContainsAny(left, "–—") || endsWithRoleWord(left) && honorific(right) == "" {
			break
		}
		parts = append(parts, left)
		s = right
	}
	if rest := strings.TrimPrefix(strings.TrimSpace(s), "and "); rest != "" {
		parts = append(parts, rest)
	}
	return parts
}

// splitTitles splits names that a PDF's columns or a tab ran together,
// "Councillor A Smith Councillor B Jones", before each title that follows a
// name (not "Cllr A for Cllr B", not inside brackets).
func splitTitles(parts []string) []string {
	var out []string
	for _, p := range parts {
		depth, start, prev, prevStart := 0, 0, "", 0
		for i := 0; i < len(p); {
			j := strings.IndexByte(p[i:], ' ')
			if j < 0 {
				j = len(p) - i
			}
			word := p[i : i+j]
			splitHere := !inFold(joinsNames, prev) && honorific(strings.Trim(prev, ",")) == "" && startsName(p[i:]) &&
				len(honorific(p[prevStart:])) <= len(prev) // not inside a rank: "Parish Cllr"
			// "… Office of the Police and Crime Commissioner G Miles": an
			// initial and a surname after a role start the next name.
			if !splitHere && inFold(roleWords, prev) && isInitial(word) {
				next, _, _ := strings.Cut(strings.TrimSpace(p[i+j:]), " ")
				splitHere = startsUpper(next) && !isInitial(next) && !inFold(roleWords, next)
			}
			if depth == 0 && i > start && splitHere {
				out = append(out, p[start:i])
				start = i
			}
			depth = max(0, depth+strings.Count(word, "(")-strings.Count(word, ")"))
			prev, prevStart = word, i
			i += j + 1
		}
		out = append(out, p[start:])
	}
	return out
}

// startsName reports whether s starts with a title and a name after it:
// "Cllr B Jones", "Deputy Chief Constable Scott Bissell", but not a rank at
// the end of an entry, "… Chief Constable", which is a role.
func startsName(s string) bool {
	h := honorific(s)
	if h == "" {
		return false
	}
	rest := strings.TrimSpace(s[len(h):])
	if rest == "" {
		return false
	}
	next, _, _ := strings.Cut(rest, " ")
	next = strings.Trim(next, ",;.")
	return startsUpper(next) && !inFold(roleWords, next)
}

// joinsNames are the words after which a title continues the same entry.
var joinsNames = wordSet("for", "by", "of", "and", "&", "substituting", "replacing", "place", "with", "to")

// indexOutside is strings.Index for a match that is not inside brackets.
func indexOutside(s, sub string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 && strings.HasPrefix(s[i:], sub) {
				return i
			}
		}
	}
	return -1
}

// endsWithRoleWord reports whether s ends with a role word: "Office of the
// Police" in "Office of the Police and Crime Commissioner".
func endsWithRoleWord(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	return inFold(roleWords, w)
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	s = strings.TrimSpace(s)
	end := 0
	for k := 0; k < n && end < len(s); k++ {
		i := strings.IndexByte(s[end:], ' ')
		if i < 0 {
			return s
		}
		end += i + 1
	}
	return strings.TrimSpace(s[:end])
}

// isRoleish reports whether p reads as a role or an authority rather than a
// person's name: it has a role word and no title such as "Councillor".
func isRoleish(p string) bool {
	if honorific(p) != "" {
		return false
	}
	if strings.ContainsAny(p, "([") {
		p, _ = cutBrackets(p)
	}
	for len(p) > 0 {
		var w string
		w, p, _ = strings.Cut(p, " ")
		w = strings.Trim(w, "(),")
		if inFold(roleWords, w) || (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "S")) && inFold(roleWords, w[:len(w)-1]) {
			return true
		}
	}
	return false
}

// looksLikeName reports whether a list entry can be a name: it has a letter,
// at most a dozen words, and hardly any lower-case words outside brackets
// and after a dash (a sentence has many).
func looksLikeName(e string) bool {
	name, _ := cutBrackets(e)
	name, _, _ = cutDash(name)
	if !containsLetter(name) {
		return false
	}
	words := strings.Fields(name)
	if len(words) > 12 {
		return false
	}
	lower := 0
	for _, w := range words {
		switch w {
		case "and", "for", "of", "the", "de", "van", "von", "da", "der", "le", "in", "place", "substituting", "substitute", "as", "a", "on", "behalf", "chair":
			continue
		}
		if startsLower(w) {
			lower++
		}
	}
	return lower <= 1
}

// trimName trims spaces and the punctuation a list leaves around a name.
func trimName(s string) string {
	s = strings.Trim(s, " ,;.:")
	s = strings.TrimPrefix(s, "and ")
	s = strings.TrimSuffix(s, " and")
	s = strings.TrimSuffix(s, " &")
	return strings.Trim(s, " ,;.:")
}

// isAttendanceSentence reports whether t records apologies or a
// substitution: "Apologies were received from …".
func isAttendanceSentence(t string) bool {
	if _, ok := apologySentence(t); ok {
		return true
	}
	_, _, ok := substitutionSentence(t)
	return ok
}
