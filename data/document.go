package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
)

// Document is a paper that supported an item: a report, an appendix, a presentation. Its
// PDF is kept in the minute book itself (see AddDocumentFile), so the file of the minute
// book is everything the agenda pack needs.
type Document struct {
	ID       int64
	ItemID   int64
	Position int
	Title    string
	// File is the name of the PDF the clerk added ("Report of the PCC.pdf"); for a document
	// read from published minutes, a path or address; may be empty.
	File string
	// Exempt documents are left out of public packs and minutes: an exempt appendix to a
	// public report. Every document of an exempt item is exempt too (see ExemptUnder).
	Exempt          bool
	ExemptParagraph int // 1–7, or 0 while not chosen
	// Pages, Size and SHA256 describe the PDF kept for the document; SHA256 is "" when no
	// PDF has been added. They change only with the PDF (AddDocumentFile, ReplaceDocumentFile).
	Pages   int
	Size    int64
	SHA256  string
	Version int64
}

// HasFile reports whether the document's PDF is kept in the minute book.
func (d Document) HasFile() bool { return d.SHA256 != "" }

// ExemptUnder reports whether the document is exempt as a document of item it, and under
// which paragraph of Schedule 12A (0 when neither it nor its item names one).
func (d Document) ExemptUnder(it Item) (bool, int) {
	switch {
	case d.Exempt && d.ExemptParagraph != 0:
		return true, d.ExemptParagraph
	case it.Exempt:
		return true, it.ExemptParagraph
	}
	return d.Exempt, 0
}

// Validate checks the document before it is saved.
func (d *Document) Validate() error {
	d.Title, d.File = strings.TrimSpace(cleanText(d.Title)), strings.TrimSpace(d.File)
	if d.ItemID == 0 {
		return invalid("Document", "item", "no item is chosen")
	}
	if d.Title == "" {
		return invalid("Document", "title", "the title is empty")
	}
	if _, ok := Schedule12AParagraph(d.ExemptParagraph); !ok && d.ExemptParagraph != 0 {
		return invalid("Document", "Schedule 12A paragraph", "there is no paragraph %d; Schedule 12A has paragraphs 1 to %d", d.ExemptParagraph, len(Schedule12A))
	}
	if !d.Exempt {
		d.ExemptParagraph = 0
	}
	if d.Pages < 0 {
		return invalid("Document", "pages", "a document cannot have %d pages", d.Pages)
	}
	return nil
}

// AddDocument adds a supporting document without a file at the end of an item's list.
func (s *Store) AddDocument(d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if _, err := ownerMeeting(tx, "items", d.ItemID); err != nil {
			return err
		}
		return addDocument(tx, d)
	})
}

// describe sets the size and digest of the document's PDF and checks the document.
func (d *Document) describe(pdf []byte) error {
	if len(pdf) == 0 {
		return invalid("Document", "file", "the file is empty")
	}
	d.Size, d.SHA256 = int64(len(pdf)), digest(pdf)
	return d.Validate()
}

// AddDocumentFile adds a supporting document with its PDF at the end of an item's list,
// keeping the PDF's bytes in the minute book. The caller has checked that pdf is a PDF
// that can be read and set d.Pages; the store keeps its size and digest.
func (s *Store) AddDocumentFile(d *Document, pdf []byte) error {
	if err := d.describe(pdf); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if _, err := ownerMeeting(tx, "items", d.ItemID); err != nil {
			return err
		}
		if err := addDocument(tx, d); err != nil {
			return err
		}
		return putDocumentFile(tx, d.ID, pdf)
	})
}

// ReplaceDocumentFile puts a new PDF in place of the document's (or gives it its first),
// if the file still holds the version d was read at; d.File names the new file and
// d.Pages its pages. d gets its new version.
func (s *Store) ReplaceDocumentFile(d *Document, pdf []byte) error {
	if err := d.describe(pdf); err != nil {
		return err
	}
	return s.update(func(tx *sql.Tx) error {
		if _, err := ownerMeeting(tx, "documents", d.ID); err != nil {
			return err
		}
		if err := updateRow(tx, d, "file = ?, pages = ?, size = ?, sha256 = ?", d.File, d.Pages, d.Size, d.SHA256); err != nil {
			return err
		}
		return putDocumentFile(tx, d.ID, pdf)
	})
}

// DocumentPDF reads the PDF kept for a document.
func (s *Store) DocumentPDF(id int64) ([]byte, error) {
	var pdf []byte
	err := s.db.QueryRow("SELECT pdf FROM document_files WHERE document_id = ?", id).Scan(&pdf)
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("document %d has no PDF in the minute book: %w", id, ErrNotFound)
	}
	return pdf, err
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func putDocumentFile(tx *sql.Tx, id int64, pdf []byte) error {
	if _, err := tx.Exec("INSERT INTO document_files (document_id, pdf) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET pdf = excluded.pdf", id, pdf); err != nil {
		return fmt.Errorf("keep the document's PDF: %w", err)
	}
	return nil
}

func addDocument(tx *sql.Tx, d *Document) error {
	var err error
	if d.Position, err = nextPosition(tx, "documents", "item_id", d.ItemID); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO documents (item_id, position, title, file, exempt, exempt_paragraph, pages, size, sha256)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.ItemID, d.Position, d.Title, d.File, d.Exempt, d.ExemptParagraph, d.Pages, d.Size, d.SHA256)
	if err != nil {
		return fmt.Errorf("add document: %w", err)
	}
	d.ID, err = res.LastInsertId()
	d.Version = 1
	return err
}

// saveDocument writes what the clerk edits of a document — its title and whether it is
// exempt — (see Save). Its file changes only with its PDF: see ReplaceDocumentFile.
func saveDocument(tx *sql.Tx, d *Document) error {
	return updateRow(tx, d, "title = ?, exempt = ?, exempt_paragraph = ?", d.Title, d.Exempt, d.ExemptParagraph)
}

// DeleteDocument removes a supporting document and its PDF.
func (s *Store) DeleteDocument(id int64) error { return s.deleteRow("documents", id) }

// MoveDocument moves a document up (-1) or down (+1) its item's list.
func (s *Store) MoveDocument(id int64, delta int) error { return s.moveRow("documents", id, delta) }

func documentsOf(tx *sql.Tx, meetingID int64) ([]Document, error) {
	rows, err := tx.Query(`SELECT d.id, d.item_id, d.position, d.title, d.file, d.exempt, d.exempt_paragraph, d.pages, d.size,
		d.sha256, d.version FROM documents d JOIN items i ON i.id = d.item_id
		WHERE i.meeting_id = ? ORDER BY d.item_id, d.position, d.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("load documents: %w", err)
	}
	defer rows.Close()
	var out []Document
	for rows.Next() {
		var d Document
		if err := rows.Scan(&d.ID, &d.ItemID, &d.Position, &d.Title, &d.File, &d.Exempt, &d.ExemptParagraph, &d.Pages,
			&d.Size, &d.SHA256, &d.Version); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
