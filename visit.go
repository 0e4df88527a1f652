package proximite

import (
	"context"
	"fmt"
)

// Direction is the way a delegation travelled.
type Direction string

// Directions of visits. The seed insists on reciprocity: Buckingham and
// Nioro du Rip each sent four delegations between 1993 and 2000.
const (
	NorthToSouth Direction = "north_south"
	SouthToNorth Direction = "south_north"
	SouthSouth   Direction = "south_south"
	NorthNorth   Direction = "north_north"
)

// Directions lists the directions in display order.
var Directions = []Direction{NorthToSouth, SouthToNorth, SouthSouth, NorthNorth}

// ParticipantKind is the kind of people in a delegation.
type ParticipantKind string

// Kinds of people who travel.
const (
	ElectedOfficials ParticipantKind = "elected"
	MunicipalStaff   ParticipantKind = "staff"
	Experts          ParticipantKind = "experts"
	Volunteers       ParticipantKind = "volunteers"
	Students         ParticipantKind = "students"
	DiasporaMembers  ParticipantKind = "diaspora"
	OtherPeople      ParticipantKind = "other"
)

var participantKinds = map[ParticipantKind]bool{ElectedOfficials: true, MunicipalStaff: true, Experts: true,
	Volunteers: true, Students: true, DiasporaMembers: true, OtherPeople: true}

// Travellers counts the people of one kind in a delegation. Count is zero
// when the source says who went but not how many.
type Travellers struct {
	Kind  ParticipantKind `json:"kind"`
	Count int             `json:"count,omitempty"`
	Note  Text            `json:"note,omitempty"`
}

// Visit is a delegation from one organisation to another.
type Visit struct {
	Meta
	Title       Text      `json:"title"`
	Direction   Direction `json:"direction"`
	Partnership string    `json:"partnership,omitempty"` // slug
	From        string    `json:"from,omitempty"`        // slug of the sending organisation
	To          string    `json:"to,omitempty"`          // slug of the host
	// With lists other organisations whose people were part of the
	// delegation (the Outaouais delegation to Dakar in 2005 joined the
	// City of Gatineau, the CEGEP, the CJE-O and the UQO).
	With []string `json:"with,omitempty"`
	// Start and End may be as coarse as a year: the seed often knows no more.
	Start   Date         `json:"start"`
	End     Date         `json:"end,omitempty"`
	People  []Travellers `json:"people,omitempty"`
	Purpose Text         `json:"purpose,omitempty"`
	Report  Text         `json:"report,omitempty"`
	// Event is the slug of the event the delegation went to (a
	// delegation to the Rencontres), if any.
	Event string `json:"event,omitempty"`
	// FromName, ToName and the countries are filled on read.
	FromName    Text   `json:"from_name,omitempty"`
	ToName      Text   `json:"to_name,omitempty"`
	FromCountry string `json:"from_country,omitempty"`
	ToCountry   string `json:"to_country,omitempty"`
}

// Headcount returns the number of people who went, as far as known.
func (v *Visit) Headcount() int {
	n := 0
	for _, p := range v.People {
		n += p.Count
	}
	return n
}

// Validate checks the visit and returns field errors.
func (v *Visit) Validate() error {
	var errs ValidationErrors
	v.Meta.validate(&errs)
	if v.Title.IsZero() {
		errs.Add("title", "is required")
	}
	switch v.Direction {
	case NorthToSouth, SouthToNorth, SouthSouth, NorthNorth:
	default:
		errs.Add("direction", "must be north_south, south_north, south_south or north_north, got %q", v.Direction)
	}
	if v.Start == "" {
		errs.Add("start", "is required: at least a year")
	} else if !v.Start.Valid() {
		errs.Add("start", "must be a date like 1995 or 1995-03-01")
	}
	if !v.End.Valid() {
		errs.Add("end", "must be a date like 1995 or 1995-03-21")
	} else if v.End != "" && v.End < v.Start {
		errs.Add("end", "is before the start")
	}
	if v.From != "" && v.From == v.To {
		errs.Add("to", "a delegation cannot visit its own organisation")
	}
	for i, w := range v.With {
		if w == "" || w == v.From || w == v.To {
			errs.Add(fmt.Sprintf("with[%d]", i), "name another organisation than the sender and the host")
		}
	}
	if v.Event != "" && !slugRE.MatchString(v.Event) {
		errs.Add("event", "must be the slug of an event, got %q", v.Event)
	}
	if v.Partnership == "" && v.From == "" && v.To == "" {
		errs.Add("partnership", "name the partnership, or the organisations that sent and received the delegation")
	}
	for i, p := range v.People {
		f := fmt.Sprintf("people[%d]", i)
		if !participantKinds[p.Kind] {
			errs.Add(f+".kind", "unknown kind of participant %q", p.Kind)
		}
		if p.Count < 0 {
			errs.Add(f+".count", "cannot be negative")
		}
	}
	return errs.Err()
}

// VisitService reads and writes visits.
type VisitService interface {
	FindVisit(ctx context.Context, idOrSlug string) (*Visit, error)
	CreateVisit(ctx context.Context, v *Visit) error
	UpdateVisit(ctx context.Context, v *Visit) error
	DeleteVisit(ctx context.Context, id int64) error
}
