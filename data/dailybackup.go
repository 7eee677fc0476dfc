package data

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/minutebook/minutebook/desktop"
)

// BackupFolder is where daily backups of the database at path are kept, where a clerk can
// find them: for the database in Minutebook's own folder (which is hidden: AppData on
// Windows, ~/.config on Linux) "Minutebook backups" in their Documents folder; for one they
// keep elsewhere, a folder beside it, "panel backups" for panel.db.
func BackupFolder(path string) string {
	return BackupFolderFor(path, filepath.Dir(DefaultDatabase()), desktop.Documents())
}

// BackupFolderFor is BackupFolder with Minutebook's own folder and the Documents folder given.
func BackupFolderFor(path, ownFolder, documents string) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if documents != "" && sameFolder(filepath.Dir(path), ownFolder) {
		return filepath.Join(documents, "Minutebook backups")
	}
	return filepath.Join(filepath.Dir(path), name+" backups")
}

// sameFolder compares two folders as the system would (Windows ignores case).
func sameFolder(a, b string) bool {
	a, b = filepath.Clean(a), filepath.Clean(b)
	if runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// DailyBackup makes today's backup in BackupFolder if there is none yet, and deletes the
// oldest so that only keep remain. It returns the backup's path and whether it made one.
func (s *Store) DailyBackup(today string, keep int) (string, bool, error) {
	if !validDate(today) || today == "" {
		return "", false, fmt.Errorf("daily backup: %q is not a date", today)
	}
	dir := BackupFolder(s.path)
	name := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	path := filepath.Join(dir, name+" "+today+".db")
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, fmt.Errorf("daily backup: cannot make the folder %s: %w", dir, err)
	}
	if err := s.Backup(path); err != nil {
		return "", false, fmt.Errorf("daily backup: %w", err)
	}
	return path, true, pruneBackups(dir, name, keep)
}

// pruneBackups deletes the oldest daily backups beyond keep. Their names end in the date,
// so name order is age order; other files in the folder are left alone.
func pruneBackups(dir, name string, keep int) error {
	matches, err := filepath.Glob(filepath.Join(dir, name+" ????-??-??.db"))
	if err != nil {
		return err
	}
	sort.Strings(matches)
	for len(matches) > keep {
		if err := os.Remove(matches[0]); err != nil {
			return fmt.Errorf("daily backup: cannot remove the old backup %s: %w", matches[0], err)
		}
		matches = matches[1:]
	}
	return nil
}
