package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// The statistics' cube answers the dashboard filtered on one facet value
// (Mali, water and sanitation, municipalities, solidarity) or on a
// period, whatever the registry's size: for each published partnership,
// project and visit, every write adds to stats_cube one count per pair
// of a value it can be filtered on and a value the dashboard shows
// ("country=ML" and "sector=140"), and to stats_cube_amounts its amounts
// per value it can be filtered on. Filters that combine several facets,
// several values of one facet or a territory are answered from the
// matching records instead (stats.go).

// cubeFilters are the facets the dashboard filters on.
var cubeFilters = map[string]bool{proximite.FacetCountry: true, proximite.FacetSectorCategory: true,
	proximite.FacetOrgKind: true, proximite.FacetForm: true, proximite.FacetYear: true}

type cubeKey struct{ typ, filter, shown string }

type cubeAmountKey struct {
	typ, filter, measure string
	year                 int
	currency             string
}

// cubed says whether a type's records are in the cube.
func cubed(typ proximite.RecordType) bool {
	return typ == proximite.TypePartnership || typ == proximite.TypeProject || typ == proximite.TypeVisit
}

// updateCube takes a record's old facets and amounts off the cube when
// it was published, and adds the new ones when it is. It runs before the
// record's search terms and amounts are replaced, while the old ones can
// still be read.
func updateCube(tx *wtx, typ proximite.RecordType, id int64, wasPublished, isPublished bool, facets []facet, amounts []amount) error {
	if cubed(typ) {
		tx.changed(id)
	}
	if tx.noAmounts || !cubed(typ) {
		return nil
	}
	if wasPublished && !tx.cubeEmpty {
		old, err := oldFacets(tx, id)
		if err != nil {
			return err
		}
		oldAmounts, err := storedAmounts(tx, id)
		if err != nil {
			return err
		}
		tx.addCube(string(typ), old, oldAmounts, -1)
	}
	if isPublished {
		tx.addCube(string(typ), facets, amounts, 1)
	}
	return nil
}

func oldFacets(tx *wtx, id int64) ([]facet, error) {
	rows, err := tx.rows(`SELECT facet, value FROM search_terms WHERE record_id = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []facet
	for rows.Next() {
		var f facet
		if err := rows.Scan(&f.name, &f.value); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

func storedAmounts(tx *wtx, id int64) ([]amount, error) {
	rows, err := tx.rows(`SELECT measure, year, currency, value FROM record_amounts WHERE record_id = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []amount
	for rows.Next() {
		var a amount
		if err := rows.Scan(&a.measure, &a.year, &a.currency, &a.value); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// shownFacet says whether the dashboard shows a facet of a type.
func shownFacet(typ, name string) bool {
	return name == proximite.FacetType || statsFacet(typ, name)
}

// addCube gathers the cube's changes for one record, applied at commit.
func (t *wtx) addCube(typ string, facets []facet, amounts []amount, sign int64) {
	if t.cube == nil {
		t.cube, t.cubeAmounts = map[cubeKey]int64{}, map[cubeAmountKey]int64{}
	}
	for _, f := range facets {
		if !cubeFilters[f.name] {
			continue
		}
		filter := f.name + "=" + f.value
		for _, s := range facets {
			if shownFacet(typ, s.name) {
				t.cube[cubeKey{typ, filter, s.name + "=" + s.value}] += sign
			}
		}
		for _, a := range amounts {
			t.cubeAmounts[cubeAmountKey{typ, filter, a.measure, a.year, a.currency}] += sign * a.value
		}
	}
}

// flushCube applies the gathered changes to the cube's tables.
func (t *wtx) flushCube() error {
	var rows [][]any
	for k, n := range t.cube {
		if n != 0 {
			rows = append(rows, []any{k.typ, k.filter, k.shown, n})
		}
	}
	sortRows(rows)
	if _, err := t.insertMany(`INSERT INTO stats_cube (type, filter, shown, n)`, `(?, ?, ?, ?)`,
		` ON CONFLICT (type, filter, shown) DO UPDATE SET n = stats_cube.n + excluded.n`, rows); err != nil {
		return err
	}
	rows = rows[:0]
	for k, v := range t.cubeAmounts {
		if v != 0 {
			rows = append(rows, []any{k.typ, k.filter, k.measure, k.year, k.currency, v})
		}
	}
	sortRows(rows)
	if _, err := t.insertMany(`INSERT INTO stats_cube_amounts (type, filter, measure, year, currency, value)`, `(?, ?, ?, ?, ?, ?)`,
		` ON CONFLICT (type, filter, measure, year, currency) DO UPDATE SET value = stats_cube_amounts.value + excluded.value`, rows); err != nil {
		return err
	}
	clear(t.cube)
	clear(t.cubeAmounts)
	return nil
}

// cubeFilter returns the cube's filter values that answer f, when the
// cube can: one value of one facet, or a period alone, whose years are
// disjoint so that their counts add up.
func cubeFilter(f proximite.StatsFilter) ([]string, bool) {
	if f.Territory != "" {
		return nil, false
	}
	var one []string
	n := 0
	for name, values := range map[string][]string{proximite.FacetCountry: f.Country, proximite.FacetSectorCategory: f.Sector,
		proximite.FacetOrgKind: f.OrgKind, proximite.FacetForm: f.Form} {
		if values = nonEmpty(values); len(values) > 0 {
			n++
			if len(values) > 1 {
				return nil, false
			}
			one = []string{name + "=" + values[0]}
		}
	}
	period := f.FromYear > 0 || f.ToYear > 0
	switch {
	case n == 1 && !period:
		return one, true
	case n == 0 && period:
		from, to := max(f.FromYear, proximite.MinStatsYear), f.ToYear
		if to == 0 {
			to = proximite.MaxStatsYear
		}
		var years []string
		for y := from; y <= to; y++ {
			years = append(years, proximite.FacetYear+"="+strconv.Itoa(y))
		}
		return years, true
	}
	return nil, false
}

// splitShown cuts "sector=140" into the facet and its value.
func splitShown(s string) (string, string) {
	name, value, _ := strings.Cut(s, "=")
	return name, value
}

// tableEmpty reports whether a table has no row.
func tableEmpty(ctx context.Context, tx *sql.Tx, table string) bool {
	var n int
	tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+table+` LIMIT 1) x`).Scan(&n)
	return n == 0
}
