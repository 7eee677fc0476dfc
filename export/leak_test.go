package export

import (
	"os"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
)

// TestExemptItemInEveryEdition runs the PDF's leak check on the HTML and Word editions: the
// public edition's file — every byte of the page, every part of the .docx, properties
// included — holds no distinctive word of the exempt item, but does say what may be said;
// the confidential edition holds every one, marked.
func TestExemptItemInEveryEdition(t *testing.T) {
	c := newExemptCase(t)
	// The meeting without its exempt item: the words of its file in each format (the page's
	// style sheet, the document's style names) are words the format may print.
	others := *c.fm
	others.Items = nil
	for _, it := range c.fm.Items {
		if it.ID != c.it.ID {
			others.Items = append(others.Items, it)
		}
	}
	others.Declarations = c.fm.Declarations[:len(c.fm.Declarations)-1]
	read := map[string]func(t *testing.T, fm *data.FullMeeting, ed Edition) string{
		"html": func(t *testing.T, fm *data.FullMeeting, ed Edition) string {
			path, _ := minutesHTMLFile(t, fm, ed, "minutes-exempt-"+ed.String()+".html")
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			return string(raw)
		},
		"docx": func(t *testing.T, fm *data.FullMeeting, ed Edition) string {
			path, _ := minutesDocxFile(t, fm, ed, "minutes-exempt-"+ed.String()+".docx")
			var all strings.Builder
			for _, p := range docxParts(t, path) {
				all.WriteString(p + " ")
			}
			return all.String()
		},
	}
	for format, file := range read {
		t.Run(format+" public", func(t *testing.T) {
			text := file(t, c.fm, PublicEdition)
			vocabulary := words(file(t, &others, PublicEdition))
			var leaked []string
			for _, w := range c.leaks(text) {
				if !vocabulary[w] {
					leaked = append(leaked, w)
				}
			}
			if len(leaked) > 0 {
				t.Errorf("the public %s edition prints %v from the exempt item", format, leaked)
			}
			for _, want := range []string{escapeText(c.it.Title), "Exempt – Schedule 12A, paragraph 1 (information relating to any individual)",
				escapeText(strings.TrimSpace(c.it.PublicSummary)), "an item considered in private."} {
				if !strings.Contains(text, want) {
					t.Errorf("the public %s edition lacks %q", format, want)
				}
			}
			if strings.Contains(text, "CONFIDENTIAL") {
				t.Errorf("the public %s edition is marked confidential", format)
			}
		})
		t.Run(format+" confidential", func(t *testing.T) {
			text := file(t, c.fm, ConfidentialEdition)
			if printed := c.leaks(text); len(printed) != len(c.distinctive) {
				t.Errorf("the confidential %s edition prints %d of the exempt item's %d distinctive words", format, len(printed), len(c.distinctive))
			}
			if !strings.Contains(text, confidentialMark) {
				t.Errorf("the confidential %s edition is not marked %q", format, confidentialMark)
			}
		})
	}
}

// TestActionLogExemptInEveryFormat checks the public action log in every format — and the
// zero-value options, which are the public edition — leaves out the actions of exempt items,
// and the confidential one lists and marks them.
func TestActionLogExemptInEveryFormat(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
	var exempt []data.ActionLogRow
	for _, r := range log.Rows {
		if r.Exempt {
			exempt = append(exempt, r)
		}
	}
	if len(exempt) == 0 {
		t.Fatal("the demo's log has no action of an exempt item")
	}
	for _, ext := range []string{".pdf", ".docx", ".html", ".csv"} {
		for _, c := range []struct {
			name string
			opts ActionLogOptions
		}{
			// The zero value is the public edition, as the minutes' is: a caller that does
			// not choose publishes nothing of an exempt item.
			{"actionlog-zero", ActionLogOptions{}},
			{"actionlog-public", ActionLogOptions{Edition: PublicEdition}},
			{"actionlog-confidential", ActionLogOptions{Edition: ConfidentialEdition}},
		} {
			name, public := c.name+ext, c.opts.Edition != ConfidentialEdition
			t.Run(name, func(t *testing.T) {
				path := writeLog(t, log, c.opts, name)
				var text string
				switch ext {
				case ".pdf":
					text = strings.Join(logPDFPages(t, path), "\n")
				case ".docx":
					for _, p := range docxParts(t, path) {
						text += p + " "
					}
				default:
					raw, _ := os.ReadFile(path)
					text = string(raw)
				}
				for _, r := range exempt {
					for _, w := range []string{r.Ref, "Featherstonehaugh"} {
						if got := strings.Contains(flat(text), w); got == public {
							t.Errorf("public %v: %q in the log is %v", public, w, got)
						}
					}
				}
				if public && strings.Contains(text, "CONFIDENTIAL") {
					t.Error("the public log is marked confidential")
				}
				if !public && !strings.Contains(text, "CONFIDENTIAL – NOT FOR PUBLICATION") {
					t.Error("the confidential log is not marked so")
				}
			})
		}
	}
}
