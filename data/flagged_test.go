package data_test

import (
	"strings"
	"testing"
)

func TestKeepFlaggedActionStaysKept(t *testing.T) {
	f := demoItem(t, "2023-11-24", "Victims’ Services Commissioning")
	a := actionByRef(t, f.s, refWaitingTimes) // it has updates: removing its tag flags it
	tag := "[Action: Head of Victims’ Services]"
	if !strings.Contains(f.item.Minutes, tag) {
		t.Fatalf("the minutes lack %s", tag)
	}
	without := strings.Replace(f.item.Minutes, tag, "", 1)
	f.saveMinutes(t, without)
	flagged, err := f.s.FlaggedActions(f.body.ID)
	if err != nil || len(flagged) != 1 || flagged[0].ID != a.ID {
		t.Fatalf("flagged = %+v, %v; want %s", flagged, err, a.Ref)
	}
	if all, _ := f.s.FlaggedActions(0); len(all) != 1 {
		t.Errorf("every body: %d flagged", len(all))
	}

	if err := f.s.KeepAction(a.ID); err != nil {
		t.Fatal(err)
	}
	// Saving the text again (still without the tag) leaves the kept action alone.
	f.saveMinutes(t, without+" Members thanked the officers.")
	kept, err := f.s.Action(a.ID)
	if err != nil {
		t.Fatalf("the kept action is gone: %v", err)
	}
	if kept.Flag != "" || kept.Source != "" || kept.Text != a.Text || len(kept.Updates) != len(a.Updates) {
		t.Errorf("kept = %+v", kept)
	}
	if flagged, _ := f.s.FlaggedActions(f.body.ID); len(flagged) != 0 {
		t.Errorf("still flagged after keeping: %+v", flagged)
	}
	if err := f.s.KeepAction(999999); err == nil {
		t.Errorf("keeping a missing action: no error")
	}
}

func TestActionOwners(t *testing.T) {
	s, b := logDemo(t)
	owners, err := s.ActionOwners(b.ID)
	if err != nil || len(owners) == 0 {
		t.Fatalf("owners = %v, %v", owners, err)
	}
	if owners[0] != "PCC" {
		t.Errorf("first owner %q, want the PCC (the most actions)", owners[0])
	}
	seen := map[string]bool{}
	for _, o := range owners {
		if seen[o] || o == "" {
			t.Errorf("owner %q listed twice or empty", o)
		}
		seen[o] = true
	}
}
