package export

import "github.com/minutebook/minutebook/data"

// Layout of the action log PDF, in millimetres (and points for font sizes), in one place.
// The page is A4 landscape: 297 × 210 mm.
const (
	logPageWidth = 297.0
	logMarginX   = 12.0 // left and right
	logMarginTop = 11.0
	// Rows end above this line; the footer sits below it.
	logTableBottom = 194.0
	logFooterY     = 199.0
	logFooterSize  = 8.0 // pt
	logFooterLine  = 4.0

	// The confidential band across the top of every page of a log that lists actions of
	// exempt items.
	logBandHeight = 6.0
	logBandGap    = 2.0 // below the band
	logBandSize   = 9.0 // pt

	// The heading on the first page.
	logBodyNameSize = 15.0 // pt
	logBodyNameLine = 7.0
	logTitleSize    = 12.0 // pt
	logTitleLine    = 6.5
	logInfoSize     = 9.0 // pt
	logInfoLine     = 4.4
	logHeadingGap   = 2.5 // between the heading's blocks
	logTableGap     = 3.5 // between the heading and the table

	// The key to the RAG colours, under the summary.
	logKeySwatch = 3.2 // the side of each colour square
	logKeyGap    = 1.5 // between a square and its words
	logKeySpace  = 6.0 // between one entry and the next

	// The table.
	logTextSize   = 8.0 // pt, for cells and the header row
	logLineHeight = 3.5
	logCellPad    = 1.3 // inside every cell, on every side
	logRuleWidth  = 0.2
	// A row taller than a page starts on a part-filled page only if this many of its
	// lines fit there; otherwise it starts on a new page.
	logMinSplitLines = 4
)

// logColumns are the table's columns, left to right; their widths fill the text block
// (297 − 2 × 12 = 273 mm).
var logColumns = []logColumn{
	{"Reference", 31},
	{"Meeting", 19},
	{"Minute", 20},
	{"Action", 76},
	{"Owner", 28},
	{"Due", 19},
	{"Status", 22},
	{"Latest update", 58},
}

// The columns by position in logColumns.
const (
	logColRef = iota
	logColMeeting
	logColMinute
	logColAction
	logColOwner
	logColDue
	logColStatus
	logColUpdate
)

// Colours of the action log, as RGB.
var (
	logInk         = [3]int{0, 0, 0}
	logGrey        = [3]int{90, 90, 90}
	logRuleColour  = [3]int{150, 150, 150}
	logHeaderFill  = [3]int{225, 228, 232}
	logBandFill    = [3]int{150, 0, 0}
	logBandInk     = [3]int{255, 255, 255}
	logNoRAGFill   = [3]int{255, 255, 255}
	logRAGFillings = map[string][3]int{
		data.RAGRed:   {234, 110, 102},
		data.RAGAmber: {255, 194, 51},
		data.RAGGreen: {122, 186, 96},
		data.RAGGrey:  {200, 200, 200},
		data.RAGNone:  logNoRAGFill,
	}
)

// logColumn is one column of the table.
type logColumn struct {
	title string
	width float64
}
