// Package packaging makes Minutebook's release files: for Windows the resources linked into
// Minutebook.exe (its icon at 16, 32, 48 and 256 pixels, the version resource with company
// and copyright, and the manifest that declares per-monitor DPI awareness) and the zip; for
// Linux the .desktop entry, the AppStream metainfo, the icons, the Makefile that installs
// them, and the tarball. Check reads a built zip or tarball back the way CI does.
//
// Why not fyne package: fyne.io/tools v1.7.4 writes a one-size icon, a version resource with
// no company or copyright, a manifest with no DPI awareness, no AppStream file, and it
// bumps Build in FyneApp.toml on every run, which leaves the tree changed. This package uses
// goversioninfo, the library fyne package itself uses to write the resource, and changes no
// file under version control.
package packaging

import (
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/version"
)

// AppID is the application's reverse-DNS id: the .desktop file's and AppStream's name, and
// the id Fyne keeps the preferences under.
const AppID = "org.minutebook.app"

// Name is the application's name.
const Name = "Minutebook"

// Summary is the one line that says what Minutebook is (AppStream, the .desktop Comment, the
// Windows file description).
const Summary = "Minutes, questions and action logs for the clerk of a scrutiny committee"

// Base is the release's folder and file name before the archive's ending:
// Minutebook-0.1.0-windows-amd64.
func Base(goos, goarch string) string {
	return fmt.Sprintf("%s-%s-%s-%s", Name, version.Number, goos, goarch)
}

// crlf turns a text's line endings into Windows' own, for the .txt files in the zip (old
// Notepad shows a file with bare line feeds as one line).
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}
