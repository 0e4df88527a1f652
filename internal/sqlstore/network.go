package sqlstore

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

var _ proximite.NetworkService = (*DB)(nil)

// networkBatch bounds the ids of one IN list.
const networkBatch = 500

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
	for _, t := range []proximite.RecordType{proximite.TypePartnership, proximite.TypeProject} {
		ids, err := d.networkRecords(ctx, t, kinds, f.Countries)
		if err != nil {
			return nil, err
		}
		if len(ids) >= proximite.NetworkRecords {
			g.Sampled = true
		}
		for _, id := range ids {
			byType[id] = t
		}
	}
	g.Records = len(byType)
	members, err := d.networkMembers(ctx, byType)
	if err != nil {
		return nil, err
	}
	var orgIDs []int64
	for _, orgs := range members {
		orgIDs = append(orgIDs, orgs...)
	}
	nodes, err := d.networkOrgs(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
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

// networkRecords returns the ids of the newest published records of a
// type that match the filter. Without a filter the index on (type,
// state, updated_at) gives the most recently changed; with one, each
// value of the first facet is read down its index on search_terms, the
// newest created first, and the other facet is checked record by record.
func (d *DB) networkRecords(ctx context.Context, t proximite.RecordType, kinds, countries []string) ([]int64, error) {
	limit := strconv.Itoa(proximite.NetworkRecords)
	if len(kinds) == 0 && len(countries) == 0 {
		return d.networkIDs(ctx, `SELECT id FROM records WHERE type = $1 AND state = 'published'
			ORDER BY updated_at DESC LIMIT `+limit, t)
	}
	first, values, other, otherValues := proximite.FacetCountry, countries, proximite.FacetOrgKind, kinds
	if len(countries) == 0 {
		first, values, other, otherValues = proximite.FacetOrgKind, kinds, "", nil
	}
	seen := map[int64]bool{}
	var all []int64
	for _, v := range values {
		q := &query{}
		sqlText := `SELECT st.record_id FROM search_terms st JOIN records r ON r.id = st.record_id
			WHERE st.facet = ` + q.arg(first) + ` AND st.value = ` + q.arg(v) + ` AND r.type = ` + q.arg(string(t)) +
			` AND r.state = 'published'`
		if len(otherValues) > 0 {
			sqlText += ` AND EXISTS (SELECT 1 FROM search_terms o WHERE o.record_id = st.record_id AND o.facet = ` +
				q.arg(other) + ` AND o.value IN (` + q.in(otherValues) + `))`
		}
		ids, err := d.networkIDs(ctx, sqlText+` ORDER BY st.record_id DESC LIMIT `+limit, q.args...)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				all = append(all, id)
			}
		}
	}
	// Several values: keep the newest overall.
	sort.Slice(all, func(i, j int) bool { return all[i] > all[j] })
	if len(all) > proximite.NetworkRecords {
		all = all[:proximite.NetworkRecords]
	}
	return all, nil
}

// networkIDs runs a query that returns ids.
func (d *DB) networkIDs(ctx context.Context, sqlText string, args ...any) ([]int64, error) {
	rows, err := d.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// networkBatches calls fn with the ids in IN lists of networkBatch.
func networkBatches(ids []int64, fn func(ph string, args []any) error) error {
	for start := 0; start < len(ids); start += networkBatch {
		part := ids[start:min(start+networkBatch, len(ids))]
		q := &query{}
		ph := make([]string, len(part))
		for i, id := range part {
			ph[i] = q.arg(id)
		}
		if err := fn(strings.Join(ph, ", "), q.args); err != nil {
			return err
		}
	}
	return nil
}

// networkMembers returns the organisations of each record: a
// partnership's parties, a project's participants.
func (d *DB) networkMembers(ctx context.Context, byType map[int64]proximite.RecordType) (map[int64][]int64, error) {
	ids := make([]int64, 0, len(byType))
	for id := range byType {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := map[int64][]int64{}
	err := networkBatches(ids, func(ph string, args []any) error {
		rows, err := d.db.QueryContext(ctx, `SELECT from_id, to_id FROM links
			WHERE rel IN ('party', 'participant') AND from_id IN (`+ph+`) ORDER BY from_id, to_id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var from, to int64
			if err := rows.Scan(&from, &to); err != nil {
				return err
			}
			out[from] = append(out[from], to)
		}
		return rows.Err()
	})
	return out, err
}

// networkOrgs reads the published organisations among ids.
func (d *DB) networkOrgs(ctx context.Context, ids []int64) (map[int64]proximite.NetworkNode, error) {
	seen := map[int64]bool{}
	var distinct []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			distinct = append(distinct, id)
		}
	}
	out := map[int64]proximite.NetworkNode{}
	err := networkBatches(distinct, func(ph string, args []any) error {
		rows, err := d.db.QueryContext(ctx, `SELECT id, slug, title, facets FROM records
			WHERE type = 'organisation' AND state = 'published' AND id IN (`+ph+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var slug, title, facets string
			if err := rows.Scan(&id, &slug, &title, &facets); err != nil {
				return err
			}
			n := proximite.NetworkNode{Slug: slug}
			json.Unmarshal([]byte(title), &n.Name)
			t := target{facets: splitFacets(facets)}
			n.Kind, n.Country = proximite.OrgKind(t.facet(proximite.FacetOrgKind)), t.facet(proximite.FacetCountry)
			out[id] = n
		}
		return rows.Err()
	})
	return out, err
}
