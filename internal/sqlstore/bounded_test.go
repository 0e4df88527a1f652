package sqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// A name typed in full finds the record of that name first, before the
// records that merely mention it.
func TestSearchRanksNamesFirst(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		for _, tt := range []struct{ query, first string }{
			{"sanankoroba", "organisation:sanankoroba"},
			{"Sainte-Élisabeth", "organisation:sainte-elisabeth"},
			{"jumelage sainte", "partnership:sainte-elisabeth-sanankoroba"},
			{"alphabetisation sanan", "project:alphabetisation-sanankoroba"},
		} {
			r, err := db.Search(ctx, proximite.SearchFilter{Query: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) == 0 {
				t.Fatalf("%q: no hits", tt.query)
			}
			if got := string(r.Hits[0].Type) + ":" + r.Hits[0].Slug; got != tt.first {
				t.Errorf("%q: first hit %s, want %s (all: %v)", tt.query, got, tt.first, slugs(r))
			}
		}
	})
}

// A search that matches more than proximite.MaxMatches records examines
// that many, says so, and keeps its counts consistent with what it
// examined; one that matches fewer is exact.
func TestSearchIsBounded(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		n := proximite.MaxMatches + 200
		recs := make([]any, 0, n)
		for i := range n {
			country := "ML"
			if i%10 == 0 {
				country = "SN"
			}
			recs = append(recs, &proximite.Organisation{Meta: meta(fmt.Sprintf("village-%04d", i)),
				Name: proximite.T("fr", fmt.Sprintf("Village %d", i)), Kind: proximite.Municipality, Country: country})
		}
		if err := db.SaveMany(ctx, recs...); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name   string
			filter proximite.SearchFilter
			capped bool
			total  int
		}{
			{"common word", proximite.SearchFilter{Query: "village"}, true, proximite.MaxMatches},
			{"common filter", proximite.SearchFilter{Filters: map[string][]string{"country": {"ML"}}}, true, proximite.MaxMatches},
			{"rarer filter", proximite.SearchFilter{Filters: map[string][]string{"country": {"SN"}}}, false, n / 10},
			{"word and filter", proximite.SearchFilter{Query: "vill", Filters: map[string][]string{"country": {"SN"}}}, false, n / 10},
			{"one record", proximite.SearchFilter{Query: "village 1042"}, false, 1},
			{"browse, exact", proximite.SearchFilter{Filters: map[string][]string{"type": {"organisation"}}}, false, n},
		} {
			t.Run(tt.name, func(t *testing.T) {
				tt.filter.WithFacets = true
				r, err := db.Search(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				if r.Capped != tt.capped || r.Total != tt.total {
					t.Fatalf("capped %v total %d, want %v %d", r.Capped, r.Total, tt.capped, tt.total)
				}
				if got := facetCount(r, "type", "organisation"); got != tt.total {
					t.Errorf("type facet counts %d, want %d", got, tt.total)
				}
				if len(r.Hits) != min(20, tt.total) {
					t.Errorf("%d hits on the first page", len(r.Hits))
				}
			})
		}
		// A caller that shows no count gets the newest page at once, with
		// the sign that more match.
		r, err := db.Search(ctx, proximite.SearchFilter{Filters: map[string][]string{"country": {"ML"}}, NoCount: true, Limit: 5})
		if err != nil || len(r.Hits) != 5 || !r.Capped || r.Total < 5 {
			t.Fatalf("no-count search: %+v %v", r, err)
		}
		if db.Dialect() == "sqlite" && r.Hits[0].Slug != fmt.Sprintf("village-%04d", n-1) {
			t.Errorf("no-count search did not start with the newest: %s", r.Hits[0].Slug)
		}
		// Pages stop at the bound.
		r, err = db.Search(ctx, proximite.SearchFilter{Query: "village", Sort: proximite.SortTitle, Limit: 200, Offset: proximite.MaxMatches - 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 100 {
			t.Errorf("page at the bound has %d hits, want 100", len(r.Hits))
		}
		// On SQLite the examined matches are the newest; PostgreSQL's text
		// index yields them in no particular order.
		if db.Dialect() != "sqlite" {
			return
		}
		r, err = db.Search(ctx, proximite.SearchFilter{Query: "village", Sort: proximite.SortRecent, Limit: 1})
		if err != nil || len(r.Hits) != 1 || r.Hits[0].Slug != fmt.Sprintf("village-%04d", n-1) {
			t.Errorf("newest match first: %+v %v", r, err)
		}
	})
}

// Migration 0003 moves each record's JSON out of the records table and
// rebuilds the text index with the filter tokens: a registry written
// before it is found by words and filters after it, with its times kept.
func TestMigrationRebuildsSearch(t *testing.T) {
	for _, dialect := range sqltest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := migratedUpTo(t, dialect, "0002_imports.sql")
			// A record as the store wrote it before 0003.
			const updated = 1_600_000_000_000_000
			stmts := []string{
				`INSERT INTO records (id, type, slug, state, title, sort_title, year, facets, data, created_at, updated_at)
				VALUES (7, 'organisation', 'sanankoroba', 'published', '{"fr":"Sanankoroba"}', 'sanankoroba', 0,
				'country=ML` + "\n" + `org_kind=municipality` + "\n" + `type=organisation` + "\n" + `',
				'{"slug":"sanankoroba","state":"published","name":{"fr":"Sanankoroba"},"kind":"municipality","country":"ML"}',
				1500000000000000, 1600000000000000)`,
				`INSERT INTO search_terms (record_id, facet, value) VALUES (7, 'country', 'ML'),
				(7, 'org_kind', 'municipality'), (7, 'type', 'organisation')`,
				`INSERT INTO facet_counts (type, facet, value, n) VALUES ('organisation', 'country', 'ML', 1),
				('organisation', 'org_kind', 'municipality', 1), ('organisation', 'type', 'organisation', 1)`,
			}
			for _, s := range stmts {
				if _, err := db.SQL().ExecContext(ctx, s); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			// Several later migrations ask for a rebuild; one is enough.
			if n := db.Reindexes(); n != 1 {
				t.Errorf("the migrations rebuilt the derived data %d times, want once", n)
			}
			o, err := db.FindOrganisation(ctx, "sanankoroba")
			if err != nil {
				t.Fatal(err)
			}
			if o.ID != 7 || o.Name["fr"] != "Sanankoroba" || o.UpdatedAt.UnixMicro() != updated {
				t.Errorf("record after migration: id %d name %v updated %d", o.ID, o.Name, o.UpdatedAt.UnixMicro())
			}
			for _, f := range []proximite.SearchFilter{
				{Query: "sanan"}, {Query: "mali"},
				{Filters: map[string][]string{"country": {"ML"}, "org_kind": {"municipality"}}},
			} {
				r, err := db.Search(ctx, f)
				if err != nil || r.Total != 1 || len(r.Hits) != 1 || r.Hits[0].ID != 7 {
					t.Errorf("search %+v after migration: %+v %v", f, r, err)
				}
			}
			c, err := db.Counts(ctx)
			if err != nil || c[proximite.TypeOrganisation] != 1 {
				t.Errorf("counts after migration: %v %v", c, err)
			}
		})
	}
}

// The registry's version moves with every write and only then, so that
// caches of rendered pages know when to let go.
func TestVersionMovesWithWrites(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		v0, err := db.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Search(ctx, proximite.SearchFilter{Query: "x"}); err != nil {
			t.Fatal(err)
		}
		if v, _ := db.Version(ctx); v != v0 {
			t.Fatalf("a read moved the version from %d to %d", v0, v)
		}
		o := &proximite.Organisation{Meta: meta("kita"), Name: proximite.T("fr", "Kita"), Kind: proximite.Municipality, Country: "ML"}
		if err := db.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
		v1, _ := db.Version(ctx)
		if v1 == v0 {
			t.Fatal("a write left the version unchanged")
		}
		// A write refused by validation changes nothing.
		bad := &proximite.Organisation{Meta: meta("kita"), Name: proximite.T("fr", "Kita bis"), Kind: proximite.Municipality}
		if err := db.CreateOrganisation(ctx, bad); err == nil {
			t.Fatal("duplicate slug accepted")
		}
		if v, _ := db.Version(ctx); v != v1 {
			t.Errorf("a refused write moved the version")
		}
	})
}

// Optimize merges SQLite's text index into one segment and leaves every
// search answering as before.
func TestOptimize(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		before, err := db.Search(ctx, proximite.SearchFilter{Query: "sanan", WithFacets: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		after, err := db.Search(ctx, proximite.SearchFilter{Query: "sanan", WithFacets: true})
		if err != nil || after.Total != before.Total || after.Total == 0 {
			t.Fatalf("after optimize: %+v %v, before %+v", after, err, before)
		}
		if db.Dialect() == "sqlite" {
			var segments int
			if err := db.SQL().QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM records_fts_idx`).Scan(&segments); err != nil {
				t.Fatal(err)
			}
			if segments != 1 {
				t.Errorf("%d segments after optimize, want 1", segments)
			}
		}
	})
}

// Migration 0007 turns the parties' roles stored as one string into text
// per language, taken as French, and leaves the rest of the record as it
// was.
func TestMigrationPartyRoles(t *testing.T) {
	for _, dialect := range sqltest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			db := migratedUpTo(t, dialect, "0006_sign_in_throttle.sql")
			for _, o := range []string{"sainte-elisabeth", "sanankoroba"} {
				if err := db.CreateOrganisation(ctx, &proximite.Organisation{Meta: meta(o), Name: proximite.T("fr", o),
					Kind: proximite.Municipality}); err != nil {
					t.Fatal(err)
				}
			}
			p := &proximite.Partnership{Meta: meta("jumelage"), Title: proximite.T("fr", "Jumelage"), Kind: proximite.ClassicTwinning,
				Parties: []proximite.Party{{Org: "sainte-elisabeth", Side: proximite.North}, {Org: "sanankoroba", Side: proximite.South}}}
			if err := db.CreatePartnership(ctx, p); err != nil {
				t.Fatal(err)
			}
			// The JSON as the store wrote it before: roles as strings.
			old := `{"slug":"jumelage","state":"published","title":{"fr":"Jumelage"},"kind":"classic_twinning",` +
				`"parties":[{"org":"sainte-elisabeth","side":"north","role":"village jumelé","since":"1984"},` +
				`{"org":"sanankoroba","side":"south"}]}`
			if _, err := db.SQL().ExecContext(ctx, `UPDATE record_data SET data = $1 WHERE id = $2`, old, p.ID); err != nil {
				t.Fatal(err)
			}
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			got, err := db.FindPartnership(ctx, "jumelage")
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Parties) != 2 || got.Parties[0].Org != "sainte-elisabeth" || got.Parties[0].Role["fr"] != "village jumelé" ||
				got.Parties[0].Since != "1984" || len(got.Parties[1].Role) != 0 || got.Parties[1].Org != "sanankoroba" {
				t.Errorf("parties after migration: %+v", got.Parties)
			}
		})
	}
}

// migratedUpTo opens a fresh registry of the dialect with the migrations
// up to and including last applied, as an earlier version left it.
func migratedUpTo(t *testing.T, dialect, last string) *sqlstore.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, sqltest.DSN(t, dialect))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.MigrateUpTo(ctx, last); err != nil {
		t.Fatal(err)
	}
	return db
}
