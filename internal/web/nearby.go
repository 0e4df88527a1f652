package web

import (
	"context"
	"sort"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// nearbyView is the "who else works there" part of an organisation's
// page: other organisations active in the same countries or sectors.
type nearbyView struct {
	Where string // the countries, named
	Orgs  []nearbyOrg
}

// nearbyOrg is one organisation that shares countries or sectors, with
// how many of the records found it takes part in.
type nearbyOrg struct {
	Slug   string
	Name   proximite.Text
	Kind   proximite.OrgKind
	Shared int
}

// Bounds of the "who else" search: the records read to find the
// organisations, and the organisations shown.
const (
	nearbyProjects = 12
	nearbyShown    = 8
)

// nearby finds organisations active where this one is: the countries and
// sectors of its projects and partnerships (or, without any, its own
// country). Organisations score a point for each project in those
// countries or sectors they take part in, and one for being based in one
// of those countries. The registry has no query for this, so it reads a
// bounded number of projects, and the answer is kept for a minute.
func (h *Handler) nearby(ctx context.Context, l *localizer, o *proximite.Organisation) (nearbyView, error) {
	countries, sectors, err := h.activity(ctx, o)
	if err != nil {
		return nearbyView{}, err
	}
	names := make([]string, len(countries))
	for i, c := range countries {
		names[i] = codelist.Country.Label(c, l.lang)
	}
	v := nearbyView{Where: strings.Join(names, ", ")}
	if cached, ok := h.nearbyCache.get(o.Slug); ok {
		v.Orgs = cached
		return v, nil
	}
	scores := map[string]*nearbyOrg{}
	add := func(slug string, name proximite.Text, kind proximite.OrgKind) {
		if slug == "" || slug == o.Slug {
			return
		}
		if s, ok := scores[slug]; ok {
			s.Shared++
			return
		}
		scores[slug] = &nearbyOrg{Slug: slug, Name: name, Kind: kind, Shared: 1}
	}
	if err := h.scoreProjects(ctx, o.Slug, countries, sectors, add); err != nil {
		return nearbyView{}, err
	}
	if len(countries) > 0 {
		based, err := h.reg.Search(ctx, proximite.SearchFilter{Sort: proximite.SortTitle, Limit: nearbyProjects,
			Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeOrganisation)}, proximite.FacetCountry: countries}})
		if err != nil {
			return nearbyView{}, err
		}
		for _, hit := range based.Hits {
			add(hit.Slug, hit.Title, "")
		}
	}
	v.Orgs = rank(scores)
	h.nearbyCache.put(o.Slug, v.Orgs)
	return v, nil
}

// activity returns where and in what an organisation works, from the
// registry's facets: the countries and sector categories of its
// projects; without projects, the countries of its partnerships other
// than its own; without either, its own country.
func (h *Handler) activity(ctx context.Context, o *proximite.Organisation) (countries, sectors []string, err error) {
	facets := func(t proximite.RecordType) (map[string][]proximite.FacetCount, error) {
		res, err := h.reg.Search(ctx, proximite.SearchFilter{Org: o.Slug, Limit: 1, WithFacets: true,
			Filters: map[string][]string{proximite.FacetType: {string(t)}}})
		if err != nil {
			return nil, err
		}
		return res.Facets, nil
	}
	projects, err := facets(proximite.TypeProject)
	if err != nil {
		return nil, nil, err
	}
	for _, c := range projects[proximite.FacetCountry] {
		countries = append(countries, c.Value)
	}
	for _, s := range projects[proximite.FacetSectorCategory] {
		sectors = append(sectors, s.Value)
	}
	if len(countries) == 0 {
		partnerships, err := facets(proximite.TypePartnership)
		if err != nil {
			return nil, nil, err
		}
		for _, c := range partnerships[proximite.FacetCountry] {
			if c.Value != o.Country {
				countries = append(countries, c.Value)
			}
		}
	}
	if len(countries) == 0 && o.Country != "" {
		countries = []string{o.Country}
	}
	return countries, sectors, nil
}

// scoreProjects reads the projects in the same countries and in the same
// sectors, and credits their participants. The organisation's own
// projects are skipped: their partners are not "someone else".
func (h *Handler) scoreProjects(ctx context.Context, self string, countries, sectors []string,
	add func(string, proximite.Text, proximite.OrgKind)) error {
	seen := map[string]bool{}
	for facet, values := range map[string][]string{proximite.FacetCountry: countries, proximite.FacetSectorCategory: sectors} {
		if len(values) == 0 {
			continue
		}
		res, err := h.reg.Search(ctx, proximite.SearchFilter{Sort: proximite.SortRecent, Limit: nearbyProjects,
			Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeProject)}, facet: values}})
		if err != nil {
			return err
		}
		for _, hit := range res.Hits {
			if seen[hit.Slug] {
				continue
			}
			seen[hit.Slug] = true
			p, err := h.reg.FindProject(ctx, hit.Slug)
			if err != nil {
				return err
			}
			if takesPart(p, self) {
				continue
			}
			for _, pt := range p.Participants {
				if pt.Org != "" {
					add(pt.Org, pt.OrgName, pt.OrgKind)
				}
			}
		}
	}
	return nil
}

// rank orders the organisations found by score, then by name.
func rank(scores map[string]*nearbyOrg) []nearbyOrg {
	out := make([]nearbyOrg, 0, len(scores))
	for _, s := range scores {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Shared != out[j].Shared {
			return out[i].Shared > out[j].Shared
		}
		return out[i].Name.String() < out[j].Name.String()
	})
	if len(out) > nearbyShown {
		out = out[:nearbyShown]
	}
	return out
}

// takesPart reports whether an organisation participates in a project.
func takesPart(p *proximite.Project, org string) bool {
	for _, pt := range p.Participants {
		if pt.Org == org {
			return true
		}
	}
	return false
}
