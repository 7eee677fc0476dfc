package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/version"
)

// The console program is the command line alone: no Fyne, no cgo, so it cross-compiles for
// Windows with no C compiler and starts no window.
func TestItLinksNoWindow(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") || strings.Contains(dep, "go-gl") {
			t.Errorf("minutebook-cli links %s", dep)
		}
	}
}

func TestItRunsTheCommands(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "minutebook-cli")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "example.db")
	if out, err := exec.Command(bin, "demo", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "check", "--db", db).Output()
	if err != nil || !strings.HasPrefix(string(out), "The database is sound") {
		t.Errorf("check: %v, %q", err, out)
	}
	out, err = exec.Command(bin, "--version", "--db", db).Output()
	if err != nil || !strings.HasPrefix(string(out), "Minutebook "+version.Number+" (build") || !strings.Contains(string(out), db) {
		t.Errorf("--version: %v, %q", err, out)
	}
	err = exec.Command(bin, "check", "--db", filepath.Join(dir, "none.db")).Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Errorf("check of a missing file: %v, want exit 1", err)
	}
}
