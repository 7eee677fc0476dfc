package app

import (
	"errors"
	"log"
	"os"
	"strings"
	"sync"

	"github.com/minutebook/minutebook/desktop"
	"github.com/minutebook/minutebook/logfile"
	"github.com/minutebook/minutebook/version"
)

// What the clerk and whoever supports them need when something goes wrong out of sight: the
// log beside the database, and a message box when the window cannot be drawn at all.

// ErrNoScreen is Run's error when the window could not be drawn; the clerk has been told in
// a message box (on Windows) or one sentence on stderr, so main says nothing more.
var ErrNoScreen = errors.New("the window cannot be drawn on this screen")

// ProjectLicence is the text of Minutebook's LICENSE, for Help → About (package main embeds
// the file and sets it; a package cannot embed a file above its folder).
var ProjectLicence string

// logState is where this run's log is, for Help → About.
var logState struct {
	started bool // startLog has run: the app, not a test or a command
	path    string
	err     error
	watch   *screenWatch
}

// startLog sends the log to the file beside the database at dbPath, watching it for Fyne's
// word that the window cannot be made.
func startLog(dbPath string, watch *screenWatch) {
	logState.started, logState.watch = true, watch
	logState.path, logState.err = logfile.Start(dbPath, "Minutebook started: "+version.String()+", database "+dbPath, watch)
	watch.setLog(logState.path)
}

// stopLog closes the log and forgets it (for tests).
func stopLog() {
	logfile.Stop()
	logState.started, logState.path, logState.err, logState.watch = false, "", nil, nil
}

// followLog moves the log beside the minute book at dbPath, now the clerk's, so that what
// goes wrong is written beside the file it went wrong with and About says the truth. When no
// log can be kept there, it stays where it was, and says so in itself.
func followLog(dbPath string) {
	if !logState.started {
		return
	}
	path, err := logfile.Follow(dbPath, "Minutebook opened "+dbPath)
	if err != nil && path != "" {
		log.Printf("the log stays here: %v", err)
		logState.path, logState.err = path, nil
	} else {
		logState.path, logState.err = path, err
	}
	logState.watch.setLog(path)
}

// screenWatch reads what Fyne logs for the sign that no window can be made: Fyne's GLFW
// driver logs "window creation error" (after "failed to initialise GLFW" when GLFW could not
// start at all) with the cause and where, then quits or exits, which without this would be a
// silent exit, since a windowed program on Windows has nowhere to print; its painter logs
// "failed to initialise OpenGL" when the driver's OpenGL lacks functions Fyne needs, and
// then crashes or draws nothing.
type screenWatch struct {
	mu     sync.Mutex
	log    string
	armed  bool // a window creation error is being logged
	broken bool // GLFW itself failed
	// glPrefix says the cause is OpenGL's (a function's name), when it is.
	glPrefix string
	cause    string
	told     bool
	// tell shows the message; desktop.NoScreen.Tell unless a test says otherwise.
	tell func(desktop.NoScreen)
	// after runs once the clerk has been told: Run sets it to close the minute book and
	// exit, since Fyne, having failed to make its first window, never returns from Run.
	after func()
}

// The words Fyne 2.7's driver logs (internal/driver/glfw: window_desktop.go, loop_desktop.go)
// and its painter when the window and its context were made but OpenGL's functions could
// not be loaded (internal/painter/gl/gl_core.go), after which it draws with none.
const (
	fyneWindowError = "Fyne error:  window creation error"
	fyneGLFWError   = "Fyne error:  failed to initialise GLFW"
	fyneGLError     = "Fyne error:  failed to initialise OpenGL"
)

func (w *screenWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, line := range strings.Split(string(p), "\n") {
		switch {
		case strings.Contains(line, fyneWindowError):
			w.armed = true
		case strings.Contains(line, fyneGLFWError):
			w.broken = true
		case strings.Contains(line, fyneGLError):
			// go-gl's cause is only the name of the function it could not find.
			w.armed, w.glPrefix = true, "failed to initialise OpenGL: "
		case (w.armed || w.broken) && w.cause == "" && strings.Contains(line, "  Cause: "):
			_, w.cause, _ = strings.Cut(line, "  Cause: ")
		case w.armed && !w.told && strings.Contains(line, "  At: "):
			// The last line of the report: tell the clerk now, before Fyne exits.
			w.told = true
			n := desktop.NoScreen{Cause: w.glPrefix + strings.TrimSpace(w.cause), Log: w.log}
			if w.tell != nil {
				w.tell(n)
			} else {
				n.Tell(os.Stderr)
			}
			if w.after != nil {
				// In a goroutine of its own: this Write runs inside the logger's lock, and
				// after may log while it closes the minute book.
				go w.after()
			}
		}
	}
	return len(p), nil
}

// failed reports whether the window could not be made.
func (w *screenWatch) failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.told
}

// setLog says where the log is, for the message.
func (w *screenWatch) setLog(path string) {
	w.mu.Lock()
	w.log = path
	w.mu.Unlock()
}

// setAfter says what to do once the clerk has been told.
func (w *screenWatch) setAfter(f func()) {
	w.mu.Lock()
	w.after = f
	w.mu.Unlock()
}
