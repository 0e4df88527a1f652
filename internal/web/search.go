package web

import (
	"net/http"

	"github.com/proximite/proximite"
)

// searchData is the search page, and the list page of one type, which is
// the same page with the type fixed.
type searchData struct {
	page
	Heading string
	Action  string // where the form goes: the search or the list
	Params  searchParams
	Hidden  []hidden // what the form keeps that it shows no field for
	Total   int
	// Capped says that more records match than a search examines
	// (proximite.MaxMatches): Total is then a lower bound, and the facet
	// counts are those of the most recent matches.
	Capped   bool
	LastURL  string // the last page of a capped search, from a page past it
	From, To int
	Hits     []hitView
	Facets   []facetView
	// FacetScope says which records the facet counts count.
	FacetScope string
	Chips      []chip
	ClearURL   string
	Sorts      []option
	Pager      pager
	Map        *mapView // countries of the matching projects, on the search page
}

// search serves /fr/recherche and /en/search: every record type, with
// facets, filters, sorting and paging, all in the query string.
func (h *Handler) search(w http.ResponseWriter, r *http.Request, l *localizer) {
	h.results(w, r, l, "")
}

// list serves the list of one record type (/fr/partenariats…), the same
// engine with the type fixed.
func (h *Handler) list(t proximite.RecordType) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) { h.results(w, r, l, t) }
}

func (h *Handler) results(w http.ResponseWriter, r *http.Request, l *localizer, fixed proximite.RecordType) {
	params, err := parseSearch(r.URL.RawQuery, fixed)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	res, err := h.reg.Search(r.Context(), params.filter(l.lang))
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	d := h.searchView(r, l, params, res, h.linkedNames(r, l, params))
	if fixed == "" && len(res.Facets[proximite.FacetCountry]) > 0 && params.Page == 1 {
		d.Map = h.resultsMap(l, params, res)
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	h.render(w, r, l, http.StatusOK, "search", d)
}

// linkedNames returns the names of the records a search is restricted to
// (an organisation's projects…), for its filter chips. A slug that names
// nothing keeps its slug: the search then simply finds nothing.
func (h *Handler) linkedNames(r *http.Request, l *localizer, p searchParams) map[string]string {
	out := map[string]string{}
	if p.Org != "" {
		if o, err := h.reg.FindOrganisation(r.Context(), p.Org); err == nil && o.State == proximite.Published {
			out["org"] = l.plain(o.Name)
		}
	}
	if p.Partnership != "" {
		if x, err := h.reg.FindPartnership(r.Context(), p.Partnership); err == nil && x.State == proximite.Published {
			out["partnership"] = l.plain(x.Title)
		}
	}
	if p.Programme != "" {
		if x, err := h.reg.FindProgramme(r.Context(), p.Programme); err == nil && x.State == proximite.Published {
			out["programme"] = l.plain(x.Name)
		}
	}
	return out
}
