package names

import (
	"slices"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct{ in, title, name string }{
		{"Councillor Barrie Patman", "Cllr", "Barrie Patman"},
		{"Cllr. Barrie  Patman", "Cllr", "Barrie Patman"},
		{"cllr barrie patman", "Cllr", "barrie patman"},
		{"Mx Jo Bloggs", "Mx", "Jo Bloggs"},
		{"Lord Bourne", "Lord", "Bourne"},
		{"Lady Hale", "Lady", "Hale"},
		{"Dr. Ann Lee", "Dr", "Ann Lee"},
		{"Professor Ann Lee", "Prof", "Ann Lee"},
		{"The Revd Ann Lee", "", "The Revd Ann Lee"},
		{"Revd Ann Lee", "Rev", "Ann Lee"},
		{"Chief Constable Jason Hogg", "Chief Constable", "Jason Hogg"},
		{"Deputy Chief Constable Ben Clark", "DCC", "Ben Clark"},
		{"DCC Ben Clark", "DCC", "Ben Clark"},
		{"Assistant Chief Constable Tim Metcalfe", "ACC", "Tim Metcalfe"},
		{"Chief Superintendent Ward", "Chief Superintendent", "Ward"},
		{"Ch. Supt. Ward", "Chief Superintendent", "Ward"},
		{"Superintendent Ward", "Supt", "Ward"},
		{"Chief Inspector Kaur", "Chief Inspector", "Kaur"},
		{"Inspector Kaur", "Inspector", "Kaur"},
		{"Sergeant Pike", "Sgt", "Pike"},
		{"PC Dixon", "PC", "Dixon"},
		{"Jane Smith", "", "Jane Smith"},
		{"Chief Smith", "", "Chief Smith"}, // "Chief" alone is no title
		{"Dr", "", "Dr"},                   // a title alone is a name
		{"Drew Barrymore", "", "Drew Barrymore"},
		{"", "", ""},
	} {
		title, name := Split(c.in)
		if title != c.title || name != c.name {
			t.Errorf("Split(%q) = %q, %q; want %q, %q", c.in, title, name, c.title, c.name)
		}
	}
}

func TestCut(t *testing.T) {
	for _, c := range []struct{ in, typed, short, rest string }{
		{"Councillors A, B and C", "Councillors", "Cllr", "A, B and C"},
		{"Cllr.  Smith asked", "Cllr.", "Cllr", "Smith asked"},
		{"Chief  Constable", "Chief  Constable", "Chief Constable", ""},
		{"Dr", "Dr", "Dr", ""},
		{"Matthew Barber", "", "", "Matthew Barber"},
	} {
		typed, short, rest, found := Cut(c.in)
		if typed != c.typed || short != c.short || rest != c.rest || found != (c.typed != "") {
			t.Errorf("Cut(%q) = %q, %q, %q, %v; want %q, %q, %q", c.in, typed, short, rest, found, c.typed, c.short, c.rest)
		}
	}
}

func TestSame(t *testing.T) {
	fold := strings.ToLower
	for _, name := range []string{"Cllr Jane Smith", "Councillor Jane Smith", "Jane Smith", "jane  smith", "Cllr. Jane Smith"} {
		if !Same(name, "Jane Smith", fold) || !Same("Councillor Jane Smith", name, nil) {
			t.Errorf("%q is not Jane Smith", name)
		}
	}
	for _, pair := range [][2]string{{"Jane Smith", "John Smith"}, {"Cllr Jane Smith", "Cllr John Smith"}, {"Dr", "Jane Smith"}} {
		if Same(pair[0], pair[1], fold) {
			t.Errorf("%q and %q are taken for one person", pair[0], pair[1])
		}
	}
}

func TestIsTitle(t *testing.T) {
	for _, w := range []string{"Cllr", "Councillor", "Dr.", "Mx", "Lord", "PC", "Sgt", "Supt"} {
		if !IsTitle(w) {
			t.Errorf("%q is not a title", w)
		}
	}
	for _, w := range []string{"", "lady", "pc", "Chief", "Smith", "Constable"} {
		if IsTitle(w) {
			t.Errorf("%q is taken for a title", w)
		}
	}
}

// TestTitles: the list holds the titles and police ranks minutes use, each form once.
func TestTitles(t *testing.T) {
	got := Titles()
	for _, want := range []string{"Cllr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev",
		"Chief Constable", "DCC", "ACC", "Chief Superintendent", "Chief Inspector", "Supt", "Inspector", "Sgt", "PC"} {
		if !slices.Contains(got, want) {
			t.Errorf("Titles() lacks %q", want)
		}
	}
	seen := map[string]bool{}
	for _, tt := range titles {
		for _, f := range append([]string{key(tt.short)}, tt.forms...) {
			if seen[f] {
				t.Errorf("the form %q is listed twice", f)
			}
			seen[f] = true
		}
	}
}

// TestCutFast checks that Cut, which folds ASCII on the stack, answers as the
// plain reading (cutSlow) does.
func TestCutFast(t *testing.T) {
	inputs := []string{
		"", " ", "Cllr", "Cllr.", "Councillor Barrie Patman", "  Chief  Constable Jason Hogg",
		"Chief Finance Officer", "Det. Supt. A Bee", "DCC A.B. Smith", "Chief Inspector J. K. Rowe",
		"Mark Gilbert", "Deputy Chief Constable Scott Bee", "Air Cdre Jane Dee", "dr", "MR 1",
		"Councillors A, B and C", "Detective\tChief Inspector Lee", "Ms\u00a0Jones", "Cllr Łukasz Nowak",
		strings.Repeat("Chief ", 20), "Police Constable" + strings.Repeat("x", 80),
	}
	for _, in := range inputs {
		a1, b1, c1, ok1 := Cut(in)
		a2, b2, c2, ok2 := cutSlow(strings.TrimSpace(in))
		if a1 != a2 || b1 != b2 || c1 != c2 || ok1 != ok2 {
			t.Errorf("Cut(%q) = %q %q %q %v; the plain reading gives %q %q %q %v", in, a1, b1, c1, ok1, a2, b2, c2, ok2)
		}
	}
}
