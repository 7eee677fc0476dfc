package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
	"github.com/minutebook/minutebook/export/pack"
)

func exportPackFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.Int64Var(&o.meeting, "meeting", 0, "the meeting's id (minutebook dump lists them)")
	editionFlags(fs, o, "the public pack: leaves out exempt documents, and its agenda says why",
		"the confidential pack: every document, exempt ones marked CONFIDENTIAL – NOT FOR PUBLICATION")
	fs.StringVar(&o.out, "o", "", "the file to write: PACK.pdf")
}

// runExportPack is `minutebook export pack --db FILE --meeting ID [--public|--confidential]
// -o PACK.pdf`: the meeting's agenda pack as one PDF. A document that cannot go into it is
// named in one sentence and no file is written.
func runExportPack(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.meeting <= 0 {
		return usageError("say which meeting's pack to make with --meeting ID")
	}
	if c.out == "" {
		return usageError("say where to write the pack with -o PACK.pdf")
	}
	confidential, err := c.confidential()
	if err != nil {
		return err
	}
	if _, err := c.outputFormat("an agenda pack", []export.Format{export.PDF}); err != nil {
		return err
	}
	edition := export.PublicEdition
	if confidential {
		edition = export.ConfidentialEdition
	}
	s, err := openExisting(c.db)
	if err != nil {
		return err
	}
	defer s.Close()
	src, err := pack.Load(s, c.meeting, edition)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("there is no meeting %d in %s", c.meeting, c.db)
	}
	if err != nil {
		return err
	}
	var rep pack.Report
	err = writeOutput(c.out, func(w io.Writer) error {
		var err error
		rep, err = pack.Write(w, src, pack.Options{Edition: edition})
		return err
	})
	if err != nil {
		return err
	}
	which := "public"
	if confidential {
		which = "confidential"
	}
	fmt.Fprintf(c.stdout, "Wrote the %s agenda pack of %s (%s) to %s.\n", which, data.LongDate(src.Meeting.Date), data.Count(rep.Pages, "page", "pages"), c.out)
	if rep.Left > 0 {
		fmt.Fprintf(c.stdout, "It leaves out %s; the agenda says why.\n", data.Count(rep.Left, "exempt document", "exempt documents"))
	}
	return nil
}

func exportAgendaFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.Int64Var(&o.meeting, "meeting", 0, "the meeting's id (minutebook dump lists them)")
	editionFlags(fs, o, "the public edition: an exempt item shows only its title and why its papers are left out",
		"the confidential edition: exempt items and documents in full, marked CONFIDENTIAL – NOT FOR PUBLICATION")
	formatFlag(fs, o, "pdf, docx (Word) or html")
	fs.StringVar(&o.out, "o", "", "the file to write: OUT.pdf, OUT.docx for Word or OUT.html to publish")
}

// runExportAgenda is `minutebook export agenda --db FILE --meeting ID [--public|--confidential]
// [--format pdf|docx|html] -o OUT.pdf|.docx|.html`: the agenda on its own.
func runExportAgenda(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.meeting <= 0 {
		return usageError("say which meeting's agenda to export with --meeting ID")
	}
	if c.out == "" {
		return usageError("say where to write the agenda with -o OUT.pdf, OUT.docx or OUT.html")
	}
	confidential, err := c.confidential()
	if err != nil {
		return err
	}
	format, err := c.outputFormat("an agenda", export.Formats)
	if err != nil {
		return err
	}
	write, err := export.AgendaWriterIn(format)
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
	opts := export.AgendaOptions{}
	which := "public"
	if confidential {
		opts.Edition, which = export.ConfidentialEdition, "confidential"
	}
	if err := writeOutput(c.out, func(w io.Writer) error { _, err := write(w, fm, opts); return err }); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the %s agenda of %s to %s.\n", which, data.LongDate(fm.Date), c.out)
	return nil
}
