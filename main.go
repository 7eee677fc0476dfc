// Minutebook is an offline desktop app for the clerk of a UK scrutiny body: meetings,
// attendance, agenda items, minutes, members' questions, resolutions and actions in one local
// SQLite file, printed as formal PDF minutes and the action log for the next agenda pack.
//
// With no subcommand it opens the desktop app; with one it runs headless (package cli).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/minutebook/minutebook/app"
	"github.com/minutebook/minutebook/cli"
	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/startlog"
)

func main() {
	if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") {
		startlog.Discard() // a subcommand uses no Fyne: drop what Fyne said while starting
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	startlog.Release()
	dbPath, code := appFlags(os.Args[1:], os.Stderr)
	if code >= 0 {
		os.Exit(code)
	}
	if err := app.Run(dbPath); err != nil {
		fmt.Fprintln(os.Stderr, "minutebook:", cli.Sentence(err))
		os.Exit(1)
	}
}

// appFlags reads the app's own flags (--db, and --help for the usage); code is -1 to go
// on, or the exit status.
func appFlags(args []string, stderr io.Writer) (db string, code int) {
	fs := flag.NewFlagSet("minutebook", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&db, "db", data.DefaultDatabase(), "the database file")
	fs.Usage = func() { fmt.Fprint(stderr, cli.Usage()) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", 0
		}
		return "", 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "minutebook: unexpected %q; see minutebook --help\n", fs.Arg(0))
		return "", 2
	}
	return db, -1
}
