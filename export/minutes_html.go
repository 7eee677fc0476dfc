package export

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// MinutesHTML writes the minutes of a meeting as one self-contained HTML page, the edition
// for publishing on a council's website: lang="en-GB", a heading for the body (h1), the
// meeting (h2) and each item (h3), the attendance as lists, and the PDF's content and marks
// exactly — an exempt item in the public edition shows only its title, Schedule 12A
// paragraph and public summary. Printed, it looks like the PDF: A4, the same margins, sizes
// and marks, and the body's name with "Page N of M" at the foot of each page. The report
// counts the characters replaced (control characters; emoji are kept, as the reader's
// fonts draw them) and the items withheld; it has no pages.
func MinutesHTML(w io.Writer, m *data.FullMeeting, opts MinutesOptions) (MinutesReport, error) {
	if m == nil {
		return MinutesReport{}, errors.New("no meeting to export")
	}
	c, replaced := newMinutesContent(m, opts.Edition, markupClean)
	rep := MinutesReport{Replaced: replaced, Withheld: c.Withheld}
	d := &htmlDoc{}
	d.start(c.docTitle(), minutesCSS(c))
	writeMinutesHTML(d, c)
	if err := d.end(w); err != nil {
		return rep, fmt.Errorf("write the minutes of %s: %w", c.Date, err)
	}
	return rep, nil
}

// numberColumn is the width, in millimetres, of the column the minute numbers hang in: that
// of the widest, within bounds, as in the PDF.
func numberColumn(c *minutesContent) float64 {
	measure := newGlyphWidths().at(minutesTextSize)
	widest := 0.0
	for _, it := range c.Items {
		widest = max(widest, measure(it.Number, styleBold))
	}
	return min(max(widest+minutesNumberGap, minutesNumberMin), minutesNumberMax)
}

// minutesCSS is the minutes' style sheet: on screen a readable column, in print the PDF's
// page.
func minutesCSS(c *minutesContent) string {
	top := ""
	if c.Draft {
		top = "@top-right { content: " + cssString(draftMark) + "; color: " + rgb(minutesDraftInk) + "; font-weight: bold; font-size: " + pt(minutesMarkSize) + "; }"
	}
	return strings.NewReplacer(
		// The reader's font may be wider than the Go font the column is measured in.
		"NUMBER", mm(numberColumn(c)+3),
		"QNUM", mm(minutesQuestionNumber),
		"ANSWER", mm(minutesAnswerIndent),
		"PARTINDENT", mm(minutesPartIndent),
		"PARTLABEL", mm(minutesPartLabel),
		"TEXTSIZE", pt(minutesTextSize),
		"BODYSIZE", pt(minutesBodyNameSize),
		"TITLESIZE", pt(minutesTitleSize),
		"MARKSIZE", pt(minutesMarkSize),
		"FOOTSIZE", pt(minutesFooterSize),
		"DRAFTINK", rgb(minutesDraftInk),
		"BANDFILL", rgb(minutesBandFill),
		"BANDINK", rgb(minutesBandInk),
		"RULE", rgb(minutesRuleGrey),
		"GREY", rgb(minutesGrey),
		"MTOP", mm(minutesMarginTop),
		"MRIGHT", mm(minutesMarginRight),
		"MBOTTOM", mm(minutesMarginBottom),
		"MLEFT", mm(minutesMarginLeft),
		"BODYNAME", cssString(c.BodyName),
		"TOPMARK", top,
	).Replace(minutesStyle)
}

// minutesStyle is the style sheet, with the PDF's layout constants put in by minutesCSS.
const minutesStyle = `html { color: #000; background: #fff; }
body { font-family: "Go", "Lucida Grande", "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: TEXTSIZE; line-height: 1.35; max-width: 170mm; margin: 1.5em auto; padding: 0 1em; }
h1, h2, h3, h4, p, ul, ol { margin: 0; }
header.minutes { border-bottom: 0.3mm solid RULE; padding-bottom: 1mm; margin-bottom: 5mm; }
h1 { font-size: BODYSIZE; line-height: 1.3; }
h2, .meeting-title { font-size: TITLESIZE; font-weight: bold; margin-top: 1.2mm; }
.venue { margin-top: 1.2mm; }
.mark { font-size: MARKSIZE; font-weight: bold; margin-bottom: 2mm; }
.draft { color: DRAFTINK; text-align: right; }
.confidential-mark { background: BANDFILL; color: BANDINK; text-align: center; padding: 1mm; }
h3 { font-size: TEXTSIZE; margin-top: 5mm; }
h4 { font-size: TEXTSIZE; margin-top: 2.6mm; }
section.attendance h3 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.attendance .group { display: flex; margin-top: 1.6mm; }
.attendance h4 { margin: 0; min-width: 30mm; padding-right: 3mm; }
.attendance ul { list-style: none; padding: 0; }
.attendance li { display: inline; }
.attendance li:not(:last-child)::after { content: ", "; }
p + p, .declarations p + p { margin-top: 2.6mm; }
.declarations p:first-of-type { margin-top: 1.2mm; }
section.item h3 { display: flex; }
section.item h3 .number { flex: 0 0 NUMBER; }
section.item h3 .title { flex: 1; }
section.item h3 .time { font-weight: normal; padding-left: 4mm; white-space: nowrap; }
section.item > :not(h3) { margin-left: NUMBER; }
section.item > p, section.item > .mark { margin-top: 2.6mm; }
section.item > .exempt-mark { font-style: italic; margin-top: 1.4mm; }
.summary { font-style: italic; }
ol.questions { list-style: none; padding: 0; }
ol.questions > li { margin-top: 3.6mm; }
ol.questions > li:first-child { margin-top: 1.2mm; }
.question p { padding-left: QNUM; }
.question p:first-child { text-indent: calc(-1 * QNUM); }
.question .qno { display: inline-block; width: QNUM; text-indent: 0; }
.answer { margin: 1.6mm 0 0 calc(QNUM + ANSWER); }
.answer p + p, .question p + p { margin-top: 2.6mm; }
.resolution { margin-top: 2.6mm; }
.resolution p { margin-top: 1.2mm; }
.resolution p:first-child { margin-top: 0; }
.resolution .part { padding-left: PARTLABEL; text-indent: calc(-1 * PARTLABEL); }
.resolution .level-1 { margin-left: PARTINDENT; }
.resolution .level-2 { margin-left: calc(2 * PARTINDENT + PARTLABEL - PARTINDENT); }
.resolution .label { display: inline-block; width: PARTLABEL; text-indent: 0; }
.approval { font-style: italic; margin-top: 10mm; }
.signature { margin-top: 16mm; white-space: nowrap; }
footer.minutes { margin-top: 8mm; border-top: 0.3mm solid RULE; padding-top: 1.5mm; color: GREY; font-size: FOOTSIZE; }
@page { size: A4 portrait; margin: MTOP MRIGHT MBOTTOM MLEFT;
  @bottom-left { content: BODYNAME; font-family: "Go", "Lucida Grande", "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: GREY; font-size: FOOTSIZE; border-top: 0.3mm solid RULE; vertical-align: top; padding-top: 1.5mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "Go", "Lucida Grande", "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: GREY; font-size: FOOTSIZE; border-top: 0.3mm solid RULE; vertical-align: top; padding-top: 1.5mm; }
  TOPMARK }
@page { @top-right { font-family: "Go", "Lucida Grande", "Segoe UI", "DejaVu Sans", Arial, sans-serif; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  footer.minutes { display: none; }
  h3, h4, .question { break-after: avoid; }
  .signature, .group { break-inside: avoid; }
  p { orphans: 2; widows: 2; }
}
`

// writeMinutesHTML writes the minutes' content as the page's body.
func writeMinutesHTML(d *htmlDoc, c *minutesContent) {
	d.raw("<header class=\"minutes\">\n")
	if c.Draft {
		d.element("p", "mark draft", draftMark)
	}
	if c.Confidential() {
		d.element("p", "mark confidential-mark", confidentialMark)
	}
	d.element("h1", "", c.BodyName)
	if c.MeetingTitle != "" {
		d.element("p", "meeting-title", c.MeetingTitle)
	}
	d.element("h2", "", c.Held)
	if c.Venue != "" {
		d.element("p", "venue", c.Venue)
	}
	d.raw("</header>\n<main>\n")

	d.raw("<section class=\"attendance\" aria-labelledby=\"attendance\">\n<h3 id=\"attendance\">Attendance</h3>\n")
	for _, g := range c.Attendance {
		if len(g.Names) == 0 && g.Empty == "" {
			continue
		}
		d.raw("<div class=\"group\">")
		d.element("h4", "", strings.TrimSuffix(g.Label, ":"))
		if len(g.Names) == 0 {
			d.element("p", "", g.Empty)
		} else {
			d.raw("<ul>")
			for _, n := range g.Names {
				d.element("li", "", n)
			}
			d.raw("</ul>")
		}
		d.raw("</div>\n")
	}
	d.raw("</section>\n")

	d.raw("<section class=\"declarations\" aria-labelledby=\"declarations\">\n<h3 id=\"declarations\">Declarations of Interest</h3>\n")
	if len(c.Declarations) == 0 {
		d.element("p", "", "None.")
	}
	for _, dl := range c.Declarations {
		if dl.Exempt {
			d.element("p", "mark confidential-mark", confidentialMark)
		}
		d.para("", actionSpans(dl.Text, styleRegular))
	}
	d.raw("</section>\n")

	for i := range c.Items {
		writeItemHTML(d, &c.Items[i], i+1)
	}

	if len(c.MeetingActions) > 0 {
		d.raw("<section class=\"actions\" aria-labelledby=\"meeting-actions\">\n<h3 id=\"meeting-actions\">Actions arising from the meeting</h3>\n")
		for _, a := range c.MeetingActions {
			if a.Exempt {
				d.element("p", "mark confidential-mark", confidentialMark)
			}
			d.para("", actionLineSpans(a))
		}
		d.raw("</section>\n")
	}

	if c.Ended != "" {
		d.element("p", "ended", c.Ended)
	}
	if c.Approval != "" {
		d.element("p", "approval", c.Approval)
	}
	measure := newGlyphWidths().at(minutesTextSize)
	d.element("p", "signature", c.ChairTitle+" "+signatureDots(minutesSignatureDots, measure)+"   Date "+signatureDots(minutesSignatureDate, measure))
	d.raw("</main>\n")
	d.element("footer", "minutes", c.BodyName)
}

// signatureDots is a dotted line as wide as width millimetres in the PDF.
func signatureDots(width float64, measure widthFunc) string {
	return strings.Repeat("…", max(int(width/measure("…", styleRegular)), 3))
}

// actionLineSpans sets an action as a sentence with its owner's tag in bold.
func actionLineSpans(a actionContent) []span {
	spans := actionSpans(a.Text, styleRegular)
	if a.Owner != "" {
		spans = append(spans, span{text: " ", style: styleRegular}, span{text: "[Action: " + a.Owner + "]", style: styleBold, keep: true})
	}
	return spans
}

// leadSpans puts lead, in italic, in front of the first paragraph.
func leadSpans(lead string, paras []string, i int, st fontStyle) []span {
	spans := actionSpans(paras[i], st)
	if i == 0 && lead != "" {
		spans = append([]span{{text: lead, style: styleItalic}}, spans...)
	}
	return spans
}

// writeItemHTML writes one item as a section headed by its minute number, title and time.
func writeItemHTML(d *htmlDoc, it *itemContent, n int) {
	id := fmt.Sprintf("item-%d", n)
	class := "item"
	if it.Confidential {
		class += " confidential"
	}
	fmt.Fprintf(&d.b, "<section class=\"%s\" aria-labelledby=\"%s\">\n<h3 id=\"%s\">", class, id, id)
	d.b.WriteString("<span class=\"number\">" + escapeText(it.Number) + "</span> <span class=\"title\">" + escapeText(it.Title) + "</span>")
	if it.Time != "" {
		d.b.WriteString(" <span class=\"time\">" + escapeText(it.Time) + "</span>")
	}
	d.b.WriteString("</h3>\n")
	if it.Confidential {
		d.element("p", "mark confidential-mark", confidentialMark)
	}
	if it.Exempt {
		d.element("p", "exempt-mark", it.Mark)
		lead := ""
		if it.PublicSummaryLead {
			lead = "Public summary: "
		}
		for i := range it.PublicSummary {
			d.para("", leadSpans(lead, it.PublicSummary, i, styleRegular))
		}
		if !it.Confidential {
			d.raw("</section>\n")
			return
		}
	}
	for i := range it.ReportSummary {
		d.para("summary", leadSpans("", it.ReportSummary, i, styleItalic))
	}
	for i := range it.Minutes {
		d.para("", leadSpans("", it.Minutes, i, styleRegular))
	}
	if len(it.Questions) > 0 {
		d.raw("<h4>Members’ Questions</h4>\n<ol class=\"questions\">\n")
		for _, q := range it.Questions {
			d.raw("<li><div class=\"question\">")
			paras := q.Question
			if len(paras) == 0 {
				paras = []string{""}
			}
			for i := range paras {
				spans := leadSpans(q.AskedBy, paras, i, styleRegular)
				if i == 0 {
					d.b.WriteString("<p><span class=\"qno\">" + fmt.Sprintf("(%d)", q.Number) + "</span> ")
					d.spans(spans)
					d.b.WriteString("</p>")
				} else {
					d.para("", spans)
				}
			}
			d.raw("</div>")
			if len(q.Answer) > 0 {
				d.raw("<div class=\"answer\">")
				for i := range q.Answer {
					d.para("", leadSpans(q.AnswerLead, q.Answer, i, styleRegular))
				}
				d.raw("</div>")
			}
			d.raw("</li>\n")
		}
		d.raw("</ol>\n")
	}
	for i := range it.MinutesAfter {
		d.para("", leadSpans("", it.MinutesAfter, i, styleRegular))
	}
	for _, r := range it.Resolutions {
		d.raw("<div class=\"resolution\">")
		lead := []span{{text: "RESOLVED", style: styleBold}, {text: " – ", style: styleRegular}}
		if r.LeadAlone {
			d.para("", lead)
		}
		for i, line := range r.Lines {
			if line.Level == 0 {
				spans := actionSpans(line.Text, styleRegular)
				if i == 0 {
					spans = append(append([]span(nil), lead...), spans...)
				}
				d.para("", spans)
				continue
			}
			d.b.WriteString(fmt.Sprintf("<p class=\"part level-%d\"><span class=\"label\">", line.Level) + escapeText(line.Label) + "</span> ")
			d.spans(actionSpans(line.Text, styleRegular))
			d.b.WriteString("</p>\n")
		}
		for _, line := range r.Vote {
			d.para("vote", []span{{text: line, style: styleRegular}})
		}
		d.raw("</div>\n")
	}
	for _, a := range it.Actions {
		d.para("", actionLineSpans(a))
	}
	if it.Documents != "" {
		d.para("documents", []span{{text: it.Documents, style: styleItalic}})
	}
	d.raw("</section>\n")
}
