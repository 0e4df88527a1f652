package sqlstore

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	"github.com/proximite/proximite"
)

// KeyRegion is an organisation's administrative region, a code of
// proximite.Regions, for the organisations of a region.
const KeyRegion = "@region"

var _ proximite.TerritoryService = (*DB)(nil)

// territoryKeys are the look-up keys that place an organisation in a
// region; its town is found by its locality key (KeyLocality).
func territoryKeys(o *proximite.Organisation) []facet {
	if o.Region == "" {
		return nil
	}
	return []facet{{KeyRegion, o.Region}}
}

// FindTerritory returns the region a slug names, or the published town or
// MRC with that slug.
func (d *DB) FindTerritory(ctx context.Context, slug string) (*proximite.Territory, error) {
	if code, ok := proximite.RegionCode(slug); ok {
		r, _ := proximite.FindRegion(code)
		return &proximite.Territory{Kind: proximite.TerritoryRegion, Slug: slug, Name: r.Name, Region: code}, nil
	}
	o, err := d.FindOrganisation(ctx, slug)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		return nil, proximite.Errorf(proximite.ENOTFOUND, "no territory %q", slug)
	} else if err != nil {
		return nil, err
	}
	t := &proximite.Territory{Slug: o.Slug, Name: o.Name, Org: o, Region: o.Region}
	switch {
	case o.State != proximite.Published:
		return nil, proximite.Errorf(proximite.ENOTFOUND, "no territory %q", slug)
	case o.Kind == proximite.Municipality:
		t.Kind = proximite.TerritoryTown
	case o.Kind == proximite.RegionalCounty:
		t.Kind = proximite.TerritoryMRC
	default:
		return nil, proximite.Errorf(proximite.ENOTFOUND, "%q is an organisation, not a town, an MRC or a region", slug)
	}
	return t, nil
}

// maxTerritories bounds the towns and MRCs the index lists.
const maxTerritories = 2000

// Territories lists the regions that organisations are in, then the
// published towns and MRCs by name.
func (d *DB) Territories(ctx context.Context) ([]proximite.Territory, error) {
	var out []proximite.Territory
	rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT value FROM search_terms WHERE facet = $1`, KeyRegion)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			rows.Close()
			return nil, err
		}
		used[code] = true
	}
	rows.Close()
	for _, r := range proximite.Regions {
		if used[r.Code] {
			out = append(out, proximite.Territory{Kind: proximite.TerritoryRegion, Slug: proximite.RegionSlugPrefix + r.Code, Name: r.Name, Region: r.Code})
		}
	}
	rows, err = d.db.QueryContext(ctx, `SELECT r.slug, r.title, t.value FROM records r
		JOIN search_terms t ON t.record_id = r.id AND t.facet = $1
		WHERE r.type = $2 AND r.state = $3 AND t.value IN ($4, $5) ORDER BY r.sort_title LIMIT $6`,
		proximite.FacetOrgKind, proximite.TypeOrganisation, proximite.Published,
		proximite.Municipality, proximite.RegionalCounty, maxTerritories)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t proximite.Territory
		var title, kind string
		if err := rows.Scan(&t.Slug, &title, &kind); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(title), &t.Name)
		t.Kind = proximite.TerritoryTown
		if kind == string(proximite.RegionalCounty) {
			t.Kind = proximite.TerritoryMRC
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TerritoryOrganisations returns the slugs of a territory's
// organisations, sorted.
func (d *DB) TerritoryOrganisations(ctx context.Context, slug string) ([]string, error) {
	ids, err := d.territoryIDs(ctx, slug)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return []string{}, nil
	}
	q := &query{}
	rows, err := d.db.QueryContext(ctx, `SELECT slug FROM records WHERE id IN (`+q.in64(ids)+`)`, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out, rows.Err()
}

// territoryIDs gathers a territory's organisations: the town or MRC, or
// the organisations of the region, then again and again the
// organisations that are part of one already gathered, and those in the
// locality of a town or MRC gathered, until nothing new comes.
func (d *DB) territoryIDs(ctx context.Context, slug string) ([]int64, error) {
	t, err := d.FindTerritory(ctx, slug)
	if err != nil {
		return nil, err
	}
	var frontier []int64
	if t.Kind == proximite.TerritoryRegion {
		frontier, err = d.ids(ctx, `SELECT record_id FROM search_terms WHERE facet = $1 AND value = $2`, KeyRegion, t.Region)
	} else {
		frontier = []int64{t.Org.ID}
	}
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []int64
	for len(frontier) > 0 {
		var fresh []int64
		for _, id := range frontier {
			if !seen[id] {
				seen[id] = true
				fresh = append(fresh, id)
			}
		}
		out = append(out, fresh...)
		if len(fresh) == 0 {
			break
		}
		q := &query{}
		in := q.in64(fresh)
		next, err := d.ids(ctx, `SELECT from_id FROM links WHERE rel = `+q.arg(string(proximite.PartOf))+` AND to_id IN (`+in+`)
			UNION SELECT p.record_id FROM search_terms l
			JOIN search_terms k ON k.record_id = l.record_id AND k.facet = `+q.arg(proximite.FacetOrgKind)+`
				AND k.value IN (`+q.arg(string(proximite.Municipality))+`, `+q.arg(string(proximite.RegionalCounty))+`)
			JOIN search_terms p ON p.facet = l.facet AND p.value = l.value
			WHERE l.facet = `+q.arg(KeyLocality)+` AND l.record_id IN (`+in+`)`, q.args...)
		if err != nil {
			return nil, err
		}
		frontier = next
	}
	return out, nil
}

func (d *DB) ids(ctx context.Context, sqlText string, args ...any) ([]int64, error) {
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

// in64 adds ids as arguments and returns their placeholders.
func (q *query) in64(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = q.arg(id)
	}
	return strings.Join(s, ", ")
}
