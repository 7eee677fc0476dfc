package app

import "sync"

// latest runs slow reads (a search, the action log, an import preview) off the UI goroutine,
// one at a time, and shows only the newest one's result. While a read runs, further
// requests replace each other: when it ends, only the last is run, so typing fast on a large
// database never piles reads up, and a stale result never overwrites a newer one.
type latest struct {
	spawn, post func(func())

	mu      sync.Mutex
	gen     int           // the newest request
	pending func() func() // the newest request not yet started
	pendGen int           // its generation
	running bool          // a read is under way
	idle    *sync.Cond    // broadcast when the reads stop, for tests
}

func newLatest(spawn, post func(func())) *latest {
	l := &latest{spawn: spawn, post: post}
	l.idle = sync.NewCond(&l.mu)
	return l
}

// run asks for work to be done in the background. work returns what to do on the UI
// goroutine with its result (nil for nothing); that runs only if no newer request came in
// meanwhile.
func (l *latest) run(work func() func()) {
	l.mu.Lock()
	l.gen++
	l.pending, l.pendGen = work, l.gen
	if l.running {
		l.mu.Unlock()
		return
	}
	l.running = true
	l.mu.Unlock()
	l.spawn(l.loop)
}

// cancel drops any request not yet shown: a result arriving later is ignored.
func (l *latest) cancel() {
	l.mu.Lock()
	l.gen++
	l.pending = nil
	l.mu.Unlock()
}

func (l *latest) loop() {
	for {
		l.mu.Lock()
		work, g := l.pending, l.pendGen
		l.pending = nil
		if work == nil {
			l.running = false
			l.idle.Broadcast()
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
		show := work()
		if show == nil {
			continue
		}
		l.post(func() {
			l.mu.Lock()
			current := g == l.gen
			l.mu.Unlock()
			if current {
				show()
			}
		})
	}
}

// wait blocks until no read is running (tests and benchmarks).
func (l *latest) wait() {
	l.mu.Lock()
	for l.running {
		l.idle.Wait()
	}
	l.mu.Unlock()
}
