package sqlstore_test

import (
	"context"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func TestEachProjectAndLookupKey(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		var recs []any
		for _, s := range []string{"un", "deux", "trois"} {
			recs = append(recs, &proximite.Project{Meta: meta("projet-" + s), Title: proximite.T("fr", "Projet "+s),
				IATIIdentifier: "CA-TEST-" + s, Countries: []proximite.CountryShare{{Code: "SN"}},
				Participants: []proximite.Participant{{Org: "nioro-du-rip", Role: "4"}}})
		}
		if err := db.SaveMany(ctx, recs...); err != nil {
			t.Fatal(err)
		}
		var got []string
		err := db.EachProject(ctx, proximite.SearchFilter{Filters: map[string][]string{"country": {"SN"}}},
			func(p *proximite.Project) error {
				if p.ID == 0 || p.Participants[0].OrgName["fr"] != "Nioro du Rip" {
					t.Errorf("project without id or names: %+v", p)
				}
				got = append(got, p.Slug)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0] != "projet-un" || got[2] != "projet-trois" {
			t.Fatalf("EachProject: %v", got)
		}

		if slug, err := db.LookupKey(ctx, proximite.TypeProject, sqlstore.KeyIATIID, "CA-TEST-deux"); err != nil || slug != "projet-deux" {
			t.Fatalf("by IATI identifier: %q %v", slug, err)
		}
		if slug, err := db.LookupKey(ctx, proximite.TypeOrganisation, sqlstore.KeyName, proximite.Fold("NIORO DU RIP")); err != nil || slug != "nioro-du-rip" {
			t.Fatalf("by name: %q %v", slug, err)
		}
		if _, err := db.LookupKey(ctx, proximite.TypeProject, sqlstore.KeyIATIID, "nope"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Fatalf("missing key: %v", err)
		}
		// Keys are not facets.
		r, _ := db.Search(ctx, proximite.SearchFilter{WithFacets: true})
		if _, ok := r.Facets[sqlstore.KeyIATIID]; ok {
			t.Fatalf("a key shows as a facet: %v", r.Facets)
		}
	})
}
