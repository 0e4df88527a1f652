package proximite

import (
	"context"
	"fmt"
)

// OrgKind is the kind of an organisation as people in the field name it.
// It maps to an IATI OrganisationType for export.
type OrgKind string

// The kinds of organisation that carry proximity cooperation.
const (
	Municipality        OrgKind = "municipality"         // municipalité, commune, ville
	RegionalCounty      OrgKind = "regional_county"      // MRC, région, département
	MunicipalFederation OrgKind = "municipal_federation" // FCM, UMQ, FQM
	NGO                 OrgKind = "ngo"                  // OCI / ONG
	Cooperative         OrgKind = "cooperative"          // coopérative, mutuelle, caisse
	Union               OrgKind = "union"                // syndicat, association professionnelle
	Academic            OrgKind = "academic"             // cégep, université, chaire de recherche
	CommunityGroup      OrgKind = "community_group"      // groupe jeunesse, communautaire, comité villageois
	Diaspora            OrgKind = "diaspora"             // association de la diaspora
	Foundation          OrgKind = "foundation"
	GovernmentAgency    OrgKind = "government_agency" // ACDI, MRI
	PublicService       OrgKind = "public_service"    // CLSC, hôpital, commission scolaire
	Multilateral        OrgKind = "multilateral"
	Network             OrgKind = "network" // réseau, plateforme, regroupement
	Enterprise          OrgKind = "enterprise"
)

// OrgKinds lists every kind in the order forms and facets show them.
var OrgKinds = []OrgKind{Municipality, RegionalCounty, MunicipalFederation, NGO, Cooperative,
	Union, Academic, CommunityGroup, Diaspora, Foundation, GovernmentAgency, PublicService, Multilateral,
	Network, Enterprise}

// iatiOrgType maps each kind to the IATI OrganisationType code it is
// exported as. Where IATI has no exact type (cooperatives, unions,
// federations of municipalities) the closest honest one is chosen.
var iatiOrgType = map[OrgKind]string{
	Municipality: "11", RegionalCounty: "11", MunicipalFederation: "15", NGO: "22",
	Cooperative: "90", Union: "90", Academic: "80", CommunityGroup: "22", Diaspora: "22",
	Foundation: "60", GovernmentAgency: "10", PublicService: "15", Multilateral: "40", Network: "21", Enterprise: "70",
}

// Valid reports whether k is a known kind.
func (k OrgKind) Valid() bool { _, ok := iatiOrgType[k]; return ok }

// IATIType returns the IATI OrganisationType code for k.
func (k OrgKind) IATIType() string { return iatiOrgType[k] }

// IsLocalGovernment reports whether organisations of this kind have a
// population and a territory.
func (k OrgKind) IsLocalGovernment() bool { return k == Municipality || k == RegionalCounty }

// OrgLinkKind names how an organisation relates to another over time.
type OrgLinkKind string

// History and membership links between organisations.
const (
	PartOf     OrgLinkKind = "part_of"     // Buckingham became a sector of Gatineau in 2002
	MemberOf   OrgLinkKind = "member_of"   // a member of ROSI, of the UMQ
	MergedInto OrgLinkKind = "merged_into" // IULA, FMCU and Metropolis into CGLU in 2004
	NearTo     OrgLinkKind = "near"        // neighbouring villages of Sanankoroba
	FoundedBy  OrgLinkKind = "founded_by"
)

var orgLinkKinds = map[OrgLinkKind]bool{PartOf: true, MemberOf: true, MergedInto: true, NearTo: true, FoundedBy: true}

// OrgLink is a dated link from an organisation to another one.
type OrgLink struct {
	Kind   OrgLinkKind `json:"kind"`
	Target string      `json:"target"` // slug of the other organisation
	Since  Date        `json:"since,omitempty"`
	Until  Date        `json:"until,omitempty"`
	Note   Text        `json:"note,omitempty"`
	// TargetName is filled on read so pages need no second lookup.
	TargetName Text `json:"target_name,omitempty"`
}

// Organisation is an actor of cooperation: a town, an MRC, a federation,
// an NGO, a cooperative, a college, a village committee…
type Organisation struct {
	Meta
	Name        Text    `json:"name"`
	Acronym     string  `json:"acronym,omitempty"`
	Kind        OrgKind `json:"kind"`
	IATIRef     string  `json:"iati_ref,omitempty"`
	Country     string  `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Subdivision string  `json:"subdivision,omitempty"`
	Locality    string  `json:"locality,omitempty"`
	// Region is the administrative region the organisation is in, a code
	// of Regions ("outaouais"): what a region's territory report and the
	// statistics' territory filter gather.
	Region string `json:"region,omitempty"`
	Point  *Point `json:"point,omitempty"`
	// Population applies to local governments; PopulationYear says when it
	// was counted, since the seed's figures date from different years.
	Population     int       `json:"population,omitempty"`
	PopulationYear int       `json:"population_year,omitempty"`
	Website        string    `json:"website,omitempty"`
	Description    Text      `json:"description,omitempty"`
	Links          []OrgLink `json:"links,omitempty"`
}

// Validate checks the organisation and returns field errors.
func (o *Organisation) Validate() error {
	var errs ValidationErrors
	o.Meta.validate(&errs)
	if o.Name.IsZero() {
		errs.Add("name", "is required")
	}
	o.Name.validate("name", &errs)
	o.Description.validate("description", &errs)
	if !o.Kind.Valid() {
		errs.Add("kind", "unknown kind of organisation %q", o.Kind)
	}
	if o.Country != "" && !validCountry(o.Country) {
		errs.Add("country", "unknown country code %q", o.Country)
	}
	if o.Region != "" {
		if r, ok := FindRegion(o.Region); !ok {
			errs.Add("region", "unknown region %q", o.Region)
		} else if o.Country != "" && o.Country != r.Country {
			errs.Add("region", "the region %q is not in the country %q", o.Region, o.Country)
		}
	}
	o.Point.validate("point", &errs)
	if o.Population < 0 {
		errs.Add("population", "cannot be negative")
	}
	for i, l := range o.Links {
		f := fmt.Sprintf("links[%d]", i)
		if !orgLinkKinds[l.Kind] {
			errs.Add(f+".kind", "unknown link %q", l.Kind)
		}
		if l.Target == "" {
			errs.Add(f+".target", "is required")
		} else if l.Target == o.Slug {
			errs.Add(f+".target", "an organisation cannot link to itself")
		}
		if !l.Since.Valid() {
			errs.Add(f+".since", "must be a date like 2002 or 2002-01-01")
		}
		if !l.Until.Valid() {
			errs.Add(f+".until", "must be a date like 2002 or 2002-01-01")
		}
	}
	return errs.Err()
}

// OrganisationService reads and writes organisations.
type OrganisationService interface {
	// FindOrganisation returns one organisation by its ID or slug.
	FindOrganisation(ctx context.Context, idOrSlug string) (*Organisation, error)
	// CreateOrganisation stores a new organisation and sets its ID.
	CreateOrganisation(ctx context.Context, o *Organisation) error
	// UpdateOrganisation replaces the organisation with the same ID.
	UpdateOrganisation(ctx context.Context, o *Organisation) error
	// DeleteOrganisation removes an organisation that nothing refers to.
	DeleteOrganisation(ctx context.Context, id int64) error
}
