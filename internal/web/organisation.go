package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// orgData is an organisation's page.
type orgData struct {
	page
	Org          *proximite.Organisation
	Meta         recordMeta
	Kind         string
	Place        string
	CountryURL   string
	History      []linkGroup
	Reverse      []linkGroup
	Partnerships relatedList
	Projects     relatedList
	Visits       relatedList
	Programmes   relatedList
	Publications relatedList
	Nearby       nearbyView
	Events       []eventLinkView // the events it organises

	// Twins are a town's known twinnings that the registry lacks.
	Twins *twinsView
}

// linkGroup is a kind of link between organisations with its targets:
// "Fait partie de : Gatineau (depuis 2002)".
type linkGroup struct {
	Label string
	Links []orgLinkView
}

// orgLinkView is one organisation at the other end of a link.
type orgLinkView struct {
	Name   proximite.Text
	URL    string
	Period string
	Note   proximite.Text
}

func (h *Handler) organisation(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	slug, err := recordSlug(r)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	o, err := h.reg.FindOrganisation(ctx, slug)
	if err == nil {
		err = published(&o.Meta)
	}
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if canonical(w, r, l, secOrganisation, slug, &o.Meta) {
		return
	}
	linked, err := h.newestLinked(ctx, proximite.SearchFilter{Org: o.Slug})
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	events, eventsChanged, err := h.orgEvents(ctx, l, o.Slug)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	if h.fresh(w, r, l.lang, o.UpdatedAt, linked, eventsChanged, h.twinsStamp(ctx, o)) {
		return
	}
	d := orgData{Events: events, Org: o, Meta: metaView(l, proximite.TypeOrganisation, &o.Meta), Kind: l.Label("orgkind", string(o.Kind)),
		Place: place3(o.Locality, o.Subdivision, codelist.Country.Label(o.Country, l.lang)), History: forwardLinks(l, o)}
	if o.Country != "" {
		d.CountryURL = path(l.lang, secSearch, "") + "?country=" + o.Country
	}
	if d.Reverse, err = h.reverseLinks(ctx, l, o.Slug); err != nil {
		h.fail(w, r, l, err)
		return
	}
	by := proximite.SearchFilter{Org: o.Slug}
	for _, rl := range []struct {
		dst *relatedList
		t   proximite.RecordType
	}{{&d.Partnerships, proximite.TypePartnership}, {&d.Projects, proximite.TypeProject},
		{&d.Visits, proximite.TypeVisit}, {&d.Programmes, proximite.TypeProgramme},
		{&d.Publications, proximite.TypePublication}} {
		if *rl.dst, err = h.related(ctx, l, by, rl.t); err != nil {
			h.fail(w, r, l, err)
			return
		}
	}
	if d.Nearby, err = h.nearby(ctx, l, o); err != nil {
		h.fail(w, r, l, err)
		return
	}
	if d.Twins, err = h.townTwins(ctx, l, o); err != nil {
		h.fail(w, r, l, err)
		return
	}
	name := l.plain(o.Name)
	d.page = h.base(r, l, secOrganisation, o.Slug, "", name, orgDescription(l, o, name, d.Kind))
	h.render(w, r, l, http.StatusOK, "organisation", d)
}

// place3 joins the known parts of a place: "Buckingham, QC, Canada".
func place3(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" && !contains(kept, p) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ", ")
}

// orgDescription is the page's meta description: the organisation's own
// description, or what it is and where.
func orgDescription(l *localizer, o *proximite.Organisation, name, kind string) string {
	if s := l.plain(o.Description); s != "" {
		return excerpt(s, 180)
	}
	return excerpt(name+" — "+kind+" — "+codelist.Country.Label(o.Country, l.lang), 180)
}

// forwardLinks groups an organisation's own links by kind.
func forwardLinks(l *localizer, o *proximite.Organisation) []linkGroup {
	var out []linkGroup
	for _, k := range []proximite.OrgLinkKind{proximite.PartOf, proximite.MergedInto, proximite.MemberOf,
		proximite.FoundedBy, proximite.NearTo} {
		g := linkGroup{Label: l.Label("orglink", string(k))}
		for _, ln := range o.Links {
			if ln.Kind == k {
				g.Links = append(g.Links, orgLinkView{Name: ln.TargetName, URL: path(l.lang, secOrganisation, ln.Target),
					Period: linkPeriod(l, ln), Note: ln.Note})
			}
		}
		if len(g.Links) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// maxReverse bounds the organisations read for the links to one
// organisation (a network's members).
const maxReverse = 60

// reverseLinks finds the organisations that link to this one and groups
// them by the kind of their link: Gatineau's page says that Buckingham
// has been part of it since 2002. The store's organisation filter
// matches any link, so each one is read to find which.
func (h *Handler) reverseLinks(ctx context.Context, l *localizer, slug string) ([]linkGroup, error) {
	res, err := h.reg.Search(ctx, proximite.SearchFilter{Org: slug, Sort: proximite.SortTitle, Limit: maxReverse,
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeOrganisation)}}})
	if err != nil {
		return nil, err
	}
	groups := map[proximite.OrgLinkKind]*linkGroup{}
	var order []proximite.OrgLinkKind
	for _, hit := range res.Hits {
		other, err := h.reg.FindOrganisation(ctx, hit.Slug)
		if err != nil {
			return nil, err
		}
		for _, ln := range other.Links {
			if ln.Target != slug {
				continue
			}
			g, ok := groups[ln.Kind]
			if !ok {
				g = &linkGroup{Label: l.Label("orglink.rev", string(ln.Kind))}
				groups[ln.Kind] = g
				order = append(order, ln.Kind)
			}
			g.Links = append(g.Links, orgLinkView{Name: other.Name, URL: path(l.lang, secOrganisation, other.Slug),
				Period: linkPeriod(l, ln), Note: ln.Note})
		}
	}
	out := make([]linkGroup, len(order))
	for i, k := range order {
		out[i] = *groups[k]
	}
	return out, nil
}

// linkPeriod says when a link held. A foundation or a merger happened
// once: "en 2002", where a membership lasts: "depuis 2002".
func linkPeriod(l *localizer, ln proximite.OrgLink) string {
	if (ln.Kind == proximite.FoundedBy || ln.Kind == proximite.MergedInto) && ln.Since != "" && ln.Until == "" {
		return l.T(precision("period.in", ln.Since), "date", l.Date(ln.Since))
	}
	return l.Period(ln.Since, ln.Until)
}
