package assets

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image/png"
	"testing"
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
			font, err := parseTrueType(f.ttf)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if g, err := font.glyphIndex('A'); err != nil || g == 0 {
				t.Fatalf("glyph index of 'A' = %d, %v; want a glyph", g, err)
			}
			for _, r := range minutesRunes {
				g, err := font.glyphIndex(r)
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

// The test reads the font tables itself rather than through
// golang.org/x/image/font/sfnt, because sfnt imports golang.org/x/text, which
// the module does not otherwise need. It reads only what the test checks: the
// table directory, head, maxp and the Unicode character map.

// ttFont is a TrueType font, far enough parsed to map runes to glyphs.
type ttFont struct {
	numGlyphs uint16
	cmap      []byte // the chosen Unicode subtable
	format    uint16 // its format: 4 or 12
}

func parseTrueType(b []byte) (*ttFont, error) {
	if len(b) < 12 {
		return nil, errors.New("too short for an offset table")
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 { // 1.0 or "true"
		return nil, fmt.Errorf("sfnt version %#08x is not TrueType", v)
	}
	numTables := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*numTables {
		return nil, errors.New("table directory runs past the end")
	}
	tables := make(map[string][]byte, numTables)
	for i := range numTables {
		rec := b[12+16*i:]
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(n) > uint64(len(b)) {
			return nil, fmt.Errorf("table %q runs past the end", rec[:4])
		}
		tables[string(rec[:4])] = b[off : off+n]
	}
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("no %q table", tag)
		}
	}
	if head := tables["head"]; len(head) < 54 || binary.BigEndian.Uint32(head[12:]) != 0x5F0F3CF5 {
		return nil, errors.New("bad head table")
	}
	maxp := tables["maxp"]
	if len(maxp) < 6 {
		return nil, errors.New("bad maxp table")
	}
	f := &ttFont{numGlyphs: binary.BigEndian.Uint16(maxp[4:])}
	if err := f.pickCmap(tables["cmap"]); err != nil {
		return nil, err
	}
	return f, nil
}

// pickCmap chooses the Unicode subtable: full repertoire (format 12) if there
// is one, otherwise the Basic Multilingual Plane (format 4).
func (f *ttFont) pickCmap(cmap []byte) error {
	if len(cmap) < 4 {
		return errors.New("bad cmap table")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return errors.New("cmap records run past the end")
	}
	for i := range n {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := binary.BigEndian.Uint32(rec[4:])
		if !(platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)) {
			continue
		}
		if uint64(off)+2 > uint64(len(cmap)) {
			return errors.New("cmap subtable runs past the end")
		}
		sub := cmap[off:]
		switch format := binary.BigEndian.Uint16(sub); {
		case format == 12:
			f.cmap, f.format = sub, format
			return nil
		case format == 4 && f.cmap == nil:
			f.cmap, f.format = sub, format
		}
	}
	if f.cmap == nil {
		return errors.New("no Unicode character map")
	}
	return nil
}

// glyphIndex returns the glyph for r, or 0 (the "missing glyph") if the font
// has none.
func (f *ttFont) glyphIndex(r rune) (uint16, error) {
	var g uint32
	var err error
	switch f.format {
	case 4:
		g, err = cmap4(f.cmap, r)
	case 12:
		g, err = cmap12(f.cmap, r)
	}
	if err != nil {
		return 0, err
	}
	if g >= uint32(f.numGlyphs) {
		return 0, fmt.Errorf("glyph %d out of range (font has %d)", g, f.numGlyphs)
	}
	return uint16(g), nil
}

func cmap4(t []byte, r rune) (uint32, error) {
	if r > 0xFFFF {
		return 0, nil
	}
	if len(t) < 14 {
		return 0, errors.New("short format 4 subtable")
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if len(t) < ranges+2*segs {
		return 0, errors.New("format 4 segments run past the end")
	}
	u16 := func(at int) uint16 { return binary.BigEndian.Uint16(t[at:]) }
	c := uint16(r)
	for i := range segs {
		if u16(ends+2*i) < c {
			continue
		}
		start := u16(starts + 2*i)
		if start > c {
			return 0, nil
		}
		delta, rangeOff := u16(deltas+2*i), u16(ranges+2*i)
		if rangeOff == 0 {
			return uint32(c + delta), nil
		}
		at := ranges + 2*i + int(rangeOff) + 2*int(c-start)
		if at+2 > len(t) {
			return 0, errors.New("format 4 glyph array runs past the end")
		}
		if g := u16(at); g != 0 {
			return uint32(g + delta), nil
		}
		return 0, nil
	}
	return 0, nil
}

func cmap12(t []byte, r rune) (uint32, error) {
	if len(t) < 16 {
		return 0, errors.New("short format 12 subtable")
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if len(t) < 16+12*n {
		return 0, errors.New("format 12 groups run past the end")
	}
	c := uint32(r)
	for i := range n {
		grp := t[16+12*i:]
		start, end := binary.BigEndian.Uint32(grp), binary.BigEndian.Uint32(grp[4:])
		if start <= c && c <= end {
			return binary.BigEndian.Uint32(grp[8:]) + c - start, nil
		}
	}
	return 0, nil
}
