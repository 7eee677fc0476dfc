package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/assets"
	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/version"
)

// showAbout is Help → About: which Minutebook this is, its licences, and where the minute
// book, its daily backups and the log are — what IT asks first.
func (u *ui) showAbout() {
	d := dialog.NewCustom("About Minutebook", "Close", u.aboutContent(), u.win)
	d.Resize(fyne.NewSize(680, 0))
	keepDialog(u.win, d, nil) // Return and Escape close it (dialogs.go)
}

// aboutFacts are the About box's facts as text, also what "Copy for IT" copies.
func (u *ui) aboutFacts() string {
	var b strings.Builder
	b.WriteString(version.String() + "\n")
	b.WriteString(version.Copyright + "; " + version.Licence + ".\n")
	b.WriteString("The PDFs are set in " + version.FontsLicence + ".\n")
	b.WriteString("Database: " + u.store.Path() + "\n")
	b.WriteString("Daily backups: " + data.BackupFolder(u.store.Path()) + "\n")
	b.WriteString("Log: " + aboutLog() + "\n")
	return b.String()
}

// aboutLog is where the log is, or why there is none.
func aboutLog() string {
	switch {
	case logState.err != nil:
		return "none (" + logState.err.Error() + ")"
	case logState.path == "":
		return "none (the log is kept only when Minutebook is started as the app)"
	}
	return logState.path
}

func (u *ui) aboutContent() fyne.CanvasObject {
	db := u.store.Path()
	backups := data.BackupFolder(db)
	head := &widget.Label{Text: "Minutebook " + version.Number, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	what := &widget.Label{Text: "Minutebook keeps the minutes, members' questions and the action log of a scrutiny body " +
		"in one file on this computer. Everything is saved as you type it.", Wrapping: fyne.TextWrapWord}
	build := &widget.Label{Text: version.String(), Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	licence := &widget.Label{Text: version.Copyright + ". Minutebook is free to use, copy and change under the " + version.Licence +
		". The PDFs are set in " + version.FontsLicence + ".", Wrapping: fyne.TextWrapWord}
	show := func(path string) *widget.Button {
		return &widget.Button{Text: "Show", Icon: theme.FolderOpenIcon(), OnTapped: func() {
			if err := u.revealer(path); err != nil {
				u.showError("Cannot show the folder", err)
			}
		}}
	}
	places := container.New(layout.NewFormLayout())
	place := func(name, path string, button fyne.CanvasObject) {
		places.Add(&widget.Label{Text: name, TextStyle: fyne.TextStyle{Bold: true}})
		row := &widget.Label{Text: path, Wrapping: fyne.TextWrapBreak}
		if button == nil {
			places.Add(row)
			return
		}
		places.Add(container.NewBorder(nil, nil, nil, button, row))
	}
	place("Minute book", db, show(db))
	place("Daily backups", backups+"\n(one a day when Minutebook opens, the last seven kept)", show(backups))
	logPath := aboutLog()
	if logState.path != "" && logState.err == nil {
		place("Log", logPath, show(logPath))
	} else {
		place("Log", logPath, nil)
	}
	licences := &widget.Button{Text: "Licences…", Icon: theme.DocumentIcon(), OnTapped: u.showLicences}
	copyFacts := &widget.Button{Text: "Copy for IT", Icon: theme.ContentCopyIcon(), OnTapped: func() {
		u.app.Clipboard().SetContent(u.aboutFacts())
		u.status.SetText("The version and the places of the files are on the clipboard")
	}}
	return container.NewVBox(head, what, build, licence, widget.NewSeparator(), places,
		container.NewHBox(layout.NewSpacer(), licences, copyFacts))
}

// showLicences opens a window with the project's licence and the fonts'.
func (u *ui) showLicences() {
	w := u.app.NewWindow("Minutebook – Licences")
	w.SetContent(licencesContent())
	closeOnEscape(w)
	w.Resize(fyne.NewSize(720, 640))
	w.Show()
}

func licencesContent() fyne.CanvasObject {
	project := ProjectLicence
	if project == "" {
		project = "Minutebook is under the " + version.Licence + "; its text is in LICENSE beside the program."
	}
	text := func(s string) *widget.Label {
		return &widget.Label{Text: strings.TrimSpace(s), Wrapping: fyne.TextWrapWord}
	}
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		heading("Minutebook (LICENSE)"), text(project),
		heading("The Go fonts, in every PDF (GO-FONTS-LICENSE)"), text(assets.FontsLicence),
		heading("The libraries Minutebook is built from"),
		text("Their licences are in THIRD-PARTY-LICENSES.txt beside Minutebook.exe (on Linux, share/doc/minutebook/THIRD-PARTY-LICENSES)."))))
}
