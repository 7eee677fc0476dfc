// Command package makes and checks Minutebook's release files; the Makefile's windows and
// linux targets run it (see package packaging).
//
//	package syso OUT_windows_amd64.syso      the icon, manifest and version resource for Minutebook.exe
//	package windows-zip EXE CLI-EXE OUT.zip  the Windows release
//	package linux-tarball BINARY OUT.tar.xz  the Linux release
//	package check FILE.zip|FILE.tar.xz       read a release back as CI does
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/minutebook/minutebook/packaging"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "package:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 2 {
		return fmt.Errorf("usage: package syso|windows-zip|linux-tarball|check ARGS (see its doc comment)")
	}
	src, err := packaging.ReadSources(".")
	if err != nil {
		return fmt.Errorf("run it from the top of the source tree: %w", err)
	}
	switch {
	case args[0] == "syso" && len(args) == 2:
		return packaging.WriteSyso(args[1], "Minutebook.exe", packaging.Summary, src.IconPNG)
	case args[0] == "windows-zip" && len(args) == 4:
		if src.Notices, err = packaging.Notices("windows", ".", "./cmd/minutebook-cli"); err != nil {
			return err
		}
		if err := packaging.WindowsZip(args[3], args[1], args[2], src); err != nil {
			return err
		}
		fmt.Println("wrote", args[3])
		return nil
	case args[0] == "linux-tarball" && len(args) == 3:
		if src.Notices, err = packaging.Notices("linux", "."); err != nil {
			return err
		}
		stage, err := os.MkdirTemp("", "minutebook-release-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(stage)
		dir := filepath.Join(stage, packaging.Base("linux", "amd64"))
		if err := packaging.LinuxTree(dir, args[1], src); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(args[2]), 0o755); err != nil {
			return err
		}
		if err := packaging.TarXZ(args[2], dir); err != nil {
			return err
		}
		fmt.Println("wrote", args[2])
		return nil
	case args[0] == "check" && len(args) == 2 && strings.HasSuffix(args[1], ".zip"):
		if err := packaging.CheckWindowsZip(args[1]); err != nil {
			return err
		}
		fmt.Println("checked", args[1]+": PE32+ GUI Minutebook.exe with icons of 16, 32, 48 and 256 px, a version resource and a per-monitor DPI manifest; a console minutebook-cli.exe; both licences and the third-party ones")
		return nil
	case args[0] == "check" && len(args) == 2 && strings.HasSuffix(args[1], ".tar.xz"):
		if err := packaging.CheckLinuxTarball(args[1]); err != nil {
			return err
		}
		fmt.Println("checked", args[1]+": make install and user-install into a DESTDIR, desktop-file-validate and appstreamcli validate pass, uninstall clean")
		return nil
	}
	return fmt.Errorf("usage: package syso|windows-zip|linux-tarball|check ARGS (see its doc comment)")
}
