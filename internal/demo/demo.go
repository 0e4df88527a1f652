// Package demo holds the demonstration registry that a new user sees on
// first start: the organisations, funding programmes, partnerships,
// projects and delegations described in the project's seed document, "La
// coopération de proximité en question".
//
// Every fact comes from that document. Where it is silent the field is
// left empty rather than filled with a plausible guess: a registry that
// invents populations, amounts or dates teaches its users to distrust it.
// The only additions are approximate public coordinates of well-known
// towns, which are geographic facts rather than claims of the document.
package demo

import proximite "github.com/proximite/proximite"

// Source is the citation every demonstration record carries in its
// Meta.Sources, followed by the section or box the facts come from.
const Source = "La coopération de proximité en question"

// Sections and boxes of the seed document, cited after Source.
const (
	secOrigins       = "section 1"
	secGranby        = "section 1, note 2"
	secTable1        = "tableau 1 (Favreau et Fréchette, 2002, p. 149)"
	secSanankoroba   = "encadré « Sainte-Élisabeth (Québec)/Sanankoroba (Mali) : évolution d'un jumelage » (Favreau, 2007)"
	secPretexts      = "section 2.3"
	secBuckingham    = "encadré « Buckingham au Québec et Nioro du Rip au Sénégal » (Favreau et alii, 2007, p. 363)"
	secCivilSociety  = "section 3.1"
	secEquiterre     = "encadré « Équiterre, une OCI québécoise engagée dans le commerce équitable » (Favreau et alii, 2007, p. 372)"
	secCoops         = "encadré « Coopératives, syndicats et coopération internationale : quelques exemples » (Favreau, 2007)"
	secLocal         = "section 3.2"
	secProvincial    = "section 3.2, encadré « Les regroupements des municipalités au niveau provincial »"
	secInternational = "section 3.2, encadré « Les regroupements de municipalités à l'échelle internationale »"
	secState         = "section 3.3"
	secROSI          = "« Présentation du ROSI : Réseau Outaouais de solidarité internationale »"
	secObservatoire  = "« Présentation de l'Observatoire »"
)

// Data is the whole demonstration registry.
type Data struct {
	Organisations []*proximite.Organisation
	Programmes    []*proximite.Programme
	Partnerships  []*proximite.Partnership
	Projects      []*proximite.Project
	Visits        []*proximite.Visit
	Publications  []*proximite.Publication
}

// Records returns fresh copies of the demonstration records (callers may
// modify them). Every record is built anew on each call from literals, so
// no slice, map or pointer is shared between two calls.
func Records() *Data {
	d := &Data{}
	for _, part := range [][]*proximite.Organisation{
		outaouaisOrganisations(),
		quebecOrganisations(),
		civilSocietyOrganisations(),
		southOrganisations(),
		internationalOrganisations(),
	} {
		d.Organisations = append(d.Organisations, part...)
	}
	d.Programmes = programmes()
	d.Partnerships = partnerships()
	d.Projects = append(append(maliProjects(), nioroProjects()...), otherProjects()...)
	d.Visits = visits()
	d.Publications = publications()
	return d
}

// meta returns the shared fields of a published demonstration record whose
// facts come from the given sections of the seed.
func meta(slug string, sections ...string) proximite.Meta {
	m := proximite.Meta{Slug: slug, State: proximite.Published}
	if len(sections) == 0 {
		m.Sources = []string{Source}
	}
	for _, s := range sections {
		m.Sources = append(m.Sources, Source+", "+s)
	}
	return m
}

// at returns an approximate position, to two decimals.
func at(lat, lon float64) *proximite.Point { return &proximite.Point{Lat: lat, Lon: lon} }

// memberOf returns a membership link with no known start.
func memberOf(target string) proximite.OrgLink {
	return proximite.OrgLink{Kind: proximite.MemberOf, Target: target}
}

// memberOfROSI is the link of the organisations the seed lists as
// represented in the Réseau Outaouais de solidarité internationale.
func memberOfROSI() proximite.OrgLink {
	return proximite.OrgLink{Kind: proximite.MemberOf, Target: "rosi",
		Note: proximite.T("fr", "Organisation représentée au ROSI.", "en", "Organisation represented in ROSI.")}
}

// sector returns a DAC 5-digit sector without a percentage: the seed never
// says how a project's effort was shared between its sectors.
func sector(code string) proximite.SectorShare {
	return proximite.SectorShare{Vocabulary: "1", Code: code}
}

// country returns a recipient country without a percentage.
func country(code string) proximite.CountryShare { return proximite.CountryShare{Code: code} }

// IATI OrganisationRole codes of project participants.
const (
	roleFunding      = "1"
	roleAccountable  = "2"
	roleExtending    = "3"
	roleImplementing = "4"
)

// participant names an organisation of the registry with its IATI role.
func participant(org, role string) proximite.Participant {
	return proximite.Participant{Org: org, Role: role}
}
