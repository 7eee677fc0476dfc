package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"minutebook/data"
	"minutebook/export"
)

func exportActionsFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.StringVar(&o.body, "body", "", "the body, by name or short code (needed only when the database holds more than one)")
	fs.StringVar(&o.status, "status", data.LogOpen, "open: actions still to do and those completed since the last meeting; all: every action (also overdue, in_progress, done, dropped)")
	fs.StringVar(&o.owner, "owner", "", "only the actions of this owner")
	fs.StringVar(&o.asAt, "as-at", "", "the date the log is as at, YYYY-MM-DD (default today)")
	fs.StringVar(&o.from, "from", "", "only actions raised at meetings on or after this date")
	fs.StringVar(&o.to, "to", "", "only actions raised at meetings on or before this date")
	fs.BoolVar(&o.public, "public", false, "the public edition: leaves out the actions of exempt items")
	fs.StringVar(&o.out, "o", "", "the file to write: OUT.pdf, or OUT.csv for a spreadsheet")
}

// actionLogFile is what an action log may be written as.
var actionLogFile = data.FileKind{Name: "an action log", Exts: []string{".pdf", ".csv"}}

// runExportActions is `minutebook export actions --db FILE [--body NAME] [--status open|all]
// [--owner X] [--as-at YYYY-MM-DD] [--from DATE] [--to DATE] [--public] -o OUT.pdf|OUT.csv`:
// the action log for an agenda pack, as a PDF or as CSV for a spreadsheet, chosen by the
// output file's extension.
func runExportActions(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.out == "" {
		return usageError("say where to write the action log with -o OUT.pdf or -o OUT.csv")
	}
	if err := checkOutput(c.out, actionLogFile, c.db); err != nil {
		return err
	}
	write, err := export.ActionLogWriterFor(c.out)
	if err != nil {
		return usageError("cannot write %s: an action log is written as a .pdf or a .csv file", c.out)
	}
	q := data.ActionLogQuery{Status: strings.ToLower(c.status), Owner: c.owner, Public: c.public}
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
	opts := export.ActionLogOptions{Public: c.public}
	if err := writeOutput(c.out, func(w io.Writer) error { return write(w, log, opts) }); err != nil {
		return err
	}
	edition := "action log"
	if c.public {
		edition = "public action log"
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
