package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/minutebook/minutebook/data"
)

// MinutesDocx writes the minutes of a meeting as a Word document, for a council's committee
// system: the same content as the PDF, set in Word's own styles — the body's name as Title,
// the meeting as Subtitle, each item as Heading 1 with its minute number (so Word's
// navigation pane lists the items), Members' Questions as Heading 2, the attendance as List
// paragraphs — with each question numbered and its answer indented under it, RESOLVED in
// bold, the DRAFT mark in the header of every page until the minutes are approved, the
// CONFIDENTIAL mark on the document and on each exempt item it prints, and a footer with
// the body's name and "Page N of M" as Word fields.
func MinutesDocx(w io.Writer, m *data.FullMeeting, opts MinutesOptions) (MinutesReport, error) {
	if m == nil {
		return MinutesReport{}, errors.New("no meeting to export")
	}
	c, replaced := newMinutesContent(m, opts.Edition, markupClean)
	rep := MinutesReport{Replaced: replaced, Withheld: c.Withheld}
	page := docxPage{
		width: twips(210), height: twips(297),
		top: twips(minutesMarginTop), right: twips(minutesMarginRight), bottom: twips(minutesMarginBottom), left: twips(minutesMarginLeft),
		header: twips(minutesBandY), footer: twips(297 - minutesFooterY - minutesFooterLine),
	}
	x := minutesDocx{c: c, page: page, number: twips(numberColumn(c))}
	x.build()
	pkg := &docxPackage{
		page:     page,
		props:    docxProps{title: c.docTitle(), subject: "Minutes – " + opts.Edition.String(), author: c.BodyName, created: meetingTime(m.Date)},
		styles:   x.styles(),
		body:     x.body.b.String(),
		header:   x.header(),
		footer:   pageFooter(c.BodyName, page.textWidth()),
		modified: meetingTime(m.Date),
	}
	var buf bytes.Buffer
	if err := pkg.write(&buf); err != nil {
		return rep, fmt.Errorf("write the minutes of %s: %w", c.Date, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return rep, fmt.Errorf("write the minutes of %s: %w", c.Date, err)
	}
	return rep, nil
}

// minutesDocx sets out the minutes' content as WordprocessingML.
type minutesDocx struct {
	c      *minutesContent
	page   docxPage
	number int // the minute numbers' column, in twips
	body   docxBody
}

// styles are the minutes' own paragraph styles: the text of an item beside its number,
// questions with their number hanging, answers set off under them, resolutions and their
// parts, the approval and the signature.
func (x *minutesDocx) styles() string {
	n := x.number
	q := twips(minutesQuestionNumber)
	style := func(id, name, ppr, rpr string) string {
		s := `<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:qFormat/>`
		s += "<w:pPr>" + ppr + "</w:pPr>"
		if rpr != "" {
			s += "<w:rPr>" + rpr + "</w:rPr>"
		}
		return s + "</w:style>"
	}
	part := func(level int) int {
		return n + level*twips(minutesPartIndent) + (level-1)*twips(minutesPartLabel-minutesPartIndent)
	}
	return style("MinuteText", "Minute Text", fmt.Sprintf(`<w:ind w:left="%d"/>`, n), "") +
		style("ExemptMark", "Exempt Mark", fmt.Sprintf(`<w:spacing w:before="%d"/><w:ind w:left="%d"/>`, twips(minutesItemHeadingGap), n), "<w:i/>") +
		style("Question", "Question", fmt.Sprintf(`<w:keepNext/><w:spacing w:before="%d"/><w:ind w:left="%d" w:hanging="%d"/><w:tabs><w:tab w:val="left" w:pos="%d"/></w:tabs>`,
			twips(minutesQuestionGap), n+q, q, n+q), "") +
		style("Answer", "Answer", fmt.Sprintf(`<w:spacing w:before="%d"/><w:ind w:left="%d"/>`, twips(minutesAnswerGap), n+q+twips(minutesAnswerIndent)), "") +
		style("Resolution", "Resolution", fmt.Sprintf(`<w:ind w:left="%d"/>`, n), "") +
		style("ResolutionPart", "Resolution Part", fmt.Sprintf(`<w:spacing w:before="%d"/><w:ind w:left="%d" w:hanging="%d"/>`,
			twips(minutesSmallGap), part(1)+twips(minutesPartLabel), twips(minutesPartLabel)), "") +
		style("ResolutionSubpart", "Resolution Subpart", fmt.Sprintf(`<w:spacing w:before="%d"/><w:ind w:left="%d" w:hanging="%d"/>`,
			twips(minutesSmallGap), part(2)+twips(minutesPartLabel), twips(minutesPartLabel)), "") +
		style("AttendanceLabel", "Attendance Label", fmt.Sprintf(`<w:keepNext/><w:spacing w:before="%d"/>`, twips(minutesAttendanceGap)), "<w:b/>") +
		style("Approval", "Approval", fmt.Sprintf(`<w:keepNext/><w:spacing w:before="%d"/>`, twips(2*minutesSectionGap)), "<w:i/>") +
		style("Signature", "Signature", fmt.Sprintf(`<w:keepLines/><w:spacing w:before="%d"/>`, twips(minutesSignatureGap)), "")
}

// header is the mark at the top of every page: DRAFT until approved, CONFIDENTIAL when the
// document carries exempt text.
func (x *minutesDocx) header() string {
	var d docxBody
	if x.c.Confidential() {
		d.para("ConfidentialMark", "", []span{{text: confidentialMark}})
	}
	if x.c.Draft {
		d.para("DraftMark", "", []span{{text: draftMark}})
	}
	return d.b.String()
}

// text writes paragraphs in a style, the first led by lead in italic, set in st.
func (x *minutesDocx) text(style string, paras []string, lead string, st fontStyle) {
	for i := range paras {
		x.body.para(style, "", leadSpans(lead, paras, i, st))
	}
	if len(paras) == 0 && lead != "" {
		x.body.para(style, "", []span{{text: lead, style: styleItalic}})
	}
}

// build writes the document in order.
func (x *minutesDocx) build() {
	c, d := x.c, &x.body
	d.para("Title", "", []span{{text: c.BodyName}})
	if c.MeetingTitle != "" {
		d.para("Subtitle", "", []span{{text: c.MeetingTitle}})
	}
	d.para("Subtitle", "", []span{{text: c.Held}})
	if c.Venue != "" {
		d.para("Normal", fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="6" w:color="%s"/></w:pBdr><w:spacing w:before="%d" w:after="%d"/>`,
			hexColour(minutesRuleGrey), twips(minutesSmallGap), twips(minutesRuleGap)), []span{{text: c.Venue}})
	}
	for _, g := range c.Attendance {
		if len(g.Names) == 0 && g.Empty == "" {
			continue
		}
		if len(g.Names) == 0 {
			d.open("AttendanceLabel", "")
			d.run(g.Label+" ", "")
			d.run(g.Empty, "<w:b w:val=\"0\"/>")
			d.close()
			continue
		}
		d.para("AttendanceLabel", "", []span{{text: g.Label}})
		for _, n := range g.Names {
			d.para("List", "", []span{{text: n}})
		}
	}
	d.para("Heading1", "", []span{{text: "Declarations of Interest"}})
	if len(c.Declarations) == 0 {
		d.para("Normal", "", []span{{text: "None."}})
	}
	for _, dl := range c.Declarations {
		if dl.Exempt {
			d.para("ConfidentialMark", "", []span{{text: confidentialMark}})
		}
		d.para("Normal", "", actionSpans(dl.Text, styleRegular))
	}
	for i := range c.Items {
		x.item(&c.Items[i])
	}
	if len(c.MeetingActions) > 0 {
		d.para("Heading1", "", []span{{text: "Actions arising from the meeting"}})
		for _, a := range c.MeetingActions {
			if a.Exempt {
				d.para("ConfidentialMark", "", []span{{text: confidentialMark}})
			}
			d.para("Normal", "", actionLineSpans(a))
		}
	}
	if c.Ended != "" {
		d.para("Normal", "", []span{{text: c.Ended}})
	}
	if c.Approval != "" {
		d.para("Approval", "", []span{{text: c.Approval}})
	}
	measure := newGlyphWidths().at(minutesTextSize)
	d.para("Signature", "", []span{{text: c.ChairTitle + " " + signatureDots(minutesSignatureDots, measure) + "   Date " + signatureDots(minutesSignatureDate, measure)}})
}

// item writes one item: a Heading 1 with the minute number hanging, the title and the time at
// the right, then what the edition shows of it.
func (x *minutesDocx) item(it *itemContent) {
	d := &x.body
	d.open("Heading1", fmt.Sprintf(`<w:tabs><w:tab w:val="left" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs><w:ind w:left="%d" w:hanging="%d"/>`,
		x.number, x.page.textWidth(), x.number, x.number))
	d.run(it.Number, "")
	d.tab()
	d.run(it.Title, "")
	if it.Time != "" {
		d.tab()
		d.run(it.Time, `<w:b w:val="0"/>`)
	}
	d.close()
	if it.Confidential {
		d.para("ConfidentialMark", "", []span{{text: confidentialMark}})
	}
	if it.Exempt {
		d.para("ExemptMark", "", []span{{text: it.Mark}})
		lead := ""
		if it.PublicSummaryLead {
			lead = "Public summary: "
		}
		x.text("MinuteText", it.PublicSummary, lead, styleRegular)
		if !it.Confidential {
			return
		}
	}
	x.text("MinuteText", it.ReportSummary, "", styleItalic)
	x.text("MinuteText", it.Minutes, "", styleRegular)
	if len(it.Questions) > 0 {
		d.para("Heading2", fmt.Sprintf(`<w:ind w:left="%d"/>`, x.number), []span{{text: "Members’ Questions"}})
		for _, q := range it.Questions {
			paras := q.Question
			if len(paras) == 0 {
				paras = []string{""}
			}
			for i := range paras {
				d.open("Question", "")
				if i == 0 {
					d.run(fmt.Sprintf("(%d)", q.Number), "")
					d.tab()
				}
				d.spans(leadSpans(q.AskedBy, paras, i, styleRegular))
				d.close()
			}
			x.text("Answer", q.Answer, q.AnswerLead, styleRegular)
		}
	}
	x.text("MinuteText", it.MinutesAfter, "", styleRegular)
	for _, r := range it.Resolutions {
		lead := []span{{text: "RESOLVED", style: styleBold}, {text: " – ", style: styleRegular}}
		if r.LeadAlone {
			d.para("Resolution", "<w:keepNext/>", lead)
		}
		for i, line := range r.Lines {
			switch line.Level {
			case 0:
				spans := actionSpans(line.Text, styleRegular)
				if i == 0 {
					spans = append(append([]span(nil), lead...), spans...)
				}
				d.para("Resolution", "", spans)
			default:
				style := "ResolutionPart"
				if line.Level > 1 {
					style = "ResolutionSubpart"
				}
				d.open(style, "")
				d.run(line.Label, "")
				d.tab()
				d.spans(actionSpans(line.Text, styleRegular))
				d.close()
			}
		}
		for _, line := range r.Vote {
			d.para("Resolution", "", []span{{text: line, style: styleRegular}})
		}
	}
	for _, a := range it.Actions {
		d.para("MinuteText", "", actionLineSpans(a))
	}
	if it.Documents != "" {
		d.para("MinuteText", "", []span{{text: it.Documents, style: styleItalic}})
	}
}
