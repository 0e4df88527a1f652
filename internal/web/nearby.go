package web

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// nearbyView is the "who else works there" part of an organisation's
// page: other organisations active in the same countries or sectors,
// each with what it shares, so that a reader of Buckingham's page sees
// that a Malian committee is there for a shared sector, not for Senegal.
type nearbyView struct {
	Countries string // the countries looked in, named
	Sectors   string // the sector categories looked in, named
	Orgs      []nearbyItem
}

// nearbyItem is one organisation of the list as shown.
type nearbyItem struct {
	nearbyOrg
	Why []string // "même pays : Sénégal", "même secteur : Santé de base"
}

// nearbyOrg is one organisation that shares countries or sectors, with
// how many of the records found it takes part in and what they share.
// It holds codes, not names, since it is kept for both languages.
type nearbyOrg struct {
	Slug      string
	Name      proximite.Text
	Kind      proximite.OrgKind
	Shared    int
	Countries []string // ISO codes shared with the organisation of the page
	Sectors   []string // DAC sector categories shared
}

// Bounds of the "who else" search: the projects read per facet to find
// the organisations (each has two to four participants, so a few dozen
// candidates for the eight places), and the organisations shown. Each
// project read is a record load, the bulk of an organisation page's
// cost on a large registry.
const (
	nearbyProjects = 6
	nearbyShown    = 8
)

// nearby finds organisations active where this one is: the countries and
// sectors of its projects and partnerships (or, without any, its own
// country). Organisations score a point for each project in those
// countries or sectors they take part in, and one for being based in one
// of those countries; each keeps the countries and sectors it shares,
// which the page names beside it. The registry has no query for this, so
// it reads a bounded number of projects and organisations, and the answer
// is kept for a minute.
func (h *Handler) nearby(ctx context.Context, l *localizer, o *proximite.Organisation) (nearbyView, error) {
	countries, sectors, err := h.activity(ctx, o)
	if err != nil {
		return nearbyView{}, err
	}
	v := nearbyView{Countries: countryNames(l, countries), Sectors: sectorNames(l, sectors)}
	orgs, ok := h.nearbyCache.get(o.Slug)
	if !ok {
		if orgs, err = h.findNearby(ctx, o.Slug, countries, sectors); err != nil {
			return nearbyView{}, err
		}
		h.nearbyCache.put(o.Slug, orgs)
	}
	for _, n := range orgs {
		item := nearbyItem{nearbyOrg: n}
		if len(n.Countries) > 0 {
			item.Why = append(item.Why, l.N("org.nearby.country", len(n.Countries), "names", countryNames(l, n.Countries)))
		}
		if len(n.Sectors) > 0 {
			item.Why = append(item.Why, l.N("org.nearby.sector", len(n.Sectors), "names", sectorNames(l, n.Sectors)))
		}
		v.Orgs = append(v.Orgs, item)
	}
	return v, nil
}

// findNearby scores the organisations active in the countries and
// sectors given, and keeps the best.
func (h *Handler) findNearby(ctx context.Context, self string, countries, sectors []string) ([]nearbyOrg, error) {
	scores := map[string]*nearbyOrg{}
	add := func(slug string, name proximite.Text, kind proximite.OrgKind, inCountries, inSectors []string) {
		if slug == "" || slug == self {
			return
		}
		s, ok := scores[slug]
		if !ok {
			s = &nearbyOrg{Slug: slug, Name: name, Kind: kind}
			scores[slug] = s
		}
		s.Shared++
		if s.Kind == "" {
			s.Kind = kind
		}
		s.Countries = common(countries, union(s.Countries, inCountries))
		s.Sectors = common(sectors, union(s.Sectors, inSectors))
	}
	if err := h.scoreProjects(ctx, self, countries, sectors, add); err != nil {
		return nil, err
	}
	// Organisations merely based in those countries fill the places that
	// the projects left: those active there through projects say more.
	if len(countries) > 0 && len(scores) < nearbyShown {
		based, err := h.reg.Search(ctx, proximite.SearchFilter{Limit: nearbyShown, NoCount: true,
			Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeOrganisation)}, proximite.FacetCountry: countries}})
		if err != nil {
			return nil, err
		}
		for _, hit := range based.Hits {
			// Read to know which of the countries it is based in.
			other, err := h.reg.FindOrganisation(ctx, hit.Slug)
			if err != nil {
				return nil, err
			}
			add(other.Slug, other.Name, other.Kind, common(countries, []string{other.Country}), nil)
		}
	}
	return rank(scores), nil
}

// countryNames names countries in the visitor's language: "Mali, Sénégal".
func countryNames(l *localizer, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = codelist.Country.Label(c, l.lang)
	}
	return strings.Join(names, ", ")
}

// sectorNames names DAC sector categories in the visitor's language.
func sectorNames(l *localizer, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = codelist.SectorCategory.Label(c, l.lang)
	}
	return strings.Join(names, ", ")
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
// sectors, and credits their participants with the countries and sectors
// each project shares. The organisation's own projects are skipped: their
// partners are not "someone else".
func (h *Handler) scoreProjects(ctx context.Context, self string, countries, sectors []string,
	add func(slug string, name proximite.Text, kind proximite.OrgKind, countries, sectors []string)) error {
	seen := map[string]bool{}
	for facet, values := range map[string][]string{proximite.FacetCountry: countries, proximite.FacetSectorCategory: sectors} {
		if len(values) == 0 {
			continue
		}
		res, err := h.reg.Search(ctx, proximite.SearchFilter{Sort: proximite.SortRecent, Limit: nearbyProjects, NoCount: true,
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
			// Found by one facet, a project may share the other too.
			inCountries, inSectors := common(countries, projectCountries(p)), common(sectors, projectSectors(p))
			for _, pt := range p.Participants {
				if pt.Org != "" {
					add(pt.Org, pt.OrgName, pt.OrgKind, inCountries, inSectors)
				}
			}
		}
	}
	return nil
}

// projectCountries returns the countries of a project as the registry's
// country facet has them: its recipient countries and its locations'.
func projectCountries(p *proximite.Project) []string {
	var out []string
	for _, c := range p.Countries {
		out = union(out, []string{c.Code})
	}
	for _, loc := range p.Locations {
		if loc.Country != "" {
			out = union(out, []string{loc.Country})
		}
	}
	return out
}

// projectSectors returns the DAC sector categories of a project, as the
// registry's sector facet has them.
func projectSectors(p *proximite.Project) []string {
	var out []string
	for _, s := range p.Sectors {
		switch s.Vocab() {
		case "1":
			if c := codelist.SectorCategoryOf(s.Code); c != "" {
				out = union(out, []string{c})
			}
		case "2":
			out = union(out, []string{s.Code})
		}
	}
	return out
}

// common returns the values of ref that are also in other, in ref's
// order.
func common(ref, other []string) []string {
	var out []string
	for _, v := range ref {
		if slices.Contains(other, v) {
			out = append(out, v)
		}
	}
	return out
}

// union appends to a the values of b it lacks.
func union(a, b []string) []string {
	for _, v := range b {
		if !slices.Contains(a, v) {
			a = append(a, v)
		}
	}
	return a
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
