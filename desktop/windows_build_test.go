package desktop

import (
	"os"
	"os/exec"
	"testing"
)

// The Windows files (the calls to Explorer, ShellExecuteW, the Known Folders API,
// GetDriveTypeW, AttachConsole, MessageBoxW) cannot run here, but they must compile and
// pass vet for Windows on every test run, not only when a release is built.
func TestTheWindowsFilesCompile(t *testing.T) {
	cmd := exec.Command("go", "vet", ".")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet for Windows: %v\n%s", err, out)
	}
}
