package export

import (
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// agendaContent is what the agenda of a meeting says, decided once for every format: the
// heading, the membership, and each item with its number, title, lead officer, report
// reference and documents, and for an exempt item the paragraph of Schedule 12A it falls
// under. The public edition says of an exempt item only its title and why it is private,
// and of an exempt document only that there is one and why it is left out.
type agendaContent struct {
	Edition    Edition
	BodyName   string
	Title      string // "Agenda"
	Held       string // "Meeting to be held on Friday 15 September 2023 at 10.30am"
	Venue      string
	Date       string
	Membership []string
	Items      []agendaItem
}

// agendaItem is an item as the agenda lists it.
type agendaItem struct {
	Number, Title string
	Officer       string // "Lead officer: …", or ""
	Reference     string // "Report reference: …", or ""
	Exempt        bool
	Mark          string // "Exempt – Schedule 12A, paragraph 1 (…)"
	// Confidential is set when the item's exempt text is printed (the confidential edition).
	Confidential bool
	// Withheld says, in the public edition, why an exempt item's papers are not included.
	Withheld  string
	Summary   []string
	Documents []agendaDocument
}

// agendaDocument is a supporting document as the agenda lists it.
type agendaDocument struct {
	Title string // "" for an exempt document in the public edition
	Pages int
	// Note says what else the reader needs: "exempt – Schedule 12A, paragraph 3 (…)", or,
	// for one left out of the public edition, why.
	Note         string
	Confidential bool // exempt, and printed in the confidential edition
}

func (c *agendaContent) docTitle() string { return "Agenda – " + c.BodyName + " – " + c.Date }

// Confidential reports whether the agenda carries exempt text.
func (c *agendaContent) Confidential() bool {
	for _, it := range c.Items {
		if it.Confidential {
			return true
		}
		for _, d := range it.Documents {
			if d.Confidential {
				return true
			}
		}
	}
	return false
}

// DocumentInEdition reports whether a supporting document of item it is printed in an
// edition: every document in the confidential edition, and in the public one none that is
// exempt, on its own or through its item.
func DocumentInEdition(d data.Document, it data.Item, ed Edition) bool {
	exempt, _ := d.ExemptUnder(it)
	return !exempt || ed == ConfidentialEdition
}

// withheldDocument is what the public edition says in place of an exempt document.
func withheldDocument(paragraph int) string {
	return "An exempt document, not included in the public edition: " + lowerFirst(exemptMark(paragraph)) + "."
}

// newAgendaContent works out what the agenda of m says in edition, with text made safe by
// clean. It returns the content and how many characters clean replaced.
func newAgendaContent(m *data.FullMeeting, edition Edition, clean func(string) (string, int)) (*agendaContent, int) {
	b := &contentBuilder{m: m, edition: edition, clean: clean}
	c := &agendaContent{Edition: edition, Title: "Agenda"}
	var heading minutesContent
	b.heading(&heading)
	c.BodyName, c.Venue, c.Date = heading.BodyName, heading.Venue, heading.Date
	if heading.MeetingTitle != "" {
		c.Title = "Agenda – " + heading.MeetingTitle
	}
	c.Held = "Meeting to be held on " + heading.Date
	if t := b.quiet(strings.TrimSpace(m.StartTime)); t != "" {
		c.Held += " at " + t
	}
	chairTitle := b.quiet(strings.TrimSpace(m.Body.ChairTitle))
	if chairTitle == "" {
		chairTitle = "Chair"
	}
	for _, a := range m.Members() {
		name := strings.TrimSpace(a.Name)
		switch {
		case a.Role == data.RoleChair || (m.ChairID != 0 && a.PersonID == m.ChairID):
			name += " (" + chairTitle + ")"
		case a.Role == data.RoleViceChair:
			name += " (Vice-" + chairTitle + ")"
		}
		c.Membership = append(c.Membership, b.text(name))
	}
	for i := range m.Items {
		c.Items = append(c.Items, b.agendaItem(&m.Items[i]))
	}
	return c, b.replaced
}

// agendaItem works out one item of the agenda.
func (b *contentBuilder) agendaItem(it *data.FullItem) agendaItem {
	out := agendaItem{
		Number: b.text(strings.TrimSpace(it.Number)),
		Title:  b.text(strings.TrimSpace(it.Title)),
		Exempt: it.Exempt,
	}
	if o := b.text(it.LeadOfficer); o != "" {
		out.Officer = "Lead officer: " + o
	}
	if r := b.text(it.ReportRef); r != "" {
		out.Reference = "Report reference: " + r
	}
	if it.Exempt {
		out.Mark = exemptMark(it.ExemptParagraph)
		if b.public() {
			out.Withheld = "The press and public may be excluded while this item is considered. Its papers are not for publication and are not included in the public edition."
			return out
		}
		out.Confidential = true
	}
	out.Summary = b.paragraphs(it.ReportSummary)
	for _, d := range it.Documents {
		exempt, para := d.ExemptUnder(it.Item)
		if !DocumentInEdition(d, it.Item, b.edition) {
			out.Documents = append(out.Documents, agendaDocument{Note: withheldDocument(para)})
			continue
		}
		ad := agendaDocument{Title: b.text(d.Title), Pages: d.Pages, Confidential: exempt}
		if exempt && !it.Exempt {
			ad.Note = lowerFirst(exemptMark(para))
		}
		out.Documents = append(out.Documents, ad)
	}
	return out
}

// documentLine is a document as one line of the agenda: "Report of the PCC (12 pages)".
func (d agendaDocument) line() string {
	if d.Title == "" {
		return d.Note
	}
	s := d.Title
	var notes []string
	if d.Pages > 0 {
		notes = append(notes, data.Count(d.Pages, "page", "pages"))
	}
	if d.Note != "" {
		notes = append(notes, d.Note)
	}
	if len(notes) > 0 {
		s += fmt.Sprintf(" (%s)", strings.Join(notes, "; "))
	}
	return s
}
