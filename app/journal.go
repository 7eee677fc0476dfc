package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/minutebook/minutebook/data"
)

// journalDelay is how soon after a keystroke the edit is on disk: a crash (or kill -9) loses
// at most what was typed in this time. Writing the journal is one small file, replaced
// whole, at most once in this time however fast the clerk types; the database is written
// only when the clerk pauses (saveDelay).
const journalDelay = 15 * time.Millisecond

// journal keeps the clerk's unsaved edits in a file beside the database from a moment
// after each keystroke until the saver has written them: the records as typed, in the
// store's own form (data.MarshalRecord), and the text of edits that cannot be saved yet.
// On the next start, restoreJournal saves what it holds. The file is removed once everything
// is written. It is not synced to the disk: it is there for a program that stops, not for a
// machine that loses power (the database, written at each pause, is synced).
type journal struct {
	path string

	// writing is held while the file is written, so that one write's snapshot of the edits
	// never lands after a later one's.
	writing   sync.Mutex
	mu        sync.Mutex
	entries   map[string]*journalEntry
	seq       int
	timer     *time.Timer
	written   bool // the file exists
	abandoned bool // writes nothing more (abandon)
	err       error
	// version gives the newest version the saver has written of a record, so that the
	// journal never holds an older base than the file (see journalEntry.Version).
	version func(key string) int64
}

// journalEntry is one record's unsaved edit.
type journalEntry struct {
	Key  string `json:"key"`
	What string `json:"what"`
	// Record is the record as on screen (data.MarshalRecord), or empty for an edit that
	// cannot be saved yet, which is kept as Text only.
	Record json.RawMessage `json:"record,omitempty"`
	// Version is the version the edit is based on, at least the newest the saver wrote.
	Version int64  `json:"version,omitempty"`
	Text    string `json:"text"` // the edit as words, for the recovery file
	Seq     int    `json:"seq"`

	box *pendingID // the id of a record created by its first save, once written
}

// journalFile is the file's content.
type journalFile struct {
	Database string          `json:"database"`
	Written  time.Time       `json:"written"`
	Edits    []*journalEntry `json:"edits"`
}

// journalPath is where the journal of the database at dbPath lives.
func journalPath(dbPath string) string { return dbPath + ".unsaved.json" }

func newJournal(dbPath string) *journal {
	return &journal{path: journalPath(dbPath), entries: map[string]*journalEntry{}}
}

// put keeps an edit of a record until done is called with the seq it returns.
func (j *journal) put(e journalEntry) int {
	if j == nil {
		return 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.seq++
	e.Seq = j.seq
	j.entries[e.Key] = &e
	j.schedule()
	return e.Seq
}

// done drops the edit of key once written, unless a later edit of it came in meanwhile.
func (j *journal) done(key string, seq int) {
	if j == nil {
		return
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if e, ok := j.entries[key]; ok && e.Seq == seq {
		delete(j.entries, key)
		j.schedule()
	}
}

// drop forgets the edit of key, whatever came of it.
func (j *journal) drop(key string) {
	if j == nil {
		return
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, ok := j.entries[key]; ok {
		delete(j.entries, key)
		j.schedule()
	}
}

// schedule writes the file a moment from now; j.mu is held.
func (j *journal) schedule() {
	if j.timer == nil {
		j.timer = time.AfterFunc(journalDelay, j.flush)
	}
}

// flush writes the journal now: the edits to a temporary file renamed over the last, or no
// file at all when nothing is unsaved.
func (j *journal) flush() {
	if j == nil {
		return
	}
	j.writing.Lock()
	defer j.writing.Unlock()
	j.mu.Lock()
	j.timer = nil
	if j.abandoned {
		j.mu.Unlock()
		return
	}
	edits := make([]*journalEntry, 0, len(j.entries))
	for _, e := range j.entries {
		c := *e
		edits = append(edits, &c)
	}
	written := j.written
	j.mu.Unlock()
	// The saver's versions and the boxes are read without j.mu, which the saver may be
	// waiting for while it holds its own lock.
	for _, c := range edits {
		if c.box != nil && c.Record != nil {
			if id := c.box.get(); id != 0 {
				c.Record = withID(c.Record, id)
			}
		}
		if j.version != nil {
			c.Version = max(c.Version, j.version(c.Key))
		}
	}

	sort.Slice(edits, func(a, b int) bool { return edits[a].Seq < edits[b].Seq })
	var err error
	if len(edits) == 0 {
		if written {
			err = os.Remove(j.path)
			if errors.Is(err, os.ErrNotExist) {
				err = nil
			}
		}
	} else {
		err = writeFileAtomic(j.path, journalFile{Database: filepath.Base(j.path), Written: time.Now(), Edits: edits})
	}
	j.mu.Lock()
	j.err = err
	if err == nil {
		j.written = len(edits) > 0
	}
	j.mu.Unlock()
}

// abandon stops the journal where it is, as a Minutebook killed now would leave it: the file
// keeps what it had on disk (for tests of the next start).
func (j *journal) abandon() {
	j.mu.Lock()
	j.abandoned = true
	if j.timer != nil {
		j.timer.Stop()
	}
	j.mu.Unlock()
	j.writing.Lock() // waits for a write under way
	j.writing.Unlock()
}

// close writes what is still unsaved, or removes the file when nothing is.
func (j *journal) close() error {
	if j == nil {
		return nil
	}
	j.mu.Lock()
	if j.timer != nil {
		j.timer.Stop()
		j.timer = nil
	}
	j.mu.Unlock()
	j.flush()
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.err
}

// withID sets the "ID" field of a record written by data.MarshalRecord.
func withID(rec json.RawMessage, id int64) json.RawMessage {
	var sr struct {
		Kind   string                     `json:"kind"`
		Record map[string]json.RawMessage `json:"record"`
	}
	if json.Unmarshal(rec, &sr) != nil || sr.Record == nil {
		return rec
	}
	sr.Record["ID"], _ = json.Marshal(id)
	b, err := json.Marshal(sr)
	if err != nil {
		return rec
	}
	return b
}

// writeFileAtomic writes v as JSON to a temporary file beside path and renames it over path,
// so that the file is always whole.
func writeFileAtomic(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// restored is what restoreJournal did with the journal a stopped Minutebook left.
type restored struct {
	Saved    []string // what was saved, in the clerk's words
	Kept     []string // what could not be saved and went to the recovery file
	Recovery string   // that file
}

// restoreJournal saves the edits a Minutebook that stopped before writing them left in the
// journal of the database s, and removes the journal. An edit whose record was changed
// since, or that cannot be saved, is written to a recovery file instead, as words. A
// journal that cannot be read is kept aside (renamed), never deleted.
func restoreJournal(s *data.Store) (restored, error) {
	var res restored
	path := journalPath(s.Path())
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return res, nil
	}
	if err != nil {
		return res, fmt.Errorf("cannot read the unsaved edits in %s: %w", path, err)
	}
	var jf journalFile
	if err := json.Unmarshal(b, &jf); err != nil {
		aside := path + ".damaged-" + time.Now().Format("2006-01-02-150405")
		os.Rename(path, aside)
		return res, fmt.Errorf("the unsaved edits left in %s could not be read; the file is kept as %s", filepath.Base(path), aside)
	}
	var keep []string
	for _, e := range jf.Edits {
		if len(e.Record) == 0 {
			res.Kept = append(res.Kept, e.What)
			keep = append(keep, fmt.Sprintf("== %s (not saved) ==\n%s\n", e.What, e.Text))
			continue
		}
		rec, err := data.UnmarshalRecord(e.Record)
		if err == nil {
			_, v := rec.Stamp()
			*v = max(*v, e.Version)
			_, err = s.Save(rec)
			if errors.Is(err, data.ErrStale) && sameAsSaved(s, rec) {
				err = nil // it was written just before Minutebook stopped
			}
		}
		if err != nil {
			res.Kept = append(res.Kept, e.What)
			keep = append(keep, fmt.Sprintf("== %s (not saved: %s) ==\n%s\n", e.What, sentence(err), e.Text))
			continue
		}
		res.Saved = append(res.Saved, e.What)
	}
	if len(keep) > 0 {
		res.Recovery = s.Path() + ".unsaved-" + time.Now().Format("2006-01-02-150405") + ".txt"
		text := "Edits Minutebook restored after it stopped but could not save:\n\n" + joinLines(keep)
		if err := os.WriteFile(res.Recovery, []byte(text), 0o600); err != nil {
			return res, fmt.Errorf("cannot keep the unsaved edits in %s: %w", res.Recovery, err)
		}
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return res, fmt.Errorf("cannot remove %s after restoring it: %w", path, err)
	}
	return res, nil
}

// sameAsSaved reports whether the file already holds rec's text, so that an edit the saver
// wrote just before Minutebook stopped is not taken for a clash.
func sameAsSaved(s *data.Store, rec data.Record) bool {
	now, err := s.Current(rec)
	return err == nil && data.SameContent(rec, now)
}

func joinLines(ss []string) string {
	out := ""
	for _, s := range ss {
		out += s + "\n"
	}
	return out
}
