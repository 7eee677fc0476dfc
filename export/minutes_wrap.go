package export

import (
	"strings"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/names"
)

// fontStyle is a font style as gofpdf names it.
type fontStyle string

// The styles of the Go fonts registered by newPDF.
const (
	styleRegular    fontStyle = ""
	styleBold       fontStyle = "B"
	styleItalic     fontStyle = "I"
	styleBoldItalic fontStyle = "BI"
)

// emphasis is the bold form of a style: what an action tag is set in.
func (st fontStyle) emphasis() fontStyle {
	if st == styleItalic || st == styleBoldItalic {
		return styleBoldItalic
	}
	return styleBold
}

// A span is a piece of text in one style. The spaces in a span marked keep never break a
// line: an action tag "[Action: PCC]" stays on one line.
type span struct {
	text  string
	style fontStyle
	keep  bool
}

// widthFunc measures text set in a style, at the size being laid out.
type widthFunc func(text string, st fontStyle) float64

// spanLine is one line made by breakLines: its spans, inner spaces included, and its width.
type spanLine struct {
	spans []span
	width float64
}

// seg is a piece of a source span's text, src[start:end], in its style: lines are made of
// views of the text they came from, not of copies, so that breaking a paragraph allocates
// little more than its lines.
type seg struct {
	src        int // the index of the span it comes from
	start, end int
	style      fontStyle
}

// word is text between two places a line may break; it may mix styles ("[Action: PCC].").
// Most words are one seg, kept in first; more holds the rest.
type word struct {
	first seg
	more  []seg
	width float64
	// breakBefore is set on the first word after a line break typed in the text.
	breakBefore bool
}

// epsilon absorbs rounding when a line is exactly full.
const epsilon = 1e-6

// addSpan appends text to spans, merging it into the last span when the style matches.
func addSpan(spans []span, text string, st fontStyle) []span {
	if text == "" {
		return spans
	}
	if n := len(spans); n > 0 && spans[n-1].style == st {
		spans[n-1].text += text
		return spans
	}
	return append(spans, span{text: text, style: st})
}

// splitWords cuts spans into words at spaces (not those inside a kept span) and at line
// breaks ('\n'), measuring each word.
func splitWords(spans []span, measure widthFunc) []word {
	words := make([]word, 0, 16)
	var cur word
	empty := true
	pendingBreak := false
	flush := func() {
		if !empty {
			cur.breakBefore = pendingBreak
			pendingBreak = false
			words = append(words, cur)
		}
		cur, empty = word{}, true
	}
	add := func(src, start, end int, st fontStyle) {
		if end <= start {
			return
		}
		sg := seg{src: src, start: start, end: end, style: st}
		if empty {
			cur.first, empty = sg, false
		} else {
			cur.more = append(cur.more, sg)
		}
		cur.width += measure(spans[src].text[start:end], st)
	}
	for i, s := range spans {
		if s.keep {
			add(i, 0, len(s.text), s.style)
			continue
		}
		start := 0
		for j := 0; j <= len(s.text); j++ {
			if j < len(s.text) && s.text[j] != ' ' && s.text[j] != '\n' {
				continue
			}
			add(i, start, j, s.style)
			if j < len(s.text) {
				flush()
				if s.text[j] == '\n' {
					pendingBreak = len(words) > 0
				}
			}
			start = j + 1
		}
	}
	flush()
	return words
}

// lineBuilder builds a line's spans, each a view of its source text while the text it
// holds is contiguous there, copied only where it is not.
type lineBuilder struct {
	src   []span
	spans []span
	open  bool
	style fontStyle
	// The last span's text is prefix followed by src[view].text[start:end] (none if view < 0).
	prefix           string
	view, start, end int
	width            float64
}

// text is the last span's text so far.
func (lb *lineBuilder) text() string {
	if lb.view < 0 {
		return lb.prefix
	}
	v := lb.src[lb.view].text[lb.start:lb.end]
	if lb.prefix == "" {
		return v
	}
	return lb.prefix + v
}

// close finishes the last span.
func (lb *lineBuilder) close() {
	if lb.open {
		lb.spans = append(lb.spans, span{text: lb.text(), style: lb.style})
		lb.open = false
	}
}

// add appends src[from].text[start:end], or text when from < 0, in style st.
func (lb *lineBuilder) add(from, start, end int, text string, st fontStyle) {
	if (from >= 0 && end <= start) || (from < 0 && text == "") {
		return
	}
	if !lb.open || lb.style != st {
		lb.close()
		lb.open, lb.style, lb.prefix, lb.view = true, st, "", -1
	}
	switch {
	case from >= 0 && lb.view == from && lb.end == start:
		lb.end = end // contiguous: the view grows
	case from >= 0:
		lb.prefix = lb.text()
		lb.view, lb.start, lb.end = from, start, end
	default:
		lb.prefix = lb.text() + text
		lb.view = -1
	}
}

// addWord appends a word's segs.
func (lb *lineBuilder) addWord(w *word) {
	lb.add(w.first.src, w.first.start, w.first.end, "", w.first.style)
	for _, s := range w.more {
		lb.add(s.src, s.start, s.end, "", s.style)
	}
}

// addSpace appends the space before a word, taken from the source text where it is there, so
// that the view goes on.
func (lb *lineBuilder) addSpace(next *word, st fontStyle) {
	f := next.first
	if f.start > 0 && lb.src[f.src].text[f.start-1] == ' ' {
		lb.add(f.src, f.start-1, f.start, "", st)
		return
	}
	lb.add(-1, 0, 0, " ", st)
}

// wordSpans are a word's spans, merged by style as a line holds them.
func wordSpans(src []span, w *word) []span {
	out := addSpan(nil, src[w.first.src].text[w.first.start:w.first.end], w.first.style)
	for _, s := range w.more {
		out = addSpan(out, src[s.src].text[s.start:s.end], s.style)
	}
	return out
}

// breakLines breaks spans into lines no wider than width, greedily at spaces, keeping the
// line breaks typed in the text. Lines are ragged right (see Minutes for why). A word wider
// than a whole line — a long URL — starts a line of its own and is broken where it must be:
// after a '/' or '-', or before a '.', if one falls in the second half of the line, else between
// characters. No other word is ever cut.
func breakLines(spans []span, width float64, measure widthFunc) []spanLine {
	var lines []spanLine
	lb := &lineBuilder{src: spans, view: -1}
	finish := func() {
		lb.close()
		if len(lb.spans) > 0 {
			lines = append(lines, spanLine{spans: lb.spans, width: lb.width})
		}
		*lb = lineBuilder{src: spans, view: -1}
	}
	words := splitWords(spans, measure)
	for i := range words {
		w := &words[i]
		if w.breakBefore {
			finish()
		}
		if lb.open {
			sp := styleRegular
			if lb.style == w.first.style {
				sp = lb.style
			}
			spaceWidth := measure(" ", sp)
			if lb.width+spaceWidth+w.width <= width+epsilon {
				lb.addSpace(w, sp)
				lb.addWord(w)
				lb.width += spaceWidth + w.width
				continue
			}
			finish()
		}
		if w.width <= width+epsilon {
			lb.addWord(w)
			lb.width = w.width
			continue
		}
		pieces := breakWord(wordSpans(spans, w), width, measure)
		for _, p := range pieces[:len(pieces)-1] {
			lines = append(lines, spanLine{spans: p.spans, width: p.width})
		}
		last := pieces[len(pieces)-1]
		for _, s := range last.spans {
			lb.add(-1, 0, 0, s.text, s.style)
		}
		lb.width = last.width
	}
	finish()
	return lines
}

// A long unbroken string (a URL, a file path) breaks most readably after one of breakAfter
// or before one of breakBefore, as style guides advise for URLs.
const (
	breakAfter  = "/-_?&=#\\"
	breakBefore = ".,"
)

// piece is part of a word broken across lines.
type piece struct {
	spans []span
	width float64
}

// breakWord cuts a word, set out as spans, wider than width into pieces that fit, each at
// least one character.
func breakWord(spans []span, width float64, measure widthFunc) []piece {
	type glyph struct {
		r     rune
		style fontStyle
		width float64
	}
	var gs []glyph
	for _, s := range spans {
		for _, r := range s.text {
			gs = append(gs, glyph{r, s.style, measure(string(r), s.style)})
		}
	}
	var pieces []piece
	for start := 0; start < len(gs); {
		end, used := start, 0.0
		for end < len(gs) && used+gs[end].width <= width+epsilon {
			used += gs[end].width
			end++
		}
		if end == start {
			end++ // a single character wider than the line: it goes alone
		}
		if end < len(gs) {
			// Prefer a break at punctuation in the second half of the line.
			sum := 0.0
			best := -1
			for i := start; i < end; i++ {
				if i > start && strings.ContainsRune(breakBefore, gs[i].r) && sum >= width/2 {
					best = i
				}
				sum += gs[i].width
				if strings.ContainsRune(breakAfter, gs[i].r) && sum >= width/2 {
					best = i + 1
				}
			}
			if best > 0 {
				end = best
			}
		}
		var p piece
		for _, g := range gs[start:end] {
			p.spans = addSpan(p.spans, string(g.r), g.style)
			p.width += g.width
		}
		pieces = append(pieces, p)
		start = end
	}
	return pieces
}

// actionSpans sets text in a style with its action tags ([Action: PCC], [Action:PCC]) in the
// bold form of that style, each tag kept on one line.
func actionSpans(text string, st fontStyle) []span {
	var spans []span
	at := 0
	for _, tag := range data.FindActionTags(text) {
		spans = append(spans, glued(text[at:tag.Start], st)...)
		spans = append(spans, span{text: text[tag.Start:tag.End], style: st.emphasis(), keep: true})
		at = tag.End
	}
	return append(spans, glued(text[at:], st)...)
}

// glued sets text in a style, with what a line should not break inside kept on one line: a
// title and the name after it ("Cllr Łucja"), and a postcode ("HP19 8FF").
func glued(text string, st fontStyle) []span {
	var spans []span
	at := 0
	for _, g := range unbreakables(text) {
		if g[0] > at {
			spans = append(spans, span{text: text[at:g[0]], style: st})
		}
		spans = append(spans, span{text: text[g[0]:g[1]], style: st, keep: true})
		at = g[1]
	}
	if at < len(text) {
		spans = append(spans, span{text: text[at:], style: st})
	}
	return spans
}

// unbreakables finds the byte ranges of text to keep on one line, in order. It looks at each
// pair of neighbouring words, so it runs in one pass over the text.
func unbreakables(text string) [][2]int {
	var out [][2]int
	prevStart, prevEnd := -1, -1
	for i := 0; i <= len(text); {
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text) - i
		}
		start, end := i, i+j
		if prevStart >= 0 && end > start && prevEnd == start-1 && (len(out) == 0 || out[len(out)-1][1] <= prevStart) {
			prev := text[prevStart:prevEnd]
			switch {
			case names.IsTitle(strings.TrimLeft(prev, "(“‘\"'[")):
				out = append(out, [2]int{prevStart + len(prev) - len(strings.TrimLeft(prev, "(“‘\"'[")), end})
			case outwardCode(prev):
				if n := inwardCode(text[start:end]); n > 0 {
					out = append(out, [2]int{prevStart, start + n})
				}
			}
		}
		prevStart, prevEnd = start, end
		i = end + 1
	}
	return out
}

// outwardCode reports whether s is the first half of a UK postcode: HP19, SW1A, M1.
func outwardCode(s string) bool {
	n := 0
	for n < len(s) && n < 2 && isUpper(s[n]) {
		n++
	}
	if n == 0 || n == len(s) || !isDigit(s[n]) {
		return false
	}
	rest := s[n+1:]
	return rest == "" || (len(rest) == 1 && (isUpper(rest[0]) || isDigit(rest[0])))
}

// inwardCode returns the length of the second half of a UK postcode at the start of s (8FF),
// or 0. Punctuation may follow it; a letter or digit may not.
func inwardCode(s string) int {
	if len(s) < 3 || !isDigit(s[0]) || !isUpper(s[1]) || !isUpper(s[2]) {
		return 0
	}
	if len(s) > 3 && (isUpper(s[3]) || isDigit(s[3]) || (s[3] >= 'a' && s[3] <= 'z')) {
		return 0
	}
	return 3
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// paragraphsOf splits text into paragraphs at blank lines. Runs of spaces become one space,
// lines are trimmed, and runs of blank lines (or lines of spaces) count as one break, so no
// empty paragraph is ever drawn. A single line break inside a paragraph is kept: the clerk
// typed it.
func paragraphsOf(text string) []string {
	var paras []string
	var cur []string     // the paragraph's lines, once one needed tidying
	start, end := -1, -1 // the paragraph as it stands in text, while no line needed tidying
	flush := func() {
		switch {
		case cur != nil:
			paras = append(paras, strings.Join(cur, "\n"))
		case start >= 0:
			paras = append(paras, text[start:end]) // no copy: the text as typed
		}
		cur, start, end = nil, -1, -1
	}
	for at := 0; at <= len(text); {
		n := strings.IndexByte(text[at:], '\n')
		if n < 0 {
			n = len(text) - at
		}
		line := text[at : at+n]
		if !tidyLine(line) {
			line = strings.Join(strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
			if line != "" && cur == nil {
				if start >= 0 {
					cur = strings.Split(text[start:end], "\n")
				} else {
					cur = []string{}
				}
			}
		}
		switch {
		case line == "":
			flush()
		case cur != nil:
			cur = append(cur, line)
		case start < 0:
			start, end = at, at+n
		default:
			end = at + n
		}
		at += n + 1
	}
	flush()
	return paras
}

// tidyLine reports whether a line needs no tidying: not empty, no tab, no space at either
// end or doubled.
func tidyLine(line string) bool {
	if line == "" || line[0] == ' ' || line[len(line)-1] == ' ' {
		return false
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\t':
			return false
		case ' ':
			if line[i+1] == ' ' {
				return false
			}
		}
	}
	return true
}

// glyphWidths measures text in the Go fonts. gofpdf draws each character at its advance
// width with no kerning, so a string's width is the sum of its characters' widths, read from
// the tables goFonts made once for the process: one slice index per character.
type glyphWidths struct {
	fonts *parsedFonts
}

func newGlyphWidths() *glyphWidths { return &glyphWidths{fonts: goFonts()} }

// mmPerPoint is a point in millimetres, worked out as gofpdf does (size / k), so that widths
// come out to the same bits as gofpdf's own GetStringWidth.
var mmPerPoint = 1 / (72.0 / 25.4)

// width returns the width of text in millimetres, set in st at size points.
func (g *glyphWidths) width(text string, st fontStyle, size float64) float64 {
	i := styleIndex(st)
	widths := g.fonts.widths[i]
	total := 0.0
	for _, r := range text {
		if r < 0x10000 {
			total += widths[r]
		} else {
			total += g.fonts.missingWidth[i]
		}
	}
	return total * size
}

// at returns a widthFunc for text set at size points.
func (g *glyphWidths) at(size float64) widthFunc {
	return func(text string, st fontStyle) float64 { return g.width(text, st, size) }
}
