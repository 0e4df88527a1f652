package api

import (
	"context"
	"net/http"

	"github.com/proximite/proximite"
)

// find loads one record of a type with its metadata.
func (h *Handler) find(ctx context.Context, t proximite.RecordType, idOrSlug string) (any, *proximite.Meta, error) {
	switch t {
	case proximite.TypeOrganisation:
		o, err := h.reg.FindOrganisation(ctx, idOrSlug)
		if err != nil {
			return nil, nil, err
		}
		return o, &o.Meta, nil
	case proximite.TypePartnership:
		p, err := h.reg.FindPartnership(ctx, idOrSlug)
		if err != nil {
			return nil, nil, err
		}
		return p, &p.Meta, nil
	case proximite.TypeProject:
		p, err := h.reg.FindProject(ctx, idOrSlug)
		if err != nil {
			return nil, nil, err
		}
		return p, &p.Meta, nil
	case proximite.TypeVisit:
		v, err := h.reg.FindVisit(ctx, idOrSlug)
		if err != nil {
			return nil, nil, err
		}
		return v, &v.Meta, nil
	case proximite.TypePublication:
		p, err := h.reg.FindPublication(ctx, idOrSlug)
		if err != nil {
			return nil, nil, err
		}
		return p, &p.Meta, nil
	default:
		p, err := h.reg.FindProgramme(ctx, idOrSlug)
		if err != nil {
			return nil, nil, err
		}
		return p, &p.Meta, nil
	}
}

// findPublished is find for the public: a record that is not published
// does not exist for it.
func (h *Handler) findPublished(ctx context.Context, t proximite.RecordType, idOrSlug string) (any, error) {
	rec, meta, err := h.find(ctx, t, idOrSlug)
	if err != nil {
		return nil, err
	}
	if meta.State != proximite.Published {
		return nil, proximite.Errorf(proximite.ENOTFOUND, "no %s %q", t, idOrSlug)
	}
	return rec, nil
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	t, ok := collections[r.PathValue("collection")]
	if !ok {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "no such collection %q", r.PathValue("collection")))
		return
	}
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		h.error(w, r, err)
		return
	}
	f.Filters[proximite.FacetType] = []string{string(t)}
	res, err := h.reg.Search(r.Context(), f)
	if err != nil {
		h.error(w, r, err)
		return
	}
	out := make([]any, 0, len(res.Hits))
	for _, hit := range res.Hits {
		rec, err := h.findPublished(r.Context(), t, hit.Slug)
		if err != nil {
			h.error(w, r, err)
			return
		}
		out = append(out, rec)
	}
	writeJSON(w, http.StatusOK, struct {
		Items  []any `json:"items"`
		Total  int   `json:"total"`
		Capped bool  `json:"capped"`
		Limit  int   `json:"limit"`
		Offset int   `json:"offset"`
	}{out, res.Total, res.Capped, f.Limit, f.Offset})
}

// related lists, by type, the published records linked to one record.
type related map[string][]searchItem

func (h *Handler) related(ctx context.Context, f proximite.SearchFilter, types ...proximite.RecordType) (related, error) {
	out := related{}
	for _, t := range types {
		f.Filters = map[string][]string{proximite.FacetType: {string(t)}}
		f.Limit, f.Sort = proximite.MaxLimit, proximite.SortYear
		res, err := h.reg.Search(ctx, f)
		if err != nil {
			return nil, err
		}
		out[Collection(t)] = items(res.Hits)
	}
	return out, nil
}

func (h *Handler) record(w http.ResponseWriter, r *http.Request) {
	t, ok := collections[r.PathValue("collection")]
	if !ok {
		h.error(w, r, proximite.Errorf(proximite.ENOTFOUND, "no such collection %q", r.PathValue("collection")))
		return
	}
	rec, err := h.findPublished(r.Context(), t, r.PathValue("id"))
	if err != nil {
		h.error(w, r, err)
		return
	}
	var links related
	switch rec := rec.(type) {
	case *proximite.Organisation:
		links, err = h.related(r.Context(), proximite.SearchFilter{Org: rec.Slug},
			proximite.TypePartnership, proximite.TypeProject, proximite.TypeVisit, proximite.TypeProgramme, proximite.TypePublication)
	case *proximite.Partnership:
		links, err = h.related(r.Context(), proximite.SearchFilter{Partnership: rec.Slug},
			proximite.TypeProject, proximite.TypeVisit, proximite.TypePublication)
	case *proximite.Programme:
		links, err = h.related(r.Context(), proximite.SearchFilter{Programme: rec.Slug}, proximite.TypeProject)
	}
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Type   proximite.RecordType `json:"type"`
		Record any                  `json:"record"`
		Links  related              `json:"links,omitempty"`
	}{t, rec, links})
}
