package export

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// axeTags are the rules axe-core checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA, what
// public-sector bodies in the UK must meet.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeScript finds axe-core, which .ci/run and make deps install with npm into .ci/axe. The
// test needs it: a missing copy fails the test.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("MINUTEBOOK_AXE")
	if path == "" {
		path = filepath.Join("..", ".ci", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): install it with npm ci --prefix .ci/axe (make deps does), or set MINUTEBOOK_AXE to axe.min.js", err)
	}
	return string(src)
}

// chromium finds Debian's headless Chromium; the test needs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is missing: install it (apt-get install chromium, or make deps) to run the accessibility tests")
	return ""
}

// axeViolation is one rule axe-core found broken, with the markup it found it in.
type axeViolation struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Nodes []string `json:"nodes"`
}

var axeResult = regexp.MustCompile(`(?s)<pre id="axe-result">(.*?)</pre>`)

// axeCheck runs axe-core on an HTML file in headless Chromium and fails the test on each
// violation of the WCAG 2.2 AA rules.
func axeCheck(t *testing.T, path string) {
	t.Helper()
	violations, passes := axeViolations(t, path)
	if passes < 10 {
		t.Fatalf("axe-core passed only %d rules on %s: did it check the page?", passes, path)
	}
	for _, v := range violations {
		t.Errorf("%s: %s (%s), in %d places, first %s", filepath.Base(path), v.ID, v.Help, len(v.Nodes), v.Nodes[0])
	}
}

// axeViolations runs axe-core on an HTML file in headless Chromium and returns what it found
// against the WCAG 2.2 AA rules. The page is loaded from a copy with axe-core put in after
// its content; the result is written into the page and read back with --dump-dom.
func axeViolations(t *testing.T, path string) ([]axeViolation, int) {
	t.Helper()
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tags, _ := json.Marshal(axeTags)
	run := `<script>` + axeScript(t) + `</script>
<script>
axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]}).then(function (r) {
  var out = {passes: r.passes.length, violations: r.violations.map(function (v) {
    return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) { return n.html; })};
  })};
  var pre = document.createElement("pre"); pre.id = "axe-result"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, function (e) {
  var pre = document.createElement("pre"); pre.id = "axe-result"; pre.textContent = JSON.stringify({error: String(e)});
  document.body.appendChild(pre);
});
</script>
</body>`
	if !bytes.Contains(page, []byte("</body>")) {
		t.Fatalf("%s has no </body>", path)
	}
	dir := t.TempDir()
	checked := filepath.Join(dir, "checked.html")
	if err := os.WriteFile(checked, bytes.Replace(page, []byte("</body>"), []byte(run), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chromium(t), "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--virtual-time-budget=60000", "--dump-dom", "file://"+checked)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	m := axeResult.FindSubmatch(out)
	if m == nil {
		t.Fatalf("axe-core gave no result for %s; chromium said:\n%s", path, stderr.String())
	}
	var res struct {
		Error      string         `json:"error"`
		Passes     int            `json:"passes"`
		Violations []axeViolation `json:"violations"`
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &res); err != nil {
		t.Fatalf("axe-core's result: %v", err)
	}
	if res.Error != "" {
		t.Fatalf("axe-core failed on %s: %s", path, res.Error)
	}
	return res.Violations, res.Passes
}

// TestAxeFindsViolations checks that the accessibility check can fail: a page with no
// language, an image without words and grey text too pale to read breaks three rules.
func TestAxeFindsViolations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.html")
	bad := `<!DOCTYPE html><html><head><title>Bad</title></head><body><main><h1>Minutes</h1>` +
		`<p style="color:#ccc">Too pale to read.</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	violations, _ := axeViolations(t, path)
	for _, v := range violations {
		found[v.ID] = true
	}
	for _, want := range []string{"html-has-lang", "image-alt", "color-contrast"} {
		if !found[want] {
			t.Errorf("axe-core did not find %s on a page that breaks it (found %v)", want, found)
		}
	}
}

// writeFileIn writes a document with write into name under t.TempDir() (and the samples
// folder, if asked) and returns its path.
func writeFileIn(t *testing.T, name string, write func(w *bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if *samples != "" {
		if err := os.WriteFile(filepath.Join(*samples, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func minutesHTMLFile(t *testing.T, fm *data.FullMeeting, ed Edition, name string) (string, MinutesReport) {
	t.Helper()
	var rep MinutesReport
	path := writeFileIn(t, name, func(w *bytes.Buffer) error {
		var err error
		rep, err = MinutesHTML(w, fm, MinutesOptions{Edition: ed})
		return err
	})
	return path, rep
}

// htmlText is the text of an HTML page as a reader meets it, tags and the style sheet left
// out, white space run together.
func htmlText(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := regexp.MustCompile(`(?s)<style>.*?</style>|<head>.*?</head>`).ReplaceAllString(string(raw), " ")
	s = regexp.MustCompile(`</?(strong|em)>`).ReplaceAllString(s, "")
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " ")
	return flat(html.UnescapeString(s))
}

// TestMinutesHTMLAccessible runs axe-core on the minutes in both editions, a draft, and the
// long generated meeting.
func TestMinutesHTMLAccessible(t *testing.T) {
	s := demoStore(t)
	example := meetingOn(t, s, demo.ExampleMeetingDate)
	draft := meetingOn(t, s, "2024-09-20")
	for _, c := range []struct {
		name string
		fm   *data.FullMeeting
		ed   Edition
	}{
		{"minutes-public.html", example, PublicEdition},
		{"minutes-confidential.html", example, ConfidentialEdition},
		{"minutes-draft.html", draft, PublicEdition},
		{"minutes-generated.html", generatedMeeting(3), ConfidentialEdition},
	} {
		t.Run(c.name, func(t *testing.T) {
			path, _ := minutesHTMLFile(t, c.fm, c.ed, c.name)
			axeCheck(t, path)
		})
	}
}

// TestActionLogHTMLAccessible runs axe-core on the action log, confidential and public.
func TestActionLogHTMLAccessible(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
	for _, c := range []struct {
		name string
		opts ActionLogOptions
	}{{"actionlog-confidential.html", ActionLogOptions{Edition: ConfidentialEdition}}, {"actionlog-public.html", ActionLogOptions{Edition: PublicEdition}}} {
		t.Run(c.name, func(t *testing.T) {
			axeCheck(t, writeLog(t, log, c.opts, c.name))
		})
	}
}

// TestMinutesHTMLStructure checks what the page is made of: its language, one h1 for the
// body, an h2 for the meeting, an h3 for each item in order, the attendance as lists, the
// marks, and nothing fetched from elsewhere.
func TestMinutesHTMLStructure(t *testing.T) {
	fm := meetingOn(t, demoStore(t), demo.ExampleMeetingDate)
	fm.Status = data.StatusDraft
	path, rep := minutesHTMLFile(t, fm, ConfidentialEdition, "minutes-structure.html")
	raw, _ := os.ReadFile(path)
	page := string(raw)
	if rep.Replaced != 0 || rep.Withheld != 0 {
		t.Errorf("report %+v", rep)
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"en-GB\">") {
		t.Errorf("the page does not start with its doctype and lang=\"en-GB\": %q", page[:60])
	}
	if n := strings.Count(page, "<h1"); n != 1 || !strings.Contains(page, "<h1>"+demo.PanelName+"</h1>") {
		t.Errorf("%d h1, want one naming the body", n)
	}
	if !strings.Contains(page, "<h2>Minutes of the meeting held on Friday 15 September 2023 at 10.30am</h2>") {
		t.Error("no h2 for the meeting")
	}
	h3 := regexp.MustCompile(`<h3 id="item-\d+"><span class="number">([^<]*)</span> <span class="title">([^<]*)</span>`).FindAllStringSubmatch(page, -1)
	if len(h3) != len(fm.Items) {
		t.Fatalf("%d item headings for %d items", len(h3), len(fm.Items))
	}
	for i, it := range fm.Items {
		if h3[i][1] != it.Number || html.UnescapeString(h3[i][2]) != it.Title {
			t.Errorf("heading %d is %q %q, want %q %q", i+1, h3[i][1], h3[i][2], it.Number, it.Title)
		}
	}
	for _, want := range []string{
		"<h4>Present</h4>\n<ul><li>Cllr Margaret Ashworth (Chairman)</li>\n<li>Cllr Imran Qureshi (Vice-Chairman)</li>",
		"<h4>Apologies</h4>\n<ul><li>Cllr Emyr Gŵyn Rhys</li>",
		`<p class="mark draft">` + draftMark + `</p>`,
		`<p class="mark confidential-mark">` + confidentialMark + `</p>`,
		"<strong>RESOLVED</strong> – That the report of the PCC be noted",
		"<strong>[Action: PCC]</strong>",
		`<ol class="questions">`,
		"@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);",
		"@top-right { content: \"DRAFT – subject to approval\"",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, not := range []string{"<script", "<link", "src=", "url(", "@import", "http:", "https:"} {
		if strings.Contains(page, not) {
			t.Errorf("the page is not self-contained: it has %q", not)
		}
	}
	// Every question and answer of the example item, in order.
	text := htmlText(t, path)
	at := strings.Index(text, "Members’ Questions")
	for i, q := range itemTitled(t, fm, demo.ExampleItemTitle).Questions {
		want := "(" + string(rune('1'+i)) + ") " + flat(q.Question) + " " + flat(q.Answer)
		n := strings.Index(text[at:], want)
		if n < 0 {
			t.Fatalf("question %d and its answer are not set out in order: %q", i+1, want[:60])
		}
		at += n
	}
}

// TestActionLogHTMLTable checks the log's table: a header cell with scope for each column, a
// row header for each action, and the RAG status in words beside its colour.
func TestActionLogHTMLTable(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20"})
	raw, _ := os.ReadFile(writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog.html"))
	page := string(raw)
	if n := strings.Count(page, `<th scope="col">`); n != len(logColumns) {
		t.Errorf("%d column headers, want %d", n, len(logColumns))
	}
	if n := strings.Count(page, `<tr><th scope="row">`); n != len(log.Rows) {
		t.Errorf("%d row headers for %d actions", n, len(log.Rows))
	}
	for _, want := range []string{`<td class="status rag-red"><strong>Open</strong><br>Overdue</td>`, `<td class="status rag-amber">`,
		"<em class=\"exempt\">Exempt item</em>", confidentialLogMark, `<html lang="en-GB">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the log lacks %q", want)
		}
	}
}
