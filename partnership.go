package proximite

import (
	"context"
	"fmt"
)

// PartnershipKind is the kind of a partnership, from the classic cultural
// twinning to a decentralised-cooperation agreement.
type PartnershipKind string

// Kinds of partnership named in the seed.
const (
	ClassicTwinning          PartnershipKind = "classic_twinning"          // jumelage classique (culturel)
	CooperationTwinning      PartnershipKind = "cooperation_twinning"      // jumelage de coopération
	MunicipalPartnership     PartnershipKind = "municipal_partnership"     // partenariat municipal (FCM)
	DecentralisedAgreement   PartnershipKind = "decentralised_agreement"   // accord de coopération décentralisée
	InstitutionalPartnership PartnershipKind = "institutional_partnership" // partenariat institutionnel ou associatif
	Friendship               PartnershipKind = "friendship"                // amitié, contact
)

// PartnershipKinds lists the kinds in display order.
var PartnershipKinds = []PartnershipKind{ClassicTwinning, CooperationTwinning, MunicipalPartnership,
	DecentralisedAgreement, InstitutionalPartnership, Friendship}

// Form is the form of cooperation of the seed's Table 1 (Favreau and
// Fréchette, 2002): aid, cooperation or solidarity.
type Form string

// Forms of cooperation.
const (
	Aid         Form = "aid"
	Cooperation Form = "cooperation"
	Solidarity  Form = "solidarity"
)

// Forms lists the forms in the order of Table 1.
var Forms = []Form{Aid, Cooperation, Solidarity}

// LocalPeople is how a partnership sees the local people it works with,
// the last line of Table 1.
type LocalPeople string

// How local people are seen.
const (
	Beneficiaries LocalPeople = "beneficiaries"
	Collaborators LocalPeople = "collaborators"
	Partners      LocalPeople = "partners"
)

// Side says on which side of a partnership an organisation stands.
type Side string

// Sides of a partnership. South–South partnerships put both parties on
// the south side; support organisations (an NGO accompanying two towns,
// a funder) stand on neither.
const (
	North   Side = "north"
	South   Side = "south"
	Support Side = "support"
)

// Party is an organisation taking part in a partnership.
type Party struct {
	Org  string `json:"org"` // slug
	Side Side   `json:"side"`
	// Role is free in wording but short, per language: "lead",
	// "partner", "local committee", "support", "funder".
	Role  Text `json:"role,omitempty"`
	Since Date `json:"since,omitempty"`
	Until Date `json:"until,omitempty"`
	// OrgName, OrgKind and OrgCountry are filled on read.
	OrgName    Text    `json:"org_name,omitempty"`
	OrgKind    OrgKind `json:"org_kind,omitempty"`
	OrgCountry string  `json:"org_country,omitempty"`
}

// EventKind is the kind of a dated event in a partnership's timeline.
type EventKind string

// Timeline events, from first contact to the end.
const (
	FirstContact EventKind = "first_contact"
	Agreement    EventKind = "agreement"
	Renewal      EventKind = "renewal"
	OnHold       EventKind = "on_hold"
	Resumed      EventKind = "resumed"
	Evaluation   EventKind = "evaluation"
	Milestone    EventKind = "milestone"
	Ended        EventKind = "ended"
)

var eventKinds = map[EventKind]bool{FirstContact: true, Agreement: true, Renewal: true, OnHold: true,
	Resumed: true, Evaluation: true, Milestone: true, Ended: true}

// TimelineEvent is one dated step in the life of a partnership.
type TimelineEvent struct {
	Date        Date      `json:"date"`
	Kind        EventKind `json:"kind"`
	Title       Text      `json:"title"`
	Description Text      `json:"description,omitempty"`
}

// Partnership links two or more organisations of the North and the South
// over time: a twinning, a municipal partnership, an agreement.
type Partnership struct {
	Meta
	Title       Text            `json:"title"`
	Kind        PartnershipKind `json:"kind"`
	Form        Form            `json:"form,omitempty"`
	LocalPeople LocalPeople     `json:"local_people,omitempty"`
	Parties     []Party         `json:"parties"`
	Objectives  Text            `json:"objectives,omitempty"`
	Description Text            `json:"description,omitempty"`
	// Start and End bound the partnership; End is empty while it lasts.
	Start    Date            `json:"start,omitempty"`
	End      Date            `json:"end,omitempty"`
	Timeline []TimelineEvent `json:"timeline,omitempty"`
	// Lessons is what the northern side learned in return, which the
	// territory report shows to elected officials.
	Lessons Text `json:"lessons,omitempty"`
}

// Countries returns the distinct countries of the parties, filled on read.
func (p *Partnership) Countries() []string {
	var out []string
	seen := map[string]bool{}
	for _, pt := range p.Parties {
		if pt.OrgCountry != "" && !seen[pt.OrgCountry] {
			seen[pt.OrgCountry] = true
			out = append(out, pt.OrgCountry)
		}
	}
	return out
}

// Validate checks the partnership and returns field errors.
func (p *Partnership) Validate() error {
	var errs ValidationErrors
	p.Meta.validate(&errs)
	if p.Title.IsZero() {
		errs.Add("title", "is required")
	}
	p.Title.validate("title", &errs)
	valid := false
	for _, k := range PartnershipKinds {
		valid = valid || p.Kind == k
	}
	if !valid {
		errs.Add("kind", "unknown kind of partnership %q", p.Kind)
	}
	if p.Form != "" && p.Form != Aid && p.Form != Cooperation && p.Form != Solidarity {
		errs.Add("form", "must be aid, cooperation or solidarity, got %q", p.Form)
	}
	if p.LocalPeople != "" && p.LocalPeople != Beneficiaries && p.LocalPeople != Collaborators && p.LocalPeople != Partners {
		errs.Add("local_people", "must be beneficiaries, collaborators or partners, got %q", p.LocalPeople)
	}
	if len(p.Parties) < 2 {
		errs.Add("parties", "a partnership needs at least two organisations")
	}
	seen := map[string]bool{}
	for i, pt := range p.Parties {
		f := fmt.Sprintf("parties[%d]", i)
		if pt.Org == "" {
			errs.Add(f+".org", "is required")
		} else if seen[pt.Org] {
			errs.Add(f+".org", "%q is listed twice", pt.Org)
		}
		seen[pt.Org] = true
		if pt.Side != North && pt.Side != South && pt.Side != Support {
			errs.Add(f+".side", "must be north, south or support, got %q", pt.Side)
		}
	}
	if !p.Start.Valid() {
		errs.Add("start", "must be a date like 1985 or 1985-06-01")
	}
	if !p.End.Valid() {
		errs.Add("end", "must be a date like 2000 or 2000-12-31")
	} else if p.End != "" && p.Start != "" && p.End < p.Start {
		errs.Add("end", "is before the start")
	}
	for i, e := range p.Timeline {
		f := fmt.Sprintf("timeline[%d]", i)
		if e.Date == "" || !e.Date.Valid() {
			errs.Add(f+".date", "must be a date like 1993 or 1993-05-12")
		}
		if !eventKinds[e.Kind] {
			errs.Add(f+".kind", "unknown event %q", e.Kind)
		}
		if e.Title.IsZero() {
			errs.Add(f+".title", "is required")
		}
	}
	return errs.Err()
}

// PartnershipService reads and writes partnerships.
type PartnershipService interface {
	FindPartnership(ctx context.Context, idOrSlug string) (*Partnership, error)
	CreatePartnership(ctx context.Context, p *Partnership) error
	UpdatePartnership(ctx context.Context, p *Partnership) error
	DeletePartnership(ctx context.Context, id int64) error
}
