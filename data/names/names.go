// Package names knows how minutes name people: the titles that come before a name
// ("Cllr", "Councillor", "Mx", "Chief Superintendent"), splitting a title from the name, and
// whether two ways of writing a name are one person.
//
// It is its own small package, with no imports of ours, because both package data (the
// store, the importer, People) and data/minutestext (reading published minutes) need the one
// list, and data imports minutestext: the list cannot live in data without minutestext
// importing its own importer. app and export use it through data or directly.
package names

import "strings"

// A title is one way of addressing a person, with the forms minutes write it in.
type title struct {
	short string   // as People keeps it and minutes print it: "Cllr", "Supt"
	forms []string // every other form, lower case, without full stops: "councillor"
}

// titles is the one list of titles. A form of several words ("chief constable") is read
// before any shorter one it starts with. Full stops are ignored ("Cllr." is "Cllr", "Ch.
// Supt." is "Ch Supt"), and so is case.
var titles = []title{
	{"Cllr", []string{"councillor", "councillors", "cllrs"}},
	{"Mr", nil},
	{"Mrs", nil},
	{"Ms", nil},
	{"Miss", nil},
	{"Mx", nil},
	{"Dr", nil},
	{"Prof", []string{"professor"}},
	{"Sir", nil},
	{"Dame", nil},
	{"Lord", nil},
	{"Lady", nil},
	{"Rev", []string{"revd", "reverend"}},
	{"Rt Hon", []string{"the rt hon", "right honourable", "the right honourable"}},
	{"Baroness", nil},
	{"Baron", nil},
	// Local government's own: the City of London's Deputies and Aldermen, a Mayor named
	// in a list, a county or parish councillor named as such.
	{"Alderman", nil},
	{"Deputy", nil},
	{"Mayor", nil},
	{"Cty Cllr", []string{"county councillor", "county cllr"}},
	{"Parish Cllr", []string{"parish councillor"}},
	// Police ranks, as a Police and Crime Panel's minutes name officers.
	{"Chief Constable", nil},
	{"DCC", []string{"deputy chief constable"}},
	{"ACC", []string{"assistant chief constable"}},
	{"Chief Superintendent", []string{"ch supt", "chief supt"}},
	{"Supt", []string{"superintendent"}},
	{"Chief Inspector", []string{"ch insp", "chief insp"}},
	{"Inspector", []string{"insp"}},
	{"Sgt", []string{"sergeant"}},
	{"PC", []string{"police constable"}},
	{"DCI", []string{"detective chief inspector"}},
	{"DI", []string{"detective inspector"}},
	{"Det Supt", []string{"detective superintendent"}},
	// Co-opted members may be named by their service rank.
	{"Air Cdre", []string{"air commodore"}},
	{"Col", []string{"colonel"}},
}

// byForm maps every form of every title, lower case without full stops, to its short form.
var byForm = func() map[string]string {
	m := map[string]string{}
	for _, t := range titles {
		m[key(t.short)] = t.short
		for _, f := range t.forms {
			m[f] = t.short
		}
	}
	return m
}()

// longest is the most words any form has.
var longest = func() int {
	n := 0
	for f := range byForm {
		n = max(n, len(strings.Fields(f)))
	}
	return n
}()

// firstWords holds the first word of every form, as byForm holds it.
var firstWords = func() map[string]bool {
	m := map[string]bool{}
	for f := range byForm {
		w, _, _ := strings.Cut(f, " ")
		m[w] = true
	}
	return m
}()

// key is a form as byForm holds it: lower case, full stops dropped.
func key(s string) string { return strings.ToLower(strings.ReplaceAll(s, ".", "")) }

// Titles lists every title in its short form, in the order above: for a list to choose from.
func Titles() []string {
	out := make([]string, len(titles))
	for i, t := range titles {
		out[i] = t.short
	}
	return out
}

// Cut finds the title at the start of s: typed is the title as s writes it ("Councillor",
// "Cllr.", "Chief Constable"), short its short form ("Cllr"), and rest what follows, spaces
// trimmed (perhaps nothing: "Dr" alone is a title too). found is false when s starts with
// none, and rest is then s.
func Cut(s string) (typed, short, rest string, found bool) {
	s = strings.TrimSpace(s)
	// Fold the first words into one key on the stack, as byForm holds
	// them, noting where each word ends: an attendance list asks this of
	// most of its words, and most are no title.
	var buf [64]byte
	var ends [8]int // in buf, after each word
	var wordEnds [8]int
	n, words := 0, 0
	for pos := 0; words < min(longest, len(ends)); {
		for pos < len(s) && isSpace(s[pos]) {
			pos++
		}
		if pos == len(s) {
			break
		}
		if words > 0 {
			if n == len(buf) {
				break
			}
			buf[n] = ' '
			n++
		}
		start := n
		for pos < len(s) && !isSpace(s[pos]) {
			c := s[pos]
			pos++
			switch {
			case c >= 0x80:
				return cutSlow(s)
			case c == '.':
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			if n == len(buf) {
				return cutSlow(s)
			}
			buf[n] = c
			n++
		}
		if words == 0 && !firstWords[string(buf[start:n])] {
			return "", "", s, false
		}
		ends[words], wordEnds[words] = n, pos
		words++
	}
	for k := words; k >= 1; k-- {
		if t, ok := byForm[string(buf[:ends[k-1]])]; ok {
			end := wordEnds[k-1]
			return s[:end], t, strings.TrimSpace(s[end:]), true
		}
	}
	return "", "", s, false
}

// isSpace reports whether the ASCII byte c is white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// cutSlow is Cut for text that is not plain ASCII.
func cutSlow(s string) (typed, short, rest string, found bool) {
	words := strings.Fields(s)
	for n := min(longest, len(words)); n >= 1; n-- {
		t, ok := byForm[key(strings.Join(words[:n], " "))]
		if !ok {
			continue
		}
		// The title as typed ends where its n-th word does in s.
		end := 0
		for i := 0; i < n; i++ {
			end += strings.Index(s[end:], words[i]) + len(words[i])
		}
		return s[:end], t, strings.TrimSpace(s[end:]), true
	}
	return "", "", s, false
}

// Split separates a title from a name, spaces folded: "Councillor  Barrie Patman" →
// "Cllr", "Barrie Patman". A name with no title, or a title alone ("Dr"), gives "" and the
// name.
func Split(name string) (title, rest string) {
	name = strings.Join(strings.Fields(name), " ")
	if _, short, rest, ok := Cut(name); ok && rest != "" {
		return short, rest
	}
	return "", name
}

// Plain is a name without its title: "Councillor Barrie Patman" → "Barrie Patman".
func Plain(name string) string {
	_, rest := Split(name)
	return rest
}

// IsTitle reports whether word, as typed in running text, is a one-word title that keeps
// to the name after it: "Cllr", "Councillor", "Dr.", "PC". It must be written as a title is
// before a name — the short form, or a form with a capital first letter — so that "the
// lady", "a pc" and the road "MR 1" are not titles.
func IsTitle(word string) bool {
	return asTitle[strings.ReplaceAll(word, ".", "")]
}

// asTitle holds each one-word title as it is written before a name.
var asTitle = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range titles {
		for _, f := range append([]string{t.short}, t.forms...) {
			if !strings.Contains(f, " ") {
				m[strings.ToUpper(f[:1])+f[1:]] = true
			}
		}
	}
	return m
}()

// Same reports whether a and b name one person: "Cllr Jane Smith", "Councillor Jane Smith"
// and "Jane Smith" do, and so does "jane  smith"; "Jane Smith" and "John Smith" do not. fold
// makes two spellings one (case, and diacritics for data.Fold); nil compares case only.
func Same(a, b string, fold func(string) string) bool {
	a, b = Plain(a), Plain(b)
	if fold == nil {
		return strings.EqualFold(a, b)
	}
	return fold(a) == fold(b)
}
