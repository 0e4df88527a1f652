package sqlstore_test

import (
	"context"
	"fmt"
	"reflect"
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

// TestEachProjectAsFindProject streams projects that name more
// organisations than EachProject looks up one by one, so that it reads
// their names all at once, and checks each against FindProject: the same
// record, decoded by encoding/json there, with the same organisation
// names and kinds.
func TestEachProjectAsFindProject(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		kinds := []proximite.OrgKind{proximite.Municipality, proximite.CommunityGroup, proximite.NGO}
		var recs []any
		for i := range 50 {
			recs = append(recs, &proximite.Organisation{Meta: meta(fmt.Sprintf("org-%02d", i)),
				Name: proximite.T("fr", fmt.Sprintf("Organisation « %d » & fils", i), "en", fmt.Sprintf("Org %d", i)),
				Kind: kinds[i%len(kinds)], Country: "SN"})
		}
		pct := 100.0
		for i := range 60 {
			p := &proximite.Project{Meta: meta(fmt.Sprintf("projet-%02d", i)), Title: proximite.T("fr", fmt.Sprintf("Projet \"%d\"", i)),
				Status: "2", ActualStart: "2001-05", Countries: []proximite.CountryShare{{Code: "SN", Percentage: &pct}},
				Participants: []proximite.Participant{{Org: fmt.Sprintf("org-%02d", i%50), Role: "1"},
					{Org: fmt.Sprintf("org-%02d", (i+7)%50), Role: "4"}, {Name: proximite.T("fr", "Comité"), Role: "3"}},
				Budgets: []proximite.Budget{{PeriodStart: "2001", PeriodEnd: "2002", Value: proximite.Money{Amount: 1500.5, Currency: "CAD"}}}}
			recs = append(recs, p)
		}
		if err := db.SaveMany(ctx, recs...); err != nil {
			t.Fatal(err)
		}
		n := 0
		err := db.EachProject(ctx, proximite.SearchFilter{}, func(p *proximite.Project) error {
			n++
			want, err := db.FindProject(ctx, p.Slug)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(p, want) {
				t.Errorf("EachProject gave\n%+v\nFindProject\n%+v", p, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != 60 {
			t.Fatalf("%d projects, want 60", n)
		}
	})
}
