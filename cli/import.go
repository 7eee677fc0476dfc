package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"

	"minutebook/data"
)

func importFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.StringVar(&o.body, "body", "", "the body's name or short code, when the text does not give it")
	fs.StringVar(&o.date, "date", "", "the meeting date (YYYY-MM-DD), when the text does not give it")
}

// runImport is `minutebook import --db FILE [--body NAME] [--date YYYY-MM-DD] TEXTFILE…`:
// one new meeting per file, each printed as its id and a one-line summary, with its notes
// and the lines it could not place on stderr.
func runImport(c *call) error {
	files := c.args
	if len(files) == 0 {
		return usageError("name the text file(s) to import")
	}
	if c.date != "" && len(files) > 1 {
		return usageError("--date can only be given when importing one file")
	}
	texts := make([]string, len(files))
	for i, f := range files {
		if data.IsDatabase(f) {
			return fmt.Errorf("%s is a database, not minutes text; name the text file to import", f)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("cannot read %s", f)
		}
		if !utf8.Valid(b) {
			return fmt.Errorf("%s is not UTF-8 text; save it as plain text (UTF-8) and try again", f)
		}
		texts[i] = string(b)
	}
	if err := os.MkdirAll(filepath.Dir(c.db), 0o755); err != nil {
		return err
	}
	_, statErr := os.Stat(c.db)
	isNew := os.IsNotExist(statErr)
	s, err := data.Open(c.db) // importing into a new file is fine: that is what was asked
	if err != nil {
		return err
	}
	imported := 0
	defer func() {
		s.Close()
		if isNew && imported == 0 { // nothing was imported: leave no new file behind
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(c.db + suffix)
			}
		}
	}()
	for i, text := range texts {
		im, err := s.ImportText(text, data.ImportOptions{Body: c.body, Date: c.date})
		if err != nil {
			return fmt.Errorf("%s: %w", files[i], err)
		}
		imported++
		fmt.Fprintf(c.stdout, "%d\t%s\n", im.Meeting.ID, im.Summary())
		for _, n := range im.Notes {
			fmt.Fprintf(c.stderr, "%s: note: %s\n", files[i], n)
		}
		for _, u := range im.Unplaced {
			fmt.Fprintf(c.stderr, "%s:%d: not placed: %s\n", files[i], u.Line, u.Text)
		}
	}
	return nil
}
