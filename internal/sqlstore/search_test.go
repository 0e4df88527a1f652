package sqlstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

func slugs(r *proximite.SearchResult) map[string]bool {
	out := map[string]bool{}
	for _, h := range r.Hits {
		out[string(h.Type)+":"+h.Slug] = true
	}
	return out
}

func facetCount(r *proximite.SearchResult, name, value string) int {
	for _, fc := range r.Facets[name] {
		if fc.Value == value {
			return fc.Count
		}
	}
	return 0
}

func TestSearch(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		tests := []struct {
			name   string
			filter proximite.SearchFilter
			want   []string
			not    []string
		}{
			{"accents and case", proximite.SearchFilter{Query: "ELISABETH"},
				[]string{"organisation:sainte-elisabeth", "partnership:sainte-elisabeth-sanankoroba"}, nil},
			{"accented query", proximite.SearchFilter{Query: "Élisabeth"}, []string{"organisation:sainte-elisabeth"}, nil},
			{"prefix", proximite.SearchFilter{Query: "sanan"},
				[]string{"organisation:sanankoroba", "project:alphabetisation-sanankoroba"}, nil},
			{"country name in French, without accent", proximite.SearchFilter{Query: "senegal"},
				[]string{"organisation:nioro-du-rip"}, []string{"organisation:sanankoroba"}},
			{"sector name", proximite.SearchFilter{Query: "alphabetisation"}, []string{"project:alphabetisation-sanankoroba"}, nil},
			{"type filter", proximite.SearchFilter{Query: "sanankoroba", Filters: map[string][]string{"type": {"partnership"}}},
				[]string{"partnership:sainte-elisabeth-sanankoroba"}, []string{"organisation:sanankoroba"}},
			{"country filter", proximite.SearchFilter{Filters: map[string][]string{"country": {"ML"}, "type": {"organisation"}}},
				[]string{"organisation:sanankoroba", "organisation:benkadi"}, []string{"organisation:sainte-elisabeth"}},
			{"organisation's records", proximite.SearchFilter{Org: "benkadi"},
				[]string{"partnership:sainte-elisabeth-sanankoroba", "project:alphabetisation-sanankoroba"}, []string{"visit:visite-1993"}},
			{"partnership's records", proximite.SearchFilter{Partnership: "sainte-elisabeth-sanankoroba"},
				[]string{"project:alphabetisation-sanankoroba", "visit:visite-1993"}, nil},
			{"query syntax is inert", proximite.SearchFilter{Query: `"sanan*(:- ^`}, []string{"organisation:sanankoroba"}, nil},
			{"no match", proximite.SearchFilter{Query: "zzzqqq"}, nil, []string{"organisation:sanankoroba"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.filter.Limit = 50
				r, err := db.Search(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				got := slugs(r)
				for _, w := range tt.want {
					if !got[w] {
						t.Errorf("missing %s in %v", w, got)
					}
				}
				for _, n := range tt.not {
					if got[n] {
						t.Errorf("unexpected %s in %v", n, got)
					}
				}
				if r.Total != len(r.Hits) {
					t.Errorf("total %d, hits %d", r.Total, len(r.Hits))
				}
			})
		}
	})
}

func TestSearchFacets(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		r, err := db.Search(ctx, proximite.SearchFilter{Query: "sanankoroba", WithFacets: true})
		if err != nil {
			t.Fatal(err)
		}
		if facetCount(r, "type", "project") != 1 || facetCount(r, "country", "ML") < 3 {
			t.Fatalf("facets: %+v", r.Facets)
		}
		// The project inherits the kinds of its organisations, the sector
		// categories of its DAC codes, and the form of its partnership.
		p, _ := db.Search(ctx, proximite.SearchFilter{Filters: map[string][]string{
			"org_kind": {"community_group"}, "sector": {"112"}, "form": {"solidarity"}, "type": {"project"}}, WithFacets: true})
		if p.Total != 1 || p.Hits[0].Slug != "alphabetisation-sanankoroba" || facetCount(p, "year", "1993") != 1 {
			t.Fatalf("project facets: %+v", p)
		}

		// Unfiltered facets come from the maintained counts and must agree
		// with what a filtered search counts, before and after changes.
		check := func(when string) {
			t.Helper()
			all, err := db.Search(ctx, proximite.SearchFilter{WithFacets: true})
			if err != nil {
				t.Fatal(err)
			}
			counts, _ := db.Counts(ctx)
			sum := 0
			for _, n := range counts {
				sum += n
			}
			if all.Total != sum {
				t.Fatalf("%s: total %d, counts %v", when, all.Total, counts)
			}
			for _, typ := range proximite.RecordTypes {
				live, err := db.Search(ctx, proximite.SearchFilter{Query: "", WithFacets: true,
					Filters: map[string][]string{"type": {string(typ)}, "year": nil}, Org: ""})
				if err != nil {
					t.Fatal(err)
				}
				if live.Total != counts[typ] || facetCount(all, "type", string(typ)) != counts[typ] {
					t.Fatalf("%s: %s: live %d, counts %d", when, typ, live.Total, counts[typ])
				}
			}
		}
		check("after load")
		o, _ := db.FindOrganisation(ctx, "nioro-du-rip")
		o.State = proximite.Draft
		if err := db.UpdateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
		check("after unpublishing")
		r, _ = db.Search(ctx, proximite.SearchFilter{Query: "nioro"})
		if r.Total != 0 {
			t.Fatalf("a draft is public: %+v", r.Hits)
		}
		r, _ = db.Search(ctx, proximite.SearchFilter{Query: "nioro", IncludeUnpublished: true})
		if r.Total != 1 {
			t.Fatalf("the workspace cannot find its draft: %+v", r)
		}
		if err := db.DeleteOrganisation(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
		check("after delete")
	})
}

// TestSearchWordsOfEveryScript checks that a word of any script or
// punctuation in a record is found as a visitor types it: the text
// index and the queries cut text into words by the same rule (letters
// and digits), so no query word becomes a phrase the index cannot answer.
func TestSearchWordsOfEveryScript(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		foundBy(t, db, "reseau-kayes", "Réseau «Kayes–Solidarité» l'eau, 50m² ; 𞤊𞤵𞤤𞤬𞤵𞤤𞤣𞤫 ߒߞߏ 水道 ʻOhana",
			"kayes", "solidarite", "l'eau", "eau", "50m", "m²", "𞤊𞤵𞤤𞤬𞤵𞤤𞤣𞤫", "ߒߞߏ", "水道", "ʻohana",
			"soli", "𞤊𞤵", "Kayes–Solidarité")
	})
}

// foundBy creates an organisation of the name, and checks that each of
// the queries finds it.
func foundBy(t *testing.T, db *sqlstore.DB, slug, name string, queries ...string) {
	t.Helper()
	ctx := context.Background()
	org := &proximite.Organisation{Meta: meta(slug), Kind: proximite.NGO, Country: "ML", Name: proximite.Text{"fr": name}}
	if err := db.CreateOrganisation(ctx, org); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		r, err := db.Search(ctx, proximite.SearchFilter{Query: q, Limit: 5})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if !slugs(r)["organisation:"+slug] {
			t.Errorf("%q does not find the organisation: %v", q, slugs(r))
		}
	}
}

// Both databases index a record by the words a query is cut into, so
// that what PostgreSQL's text parser would keep whole (a number with a
// point, an address, a path) is found by its parts on both.
func TestSearchWordsAsQueriesCutThem(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		foundBy(t, db, "forages-kayes", "Forages, phase 2.5 : www.eau-kayes.org/puits, contact@kayes.ml",
			"2.5", "phase 2", "puits", "eau kayes org", "contact", "kayes.ml", "www")
	})
}

// Migration 0017 rebuilds PostgreSQL's entries made by its text parser
// before it, so that they too are found by the words of a query.
func TestPostgresTextEntriesRebuilt(t *testing.T) {
	ctx := context.Background()
	db := migratedUpTo(t, "postgres", "0016_record_data_lz4.sql")
	org := &proximite.Organisation{Meta: meta("forages-kayes"), Kind: proximite.NGO, Country: "ML",
		Name: proximite.Text{"fr": "Forages, phase 2.5"}}
	if err := db.CreateOrganisation(ctx, org); err != nil {
		t.Fatal(err)
	}
	// The entry as the parser made it before 0017.
	if _, err := db.SQL().ExecContext(ctx, `UPDATE records SET tsv = to_tsvector('simple', 'forages-kayes forages, phase 2.5')`); err != nil {
		t.Fatal(err)
	}
	find := func() bool {
		r, err := db.Search(ctx, proximite.SearchFilter{Query: "2.5", Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		return slugs(r)["organisation:forages-kayes"]
	}
	if find() {
		t.Fatal("the parser's entry already finds the parts of 2.5; the test shows nothing")
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if !find() {
		t.Error("after migration 0017, 2.5 does not find the organisation")
	}
}

// A word longer than PostgreSQL's text index takes (2,047 bytes) does
// not stop the record from being saved, and its beginning finds it on
// both databases.
func TestSearchVeryLongWord(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		word := "kayes" + strings.Repeat("a", 3000)
		foundBy(t, db, "kayes-long", "Association "+word, word[:30])
	})
}
