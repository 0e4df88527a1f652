package api

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/twins"
)

// Who else works where a record works, and with whom: the synergies of an
// organisation or a partnership, the network of organisations, and a
// town's known twinnings, answered by the same services as the pages
// (proximite.SynergyService, proximite.NetworkService, twins.OfTown).

// synergyResponse is the ranking of the synergies page.
type synergyResponse struct {
	Subject searchItem     `json:"subject"`
	Profile synergyProfile `json:"profile"`
	Items   []synergyItem  `json:"items"`
	More    bool           `json:"more"`
}

// synergyProfile is what the subject was compared on.
type synergyProfile struct {
	Localities []proximite.Locality `json:"localities"`
	Countries  []string             `json:"countries"`
	Sectors    []string             `json:"sectors"`
}

// synergyItem is an organisation with its tier (0 the same locality, 1
// country and sector, 2 country, 3 sector) and its address.
type synergyItem struct {
	proximite.Synergy
	Tier int    `json:"tier"`
	URL  string `json:"url"`
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// limitParam reads a bound between 1 and max, def when absent.
func limitParam(q url.Values, name string, def, max int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, proximite.FieldError(name, "must be a whole number between 1 and %d, got %q", max, s)
	}
	return n, nil
}

// synergies answers the synergies of the organisations or of the
// partnerships, by slug or ID.
func (h *Handler) synergies(t proximite.RecordType) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { h.synergiesOf(w, r, t) }
}

func (h *Handler) synergiesOf(w http.ResponseWriter, r *http.Request, t proximite.RecordType) {
	ctx := r.Context()
	svc, ok := h.reg.(proximite.SynergyService)
	if !ok {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "this registry finds no synergies"))
		return
	}
	limit, err := limitParam(r.URL.Query(), "limit", proximite.MaxSynergies, proximite.MaxSynergies)
	if err != nil {
		h.error(w, r, err)
		return
	}
	rec, err := h.findPublished(ctx, t, r.PathValue("id"))
	if err != nil {
		h.error(w, r, err)
		return
	}
	subject := recordItem(rec.(proximite.Record))
	f := proximite.SynergyFilter{Limit: limit}
	if t == proximite.TypeOrganisation {
		f.Org = subject.Slug
	} else {
		f.Partnership = subject.Slug
	}
	res, err := svc.FindSynergies(ctx, f)
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := synergyResponse{Subject: subject, More: res.More, Items: []synergyItem{},
		Profile: synergyProfile{orEmpty(res.Profile.Localities), orEmpty(res.Profile.Countries), orEmpty(res.Profile.Sectors)}}
	for _, s := range res.Orgs {
		out.Items = append(out.Items, synergyItem{Synergy: s, Tier: s.Tier(), URL: "/api/v1/organisations/" + s.Slug})
	}
	writeJSON(w, http.StatusOK, out)
}

// networkResponse is the network page's graph.
type networkResponse struct {
	Nodes []networkNode           `json:"nodes"`
	Edges []proximite.NetworkEdge `json:"edges"`
	// LeftOut, Records and Sampled say what the bounds left out.
	LeftOut int  `json:"left_out"`
	Records int  `json:"records"`
	Sampled bool `json:"sampled"`
	Size    int  `json:"size"`
}

type networkNode struct {
	proximite.NetworkNode
	URL string `json:"url"`
}

// network answers the network with the page's filters; a value the page
// would leave out with a notice is refused here.
func (h *Handler) network(w http.ResponseWriter, r *http.Request) {
	svc, ok := h.reg.(proximite.NetworkService)
	if !ok {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "this registry draws no network"))
		return
	}
	q := r.URL.Query()
	kinds, countries := multi(q, "kind"), multi(q, "country")
	if err := checkValues("kind", kinds, func(s string) bool { return proximite.OrgKind(s).Valid() },
		"use kinds of organisation such as municipality"); err != nil {
		h.error(w, r, err)
		return
	}
	if err := checkValues("country", countries, validCountry, "use ISO 3166-1 alpha-2 codes such as SN"); err != nil {
		h.error(w, r, err)
		return
	}
	var f proximite.NetworkFilter
	// In the order of the list and once each, as the page asks, so that
	// the same choice is the same filter.
	for _, k := range proximite.OrgKinds {
		if contains(kinds, string(k)) {
			f.Kinds = append(f.Kinds, k)
		}
	}
	for _, c := range countries {
		if !contains(f.Countries, c) {
			f.Countries = append(f.Countries, c)
		}
	}
	var err error
	if f.MaxNodes, err = limitParam(q, "size", proximite.DefaultNetworkNodes, proximite.MaxNetworkNodes); err != nil {
		h.error(w, r, err)
		return
	}
	g, err := svc.NetworkGraph(r.Context(), f)
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := networkResponse{Nodes: []networkNode{}, Edges: orEmpty(g.Edges), LeftOut: g.LeftOut, Records: g.Records,
		Sampled: g.Sampled, Size: f.MaxNodes}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, networkNode{n, "/api/v1/organisations/" + n.Slug})
	}
	writeJSON(w, http.StatusOK, out)
}

// twinsResponse is a town's known twinnings, from a copy of a public
// list that is not the registry's own writing: it carries its credit.
type twinsResponse struct {
	Town   searchItem `json:"town"`
	Credit string     `json:"credit"`
	Items  []twinItem `json:"items"`
}

// twinItem is a known twin town: recorded when the registry has a
// partnership with it, with the registry's organisation of that town
// when it has a public one.
type twinItem struct {
	City     string      `json:"city"`
	Country  string      `json:"country"`
	Lat      float64     `json:"lat"`
	Lng      float64     `json:"lng"`
	Recorded bool        `json:"recorded"`
	Org      *searchItem `json:"org,omitempty"`
}

func (h *Handler) twins(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	layer, ok := h.reg.(proximite.TwinService)
	if !ok {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "this registry keeps no known twinnings"))
		return
	}
	rec, err := h.findPublished(ctx, proximite.TypeOrganisation, r.PathValue("id"))
	if err != nil {
		h.error(w, r, err)
		return
	}
	o := rec.(*proximite.Organisation)
	if o.Kind != proximite.Municipality || o.Country == "" {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "%s is not a town: twinnings are known for municipalities with a country", o.Slug))
		return
	}
	town, err := twins.OfTown(ctx, h.reg, layer, o)
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := twinsResponse{Town: recordItem(o), Credit: proximite.TwinCredit, Items: []twinItem{}}
	if town != nil {
		for _, k := range town.Known {
			it := twinItem{City: k.City, Country: k.Country, Lat: k.Lat, Lng: k.Lng, Recorded: k.Recorded}
			if k.Org != nil && k.Org.State == proximite.Published {
				item := recordItem(k.Org)
				it.Org = &item
			}
			out.Items = append(out.Items, it)
		}
	}
	writeJSON(w, http.StatusOK, out)
}
