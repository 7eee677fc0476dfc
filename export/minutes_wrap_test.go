package export

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// monoWidth measures every character as 1 wide, and 1.5 in bold, so that tests can count.
func monoWidth(text string, st fontStyle) float64 {
	n := float64(utf8.RuneCountInString(text))
	if st == styleBold || st == styleBoldItalic {
		return n * 1.5
	}
	return n
}

// lineTexts is each line's text, with bold spans in *stars*.
func lineTexts(lines []spanLine) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, s := range l.spans {
			if s.style == styleBold {
				b.WriteString("*" + s.text + "*")
			} else {
				b.WriteString(s.text)
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreakLines(t *testing.T) {
	for _, c := range []struct {
		name  string
		spans []span
		width float64
		want  []string
	}{
		{"empty", nil, 10, nil},
		{"fits", []span{{text: "one two"}}, 10, []string{"one two"}},
		{"breaks at spaces", []span{{text: "aaa bbb ccc ddd"}}, 7, []string{"aaa bbb", "ccc ddd"}},
		{"exactly full", []span{{text: "aaaaa bbbbb"}}, 5, []string{"aaaaa", "bbbbb"}},
		{"never cuts a word that fits a line", []span{{text: "a bbbbbbbbb"}}, 9, []string{"a", "bbbbbbbbb"}},
		{"typed line break kept", []span{{text: "one\ntwo three"}}, 20, []string{"one", "two three"}},
		{"long word alone on its lines", []span{{text: "go abcdefghijklmnop"}}, 6, []string{"go", "abcdef", "ghijkl", "mnop"}},
		{
			"URL breaks after a slash",
			[]span{{text: "https://ex.org/abc/defgh/ij"}},
			12,
			[]string{"https://ex", ".org/abc/", "defgh/ij"},
		},
		{"character wider than the line goes alone", []span{{text: "ab"}}, 0.5, []string{"a", "b"}},
		{
			"tag kept whole and in bold",
			[]span{{text: "be shared. "}, {text: "[Action: PCC]", style: styleBold, keep: true}, {text: "."}},
			22,
			[]string{"be shared.", "*[Action: PCC]*."},
		},
		{"bold measured as bold", []span{{text: "ab "}, {text: "cdef", style: styleBold}}, 8, []string{"ab", "*cdef*"}},
		{"bold fits when measured right", []span{{text: "ab "}, {text: "cd", style: styleBold}}, 6, []string{"ab *cd*"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := lineTexts(breakLines(c.spans, c.width, monoWidth))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("breakLines = %q, want %q", got, c.want)
			}
		})
	}
}

// TestBreakLinesKeepsEveryWord breaks random text at random widths: no line is wider than
// the width unless it is one character, no line starts or ends with a space, and the words
// come out in order, whole unless they are longer than a line.
func TestBreakLinesKeepsEveryWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 500; i++ {
		var words []string
		for j := 0; j < rng.IntN(40); j++ {
			words = append(words, strings.Repeat("x", 1+rng.IntN(14)))
		}
		width := float64(3 + rng.IntN(30))
		var spans []span
		for j, w := range words {
			st := styleRegular
			if rng.IntN(5) == 0 {
				st = styleBold
			}
			if j > 0 {
				spans = append(spans, span{text: " "})
			}
			spans = append(spans, span{text: w, style: st})
		}
		lines := breakLines(spans, width, monoWidth)
		var joined []string
		for _, l := range lines {
			text := lineTexts([]spanLine{l})[0]
			plain := strings.ReplaceAll(text, "*", "")
			if l.width > width+epsilon && utf8.RuneCountInString(plain) > 1 {
				t.Fatalf("width %v: line %q is %v wide", width, text, l.width)
			}
			if strings.HasPrefix(plain, " ") || strings.HasSuffix(plain, " ") {
				t.Fatalf("line %q starts or ends with a space", text)
			}
			if got := lineWidth(l.spans); got != l.width {
				t.Fatalf("line %q says it is %v wide but measures %v", text, l.width, got)
			}
			joined = append(joined, plain)
		}
		all := strings.Join(joined, " ")
		for _, w := range words {
			if float64(len(w))*1.5 <= width && !strings.Contains(" "+all+" ", " "+w+" ") {
				t.Fatalf("width %v: word %q was cut: %q", width, w, joined)
			}
		}
		if got, want := strings.ReplaceAll(all, " ", ""), strings.Join(words, ""); got != want {
			t.Fatalf("characters lost or added:\n got %q\nwant %q", got, want)
		}
	}
}

func lineWidth(spans []span) float64 {
	w := 0.0
	for _, s := range spans {
		w += monoWidth(s.text, s.style)
	}
	return w
}

func TestParagraphsOf(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  \n\n \n", nil},
		{"one", []string{"one"}},
		{"one  two   three", []string{"one two three"}},
		{"one\n\ntwo", []string{"one", "two"}},
		{"one\n\n\n\n  \n\ntwo", []string{"one", "two"}},
		{"  one\n two \n\nthree  ", []string{"one\ntwo", "three"}},
		{"tab\tseparated", []string{"tab separated"}},
	} {
		if got := paragraphsOf(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("paragraphsOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUnbreakables(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Cllr", nil},
		{"Cllr Łucja Nowak", []string{"Cllr Łucja"}},
		{"(Cllr Kemp for Cllr Marchetti)", []string{"Cllr Kemp", "Cllr Marchetti)"}},
		{"Mr Mr Smith", []string{"Mr Mr"}},
		{"Aylesbury HP19 8FF", []string{"HP19 8FF"}},
		{"Aylesbury HP19 8FF.", []string{"HP19 8FF"}},
		{"London SW1A 2AA and M1 1AE", []string{"SW1A 2AA", "M1 1AE"}},
		{"Band D 284 FFX", nil},
		{"HP19 8FFX", nil},
		{"Dr  Who", nil},
		{"the MR 1 road", nil},
	} {
		var got []string
		for _, g := range unbreakables(c.in) {
			got = append(got, c.in[g[0]:g[1]])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("unbreakables(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestActionSpans(t *testing.T) {
	got := actionSpans("shared with the Panel. [Action: PCC]. Then [action:Scrutiny Officer]", styleRegular)
	want := []span{
		{text: "shared with the Panel. "},
		{text: "[Action: PCC]", style: styleBold, keep: true},
		{text: ". Then "},
		{text: "[action:Scrutiny Officer]", style: styleBold, keep: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actionSpans = %+v, want %+v", got, want)
	}
	got = actionSpans("Cllr Łucja Nowak of Aylesbury HP19 8FF.", styleRegular)
	want = []span{
		{text: "Cllr Łucja", keep: true},
		{text: " Nowak of Aylesbury "},
		{text: "HP19 8FF", keep: true},
		{text: "."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actionSpans = %+v, want %+v", got, want)
	}
	if got := actionSpans("[Action: PCC]", styleItalic); got[0].style != styleBoldItalic {
		t.Errorf("a tag in italic text is %q, want bold italic", got[0].style)
	}
}
