package export

import (
	"html"
	"strings"
	"unicode/utf8"
)

// markupClean makes text safe for the HTML and Word editions, whose readers bring their own
// fonts: every character XML 1.0 allows stays, emoji included, and a control character
// (which XML forbids, and a clerk never means) becomes Replacement. Tabs become spaces; line
// breaks stay. It returns how many characters it replaced.
func markupClean(s string) (string, int) {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if !clean || (r < 0x20 && r != '\n') || r == 0x7F || (r >= 0x80 && r < 0xA0) || r == 0xFFFE || r == 0xFFFF {
			clean = false
			break
		}
	}
	if clean {
		return s, 0
	}
	n := 0
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteRune(Replacement) // a byte that is not UTF-8
			n++
		case r == '\t':
			b.WriteRune(' ')
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			// dropped: line ends are \n
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || r == 0xFFFE || r == 0xFFFF:
			b.WriteRune(Replacement)
			n++
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), n
}

// escapeText escapes text for HTML and XML content and attribute values alike.
func escapeText(s string) string { return html.EscapeString(s) }
