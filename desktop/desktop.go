// Package desktop is what Minutebook needs from the computer it runs on, beyond files: showing
// a file in the file manager, the Documents folder, whether a folder is on a network drive,
// file errors in the operating system's own codes put in a clerk's words, the console a
// command was typed in, and a message box for when the window cannot open.
//
// Each job is a pure function (tested on Linux, including the Windows ones, since Debian's
// wine cannot start a Go 1.26 program) behind a thin call to the system in a file of its own
// (*_windows.go, *_unix.go). It imports no Fyne.
package desktop
