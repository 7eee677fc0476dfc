package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// ActionLogHTML writes the action log as one self-contained HTML page: a heading, what the
// log covers, the summary and a key to the colours, then a table with a header cell for each
// column and one naming each row's action (th with scope), the RAG status in words as well
// as in colour. The public edition leaves out the actions of exempt items; any other edition
// that lists them is marked confidential. Printed, it is the PDF's A4 landscape page, the
// header row on every page.
func ActionLogHTML(w io.Writer, log *data.ActionLog, opts ActionLogOptions) error {
	c := newActionLogContent(log, opts, markupClean)
	d := &htmlDoc{}
	d.start(c.BodyName+" – "+c.Title, actionLogCSS(c))
	d.raw("<header class=\"log\">\n")
	if c.Confidential {
		d.element("p", "mark confidential-mark", confidentialLogMark)
	}
	d.element("h1", "", c.BodyName)
	d.element("h2", "", c.Title)
	for _, s := range c.Coverage {
		d.element("p", "coverage", s)
	}
	d.element("p", "summary", c.Summary)
	d.raw("<ul class=\"key\" aria-label=\"Key to the colours of the Status column\">\n")
	for _, k := range c.Key {
		fmt.Fprintf(&d.b, "<li><span class=\"swatch rag-%s\" aria-hidden=\"true\"></span>%s</li>\n", k.RAG, escapeText(k.Words))
	}
	d.raw("</ul>\n</header>\n<main>\n<table class=\"log\">\n")
	d.element("caption", "", "Actions as at "+logLongDate(c.AsAt))
	d.raw("<thead><tr>")
	for _, col := range logColumns {
		d.b.WriteString("<th scope=\"col\">" + escapeText(col.title) + "</th>")
	}
	d.raw("</tr></thead>\n<tbody>\n")
	if len(c.Rows) == 0 {
		fmt.Fprintf(&d.b, "<tr><td colspan=\"%d\"><em>No actions match this log.</em></td></tr>\n", len(logColumns))
	}
	cell := func(text string) { d.b.WriteString("<td>" + escapeText(text) + "</td>") }
	for _, r := range c.Rows {
		d.b.WriteString("<tr><th scope=\"row\">" + escapeText(r.Ref) + "</th>")
		cell(r.Meeting)
		d.b.WriteString("<td>" + escapeText(r.Minute))
		if r.Exempt {
			d.b.WriteString("<br><em class=\"exempt\">" + exemptItemWords + "</em>")
		}
		d.b.WriteString("</td>")
		d.b.WriteString("<td>" + strings.ReplaceAll(escapeText(r.Action), "\n", "<br>") + "</td>")
		cell(r.Owner)
		cell(r.Due)
		fmt.Fprintf(&d.b, "<td class=\"status rag-%s\"><strong>%s</strong><br>%s</td>", r.RAG, escapeText(r.Status), escapeText(r.RAGWords))
		if r.UpdateDate != "" {
			d.b.WriteString("<td><strong>" + escapeText(r.UpdateDate) + "</strong><br>" + strings.ReplaceAll(escapeText(r.Update), "\n", "<br>") + "</td>")
		} else {
			d.b.WriteString("<td></td>")
		}
		d.b.WriteString("</tr>\n")
	}
	d.raw("</tbody>\n</table>\n</main>\n")
	d.element("footer", "log", c.BodyName+" – "+c.Title)
	if err := d.end(w); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	return nil
}

// actionLogCSS is the action log's style sheet: in print the PDF's A4 landscape page.
func actionLogCSS(c *actionLogContent) string {
	var widths strings.Builder
	total := logTableWidth()
	for i, col := range logColumns {
		fmt.Fprintf(&widths, "table.log th:nth-child(%d) { width: %.1f%%; }\n", i+1, 100*col.width/total)
	}
	var rags strings.Builder
	for _, rag := range []string{data.RAGRed, data.RAGAmber, data.RAGGreen, data.RAGGrey, data.RAGNone} {
		fmt.Fprintf(&rags, ".rag-%s { background: %s; }\n", rag, rgb(logRAGFillings[rag]))
	}
	return strings.NewReplacer(
		"TEXTSIZE", pt(logTextSize),
		"BODYSIZE", pt(logBodyNameSize),
		"TITLESIZE", pt(logTitleSize),
		"INFOSIZE", pt(logInfoSize),
		"FOOTSIZE", pt(logFooterSize),
		"BANDSIZE", pt(logBandSize),
		"BANDFILL", rgb(logBandFill),
		"BANDINK", rgb(logBandInk),
		"GREY", rgb(logGrey),
		"RULE", rgb(logRuleColour),
		"HEADFILL", rgb(logHeaderFill),
		"PAD", mm(logCellPad),
		"MX", mm(logMarginX),
		"MTOP", mm(logMarginTop),
		"MBOTTOM", mm(210-logTableBottom),
		"SWATCH", mm(logKeySwatch),
		"TITLE", cssString(c.BodyName+" – "+c.Title),
	).Replace(actionLogStyle) + widths.String() + rags.String()
}

// actionLogStyle is the style sheet, with the PDF's layout constants put in by actionLogCSS.
const actionLogStyle = `html { color: #000; background: #fff; }
body { font-family: "Go", "Lucida Grande", "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: INFOSIZE; line-height: 1.35; margin: 1.5em; }
h1, h2, p, ul { margin: 0; }
h1 { font-size: BODYSIZE; }
h2 { font-size: TITLESIZE; margin-bottom: 1.2mm; }
.coverage { color: GREY; }
.summary { font-weight: bold; margin-top: 1.2mm; }
.mark { font-weight: bold; font-size: BANDSIZE; margin-bottom: 2mm; }
.confidential-mark { background: BANDFILL; color: BANDINK; text-align: center; padding: 0.8mm; }
ul.key { list-style: none; padding: 0; margin: 1.2mm 0 3.5mm; }
ul.key li { display: inline-block; margin-right: 6mm; }
.swatch { display: inline-block; width: SWATCH; height: SWATCH; border: 0.2mm solid RULE; margin-right: 1.5mm; vertical-align: -0.4mm; }
table.log { border-collapse: collapse; width: 100%; font-size: TEXTSIZE; }
table.log caption { text-align: left; position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
table.log th, table.log td { border: 0.2mm solid RULE; padding: PAD; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.log thead th { background: HEADFILL; }
table.log tbody th { font-weight: bold; }
.exempt { color: GREY; }
footer.log { margin-top: 4mm; color: GREY; font-size: FOOTSIZE; }
@page { size: A4 landscape; margin: MTOP MX MBOTTOM MX;
  @bottom-left { content: TITLE; font-family: "Go", "Lucida Grande", "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: GREY; font-size: FOOTSIZE; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "Go", "Lucida Grande", "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: GREY; font-size: FOOTSIZE; } }
@media print {
  body { margin: 0; }
  footer.log { display: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
