package desktop

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// KnownFolders asks the system where the clerk's own folders are: on Windows the Known
// Folders API (SHGetKnownFolderPath), which follows OneDrive's backup of Documents and a
// council's folder redirection; on Linux the XDG user-dirs file.
type KnownFolders interface {
	// Documents is the clerk's Documents folder.
	Documents() (string, error)
}

// DocumentsIn is the Documents folder the system reports, or home's Documents when it
// reports none (the API failed, or the folder is not there), or home itself.
func DocumentsIn(kf KnownFolders, home string) string {
	if kf != nil {
		if d, err := kf.Documents(); err == nil && d != "" && isDir(d) {
			return d
		}
	}
	if d := filepath.Join(home, "Documents"); home != "" && isDir(d) {
		return d
	}
	return home
}

var documents struct {
	once sync.Once
	path string
}

// Documents is the clerk's Documents folder (asked once; the answer does not change while
// Minutebook runs): where exports and the daily backups go unless the clerk chooses.
func Documents() string {
	documents.once.Do(func() {
		home, _ := os.UserHomeDir()
		documents.path = DocumentsIn(systemFolders{}, home)
	})
	return documents.path
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// UserDirsDocuments reads XDG_DOCUMENTS_DIR from the text of a user-dirs.dirs file
// (~/.config/user-dirs.dirs, written by xdg-user-dirs-update in the desktop's language:
// ~/Dokumente, ~/Documents). It is "" when the file does not say.
func UserDirsDocuments(text, home string) string {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		v, ok := strings.CutPrefix(line, "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		switch {
		case v == "$HOME" || v == "$HOME/":
			return home // the spec's way of saying "no such folder"
		case strings.HasPrefix(v, "$HOME/"):
			return filepath.Join(home, v[len("$HOME/"):])
		case strings.HasPrefix(v, "/"):
			return v
		}
	}
	return ""
}

// existingParent is path, or the nearest folder above it that exists.
func existingParent(path string) string {
	p := path
	for {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		up := filepath.Dir(p)
		if up == p {
			return p
		}
		p = up
	}
}
