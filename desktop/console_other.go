//go:build !windows

package desktop

// AttachConsole does nothing here: a program started from a terminal has it already.
func AttachConsole() {}
