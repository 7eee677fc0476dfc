package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/data"
)

// The tests here run the real binary, for what only a separate process shows: what the
// program prints before main runs, the app's start without a display, and a backup while
// another process writes. Package cli tests every command in-process.

// binary is the minutebook command built once for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "minutebook-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "minutebook")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building minutebook:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the command did.
type result struct {
	stdout, stderr string
	code           int
}

// runIn runs the built command with args and exactly the environment env (with PATH), and
// returns its output and exit status.
func runIn(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	// env comes last, so that it may say another PATH (the last of a name is the one used).
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir()}, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run minutebook %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// runMinutebook runs the built command with a UK locale.
func runMinutebook(t *testing.T, args ...string) result {
	t.Helper()
	return runIn(t, []string{"LANG=en_GB.UTF-8"}, args...)
}

// oneSentence fails unless stderr is one line reading as a plain sentence.
func oneSentence(t *testing.T, stderr string) {
	t.Helper()
	s := strings.TrimSpace(stderr)
	if s == "" || strings.Count(s, "\n") > 0 || !strings.HasSuffix(s, ".") {
		t.Errorf("stderr is not one sentence: %q", stderr)
	}
}

// fyneLocales are LANG=C, which Fyne reads as no locale at all, and locales its lang
// package cannot parse, so that it logs from its init: "C" from C.UTF-8 and C.utf8, and an
// unknown language.
var fyneLocales = []string{"C", "C.UTF-8", "C.utf8", "xx_YY.UTF-8"}

// TestHeadlessCommandsSayNothingOfFyne runs demo, check and dump under locales Fyne
// complains of, with LC_ALL and LC_MESSAGES unset (so that LANG decides): stderr must be
// empty, as a script expects.
func TestHeadlessCommandsSayNothingOfFyne(t *testing.T) {
	for _, lang := range fyneLocales {
		t.Run(lang, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "x.db")
			env := []string{"LANG=" + lang}
			for _, args := range [][]string{{"demo", "--db", db}, {"check", "--db", db}, {"dump", "--db", db}} {
				r := runIn(t, env, args...)
				if r.code != 0 || r.stderr != "" {
					t.Errorf("LANG=%s minutebook %s: exit %d, stderr %q; want 0 and nothing", lang, args[0], r.code, r.stderr)
				}
				if r.stdout == "" {
					t.Errorf("LANG=%s minutebook %s printed nothing", lang, args[0])
				}
			}
		})
	}
}

// TestAppStillSaysWhatFyneSaid: the app, unlike a subcommand, prints Fyne's start-up
// warnings as it always did, then its own sentence.
func TestAppStillSaysWhatFyneSaid(t *testing.T) {
	r := runIn(t, []string{"LANG=C.UTF-8"}, "--db", filepath.Join(t.TempDir(), "none.db"))
	if r.code != 1 || !strings.Contains(r.stderr, "Fyne error:  Error parsing user locale C") || !strings.HasSuffix(r.stderr, "see minutebook help).\n") {
		t.Errorf("the app without a display under LANG=C.UTF-8: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestAppFlags(t *testing.T) {
	r := runMinutebook(t, "--help")
	if r.code != 0 || !strings.HasPrefix(r.stderr, "Usage:\n  minutebook [--db FILE]") || !strings.Contains(r.stderr, "--db defaults to ") {
		t.Errorf("--help: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runMinutebook(t, "help")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Usage:\n") || r.stderr != "" {
		t.Errorf("help: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{{"--colour"}, {"--db", "x.db", "extra"}} {
		if r := runMinutebook(t, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and why", args, r.code, r.stderr)
		}
	}
	if r := runMinutebook(t, "frobnicate"); r.code != 2 || !strings.HasPrefix(r.stderr, "minutebook: there is no command \"frobnicate\".\nUsage:") {
		t.Errorf("frobnicate: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestNoDisplaySaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	cmd := exec.Command(binary, "--db", path)
	cmd.Env = []string{"LANG=en_GB.UTF-8", "HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 || !strings.Contains(errb.String(), "no display") {
		t.Fatalf("without a display: %v, %q", err, errb.String())
	}
	oneSentence(t, errb.String())
	if _, err := os.Stat(path); err == nil {
		t.Errorf("the database was created with no window to show it")
	}
}

func TestBackupWhileAnotherProcessWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "example.db")
	if r := runMinutebook(t, "demo", "--db", path); r.code != 0 {
		t.Fatalf("demo: exit %d: %s", r.code, r.stderr)
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, _ := s.Meetings(0)
	draft := ms[0] // the newest meeting is a draft
	stop := make(chan struct{})
	done := make(chan error)
	go func() {
		var err error
		for i := 0; err == nil; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			it := data.Item{MeetingID: draft.ID, Title: fmt.Sprintf("Late item %d", i), Minutes: "Noted. [Action: PCC]"}
			err = s.AddItem(&it)
			time.Sleep(time.Millisecond)
		}
		done <- err
	}()
	copies := t.TempDir()
	for i := 0; i < 3; i++ {
		out := filepath.Join(copies, fmt.Sprintf("copy%d.db", i))
		r := runMinutebook(t, "backup", "--db", path, "-o", out)
		if r.code != 0 {
			t.Fatalf("backup: exit %d: %s", r.code, r.stderr)
		}
		if r := runMinutebook(t, "check", "--db", out); r.code != 0 {
			t.Fatalf("check of the copy: exit %d: %s", r.code, r.stderr)
		}
	}
	close(stop)
	if err := <-done; err != nil {
		t.Fatalf("the writer failed while backups ran: %v", err)
	}
	entries, _ := os.ReadDir(copies)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("backup left %s behind", e.Name())
		}
	}
}
