// Package export draws Minutebook's documents — the formal minutes and the action log —
// from the data package's types. It knows nothing of the GUI.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
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

// documentLanguage is the language every document declares: British English, for screen
// readers and for the accessibility checks public bodies run on what they publish.
const documentLanguage = "en-GB"

// outputPDF writes pdf to w with the document's language declared in its catalog. gofpdf
// has no way to set the language (the catalog's /Lang entry), so it is added to the bytes
// gofpdf wrote: see withLanguage.
func outputPDF(w io.Writer, pdf *gofpdf.Fpdf) error {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	out, err := withLanguage(buf.Bytes(), documentLanguage)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// withLanguage adds /Lang (lang) to the catalog of a PDF that gofpdf wrote, and moves the
// cross-reference table's offsets of whatever follows the catalog by as much. gofpdf writes
// one catalog, uncompressed, and a classic cross-reference table; anything else is refused
// rather than guessed at.
func withLanguage(pdf []byte, lang string) ([]byte, error) {
	const catalog = "\n/Type /Catalog\n"
	at := bytes.Index(pdf, []byte(catalog))
	if at < 0 || bytes.Count(pdf, []byte(catalog)) != 1 {
		return nil, errors.New("the PDF has no single catalog to declare its language in")
	}
	at += len(catalog)
	insert := []byte("/Lang (" + lang + ")\n")
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < at {
		return nil, errors.New("the PDF has no cross-reference table after its catalog")
	}
	var xrefAt int
	if _, err := fmt.Sscanf(string(pdf[sx+len("\nstartxref\n"):]), "%d", &xrefAt); err != nil || xrefAt < at || xrefAt > sx {
		return nil, errors.New("the PDF's cross-reference table is not where it says")
	}
	out := make([]byte, 0, len(pdf)+len(insert)+8)
	out = append(out, pdf[:at]...)
	out = append(out, insert...)
	// The table: "xref", "0 N", then N entries of "oooooooooo ggggg n \n".
	table := pdf[at:sx]
	lines := bytes.SplitAfter(table, []byte("\n"))
	inTable := false
	for _, line := range lines {
		if inTable && len(line) == 20 && (line[17] == 'n' || line[17] == 'f') {
			if off, err := strconv.Atoi(string(line[:10])); err == nil && line[17] == 'n' && off >= at {
				line = append([]byte(fmt.Sprintf("%010d", off+len(insert))), line[10:]...)
			}
		}
		if bytes.Equal(line, []byte("xref\n")) {
			inTable = true
		}
		out = append(out, line...)
	}
	out = append(out, []byte(fmt.Sprintf("\nstartxref\n%d\n%%%%EOF\n", xrefAt+len(insert)))...)
	return out, nil
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
