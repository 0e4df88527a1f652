package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/proximite/proximite"
)

// parseFilter reads the search parameters shared by /search and the
// lists: q, one parameter per facet (repeatable or comma-separated), org,
// partnership, programme, sort, limit and offset.
func parseFilter(v url.Values) (proximite.SearchFilter, error) {
	f := proximite.SearchFilter{
		Query:       v.Get("q"),
		Filters:     map[string][]string{},
		Org:         v.Get("org"),
		Partnership: v.Get("partnership"),
		Programme:   v.Get("programme"),
		Sort:        v.Get("sort"),
		Lang:        v.Get("lang"),
	}
	for _, name := range proximite.Facets {
		for _, raw := range v[name] {
			for _, s := range strings.Split(raw, ",") {
				if s = strings.TrimSpace(s); s != "" {
					f.Filters[name] = append(f.Filters[name], s)
				}
			}
		}
	}
	for _, t := range f.Filters[proximite.FacetType] {
		if !proximite.RecordType(t).Valid() {
			return f, proximite.FieldError("type", "unknown type %q: use organisation, partnership, project, visit or programme", t)
		}
	}
	switch f.Sort {
	case "", proximite.SortRelevance, proximite.SortTitle, proximite.SortRecent, proximite.SortYear:
	default:
		return f, proximite.FieldError("sort", "unknown order %q: use relevance, title, recent or year", f.Sort)
	}
	var err error
	if f.Limit, err = atoi(v.Get("limit"), "limit"); err != nil {
		return f, err
	}
	if f.Limit > proximite.MaxLimit {
		return f, proximite.FieldError("limit", "at most %d", proximite.MaxLimit)
	}
	if f.Limit == 0 {
		f.Limit = 20
	}
	if f.Offset, err = atoi(v.Get("offset"), "offset"); err != nil {
		return f, err
	}
	return f, nil
}

// searchItem is a hit as the search endpoint returns it.
type searchItem struct {
	Type  proximite.RecordType `json:"type"`
	ID    int64                `json:"id"`
	Slug  string               `json:"slug"`
	Title proximite.Text       `json:"title"`
	Year  int                  `json:"year,omitempty"`
	URL   string               `json:"url"`
}

func items(hits []proximite.Hit) []searchItem {
	out := make([]searchItem, len(hits))
	for i, h := range hits {
		out[i] = searchItem{h.Type, h.ID, h.Slug, h.Title, h.Year, "/api/v1/" + Collection(h.Type) + "/" + h.Slug}
	}
	return out
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		h.error(w, r, err)
		return
	}
	f.WithFacets = true
	res, err := h.reg.Search(r.Context(), f)
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Items  []searchItem                      `json:"items"`
		Total  int                               `json:"total"`
		Capped bool                              `json:"capped"`
		Limit  int                               `json:"limit"`
		Offset int                               `json:"offset"`
		Facets map[string][]proximite.FacetCount `json:"facets"`
	}{items(res.Hits), res.Total, res.Capped, f.Limit, f.Offset, res.Facets})
}
