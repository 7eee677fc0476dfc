package packaging

import (
	"archive/zip"
	"bytes"
	"debug/pe"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/minutebook/minutebook/version"
)

// The checks below read a release back the way CI does, with the tools a packager would use
// (icoutils' wrestool, file, desktop-file-validate, appstreamcli, make), and fail with what is
// wrong. A missing tool is a failure, not a skip.

// need finds a tool or says which package brings it.
func need(tool, pkg string) (string, error) {
	p, err := exec.LookPath(tool)
	if err != nil {
		return "", fmt.Errorf("%s is needed to check the release (apt-get install %s)", tool, pkg)
	}
	return p, nil
}

// CheckExe checks a Windows program: a PE32+ x86-64 binary of the GUI subsystem (gui) or
// the console one; and for the GUI program, with an icon group of the four sizes, a version
// resource naming the company, the copyright and this version, and a manifest declaring
// per-monitor DPI awareness.
func CheckExe(path string, gui bool) error {
	f, err := pe.Open(path)
	if err != nil {
		return fmt.Errorf("%s is not a Windows program: %w", path, err)
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.FileHeader.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("%s is not PE32+ for x86-64", path)
	}
	want, kind := uint16(pe.IMAGE_SUBSYSTEM_WINDOWS_CUI), "console"
	if gui {
		want, kind = pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, "GUI"
	}
	if oh.Subsystem != want {
		return fmt.Errorf("%s is of subsystem %d, not the %s one (%d)", path, oh.Subsystem, kind, want)
	}
	fileTool, err := need("file", "file")
	if err != nil {
		return err
	}
	out, err := exec.Command(fileTool, "-b", path).Output()
	if err != nil {
		return fmt.Errorf("file %s: %v", path, err)
	}
	if desc := string(out); !strings.HasPrefix(desc, "PE32+ executable") || !strings.Contains(desc, "("+kind+")") || !strings.Contains(desc, "x86-64") {
		return fmt.Errorf("file says %s is %q, not a PE32+ %s program for x86-64", path, strings.TrimSpace(desc), kind)
	}
	if !gui {
		return nil
	}
	return checkResources(path)
}

func checkResources(path string) error {
	wrestool, err := need("wrestool", "icoutils")
	if err != nil {
		return err
	}
	list, err := exec.Command(wrestool, "-l", path).CombinedOutput()
	if err != nil {
		return fmt.Errorf("wrestool -l %s: %v: %s", path, err, list)
	}
	for _, t := range []string{"--type=14", "--type=16", "--type=24"} { // group icon, version, manifest
		if !strings.Contains(string(list), t) {
			return fmt.Errorf("%s has no %s resource; wrestool lists:\n%s", path, t, list)
		}
	}
	dir, err := os.MkdirTemp("", "minutebook-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if msg, err := exec.Command(wrestool, "-x", "--type=14", "-o", dir, path).CombinedOutput(); err != nil {
		return fmt.Errorf("wrestool -x --type=14: %v: %s", err, msg)
	}
	icons, _ := filepath.Glob(filepath.Join(dir, "*.ico"))
	if len(icons) == 0 {
		return fmt.Errorf("wrestool found no icon group in %s", path)
	}
	for _, ico := range icons {
		b, err := os.ReadFile(ico)
		if err != nil {
			return err
		}
		sizes, err := ICOSizes(b)
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(ico), err)
		}
		slices.Sort(sizes)
		if !slices.Equal(sizes, IconSizes) {
			return fmt.Errorf("the icon group %s has sizes %v, want %v", filepath.Base(ico), sizes, IconSizes)
		}
	}
	raw, err := exec.Command(wrestool, "-x", "--raw", "--type=16", path).Output()
	if err != nil {
		return fmt.Errorf("wrestool -x --type=16: %v", err)
	}
	info := utf16Text(raw)
	for _, want := range []string{"CompanyName", version.Company, "LegalCopyright", version.Copyright, "FileVersion", version.FileVersion(),
		"ProductName", Name, "ProductVersion"} {
		if !strings.Contains(info, want) {
			return fmt.Errorf("the version resource lacks %q", want)
		}
	}
	manifest, err := exec.Command(wrestool, "-x", "--raw", "--type=24", path).Output()
	if err != nil {
		return fmt.Errorf("wrestool -x --type=24: %v", err)
	}
	for _, want := range []string{"PerMonitorV2", "true/pm", `level="asInvoker"`} {
		if !bytes.Contains(manifest, []byte(want)) {
			return fmt.Errorf("the manifest lacks %s:\n%s", want, manifest)
		}
	}
	return nil
}

// utf16Text reads little-endian UTF-16 (the version resource's strings), NULs as spaces.
func utf16Text(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		if u[i] == 0 {
			u[i] = ' '
		}
	}
	return string(utf16.Decode(u))
}

// CheckWindowsZip checks the Windows release: the folder holds both programs, each as it
// should be (CheckExe), and both licences.
func CheckWindowsZip(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	top := Base("windows", "amd64") + "/"
	dir, err := os.MkdirTemp("", "minutebook-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	found := map[string][]byte{}
	for _, f := range z.File {
		name, ok := strings.CutPrefix(f.Name, top)
		if !ok {
			return fmt.Errorf("%s is outside the folder %s", f.Name, top)
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return fmt.Errorf("%s in %s: %w", f.Name, path, err)
		}
		found[name] = b
	}
	for name, want := range map[string]string{"LICENSE.txt": "MIT License", "GO-FONTS-LICENSE.txt": "Bigelow & Holmes", "README.txt": "Minutebook.exe",
		"THIRD-PARTY-LICENSES.txt": "fyne.io/fyne/v2"} {
		if !strings.Contains(string(found[name]), want) {
			return fmt.Errorf("%s has no %s (with %q in it)", path, name, want)
		}
	}
	for name, gui := range map[string]bool{"Minutebook.exe": true, "minutebook-cli.exe": false} {
		if found[name] == nil {
			return fmt.Errorf("%s has no %s", path, name)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, found[name], 0o644); err != nil {
			return err
		}
		if err := CheckExe(p, gui); err != nil {
			return err
		}
	}
	return nil
}

// CheckLinuxTarball checks the Linux release: it unpacks, make install puts every file
// under a DESTDIR (and make user-install under a home's ~/.local), desktop-file-validate and
// appstreamcli validate pass on what was installed, the installed program says its version,
// and make uninstall takes it all away again.
func CheckLinuxTarball(path string) error {
	tools := map[string]string{}
	for tool, pkg := range map[string]string{"tar": "tar", "xz": "xz-utils", "make": "make", "desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"} {
		p, err := need(tool, pkg)
		if err != nil {
			return err
		}
		tools[tool] = p
	}
	work, err := os.MkdirTemp("", "minutebook-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	run := func(name string, args ...string) (string, error) {
		out, err := exec.Command(tools[name], args...).CombinedOutput()
		if err != nil {
			return string(out), fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out), nil
	}
	if _, err := run("tar", "-xJf", path, "-C", work); err != nil {
		return err
	}
	dir := filepath.Join(work, Base("linux", "amd64"))
	for _, f := range []string{"LICENSE", "GO-FONTS-LICENSE", "Makefile", "bin/minutebook"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return fmt.Errorf("the tarball has no %s/%s", filepath.Base(dir), f)
		}
	}
	dest := filepath.Join(work, "dest")
	if _, err := run("make", "-C", dir, "install", "DESTDIR="+dest, "PREFIX=/usr"); err != nil {
		return err
	}
	root := filepath.Join(dest, "usr")
	files := []string{"bin/minutebook", "share/applications/" + AppID + ".desktop", "share/metainfo/" + AppID + ".metainfo.xml",
		"share/icons/hicolor/256x256/apps/" + AppID + ".png", "share/icons/hicolor/512x512/apps/" + AppID + ".png",
		"share/icons/hicolor/scalable/apps/" + AppID + ".svg", "share/doc/minutebook/LICENSE", "share/doc/minutebook/GO-FONTS-LICENSE",
		"share/doc/minutebook/THIRD-PARTY-LICENSES"}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			return fmt.Errorf("make install put no %s under DESTDIR", f)
		}
	}
	if st, _ := os.Stat(filepath.Join(root, "bin/minutebook")); st.Mode().Perm() != 0o755 {
		return fmt.Errorf("bin/minutebook is installed %v, not executable", st.Mode())
	}
	desktop := filepath.Join(root, "share/applications", AppID+".desktop")
	if out, err := run("desktop-file-validate", desktop); err != nil || strings.TrimSpace(out) != "" {
		return fmt.Errorf("desktop-file-validate: %v %s", err, out)
	}
	entry, _ := os.ReadFile(desktop)
	for _, want := range []string{"\nExec=/usr/bin/minutebook\n", "\nComment=" + Summary + "\n", "\nCategories=Office;\n", "\nIcon=" + AppID + "\n"} {
		if !strings.Contains(string(entry), want) {
			return fmt.Errorf("the installed .desktop lacks %q:\n%s", strings.TrimSpace(want), entry)
		}
	}
	if _, err := run("appstreamcli", "validate", "--no-net", filepath.Join(root, "share/metainfo", AppID+".metainfo.xml")); err != nil {
		return err
	}
	out, err := exec.Command(filepath.Join(root, "bin/minutebook"), "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "Minutebook "+version.Number+" (build ") {
		return fmt.Errorf("the installed minutebook --version: %v %q", err, out)
	}
	if _, err := run("make", "-C", dir, "uninstall", "DESTDIR="+dest, "PREFIX=/usr"); err != nil {
		return err
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(root, f)); err == nil {
			return fmt.Errorf("make uninstall left %s", f)
		}
	}
	// make user-install: the same files under the home's ~/.local.
	home := filepath.Join(work, "home", "clerk")
	cmd := exec.Command(tools["make"], "-C", dir, "user-install", "DESTDIR="+dest)
	cmd.Env = append(os.Environ(), "HOME="+home)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("make user-install: %v\n%s", err, msg)
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dest, home, ".local", f)); err != nil {
			return fmt.Errorf("make user-install put no %s under ~/.local", f)
		}
	}
	entry, _ = os.ReadFile(filepath.Join(dest, home, ".local/share/applications", AppID+".desktop"))
	if !strings.Contains(string(entry), "\nExec="+home+"/.local/bin/minutebook\n") {
		return fmt.Errorf("the user's .desktop does not run ~/.local/bin/minutebook:\n%s", entry)
	}
	return nil
}
