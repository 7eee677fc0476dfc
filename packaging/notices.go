package packaging

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

// Notices is the text of THIRD-PARTY-LICENSES: the licence of every module the programs are
// built from for goos, and Go's own, since most of them (BSD, MIT) ask that a binary copy
// carry their notice. It asks go list which modules the packages really link on that system,
// and fails if one has no licence file, rather than ship without it.
func Notices(goos string, pkgs ...string) (string, error) {
	cmd := exec.Command("go", append([]string{"list", "-deps", "-f",
		"{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}"}, pkgs...)...)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list: %v: %s", err, stderr.String())
	}
	type module struct{ path, version, dir string }
	seen := map[string]module{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 3 {
			seen[f[0]] = module{f[0], f[1], f[2]}
		}
	}
	var paths []string
	for p := range seen {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	b.WriteString("Minutebook is built from the following software, each under its own licence, given in full below.\n\n")
	goLicence, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "LICENSE"))
	if err != nil {
		return "", fmt.Errorf("Go's licence: %w", err)
	}
	section(&b, "The Go programming language, its standard library and runtime ("+runtime.Version()+")", "LICENSE", goLicence)
	for _, p := range paths {
		m := seen[p]
		files, err := licenceFiles(m.dir)
		if err != nil {
			return "", err
		}
		files = append(files, extraLicences[m.path]...)
		if len(files) == 0 {
			return "", fmt.Errorf("%s has no licence file in %s; find its licence before shipping it", m.path, m.dir)
		}
		for _, f := range files {
			text, err := os.ReadFile(filepath.Join(m.dir, f))
			if err != nil {
				return "", fmt.Errorf("%s: %w", m.path, err)
			}
			section(&b, m.path+" "+m.version, f, text)
		}
	}
	return b.String(), nil
}

// extraLicences are licence files below a module's top folder that its own code carries: the
// GLFW C library inside go-gl's glfw module (zlib licence).
var extraLicences = map[string][]string{
	"github.com/go-gl/glfw/v3.3/glfw": {"glfw/LICENSE.md"},
}

var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents)`)

// licenceFiles are the licence files at the top of a module's folder.
func licenceFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && licenceName.MatchString(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

func section(b *strings.Builder, what, file string, text []byte) {
	fmt.Fprintf(b, "%s\n%s (%s)\n%s\n\n%s\n\n", strings.Repeat("=", 78), what, file, strings.Repeat("=", 78), strings.TrimSpace(string(text)))
}
