package desktop

import (
	"fmt"
	"io"
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

// Tell shows n: in a message box on Windows (a windowed program has no console to print
// on), and as one sentence on stderr elsewhere.
func (n NoScreen) Tell(stderr io.Writer) {
	fmt.Fprintln(stderr, n.Sentence())
	messageBox(n.Title(), n.Message())
}
