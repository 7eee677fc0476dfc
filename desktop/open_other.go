//go:build !windows

package desktop

import (
	"os/exec"
	"runtime"
)

// Open opens path with the program the desktop uses for its kind (open on macOS, xdg-open
// elsewhere).
func Open(path string) error {
	if runtime.GOOS == "darwin" {
		return startDetached(exec.Command("open", path))
	}
	return startDetached(exec.Command("xdg-open", path))
}
