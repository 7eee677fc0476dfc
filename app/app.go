// Package app is Minutebook's desktop GUI, built with Fyne. It is the only package that
// imports Fyne.
package app

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"minutebook/assets"
	"minutebook/data"
)

// Run opens the database at dbPath (creating it if need be) and shows the main window until
// the clerk closes it.
func Run(dbPath string) error {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return fmt.Errorf("cannot create the folder for %s: %w", dbPath, err)
	}
	s, err := data.Open(dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	a := fyneapp.NewWithID("org.minutebook.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Minutebook – " + filepath.Base(dbPath))
	w.SetContent(container.NewCenter(widget.NewLabel("Minutebook")))
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
	return nil
}
