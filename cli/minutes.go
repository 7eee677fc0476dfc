package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
)

func exportMinutesFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.Int64Var(&o.meeting, "meeting", 0, "the meeting's id (minutebook dump lists them)")
	editionFlags(fs, o, "the public edition: exempt items show only their title, Schedule 12A paragraph and public summary",
		"the confidential edition: exempt items in full, marked CONFIDENTIAL – NOT FOR PUBLICATION")
	formatFlag(fs, o, "pdf, docx (Word) or html")
	fs.StringVar(&o.out, "o", "", "the file to write: OUT.pdf, OUT.docx for Word or OUT.html to publish")
}

// runExportMinutes is `minutebook export minutes --db FILE --meeting ID [--public|--confidential]
// [--format pdf|docx|html] -o OUT.pdf|.docx|.html`. It writes the public edition unless
// --confidential is given, in the format the file's name (or --format) says.
func runExportMinutes(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.meeting <= 0 {
		return usageError("say which meeting to export with --meeting ID")
	}
	if c.out == "" {
		return usageError("say where to write the minutes with -o OUT.pdf, OUT.docx or OUT.html")
	}
	confidential, err := c.confidential()
	if err != nil {
		return err
	}
	format, err := c.outputFormat("a copy of the minutes", export.Formats)
	if err != nil {
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
	opts := export.MinutesOptions{Edition: export.PublicEdition}
	edition := "public"
	if confidential {
		opts.Edition, edition = export.ConfidentialEdition, "confidential"
	}
	write, err := export.MinutesWriterIn(format)
	if err != nil {
		return err
	}
	var rep export.MinutesReport
	err = writeOutput(c.out, func(w io.Writer) error {
		var err error
		rep, err = write(w, fm, opts)
		return err
	})
	if err != nil {
		return err
	}
	if rep.Replaced > 0 {
		what := "that the PDF fonts cannot draw (emoji or control characters)"
		if format != export.PDF {
			what = "that a document cannot hold (control characters)"
		}
		fmt.Fprintf(c.stderr, "minutebook: note: %d %s %s %s printed as �.\n",
			rep.Replaced, data.Plural(rep.Replaced, "character", "characters"), what, data.Plural(rep.Replaced, "was", "were"))
	}
	size := data.Count(rep.Pages, "page", "pages")
	if format != export.PDF {
		size = format.Name()
	}
	fmt.Fprintf(c.stdout, "Wrote the %s minutes of %s (%s) to %s.\n", edition, data.LongDate(fm.Date), size, c.out)
	return nil
}
