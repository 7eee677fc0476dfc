package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
)

// The body's details form: used on first run ("Start a new panel"), for a new body and for
// the body's settings.

// Words for the numbering schemes, as the form offers them.
const (
	numberingPerMeeting = "Per meeting: 1, 2, 3…"
	numberingByYear     = "Through the municipal year: PCP 39/23"
)

type bodyForm struct {
	u          *ui
	name       *widget.Entry
	code       *widget.Entry
	numbering  *widget.RadioGroup
	chairTitle *widget.Select
	venue      *widget.Entry
	start      *timeField
	nameNote   *note
	codeNote   *note
	dlg        dialog.Dialog
}

func newBodyForm(u *ui, b data.Body) *bodyForm {
	f := &bodyForm{u: u, nameNote: newNote(), codeNote: newNote()}
	f.name = &widget.Entry{Text: b.Name, PlaceHolder: "Thames Valley Police and Crime Panel"}
	f.code = &widget.Entry{Text: b.ShortCode, PlaceHolder: "PCP"}
	f.numbering = &widget.RadioGroup{Options: []string{numberingPerMeeting, numberingByYear}, Required: true}
	f.numbering.Selected = numberingPerMeeting
	if b.Numbering == data.NumberByYear {
		f.numbering.Selected = numberingByYear
	}
	f.chairTitle = &widget.Select{Options: []string{"Chair", "Chairman", "Chairperson"}, Selected: firstNonEmpty(b.ChairTitle, "Chair")}
	f.venue = &widget.Entry{Text: b.DefaultVenue, PlaceHolder: "Council Chamber, Town Hall"}
	f.start = newTimeField("10.30am", false)
	f.start.set(b.DefaultTime)
	return f
}

func (f *bodyForm) content() fyne.CanvasObject {
	return container.NewVBox(
		labelled("Name of the panel or committee", f.name, f.nameNote),
		labelled("Short code, used in minute numbers and action references", f.code, f.codeNote),
		labelled("How minutes are numbered", f.numbering, nil),
		container.NewGridWithColumns(2,
			labelled("Usual start time", f.start.entry, f.start.note),
			labelled("The Chair signs as", f.chairTitle, nil)),
		labelled("Usual venue", f.venue, nil),
	)
}

// save checks the form and writes the body with write; errors show beside their fields.
func (f *bodyForm) save(write func(*data.Body) error) bool {
	if !f.start.check(f.start.entry.Text) {
		return false
	}
	b := &data.Body{Name: f.name.Text, ShortCode: f.code.Text, Numbering: data.NumberPerMeeting,
		ChairTitle: f.chairTitle.Selected, DefaultVenue: f.venue.Text, DefaultTime: f.start.value}
	if f.numbering.Selected == numberingByYear {
		b.Numbering = data.NumberByYear
	}
	f.nameNote.clear()
	f.codeNote.clear()
	if err := write(b); err != nil {
		var fe *data.FieldError
		switch {
		case asFieldError(err, &fe) && fe.Field == "short code":
			f.codeNote.problem(fe.Problem)
		default:
			f.nameNote.problem(sentence(err))
		}
		return false
	}
	f.u.nav.bodySaved(b.ID)
	return true
}

// formDialog is a dialog whose confirm button closes it only when submit succeeds, so the
// clerk can correct what the form says is wrong.
func formDialog(title, confirm string, content fyne.CanvasObject, submit func() bool, w fyne.Window) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, content, w)
	ok := &widget.Button{Text: confirm, Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: func() {
		if submit() {
			d.Hide()
		}
	}}
	formSubmits[d] = ok.OnTapped
	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: d.Hide}
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	return d
}

// submitOnEnter lets Return in any of the entries confirm the dialog, so a form can be
// filled without the mouse.
func submitOnEnter(d dialog.Dialog, submit func() bool, entries ...*widget.Entry) {
	for _, e := range entries {
		e.OnSubmitted = func(string) {
			if submit() {
				d.Hide()
			}
		}
	}
}

// showFocused shows a dialog with the cursor in its first field.
func showFocused(d dialog.Dialog, w fyne.Window, first fyne.Focusable) {
	keepDialog(w, d, formSubmits[d])
	w.Canvas().Focus(first)
	if e, ok := first.(*widget.Entry); ok {
		e.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces what was prefilled
	}
}
