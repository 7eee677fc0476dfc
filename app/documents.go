package app

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export/pack"
)

// documentsPanel is the item's papers, as the agenda lists them: the lead officer and the
// report reference, then each supporting document — its title, whether it is exempt, its
// PDF — in the order the pack prints them. A PDF is checked as the pack will read it before
// it is added, and kept in the minute book.
type documentsPanel struct {
	e         *itemEditor
	officer   *widget.Entry
	reference *widget.Entry
	cards     []*documentCard
	box       *fyne.Container
	addBtn    *pointerButton
	note      *note
	content   fyne.CanvasObject
	// choose asks for a PDF to add or to put in place of a document's; tests replace it.
	choose func(done func(name string, pdf []byte))
}

// maxDocumentSize is the largest PDF the clerk may add: far above any committee report, and
// well within what SQLite keeps in one value.
const maxDocumentSize = 200 << 20

func newDocumentsPanel(e *itemEditor) *documentsPanel {
	p := &documentsPanel{e: e, note: wrappedNote()}
	p.officer = &widget.Entry{PlaceHolder: "Chief Executive, OPCC", OnChanged: func(string) { p.saveItem() }}
	p.reference = &widget.Entry{PlaceHolder: "PCP 23/41", OnChanged: func(string) { p.saveItem() }}
	p.box = container.NewVBox()
	p.addBtn = newPointerButton(&widget.Button{Text: "Add PDF…", Icon: theme.ContentAddIcon(), OnTapped: p.onAdd})
	p.choose = p.chooseFile
	head := container.NewVBox(container.NewGridWithColumns(2, labelled("Lead officer", p.officer, nil), labelled("Report reference", p.reference, nil)))
	p.content = container.NewBorder(head, container.NewVBox(p.note, toolbarRow(p.addBtn)), nil, nil, container.NewVScroll(p.box))
	return p
}

// show puts the item's papers on the panel.
func (p *documentsPanel) show() {
	it := p.e.item
	setText(p.officer, it.LeadOfficer)
	setText(p.reference, it.ReportRef)
	p.note.clear()
	p.cards = nil
	p.box.RemoveAll()
	for _, d := range it.Documents {
		c := newDocumentCard(p, d)
		p.cards = append(p.cards, c)
		p.box.Add(c.content)
	}
	if len(p.cards) == 0 {
		p.box.Add(&widget.Label{Text: "No supporting documents yet. Add the report and its appendices as PDFs; they go into the agenda pack in this order.",
			Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord})
	}
	ro := p.e.a.m.readOnly
	if ro {
		p.addBtn.Hide()
	} else {
		p.addBtn.Show()
	}
	enable(!ro, p.officer, p.reference)
	p.e.tabs.SetTitle(4, fmt.Sprintf("Papers (%d)", len(it.Documents)))
	canvas.Refresh(p.box)
}

// saveItem saves the lead officer and the report reference with the item.
func (p *documentsPanel) saveItem() {
	if p.e.item == nil || p.e.a.m.readOnly {
		return
	}
	p.e.item.LeadOfficer, p.e.item.ReportRef = p.officer.Text, p.reference.Text
	p.e.save()
}

// chooseFile asks for a PDF with the file dialog.
func (p *documentsPanel) chooseFile(done func(name string, pdf []byte)) {
	win := p.e.a.m.u.win
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, maxDocumentSize+1))
		if err != nil {
			p.note.problem(fmt.Sprintf("“%s” cannot be read: %s.", r.URI().Name(), sentence(err)))
			return
		}
		if len(b) > maxDocumentSize {
			p.note.problem(fmt.Sprintf("“%s” is larger than %d MB; save a smaller PDF (without its images at print quality, say) and add that.", r.URI().Name(), maxDocumentSize>>20))
			return
		}
		done(r.URI().Name(), b)
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".PDF"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// checked reads a file as the pack will; a file that cannot go into a pack is refused with
// the reason and what was kept (unchanged, a sentence), and false.
func (p *documentsPanel) checked(name string, pdf []byte, unchanged string) (int, bool) {
	pages, err := pack.CheckPDF(pdf)
	if err != nil {
		p.note.problem(fmt.Sprintf("“%s” %s. %s", name, pack.PDFProblem(err), unchanged))
		return 0, false
	}
	return pages, true
}

func (p *documentsPanel) onAdd() {
	if p.e.item == nil || p.e.a.m.readOnly {
		return
	}
	p.choose(p.addFile)
}

// addFile adds a PDF as the item's next document, titled by its file name, and puts the
// cursor in its title.
func (p *documentsPanel) addFile(name string, pdf []byte) {
	p.note.clear()
	pages, ok := p.checked(name, pdf, "Nothing was added.")
	if !ok {
		return
	}
	it := p.e.item
	m := p.e.a.m
	d := data.Document{ItemID: it.ID, Title: strings.TrimSuffix(name, filepath.Ext(name)), File: name, Pages: pages}
	if !m.u.run("add the document", func() error { return m.u.store.AddDocumentFile(&d, pdf) }) {
		return
	}
	it.Documents = append(it.Documents, d)
	p.show()
	c := p.cards[len(p.cards)-1]
	p.e.focus(c.title)
	c.title.CursorColumn = len([]rune(c.title.Text))
	c.title.Refresh()
}

func (p *documentsPanel) move(c *documentCard, delta int) {
	m := p.e.a.m
	id := c.d.ID
	if !m.u.run("move the document", func() error { return m.u.store.MoveDocument(id, delta) }) {
		return
	}
	ds := p.e.item.Documents
	for i := range ds {
		if ds[i].ID == id {
			if j := i + delta; j >= 0 && j < len(ds) {
				ds[i], ds[j] = ds[j], ds[i]
			}
			break
		}
	}
	p.show()
}

func (p *documentsPanel) onRemove(c *documentCard) {
	dialog.ShowConfirm("Delete document", "Delete “"+data.Shorten(c.d.Title, 120)+"” and its PDF from the minute book?", func(ok bool) {
		if ok {
			p.remove(c)
		}
	}, p.e.a.m.u.win)
}

func (p *documentsPanel) remove(c *documentCard) {
	m := p.e.a.m
	id := c.d.ID
	if !m.u.run("delete the document", func() error { return m.u.store.DeleteDocument(id) }) {
		return
	}
	p.e.item.Documents = slices.DeleteFunc(p.e.item.Documents, func(d data.Document) bool { return d.ID == id })
	p.show()
}

// replace puts a new PDF in place of a document's.
func (p *documentsPanel) replace(c *documentCard, name string, pdf []byte) {
	p.note.clear()
	pages, ok := p.checked(name, pdf, "The document keeps its PDF.")
	if !ok {
		return
	}
	m := p.e.a.m
	d := c.d
	d.File, d.Pages = name, pages
	if !m.u.run("replace the document's PDF", func() error { return m.u.store.ReplaceDocumentFile(&d, pdf) }) {
		return
	}
	for i := range p.e.item.Documents {
		if p.e.item.Documents[i].ID == d.ID {
			p.e.item.Documents[i] = d
		}
	}
	c.d = d
	c.showFile()
}

// documentCard is one supporting document.
type documentCard struct {
	p         *documentsPanel
	d         data.Document
	title     *widget.Entry
	exempt    *widget.Check
	paragraph *widget.Select
	file      *widget.Label
	// replaceBtn asks for a PDF to put in place of the document's; deleteBtn deletes the
	// document once the clerk confirms.
	replaceBtn, deleteBtn *pointerButton
	note                  *note
	content               fyne.CanvasObject
}

func newDocumentCard(p *documentsPanel, d data.Document) *documentCard {
	c := &documentCard{p: p, d: d, note: newNote()}
	c.title = &widget.Entry{PlaceHolder: "Report of the Police and Crime Commissioner", Text: d.Title, OnChanged: func(string) { c.save() }}
	c.exempt = &widget.Check{Text: "Exempt: not for publication", Checked: d.Exempt, OnChanged: func(bool) { c.showExempt(); c.save() }}
	c.paragraph = &widget.Select{Options: schedule12A, PlaceHolder: "Choose the paragraph", OnChanged: func(string) { c.save() }}
	if d.ExemptParagraph >= 1 && d.ExemptParagraph <= len(schedule12A) {
		c.paragraph.Selected = schedule12A[d.ExemptParagraph-1]
	}
	c.file = &widget.Label{Importance: widget.LowImportance, SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}
	up := newPointerButton(&widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(c, -1) }})
	down := newPointerButton(&widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { p.move(c, +1) }})
	c.replaceBtn = newPointerButton(&widget.Button{Text: "Replace PDF…", Icon: theme.DocumentIcon(), Importance: widget.LowImportance, OnTapped: func() {
		p.choose(func(name string, pdf []byte) { p.replace(c, name, pdf) })
	}})
	c.deleteBtn = newPointerButton(&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { p.onRemove(c) }})
	tools := container.NewHBox(c.replaceBtn, up, down, c.deleteBtn)
	ro := p.e.a.m.readOnly
	if ro {
		tools.Hide()
	}
	c.showFile()
	c.showExempt()
	c.content = container.NewVBox(c.title, container.NewBorder(nil, nil, nil, tools, c.file),
		container.NewBorder(nil, nil, c.exempt, nil, c.paragraph), c.note, widget.NewSeparator())
	enable(!ro, c.title, c.exempt, c.paragraph)
	return c
}

// showFile says what PDF the document has: its name, pages and size.
func (c *documentCard) showFile() {
	d := c.d
	if !d.HasFile() {
		c.file.SetText("No PDF yet: choose “Replace PDF…” to add it; the pack needs one.")
		return
	}
	c.file.SetText(fmt.Sprintf("%s – %s, %s", firstNonEmpty(d.File, "PDF"), data.Count(d.Pages, "page", "pages"), fileSize(d.Size)))
}

// showExempt shows the paragraph for an exempt document, and says when the item makes it
// exempt anyway.
func (c *documentCard) showExempt() {
	if c.exempt.Checked {
		c.paragraph.Show()
	} else {
		c.paragraph.Hide()
	}
	if c.p.e.item != nil && c.p.e.item.Exempt {
		c.note.hint("The item is exempt, so this document is too: only the confidential pack has it.")
	} else {
		c.note.clear()
	}
}

// save queues the document's title and exempt status.
func (c *documentCard) save() {
	e := c.p.e
	if e.a.m.readOnly {
		return
	}
	if !hasText(c.title.Text) {
		c.note.problem("A document needs a title; its last title is kept until it has one.")
		return
	}
	c.showExempt()
	c.d.Title, c.d.Exempt = c.title.Text, c.exempt.Checked
	c.d.ExemptParagraph = 0
	for i, p := range schedule12A {
		if p == c.paragraph.Selected && c.exempt.Checked {
			c.d.ExemptParagraph = i + 1
		}
	}
	if c.d.Exempt && c.d.ExemptParagraph == 0 {
		c.note.problem("Saved as exempt; choose the paragraph of Schedule 12A it falls under.")
	}
	for i := range e.item.Documents {
		if e.item.Documents[i].ID == c.d.ID {
			e.item.Documents[i] = c.d
		}
	}
	snap := c.d
	e.a.m.u.save(edit{rec: &snap, what: "the document “" + data.Shorten(snap.Title, 60) + "”",
		applied: func(rec data.Record, _ data.Changes) {
			c.d.Version = max(c.d.Version, rec.(*data.Document).Version)
			for i := range e.item.Documents {
				if d := &e.item.Documents[i]; d.ID == c.d.ID {
					d.Version = max(d.Version, c.d.Version)
				}
			}
		},
		failed: func(err error) { c.note.problem(asSentence(sentence(err))) },
		dump:   func() string { return "Document of item " + e.item.Number + ": " + snap.Title },
	})
}

// fileSize is a size as a clerk reads it: "340 KB", "2.4 MB".
func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
