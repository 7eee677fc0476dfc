package desktop

import (
	"fmt"
	"io"
	"strings"
)

// NoScreen is what the clerk is told when the window cannot be drawn: Fyne draws with
// OpenGL, which some remote-desktop sessions and virtual machines do not offer.
type NoScreen struct {
	Cause string // what the graphics library said, for IT
	Log   string // the log file, "" when there is none
}

// Title is the message box's title.
func (NoScreen) Title() string { return "Minutebook cannot open its window" }

// Message is the message box's text: what happened, what to do, and what to tell IT.
func (n NoScreen) Message() string {
	m := "Minutebook cannot draw its window on this screen, because the computer offers no OpenGL graphics " +
		"(this happens over some remote desktop connections and in some virtual machines).\n\n" +
		"Run Minutebook on the computer itself rather than over remote desktop, or ask IT to update the graphics driver " +
		"or turn on graphics acceleration for the remote session (OpenGL 2.1 or later). Your minute book is safe and has not been changed."
	if n.Cause != "" {
		m += "\n\nFor IT: " + n.Cause
	}
	if n.Log != "" {
		m += "\nThe log is " + n.Log
	}
	return m
}

// Sentence is the one sentence for a terminal.
func (n NoScreen) Sentence() string {
	why := ""
	if n.Cause != "" {
		why = " (" + n.Cause + ")"
	}
	return "minutebook: the window cannot be drawn because this display offers no OpenGL graphics" + why +
		"; run Minutebook on a desktop with a graphics driver, or use its commands, such as minutebook export, which need no window."
}

// Tell shows n: as one sentence on stderr, and in a message box that needs no OpenGL —
// Windows' own, or on Linux zenity's, kdialog's or xmessage's, whichever is installed (a
// program started from the menu has no terminal to show stderr). It returns once the clerk
// has closed the box.
func (n NoScreen) Tell(stderr io.Writer) {
	fmt.Fprintln(stderr, n.Sentence())
	messageBox(n.Title(), n.Message())
}

// messageBox shows title and text in a message box and waits until it is closed; tests
// replace it.
var messageBox = systemMessageBox

// alertCommand is the program, with its arguments, that shows title and text in a message box
// on a Linux or BSD desktop, none of which draws with OpenGL: zenity (GNOME's, on most
// desktops), kdialog (KDE's, first on KDE) or xmessage (X's own, on any X server, the text
// wrapped since it wraps nothing), the first that lookPath finds; nil when there is none,
// and the sentence on stderr and the log are all there is. getenv reads
// XDG_CURRENT_DESKTOP and DISPLAY.
func alertCommand(title, text string, getenv func(string) string, lookPath func(string) (string, error)) []string {
	order := []string{"zenity", "kdialog", "xmessage"}
	if strings.Contains(strings.ToUpper(getenv("XDG_CURRENT_DESKTOP")), "KDE") {
		order = []string{"kdialog", "zenity", "xmessage"}
	}
	for _, name := range order {
		if name == "xmessage" && getenv("DISPLAY") == "" {
			continue // X only, and Wayland without Xwayland has no DISPLAY
		}
		path, err := lookPath(name)
		if err != nil {
			continue
		}
		switch name {
		case "zenity":
			return []string{path, "--error", "--title=" + title, "--no-markup", "--width=560", "--text=" + text}
		case "kdialog":
			return []string{path, "--title", title, "--error", text}
		default:
			return []string{path, "-center", "-title", title, "-buttons", "OK:0", "-default", "OK", wrap(text, 76)}
		}
	}
	return nil
}

// wrap breaks each line of s at spaces so that none is longer than width, where it can.
func wrap(s string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for j, word := range strings.Fields(line) {
			if j > 0 && n+1+len([]rune(word)) > width {
				b.WriteByte('\n')
				n = 0
			} else if j > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(word)
			n += len([]rune(word))
		}
	}
	return b.String()
}
