package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/minutebook/minutebook/data"
)

// ActionLogDocx writes the action log as a Word document on A4 landscape: the body's name as
// Title, the log's title as Subtitle, what it covers, the summary and the key, then a table
// in the "Action Log" table style whose header row repeats on every page, the status cell
// shaded in its RAG colour and saying it in words. The public edition leaves out the actions
// of exempt items; any other edition that lists them is marked confidential at the top of
// every page. The footer names the log and says "Page N of M" as Word fields.
func ActionLogDocx(w io.Writer, log *data.ActionLog, opts ActionLogOptions) error {
	c := newActionLogContent(log, opts, markupClean)
	created, err := time.Parse(data.DateLayout, c.AsAt)
	if err != nil {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	page := docxPage{
		width: twips(297), height: twips(210), landscape: true,
		top: twips(logMarginTop + logBandHeight + logBandGap), right: twips(logMarginX), bottom: twips(210 - logTableBottom), left: twips(logMarginX),
		header: twips(logMarginTop / 2), footer: twips(210 - logFooterY - logFooterLine),
	}
	var d docxBody
	d.para("Title", "", []span{{text: c.BodyName}})
	d.para("Subtitle", "", []span{{text: c.Title}})
	for _, s := range c.Coverage {
		d.para("LogInfo", "", []span{{text: s}})
	}
	d.para("LogInfo", "", []span{{text: c.Summary, style: styleBold}})
	d.open("LogInfo", "")
	for i, k := range c.Key {
		if i > 0 {
			d.run("      ", "")
		}
		d.run("\u00a0\u00a0\u00a0", `<w:shd w:val="clear" w:color="auto" w:fill="`+hexColour(logRAGFillings[k.RAG])+`"/><w:bdr w:val="single" w:sz="4" w:space="0" w:color="`+hexColour(logRuleColour)+`"/>`)
		d.run(" "+k.Words, "")
	}
	d.close()

	// The table.
	d.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ActionLog"/><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/><w:tblLook w:firstRow="1" w:firstColumn="1" w:val="04A0"/><w:tblCaption w:val="` +
		escapeText("Actions as at "+logLongDate(c.AsAt)) + `"/></w:tblPr><w:tblGrid>`)
	for _, col := range logColumns {
		fmt.Fprintf(&d.b, `<w:gridCol w:w="%d"/>`, twips(col.width))
	}
	d.b.WriteString("</w:tblGrid>")
	cell := func(col int, props string, paras ...[]span) {
		fmt.Fprintf(&d.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>`, twips(logColumns[col].width), props)
		if len(paras) == 0 {
			paras = [][]span{nil}
		}
		for _, p := range paras {
			d.para("LogCell", "", p)
		}
		d.b.WriteString("</w:tc>")
	}
	d.b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	for i, col := range logColumns {
		cell(i, "", []span{{text: col.title, style: styleBold}})
	}
	d.b.WriteString("</w:tr>\n")
	if len(c.Rows) == 0 {
		fmt.Fprintf(&d.b, `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>`, len(logColumns))
		d.para("LogCell", "", []span{{text: "No actions match this log.", style: styleItalic}})
		d.b.WriteString("</w:tc></w:tr>\n")
	}
	for _, r := range c.Rows {
		d.b.WriteString("<w:tr>")
		cell(logColRef, "", []span{{text: r.Ref, style: styleBold}})
		cell(logColMeeting, "", []span{{text: r.Meeting}})
		minute := [][]span{{{text: r.Minute}}}
		if r.Exempt {
			minute = append(minute, []span{{text: exemptItemWords, style: styleItalic}})
		}
		cell(logColMinute, "", minute...)
		cell(logColAction, "", []span{{text: r.Action}})
		cell(logColOwner, "", []span{{text: r.Owner}})
		cell(logColDue, "", []span{{text: r.Due}})
		shade := ""
		if fill, ok := logRAGFillings[r.RAG]; ok && fill != logNoRAGFill {
			shade = `<w:shd w:val="clear" w:color="auto" w:fill="` + hexColour(fill) + `"/>`
		}
		cell(logColStatus, shade, []span{{text: r.Status, style: styleBold}}, []span{{text: r.RAGWords}})
		if r.UpdateDate != "" {
			cell(logColUpdate, "", []span{{text: r.UpdateDate, style: styleBold}}, []span{{text: r.Update}})
		} else {
			cell(logColUpdate, "")
		}
		d.b.WriteString("</w:tr>\n")
	}
	d.b.WriteString("</w:tbl><w:p/>")

	header := ""
	if c.Confidential {
		var h docxBody
		h.para("ConfidentialMark", "", []span{{text: confidentialLogMark}})
		header = h.b.String()
	}
	pkg := &docxPackage{
		page:     page,
		props:    docxProps{title: c.BodyName + " – " + c.Title, subject: "Action log", author: c.BodyName, created: created},
		styles:   actionLogDocxStyles(),
		body:     d.b.String(),
		header:   header,
		footer:   pageFooter(c.BodyName+" – "+c.Title, page.textWidth()),
		modified: created,
	}
	var buf bytes.Buffer
	if err := pkg.write(&buf); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	return nil
}

// actionLogDocxStyles are the log's own styles: its information lines, its cells and the
// "Action Log" table style, with the PDF's rules, header fill and sizes.
func actionLogDocxStyles() string {
	rule := hexColour(logRuleColour)
	border := func(side string) string {
		return `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="` + rule + `"/>`
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="LogInfo"><w:name w:val="Log Information"/><w:basedOn w:val="Normal"/>`+
		`<w:pPr><w:spacing w:before="%d"/></w:pPr><w:rPr><w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		twips(logHeadingGap/2), hexColour(logInk), halfPoints(logInfoSize), halfPoints(logInfoSize))
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="LogCell"><w:name w:val="Log Cell"/><w:basedOn w:val="Normal"/>`+
		`<w:pPr><w:spacing w:before="0"/></w:pPr><w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, halfPoints(logTextSize), halfPoints(logTextSize))
	fmt.Fprintf(&b, `<w:style w:type="table" w:styleId="ActionLog"><w:name w:val="Action Log"/><w:qFormat/>`+
		`<w:tblPr><w:tblBorders>%s%s%s%s%s%s</w:tblBorders><w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar></w:tblPr>`+
		`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="%s"/></w:tcPr></w:tblStylePr>`+
		`<w:tblStylePr w:type="firstCol"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>`,
		border("top"), border("left"), border("bottom"), border("right"), border("insideH"), border("insideV"),
		twips(logCellPad), twips(logCellPad), twips(logCellPad), twips(logCellPad), hexColour(logHeaderFill))
	return b.String()
}
