package app

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// actionLogScreen is the body's action log: every action in a table with its RAG colour,
// filtered and sorted as the clerk chooses, and below it the chosen action, where progress
// is recorded, and from where the clerk goes to the minute it came from. Actions flagged by
// the tag rules are offered for the clerk to keep or delete.
//
// The log is read off the UI goroutine (on the large database a whole log takes a fifth of
// a second) and the table builds only the rows in view.
type actionLogScreen struct {
	u      *ui
	bodyID int64
	log    *data.ActionLog
	// order lists the rows of log on show, by index, in the chosen order; in flagged mode
	// only the flagged ones.
	order       []int
	sortCol     int // a column, or -1 for the log's own order (by meeting and minute)
	sortDesc    bool
	flaggedOnly bool
	flagged     int   // how many of the body's actions are flagged
	current     int64 // the action chosen
	reader      *latest
	afterLoad   []func() // run once the next log is on show
	loadErr     error
	owners      []string // the body's action owners, most actions first
	// cols are the columns shown, in order: all of logColumns, less the minute number
	// (which the reference repeats) when the window is narrow.
	cols []int

	heading   *widget.Label
	summary   *widget.Label
	status    *widget.Select
	owner     *choiceEntry
	overdue   *widget.Check
	asAt      *dateField
	table     *widget.Table
	empty     *widget.Label
	flagBar   *fyne.Container
	flagText  *widget.Label
	flagBtn   *widget.Button
	exportBtn *widget.Button
	detail    *actionDetail
	content   fyne.CanvasObject
}

// The views of the log the status filter offers, and what each asks the store for.
var logViews = []struct{ words, status string }{
	{"Open and recently closed", data.LogOpen},
	{"All actions", data.LogAll},
	{"In progress", data.ActionInProgress},
	{"Done", data.ActionDone},
	{"Dropped", data.ActionDropped},
}

const everyone = "Everyone"

// logColumn is a column of the table.
type logColumn struct {
	title string
	width float32 // 0: shares the width left over
	share float32
}

var logColumns = []logColumn{
	{title: "Ref", width: 120},
	{title: "Meeting", width: 108},
	{title: "Minute", width: 96},
	{title: "Action", share: 0.58},
	{title: "Owner", width: 130},
	{title: "Due", width: 108},
	{title: "Status", width: 118},
	{title: "Latest update", share: 0.42},
}

const (
	colRef = iota
	colMeeting
	colMinute
	colAction
	colOwner
	colDue
	colStatus
	colLatest
)

func newActionLogScreen(u *ui) *actionLogScreen {
	s := &actionLogScreen{u: u, sortCol: -1, reader: newLatest(u.spawn, u.post), cols: []int{0, 1, 2, 3, 4, 5, 6, 7}}
	s.heading = &widget.Label{Text: "Action log", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	s.summary = &widget.Label{Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	var views []string
	for _, v := range logViews {
		views = append(views, v.words)
	}
	s.status = &widget.Select{Options: views, Selected: views[0], OnChanged: func(string) { s.load() }}
	s.owner = newChoiceEntry(nil)
	s.owner.PlaceHolder = everyone
	s.owner.OnChanged = func(string) { s.load() }
	s.overdue = &widget.Check{Text: "Overdue only", OnChanged: s.onOverdue}
	s.asAt = newDateField("today", false, func() fyne.Window { return u.win })
	s.asAt.onChanged = func(ok bool) {
		if ok {
			s.load()
		}
	}
	s.table = &widget.Table{
		Length:        s.size,
		CreateCell:    func() fyne.CanvasObject { return newLogCell() },
		UpdateCell:    s.updateCell,
		OnSelected:    s.onCellSelected,
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			return &widget.Button{Importance: widget.LowImportance, Alignment: widget.ButtonAlignLeading, IconPlacement: widget.ButtonIconTrailingText}
		},
		UpdateHeader: s.updateHeader,
	}
	s.table.ExtendBaseWidget(s.table)
	s.empty = &widget.Label{Text: "No actions match these filters.", Importance: widget.LowImportance}
	s.empty.Hide()
	s.flagText = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	s.flagBtn = &widget.Button{Icon: theme.WarningIcon(), OnTapped: s.onToggleFlagged}
	s.flagBar = container.NewBorder(nil, nil, nil, s.flagBtn, s.flagText)
	s.flagBar.Hide()
	s.exportBtn = &widget.Button{Text: "Export…", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onExport}
	s.detail = newActionDetail(s)

	filters := container.NewHBox(
		inlineLabel("Show"), fixed(250, s.status),
		inlineLabel("Owner"), fixed(200, s.owner),
		inlineLabel("As at"), fixed(150, s.asAt.entry),
		s.overdue,
	)
	header := container.NewBorder(nil, nil, nil, container.NewCenter(s.exportBtn),
		container.New(layout.NewCustomPaddedVBoxLayout(0), s.heading, s.summary))
	top := container.NewVBox(header, filters, s.asAt.note, s.flagBar)
	tableArea := container.NewStack(container.New(&logColumnsLayout{s: s}, s.table), container.NewCenter(s.empty))
	split := container.NewVSplit(tableArea, s.detail.content)
	split.Offset = 0.56
	s.content = container.NewBorder(top, nil, nil, nil, split)
	return s
}

// inlineLabel is a caption beside a field on a row of filters.
func inlineLabel(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}}
}

// open shows the log of a body as it stands today, with the filters as the clerk left them.
func (s *actionLogScreen) open(bodyID int64) {
	if bodyID != s.bodyID {
		s.current = 0
		s.detail.clear()
	}
	s.bodyID = bodyID
	s.heading.SetText("Action log")
	for _, b := range s.u.nav.bodies {
		if b.ID == bodyID {
			s.heading.SetText("Action log – " + b.Name)
		}
	}
	owners, err := s.u.store.ActionOwners(bodyID)
	if err != nil {
		fyne.LogError("list action owners", err)
	}
	s.owners = owners
	s.owner.SetOptions(append([]string{everyone}, owners...))
	if s.asAt.entry.Text == "" {
		s.asAt.set(data.Today())
	}
	s.load()
}

// query is the store's question for the filters on screen.
func (s *actionLogScreen) query() data.ActionLogQuery {
	q := data.ActionLogQuery{BodyID: s.bodyID, AsAt: s.asAt.value, Status: data.LogOpen}
	for _, v := range logViews {
		if v.words == s.status.Selected {
			q.Status = v.status
		}
	}
	if s.overdue.Checked {
		q.Status = data.LogOverdue
	}
	if o := strings.TrimSpace(s.owner.Text); o != "" && o != everyone {
		q.Owner = o
	}
	if s.flaggedOnly {
		q.Status, q.Owner = data.LogAll, ""
	}
	return q
}

// load reads the log for the filters in the background and shows it.
func (s *actionLogScreen) load() {
	if s.u.store == nil {
		return
	}
	s.u.flush()
	q, store := s.query(), s.u.store
	s.reader.run(func() func() {
		log, err := store.ActionLog(q)
		var flagged []data.Action
		if err == nil {
			flagged, err = store.FlaggedActions(q.BodyID)
		}
		return func() { s.show(log, len(flagged), err) }
	})
}

// show puts a log read by load on the screen.
func (s *actionLogScreen) show(log *data.ActionLog, flagged int, err error) {
	s.loadErr = err
	if err != nil {
		s.summary.Importance = widget.DangerImportance
		s.summary.SetText("Cannot read the action log: " + sentence(err))
		return
	}
	s.summary.Importance = widget.LowImportance
	s.log, s.flagged = log, flagged
	if flagged == 0 {
		s.flaggedOnly = false
	}
	s.arrange()
	s.summary.SetText(logSummary(log, len(s.order), s.flaggedOnly))
	s.showFlagBar()
	enable(!s.flaggedOnly, s.status, s.owner, s.asAt.entry, s.overdue, s.exportBtn)
	if s.overdue.Checked {
		s.status.Disable()
	}
	s.detail.refresh()
	after := s.afterLoad
	s.afterLoad = nil
	for _, f := range after {
		f()
	}
}

// arrange works out which rows show, in which order, and refreshes the table.
func (s *actionLogScreen) arrange() {
	s.order = s.order[:0]
	if s.log == nil {
		s.table.Refresh()
		return
	}
	for i := range s.log.Rows {
		if !s.flaggedOnly || s.log.Rows[i].Flag != "" {
			s.order = append(s.order, i)
		}
	}
	if s.sortCol >= 0 {
		keys := sortKeys(s.log.Rows, s.order, s.sortCol)
		desc := s.sortDesc
		slices.SortStableFunc(s.order, func(a, b int) int {
			c := cmp.Compare(keys[a], keys[b])
			if desc {
				c = -c
			}
			if c == 0 {
				c = cmp.Compare(a, b) // ties keep the log's order either way
			}
			return c
		})
	} else if s.sortDesc {
		slices.Reverse(s.order)
	}
	if len(s.order) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	s.table.Refresh()
}

// ragRank orders the RAG ratings from most to least pressing.
var ragRank = map[string]int{data.RAGRed: 0, data.RAGAmber: 1, data.RAGNone: 2, data.RAGGreen: 3, data.RAGGrey: 4}

// sortKeys works out, once for each row on show, what a column sorts it by (folding text
// for every comparison would take most of a second on 8,000 rows). The log's own order
// (meeting, then minute) covers the reference, meeting and minute columns.
func sortKeys(rows []data.ActionLogRow, order []int, col int) []string {
	keys := make([]string, len(rows))
	for _, i := range order {
		r := &rows[i]
		var k string
		switch col {
		case colAction:
			k = data.Fold(r.Text)
		case colOwner:
			k = data.Fold(r.Owner)
		case colDue:
			k = firstNonEmpty(r.Due, "9999") // no due date sorts last
		case colStatus:
			k = strconv.Itoa(ragRank[r.RAG])
		case colLatest:
			k = r.Latest.Date
		}
		keys[i] = k
	}
	return keys
}

// onSort sorts by a column, or reverses the order when it is already sorted by it.
func (s *actionLogScreen) onSort(col int) {
	if col <= colMinute {
		col = -1
	}
	if col == s.sortCol {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortCol, s.sortDesc = col, false
	}
	s.arrange()
	s.scrollToCurrent()
}

// logSummary says in a line what the log holds.
func logSummary(log *data.ActionLog, shown int, flagged bool) string {
	sum := log.Summary
	if flagged {
		return fmt.Sprintf("%s flagged for your decision", data.Count(shown, "action", "actions"))
	}
	parts := []string{data.Count(sum.Listed, "action", "actions") + " as at " + data.FormatDate(log.Query.AsAt, data.CompactLayout)}
	if sum.Open > 0 {
		var split []string
		for _, c := range []struct {
			n    int
			word string
		}{{sum.Overdue, "overdue"}, {sum.DueSoon, "due soon"}, {sum.OnTrack, "on track"}, {sum.NoDueDate, "undated"}} {
			if c.n > 0 {
				split = append(split, fmt.Sprintf("%d %s", c.n, c.word))
			}
		}
		parts = append(parts, fmt.Sprintf("%d to do: %s", sum.Open, strings.Join(split, ", ")))
	}
	if log.PreviousMeeting != "" && (sum.CompletedSinceLast > 0 || sum.DroppedSinceLast > 0 || log.Query.Status == data.LogOpen) {
		parts = append(parts, fmt.Sprintf("%d done and %d dropped since %s", sum.CompletedSinceLast, sum.DroppedSinceLast, data.FormatDate(log.PreviousMeeting, data.CompactLayout)))
	}
	return strings.Join(parts, " · ")
}

func (s *actionLogScreen) showFlagBar() {
	switch {
	case s.flagged == 0:
		s.flagBar.Hide()
		return
	case s.flaggedOnly:
		s.flagText.SetText(fmt.Sprintf("Showing the %s whose [Action] tag or written reply was removed from the minutes. Keep or delete each one.",
			data.Count(s.flagged, "action", "actions")))
		s.flagBtn.SetText("Back to the log")
		s.flagBtn.SetIcon(theme.NavigateBackIcon())
	default:
		s.flagText.SetText(fmt.Sprintf("%s lost the [Action] tag or written reply that raised %s, but %s progress recorded. Decide whether to keep %s.",
			data.Count(s.flagged, "action", "actions"), data.Plural(s.flagged, "it", "them"), data.Plural(s.flagged, "has", "have"), data.Plural(s.flagged, "it", "them")))
		s.flagBtn.SetText("Review")
		s.flagBtn.SetIcon(theme.WarningIcon())
	}
	s.flagBar.Show()
}

// onToggleFlagged shows only the flagged actions, or the log again.
func (s *actionLogScreen) onToggleFlagged() {
	s.flaggedOnly = !s.flaggedOnly
	s.load()
}

func (s *actionLogScreen) onOverdue(on bool) {
	enable(!on, s.status)
	s.load()
}

// size is the table's size: its rows and columns.
func (s *actionLogScreen) size() (int, int) { return len(s.order), len(s.cols) }

// column is the column shown at position i.
func (s *actionLogScreen) column(i int) int {
	if i < 0 || i >= len(s.cols) {
		return -1
	}
	return s.cols[i]
}

// row is the i'th row on show.
func (s *actionLogScreen) row(i int) *data.ActionLogRow {
	if i < 0 || i >= len(s.order) || s.log == nil {
		return nil
	}
	return &s.log.Rows[s.order[i]]
}

func (s *actionLogScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	col := s.column(id.Col)
	if col < 0 {
		return
	}
	b.Text = logColumns[col].title
	b.Icon = nil
	ind := s.sortCol
	if ind < 0 {
		ind = colRef // the log's own order: by meeting and minute
	}
	if col == ind {
		b.Icon = theme.MenuDropDownIcon()
		if s.sortDesc {
			b.Icon = theme.MenuDropUpIcon()
		}
	}
	b.OnTapped = func() { s.onSort(col) }
	b.Refresh()
}

// logCell is one cell of the table: a background that marks the chosen row, a RAG dot (in
// the status column), a flag (in the reference column) and the text.
type logCell struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	dot  *canvas.Circle
	dots *fyne.Container
	flag *widget.Icon
	text *widget.Label
}

func newLogCell() *logCell {
	c := &logCell{
		bg: canvas.NewRectangle(color.Transparent), dot: &canvas.Circle{StrokeWidth: 1.5},
		flag: widget.NewIcon(theme.WarningIcon()), text: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
	}
	c.dots = container.NewCenter(container.NewGridWrap(fyne.NewSize(12, 12), c.dot))
	c.dots.Hide()
	c.flag.Hide()
	c.ExtendBaseWidget(c)
	return c
}

func (c *logCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg,
		container.NewBorder(nil, nil, container.NewHBox(c.dots, c.flag), nil, c.text)))
}

// ragColour is the colour of a RAG rating (nil for none: an empty ring).
func ragColour(rag string) fyne.ThemeColorName {
	switch rag {
	case data.RAGRed:
		return theme.ColorNameError
	case data.RAGAmber:
		return theme.ColorNameWarning
	case data.RAGGreen:
		return theme.ColorNameSuccess
	case data.RAGGrey:
		return theme.ColorNameDisabled
	}
	return ""
}

// standing says how an action stands: "In progress – overdue", "Done 12/01/2024".
func standing(r *data.ActionLogRow) string {
	w := data.StatusWords[r.StatusAsAt]
	switch {
	case r.Closed() && r.ClosedOn != "":
		return w + " " + data.FormatDate(r.ClosedOn, data.TypedLayout)
	case r.RAG == data.RAGRed, r.RAG == data.RAGAmber:
		return w + " – " + strings.ToLower(data.RAGWords[r.RAG])
	}
	return w
}

func (s *actionLogScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*logCell)
	r := s.row(id.Row)
	if r == nil {
		c.text.SetText("")
		return
	}
	var text string
	c.text.TextStyle = fyne.TextStyle{}
	c.text.Importance = widget.MediumImportance
	col := s.column(id.Col)
	switch col {
	case colRef:
		text = firstNonEmpty(r.Ref, "—")
		c.text.TextStyle.Bold = true
	case colMeeting:
		text = data.FormatDate(r.MeetingDate, data.CompactLayout)
	case colMinute:
		text = r.Minute
	case colAction:
		text = oneLine(r.Text)
	case colOwner:
		text = r.Owner
	case colDue:
		text = data.FormatDate(r.Due, data.CompactLayout)
	case colStatus:
		text = data.StatusWords[r.StatusAsAt]
		if r.RAG == data.RAGRed {
			c.text.Importance = widget.DangerImportance
		}
	case colLatest:
		if r.Latest.Date != "" {
			text = data.FormatDate(r.Latest.Date, data.CompactLayout) + ": " + oneLine(r.Latest.Text)
		}
	}
	if col == colStatus {
		name := ragColour(r.RAG)
		if name == "" {
			c.dot.FillColor, c.dot.StrokeColor = color.Transparent, theme.Color(theme.ColorNameDisabled)
		} else {
			col := theme.Color(name)
			c.dot.FillColor, c.dot.StrokeColor = col, col
		}
		c.dot.Refresh()
		c.dots.Show()
	} else {
		c.dots.Hide()
	}
	if col == colRef && r.Flag != "" {
		c.flag.Show()
	} else {
		c.flag.Hide()
	}
	if r.ID == s.current {
		c.bg.FillColor = theme.Color(theme.ColorNameSelection)
	} else {
		c.bg.FillColor = color.Transparent
	}
	c.bg.Refresh()
	c.text.Text = text
	c.text.Refresh()
}

// oneLine puts text on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (s *actionLogScreen) onCellSelected(id widget.TableCellID) {
	r := s.row(id.Row)
	s.table.UnselectAll() // the whole row is marked instead, by its cells' background
	if r == nil {
		return
	}
	s.choose(r.ID)
}

// choose makes an action the chosen one: its row is marked and its details shown below.
func (s *actionLogScreen) choose(id int64) {
	s.u.flush()
	s.current = id
	s.table.Refresh()
	s.detail.load(id)
}

// selectAction chooses an action and scrolls to it; false if the log on show lacks it.
func (s *actionLogScreen) selectAction(id int64) bool {
	for i := range s.order {
		if s.row(i).ID == id {
			s.choose(id)
			s.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			return true
		}
	}
	return false
}

func (s *actionLogScreen) scrollToCurrent() {
	for i := range s.order {
		if s.row(i).ID == s.current {
			s.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
		}
	}
}

// showAction opens the log at one action, widening the filters to every action if the
// view on show does not list it.
func (s *actionLogScreen) showAction(bodyID, id int64) {
	s.afterLoad = append(s.afterLoad, func() {
		if s.selectAction(id) {
			return
		}
		s.flaggedOnly = false
		setSelected(s.status, logViews[1].words)
		setChecked(s.overdue, false)
		setText(&s.owner.Entry, "")
		s.asAt.set(data.Today())
		s.afterLoad = append(s.afterLoad, func() { s.selectAction(id) })
		s.load()
	})
	s.open(bodyID)
}

// changed reloads the log after a change to an action, keeping the chosen one, and brings
// the meeting screen up to date if it shows the action.
func (s *actionLogScreen) changed(a data.Action) {
	s.load()
	m := s.u.meeting
	if m.fm != nil && m.fm.ID == a.MeetingID && a.MeetingID != 0 {
		m.reload()
	}
}

// exportLog is the log as the screen shows it: the filters' rows in the screen's order.
func (s *actionLogScreen) exportLog() *data.ActionLog {
	if s.log == nil {
		return nil
	}
	out := *s.log
	out.Rows = make([]data.ActionLogRow, 0, len(s.order))
	for _, i := range s.order {
		out.Rows = append(out.Rows, s.log.Rows[i])
	}
	return &out
}

func (s *actionLogScreen) onExport() {
	if s.log == nil || s.flaggedOnly {
		return
	}
	s.u.flush()
	newActionLogExport(s.u, s.exportLog(), s.filterWords()).show()
}

// filterWords says which actions the log on show lists, for the export dialog.
func (s *actionLogScreen) filterWords() string {
	q := s.log.Query
	var w string
	switch q.Status {
	case data.LogOpen:
		w = "Open actions, and those closed since the last meeting"
	case data.LogAll:
		w = "Every action"
	case data.LogOverdue:
		w = "Overdue actions"
	default:
		w = "Actions " + strings.ToLower(data.StatusWords[q.Status])
	}
	if q.Owner != "" {
		w += " of " + q.Owner
	}
	w += ", as at " + data.LongDate(q.AsAt)
	if s.sortCol >= 0 {
		w += ", sorted by " + strings.ToLower(logColumns[s.sortCol].title)
	}
	return w + "."
}

// logColumnsLayout gives the table's fixed columns their widths and shares what is left
// between the action and the latest update, so the table fills the window at any size.
type logColumnsLayout struct {
	s     *actionLogScreen
	width float32
}

func (l *logColumnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(480, 160)
}

func (l *logColumnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		l.s.fitColumns(size.Width)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fitColumns sets the column widths for a table width. Below wideTable the minute number
// is left out: the reference carries it ("PCP 11/23-A1" is minute PCP 11/23).
func (s *actionLogScreen) fitColumns(width float32) {
	cols := []int{colRef, colMeeting, colMinute, colAction, colOwner, colDue, colStatus, colLatest}
	if width < wideTable {
		cols = slices.Delete(cols, colMinute, colMinute+1)
	}
	if !slices.Equal(cols, s.cols) {
		s.cols = cols
		s.table.Refresh()
	}
	pad := theme.Padding()
	fixedSum := float32(0)
	for _, c := range s.cols {
		fixedSum += logColumns[c].width + pad
	}
	left := width - fixedSum - theme.ScrollBarSize() - 2*pad
	for i, c := range s.cols {
		w := logColumns[c].width
		if w == 0 {
			w = max(120, left*logColumns[c].share)
		}
		s.table.SetColumnWidth(i, w)
	}
}

// wideTable is the width from which the table shows the minute number too.
const wideTable = 1180

// onExportActionLog saves the action log as filtered on screen, opening the screen first
// if it is not on show.
func (u *ui) onExportActionLog() {
	if u.nav.bodyID() == 0 {
		return
	}
	if u.screen != "actions" {
		u.actionLog.afterLoad = append(u.actionLog.afterLoad, u.actionLog.onExport)
		u.showActionLog()
		return
	}
	u.actionLog.onExport()
}
