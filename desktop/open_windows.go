package desktop

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// Open opens path with the program Windows uses for its kind (Acrobat or Edge for a PDF,
// Word for a .docx), through ShellExecuteW, which takes the path as it is: the old way,
// rundll32 url.dll,FileProtocolHandler, reads its own command line, and os/exec's quoting
// of a path with spaces is not what it expects.
func Open(path string) error {
	path = strings.ReplaceAll(path, "/", `\`)
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	dir, err := windows.UTF16PtrFromString(filepath.Dir(path))
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, dir, windows.SW_SHOWNORMAL)
}
