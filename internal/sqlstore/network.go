package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"sort"
	"strconv"

	"github.com/proximite/proximite"
)

var _ proximite.NetworkService = (*DB)(nil)

// NetworkGraph draws the network from the newest published partnerships
// and projects: at most proximite.NetworkRecords of each, those in the
// countries asked for (a partnership with a party there, a project
// there) and with organisations of the kinds asked for. The organisations
// they link, the most connected first, make the nodes; a link is kept
// when one of its two organisations is of a kind asked for.
func (d *DB) NetworkGraph(ctx context.Context, f proximite.NetworkFilter) (*proximite.NetworkGraph, error) {
	maxNodes := f.MaxNodes
	if maxNodes <= 0 {
		maxNodes = proximite.DefaultNetworkNodes
	}
	maxNodes = min(maxNodes, proximite.MaxNetworkNodes)
	g := &proximite.NetworkGraph{}
	kinds := make([]string, len(f.Kinds))
	for i, k := range f.Kinds {
		kinds[i] = string(k)
	}
	byType := map[int64]proximite.RecordType{}
	members := map[int64][]int64{}
	nodes := map[int64]proximite.NetworkNode{}
	for _, t := range []proximite.RecordType{proximite.TypePartnership, proximite.TypeProject} {
		n, err := d.networkRead(ctx, t, kinds, f.Countries, byType, members, nodes)
		if err != nil {
			return nil, err
		}
		if n >= proximite.NetworkRecords {
			g.Sampled = true
		}
	}
	g.Records = len(byType)
	wanted := map[proximite.OrgKind]bool{}
	for _, k := range f.Kinds {
		wanted[k] = true
	}
	type pair struct{ a, b int64 }
	edges := map[pair]*proximite.NetworkEdge{}
	for rec, orgs := range members {
		for i, a := range orgs {
			for _, b := range orgs[i+1:] {
				na, oka := nodes[a]
				nb, okb := nodes[b]
				if !oka || !okb || a == b || (len(wanted) > 0 && !wanted[na.Kind] && !wanted[nb.Kind]) {
					continue
				}
				if na.Slug > nb.Slug {
					a, b, na, nb = b, a, nb, na
				}
				e, ok := edges[pair{a, b}]
				if !ok {
					e = &proximite.NetworkEdge{From: na.Slug, To: nb.Slug}
					edges[pair{a, b}] = e
				}
				if byType[rec] == proximite.TypePartnership {
					e.Partnerships++
				} else {
					e.Projects++
				}
			}
		}
	}
	degree := map[int64]int{}
	for p := range edges {
		degree[p.a]++
		degree[p.b]++
	}
	var kept []int64
	for id := range degree {
		kept = append(kept, id)
	}
	sort.Slice(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if degree[a] != degree[b] {
			return degree[a] > degree[b]
		}
		return nodes[a].Slug < nodes[b].Slug
	})
	if len(kept) > maxNodes {
		g.LeftOut = len(kept) - maxNodes
		kept = kept[:maxNodes]
	}
	in := map[int64]bool{}
	for _, id := range kept {
		in[id] = true
	}
	for p, e := range edges {
		if in[p.a] && in[p.b] {
			g.Edges = append(g.Edges, *e)
		}
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		if g.Edges[i].From != g.Edges[j].From {
			return g.Edges[i].From < g.Edges[j].From
		}
		return g.Edges[i].To < g.Edges[j].To
	})
	for _, id := range kept {
		n := nodes[id]
		n.Degree = degree[id]
		g.Nodes = append(g.Nodes, n)
	}
	return g, nil
}

// networkRead reads the newest published records of a type that match
// the filter, with their organisations (a partnership's parties, a
// project's participants), published ones only, in one query for each
// value of the first facet filtered on: the records come from an index
// (type, state, updated_at without a filter, search_terms with one) and
// their organisations by joins, with no list of ids sent back and forth.
// It returns how many records a query found at most, to tell whether the
// bound was reached.
func (d *DB) networkRead(ctx context.Context, t proximite.RecordType, kinds, countries []string,
	byType map[int64]proximite.RecordType, members map[int64][]int64, nodes map[int64]proximite.NetworkNode) (int, error) {
	limit := strconv.Itoa(proximite.NetworkRecords)
	var queries []*query
	if len(kinds) == 0 && len(countries) == 0 {
		q := &query{}
		q.from = `SELECT id FROM records WHERE type = ` + q.arg(string(t)) + ` AND state = 'published'
			ORDER BY updated_at DESC LIMIT ` + limit
		queries = append(queries, q)
	} else {
		first, values, other, otherValues := proximite.FacetCountry, countries, proximite.FacetOrgKind, kinds
		if len(countries) == 0 {
			first, values, other, otherValues = proximite.FacetOrgKind, kinds, "", nil
		}
		for _, v := range values {
			q := &query{}
			q.from = `SELECT st.record_id AS id FROM search_terms st JOIN records r ON r.id = st.record_id
				WHERE st.facet = ` + q.arg(first) + ` AND st.value = ` + q.arg(v) + ` AND r.type = ` + q.arg(string(t)) +
				` AND r.state = 'published'`
			if len(otherValues) > 0 {
				q.from += ` AND EXISTS (SELECT 1 FROM search_terms o WHERE o.record_id = st.record_id AND o.facet = ` +
					q.arg(other) + ` AND o.value IN (` + q.in(otherValues) + `))`
			}
			q.from += ` ORDER BY st.record_id DESC LIMIT ` + limit
			queries = append(queries, q)
		}
	}
	most := 0
	for _, q := range queries {
		n, err := d.networkRows(ctx, q, t, byType, members, nodes)
		if err != nil {
			return 0, err
		}
		most = max(most, n)
	}
	return most, nil
}

// networkRows runs one read of networkRead and files its rows. It
// counts the records read, those without organisations included.
func (d *DB) networkRows(ctx context.Context, q *query, t proximite.RecordType,
	byType map[int64]proximite.RecordType, members map[int64][]int64, nodes map[int64]proximite.NetworkNode) (int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT s.id, o.id, o.slug, o.title, o.facets FROM (`+q.from+`) s
		LEFT JOIN links l ON l.from_id = s.id AND l.rel IN ('party', 'participant')
		LEFT JOIN records o ON o.id = l.to_id AND o.type = 'organisation' AND o.state = 'published'`, q.args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var rec int64
		var org sql.NullInt64
		var slug, title, facets sql.NullString
		if err := rows.Scan(&rec, &org, &slug, &title, &facets); err != nil {
			return 0, err
		}
		seen[rec] = true
		byType[rec] = t
		if !org.Valid {
			continue
		}
		if !slices.Contains(members[rec], org.Int64) {
			members[rec] = append(members[rec], org.Int64)
		}
		if _, ok := nodes[org.Int64]; !ok {
			n := proximite.NetworkNode{Slug: slug.String}
			json.Unmarshal([]byte(title.String), &n.Name)
			tg := target{facets: splitFacets(facets.String)}
			n.Kind, n.Country = proximite.OrgKind(tg.facet(proximite.FacetOrgKind)), tg.facet(proximite.FacetCountry)
			nodes[org.Int64] = n
		}
	}
	return len(seen), rows.Err()
}
