package web

import (
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestNothingLeaksBeforePublication writes a draft and a submitted
// record of each kind that links to public ones, with a word found
// nowhere else, and asks every public view of the registry — search,
// lists, record pages, the pages of the records they link to, the home
// page's map, the JSON API, the exports — as a visitor: none may show
// them. The same is then published, and the word appears, so the test
// can fail.
func TestNothingLeaksBeforePublication(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newWSSite(t, db)
		g := proximite.NewGuard(db)
		ctx := s.as("editor")
		project := &proximite.Project{Meta: proximite.Meta{Slug: "projet-zorglub", State: proximite.Draft},
			Title: proximite.T("fr", "Projet Zorglub", "en", "Zorglub project"), Status: "2",
			Participants: []proximite.Participant{{Org: "buckingham", Role: "1"}, {Org: "nioro-du-rip", Role: "4"}},
			Partnership:  "jumelage-buckingham-nioro-du-rip", Countries: []proximite.CountryShare{{Code: "SN"}},
			Locations: []proximite.Location{{Name: proximite.T("fr", "Zorglubville"), Country: "SN", Point: &proximite.Point{Lat: 13.7, Lon: -15.8}}}}
		if err := g.CreateProject(ctx, project); err != nil {
			t.Fatal(err)
		}
		visit := &proximite.Visit{Meta: proximite.Meta{Slug: "mission-zorglub", State: proximite.Submitted},
			Title: proximite.T("fr", "Mission Zorglub"), Direction: proximite.NorthToSouth, From: "buckingham", To: "nioro-du-rip",
			Partnership: "jumelage-buckingham-nioro-du-rip", Start: "2025-03"}
		if err := g.CreateVisit(ctx, visit); err != nil {
			t.Fatal(err)
		}
		partnership := &proximite.Partnership{Meta: proximite.Meta{Slug: "partenariat-zorglub", State: proximite.Draft},
			Title: proximite.T("fr", "Partenariat Zorglub"), Kind: proximite.Friendship,
			Parties: []proximite.Party{{Org: "buckingham", Side: proximite.North}, {Org: "nioro-du-rip", Side: proximite.South}}}
		if err := g.CreatePartnership(ctx, partnership); err != nil {
			t.Fatal(err)
		}
		org := &proximite.Organisation{Meta: proximite.Meta{Slug: "comite-zorglub", State: proximite.Submitted},
			Name: proximite.T("fr", "Comité Zorglub"), Kind: proximite.CommunityGroup, Country: "SN"}
		if err := g.CreateOrganisation(s.as("coordinator"), org); err != nil {
			t.Fatal(err)
		}
		paths := []string{
			"/fr/", "/en/", "/fr/recherche?q=zorglub", "/en/search?q=zorglub", "/fr/recherche?q=zorglub&type=project",
			"/fr/projets", "/fr/missions", "/fr/partenariats", "/fr/acteurs", "/en/projects?sort=recent", "/fr/acteurs?country=SN",
			"/fr/projets/projet-zorglub", "/fr/missions/mission-zorglub", "/fr/partenariats/partenariat-zorglub", "/fr/acteurs/comite-zorglub",
			"/fr/acteurs/buckingham", "/fr/acteurs/nioro-du-rip", "/fr/partenariats/jumelage-buckingham-nioro-du-rip",
			"/api/v1/search?q=zorglub", "/api/v1/projects", "/api/v1/visits", "/api/v1/partnerships", "/api/v1/organisations?country=SN",
			"/api/v1/projects/projet-zorglub", "/api/v1/visits/mission-zorglub", "/api/v1/organisations/comite-zorglub",
			"/api/v1/export/projects.csv", "/api/v1/export/projects.json", "/api/v1/export/projects.geojson", "/api/v1/export/iati.xml",
			"/api/v1/export/projects.csv?country=SN",
		}
		for _, p := range paths {
			r := s.do("anonymous", "GET", p, nil)
			// The titles are capitalised; the query and slugs, which a page
			// may echo, are not.
			if strings.Contains(r.Body, "Zorglub") {
				t.Errorf("GET %s (%d) shows an unpublished record", p, r.Status)
			}
			if strings.Contains(p, "zorglub") && !strings.Contains(p, "q=") && r.Status != 404 {
				t.Errorf("GET %s: %d, want 404", p, r.Status)
			}
		}
		// Published, the project shows: the test looks where it should.
		project.State = proximite.Published
		if err := g.UpdateProject(s.as("coordinator"), project); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/fr/recherche?q=zorglub", "/fr/projets/projet-zorglub", "/api/v1/export/projects.csv"} {
			if r := s.do("anonymous", "GET", p, nil); !strings.Contains(r.Body, "Zorglub") {
				t.Errorf("GET %s (%d) lacks the published project", p, r.Status)
			}
		}
	})
}
