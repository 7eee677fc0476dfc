package version

import (
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"testing"
)

// FyneApp.toml is where a release's version is set; the program must say the same.
func TestTheVersionIsFyneAppToml(t *testing.T) {
	text, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	v := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(text)
	b := regexp.MustCompile(`(?m)^\s*Build\s*=\s*(\d+)`).FindSubmatch(text)
	if v == nil || b == nil {
		t.Fatalf("FyneApp.toml has no Version or Build:\n%s", text)
	}
	if string(v[1]) != Number {
		t.Errorf("FyneApp.toml says version %s, the program %s", v[1], Number)
	}
	if n, _ := strconv.Atoi(string(b[1])); n != Build {
		t.Errorf("FyneApp.toml says build %s, the program %d", b[1], Build)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(Number) {
		t.Errorf("version %q is not three numbers, which Windows' file version needs", Number)
	}
}

func TestTheLineSaysVersionBuildAndCommit(t *testing.T) {
	info := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d"},
		{Key: "vcs.time", Value: "2026-12-04T18:53:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	got := line(commitOf(info), "windows/amd64", "go1.26.8")
	want := "Minutebook " + Number + " (build " + strconv.Itoa(Build) + ", commit 1a2b3c4d5e6f of 2026-12-04 + changes), windows/amd64, Go 1.26.8"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	installed := &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}
	if c := commitOf(installed); c != "v0.1.0" {
		t.Errorf("go install's version: %q", c)
	}
	if c := commitOf(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}); c != "" {
		t.Errorf("nothing known: %q", c)
	}
	if got := line("", "linux/amd64", "go1.26.8"); got != "Minutebook "+Number+" (build "+strconv.Itoa(Build)+"), linux/amd64, Go 1.26.8" {
		t.Errorf("without a commit: %q", got)
	}
	if FileVersion() != Number+"."+strconv.Itoa(Build) {
		t.Errorf("FileVersion = %s", FileVersion())
	}
}
