package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// The File menu's work on database files: a new one, opening another, the recent ones,
// backing up now and every day, and showing the file in its folder.

// recentKey is the preference listing the databases opened lately, newest first.
const recentKey = "recent-files"

// maxRecent is how many recent files the menu offers.
const maxRecent = 8

// keepBackups is how many daily backups are kept beside the database.
const keepBackups = 7

// backupState is what the daily backup did when the database was opened.
type backupState struct {
	Path string
	Made bool
	Err  error
}

// addRecent puts a database at the top of the recent files.
func (u *ui) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	prefs := u.app.Preferences()
	list := slices.DeleteFunc(prefs.StringList(recentKey), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	prefs.SetStringList(recentKey, list)
}

// recentFiles lists the recent databases that are still there, other than the one open.
func (u *ui) recentFiles() []string {
	var out []string
	cur, _ := filepath.Abs(u.store.Path())
	for _, p := range u.app.Preferences().StringList(recentKey) {
		if p == cur {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

// refreshMenu builds the menus again (the recent files change as databases are opened).
func (u *ui) refreshMenu() { u.win.SetMainMenu(u.mainMenu()) }

// recentMenu is File → Open recent.
func (u *ui) recentMenu() *fyne.Menu {
	m := fyne.NewMenu("Open recent")
	for _, p := range u.recentFiles() {
		p := p
		m.Items = append(m.Items, fyne.NewMenuItem(filepath.Base(p)+"  —  "+filepath.Dir(p), func() { u.openFile(p) }))
	}
	if len(m.Items) == 0 {
		none := fyne.NewMenuItem("No other database opened lately", nil)
		none.Disabled = true
		m.Items = append(m.Items, none)
	}
	return m
}

// dailyBackup makes today's backup beside the database, if there is none yet, keeping
// the last seven, in the background. An empty database (first run) is not backed up.
func (u *ui) dailyBackup() {
	if len(u.nav.bodies) == 0 {
		return
	}
	store := u.store
	u.spawn(func() {
		path, made, err := store.DailyBackup(data.Today(), keepBackups)
		u.post(func() {
			if u.store != store {
				return
			}
			u.backup = backupState{Path: path, Made: made, Err: err}
			switch {
			case err != nil:
				fyne.LogError("daily backup", err)
				u.status.Importance = widget.DangerImportance
				u.status.SetText("Today's backup could not be made: " + fileProblem(err) + ". Use File → Back up now to save a copy elsewhere.")
			case made:
				u.status.Importance = widget.MediumImportance
				u.status.SetText("Today's backup is in " + filepath.Dir(path))
			}
		})
	})
}

// openFile makes another database the one on show (and the clerk's own from now on: the
// example is then the one beside it).
func (u *ui) openFile(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if cur, _ := filepath.Abs(u.store.Path()); cur == path {
		return
	}
	was := u.ownPath
	u.ownPath = path
	err := u.open(path)
	if errors.Is(err, data.ErrInUse) {
		u.ownPath = was
		u.offerReadOnly(path)
		return
	}
	if err != nil {
		u.ownPath = was
		u.showError("Cannot open "+filepath.Base(path), err)
	}
}

// offerReadOnly says that a file is open for writing in another Minutebook and offers to
// open it here only to read.
func (u *ui) offerReadOnly(path string) {
	d := dialog.NewCustomConfirm("Already open", "Open read-only", "Cancel",
		widget.NewLabel(inUseMessage(path)), func(ok bool) {
			if !ok {
				return
			}
			was := u.ownPath
			u.ownPath = path
			if err := u.openAs(path, true); err != nil {
				u.ownPath = was
				u.showError("Cannot open "+filepath.Base(path), err)
			}
		}, u.win)
	keepDialog(u.win, d, d.Confirm)
}

// inUseMessage is the one sentence that says a file is open for writing elsewhere.
func inUseMessage(path string) string {
	return filepath.Base(path) + " is already open in another Minutebook window; you can open it here read-only, to read and export it."
}

// onOpen asks which database to open.
func (u *ui) onOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError("Cannot open the file", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.openFile(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".minutebook"}))
	if l, err := listableFolder(filepath.Dir(u.store.Path())); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// onNewDatabase asks where to start a new, empty minute book, and opens it.
func (u *ui) onNewDatabase() {
	e := newExportDialog(u, "New minute book",
		"A new database file, for another panel or committee kept apart from this one. It opens at once; this one stays as it is and is under File → Open recent.",
		nil, func() string { return "minutebook.db" },
		func() func(string) (string, error) {
			return func(path string) (string, error) {
				s, err := data.Open(path)
				if err != nil {
					return "", err
				}
				return "", s.Close()
			}
		})
	e.ok.SetText("Create")
	e.folder.SetText(filepath.Dir(u.store.Path()))
	e.noReplace = true
	e.done = func(path, _ string) { u.openFile(path) }
	e.show()
}

// onBackUpNow saves a copy of the database where the clerk chooses: a memory stick, a
// shared drive.
func (u *ui) onBackUpNow() {
	u.flush()
	store := u.store
	name := fileName(fmt.Sprintf("%s %s.db", trimExt(filepath.Base(store.Path())), time.Now().Format("2006-01-02 1504")))
	e := newExportDialog(u, "Back up now",
		"A complete copy of the database as it is now, made safely while Minutebook is open. Keep it somewhere other than this computer: a memory stick or a shared drive.",
		nil, func() string { return name },
		func() func(string) (string, error) {
			return func(path string) (string, error) {
				return "a copy of " + filepath.Base(store.Path()), store.Backup(path)
			}
		})
	e.ok.SetText("Back up")
	dir := data.BackupFolder(store.Path())
	if os.MkdirAll(dir, 0o755) == nil {
		e.folder.SetText(dir)
	}
	e.noOpen = true
	e.show()
}

// onReveal shows the database file in the system's file manager.
func (u *ui) onReveal() {
	if err := u.revealer(u.store.Path()); err != nil {
		u.showError("Cannot show the database's folder", err)
	}
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }
