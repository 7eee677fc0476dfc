package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoOpenGLIsSaidNotASilentExit runs the real app on an X server without GLX, as a remote
// desktop without graphics acceleration is: the window cannot be made, and the clerk must be
// told so (in one sentence on stderr, and in a message box: Windows' own, zenity's here),
// not see the program vanish. The log beside the database keeps Fyne's own words for IT.
func TestNoOpenGLIsSaidNotASilentExit(t *testing.T) {
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Fatal("Xvfb is needed for this test (apt-get install xvfb)")
	}
	display := ""
	var server *exec.Cmd
	for n := 150 + os.Getpid()%50; n < 260 && display == ""; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		server = exec.Command(xvfb, fmt.Sprintf(":%d", n), "-extension", "GLX", "-nolisten", "tcp")
		if err := server.Start(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 50; i++ {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				display = fmt.Sprintf(":%d", n)
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if display == "" {
			server.Process.Kill()
			server.Wait()
		}
	}
	if display == "" {
		t.Fatal("could not start Xvfb")
	}
	t.Cleanup(func() { server.Process.Kill(); server.Wait() })

	// The message box: a zenity, alone on the PATH, that writes down what it was asked to
	// show (a real one would wait for a click).
	bin := t.TempDir()
	shown := filepath.Join(bin, "shown")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + shown + "\n"
	if err := os.WriteFile(filepath.Join(bin, "zenity"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "minutebook.db")
	start := time.Now()
	r := runIn(t, []string{"LANG=en_GB.UTF-8", "DISPLAY=" + display, "PATH=" + bin}, "--db", db)
	if r.code != 1 {
		t.Fatalf("exit %d after %v, stderr %q", r.code, time.Since(start), r.stderr)
	}
	last := strings.TrimSpace(r.stderr)
	if i := strings.LastIndex(last, "\n"); i >= 0 {
		last = last[i+1:]
	}
	if !strings.HasPrefix(last, "minutebook: the window cannot be drawn because this display offers no OpenGL graphics (") ||
		!strings.HasSuffix(last, "which need no window.") {
		t.Errorf("the last line of stderr is not the sentence: %q", r.stderr)
	}
	box, err := os.ReadFile(shown)
	if err != nil || !strings.Contains(string(box), "--error\n--title=Minutebook cannot open its window\n") ||
		!strings.Contains(string(box), "Your minute book is safe") || !strings.Contains(string(box), "minutebook.log") {
		t.Errorf("the message box: %v\n%s", err, box)
	}
	logText, err := os.ReadFile(filepath.Join(filepath.Dir(db), "minutebook.log"))
	if err != nil || !strings.Contains(string(logText), "window creation error") || !strings.Contains(string(logText), "Minutebook started: Minutebook ") {
		t.Errorf("the log: %v\n%s", err, logText)
	}
}

// TestVersion: --version says the version, licences, database and log, on stdout, and
// nothing of Fyne's start-up words even where Fyne cannot read the locale.
func TestVersion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "panel.db")
	for _, args := range [][]string{{"--version"}, {"--db", db, "--version"}, {"version", "--db", db}} {
		r := runIn(t, []string{"LANG=C.UTF-8"}, args...)
		if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "Minutebook ") || !strings.Contains(r.stdout, "MIT licence") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
		if len(args) > 1 && (!strings.Contains(r.stdout, "Database: "+db+"\n") || !strings.Contains(r.stdout, filepath.Join(filepath.Dir(db), "panel.log"))) {
			t.Errorf("%v: the database and log are not named: %q", args, r.stdout)
		}
	}
}
