// Package demo writes Minutebook's example data: the Thames Valley Police and Crime Panel
// over two municipal years, with the published minute in shared/examples entered as one of
// its items, and a large ten-year, three-body database for benchmarks.
package demo

import (
	"fmt"

	"github.com/minutebook/minutebook/data"
)

// PanelName is the example body's name.
const PanelName = "Thames Valley Police and Crime Panel"

// ExampleMeetingDate is the date of the meeting that holds the published example minute.
const ExampleMeetingDate = "2023-09-15"

// ExampleItemTitle is the title of the published example minute's item.
const ExampleItemTitle = "Fighting Serious Organised Crime"

// ExemptItemTitle is the title of the demo's exempt (confidential) item.
const ExemptItemTitle = "Complaint against the Police and Crime Commissioner"

// Write adds the example data to an empty store.
func Write(s *data.Store) error {
	bodies, err := s.Bodies()
	if err != nil {
		return err
	}
	if len(bodies) > 0 {
		return fmt.Errorf("the database already has data; write the example into a new file")
	}
	w := &writer{s: s}
	return w.panel()
}

type writer struct {
	s      *data.Store
	body   data.Body
	people map[string]data.Person // by name
}

func (w *writer) person(name string) data.Person {
	p, ok := w.people[name]
	if !ok {
		panic("demo: no person " + name)
	}
	return p
}

func (w *writer) panel() error {
	w.body = data.Body{Name: PanelName, ShortCode: "PCP", Numbering: data.NumberByYear, ChairTitle: "Chairman",
		DefaultVenue: "Paralympic Room, Buckinghamshire Council, The Gateway, Gatehouse Road, Aylesbury HP19 8FF",
		DefaultTime:  "10.30am"}
	if err := w.s.CreateBody(&w.body); err != nil {
		return err
	}
	w.people = map[string]data.Person{}
	for _, p := range panelPeople {
		p.BodyID = w.body.ID
		if err := w.s.CreatePerson(&p); err != nil {
			return err
		}
		w.people[p.Name] = p
	}
	for _, m := range panelMeetings(w) {
		if err := w.s.AddFullMeeting(m); err != nil {
			return fmt.Errorf("example meeting of %s: %w", m.Date, err)
		}
	}
	return w.approvals()
}

// approvals approves each meeting's minutes at the next meeting, leaving the newest in draft.
func (w *writer) approvals() error {
	ms, err := w.s.Meetings(w.body.ID)
	if err != nil {
		return err
	}
	for i := len(ms) - 1; i > 0; i-- { // oldest first; ms is newest first
		next := ms[i-1]
		if err := w.s.ApproveMeeting(ms[i].ID, next.ID, next.Date, ""); err != nil {
			return err
		}
	}
	return nil
}
