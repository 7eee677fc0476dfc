package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"minutebook/data"
	"minutebook/export"
)

func init() { exportKinds["minutes"] = command{setupExportMinutes} }

// setupExportMinutes is `minutebook export minutes --db FILE --meeting ID [--public] -o OUT.pdf`.
// Without --public it writes the confidential edition, with exempt items in full.
func setupExportMinutes(fset *flag.FlagSet) func([]string, io.Writer) error {
	db := dbFlag(fset)
	meeting := fset.Int64("meeting", 0, "the meeting's id (minutebook dump lists them)")
	public := fset.Bool("public", false, "the public edition: exempt items show only their title, Schedule 12A paragraph and public summary")
	out := fset.String("o", "", "the PDF file to write")
	return func(args []string, stdout io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *meeting <= 0 {
			return usageError("say which meeting to export with --meeting ID")
		}
		if *out == "" {
			return usageError("say where to write the minutes with -o OUT.pdf")
		}
		if err := checkOutput(*out); err != nil {
			return err
		}
		s, err := openExisting(*db)
		if err != nil {
			return err
		}
		defer s.Close()
		fm, err := s.LoadMeeting(*meeting)
		if errors.Is(err, data.ErrNotFound) {
			return fmt.Errorf("there is no meeting %d in %s", *meeting, *db)
		}
		if err != nil {
			return err
		}
		opts := export.MinutesOptions{Edition: export.ConfidentialEdition}
		edition := "confidential"
		if *public {
			opts.Edition, edition = export.PublicEdition, "public"
		}
		var rep export.MinutesReport
		err = writeOutput(*out, func(w io.Writer) error {
			var err error
			rep, err = export.Minutes(w, fm, opts)
			return err
		})
		if err != nil {
			return err
		}
		if rep.Replaced > 0 {
			fmt.Fprintf(fset.Output(), "minutebook: note: %d %s that the PDF fonts cannot draw (emoji or control characters) %s printed as �.\n",
				rep.Replaced, plural(rep.Replaced, "character", "characters"), plural(rep.Replaced, "was", "were"))
		}
		fmt.Fprintf(stdout, "Wrote the %s minutes of %s (%d %s) to %s.\n", edition, data.LongDate(fm.Date),
			rep.Pages, plural(rep.Pages, "page", "pages"), *out)
		return nil
	}
}
