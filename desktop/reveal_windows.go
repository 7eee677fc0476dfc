package desktop

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// Reveal shows path in Explorer, selected in its folder.
func Reveal(path string) error {
	explorer := filepath.Join(os.Getenv("SystemRoot"), "explorer.exe")
	if os.Getenv("SystemRoot") == "" {
		explorer = "explorer.exe"
	}
	line, err := ExplorerCommandLine(explorer, path)
	if err != nil {
		return err
	}
	cmd := exec.Command(explorer)
	// CmdLine is passed to CreateProcess as it is, instead of os/exec's quoting of each
	// argument, which Explorer cannot read (see ExplorerCommandLine).
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: line}
	return startDetached(cmd)
}
