package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/minutebook/minutebook/data"
)

func importFlags(fs *flag.FlagSet, o *options) {
	dbFlag(fs, o)
	fs.StringVar(&o.body, "body", "", "the body's name or short code, used instead of the body the text names (needed when it names none)")
	fs.BoolVar(&o.newBody, "new-body", false, "add the body named by --body when the file has none of that name")
	fs.StringVar(&o.date, "date", "", "the meeting date (YYYY-MM-DD), used instead of the date the text gives (needed when it gives none)")
	fs.BoolVar(&o.asNew, "as-new", false, "import even when the body already has a meeting on that date")
}

// runImport is `minutebook import --db FILE [--body NAME] [--new-body] [--date YYYY-MM-DD]
// [--as-new] TEXTFILE…`: one new meeting per file, all or none, each printed as its id and
// a one-line summary, with its notes and the lines it could not place on stderr.
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
	ims, err := s.ImportTexts(texts, data.ImportOptions{Body: c.body, Date: c.date, NewBody: c.newBody, AsNew: c.asNew})
	if err != nil {
		return importError(err, files, len(files) > 1)
	}
	for i, im := range ims {
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

// importError says which file could not be imported and what to do about it, in the words
// of the command's own flags; with several files it says that none was imported.
func importError(err error, files []string, several bool) error {
	file := "the text"
	var te *data.ImportTextError
	if errors.As(err, &te) && te.Index < len(files) {
		file, err = files[te.Index], te.Err
	}
	none := ""
	if several {
		none = "; none of the files was imported"
	}
	var ub *data.UnknownBodyError
	var dm *data.DuplicateMeetingError
	var me *data.MissingError
	switch {
	case errors.As(err, &ub):
		return fmt.Errorf("%s: %s; give --new-body to add it%s", file, data.Words(ub), none)
	case errors.As(err, &dm):
		return fmt.Errorf("%s: %s; give --as-new to import it as another meeting%s", file, data.Words(dm), none)
	case errors.As(err, &me) && me.What == data.MissingDate:
		return fmt.Errorf("%s: the text gives no meeting date; give it with --date%s", file, none)
	case errors.As(err, &me):
		return fmt.Errorf("%s: the text does not name the body; give it with --body%s", file, none)
	}
	return fmt.Errorf("%s: %w%s", file, err, none)
}
