package export

import (
	"slices"
	"strings"
	"testing"
)

// paragraphsSlow is paragraphsOf as first written, line by line: the reference the fast one
// is checked against.
func paragraphsSlow(text string) []string {
	var paras, cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return paras
}

// FuzzParagraphsOf checks the paragraphs of any text are those the plain line-by-line way
// finds.
func FuzzParagraphsOf(f *testing.F) {
	for _, seed := range []string{"", "a", "a b", "a  b", " a", "a \nb", "a\n\nb\n", "\n\n\na\tb\n \n c", "one\ntwo\n\nthree  four\nfive", "x\n\n\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := paragraphsOf(s), paragraphsSlow(s); !slices.Equal(got, want) {
			t.Errorf("paragraphsOf(%q) = %q, want %q", s, got, want)
		}
	})
}
