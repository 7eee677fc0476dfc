package app

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minutebook/minutebook/data"
)

// recorder collects what a saver wrote, in order, and what it posted to the "UI".
type recorder struct {
	mu     sync.Mutex
	writes []string
	posted []func()
	states []saveState
}

func (r *recorder) write(s string) func() error {
	return func() error {
		r.mu.Lock()
		r.writes = append(r.writes, s)
		r.mu.Unlock()
		return nil
	}
}

func (r *recorder) post(f func()) {
	r.mu.Lock()
	r.posted = append(r.posted, f)
	r.mu.Unlock()
}

func (r *recorder) report(s saveState) { r.states = append(r.states, s) }

// drain runs what was posted, as the UI goroutine would.
func (r *recorder) drain() {
	for {
		r.mu.Lock()
		fs := r.posted
		r.posted = nil
		r.mu.Unlock()
		if len(fs) == 0 {
			return
		}
		for _, f := range fs {
			f()
		}
	}
}

func (r *recorder) got() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.writes, " ")
}

func newTestSaver(t *testing.T, delay, maxWait time.Duration) (*saver, *recorder) {
	t.Helper()
	r := &recorder{}
	s := newSaver(delay, maxWait, r.post, r.report)
	t.Cleanup(func() { s.close(time.Second) })
	return s, r
}

func TestSaverCoalescesTyping(t *testing.T) {
	s, r := newTestSaver(t, time.Hour, time.Hour)
	for i := 0; i < 5000; i++ {
		s.change(job{key: "item:1", write: r.write(fmt.Sprintf("item1=%d", i))})
	}
	if n := s.writeCount(); n != 0 {
		t.Fatalf("%d writes while typing, want none before the pause", n)
	}
	if err := s.flush(time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := r.got(); got != "item1=4999" {
		t.Errorf("wrote %q, want only the newest text", got)
	}
}

func TestSaverKeepsOrder(t *testing.T) {
	s, r := newTestSaver(t, time.Hour, time.Hour)
	s.change(job{key: "item:1", write: r.write("title")})
	s.change(job{key: "question:7", write: r.write("question")})
	s.change(job{key: "item:1", write: r.write("title2")}) // replaces the queued write in place
	if err := s.run("delete", r.write("delete")); err != nil {
		t.Fatal(err)
	}
	// After a structural change, an edit of the same record is a new write after it.
	s.change(job{key: "item:1", write: r.write("title3")})
	if err := s.flush(time.Minute); err != nil {
		t.Fatal(err)
	}
	if got, want := r.got(), "title2 question delete title3"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

func TestSaverWritesAfterPauseAndWhileTyping(t *testing.T) {
	s, r := newTestSaver(t, 30*time.Millisecond, 150*time.Millisecond)
	s.change(job{key: "a", write: r.write("a")})
	deadline := time.Now().Add(5 * time.Second)
	for s.writeCount() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if r.got() != "a" {
		t.Fatalf("after a pause wrote %q, want a", r.got())
	}
	// Typing without pause still writes at least every maxWait.
	stop := time.Now().Add(600 * time.Millisecond)
	for i := 0; time.Now().Before(stop); i++ {
		s.change(job{key: "b", write: r.write("b")})
		time.Sleep(5 * time.Millisecond)
	}
	if n := s.writeCount(); n < 3 {
		t.Errorf("%d writes during 600ms of typing with maxWait 150ms, want at least 3", n)
	}
}

func TestSaverRetriesTransientErrors(t *testing.T) {
	s, r := newTestSaver(t, time.Hour, time.Hour)
	fails := 2
	s.change(job{key: "x", what: "x", write: func() error {
		if fails > 0 {
			fails--
			return errors.New("disk I/O error")
		}
		return r.write("x")()
	}})
	s.change(job{key: "y", write: r.write("y")})
	if err := s.flush(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	if got := r.got(); got != "x y" {
		t.Errorf("wrote %q, want x y (retried in order)", got)
	}
}

func TestSaverDropsRefusedWrites(t *testing.T) {
	s, r := newTestSaver(t, time.Hour, time.Hour)
	var refused error
	s.change(job{key: "x", what: "item 3", write: func() error {
		return &data.FieldError{Record: "Item", Field: "time", Problem: "not a time"}
	}, failed: func(err error) { refused = err }})
	s.change(job{key: "y", write: r.write("y")})
	if err := s.flush(time.Minute); err != nil {
		t.Fatal(err)
	}
	r.drain()
	if refused == nil || fieldProblem(refused) != "not a time" {
		t.Errorf("failed callback got %v", refused)
	}
	if r.got() != "y" {
		t.Errorf("wrote %q, want the next write to go on", r.got())
	}
}

func TestSaverReportsSaved(t *testing.T) {
	s, r := newTestSaver(t, time.Hour, time.Hour)
	s.change(job{key: "x", write: r.write("x")})
	if err := s.flush(time.Minute); err != nil {
		t.Fatal(err)
	}
	r.drain()
	last := r.states[len(r.states)-1]
	if last.Saved.IsZero() || last.Err != nil || last.Pending != 0 {
		t.Errorf("last state %+v, want saved with nothing pending", last)
	}
}

func TestSaverCloseKeepsWhatCouldNotBeWritten(t *testing.T) {
	r := &recorder{}
	s := newSaver(time.Hour, time.Hour, r.post, r.report)
	s.change(job{key: "x", what: "item 5", write: func() error { return errors.New("disk full") },
		dump: func() string { return "the minutes of item 5" }})
	unsaved, err := s.close(1500 * time.Millisecond)
	if err == nil {
		t.Fatal("close reported no error with a write failing")
	}
	if !strings.Contains(unsaved, "the minutes of item 5") {
		t.Errorf("unsaved text = %q, want the item's minutes", unsaved)
	}
}

// TestSaverKeepsHeldAndRefusedText: text that could not be saved — a record not yet complete
// enough, or one the store refused — reaches the recovery file; a later change replaces it.
func TestSaverKeepsHeldAndRefusedText(t *testing.T) {
	r := &recorder{}
	s := newSaver(time.Millisecond, time.Hour, r.post, r.report)
	s.hold(job{key: "action:new", what: "action (new)", dump: func() string { return "Action (, due ): Circulate the slides" }})
	s.hold(job{key: "action:7", what: "action 7", dump: func() string { return "an old draft" }})
	s.change(job{key: "action:7", what: "action 7", write: func() error { return nil }, dump: func() string { return "saved" }})
	refused := &data.FieldError{Record: "Item", Field: "time", Problem: "bad"}
	s.change(job{key: "item:3", what: "item 3", write: func() error { return refused }, dump: func() string { return "the refused minutes" }})
	if err := s.flush(time.Minute); err != nil {
		t.Logf("flush: %v", err)
	}
	unsaved, _ := s.close(time.Second)
	for _, want := range []string{"Circulate the slides", "the refused minutes"} {
		if !strings.Contains(unsaved, want) {
			t.Errorf("recovery text lacks %q:\n%s", want, unsaved)
		}
	}
	if strings.Contains(unsaved, "an old draft") {
		t.Errorf("a held draft outlived the change that saved its record:\n%s", unsaved)
	}
}
