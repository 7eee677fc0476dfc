package minutestext

// Result is what Parse read from a text: the meeting, and every line it could
// not place anywhere in the meeting.
type Result struct {
	Meeting  Meeting
	Unplaced []Unplaced
}

// Unplaced is a source line the parser could not place. Line is 1-based and
// counts every line of the input, blank ones included; Text is the line with
// its spaces normalised.
type Unplaced struct {
	Line int
	Text string
}

// Meeting is one meeting as read from minutes text. Any field the text does
// not give is left empty.
type Meeting struct {
	Body       string // "Thames Valley Police and Crime Panel"
	Date       string // YYYY-MM-DD, or ""
	StartTime  string // as typed: "10.30am"
	EndTime    string // from "The meeting ended at 12.40pm", as typed
	Venue      string
	Attendance []Attendee
	Items      []Item
}

// Attendance kinds.
const (
	KindPresent      = "present"
	KindApologies    = "apologies"
	KindSubstitute   = "substitute"
	KindAbsent       = "absent"
	KindInAttendance = "in_attendance"
)

// Roles that the parser normalises; any other role is kept as typed.
const (
	RoleChair     = "chair"
	RoleViceChair = "vice_chair"
)

// Attendee is one name from a Present, Apologies, Substitutes, Absent or In
// attendance list.
type Attendee struct {
	Name string // as typed, e.g. "Councillor Barrie Patman"
	Kind string // one of the Kind constants
	// Role is RoleChair or RoleViceChair when the name was marked "(Chair)" or
	// "(Vice-Chair)"; otherwise the bracketed or dashed text after the name,
	// as typed ("PCC", "Scrutiny Officer"), or "".
	Role          string
	SubstituteFor string // for KindSubstitute: the member substituted for
	// Note keeps any other bracketed text after the name when Role is a chair
	// marker: "(Chair, Wokingham Borough Council)" gives Note "Wokingham
	// Borough Council".
	Note string

	initials string // "JC" from "John Campbell (JC)", for the actions owned by initials
}

// Item is one agenda item (one minute).
type Item struct {
	Number string // minute number as typed, without a trailing dot: "5", "39/20", "PCP 12/23", "8.1"
	Title  string
	Time   string // as typed: "11.05pm"
	// ReportSummary holds the paragraphs before a "Minutes:" or "Decision:"
	// label (the report's summary on a Modern.gov page), joined by "\n\n".
	ReportSummary string
	// Minutes holds the narrative paragraphs, joined by "\n\n".
	Minutes string
	// QuestionsAfter is how many paragraphs of Minutes come before the
	// questions; the rest followed them in the source.
	QuestionsAfter int
	Questions      []Question
	// Resolutions holds the text after "RESOLVED –", one string per
	// resolution; lettered and numbered parts are on lines of their own.
	Resolutions []string
	// ResolvedAs holds, for each resolution, the resolving words as typed:
	// "RESOLVED", "UNANIMOUSLY RESOLVED", "It was RESOLVED", or "" for the
	// text of a "Decision:" block.
	ResolvedAs []string
	Actions    []Action
	Documents  []string
	// Exempt is set when the text says the item is restricted or cites
	// Schedule 12A; ExemptParagraph is the paragraph number cited, if any.
	Exempt          bool
	ExemptParagraph string
}

// Question is one member's question and the answer given.
type Question struct {
	Number     string // "1" for "(1)"; "" for a bulleted or unnumbered question
	AskedBy    string // "Councillor Smith", or "" when the text does not say
	Question   string // paragraphs joined by "\n\n"
	AnsweredBy string // "The PCC", or "" when the text does not say
	Answer     string // paragraphs joined by "\n\n", without the square brackets
}

// Action sources.
const (
	SourceMinutes  = "minutes"
	SourceQuestion = "question"
	SourceAnswer   = "answer"
)

// Action is one action tag found in an item, in the order the tags appear in
// the source.
type Action struct {
	Owner    string // "PCC"
	Text     string // the text the tag closes; see FindActionTags
	Source   string // SourceMinutes (narrative, summary or resolution), SourceQuestion or SourceAnswer
	Question int    // 1-based index into Item.Questions, or 0
}
