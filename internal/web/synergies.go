package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
)

// synergyView is "who else works there" for an organisation or a
// partnership: a short list on the record's page, the whole ranking on
// its synergies page. Each organisation says what it shares.
type synergyView struct {
	Lead string
	Orgs []synergyItem
	// More says that the registry holds more than listed; All is the
	// synergies page and Network the network of the same countries.
	More    bool
	All     string
	Network string
}

// synergyItem is one organisation as listed.
type synergyItem struct {
	Slug string
	Name proximite.Text
	Kind string
	Tier int
	Why  []string
}

// synergyGroup is the organisations of one tier, on the full page.
type synergyGroup struct {
	ID, Title string
	Orgs      []synergyItem
}

// synergies runs a synergy search for a page, through the minute-long
// cache: a record page is read far more often than the registry changes
// around it.
func (h *Handler) synergies(ctx context.Context, l *localizer, f proximite.SynergyFilter) (synergyView, error) {
	svc, ok := h.reg.(proximite.SynergyService)
	if !ok {
		return synergyView{}, nil
	}
	key := f.Org + "\x00" + f.Partnership + "\x00" + strconv.Itoa(f.Limit)
	res, ok := h.nearbyCache.get(key)
	if !ok {
		var err error
		if res, err = svc.FindSynergies(ctx, f); err != nil {
			return synergyView{}, err
		}
		h.nearbyCache.put(key, res)
	}
	v := synergyView{Lead: synergyLead(l, res.Profile), More: res.More}
	for _, s := range res.Orgs {
		v.Orgs = append(v.Orgs, synergyItem{Slug: s.Slug, Name: s.Name, Kind: l.Label("orgkind", string(s.Kind)),
			Tier: s.Tier(), Why: synergyWhy(l, &s)})
	}
	if len(res.Profile.Countries) > 0 {
		v.Network = path(l.lang, secNetwork, "") + "?" + url.Values{"country": res.Profile.Countries}.Encode()
	}
	return v, nil
}

// synergyLead says where the organisations were looked for.
func synergyLead(l *localizer, p proximite.SynergyProfile) string {
	var parts []string
	if len(p.Localities) > 0 {
		names := make([]string, len(p.Localities))
		for i, loc := range p.Localities {
			names[i] = loc.Name
		}
		parts = append(parts, l.N("synergies.lead.locality", len(names), "names", strings.Join(names, ", ")))
	}
	if len(p.Countries) > 0 {
		parts = append(parts, l.N("synergies.lead.countries", len(p.Countries), "names", countryNames(l, p.Countries)))
	}
	if len(p.Sectors) > 0 {
		parts = append(parts, l.N("synergies.lead.sectors", len(p.Sectors), "names", sectorNames(l, p.Sectors)))
	}
	if len(parts) == 0 {
		return l.T("synergies.lead.nothing")
	}
	joined := parts[0]
	if n := len(parts); n > 1 {
		joined = strings.Join(parts[:n-1], ", ") + l.T("synergies.or") + parts[n-1]
	}
	return l.T("synergies.lead", "where", joined)
}

// synergyWhy says what an organisation shares: "même localité :
// Gatineau", "même pays : Sénégal", "mêmes secteurs : …".
func synergyWhy(l *localizer, s *proximite.Synergy) []string {
	var why []string
	if s.Locality != nil {
		why = append(why, l.T("synergies.why.locality", "name", s.Locality.Name))
	}
	if len(s.Countries) > 0 {
		why = append(why, l.N("org.nearby.country", len(s.Countries), "names", countryNames(l, s.Countries)))
	}
	if len(s.Sectors) > 0 {
		why = append(why, l.N("org.nearby.sector", len(s.Sectors), "names", sectorNames(l, s.Sectors)))
	}
	if s.Records > 0 {
		why = append(why, l.N("synergies.why.records", s.Records))
	}
	return why
}

// synergyPage is the full page of an organisation's or a partnership's
// synergies.
type synergyPage struct {
	page
	Subject    proximite.Text
	SubjectURL string
	Kind       string // "organisation" or "partnership", for the wording
	View       synergyView
	Groups     []synergyGroup
}

// synergyRoutes registers the synergies pages in one language.
func (h *Handler) synergyRoutes(lang string, l *localizer) {
	for _, s := range []section{secOrganisation, secPartnership} {
		h.mux.HandleFunc("GET "+path(lang, s, "")+"/{slug}/synergies", h.with(l, h.synergyPage(s)))
	}
	h.networkRoutes(lang, l)
	h.fundingRoutes(lang, l)
}

func (h *Handler) synergyPage(sec section) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		ctx := r.Context()
		slug, err := recordSlug(r)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		var name proximite.Text
		var meta *proximite.Meta
		f := proximite.SynergyFilter{Limit: proximite.MaxSynergies}
		if sec == secOrganisation {
			o, err := h.reg.FindOrganisation(ctx, slug)
			if err != nil {
				h.fail(w, r, l, err)
				return
			}
			name, meta, f.Org = o.Name, &o.Meta, o.Slug
		} else {
			p, err := h.reg.FindPartnership(ctx, slug)
			if err != nil {
				h.fail(w, r, l, err)
				return
			}
			name, meta, f.Partnership = p.Title, &p.Meta, p.Slug
		}
		if err := published(meta); err != nil {
			h.fail(w, r, l, err)
			return
		}
		d := synergyPage{Subject: name, SubjectURL: path(l.lang, sec, meta.Slug), Kind: string(sec)}
		if d.View, err = h.synergies(ctx, l, f); err != nil {
			h.fail(w, r, l, err)
			return
		}
		for tier := proximite.TierLocality; tier < proximite.TierNone; tier++ {
			g := synergyGroup{ID: "tier-" + strconv.Itoa(tier), Title: l.T("synergies.tier." + strconv.Itoa(tier))}
			for _, o := range d.View.Orgs {
				if o.Tier == tier {
					g.Orgs = append(g.Orgs, o)
				}
			}
			if len(g.Orgs) > 0 {
				d.Groups = append(d.Groups, g)
			}
		}
		title := l.T("synergies.title", "name", l.plain(name))
		d.page = h.base(r, l, sec, meta.Slug, "", title, d.View.Lead)
		subpage(&d.page, r, l, sec, meta.Slug, "synergies", l.plain(name))
		h.render(w, r, l, http.StatusOK, "synergies", d)
	}
}

// subpage points a page built by base for a record at one of the
// record's sub-pages (/fr/acteurs/x/synergies): its canonical and other
// language addresses, and breadcrumbs that go through the record.
func subpage(p *page, r *http.Request, l *localizer, sec section, slug, sub, recordName string) {
	other := otherLang(l.lang)
	o := origin(r)
	p.Canonical = o + path(l.lang, sec, slug) + "/" + sub
	p.Alternate.Href = path(other, sec, slug) + "/" + sub
	p.Alternate.Canonical = o + p.Alternate.Href
	if n := len(p.Crumbs); n > 0 {
		p.Crumbs = append(p.Crumbs[:n-1], crumb{Name: recordName, Href: path(l.lang, sec, slug)}, crumb{Name: l.T("synergies.crumb")})
	}
}

// synergySection is the data of the "synergysection" template: the view
// and the id of its heading, unique on the page.
type synergySection struct {
	ID   string
	View synergyView
}

// Section pairs the view with the id of its heading, for the template.
func (v synergyView) Section(id string) synergySection { return synergySection{ID: id, View: v} }
