package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/version"
)

func TestVersionSaysVersionLicencesDatabaseAndLog(t *testing.T) {
	for _, args := range [][]string{{"--version", "--db", "/srv/panel/panel.db"}, {"version", "--db", "/srv/panel/panel.db"}} {
		var out, errs bytes.Buffer
		if code := Run(args, &out, &errs); code != 0 || errs.Len() != 0 {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errs.String())
		}
		s := out.String()
		for _, want := range []string{"Minutebook " + version.Number + " (build ", "MIT licence (LICENSE)", "Go fonts", "GO-FONTS-LICENSE",
			"Database: /srv/panel/panel.db\n", "Log:      /srv/panel/panel.log\n"} {
			if !strings.Contains(s, want) {
				t.Errorf("%v: lacks %q:\n%s", args, want, s)
			}
		}
	}
	var out, errs bytes.Buffer
	if code := Run([]string{"--version", "--colour"}, &out, &errs); code != exitUsage || errs.Len() == 0 {
		t.Errorf("--version --colour: exit %d, stderr %q", code, errs.String())
	}
}

// A full disk is said in the clerk's words. The write fails with a real ENOSPC, from
// /dev/full (never the target itself: the rename into place would replace the device).
func TestAFullDiskIsSaid(t *testing.T) {
	out := filepath.Join(t.TempDir(), "minutes.pdf")
	err := writeOutput(out, func(w io.Writer) error {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		defer full.Close()
		_, err = full.Write([]byte("minutes"))
		return err
	})
	if err == nil || err.Error() != "cannot write "+out+": the disk is full" {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a half-written file was left")
	}
}
