package export

import (
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/minutebook/minutebook/data"
)

// ActionLogOptions says how to print an action log.
type ActionLogOptions struct {
	// Edition is public (the zero value, as for the minutes, so that forgetting to choose
	// never publishes an exempt item's actions: they are left out) or confidential (every
	// action, the document marked).
	Edition Edition
	// InPack leaves the page numbers out of the footer, for the agenda pack, which stamps
	// its own "Page N of M" through all its parts.
	InPack bool
}

// public reports whether the log is the public edition, without the actions of exempt items.
func (o ActionLogOptions) public() bool { return o.Edition != ConfidentialEdition }

// ActionLog writes the action log as an A4 landscape PDF for an agenda pack: a heading
// (the body, "Action log as at …", the meetings covered, a summary and a key to the
// colours), then a table of the actions whose header row repeats on every page. A row is
// never split across pages unless it is taller than a page; then it goes on with
// "(continued)". The public edition leaves out the actions of exempt items; any other
// edition that lists them is marked confidential on every page. The same log gives the same
// bytes: the document is dated the log's date.
func ActionLog(w io.Writer, log *data.ActionLog, opts ActionLogOptions) error {
	b := newActionLogBuilder(newActionLogContent(log, opts, Sanitize))
	b.inPack = opts.InPack
	b.build()
	if err := b.pdf.Error(); err != nil {
		return fmt.Errorf("draw the action log: %w", err)
	}
	if err := outputPDF(w, b.pdf); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	return nil
}

// logLine is one line of a table cell.
type logLine struct {
	text  string
	style string // "", "B" or "I"
	grey  bool
}

// actionLogBuilder draws one action log.
type actionLogBuilder struct {
	pdf       *gofpdf.Fpdf
	c         *actionLogContent
	y         float64 // where the next thing goes
	tableTop  float64 // where the table starts on this page (the top of its header row)
	fontStyle string  // the table's font style last set, "?" when unknown
	inPack    bool    // no page numbers in the footer: the pack stamps its own
}

func newActionLogBuilder(c *actionLogContent) *actionLogBuilder {
	created, err := time.Parse(data.DateLayout, c.AsAt)
	if err != nil {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return &actionLogBuilder{pdf: newPDF("L", created), c: c}
}

// build draws the document in order.
func (b *actionLogBuilder) build() {
	pdf := b.pdf
	pdf.SetMargins(logMarginX, logMarginTop, logMarginX)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(logCellPad)
	pdf.SetLineWidth(logRuleWidth)
	pdf.AliasNbPages("")
	pdf.SetTitle(logClean(b.c.BodyName+" – "+b.c.Title), true)
	pdf.SetSubject("Action log", true)
	pdf.SetAuthor(logClean(b.c.BodyName), true)
	pdf.SetFooterFunc(b.footer)
	b.page()
	b.heading()
	b.key()
	b.y += logTableGap
	b.tableHeader()
	b.rows()
}

// page starts a page, with the confidential band if the log needs one.
func (b *actionLogBuilder) page() {
	b.pdf.AddPage()
	b.fontStyle = "?" // the footer changed it
	b.y = logMarginTop
	if !b.c.Confidential {
		return
	}
	pdf := b.pdf
	setLogFill(pdf, logBandFill)
	pdf.Rect(logMarginX, b.y, logTableWidth(), logBandHeight, "F")
	setLogText(pdf, logBandInk)
	pdf.SetFont(fontFamily, "B", logBandSize)
	pdf.SetXY(logMarginX, b.y)
	pdf.CellFormat(logTableWidth(), logBandHeight, confidentialLogMark, "", 0, "C", false, 0, "")
	setLogText(pdf, logInk)
	b.y += logBandHeight + logBandGap
}

// heading draws the body's name, the title, what the log covers and the summary counts.
func (b *actionLogBuilder) heading() {
	b.para(b.c.BodyName, "B", logBodyNameSize, logBodyNameLine, logInk)
	b.para(b.c.Title, "B", logTitleSize, logTitleLine, logInk)
	b.y += logHeadingGap / 2
	for _, s := range b.c.Coverage {
		b.para(s, "", logInfoSize, logInfoLine, logGrey)
	}
	b.y += logHeadingGap
	b.para(b.c.Summary, "B", logInfoSize, logInfoLine, logInk)
	b.y += logHeadingGap / 2
}

// key draws a square of each RAG colour with what it means.
func (b *actionLogBuilder) key() {
	pdf := b.pdf
	pdf.SetFont(fontFamily, "", logInfoSize)
	x := logMarginX
	top := b.y + (logInfoLine-logKeySwatch)/2
	for _, k := range b.c.Key {
		setLogFill(pdf, logRAGFillings[k.RAG])
		setLogDraw(pdf, logRuleColour)
		pdf.Rect(x, top, logKeySwatch, logKeySwatch, "FD")
		x += logKeySwatch + logKeyGap
		w := pdf.GetStringWidth(k.Words)
		pdf.SetXY(x-logCellPad, b.y)
		pdf.CellFormat(w+2*logCellPad, logInfoLine, k.Words, "", 0, "L", false, 0, "")
		x += w + logKeySpace
	}
	b.y += logInfoLine
}

// para draws a paragraph across the text block.
func (b *actionLogBuilder) para(text, style string, size, line float64, colour [3]int) {
	pdf := b.pdf
	pdf.SetFont(fontFamily, style, size)
	setLogText(pdf, colour)
	for _, l := range pdf.SplitText(logClean(text), logTableWidth()+2*logCellPad) {
		pdf.SetXY(logMarginX-logCellPad, b.y)
		pdf.CellFormat(logTableWidth()+2*logCellPad, line, l, "", 0, "L", false, 0, "")
		b.y += line
	}
	setLogText(pdf, logInk)
}

// tableHeader draws the header row, as every page of the table starts. The rules between
// the columns are drawn when the page is full (see endTablePage).
func (b *actionLogBuilder) tableHeader() {
	pdf := b.pdf
	b.tableTop = b.y
	h := logLineHeight + 2*logCellPad
	setLogFill(pdf, logHeaderFill)
	pdf.Rect(logMarginX, b.y, logTableWidth(), h, "F")
	b.rule(b.y)
	b.tableFont("B")
	x := logMarginX
	for _, c := range logColumns {
		b.cellText(x, b.y+logCellPad, c.title)
		x += c.width
	}
	b.y += h
	b.rule(b.y)
}

// newTablePage carries the table on to a new page, under its header row.
func (b *actionLogBuilder) newTablePage() {
	b.endTablePage()
	b.page()
	b.tableHeader()
}

// endTablePage draws the rules between the columns, from the header row down to the last
// row on the page.
func (b *actionLogBuilder) endTablePage() {
	setLogDraw(b.pdf, logRuleColour)
	x := logMarginX
	b.pdf.Line(x, b.tableTop, x, b.y)
	for _, c := range logColumns {
		x += c.width
		b.pdf.Line(x, b.tableTop, x, b.y)
	}
}

// rule draws a rule across the table at y.
func (b *actionLogBuilder) rule(y float64) {
	setLogDraw(b.pdf, logRuleColour)
	b.pdf.Line(logMarginX, y, logMarginX+logTableWidth(), y)
}

// tableFont sets the table's font in style, unless it is set already.
func (b *actionLogBuilder) tableFont(style string) {
	if b.fontStyle != style {
		b.pdf.SetFont(fontFamily, style, logTextSize)
		b.fontStyle = style
	}
}

// cellText draws one line of a cell whose left edge is x, the line's top at y.
func (b *actionLogBuilder) cellText(x, y float64, text string) {
	const ptToMM = 25.4 / 72
	// Where CellFormat puts the baseline in a line of logLineHeight.
	baseline := y + logLineHeight/2 + 0.3*logTextSize*ptToMM
	b.pdf.Text(x+logCellPad, baseline, text)
}

// rows draws every row, or says there is none.
func (b *actionLogBuilder) rows() {
	if len(b.c.Rows) == 0 {
		b.endTablePage() // the header row's rules
		top := b.y
		b.tableFont("I")
		b.cellText(logMarginX, b.y+logCellPad, "No actions match this log.")
		b.y += logLineHeight + 2*logCellPad
		b.rule(b.y)
		setLogDraw(b.pdf, logRuleColour)
		b.pdf.Line(logMarginX, top, logMarginX, b.y)
		b.pdf.Line(logMarginX+logTableWidth(), top, logMarginX+logTableWidth(), b.y)
		return
	}
	for i := range b.c.Rows {
		b.row(&b.c.Rows[i])
	}
	b.endTablePage()
}

// row draws one action: whole on this page if it fits, else whole on the next; only a row
// taller than a page is split, going on under "(continued)".
func (b *actionLogBuilder) row(r *logRow) {
	cells := b.cells(r)
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	height := func(lines int) float64 { return float64(lines)*logLineHeight + 2*logCellPad }
	if b.y+height(n) > logTableBottom {
		fits := int((logTableBottom - b.y - 2*logCellPad) / logLineHeight)
		if height(n) <= logTableBottom-b.rowsTop() || fits < logMinSplitLines {
			b.newTablePage()
		}
	}
	for from := 0; from < n; {
		fits := max(1, int((logTableBottom-b.y-2*logCellPad)/logLineHeight))
		to := min(n, from+fits)
		b.rowPart(r, cells, from, to)
		from = to
		if from < n {
			b.newTablePage()
		}
	}
}

// rowsTop is where rows start on a page after the first: under the band and header row.
func (b *actionLogBuilder) rowsTop() float64 {
	top := logMarginTop + logLineHeight + 2*logCellPad
	if b.c.Confidential {
		top += logBandHeight + logBandGap
	}
	return top
}

// rowPart draws lines from..to of a row's cells at b.y; a part after the first says
// "(continued)" where the reference was.
func (b *actionLogBuilder) rowPart(r *logRow, cells [][]logLine, from, to int) {
	pdf := b.pdf
	h := float64(to-from)*logLineHeight + 2*logCellPad
	if fill, ok := logRAGFillings[r.RAG]; ok && fill != logNoRAGFill {
		setLogFill(pdf, fill)
		pdf.Rect(logColumnX(logColStatus), b.y, logColumns[logColStatus].width, h, "F")
	}
	// One style at a time: each change of font is written into the page.
	for _, style := range logStyles {
		x := logMarginX
		for i, c := range logColumns {
			lines := cells[i]
			if from > 0 && i == logColRef {
				lines = []logLine{{text: "(continued)", style: "I", grey: true}}
			} else {
				lines = lines[min(from, len(lines)):min(to, len(lines))]
			}
			for k, l := range lines {
				if l.style != style {
					continue
				}
				b.tableFont(l.style)
				if l.grey {
					setLogText(pdf, logGrey)
				}
				b.cellText(x, b.y+logCellPad+float64(k)*logLineHeight, l.text)
				if l.grey {
					setLogText(pdf, logInk)
				}
			}
			x += c.width
		}
	}
	b.y += h
	b.rule(b.y)
}

// logStyles are the font styles of the table's text.
var logStyles = []string{"B", "", "I"}

// logColumnX is the left edge of column col.
func logColumnX(col int) float64 {
	x := logMarginX
	for _, c := range logColumns[:col] {
		x += c.width
	}
	return x
}

// cells sets out a row's text, cell by cell in column order, wrapped to the columns.
func (b *actionLogBuilder) cells(r *logRow) [][]logLine {
	cells := make([][]logLine, len(logColumns))
	wrap := func(col int, text, style string, grey bool) {
		b.tableFont(style)
		for _, l := range b.pdf.SplitText(logClean(text), logColumns[col].width) {
			cells[col] = append(cells[col], logLine{text: l, style: style, grey: grey})
		}
	}
	// Bold text first, then regular, then italic, to change font as little as possible;
	// within a cell the lines keep their order.
	wrap(logColRef, r.Ref, "B", false)
	wrap(logColStatus, r.Status, "B", false)
	if r.UpdateDate != "" {
		wrap(logColUpdate, r.UpdateDate, "B", false)
	}
	wrap(logColMeeting, r.Meeting, "", false)
	wrap(logColMinute, r.Minute, "", false)
	wrap(logColAction, r.Action, "", false)
	wrap(logColOwner, r.Owner, "", false)
	wrap(logColDue, r.Due, "", false)
	wrap(logColStatus, r.RAGWords, "", false)
	if r.UpdateDate != "" {
		wrap(logColUpdate, r.Update, "", false)
	}
	if r.Exempt {
		wrap(logColMinute, exemptItemWords, "I", true)
	}
	return cells
}

// footer draws the log's name and "Page N of M" at the foot of each page.
func (b *actionLogBuilder) footer() {
	pdf := b.pdf
	pdf.SetFont(fontFamily, "", logFooterSize)
	setLogText(pdf, logGrey)
	half := logTableWidth() / 2
	pdf.SetXY(logMarginX, logFooterY)
	pdf.CellFormat(half, logFooterLine, logClean(b.c.BodyName+" – "+b.c.Title), "", 0, "L", false, 0, "")
	if !b.inPack {
		pdf.SetXY(logMarginX+half, logFooterY)
		pdf.CellFormat(half, logFooterLine, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	}
	setLogText(pdf, logInk)
}

func logTableWidth() float64 { return logPageWidth - 2*logMarginX }

// logClean makes text safe for the fonts (see Sanitize).
func logClean(s string) string {
	s, _ = Sanitize(s)
	return s
}

func setLogFill(pdf *gofpdf.Fpdf, c [3]int) { pdf.SetFillColor(c[0], c[1], c[2]) }
func setLogDraw(pdf *gofpdf.Fpdf, c [3]int) { pdf.SetDrawColor(c[0], c[1], c[2]) }
func setLogText(pdf *gofpdf.Fpdf, c [3]int) { pdf.SetTextColor(c[0], c[1], c[2]) }
