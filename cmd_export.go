package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"minutebook/export"
)

// exportKinds are the documents `minutebook export KIND` writes; each registers itself from
// its own file (cmd_minutes.go, cmd_actions.go).
var exportKinds = map[string]command{}

func init() { commands["export"] = command{setupExport} }

func setupExport(fs *flag.FlagSet) func([]string, io.Writer) error {
	return func(args []string, stdout io.Writer) error {
		if len(args) == 0 {
			return usageError("say what to export: %s", strings.Join(exportKindNames(), " or "))
		}
		kind, ok := exportKinds[args[0]]
		if !ok {
			return usageError("there is nothing called %q to export; use %s", args[0], strings.Join(exportKindNames(), " or "))
		}
		sub := flag.NewFlagSet(fs.Name()+" "+args[0], flag.ContinueOnError)
		sub.SetOutput(fs.Output())
		run := kind.setup(sub)
		if err := sub.Parse(args[1:]); err != nil {
			return fmt.Errorf("%v: %w", err, errUsage)
		}
		return run(sub.Args(), stdout)
	}
}

func exportKindNames() []string {
	var names []string
	for k := range exportKinds {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// checkOutput checks that an output file's folder exists and that the file is not a folder,
// so that the clerk is told so in plain words before any work is done.
func checkOutput(path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("cannot write %s: it is a folder", path)
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: there is no folder %s", path, dir)
	case err != nil:
		return fmt.Errorf("cannot write %s: %v", path, errors.Unwrap(err))
	case !st.IsDir():
		return fmt.Errorf("cannot write %s: %s is not a folder", path, dir)
	}
	return nil
}

// writeOutput writes a document through export.WriteFile (a temporary file renamed into
// place) and words a file-system failure as the clerk would: "cannot write X: no space left".
func writeOutput(path string, write func(w io.Writer) error) error {
	err := export.WriteFile(path, write)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot write %s: %v", path, pe.Err)
	}
	return err
}

// plural chooses the word for n things.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
