package main

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

func init() { exportKinds["actions"] = command{setupExportActions} }

// setupExportActions is `minutebook export actions --db FILE [--body NAME] [--status open|all]
// [--owner X] [--as-at YYYY-MM-DD] [--from DATE] [--to DATE] [--public] -o OUT.pdf|OUT.csv`:
// the action log for an agenda pack, as a PDF or as CSV for a spreadsheet, chosen by the
// output file's extension.
func setupExportActions(fset *flag.FlagSet) func([]string, io.Writer) error {
	db := dbFlag(fset)
	body := fset.String("body", "", "the body, by name or short code (needed only when the database holds more than one)")
	status := fset.String("status", data.LogOpen, "open: actions still to do and those completed since the last meeting; all: every action (also overdue, in_progress, done, dropped)")
	owner := fset.String("owner", "", "only the actions of this owner")
	asAt := fset.String("as-at", "", "the date the log is as at, YYYY-MM-DD (default today)")
	from := fset.String("from", "", "only actions raised at meetings on or after this date")
	to := fset.String("to", "", "only actions raised at meetings on or before this date")
	public := fset.Bool("public", false, "the public edition: leaves out the actions of exempt items")
	out := fset.String("o", "", "the file to write: OUT.pdf, or OUT.csv for a spreadsheet")
	return func(args []string, stdout io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *out == "" {
			return usageError("say where to write the action log with -o OUT.pdf or -o OUT.csv")
		}
		write, err := export.ActionLogWriterFor(*out)
		if err != nil {
			return usageError("cannot write %s: an action log is written as a .pdf or a .csv file", *out)
		}
		q := data.ActionLogQuery{Status: strings.ToLower(*status), Owner: *owner, Public: *public}
		if !slices.Contains(data.LogStatuses, q.Status) {
			return usageError("--status must be open or all (or overdue, in_progress, done, dropped), not “%s”", *status)
		}
		for _, d := range []struct {
			flag       string
			in         string
			date       *string
			defaultVal string
		}{{"--as-at", *asAt, &q.AsAt, data.Today()}, {"--from", *from, &q.FromMeeting, ""}, {"--to", *to, &q.ToMeeting, ""}} {
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
		if err := checkOutput(*out); err != nil {
			return err
		}
		s, err := openExisting(*db)
		if err != nil {
			return err
		}
		defer s.Close()
		b, err := actionLogBody(s, *db, *body)
		if err != nil {
			return err
		}
		q.BodyID = b.ID
		log, err := s.ActionLog(q)
		if err != nil {
			return err
		}
		opts := export.ActionLogOptions{Public: *public}
		if err := writeOutput(*out, func(w io.Writer) error { return write(w, log, opts) }); err != nil {
			return err
		}
		edition := "action log"
		if *public {
			edition = "public action log"
		}
		fmt.Fprintf(stdout, "Wrote the %s of the %s as at %s (%d %s) to %s.\n", edition, b.Name,
			data.LongDate(q.AsAt), len(log.Rows), plural(len(log.Rows), "action", "actions"), *out)
		return nil
	}
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
