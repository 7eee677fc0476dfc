// Package assets holds the files Minutebook carries inside its binary: the
// application icon and the fonts the PDF minutes and action log are set in.
//
// It only hands out bytes. Turning them into a Fyne resource is the business
// of package app, the one package that imports Fyne.
package assets

import (
	_ "embed"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// Icon is the application icon, a 512×512 PNG rendered from icon.svg with
//
//	rsvg-convert -w 512 -h 512 icon.svg -o icon.png
//
// Change the SVG, then render the PNG again; do not edit the PNG by hand.
//
//go:embed icon.png
var Icon []byte

// The Go fonts, in the four styles a minute needs: body text, bold titles and
// "RESOLVED", italics for asides, and bold italic for the odd combination.
// They cover Latin Extended-A, so names such as Łukasz and Welsh place names
// with ŵ and ŷ print as written, as do curly quotes, en dashes and £.
//
// The Go fonts were made by Bigelow & Holmes for the Go project and are
// distributed under the same BSD-style licence as Go itself (copyright
// Bigelow & Holmes Inc. and The Go Authors). A binary that embeds them must
// reproduce that copyright notice and licence in its documentation; see
// golang.org/x/image/font/gofont/ttfs/README.
var (
	// FontRegular is Go Regular, a TrueType font.
	FontRegular = goregular.TTF
	// FontBold is Go Bold, a TrueType font.
	FontBold = gobold.TTF
	// FontItalic is Go Italic, a TrueType font.
	FontItalic = goitalic.TTF
	// FontBoldItalic is Go Bold Italic, a TrueType font.
	FontBoldItalic = gobolditalic.TTF
)

// FontsLicence is the Go fonts' licence, shown in Help → About and shipped beside the
// program (GO-FONTS-LICENSE).
//
//go:embed GO-FONTS-LICENSE
var FontsLicence string
