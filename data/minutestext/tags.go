package minutestext

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tag is one action tag, such as "[Action: PCC]", found in a text.
type Tag struct {
	// Owner is the text after the colon, trimmed, with runs of spaces
	// collapsed: "PCC". It may be "" for "[Action:]".
	Owner string
	// Start and End are byte offsets of the tag itself, brackets included:
	// text[Start:End] == "[Action: PCC]".
	Start, End int
	// Text is the text the tag closes, text[TextStart:TextEnd].
	Text               string
	TextStart, TextEnd int
}

// maxTagLen bounds how far past "[Action:" the closing bracket is looked for,
// so a stray "[Action:" in a long text costs little.
const maxTagLen = 200

// FindActionTags returns the action tags in text, in order.
//
// A tag is "[", the word "Action" in any case, a colon and the owner, then
// "]"; spaces (plain or non-breaking) may stand around the word, the colon
// and the owner. The owner may not contain a bracket or a line break.
//
// The text a tag closes is the part of its paragraph before it: from the
// start of the paragraph (back to a blank line; Parse puts each paragraph on
// one line, with paragraphs separated by a blank line) or from the end of an
// earlier tag in it, up to the tag. Leading spaces, leftover punctuation (the "." of
// "[Action: PCC].") and the "[" opening a bracketed reply are skipped,
// trailing spaces dropped. When nothing is left — the tag starts its line —
// the tag closes the previous non-blank line (after any tag on it), and
// failing that the text after the tag up to the next tag or the end of the
// line. When there is no text at all, TextStart == TextEnd == Start.
//
// Offsets are byte offsets into text, so a caller that edits the text can
// replace text[Start:End] or text[TextStart:TextEnd] directly.
func FindActionTags(text string) []Tag {
	var tags []Tag
	for pos := 0; pos < len(text); {
		i := strings.IndexByte(text[pos:], '[')
		if i < 0 {
			break
		}
		start := pos + i
		owner, end, ok := matchTag(text, start)
		if !ok {
			pos = start + 1
			continue
		}
		tags = append(tags, Tag{Owner: owner, Start: start, End: end})
		pos = end
	}
	c := closer{text: text, tags: tags, prevFor: -1}
	for i := range tags {
		tags[i].TextStart, tags[i].TextEnd = c.closedText(i)
		tags[i].Text = text[tags[i].TextStart:tags[i].TextEnd]
	}
	return tags
}

// matchTag reports whether an action tag starts at text[start] (a '['), and
// returns its owner and the offset just past its ']'.
func matchTag(text string, start int) (owner string, end int, ok bool) {
	j := skipSpaces(text, start+1)
	const word = "action"
	if len(text)-j < len(word) || !strings.EqualFold(text[j:j+len(word)], word) {
		return "", 0, false
	}
	j = skipSpaces(text, j+len(word))
	if j >= len(text) || text[j] != ':' {
		return "", 0, false
	}
	j++
	limit := min(len(text), j+maxTagLen)
	for k := j; k < limit; k++ {
		switch text[k] {
		case ']':
			return normaliseSpaces(text[j:k]), k + 1, true
		case '[', '\n', '\r':
			return "", 0, false
		}
	}
	return "", 0, false
}

// skipSpaces returns the offset of the first non-space rune at or after i.
func skipSpaces(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// closer finds the text each tag closes, walking the tags in order. It
// remembers the start of the current line and what the previous line gave,
// so that many tags on one line cost no more than one pass over the text.
type closer struct {
	text      string
	tags      []Tag
	lineStart int // start of the line of the tag being looked at

	prevFor      int // lineStart for which prevA, prevB were found, or -1
	prevA, prevB int
	prevFound    bool
}

// closedText returns the offsets of the text that tags[i] closes.
func (c *closer) closedText(i int) (int, int) {
	text, tag := c.text, c.tags[i]
	from := c.lineStart
	if i > 0 {
		from = c.tags[i-1].End
	}
	if nl := strings.LastIndexByte(text[from:tag.Start], '\n'); nl >= 0 {
		c.lineStart = from + nl + 1
	}
	// Back to the start of the paragraph: over non-blank lines, but never past the
	// previous tag (so the walk costs one pass over the text in all), and not out of a
	// part of a list ("(b) …"), which is a paragraph of its own.
	paraStart := c.lineStart
	for paraStart > from && !startsPart(text[paraStart:tag.Start]) {
		prev := strings.LastIndexByte(text[:paraStart-1], '\n') + 1
		if prev < from || isBlank(text[prev:paraStart-1]) {
			break
		}
		paraStart = prev
	}
	if i > 0 && c.tags[i-1].End > paraStart {
		from = c.tags[i-1].End
	} else {
		from = paraStart
	}
	if a, b := trimClosed(text, from, tag.Start); a < b {
		return a, b
	}
	// The tag starts its line: it closes the previous non-blank line.
	if c.prevFor != c.lineStart {
		c.prevFor = c.lineStart
		c.prevA, c.prevB, c.prevFound = c.previousLine(i)
	}
	if c.prevFound {
		return c.prevA, c.prevB
	}
	// Nothing before it at all: take what follows, up to the next tag or the
	// end of the line.
	to := len(text)
	if i+1 < len(c.tags) {
		to = c.tags[i+1].Start
	}
	if nl := strings.IndexByte(text[tag.End:to], '\n'); nl >= 0 {
		to = tag.End + nl
	}
	if a, b := trimClosed(text, tag.End, to); a < b {
		return a, b
	}
	return tag.Start, tag.Start
}

// previousLine finds the last non-blank line before the current line and
// returns its text after the last tag on it.
func (c *closer) previousLine(i int) (int, int, bool) {
	text := c.text
	// The last tag that starts before this line.
	k := sort.Search(i, func(k int) bool { return c.tags[k].Start >= c.lineStart }) - 1
	end := c.lineStart - 1 // the '\n' ending the previous line
	for end > 0 {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		if !isBlank(text[start:end]) {
			from := start
			if k >= 0 && c.tags[k].Start >= start {
				from = c.tags[k].End
			}
			a, b := trimClosed(text, from, end)
			return a, b, a < b
		}
		end = start - 1
	}
	return 0, 0, false
}

// startsPart reports whether a line starts a lettered, roman or numbered part — "(b)",
// "(ii)", "(3)" — or a bullet.
func startsPart(line string) bool {
	line = strings.TrimLeft(line, " \t")
	if strings.HasPrefix(line, "•") || strings.HasPrefix(line, "·") {
		return true
	}
	if len(line) < 3 || line[0] != '(' {
		return false
	}
	end := strings.IndexByte(line, ')')
	if end < 2 || end > 5 {
		return false
	}
	for _, r := range line[1:end] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isBlank reports whether s holds only spaces.
func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}

// trimClosed narrows text[a:b] past leading spaces and punctuation (the "." or
// ")." left after an earlier "([Action: X])." and the "[" of a bracketed
// reply) and before trailing spaces and an opening "(" or "[" that belongs to
// the tag. A leading "(" stays: "(b) …" is a resolution part.
func trimClosed(text string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".,;:[])", r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) && r != '(' && r != '[' {
			break
		}
		b -= size
	}
	return a, b
}
