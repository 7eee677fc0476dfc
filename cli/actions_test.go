package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

func TestExportActions(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		stdout  string
		want    []string
		wantNot []string
	}{
		{"the public log, by default", []string{"--as-at", "2024-09-20", "-o", "log.pdf"},
			"Wrote the public action log of the Thames Valley Police and Crime Panel as at Friday 20 September 2024 (8 actions) to ",
			[]string{"Action log as at 20 September 2024", "PCP 10/24-A2", "Page 1 of 1"}, []string{"PCP 6/23-A1", "Featherstonehaugh", "PCP 13/23-A1", "CONFIDENTIAL"}},
		{"confidential", []string{"--as-at", "2024-09-20", "--confidential", "-o", "confidential.pdf"},
			"Wrote the confidential action log of the Thames Valley Police and Crime Panel as at Friday 20 September 2024 (9 actions) to ",
			[]string{"Action log as at 20 September 2024", "PCP 10/24-A2", "Featherstonehaugh", "CONFIDENTIAL", "Page 1 of 1"},
			[]string{"PCP 6/23-A1"}},
		{"public said so, by short code", []string{"--body", "pcp", "--as-at", "20/09/2024", "--public", "-o", "public.pdf"},
			"Wrote the public action log of the Thames Valley Police and Crime Panel as at Friday 20 September 2024 (8 actions) to ",
			[]string{"PCP 10/24-A2"}, []string{"Featherstonehaugh", "PCP 13/23-A1", "CONFIDENTIAL"}},
		{"every action, one owner, by full name", []string{"--body", demo.PanelName, "--status", "all", "--owner", "scrutiny officer", "--as-at", "2024-09-20", "--confidential", "-o", "so.pdf"},
			"(3 actions)", []string{"PCP 7/23-A1", "PCP 13/23-A1", "PCP 10/24-A1", "Only actions for scrutiny officer."}, []string{"PCP 6/23-A1", "PCP 10/24-A2"}},
		{"meetings from and to", []string{"--status", "all", "--from", "2023-11-24", "--to", "2024-02-02", "--as-at", "2024-09-20", "-o", "range.pdf"},
			"(3 actions)", []string{"PCP 18/23-A1", "PCP 18/23-A2", "PCP 24/23-A1"}, []string{"PCP 5/24-A1", "PCP 13/23-A1"}},
		{"as at today", []string{"-o", "today.pdf"}, "as at " + data.LongDate(data.Today()), []string{"PCP 10/24-A2"}, nil},
	}
	var files []string
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.args[len(tc.args)-1])
			args := append([]string{"export", "actions", "--db", db}, tc.args[:len(tc.args)-1]...)
			r := runMinutebook(t, append(args, out)...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout = %q, want %q in it", r.stdout, tc.stdout)
			}
			text := pdfText(t, out)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the log lacks %q", w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(text, w) {
					t.Errorf("the log has %q", w)
				}
			}
		})
		files = append(files, tc.args[len(tc.args)-1])
	}
	slices.Sort(files)
	onlyFiles(t, dir, files...)
}

func TestExportActionsCSV(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "actions.CSV")
	r := runMinutebook(t, "export", "actions", "--db", db, "--status", "all", "--as-at", "2024-09-20", "--confidential", "-o", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(raw, []byte("\uFEFF"))
	if !ok {
		t.Fatal("the CSV lacks its byte-order mark")
	}
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 14 || records[0][1] != "Reference" {
		t.Fatalf("%d records, first %q; want a header and 13 actions", len(records), records[0])
	}
	if !strings.Contains(r.stdout, "(13 actions)") {
		t.Errorf("stdout = %q", r.stdout)
	}
	marked := 0
	for _, rec := range records[1:] {
		if rec[0] == "CONFIDENTIAL – NOT FOR PUBLICATION" {
			marked++
		}
	}
	if marked == 0 {
		t.Error("no row of the confidential CSV is marked CONFIDENTIAL – NOT FOR PUBLICATION")
	}
}

// TestExportActionsFormats writes the log as Word and HTML, by the file's name and by
// --format, and refuses a --format the name contradicts or both editions at once.
func TestExportActionsFormats(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		file string
		want string // at the start of the file
	}{
		{[]string{"-o", "log.docx"}, "log.docx", "PK"},
		{[]string{"-o", "log.html"}, "log.html", "<!DOCTYPE html>"},
		{[]string{"--format", "html", "-o", "page.htm"}, "page.htm", "<!DOCTYPE html>"},
	} {
		out := filepath.Join(dir, c.file)
		r := runMinutebook(t, append(append([]string{"export", "actions", "--db", db, "--as-at", "2024-09-20"}, c.args[:len(c.args)-1]...), out)...)
		if r.code != 0 || !strings.Contains(r.stdout, "Wrote the public action log") {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", c.args, r.code, r.stdout, r.stderr)
		}
		raw, _ := os.ReadFile(out)
		if !bytes.HasPrefix(raw, []byte(c.want)) || bytes.Contains(raw, []byte("Featherstonehaugh")) {
			t.Errorf("%s: starts %q, or lists the exempt item's action", c.file, raw[:min(len(raw), 20)])
		}
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--format", "docx", "-o", filepath.Join(dir, "x.pdf")}, exitFailure, "ending in .docx"},
		{[]string{"--format", "odt", "-o", filepath.Join(dir, "x.odt")}, exitUsage, "--format must be pdf, docx, html or csv"},
		{[]string{"--public", "--confidential", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "not both"},
	} {
		r := runMinutebook(t, append([]string{"export", "actions", "--db", db}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: exit %d, stderr %q; want %d saying %q", c.args, r.code, r.stderr, c.code, c.says)
		}
	}
	onlyFiles(t, dir, "log.docx", "log.html", "page.htm")
}

func TestExportActionsMistakes(t *testing.T) {
	db := demoDB(t)
	several := demoDB(t)
	s, err := data.Open(several)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateBody(&data.Body{Name: "Reading Audit and Governance Committee", ShortCode: "AGC"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "log.pdf")
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no output", []string{"--db", db}, exitUsage, "-o OUT.pdf, OUT.docx, OUT.html or OUT.csv"},
		{"another format", []string{"--db", db, "-o", filepath.Join(dir, "log.xlsx")}, exitFailure, "ending in .pdf or .docx or .html or .htm or .csv"},
		{"a status that is not", []string{"--db", db, "--status", "outstanding", "-o", out}, exitUsage, "--status must be open or all"},
		{"not a date", []string{"--db", db, "--as-at", "31/02/2024", "-o", out}, exitUsage, "--as-at"},
		{"range backwards", []string{"--db", db, "--from", "2024-01-01", "--to", "2023-01-01", "-o", out}, exitUsage, "is after --to"},
		{"an argument too many", []string{"--db", db, "-o", out, "extra"}, exitUsage, "extra"},
		{"which body", []string{"--db", several, "-o", out}, exitUsage, "say which with --body (AGC or PCP)"},
		{"no such body", []string{"--db", db, "--body", "JHOSC", "-o", out}, exitFailure, "no body called “JHOSC”"},
		{"no database", []string{"--db", filepath.Join(dir, "none.db"), "-o", out}, exitFailure, "no database"},
		{"no folder", []string{"--db", db, "-o", filepath.Join(dir, "missing", "log.pdf")}, exitFailure, "there is no folder"},
		{"a folder", []string{"--db", db, "-o", dir}, exitFailure, "is a folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runMinutebook(t, append([]string{"export", "actions"}, tc.args...)...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tc.code, r.stderr)
			}
			oneSentence(t, r.stderr)
			if !strings.Contains(r.stderr, tc.says) {
				t.Errorf("stderr %q does not say %q", r.stderr, tc.says)
			}
		})
	}
	onlyFiles(t, dir)
}
