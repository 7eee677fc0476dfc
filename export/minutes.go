package export

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/minutebook/minutebook/data"
)

// Edition says who the minutes are for.
type Edition int

const (
	// PublicEdition is the minutes as published: an exempt item shows only its title, the
	// paragraph of Schedule 12A it falls under and its public summary. It is the zero value,
	// so that forgetting to choose never publishes exempt information.
	PublicEdition Edition = iota
	// ConfidentialEdition prints everything, and marks every page that carries exempt text
	// "CONFIDENTIAL – NOT FOR PUBLICATION".
	ConfidentialEdition
)

// String names the edition as the document's subject does: "Public edition".
func (e Edition) String() string {
	if e == ConfidentialEdition {
		return "Confidential edition"
	}
	return "Public edition"
}

// MinutesOptions chooses what Minutes prints. Whether the minutes are marked as a draft is not
// an option: it follows the meeting's status.
type MinutesOptions struct {
	Edition Edition
	// InPack leaves the page numbers out of the footer, for the agenda pack, which stamps
	// its own "Page N of M" through all its parts.
	InPack bool
}

// MinutesReport says what Minutes drew.
type MinutesReport struct {
	Pages int
	// Replaced counts the characters the fonts cannot draw (emoji, other characters outside
	// the Basic Multilingual Plane, control characters), printed as U+FFFD instead.
	Replaced int
	// Withheld counts the exempt items whose text the public edition left out.
	Withheld int
	// ConfidentialPages counts the pages marked "CONFIDENTIAL – NOT FOR PUBLICATION".
	ConfidentialPages int
}

// Minutes writes the formal minutes of a meeting as an A4 PDF, in the form councils publish:
// the heading, attendance, declarations of interest, each item with its narrative, members'
// questions and answers, resolutions and action tags, and the Chair's signature block, with
// "DRAFT – subject to approval" on every page until the minutes are approved and "Page N of
// M" with the body's name in the footer.
//
// Body text is set ragged right, not justified, on purpose: the lines are broken greedily
// without hyphenation, and justifying such lines — in the narrower indented answers above
// all — opens uneven gaps between words; ragged right is also what accessibility guidance
// for public-sector documents asks for. Headings are kept with the first lines of what they
// lead, a question with the start of its answer, and a paragraph split across pages leaves at
// least two lines on each page.
//
// Text the fonts cannot draw never fails the export: it is printed as U+FFFD and counted in
// the report. The same meeting always gives the same bytes.
func Minutes(w io.Writer, m *data.FullMeeting, opts MinutesOptions) (rep MinutesReport, err error) {
	if m == nil {
		return rep, errors.New("no meeting to export")
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("draw the minutes of %s: %v", data.LongDate(m.Date), p)
		}
	}()
	pdf := newPDF("P", meetingTime(m.Date))
	b, pages := layoutMinutes(pdf, m, opts, &rep)

	bodyName, _ := Sanitize(m.Body.Name) // counted when the heading printed it
	title, _ := Sanitize("Minutes – " + m.Body.Name + " – " + data.LongDate(m.Date))
	pdf.SetTitle(title, true)
	pdf.SetAuthor(bodyName, true)
	pdf.SetSubject("Minutes – "+opts.Edition.String(), true)

	r := &minutesRenderer{pdf: pdf, widths: b.widths, draft: b.c.Draft, bodyName: bodyName, width: b.width, inPack: opts.InPack}
	r.render(pages)
	rep.Pages = len(pages)
	for _, p := range pages {
		if p.exempt {
			rep.ConfidentialPages++
		}
	}
	if err := pdf.Error(); err != nil {
		return rep, fmt.Errorf("draw the minutes of %s: %w", data.LongDate(m.Date), err)
	}
	if n := pdf.PageCount(); n != len(pages) {
		return rep, fmt.Errorf("draw the minutes of %s: %d pages drawn of %d laid out", data.LongDate(m.Date), n, len(pages))
	}
	if err := outputPDF(w, pdf); err != nil {
		return rep, fmt.Errorf("write the minutes of %s: %w", data.LongDate(m.Date), err)
	}
	return rep, nil
}

// layoutMinutes lays the minutes out on pages, measuring text in pdf's fonts, without drawing.
func layoutMinutes(pdf *gofpdf.Fpdf, m *data.FullMeeting, opts MinutesOptions, rep *MinutesReport) (*minutesBuilder, []minutesPage) {
	pdf.SetMargins(minutesMarginLeft, minutesMarginTop, minutesMarginRight)
	pdf.SetAutoPageBreak(false, 0) // pages are broken by paginate, which knows the keep rules
	pdf.SetCellMargin(0)
	pageWidth, _ := pdf.GetPageSize()
	c, replaced := newMinutesContent(m, opts.Edition, Sanitize)
	rep.Replaced += replaced
	rep.Withheld = c.Withheld
	b := &minutesBuilder{
		c:      c,
		widths: newGlyphWidths(),
		width:  pageWidth - minutesMarginLeft - minutesMarginRight,
	}
	b.build()
	return b, paginate(b.blocks)
}

// meetingTime is the document's creation date: noon UTC on the day of the meeting, so the
// same meeting always gives the same file.
func meetingTime(date string) time.Time {
	t, err := time.Parse(data.DateLayout, date)
	if err != nil {
		return time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC)
	}
	return t.Add(12 * time.Hour)
}

// minutesBuilder lays the minutes out as a list of blocks, in the order they print.
type minutesBuilder struct {
	c      *minutesContent
	widths *glyphWidths
	blocks []*minutesBlock
	width  float64 // of the text block

	numberCol float64 // where an item's text starts: right of the minute numbers
	exempt    bool    // the blocks being added carry exempt text
}

// build lays out the document in order.
func (b *minutesBuilder) build() {
	b.heading()
	b.attendance()
	b.declarations()
	b.items()
	b.meetingActions()
	b.signature()
}

// add appends a block, marking it exempt while an exempt item is being laid out. A block
// with nothing to draw is returned but not added, so it leaves no gap.
func (b *minutesBuilder) add(blk *minutesBlock) *minutesBlock {
	blk.exempt = b.exempt
	if len(blk.lines) > 0 || blk.rule {
		b.blocks = append(b.blocks, blk)
	}
	return blk
}

// text adds a paragraph at x (from the left margin), wrapped at the right margin.
func (b *minutesBuilder) text(spans []span, x, spaceBefore float64) *minutesBlock {
	return b.textSized(spans, x, spaceBefore, minutesTextSize, minutesLineHeight)
}

func (b *minutesBuilder) textSized(spans []span, x, spaceBefore, size, lineHeight float64) *minutesBlock {
	return b.add(b.wrap(spans, x, spaceBefore, size, lineHeight))
}

// wrap lays out a paragraph at x as a block, without adding it.
func (b *minutesBuilder) wrap(spans []span, x, spaceBefore, size, lineHeight float64) *minutesBlock {
	measure := b.widths.at(size)
	blk := &minutesBlock{size: size, lineHeight: lineHeight, spaceBefore: spaceBefore}
	for _, l := range breakLines(spans, b.width-x, measure) {
		blk.lines = append(blk.lines, placeSpans(l.spans, x, measure))
	}
	return blk
}

// hanging adds a paragraph whose label hangs at labelX, left of the text at x: "Present:",
// "(1)", "(a)". A label too wide for its column runs into the text instead.
func (b *minutesBuilder) hanging(label []span, labelX float64, spans []span, x, spaceBefore float64) *minutesBlock {
	measure := b.widths.at(minutesTextSize)
	labelWidth := 0.0
	for _, s := range label {
		labelWidth += measure(s.text, s.style)
	}
	if labelX+labelWidth > x-1 {
		all := append(append([]span(nil), label...), span{text: " ", style: styleRegular})
		return b.text(append(all, spans...), labelX, spaceBefore)
	}
	blk := b.wrap(spans, x, spaceBefore, minutesTextSize, minutesLineHeight)
	if len(blk.lines) == 0 {
		blk.lines = [][]placedSpan{nil}
	}
	blk.lines[0] = append(placeSpans(label, labelX, measure), blk.lines[0]...)
	return b.add(blk)
}

// placeSpans turns a line's spans into placed text, starting at x.
func placeSpans(spans []span, x float64, measure widthFunc) []placedSpan {
	out := make([]placedSpan, 0, len(spans))
	for _, s := range spans {
		w := measure(s.text, s.style)
		out = append(out, placedSpan{x: x, width: w, text: s.text, style: s.style})
		x += w
	}
	return out
}

// paragraphs adds paragraphs at x, set in st with their action tags in the bold form of
// st; the first has spaceBefore above it and gets lead in front of it ("Reply from the PCC: ").
// With no paragraphs, a lead is printed alone.
func (b *minutesBuilder) paragraphs(paras []string, x, spaceBefore float64, lead []span, st fontStyle) []*minutesBlock {
	var out []*minutesBlock
	for i, p := range paras {
		spans := actionSpans(p, st)
		gap := minutesParaGap
		if i == 0 {
			spans = append(append([]span(nil), lead...), spans...)
			gap = spaceBefore
		}
		out = append(out, b.text(spans, x, gap))
	}
	if len(out) == 0 && len(lead) > 0 {
		out = append(out, b.text(lead, x, spaceBefore))
	}
	return out
}

// heading prints the body's name, "Minutes of the meeting held on …" and the venue, over a
// rule.
func (b *minutesBuilder) heading() {
	c := b.c
	b.textSized([]span{{text: c.BodyName, style: styleBold}}, 0, 0, minutesBodyNameSize, minutesBodyNameLine).keepWithNext = true
	if c.MeetingTitle != "" {
		b.textSized([]span{{text: c.MeetingTitle, style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	}
	b.textSized([]span{{text: c.Held, style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	if c.Venue != "" {
		b.text(glued(c.Venue, styleRegular), 0, minutesSmallGap).keepWithNext = true
	}
	b.add(&minutesBlock{rule: true, ruleGap: minutesRuleGap, spaceBefore: minutesSmallGap}).keepWithNext = true
}

// attendance prints each group of the attendance as a label with its names, the labels in a
// column of their own.
func (b *minutesBuilder) attendance() {
	measure := b.widths.at(minutesTextSize)
	col := 0.0
	for _, g := range b.c.Attendance {
		col = max(col, measure(g.Label, styleBold))
	}
	col += minutesLabelGap
	gap := minutesSectionGap
	for _, g := range b.c.Attendance {
		text := strings.Join(g.Names, ", ")
		if text == "" {
			if g.Empty == "" {
				continue
			}
			text = g.Empty
		}
		b.hanging([]span{{text: g.Label, style: styleBold}}, 0, glued(text, styleRegular), col, gap)
		gap = minutesAttendanceGap
	}
}

// declarations prints the members' declarations of interest, or "None.".
func (b *minutesBuilder) declarations() {
	b.text([]span{{text: "Declarations of Interest", style: styleBold}}, 0, minutesSectionGap).keepWithNext = true
	if len(b.c.Declarations) == 0 {
		b.text([]span{{text: "None.", style: styleRegular}}, 0, minutesSmallGap)
		return
	}
	for i, d := range b.c.Declarations {
		gap := minutesParaGap
		if i == 0 {
			gap = minutesSmallGap
		}
		b.exempt = d.Exempt
		b.text(actionSpans(d.Text, styleRegular), 0, gap)
		b.exempt = false
	}
}

// items prints each agenda item in order.
func (b *minutesBuilder) items() {
	measure := b.widths.at(minutesTextSize)
	widest := 0.0
	for _, it := range b.c.Items {
		widest = max(widest, measure(it.Number, styleBold))
	}
	b.numberCol = min(max(widest+minutesNumberGap, minutesNumberMin), minutesNumberMax)
	for i := range b.c.Items {
		b.item(&b.c.Items[i])
	}
}

// item prints one item: its heading, the exempt mark if it was taken in private, then what
// the edition shows of it — the report's summary in italic, as the agenda put it, the
// narrative, questions, resolutions and actions.
func (b *minutesBuilder) item(it *itemContent) {
	b.exempt = it.Confidential
	defer func() { b.exempt = false }()
	b.itemHeading(it)
	x := b.numberCol
	if it.Exempt {
		b.text([]span{{text: it.Mark, style: styleItalic}}, x, minutesItemHeadingGap)
		var lead []span
		if it.PublicSummaryLead {
			lead = []span{{text: "Public summary: ", style: styleItalic}}
		}
		b.paragraphs(it.PublicSummary, x, minutesParaGap, lead, styleRegular)
		if !it.Confidential {
			return
		}
	}
	gap := minutesItemHeadingGap
	if summary := b.paragraphs(it.ReportSummary, x, gap, nil, styleItalic); len(summary) > 0 {
		gap = minutesParaGap
	}
	b.paragraphs(it.Minutes, x, gap, nil, styleRegular)
	b.questions(it)
	b.paragraphs(it.MinutesAfter, x, minutesParaGap, nil, styleRegular) // what the meeting said after the questions
	b.resolutions(it)
	for _, a := range it.Actions {
		b.actionLine(a, x)
	}
	if it.Documents != "" {
		b.text([]span{{text: it.Documents, style: styleItalic}}, x, minutesParaGap)
	}
}

// itemHeading prints the minute number hanging in its column, the title in bold beside it and
// the time the item was taken at the right.
func (b *minutesBuilder) itemHeading(it *itemContent) {
	measure := b.widths.at(minutesTextSize)
	number, title, clock := it.Number, it.Title, it.Time
	timeWidth := 0.0
	if clock != "" {
		// Room for the time at the right of the first line; more if the clerk typed a long one.
		timeWidth = max(minutesTimeWidth, measure(clock, styleRegular)+minutesNumberGap)
	}
	numberWidth := measure(number, styleBold)
	var lines [][]placedSpan
	if numberWidth+minutesNumberGap/2 <= b.numberCol {
		for _, l := range breakLines([]span{{text: title, style: styleBold}}, b.width-b.numberCol-timeWidth, measure) {
			lines = append(lines, placeSpans(l.spans, b.numberCol, measure))
		}
		if len(lines) == 0 {
			lines = [][]placedSpan{nil}
		}
		lines[0] = append(placeSpans([]span{{text: number, style: styleBold}}, 0, measure), lines[0]...)
	} else {
		// A number too wide for its column runs into the title.
		for _, l := range breakLines([]span{{text: number + "  " + title, style: styleBold}}, b.width-timeWidth, measure) {
			lines = append(lines, placeSpans(l.spans, 0, measure))
		}
	}
	if clock != "" {
		w := measure(clock, styleRegular)
		lines[0] = append(lines[0], placedSpan{x: b.width - w, width: w, text: clock, style: styleRegular})
	}
	b.add(&minutesBlock{
		lines: lines, size: minutesTextSize, lineHeight: minutesLineHeight,
		spaceBefore: minutesSectionGap, keepWithNext: true, bookmark: bookmarkTitle(it),
	})
}

// bookmarkTitle is an item's entry in the document's outline: "PCP 11/23 Fighting Serious
// Organised Crime".
func bookmarkTitle(it *itemContent) string {
	return strings.TrimSpace(it.Number + " " + firstNonBlank(it.Title, "(untitled item)"))
}

func firstNonBlank(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// questions prints the "Members’ Questions" block: each question numbered (1), (2)… with the
// number hanging, and its answer set off by a further indent beneath it.
func (b *minutesBuilder) questions(it *itemContent) {
	if len(it.Questions) == 0 {
		return
	}
	x := b.numberCol
	b.text([]span{{text: "Members’ Questions:", style: styleBold}}, x, minutesParaGap).keepWithNext = true
	textX := x + minutesQuestionNumber
	answerX := textX + minutesAnswerIndent
	for i, q := range it.Questions {
		var lead []span
		if q.AskedBy != "" {
			lead = []span{{text: q.AskedBy, style: styleItalic}}
		}
		paras := q.Question
		if len(paras) == 0 {
			paras = []string{""}
		}
		gap := minutesQuestionGap
		if i == 0 {
			gap = minutesSmallGap
		}
		var last *minutesBlock
		for j, p := range paras {
			spans := actionSpans(p, styleRegular)
			if j == 0 {
				spans = append(append([]span(nil), lead...), spans...)
				last = b.hanging([]span{{text: fmt.Sprintf("(%d)", q.Number), style: styleRegular}}, x, spans, textX, gap)
			} else {
				last = b.text(spans, textX, minutesParaGap)
			}
		}
		var answerLead []span
		if q.AnswerLead != "" {
			answerLead = []span{{text: q.AnswerLead, style: styleItalic}}
		}
		if blocks := b.paragraphs(q.Answer, answerX, minutesAnswerGap, answerLead, styleRegular); len(blocks) > 0 {
			last.keepWithNext = true // a question is never left at the foot of a page without its answer
		}
	}
}

// resolutions prints each resolution as "RESOLVED – That …" with RESOLVED in bold and its
// lettered parts indented under it, and the roman parts under those.
func (b *minutesBuilder) resolutions(it *itemContent) {
	x := b.numberCol
	for _, r := range it.Resolutions {
		lead := []span{{text: "RESOLVED", style: styleBold}, {text: " – ", style: styleRegular}}
		var prev *minutesBlock
		if r.LeadAlone {
			prev = b.text(lead, x, minutesParaGap)
		}
		for i, line := range r.Lines {
			if prev != nil {
				prev.keepWithNext = i == 1 // "That the Panel:" stays with its first part
			}
			if line.Level == 0 {
				spans := actionSpans(line.Text, styleRegular)
				gap := minutesSmallGap
				if i == 0 {
					spans = append(append([]span(nil), lead...), spans...)
					gap = minutesParaGap
				}
				prev = b.text(spans, x, gap)
				continue
			}
			labelX := x + float64(line.Level)*minutesPartIndent + float64(line.Level-1)*(minutesPartLabel-minutesPartIndent)
			prev = b.hanging([]span{{text: line.Label, style: styleRegular}}, labelX,
				actionSpans(line.Text, styleRegular), labelX+minutesPartLabel, minutesSmallGap)
		}
		for i, line := range r.Vote {
			gap := minutesSmallGap
			if i == 0 {
				gap = minutesParaGap
			}
			b.text(glued(line, styleRegular), x, gap)
		}
	}
}

// actionLine prints an action as a sentence with its owner's tag: "Report on … [Action: PCC]".
func (b *minutesBuilder) actionLine(a actionContent, x float64) {
	spans := actionSpans(a.Text, styleRegular)
	if a.Owner != "" {
		spans = append(spans, span{text: " ", style: styleRegular},
			span{text: "[Action: " + a.Owner + "]", style: styleBold, keep: true})
	}
	b.text(spans, x, minutesParaGap)
}

// meetingActions prints the actions raised at the meeting but under no item.
func (b *minutesBuilder) meetingActions() {
	if len(b.c.MeetingActions) == 0 {
		return
	}
	b.text([]span{{text: "Actions arising from the meeting", style: styleBold}}, 0, minutesSectionGap).keepWithNext = true
	for _, a := range b.c.MeetingActions {
		b.exempt = a.Exempt
		b.actionLine(a, 0)
	}
	b.exempt = false
}

// signature prints, for approved minutes, when they were approved, and then the Chair's
// signature block: "Chairman ……… Date ………".
func (b *minutesBuilder) signature() {
	if b.c.Ended != "" {
		b.text([]span{{text: b.c.Ended, style: styleRegular}}, 0, minutesSectionGap*2)
	}
	if b.c.Approval != "" {
		b.text([]span{{text: b.c.Approval, style: styleItalic}}, 0, minutesSectionGap*2).keepWithNext = true
	}
	measure := b.widths.at(minutesTextSize)
	chairTitle := b.c.ChairTitle
	dots := func(width float64) string {
		n := max(int(width/measure("…", styleRegular)), 3)
		return strings.Repeat("…", n)
	}
	x := 0.0
	var line []placedSpan
	for _, s := range []span{
		{text: chairTitle + " ", style: styleRegular},
		{text: dots(minutesSignatureDots), style: styleRegular},
	} {
		line = append(line, placeSpans([]span{s}, x, measure)...)
		x += measure(s.text, s.style)
	}
	x += minutesSignatureSpace
	for _, s := range []span{{text: "Date ", style: styleRegular}, {text: dots(minutesSignatureDate), style: styleRegular}} {
		line = append(line, placeSpans([]span{s}, x, measure)...)
		x += measure(s.text, s.style)
	}
	b.add(&minutesBlock{
		lines: [][]placedSpan{line}, size: minutesTextSize, lineHeight: minutesLineHeight,
		spaceBefore: minutesSignatureGap, keepTogether: true,
	})
}
