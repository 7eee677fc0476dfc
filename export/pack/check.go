package pack

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/minutebook/minutebook/data"
)

// The ways a supporting document can fail to go into a pack.
var (
	ErrNoFile    = errors.New("has no PDF")
	ErrNotPDF    = errors.New("is not a PDF")
	ErrEncrypted = errors.New("is password-protected")
	ErrDamaged   = errors.New("is damaged")
	ErrNoPages   = errors.New("has no pages")
)

// CheckPDF reads a file as the pack will, and returns its number of pages, or why it
// cannot go into a pack: it is not a PDF, is password-protected (even one that opens
// without a password forbids copying its pages into another document), or is damaged.
func CheckPDF(pdf []byte) (pages int, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = 0, fmt.Errorf("%w (%v)", ErrDamaged, p)
		}
	}()
	conf := newConfiguration()
	ctx, err := read(pdf, conf)
	if err != nil {
		return 0, err
	}
	// Merge it as the pack will (into a copy of itself) and find every page after: a page
	// tree can read well and still not hold together in another document.
	dest, err := read(pdf, conf)
	if err != nil {
		return 0, err
	}
	if err := pdfcpu.MergeXRefTables("check", ctx, dest, false, false); err != nil {
		return 0, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	for n := 1; n <= dest.PageCount; n++ {
		if d, ref, _, err := dest.PageDict(n, false); err != nil || d == nil || ref == nil {
			return 0, fmt.Errorf("%w (page %d cannot be found)", ErrDamaged, n)
		}
	}
	return ctx.PageCount, nil
}

// PDFProblem says in a sentence's words what is wrong with a file CheckPDF refused:
// "is password-protected: save a copy without the password (Print to PDF) and add that".
func PDFProblem(err error) string {
	switch {
	case errors.Is(err, ErrNotPDF):
		return "is not a PDF: save it as PDF and add that"
	case errors.Is(err, ErrEncrypted):
		return "is password-protected: save a copy without the password (Print to PDF) and add that"
	case errors.Is(err, ErrNoPages):
		return "has no pages"
	}
	return "is damaged and cannot be read as a PDF: save it again as PDF and add that"
}

func newConfiguration() *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	// The pack makes its own outline: a bookmark for each part, not one for each file.
	conf.CreateBookmarks = false
	return conf
}

// read reads and validates a PDF for merging, sorting what is wrong into the errors above.
func read(pdf []byte, conf *model.Configuration) (ctx *model.Context, err error) {
	defer func() {
		// pdfcpu reads untrusted structure; a panic there is a damaged file, not a crash.
		if p := recover(); p != nil {
			ctx, err = nil, fmt.Errorf("%w (%v)", ErrDamaged, p)
		}
	}()
	head := pdf[:min(len(pdf), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, ErrNotPDF
	}
	if bytes.Contains(pdf, []byte("/Encrypt")) && encrypted(pdf, conf) {
		return nil, ErrEncrypted
	}
	ctx, err = api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		if strings.Contains(err.Error(), "password") {
			return nil, fmt.Errorf("%w (%v)", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	if ctx.Encrypt != nil {
		return nil, ErrEncrypted
	}
	if err := api.ValidateContext(ctx); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	if ctx.PageCount < 1 {
		return nil, ErrNoPages
	}
	// Every page the file counts must be found in its page tree: a file whose count and
	// tree disagree reads, but would merge into a pack with pages missing.
	for i := 1; i <= ctx.PageCount; i++ {
		if d, ref, _, err := ctx.PageDict(i, false); err != nil || d == nil || ref == nil {
			return nil, fmt.Errorf("%w (page %d of %d cannot be found)", ErrDamaged, i, ctx.PageCount)
		}
	}
	return ctx, nil
}

// encrypted reports whether pdfcpu finds the file encrypted; a file that only mentions
// /Encrypt in its text is not.
func encrypted(pdf []byte, conf *model.Configuration) bool {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return strings.Contains(err.Error(), "password")
	}
	return ctx.Encrypt != nil
}

// readDocument reads a document of an item for the pack, naming it in the error.
func readDocument(src Sources, it *data.FullItem, d data.Document, conf *model.Configuration) (*model.Context, error) {
	name := documentName(it, d)
	if !d.HasFile() {
		return nil, &DocumentError{Sentence: name + " has no PDF in the minute book; add its file, or delete the document, before making the pack", Err: ErrNoFile}
	}
	raw, err := src.PDF(d.ID)
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read from the minute book: %w", name, err)
	}
	ctx, err := read(raw, conf)
	if err != nil {
		return nil, documentError(name, err)
	}
	return ctx, nil
}

// documentName names a document of an item as an error does: "The document “Appendix A” of
// item PCP 11/23".
func documentName(it *data.FullItem, d data.Document) string {
	return fmt.Sprintf("The document “%s” of item %s", d.Title, firstNonBlank(it.Number, it.Title))
}

// DocumentError is a supporting document that cannot go into the pack: the sentence names
// it and says what to do; Err is which of the errors above it is.
type DocumentError struct {
	Sentence string
	Err      error
}

func (e *DocumentError) Error() string { return e.Sentence }
func (e *DocumentError) Unwrap() error { return e.Err }

func documentError(name string, err error) error {
	return &DocumentError{Sentence: name + " " + PDFProblem(err) + "; no pack was written", Err: err}
}
