package app

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
	"github.com/minutebook/minutebook/export/pack"
)

// Words for the editions of the pack, as the export dialog offers them.
const (
	packPublicWords       = "Public pack: leaves out exempt documents; the agenda says why"
	packConfidentialWords = "Confidential pack: every document, exempt ones marked “CONFIDENTIAL – NOT FOR PUBLICATION”"
)

// packFileName is the name the pack is saved under: "PCP agenda pack 2023-09-15.pdf", and
// "(confidential)" when it is.
func packFileName(fm *data.FullMeeting, edition export.Edition) string {
	name := bodyCode(fm.Body) + " agenda pack " + fm.Date
	if edition == export.ConfidentialEdition {
		name += " (confidential)"
	}
	return name + ".pdf"
}

// onExportPack asks where to save the meeting's agenda pack, and makes it.
func (m *meetingScreen) onExportPack() {
	if m.fm == nil {
		return
	}
	m.u.flush()
	fm, err := m.u.store.LoadMeeting(m.fm.ID)
	if err != nil {
		m.u.showError("Cannot read the meeting", err)
		return
	}
	newPackExport(m.u, fm).show()
}

// newPackExport is the dialog that saves a meeting's agenda pack.
func newPackExport(u *ui, fm *data.FullMeeting) *exportDialog {
	docs, exempt := 0, 0
	for _, it := range fm.Items {
		for _, d := range it.Documents {
			docs++
			if ex, _ := d.ExemptUnder(it.Item); ex {
				exempt++
			}
		}
	}
	editions := &widget.RadioGroup{Options: []string{packPublicWords, packConfidentialWords}, Required: true, Selected: packPublicWords}
	chosen := func() export.Edition {
		if editions.Selected == packConfidentialWords {
			return export.ConfidentialEdition
		}
		return export.PublicEdition
	}
	intro := fmt.Sprintf("One PDF: a contents page, the agenda, the minutes of the previous meeting, the action log as at %s, then %s, numbered “Page N of M” throughout.",
		data.LongDate(fm.Date), data.Count(docs, "supporting document", "supporting documents"))
	if exempt > 0 {
		intro += fmt.Sprintf(" %s exempt.", data.Count(exempt, "document is", "documents are"))
	}
	id, store := fm.ID, u.store
	e := newExportDialog(u, "Export the agenda pack of "+data.LongDate(fm.Date), intro,
		container.NewVBox(labelled("Edition", editions, nil)),
		func() string { return packFileName(fm, chosen()) },
		func() func(string) (string, error) {
			edition := chosen()
			return func(path string) (string, error) {
				src, err := pack.Load(store, id, edition)
				if err != nil {
					return "", err
				}
				var rep pack.Report
				err = export.WriteFile(path, func(w io.Writer) error {
					var err error
					rep, err = pack.Write(w, src, pack.Options{Edition: edition})
					return err
				})
				if err != nil {
					return "", err
				}
				return fmt.Sprintf("the %s agenda pack of %s (%s)", strings.ToLower(strings.TrimSuffix(edition.String(), " edition")),
					data.LongDate(src.Meeting.Date), data.Count(rep.Pages, "page", "pages")), nil
			}
		})
	editions.OnChanged = func(string) { e.choicesChanged() }
	e.choice = editions
	e.explain = func(err error) string {
		var de *pack.DocumentError
		if errors.As(err, &de) {
			return asSentence(de.Sentence)
		}
		return ""
	}
	return e
}
