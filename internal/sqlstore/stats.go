package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"

	"github.com/proximite/proximite"
)

var _ proximite.StatsService = (*DB)(nil)

// statsTypes are the records the dashboard counts.
var statsTypes = []string{string(proximite.TypePartnership), string(proximite.TypeProject), string(proximite.TypeVisit)}

// Statistics computes the dashboard's figures. Without a filter they come
// from the totals kept up to date on every write (facet_counts,
// amount_totals), with one facet value or a period from the cube
// (cube.go), both at the same cost whatever the registry's size; with
// combined filters, from the in-memory index (statsindex.go), or while it
// is being built from the records that match, through the indexes on
// search_terms, links and record_amounts, never from the records' JSON.
func (d *DB) Statistics(ctx context.Context, f proximite.StatsFilter) (*proximite.Stats, error) {
	var s *proximite.Stats
	var err error
	if filters, ok := cubeFilter(f); f.Empty() {
		s, err = d.cachedStats(ctx)
	} else if ok {
		s, err = d.cubeStats(ctx, filters)
	} else if s, ok, err = d.indexedStats(ctx, f, false); err == nil && !ok {
		s, err = d.filteredStats(ctx, f)
	}
	if err != nil {
		return nil, fmt.Errorf("statistics: %w", err)
	}
	sortStats(s)
	return s, nil
}

// statsFacet says which facet of which type the dashboard shows.
func statsFacet(typ, name string) bool {
	switch typ {
	case string(proximite.TypeVisit):
		return name == proximite.FacetDirection
	case string(proximite.TypeProject):
		return name == proximite.FacetSectorCategory || name == proximite.FacetCountry || name == proximite.FacetYear
	}
	return false
}

// addCount adds one count of the maintained or computed tallies to the
// figures, if the dashboard shows it.
func addCount(s *proximite.Stats, typ, name, value string, n int) {
	fc := proximite.FacetCount{Value: value, Count: n}
	switch {
	case name == proximite.FacetType && typ == string(proximite.TypePartnership):
		s.Partnerships += n
	case name == proximite.FacetType && typ == string(proximite.TypeProject):
		s.Projects += n
	case name == proximite.FacetType && typ == string(proximite.TypeVisit):
		s.Visits += n
	case !statsFacet(typ, name):
	case name == proximite.FacetDirection:
		s.VisitsByDirection = append(s.VisitsByDirection, fc)
	case name == proximite.FacetSectorCategory:
		s.Sectors = append(s.Sectors, fc)
	case name == proximite.FacetCountry:
		s.Countries = append(s.Countries, fc)
	case name == proximite.FacetYear:
		s.ProjectsByYear = append(s.ProjectsByYear, fc)
	}
}

// addCounts adds rows of (type, facet, value, count) to s, and closes
// them. A record's type is among its facets: only its own counts.
func addCounts(s *proximite.Stats, rows *sql.Rows) error {
	defer rows.Close()
	for rows.Next() {
		var typ, name, value string
		var n int
		if err := rows.Scan(&typ, &name, &value, &n); err != nil {
			return err
		}
		if name != proximite.FacetType || value == typ {
			addCount(s, typ, name, value, n)
		}
	}
	return rows.Err()
}

func (d *DB) cachedStats(ctx context.Context) (*proximite.Stats, error) {
	s := &proximite.Stats{}
	q := &query{}
	rows, err := d.db.QueryContext(ctx, `SELECT type, facet, value, n FROM facet_counts
		WHERE n > 0 AND type IN (`+q.in(statsTypes)+`)`, q.args...)
	if err != nil {
		return nil, err
	}
	if err := addCounts(s, rows); err != nil {
		return nil, err
	}
	aq := &query{}
	s.Amounts, err = d.amounts(ctx, `SELECT measure, year, currency, value FROM amount_totals
		WHERE value <> 0 AND type IN (`+aq.in(statsTypes)+`)`, aq.args...)
	return s, err
}

// cubeStats reads the figures of a one-facet or period filter from the
// cube (cube.go).
func (d *DB) cubeStats(ctx context.Context, filters []string) (*proximite.Stats, error) {
	s := &proximite.Stats{}
	q := &query{}
	where := ` WHERE type IN (` + q.in(statsTypes) + `) AND filter IN (` + q.in(filters) + `)`
	rows, err := d.db.QueryContext(ctx, `SELECT type, shown, CAST(sum(n) AS BIGINT) FROM stats_cube`+where+
		` GROUP BY type, shown`, q.args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var typ, shown string
		var n int
		if err := rows.Scan(&typ, &shown, &n); err != nil {
			rows.Close()
			return nil, err
		}
		name, value := splitShown(shown)
		if n > 0 && (name != proximite.FacetType || value == typ) {
			addCount(s, typ, name, value, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	s.Amounts, err = d.amounts(ctx, `SELECT measure, year, currency, CAST(sum(value) AS BIGINT) FROM stats_cube_amounts`+
		where+` GROUP BY measure, year, currency`, q.args...)
	return s, err
}

// filteredStats counts the published records that match the filter.
func (d *DB) filteredStats(ctx context.Context, f proximite.StatsFilter) (*proximite.Stats, error) {
	q, none, err := d.statsQuery(ctx, f)
	if err != nil || none {
		return &proximite.Stats{}, err
	}
	// One pass over the matching records gives both the counts per type
	// (every record has its type among its terms) and the facets shown.
	s := &proximite.Stats{}
	fq := *q
	fq.args = append([]any{}, q.args...)
	facetCond := fmt.Sprintf(`(t.facet = %s OR (r.type = %s AND t.facet = %s) OR (r.type = %s AND t.facet IN (%s, %s, %s)))`,
		fq.arg(proximite.FacetType), fq.arg(string(proximite.TypeVisit)), fq.arg(proximite.FacetDirection),
		fq.arg(string(proximite.TypeProject)), fq.arg(proximite.FacetSectorCategory), fq.arg(proximite.FacetCountry),
		fq.arg(proximite.FacetYear))
	rows, err := d.db.QueryContext(ctx, `SELECT r.type, t.facet, t.value, count(*) FROM records r
		JOIN search_terms t ON t.record_id = r.id`+fq.where()+` AND `+facetCond+` GROUP BY r.type, t.facet, t.value`, fq.args...)
	if err != nil {
		return nil, err
	}
	if err := addCounts(s, rows); err != nil {
		return nil, err
	}
	s.Amounts, err = d.amounts(ctx, `SELECT a.measure, a.year, a.currency, CAST(sum(a.value) AS BIGINT)
		FROM records r JOIN record_amounts a ON a.record_id = r.id`+q.where()+
		` GROUP BY a.measure, a.year, a.currency`, q.args...)
	return s, err
}

// statsQuery turns the filter into conditions on records r. None says
// that the territory has no organisation, so nothing can match.
func (d *DB) statsQuery(ctx context.Context, f proximite.StatsFilter) (q *query, none bool, err error) {
	q = &query{}
	q.conds = append(q.conds, "r.type IN ("+q.in(statsTypes)+")", "r.state = "+q.arg(string(proximite.Published)))
	if f.FromYear > 0 {
		q.conds = append(q.conds, "r.year >= "+q.arg(f.FromYear))
	}
	if f.ToYear > 0 {
		q.conds = append(q.conds, "r.year BETWEEN 1 AND "+q.arg(f.ToYear))
	}
	type facetCond struct {
		name   string
		values []string
		n      int // how many records carry one of the values
	}
	var facets []facetCond
	for _, c := range []facetCond{{name: proximite.FacetCountry, values: f.Country}, {name: proximite.FacetSectorCategory, values: f.Sector},
		{name: proximite.FacetOrgKind, values: f.OrgKind}, {name: proximite.FacetForm, values: f.Form}} {
		if c.values = nonEmpty(c.values); len(c.values) > 0 {
			if c.n, err = d.facetCount(ctx, c.name, c.values); err != nil {
				return nil, false, err
			}
			facets = append(facets, c)
		}
	}
	// The rarest condition reads its records from an index; the others
	// are checked on each of those records, which costs one look-up each
	// instead of gathering and sorting every record they match.
	sort.SliceStable(facets, func(i, j int) bool { return facets[i].n < facets[j].n })
	driven := false
	if f.Territory != "" {
		ids, err := d.territoryIDs(ctx, f.Territory)
		if err != nil {
			return nil, false, err
		}
		if len(ids) == 0 {
			return nil, true, nil
		}
		q.conds = append(q.conds, "r.id IN (SELECT from_id FROM links WHERE to_id IN ("+q.in64(ids)+"))")
		driven = true
	}
	for _, c := range facets {
		if !driven {
			q.conds = append(q.conds, fmt.Sprintf(`r.id IN (SELECT record_id FROM search_terms
				WHERE facet = %s AND value IN (%s))`, q.arg(c.name), q.in(c.values)))
			driven = true
			continue
		}
		q.conds = append(q.conds, fmt.Sprintf(`EXISTS (SELECT 1 FROM search_terms x
			WHERE x.record_id = r.id AND x.facet = %s AND x.value IN (%s))`, q.arg(c.name), q.in(c.values)))
	}
	return q, false, nil
}

// facetCount is how many published records of the dashboard's types
// carry one of the values, from the maintained counts.
func (d *DB) facetCount(ctx context.Context, name string, values []string) (int, error) {
	q := &query{}
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM facet_counts WHERE type IN (`+q.in(statsTypes)+
		`) AND facet = `+q.arg(name)+` AND value IN (`+q.in(values)+`)`, q.args...).Scan(&n)
	return n, err
}

// amounts reads sums in hundredths and returns them as quantities.
func (d *DB) amounts(ctx context.Context, sqlText string, args ...any) ([]proximite.Amount, error) {
	rows, err := d.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sums := map[proximite.Amount]int64{}
	for rows.Next() {
		var a proximite.Amount
		var v int64
		if err := rows.Scan(&a.Measure, &a.Year, &a.Currency, &v); err != nil {
			return nil, err
		}
		sums[a] += v
	}
	out := []proximite.Amount{}
	for a, v := range sums {
		if v != 0 {
			a.Value = float64(v) / 100
			out = append(out, a)
		}
	}
	return out, rows.Err()
}

// sortStats puts years in order and the other counts most frequent first.
func sortStats(s *proximite.Stats) {
	for _, list := range [][]proximite.FacetCount{s.VisitsByDirection, s.Sectors, s.Countries} {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Value < list[j].Value
		})
	}
	sort.Slice(s.ProjectsByYear, func(i, j int) bool {
		a, _ := strconv.Atoi(s.ProjectsByYear[i].Value)
		b, _ := strconv.Atoi(s.ProjectsByYear[j].Value)
		return a < b
	})
	sort.Slice(s.Amounts, func(i, j int) bool {
		a, b := s.Amounts[i], s.Amounts[j]
		if a.Measure != b.Measure {
			return a.Measure < b.Measure
		}
		if a.Currency != b.Currency {
			return a.Currency < b.Currency
		}
		return a.Year < b.Year
	})
}
