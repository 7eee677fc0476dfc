package export

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/minutebook/minutebook/data"
)

// ContentsPage is the contents page of an agenda pack: what the pack holds and the page
// each part starts on, in the pack's own numbering.
type ContentsPage struct {
	BodyName string
	Held     string // "Meeting to be held on Friday 15 September 2023 at 10.30am"
	Venue    string
	Date     string // YYYY-MM-DD: the document's date
	Edition  Edition
	Entries  []ContentsEntry
}

// ContentsEntry is one line of the contents: a part of the pack (the agenda, the minutes
// of the previous meeting, the action log, an item), or, one level in, a document of an item.
type ContentsEntry struct {
	Title string
	Level int // 0 for a part or an item, 1 for a document under its item
	Page  int // where it starts; 0 for an entry not in the pack
	Note  string
	// Exempt marks an entry of exempt text: its page is marked confidential.
	Exempt bool
}

// Contents writes the contents page (or pages) of an agenda pack as A4 PDF in the minutes'
// style, each entry with its page number at the right, and returns how many pages it took.
// The footer has no page numbers: the pack stamps its own.
func Contents(w io.Writer, c ContentsPage) (pages int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("draw the contents of the pack: %v", p)
		}
	}()
	created := meetingTime(c.Date)
	if c.Date == "" {
		created = time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC)
	}
	pdf := newPDF("P", created)
	pdf.SetMargins(minutesMarginLeft, minutesMarginTop, minutesMarginRight)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pageWidth, _ := pdf.GetPageSize()
	b := &minutesBuilder{c: &minutesContent{}, widths: newGlyphWidths(), width: pageWidth - minutesMarginLeft - minutesMarginRight}
	clean := func(s string) string { s, _ = Sanitize(s); return s }
	b.textSized([]span{{text: clean(c.BodyName), style: styleBold}}, 0, 0, minutesBodyNameSize, minutesBodyNameLine).keepWithNext = true
	title := "Agenda pack"
	if c.Edition == ConfidentialEdition {
		title += " – confidential edition"
	}
	b.textSized([]span{{text: title, style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	b.textSized([]span{{text: clean(c.Held), style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	if c.Venue != "" {
		b.text(glued(clean(c.Venue), styleRegular), 0, minutesSmallGap).keepWithNext = true
	}
	b.add(&minutesBlock{rule: true, ruleGap: minutesRuleGap, spaceBefore: minutesSmallGap}).keepWithNext = true
	b.text([]span{{text: "Contents", style: styleBold}}, 0, minutesSectionGap).keepWithNext = true
	measure := b.widths.at(minutesTextSize)
	numberWidth := measure("0000", styleRegular) + minutesNumberGap
	for i, e := range c.Entries {
		x := float64(e.Level) * minutesNumberMin
		st, gap := styleBold, minutesParaGap
		if e.Level > 0 {
			st, gap = styleRegular, minutesSmallGap
		}
		if i == 0 {
			gap = minutesSmallGap
		}
		spans := glued(clean(e.Title), st)
		if e.Note != "" {
			spans = append(spans, span{text: " – ", style: styleRegular})
			spans = append(spans, glued(clean(e.Note), styleItalic)...)
		}
		blk := &minutesBlock{size: minutesTextSize, lineHeight: minutesLineHeight, spaceBefore: gap, keepTogether: true}
		for _, l := range breakLines(spans, b.width-x-numberWidth, measure) {
			blk.lines = append(blk.lines, placeSpans(l.spans, x, measure))
		}
		if len(blk.lines) == 0 {
			blk.lines = [][]placedSpan{nil}
		}
		if e.Page > 0 {
			n := strconv.Itoa(e.Page)
			nw := measure(n, styleRegular)
			last := len(blk.lines) - 1
			blk.lines[last] = append(blk.lines[last], placedSpan{x: b.width - nw, width: nw, text: n, style: styleRegular})
		}
		b.exempt = e.Exempt && c.Edition == ConfidentialEdition
		b.add(blk)
		b.exempt = false
	}
	laid := paginate(b.blocks)
	bodyName := clean(c.BodyName)
	pdf.SetTitle(clean("Agenda pack – "+c.BodyName+" – "+data.LongDate(c.Date)), true)
	pdf.SetAuthor(bodyName, true)
	pdf.SetSubject("Agenda pack – "+c.Edition.String(), true)
	r := &minutesRenderer{pdf: pdf, widths: b.widths, bodyName: bodyName, width: b.width, inPack: true}
	r.render(laid)
	if err := pdf.Error(); err != nil {
		return 0, fmt.Errorf("draw the contents of the pack: %w", err)
	}
	if len(laid) == 0 {
		return 0, errors.New("draw the contents of the pack: nothing to draw")
	}
	if err := outputPDF(w, pdf); err != nil {
		return 0, fmt.Errorf("write the contents of the pack: %w", err)
	}
	return len(laid), nil
}
