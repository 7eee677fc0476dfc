package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// searchLimit is how many results the search shows: the newest. More words narrow them.
const searchLimit = 50

// searchScreen is one box over everything the store's full-text search covers — items'
// minutes and titles, questions and answers, resolutions, actions and their progress —
// with results as the clerk types, newest first, each opening the exact item, question,
// resolution or action.
//
// Each keystroke's search runs off the UI goroutine; while one runs, later keystrokes
// replace each other, and only the newest query's results are shown (see latest), so the
// window never waits on the database.
type searchScreen struct {
	u       *ui
	reader  *latest
	results []data.SearchResult
	shown   string // the query whose results are on show
	more    bool   // there were more than searchLimit

	entry   *widget.Entry
	every   *widget.Check
	count   *widget.Label
	list    *widget.List
	content fyne.CanvasObject
}

func newSearchScreen(u *ui) *searchScreen {
	s := &searchScreen{u: u, reader: newLatest(u.spawn, u.post)}
	s.entry = &widget.Entry{PlaceHolder: "Search the minutes, questions, answers, resolutions and actions", OnChanged: s.onTyped}
	s.entry.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.entry.OnSubmitted = func(string) { s.openIndex(0) }
	s.every = &widget.Check{Text: "Every body", OnChanged: func(bool) { s.onTyped(s.entry.Text) }}
	s.count = &widget.Label{Importance: widget.LowImportance}
	s.list = &widget.List{
		Length: func() int { return len(s.results) }, CreateItem: s.createRow, UpdateItem: s.updateRow,
		OnSelected: func(i widget.ListItemID) { s.openIndex(i) },
	}
	top := container.NewVBox(
		heading("Search"),
		container.NewBorder(nil, nil, nil, s.every, s.entry),
		s.count,
	)
	s.content = container.NewBorder(top, nil, nil, nil, s.list)
	return s
}

// focus puts the cursor in the box with its text selected, so typing starts a new search.
func (s *searchScreen) focus() {
	if len(s.u.nav.bodies) < 2 {
		s.every.Hide()
	} else {
		s.every.Show()
	}
	s.u.win.Canvas().Focus(s.entry)
	s.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s.entry.Text != "" {
		s.onTyped(s.entry.Text) // the minutes may have changed since
	} else {
		s.count.SetText("Type a word or two: every word must appear. “lodz” finds “Łódź”; “recruit” finds “recruitment”.")
	}
}

// onTyped searches for what is in the box.
func (s *searchScreen) onTyped(text string) {
	if strings.TrimSpace(text) == "" {
		s.reader.cancel()
		s.show(text, nil, nil)
		return
	}
	body := s.u.nav.bodyID()
	if s.every.Checked {
		body = 0
	}
	store := s.u.store
	s.reader.run(func() func() {
		res, err := store.Search(text, body, searchLimit+1)
		return func() { s.show(text, res, err) }
	})
}

// show puts the results of a query on screen.
func (s *searchScreen) show(query string, res []data.SearchResult, err error) {
	s.shown = query
	s.more = len(res) > searchLimit
	if s.more {
		res = res[:searchLimit]
	}
	s.results = res
	s.count.Importance = widget.LowImportance
	switch {
	case err != nil:
		s.count.Importance = widget.DangerImportance
		s.count.SetText("The search failed: " + sentence(err))
	case strings.TrimSpace(query) == "":
		s.count.SetText("Type a word or two: every word must appear. “lodz” finds “Łódź”; “recruit” finds “recruitment”.")
	case len(res) == 0:
		s.count.SetText("Nothing found for “" + strings.TrimSpace(query) + "”.")
	case s.more:
		s.count.SetText(fmt.Sprintf("The newest %d results. Add another word to narrow them.", searchLimit))
	default:
		s.count.SetText(data.Count(len(res), "result", "results") + ", newest first.")
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if len(res) > 0 {
		s.list.ScrollTo(0) // unlike ScrollToTop, safe before the list is first drawn
	}
}

func (s *searchScreen) createRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.DocumentIcon())
	where := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	snippet := widget.NewRichText(&widget.TextSegment{Text: "…", Style: widget.RichTextStyleInline})
	snippet.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewCenter(icon), nil,
		container.New(layout.NewCustomPaddedVBoxLayout(-10), where, snippet))
}

// resultIcon and resultWords show what a result is. The icon is looked up when drawn, not
// at start-up: the theme's icons need the app running, and follow a change of theme.
func resultIcon(kind string) fyne.Resource {
	switch kind {
	case data.FoundQuestion:
		return theme.QuestionIcon()
	case data.FoundResolution:
		return theme.ConfirmIcon()
	case data.FoundAction:
		return theme.MailForwardIcon()
	}
	return theme.DocumentIcon()
}

var resultWords = map[string]string{
	data.FoundItem: "Minute", data.FoundQuestion: "Question", data.FoundResolution: "Resolution", data.FoundAction: "Action",
}

// resultPlace says where a result is: "Question · Fri 15 Sep 2023 · PCP 11/23 Fighting Serious Organised Crime".
func (s *searchScreen) resultPlace(r data.SearchResult) string {
	var parts []string
	if s.every.Checked {
		for _, b := range s.u.nav.bodies {
			if b.ID == r.BodyID {
				parts = append(parts, bodyCode(b))
			}
		}
	}
	kind := resultWords[r.Kind]
	if r.Kind == data.FoundAction && r.Title != "" {
		kind += " " + r.Title
	}
	parts = append(parts, kind)
	if r.MeetingDate != "" {
		parts = append(parts, data.FormatDate(r.MeetingDate, data.ShortLayout))
	}
	minute := strings.TrimSpace(r.Minute)
	if r.Kind != data.FoundAction && r.Title != "" {
		minute = strings.TrimSpace(minute + " " + r.Title)
	}
	if minute != "" {
		parts = append(parts, minute)
	}
	return strings.Join(parts, " · ")
}

// snippetSegments turns a result's snippet into text with the matches in bold.
func snippetSegments(r data.SearchResult) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	plain := widget.RichTextStyleInline
	bold := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}
	pos := 0
	for _, m := range r.Marks {
		if m[0] < pos || m[1] > len(r.Snippet) || m[0] >= m[1] {
			continue
		}
		if m[0] > pos {
			segs = append(segs, &widget.TextSegment{Text: r.Snippet[pos:m[0]], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: r.Snippet[m[0]:m[1]], Style: bold})
		pos = m[1]
	}
	if pos < len(r.Snippet) {
		segs = append(segs, &widget.TextSegment{Text: r.Snippet[pos:], Style: plain})
	}
	if len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: " ", Style: plain})
	}
	return segs
}

func (s *searchScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.results) {
		return
	}
	r := s.results[i]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	icon := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Icon)
	icon.SetResource(resultIcon(r.Kind))
	texts[0].(*widget.Label).SetText(s.resultPlace(r))
	snippet := texts[1].(*widget.RichText)
	snippet.Segments = snippetSegments(r)
	snippet.Refresh()
}

// openIndex opens the i'th result.
func (s *searchScreen) openIndex(i int) {
	if i < 0 || i >= len(s.results) {
		return
	}
	s.open(s.results[i])
}

// open shows a result where it lives: an item's minutes, a question or a resolution in its
// item, an action in the action log.
func (s *searchScreen) open(r data.SearchResult) {
	u := s.u
	if r.Kind == data.FoundAction {
		u.showActionInLog(r.BodyID, r.RecordID)
		return
	}
	if r.MeetingID == 0 || !u.showMinute(r.MeetingID, r.ItemID) {
		return
	}
	ed := u.meeting.agenda.editor
	switch r.Kind {
	case data.FoundQuestion:
		ed.tabs.SelectIndex(1)
		ed.questions.reveal(r.RecordID)
	case data.FoundResolution:
		ed.tabs.SelectIndex(2)
		ed.resolutions.reveal(r.RecordID)
	default:
		ed.tabs.SelectIndex(0)
	}
}

// reveal scrolls a question into view.
func (p *questionsPanel) reveal(id int64) {
	var objs []fyne.CanvasObject
	for _, c := range p.cards {
		if c.q.ID == id {
			scrollToChild(p.scroll, objs)
			return
		}
		objs = append(objs, c.content)
	}
}

// reveal scrolls a resolution into view.
func (p *resolutionsPanel) reveal(id int64) {
	var objs []fyne.CanvasObject
	for _, c := range p.cards {
		if c.r.ID == id {
			scrollToChild(p.scroll, objs)
			return
		}
		objs = append(objs, c.content)
	}
}

// scrollToChild scrolls a vertical box to the child that comes after before: its offset is
// the height of those before it, as the box lays them out, whether or not it has been laid
// out yet.
func scrollToChild(sc *container.Scroll, before []fyne.CanvasObject) {
	y := float32(0)
	for _, o := range before {
		if o.Visible() {
			y += o.MinSize().Height + theme.Padding()
		}
	}
	sc.ScrollToOffset(fyne.NewPos(0, y))
}
