package data

// Paragraph is one paragraph of Part 1 of Schedule 12A to the Local Government Act 1972 (as
// amended in 2006): a description of exempt information, under which an item is taken in
// private.
type Paragraph struct {
	Number int
	Short  string // in a list to choose from: "information relating to an individual"
	Cited  string // as minutes cite it: "information relating to any individual"
}

// Schedule12A is the seven paragraphs, in order: Schedule12A[n-1] is paragraph n.
var Schedule12A = []Paragraph{
	{1, "information relating to an individual", "information relating to any individual"},
	{2, "information likely to identify an individual", "information likely to reveal the identity of an individual"},
	{3, "financial or business affairs", "information relating to the financial or business affairs of any particular person"},
	{4, "labour relations consultations or negotiations", "information relating to labour relations consultations or negotiations"},
	{5, "legal professional privilege", "information subject to legal professional privilege"},
	{6, "notices, orders or directions", "information revealing a proposed notice, order or direction"},
	{7, "prevention, investigation or prosecution of crime", "information relating to the prevention, investigation or prosecution of crime"},
}

// Schedule12AParagraph returns paragraph n of Schedule 12A, or false when there is none
// (0: not yet chosen).
func Schedule12AParagraph(n int) (Paragraph, bool) {
	if n < 1 || n > len(Schedule12A) {
		return Paragraph{}, false
	}
	return Schedule12A[n-1], true
}
