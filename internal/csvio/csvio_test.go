package csvio_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/csvio"
	"github.com/proximite/proximite/internal/demo"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// loadDemo writes the demonstration registry and gives one project money
// that the CSV does not carry.
func loadDemo(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatalf("load the demonstration registry: %v", err)
	}
	p, err := db.FindProject(ctx, moneyProject)
	if err != nil {
		t.Fatal(err)
	}
	p.Budgets = []proximite.Budget{{PeriodStart: "1994", PeriodEnd: "1995",
		Value: proximite.Money{Amount: 15000, Currency: "CAD"}}}
	p.Transactions = []proximite.Transaction{{Type: "3", Date: "1994-06-01",
		Value:    proximite.Money{Amount: 5000, Currency: "CAD"},
		Provider: &proximite.Participant{Org: "fcm"}, Receiver: &proximite.Participant{Org: "nioro-du-rip"}}}
	if err := db.UpdateProject(ctx, p); err != nil {
		t.Fatal(err)
	}
}

const moneyProject = "nioro-du-rip-collecte-ordures"

// export returns the CSV of a type, drafts included.
func export(t *testing.T, db *sqlstore.DB, typ proximite.RecordType, filters map[string][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	f := proximite.SearchFilter{Filters: filters, IncludeUnpublished: true}
	if err := csvio.Export(context.Background(), db, typ, &b, f, csvio.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// importCSV imports a file and returns the report and the error.
func importCSV(t *testing.T, db *sqlstore.DB, typ proximite.RecordType, file string, preview bool) (*csvio.Report, error) {
	t.Helper()
	rep, err := csvio.Import(context.Background(), db, typ, strings.NewReader(file), csvio.ImportOptions{Preview: preview})
	if rep == nil {
		t.Fatalf("no report (error %v)", err)
	}
	return rep, err
}

// snapshot returns every project as JSON by slug, to compare before and
// after an import.
func snapshot(t *testing.T, db *sqlstore.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := db.EachProject(context.Background(), proximite.SearchFilter{IncludeUnpublished: true}, func(p *proximite.Project) error {
		b, err := json.Marshal(p)
		out[p.Slug] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// edit changes one cell of the row of a slug in a CSV file.
func edit(t *testing.T, file []byte, slug, column, value string) string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte(csvio.BOM)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, name := range rows[0] {
		if name == column {
			col = i
		}
	}
	found := false
	for _, row := range rows[1:] {
		if row[0] == slug {
			row[col], found = value, true
		}
	}
	if col < 0 || !found {
		t.Fatalf("no column %q or row %q", column, slug)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return csvio.BOM + b.String()
}

func TestRoundTrip(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		loadDemo(t, db)
		for _, typ := range []proximite.RecordType{proximite.TypeProject, proximite.TypeOrganisation, proximite.TypePartnership} {
			t.Run(string(typ), func(t *testing.T) {
				file := export(t, db, typ, nil)
				if !bytes.HasPrefix(file, []byte(csvio.BOM)) {
					t.Fatal("no byte-order mark")
				}
				rep, err := importCSV(t, db, typ, string(file), true)
				if err != nil || len(rep.Problems) > 0 {
					t.Fatalf("re-import: %v %v", err, rep.Problems)
				}
				if len(rep.Changes) < 3 || rep.Count(csvio.Unchanged) != len(rep.Changes) {
					t.Fatalf("an unchanged file changes something: %+v", rep.Changes)
				}
			})
		}

		before := snapshot(t, db)
		file := export(t, db, proximite.TypeProject, nil)
		edited := edit(t, file, moneyProject, "title_en", "Waste collection in Nioro du Rip")
		rep, err := importCSV(t, db, proximite.TypeProject, edited, true)
		if err != nil || rep.Written {
			t.Fatalf("preview: %v, written %v", err, rep.Written)
		}
		want := []csvio.Change{{Row: 0, Slug: moneyProject, Action: csvio.Updated, Columns: []string{"title_en"}}}
		if got := changed(rep); !reflect.DeepEqual(got, want) {
			t.Fatalf("preview says %+v, want %+v", got, want)
		}
		if after := snapshot(t, db); !reflect.DeepEqual(after, before) {
			t.Fatal("the preview wrote something")
		}

		rep, err = importCSV(t, db, proximite.TypeProject, edited, false)
		if err != nil || !rep.Written || !reflect.DeepEqual(changed(rep), want) {
			t.Fatalf("import: %v %+v", err, rep)
		}
		after := snapshot(t, db)
		for slug, b := range before {
			if slug != moneyProject && after[slug] != b {
				t.Errorf("%s changed:\n%s\n%s", slug, b, after[slug])
			}
		}
		p, err := db.FindProject(context.Background(), moneyProject)
		if err != nil {
			t.Fatal(err)
		}
		if p.Title["en"] != "Waste collection in Nioro du Rip" || p.Title["fr"] != "Système de collecte des ordures à Nioro du Rip" {
			t.Fatalf("title: %v", p.Title)
		}
		if len(p.Transactions) != 1 || p.Transactions[0].Provider.Org != "fcm" || len(p.Budgets) != 1 ||
			len(p.Results) != 3 || len(p.Locations) != 1 || len(p.InKind) != 0 {
			t.Fatalf("parts outside the CSV were touched: %+v", p)
		}
		var old proximite.Project
		json.Unmarshal([]byte(before[moneyProject]), &old)
		old.Title["en"], old.UpdatedAt = p.Title["en"], p.UpdatedAt
		if !reflect.DeepEqual(&old, p) {
			t.Fatalf("more than the title changed:\n%+v\n%+v", &old, p)
		}
	})
}

// changed returns the changes other than "unchanged", without row numbers.
func changed(rep *csvio.Report) []csvio.Change {
	var out []csvio.Change
	for _, c := range rep.Changes {
		if c.Action != csvio.Unchanged {
			c.Row = 0
			out = append(out, c)
		}
	}
	return out
}
