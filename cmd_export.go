package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
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
