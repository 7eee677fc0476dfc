package data_test

import (
	"testing"

	"github.com/minutebook/minutebook/data"
	"github.com/minutebook/minutebook/data/demo"
)

// largeCopy opens a private copy of the cached large example database.
func largeCopy(b testing.TB) (*data.Store, string) {
	b.Helper()
	path, err := demo.LargeCopy(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, path
}

// largestMeeting finds the meeting with the most items.
func largestMeeting(b *testing.B, s *data.Store) int64 {
	b.Helper()
	var id int64
	err := s.DB().QueryRow("SELECT meeting_id FROM items GROUP BY meeting_id ORDER BY count(*) DESC LIMIT 1").Scan(&id)
	if err != nil {
		b.Fatal(err)
	}
	return id
}

func BenchmarkOpen(b *testing.B) {
	_, path := largeCopy(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Bodies(); err != nil { // a first query, so the open is real
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkListMeetings(b *testing.B) {
	s, _ := largeCopy(b)
	bodies, _ := s.Bodies()
	for b.Loop() {
		ms, err := s.Meetings(bodies[0].ID)
		if err != nil || len(ms) < 100 {
			b.Fatalf("Meetings = %d, %v", len(ms), err)
		}
	}
}

func BenchmarkLoadLargestMeeting(b *testing.B) {
	s, _ := largeCopy(b)
	id := largestMeeting(b, s)
	for b.Loop() {
		fm, err := s.LoadMeeting(id)
		if err != nil || len(fm.Items) < 40 {
			b.Fatalf("LoadMeeting = %v", err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	s, _ := largeCopy(b)
	for _, q := range []string{"lodz", "county lines", "recruit", "w"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(q, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSaveItemMinutes(b *testing.B) {
	s, _ := largeCopy(b)
	id := largestMeeting(b, s)
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(s.ReopenMeeting(id))
	fm, err := s.LoadMeeting(id)
	must(err)
	it := fm.Items[0].Item
	for b.Loop() {
		it.Minutes += " More."
		must(data.ErrOf(s.Save(&it)))
	}
}
