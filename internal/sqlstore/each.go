package sqlstore

import (
	"context"
	"fmt"

	"github.com/proximite/proximite"
)

// EachProject calls fn for every project matching the filter, in ID order,
// reading them one at a time from the database so that an export of any
// size holds one project in memory. Limit and Offset are ignored. The
// names of participating organisations are filled from a cache that lives
// as long as the call, since the same few organisations recur.
func (d *DB) EachProject(ctx context.Context, f proximite.SearchFilter, fn func(*proximite.Project) error) error {
	f.Filters = withType(f.Filters, proximite.TypeProject)
	q, _, _ := d.filterQuery(f)
	rows, err := d.db.QueryContext(ctx, `SELECT r.id, r.state, x.data, r.created_at, r.updated_at`+q.fromClause()+`
		JOIN record_data x ON x.id = r.id `+q.join+q.where()+` ORDER BY r.id`, q.args...)
	if err != nil {
		return fmt.Errorf("export projects: %w", err)
	}
	defer rows.Close()
	orgs := map[string]target{}
	for rows.Next() {
		var p proximite.Project
		var data, state string
		var created, updated int64
		if err := rows.Scan(&p.ID, &state, &data, &created, &updated); err != nil {
			return err
		}
		id := p.ID
		if err := decode(data, &p); err != nil {
			return fmt.Errorf("decode project %d: %w", id, err)
		}
		p.ID, p.State = id, proximite.State(state)
		p.CreatedAt, p.UpdatedAt = fromMicros(created), fromMicros(updated)
		for i, pt := range p.Participants {
			if pt.Org == "" {
				continue
			}
			t, ok := orgs[pt.Org]
			if !ok {
				found, err := d.names(ctx, proximite.TypeOrganisation, []string{pt.Org})
				if err != nil {
					return err
				}
				t = found[pt.Org]
				orgs[pt.Org] = t
			}
			p.Participants[i].OrgName = t.title
			p.Participants[i].OrgKind = proximite.OrgKind(t.facet(proximite.FacetOrgKind))
		}
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// withType returns a copy of filters restricted to one record type.
func withType(filters map[string][]string, t proximite.RecordType) map[string][]string {
	out := map[string][]string{}
	for k, v := range filters {
		out[k] = v
	}
	out[proximite.FacetType] = []string{string(t)}
	return out
}

// LookupKey returns the slug of the record of a type whose key (an
// "@"-named value such as "@iati_id" or "@iati_ref") equals value, the
// oldest when several share it, or an ENOTFOUND error.
func (d *DB) LookupKey(ctx context.Context, typ proximite.RecordType, key, value string) (string, error) {
	var slug string
	err := d.queryRow(ctx, `SELECT r.slug FROM search_terms t JOIN records r ON r.id = t.record_id
		WHERE t.facet = $1 AND t.value = $2 AND r.type = $3 ORDER BY r.id LIMIT 1`, key, value, typ).Scan(&slug)
	if err != nil {
		return "", notFound(err, "no %s with %s %q", typ, key, value)
	}
	return slug, nil
}
