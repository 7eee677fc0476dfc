//go:build !windows

package desktop

import (
	"errors"
	"os"
	"path/filepath"
)

// systemFolders reads the XDG user-dirs file.
type systemFolders struct{}

// Documents is XDG_DOCUMENTS_DIR from $XDG_CONFIG_HOME/user-dirs.dirs.
func (systemFolders) Documents() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" {
		config = filepath.Join(home, ".config")
	}
	text, err := os.ReadFile(filepath.Join(config, "user-dirs.dirs"))
	if err != nil {
		return "", err
	}
	if d := UserDirsDocuments(string(text), home); d != "" {
		return d, nil
	}
	return "", errors.New("user-dirs.dirs names no Documents folder")
}
