// Package minutestext reads the text of published minutes — a Modern.gov
// meeting, "Agenda item" or "Issue - meetings" page, a page's table copied as
// text, a CMIS meeting page, or minutes pasted from Word or a PDF — into a
// Meeting: heading, attendance, and items with their narrative, members'
// questions and answers, resolutions, action tags and supporting documents.
//
// It is the parsing half of Minutebook's import. It uses the standard
// library and the shared list of titles in package names, nothing else of
// Minutebook's; a converter turns the Result into store records.
//
// # How a text is read
//
// In three stages, so that what a line is can be decided from the whole
// document's shape rather than from the line alone.
//
// Clean (clean.go, lines.go). Lines are cut (at "\n", "\r\n" or "\r"), their
// spaces normalised — non-breaking, thin and other spaces become plain
// spaces, runs collapse — and what is not minutes is dropped: page footers
// ("Page 3 of 12", a file path with "- 1"), a web page's links and tabs
// ("Share this item", "pdf icon PDF 135 KB", "… view the full minutes text
// for item 1", CMIS's "Occurred" and "• Documents"), a PDF's "Public Document
// Pack" and "DRAFT" stamps, a committee system's "<AI1>" markers, the Chair's
// signature line. A table copied as text loses its rules ("|", "---|---|")
// and its "No. | Item" header; each row is marked, and a row's line is cut
// before the labels run into it ("Apologies Minutes: None."). Lone numbers
// wait for the next stage. The number of blank lines before each line is
// kept.
//
// Shape (shape.go, regions.go). The whole text is measured: whether it was
// hard-wrapped (a PDF paste), whether a blank line follows every line (then
// one blank line is only a line break), whether it is a table or a CMIS page,
// whether it numbers its paragraphs "5.1" (then such numbers are paragraphs,
// never items). Then the lines that head items are marked: numbered headings
// ("5. Apologies", "39/20", "CPL82" when the code recurs, "3 MATTERS ARISING"
// in capitals, "42." or "88" alone with the title under it, "4.1" with its
// title under it, "72/24 DECLARATIONS OF INTEREST RESOLVED to note …" run into
// the minute) whose numbers go up through the text; titles that name their
// agenda item ("Minutes (Agenda Item 1)"); Modern.gov's "Agenda item" label;
// each table row, its title cut from the agenda text run on after it; CMIS
// agenda lines and, under them, the minute's own number alone on a line.
// Where the text numbers no items, a title line heads one when the page marks
// it as a title: a PDF size after it, a "Minutes:" or "Additional documents:"
// label under it, the agenda's "To receive …" under it, a title agendas
// always carry ("Apologies for Absence"), the first line after "No. Item".
// A lone number that is not a minute's is a page number; a time alone before
// a heading is that item's time.
//
// Read (parse.go, item.go, attendance*.go, prose.go). Before the first item
// come the body's name and the meeting's date, times and venue, in any of
// their published forms: "Eastvale Police and Crime Panel - Thursday, 3rd
// March, 2022 2.00 pm", "1 Jun 2023 - 14:30 to 17:00", "MINUTES of a meeting
// of the … held at … on …" wrapped over lines, "Meeting held 4 June 2024 at
// 7.00 pm in …", "MEETING OF <BODY>" then a date line that goes on to the
// venue, "Date:", "Time: 14:00hrs", "Venue:" lines. The body is the nearest
// line naming one, not "Minutes" or the council above the committee. "Date of
// next meeting" is an item, never the meeting's date. Then the attendance:
// Present, Apologies, Substitutes, Absent, In attendance, Officers, Others
// Present, Witnesses, By invitation, "Committee Members:", and members listed
// with no label ("Councillors A in the Chair; B …").
//
// Within an item, paragraphs are joined across hard wraps and page breaks; a
// paragraph's number alone on its line ("8.1") is the next paragraph's, and
// numbers the item when it has none. Paragraphs before a "Minutes:" or
// "Decision:" label are the report summary; without such a label they are
// narrative. Lines after "Supporting documents:" or "Additional documents:"
// are document names until a sentence or a gap. A "Decision:" block is a
// resolution unless it repeats the minutes word for word.
//
// # Decisions
//
// Questions are numbered "(1)", "(1).", "1)", "1.", "(i)", "Q1.", "Question
// 1:" or bulleted, follow a "Members' Questions" heading, a lead-in such as
// "Members asked the following questions:" or "Two questions were received
// from Mr X:" (who then asked them), or a "Councillor Name:" or "Mrs Name:"
// heading. They are also written as prose: "Councillor X asked whether …", "A
// Member asked …", "The Panel asked if …", "X sought clarification …", "In
// reply to a question from Councillor X, …". Unless a heading came first,
// "(1)" starts a question only when the text reads as one, so a numbered list
// in the narrative stays narrative.
//
// A reply is either in square brackets — it runs until the bracket that
// closes it, counting brackets so that an action tag inside does not close
// it, or, if it never closes, until the next question, resolution or heading
// — or prose starting "The PCC replied/said/advised/…" (any "The X replied"
// gives AnsweredBy "The X"), "Officers advised", "It was confirmed that",
// which runs over the following paragraphs until the next question or a
// paragraph starting "The Chair", "The Panel", "Members", "It was moved" and
// the like. A question hard-wrapped with its answer, and an answer run on
// into the next member's question, are split at the sentence that answers or
// asks. The brackets are not kept.
//
// A paragraph after a closed bracketed reply is narrative, not a question,
// unless the questions are unnumbered and it reads as one. So the Chair's
// closing question in a Modern.gov minute ("The Chair congratulated the PCC
// … but asked whether …") stays in the narrative, as the clerk wrote it, and
// its action tag is an action from the minutes, not from a question.
// Item.QuestionsAfter records how many narrative paragraphs came before the
// questions, so the minutes can be printed in the order they were written.
//
// Resolutions keep the text after "RESOLVED –" (or "-", ":", ":-" or "that"
// directly), with a leading "that" capitalised and quotes and apostrophes as
// typed; the resolving words ("UNANIMOUSLY RESOLVED", "It was RESOLVED", "The
// Panel RESOLVED", "COUNCIL RESOLVED") are kept in Item.ResolvedAs. RESOLVED
// may follow a paragraph's number ("(4) RESOLVED that", "4.6 Resolved:"), or
// stand inside a paragraph after a sentence break or the body that resolved
// ("… discussed. It was RESOLVED that …", "Following discussion the Panel
// RESOLVED that …"): the narrative before it stays the minute's.
// "Agreed.", "Noted" or "RECEIVED." standing as a whole minute is a
// resolution; so is a bare "That …" paragraph, or a lettered clause written as
// a resolution ("(a) the work programme be approved;"), whose label was lost
// in the copy, and the clause after "It was moved by …, seconded by … and".
// Parts (a), (b), (i), (1) and bullets stay in the resolution's text, one to
// a line, and so do the entries of a list a part leads into. A resolution
// repeated word for word in an item is kept once.
//
// Attendance names are split at commas, semicolons, " and " and lines (and
// before a title such as "Councillor", or an initial and surname after a
// post, when columns ran names together); "Councillors A, B and C" gives
// three councillors; a part that reads as a role ("Matthew Barber, Police
// and Crime Commissioner"), an authority run on after a name ("Mr Timothy
// Adamson Broadland County Council") and honours ("OBE") stay with the name.
// Ranks and stacked titles ("Parish Cllr", "Cllr Mrs A Brewer", "Air Cdre")
// are kept whole. "(Chair)", "(Chairman)", "– in the Chair" give RoleChair;
// "(Vice-Chair)" and "(Deputy Chair)" RoleViceChair; other bracketed or
// dashed text is the role as typed. Substitutes are "Cllr A for Cllr B",
// "(substituting for …)", "(substitute: Cllr A)", "(substitute member)", and
// in sentences: "Councillor A substituted for Councillor B", "attended in
// place of", "Having given due notice, A advised that he would be
// substituting for B", "A, B and C replaced D, E and F respectively",
// "Apologies had been received from D and E, substituted by A and B
// respectively", "and Cllr A attended as alternate". Apologies are also read
// wherever a sentence gives them ("reported apologies from", "An apology for
// absence was received from", "Councillor A submitted apologies"), and
// "Councillors A and B were in attendance" adds people in attendance. A name
// is listed once. The sentences stay in the minutes.
//
// Action tags stay in the text, where the minutes print them; each also
// gives an Action, found with FindActionTags on the text as Parse stores it,
// so a store that runs FindActionTags on the same text finds the same tags.
// An action written as a line ("Action – TM/PB to bring a plan to the April
// Board") becomes the minute's sentence with a tag, its owner the people the
// initials stand for in the attendance ("Anthony Morris (TM)"). Actions are
// listed in source order.
//
// The meeting's narrative before the first item (the Chair's welcome, a note
// that the meeting is webcast: prose after the attendance, or telling what
// happened) opens the first item's minutes, where the source printed it.
//
// Nothing is dropped silently: other lines before the first item that are not
// part of the heading or attendance (a web page's notices), an agenda entry
// with no minute on a CMIS
// page, "Date:" lines without a date, names that do not read as names and
// overlong lines among the supporting documents go to Result.Unplaced. When
// a text has no item heading at all but holds prose, that prose is one
// item's minutes.
//
// Parse never panics and runs in time linear in the length of the text: Go's
// regular expressions cannot backtrack exponentially, patterns look only at
// the start of a line or a bounded prefix of it, and nothing rescans what it
// has read.
package minutestext
