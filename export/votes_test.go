package export

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// votedExample is the example meeting with votes and supporting documents: counts on the
// serious organised crime item's resolution and its documents, one of them an exempt
// appendix; a recorded vote, and a Panel's veto worked out against the membership.
func votedExample(t *testing.T) *data.FullMeeting {
	t.Helper()
	fm := draftOn(t, demoStore(t), demo.ExampleMeetingDate)
	it := itemTitled(t, fm, "Fighting Serious Organised Crime")
	it.Votes = append(it.Votes, data.Vote{ResolutionID: it.Resolutions[0].ID, For: 9, Against: 2, Abstain: 1})
	it.Documents = append(it.Documents,
		data.Document{ItemID: it.ID, Title: "Report of the Police and Crime Commissioner"},
		data.Document{ItemID: it.ID, Title: "Appendix B – Hanborough informant costings", Exempt: true, ExemptParagraph: 3})
	wp := itemTitled(t, fm, "Work Programme")
	wp.Votes = append(wp.Votes, data.Vote{ResolutionID: wp.Resolutions[0].ID, Recorded: true,
		ForNames: []string{"Cllr Margaret Ashworth", "Cllr Barrie Patman"}, AgainstNames: []string{"Cllr Imran Qureshi"}})
	plan := itemTitled(t, fm, "Police and Criminal Justice Plan – Performance Quarter 1")
	plan.Resolutions = append(plan.Resolutions, data.Resolution{ID: 1 << 40, ItemID: plan.ID, Text: "That the Panel vetoes the proposed precept."})
	plan.Votes = append(plan.Votes, data.Vote{ResolutionID: 1 << 40, Kind: data.VotePreceptVeto, For: 7, Against: 4})
	return fm
}

// draftOn is the meeting on date reopened: a draft, whose vetoes count the body's list of
// members (approved minutes keep the figure approval gave them).
func draftOn(t *testing.T, s *data.Store, date string) *data.FullMeeting {
	t.Helper()
	fm := meetingOn(t, s, date)
	if err := s.ReopenMeeting(fm.Meeting.ID); err != nil {
		t.Fatal(err)
	}
	return meetingOn(t, s, date)
}

// TestVotesAndDocumentsInEveryEdition: the minutes print each vote under its resolution —
// "(For 9, Against 2, Abstain 1)", the named lists of a recorded vote, whether a veto
// carried — and "Supporting documents: …" under the item, in the PDF, Word and HTML
// editions; the public edition names no exempt document.
func TestVotesAndDocumentsInEveryEdition(t *testing.T) {
	fm := votedExample(t)
	members := len(fm.Members())
	if members < 12 {
		t.Fatalf("the example lists %d members; the veto case needs the whole Panel", members)
	}
	veto := "A veto of the proposed precept needs at least two-thirds of the Panel’s membership at the time, which was " +
		strconv.Itoa(members) + ": " + strconv.Itoa(data.VetoNeeded(members)) + " votes. 7 members voted for the veto, so the veto was not carried."
	want := []string{
		"(For 9, Against 2, Abstain 1)",
		"Supporting documents: Report of the Police and Crime Commissioner; and 1 exempt document, not for publication.",
		"A recorded vote was taken:", "For (2): Cllr Margaret Ashworth, Cllr Barrie Patman", "Against (1): Cllr Imran Qureshi", "Abstain (0): none",
		veto,
	}
	read := map[string]func(ed Edition) string{
		"pdf": func(ed Edition) string {
			path, _ := writeMinutes(t, fm, MinutesOptions{Edition: ed}, "voted-"+ed.String()+".pdf")
			return flat(pdfText(t, path))
		},
		"html": func(ed Edition) string {
			path, _ := minutesHTMLFile(t, fm, ed, "voted-"+ed.String()+".html")
			return htmlText(t, path)
		},
		"docx": func(ed Edition) string {
			path, _ := minutesDocxFile(t, fm, ed, "voted-"+ed.String()+".docx")
			return flat(pdfText(t, soffice(t, path)))
		},
	}
	for format, text := range read {
		t.Run(format, func(t *testing.T) {
			public := text(PublicEdition)
			for _, w := range want {
				if !strings.Contains(public, w) {
					t.Errorf("the public %s edition lacks %q", format, w)
				}
			}
			if strings.Contains(strings.ToLower(public), "hanborough") {
				t.Errorf("the public %s edition names the exempt appendix", format)
			}
			confidential := text(ConfidentialEdition)
			if !strings.Contains(confidential, "Supporting documents: Report of the Police and Crime Commissioner; Appendix B – Hanborough informant costings.") {
				t.Errorf("the confidential %s edition does not list both documents", format)
			}
		})
	}
}

// TestVetoesInPrint: the minutes print a carried veto of the precept and vetoes of a
// proposed Chief Constable, carried and not, under their resolutions in the PDF (pdftotext)
// and the HTML; and, where the minute book lists no members for the body, that the
// membership was counted from the attendance.
func TestVetoesInPrint(t *testing.T) {
	fm := draftOn(t, demoStore(t), demo.ExampleMeetingDate)
	members := len(fm.Members())
	needed := data.VetoNeeded(members)
	if len(fm.Roster) == 0 || members < 12 {
		t.Fatalf("the example lists %d members (%d on the roster); the veto cases need the whole Panel", members, len(fm.Roster))
	}
	plan := itemTitled(t, fm, "Police and Criminal Justice Plan – Performance Quarter 1")
	votes := []struct {
		resolution string
		vote       data.Vote
	}{
		{"That the Panel vetoes the proposed precept of £1.50.", data.Vote{Kind: data.VotePreceptVeto, For: needed, Against: members - needed}},
		{"That the Panel vetoes the appointment of Mr Ashby.", data.Vote{Kind: data.VoteAppointmentVeto, For: needed, Abstain: 1}},
		{"That the Panel vetoes the appointment of Ms Barlow.", data.Vote{Kind: data.VoteAppointmentVeto, For: needed - 1, Against: 2}},
	}
	for i, v := range votes {
		id := int64(1<<40 + i)
		plan.Resolutions = append(plan.Resolutions, data.Resolution{ID: id, ItemID: plan.ID, Text: v.resolution})
		v.vote.ResolutionID = id
		plan.Votes = append(plan.Votes, v.vote)
	}
	need := func(from string) string {
		return "at the time, which was " + strconv.Itoa(members) + from + ": " + strconv.Itoa(needed) + " votes. "
	}
	want := func(from string) []string {
		return []string{
			"RESOLVED – " + votes[0].resolution, fmt.Sprintf("(For %d, Against %d, Abstain 0)", needed, members-needed),
			"A veto of the proposed precept needs at least two-thirds of the Panel’s membership " + need(from) +
				strconv.Itoa(needed) + " members voted for the veto, so the Panel vetoed the proposed precept.",
			"RESOLVED – " + votes[1].resolution, fmt.Sprintf("(For %d, Against 0, Abstain 1)", needed),
			"A veto of the proposed appointment of the Chief Constable needs at least two-thirds of the Panel’s membership " + need(from) +
				strconv.Itoa(needed) + " members voted for the veto, so the Panel vetoed the proposed appointment of the Chief Constable.",
			"RESOLVED – " + votes[2].resolution, fmt.Sprintf("(For %d, Against 2, Abstain 0)", needed-1),
			"A veto of the proposed appointment of the Chief Constable needs at least two-thirds of the Panel’s membership " + need(from) +
				strconv.Itoa(needed-1) + " members voted for the veto, so the veto was not carried.",
		}
	}
	read := map[string]func(name string) string{
		"pdf": func(name string) string {
			path, _ := writeMinutes(t, fm, MinutesOptions{}, name+".pdf")
			return flat(pdfText(t, path))
		},
		"html": func(name string) string {
			path, _ := minutesHTMLFile(t, fm, PublicEdition, name+".html")
			return htmlText(t, path)
		},
	}
	for format, text := range read {
		t.Run(format, func(t *testing.T) {
			inOrder(t, text("vetoes"), want(""))
		})
	}
	fm.Roster = nil // no list of members: the attendance is counted, and the minutes say so
	if got := len(fm.Members()); got != members {
		t.Fatalf("the attendance lists %d members, the roster %d; the case needs them equal", got, members)
	}
	for format, text := range read {
		t.Run(format+" from the attendance", func(t *testing.T) {
			inOrder(t, text("vetoes-attendance"), want(" (counted from the attendance)"))
		})
	}
}
