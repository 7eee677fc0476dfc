// Package minutestext reads the text of published minutes — a Modern.gov
// "Agenda item" or meeting page, or minutes pasted from Word or a PDF — into
// a Meeting: heading, attendance, and items with their narrative, members'
// questions and answers, resolutions, action tags and supporting documents.
//
// It is the parsing half of Minutebook's import. It uses the standard
// library only and nothing else of Minutebook's; a converter turns the
// Result into store records.
//
// # How a text is read
//
// Lines are cut (at "\n", "\r\n" or "\r"), their spaces normalised — non-
// breaking, thin and other spaces become plain spaces, runs collapse, a line
// of nothing but spaces is blank — and noise is dropped: page footers ("Page
// 3 of 12", "Page 3", a lone page number), web links ("Share this item",
// "Print this item", "View directions", "pdf icon PDF 135 KB"), a PDF's
// "Public Document Pack" and "DRAFT" stamps, the body's name repeated at the
// head or foot of each page, and the Chair's signature line.
// Modern.gov's "View the reasons why this item is restricted" marks the item
// Exempt.
//
// Hard-wrapped lines (a PDF paste) are joined into paragraphs. A line that
// does not end a sentence, or a line starting in lower case, continues the
// paragraph; so does a line ending a sentence that is full, when the text is
// hard-wrapped (the next line's first word would not have fitted on it). A
// page break between two lines does not end a paragraph that runs on in lower
// case. A word hyphenated at the wrap is joined without a space.
//
// Before the first item come the body's name, "Minutes of the meeting held
// on …" (date, start time, finishing time, venue — or "Date:", "Time:",
// "Venue:" lines) and the Present, Apologies, Substitutes, Absent and In
// attendance lists. An item starts at a minute heading ("5. Apologies",
// "39/20 Police and Crime Plan", "PCP 12/23 …", "8.1 …", "Agenda item 7: …",
// or a bare "42." with the title on the next line), at Modern.gov's "Agenda
// item" label, or at a short title with a time on the next line. Minute
// numbers must go up, so a numbered list inside item 5 is not taken for new
// items. Text that can only belong to an item (a "Minutes:" label, a
// question, RESOLVED) starts an item without a heading when none came first.
//
// Within an item, paragraphs before a "Minutes:" or "Decision:" label are the
// report summary; without such a label they are narrative. A "Decision:"
// block without the word RESOLVED is read as one resolution. Lines after
// "Supporting documents:" (or "Additional documents:") are document names.
//
// # Decisions
//
// Questions are numbered "(1)", "(1).", "1)", "Q1" or "Question 1:",
// bulleted ("•", "·"), or follow a "Members' Questions" heading, a narrative
// line such as "Members asked the following questions:", or a "Councillor
// Name:" heading (who is then AskedBy; so is "Councillor X asked …" at the
// start of a question). Unless such a heading came first, "(1)" starts a
// question only when the text reads as one (a question mark, "asked"), so a
// numbered list in the narrative stays narrative.
//
// A reply is either in square brackets — it runs until the bracket that
// closes it, counting brackets so that an action tag inside does not close
// it, or, if it never closes, until the next question, resolution or heading
// — or prose starting "The PCC replied/said/advised/reported/…" (any "The X
// replied" gives AnsweredBy "The X"), which runs over the following
// paragraphs until the next question or a paragraph starting "The Chair",
// "The Panel", "Members" and the like. The brackets are not kept.
//
// A paragraph after a closed bracketed reply is narrative, not a question,
// unless the questions are unnumbered and it reads as one. So the Chair's
// closing question in a Modern.gov minute ("The Chair congratulated the PCC
// … but asked whether …") stays in the narrative, as the clerk wrote it, and
// its action tag is an action from the minutes, not from a question.
// Item.QuestionsAfter records how many narrative paragraphs came before the
// questions, so the minutes can be printed in the order they were written.
//
// Resolutions keep the text after "RESOLVED –" (or "-", ":", or "that"
// directly), with a leading "that" capitalised and quotes and apostrophes as
// typed; the resolving words ("UNANIMOUSLY RESOLVED", "It was RESOLVED") are
// kept in Item.ResolvedAs. Parts (a), (b), (i), (1) and bullets stay in the
// resolution's text, one to a line. A resolution repeated word for word in an
// item (Modern.gov prints the decision and the minutes) is kept once.
//
// Attendance names are split at commas, semicolons, " and " and lines (and
// before a title such as "Councillor" when columns ran names together);
// "Councillors A, B and C" gives three councillors; a part that reads as a
// role ("Matthew Barber, Police and Crime Commissioner") stays with the name
// before it. "(Chair)", "(Chairman)", "– in the Chair" give RoleChair;
// "(Vice-Chair)" and "(Deputy Chair)" RoleViceChair; other bracketed or
// dashed text is the role as typed. "Cllr A for Cllr B", "(substituting for
// …)" and a narrative "Councillor A substituted for Councillor B" make a
// substitute; "Apologies … were received from …" in an item's narrative adds
// apologies as well as staying in the minutes. A name is listed once.
//
// Action tags stay in the text, where the minutes print them; each also
// gives an Action, found with FindActionTags on the text as Parse stores it,
// so a store that runs FindActionTags on the same text finds the same tags.
// Actions are listed in source order.
//
// Nothing is dropped silently: lines before the first item that are not part
// of the heading or attendance, "Date:" lines without a date, names that do
// not read as names and overlong lines among the supporting documents go to
// Result.Unplaced. When a text has no item heading at all but holds prose,
// that prose is one item's minutes.
//
// Parse never panics and runs in time linear in the length of the text: Go's
// regular expressions cannot backtrack, anchored patterns look only at the
// start of a line, and nothing rescans what it has read.
package minutestext
