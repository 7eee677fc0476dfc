package export

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"minutebook/data"
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

// Marks printed on the pages.
const (
	draftMark        = "DRAFT – subject to approval"
	confidentialMark = "CONFIDENTIAL – NOT FOR PUBLICATION"
)

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
	pdf.SetSubject(opts.Edition.String(), true)

	r := &minutesRenderer{pdf: pdf, widths: b.widths, draft: !m.Approved(), bodyName: bodyName, width: b.width}
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
	if err := pdf.Output(w); err != nil {
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
	b := &minutesBuilder{
		m:      m,
		opts:   opts,
		widths: newGlyphWidths(),
		report: rep,
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
	m      *data.FullMeeting
	opts   MinutesOptions
	widths *glyphWidths
	report *MinutesReport
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

// clean makes text safe to draw and counts what it replaced. Every string from the meeting
// goes through it exactly once.
func (b *minutesBuilder) clean(s string) string {
	out, n := Sanitize(s)
	b.report.Replaced += n
	return out
}

func (b *minutesBuilder) public() bool { return b.opts.Edition != ConfidentialEdition }

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

// paragraphs adds text's paragraphs at x with their action tags in bold; the first has
// spaceBefore above it and gets lead in front of it ("Reply from the PCC: ").
func (b *minutesBuilder) paragraphs(text string, x, spaceBefore float64, lead []span) []*minutesBlock {
	return b.paragraphsClean(b.clean(text), x, spaceBefore, lead, styleRegular)
}

// paragraphsClean is paragraphs for text already made safe with clean, set in st.
func (b *minutesBuilder) paragraphsClean(text string, x, spaceBefore float64, lead []span, st fontStyle) []*minutesBlock {
	var out []*minutesBlock
	for i, p := range paragraphsOf(text) {
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
	m := b.m
	b.textSized([]span{{text: b.clean(m.Body.Name), style: styleBold}}, 0, 0, minutesBodyNameSize, minutesBodyNameLine).keepWithNext = true

	title := b.clean(strings.TrimSpace(m.Title))
	kind := "meeting"
	if strings.HasSuffix(strings.ToLower(title), "meeting") {
		kind, title = lowerFirst(title), ""
	}
	if title != "" {
		b.textSized([]span{{text: title, style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	}
	line := "Minutes of the " + kind + " held on " + data.LongDate(b.clean(m.Date))
	if t := b.clean(strings.TrimSpace(m.StartTime)); t != "" {
		line += " at " + t
	}
	b.textSized([]span{{text: line, style: styleBold}}, 0, minutesSmallGap, minutesTitleSize, minutesTitleLine).keepWithNext = true
	if v := b.clean(strings.TrimSpace(m.Venue)); v != "" {
		b.text(glued(v, styleRegular), 0, minutesSmallGap).keepWithNext = true
	}
	b.add(&minutesBlock{rule: true, ruleGap: minutesRuleGap, spaceBefore: minutesSmallGap}).keepWithNext = true
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an acronym: "AGM"
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// attendance prints Present (the Chair first, marked), Apologies, Substitutes ("Cllr X for
// Cllr Y"), Absent and In attendance (with their roles), each as a label with its names.
func (b *minutesBuilder) attendance() {
	m := b.m
	chairTitle := strings.TrimSpace(m.Body.ChairTitle)
	if chairTitle == "" {
		chairTitle = "Chair"
	}
	var chair, vice, present, apologies, subs, absent, inAttendance []string
	chairListed := false
	for _, a := range m.Attendance {
		name := strings.TrimSpace(a.Name)
		var notes []string
		isChair := a.Kind == data.Present && (a.Role == data.RoleChair || (m.ChairID != 0 && a.PersonID == m.ChairID))
		switch {
		case isChair:
			notes = append(notes, chairTitle)
		case a.Kind == data.Present && a.Role == data.RoleViceChair:
			notes = append(notes, "Vice-"+chairTitle)
		case a.Kind == data.InAttendance && strings.TrimSpace(a.Role) != "":
			notes = append(notes, strings.TrimSpace(a.Role))
		}
		if a.Arrived != "" {
			notes = append(notes, "arrived "+a.Arrived)
		}
		if a.Left != "" {
			notes = append(notes, "left "+a.Left)
		}
		if a.Kind == data.Substitute && strings.TrimSpace(a.SubstituteFor) != "" {
			name += " for " + strings.TrimSpace(a.SubstituteFor)
		}
		if len(notes) > 0 {
			name += " (" + strings.Join(notes, ", ") + ")"
		}
		name = b.clean(name)
		switch a.Kind {
		case data.Present:
			switch {
			case isChair:
				chair = append(chair, name)
				chairListed = true
			case a.Role == data.RoleViceChair:
				vice = append(vice, name)
			default:
				present = append(present, name)
			}
		case data.Apologies:
			apologies = append(apologies, name)
		case data.Substitute:
			subs = append(subs, name)
		case data.Absent:
			absent = append(absent, name)
		case data.InAttendance:
			inAttendance = append(inAttendance, name)
		}
	}
	if !chairListed && m.ChairID != 0 && m.Chair.DisplayName() != "" {
		// The Chair on the day is recorded on the meeting but not in its attendance.
		chair = append(chair, b.clean(m.Chair.DisplayName()+" ("+chairTitle+")"))
	}
	present = append(append(chair, vice...), present...)

	groups := []struct {
		label string
		names []string
		empty string
	}{
		{"Present:", present, "None recorded."},
		{"Apologies:", apologies, ""},
		{"Substitutes:", subs, ""},
		{"Absent:", absent, ""},
		{"In attendance:", inAttendance, ""},
	}
	measure := b.widths.at(minutesTextSize)
	col := 0.0
	for _, g := range groups {
		col = max(col, measure(g.label, styleBold))
	}
	col += minutesLabelGap
	gap := minutesSectionGap
	for _, g := range groups {
		text := strings.Join(g.names, ", ")
		if text == "" {
			if g.empty == "" {
				continue
			}
			text = g.empty
		}
		b.hanging([]span{{text: g.label, style: styleBold}}, 0, glued(text, styleRegular), col, gap)
		gap = minutesAttendanceGap
	}
}

// declarations prints the members' declarations of interest, or "None.". A declaration on an
// exempt item names the item but, in the public edition, not what the interest is, which
// could reveal what the item was about.
func (b *minutesBuilder) declarations() {
	b.text([]span{{text: "Declarations of Interest", style: styleBold}}, 0, minutesSectionGap).keepWithNext = true
	if len(b.m.Declarations) == 0 {
		b.text([]span{{text: "None.", style: styleRegular}}, 0, minutesSmallGap)
		return
	}
	items := map[int64]*data.FullItem{}
	for i := range b.m.Items {
		items[b.m.Items[i].ID] = &b.m.Items[i]
	}
	for i, d := range b.m.Declarations {
		kind, ok := data.InterestKinds[d.Kind]
		if !ok {
			kind = "interest"
		}
		name := b.clean(strings.TrimSpace(d.Name))
		if name == "" {
			name = "A member"
		}
		s := name + " declared " + article(kind) + " " + kind
		it := items[d.ItemID]
		withheld := false
		if it != nil {
			// The item's number and title were counted when its heading was cleaned.
			ref, _ := Sanitize(strings.TrimSpace(it.Number))
			s += " in minute " + ref
			if t, _ := Sanitize(strings.TrimSpace(it.Title)); t != "" {
				s += " (" + t + ")"
			}
			withheld = it.Exempt && b.public()
		}
		if withheld {
			s += ", an item considered in private."
		} else if t := b.clean(strings.TrimSpace(d.Text)); t != "" {
			s += ": " + sentenceEnd(t)
		} else {
			s += "."
		}
		if d.LeftRoom {
			s += " " + name + " left the room for that item."
		}
		gap := minutesParaGap
		if i == 0 {
			gap = minutesSmallGap
		}
		b.exempt = it != nil && it.Exempt && !b.public()
		b.text(actionSpans(s, styleRegular), 0, gap)
		b.exempt = false
	}
}

// article is "a" or "an" for a phrase.
func article(phrase string) string {
	if phrase != "" && strings.ContainsRune("aeiouAEIOU", []rune(phrase)[0]) {
		return "an"
	}
	return "a"
}

// sentenceEnd gives text a full stop if it has no closing punctuation.
func sentenceEnd(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;)]”\"'’") {
		return s
	}
	return s + "."
}

// items prints each agenda item in order.
func (b *minutesBuilder) items() {
	measure := b.widths.at(minutesTextSize)
	widest := 0.0
	for _, it := range b.m.Items {
		widest = max(widest, measure(strings.TrimSpace(it.Number), styleBold))
	}
	b.numberCol = min(max(widest+minutesNumberGap, minutesNumberMin), minutesNumberMax)
	for i := range b.m.Items {
		b.item(&b.m.Items[i])
	}
}

// item prints one item: its heading, then either the whole minute — the report's summary in
// italic, as the agenda put it, then the narrative, questions, resolutions and actions — or,
// for an exempt item in the public edition, only what may be published.
func (b *minutesBuilder) item(it *data.FullItem) {
	b.exempt = it.Exempt && !b.public()
	defer func() { b.exempt = false }()
	b.itemHeading(it)
	x := b.numberCol
	if it.Exempt {
		mark := "Exempt – Schedule 12A"
		if p, ok := data.Schedule12AParagraph(it.ExemptParagraph); ok {
			mark += fmt.Sprintf(", paragraph %d (%s)", p.Number, p.Cited)
		}
		b.text([]span{{text: mark, style: styleItalic}}, x, minutesItemHeadingGap)
		if b.public() {
			b.report.Withheld++
			b.paragraphs(it.PublicSummary, x, minutesParaGap, nil)
			return
		}
		if strings.TrimSpace(it.PublicSummary) != "" {
			b.paragraphs(it.PublicSummary, x, minutesParaGap, []span{{text: "Public summary: ", style: styleItalic}})
		}
	}
	gap := minutesItemHeadingGap
	if summary := b.paragraphsClean(b.clean(it.ReportSummary), x, gap, nil, styleItalic); len(summary) > 0 {
		gap = minutesParaGap
	}
	b.paragraphs(it.Minutes, x, gap, nil)
	b.questions(it)
	b.paragraphs(it.MinutesAfter, x, minutesParaGap, nil) // what the meeting said after the questions
	b.resolutions(it)
	b.itemActions(it.Actions, x)
}

// itemHeading prints the minute number hanging in its column, the title in bold beside it and
// the time the item was taken at the right.
func (b *minutesBuilder) itemHeading(it *data.FullItem) {
	measure := b.widths.at(minutesTextSize)
	number := b.clean(strings.TrimSpace(it.Number))
	title := b.clean(strings.TrimSpace(it.Title))
	clock := b.clean(strings.TrimSpace(it.Time))
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
		spaceBefore: minutesSectionGap, keepWithNext: true,
	})
}

// questions prints the "Members’ Questions" block: each question numbered (1), (2)… with the
// number hanging, and its answer set off by a further indent beneath it.
func (b *minutesBuilder) questions(it *data.FullItem) {
	if len(it.Questions) == 0 {
		return
	}
	x := b.numberCol
	b.text([]span{{text: "Members’ Questions:", style: styleBold}}, x, minutesParaGap).keepWithNext = true
	textX := x + minutesQuestionNumber
	answerX := textX + minutesAnswerIndent
	for i, q := range it.Questions {
		n := q.Number
		if n == 0 {
			n = i + 1
		}
		var lead []span
		question := b.clean(q.Question)
		if by := b.clean(strings.TrimSpace(q.AskedBy)); by != "" && !startsWithName(question, by) {
			lead = []span{{text: by + " asked: ", style: styleItalic}}
		}
		paras := paragraphsOf(question)
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
				last = b.hanging([]span{{text: fmt.Sprintf("(%d)", n), style: styleRegular}}, x, spans, textX, gap)
			} else {
				last = b.text(spans, textX, minutesParaGap)
			}
		}
		answer := b.clean(q.Answer)
		if q.WrittenReply && !strings.Contains(strings.ToLower(answer), "written") {
			answer = strings.TrimSpace(answer + "\n\nA written reply is to follow.")
		}
		var answerLead []span
		if by := b.clean(strings.TrimSpace(q.AnsweredBy)); by != "" && strings.TrimSpace(answer) != "" && !startsWithName(answer, by) {
			answerLead = []span{{text: "Reply from " + lowerThe(by) + ": ", style: styleItalic}}
		}
		if blocks := b.paragraphsClean(answer, answerX, minutesAnswerGap, answerLead, styleRegular); len(blocks) > 0 {
			last.keepWithNext = true // a question is never left at the foot of a page without its answer
		}
	}
}

// startsWithName reports whether text already opens with the name ("The PCC replied…").
func startsWithName(text, name string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		return strings.TrimPrefix(s, "the ")
	}
	return strings.HasPrefix(norm(text), norm(name))
}

// lowerThe writes "The PCC" as "the PCC" inside a sentence.
func lowerThe(name string) string {
	if strings.HasPrefix(name, "The ") {
		return "the " + name[4:]
	}
	return name
}

// partLabel matches the label of a lettered or numbered part of a resolution: (a), a), a.,
// (i), (1), 1.
var partLabel = regexp.MustCompile(`^(\(([a-z]{1,2}|[ivxl]+|[0-9]{1,2})\)|([a-z]|[ivxl]+|[0-9]{1,2})[.)])\s+`)

// resolutions prints each resolution as "RESOLVED – That …" with RESOLVED in bold and its
// lettered parts (the lines of the text that start (a), (b) / (i), (ii)) indented under it.
func (b *minutesBuilder) resolutions(it *data.FullItem) {
	x := b.numberCol
	for _, r := range it.Resolutions {
		text := b.clean(r.Text)
		text = resolvedPrefix.ReplaceAllString(strings.TrimSpace(text), "")
		var lines []string
		for _, p := range paragraphsOf(text) {
			lines = append(lines, strings.Split(p, "\n")...)
		}
		lead := []span{{text: "RESOLVED", style: styleBold}, {text: " – ", style: styleRegular}}
		var prev *minutesBlock
		if len(lines) == 0 || partLabel.MatchString(lines[0]) {
			prev = b.text(lead, x, minutesParaGap)
		}
		lastLabel := ""
		lettered := false
		for i, line := range lines {
			if prev != nil {
				prev.keepWithNext = i == 1 // "That the Panel:" stays with its first part
			}
			loc := partLabel.FindStringSubmatchIndex(line)
			if loc == nil {
				spans := actionSpans(line, styleRegular)
				gap := minutesSmallGap
				if i == 0 {
					spans = append(append([]span(nil), lead...), spans...)
					gap = minutesParaGap
				}
				prev = b.text(spans, x, gap)
				continue
			}
			label := strings.TrimSpace(line[:loc[1]])
			key := strings.Trim(label, "().")
			level := 1
			if slices.Contains(data.PartNumerals, key) && lettered && !(len(key) == 1 && lastLabel != "" && key[0] == lastLabel[0]+1) {
				level = 2
			} else {
				lettered = true
				lastLabel = key
			}
			labelX := x + float64(level)*minutesPartIndent + float64(level-1)*(minutesPartLabel-minutesPartIndent)
			prev = b.hanging([]span{{text: label, style: styleRegular}}, labelX,
				actionSpans(line[loc[1]:], styleRegular), labelX+minutesPartLabel, minutesSmallGap)
		}
	}
}

// resolvedPrefix matches a "RESOLVED –" the clerk typed in front of the resolution's text,
// which the minutes print themselves.
var resolvedPrefix = regexp.MustCompile(`^(?i)resolved\s*[-–—:]?\s*`)

// itemActions prints the actions the clerk recorded on an item that its text does not already
// show: those from action tags are in the text, and those from a written reply beside the
// question.
func (b *minutesBuilder) itemActions(actions []data.Action, x float64) {
	for _, a := range actions {
		if a.Source != "" {
			continue
		}
		b.actionLine(a, x)
	}
}

// actionLine prints an action as a sentence with its owner's tag: "Report on … [Action: PCC]".
func (b *minutesBuilder) actionLine(a data.Action, x float64) {
	text := sentenceEnd(b.clean(strings.TrimSpace(a.Text)))
	owner := b.clean(strings.TrimSpace(a.Owner))
	spans := actionSpans(text, styleRegular)
	if owner != "" {
		spans = append(spans, span{text: " ", style: styleRegular},
			span{text: "[Action: " + owner + "]", style: styleBold, keep: true})
	}
	b.text(spans, x, minutesParaGap)
}

// meetingActions prints the actions raised at the meeting but under no item.
func (b *minutesBuilder) meetingActions() {
	var actions []data.Action
	for _, a := range b.m.Actions {
		if !a.Exempt || !b.public() {
			actions = append(actions, a)
		}
	}
	if len(actions) == 0 {
		return
	}
	b.text([]span{{text: "Actions arising from the meeting", style: styleBold}}, 0, minutesSectionGap).keepWithNext = true
	for _, a := range actions {
		b.exempt = a.Exempt
		b.actionLine(a, 0)
	}
	b.exempt = false
}

// signature prints, for approved minutes, when they were approved, and then the Chair's
// signature block: "Chairman ……… Date ………".
func (b *minutesBuilder) signature() {
	m := b.m
	if m.Approved() {
		s := "These minutes were approved as a correct record"
		if m.ApprovedOn != "" {
			s += " on " + data.LongDate(m.ApprovedOn)
		}
		s += "."
		if a := strings.TrimSpace(m.Amendments); a != "" {
			s += " Amendments made on approval: " + sentenceEnd(a)
		}
		b.text([]span{{text: b.clean(s), style: styleItalic}}, 0, minutesSectionGap*2).keepWithNext = true
	}
	measure := b.widths.at(minutesTextSize)
	chairTitle := b.clean(strings.TrimSpace(m.Body.ChairTitle))
	if chairTitle == "" {
		chairTitle = "Chair"
	}
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
