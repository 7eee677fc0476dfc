package minutestext

import (
	"reflect"
	"strings"
	"testing"
)

// shapeCase is a small text in one of the shapes minutes come in, and what
// Parse must make of it. The texts also seed FuzzParse.
type shapeCase struct {
	name  string
	text  string
	check func(t *testing.T, r *Result)
}

// oneItem returns the only item of r.
func oneItem(t *testing.T, r *Result) Item {
	t.Helper()
	if len(r.Meeting.Items) != 1 {
		t.Fatalf("got %d items, want 1: %+v", len(r.Meeting.Items), r.Meeting.Items)
	}
	return r.Meeting.Items[0]
}

// noUnplaced fails when r has unplaced lines.
func noUnplaced(t *testing.T, r *Result) {
	t.Helper()
	if len(r.Unplaced) != 0 {
		t.Errorf("Unplaced = %+v, want none", r.Unplaced)
	}
}

// equal fails when got is not want.
func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v\nwant %#v", what, got, want)
	}
}

var labelCases = []shapeCase{
	{
		name: "minutes label only",
		text: "Agenda item\n\nMinutes:\n\nThe Panel noted the report.\n\nRESOLVED – That the report be noted.\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "ReportSummary", it.ReportSummary, "")
			equal(t, "Minutes", it.Minutes, "The Panel noted the report.")
			equal(t, "Resolutions", it.Resolutions, []string{"That the report be noted."})
			noUnplaced(t, r)
		},
	},
	{
		name: "decision, minutes and documents",
		text: "Agenda item\r\n\r\nBudget 2024/25\r\n\r\nTo consider the budget.\r\n\r\nDecision:\r\n\r\nThat the budget be approved.\r\n\r\n" +
			"Minutes:\r\n\r\nThe Panel discussed the budget.\r\n\r\nRESOLVED: That the budget be approved.\r\n\r\n" +
			"Supporting documents:\r\n\r\nBudget report PDF 120 KB\r\nAppendix A - reserves pdf icon PDF 35 KB\r\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Title", it.Title, "Budget 2024/25")
			equal(t, "ReportSummary", it.ReportSummary, "To consider the budget.")
			equal(t, "Minutes", it.Minutes, "The Panel discussed the budget.")
			equal(t, "Resolutions", it.Resolutions, []string{"That the budget be approved."})
			equal(t, "ResolvedAs", it.ResolvedAs, []string{""})
			equal(t, "Documents", it.Documents, []string{"Budget report", "Appendix A - reserves"})
			noUnplaced(t, r)
		},
	},
	{
		name: "no labels",
		text: "5. Police and Crime Plan\n\nThe PCC introduced the plan.\n\nMembers welcomed it.\n\nRESOLVED - That the plan be noted.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "ReportSummary", it.ReportSummary, "")
			equal(t, "Minutes", it.Minutes, "The PCC introduced the plan.\n\nMembers welcomed it.")
			equal(t, "Resolutions", it.Resolutions, []string{"That the plan be noted."})
			noUnplaced(t, r)
		},
	},
	{
		name: "summary then label with text on the same line",
		text: "Agenda item\n\nThe report sets out the precept.\n\nMinutes: The PCC presented the precept.\n\nSupporting documents: Precept report PDF 90 KB",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "ReportSummary", it.ReportSummary, "The report sets out the precept.")
			equal(t, "Minutes", it.Minutes, "The PCC presented the precept.")
			equal(t, "Documents", it.Documents, []string{"Precept report"})
		},
	},
}

// headingCase makes a case that checks an item's number, title and time.
func headingCase(name, text, number, title, time string) shapeCase {
	return shapeCase{name: name, text: text, check: func(t *testing.T, r *Result) {
		it := oneItem(t, r)
		equal(t, "Number", it.Number, number)
		equal(t, "Title", it.Title, title)
		equal(t, "Time", it.Time, time)
		if it.Minutes == "" {
			t.Errorf("Minutes is empty")
		}
		noUnplaced(t, r)
	}}
}

var headingCases = []shapeCase{
	headingCase("number with dot", "5. Apologies for absence\n\nNone were received.", "5", "Apologies for absence", ""),
	headingCase("running number", "39/20 Police and Crime Plan\n10.35am\n\nThe PCC presented the plan.", "39/20", "Police and Crime Plan", "10.35am"),
	headingCase("running number, spaced time", "23/22 Complaints\n\n11.05 pm\n\nThe Panel noted the complaints.", "23/22", "Complaints", "11.05 pm"),
	headingCase("prefixed number, colon time", "PCP 12/23 Annual Report\n2:15pm\nThe PCC presented the annual report.", "PCP 12/23", "Annual Report", "2:15pm"),
	headingCase("sub-item", "8.1 Budget Monitoring\n\nThe Panel noted the outturn.", "8.1", "Budget Monitoring", ""),
	headingCase("agenda page numbers", "6. Police and Crime Plan (Pages 5 - 20)\n\nThe PCC presented the plan.", "6", "Police and Crime Plan", ""),
	headingCase("no number, time after title", "Serious Organised Crime\n\n11.05pm\n\nThe PCC reported on county lines.", "", "Serious Organised Crime", "11.05pm"),
	headingCase("number on its own line", "39.\nPolice and Crime Plan\n\nThe PCC presented the plan.", "39", "Police and Crime Plan", ""),
	headingCase("agenda item number", "Agenda Item 7: Complaints\n\nThe Panel noted the complaints.", "7", "Complaints", ""),
	headingCase("prefix with slash", "PCP/23/45 Complaints Update\n\nThe Panel noted the update.", "PCP/23/45", "Complaints Update", ""),
	headingCase("title wrapped in capitals", "54/23 APOLOGIES FOR ABSENCE, DECLARATIONS OF INTEREST AND\nSUBSTITUTIONS\n\nNone.", "54/23", "APOLOGIES FOR ABSENCE, DECLARATIONS OF INTEREST AND SUBSTITUTIONS", ""),
	headingCase("time in the heading", "12/23 Budget (10.35am)\n\nThe Panel noted the budget.", "12/23", "Budget", "10.35am"),
	headingCase("Modern.gov title and meeting line", "Agenda item\n\nSerious Organised Crime\n\nMeeting: 15/09/2023 - Thames Valley Police and Crime Panel (Item 40)\n\n11.05pm\n\nMinutes:\n\nThe PCC reported on county lines.",
		"40", "Serious Organised Crime", "11.05pm"),
}

// resolutionCase makes a case that checks an item's resolutions.
func resolutionCase(name, text string, want []string, as []string) shapeCase {
	return shapeCase{name: name, text: text, check: func(t *testing.T, r *Result) {
		it := oneItem(t, r)
		equal(t, "Resolutions", it.Resolutions, want)
		equal(t, "ResolvedAs", it.ResolvedAs, as)
		noUnplaced(t, r)
	}}
}

var resolutionCases = []shapeCase{
	{
		name: "RESOLVED after the body, mid-line",
		text: "Agenda item\n\nMinutes:\n\nThree complaints had been received. Following discussion the Panel RESOLVED that a letter be sent to the Home Office.\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "Three complaints had been received. Following discussion")
			equal(t, "Resolutions", it.Resolutions, []string{"That a letter be sent to the Home Office."})
			equal(t, "ResolvedAs", it.ResolvedAs, []string{"The Panel RESOLVED"})
			noUnplaced(t, r)
		},
	},
	{
		name: "It was RESOLVED after a sentence",
		text: "Agenda item\n\nMinutes:\n\nThe report was discussed. It was RESOLVED that the\nCommissioner report back in September.\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "The report was discussed.")
			equal(t, "Resolutions", it.Resolutions, []string{"That the Commissioner report back in September."})
			equal(t, "ResolvedAs", it.ResolvedAs, []string{"It was RESOLVED"})
		},
	},
	{
		name: "RESOLVED after a semicolon",
		text: "Agenda item\n\nMinutes:\n\nMembers considered the programme; RESOLVED – that it be agreed.\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "Members considered the programme;")
			equal(t, "Resolutions", it.Resolutions, []string{"That it be agreed."})
			equal(t, "ResolvedAs", it.ResolvedAs, []string{"RESOLVED"})
		},
	},
	{
		name: "a decision reported, not recorded",
		text: "Agenda item\n\nMinutes:\n\nThe PCC said that the Board had RESOLVED to close the station.\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "resolutions", len(it.Resolutions), 0)
		},
	},
	resolutionCase("hyphen", "1. Report\n\nRESOLVED - That the report be noted.", []string{"That the report be noted."}, []string{"RESOLVED"}),
	resolutionCase("en dash", "1. Report\n\nRESOLVED – That the report be noted.", []string{"That the report be noted."}, []string{"RESOLVED"}),
	resolutionCase("colon", "1. Report\n\nRESOLVED: That the report be noted.", []string{"That the report be noted."}, []string{"RESOLVED"}),
	resolutionCase("alone on a line", "1. Report\n\nResolved:\n\nThat the report be noted.", []string{"That the report be noted."}, []string{"Resolved"}),
	resolutionCase("unanimously", "1. Report\n\nUNANIMOUSLY RESOLVED – That the report be noted.", []string{"That the report be noted."}, []string{"UNANIMOUSLY RESOLVED"}),
	resolutionCase("it was resolved", "1. Report\n\nIt was RESOLVED that the report be noted.", []string{"That the report be noted."}, []string{"It was RESOLVED"}),
	resolutionCase("lettered and roman parts",
		"1. Report\n\nRESOLVED – That the Panel:\n(a) notes the report;\n(b) asks the PCC:\n(i) to report back in March; and\n(ii) to publish the data.\n\nThe Chair thanked the PCC.",
		[]string{"That the Panel:\n(a) notes the report;\n(b) asks the PCC:\n(i) to report back in March; and\n(ii) to publish the data."}, []string{"RESOLVED"}),
	resolutionCase("parts after blank lines, wrapped",
		"1. Report\n\nRESOLVED – That:\n\n(a) the report be noted and the PCC be asked to provide\nfigures for each local authority area;\n\n(b) a further report come to the next meeting.",
		[]string{"That:\n(a) the report be noted and the PCC be asked to provide figures for each local authority area;\n(b) a further report come to the next meeting."}, []string{"RESOLVED"}),
	resolutionCase("two resolutions",
		"1. Report\n\nRESOLVED – That the report be noted.\n\nThe Panel then discussed the plan.\n\nRESOLVED – That the plan be endorsed.",
		[]string{"That the report be noted.", "That the plan be endorsed."}, []string{"RESOLVED", "RESOLVED"}),
}

var questionCases = []shapeCase{
	{
		name: "numbered with dot, bracketed replies",
		text: "1. Questions\n\n(1). What is the response time in rural areas?\n\n[The PCC replied that it was twelve minutes.]\n\n(2). Why has it risen?\n\n[The Chief Constable said that demand had grown.\n\nHe added that recruitment would help.]",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Questions", it.Questions, []Question{
				{Number: "1", Question: "What is the response time in rural areas?", AnsweredBy: "The PCC", Answer: "The PCC replied that it was twelve minutes."},
				{Number: "2", Question: "Why has it risen?", AnsweredBy: "The Chief Constable", Answer: "The Chief Constable said that demand had grown.\n\nHe added that recruitment would help."},
			})
			equal(t, "Minutes", it.Minutes, "")
		},
	},
	{
		name: "bulleted, prose replies",
		text: "1. Police and Crime Plan\n\nThe PCC presented the plan.\n\nMembers’ Questions:\n\n• How many officers are there?\n\nThe PCC replied that there were 5,000.\n\nHe said more were coming.\n\n• What about PCSOs?\n\nThe PCC advised that numbers were stable.\n\nThe Chair thanked the PCC.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Questions", it.Questions, []Question{
				{Question: "How many officers are there?", AnsweredBy: "The PCC", Answer: "The PCC replied that there were 5,000.\n\nHe said more were coming."},
				{Question: "What about PCSOs?", AnsweredBy: "The PCC", Answer: "The PCC advised that numbers were stable."},
			})
			equal(t, "Minutes", it.Minutes, "The PCC presented the plan.\n\nThe Chair thanked the PCC.")
			equal(t, "QuestionsAfter", it.QuestionsAfter, 1)
		},
	},
	{
		name: "middle-dot bullets",
		text: "1. Questions\n\n· Is the new team funded?\n\n[The PCC stated that it was.]\n\n· For how long?\n\n[The PCC said for three years.]",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			if len(it.Questions) != 2 {
				t.Fatalf("got %d questions, want 2: %+v", len(it.Questions), it.Questions)
			}
			equal(t, "question 2", it.Questions[1].Question, "For how long?")
			equal(t, "answer 2", it.Questions[1].Answer, "The PCC said for three years.")
		},
	},
	{
		name: "grouped under councillor headings",
		text: "1. Questions to the PCC\n\nCouncillor Jane Smith:\n\nWhat is being done about rural crime?\n\nThe PCC stated that a new team had been set up.\n\nHow many officers are in it?\n\nThe PCC said twelve.\n\nCouncillor Bob Jones:\n\nWhat about knife crime?\n\n[The PCC replied that it was falling.]",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Questions", it.Questions, []Question{
				{AskedBy: "Councillor Jane Smith", Question: "What is being done about rural crime?", AnsweredBy: "The PCC", Answer: "The PCC stated that a new team had been set up."},
				{AskedBy: "Councillor Jane Smith", Question: "How many officers are in it?", AnsweredBy: "The PCC", Answer: "The PCC said twelve."},
				{AskedBy: "Councillor Bob Jones", Question: "What about knife crime?", AnsweredBy: "The PCC", Answer: "The PCC replied that it was falling."},
			})
			noUnplaced(t, r)
		},
	},
	{
		name: "asker and reply on the question's line",
		text: "1. Questions\n\n(1) Councillor Smith asked whether the hub was open? [The Deputy PCC replied that it was. [Action: Deputy PCC]]\n\n(2) Cllr Jones: What is the cost? The PCC said it was £2m.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Questions", it.Questions, []Question{
				{Number: "1", AskedBy: "Councillor Smith", Question: "Councillor Smith asked whether the hub was open?", AnsweredBy: "The Deputy PCC", Answer: "The Deputy PCC replied that it was. [Action: Deputy PCC]"},
				{Number: "2", AskedBy: "Cllr Jones", Question: "What is the cost?", AnsweredBy: "The PCC", Answer: "The PCC said it was £2m."},
			})
			equal(t, "Actions", it.Actions, []Action{{Owner: "Deputy PCC", Text: "The Deputy PCC replied that it was.", Source: SourceAnswer, Question: 1}})
		},
	},
	{
		name: "unclosed bracket ends at the next question",
		text: "1. Questions\n\n(1) Will data be shared?\n\n[The PCC replied that it would. [Action: PCC].\n\n(2) When?\n\n[The PCC said in May.]\n\nThe Chair asked for a briefing. [Action: Scrutiny Officer]",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			if len(it.Questions) != 2 {
				t.Fatalf("got %d questions, want 2", len(it.Questions))
			}
			equal(t, "answer 1", it.Questions[0].Answer, "The PCC replied that it would. [Action: PCC].")
			equal(t, "Minutes", it.Minutes, "The Chair asked for a briefing. [Action: Scrutiny Officer]")
			equal(t, "Actions", it.Actions, []Action{
				{Owner: "PCC", Text: "The PCC replied that it would.", Source: SourceAnswer, Question: 1},
				{Owner: "Scrutiny Officer", Text: "The Chair asked for a briefing.", Source: SourceMinutes},
			})
		},
	},
}

var attendanceCases = []shapeCase{
	{
		name: "accepted apologies, a due-notice substitute and ranks by invitation, before the items",
		text: "Wealdmoor Police and Crime Panel\n\nMinutes of the meeting held on 16 May 2025\n\n" +
			"Present: Councillor Ada Bell (Chair), Councillor Ffion Lloyd and Dr Helena Marsh\n\n" +
			"Apologies were accepted from Councillor Mabel Oduya and Councillor Ravi Sethi.\n\n" +
			"Having given due notice, Councillor Ffion Lloyd substituted for Councillor Ravi Sethi.\n\n" +
			"By invitation: Chief Inspector J. K. Rowe and DCC A.B. Smith\n\n" +
			"1. Questions\n\nMr Desmond Yeo:\n\nWhy had the number of rural crime officers fallen?\n\n" +
			"The Commissioner replied that two posts would be filled by July.\n\nDr Helena Marsh:\n\nWhat support was given to victims of fraud?\n\n" +
			"The Commissioner said that a caseworker had been appointed.\n",
		check: func(t *testing.T, r *Result) {
			var got []string
			for _, a := range r.Meeting.Attendance {
				got = append(got, a.Kind+": "+a.Name+" "+a.SubstituteFor)
			}
			equal(t, "attendance", got, []string{
				"present: Councillor Ada Bell ", "substitute: Councillor Ffion Lloyd Councillor Ravi Sethi", "present: Dr Helena Marsh ",
				"apologies: Councillor Mabel Oduya ", "apologies: Councillor Ravi Sethi ",
				"in_attendance: Chief Inspector J. K. Rowe ", "in_attendance: DCC A.B. Smith ",
			})
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "") // the substitution sentence was the attendance's
			if len(it.Questions) != 2 || it.Questions[0].AskedBy != "Mr Desmond Yeo" || it.Questions[1].AskedBy != "Dr Helena Marsh" {
				t.Errorf("questions %+v", it.Questions)
			}
			noUnplaced(t, r)
		},
	},
	{
		name: "committee heading, sub-labels, wrapped list",
		text: "Children's Services Scrutiny Committee\n\nMinutes of a meeting held at County Hall, Oxford on Tuesday 5 March 2024 commencing at 10.00 am and finishing at 12.35 pm\n\n" +
			"Present:\nVoting Members:\tCouncillor Jane Hanna OBE – in the Chair\n\tCouncillor Trish Elphinstone (Deputy Chair)\n" +
			"Co-opted Members: Mr Ian Jones (Independent\nMember)\n\n" +
			"Apologies: Councillors Ann Gray, Bob Lee and\nCarol Moss\n\n" +
			"1. Declarations of interest\n\nThere were none.",
		check: func(t *testing.T, r *Result) {
			m := r.Meeting
			equal(t, "Body", m.Body, "Children's Services Scrutiny Committee")
			equal(t, "Date", m.Date, "2024-03-05")
			equal(t, "StartTime", m.StartTime, "10.00 am")
			equal(t, "EndTime", m.EndTime, "12.35 pm")
			equal(t, "Venue", m.Venue, "County Hall, Oxford")
			equal(t, "Attendance", m.Attendance, []Attendee{
				{Name: "Councillor Jane Hanna OBE", Kind: KindPresent, Role: RoleChair},
				{Name: "Councillor Trish Elphinstone", Kind: KindPresent, Role: RoleViceChair},
				{Name: "Mr Ian Jones", Kind: KindPresent, Role: "Independent Member"},
				{Name: "Councillor Ann Gray", Kind: KindApologies},
				{Name: "Councillor Bob Lee", Kind: KindApologies},
				{Name: "Councillor Carol Moss", Kind: KindApologies},
			})
			noUnplaced(t, r)
		},
	},
	{
		name: "heading and lists",
		text: "Thames Valley Police and Crime Panel\n\nMinutes of the meeting held on Friday 15 September 2023 at 10.30am\n\n" +
			"Council Chamber, Aylesbury Vale District Council, The Gateway, Gatehouse Road, Aylesbury\n\n" +
			"Present:\nCouncillor Barrie Patman (Chair), Councillor Balvinder Bains (Vice-Chair), Councillor Emily Culverhouse and Councillor Robin Bradburn\nMr Christopher Kaye\n\n" +
			"Apologies: Councillor Paul Kasim; Councillor Tony Page\n\n" +
			"Substitutes:\nCllr Neil Fawcett for Cllr Tony Page\n\n" +
			"In attendance:\nMatthew Barber – Police and Crime Commissioner\nKhalid Ahmed (Scrutiny Officer)\n\n" +
			"1. Apologies for absence\n\nApologies for absence were received from Councillor Jo Smith and Councillor Ann Brown.\n",
		check: func(t *testing.T, r *Result) {
			m := r.Meeting
			equal(t, "Body", m.Body, "Thames Valley Police and Crime Panel")
			equal(t, "Date", m.Date, "2023-09-15")
			equal(t, "StartTime", m.StartTime, "10.30am")
			equal(t, "Venue", m.Venue, "Council Chamber, Aylesbury Vale District Council, The Gateway, Gatehouse Road, Aylesbury")
			equal(t, "Attendance", m.Attendance, []Attendee{
				{Name: "Councillor Barrie Patman", Kind: KindPresent, Role: RoleChair},
				{Name: "Councillor Balvinder Bains", Kind: KindPresent, Role: RoleViceChair},
				{Name: "Councillor Emily Culverhouse", Kind: KindPresent},
				{Name: "Councillor Robin Bradburn", Kind: KindPresent},
				{Name: "Mr Christopher Kaye", Kind: KindPresent},
				{Name: "Councillor Paul Kasim", Kind: KindApologies},
				{Name: "Councillor Tony Page", Kind: KindApologies},
				{Name: "Cllr Neil Fawcett", Kind: KindSubstitute, SubstituteFor: "Cllr Tony Page"},
				{Name: "Matthew Barber", Kind: KindInAttendance, Role: "Police and Crime Commissioner"},
				{Name: "Khalid Ahmed", Kind: KindInAttendance, Role: "Scrutiny Officer"},
				{Name: "Councillor Jo Smith", Kind: KindApologies},
				{Name: "Councillor Ann Brown", Kind: KindApologies},
			})
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "Apologies for absence were received from Councillor Jo Smith and Councillor Ann Brown.")
			noUnplaced(t, r)
		},
	},
	{
		name: "one-line heading, plural councillors, comma roles",
		text: "MINUTES of a meeting of the Thames Valley Police and Crime Panel held at Council Chamber, The Gateway, Aylesbury on Friday, 15th September, 2023 at 10.30 am\n\n" +
			"Present: Councillors Patman (Chair), Bains and Culverhouse\n\n" +
			"Apologies for absence were received from Councillor Kasim (Councillor Fawcett substituting).\n\n" +
			"Also present: Matthew Barber, Police and Crime Commissioner; Ian Boll, Chief Executive (OPCC)\n\n" +
			"Absent: Councillor Page\n\n" +
			"23/22 Complaints\n\nThe Panel noted the complaints.",
		check: func(t *testing.T, r *Result) {
			m := r.Meeting
			equal(t, "Body", m.Body, "Thames Valley Police and Crime Panel")
			equal(t, "Date", m.Date, "2023-09-15")
			equal(t, "StartTime", m.StartTime, "10.30 am")
			equal(t, "Venue", m.Venue, "Council Chamber, The Gateway, Aylesbury")
			equal(t, "Attendance", m.Attendance, []Attendee{
				{Name: "Councillor Patman", Kind: KindPresent, Role: RoleChair},
				{Name: "Councillor Bains", Kind: KindPresent},
				{Name: "Councillor Culverhouse", Kind: KindPresent},
				{Name: "Councillor Kasim", Kind: KindApologies},
				{Name: "Councillor Fawcett", Kind: KindSubstitute, SubstituteFor: "Councillor Kasim"},
				{Name: "Matthew Barber", Kind: KindInAttendance, Role: "Police and Crime Commissioner"},
				{Name: "Ian Boll", Kind: KindInAttendance, Role: "Chief Executive, OPCC"},
				{Name: "Councillor Page", Kind: KindAbsent},
			})
			oneItem(t, r)
			noUnplaced(t, r)
		},
	},
	{
		name: "names one per line, substitute in brackets, columns, numeric date",
		text: "Police and Crime Panel\nDate: 15/09/2023\nTime: 10:30am\nVenue: Virtual meeting via Microsoft Teams\n\nPresent\nCllr A Smith (Chairman)\nCllr B Jones (substituting for Cllr C Brown)\nCllr D Green in the Chair\nCllr E Black\tCllr F White\n\n1. Minutes\n\nThe minutes were agreed.",
		check: func(t *testing.T, r *Result) {
			m := r.Meeting
			equal(t, "Body", m.Body, "Police and Crime Panel")
			equal(t, "Date", m.Date, "2023-09-15")
			equal(t, "StartTime", m.StartTime, "10:30am")
			equal(t, "Venue", m.Venue, "Virtual meeting via Microsoft Teams")
			equal(t, "Attendance", m.Attendance, []Attendee{
				{Name: "Cllr A Smith", Kind: KindPresent, Role: RoleChair},
				{Name: "Cllr B Jones", Kind: KindSubstitute, SubstituteFor: "Cllr C Brown"},
				{Name: "Cllr D Green", Kind: KindPresent, Role: RoleChair},
				{Name: "Cllr E Black", Kind: KindPresent},
				{Name: "Cllr F White", Kind: KindPresent},
			})
			noUnplaced(t, r)
		},
	},
}

var moreQuestionCases = []shapeCase{
	{
		name: "numbered list is not questions",
		text: "1. Report\n\nThe report covered:\n\n(1) Crime figures;\n\n(2) The budget.\n\nRESOLVED – That the report be noted.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "questions", len(it.Questions), 0)
			equal(t, "Minutes", it.Minutes, "The report covered:\n\n(1) Crime figures;\n\n(2) The budget.")
		},
	},
	{
		name: "questions announced in the narrative, answers labelled",
		text: "1. Report\n\nMembers asked the following questions:\n\n(1) Rural crime was discussed at length.\n\nResponse: The PCC said the team was in place.\n\n(2) Knife crime.\n\nResponse:\n\nFigures would follow. [Action: PCC]",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Questions", it.Questions, []Question{
				{Number: "1", Question: "Rural crime was discussed at length.", AnsweredBy: "The PCC", Answer: "The PCC said the team was in place."},
				{Number: "2", Question: "Knife crime.", Answer: "Figures would follow. [Action: PCC]"},
			})
			equal(t, "Actions", it.Actions, []Action{{Owner: "PCC", Text: "Figures would follow.", Source: SourceAnswer, Question: 2}})
		},
	},
}

var pdfCases = []shapeCase{
	{
		name: "hard-wrapped paragraphs and footers",
		text: "39/20 Police and Crime Plan\n\n" +
			"The PCC presented the refreshed Police and Crime Plan and explained that\n" +
			"the priorities had been agreed with partners across the Thames Valley. He\n" +
			"said the plan would be reviewed annually and reported to the Panel.\n\n" +
			"Page 3 of 12\n\n" +
			"Members asked about rural crime and whether the new team would be funded\n" +
			"from the precept or from reserves held by the Office of the PCC.\n\n" +
			"RESOLVED – That the Panel note the plan and ask the PCC to report back\n" +
			"on rural crime funding.\n" +
			"3\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes,
				"The PCC presented the refreshed Police and Crime Plan and explained that the priorities had been agreed with partners across the Thames Valley. He said the plan would be reviewed annually and reported to the Panel.")
			// "Members asked about …" is a members' question written as prose.
			equal(t, "Questions", it.Questions, []Question{{Question: "Members asked about rural crime and whether the new team would be funded from the precept or from reserves held by the Office of the PCC."}})
			equal(t, "Resolutions", it.Resolutions, []string{"That the Panel note the plan and ask the PCC to report back on rural crime funding."})
			noUnplaced(t, r)
		},
	},
	{
		name: "paragraph split by a page break",
		text: "5. Budget\n\nThe Panel noted that the budget had been set and that the\nreserves stood at £12m, which was\n\nPage 4\n\nhigher than last year.\n\nThe Chair thanked the officers.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "The Panel noted that the budget had been set and that the reserves stood at £12m, which was higher than last year.\n\nThe Chair thanked the officers.")
		},
	},
	{
		name: "body's name as a running footer",
		text: "Thames Valley Police and Crime Panel\nMinutes of the meeting held on 15 September 2023\n\n1. Budget\n\nThe Panel noted that the budget had been set and that\n\nPage 1 of 2\nThames Valley Police and Crime Panel\n\nthe reserves were sufficient.\n\nThames Valley Police and Crime Panel\n",
		check: func(t *testing.T, r *Result) {
			equal(t, "Minutes", oneItem(t, r).Minutes, "The Panel noted that the budget had been set and that the reserves were sufficient.")
			noUnplaced(t, r)
		},
	},
	{
		name: "full-width line ending a sentence",
		text: "5. Budget\n\n" +
			"The Panel noted that the budget had been set by the Commissioner and that\n" +
			"the reserves stood at twelve million pounds at the end of the year. The\n" +
			"Panel asked how the reserves would be used over the coming three years.\n" +
			"The Commissioner said that most would be spent on the estate and on new\n" +
			"vehicles for the rural crime team.\n\n" +
			"The Chair thanked the officers for their work on the budget this year.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			paras := strings.Split(it.Minutes, "\n\n")
			if len(paras) != 2 || !strings.Contains(paras[0], "three years. The Commissioner said") {
				t.Errorf("Minutes = %q, want the wrapped lines in one paragraph", it.Minutes)
			}
		},
	},
	{
		name: "hyphen at a wrap",
		text: "5. Partnership\n\nThe Police would be co-\nordinating the training with partners.",
		check: func(t *testing.T, r *Result) {
			equal(t, "Minutes", oneItem(t, r).Minutes, "The Police would be co-ordinating the training with partners.")
		},
	},
}

var noiseCases = []shapeCase{
	{
		name: "Modern.gov noise",
		text: "Agenda item\n\nSerious Organised Crime pdf icon PDF 135 KB\n\nShare this item\n\nPrint this item\n\nView the reasons why this item is restricted\n\n" +
			"Minutes:\n\n\u00a0\n\nThe\u00a0PCC  reported\u00a0\u00a0on county lines.\u00a0\n\n\u00a0\u00a0\n\nSupporting documents:\n\nReport pdf icon PDF 135 KB\n\npdf icon PDF 20 KB\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Title", it.Title, "Serious Organised Crime")
			equal(t, "Minutes", it.Minutes, "The PCC reported on county lines.")
			equal(t, "Documents", it.Documents, []string{"Report"})
			equal(t, "Exempt", it.Exempt, true)
			noUnplaced(t, r)
		},
	},
	{
		name: "PDF furniture",
		text: "Public Document Pack\n\nThames Valley Police and Crime Panel\n\nMinutes of the meeting held on 15 September 2023\n\nDRAFT – subject to approval\n\n1. Apologies\n\nNone.\n\nPage 1 of 2\n\nChair ……………………… Date ………………\n\nThe meeting ended at 12.40pm.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "None.")
			equal(t, "EndTime", r.Meeting.EndTime, "12.40pm")
			equal(t, "Body", r.Meeting.Body, "Thames Valley Police and Crime Panel")
			noUnplaced(t, r)
		},
	},
}

var itemsCases = []shapeCase{
	{
		name: "the narrative before the first item opens its minutes",
		text: "Eastvale Police and Crime Panel\n\nMinutes of the meeting held on 4 June 2024\n\nPresent: Councillor A Bee (Chair) and Councillor C Dee\n\n" +
			"The Chair welcomed everyone to the meeting and reminded those present\nthat it was being webcast.\n\n" +
			"1. Apologies\n\nApologies were received from Councillor E Eff.\n\n2. Minutes\n\nRESOLVED – That the minutes be approved.\n",
		check: func(t *testing.T, r *Result) {
			equal(t, "items", len(r.Meeting.Items), 2)
			it := r.Meeting.Items[0]
			equal(t, "Number", it.Number, "1")
			equal(t, "Minutes", it.Minutes, "The Chair welcomed everyone to the meeting and reminded those present that it was being webcast.\n\n"+
				"Apologies were received from Councillor E Eff.")
			noUnplaced(t, r)
		},
	},
	{
		name: "a web page's notice before the minutes stays unplaced",
		text: "Eastvale Police and Crime Panel - Tuesday, 4th June, 2024 2.00 pm\n\nYou can watch our meetings live on the web.\n\n1. Apologies\n\nNone.\n",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "None.")
			equal(t, "Unplaced", r.Unplaced, []Unplaced{{Line: 3, Text: "You can watch our meetings live on the web."}})
		},
	},
	{
		name: "Word paste of a scrutiny committee",
		text: "OVERVIEW AND SCRUTINY COMMITTEE\n\nMINUTES of the meeting held on Tuesday, 9 January 2024 at 7.00 pm\n\nPRESENT: Councillor J Smith (Chair); Councillors A Brown, C Davies, E Evans (Vice-Chair) and F Green.\n\nALSO PRESENT: Councillor H Hughes (Cabinet Member for Finance)\n\nOFFICERS: Director of Resources, Head of Democratic Services.\n\n45. APOLOGIES FOR ABSENCE\n\nApologies for absence were received from Councillors K King and L Lewis.\n\n46. DECLARATIONS OF INTEREST\n\nCouncillor A Brown declared a non-pecuniary interest in Item 48 as a governor of Westfield School.\n\n47. BUDGET MONITORING 2023/24 – QUARTER 2\n\nThe Cabinet Member for Finance introduced the report, which set out the projected outturn of £2.3m overspend against the approved budget of £145m.\n\nIn response to questions from Members, the Director of Resources advised that:\n\n• the overspend was mainly in adult social care;\n• recovery plans were in place; and\n• reserves would not be needed this year.\n\nRESOLVED: That\n(a) the report be noted; and\n(b) the Cabinet be asked to report back in March. [Action: Director of Resources]\n\n48. SCHOOL PLACES\n\nCouncillor Brown left the room for this item.\n\nThe Committee considered the report.\n\nIt was RESOLVED that the report be noted.\n\nThe meeting closed at 8.45 pm.\n",
		check: func(t *testing.T, r *Result) {
			m := r.Meeting
			equal(t, "Body", m.Body, "OVERVIEW AND SCRUTINY COMMITTEE")
			equal(t, "Date, times", []string{m.Date, m.StartTime, m.EndTime}, []string{"2024-01-09", "7.00 pm", "8.45 pm"})
			var names []string
			for _, a := range m.Attendance {
				names = append(names, a.Name+"/"+a.Kind+"/"+a.Role)
			}
			equal(t, "Attendance", names, []string{
				"Councillor J Smith/present/chair", "Councillor A Brown/present/", "Councillor C Davies/present/",
				"Councillor E Evans/present/vice_chair", "Councillor F Green/present/",
				"Councillor H Hughes/in_attendance/Cabinet Member for Finance",
				"Director of Resources/in_attendance/", "Head of Democratic Services/in_attendance/",
				"Councillor K King/apologies/", "Councillor L Lewis/apologies/",
			})
			if len(m.Items) != 4 {
				t.Fatalf("got %d items, want 4", len(m.Items))
			}
			budget := m.Items[2]
			equal(t, "budget title", budget.Title, "BUDGET MONITORING 2023/24 – QUARTER 2")
			equal(t, "budget questions", len(budget.Questions), 0)
			equal(t, "budget narrative paragraphs", strings.Count(budget.Minutes, "\n\n")+1, 5)
			equal(t, "budget Resolutions", budget.Resolutions, []string{
				"That\n(a) the report be noted; and\n(b) the Cabinet be asked to report back in March. [Action: Director of Resources]",
			})
			equal(t, "budget Actions", budget.Actions, []Action{{Owner: "Director of Resources", Text: "(b) the Cabinet be asked to report back in March.", Source: SourceMinutes}})
			equal(t, "school ResolvedAs", m.Items[3].ResolvedAs, []string{"It was RESOLVED"})
			noUnplaced(t, r)
		},
	},
	{
		name: "Modern.gov meeting page",
		text: "Agenda and minutes\n\nThames Valley Police and Crime Panel\nFriday, 15th September, 2023 10.30 am\n\n" +
			"Venue: Council Chamber, Shute End, Wokingham RG40 1BN. View directions\n\n" +
			"Contact: Khalid Ahmed, Scrutiny Officer\n\nItems\nNo.\tItem\n42.\t\nApologies for Absence\nMinutes:\nNone.\n\n" +
			"43.\t\nSerious Organised Crime\nPDF 135 KB\nAdditional documents:\nReport of the Scrutiny Officer, item 43 PDF 120 KB\nMinutes:\nThe PCC reported.\n",
		check: func(t *testing.T, r *Result) {
			m := r.Meeting
			equal(t, "Body", m.Body, "Thames Valley Police and Crime Panel")
			equal(t, "Date", m.Date, "2023-09-15")
			equal(t, "StartTime", m.StartTime, "10.30 am")
			equal(t, "Venue", m.Venue, "Council Chamber, Shute End, Wokingham RG40 1BN")
			equal(t, "Unplaced", r.Unplaced, []Unplaced{{Line: 8, Text: "Contact: Khalid Ahmed, Scrutiny Officer"}})
			if len(m.Items) != 2 {
				t.Fatalf("got %d items, want 2: %+v", len(m.Items), m.Items)
			}
			equal(t, "item 42", m.Items[0], Item{Number: "42", Title: "Apologies for Absence", Minutes: "None."})
			equal(t, "item 43", m.Items[1], Item{
				Number: "43", Title: "Serious Organised Crime", Minutes: "The PCC reported.",
				Documents: []string{"Report of the Scrutiny Officer, item 43"},
			})
		},
	},
	{
		name: "several items",
		text: "1. Apologies\n\nNone.\n\n2. Declarations of interest\n\nNone.\n\n3. Minutes of the previous meeting\n\nRESOLVED – That the minutes be agreed.\n\n" +
			"4. Budget\n\nThe Panel noted:\n\n1. Spending\n\n2. Reserves\n\nRESOLVED – That the budget be noted.",
		check: func(t *testing.T, r *Result) {
			items := r.Meeting.Items
			var numbers, titles []string
			for _, it := range items {
				numbers, titles = append(numbers, it.Number), append(titles, it.Title)
			}
			equal(t, "numbers", numbers, []string{"1", "2", "3", "4"})
			equal(t, "titles", titles, []string{"Apologies", "Declarations of interest", "Minutes of the previous meeting", "Budget"})
			if len(items) == 4 {
				equal(t, "item 4 Minutes", items[3].Minutes, "The Panel noted:\n\n1. Spending\n\n2. Reserves")
				equal(t, "item 3 Resolutions", items[2].Resolutions, []string{"That the minutes be agreed."})
			}
			noUnplaced(t, r)
		},
	},
	{
		name: "Word paste without blank lines",
		text: "12/23 Apologies\nApologies were received from Councillor Page.\n13/23 Police and Crime Plan\nThe PCC presented the plan.\nRESOLVED – That the plan be noted.\n14/23 Work Programme\nThe Panel agreed its work programme.",
		check: func(t *testing.T, r *Result) {
			items := r.Meeting.Items
			if len(items) != 3 {
				t.Fatalf("got %d items, want 3: %+v", len(items), items)
			}
			equal(t, "item 2", items[1].Minutes, "The PCC presented the plan.")
			equal(t, "item 3", items[2].Minutes, "The Panel agreed its work programme.")
		},
	},
	{
		name: "unplaced lines before the first item",
		text: "Thames Valley Police and Crime Panel\n\nMinutes of the meeting held on 15 September 2023\n\nSome stray note about the agenda papers\nfor today.\n\n1. Apologies\n\nNone.",
		check: func(t *testing.T, r *Result) {
			equal(t, "Unplaced", r.Unplaced, []Unplaced{{Line: 5, Text: "Some stray note about the agenda papers"}, {Line: 6, Text: "for today."}})
			oneItem(t, r)
		},
	},
	{
		name: "no heading at all",
		text: "The Panel received the report.\n\n(1) What is the plan?\n\n[The PCC replied that it was set.]\n\nRESOLVED – That the report be noted.",
		check: func(t *testing.T, r *Result) {
			it := oneItem(t, r)
			equal(t, "Minutes", it.Minutes, "The Panel received the report.")
			equal(t, "questions", len(it.Questions), 1)
			equal(t, "Resolutions", it.Resolutions, []string{"That the report be noted."})
			noUnplaced(t, r)
		},
	},
	{
		name: "empty and blank",
		text: "\u00a0\n \n\t\n",
		check: func(t *testing.T, r *Result) {
			equal(t, "items", len(r.Meeting.Items), 0)
			noUnplaced(t, r)
		},
	},
}

// allShapeCases lists every table, for the tests and the fuzz seed.
var allShapeCases = [][]shapeCase{labelCases, headingCases, resolutionCases, questionCases, moreQuestionCases, attendanceCases, pdfCases, noiseCases, itemsCases}

func TestParseShapes(t *testing.T) {
	groups := []string{"labels", "headings", "resolutions", "questions", "more questions", "attendance", "pdf", "noise", "items"}
	for g, cases := range allShapeCases {
		t.Run(groups[g], func(t *testing.T) {
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					c.check(t, Parse(c.text))
				})
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"15 September 2023", "2023-09-15"},
		{"Friday, 15th September 2023", "2023-09-15"},
		{"Friday 15th September, 2023", "2023-09-15"},
		{"held on 1st of March 2024 at 2pm", "2024-03-01"},
		{"15 Sept 2023", "2023-09-15"},
		{"September 15, 2023", "2023-09-15"},
		{"15/09/2023", "2023-09-15"},
		{"15.09.23", "2023-09-15"},
		{"2023-09-15", "2023-09-15"},
		{"31/02/2023", ""},
		{"no date here", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, _, _ := findDate(c.in)
			equal(t, "findDate", got, c.want)
		})
	}
}
