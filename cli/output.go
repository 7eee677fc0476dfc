package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/desktop"
	"github.com/minutebook/minutebook/export"
)

// checkOutput checks that an output file of kind may be written — never over the database
// being read, its companions, another database or a file of another kind — and that its
// folder exists, so that the clerk is told so in plain words before any work is done.
func checkOutput(path string, kind data.FileKind, db string) error {
	if err := data.CheckOutput(path, kind, db); err != nil {
		return err
	}
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
	// The system's own code first: on Windows a PDF open in Acrobat or a full disk is none
	// of Go's portable errors (desktop.FileProblem).
	if p, ok := desktop.FileProblem(err); ok {
		return fmt.Errorf("cannot write %s: %s", path, p.Why)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot write %s: %v", path, pe.Err)
	}
	return err
}

// editionFlags registers --public and --confidential. The public edition is the default, so
// that forgetting to choose never publishes exempt information; --public stays accepted.
func editionFlags(fs *flag.FlagSet, o *options, public, confidential string) {
	fs.BoolVar(&o.public, "public", false, public+" (the default)")
	fs.BoolVar(&o.secret, "confidential", false, confidential)
}

// confidential reports whether the call asks for the confidential edition, refusing both.
func (c *call) confidential() (bool, error) {
	if c.public && c.secret {
		return false, usageError("choose --public or --confidential, not both")
	}
	return c.secret, nil
}

// outputFormat checks the file to write (see checkOutput) and returns its format: --format
// if given, which the file's name must then end as, else what the name ends in, which must
// be one of the formats the document comes in. what names the document as the refusal
// words it: "a copy of the minutes".
func (c *call) outputFormat(what string, allowed []export.Format) (export.Format, error) {
	kind := data.FileKind{Name: what}
	for _, f := range allowed {
		kind.Exts = append(kind.Exts, fileKind(f).Exts...)
	}
	var f export.Format
	if c.format != "" {
		var err error
		if f, err = export.ParseFormat(c.format); err != nil || !slices.Contains(allowed, f) {
			var names []string
			for _, a := range allowed {
				names = append(names, string(a))
			}
			return "", usageError("--format must be %s or %s, not “%s”", strings.Join(names[:len(names)-1], ", "), names[len(names)-1], c.format)
		}
		kind = fileKind(f)
	}
	if err := checkOutput(c.out, kind, c.db); err != nil {
		return "", err
	}
	if f == "" {
		f, _ = export.FormatOf(c.out)
	}
	return f, nil
}

// fileKind is the kind of file a format writes, for data.CheckOutput.
func fileKind(f export.Format) data.FileKind {
	switch f {
	case export.Word:
		return data.WordFile
	case export.HTML:
		return data.HTMLFile
	case export.CSV:
		return data.CSVFile
	}
	return data.PDFFile
}

// formatFlag registers --format.
func formatFlag(fs *flag.FlagSet, o *options, formats string) {
	fs.StringVar(&o.format, "format", "", "the file's format, "+formats+" (default: what the -o file's name ends in)")
}
