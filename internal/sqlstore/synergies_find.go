package sqlstore

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// The two bounded reads of a synergy search. Both walk the index on
// search_terms (facet, value, record_id) from the newest record down and
// stop after synergyPerValue published records of the type wanted.
var (
	synOrgsSQL = `SELECT r.id, r.updated_at FROM search_terms st JOIN records r ON r.id = st.record_id
		WHERE st.facet = $1 AND st.value = $2 AND r.type = 'organisation' AND r.state = 'published'
		ORDER BY st.record_id DESC LIMIT ` + strconv.Itoa(synergyPerValue)
	synActiveSQL = `SELECT l.to_id, s.id, s.updated_at FROM (
		SELECT r.id, r.updated_at FROM search_terms st JOIN records r ON r.id = st.record_id
		WHERE st.facet = $1 AND st.value = $2 AND r.type IN ('project', 'partnership') AND r.state = 'published'
		ORDER BY st.record_id DESC LIMIT ` + strconv.Itoa(synergyPerValue) + `) s
		JOIN links l ON l.from_id = s.id AND l.rel IN ('participant', 'party')`
)

// gather finds the candidates: organisations based in the subject's
// towns and countries, and the participants of partnerships and projects
// in its countries and sectors.
func (s *synSearch) gather() error {
	for _, l := range s.profile.Localities {
		loc := l
		err := s.orgs(KeyLocality, localityKey(l.Country, l.Name), func(c *synCand) { c.locality = &loc })
		if err != nil {
			return err
		}
	}
	for _, country := range s.profile.Countries {
		add := func(c *synCand) { c.countries = union(c.countries, country) }
		if err := s.orgs(KeyOrgCountry, country, add); err != nil {
			return err
		}
		if err := s.active(proximite.FacetCountry, country, add); err != nil {
			return err
		}
	}
	for _, sector := range s.profile.Sectors {
		add := func(c *synCand) { c.sectors = union(c.sectors, sector) }
		if err := s.active(proximite.FacetSectorCategory, sector, add); err != nil {
			return err
		}
	}
	return nil
}

func union(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// cand returns the candidate of an organisation, or nil for the subject
// and its parties.
func (s *synSearch) cand(id int64) *synCand {
	if s.ownOrgs[id] {
		return nil
	}
	c, ok := s.cands[id]
	if !ok {
		c = &synCand{id: id, records: map[int64]bool{}}
		s.cands[id] = c
	}
	return c
}

// orgs credits the organisations that have a term.
func (s *synSearch) orgs(name, value string, add func(*synCand)) error {
	rows, err := s.d.db.QueryContext(s.ctx, synOrgsSQL, name, value)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, updated int64
		if err := rows.Scan(&id, &updated); err != nil {
			return err
		}
		if c := s.cand(id); c != nil {
			add(c)
			c.latest = max(c.latest, updated)
		}
	}
	return rows.Err()
}

// active credits the organisations that take part in partnerships and
// projects with a term, other than the subject's own.
func (s *synSearch) active(name, value string, add func(*synCand)) error {
	rows, err := s.d.db.QueryContext(s.ctx, synActiveSQL, name, value)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var org, rec, updated int64
		if err := rows.Scan(&org, &rec, &updated); err != nil {
			return err
		}
		if s.ownRecords[rec] {
			continue
		}
		if c := s.cand(org); c != nil {
			add(c)
			c.records[rec] = true
			c.latest = max(c.latest, updated)
		}
	}
	return rows.Err()
}

// top keeps the best candidates and reads their names. Candidates are
// ordered as RankSynergies will order them, with the id standing in for
// the name, so that only a few organisations are read; some more than
// the limit are read since a candidate may turn out unpublished.
func (s *synSearch) top(limit int) ([]proximite.Synergy, bool, error) {
	all := make([]proximite.Synergy, 0, len(s.cands))
	ids := map[string]int64{}
	for _, c := range s.cands {
		// The slug stands for the name until names are read: newest first.
		syn := proximite.Synergy{Slug: fmt.Sprintf("%019d", math.MaxInt64-c.id), Locality: c.locality,
			Countries: inOrder(s.profile.Countries, c.countries), Sectors: inOrder(s.profile.Sectors, c.sectors),
			Records: len(c.records), Latest: fromMicros(c.latest)}
		ids[syn.Slug] = c.id
		all = append(all, syn)
	}
	proximite.RankSynergies(all)
	read := min(len(all), 2*limit+1)
	args := make([]any, read)
	ph := make([]string, read)
	for i := range read {
		args[i], ph[i] = ids[all[i].Slug], "$"+strconv.Itoa(i+1)
	}
	if read == 0 {
		return nil, false, nil
	}
	rows, err := s.d.db.QueryContext(s.ctx, `SELECT id, slug, title, facets FROM records
		WHERE type = 'organisation' AND state = 'published' AND id IN (`+strings.Join(ph, ", ")+`)`, args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	type named struct {
		slug, country string
		title         proximite.Text
		kind          proximite.OrgKind
	}
	found := map[int64]named{}
	for rows.Next() {
		var id int64
		var slug, title, facets string
		if err := rows.Scan(&id, &slug, &title, &facets); err != nil {
			return nil, false, err
		}
		n := named{slug: slug}
		json.Unmarshal([]byte(title), &n.title)
		t := target{facets: splitFacets(facets)}
		n.kind, n.country = proximite.OrgKind(t.facet(proximite.FacetOrgKind)), t.facet(proximite.FacetCountry)
		found[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	var out []proximite.Synergy
	for _, syn := range all[:read] {
		n, ok := found[ids[syn.Slug]]
		if !ok {
			continue
		}
		syn.Slug, syn.Name, syn.Kind, syn.Country = n.slug, n.title, n.kind, n.country
		out = append(out, syn)
	}
	proximite.RankSynergies(out)
	more := len(out) > limit || len(all) > read
	if len(out) > limit {
		out = out[:limit]
	}
	return out, more, nil
}

// inOrder returns the values of ref found in got, in ref's order.
func inOrder(ref, got []string) []string {
	var out []string
	for _, v := range ref {
		for _, g := range got {
			if g == v {
				out = append(out, v)
				break
			}
		}
	}
	return out
}
