package data

import (
	"fmt"
	"strings"
)

// Count writes a number of things as the clerk reads it: "1 action", "3 actions",
// "0 actions".
func Count(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, Plural(n, one, many))
}

// Plural chooses the word for n things: one for 1, many otherwise ("was" or "were").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Shorten cuts s, its spaces folded, to at most n characters on a word boundary, with an
// ellipsis: for a quotation in a question to the clerk or an action's description.
func Shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// PartNumerals are the roman numerals that label the parts of a lettered part of a
// resolution, in order: (a) (i), (ii)….
var PartNumerals = []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
