//go:build !windows

package desktop

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Reveal shows path in the file manager: on macOS selected in its folder, elsewhere by
// opening its folder (xdg-open has no way to select a file).
func Reveal(path string) error {
	if runtime.GOOS == "darwin" {
		return startDetached(exec.Command("open", "-R", path))
	}
	dir := path
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		dir = filepath.Dir(path)
	}
	return startDetached(exec.Command("xdg-open", dir))
}
