package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// synergyFixture writes a registry where Buckingham, twinned with Nioro
// du Rip in Senegal for a health project, has neighbours of every tier:
// Gatineau in its town, two organisations in a Senegalese health project,
// a Senegalese town with no records, and an organisation working in
// health elsewhere.
func synergyFixture(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	org := func(slug, name string, kind proximite.OrgKind, country, locality string, state proximite.State) {
		o := &proximite.Organisation{Meta: proximite.Meta{Slug: slug, State: state}, Name: proximite.T("fr", name),
			Kind: kind, Country: country, Locality: locality}
		if err := db.CreateOrganisation(ctx, o); err != nil {
			t.Fatalf("create %s: %v", slug, err)
		}
	}
	org("buckingham", "Buckingham", proximite.Municipality, "CA", "Gatineau", proximite.Published)
	org("gatineau", "Ville de Gatineau", proximite.Municipality, "CA", "GATINEAU", proximite.Published)
	org("brouillon", "Brouillon de Gatineau", proximite.NGO, "CA", "Gatineau", proximite.Draft)
	org("nioro", "Nioro du Rip", proximite.Municipality, "SN", "Nioro du Rip", proximite.Published)
	org("oci-sante", "OCI Santé", proximite.NGO, "CA", "Québec", proximite.Published)
	org("sante-senegal", "Santé Sénégal", proximite.NGO, "SN", "Dakar", proximite.Published)
	org("dakar", "Dakar", proximite.Municipality, "SN", "Dakar", proximite.Published)
	org("oci-burkina", "OCI Burkina", proximite.NGO, "CA", "Montréal", proximite.Published)
	org("loin", "Loin d'ici", proximite.NGO, "BR", "", proximite.Published)
	p := &proximite.Partnership{Meta: meta("jumelage-buckingham-nioro"), Title: proximite.T("fr", "Jumelage Buckingham–Nioro"),
		Kind: proximite.CooperationTwinning, Form: proximite.Solidarity,
		Parties: []proximite.Party{{Org: "buckingham", Side: proximite.North}, {Org: "nioro", Side: proximite.South}}}
	if err := db.CreatePartnership(ctx, p); err != nil {
		t.Fatal(err)
	}
	project := func(slug, country, sector, partnership string, orgs ...string) {
		pr := &proximite.Project{Meta: meta(slug), Title: proximite.T("fr", slug), Status: "2", Partnership: partnership,
			Sectors: []proximite.SectorShare{{Code: sector}}, Countries: []proximite.CountryShare{{Code: country}}}
		for _, o := range orgs {
			pr.Participants = append(pr.Participants, proximite.Participant{Org: o, Role: "4"})
		}
		if err := db.CreateProject(ctx, pr); err != nil {
			t.Fatalf("create %s: %v", slug, err)
		}
	}
	project("sante-nioro", "SN", "12220", p.Slug, "buckingham", "nioro")
	project("sante-dakar", "SN", "12240", "", "oci-sante", "sante-senegal", "brouillon")
	project("ecoles-burkina", "BF", "12261", "", "oci-burkina")
	project("bresil", "BR", "31120", "", "loin")
}

func synergySlugs(r *proximite.SynergyResult) []string {
	var out []string
	for _, s := range r.Orgs {
		out = append(out, s.Slug)
	}
	return out
}

func TestFindSynergies(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		synergyFixture(t, db)
		want := []string{"gatineau", "oci-sante", "sante-senegal", "dakar", "oci-burkina"}
		for _, f := range []proximite.SynergyFilter{{Org: "buckingham"}, {Partnership: "jumelage-buckingham-nioro"}} {
			r, err := db.FindSynergies(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := synergySlugs(r); !slices.Equal(got, want) {
				t.Errorf("%+v: synergies %v, want %v", f, got, want)
			}
			if !slices.Equal(r.Profile.Countries, []string{"SN"}) || !slices.Equal(r.Profile.Sectors, []string{"122"}) {
				t.Errorf("%+v: profile %+v, want Senegal (not Canada, the home country) and basic health", f, r.Profile)
			}
			if len(r.Orgs) == len(want) {
				tiers := []int{proximite.TierLocality, proximite.TierCountrySector, proximite.TierCountrySector, proximite.TierCountry, proximite.TierSector}
				for i, s := range r.Orgs {
					if s.Tier() != tiers[i] {
						t.Errorf("%s: tier %d, want %d (%+v)", s.Slug, s.Tier(), tiers[i], s)
					}
				}
				if s := r.Orgs[1]; s.Kind != proximite.NGO || s.Country != "CA" || s.Records != 1 || s.Name.String() != "OCI Santé" {
					t.Errorf("oci-sante as found: %+v", s)
				}
			}
		}
		r, err := db.FindSynergies(ctx, proximite.SynergyFilter{Org: "buckingham", Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Orgs) != 2 || !r.More {
			t.Errorf("limit 2: %v, more %v", synergySlugs(r), r.More)
		}
		// The Canadian NGO's synergies: its Senegalese partner is left out,
		// Buckingham's town is not its own.
		r, err = db.FindSynergies(ctx, proximite.SynergyFilter{Org: "oci-sante"})
		if err != nil {
			t.Fatal(err)
		}
		if got := synergySlugs(r); slices.Contains(got, "sante-senegal") || !slices.Contains(got, "buckingham") || slices.Contains(got, "loin") {
			t.Errorf("oci-sante's synergies %v: want Buckingham, not its own partner nor Brazil", got)
		}
		if _, err := db.FindSynergies(ctx, proximite.SynergyFilter{Org: "brouillon"}); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("a draft organisation: %v, want ENOTFOUND", err)
		}
		if _, err := db.FindSynergies(ctx, proximite.SynergyFilter{}); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("no subject: %v, want EINVALID", err)
		}
	})
}

func TestNetworkGraph(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		synergyFixture(t, db)
		g, err := db.NetworkGraph(ctx, proximite.NetworkFilter{})
		if err != nil {
			t.Fatal(err)
		}
		wantEdges := []proximite.NetworkEdge{
			{From: "buckingham", To: "nioro", Partnerships: 1, Projects: 1},
			{From: "oci-sante", To: "sante-senegal", Projects: 1},
		}
		if !slices.Equal(g.Edges, wantEdges) {
			t.Errorf("edges %+v, want %+v (the draft organisation is not drawn)", g.Edges, wantEdges)
		}
		if len(g.Nodes) != 4 || g.Nodes[0].Slug != "buckingham" || g.Nodes[0].Degree != 1 || g.LeftOut != 0 || g.Records != 5 || g.Sampled {
			t.Errorf("nodes %+v, left out %d, records %d, sampled %v", g.Nodes, g.LeftOut, g.Records, g.Sampled)
		}
		g, err = db.NetworkGraph(ctx, proximite.NetworkFilter{Kinds: []proximite.OrgKind{proximite.Municipality}})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Edges) != 1 || g.Edges[0].From != "buckingham" || len(g.Nodes) != 2 {
			t.Errorf("municipalities: %+v %+v", g.Nodes, g.Edges)
		}
		g, err = db.NetworkGraph(ctx, proximite.NetworkFilter{Countries: []string{"SN"}, MaxNodes: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Nodes) != 2 || g.LeftOut != 2 || len(g.Edges) != 1 {
			t.Errorf("Senegal, two nodes: %+v %+v, left out %d", g.Nodes, g.Edges, g.LeftOut)
		}
		g, err = db.NetworkGraph(ctx, proximite.NetworkFilter{Countries: []string{"BF"}, Kinds: []proximite.OrgKind{proximite.Municipality}})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Nodes) != 0 || len(g.Edges) != 0 {
			t.Errorf("municipalities in Burkina Faso: %+v", g)
		}
	})
}

func TestFundingProgrammes(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		synergyFixture(t, db)
		for _, p := range []*proximite.Programme{
			{Meta: meta("pour-les-villes"), Name: proximite.T("fr", "Pour les villes"), Funder: "gatineau",
				Eligible: []proximite.OrgKind{proximite.Municipality}, Sectors: []string{"122"}},
			{Meta: proximite.Meta{Slug: "brouillon", State: proximite.Draft}, Name: proximite.T("fr", "Brouillon"), Funder: "gatineau"},
		} {
			if err := db.CreateProgramme(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		ps, err := db.FundingProgrammes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 1 || ps[0].Slug != "pour-les-villes" || ps[0].FunderName.String() != "Ville de Gatineau" || ps[0].ID == 0 {
			t.Fatalf("programmes %+v, want the published one with its funder's name", ps)
		}
		open, _ := proximite.FindFunding(ps, proximite.FundingQuery{Kinds: []proximite.OrgKind{proximite.Municipality}, Sectors: []string{"12220"}}, "2026-01-01")
		if fits, _ := open[0].Fits(); fits != 2 {
			t.Errorf("fits %d, want 2", fits)
		}
	})
}
