package export

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/minutebook/minutebook/assets"
)

// Replacement is drawn in place of a character the fonts cannot draw (an emoji, another
// character outside the Basic Multilingual Plane, a control character).
const Replacement = '\uFFFD'

var (
	coverageOnce sync.Once
	coverage     [0x10000 / 8]byte // bit r set: the Go fonts draw BMP rune r
)

// hasGlyph reports whether the Go fonts can draw r. The four styles cover the same
// characters, so the regular one answers for all; its coverage of the Basic Multilingual
// Plane is read once into a bitmap, since Sanitize asks about every character drawn.
func hasGlyph(r rune) bool {
	coverageOnce.Do(func() {
		font, err := sfnt.Parse(assets.FontRegular)
		if err != nil {
			return // no coverage: everything outside ASCII is replaced, visibly
		}
		var buf sfnt.Buffer
		for c := rune(0); c < 0x10000; c++ {
			if i, err := font.GlyphIndex(&buf, c); err == nil && i != 0 {
				coverage[c/8] |= 1 << (c % 8)
			}
		}
	})
	if r < 0x80 {
		return true
	}
	return r < 0x10000 && coverage[r/8]&(1<<(r%8)) != 0
}

// Sanitize makes text safe to draw: characters the fonts cannot draw become Replacement,
// so gofpdf never fails or panics on them, and the reader sees that something was there.
// Tabs become spaces; line breaks stay. It returns how many characters it replaced.
func Sanitize(s string) (string, int) {
	clean := true
	for _, r := range s {
		if r > 0xFFFF || (r < 0x20 && r != '\n') || r == 0x7F || (r >= 0x80 && !hasGlyph(r)) {
			clean = false
			break
		}
	}
	if clean {
		return s, 0
	}
	n := 0
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteRune(' ')
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			// dropped: line ends are \n
		case r > 0xFFFF || unicode.IsControl(r) || (r >= 0x80 && !hasGlyph(r)):
			b.WriteRune(Replacement)
			n++
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), n
}
