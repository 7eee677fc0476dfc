package export

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// AgendaOptions chooses what Agenda prints.
type AgendaOptions struct {
	Edition Edition
	// InPack leaves the page numbers out of the footer: the agenda pack stamps its own.
	InPack bool
}

// AgendaReport says what Agenda drew.
type AgendaReport struct {
	Pages    int
	Replaced int // characters the fonts cannot draw, printed as U+FFFD
	// ItemPages is the page (from 1) on which each item of the meeting starts, in order.
	ItemPages []int
}

// Agenda writes the agenda of a meeting as an A4 PDF: the body, "Meeting to be held on …"
// and the venue, the membership, then each item with its number, title, lead officer,
// report reference, the report's summary and its supporting documents with their pages.
// An exempt item is marked with its paragraph of Schedule 12A; the public edition says only
// that and why its papers are left out, and names no exempt document. Every page carrying
// exempt text is marked CONFIDENTIAL – NOT FOR PUBLICATION, and the footer has the body's
// name and "Page N of M". It is laid out as the minutes are, and looks like them.
func Agenda(w io.Writer, m *data.FullMeeting, opts AgendaOptions) (rep AgendaReport, err error) {
	if m == nil {
		return rep, errors.New("no meeting to export")
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("draw the agenda of %s: %v", data.LongDate(m.Date), p)
		}
	}()
	pdf := newPDF("P", meetingTime(m.Date))
	pdf.SetMargins(minutesMarginLeft, minutesMarginTop, minutesMarginRight)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pageWidth, _ := pdf.GetPageSize()
	c, replaced := newAgendaContent(m, opts.Edition, Sanitize)
	rep.Replaced = replaced
	b := &minutesBuilder{c: &minutesContent{}, widths: newGlyphWidths(), width: pageWidth - minutesMarginLeft - minutesMarginRight}
	buildAgenda(b, c)
	pages := paginate(b.blocks)

	bodyName, _ := Sanitize(m.Body.Name)
	title, _ := Sanitize(c.docTitle())
	pdf.SetTitle(title, true)
	pdf.SetAuthor(bodyName, true)
	pdf.SetSubject("Agenda – "+opts.Edition.String(), true)
	r := &minutesRenderer{pdf: pdf, widths: b.widths, bodyName: bodyName, width: b.width, inPack: opts.InPack}
	r.render(pages)
	rep.Pages = len(pages)
	seen := map[*minutesBlock]bool{}
	for i, p := range pages {
		for _, l := range p.lines {
			if l.from.bookmark != "" && !seen[l.from] {
				seen[l.from] = true
				rep.ItemPages = append(rep.ItemPages, i+1)
			}
		}
	}
	if err := pdf.Error(); err != nil {
		return rep, fmt.Errorf("draw the agenda of %s: %w", data.LongDate(m.Date), err)
	}
	if err := outputPDF(w, pdf); err != nil {
		return rep, fmt.Errorf("write the agenda of %s: %w", data.LongDate(m.Date), err)
	}
	return rep, nil
}

// buildAgenda lays the agenda out as blocks, in the minutes' measures.
func buildAgenda(b *minutesBuilder, c *agendaContent) {
	b.textSized([]span{{text: c.BodyName, style: styleBold}}, 0, 0, minutesBodyNameSize, minutesBodyNameLine).keepWithNext = true
	b.textSized([]span{{text: c.Title, style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	b.textSized([]span{{text: c.Held, style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	if c.Venue != "" {
		b.text(glued(c.Venue, styleRegular), 0, minutesSmallGap).keepWithNext = true
	}
	b.add(&minutesBlock{rule: true, ruleGap: minutesRuleGap, spaceBefore: minutesSmallGap}).keepWithNext = true
	membership := "Not recorded."
	if len(c.Membership) > 0 {
		membership = strings.Join(c.Membership, ", ")
	}
	measure := b.widths.at(minutesTextSize)
	b.hanging([]span{{text: "Membership:", style: styleBold}}, 0, glued(membership, styleRegular), measure("Membership:", styleBold)+minutesLabelGap, minutesSectionGap)

	widest := 0.0
	for _, it := range c.Items {
		widest = max(widest, measure(it.Number, styleBold))
	}
	b.numberCol = min(max(widest+minutesNumberGap, minutesNumberMin), minutesNumberMax)
	x := b.numberCol
	for _, it := range c.Items {
		b.exempt = it.Confidential
		b.itemHeading(&itemContent{Number: it.Number, Title: it.Title})
		gap := minutesItemHeadingGap
		for _, line := range []string{it.Officer, it.Reference} {
			if line != "" {
				b.text(glued(line, styleRegular), x, gap)
				gap = minutesSmallGap
			}
		}
		if it.Exempt {
			b.text([]span{{text: it.Mark, style: styleItalic}}, x, gap)
			gap = minutesSmallGap
		}
		if it.Withheld != "" {
			b.text(glued(it.Withheld, styleRegular), x, minutesParaGap)
		}
		b.paragraphs(it.Summary, x, minutesParaGap, nil, styleItalic)
		for i, d := range it.Documents {
			if i == 0 {
				b.text([]span{{text: "Supporting documents:", style: styleBold}}, x, minutesParaGap).keepWithNext = true
			}
			b.exempt = it.Confidential || d.Confidential
			b.hanging([]span{{text: "•", style: styleRegular}}, x, glued(d.line(), styleRegular), x+minutesQuestionNumber/2, minutesSmallGap)
			b.exempt = it.Confidential
		}
		b.exempt = false
	}
}
