// Package logfile keeps the app's log beside the database: what went wrong that the clerk
// did not see on screen (a daily backup that failed in the background, a helper program that
// would not start, Fyne's own complaints, a crash's stack), for whoever supports them. A
// windowed program on Windows has no console, so without it these words would go nowhere.
package logfile

import (
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// MaxSize is how large the log may grow before it is started afresh at the next start; the
// one before is kept as minutebook.log.old.
const MaxSize = 1 << 20

// For is the log's path for the database at dbPath: minutebook.log beside minutebook.db.
func For(dbPath string) string {
	name := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	return filepath.Join(filepath.Dir(dbPath), name+".log")
}

// current is the log the standard logger writes to, and the writers it writes to as well.
var current struct {
	sync.Mutex
	f    *os.File
	path string
	also []io.Writer
}

// Start sends the standard logger (which fyne.LogError uses) to the log beside dbPath as well
// as to stderr and to each of also, with the date and time on each line, and a crash's
// report to the log too; first, if any, is the log's first line for this run. It returns the
// log's path; when the log cannot be opened it says why, and the logger still writes to
// stderr and also.
func Start(dbPath, first string, also ...io.Writer) (string, error) {
	current.Lock()
	defer current.Unlock()
	log.SetFlags(log.LstdFlags)
	current.also = also
	path := For(dbPath)
	f, err := open(path)
	if err != nil {
		use(nil, "")
		return "", fmt.Errorf("cannot keep a log in %s: %w", filepath.Dir(path), err)
	}
	use(f, path)
	if first != "" { // to the log only: the terminal knows what it started
		fmt.Fprintf(f, "%s %s\n", Stamp(time.Now()), first)
	}
	return path, nil
}

// Follow moves the log beside the database at dbPath, now the one open, writing first there;
// the writers Start was given go on being written to. When no log can be kept there it says
// why and the log stays where it was; the path returned is the log's, either way ("" when
// there is none).
func Follow(dbPath, first string) (string, error) {
	current.Lock()
	defer current.Unlock()
	path := For(dbPath)
	if path == current.path {
		return path, nil
	}
	f, err := open(path)
	if err != nil {
		return current.path, fmt.Errorf("cannot keep a log in %s: %w", filepath.Dir(path), err)
	}
	if current.path != "" {
		fmt.Fprintf(current.f, "%s the log goes on in %s\n", Stamp(time.Now()), path)
	}
	use(f, path)
	if first != "" {
		fmt.Fprintf(f, "%s %s\n", Stamp(time.Now()), first)
	}
	return path, nil
}

// Stop closes the log and sends the standard logger to stderr alone, as before Start (for
// tests, which start and follow logs in folders that go away).
func Stop() {
	current.Lock()
	defer current.Unlock()
	log.SetOutput(os.Stderr)
	if current.f != nil {
		current.f.Close()
	}
	current.f, current.path, current.also = nil, "", nil
}

// use makes f (nil for none) the log at path, closing the one before.
func use(f *os.File, path string) {
	writers := []io.Writer{}
	if f != nil {
		writers = append(writers, f)
		// Go writes a crash's report to stderr, which a windowed program on Windows does not
		// have; SetCrashOutput writes it to the log as well. It keeps its own copy of the
		// file's descriptor, so the one before may be closed.
		debug.SetCrashOutput(f, debug.CrashOptions{})
	}
	writers = append(writers, forgiving{os.Stderr})
	for _, w := range current.also {
		writers = append(writers, forgiving{w})
	}
	// SetOutput waits for a line being written, so no one writes to the old file after it.
	log.SetOutput(io.MultiWriter(writers...))
	if current.f != nil {
		current.f.Close()
	}
	current.f, current.path = f, path
}

// open opens the log to add to it, starting afresh (and keeping the old one) when it has
// grown past MaxSize.
func open(path string) (*os.File, error) {
	if st, err := os.Stat(path); err == nil && st.Size() > MaxSize {
		if err := os.Rename(path, path+".old"); err != nil {
			return nil, err
		}
	}
	return os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
}

// forgiving writes to w and reports success whatever happens: stderr that goes nowhere (a
// windowed program) must not stop the line reaching the log, which io.MultiWriter would.
type forgiving struct{ w io.Writer }

func (f forgiving) Write(p []byte) (int, error) {
	f.w.Write(p)
	return len(p), nil
}

// Stamp is the time on a log line, for tests that read it back.
func Stamp(t time.Time) string { return t.Format("2006/01/02 15:04:05") }
