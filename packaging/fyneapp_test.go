package packaging

import (
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/minutebook/minutebook/version"
)

// fyneApp is the part of FyneApp.toml that the release files carry.
type fyneApp struct {
	Website string
	Details struct {
		Icon, Name, ID, Version string
		Build                   int
	}
	LinuxAndBSD struct {
		GenericName, Comment string
		Categories, Keywords []string
	}
}

// FyneApp.toml is where the app's name, id, version, build and desktop entry are set; the
// release files must say what it says.
func TestTheReleaseSaysWhatFyneAppTomlSays(t *testing.T) {
	var app fyneApp
	md, err := toml.DecodeFile("../FyneApp.toml", &app)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Logf("FyneApp.toml keys the release does not use: %v", u)
	}
	d := app.Details
	if d.Name != Name || d.ID != AppID || d.Version != version.Number || d.Build != version.Build || d.Icon != "assets/icon.png" {
		t.Errorf("FyneApp.toml's details %+v differ from the release's (%s, %s, %s, %d)", d, Name, AppID, version.Number, version.Build)
	}
	l := app.LinuxAndBSD
	entry := DesktopEntry()
	for _, want := range []string{
		"\nGenericName=" + l.GenericName + "\n",
		"\nComment=" + l.Comment + "\n",
		"\nCategories=" + strings.Join(l.Categories, ";") + ";\n",
		"\nKeywords=" + strings.Join(l.Keywords, ";") + ";\n",
	} {
		if !strings.Contains(entry, want) {
			t.Errorf("the .desktop entry lacks FyneApp.toml's %q:\n%s", strings.TrimSpace(want), entry)
		}
	}
	if l.Comment != Summary || !slices.Contains(l.Categories, "Office") {
		t.Errorf("FyneApp.toml's comment %q or categories %v", l.Comment, l.Categories)
	}
	if !strings.Contains(Metainfo(), "<url type=\"homepage\">"+app.Website+"</url>") {
		t.Errorf("the metainfo's homepage is not FyneApp.toml's %s", app.Website)
	}
}
