package web

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// networkData is the network page: the filters, the drawing and its text
// alternative.
type networkData struct {
	page
	Action    string
	Kinds     []networkOption
	Countries []networkOption
	Sizes     []networkOption
	Notices   []string
	Drawing   networkDrawing
	Legend    []networkLegend
	Links     []networkLink
	Summary   string
	LeftOut   string
	Sampled   string
}

// networkOption is a choice of the filter form.
type networkOption struct {
	Value, Label string
	Selected     bool
}

// networkLegend is a kind of organisation and its colour.
type networkLegend struct {
	Colour, Label string
}

// networkLink is a row of the text alternative: two organisations and
// what links them.
type networkLink struct {
	From, To     networkEnd
	Partnerships int
	Projects     int
}

// networkEnd is an organisation of a link, as the table shows it.
type networkEnd struct {
	Name proximite.Text
	URL  string
	Kind string
}

// Sizes offered for the drawing; the default is the domain's.
var networkSizes = []int{20, proximite.DefaultNetworkNodes, 80, proximite.MaxNetworkNodes}

func (h *Handler) networkRoutes(lang string, l *localizer) {
	h.mux.HandleFunc("GET "+path(lang, secNetwork, ""), h.with(l, h.network))
}

// network draws the organisations linked by partnerships and projects,
// filtered by kind of organisation and country. Values it does not know
// are named in a notice and left out, so that a hand-edited address still
// shows a network.
func (h *Handler) network(w http.ResponseWriter, r *http.Request, l *localizer) {
	ctx := r.Context()
	svc, ok := h.reg.(proximite.NetworkService)
	if !ok {
		h.notFound(w, r, l)
		return
	}
	q := r.URL.Query()
	d := networkData{Action: path(l.lang, secNetwork, "")}
	var f proximite.NetworkFilter
	chosen := map[string]bool{}
	for _, k := range q["kind"] {
		if proximite.OrgKind(k).Valid() {
			chosen["k"+k] = true
		} else {
			d.Notices = append(d.Notices, l.T("network.bad.kind", "value", excerpt(k, 40)))
		}
	}
	// In the order of the list, so that the same choice is one filter.
	for _, k := range proximite.OrgKinds {
		if chosen["k"+string(k)] {
			f.Kinds = append(f.Kinds, k)
		}
	}
	for _, c := range q["country"] {
		if c == "" {
			continue
		}
		if codelist.Country.Valid(c) && !chosen["c"+c] {
			chosen["c"+c] = true
			f.Countries = append(f.Countries, c)
		} else if !codelist.Country.Valid(c) {
			d.Notices = append(d.Notices, l.T("network.bad.country", "value", excerpt(c, 40)))
		}
	}
	f.MaxNodes = proximite.DefaultNetworkNodes
	if s := q.Get("size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > proximite.MaxNetworkNodes {
			d.Notices = append(d.Notices, l.T("network.bad.size", "max", proximite.MaxNetworkNodes))
		} else {
			f.MaxNodes = n
		}
	}
	// Each drawing is kept a minute: a crawler or a visitor going back
	// and forth does not read the registry again.
	key := fmt.Sprint(f)
	g, ok := h.networks.get(key)
	var err error
	if !ok {
		if g, err = svc.NetworkGraph(ctx, f); err != nil {
			h.fail(w, r, l, err)
			return
		}
		h.networks.put(key, g)
	}
	for _, k := range proximite.OrgKinds {
		d.Kinds = append(d.Kinds, networkOption{Value: string(k), Label: l.Label("orgkind", string(k)), Selected: chosen["k"+string(k)]})
	}
	if d.Countries, err = h.networkCountries(r, l, chosen); err != nil {
		h.fail(w, r, l, err)
		return
	}
	for _, n := range networkSizes {
		d.Sizes = append(d.Sizes, networkOption{Value: strconv.Itoa(n), Label: l.Number(float64(n), 0), Selected: n == f.MaxNodes})
	}
	d.Drawing, d.Legend = drawNetwork(l, g)
	d.Links = networkLinks(l, g)
	d.Summary = l.T("network.summary", "orgs", l.N("network.orgs", len(g.Nodes)), "links", l.N("network.links", len(g.Edges)))
	if g.LeftOut > 0 {
		d.LeftOut = l.N("network.leftout", g.LeftOut)
	}
	if g.Sampled {
		d.Sampled = l.T("network.sampled", "n", proximite.NetworkRecords)
	}
	canonical := url.Values{}
	for _, k := range f.Kinds {
		canonical.Add("kind", string(k))
	}
	for _, c := range f.Countries {
		canonical.Add("country", c)
	}
	if f.MaxNodes != proximite.DefaultNetworkNodes {
		canonical.Set("size", strconv.Itoa(f.MaxNodes))
	}
	d.page = h.base(r, l, secNetwork, "", canonical.Encode(), l.T("network.title"), l.T("network.lead"))
	h.render(w, r, l, http.StatusOK, "network", d)
}

// networkCountries offers the countries where organisations are, from
// the counts the registry keeps, by name.
func (h *Handler) networkCountries(r *http.Request, l *localizer, chosen map[string]bool) ([]networkOption, error) {
	res, err := h.reg.Search(r.Context(), proximite.SearchFilter{Limit: 1, WithFacets: true,
		Filters: map[string][]string{proximite.FacetType: {string(proximite.TypeOrganisation)}}})
	if err != nil {
		return nil, err
	}
	var out []networkOption
	for _, c := range res.Facets[proximite.FacetCountry] {
		out = append(out, networkOption{Value: c.Value, Label: codelist.Country.Label(c.Value, l.lang), Selected: chosen["c"+c.Value]})
	}
	sort.Slice(out, func(i, j int) bool { return proximite.Fold(out[i].Label) < proximite.Fold(out[j].Label) })
	return out, nil
}

// networkLinks is the text alternative of the drawing: every link, with
// both organisations and what links them.
func networkLinks(l *localizer, g *proximite.NetworkGraph) []networkLink {
	nodes := map[string]proximite.NetworkNode{}
	for _, n := range g.Nodes {
		nodes[n.Slug] = n
	}
	end := func(slug string) networkEnd {
		n := nodes[slug]
		return networkEnd{Name: n.Name, URL: path(l.lang, secOrganisation, slug), Kind: l.Label("orgkind", string(n.Kind))}
	}
	out := make([]networkLink, len(g.Edges))
	for i, e := range g.Edges {
		out[i] = networkLink{From: end(e.From), To: end(e.To), Partnerships: e.Partnerships, Projects: e.Projects}
	}
	return out
}
