package app

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/desktop"
)

// placeOf says whether a file is on another computer (desktop.PlaceOf: a UNC path or a
// mapped network drive on Windows; on Linux an NFS or SMB mount, or a FUSE one that reaches
// another computer: a share opened in GNOME Files (gvfs), sshfs, rclone); tests replace it.
var placeOf = desktop.PlaceOf

// moveLabel is the band's button.
const moveLabel = "Move it to this computer"

// warnIfOnNetwork puts a band at the top of the window when the minute book is on a network
// drive, where SQLite's WAL cannot keep it safe, with a button that moves it to this
// computer.
func (u *ui) warnIfOnNetwork() {
	if u.readOnly {
		return
	}
	p := placeOf(u.store.Path())
	if !p.Remote {
		return
	}
	log.Printf("the minute book %s is on %s", u.store.Path(), p.Where)
	local := filepath.Dir(data.DefaultDatabase())
	msg := "This minute book is on " + p.Where + ". Minutebook cannot keep a file safe on a network drive: " +
		"it could be damaged if the connection drops or another computer opens it."
	if placeOf(local).Remote {
		msg += " Ask IT for a folder on this computer, then copy it there with File → Back up now and open the copy."
		u.banner.Add(&widget.Label{Text: msg, Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord})
		return
	}
	msg += " Move it to " + local + ", and keep a copy on the network with File → Back up now."
	move := &widget.Button{Text: moveLabel, Icon: theme.ComputerIcon(), Importance: widget.HighImportance, OnTapped: func() { u.moveToThisComputer(local) }}
	// The words above the button, not beside it: a wrapping label beside a button is laid
	// out narrow and tall.
	u.banner.Add(container.NewVBox(&widget.Label{Text: msg, Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord},
		container.NewHBox(move)))
}

// moveToThisComputer copies the open minute book into folder (a consistent copy, checked),
// opens the copy, and renames the one left on the network so that no one goes on using it.
func (u *ui) moveToThisComputer(folder string) {
	from := u.store.Path()
	u.flush()
	if err := os.MkdirAll(folder, 0o755); err != nil {
		u.showError("Cannot move the minute book", err)
		return
	}
	to := freeName(filepath.Join(folder, filepath.Base(from)))
	if err := u.store.Backup(to); err != nil {
		u.showError("Cannot move the minute book", err)
		return
	}
	if rep, err := data.Check(to); err != nil || !rep.OK() {
		os.Remove(to)
		if err == nil {
			err = fmt.Errorf("the copy did not pass its check: %s", rep)
		}
		u.showError("Cannot move the minute book", err)
		return
	}
	u.openFile(to)
	if !sameFile(u.store.Path(), to) {
		return // openFile said why
	}
	ext := filepath.Ext(from)
	moved := freeName(strings.TrimSuffix(from, ext) + " (moved to this computer)" + ext)
	msg := "Your minute book is now " + to + ", on this computer. Keep a copy on the network with File → Back up now."
	if err := os.Rename(from, moved); err != nil {
		log.Printf("the minute book moved to %s; the old one %s could not be renamed: %v", to, from, err)
		msg += " The old file on the network is left as it was: delete it once you no longer need it."
	} else {
		log.Printf("the minute book moved from %s to %s; the old one is now %s", from, to, moved)
		msg += " The old file is renamed “" + filepath.Base(moved) + "” so that no one goes on using it."
	}
	keepDialog(u.win, dialog.NewInformation("Moved to this computer", msg, u.win), nil) // Return or Escape closes it
}

// freeName is path, or path with " (2)", " (3)"… before its ending when that is taken.
func freeName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	p := path
	for n := 2; ; n++ {
		if _, err := os.Stat(p); os.IsNotExist(err) {
			return p
		}
		p = fmt.Sprintf("%s (%d)%s", stem, n, ext)
	}
}
