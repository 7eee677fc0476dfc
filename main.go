// Minutebook is an offline desktop app for the clerk of a UK scrutiny body: meetings,
// attendance, agenda items, minutes, members' questions, resolutions and actions in one local
// SQLite file, printed as formal PDF minutes and the action log for the next agenda pack.
//
// With no subcommand it opens the desktop app; with one it runs headless (see usage).
package main

import (
	"fmt"
	"os"

	"minutebook/app"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] != "--db" && !isFlag(os.Args[1]) {
		os.Exit(runCommand(os.Args[1], os.Args[2:], os.Stdout, os.Stderr))
	}
	dbPath, code := appFlags(os.Args[1:], os.Stderr)
	if code >= 0 {
		os.Exit(code)
	}
	if err := app.Run(dbPath); err != nil {
		fmt.Fprintln(os.Stderr, "minutebook:", sentence(err))
		os.Exit(1)
	}
}
