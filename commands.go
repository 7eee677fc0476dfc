package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"minutebook/data"
	"minutebook/data/demo"
)

const usage = `Usage:
  minutebook [--db FILE]                      the desktop app
  minutebook demo --db FILE [--size large]    write a realistic example database
  minutebook import --db FILE [--body NAME] [--date YYYY-MM-DD] TEXTFILE...
                                              new meeting(s) from minutes text; prints each id
  minutebook export minutes --db FILE --meeting ID [--public] -o OUT.pdf
  minutebook export actions --db FILE [--body NAME] [--status open|all] [--owner X]
                            [--as-at YYYY-MM-DD] [--public] -o OUT.pdf|OUT.csv
  minutebook dump --db FILE [--meeting ID]    the database (or one meeting) as JSON
  minutebook check --db FILE                  integrity and schema check
  minutebook backup --db FILE -o COPY         a consistent copy of a live database

--db defaults to ` + "%s" + `
`

// exitUsage and exitFailure are the exit statuses for a usage mistake and a failure.
const (
	exitUsage   = 2
	exitFailure = 1
)

// errUsage marks a mistake in how the command was called.
var errUsage = errors.New("usage")

// DefaultDatabase is the file the app and every subcommand open when --db is not given: in
// the user's config folder (~/.config/Minutebook on Linux).
func DefaultDatabase() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "Minutebook", "minutebook.db")
}

func isFlag(s string) bool { return strings.HasPrefix(s, "-") }

// appFlags reads the app's own flags; code is -1 to go on, or the exit status.
func appFlags(args []string, stderr io.Writer) (db string, code int) {
	fs := flag.NewFlagSet("minutebook", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&db, "db", DefaultDatabase(), "the database file")
	fs.Usage = func() { fmt.Fprintf(stderr, usage, DefaultDatabase()) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", 0
		}
		return "", exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "minutebook: unexpected %q; see minutebook --help\n", fs.Arg(0))
		return "", exitUsage
	}
	return db, -1
}

// command is one subcommand: its flags are registered on fs, then run does the work.
type command struct {
	setup func(fs *flag.FlagSet) func(args []string, stdout io.Writer) error
}

var commands = map[string]command{
	"demo":   {setupDemo},
	"dump":   {setupDump},
	"check":  {setupCheck},
	"backup": {setupBackup},
}

// runCommand runs a subcommand and returns the exit status. Errors are one plain sentence
// on stderr.
func runCommand(name string, args []string, stdout, stderr io.Writer) int {
	if name == "help" || name == "-h" || name == "--help" {
		fmt.Fprintf(stdout, usage, DefaultDatabase())
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "minutebook: there is no command %q.\n"+usage, name, DefaultDatabase())
		return exitUsage
	}
	fs := flag.NewFlagSet("minutebook "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	run := cmd.setup(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitUsage
	}
	if err := run(fs.Args(), stdout); err != nil {
		fmt.Fprintln(stderr, "minutebook:", sentence(err))
		if errors.Is(err, errUsage) {
			return exitUsage
		}
		return exitFailure
	}
	return 0
}

// sentence makes an error read as one sentence.
func sentence(err error) string {
	s := strings.TrimSuffix(err.Error(), ": "+errUsage.Error())
	for _, sentinel := range []error{data.ErrNotOurs, data.ErrTooNew, data.ErrTooOld, data.ErrNotFound, data.ErrInvalid} {
		s = strings.TrimSuffix(s, ": "+sentinel.Error())
	}
	if s == "" {
		return "Something went wrong."
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	// Capitalise a leading word, but never a file name ("x.db is not…").
	first, _, _ := strings.Cut(s, " ")
	if !strings.ContainsAny(first, "./\\") && s[0] >= 'a' && s[0] <= 'z' {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func usageError(format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, errUsage)...)
}

func noArgs(args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	return nil
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", DefaultDatabase(), "the database file")
}

func setupDemo(fs *flag.FlagSet) func([]string, io.Writer) error {
	db := dbFlag(fs)
	size := fs.String("size", "small", "small (the example panel) or large (ten years, three bodies, for benchmarks)")
	return func(args []string, stdout io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *size != "small" && *size != "large" {
			return usageError("--size must be small or large, not %q", *size)
		}
		if st, err := os.Stat(*db); err == nil && st.Size() > 0 {
			return fmt.Errorf("%s already exists; the example is written only into a new file", *db)
		}
		if err := os.MkdirAll(filepath.Dir(*db), 0o755); err != nil {
			return err
		}
		s, err := data.Open(*db)
		if err != nil {
			return err
		}
		defer s.Close()
		if *size == "large" {
			err = demo.WriteLarge(s, demo.LargeSize)
		} else {
			err = demo.Write(s)
		}
		if err != nil {
			return fmt.Errorf("write the example: %w", err)
		}
		what := "the example database"
		if *size == "large" {
			what = "the large example database"
		}
		fmt.Fprintf(stdout, "Wrote %s to %s.\n", what, *db)
		return nil
	}
}

func setupDump(fs *flag.FlagSet) func([]string, io.Writer) error {
	db := dbFlag(fs)
	meeting := fs.Int64("meeting", 0, "dump only this meeting (its id)")
	return func(args []string, stdout io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		s, err := openExisting(*db)
		if err != nil {
			return err
		}
		defer s.Close()
		d, err := s.Dump(*meeting)
		if err != nil {
			if errors.Is(err, data.ErrNotFound) {
				return fmt.Errorf("there is no meeting %d in %s", *meeting, *db)
			}
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	}
}

func setupCheck(fs *flag.FlagSet) func([]string, io.Writer) error {
	db := dbFlag(fs)
	return func(args []string, stdout io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		rep, err := data.Check(*db)
		if err != nil {
			return err
		}
		if !rep.OK() {
			return errors.New(rep.String())
		}
		fmt.Fprintln(stdout, rep.String())
		return nil
	}
}

func setupBackup(fs *flag.FlagSet) func([]string, io.Writer) error {
	db := dbFlag(fs)
	out := fs.String("o", "", "the copy to write")
	return func(args []string, stdout io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *out == "" {
			return usageError("say where to write the copy with -o COPY")
		}
		s, err := openExisting(*db)
		if err != nil {
			return err
		}
		defer s.Close()
		if err := s.Backup(*out); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Backed up %s to %s.\n", *db, *out)
		return nil
	}
}

// openExisting opens a database that must already exist, to read it only: dump, exports and
// backups never create, upgrade or otherwise change the file they read.
func openExisting(path string) (*data.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("there is no database at %s", path)
	}
	return data.OpenReadOnly(path)
}
