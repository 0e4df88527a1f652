package sqlstore_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
	"github.com/proximite/proximite/internal/synthetic"
)

// statsFilters draws combined filters from the values the registry has,
// with a value it lacks now and then, and territories.
func statsFilters(t *testing.T, db *sqlstore.DB, n int) []proximite.StatsFilter {
	t.Helper()
	ctx := context.Background()
	values := map[string][]string{}
	res, err := db.Search(ctx, proximite.SearchFilter{Limit: 1, WithFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{proximite.FacetCountry, proximite.FacetSectorCategory, proximite.FacetOrgKind, proximite.FacetForm} {
		for _, c := range res.Facets[f] {
			values[f] = append(values[f], c.Value)
		}
		if len(values[f]) == 0 {
			t.Fatalf("the registry has no value of %s", f)
		}
		values[f] = append(values[f], "zz-none")
	}
	ts, err := db.Territories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 11))
	pick := func(f string) []string {
		out := []string{values[f][r.IntN(len(values[f]))]}
		if r.IntN(3) == 0 {
			out = append(out, values[f][r.IntN(len(values[f]))])
		}
		return out
	}
	var out []proximite.StatsFilter
	for len(out) < n {
		var f proximite.StatsFilter
		if r.IntN(2) == 0 {
			f.Country = pick(proximite.FacetCountry)
		}
		if r.IntN(2) == 0 {
			f.Sector = pick(proximite.FacetSectorCategory)
		}
		if r.IntN(2) == 0 {
			f.OrgKind = pick(proximite.FacetOrgKind)
		}
		if r.IntN(3) == 0 {
			f.Form = pick(proximite.FacetForm)
		}
		if r.IntN(3) == 0 {
			f.FromYear = 1995 + r.IntN(25)
		}
		if r.IntN(3) == 0 {
			f.ToYear = 2000 + r.IntN(25)
		}
		if len(ts) > 0 && r.IntN(4) == 0 {
			f.Territory = ts[r.IntN(len(ts))].Slug
		}
		if !f.Empty() {
			out = append(out, f)
		}
	}
	return out
}

// checkIndex compares the index's figures with the records' for every
// filter, and says how many filters counted projects.
func checkIndex(t *testing.T, db *sqlstore.DB, filters []proximite.StatsFilter) int {
	t.Helper()
	ctx := context.Background()
	counted := 0
	for _, f := range filters {
		got, err := db.IndexedStats(ctx, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		want, err := db.ComputedStats(ctx, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v:\nthe index says   %+v\nthe records say %+v", f, got, want)
		}
		if want.Projects > 0 {
			counted++
		}
	}
	return counted
}

// TestStatsIndexMatchesRecords checks the in-memory index of the
// dashboard against the counts made in the database, on a synthetic
// registry, and again after writes of every kind, by this instance and
// by another sharing the database.
func TestStatsIndexMatchesRecords(t *testing.T) {
	for _, dialect := range sqltest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			dsn := sqltest.DSN(t, dialect)
			db := sqltest.OpenDSN(t, dsn)
			if err := synthetic.Generate(ctx, db, 600, 3, nil); err != nil {
				t.Fatal(err)
			}
			filters := statsFilters(t, db, 60)
			if n := checkIndex(t, db, filters); n < len(filters)/4 {
				t.Fatalf("only %d of %d filters counted projects: the comparison proves little", n, len(filters))
			}

			// Writes: a project moved to another country, one unpublished,
			// one deleted, a visit unpublished, by this instance; a project
			// moved by another instance.
			other := sqltest.OpenDSN(t, dsn)
			ids := publishedIDs(t, db, proximite.TypeProject, 4)
			p := findProject(t, db, ids[0])
			p.Countries = []proximite.CountryShare{{Code: "BF"}}
			if err := db.UpdateProject(ctx, p); err != nil {
				t.Fatal(err)
			}
			p = findProject(t, db, ids[1])
			p.State = proximite.Draft
			if err := db.UpdateProject(ctx, p); err != nil {
				t.Fatal(err)
			}
			if err := db.DeleteProject(ctx, ids[2]); err != nil {
				t.Fatal(err)
			}
			v, err := db.FindVisit(ctx, strconv.FormatInt(publishedIDs(t, db, proximite.TypeVisit, 1)[0], 10))
			if err != nil {
				t.Fatal(err)
			}
			v.State = proximite.Draft
			if err := db.UpdateVisit(ctx, v); err != nil {
				t.Fatal(err)
			}
			p = findProject(t, other, ids[3])
			p.Countries = []proximite.CountryShare{{Code: "HT"}}
			if err := other.UpdateProject(ctx, p); err != nil {
				t.Fatal(err)
			}
			before, _ := db.StatsIndexRows()
			checkIndex(t, db, filters)
			checkIndex(t, db, []proximite.StatsFilter{{Country: []string{"HT"}, FromYear: 1990}, {Country: []string{"BF", "HT"}}})
			after, version := db.StatsIndexRows()
			if after != before-3 {
				t.Errorf("the index holds %d records after the writes, %d before: want 3 fewer", after, before)
			}
			if want, _ := db.Version(ctx); version != want {
				t.Errorf("the index is at version %d, the registry at %d", version, want)
			}

			// An index further behind than the change log is rebuilt.
			if _, err := db.SQL().ExecContext(ctx, `UPDATE registry_version SET n = 8191`); err != nil {
				t.Fatal(err)
			}
			p = findProject(t, other, ids[0])
			p.Countries = []proximite.CountryShare{{Code: "NE"}}
			if err := other.UpdateProject(ctx, p); err != nil { // version 8192: the log is pruned
				t.Fatal(err)
			}
			var from, oldest int64
			if err := db.SQL().QueryRowContext(ctx, `SELECT changes_from, (SELECT coalesce(min(version), 0) FROM record_changes)
				FROM registry_version`).Scan(&from, &oldest); err != nil {
				t.Fatal(err)
			}
			if from != 8192-4096 || oldest != 8192 {
				t.Errorf("after the pruning the log starts at %d and holds from version %d: want 4096 and 8192", from, oldest)
			}
			checkIndex(t, db, append(filters, proximite.StatsFilter{Country: []string{"NE"}, ToYear: 2100}))
			if _, version := db.StatsIndexRows(); version != 8192 {
				t.Errorf("the rebuilt index is at version %d, want 8192", version)
			}
		})
	}
}

func publishedIDs(t *testing.T, db *sqlstore.DB, typ proximite.RecordType, n int) []int64 {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT id FROM records WHERE type = $1 AND state = $2
		AND EXISTS (SELECT 1 FROM record_amounts a WHERE a.record_id = records.id) ORDER BY id LIMIT `+strconv.Itoa(n),
		string(typ), string(proximite.Published))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) < n {
		t.Fatalf("%d published %ss with amounts, want %d", len(ids), typ, n)
	}
	return ids
}

func findProject(t *testing.T, db *sqlstore.DB, id int64) *proximite.Project {
	t.Helper()
	p, err := db.FindProject(context.Background(), strconv.FormatInt(id, 10))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
