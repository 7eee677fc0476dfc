// Package minutestext reads the text of published minutes — a Modern.gov
// "Agenda item" page, or minutes pasted from Word or a PDF — into a Meeting:
// heading, attendance, and items with their narrative, members' questions and
// answers, resolutions, action tags and supporting documents.
//
// It is the parsing half of Minutebook's import. It depends on nothing else
// in Minutebook and on the standard library only; a converter turns the
// Result into store records.
//
// # How a text is read
//
// Lines are cut, their spaces normalised (non-breaking and other odd spaces
// become plain spaces, runs collapse) and page and web noise dropped: "Page 3
// of 12", a lone page number, "Share this item", "pdf icon PDF 135 KB",
// "Public Document Pack", a "DRAFT" stamp and the Chair's signature line.
// Lines of a hard-wrapped PDF paste are joined into paragraphs: a line that
// does not end a sentence, or a line starting in lower case, continues the
// paragraph; so does a full-width line ending in a full stop when the text is
// hard-wrapped.
//
// Before the first item come the body's name, "Minutes of the meeting held
// on …" (date, start time, venue), and the Present, Apologies, Substitutes,
// Absent and In attendance lists. An item starts at a minute heading ("5.
// Apologies", "39/20 Police and Crime Plan", "PCP 12/23 …", "8.1 …"), at
// Modern.gov's "Agenda item" label, or at a short title followed by a time on
// its own line. Minute numbers must go up, so a numbered list inside an item
// is not taken for the next item. Text that can only belong to an item
// (a label, a question, RESOLVED) starts an item without a heading when none
// came first.
//
// Within an item, paragraphs before a "Minutes:" or "Decision:" label are the
// report summary; without such a label they are narrative. A "Decision:"
// block without the word RESOLVED is read as one resolution. Lines after
// "Supporting documents:" are document names.
//
// # Decisions
//
// Questions are numbered "(1)", "(1).", "1)" or "Q1", bulleted, or follow a
// "Members' Questions" or "Councillor Name:" heading. A reply is either in
// square brackets — it runs until the bracket that closes it, counting
// brackets so that an action tag inside it does not close it, or until the
// next question, resolution or heading if it never closes — or prose
// starting "The PCC replied/said/…", which runs until the next question, or a
// paragraph starting "The Chair", "The Panel", "Members" and the like.
//
// A paragraph after a closed bracketed reply is narrative, not a question,
// unless the questions are unnumbered and it reads as one (it ends with a
// question mark, or starts "Councillor X asked"). So the Chair's closing
// question in a Modern.gov minute ("The Chair congratulated the PCC … but
// asked whether …") stays in the narrative, as the clerk wrote it, and any
// action tag in it is an action from the minutes. Item.QuestionsAfter
// records how many narrative paragraphs came before the questions, so the
// minutes can be printed in the order they were written.
//
// Resolutions keep the text after "RESOLVED –" (or ":" or "That" directly),
// with a leading "that" capitalised; the resolving words as typed
// ("UNANIMOUSLY RESOLVED") are kept in Item.ResolvedAs. Parts (a), (b), (i),
// (1) and bullets stay in the resolution's text, one to a line. A resolution
// repeated word for word in an item (Modern.gov prints the decision and the
// minutes) is kept once.
//
// Action tags stay in the text, where the minutes print them; each also
// gives an Action, found with FindActionTags on the text as Parse stores it,
// so a store that runs FindActionTags on the same text finds the same tags.
//
// Nothing is dropped silently: lines before the first item that are not part
// of the heading or attendance, names that do not read as names, and overlong
// lines among the supporting documents go to Result.Unplaced. When a text has
// no item heading at all but holds prose, that prose is one item's minutes.
//
// Parse never panics and runs in time linear in the text's length; the
// regular expressions are Go's (RE2), which cannot backtrack.
package minutestext
