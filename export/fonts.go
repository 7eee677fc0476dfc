package export

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"github.com/jung-kurt/gofpdf"

	"github.com/minutebook/minutebook/assets"
)

// The Go fonts are parsed once per process, not once per document: gofpdf parses a
// TrueType font in full each time AddUTF8FontFromBytes registers it (about 3 ms for each of
// the four styles, 12 ms an export), and has no way to register a font it has parsed
// already. goFonts parses them into one prototype document and then gives each new document
// its own copy of the prototype's font records.
//
// The copy reaches into gofpdf's unexported fields, which is safe only because the module is
// pinned at v1.16.2 (jung-kurt/gofpdf is archived: there will be no other version). Each
// copy gets its own copy of the font bytes, its own set of used characters and its own
// font-file state, so documents written at the same time share nothing that gofpdf writes
// to. If the fields are not as expected, newPDF registers the fonts the slow, ordinary way,
// and TestFontsParsedOncePerProcess fails.

// fontStyles are the four styles, in the order of the width tables.
var fontStyles = [4]fontStyle{styleRegular, styleBold, styleItalic, styleBoldItalic}

// fontBytes are the embedded font files for each style.
var fontBytes = [4][]byte{assets.FontRegular, assets.FontBold, assets.FontItalic, assets.FontBoldItalic}

// styleIndex is a style's place in fontStyles.
func styleIndex(st fontStyle) int {
	switch st {
	case styleBold:
		return 1
	case styleItalic:
		return 2
	case styleBoldItalic:
		return 3
	}
	return 0
}

// parsedFonts holds what gofpdf made of the Go fonts, and their widths.
type parsedFonts struct {
	fonts reflect.Value // the prototype's map[string]fontDefType, writable
	keys  []reflect.Value
	// advance holds each style's advance widths, in thousandths of an em, for the Basic
	// Multilingual Plane, as gofpdf measures them (see charWidth).
	advance [4][]uint16
	missing [4]uint16
	// widths are the same at 1pt in millimetres, as gofpdf works them out, one slice index
	// a character when text is measured.
	widths       [4][]float64
	missingWidth [4]float64
	err          error // why the records cannot be copied; the widths are good all the same
}

var (
	goFontsOnce sync.Once
	goFontsData parsedFonts
)

// goFonts returns the Go fonts as parsed once for the process.
func goFonts() *parsedFonts {
	goFontsOnce.Do(func() {
		proto := gofpdf.New("P", "mm", "A4", "")
		for i, st := range fontStyles {
			proto.AddUTF8FontFromBytes(fontFamily, string(st), fontBytes[i])
		}
		p := &goFontsData
		if err := proto.Error(); err != nil {
			p.err = fmt.Errorf("parse the Go fonts: %w", err)
			return
		}
		p.err = p.capture(proto)
	})
	return &goFontsData
}

// writable is field name of struct v, made settable although gofpdf does not export it.
func writable(v reflect.Value, name string) (reflect.Value, error) {
	f := v.FieldByName(name)
	if !f.IsValid() {
		return f, fmt.Errorf("gofpdf has no field %s in %s", name, v.Type())
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem(), nil
}

// capture keeps the prototype's font records and reads their widths.
func (p *parsedFonts) capture(proto *gofpdf.Fpdf) error {
	for i := range p.advance {
		p.advance[i] = make([]uint16, 0x10000)
	}
	fonts, err := writable(reflect.ValueOf(proto).Elem(), "fonts")
	if err != nil {
		return err
	}
	if fonts.Kind() != reflect.Map || fonts.Len() != len(fontStyles) {
		return errors.New("gofpdf keeps its fonts in another way")
	}
	p.fonts = fonts
	p.keys = fonts.MapKeys()
	for i, st := range fontStyles {
		def := fonts.MapIndex(reflect.ValueOf(fontKey(st)))
		if !def.IsValid() {
			return fmt.Errorf("gofpdf did not register the %q style as %q", st, fontKey(st))
		}
		cw := def.FieldByName("Cw")
		desc := def.FieldByName("Desc")
		if cw.Kind() != reflect.Slice || cw.Len() < 0x10000 || !desc.IsValid() {
			return errors.New("gofpdf keeps its font widths in another way")
		}
		p.missing[i] = charWidth(0, uint16(desc.FieldByName("MissingWidth").Int()))
		p.widths[i] = make([]float64, 0x10000)
		for r := range 0x10000 {
			p.advance[i][r] = charWidth(int(cw.Index(r).Int()), p.missing[i])
			p.widths[i][r] = float64(p.advance[i][r]) * mmPerPoint / 1000
		}
		p.missingWidth[i] = float64(p.missing[i]) * mmPerPoint / 1000
	}
	for _, k := range p.keys {
		def := reflect.New(fonts.Type().Elem()).Elem()
		def.Set(fonts.MapIndex(k))
		for _, name := range []string{"utf8File", "usedRunes"} {
			if f, err := writable(def, name); err != nil || f.IsNil() {
				return fmt.Errorf("gofpdf's font record has no %s", name)
			}
		}
		file, _ := writable(def, "utf8File")
		reader, err := writable(file.Elem(), "fileReader")
		if err != nil || reader.IsNil() {
			return errors.New("gofpdf's font file has no reader")
		}
		if array, err := writable(reader.Elem(), "array"); err != nil || array.Kind() != reflect.Slice {
			return errors.New("gofpdf's font reader keeps no bytes")
		}
	}
	return nil
}

// charWidth is the width gofpdf gives a character whose entry in its width table is cw: a
// glyph of no width is stored as 65535, a character with no glyph as 0 and then measured
// at the font's missing width (or 500).
func charWidth(cw int, missing uint16) uint16 {
	switch {
	case cw == 65535:
		return 0
	case cw > 0:
		return uint16(cw)
	case missing != 0:
		return missing
	}
	return 500
}

// fontKey is the key gofpdf files a style of the Go fonts under.
func fontKey(st fontStyle) string {
	return map[fontStyle]string{styleRegular: "go", styleBold: "goB", styleItalic: "goI", styleBoldItalic: "goBI"}[st]
}

// addGoFonts registers the Go fonts in pdf: copies of the records parsed once, or, if they
// cannot be copied, the fonts parsed afresh.
func addGoFonts(pdf *gofpdf.Fpdf) {
	if p := goFonts(); p.err == nil {
		if err := p.copyInto(pdf); err == nil {
			return
		}
	}
	for i, st := range fontStyles {
		pdf.AddUTF8FontFromBytes(fontFamily, string(st), fontBytes[i])
	}
}

// copyInto gives pdf its own copy of each font record.
func (p *parsedFonts) copyInto(pdf *gofpdf.Fpdf) error {
	fonts, err := writable(reflect.ValueOf(pdf).Elem(), "fonts")
	if err != nil {
		return err
	}
	if fonts.IsNil() {
		fonts.Set(reflect.MakeMap(fonts.Type()))
	}
	for _, k := range p.keys {
		def := reflect.New(p.fonts.Type().Elem()).Elem()
		def.Set(p.fonts.MapIndex(k))
		// Its own font-file state: gofpdf resets and rebuilds it when it writes the subset.
		file, _ := writable(def, "utf8File")
		own := reflect.New(file.Type().Elem())
		own.Elem().Set(file.Elem())
		reader, _ := writable(own.Elem(), "fileReader")
		ownReader := reflect.New(reader.Type().Elem())
		ownReader.Elem().Set(reader.Elem())
		// and its own copy of the font's bytes (130 kB, copied in microseconds): when gofpdf
		// writes the subset it pads tables by appending to slices of them, which writes
		// into the bytes past each table.
		array, _ := writable(ownReader.Elem(), "array")
		array.SetBytes(bytes.Clone(array.Bytes()))
		reader.Set(ownReader)
		file.Set(own)
		// Its own record of the characters used, which decides the subset embedded.
		used, _ := writable(def, "usedRunes")
		ownUsed := reflect.MakeMapWithSize(used.Type(), used.Len())
		for iter := used.MapRange(); iter.Next(); {
			ownUsed.SetMapIndex(iter.Key(), iter.Value())
		}
		used.Set(ownUsed)
		fonts.SetMapIndex(k, def)
	}
	return nil
}
