package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"minutebook/data"
	"minutebook/export"
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
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot write %s: %v", path, pe.Err)
	}
	return err
}
