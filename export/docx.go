package export

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"
)

// The Word editions are written with the standard library's archive/zip, WordprocessingML
// written out directly: see the README for why no library. A .docx is a zip of XML parts;
// docxPackage holds them and writes them in a fixed order with a fixed date, so the same
// document always gives the same bytes.

// twips is a length in millimetres as Word measures it, in twentieths of a point.
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// halfPoints is a font size in points as Word keeps it.
func halfPoints(pt float64) int { return int(pt*2 + 0.5) }

// hexColour is a colour of the PDFs as Word writes it: "960000".
func hexColour(c [3]int) string { return fmt.Sprintf("%02X%02X%02X", c[0], c[1], c[2]) }

// docxPage is the page a Word document is set on, in twips.
type docxPage struct {
	width, height            int
	top, right, bottom, left int
	header, footer           int // from the page's edge
	landscape                bool
}

// textWidth is the width of the text block.
func (p docxPage) textWidth() int { return p.width - p.left - p.right }

// docxBody builds the body of word/document.xml.
type docxBody struct {
	b strings.Builder
}

// run writes text as a run with its properties (<w:b/>, <w:i/>…), keeping its spaces and
// its line breaks.
func (d *docxBody) run(text, props string) {
	if text == "" {
		return
	}
	d.b.WriteString("<w:r>")
	if props != "" {
		d.b.WriteString("<w:rPr>" + props + "</w:rPr>")
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			d.b.WriteString("<w:br/>")
		}
		if line != "" {
			d.b.WriteString(`<w:t xml:space="preserve">` + escapeText(line) + "</w:t>")
		}
	}
	d.b.WriteString("</w:r>")
}

// spans writes spans as runs: bold (action tags, RESOLVED) and italic as set.
func (d *docxBody) spans(spans []span) {
	for _, s := range spans {
		d.run(s.text, runProps(s.style))
	}
}

// runProps are the run properties of a style of the PDF.
func runProps(st fontStyle) string {
	switch st {
	case styleBold:
		return "<w:b/>"
	case styleItalic:
		return "<w:i/>"
	case styleBoldItalic:
		return "<w:b/><w:i/>"
	}
	return ""
}

// tab writes a tab.
func (d *docxBody) tab() { d.b.WriteString("<w:r><w:tab/></w:r>") }

// para writes a paragraph in a style, with extra paragraph properties if any, and its spans.
func (d *docxBody) para(style, props string, spans []span) {
	d.open(style, props)
	d.spans(spans)
	d.close()
}

// open starts a paragraph in a style.
func (d *docxBody) open(style, props string) {
	d.b.WriteString("<w:p><w:pPr>")
	if style != "" {
		d.b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	d.b.WriteString(props + "</w:pPr>")
}

// close ends a paragraph.
func (d *docxBody) close() { d.b.WriteString("</w:p>\n") }

// field writes a Word field (PAGE, NUMPAGES) with the text it shows until Word updates it.
func field(b *strings.Builder, instr, shown string) {
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	b.WriteString(`<w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>`)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	b.WriteString(`<w:r><w:t>` + shown + `</w:t></w:r>`)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}

// docxProps are the document's properties (docProps/core.xml).
type docxProps struct {
	title, subject, author string
	created                time.Time
}

// docxPackage is a Word document's parts.
type docxPackage struct {
	page     docxPage
	props    docxProps
	styles   string // the w:style elements particular to the document
	body     string
	header   string // the header's paragraphs
	footer   string // the footer's paragraphs
	modified time.Time
}

const (
	wordNS   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlHead  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	relsNS   = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	docRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// write writes the package as a .docx.
func (p *docxPackage) write(w io.Writer) error {
	zw := zip.NewWriter(w)
	date := p.props.created.UTC().Format("2006-01-02T15:04:05Z")
	pg := p.page
	orient := ""
	if pg.landscape {
		orient = ` w:orient="landscape"`
	}
	sect := fmt.Sprintf(`<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/></w:sectPr>`,
		pg.width, pg.height, orient, pg.top, pg.right, pg.bottom, pg.left, pg.header, pg.footer)
	parts := []struct{ name, text string }{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="` + mainType + `document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="` + mainType + `styles+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="` + mainType + `numbering+xml"/>` +
			`<Override PartName="/word/settings.xml" ContentType="` + mainType + `settings+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="` + mainType + `header+xml"/>` +
			`<Override PartName="/word/footer1.xml" ContentType="` + mainType + `footer+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
			`</Types>`},
		{"_rels/.rels", xmlHead + `<Relationships ` + relsNS + `>` +
			`<Relationship Id="rId1" Type="` + docRel + `officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + docRel + `extended-properties" Target="docProps/app.xml"/>` +
			`</Relationships>`},
		{"docProps/core.xml", xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>` + escapeText(p.props.title) + `</dc:title><dc:subject>` + escapeText(p.props.subject) + `</dc:subject>` +
			`<dc:creator>` + escapeText(p.props.author) + `</dc:creator><dc:language>` + documentLanguage + `</dc:language>` +
			`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>` +
			`<dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified></cp:coreProperties>`},
		{"docProps/app.xml", xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>` + producer + `</Application></Properties>`},
		{"word/_rels/document.xml.rels", xmlHead + `<Relationships ` + relsNS + `>` +
			`<Relationship Id="rId1" Type="` + docRel + `styles" Target="styles.xml"/>` +
			`<Relationship Id="rId2" Type="` + docRel + `numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId3" Type="` + docRel + `settings" Target="settings.xml"/>` +
			`<Relationship Id="rId4" Type="` + docRel + `header" Target="header1.xml"/>` +
			`<Relationship Id="rId5" Type="` + docRel + `footer" Target="footer1.xml"/>` +
			`</Relationships>`},
		{"word/document.xml", xmlHead + `<w:document ` + wordNS + `><w:body>` + p.body + sect + `</w:body></w:document>`},
		{"word/styles.xml", xmlHead + `<w:styles ` + wordNS + `>` + docxBaseStyles + p.styles + `</w:styles>`},
		{"word/numbering.xml", xmlHead + `<w:numbering ` + wordNS + `>` + docxNumbering + `</w:numbering>`},
		{"word/settings.xml", xmlHead + `<w:settings ` + wordNS + `><w:defaultTabStop w:val="709"/>` +
			`<w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="` + documentLanguage + `"/></w:settings>`},
		{"word/header1.xml", xmlHead + `<w:hdr ` + wordNS + `>` + orEmptyPara(p.header) + `</w:hdr>`},
		{"word/footer1.xml", xmlHead + `<w:ftr ` + wordNS + `>` + orEmptyPara(p.footer) + `</w:ftr>`},
	}
	for _, part := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: p.modified})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, part.text); err != nil {
			return err
		}
	}
	return zw.Close()
}

// orEmptyPara is the paragraphs of a header or footer, which must hold at least one.
func orEmptyPara(s string) string {
	if s == "" {
		return "<w:p/>"
	}
	return s
}

// docxNumbering is the bulleted list the List style uses.
const docxNumbering = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
	`<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`

// docxBaseStyles are the styles every Word edition has: the defaults (British English, the
// PDF's sizes), Normal, Title, Subtitle, Heading 1 and 2, List, the marks, header and footer.
var docxBaseStyles = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>` +
	fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPoints(minutesTextSize), halfPoints(minutesTextSize)) +
	`<w:lang w:val="` + documentLanguage + `" w:eastAsia="` + documentLanguage + `" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	fmt.Sprintf(`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="%d" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`, 240*135/100) +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	fmt.Sprintf(`<w:pPr><w:spacing w:before="%d"/></w:pPr></w:style>`, twips(minutesParaGap)) +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	fmt.Sprintf(`<w:pPr><w:keepNext/><w:spacing w:before="0"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		halfPoints(minutesBodyNameSize), halfPoints(minutesBodyNameSize)) +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	fmt.Sprintf(`<w:pPr><w:keepNext/><w:spacing w:before="%d"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		twips(minutesSmallGap), halfPoints(minutesTitleSize), halfPoints(minutesTitleSize)) +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	fmt.Sprintf(`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`, twips(minutesSectionGap)) +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	fmt.Sprintf(`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`, twips(minutesParaGap)) +
	`<w:style w:type="paragraph" w:styleId="List"><w:name w:val="List"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	fmt.Sprintf(`<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:before="%d"/><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:style>`, twips(0.6), twips(minutesNumberMin)+360) +
	`<w:style w:type="paragraph" w:styleId="DraftMark"><w:name w:val="Draft Mark"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:before="0"/><w:jc w:val="right"/></w:pPr><w:rPr><w:b/><w:color w:val="` + hexColour(minutesDraftInk) + `"/>` +
	fmt.Sprintf(`<w:sz w:val="%d"/></w:rPr></w:style>`, halfPoints(minutesMarkSize)) +
	`<w:style w:type="paragraph" w:styleId="ConfidentialMark"><w:name w:val="Confidential Mark"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:keepNext/><w:shd w:val="clear" w:color="auto" w:fill="` + hexColour(minutesBandFill) + `"/><w:jc w:val="center"/></w:pPr>` +
	`<w:rPr><w:b/><w:color w:val="` + hexColour(minutesBandInk) + `"/>` + fmt.Sprintf(`<w:sz w:val="%d"/></w:rPr></w:style>`, halfPoints(minutesMarkSize)) +
	`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="` + hexColour(minutesRuleGrey) + `"/></w:pBdr><w:spacing w:before="0"/></w:pPr>` +
	`<w:rPr><w:color w:val="` + hexColour(minutesGrey) + `"/>` + fmt.Sprintf(`<w:sz w:val="%d"/></w:rPr></w:style>`, halfPoints(minutesFooterSize))

// pageFooter is a footer: the name at the left, "Page N of M" as Word fields at the right.
func pageFooter(name string, textWidth int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs></w:pPr>`, textWidth)
	b.WriteString(`<w:r><w:t xml:space="preserve">` + escapeText(name) + `</w:t></w:r><w:r><w:tab/></w:r>`)
	b.WriteString(`<w:r><w:t xml:space="preserve">Page </w:t></w:r>`)
	field(&b, "PAGE", "1")
	b.WriteString(`<w:r><w:t xml:space="preserve"> of </w:t></w:r>`)
	field(&b, "NUMPAGES", "1")
	b.WriteString("</w:p>")
	return b.String()
}
