package export

import (
	"fmt"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// placedSpan is text placed on a line: x from the left margin, its width, its style.
type placedSpan struct {
	x, width float64
	text     string
	style    fontStyle
}

// A minutesBlock is a run of lines that pagination handles as one thing: a paragraph, a
// heading, an attendance entry, or a rule.
type minutesBlock struct {
	lines       [][]placedSpan
	size        float64 // font size in points
	lineHeight  float64
	spaceBefore float64 // dropped at the top of a page
	// keepWithNext never ends a page after this block: a heading stays with the first lines
	// of what it leads. keepTogether never splits the block across pages.
	keepWithNext bool
	keepTogether bool
	// exempt marks a block that carries exempt text: each page it lands on is marked
	// confidential.
	exempt bool
	// rule draws a hairline across the text block in the middle of ruleGap, instead of lines.
	rule    bool
	ruleGap float64
	// bookmark is the block's entry in the document's outline: an item's heading has one.
	bookmark string
}

func (b *minutesBlock) height() float64 {
	if b.rule {
		return b.ruleGap
	}
	return float64(len(b.lines)) * b.lineHeight
}

// splittable reports whether the block may be split across pages: it is text, not kept
// together, and long enough to leave enough lines on each side of the break.
func (b *minutesBlock) splittable() bool {
	return !b.rule && !b.keepTogether && len(b.lines) >= minutesMinLinesBeforeBreak+minutesMinLinesAfterBreak
}

// minStart is the least of the block that must fit at the foot of a page for it to start
// there: all of it if it cannot be split, else the lines a split must leave behind.
func (b *minutesBlock) minStart() float64 {
	if !b.splittable() {
		return b.height()
	}
	return float64(minutesMinLinesBeforeBreak) * b.lineHeight
}

// placedLine is a line of a block at its place on a page.
type placedLine struct {
	spans      []placedSpan
	y          float64 // top of the line
	size       float64
	lineHeight float64
	from       *minutesBlock
}

// minutesPage is one laid-out page.
type minutesPage struct {
	lines  []placedLine
	rules  []float64 // y of each rule
	exempt bool      // carries exempt text
}

// Where text may go on a page.
const (
	minutesTextTop    = minutesMarginTop
	minutesTextBottom = 297.0 - minutesMarginBottom
)

// paginate places blocks on pages. It keeps a keepWithNext block with the start of the next
// (as much of it as minStart says) — a heading whole, a long question by carrying its last
// lines over — never splits a keepTogether block that fits on a page, and splits a
// paragraph only where the break leaves at least two lines on each side.
func paginate(blocks []*minutesBlock) []minutesPage {
	pages := []minutesPage{{}}
	y := minutesTextTop
	empty := true
	newPage := func() {
		pages = append(pages, minutesPage{})
		y, empty = minutesTextTop, true
	}
	place := func(b *minutesBlock, lines [][]placedSpan) {
		p := &pages[len(pages)-1]
		for _, l := range lines {
			p.lines = append(p.lines, placedLine{spans: l, y: y, size: b.size, lineHeight: b.lineHeight, from: b})
			y += b.lineHeight
		}
		if len(lines) > 0 {
			p.exempt = p.exempt || b.exempt
			empty = false
		}
	}
	const room = minutesTextBottom - minutesTextTop
	for i, b := range blocks {
		gap := b.spaceBefore
		if empty {
			gap = 0
		}
		need := keepNeed(blocks, i)
		if need > room {
			need = b.minStart() // a chain longer than a page: keep what can be kept
		}
		if !empty && y+gap+need > minutesTextBottom+epsilon {
			newPage()
			gap = 0
		}
		y += gap
		if b.rule {
			pages[len(pages)-1].rules = append(pages[len(pages)-1].rules, y+b.ruleGap/2)
			y += b.ruleGap
			continue
		}
		// What must follow a kept-with-next block on the same page: the next block's start.
		tail := 0.0
		if b.keepWithNext && i+1 < len(blocks) {
			tail = blocks[i+1].spaceBefore + keepNeed(blocks, i+1)
		}
		lines := b.lines
		for len(lines) > 0 {
			fit := int((minutesTextBottom - y + epsilon) / b.lineHeight)
			n := len(lines)
			if fit >= n {
				end := y + float64(n)*b.lineHeight
				if tail == 0 || !b.splittable() || tail > room || end+tail <= minutesTextBottom+epsilon {
					place(b, lines)
					break
				}
				// The block fits but what it leads does not: carry its last lines over
				// with it, so the page does not end on, say, a question without its answer.
				fit = n - minutesMinLinesAfterBreak
			}
			k := fit
			if n-k < minutesMinLinesAfterBreak {
				k = n - minutesMinLinesAfterBreak
			}
			tooTall := b.height() > room
			if k < minutesMinLinesBeforeBreak || (!b.splittable() && !tooTall) {
				if !empty {
					newPage()
					continue
				}
				k = max(fit, 1) // taller than a page: split where it must
			}
			place(b, lines[:k])
			lines = lines[k:]
			newPage()
		}
	}
	return pages
}

// keepNeed is the height block i needs at the foot of a page to start there: itself and, if
// it keeps with the next, the next block's start, and so on down a chain of headings.
func keepNeed(blocks []*minutesBlock, i int) float64 {
	need := 0.0
	for ; i < len(blocks); i++ {
		b := blocks[i]
		if !b.keepWithNext || i+1 == len(blocks) || b.splittable() {
			// A block that can be split keeps with the next by carrying its last lines
			// over, so only its own start counts here.
			return need + b.minStart()
		}
		need += b.height() + blocks[i+1].spaceBefore
	}
	return need
}

// minutesRenderer draws laid-out pages with their marks, header and footer.
type minutesRenderer struct {
	pdf      *gofpdf.Fpdf
	widths   *glyphWidths
	draft    bool
	bodyName string
	width    float64 // of the text block
	// inPack leaves the page numbers out of the footer: the agenda pack stamps its own, in
	// one sequence through every part.
	inPack bool
}

// render draws the pages, and puts each item's heading in the document's outline, where it
// lands.
func (r *minutesRenderer) render(pages []minutesPage) {
	var marked *minutesBlock
	for i, p := range pages {
		r.pdf.AddPage()
		r.marks(p)
		setColor(r.pdf.SetTextColor, minutesInk)
		// gofpdf's SetFont lower-cases the family and allocates on every call, even when
		// nothing changes: set the font only when the style or size does.
		style, size := fontStyle("?"), 0.0
		for _, l := range p.lines {
			for _, s := range l.spans {
				if s.style != style || l.size != size {
					r.pdf.SetFont(fontFamily, string(s.style), l.size)
					style, size = s.style, l.size
				}
				r.pdf.SetXY(minutesMarginLeft+s.x, l.y)
				r.pdf.CellFormat(s.width, l.lineHeight, s.text, "", 0, "L", false, 0, "")
			}
			if b := l.from; b.bookmark != "" && b != marked {
				// A UTF-8 font is set (gofpdf encodes the title by the current font).
				r.pdf.Bookmark(b.bookmark, 0, l.y)
				marked = b
			}
		}
		setColor(r.pdf.SetDrawColor, minutesRuleGrey)
		r.pdf.SetLineWidth(minutesRuleWidth)
		for _, y := range p.rules {
			r.pdf.Line(minutesMarginLeft, y, minutesMarginLeft+r.width, y)
		}
		r.footer(i+1, len(pages))
	}
}

// marks draws the confidential band on a page that carries exempt text and the draft mark on
// every page of minutes not yet approved.
func (r *minutesRenderer) marks(p minutesPage) {
	pdf := r.pdf
	if p.exempt {
		setColor(pdf.SetFillColor, minutesBandFill)
		setColor(pdf.SetTextColor, minutesBandInk)
		pdf.SetFont(fontFamily, string(styleBold), minutesMarkSize)
		pdf.SetXY(minutesMarginLeft, minutesBandY)
		pdf.CellFormat(r.width, minutesBandHeight, confidentialMark, "", 0, "C", true, 0, "")
	}
	if r.draft {
		setColor(pdf.SetTextColor, minutesDraftInk)
		pdf.SetFont(fontFamily, string(styleBold), minutesMarkSize)
		pdf.SetXY(minutesMarginLeft, minutesDraftY)
		pdf.CellFormat(r.width, minutesBandHeight, draftMark, "", 0, "R", false, 0, "")
	}
}

// footer draws a rule, the body's name and "Page N of M". The whole document is laid out
// before anything is drawn, so the page count is known here and the page number is
// right-aligned exactly (gofpdf's AliasNbPages would measure its placeholder instead).
func (r *minutesRenderer) footer(n, total int) {
	pdf := r.pdf
	setColor(pdf.SetDrawColor, minutesRuleGrey)
	pdf.SetLineWidth(minutesRuleWidth)
	pdf.Line(minutesMarginLeft, minutesFooterRuleY, minutesMarginLeft+r.width, minutesFooterRuleY)
	setColor(pdf.SetTextColor, minutesGrey)
	pageText := fmt.Sprintf("Page %d of %d", n, total)
	if r.inPack {
		pageText = ""
	}
	pageWidth := r.widths.width(pageText, styleRegular, minutesFooterSize)
	name := fitText(r.bodyName, r.width-pageWidth-minutesLabelGap, r.widths.at(minutesFooterSize))
	pdf.SetFont(fontFamily, string(styleRegular), minutesFooterSize)
	pdf.SetXY(minutesMarginLeft, minutesFooterY)
	pdf.CellFormat(r.width-pageWidth, minutesFooterLine, name, "", 0, "L", false, 0, "")
	pdf.SetXY(minutesMarginLeft, minutesFooterY)
	pdf.CellFormat(r.width, minutesFooterLine, pageText, "", 0, "R", false, 0, "")
}

// fitText shortens text with an ellipsis to fit width. It measures each character once, so a
// body name of any length costs time in proportion to its length.
func fitText(text string, width float64, measure widthFunc) string {
	if measure(text, styleRegular) <= width {
		return text
	}
	room := width - measure("…", styleRegular)
	used, end := 0.0, 0
	for i, r := range text {
		used += measure(string(r), styleRegular)
		if used > room {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return text[:end] + "…"
}

func setColor(set func(r, g, b int), c [3]int) { set(c[0], c[1], c[2]) }
