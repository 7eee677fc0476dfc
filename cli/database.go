package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

func demoFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.StringVar(&o.size, "size", "small", "small (the example panel) or large (ten years, three bodies, for benchmarks)")
}

// runDemo is `minutebook demo --db FILE [--size large]`: the example database, written only
// into a new file.
func runDemo(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.size != "small" && c.size != "large" {
		return usageError("--size must be small or large, not %q", c.size)
	}
	if st, err := os.Stat(c.db); err == nil && st.Size() > 0 {
		return fmt.Errorf("%s already exists; the example is written only into a new file", c.db)
	}
	if err := os.MkdirAll(filepath.Dir(c.db), 0o755); err != nil {
		return err
	}
	s, err := data.Open(c.db)
	if err != nil {
		return err
	}
	defer s.Close()
	if c.size == "large" {
		err = demo.WriteLarge(s, demo.LargeSize)
	} else {
		err = demo.Write(s)
	}
	if err != nil {
		return fmt.Errorf("write the example: %w", err)
	}
	what := "the example database"
	if c.size == "large" {
		what = "the large example database"
	}
	fmt.Fprintf(c.stdout, "Wrote %s to %s.\n", what, c.db)
	return nil
}

func dumpFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.Int64Var(&o.meeting, "meeting", 0, "dump only this meeting (its id)")
}

// runDump is `minutebook dump --db FILE [--meeting ID]`: the database, or one meeting, as
// JSON on stdout.
func runDump(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	s, err := openExisting(c.db)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := s.Dump(c.meeting)
	if err != nil {
		if errors.Is(err, data.ErrNotFound) {
			return fmt.Errorf("there is no meeting %d in %s", c.meeting, c.db)
		}
		return err
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// runCheck is `minutebook check --db FILE`: the integrity and schema check.
func runCheck(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	rep, err := data.Check(c.db)
	if err != nil {
		return err
	}
	if !rep.OK() {
		return errors.New(rep.String())
	}
	fmt.Fprintln(c.stdout, rep.String())
	return nil
}

func backupFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.StringVar(&o.out, "o", "", "the copy to write")
}

// runBackup is `minutebook backup --db FILE -o COPY`: a consistent copy of a live database.
func runBackup(c *call) error {
	if err := noArgs(c.args); err != nil {
		return err
	}
	if c.out == "" {
		return usageError("say where to write the copy with -o COPY")
	}
	s, err := openExisting(c.db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(c.out); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Backed up %s to %s.\n", c.db, c.out)
	return nil
}
