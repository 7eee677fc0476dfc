package app

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// The journal asks the saver for versions while it writes, and the saver tells the journal
// an edit is done after a write: the two must never wait on each other. Before their locks
// were taken in one order, this deadlocked within a second every time (and hung make test
// now and then).
func TestTheJournalAndTheSaverNeverWaitOnEachOther(t *testing.T) {
	s := newSaver(time.Hour, time.Hour, func(f func()) { f() }, func(saveState) {})
	j := newJournal(filepath.Join(t.TempDir(), "minutebook.db"))
	j.version = s.version
	s.jr = j
	done := make(chan struct{})
	go func() { // what saver.finish does after each write: done, under the saver's lock
		defer close(done)
		for end := time.Now().Add(time.Second); time.Now().Before(end); {
			seq := j.put(journalEntry{Key: "item:1", What: "minutes", Text: "word"})
			s.mu.Lock()
			s.jr.done("item:1", seq)
			s.mu.Unlock()
		}
	}()
	flushes := make(chan struct{})
	go func() { // the journal's own writes, as its timer makes them
		defer close(flushes)
		for {
			select {
			case <-done:
				return
			default:
				for k := 0; k < 20; k++ {
					j.put(journalEntry{Key: fmt.Sprintf("item:%d", k+2), What: "minutes", Text: "more"})
				}
				j.flush()
			}
		}
	}()
	select {
	case <-done:
		<-flushes
		s.close(time.Second)
		j.abandon() // no write of the journal after the test: its folder is removed
	case <-time.After(10 * time.Second):
		// The saver is not closed: its lock is held for good.
		t.Fatal("the journal and the saver are waiting on each other (deadlock)")
	}
}
