// Package startlog holds back what the standard logger is given while the program starts,
// until main knows whether it is opening the window or running a headless command.
//
// Why: Minutebook is one binary, so a subcommand links Fyne too, and Go runs every linked
// package's init before main. Fyne's lang package logs from its init() (through
// fyne.LogError, which uses the standard logger) when the locale is one it cannot parse —
// LANG=C.UTF-8, the default on many servers and containers, gives three lines of "Fyne
// error: Error parsing user locale C". A script running `minutebook check` must see nothing
// on stderr but the command's own words, so main calls Discard before a subcommand and
// Release before the app, which then prints exactly what it printed before.
//
// Why this runs first: since Go 1.21 the spec fixes the order of package initialisation —
// repeatedly, the first package in import-path order whose imports are all initialised.
// This package imports only log, os and sync, so it is ready the moment log is; Fyne's lang
// also waits for far more (fyne.io/fyne/v2, go-i18n, x/text/language, text/template,
// encoding/json), which are not all initialised when log is, so this init runs between log's
// and lang's. Keep it that way: import nothing else here. GODEBUG=inittrace=1 shows the
// order, and a test in package main runs the real binary under LANG=C.UTF-8 and fails if
// any of Fyne's start-up words reach stderr.
package startlog

import (
	"log"
	"os"
	"sync"
)

// held is what the standard logger was given before main decided.
var held struct {
	sync.Mutex
	lines []byte
	done  bool
}

type holder struct{}

func (holder) Write(p []byte) (int, error) {
	held.Lock()
	defer held.Unlock()
	if held.done { // a logger that kept this writer after Release or Discard
		return os.Stderr.Write(p)
	}
	held.lines = append(held.lines, p...)
	return len(p), nil
}

func init() { log.SetOutput(holder{}) }

// Discard drops what was held and sends the standard logger to stderr again, as it was: for
// a headless command, which uses no Fyne.
func Discard() { finish(false) }

// Release writes what was held to stderr and sends the standard logger there again: for the
// app, which prints its start-up warnings as it always has.
func Release() { finish(true) }

func finish(show bool) {
	// The logger holds its own lock while it writes to holder, which takes held's: so set
	// the output before taking held's lock, never while holding it.
	log.SetOutput(os.Stderr)
	held.Lock()
	defer held.Unlock()
	if held.done {
		return
	}
	if show {
		os.Stderr.Write(held.lines)
	}
	held.lines, held.done = nil, true
}
