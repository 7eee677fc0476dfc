package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
)

func exportActionsFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.StringVar(&o.body, "body", "", "the body, by name or short code (needed only when the database holds more than one)")
	fs.StringVar(&o.status, "status", data.LogOpen, "open: actions still to do and those completed since the last meeting; all: every action (also overdue, in_progress, done, dropped)")
	fs.StringVar(&o.owner, "owner", "", "only the actions of this owner")
	fs.StringVar(&o.asAt, "as-at", "", "the date the log is as at, YYYY-MM-DD (default today)")
	fs.StringVar(&o.from, "from", "", "only actions raised at meetings on or after this date")
	fs.StringVar(&o.to, "to", "", "only actions raised at meetings on or before this date")
	editionFlags(fs, o, "the public edition: leaves out the actions of exempt items",
		"the confidential edition: lists the actions of exempt items too, marked CONFIDENTIAL – NOT FOR PUBLICATION")
	formatFlag(fs, o, "pdf, docx (Word), html or csv")
	fs.StringVar(&o.out, "o", "", "the file to write: OUT.pdf, OUT.docx for Word, OUT.html to publish, or OUT.csv for a spreadsheet")
}

// actionLogFormats are the formats an action log is written in.
var actionLogFormats = []export.Format{export.PDF, export.Word, export.HTML, export.CSV}

// runExportActions is `minutebook export actions --db FILE [--body NAME] [--status open|all]
// [--owner X] [--as-at YYYY-MM-DD] [--from DATE] [--to DATE] [--public|--confidential]
// [--format pdf|docx|html|csv] -o OUT.pdf|.docx|.html|.csv`: the action log for an agenda
// pack, in the format the file's name (or --format) says. It writes the public edition,
// without the actions of exempt items, unless --confidential is given.
func runExportActions(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.out == "" {
		return usageError("say where to write the action log with -o OUT.pdf, OUT.docx, OUT.html or OUT.csv")
	}
	confidential, err := c.confidential()
	if err != nil {
		return err
	}
	format, err := c.outputFormat("an action log", actionLogFormats)
	if err != nil {
		return err
	}
	write, err := export.ActionLogWriterIn(format)
	if err != nil {
		return err
	}
	q := data.ActionLogQuery{Status: strings.ToLower(c.status), Owner: c.owner, Public: !confidential}
	if !slices.Contains(data.LogStatuses, q.Status) {
		return usageError("--status must be open or all (or overdue, in_progress, done, dropped), not “%s”", c.status)
	}
	for _, d := range []struct {
		flag       string
		in         string
		date       *string
		defaultVal string
	}{{"--as-at", c.asAt, &q.AsAt, data.Today()}, {"--from", c.from, &q.FromMeeting, ""}, {"--to", c.to, &q.ToMeeting, ""}} {
		if d.in == "" {
			*d.date = d.defaultVal
			continue
		}
		parsed, err := data.ParseDate(d.in)
		if err != nil {
			return usageError("%s: %v", d.flag, err)
		}
		*d.date = parsed
	}
	if q.FromMeeting != "" && q.ToMeeting != "" && q.FromMeeting > q.ToMeeting {
		return usageError("--from (%s) is after --to (%s)", q.FromMeeting, q.ToMeeting)
	}
	s, err := openExisting(c.db)
	if err != nil {
		return err
	}
	defer s.Close()
	b, err := actionLogBody(s, c.db, c.body)
	if err != nil {
		return err
	}
	q.BodyID = b.ID
	log, err := s.ActionLog(q)
	if err != nil {
		return err
	}
	opts := export.ActionLogOptions{Edition: export.PublicEdition}
	if confidential {
		opts.Edition = export.ConfidentialEdition
	}
	if err := writeOutput(c.out, func(w io.Writer) error { return write(w, log, opts) }); err != nil {
		return err
	}
	edition := "public action log"
	if confidential {
		edition = "confidential action log"
	}
	fmt.Fprintf(c.stdout, "Wrote the %s of the %s as at %s (%d %s) to %s.\n", edition, b.Name,
		data.LongDate(q.AsAt), len(log.Rows), data.Plural(len(log.Rows), "action", "actions"), c.out)
	return nil
}

// actionLogBody finds the body the log is for: the one named, or the database's only body.
func actionLogBody(s *data.Store, db, name string) (data.Body, error) {
	if name != "" {
		b, err := s.BodyByName(name)
		if errors.Is(err, data.ErrNotFound) {
			return b, fmt.Errorf("there is no body called “%s” in %s", name, db)
		}
		return b, err
	}
	bodies, err := s.Bodies()
	if err != nil {
		return data.Body{}, err
	}
	switch len(bodies) {
	case 0:
		return data.Body{}, fmt.Errorf("%s holds no body, so it has no actions to export", db)
	case 1:
		return bodies[0], nil
	}
	var names []string
	for _, b := range bodies {
		if b.ShortCode != "" {
			names = append(names, b.ShortCode)
		} else {
			names = append(names, "“"+b.Name+"”")
		}
	}
	return data.Body{}, usageError("%s holds %d bodies; say which with --body (%s or %s)", db, len(bodies),
		strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}
