package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/desktop"
	"github.com/minutebook/minutebook/export"
)

// exportDialog asks where to save a document — the minutes or the action log — with a
// sensible name already filled in, writes it in the background with progress showing, and
// then offers to open it. A failure is said plainly and leaves nothing behind: the document
// goes to a temporary file renamed into place only once complete (export.WriteFile).
//
// It asks for a folder and a name rather than using Fyne's save dialog, because that dialog
// creates (and so empties) the file before anything is written: a failed export would then
// destroy the copy already there.
type exportDialog struct {
	u      *ui
	title  string
	intro  *widget.Label
	extra  fyne.CanvasObject // the choices: edition, format
	name   *widget.Entry
	folder *widget.Entry
	browse *widget.Button
	note   *note
	bar    *widget.ProgressBarInfinite
	busy   *fyne.Container
	ok     *widget.Button
	cancel *widget.Button
	dlg    *dialog.CustomDialog

	// suggest is the file name for the choices made; named is set once the clerk types a
	// name of their own, which is then kept.
	suggest func() string
	named   bool
	// writer takes the choices made (on the UI goroutine) and returns what writes the
	// document to path on a background goroutine, saying what it wrote: "the public
	// minutes of Friday 15 September 2023 (12 pages)".
	writer func() func(path string) (string, error)
	// saved is the last file written, for tests.
	saved string
	// choice is the minutes' edition; format the document's format (PDF, Word, HTML, and
	// CSV for the action log); public the action log's edition.
	choice *widget.RadioGroup
	format *widget.RadioGroup
	public *widget.Check
	// noReplace refuses a name already taken instead of asking to replace it; noOpen
	// leaves "Open" out of the message after saving; done, if set, runs after saving
	// instead of that message.
	noReplace, noOpen bool
	done              func(path, what string)
	// explain, if set, words a failure that is not the folder's fault (a document that
	// cannot go into a pack) as a sentence, or returns "" for one that is.
	explain func(err error) string
}

// newExportDialog builds the dialog; extra holds the choices particular to the document.
func newExportDialog(u *ui, title, intro string, extra fyne.CanvasObject, suggest func() string, writer func() func(string) (string, error)) *exportDialog {
	e := &exportDialog{u: u, title: title, extra: extra, suggest: suggest, writer: writer, note: newNote()}
	e.intro = &widget.Label{Text: intro, Wrapping: fyne.TextWrapWord}
	e.name = &widget.Entry{Text: suggest(), OnChanged: func(string) { e.named = true }}
	e.name.OnSubmitted = func(string) { e.onExport() }
	e.folder = &widget.Entry{Text: u.exportFolder()}
	e.folder.OnSubmitted = func(string) { e.onExport() }
	e.browse = &widget.Button{Text: "Choose…", Icon: theme.FolderOpenIcon(), OnTapped: e.onBrowse}
	e.bar = widget.NewProgressBarInfinite()
	e.bar.Stop()
	e.busy = container.NewVBox(&widget.Label{Text: "Writing the document…", Importance: widget.LowImportance}, e.bar)
	e.busy.Hide()
	e.ok = &widget.Button{Text: "Export", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: e.onExport}
	e.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon()}
	parts := []fyne.CanvasObject{e.intro}
	if extra != nil {
		parts = append(parts, extra)
	}
	content := container.NewVBox(append(parts,
		labelled("File name", e.name, nil),
		labelled("Folder", container.NewBorder(nil, nil, nil, e.browse, e.folder), e.note),
		e.busy)...)
	e.dlg = dialog.NewCustomWithoutButtons(title, content, u.win)
	e.cancel.OnTapped = e.dlg.Hide
	e.dlg.SetButtons([]fyne.CanvasObject{e.cancel, e.ok})
	e.dlg.Resize(fyne.NewSize(680, 0))
	return e
}

// show opens the dialog with the name ready to type over.
func (e *exportDialog) show() {
	e.u.exporting = e
	keepDialog(e.u.win, e.dlg, e.onExport)
	e.u.win.Canvas().Focus(e.name)
}

// choicesChanged puts the suggested name for the new choices, unless the clerk typed one.
func (e *exportDialog) choicesChanged() {
	if e.named {
		// keep their name, but follow a change of format
		ext := filepath.Ext(e.suggest())
		if old := filepath.Ext(e.name.Text); !strings.EqualFold(old, ext) {
			if _, known := export.FormatOf(e.name.Text); known {
				setText(e.name, strings.TrimSuffix(e.name.Text, old)+ext)
			}
		}
		return
	}
	setText(e.name, e.suggest())
}

func (e *exportDialog) onBrowse() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		e.folder.SetText(dir.Path())
	}, e.u.win)
	if l, err := listableFolder(e.folder.Text); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// path is the file the dialog names, with the chosen format's extension added unless the
// name already ends in one of the document's formats, which then decides the format: the
// name the clerk typed is the file they get.
func (e *exportDialog) path() string {
	name := strings.TrimSpace(e.name.Text)
	ext := filepath.Ext(e.suggest())
	if f, ok := export.FormatOf(name); !strings.EqualFold(filepath.Ext(name), ext) && (!ok || !slices.Contains(e.formats(), f)) {
		name += ext
	}
	return filepath.Join(expandHome(strings.TrimSpace(e.folder.Text)), name)
}

// formats are the formats the dialog's document comes in.
func (e *exportDialog) formats() []export.Format {
	var out []export.Format
	for _, c := range formatChoices {
		if e.format != nil && slices.Contains(e.format.Options, c.words) {
			out = append(out, c.format)
		}
	}
	return out
}

// formatChoice is a format as the dialog offers it.
type formatChoice struct {
	format export.Format
	words  string
}

// Words for the formats, as the export dialogs offer them.
const (
	pdfWords  = "PDF to print, sign and file"
	wordWords = "Word (.docx) for the committee system"
	htmlWords = "HTML to publish on the website (the accessible edition)"
	csvWords  = "CSV for a spreadsheet"
)

// formatChoices are the formats in the order they are offered.
var formatChoices = []formatChoice{{export.PDF, pdfWords}, {export.Word, wordWords}, {export.HTML, htmlWords}, {export.CSV, csvWords}}

// newFormatChoice is the radio group offering formats, PDF chosen.
func newFormatChoice(formats ...export.Format) *widget.RadioGroup {
	g := &widget.RadioGroup{Required: true, Selected: pdfWords}
	for _, c := range formatChoices {
		if slices.Contains(formats, c.format) {
			g.Options = append(g.Options, c.words)
		}
	}
	return g
}

// chosenFormat is the format a radio group has chosen.
func chosenFormat(g *widget.RadioGroup) export.Format {
	for _, c := range formatChoices {
		if c.words == g.Selected {
			return c.format
		}
	}
	return export.PDF
}

// formatOfPath is the format a file is written in: its name's, which path makes sure is one
// the document comes in.
func formatOfPath(path string) export.Format {
	f, _ := export.FormatOf(path)
	return f
}

// onExport checks the name and folder, asks before replacing a file, and writes.
func (e *exportDialog) onExport() {
	e.note.clear()
	if strings.TrimSpace(e.name.Text) == "" {
		e.note.problem("Give the file a name.")
		return
	}
	path := e.path()
	// Never over the database on show, its companions, another database or a file of
	// another kind.
	if err := data.CheckOutput(path, data.FileKindOf(path, data.FileKindOf(e.suggest(), data.PDFFile)), e.u.store.Path()); err != nil {
		e.note.problem(sentence(err))
		return
	}
	if err := checkFolder(filepath.Dir(path)); err != nil {
		e.failed(path, err)
		return
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			e.failed(path, fmt.Errorf("there is a folder called “%s” there", filepath.Base(path)))
			return
		}
		if e.noReplace {
			e.note.problem("There is a file of that name there already: choose another name.")
			return
		}
		e.u.showConfirm("Replace the file?", "“"+filepath.Base(path)+"” is already in "+filepath.Dir(path)+". Replace it?",
			func(ok bool) {
				if ok {
					e.run(path)
				}
			})
		return
	}
	e.run(path)
}

// run writes the document in the background with the progress bar showing.
func (e *exportDialog) run(path string) {
	e.busy.Show()
	e.bar.Start()
	enable(false, e.ok, e.name, e.folder, e.browse)
	write := e.writer()
	e.u.spawn(func() {
		what, err := write(path)
		e.u.post(func() { e.finished(path, what, err) })
	})
}

func (e *exportDialog) finished(path, what string, err error) {
	e.bar.Stop()
	e.busy.Hide()
	enable(true, e.ok, e.name, e.folder, e.browse)
	if err != nil {
		e.failed(path, err)
		return
	}
	e.saved = path
	e.dlg.Hide()
	if e.done != nil {
		e.done(path, what)
		return
	}
	e.u.app.Preferences().SetString(exportFolderKey, filepath.Dir(path))
	e.u.status.Importance = widget.SuccessImportance
	e.u.status.SetText("Saved " + filepath.Base(path))
	e.u.showSaved(e.title, "Saved "+what+" to", path, !e.noOpen)
}

// failed says why the file could not be written, in an error dialog over the export
// dialog, which stays open to choose another folder.
func (e *exportDialog) failed(path string, err error) {
	fyne.LogError("export "+path, err)
	if e.explain != nil {
		if msg := e.explain(err); msg != "" {
			e.note.problem(msg)
			dialog.ShowError(errors.New(msg), e.u.win)
			return
		}
	}
	why := fileProblem(err)
	if errors.Is(err, fs.ErrNotExist) && checkFolder(filepath.Dir(path)) == nil {
		why = "that folder does not take new files" // /proc, a device's special folder
	}
	next := "Choose another folder and try again."
	if p, ok := desktop.FileProblem(err); ok {
		next = p.Next
	}
	e.note.problem(why)
	//lint:ignore ST1005 the clerk reads it as a sentence in the error dialog
	e.u.showErrorDialog(fmt.Errorf("Minutebook could not save “%s” in %s: %s.\n\nNothing was written. %s",
		filepath.Base(path), filepath.Dir(path), why, next))
}

// showSaved tells the clerk where a file went and offers to open it or show its folder.
func (u *ui) showSaved(title, lead, path string, canOpen bool) {
	msg := &widget.Label{Text: lead + "\n" + path, Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomWithoutButtons(title, msg, u.win)
	open := &widget.Button{Text: "Open", Icon: theme.FileIcon(), Importance: widget.HighImportance, OnTapped: func() {
		d.Hide()
		if err := u.opener(path); err != nil {
			u.showError("Cannot open "+filepath.Base(path), err)
		}
	}}
	reveal := &widget.Button{Text: "Show in folder", Icon: theme.FolderOpenIcon(), OnTapped: func() {
		d.Hide()
		if err := u.revealer(path); err != nil {
			u.showError("Cannot show the folder", err)
		}
	}}
	buttons := []fyne.CanvasObject{&widget.Button{Text: "Close", OnTapped: d.Hide}, reveal}
	if canOpen {
		buttons = append(buttons, open)
	} else {
		reveal.Importance = widget.HighImportance
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(560, 0))
	u.savedDialog = d
	main := reveal.OnTapped
	if canOpen {
		main = open.OnTapped
	}
	keepDialog(u.win, d, main)
}

// checkFolder says plainly what is wrong with a folder to save in, before any work is done.
func checkFolder(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return err
	case !st.IsDir():
		return &fs.PathError{Op: "save in", Path: dir, Err: syscall.ENOTDIR}
	}
	return nil
}

// fileProblem puts a file error in a clerk's words.
func fileProblem(err error) string {
	// The system's own code first: Windows' disk-full, file-in-use and read-only codes are
	// none of the errors below (desktop.FileProblem).
	if p, ok := desktop.FileProblem(err); ok {
		return p.Why
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full"
	case errors.Is(err, syscall.EROFS):
		return "the disk or folder is read-only"
	case errors.Is(err, fs.ErrPermission):
		return "you do not have permission to save in that folder"
	case errors.Is(err, syscall.ENOTDIR):
		return "that is not a folder (part of the path is a file)"
	case errors.Is(err, fs.ErrNotExist):
		return "there is no such folder"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "the name is too long"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return sentence(err)
}

// exportFolderKey is the preference that remembers where the clerk last saved a document.
const exportFolderKey = "export-folder"

// exportFolder is where documents are saved unless the clerk chooses: where they saved
// last, or their Documents folder (wherever Windows keeps it), or the database's folder.
func (u *ui) exportFolder() string {
	if d := u.app.Preferences().String(exportFolderKey); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	if d := desktop.Documents(); d != "" { // the Known Folders API's answer on Windows
		return d
	}
	return filepath.Dir(u.store.Path())
}

// listableFolder is a folder as Fyne's folder dialog takes it.
func listableFolder(dir string) (fyne.ListableURI, error) {
	return storage.ListerForURI(storage.NewFileURI(expandHome(dir)))
}

// expandHome turns a leading ~ into the home folder.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}

// fileName makes a string safe as a file name on every system.
func fileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
}

// bodyCode is how file names name a body: its short code, or its name.
func bodyCode(b data.Body) string { return fileName(firstNonEmpty(b.ShortCode, b.Name, "Minutebook")) }

// minutesFileName is the name the minutes are saved under as a PDF: "PCP minutes 2023-09-15
// (draft).pdf".
func minutesFileName(fm *data.FullMeeting, edition export.Edition) string {
	return minutesFileNameIn(fm, edition, export.PDF)
}

// minutesFileNameIn is the name the minutes are saved under in a format: "PCP minutes
// 2023-09-15 (draft, confidential).docx". A confidential edition's name always says so.
func minutesFileNameIn(fm *data.FullMeeting, edition export.Edition, format export.Format) string {
	var marks []string
	if !fm.Approved() {
		marks = append(marks, "draft")
	}
	if edition == export.ConfidentialEdition {
		marks = append(marks, "confidential")
	}
	name := bodyCode(fm.Body) + " minutes " + fm.Date
	if len(marks) > 0 {
		name += " (" + strings.Join(marks, ", ") + ")"
	}
	return name + format.Ext()
}

// actionLogFileName is the name the action log is saved under: "PCP action log
// 2024-09-20.pdf"; a log that lists actions of exempt items says it is confidential.
func actionLogFileName(b data.Body, asAt string, format export.Format, confidential bool) string {
	name := firstNonEmpty(bodyCode(b), "All bodies") + " action log " + asAt
	if confidential {
		name += " (confidential)"
	}
	return name + format.Ext()
}

// Words for the editions of the minutes, as the export dialog offers them.
const (
	publicWords       = "Public edition: exempt items show only their title, paragraph and public summary"
	confidentialWords = "Confidential edition: everything, marked “CONFIDENTIAL – NOT FOR PUBLICATION”"
)

// minutesExport is the dialog that saves the minutes of the meeting on show.
func newMinutesExport(u *ui, fm *data.FullMeeting, edition export.Edition) *exportDialog {
	exempt := 0
	for _, it := range fm.Items {
		if it.Exempt {
			exempt++
		}
	}
	editions := &widget.RadioGroup{Options: []string{publicWords, confidentialWords}, Required: true, Selected: publicWords}
	if edition == export.ConfidentialEdition {
		editions.Selected = confidentialWords
	}
	chosen := func() export.Edition {
		if editions.Selected == confidentialWords {
			return export.ConfidentialEdition
		}
		return export.PublicEdition
	}
	intro := "Approved minutes, as they will be published."
	if !fm.Approved() {
		intro = "Draft minutes: every page is marked “DRAFT – subject to approval” until they are approved."
	}
	if exempt == 0 {
		intro += " No item was taken in private, so both editions print the same minutes."
	} else {
		intro += fmt.Sprintf(" %s taken in private.", data.Count(exempt, "item was", "items were"))
	}
	id := fm.ID
	store := u.store
	format := newFormatChoice(export.Formats...)
	e := newExportDialog(u, "Export the minutes of "+data.LongDate(fm.Date), intro,
		container.NewVBox(labelled("Edition", editions, nil), labelled("Format", format, nil)),
		func() string { return minutesFileNameIn(fm, chosen(), chosenFormat(format)) },
		func() func(string) (string, error) {
			opts := export.MinutesOptions{Edition: chosen()}
			return func(path string) (string, error) {
				f := formatOfPath(path)
				write, err := export.MinutesWriterIn(f)
				if err != nil {
					return "", err
				}
				// Read the meeting as written now: what was on screen has been flushed.
				m, err := store.LoadMeeting(id)
				if err != nil {
					return "", err
				}
				var rep export.MinutesReport
				err = export.WriteFile(path, func(w io.Writer) error {
					var err error
					rep, err = write(w, m, opts)
					return err
				})
				if err != nil {
					return "", err
				}
				size := data.Count(rep.Pages, "page", "pages")
				if f != export.PDF {
					size = f.Name()
				}
				return fmt.Sprintf("the %s minutes of %s (%s)", strings.ToLower(strings.TrimSuffix(opts.Edition.String(), " edition")),
					data.LongDate(m.Date), size), nil
			}
		})
	editions.OnChanged = func(string) { e.choicesChanged() }
	format.OnChanged = func(string) { e.choicesChanged() }
	e.choice, e.format = editions, format
	return e
}

// newActionLogExport is the dialog that saves the action log as the screen shows it.
func newActionLogExport(u *ui, log *data.ActionLog, filters string) *exportDialog {
	format := newFormatChoice(export.PDF, export.Word, export.HTML, export.CSV)
	public := &widget.Check{Text: "Public edition: leave out the actions of items taken in private", Checked: true}
	exempt := 0
	for _, r := range log.Rows {
		if r.Exempt {
			exempt++
		}
	}
	intro := filters + " " + data.Count(len(log.Rows), "action.", "actions.")
	if exempt > 0 {
		intro += fmt.Sprintf(" %s from items taken in private.", data.Count(exempt, "action comes", "actions come"))
	}
	suggest := func() string {
		return actionLogFileName(log.Body, log.Query.AsAt, chosenFormat(format), !public.Checked && exempt > 0)
	}
	e := newExportDialog(u, "Export the action log", intro,
		container.NewVBox(labelled("Format", format, nil), public),
		suggest,
		func() func(string) (string, error) {
			edition := export.ConfidentialEdition
			if public.Checked {
				edition = export.PublicEdition
			}
			opts := export.ActionLogOptions{Edition: edition}
			return func(path string) (string, error) {
				write, err := export.ActionLogWriterIn(formatOfPath(path))
				if err != nil {
					return "", err
				}
				if err := export.WriteFile(path, func(w io.Writer) error { return write(w, log, opts) }); err != nil {
					return "", err
				}
				n := len(log.Rows)
				if edition == export.PublicEdition {
					n = len(log.WithoutExempt().Rows)
				}
				return fmt.Sprintf("the action log as at %s (%s)", data.LongDate(log.Query.AsAt), data.Count(n, "action", "actions")), nil
			}
		})
	format.OnChanged = func(string) { e.choicesChanged() }
	public.OnChanged = func(bool) { e.choicesChanged() }
	e.format, e.public = format, public
	return e
}

// openWithSystem opens a file with the program the system uses for it (desktop.Open:
// ShellExecuteW on Windows, xdg-open on Linux).
func openWithSystem(path string) error { return desktop.Open(path) }

// revealInFolder shows a file in the system's file manager (desktop.Reveal: selected in
// Explorer on Windows; on Linux, its folder opened).
func revealInFolder(path string) error { return desktop.Reveal(path) }
