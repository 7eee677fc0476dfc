// Command minutebook-cli is Minutebook's command line on its own: the same subcommands as
// minutebook (demo, import, export, dump, check, backup, --version), built without the
// window and so without Fyne or a C compiler.
//
// Why it exists: Minutebook.exe is a windowed program, and cmd.exe neither waits for one nor
// reads its exit status, so a script cannot use it. minutebook-cli.exe is a console program:
// cmd.exe and PowerShell wait for it, show what it prints, pipe it and see its exit status.
package main

import (
	"os"

	"github.com/minutebook/minutebook/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
