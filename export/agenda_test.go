package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
)

// agendaExample is the exempt case's meeting (the example, its exempt item full of words of
// its own) with a lead officer, a report reference and documents on the serious organised
// crime item, one of them an exempt appendix.
func agendaExample(t *testing.T) (exemptCase, *data.FullItem) {
	t.Helper()
	c := newExemptCase(t)
	it := itemTitled(t, c.fm, "Fighting Serious Organised Crime")
	it.LeadOfficer, it.ReportRef = "Chief Executive, Office of the PCC", "PCP 23/41"
	it.Documents = append(it.Documents,
		data.Document{ItemID: it.ID, Title: "Report of the Police and Crime Commissioner", Pages: 12},
		data.Document{ItemID: it.ID, Title: "Appendix B – Hanborough informant costings", Pages: 3, Exempt: true, ExemptParagraph: 3})
	return c, it
}

func writeAgenda(t *testing.T, fm *data.FullMeeting, opts AgendaOptions, name string) (string, AgendaReport) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := Agenda(&buf, fm, opts)
	if err != nil {
		t.Fatalf("Agenda: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, rep
}

// TestAgendaPDF: the agenda names the body, the meeting and its venue, its membership and each item with
// its number, title, lead officer, report reference and documents; the exempt item carries
// its Schedule 12A paragraph; the public edition prints no word of the exempt item or of an
// exempt document, and the confidential edition prints them, marked.
func TestAgendaPDF(t *testing.T) {
	c, _ := agendaExample(t)
	path, rep := writeAgenda(t, c.fm, AgendaOptions{}, "agenda-public.pdf")
	pages := pageTexts(t, path)
	if rep.Pages != len(pages) || len(rep.ItemPages) != len(c.fm.Items) {
		t.Fatalf("report %+v for %d pages and %d items", rep, len(pages), len(c.fm.Items))
	}
	text := flat(strings.Join(pages, " "))
	for _, want := range []string{
		"Thames Valley Police and Crime Panel", "Agenda", "Meeting to be held on Friday 15 September 2023 at 10.30am",
		"Membership: Cllr Margaret Ashworth (Chairman)",
		"Fighting Serious Organised Crime", "Lead officer: Chief Executive, Office of the PCC", "Report reference: PCP 23/41",
		"Report of the Police and Crime Commissioner (12 pages)",
		"An exempt document, not included in the public edition: exempt – Schedule 12A, paragraph 3",
		c.it.Title, "Exempt – Schedule 12A, paragraph 1 (information relating to any individual)",
		"Its papers are not for publication and are not included in the public edition.",
		"Page 1 of",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the public agenda lacks %q", want)
		}
	}
	// The venue, under the date and time, before the membership.
	if strings.TrimSpace(c.fm.Venue) == "" {
		t.Fatal("the example meeting has no venue to look for")
	}
	inOrder(t, text, []string{"Meeting to be held on Friday 15 September 2023 at 10.30am", c.fm.Venue, "Membership:"})
	for i, it := range c.fm.Items {
		if p := rep.ItemPages[i]; !strings.Contains(flat(pages[p-1]), flat(it.Title)) {
			t.Errorf("item %s is said to start on page %d, which does not show its title", it.Number, p)
		}
	}
	if leaked := c.leaks(text); len(leaked) > 0 || strings.Contains(strings.ToLower(text), "hanborough") || strings.Contains(text, "CONFIDENTIAL") {
		t.Errorf("the public agenda prints %v of the exempt item, or the exempt appendix, or a confidential mark", leaked)
	}
	conf, _ := writeAgenda(t, c.fm, AgendaOptions{Edition: ConfidentialEdition}, "agenda-confidential.pdf")
	ctext := flat(pdfText(t, conf))
	if !strings.Contains(ctext, "Appendix B – Hanborough informant costings (3 pages; exempt – Schedule 12A, paragraph 3") || !strings.Contains(ctext, confidentialMark) {
		t.Errorf("the confidential agenda does not list the exempt appendix, marked: %s", ctext)
	}
	inPack, _ := writeAgenda(t, c.fm, AgendaOptions{InPack: true}, "agenda-pack.pdf")
	if strings.Contains(pdfText(t, inPack), "Page 1 of") {
		t.Error("the agenda for the pack numbers its own pages")
	}
}

// TestAgendaEditions: the HTML agenda passes axe-core and says what the PDF says; the Word
// agenda opens in LibreOffice; neither public edition prints the exempt item's words.
func TestAgendaEditions(t *testing.T) {
	c, _ := agendaExample(t)
	for _, ed := range []Edition{PublicEdition, ConfidentialEdition} {
		htmlPath := writeFileIn(t, "agenda-"+ed.String()+".html", func(w *bytes.Buffer) error {
			_, err := AgendaHTML(w, c.fm, AgendaOptions{Edition: ed})
			return err
		})
		axeCheck(t, htmlPath)
		docxPath := writeFileIn(t, "agenda-"+ed.String()+".docx", func(w *bytes.Buffer) error {
			_, err := AgendaDocx(w, c.fm, AgendaOptions{Edition: ed})
			return err
		})
		for format, text := range map[string]string{"html": htmlText(t, htmlPath), "docx": flat(pdfText(t, soffice(t, docxPath)))} {
			for _, want := range []string{flat(c.fm.Venue), "Lead officer: Chief Executive, Office of the PCC", "Report of the Police and Crime Commissioner (12 pages)", c.it.Title} {
				if !strings.Contains(text, want) {
					t.Errorf("the %s %s agenda lacks %q", ed, format, want)
				}
			}
			hidden := strings.Contains(strings.ToLower(text), "hanborough") || len(c.leaks(text)) > 0
			if ed == PublicEdition && hidden {
				t.Errorf("the public %s agenda prints the exempt item's words %v or the exempt appendix", format, c.leaks(text))
			}
			if ed == ConfidentialEdition && !strings.Contains(text, "Hanborough") {
				t.Errorf("the confidential %s agenda leaves out the exempt appendix", format)
			}
		}
	}
}
