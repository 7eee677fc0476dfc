package demo

import (
	"strings"

	"github.com/minutebook/minutebook/data"
)

var panelPeople = []data.Person{
	{Title: "Cllr", Name: "Margaret Ashworth", Authority: "Wokingham Borough Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Imran Qureshi", Authority: "Slough Borough Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Emyr Gŵyn Rhys", Authority: "Oxford City Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Łucja Nowak", Authority: "Reading Borough Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Peter Hollingworth", Authority: "Buckinghamshire Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Sarah Penfold", Authority: "West Berkshire Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Thomas Okafor", Authority: "Milton Keynes City Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Helen Marchetti", Authority: "Cherwell District Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "James Whitcombe", Authority: "South Oxfordshire District Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Angela Fairbrother", Authority: "Bracknell Forest Council", Role: data.RoleMember},
	{Title: "Cllr", Name: "Neil Brennan", Authority: "Royal Borough of Windsor and Maidenhead", Role: data.RoleMember},
	{Title: "Cllr", Name: "Fiona Drysdale", Authority: "Vale of White Horse District Council", Role: data.RoleMember},
	{Title: "Mr", Name: "Graham Lister", Authority: "Independent Member", Role: data.RoleCoopted},
	{Title: "Ms", Name: "Aisha Rahman", Authority: "Independent Member", Role: data.RoleCoopted},
	// A substitute: a councillor of a member council who is not on the Panel, so not a member.
	{Title: "Cllr", Name: "Rachel Kemp", Authority: "Cherwell District Council", Role: data.RoleGuest, Retired: false},
	{Title: "Mr", Name: "Matthew Thornbury", Authority: "Police and Crime Commissioner for Thames Valley", Role: data.RolePCC},
	{Title: "", Name: "Khalid Ahmed", Authority: "Buckinghamshire Council", Role: data.RoleOfficer},
	{Title: "", Name: "Paul Hammond", Authority: "Office of the PCC", Role: data.RoleOfficer},
	{Title: "", Name: "Deborah Ellis", Authority: "Office of the PCC", Role: data.RoleOfficer},
	{Title: "", Name: "Jason Hartley", Authority: "Thames Valley Police", Role: data.RoleWitness},
}

// members are the panel's sitting members, Chairman and Vice-Chairman first.
var members = []string{
	"Margaret Ashworth", "Imran Qureshi", "Emyr Gŵyn Rhys", "Łucja Nowak", "Peter Hollingworth", "Sarah Penfold",
	"Thomas Okafor", "Helen Marchetti", "James Whitcombe", "Angela Fairbrother", "Neil Brennan", "Fiona Drysdale",
	"Graham Lister", "Aisha Rahman",
}

// attendance builds a meeting's attendance: everyone present unless sent apologies, with
// Cllr Kemp substituting for Cllr Marchetti when she sends apologies, and the PCC and
// officers in attendance.
func (w *writer) attendance(apologies ...string) []data.Attendance {
	away := map[string]bool{}
	for _, a := range apologies {
		away[a] = true
	}
	var out []data.Attendance
	for i, name := range members {
		a := data.Attendance{PersonID: w.person(name).ID, Kind: data.Present}
		switch {
		case away[name]:
			a.Kind = data.Apologies
		case i == 0:
			a.Role = data.RoleChair
		case i == 1:
			a.Role = data.RoleViceChair
		}
		out = append(out, a)
	}
	if away["Helen Marchetti"] {
		out = append(out, data.Attendance{PersonID: w.person("Rachel Kemp").ID, Kind: data.Substitute,
			SubstituteForID: w.person("Helen Marchetti").ID})
	}
	for _, x := range []struct{ name, role string }{
		{"Matthew Thornbury", "Police and Crime Commissioner"},
		{"Paul Hammond", "Chief Executive, OPCC"},
		{"Deborah Ellis", "Chief Finance Officer, OPCC"},
		{"Khalid Ahmed", "Scrutiny Officer"},
	} {
		out = append(out, data.Attendance{PersonID: w.person(x.name).ID, Kind: data.InAttendance, Role: x.role})
	}
	return out
}

// standing are the items every ordinary meeting opens with.
func standing(previous string) []data.FullItem {
	return []data.FullItem{
		{Item: data.Item{Title: "Apologies for Absence, Substitute Members and Declarations of Interest", Time: "10.30am",
			Minutes: "Apologies and substitutions were noted as set out above. Declarations of interest are recorded above."}},
		{Item: data.Item{Title: "Minutes of the previous meeting", Time: "10.32am",
			Minutes: "The minutes of the meeting held on " + data.LongDate(previous) + " were agreed as a correct record and signed by the Chairman."},
			Resolutions: []data.Resolution{{Text: "That the minutes of the meeting held on " + data.LongDate(previous) + " be approved as a correct record."}}},
		{Item: data.Item{Title: "Public Question Time", Time: "10.35am",
			Minutes: "There were no public questions."}},
	}
}

func workProgramme(time string, extra ...string) data.FullItem {
	minutes := "The Scrutiny Officer presented the Panel’s work programme for the coming year."
	for _, e := range extra {
		minutes += "\n\n" + e
	}
	return data.FullItem{Item: data.Item{Title: "Work Programme", Time: time, Minutes: minutes},
		Resolutions: []data.Resolution{{Text: "That the work programme be noted."}}}
}

func panelMeetings(w *writer) []*data.FullMeeting {
	b := w.body.ID
	venue := w.body.DefaultVenue
	chair := w.person("Margaret Ashworth").ID
	return []*data.FullMeeting{
		{
			Meeting:    data.Meeting{BodyID: b, Date: "2023-06-23", StartTime: "10.30am", Venue: venue, Title: "Annual meeting", ChairID: chair},
			Attendance: w.attendance("Neil Brennan"),
			Items: append([]data.FullItem{
				{Item: data.Item{Title: "Election of Chairman", Time: "10.30am",
					Minutes: "Cllr Margaret Ashworth was nominated by Cllr Peter Hollingworth and seconded by Cllr Sarah Penfold. There being no other nominations, it was:"},
					Resolutions: []data.Resolution{{Text: "That Cllr Margaret Ashworth be elected Chairman of the Panel for the 2023/24 municipal year."}}},
				{Item: data.Item{Title: "Election of Vice-Chairman", Time: "10.34am",
					Minutes: "Cllr Imran Qureshi was nominated and seconded. There being no other nominations, it was:"},
					Resolutions: []data.Resolution{{Text: "That Cllr Imran Qureshi be elected Vice-Chairman of the Panel for the 2023/24 municipal year."}}},
			}, append(standing("2023-04-21"),
				data.FullItem{Item: data.Item{Title: "PCC’s Annual Report 2022/23", Time: "10.50am",
					ReportSummary: "The PCC’s statutory annual report for 2022/23, on which the Panel must make a report and recommendations.",
					Minutes:       "The PCC introduced his annual report, highlighting the £2.3m invested in neighbourhood policing and the “Safer Streets” bids won in Reading and Slough.\n\nMembers noted the fall in the 101 non-emergency call answering times and asked for the figures by local policing area. [Action: PCC]"},
					Questions: []data.Question{
						{AskedBy: "Cllr Łucja Nowak", Question: "How many of the new officers had been posted to Reading?", AnsweredBy: "The PCC", Answer: "The PCC said that 42 of the new officers were in the Reading local policing area."},
						{AskedBy: "Mr Graham Lister", Question: "Would the PCC publish the breakdown of the Community Safety Fund by authority?", AnsweredBy: "The PCC", Answer: "The PCC agreed to send a written reply.", WrittenReply: true},
					},
					Resolutions: []data.Resolution{{Text: "That the Panel’s report on the PCC’s Annual Report 2022/23 be agreed as follows:\n(a) that the Panel welcomes the improvement in 101 call answering;\n(b) that the PCC be asked to report on the Safer Streets outcomes at a future meeting."}},
					Actions: []data.Action{
						{Source: "tag", Owner: "PCC", Text: "Provide 101 call answering figures by local policing area.", Due: "2023-09-15", Status: data.ActionDone, Completed: "2023-09-01",
							Updates: []data.ActionUpdate{{Date: "2023-08-10", Text: "Figures requested from the Force Contact Centre."}, {Date: "2023-09-01", Text: "Figures circulated to members by email."}}},
						{Source: "written_reply", Owner: "PCC", Text: "Written reply on the Community Safety Fund breakdown by authority.", Due: "2023-08-31", Status: data.ActionDone, Completed: "2023-08-25",
							Updates: []data.ActionUpdate{{Date: "2023-08-25", Text: "Written reply circulated."}}},
					}},
				workProgramme("11.40am", "Members asked that rural crime and road safety be added for the coming year. [Action: Scrutiny Officer]"),
			)...),
		},
		w.exampleMeeting(),
		{
			Meeting:    data.Meeting{BodyID: b, Date: "2023-11-24", StartTime: "10.30am", Venue: venue, ChairID: chair},
			Attendance: w.attendance("Thomas Okafor", "Aisha Rahman"),
			Items: append(standing("2023-09-15"),
				data.FullItem{Item: data.Item{Title: "Victims’ Services Commissioning", Time: "10.45am",
					ReportSummary: "An update on the services commissioned by the OPCC for victims of crime, including the Tŷ Hafan partnership for families.",
					Minutes:       "The PCC’s Head of Victims’ Services presented the report. Members welcomed the new independent sexual violence advisers and asked for the waiting times for counselling to be reported. [Action: Head of Victims’ Services]\n\nThe Panel also asked for a briefing on funding after March 2025. [Action: PCC]"},
					Actions: []data.Action{
						{Source: "tag", Owner: "Head of Victims’ Services", Text: "Report the waiting times for counselling services.", Due: "2024-02-02", Status: data.ActionInProgress,
							Updates: []data.ActionUpdate{{Date: "2024-01-15", Text: "Data for Q2 received; Q3 due at the end of January."}, {Date: "2024-06-10", Text: "Q3 and Q4 data being validated by providers."}}},
						{Source: "tag", Owner: "PCC", Text: "Brief the Panel on victims’ services funding after March 2025.", Due: "2024-09-30", Status: data.ActionOpen},
					}},
				data.FullItem{Item: data.Item{Title: "Budget Setting Timetable 2024/25", Time: "11.30am",
					Minutes: "The Chief Finance Officer set out the timetable for the precept proposal. The Panel would meet on 2 February 2024 to review the proposed precept."},
					Resolutions: []data.Resolution{{Text: "That the timetable be noted."}}},
				workProgramme("11.50am"),
			),
		},
		{
			Meeting:    data.Meeting{BodyID: b, Date: "2024-02-02", StartTime: "10.30am", Venue: venue, ChairID: chair},
			Attendance: w.attendance("Fiona Drysdale"),
			Items: append(standing("2023-11-24"),
				data.FullItem{Item: data.Item{Title: "PCC’s Proposed Precept 2024/25", Time: "10.40am",
					ReportSummary: "The PCC proposes to increase the police element of the council tax by £13 a year for a Band D property.",
					Minutes:       "The PCC set out his proposal to raise the Band D precept by £13 to £284.32, which would fund 40 additional officers and the rural crime taskforce.\n\nMembers asked about the balance of reserves and the savings programme of £8.1m over the medium term."},
					Questions: []data.Question{
						{AskedBy: "Cllr Sarah Penfold", Question: "What would the level of general reserves be at the end of 2024/25?", AnsweredBy: "The Chief Finance Officer", Answer: "The Chief Finance Officer replied that general reserves would be £19.5m, 3.4% of net revenue expenditure."},
					},
					Resolutions: []data.Resolution{{Text: "That the Panel:\n(a) supports the proposed precept of £284.32 for a Band D property for 2024/25;\n(b) asks the PCC to report progress on the savings programme at its meeting in September."}},
					Actions:     []data.Action{{Owner: "PCC", Text: "Report progress on the £8.1m savings programme.", Due: "2024-09-20", Status: data.ActionOpen}}},
				workProgramme("11.45am"),
			),
			Declarations: []data.Declaration{{PersonID: w.person("Peter Hollingworth").ID, ItemPosition: 4, Kind: data.InterestNonRegistrable,
				Text: "His son is a serving officer with Thames Valley Police.", LeftRoom: false}},
		},
		{
			Meeting:    data.Meeting{BodyID: b, Date: "2024-06-21", StartTime: "10.30am", Venue: venue, Title: "Annual meeting", ChairID: chair},
			Attendance: w.attendance("Helen Marchetti", "Graham Lister"),
			Items: append([]data.FullItem{
				{Item: data.Item{Title: "Election of Chairman", Time: "10.30am", Minutes: "Cllr Margaret Ashworth was nominated and seconded. There being no other nominations, it was:"},
					Resolutions: []data.Resolution{{Text: "That Cllr Margaret Ashworth be elected Chairman of the Panel for the 2024/25 municipal year."}}},
			}, append(standing("2024-02-02"),
				data.FullItem{Item: data.Item{Title: "Road Safety", Time: "10.55am",
					Minutes: "The Chief Constable and the PCC reported on the Fatal Four campaign and the roll-out of average-speed cameras on the A34 and A404.\n\nMembers asked for casualty figures by district for the last three years. [Action: PCC]"},
					Actions: []data.Action{{Source: "tag", Owner: "PCC", Text: "Provide road casualty figures by district for the last three years.", Due: "2024-08-31", Status: data.ActionOpen}}},
				workProgramme("11.40am"),
			)...),
		},
		{
			Meeting:    data.Meeting{BodyID: b, Date: "2024-09-20", StartTime: "10.30am", Venue: venue, ChairID: chair},
			Attendance: w.attendance("James Whitcombe"),
			Items: append(standing("2024-06-21"),
				data.FullItem{Item: data.Item{Title: "Rural Crime", Time: "10.50am",
					ReportSummary: "The report sets out the work of the Rural Crime Taskforce in its first year.",
					Minutes:       "The PCC reported that the Rural Crime Taskforce had recovered stolen machinery worth £1.2m and had worked with Hampshire and Wiltshire on hare coursing.\n\nMembers asked for the taskforce’s contact details to be sent to parish councils. [Action: Scrutiny Officer]\n\nThe PCC agreed to report back on hare coursing prosecutions at the December meeting. [Action: PCC]"},
					Actions: []data.Action{
						{Source: "tag", Owner: "Scrutiny Officer", Text: "Send the Rural Crime Taskforce’s contact details to parish councils.", Due: "2024-10-04", Status: data.ActionOpen},
						{Source: "tag", Owner: "PCC", Text: "Report back on hare coursing prosecutions.", Due: "2024-12-06", Status: data.ActionOpen},
					}},
				workProgramme("11.30am"),
			),
		},
	}
}

// exampleMeeting is the meeting of 15 September 2023, whose item on serious organised crime
// is the published minute in shared/examples, and which took one item in private.
func (w *writer) exampleMeeting() *data.FullMeeting {
	// The published minute goes on after the questions with the Chair's question, which
	// raised the second action: it is the last paragraph of the narrative.
	cut := strings.LastIndex(exampleMinutes, "\n\n")
	exampleBefore, exampleAfter := exampleMinutes[:cut], exampleMinutes[cut+2:]
	var qs []data.Question
	for _, q := range exampleQuestions {
		qs = append(qs, data.Question{Question: q.question, AnsweredBy: "The PCC", Answer: q.answer})
	}
	return &data.FullMeeting{
		Meeting: data.Meeting{BodyID: w.body.ID, Date: ExampleMeetingDate, StartTime: "10.30am", Venue: w.body.DefaultVenue,
			ChairID: w.person("Margaret Ashworth").ID},
		Attendance: w.attendance("Helen Marchetti", "Emyr Gŵyn Rhys"),
		Declarations: []data.Declaration{{PersonID: w.person("Łucja Nowak").ID, ItemPosition: 4, Kind: data.InterestRegistrable,
			Text: "She is a trustee of a Reading youth charity that receives funding from the PCC’s Community Safety Fund.", LeftRoom: false}},
		Items: append(standing("2023-06-23"),
			data.FullItem{Item: data.Item{Title: ExampleItemTitle, Time: exampleTime, ReportSummary: exampleSummary,
				Minutes: exampleBefore, MinutesAfter: exampleAfter},
				Questions:   qs,
				Resolutions: []data.Resolution{{Text: exampleResolution}},
				Actions: []data.Action{
					// The minutes' own tag (the Chair's question) comes before the answers' tags.
					{Source: "tag", Owner: "PCC", Text: "Provide a breakdown of the 98 County Lines Intensification Week arrests by crime type.", Due: "2023-11-24", Status: data.ActionInProgress,
						Updates: []data.ActionUpdate{{Date: "2023-11-20", Text: "National summary awaited from the NPCC; local breakdown being prepared."}, {Date: "2024-03-01", Text: "Local figures shared; national summary still awaited."}}},
					{Source: "tag", Owner: "PCC", Text: "Share the presentation on disruptions of serious organised crime with the Panel.", Due: "2023-11-24", Status: data.ActionDone, Completed: "2023-11-10",
						Updates: []data.ActionUpdate{{Date: "2023-11-10", Text: "Presentation slides circulated to members."}}},
				}},
			data.FullItem{Item: data.Item{Title: "Police and Criminal Justice Plan – Performance Quarter 1", Time: "12.10pm",
				Minutes: "The PCC presented performance against the Plan for April to June 2023. Members noted that 999 calls answered within 10 seconds had risen to 91%.\n\nMembers asked for a report on the use of stop and search by ethnicity. [Action: PCC]"},
				Actions: []data.Action{{Source: "tag", Owner: "PCC", Text: "Report on the use of stop and search by ethnicity.", Due: "2024-02-02", Status: data.ActionDropped,
					Updates: []data.ActionUpdate{{Date: "2024-02-02", Text: "Dropped: covered by the Force’s published quarterly data, which members were directed to."}}}}},
			data.FullItem{Item: data.Item{Title: ExemptItemTitle, Time: "12.40pm", Exempt: true, ExemptParagraph: 1,
				PublicSummary: "The Panel considered a complaint against the Police and Crime Commissioner under the Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012.",
				Minutes:       "The Complaints Sub-Committee reported on the complaint made by Mr Rowan Featherstonehaugh about the PCC’s handling of the Abingdon custody suite closure. The Sub-Committee found that informal resolution had been attempted and recommended that the complaint be recorded as resolved.\n\nMembers asked the Scrutiny Officer to write to the complainant with the outcome by the end of September. [Action: Scrutiny Officer]"},
				Resolutions: []data.Resolution{{Text: "That the complaint by Mr Featherstonehaugh be recorded as resolved by informal resolution."}},
				Actions:     []data.Action{{Source: "tag", Owner: "Scrutiny Officer", Text: "Write to Mr Featherstonehaugh with the outcome of his complaint.", Due: "2023-09-29", Status: data.ActionOpen}}},
			workProgramme("12.55pm", "The Panel agreed to hold a themed meeting on violence against women and girls."),
		),
	}
}
