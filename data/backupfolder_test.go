package data

import (
	"path/filepath"
	"testing"

	"github.com/minutebook/minutebook/desktop"
)

// The daily backups of the database in Minutebook's own (hidden) folder go to Documents;
// those of a database kept elsewhere, beside it.
func TestDailyBackupsGoWhereTheClerkCanFindThem(t *testing.T) {
	own := filepath.Join("/home/clerk/.config", "Minutebook")
	docs := "/home/clerk/Documents"
	cases := []struct{ db, want string }{
		{filepath.Join(own, "minutebook.db"), filepath.Join(docs, "Minutebook backups")},
		{filepath.Join(own, "minutebook-example.db"), filepath.Join(docs, "Minutebook backups")},
		{"/srv/panel/panel.db", "/srv/panel/panel backups"},
		{filepath.Join(own, "minutebook.db"), filepath.Join(own, "minutebook backups")}, // no Documents known
	}
	for i, c := range cases {
		d := docs
		if i == 3 {
			d = ""
		}
		if got := BackupFolderFor(c.db, own, d); got != c.want {
			t.Errorf("%s: %s, want %s", c.db, got, c.want)
		}
	}
	if got, want := BackupFolder(DefaultDatabase()), filepath.Join(desktop.Documents(), "Minutebook backups"); got != want {
		t.Errorf("the default database's backups go to %s, want %s", got, want)
	}
}
