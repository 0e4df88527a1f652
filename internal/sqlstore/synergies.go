package sqlstore

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

var _ proximite.SynergyService = (*DB)(nil)

// Bounds of a synergy search: the subject's own records read to learn
// where it works, the countries, sectors and localities it is compared
// on, and the records read for each of them (the most recently created).
// The work is then at most some thousands of index rows, whatever the
// size of the registry.
const (
	synergyOwnRecords = 200
	synergyCountries  = 5
	synergySectors    = 5
	synergyPerValue   = 80
)

// localityKey is the key of a town: its country and its folded name.
func localityKey(country, locality string) string {
	l := proximite.Fold(strings.TrimSpace(locality))
	if country == "" || l == "" {
		return ""
	}
	return country + "/" + l
}

// synCand is an organisation found while searching, by id.
type synCand struct {
	id        int64
	locality  *proximite.Locality
	countries []string
	sectors   []string
	records   map[int64]bool
	latest    int64
}

// synSearch is one synergy search under way.
type synSearch struct {
	d       *DB
	ctx     context.Context
	profile proximite.SynergyProfile
	// ownRecords are the subject's records, whose participants are its
	// partners rather than "someone else"; ownOrgs are the subject and
	// its parties.
	ownRecords map[int64]bool
	ownOrgs    map[int64]bool
	cands      map[int64]*synCand
}

// FindSynergies finds the organisations active in the subject's
// localities, countries and sectors, ranked by proximite.RankSynergies.
func (d *DB) FindSynergies(ctx context.Context, f proximite.SynergyFilter) (*proximite.SynergyResult, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = proximite.DefaultSynergies
	}
	limit = min(limit, proximite.MaxSynergies)
	s := &synSearch{d: d, ctx: ctx, ownRecords: map[int64]bool{}, ownOrgs: map[int64]bool{}, cands: map[int64]*synCand{}}
	var err error
	switch {
	case f.Org != "":
		err = s.orgProfile(f.Org)
	case f.Partnership != "":
		err = s.partnershipProfile(f.Partnership)
	default:
		return nil, proximite.Errorf(proximite.EINVALID, "a synergy search needs an organisation or a partnership")
	}
	if err != nil {
		return nil, err
	}
	if err := s.gather(); err != nil {
		return nil, err
	}
	out := &proximite.SynergyResult{Profile: s.profile}
	out.Orgs, out.More, err = s.top(limit)
	return out, err
}

// orgProfile reads where an organisation works: its town, and the
// countries and sectors of its published partnerships and projects, its
// own country left out when it works elsewhere (every Canadian
// organisation is not a synergy of a Canadian town).
func (s *synSearch) orgProfile(slug string) error {
	o, err := s.d.FindOrganisation(s.ctx, slug)
	if err != nil {
		return err
	}
	if o.State != proximite.Published {
		return proximite.Errorf(proximite.ENOTFOUND, "no organisation %q", slug)
	}
	s.ownOrgs[o.ID] = true
	if localityKey(o.Country, o.Locality) != "" {
		s.profile.Localities = []proximite.Locality{{Country: o.Country, Name: o.Locality}}
	}
	if err := s.ownLinks(o.ID, `l.rel IN ('participant', 'party')`); err != nil {
		return err
	}
	return s.activity(map[string]bool{o.Country: true}, []string{o.Country})
}

// partnershipProfile reads where a partnership works: its parties' towns,
// the countries of its parties and projects (those of its northern side
// left out when there are others), and its projects' sectors.
func (s *synSearch) partnershipProfile(slug string) error {
	p, err := s.d.FindPartnership(s.ctx, slug)
	if err != nil {
		return err
	}
	if p.State != proximite.Published {
		return proximite.Errorf(proximite.ENOTFOUND, "no partnership %q", slug)
	}
	s.ownRecords[p.ID] = true
	home := map[string]bool{}
	var fallback []string
	for _, pt := range p.Parties {
		o, err := s.d.FindOrganisation(s.ctx, pt.Org)
		if err != nil {
			return err
		}
		s.ownOrgs[o.ID] = true
		if k := localityKey(o.Country, o.Locality); k != "" && !hasLocality(s.profile.Localities, k) {
			s.profile.Localities = append(s.profile.Localities, proximite.Locality{Country: o.Country, Name: o.Locality})
		}
		if pt.Side == proximite.North {
			home[o.Country] = true
		}
		fallback = append(fallback, o.Country)
	}
	// Its projects; not the publications about it, which may be about
	// other partnerships too, in other countries.
	if err := s.ownLinks(p.ID, `l.rel = 'partnership' AND r.type = 'project'`); err != nil {
		return err
	}
	return s.activity(home, fallback)
}

func hasLocality(ls []proximite.Locality, key string) bool {
	for _, l := range ls {
		if localityKey(l.Country, l.Name) == key {
			return true
		}
	}
	return false
}

// ownLinks gathers the newest published records r that link to the
// subject by a link l that meets the condition given.
func (s *synSearch) ownLinks(id int64, cond string) error {
	rows, err := s.d.db.QueryContext(s.ctx, `SELECT l.from_id FROM links l JOIN records r ON r.id = l.from_id
		WHERE l.to_id = $1 AND `+cond+` AND r.state = 'published'
		ORDER BY l.from_id DESC LIMIT `+strconv.Itoa(synergyOwnRecords), id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var from int64
		if err := rows.Scan(&from); err != nil {
			return err
		}
		s.ownRecords[from] = true
	}
	return rows.Err()
}

// activity counts the countries and sectors of the subject's own records
// and keeps the most frequent. Countries in home are left out when
// others remain; with none at all, fallback is used.
func (s *synSearch) activity(home map[string]bool, fallback []string) error {
	ids := make([]int64, 0, len(s.ownRecords))
	for id := range s.ownRecords {
		ids = append(ids, id)
	}
	counts := map[facet]int{}
	if len(ids) > 0 {
		q := &query{}
		ph := make([]string, len(ids))
		for i, id := range ids {
			ph[i] = q.arg(id)
		}
		rows, err := s.d.db.QueryContext(s.ctx, `SELECT facet, value FROM search_terms
			WHERE facet IN ('country', 'sector') AND record_id IN (`+strings.Join(ph, ", ")+`)`, q.args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var f facet
			if err := rows.Scan(&f.name, &f.value); err != nil {
				rows.Close()
				return err
			}
			counts[f]++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if err := s.partners(ids); err != nil {
		return err
	}
	countries := mostFrequent(counts, proximite.FacetCountry, func(v string) bool { return !home[v] }, synergyCountries)
	if len(countries) == 0 {
		countries = mostFrequent(counts, proximite.FacetCountry, nil, synergyCountries)
	}
	for _, c := range fallback {
		if len(countries) == 0 && c != "" {
			countries = append(countries, c)
		}
	}
	s.profile.Countries = countries
	s.profile.Sectors = mostFrequent(counts, proximite.FacetSectorCategory, nil, synergySectors)
	return nil
}

// mostFrequent returns up to n values of a facet, the most counted
// first, then in code order.
func mostFrequent(counts map[facet]int, name string, keep func(string) bool, n int) []string {
	var vs []string
	for f := range counts {
		if f.name == name && (keep == nil || keep(f.value)) {
			vs = append(vs, f.value)
		}
	}
	sort.Slice(vs, func(i, j int) bool {
		ci, cj := counts[facet{name, vs[i]}], counts[facet{name, vs[j]}]
		if ci != cj {
			return ci > cj
		}
		return vs[i] < vs[j]
	})
	if len(vs) > n {
		vs = vs[:n]
	}
	return vs
}

// partners adds the organisations of the subject's own records to the
// ones left out: a town's twin is its partner, not a synergy to find.
func (s *synSearch) partners(ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	q := &query{}
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = q.arg(id)
	}
	rows, err := s.d.db.QueryContext(s.ctx, `SELECT to_id FROM links
		WHERE rel IN ('participant', 'party') AND from_id IN (`+strings.Join(ph, ", ")+`)`, q.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		s.ownOrgs[id] = true
	}
	return rows.Err()
}
