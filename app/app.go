// Package app is Minutebook's desktop GUI, built with Fyne. It is the only package that
// imports Fyne.
//
// The window has the navigation on the left (the body and its meetings), the screen on show
// in the middle (a meeting, the people, or the first-run choices) and the status line at the
// bottom, which says when the last change was saved. Every screen writes through one saver
// (saver.go), the background writer that keeps changes in order and off the UI goroutine.
package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/minutebook/minutebook/assets"
	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// Run opens the database at dbPath (creating it if need be) and shows the main window until
// the clerk closes it. Everything typed is written before Run returns.
func Run(dbPath string) (err error) {
	if err := displayAvailable(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return fmt.Errorf("cannot create the folder for %s: %w", dbPath, err)
	}
	screen := &screenWatch{after: func() { os.Exit(1) }}
	startLog(dbPath, screen)
	defer func() {
		if screen.failed() {
			err = ErrNoScreen
		}
	}()
	a := fyneapp.NewWithID("org.minutebook.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(clerkTheme{})
	w := a.NewWindow("Minutebook")
	opts := options{post: fyne.Do, spawn: func(f func()) { go f() }}
	size := fyne.NewSize(1280, 800)
	var ww, wh float32
	if n, _ := fmt.Sscanf(os.Getenv(WindowEnv), "%fx%f", &ww, &wh); n == 2 && ww > 0 && wh > 0 {
		size = fyne.NewSize(ww, wh)
	}
	u, err := newUI(a, w, dbPath, opts)
	if errors.Is(err, data.ErrInUse) {
		// Open elsewhere for writing: say so in one sentence and offer to read it here.
		var startErr error
		w.SetContent(inUseScreen(dbPath, func() {
			opts.readOnly = true
			u, startErr = newUI(a, w, dbPath, opts)
			if startErr != nil {
				a.Quit()
				return
			}
			u.openFromEnv(os.Getenv(OpenEnv))
		}, a.Quit))
		w.Resize(size)
		w.ShowAndRun()
		if u == nil {
			return startErr
		}
		return u.shutdown()
	}
	if err != nil {
		return err
	}
	screen.setAfter(func() { u.shutdown(); os.Exit(1) })
	w.Resize(size)
	u.openFromEnv(os.Getenv(OpenEnv))
	w.ShowAndRun()
	// The app has stopped (window closed, Quit, or a signal): write what is left.
	return u.shutdown()
}

// inUseScreen is the window's content when the minute book is open for writing in another
// Minutebook: the sentence that says so, and the choice of reading it here or quitting.
func inUseScreen(path string, readOnly, quit func()) fyne.CanvasObject {
	msg := &widget.Label{Text: inUseMessage(path), Alignment: fyne.TextAlignCenter}
	open := &widget.Button{Text: "Open read-only", Icon: theme.VisibilityIcon(), Importance: widget.HighImportance, OnTapped: readOnly}
	q := &widget.Button{Text: "Quit", OnTapped: quit}
	return container.NewCenter(container.NewVBox(msg, container.NewCenter(container.NewHBox(open, q))))
}

// ui is the main window and what every screen shares: the store, the saver, the window.
type ui struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	saver *saver
	// ownPath is the clerk's own database; the open store may be the example beside it.
	ownPath string
	// readOnly is set when the database is open for writing in another Minutebook: this
	// window shows it and can export it, but writes nothing.
	readOnly bool
	options

	nav       *navigation
	meeting   *meetingScreen
	people    *peopleScreen
	firstRun  *firstRun
	actionLog *actionLogScreen
	search    *searchScreen
	importer  *importWindow // the import window while it is open

	// screen names what the main area shows: "meeting", "people", "actions", "search",
	// "first-run" or "blank".
	screen string
	// exporting is the export dialog shown last and savedDialog the "saved" message after
	// it, for tests.
	exporting   *exportDialog
	savedDialog dialog.Dialog
	// backup is what the daily backup on opening did, for the status line and tests.
	backup backupState

	main      *fyne.Container // the screen on show
	status    *widget.Label
	fileLabel *widget.Label
	banner    *fyne.Container // "You are exploring the example" when it is open
	shutMu    sync.Mutex
	shut      bool
	shutErr   error
	// restoredNote is what the start told the clerk it restored from the journal (tests).
	restoredNote string
	closed       bool // the window has closed
	// editHere is the read-only band's "Open for editing" (nil in a window that writes).
	editHere *widget.Button
}

// options are what differs between the app and its tests.
type options struct {
	// post runs a function on the UI goroutine (fyne.Do); spawn runs slow work in the
	// background (a goroutine). Tests queue the one and make the other synchronous.
	post, spawn func(func())
	// delay and maxWait set the saver's pauses (saveDelay and saveMaxWait when zero).
	delay, maxWait time.Duration
	// opener opens a file with the system's viewer and revealer shows it in the file
	// manager (openWithSystem and revealInFolder unless a test says otherwise).
	opener, revealer func(path string) error
	// readOnly opens the database only to read it (it is open for writing elsewhere).
	readOnly bool
}

// newUI opens the database at path and builds the window's content.
func newUI(a fyne.App, w fyne.Window, path string, opts options) (*ui, error) {
	if opts.delay == 0 {
		opts.delay, opts.maxWait = saveDelay, saveMaxWait
	}
	if opts.opener == nil {
		opts.opener = openWithSystem
	}
	if opts.revealer == nil {
		opts.revealer = revealInFolder
	}
	u := &ui{app: a, win: w, ownPath: path, options: opts}
	if err := u.openAs(path, opts.readOnly); err != nil {
		return nil, err
	}
	w.SetMaster()
	w.SetCloseIntercept(u.onCloseRequested)
	w.SetOnClosed(func() {
		u.closed = true
		_ = u.shutdown()
	})
	u.refreshMenu()
	return u, nil
}

// open makes the database at path the one on show, closing the one before after writing
// what was pending.
func (u *ui) open(path string) error {
	return u.openAs(path, false)
}

// openAs opens the database at path as open does, only to read it when readOnly is set.
func (u *ui) openAs(path string, readOnly bool) error {
	var s *data.Store
	var err error
	if readOnly {
		s, err = data.OpenReadOnly(path)
	} else {
		s, err = data.Open(path)
	}
	if errors.Is(err, data.ErrInUse) && u.store != nil && !u.readOnly && sameFile(u.store.Path(), path) {
		// Opening the file on show again: this window holds its lock.
		if err := u.closeStore(); err != nil {
			return err
		}
		u.store = nil
		s, err = data.Open(path)
	}
	if err != nil {
		return err
	}
	if u.store != nil {
		if err := u.closeStore(); err != nil {
			s.Close()
			return err
		}
	}
	u.store, u.readOnly = s, readOnly
	u.shutMu.Lock()
	u.shut = false
	u.shutMu.Unlock()
	u.saver = newSaver(u.delay, u.maxWait, u.post, u.onSaveState)
	var restoredEdits restored
	var restoreErr error
	if !readOnly {
		restoredEdits, restoreErr = restoreJournal(s)
		u.saver.jr = newJournal(path)
		u.saver.jr.version = u.saver.version
	}
	title := filepath.Base(path) + " – Minutebook"
	if readOnly {
		title = filepath.Base(path) + " (read-only) – Minutebook"
	}
	// The log goes beside the clerk's own minute book (the example is beside it too), when
	// this window writes to it: a read-only one leaves it to the Minutebook that does.
	if !readOnly {
		followLog(u.ownPath)
	}
	u.win.SetTitle(title)
	u.win.SetContent(u.buildUI())
	u.start()
	u.tellRestored(restoredEdits, restoreErr)
	u.warnIfOnNetwork()
	if !u.isExample() && !readOnly {
		u.addRecent(path)
		u.dailyBackup()
	}
	if u.win.MainMenu() != nil {
		u.refreshMenu()
	}
	return nil
}

// onEditHere opens the read-only minute book for writing, once the other Minutebook that
// had it has let it go; while it still has it, the clerk is told so and stays read-only.
func (u *ui) onEditHere() {
	path := u.store.Path()
	if err := u.openAs(path, false); err != nil {
		if errors.Is(err, data.ErrInUse) {
			u.showErrorDialog(errors.New(filepath.Base(path) + " is still open for writing in another Minutebook window; close it there first."))
			return
		}
		u.showError("Cannot open "+filepath.Base(path)+" for editing", err)
		return
	}
	u.status.SetText("This minute book is now open for editing here.")
}

// isExample reports whether the database open is the example beside the clerk's own.
func (u *ui) isExample() bool { return u.store.Path() == u.examplePath() }

// closeStore writes what is pending and closes the open database.
//
// What could not be written stays in the journal beside the database, and the next start
// saves it (restoreJournal).
func (u *ui) closeStore() error {
	_, err := u.saver.close(closeTimeout)
	jerr := u.saver.jr.close()
	if err != nil {
		if jerr == nil {
			err = fmt.Errorf("%w; it is kept in %s and saved when you next open this minute book", err, journalPath(u.store.Path()))
		}
		return err
	}
	return u.store.Close()
}

func (u *ui) buildUI() fyne.CanvasObject {
	u.status = &widget.Label{Text: "Ready", Truncation: fyne.TextTruncateEllipsis}
	u.fileLabel = &widget.Label{Text: u.store.Path(), Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	u.nav = newNavigation(u)
	u.meeting = newMeetingScreen(u)
	u.people = newPeopleScreen(u)
	u.firstRun = newFirstRun(u)
	u.actionLog = newActionLogScreen(u)
	u.search = newSearchScreen(u)
	u.main = container.NewStack()
	u.banner = container.NewVBox()
	u.editHere = nil
	if u.readOnly {
		u.editHere = &widget.Button{Text: "Open for editing", Icon: theme.DocumentCreateIcon(), OnTapped: u.onEditHere}
		u.banner.Add(container.NewBorder(nil, nil, nil, u.editHere,
			&widget.Label{Text: "Read-only: this minute book is open for writing in another Minutebook window. Close that one, then press Open for editing.",
				Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord}))
	}
	if u.isExample() {
		u.banner.Add(container.NewBorder(nil, nil, nil,
			&widget.Button{Text: "Back to my own database", Icon: theme.NavigateBackIcon(), OnTapped: u.onLeaveExample},
			&widget.Label{Text: "You are exploring the example database. Nothing here touches your own minutes.", Importance: widget.WarningImportance}))
	}
	statusLine := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(420, 36), u.fileLabel), u.status)
	split := container.NewHSplit(u.nav.buildUI(), u.main)
	split.Offset = 0.2
	return withFloatLayer(u.win.Canvas(), container.NewBorder(u.banner, container.NewVBox(widget.NewSeparator(), statusLine), nil, nil, split))
}

// start shows the first screen: the first-run choices for an empty database, otherwise the
// meeting opened last (or the newest).
func (u *ui) start() {
	if len(u.nav.bodies) == 0 {
		u.showFirstRun()
		return
	}
	last := int64(u.app.Preferences().Int(u.lastMeetingKey()))
	if last != 0 {
		if m, err := u.store.Meeting(last); err == nil {
			u.nav.selectBody(m.BodyID)
			u.nav.selectMeeting(m.ID)
			u.meeting.restorePlace()
			return
		}
	}
	u.nav.selectBody(u.nav.bodies[0].ID)
	if len(u.nav.meetings) > 0 {
		u.nav.selectMeeting(u.nav.meetings[0].ID)
		return
	}
	u.showBlank("This body has no meetings yet. Choose “New meeting” to start one.")
}

func (u *ui) lastMeetingKey() string { return "last-meeting:" + u.store.Path() }

// placeKey names where the clerk was in the meeting last opened: "tab", "item", "item-tab".
func (u *ui) placeKey(what string) string { return "last-" + what + ":" + u.store.Path() }

// show puts a screen in the main area; name says which (see ui.screen).
func (u *ui) show(name string, o fyne.CanvasObject) {
	u.screen = name
	if len(u.main.Objects) == 1 && u.main.Objects[0] == o {
		return
	}
	setObjects(u.main, o)
}

func (u *ui) showFirstRun() { u.show("first-run", u.firstRun.buildUI()) }

func (u *ui) showBlank(msg string) {
	u.show("blank", container.NewCenter(&widget.Label{Text: msg, Importance: widget.LowImportance}))
}

// showMeetingScreen brings back the meeting on show, as it was left.
func (u *ui) showMeetingScreen() {
	u.show("meeting", u.meeting.content)
	u.nav.selectRow(u.nav.rowOf(u.meeting.fm.ID))
}

// showMinute opens a meeting at one of its items (itemID 0: the agenda, no item chosen);
// it reports whether it could.
func (u *ui) showMinute(meetingID, itemID int64) bool {
	u.flush()
	m, err := u.store.Meeting(meetingID)
	if err != nil {
		u.showError("Cannot open the meeting", err)
		return false
	}
	if u.nav.body.ID != m.BodyID {
		u.nav.selectBody(m.BodyID)
	}
	u.nav.selectMeeting(meetingID)
	if u.meeting.fm == nil || u.meeting.fm.ID != meetingID {
		return false
	}
	u.meeting.tabs.SelectIndex(1)
	if itemID != 0 {
		u.meeting.agenda.selectID(itemID)
	}
	return true
}

// showActionLog opens the action log of the body chosen in the navigation.
func (u *ui) showActionLog() {
	if u.nav.bodyID() == 0 {
		return
	}
	u.flush()
	u.nav.meetingList.UnselectAll()
	u.show("actions", u.actionLog.content)
	u.actionLog.open(u.nav.bodyID())
}

// showActionInLog opens the action log at one action.
func (u *ui) showActionInLog(bodyID, id int64) {
	u.flush()
	if bodyID != 0 && u.nav.body.ID != bodyID {
		u.nav.selectBody(bodyID)
	}
	u.nav.meetingList.UnselectAll()
	u.show("actions", u.actionLog.content)
	u.actionLog.showAction(u.nav.bodyID(), id)
}

// showSearch opens the search with the cursor in its box.
func (u *ui) showSearch() {
	u.flush()
	u.nav.meetingList.UnselectAll()
	u.show("search", u.search.content)
	u.search.focus()
}

// showMeeting opens a meeting in the main area.
func (u *ui) showMeeting(id int64) {
	if err := u.meeting.load(id); err != nil {
		u.showError("Cannot open the meeting", err)
		return
	}
	u.app.Preferences().SetInt(u.lastMeetingKey(), int(id))
	u.show("meeting", u.meeting.content)
}

func (u *ui) showPeople() {
	u.flush()
	u.people.load(u.nav.bodyID())
	u.nav.meetingList.UnselectAll()
	u.show("people", u.people.content)
}

// onSaveState shows the saver's state in the status line.
func (u *ui) onSaveState(st saveState) {
	if u.status == nil {
		return
	}
	switch {
	case st.Err != nil && st.Retry:
		u.status.Importance = widget.DangerImportance
		u.status.Text = fmt.Sprintf("Not saved yet (%s): %s. Minutebook keeps trying; your text is safe on screen.", st.What, sentence(st.Err))
	case st.Err != nil:
		u.status.Importance = widget.DangerImportance
		u.status.Text = fmt.Sprintf("Could not save %s: %s", st.What, sentence(st.Err))
	case st.Pending > 0:
		u.status.Importance = widget.MediumImportance
		u.status.Text = "Saving…"
	case !st.Saved.IsZero():
		u.status.Importance = widget.SuccessImportance
		u.status.Text = "All changes saved at " + clock(st.Saved)
	default:
		return
	}
	u.status.Refresh()
}

// clock shows a time as minutes write it: 11.05am.
func clock(t time.Time) string { return data.FormatClock(t.Hour(), t.Minute()) }

// sentence turns an error into words for a clerk.
func sentence(err error) string {
	if p := fieldProblem(err); p != "" {
		return p
	}
	if errors.Is(err, data.ErrReadOnly) {
		return "these minutes are approved and read-only; reopen them to edit"
	}
	return data.Words(err)
}

// showError tells the clerk something went wrong, and logs it.
func (u *ui) showError(what string, err error) {
	fyne.LogError(what, err)
	u.showErrorDialog(fmt.Errorf("%s: %s", what, sentence(err)))
}

// flush writes everything pending now, so what is read next is up to date.
func (u *ui) flush() {
	if err := u.saver.flush(runTimeout); err != nil {
		fyne.LogError("flush", err)
	}
}

// run writes a structural change after everything pending and reports a failure.
func (u *ui) run(what string, write func() error) bool {
	if u.readOnly {
		u.showError("Could not "+what, errReadOnlyWindow)
		return false
	}
	if err := u.saver.run(what, write); err != nil {
		u.showError("Could not "+what, err)
		return false
	}
	return true
}

// onCloseRequested writes everything before the window closes; if something cannot be
// written, the clerk decides whether to close anyway (the text then goes to a recovery file).
func (u *ui) onCloseRequested() {
	if err := u.saver.flush(closeTimeout); err != nil {
		u.showConfirm("Not everything is saved",
			"Some changes could not be written to the database:\n"+sentence(err)+
				"\n\nClose anyway? The unsaved text will be kept in a recovery file beside the database.",
			func(ok bool) {
				if ok {
					u.win.Close()
				}
			})
		return
	}
	u.win.Close()
}

// shutdown writes what is pending and closes the database; it runs once, when the window
// closes or the app stops.
func (u *ui) shutdown() error {
	// Held throughout: the window's close and the no-screen watch (in a goroutine of its
	// own) may both call this, and the second must wait for the first to have written.
	u.shutMu.Lock()
	defer u.shutMu.Unlock()
	if !u.shut {
		u.shut = true
		u.shutErr = u.closeStore()
	}
	return u.shutErr
}

// writeRecovery keeps text that could not be saved in a file beside the database.
func (u *ui) writeRecovery(text string) string {
	if text == "" {
		return ""
	}
	name := u.store.Path() + ".unsaved-" + time.Now().Format("2006-01-02-150405") + ".txt"
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		fyne.LogError("recovery file", err)
		return ""
	}
	return name
}

// examplePath is where the example database lives: beside the clerk's own.
func (u *ui) examplePath() string {
	ext := filepath.Ext(u.ownPath)
	return strings.TrimSuffix(u.ownPath, ext) + "-example" + ext
}

// onExploreExample opens the example database beside the clerk's own, writing it first if
// it is not there yet. The clerk's own file stays empty and theirs.
func (u *ui) onExploreExample() {
	path := u.examplePath()
	prog := dialog.NewCustomWithoutButtons("Writing the example…", widget.NewProgressBarInfinite(), u.win)
	prog.Show()
	u.spawn(func() {
		err := writeExample(path)
		u.post(func() {
			prog.Hide()
			if err != nil {
				u.showError("Could not write the example", err)
				return
			}
			if err := u.open(path); err != nil {
				u.showError("Could not open the example", err)
			}
		})
	})
}

// writeExample writes the example panel into the file at path unless it already holds it.
func writeExample(path string) error {
	s, err := data.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	bodies, err := s.Bodies()
	if err != nil || len(bodies) > 0 {
		return err
	}
	return demo.Write(s)
}

func (u *ui) onLeaveExample() {
	if err := u.open(u.ownPath); err != nil {
		u.showError("Could not open your database", err)
	}
}

// onSaveNow writes everything pending at once.
func (u *ui) onSaveNow() {
	if err := u.saver.flush(runTimeout); err != nil {
		u.showError("Not everything could be saved", err)
	}
}

// onQuit closes the window, which writes everything first.
func (u *ui) onQuit() { u.onCloseRequested() }

// meetingTab shows a tab of the meeting on show.
func (u *ui) meetingTab(i int) {
	if u.meeting.fm == nil {
		return
	}
	u.showMeetingScreen()
	u.meeting.tabs.SelectIndex(i)
}

// displayAvailable says, before Fyne panics in its window driver, when there is no screen to
// open a window on: a Linux or BSD session with neither X nor Wayland.
func displayAvailable() error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return fmt.Errorf("there is no display to open the window on; run Minutebook from a desktop session, or use a command such as minutebook export (see minutebook help).")
		}
	}
	return nil
}
