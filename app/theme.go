package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// clerkTheme is Fyne's default theme with text a shade stronger, and disabled text kept
// readable: approved minutes open read-only, and the clerk must still be able to read them
// comfortably in both light and dark. The outlines of fields, check boxes and radio
// buttons are drawn darker than Fyne's near-white, so that an unticked box or an unchosen
// option is plainly there and not mistaken for a disabled one.
type clerkTheme struct{}

var _ fyne.Theme = clerkTheme{}

func (clerkTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		if v == theme.VariantLight {
			return color.NRGBA{R: 0x26, G: 0x26, B: 0x26, A: 0xff}
		}
	case theme.ColorNameInputBorder:
		if v == theme.VariantLight {
			return color.NRGBA{R: 0xa8, G: 0xa8, B: 0xa8, A: 0xff}
		}
		return color.NRGBA{R: 0x62, G: 0x62, B: 0x66, A: 0xff}
	case theme.ColorNameDisabled:
		if v == theme.VariantLight {
			return color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
		}
		return color.NRGBA{R: 0x9c, G: 0x9c, B: 0x9c, A: 0xff}
	}
	return theme.DefaultTheme().Color(n, v)
}

func (clerkTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (clerkTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (clerkTheme) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }
