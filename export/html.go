package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// htmlDoc writes one self-contained HTML page: no script, no file or font fetched from
// anywhere, its style sheet inside it.
type htmlDoc struct {
	b strings.Builder
}

// start opens the page: the language, the title and the style sheet.
func (d *htmlDoc) start(title, css string) {
	d.b.WriteString("<!DOCTYPE html>\n<html lang=\"" + documentLanguage + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	d.b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	d.b.WriteString("<meta name=\"generator\" content=\"" + producer + "\">\n")
	d.b.WriteString("<title>" + escapeText(title) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n")
}

// end closes the page and writes it to w.
func (d *htmlDoc) end(w io.Writer) error {
	d.b.WriteString("</body>\n</html>\n")
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(d.b.String()); err != nil {
		return err
	}
	return bw.Flush()
}

// raw writes markup as it is.
func (d *htmlDoc) raw(s string) { d.b.WriteString(s) }

// element writes <tag class="…">text</tag> with text escaped.
func (d *htmlDoc) element(tag, class, text string) {
	d.open(tag, class)
	d.b.WriteString(escapeText(text))
	d.b.WriteString("</" + tag + ">\n")
}

// open writes an opening tag with a class, if any.
func (d *htmlDoc) open(tag, class string) {
	if class != "" {
		fmt.Fprintf(&d.b, "<%s class=\"%s\">", tag, class)
		return
	}
	d.b.WriteString("<" + tag + ">")
}

// spans writes text in its styles: bold as strong (action tags, RESOLVED), italic as em.
func (d *htmlDoc) spans(spans []span) {
	for _, s := range spans {
		text := escapeText(s.text)
		switch s.style {
		case styleBold:
			d.b.WriteString("<strong>" + text + "</strong>")
		case styleItalic:
			d.b.WriteString("<em>" + text + "</em>")
		case styleBoldItalic:
			d.b.WriteString("<strong><em>" + text + "</em></strong>")
		default:
			d.b.WriteString(text)
		}
	}
}

// para writes a paragraph of spans, a line break typed in the text kept as <br>.
func (d *htmlDoc) para(class string, spans []span) {
	d.open("p", class)
	var parts []span
	for _, s := range spans {
		lines := strings.Split(s.text, "\n")
		for i, l := range lines {
			if i > 0 {
				d.spans(parts)
				parts = nil
				d.b.WriteString("<br>")
			}
			parts = append(parts, span{text: l, style: s.style})
		}
	}
	d.spans(parts)
	d.b.WriteString("</p>\n")
}

// cssString quotes text as a CSS string, for the content of a page's margin boxes; "<" is
// escaped too, so that no text can close the style element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r < 0x20:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// rgb is a colour of the PDFs as CSS.
func rgb(c [3]int) string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// mm is a length in millimetres as CSS.
func mm(v float64) string { return fmt.Sprintf("%.1fmm", v) }

// pt is a size in points as CSS.
func pt(v float64) string { return fmt.Sprintf("%gpt", v) }
