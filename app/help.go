package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newShortcutsContent is the Help → Keyboard shortcuts window: every shortcut, menu by menu.
func newShortcutsContent() fyne.CanvasObject {
	box := container.NewVBox(&widget.Label{Text: "Keyboard shortcuts", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		&widget.Label{Text: "They work wherever the cursor is, even in the middle of the minutes.", Importance: widget.LowImportance})
	for _, name := range menuNames {
		grid := container.New(layout.NewFormLayout())
		for _, c := range commands {
			if c.menu != name || c.key == "" {
				continue
			}
			grid.Add(&widget.Label{Text: c.keys(), TextStyle: fyne.TextStyle{Bold: true}})
			grid.Add(&widget.Label{Text: c.label + " — " + c.help, Wrapping: fyne.TextWrapWord})
		}
		if len(grid.Objects) == 0 {
			continue
		}
		box.Add(heading(name))
		box.Add(grid)
	}
	box.Add(heading("In the fields"))
	keys := container.New(layout.NewFormLayout())
	for _, k := range fieldKeys {
		keys.Add(&widget.Label{Text: k[0], TextStyle: fyne.TextStyle{Bold: true}})
		keys.Add(&widget.Label{Text: k[1], Wrapping: fyne.TextWrapWord})
	}
	box.Add(keys)
	return container.NewVScroll(container.NewPadded(box))
}

// showShortcuts opens the shortcuts window (or brings it forward).
func (u *ui) showShortcuts() {
	w := u.app.NewWindow("Minutebook – Keyboard shortcuts")
	w.SetContent(newShortcutsContent())
	closeOnEscape(w)
	w.Resize(fyne.NewSize(720, 640))
	w.Show()
}
