package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

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
		if err := checkMinutesOutput(*out); err != nil {
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
		err = export.WriteFile(*out, func(w io.Writer) error {
			var err error
			rep, err = export.Minutes(w, fm, opts)
			return err
		})
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return fmt.Errorf("cannot write %s: %v", *out, pe.Err)
			}
			return err
		}
		if rep.Replaced > 0 {
			fmt.Fprintf(fset.Output(), "minutebook: note: %d %s that the PDF fonts cannot draw (emoji or control characters) %s printed as �.\n",
				rep.Replaced, minutesPlural(rep.Replaced, "character", "characters"), minutesPlural(rep.Replaced, "was", "were"))
		}
		fmt.Fprintf(stdout, "Wrote the %s minutes of %s (%d %s) to %s.\n", edition, data.LongDate(fm.Date),
			rep.Pages, minutesPlural(rep.Pages, "page", "pages"), *out)
		return nil
	}
}

// checkMinutesOutput checks that the output file's folder exists and that the file is not a
// folder, so that the clerk is told so in plain words before any work is done.
func checkMinutesOutput(path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("cannot write %s: it is a folder", path)
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: there is no folder %s", path, dir)
	case err != nil:
		return fmt.Errorf("cannot write %s: %v", path, errors.Unwrap(err))
	case !st.IsDir():
		return fmt.Errorf("cannot write %s: %s is not a folder", path, dir)
	}
	return nil
}

// minutesPlural chooses the word for n things.
func minutesPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
