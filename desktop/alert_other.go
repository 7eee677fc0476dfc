//go:build !windows

package desktop

import (
	"os"
	"os/exec"
	"runtime"
)

// systemMessageBox shows the message with zenity, kdialog or xmessage (alertCommand) and
// waits until the clerk closes it, as Windows' message box does; with none installed, or on
// macOS, the sentence on stderr is the message.
func systemMessageBox(title, text string) {
	if runtime.GOOS == "darwin" {
		return
	}
	argv := alertCommand(title, text, os.Getenv, exec.LookPath)
	if argv == nil {
		return
	}
	// Its own words (GTK's complaints, say) are no use to the clerk; the error is not either:
	// the sentence is already on stderr and Fyne's words in the log.
	_ = exec.Command(argv[0], argv[1:]...).Run()
}
