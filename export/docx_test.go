package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// docxParts reads every part of a .docx.
func docxParts(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer zr.Close()
	parts := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

// soffice converts a document to PDF with LibreOffice headless, in a profile of its own, and
// returns the PDF's path. The test needs LibreOffice: a missing soffice fails it.
func soffice(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is missing: install LibreOffice Writer (apt-get install libreoffice-writer, or make deps) to test the Word editions")
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, path)
	out, err := cmd.CombinedOutput()
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".pdf")
	if _, statErr := os.Stat(pdf); err != nil || statErr != nil {
		t.Fatalf("LibreOffice could not open %s: %v %v\n%s", path, err, statErr, out)
	}
	return pdf
}

func minutesDocxFile(t *testing.T, fm *data.FullMeeting, ed Edition, name string) (string, MinutesReport) {
	t.Helper()
	var rep MinutesReport
	path := writeFileIn(t, name, func(w *bytes.Buffer) error {
		var err error
		rep, err = MinutesDocx(w, fm, MinutesOptions{Edition: ed})
		return err
	})
	return path, rep
}

// inOrder checks that each of wants is in text after the one before.
func inOrder(t *testing.T, text string, wants []string) {
	t.Helper()
	at := 0
	for i, w := range wants {
		n := strings.Index(text[at:], flat(w))
		if n < 0 {
			t.Fatalf("%d of %d: %q is not in the text after the one before it", i+1, len(wants), w[:min(len(w), 70)])
		}
		at += n + len(flat(w))
	}
}

// minutesInOrder is what a meeting's minutes must print, in order: each item's number and
// title, then its questions, answers and resolutions. The public edition prints only an exempt
// item's heading; the confidential edition prints all of it, so there every item is checked.
func minutesInOrder(fm *data.FullMeeting, ed Edition) []string {
	var wants []string
	for _, it := range fm.Items {
		wants = append(wants, it.Number, it.Title)
		if it.Exempt && ed != ConfidentialEdition {
			continue
		}
		for i, q := range it.Questions {
			wants = append(wants, fmt.Sprintf("(%d)", i+1), q.Question, q.Answer)
		}
		for _, r := range it.Resolutions {
			wants = append(wants, "RESOLVED – "+r.Text)
		}
	}
	return wants
}

// TestMinutesDocxInLibreOffice converts the Word minutes with LibreOffice and reads the PDF
// back: every item, question, answer and resolution in order, the marks, and the footer
// with the body's name and "Page N of M" worked out from Word's fields.
func TestMinutesDocxInLibreOffice(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	fm.Status = data.StatusDraft
	path, rep := minutesDocxFile(t, fm, ConfidentialEdition, "minutes-confidential.docx")
	if rep.Replaced != 0 || rep.Withheld != 0 {
		t.Errorf("report %+v", rep)
	}
	pdf := soffice(t, path)
	pages := pageTexts(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("LibreOffice set the minutes on %d pages", len(pages))
	}
	text := bodyFlat(pages, demo.PanelName)
	exempt := itemTitled(t, fm, demo.ExemptItemTitle)
	if len(exempt.Resolutions) == 0 {
		t.Fatal("the example meeting's exempt item has no resolution to look for")
	}
	inOrder(t, text, append([]string{demo.PanelName, "Minutes of the meeting held on Friday 15 September 2023 at 10.30am",
		"Present:", "Cllr Margaret Ashworth (Chairman)", "Declarations of Interest"}, minutesInOrder(fm, ConfidentialEdition)...))
	for i, p := range pages {
		for _, want := range []string{draftMark, confidentialMark, fmt.Sprintf("Page %d of %d", i+1, len(pages)), demo.PanelName} {
			if !strings.Contains(flat(p), want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	}
}

// TestMinutesDocxStyles checks the Word document is made of Word's styles, not of direct
// formatting: Title, Subtitle, a Heading 1 for each item with its minute number, Heading 2
// for the questions, List for the attendance; RESOLVED and action tags in bold; the footer's
// page number as PAGE and NUMPAGES fields; the language British English.
func TestMinutesDocxStyles(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	path, _ := minutesDocxFile(t, fm, PublicEdition, "minutes-public.docx")
	parts := docxParts(t, path)
	doc, styles, footer := parts["word/document.xml"], parts["word/styles.xml"], parts["word/footer1.xml"]
	for _, id := range []string{"Title", "Subtitle", "Heading1", "Heading2", "List", "Question", "Answer", "Resolution"} {
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("styles.xml has no %s style", id)
		}
		if !strings.Contains(doc, `<w:pStyle w:val="`+id+`"/>`) {
			t.Errorf("the document uses no %s paragraph", id)
		}
	}
	headings := regexp.MustCompile(`<w:pStyle w:val="Heading1"/>.*?</w:pPr><w:r><w:t xml:space="preserve">([^<]*)</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">([^<]*)</w:t>`).FindAllStringSubmatch(doc, -1)
	if len(headings) != len(fm.Items) {
		t.Fatalf("%d item headings for %d items", len(headings), len(fm.Items))
	}
	for i, it := range fm.Items {
		if headings[i][1] != it.Number || headings[i][2] != escapeText(it.Title) {
			t.Errorf("heading %d: %q %q, want %q %q", i+1, headings[i][1], headings[i][2], it.Number, it.Title)
		}
	}
	for _, want := range []string{
		`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">RESOLVED</w:t></w:r>`,
		`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">[Action: PCC]</w:t></w:r>`,
		`<w:pStyle w:val="List"/></w:pPr><w:r><w:t xml:space="preserve">Cllr Margaret Ashworth (Chairman)</w:t>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	for _, want := range []string{"> PAGE <", "> NUMPAGES <", demo.PanelName} {
		if !strings.Contains(footer, want) {
			t.Errorf("the footer lacks %q", want)
		}
	}
	if !strings.Contains(styles, `<w:lang w:val="en-GB"`) || !strings.Contains(parts["docProps/core.xml"], "<dc:language>en-GB</dc:language>") {
		t.Error("the document is not in British English")
	}
	if strings.Contains(parts["word/header1.xml"], "DRAFT") || strings.Contains(doc+parts["word/header1.xml"], "CONFIDENTIAL") {
		t.Error("the public edition of approved minutes carries a mark")
	}
	// The same meeting gives the same bytes.
	again, _ := minutesDocxFile(t, fm, PublicEdition, "again.docx")
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two Word documents of the same minutes differ")
	}
}

// TestActionLogDocxInLibreOffice converts the Word action log with LibreOffice: every action
// in order, the header row on every page, the confidential mark, and the footer.
func TestActionLogDocxInLibreOffice(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
	path := writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog.docx")
	parts := docxParts(t, path)
	for _, want := range []string{`<w:tblStyle w:val="ActionLog"/>`, `<w:tblHeader/>`, `w:orient="landscape"`} {
		if !strings.Contains(parts["word/document.xml"], want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["word/styles.xml"], `<w:style w:type="table" w:styleId="ActionLog">`) {
		t.Error("no table style")
	}
	pages := pageTexts(t, soffice(t, path))
	text := flat(strings.Join(pages, "\n"))
	var wants []string
	for _, r := range log.Rows {
		wants = append(wants, r.Ref)
	}
	inOrder(t, text, append([]string{demo.PanelName, "Action log as at 20 September 2024"}, wants...))
	for i, p := range pages {
		for _, want := range []string{confidentialLogMark, "Reference", "Latest update", fmt.Sprintf("Page %d of %d", i+1, len(pages))} {
			if !strings.Contains(flat(p), want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	}
	for _, want := range []string{"Overdue", "Due soon", exemptItemWords} {
		if !strings.Contains(text, want) {
			t.Errorf("the log lacks %q", want)
		}
	}
}
