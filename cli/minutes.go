package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"minutebook/data"
	"minutebook/export"
)

func exportMinutesFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.Int64Var(&o.meeting, "meeting", 0, "the meeting's id (minutebook dump lists them)")
	fs.BoolVar(&o.public, "public", false, "the public edition: exempt items show only their title, Schedule 12A paragraph and public summary")
	fs.StringVar(&o.out, "o", "", "the PDF file to write")
}

// runExportMinutes is `minutebook export minutes --db FILE --meeting ID [--public] -o OUT.pdf`.
// Without --public it writes the confidential edition, with exempt items in full.
func runExportMinutes(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.meeting <= 0 {
		return usageError("say which meeting to export with --meeting ID")
	}
	if c.out == "" {
		return usageError("say where to write the minutes with -o OUT.pdf")
	}
	if err := checkOutput(c.out, data.PDFFile, c.db); err != nil {
		return err
	}
	s, err := openExisting(c.db)
	if err != nil {
		return err
	}
	defer s.Close()
	fm, err := s.LoadMeeting(c.meeting)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("there is no meeting %d in %s", c.meeting, c.db)
	}
	if err != nil {
		return err
	}
	opts := export.MinutesOptions{Edition: export.ConfidentialEdition}
	edition := "confidential"
	if c.public {
		opts.Edition, edition = export.PublicEdition, "public"
	}
	var rep export.MinutesReport
	err = writeOutput(c.out, func(w io.Writer) error {
		var err error
		rep, err = export.Minutes(w, fm, opts)
		return err
	})
	if err != nil {
		return err
	}
	if rep.Replaced > 0 {
		fmt.Fprintf(c.stderr, "minutebook: note: %d %s that the PDF fonts cannot draw (emoji or control characters) %s printed as �.\n",
			rep.Replaced, data.Plural(rep.Replaced, "character", "characters"), data.Plural(rep.Replaced, "was", "were"))
	}
	fmt.Fprintf(c.stdout, "Wrote the %s minutes of %s (%d %s) to %s.\n", edition, data.LongDate(fm.Date),
		rep.Pages, data.Plural(rep.Pages, "page", "pages"), c.out)
	return nil
}
