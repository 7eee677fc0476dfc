package app

import (
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/desktop"
	"github.com/minutebook/minutebook/logfile"
	"github.com/minutebook/minutebook/version"
)

// buttonIn finds the button with the given words under o.
func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := buttonIn(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// onNetwork makes placeOf report every file under dir as on a network share.
func onNetwork(t *testing.T, dir string) {
	was := placeOf
	placeOf = func(p string) desktop.Place {
		if strings.HasPrefix(p, dir) {
			return desktop.Place{Remote: true, Where: `the network drive H:`}
		}
		return desktop.Place{}
	}
	t.Cleanup(func() { placeOf = was })
}

func TestAMinuteBookOnANetworkDriveIsMovedToThisComputer(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // Minutebook's own folder, on "this computer"
	network := t.TempDir()
	onNetwork(t, network)
	path := filepath.Join(network, "minutebook.db")
	h := newHarnessAt(t, path, panel)
	bodyName := h.u.nav.body.Name
	band := strings.Join(texts(h.u.banner), " ")
	if !strings.Contains(band, "This minute book is on the network drive H:") || !strings.Contains(band, "Back up now") {
		t.Fatalf("band: %q", band)
	}
	move := buttonIn(h.u.banner, moveLabel)
	if move == nil {
		t.Fatal("no move button")
	}
	test.Tap(move)
	h.sync()
	local := filepath.Join(filepath.Dir(data.DefaultDatabase()), "minutebook.db")
	if !sameFile(h.u.store.Path(), local) {
		t.Fatalf("open after the move: %s, want %s", h.u.store.Path(), local)
	}
	if h.u.nav.body.Name != bodyName {
		t.Errorf("the moved minute book lost its body: %+v", h.u.nav.body)
	}
	if rep, err := data.Check(local); err != nil || !rep.OK() {
		t.Errorf("the moved file: %v %v", rep, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the network copy is still called minutebook.db: %v", err)
	}
	old := filepath.Join(network, "minutebook (moved to this computer).db")
	if rep, err := data.Check(old); err != nil || !rep.OK() {
		t.Errorf("the old file was not kept, renamed: %v %v", rep, err)
	}
	if band := strings.Join(texts(h.u.banner), " "); strings.Contains(band, "network") {
		t.Errorf("the band stayed after the move: %q", band)
	}
	if said := h.overlayText(); !strings.Contains(said, "Your minute book is now "+local) {
		t.Errorf("the clerk was told %q", said)
	}
}

func TestNoMoveIsOfferedWhenThisComputersFolderIsOnTheNetworkToo(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	onNetwork(t, "/") // every folder, the home too (a Linux home on NFS)
	h := newHarnessAt(t, filepath.Join(t.TempDir(), "minutebook.db"), panel)
	if buttonIn(h.u.banner, moveLabel) != nil {
		t.Error("a move to another network folder was offered")
	}
	if band := strings.Join(texts(h.u.banner), " "); !strings.Contains(band, "Ask IT for a folder on this computer") {
		t.Errorf("band: %q", band)
	}
}

func TestALocalMinuteBookHasNoBand(t *testing.T) {
	h := newHarness(t, panel)
	if band := strings.Join(texts(h.u.banner), " "); strings.Contains(band, "network") {
		t.Errorf("band on a local file: %q", band)
	}
}

func TestAboutSaysVersionLicencesAndWhereTheFilesAre(t *testing.T) {
	h := newHarness(t, panel)
	logState.path, logState.err = filepath.Join(filepath.Dir(h.path), "minutebook.log"), nil
	t.Cleanup(func() { logState.path, logState.err = "", nil })
	said := strings.Join(texts(h.u.aboutContent()), "\n")
	for _, want := range []string{"Minutebook " + version.Number, version.String(), "MIT licence", "Go fonts",
		h.path, data.BackupFolder(h.path), logState.path, "Licences…", "Copy for IT"} {
		if !strings.Contains(said, want) {
			t.Errorf("About lacks %q:\n%s", want, said)
		}
	}
	test.Tap(buttonIn(h.u.aboutContent(), "Copy for IT"))
	if c := h.u.app.Clipboard().Content(); !strings.Contains(c, h.path) || !strings.Contains(c, version.String()) {
		t.Errorf("clipboard: %q", c)
	}
	ProjectLicence = "MIT License\n\nCopyright (c) 2026 the Minutebook authors"
	t.Cleanup(func() { ProjectLicence = "" })
	lic := strings.Join(texts(licencesContent()), "\n")
	if !strings.Contains(lic, "MIT License") || !strings.Contains(lic, "Bigelow & Holmes") {
		t.Errorf("licences: %s", lic)
	}
}

// The log is beside the minute book on show: after File → Open of another, what goes wrong
// is written beside that one, and Help → About says so; the example, beside the clerk's own,
// keeps the clerk's log.
func TestTheLogFollowsTheMinuteBookOpened(t *testing.T) {
	h := newHarness(t, panel)
	startLog(h.path, &screenWatch{})
	t.Cleanup(stopLog)
	first := logfile.For(h.path)
	if aboutLog() != first {
		t.Fatalf("log at the start: %s, want %s", aboutLog(), first)
	}
	other := filepath.Join(t.TempDir(), "Scrutiny panel.db")
	h.u.openFile(other)
	h.sync()
	if h.u.store.Path() != other {
		t.Fatalf("open: %s", h.u.store.Path())
	}
	second := logfile.For(other)
	if aboutLog() != second {
		t.Errorf("About says the log is %s, want %s", aboutLog(), second)
	}
	if said := strings.Join(texts(h.u.aboutContent()), "\n"); !strings.Contains(said, second) || strings.Contains(said, first) {
		t.Errorf("About:\n%s", said)
	}
	fyne.LogError("daily backup", errors.New("no space left on device"))
	if text, _ := os.ReadFile(second); !strings.Contains(string(text), "no space left on device") || !strings.Contains(string(text), other) {
		t.Errorf("the new log:\n%s", text)
	}
	if text, _ := os.ReadFile(first); strings.Contains(string(text), "no space left on device") {
		t.Errorf("the error went beside the first minute book:\n%s", text)
	}
	h.u.onExploreExample()
	h.sync()
	if !h.u.isExample() || aboutLog() != second {
		t.Errorf("with the example open (%v) the log is %s, want %s", h.u.isExample(), aboutLog(), second)
	}
}

// The watch reads what Fyne's own LogError writes, so the words are Fyne's, not a copy.
func TestAWindowThatCannotBeMadeIsTold(t *testing.T) {
	var told []desktop.NoScreen
	w := &screenWatch{log: "/home/clerk/.config/Minutebook/minutebook.log", tell: func(n desktop.NoScreen) { told = append(told, n) }}
	log.SetOutput(w)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	fyne.LogError("Error parsing user locale C", errors.New("language: tag is not well-formed"))
	if w.failed() {
		t.Fatal("a locale complaint was taken for a missing screen")
	}
	fyne.LogError("failed to initialise GLFW", errors.New("VersionUnavailable: WGL: OpenGL ES requested but WGL_ARB_create_context_es2_profile is unavailable"))
	fyne.LogError("window creation error", errors.New("The GLFW library is not initialized"))
	if !w.failed() || len(told) != 1 {
		t.Fatalf("told %d times, failed %v", len(told), w.failed())
	}
	if !strings.HasPrefix(told[0].Cause, "VersionUnavailable: WGL") || told[0].Log != w.log {
		t.Errorf("told %+v", told[0])
	}
	fyne.LogError("window creation error", errors.New("again"))
	if len(told) != 1 {
		t.Errorf("told twice")
	}
}

// Fyne 2.7.1's painter logs "failed to initialise OpenGL" when a window and a context were
// made but OpenGL's functions could not be loaded (painter/gl/gl_core.go), and goes on to
// draw with none: the clerk is told then, as when no window can be made.
func TestOpenGLThatCannotStartIsTold(t *testing.T) {
	var told []desktop.NoScreen
	w := &screenWatch{log: "/home/clerk/.config/Minutebook/minutebook.log", tell: func(n desktop.NoScreen) { told = append(told, n) }}
	log.SetOutput(w)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	fyne.LogError("failed to initialise OpenGL", errors.New("glBlendEquationSeparate"))
	if !w.failed() || len(told) != 1 {
		t.Fatalf("told %d times, failed %v", len(told), w.failed())
	}
	if told[0].Cause != "failed to initialise OpenGL: glBlendEquationSeparate" || told[0].Log != w.log {
		t.Errorf("told %+v", told[0])
	}
}

// What runs once the clerk is told (closing the minute book) may log: it must not wait on
// the logger, whose lock is held while the watch reads the report.
func TestAfterTheNoScreenMessageMayLog(t *testing.T) {
	w := &screenWatch{tell: func(desktop.NoScreen) {}}
	log.SetOutput(w)
	stuck := false
	t.Cleanup(func() {
		if !stuck { // a stuck logger would hold SetOutput too
			log.SetOutput(os.Stderr)
		}
	})
	closed := make(chan struct{})
	w.setAfter(func() {
		fyne.LogError("could not save while closing", errors.New("no window"))
		close(closed)
	})
	go fyne.LogError("window creation error", errors.New("The GLFW library is not initialized"))
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		stuck = true
		t.Fatal("closing the minute book after the message waited on the logger for 5 s")
	}
}
