package proximite

import (
	"strings"
	"testing"
	"time"
)

func validEvent() Event {
	return Event{
		Meta:  Meta{Slug: "rencontres", State: Published},
		Title: T("fr", "Rencontres"),
		Start: time.Date(2031, 10, 1, 13, 0, 0, 0, time.UTC),
		End:   time.Date(2031, 10, 1, 15, 0, 0, 0, time.UTC),
		Zone:  "America/Montreal",
		Place: T("fr", "Gatineau"),
	}
}

func TestEventValidate(t *testing.T) {
	if e := validEvent(); e.Validate() != nil {
		t.Fatalf("valid event refused: %v", e.Validate())
	}
	for _, tt := range []struct {
		field string
		edit  func(e *Event)
	}{
		{"title", func(e *Event) { e.Title = T("en", " ") }},
		{"end", func(e *Event) { e.End = e.Start.Add(-time.Minute) }},
		{"zone", func(e *Event) { e.Zone = "Mars/Olympus" }},
		{"zone", func(e *Event) { e.Zone = "" }},
		{"zone", func(e *Event) { e.Zone = "Local" }},
		{"start", func(e *Event) { e.Start = time.Time{} }},
		{"online", func(e *Event) { e.Online = "javascript:alert(1)" }},
		{"place", func(e *Event) { e.Place = nil }},
		{"organisers[1]", func(e *Event) { e.Organisers = []string{"rosi", "Not A Slug"} }},
		{"projects[0]", func(e *Event) { e.Projects = []string{""} }},
	} {
		e := validEvent()
		tt.edit(&e)
		err := e.Validate()
		if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.field) {
			t.Errorf("%s: got %v, want a field error on it", tt.field, err)
		}
	}
	// Online only is enough, and a start equal to the end is a moment.
	e := validEvent()
	e.Place, e.Online, e.End = nil, "https://example.org/live", e.Start
	if err := e.Validate(); err != nil {
		t.Errorf("online event refused: %v", err)
	}
	if got := e.Location().String(); got != "America/Montreal" {
		t.Errorf("Location() = %s", got)
	}
}

func TestVisitEventSlug(t *testing.T) {
	v := Visit{Meta: Meta{Slug: "v"}, Title: T("fr", "x"), Direction: NorthToSouth, Start: "2005", From: "a", To: "b", Event: "Dakar 2005"}
	if err := v.Validate(); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "event") {
		t.Errorf("visit with a bad event slug: %v", err)
	}
	v.Event = "dakar-2005"
	if err := v.Validate(); err != nil {
		t.Errorf("visit with an event: %v", err)
	}
}
