package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/minutebook/minutebook/data"
)

// actionLogCSVHeader names the columns of the CSV action log.
var actionLogCSVHeader = []string{
	"Confidential", "Reference", "Meeting date", "Minute", "Action", "Owner", "Due", "Status", "RAG",
	"Completed or dropped", "Latest update date", "Latest update", "Exempt item",
}

// spreadsheetCell keeps a cell as text in a spreadsheet: one starting with =, +, -, @ (or a
// tab or carriage return) would be run as a formula, so it gets a leading apostrophe, which
// Excel and LibreOffice show as text and do not print.
func spreadsheetCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ActionLogCSV writes the rows of the action log as CSV for a spreadsheet: UTF-8 with a
// byte-order mark, so that Excel reads accents and curly quotes right, and CRLF line ends.
// Dates are YYYY-MM-DD. The public edition leaves out the actions of exempt items; in any
// other, the row of each says "CONFIDENTIAL – NOT FOR PUBLICATION" in its first column, as
// plainly as the PDF's band, so that a row copied out of the sheet carries its mark.
func ActionLogCSV(w io.Writer, log *data.ActionLog, opts ActionLogOptions) error {
	if opts.public() {
		log = log.WithoutExempt()
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(actionLogCSVHeader); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	for _, r := range log.Rows {
		exempt, mark := "", ""
		if r.Exempt {
			exempt, mark = "Yes", confidentialMark
		}
		record := []string{mark, r.Ref, r.MeetingDate, r.Minute, r.Text, r.Owner, r.Due, data.StatusWords[r.StatusAsAt],
			data.RAGNames[r.RAG], r.ClosedOn, r.Latest.Date, r.Latest.Text, exempt}
		for i, f := range record {
			record[i] = spreadsheetCell(strings.ToValidUTF8(f, "\uFFFD"))
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("write the action log: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write the action log: %w", err)
	}
	return nil
}
