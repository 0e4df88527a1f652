package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

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
	orgs := orgNames{d: d, m: map[string]orgName{}}
	for rows.Next() {
		var p proximite.Project
		var data, state string
		var created, updated int64
		if err := rows.Scan(&p.ID, &state, &data, &created, &updated); err != nil {
			return err
		}
		id := p.ID
		if err := decodeProject(data, &p); err != nil {
			return fmt.Errorf("decode project %d: %w", id, err)
		}
		p.ID, p.State = id, proximite.State(state)
		p.CreatedAt, p.UpdatedAt = fromMicros(created), fromMicros(updated)
		for i, pt := range p.Participants {
			if pt.Org == "" {
				continue
			}
			o, err := orgs.find(ctx, pt.Org)
			if err != nil {
				return err
			}
			p.Participants[i].OrgName, p.Participants[i].OrgKind = o.name, o.kind
		}
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachOrganisation calls fn for every organisation, of every state, in
// ID order, as FindOrganisation reads them but for the names of their
// links, which are left empty. An export that meets most of the
// registry's organisations reads them so, in one query.
func (d *DB) EachOrganisation(ctx context.Context, fn func(*proximite.Organisation) error) error {
	rows, err := d.db.QueryContext(ctx, `SELECT r.id, r.state, x.data, r.created_at, r.updated_at FROM records r
		JOIN record_data x ON x.id = r.id WHERE r.type = $1 ORDER BY r.id`, proximite.TypeOrganisation)
	if err != nil {
		return fmt.Errorf("read organisations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o proximite.Organisation
		var data, state string
		var created, updated int64
		if err := rows.Scan(&o.ID, &state, &data, &created, &updated); err != nil {
			return err
		}
		id := o.ID
		if err := decode(data, &o); err != nil {
			return fmt.Errorf("decode organisation %d: %w", id, err)
		}
		o.ID, o.State = id, proximite.State(state)
		o.CreatedAt, o.UpdatedAt = fromMicros(created), fromMicros(updated)
		if err := fn(&o); err != nil {
			return err
		}
	}
	return rows.Err()
}

// orgNames gives EachProject the titles and facets of organisations:
// one query each at first, then, once a stream has met prefetchNames of
// them, all at once. A large export meets most of the registry's
// organisations, and a query each cost it a round trip to the server
// for every one.
type orgNames struct {
	d      *DB
	m      map[string]orgName
	misses int
	all    bool // m holds every organisation
}

type orgName struct {
	name proximite.Text
	kind proximite.OrgKind
}

func nameOf(t target) orgName {
	return orgName{t.title, proximite.OrgKind(t.facet(proximite.FacetOrgKind))}
}

const (
	prefetchNames = 32
	// maxNames bounds the organisations read at once, and so the memory
	// they take (a few hundred bytes each).
	maxNames = 1 << 16
)

func (o *orgNames) find(ctx context.Context, slug string) (orgName, error) {
	if n, ok := o.m[slug]; ok || o.all {
		return n, nil
	}
	if o.misses++; o.misses == prefetchNames {
		all, err := o.d.allNames(ctx, proximite.TypeOrganisation, maxNames)
		if err != nil {
			return orgName{}, err
		}
		if all != nil {
			o.m, o.all = make(map[string]orgName, len(all)), true
			for s, t := range all {
				o.m[s] = nameOf(t)
			}
			return o.m[slug], nil
		}
	}
	found, err := o.d.names(ctx, proximite.TypeOrganisation, []string{slug})
	if err != nil {
		return orgName{}, err
	}
	// A copy of the slug: a project's strings share its record's text,
	// which the key would keep alive.
	n := nameOf(found[slug])
	o.m[strings.Clone(slug)] = n
	return n, nil
}

// allNames returns the titles and facets of every record of a type by
// slug, as names does for some, or nil when there are more than max.
func (d *DB) allNames(ctx context.Context, typ proximite.RecordType, max int) (map[string]target, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, slug, title, facets FROM records WHERE type = $1 LIMIT $2`, typ, max+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]target{}
	for rows.Next() {
		if len(out) == max {
			return nil, nil
		}
		var t target
		var slug, title, facets string
		if err := rows.Scan(&t.id, &slug, &title, &facets); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(title), &t.title)
		t.facets = splitFacets(facets)
		out[slug] = t
	}
	return out, rows.Err()
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
