package export

// Layout of the minutes PDF, in millimetres (and points for font sizes), in one place.
// The page is A4 portrait: 210 × 297 mm.
const (
	// The text block. The wider left margin leaves room for a hole punch and binding, as
	// on the printed minutes councils file.
	minutesMarginLeft   = 25.0
	minutesMarginRight  = 20.0
	minutesMarginTop    = 26.0 // where text starts, below the page marks
	minutesMarginBottom = 24.0 // where text ends, above the footer

	// Page marks above the text: the confidential band, then the draft mark below it.
	minutesBandY      = 8.0
	minutesBandHeight = 7.0
	minutesDraftY     = 16.0
	minutesMarkSize   = 10.0 // pt

	// The footer: a hairline rule, then the body's name and the page number.
	minutesFooterRuleY = 279.0
	minutesFooterY     = 280.5
	minutesFooterSize  = 9.0 // pt
	minutesFooterLine  = 5.0

	// Body text.
	minutesTextSize   = 11.0 // pt
	minutesLineHeight = 5.2  // 11pt at about 1.35 leading
	minutesParaGap    = 2.6  // between paragraphs: half a line
	minutesSmallGap   = 1.2  // between a label and the block it leads

	// The heading of the document.
	minutesBodyNameSize   = 16.0 // pt
	minutesBodyNameLine   = 7.5
	minutesTitleSize      = 12.0 // pt
	minutesTitleLine      = 6.0
	minutesRuleGap        = 5.0 // the rule under the heading sits in this much space
	minutesSectionGap     = 5.0 // before "Declarations of Interest" and each item
	minutesAttendanceGap  = 1.6 // between attendance blocks
	minutesLabelGap       = 3.0 // between a label ("In attendance:") and its text
	minutesItemHeadingGap = 1.4 // between an item's heading and its first paragraph

	// Minute numbers hang in a column left of the item's text; its width follows the
	// widest number, within these bounds.
	minutesNumberMin = 12.0
	minutesNumberMax = 30.0
	minutesNumberGap = 4.0
	minutesTimeWidth = 22.0 // room kept at the right of an item heading for its time

	// Members' questions: the number (1), (2)… hangs left of the question; the answer is
	// set off by a further indent.
	minutesQuestionNumber = 9.0
	minutesAnswerIndent   = 8.0
	minutesQuestionGap    = 3.6 // above each question after the first
	minutesAnswerGap      = 1.6 // between a question and its answer

	// Lettered parts of a resolution: each level indents by this much, and the part's
	// text starts this far after its label.
	minutesPartIndent = 8.0
	minutesPartLabel  = 10.0

	// The Chair's signature block at the end: room to sign above the dotted line.
	minutesSignatureGap   = 16.0
	minutesSignatureDots  = 70.0 // width of the dotted line for the signature
	minutesSignatureDate  = 38.0 // width of the dotted line for the date
	minutesSignatureSpace = 8.0  // between the signature's dots and "Date"

	// Pagination: a paragraph split across pages leaves at least this many lines on each
	// side of the break (no orphans or widows).
	minutesMinLinesBeforeBreak = 2
	minutesMinLinesAfterBreak  = 2
)

// Colours of the minutes, as RGB.
var (
	minutesInk      = [3]int{0, 0, 0}
	minutesGrey     = [3]int{90, 90, 90}
	minutesDraftInk = [3]int{170, 0, 0}
	minutesBandFill = [3]int{150, 0, 0}
	minutesBandInk  = [3]int{255, 255, 255}
	minutesRuleGrey = [3]int{120, 120, 120}
)

// minutesRuleWidth is the thickness of the rules under the heading and above the footer.
const minutesRuleWidth = 0.3
