package minutestext_test

import (
	"fmt"

	"github.com/minutebook/minutebook/data/minutestext"
)

func ExampleParse() {
	res := minutestext.Parse(`Thames Valley Police and Crime Panel
Minutes of the meeting held on Friday 15 September 2023 at 10.30am

Present: Councillor Barrie Patman (Chair) and Councillor Emily Culverhouse

39/20 Police and Crime Plan
10.35am

The PCC presented the plan.

(1) Will rural crime get more officers?

[The PCC replied that twelve would be posted. Figures would follow. [Action: PCC]]

RESOLVED – That the plan be noted.`)

	m := res.Meeting
	fmt.Println(m.Body, m.Date, m.StartTime)
	for _, a := range m.Attendance {
		fmt.Printf("%s (%s %s)\n", a.Name, a.Kind, a.Role)
	}
	it := m.Items[0]
	fmt.Println(it.Number, it.Title, it.Time)
	fmt.Println(it.Questions[0].AnsweredBy, "|", it.Questions[0].Answer)
	fmt.Println(it.Resolutions[0])
	fmt.Printf("%s: %s (%s %d)\n", it.Actions[0].Owner, it.Actions[0].Text, it.Actions[0].Source, it.Actions[0].Question)
	// Output:
	// Thames Valley Police and Crime Panel 2023-09-15 10.30am
	// Councillor Barrie Patman (present chair)
	// Councillor Emily Culverhouse (present )
	// 39/20 Police and Crime Plan 10.35am
	// The PCC | The PCC replied that twelve would be posted. Figures would follow. [Action: PCC]
	// That the plan be noted.
	// PCC: The PCC replied that twelve would be posted. Figures would follow. (answer 1)
}

func ExampleFindActionTags() {
	text := "The Chair asked for the arrest figures. [Action: PCC]\n\nData to follow. [Action:Scrutiny Officer]."
	for _, tag := range minutestext.FindActionTags(text) {
		fmt.Printf("%q closes %q\n", text[tag.Start:tag.End], tag.Text)
	}
	// Output:
	// "[Action: PCC]" closes "The Chair asked for the arrest figures."
	// "[Action:Scrutiny Officer]" closes "Data to follow."
}
