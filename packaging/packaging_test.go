package packaging

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/version"
)

func sources(t *testing.T) Sources {
	t.Helper()
	s, err := ReadSources("..")
	if err != nil {
		t.Fatal(err)
	}
	if s.Notices, err = Notices("windows", "..", "../cmd/minutebook-cli"); err != nil {
		t.Fatal(err)
	}
	return s
}

// The third-party licences are those of what the programs link on each system, in full.
func TestTheThirdPartyLicences(t *testing.T) {
	win, err := Notices("windows", "..", "../cmd/minutebook-cli")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"The Go programming language", "fyne.io/fyne/v2 v2.7.1 (LICENSE)", "modernc.org/sqlite", "github.com/jung-kurt/gofpdf",
		"github.com/go-gl/glfw/v3.3/glfw", "(glfw/LICENSE.md)", "Redistribution and use in source and binary forms", "Permission is hereby granted"} {
		if !strings.Contains(win, want) {
			t.Errorf("the Windows notices lack %q", want)
		}
	}
	if strings.Contains(win, "github.com/rymdport/portal") {
		t.Error("the Windows notices name the XDG desktop portal, which only Linux links")
	}
	linux, err := Notices("linux", "..")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(linux, "github.com/rymdport/portal") {
		t.Error("the Linux notices lack the XDG desktop portal")
	}
}

func TestTheIconHasTheFourSizes(t *testing.T) {
	ico, err := ICO(sources(t).IconPNG, IconSizes)
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := ICOSizes(ico)
	if err != nil || !slices.Equal(sizes, []int{16, 32, 48, 256}) {
		t.Fatalf("sizes %v, %v", sizes, err)
	}
	// icotool, a second reader, agrees; and each image is a PNG of its size.
	path := filepath.Join(t.TempDir(), "minutebook.ico")
	os.WriteFile(path, ico, 0o644)
	out, err := exec.Command("icotool", "-l", path).CombinedOutput()
	if err != nil {
		t.Fatalf("icotool (apt-get install icoutils): %v %s", err, out)
	}
	for _, s := range []string{"--width=16 --height=16", "--width=32 --height=32", "--width=48 --height=48", "--width=256 --height=256"} {
		if !strings.Contains(string(out), s) {
			t.Errorf("icotool -l lacks %s:\n%s", s, out)
		}
	}
	if _, err := ICO([]byte("not a png"), IconSizes); err == nil {
		t.Error("a file that is not a PNG made an icon")
	}
	small, _ := scalePNG(sources(t).IconPNG, 64)
	if _, err := ICO(small, IconSizes); err == nil || !strings.Contains(err.Error(), "at least 256") {
		t.Errorf("a 64-pixel icon: %v", err)
	}
	if im, err := png.Decode(bytes.NewReader(small)); err != nil || im.Bounds().Dx() != 64 {
		t.Errorf("scalePNG: %v", err)
	}
}

// buildWindows cross-compiles a small program for Windows (no cgo, so no C compiler and a
// few seconds), with the resources when syso is set: the real linker and the real resource
// object, checked as the release is.
func buildWindows(t *testing.T, gui, syso bool) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644)
	if syso {
		if err := WriteSyso(filepath.Join(dir, "rsrc_windows_amd64.syso"), "Minutebook.exe", Summary, sources(t).IconPNG); err != nil {
			t.Fatal(err)
		}
	}
	exe := filepath.Join(dir, "hello.exe")
	args := []string{"build", "-o", exe}
	if gui {
		args = append(args, "-ldflags=-H windowsgui")
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build for Windows: %v\n%s", err, out)
	}
	return exe
}

func TestTheWindowsResourcesReachTheProgram(t *testing.T) {
	exe := buildWindows(t, true, true)
	if err := CheckExe(exe, true); err != nil {
		t.Fatal(err)
	}
	// The checks can fail: a console program, and a GUI one without resources.
	if err := CheckExe(buildWindows(t, false, true), true); err == nil || !strings.Contains(err.Error(), "subsystem") {
		t.Errorf("a console program passed as GUI: %v", err)
	}
	if err := CheckExe(buildWindows(t, true, false), true); err == nil || !strings.Contains(err.Error(), "resource") {
		t.Errorf("a program without resources passed: %v", err)
	}
	if err := WriteSyso(filepath.Join(t.TempDir(), "rsrc.syso"), "Minutebook.exe", Summary, sources(t).IconPNG); err == nil {
		t.Error("a .syso every build would link was written")
	}
}

func TestTheManifestAndVersionResource(t *testing.T) {
	m := Manifest()
	for _, want := range []string{`<dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2, PerMonitor</dpiAwareness>`,
		`version="` + version.FileVersion() + `"`, "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
	vi := VersionInfo("Minutebook.exe", Summary)
	if vi.StringFileInfo.CompanyName != version.Company || !strings.HasPrefix(vi.StringFileInfo.LegalCopyright, version.Copyright) ||
		vi.FixedFileInfo.FileVersion.Major != 0 || vi.FixedFileInfo.FileVersion.Minor != 1 || vi.FixedFileInfo.FileVersion.Build != version.Build {
		t.Errorf("version info %+v", vi)
	}
}

func TestTheWindowsZip(t *testing.T) {
	gui, console := buildWindows(t, true, true), buildWindows(t, false, false)
	zip := filepath.Join(t.TempDir(), "dist", Base("windows", "amd64")+".zip")
	if err := WindowsZip(zip, gui, console, sources(t)); err != nil {
		t.Fatal(err)
	}
	if err := CheckWindowsZip(zip); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(zip, "Minutebook-"+version.Number+"-windows-amd64.zip") {
		t.Errorf("zip named %s", zip)
	}
	// Without the fonts' licence the check fails.
	s := sources(t)
	s.FontsLicence = []byte("(missing)")
	bad := filepath.Join(t.TempDir(), "bad.zip")
	if err := WindowsZip(bad, gui, console, s); err != nil {
		t.Fatal(err)
	}
	if err := CheckWindowsZip(bad); err == nil || !strings.Contains(err.Error(), "GO-FONTS-LICENSE.txt") {
		t.Errorf("a zip without the fonts' licence: %v", err)
	}
	// The programs swapped: the console one where the window should be.
	if err := WindowsZip(bad, console, gui, sources(t)); err != nil {
		t.Fatal(err)
	}
	if err := CheckWindowsZip(bad); err == nil {
		t.Error("a zip with the programs swapped passed")
	}
}

// fakeMinutebook is a stand-in program for the Linux tarball's test: it answers --version.
const fakeMinutebook = "#!/bin/sh\necho \"Minutebook " + "%s (build 1), linux/amd64\"\n"

func TestTheLinuxTarballInstallsAndValidates(t *testing.T) {
	work := t.TempDir()
	bin := filepath.Join(work, "minutebook")
	os.WriteFile(bin, []byte(strings.Replace(fakeMinutebook, "%s", version.Number, 1)), 0o755)
	dir := filepath.Join(work, Base("linux", "amd64"))
	if err := LinuxTree(dir, bin, sources(t)); err != nil {
		t.Fatal(err)
	}
	tarball := filepath.Join(work, Base("linux", "amd64")+".tar.xz")
	if err := TarXZ(tarball, dir); err != nil {
		t.Fatal(err)
	}
	if err := CheckLinuxTarball(tarball); err != nil {
		t.Fatal(err)
	}
	if err := LinuxTree(dir, bin, sources(t)); err == nil {
		t.Error("LinuxTree wrote over a folder")
	}
}

func TestTheDesktopEntryAndMetainfo(t *testing.T) {
	d := DesktopEntry()
	for _, want := range []string{"\nComment=" + Summary + "\n", "\nCategories=Office;\n", "\nIcon=" + AppID + "\n"} {
		if !strings.Contains(d, want) {
			t.Errorf(".desktop lacks %q", want)
		}
	}
	m := Metainfo()
	for _, want := range []string{"<id>" + AppID + "</id>", `<release version="` + version.Number + `" date="` + version.ReleaseDate + `"/>`,
		"<launchable type=\"desktop-id\">" + AppID + ".desktop</launchable>", "members&#39; questions"} {
		if !strings.Contains(m, want) {
			t.Errorf("metainfo lacks %s", want)
		}
	}
}

func TestTheArchiveCanBeReadByAll(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.zip")
	if err := writeAtomically(out, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
}

// The release check fails a tarball whose .desktop or metainfo is wrong: each case lays out
// the release, spoils one file as a slip in linux.go would, packs it and checks it.
func TestTheTarballCheckRefusesABadDesktopEntryOrMetainfo(t *testing.T) {
	src := sources(t)
	desktopFile := "share/applications/" + AppID + ".desktop"
	metainfoFile := "share/metainfo/" + AppID + ".metainfo.xml"
	cases := []struct {
		name, file, old, new string
		want                 string // in the check's error
	}{
		{"no Categories", desktopFile, "Categories=Office;\n", "", "Categories=Office;"},
		{"not under Office", desktopFile, "Categories=Office;", "Categories=Utility;", "Categories=Office;"},
		{"an unknown key", desktopFile, "Terminal=false\n", "Terminal=false\nTerminals=false\n", "desktop-file-validate"},
		{"no Type", desktopFile, "Type=Application\n", "", "desktop-file-validate"},
		{"no summary", metainfoFile, "  <summary>" + Summary + "</summary>\n", "", "appstreamcli validate"},
		{"a release dated nonsense", metainfoFile, `date="` + version.ReleaseDate + `"`, `date="2026-13-45"`, "appstreamcli validate"},
		{"broken XML", metainfoFile, "</component>", "</componen>", "appstreamcli validate"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			work := t.TempDir()
			bin := filepath.Join(work, "minutebook")
			os.WriteFile(bin, []byte(strings.Replace(fakeMinutebook, "%s", version.Number, 1)), 0o755)
			dir := filepath.Join(work, Base("linux", "amd64"))
			if err := LinuxTree(dir, bin, src); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, filepath.FromSlash(c.file))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), c.old) {
				t.Fatalf("%s has no %q to spoil", c.file, c.old)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(b), c.old, c.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			tarball := filepath.Join(work, Base("linux", "amd64")+".tar.xz")
			if err := TarXZ(tarball, dir); err != nil {
				t.Fatal(err)
			}
			err = CheckLinuxTarball(tarball)
			if err == nil {
				t.Fatalf("the check passed a release with %s", c.name)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("the check said %v; want it to name %q", err, c.want)
			}
		})
	}
}
