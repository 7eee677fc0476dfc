// Package e2e drives the real Minutebook binary in a real window, under Xvfb, with keys sent
// one at a time by xdotool, as a clerk types: the paths a clerk takes, checked through
// `minutebook dump`. It needs Xvfb and xdotool (apt install xvfb xdotool) and fails, not
// skips, without them.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/minutebook/minutebook/data"
)

// binary is the Minutebook built for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "minutebook-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "minutebook")
	build := exec.Command("go", "build", "-o", binary, "..")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: cannot build minutebook:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// screen is an X display of Xvfb's.
type screen struct {
	name string
	cmd  *exec.Cmd
}

// startScreen starts Xvfb on a free display, 1280×800.
func startScreen(t *testing.T) *screen {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: install xvfb and xdotool (apt-get install xvfb xdotool libgl1-mesa-dri)", tool)
		}
	}
	for n := 90; n < 190; n++ {
		if displayInUse(n) {
			continue
		}
		name := fmt.Sprintf(":%d", n)
		cmd := exec.Command("Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			t.Fatalf("Xvfb: %v", err)
		}
		s := &screen{name: name, cmd: cmd}
		t.Cleanup(func() { stopScreen(cmd) })
		for i := 0; i < 100; i++ {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				return s
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("Xvfb did not start on %s", name)
	}
	t.Fatal("no free X display")
	return nil
}

// displayInUse reports whether X display n is taken. A lock file left by an Xvfb that is no
// longer running (one killed outright) is removed, with its socket, so that runs of these
// tests do not use up the displays one by one.
func displayInUse(n int) bool {
	lock := fmt.Sprintf("/tmp/.X%d-lock", n)
	socket := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
	b, err := os.ReadFile(lock)
	if errors.Is(err, os.ErrNotExist) {
		_, err := os.Stat(socket)
		return err == nil
	}
	pid, perr := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || perr != nil || pid <= 0 || syscall.Kill(pid, 0) != syscall.ESRCH {
		return true // unreadable, or its Xvfb is alive (or not ours to ask)
	}
	if os.Remove(lock) != nil {
		return true
	}
	os.Remove(socket)
	return false
}

// stopScreen ends Xvfb with SIGTERM, so that it removes its lock file and socket, and
// kills it if it has not gone in two seconds.
func stopScreen(cmd *exec.Cmd) {
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}

// running is Minutebook in a window on a screen.
type running struct {
	t      *testing.T
	s      *screen
	cmd    *exec.Cmd
	window string
	log    *bytes.Buffer
}

// start opens Minutebook on the database at db and waits for its window.
func (s *screen) start(t *testing.T, db, config string) *running {
	t.Helper()
	cmd := exec.Command(binary, "--db", db)
	cmd.Env = append(os.Environ(), "DISPLAY="+s.name, "LANG=en_GB.UTF-8", "XDG_CONFIG_HOME="+config, "FYNE_THEME=light")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &running{t: t, s: s, cmd: cmd, log: &log}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := s.xdotool(ctx, "search", "--sync", "--onlyvisible", "--name", "Minutebook")
	if err != nil {
		t.Fatalf("the window did not open: %v\n%s", err, log.String())
	}
	r.window = strings.Fields(out)[0]
	time.Sleep(1500 * time.Millisecond) // the first frames, and the meeting opened last
	if _, err := s.xdotool(context.Background(), "windowfocus", "--sync", r.window); err != nil {
		t.Fatalf("cannot give the window the keyboard: %v", err)
	}
	return r
}

func (s *screen) xdotool(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+s.name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("xdotool %v: %v: %s", args, err, out)
	}
	return string(out), nil
}

// keys presses keys one after another ("ctrl+n", "Return"), pausing after each for the app.
func (r *running) keys(keys ...string) {
	r.t.Helper()
	for _, k := range keys {
		if _, err := r.s.xdotool(context.Background(), "key", "--clearmodifiers", k); err != nil {
			r.t.Fatal(err)
		}
		time.Sleep(350 * time.Millisecond)
	}
}

// typeText types s a key at a time; a "\n" is the Return key. It gives the app a moment
// after the last key.
func (r *running) typeText(s string) {
	r.t.Helper()
	r.typeNow(s)
	time.Sleep(200 * time.Millisecond)
}

// typeNow types s a key at a time and returns as soon as the last key is sent.
func (r *running) typeNow(s string) {
	r.t.Helper()
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			if _, err := r.s.xdotool(context.Background(), "key", "Return"); err != nil {
				r.t.Fatal(err)
			}
		}
		if line == "" {
			continue
		}
		if _, err := r.s.xdotool(context.Background(), "type", "--delay", "12", "--", line); err != nil {
			r.t.Fatal(err)
		}
	}
}

// shot saves a picture of the screen, when E2E_SHOTS names a folder.
func (r *running) shot(name string) {
	dir := os.Getenv("E2E_SHOTS")
	if dir == "" {
		return
	}
	cmd := exec.Command("import", "-window", "root", filepath.Join(dir, name+".png"))
	cmd.Env = append(os.Environ(), "DISPLAY="+r.s.name)
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Logf("screenshot %s: %v %s", name, err, out)
	}
}

// quit closes the window with Ctrl+Q and waits for Minutebook to write and stop.
func (r *running) quit() {
	r.t.Helper()
	r.keys("ctrl+q")
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			r.t.Fatalf("Minutebook stopped with %v:\n%s", err, r.log.String())
		}
	case <-time.After(30 * time.Second):
		r.t.Fatalf("Minutebook did not close after Ctrl+Q:\n%s", r.log.String())
	}
}

// kill stops Minutebook as a crash does: SIGKILL, nothing written on the way out.
func (r *running) kill() {
	r.cmd.Process.Signal(syscall.SIGKILL)
	r.cmd.Wait()
}

// freshMinuteBook is a new database holding a panel and one meeting, as a clerk has them
// before the meeting starts.
func freshMinuteBook(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "minutebook.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := data.Body{Name: "Upper Thames Police and Crime Panel", ShortCode: "PCP", Numbering: data.NumberPerMeeting}
	if err := s.CreateBody(&b); err != nil {
		t.Fatal(err)
	}
	m := data.Meeting{BodyID: b.ID, Date: "2026-12-04", StartTime: "10.30am", Venue: "Council Chamber"}
	if err := s.CreateMeeting(&m); err != nil {
		t.Fatal(err)
	}
	return path
}

// dumped is the part of `minutebook dump` these tests read.
type dumped struct {
	Meetings []struct {
		Items []struct {
			Title     string `json:"title"`
			Minutes   string `json:"minutes"`
			Questions []struct {
				Question string `json:"question"`
				Answer   string `json:"answer"`
			} `json:"questions"`
			Resolutions []struct {
				Text string `json:"text"`
			} `json:"resolutions"`
			Actions []struct {
				Owner string `json:"owner"`
				Text  string `json:"text"`
			} `json:"actions"`
		} `json:"items"`
	} `json:"meetings"`
}

func dump(t *testing.T, db string) dumped {
	t.Helper()
	out, err := exec.Command(binary, "dump", "--db", db).Output()
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	var d dumped
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("dump is not JSON: %v", err)
	}
	return d
}

// TestTypedInTheRealWindowReachesTheFile: an item's title, two paragraphs of minutes with an
// [Action: PCC] tag, a question and its answer, and a resolution with parts (a) and (b), all
// typed into the real window a key at a time, are in the file exactly once the app is closed.
func TestTypedInTheRealWindowReachesTheFile(t *testing.T) {
	scr := startScreen(t)
	db := freshMinuteBook(t)
	r := scr.start(t, db, t.TempDir())

	const (
		title    = "Fighting Serious Organised Crime"
		para1    = "Apologies for absence were received from Cllr Tom Hughes and Cllr Mary O'Connor. The PCC introduced the report on serious organised crime, county lines and modern slavery across the Thames Valley."
		para2    = "There had been a presentation at a recent Performance and Accountability Meeting and this would be shared with the Panel. [Action: PCC]"
		question = "How many arrests were made during County Lines Intensification Week, and at what end of the criminal scale were they?"
		answer   = "The PCC said there were 98 arrests and that a breakdown by crime type would be available in the new year."
		resolve  = "That the Panel:\n(a) note the report of the PCC; and\n(b) ask the PCC for a breakdown of the arrests by crime type."
	)
	r.keys("ctrl+2", "ctrl+n")
	r.typeText(title)
	r.keys("ctrl+m")
	r.typeText(para1)
	r.keys("Return", "Return")
	r.typeText(para2)
	r.keys("ctrl+shift+q", "Tab", "Tab")
	r.typeText(question)
	r.keys("Tab")
	r.typeText(answer)
	r.keys("ctrl+shift+r", "ctrl+a")
	r.typeText(resolve)
	r.shot("typed")
	r.quit()

	d := dump(t, db)
	if len(d.Meetings) != 1 || len(d.Meetings[0].Items) != 1 {
		t.Fatalf("dump holds %+v, want one meeting with one item", d)
	}
	it := d.Meetings[0].Items[0]
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s saved as\n%q\nwant\n%q", field, got, want)
		}
	}
	check("title", it.Title, title)
	check("minutes", it.Minutes, para1+"\n\n"+para2)
	if len(it.Questions) != 1 {
		t.Fatalf("questions: %+v", it.Questions)
	}
	check("question", it.Questions[0].Question, question)
	check("answer", it.Questions[0].Answer, answer)
	if len(it.Resolutions) != 1 {
		t.Fatalf("resolutions: %+v", it.Resolutions)
	}
	check("resolution", it.Resolutions[0].Text, resolve)
	if len(it.Actions) != 1 || it.Actions[0].Owner != "PCC" || !strings.HasPrefix(it.Actions[0].Text, "There had been a presentation") {
		t.Errorf("actions: %+v", it.Actions)
	}
}

// TestKilledWhileTypingLosesNothing: ten times over, words are typed into the minutes and
// Minutebook is killed (SIGKILL) 50 to 150 ms after the last key; each restart brings the
// words back and saves them.
func TestKilledWhileTypingLosesNothing(t *testing.T) {
	scr := startScreen(t)
	db := freshMinuteBook(t)
	config := t.TempDir()
	r := scr.start(t, db, config)
	r.keys("ctrl+2", "ctrl+n")
	r.typeText("Crash test")
	r.keys("ctrl+m")
	r.typeText("Words:")
	r.quit()

	want := "Words:"
	for i := 1; i <= 10; i++ {
		r := scr.start(t, db, config)
		r.keys("ctrl+m")
		word := fmt.Sprintf(" word%d", i)
		r.typeNow(word)
		want += word
		time.Sleep(time.Duration(50+10*(i-1)) * time.Millisecond) // 50 ms to 140 ms after the last key was sent
		r.kill()
	}
	r = scr.start(t, db, config)
	r.shot("restored")
	r.quit()
	d := dump(t, db)
	if got := d.Meetings[0].Items[0].Minutes; got != want {
		t.Errorf("after ten crashes the minutes are\n%q\nwant\n%q", got, want)
	}
	if _, err := os.Stat(db + ".unsaved.json"); err == nil {
		t.Errorf("the journal is still there after the last orderly close")
	}
}
