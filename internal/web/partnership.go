package web

import (
	"context"
	"net/http"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// partnershipData is a partnership's page.
type partnershipData struct {
	page
	P           *proximite.Partnership
	Meta        recordMeta
	Kind        string
	Form        string
	LocalPeople string
	Period      string
	Sides       []sideView
	Timeline    []timelineEvent
	Projects    relatedList
	// Publications are the library's documents about the partnership.
	Publications relatedList
	Exchanges    exchanges
	// Synergies are the other organisations active where it works.
	Synergies synergyView
	// Assess is the section of assessments, for the members who may
	// read them; nil for everyone else.
	Assess *assessView
}

// sideView is one side of a partnership with its parties.
type sideView struct {
	Side    proximite.Side
	Label   string
	Parties []partyView
}

// partyView is one organisation of a partnership.
type partyView struct {
	Name, Role         proximite.Text
	URL, Kind, Country string
	Period             string
}

// maxPartnershipRecords bounds the projects and visits read in full for
// a partnership's timeline and exchanges; the counts stay exact beyond.
const maxPartnershipRecords = 60

func (h *Handler) partnership(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	slug, err := recordSlug(r)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	p, err := h.reg.FindPartnership(ctx, slug)
	if err == nil {
		err = published(&p.Meta)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if canonical(w, r, l, secPartnership, slug, &p.Meta) {
		return
	}
	linked, err := h.newestLinked(ctx, proximite.SearchFilter{Partnership: p.Slug})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if at := h.latestAssessment(ctx, r, p); at.After(linked) {
		linked = at
	}
	if h.fresh(w, r, l.lang, p.UpdatedAt, linked) {
		return
	}
	d := partnershipData{P: p, Meta: metaView(l, proximite.TypePartnership, &p.Meta),
		Kind: l.Label("pkind", string(p.Kind)), Form: l.Label("form", string(p.Form)),
		LocalPeople: l.Label("localpeople", string(p.LocalPeople)), Period: l.Period(p.Start, p.End),
		Sides: sides(l, p)}
	by := proximite.SearchFilter{Partnership: p.Slug}
	if d.Projects, err = h.related(ctx, l, by, proximite.TypeProject); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Publications, err = h.related(ctx, l, by, proximite.TypePublication); err != nil {
		h.fail(w, r, l, err)
		return
	}
	projects, err := h.partnershipProjects(ctx, p.Slug)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	visits, byDirection, err := h.partnershipVisits(ctx, p.Slug)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Synergies, err = h.synergies(ctx, l, proximite.SynergyFilter{Partnership: p.Slug}); err != nil {
		h.fail(w, r, l, err)
		return
	}
	d.Synergies.All = path(l.lang, secPartnership, p.Slug) + "/synergies"
	d.Timeline = timeline(l, p, projects, visits, h.now())
	d.Exchanges = exchangesOf(l, visits, byDirection)
	if d.Assess, err = h.partnershipAssessments(ctx, r, l, p); err != nil {
		h.fail(w, r, l, err)
		return
	}
	title := l.plain(p.Title)
	desc := excerpt(l.plain(p.Description), 180)
	if desc == "" {
		desc = title + " — " + d.Kind
	}
	d.page = h.base(r, l, secPartnership, p.Slug, "", title, desc)
	h.render(w, r, l, http.StatusOK, "partnership", d)
}

// sides groups the parties: the North, the South, then those in support.
func sides(l *localizer, p *proximite.Partnership) []sideView {
	var out []sideView
	for _, s := range []proximite.Side{proximite.North, proximite.South, proximite.Support} {
		sv := sideView{Side: s, Label: l.Label("side", string(s))}
		for _, pt := range p.Parties {
			if pt.Side == s {
				sv.Parties = append(sv.Parties, partyView{Name: pt.OrgName, URL: path(l.lang, secOrganisation, pt.Org),
					Kind: l.Label("orgkind", string(pt.OrgKind)), Country: codelist.Country.Label(pt.OrgCountry, l.lang),
					Role: pt.Role, Period: l.Period(pt.Since, pt.Until)})
			}
		}
		if len(sv.Parties) > 0 {
			out = append(out, sv)
		}
	}
	return out
}

// partnershipProjects reads a partnership's projects in full, for their
// dates on the timeline.
func (h *Handler) partnershipProjects(ctx context.Context, slug string) ([]*proximite.Project, error) {
	res, err := h.reg.Search(ctx, proximite.SearchFilter{Partnership: slug, Sort: proximite.SortYear,
		Limit: maxPartnershipRecords, Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeProject)}}})
	if err != nil {
		return nil, err
	}
	out := make([]*proximite.Project, 0, len(res.Hits))
	for _, hit := range res.Hits {
		p, err := h.reg.FindProject(ctx, hit.Slug)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// partnershipVisits reads a partnership's visits in full, oldest first,
// with the exact number of delegations in each direction.
func (h *Handler) partnershipVisits(ctx context.Context, slug string) ([]*proximite.Visit, map[string]int, error) {
	res, err := h.reg.Search(ctx, proximite.SearchFilter{Partnership: slug, Sort: proximite.SortTitle, WithFacets: true,
		Limit: maxPartnershipRecords, Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeVisit)}}})
	if err != nil {
		return nil, nil, err
	}
	byDirection := map[string]int{}
	for _, c := range res.Facets[proximite.FacetDirection] {
		byDirection[c.Value] = c.Count
	}
	out := make([]*proximite.Visit, 0, len(res.Hits))
	for _, hit := range res.Hits {
		v, err := h.reg.FindVisit(ctx, hit.Slug)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, v)
	}
	return out, byDirection, nil
}
