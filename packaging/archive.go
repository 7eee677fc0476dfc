package packaging

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"golang.org/x/image/draw"
)

// Sources are the files a release is made of besides the program.
type Sources struct {
	IconPNG, IconSVG      []byte // assets/icon.png (512 px) and assets/icon.svg
	Licence, FontsLicence []byte // LICENSE and assets/GO-FONTS-LICENSE
	// Notices is THIRD-PARTY-LICENSES, the licences of what the program is built from
	// (Notices); the archive is made without it when it is empty.
	Notices string
}

// ReadSources reads them from the source tree at root.
func ReadSources(root string) (Sources, error) {
	var s Sources
	for _, f := range []struct {
		to   *[]byte
		path string
	}{{&s.IconPNG, "assets/icon.png"}, {&s.IconSVG, "assets/icon.svg"}, {&s.Licence, "LICENSE"}, {&s.FontsLicence, "assets/GO-FONTS-LICENSE"}} {
		b, err := os.ReadFile(filepath.Join(root, f.path))
		if err != nil {
			return s, err
		}
		*f.to = b
	}
	return s, nil
}

// releaseTime is the time on every file in an archive, so that the same build makes the same
// bytes.
var releaseTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// WindowsZip writes the Windows release to out: a folder Minutebook-<version>-windows-amd64
// holding Minutebook.exe, minutebook-cli.exe, the two licences and README.txt. It is written
// to a temporary file and renamed, so a failed run leaves no half-written zip.
func WindowsZip(out, exe, cliExe string, src Sources) error {
	top := Base("windows", "amd64") + "/"
	files := []struct {
		name string
		from string // a file to copy, or
		text string // the text itself
	}{
		{name: "Minutebook.exe", from: exe},
		{name: "minutebook-cli.exe", from: cliExe},
		{name: "LICENSE.txt", text: crlf(string(src.Licence))},
		{name: "GO-FONTS-LICENSE.txt", text: crlf(string(src.FontsLicence))},
		{name: "README.txt", text: ReadMe("windows")},
	}
	if src.Notices != "" {
		files = append(files, struct {
			name string
			from string
			text string
		}{name: "THIRD-PARTY-LICENSES.txt", text: crlf(src.Notices)})
	}
	return writeAtomically(out, func(w io.Writer) error {
		z := zip.NewWriter(w)
		for _, f := range files {
			h := &zip.FileHeader{Name: top + f.name, Method: zip.Deflate, Modified: releaseTime}
			h.SetMode(0o644)
			fw, err := z.CreateHeader(h)
			if err != nil {
				return err
			}
			if f.from != "" {
				in, err := os.Open(f.from)
				if err != nil {
					return err
				}
				_, err = io.Copy(fw, in)
				in.Close()
				if err != nil {
					return err
				}
				continue
			}
			if _, err := io.WriteString(fw, f.text); err != nil {
				return err
			}
		}
		return z.Close()
	})
}

// LinuxTree lays out the Linux release in dir (which must not exist): bin/minutebook, the
// .desktop entry, the metainfo, the icons, the licences, README and the Makefile.
func LinuxTree(dir, bin string, src Sources) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s is there already", dir)
	}
	icon256, err := scalePNG(src.IconPNG, 256)
	if err != nil {
		return err
	}
	program, err := os.ReadFile(bin)
	if err != nil {
		return err
	}
	files := []struct {
		name string
		data []byte
		mode os.FileMode
	}{
		{"bin/minutebook", program, 0o755},
		{"share/applications/" + AppID + ".desktop", []byte(DesktopEntry()), 0o644},
		{"share/metainfo/" + AppID + ".metainfo.xml", []byte(Metainfo()), 0o644},
		{"share/icons/hicolor/256x256/apps/" + AppID + ".png", icon256, 0o644},
		{"share/icons/hicolor/512x512/apps/" + AppID + ".png", src.IconPNG, 0o644},
		{"share/icons/hicolor/scalable/apps/" + AppID + ".svg", src.IconSVG, 0o644},
		{"share/doc/minutebook/LICENSE", src.Licence, 0o644},
		{"share/doc/minutebook/GO-FONTS-LICENSE", src.FontsLicence, 0o644},
		{"LICENSE", src.Licence, 0o644},
		{"GO-FONTS-LICENSE", src.FontsLicence, 0o644},
		{"README", []byte(ReadMe("linux")), 0o644},
		{"Makefile", []byte(InstallMakefile()), 0o644},
	}
	if src.Notices != "" {
		files = append(files, struct {
			name string
			data []byte
			mode os.FileMode
		}{"share/doc/minutebook/THIRD-PARTY-LICENSES", []byte(src.Notices), 0o644})
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.data, f.mode); err != nil {
			return err
		}
		if err := os.Chmod(p, f.mode); err != nil { // whatever the umask
			return err
		}
	}
	return nil
}

// TarXZ packs the folder dir into out (.tar.xz) with tar and xz, owned by root and dated
// releaseTime, through a temporary file.
func TarXZ(out, dir string) error {
	tmp := out + ".tmp"
	cmd := exec.Command("tar", "--sort=name", "--owner=0", "--group=0", "--numeric-owner",
		"--mtime=@"+fmt.Sprint(releaseTime.Unix()), "-cJf", tmp, "-C", filepath.Dir(dir), filepath.Base(dir))
	if msg, err := cmd.CombinedOutput(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("tar: %v: %s", err, msg)
	}
	return os.Rename(tmp, out)
}

func scalePNG(src []byte, size int) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	var b bytes.Buffer
	err = png.Encode(&b, dst)
	return b.Bytes(), err
}

// writeAtomically writes path through a temporary file in its folder, renamed into place.
func writeAtomically(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".minutebook-release-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil { // CreateTemp makes it 0600
		return err
	}
	return os.Rename(f.Name(), path)
}
