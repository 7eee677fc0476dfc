package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/minutebook/minutebook/data"
)

// Timings of the saver. A text change is written once the clerk has paused for
// saveDelay, and at least every saveMaxWait while they keep typing, so a long stretch of
// typing is never held only in memory.
const (
	saveDelay   = 400 * time.Millisecond
	saveMaxWait = 3 * time.Second
	// runTimeout bounds how long a structural change (add, move, delete) waits for the
	// writer before the screen gives up and says so; the write itself stays queued.
	runTimeout = 8 * time.Second
	// closeTimeout bounds how long closing the window waits for the last writes.
	closeTimeout = 20 * time.Second
	maxBackoff   = 30 * time.Second
)

// errBusy is returned by run when earlier writes have not gone through in time.
var errBusy = errors.New("the database did not answer in time; Minutebook keeps trying to save")

// saveState is what the status line shows about saving.
type saveState struct {
	Pending int       // writes queued or running
	Saved   time.Time // when the last write went through
	Err     error     // the last write's error, nil once a write succeeds
	What    string    // what the failed write was saving
	Retry   bool      // the failed write is kept and will be tried again
}

// saver is the one background writer: every change to the database goes through it, in
// the order the clerk made them, off the UI goroutine.
//
// Text edits are queued with change under a key naming the record ("item:12"); further
// edits of the same record replace the queued snapshot instead of adding writes, so typing
// costs no database work at all until the clerk pauses. Structural changes (add, move,
// delete, approve) go through run, which waits until every earlier change and then itself
// are written, so the screen can show the result and move the focus to a new record.
// A failed write is kept and retried when the failure may pass (a locked or full disk);
// one the store refuses (invalid, read-only, gone) is dropped and reported.
type saver struct {
	delay, maxWait time.Duration
	post           func(func())      // runs a function on the UI goroutine (fyne.Do in the app)
	report         func(s saveState) // shows the state; called through post

	mu      sync.Mutex
	queue   []*job
	running *job
	closed  bool
	state   saveState
	wake    chan struct{}
	changed *sync.Cond // broadcast whenever a job finishes or the queue changes
	writes  int        // writes attempted, for tests
	done    chan struct{}
	// held keeps, by key, what the clerk typed that could not be written — a record the
	// store refused, or one not yet complete enough to save — so that closing the window
	// puts it in the recovery file instead of losing it. A later change of the record
	// replaces it.
	held map[string]job
	// jr has every edit on disk from a moment after it is made until it is written (nil in
	// tests of the saver alone).
	jr *journal
	// versions has, by record key, the newest version this window has written or been
	// told of: a copy on screen read before that write is not stale for that reason.
	versions map[string]int64
}

// job is one queued write.
type job struct {
	key    string       // the record it writes; "" for a one-off
	what   string       // words for the status line: "the minutes of item 5"
	write  func() error // runs on the writer goroutine
	after  func()       // runs on the UI goroutine once the write has gone through
	failed func(error)  // runs on the UI goroutine when the store refuses the write
	dump   func() string
	seq    int // the journal's number for this edit; done once written

	first, due time.Time
	sealed     bool // a later barrier or a flush fixed its place: no more coalescing
	tries      int
	result     chan error // for run: where the outcome goes
}

func newSaver(delay, maxWait time.Duration, post func(func()), report func(saveState)) *saver {
	s := &saver{delay: delay, maxWait: maxWait, post: post, report: report,
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	s.changed = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

// change queues a write of one record's current state, replacing a queued write of the
// same record that has not started. It never touches the database itself.
func (s *saver) change(j job) {
	s.mu.Lock()
	delete(s.held, j.key)
	s.mu.Unlock()
	now := time.Now()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	for _, q := range s.queue {
		if q.key == j.key && j.key != "" && !q.sealed {
			q.write, q.after, q.failed, q.dump, q.what, q.seq = j.write, j.after, j.failed, j.dump, j.what, j.seq
			q.due = minTime(now.Add(s.delay), q.first.Add(s.maxWait))
			s.mu.Unlock()
			s.poke()
			return
		}
	}
	j.first, j.due = now, now.Add(s.delay)
	s.queue = append(s.queue, &j)
	first := len(s.queue) == 1 && s.running == nil
	s.mu.Unlock()
	if first {
		s.notify()
	}
	s.poke()
}

// run queues write after every change made so far and waits until it has been done,
// returning its error. It is for structural changes whose result the screen needs at
// once. If the writer is held up for longer than runTimeout, run gives up waiting and
// returns errBusy; a write that has not started by then is cancelled.
func (s *saver) run(what string, write func() error) error {
	res := make(chan error, 1)
	j := &job{what: what, write: write, result: res, sealed: true}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errors.New("Minutebook is closing")
	}
	for _, q := range s.queue {
		q.sealed = true // a barrier: what came before is written now, before it
		if q.tries == 0 {
			q.due = time.Time{}
		}
	}
	s.queue = append(s.queue, j)
	s.mu.Unlock()
	s.notify()
	s.poke()
	select {
	case err := <-res:
		return err
	case <-time.After(runTimeout):
		s.mu.Lock()
		for i, q := range s.queue {
			if q == j {
				s.queue = append(s.queue[:i], s.queue[i+1:]...)
				break
			}
		}
		s.mu.Unlock()
		select { // it may have finished meanwhile
		case err := <-res:
			return err
		default:
			return errBusy
		}
	}
}

// flush writes everything queued now, without waiting for pauses, and waits until it is
// written or timeout passes. It returns the unsaved jobs' descriptions when some remain.
func (s *saver) flush(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() {
		s.mu.Lock()
		s.changed.Broadcast()
		s.mu.Unlock()
	})
	defer timer.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range s.queue {
		q.sealed = true
		if q.tries == 0 {
			q.due = time.Time{}
		}
	}
	s.poke()
	for (len(s.queue) > 0 || s.running != nil) && time.Now().Before(deadline) {
		s.changed.Wait()
	}
	if len(s.queue) == 0 && s.running == nil {
		return nil
	}
	var what []string
	for _, q := range s.queue {
		what = append(what, q.what)
	}
	return fmt.Errorf("not yet saved: %s (%v)", strings.Join(what, ", "), s.state.Err)
}

// close writes everything queued and stops the writer. Whatever could not be written in
// time is returned as text for a recovery file, so that nothing typed is lost.
func (s *saver) close(timeout time.Duration) (unsaved string, err error) {
	err = s.flush(timeout)
	s.mu.Lock()
	s.closed = true
	var b strings.Builder
	for _, q := range s.queue {
		if q.dump != nil {
			fmt.Fprintf(&b, "== %s ==\n%s\n\n", q.what, q.dump())
		}
	}
	keys := make([]string, 0, len(s.held))
	for k := range s.held {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		h := s.held[k]
		fmt.Fprintf(&b, "== %s (not saved) ==\n%s\n\n", h.what, h.dump())
	}
	s.queue, s.held = nil, nil
	s.mu.Unlock()
	s.poke()
	select {
	case <-s.done:
	case <-time.After(timeout):
		// a write is stuck inside the database driver; leave it
	}
	return b.String(), err
}

// hold keeps j's text (its what and dump) for the recovery file without writing anything:
// for a record the clerk has begun but that cannot be saved yet. A change of the same key
// drops it.
func (s *saver) hold(j job) {
	if j.key == "" || j.dump == nil {
		return
	}
	s.mu.Lock()
	if s.held == nil {
		s.held = map[string]job{}
	}
	s.held[j.key] = job{key: j.key, what: j.what, dump: j.dump}
	s.mu.Unlock()
	s.jr.put(journalEntry{Key: j.key, What: j.what, Text: j.dump()})
}

// forget drops what is held of a record (its text has gone to a recovery file) and its
// journal entry.
func (s *saver) forget(key string) {
	s.mu.Lock()
	delete(s.held, key)
	s.mu.Unlock()
	s.jr.drop(key)
}

// version is the newest version of a record this window has written or been told of.
func (s *saver) version(key string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.versions[key]
}

// noteVersion records that the file holds version v of a record.
func (s *saver) noteVersion(key string, v int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.versions == nil {
		s.versions = map[string]int64{}
	}
	s.versions[key] = max(s.versions[key], v)
}

// pending reports how many writes are queued or running.
func (s *saver) pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.queue)
	if s.running != nil {
		n++
	}
	return n
}

// writeCount reports how many writes have been attempted (for tests).
func (s *saver) writeCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writes
}

func (s *saver) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// loop is the writer goroutine.
func (s *saver) loop() {
	defer close(s.done)
	for {
		j, wait := s.next()
		if j == nil {
			if wait < 0 {
				return
			}
			t := time.NewTimer(wait)
			select {
			case <-s.wake:
			case <-t.C:
			}
			t.Stop()
			continue
		}
		err := j.write()
		s.finish(j, err)
	}
}

// next takes the job at the head of the queue if it is due; otherwise it says how long to
// wait (-1: the saver is closed and empty).
func (s *saver) next() (*job, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) == 0 {
		if s.closed {
			return nil, -1
		}
		return nil, time.Hour
	}
	head := s.queue[0]
	now := time.Now()
	if wait := head.due.Sub(now); wait > 0 {
		return nil, wait
	}
	s.queue = s.queue[1:]
	s.running = head
	s.writes++
	return head, 0
}

// finish records the outcome of a write and tells the screen.
func (s *saver) finish(j *job, err error) {
	s.mu.Lock()
	s.running = nil
	retry := err != nil && transient(err) && j.result == nil && !s.closed
	switch {
	case err == nil:
		s.state = saveState{Saved: time.Now()}
	case retry:
		j.tries++
		j.due = time.Now().Add(backoff(j.tries))
		s.queue = append([]*job{j}, s.queue...)
		s.state.Err, s.state.What, s.state.Retry = err, j.what, true
	default:
		s.state.Err, s.state.What, s.state.Retry = err, j.what, false
		if err != nil && j.key != "" && j.dump != nil {
			if s.held == nil {
				s.held = map[string]job{}
			}
			s.held[j.key] = job{key: j.key, what: j.what, dump: j.dump}
		}
	}
	s.state.Pending = len(s.queue)
	st := s.state
	s.changed.Broadcast()
	s.mu.Unlock()
	if err == nil && j.key != "" {
		s.jr.done(j.key, j.seq) // after s.mu: the journal's writer takes its lock, then s.mu
	}

	if j.result != nil {
		j.result <- err // buffered: never blocks, even when run stopped waiting
	}
	switch {
	case err == nil && j.after != nil:
		s.post(j.after)
	case err != nil && !retry && j.failed != nil:
		s.post(func() { j.failed(err) })
	}
	s.post(func() { s.report(st) })
}

func (s *saver) notify() {
	s.mu.Lock()
	st := s.state
	st.Pending = len(s.queue)
	if s.running != nil {
		st.Pending++
	}
	s.mu.Unlock()
	s.post(func() { s.report(st) })
}

// transient reports whether a failed write is worth trying again: anything but the store
// refusing the change itself.
func transient(err error) bool {
	for _, refused := range []error{data.ErrInvalid, data.ErrNotFound, data.ErrReadOnly, data.ErrStale} {
		if errors.Is(err, refused) {
			return false
		}
	}
	return true
}

func backoff(tries int) time.Duration {
	d := time.Second << min(tries-1, 5)
	return min(d, maxBackoff)
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// queued reports whether a write of the record key is waiting or running: the screen then
// keeps what is on screen rather than what the database says.
func (s *saver) queued(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running != nil && s.running.key == key {
		return true
	}
	for _, q := range s.queue {
		if q.key == key {
			return true
		}
	}
	return false
}
