package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
)

// readLogCSV reads a CSV action log back, checking and removing its byte-order mark.
func readLogCSV(t *testing.T, path string) [][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(raw, []byte("\uFEFF"))
	if !ok {
		t.Fatalf("%s does not start with a UTF-8 byte-order mark: % x", path, raw[:min(len(raw), 8)])
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = len(actionLogCSVHeader)
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read %s back: %v", path, err)
	}
	return records
}

// TestActionLogCSVRoundTrip checks that encoding/csv reads back every row and field,
// awkward text included.
func TestActionLogCSVRoundTrip(t *testing.T) {
	awkward := []string{
		"Provide figures, by district, for 2023",
		`The PCC said "soon" – and “soon” again`,
		"Line one\nline two\n\nafter a blank line",
		"A field ending in a quote\"",
		"Tŷ Hafan’s £1.2m, Łódź, Ŵyn",
		"=SUM(A1:A2) is text here",
		"",
	}
	log := &data.ActionLog{Query: data.ActionLogQuery{AsAt: "2024-09-20", Status: data.LogAll}}
	for i, text := range awkward {
		log.Rows = append(log.Rows, data.ActionLogRow{
			Action: data.Action{Ref: "PCP 10/24-A" + string(rune('1'+i)), MeetingDate: "2024-09-20", Minute: "PCP 10/24",
				Owner: "Head of Victims’ Services, OPCC", Text: text, Due: "2024-10-04", Exempt: i == 3},
			StatusAsAt: data.ActionDone, ClosedOn: "2024-09-30", RAG: data.RAGGrey,
			Latest: data.ActionUpdate{Date: "2024-09-30", Text: awkward[len(awkward)-1-i]},
		})
	}
	path := writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog.csv")
	records := readLogCSV(t, path)
	if !slices.Equal(records[0], actionLogCSVHeader) {
		t.Errorf("header %q", records[0])
	}
	if len(records) != len(log.Rows)+1 {
		t.Fatalf("%d records, want %d and a header", len(records), len(log.Rows))
	}
	for i, r := range log.Rows {
		exempt := ""
		if r.Exempt {
			exempt = "Yes"
		}
		text, latest := r.Text, r.Latest.Text
		if strings.HasPrefix(text, "=") {
			text = "'" + text // kept as text, not run as a formula
		}
		if strings.HasPrefix(latest, "=") {
			latest = "'" + latest
		}
		mark := ""
		if r.Exempt {
			mark = "CONFIDENTIAL – NOT FOR PUBLICATION"
		}
		want := []string{mark, r.Ref, "2024-09-20", "PCP 10/24", text, r.Owner, "2024-10-04", "Done", "Grey", "2024-09-30",
			"2024-09-30", latest, exempt}
		if got := records[i+1]; !slices.Equal(got, want) {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, got, want)
		}
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte("\r\n")) {
		t.Error("lines do not end in CRLF")
	}

	// The public edition leaves out the exempt row.
	public := readLogCSV(t, writeLog(t, log, ActionLogOptions{Edition: PublicEdition}, "actionlog-public.csv"))
	if len(public) != len(log.Rows) {
		t.Errorf("public CSV has %d records, want %d", len(public), len(log.Rows))
	}
	for _, rec := range public[1:] {
		if rec[1] == log.Rows[3].Ref || rec[0] != "" {
			t.Errorf("public CSV lists the exempt action %s", rec[0])
		}
	}
}

// TestActionLogCSVDemo checks the CSV of the demo's log against the log's rows.
func TestActionLogCSVDemo(t *testing.T) {
	s, b := logDemoStore(t)
	log := queryLog(t, s, data.ActionLogQuery{BodyID: b.ID, AsAt: "2024-09-20", Status: data.LogAll})
	records := readLogCSV(t, writeLog(t, log, ActionLogOptions{Edition: ConfidentialEdition}, "actionlog-demo.csv"))
	if len(records) != len(log.Rows)+1 {
		t.Fatalf("%d records for %d rows", len(records), len(log.Rows))
	}
	statuses := map[string]int{}
	for i, r := range log.Rows {
		rec := records[i+1]
		if rec[1] != r.Ref || rec[4] != r.Text || rec[5] != r.Owner || rec[11] != r.Latest.Text || (rec[0] != "") != r.Exempt {
			t.Errorf("row %d: %q, want %s %q", i+1, rec, r.Ref, r.Text)
		}
		statuses[rec[7]+"/"+rec[8]]++
	}
	for _, want := range []string{"Open/Red", "Open/Amber", "Open/Green", "Open/None", "In progress/Red", "Done/Grey", "Dropped/Grey"} {
		if statuses[want] == 0 {
			t.Errorf("no row is %s (%v)", want, statuses)
		}
	}
	if !strings.Contains(strings.Join(records[1], ","), "PCP") || records[0][0] != "Confidential" {
		t.Errorf("first row %q", records[1])
	}
}
