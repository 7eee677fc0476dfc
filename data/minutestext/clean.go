package minutestext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// This file is the first stage of reading: the text is cut into lines, their
// spaces normalised, and what is not minutes (page footers, a web page's
// links and tabs, a PDF's stamps, a table's rules) dropped, remembering where
// blank lines, page breaks and table rows were.

// line is one non-blank, non-noise source line.
type line struct {
	num         int    // 1-based line number in the source
	text        string // spaces normalised and trimmed
	blankBefore bool   // a blank line, or the start of the text, comes before it
	gap         int    // how many blank lines come before it (the start of the text counts as many)
	pageBreak   bool   // a page footer or form feed was dropped just before it
	rowStart    bool   // it starts a row of a table copied as text
	afterHeader bool   // it follows a web page's "No. Item" header over the items
	runes       int    // length of text in runes
	restricted  bool   // the line is Modern.gov's "this item is restricted" notice
}

// startGap is the gap the start of the text counts as.
const startGap = 9

// splitLines cuts text into lines, normalises their spaces and drops blank
// lines and page, web and table noise.
func splitLines(text string) []line {
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	gap, pageBreak, rowStart, header := startGap, false, false, false
	table := isTableText(text)
	num := 0
	for rest := text; len(rest) > 0 || num == 0; {
		raw, next := rest, ""
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			raw, next = rest[:i], rest[i+1:]
		}
		if i := strings.IndexByte(raw, '\r'); i >= 0 {
			// "\r\n" ends a line at the '\r'; a lone '\r' is a line break too.
			if i+1 < len(raw) {
				next = rest[i+1:]
			}
			raw = raw[:i]
		}
		rest = next
		num++
		if strings.IndexByte(raw, '\f') >= 0 {
			pageBreak = true
		}
		t := stripViewDirections(normaliseSpaces(raw))
		rowEnds := false
		if table {
			t, rowEnds = stripTableRule(t)
			if isTableHeader(t) {
				t, rowEnds, header = "", true, true
			}
		}
		switch {
		case t == "":
			if rowEnds {
				rowStart = true
			} else {
				gap++
			}
			continue
		case isPageNoise(t):
			pageBreak = true
			continue
		case isWebNoise(t):
			header = header || isItemsHeader(t)
			continue
		}
		pieces := []string{t}
		if table {
			pieces = splitTableCell(t)
		}
		for i, piece := range pieces {
			l := newLine(num, piece, gap, pageBreak)
			l.rowStart = rowStart && i == 0
			l.afterHeader = header && i == 0
			lines = append(lines, l)
			header = false
			gap, pageBreak = 0, false
		}
		rowStart = rowEnds
	}
	return lines
}

// isItemsHeader reports whether t is the header a web page puts over its
// list of items: "Items", "No. Item".
func isItemsHeader(t string) bool {
	switch strings.ToLower(t) {
	case "items", "no. item", "note no. item", "no item", "no.", "item":
		return true
	}
	return false
}

// newLine makes a line of the cleaned text.
func newLine(num int, t string, gap int, pageBreak bool) line {
	return line{
		num: num, text: t, blankBefore: gap > 0, gap: min(gap, startGap), pageBreak: pageBreak,
		runes: utf8.RuneCountInString(t), restricted: isRestrictedNotice(t),
	}
}

// isTableText reports whether the text is a web page's table copied as text:
// several lines end with the "|" that closes a row.
func isTableText(text string) bool {
	rows := 0
	for rest := text; rest != "" && rows < 2; {
		i := strings.Index(rest, "|\n")
		if i < 0 {
			return strings.HasSuffix(strings.TrimSpace(rest), "|") && rows >= 1
		}
		rows++
		rest = rest[i+2:]
	}
	return rows >= 2
}

var (
	tableRuleRE   = regexp.MustCompile(`^[|\-: ]*$`)
	tableHeaderRE = regexp.MustCompile(`^\|?\s*(?i:(?:note\s+)?no\.?\s*\|\s*item)\s*\|?[|\s]*$`)
)

// stripTableRule removes the "|" that opens or closes a table row, and
// reports whether the line closed a row. A rule of pipes and dashes alone
// becomes "".
func stripTableRule(t string) (string, bool) {
	if tableRuleRE.MatchString(t) {
		return "", strings.Contains(t, "|")
	}
	ends := false
	for strings.HasSuffix(t, "|") {
		t, ends = strings.TrimSpace(strings.TrimSuffix(t, "|")), true
	}
	t = strings.TrimSpace(strings.TrimLeft(t, "| "))
	return t, ends
}

func isTableHeader(t string) bool { return len(t) < 40 && tableHeaderRE.MatchString(t) }

// cellLabels are the labels a table row runs together with the text before
// them; a row's line is cut before each.
var cellLabels = []string{" Additional documents:", " Supporting documents:", " Minutes:", " Decision:"}

// splitTableCell cuts a table row's line before each label that stands in
// the middle of it: "Apologies Minutes: None." gives "Apologies" and
// "Minutes: None.".
func splitTableCell(t string) []string {
	var pieces []string
	for {
		cut := -1
		for _, l := range cellLabels {
			if i := strings.Index(t, l); i > 0 && (cut < 0 || i < cut) {
				cut = i
			}
		}
		if cut < 0 {
			break
		}
		if p := strings.TrimSpace(t[:cut]); p != "" {
			pieces = append(pieces, p)
		}
		t = strings.TrimSpace(t[cut:])
	}
	if t != "" || len(pieces) == 0 {
		pieces = append(pieces, t)
	}
	return pieces
}
