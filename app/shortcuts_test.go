package app

import (
	"flag"
	"os"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
)

var update = flag.Bool("update", false, "rewrite app/SHORTCUTS.md from the command list")

// TestShortcutsFile keeps app/SHORTCUTS.md (which the README includes) in step with the
// commands; go test ./app -run TestShortcutsFile -update rewrites it.
func TestShortcutsFile(t *testing.T) {
	if runtime.GOOS == "darwin" {
		t.Skip("the file is written with Ctrl, as on Linux and Windows")
	}
	want := shortcutsMarkdown()
	if *update {
		if err := os.WriteFile("SHORTCUTS.md", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("SHORTCUTS.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("app/SHORTCUTS.md is out of date; run go test ./app -run TestShortcutsFile -update")
	}
}

func TestShortcutsAreUniqueAndInTheMenus(t *testing.T) {
	seen := map[string]string{}
	for _, c := range commands {
		if c.key == "" {
			continue
		}
		k := c.keys()
		if other, ok := seen[k]; ok {
			t.Errorf("%s is both %s and %s", k, other, c.id)
		}
		seen[k] = c.id
		switch c.key {
		case fyne.KeyC, fyne.KeyV, fyne.KeyX, fyne.KeyZ, fyne.KeyY:
			if c.mod == fyne.KeyModifierShortcutDefault {
				t.Errorf("%s takes %s from the text fields", c.id, k)
			}
		case fyne.KeyA:
			if c.mod == fyne.KeyModifierShortcutDefault {
				t.Errorf("%s takes %s (select all) from the text fields", c.id, k)
			}
		}
	}
	for _, id := range []string{"new-item", "next-item", "previous-item", "new-question", "new-resolution", "new-action", "stamp-time", "minutes"} {
		found := false
		for _, c := range commands {
			found = found || (c.id == id && c.key != "")
		}
		if !found {
			t.Errorf("%s has no shortcut", id)
		}
	}
	h := newHarness(t, nil)
	menu := h.u.mainMenu()
	n := 0
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				n++
			}
		}
	}
	if n != len(seen) {
		t.Errorf("the menus carry %d shortcuts, want %d", n, len(seen))
	}
	if newShortcutsContent() == nil {
		t.Errorf("no shortcuts window content")
	}
}
