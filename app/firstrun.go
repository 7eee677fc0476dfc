package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"minutebook/data"
)

// firstRun is what an empty database shows: start a new panel, or explore the example.
//
// The example goes into its own file beside the clerk's database (minutebook-example.db),
// not into their database: fictional members and minutes must never end up in a real
// minute book or its action log, and the clerk's file stays empty until they start their
// own panel. A banner in the example says so and leads back.
type firstRun struct {
	u      *ui
	form   *bodyForm
	create *widget.Button
}

func newFirstRun(u *ui) *firstRun {
	f := &firstRun{u: u}
	f.form = newBodyForm(u, data.Body{Numbering: data.NumberPerMeeting, ChairTitle: "Chair"})
	f.create = &widget.Button{Text: "Start the panel", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: f.onCreate}
	return f
}

func (f *firstRun) buildUI() fyne.CanvasObject {
	start := &widget.Card{Title: "Start a new panel", Subtitle: "Your panel or committee, ready for its first meeting.",
		Content: container.NewVBox(f.form.content(), toolbarRow(f.create))}
	explore := &widget.Card{Title: "Explore the example", Subtitle: "A Police and Crime Panel over two years.",
		Content: container.NewVBox(
			&widget.Label{Wrapping: fyne.TextWrapWord, Text: "Meetings with attendance, members' questions and answers, " +
				"resolutions and an action log, including a real published minute. It opens from its own file beside " +
				"yours, so nothing of it enters your minutes; you can come back here at any time."},
			toolbarRow(&widget.Button{Text: "Explore the example", Icon: theme.FolderOpenIcon(), OnTapped: f.u.onExploreExample}),
		)}
	welcome := container.NewVBox(
		&widget.Label{Text: "Welcome to Minutebook", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		&widget.Label{Text: "Minutes, members' questions and the action log of your panel, kept on this computer. Everything you type is saved as you type it.", Wrapping: fyne.TextWrapWord},
	)
	grid := container.NewGridWithColumns(2, start, container.NewVBox(explore))
	return container.NewVScroll(container.NewPadded(container.NewVBox(welcome, grid)))
}

// onCreate creates the body and opens it, ready for "New meeting".
func (f *firstRun) onCreate() {
	f.form.save(func(b *data.Body) error {
		return f.u.saver.run("create the panel", func() error { return f.u.store.CreateBody(b) })
	})
}
