package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// AgendaHTML writes the agenda of a meeting as one self-contained, accessible HTML page,
// in the minutes' style: the body (h1), the meeting (h2), the membership, each item (h3)
// with its lead officer, report reference, summary and supporting documents as a list. The
// public edition shows of an exempt item only its title and why its papers are left out.
func AgendaHTML(w io.Writer, m *data.FullMeeting, opts AgendaOptions) (AgendaReport, error) {
	if m == nil {
		return AgendaReport{}, errors.New("no meeting to export")
	}
	c, replaced := newAgendaContent(m, opts.Edition, markupClean)
	rep := AgendaReport{Replaced: replaced}
	// The style sheet is the minutes', with the number column of the agenda's numbers.
	style := &minutesContent{BodyName: c.BodyName}
	for _, it := range c.Items {
		style.Items = append(style.Items, itemContent{Number: it.Number})
	}
	d := &htmlDoc{}
	d.start(c.docTitle(), minutesCSS(style)+".documents { list-style: disc; padding-left: 5mm; margin-top: 1.2mm; }\n")
	d.raw("<header class=\"minutes\">\n")
	if c.Confidential() {
		d.element("p", "mark confidential-mark", confidentialMark)
	}
	d.element("h1", "", c.BodyName)
	d.element("p", "meeting-title", c.Title)
	d.element("h2", "", c.Held)
	if c.Venue != "" {
		d.element("p", "venue", c.Venue)
	}
	d.raw("</header>\n<main>\n")
	d.raw("<section class=\"attendance\" aria-labelledby=\"membership\">\n<h3 id=\"membership\">Membership</h3>\n<div class=\"group\">")
	d.element("h4", "", "Membership")
	if len(c.Membership) == 0 {
		d.element("p", "", "Not recorded.")
	} else {
		d.raw("<ul>")
		for _, n := range c.Membership {
			d.element("li", "", n)
		}
		d.raw("</ul>")
	}
	d.raw("</div>\n</section>\n")
	for i, it := range c.Items {
		id := fmt.Sprintf("item-%d", i+1)
		class := "item"
		if it.Confidential {
			class += " confidential"
		}
		fmt.Fprintf(&d.b, "<section class=\"%s\" aria-labelledby=\"%s\">\n<h3 id=\"%s\">", class, id, id)
		d.b.WriteString("<span class=\"number\">" + escapeText(it.Number) + "</span> <span class=\"title\">" + escapeText(it.Title) + "</span></h3>\n")
		if it.Confidential {
			d.element("p", "mark confidential-mark", confidentialMark)
		}
		for _, line := range []string{it.Officer, it.Reference} {
			if line != "" {
				d.element("p", "", line)
			}
		}
		if it.Exempt {
			d.element("p", "exempt-mark", it.Mark)
		}
		if it.Withheld != "" {
			d.element("p", "", it.Withheld)
		}
		for i := range it.Summary {
			d.para("summary", leadSpans("", it.Summary, i, styleItalic))
		}
		if len(it.Documents) > 0 {
			d.element("h4", "", "Supporting documents")
			d.raw("<ul class=\"documents\">\n")
			for _, doc := range it.Documents {
				if doc.Confidential && !it.Confidential {
					d.raw("<li><span class=\"mark confidential-mark\">" + escapeText(confidentialMark) + "</span> " + escapeText(doc.line()) + "</li>\n")
					continue
				}
				d.element("li", "", doc.line())
			}
			d.raw("</ul>\n")
		}
		d.raw("</section>\n")
	}
	d.raw("</main>\n")
	d.element("footer", "minutes", c.BodyName)
	if err := d.end(w); err != nil {
		return rep, fmt.Errorf("write the agenda of %s: %w", c.Date, err)
	}
	return rep, nil
}

// AgendaDocx writes the agenda of a meeting as a Word document in the minutes' styles: the
// body as Title, the meeting as Subtitle, each item as Heading 1 with its number, its
// documents as List paragraphs, and the footer's "Page N of M" as Word fields.
func AgendaDocx(w io.Writer, m *data.FullMeeting, opts AgendaOptions) (AgendaReport, error) {
	if m == nil {
		return AgendaReport{}, errors.New("no meeting to export")
	}
	c, replaced := newAgendaContent(m, opts.Edition, markupClean)
	rep := AgendaReport{Replaced: replaced}
	style := &minutesContent{BodyName: c.BodyName}
	for _, it := range c.Items {
		style.Items = append(style.Items, itemContent{Number: it.Number})
	}
	page := docxPage{
		width: twips(210), height: twips(297),
		top: twips(minutesMarginTop), right: twips(minutesMarginRight), bottom: twips(minutesMarginBottom), left: twips(minutesMarginLeft),
		header: twips(minutesBandY), footer: twips(297 - minutesFooterY - minutesFooterLine),
	}
	x := minutesDocx{c: style, page: page, number: twips(numberColumn(style))}
	d := &x.body
	d.para("Title", "", []span{{text: c.BodyName}})
	d.para("Subtitle", "", []span{{text: c.Title}})
	d.para("Subtitle", "", []span{{text: c.Held}})
	if c.Venue != "" {
		d.para("Normal", "", []span{{text: c.Venue}})
	}
	d.para("AttendanceLabel", "", []span{{text: "Membership:"}})
	if len(c.Membership) == 0 {
		d.para("List", "", []span{{text: "Not recorded."}})
	}
	for _, n := range c.Membership {
		d.para("List", "", []span{{text: n}})
	}
	for _, it := range c.Items {
		d.open("Heading1", "")
		d.run(it.Number, "")
		d.tab()
		d.run(it.Title, "")
		d.close()
		if it.Confidential {
			d.para("ConfidentialMark", "", []span{{text: confidentialMark}})
		}
		for _, line := range []string{it.Officer, it.Reference} {
			if line != "" {
				d.para("MinuteText", "", []span{{text: line}})
			}
		}
		if it.Exempt {
			d.para("ExemptMark", "", []span{{text: it.Mark}})
		}
		if it.Withheld != "" {
			d.para("MinuteText", "", []span{{text: it.Withheld}})
		}
		x.text("MinuteText", it.Summary, "", styleItalic)
		if len(it.Documents) > 0 {
			d.para("MinuteText", "", []span{{text: "Supporting documents:", style: styleBold}})
		}
		for _, doc := range it.Documents {
			line := doc.line()
			if doc.Confidential && !it.Confidential {
				line = confidentialMark + ": " + line
			}
			d.para("MinuteText", "", []span{{text: "• " + line}})
		}
	}
	header := ""
	if c.Confidential() {
		var h docxBody
		h.para("ConfidentialMark", "", []span{{text: confidentialMark}})
		header = h.b.String()
	}
	pkg := &docxPackage{
		page:     page,
		props:    docxProps{title: c.docTitle(), subject: "Agenda – " + opts.Edition.String(), author: c.BodyName, created: meetingTime(m.Date)},
		styles:   x.styles(),
		body:     d.b.String(),
		header:   header,
		footer:   pageFooter(c.BodyName, page.textWidth()),
		modified: meetingTime(m.Date),
	}
	var buf bytes.Buffer
	if err := pkg.write(&buf); err != nil {
		return rep, fmt.Errorf("write the agenda of %s: %w", c.Date, err)
	}
	_, err := w.Write(buf.Bytes())
	return rep, err
}

// AgendaWriter writes the agenda in one format.
type AgendaWriter func(w io.Writer, m *data.FullMeeting, opts AgendaOptions) (AgendaReport, error)

// AgendaWriterIn returns what writes the agenda in format f: PDF, Word or HTML.
func AgendaWriterIn(f Format) (AgendaWriter, error) {
	switch f {
	case PDF:
		return Agenda, nil
	case Word:
		return AgendaDocx, nil
	case HTML:
		return AgendaHTML, nil
	}
	return nil, fmt.Errorf("the agenda is written as PDF, Word (.docx) or HTML, not %s", strings.ToUpper(string(f)))
}
