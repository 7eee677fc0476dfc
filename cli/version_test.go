package cli

import (
	"bytes"
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
