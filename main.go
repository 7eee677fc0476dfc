// Minutebook is an offline desktop app for the clerk of a UK scrutiny body: meetings,
// attendance, agenda items, minutes, members' questions, resolutions and actions in one local
// SQLite file, printed as formal PDF minutes and the action log for the next agenda pack.
//
// With no subcommand it opens the desktop app; with one it runs headless (package cli).
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/minutebook/minutebook/app"
	"github.com/minutebook/minutebook/cli"
	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/desktop"
	"github.com/minutebook/minutebook/startlog"
)

// licence is the project's LICENSE, shown in Help → About.
//
//go:embed LICENSE
var licence string

func main() {
	app.ProjectLicence = licence
	if len(os.Args) > 1 && forTheConsole(os.Args[1:]) {
		// On Windows Minutebook.exe is a windowed program: join the console it was typed in,
		// so that what a command says reaches cmd.exe (package desktop says more).
		desktop.AttachConsole()
		startlog.Discard() // words only, no Fyne: drop what Fyne said while starting
	}
	if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	startlog.Release()
	dbPath, code := appFlags(os.Args[1:], os.Stdout, os.Stderr)
	if code >= 0 {
		os.Exit(code)
	}
	if err := app.Run(dbPath); err != nil {
		if !errors.Is(err, app.ErrNoScreen) { // the clerk was told in a message box already
			fmt.Fprintln(os.Stderr, "minutebook:", cli.Sentence(err))
		}
		os.Exit(1)
	}
}

// forTheConsole reports whether the arguments ask for words rather than the window: a
// subcommand, --version or --help.
func forTheConsole(args []string) bool {
	if !strings.HasPrefix(args[0], "-") {
		return true
	}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "version", "help", "h":
			return true
		}
	}
	return false
}

// appFlags reads the app's own flags (--db, --version for the version and --help for the
// usage); code is -1 to go on, or the exit status.
func appFlags(args []string, stdout, stderr io.Writer) (db string, code int) {
	fs := flag.NewFlagSet("minutebook", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&db, "db", data.DefaultDatabase(), "the database file")
	showVersion := fs.Bool("version", false, "say the version, the licences and where the database and log are")
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
	if *showVersion {
		fmt.Fprint(stdout, cli.VersionText(db))
		return "", 0
	}
	return db, -1
}
