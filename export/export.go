// Package export draws Minutebook's documents — the formal minutes and the action log —
// from the data package's types. It knows nothing of the GUI.
package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Font family names registered in every document.
const (
	fontFamily = "Go"
	producer   = "Minutebook"
)

// newPDF starts a document with the embedded Go fonts (regular, bold, italic, bold italic)
// registered for UTF-8 (parsed once per process: see goFonts), a fixed creation date (so the same data gives the same file) and a
// sorted catalog. orientation is "P" or "L".
func newPDF(orientation string, created time.Time) *gofpdf.Fpdf {
	pdf := gofpdf.New(orientation, "mm", "A4", "")
	addGoFonts(pdf)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetProducer(producer, false)
	pdf.SetCreator(producer, false)
	pdf.SetCompression(true)
	return pdf
}

// WriteFile writes a document to path through a temporary file in the same folder, renamed
// into place only when the whole document was written: a failed export never leaves a
// half-written file, and an existing file is replaced whole or not at all.
func WriteFile(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
