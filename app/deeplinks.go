// Package app is Minutebook's desktop GUI, built with Fyne. It is the only package that
// imports Fyne.
//
// The window has the navigation on the left (the body and its meetings), the screen on show
// in the middle (a meeting, the people, or the first-run choices) and the status line at the
// bottom, which says when the last change was saved. Every screen writes through one saver
// (saver.go), the background writer that keeps changes in order and off the UI goroutine.
package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/minutebook/minutebook/data"
)

// This file opens a given screen at start (OpenEnv, WindowEnv), for screenshots and support.

// OpenEnv names the environment variable that opens a given screen at start, for
// screenshots and support: "meeting:2023-09-15", "attendance:2023-09-15" (scrolled to the
// attendance; attendance-end: to its end), "agenda:2023-09-15",
// "item:2023-09-15:3" (the third item), "item:2023-09-15:3:questions" (or minutes,
// resolutions, report, papers), "people", "shortcuts", "first-run", "actions" (the action log;
// "actions:3" with its third row chosen, "actions:3:2024-09-20" as at that date),
// "search:county lines" (the search, typed), "export:2023-09-15" (that meeting with the
// export dialog open), "export-log" or "export-log:2024-09-20" (the action log's), "import:FILE" or "import:DATE:FILE" (the import window with
// the text of FILE; with DATE, that date and the body on show filled in), "reopen:DATE" (the
// reopen dialog of an approved meeting) and "history:DATE".
const OpenEnv = "MINUTEBOOK_OPEN"

// WindowEnv names the environment variable that sets the window's size at start,
// "1920x1080" (screenshots); 1280×800 otherwise.
const WindowEnv = "MINUTEBOOK_WINDOW"

// openFromEnv opens the screen named by OpenEnv (see its comment).
func (u *ui) openFromEnv(spec string) {
	if spec == "" {
		return
	}
	parts := strings.Split(spec, ":")
	switch parts[0] {
	case "first-run":
		u.showFirstRun()
		return
	case "people":
		u.showPeople()
		if len(u.people.shown) > 0 {
			u.people.list.Select(0)
		}
		return
	case "shortcuts":
		// after the main window is up, so that it comes in front
		u.app.Lifecycle().SetOnStarted(func() { fyne.Do(u.showShortcuts) })
		return
	case "actions", "export-log":
		if len(parts) > 2 || (parts[0] == "export-log" && len(parts) > 1) {
			asAt := parts[len(parts)-1]
			if d, err := data.ParseDate(asAt); err == nil {
				u.actionLog.asAt.set(d)
			}
		}
		if parts[0] == "export-log" {
			u.whenUp(u.onExportActionLog)
			return
		}
		if len(parts) > 1 {
			var n int
			fmt.Sscan(parts[1], &n)
			u.actionLog.afterLoad = append(u.actionLog.afterLoad, func() {
				if r := u.actionLog.row(n - 1); r != nil {
					u.actionLog.selectAction(r.ID)
				}
			})
		}
		u.showActionLog()
		return
	case "search":
		q := strings.Join(parts[1:], ":")
		u.showSearch()
		u.search.entry.SetText(q)
		return
	case "import":
		date, file := "", strings.Join(parts[1:], ":")
		if len(parts) > 2 {
			if d, err := data.ParseDate(parts[1]); err == nil {
				date, file = d, strings.Join(parts[2:], ":")
			}
		}
		u.whenUp(func() {
			u.onImport()
			if date != "" {
				// The date given is the clerk filling in what the text lacks; the body on
				// show is the one they would choose for a text that names none.
				u.importer.date.entry.SetText(data.FormatDate(date, data.TypedLayout))
				u.importer.body.SetText(u.nav.body.Name)
			}
			if b, err := os.ReadFile(file); err == nil {
				u.importer.text.SetText(string(b))
			}
		})
		return
	}
	if len(parts) < 2 {
		return
	}
	ms, err := u.store.Meetings(0)
	if err != nil {
		return
	}
	for _, m := range ms {
		if m.Date != parts[1] {
			continue
		}
		u.nav.selectBody(m.BodyID)
		u.nav.selectMeeting(m.ID)
		switch parts[0] {
		case "meeting":
			u.meeting.tabs.SelectIndex(0)
		case "attendance", "attendance-end":
			u.meeting.tabs.SelectIndex(0)
			end := parts[0] == "attendance-end"
			u.app.Lifecycle().SetOnStarted(func() {
				go func() {
					time.Sleep(500 * time.Millisecond) // once the window is laid out
					fyne.Do(func() { u.meeting.scrollToAttendance(end) })
				}()
			})
		case "export":
			u.whenUp(u.meeting.onExport)
		case "reopen":
			u.whenUp(u.meeting.onReopen)
		case "history":
			u.whenUp(u.meeting.onHistory)
		case "item", "agenda":
			u.meeting.tabs.SelectIndex(1)
			if len(parts) > 2 {
				var n int
				fmt.Sscan(parts[2], &n)
				u.meeting.agenda.selectIndex(n - 1)
			}
			if len(parts) > 3 {
				tabs := map[string]int{"minutes": 0, "questions": 1, "resolutions": 2, "report": 3, "papers": 4}
				u.meeting.agenda.editor.tabs.SelectIndex(tabs[parts[3]])
			}
		}
		return
	}
}

// whenUp runs f once the window is up and laid out, so that a dialog it opens comes in
// front and in place (screenshots).
func (u *ui) whenUp(f func()) {
	u.app.Lifecycle().SetOnStarted(func() {
		go func() {
			time.Sleep(700 * time.Millisecond)
			fyne.Do(f)
		}()
	})
}
