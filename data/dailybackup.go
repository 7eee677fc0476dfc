package data

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// BackupFolder is where daily backups of the database at path are kept: a folder beside it,
// "minutebook backups" for minutebook.db.
func BackupFolder(path string) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(filepath.Dir(path), name+" backups")
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
