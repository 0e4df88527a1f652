package sqlstore

import (
	"context"
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
	from  string // "records r", or the links that lead to them
	join  string
	conds []string
	args  []any
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

// fromClause is what the query reads records r from.
func (q *query) fromClause() string {
	if q.from == "" {
		return " FROM records r "
	}
	return " FROM " + q.from + " "
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
		q.join, cond, arg = d.dialect.match(words, len(q.args)+1)
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
	}{{proximite.TypeOrganisation, f.Org}, {proximite.TypePartnership, f.Partnership}, {proximite.TypeProgramme, f.Programme},
		{proximite.TypeProject, f.Project}} {
		if l.slug == "" {
			continue
		}
		onlyType = false
		linked := fmt.Sprintf(`SELECT DISTINCT from_id FROM links WHERE to_id =
			(SELECT id FROM records WHERE type = %s AND slug = %s)`, q.arg(string(l.typ)), q.arg(l.slug))
		if q.from != "" {
			q.conds = append(q.conds, "r.id IN ("+linked+")")
			continue
		}
		// The records linked to one record are few: read them from the
		// links, never by walking the records of a type and state and
		// testing each, which SQLite's planner would otherwise choose for
		// lack of statistics. CROSS JOIN fixes that order in SQLite and is
		// a plain join to PostgreSQL.
		q.from = "(" + linked + ") l CROSS JOIN records r"
		q.conds = append(q.conds, "r.id = l.from_id")
	}
	return q, words, onlyType
}

// Search finds published records (and, for the workspace, unpublished
// ones) of any type matching a free-text query and facet filters, with
// the facet counts of what matched.
//
// Browsing by type alone reads the facet counts kept up to date on every
// write and pages through an index, whatever the registry's size. Any
// other search gathers at most proximite.MaxMatches+1 candidates, the
// newest first, in one query that the text index answers (or, for the
// records linked to one record, from the links), then ranks, pages and
// tallies them in memory: its cost depends on that bound, not on how many
// records match. The result says when the bound was reached.
func (d *DB) Search(ctx context.Context, f proximite.SearchFilter) (*proximite.SearchResult, error) {
	q, words, onlyType := d.filterQuery(f)
	if len(words) == 0 && onlyType && !f.IncludeUnpublished && f.Org == "" && f.Partnership == "" && f.Programme == "" && f.Project == "" {
		res, err := d.browse(ctx, q, f)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		return res, nil
	}
	// Without words SQLite's text index yields the candidates newest
	// first, so a caller that shows no count and wants the newest needs
	// no more than its page. (Links, and PostgreSQL's index, come in no
	// such order.)
	bound := proximite.MaxMatches
	linked := f.Org != "" || f.Partnership != "" || f.Programme != "" || f.Project != ""
	if limit, offset := pageBounds(f); f.NoCount && !f.WithFacets && len(words) == 0 && !linked && d.dialect.name() == "sqlite" &&
		(f.Sort == "" || f.Sort == proximite.SortRelevance || f.Sort == proximite.SortRecent) {
		bound = min(bound, offset+limit)
	}
	var cands []candidate
	var err error
	if linked {
		cands, err = d.linkedCandidates(ctx, q, bound)
	} else {
		cands, err = d.textCandidates(ctx, words, f, bound)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", f.Query, err)
	}
	return pageOf(cands, words, f, bound), nil
}

// browse answers a search by type alone: counts from facet_counts, a page
// from the (type, state, …) indexes.
func (d *DB) browse(ctx context.Context, q *query, f proximite.SearchFilter) (*proximite.SearchResult, error) {
	res := &proximite.SearchResult{Hits: []proximite.Hit{}}
	facets, total, err := d.cachedFacets(ctx, nonEmpty(f.Filters[proximite.FacetType]))
	if err != nil {
		return nil, err
	}
	res.Total = total
	if f.WithFacets {
		res.Facets = facets
	}
	order := "r.updated_at DESC, r.id DESC"
	switch f.Sort {
	case proximite.SortTitle:
		order = "r.sort_title, r.id"
	case proximite.SortYear:
		order = "r.year DESC, r.sort_title, r.id"
	}
	limit, offset := pageBounds(f)
	rows, err := d.db.QueryContext(ctx, `SELECT `+candidateCols+q.fromClause()+q.where()+
		" ORDER BY "+order+" LIMIT "+strconv.Itoa(limit)+" OFFSET "+strconv.Itoa(offset), q.args...)
	if err != nil {
		return nil, err
	}
	cands, err := scanCandidates(rows)
	if err != nil {
		return nil, err
	}
	for _, c := range cands {
		res.Hits = append(res.Hits, c.hit())
	}
	return res, nil
}

func pageBounds(f proximite.SearchFilter) (limit, offset int) {
	limit = f.Limit
	if limit <= 0 || limit > proximite.MaxLimit {
		limit = 20
	}
	return limit, max(f.Offset, 0)
}

// textCandidates gathers the candidates of a search with words or facet
// filters from the text index alone. The last word is matched as a prefix
// (the visitor may still be typing it); when it is longer than the
// index's longest prefix (four letters) it is first matched as a whole
// word, which is cheap, and as a prefix only when whole words do not
// reach the bound: a long prefix makes the index merge the lists of every
// word that starts with it.
func (d *DB) textCandidates(ctx context.Context, words []string, f proximite.SearchFilter, bound int) ([]candidate, error) {
	m := textQuery{words: words, prefix: len(words) > 0}
	if !f.IncludeUnpublished {
		m.groups = append(m.groups, []string{token("state", string(proximite.Published))})
	}
	names := make([]string, 0, len(f.Filters))
	for name := range f.Filters {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var g []string
		for _, v := range nonEmpty(f.Filters[name]) {
			g = append(g, token(name, v))
		}
		if len(g) > 0 {
			m.groups = append(m.groups, g)
		}
	}
	if len(m.groups) == 0 && len(words) == 0 {
		// Drafts included, nothing else asked: every record, newest first.
		rows, err := d.db.QueryContext(ctx, `SELECT `+candidateCols+` FROM records r ORDER BY r.id DESC LIMIT $1`,
			bound+1)
		if err != nil {
			return nil, err
		}
		return scanCandidates(rows)
	}
	if m.prefix && len([]rune(words[len(words)-1])) > 4 {
		whole := m
		whole.prefix = false
		cands, err := d.candidates(ctx, whole, bound)
		if err != nil || len(cands) > bound {
			return cands, err
		}
	}
	return d.candidates(ctx, m, bound)
}

func (d *DB) candidates(ctx context.Context, m textQuery, bound int) ([]candidate, error) {
	sqlText, args := d.dialect.candidates(m, bound+1)
	rows, err := d.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	return scanCandidates(rows)
}

// linkedCandidates gathers the candidates of a search restricted to the
// records linked to one record (an organisation's projects): the links
// are few, so the conditions of filterQuery are cheap there.
func (d *DB) linkedCandidates(ctx context.Context, q *query, bound int) ([]candidate, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+candidateCols+q.fromClause()+q.join+q.where()+
		` LIMIT `+strconv.Itoa(bound+1), q.args...)
	if err != nil {
		return nil, err
	}
	return scanCandidates(rows)
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
	words := cutWords(proximite.Fold(q))
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

// cutWords cuts folded text into words of letters and digits, as
// splitWords does, without folding it again.
func cutWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !wordRune(r) })
}

// wordRune says whether a rune belongs to a word: a letter or a digit.
// Queries, the text index and relevance all cut text by this rule.
func wordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
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
