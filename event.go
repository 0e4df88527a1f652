package proximite

import (
	"context"
	"fmt"
	"net/url"
	"strings"
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
	DeleteEvent(ctx context.Context, id int64) error
}

// EventVisits lists the published visits that went to an event; the
// storage answers it.
type EventVisits interface {
	VisitsToEvent(ctx context.Context, slug string) ([]*Visit, error)
}

// TypeEvent names events in the audit log and to the policy. It is not
// one of the RecordTypes: events are not searched with the records.
const TypeEvent RecordType = "event"

// EventTarget is what the policy needs of an event: its state, and its
// organisers, who take part in it as the parties in a partnership.
func EventTarget(e *Event) Target {
	t := Target{Type: TypeEvent, State: e.State, Orgs: e.Organisers}
	if t.State == "" {
		t.State = Draft
	}
	return t
}

// ParseLocal reads a date and a time as a clock in the zone shows them
// ("2031-10-03T09:00" or "2031-10-03 09:00") and returns the instant. A
// time that the zone skips when its clocks go forward is refused rather
// than moved; of the hour that repeats when they go back, the first is
// taken.
func ParseLocal(s, zone string) (time.Time, error) {
	loc, err := time.LoadLocation(zone)
	if err != nil || zone == "" || zone == "Local" {
		return time.Time{}, Errorf(EINVALID, "Fuseau horaire inconnu : %q. / Unknown time zone: %q.", zone, zone)
	}
	var t time.Time
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err = time.ParseInLocation(layout, s, loc); err == nil {
			break
		}
	}
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "Date et heure illisibles : %q (attendu AAAA-MM-JJ HH:MM). / Unreadable date and time: %q (expected YYYY-MM-DD HH:MM).", s, s)
	}
	if got := t.Format("2006-01-02 15:04"); got != strings.Replace(s, "T", " ", 1)[:16] {
		return time.Time{}, Errorf(EINVALID, "%s n'existe pas à %s : les horloges y avancent d'une heure. / %s does not exist in %s: the clocks go forward then.",
			strings.Replace(s, "T", " ", 1), zone, strings.Replace(s, "T", " ", 1), zone)
	}
	return t, nil
}
