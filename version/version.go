// Package version says which Minutebook this is: the release's number and build, the commit
// it was built from, and the words the About box, --version and the Windows version
// resource share.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Number is this release's version, as FyneApp.toml says (a test keeps them the same).
const Number = "0.1.0"

// Build is the release's build number, FyneApp.toml's Build: the fourth part of the Windows
// file version (0.1.0.1).
const Build = 1

// ReleaseDate is the day this version was released, for the AppStream release notes; set it
// with Number.
const ReleaseDate = "2026-12-04"

// Company and Copyright go in the Windows version resource and the About box.
const (
	Company   = "The Minutebook project"
	Copyright = "Copyright © 2026 the Minutebook authors"
	// Licence names the project's licence (LICENSE) and the fonts' (GO-FONTS-LICENSE).
	Licence      = "MIT licence"
	FontsLicence = "the Go fonts, © Bigelow & Holmes, under a BSD-style licence"
)

// stamped is the commit as the Makefile's release builds stamp it (-ldflags -X), since Go's
// own stamp is off where GOFLAGS says -buildvcs=false, as it is on this project's machines.
var stamped string

// Commit is the commit the program was built from, as Go stamps it when building from a git
// tree ("1a2b3c4d5e6f, 4 December 2026"; "+ changes" when the tree had uncommitted ones),
// or the module version of a go install, or "" when neither is known.
func Commit() string {
	if stamped != "" {
		return stamped
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return commitOf(info)
}

func commitOf(info *debug.BuildInfo) string {
	var rev, when string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			return v
		}
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	s := rev
	if len(when) >= 10 {
		s += " of " + when[:10]
	}
	if modified {
		s += " + changes"
	}
	return s
}

// String is the version line: "Minutebook 0.1.0 (build 1, commit 1a2b3c4d5e6f of
// 2026-12-04), windows/amd64, Go 1.26.8".
func String() string {
	return line(Commit(), runtime.GOOS+"/"+runtime.GOARCH, runtime.Version())
}

func line(commit, platform, goVersion string) string {
	parts := []string{fmt.Sprintf("build %d", Build)}
	if commit != "" {
		parts = append(parts, "commit "+commit)
	}
	return fmt.Sprintf("Minutebook %s (%s), %s, %s", Number, strings.Join(parts, ", "), platform,
		strings.Replace(goVersion, "go", "Go ", 1))
}

// FileVersion is the four-part version Windows shows in a file's properties: 0.1.0.1.
func FileVersion() string {
	n := strings.Split(Number, ".")
	for len(n) < 3 {
		n = append(n, "0")
	}
	return fmt.Sprintf("%s.%d", strings.Join(n[:3], "."), Build)
}
