package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is something the clerk can do from a menu, most of them from the keyboard too. The
// list below builds the menus, the Help → Keyboard shortcuts window and app/SHORTCUTS.md.
type command struct {
	id    string
	menu  string // the menu it sits in
	label string // the menu item's words
	key   fyne.KeyName
	mod   fyne.KeyModifier
	help  string // what it does, for the shortcuts list
	run   func(u *ui)
	// sep puts a separator before the command in its menu.
	sep bool
}

// Menus in the order the menu bar shows them.
var menuNames = []string{"File", "Meeting", "Item", "Go", "Help"}

// commands lists every command. Shortcuts are menu shortcuts, so they work while the
// cursor is in a text field (Fyne gives menu shortcuts first refusal). Ctrl+C, V, X, A, Z
// and Y are left to the text fields.
var commands []command

func init() { commands = commandList() }

func commandList() []command {
	return []command{
		{id: "new-file", menu: "File", label: "New minute book…", help: "Start a new, empty database file", run: (*ui).onNewDatabase},
		{
			id: "open", menu: "File", label: "Open…", key: fyne.KeyO, mod: fyne.KeyModifierShortcutDefault,
			help: "Open another Minutebook database", run: (*ui).onOpen,
		},
		{
			id: "save", menu: "File", label: "Save now", key: fyne.KeyS, mod: fyne.KeyModifierShortcutDefault,
			help: "Write everything typed to the database at once (it is saved as you type anyway)", run: (*ui).onSaveNow,
		},
		{
			id: "import", menu: "File", label: "Import minutes text…", key: fyne.KeyI, mod: fyne.KeyModifierShortcutDefault, sep: true,
			help: "A new meeting from published minutes pasted or opened as text, previewed first", run: (*ui).onImport,
		},
		{
			id: "export-minutes", menu: "File", label: "Export minutes…", key: fyne.KeyE, mod: fyne.KeyModifierShortcutDefault,
			help: "Save the meeting's minutes as a PDF, public or confidential edition", run: func(u *ui) { u.meeting.onExport() },
		},
		{
			id: "export-log", menu: "File", label: "Export action log…", key: fyne.KeyE, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Save the action log, as filtered on screen, as a PDF or CSV", run: (*ui).onExportActionLog,
		},
		{
			id: "export-pack", menu: "File", label: "Export agenda pack…", key: fyne.KeyP, mod: fyne.KeyModifierShortcutDefault,
			help: "One PDF of the agenda, the last minutes, the action log and the papers, with contents and page numbers", run: func(u *ui) { u.meeting.onExportPack() },
		},
		{id: "backup", menu: "File", label: "Back up now…", sep: true, help: "Save a copy of the database where you choose", run: (*ui).onBackUpNow},
		{id: "reveal", menu: "File", label: "Reveal database in its folder", help: "Show the database file in the file manager", run: (*ui).onReveal},
		{id: "new-body", menu: "File", label: "New body…", sep: true, help: "Add another panel or committee", run: func(u *ui) { u.nav.onNewBody() }},
		{id: "body-settings", menu: "File", label: "Body settings…", help: "Name, short code, numbering, usual venue and time", run: func(u *ui) { u.nav.onBodySettings() }},
		{id: "example", menu: "File", label: "Explore the example", help: "Open the example panel, kept in its own file", run: (*ui).onExploreExample},
		{
			id: "quit", menu: "File", label: "Quit", key: fyne.KeyQ, mod: fyne.KeyModifierShortcutDefault, sep: true,
			help: "Close Minutebook; everything typed is written first", run: (*ui).onQuit,
		},

		{
			id: "new-meeting", menu: "Meeting", label: "New meeting…", key: fyne.KeyN, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "A meeting of the chosen body, with its usual venue and time and its members listed", run: func(u *ui) { u.nav.onNewMeeting() },
		},
		{
			id: "duplicate", menu: "Meeting", label: "Duplicate as next meeting…", help: "The same agenda titles four weeks on, without minutes",
			run: func(u *ui) { u.nav.onDuplicate() },
		},
		{
			id: "details-tab", menu: "Meeting", label: "Details & attendance", key: fyne.Key1, mod: fyne.KeyModifierShortcutDefault,
			help: "Show the date, venue, attendance and declarations, with the cursor in the attendance's “Name” to add people as they arrive",
			run:  func(u *ui) { u.meetingTab(0); u.meeting.focusAddName() },
		},
		{
			id: "agenda-tab", menu: "Meeting", label: "Agenda & minutes", key: fyne.Key2, mod: fyne.KeyModifierShortcutDefault,
			help: "Show the items and their minutes", run: func(u *ui) { u.meetingTab(1) },
		},
		{
			id: "new-declaration", menu: "Meeting", label: "New declaration of interest", key: fyne.KeyD, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Add a declaration, the cursor in the member's name", run: func(u *ui) { u.meeting.onAddDeclaration() },
		},
		{
			id: "end-meeting", menu: "Meeting", label: "The meeting ended now", key: fyne.KeyT, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Record the time now as when the meeting ended: the minutes close “The meeting ended at 12.40pm”", run: func(u *ui) { u.meeting.stampEnd() },
		},
		{id: "approve", menu: "Meeting", label: "Approve minutes…", sep: true, help: "Record the approval; the minutes become read-only", run: func(u *ui) { u.meeting.onApprove() }},
		{id: "reopen", menu: "Meeting", label: "Reopen for correction…", help: "Make approved minutes a draft again, recording why", run: func(u *ui) { u.meeting.onReopen() }},
		{id: "history", menu: "Meeting", label: "Approval history…", help: "When the minutes were approved and reopened, and why", run: func(u *ui) { u.meeting.onHistory() }},
		{id: "delete-meeting", menu: "Meeting", label: "Delete meeting…", sep: true, help: "Asks first; its actions stay in the action log", run: func(u *ui) { u.nav.onDelete() }},

		{
			id: "new-item", menu: "Item", label: "New item", key: fyne.KeyN, mod: fyne.KeyModifierShortcutDefault,
			help: "Add an item at the end of the agenda and type its title", run: func(u *ui) { u.meeting.agenda.onAddItem() },
		},
		{
			id: "next-item", menu: "Item", label: "Next item", key: fyne.KeyPageDown, mod: fyne.KeyModifierShortcutDefault,
			help: "Go to the next item's minutes", run: func(u *ui) { u.meeting.agenda.next() },
		},
		{
			id: "previous-item", menu: "Item", label: "Previous item", key: fyne.KeyPageUp, mod: fyne.KeyModifierShortcutDefault,
			help: "Go to the previous item's minutes", run: func(u *ui) { u.meeting.agenda.previous() },
		},
		{
			id: "move-up", menu: "Item", label: "Move item up", key: fyne.KeyUp, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Move the item up the agenda; the minute numbers follow", run: func(u *ui) { u.meeting.agenda.onMove(-1) },
		},
		{
			id: "move-down", menu: "Item", label: "Move item down", key: fyne.KeyDown, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Move the item down the agenda; the minute numbers follow", run: func(u *ui) { u.meeting.agenda.onMove(+1) },
		},
		{
			id: "stamp-time", menu: "Item", label: "Stamp the time now", key: fyne.KeyT, mod: fyne.KeyModifierShortcutDefault,
			help: "Put the time now in the item's time, as minutes write it: 11.05am (or in the time field the cursor is in: an arrival)",
			run: func(u *ui) {
				if f, ok := stampable[u.win.Canvas().Focused()]; ok {
					f.stamp()
					return
				}
				u.meeting.agenda.editor.stampTime()
			},
		},
		{
			id: "title", menu: "Item", label: "Item title", key: fyne.KeyL, mod: fyne.KeyModifierShortcutDefault,
			help: "Put the cursor in the item's title", run: func(u *ui) { u.meetingTab(1); u.meeting.agenda.editor.focusTitle() },
		},
		{
			id: "minutes", menu: "Item", label: "Minutes text", key: fyne.KeyM, mod: fyne.KeyModifierShortcutDefault,
			help: "Put the cursor in the item's minutes", run: func(u *ui) { u.meetingTab(1); u.meeting.agenda.editor.focusMinutes() },
		},
		{
			id: "new-question", menu: "Item", label: "New question", key: fyne.KeyQ, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Add a member's question to the item, numbered after the last", run: func(u *ui) { u.meeting.agenda.editor.questions.onAdd() },
		},
		{
			id: "new-resolution", menu: "Item", label: "New resolution", key: fyne.KeyR, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Add a resolution, begun “That ”", run: func(u *ui) { u.meeting.agenda.editor.resolutions.onAdd() },
		},
		{
			id: "new-action", menu: "Item", label: "New action", key: fyne.KeyA, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Add an action arising from the item", run: func(u *ui) { u.meeting.agenda.editor.actions.onAdd() },
		},
		{id: "delete-item", menu: "Item", label: "Delete item…", help: "Asks first; its actions stay in the action log", run: func(u *ui) { u.meeting.agenda.onDeleteItem() }},

		{
			id: "search", menu: "Go", label: "Search…", key: fyne.KeyF, mod: fyne.KeyModifierShortcutDefault,
			help: "Find anything said in any meeting: minutes, questions, answers, resolutions, actions", run: (*ui).showSearch,
		},
		{
			id: "action-log", menu: "Go", label: "Action log", key: fyne.KeyL, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Every action of the body, with its status, progress and due date", run: (*ui).showActionLog,
		},
		{
			id: "people", menu: "Go", label: "People", key: fyne.KeyP, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "Members, co-opted members, the PCC, officers and witnesses", run: (*ui).showPeople,
		},
		{
			id: "meeting", menu: "Go", label: "Back to the meeting", key: fyne.KeyM, mod: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift,
			help: "The meeting you were working on, as you left it", run: func(u *ui) {
				if u.meeting.fm != nil {
					u.showMeetingScreen()
				}
			},
		},

		{
			id: "shortcuts", menu: "Help", label: "Keyboard shortcuts", key: fyne.KeySlash, mod: fyne.KeyModifierShortcutDefault,
			help: "This list", run: (*ui).showShortcuts,
		},
		{id: "about", menu: "Help", label: "About Minutebook", run: (*ui).showAbout},
	}
}

// shortcut is the command's key as Fyne matches it, or nil.
func (c command) shortcut() fyne.Shortcut {
	if c.key == "" {
		return nil
	}
	return &desktop.CustomShortcut{KeyName: c.key, Modifier: c.mod}
}

// keys writes the command's shortcut as a clerk reads it: "Ctrl+Shift+Q".
func (c command) keys() string {
	if c.key == "" {
		return ""
	}
	var parts []string
	if c.mod&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if c.mod&fyne.KeyModifierSuper != 0 {
		parts = append(parts, "Cmd")
	}
	if c.mod&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if c.mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	key := string(c.key)
	switch c.key {
	case fyne.KeyPageUp:
		key = "Page Up"
	case fyne.KeyPageDown:
		key = "Page Down"
	case fyne.KeyUp:
		key = "↑"
	case fyne.KeyDown:
		key = "↓"
	}
	return strings.Join(append(parts, key), "+")
}

// runCommand runs a command by its id (menus, shortcuts and tests come here).
func (u *ui) runCommand(id string) {
	for _, c := range commands {
		if c.id != id {
			continue
		}
		// Nothing happens behind an open dialog: it is answered (Return, Escape) first.
		if dialogOpen(u.win) && c.id != "quit" {
			return
		}
		// Commands on the meeting and its items act on the meeting the clerk sees: from
		// People, say, they bring the meeting back first.
		if (c.menu == "Item" || c.menu == "Meeting" || c.id == "export-minutes") && c.id != "new-meeting" {
			if u.meeting.fm == nil {
				return
			}
			u.showMeetingScreen()
		}
		c.run(u)
		return
	}
	panic("no command " + id)
}

// mainMenu builds the menu bar from the commands.
func (u *ui) mainMenu() *fyne.MainMenu {
	var menus []*fyne.Menu
	for _, name := range menuNames {
		menu := fyne.NewMenu(name)
		for _, c := range commands {
			if c.menu != name {
				continue
			}
			id := c.id
			item := fyne.NewMenuItem(c.label, func() { u.runCommand(id) })
			item.Shortcut = c.shortcut()
			if c.sep && len(menu.Items) > 0 {
				menu.Items = append(menu.Items, fyne.NewMenuItemSeparator())
			}
			item.IsQuit = id == "quit"
			menu.Items = append(menu.Items, item)
			if id == "open" {
				recent := fyne.NewMenuItem("Open recent", nil)
				recent.ChildMenu = u.recentMenu()
				menu.Items = append(menu.Items, recent)
			}
		}
		menus = append(menus, menu)
	}
	return fyne.NewMainMenu(menus...)
}

// shortcutsMarkdown is the shortcuts list for app/SHORTCUTS.md (kept current by a test).
func shortcutsMarkdown() string {
	var b strings.Builder
	b.WriteString("# Minutebook keyboard shortcuts\n\n")
	b.WriteString("The clerk can run a meeting without the mouse. These work wherever the cursor is, even in the\n")
	b.WriteString("middle of the minutes. On macOS, Cmd takes the place of Ctrl. The app lists them under\n")
	b.WriteString("Help → Keyboard shortcuts.\n\n")
	b.WriteString("<!-- Generated from app/shortcuts.go: go test ./app -run TestShortcutsFile -update -->\n")
	for _, name := range menuNames {
		var rows []string
		for _, c := range commands {
			if c.menu == name && c.key != "" {
				rows = append(rows, fmt.Sprintf("| %s | %s | %s |", c.keys(), c.label, c.help))
			}
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n| Keys | Command | What it does |\n|---|---|---|\n", name)
		b.WriteString(strings.Join(rows, "\n"))
		b.WriteString("\n")
	}
	b.WriteString("\n## In the fields\n\n| Keys | What they do |\n|---|---|\n")
	for _, k := range fieldKeys {
		fmt.Fprintf(&b, "| %s | %s |\n", k[0], k[1])
	}
	return b.String()
}

// fieldKeys are the keys that work inside the fields and dialogs, for the shortcuts list.
var fieldKeys = [][2]string{
	{"Tab / Shift+Tab", "The next / previous field a clerk fills, in reading order (never a button or a drop-down arrow)"},
	{"Return", "In the minutes and other running text, a new paragraph, as in Word; in a resolution, a new line for the next part"},
	{"Shift+Return", "A line break within a paragraph"},
	{"Typing a name", "Lists the people whose names match (any word of the name: “oka” finds Mr David Okafor); ↓ and ↑ choose, Return or Tab takes one, Escape closes the list"},
	{"Attendance “how”", "Type Present, Chair, Vice-Chair, Apologies, Absent, Substitute or In attendance (a few letters do); Return adds the person or changes their row"},
	{"Return / Escape in a dialog", "Answers it as its main button / closes it, as its Cancel or Close button"},
	{"↑ ↓ and Space in lists", "Move and choose (meetings, agenda items, people, search results, the action log)"},
	{"Return in the search box", "Opens the first result"},
}
