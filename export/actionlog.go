package export

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"minutebook/data"
)

// ActionLogOptions says how to print an action log.
type ActionLogOptions struct {
	// Public leaves out the actions of exempt items, for a document the public may see.
	Public bool
}

// ActionLogWriter writes an action log in one format.
type ActionLogWriter func(w io.Writer, log *data.ActionLog, opts ActionLogOptions) error

// ActionLogWriterFor chooses the format of an action log from the extension of the file it
// goes to: .pdf for the agenda pack, .csv for a spreadsheet.
func ActionLogWriterFor(path string) (ActionLogWriter, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		return ActionLog, nil
	case ".csv":
		return ActionLogCSV, nil
	}
	return nil, fmt.Errorf("%s: an action log is written as .pdf or .csv", filepath.Base(path))
}

// ActionLog writes the action log as an A4 landscape PDF for an agenda pack: a heading
// (the body, "Action log as at …", the meetings covered, a summary and a key to the
// colours), then a table of the actions whose header row repeats on every page. A row is
// never split across pages unless it is taller than a page; then it goes on with
// "(continued)". The public edition leaves out the actions of exempt items; any other
// edition that lists them is marked confidential on every page. The same log gives the same
// bytes: the document is dated the log's date.
func ActionLog(w io.Writer, log *data.ActionLog, opts ActionLogOptions) error {
	if opts.Public {
		log = log.WithoutExempt()
	}
	b := newActionLogBuilder(log)
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
	pdf          *gofpdf.Fpdf
	log          *data.ActionLog
	confidential bool    // the log lists actions of exempt items
	y            float64 // where the next thing goes
	title        string  // "Action log as at 20 September 2024"
	tableTop     float64 // where the table starts on this page (the top of its header row)
	fontStyle    string  // the table's font style last set, "?" when unknown
}

func newActionLogBuilder(log *data.ActionLog) *actionLogBuilder {
	created, err := time.Parse(data.DateLayout, log.Query.AsAt)
	if err != nil {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	b := &actionLogBuilder{pdf: newPDF("L", created), log: log}
	for _, r := range log.Rows {
		b.confidential = b.confidential || r.Exempt
	}
	b.title = "Action log as at " + data.FormatDate(log.Query.AsAt, data.DayLayout)
	return b
}

// build draws the document in order.
func (b *actionLogBuilder) build() {
	pdf := b.pdf
	pdf.SetMargins(logMarginX, logMarginTop, logMarginX)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(logCellPad)
	pdf.SetLineWidth(logRuleWidth)
	pdf.AliasNbPages("")
	pdf.SetTitle(logClean(b.bodyName()+" – "+b.title), true)
	pdf.SetSubject("Action log", true)
	pdf.SetAuthor(logClean(b.bodyName()), true)
	pdf.SetFooterFunc(b.footer)
	b.page()
	b.heading()
	b.summary()
	b.key()
	b.y += logTableGap
	b.tableHeader()
	b.rows()
}

func (b *actionLogBuilder) bodyName() string {
	if b.log.Body.Name == "" {
		return "All bodies"
	}
	return b.log.Body.Name
}

// page starts a page, with the confidential band if the log needs one.
func (b *actionLogBuilder) page() {
	b.pdf.AddPage()
	b.fontStyle = "?" // the footer changed it
	b.y = logMarginTop
	if !b.confidential {
		return
	}
	pdf := b.pdf
	setLogFill(pdf, logBandFill)
	pdf.Rect(logMarginX, b.y, logTableWidth(), logBandHeight, "F")
	setLogText(pdf, logBandInk)
	pdf.SetFont(fontFamily, "B", logBandSize)
	pdf.SetXY(logMarginX, b.y)
	pdf.CellFormat(logTableWidth(), logBandHeight, "CONFIDENTIAL – NOT FOR PUBLICATION: lists actions of exempt items", "", 0, "C", false, 0, "")
	setLogText(pdf, logInk)
	b.y += logBandHeight + logBandGap
}

// heading draws the body's name, the title and what the log covers.
func (b *actionLogBuilder) heading() {
	b.para(b.bodyName(), "B", logBodyNameSize, logBodyNameLine, logInk)
	b.para(b.title, "B", logTitleSize, logTitleLine, logInk)
	b.y += logHeadingGap / 2
	for _, s := range b.coverage() {
		b.para(s, "", logInfoSize, logInfoLine, logGrey)
	}
	b.y += logHeadingGap
}

// coverage says in sentences which actions the log lists.
func (b *actionLogBuilder) coverage() []string {
	q, log := b.log.Query, b.log
	var out []string
	switch q.Status {
	case data.LogOpen:
		s := "Actions still to do, and those completed or dropped since the last meeting"
		if log.PreviousMeeting != "" {
			s += " (" + data.FormatDate(log.PreviousMeeting, data.DayLayout) + ")"
		}
		out = append(out, s+".")
	case data.LogAll:
		out = append(out, "Every action raised by "+data.FormatDate(q.AsAt, data.DayLayout)+", whether still to do or not.")
	case data.LogOverdue:
		out = append(out, "Overdue actions only.")
	default:
		out = append(out, "Actions "+strings.ToLower(data.StatusWords[q.Status])+" as at "+data.FormatDate(q.AsAt, data.DayLayout)+" only.")
	}
	var only []string
	if q.Owner != "" {
		only = append(only, "for "+q.Owner)
	}
	switch {
	case q.FromMeeting != "" && q.ToMeeting != "":
		only = append(only, "raised at meetings from "+data.FormatDate(q.FromMeeting, data.DayLayout)+" to "+data.FormatDate(q.ToMeeting, data.DayLayout))
	case q.FromMeeting != "":
		only = append(only, "raised at meetings from "+data.FormatDate(q.FromMeeting, data.DayLayout))
	case q.ToMeeting != "":
		only = append(only, "raised at meetings up to "+data.FormatDate(q.ToMeeting, data.DayLayout))
	}
	if len(only) > 0 {
		out = append(out, "Only actions "+strings.Join(only, ", ")+".")
	}
	out = append(out, meetingsCovered(log.Meetings))
	return out
}

// meetingsCovered names the meetings the actions came from: each one when there are few,
// otherwise how many and the first and last.
func meetingsCovered(dates []string) string {
	const listUpTo = 8
	switch n := len(dates); {
	case n == 0:
		return "No actions are listed."
	case n == 1:
		return "From the meeting of " + data.FormatDate(dates[0], data.DayLayout) + "."
	case n <= listUpTo:
		var names []string
		for _, d := range dates {
			names = append(names, data.FormatDate(d, data.DayLayout))
		}
		return "From the meetings of " + strings.Join(names[:n-1], ", ") + " and " + names[n-1] + "."
	default:
		return fmt.Sprintf("From %d meetings, %s to %s.", n, data.FormatDate(dates[0], data.DayLayout), data.FormatDate(dates[n-1], data.DayLayout))
	}
}

// summary draws the counts: open (overdue, due soon…), completed and dropped since the last
// meeting.
func (b *actionLogBuilder) summary() {
	sum := b.log.Summary
	open := fmt.Sprintf("%d open", sum.Open)
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{sum.Overdue, "overdue"}, {sum.DueSoon, "due within 14 days"}, {sum.OnTrack, "on track"}, {sum.NoDueDate, "with no due date"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	if len(parts) > 0 {
		open += " (" + strings.Join(parts, ", ") + ")"
	}
	since := "since the last meeting"
	if b.log.PreviousMeeting != "" {
		since += " on " + data.FormatDate(b.log.PreviousMeeting, data.DayLayout)
	}
	text := fmt.Sprintf("Summary: %s; %d completed %s", open, sum.CompletedSinceLast, since)
	if sum.DroppedSinceLast > 0 {
		text += fmt.Sprintf("; %d dropped", sum.DroppedSinceLast)
	}
	b.para(text+".", "B", logInfoSize, logInfoLine, logInk)
	b.y += logHeadingGap / 2
}

// key draws a square of each RAG colour with what it means.
func (b *actionLogBuilder) key() {
	pdf := b.pdf
	pdf.SetFont(fontFamily, "", logInfoSize)
	x := logMarginX
	top := b.y + (logInfoLine-logKeySwatch)/2
	for _, rag := range []string{data.RAGRed, data.RAGAmber, data.RAGGreen, data.RAGNone, data.RAGGrey} {
		words := data.RAGWords[rag]
		if rag == data.RAGAmber { // the key says what "soon" is
			words = fmt.Sprintf("Due within %d days", data.DueSoonDays)
		}
		setLogFill(pdf, logRAGFillings[rag])
		setLogDraw(pdf, logRuleColour)
		pdf.Rect(x, top, logKeySwatch, logKeySwatch, "FD")
		x += logKeySwatch + logKeyGap
		w := pdf.GetStringWidth(words)
		pdf.SetXY(x-logCellPad, b.y)
		pdf.CellFormat(w+2*logCellPad, logInfoLine, words, "", 0, "L", false, 0, "")
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
	if len(b.log.Rows) == 0 {
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
	for i := range b.log.Rows {
		b.row(&b.log.Rows[i])
	}
	b.endTablePage()
}

// row draws one action: whole on this page if it fits, else whole on the next; only a row
// taller than a page is split, going on under "(continued)".
func (b *actionLogBuilder) row(r *data.ActionLogRow) {
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
	if b.confidential {
		top += logBandHeight + logBandGap
	}
	return top
}

// rowPart draws lines from..to of a row's cells at b.y; a part after the first says
// "(continued)" where the reference was.
func (b *actionLogBuilder) rowPart(r *data.ActionLogRow, cells [][]logLine, from, to int) {
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
func (b *actionLogBuilder) cells(r *data.ActionLogRow) [][]logLine {
	cells := make([][]logLine, len(logColumns))
	wrap := func(col int, text, style string, grey bool) {
		b.tableFont(style)
		for _, l := range b.pdf.SplitText(logClean(text), logColumns[col].width) {
			cells[col] = append(cells[col], logLine{text: l, style: style, grey: grey})
		}
	}
	// Bold text first, then regular, then italic, to change font as little as possible;
	// within a cell the lines keep their order.
	wrap(logColRef, oneLine(r.Ref), "B", false)
	wrap(logColStatus, data.StatusWords[r.StatusAsAt], "B", false)
	if r.Latest.Date != "" {
		wrap(logColUpdate, data.FormatDate(r.Latest.Date, data.CompactLayout), "B", false)
	}
	wrap(logColMeeting, data.FormatDate(r.MeetingDate, data.CompactLayout), "", false)
	wrap(logColMinute, orDash(oneLine(r.Minute)), "", false)
	wrap(logColAction, r.Text, "", false)
	wrap(logColOwner, oneLine(r.Owner), "", false)
	wrap(logColDue, orDash(data.FormatDate(r.Due, data.CompactLayout)), "", false)
	wrap(logColStatus, ragWords(r), "", false)
	if r.Latest.Date != "" {
		wrap(logColUpdate, r.Latest.Text, "", false)
	}
	if r.Exempt {
		wrap(logColMinute, "Exempt item", "I", true)
	}
	return cells
}

// ragWords says in words what the status cell's colour says.
func ragWords(r *data.ActionLogRow) string {
	if w, ok := data.RAGWords[r.RAG]; ok && r.RAG != data.RAGGrey {
		return w
	}
	return data.FormatDate(r.ClosedOn, data.CompactLayout) // done or dropped: say when

}

// footer draws the log's name and "Page N of M" at the foot of each page.
func (b *actionLogBuilder) footer() {
	pdf := b.pdf
	pdf.SetFont(fontFamily, "", logFooterSize)
	setLogText(pdf, logGrey)
	half := logTableWidth() / 2
	pdf.SetXY(logMarginX, logFooterY)
	pdf.CellFormat(half, logFooterLine, logClean(b.bodyName()+" – "+b.title), "", 0, "L", false, 0, "")
	pdf.SetXY(logMarginX+half, logFooterY)
	pdf.CellFormat(half, logFooterLine, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	setLogText(pdf, logInk)
}

func logTableWidth() float64 { return logPageWidth - 2*logMarginX }

// logClean makes text safe for the fonts (see Sanitize).
func logClean(s string) string {
	s, _ = Sanitize(s)
	return s
}

// oneLine puts text that should not break onto one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func setLogFill(pdf *gofpdf.Fpdf, c [3]int) { pdf.SetFillColor(c[0], c[1], c[2]) }
func setLogDraw(pdf *gofpdf.Fpdf, c [3]int) { pdf.SetDrawColor(c[0], c[1], c[2]) }
func setLogText(pdf *gofpdf.Fpdf, c [3]int) { pdf.SetTextColor(c[0], c[1], c[2]) }
