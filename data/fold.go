package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldSpecial maps letters that have no Unicode decomposition to the plain letter a reader
// would type for them.
var foldSpecial = map[rune]rune{
	'ł': 'l', 'đ': 'd', 'ø': 'o', 'ß': 's', 'æ': 'a', 'œ': 'o', 'þ': 't', 'ð': 'd', 'ı': 'i', 'ħ': 'h', 'ŧ': 't',
	'‘': '\'', '’': '\'', '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ',
}

// Fold lower-cases s and strips diacritics, one rune for one rune, so that "lodz" matches
// "Łódź" and a position in the folded text is the same rune position in the original.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	if r < 0x80 {
		return unicode.ToLower(r)
	}
	r = unicode.ToLower(r)
	if f, ok := foldSpecial[r]; ok {
		return f
	}
	d := norm.NFD.String(string(r))
	for _, c := range d {
		if !unicode.Is(unicode.Mn, c) {
			return c
		}
	}
	return r
}
