package packaging

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"

	"golang.org/x/image/draw"
)

// IconSizes are the sizes in the Windows icon: Explorer's small and large icons, the list
// view, and the tiles and high-DPI screens.
var IconSizes = []int{16, 32, 48, 256}

// ICO makes a Windows .ico file from a square PNG: one image per size, each a PNG (which
// Windows has read in icons since Vista), scaled with Catmull-Rom so small sizes stay sharp.
func ICO(src []byte, sizes []int) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("the icon is not a PNG: %w", err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 256 {
		return nil, fmt.Errorf("the icon is %d×%d; it must be square and at least 256 pixels", b.Dx(), b.Dy())
	}
	var images [][]byte
	for _, s := range sizes {
		if s < 1 || s > 256 {
			return nil, fmt.Errorf("an icon cannot be %d pixels", s)
		}
		dst := image.NewNRGBA(image.Rect(0, 0, s, s))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return nil, err
		}
		images = append(images, b.Bytes())
	}
	var out bytes.Buffer
	// ICONDIR: reserved, type 1 (icon), count.
	binary.Write(&out, binary.LittleEndian, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for i, s := range sizes {
		dim := uint8(s)
		if s == 256 {
			dim = 0 // 0 means 256 in an ICONDIRENTRY
		}
		binary.Write(&out, binary.LittleEndian, struct {
			Width, Height, Colours, Reserved uint8
			Planes, BitCount                 uint16
			Size, Offset                     uint32
		}{dim, dim, 0, 0, 1, 32, uint32(len(images[i])), uint32(offset)})
		offset += len(images[i])
	}
	for _, im := range images {
		out.Write(im)
	}
	return out.Bytes(), nil
}

// ICOSizes reads the sizes of the images in an .ico file (for checks).
func ICOSizes(ico []byte) ([]int, error) {
	if len(ico) < 6 || binary.LittleEndian.Uint16(ico[2:]) != 1 {
		return nil, fmt.Errorf("not an icon file")
	}
	n := int(binary.LittleEndian.Uint16(ico[4:]))
	if len(ico) < 6+16*n {
		return nil, fmt.Errorf("the icon file is cut short")
	}
	var sizes []int
	for i := 0; i < n; i++ {
		w := int(ico[6+16*i])
		if w == 0 {
			w = 256
		}
		sizes = append(sizes, w)
	}
	return sizes, nil
}
