package desktop

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ExplorerCommandLine is the command line that makes Windows Explorer open the folder of
// file with the file selected: explorer.exe /select,"C:\Users\clerk\Documents\Minutes 15
// September 2023.pdf".
//
// Why it is built by hand: Go's os/exec quotes each argument for CommandLineToArgvW, so the
// argument "/select,C:\a b.pdf" reaches Explorer as "/select,C:\a b.pdf" in quotes, which
// Explorer does not read as /select (it opens its default folder instead); every default export name has
// spaces. Explorer reads its own command line: /select, then the path in quotes, which keeps
// spaces and commas in it. A path may not contain a double quote on Windows, so the quotes
// cannot be broken out of. Forward slashes (as in a file dialog's URI) become backslashes,
// and the \\?\ prefix, which Explorer does not understand, is dropped.
func ExplorerCommandLine(explorer, file string) (string, error) {
	p := strings.ReplaceAll(file, "/", `\`)
	switch {
	case strings.HasPrefix(p, `\\?\UNC\`):
		p = `\\` + p[len(`\\?\UNC\`):]
	case strings.HasPrefix(p, `\\?\`):
		p = p[len(`\\?\`):]
	}
	if p == "" {
		return "", fmt.Errorf("there is no file to show")
	}
	// Not UTF-8: the conversion to UTF-16 for CreateProcessW would put U+FFFD for the bytes,
	// and Explorer would look for a file of another name.
	if strings.ContainsAny(p, "\"\x00\r\n") || !utf8.ValidString(p) {
		return "", fmt.Errorf("%s is not a name Windows allows", file)
	}
	return quoteProgram(explorer) + ` /select,"` + p + `"`, nil
}

// quoteProgram quotes a program's path when it has a space in it (C:\Program Files\…).
func quoteProgram(p string) string {
	if strings.ContainsAny(p, " \t") {
		return `"` + p + `"`
	}
	return p
}
