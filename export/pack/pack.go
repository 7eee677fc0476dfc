// Package pack puts together a meeting's agenda pack: one PDF of a contents page, the
// agenda, the minutes of the previous meeting, the action log as at the meeting, and then
// each item's supporting documents in order, numbered "Page N of M" in the pack's own
// sequence on every page — so the pack's page numbers are the PDF viewer's — with one
// bookmark for each part, each item and each document.
//
// The parts Minutebook draws itself come from package export; the reports the clerk added
// are read, merged, bookmarked and stamped with pdfcpu, a PDF library in pure Go. Nothing
// here edits PDF bytes by hand.
package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
)

func init() {
	// pdfcpu otherwise makes a folder of its own in the clerk's config directory on first
	// use (and exits the program if it cannot); the defaults it would write there are all
	// the pack needs.
	api.DisableConfigDir()
}

// Sources is everything a pack is made of, read from the minute book.
type Sources struct {
	Meeting *data.FullMeeting
	// Previous is the body's meeting before this one, whose minutes the pack carries for
	// approval; nil when there is none.
	Previous *data.FullMeeting
	// Log is the body's action log as at the meeting's date.
	Log *data.ActionLog
	// PDF reads the PDF kept for a supporting document.
	PDF func(documentID int64) ([]byte, error)
}

// Options chooses what the pack holds.
type Options struct {
	// Edition is public (the default: no exempt document, the public agenda, minutes and
	// log) or confidential (everything, marked).
	Edition export.Edition
}

// Part is a part of the pack and the page it starts on.
type Part struct {
	Title string
	Page  int // for an item, where its papers start (or its agenda page, if it has none)
	Pages int
	Level int // 0 for a part or an item, 1 for a document
	// Listed is, for an item, the agenda page that lists it; 0 for anything else.
	Listed int
}

// Report says what the pack holds.
type Report struct {
	Pages int
	Parts []Part
	// Left counts the exempt documents a public pack leaves out.
	Left int
}

// part is a PDF on its way into the pack.
type part struct {
	title string
	level int
	ctx   *model.Context // nil for an item's heading, which has no pages of its own
	page  int            // where it starts, once known
	pages int
	item  bool // an item's heading
	// listed is the agenda page of an item's heading.
	listed int
	note   string
	// exempt marks the entry of an exempt document or item in the confidential pack.
	exempt bool
	who    string // for a document, how an error names it
}

// Write makes the agenda pack of src.Meeting and writes it to w. A document the pack needs
// that is not a PDF, is damaged or is password-protected is named in the error, in one
// sentence, and nothing is written.
func Write(w io.Writer, src Sources, opts Options) (rep Report, err error) {
	defer func() {
		// The documents have been checked, but pdfcpu works on structure that others wrote;
		// a panic in it fails this pack, not the program.
		if p := recover(); p != nil {
			err = fmt.Errorf("the pack could not be put together (%v); no pack was written", p)
		}
	}()
	m := src.Meeting
	if m == nil {
		return rep, errors.New("no meeting to make a pack of")
	}
	conf := newConfiguration()
	parts, err := ownParts(src, opts, conf)
	if err != nil {
		return rep, err
	}
	// Each item in agenda order: a heading entry, then its documents.
	agendaItemPages := parts[0].itemPages
	var items []*part
	for i := range m.Items {
		it := &m.Items[i]
		head := &part{item: true, title: strings.TrimSpace(it.Number + " " + firstNonBlank(it.Title, "(untitled item)")), exempt: it.Exempt && opts.Edition == export.ConfidentialEdition}
		items = append(items, head)
		for _, d := range it.Documents {
			if !export.DocumentInEdition(d, it.Item, opts.Edition) {
				_, para := d.ExemptUnder(it.Item)
				items = append(items, &part{title: "An exempt document", level: 1, note: "not included in the public pack: " + lowerFirst(export.ExemptMark(para))})
				rep.Left++
				continue
			}
			ctx, err := readDocument(src, it, d, conf)
			if err != nil {
				return rep, err
			}
			exempt, _ := d.ExemptUnder(it.Item)
			items = append(items, &part{title: d.Title, level: 1, ctx: ctx, pages: ctx.PageCount, exempt: exempt, who: documentName(it, d)})
		}
	}

	// The contents page's length does not depend on its page numbers (they sit at the
	// right of a line kept for them), so draw it once to count its pages, number the
	// parts from there, and draw it again with the numbers.
	contents := func() ([]byte, int, error) {
		var buf bytes.Buffer
		n, err := export.Contents(&buf, contentsPage(m, opts, parts, items))
		return buf.Bytes(), n, err
	}
	_, first, err := contents()
	if err != nil {
		return rep, err
	}
	next := first + 1
	for _, p := range parts {
		p.page, next = next, next+p.pages
	}
	for i, p := range items {
		switch {
		case p.ctx != nil:
			p.page, next = next, next+p.pages
		case p.item:
			// An item's entry points at its first document, or at the item in the agenda.
			p.listed = parts[0].page + agendaItemPages[itemIndex(items, i)] - 1
			p.page = p.listed
			if i+1 < len(items) && items[i+1].level == 1 && items[i+1].ctx != nil {
				p.page = next
			}
		}
	}
	raw, pages, err := contents()
	if err != nil {
		return rep, err
	}
	if pages != first {
		return rep, fmt.Errorf("make the pack: the contents took %d pages, then %d", first, pages)
	}
	dest, err := api.ReadAndValidate(bytes.NewReader(raw), conf)
	if err != nil {
		return rep, fmt.Errorf("make the pack: read its contents page: %w", err)
	}
	rep.Parts = append(rep.Parts, Part{Title: "Contents", Page: 1, Pages: first})
	var all []*part
	for _, p := range parts {
		all = append(all, &p.part)
	}
	for _, p := range append(all, items...) {
		if p.ctx != nil {
			from := dest.PageCount
			if err := pdfcpu.MergeXRefTables(p.title, p.ctx, dest, false, false); err != nil {
				return rep, fmt.Errorf("make the pack: add %s: %w", p.title, err)
			}
			// Each page must be found where the pack counts it; a page tree that read but
			// does not hold together shows here, and is the document's fault.
			for n := from + 1; n <= from+p.pages; n++ {
				if d, ref, _, err := dest.PageDict(n, false); err != nil || d == nil || ref == nil {
					if p.who != "" {
						return rep, documentError(p.who, ErrDamaged)
					}
					return rep, fmt.Errorf("make the pack: page %d of %s cannot be found", n-from, p.title)
				}
			}
		}
		if p.page > 0 {
			rep.Parts = append(rep.Parts, Part{Title: p.title, Page: p.page, Pages: p.pages, Level: p.level, Listed: p.listed})
		}
	}
	if dest.PageCount != next-1 {
		return rep, fmt.Errorf("make the pack: %d pages merged of %d counted", dest.PageCount, next-1)
	}
	if err := pdfcpu.AddBookmarks(dest, bookmarks(rep.Parts), true); err != nil {
		return rep, fmt.Errorf("make the pack: bookmarks: %w", err)
	}
	stamp, err := api.TextWatermark("Page %p of %P", pageStamp, true, false, types.POINTS)
	if err != nil {
		return rep, fmt.Errorf("make the pack: page numbers: %w", err)
	}
	if err := api.WatermarkContext(dest, nil, stamp); err != nil {
		return rep, fmt.Errorf("make the pack: page numbers: %w", err)
	}
	if err := api.WriteContext(dest, w); err != nil {
		return rep, fmt.Errorf("write the pack: %w", err)
	}
	rep.Pages = dest.PageCount
	return rep, nil
}

// pageStamp is how "Page N of M" is stamped: small, centred at the foot of every page, on
// white so that it reads over whatever a report printed there, below the footers Minutebook
// draws.
const pageStamp = "fontname:Helvetica, points:9, position:bc, offset:0 14, scalefactor:1 abs, rotation:0, fillcolor:#333333, backgroundcolor:#FFFFFF, margins:2"

// ownPart is a part Minutebook draws: the agenda, the previous minutes, the action log.
type ownPart struct {
	part
	itemPages []int // the agenda's: where each item starts in it
}

// ownParts draws the agenda, the previous meeting's minutes and the action log, without
// page numbers, and reads them for merging.
func ownParts(src Sources, opts Options, conf *model.Configuration) ([]*ownPart, error) {
	m := src.Meeting
	var out []*ownPart
	add := func(title string, draw func(w io.Writer) error) (*ownPart, error) {
		var buf bytes.Buffer
		if err := draw(&buf); err != nil {
			return nil, err
		}
		ctx, err := api.ReadAndValidate(bytes.NewReader(buf.Bytes()), conf)
		if err != nil {
			return nil, fmt.Errorf("make the pack: read the %s it drew: %w", strings.ToLower(title), err)
		}
		p := &ownPart{part: part{title: title, ctx: ctx, pages: ctx.PageCount}}
		out = append(out, p)
		return p, nil
	}
	var itemPages []int
	agenda, err := add("Agenda", func(w io.Writer) error {
		rep, err := export.Agenda(w, m, export.AgendaOptions{Edition: opts.Edition, InPack: true})
		itemPages = rep.ItemPages
		return err
	})
	if err != nil {
		return nil, err
	}
	agenda.itemPages = itemPages
	if src.Previous != nil {
		title := "Minutes of the previous meeting, " + data.LongDate(src.Previous.Date)
		if !src.Previous.Approved() {
			title += " (draft)"
		}
		if _, err := add(title, func(w io.Writer) error {
			_, err := export.Minutes(w, src.Previous, export.MinutesOptions{Edition: opts.Edition, InPack: true})
			return err
		}); err != nil {
			return nil, err
		}
	}
	if src.Log != nil {
		log := src.Log
		if _, err := add("Action log as at "+data.LongDate(log.Query.AsAt), func(w io.Writer) error {
			return export.ActionLog(w, log, export.ActionLogOptions{Edition: opts.Edition, InPack: true})
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// itemIndex is which item of the meeting the heading at items[i] is.
func itemIndex(items []*part, i int) int {
	n := -1
	for j := 0; j <= i; j++ {
		if items[j].item {
			n++
		}
	}
	return n
}

// contentsPage lists the parts and items with the pages they start on.
func contentsPage(m *data.FullMeeting, opts Options, parts []*ownPart, items []*part) export.ContentsPage {
	held := "Meeting to be held on " + data.LongDate(m.Date)
	if t := strings.TrimSpace(m.StartTime); t != "" {
		held += " at " + t
	}
	c := export.ContentsPage{BodyName: m.Body.Name, Held: held, Venue: strings.TrimSpace(m.Venue), Date: m.Date, Edition: opts.Edition}
	for _, p := range parts {
		c.Entries = append(c.Entries, export.ContentsEntry{Title: p.title, Page: p.page})
	}
	for _, p := range items {
		c.Entries = append(c.Entries, export.ContentsEntry{Title: p.title, Level: p.level, Page: p.page, Note: p.note, Exempt: p.exempt})
	}
	return c
}

// bookmarks is the pack's outline: a bookmark for each part; under the agenda's, one for
// each item at its place in the agenda; and under each item's, one for each of its
// documents. (An outline's entries at one level run in page order, so the items go under
// the agenda, whose order is theirs, rather than after the action log.)
func bookmarks(parts []Part) []pdfcpu.Bookmark {
	var out []pdfcpu.Bookmark
	agenda := -1
	for _, p := range parts {
		b := pdfcpu.Bookmark{Title: p.Title, PageFrom: p.Page}
		switch {
		case p.Listed > 0 && agenda >= 0:
			b.PageFrom = p.Listed
			out[agenda].Kids = append(out[agenda].Kids, b)
		case p.Level == 1 && agenda >= 0 && len(out[agenda].Kids) > 0:
			kids := out[agenda].Kids
			kids[len(kids)-1].Kids = append(kids[len(kids)-1].Kids, b)
		default:
			if p.Title == "Agenda" {
				agenda = len(out)
			}
			out = append(out, b)
		}
	}
	return out
}

func firstNonBlank(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
