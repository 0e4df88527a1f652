package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/proximite/proximite"
)

// maxFacetValues caps the values returned per facet; the rest are rare.
const maxFacetValues = 100

// query is a SQL condition under construction with its arguments.
type query struct {
	join  string
	conds []string
	args  []any
	rank  string
}

func (q *query) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

func (q *query) in(values []string) string {
	ph := make([]string, len(values))
	for i, v := range values {
		ph[i] = q.arg(v)
	}
	return strings.Join(ph, ", ")
}

func (q *query) where() string {
	if len(q.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.conds, " AND ")
}

// filterQuery turns a search filter into conditions on records r. It
// also says whether the filter has words, and whether it filters on
// nothing but the type, the case the maintained facet counts answer.
func (d *DB) filterQuery(f proximite.SearchFilter) (q *query, words []string, onlyType bool) {
	words = splitWords(f.Query)
	q = &query{}
	if len(words) > 0 {
		var cond string
		var arg any
		q.join, cond, q.rank, arg = d.dialect.match(words, len(q.args)+1)
		q.args = append(q.args, arg)
		q.conds = append(q.conds, cond)
	}
	if !f.IncludeUnpublished {
		q.conds = append(q.conds, "r.state = "+q.arg(string(proximite.Published)))
	}
	names := make([]string, 0, len(f.Filters))
	for name := range f.Filters {
		names = append(names, name)
	}
	sort.Strings(names)
	onlyType = true
	for _, name := range names {
		values := nonEmpty(f.Filters[name])
		if len(values) == 0 {
			continue
		}
		if name == proximite.FacetType {
			q.conds = append(q.conds, "r.type IN ("+q.in(values)+")")
			continue
		}
		onlyType = false
		q.conds = append(q.conds, fmt.Sprintf(`r.id IN (SELECT record_id FROM search_terms
			WHERE facet = %s AND value IN (%s))`, q.arg(name), q.in(values)))
	}
	for _, l := range []struct {
		typ  proximite.RecordType
		slug string
	}{{proximite.TypeOrganisation, f.Org}, {proximite.TypePartnership, f.Partnership}, {proximite.TypeProgramme, f.Programme}} {
		if l.slug == "" {
			continue
		}
		onlyType = false
		q.conds = append(q.conds, fmt.Sprintf(`r.id IN (SELECT from_id FROM links WHERE to_id IN
			(SELECT id FROM records WHERE type = %s AND slug = %s))`, q.arg(string(l.typ)), q.arg(l.slug)))
	}
	return q, words, onlyType
}

// Search finds published records (and, for the workspace, unpublished
// ones) of any type matching a free-text query and facet filters, with
// the facet counts of all that matched.
func (d *DB) Search(ctx context.Context, f proximite.SearchFilter) (*proximite.SearchResult, error) {
	q, words, onlyType := d.filterQuery(f)
	res := &proximite.SearchResult{Hits: []proximite.Hit{}}
	var err error
	// Without a query, filters other than the type, or drafts, the counts
	// kept up to date on every write answer for the whole registry at once.
	cached := len(words) == 0 && onlyType && !f.IncludeUnpublished
	switch {
	case cached && f.WithFacets:
		res.Facets, res.Total, err = d.cachedFacets(ctx, nonEmpty(f.Filters[proximite.FacetType]))
	case f.WithFacets:
		res.Facets, res.Total, err = d.liveFacets(ctx, q)
	default:
		err = d.db.QueryRowContext(ctx, `SELECT count(*) FROM records r `+q.join+q.where(), q.args...).Scan(&res.Total)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", f.Query, err)
	}
	if res.Hits, err = d.hits(ctx, q, f); err != nil {
		return nil, fmt.Errorf("search %q: %w", f.Query, err)
	}
	return res, nil
}

// hits returns one page of results in the requested order.
func (d *DB) hits(ctx context.Context, q *query, f proximite.SearchFilter) ([]proximite.Hit, error) {
	order := "r.updated_at DESC, r.id DESC"
	switch {
	case f.Sort == proximite.SortTitle:
		order = "r.sort_title, r.id"
	case f.Sort == proximite.SortYear:
		order = "r.year DESC, r.sort_title, r.id"
	case f.Sort == proximite.SortRecent:
	case q.rank != "":
		order = q.rank + ", r.id"
	}
	limit := f.Limit
	if limit <= 0 || limit > proximite.MaxLimit {
		limit = 20
	}
	offset := max(f.Offset, 0)
	rows, err := d.db.QueryContext(ctx, `SELECT r.id, r.type, r.slug, r.title, r.year, r.updated_at FROM records r `+
		q.join+q.where()+" ORDER BY "+order+" LIMIT "+strconv.Itoa(limit)+" OFFSET "+strconv.Itoa(offset), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := []proximite.Hit{}
	for rows.Next() {
		var h proximite.Hit
		var title string
		var updated int64
		if err := rows.Scan(&h.ID, &h.Type, &h.Slug, &title, &h.Year, &updated); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(title), &h.Title)
		h.Updated = fromMicros(updated)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// liveFacets tallies the facet values of every matching record. Reading
// one short column per match and counting in memory is faster on both
// databases than one GROUP BY per facet.
func (d *DB) liveFacets(ctx context.Context, q *query) (map[string][]proximite.FacetCount, int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT r.facets FROM records r `+q.join+q.where(), q.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	counts := map[facet]int{}
	total := 0
	var s []byte
	for rows.Next() {
		if err := rows.Scan(&s); err != nil {
			return nil, 0, err
		}
		total++
		for len(s) > 0 {
			line := s
			if i := indexByte(s, '\n'); i >= 0 {
				line, s = s[:i], s[i+1:]
			} else {
				s = nil
			}
			if i := indexByte(line, '='); i > 0 {
				counts[facet{string(line[:i]), string(line[i+1:])}]++
			}
		}
	}
	return groupFacets(counts), total, rows.Err()
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// cachedFacets reads the maintained counts of published records.
func (d *DB) cachedFacets(ctx context.Context, types []string) (map[string][]proximite.FacetCount, int, error) {
	q := &query{}
	sqlText := `SELECT facet, value, sum(n) FROM facet_counts WHERE n > 0`
	if len(types) > 0 {
		sqlText += " AND type IN (" + q.in(types) + ")"
	}
	rows, err := d.db.QueryContext(ctx, sqlText+" GROUP BY facet, value", q.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	counts := map[facet]int{}
	total := 0
	for rows.Next() {
		var f facet
		var n int
		if err := rows.Scan(&f.name, &f.value, &n); err != nil {
			return nil, 0, err
		}
		counts[f] = n
		if f.name == proximite.FacetType {
			total += n
		}
	}
	return groupFacets(counts), total, rows.Err()
}

// groupFacets orders each facet's values by count, years by year.
func groupFacets(counts map[facet]int) map[string][]proximite.FacetCount {
	out := map[string][]proximite.FacetCount{}
	for f, n := range counts {
		out[f.name] = append(out[f.name], proximite.FacetCount{Value: f.value, Count: n})
	}
	for name, values := range out {
		sort.Slice(values, func(i, j int) bool {
			if name == proximite.FacetYear {
				return values[i].Value > values[j].Value
			}
			if values[i].Count != values[j].Count {
				return values[i].Count > values[j].Count
			}
			return values[i].Value < values[j].Value
		})
		if len(values) > maxFacetValues {
			out[name] = values[:maxFacetValues]
		}
	}
	return out
}

// Counts returns how many published records of each type the registry
// holds, from the maintained counts.
func (d *DB) Counts(ctx context.Context) (proximite.Counts, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT value, n FROM facet_counts WHERE facet = 'type' AND type = value`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	c := proximite.Counts{}
	for _, t := range proximite.RecordTypes {
		c[t] = 0
	}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		c[proximite.RecordType(t)] = n
	}
	return c, rows.Err()
}

// splitWords folds a query and cuts it into words of letters and digits,
// which both databases' text indexes hold. Anything else in the query
// (quotes, operators) is dropped so it cannot change the query's syntax.
func splitWords(q string) []string {
	words := strings.FieldsFunc(proximite.Fold(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 8 {
		words = words[:8]
	}
	for i, w := range words {
		if len(w) > 40 {
			words[i] = w[:40]
		}
	}
	return words
}

func nonEmpty(values []string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
