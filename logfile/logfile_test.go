package logfile

import (
	"bytes"
	"errors"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTheLogIsBesideTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "Panel minutes.db")
	var seen bytes.Buffer
	path, err := Start(db, "Minutebook started", &seen)
	t.Cleanup(Stop)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "Panel minutes.log") {
		t.Errorf("log at %s", path)
	}
	before := time.Now()
	log.Println("Fyne error:  daily backup")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "Minutebook started") || !strings.HasSuffix(lines[1], "Fyne error:  daily backup") {
		t.Fatalf("log:\n%s", text)
	}
	if !strings.HasPrefix(lines[1], Stamp(before)[:10]) {
		t.Errorf("no date on %q", lines[1])
	}
	if !strings.Contains(seen.String(), "daily backup") {
		t.Errorf("the other writer saw %q", seen.String())
	}
}

// A stderr that fails (a windowed program's) must not keep lines from the log.
func TestAFailingWriterDoesNotStopTheLog(t *testing.T) {
	dir := t.TempDir()
	path, err := Start(filepath.Join(dir, "minutebook.db"), "", failing{})
	t.Cleanup(Stop)
	if err != nil {
		t.Fatal(err)
	}
	log.Print("after the failing writer")
	if text, _ := os.ReadFile(path); !strings.Contains(string(text), "after the failing writer") {
		t.Errorf("log: %q", text)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("the handle is invalid") }

func TestALargeLogStartsAfresh(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "minutebook.db")
	old := bytes.Repeat([]byte("x"), MaxSize+1)
	if err := os.WriteFile(For(db), old, 0o644); err != nil {
		t.Fatal(err)
	}
	path, err := Start(db, "started again")
	t.Cleanup(Stop)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Size() > 200 {
		t.Errorf("the log was not started afresh: %d bytes", st.Size())
	}
	if st, err := os.Stat(path + ".old"); err != nil || st.Size() != int64(len(old)) {
		t.Errorf("the old log was not kept: %v", err)
	}
}

func TestAFolderThatTakesNoLogIsSaid(t *testing.T) {
	_, err := Start("/proc/minutebook.db", "")
	t.Cleanup(Stop)
	if err == nil || !strings.Contains(err.Error(), "cannot keep a log in /proc") {
		t.Errorf("err = %v", err)
	}
}

// A crash (an unrecovered panic) writes its report to the log: run this test's binary again
// as a child that panics.
func TestACrashReachesTheLog(t *testing.T) {
	if db := os.Getenv("LOGFILE_CRASH_DB"); db != "" {
		Start(db, "about to crash")
		panic("the crash the test asked for")
	}
	db := filepath.Join(t.TempDir(), "minutebook.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestACrashReachesTheLog$")
	cmd.Env = append(os.Environ(), "LOGFILE_CRASH_DB="+db)
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the child did not crash:\n%s", out)
	}
	text, _ := os.ReadFile(For(db))
	for _, want := range []string{"about to crash", "panic: the crash the test asked for", "goroutine"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the log lacks %q:\n%s", want, text)
		}
	}
}

// Follow moves the log beside another database, the writers Start was given still written
// to; where no log can be kept it stays where it was.
func TestTheLogFollowsTheDatabase(t *testing.T) {
	var seen bytes.Buffer
	first, err := Start(filepath.Join(t.TempDir(), "minutebook.db"), "started", &seen)
	t.Cleanup(Stop)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "Scrutiny panel.db")
	second, err := Follow(db, "opened "+db)
	if err != nil || second != For(db) {
		t.Fatalf("Follow = %q, %v", second, err)
	}
	log.Print("after the open")
	old, _ := os.ReadFile(first)
	text, _ := os.ReadFile(second)
	if strings.Contains(string(old), "after the open") || !strings.Contains(string(old), "the log goes on in "+second) {
		t.Errorf("the first log:\n%s", old)
	}
	if !strings.Contains(string(text), "opened "+db) || !strings.Contains(string(text), "after the open") {
		t.Errorf("the second log:\n%s", text)
	}
	if !strings.Contains(seen.String(), "after the open") {
		t.Errorf("the writer given to Start saw %q", seen.String())
	}
	if again, err := Follow(db, "opened again"); err != nil || again != second {
		t.Errorf("Follow to the same log = %q, %v", again, err)
	}
	stays, err := Follow("/proc/minutebook.db", "")
	if err == nil || stays != second || !strings.Contains(err.Error(), "cannot keep a log in /proc") {
		t.Errorf("Follow to /proc = %q, %v", stays, err)
	}
	log.Print("after the failed move")
	if text, _ := os.ReadFile(second); !strings.Contains(string(text), "after the failed move") {
		t.Errorf("the log did not stay:\n%s", text)
	}
}
