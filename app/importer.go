package app

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// importWindow reads published minutes — pasted from Modern.gov, Word or a PDF, or from a
// text file — into a new draft meeting. As the clerk pastes and corrects, it previews what
// will be created (the store's PreviewImport: the meeting, its items with their questions,
// resolutions and actions, the notes to check) and the lines it could not place, before
// anything is written. What the text does not give — its date, its body — is said under the
// field to fill in, and Import waits for it. Import writes a new meeting and opens it; it
// never changes a meeting already there, and says so when the body already has a meeting
// on that date.
type importWindow struct {
	u       *ui
	win     fyne.Window
	reader  *latest
	preview *data.Imported // the preview of the text, body and date on show; nil if none

	text     *textEntry
	openBtn  *widget.Button
	body     *widget.SelectEntry
	bodyNote *note
	date     *dateField
	summary  *widget.Label
	// useShown puts the body on show in Body, offered when the text names a body not here.
	useShown *widget.Button
	// previewScroll holds the preview; it is laid out again after each preview, since the
	// summary, a wrapping label, changes its height without telling its container.
	previewScroll *container.Scroll
	items         *fyne.Container
	notes         *fyne.Container
	unplaced      *fyne.Container
	importBtn     *widget.Button
	note          *note
}

// onImport opens the import window, or brings it forward.
func (u *ui) onImport() {
	if u.importer != nil {
		u.importer.win.RequestFocus()
		return
	}
	w := newImportWindow(u)
	u.importer = w
	w.win.Show()
	w.win.Canvas().Focus(w.text)
}

func newImportWindow(u *ui) *importWindow {
	w := &importWindow{u: u, reader: newLatest(u.spawn, u.post), note: newNote(), bodyNote: newNote()}
	w.win = u.app.NewWindow("Import minutes text – Minutebook")
	w.text = newTextEntry("Paste the minutes here: the whole published page, from the body's name and the date to the last item.", 0,
		func(string) { w.update() })
	w.openBtn = &widget.Button{Text: "Open text file…", Icon: theme.FolderOpenIcon(), OnTapped: w.onOpenFile}
	var names []string
	for _, b := range u.nav.bodies {
		names = append(names, b.Name)
	}
	// The body is the one the text names, not the one selected in the main window: minutes
	// of another body pasted here must not land in the body on show, nor be checked against
	// its meetings. The field is left empty and says so; what the clerk types or chooses
	// there is used instead of what the text says.
	w.body = widget.NewSelectEntry(names)
	w.body.PlaceHolder = "As the text says"
	w.body.OnChanged = func(string) { w.update() }
	w.date = newDateField("As the text says", true, func() fyne.Window { return w.win })
	w.date.onChanged = func(ok bool) {
		if ok {
			w.update()
		}
	}
	w.summary = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	w.items = container.NewVBox()
	w.notes = container.NewVBox()
	w.unplaced = container.NewVBox()
	w.importBtn = &widget.Button{Text: "Import as a new meeting", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: w.onImportNow}
	w.importBtn.Disable()
	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: w.win.Close}

	fields := container.NewGridWithColumns(2,
		labelled("Body", w.body, w.bodyNote),
		labelled("Meeting date", w.date.entry, w.date.note))
	left := container.NewBorder(
		container.NewVBox(heading("Minutes text"), fields),
		toolbarRow(w.openBtn), nil, nil, w.text)
	preview := container.NewVBox(
		w.summary, w.notes,
		heading("Items"), w.items,
		heading("Lines not placed"), w.unplaced,
	)
	w.previewScroll = container.NewVScroll(preview)
	right := container.NewBorder(heading("What will be created"),
		container.NewVBox(w.note, container.NewHBox(layout.NewSpacer(), cancel, w.importBtn)), nil, nil,
		w.previewScroll)
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.5
	w.win.SetContent(split)
	size := fyne.NewSize(1180, 740)
	if main := u.win.Canvas().Size(); main.Width >= size.Width {
		size = main // as big as the main window it covers
	}
	w.win.Resize(size)
	w.win.SetOnClosed(func() {
		w.reader.cancel()
		if u.importer == w {
			u.importer = nil
		}
	})
	w.showPreview("", nil, nil)
	return w
}

// options are the body and date as the fields give them: empty, the text's own are used. A
// body named here that the file does not have is added (the preview says so), and a meeting
// on a date the body already has one is imported beside it (the preview says that too, and
// the button).
func (w *importWindow) options() data.ImportOptions {
	return data.ImportOptions{Body: strings.TrimSpace(w.body.Text), Date: w.date.value, NewBody: true, AsNew: true}
}

// update previews the text in the background, the newest text winning.
func (w *importWindow) update() {
	text, opts, store := w.text.Text, w.options(), w.u.store
	w.importBtn.Disable()
	if strings.TrimSpace(text) == "" {
		w.reader.cancel()
		w.showPreview(text, nil, nil)
		return
	}
	w.reader.run(func() func() {
		im, err := store.PreviewImport(text, opts)
		return func() { w.showPreview(text, im, err) }
	})
}

// showPreview shows what importing the text would create, or why it cannot.
func (w *importWindow) showPreview(text string, im *data.Imported, err error) {
	defer w.relayout()
	w.preview = im
	w.items.RemoveAll()
	w.notes.RemoveAll()
	w.unplaced.RemoveAll()
	w.note.clear()
	w.summary.Importance = widget.MediumImportance
	switch {
	case strings.TrimSpace(text) == "":
		w.summary.Importance = widget.LowImportance
		w.summary.SetText("Paste the minutes, or open a text file. Nothing is written until you choose Import.")
	case err != nil:
		w.summary.Importance = widget.DangerImportance
		w.summary.SetText("Not ready to import: " + sentence(err) + ".")
	}
	if im == nil {
		w.importBtn.Disable()
		w.items.Add(quiet("—"))
		w.unplaced.Add(quiet("—"))
		return
	}
	w.summary.SetText(im.Summary())
	w.bodyNote.clear()
	switch {
	case slices.Contains(im.Missing, data.MissingDate):
		w.date.note.problem("The text gives no date for the meeting: type it here.")
	case w.date.value == "":
		w.date.note.hint("From the text: " + data.LongDate(im.Meeting.Date))
	}
	switch {
	case slices.Contains(im.Missing, data.MissingBody):
		w.bodyNote.problem("The text does not name the body: choose it or type its name here.")
	case strings.TrimSpace(w.body.Text) == "":
		w.bodyNote.hint("From the text: " + im.Meeting.Body.Name)
	}
	if len(im.Missing) > 0 {
		w.summary.Importance = widget.DangerImportance
		w.summary.SetText("Not ready to import: " + missingWords(im.Missing) + ". " + im.Summary())
	}
	w.importBtn.SetText("Import as a new meeting")
	if im.Existing != 0 {
		w.notes.Add(warning(fmt.Sprintf("%s already has a meeting on %s: importing adds a second one beside it, and leaves that one as it is.",
			im.Meeting.Body.Name, data.LongDate(im.Meeting.Date))))
		w.importBtn.SetText("Import as a second meeting")
	}
	w.useShown = nil
	if im.BodyCreated {
		w.notes.Add(warning("There is no body called “" + im.Meeting.Body.Name + "”: it will be added. If the body is already here under another name, choose it above."))
		// The body on show in the main window is the likeliest: one press to use it.
		if shown := w.u.nav.body.Name; shown != "" && strings.TrimSpace(w.body.Text) == "" {
			w.useShown = &widget.Button{Text: "Import into " + shown, Icon: theme.ConfirmIcon(), OnTapped: func() { w.body.SetText(shown) }}
			w.notes.Add(container.NewHBox(w.useShown))
		}
	}
	if n := len(im.NewPeople); n > 0 {
		w.notes.Add(plainWrapped(fmt.Sprintf("%s not yet in People will be added: %s.", data.Count(n, "person", "people"), strings.Join(im.NewPeople, ", "))))
	}
	for _, n := range im.Notes {
		w.notes.Add(warning(n))
	}
	for i, it := range im.Meeting.Items {
		acts := it.TaggedActions()
		title := fmt.Sprintf("%d. %s", i+1, firstNonEmpty(it.Title, "(untitled)"))
		if it.Exempt {
			title += "  (exempt)"
		}
		counts := fmt.Sprintf("%s · %s · %s", data.Count(len(it.Questions), "question", "questions"),
			data.Count(len(it.Resolutions), "resolution", "resolutions"), data.Count(acts, "action", "actions"))
		w.items.Add(container.NewBorder(nil, nil, nil, &widget.Label{Text: counts, Importance: widget.LowImportance},
			&widget.Label{Text: title, Truncation: fyne.TextTruncateEllipsis}))
	}
	if len(im.Meeting.Items) == 0 {
		w.items.Add(quiet("No agenda items or minutes were found in the text: the meeting will have its attendance and no items."))
	}
	for _, l := range im.Unplaced {
		w.unplaced.Add(container.NewBorder(nil, nil, &widget.Label{Text: fmt.Sprintf("Line %d", l.Line), TextStyle: fyne.TextStyle{Bold: true}}, nil,
			&widget.Label{Text: l.Text, Wrapping: fyne.TextWrapWord}))
	}
	if len(im.Unplaced) == 0 {
		w.unplaced.Add(quiet("None: every line found its place."))
	}
	if len(im.Missing) == 0 {
		w.importBtn.Enable()
	}
}

// relayout lays the preview out again for the height its texts now need.
func (w *importWindow) relayout() {
	if w.previewScroll != nil {
		w.previewScroll.Content.Refresh()
		w.previewScroll.Refresh()
	}
}

// missingWords says what the text does not give: "the text gives no date for the meeting
// and does not name the body".
func missingWords(missing []string) string {
	var parts []string
	for _, m := range missing {
		switch m {
		case data.MissingDate:
			parts = append(parts, "gives no date for the meeting (type it in Meeting date)")
		case data.MissingBody:
			parts = append(parts, "does not name the body (choose it in Body)")
		}
	}
	return "the text " + strings.Join(parts, " and ")
}

func quiet(s string) *widget.Label {
	return &widget.Label{Text: s, Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
}

func warning(s string) *widget.Label {
	return &widget.Label{Text: s, Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord}
}

func plainWrapped(s string) *widget.Label { return &widget.Label{Text: s, Wrapping: fyne.TextWrapWord} }

// onOpenFile reads the minutes from a text file into the box.
func (w *importWindow) onOpenFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w.win)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 16<<20))
		if err != nil {
			//lint:ignore ST1005 the clerk reads it as a sentence in the error dialog
			dialog.ShowError(fmt.Errorf("Cannot read %s: %w", r.URI().Name(), err), w.win)
			return
		}
		w.text.SetText(string(b))
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".text", ".md"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// onImportNow writes the meeting and opens it.
func (w *importWindow) onImportNow() {
	if w.preview == nil {
		return
	}
	text, opts, store := w.text.Text, w.options(), w.u.store
	w.importBtn.Disable()
	w.u.spawn(func() {
		var im *data.Imported
		err := w.u.saver.run("import the minutes", func() error {
			var err error
			im, err = store.ImportText(text, opts)
			return err
		})
		w.u.post(func() { w.imported(im, err) })
	})
}

func (w *importWindow) imported(im *data.Imported, err error) {
	if err != nil {
		w.importBtn.Enable()
		w.note.problem("Could not import: " + sentence(err))
		return
	}
	u := w.u
	w.win.Close()
	u.nav.loadBodies()
	u.nav.selectBody(im.Meeting.BodyID)
	u.nav.selectMeeting(im.Meeting.ID)
	u.status.Importance = widget.SuccessImportance
	u.status.SetText("Imported the meeting of " + data.LongDate(im.Meeting.Date) + " as a draft: check it against the published minutes.")
}
