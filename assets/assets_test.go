package assets

import (
	"bytes"
	"image/png"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Fatalf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
	if _, err := png.Decode(bytes.NewReader(Icon)); err != nil {
		t.Fatalf("decode icon: %v", err)
	}
}

// minutesRunes are characters that real minutes use and the PDFs must print:
// typographic quotes, the en dash of "RESOLVED – That", the pound sign, Welsh
// ŵ and ŷ, and Polish Ł.
var minutesRunes = []rune{'‘', '’', '“', '”', '–', '£', 'ŵ', 'ŷ', 'Ł'}

func TestFonts(t *testing.T) {
	fonts := []struct {
		name string
		ttf  []byte
	}{
		{"regular", FontRegular},
		{"bold", FontBold},
		{"italic", FontItalic},
		{"bold italic", FontBoldItalic},
	}
	for _, f := range fonts {
		t.Run(f.name, func(t *testing.T) {
			font, err := sfnt.Parse(f.ttf)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			var buf sfnt.Buffer
			if g, err := font.GlyphIndex(&buf, 'A'); err != nil || g == 0 {
				t.Fatalf("glyph index of 'A' = %d, %v; want a glyph", g, err)
			}
			for _, r := range minutesRunes {
				g, err := font.GlyphIndex(&buf, r)
				if err != nil {
					t.Fatalf("glyph index of %q (U+%04X): %v", r, r, err)
				}
				if g == 0 {
					t.Errorf("no glyph for %q (U+%04X)", r, r)
				}
			}
		})
	}
}
