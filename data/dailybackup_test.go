package data

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDailyBackupKeepsTheLastSeven(t *testing.T) {
	f := newFixture(t, NumberPerMeeting)
	dir := BackupFolder(f.s.Path())
	if filepath.Base(dir) != "test backups" {
		t.Fatalf("BackupFolder = %s", dir)
	}
	for day := 1; day <= 10; day++ {
		today := "2026-11-" + twoDigits(day)
		path, made, err := f.s.DailyBackup(today, 7)
		if err != nil || !made {
			t.Fatalf("day %d: %v %v", day, made, err)
		}
		if rep, err := Check(path); err != nil || !rep.OK() {
			t.Fatalf("day %d backup fails check: %v %v", day, rep, err)
		}
		if _, made, _ := f.s.DailyBackup(today, 7); made {
			t.Fatalf("day %d: a second backup on the same day", day)
		}
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep me"), 0o644)
	f.s.DailyBackup("2026-11-11", 7)
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 8 || names[0] != "notes.txt" || names[1] != "test 2026-11-05.db" || names[7] != "test 2026-11-11.db" {
		t.Fatalf("backups = %v", names)
	}
}

func twoDigits(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }
