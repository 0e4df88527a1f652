package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// On PostgreSQL, rows of many values go as one array for each column,
// cast to the columns' types: numbers, named string types, NULLs,
// pointers, and "?" inside an expression, as the records' text index
// column takes them; a conflict in the tail still skips a row.
func TestUnnestInsert(t *testing.T) {
	db := sqltest.Open(t, "postgres")
	year := 2024
	ok, n, got, err := db.UnnestRoundTrip(context.Background(),
		`CREATE TEMP TABLE unnested (id BIGINT PRIMARY KEY, kind TEXT, year INT, tsv TSVECTOR, shown BOOLEAN, amount NUMERIC)`,
		`INSERT INTO unnested (id, kind, year, tsv, shown, amount)`,
		`(?, ?, ?, to_tsvector('simple', ?) || array_to_tsvector(string_to_array(?, ' ')), ?, ?)`,
		` ON CONFLICT (id) DO NOTHING`,
		[][]any{
			{int64(1), proximite.TypeProject, &year, "eau potable, Sanankoroba", "state_published", true, 1250.5},
			{int64(2), "organisation", nil, "Sainte-Élisabeth", "", false, int64(-3)},
			{int64(1), "repeated", nil, "x", "", false, 0},
		},
		`SELECT concat_ws('|', id, kind, coalesce(year::text, 'null'), tsv::text, shown, amount) FROM unnested ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Fatal("unnestInsert did not take the rows")
	}
	want := []string{
		"1|project|2024|'eau':1 'potable':2 'sanankoroba':3 'state_published'|t|1250.5",
		"2|organisation|null|'sainte':2 'sainte-élisabeth':1 'élisabeth':3|f|-3",
	}
	if n != 2 || !slices.Equal(got, want) {
		t.Errorf("wrote %d rows:\n%q\nwant 2:\n%q", n, got, want)
	}
}
