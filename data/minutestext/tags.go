package minutestext

import (
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
// start of the line (Parse puts each paragraph on one line, with paragraphs
// separated by a blank line) or from the end of an earlier tag on the same
// line, up to the tag. Leading spaces, leftover punctuation (the "." of
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
	lineStart := 0
	for i := range tags {
		// Track the start of the tag's line as we go, so many tags on one
		// long line cost no more than one pass over it.
		from := lineStart
		if i > 0 {
			from = tags[i-1].End
		}
		if nl := strings.LastIndexByte(text[from:tags[i].Start], '\n'); nl >= 0 {
			lineStart = from + nl + 1
		}
		tags[i].TextStart, tags[i].TextEnd = closedText(text, tags, i, lineStart)
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
			return collapseSpaces(text[j:k]), k + 1, true
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

// closedText returns the offsets of the text that tags[i] closes.
func closedText(text string, tags []Tag, i, lineStart int) (int, int) {
	tag := tags[i]
	from := lineStart
	if i > 0 && tags[i-1].End > from {
		from = tags[i-1].End
	}
	if a, b := trimClosed(text, from, tag.Start); a < b {
		return a, b
	}
	// The tag starts its line: it closes the previous non-blank line.
	if a, b, ok := previousLine(text, tags, i, lineStart); ok {
		return a, b
	}
	// Nothing before it at all: take what follows, up to the next tag or the
	// end of the line.
	to := len(text)
	if i+1 < len(tags) {
		to = tags[i+1].Start
	}
	if nl := strings.IndexByte(text[tag.End:to], '\n'); nl >= 0 {
		to = tag.End + nl
	}
	if a, b := trimClosed(text, tag.End, to); a < b {
		return a, b
	}
	return tag.Start, tag.Start
}

// previousLine finds the last non-blank line before lineStart and returns its
// text after any tag on it.
func previousLine(text string, tags []Tag, i, lineStart int) (int, int, bool) {
	end := lineStart - 1 // the '\n' ending the previous line
	for end > 0 {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		from := start
		for k := i - 1; k >= 0 && tags[k].Start >= start; k-- {
			if tags[k].End > from && tags[k].End <= end {
				from = tags[k].End
			}
		}
		if strings.TrimSpace(text[start:end]) != "" {
			a, b := trimClosed(text, from, end)
			return a, b, a < b
		}
		end = start - 1
	}
	return 0, 0, false
}

// trimClosed narrows text[a:b] past leading spaces and punctuation and before
// trailing spaces.
func trimClosed(text string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".,;:[", r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}
