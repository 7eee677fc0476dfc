package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestMinutesSayWhenTheMeetingEnded: "The meeting ended at 12.40pm." closes the minutes, in
// every edition, before the Chair's signature; without an end time nothing is said.
func TestMinutesSayWhenTheMeetingEnded(t *testing.T) {
	fm, _, _ := exampleMinutes(t)
	fm.Ended = "12.40pm"
	const want = "The meeting ended at 12.40pm."

	path, _ := writeMinutes(t, fm, MinutesOptions{Edition: PublicEdition}, "ended.pdf")
	text := flat(pdfText(t, path))
	if i, j := strings.Index(text, want), strings.LastIndex(text, "Date"); i < 0 || j < i {
		t.Errorf("the PDF does not say %q before the signature", want)
	}

	var html bytes.Buffer
	if _, err := MinutesHTML(&html, fm, MinutesOptions{Edition: PublicEdition}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), want) {
		t.Errorf("the HTML does not say %q", want)
	}

	var docx bytes.Buffer
	if _, err := MinutesDocx(&docx, fm, MinutesOptions{Edition: PublicEdition}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(docx.Bytes()), int64(docx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			found = strings.Contains(string(b), want)
		}
	}
	if !found {
		t.Errorf("the Word document does not say %q", want)
	}

	fm.Ended = ""
	path, _ = writeMinutes(t, fm, MinutesOptions{Edition: PublicEdition}, "no-end.pdf")
	if strings.Contains(pdfText(t, path), "meeting ended") {
		t.Errorf("minutes without an end time say when it ended")
	}
}
