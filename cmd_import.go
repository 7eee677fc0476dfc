package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"minutebook/data"
)

func init() { commands["import"] = command{setupImport} }

// setupImport reads `minutebook import --db FILE [--body NAME] [--date YYYY-MM-DD] TEXTFILE…`:
// one new meeting per file, each printed as its id and a one-line summary.
func setupImport(fs *flag.FlagSet) func([]string, io.Writer) error {
	db := dbFlag(fs)
	body := fs.String("body", "", "the body's name or short code, when the text does not give it")
	date := fs.String("date", "", "the meeting date (YYYY-MM-DD), when the text does not give it")
	return func(files []string, stdout io.Writer) error {
		if len(files) == 0 {
			return usageError("name the text file(s) to import")
		}
		if *date != "" && len(files) > 1 {
			return usageError("--date can only be given when importing one file")
		}
		texts := make([]string, len(files))
		for i, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return fmt.Errorf("cannot read %s", f)
			}
			if !utf8.Valid(b) {
				return fmt.Errorf("%s is not UTF-8 text; save it as plain text (UTF-8) and try again", f)
			}
			texts[i] = string(b)
		}
		if err := os.MkdirAll(filepath.Dir(*db), 0o755); err != nil {
			return err
		}
		_, statErr := os.Stat(*db)
		isNew := os.IsNotExist(statErr)
		s, err := data.Open(*db) // importing into a new file is fine: that is what was asked
		if err != nil {
			return err
		}
		imported := 0
		defer func() {
			s.Close()
			if isNew && imported == 0 { // nothing was imported: leave no new file behind
				for _, suffix := range []string{"", "-wal", "-shm"} {
					os.Remove(*db + suffix)
				}
			}
		}()
		for i, text := range texts {
			im, err := s.ImportText(text, data.ImportOptions{Body: *body, Date: *date})
			if err != nil {
				return fmt.Errorf("%s: %w", files[i], err)
			}
			imported++
			fmt.Fprintf(stdout, "%d\t%s\n", im.Meeting.ID, im.Summary())
			for _, n := range im.Notes {
				fmt.Fprintf(os.Stderr, "%s: note: %s\n", files[i], n)
			}
			for _, u := range im.Unplaced {
				fmt.Fprintf(os.Stderr, "%s:%d: not placed: %s\n", files[i], u.Line, u.Text)
			}
		}
		return nil
	}
}
