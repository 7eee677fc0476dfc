//go:build !windows

package desktop

// messageBox does nothing here: the sentence on stderr is the message (a Linux desktop
// shows a program's stderr in the terminal or the journal).
func messageBox(title, text string) {}
