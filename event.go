package proximite

import (
	"context"
	"fmt"
	"net/url"
	"time"
	// The zones of events are named by IANA name; the binary carries the
	// zone database so that a server without /usr/share/zoneinfo (a
	// scratch container, Windows) reads them the same.
	_ "time/tzdata"
)

// Event is a gathering of the network: the Rencontres, a forum, a
// workshop. It happens at a moment in a time zone, in a place or online,
// and is kept apart from the records because it is announced before it
// happens and stays as history after.
type Event struct {
	Meta
	Title       Text `json:"title"`
	Description Text `json:"description,omitempty"`
	// Start and End are instants; Zone is the IANA name of the zone the
	// event is held in ("America/Montreal"), in which pages show its times.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Zone  string    `json:"zone"`
	// Place is where the event is held, as people write it; Online is the
	// address of the meeting or its stream. An event may have both.
	Place  Text   `json:"place,omitempty"`
	Online string `json:"online,omitempty"`
	// Organisers are slugs of organisations.
	Organisers []string `json:"organisers,omitempty"`
	// Partnerships and Projects are slugs of the records the event is
	// about.
	Partnerships []string `json:"partnerships,omitempty"`
	Projects     []string `json:"projects,omitempty"`
}

// Location returns the zone of the event, or UTC when it is unknown.
func (e *Event) Location() *time.Location {
	if loc, err := time.LoadLocation(e.Zone); err == nil && e.Zone != "" {
		return loc
	}
	return time.UTC
}

// Validate checks the event and returns field errors.
func (e *Event) Validate() error {
	var errs ValidationErrors
	e.Meta.validate(&errs)
	if e.Title.IsZero() {
		errs.Add("title", "is required in at least one language")
	}
	e.Title.validate("title", &errs)
	e.Description.validate("description", &errs)
	e.Place.validate("place", &errs)
	if e.Zone == "" {
		errs.Add("zone", "is required: an IANA zone name such as America/Montreal")
	} else if _, err := time.LoadLocation(e.Zone); err != nil || e.Zone == "Local" {
		errs.Add("zone", "unknown time zone %q: use an IANA name such as America/Montreal", e.Zone)
	}
	if e.Start.IsZero() {
		errs.Add("start", "is required")
	}
	if e.End.IsZero() {
		errs.Add("end", "is required")
	} else if !e.Start.IsZero() && e.End.Before(e.Start) {
		errs.Add("end", "is before the start")
	}
	if e.Online != "" {
		if u, err := url.Parse(e.Online); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			errs.Add("online", "must be an http or https address, got %q", e.Online)
		}
	}
	if e.Place.IsZero() && e.Online == "" {
		errs.Add("place", "name the place, or give the online address")
	}
	slugs := func(field string, list []string) {
		for i, s := range list {
			if !slugRE.MatchString(s) {
				errs.Add(fmt.Sprintf("%s[%d]", field, i), "must be a slug, got %q", s)
			}
		}
	}
	slugs("organisers", e.Organisers)
	slugs("partnerships", e.Partnerships)
	slugs("projects", e.Projects)
	return errs.Err()
}

// EventSpan selects events by when they happen.
type EventSpan int

// Spans of the calendar: Upcoming events have not ended, Past ones have.
const (
	AllEvents EventSpan = iota
	Upcoming
	Past
)

// EventFilter selects events to list.
type EventFilter struct {
	Span EventSpan
	// Now is the moment that divides upcoming from past; zero means now.
	Now time.Time
	// IncludeUnpublished lists drafts too, for the members' area.
	IncludeUnpublished bool
	Limit              int
}

// EventService reads and writes events. Upcoming events are listed
// soonest first, past ones latest first.
type EventService interface {
	FindEvent(ctx context.Context, slug string) (*Event, error)
	ListEvents(ctx context.Context, f EventFilter) ([]*Event, error)
	CreateEvent(ctx context.Context, e *Event) error
	UpdateEvent(ctx context.Context, e *Event) error
}
