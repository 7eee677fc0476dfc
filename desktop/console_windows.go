package desktop

import (
	"os"

	"golang.org/x/sys/windows"
)

var attachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uintptr(0)

// AttachConsole sends stdout and stderr, where they have nowhere to go, to the console of
// the program that started this one; it does nothing when that was Explorer (no console).
func AttachConsole() {
	out := usable(windows.STD_OUTPUT_HANDLE)
	errs := usable(windows.STD_ERROR_HANDLE)
	if !ConsoleNeeded(out, errs) {
		return
	}
	if r, _, _ := attachConsole.Call(attachParentProcess); r == 0 {
		return
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !out {
		os.Stdout = con
		windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, windows.Handle(con.Fd()))
	}
	if !errs {
		os.Stderr = con
		windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(con.Fd()))
	}
}

// usable reports whether a standard handle leads somewhere (a console, file or pipe).
func usable(which uint32) bool {
	h, err := windows.GetStdHandle(which)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}
