package data

import (
	"errors"
	"fmt"
	"os"
)

// ErrInUse means the database is open for writing in another Minutebook (a second window,
// or a command such as import) and cannot be opened for writing here too.
var ErrInUse = errors.New("open in another Minutebook")

// LockPath is the file beside a database that a Minutebook holds locked while it has the
// database open for writing.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// writerLock is the lock on a database's lock file: one writer per file. The operating
// system drops it when the process ends, however it ends, so a crash never leaves the file
// locked.
type writerLock struct {
	f    *os.File
	path string
}

// lockWriter takes the lock of the database at dbPath, or says who has it.
func lockWriter(dbPath string) (*writerLock, error) {
	path := LockPath(dbPath)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot create %s beside the database: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, fmt.Errorf("%s is already open in another Minutebook window or program: %w", dbPath, ErrInUse)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	return &writerLock{f: f, path: path}, nil
}

// release drops the lock. The empty file stays: removing it could let two Minutebooks each
// lock a file of that name (one the removed file, one a new one).
func (l *writerLock) release() {
	if l == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
}

var errLocked = errors.New("locked")
