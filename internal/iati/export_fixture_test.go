package iati_test

import (
	"context"
	"sort"
	"time"

	"github.com/proximite/proximite"
)

// The fixture below is a small registry in which one project fills every
// part the IATI export writes: three languages, partial dates, every
// kind of participant, shares, locations, budgets, transactions, results
// with and without indicators, documents, in-kind contributions, a
// partnership and a programme, and text that needs escaping.

var fixtureTime = time.Date(2024, 3, 15, 10, 30, 0, 0, time.UTC)

func sharePct(v float64) *float64 { return &v }

func fixtureMeta(slug string) proximite.Meta {
	return proximite.Meta{Slug: slug, State: proximite.Published, CreatedAt: fixtureTime, UpdatedAt: fixtureTime}
}

func fixtureOrganisations() []*proximite.Organisation {
	return []*proximite.Organisation{
		{Meta: fixtureMeta("ville-nord"), Name: proximite.T("fr", "Ville du Nord", "en", "Northtown"),
			Kind: proximite.Municipality, Country: "CA"},
		{Meta: fixtureMeta("ong-sud"), Name: proximite.T("fr", "Association Sud", "es", "Asociación Sur"),
			Kind: proximite.NGO, Country: "SN", IATIRef: "SN-NINEA-123"},
		{Meta: fixtureMeta("bailleur"), Name: proximite.T("fr", "Agence & Cie", "en", "Agency & Co"),
			Kind: proximite.GovernmentAgency, Country: "CA", IATIRef: "CA-GOV-1"},
	}
}

func fixturePartnership() *proximite.Partnership {
	return &proximite.Partnership{Meta: fixtureMeta("jumelage-test"),
		Title: proximite.T("fr", "Jumelage Nord – Sud", "en", "North–South twinning"),
		Kind:  proximite.CooperationTwinning, Start: "1985",
		Parties: []proximite.Party{{Org: "ville-nord", Side: proximite.North}, {Org: "ong-sud", Side: proximite.South}}}
}

func fixtureProgramme() *proximite.Programme {
	return &proximite.Programme{Meta: fixtureMeta("prog-test"), Funder: "bailleur",
		Name: proximite.T("fr", "Programme de partenariats", "en", "Partnership programme")}
}

// fullProject returns the project that fills every part.
func fullProject() *proximite.Project {
	return &proximite.Project{
		Meta:         fixtureMeta("puits-et-jardins"),
		Title:        proximite.T("fr", "Puits & jardins <« Sud »> \x01", "en", "Wells & gardens", "es", "Pozos y huertos"),
		Description:  proximite.T("fr", "Des puits.\nEt des jardins.", "en", "Wells.\nAnd gardens.", "bm", "Kɔlɔn"),
		Objectives:   proximite.T("fr", "De l'eau pour tous."),
		PlannedStart: "1993", ActualStart: "1993-05", PlannedEnd: "1996-02",
		Participants: []proximite.Participant{
			{Org: "ville-nord", Role: "1"},
			{Org: "bailleur", Role: "1"},
			{Org: "ong-sud", Role: "2"},
			{Name: proximite.T("fr", "Comité local"), Role: "4"},
			{Ref: "XM-DAC-41114", Name: proximite.T("en", "UNDP"), Role: "3"},
		},
		Sectors: []proximite.SectorShare{{Code: "14030", Percentage: sharePct(60)}, {Code: "31161", Percentage: sharePct(40)},
			{Vocabulary: "7", Code: "6"}},
		Countries: []proximite.CountryShare{{Code: "SN", Percentage: sharePct(75)}},
		Regions:   []proximite.RegionShare{{Code: "289", Percentage: sharePct(25)}},
		Locations: []proximite.Location{
			{Name: proximite.T("fr", "Nioro du Rip"), Description: proximite.T("fr", "Chef-lieu", "en", "Main town"),
				Country: "SN", Point: &proximite.Point{Lat: 13.75, Lon: -15.8}},
			{Name: proximite.T("fr", "Villages voisins")},
		},
		Budgets: []proximite.Budget{
			{Type: "1", PeriodStart: "1994", PeriodEnd: "1994", Value: proximite.Money{Amount: 12000, Currency: "CAD"}},
			{PeriodStart: "1995-01-01", PeriodEnd: "1995-12-31", Value: proximite.Money{Amount: 8000.5, Currency: "cad", ValueDate: "1995-01-15"}},
		},
		Transactions: []proximite.Transaction{
			{Type: "2", Date: "1993-06", Value: proximite.Money{Amount: 20000, Currency: "CAD"},
				Description: proximite.T("fr", "Engagement"), Provider: &proximite.Participant{Org: "bailleur"},
				Receiver: &proximite.Participant{Org: "ong-sud"}},
			{Type: "3", Date: "1994-02-10", Value: proximite.Money{Amount: 5000, Currency: "CAD"},
				Provider: &proximite.Participant{Name: proximite.T("fr", "Donateurs privés")}},
		},
		Results: []proximite.Result{
			{Type: "1", Title: proximite.T("fr", "Puits creusés", "en", "Wells dug"),
				Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Puits"), Measure: "1", Baseline: "0", Target: "10", Actual: "12", Year: 1993}}},
			{Type: "2", Title: proximite.T("fr", "Les femmes gèrent l'eau", "en", "Women manage the water")},
			{Type: "1", Title: proximite.T("fr", "Jardins"),
				Indicators: []proximite.Indicator{{Title: proximite.T("fr", "Surface cultivée"), Actual: "3 ha"}}},
		},
		Documents: []proximite.Document{
			{URL: "https://example.org/rapport.pdf?v=2", Title: proximite.T("fr", "Rapport final")},
			{URL: "https://example.org/projet", Title: proximite.T("en", "Project page"), Format: "text/html",
				Category: "A12", Language: "EN", Date: "2001-03"},
			{URL: "https://example.org/sans-titre"},
		},
		InKind: []proximite.InKind{
			{Org: "ville-nord", Kind: "volunteer_days", Days: 120, People: 8,
				Value: &proximite.Money{Amount: 5000, Currency: "CAD"}, Description: proximite.T("fr", "Chantier d'été.")},
			{Kind: "expert_days", Days: 1.5, People: 1, Description: proximite.T("es", "Asesoría técnica.")},
		},
		Partnership: "jumelage-test",
		Programme:   "prog-test",
	}
}

// publishedProject is a project that a member publishes in IATI itself:
// its identifier starts with the accountable organisation's reference.
func publishedProject() *proximite.Project {
	return &proximite.Project{
		Meta: fixtureMeta("projet-publie"), IATIIdentifier: "SN-NINEA-123-P1",
		Title:        proximite.T("fr", "Projet publié"),
		Status:       "2",
		ActualStart:  "2020-01-01",
		Participants: []proximite.Participant{{Org: "ong-sud", Role: "2"}},
		Countries:    []proximite.CountryShare{{Code: "SN"}},
	}
}

// bareProject has nothing but a title: every part the schema requires is
// supplied by the export's documented fallbacks.
func bareProject() *proximite.Project {
	return &proximite.Project{Meta: fixtureMeta("projet-nu"), Title: proximite.T("en", "A bare project")}
}

// memSource is an in-memory Source, for exports that need no database.
type memSource struct {
	orgs         map[string]*proximite.Organisation
	partnerships map[string]*proximite.Partnership
	programmes   map[string]*proximite.Programme
	projects     []*proximite.Project
}

func newMemSource(projects ...*proximite.Project) *memSource {
	m := &memSource{orgs: map[string]*proximite.Organisation{}, partnerships: map[string]*proximite.Partnership{},
		programmes: map[string]*proximite.Programme{}, projects: projects}
	for _, o := range fixtureOrganisations() {
		m.orgs[o.Slug] = o
	}
	pa, pr := fixturePartnership(), fixtureProgramme()
	m.partnerships[pa.Slug], m.programmes[pr.Slug] = pa, pr
	return m
}

func memNotFound(slug string) error {
	return proximite.Errorf(proximite.ENOTFOUND, "no record %q", slug)
}

func (m *memSource) FindOrganisation(_ context.Context, slug string) (*proximite.Organisation, error) {
	if o, ok := m.orgs[slug]; ok {
		return o, nil
	}
	return nil, memNotFound(slug)
}

func (m *memSource) FindPartnership(_ context.Context, slug string) (*proximite.Partnership, error) {
	if p, ok := m.partnerships[slug]; ok {
		return p, nil
	}
	return nil, memNotFound(slug)
}

func (m *memSource) FindProgramme(_ context.Context, slug string) (*proximite.Programme, error) {
	if p, ok := m.programmes[slug]; ok {
		return p, nil
	}
	return nil, memNotFound(slug)
}

// EachProject ignores the filter: the tests that filter use a database.
func (m *memSource) EachProject(_ context.Context, _ proximite.SearchFilter, fn func(*proximite.Project) error) error {
	sorted := append([]*proximite.Project(nil), m.projects...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, p := range sorted {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}
