package export

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"github.com/minutebook/minutebook/data/demo"
)

// TestFontsParsedOncePerProcess checks that documents get copies of the fonts parsed once,
// and that a document made with the copies is byte for byte the one gofpdf makes when it
// parses the fonts itself.
func TestFontsParsedOncePerProcess(t *testing.T) {
	if err := goFonts().err; err != nil {
		t.Fatalf("the fonts parsed once cannot be copied, so every export parses them again: %v", err)
	}
	draw := func(pdf *gofpdf.Fpdf) []byte {
		pdf.SetCreationDate(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
		pdf.SetCatalogSort(true)
		pdf.AddPage()
		for i, st := range fontStyles {
			pdf.SetFont(fontFamily, string(st), 12)
			pdf.SetXY(20, 20+float64(i)*10)
			pdf.CellFormat(0, 8, "Cllr Łucja Nowak – Tŷ Hafan’s “£1.2m” ŵ", "", 0, "L", false, 0, "")
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	parsed := gofpdf.New("P", "mm", "A4", "")
	for i, st := range fontStyles {
		parsed.AddUTF8FontFromBytes(fontFamily, string(st), fontBytes[i])
	}
	copied := gofpdf.New("P", "mm", "A4", "")
	if err := goFonts().copyInto(copied); err != nil {
		t.Fatal(err)
	}
	want := draw(parsed)
	if got := draw(copied); !bytes.Equal(got, want) {
		t.Fatalf("a document with the copied fonts differs from one with the fonts parsed afresh (%d and %d bytes)", len(got), len(want))
	}
	// A second document from the same copies is the same again: the first changed nothing shared.
	again := gofpdf.New("P", "mm", "A4", "")
	if err := goFonts().copyInto(again); err != nil {
		t.Fatal(err)
	}
	if got := draw(again); !bytes.Equal(got, want) {
		t.Fatal("the second document from the copied fonts differs: the first changed what they share")
	}
}

// TestGlyphWidthsMatchGofpdf checks the width tables against gofpdf's own measure, for every
// character of the Basic Multilingual Plane in every style.
func TestGlyphWidthsMatchGofpdf(t *testing.T) {
	pdf := newPDF("P", time.Time{})
	g := newGlyphWidths()
	for _, st := range fontStyles {
		pdf.SetFont(fontFamily, string(st), 1)
		bad := 0
		for r := rune(1); r < 0x10000; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			s := string(r)
			if got, want := g.width(s, st, 1), pdf.GetStringWidth(s); got != want {
				if bad++; bad < 5 {
					t.Errorf("style %q, %U: width %v, gofpdf says %v", st, r, got, want)
				}
			}
		}
		if bad > 0 {
			t.Errorf("style %q: %d widths differ", st, bad)
		}
		text := "Fighting Serious Organised Crime – Łódź"
		if got, want := g.width(text, st, 11), pdf.GetStringWidth(text)*11; got-want > 1e-9 || want-got > 1e-9 {
			t.Errorf("style %q: %q is %v mm, gofpdf says %v", st, text, got, want)
		}
	}
}

// TestExportsAtOnce writes the same minutes from several goroutines at once, as the app and
// a test may: each is the same as one written alone, so the copied fonts share nothing that
// gofpdf writes to.
func TestExportsAtOnce(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	var alone bytes.Buffer
	if _, err := Minutes(&alone, fm, MinutesOptions{Edition: ConfidentialEdition}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if _, err := Minutes(&buf, fm, MinutesOptions{Edition: ConfidentialEdition}); err != nil {
				t.Error(err)
			}
			results[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i, r := range results {
		if !bytes.Equal(r, alone.Bytes()) {
			t.Errorf("export %d, written alongside others, differs from one written alone", i+1)
		}
	}
}

// TestFitTextLongName checks the footer's shortening of a 12,000-character body name: it fits,
// ends in an ellipsis, and one more character would not have fitted.
func TestFitTextLongName(t *testing.T) {
	measure := newGlyphWidths().at(minutesFooterSize)
	name := strings.Repeat("Łódź and Ynys Môn Joint Scrutiny Committee ", 280)
	const width = 120.0
	got := fitText(name, width, measure)
	if !strings.HasSuffix(got, "…") || measure(got, styleRegular) > width {
		t.Fatalf("shortened to %q (%.1f mm), want it within %.0f mm with an ellipsis", got, measure(got, styleRegular), width)
	}
	kept := strings.TrimSuffix(got, "…")
	next, _ := utf8.DecodeRuneInString(name[len(kept):])
	if measure(kept+string(next)+"…", styleRegular) <= width {
		t.Errorf("%q is shorter than it need be", got)
	}
	if short := "Audit Committee"; fitText(short, width, measure) != short {
		t.Error("a name that fits was shortened")
	}
}
