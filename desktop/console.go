package desktop

// Minutebook.exe is a windowed (GUI-subsystem) program, so Windows gives it no console: run
// from cmd.exe, what a subcommand prints would go nowhere. AttachConsole joins the console of
// the program that started it (cmd.exe, PowerShell) for whichever of stdout and stderr is not
// already going somewhere — a file or pipe given with > or |, which must be kept. cmd.exe
// does not wait for a windowed program, though, so scripts use minutebook-cli.exe, the same
// commands built as a console program (see the README).

// ConsoleNeeded says whether to attach to the parent's console: when stdout or stderr has
// nowhere to go.
func ConsoleNeeded(stdoutUsable, stderrUsable bool) bool {
	return !stdoutUsable || !stderrUsable
}
