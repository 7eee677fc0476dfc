package pack

import (
	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/export"
)

// Load reads what the pack of a meeting is made of: the meeting, the body's meeting before
// it, the action log as at the meeting's date (open actions and those completed since the
// meeting before; the public edition without those of exempt items) and the documents'
// PDFs, as they are needed.
func Load(s *data.Store, meetingID int64, edition export.Edition) (Sources, error) {
	fm, err := s.LoadMeeting(meetingID)
	if err != nil {
		return Sources{}, err
	}
	src := Sources{Meeting: fm, PDF: s.DocumentPDF}
	meetings, err := s.Meetings(fm.BodyID)
	if err != nil {
		return src, err
	}
	// Newest first: the first meeting held before this one, on an earlier day or earlier
	// the same day (by id: made first).
	for _, ms := range meetings {
		if ms.Date < fm.Date || (ms.Date == fm.Date && ms.ID < fm.ID) {
			if src.Previous, err = s.LoadMeeting(ms.ID); err != nil {
				return src, err
			}
			break
		}
	}
	src.Log, err = s.ActionLog(data.ActionLogQuery{BodyID: fm.BodyID, Status: data.LogOpen, AsAt: fm.Date,
		Public: edition != export.ConfidentialEdition})
	return src, err
}
