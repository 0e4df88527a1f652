package sqlstore_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// derivedQueries list every table a record's write derives, in a fixed
// order: records with their times, JSON, facet values, links, amounts,
// counts, totals, the statistics' cube and the log of their changes.
var derivedQueries = []string{
	`SELECT id, type, slug, state, title, sort_title, names, year, facets, created_at, updated_at FROM records ORDER BY id`,
	`SELECT id, data FROM record_data ORDER BY id`,
	`SELECT record_id, facet, value FROM search_terms ORDER BY record_id, facet, value`,
	`SELECT from_id, rel, to_id FROM links ORDER BY from_id, rel, to_id`,
	`SELECT record_id, measure, year, currency, value FROM record_amounts ORDER BY record_id, measure, year, currency`,
	`SELECT type, facet, value, n FROM facet_counts ORDER BY type, facet, value`,
	`SELECT type, measure, year, currency, value FROM amount_totals ORDER BY type, measure, year, currency`,
	`SELECT type, filter, shown, n FROM stats_cube ORDER BY type, filter, shown`,
	`SELECT type, filter, measure, year, currency, value FROM stats_cube_amounts ORDER BY type, filter, measure, year, currency`,
	`SELECT version, record_id FROM record_changes ORDER BY version, record_id`,
}

// dump returns every derived table of a database and its text index.
func dump(t *testing.T, db *sqlstore.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, q := range append(derivedQueries, db.TextIndexQuery()) {
		rows, err := db.Dump(context.Background(), q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out[q] = rows
	}
	return out
}

// sameTables fails when two databases' derived tables differ, naming
// the first row that does.
func sameTables(t *testing.T, got, want map[string][]string) {
	t.Helper()
	for q, w := range want {
		g := got[q]
		for i := 0; i < max(len(g), len(w)); i++ {
			var gi, wi string
			if i < len(g) {
				gi = g[i]
			}
			if i < len(w) {
				wi = w[i]
			}
			if gi != wi {
				t.Errorf("%s\nrow %d:\n got  %q\n want %q", q, i, gi, wi)
				break
			}
		}
	}
}

// twoStores opens two databases of a dialect holding the same fixture,
// at the same fixed time.
func twoStores(t *testing.T, dialect string) (*sqlstore.DB, *sqlstore.DB) {
	var dbs [2]*sqlstore.DB
	for i := range dbs {
		dbs[i] = sqltest.Open(t, dialect)
		dbs[i].Now = func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }
		fixture(t, dbs[i])
	}
	return dbs[0], dbs[1]
}

// mixedBatch is new organisations, a partnership, projects and a visit
// that refer to each other and to the fixture's records, published and
// drafts, with amounts, and in the middle the update of a stored
// project that refers to a new organisation.
func mixedBatch(t *testing.T, db *sqlstore.DB) []any {
	t.Helper()
	pct := func(f float64) *float64 { return &f }
	stored, err := db.FindProject(context.Background(), "alphabetisation-sanankoroba")
	if err != nil {
		t.Fatal(err)
	}
	stored.Title["en"] = "Literacy in Sanankoroba"
	stored.Participants = append(stored.Participants, proximite.Participant{Org: "lac-megantic", Role: "3"})
	stored.Budgets = []proximite.Budget{{PeriodStart: "1994-01-01", PeriodEnd: "1994-12-31", Value: proximite.Money{Amount: 2500, Currency: "CAD"}}}
	draft := proximite.Meta{Slug: "forage-kedougou", State: proximite.Draft}
	return []any{
		&proximite.Organisation{Meta: meta("lac-megantic"), Name: proximite.T("fr", "Lac-Mégantic"), Kind: proximite.Municipality, Country: "CA", Subdivision: "QC"},
		&proximite.Organisation{Meta: proximite.Meta{Slug: "kedougou"}, Name: proximite.T("fr", "Kédougou"), Kind: proximite.Municipality, Country: "SN"},
		&proximite.Partnership{Meta: meta("lac-megantic-kedougou"), Title: proximite.T("fr", "Jumelage Lac-Mégantic–Kédougou"),
			Kind: proximite.CooperationTwinning, Form: proximite.Solidarity, Start: "2008",
			Parties: []proximite.Party{{Org: "lac-megantic", Side: proximite.North}, {Org: "kedougou", Side: proximite.South},
				{Org: "benkadi", Side: proximite.South}}},
		&proximite.Project{Meta: meta("eau-kedougou"), Title: proximite.T("fr", "Eau potable à Kédougou", "en", "Drinking water in Kédougou"),
			Status: "2", ActualStart: "2010", Partnership: "lac-megantic-kedougou",
			Participants: []proximite.Participant{{Org: "lac-megantic", Role: "1"}, {Org: "sanankoroba", Role: "4"}, {Org: "lac-megantic", Role: "3"}},
			Sectors:      []proximite.SectorShare{{Code: "14030", Percentage: pct(70)}, {Code: "12220", Percentage: pct(30)}},
			Countries:    []proximite.CountryShare{{Code: "SN"}, {Code: "ML"}},
			Budgets:      []proximite.Budget{{PeriodStart: "2010-01-01", PeriodEnd: "2010-12-31", Value: proximite.Money{Amount: 12000.5, Currency: "CAD"}}},
			Transactions: []proximite.Transaction{
				{Type: "3", Date: "2011-03-01", Value: proximite.Money{Amount: 4000, Currency: "CAD"}},
				{Type: "4", Date: "2011-06-01", Value: proximite.Money{Amount: 1500000, Currency: "XOF"}},
				{Type: "2", Date: "2010-02-01", Value: proximite.Money{Amount: 9999, Currency: "CAD"}}}},
		stored,
		&proximite.Project{Meta: draft, Title: proximite.T("fr", "Forage à Kédougou"), Status: "1", PlannedStart: "2027",
			Partnership: "lac-megantic-kedougou", Participants: []proximite.Participant{{Org: "kedougou", Role: "4"}},
			Sectors:   []proximite.SectorShare{{Code: "14030"}},
			Countries: []proximite.CountryShare{{Code: "SN"}},
			Budgets:   []proximite.Budget{{PeriodStart: "2027-01-01", PeriodEnd: "2027-12-31", Value: proximite.Money{Amount: 800, Currency: "CAD"}}}},
		&proximite.Project{Meta: meta("sante-sanankoroba"), Title: proximite.T("fr", "Santé à Sanankoroba"), Status: "3", ActualStart: "2003",
			Partnership: "sainte-elisabeth-sanankoroba", Participants: []proximite.Participant{{Org: "sainte-elisabeth", Role: "1"}, {Org: "kedougou", Role: "2"}},
			Sectors:      []proximite.SectorShare{{Code: "12220"}},
			Countries:    []proximite.CountryShare{{Code: "ML"}},
			Transactions: []proximite.Transaction{{Type: "3", Date: "2004-05-01", Value: proximite.Money{Amount: 700, Currency: "XOF"}}}},
		&proximite.Visit{Meta: meta("visite-kedougou-2012"), Title: proximite.T("fr", "Délégation à Kédougou"),
			Direction: proximite.NorthToSouth, Partnership: "lac-megantic-kedougou", From: "lac-megantic", To: "kedougou",
			With: []string{"sainte-elisabeth"}, Start: "2012-05", People: []proximite.Travellers{{Kind: proximite.ParticipantKind("elected"), Count: 4}}},
		&proximite.Organisation{Meta: meta("comite-eau-kedougou"), Name: proximite.T("fr", "Comité de l'eau de Kédougou"), Kind: proximite.CommunityGroup, Country: "SN"},
	}
}

// TestSaveManyWritesAsOneByOne writes the same records with SaveMany,
// which writes new records together, and one by one, and finds every
// derived table, the text index and searches the same.
func TestSaveManyWritesAsOneByOne(t *testing.T) {
	for _, dialect := range sqltest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			batched, single := twoStores(t, dialect)
			if err := batched.SaveMany(ctx, mixedBatch(t, batched)...); err != nil {
				t.Fatal(err)
			}
			if err := single.SaveOneByOne(ctx, mixedBatch(t, single)...); err != nil {
				t.Fatal(err)
			}
			got, want := dump(t, batched), dump(t, single)
			for _, q := range derivedQueries {
				if len(want[q]) == 0 {
					t.Errorf("nothing to compare in %s", q)
				}
			}
			sameTables(t, got, want)
			for _, words := range []string{"kedougou", "eau", "sanankoroba", "jumelage mega", "literacy"} {
				f := proximite.SearchFilter{Query: words, IncludeUnpublished: true, WithFacets: true, Limit: 20}
				g, err := batched.Search(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				w, err := single.Search(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if g.Total == 0 || !reflect.DeepEqual(g, w) {
					t.Errorf("search %q:\n got  %+v\n want %+v", words, g, w)
				}
			}
			// A project is found by the names of its organisations, which
			// are indexed with its own text.
			for words, slug := range map[string]string{"megantic eau": "eau-kedougou", "sainte elisabeth sante": "sante-sanankoroba"} {
				g, err := batched.Search(ctx, proximite.SearchFilter{Query: words, IncludeUnpublished: true, Limit: 50})
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, h := range g.Hits {
					found = found || h.Slug == slug
				}
				if !found {
					t.Errorf("search %q does not find %s: %+v", words, slug, g.Hits)
				}
			}
			// The demonstration registry mixes updates, new records and
			// publications, whose files are read as they are written.
			if _, err := demo.Load(ctx, batched); err != nil {
				t.Fatal(err)
			}
			if _, err := demo.Load(ctx, oneByOne{single}); err != nil {
				t.Fatal(err)
			}
			sameTables(t, dump(t, batched), dump(t, single))
		})
	}
}

// oneByOne loads the demonstration registry with SaveOneByOne.
type oneByOne struct{ *sqlstore.DB }

func (s oneByOne) SaveMany(ctx context.Context, recs ...any) error {
	return s.SaveOneByOne(ctx, recs...)
}

// TestSaveManyRefusesWhole gives SaveMany batches with a bad record
// among new ones: a slug already stored, a slug twice in the batch, a
// missing reference before a taken slug. Each gives the error that
// writing the records one by one gives, naming the same record, and
// leaves the registry as it was.
func TestSaveManyRefusesWhole(t *testing.T) {
	org := func(slug string) *proximite.Organisation {
		return &proximite.Organisation{Meta: meta(slug), Name: proximite.T("fr", slug), Kind: proximite.Municipality, Country: "SN"}
	}
	twinning := func(slug, north, south string) *proximite.Partnership {
		return &proximite.Partnership{Meta: meta(slug), Title: proximite.T("fr", slug), Kind: proximite.CooperationTwinning,
			Form: proximite.Solidarity, Start: "2001",
			Parties: []proximite.Party{{Org: north, Side: proximite.North}, {Org: south, Side: proximite.South}}}
	}
	cases := []struct {
		name  string
		recs  func() []any
		code  string
		about string
	}{
		{"stored slug", func() []any {
			return []any{org("thies"), twinning("thies-sainte-elisabeth", "sainte-elisabeth", "thies"), org("benkadi"), org("louga")}
		}, proximite.ECONFLICT, "record 2 (organisation benkadi)"},
		{"slug twice", func() []any {
			return []any{org("thies"), org("louga"), twinning("thies-sainte-elisabeth", "sainte-elisabeth", "thies"), org("thies")}
		}, proximite.ECONFLICT, "record 3 (organisation thies)"},
		{"missing reference first", func() []any {
			return []any{org("thies"), twinning("louga-sainte-elisabeth", "sainte-elisabeth", "louga"), org("benkadi")}
		}, proximite.EINVALID, "record 1 (partnership louga-sainte-elisabeth)"},
	}
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		fixture(t, db)
		before := dump(t, db)
		for _, c := range cases {
			err := db.SaveMany(ctx, c.recs()...)
			if proximite.ErrorCode(err) != c.code || !strings.Contains(err.Error(), c.about) {
				t.Errorf("%s: got %v, want %s about %s", c.name, err, c.code, c.about)
			}
			if one := db.SaveOneByOne(ctx, c.recs()...); err == nil || one == nil || one.Error() != err.Error() {
				t.Errorf("%s: got %v, one by one %v", c.name, err, one)
			}
			sameTables(t, dump(t, db), before)
		}
	})
}
